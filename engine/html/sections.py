"""The sections of the governance report, one function each: ``ReportData`` in, HTML out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..calibration import FEW, UNSPECIFIED, distribution
from ..types import FAMILIES, SEVERITIES
from .data import MIX_KINDS, SEVERITY_WEIGHTS, FindingRow, ReportData
from .markup import (
    FAMILY_COLORS,
    KIND_COLORS,
    SEVERITY_COLORS,
    Links,
    anchor,
    decision_link,
    html_figure,
    html_note,
    html_section,
    html_table,
    money,
    pct,
    sev_badge,
    when,
)
from .svg import Bar, Point, Series, esc, hbar_chart, scatter_chart, stacked_chart

NO_DATA = "No data yet"
MAX_BARS = 40  # bars in the per-decision cost chart (the table lists every decision)
MAX_ROWS = 500  # rows in the tables of new and resolved findings


def summary_section(data: ReportData) -> str:
    sev = data.open_by_severity
    open_total = sum(sev.values())
    chips = " ".join(f'<span class="chip">{sev_badge(s)} {n}</span>' for s, n in sev.items() if n)
    bt, known = data.breakthrough_share
    median = data.median_realization
    measured = len(data.outcomes)
    implemented = sum(d.status == "implemented" for d in data.decisions)
    reviewed = sum(d.status == "implemented" and d.outcome is not None for d in data.decisions)
    # (label, value, markup: every string from the log is escaped before it lands here)
    cards = [
        (
            "Runs",
            str(len(data.runs)),
            esc(f"latest #{data.runs[-1].id}, {when(data.runs[-1].started_at)}"),
        ),
        ("Decisions audited", str(len(data.decisions)), "latest snapshot of each"),
        ("Open findings", str(open_total), chips or "none"),
        ("Waived findings", str(data.waived_count), "waived when last audited"),
        (
            "Breakthrough choices",
            pct(bt / known) if known else "–",
            f"{bt} of {known} chosen options",
        ),
        (
            "Median realization",
            pct(median),
            f"of projected benefits, over {measured} decision(s)"
            if measured
            else "no realized benefits yet",
        ),
        (
            "Benefits measured",
            pct(reviewed / implemented) if implemented else "–",
            f"{reviewed} of {implemented} implemented decisions",
        ),
    ]
    html_cards = "".join(
        f'<div class="card"><div class="label">{esc(label)}</div>'
        f'<div class="value">{esc(value)}</div><div class="sub">{sub}</div></div>'
        for label, value, sub in cards
    )
    return html_section(
        "summary",
        "Summary",
        "The current state: each decision as last audited, with the findings of that run.",
        f'<div class="cards">{html_cards}</div>',
    )


def findings_section(data: ReportData) -> str:
    fams = data.by_family
    if not fams:
        return html_section(
            "findings",
            "Findings by family and rule",
            "",
            html_note("No findings in the current state."),
        )
    fam_bars = [
        Bar(f, o, FAMILY_COLORS.get(f, "#64748b"), f"{o} open, {w} waived", extra=w)
        for f, o, w in fams
    ]
    fam_chart = hbar_chart(
        "chart-families",
        fam_bars,
        title="Findings by family",
        desc="; ".join(f"{f}: {o} open, {w} waived" for f, o, w in fams),
        label_width=110,
        width=640,
        integer=True,
    )
    fam_table = html_table(
        "Findings by family",
        ["family", "open", "waived"],
        ([esc(f), str(o), str(w)] for f, o, w in fams),
        {1, 2},
    )
    rules = data.by_rule
    rule_bars = [
        Bar(
            f"{r.rule_id} {r.rule_name}",
            r.open,
            SEVERITY_COLORS.get(r.severity, "#9ca3af"),
            f"{r.open} open, {r.waived} waived" if r.waived else str(r.open),
            extra=r.waived,
        )
        for r in rules
    ]
    rule_chart = hbar_chart(
        "chart-rules",
        rule_bars,
        title="Findings by rule",
        desc="; ".join(f"{r.rule_id}: {r.open} open, {r.waived} waived" for r in rules),
        label_width=260,
        integer=True,
    )
    rule_table = html_table(
        "Findings by rule",
        ["rule", "name", "family", "severity", "open", "waived"],
        (
            [
                esc(r.rule_id),
                esc(r.rule_name),
                esc(r.family),
                sev_badge(r.severity),
                str(r.open),
                str(r.waived),
            ]
            for r in rules
        ),
        {4, 5},
    )
    legend = " ".join(sev_badge(s) for s in reversed(SEVERITIES))
    body = (
        '<div class="pair">'
        + html_figure(fam_chart, "Open findings per family; waived ones in grey.")
        + fam_table
        + "</div>"
        + html_figure(
            rule_chart, "Findings per rule; colour is the rule's severity, waived in grey."
        )
        + f"<p>Severity colours: {legend}</p>"
        + rule_table
    )
    families = ", ".join(FAMILIES)
    return html_section(
        "findings",
        "Findings by family and rule",
        f"Families: {esc(families)}. Counts are the current state (open and waived).",
        body,
    )


def _finding_rows(
    findings: Sequence[FindingRow], links: Links, record_file: str = ""
) -> list[list[str]]:
    rows = []
    for f in findings:
        if f.waived:
            by = f" by {f.waiver_approver}" if f.waiver_approver else ""
            status = (
                f'<span class="waived">waived until {esc(f.waiver_expires)}</span>'
                f'<span class="reason">{esc(f.waiver_reason)}{esc(by)}</span>'
            )
        elif f.expired_waiver_until:
            status = f'open<span class="reason">waiver expired {esc(f.expired_waiver_until)}</span>'
        else:
            status = "open"
        rows.append(
            [
                sev_badge(f.severity),
                f"{esc(f.rule_id)} <span class='kind'>{esc(f.rule_name)}</span>",
                f'<span class="msg">{esc(f.message)}</span>',
                f'<span class="loc">{esc(f.path)}</span>',
                links.loc(f.file, f.line, short=bool(record_file) and f.file == record_file),
                status,
            ]
        )
    return rows


def risk_section(data: ReportData, links: Links, top: int) -> str:
    weights = ", ".join(f"{s} {w}" for s, w in SEVERITY_WEIGHTS.items())
    lead = (
        "Risk score = the sum of the severity weights of a decision's open findings in the "
        f"latest run that audited it ({esc(weights)}); waived findings weigh nothing."
    )
    if not data.decisions:
        return html_section(
            "risk", "Decisions ranked by risk", lead, html_note("No decisions audited.")
        )
    detailed = [d for d in data.decisions if d.findings][: max(top, 0)]
    detailed_ids = {d.decision_id for d in detailed}
    summary_rows = []
    for rank, d in enumerate(data.decisions, 1):
        counts = {s: 0 for s in SEVERITIES}
        for f in d.open_findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        by_sev = " ".join(
            f'<span class="chip">{sev_badge(s)} {counts[s]}</span>'
            for s in reversed(SEVERITIES)
            if counts.get(s)
        )
        did = decision_link(d.decision_id, detailed_ids)  # a link when detailed below
        summary_rows.append(
            [
                str(rank),
                f'<span id="{anchor(d.decision_id)}-row">{did}</span>',
                esc(d.title),
                esc(d.status or "–"),
                esc(d.project_type or "–"),
                f'<span class="score">{d.score}</span>',
                by_sev or "none",
                links.loc(d.file, d.line),
            ]
        )
    table = html_table(
        "All decisions, highest risk first",
        ["#", "decision", "title", "status", "project type", "score", "open findings", "record"],
        summary_rows,
        {0, 5},
    )
    articles = []
    for d in detailed:
        kind = ""
        if d.chosen_title:
            inferred = " (inferred)" if d.kind_inferred else ""
            kind = (
                f" · chosen: {esc(d.chosen_title)} "
                f"<span class='kind'>[{esc(d.chosen_kind)}{inferred}]</span>"
            )
        meta = (
            f"{esc(d.status or 'no status')} · {esc(d.project_type or 'no project type')}"
            f" · {esc(d.date.isoformat() if d.date else 'undated')}{kind}"
            f" · record {links.loc(d.file, d.line)} · run #{d.run_id}"
        )
        figures = []
        if d.outcome is not None:
            figures.append(
                f"realized {pct(d.outcome.realization)} of projected benefits "
                f"({money(d.outcome.realized_benefits)} of {money(d.outcome.projected_benefits)})"
            )
        if d.costs is not None:
            figures.append(
                f"costs at {pct(d.costs.overrun)} of projection "
                f"({money(d.costs.realized)} of {money(d.costs.projected)})"
            )
        if figures:
            meta += f'<br><span class="kind">{esc("; ".join(figures))}</span>'
        findings = html_table(
            f"Findings of {d.decision_id}",
            ["severity", "rule", "message", "JSON path", "source", "status"],
            _finding_rows(d.findings, links, d.file),
            set(),
        )
        articles.append(
            f'<article class="decision" id="{anchor(d.decision_id)}">'
            f"<h3>{esc(d.decision_id)}: {esc(d.title)} "
            f'<span class="score-badge">risk score {d.score}</span></h3>'
            f'<p class="meta">{meta}</p>{findings}</article>'
        )
    more = len([d for d in data.decisions if d.findings]) - len(detailed)
    tail = (
        html_note(f"{more} more decision(s) with findings are listed in the table only (--top).")
        if more > 0
        else ""
    )
    portfolio = ""
    if data.portfolio_findings:
        portfolio = "<h3>Portfolio-level findings (latest run)</h3>" + html_table(
            "Portfolio-level findings",
            ["severity", "rule", "message", "JSON path", "source", "status"],
            _finding_rows(data.portfolio_findings, links),
            set(),
        )
    return html_section(
        "risk",
        "Decisions ranked by risk",
        lead,
        table + portfolio + "<h3>Findings per decision</h3>" + "".join(articles) + tail,
    )


def benefits_section(data: ReportData) -> str:
    title = "Predicted versus realized benefits"
    lead = (
        "For each decision whose chosen option has benefits with both a projected and a "
        "realized figure: the sum of those lines, projected against realized. Points under the "
        "1:1 line fell short of their business case."
    )
    outcomes = data.outcomes
    if not outcomes:
        return html_section(
            "benefits",
            title,
            lead,
            html_note(
                f"{NO_DATA}: no audited decision records realized benefits on its chosen option."
            ),
        )
    median = data.median_realization
    points = [
        Point(
            o.projected_benefits,
            o.realized_benefits,
            f"{d.decision_id}: projected {money(o.projected_benefits)}, realized "
            f"{money(o.realized_benefits)} ({pct(o.realization)})",
            f"#{anchor(d.decision_id)}-row",
            d.decision_id,
        )
        for d, o in outcomes
    ]
    desc = f"{len(points)} decisions. Median realization ratio {pct(median)}. " + "; ".join(
        f"{d.decision_id}: {pct(o.realization)}" for d, o in outcomes[:50]
    )
    chart = scatter_chart(
        "chart-benefits",
        points,
        title="Projected versus realized benefits per decision",
        desc=desc,
        x_label="projected benefits",
        y_label="realized benefits",
        median_ratio=median,
        tick_format=money,
    )
    rows = sorted(outcomes, key=lambda p: p[1].realization)
    table = html_table(
        "Benefits per decision, lowest realization first",
        ["decision", "title", "project type", "projected", "realized", "realization"],
        (
            [
                f'<a href="#{anchor(d.decision_id)}-row">{esc(d.decision_id)}</a>',
                esc(d.title),
                esc(d.project_type or "–"),
                f"{o.projected_benefits:,.0f}",
                f"{o.realized_benefits:,.0f}",
                pct(o.realization),
            ]
            for d, o in rows
        ),
        {3, 4, 5},
    )
    caption = (
        f"Dashed grey: 1:1 (realized as projected). Orange: the organisation's median "
        f"realization ratio ({pct(median)})."
    )
    return html_section(
        "benefits", title, lead, html_figure(chart, caption) + table + _track_record(data)
    )


def _track_record(data: ReportData) -> str:
    """Realization by project type: the history rule BEN009 holds new proposals to."""
    groups: dict[str, dict[str, float]] = {}
    for d, o in data.outcomes:
        groups.setdefault(d.project_type or UNSPECIFIED, {})[d.decision_id] = o.realization
    rows = []
    for ptype, ratios in sorted(groups.items()):
        dist = distribution(ratios)
        if dist is None:
            continue
        rows.append(
            [
                esc(ptype),
                str(dist.count),
                pct(dist.p25),
                pct(dist.median),
                pct(dist.p75),
                f"too few (&lt; {FEW})" if dist.few else "",
                esc(", ".join(dist.decisions)),
            ]
        )
    table = html_table(
        "Realization by project type",
        ["project type", "decisions", "p25", "median", "p75", "note", "decisions"],
        rows,
        {1, 2, 3, 4},
    )
    return (
        "<h3>Track record by project type</h3>"
        '<p class="lead">The organisation\'s own reference class: new proposals of a type are '
        "held to its median by rule BEN009 (<code>decaudit calibration</code> has the full "
        "figures).</p>" + table
    )


def _overrun_color(ratio: float) -> str:
    return "#dc2626" if ratio > 1.2 else "#f59e0b" if ratio > 1 else "#10b981"


def costs_section(data: ReportData) -> str:
    title = "Cost overrun"
    lead = (
        "Realized / projected costs of the chosen option, over the cost lines with both "
        "figures. 100% is on budget; the dashed line at 120% is the benefit-shortfall threshold."
    )
    rows = sorted(data.cost_outcomes, key=lambda p: (-p[1].overrun, p[0].decision_id))
    if not rows:
        return html_section(
            "costs", title, lead, html_note(f"{NO_DATA}: no realized costs recorded.")
        )
    shown = rows[:MAX_BARS]
    bars = [
        Bar(
            d.decision_id,
            c.overrun * 100,
            _overrun_color(c.overrun),
            pct(c.overrun),
            f"#{anchor(d.decision_id)}-row",
        )
        for d, c in shown
    ]
    chart = hbar_chart(
        "chart-costs",
        bars,
        title="Cost overrun per decision (realized / projected costs)",
        desc="; ".join(f"{d.decision_id}: {pct(c.overrun)}" for d, c in shown),
        label_width=200,
        reference=((100.0, "on budget"), (120.0, "120%")),
        value_format="{:g}%",
    )
    caption = "Green within budget, amber over, red over 120%."
    if len(rows) > len(shown):
        caption += f" The {len(shown)} largest overruns of {len(rows)}; the table lists all."
    table = html_table(
        "Costs per decision, largest overrun first",
        ["decision", "title", "projected costs", "realized costs", "overrun"],
        (
            [
                f'<a href="#{anchor(d.decision_id)}-row">{esc(d.decision_id)}</a>',
                esc(d.title),
                f"{c.projected:,.0f}",
                f"{c.realized:,.0f}",
                pct(c.overrun),
            ]
            for d, c in rows
        ),
        {2, 3, 4},
    )
    return html_section("costs", title, lead, html_figure(chart, caption) + table)


def mix_section(data: ReportData) -> str:
    title = "Portfolio mix of chosen options"
    lead = (
        "The kind of each decision's chosen option (given, or inferred from its text), by the "
        "quarter of the decision date. The 70/20/10 rule of thumb puts about 10% on "
        "breakthrough choices."
    )
    if not data.mix:
        return html_section(
            "mix", title, lead, html_note(f"{NO_DATA}: no decision has a chosen option.")
        )
    kinds = [k for k in MIX_KINDS if any(q.counts.get(k) for q in data.mix)]
    series = [Series(k, KIND_COLORS[k]) for k in kinds]
    values = [[q.counts.get(k, 0) for k in kinds] for q in data.mix]
    desc = "; ".join(
        f"{q.quarter}: " + ", ".join(f"{q.counts[k]} {k}" for k in kinds if q.counts.get(k))
        for q in data.mix
    )
    chart = stacked_chart(
        "chart-mix",
        [q.quarter for q in data.mix],
        series,
        values,
        title="Chosen option kinds per quarter",
        desc=desc,
    )
    overall = {k: sum(q.counts.get(k, 0) for q in data.mix) for k in kinds}
    rows = [(q.quarter, q.counts) for q in data.mix if any(q.counts.values())]
    table = html_table(
        "Chosen option kinds per period (periods without decisions left out)",
        ["period", *kinds, "total", "breakthrough share"],
        (
            [
                esc(name),
                *(str(counts.get(k, 0)) for k in kinds),
                str(sum(counts.values())),
                _share(counts),
            ]
            for name, counts in [*rows, ("all", overall)]
        ),
        set(range(1, len(kinds) + 3)),
    )
    note = (
        html_note(
            f"{data.no_choice} decision(s) without exactly one chosen option are not counted."
        )
        if data.no_choice
        else ""
    )
    return html_section(
        "mix",
        title,
        lead,
        html_figure(chart, "Decisions per quarter, by chosen kind.") + table + note,
    )


def _share(counts: Mapping[str, int]) -> str:
    known = sum(n for k, n in counts.items() if k != "unknown")
    bt = counts.get("breakthrough", 0) + counts.get("replace-own-business", 0)
    return pct(bt / known) if known else "–"


def changes_section(data: ReportData, links: Links) -> str:
    title = "What changed since the previous run"
    ch = data.changes
    if ch.latest is None or ch.previous is None:
        return html_section(
            "changes", title, "", html_note("Only one run so far: nothing to compare.")
        )
    latest_id, previous_id = ch.latest.id, ch.previous.id
    lead = (
        f"Findings of run #{ch.latest.id} ({esc(when(ch.latest.started_at))}) against run "
        f"#{ch.previous.id} ({esc(when(ch.previous.started_at))}), matched by fingerprint (rule, "
        f"decision, JSON path): {len(ch.new)} new, {len(ch.resolved)} resolved, "
        f"{ch.unchanged} unchanged."
    )
    known = {d.decision_id for d in data.decisions}
    head = ["severity", "rule", "decision", "message", "source"]

    def rows(findings: Sequence[FindingRow]) -> Iterable[list[str]]:
        for f in findings:
            yield [
                sev_badge(f.severity),
                esc(f.rule_id),
                decision_link(f.decision_id, known),
                esc(f.message),
                links.loc(f.file, f.line),
            ]

    def listing(what: str, findings: Sequence[FindingRow]) -> str:
        if not findings:
            return f"<h3>{what}</h3>" + html_note("None.")
        out = f"<h3>{what}</h3>" + html_table(
            what, head, rows(findings[:MAX_ROWS]), set(), caption_visible=False
        )
        if len(findings) > MAX_ROWS:
            out += html_note(
                f"The first {MAX_ROWS} of {len(findings)}, by severity; "
                f"decaudit diff {previous_id} {latest_id} lists them all."
            )
        return out

    body = listing("New findings", ch.new) + listing("Resolved findings", ch.resolved)
    if ch.not_reaudited:
        body += html_note(
            f"{ch.not_reaudited} finding(s) of the previous run belong to decisions the latest "
            "run did not audit; they are neither new nor resolved."
        )
    return html_section("changes", title, lead, body)


def runs_section(data: ReportData, limit: int = 50) -> str:
    runs = list(reversed(data.runs))[:limit]
    table = html_table(
        "Runs, latest first",
        ["run", "started", "tool", "command", "actor", "records", "findings", "errors", "exit"],
        (
            [
                f"#{r.id}",
                esc(when(r.started_at)),
                esc(r.tool_version),
                f'<span class="loc">{esc(r.command)}</span>',
                esc(r.actor),
                str(r.record_count),
                str(r.finding_count),
                str(r.error_count),
                "–" if r.exit_status is None else str(r.exit_status),
            ]
            for r in runs
        ),
        {5, 6, 7, 8},
    )
    more = len(data.runs) - len(runs)
    return html_section(
        "runs",
        "Runs",
        "The audit runs this report is built from (check the log's integrity with "
        "<code>decaudit verify</code>).",
        table + (html_note(f"{more} older run(s) not listed.") if more > 0 else ""),
    )
