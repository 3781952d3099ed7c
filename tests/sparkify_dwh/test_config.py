"""The typed configuration: defaults, overrides, validation errors naming file and key, masking."""

from pathlib import Path

import pytest

from sparkify_dwh.config import ConfigError, env_name, load_config
from tests.support import REPO_ROOT

FAKE_KEY_ID = "AKIA" + "0" * 16  # built here, so no key-shaped literal is committed
REPO_CFG = REPO_ROOT / "dwh.cfg"


@pytest.fixture
def cfg(tmp_path):
    """A copy of the committed dwh.cfg to edit, with its state folder in tmp."""
    path = tmp_path / "dwh.cfg"
    path.write_text(REPO_CFG.read_text())
    return path


def edit(path: Path, key: str, value: str) -> None:
    lines = [
        f"{key} = {value}" if line.split("=")[0].strip() == key else line for line in path.read_text().splitlines()
    ]
    path.write_text("\n".join(lines) + "\n")


def test_committed_defaults_are_local_and_current(cfg):
    config = load_config(cfg, environ={})
    assert config.mode == "local"
    assert (config.dwh.node_type, config.dwh.cluster_type, config.dwh.num_nodes) == ("ra3.large", "single-node", 1)
    assert config.s3.log_data == "s3://udacity-dend/log_data"
    assert config.dwh.port == 5439


def test_local_password_is_random_kept_and_masked(cfg):
    first, second = load_config(cfg, environ={}), load_config(cfg, environ={})
    assert first.dwh.db_password == second.dwh.db_password
    assert len(first.dwh.db_password.reveal()) >= 16
    assert first.dwh.db_password.reveal() not in repr(first)
    assert "****" in repr(first.dwh)


def test_environment_overrides_any_value(cfg):
    config = load_config(
        cfg,
        environ={
            "SPARKIFY_DWH_NUM_NODES": "2",
            "SPARKIFY_DWH_CLUSTER_TYPE": "multi-node",
            "SPARKIFY_S3_REGION": "eu-west-1",
        },
    )
    assert (config.dwh.num_nodes, config.s3.region) == (2, "eu-west-1")
    assert env_name("DWH", "DWH_DB_PASSWORD") == "SPARKIFY_DWH_DB_PASSWORD"
    assert env_name("SPARKIFY", "MODE") == "SPARKIFY_MODE"


def test_override_file_wins_over_dwh_cfg(cfg):
    (cfg.parent / "dwh.local.cfg").write_text("[DWH]\nDWH_DB_PASSWORD = Override1pass\n")
    assert load_config(cfg, environ={}).dwh.db_password.reveal() == "Override1pass"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("DWH_NODE_TYPE", "dc2.large", "retired .* use ra3.large"),
        ("DWH_NODE_TYPE", "xx.huge", "DWH_NODE_TYPE = 'xx.huge' must be one of"),
        ("DWH_NUM_NODES", "four", r"DWH_NUM_NODES = 'four' must be a whole number"),
        ("MODE", "cloud", r"\[SPARKIFY\] MODE = 'cloud' must be one of: local, aws"),
        ("LOG_DATA", "udacity-dend/log_data", "must be an S3 URI"),
        ("DWH_CLUSTER_TYPE", "multi-node", "disagree"),
        ("DWH_DEPLOYMENT", "lambda", r"\[DWH\] DWH_DEPLOYMENT = 'lambda' must be one of: provisioned, serverless"),
        ("DWH_BASE_CAPACITY", "12", r"DWH_BASE_CAPACITY = 12 must be a multiple of 8 RPUs, from 8 to 512"),
        ("DWH_BASE_CAPACITY", "1024", r"DWH_BASE_CAPACITY = '1024' must be a whole number from 8 to 512"),
        ("DWH_WORKGROUP", "my_workgroup", r"DWH_WORKGROUP = 'my_workgroup' must be 3 to 64 lower-case letters"),
        ("DWH_NAMESPACE", "ns", r"DWH_NAMESPACE = 'ns' must be 3 to 64"),
    ],
)
def test_bad_values_name_file_key_and_expectation(cfg, key, value, message):
    edit(cfg, key, value)
    with pytest.raises(ConfigError, match=message) as raised:
        load_config(cfg, environ={})
    assert str(cfg) in str(raised.value)


def test_the_deployment_is_a_provisioned_cluster_unless_dwh_cfg_says_serverless(cfg):
    config = load_config(cfg, environ={})
    assert (config.dwh.deployment, config.dwh.is_serverless) == ("provisioned", False)
    assert (config.dwh.namespace, config.dwh.workgroup, config.dwh.base_capacity) == (
        "dwh-namespace",
        "dwh-workgroup",
        8,
    )
    edit(cfg, "DWH_DEPLOYMENT", "Serverless")
    edit(cfg, "DWH_BASE_CAPACITY", "32")
    config = load_config(cfg, environ={"SPARKIFY_DWH_WORKGROUP": "Class-WG"})
    assert (config.dwh.deployment, config.dwh.is_serverless, config.dwh.base_capacity) == ("serverless", True, 32)
    assert config.dwh.workgroup == "class-wg"  # names are lower case, as the service keeps them
    assert load_config(cfg, environ={"SPARKIFY_DWH_DEPLOYMENT": "provisioned"}).dwh.deployment == "provisioned"


def test_a_bad_deployment_is_one_line(cfg):
    with pytest.raises(ConfigError) as raised:
        load_config(cfg, environ={"SPARKIFY_DWH_DEPLOYMENT": "cluster"})
    assert "\n" not in str(raised.value) and "DWH_DEPLOYMENT = 'cluster'" in str(raised.value)


def test_missing_key_is_named(cfg):
    cfg.write_text(cfg.read_text().replace("DWH_DB = dwh\n", ""))
    with pytest.raises(ConfigError, match=r"\[DWH\] DWH_DB is missing"):
        load_config(cfg, environ={})


def test_aws_mode_requires_a_password(cfg):
    with pytest.raises(ConfigError, match="DWH_DB_PASSWORD is empty: set SPARKIFY_DWH_DB_PASSWORD"):
        load_config(cfg, environ={"SPARKIFY_MODE": "aws"})


def test_keys_in_file_are_honoured_with_a_warning_and_masked(cfg, caplog):
    edit(cfg, "KEY", FAKE_KEY_ID)
    edit(cfg, "SECRET", "marker-secret-value")
    config = load_config(cfg, environ={"SPARKIFY_MODE": "aws", "SPARKIFY_DWH_DB_PASSWORD": "Passw0rdX"})
    assert "prefer AWS_PROFILE" in caplog.text
    assert "marker-secret-value" not in repr(config) and FAKE_KEY_ID not in repr(config)
    assert "Passw0rdX" not in repr(config)
