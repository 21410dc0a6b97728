"""The option the object of a deciding verb names.

"A decision was made to use Contentful", "We decided on using Remix as the front end
because it avoids the pain points of Next.js", "We will go with gRPC for now", "We're
selecting Option 1 - Zod": what follows the deciding verb, up to where the sentence turns
("because", "over", "instead of", "but"), names the one option chosen, even when another is
named elsewhere in the sentence or the paragraph (short-listed, or the one not taken).
A partial name counts when its words are ones only that option's title has ("Remix" for
"Use Remix for frontend and backend + PostgreSQL").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .choice import find_named, named_in
from .content import Opt
from .naming import MAX_OPTIONS, option_terms, own_words, restated_in, terms

# the verb, with what introduces its object; "decided to use" and "was made to use" alike
_VERB = re.compile(
    r"\b(?:"
    r"(?:decided|decision\s+(?:[\w-]+\s+){0,4}?(?:was|has\s+been)\s+(?:made|taken))\s+"
    r"(?:(?:on|upon|for)(?:\s+using)?|to\s+(?:use|adopt|go\s+with|choose|select|pick|"
    r"implement|stick\s+with|stay\s+with|keep)|that\s+we\s+(?:will|shall)\s+use)|"
    r"(?:will|shall)\s+(?:be\s+)?(?:use|using|adopt|adopting|go\s+with|going\s+with|"
    r"choose|select|pick)|"
    r"(?:are|'re|am|is)\s+(?:going\s+with|selecting|choosing|picking|adopting|opting\s+for)|"
    r"(?:we|team|i)\s+(?:have\s+|had\s+)?(?:went\s+with|gone\s+with|go\s+with|chose|"
    r"chosen|choose|selected|select|picked|pick|adopted|opted\s+for|settled\s+on|"
    r"agreed\s+(?:on|to\s+use))(?:\s+to(?=\s))?"
    r")\s+",
    re.IGNORECASE,
)
# a sentence that only weighs, asks or supposes: it decides nothing
_NOT_DECIDING = re.compile(
    r"\b(?:if|unless|whether|why|would|could|might|may|should|consider\w*|evaluat\w*|"
    r"not|never|n't|no\s+longer|later|future|eventually)\b",
    re.IGNORECASE,
)
# where the object ends: the reasons, the option not taken, a turn of the sentence
_END = re.compile(
    r"\s+(?:because|since|as\s+(?:it|they|this|that|we|the)|due\s+to|so\s+(?:that|we)|"
    r"in\s+order|which|instead\s+of|rather\s+than|over|in\s+favou?r\s+of|and\s+not|"
    r"not|but|while|although|though|whereas|however|unlike|than|versus|vs\.?)\b|"
    r"[,;:!?()]|\.(?:\s|$)",
    re.IGNORECASE,
)
_NEGATED_OBJECT = re.compile(r"^(?:not|never|against|none|neither|no)\b", re.IGNORECASE)
MAX_OBJECT_WORDS = 16


def deciding_objects(sentence: str) -> list[str]:
    """What each deciding verb of ``sentence`` takes as its object."""
    out: list[str] = []
    for m in _VERB.finditer(sentence):
        if _NOT_DECIDING.search(sentence[: m.start()]):
            continue
        rest = sentence[m.end() :]
        cut = _END.search(rest)
        obj = (rest[: cut.start()] if cut else rest).strip(" *_`\"'“”")
        obj = re.sub(r"^(?:using|to\s+use)\s+", "", obj, flags=re.IGNORECASE)
        obj = re.sub(r"(?<=\w)['’]s\b", "", obj)  # "X's utility classes": X
        if obj and not _NEGATED_OBJECT.match(obj) and len(obj.split()) <= MAX_OBJECT_WORDS:
            out.append(obj)
    return out


_NAME_LIKE = re.compile(r"`[^`]+`|\b[A-Za-z0-9]*(?:[A-Z0-9][A-Za-z0-9]*|[-.][A-Za-z0-9]+)\b")


def by_own_terms(ref: str, opts: Sequence[Opt]) -> int | None:
    """The one option ``ref`` names by a name (capitalised, code, dotted) only that option's
    title has, when ``ref`` has no word that only another option has. Options read from
    prose (uncertain) are too loosely cut to be named in part."""
    if not 2 <= len(opts) <= MAX_OPTIONS or any(o.uncertain for o in opts):
        return None
    said = terms(ref)
    names = set().union(*(terms(m.group(0)) for m in _NAME_LIKE.finditer(ref)))
    own = own_words([option_terms(o) for o in opts])
    hits = [i for i, words in enumerate(own) if said & words]
    return hits[0] if len(hits) == 1 and names & own[hits[0]] else None


def object_names(obj: str, opts: Sequence[Opt]) -> int | None:
    """The one option a deciding verb's object names: as a whole, by a title said inside it,
    or by words only that option has."""
    index = find_named(obj, opts)
    if index is not None:
        return index
    named = named_in(obj, opts)
    if len(named) == 1:
        return named[0]
    if named:
        return None
    again = restated_in(obj, opts)  # "push metrics from the A to the B via C"
    if len(again) == 1:
        return again[0]
    said = terms(obj)  # "allow actor-to-actor calls by default": every word of "Allow by
    whole = [i for i, o in enumerate(opts) if len(t := option_terms(o)) >= 2 and t <= said]
    if len(whole) == 1 and not again:  # Default", and of no other option
        return whole[0]
    return by_own_terms(obj, opts) if not again else None


def chosen_by_object(
    texts: Sequence[tuple[int, str]], opts: Sequence[Opt]
) -> tuple[int, int] | None:
    """(option, line) when every deciding sentence of the decision that names an option
    names the same one; None when none does or they name different ones."""
    found: dict[int, int] = {}
    for line, text in texts:
        for sentence in re.split(r"(?<=[.!?;])\s+", " ".join(text.split())):
            for obj in deciding_objects(sentence):
                index = object_names(obj, opts)
                if index is not None:
                    found.setdefault(index, line)
    if len(found) != 1:
        return None
    index, line = next(iter(found.items()))
    return index, line
