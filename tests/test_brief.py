"""The approver's brief: what it promises, over the samples and over generated records.

- every brief names the missing breakthrough option where ALT001 or INC001 fired (also when
  a finding carries the other as evidence);
- it quotes every unevidenced, unchallenged assumption BEN010 found;
- it gives the track-record figure whenever the log has one for the project type;
- a well-made decision (nothing above low) gets a short brief: ready, nothing to ask for;
- it never crashes, never cites a rule that did not fire, keeps rule ids out of the body
  and asks at most 7 questions, each with a footnote naming rule, line and source.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from decaudit.engine.brief import Brief, BriefContext, build_brief, covered_rules, render_brief
from decaudit.engine.brief.realism import type_words
from decaudit.engine.brief.wording import amount, clip, money, pct
from decaudit.engine.evaluate import evaluate_records
from decaudit.engine.facts import FactContext, TrackRecord
from decaudit.engine.model import Record
from decaudit.engine.records import iter_sources
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.rules.model import RulePack
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.types import SEVERITY_RANK, Finding, SourceRecord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_facts_strategies import records

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TODAY = dt.date(2026, 6, 30)
BREAKTHROUGH_RULES = {"ALT001", "INC001"}


@cache
def pack() -> RulePack:
    return load_pack()


def rule_ids() -> set[str]:
    return {r.id for r in pack().rules}


def findings_of(
    sources: Sequence[SourceRecord], history: dict[str, dict[str, float]], minimum: int = 3
) -> list[Finding]:
    tracks = {}
    for ptype, ratios in history.items():
        if len(ratios) >= minimum:
            tracks[ptype] = TrackRecord(
                round(statistics.median(ratios.values()), 6), len(ratios), tuple(sorted(ratios))
            )
    ctx = FactContext(today=TODAY, track_records=tracks)
    return evaluate_records(pack(), sources, ctx, OracleEvaluator(pack()))


def fired(src: SourceRecord, findings: Sequence[Finding]) -> set[str]:
    known = {r.id: r.info for r in pack().rules}
    out: set[str] = set()
    for f in findings:
        if f.decision_id == src.record.id and not f.waived:
            out.update(covered_rules(f, known))
    return out


def open_rank(src: SourceRecord, findings: Sequence[Finding]) -> int:
    ranks = [f.rank for f in findings if f.decision_id == src.record.id and not f.waived]
    return max(ranks, default=-1)


def body_of(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("[^"))


def assert_promises(
    src: SourceRecord,
    findings: Sequence[Finding],
    brief: Brief,
    history: dict[str, dict[str, float]],
    minimum: int = 3,
) -> None:
    """Every promise of the brief, for one record."""
    text = render_brief(brief)
    rules = fired(src, findings)
    # never cites a rule that did not fire; rule ids only in footnotes
    assert brief.cited_rules <= rules
    body = body_of(text)
    own_words = src.record.model_dump_json()  # a record may itself name a rule id
    for rid in rule_ids():
        if not re.search(rf"\b{rid}\b", own_words):
            assert not re.search(rf"\b{rid}\b", body), (rid, body)
    assert len(brief.questions) <= 7
    for q in brief.questions:
        assert q.notes, q
    for note in brief.notes:
        assert note.source and note.rule_title
    for n in range(1, len(brief.notes) + 1):  # every footnote is cited in the body
        assert f"[^{n}]" in body
    rank = open_rank(src, findings)
    if rank < SEVERITY_RANK["medium"]:
        # well made: ready, nothing to ask for, short
        assert brief.ready
        assert not brief.asks and not brief.challenges and not brief.questions
        assert "### Ask for" not in text and "### Questions" not in text
        assert len(body.splitlines()) <= (14 if brief.check_first is None else 20), text
        # a breakthrough finding held down by an uncertain reading is still named
        if brief.check_first is not None:
            cited = {brief.notes[n - 1].rule_id for n in brief.check_first.notes}
            if cited & BREAKTHROUGH_RULES:
                assert "breakthrough" in brief.check_first.text
        return
    assert not brief.ready
    assert brief.verdict.startswith("Not ready")
    # the missing breakthrough option is named
    if rules & BREAKTHROUGH_RULES:
        cited = [
            item
            for item in brief.asks
            if {brief.notes[n - 1].rule_id for n in item.notes} & BREAKTHROUGH_RULES
        ]
        assert cited, brief.asks
        assert any("breakthrough" in (i.lead + i.text).lower() for i in cited)
        assert "### Ask for" in text and "breakthrough" in text.split("### Ask for")[1].lower()
    # every unevidenced, unchallenged assumption BEN010 found is quoted
    if "BEN010" in rules:
        chosen = [o for o in src.record.options if o.chosen]
        assert len(chosen) == 1 and chosen[0].business_case is not None
        wanted = [
            clip(a.statement)
            for a in chosen[0].business_case.assumptions
            if not (a.evidence and a.evidence.strip()) and not a.challenged
        ]
        quoted = [q.text for item in brief.challenges for q in item.quotes]
        assert wanted[:25] == quoted
        for statement in wanted[:25]:
            assert f"“{statement}”".replace("*", r"\*") in text or statement in quoted
    # the track-record figure, whenever the log has one for the project type
    ptype = src.record.project_type
    past = {d: r for d, r in history.get(ptype or "", {}).items() if d != src.record.id}
    if ptype and len(past) >= minimum:
        median = statistics.median(past.values())
        figure = f"Your last {len(past)} {type_words(ptype)} decision"
        assert brief.realism is not None
        assert any(figure in s and pct(median) in s for s in brief.realism.sentences)
        assert figure in text


# --- the samples ---------------------------------------------------------------------------


def sample_sources() -> list[SourceRecord]:
    return [s for s in iter_sources([str(SAMPLES)]) if isinstance(s, SourceRecord)]


def sample_history(sources: Sequence[SourceRecord]) -> dict[str, dict[str, float]]:
    """The samples' own measured decisions, as the log would hold them."""
    from decaudit.engine.brief.history import history_of_snapshots
    from decaudit.engine.log.read import Snapshot

    snaps = [
        Snapshot(s.record.id, "", 1, s.file, 1, s.record.model_dump(mode="json")) for s in sources
    ]
    return history_of_snapshots(snaps)


