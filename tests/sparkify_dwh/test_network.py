"""The ingress rule against the real moto server: exactly the caller's /32 on the warehouse port, never the world.

checkip.amazonaws.com cannot be reached from here: tests hand in the address it would answer.
"""

import pytest

from sparkify_dwh import cluster, iam, network
from sparkify_dwh.config import load_config
from sparkify_dwh.resources import ResourceError
from tests.support import REPO_ROOT


@pytest.fixture
def clients(sandbox, moto_endpoint):
    """Redshift and EC2 clients of the sandbox account, built against the moto server."""
    session = sandbox[1]
    return {
        "redshift": session.client("redshift", endpoint_url=moto_endpoint),
        "ec2": session.client("ec2", endpoint_url=moto_endpoint),
    }


@pytest.fixture
def aws_config():
    """The same settings in aws mode: the public address is asked for; clients are handed in."""
    return load_config(
        REPO_ROOT / "dwh.cfg", environ={"SPARKIFY_MODE": "aws", "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass"}
    )


@pytest.fixture
def made_cluster(sandbox):
    config, session = sandbox
    return cluster.create(config, iam.ensure_role(config, boto_session=session), boto_session=session)


def one_sentence(error: Exception) -> str:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text and len(text) < 300
    return text


def never_called() -> str:
    raise AssertionError("local mode must not ask checkip.amazonaws.com")


def default_group(ec2) -> dict:
    vpc = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
    filters = [{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}]
    return ec2.describe_security_groups(Filters=filters)["SecurityGroups"][0]


def ingress(ec2, group_id) -> list[tuple]:
    """(protocol, from, to, cidr) of every IPv4 ingress range of a group."""
    group = ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0]
    return [
        (p["IpProtocol"], p.get("FromPort"), p.get("ToPort"), r["CidrIp"])
        for p in group["IpPermissions"]
        for r in p.get("IpRanges", [])
    ]


def test_local_mode_uses_the_loopback_address_without_asking(sandbox):
    assert network.caller_cidr(sandbox[0], fetch_ip=never_called) == "127.0.0.1/32"


def test_aws_mode_uses_the_public_address_as_a_32(aws_config):
    assert network.caller_cidr(aws_config, fetch_ip=lambda: "203.0.113.7\n") == "203.0.113.7/32"


@pytest.mark.parametrize("answer", ["<html>busy</html>", "0.0.0.0", "203.0.113.0/24", ""])
def test_an_answer_that_is_not_one_address_is_refused(aws_config, answer):
    with pytest.raises(ResourceError) as raised:
        network.caller_cidr(aws_config, fetch_ip=lambda: answer)
    assert one_sentence(raised.value).startswith("https://checkip.amazonaws.com answered")


def test_the_rule_is_exactly_the_callers_32_on_the_warehouse_port(sandbox, clients, made_cluster):
    config, session = sandbox
    rule = network.open_ingress(config, fetch_ip=never_called, boto_session=session)
    group = default_group(clients["ec2"])  # the local cluster lists no security group
    assert rule == network.IngressRule(group["GroupId"], "127.0.0.1/32", 5439)
    assert ingress(clients["ec2"], rule.group_id) == [("tcp", 5439, 5439, "127.0.0.1/32")]


def test_opening_twice_keeps_one_rule(sandbox, clients, made_cluster):
    config, session = sandbox
    first = network.open_ingress(config, boto_session=session)
    assert network.open_ingress(config, boto_session=session) == first
    assert ingress(clients["ec2"], first.group_id) == [("tcp", 5439, 5439, "127.0.0.1/32")]
    assert network.ingress_rules(config, boto_session=session) == [first]


def test_a_new_address_replaces_the_tutorials_old_one_on_the_clusters_own_group(aws_config, clients):
    ec2, redshift = clients["ec2"], clients["redshift"]
    vpc = default_group(ec2)["VpcId"]
    group_id = ec2.create_security_group(GroupName="warehouse", Description="the cluster's", VpcId=vpc)["GroupId"]
    redshift.create_cluster(
        ClusterIdentifier="dwhcluster",
        ClusterType="single-node",
        NodeType="ra3.large",
        MasterUsername="dwhuser",
        MasterUserPassword="Sandbox1pass",
        VpcSecurityGroupIds=[group_id],
    )
    network.open_ingress(aws_config, fetch_ip=lambda: "203.0.113.7", redshift=redshift, ec2=ec2)
    rule = network.open_ingress(aws_config, fetch_ip=lambda: "198.51.100.20", redshift=redshift, ec2=ec2)
    assert rule == network.IngressRule(group_id, "198.51.100.20/32", 5439)
    assert ingress(ec2, group_id) == [("tcp", 5439, 5439, "198.51.100.20/32")]
    assert ingress(ec2, default_group(ec2)["GroupId"]) == []


def test_revoke_removes_the_rule_and_is_safe_twice(sandbox, clients, made_cluster):
    config, session = sandbox
    rule = network.open_ingress(config, boto_session=session)
    assert network.revoke_ingress(config, ec2=clients["ec2"]) == [rule]
    assert network.revoke_ingress(config, ec2=clients["ec2"]) == []
    assert ingress(clients["ec2"], rule.group_id) == []


def test_revoke_leaves_rules_it_did_not_add(sandbox, clients, made_cluster):
    config, session = sandbox
    group_id = network.open_ingress(config, boto_session=session).group_id
    clients["ec2"].authorize_security_group_ingress(
        GroupId=group_id,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 5439, "ToPort": 5439, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}
        ],
    )
    network.revoke_ingress(config, boto_session=session)
    assert ingress(clients["ec2"], group_id) == [("tcp", 5439, 5439, "10.0.0.0/16")]


def test_opening_without_a_cluster_is_one_sentence(sandbox):
    config, session = sandbox
    with pytest.raises(cluster.ClusterNotFound) as raised:
        network.open_ingress(config, boto_session=session)
    assert "create it with notebook 02_cluster or `sparkify-dwh cluster`" in one_sentence(raised.value)
