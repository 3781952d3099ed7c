"""COPY from S3 through the local Redshift endpoint against its floors and two common peers (issue 4, point 6).

For each scale, on a fresh stack, the generated sample data is seeded into the local S3, an untimed COPY warms
the endpoint up, and then, --repeat times (interleaved; the median is kept):
  (a) S3 read floor: list both prefixes and GET every object (and the JSONPaths file) with the COPY loader's
      number of fetch threads;
  (b) bulk-load floor: psycopg COPY FROM STDIN (write_row) of the same rows, already parsed, straight into
      PostgreSQL;
  (c) the course's two COPY statements (read from sparkify_dwh/sql/staging/, as the tutorial runs them) end to
      end through the endpoint (redshift_connector, autocommit);
  (d) peers straight into PostgreSQL, reading the objects with the same concurrent fetch:
      pandas: read_json(lines=True) per object, concatenated per table, to_sql(method="multi", chunksize=1000)
              over SQLAlchemy postgresql+psycopg;
      row by row: json.loads per record, cursor.execute(INSERT) per row and a commit per object (as the
              course's etl.py), measured on the first objects (about --row-by-row-rows rows), extrapolated by rows.
The endpoint's memory is read from /proc during (c). Prints the figures and the issue's targets, and writes
benchmarks/results/copy_load.json.

Beside it, in the same run, the large-object shape (issue 14): --large-objects objects of --events-per-object
generated events each (40 x 5,000), loaded by the course's staging_events COPY (JSONPaths file), where S3 is not
the bottleneck: (a), (b) and (c) as above, then on a fresh stack one COPY of --large-multiple times the objects
(10x), to check that the endpoint's memory stays flat.

    .venv/bin/python -m benchmarks.copy_load [--scale 1 | --scales 1,10] [--repeat 3] [--shapes course,large]
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import statistics
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

import pandas
import psycopg
import sqlglot
from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Engine
from sqlglot import exp

from benchmarks._stack import CLUSTER, USER, Bench, bench_stack, machine, write_result
from local_redshift.copy.source import FETCH_THREADS
from local_redshift.postgres import SUPERUSER
from sparkify_dwh import sql
from sparkify_dwh.sampledata import BucketLayout, GeneratorOptions, seed_generated
from sparkify_dwh.sampledata.generator import iter_objects
from sparkify_dwh.sampledata.layout import STAGING_EVENTS_COLUMNS, jsonpaths_document
from sparkify_dwh.sampledata.seeding import ensure_buckets
from tests.support import course_sql

BUCKET = "udacity-dend"
LOG_DATA = f"s3://{BUCKET}/log_data"
LOG_JSONPATH = f"s3://{BUCKET}/log_json_path.json"
SONG_DATA = f"s3://{BUCKET}/song_data"
LARGE_LOG_DATA = f"s3://{BUCKET}/large_log_data"
REGION = "us-west-2"

# The course's staging SQL, from the files the tutorial runs: each create file drops and creates its table, each
# copy file deletes the table's rows and runs its COPY.
CREATE_STAGING = [course_sql("staging", name) for name in ("create_staging_events", "create_staging_songs")]


def copy_statements(role_arn: str) -> list[str]:
    """The COPY statements of the course's two copy files. Their DELETE is left out: every timed COPY starts
    from tables emptied by TRUNCATE, as the other loads do."""
    texts = [
        course_sql("staging", "copy_staging_events", log_data=LOG_DATA, role_arn=role_arn, region=REGION,
                   log_jsonpath=LOG_JSONPATH),
        course_sql("staging", "copy_staging_songs", song_data=SONG_DATA, role_arn=role_arn, region=REGION),
    ]  # fmt: skip
    return [statement for text in texts for statement in sql.statements(text) if statement.upper().startswith("COPY")]


def _columns(create: str) -> tuple[str, ...]:
    """The column names of the CREATE TABLE statement in a create file, in order."""
    statement = next(s for s in sql.statements(create) if s.upper().startswith("CREATE TABLE"))
    return tuple(column.name for column in sqlglot.parse_one(statement, read="redshift").find_all(exp.ColumnDef))


EVENT_FIELDS = STAGING_EVENTS_COLUMNS
"""The events' JSON fields, in the order the JSONPaths file maps them onto the columns (by position)."""
EVENT_COLUMNS, SONG_COLUMNS = map(_columns, CREATE_STAGING)
assert len(EVENT_COLUMNS) == len(EVENT_FIELDS), "staging_events has a column for each field of the JSONPaths file"
TS, USER_ID = (EVENT_COLUMNS[EVENT_FIELDS.index(field)] for field in ("ts", "userId"))
TABLES = {"staging_events": EVENT_COLUMNS, "staging_songs": SONG_COLUMNS}
PANDAS_CHUNKSIZE = 1000
MEMORY_SAMPLE_SECONDS = 0.01

