## The customer's conversation

welcome =
    Hello! I'm the after-sales assistant. Tell me in a sentence what is wrong with your appliance (for example "the fridge is not cooling" or "washer shows E21"), or pick the product first.
    I can walk you through a fix, book an engineer, and tell you what the warranty covers.
help =
    Write what is wrong in your own words, in English or Chinese. I will:
    • walk you through safe checks when nothing is really broken, and check back later;
    • book an engineer when it needs a repair, with a preliminary warranty answer;
    • { $staffChat ->
        [no] note that you want a person, with a ticket number to quote when you contact us: /human
       *[yes] put you through to a person at any time: /human
    }
    Commands: /status your tickets · /cancel stop or cancel · /language change language · /privacy what we store · /forget erase your data
privacy =
    What we store: your name, phone number and address for the visit; the product, model number, dates and photos you send; and this conversation, so engineers know the history.
    It is used only for after-sales service. Logs never contain your name, phone or address.
    /forget erases all of it: open tickets are cancelled and our service team is told, and the team's copies of your messages are deleted (should the bot not be allowed to delete some, the team is asked to delete them by hand). What stays cannot be linked to you: per ticket a random reference, its dates, the kind of product and fault, and the outcome. This chat itself stays in your Telegram; delete it there if you wish.
choose-language = Choose your language:
language-en = English
language-zh-Hans = 简体中文
language-zh-Hant = 繁體中文
language-set = Done: I'll reply in English.
unknown-command = I don't know that command. /help lists what I can do.
empty-text = Please describe the problem in a few words.
text-too-long = That message is long; I read the first { $max } characters.
use-buttons = Please use the buttons below.
warranty-aside = About the warranty: it depends on when you bought it. Let's finish this first. If an engineer is needed, your ticket gives a preliminary warranty answer from the purchase date (or the engineer checks it on site); if it works again, ask me afterwards and I'll check it.
warranty-aside-intake = About the warranty: your ticket gives a preliminary warranty answer from the purchase date (or the engineer checks it on site). Let's carry on.
stale-button = That button is no longer active.
category-button = { $category ->
    [refrigerator] Refrigerator
    [washing_machine] Washing machine
    [air_conditioner] Air conditioner
    [water_heater] Water heater
    [tv] TV
    [microwave] Microwave oven
    [dishwasher] Dishwasher
    [computer] Computer
   *[network] Network device
}
category-chosen = Got it: { warranty-category }. What is wrong with it?
ask-which-product = Which product is it about?
clarify = One question, so I get it right. { $question }
clarify-generic = Could you tell me a little more: what exactly happens, and since when?

