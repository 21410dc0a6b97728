"""Alternatives numbered with codes (``A1: Keep the id``, ``### A2 - Derive it``): the code
is the option's label, the words after it its title, and a bare code takes its title from
the option's description; the ``## Result`` section that names a code chooses it, as does a
``(CHOSEN)`` marker on a pros-and-cons heading. MADR points: "Good, because X" over bullets
is one point, "Good, because:" over bullets labels them."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.content import Opt, prefixed
from decaudit.engine.records.adr.letters import coded
from hypothesis import given
from hypothesis import strategies as st

_RECORD = (
    "# Keep the instance id\n\n- Status: Accepted\n- Deciders: Jane Doe\n\n{result}"
    "## Problem context\n\nRetries collide on the same id.\n\n## Alternatives considered\n\n"
    "- A1: Keep the instance guid as the message id. On duplicate create, self-heal.\n"
    "- A2: Derive the message id from the workflow id.\n- A3: Treat the error as success.\n\n"
    "## Pros and cons\n\n### {head}\n\n- Good, because nothing changes on the wire\n"
    "- Bad, because more code\n\n### A2\n\n- Good, because simple\n\n### A3\n\n"
    "- Bad, because sends can be lost\n"
)


def _read(result: str = "", head: str = "A1") -> list[tuple]:
    text = _RECORD.format(result=result, head=head)
    rec = read_text(text, "docs/adr/2026-07-24-keep-the-instance-id.md").record
    return [(o.id, o.title, o.chosen, len(o.pros), len(o.cons)) for o in rec.options]


def test_codes_are_labels_and_pros_and_cons_headings_find_their_option() -> None:
    assert [(t, p, c) for _, t, _, p, c in _read()] == [
        ("Keep the instance guid as the message id", 1, 1),
        ("Derive the message id from the workflow id", 1, 0),
        ("Treat the error as success", 0, 1),
    ]


@pytest.mark.parametrize(
    ("result", "head"),
    [
        ("## Result\n\nA1: The id stays the instance guid.\n\n", "A1"),
        ("## Result\n\n- A1: The id stays the instance guid.\n\n", "A1"),
        ("", "A1 - Keep the guid (CHOSEN)"),
    ],
)
def test_a_result_section_or_a_marker_chooses_by_code(result: str, head: str) -> None:
    chosen = [t for _, t, ch, _, _ in _read(result, head) if ch]
    assert chosen == ["Keep the instance guid as the message id"]


def test_one_code_alone_or_a_code_twice_is_no_run() -> None:
    alone = [Opt("S3", 1, description="Store files in a bucket."), Opt("Local disk", 2)]
    coded(alone)
    assert [o.title for o in alone] == ["S3", "Local disk"]
    twice = [Opt("A1 - Keep", 1), Opt("A1 - Drop", 2), Opt("A2 - Move", 3)]
    coded(twice)
    assert [o.title for o in twice] == ["A1 - Keep", "A1 - Drop", "A2 - Move"]


def test_madr_points_and_their_bullets() -> None:
    text = _RECORD.format(result="", head="A1").replace(
        "- Good, because nothing changes on the wire\n",
        "- Good, because nothing changes on the wire\n  - the id is the same\n"
        "- Good, because:\n  - it is simple\n  - it is known\n",
    )
    rec = read_text(text, "docs/adr/2026-07-24-keep-the-instance-id.md").record
    assert rec.options[0].pros == [
        "nothing changes on the wire",
        "it is simple",
        "it is known",
    ]
    assert prefixed("Good, because:") == ("pros", "")


@given(st.lists(st.from_regex(r"[A-C][1-4]( [-:] [a-z ]{0,20})?", fullmatch=True), max_size=6))
def test_coded_keeps_every_option_and_labels_only_runs(titles: list[str]) -> None:
    opts = [Opt(t, n + 1, description="Some words here.") for n, t in enumerate(titles)]
    coded(opts)
    assert len(opts) == len(titles)
    for opt in opts:
        assert opt.title.strip()
        if opt.label is not None:
            assert opt.aliases and opt.aliases[-1][:2].lower() == opt.label


@pytest.mark.parametrize(
    ("description", "title"),
    [
        (
            "An `x:config` section on the task extension in the definition where all "
            "configuration is consolidated.",
            "An `x:config` section on the task extension in the definition",
        ),
        (
            "Keep most of it, but handle the coupling elsewhere.",
            "Keep most of it, but handle the coupling elsewhere",
        ),
        ("Status quo: rely on backoff.", "Status quo"),
    ],
)
def test_a_bare_code_takes_its_title_from_the_description(description: str, title: str) -> None:
    opts = [Opt("A1", 1, description=description), Opt("A2", 2, description="Drop it.")]
    coded(opts)
    assert opts[0].title == title
    assert opts[0].label == "a1"
