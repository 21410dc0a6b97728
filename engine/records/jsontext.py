"""A strict JSON parser that remembers the source line of every value.

The standard library parser cannot tell where a value came from, so records in JSON would
lose their line numbers. This one is a small recursive-descent parser (strings are decoded by
the C-accelerated ``json.decoder.scanstring``) with a nesting limit, so a hostile document is
refused with a clear error instead of a ``RecursionError``. ``NaN`` and ``Infinity`` are not
JSON and are refused.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from ..types import Loc

MAX_DEPTH = 100

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


class JsonError(ValueError):
    """Malformed or hostile JSON; ``line`` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Parser:
    def __init__(self, text: str, max_depth: int) -> None:
        self.text = text
        self.max_depth = max_depth
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.lines: dict[Loc, int] = {}

    def line(self, pos: int) -> int:
        return bisect.bisect_right(self.newlines, pos - 1) + 1

    def fail(self, message: str, pos: int) -> JsonError:
        return JsonError(f"invalid JSON: {message}", self.line(pos))

    def skip(self, pos: int) -> int:
        m = _WS.match(self.text, pos)
        return m.end() if m else pos

    def value(self, pos: int, loc: Loc, depth: int) -> tuple[Any, int]:
        text = self.text
        if pos >= len(text):
            raise self.fail("unexpected end of input", pos)
        ch = text[pos]
        if ch == "{":
            return self.obj(pos, loc, depth + 1)
        if ch == "[":
            return self.arr(pos, loc, depth + 1)
        if ch == '"':
            return self.string(pos)
        m = _NUMBER.match(text, pos)
        if m:
            frac, exp = m.group(1), m.group(2)
            raw = m.group(0)
            try:
                number: Any = float(raw) if frac or exp else int(raw)
            except ValueError:
                raise self.fail("number too long", pos) from None
            if isinstance(number, float) and number in (float("inf"), float("-inf")):
                raise self.fail(f"number out of range: {raw}", pos)
            return number, m.end()
        for word, val in _LITERALS.items():
            if text.startswith(word, pos):
                return val, pos + len(word)
        token = re.match(r"[^\s,:\]\}]{1,20}", text[pos:])
        shown = token.group(0) if token else ch
        if shown in ("NaN", "Infinity", "-Infinity"):
            raise self.fail(f"{shown} is not valid JSON (write a number, or null if unknown)", pos)
        raise self.fail(f"unexpected {shown!r}", pos)

    def string(self, pos: int) -> tuple[str, int]:
        try:
            return scanstring(self.text, pos + 1, True)
        except ValueError as exc:
            where = getattr(exc, "pos", pos)
            msg = getattr(exc, "msg", "bad string")
            raise self.fail(msg[0].lower() + msg[1:], where) from None

    def _check_depth(self, pos: int, depth: int) -> None:
        if depth > self.max_depth:
            raise JsonError(f"nesting deeper than {self.max_depth} levels", self.line(pos))

    def obj(self, pos: int, loc: Loc, depth: int) -> tuple[dict[str, Any], int]:
        self._check_depth(pos, depth)
        self.lines.setdefault(loc, self.line(pos))
        out: dict[str, Any] = {}
        pos = self.skip(pos + 1)
        if self.text.startswith("}", pos):
            return out, pos + 1
        while True:
            if not self.text.startswith('"', pos):
                raise self.fail("expected a quoted property name", pos)
            key_pos = pos
            key, pos = self.string(pos)
            pos = self.skip(pos)
            if not self.text.startswith(":", pos):
                raise self.fail("expected ':' after a property name", pos)
            pos = self.skip(pos + 1)
            child = (*loc, key)
            self.lines[child] = self.line(key_pos)
            out[key], pos = self.value(pos, child, depth)
            pos = self.skip(pos)
            if self.text.startswith(",", pos):
                pos = self.skip(pos + 1)
                continue
            if self.text.startswith("}", pos):
                return out, pos + 1
            raise self.fail("expected ',' or '}'", pos)

    def arr(self, pos: int, loc: Loc, depth: int) -> tuple[list[Any], int]:
        self._check_depth(pos, depth)
        self.lines.setdefault(loc, self.line(pos))
        out: list[Any] = []
        pos = self.skip(pos + 1)
        if self.text.startswith("]", pos):
            return out, pos + 1
        while True:
            child = (*loc, len(out))
            self.lines[child] = self.line(pos)
            item, pos = self.value(pos, child, depth)
            out.append(item)
            pos = self.skip(pos)
            if self.text.startswith(",", pos):
                pos = self.skip(pos + 1)
                continue
            if self.text.startswith("]", pos):
                return out, pos + 1
            raise self.fail("expected ',' or ']'", pos)


