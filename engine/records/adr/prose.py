"""Options named in prose rather than listed: read with care and marked uncertain.

People often record their alternatives in sentences: "We considered X, Y and Z", "The other
option we considered was X", "Another alternative is to X", "We have two options: X or Y",
"choose between X and Y", or a title such as "X v. Y". These readers find such names; every
option they give is marked uncertain (``x_uncertain``), so no finding above low rests on it.

Inside an options section (``## Alternatives`` written as prose) one named alternative is
enough. Elsewhere (the context, the problem statement, the title) a sentence must name two
or more, and a stated count ("three types of database: ...") must match what is listed.
"""

from __future__ import annotations

import re

from ..document import Document, ListBlock, Paragraph, Section
from .adopted import adopted
from .content import Opt
from .inlinelist import inline_numbered
from .leadin import WEIGHED_OF
from .names import acceptable, trim

MAX_TITLE_WORDS = 16  # a longer "name" is a clause of prose, not an option
MAX_LISTED_WORDS = 6  # an item of an enumeration in running text
MAX_INCLUDED_WORDS = 10  # ... after "other options include", which says the items are options
MAX_ITEMS = 8
_ABBREV = re.compile(r"\b(vs|v|e\.g|i\.e|cf|approx|incl)\.", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(*_`])|(?<=[.!?])$|\n")
_LEAD = re.compile(
    r"^(?:(?:to\s+)?(?:use|using|adopt|adopting|go\s+with|switch\s+to|move\s+to)\s+|"
    r"the\s+use\s+of\s+|use\s+of\s+|the\s+|an?\s+)+",
    re.IGNORECASE,
)
_WE = (
    r"(?:we|i|they|the\s+team|our\s+team|the\s+(?:organi[sz]ation|company|project|business|"
    r"group|committee|board|department))"
)
_CONSIDERED = re.compile(
    r"^(?:(?:initially|originally|also|first|then|however|instead),?\s+|[^,]{3,60},\s+)?"
    + _WE
    # "We've considered X", "We'd looked at X" (not "I've prototyped with X": the course taken)
    + r"(?:['’](?:ve|d)(?=\s+(?:(?:also|briefly|carefully|seriously)\s+)?(?:considered|"
    r"evaluated|look|explored|investigated|weighed|compared|assessed)))?\s+"
    r"(?:(?:have|has|had|also|initially|originally|briefly|carefully|seriously)\s+){0,3}"
    r"(?:considered|evaluated|(?:did\s+)?look(?:ed)?\s+(?:at|into|for)|explored|investigated|"
    r"weighed|compared|"
    r"assessed|discussed|tried|prototyped|reviewed),?\s+(?P<x>.+)$",
    re.IGNORECASE,
)
_ALTERNATIVE_IS = re.compile(
    # "For `isinstance`, a simple variant would be to ...": the case it is for comes first
    r"^(?:(?:for|in|with|on)\s+[^,;:]{2,60},\s+)?"
    r"(?:the\s+|an?\s+|one\s+|another\s+)?(?:(?:primary|main|first|second|third|other|only|"
    r"obvious|final|last|rejected|considered|possible|natural|further|simple|simpler|naive|"
    r"different|alternative|(?:much|even|far)\s+\w+er|[a-z]+er)\s+|"
    r"['\"“‘][^'\"”’]{1,30}['\"”’]\s+)*"  # "The 'do nothing' alternative is to ..."
    # "alternative" as typed in haste too ("altnerative", "alterantive")
    r"(?:option|alt\w{3,5}tive|approach|candidate|choice|possibility|contender|competitor|"
    r"variant|way|solution)\s+"
    r"(?:(?:for|to)\s+(?P<ref>that|this|it|these|those)"
    r"(?:\s+(?:decision|design|proposal|approach|choice))?\s+)?"
    r"(?:(?:that\s+|which\s+)?" + _WE + r"(?:['’](?:ve|d))?\s+(?:\w+\s+){0,2}?"
    r"(?:considered|evaluated|looked\s+at|explored|rejected)\s+|"
    # "One alternative that has been proposed is to ..."
    r"(?:that|which)\s+(?:has\s+been|have\s+been|was|were|is)\s+(?:proposed|suggested|"
    r"considered|raised|discussed)\s+)?"
    r"(?:is|was|would\s+be|would\s+have\s+been|will\s+be)\s+(?:to\s+)?(?P<x>.+)$",
    re.IGNORECASE,
)
_COUNT = (
    r"(?P<count>two|three|four|five|six|seven|eight|[2-8]|several|a\s+few|a\s+couple\s+of|"
    r"various|multiple|some|the\s+following)"
)
_NOUNS = (
    r"(?:options|alternatives|approaches|choices|candidates|solutions|formats|types|kinds|"
    r"tools|frameworks|libraries|technologies|designs|strategies|methods|"
    r"possibilities|products|services|providers|platforms|languages|databases|styles|"
    r"conventions|patterns|architectures|standards|specifications|vendors|engines)"
)
_COUNTED = re.compile(
    r"\b" + _COUNT + r"\s+(?:[\w-]+\s+){0,3}?" + _NOUNS + r"\b(?P<gap>[^:;.–—]{0,80}?)"
    r"(?:\s*:|\s+[–—-]{1,2})\s+(?P<x>.+)$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    r"\b(?:choose|choosing|chose|decide|deciding|decided|pick|picking|select|selecting|"
    r"choice|decision|trade-?off|comparison|compare|comparing)\s+between\s+(?P<x>.+)$",
    re.IGNORECASE,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_END = re.compile(
    r"(?:,\s+(?:but|which|however|as|since|because|although|though|so|where|while)\b|"
    r"\s+(?:but|because|since|however|although|though|which|whereas|while)\s|[;:(]|\s[—–]\s|"
    r"(?<!\.)\.(?:\s|$)|\?|!)",
    re.IGNORECASE,
)
_SUCH_AS = re.compile(
    r"\s(?:such\s+as|like|including|namely|e\.?g\.?,?|(?:that|which)\s+include[sd]?)\s+(.+)$",
    re.IGNORECASE,
)
_EXAMPLES = re.compile(
    r",?\s+(?:such\s+as|in\s+the\s+style\s+of|like|which|that|including|e\.?g\.?)\s", re.I
)
_PASSIVE_END = re.compile(r"\s+(?:were|was|are|is|have\s+been|has\s+been)\s.*$", re.I)
_BUT_CHOSE = re.compile(
    r"\bbut\s+(?:(?:we|i)\s+)?(?:finally\s+|eventually\s+)?(?:chose|picked|selected|went\s+with|"
    r"settled\s+on|opted\s+for)\s+(?P<y>.+)$",
    re.IGNORECASE,
)
_CLAUSE_OBJECT = re.compile(r"^(?:that|whether|if|how|why|what|when|where|which)\b", re.I)
_VAGUE = re.compile(
    r"\b(?:other|several|some|many|a\s+few|various|multiple|alternative|(?:above-?|afore)?mentioned|"
    r"above|listed)\b",
    re.I,
)
_SPLIT = re.compile(r",\s*(?:and|or)\s+|\s+(?:and|or|vs|versus|v)\s+|,\s*|\s+/\s+", re.I)
_NOT_A_NAME = re.compile(
    r"^(?:it|this|that|them|these|those|both|all|each|either|neither|other|others|something|"
    r"anything|nothing|options?|alternatives?|approaches?|solutions?|more|several|many|"
    r"which|what|how|whether)$",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences; "vs.", "e.g." and dotted names (``Next.js``) do not end
    one."""
    text = _ABBREV.sub(lambda m: m.group(1).replace(".", ""), text)
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _clause(text: str) -> str:
    """The words up to where the sentence moves on (", but", "because", ";", "."), without
    its parenthetical remarks ("Amazon Web Services (AWS)")."""
    text = re.sub(r"\s*\([^()]*\)", "", text)
    m = _END.search(text)
    return (text[: m.start()] if m else text).strip()


def _clean(name: str) -> str:
    name = name.strip().strip("*_`\"'“”‘’").strip()
    name = re.sub(r"\s+(?:etc|and|or)$", "", name, flags=re.I)
    name = _LEAD.sub("", name).strip()
    return name.rstrip(" .,:;!?").strip()


def _items(text: str, max_words: int) -> list[str]:
    """The names of an enumeration ("A, B, and C", "A or B", "A vs B"); empty when any part
    is too long to be a name."""
    parts = [_clean(p) for p in _SPLIT.split(text)]
    parts = [p for p in parts if p]
    if not parts or len(parts) > MAX_ITEMS:
        return []
    if any(len(p.split()) > max_words or _NOT_A_NAME.match(p) for p in parts):
        return []
    return parts


def considered(sentence: str, *, single: bool) -> list[str]:
    """ "We considered X, Y and Z" / "We looked at other tools such as X and Y"."""
    m = _CONSIDERED.match(sentence)
    if m is None:
        return []
    said = WEIGHED_OF.sub("", m.group("x"))  # "the pros and cons of X and Y": X and Y
    if _COUNT_ONLY.match(_LEAD.sub("", said)):
        return []  # "6 possible options": a count, no names (the list after it has them)
    such = _SUCH_AS.search(said)
    if such and _VAGUE.search(said[: such.start()]):  # "... such as X and Y were considered"
        return _items(_clause(_PASSIVE_END.sub("", such.group(1))), MAX_LISTED_WORDS)
    if _VAGUE.match(_LEAD.sub("", said)) or _CLAUSE_OBJECT.match(said):
        return []  # "we considered other options", "We considered that SSL is not needed"
    clause = _EXAMPLES.split(_clause(said))[0]
    found = _items(clause, MAX_LISTED_WORDS)
    if found and (took := _BUT_CHOSE.search(said)) is not None:  # "... but chose Postgres"
        chose = re.split(r"\s+(?:for|because|as|since|due\s+to|given|to|in\s+order)\b", took["y"])
        found += _items(_clause(chose[0]), MAX_LISTED_WORDS)[:1]
    if not found and single:  # one alternative described in a phrase
        whole = _clean(clause)
        ok = whole and len(whole.split()) <= MAX_TITLE_WORDS and not _NOT_A_NAME.match(whole)
        return [whole] if ok else []
    return found if single or len(found) >= 2 else []


_COUNT_ONLY = re.compile(
    r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,2}?"
    r"(?:options|alternatives|approaches|ways|solutions|candidates|possibilities)\W*$",
    re.IGNORECASE,
)
_COULD_BE = re.compile(
    r"^(?P<x>[^,;:]{3,90}?)\s+(?:could|might|would|can)\s+(?:also\s+)?(?:be\s+used|"
    r"be\s+an\s+(?:option|alternative)|be\s+adopted|replace)\b",
    re.IGNORECASE,
)


