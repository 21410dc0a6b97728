"""Start-up: the version constant, and the imports kept lazy."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine import __version__

ROOT = Path(__file__).resolve().parent.parent


def test_version_constant_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert __version__ == project["project"]["version"]


def test_version_option_prints_the_constant() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"decaudit, version {__version__}\n"


def test_cli_import_stays_light() -> None:
    code = (
        "import sys\n"
        "import decaudit.cli.main\n"
        "heavy = ['pydantic', 'durable', 'sqlite_utils', 'jsonschema', 'yaml',"
        " 'importlib.metadata']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == ""


def test_a_one_file_check_stays_light(tmp_path: Path) -> None:
    """A check of one valid record, on an existing log and with ``--no-log``, imports
    neither pydantic (the record model's fast path validates it) nor any module only other
    commands or inputs need."""
    record = tmp_path / "one.yaml"
    record.write_text("id: D-1\ntitle: A decision\noptions:\n  - title: Keep it\n")
    db = tmp_path / "audit.db"
    subprocess.run(
        [sys.executable, "-m", "decaudit.cli.main", "check", str(record), "-q", "--db", str(db)],
        capture_output=True,
        check=False,
    )
    code = (
        "import sys\n"
        "from decaudit.cli.main import main\n"
        "sys.argv = ['decaudit', 'check', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ['pydantic', 'sqlite_utils', 'jsonschema', 'importlib.metadata', 'openpyxl',"
        " 'docx', 'markdown_it']\n"
        "print(','.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    for extra in (["--db", str(db)], ["--no-log"]):
        run = subprocess.run(
            [sys.executable, "-c", code, str(record), "-q", *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.stderr.strip().splitlines()[-1:] in ([], [""]), (extra, run.stderr)
