"""Node types: confirm with Redshift that the configured type and cluster type can be ordered in the region."""

from __future__ import annotations

from typing import Any

from sparkify_dwh.config import Config, ConfigError


def confirm_orderable(config: Config, redshift: Any) -> None:
    """Ask DescribeOrderableClusterOptions before creating anything; raise ConfigError naming what is on offer.

    Real AWS only: the local stand-in does not implement this API, and every RA3 type is accepted there.
    """
    wanted = (config.dwh.node_type, config.dwh.cluster_type)
    offered: set[tuple[str, str]] = set()
    for page in redshift.get_paginator("describe_orderable_cluster_options").paginate():
        offered.update((o["NodeType"], o["ClusterType"]) for o in page["OrderableClusterOptions"])
    if wanted not in offered:
        choices = ", ".join(f"{node} ({kind})" for node, kind in sorted(offered)) or "none"
        raise ConfigError(
            f"{config.source}: [DWH] DWH_NODE_TYPE = {wanted[0]!r} as {wanted[1]} cannot be ordered in "
            f"{redshift.meta.region_name}; on offer: {choices}"
        )
