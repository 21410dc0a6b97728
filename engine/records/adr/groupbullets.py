"""Sub-decisions answered in the decision's bullets and bold-led paragraphs.

A record with several option groups (see :mod:`.topics`) often answers them in one list
under ``## Decision``, a bullet per sub-decision, or in paragraphs that each start with the
group in bold:

- a bullet whose lead names a group (``- **Registry**: we use X``, ``* Registry - X,
  because ...``, ``- For the registry we use X``) or a paragraph led by it in bold
  (``**Registry.** We go with X.``) answers that group: the start of what follows the lead
  (``X, because ...``), or else its first clause that decides (``we use X``), names one
  option of the group, by a title restated or by a word no other option of the group has;
- a bullet whose lead names no group answers one when its deciding clause names exactly one
  option of all the groups, by a word no other option of any group has or by its title
  restated (``The chosen option is ... self-registration with name resolution``).

A name after a word that turns it down (``not X``, ``instead of X``, ``rather than X``) names
nothing, a clause that says no (``we will not use X``, ``we want to avoid X``) or weighs
(``if``, ``could``) chooses nothing, and a group two bullets answer differently keeps no
choice. Uncertain, as :mod:`.groupanswers`: the name is read, not stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..document import ListBlock, Paragraph, Section
from . import sections as roles
from .content import Opt
from .naming import canon, named_by_own, option_terms, terms
from .prose import sentences

# What decides ("We decided to use", "we will implement", "we start with", "is used"): the
# words both readers of group answers share; each may add its own.
_DECIDING_AUX = r"will|shall|have\s+decided\s+to|decided\s+to|decide\s+to|agreed\s+to"
_DECIDING_VERBS = r"start|begin|go|went|use|chose|choose|picked|selected|adopted|opted|settled"
_PASSIVE_CHOICE = r"\b(?:is|are|will\s+be)\s+(?:used|adopted|chosen|selected)\b"


def deciding(aux: str = "", verbs: str = "", more: str = "") -> re.Pattern[str]:
    """A sentence that states what is done, with more auxiliaries (``aux``), verbs and whole
    alternatives (``more``) than the shared ones."""
    aux = "|".join(x for x in (_DECIDING_AUX, aux) if x)
    verbs = "|".join(x for x in (_DECIDING_VERBS, verbs) if x)
    tail = f"|{more}" if more else ""
    return re.compile(
        rf"\b(?:we|the\s+team)\s+(?:(?:{aux})\s+\w|(?:{verbs})\b)|{_PASSIVE_CHOICE}{tail}",
        re.IGNORECASE,
    )


# Besides groupanswers' words: "we want to", "we are going to", "we prefer", "we'll", "the
# chosen option is".
_DECIDES = deciding(
    aux=r"want\s+to|are\s+going\s+to",
    verbs="prefer",
    more=r"\bwe(?:'ll|’ll)\s+\w|"
    r"\b(?:chosen|selected|preferred)\s+(?:option|approach|solution|alternative)\s+is\b",
)
# A clause that says no to what it names, or holds it open.
_REFUSES = re.compile(
    r"\b(?:avoid\w*|drop\w*|remov\w*|deprecat\w*|replac\w*|stop\w*|abandon\w*|reject\w*|"
    r"retir\w*|phas\w*\s+out|get\s+rid|away\s+from|no\s+longer|against|postpon\w*|defer\w*|"
    r"could|might|would|may|consider\w*|evaluat\w*|later|eventually)\b",
    re.IGNORECASE,
)
_NO_AT_START = re.compile(r"^(?:\S+\s+){0,4}?(?:not|never|no|none|neither)\b|n't\b", re.I)
_CONDITION = re.compile(r"\b(?:if|unless|whether|in\s+case|once|until|when)\b", re.IGNORECASE)
# "as" gives a reason ("as it is", "as we run"), not a role ("encode payloads as Avro")
_AS_REASON = r"as\s+(?:it|they|this|that|we|there|our|its)"
_SPAN_END = re.compile(
    rf",|;|:|\s+(?:but|while|whereas|so\s+that|because|since|{_AS_REASON})\s+", re.IGNORECASE
)
# "not X", "instead of X", "rather than X": up to where the clause moves on, X is turned down
_TURNED_DOWN = re.compile(
    r"\b(?:not|never|no|nor|instead\s+of|rather\s+than|over|against|unlike|versus|vs\.?|than|"
    r"except)\b.*?(?=,|;|\s+and\s+|\s+but\s+|\.(?:\s|$)|$)",
    re.IGNORECASE,
)
# words too common to tell options apart, and words a lead adds to a group's name
_PLAIN = frozenset(
    {"up", "down", "out", "off", "only", "also", "just", "then", "than", "same", "make"}
    | {"sure", "each", "new", "more", "less", "very"}
)
_LEAD_WORDS = frozenset({"decision", "choice", "question", "topic", "area", "sub-decision"})
MAX_LEAD_WORDS = 6
# "Registry - X", "Registry: X" (a bold lead is read by the document model)
_PLAIN_LEAD = re.compile(r"^(?P<lead>[^:;,.()]{2,60}?)\s*(?::|\s[-–—]\s)\s*(?P<body>\S.*)$")
# "For the registry we use X", "Regarding the registry, X"
_FOR_LEAD = re.compile(
    r"^(?:for|regarding|concerning|as\s+(?:for|to)|about|with\s+(?:regard|respect)\s+to)\s+"
    r"(?:the\s+|our\s+)?(?P<lead>[^,:;.()]{2,60}?)"
    r"(?:\s*[,:]\s*|\s+(?=(?:we|we'll|the\s+team|it|this)\b))(?P<body>\S.*)$",
    re.IGNORECASE,
)
# where the start of what follows a lead ends ("X, because ...")
_HEAD_END = re.compile(
    rf"[,;:()]|\.(?:\s|$)|\s+(?:but|because|since|{_AS_REASON}|so|which|due\s+to|while|whereas)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """A bullet or a bold-led paragraph of the decision: its line, its lead (or ""), what
    follows the lead, its whole text, and whether it is a bullet."""

    line: int
    lead: str
    body: str
    text: str
    bullet: bool


def words(found: set[str]) -> set[str]:
    """The words of ``found`` that can tell options apart."""
    return {w for w in found if len(w) > 2 and w not in _PLAIN}


def topic(group: str) -> str:
    """A group's topic: its name, without an inner group's."""
    return canon(group.split(" > ", 1)[0])


def _lead_of(text: str, label: str | None, bullet: bool) -> tuple[str, str]:
    if label:
        rest = text[text.find(label) + len(label) :] if label in text else text
        return label.strip(" .:-–—"), re.sub(r"^\s*[.:\-–—]\s*", "", rest).strip()
    if not bullet:
        return "", text
    for pattern in (_PLAIN_LEAD, _FOR_LEAD):
        m = pattern.match(text)
        if m and len(m.group("lead").split()) <= MAX_LEAD_WORDS:
            return m.group("lead").strip(), m.group("body").strip()
    return "", text


def units(outcome: Sequence[Section], skip: set[int]) -> Iterator[Unit]:
    """The bullets (nested ones too) and bold-led paragraphs of the decision sections,
    without their consequences and options subsections and the lines in ``skip``."""
    for sec in outcome:
        for sub in _own_sections(sec):
            for block in sub.blocks:
                if isinstance(block, Paragraph) and block.label and block.line not in skip:
                    lead, body = _lead_of(block.text, block.label, False)
                    yield Unit(block.line, lead, body, block.text, False)
                elif isinstance(block, ListBlock):
                    for item in block.items:
                        for it in item.walk():
                            if it.line not in skip:
                                lead, body = _lead_of(it.text, it.label, True)
                                yield Unit(it.line, lead, body, it.text, True)


def _own_sections(sec: Section) -> Iterator[Section]:
    yield sec
    for child in sec.children:
        if not roles.is_consequences(child.key) and not roles.is_options(child.key):
            yield from _own_sections(child)


def group_named(lead: str, names: dict[str, set[str]]) -> str | None:
    """The one group (``names``: each topic's words) a lead names: every word of the lead is
    in the group's name (``Registry`` for "Service registry"), or the name's in the lead and
    no other group's name has the lead's other words."""
    said = words(terms(lead)) - _LEAD_WORDS
    if not said:
        return None
    hits = [
        t
        for t, have in names.items()
        if have
        and (said <= have or have <= said)
        and not (said - have) & set().union(*(n for o, n in names.items() if o != t))
    ]
    return hits[0] if len(hits) == 1 else None


def deciding_clause(sentence: str) -> str:
    """The part of ``sentence`` from its deciding verb to where it moves on, or "" when it
    decides nothing, says no or is said on a condition."""
    m = _DECIDES.search(sentence)
    if m is None or _CONDITION.search(sentence[: m.start()]):
        return ""
    stop = _SPAN_END.search(sentence, m.end())
    clause = sentence[m.start() : stop.start() if stop else len(sentence)]
    if _NO_AT_START.search(clause) or _REFUSES.search(clause):
        return ""
    return clause


def taken(text: str) -> str:
    """``text`` without what it turns down ("X instead of Y" -> "X")."""
    return _TURNED_DOWN.sub(" ", text)


def _restated(said: str, indexes: Sequence[int], opts: Sequence[Opt]) -> set[int]:
    """The options whose title (two or more words) ``said`` restates, a title said inside a
    longer one's ("with name resolution" in "self-registration with name resolution") left
    out."""
    spans: list[tuple[int, int, int]] = []
    plain = canon(said)
    for i in indexes:
        for title in (opts[i].title, *opts[i].aliases):
            name = canon(title)
            if len(name.split()) < 2:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", plain):
                spans.append((m.start(), m.end(), i))
    return {
        i
        for s, e, i in spans
        if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) and j != i for s2, e2, j in spans)
    }


def names(
    text: str,
    members: Sequence[int],
    opts: Sequence[Opt],
    others: frozenset[str] = frozenset(),
    restated: set[int] | None = None,
) -> set[int]:
    """The options of ``members`` that ``text`` names, after what it turns down is gone: by a
    title restated (``restated``, when found among more options) or by a word only that
    option has (and no option has whose words are ``others``)."""
    said = taken(text)
    have = [words(option_terms(opts[i])) - others for i in members]
    found = {members[k] for k in named_by_own(words(terms(said)), have)}
    found |= _restated(said, members, opts) if restated is None else restated & set(members)
    return {i for i in found if not opts[i].rejected}


def answer(body: str, members: Sequence[int], opts: Sequence[Opt]) -> int | None:
    """The one option of a group that what follows its lead names: at its start ("X,
    because ..."), else in its first deciding clause that names any."""
    head = _HEAD_END.split(body, 1)[0]
    if head and not _NO_AT_START.search(head) and not _REFUSES.search(head):
        found = names(head, members, opts)
        if found:
            return found.pop() if len(found) == 1 else None
    for sentence in sentences(body):
        clause = deciding_clause(sentence)
        found = names(clause, members, opts) if clause else set()
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def unled(text: str, groups: dict[str, list[int]], opts: Sequence[Opt]) -> tuple[str, int] | None:
    """(group, option) when the deciding clauses of ``text`` name exactly one option of all
    the groups, by a word no option of another group has or by its title restated."""
    clauses = [c for s in sentences(text) if (c := deciding_clause(s))]
    if not clauses:
        return None
    found: set[tuple[str, int]] = set()
    everyone = [i for members in groups.values() for i in members]
    restated = [_restated(taken(c), everyone, opts) for c in clauses]
    for name, members in groups.items():
        others = frozenset().union(*(option_terms(opts[i]) for i in everyone if i not in members))
        for clause, said in zip(clauses, restated, strict=True):
            found |= {(name, i) for i in names(clause, members, opts, others, said)}
    return found.pop() if len(found) == 1 else None


def bullet_answers(
    outcome: Sequence[Section], opts: Sequence[Opt], groups: dict[str, list[int]]
) -> dict[str, tuple[int, int]]:
    """For each group (``groups``: topic -> its options) that the decision's bullets or
    bold-led paragraphs answer with one option, (that option, the line)."""
    skip = {o.line for o in opts}  # an options list inside the decision names them all
    names_of = {t: words(terms(t)) for t in groups}
    led: dict[str, set[tuple[int, int]]] = {}
    loose: dict[str, set[tuple[int, int]]] = {}
    for unit in units(outcome, skip):
        group = group_named(unit.lead, names_of) if unit.lead else None
        if group is not None:
            index = answer(unit.body, groups[group], opts)
            if index is not None:
                led.setdefault(group, set()).add((index, unit.line))
        elif unit.bullet and (hit := unled(unit.text, groups, opts)) is not None:
            loose.setdefault(hit[0], set()).add((hit[1], unit.line))
    out: dict[str, tuple[int, int]] = {}
    for group in groups:
        said = led.get(group) or loose.get(group) or set()
        if len({i for i, _ in said}) == 1:  # two bullets answering differently: none
            out[group] = min(said, key=lambda hit: hit[1])
    return out
