"""CSV decision registers: grouping rows into records, strict cells, located errors."""

from __future__ import annotations

import pytest
from decaudit.engine.records import load_file
from decaudit.engine.types import InputError, SourceRecord

HEADER = (
    "decision_id,decision_title,date,status,decision_makers,option_id,option_title,kind,"
    "chosen,rejected_reason,npv,benefit_projected,benefit_low,benefit_high,cost_projected,"
    "cost_contingency,scenarios,notes\n"
)


def load(body: str, header: str = HEADER) -> list[SourceRecord | InputError]:
    return load_file("reg.csv", (header + body).encode("utf-8"))


def test_rows_grouped_by_decision_in_first_seen_order() -> None:
    results = load(
        "D2,Second,2024-01-02,accepted,CEO;CFO,a,Option A,incremental,yes,,100,50,40,60,20,"
        "0.1,base;downside,free text\n"
        "D1,First,,proposed,,x,Only option,,,,,,,,,,,\n"
        "D2,,,,,b,Option B,do-nothing,no,Too slow,,,,,,,,\n"
    )
    srcs = [r for r in results if isinstance(r, SourceRecord)]
    assert [s.record.id for s in srcs] == ["D2", "D1"]
    d2 = srcs[0].record
    assert d2.title == "Second" and d2.status == "accepted"
    assert d2.decision_makers == ["CEO", "CFO"]
    assert [(o.id, o.title, o.kind, o.chosen) for o in d2.options] == [
        ("a", "Option A", "incremental", True),
        ("b", "Option B", "do-nothing", False),
    ]
    case = d2.options[0].business_case
    assert case is not None
    assert case.npv == 100 and case.scenarios == ["base", "downside"]
    assert (case.benefits[0].projected, case.benefits[0].low, case.benefits[0].high) == (50, 40, 60)
    assert (case.costs[0].projected, case.costs[0].contingency) == (20, 0.1)
    assert d2.options[1].business_case is None
    assert d2.options[1].rejected_reason == "Too slow"
    # lines: each option is its row, the decision its first row
    assert srcs[0].line_of(()) == 2
    assert srcs[0].line_of(("options", 1)) == 4
    assert srcs[0].line_of(("options", 0, "business_case", "benefits", 0)) == 2
    assert srcs[1].line_of(("options", 0)) == 3
    assert srcs[0].format == "csv"


def test_chosen_spellings() -> None:
    rows = "".join(
        f"D{i},T,,,,o,Opt,,{value},,,,,,,,,\n"
        for i, value in enumerate(["true", "TRUE", "yes", "Y", "1", "x", "", "no", "0", "False"])
    )
    chosen = [r.record.options[0].chosen for r in load(rows) if isinstance(r, SourceRecord)]
    assert chosen == [True] * 6 + [False] * 4


def test_bad_number_names_line_and_column() -> None:
    results = load(
        'D1,T,,,,a,A,,,,"1,200",,,,,,,\nD2,U,,,,a,A,,,,5,,,,,,,\n',
    )
    assert [str(r) for r in results if isinstance(r, InputError)] == [
        "reg.csv:2: column npv: must be a number (got '1,200')"
    ]
    assert [r.record.id for r in results if isinstance(r, SourceRecord)] == ["D2"]


def test_other_strict_cells() -> None:
    results = load(
        "D1,T,,,,a,A,,maybe,,,,,,,,,\n"
        "D2,T,,,,a,A,,,,,12%,,,,,,\n"
        "D3,T,,,,a,A,,,,nan,,,,,,,\n"
        "D4,T,,,,a,A,epic,,,,,,,,,,\n"
        "D5,T,someday,,,a,A,,,,,,,,,,,\n"
    )
    assert [str(r) for r in results] == [
        "reg.csv:2: column chosen: must be true/false, yes/no, 1/0 or x (got 'maybe')",
        "reg.csv:3: column benefit_projected: must be a number (got '12%')",
        "reg.csv:4: column npv: must be a number (got 'nan')",
        "reg.csv:5: options[0].kind: must be one of: do-nothing, do-minimum, incremental, "
        "adjacent, breakthrough, replace-own-business",
        "reg.csv:6: date: must be a date (YYYY-MM-DD)",
    ]


def test_conflicting_decision_values_are_an_error() -> None:
    results = load("D1,First,,,,a,A,,,,,,,,,,,\nD1,Other title,,,,b,B,,,,,,,,,,,\n")
    assert [str(r) for r in results] == [
        "reg.csv:3: column decision_title: 'Other title' differs from 'First' on line 2 "
        "for decision 'D1'"
    ]


