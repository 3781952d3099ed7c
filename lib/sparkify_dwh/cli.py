"""The command line: the local stack, sample data, the AWS resources, and the pipeline without notebooks.

`local up|down|status`, `seed`; `iam`, `cluster`, `teardown`, `status`; `create-tables` and `etl` (the course's
create_tables.py and etl.py), and `run`, which does it all (role, warehouse, staging, star, checks, charts). The
warehouse is a cluster or a serverless workgroup, as `[DWH] DWH_DEPLOYMENT` says; the commands are the same.
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from local_redshift.processes import ProcessError
from local_redshift.stack import ComponentStatus, StackError
from sparkify_dwh import aws, charts, cluster, costs, iam, local, network, pipeline, teardown, warehouse
from sparkify_dwh.checks import DataQualityError
from sparkify_dwh.config import Config, ConfigError, load_config, writable_state_dir
from sparkify_dwh.resources import ResourceError, aws_errors, where
from sparkify_dwh.sampledata import GeneratorOptions, LayoutError, SeedError, seed_from_directory, seed_generated

MAX_SCALE = 1000


def _print_status(components: list[ComponentStatus]) -> None:
    for component in components:
        print(component.line())


def _local(args: argparse.Namespace) -> int:
    config = load_config()
    stack = local.stack(config)
    if args.action == "up":
        writable_state_dir(config)
        _print_status(stack.up())
        if summary := local.seed_default(config, progress=sys.stderr.isatty()):
            where = f"{config.s3.song_data} and {config.s3.log_data}"
            print(f"seeded the sample data: {summary.uploaded_files} files into {where}")
    elif args.action == "down":
        _print_status(stack.down())
    else:
        _print_status(stack.status())
    return 0


def _seed(args: argparse.Namespace) -> int:
    config = load_config()
    s3 = aws.client(config, "s3", config.s3.region)
    common = {"layout": local.layout(config), "region": config.s3.region, "progress": sys.stderr.isatty()}
    with aws_errors(config, f"seed the bucket {config.s3.song_data}"):
        if args.source:
            summary = seed_from_directory(s3, Path(args.source), prune=True, **common)
        else:
            options = GeneratorOptions(scale=args.scale, seed=args.seed, songs_per_file=args.songs_per_file)
            summary = seed_generated(s3, options, prune=True, **common)
    print(
        f"uploaded {summary.uploaded_files} files ({summary.uploaded_bytes:,} bytes), "
        f"{summary.skipped_files} already there, {summary.deleted_files} removed"
    )
    return 0


def _iam(args: argparse.Namespace) -> int:
    config = load_config()
    print(iam.learner_policy_json(config) if args.policy else iam.ensure_role(config))
    return 0


def _cluster(args: argparse.Namespace) -> int:
    _prepare_cluster(load_config())
    return 0


def _prepare_cluster(config: Config) -> None:
    """Role, warehouse (waited for) and ingress rule, created or reused; prints where to connect."""
    cluster.create(config, iam.ensure_role(config))
    found = cluster.wait_available(config, progress=sys.stderr.isatty())
    rule = network.open_ingress(config)
    host, port = cluster.endpoint(config)
    print(cluster.properties(found).to_string())
    print(f"port {rule.port} open to {rule.cidr} only (security group {rule.group_id}); connect to {host}:{port}")
    print(costs.summary(config))


def _create_tables(args: argparse.Namespace) -> int:
    with warehouse.connect(load_config()) as connection:
        pipeline.create_tables(connection, progress=sys.stderr.isatty())
    print("created the staging tables and the star schema (empty)")
    return 0


def _etl(args: argparse.Namespace) -> int:
    config = load_config()
    with warehouse.connect(config) as connection:
        print(
            pipeline.etl(connection, pipeline.copy_params(config), progress=sys.stderr.isatty()).to_string(index=False)
        )
    return 0


def _run(args: argparse.Namespace) -> int:
    config = load_config()
    _prepare_cluster(config)
    counts = pipeline.run(config, progress=sys.stderr.isatty())
    with warehouse.connect(config) as connection:
        saved = charts.draw_all(pipeline.analytics(connection), config.images_dir)
    print(f"saved {len(saved)} charts in {config.images_dir}")
    print(counts.to_string(index=False))
    return 0


def _print_remaining(config: Config) -> None:
    leftovers = teardown.remaining(config)
    for item in leftovers:
        price = "price unknown" if item.usd_per_hour is None else f"{item.usd_per_hour:.3f} USD/h"
        print(f"{item.kind} {item.name}: {item.detail}; {price}")
    if leftovers:
        print(f"total: {teardown.hourly_total(leftovers):.3f} USD per hour")
    else:
        print(f"nothing the tutorial creates remains in {where(config)}")


def _teardown(args: argparse.Namespace) -> int:
    config = load_config()
    for line in teardown.teardown(config, progress=sys.stderr.isatty()).lines():
        print(line)
    _print_remaining(config)
    return 0


def _status(args: argparse.Namespace) -> int:
    _print_remaining(load_config())
    return 0


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one `error: ...` line (exit status 2), as every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {self.prog}: {message} (see {self.prog} --help)\n")


def _scale(text: str) -> float:
    """`--scale`: a finite number above 0, at most MAX_SCALE (the catalog and listeners are held in memory)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= MAX_SCALE):
        raise argparse.ArgumentTypeError(
            f"expected a number above 0 and at most {MAX_SCALE} (1 is the default), not {text!r}"
        )
    return value


