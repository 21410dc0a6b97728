"""The business-case vocabulary (``rules/lexicon/business-case.yaml``), loaded once.

Every phrase is compared on reduced text (:func:`reduce`): lower case, markup, bracketed
units and punctuation gone, words separated by single spaces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from ...packdata import pack_root
from ...safeyaml import load_one

_BRACKETS = re.compile(r"[(\[][^)\]]*[)\]]")
_MARKUP = re.compile(r"[*_`~]+")
_NON_WORD = re.compile(r"[^\w&%+?-]+")


def reduce(text: str, *, keep_brackets: bool = False) -> str:
    """``**Central (£m)**`` -> ``central``; ``Option B: Build`` -> ``option b build``."""
    body = _MARKUP.sub(" ", text)
    if not keep_brackets:
        body = _BRACKETS.sub(" ", body)
    body = body.replace("’", "'").lower()
    body = re.sub(r"[£$€¥]", " ", body)
    body = _NON_WORD.sub(" ", body)
    words = [w.strip("-") for w in body.split()]
    return " ".join(w for w in words if w)


def contains(haystack: str, phrase: str) -> bool:
    """Whether the reduced ``phrase`` occurs in the reduced ``haystack`` as whole words."""
    return f" {phrase} " in f" {haystack} "


@dataclass(frozen=True)
class Vocabulary:
    document: tuple[str, ...]
    metadata: Mapping[str, tuple[str, ...]]
    sections: Mapping[str, tuple[str, ...]]
    columns: Mapping[str, tuple[str, ...]]
    markers: Mapping[str, tuple[str, ...]]
    kinds: Mapping[str, tuple[str, ...]]
    benefit_types: Mapping[str, tuple[str, ...]]
    project_types: Mapping[str, tuple[str, ...]]
    scenario_noise: frozenset[str]
    statuses: Mapping[str, tuple[str, ...]]
    option_figures: Mapping[str, tuple[str, ...]]
    pros: tuple[str, ...]
    cons: tuple[str, ...]

    def meta_field(self, key: str) -> str | None:
        """The record field a metadata key fills (exact phrase), or None."""
        text = reduce(key)
        for field_name, phrases in self.metadata.items():
            if text in phrases:
                return field_name
        return None

    def section_role(self, title: str) -> str | None:
        """The role of a heading: exact phrase first, then a phrase the title starts with."""
        if ":" in title:  # "Preferred option: benefits" is about benefits
            head, _, tail = title.rpartition(":")
            return self._role(tail) or self._role(head)
        return self._role(title)

    def _role(self, title: str) -> str | None:
        text = _strip_numbering(reduce(title))
        for role, phrases in self.sections.items():
            if text in phrases:
                return role
        best: tuple[int, str] | None = None
        for role, phrases in self.sections.items():
            for phrase in phrases:
                if (text.startswith(phrase + " ") or text.endswith(" " + phrase)) and (
                    best is None or len(phrase) > best[0]
                ):
                    best = (len(phrase), role)
        return best[1] if best else None

    def kind_of(self, text: str) -> str | None:
        """An option kind written as a word (``Transformational`` -> breakthrough)."""
        return _lookup(self.kinds, reduce(text))

    def benefit_type(self, text: str) -> str | None:
        return _lookup(self.benefit_types, reduce(text))

    def project_type(self, text: str) -> str | None:
        words = reduce(text)
        if not words:
            return None
        found = _lookup(self.project_types, words, exact=True)
        return found or words.replace(" ", "-").replace("&", "and")

    def status(self, text: str) -> str | None:
        """A model status from the start of a status text (``Approved by Cabinet``)."""
        words = reduce(text)
        best: tuple[int, str] | None = None
        for status, phrases in self.statuses.items():
            for phrase in phrases:
                if (words == phrase or words.startswith(phrase + " ")) and (
                    best is None or len(phrase) > best[0]
                ):
                    best = (len(phrase), status)
        return best[1] if best else None

    def figure(self, key: str) -> str | None:
        """What an option's ``Key: figure`` pair states (cost, benefit, npv...)."""
        return _lookup(self.option_figures, reduce(key), exact=True) or _lookup(
            self.option_figures, reduce(key)
        )

    def is_document(self, text: str) -> bool:
        words = reduce(text)
        return any(contains(words, phrase) for phrase in self.document)


def _strip_numbering(text: str) -> str:
    return re.sub(r"^(?:section\s+)?(?:\d+(?:\s\d+)*|[a-h]|[ivx]+)\s+(?=\w)", "", text)


def _lookup(table: Mapping[str, tuple[str, ...]], words: str, exact: bool = False) -> str | None:
    if not words:
        return None
    for key, phrases in table.items():
        if words in phrases:
            return key
    if exact:
        return None
    best: tuple[int, str] | None = None
    for key, phrases in table.items():
        for phrase in phrases:
            if contains(words, phrase) and (best is None or len(phrase) > best[0]):
                best = (len(phrase), key)
    return best[1] if best else None


def _phrases(values: object) -> tuple[str, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(reduce(str(v), keep_brackets=True) if str(v).strip() else "" for v in values)


@cache
def vocabulary() -> Vocabulary:
    path = pack_root() / "lexicon" / "business-case.yaml"
    data = load_one(path.read_text(encoding="utf-8")).data

    def table(key: str) -> dict[str, tuple[str, ...]]:
        return {str(k): _phrases(v) for k, v in (data.get(key) or {}).items()}

    markers = {k: tuple(str(x).strip().lower() for x in v) for k, v in data["markers"].items()}
    markers["preferred"] = _phrases(data["markers"]["preferred"])
    markers["negative"] = _phrases(data["markers"]["negative"])
    return Vocabulary(
        document=_phrases(data["document"]),
        metadata=table("metadata"),
        sections=table("sections"),
        columns=table("columns"),
        markers=markers,
        kinds=table("kinds"),
        benefit_types=table("benefit_types"),
        project_types=table("project_types"),
        scenario_noise=frozenset(_phrases(data.get("scenario_noise"))),
        statuses=table("statuses"),
        option_figures=table("option_figures"),
        pros=_phrases(data.get("pros")),
        cons=_phrases(data.get("cons")),
    )
