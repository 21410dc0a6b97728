"""Options written as paragraphs, each led by a bold sentence that names it.

An options section often reads as a run of paragraphs such as ``**Keep transactions
embedded, manage growth via archival.** Defers the size problem rather than removing it.``:
the bold lead names the option, what follows describes it (and often says why it was not
taken). Read only in an options section, when two or more of its paragraphs are so led and
every paragraph is one of them or follows one.
"""

from __future__ import annotations

import re

from ..document import Block, ListBlock, Paragraph, Section
from .content import Opt, clean_title, fill, prefixed
from .sections import pc_kind

MAX_LEAD_WORDS = 24  # a longer bold run is emphasis inside prose, not an option's name
# A lead that names what a part is about, not an option: "To events", "Regarding storage"
_TOPIC = re.compile(
    r"^\W*(?:to|for|regarding|concerning|about|re|on\s+the)\b(?!\s+(?:use|build|keep))", re.I
)


def _lead(block: object) -> str | None:
    """The bold lead of a paragraph that starts with one, or None."""
    if not isinstance(block, Paragraph) or not block.label:
        return None
    label = block.label.strip()
    if not block.text.startswith(label) or len(label.split()) > MAX_LEAD_WORDS:
        return None
    return label


def bold_titled(sec: Section) -> list[Opt]:
    """Options titled by paragraphs all in bold (``__All calculations in the broker__``),
    each followed by what argues it (a diagram, ``Pros:`` and ``Cons:`` lists): read only
    when two or more such titles lead the section, none of them a label ("**Rejected:**"),
    and each has pros or cons of its own (``**To events**`` over prose is a topic)."""
    first = sec.blocks[0] if sec.blocks else None
    titles = [b for b in sec.blocks if _whole(b)]
    if len(titles) < 2 or first not in titles:
        return []
    found = led_paragraphs(sec, whole=True)
    # each one argued by points of its own; bold labels over prose are topics, not options
    return found if all(o.pros or o.cons for o in found) else []


def _whole(block: object) -> bool:
    lead = _lead(block)
    return (
        lead is not None
        and isinstance(block, Paragraph)
        and block.text.strip() == lead
        and not lead.rstrip().endswith(":")
        and not pc_kind(lead.strip(" .").lower())
    )


def led_paragraphs(sec: Section, whole: bool = False) -> list[Opt]:
    """The options of a section written as bold-led paragraphs, or none (``whole``: led by
    paragraphs all in bold, with lists and other blocks between them)."""
    blocks = [b for b in sec.blocks if isinstance(b, Paragraph)]
    leads = [b for b in blocks if _lead(b) is not None]
    if len(leads) < 2 or _lead(blocks[0]) is None:
        return []
    if all(_TOPIC.match(_lead(b) or "") for b in leads):
        return []  # "**To events**", "**Regarding storage**": what each part is about
    if not whole and len(blocks) != len(sec.blocks):
        return []
    out: list[Opt] = []
    runs: list[list[Block]] = []  # each option's blocks after its lead, filled together
    for block in sec.blocks if whole else blocks:
        lead = _lead(block) if not whole or _whole(block) else None
        if lead is None or not isinstance(block, Paragraph):
            runs[-1].append(block)
            continue
        title, label, marked = clean_title(lead.rstrip(" .:"))
        if not title:
            return []
        opt = Opt(title, block.line, label, [lead])
        opt.marked, opt.marked_line = marked, block.line if marked else 0
        rest = block.rest.strip(" -–—:")
        if rest:
            opt.describe(rest, block.line)
        out.append(opt)
        runs.append([])
    for opt, run in zip(out, runs, strict=True):
        if run:
            fill(opt, tuple(run))
    return out


MAX_BEFORE_WORDS = 12  # a bold lead before an options list names an option in a few words
_ASIDE = re.compile(r"^\W*(?:note|nb|warning|important|caution|tip|example|update)\b", re.I)


def led_before_list(sec: Section, first_list: object) -> list[Opt]:
    """Options written as bold-led paragraphs before the options list of the same section
    (``**Continue building Freight.** See Motivation.`` over ``1. **ArgoCD.** ...``): each
    lead a short sentence of its own, not a label (``**Note:**``)."""
    out: list[Opt] = []
    for block in sec.blocks:
        if block is first_list:
            break
        lead = _lead(block)
        if lead is None or not isinstance(block, Paragraph):
            continue
        said = lead.strip()
        if not said.endswith(".") or len(said.split()) > MAX_BEFORE_WORDS:
            continue  # a sentence of its own, not "**Pattern reference**" or "**Note:**"
        if pc_kind(said.rstrip(".").lower()) or _ASIDE.match(said):
            continue
        title, label, _ = clean_title(said.rstrip(" ."))
        if not title or _TOPIC.match(title):
            continue
        opt = Opt(title, block.line, label, [lead])
        if rest := block.rest.strip(" -–—:"):
            opt.describe(rest, block.line)
        out.append(opt)
    return out


