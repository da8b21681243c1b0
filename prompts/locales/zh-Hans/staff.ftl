## 客服论坛：工单卡片、提醒和对客服命令的回复

staff-label = { $label ->
    [misuse] 误用（指导未解决）
    [hazard] 安全隐患
   *[fault] 故障
}
staff-card-title =
    { $priority ->
        [urgent] 🚨 紧急
       *[normal] 🆕
    } { $number } · { $kind ->
        [question] 客户咨询{ $category ->
            [unknown] {""}
           *[other] {" "}· { warranty-category }
        }
       *[fault] { warranty-category }
    } · { staff-label }
staff-card-customer = 👤 { $name } · 📞 { $phone }
staff-card-address = 📍 { $address }
staff-card-product = 🏷 型号：{ $model ->
    [photo] 未填写：见下方客户发送的照片
   *[other] { $model }
} · 购买日期：{ $purchase ->
    [none] （无购买凭证）
   *[other] { $purchase }
}
staff-card-production = 🏭 生产日期：{ $made }，客户从铭牌上读到（保修规则一：无购买凭证）{ $photo ->
    [yes] ：请对照下方的铭牌照片核实。
   *[other] ：尚无照片，请向客户索取。
}
staff-card-intake-pending = ⏳ 客户报告安全隐患时即已提交，尚未填完报修信息：客户可能仍在回答（客户写的内容会出现在这里）。客户提供的电话、姓名和地址会随时更新到此卡片，其余信息在客户确认后更新。请在这里给客户留言。
staff-card-intake-pending-question = ⏳ 客户在填写报修信息的过程中要求人工：客户可能仍在回答（客户写的内容会出现在这里），确认后此工单即转为报修，卡片会更新。
staff-card-description = 📝 { $description }
staff-card-photos = 📷 { $number }：客户发送的照片（铭牌、发票或故障），共{ $count }张。
staff-card-triage = 🔎 分诊：{ staff-label } · { $symptom }
staff-card-tried = 已排除（均未解决；引号内为客户自己说已做过的）：
staff-card-warranty = ⚖️ 初步保修答复（客户收到的内容）：
staff-card-no-warranty = ⚖️ 尚无保修答复（产品或购买日期未知）：请用 /warranty。
staff-card-window = 🗓 客户希望的上门时间：{ $window }
staff-card-deadline = ⏱ 联系承诺：须在{ $time }前联系客户。
staff-card-transcript = 💬 此前的对话：
staff-card-transcript-line = { $direction ->
    [in] › 客户：{ $text }
    [staff] ‹ 客服：{ $text }
   *[out] ‹ 机器人：{ $text }
}
staff-button-take = ✋ 接单
staff-button-schedule = 📅 预约
staff-button-close = ✅ 结单
staff-topic-question = 咨询

staff-taken = ✋ { $name }接了{ $number }。此后其在本话题中的消息会转给客户；/note 记录内部备注，/release 把对话交还机器人。
staff-released = ↩️ { $name }释放了{ $number }：机器人重新接待客户。
staff-assigned = ➡️ { $from }把{ $number }转给了{ $name }。
staff-assign-usage = 请指定同事：/assign @用户名（对方需用过一次客服命令），或回复对方的消息发送 /assign。
staff-assign-not-staff = { $name }不是客服群成员。
staff-refused = { $code ->
    [ALREADY_TAKEN] { $number }已被{ $holder }接单。
    [NOT_TAKEN] 请先接单{ $number }（/take）。
    [NOT_ASSIGNEE] 只有接单人{ $holder }才能这样操作{ $number }。
    [ALREADY_ASSIGNEE] { $number }已由{ $holder }负责。
    [CLOSED] { $number }已结单（{ $state }）；请先 /reopen。
    [NOT_CLOSED] { $number }尚未结单。
    [INVALID_WINDOW] 该上门时间段的结束早于开始。
   *[other] { $number }无法这样修改（{ $code }）。
}

staff-schedule-choose = 请选择{ $number }的上门时间，或直接输入：/schedule 明天上午
staff-window-invalid = { $code ->
    [PAST] 这个时间已经过了。
    [TOO_SOON] 时间太近了：工程师需要提前安排。
    [OUTSIDE_HOURS] 上门服务时间为{ $hours }。
    [TOO_FAR] 超过了{ $horizonDays }天。
   *[other] 没有读懂上门时间。例如：/schedule 明天上午、/schedule 3月20日下午、/schedule tomorrow 9-11
}
staff-scheduled = 📅 { $name }为{ $number }预约了上门：{ $window }。已通知客户；{ $reminder ->
    [none] 不再发送提醒（前一晚已过）。
   *[other] 将在{ $reminder }发送提醒。
}

