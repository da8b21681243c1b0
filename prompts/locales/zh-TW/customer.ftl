# Generated from zh-Hans/customer.ftl by `npm run locales`; edit zh-Hans or traditional.json, not this file.
## 客戶對話

welcome =
    您好！我是售後服務助手。請用一句話告訴我電器出了什麼問題（例如「冰箱不製冷了」或「洗衣機顯示E21」），也可以先選擇產品。
    我可以一步步指導您排查，為您預約工程師到府，並告訴您保固政策。
help =
    請用中文或英文描述問題，我會：
    • 如果不是真正的故障，指導您做安全的檢查，並在之後回訪；
    • 需要維修時為您預約工程師，並給出初步的保固答覆；
    • { $staffChat ->
        [no] 記下您想找人工客服，並給您一個聯絡我們時可報的維修單號：/human
       *[yes] 隨時為您轉接人工客服：/human
    }
    命令：/status 我的維修單 · /cancel 停止或取消 · /language 切換語言 · /privacy 我們儲存什麼 · /forget 刪除個人資料
privacy =
    我們儲存：到府服務所需的姓名、電話和地址；您提供的產品、型號、日期和照片；以及本次對話，便於工程師瞭解情況。
    這些資料只用於售後服務，日誌中不會記錄您的姓名、電話或地址。
    /forget 會刪除以上全部資料：未完成的維修單會被取消並通知服務團隊，團隊收到的您的訊息副本也會被刪除（如機器人無權刪除其中部分副本，會請團隊手動刪除）。保留的資料無法關聯到您：每張維修單只留一個隨機編號、日期、產品和故障類型以及處理結果。本聊天記錄儲存在您的 Telegram 中，如需刪除請在 Telegram 裡刪除。
choose-language = 請選擇語言：
language-en = English
language-zh-Hans = 簡體中文
language-zh-Hant = 繁體中文
language-set = 好的，我會用中文回覆您。
unknown-command = 我不認識這個命令。/help 可以檢視我能做什麼。
empty-text = 請用幾句話描述一下問題。
text-too-long = 訊息有點長，我讀取了前{ $max }個字。
use-buttons = 請使用下方的按鈕。
warranty-aside = 關於保固：要看您的購買日期。我們先把這一步做完。如果需要工程師到府，維修單裡會按購買日期給出初步的保固答覆（或由工程師到府時核實）；如果問題解決了，之後再問我一次，我幫您查。
warranty-aside-intake = 關於保固：維修單裡會按購買日期給出初步的保固答覆（或由工程師到府時核實）。我們繼續吧。
stale-button = 這個按鈕已經失效了。
category-button = { warranty-category }
category-chosen = 好的：{ warranty-category }。請問出了什麼問題？
ask-which-product = 請問是哪種產品？
clarify = 想再確認一個問題。{ $question }
clarify-generic = 能再具體說說嗎：具體是什麼現象，從什麼時候開始的？

duration = { $unit ->
    [s] { $n }秒
    [m] { $n }分鐘
    [h] { $n }小時
   *[d] { $n }天
}

## 指導

guide-intro = 聽起來是「{ $title }」，這種情況常常有簡單的原因。我們一步一步來檢查。
guide-step =
    第{ $n }步，共{ $total }步：{ $action }
    請留意：{ $check }
guide-missing = 我找不到後續步驟了，為您轉接人工客服：/human
button-fixed = ✅ 已解決
button-not-fixed = ❌ 還是不行
button-repeat = 🔁 再看一遍
button-skip-step = ⏭ 跳過這步
button-human = 👤 轉人工
guide-fixed = 太好了，恢復正常了！我會在{ $after }後回訪，確認一切正常。
guide-failed = 辛苦您了。{ $advice }
guide-failed-generic = 辛苦您了，這需要工程師到府處理。

## 派工程師前的快速檢查

checks-intro = 派工程師之前，先做{ $total }項快速檢查：常常能直接解決，也能讓工程師知道哪些原因已經排除。如果不想檢查，請按「跳過檢查」。
checks-step =
    檢查{ $n }/{ $total }：{ $action }
    請留意：{ $check }
button-skip-checks = 🧑‍🔧 跳過檢查，派工程師
checks-skipped = 好的，我為您安排工程師。
checks-failed = 辛苦您了，我會告訴工程師哪些原因已經排除。
symptom-option = { $title }

