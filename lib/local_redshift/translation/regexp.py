"""Regular-expression functions: REGEXP_REPLACE, REGEXP_SUBSTR, REGEXP_COUNT, REGEXP_INSTR, and the ~ operators.

Each function becomes a call of its namesake in the catalog schema (41_string_functions.sql), which keeps
Redshift's rules for positions and occurrences out of range; the translation reads the parameters: 'c' and 'i' pass
to PostgreSQL, 'p' rewrites the pattern from PCRE (regexp_patterns), 'e' picks the first subexpression (ignored
when the pattern has none). Parameters and, with 'p' or 'e', the pattern must be string literals, as the pages say.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.regexp_patterns import for_postgres
from local_redshift.translation.rule import Context, Rule, catalog_call, node_is, string_literal


def _literal_text(node: exp.Expr | None, what: str) -> str:
    if node is None:
        return ""
    if not (isinstance(node, exp.Literal) and node.is_string):
        raise UnsupportedFeature.of(f"{what} other than a string literal", by="the local Redshift")
    return node.this


def _read(function: str, call: exp.Expr, parameters_key: str, letters: str) -> tuple[exp.Expr, str, int]:
    """The pattern for PostgreSQL, PostgreSQL's flags and the subexpression to return (0: the whole match)."""
    parameters = _literal_text(call.args.get(parameters_key), f"{function} parameters")
    if unknown := sorted(set(parameters) - set(letters)):
        raise UnsupportedFeature.of(f"{function} parameter '{unknown[0]}'", by="the local Redshift")
    pattern = call.expression
    groups = 0
    if isinstance(pattern, exp.Literal) and pattern.is_string:
        read = for_postgres(pattern.this, pcre="p" in parameters)
        pattern, groups = string_literal(read.text), read.groups
    elif "p" in parameters or "e" in parameters:
        _literal_text(pattern, f"{function} pattern with parameter 'p' or 'e'")
    case = "i" if parameters.rfind("i") > parameters.rfind("c") else "c"
    return pattern, case, 1 if "e" in parameters and groups else 0


def _number(node: exp.Expr | None, default: int) -> exp.Expr:
    return node if node is not None else exp.Literal.number(default)


def _beyond_the_syntax(call: exp.Expr, key: str, construct: str) -> None:
    """Refuse an argument the function's syntax on its page does not have (sqlglot reads it for other dialects)."""
    if call.args.get(key) is not None:
        raise UnsupportedFeature.of(construct)


def regexp_replace(call: exp.RegexpReplace, _: Context) -> exp.Expr:
    """REGEXP_REPLACE(source, pattern [, replace [, position [, parameters]]]): every match replaced."""
    _beyond_the_syntax(call, "occurrence", "REGEXP_REPLACE with an occurrence argument")
    pattern, flags, _subexpression = _read("REGEXP_REPLACE", call, "modifiers", "cip")
    replacement = call.args.get("replacement") or string_literal("")
    position = _number(call.args.get("position"), 1)
    return catalog_call("regexp_replace", call.this, pattern, replacement, position, string_literal(flags))


def regexp_substr(call: exp.RegexpExtract, _: Context) -> exp.Expr:
    """REGEXP_SUBSTR(source, pattern [, position [, occurrence [, parameters]]])."""
    pattern, flags, subexpression = _read("REGEXP_SUBSTR", call, "parameters", "cipe")
    position, occurrence = _number(call.args.get("position"), 1), _number(call.args.get("occurrence"), 1)
    return catalog_call(
        "regexp_substr",
        call.this,
        pattern,
        position,
        occurrence,
        string_literal(flags),
        exp.Literal.number(subexpression),
    )


def regexp_count(call: exp.RegexpCount, _: Context) -> exp.Expr:
    """REGEXP_COUNT(source, pattern [, position [, parameters]])."""
    pattern, flags, _subexpression = _read("REGEXP_COUNT", call, "parameters", "cip")
    return catalog_call(
        "regexp_count", call.this, pattern, _number(call.args.get("position"), 1), string_literal(flags)
    )


def regexp_instr(call: exp.RegexpInstr, _: Context) -> exp.Expr:
    """REGEXP_INSTR(source, pattern [, position [, occurrence [, option [, parameters]]]])."""
    _beyond_the_syntax(call, "group", "REGEXP_INSTR with a seventh argument")
    pattern, flags, subexpression = _read("REGEXP_INSTR", call, "parameters", "cipe")
    return catalog_call(
        "regexp_instr",
        call.this,
        pattern,
        _number(call.args.get("position"), 1),
        _number(call.args.get("occurrence"), 1),
        _number(call.args.get("option"), 0),
        string_literal(flags),
        exp.Literal.number(subexpression),
    )


def posix_match(match: exp.RegexpLike, _: Context) -> exp.Expr:
    """expression ~ pattern: a literal pattern gets Redshift's ASCII-only character classes."""
    pattern = match.expression
    if isinstance(pattern, exp.Literal) and pattern.is_string:
        match.set("expression", string_literal(for_postgres(pattern.this, pcre=False).text))
    return match


REGEXP_REPLACE = Rule("REGEXP_REPLACE", node_is(exp.RegexpReplace), regexp_replace)
REGEXP_SUBSTR = Rule("REGEXP_SUBSTR", node_is(exp.RegexpExtract), regexp_substr)
REGEXP_COUNT = Rule("REGEXP_COUNT", node_is(exp.RegexpCount), regexp_count)
REGEXP_INSTR = Rule("REGEXP_INSTR", node_is(exp.RegexpInstr), regexp_instr)
POSIX_MATCH = Rule("~ (POSIX operators)", node_is(exp.RegexpLike, exp.RegexpILike), posix_match)

RULES = [REGEXP_REPLACE, REGEXP_SUBSTR, REGEXP_COUNT, REGEXP_INSTR, POSIX_MATCH]
"""The regular-expression rules, in the order they are applied."""