def test_missing_required_column_names_line_1() -> None:
    (err,) = load_file("reg.csv", b"decision_id,title,option\nD1,T,A\n")
    assert str(err) == "reg.csv:1: missing required column(s): decision_title, option_title"


def test_missing_decision_id_in_a_row() -> None:
    results = load(",T,,,,a,A,,,,,,,,,,,\nD2,T,,,,a,A,,,,,,,,,,,\n")
    assert str(results[0]) == "reg.csv:2: column decision_id: is required"
    assert isinstance(results[1], SourceRecord)


def test_semicolon_delimiter_quoted_multiline_and_header_spelling() -> None:
    text = (
        "Decision ID;Decision Title;Option Title;Chosen;Rationale\n"
        'D1;Title;"Option\nwith a line break";x;"Because; reasons"\n'
        "D1;;Second;;\n"
    )
    (src,) = load_file("reg.csv", text.encode())
    assert isinstance(src, SourceRecord)
    assert [o.title for o in src.record.options] == ["Option\nwith a line break", "Second"]
    assert src.record.rationale == "Because; reasons"
    assert src.line_of(("options", 1)) == 4


def test_malformed_csv_is_an_error() -> None:
    text = 'decision_id,decision_title,option_title\nD1,"T"x,A\n'
    (err,) = load_file("reg.csv", text.encode())
    assert isinstance(err, InputError)
    assert err.line == 2
    assert err.message.startswith("invalid CSV:")


def test_extra_cells_beyond_header() -> None:
    text = "decision_id,decision_title,option_title\nD1,T,A,surplus\nD2,U,B\n"
    results = load_file("reg.csv", text.encode())
    assert str(results[0]) == "reg.csv:2: row has 4 cells, the header 3"
    assert isinstance(results[1], SourceRecord)


def test_review_and_challenge_columns() -> None:
    text = (
        "decision_id,decision_title,option_title,review_date,review_notes,"
        "challenge_questions,alternatives_requested\n"
        "D1,T,A,2025-01-31,Done,Why now?;What else?,yes\n"
    )
    (src,) = load_file("reg.csv", text.encode())
    assert isinstance(src, SourceRecord)
    rec = src.record
    assert rec.review is not None and str(rec.review.date) == "2025-01-31"
    assert rec.challenge is not None
    assert rec.challenge.questions == ["Why now?", "What else?"]
    assert rec.challenge.alternatives_requested is True


def test_huge_integer_cell_is_an_error_not_a_crash() -> None:
    text = "decision_id,decision_title,option_title,npv\nD1,T,A," + "9" * 5000 + "\n"
    (err,) = load_file("reg.csv", text.encode())
    assert str(err) == "reg.csv:2: column npv: must be a number of at most 30 digits (got 5000)"


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("Approved", "accepted"),
        ("agreed", "accepted"),
        ("Draft", "proposed"),
        ("Superseded by R-2", "superseded"),
        ("REJECTED", "rejected"),
    ],
)
def test_register_status_as_governance_teams_write_it(written: str, status: str) -> None:
    text = (
        "decision_id,decision_title,status,option_title\n"
        f"R-1,Move payroll,{written},Outsource payroll\n"
    )
    (src,) = load_file("register.csv", text.encode(), explicit=False)
    assert src.record.status == status
    extra = src.record.model_extra or {}
    assert extra.get("status_text", src.record.status) in (written, status)


def test_register_status_word_unknown_is_an_error_naming_the_line() -> None:
    text = "decision_id,decision_title,status,option_title\nR-1,Move payroll,Pondering,X\n"
    (err,) = load_file("register.csv", text.encode(), explicit=False)
    assert isinstance(err, InputError)
    assert (err.line, err.kind) == (2, "input")
    assert "status" in err.message


def test_a_data_table_found_by_walking_a_folder_is_skipped_not_an_error() -> None:
    """A CSV beside the records (a table of figures an RFC links to) is no register: found
    by walking, it is skipped with its reason; named on the command line, an error."""
    text = b"location,closed\nLeeds,yes\n"
    (walked,) = load_file("rfcs/034/closed_locations.csv", text, explicit=False)
    assert isinstance(walked, InputError) and walked.kind == "skipped"
    assert "missing required column(s): decision_id" in walked.message
    (named,) = load_file("closed_locations.csv", text, explicit=True)
    assert isinstance(named, InputError) and (named.kind, named.line) == ("input", 1)


def test_a_register_missing_one_required_column_is_still_an_error_when_walked() -> None:
    text = b"decision_id,decision_title,option\nR-1,Move payroll,Outsource\n"
    (err,) = load_file("decisions/register.csv", text, explicit=False)
    assert isinstance(err, InputError) and err.kind == "input"
    assert "missing required column(s): option_title" in err.message