@pytest.mark.parametrize("minimum", [3, 1])
def test_every_sample_brief_keeps_its_promises(minimum: int) -> None:
    sources = sample_sources()
    assert sources
    history = sample_history(sources)
    findings = findings_of(sources, history, minimum)
    ctx = BriefContext.of(pack().infos, TODAY, history, minimum)
    for src in sources:
        brief = build_brief(src, findings, ctx)
        assert_promises(src, findings, brief, history, minimum)


def test_the_samples_cover_each_promise() -> None:
    sources = sample_sources()
    history = sample_history(sources)
    findings = findings_of(sources, history, 1)
    ctx = BriefContext.of(pack().infos, TODAY, history, 1)
    briefs = [build_brief(s, findings, ctx) for s in sources]
    assert any(b.ready for b in briefs)
    assert any(b.asks for b in briefs)
    assert any(q for b in briefs for i in b.challenges for q in i.quotes)
    assert any(b.realism and any("Your last" in s for s in b.realism.sentences) for b in briefs)


# --- generated records ---------------------------------------------------------------------

KINDS = ["do-nothing", "do-minimum", "incremental", "adjacent", "breakthrough"]
_statement = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1)
_assumption = st.fixed_dictionaries(
    {"statement": _statement},
    optional={"evidence": st.sampled_from(["", "pilot data"]), "challenged": st.booleans()},
)
_business_option = st.fixed_dictionaries(
    {"title": st.text(min_size=1, max_size=40), "kind": st.sampled_from(KINDS)},
    optional={
        "rejected_reason": st.sampled_from(["too costly", ""]),
        "business_case": st.fixed_dictionaries(
            {},
            optional={
                "benefits": st.lists(
                    st.fixed_dictionaries(
                        {"projected": st.integers(0, 10**10)},
                        optional={
                            "type": st.sampled_from(["revenue", "synergy", "cost-saving"]),
                            "basis": st.just("pilot"),
                            "realized": st.integers(0, 10**10),
                        },
                    ),
                    max_size=3,
                ),
                "assumptions": st.lists(_assumption, max_size=30),
                "optimism_bias_uplift": st.sampled_from([0, 0.2, 0.6]),
                "scenarios": st.sampled_from([["base"], ["base", "downside"]]),
            },
        ),
    },
)


