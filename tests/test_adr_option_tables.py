"""An options table with pros and cons columns gives each option its points (several in a
cell when split by ``<br>``), and a decision column marks the choice only where it says yes
("✅ Selected", not "❌ Not selected"); a table whose option cells are all bold marks none."""

from __future__ import annotations

from adr_layout import chosen_titles, read_text
from hypothesis import given, settings
from hypothesis import strategies as st


def _record(rows: list[str], head: str = "| Option | Pros | Cons |") -> str:
    sep = "|" + "---|" * (head.count("|") - 1)
    table = "\n".join([head, sep, *rows])
    return (
        "# Policy checks\n\n## Status\n\nAccepted\n\n## Context\n\nManifests need tests.\n\n"
        f"## Options\n\n{table}\n\n## Consequences\n\nPipelines run the checks.\n"
    )


def _points(text: str) -> list[tuple[str, int, int]]:
    return [(o.title, len(o.pros), len(o.cons)) for o in read_text(text).record.options]


def test_pros_and_cons_columns_give_points() -> None:
    text = _record(
        [
            "| Conftest | simple CLI<br/>Rego policies | smaller community |",
            "| Kyverno | Kubernetes-native | verbose<br>complex setup |",
            "| Polaris | - | n/a |",
        ]
    )
    assert _points(text) == [("Conftest", 2, 1), ("Kyverno", 1, 2), ("Polaris", 0, 0)]


def test_a_decision_column_marks_only_the_yes_row() -> None:
    text = _record(
        [
            "| **Conftest** | simple | small | ✅ **Selected** |",
            "| **Kyverno** | native | verbose | ❌ Not selected |",
            "| **Gatekeeper** | runtime | setup | Not selected |",
        ],
        head="| Tool | Advantages | Disadvantages | Decision |",
    )
    assert chosen_titles(read_text(text)) == ["Conftest"]
    assert _points(text)[1] == ("Kyverno", 1, 1)


def test_one_bold_row_is_the_marked_one() -> None:
    text = _record(["| Conftest | a | b |", "| **Kyverno** | c | d |"])
    assert chosen_titles(read_text(text)) == ["Kyverno"]


def test_a_cell_break_separates_words() -> None:
    text = _record(["| Conftest | simple<br>fast | b |", "| Kyverno | c | d |"])
    (first, _) = read_text(text).record.options
    assert first.pros == ["simple", "fast"]


_WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=3, max_size=8)


@settings(max_examples=30, deadline=None)
@given(
    cells=st.lists(
        st.tuples(
            st.lists(_WORD, min_size=1, max_size=4, unique=True),
            st.lists(_WORD, min_size=1, max_size=4, unique=True),
        ),
        min_size=2,
        max_size=4,
    )
)
def test_every_point_of_a_cell_is_read(cells: list[tuple[list[str], list[str]]]) -> None:
    rows = [f"| Tool{n} | {'<br>'.join(p)} | {'<br>'.join(c)} |" for n, (p, c) in enumerate(cells)]
    found = read_text(_record(rows)).record.options
    assert [(o.pros, o.cons) for o in found] == [(p, c) for p, c in cells]
