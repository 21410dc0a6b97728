"""JSON Lines read as a stream: the size limit is per line, a bad line is that line's error
(named by file and line) and the rest of the file is still read; never a traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

from decaudit.engine.records.jsonlstream import read_jsonl
from decaudit.engine.records.sources import iter_file, iter_sources
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st


def _record(i: int) -> str:
    return json.dumps(
        {
            "id": f"DEC-{i}",
            "title": f"Decision {i}",
            "options": [{"id": "a", "title": "Keep it", "chosen": True}],
        }
    )


def _line(item: SourceRecord | InputError) -> int | None:
    return item.line_of(()) if isinstance(item, SourceRecord) else item.line


def _read(data: bytes, limit: int = 10_000) -> list[SourceRecord | InputError]:
    return list(read_jsonl("x.jsonl", io.BytesIO(data), limit))


def test_a_file_over_the_limit_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [_record(i) for i in range(400)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    limit = len(lines[0]) + 50  # each line fits, the file is 400 times over
    out = list(iter_sources([str(path)], max_bytes=limit))
    assert [type(x) for x in out] == [SourceRecord] * 400
    assert [x.record.id for x in out if isinstance(x, SourceRecord)][-1] == "DEC-399"


def test_bad_lines_are_errors_and_the_rest_goes_through() -> None:
    long_line = json.dumps({"id": "L", "title": "x" * 500})
    data = "\n".join(
        [_record(1), "not json", long_line, _record(2), '{"id": "bad\xff"}', _record(3)]
    ).encode("utf-8")
    data = data.replace("bad\xff".encode(), b"bad\xff")  # an invalid UTF-8 byte on line 5
    out = _read(data, limit=300)
    errors = {e.line: e.message for e in out if isinstance(e, InputError)}
    assert [_line(x) for x in out if isinstance(x, SourceRecord)] == [1, 4, 6]
    assert set(errors) == {2, 3, 5}
    assert "invalid JSON" in errors[2]
    assert "limit" in errors[3] and "each line" in errors[3]
    assert "UTF-8" in errors[5]


def test_an_over_long_last_line_and_crlf_keep_line_numbers() -> None:
    data = (_record(1) + "\r\n" + "x" * 5000 + "\r\n" + _record(2) + "\r" + _record(3)).encode()
    out = _read(data, limit=1000)
    assert [(type(x).__name__, _line(x)) for x in out] == [
        ("SourceRecord", 1),
        ("InputError", 2),
        ("SourceRecord", 3),
        ("SourceRecord", 4),  # a lone CR ends a line, as for the whole-file reader
    ]


def test_a_utf16_file_is_one_error() -> None:
    out = _read("\ufeff".encode("utf-16-le") + _record(1).encode("utf-16-le"))
    assert len(out) == 1 and isinstance(out[0], InputError) and "UTF-16" in out[0].message


line_text = st.one_of(
    st.builds(_record, st.integers(0, 50)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.just(""),
    st.just("   "),
    st.just('{"id": 1}'),
    st.just("[1, 2]"),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(line_text, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_streamed_reader_equals_the_whole_file_reader(lines: list[str], end: str) -> None:
    """For UTF-8 text without NUL bytes, reading line by line gives what reading the whole
    file gives: the same records and the same errors on the same lines."""
    text = end.join(lines)
    if "\x00" in text or text.startswith("\ufeff") or "\ufeff" in text:
        return
    data = text.encode("utf-8")
    whole = list(iter_file("x.jsonl", data))
    streamed = _read(data, limit=len(data) + 10)
    assert streamed == whole


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=60), max_size=10), st.integers(1, 80))
def test_arbitrary_bytes_give_records_or_errors_naming_a_line(
    lines: list[bytes], limit: int
) -> None:
    data = b"\n".join(lines)
    out = _read(data, limit=limit)
    total = data.count(b"\n") + data.count(b"\r") + 1
    for item in out:
        assert isinstance(item, SourceRecord | InputError)
        assert item.file == "x.jsonl"
        line = _line(item)
        assert line is not None and 1 <= line <= total, (item, total)
