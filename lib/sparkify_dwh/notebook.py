"""What the notebooks need beyond the tutorial's steps: log lines as output, mistakes in a sentence, code shown.

`setup()` is each notebook's first call. It sends the library's log lines to stdout (JupyterLab draws every
stderr output as a warning), lets tables show whole values (a load error's reason, a check's rule) and every
column, and installs an IPython exception handler: an error the tutorial knows (`mistakes.sentence`) shows as its
sentence, with the full traceback folded under it, one click away; any other error shows as IPython shows it.

A handler rather than `_render_traceback_` on the library's error types, because the mistakes a learner meets are
not all raised by the library: JupySQL's and the driver's errors are shown the same way.
"""

from __future__ import annotations

import html
import inspect
import logging
import sys
import traceback
from collections.abc import Callable
from typing import Any

import pandas as pd
from IPython.core.getipython import get_ipython
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import HTML, Markdown, display

from sparkify_dwh import mistakes
from sparkify_dwh.config import Config, load_config

LOG_FORMAT = "%(message)s"
_RED, _RESET = "\x1b[1;31m", "\x1b[0m"


class Mistake(Exception):
    """A known mistake, shown as its sentence: what went wrong and what to run or change."""

    def _render_traceback_(self) -> list[str]:
        return [f"{_RED}{self}{_RESET}", "(The full traceback is folded below.)"]


def setup(ipython: InteractiveShell | None = None) -> Config:
    """Log to stdout, show whole values, show known mistakes as a sentence, and read `dwh.cfg` (found by walking
    up): the config."""
    shell = ipython or get_ipython()
    log_to_stdout()
    for option in ("display.max_colwidth", "display.max_columns"):
        pd.set_option(option, None)
    if shell is not None:
        install(shell)
    return load_config()


def log_to_stdout(level: int = logging.INFO) -> None:
    """The root logger writes `level` and above to stdout, each line as the message alone (no stderr handler)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)


class _Handler:
    """The IPython exception handler: a known mistake as its sentence, the traceback folded after the cell."""

    def __init__(self) -> None:
        self.folded: str | None = None

    def __call__(self, shell: InteractiveShell, etype: type, value: BaseException, tb: Any, tb_offset: Any = None):
        said = mistakes.sentence(value)
        if said is None:
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
            return None
        self.folded = "".join(traceback.format_exception(etype, value, tb))
        shell.showtraceback((Mistake, Mistake(said), tb))
        return None

    def after_cell(self, *_: Any) -> None:
        """Show the folded traceback of the cell's mistake, after its error."""
        if self.folded is None:
            return
        folded, self.folded = self.folded, None
        display(HTML(f"<details><summary>Full traceback</summary><pre>{html.escape(folded)}</pre></details>"))


def install(shell: InteractiveShell) -> None:
    """Install the handler in `shell` (a second call replaces the first)."""
    for callback in list(shell.events.callbacks["post_run_cell"]):
        if isinstance(getattr(callback, "__self__", None), _Handler):
            shell.events.unregister("post_run_cell", callback)
    handler = _Handler()
    shell.set_custom_exc((Exception,), handler)
    shell.events.register("post_run_cell", handler.after_cell)


def source(*functions: Callable[..., Any]) -> Markdown:
    """The code of the library's `functions`, shown highlighted as the SQL files are: the code that runs."""
    blocks = []
    for function in functions:
        title = f"{function.__module__}.{function.__qualname__}"
        blocks.append(f"`{title}`\n\n```python\n{inspect.getsource(function).rstrip()}\n```")
    return Markdown("\n\n".join(blocks))
