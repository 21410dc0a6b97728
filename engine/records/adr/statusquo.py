"""A replacement decision: the context names what is in use ("We were using Semantic UI,
..."), the decision adopts something else ("We will use Fomantic UI"), and the record says
it leaves the old one ("We will stop using the unmaintained Semantic UI", "replace Jenkins
with ...", "migrate from X", "instead of X"). Keeping what is in use is the alternative
such a record turns down, so it gives two options: the status quo (not taken) and the
course the decision adopts (chosen), both uncertain.

Both names must be short names, differ, and the old one must be named again beside a word
of leaving in the decision, the consequences or the title: "We use Postgres" over "We will
use PgBouncer" adds a tool and leaves nothing, and gives no options.
"""

from __future__ import annotations

import re

from ..document import Document, ListItem, Paragraph
from . import sections as roles
from .adopted import _decision_text, restated
from .content import Opt
from .enumerated import adopted_course
from .prose import _opts, in_use, sentences
from .titling import title_from_file_name

# Words that say a thing is left behind, in the sentence that names it again
_LEAVES = re.compile(
    r"\b(?:replac\w*|stop\s+using|stopp\w+\s+using|move\w*\s+away|migrat\w*|switch\w*|"
    r"drop\w*|retir\w*|phas\w*\s+out|deprecat\w*|abandon\w*|instead\s+of|rather\s+than|"
    r"no\s+longer|remov\w*|get\s+rid|fork\s+of|successor|unmaintained|sunset\w*)\b",
    re.IGNORECASE,
)
MAX_SENTENCE_CHARS = 600  # longer is no sentence of a record's own words
MAX_IN_USE = 20  # sentences of the context that name what is in use, at most, are tried


def _leaving(texts: list[str]) -> list[str]:
    """The sentences of ``texts`` with a word of leaving, lowercased."""
    return [
        sentence.lower()
        for text in texts
        for sentence in sentences(text)
        if len(sentence) <= MAX_SENTENCE_CHARS and _LEAVES.search(sentence)
    ]


def _other_texts(doc: Document, title: str) -> list[str]:
    out = [title]
    for sec in roles.ordered(doc, roles.is_consequences):
        for sub in sec.walk():
            out.extend(p.text for p in sub.paragraphs())
            out.extend(it.text for it in sub.items())
    return out


def _adopted_at_decision(opt: Opt, description: str, doc: Document, by: str, line: int) -> None:
    """``opt`` as the course the decision adopts: placed at the decision section (else at
    ``line``), described by the decision's first sentence, chosen (``by``: how)."""
    decision = roles.ordered(doc, roles.is_decision)
    opt.line = opt.desc_line = decision[0].line if decision else line
    opt.description = description
    opt.marked, opt.marked_line = True, opt.line
    opt.chosen_by = by


# A link's record number: "3. ", "ADR-12: ", and a bare "ADR-0002", which names no title
# (titles.title_number keeps such an id whole, as a title it is)
_NUMBERED = re.compile(r"^\s*(?:(?:adr|rfc|dr)\s*[-#]?\s*)?\d+\s*[:.\-–—]?\s*", re.IGNORECASE)
# "Supersedes [3. CLI using noun verb format](0003-cli.md)", "Replaces: [ADR-12 ...](...)"
_SUPERSEDES = re.compile(
    r"^\W{0,4}(?:supersedes|supercedes|replaces|overrides)\W{0,4}\s*:?\s*\[(?P<t>[^\]]{3,200})\]",
    re.IGNORECASE,
)


def superseded_course(doc: Document, title: str) -> list[Opt]:
    """The decision a record supersedes, named by a link ("Supersedes [3. CLI using noun
    verb format](0003-cli.md)"), as the option not taken, and the decision (what its first
    sentence adopts, else the record's title) as the chosen one; empty without such a
    line or without a decision. The last reader of options in prose: a record that
    compares its own options, or names two in a sentence, is read by those instead."""
    said = _decision_text(doc)
    if not said:
        return []
    for sec in doc.sections():
        blocks: list[Paragraph | ListItem] = [*sec.paragraphs(), *sec.items()]
        for block in blocks:
            m = _SUPERSEDES.match(block.source or block.text)
            if m is None:
                continue
            linked = m.group("t").strip(" *_`")
            old = _NUMBERED.sub("", linked).strip(" *_`")  # "3. CLI ..." is "CLI ..."
            if old and " " not in old and "-" in old:  # a file's name: "use-the-adr-number"
                old = title_from_file_name(linked)
            new = adopted_course(" ".join(said[0].split())) or title
            if not old or not new or old.lower() == new.lower():
                return []
            kept = Opt(old, block.line, None, [old], uncertain=True)
            kept.rejected, kept.reason, kept.reason_line = True, block.text, block.line
            kept.description = f"The decision this record supersedes (the status quo): {block.text}"
            kept.desc_line = block.line
            chosen = Opt(new, block.line, None, [new], uncertain=True)
            by = "the decision that supersedes an earlier one"
            _adopted_at_decision(chosen, said[0], doc, by, block.line)
            return [kept, chosen]
    return []


def replaced_in_use(paras: list[Paragraph], doc: Document, title: str = "") -> list[Opt]:
    """The status quo the context names and the decision replaces, and the replacement
    (chosen); empty unless the record says it leaves the old one."""
    said = _decision_text(doc)
    first = " ".join(said[0].split()) if said else ""
    course = adopted_course(first)
    if not course:
        return []
    leaving: list[str] | None = None
    tried = 0
    for para in paras:
        for sentence in sentences(para.text):
            if len(sentence) > MAX_SENTENCE_CHARS or tried >= MAX_IN_USE:
                continue
            old = in_use(sentence)
            if not old or restated(old, course) or old.lower() in course.lower():
                continue
            tried += 1
            if leaving is None:  # read once, and only when something is in use
                leaving = _leaving(said + _other_texts(doc, title))
            if not any(old.lower() in said_again for said_again in leaving):
                continue
            kept, new = _opts([old, course], para, set())
            kept.rejected, kept.reason, kept.reason_line = True, sentence, para.line
            kept.description = f"In use before this decision (the status quo): {sentence}"
            kept.desc_line = kept.desc_line or para.line
            # described by the decision: the context describes the one in use, not this one
            by = "the course the decision adopts in place of the one in use"
            _adopted_at_decision(new, first, doc, by, para.line)
            return [kept, new]
    return []
