"""Measured figures applied to a decision: which benefit or cost an actual names, and the
record as the log knows it after approval (each item's ``realized`` and ``measured_on`` from
its latest figure).

A benefit or cost is named by its ``id``, else by its description (case and spacing
ignored). The approved case is the chosen option's; a record that marks no option chosen
offers the items of every option.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .errors import DecauditError

_LIST = {"benefit": "benefits", "cost": "costs"}


def name_key(text: Any) -> str:
    """How an item name is compared: case and spacing ignored."""
    return " ".join(str(text).split()).casefold()


def _cases(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    options = [o for o in record.get("options") or [] if isinstance(o, Mapping)]
    chosen = [o for o in options if o.get("chosen") is True]
    return [
        o["business_case"]
        for o in (chosen or options)
        if isinstance(o.get("business_case"), Mapping)
    ]


def items(record: Mapping[str, Any], kind: str) -> Iterator[Mapping[str, Any]]:
    """The benefits (or costs) of the approved case."""
    for case in _cases(record):
        for item in case.get(_LIST[kind]) or []:
            if isinstance(item, Mapping):
                yield item


def item_name(item: Mapping[str, Any]) -> str:
    """What an actual calls this item: its id, else its description."""
    return str(item.get("id") or item.get("description") or "")


def find_item(record: Mapping[str, Any], kind: str, name: str) -> Mapping[str, Any]:
    """The benefit or cost ``name`` names; ``DecauditError`` with a suggestion otherwise."""
    wanted = name_key(name)
    known = [i for i in items(record, kind) if item_name(i)]
    for item in known:
        if (
            name_key(item.get("id") or "") == wanted
            or name_key(item.get("description") or "") == wanted
        ):
            return item
    names = [item_name(i) for i in known]
    if not names:
        raise DecauditError(
            f"decision {record.get('id')!r} has no {kind} in its approved business case"
        )
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listed = ", ".join(repr(n) for n in names[:8])
    raise DecauditError(
        f"decision {record.get('id')!r} has no {kind} {name!r}{hint} (its {kind}s: {listed})"
    )


def overlay(record: Mapping[str, Any], figures: Iterable[Any]) -> dict[str, Any]:
    """A copy of ``record`` in which each benefit or cost that has a figure carries the latest
    one as ``realized`` (and ``measured_on`` for benefits). ``figures`` are log actuals
    (``item_kind``, ``item_id``, ``value``, ``as_of``, ``id``)."""
    best: dict[tuple[str, str], Any] = {}
    for f in figures:
        key = (f.item_kind, name_key(f.item_id))
        if key not in best or (f.as_of, f.id) > (best[key].as_of, best[key].id):
            best[key] = f
    out = _copy(record)
    if not best:
        return out
    for kind in _LIST:
        for item in items(out, kind):
            hit = best.get((kind, name_key(item.get("id") or ""))) or best.get(
                (kind, name_key(item.get("description") or ""))
            )
            if hit is None:
                continue
            value = hit.value
            item["realized"] = int(value) if float(value).is_integer() else value  # type: ignore[index]
            if kind == "benefit":
                item["measured_on"] = hit.as_of  # type: ignore[index]
    return out


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
