## What the staff chat receives

staff-new-ticket =
    { $priority ->
        [urgent] 🚨 URGENT ticket
       *[normal] 🆕 New ticket
    } { $number } · { warranty-category } · { $label ->
        [misuse] misuse (guidance failed)
        [hazard] HAZARD
       *[fault] fault
    }
    { $description }
staff-contact-alert = ⏰ Ticket { $number } has not been taken yet: the promise to contact the customer within { $contactWithin } lapses in { $minutes } min.
