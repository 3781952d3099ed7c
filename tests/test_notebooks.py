"""The tutorial's notebooks: stored without outputs, and run in order by nbmake against a local stack of their
own, in both deployments (a provisioned cluster twice in a row, then a serverless workgroup), with no error, no
stderr output (JupyterLab draws it as a warning) and no secret in their outputs or in the stack's logs; run out of
order, the first error is a few lines naming the notebook to run; and a query cell run again after Run All (the
last cell closed the connection) works."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from sparkify_dwh import mistakes
from tests.conftest import stack_environment
from tests.support import REPO_ROOT
from tests.test_repository import ACCESS_KEY_ID

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CLI = [sys.executable, "-m", "sparkify_dwh.cli"]
MOST_ERROR_LINES = 15


def _outputs(path: Path) -> Iterator[tuple[str, dict]]:
    """(cell id, output) for every output nbmake wrote back into the notebook at `path`."""
    for cell in json.loads(path.read_text())["cells"]:
        for output in cell.get("outputs", ()):
            yield cell.get("id", "?"), output


def _nbmake(notebooks: list[Path], environment: dict[str, str], basetemp: Path) -> subprocess.CompletedProcess:
    """Run `notebooks` with nbmake, in this order, writing their outputs back into them."""
    command = [sys.executable, "-m", "pytest", "--nbmake", "--overwrite", "--nbmake-timeout=600"]
    command += ["-p", "no:cacheprovider", f"--basetemp={basetemp}", "-q", *map(str, notebooks)]
    return subprocess.run(command, env=environment, cwd=REPO_ROOT, capture_output=True, text=True)


def _copies(tmp_path: Path) -> dict[str, Path]:
    """Copies of the notebooks (nbmake writes their outputs back), by their number: "01" ... "06"."""
    copies = tmp_path / "notebooks"
    copies.mkdir()
    for path in NOTEBOOKS:
        shutil.copy(path, copies / path.name)
    return {path.name[:2]: copies / path.name for path in NOTEBOOKS}


def test_the_six_notebooks_are_there_in_order():
    assert [path.name[:3] for path in NOTEBOOKS] == ["01_", "02_", "03_", "04_", "05_", "06_"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebooks_are_stored_without_outputs(path: Path):
    notebook = json.loads(path.read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{path.name}: strip outputs (nbstripout)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_no_notebook_branches_on_the_deployment(path: Path):
    """Both deployments run the same cells: the library decides what a cluster or a workgroup needs."""
    for cell in json.loads(path.read_text())["cells"]:
        code = "".join(cell["source"]) if cell["cell_type"] == "code" else ""
        assert "is_serverless" not in code and not re.search(r"\b(if|elif|else)\b.*(deployment|serverless)", code)
        assert not re.search(r"\bserverless\.", code), f"{path.name}: call cluster.*, which hands over to serverless"


@pytest.fixture(scope="module")
def notebook_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A local stack of the notebooks' own (state, ports and password set through the environment), seeded."""
    state = tmp_path_factory.mktemp("notebook-stack")
    environment = {
        **os.environ,
        **stack_environment(state / "state"),
        "SPARKIFY_IMAGES_DIR": str(state / "images"),
        "PLOOMBER_STATS_ENABLED": "false",
        "PLOOMBER_VERSION_CHECK_DISABLED": "1",
    }
    subprocess.run([*CLI, "local", "up"], env=environment, check=True, cwd=REPO_ROOT, capture_output=True)
    yield environment
    subprocess.run([*CLI, "local", "down"], env=environment, check=True, cwd=REPO_ROOT, capture_output=True)


# The notebooks are the same for both deployments; the cluster's series runs twice (a second run must reuse and
# replace what the first made), the workgroup's once (each series ends with notebook 06's teardown).
RUNS = {"provisioned": ("first", "second"), "serverless": ("first",)}


