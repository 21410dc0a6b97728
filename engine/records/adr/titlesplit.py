"""An option's written text split into its title and what is said of it: ``X - why``,
``X: why``, ``X, which ...``, ``X. More.`` and ``X (such as Y): This ...``."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"\s+[-–—]\s+|:\s+")
_PAIR = re.compile(r"^[A-Za-z][\w .&/-]{0,30}:\s+\S")


def label_value_parts(text: str) -> bool:
    """A title made of several ``label: value`` parts (``Database: Postgres, Cache: Redis``,
    ``Main hub: GitHub; pipeline: GitHub Actions; mirroring: GitLab, pull only``): it starts
    with one and has at least two, so its first colon does not end a title."""
    parts = [p.strip() for p in re.split(r"[;,]", text)]
    return bool(parts and _PAIR.match(parts[0])) and sum(1 for p in parts if _PAIR.match(p)) >= 2


_DASH = re.compile(r"\s+[-–—]\s+")
# A relative or causal clause after an option's name describes it ("X, which wraps Y").
_CLAUSE = re.compile(r",\s+(?:which|that|where|since|so\s+that)\s+", re.IGNORECASE)


def split_title(
    text: str, label: str | None = None, rest: str = "", source: str = ""
) -> tuple[str, str | None]:
    """An option's written text -> (title, description). A colon inside code
    (`` `Category: X` ``) never splits."""
    if label:
        return label.strip().rstrip(":").strip(), rest.strip(" -–—:") or None
    splitter = _SPLIT
    if (source and ": " not in re.sub(r"`[^`]*`", "", source)) or label_value_parts(text):
        splitter = _DASH  # a colon in code, or a title of "label: value" parts
    parts = splitter.split(text, maxsplit=1)
    if (
        len(parts) == 2
        and parts[0]
        and parts[1]
        and len(parts[0].split()) <= 8
        and parts[0].count("(") == parts[0].count(")")
    ):
        return parts[0].strip(), parts[1].strip()
    clause = _CLAUSE.search(text)  # "Prometheus Operator Probe, which wraps ...": the name
    if clause and 1 <= len(text[: clause.start()].split()) <= 8:
        return text[: clause.start()].strip(), text[clause.start() :].strip(" ,") or None
    for end in _FIRST_SENTENCE.finditer(text):  # "Buffer samples on disk. This needs space."
        head = text[: end.start()]
        if head.count("(") != head.count(")") or head.count('"') % 2:
            continue  # "(e.g., "# 2. Do ...")": inside brackets or quotes
        if 1 <= len(head.split()) <= MAX_SENTENCE_TITLE_WORDS:
            return head.strip(), text[end.end() :].strip() or None
        break
    if (m := _COLON_SENTENCE.search(text)) and m.start() and _balanced(text[: m.start()]):
        return text[: m.start()].strip(), text[m.end() :].strip()  # "X (such as Y): This ..."
    return text.strip(), None


# a colon and a sentence after it: the title, then what is said of it
_COLON_SENTENCE = re.compile(r"(?<=[\w)`])\s*:\s+(?=(?:This|It|That|The|We)\s)")


def _balanced(head: str) -> bool:
    return head.count("(") == head.count(")") and len(head.split()) <= MAX_COLON_TITLE_WORDS


MAX_SENTENCE_TITLE_WORDS = 12
MAX_COLON_TITLE_WORDS = 24  # a title before ": This ..." may be a long one
# the end of an option's first sentence, another sentence after it (not "e.g. X", "v1. X")
_FIRST_SENTENCE = re.compile(
    r"(?<!e\.g)(?<!i\.e)(?<!\betc)(?<!\bvs)(?<!\bcf)(?<!\bex)(?<!\bincl)(?<!\bapprox)"
    r"(?<![\s.][A-Z])(?<=[A-Za-z0-9)\]`'\"”])\.\s+(?=[A-Z])"  # not "U.S. Gov", "J. Doe"
)
