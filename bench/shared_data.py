"""Where the shared data sets live (article pages, PLOVER records, the CAMEO→PLOVER table): the folder
`STORYWATCH_SHARED_DIR` names, else `shared/` beside the repository (CI lays a read-only copy there; a
developer's clone has it at ../shared). One place, so a worktree or a clone elsewhere sets one variable."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    override = os.environ.get("STORYWATCH_SHARED_DIR")
    return Path(override).expanduser() if override else REPO_ROOT.parent / "shared"


SHARED_DIR = shared_dir()
