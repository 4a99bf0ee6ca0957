"""Claims as news reports them: a figure's subject comes from what it counts, then from the total it
measures, then from its clause, and from the source that reports it only when nothing else names one;
and the ways news writes a figure (totals, bounds, elided nouns, containers, budgets, trade).

The sentences are written for these tests in the manner of coverage of North Korean troops in Russia
(issue 13); none is copied from an article.
"""

from __future__ import annotations

from spacy.language import Language

from tests.claim_cases import claims, figures_test, no_figures_test
from tests.helpers import claim_figures

test_subject_and_value = figures_test(
    [
        # The counted phrase names its state; the reporting agency is not the subject.
        (
            "Some 3,000 more soldiers arrived last month, South Korea's National Intelligence Service said, "
            "bringing the total North Korean deployment to roughly 14,000 troops.",
            [("PRK", 3000, 3000), ("PRK", 14000, 14000)],
        ),
        ("About 1,100 North Korean soldiers were killed or wounded, Seoul's spy agency said.", [("PRK", 1100, 1100)]),
        (
            "The Pentagon said that about 11,000 troops from North Korea were fighting alongside Russian forces.",
            [("PRK", 11000, 11000)],
        ),
        # Where the counted people go is not whose they are.
        (
            "Kim Jong Un has sent up to 6,000 military engineers to Kursk, Russian officials said.",
            [("PRK", None, 6000)],
        ),
        (
            "Kyiv estimates that Moscow has deployed nearly 50,000 soldiers in the Kursk region.",
            [("RUS", 50000, 50000)],
        ),
        # The total the figure measures: its subject or object names the state.
        (
            "Russia's losses in the war have exceeded 700,000 troops, the Ukrainian general staff said.",
            [("RUS", 700000, None)],
        ),
        (
            "North Korean casualties have reached about 4,700, including 600 dead, according to lawmakers.",
            [("PRK", 600, 600), ("PRK", 4700, 4700)],
        ),
        ("The spy agency put the number of North Korean casualties at about 3,000.", [("PRK", 3000, 3000)]),
        (
            "The death toll among North Korean troops has risen to around 1,000, Ukrainian intelligence said.",
            [("PRK", 1000, 1000)],
        ),
        # The clause's own actor, including a raised one ("X is estimated to have sent").
        ("North Korea is estimated to have sent 10,000 to 12,000 troops to Russia.", [("PRK", 10000, 12000)]),
        (
            "North Korea has sent about 15,000 workers to Russia this year, the NIS told lawmakers.",
            [("PRK", 15000, 15000)],
        ),
        (
            "Beijing has sold Moscow over $9 billion of chips and machinery, U.S. officials said.",
            [("CHN", 9e9, None)],
        ),
        # Containers of what is counted; a possessive before the count.
        (
            "Pyongyang has shipped more than 10,000 containers of artillery shells to Russia, "
            "according to the South Korean military.",
            [("PRK", 10000, None)],
        ),
        (
            "The United States said North Korea had sent at least 1,000 containers of military equipment "
            "and munitions to Russia.",
            [("PRK", 1000, None)],
        ),
        (
            "Nearly half of North Korea's 25,000 troops in Russia have been killed or injured, "
            "the Ukrainian military claimed.",
            [("PRK", 25000, 25000)],
        ),
        # A count with its noun left out: the noun counted before it in the sentence.
        (
            "At least 100 North Korean soldiers have died and another 1,000 have been injured, "
            "a South Korean lawmaker said.",
            [("PRK", 100, None), ("PRK", 1000, 1000)],
        ),
        (
            "The intelligence service told lawmakers that North Korea's losses included more than 300 dead "
            "and 2,700 injured.",
            [("PRK", 300, None), ("PRK", 2700, 2700)],
        ),
        # Spelled-out numbers and ranges.
        (
            "Ukrainian officials said twelve thousand North Korean soldiers were stationed in Kursk.",
            [("PRK", 12000, 12000)],
        ),
        (
            "Between 1,000 and 3,000 North Korean soldiers are thought to have died, a Western official said.",
            [("PRK", 1000, 3000)],
        ),
        ("Russia's exports to India will rise to 13.5 trillion roubles next year.", [("RUS", 13.5e12, 13.5e12)]),
        # "a million"; a claim word as the compound of what is counted.
        (
            "Washington said North Korea had sent more than a million rounds of ammunition to Russia.",
            [("PRK", 1e6, None)],
        ),
        (
            "North Korea's troop presence in Russia now numbers about 15,000, officials in Seoul estimate.",
            [("PRK", 15000, 15000)],
        ),
        # Money a state trades is its own figure, whatever the goods' origin; 4.1 billion stays 4.1e9.
        ("China imported $4.1 billion of Russian coal in the first quarter.", [("CHN", 4.1e9, 4.1e9)]),
        # Containers sent by a weapon verb count arms, in the clause or a relative clause that sends them;
        # whose they are is the sender's, not the reporter's.
        (
            "Pyongyang has sent at least 12,000 containers to Russia since 2023, officials in Seoul said.",
            [("PRK", 12000, None)],
        ),
        (
            "Seoul estimates that the more than 7,000 containers Pyongyang has shipped could hold millions of shells.",
            [("PRK", 7000, None)],
        ),
        # Who lost them owns the figure, whichever troops were named before.
        (
            "North Korean troops fought in Kursk. According to Moscow, the Ukrainian military lost more than "
            "50,000 troops killed and wounded in the region.",
            [("UKR", 50000, None)],
        ),
        # A total put by "be", its subject raised to the verb above.
        (
            "Officials in Kyiv said North Korean casualties in Kursk were believed to be around 2,500.",
            [("PRK", 2500, 2500)],
        ),
        ("North Korean casualties are around 4,000, a lawmaker said.", [("PRK", 4000, 4000)]),
        # "nearly N" is about N (news coding: bench/data/news/README.md), like "about" and "some".
        ("Nearly 3,000 North Korean soldiers have been wounded, the spy agency said.", [("PRK", 3000, 3000)]),
    ],
)