@pytest.mark.server  # a local stack of its own, and nbmake
@pytest.mark.parametrize("deployment", sorted(RUNS))
def test_the_notebooks_run_in_order_in_each_deployment_and_leak_no_secret(
    notebook_environment: dict[str, str], tmp_path: Path, deployment: str
):
    """Run on copies (nbmake writes their outputs back) so the outputs can be searched for the password."""
    copies = _copies(tmp_path)
    environment = {
        **notebook_environment,
        "SPARKIFY_CONFIG": str(REPO_ROOT / "dwh.cfg"),
        "SPARKIFY_DWH_DEPLOYMENT": deployment,
    }
    for attempt in RUNS[deployment]:
        result = _nbmake(sorted(copies.values()), environment, tmp_path / attempt)
        failed = f"{deployment}, {attempt} run failed:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"
        assert result.returncode == 0, failed
        for path in copies.values():
            for cell_id, output in _outputs(path):
                where = f"{deployment}, {attempt} run: {path.name} {cell_id}"
                assert output["output_type"] != "error", f"{where} shows an error"
                assert output.get("name") != "stderr", f"{where}: {output['text']!r}"
    password = notebook_environment["SPARKIFY_DWH_DB_PASSWORD"]
    state = Path(notebook_environment["SPARKIFY_LOCAL_STATE_DIR"])
    for place in [*copies.values(), *state.rglob("*.log")]:
        text = place.read_text(errors="replace")
        assert password not in text, f"{place.name} holds the database password"
        assert not ACCESS_KEY_ID.search(text.encode()), f"{place.name} holds an AWS access key id"
    assert any(
        output
        for path in copies.values()
        for cell in json.loads(path.read_text())["cells"]
        for output in cell.get("outputs", ())
    ), "the notebooks ran but wrote no outputs to search"


@pytest.mark.server  # a local stack of its own, and nbmake
@pytest.mark.parametrize(
    ("before", "out_of_order", "fix"),
    [
        (["06", "01", "02"], "04", "03_staging"),  # a cluster anew (06 deletes the old one): no staging tables
        (["06", "01", "02", "03"], "05", "04_star_schema"),  # staging loaded, no star schema
    ],
    ids=["04 before 03", "05 before 04"],
)
def test_a_notebook_run_too_early_says_in_a_few_lines_which_to_run_first(
    notebook_environment: dict[str, str], tmp_path: Path, before: list[str], out_of_order: str, fix: str
):
    copies = _copies(tmp_path)
    environment = {**notebook_environment, "SPARKIFY_CONFIG": str(REPO_ROOT / "dwh.cfg")}

    result = _nbmake([copies[number] for number in [*before, out_of_order]], environment, tmp_path / "run")

    assert result.returncode != 0 and f"{len(before)} passed" in result.stdout, result.stdout[-3000:]
    errors = [output for _, output in _outputs(copies[out_of_order]) if output["output_type"] == "error"]
    assert errors, f"{copies[out_of_order].name} failed without an error output"
    shown = "\n".join(errors[0]["traceback"])
    assert len(shown.splitlines()) <= MOST_ERROR_LINES and fix in shown, shown
    assert "snippets" not in shown  # JupySQL's guess, which misleads here


@pytest.mark.server  # a local stack of its own, nbmake and a kernel
def test_a_query_cell_run_again_after_run_all_reconnects(notebook_environment: dict[str, str], tmp_path: Path):
    """Notebook 03's last cell closes its connection; running its row counts again afterwards still works."""
    copies = _copies(tmp_path)
    environment = {**notebook_environment, "SPARKIFY_CONFIG": str(REPO_ROOT / "dwh.cfg")}
    result = _nbmake([copies["06"], copies["01"], copies["02"]], environment, tmp_path / "run")
    assert result.returncode == 0, result.stdout[-3000:]
    staging = nbformat.read(copies["03"], as_version=4)
    client = NotebookClient(staging, timeout=600, resources={"metadata": {"path": str(copies["03"].parent)}})
    counts = next(i for i, cell in enumerate(staging.cells) if "staging_row_counts" in cell.source)

    with client.setup_kernel(env=environment):
        for index, cell in enumerate(staging.cells):
            client.execute_cell(cell, index)
        assert "connection.close()" in staging.cells[-2].source
        again = client.execute_cell(staging.cells[counts], counts)

    kinds = [(output["output_type"], output.get("name")) for output in again.outputs]
    assert ("error", None) not in kinds and ("stream", "stderr") not in kinds, again.outputs
    results = [output for output in again.outputs if output["output_type"] == "execute_result"]
    assert results and "staging_events" in results[0]["data"]["text/plain"], again.outputs


def test_the_mistakes_name_the_notebooks_that_exist():
    for sentence, notebook in ((mistakes.RUN_03, "03_staging"), (mistakes.RUN_04, "04_star_schema")):
        assert notebook in sentence and (REPO_ROOT / "notebooks" / f"{notebook}.ipynb").is_file()
