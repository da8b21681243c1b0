## 保修答复（机器人、客服工具与 `warranty explain`）

warranty-category = { $category ->
    [refrigerator] 冰箱
    [washing_machine] 洗衣机
    [air_conditioner] 空调
    [water_heater] 热水器
    [tv] 电视
    [microwave] 微波炉
    [dishwasher] 洗碗机
    [computer] 电脑
    [network] 网络设备
    [unknown] 产品（未确定）
   *[other] { $category }
}
warranty-part = { $part ->
    [compressor] 压缩机
    [evaporator] 蒸发器
    [condenser] 冷凝器
    [main_board] 主板
    [thermostat] 温控器
    [motor] 电机
    [program_controller] 程序控制器
    [fan_motor] 风机
    [tank] 内胆
    [heating_element] 加热管
    [panel] 屏幕面板
    [power_board] 电源板
    [magnetron] 磁控管
    [pump] 水泵
    [cpu] 处理器
    [memory] 内存
    [display] 显示屏
    [hard_disk] 硬盘
    [keyboard] 键盘
    [power_adapter] 电源适配器
    [unit] 整机
    [battery] 电池
    [door] 门体
    [door_lock] 门锁
    [door_seal] 门封条
    [drain_pipe] 排水管
    [drain_pump] 排水泵
    [drain_tube] 排水管
    [ethernet_port] 网口
    [fan] 风扇
    [filter] 过滤器
    [gas_valve] 燃气阀
    [igniter] 点火器
    [inlet_valve] 进水阀
    [power_cord] 电源线
    [safety_valve] 安全阀
    [shock_absorber] 减震器
    [turntable_motor] 转盘电机
   *[other] { $partName }
}
warranty-remedy = { $remedy ->
    [refund] 退货
    [exchange] 换货
   *[repair] 维修
}
warranty-subject = 您的{ warranty-category }{ $part ->
    [unit] {""}
   *[other] （{ warranty-part }）
}，报修日期：{ $reportDate }。
warranty-verdict-covered = 在保修范围内：免费。
warranty-verdict-not-covered = 不在保修范围内。
warranty-verdict-covered-if-part = 如果工程师检查确认是{ warranty-part }的问题（根据您的描述最可能是它）：在保修范围内，免费。
warranty-otherwise-depends = 如果是其他部件的问题，按整机保修：
warranty-otherwise = 如果是其他部件的问题：不在保修范围内。{ warranty-charge }
warranty-remedies = 您可以选择：{ $remedies }。
warranty-remedies-repair-only = 我们可以为您维修。
warranty-charge = { $charge ->
    [parts] 您只需承担更换配件的成本，不收取人工费和上门费。
   *[parts_and_labour] 需按标准收取配件费和人工费。
}
warranty-clause-no-proof = 既没有购买凭证也没有生产日期，无法确定保修起始日；提供发票或显示生产日期的铭牌照片即可重新判断。
warranty-clause-production-grace = 没有购买凭证：保修期按生产日期加{ $days }天计算，即从{ $until }起算。
warranty-clause-before-start = 在{ $until }之前按新机处理：免费维修。
warranty-clause-excluded-cause = { $cause ->
    [user_damage] 因使用不当或意外（摔落、划伤、搬运）造成的损坏不在保修范围内。
    [liquid_ingress] 因液体进入造成的损坏不在保修范围内。
    [wrong_voltage] 因输入不合适的电压造成的损坏不在保修范围内。
    [unauthorized_repair] 经非授权人员安装、修理、改动或拆卸后出现的故障不在保修范围内。
    [unlicensed_software] 因使用非正版软件或电脑病毒造成的故障不在保修范围内。
    [force_majeure] 因地震、火灾、水灾、雷击等不可抗力造成的损坏不在保修范围内。
   *[third_party_accessory] 非我方提供的附件造成的故障不在我方保修范围内。
}
warranty-clause-return-window = { $days }天退货期至{ $until }截止。
warranty-clause-exchange-window = { $days }天换货期至{ $until }截止。
warranty-clause-whole-unit-term = 整机保修至{ $until }（{ $months }个月）。
warranty-clause-main-part-term = { warranty-part }属于主要部件，保修至{ $until }（{ $months }个月）。
warranty-clause-replaced-part-term = 更换过的{ warranty-part }保修期自更换之日起重新计算，至{ $until }（{ $months }个月）。
warranty-clause-repeat-failure-exchange = 同一部件经{ $repairs }次保修维修后再次故障：您也可以选择换货（截至{ $until }适用）。
warranty-clause-parts-wait-exchange = 因缺少配件超过{ $days }天未能修复：您也可以选择换货（截至{ $until }适用）。
warranty-clause-expired = { $part ->
    [unit] 保修期已于{ $until }结束。
   *[other] 整机保修期已结束；{ warranty-part }的更长保修期已于{ $until }结束。
}
warranty-clause-expired-by = { $part ->
    [unit] 保修期最晚已于{ $until }结束。
   *[other] 整机保修期已结束；{ warranty-part }的更长保修期最晚已于{ $until }结束。
}
warranty-clause-on-site-service = 免费上门服务期至{ $until }。
warranty-preliminary = 以上为初步答复，以工程师上门检测结果为准。
warranty-depends = 答复取决于具体的{ $basis ->
    [production] 生产
   *[purchase] 购买
}日期。若在{ $date }当天或之后{ $basis ->
    [production] 生产
   *[purchase] 购买
}：
warranty-depends-earlier = 若在{ $date }之前{ $basis ->
    [production] 生产
   *[purchase] 购买
}，答复可能不如上述有利（可选项更少或需要付费），工程师会根据{ $basis ->
    [production] 铭牌
   *[purchase] 发票
}确认。
warranty-depends-before = 若在{ $date }之前{ $basis ->
    [production] 生产
   *[purchase] 购买
}：
warranty-depends-likely = 答复取决于具体的{ $basis ->
    [production] 生产
   *[purchase] 购买
}日期。很可能是在{ $date }之前{ $basis ->
    [production] 生产
   *[purchase] 购买
}的，这种情况下：
warranty-depends-between = 若在{ $from }至{ $to }之间{ $basis ->
    [production] 生产
   *[purchase] 购买
}：
warranty-depends-likely-between = 答复取决于具体的{ $basis ->
    [production] 生产
   *[purchase] 购买
}日期。很可能是在{ $from }至{ $to }之间{ $basis ->
    [production] 生产
   *[purchase] 购买
}的，这种情况下：
warranty-depends-only-from = 只有在{ $date }当天或之后{ $basis ->
    [production] 生产
   *[purchase] 购买
}，才是：
warranty-depends-only-on = 只有在{ $date }当天{ $basis ->
    [production] 生产
   *[purchase] 购买
}，才是：
warranty-depends-confirm = 工程师会根据{ $basis ->
    [production] 铭牌
   *[purchase] 发票
}确认具体日期。
warranty-dates-approximate = 以上日期按最早可能的{ $basis ->
    [production] 生产
   *[purchase] 购买
}日期计算；{ $basis ->
    [production] 铭牌
   *[purchase] 发票
}上的具体日期可能使其顺延。
warranty-clause-no-proof-photo-sent = 目前还没有购买凭证或生产日期：工程师会从您发来的铭牌照片上读取生产日期，并据此确定保修。
