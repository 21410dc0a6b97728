"""What kind of record this is, beyond its fields: a choice or a set of guidelines, a
decision taken or still open, and whether its reader knew where the decision is written.

These facts keep rules from judging a record by what it is not: a guideline record, or one
whose subject is keeping decision records, is not a choice between alternatives (REC003), an
open decision has rejected nothing yet (ALT006), and a record cannot be said to state no
choice when its reader found no place where the decision is written (REC002).
"""

from __future__ import annotations

import re

from ..model import Record
from ..packdata import Lexicon
from .kinds import _given

# Formats read from prose documents: the reader says whether it found the decision's place
# (``x_decision_stated``: true when the section has text, false when it is empty).
PROSE_FORMATS = frozenset({"madr", "nygard", "freeform"})
DECISION_PLACE_KEY = "x_decision_stated"
# A decision text this short that says "WIP" or "TBD" is a placeholder, not a decision.
PLACEHOLDER_WORDS = 6
HEAD_WORDS = 30  # the opening of a decision text, where it states what it turns down
_TAKEN = frozenset({"accepted", "implemented", "rejected", "superseded", "withdrawn"})


def decision_place(rec: Record, fmt: str) -> bool:
    """The record has a known place for its decision: a structured record (its fields are
    the place), or a prose record whose reader found a decision, outcome, proposal or
    design section, or a chosen-option line (empty or not)."""
    if fmt not in PROSE_FORMATS:
        return True
    return DECISION_PLACE_KEY in (rec.model_extra or {})


def decision_open(rec: Record, lex: Lexicon) -> bool:
    """The decision is still open: not taken by its status, and its decision text is a
    placeholder ("WIP.", "TBD") or its status text says so ("gathering information",
    "under discussion"), or its decision part is empty and no option is chosen, or its
    reader found that the decision leaves the choice between its options open
    (``x_decision_open``: "not yet clear whether X or Y")."""
    extra = rec.model_extra or {}
    if extra.get("x_decision_open") is True:
        return True
    if rec.status in _TAKEN:
        return False
    text = rec.rationale or ""
    if extra.get(DECISION_PLACE_KEY) is False and not _given(text):
        # its proposal or decision part is there but empty (a template's prompt left in
        # a comment), and nothing else states a decision: not written yet
        return not any(o.chosen for o in rec.options)
    if (
        _given(text)
        and len(text.split()) <= PLACEHOLDER_WORDS
        and lex.mentions("open_decision", text)
    ):
        return True
    status_text = (rec.model_extra or {}).get("status_text")
    return isinstance(status_text, str) and lex.mentions("open_decision", status_text)


def is_guideline(rec: Record, lex: Lexicon) -> bool:
    """The record sets guidelines, a policy or a standard (by its title or its decision
    text) and does not say that alternatives were weighed: not a choice between options."""
    if not lex.mentions("guideline", rec.title, _head(rec.rationale)):
        return False
    said = " ".join(t for t in (rec.title, rec.context, rec.rationale) if t)
    return not lex.mentions("alternatives_mentioned", said)


def is_informational(rec: Record, lex: Lexicon) -> bool:
    """The document informs and decides nothing: no decision status, and a status text
    that says so ("Informational", "Documented existing implementation"), a document type
    that says so ("RFC Type: informational", a PEP's "Type: Informational"), or a title that
    names a kind of document that is no decision ("Cranelift roadmap 2023", "Threat
    model")."""
    status_text = (rec.model_extra or {}).get("status_text")
    by_status = rec.status is None and isinstance(status_text, str)
    if by_status and lex.opens("informational_status", status_text):
        return True
    doc_type = (rec.model_extra or {}).get("x_doc_type")  # "RFC Type: informational"
    if isinstance(doc_type, str) and lex.opens("informational_status", doc_type):
        return True
    return lex.mentions("informational_title", rec.title)


