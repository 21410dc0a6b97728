"""Whether a record is a business decision, and why (``business_context`` and
``business_context_reason``).

A record has a business context when it names a project type, carries a business case or
money figures, gives an option an explicit kind, or speaks business language (the
``business`` vocabulary of rules/lexicon/terms.yaml: revenue, customers, market, growth,
acquisition, division...): at least two distinct terms, or one in the title. In a record
about software (the ``technical`` phrases of rules/lexicon/kinds.yaml), words software also
uses in another sense (data stores, feature branches, growth, competitors: the
``business_ambiguous`` vocabulary) do not count. Rules about
strategy (INC001, ALT001...) judge only such records, so a technical ADR choosing a database
is not judged on its business strategy.
"""

from __future__ import annotations

import re

from ..model import Benefit, Record
from ..packdata import Lexicon

# A figure with a currency (£2.4m, $450k, EUR 3,400,000, 12 million dollars).
_MONEY = re.compile(
    r"(?:[£$€]\s?\d|\b(?:GBP|USD|EUR)\s?\d|\d\s?(?:million|billion|bn)\s+(?:pounds|dollars|euros)\b)"
    r"[\d,.]*\s?(?:k|m|mn|bn|million|billion)?",
    re.IGNORECASE,
)
# "$1", "$2": a template's numbered placeholders (a single digit after "$", no unit), not money
_PLACEHOLDER = re.compile(r"^\$\s?\d[,.]?\s?$")
MIN_TERMS = 2


def _texts(rec: Record) -> list[str]:
    out = [rec.title, rec.context or "", rec.rationale or ""]
    for opt in rec.options:
        out += [opt.title, opt.description or ""]
    return out


def business_context(rec: Record, lex: Lexicon) -> tuple[bool, str]:
    """(has a business context, the reason in words: "project type 'acquisition'",
    "business language: customers, revenue", or "none")."""
    if rec.project_type:
        return True, f"project type '{rec.project_type}'"
    cases = sum(o.business_case is not None for o in rec.options)
    if cases:
        return True, f"a business case ({cases} of {len(rec.options)} options)"
    kinds = [o.kind for o in rec.options if o.kind is not None]
    if kinds:
        return True, f"an explicit option kind ({kinds[0]})"
    texts = _texts(rec)
    technical = bool(lex.technical.search(" ".join(texts).lower()))
    in_title = lex.terms("business", rec.title)
    found = _distinct(lex.terms("business", *texts))
    if found and technical:
        # a record about software: words it also uses in another sense do not count
        found = [t for t in found if not lex.mentions("business_ambiguous", t)]
        in_title = [t for t in in_title if not lex.mentions("business_ambiguous", t)]
    for text in texts:  # a software record's unit cost ("$864 a month in requests") or
        for m in _MONEY.finditer(text):  # its maths ("$0.5$") is no business case alone
            if _PLACEHOLDER.match(m.group(0)):
                continue
            if found or not technical or _budget_line(m.group(0)):  # "£40,000 a year"
                return True, f"money figures ({m.group(0).strip()})"
    if in_title or len(found) >= MIN_TERMS:
        return True, "business language: " + ", ".join(found[:5])
    return False, "none"


BUDGET_LINE = 10_000  # a figure a software record gives that is a budget, not a unit cost


def _budget_line(said: str) -> bool:
    from ..records.business.money import NumberError, parse_money

    try:
        money = parse_money(said)
    except NumberError:  # a figure of prose that reads as no amount is no budget line
        return False
    return money is not None and money.value >= BUDGET_LINE


def _distinct(terms: list[str]) -> list[str]:
    """One term per word family: "customer" and "customers" count once."""
    seen: set[str] = set()
    out = []
    for term in terms:
        stem = term[:6]
        if stem not in seen:
            seen.add(stem)
            out.append(term)
    return out


def benefit_type(ben: Benefit, acquiring: bool, lex: Lexicon) -> tuple[str | None, bool]:
    """(the benefit's type, whether it was inferred). A benefit with no type in an option
    that buys or merges with another business, whose words speak of combining the two
    (merging, overlap, consolidation, duplicate costs...), is a synergy."""
    if ben.type is not None:
        return ben.type, False
    if acquiring and lex.mentions("combination", ben.description, ben.id):
        return "synergy", True
    return None, False