COPY = "(c) COPY through the endpoint"
S3_FLOOR = "(a) S3 read floor"
BULK_FLOOR = "(b) bulk-load floor"
PANDAS = "(d) pandas read_json + to_sql(multi)"
ROW_BY_ROW = "(d) row-by-row INSERT"
ROW_BY_ROW_ENDPOINT = "(d) row-by-row INSERT via endpoint"
SCHEMAS = {
    COPY: "public",
    BULK_FLOOR: "bulk_floor",
    PANDAS: "pandas_peer",
    ROW_BY_ROW: "row_by_row",
    ROW_BY_ROW_ENDPOINT: "row_by_row",
}
EVENTS_AT_SCALE_1 = 7_913
"""The generated sample's events at scale 1 (about; the large-object shape asks the generator for a bit more)."""
ENDPOINT_SHARE = 0.25  # of the rows the direct row-by-row peer is measured on
"""Where each load writes; emptied before each of its runs."""


@dataclass(frozen=True)
class DataSet:
    """The seeded objects of one scale, by table, in key order, with the records each holds."""

    scale: float
    songs_per_file: int
    keys: dict[str, list[str]]
    records: dict[str, list[int]]
    bytes: int

    @property
    def objects(self) -> int:
        return sum(len(keys) for keys in self.keys.values()) + 1  # and the JSONPaths file

    @property
    def rows(self) -> dict[str, int]:
        return {table: sum(counts) for table, counts in self.records.items()}

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def share(self, fraction: float) -> dict[str, list[str]]:
        """The first `fraction` of each table's objects (at least one)."""
        return {table: keys[: math.ceil(len(keys) * fraction)] for table, keys in self.keys.items()}

    def rows_in(self, keys: dict[str, list[str]]) -> int:
        return sum(sum(self.records[table][: len(table_keys)]) for table, table_keys in keys.items())


@dataclass(frozen=True)
class Clients:
    """What the measurements use, opened before the clock starts (the endpoint keeps its own S3 client too)."""

    s3: Any
    endpoint: Any
    direct: psycopg.Connection
    engine: Engine


@dataclass(frozen=True)
class Memory:
    """The endpoint's resident memory (MiB) around the COPY runs."""

    before_mib: float
    sampled_peak_mib: float  # the endpoint and its workers, summed
    lifetime_peak_mib: float  # the endpoint process alone
    tree_lifetime_peak_mib: float = 0.0  # the endpoint's and its workers' lifetime peaks, summed


# --- reading the objects -----------------------------------------------------------------------------------


def list_keys(s3: Any, url: str) -> list[str]:
    """Every key under the prefix of `url`, in key order (as COPY takes them)."""
    prefix = url.removeprefix(f"s3://{BUCKET}/")
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for page in pages for item in page.get("Contents", [])]


def fetch(s3: Any, keys: Sequence[str]) -> Iterator[bytes]:
    """The bodies of `keys`, in order, read FETCH_THREADS at a time (the COPY loader's concurrency)."""
    with ThreadPoolExecutor(max_workers=FETCH_THREADS) as pool:
        yield from pool.map(lambda key: s3.get_object(Bucket=BUCKET, Key=key)["Body"].read(), keys)


def seed(bench: Bench, scale: float, songs_per_file: int) -> DataSet:
    """Seed the generated data set of `scale` and take stock of it."""
    options = GeneratorOptions(scale=scale, songs_per_file=songs_per_file)
    layout = BucketLayout.from_uris(song_data=SONG_DATA, log_data=LOG_DATA, log_jsonpath=LOG_JSONPATH)
    s3 = bench.aws("s3")
    seed_generated(s3, options, layout=layout, region=REGION, progress=False)
    keys = {"staging_events": list_keys(s3, LOG_DATA), "staging_songs": list_keys(s3, SONG_DATA)}
    records: dict[str, list[int]] = {}
    size = 0
    for table, table_keys in keys.items():
        records[table] = []
        for body in fetch(s3, table_keys):
            records[table].append(len(body.splitlines()))  # the generator writes one record per line
            size += len(body)
    return DataSet(scale, songs_per_file, keys, records, size)


# --- the measurements: each returns the rows it handled ---------------------------------------------------


