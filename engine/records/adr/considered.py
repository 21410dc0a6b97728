"""Alternatives the context names and turns down one sentence at a time: "We considered
Apache Spark but we don't have enough data", "Considered RxJava, but ...", "Using RabbitMQ
was discussed, but it does not keep events", "MongoDB was also an option, but ...", "We
dismissed X as ...", "X and Y were discarded: ...", "Switching to X was considered too
risky", "We could also have used X, but ...", "Why not X?" (the next sentence says why),
"X would have required ..." (when the decision adopts something else), and a first idea
the decision turns down ("Jade was originally proposed ..." / "We moved to Slim as Jade
..."). Each is an option not taken, its reason the rest of the sentence; only names count
(a capital inside the name, a digit, a hyphen or a code span), never common nouns
("Migration was discussed, but ...")."""

from __future__ import annotations

import re

from ..document import Document, Paragraph, Section
from . import sections as roles
from .adopted import adopted
from .content import Opt
from .prose import _NOT_A_NAME, _WE, MAX_LISTED_WORDS, _clean, _items, _opts, sentences

# "We considered Apache Spark but we don't have enough data", "Considered RxJava, but ...":
# one alternative named and turned down in the same sentence.
_CONSIDERED_BUT = re.compile(
    r"^(?:" + _WE + r"(?:['’](?:ve|d))?\s+(?:(?:also|initially|briefly|had)\s+){0,2})?considered\s+"
    r"(?:using\s+|adopting\s+|to\s+(?:use|build|adopt|write|create|keep|go\s+with)\s+)?"
    r"(?P<x>[^,;:()]{2,60}?),?\s+but\s+(?P<why>\S.*)$",
    re.IGNORECASE,
)
# "Using RabbitMQ was discussed, but it does not keep events", "NATS was also evaluated;
# however, ...": the same in the passive.
_WAS_CONSIDERED_BUT = re.compile(
    r"^(?:using\s+|adopting\s+)?(?P<x>[^,;:()]{2,60}?)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:(?:also|briefly|initially|first)\s+)?(?:considered|discussed|evaluated|explored|"
    r"investigated|looked\s+at|tried|assessed|examined)\s*[,;]?\s+(?:but|however)\b,?\s*(?P<why>\S.*)$",
    re.IGNORECASE,
)
# "Jade was originally proposed as it is popular": the first idea, turned down when the
# decision names it again while adopting something else ("We moved to Slim as Jade ...").
_FIRST_IDEA = re.compile(
    r"^(?:using\s+)?(?P<x>[^,;:()]{2,60}?)\s+(?:was|were|had\s+been)\s+(?:originally|initially|"
    r"first)\s+(?:proposed|suggested|planned|recommended|favou?red|chosen)\b,?\s*(?P<why>.*)$",
    re.IGNORECASE,
)
_SUBJECT = r"^(?:using\s+|adopting\s+|switching\s+to\s+|moving\s+to\s+)?(?P<x>[^,;:()?]{2,60}?)"
_BECAUSE = r"(?:\s*[:;,]\s*|\s+(?:as|because|since|due\s+to|given)\s+)(?P<why>\S.*)$"
# Each form names what the record turned down and why; True when the name opens the
# sentence (its capital then proves nothing).
_TURNED_DOWN: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), opens)
    for pattern, opens in (
        # "We dismissed MongoDB as it lacks joins", "We ruled out X because ..."
        (
            r"^" + _WE + r"(?:['’](?:ve|d))?\s+(?:(?:also|quickly|eventually|soon|then)\s+)?"
            r"(?:dismissed|rejected|"
            r"ruled\s+out|discarded|excluded|dropped|decided\s+against)\s+(?:using\s+)?"
            r"(?P<x>[^,;:()]{2,60}?)" + _BECAUSE,
            False,
        ),
        # "MongoDB and Cassandra were discarded: they lack joins"
        (
            _SUBJECT + r"\s+(?:was|were|has\s+been|have\s+been)\s+(?:(?:also|quickly|soon|"
            r"eventually)\s+)?(?:discarded|rejected|dismissed|ruled\s+out|excluded|dropped)"
            + _BECAUSE,
            True,
        ),
        # "MongoDB was also an option, but it lacks joins"
        (
            _SUBJECT
            + r"\s+(?:was|is|would\s+(?:have\s+)?be(?:en)?)\s+(?:also\s+)?(?:an?|another)\s+"
            r"(?:(?:possible|viable|obvious|other)\s+)?(?:option|alternative|candidate|"
            r"contender|choice)\s*[,;]?\s+(?:but|however)\b,?\s*(?P<why>\S.*)$",
            True,
        ),
        # "Switching to MongoDB was considered too risky", "X was deemed not mature enough"
        (
            _SUBJECT + r"\s+(?:was|were|is|are)\s+(?:considered|deemed|judged|found|thought)\s+"
            r"(?P<why>(?:too|not|overly|insufficiently|un[a-z]+)\b.*)$",
            True,
        ),
        # "We could also have used MongoDB, but it lacks joins"
        (
            r"^" + _WE + r"\s+could\s+(?:also\s+)?have\s+(?:used|chosen|adopted|gone\s+with|"
            r"picked|kept)\s+(?P<x>[^,;:()]{2,60}?),?\s+but\s+(?P<why>\S.*)$",
            False,
        ),
    )
)
# "Why not MongoDB?": the next sentence says why not
_WHY_NOT = re.compile(
    r"^why\s+not\s+(?:just\s+)?(?:use\s+|using\s+|choose\s+|go\s+with\s+)?(?P<x>[^?]{2,60})\?$",
    re.IGNORECASE,
)
# "MongoDB would have required a new cluster, so we chose Postgres": what it would have
# cost, when the decision adopts something else
_WOULD_HAVE = re.compile(
    _SUBJECT + r"\s+would\s+have\s+(?P<why>(?:required|meant|needed|cost|added|forced|"
    r"introduced|made)\b.*)$",
    re.IGNORECASE,
)
MAX_TURNED_DOWN = 20
MAX_FIRST_IDEAS = 20  # "X was originally proposed" sentences looked for in the decision
# A name, not a common noun: a capital inside it or after its first letter, a digit, or a
# hyphen, dot, slash or code span ("apache-spark", "RxJava", "`sqlc`", "Node.js").
_NAME_LIKE = re.compile(r"(?:^|\s)[A-Z]|\w[A-Z]|\d|\w[-./_]\w|`")


