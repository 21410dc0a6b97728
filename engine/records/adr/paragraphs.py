"""An alternatives section written in paragraphs only, each paragraph one alternative
("Users could write one policy that calls the others. This was rejected because ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Section
from .content import Opt
from .optionitems import OWN_DESIGN
from .prose import MAX_TITLE_WORDS, _clause, _clean, sentences

MAX_ALTERNATIVE_PARAGRAPHS = 3
# "The working group discussed a wide range of alternatives": weighed, but none named here
_UNNAMED = re.compile(
    r".*\b(?:range|number|variety|lots?|host|plenty|many|several|various|numerous)\s+of\s+"
    r"(?:other\s+)?(?:alternatives|options|approaches|ideas)\b",
    re.IGNORECASE,
)
# Paragraphs of an alternatives section that say there is none, or point elsewhere.
_NO_ALTERNATIVE = re.compile(
    r"^\W*(?:n/?a|none|no\b|not\b|nothing|unknown\b|tbd|tbc|todo|see\b|refer\b|same\b|"
    r"this\s+section\b|"
    # "The `Alternatives` section is used to highlight ...": the template's own guidance
    r"(?:the\s+)?\W?(?:alternatives?|options?)\W?\s+section\b|"
    # "This proposal is the first step towards ...": the record's own course, not another
    r"(?:this|the\s+(?:current|present))\s+(?:proposal|rfc|design|document|change|simd|kep|"
    r"tep|pep|cep|enhancement|spec|specification)\b|"
    # "There are tons of error handling styles ...": a statement, not a course (not "There
    # is also the option of X")
    r"there\s+(?:are|is|were|was)\s+(?!(?:also\s+)?(?:the\s+|an?\s+)?(?:other\s+)?"
    r"(?:option|possibility|alternative|approach)\b)|"
    # "This RFC is about internal design, and there is little choice"
    r".*\b(?:little|no|not\s+much|hardly\s+any)\s+(?:choice|alternatives?|other\s+options?)\b|"
    r"as\s+(?:in|for)\b|identical\b|there\s+(?:are|were|was|is)"
    r"\s+no|we\s+(?:did|do|have)\s+not|we\s+didn't|no\s+other|"
    # "The alternatives are shown above in the motivation": a pointer, not an alternative
    r"(?:the\s+|other\s+)?alternatives?\s+(?:are|were|is|was)\s+(?:shown|described|listed|"
    r"discussed|given|covered)\b)",
    re.IGNORECASE,
)


def paragraph_alternatives(sec: Section, named: Sequence[Opt] = ()) -> list[Opt]:
    """An alternatives section written as one to three short paragraphs and nothing else
    ("Run the service on our own Kubernetes cluster instead."): each paragraph is one
    alternative, titled by its first sentence ("Users could write one policy that calls the
    others" is "write one policy that calls the others"); "This was rejected because ..."
    gives its reason. The paragraphs of ``named`` options (read by the sentence readers)
    keep them, and beside them a paragraph counts only in those two shapes. Uncertain,
    like every option read from prose."""
    paras = [p for p in sec.paragraphs() if not p.source.lstrip().startswith(("![", "[^"))]
    # (an image, or the footnotes "[^4]: https://..." the section ends with, is no course)
    if (
        not paras
        or len(paras) > MAX_ALTERNATIVE_PARAGRAPHS
        or len(sec.paragraphs()) != len(sec.blocks)
        or sec.children
    ):
        return list(named)
    out: list[Opt] = []
    for para in paras:
        if own := [o for o in named if o.line == para.line]:
            out.extend(own)
            continue
        said = sentences(para.text) or [""]
        if listed := _listed(said, para.text, para.line):  # "These include X as well as Y"
            out.extend(listed)
            continue
        if out and _GOES_ON.match(said[0]):  # "However, ..." / "We can revisit this ...":
            if _AGAINST.match(said[0]):  # more of the alternative before it
                out[-1].add("cons", para.line, said[0])
            continue
        if not said[0] or _NO_ALTERNATIVE.match(said[0]) or said[0].endswith((":", "?")):
            return list(named)  # "> What other designs have been considered?": a prompt
        if OWN_DESIGN.match(said[0]) or _UNNAMED.match(said[0]):  # "The proposed X would
            continue  # still have some advantages": the record's own course, or none named
        first = _SOMEONE_COULD.sub("", _INSTEAD_OF.sub("", said[0]))
        turned = any(_WAS_REJECTED.match(t) for t in said[1:])
        if named and first == said[0] and not turned:
            continue  # beside named ones, only a course someone could take, or one turned down
        opt = _course(first, said, para.text, para.line)
        if opt is None:
            return list(named)
        if why := next((_why(m) for t in said[1:] if (m := _WAS_REJECTED.match(t))), ""):
            opt.rejected, opt.reason, opt.reason_line = True, why.rstrip("."), para.line
        out.append(opt)
    return out


# A paragraph that goes on about the alternative before it: a connective, or "this
# alternative" / "this approach" / "it" named again
_GOES_ON = re.compile(
    r"^(?:however|but|also|moreover|furthermore|in\s+addition|additionally|still|"
    r"unfortunately|otherwise|therefore|thus|so|besides)\b|"
    r"^.{0,60}\b(?:this|that|the\s+above)\s+(?:alternative|approach|option|solution|idea)\b|"
    r"^(?:it|this|that)\s+(?:would|will|is|was|has|had|introduces|requires|means|adds)\b",
    re.IGNORECASE,
)
_AGAINST = re.compile(r"^(?:however|but|unfortunately)\b", re.IGNORECASE)
# A sentence that adds to the drawback before it: "At the same time, follower reads need ..."
_MORE = re.compile(
    r"^(?:also|moreover|furthermore|in\s+addition|additionally|at\s+the\s+same\s+time|besides)\b",
    re.IGNORECASE,
)


def _course(first: str, said: Sequence[str], text: str, line: int) -> Opt | None:
    """The alternative ``text`` (its sentences ``said``) puts forward, titled by the clause
    ``first`` names it in; its "However, ..." sentences its cons. None without a title."""
    words = _clause(first).split() or first.split()
    title = _clean(" ".join(words[:MAX_TITLE_WORDS]))
    if not title:
        return None
    opt = Opt(title, line, None, [said[0]], uncertain=True)
    opt.describe(text, line)
    _drawbacks_said(opt, said[1:], line)
    return opt


def _drawbacks_said(opt: Opt, later: Sequence[str], line: int) -> None:
    """The sentences of an alternative's paragraph that turn against it ("However,
    increasing the number of followers will reduce the writing efficiency."), and those that
    add to such a sentence ("At the same time, ..."), are its cons."""
    against = False
    for sentence in later:
        if _AGAINST.match(sentence):
            against = True
        elif not (against and _MORE.match(sentence)):
            against = False
            continue
        opt.add("cons", line, sentence)  # once: Opt.add keeps a point read twice once


# "Instead of setting X in the defaults, we could put it in the flag": the course is after
_INSTEAD_OF = re.compile(
    r"^(?:instead\s+of|rather\s+than)\s+[^,.;]{3,160},\s*(?=(?:we|you|one|users?)\s)",
    re.IGNORECASE,
)


# "Users could write ...", "We could instead ...": who could do it is not the alternative
_SOMEONE_COULD = re.compile(
    r"^(?:(?:of\s+course|also|finally|lastly|similarly|naturally),\s+)?"
    r"(?:(?:we|you|one|users?|operators?|developers?|authors?|clients?|teams?)\s+"
    r"(?:could|can|might|may)\s+(?:also\s+|instead\s+|alternatively\s+)*|"
    # "An alternative approach could be to automate ...", "One alternative considered was
    # to pass ...", "Another option we explored was moving ...": the course is what follows
    r"(?:an?|one|another)\s+(?:other\s+)?(?:(?:much|even|far)\s+)?(?:[a-z]+er\s+)?"
    r"(?:alternative|option|approach|possibility)"
    r"(?:\s+(?:approach|option|solution))?"
    r"(?:\s+(?:that\s+)?(?:we\s+)?(?:considered|explored|evaluated|discussed|looked\s+at))?"
    r"\s+(?:(?:could|would|might|may)\s+be|was|is)\s+(?:to\s+|that\s+)?)"
    r"(?=[a-z])",
    re.IGNORECASE,
)
_WAS_REJECTED = re.compile(
    r"^(?:this|that|it|this\s+approach|this\s+option|this\s+alternative)\s+"
    r"(?:was|is|has\s+been)\s+(?:"
    r"(?:rejected|discarded|dismissed|ruled\s+out|not\s+chosen)\s+(?:because|as|since)\s+"
    r"(?P<why>\S.*)|"
    # "This option was deemed not as optimal as X because ...": the judgement is the reason
    r"(?P<judged>(?:deemed|judged|found|considered)\s+(?:less|not|too|more\s+complex|"
    r"un\w+|in\w+)\b.*))$",
    re.IGNORECASE,
)


def _why(m: re.Match[str]) -> str:
    return m.group("why") or m.group("judged")


# "We could have just waited for X", "For the case of Y, we could fall back to Z": the course
# is what follows the writers' "could"
_WE_COULD = re.compile(
    r"\b(?:we|one|you)\s+(?:could|might|can|would)\s+(?:have\s+)?"
    r"(?:(?:just|also|instead|simply|alternatively)\s+)*(?=[a-z])",
    re.IGNORECASE,
)
MAX_LEAD_CHARS = 120


def course_of(text: str, line: int) -> Opt | None:
    """The one alternative a sentence or two put forward ("We could have just waited for the
    protocol change. However, that is likely to take more work."): titled by the course
    after "we could", its "However, ..." sentences its cons. None when no writer's "could"
    opens it."""
    said = sentences(text) or [""]
    m = _WE_COULD.search(said[0][:MAX_LEAD_CHARS])
    if m is None:
        return None
    opt = _course(said[0][m.end() :], said, text, line)
    if opt is not None:
        opt.rejected = True
    return opt


# "These include maintaining a program as well as complete renames": alternatives listed
_INCLUDE = re.compile(
    r"^(?:(?:these|they|those)\s+(?=include|comprise)|(?:the|other|such)\s+(?:alternatives?|"
    r"options?|approaches|ideas)(?:\s+(?:considered|discussed))?\s+)"
    r"(?:include[sd]?|were|are|comprised?)\s*:?\s+"
    r"(?P<list>.+?)\.?$",
    re.IGNORECASE,
)
# "Alternatives such as moving to our own organisation, or even not moving at all, were
# considered": the same, said of the alternatives weighed
_SUCH_AS_WERE = re.compile(
    r"^(?:other\s+|several\s+|some\s+)?(?:alternatives?|options?|approaches|ideas)\s+"
    r"(?:such\s+as|like|including)\s+(?P<list>.+?),?\s+(?:were|have\s+been|had\s+been)\s+"
    r"(?:(?:also|all|briefly|carefully)\s+)?(?:considered|discussed|explored|evaluated|"
    r"weighed|rejected|looked\s+at)\b.*$",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(
    r",\s*(?:and\s+|or\s+)?(?:even\s+)?|\s+(?:as\s+well\s+as|and|or)\s+(?:even\s+)?"
)
_TURNED_DOWN = re.compile(
    r"\b(?:untenable|rejected|ruled\s+out|dismissed|not\s+feasible|cannot|can't|could\s+not)\b",
    re.IGNORECASE,
)
MAX_LISTED_WORDS = 12


def _listed(said: Sequence[str], text: str, line: int) -> list[Opt]:
    """The alternatives a sentence lists ("These include X as well as Y"), two or more of
    a few words each; turned down when the paragraph says so ("deemed untenable")."""
    for sentence in said:
        m = _INCLUDE.match(sentence.strip()) or _SUCH_AS_WERE.match(sentence.strip())
        if m is None:
            continue
        parts = [re.sub(r"^to\s+", "", p.strip(" ,;")) for p in _LIST_SPLIT.split(m.group("list"))]
        if len(parts) < 2 or any(not p or len(p.split()) > MAX_LISTED_WORDS for p in parts):
            return []
        out = []
        for part in parts:
            title = _clean(part)
            if not title:
                return []
            opt = Opt(title[0].upper() + title[1:], line, None, [sentence], uncertain=True)
            if _TURNED_DOWN.search(text):
                opt.rejected, opt.reason, opt.reason_line = True, text, line
            out.append(opt)
        return out
    return []
