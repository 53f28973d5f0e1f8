(define (problem s11_h3_t2)
    (:domain alfred)
    (:objects
        agent1 - agent
        loc_bar__minus_1_bar_4_bar_3_bar_30 - location
        loc_bar__minus_2_bar_10_bar_3_bar_30 - location
        loc_bar__minus_3_bar_11_bar_3_bar_30 - location
        loc_bar__minus_3_bar_11_bar_3_bar_31 - location
        loc_bar__minus_3_bar_12_bar_3_bar_30 - location
        loc_bar__minus_3_bar_13_bar_3_bar_30 - location
        loc_bar__minus_3_bar_14_bar_3_bar_30 - location
        loc_bar__minus_4_bar_11_bar_3_bar_30 - location
        loc_bar__minus_5_bar_12_bar_3_bar_30 - location
        loc_bar__minus_5_bar_13_bar_3_bar_30 - location
        loc_bar_0_bar_0_bar_0_bar_30 - location
        loc_bar_1_bar_13_bar_0_bar_30 - location
        Bathtub_bar__minus_01_dot_41_bar_00_dot_00_bar__plus_00_dot_56_bar_BathtubBasin - receptacle
        Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_02_dot_49 - receptacle
        Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_11 - receptacle
        Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_14 - receptacle
        Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_75 - receptacle
        CounterTop_bar__minus_01_dot_80_bar__plus_00_dot_75_bar__plus_03_dot_12 - receptacle
        Dresser_bar__plus_00_dot_21_bar__plus_00_dot_81_bar__plus_03_dot_77 - receptacle
        GarbageCan_bar__minus_01_dot_76_bar__minus_00_dot_02_bar__plus_02_dot_22 - receptacle
        Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_02_dot_78_bar_SinkBasin - receptacle
        Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_03_dot_47_bar_SinkBasin - receptacle
        Toilet_bar__minus_01_dot_57_bar_00_dot_00_bar__plus_01_dot_82 - receptacle
        Candle_bar__minus_01_dot_23_bar__plus_00_dot_76_bar__plus_01_dot_19 - object
        Cloth_bar__plus_01_dot_40_bar__plus_02_dot_81_bar__minus_01_dot_52 - object
        Cloth_bar__minus_01_dot_14_bar__minus_02_dot_52_bar__minus_01_dot_96 - object
        HandTowel_bar__plus_00_dot_47_bar__plus_02_dot_92_bar__minus_00_dot_20 - object
        HandTowel_bar__plus_00_dot_75_bar__plus_02_dot_67_bar__minus_02_dot_24 - object
        Plunger_bar__plus_00_dot_62_bar__minus_00_dot_73_bar__minus_02_dot_37 - object
        Plunger_bar__plus_01_dot_17_bar__plus_02_dot_90_bar__minus_00_dot_65 - object
        SoapBar_bar__plus_01_dot_26_bar__minus_00_dot_72_bar__minus_01_dot_00 - object
        SoapBar_bar__plus_01_dot_76_bar__minus_01_dot_16_bar__plus_00_dot_58 - object
        SoapBar_bar__plus_02_dot_81_bar__plus_00_dot_83_bar__minus_02_dot_17 - object
        SoapBottle_bar__plus_02_dot_96_bar__minus_00_dot_65_bar__minus_01_dot_47 - object
        SoapBottle_bar__minus_02_dot_76_bar__plus_02_dot_61_bar__plus_02_dot_45 - object
        SprayBottle_bar__plus_00_dot_23_bar__plus_01_dot_24_bar__plus_00_dot_04 - object
        SprayBottle_bar__plus_01_dot_63_bar__plus_02_dot_10_bar__plus_00_dot_71 - object
        SprayBottle_bar__minus_02_dot_01_bar__minus_00_dot_92_bar__minus_01_dot_77 - object
        ToiletPaper_bar__plus_02_dot_44_bar__plus_02_dot_33_bar__minus_00_dot_55 - object
        ButterKnifeType - otype
        CandleType - otype
        ClothType - otype
        HandTowelType - otype
        KnifeType - otype
        PlungerType - otype
        SoapBarType - otype
        SoapBottleType - otype
        SprayBottleType - otype
        ToiletPaperType - otype
        BathtubBasinType - rtype
        CabinetType - rtype
        CounterTopType - rtype
        DresserType - rtype
        FridgeType - rtype
        GarbageCanType - rtype
        MicrowaveType - rtype
        SinkBasinType - rtype
        ToiletType - rtype
    )
    (:init
        (atLocation agent1 loc_bar_0_bar_0_bar_0_bar_30)
        (receptacleType Bathtub_bar__minus_01_dot_41_bar_00_dot_00_bar__plus_00_dot_56_bar_BathtubBasin BathtubBasinType)
        (receptacleAtLocation Bathtub_bar__minus_01_dot_41_bar_00_dot_00_bar__plus_00_dot_56_bar_BathtubBasin loc_bar__minus_1_bar_4_bar_3_bar_30)
        (receptacleType Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_02_dot_49 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_02_dot_49 loc_bar__minus_3_bar_13_bar_3_bar_30)
        (openable Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_02_dot_49)
        (receptacleType Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_11 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_11 loc_bar__minus_3_bar_14_bar_3_bar_30)
        (openable Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_11)
        (receptacleType Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_14 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_14 loc_bar__minus_3_bar_11_bar_3_bar_30)
        (openable Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_14)
        (receptacleType Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_75 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_75 loc_bar__minus_3_bar_12_bar_3_bar_30)
        (openable Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_75)
        (receptacleType CounterTop_bar__minus_01_dot_80_bar__plus_00_dot_75_bar__plus_03_dot_12 CounterTopType)
        (receptacleAtLocation CounterTop_bar__minus_01_dot_80_bar__plus_00_dot_75_bar__plus_03_dot_12 loc_bar__minus_4_bar_11_bar_3_bar_30)
        (receptacleType Dresser_bar__plus_00_dot_21_bar__plus_00_dot_81_bar__plus_03_dot_77 DresserType)
        (receptacleAtLocation Dresser_bar__plus_00_dot_21_bar__plus_00_dot_81_bar__plus_03_dot_77 loc_bar_1_bar_13_bar_0_bar_30)
        (receptacleType GarbageCan_bar__minus_01_dot_76_bar__minus_00_dot_02_bar__plus_02_dot_22 GarbageCanType)
        (receptacleAtLocation GarbageCan_bar__minus_01_dot_76_bar__minus_00_dot_02_bar__plus_02_dot_22 loc_bar__minus_3_bar_11_bar_3_bar_31)
        (receptacleType Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_02_dot_78_bar_SinkBasin SinkBasinType)
        (receptacleAtLocation Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_02_dot_78_bar_SinkBasin loc_bar__minus_5_bar_13_bar_3_bar_30)
        (receptacleType Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_03_dot_47_bar_SinkBasin SinkBasinType)
        (receptacleAtLocation Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_03_dot_47_bar_SinkBasin loc_bar__minus_5_bar_12_bar_3_bar_30)
        (receptacleType Toilet_bar__minus_01_dot_57_bar_00_dot_00_bar__plus_01_dot_82 ToiletType)
        (receptacleAtLocation Toilet_bar__minus_01_dot_57_bar_00_dot_00_bar__plus_01_dot_82 loc_bar__minus_2_bar_10_bar_3_bar_30)
        (canContain BathtubBasinType ClothType)
        (canContain BathtubBasinType HandTowelType)
        (canContain BathtubBasinType SoapBarType)
        (canContain CabinetType CandleType)
        (canContain CabinetType ClothType)
        (canContain CabinetType HandTowelType)
        (canContain CabinetType PlungerType)
        (canContain CabinetType SoapBarType)
        (canContain CabinetType SoapBottleType)
        (canContain CabinetType SprayBottleType)
        (canContain CabinetType ToiletPaperType)
        (canContain CounterTopType ButterKnifeType)
        (canContain CounterTopType CandleType)
        (canContain CounterTopType ClothType)
        (canContain CounterTopType HandTowelType)
        (canContain CounterTopType KnifeType)
        (canContain CounterTopType SoapBarType)
        (canContain CounterTopType SoapBottleType)
        (canContain CounterTopType SprayBottleType)
        (canContain CounterTopType ToiletPaperType)
        (canContain DresserType CandleType)
        (canContain DresserType ClothType)
        (canContain DresserType SprayBottleType)
        (canContain DresserType ToiletPaperType)
        (canContain GarbageCanType ClothType)
        (canContain GarbageCanType HandTowelType)
        (canContain GarbageCanType SoapBarType)
        (canContain GarbageCanType SoapBottleType)
        (canContain GarbageCanType SprayBottleType)
        (canContain GarbageCanType ToiletPaperType)
        (canContain SinkBasinType ButterKnifeType)
        (canContain SinkBasinType ClothType)
        (canContain SinkBasinType HandTowelType)
        (canContain SinkBasinType KnifeType)
        (canContain SinkBasinType SoapBarType)
        (canContain ToiletType CandleType)
        (canContain ToiletType ClothType)
        (canContain ToiletType HandTowelType)
        (canContain ToiletType SoapBarType)
        (canContain ToiletType SoapBottleType)
        (canContain ToiletType SprayBottleType)
        (canContain ToiletType ToiletPaperType)
        (objectType Candle_bar__minus_01_dot_23_bar__plus_00_dot_76_bar__plus_01_dot_19 CandleType)
        (inReceptacle Candle_bar__minus_01_dot_23_bar__plus_00_dot_76_bar__plus_01_dot_19 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_11)
        (objectAtLocation Candle_bar__minus_01_dot_23_bar__plus_00_dot_76_bar__plus_01_dot_19 loc_bar__minus_3_bar_14_bar_3_bar_30)
        (pickupable Candle_bar__minus_01_dot_23_bar__plus_00_dot_76_bar__plus_01_dot_19)
        (objectType Cloth_bar__plus_01_dot_40_bar__plus_02_dot_81_bar__minus_01_dot_52 ClothType)
        (inReceptacle Cloth_bar__plus_01_dot_40_bar__plus_02_dot_81_bar__minus_01_dot_52 Toilet_bar__minus_01_dot_57_bar_00_dot_00_bar__plus_01_dot_82)
        (objectAtLocation Cloth_bar__plus_01_dot_40_bar__plus_02_dot_81_bar__minus_01_dot_52 loc_bar__minus_2_bar_10_bar_3_bar_30)
        (pickupable Cloth_bar__plus_01_dot_40_bar__plus_02_dot_81_bar__minus_01_dot_52)
        (cleanable Cloth_bar__plus_01_dot_40_bar__plus_02_dot_81_bar__minus_01_dot_52)
        (objectType Cloth_bar__minus_01_dot_14_bar__minus_02_dot_52_bar__minus_01_dot_96 ClothType)
        (inReceptacle Cloth_bar__minus_01_dot_14_bar__minus_02_dot_52_bar__minus_01_dot_96 Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_03_dot_47_bar_SinkBasin)
        (objectAtLocation Cloth_bar__minus_01_dot_14_bar__minus_02_dot_52_bar__minus_01_dot_96 loc_bar__minus_5_bar_12_bar_3_bar_30)
        (pickupable Cloth_bar__minus_01_dot_14_bar__minus_02_dot_52_bar__minus_01_dot_96)
        (cleanable Cloth_bar__minus_01_dot_14_bar__minus_02_dot_52_bar__minus_01_dot_96)
        (objectType HandTowel_bar__plus_00_dot_47_bar__plus_02_dot_92_bar__minus_00_dot_20 HandTowelType)
        (inReceptacle HandTowel_bar__plus_00_dot_47_bar__plus_02_dot_92_bar__minus_00_dot_20 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_02_dot_49)
        (objectAtLocation HandTowel_bar__plus_00_dot_47_bar__plus_02_dot_92_bar__minus_00_dot_20 loc_bar__minus_3_bar_13_bar_3_bar_30)
        (pickupable HandTowel_bar__plus_00_dot_47_bar__plus_02_dot_92_bar__minus_00_dot_20)
        (objectType HandTowel_bar__plus_00_dot_75_bar__plus_02_dot_67_bar__minus_02_dot_24 HandTowelType)
        (inReceptacle HandTowel_bar__plus_00_dot_75_bar__plus_02_dot_67_bar__minus_02_dot_24 Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_02_dot_78_bar_SinkBasin)
        (objectAtLocation HandTowel_bar__plus_00_dot_75_bar__plus_02_dot_67_bar__minus_02_dot_24 loc_bar__minus_5_bar_13_bar_3_bar_30)
        (pickupable HandTowel_bar__plus_00_dot_75_bar__plus_02_dot_67_bar__minus_02_dot_24)
        (objectType Plunger_bar__plus_00_dot_62_bar__minus_00_dot_73_bar__minus_02_dot_37 PlungerType)
        (inReceptacle Plunger_bar__plus_00_dot_62_bar__minus_00_dot_73_bar__minus_02_dot_37 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_75)
        (objectAtLocation Plunger_bar__plus_00_dot_62_bar__minus_00_dot_73_bar__minus_02_dot_37 loc_bar__minus_3_bar_12_bar_3_bar_30)
        (pickupable Plunger_bar__plus_00_dot_62_bar__minus_00_dot_73_bar__minus_02_dot_37)
        (objectType Plunger_bar__plus_01_dot_17_bar__plus_02_dot_90_bar__minus_00_dot_65 PlungerType)
        (inReceptacle Plunger_bar__plus_01_dot_17_bar__plus_02_dot_90_bar__minus_00_dot_65 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_02_dot_49)
        (objectAtLocation Plunger_bar__plus_01_dot_17_bar__plus_02_dot_90_bar__minus_00_dot_65 loc_bar__minus_3_bar_13_bar_3_bar_30)
        (pickupable Plunger_bar__plus_01_dot_17_bar__plus_02_dot_90_bar__minus_00_dot_65)
        (objectType SoapBar_bar__plus_01_dot_26_bar__minus_00_dot_72_bar__minus_01_dot_00 SoapBarType)
        (inReceptacle SoapBar_bar__plus_01_dot_26_bar__minus_00_dot_72_bar__minus_01_dot_00 Toilet_bar__minus_01_dot_57_bar_00_dot_00_bar__plus_01_dot_82)
        (objectAtLocation SoapBar_bar__plus_01_dot_26_bar__minus_00_dot_72_bar__minus_01_dot_00 loc_bar__minus_2_bar_10_bar_3_bar_30)
        (pickupable SoapBar_bar__plus_01_dot_26_bar__minus_00_dot_72_bar__minus_01_dot_00)
        (cleanable SoapBar_bar__plus_01_dot_26_bar__minus_00_dot_72_bar__minus_01_dot_00)
        (objectType SoapBar_bar__plus_01_dot_76_bar__minus_01_dot_16_bar__plus_00_dot_58 SoapBarType)
        (inReceptacle SoapBar_bar__plus_01_dot_76_bar__minus_01_dot_16_bar__plus_00_dot_58 GarbageCan_bar__minus_01_dot_76_bar__minus_00_dot_02_bar__plus_02_dot_22)
        (objectAtLocation SoapBar_bar__plus_01_dot_76_bar__minus_01_dot_16_bar__plus_00_dot_58 loc_bar__minus_3_bar_11_bar_3_bar_31)
        (pickupable SoapBar_bar__plus_01_dot_76_bar__minus_01_dot_16_bar__plus_00_dot_58)
        (cleanable SoapBar_bar__plus_01_dot_76_bar__minus_01_dot_16_bar__plus_00_dot_58)
        (objectType SoapBar_bar__plus_02_dot_81_bar__plus_00_dot_83_bar__minus_02_dot_17 SoapBarType)
        (inReceptacle SoapBar_bar__plus_02_dot_81_bar__plus_00_dot_83_bar__minus_02_dot_17 Sink_bar__minus_01_dot_83_bar__plus_00_dot_69_bar__plus_03_dot_47_bar_SinkBasin)
        (objectAtLocation SoapBar_bar__plus_02_dot_81_bar__plus_00_dot_83_bar__minus_02_dot_17 loc_bar__minus_5_bar_12_bar_3_bar_30)
        (pickupable SoapBar_bar__plus_02_dot_81_bar__plus_00_dot_83_bar__minus_02_dot_17)
        (cleanable SoapBar_bar__plus_02_dot_81_bar__plus_00_dot_83_bar__minus_02_dot_17)
        (objectType SoapBottle_bar__plus_02_dot_96_bar__minus_00_dot_65_bar__minus_01_dot_47 SoapBottleType)
        (inReceptacle SoapBottle_bar__plus_02_dot_96_bar__minus_00_dot_65_bar__minus_01_dot_47 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_02_dot_49)
        (objectAtLocation SoapBottle_bar__plus_02_dot_96_bar__minus_00_dot_65_bar__minus_01_dot_47 loc_bar__minus_3_bar_13_bar_3_bar_30)
        (pickupable SoapBottle_bar__plus_02_dot_96_bar__minus_00_dot_65_bar__minus_01_dot_47)
        (objectType SoapBottle_bar__minus_02_dot_76_bar__plus_02_dot_61_bar__plus_02_dot_45 SoapBottleType)
        (inReceptacle SoapBottle_bar__minus_02_dot_76_bar__plus_02_dot_61_bar__plus_02_dot_45 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_11)
        (objectAtLocation SoapBottle_bar__minus_02_dot_76_bar__plus_02_dot_61_bar__plus_02_dot_45 loc_bar__minus_3_bar_14_bar_3_bar_30)
        (pickupable SoapBottle_bar__minus_02_dot_76_bar__plus_02_dot_61_bar__plus_02_dot_45)
        (objectType SprayBottle_bar__plus_00_dot_23_bar__plus_01_dot_24_bar__plus_00_dot_04 SprayBottleType)
        (inReceptacle SprayBottle_bar__plus_00_dot_23_bar__plus_01_dot_24_bar__plus_00_dot_04 GarbageCan_bar__minus_01_dot_76_bar__minus_00_dot_02_bar__plus_02_dot_22)
        (objectAtLocation SprayBottle_bar__plus_00_dot_23_bar__plus_01_dot_24_bar__plus_00_dot_04 loc_bar__minus_3_bar_11_bar_3_bar_31)
        (pickupable SprayBottle_bar__plus_00_dot_23_bar__plus_01_dot_24_bar__plus_00_dot_04)
        (objectType SprayBottle_bar__plus_01_dot_63_bar__plus_02_dot_10_bar__plus_00_dot_71 SprayBottleType)
        (inReceptacle SprayBottle_bar__plus_01_dot_63_bar__plus_02_dot_10_bar__plus_00_dot_71 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_14)
        (objectAtLocation SprayBottle_bar__plus_01_dot_63_bar__plus_02_dot_10_bar__plus_00_dot_71 loc_bar__minus_3_bar_11_bar_3_bar_30)
        (pickupable SprayBottle_bar__plus_01_dot_63_bar__plus_02_dot_10_bar__plus_00_dot_71)
        (objectType SprayBottle_bar__minus_02_dot_01_bar__minus_00_dot_92_bar__minus_01_dot_77 SprayBottleType)
        (inReceptacle SprayBottle_bar__minus_02_dot_01_bar__minus_00_dot_92_bar__minus_01_dot_77 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_75)
        (objectAtLocation SprayBottle_bar__minus_02_dot_01_bar__minus_00_dot_92_bar__minus_01_dot_77 loc_bar__minus_3_bar_12_bar_3_bar_30)
        (pickupable SprayBottle_bar__minus_02_dot_01_bar__minus_00_dot_92_bar__minus_01_dot_77)
        (objectType ToiletPaper_bar__plus_02_dot_44_bar__plus_02_dot_33_bar__minus_00_dot_55 ToiletPaperType)
        (inReceptacle ToiletPaper_bar__plus_02_dot_44_bar__plus_02_dot_33_bar__minus_00_dot_55 Cabinet_bar__minus_01_dot_61_bar__plus_00_dot_31_bar__plus_03_dot_14)
        (objectAtLocation ToiletPaper_bar__plus_02_dot_44_bar__plus_02_dot_33_bar__minus_00_dot_55 loc_bar__minus_3_bar_11_bar_3_bar_30)
        (pickupable ToiletPaper_bar__plus_02_dot_44_bar__plus_02_dot_33_bar__minus_00_dot_55)
    )

                (:goal
                    (and
                        (exists (?r - receptacle)
                            (exists (?o1 - object)
                                (and
                                    (objectType ?o1 HandTowelType)
                                    (receptacleType ?r CabinetType)
                                    (inReceptacle ?o1 ?r)
                                    (exists (?o2 - object)
                                        (and
                                            (not (= ?o1 ?o2))
                                            (objectType ?o2 HandTowelType)
                                            (receptacleType ?r CabinetType)
                                            (inReceptacle ?o2 ?r)
                                        )
                                    )
                                )
                            )
                        )
                    )
                )
            )
            