def considered_but(paras: list[Paragraph], doc: Document | None = None) -> list[Opt]:
    """Alternatives the context (and, given ``doc``, the decision) names and turns down one
    sentence at a time ("We considered X but ..."), when nothing else names options: each
    is an option not taken, its reason the rest of the sentence. Uncertain."""
    out: list[Opt] = []
    seen: set[str] = set()
    decided = roles.ordered(doc, roles.is_decision) if doc is not None else []
    tried = 0  # first ideas looked for in the decision
    for para in paras + [p for s in decided for p in s.paragraphs() if p not in paras]:
        said = [" ".join(t.split()) for t in sentences(para.text)]
        for n, sentence in enumerate(said):
            got = _turned_down(sentence, said[n + 1] if n + 1 < len(said) else "", doc)
            if got is None and tried < MAX_FIRST_IDEAS:
                m = _FIRST_IDEA.match(sentence)
                got = (m.group("x"), "", True, True) if m else None
                tried += m is not None
            if got is None:
                continue
            x, why, opens, first = got
            for k, name in enumerate(_names(x)):
                # a name that opens the sentence has its capital anyway: it needs another sign
                looks = bool(_NAME_LIKE.search(name[1:] if opens and k == 0 else name))
                looks = looks or (first and bool(_turned(name, decided, within=True)[0]))
                if not looks and f"`{name}`" not in para.source:
                    continue
                reason, line = (why, para.line) if not first else _turned(name, decided)
                if not reason:
                    continue  # the first idea, never turned down in the decision
                for opt in _opts([name], para, seen):
                    opt.rejected, opt.reason, opt.reason_line = True, reason, line
                    out.append(opt)
            if len(out) >= MAX_TURNED_DOWN:
                return out  # a record turns down a few alternatives, not a catalogue
    return out


def _turned_down(
    sentence: str, after: str, doc: Document | None
) -> tuple[str, str, bool, bool] | None:
    """(what, why, whether the name opens the sentence, False) for a sentence that turns an
    alternative down, else None."""
    m = _CONSIDERED_BUT.match(sentence)
    if m is not None:
        return m.group("x"), m.group("why"), False, False
    m = _WAS_CONSIDERED_BUT.match(sentence)
    if m is not None:
        return m.group("x"), m.group("why"), True, False
    for pattern, opens in _TURNED_DOWN:
        if (m := pattern.match(sentence)) is not None:
            return m.group("x"), m.group("why"), opens, False
    if (m := _WHY_NOT.match(sentence)) is not None and after:
        return m.group("x"), after, False, False
    m = _WOULD_HAVE.match(sentence)
    if m is not None and doc is not None and not adopted(_clean(m.group("x")), doc):
        return m.group("x"), m.group("why"), True, False
    return None


def _names(said: str) -> list[str]:
    """The names a subject gives: one, or each of "MongoDB and Cassandra"."""
    name = _clean(re.sub(r"^(?:the|a|an|both|either)\s+", "", said, flags=re.I))
    parts = _items(name, MAX_LISTED_WORDS) if re.search(r",|\s(?:and|or)\s", name) else []
    names = parts if len(parts) >= 2 else [name]
    return [
        n
        for n in names
        if n and len(n.split()) <= MAX_LISTED_WORDS and not _NOT_A_NAME.match(n.split()[0])
    ]


def _turned(name: str, decided: list[Section], *, within: bool = False) -> tuple[str, int]:
    """The decision's sentence that names ``name`` while the decision adopts something
    else ("We decided to move to Slim as Jade ran on Node.js"), and its line; else none.
    ``within``: only where the name stands inside the sentence, its capital as written
    (a name, not a common noun that opens a sentence)."""
    flags = 0 if within else re.IGNORECASE
    said = re.compile(r"(?<=\w\s)" * within + r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", flags)
    for para in (p for s in decided for p in s.paragraphs()):
        for sentence in sentences(para.text):
            if said.search(sentence) and not said.match(_ADOPTS.sub("", sentence)):
                return " ".join(sentence.split()), para.line
    return "", 0


# what a deciding sentence says before the course it adopts
_ADOPTS = re.compile(
    r"^(?:we\s+(?:have\s+)?(?:decided|chose|agreed)\s+(?:to\s+)?)?(?:use|adopt|keep|stay\s+with|"
    r"go\s+with|move\s+to|switch\s+to)?\s*",
    re.IGNORECASE,
)
