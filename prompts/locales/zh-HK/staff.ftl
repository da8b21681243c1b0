# Generated from zh-Hans/staff.ftl by `npm run locales`; edit zh-Hans or traditional.json, not this file.
## 客服論壇：維修單卡片、提醒和對客服命令的回覆

staff-label = { $label ->
    [misuse] 誤用（指導未解決）
    [hazard] 安全隱患
   *[fault] 故障
}
staff-card-title =
    { $priority ->
        [urgent] 🚨 緊急
       *[normal] 🆕
    } { $number } · { $kind ->
        [question] 客户諮詢{ $category ->
            [unknown] {""}
           *[other] {" "}· { warranty-category }
        }
       *[fault] { warranty-category }
    } · { staff-label }
staff-card-customer = 👤 { $name } · 📞 { $phone }
staff-card-address = 📍 { $address }
staff-card-product = 🏷 型號：{ $model ->
    [photo] 未填寫：見下方客户發送的照片
   *[other] { $model }
} · 購買日期：{ $purchase ->
    [none] （無購買憑證）
   *[other] { $purchase }
}
staff-card-production = 🏭 生產日期：{ $made }，客户從銘牌上讀到（保修規則一：無購買憑證）{ $photo ->
    [yes] ：請對照下方的銘牌照片核實。
   *[other] ：尚無照片，請向客户索取。
}
staff-card-intake-pending = ⏳ 客户報告安全隱患時即已提交，尚未填完報修資料：客户可能仍在回答（客户寫的內容會出現在這裏）。客户提供的電話、姓名和地址會隨時更新到此卡片，其餘資料在客户確認後更新。請在這裏給客户留言。
staff-card-intake-pending-question = ⏳ 客户在填寫報修資料的過程中要求人工：客户可能仍在回答（客户寫的內容會出現在這裏），確認後此維修單即轉為報修，卡片會更新。
staff-card-description = 📝 { $description }
staff-card-photos = 📷 { $number }：客户發送的照片（銘牌、發票或故障），共{ $count }張。
staff-card-triage = 🔎 分診：{ staff-label } · { $symptom }
staff-card-tried = 已排除（均未解決；引號內為客户自己説已做過的）：
staff-card-warranty = ⚖️ 初步保修答覆（客户收到的內容）：
staff-card-no-warranty = ⚖️ 尚無保修答覆（產品或購買日期未知）：請用 /warranty。
staff-card-window = 🗓 客户希望的上門時間：{ $window }
staff-card-deadline = ⏱ 聯繫承諾：須在{ $time }前聯繫客户。
staff-card-transcript = 💬 此前的對話：
staff-card-transcript-line = { $direction ->
    [in] › 客户：{ $text }
    [staff] ‹ 客服：{ $text }
   *[out] ‹ 機器人：{ $text }
}
staff-button-take = ✋ 接單
staff-button-schedule = 📅 預約
staff-button-close = ✅ 結單
staff-topic-question = 諮詢

staff-taken = ✋ { $name }接了{ $number }。此後其在本話題中的訊息會轉給客户；/note 記錄內部備註，/release 把對話交還機器人。
staff-released = ↩️ { $name }釋放了{ $number }：機器人重新接待客户。
staff-assigned = ➡️ { $from }把{ $number }轉給了{ $name }。
staff-assign-usage = 請指定同事：/assign @用户名（對方需用過一次客服命令），或回覆對方的訊息發送 /assign。
staff-assign-not-staff = { $name }不是客服羣成員。
staff-refused = { $code ->
    [ALREADY_TAKEN] { $number }已被{ $holder }接單。
    [NOT_TAKEN] 請先接單{ $number }（/take）。
    [NOT_ASSIGNEE] 只有接單人{ $holder }才能這樣操作{ $number }。
    [ALREADY_ASSIGNEE] { $number }已由{ $holder }負責。
    [CLOSED] { $number }已結單（{ $state }）；請先 /reopen。
    [NOT_CLOSED] { $number }尚未結單。
    [INVALID_WINDOW] 該上門時間段的結束早於開始。
   *[other] { $number }無法這樣修改（{ $code }）。
}

staff-schedule-choose = 請選擇{ $number }的上門時間，或直接輸入：/schedule 明天上午
staff-window-invalid = { $code ->
    [PAST] 這個時間已經過了。
    [TOO_SOON] 時間太近了：工程師需要提前安排。
    [OUTSIDE_HOURS] 上門服務時間為{ $hours }。
    [TOO_FAR] 超過了{ $horizonDays }天。
   *[other] 沒有讀懂上門時間。例如：/schedule 明天上午、/schedule 3月20日下午、/schedule tomorrow 9-11
}
staff-scheduled = 📅 { $name }為{ $number }預約了上門：{ $window }。已通知客户；{ $reminder ->
    [none] 不再發送提醒（前一晚已過）。
   *[other] 將在{ $reminder }發送提醒。
}

