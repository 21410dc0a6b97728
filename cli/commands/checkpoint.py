"""``decaudit checkpoint -o FILE``: export a signed checkpoint of the log's head."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from decaudit.cli.options import EXIT_FINDINGS, db_option, db_path, fail, handle_errors
from decaudit.engine.files import write_atomic


@click.command("checkpoint")
@click.option(
    "-o",
    "--output",
    "output",
    metavar="FILE",
    required=True,
    help="Where to write the checkpoint JSON ('-' for stdout).",
)
@db_option
@handle_errors
def checkpoint(output: str, db: str | None) -> None:
    """Sign the log's current head (seq, head hash, time) with HMAC-SHA256 under
    $DECAUDIT_LOG_KEY and write it to FILE.

    Keep the file outside the log (an artifact store, another repository): `decaudit verify
    --checkpoint FILE` then detects a cut-off tail or a rewritten log. The log is verified
    first; a log that is not intact is never signed (exit 1).
    """
    from decaudit.engine.log import AuditLog, log_key

    key = log_key()
    target = Path(output)
    if output != "-" and not (target.parent if str(target.parent) else Path(".")).is_dir():
        fail(f"{output}: the directory {target.parent} does not exist")
    if output != "-" and target.is_dir():
        fail(f"{output}: is a directory")
    with AuditLog.open(db_path(db), create=False) as log:
        result = log.verify()
        if result.divergence is not None:
            click.echo(f"log NOT intact, not signing it: {result.divergence}")
            sys.exit(EXIT_FINDINGS)
        cp = log.checkpoint(key)
    if output == "-":
        click.echo(cp.to_json(), nl=False)
        return
    write_atomic(target, cp.to_json())
    click.echo(f"checkpoint: seq {cp.seq}, head {cp.head_hash[:16]}, written to {output}")
