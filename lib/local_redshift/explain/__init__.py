"""EXPLAIN as Amazon Redshift shows it, built from PostgreSQL's own plan of the translated statement.

PostgreSQL plans the statement (`EXPLAIN (FORMAT JSON, VERBOSE)`, run by the catalog's explain_plan function);
`plan` reads that plan, `distribution` decides how Redshift would move each join's rows between slices from the
tables' DISTSTYLE and DISTKEY, and `render` writes Redshift's `XN` lines. `statement` says which statements
EXPLAIN takes.
"""

from local_redshift.explain.render import QUERY_PLAN, render
from local_redshift.explain.statement import explained_statement, plan_query

__all__ = ["QUERY_PLAN", "explained_statement", "plan_query", "render"]
