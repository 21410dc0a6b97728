"""The finding sections of the governance report, one function each: ``ReportData`` in,
HTML out. The outcome sections are in ``outcomes.py``, the history ones in ``changes.py``."""

from __future__ import annotations

from collections.abc import Sequence

from ..vocab import FAMILIES, SEVERITIES
from .data import SEVERITY_WEIGHTS, FindingRow, ReportData
from .markup import (
    FAMILY_COLORS,
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
from .svg import Bar, esc, hbar_chart


def summary_section(data: ReportData) -> str:
    sev = data.open_by_severity
    open_total = sum(sev.values())
    chips = " ".join(f'<span class="chip">{sev_badge(s)} {n}</span>' for s, n in sev.items() if n)
    bt, known = data.breakthrough_share
    median = data.median_realization
    measured = len(data.outcomes)
    implemented, reviewed = data.implemented, data.reviewed
    # (label, value, markup: every string from the log is escaped before it lands here)
    cards = [
        (
            "Runs",
            str(len(data.runs)),
            esc(f"latest #{data.runs[-1].id}, {when(data.runs[-1].started_at)}"),
        ),
        ("Decisions audited", str(data.decision_count), "latest snapshot of each"),
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
                f'<span class="waived">waived until {esc(f.waiver_expires or "")}</span>'
                f'<span class="reason">{esc(f.waiver_reason or "")}{esc(by)}</span>'
            )
        elif f.expired_waiver_until:
            status = f'open<span class="reason">waiver expired {esc(f.expired_waiver_until)}</span>'
        else:
            status = "open"
        rows.append(
            [
                sev_badge(f.severity),
                f"{esc(f.rule_id)} <span class='kind'>{esc(f.rule_name or '')}</span>",
                f'<span class="msg">{esc(f.message)}</span>',
                f'<span class="loc">{esc(f.path or "")}</span>',
                links.loc(
                    f.file or "", f.line or 0, short=bool(record_file) and f.file == record_file
                ),
                status,
            ]
        )
    return rows


def risk_section(data: ReportData, links: Links) -> str:
    weights = ", ".join(f"{s} {w}" for s, w in SEVERITY_WEIGHTS.items())
    lead = (
        "Risk score = the sum of the severity weights of a decision's open findings in the "
        f"latest run that audited it ({esc(weights)}); waived findings weigh nothing."
    )
    if not data.decision_count:
        return html_section(
            "risk", "Decisions ranked by risk", lead, html_note("No decisions audited.")
        )
    detailed = data.detailed
    detailed_ids = {d.decision_id for d in detailed}
    summary_rows = []
    for rank, d in enumerate(data.decisions, 1):
        counts = d.open_counts
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
    listed = len(data.decisions)
    caption = (
        "All decisions, highest risk first"
        if listed >= data.decision_count
        else f"The {listed} highest-risk decisions of {data.decision_count}"
    )
    table = html_table(
        caption,
        ["#", "decision", "title", "status", "project type", "score", "open findings", "record"],
        summary_rows,
        {0, 5},
    )
    if listed < data.decision_count:
        table += html_note(
            f"{data.decision_count - listed} more decision(s) ranked lower are not listed: "
            "decaudit report --all lists every decision, and decaudit datasette browses "
            "them all in the log."
        )
    from .brief import brief_html, brief_of, context

    ctx = context(data)
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
        brief = brief_of(d, ctx)
        articles.append(
            f'<article class="decision" id="{anchor(d.decision_id)}">'
            f"<h3>{esc(d.decision_id)}: {esc(d.title)} "
            f'<span class="score-badge">risk score {d.score}</span></h3>'
            f'<p class="meta">{meta}</p>{findings}'
            f"{brief_html(brief, d.decision_id) if brief else ''}</article>"
        )
    more = data.with_findings - len(detailed)
    tail = (
        html_note(
            f"{more} more decision(s) with findings are not detailed here "
            "(--top N details the first N)."
        )
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
