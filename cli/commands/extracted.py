"""What a reader extracted from a document, item by item with its source line: the part of
``decaudit facts`` that shows why a rule fired."""

from __future__ import annotations

from typing import Any

from decaudit.engine.types import SourceRecord

MAX_TEXT = 70


def _clip(text: str, limit: int = MAX_TEXT) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def extracted(src: SourceRecord) -> dict[str, Any]:
    """The extracted items as a JSON-ready dict: each with its value and line."""
    rec = src.record
    extra = rec.model_extra or {}

    def item(loc: tuple[str | int, ...], value: Any) -> dict[str, Any]:
        return {"value": value, "line": src.line_of(loc) if value not in (None, [], "") else None}

    out: dict[str, Any] = {
        "title": item(("title",), rec.title),
        "status": item(("status",), rec.status),
        "status_text": item(("status_text",), extra.get("status_text")),
        "date": item(("date",), rec.date.isoformat() if rec.date else None),
        "decision_makers": item(("decision_makers",), list(rec.decision_makers)),
        "proposed_by": item(("proposed_by",), list(rec.proposed_by)),
        # the process or review that decided it, where no one is named ("lazy consensus")
        "decided_through": {"value": extra.get("x_decided_through"), "line": None},
        "context": item(("context",), _clip(rec.context) if rec.context else None),
        "rationale": item(("rationale",), _clip(rec.rationale) if rec.rationale else None),
        "consequences": item(
            ("consequences",), _clip(extra["consequences"]) if extra.get("consequences") else None
        ),
    }
    options = []
    for i, opt in enumerate(rec.options):
        ox = opt.model_extra or {}
        entry: dict[str, Any] = {
            "title": opt.title,
            "line": src.line_of(("options", i)),
            "label": ox.get("label"),
            "group": ox.get("group"),
            "pros": len(opt.pros),
            "cons": len(opt.cons),
            "neutral": len(ox.get("neutral") or []),
            "chosen": opt.chosen,
        }
        if opt.chosen:
            entry["chosen_line"] = src.line_of(("options", i, "chosen"))
        options.append(entry)
    out["options"] = options
    # options read from another record ("Same as in ADR-0036"), or given by a link not read
    out["options_from"] = extra.get("x_options_from") or extra.get("x_options_by_reference")
    out["options_read"] = bool(extra.get("x_options_from"))
    chosen = [o for o in options if o["chosen"]]
    out["chosen"] = {
        "titles": [o["title"] for o in chosen],
        "named": rec.chosen_option,
        "how": extra.get("x_chosen_by"),
        "line": chosen[0]["chosen_line"] if chosen else None,
    }
    uncertain = extra.get("x_uncertain")
    out["uncertain"] = list(uncertain) if isinstance(uncertain, list) else []
    return out


def _row(key: str, value: Any, line: int | None) -> str:
    shown = value if value not in (None, [], "") else "(none)"
    if isinstance(shown, list):
        shown = ", ".join(str(v) for v in shown)
    where = f"line {line}" if line else ""
    return f"  {key:<15} {_clip(str(shown)):<72} {where}".rstrip()


def extracted_text(src: SourceRecord) -> list[str]:
    """The extracted items as aligned text lines (``decaudit facts`` text output)."""
    data = extracted(src)
    lines = ["extracted"]
    keys = ("title", "status", "status_text", "date", "decision_makers", "decided_through")
    for key in (*keys, "proposed_by"):
        entry = data[key]
        if key in ("status_text", "decided_through", "proposed_by") and not entry["value"]:
            continue
        lines.append(_row(key, entry["value"], entry["line"]))
    opts = data["options"]
    count: Any = len(opts)
    if data["options_from"]:
        how = "from" if data["options_read"] else "given by reference to (not read)"
        count = f"{count} ({how} {data['options_from']})"
    lines.append(_row("options", count, opts[0]["line"] if opts else None))
    for opt in opts:
        mark = "*" if opt["chosen"] else " "
        label = f"[{opt['label']}] " if opt.get("label") else ""
        group = f"{opt['group']} > " if opt.get("group") else ""
        counts = f"pros {opt['pros']}, cons {opt['cons']}"
        if opt["neutral"]:
            counts += f", neutral {opt['neutral']}"
        title = _clip(f"{group}{label}{opt['title']}", 50)
        lines.append(f"   {mark} {title:<50} {counts:<21} line {opt['line']}")
    chosen = data["chosen"]
    if chosen["titles"]:
        text = f"{'; '.join(chosen['titles'])} (by {chosen['how'] or 'the option'})"
    elif chosen["named"]:
        text = f"{chosen['named']} (named, not a listed option)"
    else:
        text = None
    lines.append(_row("chosen", text, chosen["line"]))
    for key in ("rationale", "context", "consequences"):
        lines.append(_row(key, data[key]["value"], data[key]["line"]))
    lines.append(_row("uncertain", data["uncertain"] or "nothing (all read as written)", None))
    return lines
