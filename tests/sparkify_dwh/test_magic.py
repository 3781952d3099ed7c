"""`magic.load` in a real notebook kernel: JupySQL's phoning home switched off, `%sql` connected to the warehouse
with the library's engine, the SQL of a file run by name, results as DataFrames, and no password in any output."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from sparkify_dwh import magic
from sparkify_dwh.config import Config
from tests.support import REPO_ROOT

CELLS = [
    "from sparkify_dwh import magic, sql\n"
    "from sparkify_dwh.config import load_config\n"
    "magic.load(get_ipython(), load_config())",
    'query = sql.find("inspect", "first_query").text',
    "%sql {{ query }}",
    "%%sql\n{{ query }}",
    "result = %sql {{ query }}\nprint(json.dumps({'type': type(result).__name__, **result.iloc[0].to_dict()}))",
    "print(json.dumps({name: os.environ.get(name) for name in magic.QUIET_PLOOMBER}))",
    "%sql --connections",
    "warehouse_engine",
]


@pytest.fixture
def kernel_environment(warehouse_config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel inherits this process's environment: the warehouse's settings, and no ploomber variables."""
    settings = {
        "SPARKIFY_CONFIG": str(REPO_ROOT / "dwh.cfg"),
        "SPARKIFY_MODE": "local",
        "SPARKIFY_LOCAL_STATE_DIR": str(warehouse_config.local.state_dir),
        "SPARKIFY_LOCAL_AWS_PORT": str(warehouse_config.local.aws_port),
        "SPARKIFY_LOCAL_POSTGRES_PORT": str(warehouse_config.local.postgres_port),
        "SPARKIFY_DWH_PORT": str(warehouse_config.dwh.port),
        "SPARKIFY_DWH_DB_PASSWORD": warehouse_config.dwh.db_password.reveal(),
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    for name in magic.QUIET_PLOOMBER:
        monkeypatch.delenv(name, raising=False)


def _printed(cell: nbformat.NotebookNode) -> dict:
    [line] = [output["text"] for output in cell.outputs if output.get("name") == "stdout"]
    return json.loads(line)


def _plain(cell: nbformat.NotebookNode) -> str:
    return "".join(output["data"]["text/plain"] for output in cell.outputs if "data" in output)


def test_sql_magic_runs_the_sql_of_a_file_against_the_warehouse(
    warehouse_config: Config, kernel_environment: None, tmp_path: Path
):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import json, os")] + [nbformat.v4.new_code_cell(c) for c in CELLS]
    resources = {"metadata": {"path": str(tmp_path)}}
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", resources=resources)

    client.execute()

    loading, _, line, cell, assigned, ploomber, connections, engine = notebook.cells[1:]
    assert [output for output in loading.outputs if output.get("name") != "stderr"] == []  # nothing but the log
    assert "dwh" in _plain(line) and "dwh" in _plain(cell)
    printed = _printed(assigned)
    assert (printed["type"], printed["database_name"]) == ("DataFrame", warehouse_config.dwh.db)
    assert _printed(ploomber) == magic.QUIET_PLOOMBER
    assert "dwhuser:***@127.0.0.1" in _plain(connections)
    assert magic.ALIAS in _plain(connections)
    assert _plain(engine).startswith("Engine(redshift+redshift_connector://dwhuser:***@")
    everything = json.dumps([cell.outputs for cell in notebook.cells])
    assert warehouse_config.dwh.db_password.reveal() not in everything
    assert "toml" not in everything
