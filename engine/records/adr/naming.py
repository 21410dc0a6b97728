"""Naming an option loosely: by a short name, a restated title or a distinctive term.

``Chose option: payment`` names "Use payment endpoint ..." when the other option is "Use
customer endpoint ...": ``payment`` is a word only that option has. ``We will use the
Payment Endpoints`` restates that title. ``We will add a Mediator`` names the option whose
title or description is the only one to speak of a Mediator. Each names one option or none:
a word that several options share names none of them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from ...vocab import FUNCTION_WORDS
from .content import Opt

MAX_OPTIONS = 200  # beyond this, no loose naming (keeps matching linear)
MAX_SHORT_TERMS = 4  # a short name has at most this many words that count
_STOP = FUNCTION_WORDS
_TERM = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[-.][a-z0-9][a-z0-9+#]*)*")
_NEGATING = frozenset({"non", "no", "not", "anti", "without"})
# words that say how an option is written, not which one it is
_GENERIC = frozenset(
    {"option", "alternative", "approach", "solution", "variant", "choice", "use", "using"}
    # words that point within the document ("See each part above"), naming no option
    | {"part", "parts", "section", "above", "below", "see", "each"}
)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _compounds(text: str) -> list[str]:
    """The words of ``text`` that count, hyphenated and dotted compounds kept whole, so that
    ``non-payment`` is not ``payment`` and ``next.js`` stays one name."""
    return [
        _singular(w) for w in _TERM.findall(text.lower()) if w not in _STOP and w not in _GENERIC
    ]


def terms(text: str) -> set[str]:
    """The words a title is known by: its compounds, and the parts of a compound
    (``Datomic-style`` is also ``datomic``) unless the compound negates (``non-payment``)."""
    out: set[str] = set()
    for word in _compounds(text):
        out.add(word)
        parts = re.split(r"[-.]", word)
        if len(parts) > 1 and parts[0] not in _NEGATING:
            out.update(_singular(p) for p in parts if p not in _STOP and p not in _GENERIC)
    return out


def _term_in(word: str, have: set[str]) -> bool:
    if word in have:
        return True
    parts = re.split(r"[-.]", word)
    if len(parts) > 1 and all(p in have for p in parts):
        return True  # "datomic-style" for "Datomic style"
    return len(word) >= 5 and any(
        abs(len(word) - len(h)) <= 1 and difflib.SequenceMatcher(None, word, h).ratio() >= 0.85
        for h in have
    )


def option_terms(opt: Opt) -> set[str]:
    """The words of an option's title and aliases (a bracketed aside left out)."""
    out: set[str] = set()
    for text in (opt.title, *opt.aliases):
        out |= terms(re.sub(r"\s*\([^()]*\)", "", text)) or terms(text)
    return out


def by_distinct(ref: str, opts: Sequence[Opt]) -> int | None:
    """The one option a short name (up to four words that count) names by a word only some
    options have: ``payment`` names "Use payment endpoint" beside "Use customer endpoint";
    ``endpoint``, which both have, names none."""
    said = _compounds(ref)
    if not 1 <= len(said) <= MAX_SHORT_TERMS or len(ref.split()) > 2 * MAX_SHORT_TERMS:
        return None
    if not 2 <= len(opts) <= MAX_OPTIONS:
        return None
    have = [option_terms(o) for o in opts]
    common = set.intersection(*have)
    hits = [
        i
        for i, words in enumerate(have)
        if all(_term_in(w, words) for w in said) and any(w not in common for w in said)
    ]
    return hits[0] if len(hits) == 1 else None


_ARTICLE = re.compile(r"\b(?:a|an|the)\s+(?=\w)")
_LEAD_VERB = re.compile(
    r"^(?:(?:we\s+)?(?:will\s+|shall\s+|should\s+)?(?:use|using|adopt|adopting|introduce|"
    r"implement|go\s+with|choose|switch\s+to|move\s+to|migrate\s+to|to)\s+)+"
)


