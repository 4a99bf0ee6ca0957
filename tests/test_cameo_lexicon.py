"""The CAMEO-derived fallback verbs: scripts/build_cameo_lexicon.py on a dictionary excerpt, the
committed file against PETRARCH2's dictionary, and the layer under the hand lexicon in the extractor."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.extract import extract_text
from extractors.lexicon import load_lexicon, parse_lexicon, with_fallback_verbs

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scripts" / "build_cameo_lexicon.py"
COMMITTED = REPO_ROOT / "extractors" / "data" / "cameo_lexicon.json"
PETRARCH2_MIRROR = Path("/work/.mirror/openeventdata+petrarch2/repo")
DICTIONARY_IN_REPO = "petrarch2/data/dictionaries/CAMEO.2.0.txt"

# A few blocks in PETRARCH2's format: a synset, block codes, a verb's own code, patterns naming the verb
# they were written for, a pre-verb noun, a preposition, a code without a PLOVER category.
EXCERPT = """\
# test excerpt
####### SYNONYM SETS #######
&FOOD
+FOOD
+GRAIN

####### VERB PATTERNS #######
---  HURRY   [---]  ---
RUSH
HURRY {HURRIES HURRYING HURRIED }
- * AID                  [070]       # RUSH
- * &FOOD                [073]       # RUSH
- * (TO)                 [042:043]   # RUSH
- * (TO BORDER)          [154]       # RUSH
- * (TO FRONT) (WITH ARMS) [154]     # RUSH
- * SUPPORT              [022]       # RUSH

---  SCOLD   [111]  ---
SCOLD
CHIDE  [---]
- * {HARSH WORDS}        [012]       # SCOLD
- PROTESTER *            [140]       # SCOLD

---  ASK   [---]  ---
ASK     [020]
- * MEETING              [036]       # ASK

---  MEET   [111]  ---
MEET
"""
TABLE = """\
03: AGREE
036: AGREE,  , diplomatic # Express intent to meet or negotiate
04: CONSULT
042: CONSULT, visit,   # Make a visit
07: AID
070: AID,   ,  # Provide aid
073: AID,   ,   humanitarian # Provide humanitarian aid
11: ACCUSE
111: ACCUSE, disapprove,    # Criticize or denounce
14: PROTEST
140: PROTEST,   ,  # Engage in political dissent
15: MOBILIZE
154: MOBILIZE, troops, military # Mobilize or increase armed forces
"""


def build(tmp_path: Path, *extra: str, excerpt: str = EXCERPT, table: str = TABLE) -> subprocess.CompletedProcess[str]:
    (tmp_path / "CAMEO.txt").write_text(excerpt, encoding="utf-8")
    (tmp_path / "table.txt").write_text(table, encoding="utf-8")
    command = [sys.executable, str(SCRIPT), str(tmp_path / "CAMEO.txt"), "--table", str(tmp_path / "table.txt")]
    return subprocess.run([*command, *extra], capture_output=True, text=True, check=False)


def test_build_converts_patterns_to_entries(tmp_path: Path) -> None:
    out = tmp_path / "cameo.json"
    result = build(tmp_path, "--out", str(out))
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["verbs"] == {
        # no default code: fires only on its objects; "support" (an appeal, 02x) adds nothing
        "rush": {
            "type": "AID",
            "subject_required": True,
            # `* (TO BORDER)`: the preposition's object decides ("rushed to the border")
            "by_object": {"aid": "AID", "food": "AID", "grain": "AID", "(to) border": "MOBILIZE/troops"},
            "object_required": True,
        },
        # `* (TO)` is a visit, unless the object says otherwise ("rushed aid to"; "support": 02x, none)
        "rush to": {
            "type": "CONSULT",
            "subject_required": True,
            "mode": "visit",
            "by_object": {
                "aid": "AID",
                "food": "AID",
                "grain": "AID",
                "(to) border": "MOBILIZE/troops",
                "support": "-",
            },
            "recipient_preps": ["to"],
        },
        # default from the block; a 01x object is no event, a pre-verb noun the subject's condition
        "scold": {
            "type": "DISAPPROVE",
            "subject_required": True,
            "by_object": {"harsh words": "-", "harsh word": "-"},
            "by_subject": {"protester": "PROTEST"},
            "transitive": True,  # a bare verb's default needs an object
        },
        # the verb's own code (an appeal) overrides the block's; only its pattern gives an event
        "ask": {"type": "AGREE", "subject_required": True, "by_object": {"meeting": "AGREE"}, "object_required": True},
        "meet": {"type": "DISAPPROVE", "subject_required": True, "transitive": True},
    }
    # hurry (no code, no pattern of its own) and chide (own code ---) give nothing; a pattern with two
    # prepositional phrases cannot be held by the lexicon and is counted
    summary = document["about"]["summary"]
    assert summary["patterns dropped: prepositional phrase with a noun"] == 1
    assert summary["patterns kept: prepositional object"] == 1
    assert summary["entries written"] == 5
    assert "MIT License" in document["about"]["license"][0]
    assert "patterns read: 9" in result.stdout


def test_a_synset_with_a_hand_class_gives_the_class_as_a_key(tmp_path: Path) -> None:
    # &WEAPON means what the hand lexicon's "weapons" class means: the class's words ("arms") match too;
    # a synset with no such class (&FOOD) gives its own words only
    excerpt = """\
