"""Safe, bounded YAML: plain data with source lines, never code.

YAML is composed into a node tree by PyYAML's safe composer (C-accelerated when available)
and turned into Python data here, so that:

* only the core schema's plain types come out (no ``!!python/*`` tags, no ``yaml.load``);
* alias expansion is budgeted, so a "billion laughs" document is refused in bounded time;
* nesting is limited (default 100 levels);
* every mapping and sequence item remembers its 1-based source line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from .types import Loc

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 100
MAX_NODES = 200_000  # after alias expansion


class YamlError(ValueError):
    """A YAML document that is malformed or hostile. ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Parsed:
    data: Any
    lines: dict[Loc, int]


_SCALAR = _Loader.construct_scalar  # type: ignore[attr-defined,unused-ignore]
_TAG_INT = "tag:yaml.org,2002:int"
# Integers YAML 1.1 reads in another base: a leading zero (octal: "024" is 20) or colons
# (base 60: "1:30" is 90). Nobody writing a record means those: they stay as written.
_AS_WRITTEN = re.compile(r"^[-+]?(?:0[0-9_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+)$")
_TAG_FLOAT = "tag:yaml.org,2002:float"
_TAG_BOOL = "tag:yaml.org,2002:bool"
_TAG_NULL = "tag:yaml.org,2002:null"
_TAG_STR = "tag:yaml.org,2002:str"
_TAG_TS = "tag:yaml.org,2002:timestamp"
_TAG_MAP = "tag:yaml.org,2002:map"
_TAG_SEQ = "tag:yaml.org,2002:seq"
_SAFE_SCALARS = {_TAG_INT, _TAG_FLOAT, _TAG_BOOL, _TAG_NULL, _TAG_STR, _TAG_TS}


class _Builder:
    def __init__(self, max_depth: int, max_nodes: int) -> None:
        self.loader = _Loader("")
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.count = 0
        self.lines: dict[Loc, int] = {}

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > self.max_nodes:
            raise YamlError(
                f"document too large after alias expansion (over {self.max_nodes} nodes)", line
            )
        if depth > self.max_depth:
            raise YamlError(f"nesting deeper than {self.max_depth} levels", line)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _TAG_MAP:
                raise YamlError(f"unsupported YAML tag {node.tag}", line)
            self.lines.setdefault(loc, line)
            out: dict[str, Any] = {}
            for key_node, value_node in self._pairs(node):
                key = self.build(key_node, loc, depth + 1)
                if isinstance(key, (dict, list)):
                    raise YamlError("mapping keys must be scalars", key_node.start_mark.line + 1)
                key = key if isinstance(key, str) else str(key)
                child = (*loc, key)
                self.lines[child] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, child, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG_SEQ:
                raise YamlError(f"unsupported YAML tag {node.tag}", line)
            self.lines.setdefault(loc, line)
            items = []
            for i, item in enumerate(node.value):
                child = (*loc, i)
                self.lines[child] = item.start_mark.line + 1
                items.append(self.build(item, child, depth + 1))
            return items
        if node.tag not in _SAFE_SCALARS:
            raise YamlError(f"unsupported YAML tag {node.tag}", line)
        if node.tag == _TAG_INT and _AS_WRITTEN.match(node.value):
            return node.value  # "id: 024" is the text 024, not YAML 1.1's octal 20
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            if node.tag == "tag:yaml.org,2002:timestamp":
                raise YamlError(
                    f"{node.value!r} is not a valid date ({exc}); write dates as YYYY-MM-DD",
                    line,
                ) from None
            raise YamlError(f"{node.value!r} cannot be read: {exc}", line) from None
        if isinstance(value, dt.datetime):
            return value.isoformat()
        return value

    def _pairs(self, node: yaml.MappingNode) -> Iterator[tuple[yaml.Node, yaml.Node]]:
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("merge keys (<<) are not supported", key_node.start_mark.line + 1)
            yield key_node, value_node


def _mark_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def load_documents(
    text: str, *, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES
) -> Iterator[Parsed]:
    """Each YAML document in ``text`` as plain data with line numbers."""
    loader = _Loader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:  # pragma: no cover - empty stream
                continue
            builder = _Builder(max_depth, max_nodes)
            data = builder.build(node, (), 0)
            yield Parsed(data, builder.lines)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YamlError(f"invalid YAML: {problem}", _mark_line(exc)) from None
    except RecursionError:
        raise YamlError(f"nesting deeper than {max_depth} levels") from None
    finally:
        loader.dispose()


def load_one(text: str, **limits: int) -> Parsed:
    """Exactly one document (an empty text gives ``None``)."""
    docs = list(load_documents(text, **limits))
    if not docs:
        return Parsed(None, {})
    if len(docs) > 1:
        raise YamlError("expected one YAML document, found several", None)
    return docs[0]
