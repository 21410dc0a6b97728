"""Loaders for the structured formats: YAML, JSON and JSON Lines.

A YAML file may hold several documents; a YAML or JSON document may be one record (a mapping)
or a list of records. Each record is validated on its own: a bad one does not stop the others.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..model import Record
from ..safeyaml import MAX_NODES, YamlError, load_documents
from ..types import InputError, Loc, SourceRecord, format_loc
from . import limits
from .jsontext import MAX_DEPTH, JsonError, loads, parse
from .textcheck import MESSAGE, find_surrogate, may_hold_surrogates
from .validate import line_for, to_record

Result = SourceRecord | InputError


def lower_first(msg: str) -> str:
    """``Expecting value`` -> ``expecting value``; ``NaN ...`` and ``JSON ...`` stay."""
    word = msg.split(" ", 1)[0]
    if word in ("NaN", "Infinity", "-Infinity") or not word[1:].islower():
        return msg
    return msg[0].lower() + msg[1:]


MAX_NODES_CAP = 2_000_000


def _reroot(lines: Mapping[Loc, int]) -> Iterator[tuple[int, dict[Loc, int]]]:
    """The line maps of a list's items, each rooted at its item, one item at a time.

    The parsers record locations in document order, so an item's locations are adjacent:
    one pass, and only one item's map is held at a time."""
    index: int | None = None
    current: dict[Loc, int] = {}
    for loc, ln in lines.items():
        if not loc or not isinstance(loc[0], int):
            continue
        if loc[0] != index:
            if index is not None:
                yield index, current
            index, current = loc[0], {}
        current[loc[1:]] = ln
    if index is not None:
        yield index, current


def _surrogate_error(
    data: Any, lines: Mapping[Loc, int], file: str, line: int | None
) -> InputError | None:
    loc = find_surrogate(data)
    if loc is None:
        return None
    where = line_for(lines, loc) or line
    return InputError(file, where, f"{format_loc(loc) or 'value'}: {MESSAGE}")