def test_a_source_is_the_subject_only_when_nothing_else_is_named(nlp: Language) -> None:
    # Nothing but the source names a state: its figure is still stored, with the source's state.
    (claim,) = claims(nlp, "About 300 soldiers were killed in the strike, Ukraine's military said.")
    assert (claim.subject_id, claim.value_low) == ("UKR", 300)


def test_the_north_in_korean_coverage(nlp: Language) -> None:
    text = (
        "North Korea has not confirmed the deployment. South Korea's military estimates that the North has "
        "lost some 4,000 soldiers, and that the North has sent around 3,000 reinforcements."
    )
    assert claim_figures(nlp, text) == [("PRK", 3000, 3000), ("PRK", 4000, 4000)]
    # Without Korea in the article, "the North" is no state.
    (claim,) = claims(nlp, "Rebels in the North have killed at least 40 soldiers, Mali's army said.")
    assert claim.subject_id == "MLI"


def test_what_is_counted(nlp: Language) -> None:
    by_value = {
        c.value_low or c.value_high: c
        for text in (
            "Pyongyang has shipped more than 10,000 containers of artillery shells to Russia.",
            "Russia's exports to India will rise to 13.5 trillion roubles next year.",
            "North Korean casualties have reached about 4,700, according to lawmakers.",
            "At least 100 North Korean soldiers have died and another 1,000 have been injured.",
        )
        for c in claims(nlp, text)
    }
    assert by_value[10000].what == "containers of artillery shells"
    assert (by_value[13.5e12].what, by_value[13.5e12].unit) == ("export to IND", "RUB")
    assert (by_value[4700].what, by_value[4700].hedged) == ("casualties", True)
    # "another 1,000" injured is a figure of its own, not an addition to the soldiers deployed.
    assert by_value[1000].what == "soldiers injured"


test_still_not_claims = no_figures_test(
    [
        "The island nation's tourism revenue rose to $4 billion last year.",
        "Thousands of North Korean troops have been killed, Ukrainian officials said.",
        "The talks went into a second round of negotiations on Friday.",
        "North Korea's 2023 budget was not published.",
        # Containers no weapon verb sends are trade.
        "The port of Busan handled 24,000 containers last week.",
    ],
)


def test_a_bare_total_counts_the_noun_counted_before_it(nlp: Language) -> None:
    text = "Pyongyang has sent another 3,000 troops, bringing the total to about 14,000, Seoul's spy agency said."
    found = {(c.subject_id, c.value_low, c.what, c.unit) for c in claims(nlp, text)}
    assert ("PRK", 14000, "troops", "troops") in found, found  # the new total, not an addition
    assert ("PRK", 3000, "additional troops", "troops") in found, found
    # A total with nothing counted before it is no figure of troops.
    assert not claims(nlp, "The ministry said the total rose to 14,000 last year.")
    # "the number of X" names its own noun, whatever was counted before it.
    text = "Seoul counted 200 more casualties, bringing the number of North Korean soldiers in Russia to 14,000."
    assert ("PRK", 14000, "soldiers") in {(c.subject_id, c.value_low, c.unit) for c in claims(nlp, text)}
