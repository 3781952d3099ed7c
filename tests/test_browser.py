"""The notebooks as a learner meets them: a real JupyterLab in headless Chromium (Debian's `chromium`, driven by
Playwright), each notebook run with Run > Run All Cells, against a local stack of the test's own.

A clean run shows no error and no stderr box, the progress widget, the `%sql` tables and the charts. Run too
early (04 before 03, 05 before 04), a notebook shows one short error that names the notebook to run. Screenshots
of every run are saved in the test's temporary folder. JupyterLab and the stack are stopped by their pids.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import stack_environment
from tests.support import REPO_ROOT, free_port

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: `make install` does it")
CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.server,  # a local stack, JupyterLab and a browser
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed: `make test-browser` installs it"),
]

NOTEBOOKS = {path.name[:2]: path for path in sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))}
CLI = [sys.executable, "-m", "sparkify_dwh.cli"]
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook on screen
STDERR_OR_ERROR = f"{NOTEBOOK} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
PROGRESS_WIDGET = f"{NOTEBOOK} .jp-OutputArea-output .widget-hprogress"  # tqdm's bar, an ipywidgets progress
TABLE = f"{NOTEBOOK} .jp-OutputArea-output table"
IMAGE = f"{NOTEBOOK} .jp-OutputArea-output img"
MOST_VISIBLE_ERROR_LINES = 5
# JupyterLab's own settings for the test (in a folder of its own): every cell in the page (no windowing, so that
# outputs below the fold exist), the preferred kernel started without asking, no news or update notifications.
LAB_SETTINGS = {
    "notebook-extension/tracker": {"windowingMode": "none", "autoStartDefaultKernel": True},
    "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}
# The notebook's kernel has started and is waiting, as the status bar says ("Python 3 (ipykernel) | Idle").
KERNEL_IDLE = """() => /\\|\\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.textContent || '')"""
# Run All is over when every cell that ran shows its number and the kernel is idle again.
RUN_OVER = f"""() => {{
    const prompts = [...document.querySelectorAll('{NOTEBOOK} .jp-CodeCell .jp-InputPrompt')].map(e => e.textContent);
    const indicator = document.querySelector('{NOTEBOOK} .jp-Notebook-ExecutionIndicator');
    return /\\d/.test(prompts[0] || '') && !prompts.some(p => p.includes('*'))
        && indicator !== null && indicator.dataset.status === 'idle';
}}"""


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: its address with the token, and the folder holding the notebooks' copies."""

    url: str
    token: str
    root: Path
    screenshots: Path

    def shut_down_kernels(self) -> None:
        """Delete every session, so that the next notebook starts a kernel of its own."""
        headers = {"Authorization": f"token {self.token}"}
        with urllib.request.urlopen(urllib.request.Request(f"{self.url}/api/sessions", headers=headers)) as answer:
            sessions = json.load(answer)
        for session in sessions:
            request = urllib.request.Request(
                f"{self.url}/api/sessions/{session['id']}", headers=headers, method="DELETE"
            )
            urllib.request.urlopen(request).close()


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "JupyterLab exited before it listened"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"JupyterLab did not listen on 127.0.0.1:{port} within {seconds:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """A local stack of the test's own (seeded), and JupyterLab on 127.0.0.1 over copies of the notebooks."""
    home = tmp_path_factory.mktemp("browser")
    root, screenshots = home / "notebooks", home / "screenshots"
    root.mkdir()
    screenshots.mkdir()
    for path in NOTEBOOKS.values():
        shutil.copy(path, root / path.name)
    for name, values in LAB_SETTINGS.items():
        settings = home / "lab-settings" / "@jupyterlab" / f"{name}.jupyterlab-settings"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps(values))
    environment = {
        **os.environ,
        **stack_environment(home / "state"),
        "SPARKIFY_CONFIG": str(REPO_ROOT / "dwh.cfg"),
        "SPARKIFY_IMAGES_DIR": str(home / "images"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    subprocess.run([*CLI, "local", "up"], env=environment, check=True, cwd=REPO_ROOT, capture_output=True)
    port, token = free_port(), secrets.token_hex(16)
    command = [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", "--ip", "127.0.0.1"]
    command += [f"--port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"]
    command += ["--allow-root"] if os.geteuid() == 0 else []
    with (home / "jupyterlab.log").open("w") as log:
        process = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    try:
        _wait_for_port(port, process)
        yield Lab(f"http://127.0.0.1:{port}", token, root, screenshots)
    finally:
        _stop(process)
        subprocess.run([*CLI, "local", "down"], env=environment, check=True, cwd=REPO_ROOT, capture_output=True)


@pytest.fixture(scope="module")
def browser(lab: Lab) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@dataclass(frozen=True)
class Run:
    """What the page shows after Run All: the stderr or error boxes' texts, and how many widgets, tables, images."""

    red_boxes: list[str]
    progress_widgets: int
    tables: int
    images: int


def run_all(lab: Lab, browser: object, number: str, label: str) -> Run:
    """Open notebook `number` in JupyterLab, Run > Run All Cells, wait until it is over, take a screenshot."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # `reset`: a workspace of its own, so that JupyterLab does not reopen the notebooks opened before.
        page.goto(f"{lab.url}/lab/tree/{NOTEBOOKS[number].name}?reset&token={lab.token}")
        page.wait_for_function(KERNEL_IDLE, timeout=120_000, polling=250)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.locator("li[data-command='runmenu:run-all']").click()
        try:
            page.wait_for_function(RUN_OVER, timeout=180_000, polling=250)
        finally:
            page.screenshot(path=lab.screenshots / f"{label}-viewport.png")
        scroller = f"document.querySelector('{NOTEBOOK} .jp-WindowedPanel-outer')"
        height = page.evaluate(f"() => {{ {scroller}.scrollTop = 0; return {scroller}.scrollHeight; }}")
        page.set_viewport_size({"width": 1400, "height": min(height + 150, 16_000)})
        page.screenshot(path=lab.screenshots / f"{label}.png", full_page=True)
        return Run(
            red_boxes=page.locator(STDERR_OR_ERROR).all_inner_texts(),
            progress_widgets=page.locator(PROGRESS_WIDGET).count(),
            tables=page.locator(TABLE).count(),
            images=page.locator(IMAGE).count(),
        )
    finally:
        page.close()
        lab.shut_down_kernels()


def _clean(run: Run, label: str) -> None:
    assert run.red_boxes == [], f"{label}: a stderr or error box shows: {run.red_boxes}"


def _short_error_naming(run: Run, label: str, fix: str) -> None:
    assert len(run.red_boxes) == 1, f"{label}: expected one error box, got {run.red_boxes}"
    lines = [line for line in run.red_boxes[0].splitlines() if line.strip()]
    assert len(lines) <= MOST_VISIBLE_ERROR_LINES and fix in run.red_boxes[0], f"{label}: {run.red_boxes[0]}"


def test_the_notebooks_in_jupyterlab_in_order_and_too_early(lab: Lab, browser: object):
    """One pass, in the order a learner might take on a fresh stack: 01, 02, 04 too early, 03, 05 too early, then
    04, 05 and 06."""
    _clean(run_all(lab, browser, "01", "01"), "01")
    cluster = run_all(lab, browser, "02", "02")
    _clean(cluster, "02")
    assert cluster.progress_widgets, "02: the cluster's status widget did not render"

    _short_error_naming(run_all(lab, browser, "04", "04-before-03"), "04 before 03", "03_staging")

    staging = run_all(lab, browser, "03", "03")
    _clean(staging, "03")
    assert staging.progress_widgets, "03: the COPY progress bar did not render"
    assert staging.tables >= 4, "03: the listing, the row counts and the peeks should show as tables"

    _short_error_naming(run_all(lab, browser, "05", "05-before-04"), "05 before 04", "04_star_schema")

    star = run_all(lab, browser, "04", "04")
    _clean(star, "04")
    assert star.images >= 1, "04: the ERD did not render"
    analytics = run_all(lab, browser, "05", "05")
    _clean(analytics, "05")
    assert analytics.tables >= 2 and analytics.images >= 6, "05: the %sql tables and the six charts should show"
    _clean(run_all(lab, browser, "06", "06"), "06")
