"""Imported first by the extraction pool's forkserver (flows/parallel.py), so its workers inherit this.

A worker forked from the server re-runs the parent's main module as `__mp_main__`. The server has
already imported that module (preloaded, so the re-run finds its imports cached and costs nothing),
which makes runpy warn that the module "found in sys.modules … prior to execution"; that is expected
here, and the warning would otherwise be printed once per worker.
"""

from __future__ import annotations

import warnings

warnings.filterwarnings("ignore", message=r".*found in sys\.modules after import of package", category=RuntimeWarning)
