"""Alternatives a decision turns down in a plain sentence or bullet of its own.

A Nygard-style decision often says what it will not do beside what it does:

- "We will not use X" / "We won't adopt X" / "We are not going to go with X": a named
  alternative (a product, a code span, or a phrase of two words or more), with a verb of
  choosing;
- "We are not going to build our own X" / "We won't host our own X": the build-it-ourselves
  alternative, named as the gerund phrase ("building our own X");
- "We will NOT support logging in with a password": a way of doing it (a gerund phrase)
  the decision does not offer;
- "Not using X" / "Not building our own X" as a sentence or bullet of its own.

Only a verb of choosing counts: "we will not log personal data" or "we do not need a cache
for now" turn down a detail, not an alternative, and "we will not support Windows" limits
the scope (its object is no way of doing it). A sentence that only plans ("if ...", "for
the moment ...") does not start with the subject and is not read. Read in decision sections
only; each option read here is uncertain (:func:`.inline.in_turned_down`).
"""

from __future__ import annotations

import re

from .names import Said, acceptable, gerund, shaped, trim

_OPENER = (
    r"(?:(?:so|thus|therefore|hence|however|finally|overall|instead|going\s+forward|"
    r"from\s+now\s+on|as\s+a\s+result|for\s+(?:this|these)\s+reasons?),?\s+)?"
)
_SUBJECT = r"(?:we|i|the\s+team|our\s+team)"
_NOT = (
    r"(?:\s+(?:will|shall)\s+not|\s+won't|'ll\s+not|\s+will\s+never|"
    r"\s+(?:are|am)\s+not\s+going\s+to|'re\s+not\s+going\s+to)"
    r"(?:\s+(?:be|currently|initially|therefore))?\s+"
)
_CHOOSE = (
    r"(?:use|using|adopt|adopting|go\s+with|going\s+with|pursue|pursuing|choose|pick|"
    r"rely\s+on|relying\s+on|switch\s+to|migrate\s+to|move\s+to)"
)
_BUILD = r"(?:build|write|host|run|roll|develop|maintain)"
_OWN = r"(?:our\s+own|an?\s+in-house|an?\s+bespoke)\b"
_WE_NOT = re.compile(
    rf"^{_OPENER}{_SUBJECT}{_NOT}(?:"
    rf"{_CHOOSE}\s+(?P<x>.+)|"
    rf"(?P<build>{_BUILD})\s+(?P<own>{_OWN}.+)|"
    r"support(?:ing)?\s+(?P<way>\w{3,}ing\b.+))$",
    re.IGNORECASE,
)
_NOT_DOING = re.compile(
    r"^not\s+(?:(?:using|adopting|going\s+with|pursuing|relying\s+on|doing)\s+(?P<x>.+)|"
    rf"(?P<build>building|writing|hosting|running|rolling|developing|maintaining)\s+"
    rf"(?P<own>{_OWN}.+)|"
    r"supporting\s+(?P<way>\w{3,}ing\b.+))$",
    re.IGNORECASE,
)
# "Not using X will avoid ...": the phrase is the subject of a sentence, not a decision.
_FINITE = re.compile(
    r"\b(?:will|would|is|are|was|were|can|could|should|must|may|might|means?|makes?|"
    r"avoids?|keeps?|leads?)\b",
    re.IGNORECASE,
)
# Where a way of doing it moves on to why or when.
_WHY = re.compile(
    r"\s*(?:[,;:(]|\s[-–—]\s)|\s+(?:because|since|as|so\s+that|until|unless|for\s+now|"
    r"at\s+(?:this|that)\s+(?:time|stage|point)|yet|anymore|any\s+more)\b",
    re.IGNORECASE,
)
_ING = {
    "build": "building",
    "write": "writing",
    "host": "hosting",
    "run": "running",
    "roll": "rolling",
    "develop": "developing",
    "maintain": "maintaining",
}


def _phrase(text: str) -> str:
    """A gerund phrase cut where it moves on to why or when, without emphasis."""
    text = _WHY.split(text, maxsplit=1)[0]
    return text.replace("**", "").replace("__", "").replace("`", "").strip(" *_\"'“”‘’.!")


def declined(said: Said) -> str:
    """The alternative a decision sentence says it will not take, or ""."""
    text = " ".join(said.text.replace("’", "'").split()).rstrip(" .!")
    m = _WE_NOT.match(text)
    if m is None:
        m = _NOT_DOING.match(text)
        if m is None or _FINITE.search(text):
            return ""
    if m.group("x") is not None:
        name = trim(_WHY.split(m.group("x"), maxsplit=1)[0])
        ok = acceptable(name) and (shaped(name, said.code) or len(name.split()) >= 2)
        return name if ok else ""
    if m.group("own") is not None:
        verb = m.group("build").lower()
        name = _phrase(f"{_ING.get(verb, verb)} {m.group('own')}")
    else:
        name = _phrase(m.group("way"))
    return name if acceptable(name) and gerund(name) and len(name.split()) >= 3 else ""
