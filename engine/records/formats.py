"""Which loader reads a file: by extension, or by sniffing the content (stdin, odd names).

The extensions and their loaders are registered in :data:`decaudit.engine.vocab.RECORD_LOADERS`:
adding an input format is adding its module and one line there.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..types import InputError, SourceRecord
from ..vocab import BINARY_RECORD_LOADERS, RECORD_LOADERS
from ..vocab import RECORD_EXTENSIONS as RECORD_EXTENSIONS
from .structured import NotADecisionRecord as NotADecisionRecord
from .structured import load_json, load_jsonl, load_yaml

Result = SourceRecord | InputError
Loader = Callable[[str, str], Iterable[Result]]


@dataclass(frozen=True)
class ReadOptions:
    """How records are read, beyond the file itself: ``sheet``, the worksheet of an Excel
    register (``None``: the first)."""

    sheet: str | None = None


BinaryLoader = Callable[..., Iterable[Result]]  # (path, bytes, ReadOptions[, name])


# The Markdown, Word and CSV readers are imported when a file of theirs is read: a run over
# YAML or JSON does not pay for them at start-up.
def load_markdown(path: str, text: str, name: str | None = None) -> Iterable[Result]:
    """A Markdown document: a business case when it is one, else an ADR. ``name`` is the id
    an ADR without one takes (its path in the checked folder)."""
    from .business import business_case_records, might_be_business_case
    from .document import DocumentError, parse_markdown
    from .limits import check_document

    over = check_document(text)  # before parsing: a parse costs memory per item
    if over is not None:
        return [InputError(path, over[0], over[1])]
    found = None
    if might_be_business_case(text):
        with contextlib.suppress(DocumentError):  # the ADR reader reports bad front matter
            found = business_case_records(path, parse_markdown(text))
    if found is not None:
        return found
    from .adr import load_markdown as load

    return load(path, text, name)


def load_mdx(path: str, text: str, name: str | None = None) -> Iterable[Result]:
    """An MDX document (Markdown with JSX): its Markdown, line for line
    (:mod:`.document.mdx`), read as :func:`load_markdown` reads a ``.md`` file."""
    from .document.mdx import mdx_to_markdown

    return load_markdown(path, mdx_to_markdown(text), name)


def load_rst(path: str, text: str, name: str | None = None) -> Iterable[Result]:
    """A reStructuredText document (:mod:`.document.rst`), read as a Markdown one is: a
    business case when it is one, else an ADR."""
    from .adr import read_adr
    from .business import business_case_records
    from .document.rst import RstError, parse_rst
    from .limits import check_document

    over = check_document(text)  # before parsing: a parse costs memory per item
    if over is not None:
        return [InputError(path, over[0], over[1])]
    try:
        doc = parse_rst(text)
    except RstError as exc:
        return [InputError(path, exc.line, str(exc))]
    found = business_case_records(path, doc)
    return found if found is not None else read_adr(path, doc, name)


def load_docx(
    path: str, data: bytes, options: ReadOptions | None = None, name: str | None = None
) -> Iterable[Result]:
    """A Word document: a business case when it is one, else an ADR. ``name`` is the id an
    ADR without one takes (its path in the checked folder)."""
    from .adr import read_adr
    from .business import business_case_records
    from .document import DocxError, parse_docx
    from .limits import check_package

    over = check_package(data)  # before parsing: a zip of 10 MB can hold gigabytes of XML
    if over is not None:
        return [InputError(path, None, over)]
    try:
        doc = parse_docx(data)
    except DocxError as exc:
        return [InputError(path, None, str(exc))]
    found = business_case_records(path, doc)
    if found is not None:
        return found
    return read_adr(path, doc, name)


def load_csv(path: str, text: str) -> Iterable[Result]:
    from .csvregister import load_csv as load

    return load(path, text)


def looks_like_adr(text: str) -> bool:
    from .adr import looks_like_adr as looks

    return looks(text)


def _resolve(target: str) -> Callable[..., Iterable[Result]]:
    """The loader ``module:function`` of a registry entry (a module under
    decaudit.engine.records, or a full module path), imported when first needed."""
    module_name, _, function = target.partition(":")
    path = module_name if "." in module_name else f"{__package__}.{module_name}"
    loader: Callable[..., Iterable[Result]] = getattr(importlib.import_module(path), function)
    return loader


class _Registry(Mapping[str, Callable[..., Iterable[Result]]]):
    """extension -> loader, read from a registry of :mod:`decaudit.engine.vocab` on each
    lookup, so a format registered there is read without touching this module."""

    def __init__(self, registry: Mapping[str, str]) -> None:
        self._registry = registry

    def __getitem__(self, ext: str) -> Callable[..., Iterable[Result]]:
        return _resolve(self._registry[ext])

    def __iter__(self) -> Iterator[str]:
        return iter(self._registry)

    def __len__(self) -> int:
        return len(self._registry)


# Text formats (the file decoded as UTF-8) and binary ones (read from bytes).
LOADERS: Mapping[str, Loader] = _Registry(RECORD_LOADERS)
BINARY_LOADERS: Mapping[str, BinaryLoader] = _Registry(BINARY_RECORD_LOADERS)
# Documents whose id, when they give none, comes from their path (``name``).
DOCUMENT_LOADERS = frozenset({load_markdown, load_mdx, load_rst, load_docx})


def extension(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).suffix.lower()


def sniff(text: str) -> Loader:
    """The loader for text of unknown format: JSON, JSON Lines, Markdown ADR, CSV or YAML."""
    body = text.lstrip()
    if body.startswith(("{", "[")):
        lines = [ln for ln in body.split("\n") if ln.strip()]
        if (
            body.startswith("{")
            and len(lines) > 1
            and all(ln.lstrip().startswith("{") and ln.rstrip().endswith("}") for ln in lines)
        ):
            return load_jsonl
        return load_json
    if looks_like_adr(text):
        return load_markdown
    first = body.split("\n", 1)[0].lower()
    if "decision_id" in first and ("," in first or ";" in first or "\t" in first):
        return load_csv
    return load_yaml


def loader_for(path: str, text: str) -> Loader:
    ext = extension(path)
    return LOADERS[ext] if ext in RECORD_LOADERS else sniff(text)