def canon(text: str) -> str:
    """A title as restated: ``Use the Payment Endpoints.`` and ``payment endpoint`` are one.
    Case, punctuation, hyphens, articles, a leading "use"/"adopt" and plurals go."""
    plain = re.sub(r"[\"'`“”‘’«»\[\]*_]", "", text.lower()).replace("-", " ")
    plain = re.sub(r"[^\w\s+#.]", " ", plain).replace(". ", " ").strip().rstrip(".")
    plain = _LEAD_VERB.sub("", _ARTICLE.sub("", " ".join(plain.split())))
    return " ".join(_singular(w) for w in plain.split())


def restated(ref: str, opts: Sequence[Opt]) -> int | None:
    """The one option whose title (or an alias) ``ref`` restates with small differences."""
    want = canon(ref)
    if not want:
        return None
    same = [i for i, o in enumerate(opts) if want in {canon(t) for t in (o.title, *o.aliases)}]
    return same[0] if len(same) == 1 else None


NEAR_TITLE = 0.9  # a restated title with a typo or two: this close, in the same word order
NEAR_MARGIN = 0.04  # and this much closer than any other option


def near_restated(ref: str, opts: Sequence[Opt]) -> int | None:
    """The one option whose title ``ref`` restates with a typo or two, its words in the same
    order (``Enabled project-wide, disable at the file level`` for ``Enable project-wide,
    disable ...`` beside ``Disabled project-wide, enabled ...``)."""
    want = canon(ref)
    if len(want) < 8 or not 2 <= len(opts) <= MAX_OPTIONS:
        return None
    scores = sorted(
        (
            max(
                difflib.SequenceMatcher(None, want, canon(t)).ratio() for t in (o.title, *o.aliases)
            ),
            i,
        )
        for i, o in enumerate(opts)
    )[::-1]
    best, index = scores[0]
    if best >= NEAR_TITLE and best - scores[1][0] >= NEAR_MARGIN:
        return index
    return None


_NOT_BEFORE = re.compile(
    r"(?:against|not|never|reject(?:ed|s)?|instead\s+of|rather\s+than|over|no\s+longer|"
    r"from|unlike|than|versus|vs\.?)\s+(?:\w+\s+){0,2}$"
)


def _whole_at(needle: str, hay: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay)]


def restated_in(text: str, opts: Sequence[Opt]) -> list[int]:
    """Options whose title of two or more words ``text`` restates ("we will use the payment
    endpoints" for "Use payment endpoint"), not only to turn it down."""
    if len(opts) > MAX_OPTIONS:
        return []
    said = canon(text)
    out = []
    for i, opt in enumerate(opts):
        for title in (opt.title, *opt.aliases):
            name = canon(title)
            if len(name.split()) < 2:
                continue  # one word: named whole already, or too loose to restate
            starts = _whole_at(name, said)
            if any(not _NOT_BEFORE.search(said[max(0, p - 40) : p]) for p in starts):
                out.append(i)
                break
    return out


# A sentence that decides ("we will add", "we have decided to use", "the team chose"), not
# one that weighs ("we considered", "we could use").
_DECIDING = re.compile(
    r"\b(?:we|the\s+team|i)\s+(?:(?:will|shall|are\s+going\s+to|have\s+decided\s+to|"
    r"decided\s+to|decide\s+to|plan\s+to|intend\s+to)\s+(?=\w)|(?:have\s+)?(?:chose|chosen|"
    r"selected|picked|adopted|opted\s+for|settled\s+on)\b)",
    re.IGNORECASE,
)
_WEIGHING = re.compile(
    r"\b(?:consider\w*|evaluat\w*|investigat\w*|explor\w*|might|could|may|would|if|whether|"
    r"not|never|n't)\b",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+favou?r\s+of|over|not|unlike|than|versus|vs)\b|"
    r",?\s+(?:although|though|but|while|whereas|however)\b",
    re.IGNORECASE,
)
# "replace the cron job with a worker", "move away from cron and use ...": what a deciding
# sentence leaves behind names no option it chooses
_LEAVING = re.compile(
    r"\b(?:replac(?:e|es|ing)|(?:move|moving|migrate|migrating|switch|switching)\s+away\s+from|"
    r"stop\s+using|retir(?:e|ing)|phas(?:e|ing)\s+out|get\s+rid\s+of|deprecat(?:e|ing)|"
    r"abandon(?:ing)?|drop(?:ping)?)\s+(?P<x>.+?)(?=\s+(?:with|by|and|to|for|in\s+favou?r\s+of)\b|"
    r"[,;.]|$)",
    re.IGNORECASE,
)
STEM = 7  # words that share their first seven letters are one ("scheduler", "scheduling")


