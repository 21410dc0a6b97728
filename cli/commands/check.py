"""``decaudit check PATH...``: audit records, print the findings, log the run."""

from __future__ import annotations

import os
import shlex
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from decaudit.engine.vocab import OUTPUT_FORMATS

from ..options import (
    MAX_JOBS,
    SEVERITY_CHOICES,
    RegistryChoice,
    db_option,
    fail,
    handle_errors,
    settings,
    split_list,
)
from ..terminal import CheckProgress, echo_err
from ..terminal import use_color as color_on


class CheckCommand(click.Command):
    """Keeps the raw arguments, so -f/--format and -o/--output pair in command-line order."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["decaudit.argv"] = list(args)
        return super().parse_args(ctx, args)


def _pair_outputs(
    argv: list[str], formats: tuple[str, ...], outputs: tuple[str, ...]
) -> list[tuple[str | None, str | None]]:
    """Pair each --output with the --format given just before it (by command-line order);
    an --output before any --format goes with the next one, or with the default format."""
    kinds: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--":
            break
        for short, long, kind in (("-f", "--format", "f"), ("-o", "--output", "o")):
            if arg in (short, long):
                kinds.append(kind)
                skip = True
            elif arg.startswith(long + "=") or (arg.startswith(short) and len(arg) > 2):
                kinds.append(kind)
    if kinds.count("f") != len(formats) or kinds.count("o") != len(outputs):
        # Could not tell the order (combined short flags...): pair them by position.
        pairs_in_order: list[tuple[str | None, str | None]] = [(f, None) for f in formats]
        for i, out in enumerate(outputs):
            if i < len(pairs_in_order):
                pairs_in_order[i] = (pairs_in_order[i][0], out)
            else:
                pairs_in_order.append((None, out))
        return pairs_in_order
    fmt_iter, out_iter = iter(formats), iter(outputs)
    pairs: list[list[str | None]] = []
    for kind in kinds:
        if kind == "f":
            value = next(fmt_iter)
            if pairs and pairs[-1][0] is None:
                pairs[-1][0] = value
            else:
                pairs.append([value, None])
        else:
            value = next(out_iter)
            if pairs and pairs[-1][1] is None:
                pairs[-1][1] = value
            else:
                pairs.append([None, value])
    return [(f, o) for f, o in pairs]


@click.command(cls=CheckCommand)
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    type=RegistryChoice(OUTPUT_FORMATS),
    help="Output format, repeatable [default: format in the config file, or text].",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Write the preceding --format to FILE instead of stdout. Repeatable.",
)
@click.option(
    "--fail-on",
    type=click.Choice([*SEVERITY_CHOICES, "never"]),
    default=None,
    help="Exit 1 when a finding is at or above this severity [default: high].",
)
@click.option(
    "--min-severity",
    type=click.Choice(list(SEVERITY_CHOICES)),
    default=None,
    help="Show only findings at or above this severity [default: info].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the check.")
@click.option("--select", multiple=True, metavar="IDS", help="Run only these rules or families.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules or families.")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Add the rule pack in DIR. Repeatable.",
)
@click.option("--baseline", metavar="FILE", help="Report only findings not in this baseline.")
@click.option("--write-baseline", metavar="FILE", help="Write every finding to a baseline file.")
@db_option
@click.option("--no-log", is_flag=True, help="Do not append this run to the audit log.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Filter files named on the command line like folder walks: the configured paths, "
    "extensions and exclude apply, hidden files and files with no decision record are "
    "skipped (for pre-commit hooks).",
)
@click.option(
    "--today",
    metavar="DATE",
    help="Audit as of this date (YYYY-MM-DD), for reproducible results [default: today UTC].",
)
@click.option(
    "--max-file-size",
    metavar="SIZE",
    help=(
        "Refuse larger files (in JSON Lines and large CSV registers: larger lines) [default: 10MB]."
    ),
)
@click.option(
    "--sheet",
    metavar="NAME",
    default=None,
    help="The worksheet of Excel (.xlsx) registers to read [default: the first].",
)
@click.option(
    "--sarif-include-waived",
    is_flag=True,
    help="Emit waived findings in SARIF as suppressed results.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0, max=MAX_JOBS),
    default=None,
    metavar="N",
    help="Evaluate records in N worker processes; 0: one per CPU [default: 1].",
)
@click.option(
    "--sarif-category",
    metavar="NAME",
    default=None,
    help="SARIF automationDetails.id, to keep uploads of several checks apart "
    "[default: decaudit/check/].",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Exit 0 when no decision record is found (by default that is an error, exit 2).",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Follow symbolic links that lead outside the folders being walked.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Print only the summary line (and errors, on stderr)."
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Also list skipped files and the time of each stage."
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour text output, even when piped [default: on a TTY, unless NO_COLOR is set; "
    "FORCE_COLOR forces it].",
)
@handle_errors
def check(
    paths: tuple[str, ...],
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    fail_on: str | None,
    min_severity: str | None,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    rules_dirs: tuple[str, ...],
    baseline: str | None,
    write_baseline: str | None,
    db: str | None,
    no_log: bool,
    force_exclude: bool,
    today: str | None,
    max_file_size: str | None,
    sheet: str | None,
    sarif_include_waived: bool,
    jobs: int | None,
    sarif_category: str | None,
    allow_empty: bool,
    follow_symlinks: bool,
    quiet: bool,
    verbose: bool,
    color: bool | None,
) -> None:
    """Audit decision records in PATH... (files, folders, or - for stdin).

    Folders are searched recursively for record files (the extensions setting; by default
    .yaml, .yml, .json, .jsonl, .md, .markdown, .mdx, .rst, .csv, .docx and .xlsx).
    Findings are printed and the run is appended to the audit log.

    Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 a usage, config,
    rule, input or I/O error (unreadable files are reported and the rest is still audited).
    """
    from decaudit.engine.baseline import BaselineSpool, load_baseline
    from decaudit.engine.baseline import write_baseline as save_baseline
    from decaudit.engine.check import CheckOptions, run_check
    from decaudit.engine.records.limits import NAMES as LIMIT_NAMES
    from decaudit.engine.records.limits import Limits
    from decaudit.engine.report import ReportOptions, needs_records
    from decaudit.engine.report.outputs import get_writer

    ctx = click.get_current_context()
    flags: dict[str, Any] = {
        "fail_on": fail_on,
        "min_severity": min_severity,
        "select": list(split_list(select)) or None,
        "ignore": list(split_list(ignore)) or None,
        "rules": list(rules_dirs) or None,
        "baseline": baseline,
        "db": db,
        "today": today,
        "max_file_size": max_file_size,
        "log": False if no_log else None,
    }
    cfg = settings(**flags)
    values = cfg.values
    if force_exclude and paths and values["paths"]:
        # a hook passes every staged file: keep those under the configured paths
        kept = tuple(p for p in paths if _under(p, values["paths"]))
        if verbose:
            for p in paths:
                if p not in kept:
                    echo_err(f"skipped {p}: not under the configured paths")
        paths = kept
    else:
        paths = paths or tuple(values["paths"])
        if not paths:
            fail("no PATH given (try: decaudit check decisions/)")

    pairs = _pair_outputs(ctx.meta.get("decaudit.argv", []), formats, outputs)
    default_format = values["format"]
    plan = [(fmt or default_format, out) for fmt, out in pairs] or [(default_format, None)]
    if sum(1 for _, out in plan if out in (None, "-")) > 1:
        fail("only one --format can go to stdout: give the others an --output FILE")
    for fmt, _ in plan:
        get_writer(fmt)  # an unknown format is an error before the run

    baseline_set = load_baseline(Path(values["baseline"])) if values.get("baseline") else None
    log_on = values["log"]
    needs_findings = not quiet or bool(write_baseline) or any(out for _, out in plan)
    spool = _spool(needs_findings, [fmt for fmt, _ in plan])
    baseline_spool = BaselineSpool() if write_baseline else None  # on disk, written at the end
    opts = CheckOptions(
        paths=tuple(paths),
        rules_dirs=tuple(Path(p) for p in values["rules"]),
        select=tuple(values["select"]),
        ignore=tuple(values["ignore"]),
        severities=values["severity"],
        params=values["params"],
        fail_on=values["fail_on"],
        min_severity=values["min_severity"],
        db=values["db"] if log_on else None,
        history_db=values["db"],
        today=values["today"],
        max_file_size=values["max_file_size"],
        history_min=values["history_min_decisions"],
        convention_share=values["convention_share"],
        convention_min_records=values["convention_min_records"],
        baseline=baseline_set,
        command=shlex.join(["decaudit", "check", *ctx.meta.get("decaudit.argv", [])]),
        config_digest=cfg.digest,
        keep_findings=needs_findings,
        findings_sink=spool,
        select_file=cfg.selects,
        collect_all=bool(write_baseline),
        all_sink=baseline_spool,
        stdin=sys.stdin.buffer if "-" in paths else None,
        jobs=1 if jobs is None else jobs,
        keep_records=any(needs_records(fmt) for fmt, _ in plan),
        keep_records_max=_brief_records(plan),
        sheet=sheet,
        force_exclude=force_exclude,
        allow_empty=allow_empty,
        follow_symlinks=follow_symlinks,
        limits=Limits(**{name: values[name] for name in LIMIT_NAMES}),
    )
    progress, hooks = _hooks(opts, cfg.selects, quiet=quiet, verbose=verbose)
    use_color = color_on(color, sys.stdout, os.environ)

    def report_options(fmt: str, to_stdout: bool) -> ReportOptions:
        return ReportOptions(
            color=use_color and to_stdout and fmt == "text",
            sarif_include_waived=sarif_include_waived,
            sarif_category=sarif_category,
            quiet=quiet,
        )

    from decaudit.engine.report.outputs import stdout_part

    stdout = stdout_part()
    try:
        result = run_check(opts, hooks)
        result = replace(result, config_file=str(cfg.file) if cfg.file else None)
        if write_baseline:
            save_baseline(Path(write_baseline), baseline_spool or result.all_findings)
        started_outputs = time.perf_counter()
        _write_outputs(result, plan, report_options, progress, spool, stdout)
    finally:
        _close(progress, spool)
        if baseline_spool is not None:
            baseline_spool.close()
    _echo_stdout(stdout, use_color, any(out in (None, "-") for _, out in plan))
    outputs_time = time.perf_counter() - started_outputs
    stdout_formats = {fmt for fmt, out in plan if out in (None, "-")}
    shown = not quiet and "text" in stdout_formats
    if result.errors and not (shown and _same_terminal()):
        for err in result.errors:  # errors always reach stderr, whatever the formats and -q
            echo_err(str(err))
    if verbose:
        _timings(result, outputs_time)
    code = result.exit_code
    if exit_zero and code == 1:
        code = 0
    ctx.exit(code)


def _same_terminal() -> bool:
    """stdout and stderr are the same terminal (the text report's errors are seen there)."""
    try:
        if not (os.isatty(1) and os.isatty(2)):
            return False
        return os.path.samestat(os.fstat(1), os.fstat(2))
    except OSError:
        return False


def _hooks(
    opts: Any, selects: Any, *, quiet: bool, verbose: bool
) -> tuple[CheckProgress | None, Any]:
    """The progress bar (on a terminal, unless -q) and the run's hooks (-v lists skips)."""
    from decaudit.engine.check import CheckHooks

    progress = None
    if not quiet and sys.stderr.isatty():
        from decaudit.engine.records.sources import count_files

        progress = CheckProgress(count_files(opts.paths, selects))

    def skipped(path: str, reason: str) -> None:
        if verbose:
            (progress.message if progress else echo_err)(f"skipped {path}: {reason}")
        if progress is not None:
            progress.skip(path, reason)

    return progress, CheckHooks(
        record=progress.record if progress else None,
        phase=progress.phase if progress else None,
        skip=skipped if verbose or progress else None,
    )


def _close(*held: Any) -> None:
    for item in held:
        if item is not None:
            item.close()


def _brief_records(plan: list[tuple[str, str | None]]) -> int | None:
    """How many records the run keeps for ``-f brief``: the most its document can show."""
    from decaudit.engine.report import needs_records

    if not any(needs_records(fmt) for fmt, _ in plan):
        return None
    from decaudit.engine.report.brief import KEEP_RECORDS

    return KEEP_RECORDS


def _spool(needed: bool, formats: list[str]) -> Any:
    """Where the run's findings wait for the outputs: on disk (none when not needed)."""
    if not needed:
        return None
    from decaudit.engine.report.spool import FindingSpool

    return FindingSpool(track_duplicates="gitlab" in formats)


def _write_outputs(
    result: Any,
    plan: list[tuple[str, str | None]],
    options: Any,
    progress: CheckProgress | None,
    spool: Any,
    stdout: Any,
) -> None:
    """Write every output from one pass over the findings: files through a temporary file
    each, the standard output's document to ``stdout`` (printed by the caller once the
    progress bar is gone)."""
    from decaudit.engine.report.outputs import Output, write_outputs

    outputs = [
        Output(fmt, None if out in (None, "-") else out, options(fmt, out in (None, "-")))
        for fmt, out in plan
    ]
    if progress is not None:
        progress.outputs(len(outputs))
        progress.output(", ".join(f"{o.format} -> {o.path or 'stdout'}" for o in outputs))
    findings = spool.marked() if spool is not None else iter(())
    warnings = write_outputs(
        result,
        outputs,
        findings,
        stdout,
        on_done=(lambda _: progress.output_done()) if progress is not None else None,
    )
    for warning in warnings:
        echo_err(f"warning: {warning}")


def _echo_stdout(part: Any, color: bool, wanted: bool) -> None:
    """The standard output's document, copied out in blocks of whole lines (an empty one
    prints an empty line, as ``click.echo("")`` does)."""
    from decaudit.engine.report.outputs import text_blocks

    if not wanted:
        part.close()
        return
    last = ""
    for block in text_blocks(part):
        click.echo(block, nl=False, color=color)
        last = block[-1:]
    if last != "\n":
        click.echo("", color=color)
    part.close()


def _under(path: str, folders: Any) -> bool:
    """Whether ``path`` is one of ``folders`` or inside one of them."""
    resolved = Path(path).resolve()
    for folder in folders:
        top = Path(folder).resolve()
        if resolved == top or top in resolved.parents:
            return True
    return False


def _timings(result: Any, outputs: float) -> None:
    stages = {**result.timings, "outputs": outputs}
    total = sum(stages.values())
    rate = result.record_count / stages["records"] if stages.get("records") else 0.0
    parts = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in stages.items())
    echo_err(
        f"timings: {parts}; total {total:.2f}s "
        f"({result.record_count:,} record{'' if result.record_count == 1 else 's'}, "
        f"{rate:,.0f} records/s)"
    )
