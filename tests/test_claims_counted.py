"""What a figure counts where the parse hides it (issue 13, lane claims4): a model's name before the
counted weapons ("50 M-1978 Koksan howitzers"), and people of a nationality a state sends or places
abroad ("has placed 8,000 North Koreans in Kursk"), with the near-misses that stay no claim. The
sentences are written for these tests; none is copied from an article.
"""

from __future__ import annotations

from tests.claim_cases import figures_test

test_counted_found = figures_test(
    [
        # A model's name the parse makes the counted noun: the weapons it names are counted.
        (
            "Analysts said North Korea had delivered nearly 60 M-1978 “Koksan” self-propelled howitzers to Russia.",
            [("PRK", 60, 60)],
        ),
        # People of a nationality a state places, deploys or sends abroad.
        (
            "According to Western officials, Moscow has placed some 9,000 North Koreans along the front.",
            [("PRK", 9000, 9000)],
        ),
        ("Some 15,000 North Koreans were sent to Russia last year, Seoul said.", [("PRK", 15000, 15000)]),
    ],
)


test_counted_unchanged = figures_test(
    [
        ("Pyongyang shipped 40 M1989 Koksan howitzers to Moscow in May.", [("PRK", 40, 40)]),
        # A lower-case modifier is no model's name: "60-ton ... missile" counts tons, not missiles.
        ("Moscow may have decided to transfer an advanced 60-ton solid propellant missile to Pyongyang.", []),
        ("The airline ordered 30 Boeing 737 jets.", []),
        # People of a nationality who live somewhere or act are no deployment.
        ("Some 9,000 North Koreans live in the Russian Far East.", []),
        ("About 2,000 North Koreans sent letters to the embassy.", []),
        ("The spy agency placed North Korean casualties at about 3,000.", [("PRK", 3000, 3000)]),
    ],
)
