"""Rule messages: the pre-cut template pieces fill exactly as ``string.Template`` would."""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from typing import Any

from decaudit.engine.rules.template import MessageTemplate, placeholder_value, render, segments

VALUES: dict[str, Any] = {"a": 1234.5, "b.c": None, "param.x": 0.25, "x": True, "n": [1, 2]}


def _lookup(name: str) -> Any:
    return VALUES.get(name, f"<{name}>")


class _Reference(Mapping[str, str]):
    def __getitem__(self, name: str) -> str:
        return placeholder_value(name, _lookup)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def test_segments_cut_literals_placeholders_and_escapes() -> None:
    assert segments("Costs $$${pct.param.x} for $a ($1 left, ${b.c})") == (
        (False, "Costs $"),
        (True, "pct.param.x"),
        (False, " for "),
        (True, "a"),
        (False, " ($1 left, "),
        (True, "b.c"),
        (False, ")"),
    )
    assert render("Costs $$${pct.param.x} for $a ($1 left, ${b.c})", _lookup) == (
        "Costs $25% for 1,234.5 ($1 left, unknown)"
    )


def test_render_matches_string_template_on_random_texts() -> None:
    rng = random.Random(20261130)
    alphabet = [
        "$",
        "$$",
        "${",
        "}",
        "{",
        "a",
        "b.c",
        " ",
        "$a",
        "${b.c}",
        "$pct.a",
        "$1",
        "${pct.param.x}",
        "${bad",
        "é",
        "A_b",
        "$x",
        "$n",
        "$N",
        "pct.",
        ".",
    ]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert render(text, _lookup) == MessageTemplate(text).safe_substitute(_Reference()), text
