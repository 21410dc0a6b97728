"""``decaudit facts FILE``: the facts the rules see for each record in a file."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from ..options import EXIT_ERROR, config_option, fail, handle_errors, settings


def _parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None  # the settings decide: DECAUDIT_TODAY, the config file, or today (UTC)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if value == "":
        return '""'  # an empty text (a message note that says nothing), shown as such
    return str(value)


def _block(title: str, fact: dict[str, Any]) -> list[str]:
    lines = [title]
    shown = {k: v for k, v in fact.items() if k != "_t"}
    width = max((len(k) for k in shown), default=0)
    lines.extend(f"  {key.ljust(width)}  {_scalar(value)}" for key, value in shown.items())
    return lines


def _text(facts_json: dict[str, Any], file: str, line: int, shown: list[str]) -> str:
    decision = facts_json["decision"]
    out = [f"# {decision['did']} ({file}:{line})", ""]
    if shown:
        out += [*shown, ""]
    out += _block("decision", decision)
    for group in ("options", "benefits", "costs", "links"):
        singular = group[:-1]
        for fact in facts_json.get(group, ()):
            out.append("")
            out += _block(f"{singular} {fact['path']}", fact)
    if "member" in facts_json:
        out += ["", *_block("member (among the records of its folder)", facts_json["member"])]
    return "\n".join(out)


def _add_member_facts(docs: list[dict[str, Any]], sources: list[Any], root: str) -> None:
    """Each record's member and link facts (keys ``member``, ``links``), computed among the
    records of its folder as ``check`` computes them for the folder rules."""
    from decaudit.engine.collection import member_of
    from decaudit.engine.conventions import folder_of
    from decaudit.engine.members import CollectionAccumulator

    members = CollectionAccumulator()
    try:
        for src in sources:
            members.add(member_of(src, folder_of(src.file, [root])))
        by_record = {(m.file, m.did): found for m, found in members.facts()}
    finally:
        members.close()
    for doc, src in zip(docs, sources, strict=True):
        found = by_record.get((src.file, src.record.id), [])
        plain = [{k: v for k, v in f.items() if k != "_t"} for f in found]
        for fact, shown in zip(found, plain, strict=True):
            if fact["_t"] == "member":
                doc["member"] = shown
        doc["links"] = [p for f, p in zip(found, plain, strict=True) if f["_t"] == "link"]


def _catalogue_text() -> str:
    from decaudit.engine.facts import CATALOGUE

    out: list[str] = []
    for fact_type, specs in CATALOGUE.items():
        if out:
            out.append("")
        out.append(fact_type)
        width = max(len(name) for name in specs)
        for spec in specs.values():
            out.append(f"  {spec.name.ljust(width)}  {spec.type.ljust(6)}  {spec.doc}")
    return "\n".join(out)


def _catalogue_json() -> dict[str, Any]:
    from decaudit.engine.facts import CATALOGUE

    return {
        fact_type: [{"name": s.name, "type": s.type, "doc": s.doc} for s in specs.values()]
        for fact_type, specs in CATALOGUE.items()
    }


@click.command(name="facts")
@click.argument("file", required=False, metavar="[FILE]")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--list", "list_", is_flag=True, help="Print the fact catalogue (every fact rules can use)."
)
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    callback=_parse_day,
    help="The audit date (for age_days and the like) [default: today in the config file, "
    "$DECAUDIT_TODAY, or today UTC].",
)
@config_option
@handle_errors
def facts(file: str | None, fmt: str, list_: bool, today: dt.date | None) -> None:
    """Show the facts derived from the records in FILE ("-" for stdin).

    Each record gives one decision fact, one option fact per option and one benefit or cost
    fact per business-case line. A record read from a document (Markdown, reStructuredText,
    Word) first shows what was extracted, item by item with its line: status, deciders, each
    option with its pros and cons, the chosen option and how it was recognised, and the
    fields that were inferred rather than read as written (uncertain). With --format json, a
    file holding one record prints one object (keys decision, options, benefits, costs) and
    a file holding several prints a list of such objects. Each record also shows the facts
    the folder rules see (keys member and links): its number, duplicates, copied title and
    replacement among the records of its folder, and whether each link to another decision
    resolves; give a folder as FILE to see them as ``decaudit check`` does. --list prints
    the fact catalogue instead. Unreadable records are reported as FILE:LINE: message and
    exit with status 2.
    """
    if list_:
        if fmt == "json":
            click.echo(json.dumps(_catalogue_json(), indent=2))
        else:
            click.echo(_catalogue_text())
        return
    if file is None:
        fail("missing argument FILE (or use --list)")

    from decaudit.engine.facts import FactContext, derive
    from decaudit.engine.records import iter_sources
    from decaudit.engine.types import InputError

    ctx = FactContext(today=settings(today=today)["today"])
    from .extracted import extracted, extracted_text

    sources: list[Any] = []
    results: list[tuple[dict[str, Any], str, int, list[str]]] = []
    errors: list[InputError] = []
    skipped: list[InputError] = []
    for item in iter_sources([file]):
        if isinstance(item, InputError) and item.kind == "skipped":
            skipped.append(item)
            continue
        if isinstance(item, InputError):
            errors.append(item)
            continue
        doc = derive(item, ctx).as_json()
        shown: list[str] = []
        if item.format not in ("yaml", "json", "jsonl", "csv"):  # read from a document
            doc["extracted"] = extracted(item)
            shown = extracted_text(item)
        results.append((doc, item.file, item.line_of(()), shown))
        sources.append(item)
    _add_member_facts([doc for doc, _, _, _ in results], sources, file)
    if fmt == "json":
        if results:
            docs = [doc for doc, _, _, _ in results]
            payload: Any = docs[0] if len(docs) == 1 else docs
            click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        click.echo(
            "\n\n".join(_text(doc, f, ln, shown) for doc, f, ln, shown in results),
            nl=bool(results),
        )
    for skip in skipped:
        click.echo(f"decaudit: skipped: {skip}", err=True)
    for err in errors:
        click.echo(f"decaudit: error: {err}", err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    if not results:
        fail(f"{file}: no decision record found")
