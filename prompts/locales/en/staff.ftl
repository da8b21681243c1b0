## The staff forum: cards, alerts and answers to staff commands

staff-label = { $label ->
    [misuse] misuse (guidance failed)
    [hazard] HAZARD
   *[fault] fault
}
staff-card-title =
    { $priority ->
        [urgent] 🚨 URGENT
       *[normal] 🆕
    } { $number } · { $kind ->
        [question] customer question{ $category ->
            [unknown] {""}
           *[other] {" "}· { warranty-category }
        }
       *[fault] { warranty-category }
    } · { staff-label }
staff-card-customer = 👤 { $name } · 📞 { $phone }
staff-card-address = 📍 { $address }
staff-card-product = 🏷 Model { $model ->
    [photo] not typed: see the customer's photos below
   *[other] { $model }
} · bought { $purchase ->
    [none] (no proof of purchase)
   *[other] { $purchase }
}
staff-card-production = 🏭 Made { $made }, as the customer read it from the nameplate (warranty rule 1: no proof of purchase){ $photo ->
    [yes] : check it against the nameplate photo below.
   *[other] : no photo yet, ask for one.
}
staff-card-intake-pending = ⏳ Filed when the customer reported the hazard, before the intake: they may still be answering it (what they write arrives here). Their phone, name and address are added to this card as they give them, the rest once they confirm. Write to them here.
staff-card-intake-pending-question = ⏳ Asked for a person in the middle of a repair request: the customer may still be answering it (what they write arrives here), and this ticket becomes the repair, this card updated, once they confirm.
staff-card-description = 📝 { $description }
staff-card-photos = 📷 { $number }: { $count ->
    [one] the photo
   *[other] the { $count } photos
} the customer sent (nameplate, invoice or the fault).
staff-card-triage = 🔎 Triage: { staff-label } · { $symptom }
staff-card-tried = Already ruled out (none fixed it; in quotes, what the customer said they did):
staff-card-warranty = ⚖️ Preliminary warranty answer, as the customer got it:
staff-card-no-warranty = ⚖️ No warranty answer yet (product or purchase date unknown): use /warranty.
staff-card-window = 🗓 Preferred visit: { $window }
staff-card-deadline = ⏱ Contact promise: the customer hears from us by { $time }.
staff-card-transcript = 💬 The conversation so far:
staff-card-transcript-line = { $direction ->
    [in] › customer: { $text }
    [staff] ‹ staff: { $text }
   *[out] ‹ bot: { $text }
}
staff-button-take = ✋ Take
staff-button-schedule = 📅 Schedule
staff-button-close = ✅ Close
staff-topic-question = question

staff-taken = ✋ { $name } took { $number }. Their messages in this topic now reach the customer; /note keeps a note internal, /release hands the chat back to the bot.
staff-released = ↩️ { $name } released { $number }: the bot answers the customer again.
staff-assigned = ➡️ { $from } passed { $number } to { $name }.
staff-assign-usage = Name a colleague: /assign @username (they must have used the staff tools once), or reply to one of their messages with /assign.
staff-assign-not-staff = { $name } is not a member of the staff chat.
staff-refused = { $code ->
    [ALREADY_TAKEN] { $number } is already taken by { $holder }.
    [NOT_TAKEN] Take { $number } first (/take).
    [NOT_ASSIGNEE] Only { $holder }, who holds { $number }, can do that.
    [ALREADY_ASSIGNEE] { $holder } already holds { $number }.
    [CLOSED] { $number } is closed ({ $state }); /reopen it first.
    [NOT_CLOSED] { $number } is not closed.
    [INVALID_WINDOW] That visit window ends before it starts.
   *[other] { $number } cannot be changed that way ({ $code }).
}

staff-schedule-choose = Choose the visit window for { $number }, or type one: /schedule tomorrow 9-11
staff-window-invalid = { $code ->
    [PAST] That time has passed.
    [TOO_SOON] That is too soon: an engineer needs some notice.
    [OUTSIDE_HOURS] Visits are { $hours }.
    [TOO_FAR] That is more than { $horizonDays } days ahead.
   *[other] I could not read a visit window there. Try: /schedule tomorrow 9-11, /schedule 3月20日下午
}
staff-scheduled = 📅 { $name } scheduled the visit for { $number }: { $window }. The customer has been told; { $reminder ->
    [none] no reminder (the evening before has passed).
   *[other] a reminder goes out at { $reminder }.
}

