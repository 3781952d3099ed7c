"""Redshift's own configuration parameters through the endpoint: SET, SHOW and RESET of those PostgreSQL lacks, SHOW
answering the documented default until they are SET (cm_chap_ConfigurationRef.html)."""

from __future__ import annotations

import psycopg
import pytest

SHOW_PAGE = "https://docs.aws.amazon.com/redshift/latest/dg/r_SHOW.html"
REFERENCE = "https://docs.aws.amazon.com/redshift/latest/dg/cm_chap_ConfigurationRef.html"


@pytest.mark.parametrize(
    ("name", "default"),
    [
        ("query_group", "unset"),  # SHOW_PAGE: "show query_group;" prints unset
        ("analyze_threshold_percent", "10"),  # REFERENCE's SHOW ALL
        ("wlm_query_slot_count", "1"),  # REFERENCE's SHOW ALL
        # each page's "Values (default in bold)", in the page's own words
        ("describe_field_name_in_uppercase", "off"),  # r_describe_field_name_in_uppercase.html
        ("downcase_delimited_identifier", "on"),  # r_downcase_delimited_identifier.html
        ("enable_case_sensitive_identifier", "false"),  # r_enable_case_sensitive_identifier.html
        # r_stored_proc_log_min_messages.html: "The default is LOG"
        ("stored_proc_log_min_messages", "LOG"),
    ],
)
def test_show_answers_a_redshift_setting_s_default_until_it_is_set(cluster, name, default):
    with cluster.psycopg(autocommit=True) as connection:
        shown = connection.execute(f"SHOW {name}")
        assert [column.name for column in shown.description] == [name]
        assert shown.fetchall() == [(default,)]


def test_the_pages_query_group_example_sets_shows_and_resets(cluster):
    # r_SET.html: "set query_group to 'priority'; ... reset query_group;"; r_RESET.html: RESET "Restores the value of
    # a configuration parameter to its default value"
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("set query_group to 'priority'")
        assert connection.execute("show query_group").fetchall() == [("priority",)]
        assert connection.execute("select current_setting('query_group')").fetchall() == [("priority",)]
        connection.execute("reset query_group")
        assert connection.execute("show query_group").fetchall() == [("unset",)]


def test_set_config_and_current_setting_read_and_set_a_redshift_setting(cluster):
    # r_SET_CONFIG.html: "SELECT SET_CONFIG('query_group', 'test', true);" returns test, "for the current transaction
    # only"; r_CURRENT_SETTING.html: CURRENT_SETTING returns a parameter's current value
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("BEGIN")
        assert connection.execute("SELECT SET_CONFIG('query_group', 'test', true)").fetchall() == [("test",)]
        assert connection.execute("SELECT current_setting('query_group')").fetchall() == [("test",)]
        connection.execute("COMMIT")
        assert connection.execute("SELECT current_setting('query_group')").fetchall() == [("unset",)]


def test_a_setting_never_set_whose_default_no_page_states_is_refused_by_name(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        refused = "SHOW mv_enable_aqmv_for_session before it is SET is not supported by the local Redshift"
        with pytest.raises(psycopg.errors.FeatureNotSupported, match=refused):
            connection.execute("SHOW mv_enable_aqmv_for_session")
        connection.execute("SET mv_enable_aqmv_for_session TO false")  # r_mv_enable_aqmv_for_session.html
        assert connection.execute("SHOW mv_enable_aqmv_for_session").fetchall() == [("false",)]


def test_set_config_of_a_setting_of_how_names_fold_is_refused_by_name(cluster):
    # the session learns how "Quoted" names fold from SET alone (r_enable_case_sensitive_identifier.html)
    with cluster.psycopg(autocommit=True) as connection:
        refused = r"SET_CONFIG\('enable_case_sensitive_identifier', \.\.\.\) is not supported by the local Redshift"
        with pytest.raises(psycopg.errors.FeatureNotSupported, match=refused):
            connection.execute("SELECT set_config('enable_case_sensitive_identifier', 'true', false)")
