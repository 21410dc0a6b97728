"""Property tests of the record model and the loaders (Hypothesis).

* Any valid record survives YAML -> model -> JSON -> model unchanged.
* Arbitrary bytes or text, under any file name, give records or errors: never an exception,
  and the same input always gives the same result.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from decaudit.engine.model import BENEFIT_TYPES, OPTION_KINDS, STATUSES, Record
from decaudit.engine.records import load_file
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# YAML 1.1 reads NEL, LS and PS as line breaks, so PyYAML cannot round-trip them in plain text.
CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff")
text = st.text(CHARS, max_size=30)
name = st.text(CHARS, min_size=1, max_size=20)
# Figures are at most 1e18 in magnitude; amounts (costs, benefits) are 0 or more.
number = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(min_value=-1e18, max_value=1e18, allow_nan=False, width=64),
)
amount = st.one_of(
    st.integers(min_value=0, max_value=10**15),
    st.floats(min_value=0, max_value=1e18, allow_nan=False, width=64),
)
fraction = st.one_of(
    st.integers(min_value=0, max_value=5), st.floats(min_value=0, max_value=5, allow_nan=False)
)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def fields(**kwargs: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A dict with some of the given keys (absent or None ones left out)."""
    return st.fixed_dictionaries({}, optional=kwargs).map(
        lambda d: {k: v for k, v in d.items() if v is not None}
    )


@st.composite
def _benefit(draw: st.DrawFn) -> dict[str, Any]:
    """A benefit with its range in order (low <= projected <= high); a dis-benefit's
    figures are 0 or less, every other benefit's 0 or more."""
    out = draw(
        fields(
            id=name,
            description=text,
            type=st.sampled_from(BENEFIT_TYPES),
            basis=text,
            measured_on=dates,
        )
    )
    low, projected, high = sorted(draw(st.lists(amount, min_size=3, max_size=3)))
    realized = draw(amount)
    dis = draw(st.booleans())
    if dis:
        out["dis_benefit"] = True
        low, projected, high, realized = -high, -projected, -low, -realized
    for key, value in (
        ("low", low),
        ("projected", projected),
        ("high", high),
        ("realized", realized),
    ):
        if draw(st.booleans()):
            out[key] = value
    return out


benefit = _benefit()
cost = fields(id=name, description=text, projected=amount, contingency=fraction, realized=amount)
assumption = st.builds(
    lambda statement, rest: {"statement": statement, **rest},
    text,
    fields(evidence=text, challenged=st.booleans()),
)
case = fields(
    horizon_years=st.integers(min_value=1, max_value=100),
    npv=number,
    roi=number,
    payback_years=amount,
    benefits=st.lists(benefit, max_size=3),
    costs=st.lists(cost, max_size=3),
    assumptions=st.lists(assumption, max_size=2),
    optimism_bias_uplift=fraction,
    scenarios=st.lists(text, max_size=3),
    integration_plan=text,
)
option = st.builds(
    lambda title, rest: {"title": title, **rest},
    text,
    fields(
        id=name,
        kind=st.sampled_from(OPTION_KINDS),
        chosen=st.booleans(),
        description=text,
        rejected_reason=text,
        pros=st.lists(text, max_size=2),
        cons=st.lists(text, max_size=2),
        business_case=case,
    ),
)
waiver = st.builds(
    lambda rule, reason, expires, approver: {
        "rule": rule,
        "reason": reason,
        "expires": expires,
        **({"approver": approver} if approver else {}),
    },
    name,
    name,
    dates,
    optional(name),
)
extras = st.dictionaries(
    st.from_regex(r"x_[a-z]{1,6}", fullmatch=True),
    st.one_of(text, st.integers(-1000, 1000), st.booleans(), st.lists(text, max_size=2)),
    max_size=2,
)
record_data = st.builds(
    lambda did, title, rest, extra: {"id": did, "title": title, **rest, **extra},
    st.text(CHARS, min_size=1, max_size=40),
    st.text(CHARS, min_size=1, max_size=60),
    fields(
        date=dates,
        status=st.sampled_from(STATUSES),
        project_type=name,
        origin=st.sampled_from(["bottom-up", "top-down"]),
        decision_makers=st.lists(name, max_size=3),
        proposed_by=st.lists(name, max_size=2),
        context=text,
        rationale=text,
        options=st.lists(option, max_size=4),
        challenge=fields(
            questions=st.lists(text, max_size=2), alternatives_requested=st.booleans()
        ),
        review=fields(date=dates, notes=text),
        waivers=st.lists(waiver, max_size=2),
        chosen_option=text,
    ),
    extras,
)


def only_record(results: list[SourceRecord | InputError]) -> Record:
    assert len(results) == 1, results
    (src,) = results
    assert isinstance(src, SourceRecord), str(src)
    return src.record


