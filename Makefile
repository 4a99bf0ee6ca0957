# storywatch — the README's two commands are `make run` and `make test`.
SHELL := bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

# Prefect keeps its state (ephemeral server DB, settings) inside the project, not in ~/.prefect.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install browser run test test-quick lint fmt bench bench-extract bench-large bench-warehouse bench-threads eval clean vendor-plotly

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip 2>&1 | { grep -v "is ignored: it is neither" || true; }
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install -q -e '.[dev]' 2>&1 | { grep -v "is ignored: it is neither" || true; }
	$(BIN)/python -c "import flows, extractors, warehouse, spacy, duckdb, prefect"
	touch $(STAMP)

install: $(STAMP)

# The report tests look at the page in a headless Chromium: Debian's package, installed here when it
# is missing (CI runs as root on a clean machine). When it cannot be, a note, and those tests skip.
CHROMIUM := $(firstword $(wildcard /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome))
browser:
ifeq ($(CHROMIUM),)
	@if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q --no-install-recommends chromium \
	    || { apt-get update -q && apt-get install -y -q --no-install-recommends chromium; } \
	    || echo "note: apt-get install chromium failed: the browser tests will be skipped" >&2; \
	else \
	  echo "note: chromium is missing and installing it needs apt-get as root: the browser tests will be skipped" >&2; \
	fi
endif

run: install
	$(BIN)/storywatch run

# Two workers (pytest-xdist, --dist loadfile: a module's tests and its module-scoped fixtures stay
# in one process). PYTEST_WORKERS=0 runs in this process only.
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL := $(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS) --dist loadfile)

test: install browser
	$(BIN)/ruff check flows extractors warehouse tests scripts bench
	$(BIN)/python -m pytest $(PYTEST_PARALLEL)

# The quick set: everything but the tests marked slow (Prefect, spaCy in a subprocess, the browser, > ~5 s).
test-quick: install
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_PARALLEL)

lint: install
	$(BIN)/ruff check flows extractors warehouse tests scripts bench
	$(BIN)/ruff format --check flows extractors warehouse tests scripts bench

fmt: install
	$(BIN)/ruff format flows extractors warehouse tests scripts bench
	$(BIN)/ruff check --fix flows extractors warehouse tests scripts bench

# Throughput: spaCy's own speed vs storywatch end to end, on one core and on all (~5-10 min).
bench: install
	$(BIN)/python -m bench.throughput
	$(BIN)/python -m bench.threads_bench
	$(BIN)/python -m bench.multilingual_eval

bench-extract: install
	$(BIN)/python -m bench.extract_bench

# Long texts: each rule shape x50 and x500, in one sentence and in as many; CPU ratios (~2 min).
bench-large: install
	$(BIN)/python -m bench.large_shapes

bench-warehouse: install
	$(BIN)/python -m bench.warehouse_bench

# Story threads at 100k articles: a run's 50 new articles (goal < 1 s) and a full rebuild (goal: minutes).
bench-threads: install
	$(BIN)/python -m bench.threads_bench

# External sets first (PLOVER records in ../shared; PLV_train when PLV=path is given), then tests/gold/;
# then story threads on the labelled real coverage (bench/data/threads/): HELD-OUT, then DEV (~1.5 min).
eval: install
	$(BIN)/python -m bench.eval $(if $(PLV),--plv $(PLV))
	$(BIN)/python -m bench.threads_eval

# The report inlines plotly.js's "basic" partial bundle (flows/report/templates/vendor): fetch it again from
# npm, at the version the plotly wheel ships (tests/test_report.py checks they match).
PLOTLY_JS_VERSION ?= 4.1.1
vendor-plotly:
	cd $$(mktemp -d) && npm pack -q plotly.js-basic-dist-min@$(PLOTLY_JS_VERSION) && tar xzf *.tgz \
	  && cp package/plotly-basic.min.js $(CURDIR)/flows/report/templates/vendor/ \
	  && cp package/LICENSE $(CURDIR)/flows/report/templates/vendor/plotly-basic.LICENSE

clean:
	rm -rf $(VENV) .prefect .pytest_cache .ruff_cache *.egg-info