staff-note-usage = Write the note after the command: /note customer prefers calls after 5 pm
staff-note-saved = 📝 Internal note kept with the ticket (not sent to the customer).
staff-contacted-saved = ✅ Contact with the customer of { $number } recorded: its contact alerts stop.
staff-contacted-already = Contact with the customer of { $number } was already recorded; nothing changed.

staff-closing = { $closing ->
    [repaired] repaired
    [no_fault_found] no fault found
    [advice_given] advice given
   *[cancelled] cancelled
}
staff-close-choose = How was { $number } resolved?
staff-close-usage = Close with one of: repaired, no fault found, advice given, cancelled — e.g. /close repaired replaced the drain pump
staff-closed = ✅ { $name } closed { $number }: { staff-closing }.
staff-closed-rated = ✅ { $name } closed { $number }: { staff-closing }. The customer was asked to rate us.
staff-reopened = 🔁 { $name } reopened { $number }: it waits in the queue again.

staff-warranty-usage = I did not understand "{ $token }". Try: /warranty refrigerator 2025-03-14 part=compressor cause=liquid_ingress (in a ticket's topic, its product is the default).
staff-warranty-invalid = That case cannot be judged: { $detail }

staff-queue-heading = 📋 Open tickets ({ $count }), urgent first, then oldest:
staff-queue-line = { $priority ->
        [urgent] 🚨
       *[normal] •
    } { $number } · { $kind ->
        [question] question
       *[fault] { warranty-category }
    } · { $state ->
        [open] waiting
        [taken] taken
        [scheduled] scheduled
       *[other] { $state }
    } · { $age } min old · holder: { $holder } · { $promise ->
        [kept] contact made
        [kept-late] contacted late
        [pending] { $minutes } min left to contact
       *[breached] contact promise broken { $minutes } min ago
    } · { $link }
staff-queue-empty = 📋 No open tickets.
staff-find-usage = Find by ticket number, phone or model number: /find FL-260310-0001, /find 13800138000, /find XQG100-B12866
staff-find-none = Nothing found for "{ $query }".
staff-find-heading = 🔍 { $count } found:

staff-name-usage = Customers see you as "{ $name }". Change it with /name Anna (from the service team).
staff-name-set = Customers now see you as "{ $name }".
staff-lang-usage = Choose your language: /lang en, /lang zh-Hans, /lang zh-Hant, /lang zh-HK, /lang zh-TW
staff-lang-set = Done: I will answer you in English from now on.

staff-refused-not-staff = 🚫 Only the service team can use this. The attempt has been recorded.
staff-general-only = This command works in the General topic.
staff-topic-only = This command works in a ticket's topic.
staff-unknown-command = Staff commands: in a ticket's topic /take /release /assign /schedule /note /contacted /close /reopen /warranty; in General /queue /find; anywhere /name /lang.
staff-customer-blocked = ⛔ The customer has blocked the bot: nothing more reaches them for { $number }. Call them if the ticket needs it.
staff-cannot-copy = The customer sent something the bot cannot copy here (a poll or a service message).

staff-alert-urgent = 🚨 Hazard ticket { $number }: contact the customer now { $phone ->
    [no] (no phone number yet: write to them in its topic, where what they write arrives too).
   *[yes] (the phone number is on the card in its topic). After a call, record it there with /contacted.
}
staff-alert-warning = ⏰ { $number }: nobody has contacted the customer yet (holder: { $holder }). The { $contactWithin } contact promise lapses in { $minutes } min. A call counts once recorded with /contacted in its topic.
staff-alert-breach = 🔴 { $number }: the contact promise was broken { $minutes } min ago (holder: { $holder }). Contact the customer now { $phone ->
    [no] (no phone number on the card yet: if the customer has given one in its topic, where their answers arrive, call it; otherwise write to them there).
   *[yes] (record a call with /contacted in its topic).
}
staff-loaner-due = 🔁 { $number } has waited { $hours } hours since the report without a repair. Our promise: offer the customer a free loaner until it is repaired.
staff-loaner-due-reopened = 🔁 { $number } was reopened { $hours } hours ago and is still not repaired. Our promise: offer the customer a free loaner until it is repaired.
staff-customer-rated = ⭐ The customer rated { $number } { $score }/5.
staff-customer-comment = 💬 The customer's comment on { $number } follows.
staff-hazard-reported = 🚨 { $number }: the customer's message below reads as a hazard. The bot has sent them the safety instructions; contact them now (the phone number is on the card in its topic).
# In General, where the message itself is not: it was copied to the ticket's topic (the link follows when the topic is known).
staff-hazard-reported-general = 🚨 { $number }: the customer's latest message reads as a hazard; it is in the ticket's topic. The bot has sent them the safety instructions; contact them now (the phone number is on the card in the topic).
staff-human-request = 🙋 { $number }: the customer asks for a person. Answer them by { $time } (take the ticket in its topic).
staff-customer-cancelled = 🚫 The customer cancelled { $number } themselves.
staff-customer-which = { $which ->
        [same] 📎 The customer says "{ $words }" is about { $number }.
       *[new] ℹ️ The customer says "{ $words }" is a new problem, not about { $number }: the bot is helping them with it (a new ticket if it comes to one).
    }

## What the customer is told about the staff side

handover-taken = 👤 { $name } from our service team is with you now. Write here; they will answer you.
handover-released = You are back with the assistant. { $pending ->
        [yes] Let's go on where we left off:
       *[no] Write any time if you need anything.
    }
handover-scheduled = 📅 Your engineer visit for ticket { $number } is confirmed: { $window }.
handover-reminder = ⏰ Reminder: our engineer visits you { $day ->
    [today] today
   *[other] tomorrow
}, { $window } (ticket { $number }).
handover-closed = { $closing ->
    [repaired] ✅ Your ticket { $number } is closed: the repair is done.
    [no_fault_found] ✅ Your ticket { $number } is closed: no fault was found.
    [advice_given] ✅ Your ticket { $number } is closed: we hope the advice helped.
   *[cancelled] Your ticket { $number } is closed as cancelled.
} Write any time if something comes up.
handover-rate = How did we do on ticket { $number }? Rate us from 1 (poor) to 5 (excellent).
handover-rate-button = { $score } ⭐
handover-rated = Thank you! If you like, write a short comment now.
handover-rating-done = This ticket has already been rated. Thank you!
handover-comment-thanks = Thank you, your comment has been passed on.
human-in-hours = 🙋 I have asked our service team (ticket { $number }): a person will answer you here within { $contactWithin }. Meanwhile I am still here to help{ $relay ->
        [yes] , and what you write here is passed on to them too.
       *[no] .
    }
human-after-opening = 🙋 I have asked our service team (ticket { $number }). They work { $hours } and are back at { $opens }: a person will answer you here by { $time }. Meanwhile I am still here to help{ $relay ->
        [yes] , and what you write here is passed on to them too.
       *[no] .
    }
human-ticket-pending = 🙋 I have reminded our service team (ticket { $number }): a person will answer you here by { $time }, as promised. Meanwhile I am still here to help{ $relay ->
        [yes] , and what you write here is passed on to them too.
       *[no] .
    }
human-ticket-asked = 🙋 I have asked our service team (ticket { $number }) to answer you here. Meanwhile I am still here to help{ $relay ->
        [yes] , and what you write here is passed on to them too.
       *[no] .
    }
human-no-staff = 🙋 I have noted that you would like a person (ticket { $number }): please keep this number and quote it when you contact us. Meanwhile I am still here to help.
human-already = 👤 { $name } from our service team is already with you: just write here.
staff-ticket-erased = 🗑 { $number } was erased at the customer's request{ $cancelled ->
        [yes] : the ticket is cancelled
       *[no] {""}
    }. { $outcome ->
        [deleted] Its topic is deleted with everything in it. Only anonymous figures remain.
        [kept] The bot may not delete its topic (that needs the right to delete messages): its card is overwritten and the bot's copies of the customer's messages are deleted, but your replies and any photos posted after the card stay. Please delete the topic by hand.
       *[refused] The bot could not delete its topic, nor clear all of the customer's details and messages from it (that needs the right to delete messages). Please delete the topic by hand.
    }{ $visit ->
        [none] {""}
       *[other] {" "}📅 The engineer visit booked for { $visit } is called off (holder: { $holder }): please tell the engineer.
    }
staff-erased-card = 🗑 Erased at the customer's request.
staff-not-sent-closed = ℹ️ Not sent to the customer: { $number } is closed or cancelled; /reopen it to write to them again. (Said once: talk here among yourselves freely.)
staff-not-sent-not-held = ℹ️ Not sent to the customer: only the member who took { $number } writes to them (holder: { $holder }); /take it to write to them. (Said once: talk here among yourselves freely.)
