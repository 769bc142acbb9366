# Shared Orbits: build, serve and test the book.
#   make serve   install (first time), build with the labs executed, serve at http://127.0.0.1:8000
#   make build   write the static site to site/ (the Chinese edition to site/zh/)
#   make test    the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PATH := $(CURDIR)/$(BIN):$(PATH)
# Reproducible builds: every date the build writes is the last commit's (hooks/notebooks.py,
# hooks/pdf.py), so two builds of one commit are byte-identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)

.PHONY: install serve serve-zh build pdf edition test test-fast bench tidy lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The Chinese edition on its own, with live reload (the full site with both is `make build`).
serve-zh: $(STAMP)
	$(BIN)/mkdocs serve -f mkdocs.zh.yml --dev-addr 127.0.0.1:8001

build: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs build --strict -f mkdocs.zh.yml -d site/zh
	$(BIN)/python hooks/pdf.py site

pdf: build

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not slow"

bench: $(STAMP)
	$(BIN)/python tests/bench_labs.py

# Sort the glossary, acronym list and timeline after several people have appended to them.
tidy: $(STAMP)
	$(BIN)/python hooks/tidy.py

# Re-resolve requirements.in into the hashed lock file (needs the registry).
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile --python-version 3.11 --generate-hashes requirements.in -o requirements.lock

# Publish the current book as a fixed edition (default: this year) plus the moving alias
# "latest", on the gh-pages branch. Aliases are copies, so any static host serves them.
YEAR ?= $(shell date +%Y)
edition: $(STAMP)
	BOOK_VERSIONS=mike $(BIN)/mike deploy --update-aliases --alias-type=copy $(YEAR) latest
	$(BIN)/mike set-default latest
	$(BIN)/python hooks/editions.py record $(YEAR)

clean:
	rm -rf site .cache
