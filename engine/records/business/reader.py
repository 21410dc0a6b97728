"""A business-case document (Markdown or Word, on the document model) to one record.

See docs/formats.md, "Business cases". Fields read by a heuristic rather than stated are
listed in the raw record's ``x_uncertain`` (dotted model paths), so no finding above low
rests on a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from ...packdata import lexicon
from ...types import InputError, Loc, SourceRecord
from ..document import Document, Section, Table, block_texts, key_values
from ..validate import to_record
from . import assemble, framing, parts
from .columns import map_columns
from .matrix import option_columns, read_matrix
from .money import document_currency
from .options import (
    Draft,
    chosen_from_text,
    figures,
    from_heading,
    from_list_item,
    from_table,
    is_matrix,
    is_option_heading,
    marker_says,
    options_table,
    split_head,
)
from .tables import Cells, Item, amount_columns, benefit_items, cost_items, list_line
from .vocab import Vocabulary, reduce, vocabulary

CASE_ROLES = ("benefits", "costs")
# Headings only MADR ADRs use.
ADR_SECTIONS = frozenset(
    {"decision outcome", "considered options", "pros and cons of the options", "decision drivers"}
)
FORMAT = "business-case"


def is_business_case(doc: Document, vocab: Vocabulary | None = None) -> bool:
    """Named a business case (board paper, investment committee paper...) in a heading or
    its metadata, or carrying a benefit or cost table beside its options."""
    vocab = vocab or vocabulary()
    sections = doc.sections()
    if any(vocab.is_document(s.title) for s in sections):
        return True
    if any(vocab.is_document(m.key) or vocab.is_document(m.value) for m in doc.metadata):
        return True
    if any(s.key in ADR_SECTIONS for s in sections):
        return False  # a MADR ADR that happens to hold a cost table stays an ADR
    roles = {vocab.section_role(s.title) for s in sections}
    has_options = "options" in roles or any(is_option_heading(s.title) for s in sections)
    has_case = any(
        vocab.section_role(s.title) in CASE_ROLES
        and any(amount_columns(Cells.of(t, vocab)) for t in s.tables())
        for s in sections
    )
    return has_options and has_case


class _Reader:
    def __init__(self, path: str, doc: Document, vocab: Vocabulary) -> None:
        self.path, self.doc, self.vocab = path, doc, vocab
        self.drafts: list[Draft] = []
        self.errors: list[tuple[int, str]] = []
        self.uncertain: set[str] = set()
        self.option_sections: set[int] = set()  # id() of sections that belong to an option
        self.unowned: list[tuple[str, Item]] = []  # case items no option claims
        self.roles: dict[int, str | None] = {}
        self.parents: dict[int, Section] = {}
        self._assign_roles(doc.root, None)

    # -- structure -----------------------------------------------------------------------
    def _assign_roles(self, root: Section, inherited: str | None) -> None:
        """Each section's role (its own, else its nearest ancestor's) and its parent."""
        stack = [(root, inherited)]
        while stack:
            sec, above = stack.pop()
            own = self.vocab.section_role(sec.title) if sec.title else None
            role = own or above
            self.roles[id(sec)] = role
            for child in sec.children:
                self.parents[id(child)] = sec
                stack.append((child, role))

    def role(self, sec: Section) -> str | None:
        return self.roles.get(id(sec))

    # -- options -------------------------------------------------------------------------
    def read_options(self) -> None:
        """Options from headings, then options tables, then (when neither gave any) lists
        of an options section, then the columns of a comparison table."""
        for sec in self.doc.sections():
            if id(sec) not in self.option_sections and (
                is_option_heading(sec.title) or self._listed_under_options(sec)
            ):
                self._heading_option(sec)
        for sec in self.doc.root.walk():
            if id(sec) not in self.option_sections:
                for table in sec.tables():
                    if self._is_options_table(table, sec):
                        self._table_options(table)
        if not self.drafts:
            for sec in self.doc.sections():
                if self.vocab.section_role(sec.title) == "options":
                    self._list_options(sec)
        if not self.drafts:
            self._matrix_options()

    def _is_options_table(self, table: Table, sec: Section) -> bool:
        role = self.role(sec)
        return options_table(table, self.vocab, role) or (
            role == "options" and self._first_is_option(table)
        )

    def _matrix_options(self) -> None:
        """Options named only by the columns of a comparison table."""
        for sec in self.doc.root.walk():
            for table in sec.tables():
                if not is_matrix(table):
                    continue
                for cell in table.header.cells[1:]:
                    if is_option_heading(cell) and self.find(*_title_label(cell)) is None:
                        label, title, _ = split_head(cell)
                        self.drafts.append(Draft(title, table.line, label))

    def _list_options(self, sec: Section) -> None:
        """Options as list items; when exactly one item is bold, it is the preferred one
        (a guess, listed in ``x_uncertain``)."""
        bold: list[Draft] = []
        first = len(self.drafts)
        for item in sec.items():
            draft = from_list_item(item.text, item.label, item.rest, item.line, self.vocab)
            if draft is None:
                continue
            self.drafts.append(draft)
            if item.label is not None:
                bold.append(draft)
        if len(bold) == 1 and len(self.drafts) - first > 1:
            bold[0].mark(True, bold[0].line, guess=True)

    def _first_is_option(self, table: Table) -> bool:
        if is_matrix(table):
            return False
        cols = map_columns(table.header.cells, [r.cells for r in table.rows], self.vocab)
        return not ({"low", "high", "basis", "challenged"} & set(cols))

    def _listed_under_options(self, sec: Section) -> bool:
        """A role-less sub-heading of an options section (``### Do minimum``)."""
        parent = self._parent(sec)
        if parent is None or self.vocab.section_role(parent.title) != "options":
            return False
        if self.vocab.section_role(sec.title) is not None:
            return False
        words = reduce(sec.title)
        return words not in self.vocab.pros and words not in self.vocab.cons

    def _parent(self, target: Section) -> Section | None:
        return self.parents.get(id(target))

    def _heading_option(self, sec: Section) -> None:
        draft = from_heading(sec, self.vocab)
        for inner in sec.walk():
            self.option_sections.add(id(inner))
        paras = []
        for para in sec.paragraphs():
            said = marker_says(para.text, self.vocab) if len(para.text.split()) <= 8 else None
            if said is not None:  # "This is the preferred option.", "Not recommended."
                draft.mark(said, para.line)
            elif para.label is None and not para.text.endswith(":"):
                paras.append(para)
        if paras:
            draft.set("description", paras[0].text, paras[0].line)
        for meta in key_values(sec.blocks):
            key = reduce(meta.key)
            if key in ("kind", "type", "option type", "category") and (
                kind := self.vocab.kind_of(meta.value)
            ):
                draft.set("kind", kind, meta.line)
            elif key in ("status", "recommendation", "preferred", "decision", "outcome"):
                said = marker_says(meta.value, self.vocab)
                if said is not None:
                    draft.mark(said, meta.line)
            elif key in ("why not", "reason for rejection", "rejected because", "reason"):
                draft.set("rejected_reason", meta.value, meta.line)
            else:
                figures(draft, meta.key, meta.value, meta.line, self.vocab)
        self._pros_cons(draft, sec)
        for inner in sec.walk():
            for table in inner.tables():
                self._case_table(table, inner, draft)
            if inner is not sec:
                self._case_list(inner, draft)
        self.drafts.append(draft)

    def _pros_cons(self, draft: Draft, sec: Section) -> None:
        for key, phrases in (("pros", self.vocab.pros), ("cons", self.vocab.cons)):
            found: list[tuple[str, int]] = []
            for child in sec.children:
                if reduce(child.title) in phrases:
                    found += [(it.text, it.line) for it in child.items(deep=True)]
            for item in sec.items():
                if item.label and reduce(item.label) in phrases:
                    found += [(c.text, c.line) for c in item.children]
                    if item.rest:
                        found.append((item.rest, item.line))
            if found:
                draft.set(key, [t for t, _ in found], found[0][1])
                for j, (_, line) in enumerate(found):
                    draft.lines[(key, j)] = line

    def _table_options(self, table: Table) -> None:
        drafts, errors = from_table(table, self.vocab)
        self.errors += errors
        for new in drafts:
            old = self.find(new.title, new.label)
            if old is None:
                self.drafts.append(new)
                continue
            for key, value in new.data.items():  # a summary table beside option headings
                old.set(key, value, new.lines.get((key,), new.line))
            if new.chosen is not None:
                old.mark(new.chosen, new.chosen_line or new.line)
            for key, value in new.case.items():
                old.case.setdefault(key, value)
            for what, items in new.summary.items():
                old.summary.setdefault(what, items)

    def find(self, title: str, label: str | None = None) -> Draft | None:
        if label:
            for d in self.drafts:
                if d.label == label:
                    return d
        want = reduce(title)
        for d in self.drafts:
            if reduce(d.title) == want:
                return d
        return None

    # -- case tables ---------------------------------------------------------------------
    def read_case_tables(self) -> None:
        for sec in self.doc.root.walk():
            if id(sec) in self.option_sections:
                continue
            for table in sec.tables():
                if columns := option_columns(table, self.find):
                    self.errors += read_matrix(table, columns, self.vocab)
                elif not options_table(table, self.vocab, self.role(sec)):
                    self._case_table(table, sec, None)
            self._case_list(sec, None)

    def _case_table(self, table: Table, sec: Section, draft: Draft | None) -> None:
        role = self.role(sec)
        cells = Cells.of(table, self.vocab)
        first = reduce(table.header.cells[0]) if table.header.cells else ""
        if role not in CASE_ROLES:
            if re.match(r"^(?:benefits?|savings?)\b", first):
                role = "benefits"
            elif re.match(r"^(?:costs?|cost item|costs? line)\b", first):
                role = "costs"
            else:
                return
        if not amount_columns(cells):
            return
        items = benefit_items(cells, self.vocab) if role == "benefits" else cost_items(cells)
        self.errors += [(e.line, e.message) for e in cells.errors]
        for item in items:
            owner = draft or self._named_option(item.option) or self._named_in(sec)
            if owner is not None:
                owner.case.setdefault(f"_{role}", []).append(item)
            else:
                self.unowned.append((role, item))

    def _case_list(self, sec: Section, draft: Draft | None) -> None:
        """Benefits or costs written as list items with a figure (``- Savings of £1.2m a
        year from closing the Leeds site (based on 2025 lease costs)``)."""
        role = self.vocab.section_role(sec.title)
        if role not in CASE_ROLES or sec.tables():
            return
        for item in sec.items():
            line = list_line(item.text, item.label)
            if line is None:
                continue
            owner = draft or self._named_in(sec)
            found = Item(line, item.line)
            if owner is not None:
                owner.case.setdefault(f"_{role}", []).append(found)
            else:
                self.unowned.append((role, found))

    def _named_option(self, name: str | None) -> Draft | None:
        if not name:
            return None
        token = name.strip().rstrip(".)").lower()
        if re.fullmatch(r"[a-z]|\d{1,2}[a-z]?", token) and (found := self.find("", token)):
            return found
        label, title, _ = split_head(name)
        return self.find(title, label)

    def _named_in(self, sec: Section) -> Draft | None:
        """A case section whose heading names an option (``Option 3: benefits``)."""
        head = sec.title.rpartition(":")[0]
        if not head:
            return None
        label, title, _ = split_head(head)
        return self.find(title, label)

    # -- the choice ----------------------------------------------------------------------
    def read_choice(self, found: parts.Found) -> Section | None:
        """Marks the option a decision or recommendation section (or a ``Decision sought:``
        line) names; returns the section (its text is the rationale)."""
        said = found.values.get("recommendation")
        if said and not any(d.chosen for d in self.drafts):
            index = chosen_from_text(str(said), self.drafts, self.vocab)
            if index is not None:
                self.drafts[index].mark(True, found.lines["recommendation"])
        decision = None
        for sec in self.doc.sections():
            if (
                self.vocab.section_role(sec.title) == "decision"
                and id(sec) not in self.option_sections
            ):
                decision = decision or sec
                if any(d.chosen for d in self.drafts):
                    continue
                index = chosen_from_text(sec.text(), self.drafts, self.vocab)
                if index is not None:
                    self.drafts[index].mark(True, sec.line)
        return decision

    def case_option(self) -> int | None:
        """The option that doc-wide case tables and figures belong to: the chosen one, else
        the only one, else (a guess) the first that is not the baseline."""
        chosen = [i for i, d in enumerate(self.drafts) if d.chosen]
        if len(chosen) == 1:
            return chosen[0]
        if len(self.drafts) == 1:
            return 0
        if not self.drafts:
            return None
        lex = lexicon()
        for i, d in enumerate(self.drafts):
            kind = d.data.get("kind") or lex.infer_kind(d.title, d.data.get("description"))
            if kind != "do-nothing":
                self.uncertain.add(f"options[{i}].business_case")
                return i
        return None

    # -- the record ----------------------------------------------------------------------
    def build(self) -> list[SourceRecord | InputError]:
        self.read_options()
        self.read_case_tables()
        sections = [s for s in self.doc.root.walk() if id(s) not in self.option_sections]
        found = parts.metadata([*self.doc.metadata, *parts.section_meta(sections)], self.vocab)
        decision = self.read_choice(found)
        data: dict[str, Any] = {}
        lines: dict[Loc, int] = {}
        title_sec = self.doc.title_section
        title = (title_sec.title if title_sec else "") or str(found.values.get("title") or "")
        title = framing.plain_title(title, self.vocab)
        if self.vocab.is_document(title) and found.values.get("title"):
            title = str(found.values["title"])  # "DECISION PAPER" with a "Project:" line
        top = title_sec.line if title_sec else 1
        lines[()] = top
        data["title"] = title or PurePosixPath(self.path).stem
        lines[("title",)] = top
        rid = found.values.get("id")
        data["id"] = str(rid) if rid else framing.id_from(self.path, data["title"])
        lines[("id",)] = found.lines.get("id", top)
        for key in ("date", "date_text", "status", "status_text", "project_type", "origin",
                    "decision_makers", "proposed_by"):  # fmt: skip
            if key in found.values:
                data[key] = found.values[key]
                lines[(key,)] = found.lines[key]
        if "status" not in data and "recommendation" in found.values:
            data["status"] = "proposed"  # "Decision sought: approve Option 2"
            lines[("status",)] = found.lines["recommendation"]
            self.uncertain.add("status")
        if "decision_makers" not in data and "status_deciders" in found.values:
            data["decision_makers"] = found.values["status_deciders"]
            lines[("decision_makers",)] = found.lines["status_deciders"]
        currency = found.values.get("currency") or document_currency(_texts(self.doc))
        if isinstance(currency, str) and currency.strip():
            data["currency"] = currency.strip().upper()
            lines[("currency",)] = found.lines.get("currency", top)
        framing.context(data, lines, sections, decision, self.vocab)
        framing.challenge_and_review(data, lines, sections, found, self.vocab)
        if not self.drafts and self.unowned:
            self._single_option(data, found)
        case_at = self.case_option()
        for role, item in self.unowned:
            if case_at is not None:
                self.drafts[case_at].case.setdefault(f"_{role}", []).append(item)
        if case_at is not None:
            self._case_wide(self.drafts[case_at], sections, found)
        options = [self._option(i, d, data, lines) for i, d in enumerate(self.drafts)]
        if options:
            data["options"] = options
            lines[("options",)] = lines[("options", 0)]
        if self.uncertain:
            data["x_uncertain"] = sorted(self.uncertain)
        out: list[SourceRecord | InputError] = [
            to_record(data, lines, file=self.path, fmt=FORMAT, line=top)
        ]
        out += [InputError(self.path, line, msg) for line, msg in sorted(set(self.errors))]
        return out

    def _single_option(self, data: dict[str, Any], found: parts.Found) -> None:
        """A paper that proposes one thing and lists no options: the proposal is its one
        option, chosen unless the paper was rejected or withdrawn."""
        draft = Draft(data["title"], 1)
        draft.mark(data.get("status") not in ("rejected", "withdrawn"), 1, guess=True)
        self.drafts.append(draft)
        self.uncertain.add("options")

    def _case_wide(self, draft: Draft, sections: list[Section], found: parts.Found) -> None:
        self.errors += assemble.case_wide(draft, sections, found, self.vocab)

    def _option(
        self, index: int, draft: Draft, data: dict[str, Any], lines: dict[Loc, int]
    ) -> dict[str, Any]:
        return assemble.option_record(index, draft, data, lines, self.uncertain)


def _texts(doc: Document) -> Iterator[str]:
    """Every heading, paragraph, list item and table row of a document, as plain text."""
    for sec in doc.root.walk():
        yield sec.title
        for block in sec.blocks:
            yield from block_texts(block)


def _title_label(cell: str) -> tuple[str, str | None]:
    label, title, _ = split_head(cell)
    return title, label


def read_business_case(path: str, doc: Document) -> list[SourceRecord | InputError]:
    """The record of one business-case document, then an input error per unreadable
    figure (the record is still audited, without that figure)."""
    return _Reader(path, doc, vocabulary()).build()
