"""bench.large_shapes runs its shapes end to end and names the ones it does not know."""

from __future__ import annotations

import pytest

from bench.large_shapes import FRAMED, SHAPES, framed_texts_of, main, texts_of


def test_each_shape_is_built_as_one_sentence_and_as_many() -> None:
    for passage in SHAPES.values():
        built = texts_of(passage, 3)
        assert built["one sentence"].count(", and ") == 2
        assert built["sentences"].count(passage.rstrip(".")) == 3
    for item, separator, tail in FRAMED.values():
        built = framed_texts_of((item, separator, tail), 3)
        assert built["one sentence"] == separator.join([item] * 3) + tail + "."
        assert built["sentences"].count(item + tail + ".") == 3
    assert not set(SHAPES) & set(FRAMED)


def test_it_prints_a_ratio_per_shape_and_form(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--n", "2", "--only", "returned", "went on", "nested clauses", "--flag", "1000"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "CPU s  x" in line]
    assert [line.split()[0] for line in lines] == ["returned", "returned", "went", "went", "nested", "nested"]
    assert "0 shape(s) above x1000" in out


def test_an_unknown_shape_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--only", "no such shape"])
    assert "no such shape" in capsys.readouterr().err
