"""The spaCy pipeline: the English model plus an entity_ruler fed by the actor gazetteer.

The ruler sits before `ner`, so the statistical model respects the gazetteer's spans ("Kursk" is a
place, "North Korea" inside "Defending North Korea" is a state) and fills in the rest. Both come
first, before the tagger and parser (`_entities_first`), so that a text can be scored for relevance
from its entities before the costlier rest of the pipeline is spent on it (extractors/extract.py).
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors.gazetteer import Gazetteer, gazetteer_version, load_gazetteer
from extractors.models import is_model_path, model_folder, resolve_model_name

if TYPE_CHECKING:
    from spacy.language import Language

RULER_NAME = "storywatch_gazetteer"
# Military and diplomatic title abbreviations spaCy's English tokenizer splits from their period
# ("Air Force Maj. Gen. Pat Ryder told reporters" would end a sentence at "Maj."); it already keeps
# "Gen.", "Adm.", "Rep.", "Sen.", "Gov.".
TITLE_ABBREVIATIONS = ("Maj.", "Lt.", "Col.", "Capt.", "Sgt.", "Brig.", "Cmdr.", "Cpl.", "Pvt.", "Amb.")


def ruler_patterns(nlp: Language, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Phrase patterns for every alias, as written and in capitals (headlines shout).

    Phrase patterns go to spaCy's PhraseMatcher (exact token texts), which is several times faster
    than token patterns for thousands of aliases. Short aliases get no capitals variant: "XI" is a
    numeral, not Xi Jinping.
    """
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for alias in gazetteer.aliases:
        entity = gazetteer.entity(alias.entity_id)
        if entity is not None and entity.generated:
            continue  # generated places link only where the model reads a place (see Entity.generated)
        surfaces = {alias.text}
        if len(alias.text) >= 5:
            surfaces.add(alias.text.upper())
        for surface in surfaces:
            tokens = tuple(t.text for t in nlp.tokenizer(surface))
            if not tokens or (alias.label, tokens) in seen:
                continue
            seen.add((alias.label, tokens))
            patterns.append({"label": alias.label, "pattern": surface, "id": alias.entity_id})
    return patterns


@functools.cache
def load_pipeline(model: str = "auto") -> Language:
    """The model with the gazetteer ruler; loaded once per process (it costs ~1 s and ~100 MB). Its
    attribute_ruler and rule lemmatizer are the table-driven equivalents of extractors/fast_pipes.py
    (the same annotations, about a fifth of the parse's time less), and its models multiply matrices
    with numpy's OpenBLAS rather than BLIS (`install_fast_gemm`)."""
    nlp = _with_gazetteer(model)
    from extractors.fast_pipes import install_fast_gemm, install_fast_pipes

    install_fast_pipes(nlp)
    install_fast_gemm(nlp)
    return nlp


@functools.cache
def load_stock_pipeline(model: str = "auto") -> Language:
    """The model as spaCy ships it plus the gazetteer ruler: the benchmark's baseline and the
    reference the fast components are checked against (a copy of its own, ~100 MB)."""
    return _with_gazetteer(model)


def _with_gazetteer(model: str) -> Language:
    import spacy  # here, not at import: a run with nothing to extract never loads it (~0.6 s)

    name = resolve_model_name(model)
    nlp = spacy.load(name, config=_entities_first(name))
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    gazetteer = load_gazetteer()
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before="ner", config={"validate": False, "phrase_matcher_attr": "ORTH"}
    )
    with nlp.select_pipes(enable=[]):  # tokenising patterns needs no components
        ruler.add_patterns(ruler_patterns(nlp, gazetteer))  # type: ignore[attr-defined]
    if "parser" in nlp.pipe_names:
        from extractors.boundaries import BOUNDARIES_NAME  # registers the component

        nlp.add_pipe(BOUNDARIES_NAME, before="parser")
    return nlp


def entity_stage(nlp: Language) -> list[str]:
    """The first components of the pipeline, up to and including `ner`: what finding entities
    needs. extract_texts runs these first to decide whether a text is worth the rest; as they are a
    prefix of the pipeline, running the rest afterwards gives exactly the one-pass result."""
    names = nlp.pipe_names
    last = "ner" if "ner" in names else RULER_NAME
    return names[: names.index(last) + 1] if last in names else list(names)


def _entities_first(name: str) -> dict[str, Any]:
    """A config override that moves `ner` to the front of the model's pipeline, so entities can be
    found without tagging and parsing. Only when `ner` embeds tokens itself (en_core_web_sm/md/lg:
    the tagger and parser share `tok2vec`, `ner` has its own); a `ner` that listens to a shared
    layer (transformer models) stays where it is. Read from the package's config.cfg, which costs
    milliseconds; without one, nothing is moved."""
    import spacy

    try:
        folder = Path(name) if is_model_path(name) else model_folder(name)
        config = spacy.util.load_config(folder / "config.cfg") if folder else {}
        pipeline = list(config["nlp"]["pipeline"])
        listens = "Listener" in str(config["components"]["ner"]["model"]["tok2vec"].get("@architectures", ""))
    except (OSError, KeyError, ValueError):
        return {}
    if listens or "ner" not in pipeline or pipeline[0] == "ner":
        return {}
    pipeline.remove("ner")
    return {"nlp": {"pipeline": ["ner", *pipeline]}}


def pipeline_versions(model: str = "auto") -> dict[str, str]:
    """What produced the figures, recorded with every run; read from package metadata, so a run
    with nothing to extract does not pay for loading the model."""
    name = resolve_model_name(model)
    try:
        if is_model_path(name):  # a model folder: its meta.json says what it is
            meta = json.loads((Path(name) / "meta.json").read_text(encoding="utf-8"))
            model_version = f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', 'unknown')}"
        else:
            model_version = importlib.metadata.version(name)
    except (OSError, ValueError, AttributeError, importlib.metadata.PackageNotFoundError):
        model_version = "unknown"
    return {
        "model": name,
        "model_version": model_version,
        "spacy": importlib.metadata.version("spacy"),
        "gazetteer": gazetteer_version(),
    }
