"""Builds samples/business-cases/harbour-coffee-ic-paper.docx, an investment-committee paper
in Word, with python-docx. Run ``python tests/sample_docx.py`` to rebuild it after editing;
tests/test_records_business.py checks that the committed file says what this script writes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

TARGET = (
    Path(__file__).resolve().parent.parent / "samples/business-cases/harbour-coffee-ic-paper.docx"
)

# What the audit should find (also in samples/README.md): an acquisition bought for its
# customers, whose cost savings from combining two roasteries are synergies counted in full
# (BEN005), with no integration plan (BEN006) and no new capability (INC003); only
# incremental options (INC001, ALT001) and too few of them (ALT002); a synergy with no basis
# (BEN001), single figures (BEN002), an integration cost with no contingency (BEN003), no
# downside scenario (BEN011) and a choice argued on NPV and acquired accounts (INC005).
METADATA = [
    ("Paper reference", "IC-2025-14"),
    ("Date", "9 September 2025"),
    ("Proposer", "Corporate Development"),
    ("Decision makers", "Investment Committee"),
    ("Status", "Approved"),
    ("Project type", "Acquisition"),
]
OPTIONS = [
    ("Option", "Description", "Recommended", "Why not"),
    (
        "1. Acquire Harbour Coffee Roasters",
        "Buy 100% of Harbour (revenue £31m, 140 staff) for £38m",
        "Yes",
        "",
    ),
    (
        "2. Open twelve new stores under our own café brand",
        "Twelve cafés in the South-West over three years",
        "No",
        "Slower: breaks even in year 6",
    ),
    ("3. Continue as today", "Grow the existing wholesale book organically", "No", "Flat sales"),
]
BENEFITS = [
    ("Benefit", "Type", "Projected (£m)", "Basis"),
    (
        "Harbour's existing wholesale customers",
        "Revenue",
        "21.0",
        "Harbour's audited accounts 2022-2024",
    ),
    ("Savings from combining the two roasteries", "Cost saving", "4.5", ""),
    (
        "Selling our blends to Harbour's customers",
        "Revenue",
        "6.0",
        "Management estimate from two customer interviews",
    ),
]
COSTS = [
    ("Cost", "Projected (£m)", "Contingency"),
    ("Purchase price", "38.0", "0%"),
    ("Integration and rebranding", "2.5", ""),
]


def build() -> bytes:
    import docx

    doc = docx.Document()
    doc.core_properties.author = "Corporate Development"
    doc.add_paragraph("Investment Committee paper: Acquisition of Harbour Coffee Roasters", "Title")
    for key, value in METADATA:
        para = doc.add_paragraph()
        para.add_run(f"{key}: ").bold = True
        para.add_run(value)
    doc.add_heading("Summary", 1)
    doc.add_paragraph(
        "Harbour Coffee Roasters supplies 600 cafés and restaurants in the South-West, a region "
        "where our wholesale business is weak. Its founders want to sell. This paper asks the "
        "Committee to approve the acquisition."
    )
    doc.add_heading("Options considered", 1)
    _table(doc, OPTIONS)
    doc.add_heading("Financial case", 1)
    doc.add_heading("Benefits", 2)
    _table(doc, BENEFITS)
    doc.add_heading("Costs", 2)
    _table(doc, COSTS)
    doc.add_paragraph("NPV: £11.2m over seven years at an 8% discount rate.")
    doc.add_heading("Recommendation", 1)
    doc.add_paragraph(
        "The Committee approved Option 1: it has the highest NPV of the options and brings "
        "Harbour's 600 wholesale accounts into our business."
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _table(doc: object, rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


if __name__ == "__main__":
    TARGET.write_bytes(build())
    sys.stdout.write(f"wrote {TARGET}\n")