def s3_floor(s3: Any) -> int:
    """(a) List both prefixes and read every object and the JSONPaths file."""
    s3.get_object(Bucket=BUCKET, Key=LOG_JSONPATH.removeprefix(f"s3://{BUCKET}/"))["Body"].read()
    return sum(len(body.splitlines()) for url in (LOG_DATA, SONG_DATA) for body in fetch(s3, list_keys(s3, url)))


def endpoint_copy(endpoint: Any, role_arn: str) -> int:
    """(c) The course's two COPY statements through the endpoint."""
    cursor = endpoint.cursor()
    loaded = 0
    for statement in copy_statements(role_arn):
        cursor.execute(statement)
        loaded += copied(cursor)
    return loaded


def copied(cursor: Any) -> int:
    """The rows the last COPY loaded: redshift_connector's rowcount is -1 after a COPY on a server that reports
    Redshift's version (8.0.2), as on Redshift itself."""
    cursor.execute("SELECT pg_last_copy_count()")
    return cursor.fetchone()[0]


def bulk_floor(direct: psycopg.Connection, parsed: dict[str, list[tuple]]) -> int:
    """(b) psycopg COPY FROM STDIN (write_row) of already parsed rows, in one transaction."""
    with direct.transaction():
        cursor = direct.cursor()
        for table, rows in parsed.items():
            with cursor.copy(f"COPY bulk_floor.{table} ({', '.join(TABLES[table])}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
    return sum(len(rows) for rows in parsed.values())


def pandas_peer(s3: Any, data: DataSet, engine: Engine) -> int:
    """(d) pandas.read_json per object, one DataFrame per table, to_sql(method="multi")."""
    events = pandas.concat(
        pandas.read_json(io.BytesIO(body), lines=True) for body in fetch(s3, data.keys["staging_events"])
    )
    events = events.reindex(columns=list(EVENT_FIELDS)).set_axis(list(EVENT_COLUMNS), axis=1)
    events[TS] = pandas.to_datetime(events[TS], unit="ms")
    events = events.replace({"": None, " ": None})
    events[USER_ID] = pandas.to_numeric(events[USER_ID]).astype("Int64")
    songs = pandas.concat(
        pandas.read_json(io.BytesIO(body), lines=True) for body in fetch(s3, data.keys["staging_songs"])
    ).reindex(columns=list(SONG_COLUMNS))
    for table, frame in (("staging_events", events), ("staging_songs", songs)):
        frame.to_sql(
            table,
            engine,
            schema="pandas_peer",
            if_exists="append",
            index=False,
            method="multi",
            chunksize=PANDAS_CHUNKSIZE,
        )
    return len(events) + len(songs)


def row_by_row_peer(s3: Any, connection: Any, keys: dict[str, list[str]]) -> int:
    """(d) json.loads and cursor.execute(INSERT) per record, a commit per object (as the course's etl.py), over
    `connection`: psycopg straight into PostgreSQL, or redshift_connector through the endpoint."""
    cursor = connection.cursor()
    inserted = 0
    connection.autocommit = False
    try:
        for table, table_keys in keys.items():
            columns = TABLES[table]
            insert = (
                f"INSERT INTO row_by_row.{table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
            )
            values = _event_values if table == "staging_events" else _song_values
            for body in fetch(s3, table_keys):
                for line in body.splitlines():
                    cursor.execute(insert, values(json.loads(line)))
                    inserted += 1
                connection.commit()
    finally:
        connection.autocommit = True
    return inserted


def _event_values(record: dict[str, Any]) -> list[Any]:
    """The JSONPaths mapping by hand: fields in column order, empty as NULL, ts in epoch milliseconds."""
    values = [None if record.get(name) in ("", " ") else record.get(name) for name in EVENT_FIELDS]
    ts = EVENT_FIELDS.index("ts")
    if values[ts] is not None:
        values[ts] = datetime.fromtimestamp(values[ts] / 1000, timezone.utc).replace(tzinfo=None)
    return values


def _song_values(record: dict[str, Any]) -> list[Any]:
    return [record.get(name) for name in SONG_COLUMNS]


# --- one scale --------------------------------------------------------------------------------------------


def _status_kib(pid: int, name: str) -> int:
    """A line of /proc/<pid>/status, such as VmRSS or VmHWM (the lifetime peak); 0 once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return 0
    raise RuntimeError(f"/proc/{pid}/status has no {name}")


def descendants(pid: int) -> list[int]:
    """The processes under `pid` (its COPY workers, say), from the PPid lines of /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parent = _status_kib(int(entry), "PPid")
            parents.setdefault(parent, []).append(int(entry))
    found, queue = [], [pid]
    while queue:
        children = parents.get(queue.pop(), [])
        found += children
        queue += children
    return found


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) a process has used so far, from /proc/<pid>/stat; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


