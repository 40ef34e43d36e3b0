# Two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INPUT ?= data/raw
OUT ?= data/out

.PHONY: setup run test bench lint clean

setup: $(STAMP)

# Re-install only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m pipeline run $(INPUT) --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest pipeline parsers normalizers tests

# Text sources from INPUT plus generated PDFs (tests/formgen.py), timed against bare pymupdf.
bench: $(STAMP)
	$(BIN)/python -m tests.bench_corpus .bench
	$(BIN)/python -m pipeline.bench $(INPUT) .bench

lint: $(STAMP)
	$(BIN)/python -m ruff check pipeline parsers normalizers tests

clean:
	rm -rf $(OUT)/*.parquet .bench .pytest_cache .ruff_cache .hypothesis build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
