"""Generate extractors/data/names_cldr.json — the Korean, Russian and Chinese names of every state
in the gazetteer, from the Unicode CLDR territory names that the `babel` package ships.

Each state of extractors/data/states.json (by its ISO 3166-1 alpha-2 code) gets CLDR's name in ko,
ru and zh. Capitals, demonyms, people and institutions are not in CLDR: they are curated in
extractors/data/names_multilingual.toml, which also says which CLDR names must not be linked
(Korean 수단 "Sudan" is also "means").

The output is deterministic: `python scripts/build_names_cldr.py` rewrites the file byte for byte;
`--check` exits 1 when the committed file differs from what the installed babel produces.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from babel import Locale
from generated_file import json_file_main  # scripts/ is on sys.path when run as a script

REPO_ROOT = Path(__file__).resolve().parents[1]
STATES = REPO_ROOT / "extractors" / "data" / "states.json"
DEFAULT_OUT = REPO_ROOT / "extractors" / "data" / "names_cldr.json"
LANGUAGES = ("ko", "ru", "zh")


def build() -> dict[str, Any]:
    states = json.loads(STATES.read_text(encoding="utf-8"))["states"]
    territories = {language: Locale(language).territories for language in LANGUAGES}
    names: list[dict[str, Any]] = []
    for state in sorted(states, key=lambda s: s["id"]):
        record: dict[str, Any] = {"id": state["id"]}
        for language in LANGUAGES:
            name = territories[language].get(state["alpha2"])
            if name:
                record[language] = name
        names.append(record)
    return {
        "generated_by": "scripts/build_names_cldr.py",
        "source": f"Unicode CLDR territory names, as shipped by babel {version('babel')} (Unicode licence)",
        "names": names,
    }


def main(argv: list[str] | None = None) -> int:
    return json_file_main(__doc__.splitlines()[0], DEFAULT_OUT, build, "names", 1, argv)


if __name__ == "__main__":
    raise SystemExit(main())