class MemorySampler:
    """Samples the VmRSS of a process and of the processes under it (its COPY workers), from /proc, in a
    background thread while entered; keeps the peak of the sum, and adds up the CPU time they use meanwhile."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kib = 0
        self.cpu_seconds = 0.0
        self._cpu_before: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._tree = [pid]

    def status_kib(self, name: str) -> int:
        """A line of /proc/<pid>/status of the process itself, such as VmRSS or VmHWM (the lifetime peak)."""
        return _status_kib(self.pid, name)

    def tree_kib(self, name: str) -> int:
        """The sum of that line over the process and the processes under it."""
        return sum(_status_kib(pid, name) for pid in [self.pid, *descendants(self.pid)])

    def __enter__(self) -> MemorySampler:
        self._cpu_before = {pid: cpu_seconds(pid) for pid in [self.pid, *descendants(self.pid)]}
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        tree = [self.pid, *descendants(self.pid)]
        self.cpu_seconds += sum(cpu_seconds(pid) - self._cpu_before.get(pid, 0.0) for pid in tree)

    def _run(self) -> None:
        self._tree = [self.pid, *descendants(self.pid)]
        rounds = 0
        while not self._stop.wait(MEMORY_SAMPLE_SECONDS):
            rounds += 1
            if rounds % 20 == 0:  # workers may start or be replaced: look for them again every 0.2 s
                self._tree = [self.pid, *descendants(self.pid)]
            self.peak_kib = max(self.peak_kib, sum(_status_kib(pid, "VmRSS") for pid in self._tree))


def prepare_tables(bench: Bench) -> None:
    """The staging tables through the endpoint (the course's create files), and copies of them (the columns as
    the endpoint made them) for the floor and the peers."""
    connection = bench.redshift_connector()
    try:
        cursor = connection.cursor()
        for statement in (s for text in CREATE_STAGING for s in sql.statements(text)):
            cursor.execute(statement)
    finally:
        connection.close()
    with bench.direct() as connection:
        connection.execute(f"SET ROLE {USER}")  # the schemas are the master user's: the endpoint's sessions use them
        for schema in sorted(set(SCHEMAS.values())):
            if schema != "public":
                connection.execute(f"CREATE SCHEMA {schema}")
                for table in TABLES:
                    connection.execute(f"CREATE TABLE {schema}.{table} (LIKE public.{table})")


def truncate(direct: psycopg.Connection, schema: str) -> None:
    tables = ", ".join(f"{schema}.{table}" for table in TABLES)
    direct.execute(f"TRUNCATE {tables}")


def parsed_rows(direct: psycopg.Connection) -> dict[str, list[tuple]]:
    """The rows the COPY loaded, as Python values: the input of the bulk-load floor."""
    return {
        table: direct.execute(f"SELECT {', '.join(columns)} FROM public.{table}").fetchall()
        for table, columns in TABLES.items()
    }


def sqlalchemy_engine(bench: Bench) -> Engine:
    url = URL.create(
        "postgresql+psycopg",
        username=SUPERUSER,
        password=bench.stack.warehouse(CLUSTER).password(),
        host="127.0.0.1",
        port=bench.stack.warehouse(CLUSTER).port,
        database=bench.postgres_database,
    )
    return create_engine(url)


def run_scale(scale: float, songs_per_file: int, repeat: int, row_by_row_rows: int) -> dict[str, Any]:
    """Seed one scale on a fresh stack (so the endpoint's lifetime peak memory is this scale's) and measure."""
    with bench_stack() as bench:
        data = seed(bench, scale, songs_per_file)
        print(f"scale {scale:g}: {data.objects:,} objects, {data.total_rows:,} rows seeded; measuring", flush=True)
        prepare_tables(bench)
        row_by_row_keys = data.share(min(1.0, row_by_row_rows / data.total_rows))
        endpoint_keys = data.share(min(1.0, ENDPOINT_SHARE * row_by_row_rows / data.total_rows))
        sampler = MemorySampler(bench.endpoint_pid())
        before_kib = sampler.tree_kib("VmRSS")
        clients = Clients(bench.aws("s3"), bench.redshift_connector(), bench.direct(), sqlalchemy_engine(bench))
        try:
            with sampler:  # an untimed first COPY: the endpoint makes its AWS clients; its rows feed (b)
                endpoint_copy(clients.endpoint, bench.role_arn)
            parsed = parsed_rows(clients.direct)
            plan: dict[str, tuple[Callable[[], int], int]] = {
                S3_FLOOR: (lambda: s3_floor(clients.s3), data.total_rows),
                BULK_FLOOR: (lambda: bulk_floor(clients.direct, parsed), data.total_rows),
                COPY: (lambda: endpoint_copy(clients.endpoint, bench.role_arn), data.total_rows),
                PANDAS: (lambda: pandas_peer(clients.s3, data, clients.engine), data.total_rows),
                ROW_BY_ROW: (lambda: row_by_row_peer(clients.s3, clients.direct, row_by_row_keys),
                             data.rows_in(row_by_row_keys)),
                ROW_BY_ROW_ENDPOINT: (lambda: row_by_row_peer(clients.s3, clients.endpoint, endpoint_keys),
                                      data.rows_in(endpoint_keys)),
            }  # fmt: skip
            runs: dict[str, list[float]] = {name: [] for name in plan}
            for _ in range(repeat):
                for name, (measure, expected) in plan.items():
                    if name in SCHEMAS:
                        truncate(clients.direct, SCHEMAS[name])
                    with sampler if name == COPY else nullcontext():
                        started = time.perf_counter()
                        rows = measure()
                        seconds = time.perf_counter() - started
                    if rows != expected:
                        raise RuntimeError(f"{name} handled {rows} rows, expected {expected}")
                    runs[name].append(seconds * data.total_rows / expected)
            memory = Memory(
                before_kib / 1024,
                sampler.peak_kib / 1024,
                sampler.status_kib("VmHWM") / 1024,
                sampler.tree_kib("VmHWM") / 1024,
            )
        finally:
            clients.endpoint.close()
            clients.direct.close()
            clients.engine.dispose()
    notes = {
        PANDAS: f"read_json per object, concatenated per table, chunksize {PANDAS_CHUNKSIZE}",
        ROW_BY_ROW: "psycopg straight into PostgreSQL, commit per object; " + _measured_on(data, row_by_row_keys),
        ROW_BY_ROW_ENDPOINT: "redshift_connector through the endpoint, commit per object; "
        + _measured_on(data, endpoint_keys),
    }  # fmt: skip
    measurements = [
        {"name": name, "seconds": statistics.median(times), "runs": times, "note": notes.get(name, ""),
         "rows_per_second": data.total_rows / statistics.median(times)}
        for name, times in runs.items()
    ]  # fmt: skip
    return {
        "scale": scale,
        "songs_per_file": songs_per_file,
        "objects": data.objects,
        "bytes": data.bytes,
        "rows": data.rows | {"total": data.total_rows},
        "measurements": measurements,
        "endpoint_memory": asdict(memory),
    }


def _measured_on(data: DataSet, keys: dict[str, list[str]]) -> str:
    measured = data.rows_in(keys)
    return f"measured on {measured:,} rows, extrapolated" if measured < data.total_rows else "measured on all rows"


# --- the large-object shape -------------------------------------------------------------------------------


def large_event_objects(objects: int, events_per_object: int) -> list[bytes]:
    """`objects` bodies of `events_per_object` generated events each (the generator's log lines, re-packed)."""
    wanted = objects * events_per_object
    scale = 1.1 * wanted / EVENTS_AT_SCALE_1
    lines: list[bytes] = []
    for key, body in iter_objects(GeneratorOptions(scale=scale)):
        if key.startswith("log_data/"):
            lines += body.splitlines()
            if len(lines) >= wanted:
                break
    if len(lines) < wanted:
        raise RuntimeError(f"the generator made {len(lines)} events, {wanted} wanted")
    return [b"\n".join(lines[i * events_per_object : (i + 1) * events_per_object]) for i in range(objects)]


def seed_large(bench: Bench, bodies: Sequence[bytes], multiple: int) -> int:
    """Put `multiple` copies of `bodies` under the large_log_data prefix (and the JSONPaths file); the rows."""
    s3 = bench.aws("s3")
    layout = BucketLayout.from_uris(song_data=SONG_DATA, log_data=LOG_DATA, log_jsonpath=LOG_JSONPATH)
    ensure_buckets(s3, layout, REGION)
    s3.put_object(Bucket=BUCKET, Key=LOG_JSONPATH.removeprefix(f"s3://{BUCKET}/"), Body=jsonpaths_document())
    prefix = LARGE_LOG_DATA.removeprefix(f"s3://{BUCKET}/")
    keys = [f"{prefix}/part-{copy:03d}-{index:03d}.json" for copy in range(multiple) for index in range(len(bodies))]
    with ThreadPoolExecutor(max_workers=FETCH_THREADS) as pool:
        list(
            pool.map(lambda key, body: s3.put_object(Bucket=BUCKET, Key=key, Body=body), keys, list(bodies) * multiple)
        )
    return multiple * sum(body.count(b"\n") + 1 for body in bodies)


def large_copy_statement(role_arn: str) -> str:
    """The course's staging_events COPY (JSONPaths file, epochmillisecs), from the large_log_data prefix."""
    text = course_sql("staging", "copy_staging_events", log_data=LARGE_LOG_DATA, role_arn=role_arn, region=REGION,
                      log_jsonpath=LOG_JSONPATH)  # fmt: skip
    return next(statement for statement in sql.statements(text) if statement.upper().startswith("COPY"))


def large_s3_floor(s3: Any) -> int:
    """(a) List the prefix and read every object and the JSONPaths file."""
    s3.get_object(Bucket=BUCKET, Key=LOG_JSONPATH.removeprefix(f"s3://{BUCKET}/"))["Body"].read()
    return sum(len(body.splitlines()) for body in fetch(s3, list_keys(s3, LARGE_LOG_DATA)))


def run_large(bodies: Sequence[bytes], multiple: int, repeat: int) -> dict[str, Any]:
    """The large-object shape on a fresh stack: `multiple` copies of `bodies`; with `multiple` 1, (a), (b) and (c)
    `repeat` times (interleaved; medians), else one COPY (its time and memory)."""
    with bench_stack() as bench:
        rows = seed_large(bench, bodies, multiple)
        objects = multiple * len(bodies)
        print(f"large objects x{multiple}: {objects:,} objects, {rows:,} rows seeded; measuring", flush=True)
        prepare_tables(bench)
        statement = large_copy_statement(bench.role_arn)
        sampler = MemorySampler(bench.endpoint_pid())
        before_kib = sampler.tree_kib("VmRSS")
        s3, endpoint, direct = bench.aws("s3"), bench.redshift_connector(), bench.direct()

        def copy() -> int:
            cursor = endpoint.cursor()
            cursor.execute(statement)
            return copied(cursor)

        try:
            runs: dict[str, list[float]] = {COPY: []}
            with sampler:  # with multiple 1 an untimed warm-up, whose rows feed (b); else the one COPY measured
                started = time.perf_counter()
                loaded = copy()
                first = time.perf_counter() - started
            if loaded != rows:
                raise RuntimeError(f"COPY loaded {loaded} rows, expected {rows}")
            cpu = [sampler.cpu_seconds]
            if multiple == 1:
                cpu = []
                parsed = {"staging_events": parsed_rows(direct)["staging_events"]}
                plan: dict[str, Callable[[], int]] = {
                    S3_FLOOR: lambda: large_s3_floor(s3),
                    BULK_FLOOR: lambda: bulk_floor(direct, parsed),
                    COPY: copy,
                }
                runs = {name: [] for name in plan}
                for _ in range(repeat):
                    for name, measure in plan.items():
                        if name in SCHEMAS:
                            truncate(direct, SCHEMAS[name])
                        cpu_before = sampler.cpu_seconds
                        with sampler if name == COPY else nullcontext():
                            started = time.perf_counter()
                            handled = measure()
                            runs[name].append(time.perf_counter() - started)
                        if name == COPY:
                            cpu.append(sampler.cpu_seconds - cpu_before)
                        if handled != rows:
                            raise RuntimeError(f"{name} handled {handled} rows, expected {rows}")
            else:
                runs[COPY].append(first)
            memory = Memory(
                before_kib / 1024,
                sampler.peak_kib / 1024,
                sampler.status_kib("VmHWM") / 1024,
                sampler.tree_kib("VmHWM") / 1024,
            )
        finally:
            endpoint.close()
            direct.close()
    return {
        "shape": "large objects",
        "multiple": multiple,
        "objects": objects,
        "events_per_object": len(bodies[0].splitlines()),
        "bytes": multiple * sum(len(body) for body in bodies),
        "rows": {"staging_events": rows, "total": rows},
        "measurements": [_measurement(name, times, rows) for name, times in runs.items()],
        "endpoint_memory": asdict(memory),
        "endpoint_cpu_seconds": cpu,  # per COPY, the endpoint and its workers (PostgreSQL's backend not included)
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def _measurement(name: str, times: list[float], rows: int) -> dict[str, Any]:
    median = statistics.median(times)
    return {"name": name, "seconds": median, "runs": times, "note": "", "rows_per_second": rows / median}


def large_targets(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The issue's targets for the large-object shape: (c) against its floors; memory flat at 10x the data."""
    base = results[0]
    copy = seconds_of(base, COPY)
    floors = seconds_of(base, S3_FLOOR) + seconds_of(base, BULK_FLOOR)
    checks = [_target(f"(c) <= 1.3 x ((a)+(b)), {base['objects']} large objects", copy / floors, 1.3, "x floors",
                      at_most=True)]  # fmt: skip
    for result in results[1:]:
        ratio = result["rows"]["total"] / base["rows"]["total"]
        checks.append(_target(
            f"endpoint memory during the COPY of {ratio:.0f}x the data <= 1.1 x the 1x run's (sampled peak)",
            result["endpoint_memory"]["sampled_peak_mib"] / base["endpoint_memory"]["sampled_peak_mib"],
            1.1, "x", at_most=True,
        ))  # fmt: skip
        checks.append(_target(
            f"{ratio:.0f}x the rows costs <= {1.1 * ratio:.1f}x the time, large objects",
            seconds_of(result, COPY) / copy, 1.1 * ratio, "x the time", at_most=True,
        ))  # fmt: skip
    return checks


def large_report(results: list[dict[str, Any]]) -> str:
    lines = [
        "| large objects | objects | rows | measurement | seconds | runs | rows/s | CPU s (endpoint + workers)"
        " | load average |",
        "|---:|---:|---:|---|---:|---|---:|---|---|",
    ]
    for result in results:
        for m in result["measurements"]:
            runs = ", ".join(f"{run:.2f}" for run in m["runs"])
            cpu = ", ".join(f"{seconds:.2f}" for seconds in result["endpoint_cpu_seconds"]) if m["name"] == COPY else ""
            lines.append(
                f"| {result['multiple']}x | {result['objects']:,} | {result['rows']['total']:,} | {m['name']} |"
                f" {m['seconds']:.2f} | {runs} | {m['rows_per_second']:,.0f} | {cpu} | {result['load_average']} |"
            )
    lines += [
        "",
        "| large objects | RSS before (c) MiB | sampled peak during (c) MiB | VmHWM endpoint MiB"
        " | VmHWM with workers MiB |",
        "|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        memory = result["endpoint_memory"]
        lines.append(
            f"| {result['multiple']}x | {memory['before_mib']:.1f} | {memory['sampled_peak_mib']:.1f} |"
            f" {memory['lifetime_peak_mib']:.1f} | {memory['tree_lifetime_peak_mib']:.1f} |"
        )
    return "\n".join(lines)


# --- targets and report -----------------------------------------------------------------------------------


def seconds_of(result: dict[str, Any], name: str) -> float:
    return next(m["seconds"] for m in result["measurements"] if m["name"] == name)


def targets(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The issue's targets, each with what was measured, its limit and whether it holds."""
    checks = []
    for result in results:
        copy = seconds_of(result, COPY)
        floors = seconds_of(result, S3_FLOOR) + seconds_of(result, BULK_FLOOR)
        checks += [
            _target(f"(c) <= 1.3 x ((a)+(b)), scale {result['scale']:g}", copy / floors, 1.3, "x floors", at_most=True),
            _target(
                f"(c) >= 3x faster than pandas, scale {result['scale']:g}",
                seconds_of(result, PANDAS) / copy,
                3.0,
                "x faster",
                at_most=False,
            ),
            _target(
                f"(c) >= 20x faster than row by row (direct), scale {result['scale']:g}",
                seconds_of(result, ROW_BY_ROW) / copy,
                20.0,
                "x faster",
                at_most=False,
            ),
            _target(
                f"(c) >= 20x faster than row by row (via endpoint), scale {result['scale']:g}",
                seconds_of(result, ROW_BY_ROW_ENDPOINT) / copy,
                20.0,
                "x faster",
                at_most=False,
            ),
        ]
    if len(results) > 1:
        small, large = results[0], results[-1]
        data_ratio = large["rows"]["total"] / small["rows"]["total"]
        time_ratio = seconds_of(large, COPY) / seconds_of(small, COPY)
        checks.append(_target(
            f"{data_ratio:.1f}x the rows costs <= {1.1 * data_ratio:.1f}x the time (10x -> 11x)",
            time_ratio, 1.1 * data_ratio, "x the time", at_most=True,
        ))  # fmt: skip
        peaks = [r["endpoint_memory"]["lifetime_peak_mib"] for r in results]
        checks.append(_target(
            "endpoint peak memory flat (largest scale <= 1.1 x smallest scale's)",
            peaks[-1] / peaks[0], 1.1, "x", at_most=True,
        ))  # fmt: skip
    return checks


def _target(name: str, value: float, limit: float, unit: str, *, at_most: bool) -> dict[str, Any]:
    """`miss` > 1 says by what factor the measured value is on the wrong side of the limit."""
    miss = value / limit if at_most else limit / value
    return {
        "target": name,
        "value": round(value, 3),
        "limit": limit,
        "unit": unit,
        "passed": miss <= 1,
        "miss": round(miss, 3),
    }


def report(results: list[dict[str, Any]], checks: list[dict[str, Any]]) -> str:
    lines = [
        "| scale | objects | rows | measurement | seconds | rows/s | vs (c) | note |",
        "|---:|---:|---:|---|---:|---:|---:|---|",
    ]
    for result in results:
        copy = seconds_of(result, COPY)
        for m in result["measurements"]:
            lines.append(
                f"| {result['scale']:g} | {result['objects']:,} | {result['rows']['total']:,} | {m['name']} |"
                f" {m['seconds']:.2f} | {m['rows_per_second']:,.0f} | {m['seconds'] / copy:.2f}x | {m['note']} |"
            )
    lines += [
        "",
        "| scale | endpoint RSS before (c) MiB | sampled peak during (c) MiB | lifetime peak (VmHWM) MiB |",
        "|---:|---:|---:|---:|",
    ]
    for result in results:
        memory = result["endpoint_memory"]
        lines.append(
            f"| {result['scale']:g} | {memory['before_mib']:.1f} | {memory['sampled_peak_mib']:.1f} |"
            f" {memory['lifetime_peak_mib']:.1f} |"
        )
    lines += ["", "| target | measured | limit | result |", "|---|---:|---:|---|"]
    for check in checks:
        verdict = "pass" if check["passed"] else f"FAIL (misses by {check['miss']:.2f}x)"
        lines.append(f"| {check['target']} | {check['value']:.2f}{check['unit']} | {check['limit']:.3g} | {verdict} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--scale", type=float, help="one scale (1 = the course sample's size)")
    group.add_argument("--scales", default="1,10", help="several scales, comma-separated (default: 1,10)")
    parser.add_argument("--songs-per-file", type=int, default=1, help="song objects per song_data file")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (the median is kept)")
    parser.add_argument(
        "--row-by-row-rows",
        type=int,
        default=20_000,
        help="rows the row-by-row peer is measured on before extrapolating",
    )
    parser.add_argument("--shapes", default="course,large", help="course (many small objects), large, or both")
    parser.add_argument("--large-objects", type=int, default=40, help="objects of the large-object shape")
    parser.add_argument("--events-per-object", type=int, default=5000, help="events per large object")
    parser.add_argument("--large-multiple", type=int, default=10, help="the memory check's multiple of the data")
    args = parser.parse_args(argv)
    shapes = set(args.shapes.split(","))
    scales = [args.scale] if args.scale else [float(s) for s in args.scales.split(",")]
    results, checks, large, large_checks = [], [], [], []
    if "course" in shapes:
        results = [run_scale(scale, args.songs_per_file, args.repeat, args.row_by_row_rows) for scale in scales]
        checks = targets(results)
    if "large" in shapes:
        bodies = large_event_objects(args.large_objects, args.events_per_object)
        large = [run_large(bodies, 1, args.repeat)]
        if args.large_multiple > 1:
            large.append(run_large(bodies, args.large_multiple, 1))
        large_checks = large_targets(large)
    if results:
        print(report(results, checks))
    if large:
        print("\n" + large_report(large))
        print("\n| target | measured | limit | result |\n|---|---:|---:|---|")
        for check in large_checks:
            verdict = "pass" if check["passed"] else f"FAIL (misses by {check['miss']:.2f}x)"
            print(f"| {check['target']} | {check['value']:.2f}{check['unit']} | {check['limit']:.3g} | {verdict} |")
    path = write_result("copy_load", {
        "benchmark": "copy_load",
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {"scales": scales, "songs_per_file": args.songs_per_file, "repeat": args.repeat,
                     "row_by_row_rows": args.row_by_row_rows, "fetch_threads": FETCH_THREADS,
                     "pandas_chunksize": PANDAS_CHUNKSIZE, "shapes": sorted(shapes),
                     "large_objects": args.large_objects, "events_per_object": args.events_per_object,
                     "large_multiple": args.large_multiple},
        "scales": results,
        "targets": checks,
        "large_objects": large,
        "large_targets": large_checks,
    })  # fmt: skip
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
