"""What a process that extracts keeps for its whole life, loaded once and then hidden from the cyclic GC.

A process that extracts holds a few hundred thousand long-lived objects: the spaCy pipeline (its
vocab, the gazetteer ruler's patterns, the fast components' tables), the gazetteer (~22,000 entities
and their forms), the lexicon and the learned event-type model. Python's cyclic garbage collector
walks every one of them at each full (oldest-generation) collection, and extraction allocates enough
container objects (tokens' spans, frozen dataclasses, dicts) to set one off every few documents:
~2 % of extraction's CPU went to walking objects that can never be garbage.

`load_resident` loads them (each loader is cached per process, so later calls cost nothing), runs one
full collection, and `gc.freeze()`s what is left: everything alive at that moment moves to the
permanent generation, which collections skip. It does this once per process, at the first
extraction (the flow loads spaCy only when there is something to extract) or, for a process that
exists to extract (`storywatch extract`, a pool worker), at its start.

What freezing does not change: reference counting frees a frozen object that is no longer referred
to, as before; objects allocated after the freeze (every document, every run's rows) are collected
as before. A frozen object that becomes cyclic garbage is kept until exit: hence one freeze per
process, right after a full collection, when nearly everything alive is the resident data (in a flow
run, also that run's own objects of the moment, a bounded one-off).

This is process-wide state, so it lives here in the imperative shell, never in extractors/ (which
stays pure: a library user's process decides its own GC policy).
"""

from __future__ import annotations

import gc
import signal
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_LOCK = threading.Lock()
_FROZEN = False


def load_resident(model: str = "auto") -> Language:
    """The pipeline, with the gazetteer, lexicon and event-type model loaded beside it; the first call
    in a process then freezes everything alive (see the module docstring). Returns the pipeline."""
    global _FROZEN
    from extractors.event_types import load_event_type_model
    from extractors.gazetteer import load_gazetteer
    from extractors.lexicon import load_lexicon
    from extractors.nlp import load_pipeline

    nlp = load_pipeline(model)
    load_gazetteer()
    load_lexicon()
    load_event_type_model()
    with _LOCK:
        if not _FROZEN:
            gc.collect()  # nothing that is already garbage gets frozen
            gc.freeze()
            _FROZEN = True
    return nlp


def init_worker(model: str = "auto") -> None:
    """A pool worker's initializer: leave Ctrl-C to the parent (else every worker prints a
    traceback), load the resident data and freeze it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_resident(model)
