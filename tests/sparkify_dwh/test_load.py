"""A classroom on one machine: 32 sessions at once through the endpoint, analytics queries beside COPY reloads,
for a bounded time; every result is checked against the answer of a quiet warehouse."""

from __future__ import annotations

import statistics
import threading
import time

import pandas as pd

from sparkify_dwh import pipeline, sql, warehouse
from sparkify_dwh.config import Config

SESSIONS = 32
RELOADERS = 1  # the session reloading staging_events with COPY (DELETE + COPY in one transaction)
SECONDS = 8.0


def test_32_sessions_mixing_analytics_and_copy_get_correct_answers(warehouse_config: Config):
    counts = pipeline.run(warehouse_config, progress=False)
    events = int(counts.set_index("table_name").loc["staging_events", "row_count"])
    queries = sql.files("analytics")
    with warehouse.connect(warehouse_config) as connection:
        expected = {query.name: warehouse.query(connection, query.text) for query in queries}
    params = pipeline.copy_params(warehouse_config)
    copy_events = sql.find("staging", "copy_staging_events")
    latencies: list[float] = []
    failures: list[str] = []
    deadline = [0.0]  # set when every session has connected: the SECONDS of load start together
    start = threading.Barrier(SESSIONS, action=lambda: deadline.__setitem__(0, time.monotonic() + SECONDS))

    def analyst(number: int) -> None:
        with warehouse.connect(warehouse_config) as connection:
            start.wait(timeout=60)
            turn = number
            while time.monotonic() < deadline[0]:
                query = queries[turn % len(queries)]
                began = time.perf_counter()
                result = warehouse.query(connection, query.text)
                latencies.append(time.perf_counter() - began)
                if not result.equals(expected[query.name]):
                    failures.append(f"{query.name}: wrong answer")
                turn += 1

    def reloader(_: int) -> None:
        with warehouse.connect(warehouse_config) as connection:
            start.wait(timeout=60)
            while time.monotonic() < deadline[0]:
                began = time.perf_counter()
                warehouse.run_file(connection, copy_events, params)
                latencies.append(time.perf_counter() - began)
                seen = warehouse.query(connection, "SELECT COUNT(*) AS n FROM staging_events")["n"].item()
                if seen != events:
                    failures.append(f"staging_events holds {seen} rows after a reload, not {events}")

    def guarded(work, number: int) -> None:
        try:
            work(number)
        except Exception as error:
            failures.append(f"session {number}: {error}")

    threads = [
        threading.Thread(target=guarded, args=(reloader if n < RELOADERS else analyst, n)) for n in range(SESSIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(SECONDS + 120)
    assert failures == []
    cuts = statistics.quantiles(latencies, n=100)
    print(
        pd.DataFrame(
            [
                {
                    "sessions": SESSIONS,
                    "statements": len(latencies),
                    "per_second": round(len(latencies) / SECONDS, 1),
                    "p50_ms": round(cuts[49] * 1000, 1),
                    "p95_ms": round(cuts[94] * 1000, 1),
                    "p99_ms": round(cuts[98] * 1000, 1),
                }
            ]
        ).to_string()
    )
    assert len(latencies) > SESSIONS
