"""An option listed as an item that names itself in a bold label and goes on to describe
it, ending with a colon (``1. **Hybrid approach**: build the files first. Rejected
because:``), keeps what is nested under it as its details and reasons: those are never
options of a group. A bare group line (``Managed services:``) over short names, bold or
not, still makes a group."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import nygard_with_options, read_text, titles
from hypothesis import given, settings
from hypothesis import strategies as st

read = partial(read_text, name="0012-x.md")


def _record(options: str, decision: str = "We build the index at release time.") -> str:
    return nygard_with_options(options, decision)


DESCRIBED = """1. **Index at request time**: scan the pages on each query. Rejected because:

   - Every query reads every page
   - Latency grows with the site

2. **Hosted search service**: send the pages to a vendor. It needs:

   - A contract with the vendor
   - Pages to leave our network

3. **No search**: rely on the navigation. Rejected because:

   - Users asked for search
"""
NAMES = ["Index at request time", "Hosted search service", "No search"]


def test_a_self_described_item_keeps_its_reasons() -> None:
    found = titles(read(_record(DESCRIBED)))
    assert found[:3] == NAMES
    for reason in ("Every query reads every page", "Users asked for search"):
        assert all(reason not in t for t in found)


@pytest.mark.parametrize("sep", [": ", " - ", " — "])
def test_the_separator_after_the_label_does_not_matter(sep: str) -> None:
    text = DESCRIBED.replace("**: ", f"**{sep}")
    assert titles(read(_record(text)))[:3] == NAMES


@pytest.mark.parametrize("marker", ["-", "*"])
def test_bulleted_items_too(marker: str) -> None:
    text = "\n".join(
        line.replace(f"{n}. ", f"{marker} ", 1) if line.startswith(f"{n}. ") else line
        for line in DESCRIBED.splitlines()
        for n in [line[:1]]
    )
    assert titles(read(_record(text)))[:3] == NAMES


def _groups(options: str) -> set[tuple[str | None, str]]:
    return {(getattr(o, "group", None), o.title) for o in read(_record(options)).record.options}


def test_a_group_line_over_short_names_is_still_a_group() -> None:
    options = """- Managed services:
  - Algolia
  - Elastic Cloud
- Self-hosted:
  - OpenSearch
  - Meilisearch
"""
    got = _groups(options)
    assert ("Managed services", "Algolia") in got
    assert ("Self-hosted", "Meilisearch") in got


def test_a_bold_group_name_alone_is_still_a_group() -> None:
    options = """- **Managed services**:
  - Algolia
  - Elastic Cloud
- **Self-hosted**:
  - OpenSearch
  - Meilisearch
"""
    got = _groups(options)
    assert ("Managed services", "Elastic Cloud") in got
    assert ("Self-hosted", "OpenSearch") in got


def test_a_bold_group_name_with_two_words_after_it_is_still_a_group() -> None:
    options = """- **Managed services**, any of:
  - Algolia
  - Elastic Cloud
- **Self-hosted** ones:
  - OpenSearch
  - Meilisearch
"""
    got = {title for _, title in _groups(options)}
    assert {"Algolia", "Elastic Cloud", "OpenSearch", "Meilisearch"} <= got


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(_WORD, min_size=2, max_size=4, unique=True),
    reasons=st.lists(st.lists(_WORD, min_size=2, max_size=6).map(" ".join), min_size=1, max_size=3),
    why=st.sampled_from(["Rejected because:", "It needs:", "Its drawbacks are:"]),
)
def test_described_items_property(names: list[str], reasons: list[str], why: str) -> None:
    """Whatever the options and their reasons say, the options are the labelled items and
    no nested reason is read as an option."""
    titled = [f"Use {n}" for n in names]
    nested = "".join(f"   - {r.capitalize()}\n" for r in reasons)
    options = "".join(
        f"{i + 1}. **{t}**: a short description of it. {why}\n\n{nested}\n"
        for i, t in enumerate(titled)
    )
    found = titles(read(_record(options)))
    assert found[: len(titled)] == titled
    assert not any(r.capitalize() in found for r in reasons)
