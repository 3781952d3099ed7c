"""Redshift's type codes and value formats on the wire, without a server.

The expected codes and layouts are redshift_connector's documented behaviour (its `utils/oids.py` and the recv and
send functions of `utils/type_utils.py` that it picks by type code): VARBYTE 6551, INTERVAL YEAR TO MONTH 1188 (32-bit
months), INTERVAL DAY TO SECOND 1190 (64-bit microseconds), NUMERIC from BINARY on as an integer scaled by the
column's scale (8 bytes up to precision 18, 16 above).
"""

from __future__ import annotations

import struct
from decimal import Decimal

import pytest

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import Backend
from local_redshift.endpoint.framing import INT32, cstring, frame
from local_redshift.endpoint.type_codes import Column, TypeCodes, columns_of, interval_kind, numeric_typmod
from local_redshift.endpoint.value_formats import (
    RowConversion,
    postgres_bind,
    postgres_format,
    sketch_check,
    sketch_checks,
)
from local_redshift.errors import RedshiftError

VARBYTE_OID = 16400  # a warehouse's redshift_system.varbyte
YEAR_TO_MONTH = (6 << 16) | 0xFFFF  # PostgreSQL's typmod of INTERVAL YEAR TO MONTH (range bits YEAR, MONTH)
DAY_TO_SECOND = ((8 | 1024 | 2048 | 4096) << 16) | 0xFFFF  # DAY, HOUR, MINUTE, SECOND
SECOND_3 = (4096 << 16) | 3  # INTERVAL SECOND(3)


def row_description(*columns: tuple[int, int]) -> bytes:
    body = b"".join(cstring("c") + struct.pack("!ihihih", 0, 0, oid, -1, typmod, 0) for oid, typmod in columns)
    return frame(Backend.ROW_DESCRIPTION, struct.pack("!h", len(columns)) + body)


def data_row(*values: bytes | None) -> bytes:
    body = b"".join(INT32.pack(-1) if v is None else INT32.pack(len(v)) + v for v in values)
    return frame(Backend.DATA_ROW, struct.pack("!h", len(values)) + body)


def postgres_interval(microseconds: int, days: int, months: int) -> bytes:
    return struct.pack("!qii", microseconds, days, months)


def test_interval_types_are_told_apart_by_their_fields():
    assert interval_kind(YEAR_TO_MONTH) == 1188
    assert interval_kind((4 << 16) | 0xFFFF) == 1188  # YEAR alone
    assert interval_kind(DAY_TO_SECOND) == 1190
    assert interval_kind(SECOND_3) == 1190
    assert interval_kind(-1) == 1186  # no fields: Redshift's INTERVAL
    assert interval_kind((0x7FFF << 16) | 3) == 1186  # INTERVAL(3): a precision, no fields


def test_row_descriptions_carry_redshifts_type_codes():
    codes = TypeCodes(VARBYTE_OID)
    described = codes.rewrite(
        row_description((VARBYTE_OID, -1), (1186, YEAR_TO_MONTH), (1186, DAY_TO_SECOND), (23, -1))
    )
    assert [column.oid for column in columns_of(described)] == [6551, 1188, 1190, 23]
    assert codes.rewrite(messages.NO_DATA) == messages.NO_DATA


def test_from_binary_on_a_numeric_without_a_typmod_is_described_as_numeric_38_18():
    described = TypeCodes(binary=True).rewrite(row_description((1700, -1), (1700, numeric_typmod(5, 2))))
    assert columns_of(described) == [Column(1700, numeric_typmod(38, 18)), Column(1700, numeric_typmod(5, 2))]
    assert columns_of(TypeCodes().rewrite(row_description((1700, -1)))) == [Column(1700, -1)]


def test_interval_values_go_in_the_drivers_layouts():
    columns = [Column(1186, YEAR_TO_MONTH), Column(1186, DAY_TO_SECOND), Column(1186, -1)]
    conversion = RowConversion(TypeCodes(), columns, [1, 1, 1])
    row = data_row(postgres_interval(0, 0, 37), postgres_interval(3_600_000_000, 10, 0), postgres_interval(5, 2, 3))
    # '37 months' is 37 months; '10 days 01:00:00' is 10 * 86,400 + 3,600 seconds; INTERVAL: microseconds, months
    day = 86_400_000_000
    assert conversion.row(row) == data_row(
        struct.pack("!i", 37), struct.pack("!q", 10 * day + 3_600_000_000), struct.pack("!qi", 2 * day + 5, 3)
    )


def test_values_asked_for_as_text_are_left_as_they_are_before_binary():
    conversion = RowConversion(TypeCodes(VARBYTE_OID), [Column(VARBYTE_OID, -1), Column(1186, YEAR_TO_MONTH)], [0])
    assert not conversion.needed


def test_from_binary_on_varbyte_goes_as_its_bytes_and_numeric_scaled():
    codes = TypeCodes(VARBYTE_OID, binary=True)
    columns = [Column(VARBYTE_OID, -1), Column(1700, numeric_typmod(5, 2)), Column(1700, numeric_typmod(38, 8))]
    conversion = RowConversion(codes, columns, [0, 1, 1])
    row = conversion.row(data_row(b"6162", b"-12.50", b"1.5", None))
    scaled = int(Decimal("1.5").scaleb(8)).to_bytes(16, "big", signed=True)
    assert row == data_row(b"ab", (-1250).to_bytes(8, "big", signed=True), scaled, None)
    assert [postgres_format(codes, column, 1) for column in columns] == [1, 0, 0]  # NUMERIC: text, scaled here


