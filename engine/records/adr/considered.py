"""Alternatives the context names and turns down one sentence at a time: "We considered
Apache Spark but we don't have enough data", "Considered RxJava, but ...", "Using RabbitMQ
was discussed, but it does not keep events". Each is an option not taken, its reason the
rest of the sentence; only names count (a capital inside the name, a digit, a hyphen or a
code span), never common nouns ("Migration was discussed, but ...")."""

from __future__ import annotations

import re

from ..document import Document, Paragraph, Section
from . import sections as roles
from .content import Opt
from .prose import _NOT_A_NAME, _WE, MAX_LISTED_WORDS, _clean, _opts, sentences

# "We considered Apache Spark but we don't have enough data", "Considered RxJava, but ...":
# one alternative named and turned down in the same sentence.
_CONSIDERED_BUT = re.compile(
    r"^(?:" + _WE + r"\s+(?:(?:also|initially|briefly|had)\s+){0,2})?considered\s+"
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
MAX_TURNED_DOWN = 20
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
    for para in paras + [p for s in decided for p in s.paragraphs() if p not in paras]:
        for sentence in sentences(para.text):
            said = " ".join(sentence.split())
            m = _CONSIDERED_BUT.match(said)
            passive = m is None and (m := _WAS_CONSIDERED_BUT.match(said)) is not None
            first = m is None and (m := _FIRST_IDEA.match(said)) is not None
            if m is None:
                continue
            name = _clean(re.sub(r"^(?:the|a|an)\s+", "", m.group("x"), flags=re.I))
            # a name that opens the sentence has its capital anyway: it needs another sign
            looks = bool(_NAME_LIKE.search(name[1:] if passive or first else name))
            looks = looks or (first and bool(_turned(name, decided, within=True)[0]))
            if (
                not name
                or len(name.split()) > MAX_LISTED_WORDS
                or _NOT_A_NAME.match(name.split()[0])
                or not (looks or f"`{name}`" in para.source)
            ):
                continue
            why, line = (m.group("why"), para.line) if not first else _turned(name, decided)
            if not why:
                continue  # the first idea, never turned down in the decision
            for opt in _opts([name], para, seen):
                opt.rejected, opt.reason, opt.reason_line = True, why, line
                out.append(opt)
            if len(out) >= MAX_TURNED_DOWN:
                return out  # a record turns down a few alternatives, not a catalogue
    return out


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
