"""Claims by causes that recur in any news (lane claims50), not the particulars of the tuning rows.

"Bodies" names the dead and also an office or organisation: counted as acting on something ("four bodies that oversee
tourism", "three bodies dealing with trade") or tied to something ("five bodies linked to drone exports"), they are
organisations, no casualty figure; the dead that lie, wash ashore, are dumped or found stay a figure. Cargo holding
arms counts them by a participle of containing too ("9,000 containers holding shells"), as "containers of shells"
does. Arms a state receives or gets are not its own, also with no sender named: the sender the article named before
owns them, or no one (as with arms shot down). The sentences are written for these tests;
none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test, no_figures_test

test_bodies_that_are_organisations = no_figures_test(
    [
        "The government said it would shut down four bodies that oversee tourism with the South.",
        "Canada imposed sanctions on five bodies tied to Iran's drone exports to Venezuela.",
        "Officials closed three bodies dealing with trade with Chile, Bolivian media reported.",
    ]
)

test_bodies_of_the_dead = figures_test(
    [
        ("Rescuers recovered 14 bodies from the rubble in Aleppo, Syrian officials said.", [("SYR", 14, 14)]),
        ("Peruvian police found 11 bodies lying in a field near Lima.", [("PER", 11, 11)]),
        (
            "Twelve bodies that washed ashore near Tripoli were those of migrants, Libyan officials said.",
            [("LBY", 12, 12)],
        ),
    ]
)

test_cargo_holding_arms = figures_test(
    [
        # What a participle of containing holds is what the cargo counts, as "containers of shells" do.
        (
            "Investigators tracked shipments of nearly 9,000 containers holding Iranian shells and other munitions.",
            [("IRN", 9000, 9000)],
        ),
        ("Satellite photos showed 500 containers containing Iranian drones at the port.", [("IRN", 500, 500)]),
        (
            "Venezuela has reportedly received 4,000 containers holding artillery rounds from Iran.",
            [("IRN", 4000, 4000)],
        ),
    ]
)

test_cargo_holding_no_arms = no_figures_test(
    ["The port handled 300 containers holding bananas from Ecuador last week."]
)

test_arms_received_are_not_the_receivers = figures_test(
    [
        # Who gets arms owns none of them: the sender named before in the article, or no one.
        (
            "Iran has shipped 500 drones to Venezuela. Venezuela is estimated to have received more than 2 million "
            "rounds of shells already.",
            [("IRN", 500, 500), ("IRN", 2000000, None)],
        ),
        ("Venezuela has received more than 2 million artillery shells so far.", [(None, 2000000, None)]),
        # A buyer is left as it is.
        ("Poland bought 250 Abrams tanks last year.", [("POL", 250, 250)]),
    ]
)
