"""INSERT, UPDATE, DELETE and MERGE as their pages and examples run them: MERGE's examples (INSERT VALUES without a
column list), its refusals; UPDATE ... FROM and DELETE ... USING of several tables; the target table joined again in
UPDATE's FROM clause; a multi-row VALUES without subqueries."""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

MERGE = DEVELOPER_GUIDE + "r_MERGE.html"
UPDATE_EXAMPLES = DEVELOPER_GUIDE + "c_Examples_of_UPDATE_statements.html"
DELETE = DEVELOPER_GUIDE + "r_DELETE.html"
INSERT_EXAMPLES = DEVELOPER_GUIDE + "c_Examples_of_INSERT_30.html"
SELECT_INTO = DEVELOPER_GUIDE + "r_SELECT_INTO.html"
NONDETERMINISTIC_UPDATE = DEVELOPER_GUIDE + "r_error_on_nondeterministic_update.html"

_MERGE_TABLES = (
    "CREATE TABLE target (id INT, name CHAR(10))",
    "CREATE TABLE source (id INT, name CHAR(10))",
    "INSERT INTO target VALUES (101, 'Bob'), (102, 'John'), (103, 'Susan')",
    "INSERT INTO source VALUES (102, 'Tony'), (103, 'Alice'), (104, 'Bill')",
)
_UPSERT = (
    "MERGE INTO target USING source ON target.id = source.id "
    "WHEN MATCHED THEN UPDATE SET id = source.id, name = source.name "
    "WHEN NOT MATCHED THEN INSERT VALUES (source.id, source.name)"
)
_TARGET = "SELECT id, trim(name) FROM target ORDER BY id"
_TICKIT = (
    "CREATE TABLE category (catid SMALLINT, catgroup VARCHAR(10), catname VARCHAR(10), catdesc VARCHAR(50))",
    "CREATE TABLE event (eventid INTEGER, venueid SMALLINT, catid SMALLINT)",
    "CREATE TABLE venue (venueid SMALLINT, venuename VARCHAR(100))",
    "INSERT INTO category VALUES (6, 'Shows', 'Musicals', 'Musical theatre'), "
    "(7, 'Shows', 'Plays', 'All non-musical theatre'), (9, 'Concerts', 'Pop', 'All rock and pop music concerts'), "
    "(11, 'Concerts', 'Classical', 'All symphony, concerto, and choir concerts')",
    "INSERT INTO event VALUES (1, 10, 6), (2, 10, 9), (3, 20, 7)",
    "INSERT INTO venue VALUES (10, 'Hall'), (20, 'Theatre')",
)

