"""One option as it is being read, and what its text says: title, label, pros, cons, markers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Block, ListBlock, ListItem, Paragraph, Row, Section, Table, heading_key
from .points import announced_kind, argues_against, polarity
from .sections import pc_kind
from .titlesplit import split_title

_NUM = r"\d{1,3}(?:\.?[a-z])?"  # "1", "3a", "1.a"
_NUMBERING = re.compile(
    rf"^\s*(?:\(?({_NUM})[.)]|({_NUM})\s*[-–—:]|\[({_NUM})\]|(\d{{1,3}}\.[a-z]))\s+"
)  # "1. ", "3a) ", "2 - ", "[4] ", "1.a ", "2.a: "
_SECTION_NUMBER = re.compile(
    r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+(?=(?:option|alternative|approach|solution|proposal)\b)",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    r"^(?:option|alternative|approach|solution|choice|variant|選択肢|案)\s*#?\s*"
    r"(\d{1,3}\.[a-z]|\d{1,3}[a-z]?|[a-z])\b"
    r"\s*(?:[.:)\-–—]\s*|\s+(?=\W)|$)",
    re.IGNORECASE,
)
_MARKER = re.compile(
    r"\s*(?:\((?:(?:the\s+)?(?:chosen|selected|preferred|recommended|accepted|favou?red)"
    r"(?:\s+(?:option|alternative|approach|solution))?|decision|winner|our\s+choice)\)|"
    r"\[(?:chosen|selected|preferred|recommended|accepted)(?:\s+option)?\]|[✔✅✓☑]\s*(?:chosen|selected)?|"
    r"[-–—:]\s*(?:chosen|selected|preferred|recommended)\b\.?|"
    # "（採用）", "(採用案)", "（選択）": chosen, as Japanese records mark it
    r"[(（]\s*(?:採用|採用案|選択|選定|決定)\s*[)）]|\s[-–—]\s*(?:採用|採用案|選定)$)\s*",
    re.IGNORECASE,
)
# A chosen marker as the last part of a closing parenthesis: "(mapping.py, chosen)"
_MARKED_LAST = re.compile(
    r",\s*(?:chosen|selected|preferred|recommended)(?:\s+option)?\s*\)\s*$", re.IGNORECASE
)
_BARE_LABEL = re.compile(
    r"^(?:option|alternative|approach|solution|choice|candidate)\s*[:\-–—]\s*", re.IGNORECASE
)
_CHOICE_STARTS = re.compile(
    r"^\W{0,3}(?:(?:the\s+)?(?:chosen|selected|preferred|recommended)\s+"
    r"(?:option|alternative|solution|approach)s?\s*(?:is|was)?|decision|final\s+decision|"
    r"outcome|verdict)\s*[:\-–—]",
    re.IGNORECASE,
)
# A sentence under an option's heading that says this one was taken ("This is what we will
# use from now onwards.", "This is the option we chose.", "We went with this approach.")
_THIS_CHOSEN = re.compile(
    r"(?:^|[.!]\s+)(?:this\s+is\s+(?:what|the\s+(?:one|option|approach|solution)(?:\s+that)?)"
    r"\s+we\s+(?:will\s+(?:use|adopt|go\s+with)|(?:have\s+)?(?:chose|chosen|selected|picked|adopted|"
    r"went\s+with|decided\s+(?:on|to\s+use)))|"
    r"we\s+(?:have\s+)?(?:chose|chosen|selected|picked|adopted|went\s+with|will\s+use)\s+"
    r"this\s+(?:option|approach|solution|one))\b",
    re.IGNORECASE,
)
MARK_WORDS = frozenset({"chosen", "selected", "preferred", "recommended", "winner", "decision"})
_PREFIX = r"^(?:(?:very|really|somewhat|slightly|mostly|quite|also)\s+)?"
_SEP = r"\s*(?:,\s*(?:because|since|weil)\b|:|,|\s[-–—]\s|\s(?=because\b))\s*(.*)$"
# (the German MADR template's "Gut, weil" and "Schlecht, weil" too)
PRO = re.compile(
    _PREFIX + r"(good|gut|pro|pros|positive|advantage|benefit|メリット|利点|\+)" + _SEP, re.I
)
CON = re.compile(
    _PREFIX
    + r"(bad|schlecht|con|cons|contra|contras|negative|disadvantage|drawback|デメリット|欠点|-)"
    + _SEP,
    re.I,
)
NEUTRAL = re.compile(_PREFIX + r"(neutral)" + _SEP, re.I)


@dataclass
class Opt:
    title: str
    line: int
    label: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    desc_line: int = 0
    pros: list[tuple[int, str]] = field(default_factory=list)
    cons: list[tuple[int, str]] = field(default_factory=list)
    neutral: list[tuple[int, str]] = field(default_factory=list)
    group: str | None = None
    group_line: int = 0
    marked: bool = False  # carries a chosen marker
    marked_line: int = 0
    rejected: bool = False
    reason: str | None = None
    reason_line: int = 0
    uncertain: bool = False
    chosen_by: str = ""  # how a reader of prose knew it was chosen (x_chosen_by)
    aside: bool = False  # read outside any options section (a list after "We considered:")

    def add(self, kind: str, line: int, text: str) -> None:
        text = text.strip()
        found = getattr(self, kind)
        if text and (line, text) not in found:  # a part read twice is one point
            found.append((line, text))

    def describe(self, text: str, line: int) -> None:
        text = text.strip()
        if (why := rejection(text)) is not None:  # "Rejected: breaks X", "Discarded - slow"
            self.rejected = True
            if why and not self.reason:
                self.reason, self.reason_line = why, line
            text = why
        if text and not self.description:
            self.description, self.desc_line = text, line


# What is said of an option that starts by turning it down: "Rejected: too slow",
# "**Rejected** because ...", "Rejected for this release: ...", "Not chosen - costly".
_REJECTED_LEAD = re.compile(
    r"^\W{0,3}(?:(?:considered|evaluated|tried|discussed|explored)\s+(?:and|but)\s+)?"
    r"(?:rejected|discarded|dismissed|deferred|ruled\s+out|"
    r"not\s+(?:chosen|selected|pursued|adopted))"
    r"(?:\s+(?:for|in|at|per|by|as)\s+(?:[^:.;()]|\.(?=\S)){1,40}?)?(?:\s*\([^()]{1,40}\))?"
    r"\W{0,3}(?:\s+because\W{0,3}:|\s*(?::|\.(?=\s|$)|[-–—])|"
    r"\s*,?\s+(?=because\b|since\b|as\b|due\b)|\W*$)"
    r"\s*(?P<why>.*)$",
    re.IGNORECASE | re.DOTALL,
)


# A later sentence of an option's text that turns it down ("Reads both tables. Rejected:
# couples the tenant to ...").
_LATER = re.compile(r"(?<=[.;!?])\s+(?=(?:Rejected|Discarded|Deferred|Ruled\s+out|Not\s+chosen)\b)")


def rejection(text: str) -> str | None:
    """The reason given when ``text`` turns its option down, at its start or at the start
    of a later sentence ("" when it gives none), else None."""
    text = text.strip()
    for n, part in enumerate(_LATER.split(text)):
        m = _REJECTED_LEAD.match(part)
        if m is not None and (n == 0 or m.group("why").strip()):
            return m.group("why").strip()
    return None


def option_text(
    text: str, label: str | None, rest: str, source: str = ""
) -> tuple[str, str | None, str | None, bool]:
    """An option written as one line of text -> (title, description, label, marked).
    ``Option 1: Fuse.js - fast`` gives ``Fuse.js``, ``fast``, ``1``."""
    if label is not None and _LABELLED.fullmatch(label.rstrip(":").strip() + " "):
        label = None  # "**Option 1:** Foo": the words after the label are the title
    if label is None:
        cleaned, number, marked = clean_title(text)
        if _LABELLED.match(_NUMBERING.sub("", text.strip(), count=1)):
            # "Option 2: Storage: S3": only the option's own label is taken off
            title, desc = split_title(cleaned, source="`: `")
            return title, desc, number, marked
        title, desc = split_title(cleaned, source=source if cleaned == text else "")
        return title, desc, number, marked
    title, desc = split_title(text, label, rest)
    title, number, marked = clean_title(title)
    return title, desc, number, marked


def item_text(item: ListItem) -> tuple[str, str | None, str | None, bool]:
    """:func:`option_text` of a list item; an item whose short first line names the option
    and whose next line starts a sentence ("1. Manual tagging" / "This gives direct
    control, ...") is titled by that line, the rest its description."""
    head = item.lines[0] if len(item.lines) >= 2 and item.label is None else ""
    head = head.strip().rstrip(" -\u2013\u2014").strip()  # "Nygard's template -" / "The ..."
    after = item.lines[1].strip() if head else ""
    if head and _WRAPPED_TITLE.match(head) and _STARTS_SENTENCE.match(after):
        title, desc, label, marked = option_text(head, None, "", head)
        more = " ".join(line.strip() for line in item.lines[1:])
        return title, (f"{desc} {more}" if desc else more), label, marked
    return option_text(item.text, item.label, item.rest, item.source)


# a first line that reads as a name: short, no sentence end, not cut after a joining word
_WRAPPED_TITLE = re.compile(
    r"^(?!.*[.,;:!?]$)(?!.*\s(?:and|or|of|the|a|an|to|for|with|in|on|by|that|which|but|"
    r"og|eller|av|som|til|med|und|oder|et|ou|de|la|le|y|o)$)\S+(?:\s+\S+){0,11}$",
    re.IGNORECASE,
)
_STARTS_SENTENCE = re.compile(r"^[A-ZÆØÅÄÖÉ][a-zæøåäöé]+\b")


def clean_title(raw: str) -> tuple[str, str | None, bool]:
    """(title, label, marked): numbering ("1. ", "3a) "), "Option 2:" prefixes and chosen
    markers ("(chosen)", "✔") taken off; the label keeps the number or letter."""
    text = raw.strip()
    marked = False
    while m := _MARKER.search(text):
        if m.end() != len(text) and m.start() != 0 and "(" not in m.group(0):
            break
        text = (text[: m.start()] + " " + text[m.end() :]).strip()
        marked = True
    if m := _MARKED_LAST.search(text):  # "B: Typed models (mapping.py, chosen)"
        text = text[: m.start()] + ")"
        marked = True
    label = None
    text = _SECTION_NUMBER.sub("", text)  # "4.1 Approach A: X": the document's numbering
    if m := _NUMBERING.match(text):
        label = m.group(1) or m.group(2) or m.group(3) or m.group(4)
        text = text[m.end() :]
    if m := _LABELLED.match(text):
        label = m.group(1)
        rest = text[m.end() :].strip(" :-–—.")
        text = rest or text.rstrip(" :.")
    if (m := _BARE_LABEL.match(text)) and text[m.end() :].strip():
        text = text[m.end() :]  # "Option: Raw data" -> "Raw data"
    text = text.strip().strip(":").strip()  # "[4] (Favored): X" leaves ": X"
    if text.endswith(".") and not text.endswith(("..", "etc.")):
        text = text[:-1].rstrip().rstrip(":").rstrip()  # "0:." leaves no "0:"
    return text, (label.lower() if label else None), marked


# A trailing marker that turns the option down: "Use the trace context (Dropped)",
# "Polling [rejected]"
_DOWN_MARK = re.compile(
    r"\s*[(\[](?:dropped|rejected|discarded|dismissed|not\s+chosen|not\s+selected|"
    r"ruled\s+out)[)\]]\s*$",
    re.IGNORECASE,
)


def turned_down_mark(title: str) -> tuple[str, bool]:
    """(title without it, True) when a trailing marker turns the option down."""
    m = _DOWN_MARK.search(title)
    if m is None or not title[: m.start()].strip():
        return title, False
    return title[: m.start()].rstrip(), True


def marked_by(item_marks: tuple[str, ...]) -> bool:
    return any(m.strip(" ()[]:").lower() in MARK_WORDS for m in item_marks)


def strip_marks(title: str, marks: tuple[str, ...]) -> str:
    """A title without its emphasised chosen marker (``On first request _Chosen_``)."""
    for mark in marks:
        if mark.strip(" ()[]:").lower() in MARK_WORDS and title.endswith(mark):
            title = title[: -len(mark)].rstrip(" -–—:([").strip()
    return title


# A point led by a sign: "✅ Full control", "❌ Slow", "⚠️ Needs care", and a plus or minus
# written as text ("* `+` Easy to run", "* (-) Slow"; the code marks are gone from the text).
_SIGNS = (
    ("pros", re.compile(r"^\s*(?:✅|✔️?|☑️?|👍|➕|🟢)\s*[:\-–—]?\s*(\S.*)$")),
    ("cons", re.compile(r"^\s*(?:❌|❎|✖️?|✗|✘|👎|➖|⛔|🔴|⚠️?)\s*[:\-–—]?\s*(\S.*)$")),
    ("pros", re.compile(r"^\s*(?:\+|\(\+\)|\[\+\])\s+([A-Za-z`\"'(].*)$")),
    ("cons", re.compile(r"^\s*(?:-|−|\(-\)|\[-\])\s+([A-Za-z`\"'(].*)$")),
)


# "✅ Pros:", "❌ Cons: slow": a sign before a pros or cons label labels what follows it
_SIGNED_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(?P<more>.*)$", re.DOTALL)


def _signed(text: str) -> tuple[str, str] | None:
    for _, sign in _SIGNS:
        m = sign.match(text)
        got = _SIGNED_LABEL.match(m.group(1).strip()) if m else None
        if got and (kind := pc_kind(heading_key(got.group("label")))):
            return kind, got.group("more").strip()
    return None


def signed_label(text: str) -> str | None:
    """The kind a sign and a pros or cons label name (``✅ Pros:`` -> ``pros``), or None
    for a point led by a sign (``✅ Full control``)."""
    got = _signed(text)
    return got[0] if got else None


def prefixed(text: str) -> tuple[str, str] | None:
    """The kind and the text of a point that says its kind (``Good, because x``, ``Con:
    y``, ``✅ z``); a signed label (``✅ Pros:``) gives the label's kind and what follows it,
    empty when nothing does."""
    if (got := _signed(text)) is not None:
        return got
    for kind, sign in _SIGNS:
        if m := sign.match(text):
            return kind, m.group(1).strip()
    for kind, pattern in (("pros", PRO), ("cons", CON), ("neutral", NEUTRAL)):
        m = pattern.match(text)
        if m and m.group(2).strip(" :"):
            return kind, m.group(2).strip()
        if m and m.group(2).strip() == ":":  # "Good, because:" over a list: a label
            return kind, ""
    return None


def _label_kind(item: ListItem | Paragraph) -> str | None:
    if item.label is not None and not item.rest:
        return pc_kind(heading_key(item.label))
    text = item.text.strip()
    if text.endswith(":") or len(text.split()) <= 3:
        return pc_kind(heading_key(text.rstrip(":")))
    return None


def _verdict_label(para: Paragraph) -> bool:
    """A paragraph led by a bold verdict turning its option down (``**Rejected** The ...``)."""
    label = (para.label or "").strip(" :.*_")
    return bool(label) and para.text.strip().startswith(label) and bool(_REJECTED_LEAD.match(label))


def _verdict(para: Paragraph) -> tuple[str | None, bool]:
    """(the reason a paragraph gives against its option, or None; whether the paragraph
    opens on that verdict: "Rejected due to ...", "**Rejected** The need for ...")."""
    why = rejection(para.text)
    labelled = _verdict_label(para)
    if why is None and labelled:
        why = para.text.strip()[len(para.label or "") :].strip(" :.")
    return why, bool(labelled or _REJECTED_LEAD.match(para.text))


def fill(
    opt: Opt,
    blocks: tuple[Block, ...],
    children: tuple[Section, ...] = (),
    *,
    points: bool = False,
) -> None:
    """Read an option's own content: pros, cons and neutral points in any of their forms
    (Good/Bad prefixes, Pros/Cons labels with nested or following lists, ``+``/``-``
    bullets, Advantages/Disadvantages subsections) and its first paragraph as description.

    With ``points`` (the content of an option's own heading), plain bullets are its points,
    classed by their wording (:mod:`.points`), and a later paragraph that rules the option
    out is a con."""
    signed = any(isinstance(b, ListBlock) and b.marker == "+" for b in blocks)
    pending: str | None = None
    for block in blocks:
        if isinstance(block, Paragraph) and _CHOICE_STARTS.match(block.text):
            break  # "Selected approach: X" after the last option: the decision, not its points
        why, verdict = _verdict(block) if isinstance(block, Paragraph) else (None, False)
        if isinstance(block, Paragraph) and why is not None and block.text.endswith(":"):
            pending = _paragraph(opt, block)  # "**Rejected because:**" and a list
            continue
        if why and points and verdict:
            opt.rejected = True  # "**Rejected** due to poor scalability": the option's verdict
            opt.reason, opt.reason_line = opt.reason or why, opt.reason_line or block.line
        if isinstance(block, Paragraph) and (opt.description or opt.rejected) and why:
            opt.describe(block.text, block.line)  # "**Rejected because:** costly": the reason
            opt.add("cons", block.line, why)
            continue
        if isinstance(block, Paragraph) and points and _THIS_CHOSEN.search(block.text):
            opt.marked, opt.marked_line = True, block.line  # "This is what we will use."
            continue
        if isinstance(block, Paragraph):
            ruled_out = points and opt.description and argues_against(block.text)
            if ruled_out and prefixed(block.text) is None:
                opt.add("cons", block.line, block.text)
                continue
            pending = _paragraph(opt, block)
        elif isinstance(block, ListBlock):
            for item in block.items:
                fill_item(opt, item, pending, signed and block.marker in "+-", points=points)
            pending = None
        elif isinstance(block, Table) and points:
            table_points(opt, block)
    for child in children:
        kind = pc_kind(child.key)
        if kind is None:  # a "Pros and cons" or detail subsection: read it the same way
            fill(opt, child.blocks, child.children, points=points)
        else:  # "#### Advantages": every point in it is of that kind
            _all_of_kind(opt, kind, child)
    if opt.rejected and not opt.reason and opt.cons:  # "Rejected because:" and its list
        opt.reason = "; ".join(text for _, text in opt.cons)
        opt.reason_line = opt.cons[0][0]


def table_points(opt: Opt, table: Table) -> None:
    """A rating table under an option's heading (``| Driver | Rating | Reason |`` with
    ``Good, because ...`` reasons): each row whose cell says its kind is one point."""
    for row in table.rows:
        if (got := row_point(row)) is not None:
            opt.add(got[0], row.line, got[1])


def row_point(row: Row) -> tuple[str, str] | None:
    """(kind, text) of a rating table's row: its first cell that reads ``Good, because X``."""
    for cell in row.cells:
        got = prefixed(cell.strip())
        if got is not None and got[1] and _MADR_POINT.match(cell):
            return got
    return None


def _paragraph(opt: Opt, block: Paragraph) -> str | None:
    """One paragraph of an option's content; the kind a following list takes, if any."""
    if (got := prefixed(block.text)) is not None:
        if got[1]:
            opt.add(got[0], block.line, got[1])
        return got[0] if signed_label(block.text) else None  # "✅ Pros:" and a list
    if (kind := _label_kind(block)) is not None:
        if block.label and block.rest:
            opt.add(kind, block.line, block.rest)
        return kind
    if block.text.endswith(":") and (why := rejection(block.text)) is not None:
        opt.rejected = True  # "**Rejected because:**" and a list of its reasons
        if why.rstrip(" :") and not opt.reason:
            opt.reason, opt.reason_line = why.rstrip(" :"), block.line
        return "cons"
    labelled = pc_kind(heading_key(block.label)) if block.label else None
    if labelled and block.rest:
        opt.add(labelled, block.line, block.rest)
    elif not block.text.endswith(":") and not block.text.startswith("!"):
        opt.describe(block.text, block.line)
    # "Some arguments against adding more structure are" and a list: its points
    return None if labelled else announced_kind(block.text)


def _all_of_kind(opt: Opt, kind: str, sec: Section) -> None:
    for block in sec.blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                got = prefixed(item.text)
                opt.add(got[0] if got else kind, item.line, got[1] if got else item.text)
        elif isinstance(block, Paragraph):
            opt.add(kind, block.line, block.text)


_REJECTION = re.compile(
    r"^(?:rejected|reasons?\s+(?:for\s+)?rejected|why\s+(?:not|rejected)|verdict|"
    r"(?:reasons?|rationale)\s+for\s+not\s+\w+ing)$", re.I)  # fmt: skip


# MADR's "Good, because X" / "Bad, because Y": one whole point
_MADR_POINT = re.compile(
    r"^\s*(?:good|bad|neutral|positive|negative)\s*,\s*because\b\s*\w", re.IGNORECASE
)


def fill_item(
    opt: Opt, item: ListItem, pending: str | None, signed: bool, *, points: bool = False
) -> None:
    """One list item of an option's content."""
    head, sep, rest = item.text.partition(":")
    if sep and rest.strip() and _REJECTION.match(head.strip(" *_")):
        opt.rejected = True  # "- Rejected: does not meet X"
        if not opt.reason:
            opt.reason, opt.reason_line = rest.strip(), item.line
        return
    if (got := prefixed(item.text)) is not None:
        if got[1]:
            opt.add(got[0], item.line, got[1])
        if got[1] and _MADR_POINT.match(item.text):
            return  # "Good, because X" over bullets: they say more of X, not more points
        for child in item.children:
            if got[1] and prefixed(child.text) is None:
                continue  # "`-` Slow" over "This is mitigated by ...": more of that point
            fill_item(opt, child, got[0], False)
        return
    kind = _label_kind(item)
    if kind is not None:
        if item.label and item.rest:
            opt.add(kind, item.line, item.rest)
        for child in item.children:
            opt.add(kind, child.line, child.text)
        return
    if signed:
        opt.add("pros" if item.marker == "+" else "cons", item.line, item.text)
    elif pending is not None:
        opt.add(pending, item.line, item.text)
    elif points:  # a plain bullet under the option's heading: one of its points
        opt.add(polarity(item.text) or "neutral", item.line, item.text)
    else:
        opt.describe(item.text, item.line)