def test_a_numeric_without_a_typmod_is_rounded_to_scale_18():
    conversion = RowConversion(TypeCodes(binary=True), [Column(1700, -1)], [1])
    value = int(Decimal("-12454.8").scaleb(18)).to_bytes(16, "big", signed=True)
    assert conversion.row(data_row(b"-12454.8")) == data_row(value)


def test_interval_parameters_reach_postgresql_as_its_interval():
    bind = messages.Bind("", "s", [1, 1, 1], [struct.pack("!i", -13), struct.pack("!q", -90_000_000_000), None], [])
    assert postgres_bind(bind, [1188, 1190, 1190], None, TypeCodes())
    # -90,000 s: one whole day (86,400 s) toward zero, and the rest
    assert bind.values == [postgres_interval(0, 0, -13), postgres_interval(-3_600_000_000, -1, 0), None]


def test_a_string_parameter_into_a_varbyte_is_its_utf8_bytes():
    bind = messages.Bind("", "s", [0, 0], [b"3030", b"3030"], [])
    assert postgres_bind(bind, [705, 1043], [VARBYTE_OID, VARBYTE_OID], TypeCodes(VARBYTE_OID))
    assert bind.values == [b"33303330", b"3030"]  # a VARCHAR one is cast by the catalog (UTF-8 too)


def test_a_bind_frame_reads_back_as_it_was_written():
    bind = messages.Bind("p", "s", [1], [b"\0\1", None], [0, 1])
    assert messages.bind_fields(bind.frame()) == bind


def test_an_aclitem_array_asked_for_in_binary_is_laid_out_with_text_elements():
    codes = TypeCodes(binary=True)
    conversion = RowConversion(codes, [Column(1034, -1)], [1])
    items = [b"awsuser=arwdDxtm/awsuser", b"group a b=r/awsuser"]
    array = struct.pack("!iiiii", 1, 0, 1033, 2, 1) + b"".join(INT32.pack(len(item)) + item for item in items)
    assert conversion.row(data_row(b'{awsuser=arwdDxtm/awsuser,"group a b=r/awsuser"}')) == data_row(array)
    assert conversion.row(data_row(b"{}")) == data_row(struct.pack("!iii", 0, 0, 1033))
    assert postgres_format(codes, Column(1034, -1), 1) == 0


def test_a_numeric_of_38_digits_is_scaled_exactly():
    conversion = RowConversion(TypeCodes(binary=True), [Column(1700, numeric_typmod(38, 18))], [1])
    digits = "12345678901234567890.123456789012345678"
    expected = int(digits.replace(".", "")).to_bytes(16, "big", signed=True)
    assert conversion.row(data_row(digits.encode())) == data_row(expected)


HLLSKETCH_OID = 16500  # a warehouse's redshift_system.hllsketch
IMPORTED = b'{"logm":15,"sparse":{"indices":[4878,9559,14523],"values":[1,2,1]}}'  # r_HLLSKTECH_type.html


def test_an_hllsketch_column_is_described_with_redshifts_type_code_2935():
    # Redshift's JDBC driver (com.amazon.redshift.core.Oid): HLLSKETCH = 2935
    described = TypeCodes(hllsketch=HLLSKETCH_OID).rewrite(row_description((HLLSKETCH_OID, -1)))
    assert [column.oid for column in columns_of(described)] == [2935]


def test_an_imported_sketch_passes_and_one_built_locally_is_refused_in_either_protocol():
    codes = TypeCodes(hllsketch=HLLSKETCH_OID)
    local = b'local:{"version":1,"logm":15,"sparse":{"indices":[7],"values":[1]}}'
    conversion = RowConversion(codes, [Column(HLLSKETCH_OID, -1)], [0])
    assert conversion.row(data_row(IMPORTED)) == data_row(IMPORTED)
    check = sketch_check(codes, row_description((23, -1), (HLLSKETCH_OID, -1)))
    assert check is not None and check(Backend.DATA_ROW, data_row(b"1", IMPORTED)) == data_row(b"1", IMPORTED)
    assert check(Backend.DATA_ROW, data_row(b"1", None)) == data_row(b"1", None)
    for refuse in (lambda: conversion.row(data_row(local)), lambda: check(Backend.DATA_ROW, data_row(b"1", local))):
        with pytest.raises(RedshiftError) as refused:
            refuse()
        assert refused.value.sqlstate == "0A000"
        assert "cannot print an HLLSKETCH it built" in refused.value.message
    assert sketch_check(codes, row_description((23, -1))) is None


def test_a_sessions_sketch_checks_are_remembered_for_each_description():
    checks = sketch_checks(TypeCodes(hllsketch=HLLSKETCH_OID))
    description = row_description((23, -1), (HLLSKETCH_OID, -1))
    first = checks(description)
    assert first is not None and checks(memoryview(description)) is first
    assert checks(row_description((23, -1))) is None