staff-note-usage = 請在命令後寫備註：/note 客户希望下午5點後來電
staff-note-saved = 📝 內部備註已記入維修單（不會發給客户）。
staff-contacted-saved = ✅ 已記錄與{ $number }客户的聯繫：該維修單的聯繫提醒不再發送。
staff-contacted-already = { $number }已記錄過與客户的聯繫，未作更改。

staff-closing = { $closing ->
    [repaired] 已修復
    [no_fault_found] 未發現故障
    [advice_given] 已給出指導
   *[cancelled] 已取消
}
staff-close-choose = { $number }的處理結果是？
staff-close-usage = 請註明結果之一：已修復、未發現故障、已指導、取消 —— 例如 /close 已修復 更換排水泵
staff-closed = ✅ { $name }結了{ $number }：{ staff-closing }。
staff-closed-rated = ✅ { $name }結了{ $number }：{ staff-closing }。已請客户評分。
staff-reopened = 🔁 { $name }重新打開了{ $number }：重新進入待處理隊列。

staff-warranty-usage = 沒有讀懂「{ $token }」。例如：/warranty refrigerator 2025-03-14 part=compressor cause=liquid_ingress（在維修單話題中預設使用該維修單的產品）。
staff-warranty-invalid = 無法判斷該情況：{ $detail }

staff-queue-heading = 📋 未結維修單（{ $count }），緊急優先，其餘按時間先後：
staff-queue-line = { $priority ->
        [urgent] 🚨
       *[normal] •
    } { $number } · { $kind ->
        [question] 諮詢
       *[fault] { warranty-category }
    } · { $state ->
        [open] 待接單
        [taken] 已接單
        [scheduled] 已預約
       *[other] { $state }
    } · 已{ $age }分鐘 · 接單人：{ $holder } · { $promise ->
        [kept] 已聯繫
        [kept-late] 超時後聯繫
        [pending] 還剩{ $minutes }分鐘須聯繫
       *[breached] 聯繫承諾已超時{ $minutes }分鐘
    } · { $link }
staff-queue-empty = 📋 沒有未結維修單。
staff-find-usage = 可按維修單號、電話或型號查找：/find FL-260310-0001、/find 13800138000、/find XQG100-B12866
staff-find-none = 沒有找到「{ $query }」。
staff-find-heading = 🔍 找到{ $count }條：

staff-name-usage = 客户看到的您的名字是「{ $name }」。用 /name 小王 修改。
staff-name-set = 客户現在看到的您的名字是「{ $name }」。
staff-lang-usage = 請選擇語言：/lang en、/lang zh-Hans、/lang zh-Hant、/lang zh-HK、/lang zh-TW
staff-lang-set = 好的，以後我用這種文字回覆您。

staff-refused-not-staff = 🚫 只有服務團隊可以使用此功能。此次嘗試已記錄。
staff-general-only = 該命令只能在「General」話題中使用。
staff-topic-only = 該命令只能在維修單話題中使用。
staff-unknown-command = 客服命令：維修單話題中 /take /release /assign /schedule /note /contacted /close /reopen /warranty；General 中 /queue /find；任意位置 /name /lang。
staff-customer-blocked = ⛔ 客户已屏蔽機器人：{ $number }的訊息無法再送達。如有需要請電話聯繫。
staff-cannot-copy = 客户發送了無法複製到這裏的內容（投票或系統訊息）。

staff-alert-urgent = 🚨 安全隱患維修單{ $number }：請立即聯繫客户{ $phone ->
    [no] （還沒有電話號碼：請在該維修單話題中給客户留言，客户寫的內容也會出現在那裏）。
   *[yes] （電話見該維修單話題中的卡片）。電話聯繫後請在該話題中用 /contacted 記錄。
}
staff-alert-warning = ⏰ { $number }：尚未有人聯繫客户（接單人：{ $holder }）。{ $contactWithin }內聯繫的承諾將在{ $minutes }分鐘後到期。電話聯繫在該話題中用 /contacted 記錄後即算數。
staff-alert-breach = 🔴 { $number }：聯繫承諾已超時{ $minutes }分鐘（接單人：{ $holder }）。請立即聯繫客户{ $phone ->
    [no] （卡片上還沒有電話號碼：客户的回答會轉到該維修單話題，如果客户已在話題中給出電話，請直接打電話；否則請在話題中給客户留言）。
   *[yes] （電話聯繫後在該話題中用 /contacted 記錄）。
}
staff-loaner-due = 🔁 { $number }自報修起已過{ $hours }小時仍未修復。按服務承諾：請為客户免費提供備用機，直至修好。
staff-loaner-due-reopened = 🔁 { $number }重新打開已{ $hours }小時，仍未修復。按服務承諾：請為客户免費提供備用機，直至修好。
staff-customer-rated = ⭐ 客户為{ $number }打了{ $score }/5 分。
staff-customer-comment = 💬 客户對{ $number }的評價如下。
staff-hazard-reported = 🚨 { $number }：下面這條客户訊息像是安全隱患。機器人已向客户發送安全須知；請立即聯繫客户（電話見該維修單話題中的卡片）。
staff-hazard-reported-general = 🚨 { $number }：客户的最新訊息像是安全隱患，訊息在該維修單的話題中。機器人已向客户發送安全須知；請立即聯繫客户（電話見該話題中的卡片）。
staff-human-request = 🙋 { $number }：客户希望與人工客服交流。請在{ $time }前回復（在該維修單話題中接單）。
staff-customer-cancelled = 🚫 客户自己取消了{ $number }。
staff-customer-which = { $which ->
        [same] 📎 客户説「{ $words }」是關於{ $number }的。
       *[new] ℹ️ 客户説「{ $words }」是一個新問題，與{ $number }無關：機器人正在處理（如需要會另開維修單）。
    }

