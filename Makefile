# Marsad — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PG_URL ?= postgres://postgres@127.0.0.1:5432/marsad
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
TEST_ENV := MARSAD_TESTING=1 TASKS_IMMEDIATE=1 SECRET_KEY=test-only-not-secret
# Development runs may use a key generated into var/secret_key (DEBUG on); production needs SECRET_KEY set.
DEV_ENV := DEBUG=$${DEBUG:-1}
# Benchmarks run with DEBUG off (as production) and need no real key; the test client's host is
# allowed and static files are named plainly (no collectstatic manifest needed).
BENCH_ENV := SECRET_KEY=$${SECRET_KEY:-bench-only-not-secret} STATIC_MANIFEST=0 ALLOWED_HOSTS=testserver,127.0.0.1,localhost
# bench-public's own database (created and migrated if needed): never the development database.
BENCH_DB ?= marsad_bench
BENCH_URL ?= postgres://postgres@127.0.0.1:5432/$(BENCH_DB)

.PHONY: run test test-sqlite test-postgres lint format bench bench-public load migrate demo venv dev-venv clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed
dev-venv: $(VENV)/.installed-dev

migrate: venv
	$(DEV_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(PY) manage.py load_demo

## run: install, migrate, load demo data and serve on http://$(HOST):$(PORT) (SQLite unless DATABASE_URL is set),
## with the background worker beside the server (bulk imports are tagged without a second command)
WORKER := $(if $(REDIS_URL),rqworker default,db_worker)
run: demo
	@echo "Marsad on http://$(HOST):$(PORT)/ with its background worker (Ctrl-C stops both)"
	@$(DEV_ENV) $(PY) manage.py $(WORKER) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

## test: the whole suite on SQLite, then again on PostgreSQL when one is reachable
test: dev-venv
	env -u DATABASE_URL $(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	@$(MAKE) --no-print-directory test-sqlite
	@if DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(PY) scripts/pg_ready.py; then \
		$(MAKE) --no-print-directory test-postgres; \
	else \
		if [ "$$CI" = "true" ]; then echo "PostgreSQL is required in CI but unreachable" >&2; exit 1; fi; \
		echo "== PostgreSQL not reachable at $${DATABASE_URL:-$(PG_URL)}: ran the suite on SQLite only"; \
	fi

test-sqlite: dev-venv
	@echo "== test suite on SQLite"
	env -u DATABASE_URL $(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)
	@echo "== SQLite suite passed"

test-postgres: dev-venv
	@echo "== test suite on PostgreSQL ($${DATABASE_URL:-$(PG_URL)})"
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)
	@echo "== PostgreSQL suite passed"

## lint: ruff, the dependency contracts (import-linter, pyproject.toml) and dead code (vulture)
lint: dev-venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/vulture

format: dev-venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## bench: tagger speed; bench-public: every public page, the API and the exports on PostgreSQL
## (database $(BENCH_DB); `make bench-public INCIDENTS=1000000 BENCH_DB=marsad_bench1m` for the million)
bench: venv
	$(BENCH_ENV) $(PY) manage.py bench

bench-public: venv
	DATABASE_URL=$(BENCH_URL) $(PY) scripts/pg_ready.py
	DATABASE_URL=$(BENCH_URL) $(PY) scripts/pg_createdb.py
	DATABASE_URL=$(BENCH_URL) $(BENCH_ENV) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_URL) $(BENCH_ENV) $(PY) manage.py bench_public --incidents $${INCIDENTS:-100000} $(BENCH_ARGS)

## load: gunicorn + wrk against PostgreSQL (see docs/deploy.md)
load: venv
	bash bench/load.sh

clean:
	rm -rf $(VENV) staticfiles
