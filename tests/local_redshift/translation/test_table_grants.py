"""GRANT and REVOKE of the table privileges PostgreSQL lacks (translation/table_grants.py): r_GRANT.html and
r_REVOKE.html list ALTER and DROP among a table's privileges; GRANT ALL grants every one of them."""

from __future__ import annotations

import pytest

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation import translate


def text_of(sql: str) -> list[str]:
    [statement] = translate(sql)
    assert statement.user is not None, "run by the endpoint"
    return statement.user.postgres(None).split(";\n")


def test_a_drop_grant_to_a_group_is_the_catalogs_alone():
    # r_GRANT-examples.html: "grants the DROP privilege on the SALES table in the QA_TICKIT schema to all users in
    # the group QA_USERS"
    [statement] = translate("grant drop on table qa_tickit.sales to group qa_users")
    assert statement.user.tag == "GRANT"
    assert statement.user.postgres(None) == (
        'SELECT redshift_system.grant_relation_privileges(true, ARRAY[\'"qa_tickit"."sales"\'::regclass]::oid[],'
        " ARRAY['DROP'], ARRAY['qa_users']::text[], false, false)"
    )


def test_grant_all_grants_postgresqls_privileges_without_maintain_then_alter_drop_and_rule():
    # r_GRANT-examples.html: "grant all on table qa_tickit.sales to group qa_users"
    postgresql, catalog = text_of("grant all on table qa_tickit.sales to group qa_users, role r, public")
    assert postgresql == (
        'GRANT SELECT, INSERT, UPDATE, DELETE, REFERENCES, TRUNCATE, TRIGGER ON TABLE "qa_tickit"."sales"'
        ' TO GROUP "qa_users", "r", PUBLIC'
    )
    assert "ARRAY['ALTER', 'DROP', 'RULE']" in catalog and "ARRAY['qa_users', 'r', 'public']" in catalog


def test_revoke_grant_option_for_and_cascade_reach_both_parts():
    # r_REVOKE.html: REVOKE [ GRANT OPTION FOR ] { ... DROP | REFERENCES | ALTER | TRUNCATE } ... [ RESTRICT ]
    postgresql, catalog = text_of("REVOKE GRANT OPTION FOR SELECT, ALTER ON t FROM u CASCADE")
    assert postgresql == 'REVOKE GRANT OPTION FOR SELECT ON TABLE "t" FROM "u" CASCADE'
    assert catalog.endswith("ARRAY['ALTER'], ARRAY['u']::text[], true, true)")


def test_all_tables_in_schema_covers_the_schemas_relations():
    postgresql, catalog = text_of("GRANT DROP, SELECT ON ALL TABLES IN SCHEMA s1, s2 TO u WITH GRANT OPTION")
    assert postgresql == 'GRANT SELECT ON ALL TABLES IN SCHEMA "s1", "s2" TO "u" WITH GRANT OPTION'
    assert "c.relnamespace IN ('\"s1\"'::regnamespace, '\"s2\"'::regnamespace)" in catalog


@pytest.mark.parametrize(
    "sql",
    [
        "GRANT SELECT ON t TO u",  # PostgreSQL's privileges alone: the usual way
        "GRANT SELECT (c) ON t TO u",
        "GRANT ALL ON SCHEMA s TO u",
        "GRANT ALTER ON DATABASE dev TO u",
        "GRANT USAGE ON SCHEMA s TO u",
    ],
)
def test_other_grants_go_the_usual_way(sql):
    [statement] = translate(sql)
    assert statement.user is None or "grant_relation_privileges" not in statement.user.postgres(None)


def test_a_table_named_like_a_kind_of_object_is_a_table():
    [_, catalog] = text_of("GRANT ALL ON schema TO u")
    assert "'\"schema\"'::regclass" in catalog


def test_the_servers_own_roles_are_refused():
    with pytest.raises(UnsupportedFeature, match='the role "postgres"'):
        translate("GRANT DROP ON t TO postgres")


def test_has_table_privilege_is_the_catalogs_which_knows_drop():
    [statement] = translate("select has_table_privilege('guest', 'listing', 'drop')")  # r_HAS_TABLE_PRIVILEGE.html
    assert statement.postgres == ["SELECT redshift_system.has_table_privilege('guest', 'listing', 'drop')"]


def test_a_drop_or_alter_of_tables_first_lends_those_a_grantee_holds_the_privilege_on():
    [drop] = translate("DROP TABLE IF EXISTS s.a, b CASCADE")
    assert drop.postgres == ["DROP TABLE IF EXISTS s.a, b CASCADE"]
    assert drop.before == (
        "SELECT redshift_system.lend_relations("
        "ARRAY[pg_catalog.to_regclass('s.a'), pg_catalog.to_regclass('b')]::oid[], 'DROP')",
    )
    [alter] = translate("ALTER TABLE t RENAME TO u")
    assert alter.before == (
        "SELECT redshift_system.lend_relations(ARRAY[pg_catalog.to_regclass('t')]::oid[], 'ALTER')",
    )
    [column] = translate("ALTER TABLE t DROP COLUMN c")  # one lending, for the ALTER; none for the column's DROP
    assert len(column.before) == 1
