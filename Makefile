# Two commands matter: `make run` (set up and serve the site) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://root@127.0.0.1:5432/nmpaa
BENCH_DATABASE_URL ?= postgres://root@127.0.0.1:5432/nmpaa_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/0
export PORT

.PHONY: run serve test lint format install backup bench bench-submissions scale-out

$(VENV)/.installed: requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

## Set everything up on the embedded SQLite database (or DATABASE_URL) and serve on PORT.
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_site_content
	@echo "To log in at http://127.0.0.1:$(PORT)/admin/ create a staff login: $(PY) manage.py createsuperuser"
	@# The task worker (notification emails, search indexing) runs beside the web server
	@# and stops with it, however runserver ends.
	@$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## Serve the production way: gunicorn, DEBUG off, settings from the environment.
serve: install
	DJANGO_SETTINGS_MODULE=nmpaa_site.settings.production $(PY) manage.py collectstatic --no-input -v0
	HOST=$${HOST:-127.0.0.1} $(VENV)/bin/gunicorn -c nmpaa_site/gunicorn.conf.py

## The whole suite on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL).
test: install
	@DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(PY) scripts/check_test_database.py
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DJANGO_SETTINGS_MODULE=nmpaa_site.settings.test $(PY) manage.py check
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DJANGO_SETTINGS_MODULE=nmpaa_site.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## One restorable archive of the database and media in BACKUP_DIR (default ./backups).
backup: install
	$(PY) manage.py backup

## Outreach sign-ups per second through gunicorn on PostgreSQL (BENCH_DATABASE_URL).
bench-submissions: install
	$(PY) -m scripts.bench.submissions

## Throughput and in-process cost of each page type against a constant view (needs wrk).
bench: install
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(BENCH_REDIS_URL)} $(PY) -m scripts.bench.pages

## Two app servers behind nginx on one database and Redis: shows they share state.
scale-out: install
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(BENCH_REDIS_URL)} $(PY) -m scripts.scale_out
