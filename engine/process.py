"""Folders whose decisions are taken by a stated process, not by a person.

Open-source projects rarely name a decision maker on each record: their README, their
governance document or a process record of their own says once, for all of them, how a
proposal is accepted ("The proposal can be accepted through consent of the dev team in a
dev team meeting", "If there is consensus on the governance call the change will be moved
to approved"), or each record names the process that decided it in its status ("Accepted
(lazy consensus)") or links the review ("RFC PR: <link>"). Asking every such record who
decided it is noise: the folder answers the question once. This module finds the first
kind, a sentence in a process document of the folder or of a folder above it (up to the
checked folder); the second kind is read with the record (``x_decided_through``) and
counted by :class:`engine.conventions.ConventionFolder`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .filenumbers import names_its_folder
from .foldertree import inside

FIELD = "decision makers"  # the convention field a stated process gives (GOV002)
BY_PROCESS = FIELD + " (by process)"  # an empty_fields() name: the record names its process

_PROCESS_FILES = frozenset(
    {
        "readme.md",
        "readme.rst",
        "readme.txt",
        "readme",
        "contributing.md",
        "governance.md",
        "process.md",
        "proposals.md",
        "index.md",
    }
)
# a record about the process itself: "LIP Purpose and Guidelines", "0206-voting-majority.md"
_PROCESS_NAME = re.compile(
    r"\b(?:process|guidelines?|governance|voting|purpose|charter|workflow|decision[- ]making"
    r"|working\s+group|committee)\b"
    r"|how[- ]we[- ](?:decide|work)",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:accept(?:s|ed|ing|ance)?|approv(?:e|es|ed|ing|al)|ratif(?:y|ies|ied)"
    r"|adopt(?:s|ed)?|decid(?:e|es|ed)|reach(?:es|ed)?\s+consensus|consensus\s+is\s+reached)\b",
    re.IGNORECASE,
)
_MECHANISM = re.compile(
    r"\b(?:consensus|consent|votes?|voting|majority|approvals|sign[- ]off|steering|chairs?"
    r"|meetings?\s+of|committers?"
    r"|committee|council|board|maintainers|team meeting|tsc|architects?|reviewers?"
    r"|(?:bi-?weekly|weekly|monthly|regular|community|team|maintainers['’]?)\s+meetings?"
    r"|members|(?:core|dev|development|project|review|architecture)(?:\s+\w+)?\s+team)\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"\b(?:proposals?|rfcs?|adrs?|decisions?|records?|[a-z]?ips?|peps?|keps?|prs?"
    r"|pull requests?|changes?|documents?|designs?|papers?|(?-i:[A-Z]{2,5}s?))\b",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s+")
_MAX_BYTES = 256 * 1024
_MAX_SENTENCE = 500


@dataclass(frozen=True)
class Statement:
    """Where a folder says how its decisions are accepted."""

    file: str
    line: int
    text: str


def states_process(text: str, before: str = "") -> bool:
    """Whether a sentence says how a proposal is accepted: an accepting verb, a mechanism or
    body (consensus, a vote, the maintainers) and what is accepted (a proposal, an RFC), in
    it or in the sentence ``before`` it ("... whether or not to accept the SEP. Acceptance
    requires approval from five members of the core team."). Table rows are no sentences."""
    return bool(
        len(text) <= _MAX_SENTENCE
        and "|" not in text
        and _VERB.search(text)
        and (
            _MECHANISM.search(text) or (len(before) <= _MAX_SENTENCE and _MECHANISM.search(before))
        )
        and (_SUBJECT.search(text) or (len(before) <= _MAX_SENTENCE and _SUBJECT.search(before)))
    )


def folder_process(
    path: str, top: str | None = None, seen: dict[str, Statement | None] | None = None
) -> Statement | None:
    """The first process statement in the folder ``path`` or a folder above it, up to
    ``top`` (the checked folder; None: ``path`` alone); ``seen`` keeps what each folder
    gave, for a run that asks about many folders of one tree."""
    at = os.path.normpath(path or ".")
    stop = os.path.normpath(top) if top else at
    seen = {} if seen is None else seen
    while True:
        if at not in seen:
            seen[at] = _in_folder(at)
        found = seen[at]
        if found is not None:
            return found
        parent = os.path.dirname(at)
        if at == stop or not parent or parent == at or not inside(parent, stop):
            return None
        at = parent


def _in_folder(folder: str) -> Statement | None:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    for name in names:
        low = name.lower()
        candidate = low in _PROCESS_FILES or (
            low.endswith((".md", ".markdown", ".rst", ".txt"))
            and (_PROCESS_NAME.search(name.replace("_", " ")) or _titled_process(folder, name))
        )
        if candidate and (found := _statement(os.path.join(folder, name))) is not None:
            return found
    return _in_decision_folders(folder, names)


MAX_DECISION_FOLDERS = 500  # folders of one record each, looked into for a process record


def _in_decision_folders(folder: str, names: list[str]) -> Statement | None:
    """A process record kept, as every record of the folder is, in a folder of its own
    (``slep000/proposal.rst``, titled "SLEP000: SLEP and its workflow")."""
    for sub in names[:MAX_DECISION_FOLDERS]:
        inner = os.path.join(folder, sub)
        if sub.startswith(".") or not os.path.isdir(inner):
            continue
        try:
            files = sorted(os.listdir(inner))
        except OSError:
            continue
        for name in files:
            own = names_its_folder(name) or name.lower() in _PROCESS_FILES  # "336/PROPOSALS.md"
            if not own or not name.lower().endswith((".md", ".markdown", ".rst")):
                continue
            if (_PROCESS_NAME.search(sub.replace("_", " ")) or _titled_process(inner, name)) and (
                found := _statement(os.path.join(inner, name))
            ) is not None:
                return found
    return None


def _head(file: str, size: int = 4096) -> str:
    try:
        with open(file, "rb") as fh:
            return fh.read(size).decode("utf-8", "replace")
    except OSError:
        return ""


def _titled_process(folder: str, name: str) -> bool:
    """A document whose title (front matter ``title:`` or first heading) names a process."""
    lines = _head(os.path.join(folder, name)).splitlines()[:40]
    front = lines[:1] == ["---"] and "---" in lines[1:]
    end = lines.index("---", 1) if front else -1  # front matter: only its "title:" counts
    for n, line in enumerate(lines):
        stripped = line.strip()
        if n <= end and not stripped.lower().startswith("title:"):
            continue
        underlined = n + 1 < len(lines) and _UNDERLINE.match(lines[n + 1].strip())
        if (title := _TABLE_TITLE.match(stripped)) is not None:  # "<td> Title </td><td> X"
            return bool(_PROCESS_NAME.search(title.group(1)))
        if (
            stripped.lower().startswith("title:")
            or stripped.startswith("#")
            or (stripped and underlined and not _UNDERLINE.match(stripped))
        ):  # a reStructuredText title: its line, then a line of "=" or "-" under it
            return bool(_PROCESS_NAME.search(stripped))
    return False


_UNDERLINE = re.compile(r"^([=\-~^*+#])\1{2,}$")
# a title in a header table: "| Title | X |", "<tr><td> Title </td><td> X </td>"
_TABLE_TITLE = re.compile(
    r"^(?:\|\s*|(?:<tr>\s*)?<t[dh]>\s*)title\s*(?:\||</t[dh]>\s*<t[dh]>)\s*([^|<]+)", re.I
)


def _statement(file: str) -> Statement | None:
    if not os.path.isfile(file):
        return None
    text = _head(file, _MAX_BYTES)
    offset, before = 0, ""
    for piece in _SENTENCES.split(text):
        start = text.find(piece, offset)
        offset = max(offset, start)
        sentence = " ".join(piece.split())
        if states_process(sentence, before):
            return Statement(file, text.count("\n", 0, max(start, 0)) + 1, sentence[:200])
        before = sentence
    return None
