## 客户对话

welcome =
    您好！我是售后服务助手。请用一句话告诉我电器出了什么问题（例如“冰箱不制冷了”或“洗衣机显示E21”），也可以先选择产品。
    我可以一步步指导您排查，为您预约工程师上门，并告诉您保修政策。
help =
    请用中文或英文描述问题，我会：
    • 如果不是真正的故障，指导您做安全的检查，并在之后回访；
    • 需要维修时为您预约工程师，并给出初步的保修答复；
    • { $staffChat ->
        [no] 记下您想找人工客服，并给您一个联系我们时可报的工单号：/human
       *[yes] 随时为您转接人工客服：/human
    }
    命令：/status 我的工单 · /cancel 停止或取消 · /language 切换语言 · /privacy 我们保存什么 · /forget 删除个人信息
privacy =
    我们保存：上门服务所需的姓名、电话和地址；您提供的产品、型号、日期和照片；以及本次对话，便于工程师了解情况。
    这些信息只用于售后服务，日志中不会记录您的姓名、电话或地址。
    /forget 会删除以上全部信息：未完成的工单会被取消并通知服务团队，团队收到的您的消息副本也会被删除（如机器人无权删除其中部分副本，会请团队手动删除）。保留的信息无法关联到您：每张工单只留一个随机编号、日期、产品和故障类型以及处理结果。本聊天记录保存在您的 Telegram 中，如需删除请在 Telegram 里删除。
choose-language = 请选择语言：
language-en = English
language-zh-Hans = 简体中文
language-zh-Hant = 繁體中文
language-set = 好的，我会用中文回复您。
unknown-command = 我不认识这个命令。/help 可以查看我能做什么。
empty-text = 请用几句话描述一下问题。
text-too-long = 消息有点长，我读取了前{ $max }个字。
use-buttons = 请使用下方的按钮。
warranty-aside = 关于保修：要看您的购买日期。我们先把这一步做完。如果需要工程师上门，工单里会按购买日期给出初步的保修答复（或由工程师上门时核实）；如果问题解决了，之后再问我一次，我帮您查。
warranty-aside-intake = 关于保修：工单里会按购买日期给出初步的保修答复（或由工程师上门时核实）。我们继续吧。
stale-button = 这个按钮已经失效了。
category-button = { warranty-category }
category-chosen = 好的：{ warranty-category }。请问出了什么问题？
ask-which-product = 请问是哪种产品？
clarify = 想再确认一个问题。{ $question }
clarify-generic = 能再具体说说吗：具体是什么现象，从什么时候开始的？

duration = { $unit ->
    [s] { $n }秒
    [m] { $n }分钟
    [h] { $n }小时
   *[d] { $n }天
}

## 指导

guide-intro = 听起来是“{ $title }”，这种情况常常有简单的原因。我们一步一步来检查。
guide-step =
    第{ $n }步，共{ $total }步：{ $action }
    请留意：{ $check }
guide-missing = 我找不到后续步骤了，为您转接人工客服：/human
button-fixed = ✅ 已解决
button-not-fixed = ❌ 还是不行
button-repeat = 🔁 再看一遍
button-skip-step = ⏭ 跳过这步
button-human = 👤 转人工
guide-fixed = 太好了，恢复正常了！我会在{ $after }后回访，确认一切正常。
guide-failed = 辛苦您了。{ $advice }
guide-failed-generic = 辛苦您了，这需要工程师上门处理。

## 派工程师前的快速检查

checks-intro = 派工程师之前，先做{ $total }项快速检查：常常能直接解决，也能让工程师知道哪些原因已经排除。如果不想检查，请按“跳过检查”。
checks-step =
    检查{ $n }/{ $total }：{ $action }
    请留意：{ $check }
button-skip-checks = 🧑‍🔧 跳过检查，派工程师
checks-skipped = 好的，我为您安排工程师。
checks-failed = 辛苦您了，我会告诉工程师哪些原因已经排除。
symptom-option = { $title }

## 安全隐患

