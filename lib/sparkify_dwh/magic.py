"""The `%sql` and `%%sql` magics (JupySQL) connected to the warehouse, for notebooks.

JupySQL's dependency ploomber-core has usage telemetry and a version check: both are switched off before the
extension loads, since classrooms must not phone home. The connection is the library's SQLAlchemy engine, handed
to `%sql` by its variable's name, so the password is in no cell and no output (SQLAlchemy masks it in URLs).
"""

from __future__ import annotations

import logging
import os

import boto3
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from sparkify_dwh import warehouse
from sparkify_dwh.config import Config

log = logging.getLogger(__name__)

QUIET_PLOOMBER = {"PLOOMBER_STATS_ENABLED": "false", "PLOOMBER_VERSION_CHECK_DISABLED": "1"}
ENGINE_VARIABLE = "warehouse_engine"
ALIAS = "warehouse"
# Results as pandas DataFrames; no connection banner or "Running query" line; at most 20 rows of a result set.
SETTINGS: dict[str, object] = {"autopandas": True, "displaycon": False, "feedback": 0, "displaylimit": 20}


def load(ipython: InteractiveShell, config: Config, *, boto_session: boto3.Session | None = None) -> None:
    """Load JupySQL into `ipython` (`get_ipython()`) and connect `%sql` to the warehouse.

    The engine is put in the notebook's namespace as `warehouse_engine` (for pandas too).
    """
    os.environ.update(QUIET_PLOOMBER)
    # JupySQL's loader announces what it found in pyproject.toml ("Did not find user configurations ..."): the
    # project's pyproject.toml configures no magic, the settings below do, so its messages are dropped.
    with capture_output():
        ipython.run_line_magic("load_ext", "sql")
    for name, value in SETTINGS.items():
        ipython.run_line_magic("config", f"SqlMagic.{name} = {value!r}")
    ipython.push({ENGINE_VARIABLE: warehouse.engine(config, boto_session=boto_session)})
    ipython.run_line_magic("sql", f"{ENGINE_VARIABLE} --alias {ALIAS}")
    log.info("%%sql is connected to %s as %s (engine: %s)", config.dwh.db, config.dwh.db_user, ENGINE_VARIABLE)