def could_be(sentence: str) -> list[str]:
    """ "X could be used to ...": in an alternatives section, X is an alternative."""
    m = _COULD_BE.match(re.sub(r"\s*\([^()]*\)", "", sentence))
    if m is None:
        return []
    return _a_name(_clean(re.sub(r"\s*\([^()]*\)", "", m.group("x"))), MAX_LISTED_WORDS)


def _a_name(name: str, max_words: int = MAX_TITLE_WORDS) -> list[str]:
    """``[name]`` when it can be an option's name: not empty, not too long, not a pronoun."""
    if not name or len(name.split()) > max_words or _NOT_A_NAME.match(name):
        return []
    return [name]


def alternative_is(sentence: str) -> list[str]:
    """ "The other option we considered was X" / "Another alternative is to X"."""
    m = _ALTERNATIVE_IS.match(sentence)
    if m is None:
        return []
    name = _clean(_clause(m.group("x")))
    if len(name.split()) > MAX_TITLE_WORDS:  # "... a method that allows for any ...": cut
        name = _RELATIVE.split(name, maxsplit=1)[0].rstrip(" ,;:")  # before the relative clause
    return _a_name(name)


_RELATIVE = re.compile(r"\s+(?:that|which|where|so\s+that|in\s+order\s+to|such\s+that)\s")


