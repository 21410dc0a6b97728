"""Y-statements: a decision written as one statement that names what it chose and neglected.

Zdun et al. ("Sustainable Architectural Design Decisions", 2013) write a decision as "In the
context of <use case>, facing <concern>, we decided for <option> and neglected <other
options>, to achieve <quality>, accepting <downside>." Writers vary it: "we decided for X
and against Y", "we decided to use X and neglected Y and Z", "and not for Y", the parts on
separate lines or bullets ("In the context of ...", "facing ...", "we decided for ...").

The decided option is chosen, each neglected one is an option not taken (a list "A, B and
C" is split), "to achieve ..." is the chosen option's pro and "accepting ..." its con. The
use case and concern give the context of a record that has none. The statement is looked
for in the decision (or the design or rationale), else anywhere in the body but the
consequences. It counts when it names something neglected, or when it opens with its
context ("In the context of ..." or "facing ..."): "we decided for a default of 7 days" alone
is a sentence like any other. Every option read here is uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, ListBlock, Paragraph, Section
from . import sections as roles
from .choice import find
from .content import Opt
from .names import acceptable, trim
from .twoway import decision_parts

CHOSEN_BY = "the decided option of a Y-statement"
_SEP = r"[,;:]?\s+"
_CLAUSE = r"[^\n]+?"
_DECIDED = (
    r"\b(?:we|the\s+team|our\s+team)\s+(?:have\s+|had\s+)?(?:decided\s+(?:for|on|"
    r"to\s+(?:use|adopt|go\s+with|introduce|build|keep)|in\s+favou?r\s+of)|"
    r"chose|opted\s+for|went\s+for|went\s+with)\s+"
)
_NEGLECTED = (
    r"(?:,\s*|\s+)(?:and\s+(?:have\s+)?(?:neglected|against|not\s+for)|neglecting|and\s+neglect)\s+"
)
_STATEMENT = re.compile(
    rf"(?:\bin\s+the\s+context\s+of\s+(?P<ctx>{_CLAUSE}){_SEP})?"
    rf"(?:\bfacing\s+(?P<concern>{_CLAUSE}){_SEP})?"
    rf"{_DECIDED}(?P<chosen>{_CLAUSE})"
    rf"(?:{_NEGLECTED}(?P<neg>{_CLAUSE}))?"
    rf"(?:{_SEP}(?:(?:in\s+order\s+|so\s+as\s+)?to\s+achieve|achieving)\s+(?P<achieve>{_CLAUSE}))?"
    rf"(?:{_SEP}(?:while\s+|and\s+)?accepting\s+(?:that\s+)?(?P<accept>{_CLAUSE}))?"
    r"(?=\s*[.;!]?\s*(?:\n|$)|[.;!]\s)",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+|nor\s+)?|\s+(?:and|or|nor)\s+", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"[<>{}\[\]]|\.\.\.|…")
# A part left empty (a template's "<option>" is dropped as HTML): the next keyword follows.
_KEYWORD = re.compile(
    r"^(?:and|or|neglect\w*|against|accepting|facing|to\s+achieve|achieving|in\s+the\s+context)\b",
    re.IGNORECASE,
)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclass(frozen=True)
class YStatement:
    """What one Y-statement says, each part with its source line (0 when not given)."""

    chosen: str
    chosen_line: int
    neglected: tuple[tuple[str, int], ...]
    achieve: str
    achieve_line: int
    accept: str
    accept_line: int
    context: str
    context_line: int
    text: str
    line: int


@dataclass(frozen=True)
class _Text:
    """A section's prose as one string (a paragraph's lines joined by spaces, blocks by new
    lines) and the offset where each source line starts."""

    text: str
    starts: tuple[tuple[int, int], ...]  # (offset, line)

    def line_at(self, offset: int) -> int:
        line = self.starts[0][1] if self.starts else 0
        for start, number in self.starts:
            if start > offset:
                break
            line = number
        return line


def _pieces(sec: Section) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each paragraph and list item of the section's own blocks: its line and its lines."""
    for block in sec.blocks:
        if isinstance(block, Paragraph):
            yield block.line, block.lines or (block.text,)
        elif isinstance(block, ListBlock):
            for top in block.items:
                for item in top.walk():
                    yield item.line, item.lines or (item.text,)


def _joined(sec: Section) -> _Text:
    text = ""
    starts: list[tuple[int, int]] = []
    for line, lines in _pieces(sec):
        first = True
        for i, raw in enumerate(lines):
            for bit in _BREAK.split(raw):  # "In the context of X<br>facing Y"
                bit = " ".join(bit.replace("**", "").replace("__", "").split())
                if not bit:
                    continue
                text += "" if not text else ("\n" if first else " ")
                starts.append((len(text), line + i))
                text += bit
                first = False
    return _Text(text, tuple(starts))


