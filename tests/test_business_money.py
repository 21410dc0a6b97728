"""The money, percentage and number parser of business cases, and table header matching."""

from __future__ import annotations

import contextlib
import datetime as dt
import math

import pytest
from decaudit.engine.records.business.columns import map_columns, match_header
from decaudit.engine.records.business.money import (
    Money,
    NumberError,
    Unit,
    document_currency,
    first_money,
    header_unit,
    is_blank,
    parse_fraction,
    parse_money,
    parse_range,
)
from decaudit.engine.records.business.vocab import vocabulary
from hypothesis import given, settings
from hypothesis import strategies as st

SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "GBP ": "GBP", "USD ": "USD", "EUR ": "EUR"}
SCALES = {"": 1, "k": 1e3, "m": 1e6, "bn": 1e9, " million": 1e6, " thousand": 1e3, "M": 1e6}


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("£1.2m", 1_200_000, "GBP"),
        ("$450k", 450_000, "USD"),
        ("EUR 3,400,000", 3_400_000, "EUR"),
        ("1.2 million", 1_200_000, None),
        ("-£0.3bn", -300_000_000, "GBP"),
        ("(£1,250)", -1_250, "GBP"),
        ("£(1.2m)", -1_200_000, "GBP"),
        ("−£3m", -3_000_000, "GBP"),
        ("c. £4.5m p.a.", 4_500_000, "GBP"),
        ("~£3m/yr", 3_000_000, "GBP"),
        ("1 200 000", 1_200_000, None),
        ("US$ 2.5bn", 2_500_000_000, "USD"),
        ("**£2.0m**", 2_000_000, "GBP"),
        ("$12m*", 12_000_000, "USD"),
        ("3.4MM", 3_400_000, None),
        ("€12.5 mn", 12_500_000, "EUR"),
    ],
)
def test_money_as_business_cases_write_it(text: str, value: float, currency: str | None) -> None:
    assert parse_money(text) == Money(float(value), currency)


@pytest.mark.parametrize("text", ["", "  ", "-", "—", "n/a", "TBC", "not monetised", "Nil"])
def test_no_figure_is_not_given(text: str) -> None:
    assert is_blank(text)
    assert parse_money(text) is None


@pytest.mark.parametrize("text", ["12,34", "1.2.3", "£12x", "1,2345", "12 apples", "£1m-£2m"])
def test_unreadable_figures_are_errors(text: str) -> None:
    with pytest.raises(NumberError, match="cannot read"):
        parse_money(text)


def test_a_column_unit_scales_bare_figures_only() -> None:
    millions = Unit(scale=1e6, currency="GBP")
    assert parse_money("1.2", millions) == Money(1_200_000, "GBP")
    assert parse_money("(120)", Unit(scale=1e3)) == Money(-120_000)
    assert parse_money("450k", millions) == Money(450_000, "GBP")  # its own scale wins


@pytest.mark.parametrize(
    ("header", "scale", "currency", "percent"),
    [
        ("Central (£m)", 1e6, "GBP", False),
        ("Projected benefit £k", 1e3, "GBP", False),
        ("Cost ($ thousands)", 1e3, "USD", False),
        ("NPV (EUR m)", 1e6, "EUR", False),
        ("Value in millions", 1e6, None, False),
        ("Amount (£)", 1, "GBP", False),
        ("OB %", 1, None, True),
        ("Low", 1, None, False),
        ("Make or buy", 1, None, False),  # the word "m" alone is no unit
    ],
)
def test_header_units(header: str, scale: float, currency: str | None, percent: bool) -> None:
    assert header_unit(header) == Unit(scale=scale, currency=currency, percent=percent)


@given(
    value=st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False),
    symbol=st.sampled_from(sorted(SYMBOLS)),
    scale=st.sampled_from(sorted(SCALES)),
    negative=st.sampled_from(["", "-", "()"]),
    grouped=st.booleans(),
)
def test_money_round_trips(value, symbol: str, scale: str, negative: str, grouped: bool) -> None:
    number = f"{value:,.2f}" if grouped else f"{value:.2f}"
    body = f"{symbol}{number}{scale}"
    text = f"({body})" if negative == "()" else f"{negative}{body}"
    got = parse_money(text)
    expected = float(value) * SCALES[scale] * (-1 if negative and value else 1)
    assert got is not None
    assert math.isclose(got.value, expected, rel_tol=1e-9, abs_tol=1e-6)
    assert got.currency == SYMBOLS[symbol]


@given(st.text(max_size=40))
def test_parsers_never_raise_anything_but_number_errors(text: str) -> None:
    for parse in (parse_money, parse_fraction):
        with contextlib.suppress(NumberError):
            parse(text)
    first_money(text)
    header_unit(text)


@pytest.mark.parametrize(
    ("text", "share"), [("15%", 0.15), ("0.15", 0.15), ("24", 0.24), ("12.5 per cent", 0.125)]
)
def test_percentages(text: str, share: float) -> None:
    assert parse_fraction(text) == pytest.approx(share)


def test_first_money_in_a_sentence_skips_years_and_plain_numbers() -> None:
    assert first_money("In 2025 an NPV of £12.3m over 10 years") == Money(12_300_000, "GBP")
    assert first_money("In 2025 we spent 40 hours") is None


