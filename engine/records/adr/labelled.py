"""Options written as labelled paragraphs (``**Option 1:** text``, ``**1. Title**``) or as
the rows of a table (the option column, and a chosen column that marks the choice)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..document import Block, Code, Document, ListBlock, ListItem, Paragraph, Row, Table
from .content import Opt, clean_title, fill, marked_by
from .sections import in_consequences, pc_kind

# "Option 1", "Alternative B", also after a marker that says it was chosen ("[SELECTED] Option 1")
OPTION_PARA = re.compile(
    r"^(?:[\[(](?:chosen|selected|preferred|recommended|accepted)[\])]\s*|[✔✅✓☑]\ufe0f?\s*)?"
    r"(?:option|alternative|approach|solution)\s*#?\s*\w{1,3}\b",
    re.I,
)
_OPTION_COLS = ("option", "options", "alternative", "alternatives", "name", "approach", "solution")


def from_paragraphs(blocks: tuple[Block, ...]) -> list[Opt]:
    """``**Option 1:** text`` paragraphs (and list items), each followed by its content."""
    out: list[Opt] = []
    current: Opt | None = None
    bodies: list[list[Block]] = []  # the blocks after each option's label: its content
    numbered = [b for b in blocks if isinstance(b, Paragraph) and numbered_label(b)]
    parens = paren_numbered(blocks)
    for block in blocks:
        if isinstance(block, Paragraph) and block in parens:
            # "(1) Keep the rules in each charm. Nothing moves, but ...": its first sentence
            label, rest = _PAREN.split(block.text, maxsplit=1)[1:]
            lead = _CLAUSE_END.split(rest, maxsplit=1)[0]
            current = Opt(clean_title(lead)[0], block.line, label.lower(), [block.text])
            current.describe(rest, block.line)
            out.append(current)
            bodies.append([])
        elif isinstance(block, Paragraph) and len(numbered) >= 2 and block in numbered:
            # "**1. Service mesh upgrade** (ticket)": the bold text is the title
            title, label, marked = clean_title(block.label or "")
            current = Opt(title, block.line, label, [block.text, block.label or ""])
            current.marked = marked
            current.marked_line = block.line if marked else 0
            if block.rest.strip(" -–—:"):
                current.describe(block.rest.strip(" -–—:"), block.line)
            out.append(current)
            bodies.append([])
        elif isinstance(block, Paragraph) and block.label and OPTION_PARA.match(block.label):
            title, label, marked = clean_title(f"{block.label}: {block.rest}".strip(": "))
            lead = title
            desc = None
            first = block.lines[0] if len(block.lines) > 1 else ""
            head = first[len(block.label) :].strip(" :-–—") if first.startswith(block.label) else ""
            if head:  # "**Option 1:** Redis" then its description on the next lines
                lead, _, marked_head = clean_title(f"{block.label}: {head}")
                desc, marked = block.rest, marked or marked_head
            elif block.rest and ". " in block.rest.rstrip(". "):
                lead, desc = block.rest.split(". ", 1)[0], block.rest
                lead = clean_title(f"{block.label}: {lead}")[0]
            current = Opt(lead, block.line, label, [block.text, block.label])
            current.marked = marked or marked_by(block.marks[1:])
            current.marked_line = block.line if current.marked else 0
            if desc:
                current.describe(desc, block.line)
            out.append(current)
            bodies.append([])
        elif current is not None:
            bodies[-1].append(block)
    _titled_by_bodies(out, bodies)
    for opt, body in zip(out, bodies, strict=True):
        fill(opt, tuple(body))  # read whole: "Pros:" labels the list after it
    return out


# Where an option's title ends in the sentence that sets it out: at the end of the sentence,
# a colon or a dash; for a "(1) ..." paragraph at a semicolon too ("(1) Keep X; it ...")
_SENTENCE_END = re.compile(r"(?<=[^\s.])[.:]\s|\s[-–—]\s")
_CLAUSE_END = re.compile(r"(?<=[^\s.])[.:;]\s|\s[-–—]\s")


# "Alternative 1", "Option B": a label and nothing else
_BARE = re.compile(r"^(?:option|alternative|approach|solution)\s*#?\s*\w{1,3}$", re.I)
MAX_BODY_TITLE_WORDS = 16


def _titled_by_bodies(opts: list[Opt], bodies: list[list[Block]]) -> None:
    """``__Alternative 1:__`` alone on its line, then a paragraph: the option is titled by
    that paragraph's first sentence ("Keep v1beta1 types as the hub type"), when every
    such option gets a title of its own (else the labels stay)."""
    titled: list[tuple[Opt, str, Paragraph]] = []
    for opt, body in zip(opts, bodies, strict=True):
        if not _BARE.match(opt.title) or not body or not isinstance(body[0], Paragraph):
            continue
        first = _SENTENCE_END.split(body[0].text, maxsplit=1)[0]
        title = clean_title(first)[0]
        if not title or len(title.split()) > MAX_BODY_TITLE_WORDS:
            return
        titled.append((opt, title, body[0]))
    if len({t.lower() for _, t, _ in titled}) < len(titled):
        return
    for opt, title, para in titled:
        opt.aliases.append(opt.title)
        opt.title = title
        opt.describe(para.text, para.line)


# "(1) ", "(a) ", "[2] " opening a paragraph (a list in all but its markup)
_PAREN = re.compile(r"^[(\[]([1-9]|[a-hA-H])[)\]]\s+(?=\S)")
_FIRSTS = ("1", "a")


def paren_numbered(blocks: tuple[Block, ...] | list[Block]) -> list[Paragraph]:
    """Two or more paragraphs opened by "(1)", "(2)" (or "(a)", "(b)"), in order from the
    first: the options of a section written without list markup. Otherwise none."""
    found = [b for b in blocks if isinstance(b, Paragraph) and _PAREN.match(b.text)]
    labels = [m.group(1).lower() for b in found if (m := _PAREN.match(b.text))]
    if len(found) < 2 or labels[0] not in _FIRSTS:
        return []
    steps = [ord(b) - ord(a) for a, b in pairwise(labels)]
    return found if all(step == 1 for step in steps) else []


def numbered_label(block: Paragraph) -> bool:
    """A paragraph led by a bold numbered title (``**2. Use a mesh**``)."""
    label = block.label or ""
    return bool(re.match(r"^\d{1,2}[.):]\s+\S", label)) and block.text.startswith(label)


def from_table(table: Table) -> list[Opt]:
    head = [h.strip().lower() for h in table.header.cells]
    col = next((i for i, h in enumerate(head) if h in _OPTION_COLS), 0)
    mark_col = next(
        (i for i, h in enumerate(head) if h in ("chosen", "selected", "preferred", "decision")),
        None,
    )
    # "| Option | Pros | Cons |": columns that give each option's points
    kinds = {i: k for i, h in enumerate(head) if i != col and (k := pc_kind(h)) is not None}
    all_bold = all(_bold(r, col) for r in table.rows)  # then bold sets no row apart
    out = []
    for row in table.rows:
        if col >= len(row.cells) or not row.cells[col].strip():
            continue
        title, label, marked = clean_title(row.cells[col])
        skip = (col, mark_col, *kinds)
        rest = "; ".join(c for i, c in enumerate(row.cells) if i not in skip and c)
        opt = Opt(title, row.line, label, [row.cells[col]])
        if rest:
            opt.describe(rest, row.line)
        for i, kind in kinds.items():
            for point in _cell_points(row.lines[i] if i < len(row.lines) else ()):
                opt.add(kind, row.line, point)
        bold = _bold(row, col) and not all_bold
        flag = row.cells[mark_col] if mark_col is not None and mark_col < len(row.cells) else ""
        opt.marked = marked or bold or _flagged(flag)
        opt.marked_line = row.line if opt.marked else 0
        out.append(opt)
    return out


def _bold(row: Row, col: int) -> bool:
    """The option's cell is all in bold (the one row set apart from the others)."""
    marks = row.marks[col] if col < len(row.marks) else ()
    return bool(marks) and set(marks) >= {row.cells[col]}


