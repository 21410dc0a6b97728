"""How or where a document says its decision was taken, when it names no decision maker.

Many projects decide through a process, not a person: Apache projects accept a proposal by
"lazy consensus" on the mailing list, RFC processes accept one by merging its pull request.
A record that says so (``Status: Accepted (lazy consensus)``, ``RFC PR: <link>``,
``Resolution: <link>``) records where its decision makers can be found; it is read as
``x_decided_through`` (the process or the link, as written) and GOV002 does not ask it for
decision makers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document.model import Meta

# a decision mechanism named in a status ("Accepted (lazy consensus)", "Approved by vote")
_PROCESS = re.compile(
    r"\b(lazy\s+consensus|rough\s+consensus|consensus|unanimous(?:ly)?|vot(?:e|ed|ing)"
    r"|majority)\b",
    re.IGNORECASE,
)
# metadata naming the review or the vote that decided ("RFC PR: <link>", a PEP's
# "Resolution: <link>"); where it was only discussed ("Discussions-To") is not enough
_VENUE_KEYS = re.compile(
    r"^(?:(?:[a-z]{2,5}|proposal|design|decision)\s+)?"  # "RFC PR", "SEP PR", "KEP PR"
    r"(?:pr|pull\s*request|pull-request|merge\s+request|mr|resolution|vote|voting"
    r"|approval|decision\s+thread|decision\s+issue)s?(?:\s+(?:link|url|thread))?$"
)
_TALLY = re.compile(r"^(?:\w+\s+)?vot(?:e|es|ing)(?:\s+results?)?$")  # a vote's count
_SERIES = re.compile(r"^[a-z]{2,5}(?: (?:number|no|id))?$")  # "RFC #", "SEP number"
_PULL = re.compile(r"/(?:pull|pulls|merge_requests)/\d+")
_LINK = re.compile(r"https?://\S+|(?<![\w/])#\d+\b|\[[^\]]+\]\([^)]+\)")


def decided_through(metadata: Iterable[Meta], status_text: str | None) -> str | None:
    """The process or the review the document names as deciding it, or None."""
    if status_text and (m := _PROCESS.search(status_text)):
        return " ".join(m.group(1).lower().split())
    for meta in metadata:
        name = " ".join(meta.name.replace("_", " ").split())
        hrefs = [link.href for link in meta.links] + _LINK.findall(meta.value or "")
        if _SERIES.match(name) and any(_PULL.search(h) for h in hrefs):
            return f"{meta.key}: {next(h for h in hrefs if _PULL.search(h))}"  # "RFC #: [13](
        if not _VENUE_KEYS.match(name):  # .../pull/13)": the series' number is its review
            continue
        if _TALLY.match(name) and re.search(r"\d", meta.value or ""):
            return f"{meta.key}: {' '.join(meta.value.split())[:80]}"  # "Tribe votes: +47 -3"
        if meta.links:
            return f"{meta.key}: {meta.links[0].href}"
        if m := _LINK.search(meta.value or ""):
            return f"{meta.key}: {m.group(0)}"
    return None
