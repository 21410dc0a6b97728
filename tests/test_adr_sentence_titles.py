"""An option written as sentences ("Buffer samples on disk. This needs disk space on every
node.") is titled by its first sentence; the rest describes it. A full stop inside
brackets or quotes, or after an abbreviation ("e.g.", "ex."), ends no sentence."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.titlesplit import MAX_SENTENCE_TITLE_WORDS, split_title
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("text", "title", "description"),
    [
        ("Buffer samples on disk. This needs disk space.", "Buffer samples on disk",
         "This needs disk space."),
        ("RGW dbstore. Used in our first release", "RGW dbstore", "Used in our first release"),
        ('Add the number to the title (e.g., "# 2. Do this")', 'Add the number to the title '
         '(e.g., "# 2. Do this")', None),
        ("A web framework (ex. Ruby or Python)", "A web framework (ex. Ruby or Python)", None),
        ("Use a queue, e.g. SQS. It scales.", "Use a queue, e.g. SQS", "It scales."),
        ("Node.js runtime", "Node.js runtime", None),
        ("Use the U.S. Census API", "Use the U.S. Census API", None),
    ],
)  # fmt: skip
def test_an_option_of_sentences_is_titled_by_the_first(
    text: str, title: str, description: str | None
) -> None:
    assert split_title(text) == (title, description)


def test_a_long_first_sentence_is_kept_whole() -> None:
    words = " ".join(["word"] * (MAX_SENTENCE_TITLE_WORDS + 1))
    assert split_title(f"{words}. More.") == (f"{words}. More.", None)


@given(
    st.lists(
        st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){0,4}", fullmatch=True), min_size=1, max_size=3
    )
)
def test_the_title_is_the_first_sentence_and_nothing_is_lost(parts: list[str]) -> None:
    text = ". ".join(parts) + "."
    title, description = split_title(text)
    assert title.rstrip(".") == parts[0]
    joined = title + (". " + description if description else "")
    assert joined.rstrip(".") == text.rstrip(".")


def test_numbered_alternatives_in_sentences() -> None:
    src = read_text(
        "# Remote write retries\n\n## Context\n\nRequests fail.\n\n## Alternatives\n\n"
        "1. Buffer samples on disk. This needs disk space on every node.\n"
        "2. Let the receiver deduplicate. It moves the problem elsewhere.\n\n"
        "## Decision\n\nRetry with backoff.\n"
    )
    titles = [o.title for o in src.record.options if not o.chosen]
    assert titles == ["Buffer samples on disk", "Let the receiver deduplicate"]
