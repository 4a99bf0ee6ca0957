from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from flows.seeds import SeedError, read_seeds

REPO = Path(__file__).resolve().parents[1]


def make_seeds(tmp_path: Path, content: bytes, name: str = "one.txt") -> Path:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "manifest.toml").write_text(
        f'[[seed]]\nfile = "{name}"\ntitle = "T"\norigin = "test"\npublished = "2024-11-08"\napproximate = true\n'
    )
    return tmp_path


def test_shipped_seeds_match_the_shared_copy(shared_dir: Path) -> None:
    seeds = read_seeds(REPO / "seeds")
    assert [s.path.name for s in seeds] == ["000_55ac9cc17b546c97.txt"]
    seed = seeds[0]
    assert seed.key == "seed:000_55ac9cc17b546c97.txt"
    assert seed.approximate is True
    assert seed.published_at == datetime(2024, 11, 8, 12, 0)
    shared = (shared_dir / "seeds" / "000_55ac9cc17b546c97.txt").read_text("utf-8").strip()
    assert seed.text == shared


def test_valid_seed(tmp_path: Path) -> None:
    (seed,) = read_seeds(make_seeds(tmp_path, b"Pyongyang sent troops to Kursk.\n"))
    assert seed.text == "Pyongyang sent troops to Kursk."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("Pjöngjang".encode("latin-1"), r"is not UTF-8 text \(invalid byte 0xf6 at offset 2\)"),
    ],
)
def test_bad_seed_files_are_named(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(SeedError, match=rf"seed file .*one\.txt {message}"):
        read_seeds(make_seeds(tmp_path, content))


def test_unlisted_seed_file_is_an_error(tmp_path: Path) -> None:
    make_seeds(tmp_path, b"text")
    (tmp_path / "extra.txt").write_text("more")
    with pytest.raises(SeedError, match=r"extra\.txt is not listed"):
        read_seeds(tmp_path)


def test_manifest_unknown_key(tmp_path: Path) -> None:
    make_seeds(tmp_path, b"text")
    (tmp_path / "manifest.toml").write_text('[[seed]]\nfile = "one.txt"\ntitel = "typo"\n')
    with pytest.raises(SeedError, match="unknown key 'titel'"):
        read_seeds(tmp_path)


def test_manifest_bad_date(tmp_path: Path) -> None:
    make_seeds(tmp_path, b"text")
    (tmp_path / "manifest.toml").write_text('[[seed]]\nfile = "one.txt"\npublished = "last week"\n')
    with pytest.raises(SeedError, match="'published' must be an ISO date"):
        read_seeds(tmp_path)
