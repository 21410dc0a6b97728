"""``json.dumps`` as one C encoder built once, for the per-record hot paths.

``json.dumps`` (and ``JSONEncoder.encode``) builds a new C encoder on every call, which costs
about as much as encoding a small object. :func:`encoder` builds it once; its result is
checked against ``json.dumps`` on a probe when it is built, and ``json.dumps`` itself is
used when this Python has no C encoder or encodes the probe differently, so the text is
always exactly that of ``json.dumps`` with the same options (UTF-8 kept).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

_PROBE = {"b": [1, 2.5, None, True, 'é\n\u2028"\\'], "a": {"z": float("inf"), "y": ()}, "c": -0.0}


def _no_default(value: Any) -> Any:
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def encoder(
    *,
    sort_keys: bool = False,
    separators: tuple[str, str] = (", ", ": "),
    default: Callable[[Any], Any] | None = None,
) -> Callable[[Any], str]:
    """``lambda v: json.dumps(v, ensure_ascii=False, sort_keys=..., separators=...,
    default=...)`` without the cost of building an encoder per call. Values must be trees
    (no cycle check)."""
    item_sep, key_sep = separators

    def reference(value: Any) -> str:
        return json.dumps(
            value, ensure_ascii=False, sort_keys=sort_keys, separators=separators, default=default
        )

    try:
        from json.encoder import c_make_encoder  # type: ignore[attr-defined]

        enc = c_make_encoder(
            None,
            default or _no_default,
            encode_basestring,
            None,
            key_sep,
            item_sep,
            sort_keys,
            False,
            True,
        )
    except (ImportError, TypeError):
        return reference

    def encode(value: Any) -> str:
        if type(value) is str:
            return encode_basestring(value)
        return "".join(enc(value, 0))

    try:
        same = encode(_PROBE) == reference(_PROBE)
    except Exception:  # any failure of the fast path: use the reference
        same = False
    return encode if same else reference
