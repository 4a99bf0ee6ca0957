"""Build the cookbook warehouse (seed + tests/fixtures/cookbook) and run the README's SQL cookbook.

    python scripts/cookbook.py --db /tmp/cookbook.duckdb            # build, run every query, print
    python scripts/cookbook.py --db /tmp/cookbook.duckdb --update-readme   # also refresh the samples

Each cookbook entry in README.md is a `### question` heading, a ```sql block and a ```text block
with its sample output; `--update-readme` rewrites the text blocks from the real results, so the
samples are never typed by hand. tests/test_cookbook.py runs the same queries as written.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
FIXTURES = REPO / "tests" / "fixtures" / "cookbook"
START, END = "<!-- cookbook:start -->", "<!-- cookbook:end -->"
ENTRY = re.compile(r"### (?P<question>[^\n]+)\n+```sql\n(?P<sql>.*?)```\n+```text\n(?P<sample>.*?)```", re.S)
MAX_ROWS = 8
MAX_CELL = 60


@dataclass(frozen=True)
class Entry:
    question: str
    sql: str
    sample: str


def cookbook_entries(readme: str) -> list[Entry]:
    section = readme.split(START, 1)[1].split(END, 1)[0]
    return [Entry(m["question"].strip(), m["sql"].strip(), m["sample"]) for m in ENTRY.finditer(section)]


def cookbook_seeds(target: Path) -> Path:
    """The repository's seeds plus the cookbook fixtures, as one seed folder."""
    target.mkdir(parents=True, exist_ok=True)
    manifest = []
    for folder in (REPO / "seeds", FIXTURES):
        for item in folder.iterdir():
            if item.suffix == ".txt":
                shutil.copy(item, target / item.name)
        manifest.append((folder / "manifest.toml").read_text())
    (target / "manifest.toml").write_text("\n".join(manifest))
    return target


def build_warehouse(db: Path) -> None:
    from flows.pipeline import ingest

    config = Path(tempfile.mkdtemp()) / "storywatch.toml"
    config.write_text(f'[warehouse]\npath = "{db}"\n')
    seeds = cookbook_seeds(Path(tempfile.mkdtemp()) / "seeds")
    ingest(config_path=str(config), offline=True, seeds_dir=str(seeds))


def render(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    cells = [[_cell(v) for v in row] for row in rows[:MAX_ROWS]]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    if len(rows) > MAX_ROWS:
        lines.append(f"… {len(rows) - MAX_ROWS} more rows")
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    text = "NULL" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args()
    if not args.db.exists():
        build_warehouse(args.db)
    readme = README.read_text()
    con = duckdb.connect(str(args.db), read_only=True)
    for entry in cookbook_entries(readme):
        output = render(con, entry.sql)
        print(f"### {entry.question}\n{output}")
        if args.update_readme:
            readme = readme.replace(
                f"```sql\n{entry.sql}\n```\n\n```text\n{entry.sample}```",
                f"```sql\n{entry.sql}\n```\n\n```text\n{output}```",
                1,
            )
    con.close()
    if args.update_readme:
        README.write_text(readme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
