"""The layering, checked on the source: extractors/ is the pure core and imports neither warehouse/ nor
flows/; warehouse/ never imports flows/, and of extractors/ only the record types and the id function
it turns into rows (warehouse/rows.py); only flows/ crosses layers freely."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# What warehouse/ may read from extractors/: the records it turns into rows and the ids they get.
WAREHOUSE_MAY_IMPORT = frozenset({"extractors.records", "extractors.ids"})


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def package_imports(package: str) -> dict[str, set[str]]:
    return {str(p.relative_to(REPO)): imported_modules(p) for p in sorted((REPO / package).rglob("*.py"))}


def _top(module: str) -> str:
    return module.split(".")[0]


def test_extractors_import_only_themselves() -> None:
    crossing = {
        f: sorted(m for m in mods if _top(m) in {"warehouse", "flows"})
        for f, mods in package_imports("extractors").items()
    }
    assert {f: m for f, m in crossing.items() if m} == {}


def test_warehouse_imports_no_flows_and_only_extractor_records() -> None:
    crossing = {
        f: sorted(m for m in mods if _top(m) == "flows" or (_top(m) == "extractors" and m not in WAREHOUSE_MAY_IMPORT))
        for f, mods in package_imports("warehouse").items()
    }
    assert {f: m for f, m in crossing.items() if m} == {}


@pytest.mark.parametrize("package", ["extractors", "warehouse", "flows"])
def test_the_checker_sees_imports(package: str) -> None:
    # Guards the checks above against passing because nothing was read.
    imports = package_imports(package)
    assert len(imports) >= 5 and any(_top(m) == package for mods in imports.values() for m in mods)
