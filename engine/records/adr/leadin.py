"""A lead-in sentence that announces a list of candidates.

"We have considered using:", "Some options which were considered:", "There are several
leading cloud providers who ...:" announce the list after them; so does a sentence in which
the team counts its alternatives ("We see two alternatives.", "There are two main ways to
do this."), even ending with a full stop. The words are data (``rules/lexicon/terms.yaml``:
``candidate_nouns``, ``weighing_verbs``, ``not_candidates``): a line about requirements,
steps or risks never announces candidates, nor does a count said of a feature ("Schedules
can be stopped in two ways:").
"""

from __future__ import annotations

import re
from functools import cache

from ...packdata import lexicon
from ..document import ListBlock, Paragraph, Section

MAX_LEAD_IN_WORDS = 40
_FILLERS = frozenset(
    re.findall(
        r"\w+",
        "using use the following these those also several some a an few number of other various "
        "multiple different two three four five six main possible potential alternative "
        "including as such like and both couple more in detail briefly",
    )
)
_NOT_AFTER_VERB = re.compile(r"^\s*(?:how|whether|why|what|when|if|that|to|it|this)\b")
_QUALIFIERS = (
    r"(?:other|possible|potential|considered|alternative|candidate|rejected|evaluated|main|"
    r"some|several|the)"
)


@cache
def _frames() -> tuple[re.Pattern[str], ...]:
    """The lead-in frames, built from the lexicon's words (lower-case text, no colon)."""
    lex = lexicon()
    noun = lex.term_patterns["candidate_nouns"].pattern
    verb = lex.term_patterns["weighing_verbs"].pattern
    return (
        # "we have considered using", "we discussed three options"
        re.compile(
            r"(?<![\w-])(?:we|i|the\s+team|our\s+team)(?:\s+[\w'’-]+){0,3}?\s+"
            + verb
            + r"(?P<rest>.*)$"
        ),
        # "some options which were considered", "the alternatives we looked at were"
        re.compile(noun + r"(?:\s+[\w'’(),./#-]+){0,12}?\s+" + verb),
        # "there are several leading cloud providers who ...", "we have two options"
        re.compile(
            r"^(?:there\s+(?:are|were)|we\s+(?:have|had)|we've)(?P<head>(?:\s+[\w'’-]+){0,5}?)\s+"
            + noun
        ),
        # "the options are", "our alternatives include"
        re.compile(
            r"^(?:the|our)\s+(?:[\w'’-]+\s+){0,2}?(?:options|alternatives|candidates|choices|"
            r"possibilities)(?:\s+[\w'’-]+){0,4}?\s+(?:are|were|include|included)$"
        ),
        # "options", "other options considered"
        re.compile(
            rf"^(?:{_QUALIFIERS}\s+){{0,2}}"
            + noun
            + r"(?:\s+(?:considered|evaluated|explored|examined|discussed|compared))?$"
        ),
    )


# "we see two alternatives", "there are two main ways", "we were weighing three technology
# options": the team (or "there are") and a count of the nouns that always name alternatives,
# with up to three words between. Such a sentence announces the list after it even without
# a colon. A count said of a feature ("Schedules can be stopped in two ways", "each entry
# supports two filtering approaches") has no such subject and announces no candidates.
_COUNT = (
    r"(?:two|three|four|five|six|seven|eight|\d{1,2}|several|some|a\s+few|a\s+couple\s+of|"
    r"a\s+number\s+of|multiple|various|a\s+handful\s+of)"
)
_COUNTED = re.compile(
    rf"(?<![\w-]){_COUNT}(?P<between>(?:\s+[\w'’-]+){{0,3}}?)\s+(?:options|alternatives|"
    r"approaches|candidates|possibilities|choices|solutions|ways(?!\s+(?:this|it|that|they|"
    r"things)\b))(?![\w-])"
)
# "three approaches are possible when it comes to ...": the count is of courses open
_POSSIBLE = re.compile(r"^\s+(?:are|were)\s+(?:possible|available|conceivable|on\s+the\s+table)\b")
_TEAM = re.compile(
    r"^(?:[\w' -]{1,30},\s*)?"  # "In this case, there are two options"
    r"(?:so\s+|thus\s+|here\s+|now\s+|currently\s+|initially\s+|broadly\s+|basically\s+)?"
    r"(?:we|i|the\s+team|our\s+team|there\s+(?:are|were|seem\s+to\s+be|appear\s+to\s+be))\b|"
    r"\b(?:gives|gave|leaves|left)\s+us\b"
)
# Words between a count and its noun that make it a list of settings ("two new configuration
# options"), not of alternatives.
_SETTING_WORDS = re.compile(
    r"\b(?:new|configuration|config|command|command-line|cli|api|flag|setting|settings|"
    r"parameter|runtime|build|compiler|optional|supported|default)\b"
)


# "We have discussed the pros and cons of 6 possible options": what is weighed of them
WEIGHED_OF = re.compile(
    r"\b(?:the\s+)?(?:pros\s+and\s+cons|advantages\s+and\s+disadvantages|trade-?offs|"
    r"merits(?:\s+and\s+drawbacks)?|strengths\s+and\s+weaknesses)\s+of\s+",
    re.IGNORECASE,
)


