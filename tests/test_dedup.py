from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.dedup import (
    DEFAULT_THRESHOLD,
    NUM_PERM,
    assign_clusters,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    similarity,
    words,
)

REPO_ROOT = Path(__file__).resolve().parents[1]

WIRE_BODY = """\
North Korean leader Kim Jong Un and Russian President Vladimir Putin signed a comprehensive \
strategic partnership treaty on Wednesday that commits each country to provide immediate military \
assistance to the other if it comes under armed attack, according to the text released by state media.

The agreement, signed at the Kumsusan guest house in Pyongyang during Putin's first visit to North \
Korea in 24 years, is the strongest link between Moscow and Pyongyang since the end of the Cold War. \
Kim called the treaty the most powerful in the history of relations between the two countries and \
said it was purely peaceful and defensive in character.

Putin said Russia did not rule out developing military and technical cooperation with North Korea \
in accordance with the treaty, and accused the United States and its allies of breaching sanctions \
regimes and supplying long-range precision weapons to Ukraine.

South Korea's presidential office said it would convene a national security council meeting to \
review the implications of the pact. Officials in Seoul and Washington have accused Pyongyang of \
shipping artillery shells and ballistic missiles to Russia for use in Ukraine, which both countries deny.

China, North Korea's main ally and economic lifeline, declined to comment directly on the treaty. \
A foreign ministry spokesperson in Beijing said cooperation between Russia and North Korea was a \
matter for the two sovereign states.

Analysts said the mutual defence clause echoed a 1961 treaty between Pyongyang and the Soviet Union \
and could complicate efforts at the United Nations Security Council to enforce sanctions over North \
Korea's nuclear and missile programmes."""

WIRE = (
    "SEOUL, June 19 (Reuters) - "
    + WIRE_BODY
    + (
        "\n\nReporting by Hyonhee Shin and Ju-min Park in Seoul; additional reporting by Guy Faulconbridge "
        "in Moscow; Editing by Lincoln Feast and Gerry Doyle"
    )
)

SYNDICATED = (
    "Putin and Kim sign mutual defence pact\n"
    "By Reuters staff | Published 19 June 2024, 14:05 KST | Updated 15:30 KST\n\n"
    "PYONGYANG — " + WIRE_BODY + "\n\n"
    "Copyright 2024 Thomson Reuters. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.\nRead more: Why the treaty matters for Asia; "
    "Subscribe to our Korea newsletter."
)

# the same copy lightly edited by a desk: a few words changed, a paragraph cut, one added
REWRITE = (
    WIRE_BODY.replace("on Wednesday", "on June 19")
    .replace("state media", "North Korea's official KCNA news agency")
    .replace("strongest link", "strongest tie")
    .replace("declined to comment directly on the treaty", "did not comment directly on the agreement")
    .replace(
        "Analysts said the mutual defence clause echoed a 1961 treaty between Pyongyang and the Soviet "
        "Union and could complicate efforts at the United Nations Security Council to enforce sanctions "
        "over North Korea's nuclear and missile programmes.",
        "Japan's chief cabinet secretary said Tokyo was gravely concerned by the agreement.",
    )
)

# same actors and topic, different event
OTHER_STORY = """\
SEOUL, March 3 (Reuters) - North Korea fired several short-range ballistic missiles into the sea \
off its east coast on Sunday, South Korea's military said, days after Kim Jong Un inspected an \
artillery drill and Russian President Vladimir Putin praised ties with Pyongyang.

The Joint Chiefs of Staff in Seoul said the missiles were launched from the Pyongyang area and flew \
about 300 km before splashing down outside Japan's exclusive economic zone. Japan's defence ministry \
said there were no reports of damage to ships or aircraft.

The launches came as the United States and South Korea held annual military exercises, which \
Pyongyang calls rehearsals for invasion. North Korea's state media did not immediately report the \
tests. China urged all sides to exercise restraint, and a Kremlin spokesman declined to comment.

Officials in Washington said they were consulting closely with allies and called on Pyongyang to \
refrain from further destabilising acts and to return to dialogue on its nuclear and missile \
programmes, which are banned by United Nations Security Council resolutions.

Reporting by Josh Smith; Editing by Michael Perry"""

YET_ANOTHER = """\
BEIJING (AP) — Chinese and Russian diplomats met in Beijing on Friday to discuss trade and energy \
projects, including a planned gas pipeline through Mongolia, and Chinese Foreign Minister Wang Yi said \
relations with Moscow were at their best level in history. North Korea was not on the agenda, \
officials said, although the ministers briefly discussed the situation on the Korean Peninsula."""


def test_syndicated_copy_clusters_with_the_wire_story() -> None:
    wire, copy = signature(WIRE), signature(SYNDICATED)
    assert similarity(wire, copy) >= 0.7
    clusters = assign_clusters([("wire", wire), ("copy", copy)])
    assert clusters == {"wire": "wire", "copy": "wire"}


def test_light_rewrite_clusters_with_the_wire_story() -> None:
    wire, rewrite = signature(WIRE), signature(REWRITE)
    assert similarity(wire, rewrite) >= DEFAULT_THRESHOLD
    assert assign_clusters([("rewrite", rewrite)], [("wire", "c-1", wire)]) == {"rewrite": "c-1"}


