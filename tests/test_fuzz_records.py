"""Fuzzing the record loaders: arbitrary bytes and mutated real samples, in every format.

Whatever the input, ``load_file`` returns records or located errors (never raises), the
same input gives the same result, and ``decaudit check FILE --no-log`` exits 0, 1 or 2 with
no traceback. Mutations work on the shipped samples: byte flips, truncation, duplicated and
deleted lines, and YAML, JSON or Markdown syntax inserted at random places.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.evaluate import Evaluator, record_findings
from decaudit.engine.facts import FactContext
from decaudit.engine.records import load_file
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "samples").rglob("*") if p.is_file() and p.name != "README.md")
SAMPLE_BYTES = {p.relative_to(ROOT / "samples").as_posix(): p.read_bytes() for p in SAMPLES}
EXTENSIONS = (".yaml", ".yml", ".json", ".jsonl", ".md", ".csv")
SNIPPETS = (
    b": ",
    b"- ",
    b"---\n",
    b"...\n",
    b"&a ",
    b"*a",
    b"!!python/object/apply:os.system ['true']",
    b"<<: *a\n",
    b"? ",
    b"|\n",
    b">-\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b"'",
    b"\t",
    b"\\u0000",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r\n",
    b"# ",
    b"## Considered Options\n",
    b"## Decision Outcome\n",
    b'Chosen option: "',
    b"* ",
    b"---\nstatus: accepted\n---\n",
    b"<!-- ",
    b"```\n",
    b",,,\n",
    b'"",\n',
    b"NaN",
    b"1e999",
    b"-0",
    b"99999999999999999999999999999",
    b"null",
    b"true",
    b"~",
    b"2025-02-30",
    b"id: X\ntitle: Y\n",
    b'{"id": "X", "title": "Y"}\n',
)

PRINTABLE_REJECTION = "Traceback"


def mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """Apply mutations given as (kind, position, argument) triples."""
    out = bytearray(data)
    for kind, pos, arg in ops:
        at = pos % (len(out) + 1)
        if kind == 0 and out:  # flip bits of one byte
            out[at % len(out)] ^= (arg % 255) + 1
        elif kind == 1:  # truncate
            del out[at:]
        elif kind == 2:  # insert a syntax snippet
            out[at:at] = SNIPPETS[arg % len(SNIPPETS)]
        elif kind in (3, 4):  # duplicate or delete one line
            lines = bytes(out).split(b"\n")
            i = pos % len(lines)
            if kind == 3:
                lines.insert(i, lines[i])
            elif len(lines) > 1:
                del lines[i]
            out = bytearray(b"\n".join(lines))
        elif kind == 5 and out:  # swap two lines
            lines = bytes(out).split(b"\n")
            i, j = pos % len(lines), arg % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
            out = bytearray(b"\n".join(lines))
    return bytes(out)


mutations = st.lists(
    st.tuples(st.integers(0, 5), st.integers(0, 2**20), st.integers(0, 2**16)),
    min_size=1,
    max_size=6,
)
samples = st.sampled_from(sorted(SAMPLE_BYTES))


def check_results(name: str, data: bytes) -> list[SourceRecord | InputError]:
    results = load_file(name, data)
    assert isinstance(results, list)
    n_lines = data.count(b"\n") + 2
    for item in results:
        assert isinstance(item, SourceRecord | InputError), type(item)
        if isinstance(item, InputError):
            assert item.file == name
            assert item.line is None or 1 <= item.line <= n_lines, (item, n_lines)
            assert item.message and "\n" not in str(item), item
            assert PRINTABLE_REJECTION not in item.message
        else:
            assert item.file == name
            assert item.record.id and item.record.title
            for line in item.lines.values():
                assert 1 <= line <= n_lines
    return results


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=samples, ops=mutations)
def test_mutated_samples_load_to_records_or_located_errors(name: str, ops: list) -> None:
    data = mutate(SAMPLE_BYTES[name], ops)
    first = check_results(name, data)
    again = load_file(name, data)
    assert [repr(x) for x in again] == [repr(x) for x in first]  # deterministic


@settings(max_examples=150, deadline=None)
@given(ext=st.sampled_from(EXTENSIONS), data=st.binary(max_size=2000))
def test_arbitrary_bytes_in_every_format(ext: str, data: bytes) -> None:
    check_results(f"fuzz{ext}", data)


@settings(max_examples=150, deadline=None)
@given(
    ext=st.sampled_from((*EXTENSIONS, "-")),
    text=st.lists(
        st.sampled_from([*"abc:-#*[]{}\"',|>&!?%@`\n \t01.", "## ", "---\n", "id: ", "title: "]),
        max_size=150,
    ).map("".join),
)
def test_syntax_soup_in_every_format(ext: str, text: str) -> None:
    name = "-" if ext == "-" else f"soup{ext}"
    check_results(name, text.encode())


@pytest.fixture(scope="module")
def evaluator() -> Evaluator:
    return Evaluator(load_pack())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=samples, ops=mutations)
def test_mutated_records_that_load_evaluate_deterministically(
    evaluator: Evaluator, name: str, ops: list
) -> None:
    """Whatever record survives loading goes through facts and rules without an error."""
    import datetime as dt

    ctx = FactContext(today=dt.date(2026, 1, 1))
    for item in load_file(name, mutate(SAMPLE_BYTES[name], ops)):
        if isinstance(item, SourceRecord):
            _, first = record_findings(evaluator, item, ctx)
            _, again = record_findings(evaluator, item, ctx)
            assert first == again
            for f in first:
                assert f.decision_id == item.record.id and f.file == name


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(name=samples, ops=mutations)
def test_cli_check_on_mutated_files_never_crashes(
    runner: CliRunner, tmp_path_factory: pytest.TempPathFactory, name: str, ops: list
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    target = folder / Path(name).name
    target.write_bytes(mutate(SAMPLE_BYTES[name], ops))
    result = runner.invoke(
        cli, ["check", str(target), "--no-log", "--today", "2026-01-01"], catch_exceptions=True
    )
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        # a clean error names the file (and the line when it has one)
        assert str(target) in result.output, result.output