####### SYNONYM SETS #######
&WEAPON
+GUN
+RIFLE
&FOOD
+GRAIN

####### VERB PATTERNS #######
---  LAY   [---]  ---
LAY
- * DOWN &WEAPON         [0871]      # LAY
---  HURRY   [070]  ---
RUSH
- * &FOOD                [073]       # RUSH
"""
    table = "08: YIELD\n087: RETREAT, ceasefire, # De-escalate\n07: AID\n070: AID\n073: AID, , humanitarian\n"
    out = tmp_path / "cameo.json"
    result = build(tmp_path, "--out", str(out), excerpt=excerpt, table=table)
    assert result.returncode == 0, result.stderr
    verbs = json.loads(out.read_text(encoding="utf-8"))["verbs"]
    assert verbs["lay down"]["by_object"] == {
        "gun": "RETREAT/ceasefire",
        "rifle": "RETREAT/ceasefire",
        "weapons": "RETREAT/ceasefire",
    }
    assert set(verbs["rush"]["by_object"]) == {"grain"}


def test_a_verb_in_several_blocks_takes_the_one_code_they_agree_on(tmp_path: Path) -> None:
    # "shun" is listed in an uncoded block and a coded one: the coded block's default and table; "spurn"
    # is in two blocks with the same code; "snub" in two with different codes and "let" in a generic
    # block (its loose reading) are left out, as before
    excerpt = """\
