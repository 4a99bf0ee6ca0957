"""Generate extractors/data/zh_traditional.json — traditional Chinese characters and the simplified
character each is read as, from OpenCC's character tables (as shipped by opencc-python-
reimplemented; Apache 2.0).

extractors/multilingual.py reads a Chinese text through this table before matching names, so
Taiwan and Hong Kong spellings (朝鮮, 俄羅斯, 庫爾斯克, 習近平) find the simplified forms of
names_multilingual.toml. Only one-character-to-one-character pairs are kept: the text keeps its
length, so offsets into it stay right. Taiwan and Hong Kong variant characters (TWVariantsRev,
HKVariantsRev) are first read as standard traditional; where OpenCC gives several simplified
characters for one traditional one, the first (its most common reading) is kept.

The output is deterministic: `python scripts/build_zh_traditional.py` rewrites the file byte for
byte; `--check` exits 1 when the committed file differs from what the installed tables produce.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from generated_file import generated_file_main  # scripts/ is on sys.path when run as a script

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "extractors" / "data" / "zh_traditional.json"


def _pairs(table: str) -> dict[str, str]:
    """One character to the first of its one-character readings, from an OpenCC table."""
    text = (files("opencc") / "dictionary" / table).read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        first = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(first) == 1 and source != first:
            out.setdefault(source, first)
    return out


def build() -> dict[str, str]:
    to_simplified = _pairs("TSCharacters.txt")
    variants = {**_pairs("HKVariantsRev.txt"), **_pairs("TWVariantsRev.txt")}
    table = dict(to_simplified)
    for variant, standard in variants.items():
        table.setdefault(variant, to_simplified.get(standard, standard))
    table = {k: v for k, v in table.items() if k != v}
    ordered = sorted(table)
    return {
        "generated_by": "scripts/build_zh_traditional.py",
        "source": (
            f"OpenCC TSCharacters, TWVariantsRev and HKVariantsRev, as shipped by opencc-python-reimplemented "
            f"{version('opencc-python-reimplemented')} (Apache License 2.0)"
        ),
        "traditional": "".join(ordered),
        "simplified": "".join(table[c] for c in ordered),
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    return generated_file_main(
        __doc__.splitlines()[0],
        DEFAULT_OUT,
        render,
        lambda text: f"wrote {len(json.loads(text)['traditional'])} characters",
        argv,
    )


if __name__ == "__main__":
    raise SystemExit(main())
