"""Critics named earlier in the article (issue 13, lane disapprove42): an official the gazetteer does
not know keeps, under their surname or a pronoun, the state the article gave them where it named them
in full, whether by a title read in context ("Deputy Interior Minister Karel Dvorak ..., the Czech
Interior Ministry said") or by a relative clause of office ("Tomas Varga, who heads the European
department of Hungary's foreign ministry"); "the bloc", "the group", "the alliance" stand for the
organisation of states named just before; "It" opening a sentence stands for the state body that was
the subject of the one before ("The ministry called ... It also criticised"). Every text was written
for this file; the near-misses are a relative clause that holds no office, a namesake named in
between, a titled official whose state the article never gives, "the group" after an armed group or
an NGO, and "It" after a company or no body at all. Each case is a short article of two or three
sentences, so its cases are written out as (what is wanted, text) rather than as one-line cases."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.event_lines import assert_found, assert_not_found

PUBLISHED = date(2025, 6, 12)

FOUND = [
    # A titled official read in context, then the surname alone.
    (
        "DISAPPROVE CZE>POL",
        "Deputy Interior Minister Karel Dvorak met the Polish consul on Tuesday, the Czech Interior Ministry said. "
        "Dvorak denounced Poland's decision to reintroduce border checks.",
    ),
    # A relative clause of office, then the surname or a pronoun.
    (
        "DISAPPROVE HUN>SVK",
        "Tomas Varga, who heads the European department of Hungary's foreign ministry, spoke to reporters on "
        "Monday. Varga condemned Slovakia's decision to close the border.",
    ),
    (
        "DISAPPROVE DNK>NOR",
        "Lena Holm, who leads the trade department of Denmark's foreign ministry, spoke on Friday. "
        "She also condemned Norway's decision to close the port.",
    ),
    (
        "DISAPPROVE ECU>COL",
        "Mateo Ibarra, who is Ecuador's deputy envoy to the talks, spoke on Monday. "
        "Ibarra condemned Colombia's decision to close the crossing.",
    ),
    # "the bloc", "the group", "the alliance" after an organisation of states.
    (
        "DISAPPROVE ASEAN>MMR",
        "Leaders of the Association of Southeast Asian Nations met in Vientiane on Friday. "
        "The bloc condemned Myanmar's air strikes on civilians.",
    ),
    (
        "DISAPPROVE AU>SDN",
        "The African Union opened its summit in Addis Ababa on Sunday. "
        "The group criticised Sudan's decision to expel aid workers.",
    ),
    (
        "DISAPPROVE NATO>BLR",
        "NATO defence ministers met in Brussels on Thursday. "
        "The alliance condemned Belarus's decision to host Russian missiles.",
    ),
    # "It" opening a sentence after one whose subject was a state's body named by a bare noun.
    (
        "DISAPPROVE NOR>FIN",
        "Norway's foreign ministry summoned the Russian envoy on Monday. The ministry called his remarks "
        "unacceptable. It also condemned Finland's decision to close the border.",
    ),
]

NOT_FOUND = [
    # "who is a critic of" a state's government, "who runs a firm in" a state: no office of that state.
    (
        "DISAPPROVE by SWE",
        "Marta Lind, who is a critic of Sweden's government, spoke to reporters on Monday. "
        "Lind condemned Norway's decision to close the border.",
    ),
    (
        "DISAPPROVE by NOR",
        "Nils Berg, who runs a shipping firm in Norway, spoke on Monday. Berg condemned Sweden's new port fees.",
    ),
    # A namesake named between the titled official and the surname: the surname is nobody's for sure.
    (
        "DISAPPROVE by PER",
        "Deputy Foreign Minister Ana Quispe met the Bolivian ambassador on Monday, Peru's Foreign Ministry said. "
        "Rosa Quispe, an opposition lawmaker, spoke later. Quispe condemned Chile's decision to seal the border.",
    ),
    # "the group" whose nearest organisation is an armed group or an NGO, not the bloc named before.
    (
        "DISAPPROVE by EU",
        "The EU imposed sanctions on Tuesday. Hamas fighters released two hostages on Wednesday. "
        "The group condemned Israel's strikes on Gaza.",
    ),
    (
        "DISAPPROVE by EU",
        "The European Union said on Monday it would send monitors. Amnesty International said on Tuesday "
        "the vote was flawed. The group condemned Georgia's new law.",
    ),
    # "It" after a sentence whose subject is a company, or no body at all.
    (
        "DISAPPROVE by NOR",
        "A Norwegian shipping company opened an office in Oslo on Monday. The company posted record profits. "
        "It also criticised Finland's new port tax.",
    ),
    (
        "DISAPPROVE by NOR",
        "Norway's foreign ministry opened a consulate in Murmansk on Monday. The report was published later. "
        "It also condemned Finland's decision to close the border.",
    ),
    # A titled official whose state the article never gives.
    (
        "DISAPPROVE by POL",
        "Deputy Foreign Minister Karel Dvorak met the Polish consul on Tuesday. Dvorak later condemned the decision.",
    ),
]


@pytest.mark.parametrize(("wanted", "text"), FOUND)
def test_critic_named_before(nlp: Language, wanted: str, text: str) -> None:
    assert_found(nlp, f"{wanted} | {text}", PUBLISHED)


@pytest.mark.parametrize(("unwanted", "text"), NOT_FOUND)
def test_no_critic_of_that_state(nlp: Language, unwanted: str, text: str) -> None:
    assert_not_found(nlp, f"{unwanted} | {text}", PUBLISHED)