def is_record_keeping(rec: Record, lex: Lexicon) -> bool:
    """The record's subject is the keeping of decision records itself ("Record architecture
    decisions", the first record of many logs): by its title, or by both its context and
    its decision text. It chooses a practice, and is no choice between listed options."""
    if lex.mentions("record_keeping", rec.title):
        return True
    return lex.mentions("record_keeping", _head(rec.context)) and lex.mentions(
        "record_keeping", _head(rec.rationale)
    )


# A question of the context that weighs doing a thing or not ("Should we consider and address
# performance requirements?", "Do we want to keep the cache?"): a question, not "Should we
# need more, ..." (a condition), so it ends in a question mark.
_YES_NO = re.compile(
    r"(?:^|[.!?:]\s+|\n)\s*(?:should|shall)\s+(?:we|the\s+(?:team|project))\s+[^.!?\n]{3,200}\?|"
    r"(?:^|[.!?:]\s+|\n)\s*do\s+we\s+(?:want|need)\s+to\s+[^.!?\n]{3,200}\?|"
    # "first the API spec, or first the service?": a question that sets two courses apart
    r"\b[^.!?\n]{3,120},\s+or\s+[^.!?\n,]{2,80}\?",
    re.IGNORECASE,
)
_TITLE_NOT = re.compile(r",\s+not\s+\w", re.IGNORECASE)


# The line of a paragraph or list item outside the context and decision text that argues
# an alternative, as the ADR reader found it (engine/records/adr/argued.py).
ARGUED_KEY = "x_alternative_argued"
PROSE_WORDS_KEY = "x_prose_words"


def prose_words(rec: Record) -> int:
    """The words of the prose where a document argues (all but its consequences, links and
    references, code and tables), as its reader counted them; 0 for a structured record."""
    words = (rec.model_extra or {}).get(PROSE_WORDS_KEY)
    return words if isinstance(words, int) and not isinstance(words, bool) else 0


def names_alternative(rec: Record, lex: Lexicon) -> bool:
    """The title or the opening of the decision text names the alternative it turns down
    ("use named exports instead of default exports", "we won't use ADR numbers anymore",
    "Configuration as code, not by convention"), or its title removes or retires something
    ("Remove support for Java": keeping it is the alternative turned down), or the record
    argues an alternative in a
    sentence: in its context or decision text ("A typical option is to ...", "We could
    have taken ...", "Alternatively, ..."), or in any other prose section but its
    consequences, links and references ("As an alternative, the SDK could ...", "Another
    approach would be ...", "We also looked at X": ``x_alternative_argued``, the line its
    reader found). An aside further on in the decision text ("to avoid misleading users")
    is not the decision's alternative."""
    if lex.mentions("turned_down", rec.title, _head(rec.rationale, HEAD_WORDS)):
        return True
    if _TITLE_NOT.search(rec.title or ""):
        return True
    if lex.opens("removal_title", rec.title):  # "Remove support for Java": not keeping it
        return True
    said = (rec.context, rec.rationale)
    if lex.mentions("alternative_argued", *said) or lex.opens("alternative_opening", *said):
        return True
    if lex.mentions("alternative_argued_in_decision", *said):
        return True
    if lex.mentions("alternatives_compared", *said):  # "we compared REST and GraphQL"
        return True
    if any(_COMPETING.search(t or "") for t in said):  # "several competing solutions: ..."
        return True
    if lex.mentions("decision_contrast", rec.rationale):  # "in core rather than a package"
        return True
    if _YES_NO.search(rec.context or ""):  # "Should we address performance now?"
        return True
    argued = (rec.model_extra or {}).get(ARGUED_KEY)
    return isinstance(argued, int) and not isinstance(argued, bool)


# Rivals named as such: "There are several competing mainstream solutions for generating
# images. Yocto offers ...; Buildroot offers ..."
_COMPETING = re.compile(
    r"\bcompeting\s+(?:[\w-]+\s+){0,2}?(?:solutions?|approach(?:es)?|alternatives|options|"
    r"tools|products|frameworks|libraries|implementations|designs|technologies|vendors)\b",
    re.IGNORECASE,
)


def _head(text: str | None, words: int = 40) -> str:
    return " ".join((text or "").split()[:words])