hazard-first = ⚠️ 安全第一，请立即这样做：
hazard-step = { $n }. { $instruction }
hazard-product-noted = 谢谢，是{ warranty-category }。它的安全步骤：
hazard-generic =
    1. 立即停止使用，并远离它。
    2. 不要开关任何电器开关、插头或电灯，不要点火、不要吸烟：一点火花就可能引燃燃气。
    3. 如闻到燃气味且燃气阀门就在手边，请关上阀门；打开门窗通风。
    4. 离开现场，到室外再拨打报警电话或燃气公司电话。
already-escalating = 我正在为您准备工单。
# 安全步骤之后：紧急工单在报告时就已提交，之后才问报修信息。
hazard-reported = 🚨 售后团队已收到您的紧急工单{ $number }。{ $staffChat ->
    [no] 请保留此工单号，联系我们时请提供。
   *[yes] { $contact ->
        [after-opening] 他们的服务时间为{ $hours }，将于{ $opens }上班，最晚{ $time }前联系您。{ hazard-meanwhile }
       *[in-hours] 工作人员会在{ $contactWithin }内联系您{ $relay ->
            [yes] ，也能看到您在这里写的内容。
           *[no] 。
        }
    }
}
hazard-meanwhile = 在此之前请按上面的步骤做：保持断电，远离它。如有明火、浓烟、燃气味或有人感到不适，请离开现场，到室外拨打报警电话（内地火警 119、急救 120，台湾 119，香港 999）。

## 报修信息收集

escalate-fault = 这个情况需要工程师上门处理。
escalate-unclear = 我没能从描述中判断出是什么问题，请工程师来看看。
escalate-human = 好的。
intake-intro = 我来为您创建服务工单。先问几个问题，好让工程师有备而来。
intake-intro-hazard = 再问几个问题，好让工程师有备而来。如果需要离开，请现在就离开：售后团队已经收到您的工单，稍后再回答也可以。
ask-category = 请问是哪种产品？
ask-name = 工程师上门时怎么称呼您？
ask-phone = 工程师可以拨打哪个电话联系您？点“分享我的手机号”或直接输入。
button-share-contact = 📱 分享我的手机号
ask-model = 请问产品型号是什么？在铭牌上（{ nameplate-place }），例如{ $example }。也可以拍一张铭牌照片发给我。
nameplate-place = { $category ->
    [refrigerator] 通常在冷藏室内侧壁或机身背面
    [washing_machine] 通常在机身背面，或机门四周、上盖下方
    [air_conditioner] 在室内机侧面，有时在前面板里面
    [water_heater] 在热水器侧面或正面
    [tv] 在电视背面的标签上
    [microwave] 通常在机身背面，或炉门内侧的边框上
    [dishwasher] 打开门后，在门的侧边或门框上
    [computer] 笔记本在机身底部，台式机在主机背面或侧面
    [network] 在设备底部或背面的标签上
   *[other] 通常在机身背面或侧面
}
model-unrecognised = 已记录“{ $model }”。它和我们常见的型号格式不太一样，工程师会核实。
ask-purchase-date = 请问是什么时候买的？例如 2024-03-14、去年三月、三个月前。
button-no-proof = 不记得 / 没有发票
ask-address = 工程师上门的地址是？请输入地址或分享位置。
button-share-location = 📍 分享位置
ask-window = 您希望什么时间上门？工程师每天{ $hours }上门服务。可以点选时间，或直接输入（例如“明天下午”）。
window-button = { $window }
ask-invoice = 您有购物小票或发票吗？可以拍照发给我，也可以跳过。
button-not-sure = 不确定 / 都不是
button-skip = 跳过
phone-saved = 电话已保存。
intake-more-said = 好的，这句话我已写进维修单，工程师也会看到。
contact-kept = 谢谢，这个号码我先记下了，需要工程师联系您时会用。
location-outside-intake = 谢谢。预约工程师时我才需要您的位置。
photo-outside-intake = 谢谢您的照片。请用文字告诉我出了什么问题，我来处理。
photo-nameplate-saved = 铭牌照片已保存。
photo-invoice-saved = 发票照片已保存。
photo-invoice-need-date = 发票照片已保存。上面的日期是哪天？
photo-saved = 照片已保存，会转给工程师。
photo-kept-for-ticket = 照片已保存：如果需要派工程师，会随工单一起转给工程师。
edit-button = ✏️ { $field ->
    [category] 产品
    [name] 姓名
    [phone] 电话
    [model] 型号
    [purchaseDate] 购买日期
    [productionDate] 生产日期
    [address] 地址
    [window] 上门时间
   *[invoice] 发票
}
button-confirm = ✅ 确认提交
button-discard = 🗑 放弃
review =
    请核对您的服务工单：
    问题：{ $description }{ $also ->
        [none] {""}
       *[other] {"\u000A"}另外又坏了：{ $also }
    }
    产品：{ warranty-category }
    姓名：{ summary-value }
    电话：{ summary-phone }
    型号：{ $model ->
        [none] –
        [photo] 见铭牌照片
        [unknown] 不详（工程师上门时查看铭牌）
       *[other] { $model }
    }
    购买日期：{ $purchaseDate ->
        [none] –
        [no-proof] 不记得 / 没有发票（生产日期：{ $productionDate ->
            [none] 不详
           *[other] { $productionDate }
        }）
       *[other] { $purchaseDate }
    }
    地址：{ $address ->
        [none] –
       *[other] { $address }
    }
    上门时间：{ $window ->
        [none] –
       *[other] { $window }
    }{ summary-as-written }
    照片：{ $photos }张
    已排除：{ $ruledOut ->
        [none] –
       *[other] { $ruledOut }
    }
