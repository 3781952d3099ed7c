"""Sets up sqlalchemy-redshift's own test suite in a side env of its own, for test_sqlalchemy_redshift_suite.py
(`make sqlalchemy-redshift-suite`, or `python -m tests.local_redshift.tools.sqlalchemy_redshift_suite [--harness DIR]`).

The side env (`.tools/sqlalchemy-redshift/`, or $SQLALCHEMY_REDSHIFT_SUITE) holds a venv with the release and what
its project tests it with (SQLAlchemy 2.0.*, as its CI pins it; pytest and alembic; psycopg2-binary and
redshift_connector for its --dbdriver option), and the tests/ folder of its sdist from PyPI. The sdist ships the test
modules but not their harness (tests/conftest.py, which finds the database from PGPASSWORD and REDSHIFT_HOST, _PORT,
_USERNAME, _DATABASE, and tests/rs_sqla_test_utils/, the models): that comes from the project's repository at the
release's tag, or from a folder given with --harness."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import venv
from pathlib import Path

from tests.support import REPO_ROOT

VERSION = "1.0.0"
REQUIREMENTS = (
    f"sqlalchemy-redshift=={VERSION}", "sqlalchemy==2.0.*", "pytest", "alembic", "psycopg2-binary",
    "redshift_connector",
)  # fmt: skip
HARNESS = ("conftest.py", "rs_sqla_test_utils/db.py", "rs_sqla_test_utils/models.py", "rs_sqla_test_utils/utils.py")
REPOSITORY = f"https://raw.githubusercontent.com/sqlalchemy-redshift/sqlalchemy-redshift/v{VERSION}/tests"


def home() -> Path:
    """The side env's folder."""
    return Path(os.environ.get("SQLALCHEMY_REDSHIFT_SUITE") or REPO_ROOT / ".tools" / "sqlalchemy-redshift")


def python() -> Path:
    return home() / "venv" / "bin" / "python"


def tests() -> Path:
    return home() / "tests"


def _sdist_tests(pip: list[str], into: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        download = [*pip, "download", "--quiet", "--no-deps", "--no-binary", ":all:", "--dest", scratch]
        subprocess.run([*download, f"sqlalchemy-redshift=={VERSION}"], check=True)
        [sdist] = Path(scratch).glob("*.tar.gz")
        with tarfile.open(sdist) as archive:
            members = [m for m in archive.getmembers() if m.isfile() and m.name.split("/")[1:2] == ["tests"]]
            for member in members:
                member.name = "/".join(member.name.split("/")[2:])
            archive.extractall(into, members=members, filter="data")


def _harness(into: Path, folder: Path | None) -> None:
    for name in HARNESS:
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if folder is not None:
            shutil.copyfile(folder / name, target)
        else:
            with urllib.request.urlopen(f"{REPOSITORY}/{name}", timeout=60) as response:
                target.write_bytes(response.read())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--harness", type=Path, help="a folder with the tests' conftest.py and rs_sqla_test_utils/")
    options = parser.parse_args(argv)
    if not python().exists():
        venv.create(home() / "venv", with_pip=True)
    pip = [str(python()), "-m", "pip"]
    subprocess.run([*pip, "install", "--quiet", *REQUIREMENTS], check=True)
    shutil.rmtree(tests(), ignore_errors=True)
    _sdist_tests(pip, tests())
    _harness(tests(), options.harness)
    print(f"sqlalchemy-redshift {VERSION}'s tests are set up in {home()}", file=sys.stderr)


if __name__ == "__main__":
    main()
