"""Writing several outputs of one run at once, each as it goes.

The findings are read once, in report order (from a :class:`~.spool.FindingSpool`, or from
memory), and handed to every format's writer; each output file is written through a
temporary file renamed when complete (:func:`~decaudit.engine.files.open_atomic`), so a
failure leaves the old file. Standard output goes to a temporary part (in memory up to a few
megabytes) that the caller copies out when its progress bar is gone.
"""

from __future__ import annotations

import functools
import importlib
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, TextIO

from ..errors import ConfigError
from . import FORMATS, ReportOptions
from .writer import FormatWriter, RenderWriter, text_part

if TYPE_CHECKING:
    from ..types import CheckResult, Finding

WriterFactory = Callable[["CheckResult", ReportOptions, TextIO], FormatWriter]


def get_writer(name: str) -> WriterFactory:
    """The streaming writer of format ``name`` (a format with only ``render`` is collected and
    rendered at the end); :class:`ConfigError` for an unknown name."""
    module_name = FORMATS.get(name)
    if module_name is None:
        known = ", ".join(FORMATS)
        raise ConfigError(f"unknown output format {name!r} (known: {known})")
    path = module_name if "." in module_name else f"{__package__}.{module_name}"
    module = importlib.import_module(path)
    writer = getattr(module, "Writer", None)
    if isinstance(writer, type) and issubclass(writer, FormatWriter):
        return writer
    return functools.partial(RenderWriter, module.render)


@dataclass(frozen=True)
class Output:
    """One output: a format, its file (``None``: standard output) and its options."""

    format: str
    path: str | None
    options: ReportOptions


def write_outputs(
    result: CheckResult,
    outputs: Iterable[Output],
    findings: Iterable[tuple[Finding, bool]],
    stdout: TextIO | None = None,
    on_done: Callable[[Output], None] | None = None,
) -> list[str]:
    """Write every output of ``result`` from one pass over ``findings`` (report order, each
    with whether it is the first unwaived one of its fingerprint); the output going to
    standard output is written to ``stdout``. Returns warnings (a SARIF file over GitHub's
    upload limit)."""
    from ..files import open_atomic

    plan = list(outputs)
    warnings: list[str] = []
    with ExitStack() as stack:
        writers: list[FormatWriter] = []
        for output in plan:
            if output.path is None:
                if stdout is None:
                    raise ValueError("an output goes to standard output and none was given")
                stream = stdout
            else:
                stream = stack.enter_context(open_atomic(output.path, make_parents=True))
            writers.append(get_writer(output.format)(result, output.options, stream))
        for finding, first in findings:
            for writer in writers:
                writer.add(finding, first)
        for writer, output in zip(writers, plan, strict=True):
            writer.close()
            if on_done is not None:
                on_done(output)
    for output in plan:
        if output.format != "sarif":
            continue
        if output.path is not None:
            warning = sarif_size_warning(output.path)
        elif stdout is not None and stdout.seekable():
            warning = _part_size_warning(stdout)
        else:
            warning = None
        if warning:
            warnings.append(warning)
    return warnings


def _part_size_warning(part: TextIO) -> str | None:
    from .sarif import MAX_GZIPPED_BYTES, size_message

    if part.tell() <= MAX_GZIPPED_BYTES // 4:  # characters: at most 4 bytes each
        return None
    size = gzipped_size(block.encode("utf-8") for block in text_blocks(part))
    return size_message(size) if size > MAX_GZIPPED_BYTES else None


def sarif_size_warning(path: str) -> str | None:
    """:func:`.sarif.size_warning` for a written file (read back in blocks when large)."""
    from .sarif import MAX_GZIPPED_BYTES, size_message

    target = Path(path)
    try:
        if not target.is_file() or target.stat().st_size <= MAX_GZIPPED_BYTES:
            return None
        with target.open("rb") as fh:
            size = gzipped_size(iter(functools.partial(fh.read, 2**20), b""))
    except OSError:
        return None
    return size_message(size) if size > MAX_GZIPPED_BYTES else None


def gzipped_size(blocks: Iterable[bytes], level: int = 6) -> int:
    """The size of ``blocks`` once gzipped (as ``gzip.compress`` would make it)."""
    z = zlib.compressobj(level, zlib.DEFLATED, 31)
    size = 0
    for block in blocks:
        size += len(z.compress(block))
    return size + len(z.flush())


def stdout_part() -> IO[str]:
    """Where the standard output's document is written until it is copied out."""
    return text_part(8 * 2**20)


def text_blocks(part: IO[str], size: int = 2**16) -> Iterator[str]:
    """The part's text from its start, in blocks of whole lines of about ``size``
    characters (a colour escape never straddles two blocks)."""
    part.seek(0)
    block: list[str] = []
    length = 0
    for line in part:
        block.append(line)
        length += len(line)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)


__all__ = ["Output", "get_writer", "gzipped_size", "stdout_part", "text_blocks", "write_outputs"]
