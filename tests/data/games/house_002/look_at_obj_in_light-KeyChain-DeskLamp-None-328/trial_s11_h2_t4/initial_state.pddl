(define (problem s11_h2_t4)
    (:domain alfred)
    (:objects
        agent1 - agent
        loc_bar_0_bar_0_bar_0_bar_30 - location
        loc_bar_10_bar__minus_2_bar_2_bar_30 - location
        loc_bar_11_bar__minus_2_bar_2_bar_30 - location
        loc_bar_6_bar__minus_4_bar_3_bar_30 - location
        loc_bar_7_bar__minus_2_bar_2_bar_30 - location
        loc_bar_7_bar__minus_3_bar_2_bar_30 - location
        loc_bar_9_bar__minus_3_bar_1_bar_30 - location
        loc_bar_9_bar__minus_3_bar_3_bar_30 - location
        Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95 - receptacle
        Desk_bar__plus_02_dot_49_bar__plus_00_dot_00_bar__minus_01_dot_59 - receptacle
        Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60 - receptacle
        Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60 - receptacle
        GarbageCan_bar__plus_03_dot_17_bar__plus_00_dot_00_bar__minus_00_dot_27 - receptacle
        Shelf_bar__plus_03_dot_04_bar__plus_00_dot_54_bar__minus_01_dot_44 - receptacle
        SideTable_bar__plus_01_dot_24_bar__plus_00_dot_00_bar__minus_01_dot_67 - receptacle
        AlarmClock_bar__plus_01_dot_31_bar__minus_02_dot_31_bar__minus_02_dot_87 - object
        AlarmClock_bar__minus_00_dot_73_bar__plus_02_dot_23_bar__plus_00_dot_44 - object
        AlarmClock_bar__minus_02_dot_75_bar__minus_00_dot_47_bar__minus_01_dot_87 - object
        Book_bar__minus_00_dot_18_bar__plus_02_dot_97_bar__minus_00_dot_46 - object
        Book_bar__minus_00_dot_46_bar__minus_01_dot_14_bar__plus_02_dot_65 - object
        CD_bar__minus_00_dot_87_bar__minus_01_dot_92_bar__plus_02_dot_13 - object
        CD_bar__minus_01_dot_75_bar__plus_01_dot_69_bar__plus_01_dot_53 - object
        CellPhone_bar__plus_02_dot_98_bar__plus_02_dot_40_bar__minus_00_dot_69 - object
        CreditCard_bar__plus_01_dot_09_bar__minus_00_dot_76_bar__plus_01_dot_14 - object
        CreditCard_bar__plus_02_dot_55_bar__minus_01_dot_28_bar__minus_02_dot_36 - object
        DeskLamp_bar__minus_01_dot_21_bar__minus_01_dot_88_bar__plus_01_dot_96 - object
        KeyChain_bar__plus_00_dot_29_bar__minus_01_dot_00_bar__minus_02_dot_29 - object
        KeyChain_bar__plus_00_dot_73_bar__minus_00_dot_96_bar__minus_02_dot_82 - object
        KeyChain_bar__minus_02_dot_24_bar__minus_02_dot_86_bar__minus_02_dot_78 - object
        Laptop_bar__minus_02_dot_33_bar__minus_00_dot_59_bar__minus_02_dot_22 - object
        Laptop_bar__minus_02_dot_94_bar__plus_02_dot_67_bar__plus_02_dot_29 - object
        Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88 - object
        Pencil_bar__plus_02_dot_48_bar__minus_02_dot_68_bar__plus_02_dot_66 - object
        Pen_bar__plus_01_dot_19_bar__minus_01_dot_18_bar__minus_01_dot_12 - object
        Pen_bar__minus_02_dot_96_bar__minus_00_dot_64_bar__minus_00_dot_58 - object
        Pillow_bar__plus_02_dot_94_bar__plus_01_dot_97_bar__minus_01_dot_37 - object
        TennisRacket_bar__plus_01_dot_80_bar__minus_01_dot_68_bar__minus_00_dot_42 - object
        TennisRacket_bar__plus_02_dot_62_bar__minus_01_dot_09_bar__minus_01_dot_41 - object
        TennisRacket_bar__minus_01_dot_43_bar__plus_02_dot_37_bar__minus_02_dot_96 - object
        TissueBox_bar__plus_00_dot_17_bar__plus_00_dot_48_bar__plus_01_dot_63 - object
        TissueBox_bar__plus_01_dot_25_bar__plus_00_dot_18_bar__minus_00_dot_61 - object
        AlarmClockType - otype
        BookType - otype
        ButterKnifeType - otype
        CDType - otype
        CellPhoneType - otype
        CreditCardType - otype
        DeskLampType - otype
        KeyChainType - otype
        KnifeType - otype
        LaptopType - otype
        MugType - otype
        PenType - otype
        PencilType - otype
        PillowType - otype
        TennisRacketType - otype
        TissueBoxType - otype
        BedType - rtype
        DeskType - rtype
        DrawerType - rtype
        FridgeType - rtype
        GarbageCanType - rtype
        MicrowaveType - rtype
        ShelfType - rtype
        SideTableType - rtype
        SinkBasinType - rtype
    )
    (:init
        (atLocation agent1 loc_bar_0_bar_0_bar_0_bar_30)
        (receptacleType Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95 BedType)
        (receptacleAtLocation Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95 loc_bar_6_bar__minus_4_bar_3_bar_30)
        (receptacleType Desk_bar__plus_02_dot_49_bar__plus_00_dot_00_bar__minus_01_dot_59 DeskType)
        (receptacleAtLocation Desk_bar__plus_02_dot_49_bar__plus_00_dot_00_bar__minus_01_dot_59 loc_bar_10_bar__minus_2_bar_2_bar_30)
        (receptacleType Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60 loc_bar_7_bar__minus_2_bar_2_bar_30)
        (openable Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60)
        (receptacleType Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60 DrawerType)
        (receptacleAtLocation Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60 loc_bar_9_bar__minus_3_bar_3_bar_30)
        (openable Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60)
        (receptacleType GarbageCan_bar__plus_03_dot_17_bar__plus_00_dot_00_bar__minus_00_dot_27 GarbageCanType)
        (receptacleAtLocation GarbageCan_bar__plus_03_dot_17_bar__plus_00_dot_00_bar__minus_00_dot_27 loc_bar_9_bar__minus_3_bar_1_bar_30)
        (receptacleType Shelf_bar__plus_03_dot_04_bar__plus_00_dot_54_bar__minus_01_dot_44 ShelfType)
        (receptacleAtLocation Shelf_bar__plus_03_dot_04_bar__plus_00_dot_54_bar__minus_01_dot_44 loc_bar_11_bar__minus_2_bar_2_bar_30)
        (receptacleType SideTable_bar__plus_01_dot_24_bar__plus_00_dot_00_bar__minus_01_dot_67 SideTableType)
        (receptacleAtLocation SideTable_bar__plus_01_dot_24_bar__plus_00_dot_00_bar__minus_01_dot_67 loc_bar_7_bar__minus_3_bar_2_bar_30)
        (canContain BedType BookType)
        (canContain BedType CellPhoneType)
        (canContain BedType LaptopType)
        (canContain BedType PillowType)
        (canContain BedType TennisRacketType)
        (canContain DeskType AlarmClockType)
        (canContain DeskType BookType)
        (canContain DeskType CDType)
        (canContain DeskType CellPhoneType)
        (canContain DeskType CreditCardType)
        (canContain DeskType KeyChainType)
        (canContain DeskType LaptopType)
        (canContain DeskType MugType)
        (canContain DeskType PenType)
        (canContain DeskType PencilType)
        (canContain DeskType TennisRacketType)
        (canContain DeskType TissueBoxType)
        (canContain DrawerType BookType)
        (canContain DrawerType ButterKnifeType)
        (canContain DrawerType CDType)
        (canContain DrawerType CellPhoneType)
        (canContain DrawerType CreditCardType)
        (canContain DrawerType KeyChainType)
        (canContain DrawerType KnifeType)
        (canContain DrawerType PenType)
        (canContain DrawerType PencilType)
        (canContain DrawerType TissueBoxType)
        (canContain GarbageCanType CDType)
        (canContain GarbageCanType PenType)
        (canContain GarbageCanType PencilType)
        (canContain GarbageCanType TissueBoxType)
        (canContain ShelfType AlarmClockType)
        (canContain ShelfType BookType)
        (canContain ShelfType CDType)
        (canContain ShelfType CellPhoneType)
        (canContain ShelfType CreditCardType)
        (canContain ShelfType KeyChainType)
        (canContain ShelfType MugType)
        (canContain ShelfType PenType)
        (canContain ShelfType PencilType)
        (canContain ShelfType TissueBoxType)
        (canContain SideTableType AlarmClockType)
        (canContain SideTableType BookType)
        (canContain SideTableType ButterKnifeType)
        (canContain SideTableType CDType)
        (canContain SideTableType CellPhoneType)
        (canContain SideTableType CreditCardType)
        (canContain SideTableType KeyChainType)
        (canContain SideTableType KnifeType)
        (canContain SideTableType LaptopType)
        (canContain SideTableType MugType)
        (canContain SideTableType PenType)
        (canContain SideTableType PencilType)
        (canContain SideTableType TennisRacketType)
        (canContain SideTableType TissueBoxType)
        (objectType AlarmClock_bar__plus_01_dot_31_bar__minus_02_dot_31_bar__minus_02_dot_87 AlarmClockType)
        (inReceptacle AlarmClock_bar__plus_01_dot_31_bar__minus_02_dot_31_bar__minus_02_dot_87 SideTable_bar__plus_01_dot_24_bar__plus_00_dot_00_bar__minus_01_dot_67)
        (objectAtLocation AlarmClock_bar__plus_01_dot_31_bar__minus_02_dot_31_bar__minus_02_dot_87 loc_bar_7_bar__minus_3_bar_2_bar_30)
        (pickupable AlarmClock_bar__plus_01_dot_31_bar__minus_02_dot_31_bar__minus_02_dot_87)
        (objectType AlarmClock_bar__minus_00_dot_73_bar__plus_02_dot_23_bar__plus_00_dot_44 AlarmClockType)
        (inReceptacle AlarmClock_bar__minus_00_dot_73_bar__plus_02_dot_23_bar__plus_00_dot_44 Desk_bar__plus_02_dot_49_bar__plus_00_dot_00_bar__minus_01_dot_59)
        (objectAtLocation AlarmClock_bar__minus_00_dot_73_bar__plus_02_dot_23_bar__plus_00_dot_44 loc_bar_10_bar__minus_2_bar_2_bar_30)
        (pickupable AlarmClock_bar__minus_00_dot_73_bar__plus_02_dot_23_bar__plus_00_dot_44)
        (objectType AlarmClock_bar__minus_02_dot_75_bar__minus_00_dot_47_bar__minus_01_dot_87 AlarmClockType)
        (inReceptacle AlarmClock_bar__minus_02_dot_75_bar__minus_00_dot_47_bar__minus_01_dot_87 Shelf_bar__plus_03_dot_04_bar__plus_00_dot_54_bar__minus_01_dot_44)
        (objectAtLocation AlarmClock_bar__minus_02_dot_75_bar__minus_00_dot_47_bar__minus_01_dot_87 loc_bar_11_bar__minus_2_bar_2_bar_30)
        (pickupable AlarmClock_bar__minus_02_dot_75_bar__minus_00_dot_47_bar__minus_01_dot_87)
        (objectType Book_bar__minus_00_dot_18_bar__plus_02_dot_97_bar__minus_00_dot_46 BookType)
        (inReceptacle Book_bar__minus_00_dot_18_bar__plus_02_dot_97_bar__minus_00_dot_46 Shelf_bar__plus_03_dot_04_bar__plus_00_dot_54_bar__minus_01_dot_44)
        (objectAtLocation Book_bar__minus_00_dot_18_bar__plus_02_dot_97_bar__minus_00_dot_46 loc_bar_11_bar__minus_2_bar_2_bar_30)
        (pickupable Book_bar__minus_00_dot_18_bar__plus_02_dot_97_bar__minus_00_dot_46)
        (objectType Book_bar__minus_00_dot_46_bar__minus_01_dot_14_bar__plus_02_dot_65 BookType)
        (inReceptacle Book_bar__minus_00_dot_46_bar__minus_01_dot_14_bar__plus_02_dot_65 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60)
        (objectAtLocation Book_bar__minus_00_dot_46_bar__minus_01_dot_14_bar__plus_02_dot_65 loc_bar_9_bar__minus_3_bar_3_bar_30)
        (pickupable Book_bar__minus_00_dot_46_bar__minus_01_dot_14_bar__plus_02_dot_65)
        (objectType CD_bar__minus_00_dot_87_bar__minus_01_dot_92_bar__plus_02_dot_13 CDType)
        (inReceptacle CD_bar__minus_00_dot_87_bar__minus_01_dot_92_bar__plus_02_dot_13 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60)
        (objectAtLocation CD_bar__minus_00_dot_87_bar__minus_01_dot_92_bar__plus_02_dot_13 loc_bar_7_bar__minus_2_bar_2_bar_30)
        (pickupable CD_bar__minus_00_dot_87_bar__minus_01_dot_92_bar__plus_02_dot_13)
        (objectType CD_bar__minus_01_dot_75_bar__plus_01_dot_69_bar__plus_01_dot_53 CDType)
        (inReceptacle CD_bar__minus_01_dot_75_bar__plus_01_dot_69_bar__plus_01_dot_53 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60)
        (objectAtLocation CD_bar__minus_01_dot_75_bar__plus_01_dot_69_bar__plus_01_dot_53 loc_bar_7_bar__minus_2_bar_2_bar_30)
        (pickupable CD_bar__minus_01_dot_75_bar__plus_01_dot_69_bar__plus_01_dot_53)
        (objectType CellPhone_bar__plus_02_dot_98_bar__plus_02_dot_40_bar__minus_00_dot_69 CellPhoneType)
        (inReceptacle CellPhone_bar__plus_02_dot_98_bar__plus_02_dot_40_bar__minus_00_dot_69 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60)
        (objectAtLocation CellPhone_bar__plus_02_dot_98_bar__plus_02_dot_40_bar__minus_00_dot_69 loc_bar_7_bar__minus_2_bar_2_bar_30)
        (pickupable CellPhone_bar__plus_02_dot_98_bar__plus_02_dot_40_bar__minus_00_dot_69)
        (objectType CreditCard_bar__plus_01_dot_09_bar__minus_00_dot_76_bar__plus_01_dot_14 CreditCardType)
        (inReceptacle CreditCard_bar__plus_01_dot_09_bar__minus_00_dot_76_bar__plus_01_dot_14 SideTable_bar__plus_01_dot_24_bar__plus_00_dot_00_bar__minus_01_dot_67)
        (objectAtLocation CreditCard_bar__plus_01_dot_09_bar__minus_00_dot_76_bar__plus_01_dot_14 loc_bar_7_bar__minus_3_bar_2_bar_30)
        (pickupable CreditCard_bar__plus_01_dot_09_bar__minus_00_dot_76_bar__plus_01_dot_14)
        (objectType CreditCard_bar__plus_02_dot_55_bar__minus_01_dot_28_bar__minus_02_dot_36 CreditCardType)
        (inReceptacle CreditCard_bar__plus_02_dot_55_bar__minus_01_dot_28_bar__minus_02_dot_36 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60)
        (objectAtLocation CreditCard_bar__plus_02_dot_55_bar__minus_01_dot_28_bar__minus_02_dot_36 loc_bar_9_bar__minus_3_bar_3_bar_30)
        (pickupable CreditCard_bar__plus_02_dot_55_bar__minus_01_dot_28_bar__minus_02_dot_36)
        (objectType DeskLamp_bar__minus_01_dot_21_bar__minus_01_dot_88_bar__plus_01_dot_96 DeskLampType)
        (inReceptacle DeskLamp_bar__minus_01_dot_21_bar__minus_01_dot_88_bar__plus_01_dot_96 Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95)
        (objectAtLocation DeskLamp_bar__minus_01_dot_21_bar__minus_01_dot_88_bar__plus_01_dot_96 loc_bar_6_bar__minus_4_bar_3_bar_30)
        (toggleable DeskLamp_bar__minus_01_dot_21_bar__minus_01_dot_88_bar__plus_01_dot_96)
        (objectType KeyChain_bar__plus_00_dot_29_bar__minus_01_dot_00_bar__minus_02_dot_29 KeyChainType)
        (inReceptacle KeyChain_bar__plus_00_dot_29_bar__minus_01_dot_00_bar__minus_02_dot_29 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60)
        (objectAtLocation KeyChain_bar__plus_00_dot_29_bar__minus_01_dot_00_bar__minus_02_dot_29 loc_bar_7_bar__minus_2_bar_2_bar_30)
        (pickupable KeyChain_bar__plus_00_dot_29_bar__minus_01_dot_00_bar__minus_02_dot_29)
        (objectType KeyChain_bar__plus_00_dot_73_bar__minus_00_dot_96_bar__minus_02_dot_82 KeyChainType)
        (inReceptacle KeyChain_bar__plus_00_dot_73_bar__minus_00_dot_96_bar__minus_02_dot_82 Desk_bar__plus_02_dot_49_bar__plus_00_dot_00_bar__minus_01_dot_59)
        (objectAtLocation KeyChain_bar__plus_00_dot_73_bar__minus_00_dot_96_bar__minus_02_dot_82 loc_bar_10_bar__minus_2_bar_2_bar_30)
        (pickupable KeyChain_bar__plus_00_dot_73_bar__minus_00_dot_96_bar__minus_02_dot_82)
        (objectType KeyChain_bar__minus_02_dot_24_bar__minus_02_dot_86_bar__minus_02_dot_78 KeyChainType)
        (inReceptacle KeyChain_bar__minus_02_dot_24_bar__minus_02_dot_86_bar__minus_02_dot_78 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60)
        (objectAtLocation KeyChain_bar__minus_02_dot_24_bar__minus_02_dot_86_bar__minus_02_dot_78 loc_bar_9_bar__minus_3_bar_3_bar_30)
        (pickupable KeyChain_bar__minus_02_dot_24_bar__minus_02_dot_86_bar__minus_02_dot_78)
        (objectType Laptop_bar__minus_02_dot_33_bar__minus_00_dot_59_bar__minus_02_dot_22 LaptopType)
        (inReceptacle Laptop_bar__minus_02_dot_33_bar__minus_00_dot_59_bar__minus_02_dot_22 Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95)
        (objectAtLocation Laptop_bar__minus_02_dot_33_bar__minus_00_dot_59_bar__minus_02_dot_22 loc_bar_6_bar__minus_4_bar_3_bar_30)
        (pickupable Laptop_bar__minus_02_dot_33_bar__minus_00_dot_59_bar__minus_02_dot_22)
        (objectType Laptop_bar__minus_02_dot_94_bar__plus_02_dot_67_bar__plus_02_dot_29 LaptopType)
        (inReceptacle Laptop_bar__minus_02_dot_94_bar__plus_02_dot_67_bar__plus_02_dot_29 Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95)
        (objectAtLocation Laptop_bar__minus_02_dot_94_bar__plus_02_dot_67_bar__plus_02_dot_29 loc_bar_6_bar__minus_4_bar_3_bar_30)
        (pickupable Laptop_bar__minus_02_dot_94_bar__plus_02_dot_67_bar__plus_02_dot_29)
        (objectType Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88 MugType)
        (inReceptacle Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88 Shelf_bar__plus_03_dot_04_bar__plus_00_dot_54_bar__minus_01_dot_44)
        (objectAtLocation Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88 loc_bar_11_bar__minus_2_bar_2_bar_30)
        (pickupable Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88)
        (heatable Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88)
        (coolable Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88)
        (cleanable Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88)
        (isReceptacleObject Mug_bar__minus_02_dot_76_bar__plus_00_dot_83_bar__plus_01_dot_88)
        (objectType Pencil_bar__plus_02_dot_48_bar__minus_02_dot_68_bar__plus_02_dot_66 PencilType)
        (inReceptacle Pencil_bar__plus_02_dot_48_bar__minus_02_dot_68_bar__plus_02_dot_66 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60)
        (objectAtLocation Pencil_bar__plus_02_dot_48_bar__minus_02_dot_68_bar__plus_02_dot_66 loc_bar_9_bar__minus_3_bar_3_bar_30)
        (pickupable Pencil_bar__plus_02_dot_48_bar__minus_02_dot_68_bar__plus_02_dot_66)
        (objectType Pen_bar__plus_01_dot_19_bar__minus_01_dot_18_bar__minus_01_dot_12 PenType)
        (inReceptacle Pen_bar__plus_01_dot_19_bar__minus_01_dot_18_bar__minus_01_dot_12 Shelf_bar__plus_03_dot_04_bar__plus_00_dot_54_bar__minus_01_dot_44)
        (objectAtLocation Pen_bar__plus_01_dot_19_bar__minus_01_dot_18_bar__minus_01_dot_12 loc_bar_11_bar__minus_2_bar_2_bar_30)
        (pickupable Pen_bar__plus_01_dot_19_bar__minus_01_dot_18_bar__minus_01_dot_12)
        (objectType Pen_bar__minus_02_dot_96_bar__minus_00_dot_64_bar__minus_00_dot_58 PenType)
        (inReceptacle Pen_bar__minus_02_dot_96_bar__minus_00_dot_64_bar__minus_00_dot_58 GarbageCan_bar__plus_03_dot_17_bar__plus_00_dot_00_bar__minus_00_dot_27)
        (objectAtLocation Pen_bar__minus_02_dot_96_bar__minus_00_dot_64_bar__minus_00_dot_58 loc_bar_9_bar__minus_3_bar_1_bar_30)
        (pickupable Pen_bar__minus_02_dot_96_bar__minus_00_dot_64_bar__minus_00_dot_58)
        (objectType Pillow_bar__plus_02_dot_94_bar__plus_01_dot_97_bar__minus_01_dot_37 PillowType)
        (inReceptacle Pillow_bar__plus_02_dot_94_bar__plus_01_dot_97_bar__minus_01_dot_37 Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95)
        (objectAtLocation Pillow_bar__plus_02_dot_94_bar__plus_01_dot_97_bar__minus_01_dot_37 loc_bar_6_bar__minus_4_bar_3_bar_30)
        (pickupable Pillow_bar__plus_02_dot_94_bar__plus_01_dot_97_bar__minus_01_dot_37)
        (objectType TennisRacket_bar__plus_01_dot_80_bar__minus_01_dot_68_bar__minus_00_dot_42 TennisRacketType)
        (inReceptacle TennisRacket_bar__plus_01_dot_80_bar__minus_01_dot_68_bar__minus_00_dot_42 Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95)
        (objectAtLocation TennisRacket_bar__plus_01_dot_80_bar__minus_01_dot_68_bar__minus_00_dot_42 loc_bar_6_bar__minus_4_bar_3_bar_30)
        (pickupable TennisRacket_bar__plus_01_dot_80_bar__minus_01_dot_68_bar__minus_00_dot_42)
        (objectType TennisRacket_bar__plus_02_dot_62_bar__minus_01_dot_09_bar__minus_01_dot_41 TennisRacketType)
        (inReceptacle TennisRacket_bar__plus_02_dot_62_bar__minus_01_dot_09_bar__minus_01_dot_41 SideTable_bar__plus_01_dot_24_bar__plus_00_dot_00_bar__minus_01_dot_67)
        (objectAtLocation TennisRacket_bar__plus_02_dot_62_bar__minus_01_dot_09_bar__minus_01_dot_41 loc_bar_7_bar__minus_3_bar_2_bar_30)
        (pickupable TennisRacket_bar__plus_02_dot_62_bar__minus_01_dot_09_bar__minus_01_dot_41)
        (objectType TennisRacket_bar__minus_01_dot_43_bar__plus_02_dot_37_bar__minus_02_dot_96 TennisRacketType)
        (inReceptacle TennisRacket_bar__minus_01_dot_43_bar__plus_02_dot_37_bar__minus_02_dot_96 Bed_bar__plus_00_dot_23_bar__plus_00_dot_00_bar__minus_00_dot_95)
        (objectAtLocation TennisRacket_bar__minus_01_dot_43_bar__plus_02_dot_37_bar__minus_02_dot_96 loc_bar_6_bar__minus_4_bar_3_bar_30)
        (pickupable TennisRacket_bar__minus_01_dot_43_bar__plus_02_dot_37_bar__minus_02_dot_96)
        (objectType TissueBox_bar__plus_00_dot_17_bar__plus_00_dot_48_bar__plus_01_dot_63 TissueBoxType)
        (inReceptacle TissueBox_bar__plus_00_dot_17_bar__plus_00_dot_48_bar__plus_01_dot_63 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_35_bar__minus_01_dot_60)
        (objectAtLocation TissueBox_bar__plus_00_dot_17_bar__plus_00_dot_48_bar__plus_01_dot_63 loc_bar_9_bar__minus_3_bar_3_bar_30)
        (pickupable TissueBox_bar__plus_00_dot_17_bar__plus_00_dot_48_bar__plus_01_dot_63)
        (objectType TissueBox_bar__plus_01_dot_25_bar__plus_00_dot_18_bar__minus_00_dot_61 TissueBoxType)
        (inReceptacle TissueBox_bar__plus_01_dot_25_bar__plus_00_dot_18_bar__minus_00_dot_61 Drawer_bar__plus_01_dot_24_bar__plus_00_dot_13_bar__minus_01_dot_60)
        (objectAtLocation TissueBox_bar__plus_01_dot_25_bar__plus_00_dot_18_bar__minus_00_dot_61 loc_bar_7_bar__minus_2_bar_2_bar_30)
        (pickupable TissueBox_bar__plus_01_dot_25_bar__plus_00_dot_18_bar__minus_00_dot_61)
    )

        (:goal
             (and
                 (exists (?ot - object
                          ?r - receptacle
                          ?a - agent
                          ?l - location)
                     (and
                         (objectType ?ot DeskLampType)
                         (toggleable ?ot)
                         (isToggled ?ot)
                         (receptacleAtLocation ?r ?l)
                         (atLocation ?a ?l)
                         (inReceptacle ?ot ?r)
                     )
                 )
                 (exists (?o - object
                          ?a - agent)
                     (and
                         (objectType ?o KeyChainType)
                         (holds ?a ?o)
                     )
                 )
             )
        )
    )
    