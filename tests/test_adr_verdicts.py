"""Options that carry their own verdict in a bold-led paragraph ("**Rejected** due to ...",
"**Rejected** The need for ..."), and the decision that follows from them: the one option
no verdict turns down. Every fixture is written for the test."""

from __future__ import annotations

from adr_layout import read_text


def record(verdicts: tuple[str, str, str], decision: str) -> str:
    body = "".join(
        f"### {name}\n\n**Approach:** {name.lower()} for every document.\n\n"
        f"* **Pros:**\n\n  * Simple.\n\n{verdict}\n\n"
        for name, verdict in zip(
            ("Dump the store", "Cache each document", "Cache in a worker"), verdicts, strict=True
        )
    )
    return f"# Offline access\n\n## Considered Options\n\n{body}## Decision Outcome\n\n{decision}\n"


def test_the_one_option_not_turned_down_is_chosen() -> None:
    src = read_text(
        record(
            (
                "**Rejected** due to poor scalability.",
                "**Considered.** Provides a modular architecture.",
                "**Rejected** The need for a separate cache makes it less suitable.",
            ),
            "We will implement a custom fetcher shim that caches each fetched file.",
        )
    )
    opts = {o.title: o for o in src.record.options}
    assert [t for t, o in opts.items() if o.chosen] == ["Cache each document"]
    assert "chosen" in (src.record.model_extra or {}).get("x_uncertain", [])


def test_without_a_stated_decision_nothing_is_chosen() -> None:
    src = read_text(
        record(
            ("**Rejected** due to poor scalability.", "Still open.", "**Rejected** Too slow."),
            "TBD",
        )
    )
    assert not [o for o in src.record.options if o.chosen]


def test_two_options_left_choose_none_by_elimination() -> None:
    src = read_text(
        record(
            ("**Rejected** due to poor scalability.", "Maybe.", "Also maybe."),
            "We will implement a custom fetcher shim that caches each fetched file.",
        )
    )
    assert not [o for o in src.record.options if o.chosen]
