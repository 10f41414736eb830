# Sourcewise: `make run` to start the app, `make test` to run the tests.  See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000
POSTGRES_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: run test test-postgres test-deploy test-all lint audit install install-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Install, migrate the SQLite database, import questions/, serve on http://127.0.0.1:5000 with gunicorn
# Two gunicorn workers (gunicorn.conf.py).  Without Redis their rate limits (join codes, passwords)
# are counted per worker, so up to twice the configured tries get through: acceptable on one
# teacher's machine, and said so here rather than hidden.  RATELIMIT_STORAGE_URI=redis://... in the
# environment makes them share one count instead.  No control socket: gunicorn 27 puts it at one
# fixed path per user, which a second server of the same user would take over.
run: install
	$(FLASK) db upgrade
	-$(FLASK) questions import
	$(FLASK) teacher setup-url --base-url http://$(HOST):$(PORT)
	SOURCEWISE_ALLOW_PER_WORKER_LIMITS=1 $(BIN)/gunicorn -c gunicorn.conf.py --workers 2 \
		--bind $(HOST):$(PORT) --no-control-socket "app:create_app()"

# The suite runs on TEST_PROCESSES processes (pytest-xdist; a test file stays in one process, as the
# browser journey needs), then the load tests on their own: they time gunicorn under load, and
# another process's tests beside them would be part of what they measure.
TEST_PROCESSES ?= 2
PYTEST_SUITE = -n $(TEST_PROCESSES) --dist loadfile -m "not load"

## Install the test tools and run the whole suite on SQLite (browser tests included when Chromium is there)
test: install-dev
	$(BIN)/python -m pytest $(PYTEST_SUITE)
	$(BIN)/python -m pytest -m load tests/load

## The same suite against PostgreSQL (each run in its own schema of the database in POSTGRES_URL), all
## but tests/unit: the domain they test never touches a database, and they already ran in `make test`
test-postgres: install-dev
	SOURCEWISE_TEST_DATABASE=$(POSTGRES_URL) $(BIN)/python -m pytest $(PYTEST_SUITE) --ignore=tests/unit
	SOURCEWISE_TEST_DATABASE=$(POSTGRES_URL) $(BIN)/python -m pytest -m load tests/load

## The README's "Running for a school" on this machine: PostgreSQL, gunicorn, nginx over HTTPS, Chromium,
## backup and restore (needs nginx, redis-server, openssl and a PostgreSQL superuser; see tests/deploy)
test-deploy: install-dev
	$(BIN)/python -m pytest tests/deploy

test-all: test test-postgres test-deploy

## Check every question and 50 quizzes of each article in questions/ (FILE:LINE: finding)
audit: install
	$(FLASK) questions audit questions/

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/mypy app
	$(FLASK) questions audit questions/