MAX_NAME_WORDS = 6  # a plain paragraph that names an option: "Buildkite", "Github Action"


def _name(block: object) -> bool:
    if not isinstance(block, Paragraph) or block.label:
        return False
    text = block.text.strip()
    return (
        0 < len(text.split()) <= MAX_NAME_WORDS
        and text[-1:] not in ".:;,!?"
        and not pc_kind(text.lower())
        and not _TOPIC.match(text)
        and not _ASIDE.match(text)
    )


MAX_SENTENCE_WORDS = 25


def _over_signs(block: object, points: ListBlock) -> bool:
    """A one-sentence paragraph ("Have the browser extract the PURLs.") over a list whose
    items are, two in three at least, points that say their kind ("👍 Less data sent",
    "👎 Adds websockets"): the course those points judge."""
    if not isinstance(block, Paragraph) or block.label or not points.items:
        return False
    text = block.text.strip()
    if not 0 < len(text.split()) <= MAX_SENTENCE_WORDS or re.search(r"[.!?]\s+\S", text):
        return False
    signed = sum(prefixed(it.text) is not None for it in points.items)
    return 3 * signed >= 2 * len(points.items)


def name_titled(sec: Section) -> list[Opt]:
    """Options titled by short plain paragraphs that name them (``Buildkite``), or by one
    sentence over points that say their kind (``👍 Less data``), each followed at once by a
    list of its points (``* Pro — Good at artifacts``): read only when such a
    name opens the section, two or more lead it, and each has pros or cons of its own."""
    blocks = sec.blocks
    heads = [
        i
        for i, b in enumerate(blocks[:-1])
        if isinstance(after := blocks[i + 1], ListBlock) and (_name(b) or _over_signs(b, after))
    ]
    if len(heads) < 2 or heads[0] != 0:
        return []
    out: list[Opt] = []
    for k, i in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(blocks)
        head = blocks[i]
        assert isinstance(head, Paragraph)
        title, label, _ = clean_title(head.text.strip().strip("~").rstrip(".:").strip("~"))
        if not title:
            return []
        opt = Opt(title, head.line, label, [head.text.strip()])
        fill(opt, tuple(blocks[i + 1 : end]))
        out.append(opt)
    return out if all(o.pros or o.cons for o in out) else []


def one_described(sec: Section) -> list[Opt]:
    """One alternative set out in the section's opening paragraphs (``Expose the tools under
    /_vfs/{name}.``), followed at once by its points under ``pros:`` and ``cons:`` labels,
    each over a list. What follows the last labelled list (``Therefore ... This RFC
    solves:`` and a list) is the writer's conclusion, not another option."""
    blocks = sec.blocks
    lead = 0
    while lead < min(len(blocks), MAX_OPENING) and _plain(blocks[lead]):
        lead += 1
    end = lead
    while end + 1 < len(blocks) and _point_label(blocks[end]) and _is_list(blocks[end + 1]):
        end += 2
    if not lead or end == lead or sec.children:
        return []
    first = blocks[0]
    assert isinstance(first, Paragraph)
    sentence = re.split(r"(?<=[.!?])\s+", first.text.strip())[0]
    title, label, _ = clean_title(_ANNOUNCED.sub("", sentence.rstrip(".")).strip())
    if not title:
        return []
    opt = Opt(title[:1].upper() + title[1:], first.line, label, [first.text.strip()])
    fill(opt, blocks[:end])
    return [opt] if opt.pros or opt.cons else []


# The words that announce the alternative, not its name: "Another approach is to think of
# X as ...", "Adding a method is an alternative."
_ANNOUNCED = re.compile(
    r"^(?:(?:another|an|one|the\s+(?:main|primary|other))\s+(?:alternative|approach|option)\s+"
    r"(?:is|would\s+be)\s+(?:to\s+)?)|\s+(?:is|would\s+be)\s+(?:an|another|one)\s+"
    r"(?:alternative|option)$",
    re.IGNORECASE,
)
MAX_OPENING = 3  # paragraphs that set out the one alternative before its points


def _plain(block: Block) -> bool:
    return isinstance(block, Paragraph) and not _point_label(block) and not block.label


def _is_list(block: Block) -> bool:
    return isinstance(block, ListBlock)


def _point_label(block: Block) -> bool:
    """A paragraph that is only a pros or cons label (``pros:``, ``**Cons**``)."""
    if not isinstance(block, Paragraph) or len(block.text.split()) > 3:
        return False
    return pc_kind(block.text.strip(" :*_").lower()) is not None
