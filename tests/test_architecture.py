"""The architecture in docs/architecture.md, held by tests: the layers and what each may
import, the one reader and writer of the log, the dependency-free vocabulary, and small
modules that say what they do."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(ROOT / "engine").rglob("*.py"), *(ROOT / "cli").rglob("*.py")])

# The rooms of the engine, lowest first: a module may import only from its own room or from
# rooms before it. (docs/architecture.md, "Rooms and what each may import".)
ORDER = (
    "engine",  # engine/__init__.py: the version
    "vocab",  # names: severities, families, exit codes, format registries
    "jsonfast",  # json.dumps as one prebuilt C encoder (the standard library only)
    "errors",
    "native",  # durable_rules' C extension, loaded with a message that says what to do
    "hints",  # how messages show values and suggest names
    "clock",
    "interrupt",  # Ctrl-C: what was written, and the commit it must not cut
    "files",
    "runstate",  # a run's state per record on disk (private temporary SQLite databases)
    "model_values",  # the record model's value checks (fast path)
    "model_schema",  # the record model's pydantic reference: errors, JSON Schema
    "model",  # the record model (plain frozen classes, pydantic only when needed)
    "types",  # values passed between stages
    "isolation",  # one record's unexpected exception becomes that record's error
    "safeyaml",
    "packdata",
    "config",  # settings: defaults, file, environment, flags
    "calibration",  # pure statistics
    "actuals",  # recorded figures applied to a record (pure)
    "choice",  # which listed option a stated choice names
    "log",  # the only code that opens or queries the audit log
    "records",  # readers: files -> SourceRecord
    "facts",  # SourceRecord -> facts
    "rules",  # rule files -> RulePack
    "filenumbers",  # the decision number a file name carries
    "doclinks",  # links in a decision's text, and which name a decision
    "supersededby",  # what a superseded decision names as its replacement
    "collection",  # folder facts: members and links
    "members",  # the members of a run's folders, looked up at the end of the run
    "foldertree",  # folder labels: ancestors, merging into the folder above
    "process",  # folders that say how their decisions are taken (GOV002)
    "conventions",  # convention findings, once per folder
    "related",  # related findings folded into the dominant one
    "uncertain",  # findings on uncertain extraction capped
    "findings",
    "waivers",  # record and log waivers applied to findings
    "evaluate",  # facts + rules -> findings (durable_rules)
    "history",  # log read side -> calibration
    "recording",  # measured figures checked, then appended to the log
    "produce",  # one record through every per-record stage, log rows included
    "figures",  # files of measured figures (CSV, Excel)
    "reviews",  # benefits reviews that fall due
    "parallel",
    "ruletests",  # rule examples through the evaluator
    "brief",  # the approver's brief
    "baseline",
    "report",  # output formats of check
    "html",  # the governance report
    "tally",  # where each finding of a run goes; the run's totals; the end-of-run findings
    "check",  # the pipeline
    "cli",  # the command line, on top of everything
)


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _room(module: str) -> str:
    parts = module.split(".")
    return "cli" if parts[0] == "cli" else (parts[1] if len(parts) > 1 else "engine")


def _imports(path: Path) -> list[tuple[int, str]]:
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = (node.module or "").removeprefix("decaudit.")
            out.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name.removeprefix("decaudit.")) for a in node.names]
    return [(line, t) for line, t in out if t.split(".")[0] in ("engine", "cli")]


def test_every_room_is_placed() -> None:
    rooms = {_room(_module(p)) for p in SOURCES}
    assert rooms <= set(ORDER), f"place these in ORDER and the docs: {rooms - set(ORDER)}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_go_down_the_layers(path: Path) -> None:
    own = ORDER.index(_room(_module(path)))
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for line, target in _imports(path)
        if ORDER.index(_room(target)) > own
    ]
    assert not wrong, wrong


def test_only_the_log_room_talks_to_sqlite() -> None:
    offenders = []
    for path in SOURCES:
        if _room(_module(path)) in ("log", "runstate"):  # runstate: never the audit log
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("sqlite3.connect(", ".execute(", ".executescript(", "sqlite_utils"):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle}")
    assert not offenders, offenders


def test_the_vocabulary_imports_only_the_standard_library() -> None:
    tree = ast.parse((ROOT / "engine" / "vocab.py").read_text(encoding="utf-8"))
    imported = {
        (n.module or "") if isinstance(n, ast.ImportFrom) else a.name
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in (n.names if isinstance(n, ast.Import) else [n])  # type: ignore[attr-defined]
    }
    assert imported <= {"__future__", "collections.abc"}, imported


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_are_small_and_say_what_they_do(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 500, "split it by job (modules stay under 500 lines)"
    if path.name != "__init__.py" or text.strip():
        assert ast.get_docstring(ast.parse(text)), "start the module with a docstring"
