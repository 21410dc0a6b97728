"""Alternatives argued in prose: a sentence that sets the approach taken against another.

Records that weigh no options section often still name what they did not do, anywhere in
the context or the decision:

- "Rather than X, it was decided to Y" / "Rather than trying to X, this approach Y" /
  "The decision was made to Y instead of X": a decision, possibly impersonal or passive,
  set against an alternative;
- "Despite the strengths of X, we are sticking with Y" / "Although X is faster, we will use
  Y" / "We will use Y, not X";
- "Y should not be X, rather it should Z": the decided behaviour against the one it drops;
- "X is no longer an option" (or "no longer viable"); with "this"/"that" as its subject, the
  approach of the sentence before ("we solved it by running X");
- "e.g. Y instead of X" in a guideline: the example it gives of the choice.

A sentence counts only when it decides (a deciding lead, an imperative, or a decision
section), never when it tells history ("we used X rather than Y"), consequences, a future
or hypothetical choice ("we could X rather than Y", "if ..."), or describes one approach
("the service pushes events rather than polling"). Every option read here is uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document
from . import sections as roles
from .adopted import adopted
from .content import Opt
from .names import MAX_NAME_WORDS, Said, acceptable, gerund, names_pair, shaped, trim
from .twoway import TwoWay, decision_parts, options_of, said_in

MAX_FOUND = 4
MAX_APPROACH_WORDS = 12  # "leveraging the SSO of X and running two Y instances"

_OPEN = r"(?:(?:so|thus|therefore|hence|however|ultimately|for\s+now|as\s+a\s+result),?\s+)?"
# Who or what decides, active or impersonal: "it was decided to", "we have decided to",
# "the decision was made to", "we will", "the team agreed to".
_WE = r"(?:we|the\s+team|our\s+team|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+team)"
_DECIDED = (
    r"(?:decided|agreed|chosen|chose|opted|elected|resolved|determined|proposed|"
    r"recommended|preferred)"
)
_DECIDES = (
    rf"(?:it\s+(?:was|has\s+been|is|had\s+been)\s+{_DECIDED}\s+(?:that\s+we\s+(?:will|would|"
    rf"should)\s+|to\s+)|"
    r"the\s+decision\s+(?:was|has\s+been|is)\s+(?:made|taken)\s+to\s+|"
    rf"the\s+(?:decision|choice|proposal|recommendation)\s+is\s+to\s+|"
    rf"it\s+(?:was|has\s+been)\s+{_DECIDED}\s+that\s+(?:(?!should|will|would|must|shall)"
    r"[\w`'-]+\s+){1,4}(?:should|will|must|shall)\s+(?:be\s+)?|"
    rf"{_WE}(?:'ve|\s+have|\s+had)?\s+(?:(?:now|therefore|also|instead)\s+)?{_DECIDED}\s+"
    r"(?:instead\s+)?to\s+|"
    rf"{_WE}(?:'ll|\s+will|\s+shall|\s+are\s+going\s+to)\s+(?:(?:now|instead|therefore|also|"
    r"continue\s+to)\s+)?)"
)
# In a decision section the design itself may be the subject: "this approach clones ...".
_THIS = r"(?:this|the\s+(?:chosen|new|proposed))\s+(?:approach|design|solution|proposal|change)\s+"
_INSTEAD = r"(?:rather\s+than|instead\s+of)"
_TRYING = r"(?:(?:trying|attempting|having|choosing|deciding)\s+to\s+)?"
_THEN = r"(?:,\s*|\s+)"

# Up to two leading phrases ("In addition, within a subscription, ..."), never a condition.
_PRELUDE = r"(?:(?!(?:if|when|whenever|once|unless|until|should|where)\b)[^,;:]{3,60},\s+){0,2}"
_RATHER_LEAD = re.compile(
    rf"^{_PRELUDE}{_OPEN}{_INSTEAD}\s+{_TRYING}(?P<y>[^,;:]+?){_THEN}(?P<lead>{_DECIDES}|{_THIS})"
    r"(?P<x>.+)$",
    re.IGNORECASE,
)
_LEAD_RATHER = re.compile(
    rf"^{_PRELUDE}{_OPEN}(?:{_DECIDES})(?P<x>.+?),?\s+{_INSTEAD}\s+{_TRYING}(?P<y>.+)$",
    re.IGNORECASE,
)
_KEEP = (
    r"(?:stick(?:ing)?\s+with|stay(?:ing)?\s+(?:with|on)|keep(?:ing)?(?:\s+using)?|"
    r"use|using|go(?:ing)?\s+with|choose|choosing|opt(?:ing)?\s+for|prefer(?:ring)?|"
    r"adopt(?:ing)?|remain(?:ing)?\s+(?:with|on)|continu(?:e|ing)\s+(?:to\s+use|with|using))"
)
_NOW = r"(?:(?:currently|still|for\s+now|instead|therefore|nevertheless|now)\s+)?"
_KEEPER = (
    rf"(?:{_WE}(?:'re|'ll|\s+are|\s+will|\s+shall|\s+have\s+decided\s+to|\s+decided\s+to|"
    rf"\s+chose\s+to|\s+prefer\s+to)?\s+{_NOW}{_KEEP}|{_KEEP})\s+"
)
_DESPITE = re.compile(
    r"^(?:despite|in\s+spite\s+of|for\s+all)\s+(?:the\s+)?(?:many\s+)?"
    r"(?:strengths?|advantages?|benefits?|merits?|appeal|popularity|promise|features?|"
    r"qualities|upsides?)\s+of\s+(?P<y>[^,;]+?),\s*" + _NOW + _KEEPER + r"(?P<x>.+)$",
    re.IGNORECASE,
)
_ALTHOUGH = re.compile(
    r"^(?:although|though|while|whilst|even\s+though)\s+(?P<y>[^,;]+?)\s+"
    r"(?:is|are|was|were|would\s+be|might\s+be|could\s+be|offers?|has|have|provides?|seems?|"
    r"looks?|supports?)\b[^,;]*,\s*" + _KEEPER + r"(?P<x>.+)$",
    re.IGNORECASE,
)
_NOT = re.compile(
    rf"^{_OPEN}(?:{_DECIDES}|(?=(?:use|adopt|choose|pick|prefer|keep)\b)|{_KEEPER})"
    r"(?P<x>.+?),\s+(?:and\s+)?not\s+(?!only|just|least|necessarily|because|yet|always|all|"
    r"every|to\b|for\b|in\b|on\b|at\b|as\b|when\b|if\b|until\b)(?P<y>.+)$",
    re.IGNORECASE,
)
_NOT_RATHER = re.compile(
    r"^(?P<s>[^,;]+?)\s+(?:should|will|must|shall|is\s+to|are\s+to)\s+not\s+(?:be\s+)?"
    r"(?P<y>[^,;]+?)[,;]?\s+(?:but\s+)?rather,?\s+(?:(?:they|it|these|those|we|this)\s+"
    r"(?:should|will|must|shall)\s+(?:be\s+)?)?(?P<x>[^,;]+)$",
    re.IGNORECASE,
)
_EXAMPLE = re.compile(
    r"^(?:e\.?g\.?|eg|for\s+example|for\s+instance|examples?|such\s+as)\s*[:,]?\s+"
    rf"(?P<x>[^,;:]+?)\s+(?:{_INSTEAD}|over|in\s+preference\s+to|,?\s+not)\s+(?P<y>[^,;:]+)$",
    re.IGNORECASE,
)
_NO_LONGER = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:(?:therefore|now|thus|also|clearly)\s+)?no\s+longer\s+"
    r"(?:an?\s+)?(?:(?:viable|realistic|valid|available|good|feasible|practical|possible)\s+)?"
    r"(?:option|alternative|choice|possible|viable|feasible|tenable|an\s+option)\b",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(r"(?:^|[,;]\s*|\s)(?:this|that|it|doing\s+so|this\s+approach)$", re.I)
# The approach of a sentence: "we solved it by leveraging X", "we currently use X".
_BY = re.compile(r"\bby\s+(?P<x>(?:\w+ly\s+)?\w{3,}ing\b.+)$", re.IGNORECASE)
_USING = re.compile(
    r"^(?:(?:currently|today|at\s+present|so\s+far|until\s+now),?\s+)?(?:we|the\s+team)\s+"
    r"(?:are\s+(?:currently\s+)?using|currently\s+use|use|have\s+been\s+using|were\s+using|"
    r"used\s+to\s+use|rely\s+on|currently\s+rely\s+on)\s+(?P<x>.+)$",
    re.IGNORECASE,
)
# A clause that is not the choice made now.
_NOT_NOW = re.compile(
    r"\b(?:if|when|whenever|once|until|unless|eventually|could|might|would|may|later|"
    r"in\s+(?:the\s+)?future|next\s+(?:year|quarter|release))\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\s+(?:to|so\s+as\s+to|in\s+order\s+to)\s+(?:support|allow|enable|make|ensure|avoid|help|"
    r"keep|handle|accommodate|reduce|improve|provide|get|let|prevent|simplify|speed)\b.*$",
    re.IGNORECASE,
)
_NOT_APPROACH = re.compile(
    r"^(?:possibility|risk|chance|need|problem|issue|question|error|bug|case|idea)s?\b", re.I
)


@dataclass(frozen=True)
class Found:
    """What one sentence sets against what: the side taken (may be empty: the decision) and
    the one not taken."""

    chosen: str
    other: str
    incumbent: bool
    said: Said


def _side(phrase: str) -> str:
    phrase = re.sub(r"(?:^|(?<=\s))(?:simply|just|also|then)\s+", "", phrase.strip(), flags=re.I)
    phrase = re.sub(r"^(?:(?:the|a|an)\s+)?(?:much\s+)?(?:more|less)\s+", "", phrase, flags=re.I)
    return trim(_PURPOSE.sub("", phrase))


def _plain(phrase: str) -> str:
    """A verb phrase kept whole ("expire on the timeout"), cleaned of emphasis."""
    return phrase.strip().replace("`", "").strip(" *_\"'“”‘’.,")


def _loose_pair(chosen: str, other: str, code: tuple[str, ...]) -> bool:
    """Both sides names, or (with a deciding lead) phrases of two words or more that differ."""
    if names_pair(chosen, other, code):
        return True
    if not (acceptable(chosen) and acceptable(other)) or chosen.lower() == other.lower():
        return False
    return all(len(s.split()) >= 2 or shaped(s, code) for s in (chosen, other))


def _alone(name: str, code: tuple[str, ...], *, words: int = MAX_NAME_WORDS) -> bool:
    """One side read alone can name an approach: a name, a gerund phrase, two words or more."""
    if not name or len(name.split()) > words or _NOT_APPROACH.match(name):
        return False
    first = name.split()[0].lower()
    if not acceptable(" ".join(name.split()[:MAX_NAME_WORDS])) and first not in ("running",):
        return False
    return shaped(name, code) or gerund(name) or len(name.split()) >= 2


_ADVERBIAL = re.compile(
    r"^(?:at|in|on|for|by|with|from|to|of|into|onto|within|across|over|under|via|through|"
    r"when|where|as|than)\b",
    re.IGNORECASE,
)


def _pair(x: str, y: str, said: Said, *, incumbent: bool = False, loose: bool) -> Found | None:
    if _NOT_NOW.search(x) or _NOT_NOW.search(y) or _ADVERBIAL.match(y.strip()):
        return None  # "at the organisational level rather than at a team level"
    x = re.sub(r"^(?:\S+\s+){0,3}?(?:to\s+)?(?:use|using)\s+", "", x.strip(), flags=re.I)
    chosen, other = _side(x), _side(y)
    ok = _loose_pair(chosen, other, said.code) if loose else names_pair(chosen, other, said.code)
    if ok:
        return Found(chosen, other, incumbent, said)
    if loose and _alone(other, said.code):  # the decided side is a clause: the decision
        return Found("", other, incumbent, said)
    return None


def contrast(said: Said, *, in_decision: bool) -> Found | None:
    """The two sides of a sentence that sets the approach taken against another, or None."""
    text = " ".join(said.text.split()).rstrip(" .!")
    text = text.replace("**", "").replace("__", "")
    m = _RATHER_LEAD.match(text)
    if m is not None and (in_decision or not re.match(_THIS, m.group("lead"), re.I)):
        return _pair(m.group("x"), m.group("y"), said, loose=True)
    m = _DESPITE.match(text)
    if m is not None:  # "the strengths of X": X is an option, whatever its shape
        x, y = _side(m.group("x")), _side(m.group("y"))
        ok = acceptable(x) and acceptable(y) and x.lower() != y.lower()
        return Found(x, y, False, said) if ok and not _NOT_NOW.search(x) else None
    for pattern in (_LEAD_RATHER, _ALTHOUGH, _NOT):
        m = pattern.match(text)
        if m is not None:
            return _pair(m.group("x"), m.group("y"), said, loose=pattern is not _NOT)
    if not in_decision:
        return None
    m = _NOT_RATHER.match(text)
    if m is not None and not _NOT_NOW.search(m.group("s")):
        x, y = _plain(m.group("x")), _plain(m.group("y"))
        ok = _loose_pair(x, y, said.code) and not _NOT_NOW.search(x + " " + y)
        return Found(x, y, False, said) if ok else None
    m = _EXAMPLE.match(text)
    if m is not None and not re.search(r"\b(?:is|are|was|were|will|we|it)\b", m.group("x"), re.I):
        return _pair(m.group("x"), m.group("y"), said, loose=False)
    return None


_RULE_OUT = re.compile(r"\brul(?:e|es|ed|ing)\s+out\s+(?P<y>.+)$", re.IGNORECASE)
_APPROACH_WORD = re.compile(r"^(?:[\w]+-)?\w{3,}ing$", re.IGNORECASE)


def ruled_out(said: Said) -> Found | None:
    """ "These constraints rule out hard-coding the styles": an approach (a gerund phrase or
    a name) the record excludes."""
    m = _RULE_OUT.search(" ".join(said.text.split()))
    if m is None or _NOT_NOW.search(said.text[: m.start()]):
        return None
    name = _side(m.group("y"))
    words = name.split()
    approach = shaped(name, said.code) or any(_APPROACH_WORD.match(w) for w in words[:3])
    return Found("", name, False, said) if approach and _alone(name, said.code) else None


_NONE_FITS = re.compile(
    r"\b(?:no|none\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:solutions?|options?|alternatives?|tools?|"
    r"libraries|products|frameworks|languages|services)\s*[(,]?\s*(?:such\s+as|like|e\.?g\.?,?)\s+"
    r"(?P<y>[^(),;]+?)\s*[),]",
    re.IGNORECASE,
)


def none_fits(said: Said) -> list[Found]:
    """ "No existing solution (such as embedding Lua) could be found to fit": the examples
    of a kind the record finds none of fitting, each not taken."""
    m = _NONE_FITS.search(" ".join(said.text.split()))
    if m is None:
        return []
    names = [_side(p) for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("y"))]
    if (
        not names
        or len(names) > MAX_FOUND
        or not all(_alone(n, said.code) or shaped(n, said.code) for n in names)
    ):
        return []
    return [Found("", n, False, said) for n in names if acceptable(n)]


_WOULD_LIST = re.compile(
    r"^(?:(?:however|but|conversely|on\s+the\s+other\s+hand|by\s+contrast),?\s+)?"
    r"(?P<y>\w{3,}ing\b[^,;:]*?)\s+would(?:\s+also)?(?:\s+(?:mean|require|involve|cause|result\s+in))?"
    r"\s*:$",
    re.IGNORECASE,
)


def would_list(said: Said, doc: Document) -> Found | None:
    """ "Disabling auto-accept would:" and a list of its effects: an approach weighed and,
    unless the decision restates it, not taken."""
    m = _WOULD_LIST.match(" ".join(said.text.split()))
    if m is None:
        return None
    name = _side(m.group("y"))
    if not _alone(name, said.code) or not gerund(name) or adopted(name, doc):
        return None
    return Found("", name, False, said)


def no_longer(saids: list[Said], n: int) -> Found | None:
    """ "X is no longer an option": X, or the approach of the sentence before when X is
    "this"."""
    said = saids[n]
    text = " ".join(said.text.split())
    m = _NO_LONGER.search(text)
    if m is None:
        return None
    before = re.split(r"[,;]\s+|\s+(?:and|but|so)\s+", text[: m.start()])[-1].strip()
    before = re.sub(
        r"^(?:(?:and|but|so|thus|hence|therefore|now|then)\b,?\s*)+", "", before, flags=re.I
    )
    if _ANAPHOR.search(" " + before):
        found = None
        for prev in (" ".join(s.text.split()).rstrip(" .") for s in saids[max(0, n - 2) : n][::-1]):
            found = _BY.search(prev) or _USING.match(prev)
            if found is not None:
                break
        if found is None:
            return None
        name = _side(re.sub(r"\s*[-–—]{1,2}\s*.*$", "", found.group("x")))
        return (
            Found("", name, True, said)
            if _alone(name, said.code, words=MAX_APPROACH_WORDS)
            else None
        )
    name = _side(before)
    return Found("", name, True, said) if _alone(name, said.code) else None


def _sentences(doc: Document) -> Iterator[tuple[list[Said], bool]]:
    secs = [doc.root] if doc.root.paragraphs() else []
    secs += roles.ordered(doc, roles.is_context)
    yield list(said_in(secs)), False
    yield list(said_in(decision_parts(doc))), True


# A comparison that favours one side: "Unlike MongoDB, Postgres supports joins", "We prefer
# Postgres to MongoDB", "Instead of MongoDB, we use Postgres".
_SIDES = r"(?P<x>[^,;]{2,60}?)"
_COMPARED = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:unlike|compared\s+(?:to|with)|in\s+contrast\s+to|as\s+opposed\s+to)\s+"
        r"(?P<y>[^,;]{2,60}?),\s+" + _SIDES + r"\s+(?:is|are|has|have|supports?|offers?|"
        r"provides?|gives|does|can|scales?|handles?|runs?|needs?|requires?)\b",
        r"^(?:we|the\s+team)\s+(?:(?:clearly|strongly|generally)\s+)?prefer(?:s|red)?\s+"
        + _SIDES
        + r"\s+(?:to|over)\s+(?P<y>[^,;]{2,60}?)(?:[,;]?\s+(?:because|as|since|for)\b.*)?$",
        r"^(?:instead\s+of|rather\s+than)\s+(?P<y>[^,;]{2,60}?),\s+(?:we|the\s+team)\s+(?:will\s+|now\s+)?"
        r"(?:use|choose|adopt|pick|go\s+with|run|rely\s+on)\s+(?P<x>[^,;]{2,60})$",
    )
)


def compared_to(said: Said, doc: Document) -> Found | None:
    """A comparison that favours the side the decision adopts: the other side is an
    alternative not taken. Never when the decision adopts neither."""
    text = " ".join(said.text.split()).rstrip(" .!")
    for pattern in _COMPARED:
        m = pattern.match(text)
        if m is None:
            continue
        x, y = _side(m.group("x")), _side(m.group("y"))
        if names_pair(x, y, said.code) and adopted(x, doc) and not adopted(y, doc):
            return Found(x, y, False, said)
    return None


def contrasts(doc: Document) -> list[Found]:
    """Every contrast of the context and the decision, in order, each alternative once."""
    if not decision_parts(doc):
        return []  # no decision stated: nothing to set alternatives against
    out: list[Found] = []
    seen: set[str] = set()
    for saids, decision in _sentences(doc):
        for n, said in enumerate(saids):
            one = (
                contrast(said, in_decision=decision)
                or compared_to(said, doc)
                or no_longer(saids, n)
                or ruled_out(said)
                or would_list(said, doc)
            )
            for found in [one] if one is not None else none_fits(said):
                if found.other.lower() in seen:
                    continue
                seen.add(found.other.lower())
                out.append(found)
                if len(out) >= MAX_FOUND:
                    return out
    return out


def options_of_found(found: list[Found]) -> list[Opt]:
    """Options of the contrasts: the first side taken is chosen (uncertain), each other side
    is not taken, with its sentence as the reason."""
    out: list[Opt] = []
    chosen_done = False
    titles: set[str] = set()
    for f in found:
        if f.chosen and not chosen_done and f.chosen.lower() not in titles:
            pair = options_of(TwoWay(f.chosen, f.other, f.incumbent, f.said))
            chosen_done = True
            for opt in pair:
                if not opt.marked:
                    opt.reason, opt.reason_line = f.said.text, f.said.line
            out.extend(pair)
            titles.update(o.title.lower() for o in pair)
            continue
        if f.other.lower() in titles:
            continue
        opt = Opt(f.other, f.said.line, None, [f.other], uncertain=True)
        opt.rejected, opt.reason, opt.reason_line = True, f.said.text, f.said.line
        opt.describe(f.said.text, f.said.line)
        out.append(opt)
        titles.add(f.other.lower())
    return out


def in_contrast(doc: Document) -> list[Opt]:
    """The alternatives a record argues against in its context and decision. Uncertain."""
    return options_of_found(contrasts(doc))


def beside_adopted(out: list[Opt], doc: Document) -> list[Opt]:
    """When prose gave only the approach the record adopts ("An alternative is to adopt X",
    and the decision does X), the approaches it argues against elsewhere ("these needs rule
    out hard-coding it") are its alternatives, each not taken."""
    if not out or not all(o.marked for o in out):
        return out
    titles = {o.title.lower() for o in out}
    extra = [o for o in options_of_found(contrasts(doc)) if not o.marked]
    return out + [o for o in extra if o.title.lower() not in titles]
