"""Seed texts on three developments of the story (and one off-topic text), for thread tests: each
development is reported by several articles in different words over a few days."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SeedText:
    key: str  # development letter + number: "A1"; "Z" for the off-topic text
    title: str
    published: str
    text: str


TREATY = [
    SeedText(
        "A1",
        "Putin and Kim sign mutual defence treaty in Pyongyang",
        "2024-06-19",
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a comprehensive strategic "
        "partnership treaty in Pyongyang on Wednesday, pledging mutual defence if either country is attacked. "
        "The treaty commits Russia and North Korea to provide military assistance to each other. China said "
        "the agreement was a bilateral matter between Moscow and Pyongyang.",
    ),
    SeedText(
        "A2",
        "North Korea and Russia pledge mutual military assistance under new treaty",
        "2024-06-20",
        "North Korea and Russia agreed in a new treaty signed in Pyongyang to give each other military "
        "assistance in case of aggression, a mutual defence pledge that alarmed South Korea and Japan. Kim Jong "
        "Un called the treaty with Vladimir Putin an alliance. Beijing declined to comment on the treaty.",
    ),
    SeedText(
        "A3",
        "Seoul condemns Russia–North Korea defence treaty",
        "2024-06-21",
        "South Korea condemned the mutual defence treaty that Vladimir Putin and Kim Jong Un signed in "
        "Pyongyang, saying military cooperation between Russia and North Korea violates sanctions. The treaty "
        "obliges Moscow and Pyongyang to assist each other militarily. China urged restraint.",
    ),
]

KURSK = [
    SeedText(
        "B1",
        "North Korean troops reach Kursk front, Pentagon says",
        "2024-11-04",
        "Thousands of North Korean troops have moved to Russia's Kursk region to fight Ukrainian forces, the "
        "Pentagon said on Monday. About 10,000 soldiers from North Korea were sent to Russia for training and "
        "are now deployed in Kursk. China said it was not aware of the deployment.",
    ),
    SeedText(
        "B2",
        "Pyongyang's soldiers deployed to Kursk region",
        "2024-11-05",
        "North Korean soldiers deployed in Russia's Kursk region are preparing to join combat against Ukraine, "
        "officials in Washington and Seoul said. Some 10,000 North Korean troops were moved to Kursk by Moscow. "
        "Beijing called for a ceasefire.",
    ),
    SeedText(
        "B3",
        "Ukraine says it clashed with North Korean troops in Kursk",
        "2024-11-06",
        "Ukraine said its forces had their first clash with North Korean troops in Russia's Kursk region. "
        "About 10,000 North Korean soldiers are in Kursk fighting for Russia, according to Kyiv. China repeated "
        "that it was not aware of North Korean troops in Russia.",
    ),
]

# A later report on the Kursk development, for runs that must find something new in its window.
KURSK_LATE = SeedText(
    "B4",
    "North Korean troops in Kursk suffer heavy losses, Kyiv says",
    "2024-11-07",
    "North Korean troops fighting for Russia in the Kursk region have suffered heavy losses, Ukrainian "
    "officials said. Thousands of North Korean soldiers were deployed to Kursk by Moscow last month. China "
    "said it was not aware of North Korean troops in Russia.",
)

VETO = [
    SeedText(
        "C1",
        "Russia vetoes renewal of UN panel monitoring North Korea sanctions",
        "2024-03-28",
        "Russia vetoed a United Nations Security Council resolution to renew the panel of experts that monitors "
        "sanctions on North Korea, ending the panel's mandate. China abstained in the vote. The panel had "
        "reported on arms transfers between North Korea and Russia.",
    ),
    SeedText(
        "C2",
        "UN sanctions panel on North Korea ends after Russian veto",
        "2024-03-29",
        "The UN panel of experts monitoring sanctions against North Korea will end after Russia used its veto "
        "at the Security Council. China abstained. Diplomats said the veto shields North Korea and Russia from "
        "scrutiny of their arms deals under the sanctions regime.",
    ),
]

OFF_TOPIC = SeedText(
    "Z",
    "Local bakery wins bread award",
    "2024-06-20",
    "A small bakery in the town centre won a regional award for its sourdough bread on Saturday. The owners "
    "thanked their customers and said they would open a second shop next spring.",
)

DEVELOPMENTS = {"A": TREATY, "B": KURSK, "C": VETO}


def write_seeds(folder: Path, texts: list[SeedText]) -> Path:
    """A seed folder (manifest.toml and one file per text) holding `texts`."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for seed in texts:
        (folder / f"{seed.key}.txt").write_text(seed.text, encoding="utf-8")
        lines += [
            "[[seed]]",
            f'file = "{seed.key}.txt"',
            f'title = "{seed.title}"',
            f'published = "{seed.published}"',
            "",
        ]
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")
    return folder