def parse_slow(text: str, *, max_depth: int = MAX_DEPTH) -> tuple[Any, dict[Loc, int]]:
    """The reference parser: value and lines in one pass, exact error messages."""
    parser = _Parser(text, max_depth)
    pos = parser.skip(0)
    if pos >= len(text):
        raise JsonError("empty JSON document", 1)
    value, pos = parser.value(pos, (), 0)
    pos = parser.skip(pos)
    if pos < len(text):
        raise parser.fail("extra data after the JSON value", pos)
    return value, parser.lines


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON (write a number, or null if unknown)")


# One decoder for every call: ``json.loads`` with a keyword argument builds a new decoder
# (and its scanner) each time, a fifth of the cost of reading a JSON Lines record.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def loads(text: str) -> Any:
    """``json.loads(text, parse_constant=_reject_constant)``, with a shared decoder."""
    if text.startswith("\ufeff"):  # json.loads' own error for a byte-order mark
        return json.loads(text, parse_constant=_reject_constant)
    return _DECODER.decode(text)


# One pass over the tokens in one function: a call per token would cost a fifth of the time.
def _scan_lines(  # noqa: C901
    text: str, max_depth: int, max_items: int | None = None
) -> dict[Loc, int] | None:
    """Lines of every location of a document already known to be valid JSON, by one pass
    over its tokens. None when it nests deeper than ``max_depth``.

    ``max_items``: an array below the top level records the lines of its first
    ``max_items`` elements only (a record holding more is refused by its caps, at the
    array's own line); memory then stays bounded whatever its length.
    """
    lines: dict[Loc, int] = {}
    # frames: [loc, is_object, index_or_pending_key, expecting_key]
    stack: list[list[Any]] = []
    line, last = 1, 0
    count = text.count
    quiet_at: int | None = None  # inside an over-long array: record nothing until it closes
    for m in _TOKEN.finditer(text):
        start = m.start()
        line += count("\n", last, start)
        last = start
        tok = m.group()
        first = tok[0]
        if first == ",":
            frame = stack[-1]
            if frame[1]:
                frame[3] = True
            else:
                frame[2] += 1
            continue
        if first == ":":
            continue
        if first in "]}":
            stack.pop()
            if quiet_at is not None and len(stack) < quiet_at:
                quiet_at = None
            continue
        if stack:
            frame = stack[-1]
            if frame[1]:
                if frame[3]:  # a key
                    if quiet_at is None:
                        key = tok[1:-1] if "\\" not in tok else json.loads(tok)
                        child = (*frame[0], key)
                        lines[child] = line
                        frame[2] = child
                    frame[3] = False
                    continue
                loc = frame[2]
            else:
                loc = (*frame[0], frame[2])
                if quiet_at is None:
                    if max_items is not None and frame[2] >= max_items and frame[0]:
                        quiet_at = len(stack)
                    else:
                        lines[loc] = line
        else:
            loc = ()
        if first in "{[":
            if quiet_at is None:
                lines.setdefault(loc, line)
            if len(stack) >= max_depth:
                return None
            stack.append([loc, first == "{", 0, True])
    return lines


def parse(
    text: str, *, max_depth: int = MAX_DEPTH, max_items: int | None = None
) -> tuple[Any, dict[Loc, int]]:
    """The JSON value in ``text`` and a map from each location to its 1-based line.

    Valid documents are decoded by the C-accelerated standard parser and their lines found
    in one pass over the tokens; anything else goes through :func:`parse_slow`, which
    names the line of the problem.
    """
    try:
        value = loads(text)
    except (ValueError, RecursionError):
        return parse_slow(text, max_depth=max_depth)
    if isinstance(value, float) and not math.isfinite(value):
        return parse_slow(text, max_depth=max_depth)
    lines = _scan_lines(text, max_depth, max_items)
    if lines is None or _has_infinity(value):
        return parse_slow(text, max_depth=max_depth)
    return value, lines


def _has_infinity(value: Any) -> bool:
    """A number like 1e400 decodes to infinity, which strict JSON refuses."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            if not math.isfinite(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