staff-note-usage = 请在命令后写备注：/note 客户希望下午5点后来电
staff-note-saved = 📝 内部备注已记入工单（不会发给客户）。
staff-contacted-saved = ✅ 已记录与{ $number }客户的联系：该工单的联系提醒不再发送。
staff-contacted-already = { $number }已记录过与客户的联系，未作更改。

staff-closing = { $closing ->
    [repaired] 已修复
    [no_fault_found] 未发现故障
    [advice_given] 已给出指导
   *[cancelled] 已取消
}
staff-close-choose = { $number }的处理结果是？
staff-close-usage = 请注明结果之一：已修复、未发现故障、已指导、取消 —— 例如 /close 已修复 更换排水泵
staff-closed = ✅ { $name }结了{ $number }：{ staff-closing }。
staff-closed-rated = ✅ { $name }结了{ $number }：{ staff-closing }。已请客户评分。
staff-reopened = 🔁 { $name }重新打开了{ $number }：重新进入待处理队列。

staff-warranty-usage = 没有读懂“{ $token }”。例如：/warranty refrigerator 2025-03-14 part=compressor cause=liquid_ingress（在工单话题中默认使用该工单的产品）。
staff-warranty-invalid = 无法判断该情况：{ $detail }

staff-queue-heading = 📋 未结工单（{ $count }），紧急优先，其余按时间先后：
staff-queue-line = { $priority ->
        [urgent] 🚨
       *[normal] •
    } { $number } · { $kind ->
        [question] 咨询
       *[fault] { warranty-category }
    } · { $state ->
        [open] 待接单
        [taken] 已接单
        [scheduled] 已预约
       *[other] { $state }
    } · 已{ $age }分钟 · 接单人：{ $holder } · { $promise ->
        [kept] 已联系
        [kept-late] 超时后联系
        [pending] 还剩{ $minutes }分钟须联系
       *[breached] 联系承诺已超时{ $minutes }分钟
    } · { $link }
staff-queue-empty = 📋 没有未结工单。
staff-find-usage = 可按工单号、电话或型号查找：/find FL-260310-0001、/find 13800138000、/find XQG100-B12866
staff-find-none = 没有找到“{ $query }”。
staff-find-heading = 🔍 找到{ $count }条：

staff-name-usage = 客户看到的您的名字是“{ $name }”。用 /name 小王 修改。
staff-name-set = 客户现在看到的您的名字是“{ $name }”。
staff-lang-usage = 请选择语言：/lang en、/lang zh-Hans、/lang zh-Hant、/lang zh-HK、/lang zh-TW
staff-lang-set = 好的，以后我用这种文字回复您。

staff-refused-not-staff = 🚫 只有服务团队可以使用此功能。此次尝试已记录。
staff-general-only = 该命令只能在“General”话题中使用。
staff-topic-only = 该命令只能在工单话题中使用。
staff-unknown-command = 客服命令：工单话题中 /take /release /assign /schedule /note /contacted /close /reopen /warranty；General 中 /queue /find；任意位置 /name /lang。
staff-customer-blocked = ⛔ 客户已屏蔽机器人：{ $number }的消息无法再送达。如有需要请电话联系。
staff-cannot-copy = 客户发送了无法复制到这里的内容（投票或系统消息）。

staff-alert-urgent = 🚨 安全隐患工单{ $number }：请立即联系客户{ $phone ->
    [no] （还没有电话号码：请在该工单话题中给客户留言，客户写的内容也会出现在那里）。
   *[yes] （电话见该工单话题中的卡片）。电话联系后请在该话题中用 /contacted 记录。
}
staff-alert-warning = ⏰ { $number }：尚未有人联系客户（接单人：{ $holder }）。{ $contactWithin }内联系的承诺将在{ $minutes }分钟后到期。电话联系在该话题中用 /contacted 记录后即算数。
staff-alert-breach = 🔴 { $number }：联系承诺已超时{ $minutes }分钟（接单人：{ $holder }）。请立即联系客户{ $phone ->
    [no] （卡片上还没有电话号码：客户的回答会转到该工单话题，如果客户已在话题中给出电话，请直接打电话；否则请在话题中给客户留言）。
   *[yes] （电话联系后在该话题中用 /contacted 记录）。
}
staff-loaner-due = 🔁 { $number }自报修起已过{ $hours }小时仍未修复。按服务承诺：请为客户免费提供备用机，直至修好。
staff-loaner-due-reopened = 🔁 { $number }重新打开已{ $hours }小时，仍未修复。按服务承诺：请为客户免费提供备用机，直至修好。
staff-customer-rated = ⭐ 客户为{ $number }打了{ $score }/5 分。
staff-customer-comment = 💬 客户对{ $number }的评价如下。
staff-hazard-reported = 🚨 { $number }：下面这条客户消息像是安全隐患。机器人已向客户发送安全须知；请立即联系客户（电话见该工单话题中的卡片）。
staff-hazard-reported-general = 🚨 { $number }：客户的最新消息像是安全隐患，消息在该工单的话题中。机器人已向客户发送安全须知；请立即联系客户（电话见该话题中的卡片）。
staff-human-request = 🙋 { $number }：客户希望与人工客服交流。请在{ $time }前回复（在该工单话题中接单）。
staff-customer-cancelled = 🚫 客户自己取消了{ $number }。
staff-customer-which = { $which ->
        [same] 📎 客户说“{ $words }”是关于{ $number }的。
       *[new] ℹ️ 客户说“{ $words }”是一个新问题，与{ $number }无关：机器人正在处理（如需要会另开工单）。
    }