# -- header matching --------------------------------------------------------------------

SYNONYMS = [
    (field, phrase)
    for field, phrases in vocabulary().columns.items()
    for phrase in phrases
    if field not in ("description",)
]


@given(
    pair=st.sampled_from(SYNONYMS),
    unit=st.sampled_from(["", " (£m)", " ($k)", " (%)", " €bn", ""]),
    case=st.sampled_from([str.lower, str.upper, str.title, str.capitalize]),
    bold=st.booleans(),
)
def test_every_synonym_names_its_field_whatever_its_dress(pair, unit, case, bold) -> None:
    field, phrase = pair
    header = case(phrase) + unit
    if bold:
        header = f"**{header}**"
    got, score = match_header(header)
    # A longer synonym of another field may contain this one; the longest match wins.
    if got != field:
        other = [p for p in vocabulary().columns[got] if f" {p} " in f" {phrase} "]
        assert other and max(len(p.split()) for p in other) >= len(phrase.split())
    assert score >= 1


@settings(deadline=None)  # no per-example time limit: a loaded machine is not a failure
@given(st.lists(st.text(max_size=20), min_size=1, max_size=8))
def test_map_columns_gives_each_field_at_most_one_column(headers: list[str]) -> None:
    found = map_columns(headers, [["x"] * len(headers)])
    indexes = [c.index for c in found.values()]
    assert len(indexes) == len(set(indexes))
    assert all(0 <= i < len(headers) for i in indexes)


@pytest.mark.parametrize(
    ("headers", "row", "expected"),
    [
        (
            ["Benefit", "Type", "Low (£m)", "Central (£m)", "High (£m)", "Evidence"],
            ["Fewer calls", "Cashable", "1", "2", "3", "Pilot"],
            {"description": 0, "type": 1, "low": 2, "projected": 3, "high": 4, "basis": 5},
        ),
        (
            ["Cost item", "Cost ($k)", "Contingency", "Optimism bias"],
            ["Build", "120", "10%", "24%"],
            {"description": 0, "projected": 1, "contingency": 2, "optimism_bias": 3},
        ),
        (
            ["Realised benefit (£m)", "Benefit", "Expected benefit (£m)", "Source"],
            ["0.8", "Fewer calls", "1.2", "Ledger"],
            {"realized": 0, "description": 1, "projected": 2, "basis": 3},
        ),
        (["Item", "Amount"], ["Licences", "£40k"], {"description": 0, "projected": 1}),
        (["Savings", "Value"], ["Fewer calls", "1.2"], {"description": 0, "projected": 1}),
        (["Line", "2026/27", "2027/28"], ["Staff", "1", "2"], {"description": 0}),
    ],
)
def test_table_headers_by_synonym(headers, row, expected) -> None:
    found = {k: c.index for k, c in map_columns(headers, [row]).items()}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("£1.2m–£1.8m", (1_200_000, 1_800_000)),
        ("£1.2–1.8m", (1_200_000, 1_800_000)),  # the scale of the second figure applies to both
        ("$300k to $450k", (300_000, 450_000)),
        ("-£0.3m", None),  # a negative figure, not a range
        ("£1.8m–£1.2m", None),  # high before low
        ("1.2", None),
    ],
)
def test_ranges_in_one_cell(text: str, span: tuple[float, float] | None) -> None:
    assert parse_range(text) == span


@given(
    low=st.integers(min_value=0, max_value=10**6),
    width=st.integers(min_value=0, max_value=10**6),
    sep=st.sampled_from(["–", " - ", " to ", "—"]),
)
def test_ranges_round_trip(low: int, width: int, sep: str) -> None:
    assert parse_range(f"£{low:,}{sep}£{low + width:,}") == (low, low + width)


@pytest.mark.parametrize(
    ("texts", "currency"),
    [
        (["Capital cost (£'000) | 350", "Benefits (£m) | 2.1", "a $5 coffee"], "GBP"),
        (["NPV $1.2m", "Cost USD 450,000", "saving €20k"], "USD"),
        (["Revenue 3.4m EUR", "Cost (€k)"], "EUR"),
        (["No figures here", "costs of 12 people"], None),
        (["£1m", "$2m"], "GBP"),  # a tie: the first met
    ],
)
def test_document_currency_is_the_most_frequent_one(texts: list[str], currency: str | None) -> None:
    assert document_currency(texts) == currency


def test_a_business_cases_currency_reaches_its_facts() -> None:
    from pathlib import Path

    from decaudit.engine.facts import FactContext, derive
    from decaudit.engine.records import load_file
    from decaudit.engine.types import SourceRecord

    path = Path(__file__).parent / "data" / "business" / "northgate-full-business-case.md"
    src = next(s for s in load_file(str(path), path.read_bytes()) if isinstance(s, SourceRecord))
    assert (src.record.model_extra or {})["currency"] == "GBP"
    assert derive(src, FactContext(today=dt.date(2026, 12, 1))).decision["currency"] == "GBP"


def test_an_amount_ending_a_sentence_keeps_its_value() -> None:
    money = parse_money("$10,000.")
    assert money is not None and money.value == 10_000
    with pytest.raises(NumberError):
        parse_money("$10,000..")
