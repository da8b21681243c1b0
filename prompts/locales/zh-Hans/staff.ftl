## 客服群收到的消息

staff-new-ticket =
    { $priority ->
        [urgent] 🚨 紧急工单
       *[normal] 🆕 新工单
    } { $number } · { warranty-category } · { $label ->
        [misuse] 误用（指导未解决）
        [hazard] 安全隐患
       *[fault] 故障
    }
    { $description }
staff-contact-alert = ⏰ 工单 { $number } 尚未有人接单：{ $contactWithin }内联系客户的承诺将在 { $minutes } 分钟后到期。
