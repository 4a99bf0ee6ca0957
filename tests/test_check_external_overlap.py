"""scripts/check_external_overlap.py: lines sharing a five-word run with the external sets are found."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_external_overlap.py"
spec = importlib.util.spec_from_file_location("check_external_overlap", SCRIPT)
assert spec and spec.loader
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def _sets(tmp_path: Path) -> tuple[Path, Path]:
    plv = tmp_path / "plv.tsv"
    plv.write_text(
        "sentence_id\tsentence\n1\tThe mayor of Ruritania opened a bridge over the river Zembla on Sunday.\n",
        encoding="utf-8",
    )
    gsr = tmp_path / "gsr.json"
    records = [
        "header",
        {"text": "Freedonia said", "textInfo": {"markup": "(SRC: Freedonia) (EVT: recalled) its envoy from Sylvania"}},
    ]
    gsr.write_text(json.dumps(records), encoding="utf-8")
    return plv, gsr


def _repo(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "notes.py").write_text(text, encoding="utf-8")
    (root / "bench" / "data").mkdir(parents=True)
    (root / "bench" / "data" / "shared.txt").write_text("opened a bridge over the river Zembla\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "."], cwd=root, check=True)
    return root


def test_external_grams_read_both_sets_and_the_gsr_markup(tmp_path: Path) -> None:
    plv, gsr = _sets(tmp_path)
    found = check.external_grams(plv, gsr)
    assert found["opened a bridge over the"] == "PLV"
    assert found["recalled its envoy from sylvania"] == "GSR"  # only in the markup, tags taken out


def test_a_copied_line_fails_and_a_stock_phrase_passes(tmp_path: Path, capsys) -> None:
    plv, gsr = _sets(tmp_path)
    root = _repo(tmp_path, '# "opened a bridge over the river": a copy\nx = 1  # the Freedonia envoy\n')
    assert check.main(["--plv", str(plv), "--gsr", str(gsr), "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "notes.py:1:" in out and "notes.py:2:" not in out and "shared.txt" not in out  # bench/data is skipped

    root.joinpath("notes.py").write_text("# the Sylvania talks went on\n", encoding="utf-8")
    assert check.main(["--plv", str(plv), "--gsr", str(gsr), "--root", str(root)]) == 0
