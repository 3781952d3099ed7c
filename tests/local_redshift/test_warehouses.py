"""The warehouses' folder: one per cluster beside the template, a port of its own, the master password kept 0600."""

from __future__ import annotations

import socket
import stat

import pytest

from local_redshift.warehouses import Warehouses
from tests.support import free_port


def test_each_warehouse_is_a_folder_beside_the_template(tmp_path):
    warehouses = Warehouses(tmp_path, free_port())
    for name in ("template", "rs_b", "rs_a"):
        (tmp_path / name).mkdir()
    (tmp_path / "postgres.password").write_text("x")
    assert warehouses.names() == ["rs_a", "rs_b"]
    assert warehouses.server("rs_a").port == 0  # never started
    assert warehouses.server("rs_a").template == warehouses.template


def test_the_master_password_is_made_once_and_readable_by_its_owner_alone(tmp_path):
    warehouses = Warehouses(tmp_path, free_port())
    (tmp_path / "rs_a").mkdir()
    password = warehouses.master_password("rs_a")
    assert len(password) >= 24 and warehouses.master_password("rs_a") == password
    assert stat.S_IMODE((tmp_path / "rs_a" / "master.password").stat().st_mode) == 0o600
    (tmp_path / "rs_a" / "master.password").write_text("")  # left empty by a crash: made again
    assert warehouses.master_password("rs_a") not in ("", password)


def test_a_new_warehouse_takes_the_first_port_no_other_has_and_nothing_listens_on(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        first = squatter.getsockname()[1]
        warehouses = Warehouses(tmp_path, first)
        (tmp_path / "rs_a").mkdir()
        (tmp_path / "rs_a" / "port").write_text(f"{first + 1}\n")
        port = warehouses._free_port("rs_b")
    assert port > first + 1


def test_a_warehouse_is_found_by_its_clusters_identifier(tmp_path):
    warehouses = Warehouses(tmp_path, free_port())
    for name, cluster in (("rs_a", "dwhcluster"), ("rs_b", "other")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "cluster").write_text(cluster + "\n")
        (tmp_path / name / "port").write_text("5440\n")
    assert warehouses.of_cluster("other").home == tmp_path / "rs_b"
    assert warehouses.of_cluster("other").port == 5440
    with pytest.raises(LookupError, match="no warehouse of cluster 'gone'"):
        warehouses.of_cluster("gone")
