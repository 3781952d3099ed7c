"""The `%sql` magic (JupySQL) in a real notebook kernel, against the endpoint, with Redshift SQL unchanged."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

CELLS = [
    "%load_ext sql",
    "%sql {url} --connection_arguments '{{\"ssl\": false}}'",
    "%%sql\nCREATE TABLE magic_plays (\n    songplay_id INT IDENTITY(0,1),\n    user_id INT NOT NULL DISTKEY,\n"
    "    start_time TIMESTAMP SORTKEY\n) DISTSTYLE KEY",
    "%sql INSERT INTO magic_plays (user_id, start_time) VALUES (7, GETDATE()), (9, GETDATE())",
    "result = %sql SELECT songplay_id, user_id FROM magic_plays ORDER BY songplay_id\n"
    "print(json.dumps(result.DataFrame().to_dict('list')))",
]


@pytest.fixture
def quiet_ploomber(monkeypatch):
    """Classrooms must not phone home: JupySQL's ploomber-core telemetry and version check off in the kernel."""
    monkeypatch.setenv("PLOOMBER_STATS_ENABLED", "false")
    monkeypatch.setenv("PLOOMBER_VERSION_CHECK_DISABLED", "1")


def test_sql_magic_runs_redshift_ddl_identity_and_a_select(cluster, quiet_ploomber, tmp_path):
    url = (
        f"redshift+redshift_connector://{cluster.user}:{cluster.password}@{cluster.host}:{cluster.port}/"
        f"{cluster.database}"
    )
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import json")] + [
        nbformat.v4.new_code_cell(cell.format(url=url)) for cell in CELLS
    ]
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    printed = [o["text"] for o in notebook.cells[-1].outputs if o.get("name") == "stdout"]
    assert json.loads(printed[-1]) == {"songplay_id": [0, 1], "user_id": [7, 9]}