_HAS = re.compile(
    r"\b(?:currently|already|includes|supports|provides|ships|offers|exposes)\b", re.I
)
_WEIGHED_NOUN = re.compile(r"\b(?:options|alternatives|approaches|choices|candidates)\b", re.I)
_INVENTORY = re.compile(r"\b(?:all|each\s+of\s+the|every\s+one\s+of\s+the)\s+$", re.IGNORECASE)


def counted(sentence: str) -> list[str]:
    """ "We have two options: X or Y" / "three types of database: A, B, and C"."""
    m = _COUNTED.search(sentence)
    if m is None or _INVENTORY.search(sentence[: m.start()]):
        return []  # "All seven versioned types - A, B, ...": what there is, not options
    if _HAS.search(sentence[: m.start()]) and not _WEIGHED_NOUN.search(m.group(0)):
        return []  # "Spin currently includes ... two trigger types: HTTP, and Redis"
    found = _items(_clause(m.group("x")), MAX_LISTED_WORDS)
    count = m.group("count").lower()
    want = _NUMBERS.get(count) or (int(count) if count.isdigit() else None)
    if want is not None and len(found) != want:
        return []
    return found if len(found) >= 2 else []


_EG = r"(?:for\s+example|for\s+instance|e\.?g\.?)"
# "There are several options for X, including A, B and C", "Other options include A or B",
# "Alternatives such as A and B": options named after the noun that announces them
_INCLUDED = re.compile(
    r"\b(?:other|possible|several|various|many|some|different|alternative|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:options|alternatives|choices|candidates)\b"
    r"(?P<gap>[^:;.!?]{0,80}?),?\s+"
    rf"(?:(?:include[sd]?|including|such\s+as|like)\s+(?:{_EG}\s*,?\s+)?|{_EG}\s*,?\s+)"
    r"(?P<x>.+)$",
    re.IGNORECASE,
)


