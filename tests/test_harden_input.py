"""Bad values are caught where they should be, with messages naming the real problem;
records are bounded (caps per record, before parsing for documents) and so is memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from decaudit.engine.records import load_file
from decaudit.engine.records.limits import Limits, using
from decaudit.engine.types import InputError, SourceRecord


def _load(name: str, text: str | bytes) -> list[SourceRecord | InputError]:
    data = text if isinstance(text, bytes) else textwrap.dedent(text).encode()
    return load_file(name, data)


def _error(name: str, text: str | bytes) -> InputError:
    (item,) = _load(name, text)
    assert isinstance(item, InputError), item
    return item


def _case(**benefit: object) -> str:
    return json.dumps(
        {
            "id": "F1",
            "title": "t",
            "options": [{"title": "a", "business_case": {"benefits": [{"id": "b", **benefit}]}}],
        }
    )


# -- 10. impossible figures -------------------------------------------------------------------


def test_negative_benefit_is_refused_unless_a_dis_benefit() -> None:
    err = _error("r.json", _case(projected=-5))
    assert err.line == 1
    assert "benefits[0]: projected is negative (-5)" in err.message
    assert "dis_benefit: true" in err.message
    assert "high is negative (-1)" in _error("r.json", _case(low=-3, high=-1)).message
    (ok,) = _load("r.json", _case(dis_benefit=True, projected=-10, low=-20, high=-5))
    assert isinstance(ok, SourceRecord)
    err = _error("r.json", _case(dis_benefit=True, projected=10))
    assert "dis-benefit projects 0 or less" in err.message


def test_a_benefit_range_may_include_a_loss_and_an_outcome_may_reverse() -> None:
    (ok,) = _load("r.json", _case(low=-50, projected=120, high=200, realized=-30))
    assert isinstance(ok, SourceRecord)


@pytest.mark.parametrize(
    ("figures", "words"),
    [
        ({"projected": 10, "low": 20}, "low (20) is above projected (10)"),
        ({"projected": 10, "high": 5}, "projected (10) is above high (5)"),
        ({"low": 9, "high": 5}, "low (9) is above high (5)"),
    ],
)
def test_range_must_be_ordered(figures: dict[str, int], words: str) -> None:
    err = _error("r.json", _case(**figures))
    assert words in err.message and "low <= projected <= high" in err.message


def test_contingency_and_costs_are_sane() -> None:
    text = """\
        id: C1
        title: t
        options:
          - title: a
            business_case:
              costs:
                - {id: c, projected: 10, contingency: 500}
        """
    err = _error("r.yaml", text)
    assert err.line == 7
    assert err.message.endswith("contingency: must be a fraction (0.25 for 25%), at most 5")
    err = _error("r.yaml", text.replace("contingency: 500", "realized: -3"))
    assert "costs[0].realized: must be at least 0" in err.message


def test_oversized_integers_are_refused_with_a_number_message() -> None:
    for name, text in (
        (
            "r.json",
            '{"id": "A", "title": "t", "options": [{"title": "o", '
            '"business_case": {"npv": ' + "9" * 400 + "}}]}",
        ),
        (
            "r.yaml",
            "id: A\ntitle: t\noptions:\n  - title: o\n    business_case:\n"
            "      npv: " + "9" * 309 + "\n",
        ),
    ):
        err = _error(name, text)
        assert "npv: is too large (more than 1e18 in magnitude)" in err.message, err


# -- 13. messages name the real problem --------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16-le", "UTF-16 (little-endian)"),
        ("utf-16-be", "UTF-16 (big-endian)"),
        ("utf-32-le", "UTF-32 (little-endian)"),
    ],
)
def test_utf16_without_bom_is_named(codec: str, name: str) -> None:
    err = _error("r.yaml", "id: A\ntitle: Use UTF-8\n".encode(codec))
    assert (
        err.message == f"file looks encoded as {name} without a byte-order mark; save it as UTF-8"
    )


def test_binary_is_still_binary() -> None:
    err = _error("r.yaml", bytes(range(256)) * 8)
    assert err.message.startswith("binary file")


def test_impossible_date_is_called_a_date() -> None:
    err = _error("r.yaml", "id: A\ntitle: t\ndate: 2025-13-45\n")
    assert err.line == 3
    assert "'2025-13-45' is not a valid date" in err.message and "YYYY-MM-DD" in err.message
    assert "scalar" not in err.message


@pytest.mark.parametrize("name", ["r.jsonl", "r.json"])
def test_nan_is_named_as_written(name: str) -> None:
    err = _error(name, '{"id": "A", "title": "t", "x": NaN}\n')
    assert "NaN is not valid JSON" in err.message
    assert "naN" not in err.message


# -- 3. caps per record, for every reader --------------------------------------------------------


def _options_json(n: int) -> str:
    return json.dumps({"id": "A", "title": "t", "options": [{"title": f"o{i}"} for i in range(n)]})


def _options_yaml(n: int) -> str:
    return "id: A\ntitle: t\noptions:\n" + "".join(f"  - title: o{i}\n" for i in range(n))


def _options_md(n: int) -> str:
    bullets = "".join(f"* Option {i}\n" for i in range(n))
    outcome = '## Decision Outcome\n\nChosen option: "Option 1", because yes.\n'
    return f"# Use a thing\n\n## Considered Options\n\n{bullets}\n{outcome}"


def _options_jsonl(n: int) -> str:
    return _options_json(n) + "\n"


def _options_csv(n: int) -> str:
    rows = "".join(f"A,t,o{i}\n" for i in range(n))
    return "decision_id,decision_title,option_title\n" + rows


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("r.json", _options_json),
        ("r.yaml", _options_yaml),
        ("r.md", _options_md),
        ("r.jsonl", _options_jsonl),
        ("r.csv", _options_csv),
    ],
)
def test_option_cap_holds_for_every_reader(name: str, make) -> None:  # type: ignore[no-untyped-def]
    with using(Limits(max_options=5)):
        err = _error(name, make(6))
        assert "has 6 options; a record may hold at most 5 (setting max_options)" in err.message
        assert err.line is not None
        (ok,) = _load(name, make(5))
        assert isinstance(ok, SourceRecord), ok


def test_benefit_cost_and_list_caps() -> None:
    record = {
        "id": "A",
        "title": "t",
        "options": [
            {"title": "a", "business_case": {"benefits": [{"id": "x"}] * 3, "costs": [{}] * 2}},
            {"title": "b", "business_case": {"benefits": [{"id": "y"}] * 3}},
        ],
        "decision_makers": ["p"] * 4,
    }
    text = json.dumps(record)
    with using(Limits(max_benefits=5)):
        err = _error("r.json", text)
        assert "options[1].business_case.benefits: has 6 benefits (over all options)" in err.message
    with using(Limits(max_costs=1)):
        assert "setting max_costs" in _error("r.json", text).message
    with using(Limits(max_list_items=3)):
        err = _error("r.json", text)
        assert (
            err.message.startswith("decision_makers: has 4 items")
            and "max_list_items" in err.message
        )


def test_document_cap_refuses_before_parsing() -> None:
    with using(Limits(max_list_items=10)):
        err = _error("r.md", _options_md(11))
        assert err.line == 15  # the eleventh bullet
        assert "more than 10 list items in one document" in err.message


# -- peak memory on the largest inputs accepted by default ----------------------------------------

# Peak RSS of this process image: VmHWM (ru_maxrss would carry the parent's peak over
# fork and exec on Linux, and pytest's own memory is not what is measured).
_MEASURE = """
import resource, sys
from decaudit.engine.records import iter_sources
for item in iter_sources([sys.argv[1]]):
    print(type(item).__name__, str(item)[:200])
