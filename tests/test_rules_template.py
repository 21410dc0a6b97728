"""Message templates: string.Template placeholders and number formatting."""

from __future__ import annotations

import pytest
from decaudit.engine.rules.template import (
    format_money,
    format_number,
    format_pct,
    format_value,
    placeholders,
    render,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (1200000, "1,200,000"),
        (-2500, "-2,500"),
        (1e6, "1,000,000"),
        (1234.567, "1,234.57"),
        (0.35, "0.35"),
        (0.5, "0.5"),
        (0.001, "0.001"),
        (-0.0004, "-0.0004"),
    ],
)
def test_numbers(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("value", "text"), [(0.4, "40%"), (0.125, "12.5%"), (1.5, "150%"), (0, "0%"), (12.0, "1,200%")]
)
def test_percentages(value: float, text: str) -> None:
    assert format_pct(value) == text


def test_values() -> None:
    assert format_value(None) == "unknown"
    assert format_value(True) == "yes"
    assert format_value(False) == "no"
    assert format_value(["a", 2000]) == "a, 2,000"
    assert format_value("text") == "text"


def test_placeholders() -> None:
    names, invalid = placeholders("$a ${b.c} ${pct.param.d} $$ {0} $e.f. $ x")
    assert names == ["a", "b.c", "pct.param.d", "e.f"]
    assert invalid == [38]


def test_render() -> None:
    values = {"npv": 2500000, "chosen.title": "Extend", "realization_ratio": 0.4, "x": None}
    text = render(
        "$$${npv} for ${chosen.title}: ${pct.realization_ratio} ($x) {0} {npv} $npv.",
        values.get,
    )
    assert text == "$2,500,000 for Extend: 40% (unknown) {0} {npv} 2,500,000."


@pytest.mark.parametrize(
    ("value", "currency", "text"),
    [
        (1200000, "GBP", "£1,200,000"),
        (-2500, "usd", "-$2,500"),
        (1234.5, "EUR", "€1,234.5"),
        (1200000, "CHF", "CHF 1,200,000"),
        (1200000, None, "1,200,000"),
        (1200000, " ", "1,200,000"),
        (None, "GBP", "unknown"),
    ],
)
def test_money(value: float | None, currency: str | None, text: str) -> None:
    assert format_money(value, currency) == text


def test_render_money_in_the_currency_of_its_fact() -> None:
    values = {"projected": 4500000, "currency": "GBP", "chosen.npv": 10, "chosen.currency": "EUR"}
    text = render("${money.projected} and ${money.chosen.npv}", values.get)
    assert text == "£4,500,000 and €10"
    assert render("${money.projected}", {"projected": 5}.get) == "5"
