"""Errors relayed from PostgreSQL in Redshift's words: an explicit value for an IDENTITY column, a permission denied."""

from __future__ import annotations

from local_redshift.endpoint import messages
from local_redshift.endpoint.raised import scrubbed
from local_redshift.errors import IDENTITY_COLUMN_SET

_GENERATED_ALWAYS = {
    "S": "ERROR",
    "V": "ERROR",
    "C": "428C9",
    "M": 'cannot insert a non-DEFAULT value into column "id"',
    "D": 'Column "id" is an identity column defined as GENERATED ALWAYS.',
    "H": "Use OVERRIDING SYSTEM VALUE to override.",
    "F": "rewriteHandler.c",
}


def test_an_explicit_identity_value_is_refused_in_redshift_words_without_the_postgresql_hint():
    fields = messages.error_fields(scrubbed(messages.error_response(_GENERATED_ALWAYS)))
    assert fields["M"] == IDENTITY_COLUMN_SET
    assert fields["C"] == "428C9"
    assert "H" not in fields and "D" not in fields


def test_other_errors_pass_unchanged():
    other = {**_GENERATED_ALWAYS, "C": "22003", "M": "numeric field overflow"}
    frame = messages.error_response(other)
    assert scrubbed(frame) is frame
    update = {**_GENERATED_ALWAYS, "M": 'column "id" can only be updated to DEFAULT'}
    frame = messages.error_response(update)
    assert scrubbed(frame) is frame


def test_a_permission_denied_on_a_table_or_view_names_a_relation_as_redshift_does():
    """r_GRANT-examples.html: "ERROR: permission denied for relation test [SQL State=42501]"."""
    for kind in ("table", "view"):
        denied = {"S": "ERROR", "V": "ERROR", "C": "42501", "M": f"permission denied for {kind} test"}
        fields = messages.error_fields(scrubbed(messages.error_response(denied)))
        assert (fields["M"], fields["C"]) == ("permission denied for relation test", "42501")
    schema = {"S": "ERROR", "V": "ERROR", "C": "42501", "M": "permission denied for schema qa_tickit"}
    assert messages.error_fields(scrubbed(messages.error_response(schema)))["M"] == schema["M"]


def test_the_clusters_database_is_named_by_its_own_name():
    denied = {"S": "ERROR", "V": "ERROR", "C": "42501", "M": "permission denied for database rs_0123abcd"}
    fields = messages.error_fields(scrubbed(messages.error_response(denied), ("rs_0123abcd", "dev")))
    assert fields["M"] == "permission denied for database dev"
