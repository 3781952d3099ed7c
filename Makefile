# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv and install the project first.
VENV ?= .venv
PY := $(VENV)/bin/python
CLI := $(VENV)/bin/sparkify-dwh
INSTALLED := $(VENV)/.installed

.PHONY: install demo test bench down clean

$(INSTALLED): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

## Offline, from a fresh clone: start the local stack (seeding the sample data), then the whole pipeline (role,
## cluster, staging COPY, star schema, checks, charts in images/) with a table of row counts.
demo: install
	$(CLI) local up
	$(CLI) run
	$(CLI) local status

## The whole test suite; tests that start servers stop them.
test: install
	$(PY) -m pytest

## Benchmarks: the endpoint's overhead and COPY from S3 (about 5 minutes on 2 cores); results in benchmarks/results/.
bench: install
	$(PY) benchmarks/endpoint_overhead.py
	$(PY) benchmarks/copy_load.py

## Stop the local stack.
down: install
	$(CLI) local down

clean: down
	rm -rf .local_redshift
