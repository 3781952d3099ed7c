"""The mistakes a learner makes on the way through the notebooks, each said as what went wrong and what fixes it.

`hint` turns a server message into the step that fixes it (a table of notebook 03 or 04 that is not there yet);
`sentence` finds, in any exception and the exceptions it was raised from, the one sentence to show a learner, or
None when the error is not one the tutorial knows (then the whole traceback is what helps).
"""

from __future__ import annotations

import re

from botocore.exceptions import NoCredentialsError, PartialCredentialsError

from sparkify_dwh.config import ConfigError
from sparkify_dwh.resources import ResourceError

STAGING_TABLES = frozenset({"staging_events", "staging_songs"})
STAR_TABLES = frozenset({"songplays", "users", "songs", "artists", "time"})
RUN_03 = "The staging tables are not there yet: run notebook 03_staging first (it creates and loads them)."
RUN_04 = "The star schema is not there yet: run notebook 04_star_schema first (it creates and loads it)."
STACK_DOWN = (
    "The local stack is not running: start it with `make up` (or `sparkify-dwh local up`), then run the cell again."
)
CONNECTION_LOST = (
    "The connection to the warehouse was lost (the stack or the cluster stopped); start it again (`make up` "
    "locally) and run the cell again: it reconnects by itself."
)
RESTART_LAB = (
    "A variable exported after JupyterLab started does not reach its kernels: restart JupyterLab from the shell "
    "where you exported it."
)
_MISSING_RELATION = re.compile(r'relation "(?:[a-z_]+\.)?([a-z_]+)" does not exist', re.IGNORECASE)
_CONNECTION_WORDS = ("BrokenPipe", "connection is closed", "server socket closed", "Connection reset", "Broken pipe")
_REFUSED_WORDS = ("Connection refused", "could not connect")


def hint(server_message: str) -> str | None:
    """The step that fixes the mistake behind a server's error message, or None when it is not a known one."""
    missing = _MISSING_RELATION.search(server_message)
    if missing is None:
        return None
    if missing[1].lower() in STAGING_TABLES:
        return RUN_03
    if missing[1].lower() in STAR_TABLES:
        return RUN_04
    return None


def _chain(error: BaseException) -> list[BaseException]:
    """`error` and the exceptions it was raised from or during, outermost first."""
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def sentence(error: BaseException) -> str | None:
    """What went wrong and what fixes it, in a sentence or two, for the errors a learner meets; else None."""
    # The library's own errors already say what to do (imported here: those modules import this one).
    from sparkify_dwh.checks import DataQualityError
    from sparkify_dwh.warehouse import WarehouseError

    chain = _chain(error)
    texts = [str(link) for link in chain]
    for text in texts:
        if found := hint(text):
            return found
    if isinstance(error, (WarehouseError, ResourceError, ConfigError, DataQualityError)):
        if any(isinstance(link, (NoCredentialsError, PartialCredentialsError)) for link in chain):
            return f"{_capitalised(str(error))} {RESTART_LAB}"
        return _capitalised(str(error))
    if any(word in text for text in texts for word in _CONNECTION_WORDS):
        return CONNECTION_LOST
    if any(isinstance(link, ConnectionRefusedError) for link in chain) or any(
        word in text for text in texts for word in _REFUSED_WORDS
    ):
        return STACK_DOWN
    for link in chain[1:]:
        if isinstance(link, (WarehouseError, ResourceError, ConfigError)):
            return _capitalised(str(link))
    return None


def _capitalised(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", ")", "`")) else ".")
