"""Hostile inputs are refused with a located error, quickly and in bounded memory."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from decaudit.engine.records import iter_sources, load_file
from decaudit.engine.types import InputError

MAX_SECONDS = 2.0


@contextmanager
def within(seconds: float = MAX_SECONDS) -> Iterator[None]:
    # CPU time of this process, not wall time: a refusal that expanded the input would burn
    # CPU, while a busy machine only stretches the wall clock.
    start = time.process_time()
    yield
    elapsed = time.process_time() - start
    assert elapsed < seconds, f"took {elapsed:.2f}s of CPU"


def only_error(run: Callable[[], list[object]]) -> InputError:
    with within():
        results = run()
    assert len(results) == 1, results
    (err,) = results
    assert isinstance(err, InputError), err
    return err


def test_yaml_alias_bomb() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    bomb = "\n".join(lines) + "\nid: x\ntitle: y\n"
    err = only_error(lambda: load_file("bomb.yaml", bomb.encode()))
    assert err.file == "bomb.yaml" and err.line is not None
    assert "too large after alias expansion" in err.message


def test_yaml_nesting_1000() -> None:
    text = "id: x\ntitle: y\ndeep: " + "[" * 1000 + "]" * 1000 + "\n"
    err = only_error(lambda: load_file("deep.yaml", text.encode()))
    assert err.file == "deep.yaml" and err.line == 3
    assert "nesting" in err.message


def test_yaml_block_nesting_1000() -> None:
    text = "id: x\ntitle: y\n" + "".join(f"{' ' * i}k{i}:\n" for i in range(1000))
    err = only_error(lambda: load_file("deep.yaml", text.encode()))
    assert err.file == "deep.yaml"
    assert "nesting" in err.message or "invalid YAML" in err.message


def test_json_nesting_1000() -> None:
    text = '{"id": "x", "title": "y",\n "deep": ' + "[" * 1000 + "]" * 1000 + "}"
    err = only_error(lambda: load_file("deep.json", text.encode()))
    assert str(err) == "deep.json:2: nesting deeper than 100 levels"


def test_json_nesting_100000_objects() -> None:
    text = '{"a":' * 100_000 + "1" + "}" * 100_000
    err = only_error(lambda: load_file("deep.json", text.encode()))
    assert err.message == "nesting deeper than 100 levels"


def test_jsonl_nesting_1000() -> None:
    line = '{"id": "x", "title": "y", "deep": ' + "[" * 1000 + "]" * 1000 + "}"
    text = '{"id": "ok", "title": "fine"}\n' + line + "\n"
    with within():
        results = load_file("deep.jsonl", text.encode())
    assert [str(r) for r in results if isinstance(r, InputError)] == [
        "deep.jsonl:2: nesting deeper than 100 levels"
    ]


def test_size_limit_small(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("id: x\ntitle: " + "y" * 2000 + "\n")
    items = only_error(lambda: list(iter_sources([str(path)], max_bytes=1024)))
    assert str(items) == (
        f"{path}: file is larger than the 1.0 KB limit (2.0 KB); split it or raise the limit"
    )


def test_real_11_mb_file_refused_by_default(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.write(b'{"id": "x", "title": "')
        fh.write(b"y" * (11 * 2**20))
        fh.write(b'"}')
    err = only_error(lambda: list(iter_sources([str(path)])))
    assert (
        err.message
        == "file is larger than the 10.0 MB limit (11.0 MB); split it or raise the limit"
    )


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.yaml"
    path.write_bytes(b"id: x\ntitle: y\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    err = only_error(lambda: list(iter_sources([str(path)])))
    assert str(err) == f"{path}:5: binary file (contains NUL bytes); expected UTF-8 text"


def test_latin1_text() -> None:
    text = "id: DEC-1\ntitle: Café crème\n".encode("latin-1")
    err = only_error(lambda: load_file("latin1.yaml", text))
    assert str(err) == (
        "latin1.yaml:2: not valid UTF-8 (byte 0xE9 at column 11); save the file as UTF-8"
    )


def test_invalid_utf8_in_markdown() -> None:
    data = b"# Title\n\n## Status\n\nAccepted \xff\xfe\n"
    err = only_error(lambda: load_file("adr.md", data))
    assert err.line == 5
    assert "not valid UTF-8" in err.message


def test_utf16_is_named() -> None:
    data = "id: x\ntitle: y\n".encode("utf-16")
    err = only_error(lambda: load_file("u.yaml", data))
    assert str(err) == "u.yaml:1: file is encoded as UTF-16; save it as UTF-8"


def test_bom_and_crlf_are_accepted() -> None:
    data = b"\xef\xbb\xbfid: x\r\ntitle: y\r\noptions:\r\n  - title: a\r\n"
    (src,) = load_file("bom.yaml", data)
    assert not isinstance(src, InputError)
    assert src.line_of(("options", 0)) == 4


def test_python_tags_never_execute(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'id: x\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n'
    err = only_error(lambda: load_file("evil.yaml", text.encode()))
    assert "unsupported YAML tag" in err.message
    assert not marker.exists()


def test_huge_integer_in_json() -> None:
    text = '{"id": "x", "title": "y", "n": ' + "9" * 5000 + "}"
    err = only_error(lambda: load_file("n.json", text.encode()))
    assert err.message == "invalid JSON: number too long"


def test_lone_surrogate_escapes_are_refused() -> None:
    data = b'{"id": "x",\n "title": "y", "notes": [1, {"n": "a\\ud800"}]}'
    err = only_error(lambda: load_file("s.json", data))
    assert str(err) == (
        "s.json:2: notes[1].n: contains a lone UTF-16 surrogate escape (e.g. \\ud800), "
        "which is not valid text"
    )
    err = only_error(lambda: load_file("s.jsonl", b'{"id": "x", "title": "\\udc00"}\n'))
    assert err.line == 1 and err.message.startswith("title: contains a lone UTF-16 surrogate")
    # a proper pair is one character
    (src,) = load_file("p.json", b'{"id": "x", "title": "\\ud83d\\ude00"}')
    assert not isinstance(src, InputError)
    assert src.record.title == "\U0001f600"


def test_markdown_inline_patterns_stay_linear() -> None:
    for bullet in ("*a " * 30_000, "[a](" * 30_000, "[" * 90_000, "__a" * 30_000):
        text = "# T\n\n## Considered Options\n\n* " + bullet + "\n"
        with within():
            results = load_file("x.md", text.encode())
        assert len(results) == 1


def test_markdown_heading_with_long_trailing_space_run() -> None:
    text = "# T" + " " * 100_000 + "x\n\n## Status\n\nAccepted\n\n## Decision\n\nWe will.\n"
    with within():
        (src,) = load_file("x.md", text.encode())
    assert not isinstance(src, InputError)
    assert src.record.title == "T x"


def _unsupported_zip_version(data: bytes) -> bytes:
    """The package with every central directory entry claiming a zip version (8.4) that
    Python's zipfile refuses with NotImplementedError."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        out[at + 6 : at + 8] = (84).to_bytes(2, "little")  # version needed to extract
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_a_word_package_of_an_unsupported_zip_version() -> None:
    sample = Path(__file__).parent.parent / "samples" / "business-cases"
    docx = next(sample.glob("*.docx"))
    (got,) = load_file("paper.docx", _unsupported_zip_version(docx.read_bytes()))
    assert isinstance(got, InputError)
    assert got.file == "paper.docx"
    assert "Word document" in got.message
