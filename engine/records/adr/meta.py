"""ADR metadata values: statuses, dates and names, from whatever form they were written in."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..document import Document, Paragraph

STATUS_MAP = {
    # French, German, Spanish, Portuguese, Dutch and Scandinavian status words (headings
    # and field names are translated by ..document.languages)
    **dict.fromkeys(
        (
            "accepté",
            "acceptée",
            "adopté",
            "adoptée",
            "validé",
            "validée",
            "approuvé",
            "approuvée",
            "akzeptiert",
            "angenommen",
            "beschlossen",
            "aceptado",
            "aceptada",
            "aprobado",
            "aprobada",
            "aceito",
            "aceita",
            "aprovado",
            "aprovada",
            "geaccepteerd",
            "aangenomen",
            "akseptert",
            "godkjent",
            "vedtatt",
            "accepteret",
            "godkendt",
            "vedtaget",
            "accepterad",
            "godkänd",
            "beslutad",
        ),
        "accepted",
    ),
    **dict.fromkeys(
        (
            "proposé",
            "proposée",
            "brouillon",
            "en cours",
            "en discussion",
            "vorgeschlagen",
            "entwurf",
            "propuesto",
            "propuesta",
            "borrador",
            "proposto",
            "proposta",
            "rascunho",
            "voorgesteld",
            "foreslått",
            "foreslået",
            "föreslagen",
            "utkast",
            "udkast",
        ),
        "proposed",
    ),
    **dict.fromkeys(
        (
            "rejeté",
            "rejetée",
            "refusé",
            "refusée",
            "abgelehnt",
            "rechazado",
            "rechazada",
            "rejeitado",
            "rejeitada",
            "afgewezen",
            "avvist",
            "afvist",
            "avslått",
            "avvisad",
        ),
        "rejected",
    ),
    **dict.fromkeys(
        (
            "remplacé",
            "remplacée",
            "ersetzt",
            "reemplazado",
            "substituído",
            "vervangen",
            "erstattet",
            "ersatt",
        ),
        "superseded",
    ),
    **dict.fromkeys(("obsolète", "déprécié", "veraltet", "obsoleto", "verouderd"), "deprecated"),
    "accepted": "accepted",
    "approved": "accepted",
    "agreed": "accepted",
    "decided": "accepted",
    "adopted": "accepted",
    "active": "accepted",
    "final": "accepted",
    "final comment": "proposed",  # the last comment period before a decision (RFC, SEP)
    "final comment period": "proposed",
    "ratified": "accepted",
    "living": "accepted",
    "proposed": "proposed",
    "draft": "proposed",
    "proposal": "proposed",
    "open": "proposed",
    "pending": "proposed",
    "review": "proposed",
    "wip": "proposed",
    "rfc": "proposed",
    "discussion": "proposed",
    "discussing": "proposed",
    "on hold": "proposed",
    "in progress": "proposed",
    "in review": "proposed",
    "under review": "proposed",
    "work in progress": "proposed",
    "rejected": "rejected",
    "declined": "rejected",
    "implemented": "implemented",
    "partially implemented": "accepted",  # decided, still being carried out
    "implementable": "accepted",  # a KEP's approved stage
    "provisional": "proposed",  # a KEP's stage before that
    "merged": "accepted",  # an RFC merged into the repository
    "landed": "implemented",
    "done": "implemented",
    "completed": "implemented",
    "complete": "implemented",
    "deprecated": "withdrawn",  # no longer valid; "superseded" says what replaced it
    "superseded": "superseded",
    "superceded": "superseded",
    "replaced": "superseded",
    "obsolete": "superseded",
    "outdated": "withdrawn",  # no longer valid; names no replacement by itself
    "retired": "superseded",
    "withdrawn": "withdrawn",
    "abandoned": "withdrawn",
    "retracted": "withdrawn",
    "cancelled": "withdrawn",
    "reverted": "withdrawn",
    "canceled": "withdrawn",
}
_STATUS_WORD = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, STATUS_MAP), key=len, reverse=True)) + r")\b"
)
_PLACEHOLDER = re.compile(r"[|{}]|^\[")
_HANDLE = re.compile(r"@[\w.-]+")


def _handles(value: str) -> list[str]:
    """The handles of ``value`` when it is nothing but two or more (``@ana @bo``)."""
    words = value.split()
    return words if len(words) >= 2 and all(_HANDLE.fullmatch(w) for w in words) else []


# Words that fill a name's place without naming anyone ("approvers: - TBD")
_NOBODY = frozenset({"n/a", "na", "none", "-", "tbd", "tba", "tbc", "todo", "?", "unknown"})
_BY_BODY = re.compile(
    # never across a "|": "Accepted | Superseded by ADR-5" lists a template's choices
    # nor past a replacement: "Approved, partially superseded by ADR-0009" names no approver
    r"\b(?i:approved|accepted|agreed|decided|ratified|voted)\b"
    r"(?:(?!(?i:supersed|supercede|replaced|amended|deprecated))[^.;|])*?\bby\s+(?i:an?\s+|the\s+)?"
    r"((?:[A-Z][\w&.-]*)(?:\s+[A-Z][\w&.-]*){0,3}|"
    r"@[\w-]+(?:\s*(?:,|&|\band\b)\s*@[\w-]+)*)"  # "decided by @ana and @bo"
)


# "[accepted]", "[2022-12-08]": one value a template's brackets were left around; a
# placeholder keeps a choice ("[proposed | accepted]") or words ("[YYYY-MM-DD when ...]")
_BRACKETED = re.compile(r"^\[\s*([^\[\]|{}]+?)\s*\](?!\s*\()\s*$")


def unbracket(text: str) -> str:
    """``[accepted]`` -> ``accepted``; anything else unchanged."""
    m = _BRACKETED.match(text)
    return m.group(1) if m else text


def _words(text: str) -> str:
    # "_3_agreed", "2-proposed": a workflow's ordering prefix before the status word
    text = re.sub(r"^[\s_]*\d{1,2}[\s_.-]+(?=[a-z])", "", text.lower())
    return " ".join(re.sub(r"[^\w\s-]", " ", text.replace("_", " ")).split())


def map_status(raw: Any) -> tuple[str | None, str | None]:
    """(model status or None, raw text to keep or None), from the leading words."""
    text = " ".join(str(raw).split()).strip(" *_") if raw is not None else ""
    if not text:
        return None, None
    if (inner := unbracket(text)) != text and _known_status(inner):
        text = inner
    if linked := _LINKED.match(text):  # "[Implemented](https://.../commit/cdf01a3)"
        text = linked.group(1).strip()
    if _PLACEHOLDER.search(text):  # a template placeholder, not a status
        return None, text
    words = _words(text)
    for size in (3, 2, 1):
        head = " ".join(words.split()[:size])
        if head in STATUS_MAP:
            status = STATUS_MAP[head]
            return status, (text if words != head else None)
    return None, text


# "[list everyone involved in the decision]": a template's blank, not "[Bruno Friedmann]"
# (a name in a reference link): it starts lower case, or runs to four words or more
_WHOLE_BLANK = re.compile(r"^\s*\[\s*(?:[a-z]|(?:[^\[\]\s]+\s+){3})[^\[\]]*\]\s*$")
_LINKED = re.compile(r"^\[([^\[\]]+)\]\(https?://[^()\s]+\)\s*$")  # to a commit, a PR


def _known_status(text: str) -> bool:
    return _words(text) in STATUS_MAP


# A proposal's stage in a staged RFC process (TC39, Elastic ECS): "Stage: 2 (candidate)".
_STAGES = {
    "0": "proposed",
    "1": "proposed",
    "2": "proposed",
    "3": "accepted",
    "4": "implemented",
    "x": "withdrawn",
    "strawperson": "proposed",
    "strawman": "proposed",
    "draft": "proposed",
    "candidate": "proposed",
    "proposal": "proposed",
    "finished": "accepted",
    "abandoned": "withdrawn",
}


def stage_status(text: str) -> str | None:
    """The status a stage gives ("2 (candidate)" -> proposed, "X (abandoned)" -> withdrawn),
    or None when the text is no stage of such a process."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    named = [_STAGES[w] for w in words[:3] if w in _STAGES and not w.isdigit() and w != "x"]
    if named:
        return named[0]
    return _STAGES.get(words[0]) if words and len(words) <= 3 else None