@SETTINGS
@given(record_data)
def test_yaml_model_json_model_roundtrip(data: dict[str, Any]) -> None:
    record = Record.model_validate(data)
    dumped = record.model_dump(mode="json", exclude_none=True)
    as_yaml = yaml.safe_dump(dumped, allow_unicode=True, sort_keys=False)
    from_yaml = only_record(load_file("r.yaml", as_yaml.encode("utf-8")))
    assert from_yaml == record
    as_json = from_yaml.model_dump_json()
    from_json = only_record(load_file("r.json", as_json.encode("utf-8")))
    assert from_json == record
    line = (as_json + "\n").encode("utf-8")
    assert only_record(load_file("r.jsonl", line)) == record


EXTENSIONS = ["r.yaml", "r.yml", "r.json", "r.jsonl", "r.md", "r.markdown", "r.csv", "-", "r.txt"]


def _assert_clean(name: str, data: bytes) -> None:
    first = load_file(name, data)
    assert all(isinstance(r, (SourceRecord, InputError)) for r in first)
    for r in first:
        if isinstance(r, InputError):
            assert r.file == name
            assert r.message and "\n" not in str(r)
    assert load_file(name, data) == first


@SETTINGS
@given(st.sampled_from(EXTENSIONS), st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(name: str, data: bytes) -> None:
    _assert_clean(name, data)


structured_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet='{}[]":,0123456789-.eE truefalsnl\n\\', max_size=200),
    st.text(alphabet="-:#*>|&!%@`'\"[]{}, \n\tabcidtlesopn0123456789", max_size=200),
    st.text(alphabet='#*-\n :"`[]()<!->Chosenoptiabcdegkrsuw0123.', max_size=300),
    st.text(alphabet=',;"\ndecision_idtlopnchx0123.-', max_size=200),
)


@SETTINGS
@given(st.sampled_from(EXTENSIONS), structured_text)
def test_arbitrary_text_never_raises(name: str, data: str) -> None:
    _assert_clean(name, data.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(record_data, st.sampled_from(["r.yaml", "r.json"]))
def test_loaded_lines_point_into_the_file(data: dict[str, Any], name: str) -> None:
    record = Record.model_validate(data)
    dumped = record.model_dump(mode="json", exclude_none=True)
    raw = (
        yaml.safe_dump(dumped, allow_unicode=True)
        if name.endswith(".yaml")
        else Record.model_validate(dumped).model_dump_json(indent=2)
    )
    (src,) = load_file(name, raw.encode("utf-8"))
    assert isinstance(src, SourceRecord)
    count = raw.count("\n") + 1
    assert all(1 <= line <= count for line in src.lines.values())
    for i in range(len(record.options)):
        assert 1 <= src.line_of(("options", i)) <= count


ADR_FRAGMENTS = [
    "---",
    "status: accepted",
    "date: 2024-01-02",
    "deciders: [a, b]",
    "decision-makers: x",
    "# 1. Title",
    "# ADR-0002: Title",
    "Title",
    "=====",
    "-----",
    "## Status",
    "Superseded by [2. X](0002-x.md)",
    "## Context and Problem Statement",
    "## Considered Options",
    "## Rejected Alternatives",
    "## Decision Outcome",
    "## Decision",
    "## Pros and Cons of the Options",
    "### Option A",
    "#### Deeper",
    "* Option A",
    "* **Option B** - text",
    "  * nested",
    "1. [Option C](#c)",
    'Chosen option: "Option A", because reasons.',
    "Chosen option: Option Z, because",
    "Chosen option:",
    "* Good, because x",
    "* Bad: y",
    "* Neutral, because z",
    "| Option | Notes |",
    "| --- | --- |",
    "| Option D | d |",
    "```",
    "<!-- comment",
    "-->",
    "We will use Option A.",
    "",
]


@SETTINGS
@given(st.lists(st.sampled_from(ADR_FRAGMENTS), max_size=40))
def test_adr_like_markdown_never_raises(lines: list[str]) -> None:
    text = "\n".join(lines).encode("utf-8")
    _assert_clean("docs/adr/0001-x.md", text)
    _assert_clean("-", text)
    results = load_file("docs/adr/0001-x.md", text)
    for r in results:
        if isinstance(r, SourceRecord):
            assert sum(o.chosen for o in r.record.options) <= 1


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(json_values, st.sampled_from([None, 0, 1, 2]))
def test_fast_json_path_matches_the_reference_parser(value: Any, indent: int | None) -> None:
    import json

    from decaudit.engine.records.jsontext import parse, parse_slow

    raw = json.dumps(value, indent=indent, ensure_ascii=indent == 1)
    assert parse(raw) == parse_slow(raw)
