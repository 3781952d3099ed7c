"""The embedded PostgreSQL: password required, loopback only."""

import psycopg
import pytest


def test_accepts_the_superuser_with_its_password(postgres):
    with psycopg.connect(postgres.conninfo()) as conn:
        assert conn.execute("select current_setting('listen_addresses')").fetchone() == ("127.0.0.1",)


def test_refuses_a_wrong_password(postgres):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(f"host=127.0.0.1 port={postgres.port} user=postgres password=wrong dbname=postgres")
