# estimator: two commands from a fresh clone.
#   make run    virtualenv, install, migrate, load presets and problems, serve on http://127.0.0.1:8000
#   make test   virtualenv, install with test extras, the whole suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install serving run serve test bench check screenshot docs clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Serving needs only the app's own dependencies; tests and benchmarks add their extras.
# --no-compile: Python compiles a module to bytecode when it is first imported; compiling every
# installed module up front (numpy, scipy, Django, Playwright...) took half of the install's CPU.
$(VENV)/.serving: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --no-compile --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --no-compile --disable-pip-version-check -e '.[test,bench]'
	touch $@ $(VENV)/.serving

install: $(VENV)/.installed

serving: $(VENV)/.serving

run: serving  ## the development server, DEBUG on, SQLite unless DATABASE_URL is set
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_presets
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

serve: serving  ## production mode under gunicorn's gevent workers on $(HOST):$(PORT) (set DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS)
	DJANGO_ENV=production $(PY) manage.py collectstatic --noinput
	DJANGO_ENV=production $(PY) manage.py migrate --noinput
	DJANGO_ENV=production $(PY) manage.py load_presets
	DJANGO_ENV=production GUNICORN_BIND=$${GUNICORN_BIND:-$(HOST):$(PORT)} $(VENV)/bin/gunicorn -c estimator/gunicorn.conf.py estimator.wsgi

# The suite runs in one process per core (at most 4; TEST_WORKERS=0 runs it in this process).
# It starts many Python processes (test processes, gunicorn servers, manage.py and CLI runs), each
# importing Django, numpy and the app: each compiles those modules to bytecode once and keeps it
# under $(VENV)/pycache for the others, even where PYTHONDONTWRITEBYTECODE is set (compiling
# them afresh cost ~2 s of CPU a process; the source tree gets no __pycache__ folders).
TEST_WORKERS ?= auto
test: install  ## the whole suite (browser tests need /usr/bin/chromium: see README)
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(abspath $(VENV))/pycache \
	  $(PY) -m pytest -n $(TEST_WORKERS) --maxprocesses=4 $(PYTEST_ARGS)

bench: install  ## every benchmark, one table (see README, Performance)
	$(PY) bench/run.py $(BENCH_ARGS)

check: install  ## deploy checks with production settings
	DJANGO_ENV=production DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  DJANGO_ALLOWED_HOSTS=example.com $(PY) manage.py check --deploy --fail-level WARNING

docs: install  ## rewrite the README's tables from the declarations
	$(PY) -m estimator.render.docs README.md

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

screenshot: install  ## the README's screenshots, with the browser tests' Chromium launcher
	$(PY) -m tests.browser.screenshot
	SCREENSHOTS=1 $(PY) -m pytest -q -p no:cacheprovider tests/browser/test_mermaid_browser.py -k readme
