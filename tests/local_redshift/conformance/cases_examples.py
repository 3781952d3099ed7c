"""Cases of behaviour the local Redshift has today: they show the suite's shape (and keep it honest)."""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

CASES = [
    Case(
        id="datediff-counts-boundaries",
        page=DEVELOPER_GUIDE + "r_DATEDIFF_function.html",
        sql="SELECT DATEDIFF(day, '2008-12-31 23:00'::timestamp, '2009-01-01 01:00'::timestamp)",
        expect=Rows([(1,)]),
    ),
    Case(
        id="insert-on-conflict-refused",
        page=DEVELOPER_GUIDE + "c_unsupported-postgresql-features.html",
        setup=("CREATE TABLE t (a INT)",),
        sql="INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING",
        expect=Refused("0A000", "ON CONFLICT", by_translation=True),
    ),
]
