"""A pros or cons label led by a sign (``✅ Pros:``, ``❌ Cons:``, ``👍 Advantages:``)
labels the list or lines after it, as the plain label would; it is never a point itself.
And under ``**Option 1:** X`` paragraphs, a ``Pros:`` or ``Cons:`` label (signed, bold or
plain) labels the list after it."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import nygard_with_options, read_text
from decaudit.engine.records.adr.content import prefixed, signed_label
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

read = partial(read_text, name="0012-x.md")


def _record(options: str, decision: str = "We build the index at release time.") -> str:
    return nygard_with_options(options, decision, heading="Considered options")


def _points(src: SourceRecord, title: str) -> tuple[list[str], list[str]]:
    opt = next(o for o in src.record.options if o.title == title)
    return list(opt.pros or []), list(opt.cons or [])


# ("", ""): the plain labels, which label the list after them the same way
SIGNS = [("✅ ", "❌ "), ("👍 ", "👎 "), ("➕ ", "➖ "), ("✔️ ", "✖️ "), ("", ""), ("**", "**")]


@pytest.mark.parametrize(("good", "bad"), SIGNS)
def test_a_signed_label_labels_the_list_after_it(good: str, bad: str) -> None:
    options = f"""**Option 1:** Index at request time

{good}Pros:{good.strip(" ✅👍➕✔️")}
- Nothing to build
- Always fresh

{bad}Cons:{bad.strip(" ❌👎➖✖️")}
- Slow queries

**Option 2:** Hosted search service

{good}Advantages:{good.strip(" ✅👍➕✔️")}
- Fast queries

{bad}Disadvantages:{bad.strip(" ❌👎➖✖️")}
- Pages leave our network
- A new contract
"""
    src = read(_record(options, "We chose Option 2."))
    assert _points(src, "Index at request time") == (
        ["Nothing to build", "Always fresh"],
        ["Slow queries"],
    )
    assert _points(src, "Hosted search service") == (
        ["Fast queries"],
        ["Pages leave our network", "A new contract"],
    )


def test_a_signed_label_with_its_first_point_on_the_same_paragraph() -> None:
    options = """**Option 1:** Index at request time

✅ Pros:
Nothing to build
- Always fresh

❌ Cons: Slow queries
"""
    src = read(_record(options))
    pros, cons = _points(src, "Index at request time")
    assert pros == ["Nothing to build", "Always fresh"]
    assert cons == ["Slow queries"]


def test_a_signed_point_is_still_a_point() -> None:
    assert prefixed("✅ Full control") == ("pros", "Full control")
    assert prefixed("❌ Slow: needs a rebuild") == ("cons", "Slow: needs a rebuild")
    assert signed_label("✅ Full control") is None
    assert signed_label("❌ Slow: needs a rebuild") is None


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("✅ Pros:", "pros", ""),
        ("❌ Cons:", "cons", ""),
        ("👍 Benefits: cheap", "pros", "cheap"),
        ("⚠️ Risks: lock-in", "cons", "lock-in"),
        ("✅Pros:", "pros", ""),
    ],
)
def test_signed_labels(text: str, kind: str, rest: str) -> None:
    assert signed_label(text) == kind
    assert prefixed(text) == (kind, rest)


_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9), min_size=1, max_size=4
).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(
    sign=st.sampled_from(["✅", "❌", "👍", "👎", "➕", "➖"]),
    label=st.sampled_from(["Pros", "Cons", "Advantages", "Drawbacks", "Benefits"]),
    point=_WORDS,
)
def test_signed_label_property(sign: str, label: str, point: str) -> None:
    """The label, not the sign, says the kind; a point after a sign without a label
    keeps its whole text."""
    want = "pros" if label in ("Pros", "Advantages", "Benefits") else "cons"
    assert signed_label(f"{sign} {label}:") == want
    assert prefixed(f"{sign} {label}: {point}") == (want, point)
    assert signed_label(f"{sign} {point}") is None
    got = prefixed(f"{sign} {point}")
    assert got is not None and got[1] == point


@pytest.mark.parametrize(("plus", "minus"), [("`+`", "`-`"), ("(+)", "(-)"), ("[+]", "[-]")])
def test_plus_and_minus_written_as_text_sign_each_point(plus: str, minus: str) -> None:
    options = (
        f"### Build at release time\n\n* {plus} Fast pages\n* {plus} No servers\n"
        f"* {minus} Stale until the next release\n\n"
        f"### Build on request\n\n* {minus} Slow first view\n* {plus} Always fresh\n"
    )
    src = read(_record(options))
    pros, cons = _points(src, "Build at release time")
    assert (pros, cons) == (["Fast pages", "No servers"], ["Stale until the next release"])
    assert _points(src, "Build on request") == (["Always fresh"], ["Slow first view"])


@pytest.mark.parametrize("text", ["+1 from the team", "-5 ms on average", "- ", "+"])
def test_a_number_or_a_bare_sign_is_no_signed_point(text: str) -> None:
    assert prefixed(text) is None or prefixed(text) == ("neutral", text)