## 安全隱患

hazard-first = ⚠️ 安全第一，請立即這樣做：
hazard-step = { $n }. { $instruction }
hazard-product-noted = 謝謝，是{ warranty-category }。它的安全步驟：
hazard-generic =
    1. 立即停止使用，並遠離它。
    2. 不要開關任何電器開關、插頭或電燈，不要點火、不要吸菸：一點火花就可能引燃瓦斯。
    3. 如聞到瓦斯味且瓦斯閥門就在手邊，請關上閥門；開啟門窗通風。
    4. 離開現場，到室外再撥打報警電話或瓦斯公司電話。
already-escalating = 我正在為您準備維修單。
# 安全步驟之後：緊急維修單在報告時就已提交，之後才問報修資料。
hazard-reported = 🚨 售後團隊已收到您的緊急維修單{ $number }。{ $staffChat ->
    [no] 請保留此維修單號，聯絡我們時請提供。
   *[yes] { $contact ->
        [after-opening] 他們的服務時間為{ $hours }，將於{ $opens }上班，最晚{ $time }前聯絡您。{ hazard-meanwhile }
       *[in-hours] 工作人員會在{ $contactWithin }內聯絡您{ $relay ->
            [yes] ，也能看到您在這裡寫的內容。
           *[no] 。
        }
    }
}
hazard-meanwhile = 在此之前請按上面的步驟做：保持斷電，遠離它。如有明火、濃煙、瓦斯味或有人感到不適，請離開現場，到室外撥打報警電話（內地火警 119、急救 120，臺灣 119，香港 999）。

## 報修資料收集

escalate-fault = 這個情況需要工程師到府處理。
escalate-unclear = 我沒能從描述中判斷出是什麼問題，請工程師來看看。
escalate-human = 好的。
intake-intro = 我來為您建立維修單。先問幾個問題，好讓工程師有備而來。
intake-intro-hazard = 再問幾個問題，好讓工程師有備而來。如果需要離開，請現在就離開：售後團隊已經收到您的維修單，稍後再回答也可以。
ask-category = 請問是哪種產品？
ask-name = 工程師到府時怎麼稱呼您？
ask-phone = 工程師可以撥打哪個電話聯絡您？點「分享我的電話號碼」或直接輸入。
button-share-contact = 📱 分享我的電話號碼
ask-model = 請問產品型號是什麼？在銘牌上（{ nameplate-place }），例如{ $example }。也可以拍一張銘牌照片發給我。
nameplate-place = { $category ->
    [refrigerator] 通常在冷藏室內側壁或機身背面
    [washing_machine] 通常在機身背面，或機門四周、上蓋下方
    [air_conditioner] 在室內機側面，有時在前面板裡面
    [water_heater] 在熱水器側面或正面
    [tv] 在電視背面的標籤上
    [microwave] 通常在機身背面，或爐門內側的邊框上
    [dishwasher] 開啟門後，在門的側邊或門框上
    [computer] 筆電在機身底部，桌上型電腦在主機背面或側面
    [network] 在裝置底部或背面的標籤上
   *[other] 通常在機身背面或側面
}
model-unrecognised = 已記錄「{ $model }」。它和我們常見的型號格式不太一樣，工程師會核實。
ask-purchase-date = 請問是什麼時候買的？例如 2024-03-14、去年三月、三個月前。
button-no-proof = 不記得 / 沒有發票
ask-address = 工程師到府的地址是？請輸入地址或分享位置。
button-share-location = 📍 分享位置
ask-window = 您希望什麼時間到府？工程師每天{ $hours }到府服務。可以點選時間，或直接輸入（例如「明天下午」）。
window-button = { $window }
ask-invoice = 您有收據或發票嗎？可以拍照發給我，也可以跳過。
button-not-sure = 不確定 / 都不是
button-skip = 跳過
phone-saved = 電話已儲存。
intake-more-said = 好的，這句話我已寫進維修單，工程師也會看到。
contact-kept = 謝謝，這個號碼我先記下了，需要工程師聯絡您時會用。
location-outside-intake = 謝謝。預約工程師時我才需要您的位置。
photo-outside-intake = 謝謝您的照片。請用文字告訴我出了什麼問題，我來處理。
photo-nameplate-saved = 銘牌照片已儲存。
photo-invoice-saved = 發票照片已儲存。
photo-invoice-need-date = 發票照片已儲存。上面的日期是哪天？
photo-saved = 照片已儲存，會轉給工程師。
photo-kept-for-ticket = 照片已儲存：如果需要派工程師，會隨維修單一起轉給工程師。
edit-button = ✏️ { $field ->
    [category] 產品
    [name] 姓名
    [phone] 電話
    [model] 型號
    [purchaseDate] 購買日期
    [productionDate] 生產日期
    [address] 地址
    [window] 到府時間
   *[invoice] 發票
}
button-confirm = ✅ 確認提交
button-discard = 🗑 放棄
review =
    請核對您的維修單：
    問題：{ $description }{ $also ->
        [none] {""}
       *[other] {"\u000A"}另外又壞了：{ $also }
    }
    產品：{ warranty-category }
    姓名：{ summary-value }
    電話：{ summary-phone }
    型號：{ $model ->
        [none] –
        [photo] 見銘牌照片
        [unknown] 不詳（工程師到府時檢視銘牌）
       *[other] { $model }
    }
    購買日期：{ $purchaseDate ->
        [none] –
        [no-proof] 不記得 / 沒有發票（生產日期：{ $productionDate ->
            [none] 不詳
           *[other] { $productionDate }
        }）
       *[other] { $purchaseDate }
    }
    地址：{ $address ->
        [none] –
       *[other] { $address }
    }
    到府時間：{ $window ->
        [none] –
       *[other] { $window }
    }{ summary-as-written }
    照片：{ $photos }張
    已排除：{ $ruledOut ->
        [none] –
       *[other] { $ruledOut }
    }
