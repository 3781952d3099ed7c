"""STL_CONNECTION_LOG and STL_UNDONE through the running endpoint, as their Developer Guide pages describe them.

r_STL_CONNECTION_LOG.html: "Logs authentication attempts and connections and disconnections", with the client's
application_name, os_version and driver_version (redshift_connector sends the last two in its startup packet) and
the negotiated protocol_version; visible to superusers only (the master user). r_STL_UNDONE.html: undone
transactions, which the local Redshift has none of.
"""

from __future__ import annotations

import time

from redshift_connector import DriverInfo


def _events(cursor, pid: int) -> list[tuple]:
    cursor.execute(
        "SELECT TRIM(event), TRIM(username), TRIM(dbname), TRIM(application_name), TRIM(driver_version),"
        " protocol_version FROM stl_connection_log WHERE pid = %s ORDER BY recordtime, event",
        (pid,),
    )
    return [tuple(row) for row in cursor.fetchall()]


def test_a_login_and_its_leaving_are_logged_with_the_clients_driver(cluster):
    with cluster.redshift_connector(application_name="connlog-test", client_protocol_version=1) as first:
        cursor = first.cursor()
        cursor.execute("SELECT pg_backend_pid()")
        [(pid,)] = cursor.fetchall()
        logged = (cluster.user, cluster.database, "connlog-test", DriverInfo.driver_full_name(), 1)
        assert _events(cursor, pid) == [("authenticated", *logged), ("initiating session", *logged)]
    with cluster.redshift_connector() as second:
        cursor = second.cursor()
        for _ in range(50):  # the first session's leaving is logged as its endpoint session ends
            if len(events := _events(cursor, pid)) == 3:
                break
            time.sleep(0.1)
        assert events[-1][0] == "disconnecting session"
        cursor.execute("SELECT duration > 0, TRIM(remotehost) FROM stl_connection_log WHERE pid = %s AND event = %s",
                       (pid, "disconnecting session"))  # fmt: skip
        assert cursor.fetchall() == ([True, "127.0.0.1"],)


def test_stl_undone_has_its_pages_columns_and_no_rows(cluster):
    with cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT * FROM stl_undone")
        assert [column[0] for column in cursor.description] == [
            "userid", "xact_id", "xact_id_undone", "undo_start_ts", "undo_end_ts", "table_id",
        ]  # fmt: skip
        assert cursor.fetchall() == ()
