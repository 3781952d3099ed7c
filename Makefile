# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv and install the project first.
# `make check` is the fast tier (lint, format, the tests that need no server) to run before `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
CLI := $(VENV)/bin/sparkify-dwh
INSTALLED := $(VENV)/.installed

.PHONY: install demo up lab check test test-browser chromium bench sqlalchemy-redshift-suite down clean

## The install: pip puts uv into the venv (from PyPI) and uv installs the project, about 5 s instead of 60 s with
## pip alone; where either step fails, pip installs the project. environment.yml (conda) installs with pip.
## jupysql-plugin (installed with jupysql) wants React 17, and JupyterLab 4 flags it incompatible: it is disabled,
## in this venv only (the %sql magic does not need it).
$(INSTALLED): pyproject.toml lib/local_redshift/copy/_row_kernel.c
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet uv && $(VENV)/bin/uv pip install --quiet --python $(PY) -e '.[dev,test]' \
		|| $(PY) -m pip install --quiet -e '.[dev,test]'
	$(VENV)/bin/jupyter labextension disable --level=sys_prefix jupysql-plugin >/dev/null 2>&1 || true
	$(VENV)/bin/jupyter server extension disable --sys-prefix jupysql_plugin >/dev/null 2>&1 || true
	touch $(INSTALLED)

install: $(INSTALLED)

## Offline, from a fresh clone: start the local stack (seeding the sample data), then the whole pipeline (role,
## cluster, staging COPY, star schema, checks, charts in images/) with a table of row counts.
demo: install
	$(CLI) local up
	$(CLI) run
	$(CLI) local status
	@echo
	@echo "Next: the same steps one by one, in the notebooks. Run 'make lab', open the http://127.0.0.1:8888/lab?token=..."
	@echo "address it prints in your browser, and run notebooks/01_iam_role.ipynb to 06_teardown.ipynb in order."
	@echo "The local stack keeps running in the background until 'make down' stops it."

## Start the local stack (seeding the sample data) and leave it running; `make down` stops it.
up: install
	$(CLI) local up

## JupyterLab on this machine only (127.0.0.1), opened at the notebooks; it prints the address to open.
lab: install
	$(VENV)/bin/jupyter lab --no-browser --ip 127.0.0.1 --notebook-dir notebooks

## Lint and format checks, then every test that needs no server (pytest -m "not server", well under a minute); a
## test that tries to start a server without the `server` marker fails.
check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -m "not server"

## The whole test suite, the browser test included; tests that start servers stop them.
test: install chromium
	$(PY) -m pytest

## The browser test alone: JupyterLab in Debian's chromium, driven by Playwright (about 3 minutes).
test-browser: install chromium
	$(PY) -m pytest tests/test_browser.py

## Debian's chromium for the browser test, with apt-get where it is missing (as root); where it cannot be
## installed, the browser test skips and says why.
chromium:
	@command -v chromium >/dev/null || { test "$$(id -u)" = 0 && command -v apt-get >/dev/null \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		chromium >/dev/null; } || echo "chromium could not be installed here: the browser test will skip"

## Benchmarks: the endpoint's overhead and COPY from S3 (about 9 minutes on 2 cores); results in benchmarks/results/.
bench: install
	$(PY) -m benchmarks.endpoint_overhead
	$(PY) -m benchmarks.copy_load

## sqlalchemy-redshift's own test suite, for tests/local_redshift/tools/test_sqlalchemy_redshift_suite.py: a side env
## in .tools/sqlalchemy-redshift/ (its release, SQLAlchemy 2.0.*, its test requirements, its sdist's tests and the
## harness its repository keeps at the release's tag; HARNESS=folder to copy the harness from a folder instead).
sqlalchemy-redshift-suite: install
	$(PY) -m tests.local_redshift.tools.sqlalchemy_redshift_suite $(if $(HARNESS),--harness $(HARNESS))

## Stop the local stack.
down: install
	$(CLI) local down

clean: down
	rm -rf .local_redshift
