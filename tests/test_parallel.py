"""Parallel extraction gives exactly the single-process records: local pool, Dask cluster, the flow."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from extractors.chunks import MAX_CHUNK_WORDS, split_chunks, word_count
from extractors.extract import PublishedAt
from extractors.records import Extraction
from flows import parallel
from flows.config import Config, ConfigError, NlpConfig, RuntimeConfig, load_config
from tests.helpers import SEED_TEXT_FILE, fingerprint, generated_seeds_dir, generated_texts, quiet_config

HAND_WRITTEN = [
    "Moscow and Pyongyang signed a mutual defence pact.",
    "Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.",
    '"We will not accept this," said Mao Ning, a spokesperson for the Chinese foreign ministry.',
    "About 11,000 North Korean soldiers are in Russia's Kursk region, Seoul said last week.",
    "Beijing did not condemn the deployment. The Kremlin declined to comment.",
    "NORTH KOREA SENDS MORE TROOPS TO KURSK",
    "Retail sales rose 3.2 percent in May. The weather was mild.",
    "Xi Jinping told Kim Jong Un that China–North Korea friendship is “unbreakable”.",
    "x",
    "   ",
    "Pyongyang",
    "The U.S. and South Korea condemned the treaty; Japan urged restraint on Pyongyang and Moscow.",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    seed = SEED_TEXT_FILE.read_text(encoding="utf-8")
    generated = generated_texts(17, seed=77)
    return [seed, *HAND_WRITTEN[:6], *generated, *HAND_WRITTEN[6:]]


@pytest.fixture(scope="module")
def dates(texts: list[str]) -> list[PublishedAt]:
    return [datetime(2024, 11, 1 + i % 28, 12) if i % 3 else None for i in range(len(texts))]


@pytest.fixture(scope="module")
def single(texts: list[str], dates: list[PublishedAt]) -> list[Extraction]:
    return parallel.extract_parallel(texts, dates, Config())


@pytest.fixture
def pool_shutdown() -> Iterator[None]:
    yield
    parallel.shutdown_pool()


def with_nlp(**changes: Any) -> Config:
    return dataclasses.replace(Config(), nlp=dataclasses.replace(NlpConfig(), **changes))


def test_chunks_cover_the_input_in_order(texts: list[str], dates: list[PublishedAt]) -> None:
    chunks = split_chunks(texts, dates, workers=2)
    assert len(chunks) > 2
    assert [t for c in chunks for t in c.texts] == texts
    assert [d for c in chunks for d in c.published_at] == dates
    assert [c.start for c in chunks] == [sum(len(c.texts) for c in chunks[:i]) for i in range(len(chunks))]
    assert sum(c.words for c in chunks) == sum(word_count(t) for t in texts)


def test_modes_are_chosen_by_config() -> None:
    assert parallel.extraction_mode(Config()) == "inline"
    assert parallel.extraction_mode(with_nlp(n_process=2)) == "pool"
    assert parallel.extraction_mode(with_nlp(n_process=-1)) in ("pool", "inline")  # one per core
    dask = dataclasses.replace(Config(), runtime=RuntimeConfig(task_runner="dask", dask_address="tcp://h:8786"))
    assert parallel.extraction_mode(dask) == "dask"


def test_bad_parallel_settings_are_named(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[runtime]\ntask_runner = "spark"\n')
    with pytest.raises(ConfigError, match=r"runtime\.task_runner"):
        load_config(path)
    path.write_text("[nlp]\nn_process = 0\n")
    with pytest.raises(ConfigError, match=r"nlp\.n_process"):
        load_config(path)


def test_two_processes_give_the_single_process_records(
    texts: list[str], dates: list[PublishedAt], single: list[Extraction], pool_shutdown: None
) -> None:
    assert len(single) == len(texts)
    assert sum(len(e.mentions) for e in single) > 100 and any(e.events for e in single)
    two = parallel.extract_parallel(texts, dates, with_nlp(n_process=2))
    assert two == single
    again = parallel.extract_parallel(texts[::-1], dates[::-1], with_nlp(n_process=2))  # the pool is reused
    assert again == single[::-1]


def test_one_process_extracts_in_whole_batches_and_counts_each_text(
    texts: list[str], dates: list[PublishedAt], single: list[Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this process the texts are not cut into a pool's eight chunks a run: nlp.pipe gets whole
    batches (as raw nlp.pipe does), progress still moves text by text, the records are the same."""
    from extractors.extract import extract_texts
    from extractors.nlp import load_pipeline

    chunk_sizes: list[int] = []
    real_extract_chunk = parallel.extract_chunk

    def extract_chunk(chunk: Any, *args: Any, **kwargs: Any) -> list[Extraction]:
        chunk_sizes.append(len(chunk.texts))
        return real_extract_chunk(chunk, *args, **kwargs)

    steps: list[int] = []

    class Shown:
        done = 0

        def advance(self, amount: int = 1) -> None:
            steps.append(amount)
            self.done += amount

    @contextlib.contextmanager
    def progress(*_args: Any, **_kwargs: Any) -> Iterator[Shown]:
        yield Shown()

    monkeypatch.setattr(parallel, "extract_chunk", extract_chunk)
    monkeypatch.setattr(parallel, "progress", progress)
    assert sum(word_count(t) for t in texts) < MAX_CHUNK_WORDS
    config = Config()
    assert parallel.extract_parallel(texts, dates, config) == single
    assert chunk_sizes == [len(texts)]
    assert steps == [1] * len(texts)
    gate = parallel.relevance_gate(config)
    assert single == list(extract_texts(load_pipeline(config.nlp.model), texts, published_at=dates, gate=gate))


