(define (problem s7_h0_t0)
    (:domain alfred)
    (:objects
        agent1 - agent
        loc_bar__minus_11_bar_1_bar_0_bar_30 - location
        loc_bar__minus_11_bar_8_bar_0_bar_30 - location
        loc_bar__minus_12_bar__minus_12_bar_0_bar_30 - location
        loc_bar__minus_1_bar__minus_2_bar_2_bar_30 - location
        loc_bar__minus_1_bar__minus_4_bar_1_bar_30 - location
        loc_bar__minus_1_bar__minus_4_bar_2_bar_30 - location
        loc_bar__minus_2_bar__minus_4_bar_2_bar__minus_30 - location
        loc_bar__minus_3_bar__minus_2_bar_2_bar_30 - location
        loc_bar__minus_4_bar__minus_2_bar_2_bar_0 - location
        loc_bar__minus_4_bar__minus_3_bar_2_bar_30 - location
        loc_bar__minus_4_bar__minus_4_bar_1_bar_30 - location
        loc_bar__minus_5_bar__minus_2_bar_2_bar_0 - location
        loc_bar__minus_5_bar__minus_4_bar_3_bar_30 - location
        loc_bar__minus_6_bar__minus_2_bar_2_bar_30 - location
        loc_bar__minus_6_bar__minus_2_bar_2_bar_31 - location
        loc_bar__minus_6_bar__minus_4_bar_3_bar_30 - location
        loc_bar__minus_7_bar_11_bar_0_bar_30 - location
        loc_bar__minus_8_bar__minus_2_bar_0_bar_30 - location
        loc_bar__minus_8_bar__minus_4_bar_2_bar__minus_30 - location
        loc_bar__minus_8_bar__minus_4_bar_2_bar_30 - location
        loc_bar_0_bar__minus_1_bar_1_bar_30 - location
        loc_bar_0_bar__minus_3_bar_1_bar_30 - location
        loc_bar_0_bar__minus_3_bar_1_bar_31 - location
        loc_bar_0_bar_0_bar_0_bar_30 - location
        loc_bar_0_bar_0_bar_1_bar_30 - location
        loc_bar_1_bar__minus_2_bar_2_bar_30 - location
        loc_bar_1_bar__minus_4_bar_1_bar__minus_30 - location
        loc_bar_1_bar__minus_4_bar_1_bar_30 - location
        loc_bar_1_bar__minus_4_bar_2_bar__minus_30 - location
        loc_bar_1_bar__minus_5_bar_0_bar_30 - location
        loc_bar_1_bar_1_bar_1_bar_30 - location
        loc_bar_1_bar_7_bar_1_bar_30 - location
        loc_bar_2_bar__minus_2_bar_2_bar_30 - location
        loc_bar_2_bar__minus_3_bar_1_bar__minus_30 - location
        loc_bar_2_bar__minus_3_bar_2_bar__minus_30 - location
        loc_bar_2_bar__minus_4_bar_1_bar_0 - location
        loc_bar_2_bar__minus_4_bar_1_bar_30 - location
        loc_bar_2_bar_0_bar_1_bar_30 - location
        loc_bar_2_bar_9_bar_1_bar_0 - location
        loc_bar_4_bar_10_bar_0_bar_30 - location
        Cabinet_bar__plus_00_dot_49_bar__plus_02_dot_06_bar__minus_01_dot_69 - receptacle
        Cabinet_bar__plus_00_dot_83_bar__plus_00_dot_40_bar__minus_01_dot_39 - receptacle
        Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__plus_00_dot_67 - receptacle
        Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__minus_00_dot_55 - receptacle
        Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__minus_01_dot_37 - receptacle
        Cabinet_bar__plus_01_dot_16_bar__plus_02_dot_06_bar__minus_00_dot_34 - receptacle
        Cabinet_bar__plus_01_dot_16_bar__plus_02_dot_06_bar__minus_01_dot_02 - receptacle
        Cabinet_bar__minus_00_dot_19_bar__plus_02_dot_06_bar__minus_01_dot_69 - receptacle
        Cabinet_bar__minus_00_dot_20_bar__plus_00_dot_40_bar__minus_01_dot_39 - receptacle
        Cabinet_bar__minus_00_dot_24_bar__plus_00_dot_40_bar__minus_01_dot_39 - receptacle
        Cabinet_bar__minus_00_dot_69_bar__plus_00_dot_75_bar__minus_01_dot_39 - receptacle
        Cabinet_bar__minus_00_dot_82_bar__plus_00_dot_40_bar__minus_01_dot_39 - receptacle
        Cabinet_bar__minus_00_dot_82_bar__plus_02_dot_06_bar__minus_01_dot_69 - receptacle
        Cabinet_bar__minus_00_dot_87_bar__plus_02_dot_01_bar__minus_01_dot_69 - receptacle
        Cabinet_bar__minus_01_dot_61_bar__plus_02_dot_01_bar__minus_01_dot_69 - receptacle
        Cabinet_bar__minus_01_dot_66_bar__plus_02_dot_06_bar__minus_01_dot_68 - receptacle
        Cabinet_bar__minus_01_dot_67_bar__plus_00_dot_40_bar__minus_01_dot_39 - receptacle
        Cabinet_bar__minus_02_dot_24_bar__plus_00_dot_40_bar__minus_01_dot_39 - receptacle
        CoffeeMachine_bar__minus_02_dot_31_bar__minus_00_dot_65_bar__plus_01_dot_22 - receptacle
        CounterTop_bar__plus_01_dot_17_bar__plus_00_dot_95_bar__minus_00_dot_65 - receptacle
        CounterTop_bar__plus_01_dot_50_bar__plus_01_dot_20_bar__minus_00_dot_66 - receptacle
        CounterTop_bar__minus_01_dot_97_bar__plus_00_dot_95_bar__minus_01_dot_71 - receptacle
        CounterTop_bar__minus_02_dot_10_bar__plus_00_dot_95_bar__plus_00_dot_29 - receptacle
        Drawer_bar__plus_00_dot_59_bar__plus_00_dot_75_bar__minus_01_dot_39 - receptacle
        Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__plus_00_dot_43 - receptacle
        Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__minus_00_dot_70 - receptacle
        Drawer_bar__plus_00_dot_87_bar__plus_00_dot_75_bar__minus_01_dot_14 - receptacle
        Drawer_bar__minus_00_dot_38_bar__plus_00_dot_75_bar__minus_01_dot_39 - receptacle
        Drawer_bar__minus_01_dot_80_bar__plus_00_dot_75_bar__minus_01_dot_39 - receptacle
        Drawer_bar__minus_02_dot_11_bar__plus_00_dot_75_bar__minus_01_dot_39 - receptacle
        Fridge_bar__plus_01_dot_42_bar__plus_00_dot_00_bar__plus_02_dot_10 - receptacle
        GarbageCan_bar__plus_01_dot_38_bar__plus_00_dot_00_bar__plus_01_dot_08 - receptacle
        Microwave_bar__plus_01_dot_42_bar__plus_01_dot_15_bar__plus_00_dot_02 - receptacle
        Sink_bar__plus_00_dot_16_bar__plus_00_dot_82_bar__minus_01_dot_80_bar_SinkBasin - receptacle
        StoveBurner_bar__plus_01_dot_47_bar__plus_01_dot_29_bar__minus_00_dot_48 - receptacle
        StoveBurner_bar__plus_01_dot_92_bar__minus_02_dot_42_bar__minus_02_dot_18 - receptacle
        StoveBurner_bar__minus_00_dot_50_bar__minus_02_dot_56_bar__minus_00_dot_76 - receptacle
        StoveBurner_bar__minus_01_dot_93_bar__plus_01_dot_84_bar__plus_00_dot_89 - receptacle
        Toaster_bar__minus_02_dot_07_bar__plus_00_dot_35_bar__minus_02_dot_94 - receptacle
        ButterKnife_bar__plus_00_dot_98_bar__minus_00_dot_51_bar__plus_02_dot_59 - object
        ButterKnife_bar__plus_02_dot_91_bar__minus_00_dot_94_bar__plus_02_dot_24 - object
        ButterKnife_bar__minus_02_dot_31_bar__minus_02_dot_19_bar__minus_01_dot_29 - object
        Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49 - object
        Fork_bar__minus_00_dot_02_bar__minus_00_dot_25_bar__plus_01_dot_82 - object
        Fork_bar__minus_02_dot_37_bar__minus_00_dot_50_bar__plus_01_dot_93 - object
        Glassbottle_bar__plus_02_dot_12_bar__plus_00_dot_40_bar__plus_02_dot_98 - object
        Glassbottle_bar__minus_00_dot_67_bar__minus_01_dot_31_bar__minus_00_dot_81 - object
        Kettle_bar__minus_02_dot_25_bar__plus_01_dot_29_bar__minus_00_dot_46 - object
        Knife_bar__plus_00_dot_56_bar__minus_00_dot_43_bar__plus_00_dot_58 - object
        Knife_bar__minus_02_dot_78_bar__minus_00_dot_40_bar__minus_01_dot_28 - object
        Lettuce_bar__minus_02_dot_41_bar__plus_01_dot_57_bar__minus_02_dot_04 - object
        Pen_bar__plus_00_dot_77_bar__minus_01_dot_64_bar__minus_01_dot_59 - object
        Pen_bar__minus_01_dot_90_bar__minus_02_dot_21_bar__plus_01_dot_77 - object
        Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86 - object
        Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85 - object
        Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47 - object
        Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95 - object
        SaltShaker_bar__plus_02_dot_52_bar__plus_02_dot_94_bar__plus_01_dot_04 - object
        Spatula_bar__plus_00_dot_40_bar__minus_00_dot_06_bar__minus_01_dot_32 - object
        Spatula_bar__plus_00_dot_75_bar__plus_00_dot_88_bar__plus_00_dot_68 - object
        Spoon_bar__plus_02_dot_85_bar__plus_02_dot_28_bar__plus_01_dot_87 - object
        Spoon_bar__minus_02_dot_78_bar__minus_00_dot_94_bar__minus_00_dot_79 - object
        SprayBottle_bar__plus_00_dot_53_bar__plus_02_dot_29_bar__minus_02_dot_61 - object
        SprayBottle_bar__plus_02_dot_25_bar__plus_02_dot_51_bar__minus_00_dot_85 - object
        ButterKnifeType - otype
        CupType - otype
        ForkType - otype
        GlassbottleType - otype
        KettleType - otype
        KnifeType - otype
        LettuceType - otype
        PenType - otype
        PlateType - otype
        PotatoType - otype
        SaltShakerType - otype
        SpatulaType - otype
        SpoonType - otype
        SprayBottleType - otype
        CabinetType - rtype
        CoffeeMachineType - rtype
        CounterTopType - rtype
        DrawerType - rtype
        FridgeType - rtype
        GarbageCanType - rtype
        MicrowaveType - rtype
        SinkBasinType - rtype
        StoveBurnerType - rtype
        ToasterType - rtype
    )
    (:init
        (atLocation agent1 loc_bar_0_bar_0_bar_0_bar_30)
        (receptacleType Cabinet_bar__plus_00_dot_49_bar__plus_02_dot_06_bar__minus_01_dot_69 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_00_dot_49_bar__plus_02_dot_06_bar__minus_01_dot_69 loc_bar_2_bar__minus_3_bar_2_bar__minus_30)
        (openable Cabinet_bar__plus_00_dot_49_bar__plus_02_dot_06_bar__minus_01_dot_69)
        (receptacleType Cabinet_bar__plus_00_dot_83_bar__plus_00_dot_40_bar__minus_01_dot_39 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_00_dot_83_bar__plus_00_dot_40_bar__minus_01_dot_39 loc_bar_1_bar__minus_2_bar_2_bar_30)
        (openable Cabinet_bar__plus_00_dot_83_bar__plus_00_dot_40_bar__minus_01_dot_39)
        (receptacleType Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__plus_00_dot_67 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__plus_00_dot_67 loc_bar_0_bar_0_bar_1_bar_30)
        (openable Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__plus_00_dot_67)
        (receptacleType Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__minus_00_dot_55 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__minus_00_dot_55 loc_bar_0_bar__minus_1_bar_1_bar_30)
        (openable Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__minus_00_dot_55)
        (receptacleType Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__minus_01_dot_37 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__minus_01_dot_37 loc_bar_0_bar__minus_3_bar_1_bar_30)
        (openable Cabinet_bar__plus_00_dot_86_bar__plus_00_dot_40_bar__minus_01_dot_37)
        (receptacleType Cabinet_bar__plus_01_dot_16_bar__plus_02_dot_06_bar__minus_00_dot_34 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_01_dot_16_bar__plus_02_dot_06_bar__minus_00_dot_34 loc_bar_2_bar__minus_3_bar_1_bar__minus_30)
        (openable Cabinet_bar__plus_01_dot_16_bar__plus_02_dot_06_bar__minus_00_dot_34)
        (receptacleType Cabinet_bar__plus_01_dot_16_bar__plus_02_dot_06_bar__minus_01_dot_02 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_01_dot_16_bar__plus_02_dot_06_bar__minus_01_dot_02 loc_bar_1_bar__minus_4_bar_1_bar__minus_30)
        (openable Cabinet_bar__plus_01_dot_16_bar__plus_02_dot_06_bar__minus_01_dot_02)
        (receptacleType Cabinet_bar__minus_00_dot_19_bar__plus_02_dot_06_bar__minus_01_dot_69 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_19_bar__plus_02_dot_06_bar__minus_01_dot_69 loc_bar_1_bar__minus_4_bar_2_bar__minus_30)
        (openable Cabinet_bar__minus_00_dot_19_bar__plus_02_dot_06_bar__minus_01_dot_69)
        (receptacleType Cabinet_bar__minus_00_dot_20_bar__plus_00_dot_40_bar__minus_01_dot_39 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_20_bar__plus_00_dot_40_bar__minus_01_dot_39 loc_bar_2_bar__minus_2_bar_2_bar_30)
        (openable Cabinet_bar__minus_00_dot_20_bar__plus_00_dot_40_bar__minus_01_dot_39)
        (receptacleType Cabinet_bar__minus_00_dot_24_bar__plus_00_dot_40_bar__minus_01_dot_39 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_24_bar__plus_00_dot_40_bar__minus_01_dot_39 loc_bar__minus_3_bar__minus_2_bar_2_bar_30)
        (openable Cabinet_bar__minus_00_dot_24_bar__plus_00_dot_40_bar__minus_01_dot_39)
        (receptacleType Cabinet_bar__minus_00_dot_69_bar__plus_00_dot_75_bar__minus_01_dot_39 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_69_bar__plus_00_dot_75_bar__minus_01_dot_39 loc_bar__minus_4_bar__minus_3_bar_2_bar_30)
        (openable Cabinet_bar__minus_00_dot_69_bar__plus_00_dot_75_bar__minus_01_dot_39)
        (receptacleType Cabinet_bar__minus_00_dot_82_bar__plus_00_dot_40_bar__minus_01_dot_39 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_82_bar__plus_00_dot_40_bar__minus_01_dot_39 loc_bar__minus_1_bar__minus_2_bar_2_bar_30)
        (openable Cabinet_bar__minus_00_dot_82_bar__plus_00_dot_40_bar__minus_01_dot_39)
        (receptacleType Cabinet_bar__minus_00_dot_82_bar__plus_02_dot_06_bar__minus_01_dot_69 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_82_bar__plus_02_dot_06_bar__minus_01_dot_69 loc_bar__minus_2_bar__minus_4_bar_2_bar__minus_30)
        (openable Cabinet_bar__minus_00_dot_82_bar__plus_02_dot_06_bar__minus_01_dot_69)
        (receptacleType Cabinet_bar__minus_00_dot_87_bar__plus_02_dot_01_bar__minus_01_dot_69 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_87_bar__plus_02_dot_01_bar__minus_01_dot_69 loc_bar__minus_5_bar__minus_2_bar_2_bar_0)
        (openable Cabinet_bar__minus_00_dot_87_bar__plus_02_dot_01_bar__minus_01_dot_69)
        (receptacleType Cabinet_bar__minus_01_dot_61_bar__plus_02_dot_01_bar__minus_01_dot_69 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_01_dot_61_bar__plus_02_dot_01_bar__minus_01_dot_69 loc_bar__minus_4_bar__minus_2_bar_2_bar_0)
        (openable Cabinet_bar__minus_01_dot_61_bar__plus_02_dot_01_bar__minus_01_dot_69)
        (receptacleType Cabinet_bar__minus_01_dot_66_bar__plus_02_dot_06_bar__minus_01_dot_68 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_01_dot_66_bar__plus_02_dot_06_bar__minus_01_dot_68 loc_bar__minus_8_bar__minus_4_bar_2_bar__minus_30)
        (openable Cabinet_bar__minus_01_dot_66_bar__plus_02_dot_06_bar__minus_01_dot_68)
        (receptacleType Cabinet_bar__minus_01_dot_67_bar__plus_00_dot_40_bar__minus_01_dot_39 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_01_dot_67_bar__plus_00_dot_40_bar__minus_01_dot_39 loc_bar__minus_6_bar__minus_2_bar_2_bar_30)
        (openable Cabinet_bar__minus_01_dot_67_bar__plus_00_dot_40_bar__minus_01_dot_39)
        (receptacleType Cabinet_bar__minus_02_dot_24_bar__plus_00_dot_40_bar__minus_01_dot_39 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_02_dot_24_bar__plus_00_dot_40_bar__minus_01_dot_39 loc_bar__minus_6_bar__minus_2_bar_2_bar_31)
        (openable Cabinet_bar__minus_02_dot_24_bar__plus_00_dot_40_bar__minus_01_dot_39)
        (receptacleType CoffeeMachine_bar__minus_02_dot_31_bar__minus_00_dot_65_bar__plus_01_dot_22 CoffeeMachineType)
        (receptacleAtLocation CoffeeMachine_bar__minus_02_dot_31_bar__minus_00_dot_65_bar__plus_01_dot_22 loc_bar__minus_11_bar_1_bar_0_bar_30)
        (receptacleType CounterTop_bar__plus_01_dot_17_bar__plus_00_dot_95_bar__minus_00_dot_65 CounterTopType)
        (receptacleAtLocation CounterTop_bar__plus_01_dot_17_bar__plus_00_dot_95_bar__minus_00_dot_65 loc_bar_2_bar__minus_4_bar_1_bar_30)
        (receptacleType CounterTop_bar__plus_01_dot_50_bar__plus_01_dot_20_bar__minus_00_dot_66 CounterTopType)
        (receptacleAtLocation CounterTop_bar__plus_01_dot_50_bar__plus_01_dot_20_bar__minus_00_dot_66 loc_bar_2_bar__minus_4_bar_1_bar_0)
        (receptacleType CounterTop_bar__minus_01_dot_97_bar__plus_00_dot_95_bar__minus_01_dot_71 CounterTopType)
        (receptacleAtLocation CounterTop_bar__minus_01_dot_97_bar__plus_00_dot_95_bar__minus_01_dot_71 loc_bar__minus_8_bar__minus_4_bar_2_bar_30)
        (receptacleType CounterTop_bar__minus_02_dot_10_bar__plus_00_dot_95_bar__plus_00_dot_29 CounterTopType)
        (receptacleAtLocation CounterTop_bar__minus_02_dot_10_bar__plus_00_dot_95_bar__plus_00_dot_29 loc_bar__minus_8_bar__minus_2_bar_0_bar_30)
        (receptacleType Drawer_bar__plus_00_dot_59_bar__plus_00_dot_75_bar__minus_01_dot_39 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_00_dot_59_bar__plus_00_dot_75_bar__minus_01_dot_39 loc_bar__minus_1_bar__minus_4_bar_1_bar_30)
        (openable Drawer_bar__plus_00_dot_59_bar__plus_00_dot_75_bar__minus_01_dot_39)
        (receptacleType Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__plus_00_dot_43 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__plus_00_dot_43 loc_bar_1_bar_1_bar_1_bar_30)
        (openable Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__plus_00_dot_43)
        (receptacleType Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__minus_00_dot_70 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__minus_00_dot_70 loc_bar_1_bar__minus_4_bar_1_bar_30)
        (openable Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__minus_00_dot_70)
        (receptacleType Drawer_bar__plus_00_dot_87_bar__plus_00_dot_75_bar__minus_01_dot_14 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_00_dot_87_bar__plus_00_dot_75_bar__minus_01_dot_14 loc_bar_0_bar__minus_3_bar_1_bar_31)
        (openable Drawer_bar__plus_00_dot_87_bar__plus_00_dot_75_bar__minus_01_dot_14)
        (receptacleType Drawer_bar__minus_00_dot_38_bar__plus_00_dot_75_bar__minus_01_dot_39 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_00_dot_38_bar__plus_00_dot_75_bar__minus_01_dot_39 loc_bar__minus_4_bar__minus_4_bar_1_bar_30)
        (openable Drawer_bar__minus_00_dot_38_bar__plus_00_dot_75_bar__minus_01_dot_39)
        (receptacleType Drawer_bar__minus_01_dot_80_bar__plus_00_dot_75_bar__minus_01_dot_39 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_01_dot_80_bar__plus_00_dot_75_bar__minus_01_dot_39 loc_bar__minus_5_bar__minus_4_bar_3_bar_30)
        (openable Drawer_bar__minus_01_dot_80_bar__plus_00_dot_75_bar__minus_01_dot_39)
        (receptacleType Drawer_bar__minus_02_dot_11_bar__plus_00_dot_75_bar__minus_01_dot_39 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_02_dot_11_bar__plus_00_dot_75_bar__minus_01_dot_39 loc_bar__minus_6_bar__minus_4_bar_3_bar_30)
        (openable Drawer_bar__minus_02_dot_11_bar__plus_00_dot_75_bar__minus_01_dot_39)
        (receptacleType Fridge_bar__plus_01_dot_42_bar__plus_00_dot_00_bar__plus_02_dot_10 FridgeType)
        (receptacleAtLocation Fridge_bar__plus_01_dot_42_bar__plus_00_dot_00_bar__plus_02_dot_10 loc_bar_2_bar_9_bar_1_bar_0)
        (openable Fridge_bar__plus_01_dot_42_bar__plus_00_dot_00_bar__plus_02_dot_10)
        (receptacleType GarbageCan_bar__plus_01_dot_38_bar__plus_00_dot_00_bar__plus_01_dot_08 GarbageCanType)
        (receptacleAtLocation GarbageCan_bar__plus_01_dot_38_bar__plus_00_dot_00_bar__plus_01_dot_08 loc_bar_1_bar_7_bar_1_bar_30)
        (receptacleType Microwave_bar__plus_01_dot_42_bar__plus_01_dot_15_bar__plus_00_dot_02 MicrowaveType)
        (receptacleAtLocation Microwave_bar__plus_01_dot_42_bar__plus_01_dot_15_bar__plus_00_dot_02 loc_bar_2_bar_0_bar_1_bar_30)
        (openable Microwave_bar__plus_01_dot_42_bar__plus_01_dot_15_bar__plus_00_dot_02)
        (receptacleType Sink_bar__plus_00_dot_16_bar__plus_00_dot_82_bar__minus_01_dot_80_bar_SinkBasin SinkBasinType)
        (receptacleAtLocation Sink_bar__plus_00_dot_16_bar__plus_00_dot_82_bar__minus_01_dot_80_bar_SinkBasin loc_bar__minus_1_bar__minus_4_bar_2_bar_30)
        (receptacleType StoveBurner_bar__plus_01_dot_47_bar__plus_01_dot_29_bar__minus_00_dot_48 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__plus_01_dot_47_bar__plus_01_dot_29_bar__minus_00_dot_48 loc_bar__minus_11_bar_8_bar_0_bar_30)
        (receptacleType StoveBurner_bar__plus_01_dot_92_bar__minus_02_dot_42_bar__minus_02_dot_18 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__plus_01_dot_92_bar__minus_02_dot_42_bar__minus_02_dot_18 loc_bar_1_bar__minus_5_bar_0_bar_30)
        (receptacleType StoveBurner_bar__minus_00_dot_50_bar__minus_02_dot_56_bar__minus_00_dot_76 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__minus_00_dot_50_bar__minus_02_dot_56_bar__minus_00_dot_76 loc_bar__minus_12_bar__minus_12_bar_0_bar_30)
        (receptacleType StoveBurner_bar__minus_01_dot_93_bar__plus_01_dot_84_bar__plus_00_dot_89 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__minus_01_dot_93_bar__plus_01_dot_84_bar__plus_00_dot_89 loc_bar__minus_7_bar_11_bar_0_bar_30)
        (receptacleType Toaster_bar__minus_02_dot_07_bar__plus_00_dot_35_bar__minus_02_dot_94 ToasterType)
        (receptacleAtLocation Toaster_bar__minus_02_dot_07_bar__plus_00_dot_35_bar__minus_02_dot_94 loc_bar_4_bar_10_bar_0_bar_30)
        (canContain CabinetType CupType)
        (canContain CabinetType GlassbottleType)
        (canContain CabinetType KettleType)
        (canContain CabinetType PlateType)
        (canContain CabinetType SaltShakerType)
        (canContain CabinetType SprayBottleType)
        (canContain CounterTopType ButterKnifeType)
        (canContain CounterTopType CupType)
        (canContain CounterTopType ForkType)
        (canContain CounterTopType GlassbottleType)
        (canContain CounterTopType KettleType)
        (canContain CounterTopType KnifeType)
        (canContain CounterTopType LettuceType)
        (canContain CounterTopType PenType)
        (canContain CounterTopType PlateType)
        (canContain CounterTopType PotatoType)
        (canContain CounterTopType SaltShakerType)
        (canContain CounterTopType SpatulaType)
        (canContain CounterTopType SpoonType)
        (canContain CounterTopType SprayBottleType)
        (canContain DrawerType ButterKnifeType)
        (canContain DrawerType ForkType)
        (canContain DrawerType KnifeType)
        (canContain DrawerType PenType)
        (canContain DrawerType SaltShakerType)
        (canContain DrawerType SpatulaType)
        (canContain DrawerType SpoonType)
        (canContain DrawerType SprayBottleType)
        (canContain FridgeType CupType)
        (canContain FridgeType GlassbottleType)
        (canContain FridgeType LettuceType)
        (canContain FridgeType PlateType)
        (canContain FridgeType PotatoType)
        (canContain GarbageCanType LettuceType)
        (canContain GarbageCanType PenType)
        (canContain GarbageCanType PotatoType)
        (canContain GarbageCanType SprayBottleType)
        (canContain MicrowaveType CupType)
        (canContain MicrowaveType GlassbottleType)
        (canContain MicrowaveType PlateType)
        (canContain MicrowaveType PotatoType)
        (canContain SinkBasinType ButterKnifeType)
        (canContain SinkBasinType CupType)
        (canContain SinkBasinType ForkType)
        (canContain SinkBasinType GlassbottleType)
        (canContain SinkBasinType KettleType)
        (canContain SinkBasinType KnifeType)
        (canContain SinkBasinType LettuceType)
        (canContain SinkBasinType PlateType)
        (canContain SinkBasinType PotatoType)
        (canContain SinkBasinType SpatulaType)
        (canContain SinkBasinType SpoonType)
        (canContain StoveBurnerType KettleType)
        (objectType ButterKnife_bar__plus_00_dot_98_bar__minus_00_dot_51_bar__plus_02_dot_59 ButterKnifeType)
        (inReceptacle ButterKnife_bar__plus_00_dot_98_bar__minus_00_dot_51_bar__plus_02_dot_59 Sink_bar__plus_00_dot_16_bar__plus_00_dot_82_bar__minus_01_dot_80_bar_SinkBasin)
        (objectAtLocation ButterKnife_bar__plus_00_dot_98_bar__minus_00_dot_51_bar__plus_02_dot_59 loc_bar__minus_1_bar__minus_4_bar_2_bar_30)
        (pickupable ButterKnife_bar__plus_00_dot_98_bar__minus_00_dot_51_bar__plus_02_dot_59)
        (cleanable ButterKnife_bar__plus_00_dot_98_bar__minus_00_dot_51_bar__plus_02_dot_59)
        (objectType ButterKnife_bar__plus_02_dot_91_bar__minus_00_dot_94_bar__plus_02_dot_24 ButterKnifeType)
        (inReceptacle ButterKnife_bar__plus_02_dot_91_bar__minus_00_dot_94_bar__plus_02_dot_24 CounterTop_bar__minus_02_dot_10_bar__plus_00_dot_95_bar__plus_00_dot_29)
        (objectAtLocation ButterKnife_bar__plus_02_dot_91_bar__minus_00_dot_94_bar__plus_02_dot_24 loc_bar__minus_8_bar__minus_2_bar_0_bar_30)
        (pickupable ButterKnife_bar__plus_02_dot_91_bar__minus_00_dot_94_bar__plus_02_dot_24)
        (cleanable ButterKnife_bar__plus_02_dot_91_bar__minus_00_dot_94_bar__plus_02_dot_24)
        (objectType ButterKnife_bar__minus_02_dot_31_bar__minus_02_dot_19_bar__minus_01_dot_29 ButterKnifeType)
        (inReceptacle ButterKnife_bar__minus_02_dot_31_bar__minus_02_dot_19_bar__minus_01_dot_29 CounterTop_bar__minus_01_dot_97_bar__plus_00_dot_95_bar__minus_01_dot_71)
        (objectAtLocation ButterKnife_bar__minus_02_dot_31_bar__minus_02_dot_19_bar__minus_01_dot_29 loc_bar__minus_8_bar__minus_4_bar_2_bar_30)
        (pickupable ButterKnife_bar__minus_02_dot_31_bar__minus_02_dot_19_bar__minus_01_dot_29)
        (cleanable ButterKnife_bar__minus_02_dot_31_bar__minus_02_dot_19_bar__minus_01_dot_29)
        (objectType Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49 CupType)
        (inReceptacle Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49 Cabinet_bar__minus_01_dot_67_bar__plus_00_dot_40_bar__minus_01_dot_39)
        (objectAtLocation Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49 loc_bar__minus_6_bar__minus_2_bar_2_bar_30)
        (pickupable Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49)
        (heatable Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49)
        (coolable Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49)
        (cleanable Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49)
        (isReceptacleObject Cup_bar__minus_01_dot_34_bar__minus_00_dot_36_bar__minus_01_dot_49)
        (objectType Fork_bar__minus_00_dot_02_bar__minus_00_dot_25_bar__plus_01_dot_82 ForkType)
        (inReceptacle Fork_bar__minus_00_dot_02_bar__minus_00_dot_25_bar__plus_01_dot_82 Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__minus_00_dot_70)
        (objectAtLocation Fork_bar__minus_00_dot_02_bar__minus_00_dot_25_bar__plus_01_dot_82 loc_bar_1_bar__minus_4_bar_1_bar_30)
        (pickupable Fork_bar__minus_00_dot_02_bar__minus_00_dot_25_bar__plus_01_dot_82)
        (cleanable Fork_bar__minus_00_dot_02_bar__minus_00_dot_25_bar__plus_01_dot_82)
        (objectType Fork_bar__minus_02_dot_37_bar__minus_00_dot_50_bar__plus_01_dot_93 ForkType)
        (inReceptacle Fork_bar__minus_02_dot_37_bar__minus_00_dot_50_bar__plus_01_dot_93 Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__plus_00_dot_43)
        (objectAtLocation Fork_bar__minus_02_dot_37_bar__minus_00_dot_50_bar__plus_01_dot_93 loc_bar_1_bar_1_bar_1_bar_30)
        (pickupable Fork_bar__minus_02_dot_37_bar__minus_00_dot_50_bar__plus_01_dot_93)
        (cleanable Fork_bar__minus_02_dot_37_bar__minus_00_dot_50_bar__plus_01_dot_93)
        (objectType Glassbottle_bar__plus_02_dot_12_bar__plus_00_dot_40_bar__plus_02_dot_98 GlassbottleType)
        (inReceptacle Glassbottle_bar__plus_02_dot_12_bar__plus_00_dot_40_bar__plus_02_dot_98 CounterTop_bar__plus_01_dot_17_bar__plus_00_dot_95_bar__minus_00_dot_65)
        (objectAtLocation Glassbottle_bar__plus_02_dot_12_bar__plus_00_dot_40_bar__plus_02_dot_98 loc_bar_2_bar__minus_4_bar_1_bar_30)
        (pickupable Glassbottle_bar__plus_02_dot_12_bar__plus_00_dot_40_bar__plus_02_dot_98)
        (objectType Glassbottle_bar__minus_00_dot_67_bar__minus_01_dot_31_bar__minus_00_dot_81 GlassbottleType)
        (inReceptacle Glassbottle_bar__minus_00_dot_67_bar__minus_01_dot_31_bar__minus_00_dot_81 Microwave_bar__plus_01_dot_42_bar__plus_01_dot_15_bar__plus_00_dot_02)
        (objectAtLocation Glassbottle_bar__minus_00_dot_67_bar__minus_01_dot_31_bar__minus_00_dot_81 loc_bar_2_bar_0_bar_1_bar_30)
        (pickupable Glassbottle_bar__minus_00_dot_67_bar__minus_01_dot_31_bar__minus_00_dot_81)
        (objectType Kettle_bar__minus_02_dot_25_bar__plus_01_dot_29_bar__minus_00_dot_46 KettleType)
        (inReceptacle Kettle_bar__minus_02_dot_25_bar__plus_01_dot_29_bar__minus_00_dot_46 CounterTop_bar__plus_01_dot_17_bar__plus_00_dot_95_bar__minus_00_dot_65)
        (objectAtLocation Kettle_bar__minus_02_dot_25_bar__plus_01_dot_29_bar__minus_00_dot_46 loc_bar_2_bar__minus_4_bar_1_bar_30)
        (pickupable Kettle_bar__minus_02_dot_25_bar__plus_01_dot_29_bar__minus_00_dot_46)
        (cleanable Kettle_bar__minus_02_dot_25_bar__plus_01_dot_29_bar__minus_00_dot_46)
        (objectType Knife_bar__plus_00_dot_56_bar__minus_00_dot_43_bar__plus_00_dot_58 KnifeType)
        (inReceptacle Knife_bar__plus_00_dot_56_bar__minus_00_dot_43_bar__plus_00_dot_58 Drawer_bar__plus_00_dot_87_bar__plus_00_dot_75_bar__minus_01_dot_14)
        (objectAtLocation Knife_bar__plus_00_dot_56_bar__minus_00_dot_43_bar__plus_00_dot_58 loc_bar_0_bar__minus_3_bar_1_bar_31)
        (pickupable Knife_bar__plus_00_dot_56_bar__minus_00_dot_43_bar__plus_00_dot_58)
        (cleanable Knife_bar__plus_00_dot_56_bar__minus_00_dot_43_bar__plus_00_dot_58)
        (objectType Knife_bar__minus_02_dot_78_bar__minus_00_dot_40_bar__minus_01_dot_28 KnifeType)
        (inReceptacle Knife_bar__minus_02_dot_78_bar__minus_00_dot_40_bar__minus_01_dot_28 Drawer_bar__minus_02_dot_11_bar__plus_00_dot_75_bar__minus_01_dot_39)
        (objectAtLocation Knife_bar__minus_02_dot_78_bar__minus_00_dot_40_bar__minus_01_dot_28 loc_bar__minus_6_bar__minus_4_bar_3_bar_30)
        (pickupable Knife_bar__minus_02_dot_78_bar__minus_00_dot_40_bar__minus_01_dot_28)
        (cleanable Knife_bar__minus_02_dot_78_bar__minus_00_dot_40_bar__minus_01_dot_28)
        (objectType Lettuce_bar__minus_02_dot_41_bar__plus_01_dot_57_bar__minus_02_dot_04 LettuceType)
        (inReceptacle Lettuce_bar__minus_02_dot_41_bar__plus_01_dot_57_bar__minus_02_dot_04 CounterTop_bar__plus_01_dot_50_bar__plus_01_dot_20_bar__minus_00_dot_66)
        (objectAtLocation Lettuce_bar__minus_02_dot_41_bar__plus_01_dot_57_bar__minus_02_dot_04 loc_bar_2_bar__minus_4_bar_1_bar_0)
        (pickupable Lettuce_bar__minus_02_dot_41_bar__plus_01_dot_57_bar__minus_02_dot_04)
        (coolable Lettuce_bar__minus_02_dot_41_bar__plus_01_dot_57_bar__minus_02_dot_04)
        (cleanable Lettuce_bar__minus_02_dot_41_bar__plus_01_dot_57_bar__minus_02_dot_04)
        (sliceable Lettuce_bar__minus_02_dot_41_bar__plus_01_dot_57_bar__minus_02_dot_04)
        (objectType Pen_bar__plus_00_dot_77_bar__minus_01_dot_64_bar__minus_01_dot_59 PenType)
        (inReceptacle Pen_bar__plus_00_dot_77_bar__minus_01_dot_64_bar__minus_01_dot_59 CounterTop_bar__plus_01_dot_17_bar__plus_00_dot_95_bar__minus_00_dot_65)
        (objectAtLocation Pen_bar__plus_00_dot_77_bar__minus_01_dot_64_bar__minus_01_dot_59 loc_bar_2_bar__minus_4_bar_1_bar_30)
        (pickupable Pen_bar__plus_00_dot_77_bar__minus_01_dot_64_bar__minus_01_dot_59)
        (objectType Pen_bar__minus_01_dot_90_bar__minus_02_dot_21_bar__plus_01_dot_77 PenType)
        (inReceptacle Pen_bar__minus_01_dot_90_bar__minus_02_dot_21_bar__plus_01_dot_77 Drawer_bar__minus_01_dot_80_bar__plus_00_dot_75_bar__minus_01_dot_39)
        (objectAtLocation Pen_bar__minus_01_dot_90_bar__minus_02_dot_21_bar__plus_01_dot_77 loc_bar__minus_5_bar__minus_4_bar_3_bar_30)
        (pickupable Pen_bar__minus_01_dot_90_bar__minus_02_dot_21_bar__plus_01_dot_77)
        (objectType Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86 PlateType)
        (inReceptacle Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86 CounterTop_bar__minus_02_dot_10_bar__plus_00_dot_95_bar__plus_00_dot_29)
        (objectAtLocation Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86 loc_bar__minus_8_bar__minus_2_bar_0_bar_30)
        (pickupable Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86)
        (heatable Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86)
        (coolable Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86)
        (cleanable Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86)
        (isReceptacleObject Plate_bar__plus_00_dot_23_bar__minus_00_dot_08_bar__plus_02_dot_86)
        (objectType Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85 PlateType)
        (inReceptacle Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85 Cabinet_bar__minus_01_dot_66_bar__plus_02_dot_06_bar__minus_01_dot_68)
        (objectAtLocation Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85 loc_bar__minus_8_bar__minus_4_bar_2_bar__minus_30)
        (pickupable Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85)
        (heatable Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85)
        (coolable Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85)
        (cleanable Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85)
        (isReceptacleObject Plate_bar__minus_01_dot_10_bar__minus_00_dot_95_bar__minus_00_dot_85)
        (objectType Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47 PotatoType)
        (inReceptacle Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47 CounterTop_bar__minus_02_dot_10_bar__plus_00_dot_95_bar__plus_00_dot_29)
        (objectAtLocation Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47 loc_bar__minus_8_bar__minus_2_bar_0_bar_30)
        (pickupable Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47)
        (heatable Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47)
        (coolable Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47)
        (cleanable Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47)
        (sliceable Potato_bar__plus_02_dot_67_bar__plus_00_dot_02_bar__plus_00_dot_47)
        (objectType Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95 PotatoType)
        (inReceptacle Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95 Fridge_bar__plus_01_dot_42_bar__plus_00_dot_00_bar__plus_02_dot_10)
        (objectAtLocation Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95 loc_bar_2_bar_9_bar_1_bar_0)
        (pickupable Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95)
        (heatable Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95)
        (coolable Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95)
        (cleanable Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95)
        (sliceable Potato_bar__minus_01_dot_35_bar__minus_01_dot_01_bar__minus_00_dot_95)
        (objectType SaltShaker_bar__plus_02_dot_52_bar__plus_02_dot_94_bar__plus_01_dot_04 SaltShakerType)
        (inReceptacle SaltShaker_bar__plus_02_dot_52_bar__plus_02_dot_94_bar__plus_01_dot_04 CounterTop_bar__minus_02_dot_10_bar__plus_00_dot_95_bar__plus_00_dot_29)
        (objectAtLocation SaltShaker_bar__plus_02_dot_52_bar__plus_02_dot_94_bar__plus_01_dot_04 loc_bar__minus_8_bar__minus_2_bar_0_bar_30)
        (pickupable SaltShaker_bar__plus_02_dot_52_bar__plus_02_dot_94_bar__plus_01_dot_04)
        (objectType Spatula_bar__plus_00_dot_40_bar__minus_00_dot_06_bar__minus_01_dot_32 SpatulaType)
        (inReceptacle Spatula_bar__plus_00_dot_40_bar__minus_00_dot_06_bar__minus_01_dot_32 CounterTop_bar__minus_02_dot_10_bar__plus_00_dot_95_bar__plus_00_dot_29)
        (objectAtLocation Spatula_bar__plus_00_dot_40_bar__minus_00_dot_06_bar__minus_01_dot_32 loc_bar__minus_8_bar__minus_2_bar_0_bar_30)
        (pickupable Spatula_bar__plus_00_dot_40_bar__minus_00_dot_06_bar__minus_01_dot_32)
        (cleanable Spatula_bar__plus_00_dot_40_bar__minus_00_dot_06_bar__minus_01_dot_32)
        (objectType Spatula_bar__plus_00_dot_75_bar__plus_00_dot_88_bar__plus_00_dot_68 SpatulaType)
        (inReceptacle Spatula_bar__plus_00_dot_75_bar__plus_00_dot_88_bar__plus_00_dot_68 Drawer_bar__plus_00_dot_86_bar__plus_00_dot_75_bar__minus_00_dot_70)
        (objectAtLocation Spatula_bar__plus_00_dot_75_bar__plus_00_dot_88_bar__plus_00_dot_68 loc_bar_1_bar__minus_4_bar_1_bar_30)
        (pickupable Spatula_bar__plus_00_dot_75_bar__plus_00_dot_88_bar__plus_00_dot_68)
        (cleanable Spatula_bar__plus_00_dot_75_bar__plus_00_dot_88_bar__plus_00_dot_68)
        (objectType Spoon_bar__plus_02_dot_85_bar__plus_02_dot_28_bar__plus_01_dot_87 SpoonType)
        (inReceptacle Spoon_bar__plus_02_dot_85_bar__plus_02_dot_28_bar__plus_01_dot_87 CounterTop_bar__plus_01_dot_50_bar__plus_01_dot_20_bar__minus_00_dot_66)
        (objectAtLocation Spoon_bar__plus_02_dot_85_bar__plus_02_dot_28_bar__plus_01_dot_87 loc_bar_2_bar__minus_4_bar_1_bar_0)
        (pickupable Spoon_bar__plus_02_dot_85_bar__plus_02_dot_28_bar__plus_01_dot_87)
        (cleanable Spoon_bar__plus_02_dot_85_bar__plus_02_dot_28_bar__plus_01_dot_87)
        (objectType Spoon_bar__minus_02_dot_78_bar__minus_00_dot_94_bar__minus_00_dot_79 SpoonType)
        (inReceptacle Spoon_bar__minus_02_dot_78_bar__minus_00_dot_94_bar__minus_00_dot_79 CounterTop_bar__plus_01_dot_50_bar__plus_01_dot_20_bar__minus_00_dot_66)
        (objectAtLocation Spoon_bar__minus_02_dot_78_bar__minus_00_dot_94_bar__minus_00_dot_79 loc_bar_2_bar__minus_4_bar_1_bar_0)
        (pickupable Spoon_bar__minus_02_dot_78_bar__minus_00_dot_94_bar__minus_00_dot_79)
        (cleanable Spoon_bar__minus_02_dot_78_bar__minus_00_dot_94_bar__minus_00_dot_79)
        (objectType SprayBottle_bar__plus_00_dot_53_bar__plus_02_dot_29_bar__minus_02_dot_61 SprayBottleType)
        (inReceptacle SprayBottle_bar__plus_00_dot_53_bar__plus_02_dot_29_bar__minus_02_dot_61 CounterTop_bar__plus_01_dot_50_bar__plus_01_dot_20_bar__minus_00_dot_66)
        (objectAtLocation SprayBottle_bar__plus_00_dot_53_bar__plus_02_dot_29_bar__minus_02_dot_61 loc_bar_2_bar__minus_4_bar_1_bar_0)
        (pickupable SprayBottle_bar__plus_00_dot_53_bar__plus_02_dot_29_bar__minus_02_dot_61)
        (objectType SprayBottle_bar__plus_02_dot_25_bar__plus_02_dot_51_bar__minus_00_dot_85 SprayBottleType)
        (inReceptacle SprayBottle_bar__plus_02_dot_25_bar__plus_02_dot_51_bar__minus_00_dot_85 Cabinet_bar__minus_00_dot_19_bar__plus_02_dot_06_bar__minus_01_dot_69)
        (objectAtLocation SprayBottle_bar__plus_02_dot_25_bar__plus_02_dot_51_bar__minus_00_dot_85 loc_bar_1_bar__minus_4_bar_2_bar__minus_30)
        (pickupable SprayBottle_bar__plus_02_dot_25_bar__plus_02_dot_51_bar__minus_00_dot_85)
    )

        (:goal
            (and
                (exists (?r - receptacle)
                    (exists (?o - object)
                        (and
                            (inReceptacle ?o ?r)
                            (objectType ?o PenType)
                            (receptacleType ?r GarbageCanType)
                        )
                    )
                )
            )
        )
    )
    