review-urgent =
    紧急工单，请核对：
    问题：{ $description }{ $also ->
        [none] {""}
       *[other] {"\u000A"}另外又坏了：{ $also }
    }
    产品：{ warranty-category }
    姓名：{ summary-value }
    电话：{ summary-phone }
    地址：{ $address ->
        [none] –
       *[other] { $address }
    }
flow-cancelled = 已停止。有需要随时找我。
nothing-changed = 好的，没有做任何更改。
change-category-confirm = 要把这张维修单的产品改成{ warranty-category }吗？无论改不改，您说的话都会留在维修单上。
change-phone-confirm = 要把这张维修单的电话号码改成{ $phone }吗？
change-window-confirm = 要把上门时间改成{ $window }吗？
changed = 好的，已修改。

## 输入错误

error-name-invalid = 这看起来不像姓名。
error-phone-invalid = 这看起来不像电话号码。需要完整的号码，例如 138 1234 5678 或 +852 9123 4567（固定电话请带区号）。
error-model-invalid = 这看起来不像型号：型号是一串字母和数字。
error-date-unparseable = 我没看懂这个日期。
error-date-future = 这个日期还没到。
error-date-too-old = 这个日期距今已超过{ $maxAgeYears }年，请检查一下年份。
error-date-before-production = 这个日期早于产品的生产日期，请再确认一下。
error-address-invalid = 需要工程师能找到的完整地址：街道、楼栋和门牌号。
error-window-unparseable = 我没看懂这个时间。可以写“明天上午”或“周六14-16点”。
error-window-past = 这个时间已经过了。
error-window-outside-hours = 工程师只在{ $hours }上门。
error-window-too-far = 时间太远了：只能预约未来{ $horizonDays }天内上门。

## 工单

ticket-filed =
    您的工单{ $number }已提交。{ $urgent ->
        [yes] 已标记为紧急。
       *[no] {""}
    }
    { $staffChat ->
        [no] 请保留此工单号，联系我们时请提供。
       *[yes] { $contact ->
            [after-opening] 售后团队的服务时间为{ $hours }，将于{ $opens }上班：上班后{ $contactWithin }内、最晚{ $time }前联系您。
           *[in-hours] 售后团队会在{ $contactWithin }内联系您。
        }
    }{ $relay ->
        [yes] 在此期间您在这里写的内容也会转给他们。
       *[no] {""}
    }
