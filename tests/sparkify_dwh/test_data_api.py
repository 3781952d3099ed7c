"""The tutorial's Data API path against the local stack: the course's staging COPY and an analytics query sent
through the Data API to the tutorial's cluster, polled until FINISHED, the rows read into a DataFrame."""

from __future__ import annotations

import pytest

from sparkify_dwh import data_api, pipeline, sql, warehouse


def _statements(layer: str, name: str, params=None) -> list[str]:
    return sql.statements(sql.render(sql.find(layer, name).text, params or {}))


def test_the_staging_copy_and_a_query_through_the_data_api(warehouse_config):
    config = warehouse_config
    params = pipeline.copy_params(config)
    for statement in _statements("staging", "create_staging_events"):
        data_api.run(config, statement, progress=False)
    batch = data_api.submit_batch(config, _statements("staging", "copy_staging_events", params))  # DELETE, COPY
    assert data_api.wait(config, batch, progress=False)["Status"] == "FINISHED"
    counted = data_api.query(config, "SELECT count(*) AS events FROM staging_events", progress=False)
    with warehouse.connect(config) as connection:  # the same rows a driver's session sees
        cursor = connection.cursor()
        cursor.execute("SELECT count(*) FROM staging_events")
        (expected,) = cursor.fetchone()
    assert list(counted.columns) == ["events"]
    assert counted["events"].tolist() == [expected] and expected > 0
    pages = data_api.query(
        config, "SELECT page, count(*) AS hits FROM staging_events WHERE page = :page GROUP BY page",
        parameters={"page": "NextSong"}, progress=False,
    )  # fmt: skip
    assert pages["page"].tolist() == ["NextSong"] and pages["hits"].iloc[0] > 0


def test_a_failing_statement_raises_with_redshift_s_error(warehouse_config):
    with pytest.raises(data_api.StatementFailed, match='relation "no_such_table" does not exist'):
        data_api.run(warehouse_config, "SELECT * FROM no_such_table", progress=False)


def test_a_failing_batch_undoes_all_of_it(warehouse_config):
    batch = data_api.submit_batch(
        warehouse_config, ["CREATE TABLE batch_undone (n integer)", "INSERT INTO batch_undone VALUES (1)", "SELECT 1/0"]
    )
    with pytest.raises(data_api.StatementFailed, match="division by zero"):
        data_api.wait(warehouse_config, batch, progress=False)
    with pytest.raises(data_api.StatementFailed, match='relation "batch_undone" does not exist'):
        data_api.run(warehouse_config, "SELECT * FROM batch_undone", progress=False)


def test_wait_shows_the_statuses_until_finished(warehouse_config):
    statement_id = data_api.submit(warehouse_config, "SELECT 1 AS one")
    described = data_api.wait(warehouse_config, statement_id, progress=False, poll_seconds=0.01)
    assert described["Status"] == "FINISHED" and described["HasResultSet"] is True
    assert data_api.frame(warehouse_config, statement_id).to_dict("records") == [{"one": 1}]
