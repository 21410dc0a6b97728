"""Terminal conventions of the CLI: colour, the progress bar and ``-v`` messages.

Colour (:func:`use_color`): ``--color``/``--no-color`` win; then ``NO_COLOR`` (set and not
empty: no colour, https://no-color.org); then ``FORCE_COLOR`` (set and not empty: colour
even when piped); else colour only on a terminal.

The progress bar (:class:`CheckProgress`) is click's, on stderr, and only on a terminal:
files done of the total (counted by a quick walk before the run; unknown with stdin), the
records audited and their rate, and the ETA; then one more bar while the outputs are
written. ``-q`` turns it off.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import IO, Any, TextIO

import click
from decaudit.engine.records.sources import WALK_SKIPS

STAGE_LABELS = {
    "rules": "loading rules",
    "records": "auditing",
    "portfolio": "portfolio",
    "log": "writing the log",
}
CLEAR_LINE = "\r\033[K"


def use_color(flag: bool | None, stream: IO[Any], environ: Mapping[str, str]) -> bool:
    """Whether to colour output going to ``stream`` (see the module docstring)."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def echo_err(message: str) -> None:
    """``decaudit: MESSAGE`` on stderr."""
    click.echo(f"decaudit: {message}", err=True)


class CheckProgress:
    """click.progressbar over the files of a run, then over the outputs being written."""

    REFRESH = 0.1  # seconds between redraws while records stream in

    def __init__(self, total_files: int | None, stream: TextIO | None = None) -> None:
        self.stream: TextIO = stream or sys.stderr
        self.total = total_files
        self.records = 0
        self.started = time.perf_counter()
        self._file: str | None = None
        self._drawn = 0.0
        self._bar: Any = None
        self._open("loading rules", total_files)

    def _open(self, label: str, length: int | None) -> None:
        self._close()
        bar: Any = click.progressbar(
            length=length,
            label=label,
            show_pos=True,
            show_eta=False,  # drawn by _info, labelled
            item_show_func=self._info,
            file=self.stream,
            width=24,
        )
        bar.__enter__()
        self._bar = bar

    def _info(self, item: Any) -> str | None:
        if isinstance(item, str):
            return item
        if not self.records:
            return None
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        noun = "record" if self.records == 1 else "records"
        text = f"{self.records:,} {noun}, {self.records / elapsed:,.0f}/s"
        bar = self._bar
        if bar is not None and bar.eta_known and not bar.finished:
            text += f", eta {bar.format_eta()}"
        return text

    def _close(self) -> None:
        if self._bar is not None:
            self.stream.write(CLEAR_LINE + "\033[?25h")  # erase the bar, show the cursor
            self.stream.flush()
            self._bar = None

    # CheckHooks
    def record(self, count: int, file: str) -> None:
        self.records = count
        if file != self._file:
            if self._file is not None:
                self._bar.update(1)
            self._file = file
        now = time.perf_counter()
        if now - self._drawn >= self.REFRESH:
            self._drawn = now
            self._bar.render_progress()

    def skip(self, path: str, reason: str) -> None:
        """A file read and left out (Markdown with no record) counts as done."""
        if reason not in WALK_SKIPS:
            self.record(self.records, path)

    def phase(self, name: str) -> None:
        if name == "records":
            self.started = time.perf_counter()
        elif self._file is not None:
            self._bar.update(1)  # the last file is done
            self._file = None
        self._bar.label = STAGE_LABELS.get(name, name)
        self._bar.render_progress()

    def message(self, text: str) -> None:
        """Print a line above the bar (``-v``), then draw the bar again."""
        if self._bar is not None:
            self.stream.write(CLEAR_LINE)
        echo_err(text)
        if self._bar is not None:
            self._bar.render_progress()

    def outputs(self, count: int) -> None:
        """Switch to the output-writing bar (``count`` outputs)."""
        self._open("writing outputs", count)
        self._bar.render_progress()

    def output(self, name: str) -> None:
        self._bar.update(0, name)

    def output_done(self) -> None:
        self._bar.update(1)

    def close(self) -> None:
        self._close()