CASES = [
    # r_MERGE.html's examples: "If you don't provide any col_name values, the default order is all the table's
    # columns in their declared order."
    Case(
        id="merge-updates-matches-and-inserts-the-others",
        page=MERGE,
        setup=(*_MERGE_TABLES, _UPSERT),
        sql=_TARGET,
        expect=Rows([(101, "Bob"), (102, "Tony"), (103, "Alice"), (104, "Bill")]),
    ),
    Case(
        id="merge-deletes-matches-and-inserts-the-others",
        page=MERGE,
        setup=(
            *_MERGE_TABLES,
            _UPSERT,
            "INSERT INTO source VALUES (105, 'David')",
            "MERGE INTO target USING source ON target.id = source.id WHEN MATCHED THEN DELETE "
            "WHEN NOT MATCHED THEN INSERT VALUES (source.id, source.name)",
        ),
        sql=_TARGET,
        expect=Rows([(101, "Bob"), (105, "David")]),
    ),
    Case(
        id="merge-with-several-matches-of-a-target-row",
        page=MERGE,
        setup=(*_MERGE_TABLES, "INSERT INTO source VALUES (102, 'Again')"),
        sql=_UPSERT,
        expect=Refused("21000", "Found multiple matches to update the same tuple."),
    ),
    Case(
        id="merge-of-a-super-element",
        page=MERGE,
        setup=(
            "CREATE TABLE target (key INT, value SUPER)",
            "CREATE TABLE source (key INT, value SUPER)",
        ),
        sql="MERGE INTO target USING source ON target.key = source.key "
        "WHEN matched THEN UPDATE SET value = source.value[0] "
        "WHEN NOT matched THEN INSERT VALUES (source.key, source.value[0])",
        expect=Refused(
            "0A000", "Partial reference of SUPER column is not supported in MERGE statement.", by_translation=True
        ),
    ),
    Case(
        id="merge-after-a-with-clause",
        page=MERGE,  # "You can't use the WITH clause in a MERGE statement."
        setup=_MERGE_TABLES,
        sql=f"WITH s AS (SELECT * FROM source) {_UPSERT}",
        expect=Refused("0A000", "WITH clause in a MERGE statement", by_translation=True),
    ),
    # The syntax: MERGE INTO target_table USING source_table [ [ AS ] alias ] ON match_condition WHEN MATCHED THEN
    # { UPDATE SET ... | DELETE } WHEN NOT MATCHED THEN INSERT [ ( col_name [,...] ) ] VALUES ( ... )
    *(
        Case(
            id=f"merge-{case_id}",
            page=MERGE,
            setup=_MERGE_TABLES,
            sql=f"MERGE INTO target{alias} USING source ON {on} {clauses}",
            expect=Refused("0A000", named, by_translation=True),
        )
        for case_id, alias, on, clauses, named in (
            ("without-not-matched", "", "target.id = source.id", "WHEN MATCHED THEN DELETE", "one WHEN MATCHED"),
            (
                "with-a-condition",
                "",
                "target.id = source.id",
                "WHEN MATCHED AND source.id > 102 THEN DELETE "
                "WHEN NOT MATCHED THEN INSERT VALUES (source.id, source.name)",
                "WHEN MATCHED AND condition",
            ),
            (
                "do-nothing",
                "",
                "target.id = source.id",
                "WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN DO NOTHING",
                "WHEN NOT MATCHED THEN DO NOTHING",
            ),
            (
                "by-source",
                "",
                "target.id = source.id",
                "WHEN MATCHED THEN DELETE WHEN NOT MATCHED BY SOURCE THEN DELETE",
                "WHEN NOT MATCHED BY SOURCE",
            ),
            (
                "target-alias",
                " t",
                "t.id = source.id",
                "WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (source.id, source.name)",
                "An alias of MERGE's target table",
            ),
        )
    ),
    # c_Examples_of_UPDATE_statements.html: the target joined again in FROM, aliased, is the target ("An
    # alternative way to write this example"): one row qualifies, as with FROM event WHERE event.catid =
    # category.catid AND catgroup = 'Concerts'.
    Case(
        id="update-from-a-join-to-the-target-table",
        page=UPDATE_EXAMPLES,
        setup=(
            *_TICKIT,
            "UPDATE category SET catid=100 FROM event JOIN category cat ON event.catid=cat.catid "
            "WHERE cat.catgroup='Concerts'",
        ),
        sql="SELECT catid, catname FROM category ORDER BY catid",
        expect=Rows([(6, "Musicals"), (7, "Plays"), (11, "Classical"), (100, "Pop")]),
    ),
    Case(
        id="update-from-an-outer-join-to-the-target-table",
        page=UPDATE_EXAMPLES,
        setup=_TICKIT,
        sql="UPDATE category SET catid=100 FROM event LEFT JOIN category cat ON event.catid=cat.catid "
        "WHERE cat.catgroup='Concerts'",
        expect=Refused("0A000", "Target table must be part of an equijoin predicate", by_translation=True),
    ),
    # r_UPDATE.html: "List these other tables in the FROM clause"; r_DELETE.html's USING lists them likewise.
    Case(
        id="update-from-two-tables",
        page=UPDATE_EXAMPLES,
        setup=(
            *_TICKIT,
            "UPDATE category SET catdesc = venue.venuename FROM event, venue "
            "WHERE event.venueid = venue.venueid AND category.catid = event.catid",
        ),
        sql="SELECT catid, catdesc FROM category WHERE catid IN (6, 7, 9) ORDER BY catid",
        expect=Rows([(6, "Hall"), (7, "Theatre"), (9, "Hall")]),
    ),
    Case(
        id="delete-using-a-join",
        page=DELETE,
        setup=(
            *_TICKIT,
            "DELETE FROM category USING event JOIN venue ON event.venueid = venue.venueid "
            "WHERE category.catid = event.catid AND venue.venuename = 'Theatre'",
        ),
        sql="SELECT catid FROM category ORDER BY catid",
        expect=Rows([(6,), (9,), (11,)]),
    ),
    # r_DELETE.html: "The FROM keyword is optional, except when the USING clause is specified."
    Case(
        id="delete-without-from",
        page=DELETE,
        setup=(*_TICKIT, "DELETE category WHERE catid = 11"),
        sql="SELECT catid FROM category ORDER BY catid",
        expect=Rows([(6,), (7,), (9,)]),
    ),
    # c_Examples_of_INSERT_30.html: "ERROR: can't use subqueries in multi-row VALUES"
    Case(
        id="multi-row-values-with-subqueries",
        page=INSERT_EXAMPLES,
        setup=_TICKIT,
        sql="INSERT INTO category (catid) VALUES ((SELECT max(catid) + 1 FROM category)), "
        "((SELECT max(catid) + 2 FROM category))",
        expect=Refused("0A000", "can't use subqueries in multi-row VALUES", by_translation=True),
    ),
    Case(
        id="one-row-values-with-a-subquery",
        page=INSERT_EXAMPLES,
        setup=(*_TICKIT, "INSERT INTO category (catid) VALUES ((SELECT max(catid) + 1 FROM category))"),
        sql="SELECT max(catid) FROM category",
        expect=Rows([(12,)]),
    ),
    # r_SELECT_INTO.html: INTO [ TEMPORARY | TEMP ] [ TABLE ] new_table
    Case(
        id="select-into-unlogged",
        page=SELECT_INTO,
        setup=_TICKIT,
        sql="SELECT eventid INTO UNLOGGED newevent FROM event",
        expect=Refused("0A000", "SELECT INTO UNLOGGED", by_translation=True),
    ),
    # "false, true": false by default; the local Redshift cannot give an UPDATE of several matches its error
    Case(
        id="error-on-nondeterministic-update-is-false",
        page=NONDETERMINISTIC_UPDATE,
        sql="SHOW error_on_nondeterministic_update",
        expect=Rows([("false",)]),
    ),
    Case(
        id="error-on-nondeterministic-update-set-true",
        page=NONDETERMINISTIC_UPDATE,
        sql="SET error_on_nondeterministic_update TO true",
        expect=Refused("0A000", "error_on_nondeterministic_update", by_translation=True),
    ),
]
