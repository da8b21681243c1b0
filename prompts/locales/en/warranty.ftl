## Warranty answers (bot, staff tools and `warranty explain`)

warranty-category = { $category ->
    [refrigerator] refrigerator
    [washing_machine] washing machine
    [air_conditioner] air conditioner
    [water_heater] water heater
    [tv] TV
    [microwave] microwave oven
    [dishwasher] dishwasher
    [computer] computer
    [network] network device
    [unknown] product (not known yet)
   *[other] { $category }
}
warranty-part = { $part ->
    [compressor] compressor
    [evaporator] evaporator
    [condenser] condenser
    [main_board] main board
    [thermostat] thermostat
    [motor] motor
    [program_controller] program controller
    [fan_motor] fan motor
    [tank] inner tank
    [heating_element] heating element
    [panel] screen panel
    [power_board] power board
    [magnetron] magnetron
    [pump] pump
    [cpu] CPU
    [memory] memory
    [display] display
    [hard_disk] hard disk
    [keyboard] keyboard
    [power_adapter] power adapter
    [unit] whole unit
    [battery] battery
    [door] door
    [door_lock] door lock
    [door_seal] door seal
    [drain_pipe] drain pipe
    [drain_pump] drain pump
    [drain_tube] drain tube
    [ethernet_port] network port
    [fan] fan
    [filter] filter
    [gas_valve] gas valve
    [igniter] igniter
    [inlet_valve] water inlet valve
    [power_cord] power cord
    [safety_valve] safety valve
    [shock_absorber] shock absorber
    [turntable_motor] turntable motor
   *[other] { $partName }
}
warranty-remedy = { $remedy ->
    [refund] refund
    [exchange] exchange
   *[repair] repair
}
warranty-subject = { $part ->
    [unit] Your { warranty-category }
   *[other] Your { warranty-category } ({ warranty-part })
}, reported on { $reportDate }.
warranty-verdict-covered = Covered by the warranty: free of charge.
warranty-verdict-not-covered = Not covered by the warranty.
warranty-verdict-covered-if-part = Covered by the warranty, free of charge, if the engineer finds the { warranty-part } at fault (the likely part for what you describe).
warranty-otherwise-depends = If it is another part, the whole unit's warranty applies:
warranty-otherwise = If it is another part: not covered by the warranty. { warranty-charge }
warranty-remedies = You may choose: { $remedies }.
warranty-remedies-repair-only = We can repair it.
warranty-charge = { $charge ->
    [parts] You pay for the replacement parts only: no labour or call-out fee.
   *[parts_and_labour] You pay for parts and labour at the standard rates.
}
warranty-clause-no-proof = Without a proof of purchase or a production date the warranty start cannot be established; a nameplate photo showing the production date or an invoice would change this.
warranty-clause-production-grace = No proof of purchase: the warranty is counted from the production date plus { $days } days, that is from { $until }.
warranty-clause-before-start = Counted as new until { $until }: covered for repair.
warranty-clause-excluded-cause = { $cause ->
    [user_damage] Damage from misuse or an accident (drops, scratches, moving) is not covered.
    [liquid_ingress] Damage from liquid getting inside is not covered.
    [wrong_voltage] Damage from an unsuitable power supply voltage is not covered.
    [unauthorized_repair] Faults after repair, modification or dismantling by an unauthorised party are not covered.
    [unlicensed_software] Faults caused by unlicensed software or computer viruses are not covered.
    [force_majeure] Damage from force majeure (earthquake, fire, flood, lightning) is not covered.
   *[third_party_accessory] Faults caused by accessories not supplied by us are not covered by our warranty.
}
warranty-clause-return-window = The { $days }-day return window ends { $until }.
warranty-clause-exchange-window = The { $days }-day exchange window ends { $until }.
warranty-clause-whole-unit-term = The whole unit is covered until { $until } ({ $months } months).
warranty-clause-main-part-term = The { warranty-part } is a main part, covered until { $until } ({ $months } months).
warranty-clause-replaced-part-term = The replaced { warranty-part } is covered again until { $until } ({ $months } months from its replacement).
warranty-clause-repeat-failure-exchange = The same part failed again after { $repairs ->
    [one] a warranty repair
   *[other] { $repairs } warranty repairs
}: you may also choose an exchange (this applies until { $until }).
warranty-clause-parts-wait-exchange = No repair within { $days } days for lack of parts: you may also choose an exchange (this applies until { $until }).
warranty-clause-expired = { $part ->
    [unit] The warranty ended on { $until }.
   *[other] The whole unit's warranty has ended; the { warranty-part }'s longer term ended on { $until }.
}
warranty-clause-expired-by = { $part ->
    [unit] The warranty ended on { $until } at the latest.
   *[other] The whole unit's warranty has ended; the { warranty-part }'s longer term ended on { $until } at the latest.
}
warranty-clause-on-site-service = Free on-site service runs until { $until }.
warranty-preliminary = This is a preliminary answer: the engineer's inspection decides.
warranty-depends = It depends on the exact { $basis ->
    [production] production
   *[purchase] purchase
} day. { $basis ->
    [production] If it was made
   *[purchase] If you bought it
} on or after { $date }:
warranty-depends-earlier = { $basis ->
    [production] If it was made
   *[purchase] If you bought it
} before { $date }, the answer may be less favourable (fewer choices, or a charge): the engineer confirms it from { $basis ->
    [production] the nameplate
   *[purchase] your invoice
}.
warranty-depends-before = If { $basis ->
    [production] it was made
   *[purchase] you bought it
} before { $date }:
warranty-depends-likely = It depends on the exact { $basis ->
    [production] production
   *[purchase] purchase
} day. Most likely { $basis ->
    [production] it was made
   *[purchase] you bought it
} before { $date }, and then:
warranty-depends-between = If { $basis ->
    [production] it was made
   *[purchase] you bought it
} between { $from } and { $to }:
warranty-depends-likely-between = It depends on the exact { $basis ->
    [production] production
   *[purchase] purchase
} day. Most likely { $basis ->
    [production] it was made
   *[purchase] you bought it
} between { $from } and { $to }, and then:
warranty-depends-only-from = Only if { $basis ->
    [production] it was made
   *[purchase] you bought it
} on or after { $date }:
warranty-depends-only-on = Only if { $basis ->
    [production] it was made
   *[purchase] you bought it
} on { $date }:
warranty-depends-confirm = The engineer confirms the exact day from { $basis ->
    [production] the nameplate
   *[purchase] your invoice
}.
warranty-dates-approximate = The dates count from the earliest day { $basis ->
    [production] it may have been made
   *[purchase] you may have bought it
}; the exact day on { $basis ->
    [production] the nameplate
   *[purchase] your invoice
} may move them later.
warranty-clause-no-proof-photo-sent = There is no proof of purchase or production date yet: the engineer will read the production date on your nameplate photo, and the warranty follows from it.
