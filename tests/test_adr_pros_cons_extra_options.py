"""An option argued under "Pros and Cons of the Options" but missing from the "Considered
Options" list (a MADR record that added one late) is an option not chosen, with its points;
a subsection there with no pro or con is not."""

from __future__ import annotations

from adr_layout import chosen_titles, read_text
from hypothesis import given, settings
from hypothesis import strategies as st


def _record(listed: list[str], argued: list[str], extra_body: str = "") -> str:
    items = "\n".join(f"* {n}" for n in listed)
    parts = [
        f"### {n}\n\n* Good, because {n.lower()} is quick\n* Bad, because {n.lower()} costs\n"
        for n in argued
    ]
    return (
        "# Pick a queue\n\n* Status: accepted\n\n## Context and Problem Statement\n\n"
        f"Jobs need a queue.\n\n## Considered Options\n\n{items}\n\n## Decision Outcome\n\n"
        f'Chosen option: "{listed[0]}", because it is mature.\n\n'
        "## Pros and Cons of the Options\n\n" + "\n".join(parts) + extra_body
    )


def _points(text: str) -> list[tuple[str, int, int]]:
    rec = read_text(text).record
    return [(o.title, len(o.pros), len(o.cons)) for o in rec.options]


def test_an_option_argued_but_not_listed_is_added() -> None:
    text = _record(["RabbitMQ", "Redis streams"], ["RabbitMQ", "Redis streams", "Amazon SQS"])
    assert _points(text) == [("RabbitMQ", 1, 1), ("Redis streams", 1, 1), ("Amazon SQS", 1, 1)]
    assert chosen_titles(read_text(text)) == ["RabbitMQ"]


def test_a_subsection_without_points_is_no_option() -> None:
    text = _record(
        ["RabbitMQ", "Redis streams"],
        ["RabbitMQ", "Redis streams"],
        "\n### Further reading\n\nSee the vendor pages.\n",
    )
    assert [t for t, _, _ in _points(text)] == ["RabbitMQ", "Redis streams"]


_NAME = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=8).map(str.capitalize)


@settings(max_examples=30, deadline=None)
@given(names=st.lists(_NAME, min_size=3, max_size=5, unique=True), cut=st.integers(1, 2))
def test_every_argued_option_is_read_once(names: list[str], cut: int) -> None:
    listed = names[:-cut] if len(names) - cut >= 2 else names[:2]
    found = _points(_record(listed, names))
    assert [t for t, _, _ in found] == names
    assert all(p == 1 and c == 1 for _, p, c in found)
