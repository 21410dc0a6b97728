"""``decaudit verify [--checkpoint FILE]``: recompute every row hash and chain link."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from decaudit.cli.options import EXIT_FINDINGS, db_option, db_path, format_option, handle_errors


def _divergence(divergence: Any) -> dict[str, Any]:
    return {
        "table": getattr(divergence, "table", None),
        "row": getattr(divergence, "row", None),
        "detail": getattr(divergence, "detail", str(divergence)),
        "message": str(divergence),
    }


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


@click.command("verify")
@click.option(
    "--checkpoint",
    "checkpoint_file",
    metavar="FILE",
    default=None,
    type=click.Path(dir_okay=False),
    help="Also check the log against a signed checkpoint (needs DECAUDIT_LOG_KEY).",
)
@click.option(
    "--deep",
    is_flag=True,
    help="Also check the full-text index against every finding's message (slower).",
)
@format_option("text", "json")
@db_option
@handle_errors
def verify(checkpoint_file: str | None, deep: bool, fmt: str, db: str | None) -> None:
    """Verify the audit log: every row hash, every chain link, no uncovered rows, and the
    append-only triggers (their SQL, not only their names); with --deep, the full-text
    index too.

    Exit 0 when the log is intact, 1 at the first divergence (named with table, row and
    what differs), 2 when the log or the checkpoint cannot be read.

    Without a checkpoint, a consistent rewrite of the whole log, or removal of the newest
    entries, cannot be detected. With --checkpoint FILE (taken earlier with `decaudit
    checkpoint` and kept elsewhere) both are.

    --format json prints one object: intact, runs, findings, head_hash, head_seq,
    divergence (null when intact) and checkpoint (null without --checkpoint).
    """
    from decaudit.engine.log import AuditLog, load_checkpoint, log_key

    key = cp = None
    if checkpoint_file is not None:
        key = log_key()
        cp = load_checkpoint(checkpoint_file)
    with AuditLog.read(db_path(db)) as log:
        result = log.verify(deep=deep)
        divergence = result.divergence
        if divergence is None and cp is not None and key is not None:
            divergence = log.check_checkpoint(cp, key)
    if fmt == "json":
        doc: dict[str, Any] = {
            "db": db_path(db),
            "intact": divergence is None,
            "runs": result.runs,
            "findings": result.findings,
            "waivers": result.waivers,
            "head_hash": result.head_hash,
            "head_seq": result.head_seq,
            "divergence": None if divergence is None else _divergence(divergence),
            "checkpoint": None
            if cp is None
            else {"seq": cp.seq, "created_at": cp.created_at, "contained": divergence is None},
        }
        click.echo(json.dumps(doc, indent=2))
        if divergence is not None:
            sys.exit(EXIT_FINDINGS)
        return
    if divergence is not None:
        click.echo(f"log NOT intact: {divergence}")
        sys.exit(EXIT_FINDINGS)
    click.echo(
        f"log intact: {_n(result.runs, 'run')}, {_n(result.findings, 'finding')}, "
        f"head {result.head_hash[:16]} ({_n(result.head_seq, 'chain entry', 'chain entries')})"
    )
    if cp is not None:
        click.echo(f"checkpoint seq {cp.seq} of {cp.created_at}: contained in the log")
