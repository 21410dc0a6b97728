"""The approver's brief: what to ask, in the meeting, before approving a proposal.

``build_brief`` turns one record and its findings into a :class:`Brief` (values);
``render_brief``/``render_document`` lay briefs out as Markdown; the HTML report has its
own renderer over the same values.
"""

from __future__ import annotations

from .build import (
    BriefContext,
    build_brief,
    build_briefs,
    covered_rules,
    is_proposal,
    iter_briefs,
)
from .markdown import render_brief, render_document
from .model import Brief, Comparison, Item, Note, Quote, Realism, Row

__all__ = [
    "Brief",
    "BriefContext",
    "Comparison",
    "Item",
    "Note",
    "Quote",
    "Realism",
    "Row",
    "build_brief",
    "build_briefs",
    "covered_rules",
    "is_proposal",
    "iter_briefs",
    "render_brief",
    "render_document",
]
