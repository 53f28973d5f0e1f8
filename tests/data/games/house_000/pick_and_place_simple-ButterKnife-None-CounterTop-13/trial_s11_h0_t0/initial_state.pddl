(define (problem s11_h0_t0)
    (:domain alfred)
    (:objects
        agent1 - agent
        loc_bar__minus_11_bar_10_bar_2_bar_0 - location
        loc_bar__minus_11_bar_17_bar_0_bar_30 - location
        loc_bar__minus_12_bar_10_bar_3_bar_30 - location
        loc_bar__minus_12_bar_12_bar_2_bar_30 - location
        loc_bar__minus_12_bar_12_bar_3_bar_30 - location
        loc_bar__minus_12_bar_13_bar_3_bar_30 - location
        loc_bar__minus_12_bar_13_bar_3_bar_31 - location
        loc_bar__minus_12_bar_17_bar_0_bar_30 - location
        loc_bar__minus_12_bar_17_bar_3_bar_30 - location
        loc_bar__minus_13_bar_11_bar_3_bar_30 - location
        loc_bar__minus_13_bar_12_bar_2_bar_30 - location
        loc_bar__minus_13_bar_16_bar_0_bar_30 - location
        loc_bar__minus_13_bar_19_bar_0_bar_0 - location
        loc_bar__minus_15_bar_14_bar_0_bar_30 - location
        loc_bar__minus_15_bar_14_bar_3_bar_30 - location
        loc_bar__minus_15_bar_19_bar_0_bar_0 - location
        loc_bar__minus_15_bar_19_bar_0_bar_30 - location
        loc_bar__minus_15_bar_19_bar_1_bar_30 - location
        loc_bar__minus_4_bar_20_bar_1_bar_30 - location
        loc_bar__minus_4_bar_21_bar_0_bar_30 - location
        loc_bar__minus_4_bar_21_bar_2_bar_30 - location
        loc_bar__minus_4_bar_23_bar_0_bar_30 - location
        loc_bar__minus_4_bar_24_bar_2_bar_30 - location
        loc_bar__minus_5_bar_15_bar_1_bar_0 - location
        loc_bar__minus_5_bar_9_bar_3_bar_30 - location
        loc_bar__minus_6_bar_17_bar_1_bar_30 - location
        loc_bar__minus_6_bar_20_bar_1_bar_30 - location
        loc_bar__minus_6_bar_22_bar_1_bar_30 - location
        loc_bar__minus_6_bar_25_bar_1_bar_30 - location
        loc_bar__minus_6_bar_7_bar_0_bar_30 - location
        loc_bar__minus_8_bar_10_bar_2_bar_30 - location
        loc_bar__minus_9_bar_12_bar_2_bar_30 - location
        loc_bar__minus_9_bar_4_bar_0_bar_30 - location
        loc_bar_0_bar_0_bar_0_bar_30 - location
        loc_bar_6_bar_1_bar_0_bar_30 - location
        loc_bar_7_bar_6_bar_0_bar_30 - location
        loc_bar_8_bar__minus_10_bar_0_bar_30 - location
        Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_04_dot_30 - receptacle
        Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_58 - receptacle
        Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_60 - receptacle
        Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_06_dot_88 - receptacle
        Cabinet_bar__minus_01_dot_54_bar__plus_00_dot_39_bar__plus_02_dot_09 - receptacle
        Cabinet_bar__minus_03_dot_04_bar__plus_00_dot_39_bar__plus_05_dot_03 - receptacle
        Cabinet_bar__minus_03_dot_04_bar__plus_01_dot_94_bar__plus_05_dot_32 - receptacle
        Cabinet_bar__minus_03_dot_19_bar__plus_00_dot_39_bar__plus_02_dot_09 - receptacle
        Cabinet_bar__minus_03_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_03 - receptacle
        Cabinet_bar__minus_03_dot_67_bar__plus_00_dot_39_bar__plus_05_dot_03 - receptacle
        Cabinet_bar__minus_03_dot_92_bar__plus_00_dot_40_bar__plus_02_dot_09 - receptacle
        Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_12 - receptacle
        Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_88 - receptacle
        Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_04_dot_34 - receptacle
        Cabinet_bar__minus_03_dot_97_bar__plus_00_dot_39_bar__plus_02_dot_89 - receptacle
        Cabinet_bar__minus_03_dot_97_bar__plus_00_dot_39_bar__plus_03_dot_66 - receptacle
        Cabinet_bar__minus_04_dot_11_bar__plus_01_dot_94_bar__plus_05_dot_32 - receptacle
        CoffeeMachine_bar__plus_02_dot_79_bar__minus_00_dot_96_bar__plus_00_dot_16 - receptacle
        CounterTop_bar__minus_00_dot_35_bar__plus_00_dot_96_bar__plus_05_dot_60 - receptacle
        CounterTop_bar__minus_01_dot_87_bar__plus_00_dot_96_bar__plus_01_dot_80 - receptacle
        CounterTop_bar__minus_04_dot_26_bar__plus_00_dot_96_bar__plus_04_dot_94 - receptacle
        Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_04_dot_62 - receptacle
        Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_05_dot_27 - receptacle
        Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_05_dot_92 - receptacle
        Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_06_dot_57 - receptacle
        Drawer_bar__minus_01_dot_86_bar__plus_00_dot_78_bar__plus_01_dot_96 - receptacle
        Drawer_bar__minus_03_dot_19_bar__plus_00_dot_78_bar__plus_05_dot_16 - receptacle
        Drawer_bar__minus_04_dot_09_bar__plus_00_dot_78_bar__plus_04_dot_66 - receptacle
        Drawer_bar__minus_04_dot_13_bar__plus_00_dot_80_bar__plus_02_dot_50 - receptacle
        Fridge_bar__minus_00_dot_32_bar_00_dot_00_bar__plus_03_dot_60 - receptacle
        GarbageCan_bar__plus_02_dot_48_bar__minus_01_dot_75_bar__minus_01_dot_86 - receptacle
        Microwave_bar__minus_02_dot_69_bar__plus_01_dot_43_bar__plus_01_dot_69 - receptacle
        Sink_bar__minus_04_dot_19_bar__plus_00_dot_92_bar__plus_03_dot_28_bar_SinkBasin - receptacle
        StoveBurner_bar__minus_00_dot_07_bar__minus_02_dot_85_bar__plus_01_dot_65 - receptacle
        StoveBurner_bar__minus_00_dot_56_bar__plus_00_dot_95_bar__minus_01_dot_02 - receptacle
        Toaster_bar__minus_01_dot_22_bar__plus_00_dot_05_bar__minus_02_dot_77 - receptacle
        Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87 - object
        Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42 - object
        Bowl_bar__plus_03_dot_00_bar__plus_00_dot_61_bar__plus_01_dot_38 - object
        Bread_bar__minus_02_dot_42_bar__minus_00_dot_80_bar__plus_02_dot_41 - object
        ButterKnife_bar__plus_02_dot_07_bar__plus_00_dot_32_bar__minus_02_dot_22 - object
        DishSponge_bar__plus_00_dot_68_bar__minus_01_dot_93_bar__plus_01_dot_44 - object
        DishSponge_bar__plus_02_dot_52_bar__minus_01_dot_49_bar__minus_00_dot_11 - object
        DishSponge_bar__minus_01_dot_97_bar__plus_02_dot_53_bar__plus_01_dot_51 - object
        Lettuce_bar__minus_00_dot_73_bar__minus_00_dot_24_bar__minus_01_dot_14 - object
        Lettuce_bar__minus_01_dot_27_bar__plus_02_dot_51_bar__plus_00_dot_73 - object
        Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28 - object
        Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24 - object
        Pan_bar__plus_02_dot_45_bar__minus_02_dot_90_bar__minus_02_dot_04 - object
        Pan_bar__minus_01_dot_21_bar__minus_01_dot_25_bar__minus_00_dot_75 - object
        Pencil_bar__plus_02_dot_09_bar__minus_02_dot_80_bar__plus_00_dot_84 - object
        Pencil_bar__minus_02_dot_06_bar__plus_02_dot_36_bar__plus_00_dot_93 - object
        Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82 - object
        Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68 - object
        Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72 - object
        Pot_bar__plus_01_dot_00_bar__minus_00_dot_29_bar__plus_02_dot_60 - object
        Pot_bar__minus_01_dot_41_bar__minus_02_dot_61_bar__plus_02_dot_80 - object
        Pot_bar__minus_01_dot_68_bar__plus_02_dot_49_bar__minus_02_dot_97 - object
        Spatula_bar__minus_00_dot_93_bar__minus_00_dot_73_bar__minus_02_dot_15 - object
        Spatula_bar__minus_02_dot_35_bar__plus_02_dot_40_bar__plus_00_dot_44 - object
        Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10 - object
        WineBottle_bar__plus_00_dot_42_bar__plus_02_dot_61_bar__minus_02_dot_65 - object
        WineBottle_bar__plus_01_dot_23_bar__minus_01_dot_74_bar__minus_00_dot_02 - object
        WineBottle_bar__minus_01_dot_39_bar__minus_01_dot_80_bar__plus_01_dot_08 - object
        AppleType - otype
        BowlType - otype
        BreadType - otype
        ButterKnifeType - otype
        DishSpongeType - otype
        KnifeType - otype
        LettuceType - otype
        MugType - otype
        PanType - otype
        PencilType - otype
        PotType - otype
        PotatoType - otype
        SpatulaType - otype
        TomatoType - otype
        WineBottleType - otype
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
        (receptacleType Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_04_dot_30 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_04_dot_30 loc_bar__minus_6_bar_17_bar_1_bar_30)
        (openable Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_04_dot_30)
        (receptacleType Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_58 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_58 loc_bar__minus_6_bar_20_bar_1_bar_30)
        (openable Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_58)
        (receptacleType Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_60 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_60 loc_bar__minus_6_bar_22_bar_1_bar_30)
        (openable Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_60)
        (receptacleType Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_06_dot_88 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_06_dot_88 loc_bar__minus_6_bar_25_bar_1_bar_30)
        (openable Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_06_dot_88)
        (receptacleType Cabinet_bar__minus_01_dot_54_bar__plus_00_dot_39_bar__plus_02_dot_09 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_01_dot_54_bar__plus_00_dot_39_bar__plus_02_dot_09 loc_bar__minus_9_bar_12_bar_2_bar_30)
        (openable Cabinet_bar__minus_01_dot_54_bar__plus_00_dot_39_bar__plus_02_dot_09)
        (receptacleType Cabinet_bar__minus_03_dot_04_bar__plus_00_dot_39_bar__plus_05_dot_03 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_04_bar__plus_00_dot_39_bar__plus_05_dot_03 loc_bar__minus_11_bar_17_bar_0_bar_30)
        (openable Cabinet_bar__minus_03_dot_04_bar__plus_00_dot_39_bar__plus_05_dot_03)
        (receptacleType Cabinet_bar__minus_03_dot_04_bar__plus_01_dot_94_bar__plus_05_dot_32 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_04_bar__plus_01_dot_94_bar__plus_05_dot_32 loc_bar__minus_13_bar_19_bar_0_bar_0)
        (openable Cabinet_bar__minus_03_dot_04_bar__plus_01_dot_94_bar__plus_05_dot_32)
        (receptacleType Cabinet_bar__minus_03_dot_19_bar__plus_00_dot_39_bar__plus_02_dot_09 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_19_bar__plus_00_dot_39_bar__plus_02_dot_09 loc_bar__minus_12_bar_12_bar_2_bar_30)
        (openable Cabinet_bar__minus_03_dot_19_bar__plus_00_dot_39_bar__plus_02_dot_09)
        (receptacleType Cabinet_bar__minus_03_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_03 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_03 loc_bar__minus_12_bar_17_bar_0_bar_30)
        (openable Cabinet_bar__minus_03_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_03)
        (receptacleType Cabinet_bar__minus_03_dot_67_bar__plus_00_dot_39_bar__plus_05_dot_03 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_67_bar__plus_00_dot_39_bar__plus_05_dot_03 loc_bar__minus_13_bar_16_bar_0_bar_30)
        (openable Cabinet_bar__minus_03_dot_67_bar__plus_00_dot_39_bar__plus_05_dot_03)
        (receptacleType Cabinet_bar__minus_03_dot_92_bar__plus_00_dot_40_bar__plus_02_dot_09 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_92_bar__plus_00_dot_40_bar__plus_02_dot_09 loc_bar__minus_13_bar_12_bar_2_bar_30)
        (openable Cabinet_bar__minus_03_dot_92_bar__plus_00_dot_40_bar__plus_02_dot_09)
        (receptacleType Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_12 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_12 loc_bar__minus_12_bar_10_bar_3_bar_30)
        (openable Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_12)
        (receptacleType Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_88 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_88 loc_bar__minus_12_bar_13_bar_3_bar_30)
        (openable Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_88)
        (receptacleType Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_04_dot_34 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_04_dot_34 loc_bar__minus_12_bar_17_bar_3_bar_30)
        (openable Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_04_dot_34)
        (receptacleType Cabinet_bar__minus_03_dot_97_bar__plus_00_dot_39_bar__plus_02_dot_89 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_97_bar__plus_00_dot_39_bar__plus_02_dot_89 loc_bar__minus_12_bar_13_bar_3_bar_31)
        (openable Cabinet_bar__minus_03_dot_97_bar__plus_00_dot_39_bar__plus_02_dot_89)
        (receptacleType Cabinet_bar__minus_03_dot_97_bar__plus_00_dot_39_bar__plus_03_dot_66 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_03_dot_97_bar__plus_00_dot_39_bar__plus_03_dot_66 loc_bar__minus_12_bar_12_bar_3_bar_30)
        (openable Cabinet_bar__minus_03_dot_97_bar__plus_00_dot_39_bar__plus_03_dot_66)
        (receptacleType Cabinet_bar__minus_04_dot_11_bar__plus_01_dot_94_bar__plus_05_dot_32 CabinetType)
        (receptacleAtLocation Cabinet_bar__minus_04_dot_11_bar__plus_01_dot_94_bar__plus_05_dot_32 loc_bar__minus_15_bar_19_bar_0_bar_0)
        (openable Cabinet_bar__minus_04_dot_11_bar__plus_01_dot_94_bar__plus_05_dot_32)
        (receptacleType CoffeeMachine_bar__plus_02_dot_79_bar__minus_00_dot_96_bar__plus_00_dot_16 CoffeeMachineType)
        (receptacleAtLocation CoffeeMachine_bar__plus_02_dot_79_bar__minus_00_dot_96_bar__plus_00_dot_16 loc_bar__minus_9_bar_4_bar_0_bar_30)
        (receptacleType CounterTop_bar__minus_00_dot_35_bar__plus_00_dot_96_bar__plus_05_dot_60 CounterTopType)
        (receptacleAtLocation CounterTop_bar__minus_00_dot_35_bar__plus_00_dot_96_bar__plus_05_dot_60 loc_bar__minus_4_bar_20_bar_1_bar_30)
        (receptacleType CounterTop_bar__minus_01_dot_87_bar__plus_00_dot_96_bar__plus_01_dot_80 CounterTopType)
        (receptacleAtLocation CounterTop_bar__minus_01_dot_87_bar__plus_00_dot_96_bar__plus_01_dot_80 loc_bar__minus_8_bar_10_bar_2_bar_30)
        (receptacleType CounterTop_bar__minus_04_dot_26_bar__plus_00_dot_96_bar__plus_04_dot_94 CounterTopType)
        (receptacleAtLocation CounterTop_bar__minus_04_dot_26_bar__plus_00_dot_96_bar__plus_04_dot_94 loc_bar__minus_15_bar_19_bar_0_bar_30)
        (receptacleType Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_04_dot_62 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_04_dot_62 loc_bar__minus_4_bar_21_bar_2_bar_30)
        (openable Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_04_dot_62)
        (receptacleType Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_05_dot_27 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_05_dot_27 loc_bar__minus_4_bar_24_bar_2_bar_30)
        (openable Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_05_dot_27)
        (receptacleType Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_05_dot_92 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_05_dot_92 loc_bar__minus_4_bar_21_bar_0_bar_30)
        (openable Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_05_dot_92)
        (receptacleType Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_06_dot_57 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_06_dot_57 loc_bar__minus_4_bar_23_bar_0_bar_30)
        (openable Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_06_dot_57)
        (receptacleType Drawer_bar__minus_01_dot_86_bar__plus_00_dot_78_bar__plus_01_dot_96 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_01_dot_86_bar__plus_00_dot_78_bar__plus_01_dot_96 loc_bar__minus_5_bar_9_bar_3_bar_30)
        (openable Drawer_bar__minus_01_dot_86_bar__plus_00_dot_78_bar__plus_01_dot_96)
        (receptacleType Drawer_bar__minus_03_dot_19_bar__plus_00_dot_78_bar__plus_05_dot_16 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_03_dot_19_bar__plus_00_dot_78_bar__plus_05_dot_16 loc_bar__minus_15_bar_19_bar_1_bar_30)
        (openable Drawer_bar__minus_03_dot_19_bar__plus_00_dot_78_bar__plus_05_dot_16)
        (receptacleType Drawer_bar__minus_04_dot_09_bar__plus_00_dot_78_bar__plus_04_dot_66 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_04_dot_09_bar__plus_00_dot_78_bar__plus_04_dot_66 loc_bar__minus_15_bar_14_bar_0_bar_30)
        (openable Drawer_bar__minus_04_dot_09_bar__plus_00_dot_78_bar__plus_04_dot_66)
        (receptacleType Drawer_bar__minus_04_dot_13_bar__plus_00_dot_80_bar__plus_02_dot_50 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_04_dot_13_bar__plus_00_dot_80_bar__plus_02_dot_50 loc_bar__minus_13_bar_11_bar_3_bar_30)
        (openable Drawer_bar__minus_04_dot_13_bar__plus_00_dot_80_bar__plus_02_dot_50)
        (receptacleType Fridge_bar__minus_00_dot_32_bar_00_dot_00_bar__plus_03_dot_60 FridgeType)
        (receptacleAtLocation Fridge_bar__minus_00_dot_32_bar_00_dot_00_bar__plus_03_dot_60 loc_bar__minus_5_bar_15_bar_1_bar_0)
        (openable Fridge_bar__minus_00_dot_32_bar_00_dot_00_bar__plus_03_dot_60)
        (receptacleType GarbageCan_bar__plus_02_dot_48_bar__minus_01_dot_75_bar__minus_01_dot_86 GarbageCanType)
        (receptacleAtLocation GarbageCan_bar__plus_02_dot_48_bar__minus_01_dot_75_bar__minus_01_dot_86 loc_bar_6_bar_1_bar_0_bar_30)
        (receptacleType Microwave_bar__minus_02_dot_69_bar__plus_01_dot_43_bar__plus_01_dot_69 MicrowaveType)
        (receptacleAtLocation Microwave_bar__minus_02_dot_69_bar__plus_01_dot_43_bar__plus_01_dot_69 loc_bar__minus_11_bar_10_bar_2_bar_0)
        (openable Microwave_bar__minus_02_dot_69_bar__plus_01_dot_43_bar__plus_01_dot_69)
        (receptacleType Sink_bar__minus_04_dot_19_bar__plus_00_dot_92_bar__plus_03_dot_28_bar_SinkBasin SinkBasinType)
        (receptacleAtLocation Sink_bar__minus_04_dot_19_bar__plus_00_dot_92_bar__plus_03_dot_28_bar_SinkBasin loc_bar__minus_15_bar_14_bar_3_bar_30)
        (receptacleType StoveBurner_bar__minus_00_dot_07_bar__minus_02_dot_85_bar__plus_01_dot_65 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__minus_00_dot_07_bar__minus_02_dot_85_bar__plus_01_dot_65 loc_bar_8_bar__minus_10_bar_0_bar_30)
        (receptacleType StoveBurner_bar__minus_00_dot_56_bar__plus_00_dot_95_bar__minus_01_dot_02 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__minus_00_dot_56_bar__plus_00_dot_95_bar__minus_01_dot_02 loc_bar_7_bar_6_bar_0_bar_30)
        (receptacleType Toaster_bar__minus_01_dot_22_bar__plus_00_dot_05_bar__minus_02_dot_77 ToasterType)
        (receptacleAtLocation Toaster_bar__minus_01_dot_22_bar__plus_00_dot_05_bar__minus_02_dot_77 loc_bar__minus_6_bar_7_bar_0_bar_30)
        (canContain CabinetType BowlType)
        (canContain CabinetType DishSpongeType)
        (canContain CabinetType MugType)
        (canContain CabinetType PanType)
        (canContain CabinetType PotType)
        (canContain CabinetType WineBottleType)
        (canContain CoffeeMachineType MugType)
        (canContain CounterTopType AppleType)
        (canContain CounterTopType BowlType)
        (canContain CounterTopType BreadType)
        (canContain CounterTopType ButterKnifeType)
        (canContain CounterTopType DishSpongeType)
        (canContain CounterTopType KnifeType)
        (canContain CounterTopType LettuceType)
        (canContain CounterTopType MugType)
        (canContain CounterTopType PanType)
        (canContain CounterTopType PencilType)
        (canContain CounterTopType PotType)
        (canContain CounterTopType PotatoType)
        (canContain CounterTopType SpatulaType)
        (canContain CounterTopType TomatoType)
        (canContain CounterTopType WineBottleType)
        (canContain DrawerType ButterKnifeType)
        (canContain DrawerType DishSpongeType)
        (canContain DrawerType KnifeType)
        (canContain DrawerType PencilType)
        (canContain DrawerType SpatulaType)
        (canContain FridgeType AppleType)
        (canContain FridgeType BowlType)
        (canContain FridgeType BreadType)
        (canContain FridgeType LettuceType)
        (canContain FridgeType MugType)
        (canContain FridgeType PanType)
        (canContain FridgeType PotType)
        (canContain FridgeType PotatoType)
        (canContain FridgeType TomatoType)
        (canContain FridgeType WineBottleType)
        (canContain GarbageCanType AppleType)
        (canContain GarbageCanType BreadType)
        (canContain GarbageCanType DishSpongeType)
        (canContain GarbageCanType LettuceType)
        (canContain GarbageCanType PencilType)
        (canContain GarbageCanType PotatoType)
        (canContain GarbageCanType TomatoType)
        (canContain GarbageCanType WineBottleType)
        (canContain MicrowaveType AppleType)
        (canContain MicrowaveType BowlType)
        (canContain MicrowaveType BreadType)
        (canContain MicrowaveType MugType)
        (canContain MicrowaveType PotatoType)
        (canContain MicrowaveType TomatoType)
        (canContain SinkBasinType AppleType)
        (canContain SinkBasinType BowlType)
        (canContain SinkBasinType ButterKnifeType)
        (canContain SinkBasinType DishSpongeType)
        (canContain SinkBasinType KnifeType)
        (canContain SinkBasinType LettuceType)
        (canContain SinkBasinType MugType)
        (canContain SinkBasinType PanType)
        (canContain SinkBasinType PotType)
        (canContain SinkBasinType PotatoType)
        (canContain SinkBasinType SpatulaType)
        (canContain SinkBasinType TomatoType)
        (canContain StoveBurnerType PanType)
        (canContain StoveBurnerType PotType)
        (objectType Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87 AppleType)
        (inReceptacle Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87 Sink_bar__minus_04_dot_19_bar__plus_00_dot_92_bar__plus_03_dot_28_bar_SinkBasin)
        (objectAtLocation Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87 loc_bar__minus_15_bar_14_bar_3_bar_30)
        (pickupable Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87)
        (heatable Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87)
        (coolable Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87)
        (cleanable Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87)
        (sliceable Apple_bar__plus_00_dot_16_bar__plus_01_dot_99_bar__minus_01_dot_87)
        (objectType Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42 AppleType)
        (inReceptacle Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42 Microwave_bar__minus_02_dot_69_bar__plus_01_dot_43_bar__plus_01_dot_69)
        (objectAtLocation Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42 loc_bar__minus_11_bar_10_bar_2_bar_0)
        (pickupable Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42)
        (heatable Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42)
        (coolable Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42)
        (cleanable Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42)
        (sliceable Apple_bar__minus_01_dot_86_bar__minus_00_dot_86_bar__minus_00_dot_42)
        (objectType Bowl_bar__plus_03_dot_00_bar__plus_00_dot_61_bar__plus_01_dot_38 BowlType)
        (inReceptacle Bowl_bar__plus_03_dot_00_bar__plus_00_dot_61_bar__plus_01_dot_38 Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_12)
        (objectAtLocation Bowl_bar__plus_03_dot_00_bar__plus_00_dot_61_bar__plus_01_dot_38 loc_bar__minus_12_bar_10_bar_3_bar_30)
        (pickupable Bowl_bar__plus_03_dot_00_bar__plus_00_dot_61_bar__plus_01_dot_38)
        (coolable Bowl_bar__plus_03_dot_00_bar__plus_00_dot_61_bar__plus_01_dot_38)
        (cleanable Bowl_bar__plus_03_dot_00_bar__plus_00_dot_61_bar__plus_01_dot_38)
        (isReceptacleObject Bowl_bar__plus_03_dot_00_bar__plus_00_dot_61_bar__plus_01_dot_38)
        (objectType Bread_bar__minus_02_dot_42_bar__minus_00_dot_80_bar__plus_02_dot_41 BreadType)
        (inReceptacle Bread_bar__minus_02_dot_42_bar__minus_00_dot_80_bar__plus_02_dot_41 GarbageCan_bar__plus_02_dot_48_bar__minus_01_dot_75_bar__minus_01_dot_86)
        (objectAtLocation Bread_bar__minus_02_dot_42_bar__minus_00_dot_80_bar__plus_02_dot_41 loc_bar_6_bar_1_bar_0_bar_30)
        (pickupable Bread_bar__minus_02_dot_42_bar__minus_00_dot_80_bar__plus_02_dot_41)
        (heatable Bread_bar__minus_02_dot_42_bar__minus_00_dot_80_bar__plus_02_dot_41)
        (coolable Bread_bar__minus_02_dot_42_bar__minus_00_dot_80_bar__plus_02_dot_41)
        (sliceable Bread_bar__minus_02_dot_42_bar__minus_00_dot_80_bar__plus_02_dot_41)
        (objectType ButterKnife_bar__plus_02_dot_07_bar__plus_00_dot_32_bar__minus_02_dot_22 ButterKnifeType)
        (inReceptacle ButterKnife_bar__plus_02_dot_07_bar__plus_00_dot_32_bar__minus_02_dot_22 Sink_bar__minus_04_dot_19_bar__plus_00_dot_92_bar__plus_03_dot_28_bar_SinkBasin)
        (objectAtLocation ButterKnife_bar__plus_02_dot_07_bar__plus_00_dot_32_bar__minus_02_dot_22 loc_bar__minus_15_bar_14_bar_3_bar_30)
        (pickupable ButterKnife_bar__plus_02_dot_07_bar__plus_00_dot_32_bar__minus_02_dot_22)
        (cleanable ButterKnife_bar__plus_02_dot_07_bar__plus_00_dot_32_bar__minus_02_dot_22)
        (objectType DishSponge_bar__plus_00_dot_68_bar__minus_01_dot_93_bar__plus_01_dot_44 DishSpongeType)
        (inReceptacle DishSponge_bar__plus_00_dot_68_bar__minus_01_dot_93_bar__plus_01_dot_44 Drawer_bar__minus_00_dot_51_bar__plus_00_dot_78_bar__plus_04_dot_62)
        (objectAtLocation DishSponge_bar__plus_00_dot_68_bar__minus_01_dot_93_bar__plus_01_dot_44 loc_bar__minus_4_bar_21_bar_2_bar_30)
        (pickupable DishSponge_bar__plus_00_dot_68_bar__minus_01_dot_93_bar__plus_01_dot_44)
        (cleanable DishSponge_bar__plus_00_dot_68_bar__minus_01_dot_93_bar__plus_01_dot_44)
        (objectType DishSponge_bar__plus_02_dot_52_bar__minus_01_dot_49_bar__minus_00_dot_11 DishSpongeType)
        (inReceptacle DishSponge_bar__plus_02_dot_52_bar__minus_01_dot_49_bar__minus_00_dot_11 Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_12)
        (objectAtLocation DishSponge_bar__plus_02_dot_52_bar__minus_01_dot_49_bar__minus_00_dot_11 loc_bar__minus_12_bar_10_bar_3_bar_30)
        (pickupable DishSponge_bar__plus_02_dot_52_bar__minus_01_dot_49_bar__minus_00_dot_11)
        (cleanable DishSponge_bar__plus_02_dot_52_bar__minus_01_dot_49_bar__minus_00_dot_11)
        (objectType DishSponge_bar__minus_01_dot_97_bar__plus_02_dot_53_bar__plus_01_dot_51 DishSpongeType)
        (inReceptacle DishSponge_bar__minus_01_dot_97_bar__plus_02_dot_53_bar__plus_01_dot_51 Cabinet_bar__minus_01_dot_54_bar__plus_00_dot_39_bar__plus_02_dot_09)
        (objectAtLocation DishSponge_bar__minus_01_dot_97_bar__plus_02_dot_53_bar__plus_01_dot_51 loc_bar__minus_9_bar_12_bar_2_bar_30)
        (pickupable DishSponge_bar__minus_01_dot_97_bar__plus_02_dot_53_bar__plus_01_dot_51)
        (cleanable DishSponge_bar__minus_01_dot_97_bar__plus_02_dot_53_bar__plus_01_dot_51)
        (objectType Lettuce_bar__minus_00_dot_73_bar__minus_00_dot_24_bar__minus_01_dot_14 LettuceType)
        (inReceptacle Lettuce_bar__minus_00_dot_73_bar__minus_00_dot_24_bar__minus_01_dot_14 CounterTop_bar__minus_04_dot_26_bar__plus_00_dot_96_bar__plus_04_dot_94)
        (objectAtLocation Lettuce_bar__minus_00_dot_73_bar__minus_00_dot_24_bar__minus_01_dot_14 loc_bar__minus_15_bar_19_bar_0_bar_30)
        (pickupable Lettuce_bar__minus_00_dot_73_bar__minus_00_dot_24_bar__minus_01_dot_14)
        (coolable Lettuce_bar__minus_00_dot_73_bar__minus_00_dot_24_bar__minus_01_dot_14)
        (cleanable Lettuce_bar__minus_00_dot_73_bar__minus_00_dot_24_bar__minus_01_dot_14)
        (sliceable Lettuce_bar__minus_00_dot_73_bar__minus_00_dot_24_bar__minus_01_dot_14)
        (objectType Lettuce_bar__minus_01_dot_27_bar__plus_02_dot_51_bar__plus_00_dot_73 LettuceType)
        (inReceptacle Lettuce_bar__minus_01_dot_27_bar__plus_02_dot_51_bar__plus_00_dot_73 CounterTop_bar__minus_04_dot_26_bar__plus_00_dot_96_bar__plus_04_dot_94)
        (objectAtLocation Lettuce_bar__minus_01_dot_27_bar__plus_02_dot_51_bar__plus_00_dot_73 loc_bar__minus_15_bar_19_bar_0_bar_30)
        (pickupable Lettuce_bar__minus_01_dot_27_bar__plus_02_dot_51_bar__plus_00_dot_73)
        (coolable Lettuce_bar__minus_01_dot_27_bar__plus_02_dot_51_bar__plus_00_dot_73)
        (cleanable Lettuce_bar__minus_01_dot_27_bar__plus_02_dot_51_bar__plus_00_dot_73)
        (sliceable Lettuce_bar__minus_01_dot_27_bar__plus_02_dot_51_bar__plus_00_dot_73)
        (objectType Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28 MugType)
        (inReceptacle Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28 Sink_bar__minus_04_dot_19_bar__plus_00_dot_92_bar__plus_03_dot_28_bar_SinkBasin)
        (objectAtLocation Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28 loc_bar__minus_15_bar_14_bar_3_bar_30)
        (pickupable Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28)
        (heatable Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28)
        (coolable Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28)
        (cleanable Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28)
        (isReceptacleObject Mug_bar__plus_00_dot_05_bar__plus_00_dot_72_bar__plus_02_dot_28)
        (objectType Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24 MugType)
        (inReceptacle Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24 Cabinet_bar__minus_03_dot_04_bar__plus_01_dot_94_bar__plus_05_dot_32)
        (objectAtLocation Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24 loc_bar__minus_13_bar_19_bar_0_bar_0)
        (pickupable Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24)
        (heatable Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24)
        (coolable Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24)
        (cleanable Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24)
        (isReceptacleObject Mug_bar__minus_00_dot_52_bar__minus_01_dot_48_bar__plus_01_dot_24)
        (objectType Pan_bar__plus_02_dot_45_bar__minus_02_dot_90_bar__minus_02_dot_04 PanType)
        (inReceptacle Pan_bar__plus_02_dot_45_bar__minus_02_dot_90_bar__minus_02_dot_04 Cabinet_bar__minus_03_dot_04_bar__plus_00_dot_39_bar__plus_05_dot_03)
        (objectAtLocation Pan_bar__plus_02_dot_45_bar__minus_02_dot_90_bar__minus_02_dot_04 loc_bar__minus_11_bar_17_bar_0_bar_30)
        (pickupable Pan_bar__plus_02_dot_45_bar__minus_02_dot_90_bar__minus_02_dot_04)
        (coolable Pan_bar__plus_02_dot_45_bar__minus_02_dot_90_bar__minus_02_dot_04)
        (cleanable Pan_bar__plus_02_dot_45_bar__minus_02_dot_90_bar__minus_02_dot_04)
        (isReceptacleObject Pan_bar__plus_02_dot_45_bar__minus_02_dot_90_bar__minus_02_dot_04)
        (objectType Pan_bar__minus_01_dot_21_bar__minus_01_dot_25_bar__minus_00_dot_75 PanType)
        (inReceptacle Pan_bar__minus_01_dot_21_bar__minus_01_dot_25_bar__minus_00_dot_75 Cabinet_bar__minus_03_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_03)
        (objectAtLocation Pan_bar__minus_01_dot_21_bar__minus_01_dot_25_bar__minus_00_dot_75 loc_bar__minus_12_bar_17_bar_0_bar_30)
        (pickupable Pan_bar__minus_01_dot_21_bar__minus_01_dot_25_bar__minus_00_dot_75)
        (coolable Pan_bar__minus_01_dot_21_bar__minus_01_dot_25_bar__minus_00_dot_75)
        (cleanable Pan_bar__minus_01_dot_21_bar__minus_01_dot_25_bar__minus_00_dot_75)
        (isReceptacleObject Pan_bar__minus_01_dot_21_bar__minus_01_dot_25_bar__minus_00_dot_75)
        (objectType Pencil_bar__plus_02_dot_09_bar__minus_02_dot_80_bar__plus_00_dot_84 PencilType)
        (inReceptacle Pencil_bar__plus_02_dot_09_bar__minus_02_dot_80_bar__plus_00_dot_84 Drawer_bar__minus_04_dot_13_bar__plus_00_dot_80_bar__plus_02_dot_50)
        (objectAtLocation Pencil_bar__plus_02_dot_09_bar__minus_02_dot_80_bar__plus_00_dot_84 loc_bar__minus_13_bar_11_bar_3_bar_30)
        (pickupable Pencil_bar__plus_02_dot_09_bar__minus_02_dot_80_bar__plus_00_dot_84)
        (objectType Pencil_bar__minus_02_dot_06_bar__plus_02_dot_36_bar__plus_00_dot_93 PencilType)
        (inReceptacle Pencil_bar__minus_02_dot_06_bar__plus_02_dot_36_bar__plus_00_dot_93 Drawer_bar__minus_04_dot_09_bar__plus_00_dot_78_bar__plus_04_dot_66)
        (objectAtLocation Pencil_bar__minus_02_dot_06_bar__plus_02_dot_36_bar__plus_00_dot_93 loc_bar__minus_15_bar_14_bar_0_bar_30)
        (pickupable Pencil_bar__minus_02_dot_06_bar__plus_02_dot_36_bar__plus_00_dot_93)
        (objectType Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82 PotatoType)
        (inReceptacle Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82 CounterTop_bar__minus_01_dot_87_bar__plus_00_dot_96_bar__plus_01_dot_80)
        (objectAtLocation Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82 loc_bar__minus_8_bar_10_bar_2_bar_30)
        (pickupable Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82)
        (heatable Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82)
        (coolable Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82)
        (cleanable Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82)
        (sliceable Potato_bar__minus_00_dot_93_bar__minus_01_dot_62_bar__minus_00_dot_82)
        (objectType Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68 PotatoType)
        (inReceptacle Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68 CounterTop_bar__minus_01_dot_87_bar__plus_00_dot_96_bar__plus_01_dot_80)
        (objectAtLocation Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68 loc_bar__minus_8_bar_10_bar_2_bar_30)
        (pickupable Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68)
        (heatable Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68)
        (coolable Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68)
        (cleanable Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68)
        (sliceable Potato_bar__minus_01_dot_43_bar__minus_01_dot_04_bar__plus_02_dot_68)
        (objectType Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72 PotatoType)
        (inReceptacle Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72 Fridge_bar__minus_00_dot_32_bar_00_dot_00_bar__plus_03_dot_60)
        (objectAtLocation Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72 loc_bar__minus_5_bar_15_bar_1_bar_0)
        (pickupable Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72)
        (heatable Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72)
        (coolable Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72)
        (cleanable Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72)
        (sliceable Potato_bar__minus_02_dot_19_bar__minus_02_dot_55_bar__plus_00_dot_72)
        (objectType Pot_bar__plus_01_dot_00_bar__minus_00_dot_29_bar__plus_02_dot_60 PotType)
        (inReceptacle Pot_bar__plus_01_dot_00_bar__minus_00_dot_29_bar__plus_02_dot_60 Cabinet_bar__minus_03_dot_96_bar__plus_00_dot_39_bar__plus_02_dot_88)
        (objectAtLocation Pot_bar__plus_01_dot_00_bar__minus_00_dot_29_bar__plus_02_dot_60 loc_bar__minus_12_bar_13_bar_3_bar_30)
        (pickupable Pot_bar__plus_01_dot_00_bar__minus_00_dot_29_bar__plus_02_dot_60)
        (coolable Pot_bar__plus_01_dot_00_bar__minus_00_dot_29_bar__plus_02_dot_60)
        (cleanable Pot_bar__plus_01_dot_00_bar__minus_00_dot_29_bar__plus_02_dot_60)
        (isReceptacleObject Pot_bar__plus_01_dot_00_bar__minus_00_dot_29_bar__plus_02_dot_60)
        (objectType Pot_bar__minus_01_dot_41_bar__minus_02_dot_61_bar__plus_02_dot_80 PotType)
        (inReceptacle Pot_bar__minus_01_dot_41_bar__minus_02_dot_61_bar__plus_02_dot_80 Sink_bar__minus_04_dot_19_bar__plus_00_dot_92_bar__plus_03_dot_28_bar_SinkBasin)
        (objectAtLocation Pot_bar__minus_01_dot_41_bar__minus_02_dot_61_bar__plus_02_dot_80 loc_bar__minus_15_bar_14_bar_3_bar_30)
        (pickupable Pot_bar__minus_01_dot_41_bar__minus_02_dot_61_bar__plus_02_dot_80)
        (coolable Pot_bar__minus_01_dot_41_bar__minus_02_dot_61_bar__plus_02_dot_80)
        (cleanable Pot_bar__minus_01_dot_41_bar__minus_02_dot_61_bar__plus_02_dot_80)
        (isReceptacleObject Pot_bar__minus_01_dot_41_bar__minus_02_dot_61_bar__plus_02_dot_80)
        (objectType Pot_bar__minus_01_dot_68_bar__plus_02_dot_49_bar__minus_02_dot_97 PotType)
        (inReceptacle Pot_bar__minus_01_dot_68_bar__plus_02_dot_49_bar__minus_02_dot_97 Cabinet_bar__minus_03_dot_04_bar__plus_01_dot_94_bar__plus_05_dot_32)
        (objectAtLocation Pot_bar__minus_01_dot_68_bar__plus_02_dot_49_bar__minus_02_dot_97 loc_bar__minus_13_bar_19_bar_0_bar_0)
        (pickupable Pot_bar__minus_01_dot_68_bar__plus_02_dot_49_bar__minus_02_dot_97)
        (coolable Pot_bar__minus_01_dot_68_bar__plus_02_dot_49_bar__minus_02_dot_97)
        (cleanable Pot_bar__minus_01_dot_68_bar__plus_02_dot_49_bar__minus_02_dot_97)
        (isReceptacleObject Pot_bar__minus_01_dot_68_bar__plus_02_dot_49_bar__minus_02_dot_97)
        (objectType Spatula_bar__minus_00_dot_93_bar__minus_00_dot_73_bar__minus_02_dot_15 SpatulaType)
        (inReceptacle Spatula_bar__minus_00_dot_93_bar__minus_00_dot_73_bar__minus_02_dot_15 Drawer_bar__minus_03_dot_19_bar__plus_00_dot_78_bar__plus_05_dot_16)
        (objectAtLocation Spatula_bar__minus_00_dot_93_bar__minus_00_dot_73_bar__minus_02_dot_15 loc_bar__minus_15_bar_19_bar_1_bar_30)
        (pickupable Spatula_bar__minus_00_dot_93_bar__minus_00_dot_73_bar__minus_02_dot_15)
        (cleanable Spatula_bar__minus_00_dot_93_bar__minus_00_dot_73_bar__minus_02_dot_15)
        (objectType Spatula_bar__minus_02_dot_35_bar__plus_02_dot_40_bar__plus_00_dot_44 SpatulaType)
        (inReceptacle Spatula_bar__minus_02_dot_35_bar__plus_02_dot_40_bar__plus_00_dot_44 Sink_bar__minus_04_dot_19_bar__plus_00_dot_92_bar__plus_03_dot_28_bar_SinkBasin)
        (objectAtLocation Spatula_bar__minus_02_dot_35_bar__plus_02_dot_40_bar__plus_00_dot_44 loc_bar__minus_15_bar_14_bar_3_bar_30)
        (pickupable Spatula_bar__minus_02_dot_35_bar__plus_02_dot_40_bar__plus_00_dot_44)
        (cleanable Spatula_bar__minus_02_dot_35_bar__plus_02_dot_40_bar__plus_00_dot_44)
        (objectType Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10 TomatoType)
        (inReceptacle Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10 Microwave_bar__minus_02_dot_69_bar__plus_01_dot_43_bar__plus_01_dot_69)
        (objectAtLocation Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10 loc_bar__minus_11_bar_10_bar_2_bar_0)
        (pickupable Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10)
        (heatable Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10)
        (coolable Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10)
        (cleanable Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10)
        (sliceable Tomato_bar__minus_02_dot_54_bar__minus_01_dot_07_bar__minus_01_dot_10)
        (objectType WineBottle_bar__plus_00_dot_42_bar__plus_02_dot_61_bar__minus_02_dot_65 WineBottleType)
        (inReceptacle WineBottle_bar__plus_00_dot_42_bar__plus_02_dot_61_bar__minus_02_dot_65 GarbageCan_bar__plus_02_dot_48_bar__minus_01_dot_75_bar__minus_01_dot_86)
        (objectAtLocation WineBottle_bar__plus_00_dot_42_bar__plus_02_dot_61_bar__minus_02_dot_65 loc_bar_6_bar_1_bar_0_bar_30)
        (pickupable WineBottle_bar__plus_00_dot_42_bar__plus_02_dot_61_bar__minus_02_dot_65)
        (coolable WineBottle_bar__plus_00_dot_42_bar__plus_02_dot_61_bar__minus_02_dot_65)
        (objectType WineBottle_bar__plus_01_dot_23_bar__minus_01_dot_74_bar__minus_00_dot_02 WineBottleType)
        (inReceptacle WineBottle_bar__plus_01_dot_23_bar__minus_01_dot_74_bar__minus_00_dot_02 Cabinet_bar__minus_04_dot_11_bar__plus_01_dot_94_bar__plus_05_dot_32)
        (objectAtLocation WineBottle_bar__plus_01_dot_23_bar__minus_01_dot_74_bar__minus_00_dot_02 loc_bar__minus_15_bar_19_bar_0_bar_0)
        (pickupable WineBottle_bar__plus_01_dot_23_bar__minus_01_dot_74_bar__minus_00_dot_02)
        (coolable WineBottle_bar__plus_01_dot_23_bar__minus_01_dot_74_bar__minus_00_dot_02)
        (objectType WineBottle_bar__minus_01_dot_39_bar__minus_01_dot_80_bar__plus_01_dot_08 WineBottleType)
        (inReceptacle WineBottle_bar__minus_01_dot_39_bar__minus_01_dot_80_bar__plus_01_dot_08 Cabinet_bar__minus_00_dot_64_bar__plus_00_dot_39_bar__plus_05_dot_60)
        (objectAtLocation WineBottle_bar__minus_01_dot_39_bar__minus_01_dot_80_bar__plus_01_dot_08 loc_bar__minus_6_bar_22_bar_1_bar_30)
        (pickupable WineBottle_bar__minus_01_dot_39_bar__minus_01_dot_80_bar__plus_01_dot_08)
        (coolable WineBottle_bar__minus_01_dot_39_bar__minus_01_dot_80_bar__plus_01_dot_08)
    )

        (:goal
            (and
                (exists (?r - receptacle)
                    (exists (?o - object)
                        (and
                            (inReceptacle ?o ?r)
                            (objectType ?o ButterKnifeType)
                            (receptacleType ?r CounterTopType)
                        )
                    )
                )
            )
        )
    )
    