def test_the_relevance_gate_drops_only_what_the_flow_would_not_store(
    texts: list[str], dates: list[PublishedAt], single: list[Extraction]
) -> None:
    from extractors.extract import extract_texts
    from extractors.nlp import load_pipeline
    from extractors.relevance import relevance

    config = Config()
    ungated = list(extract_texts(load_pipeline(config.nlp.model), texts, published_at=dates))
    kept, dropped = [], []
    for text, gated, full in zip(texts, single, ungated, strict=True):
        expected = relevance(
            (m.entity_id for m in full.mentions),
            text,
            actors=config.topic.actors,
            keywords=config.topic.keywords,
            word_count=full.word_count,
        )
        assert full.relevance is None and gated.relevance == expected
        if expected >= config.topic.min_relevance:
            kept.append(full)  # parsed in two stages, exactly what one pass gives
            assert dataclasses.replace(gated, relevance=None) == full
        else:
            dropped.append(full)
            assert gated.events == gated.quotes == gated.claims == ()
            # The same entities; only their sentence index comes from punctuation, not the parser.
            assert [dataclasses.replace(m, sentence_index=0) for m in gated.mentions] == [
                dataclasses.replace(m, sentence_index=0) for m in full.mentions
            ]
            assert gated.word_count == full.word_count
            indexes = [m.sentence_index for m in gated.mentions]
            assert indexes == sorted(indexes)
    assert len(kept) >= 5 and len(dropped) >= 3
    # The gate saved real work: off-topic texts do yield records when nothing gates them.
    assert any(e.events or e.quotes or e.claims for e in dropped)


def test_entities_come_first_in_the_pipeline() -> None:
    """The two-stage parse relies on the entity components being a prefix of the pipeline."""
    from extractors.nlp import RULER_NAME, entity_stage, load_pipeline

    nlp = load_pipeline(Config().nlp.model)
    stage = entity_stage(nlp)
    assert stage == [RULER_NAME, "ner"] == nlp.pipe_names[:2]
    assert {"tok2vec", "tagger", "parser", "lemmatizer"} <= set(nlp.pipe_names[2:])


# --- through the ingest flow ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_seeds_dir(tmp_path_factory.mktemp("seeds"), 10, seed=5)


def test_flow_with_two_processes_loads_the_same_rows(
    prefect_harness: None, tmp_path: Path, seeds_dir: Path, pool_shutdown: None
) -> None:
    from flows.pipeline import ingest

    loaded = {}
    for n in (1, 2):
        config = quiet_config(tmp_path, f"n{n}", f"[nlp]\nn_process = {n}\n")
        db = tmp_path / f"n{n}.duckdb"
        summary = ingest(config_path=str(config), db=str(db), offline=True, seeds_dir=str(seeds_dir))
        assert summary.status == "completed" and summary.documents_extracted == 11
        loaded[n] = fingerprint(db)
    assert len(loaded[1][1]) > 100  # mentions
    assert loaded[2] == loaded[1]


@pytest.mark.slow
def test_dask_cluster_gives_the_single_process_results(
    prefect_harness: None,
    tmp_path: Path,
    seeds_dir: Path,
    texts: list[str],
    dates: list[PublishedAt],
    single: list[Extraction],
) -> None:
    """A real local Dask cluster (2 worker processes): Prefect's Dask task runner, one task per chunk."""
    from distributed import LocalCluster
    from prefect import flow

    from flows.pipeline import ingest

    reference_db = tmp_path / "reference.duckdb"
    ingest(config_path=str(quiet_config(tmp_path, "one")), db=str(reference_db), offline=True, seeds_dir=str(seeds_dir))

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        dask_config = dataclasses.replace(Config(), runtime=RuntimeConfig(task_runner="dask", dask_address=address))

        @flow(name="extract-on-dask")
        def extract_on_dask() -> list[Extraction]:
            return parallel.extract_parallel(texts, dates, dask_config)

        assert extract_on_dask() == single

        # The real flow, the runner chosen by config: extraction on the cluster, loading here.
        config = quiet_config(tmp_path, "dask", f'[runtime]\ntask_runner = "dask"\ndask_address = "{address}"\n')
        db = tmp_path / "dask.duckdb"
        summary = ingest(config_path=str(config), db=str(db), offline=True, seeds_dir=str(seeds_dir))
        assert summary.documents_extracted == 11
        assert fingerprint(db) == fingerprint(reference_db)

        # The runner chosen at call time, as a deployment would: the flow's own task runner is used.
        runner = parallel.task_runner_for(RuntimeConfig(task_runner="dask", dask_address=address), NlpConfig())
        db2 = tmp_path / "dask2.duckdb"
        ingest.with_options(task_runner=runner)(
            config_path=str(quiet_config(tmp_path, "plain")), db=str(db2), offline=True, seeds_dir=str(seeds_dir)
        )
        assert fingerprint(db2) == fingerprint(reference_db)
        # The work was done on the cluster: its two workers are the processes that loaded the model.
        from distributed import Client

        with Client(address) as client:
            loaded = client.run(lambda: __import__("extractors.nlp").nlp.load_pipeline.cache_info().currsize)
        assert len(loaded) == 2 and sum(loaded.values()) >= 1
