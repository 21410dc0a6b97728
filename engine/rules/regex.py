"""The regular expressions of ``matches``: RE2, so matching takes linear time.

Rule packs are data written by users; a pattern such as ``^(a+)+$`` takes exponential time
in a backtracking engine (Python's ``re``) on a long title. ``matches`` is therefore run
with Google's RE2 (``google-re2``), whose matching time is linear in the text whatever the
pattern. RE2 has no backreferences and no lookaround: a pattern using them is refused when
the rule pack is validated, with a message saying so. Matching is case-insensitive and
searches anywhere in the text (anchor with ``^``/``$``), for the oracle and the compiled
path alike (durable_rules' own regex engine is never used).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Protocol

MAX_REGEX = 500  # characters in one pattern
MAX_PROGRAM = 8 << 20  # bytes of memory RE2 may use to compile and run one pattern


class Pattern(Protocol):
    def search(self, text: str) -> Any: ...


def _options() -> Any:
    import re2

    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    options.max_mem = MAX_PROGRAM
    return options


def problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a ``matches`` value, or None when it can."""
    import re2

    if len(pattern) > MAX_REGEX:
        return f"regular expression longer than {MAX_REGEX} characters"
    try:
        re2.compile(pattern, _options())
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        hint = ""
        if "perl operator" in str(reason) or "escape sequence" in str(reason):
            hint = " (RE2 syntax: no lookahead, lookbehind or backreferences)"
        return f"invalid regular expression: {reason}{hint}"
    return None


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> Pattern:
    """The compiled, case-insensitive RE2 pattern (validated patterns never raise here)."""
    import re2

    compiled: Pattern = re2.compile(pattern, _options())
    return compiled


def search(pattern: str, text: str) -> bool:
    return compile_pattern(pattern).search(text) is not None
