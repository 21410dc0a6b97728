"""The base of the rule-file checks: where each problem is and how it is reported.

A checker holds one parsed rule file and accumulates :class:`RuleFileError` values naming the
file, the path inside it (``when.all[1].op``) and its line. The header, condition and example
checks (``header.py``, ``conditions.py``, ``examples.py``) build on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import RuleFileError
from ..hints import show_json, suggest
from ..types import Loc, format_loc


def _suggest(word: str, choices: Sequence[str]) -> str:
    return suggest(word, choices)


_show = show_json  # a rule file's value, as JSON


# ``on:`` was the key of the fact type until it became ``target:``: YAML 1.1 parsers
# (PyYAML, and so this loader) read the key ``on`` as the boolean true, which arrives here
# as the key "True".
OLD_KEYS: Mapping[str, str] = {"on": "target", "True": "target"}


class FileChecker:
    """Validates one parsed rule file; errors accumulate in ``errors``."""

    def __init__(self, file: str, data: Any, lines: Mapping[Loc, int]) -> None:
        self.file = file
        self.data = data
        self.lines = lines
        self.errors: list[RuleFileError] = []
        self.incomplete = False  # some alias failed: its facts cannot be checked in messages
        self.failed: set[str] = set()  # aliases whose fact type is unknown

    # -- errors ----------------------------------------------------------------------------

    def line(self, loc: Loc) -> int | None:
        key = tuple(loc)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), 1)

    def err(self, loc: Loc, message: str) -> None:
        self.errors.append(RuleFileError(self.file, format_loc(loc), message, self.line(loc)))

    def unknown_field(self, loc: Loc, key: str, known: Sequence[str] = ()) -> None:
        """Report the unknown field ``key`` of the mapping at ``loc``; an old key is named as
        written (``on``) with its new spelling."""
        if key in OLD_KEYS:
            message = (
                f"'on' is no longer a rule-file key: rename it to '{OLD_KEYS[key]}' "
                "(YAML 1.1 parsers read the key 'on' as true)"
            )
            self.errors.append(
                RuleFileError(self.file, format_loc((*loc, "on")), message, self.line((*loc, key)))
            )
            return
        self.err((*loc, key), f"unknown field '{key}'{_suggest(key, known)}")

    # -- fields ----------------------------------------------------------------------------

    def text(self, data: Mapping[str, Any], key: str, loc: Loc = ()) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.err((*loc, key), "must be a non-empty string")
            return ""
        return value
