"""``decaudit datasette``: the command that browses the audit log read-only with Datasette."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import click
from decaudit.cli.options import db_option, db_path, fail, handle_errors

METADATA_NAME = "datasette-metadata.json"
DATABASE_KEY = "decaudit"  # the metadata is keyed on the database name of decaudit.db


def metadata_file() -> Path:
    """The Datasette metadata shipped in the package (decaudit.engine.log)."""
    from importlib.resources import files

    return Path(str(files("decaudit.engine.log").joinpath(METADATA_NAME)))


def metadata_for(db: Path) -> Path:
    """The metadata for ``db``: the shipped file for a log named ``decaudit.db``; for any
    other name, a copy keyed on that name (Datasette names a database after its file)."""
    shipped = metadata_file()
    name = db.stem
    if name == DATABASE_KEY:
        return shipped
    meta = json.loads(shipped.read_text(encoding="utf-8"))
    meta["databases"] = {name: meta["databases"][DATABASE_KEY]}
    target = Path(tempfile.gettempdir()) / f"decaudit-datasette-{name}.json"
    target.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return target


def command_for(db: Path, port: int | None = None) -> list[str]:
    cmd = ["datasette", "--immutable", str(db), "--metadata", str(metadata_for(db))]
    if port is not None:
        cmd += ["--port", str(port)]
    return cmd


@click.command("datasette")
@click.option("--open", "run", is_flag=True, help="Run the command (Datasette must be installed).")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Port to serve on.")
@db_option
@handle_errors
def datasette(run: bool, port: int | None, db: str | None) -> None:
    """Print the Datasette command that browses the audit log read-only, with decaudit's
    metadata (facets, full-text search on messages, canned queries); --open runs it.

    Datasette is not a decaudit dependency: `pip install datasette`. The log is opened with
    --immutable (read-only); while writers are active, serve a copy made with
    `sqlite3 decaudit.db ".backup snapshot.db"` instead.
    """
    path = Path(db_path(db))
    if not path.is_file():
        fail(f"{path}: no such audit log (run decaudit check first, or give --db)")
    cmd = command_for(path, port)
    if not run:
        click.echo(shlex.join(cmd))
        return
    if shutil.which("datasette") is None:
        shown = shlex.join(cmd)
        fail(f"datasette is not installed (pip install datasette); the command is: {shown}")
    sys.exit(subprocess.call(cmd))
