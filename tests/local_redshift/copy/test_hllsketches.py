"""A COPY field in an HLLSKETCH column: the sketch's printed form, or load error 1216 (copy/hllsketches.py).

"HLLSKETCH type" (https://docs.aws.amazon.com/redshift/latest/dg/r_HLLSKTECH_type.html): Redshift "imports, exports,
or prints" a sparse sketch as JSON, `{"logm":15,"sparse":{"indices":[4878,9559,14523],"values":[1,2,1]}}`, and a
dense one as a Base64 string; "The maximum size of a HLLSKETCH object is 24,580 bytes".
"""

from __future__ import annotations

import base64

import pytest

from local_redshift.copy.errors import LoadError
from local_redshift.copy.hllsketches import sketch_field

SPARSE = '{"logm":15,"sparse":{"indices":[4878,9559,14523],"values":[1,2,1]}}'


@pytest.mark.parametrize(
    "written",
    [SPARSE, ' {"logm": 15, "sparse": {"indices": [4878, 9559, 14523], "values": [1, 2, 1]}}\t',
     {"logm": 15, "sparse": {"indices": [4878, 9559, 14523], "values": [1, 2, 1]}}],
)  # fmt: skip
def test_a_sparse_sketch_loads_as_its_compact_json(written):
    assert sketch_field(written) == SPARSE


def test_a_dense_sketch_loads_as_its_base64():
    dense = base64.b64encode(bytes(24_580)).decode()
    assert sketch_field(dense) == dense


@pytest.mark.parametrize(
    "written",
    ["not a sketch", base64.b64encode(bytes(24_581)).decode(), "ABAABA", 5,
     '{"logm":15,"logm":15,"sparse":{"indices":[],"values":[]}}', '{"logm":27,"sparse":{"indices":[],"values":[]}}',
     '{"logm":15,"sparse":{"indices":[1,1],"values":[1,2]}}', '{"logm":15,"sparse":{"indices":[1],"values":[65]}}',
     '{"version":2,"logm":15,"sparse":{"indices":[],"values":[]}}', '{"logm":15,"sparse":{"indices":[1]}}'],
)  # fmt: skip
def test_what_is_no_sketch_is_load_error_1216(written):
    with pytest.raises(LoadError) as refused:
        sketch_field(written)
    assert int(refused.value.code) == 1216
    assert refused.value.reason.startswith("invalid input for type hllsketch")
    assert refused.value.raw_value == str(written)
