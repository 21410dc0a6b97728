"""The HTML report in a real browser: headless Chromium renders it without console errors,
its charts lay out with real sizes, and a screenshot is kept under tests/artifacts/.

Needs Debian's ``chromium`` (``apt-get install -y chromium``), or the browser named by
``DECAUDIT_CHROMIUM``. Without it the tests skip locally, and fail when ``CI`` is set: a CI
job must not pass without running them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from decaudit.engine.html import build_report
from decaudit.engine.log import AuditLog, RunMeta
from decaudit.engine.model import Record
from decaudit.engine.types import Finding, SourceRecord, json_path

CHROMIUM = os.environ.get("DECAUDIT_CHROMIUM", "/usr/bin/chromium")  # another build: set it
ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT_S = 120


def find_chromium(binary: str, environ: Mapping[str, str]) -> str:
    """The browser, or a skip (locally) / a failure (under CI) saying how to install it."""
    if Path(binary).is_file() and os.access(binary, os.X_OK):
        return binary
    message = (
        f"{binary} not found: the browser tests need Debian's chromium "
        "(apt-get install -y chromium)"
    )
    if environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def chromium() -> str:
    return find_chromium(CHROMIUM, os.environ)


def test_missing_browser_fails_under_ci(tmp_path: Path) -> None:
    missing = str(tmp_path / "chromium")
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        find_chromium(missing, {"CI": "true"})
    with pytest.raises(pytest.skip.Exception, match="not found"):
        find_chromium(missing, {})


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, timeout=TIMEOUT_S, check=False, errors="replace"
    )
    assert proc.returncode == 0, f"chromium exited {proc.returncode}: {proc.stderr[-2000:]}"
    return proc


def console_messages(stderr: str) -> list[str]:
    """Every console message the page produced (Chromium logs them all as CONSOLE lines).
    The report has no script, so any message at all is an error: a CSP violation, a blocked
    resource, a parse problem."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


# --- the log -------------------------------------------------------------------------------


def _record(
    did: str,
    kind: str,
    date: str,
    projected: float,
    realized: float | None,
    cost: float,
    cost_realized: float | None,
    title: str,
) -> dict[str, Any]:
    benefit: dict[str, Any] = {"id": "main", "type": "revenue", "projected": projected}
    if realized is not None:
        benefit["realized"] = realized
    cost_line: dict[str, Any] = {"id": "build", "projected": cost}
    if cost_realized is not None:
        cost_line["realized"] = cost_realized
    return {
        "id": did,
        "title": title,
        "date": date,
        "status": "implemented" if realized is not None else "proposed",
        "project_type": "it-system",
        "options": [
            {"title": "Do nothing", "kind": "do-nothing", "rejected_reason": "Falls behind"},
            {
                "title": f"{title} ({kind})",
                "kind": kind,
                "chosen": True,
                "business_case": {"benefits": [benefit], "costs": [cost_line]},
            },
        ],
    }


RECORDS = [
    _record("DEC-01", "incremental", "2024-01-15", 4e6, 1.6e6, 1.2e6, 1.9e6, "Premium tier"),
    _record("DEC-02", "incremental", "2024-02-20", 2e6, 1.5e6, 8e5, 8.4e5, "Regional rollout"),
    _record("DEC-03", "adjacent", "2024-05-02", 3e6, 2.7e6, 1e6, 1.3e6, "Partner channel"),
    _record("DEC-04", "breakthrough", "2024-08-30", 6e6, 2.2e6, 2e6, 3.1e6, "Platform play"),
    _record("DEC-05", "do-minimum", "2024-11-11", 1e6, 9e5, 4e5, 3.8e5, "Patch the CRM"),
    _record("DEC-06", "incremental", "2025-01-09", 5e6, None, 1.5e6, None, "Loyalty <b>app</b>"),
]


def _finding(did: str, rule: str, severity: str, family: str, loc: Sequence[str | int]) -> Finding:
    return Finding(
        rule_id=rule,
        rule_name=rule.lower(),
        severity=severity,
        family=family,
        decision_id=did,
        file=f"samples/{did}.yaml",
        line=4,
        path=json_path(loc),
        message=f"{rule} fired on {did} & <checked> for escaping",
    )


def write_log(db: Path) -> None:
    ben = ("options", 1, "business_case", "benefits", 0)
    runs = [
        ("2025-01-10T09:00:00Z", [("ALT001", "high", "alternatives", ())]),
        (
            "2025-03-01T09:00:00Z",
            [
                ("ALT001", "high", "alternatives", ()),
                ("BEN008", "high", "benefits", ben),
                ("GOV001", "low", "governance", ()),
            ],
        ),
    ]
    log = AuditLog.open(db)
    try:
        for started, rules in runs:
            writer = log.writer()
            for rec in RECORDS:
                src = SourceRecord(Record.model_validate(rec), f"samples/{rec['id']}.yaml", "yaml")
                writer.add_record(src)
                for rule, sev, fam, loc in rules:
                    writer.add_finding(_finding(rec["id"], rule, sev, fam, loc), "digest")
            writer.commit(
                RunMeta(
                    started_at=started,
                    finished_at=started,
                    tool_version="test",
                    ruleset_digest="r",
                    config_digest="c",
                    input_digest="i",
                    command="decaudit check samples/",
                    actor="ci",
                )
            )
    finally:
        log.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "audit.db"
    write_log(db)
    page = folder / "report.html"
    page.write_text(build_report(db, base=folder), encoding="utf-8")
    return page


# --- PNG check -----------------------------------------------------------------------------


