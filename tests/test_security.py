"""Security: record and rule files are data, templates cannot reach attributes, queries are
parameterised.

- YAML tags that construct Python objects (``!!python/object/apply``, ``!!python/name``),
  custom tags and merge keys are refused with a located error; nothing runs.
- Keys like ``$include`` or ``!include`` are plain data: no other file is ever read.
- ``--rules`` names any folder the user chooses (paths are not sandboxed: a rule file is data
  and cannot run code); a rule file that is a symlink to a non-rule file fails cleanly and
  its content is not echoed.
- Message templates: ``${__class__}``, ``{0.__globals__}`` are rejected at load or stay
  literal text.
- Hostile ``findings`` filters return nothing or a clean error, and the log is unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.errors import RuleFileError
from decaudit.engine.evaluate import Evaluator, record_findings
from decaudit.engine.facts import FactContext
from decaudit.engine.records import load_file
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.types import InputError, SourceRecord

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "aurora-premium-tier.yaml"
TODAY = "2026-01-01"

RULE = """\
id: SEC001
name: security-probe
title: A probe rule
family: hygiene
severity: high
rationale: Test.
remediation: None.
references: [{{title: Probe reference}}]
target: decision
when: {{fact: option_count, op: gte, value: 1}}
message: "{message}"
examples:
  - name: one option
    expect: flagged
    record: {{id: EX-SEC-1, title: Probe, options: [{{title: Keep going}}]}}
  - {{name: no option, expect: clean, record: {{id: EX-SEC-2, title: Probe}}}}
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.output


# -- record files ---------------------------------------------------------------------------

CODE_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!include {marker}",
    "!ENV ${{HOME}}",
    "!!binary aGVsbG8=",
]