# A chosen column's cell that says yes ("✅ Selected", "x", "chosen"), not "❌ Not selected".
_YES = re.compile(r"^(?:yes|y|x|true)$|[✔✓✅☑]|\b(?:chosen|selected|accepted|preferred)\b", re.I)
_NO = re.compile(r"[❌✗✘]|\b(?:not|no|rejected|declined)\b", re.I)


def _flagged(cell: str) -> bool:
    cell = cell.strip()
    return bool(_YES.search(cell)) and not _NO.search(cell)


# "•" bullets written inline in one line of a cell
_CELL_SPLIT = re.compile(r"\s*(?:^|\s)[•·]\s\s*")


def _cell_points(lines: tuple[str, ...]) -> list[str]:
    """The points of a pros or cons cell, one per line ("<br>" in Markdown, a paragraph in
    Word) or inline bullet; none for an empty or "n/a" cell."""
    parts = [p.strip(" ;,").removeprefix("- ") for ln in lines for p in _CELL_SPLIT.split(ln)]
    return [p for p in parts if p and p.lower() not in ("-", "n/a", "na", "none", "—", "–")]


def numbered_run(blocks: tuple[Block, ...] | list[Block], start: int) -> ListBlock | None:
    """An ordered list at ``blocks[start]`` that goes on after code blocks or paragraphs
    (``1.``, a code block, ``2.``: the list restarts at 2): one list of every item, each
    keeping the blocks written between it and the next, and the bullets written between
    as its nested items (indented too little to nest); None when nothing goes on."""
    first = blocks[start]
    if not isinstance(first, ListBlock) or not first.ordered or first.items[0].number != 1:
        return None
    items = list(first.items)
    between: list[Block] = []
    subs: list[ListItem] = []  # "1. X" / " - detail" (one space in) / "2. Y": X's details
    for block in blocks[start + 1 :]:
        if isinstance(block, ListBlock) and not block.ordered:
            subs.extend(block.items)
            continue
        if not isinstance(block, ListBlock):
            between.append(block)
            continue
        want = (items[-1].number or 0) + 1
        if block.items[0].number != want:
            break
        last = items[-1]
        items[-1] = replace(last, children=(*last.children, *subs), more=(*last.more, *between))
        items.extend(block.items)
        between, subs = [], []
    if len(items) == len(first.items):
        return None
    return ListBlock(first.line, tuple(items), True, first.marker)