_OTHERS_INCLUDE = re.compile(
    r"^(?:the\s+)?other\s+(?:[\w-]+\s+){0,2}?(?:options|alternatives)\b", re.IGNORECASE
)


def included(sentence: str) -> list[str]:
    """ "There are several options for X, including A, B and C" / "Other options include
    A or B": two or more names after the noun that announces them."""
    m = _INCLUDED.search(sentence)
    if m is None:
        return []
    found = _items(_clause(_PASSIVE_END.sub("", m.group("x"))), MAX_INCLUDED_WORDS)
    return found if len(found) >= 2 else []


def between(sentence: str) -> list[str]:
    """ "We must choose between X and Y"."""
    m = _BETWEEN.search(sentence)
    if m is None:
        return []
    found = _items(_clause(m.group("x")), MAX_LISTED_WORDS)
    return found if len(found) >= 2 else []


def _opts(names: list[str], para: Paragraph, seen: set[str]) -> list[Opt]:
    out = []
    for name in names:
        key = name.lower()
        if key in seen:
            continue
        seen.add(key)
        opt = Opt(name, para.line, None, [name], uncertain=True)
        opt.describe(para.text, para.line)
        out.append(opt)
    return out


# "Or, we could rely on users to ...", "Some people propose using magic functions instead":
# in an options section, a sentence that puts a course forward names it
_PROPOSED = re.compile(
    r"^(?:or|alternatively|also|instead)?,?\s*(?:(?:we|one|you)\s+could\s+(?:also\s+)?|"
    r"(?:some\s+(?:people|users|folks|have)|others|it\s+has\s+been)\s+(?:have\s+)?"
    r"(?:propose[sd]?|suggest(?:ed|s)?)\s+(?:that\s+we\s+)?)(?P<x>.+)$",
    re.IGNORECASE,
)


