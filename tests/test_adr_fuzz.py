"""The ADR reader never crashes: any text gives records or located errors."""

from __future__ import annotations

from decaudit.engine.records import load_file
from decaudit.engine.records.formats import NotADecisionRecord
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

_PIECES = st.sampled_from(
    [
        "# ", "## ", "### ", "#### ", "* ", "- ", "+ ", "1. ", "  ", "\n", "\n\n", "**", "_",
        "`", "```\n", "| a | b |\n|---|---|\n| x | y |\n", "---\n", "<!--", "-->", "[x](y)",
        "Status: ", "Accepted", "Chosen option: ", '"A"', "because ", "Option 1: ",
        "Considered Options\n", "Decision\n", "Pros and Cons of the Options\n", "Good, because ",
        "Bad, because ", "Alternatives\n", "We considered ", " vs. ", "(chosen)", "[x] ",
        "go with option 2", "(#1)", "Decided against ", "Deciders: ", "Proposal\n", ":",
    ]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=50).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
@example("Pros and Cons of the Options\n vs. # Proposal\n---\n")  # the other side's description
def test_any_text_gives_records_or_located_errors(text: str) -> None:
    try:
        results = load_file("adr/0001-x.md", text.encode("utf-8", "surrogatepass"))
    except NotADecisionRecord:  # pragma: no cover - load_file turns it into an error
        raise AssertionError("not caught") from None
    for item in results:
        assert isinstance(item, SourceRecord | InputError)
        if isinstance(item, SourceRecord):
            rec = item.record
            assert rec.id and rec.title
            size = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 2
            assert all(1 <= line <= size for line in item.lines.values())
            assert sum(o.chosen for o in rec.options) <= len(rec.options)
        else:
            assert item.file == "adr/0001-x.md" and item.message