class NotADecisionRecord(ValueError):
    """A file with no decision record in it (a README, an index page, a JSON Schema)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


# Keys of which a structured record has at least one; a mapping with none of them (a JSON
# Schema, a tool's configuration) is not a decision record.
RECORD_KEYS = frozenset(
    {"id", "title", "options", "chosen_option", "decision_makers", "status", "rationale"}
)
_SCHEMA_KEYS = frozenset({"$schema", "$defs", "definitions", "properties", "$id"})
# Every top-level key a record may have; a titled mapping with this many other keys is a
# site's or a tool's settings.
_FIELD_NAMES = frozenset(Record.model_fields)
MIN_FOREIGN_KEYS = 3
# Keys that show a decision written by hand without its id: such a file stays an error.
_DECISION_WORDS = frozenset(
    {"decision", "consequences", "alternatives", "deciders", "outcome", "drivers", "proposal"}
)


def not_a_record(data: Any) -> str | None:
    """Why parsed data holds no decision record, or None (it may be one, valid or not)."""
    items = data if isinstance(data, list) else [data]
    maps = [d for d in items if isinstance(d, dict)]
    if not maps or len(maps) != len(items) or not all(maps):
        return None
    if all(_SCHEMA_KEYS & d.keys() and "options" not in d for d in maps):
        return "not a decision record: a JSON Schema ($schema, properties...)"
    if not any(_record_keys(d) for d in maps):
        shown = ", ".join(sorted(str(k) for k in maps[0])[:4])
        return f"not a decision record: none of its keys ({shown}) is a record's"
    if all(_foreign_titled(d) for d in maps):
        shown = ", ".join(sorted(str(k) for k in maps[0] if k not in _FIELD_NAMES)[:4])
        return (
            f"not a decision record: a title among other keys ({shown}): "
            "a site's or a tool's settings"
        )
    return None


def _record_keys(d: Mapping[Any, Any]) -> set[Any]:
    """The record keys of a mapping that hold what a record gives them: never a mapping (a
    tool's ``status: {class: docs, codeowners: ...}`` is its own settings)."""
    return {k for k in RECORD_KEYS & d.keys() if not isinstance(d[k], Mapping)}


def _foreign_titled(d: Mapping[Any, Any]) -> bool:
    """A mapping whose only record key is ``title``, among at least three keys a record
    never has (a Jekyll ``_config.yml``: theme, baseurl, title, markdown...)."""
    return (
        RECORD_KEYS & d.keys() == {"title"}
        and not _DECISION_WORDS & {str(k).lower() for k in d}
        and sum(k not in _FIELD_NAMES for k in d) >= MIN_FOREIGN_KEYS
    )


def split_records(
    data: Any,
    lines: Mapping[Loc, int],
    *,
    file: str,
    fmt: str,
    line: int | None = None,
    check_text: bool = False,
) -> Iterator[Result]:
    """One result per record in a parsed document (a mapping, or a list of mappings).

    ``check_text``: look for lone surrogates (only needed when the source has such escapes).
    """
    why = not_a_record(data)
    if why is not None:
        raise NotADecisionRecord(why, line)
    if check_text:
        err = _surrogate_error(data, lines, file, line)
        if err is not None:
            yield err
            return
    if isinstance(data, list):
        maps = _reroot(lines)
        pending = next(maps, None)
        for i, item in enumerate(data):
            while pending is not None and pending[0] < i:
                pending = next(maps, None)
            sub = pending[1] if pending is not None and pending[0] == i else {}
            yield to_record(item, sub, file=file, fmt=fmt, line=lines.get((i,), line))
            data[i] = None  # audited: let it go
        return
    yield to_record(data, lines, file=file, fmt=fmt, line=line)


def _node_budget(text: str) -> int:
    """Nodes a document may expand to: enough for any plain document of this size (a node
    takes at least two characters), small enough that an alias bomb stays bounded."""
    return max(MAX_NODES, min(len(text) // 2, MAX_NODES_CAP))


EMPTY = "no decision record in the file (it is empty)"


def load_yaml(path: str, text: str) -> Iterator[Result]:
    """Records of each YAML document, one at a time."""
    check = may_hold_surrogates(text)
    found = False
    try:
        for doc in load_documents(text, max_nodes=_node_budget(text)):
            if doc.data is None:
                continue  # an empty document (a trailing "---", a comment-only file)
            found = True
            yield from split_records(
                doc.data, doc.lines, file=path, fmt="yaml", line=1, check_text=check
            )
    except YamlError as exc:
        found = True
        yield InputError(path, exc.line, exc.message)
    if not found:
        yield InputError(path, 1, EMPTY)


def load_json(path: str, text: str) -> Iterator[Result]:
    try:
        data, lines = parse(text, max_items=limits.largest() + 1)
    except JsonError as exc:
        yield InputError(path, exc.line, exc.message)
        return
    check = may_hold_surrogates(text)
    yield from split_records(data, lines, file=path, fmt="json", line=1, check_text=check)


def _depth(value: Any, limit: int) -> bool:
    """True when ``value`` nests deeper than ``limit`` (iterative: no recursion limit)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def load_jsonl(path: str, text: str) -> Iterator[Result]:
    """One record per non-blank line, one at a time; every location is on that line."""
    found = False
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        found = True
        yield _jsonl_line(path, number, raw)
    if not found:
        yield InputError(path, 1, EMPTY)


def _jsonl_line(path: str, number: int, raw: str) -> Result:
    try:
        data = loads(raw)
    except RecursionError:
        return InputError(path, number, f"nesting deeper than {MAX_DEPTH} levels")
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        return InputError(path, number, f"invalid JSON: {lower_first(msg)}")
    if raw.count("[") + raw.count("{") > MAX_DEPTH and _depth(data, MAX_DEPTH):
        return InputError(path, number, f"nesting deeper than {MAX_DEPTH} levels")
    if not isinstance(data, dict):
        return InputError(path, number, "each JSON Lines line must be one record object")
    if may_hold_surrogates(raw) and (loc := find_surrogate(data)) is not None:
        return InputError(path, number, f"{format_loc(loc) or 'value'}: {MESSAGE}")
    return to_record(data, {(): number}, file=path, fmt="jsonl", line=number)
