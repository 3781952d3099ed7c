"""redshift_connector's client_protocol_version against the endpoint: the version it keeps, and values it decodes.

The driver keeps the `server_protocol_version` the server grants (1, EXTENDED_RESULT_METADATA, for 1 and for 2)
and falls back to 0 without one; its RowDescription fields then carry the extended metadata.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest


@pytest.mark.parametrize(("asked", "kept"), [(0, 0), (1, 1), (2, 1)])
def test_the_driver_keeps_the_granted_version_and_decodes_rows(cluster, asked, kept):
    with cluster.redshift_connector(client_protocol_version=asked) as connection:
        assert connection._client_protocol_version == kept
        cursor = connection.cursor()
        cursor.execute("SELECT 12.50::DECIMAL(5,2) AS price, DATE '2018-11-01' AS day, 'a' AS letter")
        assert cursor.fetchall() == ([Decimal("12.50"), datetime.date(2018, 11, 1), "a"],)
        assert [column[0] for column in cursor.description] == ["price", "day", "letter"]


def test_extended_metadata_names_the_catalog(cluster):
    with cluster.redshift_connector(client_protocol_version=1) as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT 1 AS one")
        assert cursor.fetchall() == ([1],)
        [field] = cursor.ps["row_desc"]
        assert (field["label"], field["catalog_name"], field["nullable"]) == (b"one", cluster.database.encode(), 1)
