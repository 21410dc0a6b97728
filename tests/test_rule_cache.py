"""The parsed-rule cache: same pack with or without it, never stale, never fatal."""

from __future__ import annotations

import os
import pickle
import shutil
import time
from pathlib import Path

import pytest
from decaudit.engine.rules import cache
from decaudit.engine.rules.cache import ParseCache
from decaudit.engine.rules.loader import collect, load_pack

PACK = Path(__file__).resolve().parent / "data" / "rules_pack"


def _copy_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(PACK, folder)
    return folder


def test_cached_pack_equals_fresh_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", "off")
    fresh = load_pack()
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    first = load_pack()  # fills the cache
    assert list((tmp_path / "cache").glob("rules-*.pickle"))
    second = load_pack()  # reads it
    assert fresh.digest == first.digest == second.digest
    assert fresh.rules == second.rules


def test_changed_rule_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy_pack(tmp_path)
    before = load_pack([folder], builtin=False)
    target = sorted(folder.glob("*.yaml"))[0]
    text = target.read_text(encoding="utf-8")
    rule = next(r for r in before.rules if r.file.endswith(target.name))
    target.write_text(text.replace(rule.info.name, rule.info.name + "-renamed", 1), "utf-8")
    after = load_pack([folder], builtin=False)
    renamed = next(r for r in after.rules if r.file.endswith(target.name))
    assert renamed.info.name == rule.info.name + "-renamed"
    assert after.digest != before.digest


def test_yaml_errors_are_reported_the_same_and_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_pack(tmp_path)
    (folder / "BAD001.yaml").write_text("id: BAD001\nname: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", "off")
    _, plain = collect([folder], builtin=False)
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    _, first = collect([folder], builtin=False)
    _, second = collect([folder], builtin=False)
    assert [str(e) for e in plain] == [str(e) for e in first] == [str(e) for e in second]
    assert any("BAD001" in str(e) for e in plain)


def test_corrupt_or_hostile_cache_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", str(cache))
    expected = load_pack().digest
    (path,) = cache.glob("rules-*.pickle")
    path.write_bytes(b"not a pickle")
    assert load_pack().digest == expected
    # a pickle that would call os.system when loaded is refused, not run
    marker = tmp_path / "owned"
    hostile = f"cos\nsystem\n(S'touch {marker}'\ntR.".encode()
    path.write_bytes(hostile)
    assert load_pack().digest == expected
    assert not marker.exists()


def test_each_hit_returns_fresh_objects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", str(tmp_path))
    calls: list[str] = []

    def parse(text: str) -> tuple[dict[str, list[int]], dict[tuple[str, ...], int]]:
        calls.append(text)
        return {"a": [1]}, {("a",): 1}

    cache = ParseCache()
    first = cache.parse(b"a: [1]", "a: [1]", parse)
    cache.save()
    again = ParseCache()
    second = again.parse(b"a: [1]", "a: [1]", parse)
    assert calls == ["a: [1]"]  # the second came from the file
    assert first == second and first[0] is not second[0]
    second[0]["a"].append(2)
    assert again.parse(b"a: [1]", "a: [1]", parse)[0] == {"a": [1]}


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_pack()
    assert not list(tmp_path.rglob("*.pickle"))


def test_versions_sharing_the_cache_folder_keep_each_others_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another installed version's cache stays while it is in use; once unused for
    ``STALE_SECONDS`` it is removed when this version saves."""
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", str(tmp_path))
    other, old = tmp_path / "rules-0000000000000000.pickle", tmp_path / "rules-1111.pickle"
    other.write_bytes(pickle.dumps({}))
    old.write_bytes(pickle.dumps({}))
    long_ago = time.time() - cache.STALE_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    mine = cache.ParseCache()
    mine.parse(b"a: 1", "a: 1", lambda text: ({"a": 1}, {("a",): 1}))
    mine.save()
    assert sorted(p.name for p in tmp_path.glob("rules-*.pickle")) == sorted(
        [other.name, f"rules-{cache._stamp()}.pickle"]
    )


def test_reading_a_cache_marks_it_in_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECAUDIT_CACHE_DIR", str(tmp_path))
    first = cache.ParseCache()
    first.parse(b"a: 1", "a: 1", lambda text: ({"a": 1}, {("a",): 1}))
    first.save()
    (path,) = tmp_path.glob("rules-*.pickle")
    long_ago = time.time() - cache.STALE_SECONDS - 60
    os.utime(path, (long_ago, long_ago))
    cache.ParseCache()
    assert path.stat().st_mtime > time.time() - 60
