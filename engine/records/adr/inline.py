"""Alternatives enumerated inside a sentence, or turned down in one.

- An enumeration: "There are a few options. Either X, Y or Z", "We could either X or Y",
  "The options are X, Y and Z". Each item is an option; which one was chosen is left to the
  usual choice steps (the decision naming one of them).
- An alternative turned down in a sentence: "X is not a good option", "A complete rewrite
  would be risky", "X was ruled out", "We decided against X", and in the decision "We will
  not use X" (:mod:`.declined`). X is an option not taken, the sentence its reason; the
  decision itself then becomes the chosen option.

Every option read here is uncertain. Items and subjects must pass :mod:`.names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Document
from . import sections as roles
from .content import Opt
from .declined import declined
from .names import MAX_NAME_WORDS, Said, acceptable, gerund, shaped, trim
from .twoway import LEAD, decision_parts, in_decision, said_in

MAX_ITEMS = 6
MAX_TURNED_DOWN = 3

_OPTIONS_FOLLOW = re.compile(
    r"\b(?:there\s+(?:are|were|is)|we\s+(?:have|had|see|saw)|(?:this|that)\s+leaves(?:\s+us)?)"
    r"\s+(?:(?:a\s+few|several|two|three|four|some|a\s+couple\s+of|multiple|various|"
    r"a\s+number\s+of|[2-5])\s+)?(?:(?:possible|main|potential|obvious|different)\s+)?"
    r"(?:options|alternatives|choices|approaches|ways\s+forward|possibilities)"
    r"(?:\s+(?:here|available|to\s+consider|open\s+to\s+us))?\s*[.:]?$",
    re.IGNORECASE,
)
_EITHER = re.compile(r"^(?:either|we\s+(?:could|can)\s+either)\s+(?P<x>.+)$", re.IGNORECASE)
_COULD_EITHER = re.compile(
    rf"^{LEAD}(?:could|can|might|may|would\s+have\s+to|need\s+to|have\s+to)\s+either\s+(?P<x>.+)$",
    re.IGNORECASE,
)
_OPTIONS_ARE = re.compile(
    r"^(?:the\s+|our\s+)?(?:(?:main|possible|available|obvious|only|two|three|four|"
    r"realistic|viable)\s+)*(?:options|alternatives|choices|candidates)\s+"
    r"(?:(?:we\s+(?:have|had|considered|see))\s+)?(?:are|were|include|included|would\s+be)"
    r"\s*:?\s+(?:either\s+)?(?P<x>.+)$",
    re.IGNORECASE,
)
_SHOULD = re.compile(
    r"\bshould\s+(?:we|i|the\s+team|our\s+team)\s+(?:either\s+)?(?P<x>[^?]+?)\s*\?\s*$",
    re.IGNORECASE,
)
# "Alternatives rejected: X (why); Y (why)": a labelled run of alternatives in a sentence.
_LABELLED = re.compile(
    r"^(?:the\s+)?(?:(?P<pre>rejected|discarded|dismissed|other|considered|possible)\s+)?"
    r"(?:alternatives?|options?)(?:\s+(?P<post>rejected|considered|evaluated|discarded|"
    r"dismissed|ruled\s+out|not\s+(?:chosen|taken|pursued)))?\s*:\s*(?P<x>\S.+)$",
    re.IGNORECASE,
)
_TURNING = re.compile(r"^(?:rejected|discarded|dismissed|other|ruled\s+out|not\s+\w+)$", re.I)
_SPLIT_OR = re.compile(r",\s*(?:or\s+)?|\s+or\s+", re.IGNORECASE)
_SPLIT_ALL = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)

_GOOD = (
    r"(?:good|viable|suitable|realistic|feasible|practical|sensible|sustainable|great|"
    r"desirable|appropriate|acceptable|reasonable|valid|long-term|scalable|workable|secure)"
)
_TURNED_DOWN = re.compile(
    r"\s+(?:(?:is|was|would\s+be|seems|seemed)\s+not|isn't|wasn't|would\s+not\s+be|"
    rf"wouldn't\s+be)\s+(?:an?\s+)?(?:{_GOOD}\s+)?(?:option|solution|approach|choice|"
    r"alternative|way\s+forward)\b|"
    r"\s+(?:was|were|has\s+been|have\s+been|is|are)\s+(?:(?:therefore|quickly|also|thus|"
    r"eventually)\s+)?(?:ruled\s+out|rejected|discarded|dismissed)\b|"
    r",?\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:considered|evaluated|explored|"
    r"tried|prototyped),?\s+(?:and|but)\s+(?:then\s+)?(?:rejected|ruled\s+out|discarded|"
    r"dismissed|not\s+(?:chosen|pursued|adopted))\b|"
    r"\s+(?:(?:is|was|would\s+be)\s+not|isn't|wasn't|wouldn't\s+be)\s+(?:a\s+)?"
    r"(?:sustainable|viable|feasible|practical|workable|realistic)\b|"
    r"\s+would\s+(?:be|prove)\s+(?:too\s+|very\s+|overly\s+|highly\s+|extremely\s+|quite\s+)?"
    r"(?:risky|costly|expensive|disruptive|impractical|infeasible|unfeasible|prohibitive|"
    r"unmaintainable|error-prone|overkill|wasteful|unworkable|unrealistic|"
    r"not\s+(?:feasible|viable|practical|scalable|sustainable))\b",
    re.IGNORECASE,
)
_WE_TURNED_DOWN = re.compile(
    rf"^{LEAD}(?:ruled\s+out|rejected|decided\s+against|decide\s+against|dismissed|discarded|"
    r"(?:decided|decide|chose|choose|opted|opt)\s+not\s+to\s+(?:use|adopt|go\s+with|pursue|build))"
    r"\s+(?P<x>.+)$",
    re.IGNORECASE,
)
# The turned-down form that says the alternative was weighed: its subject is named by the
# sentence alone, even as one word at its start ("Elasticsearch was considered but rejected").
_WEIGHED = re.compile(
    r",?\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:considered|evaluated|"
    r"explored|tried|prototyped),?\s+(?:and|but)\b",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"^|[;:]\s+|,\s+|\s+(?:and|but|so|because|since|as|however,?|whereas|while)\s+", re.I
)
_DETERMINER = re.compile(r"^(?:an?|the|any|using|a\s+full|our\s+own)\b", re.IGNORECASE)


def _items(text: str, split: re.Pattern[str]) -> list[str]:
    """The items of an enumeration, each cut to its name; none when one is not a name."""
    text = re.sub(r"\s*\([^()]*\)", "", text)
    text = re.split(r"[.;:!?](?:\s|$)", text)[0]
    parts = [trim(p) for p in split.split(text) if p.strip()]
    if not 2 <= len(parts) <= MAX_ITEMS:
        return []
    ok = all(acceptable(p) and (len(p.split()) >= 2 or shaped(p)) for p in parts)
    return parts if ok and len({p.lower() for p in parts}) == len(parts) else []


def _outside_brackets(text: str, sep: str) -> list[str]:
    """``text`` split at ``sep`` where it is not inside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


