"""The local Redshift endpoint's overhead against connecting to the same embedded PostgreSQL directly.

Measures (issue 3, point 6) on one throwaway stack:
- point query round trips (`SELECT 1`, a primary-key lookup): median and p95 over --iterations after a warm-up;
- fetching --rows rows of a table (`SELECT id, digest FROM bench_rows`): seconds (median of --runs), rows/s.
The clients take turns (blocks of 100 round trips; one fetch each), so that all see the same background load.
Clients: psycopg straight to PostgreSQL (the baseline), psycopg through a bare forwarder in Python to the same
PostgreSQL (benchmarks/forwarder.py: the least any relay in Python can cost), psycopg and redshift_connector through
the endpoint (redshift_connector cannot log in to PostgreSQL itself). Prints Markdown tables and writes
benchmarks/results/endpoint_overhead.json.

    .venv/bin/python -m benchmarks.endpoint_overhead [--iterations 2000] [--rows 1000000]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

import psycopg

from benchmarks._stack import USER, Bench, bench_stack, machine, write_result
from tests.support import free_port

BASELINE = "psycopg direct"
FORWARDED = "psycopg via a bare Python forwarder"
FILL = "INSERT INTO bench_rows SELECT g, md5(g::text) FROM generate_series(1, %s) g"
FETCH = "SELECT id, digest FROM bench_rows"
BLOCK = 100
"""Round trips a client makes in a row before the next client's turn."""
POINT_QUERIES = {"SELECT 1": "SELECT 1", "primary-key lookup": "SELECT id, digest FROM bench_rows WHERE id = %s"}


@dataclass(frozen=True)
class RoundTrip:
    """One point query, one client: latency in microseconds."""

    query: str
    client: str
    median_us: float
    p95_us: float
    ratio: float


@dataclass(frozen=True)
class Fetch:
    """The big fetch, one client."""

    client: str
    rows: int
    seconds: float
    rows_per_second: float
    runs: list[float]
    ratio: float


def clients(bench: Bench, forwarder_port: int) -> dict[str, Callable[[], Any]]:
    """Connection factories by name; the baseline first."""
    forwarded = re.sub(r"port=\d+", f"port={forwarder_port}", bench.direct_conninfo)
    return {
        BASELINE: bench.direct,
        FORWARDED: lambda: psycopg.connect(forwarded, autocommit=True),
        "psycopg via endpoint": bench.psycopg,
        "redshift_connector via endpoint": bench.redshift_connector,
    }


