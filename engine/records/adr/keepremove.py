"""An option to keep something, turned down by a decision that removes it.

Two options often set keeping a thing against changing it: "Option 1 - Keep first-class
versions API" and "Option 2 - Decompose to basic API methods". An outcome that says "We will
remove the version APIs from the core API" names neither option, but it undoes the first:
the thing the keeping option keeps (its words after "Keep") is what the outcome removes,
drops, deprecates or moves away from, and the outcome does not say it keeps anything. The
choice step that reads "decided against X" between two options then takes the other one.
"""

from __future__ import annotations

import re

from .content import Opt

_KEEP = re.compile(
    r"^(?:keep(?:ing)?|retain(?:ing)?|maintain(?:ing)?|preserv(?:e|ing)|stay(?:ing)?\s+with|"
    r"continue\s+(?:with|to\s+use|using)|leave|leaving)\s+(?P<x>.+)$",
    re.IGNORECASE,
)
_UNDONE = re.compile(
    r"\b(?:remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|deprecat(?:e|es|ed|ing)|retir(?:e|es|ed|ing)|"
    r"eliminat(?:e|es|ed|ing)|get(?:s|ting)?\s+rid\s+of|phas(?:e|es|ed|ing)\s+out|"
    r"(?:mov|migrat)(?:e|es|ed|ing)\s+away\s+from|stop(?:s|ped)?\s+(?:using|supporting|"
    r"maintaining|providing))\b",
    re.IGNORECASE,
)
_KEPT = re.compile(r"\b(?:keep|keeps|kept|retain\w*|maintain\w*|preserv\w*|continue\w*)\b", re.I)
_STOP = frozenset(
    re.findall(
        r"\S+",
        "the a an of for to in on at by with from and or our its their this that these those "
        "all any some each first-class existing current",
    )
)


def _stems(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z][\w-]*", text.replace("`", ""))
    return {w.lower().rstrip("s")[:6] for w in words if w.lower() not in _STOP and len(w) > 2}


def undoes_keeping(text: str, opt: Opt) -> bool:
    """Whether ``text`` (the outcome) removes what ``opt`` ("Keep X") would keep."""
    m = _KEEP.match(opt.title.strip())
    if m is None or _KEPT.search(text):
        return False
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        undone = _UNDONE.search(sentence)
        if undone and _stems(m.group("x")) & _stems(sentence[undone.end() :]):
            return True
    return False
