"""The shape the house keeps (issue 11): small modules and classes, and the endpoint's session and listener
apart."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support import REPO_ROOT

MODULE_LINES = 450
CLASS_LINES = 220
LIB = REPO_ROOT / "lib"


def _modules() -> list[Path]:
    return sorted(LIB.rglob("*.py"))


def test_no_module_under_lib_is_over_450_lines():
    lines = {str(path.relative_to(LIB)): len(path.read_text().splitlines()) for path in _modules()}
    long = {name: count for name, count in lines.items() if count > MODULE_LINES}
    assert long == {}


def test_no_class_under_lib_is_over_220_lines():
    long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and (size := node.end_lineno - node.lineno + 1) > CLASS_LINES:
                long[f"{path.relative_to(LIB)}:{node.name}"] = size
    assert long == {}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_session_does_not_import_the_listener_that_starts_it():
    endpoint = LIB / "local_redshift" / "endpoint"
    assert not any(name.startswith("local_redshift.endpoint.server") for name in _imports(endpoint / "session.py"))
    assert "local_redshift.endpoint.session" in _imports(endpoint / "server.py")  # the one way they are tied
