"""Which option was chosen, and whether a reason is given against the others.

A record may mark its choice on the option (``chosen: true``) or only name it in its
outcome (``chosen_option``: "Option 2", "PG", "Postgress"...): :func:`chosen_indexes` takes
the marked options, else the one listed option the outcome names (see
:mod:`decaudit.engine.choice`). A reason against an option not chosen may be given on the
option (a rejection reason, cons or pros, or prose that argues), or in the outcome or
decision text (the rationale): a text of a few words saying why the choice was made is the
reason the others lost, and a shorter one counts when it names the option or compares
(:func:`reason_given`).
"""

from __future__ import annotations

import re

from ..choice import OptionRef, candidates, resolve
from ..model import Option, Record
from ..packdata import Lexicon
from ..vocab import STOP_WORDS
from .kinds import _given

_WORDS = re.compile(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]")
MIN_REASON_WORDS = 4  # an outcome or decision text of this many words gives a reason
_STOP = STOP_WORDS


def option_refs(rec: Record) -> list[OptionRef]:
    return [OptionRef(o.title, o.id) for o in rec.options]


def chosen_indexes(rec: Record) -> list[int]:
    """The options marked chosen; else the one the outcome names; else none."""
    marked = [i for i, o in enumerate(rec.options) if o.chosen]
    if marked or not _given(rec.chosen_option):
        return marked
    index = resolve(rec.chosen_option or "", option_refs(rec))
    return [] if index is None else [index]


def names_listed_option(rec: Record) -> bool:
    """The outcome's ``chosen_option`` refers to at least one listed option, or the outcome
    text goes on to name two or more of them ("a prioritized set of engines: 1. A ... 2. B")."""
    refs = option_refs(rec)
    if candidates(rec.chosen_option or "", refs):
        return True
    text = rec.rationale or ""
    if not _given(text):
        return False
    named = sum(
        1
        for i, o in enumerate(rec.options)
        if _mentions_option(text, o, i, refs, by_sentence=False)
    )
    return named >= 2


def choice_stated(rec: Record, chosen: list[int]) -> bool:
    """The record states a choice somewhere: a chosen option, an outcome naming one, or a
    decision text (the outcome's reason or the decision section, kept as the rationale)."""
    return bool(chosen) or _given(rec.chosen_option) or _given(rec.rationale)


def _mentions_option(
    text: str, opt: Option, index: int, refs: list[OptionRef], *, by_sentence: bool = True
) -> bool:
    """``text`` names the option: its title or id, every distinctive word of its title, or
    a sentence that refers to it alone ("Option B is too slow")."""
    lowered = text.lower()
    if opt.title.strip().lower() in lowered or (opt.id and opt.id.lower() in lowered):
        return True
    said = set(_WORDS.findall(lowered))
    mine = [w for w in _WORDS.findall(opt.title.lower()) if w not in _STOP]
    if mine and any(len(w) >= 3 for w in mine) and all(w in said for w in mine):
        return True
    return by_sentence and any(
        len(sentence) <= 300 and candidates(sentence, refs) == [index]
        for sentence in lowered.replace("\n", " ").split(". ")
    )


def _consequences(rec: Record) -> str:
    """The record's consequences, when its reader kept them (an extra key)."""
    value = (rec.model_extra or {}).get("consequences")
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(v for v in value if isinstance(v, str))
    if isinstance(value, dict):
        return " ".join(
            v if isinstance(v, str) else " ".join(x for x in v if isinstance(x, str))
            for v in value.values()
            if isinstance(v, str | list)
        )
    return ""


def reason_given(
    opt: Option, index: int, rec: Record, lex: Lexicon, refs: list[OptionRef] | None = None
) -> bool:
    """A reason against ``opt`` is given on it or in the outcome/decision text."""
    if _given(opt.rejected_reason) or any(_given(c) for c in (*opt.cons, *opt.pros)):
        return True
    if lex.mentions("reason", opt.description):
        return True
    rationale = " ".join(t for t in (rec.rationale, _consequences(rec)) if t)
    if not _given(rationale):
        return False
    # The outcome's "because ..." or the decision text is the reason the others lost, as
    # long as it says something (a few words, not a bare "because").
    if len(rationale.split()) >= MIN_REASON_WORDS or lex.mentions("comparison", rationale):
        return True
    return _mentions_option(rationale, opt, index, refs if refs is not None else option_refs(rec))
