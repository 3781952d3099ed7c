"""sqlalchemy-redshift 1.0.0's own test suite against the local stack, run as its project runs it (pytest in its
tests/ folder, the database found from its harness's environment variables) in a side env of its own: SQLAlchemy
2.0.*, as that project's CI pins it (the tutorial's 2.1 breaks its column reflection). `make sqlalchemy-redshift-suite`
sets the env up (sqlalchemy_redshift_suite.py); the test is skipped where it is not."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from tests.local_redshift.tools import sqlalchemy_redshift_suite as suite

pytestmark = pytest.mark.skipif(
    not (suite.python().exists() and (suite.tests() / "conftest.py").exists()),
    reason=f"sqlalchemy-redshift's test suite is not set up in {suite.home()} (make sqlalchemy-redshift-suite)",
)

# The driver: redshift_connector, which verifies the endpoint's certificate against SSL_CERT_FILE. The dialect's
# psycopg2 connections verify the server against the Amazon Redshift CA bundle the dialect ships (sslmode verify-full,
# its own sslrootcert, which the harness's URL cannot change): only a real cluster's certificate passes that.
DRIVER = "redshift_connector"

DESELECTED = [
    # Needs real AWS: CREATE EXTERNAL SCHEMA ... FROM DATA CATALOG (the AWS Glue Data Catalog) and an external table
    # over s3://awssampledbuswest2/, the public sample bucket of a real account (Redshift Spectrum).
    f"test_reflection.py::test_external_table_reflection[redshift+{DRIVER}]",
]  # fmt: skip


def test_the_suite_passes_against_the_local_stack(local_stack, cluster, tmp_path):
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "REDSHIFT_HOST": cluster.host,
        "REDSHIFT_PORT": str(cluster.port),
        "REDSHIFT_USERNAME": cluster.user,
        "REDSHIFT_DATABASE": cluster.database,
        "PGPASSWORD": cluster.password,
        "SSL_CERT_FILE": str(local_stack.tls_folder / "endpoint.crt"),
    }
    command = [str(suite.python()), "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:warnings", "-q", "-rfEs"]
    command += ["--basetemp", str(tmp_path / "suite"), "--dbdriver", DRIVER]
    command += ["--rootdir", str(suite.tests())]  # not this project's, when the side env is inside it (.tools/)
    command += [argument for test in DESELECTED for argument in ("--deselect", test)]
    run = subprocess.run(command, cwd=suite.tests(), env=environment, capture_output=True, text=True, timeout=1200)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    # every database test ran (none skipped for want of a database), and none failed
    assert re.search(r"\d+ passed", summary) and not re.search(r"\b(skipped|failed|errors?)\b", summary), summary