def _stem_hit(said: set[str], own: set[str]) -> bool:
    """Whether ``said`` names a word of ``own`` exactly or by a long shared stem."""
    if said & own:
        return True
    stems = {w[:STEM] for w in own if len(w) >= STEM + 1}
    return any(len(w) >= STEM + 1 and w[:STEM] in stems for w in said)


_PROPER = re.compile(r"(?<=[\w,;)] )`?([A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)`?|`([^`]{2,40})`")


def _description_names(opt: Opt) -> set[str]:
    """Names an option's own description gives (``Mediator``, `` `Stateless` ``): capitalised
    words inside a sentence and code spans."""
    text = opt.description or ""
    out: set[str] = set()
    for m in _PROPER.finditer(text):
        out |= terms(m.group(1) or m.group(2))
    return {w for w in out if len(w) >= 4}


# words that say how many or which, not what: no option is named by them
_FILLER = frozenset(
    [
        "each",
        "every",
        "all",
        "any",
        "some",
        "one",
        "two",
        "three",
        "new",
        "own",
        "other",
        "same",
        "more",
        "most",
        "less",
        "only",
        "also",
        "just",
        "single",
        "multiple",
        "many",
        "several",
        "per",
        "both",
        "either",
        "neither",
        "first",
        "second",
        "last",
        "next",
    ]
)
_LABEL_REF = re.compile(
    r"\b(?:option|alternative|approach)s?\s*#?\s*(?:\d{1,3}[a-z]?|[a-z])\b(?!-)", re.IGNORECASE
)


def _by_verb(verb: str, said: set[str], opts: Sequence[Opt], own: list[set[str]]) -> set[int]:
    """Options named by the deciding verb itself ("We will take the Entra ID service" for
    "Take Entra ID into service" beside "Do not adopt Entra ID"): the option's title starts
    with that verb, only it has the verb, and another word of its title follows."""
    word = _singular(verb.lower())
    out = set()
    for i, opt in enumerate(opts):
        first = _compounds(opt.title)[:1]
        named = first == [word] and word in own[i] and not opts[i].rejected
        if named and (option_terms(opt) - {word}) & said:
            out.add(i)
    return out


def term_choice(
    text: str, opts: Sequence[Opt], defined: Sequence[set[str]] = ()
) -> tuple[int, int] | None:
    """(option, sentence number) when the deciding sentences of ``text`` ("We will add a
    Mediator class") name a term that only one option's title, description or ``defined``
    names (:func:`defined_names`) have, and no other option's; else None."""
    if not 2 <= len(opts) <= MAX_OPTIONS or _LABEL_REF.search(text):
        return None  # "a blend of options 2 and 3": labels say it, and no one term does
    pools = [{w for w in option_terms(o) if len(w) >= 4} | _description_names(o) for o in opts]
    for pool, names in zip(pools, defined, strict=False):
        pool |= names
    counts: dict[str, int] = {}
    for pool in pools:
        for w in pool:
            counts[w] = counts.get(w, 0) + 1
    own = [{w for w in pool if counts[w] == 1 and w not in _FILLER} for pool in pools]
    found: set[int] = set()
    first = -1
    for n, sentence in enumerate(re.split(r"(?<=[.!?;:])\s+", text)):
        m = _DECIDING.search(sentence)
        rest = _CUT.split(sentence[m.end() :])[0] if m else ""
        if m is None or _WEIGHING.search(sentence[: m.end()] + " " + rest):
            continue
        verb, _, rest = rest.strip().partition(" ")
        both = f"{verb} {rest}"
        said = terms(_LEAVING.sub(" ", both) if _LEAVING.match(both) else _LEAVING.sub(" ", rest))
        hits = {i for i, words in enumerate(own) if _stem_hit(said, words) and not opts[i].rejected}
        hits |= _by_verb(verb, said, opts, own)
        if hits and first < 0:
            first = n
        found |= hits
    if len(found) != 1:
        return None
    return found.pop(), first


