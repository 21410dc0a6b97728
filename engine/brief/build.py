"""Build the approver's brief of one record from its findings, the rules' brief texts, the
reference classes and the organisation's track record.

A finding counts for its own rule and for every rule its evidence names (a finding that
absorbed overlapping ones keeps their ids as evidence), so the brief asks for what each of
them asks for. Only rules that fired are cited.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..facts import FactContext, TrackRecord, derive
from ..packdata import References, references
from ..types import Finding, RuleInfo, SourceRecord
from ..vocab import SEVERITY_RANK
from .model import MAX_QUESTIONS, Brief, Item, Note, Quote
from .realism import History, chosen_case, comparison, currency_of, realism, track_for
from .texts import Values, ask_text, question_text, reason_text, source_text, values_for
from .wording import clip, count, join_words

PAST = frozenset({"accepted", "implemented", "superseded", "rejected", "withdrawn"})
SECTION_ORDER = {"ask": 0, "challenge": 1, "realism": 2, "review": 3, "question": 4}
MAX_QUOTES = 25
MAX_REASONS = 3
READY_BELOW = SEVERITY_RANK["medium"]  # ready when every open finding is below this
SHOWN_FROM = SEVERITY_RANK["low"]


@dataclass(frozen=True)
class BriefContext:
    """What every brief of a run shares: the rules, reference classes and track record."""

    rules: Mapping[str, RuleInfo]
    today: dt.date
    history: History = field(default_factory=dict)
    min_history: int = 3
    references: References = field(default_factory=references)

    @classmethod
    def of(
        cls,
        rules: Iterable[RuleInfo],
        today: dt.date,
        history: History | None = None,
        min_history: int = 3,
    ) -> BriefContext:
        return cls({r.id: r for r in rules}, today, history or {}, min_history)


def is_proposal(status: str | None) -> bool:
    return status == "proposed"


def covered_rules(finding: Finding, known: Mapping[str, RuleInfo]) -> list[str]:
    """The finding's rule, then every other known rule id its evidence names."""
    return [rule_id for rule_id, _ in covered(finding, known)]


def _folded(finding: Finding, rule_id: str, entry: Mapping[str, Any] | None) -> Finding:
    """The finding of ``rule_id`` folded into ``finding``, at its own line and path, with its
    own evidence (its parameters...) to fill its rule's words, when the entry has them."""
    line, path, evidence = finding.line, finding.path, finding.evidence
    if entry is not None:
        got_line, got_path = entry.get("line"), entry.get("path")
        if isinstance(got_line, int) and not isinstance(got_line, bool) and got_line > 0:
            line = got_line
        if isinstance(got_path, str) and got_path.startswith("$"):
            path = got_path
        got_evidence = entry.get("evidence")
        if isinstance(got_evidence, Mapping):
            evidence = dict(got_evidence)
    return replace(finding, rule_id=rule_id, line=line, path=path, evidence=evidence)


def covered(finding: Finding, known: Mapping[str, RuleInfo]) -> list[tuple[str, Finding]]:
    """The finding for its own rule, then one for each other known rule its evidence names.

    A finding that absorbed related ones carries them in its evidence (``related``: rule,
    path, line...); each becomes a finding of its own rule at its own line, so the brief
    cites it where it is.
    """
    out: list[tuple[str, Finding]] = [(finding.rule_id, finding)]
    seen = {finding.rule_id}

    def add(rule_id: str, entry: Mapping[str, Any] | None) -> None:
        if rule_id not in seen:
            seen.add(rule_id)
            out.append((rule_id, _folded(finding, rule_id, entry)))

    def walk(value: Any, depth: int = 0) -> None:
        if depth > 4:
            return
        if isinstance(value, str):
            if value in known:
                add(value, None)
        elif isinstance(value, Mapping):
            named = value.get("rule", value.get("rule_id"))
            if isinstance(named, str) and named in known:
                add(named, value)
            for item in value.values():
                walk(item, depth + 1)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, depth + 1)

    walk(dict(finding.evidence))
    return out


