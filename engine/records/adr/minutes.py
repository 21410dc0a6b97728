"""Meeting minutes: a record of a meeting, not of one decision.

Minutes ("FPA Meeting Summary", "Minutes of the board, 3 May", "Admin Team Meeting") list
what a meeting discussed, item by item; a decision, when one is taken, is a line among
many, with no options weighed for it. Read as a decision record, minutes draw findings about
what a decision record lacks, none of them fair. A document is minutes when its title says
so, or when two of its parts are a meeting's (attendees, agenda, action items), and it has
no status of its own: a record with a status is a decision record, whatever its title.
"""

from __future__ import annotations

import re

from ..document import Document

# "Meeting minutes", "Minutes of the board", "FPA Meeting Summary", "Admin Team Meeting",
# "Board meeting 2024-03-01", "Weekly sync notes"
_MINUTES_TITLE = re.compile(
    r"\bminutes\b|"
    r"\b(?:meeting|call|sync|stand-?up|retro(?:spective)?)\s+(?:summary|notes|recap|record)\b|"
    r"\bmeeting\s*(?:[-–—:,]?\s*(?:\d[\d\s./-]*|\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4}))?$",
    re.IGNORECASE,
)
# the parts of a meeting's record
_MEETING_PARTS = frozenset(
    {
        "attendees", "attendance", "participants", "present", "apologies", "absent",
        "agenda", "action items", "actions", "next meeting", "minutes", "roll call",
    }
)  # fmt: skip
MIN_MEETING_PARTS = 2


def minutes_reason(doc: Document) -> str | None:
    """Why ``doc`` is meeting minutes rather than a decision record, or None."""
    heads = [s for s in doc.sections() if s.title.strip()]
    if any(m.name in ("status", "decision status") for m in doc.metadata) or any(
        s.key in ("status", "decision status") for s in heads
    ):
        return None
    title = doc.title_section.title if doc.title_section is not None else ""
    title = title or (heads[0].title if heads else "")
    if title and _MINUTES_TITLE.search(title.strip()):
        return f"meeting minutes, not a decision record (titled {title.strip()!r})"
    parts = sorted({s.key for s in heads} & _MEETING_PARTS)
    if len(parts) >= MIN_MEETING_PARTS:
        return f"meeting minutes, not a decision record (its parts: {', '.join(parts)})"
    return None
