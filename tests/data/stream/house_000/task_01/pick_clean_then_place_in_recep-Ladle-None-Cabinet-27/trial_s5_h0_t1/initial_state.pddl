(define (problem s5_h0_t1)
    (:domain alfred)
    (:objects
        agent1 - agent
        loc_bar__minus_1_bar_5_bar_0_bar_30 - location
        loc_bar_0_bar_0_bar_0_bar_30 - location
        loc_bar_11_bar_8_bar_0_bar_30 - location
        loc_bar_2_bar_3_bar_3_bar_30 - location
        loc_bar_2_bar_8_bar_3_bar_30 - location
        loc_bar_3_bar__minus_1_bar_0_bar_30 - location
        loc_bar_3_bar__minus_1_bar_3_bar_30 - location
        loc_bar_3_bar_4_bar_1_bar_30 - location
        loc_bar_3_bar_5_bar_1_bar_0 - location
        loc_bar_3_bar_6_bar_0_bar_30 - location
        loc_bar_3_bar_6_bar_1_bar_0 - location
        loc_bar_3_bar_6_bar_1_bar_30 - location
        loc_bar_3_bar_8_bar_3_bar_30 - location
        loc_bar_4_bar_3_bar_1_bar_30 - location
        loc_bar_4_bar_6_bar_0_bar_30 - location
        loc_bar_4_bar_7_bar_3_bar_30 - location
        loc_bar_4_bar_8_bar_0_bar_30 - location
        loc_bar_4_bar_8_bar_1_bar_30 - location
        loc_bar_5_bar__minus_1_bar_1_bar_30 - location
        loc_bar_5_bar_1_bar_1_bar_0 - location
        loc_bar_5_bar_2_bar_1_bar_0 - location
        loc_bar_5_bar_2_bar_1_bar_30 - location
        loc_bar_5_bar_7_bar_1_bar_30 - location
        loc_bar_6_bar__minus_10_bar_0_bar_30 - location
        loc_bar_8_bar__minus_4_bar_0_bar_30 - location
        Cabinet_bar__plus_00_dot_13_bar__plus_00_dot_39_bar__plus_01_dot_77 - receptacle
        Cabinet_bar__plus_00_dot_35_bar__plus_00_dot_39_bar__plus_02_dot_36 - receptacle
        Cabinet_bar__plus_01_dot_51_bar__plus_00_dot_39_bar__plus_02_dot_36 - receptacle
        Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_00_dot_87 - receptacle
        Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_02_dot_35 - receptacle
        Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_28 - receptacle
        Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_87 - receptacle
        Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_00_dot_89 - receptacle
        Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_01_dot_77 - receptacle
        CoffeeMachine_bar__plus_01_dot_21_bar__minus_01_dot_56_bar__minus_01_dot_90 - receptacle
        CounterTop_bar__plus_01_dot_07_bar__plus_00_dot_97_bar__plus_02_dot_67 - receptacle
        CounterTop_bar__plus_02_dot_06_bar__plus_00_dot_97_bar__plus_00_dot_58 - receptacle
        DiningTable_bar__minus_00_dot_21_bar__plus_00_dot_02_bar__plus_00_dot_88 - receptacle
        Drawer_bar__plus_01_dot_91_bar__plus_00_dot_77_bar__plus_02_dot_06 - receptacle
        Drawer_bar__plus_02_dot_17_bar__plus_00_dot_77_bar__plus_00_dot_58 - receptacle
        Drawer_bar__minus_00_dot_02_bar__plus_00_dot_77_bar__plus_02_dot_06 - receptacle
        Fridge_bar__plus_02_dot_10_bar__plus_00_dot_00_bar__minus_00_dot_28 - receptacle
        GarbageCan_bar__minus_00_dot_33_bar__plus_00_dot_00_bar__minus_00_dot_80 - receptacle
        Microwave_bar__minus_00_dot_31_bar__plus_00_dot_93_bar__plus_02_dot_08 - receptacle
        Sink_bar__plus_00_dot_94_bar__plus_00_dot_94_bar__plus_02_dot_65_bar_SinkBasin - receptacle
        StoveBurner_bar__plus_00_dot_07_bar__plus_02_dot_20_bar__minus_00_dot_88 - receptacle
        StoveBurner_bar__plus_01_dot_22_bar__minus_01_dot_65_bar__minus_02_dot_40 - receptacle
        StoveBurner_bar__plus_01_dot_92_bar__plus_01_dot_37_bar__minus_00_dot_53 - receptacle
        Toaster_bar__plus_00_dot_22_bar__minus_02_dot_67_bar__minus_00_dot_05 - receptacle
        Bread_bar__minus_02_dot_60_bar__plus_02_dot_65_bar__plus_01_dot_94 - object
        ButterKnife_bar__plus_00_dot_30_bar__minus_00_dot_88_bar__plus_01_dot_29 - object
        ButterKnife_bar__plus_00_dot_67_bar__plus_00_dot_42_bar__plus_01_dot_11 - object
        Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53 - object
        Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95 - object
        Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48 - object
        Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30 - object
        Fork_bar__minus_02_dot_44_bar__plus_00_dot_90_bar__minus_02_dot_65 - object
        Knife_bar__plus_00_dot_85_bar__plus_00_dot_64_bar__plus_01_dot_60 - object
        Ladle_bar__minus_01_dot_70_bar__plus_02_dot_25_bar__plus_01_dot_12 - object
        Pan_bar__plus_00_dot_27_bar__minus_00_dot_51_bar__plus_01_dot_68 - object
        Pan_bar__minus_01_dot_32_bar__minus_00_dot_17_bar__minus_01_dot_04 - object
        Pan_bar__minus_02_dot_49_bar__minus_02_dot_58_bar__minus_02_dot_53 - object
        PepperShaker_bar__plus_00_dot_13_bar__minus_02_dot_54_bar__minus_00_dot_41 - object
        PepperShaker_bar__plus_01_dot_42_bar__plus_00_dot_24_bar__plus_02_dot_48 - object
        Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69 - object
        Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10 - object
        Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76 - object
        Pot_bar__plus_00_dot_31_bar__plus_00_dot_80_bar__minus_00_dot_86 - object
        Pot_bar__minus_00_dot_63_bar__minus_02_dot_40_bar__plus_02_dot_87 - object
        Pot_bar__minus_02_dot_60_bar__minus_01_dot_36_bar__minus_00_dot_47 - object
        SaltShaker_bar__minus_00_dot_18_bar__minus_00_dot_36_bar__plus_02_dot_84 - object
        SaltShaker_bar__minus_01_dot_98_bar__plus_00_dot_39_bar__plus_00_dot_70 - object
        Spatula_bar__plus_01_dot_39_bar__plus_02_dot_70_bar__minus_02_dot_70 - object
        Spatula_bar__minus_02_dot_67_bar__minus_00_dot_84_bar__plus_01_dot_19 - object
        Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76 - object
        Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43 - object
        BreadType - otype
        ButterKnifeType - otype
        CupType - otype
        EggType - otype
        ForkType - otype
        KnifeType - otype
        LadleType - otype
        PanType - otype
        PepperShakerType - otype
        PotType - otype
        PotatoType - otype
        SaltShakerType - otype
        SpatulaType - otype
        TomatoType - otype
        CabinetType - rtype
        CoffeeMachineType - rtype
        CounterTopType - rtype
        DiningTableType - rtype
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
        (receptacleType Cabinet_bar__plus_00_dot_13_bar__plus_00_dot_39_bar__plus_01_dot_77 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_00_dot_13_bar__plus_00_dot_39_bar__plus_01_dot_77 loc_bar_4_bar_7_bar_3_bar_30)
        (openable Cabinet_bar__plus_00_dot_13_bar__plus_00_dot_39_bar__plus_01_dot_77)
        (receptacleType Cabinet_bar__plus_00_dot_35_bar__plus_00_dot_39_bar__plus_02_dot_36 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_00_dot_35_bar__plus_00_dot_39_bar__plus_02_dot_36 loc_bar_4_bar_6_bar_0_bar_30)
        (openable Cabinet_bar__plus_00_dot_35_bar__plus_00_dot_39_bar__plus_02_dot_36)
        (receptacleType Cabinet_bar__plus_01_dot_51_bar__plus_00_dot_39_bar__plus_02_dot_36 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_01_dot_51_bar__plus_00_dot_39_bar__plus_02_dot_36 loc_bar_3_bar_6_bar_0_bar_30)
        (openable Cabinet_bar__plus_01_dot_51_bar__plus_00_dot_39_bar__plus_02_dot_36)
        (receptacleType Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_00_dot_87 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_00_dot_87 loc_bar_3_bar_4_bar_1_bar_30)
        (openable Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_00_dot_87)
        (receptacleType Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_02_dot_35 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_02_dot_35 loc_bar_3_bar_6_bar_1_bar_30)
        (openable Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_02_dot_35)
        (receptacleType Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_28 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_28 loc_bar_5_bar_1_bar_1_bar_0)
        (openable Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_28)
        (receptacleType Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_87 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_87 loc_bar_5_bar_2_bar_1_bar_0)
        (openable Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_87)
        (receptacleType Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_00_dot_89 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_00_dot_89 loc_bar_3_bar_6_bar_1_bar_0)
        (openable Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_00_dot_89)
        (receptacleType Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_01_dot_77 CabinetType)
        (receptacleAtLocation Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_01_dot_77 loc_bar_3_bar_5_bar_1_bar_0)
        (openable Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_01_dot_77)
        (receptacleType CoffeeMachine_bar__plus_01_dot_21_bar__minus_01_dot_56_bar__minus_01_dot_90 CoffeeMachineType)
        (receptacleAtLocation CoffeeMachine_bar__plus_01_dot_21_bar__minus_01_dot_56_bar__minus_01_dot_90 loc_bar_8_bar__minus_4_bar_0_bar_30)
        (receptacleType CounterTop_bar__plus_01_dot_07_bar__plus_00_dot_97_bar__plus_02_dot_67 CounterTopType)
        (receptacleAtLocation CounterTop_bar__plus_01_dot_07_bar__plus_00_dot_97_bar__plus_02_dot_67 loc_bar_5_bar_7_bar_1_bar_30)
        (receptacleType CounterTop_bar__plus_02_dot_06_bar__plus_00_dot_97_bar__plus_00_dot_58 CounterTopType)
        (receptacleAtLocation CounterTop_bar__plus_02_dot_06_bar__plus_00_dot_97_bar__plus_00_dot_58 loc_bar_5_bar_2_bar_1_bar_30)
        (receptacleType DiningTable_bar__minus_00_dot_21_bar__plus_00_dot_02_bar__plus_00_dot_88 DiningTableType)
        (receptacleAtLocation DiningTable_bar__minus_00_dot_21_bar__plus_00_dot_02_bar__plus_00_dot_88 loc_bar_2_bar_3_bar_3_bar_30)
        (receptacleType Drawer_bar__plus_01_dot_91_bar__plus_00_dot_77_bar__plus_02_dot_06 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_01_dot_91_bar__plus_00_dot_77_bar__plus_02_dot_06 loc_bar_4_bar_8_bar_1_bar_30)
        (openable Drawer_bar__plus_01_dot_91_bar__plus_00_dot_77_bar__plus_02_dot_06)
        (receptacleType Drawer_bar__plus_02_dot_17_bar__plus_00_dot_77_bar__plus_00_dot_58 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_02_dot_17_bar__plus_00_dot_77_bar__plus_00_dot_58 loc_bar_4_bar_3_bar_1_bar_30)
        (openable Drawer_bar__plus_02_dot_17_bar__plus_00_dot_77_bar__plus_00_dot_58)
        (receptacleType Drawer_bar__minus_00_dot_02_bar__plus_00_dot_77_bar__plus_02_dot_06 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_00_dot_02_bar__plus_00_dot_77_bar__plus_02_dot_06 loc_bar_3_bar_8_bar_3_bar_30)
        (openable Drawer_bar__minus_00_dot_02_bar__plus_00_dot_77_bar__plus_02_dot_06)
        (receptacleType Fridge_bar__plus_02_dot_10_bar__plus_00_dot_00_bar__minus_00_dot_28 FridgeType)
        (receptacleAtLocation Fridge_bar__plus_02_dot_10_bar__plus_00_dot_00_bar__minus_00_dot_28 loc_bar_5_bar__minus_1_bar_1_bar_30)
        (openable Fridge_bar__plus_02_dot_10_bar__plus_00_dot_00_bar__minus_00_dot_28)
        (receptacleType GarbageCan_bar__minus_00_dot_33_bar__plus_00_dot_00_bar__minus_00_dot_80 GarbageCanType)
        (receptacleAtLocation GarbageCan_bar__minus_00_dot_33_bar__plus_00_dot_00_bar__minus_00_dot_80 loc_bar_3_bar__minus_1_bar_3_bar_30)
        (receptacleType Microwave_bar__minus_00_dot_31_bar__plus_00_dot_93_bar__plus_02_dot_08 MicrowaveType)
        (receptacleAtLocation Microwave_bar__minus_00_dot_31_bar__plus_00_dot_93_bar__plus_02_dot_08 loc_bar_2_bar_8_bar_3_bar_30)
        (openable Microwave_bar__minus_00_dot_31_bar__plus_00_dot_93_bar__plus_02_dot_08)
        (receptacleType Sink_bar__plus_00_dot_94_bar__plus_00_dot_94_bar__plus_02_dot_65_bar_SinkBasin SinkBasinType)
        (receptacleAtLocation Sink_bar__plus_00_dot_94_bar__plus_00_dot_94_bar__plus_02_dot_65_bar_SinkBasin loc_bar_4_bar_8_bar_0_bar_30)
        (receptacleType StoveBurner_bar__plus_00_dot_07_bar__plus_02_dot_20_bar__minus_00_dot_88 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__plus_00_dot_07_bar__plus_02_dot_20_bar__minus_00_dot_88 loc_bar_6_bar__minus_10_bar_0_bar_30)
        (receptacleType StoveBurner_bar__plus_01_dot_22_bar__minus_01_dot_65_bar__minus_02_dot_40 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__plus_01_dot_22_bar__minus_01_dot_65_bar__minus_02_dot_40 loc_bar_3_bar__minus_1_bar_0_bar_30)
        (receptacleType StoveBurner_bar__plus_01_dot_92_bar__plus_01_dot_37_bar__minus_00_dot_53 StoveBurnerType)
        (receptacleAtLocation StoveBurner_bar__plus_01_dot_92_bar__plus_01_dot_37_bar__minus_00_dot_53 loc_bar_11_bar_8_bar_0_bar_30)
        (receptacleType Toaster_bar__plus_00_dot_22_bar__minus_02_dot_67_bar__minus_00_dot_05 ToasterType)
        (receptacleAtLocation Toaster_bar__plus_00_dot_22_bar__minus_02_dot_67_bar__minus_00_dot_05 loc_bar__minus_1_bar_5_bar_0_bar_30)
        (canContain CabinetType CupType)
        (canContain CabinetType LadleType)
        (canContain CabinetType PanType)
        (canContain CabinetType PepperShakerType)
        (canContain CabinetType PotType)
        (canContain CabinetType SaltShakerType)
        (canContain CounterTopType BreadType)
        (canContain CounterTopType ButterKnifeType)
        (canContain CounterTopType CupType)
        (canContain CounterTopType EggType)
        (canContain CounterTopType ForkType)
        (canContain CounterTopType KnifeType)
        (canContain CounterTopType LadleType)
        (canContain CounterTopType PanType)
        (canContain CounterTopType PepperShakerType)
        (canContain CounterTopType PotType)
        (canContain CounterTopType PotatoType)
        (canContain CounterTopType SaltShakerType)
        (canContain CounterTopType SpatulaType)
        (canContain CounterTopType TomatoType)
        (canContain DiningTableType BreadType)
        (canContain DiningTableType ButterKnifeType)
        (canContain DiningTableType CupType)
        (canContain DiningTableType EggType)
        (canContain DiningTableType ForkType)
        (canContain DiningTableType KnifeType)
        (canContain DiningTableType LadleType)
        (canContain DiningTableType PanType)
        (canContain DiningTableType PepperShakerType)
        (canContain DiningTableType PotType)
        (canContain DiningTableType PotatoType)
        (canContain DiningTableType SaltShakerType)
        (canContain DiningTableType SpatulaType)
        (canContain DiningTableType TomatoType)
        (canContain DrawerType ButterKnifeType)
        (canContain DrawerType ForkType)
        (canContain DrawerType KnifeType)
        (canContain DrawerType LadleType)
        (canContain DrawerType PepperShakerType)
        (canContain DrawerType SaltShakerType)
        (canContain DrawerType SpatulaType)
        (canContain FridgeType BreadType)
        (canContain FridgeType CupType)
        (canContain FridgeType EggType)
        (canContain FridgeType PanType)
        (canContain FridgeType PotType)
        (canContain FridgeType PotatoType)
        (canContain FridgeType TomatoType)
        (canContain GarbageCanType BreadType)
        (canContain GarbageCanType EggType)
        (canContain GarbageCanType PotatoType)
        (canContain GarbageCanType TomatoType)
        (canContain MicrowaveType BreadType)
        (canContain MicrowaveType CupType)
        (canContain MicrowaveType EggType)
        (canContain MicrowaveType PotatoType)
        (canContain MicrowaveType TomatoType)
        (canContain SinkBasinType ButterKnifeType)
        (canContain SinkBasinType CupType)
        (canContain SinkBasinType EggType)
        (canContain SinkBasinType ForkType)
        (canContain SinkBasinType KnifeType)
        (canContain SinkBasinType LadleType)
        (canContain SinkBasinType PanType)
        (canContain SinkBasinType PotType)
        (canContain SinkBasinType PotatoType)
        (canContain SinkBasinType SpatulaType)
        (canContain SinkBasinType TomatoType)
        (canContain StoveBurnerType PanType)
        (canContain StoveBurnerType PotType)
        (objectType Bread_bar__minus_02_dot_60_bar__plus_02_dot_65_bar__plus_01_dot_94 BreadType)
        (inReceptacle Bread_bar__minus_02_dot_60_bar__plus_02_dot_65_bar__plus_01_dot_94 DiningTable_bar__minus_00_dot_21_bar__plus_00_dot_02_bar__plus_00_dot_88)
        (objectAtLocation Bread_bar__minus_02_dot_60_bar__plus_02_dot_65_bar__plus_01_dot_94 loc_bar_2_bar_3_bar_3_bar_30)
        (pickupable Bread_bar__minus_02_dot_60_bar__plus_02_dot_65_bar__plus_01_dot_94)
        (heatable Bread_bar__minus_02_dot_60_bar__plus_02_dot_65_bar__plus_01_dot_94)
        (coolable Bread_bar__minus_02_dot_60_bar__plus_02_dot_65_bar__plus_01_dot_94)
        (sliceable Bread_bar__minus_02_dot_60_bar__plus_02_dot_65_bar__plus_01_dot_94)
        (objectType ButterKnife_bar__plus_00_dot_30_bar__minus_00_dot_88_bar__plus_01_dot_29 ButterKnifeType)
        (inReceptacle ButterKnife_bar__plus_00_dot_30_bar__minus_00_dot_88_bar__plus_01_dot_29 Drawer_bar__plus_01_dot_91_bar__plus_00_dot_77_bar__plus_02_dot_06)
        (objectAtLocation ButterKnife_bar__plus_00_dot_30_bar__minus_00_dot_88_bar__plus_01_dot_29 loc_bar_4_bar_8_bar_1_bar_30)
        (pickupable ButterKnife_bar__plus_00_dot_30_bar__minus_00_dot_88_bar__plus_01_dot_29)
        (cleanable ButterKnife_bar__plus_00_dot_30_bar__minus_00_dot_88_bar__plus_01_dot_29)
        (objectType ButterKnife_bar__plus_00_dot_67_bar__plus_00_dot_42_bar__plus_01_dot_11 ButterKnifeType)
        (inReceptacle ButterKnife_bar__plus_00_dot_67_bar__plus_00_dot_42_bar__plus_01_dot_11 Drawer_bar__plus_02_dot_17_bar__plus_00_dot_77_bar__plus_00_dot_58)
        (objectAtLocation ButterKnife_bar__plus_00_dot_67_bar__plus_00_dot_42_bar__plus_01_dot_11 loc_bar_4_bar_3_bar_1_bar_30)
        (pickupable ButterKnife_bar__plus_00_dot_67_bar__plus_00_dot_42_bar__plus_01_dot_11)
        (cleanable ButterKnife_bar__plus_00_dot_67_bar__plus_00_dot_42_bar__plus_01_dot_11)
        (objectType Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53 CupType)
        (inReceptacle Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53 Cabinet_bar__plus_00_dot_13_bar__plus_00_dot_39_bar__plus_01_dot_77)
        (objectAtLocation Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53 loc_bar_4_bar_7_bar_3_bar_30)
        (pickupable Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53)
        (heatable Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53)
        (coolable Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53)
        (cleanable Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53)
        (isReceptacleObject Cup_bar__plus_02_dot_34_bar__minus_00_dot_84_bar__plus_02_dot_53)
        (objectType Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95 CupType)
        (inReceptacle Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95 Cabinet_bar__plus_00_dot_35_bar__plus_00_dot_39_bar__plus_02_dot_36)
        (objectAtLocation Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95 loc_bar_4_bar_6_bar_0_bar_30)
        (pickupable Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95)
        (heatable Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95)
        (coolable Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95)
        (cleanable Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95)
        (isReceptacleObject Cup_bar__minus_00_dot_23_bar__plus_02_dot_39_bar__plus_01_dot_95)
        (objectType Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48 CupType)
        (inReceptacle Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48 Cabinet_bar__plus_02_dot_04_bar__plus_01_dot_81_bar__plus_00_dot_28)
        (objectAtLocation Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48 loc_bar_5_bar_1_bar_1_bar_0)
        (pickupable Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48)
        (heatable Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48)
        (coolable Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48)
        (cleanable Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48)
        (isReceptacleObject Cup_bar__minus_00_dot_43_bar__minus_01_dot_50_bar__plus_02_dot_48)
        (objectType Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30 EggType)
        (inReceptacle Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30 DiningTable_bar__minus_00_dot_21_bar__plus_00_dot_02_bar__plus_00_dot_88)
        (objectAtLocation Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30 loc_bar_2_bar_3_bar_3_bar_30)
        (pickupable Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30)
        (heatable Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30)
        (coolable Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30)
        (cleanable Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30)
        (sliceable Egg_bar__minus_02_dot_71_bar__plus_01_dot_92_bar__minus_00_dot_30)
        (objectType Fork_bar__minus_02_dot_44_bar__plus_00_dot_90_bar__minus_02_dot_65 ForkType)
        (inReceptacle Fork_bar__minus_02_dot_44_bar__plus_00_dot_90_bar__minus_02_dot_65 Drawer_bar__plus_02_dot_17_bar__plus_00_dot_77_bar__plus_00_dot_58)
        (objectAtLocation Fork_bar__minus_02_dot_44_bar__plus_00_dot_90_bar__minus_02_dot_65 loc_bar_4_bar_3_bar_1_bar_30)
        (pickupable Fork_bar__minus_02_dot_44_bar__plus_00_dot_90_bar__minus_02_dot_65)
        (cleanable Fork_bar__minus_02_dot_44_bar__plus_00_dot_90_bar__minus_02_dot_65)
        (objectType Knife_bar__plus_00_dot_85_bar__plus_00_dot_64_bar__plus_01_dot_60 KnifeType)
        (inReceptacle Knife_bar__plus_00_dot_85_bar__plus_00_dot_64_bar__plus_01_dot_60 Drawer_bar__plus_02_dot_17_bar__plus_00_dot_77_bar__plus_00_dot_58)
        (objectAtLocation Knife_bar__plus_00_dot_85_bar__plus_00_dot_64_bar__plus_01_dot_60 loc_bar_4_bar_3_bar_1_bar_30)
        (pickupable Knife_bar__plus_00_dot_85_bar__plus_00_dot_64_bar__plus_01_dot_60)
        (cleanable Knife_bar__plus_00_dot_85_bar__plus_00_dot_64_bar__plus_01_dot_60)
        (objectType Ladle_bar__minus_01_dot_70_bar__plus_02_dot_25_bar__plus_01_dot_12 LadleType)
        (inReceptacle Ladle_bar__minus_01_dot_70_bar__plus_02_dot_25_bar__plus_01_dot_12 Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_01_dot_77)
        (objectAtLocation Ladle_bar__minus_01_dot_70_bar__plus_02_dot_25_bar__plus_01_dot_12 loc_bar_3_bar_5_bar_1_bar_0)
        (pickupable Ladle_bar__minus_01_dot_70_bar__plus_02_dot_25_bar__plus_01_dot_12)
        (cleanable Ladle_bar__minus_01_dot_70_bar__plus_02_dot_25_bar__plus_01_dot_12)
        (objectType Pan_bar__plus_00_dot_27_bar__minus_00_dot_51_bar__plus_01_dot_68 PanType)
        (inReceptacle Pan_bar__plus_00_dot_27_bar__minus_00_dot_51_bar__plus_01_dot_68 Cabinet_bar__plus_02_dot_04_bar__plus_02_dot_11_bar__plus_00_dot_89)
        (objectAtLocation Pan_bar__plus_00_dot_27_bar__minus_00_dot_51_bar__plus_01_dot_68 loc_bar_3_bar_6_bar_1_bar_0)
        (pickupable Pan_bar__plus_00_dot_27_bar__minus_00_dot_51_bar__plus_01_dot_68)
        (coolable Pan_bar__plus_00_dot_27_bar__minus_00_dot_51_bar__plus_01_dot_68)
        (cleanable Pan_bar__plus_00_dot_27_bar__minus_00_dot_51_bar__plus_01_dot_68)
        (isReceptacleObject Pan_bar__plus_00_dot_27_bar__minus_00_dot_51_bar__plus_01_dot_68)
        (objectType Pan_bar__minus_01_dot_32_bar__minus_00_dot_17_bar__minus_01_dot_04 PanType)
        (inReceptacle Pan_bar__minus_01_dot_32_bar__minus_00_dot_17_bar__minus_01_dot_04 DiningTable_bar__minus_00_dot_21_bar__plus_00_dot_02_bar__plus_00_dot_88)
        (objectAtLocation Pan_bar__minus_01_dot_32_bar__minus_00_dot_17_bar__minus_01_dot_04 loc_bar_2_bar_3_bar_3_bar_30)
        (pickupable Pan_bar__minus_01_dot_32_bar__minus_00_dot_17_bar__minus_01_dot_04)
        (coolable Pan_bar__minus_01_dot_32_bar__minus_00_dot_17_bar__minus_01_dot_04)
        (cleanable Pan_bar__minus_01_dot_32_bar__minus_00_dot_17_bar__minus_01_dot_04)
        (isReceptacleObject Pan_bar__minus_01_dot_32_bar__minus_00_dot_17_bar__minus_01_dot_04)
        (objectType Pan_bar__minus_02_dot_49_bar__minus_02_dot_58_bar__minus_02_dot_53 PanType)
        (inReceptacle Pan_bar__minus_02_dot_49_bar__minus_02_dot_58_bar__minus_02_dot_53 Cabinet_bar__plus_00_dot_13_bar__plus_00_dot_39_bar__plus_01_dot_77)
        (objectAtLocation Pan_bar__minus_02_dot_49_bar__minus_02_dot_58_bar__minus_02_dot_53 loc_bar_4_bar_7_bar_3_bar_30)
        (pickupable Pan_bar__minus_02_dot_49_bar__minus_02_dot_58_bar__minus_02_dot_53)
        (coolable Pan_bar__minus_02_dot_49_bar__minus_02_dot_58_bar__minus_02_dot_53)
        (cleanable Pan_bar__minus_02_dot_49_bar__minus_02_dot_58_bar__minus_02_dot_53)
        (isReceptacleObject Pan_bar__minus_02_dot_49_bar__minus_02_dot_58_bar__minus_02_dot_53)
        (objectType PepperShaker_bar__plus_00_dot_13_bar__minus_02_dot_54_bar__minus_00_dot_41 PepperShakerType)
        (inReceptacle PepperShaker_bar__plus_00_dot_13_bar__minus_02_dot_54_bar__minus_00_dot_41 Cabinet_bar__plus_01_dot_76_bar__plus_00_dot_39_bar__plus_00_dot_87)
        (objectAtLocation PepperShaker_bar__plus_00_dot_13_bar__minus_02_dot_54_bar__minus_00_dot_41 loc_bar_3_bar_4_bar_1_bar_30)
        (pickupable PepperShaker_bar__plus_00_dot_13_bar__minus_02_dot_54_bar__minus_00_dot_41)
        (objectType PepperShaker_bar__plus_01_dot_42_bar__plus_00_dot_24_bar__plus_02_dot_48 PepperShakerType)
        (inReceptacle PepperShaker_bar__plus_01_dot_42_bar__plus_00_dot_24_bar__plus_02_dot_48 Drawer_bar__minus_00_dot_02_bar__plus_00_dot_77_bar__plus_02_dot_06)
        (objectAtLocation PepperShaker_bar__plus_01_dot_42_bar__plus_00_dot_24_bar__plus_02_dot_48 loc_bar_3_bar_8_bar_3_bar_30)
        (pickupable PepperShaker_bar__plus_01_dot_42_bar__plus_00_dot_24_bar__plus_02_dot_48)
        (objectType Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69 PotatoType)
        (inReceptacle Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69 Fridge_bar__plus_02_dot_10_bar__plus_00_dot_00_bar__minus_00_dot_28)
        (objectAtLocation Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69 loc_bar_5_bar__minus_1_bar_1_bar_30)
        (pickupable Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69)
        (heatable Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69)
        (coolable Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69)
        (cleanable Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69)
        (sliceable Potato_bar__plus_01_dot_63_bar__plus_00_dot_84_bar__minus_01_dot_69)
        (objectType Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10 PotatoType)
        (inReceptacle Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10 Sink_bar__plus_00_dot_94_bar__plus_00_dot_94_bar__plus_02_dot_65_bar_SinkBasin)
        (objectAtLocation Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10 loc_bar_4_bar_8_bar_0_bar_30)
        (pickupable Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10)
        (heatable Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10)
        (coolable Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10)
        (cleanable Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10)
        (sliceable Potato_bar__minus_00_dot_48_bar__plus_00_dot_27_bar__plus_01_dot_10)
        (objectType Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76 PotatoType)
        (inReceptacle Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76 Microwave_bar__minus_00_dot_31_bar__plus_00_dot_93_bar__plus_02_dot_08)
        (objectAtLocation Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76 loc_bar_2_bar_8_bar_3_bar_30)
        (pickupable Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76)
        (heatable Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76)
        (coolable Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76)
        (cleanable Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76)
        (sliceable Potato_bar__minus_01_dot_77_bar__minus_02_dot_97_bar__plus_01_dot_76)
        (objectType Pot_bar__plus_00_dot_31_bar__plus_00_dot_80_bar__minus_00_dot_86 PotType)
        (inReceptacle Pot_bar__plus_00_dot_31_bar__plus_00_dot_80_bar__minus_00_dot_86 Cabinet_bar__plus_01_dot_51_bar__plus_00_dot_39_bar__plus_02_dot_36)
        (objectAtLocation Pot_bar__plus_00_dot_31_bar__plus_00_dot_80_bar__minus_00_dot_86 loc_bar_3_bar_6_bar_0_bar_30)
        (pickupable Pot_bar__plus_00_dot_31_bar__plus_00_dot_80_bar__minus_00_dot_86)
        (coolable Pot_bar__plus_00_dot_31_bar__plus_00_dot_80_bar__minus_00_dot_86)
        (cleanable Pot_bar__plus_00_dot_31_bar__plus_00_dot_80_bar__minus_00_dot_86)
        (isReceptacleObject Pot_bar__plus_00_dot_31_bar__plus_00_dot_80_bar__minus_00_dot_86)
        (objectType Pot_bar__minus_00_dot_63_bar__minus_02_dot_40_bar__plus_02_dot_87 PotType)
        (inReceptacle Pot_bar__minus_00_dot_63_bar__minus_02_dot_40_bar__plus_02_dot_87 Cabinet_bar__plus_00_dot_35_bar__plus_00_dot_39_bar__plus_02_dot_36)
        (objectAtLocation Pot_bar__minus_00_dot_63_bar__minus_02_dot_40_bar__plus_02_dot_87 loc_bar_4_bar_6_bar_0_bar_30)
        (pickupable Pot_bar__minus_00_dot_63_bar__minus_02_dot_40_bar__plus_02_dot_87)
        (coolable Pot_bar__minus_00_dot_63_bar__minus_02_dot_40_bar__plus_02_dot_87)
        (cleanable Pot_bar__minus_00_dot_63_bar__minus_02_dot_40_bar__plus_02_dot_87)
        (isReceptacleObject Pot_bar__minus_00_dot_63_bar__minus_02_dot_40_bar__plus_02_dot_87)
        (objectType Pot_bar__minus_02_dot_60_bar__minus_01_dot_36_bar__minus_00_dot_47 PotType)
        (inReceptacle Pot_bar__minus_02_dot_60_bar__minus_01_dot_36_bar__minus_00_dot_47 CounterTop_bar__plus_01_dot_07_bar__plus_00_dot_97_bar__plus_02_dot_67)
        (objectAtLocation Pot_bar__minus_02_dot_60_bar__minus_01_dot_36_bar__minus_00_dot_47 loc_bar_5_bar_7_bar_1_bar_30)
        (pickupable Pot_bar__minus_02_dot_60_bar__minus_01_dot_36_bar__minus_00_dot_47)
        (coolable Pot_bar__minus_02_dot_60_bar__minus_01_dot_36_bar__minus_00_dot_47)
        (cleanable Pot_bar__minus_02_dot_60_bar__minus_01_dot_36_bar__minus_00_dot_47)
        (isReceptacleObject Pot_bar__minus_02_dot_60_bar__minus_01_dot_36_bar__minus_00_dot_47)
        (objectType SaltShaker_bar__minus_00_dot_18_bar__minus_00_dot_36_bar__plus_02_dot_84 SaltShakerType)
        (inReceptacle SaltShaker_bar__minus_00_dot_18_bar__minus_00_dot_36_bar__plus_02_dot_84 Drawer_bar__plus_01_dot_91_bar__plus_00_dot_77_bar__plus_02_dot_06)
        (objectAtLocation SaltShaker_bar__minus_00_dot_18_bar__minus_00_dot_36_bar__plus_02_dot_84 loc_bar_4_bar_8_bar_1_bar_30)
        (pickupable SaltShaker_bar__minus_00_dot_18_bar__minus_00_dot_36_bar__plus_02_dot_84)
        (objectType SaltShaker_bar__minus_01_dot_98_bar__plus_00_dot_39_bar__plus_00_dot_70 SaltShakerType)
        (inReceptacle SaltShaker_bar__minus_01_dot_98_bar__plus_00_dot_39_bar__plus_00_dot_70 Cabinet_bar__plus_00_dot_35_bar__plus_00_dot_39_bar__plus_02_dot_36)
        (objectAtLocation SaltShaker_bar__minus_01_dot_98_bar__plus_00_dot_39_bar__plus_00_dot_70 loc_bar_4_bar_6_bar_0_bar_30)
        (pickupable SaltShaker_bar__minus_01_dot_98_bar__plus_00_dot_39_bar__plus_00_dot_70)
        (objectType Spatula_bar__plus_01_dot_39_bar__plus_02_dot_70_bar__minus_02_dot_70 SpatulaType)
        (inReceptacle Spatula_bar__plus_01_dot_39_bar__plus_02_dot_70_bar__minus_02_dot_70 CounterTop_bar__plus_01_dot_07_bar__plus_00_dot_97_bar__plus_02_dot_67)
        (objectAtLocation Spatula_bar__plus_01_dot_39_bar__plus_02_dot_70_bar__minus_02_dot_70 loc_bar_5_bar_7_bar_1_bar_30)
        (pickupable Spatula_bar__plus_01_dot_39_bar__plus_02_dot_70_bar__minus_02_dot_70)
        (cleanable Spatula_bar__plus_01_dot_39_bar__plus_02_dot_70_bar__minus_02_dot_70)
        (objectType Spatula_bar__minus_02_dot_67_bar__minus_00_dot_84_bar__plus_01_dot_19 SpatulaType)
        (inReceptacle Spatula_bar__minus_02_dot_67_bar__minus_00_dot_84_bar__plus_01_dot_19 Drawer_bar__plus_01_dot_91_bar__plus_00_dot_77_bar__plus_02_dot_06)
        (objectAtLocation Spatula_bar__minus_02_dot_67_bar__minus_00_dot_84_bar__plus_01_dot_19 loc_bar_4_bar_8_bar_1_bar_30)
        (pickupable Spatula_bar__minus_02_dot_67_bar__minus_00_dot_84_bar__plus_01_dot_19)
        (cleanable Spatula_bar__minus_02_dot_67_bar__minus_00_dot_84_bar__plus_01_dot_19)
        (objectType Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76 TomatoType)
        (inReceptacle Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76 GarbageCan_bar__minus_00_dot_33_bar__plus_00_dot_00_bar__minus_00_dot_80)
        (objectAtLocation Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76 loc_bar_3_bar__minus_1_bar_3_bar_30)
        (pickupable Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76)
        (heatable Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76)
        (coolable Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76)
        (cleanable Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76)
        (sliceable Tomato_bar__plus_01_dot_23_bar__minus_00_dot_87_bar__plus_02_dot_76)
        (objectType Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43 TomatoType)
        (inReceptacle Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43 GarbageCan_bar__minus_00_dot_33_bar__plus_00_dot_00_bar__minus_00_dot_80)
        (objectAtLocation Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43 loc_bar_3_bar__minus_1_bar_3_bar_30)
        (pickupable Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43)
        (heatable Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43)
        (coolable Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43)
        (cleanable Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43)
        (sliceable Tomato_bar__plus_02_dot_24_bar__plus_01_dot_96_bar__plus_02_dot_43)
    )

        (:goal
            (and
                (exists (?r - receptacle)
                    (exists (?o - object)
                        (and
                            (cleanable ?o)
                            (objectType ?o LadleType)
                            (receptacleType ?r CabinetType)
                            (isClean ?o)
                            (inReceptacle ?o ?r)
                        )
                    )
                )
            )
        )
    )
    