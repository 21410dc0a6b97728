"""The validated-pack cache: the same pack as building it, never stale (rule files, code and
overrides are in its key), never fatal, never trusted to run code, errors never cached."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest
from decaudit.engine.errors import RuleFileError
from decaudit.engine.rules import loader, packcache
from decaudit.engine.rules.loader import load_pack

PACK = Path(__file__).resolve().parent / "data" / "rules_pack"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", str(folder))
    return folder


def _copy_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(PACK, folder)
    return folder


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pack was built instead of read from the cache")

    monkeypatch.setattr(loader, "collect", refuse)


def test_a_cached_pack_equals_the_built_one(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_pack(tmp_path)
    built = load_pack([folder])
    assert len(list(cache.glob("pack-*.pickle"))) == 1
    _no_build(monkeypatch)
    again = load_pack([folder])
    assert again == built and again is not built
    assert [r.file for r in again.rules] == [r.file for r in built.rules]


def test_a_changed_rule_file_or_override_builds_again(cache: Path, tmp_path: Path) -> None:
    folder = _copy_pack(tmp_path)
    first = load_pack([folder], builtin=False)
    target = sorted(folder.glob("*.yaml"))[0]
    text = target.read_text(encoding="utf-8")
    old = next(r for r in first.rules if r.file.endswith(target.name))
    target.write_text(text.replace(old.info.name, old.info.name + "-renamed", 1), "utf-8")
    changed = load_pack([folder], builtin=False)
    assert old.info.name + "-renamed" in {r.info.name for r in changed.rules}
    rule = first.rules[0]
    lowered = load_pack([folder], builtin=False, severities={rule.id: "info"})
    assert {r.id: r.info.severity for r in lowered.rules}[rule.id] == "info"
    assert len(list(cache.glob("pack-*.pickle"))) == 3


def test_a_changed_engine_module_changes_the_key(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    before = packcache.code_stamp(tmp_path)
    (tmp_path / "a.py").write_text("x = 22\n")
    assert packcache.code_stamp(tmp_path) != before


def test_errors_are_never_cached(cache: Path, tmp_path: Path) -> None:
    folder = _copy_pack(tmp_path)
    (folder / "BAD001.yaml").write_text("id: BAD001\nname: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleFileError):
            load_pack([folder], builtin=False)
    assert not list(cache.glob("pack-*.pickle"))


def test_a_corrupt_or_hostile_cache_is_ignored_and_runs_nothing(
    cache: Path, tmp_path: Path
) -> None:
    folder = _copy_pack(tmp_path)
    built = load_pack([folder], builtin=False)
    (path,) = cache.glob("pack-*.pickle")
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    key = pickle.loads(path.read_bytes())[0]
    path.write_bytes(pickle.dumps((key, Evil())))
    assert load_pack([folder], builtin=False) == built
    assert not marker.exists()
    path.write_bytes(b"not a pickle")
    assert load_pack([folder], builtin=False) == built


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_pack()
    assert not list(tmp_path.rglob("pack-*.pickle"))


def test_only_the_latest_packs_are_kept(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packcache, "MAX_PACKS", 2)
    folder = _copy_pack(tmp_path)
    rule = load_pack([folder], builtin=False).rules[0]
    for severity in ("info", "low", "medium"):
        load_pack([folder], builtin=False, severities={rule.id: severity})
    assert len(list(cache.glob("pack-*.pickle"))) == 2