def labelled(said: Said) -> tuple[list[tuple[str, str]], bool]:
    """ "Alternatives rejected: X (why); Y (why)": each alternative and its reason in
    brackets, and whether the label says they were turned down."""
    m = _LABELLED.match(" ".join(said.text.split()))
    if m is None:
        return [], False
    body = m.group("x").rstrip(" .")
    parts = _outside_brackets(body, ";" if ";" in body else ",")
    out = []
    for part in parts:
        name = re.sub(r"\s*\([^()]*\)", "", part).strip(" *_`'\"").strip()
        name = re.sub(r"^(?:(?:and|or)\s+)?(?:(?:the|an?)\s+)?", "", name, flags=re.IGNORECASE)
        why = "; ".join(re.findall(r"\(([^()]*)\)", part))
        words = name.split()
        if not words or len(words) > MAX_NAME_WORDS or words[0].lower() in ("it", "this", "that"):
            return [], False
        out.append((name, why))
    if not 2 <= len(out) <= MAX_ITEMS:
        return [], False
    turned = any(_TURNING.match(g) for g in (m.group("pre") or "", m.group("post") or "") if g)
    return out, turned


def _follows_options(saids: list[Said], n: int) -> bool:
    """The sentence before the n-th says there are options ("There are a few options.")."""
    return n > 0 and bool(_OPTIONS_FOLLOW.search(saids[n - 1].text.strip()))


def _enumeration(saids: list[Said], n: int) -> list[str]:
    text = " ".join(saids[n].text.split())
    if (m := _COULD_EITHER.match(text)) is not None:
        return _items(m.group("x"), _SPLIT_OR)
    if (m := _OPTIONS_ARE.match(text)) is not None:
        return _items(m.group("x"), _SPLIT_ALL)
    # "There are a few options. Either X, Y or Z." / "Should we build or buy it?"
    m = (_EITHER.match(text) if _follows_options(saids, n) else None) or _SHOULD.search(text)
    return _items(m.group("x"), _SPLIT_OR) if m is not None else []


