"""Redshift SQL to PostgreSQL: split a client's query text into statements and translate each one.

sqlglot parses the Redshift text and writes PostgreSQL. The Redshift clauses its parser rejects or misreads are
taught to the parser (`parser`) rather than patched in the text. What sqlglot does not translate, or translates
with another meaning, is fixed by the RULES table (`rules`, assembling the rule families: `ddl`, `ddl_commands`,
`datatypes`, `varbytes`, `intervals`, `names`, `comparisons`, `numbers`, `dates`, `formatting`, `strings`, `regexp`,
`aggregates`, `windows`, `system`, `rejected`): one entry per Redshift construct, applied in order over the syntax
tree. A rule either rewrites the nodes it matches or raises UnsupportedFeature for SQL that Amazon Redshift rejects,
so the local Redshift refuses what the real one refuses.

The rules call SQL functions and record table designs in schema redshift_system (catalog_sql/). A COPY statement
is read by the COPY grammar (local_redshift.copy.grammar), an UNLOAD by its own (local_redshift.unload), not
translated; an EXPLAIN is answered by local_redshift.explain. A statement sqlglot cannot parse at all
goes to PostgreSQL as written, for PostgreSQL to judge.
"""

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.driver import Statement, translate
from local_redshift.translation.parser import LocalRedshift

__all__ = ["LocalRedshift", "Statement", "UnsupportedFeature", "translate"]
