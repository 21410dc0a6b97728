"""The brief as GitHub-flavoured Markdown: one page per record, footnotes at the end.

Rule ids appear only in the footnotes. Text from records is escaped, so a title cannot
break the layout or inject links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .model import Brief, Item, Note

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")
MAX_BYTES = 60_000  # a GitHub pull-request comment holds 65,536 characters


def esc(text: str) -> str:
    """Escape what Markdown would read as markup (inline)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _refs(notes: Sequence[int], prefix: str) -> str:
    return "".join(f"[^{prefix}{n}]" for n in notes)


def _item(item: Item, prefix: str, bullet: str = "-") -> list[str]:
    lead = f"**{esc(item.lead)}.** " if item.lead else ""
    line = f"{bullet} {lead}{esc(item.text)}"
    refs = _refs(item.notes, prefix)
    out = [line + (f" {refs}" if refs else "")]
    for quote in item.quotes:
        where = f" (line {quote.line})" if quote.line else ""
        out.append(f"  - “{esc(quote.text)}”{where}")
    if item.quotes_left_out:
        out.append(f"  - and {item.quotes_left_out} more in the record")
    return out


def _note(n: int, note: Note, prefix: str) -> str:
    name = "standard input" if note.file == "-" else note.file
    where = f"{name} line {note.line}" if note.file else "the audited portfolio"
    return (
        f"[^{prefix}{n}]: {esc(note.rule_title)}. Rule {note.rule_id}, {esc(where)}. "
        f"Source: {esc(note.source)}."
    )


def _cell(text: str) -> str:
    return esc(text)


def render_brief(brief: Brief, prefix: str = "") -> str:
    """One brief. ``prefix`` keeps footnote labels unique when several share a document."""
    out = [f"## Brief: {esc(brief.title)}", ""]
    status = f", {brief.status}" if brief.status else ""
    name = "standard input" if brief.file == "-" else brief.file
    where = f"{name}:{brief.line}" if brief.file else "the audit log"
    out += [f"Decision {esc(brief.decision_id)}{esc(status)} ({esc(where)})", ""]
    out += [f"**Verdict.** {esc(brief.verdict)}", ""]
    if brief.check_first is not None:
        out += ["### Check first", ""]
        out += _item(brief.check_first, prefix)
        out.append("")
    if brief.asks:
        out += ["### Ask for", ""]
        for item in brief.asks:
            out += _item(item, prefix)
        out.append("")
    if brief.challenges:
        out += ["### Challenge", ""]
        for item in brief.challenges:
            out += _item(item, prefix)
        out.append("")
    if brief.realism is not None:
        real = brief.realism
        refs = _refs(real.notes, prefix)
        out += ["### Benefit realism" + (f" {refs}" if refs else ""), ""]
        if real.rows:
            out += ["| Basis | Share of projected benefits | Benefits on that basis |"]
            out += ["| --- | ---: | ---: |"]
            out += [f"| {_cell(r.label)} | {r.share} | {_cell(r.amount)} |" for r in real.rows]
            out.append("")
        if real.sentences:
            out += [" ".join(esc(s) for s in real.sentences), ""]
    if brief.comparison is not None:
        comp = brief.comparison
        refs = _refs(comp.notes, prefix)
        out += ["### Set the comparison" + (f" {refs}" if refs else ""), ""]
        out += [" ".join(esc(s) for s in comp.sentences), ""]
        if comp.rows:
            out += ["| Line | Projected | Range or contingency |", "| --- | ---: | --- |"]
            out += [f"| {_cell(a)} | {_cell(b)} | {_cell(c)} |" for a, b, c in comp.rows]
            out.append("")
    if brief.questions:
        out += ["### Questions for the meeting", ""]
        for i, item in enumerate(brief.questions, 1):
            out += _item(item, prefix, bullet=f"{i}.")
        out.append("")
    if brief.notes:
        out += [_note(n, note, prefix) for n, note in enumerate(brief.notes, 1)]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_document(
    briefs: Iterable[Brief],
    *,
    count: int | None = None,
    max_bytes: int = MAX_BYTES,
    heading: str | None = None,
) -> str:
    """Several briefs in one document, separated by rules; cut (with a note) at ``max_bytes``.

    ``briefs`` may be lazy (a generator): with ``count`` given, briefs past the cut are never
    built.
    """
    items = briefs if count is not None else list(briefs)
    total = count if count is not None else len(items)  # type: ignore[arg-type]
    parts: list[str] = []
    if heading:
        parts.append(f"# {esc(heading)}\n")
    if not total:
        parts.append("No decision records to brief.\n")
        return "\n".join(parts)
    size = sum(len(p.encode()) for p in parts)
    for i, brief in enumerate(items, 1):
        text = render_brief(brief, prefix=f"{i}-" if total > 1 else "")
        cost = len(text.encode()) + 6
        if max_bytes > 0 and size + cost > max_bytes and parts:
            left = total - i + 1
            parts.append(f"*{left} more brief(s) left out to stay under {max_bytes:,} bytes.*\n")
            break
        parts.append(text)
        size += cost
    return "\n---\n\n".join(parts)
