(define (problem s11_h1_t2)
    (:domain alfred)
    (:objects
        agent1 - agent
        loc_bar__minus_16_bar__minus_15_bar_1_bar_30 - location
        loc_bar__minus_2_bar__minus_3_bar_1_bar_30 - location
        loc_bar__minus_2_bar__minus_8_bar_2_bar_30 - location
        loc_bar__minus_2_bar__minus_8_bar_2_bar_31 - location
        loc_bar__minus_4_bar_0_bar_3_bar_30 - location
        loc_bar__minus_4_bar_2_bar_3_bar_30 - location
        loc_bar__minus_4_bar_2_bar_3_bar_31 - location
        loc_bar__minus_5_bar_3_bar_3_bar_30 - location
        loc_bar__minus_5_bar_3_bar_3_bar_31 - location
        loc_bar__minus_5_bar_3_bar_3_bar_32 - location
        loc_bar__minus_5_bar_3_bar_3_bar_33 - location
        loc_bar__minus_7_bar_7_bar_1_bar_30 - location
        loc_bar__minus_9_bar__minus_17_bar_1_bar_30 - location
        loc_bar_0_bar__minus_1_bar_0_bar_30 - location
        loc_bar_0_bar_0_bar_0_bar_30 - location
        loc_bar_4_bar_4_bar_1_bar_30 - location
        loc_bar_5_bar_4_bar_1_bar_30 - location
        ArmChair_bar__minus_00_dot_56_bar__plus_00_dot_00_bar__plus_01_dot_95 - receptacle
        DiningTable_bar__minus_03_dot_10_bar__plus_00_dot_00_bar__minus_03_dot_61 - receptacle
        Drawer_bar__plus_01_dot_75_bar__plus_00_dot_78_bar__plus_01_dot_09 - receptacle
        GarbageCan_bar__minus_01_dot_34_bar__plus_00_dot_00_bar__minus_04_dot_83 - receptacle
        Ottoman_bar__minus_00_dot_58_bar__plus_00_dot_00_bar__plus_01_dot_05 - receptacle
        Shelf_bar__minus_00_dot_61_bar__plus_00_dot_88_bar__minus_02_dot_83 - receptacle
        Shelf_bar__minus_00_dot_61_bar__plus_01_dot_32_bar__minus_02_dot_83 - receptacle
        Shelf_bar__minus_02_dot_08_bar__plus_00_dot_17_bar__plus_01_dot_14 - receptacle
        Shelf_bar__minus_02_dot_09_bar__plus_00_dot_17_bar__plus_00_dot_40 - receptacle
        Shelf_bar__minus_02_dot_09_bar__plus_00_dot_41_bar__plus_00_dot_40 - receptacle
        Shelf_bar__minus_02_dot_10_bar__plus_00_dot_47_bar__plus_01_dot_14 - receptacle
        Shelf_bar__minus_02_dot_13_bar__plus_00_dot_56_bar__plus_00_dot_40 - receptacle
        Shelf_bar__minus_02_dot_24_bar__plus_00_dot_17_bar__plus_00_dot_77 - receptacle
        SideTable_bar__plus_01_dot_83_bar__plus_00_dot_00_bar__plus_01_dot_09 - receptacle
        Sofa_bar__plus_00_dot_78_bar__plus_00_dot_00_bar__minus_00_dot_51 - receptacle
        TVStand_bar__minus_02_dot_24_bar__plus_00_dot_00_bar__plus_00_dot_76 - receptacle
        Box_bar__minus_02_dot_78_bar__plus_01_dot_48_bar__plus_01_dot_97 - object
        CreditCard_bar__plus_00_dot_04_bar__plus_02_dot_00_bar__minus_02_dot_50 - object
        CreditCard_bar__minus_00_dot_78_bar__minus_01_dot_81_bar__plus_02_dot_44 - object
        CreditCard_bar__minus_01_dot_45_bar__minus_02_dot_47_bar__plus_01_dot_47 - object
        FloorLamp_bar__minus_01_dot_83_bar__minus_01_dot_88_bar__minus_00_dot_85 - object
        KeyChain_bar__plus_02_dot_86_bar__plus_01_dot_24_bar__plus_02_dot_04 - object
        Laptop_bar__plus_00_dot_88_bar__minus_02_dot_63_bar__minus_01_dot_49 - object
        Laptop_bar__plus_01_dot_05_bar__plus_01_dot_27_bar__minus_00_dot_79 - object
        Laptop_bar__plus_01_dot_77_bar__plus_01_dot_30_bar__plus_00_dot_82 - object
        Pillow_bar__plus_01_dot_46_bar__plus_00_dot_48_bar__minus_00_dot_07 - object
        RemoteControl_bar__plus_00_dot_06_bar__plus_00_dot_23_bar__plus_02_dot_97 - object
        RemoteControl_bar__minus_01_dot_17_bar__plus_01_dot_58_bar__minus_01_dot_80 - object
        Statue_bar__minus_00_dot_10_bar__minus_02_dot_68_bar__minus_02_dot_84 - object
        Statue_bar__minus_02_dot_55_bar__plus_01_dot_72_bar__plus_00_dot_31 - object
        Vase_bar__plus_00_dot_75_bar__plus_00_dot_19_bar__plus_00_dot_24 - object
        Vase_bar__plus_02_dot_44_bar__plus_00_dot_50_bar__plus_02_dot_81 - object
        Vase_bar__minus_01_dot_63_bar__plus_01_dot_94_bar__minus_02_dot_56 - object
        BoxType - otype
        ButterKnifeType - otype
        CreditCardType - otype
        FloorLampType - otype
        KeyChainType - otype
        KnifeType - otype
        LaptopType - otype
        PillowType - otype
        RemoteControlType - otype
        StatueType - otype
        VaseType - otype
        ArmChairType - rtype
        DiningTableType - rtype
        DrawerType - rtype
        FridgeType - rtype
        GarbageCanType - rtype
        MicrowaveType - rtype
        OttomanType - rtype
        ShelfType - rtype
        SideTableType - rtype
        SinkBasinType - rtype
        SofaType - rtype
        TVStandType - rtype
    )
    (:init
        (atLocation agent1 loc_bar_0_bar_0_bar_0_bar_30)
        (receptacleType ArmChair_bar__minus_00_dot_56_bar__plus_00_dot_00_bar__plus_01_dot_95 ArmChairType)
        (receptacleAtLocation ArmChair_bar__minus_00_dot_56_bar__plus_00_dot_00_bar__plus_01_dot_95 loc_bar__minus_7_bar_7_bar_1_bar_30)
        (receptacleType DiningTable_bar__minus_03_dot_10_bar__plus_00_dot_00_bar__minus_03_dot_61 DiningTableType)
        (receptacleAtLocation DiningTable_bar__minus_03_dot_10_bar__plus_00_dot_00_bar__minus_03_dot_61 loc_bar__minus_16_bar__minus_15_bar_1_bar_30)
        (receptacleType Drawer_bar__plus_01_dot_75_bar__plus_00_dot_78_bar__plus_01_dot_09 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_01_dot_75_bar__plus_00_dot_78_bar__plus_01_dot_09 loc_bar_4_bar_4_bar_1_bar_30)
        (openable Drawer_bar__plus_01_dot_75_bar__plus_00_dot_78_bar__plus_01_dot_09)
        (receptacleType GarbageCan_bar__minus_01_dot_34_bar__plus_00_dot_00_bar__minus_04_dot_83 GarbageCanType)
        (receptacleAtLocation GarbageCan_bar__minus_01_dot_34_bar__plus_00_dot_00_bar__minus_04_dot_83 loc_bar__minus_9_bar__minus_17_bar_1_bar_30)
        (receptacleType Ottoman_bar__minus_00_dot_58_bar__plus_00_dot_00_bar__plus_01_dot_05 OttomanType)
        (receptacleAtLocation Ottoman_bar__minus_00_dot_58_bar__plus_00_dot_00_bar__plus_01_dot_05 loc_bar_0_bar__minus_1_bar_0_bar_30)
        (receptacleType Shelf_bar__minus_00_dot_61_bar__plus_00_dot_88_bar__minus_02_dot_83 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_00_dot_61_bar__plus_00_dot_88_bar__minus_02_dot_83 loc_bar__minus_2_bar__minus_8_bar_2_bar_30)
        (receptacleType Shelf_bar__minus_00_dot_61_bar__plus_01_dot_32_bar__minus_02_dot_83 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_00_dot_61_bar__plus_01_dot_32_bar__minus_02_dot_83 loc_bar__minus_2_bar__minus_8_bar_2_bar_31)
        (receptacleType Shelf_bar__minus_02_dot_08_bar__plus_00_dot_17_bar__plus_01_dot_14 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_02_dot_08_bar__plus_00_dot_17_bar__plus_01_dot_14 loc_bar__minus_4_bar_2_bar_3_bar_30)
        (receptacleType Shelf_bar__minus_02_dot_09_bar__plus_00_dot_17_bar__plus_00_dot_40 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_02_dot_09_bar__plus_00_dot_17_bar__plus_00_dot_40 loc_bar__minus_4_bar_0_bar_3_bar_30)
        (receptacleType Shelf_bar__minus_02_dot_09_bar__plus_00_dot_41_bar__plus_00_dot_40 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_02_dot_09_bar__plus_00_dot_41_bar__plus_00_dot_40 loc_bar__minus_5_bar_3_bar_3_bar_30)
        (receptacleType Shelf_bar__minus_02_dot_10_bar__plus_00_dot_47_bar__plus_01_dot_14 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_02_dot_10_bar__plus_00_dot_47_bar__plus_01_dot_14 loc_bar__minus_5_bar_3_bar_3_bar_31)
        (receptacleType Shelf_bar__minus_02_dot_13_bar__plus_00_dot_56_bar__plus_00_dot_40 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_02_dot_13_bar__plus_00_dot_56_bar__plus_00_dot_40 loc_bar__minus_5_bar_3_bar_3_bar_32)
        (receptacleType Shelf_bar__minus_02_dot_24_bar__plus_00_dot_17_bar__plus_00_dot_77 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_02_dot_24_bar__plus_00_dot_17_bar__plus_00_dot_77 loc_bar__minus_4_bar_2_bar_3_bar_31)
        (receptacleType SideTable_bar__plus_01_dot_83_bar__plus_00_dot_00_bar__plus_01_dot_09 SideTableType)
        (receptacleAtLocation SideTable_bar__plus_01_dot_83_bar__plus_00_dot_00_bar__plus_01_dot_09 loc_bar_5_bar_4_bar_1_bar_30)
        (receptacleType Sofa_bar__plus_00_dot_78_bar__plus_00_dot_00_bar__minus_00_dot_51 SofaType)
        (receptacleAtLocation Sofa_bar__plus_00_dot_78_bar__plus_00_dot_00_bar__minus_00_dot_51 loc_bar__minus_2_bar__minus_3_bar_1_bar_30)
        (receptacleType TVStand_bar__minus_02_dot_24_bar__plus_00_dot_00_bar__plus_00_dot_76 TVStandType)
        (receptacleAtLocation TVStand_bar__minus_02_dot_24_bar__plus_00_dot_00_bar__plus_00_dot_76 loc_bar__minus_5_bar_3_bar_3_bar_33)
        (canContain ArmChairType BoxType)
        (canContain ArmChairType CreditCardType)
        (canContain ArmChairType KeyChainType)
        (canContain ArmChairType LaptopType)
        (canContain ArmChairType PillowType)
        (canContain ArmChairType RemoteControlType)
        (canContain DiningTableType BoxType)
        (canContain DiningTableType ButterKnifeType)
        (canContain DiningTableType CreditCardType)
        (canContain DiningTableType KeyChainType)
        (canContain DiningTableType KnifeType)
        (canContain DiningTableType LaptopType)
        (canContain DiningTableType RemoteControlType)
        (canContain DiningTableType StatueType)
        (canContain DiningTableType VaseType)
        (canContain DrawerType ButterKnifeType)
        (canContain DrawerType CreditCardType)
        (canContain DrawerType KeyChainType)
        (canContain DrawerType KnifeType)
        (canContain DrawerType RemoteControlType)
        (canContain OttomanType BoxType)
        (canContain OttomanType CreditCardType)
        (canContain OttomanType KeyChainType)
        (canContain OttomanType LaptopType)
        (canContain OttomanType PillowType)
        (canContain OttomanType RemoteControlType)
        (canContain ShelfType BoxType)
        (canContain ShelfType CreditCardType)
        (canContain ShelfType KeyChainType)
        (canContain ShelfType RemoteControlType)
        (canContain ShelfType StatueType)
        (canContain ShelfType VaseType)
        (canContain SideTableType BoxType)
        (canContain SideTableType ButterKnifeType)
        (canContain SideTableType CreditCardType)
        (canContain SideTableType KeyChainType)
        (canContain SideTableType KnifeType)
        (canContain SideTableType LaptopType)
        (canContain SideTableType RemoteControlType)
        (canContain SideTableType StatueType)
        (canContain SideTableType VaseType)
        (canContain SofaType BoxType)
        (canContain SofaType CreditCardType)
        (canContain SofaType KeyChainType)
        (canContain SofaType LaptopType)
        (canContain SofaType PillowType)
        (canContain SofaType RemoteControlType)
        (objectType Box_bar__minus_02_dot_78_bar__plus_01_dot_48_bar__plus_01_dot_97 BoxType)
        (inReceptacle Box_bar__minus_02_dot_78_bar__plus_01_dot_48_bar__plus_01_dot_97 Shelf_bar__minus_02_dot_13_bar__plus_00_dot_56_bar__plus_00_dot_40)
        (objectAtLocation Box_bar__minus_02_dot_78_bar__plus_01_dot_48_bar__plus_01_dot_97 loc_bar__minus_5_bar_3_bar_3_bar_32)
        (pickupable Box_bar__minus_02_dot_78_bar__plus_01_dot_48_bar__plus_01_dot_97)
        (isReceptacleObject Box_bar__minus_02_dot_78_bar__plus_01_dot_48_bar__plus_01_dot_97)
        (objectType CreditCard_bar__plus_00_dot_04_bar__plus_02_dot_00_bar__minus_02_dot_50 CreditCardType)
        (inReceptacle CreditCard_bar__plus_00_dot_04_bar__plus_02_dot_00_bar__minus_02_dot_50 Ottoman_bar__minus_00_dot_58_bar__plus_00_dot_00_bar__plus_01_dot_05)
        (objectAtLocation CreditCard_bar__plus_00_dot_04_bar__plus_02_dot_00_bar__minus_02_dot_50 loc_bar_0_bar__minus_1_bar_0_bar_30)
        (pickupable CreditCard_bar__plus_00_dot_04_bar__plus_02_dot_00_bar__minus_02_dot_50)
        (objectType CreditCard_bar__minus_00_dot_78_bar__minus_01_dot_81_bar__plus_02_dot_44 CreditCardType)
        (inReceptacle CreditCard_bar__minus_00_dot_78_bar__minus_01_dot_81_bar__plus_02_dot_44 Shelf_bar__minus_02_dot_08_bar__plus_00_dot_17_bar__plus_01_dot_14)
        (objectAtLocation CreditCard_bar__minus_00_dot_78_bar__minus_01_dot_81_bar__plus_02_dot_44 loc_bar__minus_4_bar_2_bar_3_bar_30)
        (pickupable CreditCard_bar__minus_00_dot_78_bar__minus_01_dot_81_bar__plus_02_dot_44)
        (objectType CreditCard_bar__minus_01_dot_45_bar__minus_02_dot_47_bar__plus_01_dot_47 CreditCardType)
        (inReceptacle CreditCard_bar__minus_01_dot_45_bar__minus_02_dot_47_bar__plus_01_dot_47 Shelf_bar__minus_02_dot_10_bar__plus_00_dot_47_bar__plus_01_dot_14)
        (objectAtLocation CreditCard_bar__minus_01_dot_45_bar__minus_02_dot_47_bar__plus_01_dot_47 loc_bar__minus_5_bar_3_bar_3_bar_31)
        (pickupable CreditCard_bar__minus_01_dot_45_bar__minus_02_dot_47_bar__plus_01_dot_47)
        (objectType FloorLamp_bar__minus_01_dot_83_bar__minus_01_dot_88_bar__minus_00_dot_85 FloorLampType)
        (inReceptacle FloorLamp_bar__minus_01_dot_83_bar__minus_01_dot_88_bar__minus_00_dot_85 Shelf_bar__minus_00_dot_61_bar__plus_00_dot_88_bar__minus_02_dot_83)
        (objectAtLocation FloorLamp_bar__minus_01_dot_83_bar__minus_01_dot_88_bar__minus_00_dot_85 loc_bar__minus_2_bar__minus_8_bar_2_bar_30)
        (toggleable FloorLamp_bar__minus_01_dot_83_bar__minus_01_dot_88_bar__minus_00_dot_85)
        (objectType KeyChain_bar__plus_02_dot_86_bar__plus_01_dot_24_bar__plus_02_dot_04 KeyChainType)
        (inReceptacle KeyChain_bar__plus_02_dot_86_bar__plus_01_dot_24_bar__plus_02_dot_04 Shelf_bar__minus_02_dot_24_bar__plus_00_dot_17_bar__plus_00_dot_77)
        (objectAtLocation KeyChain_bar__plus_02_dot_86_bar__plus_01_dot_24_bar__plus_02_dot_04 loc_bar__minus_4_bar_2_bar_3_bar_31)
        (pickupable KeyChain_bar__plus_02_dot_86_bar__plus_01_dot_24_bar__plus_02_dot_04)
        (objectType Laptop_bar__plus_00_dot_88_bar__minus_02_dot_63_bar__minus_01_dot_49 LaptopType)
        (inReceptacle Laptop_bar__plus_00_dot_88_bar__minus_02_dot_63_bar__minus_01_dot_49 Sofa_bar__plus_00_dot_78_bar__plus_00_dot_00_bar__minus_00_dot_51)
        (objectAtLocation Laptop_bar__plus_00_dot_88_bar__minus_02_dot_63_bar__minus_01_dot_49 loc_bar__minus_2_bar__minus_3_bar_1_bar_30)
        (pickupable Laptop_bar__plus_00_dot_88_bar__minus_02_dot_63_bar__minus_01_dot_49)
        (objectType Laptop_bar__plus_01_dot_05_bar__plus_01_dot_27_bar__minus_00_dot_79 LaptopType)
        (inReceptacle Laptop_bar__plus_01_dot_05_bar__plus_01_dot_27_bar__minus_00_dot_79 SideTable_bar__plus_01_dot_83_bar__plus_00_dot_00_bar__plus_01_dot_09)
        (objectAtLocation Laptop_bar__plus_01_dot_05_bar__plus_01_dot_27_bar__minus_00_dot_79 loc_bar_5_bar_4_bar_1_bar_30)
        (pickupable Laptop_bar__plus_01_dot_05_bar__plus_01_dot_27_bar__minus_00_dot_79)
        (objectType Laptop_bar__plus_01_dot_77_bar__plus_01_dot_30_bar__plus_00_dot_82 LaptopType)
        (inReceptacle Laptop_bar__plus_01_dot_77_bar__plus_01_dot_30_bar__plus_00_dot_82 DiningTable_bar__minus_03_dot_10_bar__plus_00_dot_00_bar__minus_03_dot_61)
        (objectAtLocation Laptop_bar__plus_01_dot_77_bar__plus_01_dot_30_bar__plus_00_dot_82 loc_bar__minus_16_bar__minus_15_bar_1_bar_30)
        (pickupable Laptop_bar__plus_01_dot_77_bar__plus_01_dot_30_bar__plus_00_dot_82)
        (objectType Pillow_bar__plus_01_dot_46_bar__plus_00_dot_48_bar__minus_00_dot_07 PillowType)
        (inReceptacle Pillow_bar__plus_01_dot_46_bar__plus_00_dot_48_bar__minus_00_dot_07 Sofa_bar__plus_00_dot_78_bar__plus_00_dot_00_bar__minus_00_dot_51)
        (objectAtLocation Pillow_bar__plus_01_dot_46_bar__plus_00_dot_48_bar__minus_00_dot_07 loc_bar__minus_2_bar__minus_3_bar_1_bar_30)
        (pickupable Pillow_bar__plus_01_dot_46_bar__plus_00_dot_48_bar__minus_00_dot_07)
        (objectType RemoteControl_bar__plus_00_dot_06_bar__plus_00_dot_23_bar__plus_02_dot_97 RemoteControlType)
        (inReceptacle RemoteControl_bar__plus_00_dot_06_bar__plus_00_dot_23_bar__plus_02_dot_97 Drawer_bar__plus_01_dot_75_bar__plus_00_dot_78_bar__plus_01_dot_09)
        (objectAtLocation RemoteControl_bar__plus_00_dot_06_bar__plus_00_dot_23_bar__plus_02_dot_97 loc_bar_4_bar_4_bar_1_bar_30)
        (pickupable RemoteControl_bar__plus_00_dot_06_bar__plus_00_dot_23_bar__plus_02_dot_97)
        (objectType RemoteControl_bar__minus_01_dot_17_bar__plus_01_dot_58_bar__minus_01_dot_80 RemoteControlType)
        (inReceptacle RemoteControl_bar__minus_01_dot_17_bar__plus_01_dot_58_bar__minus_01_dot_80 Sofa_bar__plus_00_dot_78_bar__plus_00_dot_00_bar__minus_00_dot_51)
        (objectAtLocation RemoteControl_bar__minus_01_dot_17_bar__plus_01_dot_58_bar__minus_01_dot_80 loc_bar__minus_2_bar__minus_3_bar_1_bar_30)
        (pickupable RemoteControl_bar__minus_01_dot_17_bar__plus_01_dot_58_bar__minus_01_dot_80)
        (objectType Statue_bar__minus_00_dot_10_bar__minus_02_dot_68_bar__minus_02_dot_84 StatueType)
        (inReceptacle Statue_bar__minus_00_dot_10_bar__minus_02_dot_68_bar__minus_02_dot_84 SideTable_bar__plus_01_dot_83_bar__plus_00_dot_00_bar__plus_01_dot_09)
        (objectAtLocation Statue_bar__minus_00_dot_10_bar__minus_02_dot_68_bar__minus_02_dot_84 loc_bar_5_bar_4_bar_1_bar_30)
        (pickupable Statue_bar__minus_00_dot_10_bar__minus_02_dot_68_bar__minus_02_dot_84)
        (objectType Statue_bar__minus_02_dot_55_bar__plus_01_dot_72_bar__plus_00_dot_31 StatueType)
        (inReceptacle Statue_bar__minus_02_dot_55_bar__plus_01_dot_72_bar__plus_00_dot_31 Shelf_bar__minus_00_dot_61_bar__plus_00_dot_88_bar__minus_02_dot_83)
        (objectAtLocation Statue_bar__minus_02_dot_55_bar__plus_01_dot_72_bar__plus_00_dot_31 loc_bar__minus_2_bar__minus_8_bar_2_bar_30)
        (pickupable Statue_bar__minus_02_dot_55_bar__plus_01_dot_72_bar__plus_00_dot_31)
        (objectType Vase_bar__plus_00_dot_75_bar__plus_00_dot_19_bar__plus_00_dot_24 VaseType)
        (inReceptacle Vase_bar__plus_00_dot_75_bar__plus_00_dot_19_bar__plus_00_dot_24 Shelf_bar__minus_02_dot_13_bar__plus_00_dot_56_bar__plus_00_dot_40)
        (objectAtLocation Vase_bar__plus_00_dot_75_bar__plus_00_dot_19_bar__plus_00_dot_24 loc_bar__minus_5_bar_3_bar_3_bar_32)
        (pickupable Vase_bar__plus_00_dot_75_bar__plus_00_dot_19_bar__plus_00_dot_24)
        (objectType Vase_bar__plus_02_dot_44_bar__plus_00_dot_50_bar__plus_02_dot_81 VaseType)
        (inReceptacle Vase_bar__plus_02_dot_44_bar__plus_00_dot_50_bar__plus_02_dot_81 DiningTable_bar__minus_03_dot_10_bar__plus_00_dot_00_bar__minus_03_dot_61)
        (objectAtLocation Vase_bar__plus_02_dot_44_bar__plus_00_dot_50_bar__plus_02_dot_81 loc_bar__minus_16_bar__minus_15_bar_1_bar_30)
        (pickupable Vase_bar__plus_02_dot_44_bar__plus_00_dot_50_bar__plus_02_dot_81)
        (objectType Vase_bar__minus_01_dot_63_bar__plus_01_dot_94_bar__minus_02_dot_56 VaseType)
        (inReceptacle Vase_bar__minus_01_dot_63_bar__plus_01_dot_94_bar__minus_02_dot_56 Shelf_bar__minus_02_dot_10_bar__plus_00_dot_47_bar__plus_01_dot_14)
        (objectAtLocation Vase_bar__minus_01_dot_63_bar__plus_01_dot_94_bar__minus_02_dot_56 loc_bar__minus_5_bar_3_bar_3_bar_31)
        (pickupable Vase_bar__minus_01_dot_63_bar__plus_01_dot_94_bar__minus_02_dot_56)
    )

                (:goal
                    (and
                        (exists (?r - receptacle)
                            (exists (?o1 - object)
                                (and
                                    (objectType ?o1 StatueType)
                                    (receptacleType ?r DiningTableType)
                                    (inReceptacle ?o1 ?r)
                                    (exists (?o2 - object)
                                        (and
                                            (not (= ?o1 ?o2))
                                            (objectType ?o2 StatueType)
                                            (receptacleType ?r DiningTableType)
                                            (inReceptacle ?o2 ?r)
                                        )
                                    )
                                )
                            )
                        )
                    )
                )
            )
            