# Shopwindow: `make run` sets everything up and serves the app; `make test` runs every test.
# Both work on a fresh machine: they create the virtualenv, install packages and build the front end.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
FRONTEND := var/frontend
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
SWAGGER_DIST := node_modules/swagger-ui-dist
AUTOCOMPLETE_DIST := node_modules/accessible-autocomplete/dist
SASS := node_modules/.bin/sass
export DJANGO_SETTINGS_MODULE ?= shopwindow.settings.dev

.PHONY: help setup run serve test test-sqlite test-postgres check lint format bench lock \
	frontend migrate load-data chromium postgres clean

help: ## List the make targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(FRONTEND)/.built: node_modules/.installed $(wildcard shopwindow/core/static_src/*.scss)
	rm -rf $(FRONTEND)
	mkdir -p $(FRONTEND)/static/govuk $(FRONTEND)/static/brand $(FRONTEND)/static/autocomplete $(FRONTEND)/root
	cp $(GOVUK_DIST)/govuk-frontend.min.js $(GOVUK_DIST)/govuk-frontend.min.js.map $(FRONTEND)/static/govuk/
	@# Shopwindow's brand: GOV.UK Frontend's Sass with a system font stack, no crown, no GOV.UK fonts.
	$(SASS) --load-path=node_modules --style=compressed --no-source-map --quiet-deps \
		shopwindow/core/static_src/shopwindow.scss $(FRONTEND)/static/brand/shopwindow.min.css
	@# With their source maps: the production static storage follows sourceMappingURL references.
	cp $(AUTOCOMPLETE_DIST)/accessible-autocomplete.min.js $(AUTOCOMPLETE_DIST)/accessible-autocomplete.min.js.map \
		$(AUTOCOMPLETE_DIST)/accessible-autocomplete.min.css $(AUTOCOMPLETE_DIST)/accessible-autocomplete.min.css.map \
		$(FRONTEND)/static/autocomplete/
	@# Swagger UI for the API docs page (/api/v1/docs/), served from this site under the CSP.
	mkdir -p $(FRONTEND)/static/swagger-ui
	cp $(SWAGGER_DIST)/swagger-ui-bundle.js $(SWAGGER_DIST)/swagger-ui.css $(SWAGGER_DIST)/swagger-ui.css.map \
		$(SWAGGER_DIST)/LICENSE $(FRONTEND)/static/swagger-ui/
	touch $@

frontend: $(FRONTEND)/.built ## Install npm packages, build the brand's CSS from GOV.UK Frontend's Sass, lay out the JS and Swagger UI

setup: $(BIN)/.installed frontend ## Create the virtualenv and build the front end
	@mkdir -p var

migrate: setup ## Apply database migrations
	$(PY) manage.py migrate --no-input

load-data: migrate ## Load reference data and the real catalogue (and demo content, where allowed)
	$(PY) manage.py load_reference
	$(PY) manage.py seed_email_domains
	$(PY) manage.py load_catalogue
	$(PY) manage.py load_demo
	$(PY) manage.py build_comparators
	$(PY) manage.py load_demo_accounts
	$(PY) manage.py load_demo_associates
	$(PY) manage.py collectstatic --no-input --verbosity 0

run: load-data ## Set up everything and serve on http://127.0.0.1:$(PORT) (SQLite)
	@echo "Serving Shopwindow on http://127.0.0.1:$(PORT)/ (background worker log: var/worker.log)"
	@echo "Demo moderator's security code (second factor): $(PY) manage.py demo_totp_code"
	@# The django-tasks worker runs report PDFs and digests; it stops when the server stops.
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py worker --queue-name '*' > var/worker.log 2>&1 & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

chromium: ## Install Debian's Chromium for the browser tests when it is missing
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

postgres: ## Start (or install) the local PostgreSQL cluster the tests use
	@bash scripts/ensure-postgres.sh

test: setup chromium postgres ## Run every test on SQLite, then on PostgreSQL, and print the counts
	@mkdir -p var/test-results
	@set -o pipefail; status=0; \
	echo "== Tests on SQLite"; \
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=shopwindow.settings.test \
		$(BIN)/pytest --junitxml=var/test-results/sqlite.xml || status=$$?; \
	echo "== Tests on PostgreSQL ($(PG_URL))"; \
	DATABASE_URL=$(PG_URL) DJANGO_SETTINGS_MODULE=shopwindow.settings.test \
		$(BIN)/pytest --junitxml=var/test-results/postgresql.xml || status=$$?; \
	$(PY) scripts/test_counts.py var/test-results/sqlite.xml var/test-results/postgresql.xml || status=$$?; \
	exit $$status

check: setup ## Lint, format check, type check and check for missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=shopwindow.settings.test $(PY) manage.py makemigrations --check --dry-run

format: setup ## Format the code and fix what ruff can
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(BIN)/.bench-installed: requirements/bench.txt $(BIN)/.installed
	$(BIN)/pip install --quiet -r requirements/bench.txt
	touch $@

bench: setup postgres $(BIN)/.bench-installed ## Run the benchmarks in bench/ (BENCH_SIZES=10000 to shorten)
	@for script in bench/*.py; do [ -e "$$script" ] || continue; echo "== $$script"; $(PY) "$$script" || exit 1; done

lock: ## Re-pin the Python dependencies (needs uv in the virtualenv)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile requirements/base.in -p 3.11 -o requirements/base.txt
	$(BIN)/uv pip compile requirements/dev.in -p 3.11 -o requirements/dev.txt
	$(BIN)/uv pip compile requirements/bench.in -p 3.11 -o requirements/bench.txt

clean: ## Remove the virtualenv, npm packages and local state in var/
	rm -rf $(VENV) node_modules var
