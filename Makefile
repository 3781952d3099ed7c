# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv and install the project first.
# `make check` is the fast tier (lint, format, the tests that need no server) to run before `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
CLI := $(VENV)/bin/sparkify-dwh
INSTALLED := $(VENV)/.installed

.PHONY: install demo check test bench down clean

## The install: pip puts uv into the venv (from PyPI) and uv installs the project, about 5 s instead of 60 s with
## pip alone; where either step fails, pip installs the project. environment.yml (conda) installs with pip.
$(INSTALLED): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet uv && $(VENV)/bin/uv pip install --quiet --python $(PY) -e '.[dev]' \
		|| $(PY) -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

## Offline, from a fresh clone: start the local stack (seeding the sample data), then the whole pipeline (role,
## cluster, staging COPY, star schema, checks, charts in images/) with a table of row counts.
demo: install
	$(CLI) local up
	$(CLI) run
	$(CLI) local status

## Lint and format checks, then every test that needs no server (pytest -m "not server", well under a minute); a
## test that tries to start a server without the `server` marker fails.
check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -m "not server"

## The whole test suite; tests that start servers stop them.
test: install
	$(PY) -m pytest

## Benchmarks: the endpoint's overhead and COPY from S3 (about 5 minutes on 2 cores); results in benchmarks/results/.
bench: install
	$(PY) -m benchmarks.endpoint_overhead
	$(PY) -m benchmarks.copy_load

## Stop the local stack.
down: install
	$(CLI) local down

clean: down
	rm -rf .local_redshift
