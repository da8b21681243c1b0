# Generated from zh-Hans/staff.ftl by `npm run locales`; edit zh-Hans, not this file.
## 客服群收到的消息

staff-new-ticket =
    { $priority ->
        [urgent] 🚨 緊急工單
       *[normal] 🆕 新工單
    } { $number } · { warranty-category } · { $label ->
        [misuse] 誤用（指導未解決）
        [hazard] 安全隱患
       *[fault] 故障
    }
    { $description }
staff-contact-alert = ⏰ 工單 { $number } 尚未有人接單：{ $contactWithin }內聯繫客戶的承諾將在 { $minutes } 分鐘後到期。