@dataclass
class _Group:
    """Findings of one topic: one item of the brief."""

    key: str
    info: RuleInfo
    finding: Finding
    rank: int
    notes: list[int] = field(default_factory=list)
    same: int = 0  # further findings of the lead rule in this group (other lines)


class _Builder:
    def __init__(self, src: SourceRecord, findings: Sequence[Finding], ctx: BriefContext) -> None:
        self.src, self.ctx = src, ctx
        self.record = src.record
        self.notes: list[Note] = []
        self.note_index: dict[tuple[str, str, int], int] = {}
        own = [f for f in findings if f.decision_id == self.record.id and not f.waived]
        self.open = [f for f in own if f.rank >= SHOWN_FROM and f.rule_id in ctx.rules]
        self.ready = not any(f.rank >= READY_BELOW for f in self.open)
        self.past = self.record.status in PAST
        self.track = track_for(
            ctx.history, self.record.project_type, self.record.id, ctx.min_history
        )
        tracks = {}
        if self.track is not None:
            tracks[self.track.project_type] = TrackRecord(self.track.ratio, self.track.count, ())
        fctx = FactContext(today=ctx.today, references=ctx.references, track_records=tracks)
        facts = derive(src, fctx)
        self.decision = facts.decision
        self.by_path: dict[str, Mapping[str, Any]] = {
            str(f.get("path")): f for f in facts.all() if "path" in f
        }
        self.currency = currency_of(self.record)
        self.uncertain = [f for f in self.open if f.evidence.get("uncertain")]

    def note(self, info: RuleInfo, finding: Finding) -> int:
        key = (info.id, finding.file, finding.line)
        got = self.note_index.get(key)
        if got is None:
            note = Note(info.id, info.title, finding.file, finding.line, source_text(info))
            self.notes.append(note)
            got = self.note_index[key] = len(self.notes)
        return got

    def values(self, finding: Finding) -> Values:
        return values_for(finding, self.by_path, self.decision, self.currency)

    def groups(self) -> list[_Group]:
        pairs: list[tuple[RuleInfo, Finding, int]] = []
        for finding in self.open:
            for rule_id, each in covered(finding, self.ctx.rules):
                pairs.append((self.ctx.rules[rule_id], each, finding.rank))

        def order(p: tuple[RuleInfo, Finding, int]) -> tuple[Any, ...]:
            info, finding, rank = p
            section = SECTION_ORDER.get((info.brief.section if info.brief else "question"), 4)
            return (-rank, section, info.id, finding.line, finding.path)

        groups: dict[str, _Group] = {}
        for info, finding, rank in sorted(pairs, key=order):
            key = (info.brief.topic if info.brief and info.brief.topic else None) or info.id
            if key == info.id and info.brief is None:
                key = f"{info.id}:{finding.path}"
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(key, info, finding, rank)
            elif info.id == group.info.id and finding.path != group.finding.path:
                group.same += 1
            n = self.note(info, finding)
            if n not in group.notes:
                group.notes.append(n)
        return list(groups.values())

    def quotes(self, group: _Group) -> tuple[tuple[Quote, ...], int]:
        if not group.info.brief or group.info.brief.quote != "unchallenged-assumptions":
            return (), 0
        got = chosen_case(self.record)
        if got is None:
            return (), 0
        index = self.record.options.index(got[0])
        out = []
        for j, a in enumerate(got[1].assumptions):
            if (a.evidence and a.evidence.strip()) or a.challenged:
                continue
            loc = ("options", index, "business_case", "assumptions", j)
            line = self.src.lines.get(loc, 0) if self.src.lines else 0
            out.append(Quote(clip(a.statement), line))
        return tuple(out[:MAX_QUOTES]), max(0, len(out) - MAX_QUOTES)

    def item(self, group: _Group, text: str) -> Item:
        lead, rest = _split_lead(text)
        if group.same:
            rest += f" The same holds for {count(group.same, 'other line')} of the record."
        quotes, left = self.quotes(group)
        return Item(lead, rest, tuple(group.notes), quotes, left)

    def check_first(self) -> Item | None:
        """The uncertain parts of the record, and what the audit says if they are as read."""
        if not self.uncertain:
            return None
        fields: list[str] = []
        reasons: list[str] = []
        notes: list[int] = []
        for f in self.uncertain:
            names = f.evidence.get("uncertain")
            for name in names if isinstance(names, list | tuple) else ():
                words = field_words(str(name))
                if words not in fields:
                    fields.append(words)
            info = self.ctx.rules[f.rule_id]
            if SEVERITY_RANK.get(info.severity, 0) >= READY_BELOW:
                reason = reason_text(info, self.values(f))
                if reason not in reasons:
                    reasons.append(reason)
                n = self.note(info, f)
                if n not in notes:
                    notes.append(n)
        text = (
            f"These parts of the record were inferred, not read as written: {join_words(fields)}."
        )
        if reasons:
            text += f" If they are as read, {join_words(reasons)}."
        return Item("", text, tuple(notes))

    def build(self) -> Brief:
        rec = self.record
        if self.ready:
            return _renumber(self._ready())
        groups = self.groups()
        asks: list[Item] = []
        challenges: list[Item] = []
        questions: list[Item] = []
        realism_notes: list[int] = []
        review_notes: list[int] = []
        for group in groups:
            section = group.info.brief.section if group.info.brief else "question"
            values = self.values(group.finding)
            if section == "ask":
                asks.append(self.item(group, ask_text(group.info, values)))
            elif section == "challenge":
                challenges.append(self.item(group, ask_text(group.info, values)))
            elif section == "realism":
                realism_notes.extend(n for n in group.notes if n not in realism_notes)
            elif section == "review":
                review_notes.extend(n for n in group.notes if n not in review_notes)
            if len(questions) < MAX_QUESTIONS:
                text = question_text(group.info, values)
                if all(q.text != text for q in questions):
                    questions.append(Item("", text, tuple(group.notes)))
        reasons: list[str] = []
        for group in groups:
            reason = reason_text(group.info, self.values(group.finding))
            if reason not in reasons:
                reasons.append(reason)
        shown = reasons[:MAX_REASONS]
        more = len(reasons) - len(shown)
        if more:
            shown.append(count(more, "other issue"))
        head = "Not ready when it was decided" if self.past else "Not ready to decide yet"
        verdict = f"{head}: {join_words(shown)}."
        real = realism(rec, self.ctx.references, self.track)
        if real is not None:
            real = _with_notes(real, realism_notes)
        comp = comparison(rec, self.ctx.today, past=self.past)
        if comp is not None:
            comp = _with_notes(comp, review_notes)
        brief = Brief(
            decision_id=rec.id,
            title=rec.title,
            file=self.src.file,
            line=self.src.line_of(()),
            status=rec.status,
            ready=False,
            verdict=verdict,
            asks=tuple(asks),
            challenges=tuple(challenges),
            realism=real,
            comparison=comp,
            questions=tuple(questions),
            notes=tuple(self.notes),
            past=self.past,
            check_first=self.check_first(),
        )
        return _renumber(brief)

    def _ready(self) -> Brief:
        rec = self.record
        if self.past:
            verdict = "Well made: nothing material was missing when it was decided."
        else:
            verdict = "Ready to decide: nothing material is missing, nothing to ask for."
        check = self.check_first()
        if check is not None and check.notes:
            head = "Well made" if self.past else "Ready to decide"
            verdict = (
                f"{head} on what the record states for certain; check the inferred parts below."
            )
        return Brief(
            decision_id=rec.id,
            title=rec.title,
            file=self.src.file,
            line=self.src.line_of(()),
            status=rec.status,
            ready=True,
            verdict=verdict,
            realism=realism(rec, self.ctx.references, self.track, short=True),
            comparison=comparison(rec, self.ctx.today, past=self.past, short=True),
            notes=tuple(self.notes),
            past=self.past,
            check_first=check,
        )


