(define (problem s7_h1_t3)
    (:domain alfred)
    (:objects
        agent1 - agent
        loc_bar__minus_16_bar__minus_3_bar_0_bar_30 - location
        loc_bar__minus_1_bar_2_bar_0_bar_30 - location
        loc_bar__minus_2_bar__minus_1_bar_2_bar_30 - location
        loc_bar__minus_5_bar_1_bar_0_bar_30 - location
        loc_bar__minus_7_bar__minus_2_bar_2_bar_30 - location
        loc_bar_0_bar_0_bar_0_bar_30 - location
        loc_bar_0_bar_1_bar_0_bar_30 - location
        loc_bar_0_bar_1_bar_0_bar_31 - location
        loc_bar_1_bar_1_bar_0_bar_30 - location
        loc_bar_4_bar__minus_1_bar_2_bar_30 - location
        loc_bar_4_bar_0_bar_0_bar_30 - location
        loc_bar_4_bar_2_bar_0_bar_30 - location
        loc_bar_6_bar__minus_2_bar_2_bar_30 - location
        ArmChair_bar__minus_01_dot_83_bar__plus_00_dot_00_bar__minus_01_dot_35 - receptacle
        DiningTable_bar__minus_03_dot_94_bar__plus_00_dot_00_bar__plus_00_dot_26 - receptacle
        Drawer_bar__plus_01_dot_12_bar__plus_00_dot_52_bar__plus_01_dot_07 - receptacle
        Drawer_bar__plus_01_dot_58_bar__plus_00_dot_52_bar__minus_01_dot_46 - receptacle
        Drawer_bar__minus_00_dot_16_bar__plus_00_dot_73_bar__plus_01_dot_03 - receptacle
        Drawer_bar__minus_01_dot_02_bar__plus_00_dot_73_bar__plus_01_dot_03 - receptacle
        GarbageCan_bar__plus_00_dot_03_bar__minus_01_dot_97_bar__minus_02_dot_35 - receptacle
        Shelf_bar__minus_00_dot_63_bar__plus_00_dot_12_bar__plus_01_dot_20 - receptacle
        SideTable_bar__plus_01_dot_10_bar__plus_00_dot_00_bar__plus_01_dot_12 - receptacle
        SideTable_bar__plus_01_dot_58_bar_00_dot_00_bar__minus_01_dot_49 - receptacle
        SideTable_bar__minus_00_dot_59_bar__plus_00_dot_01_bar__plus_01_dot_23 - receptacle
        Sofa_bar__plus_00_dot_06_bar__plus_00_dot_00_bar__minus_01_dot_39 - receptacle
        Box_bar__plus_00_dot_27_bar__plus_02_dot_14_bar__minus_00_dot_26 - object
        Box_bar__plus_02_dot_66_bar__minus_02_dot_52_bar__minus_00_dot_83 - object
        CreditCard_bar__plus_01_dot_28_bar__plus_00_dot_07_bar__minus_01_dot_91 - object
        CreditCard_bar__minus_00_dot_63_bar__minus_00_dot_95_bar__minus_01_dot_40 - object
        CreditCard_bar__minus_01_dot_82_bar__minus_00_dot_38_bar__minus_02_dot_35 - object
        DeskLamp_bar__minus_02_dot_90_bar__plus_02_dot_38_bar__minus_00_dot_53 - object
        FloorLamp_bar__plus_02_dot_75_bar__minus_01_dot_76_bar__plus_00_dot_94 - object
        KeyChain_bar__minus_00_dot_84_bar__plus_01_dot_86_bar__minus_00_dot_52 - object
        KeyChain_bar__minus_02_dot_40_bar__plus_02_dot_98_bar__plus_00_dot_65 - object
        Laptop_bar__plus_02_dot_32_bar__plus_00_dot_18_bar__plus_02_dot_97 - object
        Newspaper_bar__plus_02_dot_21_bar__minus_02_dot_23_bar__minus_02_dot_03 - object
        Newspaper_bar__plus_02_dot_51_bar__plus_01_dot_73_bar__plus_00_dot_30 - object
        Newspaper_bar__minus_02_dot_03_bar__minus_01_dot_12_bar__minus_00_dot_32 - object
        Pillow_bar__plus_01_dot_06_bar__minus_00_dot_84_bar__plus_00_dot_18 - object
        Pillow_bar__minus_01_dot_60_bar__plus_01_dot_43_bar__minus_00_dot_60 - object
        Pillow_bar__minus_01_dot_61_bar__plus_02_dot_92_bar__plus_01_dot_04 - object
        RemoteControl_bar__plus_02_dot_81_bar__plus_02_dot_24_bar__minus_00_dot_30 - object
        RemoteControl_bar__minus_01_dot_24_bar__minus_01_dot_51_bar__plus_01_dot_68 - object
        Statue_bar__plus_00_dot_35_bar__plus_00_dot_41_bar__plus_02_dot_27 - object
        Statue_bar__plus_00_dot_76_bar__minus_00_dot_21_bar__minus_01_dot_35 - object
        TissueBox_bar__plus_02_dot_05_bar__plus_01_dot_44_bar__plus_00_dot_95 - object
        TissueBox_bar__minus_01_dot_50_bar__plus_01_dot_12_bar__minus_02_dot_37 - object
        TissueBox_bar__minus_01_dot_70_bar__plus_00_dot_61_bar__plus_01_dot_64 - object
        Vase_bar__minus_00_dot_56_bar__minus_02_dot_86_bar__plus_01_dot_09 - object
        Vase_bar__minus_00_dot_87_bar__plus_00_dot_37_bar__minus_02_dot_06 - object
        Vase_bar__minus_02_dot_67_bar__minus_01_dot_71_bar__plus_01_dot_22 - object
        BoxType - otype
        ButterKnifeType - otype
        CreditCardType - otype
        DeskLampType - otype
        FloorLampType - otype
        KeyChainType - otype
        KnifeType - otype
        LaptopType - otype
        NewspaperType - otype
        PillowType - otype
        RemoteControlType - otype
        StatueType - otype
        TissueBoxType - otype
        VaseType - otype
        ArmChairType - rtype
        DiningTableType - rtype
        DrawerType - rtype
        FridgeType - rtype
        GarbageCanType - rtype
        MicrowaveType - rtype
        ShelfType - rtype
        SideTableType - rtype
        SinkBasinType - rtype
        SofaType - rtype
    )
    (:init
        (atLocation agent1 loc_bar_0_bar_0_bar_0_bar_30)
        (receptacleType ArmChair_bar__minus_01_dot_83_bar__plus_00_dot_00_bar__minus_01_dot_35 ArmChairType)
        (receptacleAtLocation ArmChair_bar__minus_01_dot_83_bar__plus_00_dot_00_bar__minus_01_dot_35 loc_bar__minus_7_bar__minus_2_bar_2_bar_30)
        (receptacleType DiningTable_bar__minus_03_dot_94_bar__plus_00_dot_00_bar__plus_00_dot_26 DiningTableType)
        (receptacleAtLocation DiningTable_bar__minus_03_dot_94_bar__plus_00_dot_00_bar__plus_00_dot_26 loc_bar__minus_16_bar__minus_3_bar_0_bar_30)
        (receptacleType Drawer_bar__plus_01_dot_12_bar__plus_00_dot_52_bar__plus_01_dot_07 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_01_dot_12_bar__plus_00_dot_52_bar__plus_01_dot_07 loc_bar_4_bar_0_bar_0_bar_30)
        (openable Drawer_bar__plus_01_dot_12_bar__plus_00_dot_52_bar__plus_01_dot_07)
        (receptacleType Drawer_bar__plus_01_dot_58_bar__plus_00_dot_52_bar__minus_01_dot_46 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_01_dot_58_bar__plus_00_dot_52_bar__minus_01_dot_46 loc_bar_4_bar__minus_1_bar_2_bar_30)
        (openable Drawer_bar__plus_01_dot_58_bar__plus_00_dot_52_bar__minus_01_dot_46)
        (receptacleType Drawer_bar__minus_00_dot_16_bar__plus_00_dot_73_bar__plus_01_dot_03 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_00_dot_16_bar__plus_00_dot_73_bar__plus_01_dot_03 loc_bar_0_bar_1_bar_0_bar_30)
        (openable Drawer_bar__minus_00_dot_16_bar__plus_00_dot_73_bar__plus_01_dot_03)
        (receptacleType Drawer_bar__minus_01_dot_02_bar__plus_00_dot_73_bar__plus_01_dot_03 DrawerType)
        (receptacleAtLocation Drawer_bar__minus_01_dot_02_bar__plus_00_dot_73_bar__plus_01_dot_03 loc_bar__minus_5_bar_1_bar_0_bar_30)
        (openable Drawer_bar__minus_01_dot_02_bar__plus_00_dot_73_bar__plus_01_dot_03)
        (receptacleType GarbageCan_bar__plus_00_dot_03_bar__minus_01_dot_97_bar__minus_02_dot_35 GarbageCanType)
        (receptacleAtLocation GarbageCan_bar__plus_00_dot_03_bar__minus_01_dot_97_bar__minus_02_dot_35 loc_bar_1_bar_1_bar_0_bar_30)
        (receptacleType Shelf_bar__minus_00_dot_63_bar__plus_00_dot_12_bar__plus_01_dot_20 ShelfType)
        (receptacleAtLocation Shelf_bar__minus_00_dot_63_bar__plus_00_dot_12_bar__plus_01_dot_20 loc_bar_0_bar_1_bar_0_bar_31)
        (receptacleType SideTable_bar__plus_01_dot_10_bar__plus_00_dot_00_bar__plus_01_dot_12 SideTableType)
        (receptacleAtLocation SideTable_bar__plus_01_dot_10_bar__plus_00_dot_00_bar__plus_01_dot_12 loc_bar_4_bar_2_bar_0_bar_30)
        (receptacleType SideTable_bar__plus_01_dot_58_bar_00_dot_00_bar__minus_01_dot_49 SideTableType)
        (receptacleAtLocation SideTable_bar__plus_01_dot_58_bar_00_dot_00_bar__minus_01_dot_49 loc_bar_6_bar__minus_2_bar_2_bar_30)
        (receptacleType SideTable_bar__minus_00_dot_59_bar__plus_00_dot_01_bar__plus_01_dot_23 SideTableType)
        (receptacleAtLocation SideTable_bar__minus_00_dot_59_bar__plus_00_dot_01_bar__plus_01_dot_23 loc_bar__minus_1_bar_2_bar_0_bar_30)
        (receptacleType Sofa_bar__plus_00_dot_06_bar__plus_00_dot_00_bar__minus_01_dot_39 SofaType)
        (receptacleAtLocation Sofa_bar__plus_00_dot_06_bar__plus_00_dot_00_bar__minus_01_dot_39 loc_bar__minus_2_bar__minus_1_bar_2_bar_30)
        (canContain ArmChairType BoxType)
        (canContain ArmChairType CreditCardType)
        (canContain ArmChairType KeyChainType)
        (canContain ArmChairType LaptopType)
        (canContain ArmChairType NewspaperType)
        (canContain ArmChairType PillowType)
        (canContain ArmChairType RemoteControlType)
        (canContain DiningTableType BoxType)
        (canContain DiningTableType ButterKnifeType)
        (canContain DiningTableType CreditCardType)
        (canContain DiningTableType KeyChainType)
        (canContain DiningTableType KnifeType)
        (canContain DiningTableType LaptopType)
        (canContain DiningTableType NewspaperType)
        (canContain DiningTableType RemoteControlType)
        (canContain DiningTableType StatueType)
        (canContain DiningTableType TissueBoxType)
        (canContain DiningTableType VaseType)
        (canContain DrawerType ButterKnifeType)
        (canContain DrawerType CreditCardType)
        (canContain DrawerType KeyChainType)
        (canContain DrawerType KnifeType)
        (canContain DrawerType NewspaperType)
        (canContain DrawerType RemoteControlType)
        (canContain DrawerType TissueBoxType)
        (canContain GarbageCanType NewspaperType)
        (canContain GarbageCanType TissueBoxType)
        (canContain ShelfType BoxType)
        (canContain ShelfType CreditCardType)
        (canContain ShelfType KeyChainType)
        (canContain ShelfType NewspaperType)
        (canContain ShelfType RemoteControlType)
        (canContain ShelfType StatueType)
        (canContain ShelfType TissueBoxType)
        (canContain ShelfType VaseType)
        (canContain SideTableType BoxType)
        (canContain SideTableType ButterKnifeType)
        (canContain SideTableType CreditCardType)
        (canContain SideTableType KeyChainType)
        (canContain SideTableType KnifeType)
        (canContain SideTableType LaptopType)
        (canContain SideTableType NewspaperType)
        (canContain SideTableType RemoteControlType)
        (canContain SideTableType StatueType)
        (canContain SideTableType TissueBoxType)
        (canContain SideTableType VaseType)
        (canContain SofaType BoxType)
        (canContain SofaType CreditCardType)
        (canContain SofaType KeyChainType)
        (canContain SofaType LaptopType)
        (canContain SofaType NewspaperType)
        (canContain SofaType PillowType)
        (canContain SofaType RemoteControlType)
        (objectType Box_bar__plus_00_dot_27_bar__plus_02_dot_14_bar__minus_00_dot_26 BoxType)
        (inReceptacle Box_bar__plus_00_dot_27_bar__plus_02_dot_14_bar__minus_00_dot_26 Sofa_bar__plus_00_dot_06_bar__plus_00_dot_00_bar__minus_01_dot_39)
        (objectAtLocation Box_bar__plus_00_dot_27_bar__plus_02_dot_14_bar__minus_00_dot_26 loc_bar__minus_2_bar__minus_1_bar_2_bar_30)
        (pickupable Box_bar__plus_00_dot_27_bar__plus_02_dot_14_bar__minus_00_dot_26)
        (isReceptacleObject Box_bar__plus_00_dot_27_bar__plus_02_dot_14_bar__minus_00_dot_26)
        (objectType Box_bar__plus_02_dot_66_bar__minus_02_dot_52_bar__minus_00_dot_83 BoxType)
        (inReceptacle Box_bar__plus_02_dot_66_bar__minus_02_dot_52_bar__minus_00_dot_83 SideTable_bar__plus_01_dot_10_bar__plus_00_dot_00_bar__plus_01_dot_12)
        (objectAtLocation Box_bar__plus_02_dot_66_bar__minus_02_dot_52_bar__minus_00_dot_83 loc_bar_4_bar_2_bar_0_bar_30)
        (pickupable Box_bar__plus_02_dot_66_bar__minus_02_dot_52_bar__minus_00_dot_83)
        (isReceptacleObject Box_bar__plus_02_dot_66_bar__minus_02_dot_52_bar__minus_00_dot_83)
        (objectType CreditCard_bar__plus_01_dot_28_bar__plus_00_dot_07_bar__minus_01_dot_91 CreditCardType)
        (inReceptacle CreditCard_bar__plus_01_dot_28_bar__plus_00_dot_07_bar__minus_01_dot_91 SideTable_bar__plus_01_dot_10_bar__plus_00_dot_00_bar__plus_01_dot_12)
        (objectAtLocation CreditCard_bar__plus_01_dot_28_bar__plus_00_dot_07_bar__minus_01_dot_91 loc_bar_4_bar_2_bar_0_bar_30)
        (pickupable CreditCard_bar__plus_01_dot_28_bar__plus_00_dot_07_bar__minus_01_dot_91)
        (objectType CreditCard_bar__minus_00_dot_63_bar__minus_00_dot_95_bar__minus_01_dot_40 CreditCardType)
        (inReceptacle CreditCard_bar__minus_00_dot_63_bar__minus_00_dot_95_bar__minus_01_dot_40 Sofa_bar__plus_00_dot_06_bar__plus_00_dot_00_bar__minus_01_dot_39)
        (objectAtLocation CreditCard_bar__minus_00_dot_63_bar__minus_00_dot_95_bar__minus_01_dot_40 loc_bar__minus_2_bar__minus_1_bar_2_bar_30)
        (pickupable CreditCard_bar__minus_00_dot_63_bar__minus_00_dot_95_bar__minus_01_dot_40)
        (objectType CreditCard_bar__minus_01_dot_82_bar__minus_00_dot_38_bar__minus_02_dot_35 CreditCardType)
        (inReceptacle CreditCard_bar__minus_01_dot_82_bar__minus_00_dot_38_bar__minus_02_dot_35 Drawer_bar__plus_01_dot_58_bar__plus_00_dot_52_bar__minus_01_dot_46)
        (objectAtLocation CreditCard_bar__minus_01_dot_82_bar__minus_00_dot_38_bar__minus_02_dot_35 loc_bar_4_bar__minus_1_bar_2_bar_30)
        (pickupable CreditCard_bar__minus_01_dot_82_bar__minus_00_dot_38_bar__minus_02_dot_35)
        (objectType DeskLamp_bar__minus_02_dot_90_bar__plus_02_dot_38_bar__minus_00_dot_53 DeskLampType)
        (inReceptacle DeskLamp_bar__minus_02_dot_90_bar__plus_02_dot_38_bar__minus_00_dot_53 SideTable_bar__plus_01_dot_10_bar__plus_00_dot_00_bar__plus_01_dot_12)
        (objectAtLocation DeskLamp_bar__minus_02_dot_90_bar__plus_02_dot_38_bar__minus_00_dot_53 loc_bar_4_bar_2_bar_0_bar_30)
        (toggleable DeskLamp_bar__minus_02_dot_90_bar__plus_02_dot_38_bar__minus_00_dot_53)
        (objectType FloorLamp_bar__plus_02_dot_75_bar__minus_01_dot_76_bar__plus_00_dot_94 FloorLampType)
        (inReceptacle FloorLamp_bar__plus_02_dot_75_bar__minus_01_dot_76_bar__plus_00_dot_94 DiningTable_bar__minus_03_dot_94_bar__plus_00_dot_00_bar__plus_00_dot_26)
        (objectAtLocation FloorLamp_bar__plus_02_dot_75_bar__minus_01_dot_76_bar__plus_00_dot_94 loc_bar__minus_16_bar__minus_3_bar_0_bar_30)
        (toggleable FloorLamp_bar__plus_02_dot_75_bar__minus_01_dot_76_bar__plus_00_dot_94)
        (objectType KeyChain_bar__minus_00_dot_84_bar__plus_01_dot_86_bar__minus_00_dot_52 KeyChainType)
        (inReceptacle KeyChain_bar__minus_00_dot_84_bar__plus_01_dot_86_bar__minus_00_dot_52 Drawer_bar__plus_01_dot_12_bar__plus_00_dot_52_bar__plus_01_dot_07)
        (objectAtLocation KeyChain_bar__minus_00_dot_84_bar__plus_01_dot_86_bar__minus_00_dot_52 loc_bar_4_bar_0_bar_0_bar_30)
        (pickupable KeyChain_bar__minus_00_dot_84_bar__plus_01_dot_86_bar__minus_00_dot_52)
        (objectType KeyChain_bar__minus_02_dot_40_bar__plus_02_dot_98_bar__plus_00_dot_65 KeyChainType)
        (inReceptacle KeyChain_bar__minus_02_dot_40_bar__plus_02_dot_98_bar__plus_00_dot_65 SideTable_bar__plus_01_dot_10_bar__plus_00_dot_00_bar__plus_01_dot_12)
        (objectAtLocation KeyChain_bar__minus_02_dot_40_bar__plus_02_dot_98_bar__plus_00_dot_65 loc_bar_4_bar_2_bar_0_bar_30)
        (pickupable KeyChain_bar__minus_02_dot_40_bar__plus_02_dot_98_bar__plus_00_dot_65)
        (objectType Laptop_bar__plus_02_dot_32_bar__plus_00_dot_18_bar__plus_02_dot_97 LaptopType)
        (inReceptacle Laptop_bar__plus_02_dot_32_bar__plus_00_dot_18_bar__plus_02_dot_97 DiningTable_bar__minus_03_dot_94_bar__plus_00_dot_00_bar__plus_00_dot_26)
        (objectAtLocation Laptop_bar__plus_02_dot_32_bar__plus_00_dot_18_bar__plus_02_dot_97 loc_bar__minus_16_bar__minus_3_bar_0_bar_30)
        (pickupable Laptop_bar__plus_02_dot_32_bar__plus_00_dot_18_bar__plus_02_dot_97)
        (objectType Newspaper_bar__plus_02_dot_21_bar__minus_02_dot_23_bar__minus_02_dot_03 NewspaperType)
        (inReceptacle Newspaper_bar__plus_02_dot_21_bar__minus_02_dot_23_bar__minus_02_dot_03 Drawer_bar__minus_01_dot_02_bar__plus_00_dot_73_bar__plus_01_dot_03)
        (objectAtLocation Newspaper_bar__plus_02_dot_21_bar__minus_02_dot_23_bar__minus_02_dot_03 loc_bar__minus_5_bar_1_bar_0_bar_30)
        (pickupable Newspaper_bar__plus_02_dot_21_bar__minus_02_dot_23_bar__minus_02_dot_03)
        (objectType Newspaper_bar__plus_02_dot_51_bar__plus_01_dot_73_bar__plus_00_dot_30 NewspaperType)
        (inReceptacle Newspaper_bar__plus_02_dot_51_bar__plus_01_dot_73_bar__plus_00_dot_30 DiningTable_bar__minus_03_dot_94_bar__plus_00_dot_00_bar__plus_00_dot_26)
        (objectAtLocation Newspaper_bar__plus_02_dot_51_bar__plus_01_dot_73_bar__plus_00_dot_30 loc_bar__minus_16_bar__minus_3_bar_0_bar_30)
        (pickupable Newspaper_bar__plus_02_dot_51_bar__plus_01_dot_73_bar__plus_00_dot_30)
        (objectType Newspaper_bar__minus_02_dot_03_bar__minus_01_dot_12_bar__minus_00_dot_32 NewspaperType)
        (inReceptacle Newspaper_bar__minus_02_dot_03_bar__minus_01_dot_12_bar__minus_00_dot_32 GarbageCan_bar__plus_00_dot_03_bar__minus_01_dot_97_bar__minus_02_dot_35)
        (objectAtLocation Newspaper_bar__minus_02_dot_03_bar__minus_01_dot_12_bar__minus_00_dot_32 loc_bar_1_bar_1_bar_0_bar_30)
        (pickupable Newspaper_bar__minus_02_dot_03_bar__minus_01_dot_12_bar__minus_00_dot_32)
        (objectType Pillow_bar__plus_01_dot_06_bar__minus_00_dot_84_bar__plus_00_dot_18 PillowType)
        (inReceptacle Pillow_bar__plus_01_dot_06_bar__minus_00_dot_84_bar__plus_00_dot_18 ArmChair_bar__minus_01_dot_83_bar__plus_00_dot_00_bar__minus_01_dot_35)
        (objectAtLocation Pillow_bar__plus_01_dot_06_bar__minus_00_dot_84_bar__plus_00_dot_18 loc_bar__minus_7_bar__minus_2_bar_2_bar_30)
        (pickupable Pillow_bar__plus_01_dot_06_bar__minus_00_dot_84_bar__plus_00_dot_18)
        (objectType Pillow_bar__minus_01_dot_60_bar__plus_01_dot_43_bar__minus_00_dot_60 PillowType)
        (inReceptacle Pillow_bar__minus_01_dot_60_bar__plus_01_dot_43_bar__minus_00_dot_60 Sofa_bar__plus_00_dot_06_bar__plus_00_dot_00_bar__minus_01_dot_39)
        (objectAtLocation Pillow_bar__minus_01_dot_60_bar__plus_01_dot_43_bar__minus_00_dot_60 loc_bar__minus_2_bar__minus_1_bar_2_bar_30)
        (pickupable Pillow_bar__minus_01_dot_60_bar__plus_01_dot_43_bar__minus_00_dot_60)
        (objectType Pillow_bar__minus_01_dot_61_bar__plus_02_dot_92_bar__plus_01_dot_04 PillowType)
        (inReceptacle Pillow_bar__minus_01_dot_61_bar__plus_02_dot_92_bar__plus_01_dot_04 Sofa_bar__plus_00_dot_06_bar__plus_00_dot_00_bar__minus_01_dot_39)
        (objectAtLocation Pillow_bar__minus_01_dot_61_bar__plus_02_dot_92_bar__plus_01_dot_04 loc_bar__minus_2_bar__minus_1_bar_2_bar_30)
        (pickupable Pillow_bar__minus_01_dot_61_bar__plus_02_dot_92_bar__plus_01_dot_04)
        (objectType RemoteControl_bar__plus_02_dot_81_bar__plus_02_dot_24_bar__minus_00_dot_30 RemoteControlType)
        (inReceptacle RemoteControl_bar__plus_02_dot_81_bar__plus_02_dot_24_bar__minus_00_dot_30 ArmChair_bar__minus_01_dot_83_bar__plus_00_dot_00_bar__minus_01_dot_35)
        (objectAtLocation RemoteControl_bar__plus_02_dot_81_bar__plus_02_dot_24_bar__minus_00_dot_30 loc_bar__minus_7_bar__minus_2_bar_2_bar_30)
        (pickupable RemoteControl_bar__plus_02_dot_81_bar__plus_02_dot_24_bar__minus_00_dot_30)
        (objectType RemoteControl_bar__minus_01_dot_24_bar__minus_01_dot_51_bar__plus_01_dot_68 RemoteControlType)
        (inReceptacle RemoteControl_bar__minus_01_dot_24_bar__minus_01_dot_51_bar__plus_01_dot_68 Drawer_bar__minus_00_dot_16_bar__plus_00_dot_73_bar__plus_01_dot_03)
        (objectAtLocation RemoteControl_bar__minus_01_dot_24_bar__minus_01_dot_51_bar__plus_01_dot_68 loc_bar_0_bar_1_bar_0_bar_30)
        (pickupable RemoteControl_bar__minus_01_dot_24_bar__minus_01_dot_51_bar__plus_01_dot_68)
        (objectType Statue_bar__plus_00_dot_35_bar__plus_00_dot_41_bar__plus_02_dot_27 StatueType)
        (inReceptacle Statue_bar__plus_00_dot_35_bar__plus_00_dot_41_bar__plus_02_dot_27 SideTable_bar__plus_01_dot_10_bar__plus_00_dot_00_bar__plus_01_dot_12)
        (objectAtLocation Statue_bar__plus_00_dot_35_bar__plus_00_dot_41_bar__plus_02_dot_27 loc_bar_4_bar_2_bar_0_bar_30)
        (pickupable Statue_bar__plus_00_dot_35_bar__plus_00_dot_41_bar__plus_02_dot_27)
        (objectType Statue_bar__plus_00_dot_76_bar__minus_00_dot_21_bar__minus_01_dot_35 StatueType)
        (inReceptacle Statue_bar__plus_00_dot_76_bar__minus_00_dot_21_bar__minus_01_dot_35 SideTable_bar__plus_01_dot_58_bar_00_dot_00_bar__minus_01_dot_49)
        (objectAtLocation Statue_bar__plus_00_dot_76_bar__minus_00_dot_21_bar__minus_01_dot_35 loc_bar_6_bar__minus_2_bar_2_bar_30)
        (pickupable Statue_bar__plus_00_dot_76_bar__minus_00_dot_21_bar__minus_01_dot_35)
        (objectType TissueBox_bar__plus_02_dot_05_bar__plus_01_dot_44_bar__plus_00_dot_95 TissueBoxType)
        (inReceptacle TissueBox_bar__plus_02_dot_05_bar__plus_01_dot_44_bar__plus_00_dot_95 Drawer_bar__minus_00_dot_16_bar__plus_00_dot_73_bar__plus_01_dot_03)
        (objectAtLocation TissueBox_bar__plus_02_dot_05_bar__plus_01_dot_44_bar__plus_00_dot_95 loc_bar_0_bar_1_bar_0_bar_30)
        (pickupable TissueBox_bar__plus_02_dot_05_bar__plus_01_dot_44_bar__plus_00_dot_95)
        (objectType TissueBox_bar__minus_01_dot_50_bar__plus_01_dot_12_bar__minus_02_dot_37 TissueBoxType)
        (inReceptacle TissueBox_bar__minus_01_dot_50_bar__plus_01_dot_12_bar__minus_02_dot_37 DiningTable_bar__minus_03_dot_94_bar__plus_00_dot_00_bar__plus_00_dot_26)
        (objectAtLocation TissueBox_bar__minus_01_dot_50_bar__plus_01_dot_12_bar__minus_02_dot_37 loc_bar__minus_16_bar__minus_3_bar_0_bar_30)
        (pickupable TissueBox_bar__minus_01_dot_50_bar__plus_01_dot_12_bar__minus_02_dot_37)
        (objectType TissueBox_bar__minus_01_dot_70_bar__plus_00_dot_61_bar__plus_01_dot_64 TissueBoxType)
        (inReceptacle TissueBox_bar__minus_01_dot_70_bar__plus_00_dot_61_bar__plus_01_dot_64 SideTable_bar__minus_00_dot_59_bar__plus_00_dot_01_bar__plus_01_dot_23)
        (objectAtLocation TissueBox_bar__minus_01_dot_70_bar__plus_00_dot_61_bar__plus_01_dot_64 loc_bar__minus_1_bar_2_bar_0_bar_30)
        (pickupable TissueBox_bar__minus_01_dot_70_bar__plus_00_dot_61_bar__plus_01_dot_64)
        (objectType Vase_bar__minus_00_dot_56_bar__minus_02_dot_86_bar__plus_01_dot_09 VaseType)
        (inReceptacle Vase_bar__minus_00_dot_56_bar__minus_02_dot_86_bar__plus_01_dot_09 SideTable_bar__plus_01_dot_58_bar_00_dot_00_bar__minus_01_dot_49)
        (objectAtLocation Vase_bar__minus_00_dot_56_bar__minus_02_dot_86_bar__plus_01_dot_09 loc_bar_6_bar__minus_2_bar_2_bar_30)
        (pickupable Vase_bar__minus_00_dot_56_bar__minus_02_dot_86_bar__plus_01_dot_09)
        (objectType Vase_bar__minus_00_dot_87_bar__plus_00_dot_37_bar__minus_02_dot_06 VaseType)
        (inReceptacle Vase_bar__minus_00_dot_87_bar__plus_00_dot_37_bar__minus_02_dot_06 DiningTable_bar__minus_03_dot_94_bar__plus_00_dot_00_bar__plus_00_dot_26)
        (objectAtLocation Vase_bar__minus_00_dot_87_bar__plus_00_dot_37_bar__minus_02_dot_06 loc_bar__minus_16_bar__minus_3_bar_0_bar_30)
        (pickupable Vase_bar__minus_00_dot_87_bar__plus_00_dot_37_bar__minus_02_dot_06)
        (objectType Vase_bar__minus_02_dot_67_bar__minus_01_dot_71_bar__plus_01_dot_22 VaseType)
        (inReceptacle Vase_bar__minus_02_dot_67_bar__minus_01_dot_71_bar__plus_01_dot_22 SideTable_bar__plus_01_dot_58_bar_00_dot_00_bar__minus_01_dot_49)
        (objectAtLocation Vase_bar__minus_02_dot_67_bar__minus_01_dot_71_bar__plus_01_dot_22 loc_bar_6_bar__minus_2_bar_2_bar_30)
        (pickupable Vase_bar__minus_02_dot_67_bar__minus_01_dot_71_bar__plus_01_dot_22)
    )

        (:goal
            (and
                (exists (?r - receptacle)
                    (exists (?o - object)
                        (and
                            (inReceptacle ?o ?r)
                            (objectType ?o CreditCardType)
                            (receptacleType ?r ShelfType)
                        )
                    )
                )
            )
        )
    )
    