## 客户看到的客服相關訊息

handover-taken = 👤 服務團隊的{ $name }現在為您服務。請在這裏留言，對方會回覆您。
handover-released = 您已回到智能助手。{ $pending ->
        [yes] 我們接着剛才的繼續：
       *[no] 如有需要，隨時留言。
    }
handover-scheduled = 📅 維修單{ $number }的上門時間已確認：{ $window }。
handover-reminder = ⏰ 提醒：工程師{ $day ->
    [today] 今天
   *[other] 明天
}上門，{ $window }（維修單{ $number }）。
handover-closed = { $closing ->
    [repaired] ✅ 您的維修單{ $number }已完成：維修已完畢。
    [no_fault_found] ✅ 您的維修單{ $number }已完成：未發現故障。
    [advice_given] ✅ 您的維修單{ $number }已完成：希望我們的建議對您有幫助。
   *[cancelled] 您的維修單{ $number }已取消。
}如有問題，隨時留言。
handover-rate = 您對維修單{ $number }的服務滿意嗎？請從 1（差）到 5（非常好）打分。
handover-rate-button = { $score } ⭐
handover-rated = 謝謝！如願意，現在可以寫一句評價。
handover-rating-done = 該維修單已經評過分了，謝謝！
handover-comment-thanks = 謝謝，您的評價已轉達。
human-ticket-pending = 🙋 已再次提醒服務團隊（維修單{ $number }）：按照承諾，最晚{ $time }前會有專人在這裏回覆您。在此期間我仍可以繼續幫您{ $relay ->
        [yes] ，您在這裏寫的內容也會轉給他們。
       *[no] 。
    }
human-ticket-asked = 🙋 已請服務團隊（維修單{ $number }）在這裏回覆您。在此期間我仍可以繼續幫您{ $relay ->
        [yes] ，您在這裏寫的內容也會轉給他們。
       *[no] 。
    }
human-in-hours = 🙋 已通知服務團隊（維修單{ $number }）：{ $contactWithin }內會有專人在這裏回覆您。在此期間我仍可以繼續幫您{ $relay ->
        [yes] ，您在這裏寫的內容也會轉給他們。
       *[no] 。
    }
human-after-opening = 🙋 已通知服務團隊（維修單{ $number }）。服務時間為{ $hours }，團隊將於{ $opens }回來，最晚{ $time }前會有專人在這裏回覆您。在此期間我仍可以繼續幫您{ $relay ->
        [yes] ，您在這裏寫的內容也會轉給他們。
       *[no] 。
    }
human-no-staff = 🙋 已記下您希望由人工處理（維修單{ $number }）：請保留此維修單號，聯繫我們時請提供。在此期間我仍可以繼續幫您。
human-already = 👤 服務團隊的{ $name }已經在為您服務，請直接在這裏留言。
staff-ticket-erased = 🗑 應客户要求，{ $number }已刪除{ $cancelled ->
        [yes] ，維修單已取消
       *[no] {""}
    }。{ $outcome ->
        [deleted] 話題及其全部內容已刪除，只保留匿名統計。
        [kept] 機器人無權刪除該話題（需在管理員設定中允許其「刪除訊息」）：卡片已被覆蓋，機器人轉來的客户訊息已刪除，但你們的回覆和卡片後發出的照片仍在。請手動刪除該話題。
       *[refused] 機器人無法刪除該話題，也未能清除其中客户的全部資料和訊息（需在管理員設定中允許其「刪除訊息」）。請手動刪除該話題。
    }{ $visit ->
        [none] {""}
       *[other] 📅 已預約的上門（{ $visit }，接單人：{ $holder }）隨之取消，請通知工程師。
    }
staff-erased-card = 🗑 應客户要求已刪除。
staff-not-sent-closed = ℹ️ 未發送給客户：{ $number }已關閉或取消；如需再聯繫客户，請先 /reopen。（僅提示一次，在話題中彼此討論不受影響。）
staff-not-sent-not-held = ℹ️ 未發送給客户：只有接單人才能給客户發訊息（{ $number }的接單人：{ $holder }）；如需聯繫客户，請先 /take。（僅提示一次，在話題中彼此討論不受影響。）
