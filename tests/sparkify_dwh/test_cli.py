"""The command line: bad input of every kind answered in one line (fast tier), and against a real local stack: local
up seeds the bucket, seed --from loads a folder (streamed), down stops."""

import os
import re
import subprocess
import sys
import uuid

import pytest

from sparkify_dwh import aws, cli, local
from sparkify_dwh.config import load_config
from sparkify_dwh.sampledata import GeneratorOptions, write_tree
from tests.support import REPO_ROOT, free_port


@pytest.fixture
def configured(tmp_path, monkeypatch):
    """A project folder with the committed dwh.cfg, on free ports; the stack is stopped afterwards."""
    (tmp_path / "dwh.cfg").write_text((REPO_ROOT / "dwh.cfg").read_text())
    monkeypatch.setenv("SPARKIFY_CONFIG", str(tmp_path / "dwh.cfg"))
    monkeypatch.setenv("SPARKIFY_LOCAL_AWS_PORT", str(free_port()))
    monkeypatch.setenv("SPARKIFY_LOCAL_POSTGRES_PORT", str(free_port()))
    monkeypatch.setenv("SPARKIFY_DWH_PORT", str(free_port()))
    config = load_config()
    yield config
    local.stack(config).down()


def keys(config):
    s3 = aws.client(config, "s3", config.s3.region)
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket="udacity-dend")
    return sorted(o["Key"] for page in pages for o in page.get("Contents", []))


@pytest.mark.server  # `local up` starts the stack
def test_local_up_seeds_the_layout_then_down_leaves_nothing(configured, capsys):
    assert cli.main(["local", "up"]) == 0
    listing = keys(configured)
    assert "log_json_path.json" in listing
    assert all(
        re.fullmatch(
            r"song_data/[A-Z]/[A-Z]/[A-Z]/TR\w+\.json|log_data/\d{4}/\d\d/\d{4}-\d\d-\d\d-events\.json"
            r"|log_json_path\.json",
            key,
        )
        for key in listing
    )
    assert cli.main(["local", "up"]) == 0  # idempotent, and no second seeding
    assert keys(configured) == listing
    assert cli.main(["local", "down"]) == 0
    assert cli.main(["local", "status"]) == 0
    status_lines = capsys.readouterr().out.splitlines()[-2:]
    assert [line.split()[:2] for line in status_lines] == [
        ["moto", "stopped"],
        ["endpoint", "stopped"],
    ]  # and no cluster's PostgreSQL server: no cluster has been logged in to
    assert not any(c.healthy or c.pid for c in local.stack(configured).status())


@pytest.mark.server  # `local up` starts the stack
def test_seed_from_the_course_sample_keeps_its_keys(configured, udacity_sample):
    assert cli.main(["local", "up"]) == 0
    assert cli.main(["seed", "--from", str(udacity_sample)]) == 0
    listing = keys(configured)
    expected = sorted(str(p.relative_to(udacity_sample)) for p in udacity_sample.rglob("*.json"))
    assert listing == expected and len(expected) == 102


