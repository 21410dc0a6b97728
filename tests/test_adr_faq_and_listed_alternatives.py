"""Alternatives in a FAQ of "Why not X?" list items (a PEP's or a PPC's "Rejected Ideas"),
and alternatives listed in one sentence ("These include X as well as Y"). Every fixture is
written for the test."""

from __future__ import annotations

from adr_layout import read_text, titles

HEAD = (
    "# Optional chaining\n\n## Status\n\nProposed\n\n## Proposal\n\n"
    "A new operator, `?->`, that dereferences only defined values.\n\n"
)


def test_why_not_items_are_options_turned_down_for_their_answers() -> None:
    src = read_text(
        HEAD + "## Rejected Ideas\n\nThe idea has come up before.\n\n"
        "* Why not just wrap everything in an eval block?\n\n"
        "It would silence real errors raised by the method.\n\n"
        "* Why is the token `?->` and not another one\n\n"
        "It won the poll.\n\n"
        "* Why not a lexical pragma?\n\nIt gives too little control.\n"
    )
    opts = {o.title: o for o in src.record.options}
    assert "Wrap everything in an eval block" in opts
    assert "A lexical pragma" in opts
    assert not any(t.startswith("Why") for t in opts)
    eval_block = opts["Wrap everything in an eval block"]
    assert eval_block.chosen is False
    assert [c for c in eval_block.cons if "silence real errors" in c]


def test_a_list_that_asks_nothing_is_read_as_before() -> None:
    src = read_text(
        HEAD + "## Alternatives\n\n* Why not a lexical pragma?\n* Keep writing the checks by hand\n"
    )
    assert "Keep writing the checks by hand" in titles(src)


def test_alternatives_listed_in_one_sentence() -> None:
    src = read_text(
        HEAD + "## Alternatives\n\nMany alternatives have been discussed before. These include"
        " maintaining an inclusiveness program as well as a complete rename of the master."
        " We feel they cannot be executed with our resources.\n"
    )
    opts = {o.title: o for o in src.record.options}
    assert {"Maintaining an inclusiveness program", "Complete rename of the master"} <= set(opts)
    assert all(opts[t].chosen is False for t in opts if t.startswith(("Maintaining", "Complete")))


def test_a_long_listing_sentence_lists_nothing() -> None:
    src = read_text(
        HEAD + "## Alternatives\n\nThese include every way we could think of to keep the old"
        " operator working across all the releases we support, and the new one.\n"
    )
    assert not any(t.startswith("Every way") for t in titles(src))


PPC = (
    "# Multiple-alias foreach\n\n## Preamble\n\n    Author:  Ana Lima\n    ID:      0001\n"
    "    Status:  Implemented\n\n## Abstract\n\nIterate over a list n at a time.\n\n"
    "## Specification\n\n{spec}\n\n## Rejected Ideas\n\n### Permit arrays in the list\n\n"
    "It would be ambiguous.\n\n### Permit `our` as well as `my`\n\nNobody asked for it.\n"
)


def test_a_specification_is_the_design_it_proposes() -> None:
    src = read_text(PPC.format(spec="The new syntax takes a list of lexicals."))
    assert src.record.rationale == "The new syntax takes a list of lexicals."


def test_a_specification_of_code_only_leaves_the_abstract_to_say_what_is_proposed() -> None:
    src = read_text(PPC.format(spec="```perl\nfor my ($k, $v) (%h) { }\n```"))
    chosen = [o.title for o in src.record.options if o.chosen]
    assert chosen == ["Multiple-alias foreach"]  # the proposal, against its rejected ideas


def test_subsections_a_lead_in_announces_are_alternatives_turned_down() -> None:
    src = read_text(
        HEAD + "## Rationale\n\nThe above is already in use elsewhere.\n\n"
        "Alternatives considered and rejected:\n\n### Simple functions\n\n"
        "Earlier drafts suggested a function; it turned out slower.\n\n"
        "### Catching every exception\n\nIt makes response processing too hard.\n"
    )
    opts = {o.title: o for o in src.record.options}
    assert {"Simple functions", "Catching every exception"} <= set(opts)
    assert not opts["Simple functions"].chosen
    assert (src.record.model_extra or {}).get("x_uncertain")


def test_subsections_after_a_plain_paragraph_are_no_alternatives() -> None:
    src = read_text(
        HEAD + "## Rationale\n\nThe above is already in use elsewhere.\n\n"
        "### Performance\n\nIt is fast.\n\n### Security\n\nIt is safe.\n"
    )
    assert not {"Performance", "Security"} & set(titles(src))


def test_a_bold_label_in_an_alternatives_part_leads_its_options() -> None:
    src = read_text(
        HEAD + "## Rationale and alternatives\n\n**Why is this the best approach?**\n\n"
        "1. **Fosters innovation**: it lets teams move.\n2. **Keeps trust**: one brand.\n\n"
        "**Alternatives Considered:**\n\n"
        "1. **Keep one monolithic implementation**: evolve the single codebase.\n"
        "    * *Rationale for not choosing*: it becomes too complex to test.\n"
        "2. **Encourage independent forks**: let anyone fork.\n"
        "    * *Rationale for not choosing*: it fragments the community.\n"
    )
    opts = {o.title: o for o in src.record.options}
    assert {"Keep one monolithic implementation", "Encourage independent forks"} <= set(opts)
    assert not {"Alternatives Considered", "Fosters innovation"} & set(opts)


def test_subsections_a_counted_lead_in_announces_are_options() -> None:
    src = read_text(
        "# What\n\nSafekeepers keep two counters.\n\n# Why\n\nRecovery can diverge. How"
        " should it proceed? There are two options.\n\n## Do not look for the divergence"
        " point\n\nStart sending from the horizon.\n\n## Find the divergence point and"
        " truncate\n\nTruncate at it.\n\n# Proposal\n\nKeep a term history.\n",
        name="rfcs/013-term-history.md",
    )
    assert src.record.title == "Term history"  # "# What" opens the document, it is no title
    assert {
        "Do not look for the divergence point",
        "Find the divergence point and truncate",
    } <= set(titles(src))


def test_pros_and_cons_lines_over_nested_lists_are_points_not_options() -> None:
    src = read_text(
        HEAD + "## Alternative solutions\n\n1. Add extensions to the base image\n\n"
        "   Pros:\n    - Easy to deploy\n\n   Cons:\n    - Doesn't scale\n\n"
        "2. Bring your own compute image\n\n   Pros:\n    - Still easy to deploy\n"
        "    - Users bring a patched server\n\n   Cons:\n    - Slow first start\n"
    )
    assert {"Add extensions to the base image", "Bring your own compute image"} <= set(titles(src))
    assert not any(">" in t or t.startswith(("Still", "Users", "Slow")) for t in titles(src))


def test_a_why_heading_argues_for_the_choice_unless_it_names_what_it_beat() -> None:
    src = read_text(
        "# CoAP gateway\n\n## Summary\n\nA CoAP gateway.\n\n## Detailed design\n\n"
        "It speaks CoAP.\n\n"
        "## Rationale and alternatives\n\n### Why CoAP?\n\nIt is an IETF standard.\n\n"
        "### Why a gateway rather than a client library?\n\nOne place to secure.\n\n"
        "### MQTT\n\nIt needs a broker.\n"
    )
    found = titles(src)
    assert "Why CoAP?" not in found and "MQTT" in found
    assert any(t.startswith("Why a gateway rather than") for t in found)