ticket-warranty-heading = 初步保修答复：
warranty-ask-product = 请问是哪种产品？我来告诉您它的保修范围。
warranty-ask-date = 您的{ warranty-category }是什么时候买的？例如 2024-03-14、去年三月或三个月前。保修从发票或收据上的日期算起。
warranty-question-heading = 整机初步保修答复：
warranty-question-after = { $longer ->
        [yes] 主要部件的保修期更长；使用不当或意外造成的故障不在保修范围内。
       *[no] 使用不当或意外造成的故障不在保修范围内。
    }如果产品有问题，请告诉我是什么情况，我来帮您处理或安排工程师。
warranty-question-no-proof = 没有发票或收据时，保修从铭牌上的生产日期加{ $graceDays }天算起，工程师会上门核对。如果产品有问题，请告诉我是什么情况，我来帮您处理。
ticket-failed = 抱歉，工单暂时没能提交。信息都还在，请稍后再点一次“确认提交”。
tickets-none = 您还没有工单。
which-ticket = 这是关于您的工单{ $number }（{ warranty-category }{ $summary ->
        [none] {""}
       *[other] ：“{ $summary }”
    }，正在等待服务团队处理），还是一个新问题？
button-which-same = 📎 关于{ $number }
button-which-new-added = 🆕 不对，这是新问题
button-which-new = 🆕 新问题
which-ticket-added = 已添加到您的工单{ $number }{ $relay ->
        [yes] ：服务团队在工单里能看到。
       *[no] 。
    }
which-ticket-closed = 工单{ $number }现在已经结束。请再告诉我一次出了什么问题，我来帮您。
tickets-heading = 您的工单：
ticket-line = { $number } · { warranty-category } · { $state ->
    [open] 等待客服处理
    [taken] 客服已接手
    [scheduled] 已预约上门
    [resolved] 已解决
   *[cancelled] 已取消
} · { $date }
cancel-none = 您没有可以取消的工单。
cancel-choose = 要取消哪个工单？
cancel-ticket-button = { $number }
cancel-confirm = 确定取消工单{ $ticket }吗？
ticket-cancelled = 工单{ $number }已取消。
ticket-cancel-failed = 工单{ $number }已无法取消（当前状态：{ $state }）。
forget-visits = { $count ->
        [1] 您已预约工程师上门：{ $visits }。删除信息会同时取消这次上门，工程师将不会前来。
       *[other] 您已预约{ $count }次工程师上门：{ $visits }。删除信息会同时取消这些上门，工程师都不会前来。
    }
forget-confirm = 确定删除我们保存的您的全部信息吗？包括姓名、电话、地址、产品信息、照片和本次对话。未完成的工单会被取消{ $staffChat ->
    [no] {""}
   *[yes] 并通知服务团队
}。只保留无法关联到您的统计（日期、产品和故障类型、处理结果）。
forgotten = 已完成：您的个人信息已删除{ $cancelled ->
        [0] 。
       *[other] ，{ $cancelled }张未完成的工单已取消{ $staffChat ->
            [no] 。
           *[yes] （已通知服务团队）。
        }
    }
forgotten-visits = { $count ->
        [1] 已预约的上门（{ $visits }）也随之取消，工程师不会前来。
       *[other] 已预约的{ $count }次上门（{ $visits }）都随之取消，工程师都不会前来。
    }
button-yes = 是
button-no = 否

## 回访

checkback-question = 您好！之前我们一起处理了“{ $title }”。现在还正常吗？
checkback-button-working = ✅ 一切正常
checkback-button-broken = ❌ 又坏了
checkback-working = 太好了，这个问题已记录为解决。有需要随时找我。
checkback-still-broken = 很抱歉。我们安排工程师为您上门处理。
checkback-expired = 这次回访已经结束。请告诉我出了什么问题，我来帮您。

## 其他

