"""Every Python package in the source tree ships in the wheel.

The editable install used for development finds any folder with an ``__init__.py``; a regular
``pip install`` ships only the packages pyproject.toml lists, and a missing one turns into an
import error on a user's machine only.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _listed() -> tuple[set[str], dict[str, str]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    return set(setuptools["packages"]), setuptools["package-dir"]


def test_every_source_package_is_listed_in_pyproject() -> None:
    packages, roots = _listed()
    found = set()
    for name, folder in roots.items():
        for init in (REPO / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO / folder)
            found.add(".".join([name, *rel.parts]))
    assert found - packages == set(), "add these to [tool.setuptools] packages"
    for package in packages:  # data-only folders (no __init__.py) may be listed too
        root = max((n for n in roots if package == n or package.startswith(n + ".")), key=len)
        folder = (
            REPO
            / roots[root]
            / Path(*package[len(root) + 1 :].split(".") if package != root else ())
        )
        assert folder.is_dir(), f"{package} is listed but {folder} does not exist"