def png_pixels(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and unfiltered rows of an 8-bit RGB(A) PNG (Chromium's)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and color in (2, 6), f"unexpected PNG format {depth}/{color}"
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


# --- the tests -----------------------------------------------------------------------------


def test_console_check_detects_errors(chromium: str, tmp_path: Path) -> None:
    """Control: the console scan does see a CSP violation and a script error."""
    page = tmp_path / "control.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'\"></head><body>"
        '<img src="https://example.invalid/x.png"></body></html>',
        encoding="utf-8",
    )
    proc = run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())
    messages = console_messages(proc.stderr)
    assert any("Content Security Policy" in m for m in messages), proc.stderr[-2000:]


def test_report_renders_without_console_errors(chromium: str, report: Path, tmp_path: Path) -> None:
    proc = run_chromium(chromium, tmp_path / "profile", "--dump-dom", report.as_uri())
    assert console_messages(proc.stderr) == []
    dom = proc.stdout
    assert dom.count('<svg class="chart"') == 5  # families, rules, benefits, costs, mix
    assert len(re.findall(r'<circle class="point"', dom)) == 5  # five measured decisions
    assert "Loyalty &lt;b&gt;app&lt;/b&gt;" in dom
    assert "<b>app</b>" not in dom
    for chart in ("chart-families", "chart-rules", "chart-benefits", "chart-costs", "chart-mix"):
        assert f'id="{chart}"' in dom
        assert f'id="{chart}-t"' in dom and f'id="{chart}-d"' in dom


PROBE = """<script>
const out = {};
for (const svg of document.querySelectorAll("svg.chart")) {
  const box = svg.getBoundingClientRect();
  const shapes = [...svg.querySelectorAll("rect.bar, circle.point, line.ref")].map((s) => {
    const b = s.getBoundingClientRect();
    return [s.tagName, Math.round(b.width), Math.round(b.height)];
  });
  out[svg.id] = {width: Math.round(box.width), height: Math.round(box.height), shapes,
    label: svg.getAttribute("aria-label"), role: svg.getAttribute("role")};
}
const sections = [...document.querySelectorAll("main > section")].map((s) => s.id);
const pre = document.createElement("pre");
pre.id = "probe";
pre.textContent = JSON.stringify({charts: out, sections, width: document.body.scrollWidth});
document.body.appendChild(pre);
</script>"""


def test_charts_lay_out_with_real_sizes(chromium: str, report: Path, tmp_path: Path) -> None:
    """Measure the laid-out charts with a probe script (in a copy without the CSP)."""
    page = report.read_text(encoding="utf-8")
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    proc = run_chromium(
        chromium, tmp_path / "profile", "--window-size=1280,2400", "--dump-dom", probe.as_uri()
    )
    match = re.search(r'<pre id="probe">(.*?)</pre>', proc.stdout, re.S)
    assert match, "the probe did not run"
    data = json.loads(
        match.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )
    assert data["sections"] == [
        "summary",
        "findings",
        "risk",
        "benefits",
        "costs",
        "over-time",
        "mix",
        "changes",
        "runs",
    ]
    assert data["width"] <= 1280  # nothing overflows the viewport horizontally
    charts = data["charts"]
    assert set(charts) == {
        "chart-families",
        "chart-rules",
        "chart-benefits",
        "chart-costs",
        "chart-mix",
    }
    for name, chart in charts.items():
        assert chart["role"] == "img" and chart["label"], name
        assert chart["width"] > 300 and chart["height"] > 60, (name, chart)
        drawn = [s for s in chart["shapes"] if s[1] > 0 or s[2] > 0]
        assert drawn, f"{name}: nothing drawn"
    points = [s for s in charts["chart-benefits"]["shapes"] if s[0] == "circle"]
    assert len(points) == 5 and all(w > 4 and h > 4 for _, w, h in points)
    bars = [s for s in charts["chart-costs"]["shapes"] if s[0] == "rect"]
    assert len(bars) == 5 and all(w > 0 for _, w, _ in bars)
    # DEC-01 overran by 58%, DEC-05 came in under budget: bar widths follow the ratios
    widths = sorted(w for _, w, _ in bars)
    assert widths[-1] > widths[0]


def test_screenshot_artifact(chromium: str, report: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    run_chromium(
        chromium,
        tmp_path / "profile",
        "--hide-scrollbars",
        "--window-size=1280,2400",
        f"--screenshot={shot}",
        report.as_uri(),
    )
    width, height, bpp, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2400)
    # not blank: the header band is dark, the page is light, and there are many colours
    colours = {row[x : x + 3] for row in rows[::40] for x in range(0, len(row), bpp * 7)}
    assert len(colours) > 20
    assert max(rows[20][:30]) < 100  # the dark header
    shutil.copy(report, ARTIFACTS / "report.html")


def _pdf_pages(chromium: str, page: Path, tmp_path: Path) -> int:
    pdf = tmp_path / f"{page.stem}.pdf"
    run_chromium(
        chromium,
        tmp_path / "profile",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def test_printed_report_starts_each_section_on_a_new_page(
    chromium: str, report: Path, tmp_path: Path
) -> None:
    pages = _pdf_pages(chromium, report, tmp_path)
    # the same page with the section breaks turned off prints on fewer pages
    unbroken = tmp_path / "unbroken.html"
    override = (
        "<style>@media print { section { break-before: auto !important; "
        "page-break-before: auto !important; } }</style></head>"
    )
    unbroken.write_text(report.read_text(encoding="utf-8").replace("</head>", override))
    assert pages >= 8  # eight sections
    assert pages > _pdf_pages(chromium, unbroken, tmp_path)
