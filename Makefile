# RuamKit: `make run` and `make test` install what they need first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
EVAL   ?= ../shared/eval
STAMP  := $(VENV)/.installed

export OPENBLAS_NUM_THREADS ?= 1
export TOKENIZERS_PARALLELISM ?= false

.PHONY: install run test lint bench bench-load eval clean

install: $(STAMP)

# torch is installed first and pinned (a CPU wheel); a loose torch pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: install
	$(BIN)/ruamkit run

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy core knowledge retrieval quizzes checklist bot

bench: install
	$(BIN)/python -m benchmarks.run --eval-dir $(EVAL) --out docs/benchmarks.md

# Load and soak: K officials at once on SQLite and PostgreSQL, 1 and 2 workers, then a
# 10-minute soak; needs the local PostgreSQL. Writes its own section of docs/benchmarks.md.
BENCH_LOAD_ARGS ?= --users 50 --duration 60 --questions-only sqlite:1 --rate sqlite:1:32 --rate postgres:1:32 --soak 600 --soak-config postgres:1
bench-load: install
	$(BIN)/python -m benchmarks.load $(BENCH_LOAD_ARGS) --out docs/benchmarks.md

eval: install
	$(BIN)/ruamkit eval knowledge/golden/lecture_split.jsonl
	$(BIN)/ruamkit eval $(EVAL)/lecture_dev.jsonl
	$(BIN)/ruamkit eval --corpus $(EVAL)/iapp_wiki_test_corpus.jsonl --queries $(EVAL)/iapp_wiki_test_queries.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
