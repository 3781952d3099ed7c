"""The mistakes a learner meets, each said in a sentence that names the fix, and how a notebook shows them: the
sentence as the error, the full traceback folded after it, log lines on stdout."""

from __future__ import annotations

import logging
import sys

import pytest
import redshift_connector
from botocore.exceptions import NoCredentialsError
from IPython.core.interactiveshell import InteractiveShell

from sparkify_dwh import mistakes, notebook, warehouse
from sparkify_dwh.resources import ResourceError

# The server's words for a table that is not there (PostgreSQL's, which Redshift uses: SQLSTATE 42P01).
MISSING = 'relation "{}" does not exist'


@pytest.mark.parametrize("table", ["staging_events", "staging_songs", "public.staging_events"])
def test_a_missing_staging_table_names_notebook_03(table: str):
    assert mistakes.hint(MISSING.format(table)) == mistakes.RUN_03
    assert "03_staging" in mistakes.RUN_03


@pytest.mark.parametrize("table", ["songplays", "users", "songs", "artists", "time"])
def test_a_missing_star_table_names_notebook_04(table: str):
    assert mistakes.hint(MISSING.format(table)) == mistakes.RUN_04
    assert "04_star_schema" in mistakes.RUN_04


def test_other_missing_tables_and_other_messages_have_no_hint():
    assert mistakes.hint(MISSING.format("my_table")) is None
    assert mistakes.hint('syntax error at or near "SELEC"') is None


def _raised(error: BaseException, cause: BaseException) -> BaseException:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise error from inner
    except BaseException as outer:
        return outer


def test_the_hint_is_found_in_the_exceptions_an_error_was_raised_from():
    """As JupySQL raises it: its own message, the driver's error as the cause."""
    cause = redshift_connector.ProgrammingError({"S": "ERROR", "C": "42P01", "M": MISSING.format("songplays")})
    error = _raised(RuntimeError("If using snippets, you may pass the --with argument explicitly."), cause)

    assert mistakes.sentence(error) == mistakes.RUN_04


def test_the_library_errors_are_their_own_sentence():
    assert mistakes.sentence(ResourceError("no cluster 'dwhcluster' exists yet; run notebook 02_cluster")) == (
        "No cluster 'dwhcluster' exists yet; run notebook 02_cluster."
    )
    assert mistakes.sentence(warehouse.WarehouseError(warehouse.STACK_NOT_UP)) == mistakes.STACK_DOWN


def test_a_lost_connection_and_a_refused_one_say_what_to_run():
    lost = redshift_connector.InterfaceError("BrokenPipe: server socket closed. Please check that client side ...")
    refused = _raised(RuntimeError("(redshift_connector.InterfaceError) ..."), ConnectionRefusedError(111, "refused"))

    assert mistakes.sentence(lost) == mistakes.CONNECTION_LOST
    assert "make up" in mistakes.CONNECTION_LOST
    assert mistakes.sentence(refused) == mistakes.STACK_DOWN


def test_missing_aws_credentials_say_that_jupyterlab_must_be_restarted():
    """An `export AWS_PROFILE=...` after JupyterLab started does not reach a kernel it starts."""
    error = _raised(
        ResourceError("cannot create the IAM role 'dwhRole': no AWS credentials found; set AWS_PROFILE"),
        NoCredentialsError(),
    )

    said = mistakes.sentence(error)

    assert said.startswith("Cannot create the IAM role 'dwhRole': no AWS credentials found") and said.endswith(
        mistakes.RESTART_LAB
    )


def test_an_unknown_error_has_no_sentence():
    assert mistakes.sentence(ZeroDivisionError("division by zero")) is None


@pytest.fixture
def shell() -> InteractiveShell:
    """An IPython shell with the notebook helpers' handler installed (the same one each time: IPython's)."""
    ipython = InteractiveShell.instance()
    notebook.install(ipython)
    yield ipython
    ipython.set_custom_exc((), None)


def test_a_known_mistake_shows_as_its_sentence_and_the_traceback_follows_folded(shell: InteractiveShell, capsys):
    shell.push({"WarehouseError": warehouse.WarehouseError, "RUN_03": mistakes.RUN_03})
    shown: list[object] = []
    shell.display_pub.publish = lambda data, **_: shown.append(data)

    result = shell.run_cell("raise WarehouseError(RUN_03)")

    assert isinstance(result.error_in_exec, warehouse.WarehouseError)  # the cell failed: Run All stops there
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 2 and mistakes.RUN_03 in printed[0], printed
    assert len(shown) == 1 and "<details><summary>Full traceback</summary>" in shown[0]["text/html"]
    assert "WarehouseError" in shown[0]["text/html"]


def test_an_unknown_error_shows_as_ipython_shows_it(shell: InteractiveShell, capsys):
    result = shell.run_cell("1 / 0")

    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert "ZeroDivisionError" in capsys.readouterr().out


def test_installing_twice_leaves_one_folded_traceback_callback(shell: InteractiveShell):
    notebook.install(shell)
    owners = [getattr(callback, "__self__", None) for callback in shell.events.callbacks["post_run_cell"]]
    assert sum(isinstance(owner, notebook._Handler) for owner in owners) == 1


def test_log_lines_go_to_stdout_as_the_message_alone(capsys):
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        notebook.log_to_stdout()
        logging.getLogger("sparkify_dwh.test").info("ran staging/03_copy_staging_events.sql")
        assert [h.stream for h in root.handlers if isinstance(h, logging.StreamHandler)] == [sys.stdout]
    finally:
        root.handlers[:], root.level = saved
    captured = capsys.readouterr()
    assert captured.out == "ran staging/03_copy_staging_events.sql\n" and captured.err == ""
