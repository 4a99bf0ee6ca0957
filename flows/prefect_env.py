"""Environment defaults for Prefect, applied before Prefect is imported (it reads them at import)."""

from __future__ import annotations

import os
from pathlib import Path


def apply_prefect_defaults(home: Path | None = None) -> None:
    """Defaults for whatever the environment leaves unset (the Makefile sets the same ones)."""
    # Prefect keeps its state inside the project (not ~/.prefect) unless told otherwise.
    os.environ.setdefault("PREFECT_HOME", str(home or Path.cwd() / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # The temporary server Prefect starts without PREFECT_API_URL gets 20 s by default, which a busy
    # two-core machine can exceed; a slow start is not a failed run.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
