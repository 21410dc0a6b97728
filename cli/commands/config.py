"""``decaudit config``: every effective setting and where it came from."""

from __future__ import annotations

import json

import click

from ..options import config_option, format_option, handle_errors, settings


@click.command("config")
@format_option("table", "json")
@config_option
@handle_errors
def config(fmt: str) -> None:
    """Show the effective configuration and the source of each value.

    Sources, highest precedence first: flag, env (DECAUDIT_*), file (.decaudit.toml or
    [tool.decaudit] in pyproject.toml, the nearest one walking up from here), default.
    The secret DECAUDIT_LOG_KEY is shown only as (set) or (not set).
    """
    from decaudit.engine.config import KEYS

    cfg = settings()
    file = str(cfg.file) if cfg.file else None
    if fmt == "json":
        doc = {
            "file": file,
            "digest": cfg.digest,
            "settings": {
                key.display: {
                    "value": cfg.public_values()[key.display],
                    "source": cfg.sources[key.name],
                    "env": key.env,
                }
                for key in KEYS
            },
        }
        click.echo(json.dumps(doc, indent=2, sort_keys=True))
        return
    rows = [(key.display, cfg.display(key.name), cfg.sources[key.name]) for key in KEYS]
    widths = [max(len(row[i]) for row in [("key", "value", "source"), *rows]) for i in range(2)]
    click.echo(f"config file: {file or '(none found; defaults apply)'}")
    click.echo(f"digest:      {cfg.digest}")
    click.echo("")
    click.echo(f"{'key':<{widths[0]}}  {'value':<{widths[1]}}  source")
    click.echo(f"{'-' * widths[0]}  {'-' * widths[1]}  ------")
    for name, value, source in rows:
        click.echo(f"{name:<{widths[0]}}  {value:<{widths[1]}}  {source}")
