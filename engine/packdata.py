"""The data shipped in ``rules/``: lexicons (for text-derived facts) and reference classes.

Both are YAML data, read once per process with the bounded safe loader.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .safeyaml import load_one


def pack_root() -> Path:
    """The folder of the built-in pack (``decaudit/rules`` once installed)."""
    return Path(str(resources.files("decaudit.rules")))


def _read_yaml(path: Path) -> Any:
    return load_one(path.read_text(encoding="utf-8")).data


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    parts = []
    for phrase in phrases:
        words = [re.escape(w).replace(r"\*", r"\w*") for w in phrase.lower().split()]
        parts.append(r"\s+".join(words))
    return (
        re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
        if parts
        else re.compile(r"(?!x)x")
    )


# Where a sentence, a line or a list item starts: after a full stop, a question or
# exclamation mark, a colon or semicolon, or a line break.
_OPENINGS = re.compile(r"(?<=[.!?:;])\s+|\n+")
# What may stand before a sentence's first word: bullets, numbers, quotes, emphasis.
_LEADER = re.compile(r"^[\s\-*+•>#_`\"'“‘(]*(?:(?:\d+|[a-z])[.)]\s+)?[\s*_`\"'“‘(]*")


class _Patterns(Mapping[str, re.Pattern[str]]):
    """Name -> the regex of its phrases, compiled when first used (a one-file check uses a
    few of the vocabularies; compiling all of them was a noticeable part of its start-up)."""

    def __init__(self, phrases: Mapping[str, list[str]]) -> None:
        self._phrases = dict(phrases)
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        found = self._compiled.get(name)
        if found is None:
            found = self._compiled[name] = _phrase_regex(self._phrases[name])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._phrases)

    def __len__(self) -> int:
        return len(self._phrases)


@dataclass(frozen=True)
class Lexicon:
    kind_order: tuple[str, ...]
    kind_patterns: Mapping[str, re.Pattern[str]]
    term_patterns: Mapping[str, re.Pattern[str]]
    # Text about software (a framework, a database, a build): only these kinds are inferred.
    technical_phrases: tuple[str, ...] = ()
    technical_kinds: frozenset[str] = frozenset()

    @functools.cached_property
    def technical(self) -> re.Pattern[str]:
        """Text about software (a framework, a database, a build)."""
        return _phrase_regex(list(self.technical_phrases))

    def infer_kind(self, *texts: str | None) -> str | None:
        """The first kind in ``kind_order`` whose phrases occur in the text, else None."""
        text = " ".join(t for t in texts if t).lower()
        if not text:
            return None
        technical = bool(self.technical.search(text))
        for kind in self.kind_order:
            if technical and kind not in self.technical_kinds:
                continue
            if self.kind_patterns[kind].search(text):
                return kind
        return None

    def mentions(self, vocabulary: str, *texts: str | None) -> bool:
        text = " ".join(t for t in texts if t).lower()
        return bool(text) and bool(self.term_patterns[vocabulary].search(text))

    def opens(self, vocabulary: str, *texts: str | None) -> bool:
        """A phrase of ``vocabulary`` opens a sentence, a line or a list item of the texts
        (after any bullet, number or emphasis): "As an alternative, ..." but not "...
        recommended as an alternative to ..."."""
        for text in texts:
            for part in _OPENINGS.split((text or "").lower()):
                head = _LEADER.sub("", part)
                if head and self.term_patterns[vocabulary].match(head):
                    return True
        return False

    def terms(self, vocabulary: str, *texts: str | None) -> list[str]:
        """The distinct words of ``vocabulary`` found in the texts, in order of appearance."""
        text = " ".join(t for t in texts if t).lower()
        found: dict[str, None] = {}
        for m in self.term_patterns[vocabulary].finditer(text):
            found.setdefault(" ".join(m.group(0).split()), None)
        return list(found)


@cache
def lexicon() -> Lexicon:
    root = pack_root() / "lexicon"
    kinds = _read_yaml(root / "kinds.yaml")
    terms = _read_yaml(root / "terms.yaml")
    return Lexicon(
        kind_order=tuple(kinds["order"]),
        kind_patterns=_Patterns(kinds["kinds"]),
        term_patterns=_Patterns(terms),
        technical_phrases=tuple(kinds.get("technical") or ()),
        technical_kinds=frozenset(kinds.get("technical_kinds") or ()),
    )


@dataclass(frozen=True)
class Figure:
    reference_id: str
    project_type: str
    benefit_type: str | None
    value: float
    label: str
    source: str
    url: str | None


@dataclass(frozen=True)
class References:
    """Reference-class figures: optimism-bias uplifts and realization ratios."""

    uplift: Mapping[str, Figure]
    realization: Mapping[tuple[str, str | None], Figure]

    def realization_for(self, project_type: str | None, benefit_type: str | None) -> Figure | None:
        if not project_type:
            return None
        return self.realization.get((project_type, benefit_type)) or self.realization.get(
            (project_type, None)
        )

    def all_figures(self) -> list[Figure]:
        return [*self.uplift.values(), *self.realization.values()]


def load_references(folder: Path) -> References:
    uplift: dict[str, Figure] = {}
    realization: dict[tuple[str, str | None], Figure] = {}
    for path in sorted(folder.glob("*.yaml")):
        doc = _read_yaml(path)
        for item in doc["figures"]:
            fig = Figure(
                reference_id=doc["id"],
                project_type=item["project_type"],
                benefit_type=item.get("benefit_type"),
                value=float(item["value"]),
                label=item.get("label", ""),
                source=" ".join(str(doc["source"]).split()),
                url=doc.get("url"),
            )
            if doc["measure"] == "uplift":
                uplift[fig.project_type] = fig
            else:
                realization[(fig.project_type, fig.benefit_type)] = fig
    return References(uplift=uplift, realization=realization)


@cache
def references() -> References:
    return load_references(pack_root() / "reference")