def bullet_run(blocks: tuple[Block, ...] | list[Block], start: int) -> ListBlock | None:
    """A bullet list at ``blocks[start]`` that goes on after code blocks (``* Use regular
    expressions:``, a code block, ``* a loop would be needed:``, a code block): one list of
    every item, each keeping the code written after it; a list with another marker after the
    code is no item of the run. None when nothing goes on."""
    first = blocks[start]
    if not isinstance(first, ListBlock) or first.ordered:
        return None
    items = list(first.items)
    between: list[Block] = []
    for block in blocks[start + 1 :]:
        if isinstance(block, Code):
            between.append(block)
            continue
        if not (isinstance(block, ListBlock) and block.marker == first.marker and between):
            break  # "  - Not implemented as ..." after the code: the item's reason, not one
        last = items[-1]
        items[-1] = replace(last, more=(*last.more, *between))
        items.extend(block.items)
        between = []
    if len(items) == len(first.items):
        return None
    return ListBlock(first.line, tuple(items), False, first.marker)


def compared_in_table(doc: Document) -> list[Opt]:
    """Outside an options section: a table with both a pros and a cons column ("| Library |
    Pros | Cons |" under "### Combos"), two rows or more, compares alternatives; its rows are
    the options. Not in the consequences, where such columns weigh the decision's outcomes."""
    barred = in_consequences(doc)
    for sec in [doc.root, *doc.sections()]:
        if id(sec) in barred:
            continue
        for table in sec.tables():
            kinds = {pc_kind(h.strip().lower()) for h in table.header.cells[1:]}
            if {"pros", "cons"} <= kinds and len(table.rows) >= 2:
                return from_table(table)
    return []