def counted(sentence: str) -> bool:
    """Whether ``sentence`` says the team weighs a number of alternatives ("We see two
    alternatives.", "There are two main ways to do this."), and says nothing of
    requirements, steps or risks."""
    sentence = WEIGHED_OF.sub("", sentence)
    text = " ".join(re.sub(r"\([^()]*\)", " ", sentence.lower()).split())
    m = _COUNTED.search(text)
    return (
        m is not None
        and (bool(_TEAM.search(text[: m.start()])) or _POSSIBLE.match(text[m.end() :]) is not None)
        and not _SETTING_WORDS.search(m.group("between"))
        and len(text.split()) <= MAX_LEAD_IN_WORDS
        and not lexicon().mentions("not_candidates", text[: m.end()])
    )


def lead_in(sentence: str, *, counting: bool = True) -> bool:
    """Whether ``sentence`` (ending with a colon, or with no punctuation at all: a colon
    left out) announces a list of candidates; with ``counting``, also one that counts them
    (:func:`counted`), even ending with a full stop."""
    sentence = WEIGHED_OF.sub("", sentence)
    text = re.sub(r"\([^()]*\)", " ", sentence.lower())
    text = " ".join(text.split()).rstrip(" :")
    if len(text.split()) > MAX_LEAD_IN_WORDS:
        return False
    end = sentence.rstrip()[-1:]
    if end != ":" and not (end.isalnum() or end in ")`*_"):
        return counting and end == "." and counted(sentence)
    if counting and counted(sentence):  # "We identified three options:"
        return True
    lex = lexicon()
    we, passive, there, the, label = _frames()
    if m := we.search(text):
        rest = m.group("rest")
        words = [w.strip(",.;") for w in rest.split()]
        if (
            not _NOT_AFTER_VERB.match(rest)
            and not lex.mentions("not_candidates", rest)
            and len(words) <= 10
            and (all(w in _FILLERS for w in words) or lex.mentions("candidate_nouns", rest))
        ):
            return True
    if passive.search(text) and not lex.mentions("not_candidates", text.split(" were ")[0]):
        return True
    if (m := there.search(text)) and not lex.mentions("not_candidates", m.group("head")):
        head = m.group("head").split()
        if text.startswith("there") or all(w in _FILLERS or w.isdigit() for w in head):
            return True  # "we have two options"; never "we've decided to use the following tools"

    return bool(the.search(text) or label.search(text))


def announces_candidates(sec: Section, line: int) -> bool:
    """The paragraph before ``line`` announces candidates: it ends with a colon and names
    them ("The following are the top three libraries available:")."""
    before = [b for b in sec.blocks if isinstance(b, Paragraph) and b.line < line]
    if not before or not before[-1].text.rstrip().endswith(":"):
        return False
    said = before[-1].text
    return lexicon().mentions("candidate_nouns", said) and not lexicon().mentions(
        "not_candidates", said
    )


def details_led(sec: Section, lst: ListBlock) -> bool:
    """A list led by a line that announces something other than candidates ("Required
    changes include:", "The risks are:"): the details of one option, not the options."""
    at = sec.blocks.index(lst) if lst in sec.blocks else 0
    before = sec.blocks[at - 1] if at else None
    if not isinstance(before, Paragraph) or not before.text.rstrip().endswith(":"):
        return False
    said = re.split(r"(?<=[.!?])\s+", before.text.strip())[-1]
    lex = lexicon()
    return lex.mentions("not_candidates", said) and not lex.mentions("candidate_nouns", said)


# a sentence that announces a course or more ("We have another potential way of ...")
_ONE_MORE = re.compile(
    r"\b(?:another|other|alternative|(?:one|two|three|four)\s+(?:\w+\s+)?)"
    r"(?:\s+\w+)?\s+(?:ways?|approach(?:es)?|options?|alternatives?|solutions?|possibilit(?:y|ies))\b",
    re.IGNORECASE,
)
# "Eventlogs via HTTP GET - this is an aggregated form of polling": a name, then its gloss
_NAMED_HEAD = re.compile(r"^\W*(?:\S+\s+){0,5}\S+\s+(?:-|–|—)\s+\S")
MIN_ARGUED_WORDS = 8  # a paragraph of prose, not a label or a short lead
MIN_SENTENCE_WORDS = 10  # an item that is a sentence of argument, not a name


def argues_above(sec: Section, lst: ListBlock) -> bool:
    """A list of sentences under a paragraph of argument that does not lead into it ("We
    could simply not do this." / "- This isn't possible to solve by ..."): the points of
    the course that paragraph argues, not the options. A list after a lead-in (one ending
    on a colon, or announcing candidates), a list of short names and a section's first
    block stay options."""
    at = sec.blocks.index(lst) if lst in sec.blocks else 0
    before = sec.blocks[at - 1] if at else None
    if not isinstance(before, Paragraph) or before.label:
        return False
    text = before.text.strip()
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    if len(text.split()) < MIN_ARGUED_WORDS or text.endswith(":") or lead_in(last.lower()):
        return False
    if _ONE_MORE.search(last):  # "We have another potential way of doing X."
        return False
    return all(
        len(it.text.split()) >= MIN_SENTENCE_WORDS
        and not it.label
        and not _NAMED_HEAD.match(it.text)
        and it.text.rstrip()[-1:] in ".)"
        for it in lst.items
    )
