"""Which option was chosen, and whether a reason is given against the others.

A record may mark its choice on the option (``chosen: true``) or only name it in its
outcome (``chosen_option``: "Option 2", "PG", "Postgress"...): :func:`chosen_indexes` takes
the marked options, else the one listed option the outcome names (see
:mod:`decaudit.engine.choice`). A reason against an option not chosen may be given on the
option (a rejection reason, cons or pros, or prose that argues), or in the outcome or
decision text (the rationale): a text of a few words saying why the choice was made is the
reason the others lost, and a shorter one counts when it names the option or compares.
The context gives one too: against the status quo (doing nothing, keeping what is in place,
the incumbent) when it sets out what is wrong with the current state, and against any
option it names in a sentence that argues or compares (:func:`reason_against`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..choice import OptionRef, candidates, resolve
from ..model import Option, Record
from ..packdata import Lexicon
from ..vocab import STOP_WORDS
from .kinds import _given

_WORDS = re.compile(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]")
MIN_REASON_WORDS = 4  # an outcome or decision text of this many words gives a reason
MIN_CONTEXT_WORDS = 12  # a context this long can set out what is wrong with the status quo
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
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


@dataclass(frozen=True)
class Reason:
    """Where a reason against a rejected option is given: ``source`` says which part of the
    record (``facts`` shows it), ``loc`` locates it for its line, ``text`` quotes it."""

    source: str
    loc: tuple[str | int, ...]
    text: str = ""


def reason_given(
    opt: Option,
    index: int,
    rec: Record,
    lex: Lexicon,
    refs: list[OptionRef] | None = None,
    kind: str | None = None,
) -> bool:
    """A reason against ``opt`` is given on it, in the outcome/decision text or in the
    context (:func:`reason_against`)."""
    return reason_against(opt, index, rec, lex, refs, kind) is not None


def reason_against(
    opt: Option,
    index: int,
    rec: Record,
    lex: Lexicon,
    refs: list[OptionRef] | None = None,
    kind: str | None = None,
) -> Reason | None:
    """The first reason against ``opt`` the record gives, or None. In order: on the option
    (a rejection reason, cons or pros, prose that argues); in the outcome or decision text
    (a reason for the choice is the reason the others lost); in the context, when the option
    is the status quo (the context sets out what is wrong with it) or a context sentence
    names the option and argues or compares."""
    loc: tuple[str | int, ...] = ("options", index)
    if _given(opt.rejected_reason):
        return Reason("rejection reason", (*loc, "rejected_reason"), opt.rejected_reason or "")
    for name, items in (("cons", opt.cons), ("pros", opt.pros)):
        given = [c for c in items if _given(c)]
        if given:
            return Reason(name, (*loc, name), given[0])
    if lex.mentions("reason", opt.description):
        return Reason("option text", loc, opt.description or "")
    refs = refs if refs is not None else option_refs(rec)
    found = _in_decision(opt, index, rec, lex, refs)
    return found or _in_context(opt, index, rec, lex, refs, kind)


def _in_decision(
    opt: Option, index: int, rec: Record, lex: Lexicon, refs: list[OptionRef]
) -> Reason | None:
    rationale = " ".join(t for t in (rec.rationale, _consequences(rec)) if t)
    if not _given(rationale):
        return None
    loc: tuple[str | int, ...] = ("rationale",) if _given(rec.rationale) else ("consequences",)
    # The outcome's "because ..." or the decision text is the reason the others lost, as
    # long as it says something (a few words, not a bare "because").
    if (
        len(rationale.split()) >= MIN_REASON_WORDS
        or lex.mentions("comparison", rationale)
        or _mentions_option(rationale, opt, index, refs)
    ):
        return Reason("decision text", loc, rationale)
    return None


def _in_context(
    opt: Option,
    index: int,
    rec: Record,
    lex: Lexicon,
    refs: list[OptionRef],
    kind: str | None,
) -> Reason | None:
    """The context argues against the option: it names the option in a sentence that
    argues or compares ("X does not scale", "unlike X"), or the option is the status quo
    (doing nothing, keeping what is in place, the incumbent the context names as in use, or
    an option that points back at it: "Discussed above") and the context sets out what is
    wrong with the current state (some words of problem or reason)."""
    context = rec.context or ""
    if not _given(context):
        return None
    sentences = _sentences(context)
    naming = [s for s in sentences if _names_loosely(s, opt, index, refs)]
    for sentence in naming:
        if lex.mentions("reason", sentence) or lex.mentions("comparison", sentence):
            return Reason("context (names the option)", ("context",), sentence)
    status_quo = (
        kind == "do-nothing"
        or lex.mentions("status_quo", opt.title, opt.description)
        or any(lex.mentions("status_quo", s) or lex.mentions("in_use", s) for s in naming)
    )
    if status_quo and len(context.split()) >= MIN_CONTEXT_WORDS:
        for sentence in sentences:
            if lex.mentions("problem", sentence) or lex.mentions("reason", sentence):
                return Reason("context (against the status quo)", ("context",), sentence)
    return None


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


def _fold(word: str) -> str:
    """A word without its plural ending, for a loose match ("services" ~ "service")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _names_loosely(text: str, opt: Option, index: int, refs: list[OptionRef]) -> bool:
    """``text`` names the option (:func:`_mentions_option`), or holds every distinctive word
    of its title up to plural endings ("an `<<Entity>>Service` pattern" names
    "`<<Entity>>Services`")."""
    if _mentions_option(text, opt, index, refs):
        return True
    said = {_fold(w) for w in _WORDS.findall(text.lower())}
    mine = [_fold(w) for w in _WORDS.findall(opt.title.lower()) if w not in _STOP]
    return bool(mine) and any(len(w) >= 3 for w in mine) and all(w in said for w in mine)