try:
    with open("/proc/self/status") as fh:
        peak = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("peak_kb", peak)
"""


def _peak_mb(path: Path) -> tuple[float, str]:
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    return int(lines[-1].split()[1]) / 1024, "\n".join(lines[:-1])


@pytest.mark.slow
def test_peak_memory_of_the_largest_madr_and_json_stays_under_500mb(tmp_path: Path) -> None:
    limit = 10 * 2**20 - 100 * 1024  # 9.9 MB, under the default 10 MB file limit
    md = tmp_path / "huge.md"
    head = "# Use a thing\n\n## Considered Options\n\n"
    bullets = "* o\n" * ((limit - len(head)) // 4)
    md.write_text(head + bullets, encoding="utf-8")
    peak, out = _peak_mb(md)
    assert "InputError" in out and "list items" in out
    assert peak < 500, f"MADR of {bullets.count(chr(10)):,} bullets: {peak:.0f} MB"

    js = tmp_path / "huge.json"
    count = (limit - 40) // len('{"title":"o"},')
    js.write_text(
        json.dumps(
            {"id": "A", "title": "t", "options": [{"title": "o"}] * count}, separators=(",", ":")
        )
    )
    assert count >= 500_000
    peak, out = _peak_mb(js)
    assert "max_options" in out
    assert peak < 500, f"JSON of {count:,} options: {peak:.0f} MB"


def test_caps_are_settings(tmp_path: Path) -> None:
    record = tmp_path / "r.json"
    record.write_text(_options_json(3), encoding="utf-8")
    env = dict(os.environ, DECAUDIT_MAX_OPTIONS="2")
    proc = subprocess.run(
        [sys.executable, "-m", "decaudit.cli.main", "check", str(record), "--no-log"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert "has 3 options; a record may hold at most 2 (setting max_options)" in proc.stderr
    (tmp_path / ".decaudit.toml").write_text("max_options = 0\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "decaudit.cli.main", "check", str(record), "--no-log"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 2 and "max_options" in proc.stderr


def test_document_tables_are_capped_before_parsing() -> None:
    head = "# Capital request: tills\n\n## Benefits\n\n| Benefit | Expected |\n| --- | --- |\n"
    rows = "".join(f"| b{i} | {i} |\n" for i in range(30))
    with using(Limits(max_options=5, max_benefits=10, max_costs=5, max_list_items=5)):
        err = _error("case.md", head + rows)
        assert err.line == 17 and "more than 12 table rows in one document" in err.message


def test_word_document_that_expands_too_far_is_refused_unread(tmp_path: Path) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document>" + " " * (40 * 2**20) + "</w:document>")
    data = buf.getvalue()
    assert len(data) < 1 * 2**20  # a small file...
    err = _error("paper.docx", data)  # ...that would expand to 40 MB of XML
    assert "expands to 40 MB of XML; at most 32 MB is read" in err.message


def test_word_document_with_too_many_paragraphs_is_refused_unread(tmp_path: Path) -> None:
    import io
    import zipfile

    from decaudit.engine.records.limits import MAX_PACKAGE_PARAGRAPHS

    many = MAX_PACKAGE_PARAGRAPHS + 1
    body = "<w:p><w:r><w:t>Option</w:t></w:r></w:p>" * many
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"<w:document><w:body>{body}</w:body></w:document>")
    err = _error("paper.docx", buf.getvalue())
    assert f"has {many:,} paragraphs; at most {MAX_PACKAGE_PARAGRAPHS:,} are read" in err.message
