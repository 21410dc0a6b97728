"""Two-way choices stated in a sentence: the option taken and the one it was set against.

Decision prose often names the alternative in the very sentence that decides: "Pick X over
Y", "We will use X rather than Y", "Instead of Y, we will X", "remove X in favour of Y",
"replace X with Y", "migrate from X to Y", a heading "Why Y replaces X", or a title "Use X
instead of Y". These readers take both sides as options, the chosen side marked chosen and
the other one not taken. When the sentence replaces something ("replace", "migrate from",
"in favour of" after "remove"), the side replaced is what is in use today: the status quo,
described so (it counts as the do-nothing baseline). Every option read here is uncertain.

Only the decision (or, without one, the design or rationale), its subsections' headings and
the title are read: the context tells history ("we elected to retire X in favour of Y") and
the consequences describe effects ("focus on the code rather than the editor"). A sentence
counts only when it is shaped as a choice (a subject deciding, "we will ...", or an
imperative "Use ...") and both sides pass :func:`.names.names_pair`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document, ListItem, Paragraph, Section
from . import sections as roles
from .content import Opt
from .names import Said, acceptable, aligned, names_pair, trim
from .prose import sentences

_OPENER = (
    r"(?:(?:so|thus|therefore|hence|instead|however|finally|ultimately|overall|for\s+now|"
    r"going\s+forward|from\s+now\s+on|in\s+(?:the\s+)?future|as\s+a\s+result|"
    r"for\s+(?:this|these)\s+reasons?|after\s+[^,]{3,60}),?\s+)?"
)
_SUBJECT = (
    r"(?:we|i|the\s+team|our\s+team|the\s+(?:project|platform|service|organi[sz]ation|"
    r"company|business)|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+team)"
)
_AUX = (
    r"(?:will|shall|should|must|would|can|are|is|am|have|has|had|do|did|also|therefore|"
    r"now|then|henceforth|always|going|to|be|decided|agreed|chose|opted|elected|prefer|"
    r"preferred|want|wanted|plan|planned|intend|intended|propose|proposed|recommend|"
    r"recommended|continue|hereby|already|still|instead)"
)
# "we will heavily prefer", "we strongly recommend": an adverb among the auxiliaries
LEAD = rf"{_OPENER}{_SUBJECT}(?:'ll|'ve|'re)?\s+(?:(?:{_AUX}|[a-z]{{3,}}ly)\s+){{0,5}}"
_IMPERATIVE = (
    r"(?:use|adopt|choose|pick|select|prefer|build|keep|run|host|deploy|store|write|"
    r"implement|migrate|move|switch|replace|remove|drop|retire|deprecate|prioriti[sz]e|"
    r"favou?r|go\s+with|opt\s+for|stick\s+with|stay\s+(?:on|with)|introduce|provide|manage)\b"
)
_OVER_VERB = (
    r"(?:pick|picked|choose|chose|chosen|select|selected|prefer|preferred|favou?r|"
    r"favou?red|prioriti[sz]e|prioriti[sz]ed|recommend|recommended|opt\s+for|opted\s+for|"
    r"go\s+with|went\s+with)"
)
_INSTEAD = r"(?:rather\s+than|instead\s+of|as\s+opposed\s+to|in\s+place\s+of|in\s+preference\s+to)"
_BE = (
    r"(?:is|are|was|were|will\s+be|shall\s+be|should\s+be|must\s+be|has\s+been|have\s+been)"
    r"(?:\s+now)?"
)
_CHOSEN_PASSIVE = rf"{_BE}\s+(?:preferred|chosen|selected|favou?red|prioriti[sz]ed|picked)"
_USED_PASSIVE = rf"{_BE}\s+(?:used|adopted|introduced|implemented|deployed)"
_DROP = (
    r"(?:remove|drop|deprecate|retire|abandon|phase\s+out|move\s+away\s+from|"
    r"migrate\s+away\s+from|stop\s+using|discontinue|sunset|replace)"
)
_DROPPING = (
    r"(?:removing|dropping|deprecating|retiring|abandoning|phasing\s+out|moving\s+away\s+from|"
    r"migrating\s+away\s+from|discontinuing|replacing)"
)
_MOVE = r"(?:move|migrate|switch|transition|port|convert|upgrade)"
_MOVING = r"(?:moving|migrating|switching|transitioning|porting|converting|upgrading)"
_REPLACE, _REPLACING = r"(?:replace|swap)", r"(?:replacing|swapping)"
# Where a verb of change governs the sentence: at its start (an imperative), after "we
# will", or after "decided to", "the decision was made to", "will be refactored to"; its
# -ing form only after "we are". Never a noun ("as part of the move from X to Y"), a
# participle ("..., replacing X") or a gerund naming the topic ("Migrating data from X").
_VERBAL = (
    rf"^(?:{LEAD}|.*?\b(?:decided|agreed|made|chosen|opted|elected|refactored|going|plans?|"
    r"planned|intends?|intended|proposes?|proposed|wants?|wanted|needs?)\s+to\s+)?"
)


def _governing(base: str, ing: str) -> str:
    return rf"(?:{_VERBAL}{base}|^{LEAD}{ing})"


_WILL_BE = r"(?:is|are|will\s+be|shall\s+be|should\s+be|must\s+be)"

# (pattern, whether the other side is the incumbent). x is the chosen side, y the other.
_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(p, re.IGNORECASE), incumbent)
    for p, incumbent in (
        # "Pick X over Y", "We prefer X to Y"
        (rf"^(?:{LEAD})?{_OVER_VERB}\s+(?P<x>.+?)\s+over\s+(?P<y>.+)$", False),
        (rf"^(?:{LEAD})?prefer(?:red)?\s+(?P<x>.+?)\s+to\s+(?P<y>.+)$", False),
        # "X is preferred over Y", "X will be used instead of Y"
        (rf"^(?P<x>[^,;:]+?)\s+{_CHOSEN_PASSIVE}\s+(?:over|{_INSTEAD})\s+(?P<y>.+)$", False),
        (rf"^(?P<x>[^,;:]+?)\s+{_USED_PASSIVE}\s+{_INSTEAD}\s+(?P<y>.+)$", False),
        (rf"^(?P<x>[^,;:]+?)\s+{_BE}\s+preferred\s+to\s+(?P<y>.+)$", False),
        # "Instead of Y, we will X"
        (rf"^{_INSTEAD}\s+(?P<y>[^,]+),\s*{LEAD}(?P<x>.+)$", False),
        # "We decided to X rather than Y", "Use X instead of Y"
        (rf"^(?:{LEAD}|(?={_IMPERATIVE}))(?P<x>.+?),?\s+{_INSTEAD}\s+(?P<y>.+)$", False),
        # "remove X in favour of Y", "X is deprecated in favour of Y"
        (rf"{_governing(_DROP, _DROPPING)}\s+(?P<y>.+?)\s+in\s+favou?r\s+of\s+(?P<x>.+)$", True),
        (
            rf"^(?P<y>[^,;:]+?)\s+{_WILL_BE}\s+(?:deprecated|removed|dropped|retired|replaced)"
            r"\s+in\s+favou?r\s+of\s+(?P<x>.+)$",
            True,
        ),
        # "We decided to use X in favour of Y"
        (
            rf"^(?:{LEAD}|(?={_IMPERATIVE}))(?:use|adopt|choose|pick|select|go\s+with|opt\s+for)"
            rf"\s+(?P<x>.+?)\s+in\s+favou?r\s+of\s+(?P<y>.+)$",
            False,
        ),
        # "replace X with Y", "X will be replaced by Y", "Why Y replaces X"
        (
            rf"{_governing(_REPLACE, _REPLACING)}\s+(?P<y>.+?)\s+(?:with|by)\s+(?P<x>.+)$",
            True,
        ),
        (rf"^(?P<y>[^,;:]+?)\s+{_WILL_BE}\s+replaced\s+(?:with|by)\s+(?P<x>.+)$", True),
        (
            r"^(?:why\s+)?(?P<x>[^,;:]+?)\s+(?:replaces|will\s+replace|should\s+replace|"
            r"supersedes|will\s+supersede)\s+(?P<y>.+)$",
            True,
        ),
        # "migrate from X to Y", "We will move the build from X to Y"
        (
            rf"{_governing(_MOVE, _MOVING)}\s+(?:(?!from\b)[\w'-]+\s+){{0,4}}?"
            r"from\s+(?P<y>.+?)\s+to\s+(?P<x>.+)$",
            True,
        ),
    )
)
# A choice put off to a later time is not the choice made now ("we will replace X with Y
# when it is available").
_DEFERRED = re.compile(
    r"\b(?:when|whenever|once|until|eventually|in\s+(?:the\s+)?future|at\s+a\s+later|"
    r"later\s+on|in\s+due\s+course|if)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TwoWay:
    chosen: str
    other: str
    incumbent: bool  # the other side is what is in use today
    said: Said
    more: tuple[str, ...] = ()  # further names the other side lists ("Y, Z or W")


MAX_TITLE_SIDE_WORDS = 4
MAX_SIDE_WORDS = 5  # each of several names set against the choice
# "to read the data", "so that it ...": what the chosen course is for, not its name
# and "as this looks easier", "because ...": why, not its name either
_PURPOSE = re.compile(
    r"\s+(?:(?:to|in\s+order\s+to)\s+(?!use\b|be\b)[a-z]+|so\s+that|as|because|since)\b.*$"
)


def _title_pair(chosen: str, other: str) -> bool:
    """In a title ("Use npm instead of yarn") each short side names an option, whatever
    its shape."""
    sides = (chosen, other)
    short = all(len(s.split()) <= MAX_TITLE_SIDE_WORDS for s in sides)
    return short and all(acceptable(s) for s in sides) and chosen.lower() != other.lower()


def _proper(side: str) -> bool:
    """One capitalised word inside a sentence, a proper name ("Sass", "Less", "Vim")."""
    return bool(re.fullmatch(r"[A-Z][a-z][\w.+#-]{0,29}", side)) and not re.search(r"\d", side)


def two_way(said: Said, *, title: bool = False) -> TwoWay | None:
    """The two sides of a sentence that chooses one thing over another, or None. In a
    ``title`` a short side need not be shaped like a name."""
    text = " ".join(said.text.split()).rstrip(" .!")
    for pattern, incumbent in _PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        x, y = m.group("x"), m.group("y")
        if _DEFERRED.search(x) or _DEFERRED.search(y):
            continue
        listed = [] if incumbent else _several(y)
        other = listed[0] if listed else trim(y)
        x = _PURPOSE.sub("", x) or x  # "Use GraphQL to read the data instead of ...": GraphQL
        chosen = trim(aligned(x, other) if other else x)
        if listed and not all(names_pair(chosen, o, said.code) for o in listed):
            other, listed = trim(y), []  # "Amazon MQ, mainly because ...": one name
            chosen = trim(aligned(x, other) if other else x)
        if names_pair(chosen, other, said.code) or (title and _title_pair(chosen, other)):
            return TwoWay(chosen, other, incumbent, said, tuple(listed[1:]))
        if not title and not incumbent and _proper(chosen) and _proper(other) and chosen != other:
            return TwoWay(chosen, other, incumbent, said)  # "We chose Sass over Less"
    return None


def decision_parts(doc: Document) -> list[Section]:
    """The sections that state the decision: decision sections, else the design, else the
    rationale."""
    for pick in (
        roles.is_decision,
        lambda k: k in roles.DESIGN,
        lambda k: k in roles.RATIONALE,
    ):
        found = roles.ordered(doc, pick)
        if found:
            return found
    return []


# Parts of a design that set its principles or aims, not the choice it makes
_PRINCIPLES = re.compile(
    r"^(?:(?:design|guiding|core|key)\s+)?(?:principles|tenets|goals|non-goals|requirements)$"
)


def said_in(secs: list[Section]) -> Iterator[Said]:
    """Each sentence of these sections (paragraphs, list items, subsection headings), in
    document order, with its line."""
    for sec in secs:
        for sub in sec.walk():
            if sub is not sec and _PRINCIPLES.match(sub.key):
                continue  # "### Design Principles": "Prioritize X over Y" guides, not decides
            if sub is not sec:
                yield Said(sub.title, sub.line)
            for para in sub.paragraphs():
                for sentence in sentences(para.text):
                    yield Said.of(para, sentence)
            for item in sub.items():
                yield from _item_said(item)


def _item_said(item: ListItem) -> Iterator[Said]:
    """Each sentence of a list item, then of the items nested under it ("1. We chose X." >
    "- Y was considered but not chosen.")."""
    para = Paragraph(item.text, item.source, line=item.line, lines=item.lines)
    for sentence in sentences(item.text):
        yield Said.of(para, sentence)
    for child in item.children:
        yield from _item_said(child)


def options_of(found: TwoWay) -> list[Opt]:
    """The options of a two-way sentence: the chosen one marked, the other not taken (the
    status quo when it is what the decision replaces); a side that names several ("instead
    of the content API or the CDA gem") is one option not taken for each."""
    said = found.said
    chosen = Opt(found.chosen, said.line, None, [found.chosen], uncertain=True)
    chosen.marked, chosen.marked_line = True, said.line
    chosen.chosen_by = "the chosen side of a two-way sentence"
    chosen.describe(said.text, said.line)
    others = []
    for name in (found.other, *found.more):
        other = Opt(name, said.line, None, [name], uncertain=True)
        other.rejected = True
        others.append(other)
        if found.incumbent:
            other.describe(f"In use before this decision (the status quo): {said.text}", said.line)
            return [other, chosen]
        other.describe(said.text, said.line)
    return [chosen, *others]


MAX_SEVERAL = 4  # names set against the choice in one sentence, at most


def _several(side: str) -> list[str]:
    """The names a side lists ("MongoDB, Cassandra or DynamoDB", "using the content API or
    the CDA gem"), or none."""
    side = re.sub(r"^(?:using|use)\s+", "", side.strip(), flags=re.I)
    parts = [trim(p) for p in re.split(r",\s*(?:or\s+)?|\s+or\s+", side)]
    ok = 2 <= len(parts) <= MAX_SEVERAL and all(p and acceptable(p) for p in parts)
    return parts if ok and all(len(p.split()) <= MAX_SIDE_WORDS for p in parts) else []


def in_decision(doc: Document, title: str, title_line: int) -> list[Opt]:
    """The first two-way sentence of the decision, else of the title."""
    for said in said_in(decision_parts(doc)):
        found = two_way(said)
        if found is not None:
            return options_of(found)
    found = title_two_way(title, title_line) if title else None
    return options_of(found) if found is not None else []


def title_two_way(title: str, line: int) -> TwoWay | None:
    """The two sides of a title that decides ("Use X instead of Y", "Using X instead of
    Y"), or None."""
    said = re.sub(r"^(?:using|adopting)\b", "Use", title, flags=re.I)
    return two_way(Said(said, line), title=True)