_NOT_NAMES = _STOP | {"this", "that", "it", "which", "there", "what", "each", "one"}
_NAME = r"`?([A-Z][A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*)`?"
_KIND = r"(?:\s+(?:pattern|class|library|tool|service|component|framework|engine|module))?"
_DEFINES = r"(?:is|provides|offers|implements|gives|acts\s+as|serves\s+as|performs|does)"


def defined_names(text: str, opts: Sequence[Opt]) -> list[set[str]]:
    """For each option, the names ``text`` defines by it: ``The Mediator pattern provides an
    orchestrator`` / ``A Mediator is an orchestrator`` make ``mediator`` a name of the option
    "orchestration"; ``orchestration (a Mediator)`` and ``orchestration via a Mediator`` too.
    Only a title of one or two words counts, by its stem."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: their words
    out: list[set[str]] = [set() for _ in opts]
    for i, opt in enumerate(opts):
        words = _compounds(opt.title)
        if not 1 <= len(words) <= 2:
            continue
        for word in words:
            if len(word) < 6:
                continue
            stem = re.escape(word[: max(6, len(word) - 5)])
            patterns = (
                _NAME + _KIND + r"\s+" + _DEFINES + r"\s+(?:a|an|the)?\s*(?:\w+\s+)?" + stem,
                stem + r"\w*\s+(?:\((?:e\.g\.,?\s+|such\s+as\s+|like\s+)?(?:a|an|the)?\s*|"
                r"(?:via|using|through|with)\s+(?:a|an|the)?\s*)" + _NAME,
            )
            for pattern in patterns:
                for m in re.finditer(pattern, text, re.IGNORECASE):
                    name = m.group(1)
                    if name[:1].isupper() and name.lower() not in _NOT_NAMES:
                        out[i] |= {w for w in terms(name) if len(w) >= 4}
    return out


MAX_NAMED_WORDS = 12  # a chosen-option line longer than this is a sentence, not a name


# Words that make two titles opposites however alike the rest ("In-Process" / "Out-of-Process")
_OPPOSITES = (
    ("in", "out"), ("on", "off"), ("with", "without"), ("internal", "external"),
    ("sync", "async"), ("synchronous", "asynchronous"), ("client", "server"),
    ("push", "pull"), ("inbound", "outbound"), ("online", "offline"),
    ("stateful", "stateless"), ("pre", "post"), ("single", "multi"),
)  # fmt: skip


def opposed(a: str, b: str) -> bool:
    """Two titles that differ by words of opposite sense: one has a word, the other its
    opposite and not the word."""
    wa, wb = set(re.split(r"[\s-]+", a)), set(re.split(r"[\s-]+", b))
    return any(
        (x in wa and y in wb and x not in wb and y not in wa)
        or (y in wa and x in wb and y not in wb and x not in wa)
        for x, y in _OPPOSITES
    )


def by_own_word(ref: str, opts: Sequence[Opt]) -> int | None:
    """The one option a chosen-option line names by a word no other option has, when the
    line rewords it (``emptyDir for Prometheus as forwarder`` for "Use emptyDir volumes"
    beside "Use hostPath volumes"): exact words only, and none when the line also has a
    word only another option has (``emptyDir rather than hostPath``)."""
    if len(ref.split()) > MAX_NAMED_WORDS or not 2 <= len(opts) <= MAX_OPTIONS:
        return None
    hits = named_by_own(set(_compounds(ref)), [option_terms(o) for o in opts])
    if len(hits) != 1 or opposed(ref.lower(), opts[hits[0]].title.lower()):
        return None  # "Out-of-Process COA" names no "In-Process COA"
    return hits[0]


def own_words(have: Sequence[set[str]]) -> list[set[str]]:
    """Each option's words (``have``, one set per option) that no other option has."""
    return [
        words - set().union(*(h for j, h in enumerate(have) if j != i))
        for i, words in enumerate(have)
    ]


def named_by_own(said: set[str], have: Sequence[set[str]]) -> list[int]:
    """The options (``have``, their words) that ``said`` names by a word only they have."""
    return [i for i, own in enumerate(own_words(have)) if said & own]
