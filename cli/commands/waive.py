"""``decaudit waive``: accept a finding for a while, revoke a waiver, list waivers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click
from decaudit.cli.options import (
    count_type,
    db_option,
    db_path,
    fail,
    handle_errors,
    query_format_option,
    settings,
)

CSV_FIELDS = (
    "id",
    "decision_id",
    "rule_id",
    "status",
    "expires",
    "approver",
    "reason",
    "created_at",
    "actor",
    "revoked_by",
    "revoked_at",
    "revoke_reason",
)


def _date(text: str, option: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        day = None
    if day is None or len(text.strip()) != 10:
        from decaudit.engine.errors import DecauditError

        raise DecauditError(f"{option} {text!r}: expected a date as YYYY-MM-DD")
    return day


@click.command("waive")
@click.argument("decision_id", required=False)
@click.argument("rule", required=False)
@click.option("--reason", metavar="TEXT", default=None, help="Why the finding is accepted.")
@click.option("--approver", metavar="NAME", default=None, help="Who approved the waiver.")
@click.option(
    "--expires",
    metavar="YYYY-MM-DD",
    default=None,
    help="Last day the waiver applies (inclusive, UTC).",
)
@click.option(
    "--revoke",
    "revoke_id",
    type=count_type(),
    default=None,
    metavar="WAIVER_ID",
    help="Revoke a waiver (needs --reason).",
)
@click.option("--list", "list_", is_flag=True, help="List waivers: live, expired, revoked.")
@db_option
@query_format_option
@handle_errors
def waive(
    decision_id: str | None,
    rule: str | None,
    reason: str | None,
    approver: str | None,
    expires: str | None,
    revoke_id: int | None,
    list_: bool,
    db: str | None,
    fmt: str,
) -> None:
    """Accept RULE's findings on DECISION_ID until a date, with a reason.

    \b
    decaudit waive DEC-2025-014 ALT001 --reason "..." --approver "Audit committee" \\
        --expires 2026-12-31
    decaudit waive --revoke 3 --reason "strategy review done"
    decaudit waive --list

    Waivers are appended to the audit log (and chained like runs): nothing is ever edited.
    `check` applies live waivers and records which one applied to each finding; after the
    expiry date the finding counts again and says until when it was waived.
    """
    from decaudit.engine.log import AuditLog

    path = db_path(db)
    modes = sum((list_, revoke_id is not None, decision_id is not None))
    if modes != 1:
        fail("give DECISION_ID RULE to waive, --revoke WAIVER_ID, or --list (exactly one)")
    if list_:
        _list(path, fmt)
        return
    if not reason or not reason.strip():
        fail("--reason is required: say why")
    if revoke_id is not None:
        if rule is not None or expires is not None:
            fail("--revoke takes only --reason (and optionally --approver)")
        with AuditLog.open(path, create=False) as log:
            new_id = log.revoke_waiver(revoke_id, reason=reason, approver=approver)
        click.echo(f"waiver {revoke_id} revoked (entry {new_id})")
        return
    if rule is None:
        fail("missing RULE: decaudit waive DECISION_ID RULE --reason ... --expires YYYY-MM-DD")
    if expires is None:
        fail("--expires is required: a waiver always ends (YYYY-MM-DD, inclusive)")
        return
    until = _date(expires, "--expires")
    with AuditLog.open(path) as log:
        _check_rule(rule or "", log)
        waiver_id = log.grant_waiver(
            decision_id or "", rule, reason=reason, approver=approver, expires=until
        )
        known = log.has_decision(decision_id or "")
    if not known:
        click.echo(f"warning: decision {decision_id} has not been audited yet", err=True)
    by = f", approved by {approver}" if approver else ""
    click.echo(f"waiver {waiver_id}: {rule} on {decision_id} waived until {until}{by}")


def _list(path: str, fmt: str) -> None:
    from decaudit.cli.output import Column, output_rows
    from decaudit.engine.log import AuditLog

    today = settings()["today"]
    with AuditLog.read(path) as log:
        items = log.waivers()
    rows = [
        {
            "id": w.id,
            "decision_id": w.decision_id,
            "rule_id": w.rule_id,
            "status": w.status(today),
            "expires": w.expires.isoformat(),
            "approver": w.approver,
            "reason": w.reason,
            "created_at": w.created_at,
            "actor": w.actor,
            "revoked_by": w.revoked_by,
            "revoked_at": w.revoked_at,
            "revoke_reason": w.revoke_reason,
        }
        for w in items
    ]
    output_rows(
        fmt,
        rows,
        fields=CSV_FIELDS,
        table=[
            (Column("ID", right=True), "id"),
            (Column("DECISION", max_width=16), "decision_id"),
            (Column("RULE", max_width=10), "rule_id"),
            (Column("EXPIRES"), "expires"),
            (Column("STATUS"), "status"),
            (Column("APPROVER", max_width=16), lambda r: r["approver"] or ""),
            (Column("REASON", flex=True), "reason"),
        ],
        empty="no waivers in the audit log",
    )


def _check_rule(rule: str, log: Any) -> None:
    """Refuse a rule that no pack in use defines and no logged finding names: a waiver for
    ``ALT02`` would never match anything. Suggests the closest known id or name."""
    import difflib
    from pathlib import Path

    from decaudit.engine.errors import DecauditError
    from decaudit.engine.rules.loader import load_pack

    pack = load_pack(tuple(Path(p) for p in settings()["rules"]))
    known = {name for r in pack.rules for name in (r.info.id, r.info.name)}
    known.update(log.rule_names())
    if rule in known:
        return
    folded = {k.lower(): k for k in known}
    close = folded.get(rule.lower()) or next(
        iter(difflib.get_close_matches(rule, sorted(known), n=1, cutoff=0.6)), None
    )
    hint = f" (did you mean {close}?)" if close else " (see `decaudit rules list`)"
    raise DecauditError(
        f"unknown rule {rule!r}: no rule pack in use defines it and no finding in the log "
        f"names it{hint}"
    )
