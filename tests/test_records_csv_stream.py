"""CSV registers read as a stream: a register over the size limit is read line by line (the
limit applies to each line), gives the records reading it whole gives (a decision's rows
grouped wherever they are), and a bad line is that line's error, named by file and line,
while the rest of the file is read; never a traceback."""

from __future__ import annotations

import io
import random
from pathlib import Path

from decaudit.engine.records import load_file
from decaudit.engine.records.csvstream import read_csv
from decaudit.engine.records.sources import iter_sources
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

HEADER = "decision_id,decision_title,status,option_id,option_title,kind,chosen,npv\n"


def _row(did: int, opt: int, chosen: bool = False) -> str:
    kind = ("incremental", "breakthrough", "do-nothing")[opt % 3]
    yes = "yes" if chosen else "no"
    return f"D{did},Decision {did},accepted,o{opt},Option {opt} of {did},{kind},{yes},{opt * 10}\n"


def _view(items: list[SourceRecord | InputError]) -> list[object]:
    return [
        (x.record.model_dump(), x.file, x.line_of(()))
        if isinstance(x, SourceRecord)
        else (x.file, x.line, x.message)
        for x in items
    ]


def _register(order: list[tuple[int, int]]) -> str:
    return HEADER + "".join(_row(d, o, chosen=o == 0) for d, o in order)


def test_a_register_over_the_limit_is_read_line_by_line(tmp_path: Path) -> None:
    rows = [(d, o) for d in range(300) for o in range(3)]
    random.Random(3).shuffle(rows)  # a decision's rows spread over the file
    text = _register(rows)
    path = tmp_path / "reg.csv"
    path.write_text(text, encoding="utf-8")
    limit = 200  # every line fits, the file is far over
    streamed = list(iter_sources([str(path)], max_bytes=limit))
    whole = load_file(str(path), text.encode("utf-8"))
    assert len(streamed) == 300
    assert _view(streamed) == _view(whole)  # the same records, in the same order


def test_bad_lines_are_errors_and_the_rest_goes_through() -> None:
    lines = [
        HEADER,
        _row(1, 0, True),
        "D2,Decision 2,accepted,o1," + "x" * 400 + ",incremental,yes,1\n",  # line 3: too long
        _row(3, 0, True),
        "D4,Decision \xff,accepted,o1,A,incremental,yes,1\n",  # line 5: a bad byte
        "D5,Decision 5,accepted,o1,A,incremental,yes,not-a-number\n",  # line 6: a bad cell
        _row(6, 0, True),
    ]
    data = "".join(lines).encode("utf-8").replace("\xff".encode(), b"\xff")
    out = list(read_csv("reg.csv", io.BytesIO(data), 300))
    errors = {e.line: e.message for e in out if isinstance(e, InputError)}
    records = [x.record.id for x in out if isinstance(x, SourceRecord)]
    assert records == ["D1", "D3", "D6"]
    assert set(errors) == {3, 5, 6}
    assert "limit" in errors[3] and "each line" in errors[3]
    assert "UTF-8" in errors[5]
    assert "npv" in errors[6]
    assert all(e.file == "reg.csv" for e in out if isinstance(e, InputError))


def test_an_unreadable_row_is_its_error_and_the_rest_is_read() -> None:
    data = (HEADER + _row(1, 0, True) + 'D2,"unclosed,accepted\n' + _row(3, 0, True)).encode()
    out = list(read_csv("reg.csv", io.BytesIO(data), 10_000))
    assert next(x.record.id for x in out if isinstance(x, SourceRecord)) == "D1"
    assert any(isinstance(x, InputError) for x in out)


def test_an_empty_register_and_a_missing_column_are_errors() -> None:
    assert [x.message for x in read_csv("e.csv", io.BytesIO(b""), 100)] == [
        "no decision record in the file (it is empty)"
    ]
    out = list(read_csv("m.csv", io.BytesIO(b"decision_id,decision_title\nD1,x\n"), 100))
    assert len(out) == 1 and isinstance(out[0], InputError) and out[0].line == 1
    assert "option_title" in out[0].message


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3)), min_size=0, max_size=30),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_streamed_equals_whole(rows: list[tuple[int, int]], newline: str, bom: bool) -> None:
    text = _register(rows).replace("\n", newline)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    streamed = list(read_csv("r.csv", io.BytesIO(data), 10_000))
    assert _view(streamed) == _view(load_file("r.csv", data))