def _renumber(brief: Brief) -> Brief:
    """Keep only the footnotes the body cites, numbered in the order they are first cited."""
    order: dict[int, int] = {}

    def cite(notes: Sequence[int]) -> tuple[int, ...]:
        for n in notes:
            order.setdefault(n, len(order) + 1)
        return tuple(order[n] for n in notes)

    check = brief.check_first
    check = replace(check, notes=cite(check.notes)) if check else None
    asks = tuple(replace(i, notes=cite(i.notes)) for i in brief.asks)
    challenges = tuple(replace(i, notes=cite(i.notes)) for i in brief.challenges)
    real = replace(brief.realism, notes=cite(brief.realism.notes)) if brief.realism else None
    comp = brief.comparison
    comp = replace(comp, notes=cite(comp.notes)) if comp else None
    questions = tuple(replace(i, notes=cite(i.notes)) for i in brief.questions)
    notes = [brief.notes[old - 1] for old, _ in sorted(order.items(), key=lambda kv: kv[1])]
    return replace(
        brief,
        asks=asks,
        challenges=challenges,
        realism=real,
        comparison=comp,
        questions=questions,
        notes=tuple(notes),
        check_first=check,
    )


FIELD_WORDS = {
    "chosen": "which option was chosen",
    "chosen_option": "which option was chosen",
    "options": "the list of options",
    "options.kind": "what kind of option each one is",
    "options.chosen": "which option was chosen",
    "decision_makers": "who decided",
    "status": "the status",
    "date": "the date",
    "rationale": "the reasons given",
    "project_type": "the project type",
}


