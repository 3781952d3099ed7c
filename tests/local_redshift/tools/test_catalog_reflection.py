"""What the tools reflect of a table or view, through the endpoint: the informational UNIQUE and FOREIGN KEY
constraints and named keys (PG_CONSTRAINT), IDENTITY columns (PG_ATTRDEF, PG_ATTRIBUTE.attnotnull) and a
late-binding view's definition (PG_GET_VIEWDEF)."""

from __future__ import annotations

import pytest

SCHEMA = "tools_reflection"


@pytest.fixture
def conn(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        connection.execute(f"CREATE SCHEMA {SCHEMA}")
        connection.execute(f"SET search_path TO {SCHEMA}")
        yield connection
        connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")


def constraints(conn, table: str) -> list[tuple]:
    return conn.execute(
        "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint"
        f" WHERE conrelid = '{SCHEMA}.{table}'::regclass ORDER BY contype, conname"
    ).fetchall()


def test_unique_and_foreign_keys_are_listed_with_their_names_and_not_enforced(conn):
    # "Table constraints": uniqueness, primary key and foreign key constraints are informational only; they are not
    # enforced. A key's name is its CONSTRAINT name, else PostgreSQL's default (Redshift's catalog is PostgreSQL's).
    conn.execute(
        "CREATE TABLE artists (artist_id INT, name VARCHAR(20), CONSTRAINT artists__pk PRIMARY KEY (artist_id),"
        " UNIQUE (artist_id, name))"
    )
    conn.execute(
        "CREATE TABLE songs (song_id INT PRIMARY KEY, artist_id INT REFERENCES artists (artist_id),"
        " CONSTRAINT songs__fk FOREIGN KEY (artist_id, song_id) REFERENCES artists (artist_id, name))"
    )
    conn.execute("INSERT INTO songs VALUES (1, 99), (1, 98)")  # no such artist, the same song_id: accepted
    assert constraints(conn, "artists") == [
        ("artists__pk", "p", "PRIMARY KEY (artist_id)"),
        ("artists_artist_id_name_key", "u", "UNIQUE (artist_id, name)"),
    ]
    assert constraints(conn, "songs") == [
        ("songs__fk", "f", "FOREIGN KEY (artist_id, song_id) REFERENCES artists(artist_id, name)"),
        ("songs_artist_id_fkey", "f", "FOREIGN KEY (artist_id) REFERENCES artists(artist_id)"),
        ("songs_pkey", "p", "PRIMARY KEY (song_id)"),
    ]
    keys = conn.execute(
        "SELECT confrelid::regclass::text, confkey FROM pg_constraint WHERE conname = 'songs_artist_id_fkey'"
    )
    assert keys.fetchall() == [("artists", [1])]


def test_a_foreign_key_without_columns_references_the_primary_key_and_goes_with_its_table(conn):
    conn.execute("CREATE TABLE users (user_id INT PRIMARY KEY)")
    conn.execute("CREATE TABLE plays (user_id INT REFERENCES users)")
    assert constraints(conn, "plays") == [
        ("plays_user_id_fkey", "f", "FOREIGN KEY (user_id) REFERENCES users(user_id)")
    ]
    conn.execute("DROP TABLE users")
    assert constraints(conn, "plays") == []


def test_identity_columns_have_their_seed_and_step_and_are_nullable_unless_declared_not_null(conn):
    # "CREATE TABLE": IDENTITY(seed, step); NOT NULL is a column attribute of its own. sqlalchemy-redshift reads the
    # identity back from the column's default, "identity"(table, column, 'seed,step'::text), as Redshift lists it.
    conn.execute("CREATE TABLE events (a INT IDENTITY(1, 3), b BIGINT IDENTITY(0, 1) NOT NULL, c INT)")
    rows = conn.execute(
        "SELECT a.attname, a.attnotnull, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a"
        " LEFT JOIN pg_attrdef d ON (d.adrelid, d.adnum) = (a.attrelid, a.attnum)"
        f" WHERE a.attrelid = '{SCHEMA}.events'::regclass AND a.attnum > 0 ORDER BY a.attnum"
    ).fetchall()
    oid = conn.execute(f"SELECT '{SCHEMA}.events'::regclass::oid").fetchone()[0]
    assert rows == [
        ("a", False, f"\"identity\"({oid}, 0, '1,3'::text)"),
        ("b", True, f"\"identity\"({oid}, 1, '0,1'::text)"),
        ("c", False, None),
    ]


def test_a_late_binding_views_definition_is_its_ddl(conn):
    # "CREATE VIEW": WITH NO SCHEMA BINDING; PG_GET_VIEWDEF gives such a view's whole statement (sqlalchemy-redshift's
    # test_late_binding_view_reflection finds it so on Redshift), a standard view's query with its columns named with
    # their relation's name (SHOW VIEW's examples, sqlalchemy-redshift's test_view_reflection)
    conn.execute("CREATE TABLE t (col1 INT, col2 INT)")
    conn.execute(f"CREATE VIEW t_lbv AS SELECT t.col1, t.col2 FROM {SCHEMA}.t WITH NO SCHEMA BINDING")
    conn.execute("CREATE VIEW t_view AS SELECT col1 FROM t")
    definitions = conn.execute(
        "SELECT relname, trim(trailing ';' FROM pg_get_viewdef(oid, true)) FROM pg_class"
        f" WHERE relnamespace = '{SCHEMA}'::regnamespace AND relkind = 'v' ORDER BY relname"
    ).fetchall()
    assert definitions[0] == (
        "t_lbv",
        f"CREATE VIEW t_lbv AS SELECT t.col1, t.col2 FROM {SCHEMA}.t WITH NO SCHEMA BINDING",
    )
    assert definitions[1][0] == "t_view" and " ".join(definitions[1][1].split()) == "SELECT t.col1 FROM t"


def test_show_view_prints_the_query_with_its_columns_named_with_their_table(conn):
    # SHOW VIEW's page: create view LA_Venues_v as select * from venue where venuecity='Los Angeles'; show view
    # LA_Venues_v; gives SELECT venue.venueid, venue.venuename, venue.venuecity, venue.venuestate, venue.venueseats
    # FROM venue WHERE ((venue.venuecity)::text = 'Los Angeles'::text); (the condition's casts are PostgreSQL's here)
    conn.execute(
        "CREATE TABLE venue (venueid SMALLINT, venuename VARCHAR(100), venuecity VARCHAR(30), venuestate CHAR(2),"
        " venueseats INTEGER)"
    )
    conn.execute("CREATE VIEW LA_Venues_v AS SELECT * FROM venue WHERE venuecity='Los Angeles'")
    (shown,) = conn.execute("show view LA_Venues_v;").fetchone()
    query, _, condition = " ".join(shown.split()).partition(" WHERE ")
    listed = "venue.venueid, venue.venuename, venue.venuecity, venue.venuestate, venue.venueseats"
    assert query == f"SELECT {listed} FROM venue"
    assert "venue.venuecity" in condition and "'Los Angeles'" in condition and condition.endswith(";")
    # its subqueries and the names after AS, a type or a function keep their own names
    conn.execute(
        "CREATE VIEW busiest AS SELECT venueid AS id, venueseats::numeric(10,2) AS seats,"
        " (SELECT max(v.venueseats) FROM venue v WHERE v.venuecity = venue.venuecity) AS most FROM venue"
    )
    (busiest,) = conn.execute(f"SHOW VIEW {SCHEMA}.busiest").fetchone()
    busiest = " ".join(busiest.split())
    assert busiest.startswith("SELECT venue.venueid AS id, (venue.venueseats)::numeric(10,2) AS seats, ")
    assert "max(v.venueseats) AS max FROM venue v WHERE " in busiest and busiest.endswith(" AS most FROM venue;")
    assert "v.venuecity" in busiest and "venue.venuecity" in busiest
    assert not any(wrong in busiest for wrong in ("venue.v.", "venue.id", "venue.numeric", "venue.max", "venue.seats"))


def test_a_geometry_column_is_of_type_geometry_wherever_the_tools_read_its_type(conn):
    # "Data types" (c_Supported_data_types.html) names the type GEOMETRY; sqlalchemy-redshift reflects a column's
    # type from FORMAT_TYPE (its own tests expect GEOMETRY back), PG_TABLE_DEF's page gives each column's type, and
    # SVV_GEOMETRY_COLUMNS (r_SVV_GEOMETRY_COLUMNS.html) lists the GEOMETRY columns as its example does: dimension 2,
    # SRID 0, type GEOMETRY
    conn.execute("CREATE TABLE places (id INT, shape GEOMETRY)")
    types = conn.execute(
        "SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute"
        f" WHERE attrelid = '{SCHEMA}.places'::regclass AND attnum > 0 ORDER BY attnum"
    )
    assert types.fetchall() == [("id", "integer"), ("shape", "geometry")]
    table_def = conn.execute("SELECT \"column\", type FROM pg_table_def WHERE tablename = 'places' ORDER BY 1")
    assert table_def.fetchall() == [("id", "integer"), ("shape", "geometry")]
    listed = conn.execute(f"SELECT * FROM svv_geometry_columns WHERE f_table_schema = '{SCHEMA}'")
    assert [column.name for column in listed.description] == [
        "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "coord_dimension", "srid", "type",
    ]  # fmt: skip
    assert listed.fetchall() == [("dev", SCHEMA, "places", "shape", 2, 0, "GEOMETRY")]
