"""Configuration: discovery, precedence, validation, digest."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from decaudit.engine.config import DEFAULT_EXTENSIONS, Config, find_config_file, load_config
from decaudit.engine.errors import ConfigError

TODAY = dt.date(2026, 3, 5)


def load(cwd: Path, env: dict[str, str] | None = None, explicit: str | None = None) -> Config:
    return load_config(cwd, env or {}, explicit, today=TODAY)


def test_defaults(tmp_path: Path) -> None:
    cfg = load(tmp_path)
    assert cfg.file is None
    assert cfg["fail_on"] == "high"
    assert cfg["min_severity"] == "info"
    assert cfg["db"] == "decaudit.db"
    assert cfg["max_file_size"] == 10 * 2**20
    assert cfg["history_min_decisions"] == 3
    assert cfg["log"] is True
    assert cfg["today"] == TODAY
    assert cfg["extensions"] == DEFAULT_EXTENSIONS
    assert cfg["format"] == "text"
    assert set(cfg.sources.values()) == {"default"}


def test_decaudit_toml_found_walking_up_and_paths_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / ".decaudit.toml").write_text(
        'fail_on = "medium"\nrules = ["packs/ours"]\nbaseline = "ci/baseline.json"\n'
        'max-file-size = "512KB"\n[history]\nmin_decisions = 5\n',
        encoding="utf-8",
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cfg = load(deep)
    assert cfg.file == (tmp_path / ".decaudit.toml").resolve()
    assert cfg["fail_on"] == "medium"
    up = os.path.join("..", "..")
    assert cfg["rules"] == (os.path.join(up, "packs", "ours"),)
    assert cfg["baseline"] == os.path.join(up, "ci", "baseline.json")
    assert load(tmp_path)["rules"] == (os.path.join("packs", "ours"),)
    assert cfg["max_file_size"] == 512 * 1024
    assert cfg["history_min_decisions"] == 5
    assert cfg.sources["fail_on"] == f"file: {os.path.join('..', '..', '.decaudit.toml')}"
    assert cfg.sources["select"] == "default"


def test_pyproject_tool_table_and_nearest_wins(tmp_path: Path) -> None:
    (tmp_path / ".decaudit.toml").write_text('fail_on = "low"\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.decaudit]\nfail_on = "critical"\n'
        '[tool.decaudit.severity]\nBEN001 = "low"\n'
        "[tool.decaudit.params.ALT002]\nmin_options = 4\n",
        encoding="utf-8",
    )
    cfg = load(sub)
    assert cfg["fail_on"] == "critical"
    assert cfg["severity"] == {"BEN001": "low"}
    assert cfg["params"] == {"ALT002": {"min_options": 4}}


def test_pyproject_without_tool_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".decaudit.toml").write_text('fail_on = "low"\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config_file(sub) == (tmp_path / ".decaudit.toml").resolve()
    assert load(sub)["fail_on"] == "low"


def test_decaudit_toml_beats_pyproject_in_one_folder(tmp_path: Path) -> None:
    (tmp_path / ".decaudit.toml").write_text('fail_on = "low"\n', encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.decaudit]\nfail_on = "critical"\n')
    assert load(tmp_path)["fail_on"] == "low"


def test_precedence_flags_over_env_over_file(tmp_path: Path) -> None:
    (tmp_path / ".decaudit.toml").write_text(
        'fail_on = "low"\nmin_severity = "low"\nselect = ["ALT"]\n', encoding="utf-8"
    )
    env = {"DECAUDIT_FAIL_ON": "medium", "DECAUDIT_SELECT": "BEN001, BEN002"}
    cfg = load(tmp_path, env)
    assert cfg["fail_on"] == "medium" and cfg.sources["fail_on"] == "env: DECAUDIT_FAIL_ON"
    assert cfg["select"] == ("BEN001", "BEN002")
    assert cfg["min_severity"] == "low" and cfg.sources["min_severity"].startswith("file: ")
    flagged = cfg.with_flags(fail_on="critical", select=None, max_file_size="2MB", log=False)
    assert flagged["fail_on"] == "critical" and flagged.sources["fail_on"] == "flag"
    assert flagged["select"] == ("BEN001", "BEN002")  # None: flag not given
    assert flagged["max_file_size"] == 2 * 2**20
    assert flagged["log"] is False
    assert cfg["fail_on"] == "medium"  # with_flags returns a copy


def test_environment_variables(tmp_path: Path) -> None:
    env = {
        "DECAUDIT_DB": "logs/audit.db",
        "DECAUDIT_RULES": os.pathsep.join(["r1", "r2"]),
        "DECAUDIT_NO_LOG": "1",
        "DECAUDIT_MAX_FILE_SIZE": "1048576",
        "DECAUDIT_TODAY": "2025-12-31",
        "DECAUDIT_SEVERITY": "BEN001=low,ALT002=critical",
        "DECAUDIT_HISTORY_MIN_DECISIONS": "7",
        "DECAUDIT_IGNORE": "",  # empty: unset
    }
    cfg = load(tmp_path, env)
    assert cfg["db"] == "logs/audit.db"
    assert cfg["rules"] == ("r1", "r2")
    assert cfg["log"] is False and cfg.sources["log"] == "env: DECAUDIT_NO_LOG"
    assert cfg["max_file_size"] == 1048576
    assert cfg["today"] == dt.date(2025, 12, 31)
    assert cfg["severity"] == {"BEN001": "low", "ALT002": "critical"}
    assert cfg["history_min_decisions"] == 7
    assert cfg.sources["ignore"] == "default"


def test_explicit_file_beats_discovery_and_env_config(tmp_path: Path) -> None:
    (tmp_path / ".decaudit.toml").write_text('fail_on = "low"\n', encoding="utf-8")
    other = tmp_path / "ci.toml"
    other.write_text('fail_on = "critical"\n', encoding="utf-8")
    env_file = tmp_path / "env.toml"
    env_file.write_text('fail_on = "medium"\n', encoding="utf-8")
    assert load(tmp_path, {"DECAUDIT_CONFIG": str(env_file)})["fail_on"] == "medium"
    assert load(tmp_path, {"DECAUDIT_CONFIG": str(env_file)}, "ci.toml")["fail_on"] == "critical"
    with pytest.raises(ConfigError, match=r"missing\.toml: config file not found"):
        load(tmp_path, {}, "missing.toml")


def test_secret_is_never_shown_nor_digested(tmp_path: Path) -> None:
    plain = load(tmp_path)
    keyed = load(tmp_path, {"DECAUDIT_LOG_KEY": "s3cret-value"})
    assert keyed["log_key"] == "s3cret-value"
    assert keyed.display("log_key") == "(set)"
    assert plain.display("log_key") == "(not set)"
    assert "s3cret" not in repr(keyed.public_values())
    assert keyed.digest == plain.digest
    (tmp_path / ".decaudit.toml").write_text('log_key = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="secret"):
        load(tmp_path)


def test_digest_follows_effective_values(tmp_path: Path) -> None:
    a = load(tmp_path)
    assert a.digest == load(tmp_path).digest
    assert len(a.digest) == 64
    assert a.with_flags(fail_on="low").digest != a.digest
    assert a.with_flags(fail_on="high").digest == a.digest  # same value, other source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'fail_on = "high"\nfail-onn = "low"\n',
            ":2: unknown key 'fail-onn' in .decaudit.toml (did you mean 'fail_on'?)",
        ),
        (
            '\n\nfail_on = "hgih"\n',
            ":3: fail_on: expected one of info, low, medium, high, critical, never, got 'hgih'",
        ),
        ("max_file_size = true\n", ":1: max_file_size: expected a size"),
        ('max_file_size = "10 parsecs"\n', "expected a size like 10MB"),
        ("select = 3\n", ":1: select: expected a list of strings, got 3 (int)"),
        ('log = "no"\n', ":1: log: expected true or false"),
        ("today = 2026-13-01\n", ":1: invalid TOML"),
        (
            "today = 2026-01-01T10:00:00Z\n",
            "today: expected a date (YYYY-MM-DD), got the date-time",
        ),
        ('[severity]\nBEN001 = "urgent"\n', "severity: BEN001: expected one of info"),
        ("[params]\nBEN001 = 3\n", "params: BEN001: expected a table"),
        (
            "[history]\nmin_decision = 2\n",
            ":2: unknown key 'history.min_decision' in .decaudit.toml "
            "(did you mean 'min_decisions'?)",
        ),
        (
            "[history]\nmin_decisions = 0\n",
            "history.min_decisions: expected a whole number from 1 to 1,000,000,000",
        ),
        ('format = "pdf"\n', "format: expected one of text, json"),
        ("fail_on = \n", ":1: invalid TOML"),
    ],
)
def test_bad_files_name_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / ".decaudit.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load(tmp_path)
    message = str(info.value)
    assert message.startswith(".decaudit.toml")
    assert expected in message
    assert "\n" not in message


def test_bad_environment_values_name_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^DECAUDIT_FAIL_ON: expected one of"):
        load(tmp_path, {"DECAUDIT_FAIL_ON": "sometimes"})
    with pytest.raises(ConfigError, match=r"^DECAUDIT_NO_LOG: expected true or false"):
        load(tmp_path, {"DECAUDIT_NO_LOG": "maybe"})
    with pytest.raises(ConfigError, match=r"^DECAUDIT_MAX_FILE_SIZE"):
        load(tmp_path, {"DECAUDIT_MAX_FILE_SIZE": "-5"})


def test_bad_flags(tmp_path: Path) -> None:
    cfg = load(tmp_path)
    with pytest.raises(ConfigError, match=r"^--today: expected a date"):
        cfg.with_flags(today="yesterday")
    with pytest.raises(ConfigError, match="unknown setting 'fail_onn'"):
        cfg.with_flags(fail_onn="low")


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("10MB", 10 * 2**20),
        ("512KB", 512 * 2**10),
        ("1.5 MiB", int(1.5 * 2**20)),
        ("2048", 2048),
        ("1g", 2**30),
        (4096, 4096),
    ],
)
def test_sizes(tmp_path: Path, size: str | int, expected: int) -> None:
    assert load(tmp_path).with_flags(max_file_size=size)["max_file_size"] == expected


def test_pyproject_errors_say_tool_decaudit(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.decaudit]\nbaselin = "b.json"\n')
    with pytest.raises(ConfigError) as info:
        load(tmp_path)
    assert str(info.value) == (
        "pyproject.toml:2: unknown key 'baselin' in [tool.decaudit] (did you mean 'baseline'?)"
    )


def test_unreadable_config(tmp_path: Path) -> None:
    (tmp_path / ".decaudit.toml").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load(tmp_path)
    (tmp_path / ".decaudit.toml").unlink()
    (tmp_path / "dir.toml").mkdir()
    with pytest.raises(ConfigError, match="is a folder"):
        load(tmp_path, {}, "dir.toml")


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [
        ("decisions/drafts/a.yaml", ["drafts"], True),
        ("decisions/drafts/a.yaml", ["**/drafts/**"], True),
        ("drafts/a.yaml", ["**/drafts/**"], True),
        ("./decisions/a.tmp.yaml", ["*.tmp.yaml"], True),
        ("decisions/a.yaml", ["decisions/a.yaml"], True),
        ("decisions/a.yaml", ["drafts", "*.tmp.yaml"], False),
        ("decisions/drafts.yaml", ["drafts"], False),
        ("decisions/a.yaml", [], False),
    ],
)
def test_exclude_patterns(path: str, patterns: list[str], expected: bool) -> None:
    from decaudit.engine.config import excluded

    assert excluded(path, patterns) is expected


def test_selects_by_extension_and_exclude(tmp_path: Path) -> None:
    (tmp_path / ".decaudit.toml").write_text(
        'extensions = ["yaml", ".MD"]\nexclude = ["archive"]\n', encoding="utf-8"
    )
    cfg = load(tmp_path)
    assert cfg["extensions"] == (".yaml", ".md")
    assert cfg.selects("decisions/a.yaml")
    assert cfg.selects("docs/adr/0001-x.MD")
    assert not cfg.selects("decisions/a.json")
    assert not cfg.selects("decisions/archive/a.yaml")
