from __future__ import annotations

from pathlib import Path

import pytest

from flows.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "storywatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_is_valid() -> None:
    config = load_config(REPO / "storywatch.toml")
    assert config.topic.actors == ("CHN", "PRK", "RUS")
    assert 0 < config.topic.min_relevance < 1


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYWATCH_CONFIG", raising=False)
    monkeypatch.delenv("STORYWATCH_DB", raising=False)
    config = load_config()
    assert config.warehouse.path == "data/storywatch.duckdb"
    assert config.source_path is None


def test_unknown_key_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "[fetch]\ntimeout = 3\n")
    with pytest.raises(ConfigError, match=r"unknown key 'fetch\.timeout'"):
        load_config(path)


def test_unknown_section_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown key 'fetcher'"):
        load_config(write(tmp_path, "[fetcher]\n"))


def test_unknown_key_in_a_feed_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, '[[feeds]]\nname = "x"\nurl = "https://example.org/rss"\npoll = 5\n')
    with pytest.raises(ConfigError, match=r"unknown key 'feeds\[0\]\.poll'"):
        load_config(path)


def test_missing_named_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_wrong_type_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"'topic\.min_relevance' must be a number"):
        load_config(write(tmp_path, '[topic]\nmin_relevance = "high"\n'))


def test_invalid_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[topic\n"))


def test_db_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[warehouse]\npath = "from-file.duckdb"\n')
    monkeypatch.delenv("STORYWATCH_DB", raising=False)
    assert load_config(path).warehouse.path == "from-file.duckdb"
    monkeypatch.setenv("STORYWATCH_DB", "from-env.duckdb")
    assert load_config(path).warehouse.path == "from-env.duckdb"
    assert load_config(path, db="from-flag.duckdb").warehouse.path == "from-flag.duckdb"


def test_config_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[topic]\nactors = ["CHN", "USA"]\n')
    monkeypatch.setenv("STORYWATCH_CONFIG", str(path))
    assert load_config().topic.actors == ("CHN", "USA")