def test_errors_are_one_line_not_a_traceback(configured, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SPARKIFY_DWH_NODE_TYPE", "dc2.large")
    assert cli.main(["local", "status"]) == 2
    assert "retired" in capsys.readouterr().err


STAR_COUNTS = {
    "staging_events": 7913,
    "staging_songs": 200,
    "songplays": 6631,
    "users": 88,
    "songs": 200,
    "artists": 112,
    "time": 6618,
}  # the default generated sample, by the rules of notebook 04


def printed_counts(out: str) -> dict[str, int]:
    """The row-count table a pipeline command printed."""
    return {
        words[0]: int(words[1])
        for words in map(str.split, out.splitlines())
        if len(words) == 2 and words[0] in STAR_COUNTS and words[1].isdigit()
    }


@pytest.mark.server  # `local up` starts the stack
def test_run_builds_everything_offline_then_teardown_leaves_nothing(configured, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SPARKIFY_IMAGES_DIR", str(tmp_path / "charts"))
    assert cli.main(["local", "up"]) == 0
    assert cli.main(["run"]) == 0
    assert printed_counts(capsys.readouterr().out) == STAR_COUNTS
    assert len(list((tmp_path / "charts").glob("*.png"))) >= 6
    assert cli.main(["etl"]) == 0
    assert printed_counts(capsys.readouterr().out) == STAR_COUNTS  # again: the same tables, no duplicates
    assert cli.main(["teardown"]) == 0
    assert cli.main(["teardown"]) == 0  # safe twice
    assert cli.main(["status"]) == 0
    assert "nothing the tutorial creates remains" in capsys.readouterr().out


@pytest.mark.server  # `local up` starts the stack
def test_pipeline_commands_without_a_cluster_say_what_to_do(configured, capsys):
    assert cli.main(["local", "up"]) == 0
    assert cli.main(["etl"]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "no cluster 'dwhcluster' exists yet" in error[0] and "02_cluster" in error[0]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with the committed dwh.cfg, its state inside, and an AWS port nothing listens on."""
    (tmp_path / "dwh.cfg").write_text((REPO_ROOT / "dwh.cfg").read_text())
    for name in [name for name in os.environ if name.startswith("SPARKIFY_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("SPARKIFY_CONFIG", str(tmp_path / "dwh.cfg"))
    monkeypatch.setenv("SPARKIFY_LOCAL_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("SPARKIFY_LOCAL_AWS_PORT", str(free_port()))
    return tmp_path


def one_error_line(capsys, argv) -> str:
    """Run the command line; it must exit 2 with exactly one `error: ...` line on stderr, and that line."""
    try:
        status = cli.main(argv)
    except SystemExit as exit_:  # argparse's errors leave by SystemExit, as on the real command line
        status = exit_.code
    err = capsys.readouterr().err
    assert status == 2, err
    lines = [line for line in err.splitlines() if not line.startswith("INFO ")]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    return lines[0]


def replace_line(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


CONFIG_FILES = {
    "not INI": (
        b"not an ini file\n",
        r"dwh.cfg: line 1: 'not an ini file' comes before any \[SECTION\]; expected an INI",
    ),
    "not UTF-8": (
        b"[SPARKIFY]\nMODE = l\xe9cal\n",
        r"dwh.cfg: line 2: byte 0xe9 is not UTF-8 text; save the file as UTF-8",
    ),
    "a line that is not KEY = value": (b"[SPARKIFY]\nMODE\n", r"dwh.cfg: line 2: 'MODE' is not KEY = value"),
}


@pytest.mark.parametrize(("content", "expected"), CONFIG_FILES.values(), ids=CONFIG_FILES)
def test_a_config_file_that_cannot_be_read_is_one_line(project, capsys, content, expected):
    (project / "dwh.cfg").write_bytes(content)
    assert re.search(expected, one_error_line(capsys, ["local", "status"]))


CONFIG_EDITS = {
    "duplicate key": (
        "DWH_PORT = 5439\n",
        "DWH_PORT = 5439\nDWH_PORT = 5440\n",
        r"line \d+: \[DWH\] DWH_PORT is set twice",
    ),
    "duplicate section": (
        "[LOCAL]\n",
        "[S3]\nREGION = us-west-2\n[LOCAL]\n",
        r"line \d+: section \[S3\] appears twice",
    ),
    "unknown key": (
        "DWH_PORT = 5439\n",
        "DWH_PROT = 5439\n",
        r"\[DWH\] DWH_PROT is not a setting; expected one of: .*DWH_PORT",
    ),
    "unknown section": ("[LOCAL]\n", "[Local]\n", r"section \[Local\] is unknown; expected one of: SPARKIFY, AWS, DWH"),
    "empty value": (
        "DWH_DB = dwh\n",
        "DWH_DB =\n",
        r"\[DWH\] DWH_DB is empty; expected a value \(or set SPARKIFY_DWH_DB\)",
    ),
    "port not a number": (
        "POSTGRES_PORT = 5438\n",
        "POSTGRES_PORT = five\n",
        r"POSTGRES_PORT = 'five' must be a whole",
    ),
    "port out of range": (
        "DWH_PORT = 5439\n",
        "DWH_PORT = 70000\n",
        r"DWH_PORT = '70000' must be a whole number from 1150",
    ),
    "JSONPaths URI without an object": (
        "LOG_JSONPATH = s3://udacity-dend/log_json_path.json\n",
        "LOG_JSONPATH = s3://udacity-dend/\n",
        r"\[S3\] LOG_JSONPATH = 's3://udacity-dend/' must name an object",
    ),
    "unknown region": (
        "[AWS]\nREGION = us-west-2\n",
        "[AWS]\nREGION = mars-1\n",
        r"\[AWS\] REGION = 'mars-1' is not an AWS region",
    ),
}


@pytest.mark.parametrize(("old", "new", "expected"), CONFIG_EDITS.values(), ids=CONFIG_EDITS)
def test_a_bad_setting_is_one_line_naming_file_and_key(project, capsys, old, new, expected):
    replace_line(project / "dwh.cfg", old, new)
    line = one_error_line(capsys, ["status"])
    assert re.search(expected, line) and str(project / "dwh.cfg") in line


def test_a_bad_environment_variable_is_named(project, capsys, monkeypatch):
    monkeypatch.setenv("SPARKIFY_LOCAL_AWS_PORT", "abc")
    line = one_error_line(capsys, ["status"])
    assert (
        line == "error: environment variable SPARKIFY_LOCAL_AWS_PORT = 'abc' must be a whole number from 1024 to 65535"
    )


def test_a_bad_override_file_is_named(project, capsys):
    (project / "dwh.local.cfg").write_text("[DWH]\nDWH_DB_PASSWORD = Abcdefg1\nDWH_DB_PASSWORD = Abcdefg2\n")
    assert f"{project / 'dwh.local.cfg'}: line 3: [DWH] DWH_DB_PASSWORD is set twice" in one_error_line(
        capsys, ["status"]
    )


def test_a_state_dir_that_is_a_file_is_one_line(project, capsys, monkeypatch):
    (project / "state").write_text("not a folder")
    line = one_error_line(capsys, ["local", "status"])
    assert f"SPARKIFY_LOCAL_STATE_DIR = '{project / 'state'}': {project / 'state'} is a file; expected a folder" in line


@pytest.fixture
def read_only_state(project):
    """The state folder, read-only even for root (`chattr +i` where the tests run as root)."""
    state = project / "state"
    state.mkdir()
    state.chmod(0o555)
    immutable = os.geteuid() == 0
    if immutable and subprocess.run(["chattr", "+i", str(state)], capture_output=True).returncode != 0:
        pytest.skip("running as root, and this file system cannot make a folder read-only for root (chattr +i)")
    yield state
    if immutable:
        subprocess.run(["chattr", "-i", str(state)], check=True)
    state.chmod(0o755)


def test_a_read_only_state_dir_is_one_line(read_only_state, capsys, monkeypatch):
    line = one_error_line(capsys, ["local", "status"])  # the local password is kept there
    assert f"SPARKIFY_LOCAL_STATE_DIR: cannot keep the local password in {read_only_state}" in line
    monkeypatch.setenv("SPARKIFY_DWH_DB_PASSWORD", "Given1pass")
    line = one_error_line(capsys, ["local", "up"])  # refused before anything starts
    assert f"[LOCAL] STATE_DIR: cannot write in {read_only_state}" in line and "expected a folder you can write" in line


ARGUMENTS = {
    "negative scale": (["seed", "--scale", "-1"], "argument --scale: expected a number above 0 and at most 1000"),
    "scale not a number": (["seed", "--scale", "nan"], "argument --scale: expected a number above 0"),
    "songs per file 0": (["seed", "--songs-per-file", "0"], "argument --songs-per-file: expected a whole number of 1"),
    "seed not a number": (["seed", "--seed", "x"], "argument --seed: expected a whole number, not 'x'"),
    "unknown command": (["frobnicate"], "argument command: invalid choice: 'frobnicate'"),
}


@pytest.mark.parametrize(("argv", "expected"), ARGUMENTS.values(), ids=ARGUMENTS)
def test_a_bad_argument_is_one_line(project, capsys, argv, expected):
    assert expected in one_error_line(capsys, argv)


def test_seed_from_a_missing_folder_or_one_without_the_layout(project, capsys):
    assert f"{project / 'nowhere'}: not a folder" in one_error_line(
        capsys, ["seed", "--from", str(project / "nowhere")]
    )
    (project / "data").mkdir()
    line = one_error_line(capsys, ["seed", "--from", str(project / "data")])
    assert f"song_data: missing in {project / 'data'}; expected a folder with song_data/, log_data/" in line


def test_seed_from_deeply_nested_json_is_one_line(project, capsys):
    write_tree(project / "data", GeneratorOptions(scale=0.05))
    day = next((project / "data" / "log_data").rglob("*.json"))
    day.write_bytes(day.read_bytes() + b'{"a": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n")
    line = one_error_line(capsys, ["seed", "--from", str(project / "data")])
    assert f"{day.relative_to(project / 'data').as_posix()}: not JSON (line " in line
    assert "JSON nested deeper than 128 levels" in line


def test_seed_without_the_stack_says_to_start_it(project, capsys):
    line = one_error_line(capsys, ["seed", "--scale", "0.05"])
    assert "cannot seed the bucket s3://udacity-dend/song_data: nothing answers at 127.0.0.1:" in line
    assert "sparkify-dwh local up" in line


def test_the_real_command_prints_one_line_and_exits_2(project):
    (project / "dwh.cfg").write_bytes(b"\xff\xfe[SPARKIFY]\n")
    done = subprocess.run(
        [sys.executable, "-m", "sparkify_dwh.cli", "local", "status"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"error: {project / 'dwh.cfg'}: line 1: byte 0xff is not UTF-8 text; save the file as UTF-8"
    ]


MEASURE = (
    "import resource, sys\n"
    "from sparkify_dwh.cli import main\n"
    "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "status = main(['seed', '--from', sys.argv[1]])\n"
    "print(status, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
)


@pytest.mark.server  # uploads to the session's moto server
def test_seed_from_streams_a_150_mib_file(moto_endpoint, s3_client, project):
    data = project / "data"
    write_tree(data, GeneratorOptions(scale=0.05))
    day = next((data / "log_data").rglob("*.json"))
    events = day.read_bytes()
    with day.open("ab") as out:
        while out.tell() < 150 * 1024 * 1024:
            out.write(events)
    bucket = f"stream-{uuid.uuid4().hex[:12]}"
    environ = {
        **os.environ,
        "SPARKIFY_LOCAL_AWS_PORT": moto_endpoint.rsplit(":", 1)[1],
        "SPARKIFY_DWH_DB_PASSWORD": "Stream1pass",
        **{f"SPARKIFY_S3_{key}": f"s3://{bucket}/{path}" for key, path in LAYOUT_KEYS.items()},
    }
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(data)], env=environ, capture_output=True, text=True, check=False
    )
    status, growth_mib = map(int, (done.stdout.splitlines() or ["-1 -1"])[-1].split())
    try:
        assert status == 0, done.stderr
        assert "uploaded 13 files" in done.stdout
        # Read whole, the file alone would add 150 MiB (the code before this bound: about 1.1 GB more)
        assert growth_mib < 100, f"seeding grew the process by {growth_mib} MiB"
        head = s3_client.head_object(Bucket=bucket, Key=f"log_data/{day.relative_to(data / 'log_data').as_posix()}")
        assert head["ContentLength"] == day.stat().st_size
    finally:
        pages = s3_client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        for page in pages:
            for item in page.get("Contents", ()):
                s3_client.delete_object(Bucket=bucket, Key=item["Key"])
        s3_client.delete_bucket(Bucket=bucket)


LAYOUT_KEYS = {"SONG_DATA": "song_data", "LOG_DATA": "log_data", "LOG_JSONPATH": "log_json_path.json"}


@pytest.mark.server  # `local up` starts the stack
def test_run_builds_everything_on_a_serverless_workgroup_then_teardown_leaves_nothing(
    configured, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("SPARKIFY_DWH_DEPLOYMENT", "serverless")
    monkeypatch.setenv("SPARKIFY_IMAGES_DIR", str(tmp_path / "charts"))
    assert cli.main(["local", "up"]) == 0
    assert cli.main(["run"]) == 0
    out = capsys.readouterr().out
    assert printed_counts(out) == STAR_COUNTS  # the same tables as on a cluster
    assert "workgroupName" in out and "base capacity 8 RPUs: 3.000 USD per hour of queries on AWS" in out
    assert cli.main(["status"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("Serverless workgroup dwh-workgroup: namespace dwh-namespace, base capacity 8 RPUs")
    assert listed[1].startswith("Serverless namespace dwh-namespace: database dwh")
    assert cli.main(["teardown"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "workgroup and namespace: deleted (no final snapshot)"
    assert cli.main(["status"]) == 0
    assert "nothing the tutorial creates remains" in capsys.readouterr().out