####### VERB PATTERNS #######
---  AVOID   [---]  ---
SHUN
SNUB
LET
---  SCOLD   [111]  ---
SHUN
SPURN
SNUB
- * AID                  [070]       # SHUN
---  REBUFF   [111]  ---
SPURN
---  SLIGHT   [140]  ---
SNUB
---  ALLOW   [080]  ---
LET
"""
    table = "07: AID\n070: AID\n08: YIELD\n11: ACCUSE\n111: ACCUSE, disapprove\n14: PROTEST\n"
    out = tmp_path / "cameo.json"
    result = build(tmp_path, "--out", str(out), excerpt=excerpt, table=table)
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    verbs = document["verbs"]
    assert verbs["shun"] == {
        "type": "DISAPPROVE",
        "subject_required": True,
        "by_object": {"aid": "AID"},
        "transitive": True,
    }
    assert verbs["spurn"]["type"] == "DISAPPROVE"
    assert "snub" not in verbs and "let" not in verbs
    summary = document["about"]["summary"]
    assert summary["verbs in several blocks, one code (kept)"] == 2
    assert summary["verbs in several blocks (left out)"] == 2


def test_build_check_reports_a_stale_file(tmp_path: Path) -> None:
    out = tmp_path / "cameo.json"
    out.write_text("{}\n", encoding="utf-8")
    stale = build(tmp_path, "--out", str(out), "--check")
    assert stale.returncode == 1 and "out of date" in stale.stderr
    assert build(tmp_path, "--out", str(out)).returncode == 0
    assert build(tmp_path, "--out", str(out), "--check").returncode == 0


def test_build_names_a_missing_dictionary(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "absent.txt")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2 and "absent.txt" in result.stderr


def test_committed_file_is_what_the_script_makes_from_petrarch2(tmp_path: Path, shared_dir: Path) -> None:
    if shutil.which("git") is None or not PETRARCH2_MIRROR.is_dir():
        pytest.skip(f"PETRARCH2 is not fetched at {PETRARCH2_MIRROR}")
    dictionary = tmp_path / "CAMEO.2.0.txt"
    shown = subprocess.run(
        ["git", "-C", str(PETRARCH2_MIRROR), "show", f"HEAD:{DICTIONARY_IN_REPO}"], capture_output=True, check=True
    )
    dictionary.write_bytes(shown.stdout)
    table = shared_dir / "data" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(dictionary), "--table", str(table), "--out", str(COMMITTED), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_hand_entries_win_and_fallback_only_adds(tmp_path: Path) -> None:
    assert build(tmp_path, "--out", str(tmp_path / "cameo.json")).returncode == 0
    hand = parse_lexicon((files("extractors") / "data" / "event_lexicon.toml").read_text(encoding="utf-8"))
    merged = with_fallback_verbs(hand, (tmp_path / "cameo.json").read_text(encoding="utf-8"))
    assert merged.verbs["meet"] == hand.verbs["meet"]  # the excerpt's MEET [111] does not replace CONSULT
    assert merged.verbs.get("ask") == hand.verbs.get("ask")  # a hand verb (an appeal: DEMAND) stays the hand's
    assert merged.verbs["rush"].by_object["grain"] == "AID"
    assert merged.verbs["scold"].type == "DISAPPROVE"
    assert merged.fallback_verbs == {"rush", "rush to", "scold"}
    assert {"rush", "scold"} <= merged.verb_heads


# Sentences written for this test (news-like, about the story); each verb is known only to the CAMEO layer.
CAMEO_SENTENCES = [
    (
        "Beijing lambasted Washington on Tuesday over its latest arms sale to Taiwan.",
        "lambaste",
        ("DISAPPROVE", "CHN", "USA"),
    ),
    ("Moscow airlifted medical supplies to Pyongyang after the floods.", "airlift", ("AID", "RUS", "PRK")),
    (
        "South Korean officials interrogated the North Korean defector for three weeks.",
        "interrogate",
        ("INVESTIGATE", "KOR", "PRK"),
    ),
    ("Russia rushed emergency aid to North Korea after the typhoon.", "rush", ("AID", "RUS", "PRK")),
]


@pytest.mark.parametrize(("text", "verb", "expected"), CAMEO_SENTENCES)
def test_cameo_verbs_give_events_through_the_extractor(
    nlp: Language, text: str, verb: str, expected: tuple[str, str, str]
) -> None:
    lexicon = load_lexicon()
    assert any(key.split()[0] == verb for key in lexicon.fallback_verbs)
    found = {(e.event_type, e.actor_id, e.recipient_id) for e in extract_text(nlp, text).events}
    assert found == {expected}


def test_generic_and_light_uses_give_no_event(nlp: Language) -> None:
    # "consider" (CAMEO 040) is in a generic block: no default, it fires only on its patterns' objects;
    # a fallback verb is no light verb for an event noun ("reduced its food aid" is not AID)
    lexicon = load_lexicon()
    assert "consider" in lexicon.fallback_verbs and lexicon.verbs["consider"].object_required
    assert not list(extract_text(nlp, "Pyongyang is considering the Russian proposal.").events)
    # "reduce" is a hand verb now (reducing aid is SANCTION, CAMEO 162) but still no light verb
    assert lexicon.verbs["reduce"].not_light
    kinds = {e.event_type for e in extract_text(nlp, "Tokyo reduced its food aid to Pyongyang last year.").events}
    assert kinds == {"SANCTION"}, kinds
    assert not list(extract_text(nlp, "Tokyo reduced its sanctions on Pyongyang last year.").events)


def test_word_classes_index_every_one_word_member_of_the_packaged_classes_and_only_those() -> None:
    from extractors.lexicon import load_lexicon

    lex = load_lexicon()
    expected: dict[str, set[str]] = {}
    for name, words in lex.classes.items():
        for word in words:
            if " " not in word:
                expected.setdefault(word, set()).add(name)
    assert {w: set(c) for w, c in lex.word_classes.items()} == expected
    assert all(list(names) == sorted(names) for names in lex.word_classes.values())
    assert "troops" in lex.word_classes["soldier"]
