"""An alternative listed as an item whose nested items say what it is like (``[Detox](...)``
over ``no support for device farms``, ``hard to debug``) is one option and those are its
points, classed by their wording: never options of a group. Short names under a bare group
item are still a group."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import nygard_with_options, read_text, titles
from hypothesis import given, settings
from hypothesis import strategies as st

read = partial(read_text, name="0012-x.md")

JUDGED = """Of the known tools, neither fitted our needs:

- [Detox](https://example.org/detox)
  - greybox testing
  - no support for device farms
  - no desktop platforms support
- Maestro
  - yaml based testing
  - hard to debug on CI
"""


def _cons(text: str) -> dict[str, int]:
    src = read(nygard_with_options(text, "We use Appium for end-to-end tests."))
    return {o.title: len(o.cons) for o in src.record.options}


def test_judged_points_stay_with_their_option() -> None:
    found = titles(read(nygard_with_options(JUDGED, "We use Appium for end-to-end tests.")))
    assert "Detox" in found and "Maestro" in found
    assert not any("device farms" in t or "yaml based" in t for t in found)


def test_the_points_are_classed_by_their_wording() -> None:
    cons = _cons(JUDGED)
    assert cons["Detox"] >= 1
    assert cons["Maestro"] == 1


GROUP = """- Managed services
  - Amazon RDS
  - Google Cloud SQL
- Self-hosted
  - PostgreSQL on virtual machines
  - PostgreSQL on Kubernetes
"""


def test_a_group_of_short_names_is_still_a_group() -> None:
    found = titles(read(nygard_with_options(GROUP, "We use Amazon RDS.")))
    assert "Amazon RDS" in found and "PostgreSQL on Kubernetes" in found


@pytest.mark.parametrize(
    "opener", ["no", "not", "lacks", "without", "missing", "cannot", "hard to", "requires"]
)
def test_any_judging_opener_keeps_the_option_whole(opener: str) -> None:
    text = f"- Tool A\n  - {opener} a desktop target\n  - widely used\n- Tool B\n  - fast\n"
    found = titles(read(nygard_with_options(text, "We use Tool C.")))
    assert "Tool A" in found
    assert not any(t.startswith(opener) for t in found)


@settings(max_examples=40, deadline=None)
@given(
    names=st.lists(
        st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True), min_size=2, max_size=4, unique=True
    )
)
def test_judged_items_never_become_options(names: list[str]) -> None:
    text = "".join(f"- {n}\n  - no support for {n.lower()}s\n  - small\n" for n in names)
    found = titles(read(nygard_with_options(text, "We build our own.")))
    assert all(n in found for n in names)
    assert not any(t.startswith("no support") for t in found)