@st.composite
def business_records(draw: st.DrawFn) -> dict[str, Any]:
    options = draw(st.lists(_business_option, min_size=1, max_size=5))
    chosen = draw(st.integers(0, len(options) - 1))
    options = [{**o, "chosen": i == chosen} for i, o in enumerate(options)]
    return {
        "id": draw(st.sampled_from(["P-1", "P-2", "DEC-9"])),
        "title": draw(st.text(min_size=1, max_size=60)),
        "status": draw(st.sampled_from(["proposed", "accepted", "implemented"])),
        "project_type": draw(st.sampled_from(["it-system", "acquisition", "product-extension"])),
        "currency": draw(st.sampled_from(["GBP", "USD", "CHF", None])),
        "decision_makers": draw(st.sampled_from([["CEO"], []])),
        "options": options,
        "x_uncertain": draw(
            st.sampled_from([None, ["options.kind"], ["chosen", "options"], ["status"]])
        ),
    }


_history = st.dictionaries(
    st.sampled_from(["it-system", "acquisition", "product-extension"]),
    st.dictionaries(
        st.sampled_from(["H-1", "H-2", "H-3", "H-4", "H-5", "P-1"]),
        st.floats(0, 2, allow_nan=False),
        max_size=6,
    ),
    max_size=3,
)


def _check_generated(raw: dict[str, Any], history: dict[str, dict[str, float]]) -> None:
    raw = {k: v for k, v in raw.items() if v is not None}
    src = SourceRecord(record=Record.model_validate(raw), file="d.yaml", format="yaml")
    findings = findings_of([src], history)
    brief = build_brief(src, findings, BriefContext.of(pack().infos, TODAY, history, 3))
    assert_promises(src, findings, brief, history)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=business_records(), history=_history)
def test_generated_business_records_keep_the_promises(
    raw: dict[str, Any], history: dict[str, dict[str, float]]
) -> None:
    _check_generated(raw, history)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=records(), history=_history)
def test_any_record_gives_a_brief_that_keeps_the_promises(
    raw: dict[str, Any], history: dict[str, dict[str, float]]
) -> None:
    _check_generated(raw, history)


# --- merged findings, waivers, wording -----------------------------------------------------


def _record(**extra: Any) -> SourceRecord:
    raw = {
        "id": "P-7",
        "title": "Respond to the new entrant",
        "status": "proposed",
        "project_type": "product-extension",
        "options": [
            {"title": "Refresh the app", "kind": "incremental", "chosen": True},
            {"title": "Cut fees", "kind": "incremental", "rejected_reason": "margin"},
        ],
        **extra,
    }
    return SourceRecord(record=Record.model_validate(raw), file="p.yaml", format="yaml")


def _finding(rule_id: str, severity: str = "high", **evidence: Any) -> Finding:
    return Finding(
        rule_id=rule_id,
        rule_name="x",
        severity=severity,
        family="alternatives",
        decision_id="P-7",
        file="p.yaml",
        line=1,
        path="$",
        message="m",
        evidence=evidence,
    )


def test_a_merged_finding_still_names_the_breakthrough_option() -> None:
    src = _record()
    merged = _finding("ALT002", severity="high", merged=[{"rule_id": "INC001"}])
    brief = build_brief(src, [merged], BriefContext.of(pack().infos, TODAY))
    assert brief.cited_rules == {"ALT002", "INC001"}
    assert any("breakthrough" in (i.lead + i.text).lower() for i in brief.asks)