review-urgent =
    緊急維修單，請核對：
    問題：{ $description }{ $also ->
        [none] {""}
       *[other] {"\u000A"}另外又壞了：{ $also }
    }
    產品：{ warranty-category }
    姓名：{ summary-value }
    電話：{ summary-phone }
    地址：{ $address ->
        [none] –
       *[other] { $address }
    }
flow-cancelled = 已停止。有需要隨時找我。
nothing-changed = 好的，沒有做任何更改。
change-category-confirm = 要把這張維修單的產品改成{ warranty-category }嗎？無論改不改，您說的話都會留在維修單上。
change-phone-confirm = 要把這張維修單的電話號碼改成{ $phone }嗎？
change-window-confirm = 要把到府時間改成{ $window }嗎？
changed = 好的，已修改。

## 輸入錯誤

error-name-invalid = 這看起來不像姓名。
error-phone-invalid = 這看起來不像電話號碼。需要完整的號碼，例如 138 1234 5678 或 +852 9123 4567（固定電話請帶區號）。
error-model-invalid = 這看起來不像型號：型號是一串字母和數字。
error-date-unparseable = 我沒看懂這個日期。
error-date-future = 這個日期還沒到。
error-date-too-old = 這個日期距今已超過{ $maxAgeYears }年，請檢查一下年份。
error-date-before-production = 這個日期早於產品的生產日期，請再確認一下。
error-address-invalid = 需要工程師能找到的完整地址：街道、樓棟和門牌號。
error-window-unparseable = 我沒看懂這個時間。可以寫「明天上午」或「週六14-16點」。
error-window-past = 這個時間已經過了。
error-window-outside-hours = 工程師只在{ $hours }到府。
error-window-too-far = 時間太遠了：只能預約未來{ $horizonDays }天內到府。

## 維修單

ticket-filed =
    您的維修單{ $number }已提交。{ $urgent ->
        [yes] 已標記為緊急。
       *[no] {""}
    }
    { $staffChat ->
        [no] 請保留此維修單號，聯絡我們時請提供。
       *[yes] { $contact ->
            [after-opening] 售後團隊的服務時間為{ $hours }，將於{ $opens }上班：上班後{ $contactWithin }內、最晚{ $time }前聯絡您。
           *[in-hours] 售後團隊會在{ $contactWithin }內聯絡您。
        }
    }{ $relay ->
        [yes] 在此期間您在這裡寫的內容也會轉給他們。
       *[no] {""}
    }
