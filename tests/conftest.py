"""Shared fixtures. Keep this small: fixtures used by one test module live in that module."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "soak: long concurrency soak (deselect: -m 'not soak')")
    config.addinivalue_line("markers", "slow: measures a large input (deselect: -m 'not slow')")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The shipped sample records (samples/)."""
    return ROOT / "samples"