duration = { $unit ->
    [s] { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }
    [m] { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
    [h] { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
   *[d] { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
}

## Guidance

guide-intro = That sounds like "{ $title }", which often has a simple cause. Let's check it together, one step at a time.
guide-step =
    Step { $n } of { $total }: { $action }
    What to look for: { $check }
guide-missing = I lost track of the steps. Let me put you through to a person: /human
button-fixed = ✅ Fixed
button-not-fixed = ❌ Still not working
button-repeat = 🔁 Repeat step
button-skip-step = ⏭ Skip step
button-human = 👤 Talk to a person
guide-fixed = Glad it works again! I'll check back in { $after } to make sure it stays that way.
guide-failed = Thanks for trying. { $advice }
guide-failed-generic = Thanks for trying: this needs an engineer.

## Quick checks before an engineer

checks-intro = Before I send an engineer: { $total ->
    [one] one quick check
   *[other] { $total } quick checks
} often solve this, or tell the engineer what is already ruled out. If you'd rather not, press "Skip the checks".
checks-step =
    Check { $n } of { $total }: { $action }
    What to look for: { $check }
button-skip-checks = 🧑‍🔧 Skip the checks, send an engineer
checks-skipped = Of course: I'll arrange an engineer.
checks-failed = Thanks for checking. The engineer will know what is already ruled out.
symptom-option = { $title }

## Hazards

hazard-first = ⚠️ Safety first. Please do this now:
hazard-step = { $n }. { $instruction }
hazard-product-noted = Thank you: { warranty-category }. Its own safety steps:
hazard-generic =
    1. Stop using it and keep away from it.
    2. Do not touch any electrical switch, plug or light, and do not light a flame or smoke: a spark can set gas alight.
    3. If you smell gas and the gas valve is within easy reach, close it; open the doors and windows.
    4. Leave, and call the emergency services or the gas company from outside.
already-escalating = I'm already preparing your ticket.
# After the safety steps: the urgent ticket is filed at the report, before the intake's questions.
hazard-reported = 🚨 Our service team has this as urgent ticket { $number }.{ $staffChat ->
    [no] {" "}Please keep the number and quote it when you contact us.
   *[yes] { $contact ->
        [after-opening] {" "}They work { $hours } and are back at { $opens }: a person will contact you by { $time }. { hazard-meanwhile }
       *[in-hours] {" "}A person will contact you within { $contactWithin }{ $relay ->
            [yes] , and they see what you write here.
           *[no] .
        }
    }
}
hazard-meanwhile = Until then, follow the steps above: keep it switched off and stay away from it. If there is fire or smoke, a smell of gas, or anyone feels unwell, leave and call the emergency services from outside (119 fire or 120 ambulance in mainland China, 119 in Taiwan, 999 in Hong Kong).

## Escalation intake

escalate-fault = This sounds like it needs an engineer.
escalate-unclear = I couldn't tell from that what is wrong, so an engineer will take a look.
escalate-human = Sure.
intake-intro = I'll prepare a service ticket. A few questions, so the engineer comes prepared.
intake-intro-hazard = A few questions, so the engineer comes prepared. If you need to leave, go now: the team already has your ticket, and you can answer later.
ask-category = Which product is it?
ask-name = What name should the engineer ask for?
ask-phone = Which phone number can the engineer call? Tap "Share my phone number" or type it.
button-share-contact = 📱 Share my phone number
ask-model = What is the model number? It is on the nameplate, { nameplate-place }, for example { $example }. A photo of the nameplate works too.
nameplate-place = { $category ->
    [refrigerator] usually on a side wall inside the fridge compartment or on the back
    [washing_machine] usually on the back, or around the door opening or under the lid
    [air_conditioner] on the side of the indoor unit, sometimes under the front cover
    [water_heater] on the side or the front of the heater
    [tv] on the label on the back of the TV
    [microwave] usually on the back, or on the frame inside the door
    [dishwasher] on the edge of the door or the frame around it, seen when the door is open
    [computer] under a laptop, or on the back or side of a desktop
    [network] on the label underneath or on the back of the device
   *[other] usually on the back or the side
}
model-unrecognised = Noted "{ $model }". It doesn't look like our usual model numbers; the engineer will check it.
ask-purchase-date = When did you buy it? For example 2024-03-14, last March, or 3 months ago.
button-no-proof = I don't know / no receipt
ask-address = Where should the engineer come? Type the address or share a location.
button-share-location = 📍 Share location
ask-window = When suits you for the visit? Engineers come every day, { $hours }. Pick a time or type one (for example "tomorrow afternoon").
window-button = { $window }
ask-invoice = Do you have the receipt or invoice? Send a photo of it, or skip.
button-skip = Skip
button-not-sure = Not sure / none of these
phone-saved = Phone number saved.
intake-more-said = Noted: I've added that to your ticket, so the engineer reads it too.
contact-kept = Thanks: I've kept this number for when an engineer needs to call you.
location-outside-intake = Thanks. I only need a location when booking an engineer.
photo-outside-intake = Thanks for the photo. Tell me in words what is wrong, and I'll take it from there.
photo-nameplate-saved = Nameplate photo saved.
photo-invoice-saved = Invoice photo saved.
photo-invoice-need-date = Invoice photo saved. What date is on it?
photo-saved = Photo saved for the engineer.
photo-kept-for-ticket = Photo kept: if we book an engineer, it goes with the ticket.
edit-button = ✏️ { $field ->
    [category] Product
    [name] Name
    [phone] Phone
    [model] Model
    [purchaseDate] Purchase date
    [productionDate] Production date
    [address] Address
    [window] Visit time
   *[invoice] Invoice
}
button-confirm = ✅ Confirm
button-discard = 🗑 Discard
review =
    Please check your service ticket:
    Problem: { $description }{ $also ->
        [none] {""}
       *[other] {"\u000A"}Also broken again: { $also }
    }
    Product: { warranty-category }
    Name: { summary-value }
    Phone: { summary-phone }
    Model: { $model ->
        [none] –
        [photo] see the nameplate photo
        [unknown] not known (the engineer will read the nameplate)
       *[other] { $model }
    }
    Purchase date: { $purchaseDate ->
        [none] –
        [no-proof] not known / no receipt (production date: { $productionDate ->
            [none] not known
           *[other] { $productionDate }
        })
       *[other] { $purchaseDate }
    }
    Address: { $address ->
        [none] –
       *[other] { $address }
    }
    Visit: { $window ->
        [none] –
       *[other] { $window }
    }{ summary-as-written }
    Photos: { $photos }
    Already ruled out: { $ruledOut ->
        [none] –
       *[other] { $ruledOut }
    }
review-urgent =
    Urgent ticket — please check:
    Problem: { $description }{ $also ->
        [none] {""}
       *[other] {"\u000A"}Also broken again: { $also }
    }
    Product: { warranty-category }
    Name: { summary-value }
    Phone: { summary-phone }
    Address: { $address ->
        [none] –
       *[other] { $address }
    }
flow-cancelled = Stopped. Write to me any time.
nothing-changed = OK, nothing changed.
change-category-confirm = Should I change the product on this ticket to { warranty-category }? What you said stays with the ticket either way.
change-phone-confirm = Should I change the phone number on this ticket to { $phone }?
change-window-confirm = Should I change the visit time to { $window }?
changed = Done, changed.

## Field errors

error-name-invalid = That doesn't look like a name.
error-phone-invalid = That doesn't look like a phone number. The whole number is needed, for example 138 1234 5678 or +852 9123 4567 (a landline with its area code).
error-model-invalid = That doesn't look like a model number: it is a code of letters and digits.
error-date-unparseable = I couldn't read that date.
error-date-future = That date is in the future.
error-date-too-old = That is more than { $maxAgeYears } years ago: please check the year.
error-date-before-production = That date is before the product was made: please check it.
error-address-invalid = I need a full address the engineer can find: street, building and flat.
error-window-unparseable = I couldn't read that time. Try "tomorrow morning" or "Saturday 14-16".
error-window-past = That time has passed.
error-window-outside-hours = Engineers visit { $hours } only.
error-window-too-far = That is too far ahead: visits are booked within the next { $horizonDays } days.

## Tickets

ticket-filed =
    Your ticket { $number } is filed.{ $urgent ->
        [yes] {" "}It is marked URGENT.
       *[no] {""}
    }
    { $staffChat ->
        [no] Please keep this number and quote it when you contact us.
       *[yes] { $contact ->
            [after-opening] Our service team works { $hours } and is back at { $opens }: they will contact you within { $contactWithin } of opening, by { $time }.
           *[in-hours] Our service team will contact you within { $contactWithin }.
        }
    }{ $relay ->
        [yes] {" "}Anything you write here meanwhile is passed on to them.
       *[no] {""}
    }
ticket-warranty-heading = Preliminary warranty answer:
warranty-ask-product = Which product is it? I'll tell you what its warranty covers.
warranty-ask-date = When did you buy your { warranty-category }? For example 2024-03-14, last March, or 3 months ago. The warranty counts from the date on the invoice or receipt.
warranty-question-heading = Preliminary warranty answer for the product as a whole:
warranty-question-after = { $longer ->
        [yes] Its main parts are covered for longer; a fault caused by misuse or an accident is not covered.
       *[no] A fault caused by misuse or an accident is not covered.
    } If something is wrong with it, tell me what happens and I'll help, or book an engineer.
warranty-question-no-proof = Without an invoice or receipt, the warranty counts from the production date printed on the nameplate, plus { $graceDays } days: the engineer reads it on site. If something is wrong with it, tell me what happens and I'll help.
ticket-failed = Sorry, I couldn't file the ticket just now. Nothing is lost: tap Confirm again in a moment.
tickets-none = You have no tickets yet.
which-ticket = Is this about your ticket { $number } ({ warranty-category }{ $summary ->
        [none] {""}
       *[other] : "{ $summary }"
    }), which is waiting for our service team, or a new problem?
button-which-same = 📎 About { $number }
button-which-new = 🆕 A new problem
button-which-new-added = 🆕 No, that's a new problem
which-ticket-added = Added to your ticket { $number }{ $relay ->
        [yes] : our service team sees it there.
       *[no] .
    }
which-ticket-closed = Ticket { $number } is closed now. Please tell me the problem again and I'll help you with it.
tickets-heading = Your tickets:
ticket-line = { $number } · { warranty-category } · { $state ->
    [open] waiting for our team
    [taken] with our service team
    [scheduled] visit booked
    [resolved] resolved
   *[cancelled] cancelled
} · { $date }
cancel-none = You have no open tickets to cancel.
cancel-choose = Which ticket should I cancel?
cancel-ticket-button = { $number }
cancel-confirm = Cancel ticket { $ticket }?
ticket-cancelled = Ticket { $number } is cancelled.
ticket-cancel-failed = Ticket { $number } can't be cancelled any more (it is { $state }).
forget-visits = { $count ->
        [1] You have an engineer visit booked: { $visits }. Erasing your data cancels it, and the engineer will not come.
       *[other] You have { $count } engineer visits booked: { $visits }. Erasing your data cancels them, and the engineers will not come.
    }
forget-confirm = Erase everything we hold about you — name, phone, address, product details, photos and this conversation? Open tickets will be cancelled{ $staffChat ->
    [no] {""}
   *[yes] {" "}and our team told
}. Only figures that cannot be linked to you stay (dates, kind of product and fault, outcome).
forgotten = Done: your personal data is erased{ $cancelled ->
        [0] .
        [one] , and your open ticket is cancelled{ $staffChat ->
            [no] .
           *[yes] {" "}(our team has been told).
        }
       *[other] , and your { $cancelled } open tickets are cancelled{ $staffChat ->
            [no] .
           *[yes] {" "}(our team has been told).
        }
    }
forgotten-visits = { $count ->
        [1] The engineer visit booked for { $visits } is called off with it: nobody will come.
       *[other] The { $count } engineer visits booked ({ $visits }) are called off with it: nobody will come.
    }
button-yes = Yes
button-no = No

## Check-back

checkback-question = Hello again! Earlier we fixed "{ $title }" together. Is it still working?
checkback-button-working = ✅ Working fine
checkback-button-broken = ❌ Broken again
checkback-working = Great, I've closed this as solved. Write any time if something comes up.
checkback-still-broken = Sorry to hear that. Let's get an engineer to you.
checkback-expired = That check-back has closed. Tell me what is wrong and I'll help.

## Everything else

unsupported-message = I can read text, photos, contacts and locations. Please describe the problem in words.
voice-unsupported = I can't listen to voice messages yet. Please type the problem in a few words.
edited-ignored = I saw your edit; I work with the message as first sent. Send a new message if something changed.
edited-passed-on = I saw your edit: our service team sees the new version. I still work with the message as first sent, so send a new message if something changed.
edited-caption-passed-on = I saw your edit: our service team sees the new caption. If you replaced the photo or file itself, please send the new one as a new message: the team still has the first.
group-only-private = I help customers in a private chat: please message me directly.
slow-down = You're sending messages very fast. I've kept what you sent and will answer it in about { $seconds } seconds.
temporarily-unavailable = I can't handle messages for a moment: a technical problem on my side. Your message is kept, and I'll answer it as soon as I'm back.
error-retrying = Something went wrong with your last message on my side. I'm trying it again; if that doesn't work, I'll tell you.
error-dead-letter = Sorry, I couldn't handle your last message. Please send it again in other words, or use /human to reach a person.
error-window-too-soon = That is too soon for an engineer to get there: the visit can start { $leadTime } from now at the earliest.

## Command menu

menu-start = Start over
menu-status = My tickets
menu-human = Talk to a person
menu-cancel = Stop or cancel
menu-language = Change language
menu-help = What I can do
menu-privacy = What we store
menu-forget = Erase my data
ticket-warranty-pending = The engineer will assess the warranty on site: please have the invoice or receipt ready if you have one.
checkback-still-broken-added = Sorry to hear it broke again. I've added it to the ticket I'm preparing, so the engineer knows about both problems.
error-category-use-buttons = I couldn't tell which product that is.
error-invoice-photo-needed = I need the invoice as a photo.
summary-value = { $name ->
    [none] –
   *[other] { $name }
}
location-saved = Location saved as the visit address.

## Purchase and production dates

ask-purchase-day = The exact day matters for the warranty answer here: a purchase on or after { $date } is treated differently from an earlier one. Do you know the day? It is on the invoice or receipt: type it, or send a photo of the invoice.
button-day-unknown = I don't know the day
ask-production-date = Without a receipt, the warranty counts from the production date on the nameplate, plus { $graceDays } days. What production date is printed there? For example 2024.03 or "MFG 03/2024"; on some models it is part of the serial number.
button-cannot-find = I can't find it
photo-nameplate-need-date = Nameplate photo saved. What production date does it show?
date-range = { $from } to { $to }
date-approximate = about { $date }
summary-phone = { $phone ->
    [none] –
   *[other] { $phone }{ $callNote ->
        [none] {""}
       *[other] {" "}(“{ $callNote }”)
    }
}
summary-as-written = { $asWritten ->
    [yes] {"\u000A"}(Some answers are kept as you wrote them; the engineer will check them.)
   *[no] {""}
}

## Small talk, typed answers and commands in the middle of a question

greeting = Hello! Tell me in a sentence what is wrong with your appliance, for example "the fridge is not cooling", or pick the product below.
thanks = You're welcome! If anything else needs looking at, tell me what is wrong, or pick the product below.
greeting-pending = Hello, I'm here.
thanks-pending = You're welcome.
restart-confirm = Start over? The ticket I'm preparing with you ("{ $description }") has not been filed yet and will be discarded.
status-preparing = I'm also preparing a ticket with you: "{ $description }". It is filed when you confirm the summary.
status-preparing-urgent = Your urgent report is already with our service team (its ticket is listed above); what you answer here is added to it.
way-on-skip = If you don't have it to hand, that's fine: the button below lets you go on without it.
way-on-keep = If that is what you meant, I can pass it on exactly as you wrote it, and the engineer will check it.
way-on-person = If this is not working out, a person from our service team can help you.
button-keep = ✅ Keep my answer as written
kept-as-written = Noted as you wrote it; the engineer will check it.
window-kept-as-written = Noted as you wrote it: our service team will agree the visit time with you when they contact you.
model-unknown = No problem: the engineer will read the model number from the nameplate on site.
ask-nameplate-photo = If you can reach the nameplate, a photo of it helps the engineer bring the right parts. Send one, or skip.
error-nameplate-photo-needed = I need the nameplate as a photo.
ask-address-detail = Which building, floor and flat should the engineer come to? A map pin doesn't show them. For example "Block 3, 12/F, Flat B".
button-no-flat = 🏠 It's a house, no flat