ticket-warranty-heading = 初步保固答覆：
warranty-ask-product = 請問是哪種產品？我來告訴您它的保固範圍。
warranty-ask-date = 您的{ warranty-category }是什麼時候買的？例如 2024-03-14、去年三月或三個月前。保固從發票或收據上的日期算起。
warranty-question-heading = 整機初步保固答覆：
warranty-question-after = { $longer ->
        [yes] 主要部件的保固期更長；使用不當或意外造成的故障不在保固範圍內。
       *[no] 使用不當或意外造成的故障不在保固範圍內。
    }如果產品有問題，請告訴我是什麼情況，我來幫您處理或安排工程師。
warranty-question-no-proof = 沒有發票或收據時，保固從銘牌上的生產日期加{ $graceDays }天算起，工程師會到府核對。如果產品有問題，請告訴我是什麼情況，我來幫您處理。
ticket-failed = 抱歉，維修單暫時沒能提交。資料都還在，請稍後再點一次「確認提交」。
tickets-none = 您還沒有維修單。
which-ticket = 這是關於您的維修單{ $number }（{ warranty-category }{ $summary ->
        [none] {""}
       *[other] ：「{ $summary }」
    }，正在等待服務團隊處理），還是一個新問題？
button-which-same = 📎 關於{ $number }
button-which-new-added = 🆕 不對，這是新問題
button-which-new = 🆕 新問題
which-ticket-added = 已新增到您的維修單{ $number }{ $relay ->
        [yes] ：服務團隊在維修單裡能看到。
       *[no] 。
    }
which-ticket-closed = 維修單{ $number }現在已經結束。請再告訴我一次出了什麼問題，我來幫您。
tickets-heading = 您的維修單：
ticket-line = { $number } · { warranty-category } · { $state ->
    [open] 等待客服處理
    [taken] 客服已接手
    [scheduled] 已預約到府
    [resolved] 已解決
   *[cancelled] 已取消
} · { $date }
cancel-none = 您沒有可以取消的維修單。
cancel-choose = 要取消哪個維修單？
cancel-ticket-button = { $number }
cancel-confirm = 確定取消維修單{ $ticket }嗎？
ticket-cancelled = 維修單{ $number }已取消。
ticket-cancel-failed = 維修單{ $number }已無法取消（當前狀態：{ $state }）。
forget-visits = { $count ->
        [1] 您已預約工程師到府：{ $visits }。刪除資料會同時取消這次到府，工程師將不會前來。
       *[other] 您已預約{ $count }次工程師到府：{ $visits }。刪除資料會同時取消這些到府，工程師都不會前來。
    }
forget-confirm = 確定刪除我們儲存的您的全部資料嗎？包括姓名、電話、地址、產品資料、照片和本次對話。未完成的維修單會被取消{ $staffChat ->
    [no] {""}
   *[yes] 並通知服務團隊
}。只保留無法關聯到您的統計（日期、產品和故障類型、處理結果）。
forgotten = 已完成：您的個人資料已刪除{ $cancelled ->
        [0] 。
       *[other] ，{ $cancelled }張未完成的維修單已取消{ $staffChat ->
            [no] 。
           *[yes] （已通知服務團隊）。
        }
    }
forgotten-visits = { $count ->
        [1] 已預約的到府（{ $visits }）也隨之取消，工程師不會前來。
       *[other] 已預約的{ $count }次到府（{ $visits }）都隨之取消，工程師都不會前來。
    }
button-yes = 是
button-no = 否

## 回訪

checkback-question = 您好！之前我們一起處理了「{ $title }」。現在還正常嗎？
checkback-button-working = ✅ 一切正常
checkback-button-broken = ❌ 又壞了
checkback-working = 太好了，這個問題已記錄為解決。有需要隨時找我。
checkback-still-broken = 很抱歉。我們安排工程師為您到府處理。
checkback-expired = 這次回訪已經結束。請告訴我出了什麼問題，我來幫您。

## 其他

