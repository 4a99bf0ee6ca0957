"""Where the shared data sets are looked up (bench/shared_data.py): beside the repository, or where
STORYWATCH_SHARED_DIR says — checked in a fresh process, as a worktree or a clone elsewhere would run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PRINT_PATHS = (
    "from bench.shared_data import SHARED_DIR; from bench.plover import DEFAULT_DATA; "
    "from bench.extract_bench import DEFAULT_DATA as PAGES; print(SHARED_DIR); print(DEFAULT_DATA); print(PAGES)"
)


def shared_paths(env_dir: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "STORYWATCH_SHARED_DIR"}
    if env_dir is not None:
        env["STORYWATCH_SHARED_DIR"] = env_dir
    run = subprocess.run(
        [sys.executable, "-c", PRINT_PATHS], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True
    )
    return run.stdout.splitlines()


def test_shared_data_defaults_to_the_folder_beside_the_repository() -> None:
    shared = str(REPO_ROOT.parent / "shared")
    assert shared_paths(None) == [
        shared,
        f"{shared}/data/plover-gsr/PLOVER_GSR_CAMEO.txt",
        f"{shared}/data/article-extraction",
    ]


def test_the_environment_names_another_shared_folder(tmp_path: Path) -> None:
    assert shared_paths(str(tmp_path)) == [
        str(tmp_path),
        f"{tmp_path}/data/plover-gsr/PLOVER_GSR_CAMEO.txt",
        f"{tmp_path}/data/article-extraction",
    ]