def status_in_prose(text: str) -> str | None:
    """A status word somewhere in free text (``This ADR was approved by...``); never in a
    template placeholder (``{proposed | accepted}``)."""
    if _PLACEHOLDER.search(text):
        return None
    words = _words(text)
    for m in _STATUS_WORD.finditer(words):
        if not _NEGATED.search(words[: m.start()]):  # never "Not implemented"
            return STATUS_MAP[m.group(1)]
    return None


_NEGATED = re.compile(r"\b(?:not|never|no|yet\s+to\s+be)\s+(?:(?:yet|been|be|fully)\s+)?$")


def deciding_body(text: str) -> str | None:
    """``Approved (by TSC vote on 3/25/21)`` -> ``TSC``."""
    m = _BY_BODY.search(text)
    if not m:
        return None
    body = re.sub(r"(?:\s+(?:Vote|Voting|Meeting|Approval|Decision|Review|Call))+$", "", m.group(1))
    return body or None


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\b")
_SLASHED = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b")
_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_WORDY = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%B %Y")


def parse_date(value: Any) -> tuple[dt.date | None, str | None]:
    """An ADR date: ISO, adr-tools' old dd/mm/yyyy (mm/dd/yyyy when only that is valid),
    yyyy/mm/dd or "2 March 2024". Anything else is kept as text."""
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    text = str(value).strip().strip("*_ ") if value is not None else ""
    raw, text = text, unbracket(text)
    candidates: list[tuple[int, int, int]] = []
    if (m := _ISO.match(text)) or (m := _YMD.match(text)):
        candidates.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    elif m := _SLASHED.match(text):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        candidates += [(year, b, a), (year, a, b)]
    for y, mo, d in candidates:
        try:
            return dt.date(y, mo, d), None
        except ValueError:
            continue
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    for fmt in _WORDY:
        try:
            return dt.datetime.strptime(cleaned, fmt).date(), None
        except ValueError:
            continue
    return None, raw or None


