"""The Data API's parts that need no server: named parameters, the 24-hour retention of statements, and the
100 KB statement limit (the management guide's Data API considerations)."""

from __future__ import annotations

import datetime

import pytest

from local_redshift.data_api.parameters import bind
from local_redshift.data_api.statements import StatementStore, new_statement
from local_redshift.data_api.targets import Target
from local_redshift.json_api import ApiError

ACCOUNT, REGION = "123456789012", "us-west-2"
TARGET = Target("dev", "admin", "Secret123x", workgroup_name="wg")


def test_named_parameters_become_placeholders_outside_strings_casts_and_comments():
    sql, values = bind(
        "SELECT :id::int, ':not' , \"col:x\", -- :comment\n 100 % 7 WHERE name LIKE 'a%' AND x = :name",
        [{"name": "id", "value": "1"}, {"name": "name", "value": "x"}],
    )
    assert sql == (
        "SELECT %(id)s::int, ':not' , \"col:x\", -- :comment\n 100 %% 7 WHERE name LIKE 'a%%' AND x = %(name)s"
    )
    assert values == {"id": "1", "name": "x"}


def test_without_parameters_the_sql_is_left_as_it_is():
    assert bind("SELECT 100 % 7, ':x'", None) == ("SELECT 100 % 7, ':x'", None)


@pytest.mark.parametrize(
    ("sql", "parameters"),
    [
        ("SELECT :a, :b", [{"name": "a", "value": "1"}]),
        ("SELECT :a", [{"name": "a", "value": "1"}, {"name": "c", "value": "2"}]),
    ],
)
def test_a_missing_or_unused_parameter_is_refused(sql, parameters):
    with pytest.raises(ApiError) as refused:
        bind(sql, parameters)
    assert refused.value.code == "ValidationException"


def test_statements_are_kept_24_hours():
    moment = [datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)]
    store = StatementStore(clock=lambda: moment[0])
    statement = new_statement(ACCOUNT, REGION, TARGET, ["SELECT 1"], is_batch=False)
    statement.created = moment[0]
    store.add(statement)
    moment[0] += datetime.timedelta(hours=23, minutes=59)
    assert store.find(ACCOUNT, REGION, statement.id)[0] is statement
    moment[0] += datetime.timedelta(minutes=2)
    with pytest.raises(ApiError) as gone:
        store.find(ACCOUNT, REGION, statement.id)
    assert gone.value.code == "ResourceNotFoundException"


def test_a_statement_over_100_kb_is_refused():
    with pytest.raises(ApiError, match="larger than 100kB"):
        new_statement(ACCOUNT, REGION, TARGET, ["SELECT '" + "x" * 102_400 + "'"], is_batch=False)
    assert new_statement(ACCOUNT, REGION, TARGET, ["x" * 102_400], is_batch=False).parts[0].sql


def test_sub_statements_are_named_by_their_number():
    store = StatementStore()
    batch = new_statement(ACCOUNT, REGION, TARGET, ["SELECT 1", "SELECT 2"], is_batch=True)
    store.add(batch)
    assert [part.id for part in batch.parts] == [f"{batch.id}:1", f"{batch.id}:2"]
    assert store.find(ACCOUNT, REGION, f"{batch.id}:2")[1] is batch.parts[1]
    with pytest.raises(ApiError):
        store.find(ACCOUNT, REGION, f"{batch.id}:3")
    with pytest.raises(ApiError):  # another region's caller does not see it
        store.find(ACCOUNT, "eu-west-1", batch.id)