def _name(phrase: str) -> str:
    if _PLACEHOLDER.search(phrase) or _KEYWORD.match(phrase.strip()):
        return ""
    name = trim(phrase)
    return name if acceptable(name) else ""


def _clause(text: str | None) -> str:
    clause = " ".join((text or "").split()).strip(" ,;:.")
    return clause if re.search(r"\w", clause) and not _KEYWORD.match(clause) else ""


def _read(found: _Text) -> YStatement | None:
    for m in _STATEMENT.finditer(found.text):
        chosen = _name(m.group("chosen"))
        opening = bool(_clause(m.group("ctx")) or _clause(m.group("concern")))
        if not chosen or not (m.group("neg") or opening):
            continue
        neglected: list[tuple[str, int]] = []
        if m.group("neg"):
            line = found.line_at(m.start("neg"))
            for part in _SPLIT.split(m.group("neg")):
                name = _name(part)
                taken = {n.lower() for n, _ in neglected} | {chosen.lower()}
                if name and name.lower() not in taken:
                    neglected.append((name, line))
            if not neglected and not opening:
                continue
        context = ""
        if opening:
            ctx, concern = _clause(m.group("ctx")), _clause(m.group("concern"))
            context = ", ".join(
                p
                for p in (ctx and f"In the context of {ctx}", concern and f"facing {concern}")
                if p
            )
        span = m.start()
        return YStatement(
            chosen=chosen,
            chosen_line=found.line_at(m.start("chosen")),
            neglected=tuple(neglected),
            achieve=_clause(m.group("achieve")),
            achieve_line=found.line_at(m.start("achieve")) if m.group("achieve") else 0,
            accept=_clause(m.group("accept")),
            accept_line=found.line_at(m.start("accept")) if m.group("accept") else 0,
            context=context[:1].upper() + context[1:],
            context_line=found.line_at(span) if context else 0,
            text=" ".join(found.text[span : m.end()].split()).strip(" ,;") + ".",
            line=found.line_at(span),
        )
    return None


def _places(doc: Document) -> Iterator[Section]:
    """The decision (or design or rationale) first, then the rest of the body but the
    consequences and the context."""
    parts = decision_parts(doc)
    for sec in parts:
        yield from sec.walk()
    seen = {id(s) for sec in parts for s in sec.walk()}
    skip = {
        id(s) for sec in roles.ordered(doc, lambda k: roles.is_consequences(k)) for s in sec.walk()
    }
    for sec in doc.root.walk():
        if id(sec) not in seen and id(sec) not in skip:
            yield sec


def y_statement(doc: Document) -> YStatement | None:
    """The record's first Y-statement, or None."""
    for sec in _places(doc):
        found = _read(_joined(sec))
        if found is not None:
            return found
    return None


def parse(text: str, line: int = 1) -> YStatement | None:
    """The Y-statement in ``text`` (its lines on ``line``, ``line + 1``...), or None."""
    body = Section(0, "", 1, (Paragraph(text, text, line=line, lines=tuple(text.split("\n"))),))
    return _read(_joined(body))


def options_of(found: YStatement) -> list[Opt]:
    """The decided option (chosen, with its quality as a pro and its downside as a con) and
    each neglected one (not taken, the statement its reason). All uncertain."""
    chosen = Opt(found.chosen, found.chosen_line, None, [found.chosen], uncertain=True)
    chosen.marked, chosen.marked_line = True, found.chosen_line
    chosen.chosen_by = CHOSEN_BY
    chosen.describe(found.text, found.line)
    if found.achieve:
        chosen.add("pros", found.achieve_line, found.achieve)
    if found.accept:
        chosen.add("cons", found.accept_line, found.accept)
    out = [chosen]
    for name, line in found.neglected:
        opt = Opt(name, line, None, [name], uncertain=True)
        opt.rejected, opt.reason, opt.reason_line = True, found.text, found.line
        opt.describe(found.text, found.line)
        out.append(opt)
    return out


def decided(found: YStatement, opts: list[Opt]) -> int | None:
    """The listed option a Y-statement decides for, when no neglected one is the same."""
    index = find(found.chosen, opts)
    if index is None or any(find(name, opts) == index for name, _ in found.neglected):
        return None
    return index


def in_y_statement(doc: Document) -> list[Opt]:
    """The options of the record's Y-statement (none without one)."""
    found = y_statement(doc)
    return options_of(found) if found is not None else []
