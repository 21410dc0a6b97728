"""Sub-decisions answered in the decision's own subsections.

A record with several option groups (one per sub-decision, see :mod:`.topics`) often answers
each group under a decision subsection named like it: "### V-Store and Events" under
"## Decision Outcome" for the options of "### V-Store and Events" under "## Considered
Options". In that subsection, the first sentence that decides ("We will implement ...", "we
start with the simpler serial processing") and names exactly one option of the group by a
word no other option of the group has, chooses it. Uncertain: the name is read, not stated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Section
from .content import Opt
from .groupbullets import bullet_answers, deciding, topic, words
from .naming import canon, named_by_own, option_terms, terms
from .prose import sentences

# A sentence that states what is done, not one that weighs or defers.
_DECIDES = deciding()
_WEIGHS = re.compile(
    r"\b(?:if|whether|could|might|would|may|consider\w*|reconsider\w*|not|never|n't)\b",
    re.IGNORECASE,
)


def _answering(group: str, outcome: Sequence[Section]) -> Section | None:
    """The subsection of the decision named like ``group``."""
    want = topic(group)
    for sec in outcome:
        for sub in sec.walk():
            if sub is not sec and want and canon(sub.title) == want:
                return sub
    return None


_SPAN_END = re.compile(r",|;|\s+(?:but|while|whereas|so\s+that|because|since)\s+", re.I)
_CLAUSE_END = re.compile(rf"{_SPAN_END.pattern}|\s+and\s+", re.IGNORECASE)


def _deciding(sentence: str, end: re.Pattern[str]) -> str:
    """The deciding part of ``sentence`` up to ``end`` ("We will implement X" of "We will
    implement X and leave it to the user to make sure ... does not conflict"), or ""."""
    m = _DECIDES.search(sentence)
    if m is None:
        return ""
    stop = end.search(sentence, m.end())
    return sentence[m.start() : stop.start() if stop else len(sentence)]


def _named(text: str, members: list[int], opts: Sequence[Opt]) -> list[int]:
    """The options of the group ``text`` names by a word no other option of it has."""
    have = [words(option_terms(opts[i])) for i in members]
    return [members[k] for k in named_by_own(words(terms(text)), have)]


def _named_once(sentence: str, members: list[int], opts: Sequence[Opt]) -> int | None:
    """The one option the deciding clause of ``sentence`` names, unless the sentence names
    another as well ("We will use X and Y together")."""
    clause = _deciding(sentence, _CLAUSE_END)
    if not clause or _WEIGHS.search(sentence[: sentence.find(clause)] + clause):
        return None
    hits = _named(clause, members, opts)
    if len(hits) != 1 or len(_named(_deciding(sentence, _SPAN_END), members, opts)) > 1:
        return None  # "We will use X and Y together": the group's two options at once
    return hits[0]


def group_answers(
    outcome: Sequence[Section], opts: Sequence[Opt]
) -> tuple[list[int], list[int], str]:
    """The option each group's decision subsection answers (else its bullet or bold-led
    paragraph, :mod:`.groupbullets`), the line it says so, and how; none unless every option
    has a group and there are two or more groups."""
    groups: dict[str, list[int]] = {}
    for i, opt in enumerate(opts):
        if opt.group is None:
            return [], [], ""
        groups.setdefault(topic(opt.group), []).append(i)
    if len(groups) < 2:
        return [], [], ""
    found: dict[str, tuple[int, int]] = {}
    for name, members in groups.items():
        sec = _answering(opts[members[0]].group or "", outcome)
        if sec is None or len(members) < 2:
            continue
        for para in sec.paragraphs():
            index = next(
                (
                    i
                    for s in sentences(para.text)
                    for i in [_named_once(s, members, opts)]
                    if i is not None
                ),
                None,
            )
            if index is not None:
                found[name] = (index, para.line)
                break
    rest = {name: members for name, members in groups.items() if len(members) >= 2}
    more = {g: hit for g, hit in bullet_answers(outcome, opts, rest).items() if g not in found}
    how = " or ".join(
        how for how, hits in (("each group's decision subsection", found), (BULLET, more)) if hits
    )
    found |= more
    return [i for i, _ in found.values()], [n for _, n in found.values()], how


BULLET = "each group's bullet or bold-led paragraph in the decision"
