"""Write samples/decision-register.xlsx, an Excel decision register (run from anywhere).

The workbook is committed; this script is how it was made and how to remake it. The first
sheet is the register (the CSV register's columns, one row per option, typed cells: dates,
numbers and TRUE/FALSE as Excel keeps them); a second sheet holds notes, which decaudit
does not read unless told to with --sheet.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook

HEADER = [
    "Decision ID", "Decision title", "Date", "Status", "Project type", "Origin",
    "Decision makers", "Rationale", "Option ID", "Option title", "Kind", "Chosen",
    "Rejected reason", "NPV", "Horizon years", "Benefit projected", "Benefit low",
    "Benefit high", "Benefit basis", "Benefit realized", "Benefit type", "Benefit description",
    "Cost projected",
    "Cost contingency", "Cost realized", "Optimism bias uplift", "Scenarios", "Comment",
]  # fmt: skip
PAYROLL = "REG-2025-07"
REPAIR = "REG-2023-11"
ROWS = [
    [PAYROLL, "Move payroll to a shared-service provider", dt.date(2025, 2, 11), "accepted",
     "it-system", "bottom-up", "Finance director", "Cheapest of the three quotes.",
     "provider", "Outsource payroll to a shared-service provider", "incremental", True, None,
     420000, 5, 950000, None, None, None, None, "cost-saving", "Payroll staff and software costs saved", 380000, 0, None, None, "base",
     "A bottom-up proposal approved on cost alone: two incremental options and doing nothing, "
     "benefits with no basis or range, costs assumed on target, no optimism-bias uplift for "
     "an IT system, nothing unconventional considered."],
    [PAYROLL, None, None, None, None, None, None, None, "new-software",
     "Replace the payroll software and keep the team", "incremental", False,
     "Licence and migration cost", 150000, 5, 700000, None, None, None, None, "cost-saving",
     "Licence and manual-correction costs saved", 460000, 0, None, None, None, None],
    [PAYROLL, None, None, None, None, None, None, None, "as-is", "Keep the current process",
     "do-nothing", False, "Two payroll errors a month", None, None, None, None, None, None,
     None, None, None, None, None, None, None, None, None],
    [REPAIR, "Launch a repair-by-subscription service", dt.date(2023, 6, 20), "implemented",
     "product-extension", "top-down", "Executive committee; Head of services",
     "Customers keep appliances longer; a subscription turns repairs into recurring revenue.",
     "subscription", "Repairs by monthly subscription, collected from the home",
     "replace-own-business", True, None, 2300000, 6, 6000000, 3500000, 7500000,
     "Pilot with 400 households, 2022", 2700000, "revenue", "Subscription revenue", 3100000, 0.15, 3300000, 0.3,
     "base;downside",
     "A replace-own-business option analysed and chosen; realized revenue came in at 45% of "
     "projected, so the benefit shortfall rule fires despite a well-made case."],
    [REPAIR, None, None, None, None, None, None, None, "extended-warranty",
     "Sell a three-year extended warranty", "incremental", False, "Margin erodes as parts age",
     900000, 6, 2500000, 1800000, 3000000, "Warranty take-up in 2021", None, "revenue",
     "Warranty revenue", 1200000, 0.1, None, 0.2, "base;downside", None],
    [REPAIR, None, None, None, None, None, None, None, "status-quo",
     "Keep paid one-off repairs", "do-nothing", False, "Repair revenue falls 8% a year", None,
     None, None, None, None, None, None, None, None, None, None, None, None, None, None],
]  # fmt: skip
NOTES = [
    ["About this workbook"],
    ["The first sheet is the register decaudit reads: one row per option, grouped by decision ID."],
    ["Column names follow the CSV register (docs/formats.md); spaces and case do not matter."],
]  # fmt: skip


def build(target: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    for cell in sheet["C"][1:]:
        cell.number_format = "yyyy-mm-dd"
    notes = book.create_sheet("Notes")
    for line in NOTES:
        notes.append(line)
    stamp = dt.datetime(2025, 3, 1, 9, 0, 0)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "decaudit samples"
    book.save(target)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name(
        "decision-register.xlsx"
    )
    build(out)
    print(f"wrote {out}")
