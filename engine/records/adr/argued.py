"""Alternatives argued in the prose of a record outside its context and decision text.

Design documents and free-form records weigh their approaches where they describe them: a
bullet of a "Design", "Approach" or "Implementation" section ("As an alternative, the SDK
could ..."), a "Discussion" or "Notes" paragraph ("Another approach would be to poll the
registry", "We also looked at queues"). The reader keeps the line of the first paragraph or
list item that argues one as ``x_alternative_argued``; the ``alternative_named`` fact
(REC003) reads it. The words are the lexicon's (``alternative_argued`` anywhere in a
sentence, ``alternative_opening`` where it opens one); the ones that argue an alternative
only in the context or the decision text (bare ``alternatively``) are not used here.

A record's consequences look ahead from the decision taken, and its links and references
point at other documents: neither is where it weighs its own alternatives, so neither is
read; a subsection of the consequences on a topic of its own ("### Use of a database for
the job channel"), not one that sorts outcomes ("### Negative"), is discussion and is read.
Code blocks and tables are not prose and are not read either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...packdata import Lexicon, lexicon
from ..document import Block, Document, ListBlock, ListItem, Paragraph, Section
from ..document.model import heading_key
from .sections import DESIGN, is_consequences, is_options

ARGUED_KEY = "x_alternative_argued"
PROSE_WORDS_KEY = "x_prose_words"  # the words of the prose read here (facts: prose_words)
# Headings of sections that point elsewhere (reduced: lower case, no punctuation).
LINKS = frozenset(
    {
        "links",
        "link",
        "references",
        "reference",
        "related",
        "related links",
        "related documents",
        "related decisions",
        "related adrs",
        "related records",
        "related issues",
        "see also",
        "further reading",
        "resources",
        "sources",
        "bibliography",
        "footnotes",
    }
)


def is_pointer(key: str) -> bool:
    """A section of links or references ("## Links", "## See also")."""
    return key in LINKS


def argued_line(doc: Document, lex: Lexicon | None = None) -> int | None:
    """The line of the first paragraph or list item, in a prose section of ``doc`` other
    than its consequences, links and references, that argues an alternative; else None."""
    lex = lex or lexicon()
    for sec in doc.sections():
        if _WEIGHING_HEADING.match(sec.key) or _names_alternatives(sec):
            return sec.line  # "## Comparison with keyword", "##### Alternative path"
        for block in sec.blocks:  # "**Improvement Options**" over a list
            if _labels_alternatives(block):
                return block.line
    for sec in doc.sections():  # a design part sets its course against another, as the
        if sec.key in DESIGN:  # decision text does ("collateral rather than supply usage")
            for line, text in _prose(sec):
                if lex.mentions("decision_contrast", text):
                    return line
    for line, text in _prose(doc.root):
        if lex.mentions("alternative_argued", text) or lex.opens("alternative_opening", text):
            return line
        if _OTHER_COURSE.search(text):  # "Rather than a slice, we could require ..."
            return line
        if any(p.search(text) for p in _JUDGED_COURSES):  # "However, this has two issues"
            return line
        if (m := _RISKY_COURSE.search(text)) and m.group("verb").lower() not in _NO_COURSE:
            return line  # "Allowing the direct specification of X is very risky"
    return None


# A course (a verb in -ing and what it acts on) judged unsafe or unworkable as the subject
# of its sentence: the record weighed taking it
_RISKY_COURSE = re.compile(
    r"(?:^|[.!?]\s+)(?P<verb>[A-Z][a-z]{2,}ing)\s+[^.!?]{2,100}?\s+(?:is|would\s+be|was)\s+"
    r"(?:(?:very|too|far\s+too|quite|rather|simply|probably)\s+)?(?:risky|dangerous|"
    r"error-prone|fragile|brittle|not\s+(?:feasible|viable|an\s+option|practical|"
    r"workable))\b"
)
_NO_COURSE = frozenset(
    {"nothing", "something", "anything", "everything", "during", "string", "thing",
     "existing", "following", "remaining", "ongoing", "pending", "missing", "upcoming",
     "underlying", "according", "regarding", "concerning", "including", "outstanding"}
)  # fmt: skip


# A sentence that opens on the course taken and offers another in its main clause: "Rather
# than allowing a slice of prefixes, we could require separate proxies"
_OTHER_COURSE = re.compile(
    r"(?:^|[.!?]\s+)(?:rather\s+than|instead\s+of)\s+[^.!?]{2,120}?,\s*"
    r"(?:we|one|you|users|the\s+\w+)\s+(?:could|might|may\s+also|would)\b",
    re.IGNORECASE,
)


_NOT = r"(?:n['’]t|\s+not)"
# A course judged in the run of the argument, in words no options reader lists:
_JUDGED_COURSES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # the usual way, then faulted: "Retention is typically achieved via a bucket
        # policy. However, this has two main issues", "However, it is also error-prone"
        r"\b(?:however|but)\b,?\s+(?:this|that|it|these|such)\s+(?:\w+\s+){0,2}?"
        r"(?:has|have|had|presents?|is|was|are|were|would\s+be|comes?\s+with)\s+"
        r"(?:also\s+)?(?:(?:two|three|several|many|some|a\s+few|significant|serious|major|"
        r"main|obvious|known)\s+)+(?:\w+\s+)?(?:issues|problems|challenges|drawbacks|"
        r"limitations|downsides|shortcomings)\b|"
        r"\b(?:however|but)\b,?\s+(?:this|that|it)\s+(?:is|was|would\s+be)\s+(?:also\s+)?"
        r"(?:error-prone|not\s+ideal|not\s+(?:a\s+)?(?:viable|scalable|practical|feasible))\b",
        # "We could hard-code the names, however it would be difficult", "We could provide
        # a copy, but ..."
        # a course, not a purpose ("so that we could create environments if we wanted, but")
        r"(?<!\bso\s)(?<!\bthat\s)\bwe\s+could\s+(?!not\b|also\s+not\b)[^.!?]{3,150}?[,;]?\s+"
        r"(?:but|however)\b",
        # "While we could look for the newest version, this could lead to ..."
        r"(?:^|[.!?]\s+)while\s+we\s+could\b",
        # "The algorithm could simply concatenate the bytes. Instead, it ..."; "A proper
        # solution would be to implement reflection. However, ..."
        r"\bcould\s+simply\s+[^.!?]{3,150}[.!?]\s+instead\b",
        r"\bsolution\s+(?:to\s+[^.!?]{1,60}?\s+)?would\s+be\s+to\s+[^.!?]{3,150}[.!?]\s+"
        r"however\b",
        # "This is however not ideal", "It is, however, not practical"
        r"\b(?:this|that|it)\s+is,?\s+however,?\s+not\s+(?:ideal|viable|practical|feasible|"
        r"an\s+option)\b",
        # "This proposal does not extend the convention for several reasons:"
        r"\b(?:does|do|will|did)\s+not\s+[^.!?]{3,80}?\s+for\s+(?:several|the\s+following|"
        r"these|two|three|a\s+few|multiple)\s+reasons\b",
        # "We either need to extend the lifetime or do a copy", "we can either X or Y"
        r"\bwe\s+(?:either\s+need\s+to|(?:can|could|would|must)\s+either)\s+[^.!?]{3,150}?"
        r"\bor\b",
        # "Merkle trees were not used for simplicity, since ..."
        r"\b(?:was|were)\s+not\s+(?:used|chosen|adopted|selected|pursued)\s+(?:for|because|"
        r"since|as|due)\b",
        # "though this doesn't really help", "isn't helpful at scale"
        rf"\b(?:does|is|would|do){_NOT}\s+(?:really\s+)?(?:help\b|helpful\b|scale\b)",
        # "would be a very big task with very little impact", "is a monumental task"
        r"\b(?:is|would\s+be)\s+(?:a\s+)?(?:very\s+big|monumental|sizeable|sizable|huge|"
        r"massive)\s+(?:task|effort|undertaking)\b",
        # "is typically achieved via a bucket policy": the usual way, set out to be weighed
        r"\b(?:is|are)\s+(?:typically|usually|commonly)\s+(?:achieved|done|handled|solved|"
        r"implemented)\s+(?:via|by|with|through|using)\b",
    )
)


# A heading or bold label that names alternatives ("Alternative path", "Alternate packaging
# designs", "7 Alternatives", "**Improvement Options**"): the record weighed some, even where
# no reader took them as options.
_ALTERNATIVES_LABEL = re.compile(
    r"^(?:[a-z][\w-]*\s+){0,2}(?:alternatives?|alternate\s+\w+|options)(?:\s+considered)?$"
)


def _labels_alternatives(block: Block) -> bool:
    """A paragraph that is only a bold label naming alternatives."""
    if not isinstance(block, Paragraph) or not block.label or block.text != block.label:
        return False
    return bool(_ALTERNATIVES_LABEL.match(heading_key(block.label)))


def _names_alternatives(sec: Section) -> bool:
    """A heading naming alternatives over some text that weighs them; not one that says
    "N/A", "None" or "Unknown", or holds nothing (a template's heading left empty)."""
    named = is_options(sec.key) or bool(re.search(r"\b(?:alternatives?|alternate)\b", sec.key))
    if not named or is_pointer(sec.key):
        return False
    text = " ".join(t for s in sec.walk() for _, t in _own_prose(s))
    return len(text.split()) >= _MIN_WORDS and not _NOTHING.match(text)


_MIN_WORDS = 5
_NOTHING = re.compile(
    r"^\W*(?:n/?a|none|unknown|tbd|to\s+be\s+(?:determined|documented)|not\s+applicable|"
    r"nothing|no\s+alternatives?)\b",
    re.IGNORECASE,
)


def _own_prose(sec: Section) -> Iterator[tuple[int, str]]:
    """(line, text) of each paragraph and list item of ``sec`` itself, not its subsections."""
    for block in sec.blocks:
        yield from _block(block)


# A section whose heading weighs another way: "Comparison with keyword", "Comparison Table
# of Formats", "X vs Y", "Why not
# X", "Why encodeURI does not solve our problem", "Rejected approaches", "Removed proposals",
# "Existing workarounds".
_WEIGHING_HEADING = re.compile(
    r"^(?:(?:[a-z][\w-]*\s+){0,2}?(?:comparison|comparative)(?:\s+(?:table|matrix|chart))?\s+"
    r"(?:with|to|of|between|against)\b|"
    r"(?!.*\b(?:expected|actual|before|after)\b).+\s(?:vs|versus)\s.+|why\s+not\b|"
    r"why\s+.+\s(?:does\s+not|doesn\s?t|do\s+not|don\s?t|cannot|can\s?t|won\s?t|"
    r"would\s+not|is\s+not|isn\s?t)\b|(?:rejected|discarded|dismissed|removed|dropped)\s+"
    r"(?:alternatives|approaches|options|ideas|proposals|designs)|"
    # "Existing Workarounds", "Current workarounds": the courses the proposal replaces
    r"(?:existing|current|possible|known)\s+(?:workarounds?|solutions|approaches)|workarounds)"
)


def prose_of(doc: Document) -> Iterator[tuple[int, str]]:
    """(line, text) of each paragraph and list item of ``doc`` where it argues: all but its
    consequences (save their subsections on a topic of their own), links and references."""
    return _prose(doc.root)


def _prose(sec: Section) -> Iterator[tuple[int, str]]:
    """(line, text) of each paragraph and list item of ``sec`` and its subsections, in
    document order; consequences (but for their subsections on a topic of their own), links
    and references left out."""
    if is_pointer(sec.key):
        return
    if is_consequences(sec.key):  # a topic of its own under it ("### Use of a database
        for child in sec.children:  # for the job channel") is discussion, not outcome
            if not _OUTCOME_PART.search(child.key):
                yield from _prose(child)
        return
    yield from _own_prose(sec)
    for child in sec.children:
        yield from _prose(child)


# Headings of the parts of a consequences section that sort its outcomes ("Positive",
# "Negative consequences", "Risks and mitigations", "Trade-offs", "Later", "Long term")
_OUTCOME_PART = re.compile(
    r"\b(?:positive|negative|neutral|good|bad|pros?|cons|benefits?|drawbacks?|risks?|"
    r"trade-?offs?|downsides?|upsides?|advantages?|disadvantages?|consequences?|impacts?|"
    r"implications?|costs?|mitigations?|gains?|losses|outcomes?|results?|effects?|"
    r"follow[- ]?ups?|next steps|actions?|later|future|(?:short|medium|long)[- ]term|"
    r"immediate\w*|eventual\w*|now|today)\b"
)


def _block(block: Block) -> Iterator[tuple[int, str]]:
    if isinstance(block, Paragraph):
        yield block.line, block.text
    elif isinstance(block, ListBlock):
        for item in block.items:
            yield from _item(item)


def _item(item: ListItem) -> Iterator[tuple[int, str]]:
    yield item.line, item.text
    for more in item.more:
        yield from _block(more)
    for child in item.children:
        yield from _item(child)