## 客户看到的客服相关消息

handover-taken = 👤 服务团队的{ $name }现在为您服务。请在这里留言，对方会回复您。
handover-released = 您已回到智能助手。{ $pending ->
        [yes] 我们接着刚才的继续：
       *[no] 如有需要，随时留言。
    }
handover-scheduled = 📅 工单{ $number }的上门时间已确认：{ $window }。
handover-reminder = ⏰ 提醒：工程师{ $day ->
    [today] 今天
   *[other] 明天
}上门，{ $window }（工单{ $number }）。
handover-closed = { $closing ->
    [repaired] ✅ 您的工单{ $number }已完成：维修已完毕。
    [no_fault_found] ✅ 您的工单{ $number }已完成：未发现故障。
    [advice_given] ✅ 您的工单{ $number }已完成：希望我们的建议对您有帮助。
   *[cancelled] 您的工单{ $number }已取消。
}如有问题，随时留言。
handover-rate = 您对工单{ $number }的服务满意吗？请从 1（差）到 5（非常好）打分。
handover-rate-button = { $score } ⭐
handover-rated = 谢谢！如愿意，现在可以写一句评价。
handover-rating-done = 该工单已经评过分了，谢谢！
handover-comment-thanks = 谢谢，您的评价已转达。
human-ticket-pending = 🙋 已再次提醒服务团队（工单{ $number }）：按照承诺，最晚{ $time }前会有专人在这里回复您。在此期间我仍可以继续帮您{ $relay ->
        [yes] ，您在这里写的内容也会转给他们。
       *[no] 。
    }
human-ticket-asked = 🙋 已请服务团队（工单{ $number }）在这里回复您。在此期间我仍可以继续帮您{ $relay ->
        [yes] ，您在这里写的内容也会转给他们。
       *[no] 。
    }
human-in-hours = 🙋 已通知服务团队（工单{ $number }）：{ $contactWithin }内会有专人在这里回复您。在此期间我仍可以继续帮您{ $relay ->
        [yes] ，您在这里写的内容也会转给他们。
       *[no] 。
    }
human-after-opening = 🙋 已通知服务团队（工单{ $number }）。服务时间为{ $hours }，团队将于{ $opens }回来，最晚{ $time }前会有专人在这里回复您。在此期间我仍可以继续帮您{ $relay ->
        [yes] ，您在这里写的内容也会转给他们。
       *[no] 。
    }
human-no-staff = 🙋 已记下您希望由人工处理（工单{ $number }）：请保留此工单号，联系我们时请提供。在此期间我仍可以继续帮您。
human-already = 👤 服务团队的{ $name }已经在为您服务，请直接在这里留言。
staff-ticket-erased = 🗑 应客户要求，{ $number }已删除{ $cancelled ->
        [yes] ，工单已取消
       *[no] {""}
    }。{ $outcome ->
        [deleted] 话题及其全部内容已删除，只保留匿名统计。
        [kept] 机器人无权删除该话题（需在管理员设置中允许其“删除消息”）：卡片已被覆盖，机器人转来的客户消息已删除，但你们的回复和卡片后发出的照片仍在。请手动删除该话题。
       *[refused] 机器人无法删除该话题，也未能清除其中客户的全部资料和消息（需在管理员设置中允许其“删除消息”）。请手动删除该话题。
    }{ $visit ->
        [none] {""}
       *[other] 📅 已预约的上门（{ $visit }，接单人：{ $holder }）随之取消，请通知工程师。
    }
staff-erased-card = 🗑 应客户要求已删除。
staff-not-sent-closed = ℹ️ 未发送给客户：{ $number }已关闭或取消；如需再联系客户，请先 /reopen。（仅提示一次，在话题中彼此讨论不受影响。）
staff-not-sent-not-held = ℹ️ 未发送给客户：只有接单人才能给客户发消息（{ $number }的接单人：{ $holder }）；如需联系客户，请先 /take。（仅提示一次，在话题中彼此讨论不受影响。）
