"""The PostgreSQL v3 protocol's codes, named once: message types by direction, startup codes, statuses.

Message types are the type byte's value, so that a frame's first byte compares with them directly.
"""

from __future__ import annotations

import enum


class Frontend(enum.IntEnum):
    """Messages a client sends."""

    BIND = ord("B")
    CLOSE = ord("C")
    COPY_DATA = ord("d")
    COPY_DONE = ord("c")
    COPY_FAIL = ord("f")
    DESCRIBE = ord("D")
    EXECUTE = ord("E")
    FLUSH = ord("H")
    FUNCTION_CALL = ord("F")
    PARSE = ord("P")
    PASSWORD = ord("p")
    QUERY = ord("Q")
    SYNC = ord("S")
    TERMINATE = ord("X")


class Backend(enum.IntEnum):
    """Messages a server sends."""

    AUTHENTICATION = ord("R")
    BACKEND_KEY_DATA = ord("K")
    BIND_COMPLETE = ord("2")
    CLOSE_COMPLETE = ord("3")
    COMMAND_COMPLETE = ord("C")
    COPY_IN_RESPONSE = ord("G")
    COPY_OUT_RESPONSE = ord("H")
    DATA_ROW = ord("D")
    EMPTY_QUERY_RESPONSE = ord("I")
    ERROR_RESPONSE = ord("E")
    FUNCTION_CALL_RESPONSE = ord("V")
    NO_DATA = ord("n")
    NOTICE_RESPONSE = ord("N")
    NOTIFICATION_RESPONSE = ord("A")
    PARAMETER_DESCRIPTION = ord("t")
    PARAMETER_STATUS = ord("S")
    PARSE_COMPLETE = ord("1")
    PORTAL_SUSPENDED = ord("s")
    READY_FOR_QUERY = ord("Z")
    ROW_DESCRIPTION = ord("T")


ASYNCHRONOUS = frozenset({Backend.NOTICE_RESPONSE, Backend.NOTIFICATION_RESPONSE, Backend.PARAMETER_STATUS})
"""Backend messages that may come at any time, whatever the client asked: always passed on."""

COMMAND_ENDS = frozenset({Backend.COMMAND_COMPLETE, Backend.EMPTY_QUERY_RESPONSE})
"""The messages that end one statement's results."""


class Startup(enum.IntEnum):
    """The codes of the packets a client may open a connection with."""

    PROTOCOL_3 = 196608
    CANCEL_REQUEST = 80877102
    SSL_REQUEST = 80877103
    GSSENC_REQUEST = 80877104


class Authentication(enum.IntEnum):
    """The request codes of an Authentication message."""

    OK = 0
    MD5_PASSWORD = 5


class Target(str, enum.Enum):
    """What a Describe or Close names."""

    STATEMENT = "S"
    PORTAL = "P"


class ErrorField:
    """The one-letter field codes of ErrorResponse and NoticeResponse (plain strings: they are dict keys)."""

    SEVERITY = "S"
    SEVERITY_NONLOCALIZED = "V"
    SQLSTATE = "C"
    MESSAGE = "M"
    DETAIL = "D"
    HINT = "H"
    CONTEXT = "W"
    FILE = "F"
    LINE = "L"
    ROUTINE = "R"
    COLUMN = "c"
