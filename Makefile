# The two commands of the README: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := wsgi

.PHONY: run test lint test-pg install translations messages clean lock

# Installs exactly the pinned versions of requirements-dev.lock (pyproject.toml keeps the ranges),
# so a new release of a dependency cannot break a fresh clone silently.
$(BIN)/.installed: pyproject.toml requirements-dev.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

# Re-pin after changing dependencies in pyproject.toml (developers; the .lock files are committed).
lock:
	$(BIN)/pip install -q pip-tools
	$(BIN)/pip-compile -q --no-emit-index-url --no-emit-find-links --allow-unsafe --strip-extras -o requirements.lock pyproject.toml
	$(BIN)/pip-compile -q --no-emit-index-url --no-emit-find-links --allow-unsafe --strip-extras --extra dev -o requirements-dev.lock pyproject.toml

install: $(BIN)/.installed translations

translations: $(BIN)/.installed
	@$(BIN)/pybabel compile -d portal/translations > /dev/null

# Extract texts and update every catalogue (developers; the .po files are committed).
messages: $(BIN)/.installed
	$(BIN)/pybabel extract --ignore-dirs='.* __pycache__ .venv' -F babel.cfg -k _l -k lazy_gettext -o portal/translations/messages.pot .
	$(BIN)/pybabel update -i portal/translations/messages.pot -d portal/translations --no-fuzzy-matching

# QR codes and mail links printed by the demo point at the port it really serves on.
run: export PORTAL_BASE_URL ?= http://127.0.0.1:$(PORT)
run: install
	$(BIN)/flask portal migrate
	$(BIN)/flask portal seed-demo --if-empty
	$(BIN)/flask portal tick >/dev/null
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

# Lint and types before the tests (rules in pyproject.toml: [tool.ruff], [tool.mypy]).
LINT_PATHS := portal tests bench wsgi.py migrations

lint: $(BIN)/.installed
	@echo "== ruff (pyflakes, isort, bugbear, pyupgrade, bandit): $(LINT_PATHS)"
	$(BIN)/ruff check $(LINT_PATHS)
	@echo "== mypy (strict: services, models, queries, foundation; see [tool.mypy]): portal"
	$(BIN)/mypy portal

test: install lint
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) instance .pytest_cache