def _positive_whole(text: str) -> int:
    """A whole number of 1 or more."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return int(text)


def _whole(text: str) -> int:
    """Any whole number."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None


def parser() -> argparse.ArgumentParser:
    """The argument parser, one sub-command per job."""
    root = _Parser(prog="sparkify-dwh", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    local_cmd = commands.add_parser("local", help="the local stand-in for AWS (moto + PostgreSQL)")
    local_cmd.add_argument("action", choices=("up", "down", "status"))
    local_cmd.set_defaults(run=_local)
    seed = commands.add_parser("seed", help="fill the data bucket named in dwh.cfg [S3]")
    seed.add_argument("--from", dest="source", metavar="DIR", help="upload a folder in the bucket layout instead")
    seed.add_argument("--scale", type=_scale, default=1.0, help="grow the generated data linearly (default 1)")
    seed.add_argument("--seed", type=_whole, default=GeneratorOptions().seed, help="random seed of the generator")
    seed.add_argument("--songs-per-file", type=_positive_whole, default=1, help="song objects packed per file")
    seed.set_defaults(run=_seed)
    iam_cmd = commands.add_parser("iam", help="create (or reuse) the role the cluster reads S3 with; print its ARN")
    iam_cmd.add_argument(
        "--policy", action="store_true", help="print the least-privilege IAM policy your own user needs instead"
    )
    iam_cmd.set_defaults(run=_iam)
    cluster_cmd = commands.add_parser("cluster", help="create (or reuse) the cluster or workgroup, wait, open its port")
    cluster_cmd.set_defaults(run=_cluster)
    teardown_cmd = commands.add_parser("teardown", help="delete the warehouse, the ingress rule and the role")
    teardown_cmd.set_defaults(run=_teardown)
    status_cmd = commands.add_parser("status", help="what still exists on AWS (or locally) and its cost per hour")
    status_cmd.set_defaults(run=_status)
    commands.add_parser("create-tables", help="drop and create the staging and star tables").set_defaults(
        run=_create_tables
    )
    commands.add_parser("etl", help="COPY into staging, load the star schema, run the checks").set_defaults(run=_etl)
    commands.add_parser("run", help="everything: role, warehouse, tables, staging, star, checks, charts").set_defaults(
        run=_run
    )
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; known errors print one line and exit 2 instead of a traceback."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (
        ConfigError,
        StackError,
        ProcessError,
        LayoutError,
        SeedError,
        ResourceError,
        costs.UnknownNodeType,
        warehouse.WarehouseError,
        DataQualityError,
    ) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
