"""Options named only by the headings of their points: ``### Pros of Kine``, ``### Cons of
Kine``, ``### Advantages of etcd``. Two or more subjects so named are the options weighed,
each with the points under its headings (a record with no options section that argues
its candidates this way)."""

from __future__ import annotations

import re

from ..document import Document
from .content import Opt
from .drawbacks import section_points
from .sections import in_consequences

_OF = re.compile(
    r"^(?P<kind>pros|cons|advantages|disadvantages|benefits|drawbacks|downsides|upsides|"
    r"strengths|weaknesses)\s+(?:of|for)\s+(?:using\s+|the\s+)?(?P<x>\S.{0,80})$",
    re.IGNORECASE,
)
_PRO_WORDS = frozenset({"pros", "advantages", "benefits", "upsides", "strengths"})
_ONE = re.compile(r"^(?:this|that|the|our|each|either|both)(?:\s+\w+)?$", re.IGNORECASE)


def named_by_points(doc: Document) -> list[Opt]:
    """The options that "Pros of X" / "Cons of X" headings name, in order; none unless two
    or more subjects are named (one is the record's own design: "Pros of this approach")."""
    found: dict[str, Opt] = {}
    inside = in_consequences(doc)
    for sec in doc.sections():
        m = _OF.match(sec.title.strip().strip("*_").rstrip(":"))
        if m is None or id(sec) in inside:
            continue
        name = m.group("x").strip(" .:*_`")
        if _ONE.match(name):
            continue
        opt = found.setdefault(name.lower(), Opt(name, sec.line, None, [name]))
        section_points(opt, "pros" if m.group("kind").lower() in _PRO_WORDS else "cons", sec)
    return list(found.values()) if len(found) >= 2 else []
