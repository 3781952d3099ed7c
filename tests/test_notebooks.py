"""The tutorial's notebooks: stored without outputs, and run in order by nbmake against a local stack of their
own, in both deployments (a provisioned cluster twice in a row, then a serverless workgroup), with no secret in
their outputs or in the stack's logs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import stack_environment
from tests.support import REPO_ROOT
from tests.test_repository import ACCESS_KEY_ID

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CLI = [sys.executable, "-m", "sparkify_dwh.cli"]


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
    state.chmod(0o755)
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
    copies = tmp_path / "notebooks"
    copies.mkdir()
    for path in NOTEBOOKS:
        shutil.copy(path, copies / path.name)
    environment = {
        **notebook_environment,
        "SPARKIFY_CONFIG": str(REPO_ROOT / "dwh.cfg"),
        "SPARKIFY_DWH_DEPLOYMENT": deployment,
    }
    for attempt in RUNS[deployment]:
        command = [sys.executable, "-m", "pytest", "--nbmake", "--overwrite", "--nbmake-timeout=600"]
        command += ["-p", "no:cacheprovider", f"--basetemp={tmp_path / attempt}", "-q"]
        command += sorted(map(str, copies.glob("*.ipynb")))
        result = subprocess.run(command, env=environment, cwd=REPO_ROOT, capture_output=True, text=True)
        failed = f"{deployment}, {attempt} run failed:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"
        assert result.returncode == 0, failed
    password = notebook_environment["SPARKIFY_DWH_DB_PASSWORD"]
    state = Path(notebook_environment["SPARKIFY_LOCAL_STATE_DIR"])
    for place in [*copies.glob("*.ipynb"), *state.rglob("*.log")]:
        text = place.read_text(errors="replace")
        assert password not in text, f"{place.name} holds the database password"
        assert not ACCESS_KEY_ID.search(text.encode()), f"{place.name} holds an AWS access key id"
    assert any(
        output
        for path in copies.glob("*.ipynb")
        for cell in json.loads(path.read_text())["cells"]
        for output in cell.get("outputs", ())
    ), "the notebooks ran but wrote no outputs to search"
