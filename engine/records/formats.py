"""Which loader reads a file: by extension, or by sniffing the content (stdin, odd names)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from ..types import InputError, SourceRecord
from .structured import load_json, load_jsonl, load_yaml

Result = SourceRecord | InputError
Loader = Callable[[str, str], Iterable[Result]]


class NotADecisionRecord(ValueError):
    """A Markdown file with no ADR structure (a README, an index page)."""


# The Markdown and CSV loaders are imported when a file of theirs is read: a run over
# YAML or JSON does not pay for them at start-up.
def load_markdown(path: str, text: str) -> Iterable[Result]:
    from .business import business_case_records, might_be_business_case
    from .document import DocumentError, parse_markdown

    found = None
    if might_be_business_case(text):
        with contextlib.suppress(DocumentError):  # the ADR reader reports bad front matter
            found = business_case_records(path, parse_markdown(text))
    if found is not None:
        return found
    from .adr import load_markdown as load

    return load(path, text)


def load_docx(path: str, data: bytes) -> Iterable[Result]:
    """A Word document: read as a business case when it is one."""
    from .business import business_case_records
    from .document import DocxError, parse_docx

    try:
        doc = parse_docx(data)
    except DocxError as exc:
        return [InputError(path, None, str(exc))]
    found = business_case_records(path, doc)
    if found is None:
        raise NotADecisionRecord(
            "not a decision record: no business-case structure found in the Word document "
            "(expected options, and benefit or cost tables, or a heading such as 'Business case')"
        )
    return found


def load_csv(path: str, text: str) -> Iterable[Result]:
    from .csvregister import load_csv as load

    return load(path, text)


def looks_like_adr(text: str) -> bool:
    from .adr import looks_like_adr as looks

    return looks(text)


LOADERS: dict[str, Loader] = {
    ".yaml": load_yaml,
    ".yml": load_yaml,
    ".json": load_json,
    ".jsonl": load_jsonl,
    ".ndjson": load_jsonl,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".csv": load_csv,
}
# Binary formats, read from bytes rather than decoded text.
BINARY_LOADERS: dict[str, Callable[[str, bytes], Iterable[Result]]] = {".docx": load_docx}
# The extensions a folder walk picks up.
RECORD_EXTENSIONS: tuple[str, ...] = (
    ".yaml",
    ".yml",
    ".json",
    ".jsonl",
    ".md",
    ".markdown",
    ".csv",
    ".docx",
)


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
    return LOADERS.get(extension(path)) or sniff(text)
