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
