"""String functions with Redshift's meaning: CONCAT, SPLIT_PART, REPLICATE, STRTOL, the hash functions (SHA2, CRC32,
FUNC_SHA1, FNV_HASH), BPCHARCMP, SOUNDEX, DIFFERENCE and ILIKE; the regular-expression functions are in regexp.

The string functions PostgreSQL has with the same meaning (LEN and its synonyms, OCTET_LENGTH, CHARINDEX, STRPOS,
POSITION, LEFT, RIGHT, SUBSTRING, the TRIMs, LPAD, RPAD, REVERSE, REPEAT, REPLACE, TRANSLATE, INITCAP, LOWER,
UPPER, QUOTE_IDENT, QUOTE_LITERAL, MD5, ASCII, CHR) are written as sqlglot writes them for PostgreSQL.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.rule import Context, Rule, call_of, catalog_call, node_is, reject


def strtol(base: exp.FromBase, _: Context) -> exp.Expr:
    """STRTOL(text, base): the number a string writes in a base."""
    return catalog_call("strtol", base.this, base.expression)


def concat(call: exp.Concat, _: Context) -> exp.Expr:
    """CONCAT(a, b) is a || b: NULL when either is. Redshift's CONCAT takes exactly two arguments."""
    if len(call.expressions) != 2:
        raise UnsupportedFeature.of(
            f"CONCAT with {len(call.expressions)} arguments", hint="CONCAT takes two; nest CONCAT calls or use ||"
        )
    first, second = call.expressions
    return exp.Paren(this=exp.DPipe(this=first, expression=second))


def split_part(call: exp.SplitPart, _: Context) -> exp.Expr:
    """SPLIT_PART(string, delimiter, part): a part below 1 is an error (PostgreSQL counts those from the end)."""
    return catalog_call("split_part", call.this, call.args["delimiter"], call.args["part_index"])


def replicate(call: exp.Anonymous, _: Context) -> exp.Expr:
    """REPLICATE(string, n) is REPEAT(string, n)."""
    return exp.Repeat(this=call.expressions[0], times=call.expressions[1])


def sha2(call: exp.SHA2, _: Context) -> exp.Expr:
    """SHA2(string, bits): the hex digest; bits 0 is 256, other bits give an empty string."""
    return catalog_call("sha2", call.this, call.args.get("length") or exp.Literal.number(256))


def crc32(call: exp.Anonymous, _: Context) -> exp.Expr:
    """CRC32(string): 8 hex digits of the CRC-32C checksum."""
    return catalog_call("crc32", *call.expressions)


def func_sha1(call: exp.SHA | exp.Anonymous, _: Context) -> exp.Expr:
    """SHA1(string) and FUNC_SHA1(string): the 40 hex digits of the SHA-1 digest."""
    return catalog_call("func_sha1", call.this if isinstance(call, exp.SHA) else call.expressions[0])


def bpcharcmp(call: exp.Anonymous, _: Context) -> exp.Expr:
    """BPCHARCMP(a, b) and its synonym BTTEXT_PATTERN_CMP: -1, 0 or 1, comparing the bytes."""
    return catalog_call("bpcharcmp", *call.expressions)


def soundex(call: exp.Soundex, _: Context) -> exp.Expr:
    """SOUNDEX(string): the American Soundex code of its ASCII letters."""
    return catalog_call("soundex", call.this)


def difference(call: exp.Anonymous, _: Context) -> exp.Expr:
    """DIFFERENCE(a, b): 0 to 4, how much the two strings' Soundex codes agree."""
    return catalog_call("difference", *call.expressions)


def fnv_hash(call: exp.Anonymous, _: Context) -> exp.Expr:
    """FNV_HASH(value [, seed]): the 64-bit FNV-1a hash of the value's bytes."""
    return catalog_call("fnv_hash", *call.expressions)


def ilike(match: exp.ILike, _: Context) -> exp.Expr:
    """x ILIKE pattern ignores the case of ASCII letters only (not of multibyte characters, as PostgreSQL's does):
    both sides, and an ESCAPE character, with ASCII letters lowered, compared with LIKE."""
    escape = match.parent if isinstance(match.parent, exp.Escape) else None
    if escape is not None:
        escape.set("expression", catalog_call("ascii_lower", escape.expression))
    this, pattern = (catalog_call("ascii_lower", match.args[side]) for side in ("this", "expression"))
    return exp.Like(this=this, expression=pattern, negate=match.args.get("negate"))


def _negative_count(call: exp.Left | exp.Right) -> bool:
    count = call.expression
    return isinstance(count, exp.Neg) or (isinstance(count, exp.Literal) and count.to_py() < 0)


STRTOL = Rule("STRTOL", node_is(exp.FromBase), strtol)
CONCAT = Rule("CONCAT", node_is(exp.Concat), concat)
SPLIT_PART = Rule("SPLIT_PART", node_is(exp.SplitPart), split_part)
REPLICATE = Rule("REPLICATE", call_of("REPLICATE"), replicate)
SHA2 = Rule("SHA2", node_is(exp.SHA2), sha2)
CRC32 = Rule("CRC32", call_of("CRC32"), crc32)
FUNC_SHA1 = Rule("FUNC_SHA1", lambda node: isinstance(node, exp.SHA) or call_of("FUNC_SHA1")(node), func_sha1)
BPCHARCMP = Rule("BPCHARCMP", call_of("BPCHARCMP", "BTTEXT_PATTERN_CMP"), bpcharcmp)
SOUNDEX = Rule("SOUNDEX", node_is(exp.Soundex), soundex)
DIFFERENCE = Rule("DIFFERENCE", call_of("DIFFERENCE"), difference)
FNV_HASH = Rule("FNV_HASH", call_of("FNV_HASH"), fnv_hash)
ILIKE = Rule("ILIKE", node_is(exp.ILike), ilike)
# "A positive integer" (LEFT and RIGHT functions); PostgreSQL reads a negative one as all but that many characters.
LEFT_OR_RIGHT_NEGATIVE = reject(
    "LEFT or RIGHT with a negative length", node_is(exp.Left, exp.Right, where=_negative_count)
)

RULES = [
    STRTOL,
    CONCAT,
    SPLIT_PART,
    REPLICATE,
    SHA2,
    CRC32,
    FUNC_SHA1,
    BPCHARCMP,
    SOUNDEX,
    DIFFERENCE,
    FNV_HASH,
    ILIKE,
    LEFT_OR_RIGHT_NEGATIVE,
]
"""The string-function rules, in the order they are applied."""