def people(value: Any, items: tuple[str, ...] = ()) -> list[str]:
    """Names from a list, nested items, or a comma/semicolon/"and" separated string."""
    values: list[Any]
    if items:
        values = list(items)
    elif isinstance(value, list):
        values = value
    elif value is None:
        return []
    else:
        values = re.split(r"[,;|]|\s+and\s+|\s*&\s*", str(value))  # "Ana | Bo" too
    # "@ana @bo": handles separated by spaces alone
    values = [h for v in values for h in (_handles(str(v)) or [v])]
    out = []
    for v in values:
        if _WHOLE_BLANK.match(str(v)):
            continue  # "[list everyone involved in the decision]": a template's blank
        name = " ".join(str(v).split()).strip(" []{}*_")
        if name and not _PLACEHOLDER.search(name) and name.lower() not in _NOBODY:
            out.append(name)
    return out


MAX_PERSON_WORDS = 8  # "Ana Lima (product owner, payments team)"; a longer piece is prose


def people_of_part(text: str, items: list[str]) -> list[str]:
    """The people a part named for them gives (``## Deciders``): its list items, else the
    names its text lists. A part written in prose (a protocol's ``## Governance`` of its
    mechanism: a piece of more than eight words between commas) names only the short
    items of its lists."""
    if any(len(n.split()) > MAX_PERSON_WORDS for n in re.split(r"[,;|]", text)):
        return [n for n in items if len(n.split()) <= MAX_PERSON_WORDS]
    return items or people(text)


# "This decision has been superseded by decision: [0018 ...]", "Superseded by ADR-12.",
# "This ADR is deprecated."
_REPLACED_NOTE = re.compile(
    r"^\W*(?:(?:note|warning|important|caution|update|\[!\w+\])\W*)?"  # "Note:", "[!WARNING]"
    r"(?:(?:this|the)\s+(?:decision|adr|record|document)\s+(?:has\s+been|is|was|is\s+now)\s+)?"
    r"(?:superseded|replaced|deprecated|obsolete|outdated)\b",
    re.IGNORECASE,
)


_ADMONITION = re.compile(r"^\s*\[!\w+\]\s*")  # GitHub's "> [!WARNING]" callout


def replaced_note(doc: Document) -> tuple[str, int] | None:
    """A paragraph before the record's first section that says it was superseded or
    deprecated, as (its text, its line): the record's status when nothing else gives one."""
    blocks = list(doc.root.blocks)
    title = doc.title_section
    if title is not None and title is not doc.root:
        blocks += list(title.blocks)
    for block in blocks:
        if isinstance(block, Paragraph) and _REPLACED_NOTE.match(block.text):
            return _ADMONITION.sub("", block.text), block.line
    first = title.children[0] if title is not None and title.children else None
    if first is not None and _REPLACED_NOTE.match(first.title):  # "## This ADR has been
        if not _BY.search(first.title):  # superseded by [028-...](028-....md)" as a heading;
            for para in first.paragraphs()[:2]:  # "## Superseded" / "It has been replaced
                said = " ".join((para.source or para.text).split())  # by a [new proposal](...)."
                if by := _BY.search(said):
                    return f"Superseded by {said[by.end() :]}", para.line
        return first.title, first.line
    return None


_BY = re.compile(r"\b(?:superseded|superceded|replaced)\s+by\s+", re.IGNORECASE)


# "Akseptert (dato: 2025-06-10)": a ticked status and its date in brackets
_TICKED_DATE = re.compile(
    r"^(?P<word>[^()]+?)\s*\((?P<key>[^():]{1,20}):\s*(?P<value>[^()]+)\)\W*$"
)


def ticked_status(items: list[Any]) -> tuple[str, int, list[tuple[str, str]]] | None:
    """(status text, line, the fields it packs) of a status part written as checkboxes
    ("- [x] Proposed" / "- [x] Accepted" / "- [ ] Superseded"): the last one ticked, as the
    statuses are listed in the order a record goes through them; None unless two or more
    boxes with one ticked or more."""
    ticked = [it for it in items if it.checked]
    if not ticked or len(items) < 2:
        return None
    last = ticked[-1]
    m = _TICKED_DATE.match(last.text.strip())
    if m is None:
        return last.text, last.line, []
    return m.group("word"), last.line, [(m.group("key").strip(), m.group("value").strip())]
