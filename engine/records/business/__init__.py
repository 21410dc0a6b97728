"""Business-case documents (Green Book outline and full business cases, board papers,
investment-committee papers) in Markdown and Word, mapped onto the record model.

``business_case_records`` reads a parsed document when it is a business case;
docs/formats.md ("Business cases") documents what is read and how.
"""

from __future__ import annotations

from ...types import InputError, SourceRecord
from ..document import Document
from .reader import FORMAT, is_business_case, read_business_case
from .vocab import vocabulary


def might_be_business_case(text: str) -> bool:
    """A cheap test on raw text before parsing: a document phrase ("business case", "board
    paper"...), or options beside benefits, costs, savings or an NPV."""
    low = " ".join(text.lower().split())
    if any(phrase in low for phrase in vocabulary().document):
        return True
    return "option" in low and any(w in low for w in ("benefit", "cost", "saving", "npv"))


def business_case_records(path: str, doc: Document) -> list[SourceRecord | InputError] | None:
    """The records of ``doc`` if it is a business case, else None."""
    if not is_business_case(doc):
        return None
    return read_business_case(path, doc)


__all__ = [
    "FORMAT",
    "business_case_records",
    "is_business_case",
    "might_be_business_case",
    "read_business_case",
]
