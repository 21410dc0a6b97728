"""The approver's brief as values: what the renderers (Markdown, HTML) show.

Every text here is already worded for the reader; the renderers only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_QUESTIONS = 7


@dataclass(frozen=True)
class Note:
    """A footnote: the rule behind an item, the record line it points at, and its source."""

    rule_id: str
    rule_title: str
    file: str
    line: int
    source: str


@dataclass(frozen=True)
class Quote:
    """A statement quoted from the record, with its source line (0 when unknown)."""

    text: str
    line: int = 0


@dataclass(frozen=True)
class Item:
    """One thing to ask for, challenge or ask: a bold lead, its text, quotes, footnotes."""

    lead: str
    text: str
    notes: tuple[int, ...] = ()  # 1-based indexes into Brief.notes
    quotes: tuple[Quote, ...] = ()
    quotes_left_out: int = 0  # quotes not shown, to keep the page short


@dataclass(frozen=True)
class Row:
    """A row of the benefit-realism table: a basis, its share of the projection, the amount."""

    label: str
    share: str  # "41%"
    amount: str  # "£1.6m"


@dataclass(frozen=True)
class Realism:
    rows: tuple[Row, ...]
    sentences: tuple[str, ...]  # what the figures mean, and the uplift the case should carry
    notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Set the comparison: the benefits review to write into the approval."""

    sentences: tuple[str, ...]
    rows: tuple[tuple[str, str, str], ...] = ()  # (line, projected, range or contingency)
    notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Brief:
    decision_id: str
    title: str
    file: str
    line: int
    status: str | None
    ready: bool
    verdict: str  # one line
    asks: tuple[Item, ...] = ()
    challenges: tuple[Item, ...] = ()
    realism: Realism | None = None
    comparison: Comparison | None = None
    questions: tuple[Item, ...] = ()
    notes: tuple[Note, ...] = ()
    past: bool = False  # a decision already taken: the brief says what should have been asked
    check_first: Item | None = (
        None  # parts of the record read with uncertainty, and what hangs on them
    )

    @property
    def cited_rules(self) -> frozenset[str]:
        return frozenset(n.rule_id for n in self.notes)