def test_a_folded_finding_is_cited_at_its_own_line() -> None:
    src = _record()
    related = [{"rule": "INC001", "severity": "medium", "path": "$", "line": 9}]
    dominant = _finding("ALT002", severity="high", related=related)
    brief = build_brief(src, [dominant], BriefContext.of(pack().infos, TODAY))
    lines = {n.rule_id: n.line for n in brief.notes}
    assert lines == {"ALT002": 1, "INC001": 9}
    assert any("breakthrough" in (i.lead + i.text).lower() for i in brief.asks)


def test_a_waived_finding_is_not_asked_about() -> None:
    from dataclasses import replace

    from decaudit.engine.types import WaiverRef

    src = _record()
    waived = replace(_finding("ALT001"), waiver=WaiverRef("record", "deadline", None, "2030-01-01"))
    brief = build_brief(src, [waived], BriefContext.of(pack().infos, TODAY))
    assert brief.ready and not brief.notes


def test_findings_of_other_records_and_unknown_rules_are_ignored() -> None:
    src = _record()
    other = replace_decision(_finding("ALT001"), "OTHER")
    unknown = _finding("XYZ001")
    brief = build_brief(src, [other, unknown], BriefContext.of(pack().infos, TODAY))
    assert brief.ready


def replace_decision(f: Finding, did: str) -> Finding:
    from dataclasses import replace

    return replace(f, decision_id=did)


@pytest.mark.parametrize(
    ("value", "currency", "text"),
    [
        (1_234_567, "GBP", "£1.2m"),
        (350_000, "USD", "$350k"),
        (4_000_000, "EUR", "€4m"),
        (8_500, "GBP", "£8.5k"),
        (950, None, "950"),
        (2_500_000_000, "USD", "$2.5bn"),
        (-1_200_000, "GBP", "-£1.2m"),
        (999_960, "GBP", "£1m"),
        (120_000_000, "CHF", "CHF 120m"),
    ],
)
def test_money_is_rounded_as_a_finance_team_would(value: float, currency: str, text: str) -> None:
    assert money(value, currency) == text


def test_amounts_and_percentages() -> None:
    assert amount(float("inf")) == "unknown"
    assert pct(0.41) == "41%"
    assert pct(1.0) == "100%"
    assert pct(0.004) == "0.4%"


def test_record_text_cannot_break_the_markdown() -> None:
    src = _record(title="*Bold* [link](http://x) | pipe <b>")
    brief = build_brief(src, [_finding("ALT001")], BriefContext.of(pack().infos, TODAY))
    text = render_brief(brief)
    assert "](http" not in text.replace(r"\](http", "")
    assert "<b>" not in text


def test_a_long_document_is_cut_with_a_note_and_builds_no_brief_past_the_cut() -> None:
    from decaudit.engine.brief import render_document

    src = _record()
    ctx = BriefContext.of(pack().infos, TODAY)
    one = build_brief(src, [_finding("ALT001")], ctx)
    size = len(render_brief(one, prefix="1-").encode())
    built = []

    def lazy() -> Any:
        for i in range(100):
            built.append(i)
            yield one

    text = render_document(lazy(), count=100, max_bytes=size * 3)
    assert text.count("## Brief: ") == 2
    assert text.endswith("*98 more brief(s) left out to stay under " + f"{size * 3:,} bytes.*\n")
    assert len(built) == 3


def test_a_finding_held_down_by_an_uncertain_reading_is_checked_first() -> None:
    src = _record(x_uncertain=["options.kind"])
    findings = findings_of([src], {})
    assert {f.rule_id for f in findings} >= {"ALT001"}
    assert all(f.severity in ("low", "info") for f in findings)
    brief = build_brief(src, findings, BriefContext.of(pack().infos, TODAY))
    assert brief.ready and not brief.asks and not brief.questions
    assert brief.verdict.startswith("Ready to decide on what the record states for certain")
    assert brief.check_first is not None
    assert "what kind of option each one is" in brief.check_first.text
    assert "no breakthrough option was put forward" in brief.check_first.text
    assert "### Check first" in render_brief(brief)