unsupported-message = 我能看懂文字、照片、联系人和位置。请用文字描述一下问题。
voice-unsupported = 我暂时听不了语音，请用几句话把问题打出来。
edited-ignored = 看到您修改了消息；我按最初发送的内容处理。如有变化请发一条新消息。
edited-passed-on = 看到您修改了消息：服务团队会看到修改后的内容。我仍按最初发送的内容处理，如有变化请发一条新消息。
edited-caption-passed-on = 看到您修改了消息：服务团队会看到新的说明文字。如果您换了照片或文件本身，请把新的作为一条新消息发送：团队那边仍是原来那份。
group-only-private = 我在私聊中为客户服务，请直接给我发消息。
slow-down = 您发消息太快了。您发的内容我都记下了，大约{ $seconds }秒后回复您。
temporarily-unavailable = 系统暂时出了点技术问题，暂时无法处理消息。您的消息已保存，恢复后我会马上回复。
error-retrying = 处理您刚才的消息时我这边出了问题。我正在重试；如果还是不行，我会告诉您。
error-dead-letter = 抱歉，我没能处理您的上一条消息。请换个说法再发一次，或发送 /human 联系人工客服。
error-window-too-soon = 时间太近了，工程师赶不过去：最早只能约在{ $leadTime }以后。

## 命令菜单

menu-start = 重新开始
menu-status = 我的工单
menu-human = 转人工
menu-cancel = 停止或取消
menu-language = 切换语言
menu-help = 使用帮助
menu-privacy = 我们保存什么
menu-forget = 删除我的信息
ticket-warranty-pending = 保修情况将由工程师上门时评估，如有发票或购物小票请提前准备好。
checkback-still-broken-added = 很抱歉又出问题了。我已把它加进正在准备的工单，工程师会同时了解这两个问题。
error-category-use-buttons = 我没看出是哪种产品。
error-invoice-photo-needed = 发票需要以照片形式发送。
summary-value = { $name ->
    [none] –
   *[other] { $name }
}
location-saved = 位置已保存为上门地址。

## Purchase and production dates

ask-purchase-day = 具体哪一天会影响保修答复：{ $date }当天或之后购买，与更早购买的答复不同。您知道具体日期吗？发票或收据上有：请输入日期，或发一张发票照片。
button-day-unknown = 不知道具体哪天
ask-production-date = 没有购买凭证时，保修从铭牌上的生产日期加{ $graceDays }天起算。铭牌上印的生产日期是什么？例如 2024.03 或“生产日期 2024年3月”；有些型号的日期在序列号里。
button-cannot-find = 找不到
photo-nameplate-need-date = 铭牌照片已保存。上面印的生产日期是什么？
date-range = { $from }至{ $to }
date-approximate = 约{ $date }
summary-phone = { $phone ->
    [none] –
   *[other] { $phone }{ $callNote ->
        [none] {""}
       *[other] （“{ $callNote }”）
    }
}
summary-as-written = { $asWritten ->
    [yes] {"\u000A"}（部分信息按您写的原样记录，工程师会核对。）
   *[no] {""}
}

## 寒暄、打字回答、问答中途的命令

greeting = 您好！请用一句话告诉我电器出了什么问题，例如“冰箱不制冷了”，或在下面选择产品。
thanks = 不客气！如果还有别的问题，请告诉我哪里不对，或在下面选择产品。
greeting-pending = 您好，我在。
thanks-pending = 不客气。
restart-confirm = 要重新开始吗？正在为您准备的工单（“{ $description }”）还没有提交，会被放弃。
status-preparing = 另外，我正在为您准备一张工单：“{ $description }”。确认摘要后才会提交。
status-preparing-urgent = 您的紧急报修已交给售后团队（工单见上方）；您在这里回答的内容会补充到该工单。
way-on-skip = 手边没有也没关系：按下面的按钮就可以跳过。
way-on-keep = 如果您要写的就是这个，我可以按原样转给工程师，由工程师核对。
way-on-person = 如果一直填不上，可以请我们的服务人员帮您。
button-keep = ✅ 按我写的记录
kept-as-written = 已按您写的原样记录，工程师会核对。
window-kept-as-written = 已按您写的原样记录：服务团队联系您时会和您约定上门时间。
model-unknown = 没关系，工程师上门时会查看铭牌上的型号。
ask-nameplate-photo = 如果够得着铭牌，拍一张照片发给我，工程师可以带对配件。也可以跳过。
error-nameplate-photo-needed = 铭牌需要以照片形式发送。
ask-address-detail = 请问是哪栋楼、几楼、哪个单元或房号？地图定位显示不出来。例如“3栋12楼B室”。
button-no-flat = 🏠 独栋房屋，没有房号
