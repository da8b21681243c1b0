# Generated from zh-Hans/warranty.ftl by `npm run locales`; edit zh-Hans or traditional.json, not this file.
## 保固答覆（機器人、客服工具與 `warranty explain`）

warranty-category = { $category ->
    [refrigerator] 冰箱
    [washing_machine] 洗衣機
    [air_conditioner] 冷氣
    [water_heater] 熱水器
    [tv] 電視
    [microwave] 微波爐
    [dishwasher] 洗碗機
    [computer] 電腦
    [network] 網路裝置
    [unknown] 產品（未確定）
   *[other] { $category }
}
warranty-part = { $part ->
    [compressor] 壓縮機
    [evaporator] 蒸發器
    [condenser] 冷凝器
    [main_board] 主機板
    [thermostat] 溫控器
    [motor] 電機
    [program_controller] 程式控制器
    [fan_motor] 風機
    [tank] 內膽
    [heating_element] 加熱管
    [panel] 螢幕面板
    [power_board] 電源板
    [magnetron] 磁控管
    [pump] 水泵
    [cpu] 處理器
    [memory] 記憶體
    [display] 顯示屏
    [hard_disk] 硬碟
    [keyboard] 鍵盤
    [power_adapter] 電源介面卡
    [unit] 整機
    [battery] 電池
    [door] 門體
    [door_lock] 門鎖
    [door_seal] 門封條
    [drain_pipe] 排水管
    [drain_pump] 排水泵
    [drain_tube] 排水管
    [ethernet_port] 網口
    [fan] 風扇
    [filter] 過濾器
    [gas_valve] 瓦斯閥
    [igniter] 點火器
    [inlet_valve] 進水閥
    [power_cord] 電源線
    [safety_valve] 安全閥
    [shock_absorber] 減震器
    [turntable_motor] 轉盤電機
   *[other] { $partName }
}
warranty-remedy = { $remedy ->
    [refund] 退貨
    [exchange] 換貨
   *[repair] 維修
}
warranty-subject = 您的{ warranty-category }{ $part ->
    [unit] {""}
   *[other] （{ warranty-part }）
}，報修日期：{ $reportDate }。
warranty-verdict-covered = 在保固範圍內：免費。
warranty-verdict-not-covered = 不在保固範圍內。
warranty-verdict-covered-if-part = 如果工程師檢查確認是{ warranty-part }的問題（根據您的描述最可能是它）：在保固範圍內，免費。
warranty-otherwise-depends = 如果是其他部件的問題，按整機保固：
warranty-otherwise = 如果是其他部件的問題：不在保固範圍內。{ warranty-charge }
warranty-remedies = 您可以選擇：{ $remedies }。
warranty-remedies-repair-only = 我們可以為您維修。
warranty-charge = { $charge ->
    [parts] 您只需承擔更換配件的成本，不收取人工費和到府費。
   *[parts_and_labour] 需按標準收取配件費和人工費。
}
warranty-clause-no-proof = 既沒有購買憑證也沒有生產日期，無法確定保固起始日；提供發票或顯示生產日期的銘牌照片即可重新判斷。
warranty-clause-production-grace = 沒有購買憑證：保固期按生產日期加{ $days }天計算，即從{ $until }起算。
warranty-clause-before-start = 在{ $until }之前按新機處理：免費維修。
warranty-clause-excluded-cause = { $cause ->
    [user_damage] 因使用不當或意外（摔落、劃傷、搬運）造成的損壞不在保固範圍內。
    [liquid_ingress] 因液體進入造成的損壞不在保固範圍內。
    [wrong_voltage] 因輸入不合適的電壓造成的損壞不在保固範圍內。
    [unauthorized_repair] 經非授權人員安裝、修理、改動或拆卸後出現的故障不在保固範圍內。
    [unlicensed_software] 因使用非正版軟體或電腦病毒造成的故障不在保固範圍內。
    [force_majeure] 因地震、火災、水災、雷擊等不可抗力造成的損壞不在保固範圍內。
   *[third_party_accessory] 非我方提供的附件造成的故障不在我方保固範圍內。
}
warranty-clause-return-window = { $days }天退貨期至{ $until }截止。
warranty-clause-exchange-window = { $days }天換貨期至{ $until }截止。
warranty-clause-whole-unit-term = 整機保固至{ $until }（{ $months }個月）。
warranty-clause-main-part-term = { warranty-part }屬於主要部件，保固至{ $until }（{ $months }個月）。
warranty-clause-replaced-part-term = 更換過的{ warranty-part }保固期自更換之日起重新計算，至{ $until }（{ $months }個月）。
warranty-clause-repeat-failure-exchange = 同一部件經{ $repairs }次保固維修後再次故障：您也可以選擇換貨（截至{ $until }適用）。
warranty-clause-parts-wait-exchange = 因缺少配件超過{ $days }天未能修復：您也可以選擇換貨（截至{ $until }適用）。
warranty-clause-expired = { $part ->
    [unit] 保固期已於{ $until }結束。
   *[other] 整機保固期已結束；{ warranty-part }的更長保固期已於{ $until }結束。
}
warranty-clause-expired-by = { $part ->
    [unit] 保固期最晚已於{ $until }結束。
   *[other] 整機保固期已結束；{ warranty-part }的更長保固期最晚已於{ $until }結束。
}
warranty-clause-on-site-service = 免費到府服務期至{ $until }。
warranty-preliminary = 以上為初步答覆，以工程師到府檢測結果為準。
warranty-depends = 答覆取決於具體的{ $basis ->
    [production] 生產
   *[purchase] 購買
}日期。若在{ $date }當天或之後{ $basis ->
    [production] 生產
   *[purchase] 購買
}：
warranty-depends-earlier = 若在{ $date }之前{ $basis ->
    [production] 生產
   *[purchase] 購買
}，答覆可能不如上述有利（可選項更少或需要付費），工程師會根據{ $basis ->
    [production] 銘牌
   *[purchase] 發票
}確認。
warranty-depends-before = 若在{ $date }之前{ $basis ->
    [production] 生產
   *[purchase] 購買
}：
warranty-depends-likely = 答覆取決於具體的{ $basis ->
    [production] 生產
   *[purchase] 購買
}日期。很可能是在{ $date }之前{ $basis ->
    [production] 生產
   *[purchase] 購買
}的，這種情況下：
warranty-depends-between = 若在{ $from }至{ $to }之間{ $basis ->
    [production] 生產
   *[purchase] 購買
}：
warranty-depends-likely-between = 答覆取決於具體的{ $basis ->
    [production] 生產
   *[purchase] 購買
}日期。很可能是在{ $from }至{ $to }之間{ $basis ->
    [production] 生產
   *[purchase] 購買
}的，這種情況下：
warranty-depends-only-from = 只有在{ $date }當天或之後{ $basis ->
    [production] 生產
   *[purchase] 購買
}，才是：
warranty-depends-only-on = 只有在{ $date }當天{ $basis ->
    [production] 生產
   *[purchase] 購買
}，才是：
warranty-depends-confirm = 工程師會根據{ $basis ->
    [production] 銘牌
   *[purchase] 發票
}確認具體日期。
warranty-dates-approximate = 以上日期按最早可能的{ $basis ->
    [production] 生產
   *[purchase] 購買
}日期計算；{ $basis ->
    [production] 銘牌
   *[purchase] 發票
}上的具體日期可能使其順延。
warranty-clause-no-proof-photo-sent = 目前還沒有購買憑證或生產日期：工程師會從您發來的銘牌照片上讀取生產日期，並據此確定保固。
