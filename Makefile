# newsprism — the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when the dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/newsprism ingest demo/articles --db sqlite:///demo.db
	$(BIN)/newsprism stories --db sqlite:///demo.db
	$(BIN)/newsprism show --db sqlite:///demo.db --markdown $$($(BIN)/newsprism stories --db sqlite:///demo.db --json | $(BIN)/python -c "import json,sys; print(max(json.load(sys.stdin), key=lambda s: len(s['article_ids']))['id'])")

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean-db:
	rm -f newsprism.db demo.db