def enumerated(saids: list[Said]) -> tuple[list[str], Said] | None:
    """The first enumeration of options in these sentences, with the sentence."""
    for n, said in enumerate(saids):
        found = _enumeration(saids, n)
        if found:
            return found, said
    return None


def _subject(before: str, code: tuple[str, ...]) -> str:
    """The noun or gerund phrase that ends ``before`` (the subject of what follows): the
    shortest tail starting at a clause boundary that reads as a name."""
    before = re.sub(r"\s*\([^()]*\)", "", before).rstrip(" ,")
    starts = sorted({m.end() for m in _BOUNDARY.finditer(before)}, reverse=True)
    for start in starts:
        tail = before[start:].strip(" \"'“”‘’*_")
        name = trim(tail, tail_cut=False)
        if not acceptable(name) or len(name.split()) > MAX_NAME_WORDS:
            continue
        if len(name.split()) < 2 and not shaped(name, code, initial=start == 0):
            continue  # "the change would be risky": one common word names no alternative
        if shaped(name, code, initial=start == 0) or gerund(name) or _DETERMINER.match(tail):
            return name
    return ""


def turned_down(said: Said) -> str:
    """The alternative a sentence turns down, or ""."""
    text = " ".join(said.text.split())
    if (m := _WE_TURNED_DOWN.match(text)) is not None:
        name = trim(m.group("x"))
        ok = acceptable(name) and (shaped(name, said.code) or len(name.split()) >= 2)
        return name if ok else ""
    m = _TURNED_DOWN.search(text)
    if m is None:
        return ""
    name = _subject(text[: m.start()], said.code)
    if not name and _WEIGHED.match(m.group(0)):  # "Elasticsearch was considered but rejected"
        one = text[: m.start()].strip(" *_\"'“”‘’`")
        name = one if len(one.split()) == 1 and acceptable(one) and one.isalpha() else ""
    return name


def _context(doc: Document) -> list[Said]:
    secs = [doc.root] if doc.root.paragraphs() else []
    secs += roles.ordered(doc, roles.is_context)
    return list(said_in(secs))


def _opts(names: Iterable[str], said: Said) -> list[Opt]:
    out = []
    for name in names:
        opt = Opt(name, said.line, None, [name], uncertain=True)
        opt.describe(said.text, said.line)
        out.append(opt)
    return out


def in_labelled(saids: list[Said]) -> list[Opt]:
    """The alternatives of the first "Alternatives rejected: X (why); Y (why)" sentence."""
    for said in saids:
        found, turned = labelled(said)
        if not found:
            continue
        out = _opts([name for name, _ in found], said)
        for opt, (_, why) in zip(out, found, strict=True):
            opt.rejected = turned
            if why:
                opt.reason, opt.reason_line = why, said.line
        return out
    return []


def in_enumeration(doc: Document) -> list[Opt]:
    """The options of the first enumeration in the context, else in the decision."""
    for saids in (_context(doc), list(said_in(decision_parts(doc)))):
        if labelled_found := in_labelled(saids):
            return labelled_found
        found = enumerated(saids)
        if found is not None:
            return _opts(*found)
    return []


def in_turned_down(doc: Document) -> list[Opt]:
    """The alternatives turned down in sentences of the context, else of the decision (there
    also "We will not use X", :mod:`.declined`)."""
    for saids, decision in ((_context(doc), False), (list(said_in(decision_parts(doc))), True)):
        out: list[Opt] = []
        for said in saids:
            name = turned_down(said) or (declined(said) if decision else "")
            if name and all(o.title.lower() != name.lower() for o in out):
                (opt,) = _opts([name], said)
                opt.rejected, opt.reason, opt.reason_line = True, said.text, said.line
                out.append(opt)
            if len(out) >= MAX_TURNED_DOWN:
                break
        if out:
            return out
    return []


def in_sentences(doc: Document, title: str, title_line: int) -> list[Opt]:
    """Without options anywhere else: a two-way choice in the decision or the title, else an
    enumeration, else the alternatives turned down in sentences. Uncertain."""
    if not decision_parts(doc):
        return []  # no decision stated: nothing to set alternatives against
    return in_decision(doc, title, title_line) or in_enumeration(doc) or in_turned_down(doc)
