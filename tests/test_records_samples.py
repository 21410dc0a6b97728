"""The shipped samples load in every format, with the expected content and line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from decaudit.engine.records import iter_sources
from decaudit.engine.types import InputError, SourceRecord


@pytest.fixture(scope="module")
def loaded(samples_dir: Path) -> dict[str, SourceRecord]:
    items = list(iter_sources([str(samples_dir)]))
    errors = [str(i) for i in items if isinstance(i, InputError) and i.kind != "skipped"]
    assert errors == []
    return {i.record.id: i for i in items if isinstance(i, SourceRecord)}


def test_samples_cover_every_format(loaded: dict[str, SourceRecord]) -> None:
    assert len(loaded) >= 15
    assert {s.format for s in loaded.values()} == {
        "yaml",
        "json",
        "jsonl",
        "madr",
        "nygard",
        "csv",
        "xlsx",
        "business-case",
    }


@pytest.mark.parametrize(
    ("did", "fmt", "options", "chosen"),
    [
        ("DEC-2025-014", "yaml", 3, "premium-tier"),
        ("DEC-2024-031", "yaml", 3, "acquire"),
        ("DEC-2025-022", "yaml", 4, "subscription"),
        ("DEC-2025-037", "yaml", 5, "shared-hub"),
        ("DEC-2021-019", "yaml", 3, "app"),
        ("DEC-2025-041", "yaml", 2, "third-line"),
        ("DEC-2022-007", "json", 3, "cloud-erp"),
        ("DEC-2021-003", "jsonl", 2, "consolidate"),
        ("DEC-2023-004", "jsonl", 3, "kiosks"),
        ("REG-2023-01", "csv", 3, "ev-vans"),
        ("REG-2024-02", "csv", 1, "lyon"),
        ("REG-2024-05", "csv", 3, "distributor"),
    ],
)
def test_structured_samples(
    loaded: dict[str, SourceRecord], did: str, fmt: str, options: int, chosen: str
) -> None:
    src = loaded[did]
    assert src.format == fmt
    assert len(src.record.options) == options
    assert [o.id for o in src.record.options if o.chosen] == [chosen]


def test_adr_samples(loaded: dict[str, SourceRecord]) -> None:
    nygard = loaded["adr/0001-record-architecture-decisions"]
    assert nygard.format == "nygard" and nygard.record.options == []
    assert nygard.record.status == "accepted"
    madr2 = loaded["adr/0002-use-postgresql-for-order-data"].record
    assert madr2.decision_makers == ["Priya Raman", "Tom Fischer", "Lena Vogt"]
    assert [o.title for o in madr2.options if o.chosen] == [
        "PostgreSQL 15 on managed cloud instances"
    ]
    madr3 = loaded["adr/0003-first-line-support-model"].record
    assert not any(o.chosen for o in madr3.options)
    assert madr3.chosen_option == "hybrid model with overflow outsourcing"
    madr4 = loaded["adr/0004-direct-sales-channel"].record
    assert madr4.status == "proposed"
    assert [o.title for o in madr4.options] == [
        "Keep selling through dealers only",
        "Expand into marketplaces",
        "Direct-to-consumer parts shop",
    ]
    assert madr4.options[2].chosen
    assert madr4.options[0].model_extra == {
        "neutral": ["dealer parts revenue keeps declining slowly"]
    }


def test_sample_line_numbers(loaded: dict[str, SourceRecord]) -> None:
    aurora = loaded["DEC-2025-014"]
    assert aurora.line_of(()) == 11
    assert aurora.line_of(("options", 0)) == 27
    assert aurora.line_of(("options", 0, "business_case", "benefits", 0)) == 38
    assert aurora.line_of(("options", 2)) == 74
    erp = loaded["DEC-2022-007"]
    assert erp.line_of(("options", 0, "business_case", "benefits", 1)) == 36
    assert loaded["DEC-2023-004"].line_of(("options", 2)) == 3
    assert loaded["REG-2024-05"].line_of(("options", 2)) == 8
    assert loaded["adr/0004-direct-sales-channel"].line_of(("options", 1)) == 35


def test_samples_leave_some_kinds_to_inference(loaded: dict[str, SourceRecord]) -> None:
    missing = [
        (did, o.title)
        for did, s in loaded.items()
        if s.format == "yaml"
        for o in s.record.options
        if o.kind is None
    ]
    assert len(missing) >= 2