@contextmanager
def forwarder(bench: Bench) -> Iterator[int]:
    """benchmarks/forwarder.py to the cluster's PostgreSQL, in a process of its own: its port."""
    port = free_port()
    target = re.search(r"port=(\d+)", bench.direct_conninfo)
    assert target is not None
    command = [sys.executable, "-m", "benchmarks.forwarder", str(port), target.group(1)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def fill_table(bench: Bench, rows: int) -> None:
    """bench_rows(id PRIMARY KEY, digest): `rows` rows, made directly in the cluster's database."""
    with bench.direct() as connection:
        connection.execute("DROP TABLE IF EXISTS bench_rows")
        connection.execute("CREATE TABLE bench_rows (id integer PRIMARY KEY, digest text NOT NULL)")
        connection.execute(FILL, [rows])
        connection.execute(f"ALTER TABLE bench_rows OWNER TO {USER}")  # the cluster's master user, no superuser
        connection.execute("VACUUM ANALYZE bench_rows")


def round_trip(cursor: Any, sql: str, args: tuple | None) -> float:
    """Microseconds for one execute + fetchall."""
    started = time.perf_counter_ns()
    if args is None:
        cursor.execute(sql)
    else:
        cursor.execute(sql, args)
    cursor.fetchall()
    return (time.perf_counter_ns() - started) / 1000


def percentile(samples: list[float], share: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[round(share * 100) - 1]


def point_queries(bench: Bench, port: int, rows: int, iterations: int, warmup: int) -> list[RoundTrip]:
    """The clients take turns by blocks of BLOCK round trips, so that all share whatever else the machine does."""
    draw = random.Random(3).randint
    connections = {client: connect() for client, connect in clients(bench, port).items()}
    results = []
    try:
        cursors = {client: connection.cursor() for client, connection in connections.items()}
        for query, sql in POINT_QUERIES.items():
            samples: dict[str, list[float]] = {client: [] for client in cursors}
            for cursor in cursors.values():
                for _ in range(warmup):
                    round_trip(cursor, sql, (draw(1, rows),) if "%s" in sql else None)
            for _ in range(0, iterations, BLOCK):
                arguments = [(draw(1, rows),) if "%s" in sql else None for _ in range(BLOCK)]
                for client, cursor in cursors.items():
                    samples[client] += [round_trip(cursor, sql, args) for args in arguments]
            baseline = statistics.median(samples[BASELINE])
            for client, timings in samples.items():
                median = statistics.median(timings)
                results.append(RoundTrip(query, client, median, percentile(timings, 0.95), median / baseline))
    finally:
        for connection in connections.values():
            connection.close()
    return results


def fetch_all(bench: Bench, port: int, rows: int, runs: int) -> list[Fetch]:
    """--runs rounds, each fetching the whole table once per client."""
    connections = {client: connect() for client, connect in clients(bench, port).items()}
    timings: dict[str, list[float]] = {client: [] for client in connections}
    try:
        for _ in range(runs):
            for client, connection in connections.items():
                cursor = connection.cursor()
                started = time.perf_counter()
                cursor.execute(FETCH)
                fetched = len(cursor.fetchall())
                timings[client].append(time.perf_counter() - started)
                if fetched != rows:
                    raise RuntimeError(f"{client} fetched {fetched} rows, not {rows}")
    finally:
        for connection in connections.values():
            connection.close()
    baseline = statistics.median(timings[BASELINE])
    results = []
    for client, runs in timings.items():
        seconds = statistics.median(runs)
        results.append(Fetch(client, rows, seconds, rows / seconds, runs, seconds / baseline))
    return results


def markdown(trips: list[RoundTrip], fetches: list[Fetch], iterations: int) -> str:
    lines = [
        f"Point query round trip ({iterations} iterations)",
        "",
        "| query | client | median µs | p95 µs | median vs psycopg direct |",
        "|---|---|---:|---:|---:|",
        *(f"| {t.query} | {t.client} | {t.median_us:.0f} | {t.p95_us:.0f} | {t.ratio:.2f}x |" for t in trips),
        "",
        f"Fetch of {fetches[0].rows:,} rows (`{FETCH}`, median of {len(fetches[0].runs)} runs)",
        "",
        "| client | seconds | rows/s | vs psycopg direct |",
        "|---|---:|---:|---:|",
        *(f"| {f.client} | {f.seconds:.2f} | {f.rows_per_second:,.0f} | {f.ratio:.2f}x |" for f in fetches),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--iterations", type=int, default=2000, help=f"timed round trips per query and client (a multiple of {BLOCK})"
    )
    parser.add_argument("--warmup", type=int, default=200, help="untimed round trips before them")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the table fetched whole")
    parser.add_argument("--runs", type=int, default=5, help="fetches per client (the median is reported)")
    args = parser.parse_args(argv)
    with bench_stack() as bench, forwarder(bench) as port:
        fill_table(bench, args.rows)
        trips = point_queries(bench, port, args.rows, args.iterations, args.warmup)
        fetches = fetch_all(bench, port, args.rows, args.runs)
    print(markdown(trips, fetches, args.iterations))
    path = write_result("endpoint_overhead", {
        "benchmark": "endpoint_overhead",
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {"iterations": args.iterations, "warmup": args.warmup, "rows": args.rows, "runs": args.runs,
                     "baseline": BASELINE, "floor": FORWARDED, "fetch": FETCH, "point_queries": POINT_QUERIES},
        "point_queries": [asdict(trip) for trip in trips],
        "fetch": [asdict(fetch) for fetch in fetches],
    })  # fmt: skip
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
