"""The ``brief`` block of a rule file: what the rule contributes to the approver's brief.

```yaml
brief:
  section: ask                  # ask | challenge | realism | review | question
  topic: breakthrough-option    # findings of one topic become one item of the brief
  reason: no breakthrough option was put forward       # the verdict's phrase
  ask: >-                       # the item in its section (string.Template)
    An option that would replace our own business, with a case as serious as '$title'.
  question: >-                  # the question for the meeting (string.Template)
    What would we do if we started this business from scratch today?
  source: Nagji and Tuff, Harvard Business Review (2012)   # the footnote's citation
  quote: unchallenged-assumptions                          # what to quote from the record
```

Placeholders are the flagged item's facts (``$title``), the decision's facts
(``${decision.chosen_title}``), the rule's parameters (``${param.NAME}``) and ``$item``, the
flagged item in words (a benefit's or cost's description, else its id; an option's title);
``pct.`` shows a number as a percentage and ``money.`` as an amount in the record's currency
(``£1.2m``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..facts import CATALOGUE
from ..types import BriefText, Loc
from .model import Alias
from .template import placeholders
from .values import type_of

SECTIONS: tuple[str, ...] = ("ask", "challenge", "realism", "review", "question")
QUOTES: tuple[str, ...] = ("unchallenged-assumptions",)
TEXT_KEYS: tuple[str, ...] = ("ask", "question", "reason", "source")
KEYS: tuple[str, ...] = ("section", *TEXT_KEYS, "topic", "quote")
FORMATS: tuple[str, ...] = ("pct", "money")
MAX_TEXT = 2000

BRIEF_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "section": {"enum": list(SECTIONS)},
        "ask": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
        "question": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
        "reason": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
        "source": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
        "topic": {"type": "string", "pattern": "^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"},
        "quote": {"enum": list(QUOTES)},
    },
}

Err = Callable[[Loc, str], None]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _placeholder_type(
    parts: list[str], at: str, target: str | None, params: Mapping[str, Any]
) -> tuple[str | None, str | None] | None:
    """(type, problem) of a placeholder's name parts; None when the fact type it would
    name failed to parse (reported already)."""
    if not parts:
        return None, "names nothing"
    if parts == ["item"]:
        return "str", None
    if parts[0] == "param":
        if len(parts) != 2 or parts[1] not in params:
            return None, "names an unknown parameter"
        return type_of(params[parts[1]]), None
    if len(parts) == 2 and parts[0] in ("decision", at):
        ftype_of = "decision" if parts[0] == "decision" else target
        if ftype_of is None:
            return None
        if parts[1] not in CATALOGUE[ftype_of]:
            return None, f"names an unknown fact of '{ftype_of}'"
        return CATALOGUE[ftype_of][parts[1]].type, None
    if len(parts) == 1:
        if target is None:
            return None
        if parts[0] not in CATALOGUE[target]:
            return None, f"names an unknown fact of '{target}'"
        return CATALOGUE[target][parts[0]].type, None
    return None, "names an unknown fact or parameter (use $fact, ${decision.fact})"


def _check_placeholders(
    text: str,
    loc: Loc,
    err: Err,
    aliases: Sequence[Alias],
    at: str,
    params: Mapping[str, Any],
) -> None:
    names, invalid = placeholders(text)
    for offset in invalid:
        err(loc, f"invalid '$' at offset {offset} (write '$$' for a dollar)")
    types = {a.name: a.on for a in aliases}
    target = types.get(at)
    for name in names:
        parts = name.split(".")
        fmt = parts[0] if parts[0] in FORMATS else None
        if fmt:
            parts = parts[1:]
        resolved = _placeholder_type(parts, at, target, params)
        if resolved is None:
            continue  # the rule's condition failed to parse: reported already
        ftype, problem = resolved
        if problem is None and fmt and ftype is not None and ftype != "number":
            problem = f"formats as {fmt} a value that is not a number"
        if problem:
            err(loc, f"placeholder '${{{name}}}' {problem}")


def _texts(
    value: Mapping[str, Any],
    bad: Err,
    aliases: Sequence[Alias],
    at: str,
    params: Mapping[str, Any],
) -> dict[str, str | None]:
    """The text fields of a ``brief`` block, checked and flattened (absent: None)."""
    texts: dict[str, str | None] = {}
    for key in TEXT_KEYS:
        text = value.get(key)
        if text is None:
            texts[key] = None
            continue
        if not isinstance(text, str) or not text.strip():
            bad(("brief", key), "must be a non-empty string")
            continue
        if len(text) > MAX_TEXT:
            bad(("brief", key), f"is longer than {MAX_TEXT} characters")
            continue
        if key in ("ask", "question", "reason"):
            _check_placeholders(text, ("brief", key), bad, aliases, at, params)
        texts[key] = _flat(text)
    return texts


def parse_brief(
    value: Any,
    err: Err,
    aliases: Sequence[Alias],
    at: str,
    params: Mapping[str, Any],
) -> BriefText | None:
    """The rule's ``brief`` block, checked; problems go to ``err(loc, message)``."""
    if value is None:
        return None
    if not isinstance(value, dict):
        err(("brief",), "must be a mapping (section, ask, question, reason, source, topic)")
        return None
    ok = True

    def bad(loc: Loc, message: str) -> None:
        nonlocal ok
        ok = False
        err(loc, message)

    for key in value:
        if key not in KEYS:
            bad(("brief", str(key)), f"unknown field '{key}' (known: {', '.join(KEYS)})")
    section = value.get("section", "question")
    if section not in SECTIONS:
        bad(("brief", "section"), f"{section!r} is not one of {', '.join(SECTIONS)}")
    texts = _texts(value, bad, aliases, at, params)
    if section in ("ask", "challenge") and not texts.get("ask"):
        bad(("brief", "ask"), f"a brief in section '{section}' needs its 'ask' text")
    topic = value.get("topic")
    if topic is not None and (not isinstance(topic, str) or not topic.strip()):
        bad(("brief", "topic"), "must be a non-empty string")
    quote = value.get("quote")
    if quote is not None and quote not in QUOTES:
        bad(("brief", "quote"), f"{quote!r} is not one of {', '.join(QUOTES)}")
    if not ok:
        return None
    return BriefText(
        section=str(section),
        ask=texts.get("ask"),
        question=texts.get("question"),
        reason=texts.get("reason"),
        source=texts.get("source"),
        topic=topic,
        quote=quote,
    )
