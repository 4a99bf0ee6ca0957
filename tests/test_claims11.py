"""A claim's owner (lane claims11). The dead and hurt of an attack are never the attacker's: the verb's own
"in Israel's offensive" or "by Turkish shelling" already said so, but where the sentence names the act apart
from the verb that counts the dead ("condemned the raid by Boko Haram fighters on a Cameroonian market as the
fighting ended with 31 people dead"), the attacker was the first state the sentence named and took the
figure. A state that holds an act of violence ("the Rwandan offensive") or does it ("the raid by Boko Haram
fighters") anywhere in the sentence is now no owner of its casualty figures; the place struck, named next, is.
A state's workers or troops that a clause places in another state ("6,000 Vietnamese workers are believed to
be in Libya") are a presence abroad, counted as a deployment is; they had counted only when sent. A state a
sentence names only elsewhere than the figure's own words ("shells of the calibre Ukraine's guns also fire",
"near the border with Uganda") yields to the owner of the article's last figure of the kind, up to four
sentences before, as a figure whose sentence names no state takes it. North Korea's Koksan guns, counted by
their name ("36 Koksans"), are arms, not people of a nationality (spaCy tags the name a demonym). People "hit by
gunfire" or "struck by shrapnel" are casualties, as those "shot dead" are. The sentences are written for these
tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_attackers_named_by_the_act_own_no_dead = figures_test(
    [
        (
            "Regional leaders condemned the raid by Boko Haram fighters on a Cameroonian market as the fighting "
            "ended with 31 people dead.",
            [("CMR", 31, 31)],
        ),
        (
            "Gulf states denounced the attack by the Houthi movement on a Saudi oil terminal, which left 14 "
            "people dead.",
            [("SAU", 14, 14)],
        ),
        (
            "European ministers condemned the bombing by Hamas of an Israeli bus as the siege ended with nine "
            "people dead.",
            [("ISR", 9, 9)],
        ),
        ("The raid by Al Shabab on a Kenyan hotel ended with 21 people dead, police said.", [("KEN", 21, 21)]),
    ],
)

test_holders_of_the_act_own_no_dead = figures_test(
    [
        (
            "Neighbours condemned the Rwandan offensive on a Congolese town as the siege ended with 40 people dead.",
            [("COD", 40, 40)],
        ),
    ],
)

test_the_counted_words_own_state_still_first = figures_test(
    [
        # The dead's own state is named: the attacker's act changes nothing.
        ("The Israeli strike on a Syrian base killed 12 Iranian soldiers.", [("IRN", 12, 12)]),
        # Troops and arms are no casualties: the attacker's act does not bar their owner.
        ("The Russian offensive in Kharkiv involved 40,000 Russian troops.", [("RUS", 40000, 40000)]),
    ],
)

test_workers_present_abroad = figures_test(
    [
        ("Some 6,000 Vietnamese workers are believed to be in Libya.", [("VNM", 6000, 6000)]),
        ("Around 1,200 Nepali workers are employed on building sites in Qatar.", [("NPL", 1200, 1200)]),
        ("Roughly 900 Egyptian workers remain in Libya despite the fighting.", [("EGY", 900, 900)]),
    ],
)

test_workers_at_home_or_of_no_state = no_figures_test(
    [
        # At home, of no named state, or not placed anywhere: no presence abroad.
        "About 3,000 Indian workers are in India.",
        "Some 700 workers are in Qatar.",
        "About 400 Pakistani workers attended the rally.",
    ],
)

test_a_state_named_elsewhere_yields_to_the_articles_owner = figures_test(
    [
        (
            "North Korea has sent about 9,000 containers of munitions to Russia. Analysts say they held some 4 "
            "million artillery shells of the calibre Ukraine's guns also fire.",
            [("PRK", 9000, 9000), ("PRK", 4000000, 4000000)],
        ),
        (
            "Rwanda has deployed some 4,000 soldiers in eastern Congo, UN experts say. About 1,000 more soldiers "
            "were seen near the border with Uganda.",
            [("RWA", 4000, 4000), ("RWA", 1000, 1000)],
        ),
        # With no earlier figure of the kind, the state named elsewhere is still the owner.
        ("About 1,000 soldiers were seen near the border with Uganda.", [("UGA", 1000, 1000)]),
    ],
)

test_guns_counted_by_their_name = figures_test(
    [
        ("Pyongyang has shipped 36 Koksans to Russia, Ukrainian intelligence says.", [("PRK", 36, 36)]),
    ],
)

test_people_hit_by_fire = figures_test(
    [
        (
            "Police in Nairobi fired on the march, and 40 protesters were hit by gunfire, a hospital official said.",
            [("KEN", 40, 40)],
        ),
        ("Soldiers opened fire in Lagos, and at least 25 demonstrators were hit by bullets.", [("NGA", 25, None)]),
        ("Around 30 civilians were struck by shrapnel in Kharkiv.", [("UKR", 30, 30)]),
    ],
)

test_things_hit_count_nobody = no_figures_test(
    [
        "About 300 firms were hit by the sanctions.",
        "Dozens of towns were hit by shelling as 12 villages were hit by drones in Sumy.",
    ],
)