def test_different_stories_on_the_same_topic_stay_apart() -> None:
    sigs = {name: signature(text) for name, text in [("wire", WIRE), ("other", OTHER_STORY)]}
    assert similarity(sigs["wire"], sigs["other"]) < 0.15
    assert similarity(sigs["wire"], signature(YET_ANOTHER)) < 0.15
    # the entities really are shared: this is not a trivially different pair
    shared = {"kim", "jong", "un", "putin", "pyongyang", "seoul", "korea", "russian", "ukraine"}
    assert shared - {"ukraine"} <= set(words(OTHER_STORY)) and shared <= set(words(WIRE))
    clusters = assign_clusters([*sigs.items(), ("third", signature(YET_ANOTHER))])
    assert clusters == {"wire": "wire", "other": "other", "third": "third"}


def test_joins_the_most_similar_cluster() -> None:
    wire, copy, rewrite = signature(WIRE), signature(SYNDICATED), signature(REWRITE)
    existing = [("a-other", "c-other", signature(OTHER_STORY)), ("a-wire", "c-wire", wire)]
    result = assign_clusters([("new-rewrite", rewrite), ("new-copy", copy)], existing)
    assert result == {"new-rewrite": "c-wire", "new-copy": "c-wire"}
    # an article that is already stored keeps its cluster
    assert assign_clusters([("a-wire", wire)], existing) == {"a-wire": "c-wire"}


def test_new_articles_match_each_other_in_order() -> None:
    result = assign_clusters([("first", signature(SYNDICATED)), ("second", signature(WIRE))])
    assert result == {"first": "first", "second": "first"}


def test_signature_shape_and_serialisation() -> None:
    sig = signature(WIRE)
    assert len(sig) == NUM_PERM
    assert all(isinstance(v, int) and 0 <= v < 2**32 for v in sig)
    blob = signature_to_bytes(sig)
    assert len(blob) == 4 * NUM_PERM and signature_from_bytes(blob) == sig
    assert json.loads(json.dumps(list(sig))) == list(sig)
    assert signature(WIRE.upper().replace("\n", "  ")) == sig  # case and spacing do not matter


def test_empty_and_short_texts() -> None:
    assert signature("") == () and signature("  ... — !") == ()
    assert similarity((), signature(WIRE)) == 0.0
    assert signature_to_bytes(()) == b"" and signature_from_bytes(b"") == ()
    short = signature("Kim meets Putin")
    assert len(short) == NUM_PERM and similarity(short, signature("kim MEETS putin!")) == 1.0
    result = assign_clusters([("e1", ()), ("e2", ()), ("s", short)])
    assert result == {"e1": "e1", "e2": "e2", "s": "s"}  # wordless articles never match


def test_estimates_track_true_jaccard() -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(5000)]
    base = [rng.choice(vocab) for _ in range(600)]
    for keep in (0.9, 0.6, 0.3):
        cut = int(len(base) * keep)
        other = base[:cut] + [rng.choice(vocab) for _ in range(len(base) - cut)]

        def shingles(ws: list[str]) -> set[str]:
            return {" ".join(ws[i : i + 5]) for i in range(len(ws) - 4)}

        a, b = shingles(base), shingles(other)
        true = len(a & b) / len(a | b)
        estimate = similarity(signature(" ".join(base)), signature(" ".join(other)))
        assert abs(estimate - true) < 0.12, (keep, true, estimate)


def test_mismatched_signatures_are_refused() -> None:
    with pytest.raises(ValueError, match="DEDUP_VERSION"):
        similarity(signature(WIRE), signature(WIRE)[:64])
    with pytest.raises(ValueError, match="DEDUP_VERSION"):
        assign_clusters([("n", signature(WIRE)[:64])], [("e", "e", signature(WIRE))])
    with pytest.raises(ValueError, match="threshold"):
        assign_clusters([], threshold=0)


def test_deterministic_across_processes() -> None:
    code = "import json, sys; from extractors.dedup import signature; print(json.dumps(signature(sys.stdin.read())))"
    expected = list(signature(WIRE))
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=WIRE,
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=60,
        ).stdout
        assert json.loads(out) == expected


def _synthetic_article(rng: random.Random, vocab: list[str], length: int = 250) -> str:
    return " ".join(rng.choice(vocab) for _ in range(length))


def test_lsh_scales_to_thousands_of_articles() -> None:
    rng = random.Random(2024)
    # a topical vocabulary, so unrelated articles still share many words (as same-topic news does)
    vocab = [f"w{i}" for i in range(1500)]
    existing_texts = {f"e{i}": _synthetic_article(rng, vocab) for i in range(3000)}
    started = time.perf_counter()
    existing = [(aid, f"cluster-{aid}", signature(text)) for aid, text in existing_texts.items()]
    signing = time.perf_counter() - started

    def variant(text: str) -> str:  # new lead-in and footer, one sentence changed
        ws = text.split()
        ws[120:130] = ["changed"] * 10
        return "UPDATED lead in by staff " + " ".join(ws) + " footer copyright all rights reserved"

    new = [(f"n{i}", signature(variant(existing_texts[f"e{i * 73}"]))) for i in range(40)]
    new += [(f"fresh{i}", signature(_synthetic_article(rng, vocab))) for i in range(200)]
    new.append(("n0-again", new[0][1]))

    started = time.perf_counter()
    result = assign_clusters(new, existing)
    clustering = time.perf_counter() - started

    for i in range(40):
        assert result[f"n{i}"] == f"cluster-e{i * 73}"
    for i in range(200):
        assert result[f"fresh{i}"] == f"fresh{i}"
    assert result["n0-again"] == "cluster-e0"
    assert signing < 30 and clustering < 10, (signing, clustering)
