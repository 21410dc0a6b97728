"""The decision number a file name or id carries (``0005-use-x.md`` is 5, ``adr-017-x.md``
17, ``ADR-0005`` 5), and a name without it, for the folder rules (COL002-COL006)."""

from __future__ import annotations

import posixpath
import re

# What may stand before a decision number in a file name: a kind of document, glued or not
# ("adr-017", "rfc0042", "CEP-12"), other letters only before a separator ("dec-3"; never
# "capm3-remediation", a name with a digit), or a date before a zero-padded number
# ("2025-02-12_032-network")
_BEFORE_NUMBER = (
    r"(?:(?:adr|rfc|dr|ddr|sdr|kep|tep|pep|hip|cep|jep|sep|nap|kdp|cfp|mep|simd|bip|eip)"
    r"[-_ ]?|[a-z]{2,5}[-_ ]|[a-z]{2,5}(?=0\d\d)|\d{4}-\d{2}-\d{2}[-_](?=0\d))"
)
# "0005-use-x.md", "adr-017-x.md", "ADR-0005": a number that is not one part of a date or of
# a longer code ("DEC-2025-014", "2024-03-01-x.md" number nothing)
NUMBER = re.compile(rf"^{_BEFORE_NUMBER}?0*(\d{{1,6}})(?=$|[-_. ](?!\d)|\.[a-z]+$)", re.IGNORECASE)
LETTERED = re.compile(rf"^{_BEFORE_NUMBER}?\d{{1,6}}[a-z](?=[-_. ])", re.IGNORECASE)


def name_slug(name: str) -> str:
    """A file name or id without its extension and leading decision number, loosely
    (``0021-Multi-cluster.md`` -> ``multi cluster``; ``adr-001a-config.md`` -> ``config``;
    ``ADR-0005`` -> empty)."""
    stem = posixpath.splitext(posixpath.basename(name))[0] if "." in name else name
    m = NUMBER.match(stem) or LETTERED.match(stem)  # "adr-001a-x", a revision of 001
    if m:
        stem = stem[m.end() :]
    return " ".join(re.sub(r"[^a-z0-9]+", " ", stem.lower()).split())


# A folder per decision ("slep004/proposal.rst", "2023-09-08-stalebot/README.md"): the
# document its folder names is a record of the folder above, numbered by its folder's name.
PER_DECISION_STEMS = frozenset(
    {"readme", "index", "_index", "proposal", "design", "decision", "rfc", "adr", "record"}
)


def names_its_folder(file: str) -> bool:
    """Whether ``file`` is named as the record of a folder of its own (``proposal.rst``,
    ``README.md``: a stem of ``PER_DECISION_STEMS``, any extension)."""
    return posixpath.splitext(posixpath.basename(file))[0].lower() in PER_DECISION_STEMS


def numbered_name(file: str) -> str:
    """The name a record's number is read from: its file's, or its folder's for a record in
    a folder of its own (``slep006/proposal.rst`` is ``slep006``)."""
    if names_its_folder(file) and "/" in file:
        return posixpath.basename(posixpath.dirname(file))
    return posixpath.basename(file)


def decision_number(file: str, did: str) -> int | None:
    """``0005-use-x.md`` -> 5, ``adr-017-x.md`` -> 17, id ``ADR-0005`` -> 5; else None."""
    for text in (numbered_name(file) if file else "", did.rsplit("/", 1)[-1]):
        if not text or text == "-":
            continue
        m = NUMBER.match(text)
        raw = RAW_DIGITS.match(text)
        if m and not _dated(raw.group(1) if raw else m.group(1)) and not _versioned(text, m):
            return int(m.group(1))
    return None


# The kinds of record a name may start with before its number, "dec-3.md" too
_KIND = re.compile(
    _BEFORE_NUMBER.split("|[a-z]")[0].replace("(?:adr|", "(?:dec|decision|record|adr|") + ")$",
    re.IGNORECASE,
)


def _versioned(text: str, m: re.Match[str]) -> bool:
    """A file name that ends on a short number after a lower-case word that is no kind of
    record (``py_3.md``, ``java-11.md``, and the id ``py_3`` taken from such a name): a
    version, not a decision number (``adr-3.md``, ``dec-3-use-x.md``, ``dec-003.md`` and an
    id such as ``DEC-3`` are)."""
    digits = m.group(1)
    prefix = text[: m.start(1)]
    rest = re.sub(r"\.[A-Za-z]+$", "", text[m.end(1) :])
    return (
        not rest
        and len(digits) <= 2
        and not prefix.endswith("0")
        and prefix[:1].islower()
        and not _KIND.match(prefix)
    )


RAW_DIGITS = re.compile(rf"^{_BEFORE_NUMBER}?(\d+)", re.IGNORECASE)


def _dated(digits: str) -> bool:
    """A prefix that is a date, as some folders name their files: a year and month
    (``202005-proposal.md``), month-day-year or day-month-year (``052023-using-jest.md``),
    year-month-day (``20240515``); no sequence number. Zero-padded numbers (``000042``)
    are no dates."""

    def valid(year: int, month: int, day: int = 1) -> bool:
        return 1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31

    n = [int(digits[i : i + 2]) for i in range(0, len(digits), 2)]
    if len(digits) == 6:
        return (
            valid(int(digits[:4]), n[2])  # YYYYMM
            or valid(2000 + n[2], n[0], n[1])  # MMDDYY
            or valid(2000 + n[2], n[1], n[0])  # DDMMYY
            or (n[0] >= 10 and valid(2000 + n[0], n[1], n[2]))  # YYMMDD
        )
    if len(digits) == 8:
        return valid(int(digits[:4]), n[2], n[3]) or valid(int(digits[4:]), n[0], n[1])
    return False
