"""Options written as paragraphs, each led by a bold sentence that names it.

An options section often reads as a run of paragraphs such as ``**Keep transactions
embedded, manage growth via archival.** Defers the size problem rather than removing it.``:
the bold lead names the option, what follows describes it (and often says why it was not
taken). Read only in an options section, when two or more of its paragraphs are so led and
every paragraph is one of them or follows one.
"""

from __future__ import annotations

from ..document import Paragraph, Section
from .content import Opt, clean_title, fill

MAX_LEAD_WORDS = 24  # a longer bold run is emphasis inside prose, not an option's name


def _lead(block: object) -> str | None:
    """The bold lead of a paragraph that starts with one, or None."""
    if not isinstance(block, Paragraph) or not block.label:
        return None
    label = block.label.strip()
    if not block.text.startswith(label) or len(label.split()) > MAX_LEAD_WORDS:
        return None
    return label


def led_paragraphs(sec: Section) -> list[Opt]:
    """The options of a section written as bold-led paragraphs, or none."""
    blocks = [b for b in sec.blocks if isinstance(b, Paragraph)]
    leads = [b for b in blocks if _lead(b) is not None]
    if len(leads) < 2 or _lead(blocks[0]) is None or len(blocks) != len(sec.blocks):
        return []
    out: list[Opt] = []
    for block in blocks:
        lead = _lead(block)
        if lead is None:
            fill(out[-1], (block,))
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
    return out
