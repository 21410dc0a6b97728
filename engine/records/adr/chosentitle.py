"""The title a chosen-option line gives and the reason after it: a quoted or plain title,
one that wraps onto the next line, and one the writer ran into the next sentence."""

from __future__ import annotations

import re

MAX_QUOTE_LINES = 4  # a quoted title wrapped over more lines than this is not one title
_PAIRS = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»", "`": "`"}


def join_wrapped(first: str, more: str) -> tuple[str, str]:
    """A chosen-option line whose sentence goes on in lower case on the next lines
    (``Chosen options: A and utilize a new approach for`` / ``non-mobile push.``): (the
    sentence whole, the lines after it). The caller keeps it only when it names more."""
    lines = more.split("\n")
    if _PAIRS.get(first[:1]) is not None or re.search(r"[.:;!?\"”')]\s*$|\bbecause\b", first):
        return first, more
    n = 0
    while n < min(len(lines), MAX_QUOTE_LINES) and re.match(r"^\W{0,3}[a-z]", lines[n]):
        n += 1
        if re.search(r"[.:;!?]\s*$|\bbecause\b", lines[n - 1]):
            break
    return " ".join([first, *lines[:n]]), "\n".join(lines[n:])


def join_quoted(first: str, more: str) -> tuple[str, str]:
    """A chosen-option line whose quoted title wraps onto the next lines (``"Main hub:
    GitHub; mirroring: GitLab, pull`` / ``only", because ...``): (the line with its title
    whole, the lines after it)."""
    close = _PAIRS.get(first[:1])
    lines = more.split("\n")
    if close is None or close in first[1:]:
        return first, more
    for k, line in enumerate(lines[:MAX_QUOTE_LINES]):
        if close in line:
            return " ".join([first, *lines[: k + 1]]), "\n".join(lines[k + 1 :])
    return first, more


_WE_DECIDED = r"(?:We|I)\s+(?:decided|chose|have\s+chosen|went|opted|agreed|will)\b"


def parse_chosen(rest: str) -> tuple[str, str | None]:
    """``"X", because Y`` / ``X, because Y`` / ``[X](#x)`` -> (X, Y)."""
    rest = rest.strip()
    title, after = "", ""
    close = _PAIRS.get(rest[:1])
    if close is not None:
        m = re.match(
            # the quote closes before a comma, "because", the end, or a new sentence
            re.escape(rest[0])
            + r"(.+?)"
            + re.escape(close)
            + r"(?=\s*(?:[,.;:]|because\b|$)|\s+[A-Z])",
            rest,
            re.S,
        )
        if m is None:  # '"use Tapir library" till the end of the year': a quote closed
            # before words that go on, when nothing else in the line is quoted so
            m = re.match(
                re.escape(rest[0]) + rf"([^{re.escape(close)}]{{1,120}}){re.escape(close)}(?=\s)",
                rest,
            )
        if m:
            title, after = m.group(1), rest[m.end() :]
    if not title:
        m = re.match(r"^(.*?)(?:,?\s+because\b|,\s*since\b|,\s*as\b)(.*)$", rest, re.I | re.S)
        if m:
            title, after = m.group(1), "because" + m.group(2)
        else:
            # a title the writer ran into the next sentence without a stop ("Service
            # Workers We decided on ..."): it ends where "We decided" begins
            m2 = re.match(r"^(.*?)(?:\.\s|\.$|$|\s+(?=" + _WE_DECIDED + r"))(.*)$", rest, re.S)
            title, after = (m2.group(1), m2.group(2)) if m2 else (rest, "")
    title = title.strip().strip("\"'“”‘’`").rstrip(".,;:").strip()
    after = after.strip().lstrip(",;:.").strip()
    because = re.sub(r"^(?:because|since|as)\b[,:]?\s*", "", after, flags=re.I).strip()
    return title, (because if because.strip(" .…") else None)  # "because...": no reason