# "It would be possible to modify the pause annotation such that ..., however ...": in an
# options section, a course said to be possible is one put forward
_POSSIBLE = re.compile(
    r"^(?:it\s+(?:would|could|might)\s+(?:also\s+)?be\s+possible\s+to|"
    r"it\s+is\s+also\s+possible\s+to)\s+(?P<x>.+)$",
    re.IGNORECASE,
)


def possible(sentence: str) -> list[str]:
    """ "It would be possible to X": X is a course put forward."""
    m = _POSSIBLE.match(" ".join(sentence.split()))
    return _a_name(_clean(_clause(m.group("x")))) if m else []


def proposed(sentence: str) -> list[str]:
    """ "Or, we could X" / "Some people propose X": X is a course put forward."""
    m = _PROPOSED.match(sentence)
    if m is None:
        return []
    name = _clean(re.split(r",\s+\w+ing\b", _clause(m.group("x")), maxsplit=1)[0])
    return _a_name(re.sub(r"\s+instead$", "", name, flags=re.I))


def in_section(sec: Section) -> list[Opt]:
    """Options named in an options section written as prose (one is enough)."""
    out: list[Opt] = []
    seen: set[str] = set()
    for para in sec.paragraphs():
        for sentence in sentences(para.text):
            names = (
                considered(sentence, single=True)
                or alternative_is(sentence)
                or between(sentence)
                or could_be(sentence)
                or proposed(sentence)
                or possible(sentence)
            )
            out.extend(_opts(names, para, seen))
    return out


def in_text(paras: list[Paragraph]) -> list[Opt]:
    """Options compared in running text (the context): the first sentence that names two
    or more."""
    for para in paras:
        for sentence in sentences(para.text):
            names = (
                counted(sentence)
                or considered(sentence, single=False)
                or between(sentence)
                or included(sentence)
                or inline_numbered(sentence)
            )
            if len(names) >= 2:
                out = _opts(names, para, set())
                for opt in out if _OTHERS_INCLUDE.match(sentence) else ():
                    opt.aside = True  # "Other options include X or Y": beside the decision
                return out
    return []


