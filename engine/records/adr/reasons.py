"""What is written around the lists of an options section: prose that announces the reasons
against the one alternative it names, paragraphs after a list that rule an option out, and
paragraphs that introduce each of several lists (a group of options each)."""

from __future__ import annotations

import re

from ..document import ListBlock, Paragraph, Section
from .content import Opt
from .courses import in_options_section, turned_down_lead
from .sections import pc_kind

# ... not when what the colon announces is the alternatives ("To avoid these issues, safer
# alternatives can be used:")
_REASONS_INTRO = re.compile(
    r"\b(?:limitations|reasons|drawbacks|problems|issues|concerns|disadvantages|downsides|"
    r"constraints|shortcomings|objections)\b"
    r"(?![^.]*\b(?:alternatives|options|approaches|solutions|candidates)\b)[^.]*:\s*$",
    re.IGNORECASE,
)


def reasons_follow(sec: Section) -> bool:
    """The section's prose ends by announcing reasons ("the following limitations were
    determinant:"): the items or subsections after it argue, they are not options."""
    blocks = list(sec.blocks)
    first = next((n for n, b in enumerate(blocks) if isinstance(b, ListBlock)), None)
    if first is None and not sec.children:
        return False
    intro = blocks[first - 1] if first else (blocks[-1] if blocks and first is None else None)
    return isinstance(intro, Paragraph) and bool(_REASONS_INTRO.search(intro.text))


def reasons_against(opt: Opt, sec: Section, heads: list[Section]) -> None:
    """The one course an options section names, and the reasons it lists after announcing
    them (subsections or items): its reason, and (items) its cons."""
    points = [h.title for h in heads] or [it.text for it in sec.items()]
    opt.reason = "; ".join(points) or opt.description
    opt.reason_line = (heads[0].line if heads else sec.line) if points else 0
    if not heads and not opt.cons:  # the reasons listed against it: its cons
        for item in sec.items():
            opt.add("cons", item.line, item.text)


_REJECTING = re.compile(
    r"\b(?:eliminat\w*|reject\w*|rule[ds]?\s+out|ruled\s+out|discard\w*|cannot|can't|"
    r"does\s+not|do\s+not|doesn't|don't|not\s+(?:suitable|viable|an\s+option)|too\s+\w+|"
    r"drawbacks?|fails?|failing|lacks?|unsuitable)\b",
    re.IGNORECASE,
)


def reasons_after(sec: Section, lst: ListBlock, opts: list[Opt]) -> None:
    """Paragraphs after an options list that reject an option by name ("We can eliminate
    relational solutions; ...") give that option its reason."""
    blocks = list(sec.blocks)
    start = blocks.index(lst) + 1 if lst in blocks else len(blocks)
    for block in blocks[start:]:
        if not isinstance(block, Paragraph) or not _REJECTING.search(block.text):
            continue
        text = block.text.lower()
        named = [o for o in opts if _head_word(o.title) and _head_word(o.title) in text]
        if len(named) == 1 and not named[0].reason:
            named[0].reason, named[0].reason_line = block.text, block.line


def _head_word(title: str) -> str:
    """An option's first distinctive word, lower case (``Relational (Derby...)`` -> relational)."""
    for word in re.findall(r"[a-z][a-z0-9-]{3,}", title.lower()):
        if word not in ("with", "using", "from", "into", "only", "that", "this", "option"):
            return word
    return ""


MAX_INTRO_WORDS = 25  # a longer paragraph before a list is prose, not the name of a group


_NOT_GROUPS = frozenset({"notes", "note", "remarks", "comments", "details", "examples"})


def introduced_lists(
    blocks: tuple[object, ...] | list[object], lists: list[ListBlock]
) -> list[tuple[str, int, ListBlock]]:
    """Two or more option lists, each right after a short paragraph that ends with a colon
    ("With respect to mobile notifications:"): (the group's name, its line, its list) for
    each; else nothing."""
    if len(lists) < 2:
        return []
    seq = list(blocks)
    out: list[tuple[str, int, ListBlock]] = []
    for lst in lists:
        n = seq.index(lst) if lst in seq else 0
        intro = seq[n - 1] if n else None
        if not isinstance(intro, Paragraph):
            return []
        text = intro.text.strip()
        if not text.endswith(":") or len(text.split()) > MAX_INTRO_WORDS:
            return []
        name = text.rstrip(":").strip()
        if pc_kind(name.strip("*_ ").lower()) or name.strip("*_ ").lower() in _NOT_GROUPS:
            return []  # "Pros:" / "Cons:" / "Notes:": points of an option, no group of them
        out.append((name, intro.line, lst))
    return out


def courses_with_reasons(sec: Section, heads: list[Section]) -> list[Opt] | None:
    """The courses of a section whose prose names them and announces the reasons listed
    after it, or None when its lists are not reasons."""
    if any(isinstance(b, Paragraph) and turned_down_lead(b) for b in sec.blocks):
        return in_options_section(sec)  # "X was considered but ...:" and its reasons
    if not reasons_follow(sec):  # "We considered X, but the following limitations ...:"
        return None
    found = in_options_section(sec, lists_as_cons=False)
    if len(found) > 1:  # several courses: each list is the one before it's
        found = in_options_section(sec)
    elif len(found) == 1:
        reasons_against(found[0], sec, heads)
    return found