def field_words(name: str) -> str:
    """``options[2].pros`` -> ``option 3 (its pros)``; known names in plain words."""
    if name in FIELD_WORDS:
        return FIELD_WORDS[name]
    m = re.fullmatch(r"options\[(\d+)\](?:\.(\w+))?", name)
    if m:
        what = f"option {int(m.group(1)) + 1}"
        return f"{what} (its {m.group(2).replace('_', ' ')})" if m.group(2) else what
    return name.replace("_", " ").replace(".", ", ")


def _split_lead(text: str) -> tuple[str, str]:
    """``"A breakthrough option. Ask for..."`` -> (``A breakthrough option``, ``Ask for...``)."""
    head, sep, rest = text.partition(". ")
    if sep and rest and len(head) <= 80:
        return head, rest
    return "", text


def _with_notes(part: Any, notes: list[int]) -> Any:
    return replace(part, notes=tuple(notes)) if notes else part


def build_brief(src: SourceRecord, findings: Sequence[Finding], ctx: BriefContext) -> Brief:
    """The brief of one record. ``findings`` may hold other records' findings: only this
    record's open (not waived) findings of known rules count."""
    return _Builder(src, findings, ctx).build()


def iter_briefs(
    sources: Iterable[SourceRecord], findings: Iterable[Finding], ctx: BriefContext
) -> Iterator[Brief]:
    """The brief of each record, in order, built as asked; findings are grouped once."""
    by_decision: dict[str, list[Finding]] = {}
    for f in findings:
        by_decision.setdefault(f.decision_id, []).append(f)
    for s in sources:
        yield build_brief(s, by_decision.get(s.record.id, []), ctx)


def build_briefs(
    sources: Iterable[SourceRecord], findings: Iterable[Finding], ctx: BriefContext
) -> list[Brief]:
    """The brief of each record, in order."""
    return list(iter_briefs(sources, findings, ctx))
