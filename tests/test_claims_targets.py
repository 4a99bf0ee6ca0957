"""Whose arms are fired, aimed and stopped (stop 37, lane claims8): the target of a firing is not the owner of the
arms fired ("fired at targets across Ukraine"), a relative clause of firing names the owner as one of sending does
("the 45 drones Russia launched"), and whoever shoots down, intercepts or destroys arms is not whose they are
("Kyiv said it shot down 40 drones": no owner in the sentence, so the article's last owner of arms or none). Arms
with their own state keep it. The sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test

test_owner_of_arms_fired_and_stopped = figures_test(
    [
        # The target is not the owner.
        ("Officials said 60 drones had been fired at targets across Moldova overnight.", [(None, 60, 60)]),
        # A relative clause of firing or launching names the owner.
        ("Kyiv said it had shot down 40 of the 45 drones Russia launched.", [("RUS", 40, 40), ("RUS", 45, 45)]),
        ("Israel intercepted nearly all of the 300 drones and missiles Iran fired.", [("IRN", 300, 300)]),
        # The interceptor is not the owner: none in the sentence, or the state the arms came from.
        ("Ukraine's air force said it had shot down 40 drones.", [(None, 40, 40)]),
        ("Poland shot down two drones that entered its airspace from Belarus.", [("BLR", 2, 2)]),
        ("The Ukrainian army destroyed 12 tanks near Avdiivka.", [(None, 12, 12)]),
        # ... and an earlier owner of the article's arms carries to them.
        (
            "Russia launched 45 drones at Odesa overnight. Ukraine's air force said it had shot down 40 drones.",
            [("RUS", 40, 40), ("RUS", 45, 45)],
        ),
    ],
)


test_owner_of_arms_near_misses = figures_test(
    [
        # Near-misses: the firer, the loser, the sender and arms of a named state keep their owner.
        ("Russia fired more than 200 missiles and drones at Ukraine overnight.", [("RUS", 200, None)]),
        ("North Korea fired 10 artillery shells into the sea.", [("PRK", 10, 10)]),
        ("Russia's air defences destroyed 22 Ukrainian drones over Belgorod.", [("UKR", 22, 22)]),
        ("Ukraine has lost 20 tanks near Avdiivka.", [("UKR", 20, 20)]),
        ("Russia has deployed 50 tanks near the border with Finland.", [("RUS", 50, 50)]),
        (
            "Ukrainian air defences intercepted 25 of the 30 missiles launched by Russia.",
            [("RUS", 25, 25), ("RUS", 30, 30)],
        ),
    ],
)