@pytest.mark.parametrize("tag", CODE_TAGS)
def test_record_yaml_tags_never_construct_objects(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    text = f"id: DEC-1\ntitle: Probe\ncontext: {tag.format(marker=marker)}\n"
    (item,) = load_file("probe.yaml", text.encode())
    assert isinstance(item, InputError)
    assert item.line == 3 and "tag" in item.message
    code, out = run("check", str(write(tmp_path / "probe.yaml", text)), "--no-log")
    assert code == 2
    assert "probe.yaml:3:" in out
    assert not marker.exists()


def test_record_merge_keys_are_refused(tmp_path: Path) -> None:
    text = (
        "base: &b {kind: breakthrough}\nid: DEC-1\ntitle: Merge\noptions:\n"
        "  - title: Platform\n    <<: *b\n"
    )
    (item,) = load_file("merge.yaml", text.encode())
    assert isinstance(item, InputError)
    assert item.line == 6 and "merge" in item.message


@pytest.mark.parametrize("key", ["$include", "include", "$ref", "!include"])
def test_include_like_keys_are_plain_data(tmp_path: Path, key: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT\n")
    text = f'id: DEC-1\ntitle: Include probe\n"{key}": {secret}\ncontext: x\n'
    path = write(tmp_path / "inc.yaml", text)
    (item,) = load_file(str(path), path.read_bytes())
    assert isinstance(item, SourceRecord)
    assert item.record.context == "x"
    for fmt in ("json", "jsonl", "sarif", "text"):
        code, out = run("check", str(path), "--no-log", "--today", TODAY, "-f", fmt)
        assert code in (0, 1)
        assert "TOP-SECRET-CONTENT" not in out


def test_json_record_with_dunder_keys_is_plain_data() -> None:
    text = '{"id": "DEC-1", "title": "T", "__class__": "x", "__proto__": {"a": 1}}'
    (item,) = load_file("d.json", text.encode())
    assert isinstance(item, SourceRecord)
    assert item.record.title == "T"


# -- rule files -----------------------------------------------------------------------------


@pytest.mark.parametrize("tag", CODE_TAGS)
def test_rule_yaml_tags_never_construct_objects(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    rules = tmp_path / "rules"
    rules.mkdir()
    text = RULE.format(message="probe") + f"remediation_extra: {tag.format(marker=marker)}\n"
    write(rules / "SEC001.yaml", text)
    with pytest.raises(RuleFileError) as info:
        load_pack([rules], builtin=False)
    line = text.count("\n")  # the last line carries the tag
    assert "SEC001.yaml" in info.value.file and info.value.line == line
    assert "tag" in info.value.message
    code, out = run("rules", "validate", str(rules))
    assert code == 2 and f"SEC001.yaml:{line}" in out
    assert not marker.exists()


def test_rules_dir_outside_the_project_is_read_as_data(tmp_path: Path) -> None:
    """``--rules`` is not sandboxed: the user names the folder. What it holds is data."""
    outside = tmp_path / "elsewhere" / "pack"
    outside.mkdir(parents=True)
    write(outside / "SEC001.yaml", RULE.format(message="probe on $title"))
    inner = tmp_path / "project"
    inner.mkdir()
    rel = os.path.relpath(outside, inner)
    assert rel.startswith("..")
    cwd = os.getcwd()
    os.chdir(inner)
    try:
        code, out = run(
            "check", str(SAMPLE), "--no-log", "--today", TODAY, "--rules", rel, "-f", "json"
        )
    finally:
        os.chdir(cwd)
    assert code == 1
    ids = {f["rule_id"] for f in json.loads(out)["findings"]}
    assert "SEC001" in ids


def test_symlink_to_passwd_in_rules_dir_fails_cleanly(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    target = Path("/etc/passwd")
    if not target.exists():  # pragma: no cover - every Linux has it
        target = write(tmp_path / "passwd", "root:x:0:0:root:/root:/bin/bash\n")
    first_line = target.read_text().splitlines()[0]
    (rules / "SEC002.yaml").symlink_to(target)
    with pytest.raises(RuleFileError) as info:
        load_pack([rules], builtin=False)
    assert "SEC002.yaml" in info.value.file
    assert first_line not in str(info.value)
    code, out = run("check", str(SAMPLE), "--no-log", "--rules", str(rules))
    assert code == 2
    assert "SEC002.yaml" in out and first_line not in out
    assert out.count("\n") == 1  # one line, no traceback


@pytest.mark.parametrize(
    "message",
    ["${__class__}", "$__class__", "${title.__class__}", "${param.__globals__}", "$__dict__"],
)
def test_templates_reaching_attributes_are_rejected(tmp_path: Path, message: str) -> None:
    write(tmp_path / "SEC001.yaml", RULE.format(message=message))
    with pytest.raises(RuleFileError) as info:
        load_pack([tmp_path], builtin=False)
    assert info.value.path.startswith("message")


@pytest.mark.parametrize(
    "message",
    ["{0.__globals__}", "{title.__class__.__mro__}", "{{}}", "%(title)s", "$$title"],
)
def test_format_style_placeholders_stay_literal(tmp_path: Path, message: str) -> None:
    write(tmp_path / "SEC001.yaml", RULE.format(message=message))
    pack = load_pack([tmp_path], builtin=False)
    (src,) = load_file(str(SAMPLE), SAMPLE.read_bytes())
    assert isinstance(src, SourceRecord)
    _, findings = record_findings(Evaluator(pack), src, FactContext(today=dt.date(2026, 1, 1)))
    (finding,) = findings
    expected = message.replace("$$", "$")
    assert finding.message == expected


# -- query filters --------------------------------------------------------------------------

HOSTILE = [
    "' OR '1'='1",
    "x'; DROP TABLE findings; --",
    '" OR 1=1 --',
    "%",
    "_",
    "*",
    "\x00",
    "ALT001') UNION SELECT sql FROM sqlite_master --",
]


@pytest.fixture(scope="module")
def log_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("log") / "audit.db"
    code, _ = run("check", str(ROOT / "samples"), "--db", str(db), "--today", TODAY, "-q")
    assert code in (0, 1, 2)
    code, out = run("findings", "--db", str(db), "--rule", "ALT001", "--format", "json")
    assert code == 0 and json.loads(out), "the log under attack must hold findings"
    return db


def digest(db: Path) -> tuple[str, list[int]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        counts = [
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("runs", "findings", "records", "chain", "waivers")
        ]
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
    finally:
        conn.close()
    return hashlib.sha256("\n".join(names).encode()).hexdigest(), counts


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("option", ["--rule", "--decision", "--since", "--until", "--search"])
def test_hostile_query_filters(log_db: Path, option: str, value: str) -> None:
    before = digest(log_db)
    code, out = run("findings", "--db", str(log_db), option, value, "--format", "json")
    assert code in (0, 2), out
    if code == 0:
        rows = json.loads(out)
        if option in ("--rule", "--decision"):
            assert rows == []  # matched literally: no such rule or decision
    else:
        assert out.startswith("decaudit: error:") and out.count("\n") == 1
    assert digest(log_db) == before
    code, out = run("verify", "--db", str(log_db))
    assert code == 0, out


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_history_and_runs_filters(log_db: Path, value: str) -> None:
    before = digest(log_db)
    code, out = run("history", value, "--db", str(log_db), "--format", "json")
    assert code == 0 and json.loads(out) == {"decision_id": value, "runs": [], "actuals": []}, out
    code, out = run("diff", value, "1", "--db", str(log_db))
    assert code == 2 and "invalid" in out.lower() and "Traceback" not in out
    assert digest(log_db) == before
    assert run("verify", "--db", str(log_db))[0] == 0


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
