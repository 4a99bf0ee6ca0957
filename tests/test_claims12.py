"""Claims of lane claims12. Cargo a participle fills with arms counts the arms ("trucks left Basra, loaded with
rockets"), as "containers of shells" do, and the place the arms leave names their sender; troops that leave a base
are no cargo. A participle the parse made the verb of a second conjunct ("shipped 300 drones and 40 upgraded
missiles") still counts its noun. A figure in an apposition to one counted just before is a part of that figure
("Four soldiers were among the dead: three officers ..."), and troops of two states named together ("8,000 Kenyan
and Ugandan troops") are neither's figure. A tally named again by "it" ("put the number at 2,000 but raised it to
3,500") counts what the tally counts. The dead of a disaster and troops sent to help with one ("sent 300 soldiers to
fight wildfires") are no figure of a conflict, and prisoners counted as the doers of an act of their own ("700
inmates began a hunger strike") are a group, not a figure of the held. The sentences are written for these tests;
none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_cargo_filled_with_arms = figures_test(
    [
        # The participle hung on the clause the cargo is the subject of; the place left is the sender's.
        ("Some 40 trucks have left Basra for the Syrian border, loaded with rockets and drones.", [("IRQ", 40, 40)]),
        ("Nearly 90 wagons left Latakia, packed with mortar rounds and grenades.", [("SYR", 90, 90)]),
        (
            "About 600 containers left Tartus, filled with artillery shells, the Syrian opposition said.",
            [("SYR", 600, 600)],
        ),
    ],
)

test_cargo_of_no_arms = no_figures_test(
    [
        # Filled with grain, no arms: no figure.
        "Two hundred containers have left Odesa for Istanbul, loaded with wheat.",
        "Dozens of trucks crossed into Lebanon, loaded with grain.",
    ],
)

test_a_participle_read_as_a_verb = figures_test(
    [
        # "40 upgraded missiles": the parse made "upgraded" a verb with "40" its subject.
        (
            "Iran shipped 300 drones and 40 upgraded anti-tank missiles to Sudan.",
            [("IRN", 40, 40), ("IRN", 300, 300)],
        ),
    ],
)

test_parts_and_shared_figures = figures_test(
    [
        # The officers are three of the four dead: the four is the figure.
        (
            "Four Chadian soldiers were among the dead: three officers with gunshot wounds and a driver who was "
            "hit by shrapnel.",
            [("TCD", 4, 4)],
        ),
        # Two states' troops together: neither's figure; one state's stay a figure.
        ("A joint force of 8,000 Kenyan and Ugandan troops is preparing an offensive in Somalia.", []),
        ("About 5,000 Saudi and Emirati soldiers are stationed in Yemen.", []),
        ("About 5,000 Saudi soldiers are stationed in Yemen.", [("SAU", 5000, 5000)]),
    ],
)

test_a_tally_named_again_by_it = figures_test(
    [
        # "raised it to 3,500": "it" is the number the verb joined before it put at 2,000.
        (
            "Ethiopian troops have crossed into Somalia. Mogadishu first put the number at 2,000 but raised it "
            "this week to 3,500.",
            [("ETH", 2000, 2000), ("ETH", 3500, 3500)],
        ),
        (
            "Ethiopian troops have crossed into Somalia. Mogadishu put the number at 2,000 but it was raised to "
            "3,500 on Friday.",
            [("ETH", 2000, 2000), ("ETH", 3500, 3500)],
        ),
    ],
)

test_no_figure_of_a_disaster = no_figures_test(
    [
        # The dead of a flood or an earthquake, troops sent to help rescuers or to fight fires: no figure of a conflict.
        "Floods in northern Nigeria have killed 120 people, officials said.",
        "The quake flattened dozens of villages, killed 640 people and injured 2,300 more.",
        "Chile sent 300 soldiers to fight wildfires near Valparaiso.",
        "Portugal is sending 60 personnel to help with rescue work in Morocco.",
    ],
)

test_figures_beside_rescuers = figures_test(
    [
        # Rescuers searching the rubble after a strike: the strike's dead stay a figure.
        ("Russian strikes killed 12 civilians in Kharkiv as rescue workers searched the rubble.", [("UKR", 12, 12)]),
        ("Sudan's army sent 2,000 troops to El Fasher to help defend the city.", [("SDN", 2000, 2000)]),
    ],
)

test_the_held_acting = no_figures_test(
    [
        # Prisoners or inmates counted as the doers of their own act: a group, not a figure.
        "About 700 Kurdish inmates began a hunger strike in Turkish jails on Monday.",
        "Officials said 1,500 detainees had refused their evening meal in protest.",
    ],
)

test_the_held_as_a_figure = figures_test(
    [
        # Held, freed or still in jail: a figure of the held; captured soldiers stay counted whatever they do.
        ("The three Ethiopian soldiers captured by Sudan belong to an elite unit.", [("ETH", 3, 3)]),
        ("Some 4,000 Palestinian prisoners remain in Israeli jails.", [("PSE", 4000, 4000)]),
        ("Myanmar's junta freed 5,600 political prisoners on Monday.", [("MMR", 5600, 5600)]),
        ("More than 3,000 Ukrainian prisoners are held in Russia.", [("UKR", 3000, None)]),
    ],
)