unsupported-message = 我能看懂文字、照片、聯絡人和位置。請用文字描述一下問題。
voice-unsupported = 我暫時聽不了語音，請用幾句話把問題打出來。
edited-ignored = 看到您修改了訊息；我按最初發送的內容處理。如有變化請發一條新訊息。
edited-passed-on = 看到您修改了訊息：服務團隊會看到修改後的內容。我仍按最初發送的內容處理，如有變化請發一條新訊息。
edited-caption-passed-on = 看到您修改了訊息：服務團隊會看到新的說明文字。如果您換了照片或檔案本身，請把新的作為一條新訊息傳送：團隊那邊仍是原來那份。
group-only-private = 我在私聊中為客戶服務，請直接給我發訊息。
slow-down = 您發訊息太快了。您發的內容我都記下了，大約{ $seconds }秒後回覆您。
temporarily-unavailable = 系統暫時出了點技術問題，暫時無法處理訊息。您的訊息已儲存，恢復後我會馬上回復。
error-retrying = 處理您剛才的訊息時我這邊出了問題。我正在重試；如果還是不行，我會告訴您。
error-dead-letter = 抱歉，我沒能處理您的上一條訊息。請換個說法再發一次，或傳送 /human 聯絡人工客服。
error-window-too-soon = 時間太近了，工程師趕不過去：最早只能約在{ $leadTime }以後。

## 命令選單

menu-start = 重新開始
menu-status = 我的維修單
menu-human = 轉人工
menu-cancel = 停止或取消
menu-language = 切換語言
menu-help = 使用幫助
menu-privacy = 我們儲存什麼
menu-forget = 刪除我的資料
ticket-warranty-pending = 保固情況將由工程師到府時評估，如有發票或收據請提前準備好。
checkback-still-broken-added = 很抱歉又出問題了。我已把它加進正在準備的維修單，工程師會同時瞭解這兩個問題。
error-category-use-buttons = 我沒看出是哪種產品。
error-invoice-photo-needed = 發票需要以照片形式傳送。
summary-value = { $name ->
    [none] –
   *[other] { $name }
}
location-saved = 位置已儲存為到府地址。

## Purchase and production dates

ask-purchase-day = 具體哪一天會影響保固答覆：{ $date }當天或之後購買，與更早購買的答覆不同。您知道具體日期嗎？發票或收據上有：請輸入日期，或發一張發票照片。
button-day-unknown = 不知道具體哪天
ask-production-date = 沒有購買憑證時，保固從銘牌上的生產日期加{ $graceDays }天起算。銘牌上印的生產日期是什麼？例如 2024.03 或「生產日期 2024年3月」；有些型號的日期在序列號裡。
button-cannot-find = 找不到
photo-nameplate-need-date = 銘牌照片已儲存。上面印的生產日期是什麼？
date-range = { $from }至{ $to }
date-approximate = 約{ $date }
summary-phone = { $phone ->
    [none] –
   *[other] { $phone }{ $callNote ->
        [none] {""}
       *[other] （「{ $callNote }」）
    }
}
summary-as-written = { $asWritten ->
    [yes] {"\u000A"}（部分資料按您寫的原樣記錄，工程師會核對。）
   *[no] {""}
}

## 寒暄、打字回答、問答中途的命令

greeting = 您好！請用一句話告訴我電器出了什麼問題，例如「冰箱不製冷了」，或在下面選擇產品。
thanks = 不客氣！如果還有別的問題，請告訴我哪裡不對，或在下面選擇產品。
greeting-pending = 您好，我在。
thanks-pending = 不客氣。
restart-confirm = 要重新開始嗎？正在為您準備的維修單（「{ $description }」）還沒有提交，會被放棄。
status-preparing = 另外，我正在為您準備一張維修單：「{ $description }」。確認摘要後才會提交。
status-preparing-urgent = 您的緊急報修已交給售後團隊（維修單見上方）；您在這裡回答的內容會補充到該維修單。
way-on-skip = 手邊沒有也沒關係：按下面的按鈕就可以跳過。
way-on-keep = 如果您要寫的就是這個，我可以按原樣轉給工程師，由工程師核對。
way-on-person = 如果一直填不上，可以請我們的服務人員幫您。
button-keep = ✅ 按我寫的記錄
kept-as-written = 已按您寫的原樣記錄，工程師會核對。
window-kept-as-written = 已按您寫的原樣記錄：服務團隊聯絡您時會和您約定到府時間。
model-unknown = 沒關係，工程師到府時會檢視銘牌上的型號。
ask-nameplate-photo = 如果夠得著銘牌，拍一張照片發給我，工程師可以帶對配件。也可以跳過。
error-nameplate-photo-needed = 銘牌需要以照片形式傳送。
ask-address-detail = 請問是哪棟樓、幾樓、哪個單元或房號？地圖定位顯示不出來。例如「3棟12樓B室」。
button-no-flat = 🏠 獨棟房屋，沒有房號