_VERSUS = re.compile(r"\s+(?:vs\.?|v\.|versus)\s+", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s+(?:for|in|on|at|with|as|within|inside|across)\s+.*$", re.IGNORECASE)


def in_title(title: str, line: int) -> list[Opt]:
    """ "snake_case v. camelCase for a REST API": the names compared in a title."""
    parts = _VERSUS.split(title.strip().rstrip("?!. "))
    if len(parts) < 2 or len(parts) > 4:
        return []
    last = _clean(_QUALIFIER.sub("", parts[-1]))
    middle = [_clean(p) for p in parts[1:-1]]
    width = max([len(last.split())] + [len(m.split()) for m in middle])
    first_words = _clean(parts[0]).split()
    first = " ".join(first_words[-width:]) if len(first_words) > width else " ".join(first_words)
    names = [first, *middle, last]
    if any(not n or len(n.split()) > MAX_LISTED_WORDS for n in names):
        return []
    para = Paragraph(title, line=line)
    return _opts(names, para, set())


_LIST_INTRO = re.compile(
    r"\b"
    + _COUNT
    + r"\s+(?:[\w-]+\s+){0,3}?(?P<noun>"
    + _NOUNS
    + r")\b(?P<rest>[^:.]{0,120}):\s*$",
    re.IGNORECASE,
)
# "The following types stored a name:" lists the parts a fact is about; "the following"
# announces alternatives only with a noun of alternatives or a word that weighs them.
_ALTERNATIVE_NOUN = re.compile(
    r"^(?:options|alternatives|approaches|choices|candidates|solutions|possibilities)$", re.I
)
_WEIGHING = re.compile(
    r"\b(?:consider\w*|evaluat\w*|available|possible|compar\w*|competing|exist\w*|choose|"
    r"assess\w*|looked\s+at|weigh\w*|investigat\w*|explor\w*|review\w*|tested|tried)\b",
    re.IGNORECASE,
)


# counts that describe what there is rather than announce what was weighed
_DESCRIBING_COUNTS = ("the following", "multiple", "several", "various", "some")


def _announces(text: str) -> bool:
    m = _LIST_INTRO.search(text)
    if m is None:
        return False
    if not m.group("count").lower().startswith(_DESCRIBING_COUNTS):
        return True  # "three types of database:"
    # "the following types ...:", "multiple interaction patterns ..., including:" describe
    # what there is; they announce alternatives only with a noun or a word that weighs them
    return bool(_ALTERNATIVE_NOUN.match(m.group("noun")) or _WEIGHING.search(m.group("rest")))


def in_listed(sections: list[Section]) -> list[Opt]:
    """ "There are several options to choose from:" and the list after it."""
    for sec in sections:
        blocks = list(sec.blocks)
        for n, block in enumerate(blocks[:-1]):
            after = blocks[n + 1]
            if not (isinstance(block, Paragraph) and _announces(block.text)):
                continue
            if not isinstance(after, ListBlock) or not 2 <= len(after.items) <= MAX_ITEMS:
                continue
            names = [
                _clean(it.label or re.split(r":\s|\s[-–—]\s", it.text)[0]) for it in after.items
            ]
            if all(n and len(n.split()) <= MAX_LISTED_WORDS for n in names):
                out = _opts(names, block, set())
                for opt, item in zip(out, after.items, strict=False):
                    opt.line = item.line
                return out
    return []


_IN_USE = re.compile(
    r"^(?:(?:currently|today|at\s+present|so\s+far|until\s+now),?\s+)?"
    + _WE
    + r"\s+(?:are\s+(?:currently\s+)?using|currently\s+use|use|have\s+been\s+using|"
    r"were\s+using|rely\s+on|currently\s+rely\s+on)\s+(?P<x>.+)$",
    re.IGNORECASE,
)


def in_use(sentence: str) -> str:
    """ "We are currently using X to ...": the approach in use (X), or ""."""
    m = _IN_USE.match(" ".join(sentence.split()))
    if m is None:
        return ""
    name = trim(re.sub(r"\s+to\s+[a-z]+\b.*$", "", m.group("x")))
    ok = name and len(name.split()) <= MAX_LISTED_WORDS and not _NOT_A_NAME.match(name)
    return name if ok and acceptable(name) else ""


def alternative_alone(
    paras: list[Paragraph], doc: Document | None = None, title: str = ""
) -> list[Opt]:
    """ "The other alternative is to X" / "Another option is to X" in the context, when
    nothing else names options. X is one alternative, not the one taken (rejected), unless
    the decision or the title restates it: then X is what the record adopts (chosen), and
    when the sentence says what it is the alternative to ("the alternative to that"), the
    approach in use that one of the three sentences before names is the status quo."""
    said = [(p, s) for p in paras for s in sentences(p.text)]
    for n, (para, sentence) in enumerate(said):
        names = alternative_is(sentence)
        if not names:
            continue
        out = _opts([names[0].replace("`", "")], para, set())
        if doc is None or not adopted(names[0], doc, title):
            out[0].rejected = True
            return out
        out[0].marked, out[0].marked_line = True, para.line
        out[0].chosen_by = "the alternative the decision goes on to adopt"
        m = _ALTERNATIVE_IS.match(sentence)
        back = [s for _, s in said[max(0, n - 3) : n][::-1]] if m and m.group("ref") else []
        prior = next((s for s in back if in_use(s)), "")
        before = in_use(prior)
        if before and before.lower() != out[0].title.lower():
            (old,) = _opts([before], para, set())
            old.rejected, old.reason, old.reason_line = True, prior, para.line
            old.description = f"In use before this decision (the status quo): {prior}"
            old.desc_line = old.desc_line or para.line
            out.insert(0, old)
        return out
    return []
