"""A seeded synthetic corpus of decision records for the benchmarks.

``make_record(rng, i)`` builds one format-v1 record with realistic variety: 1 to 6 options
of mixed kinds (some left for the engine to infer from the title), 1 to 3 benefits per
analysed option, business cases present or absent, realized figures on some past decisions,
challenges, reviews and waivers. The same seed always gives the same corpus.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

PROJECT_TYPES = (
    "acquisition",
    "it-system",
    "building",
    "product-extension",
    "outsourcing",
    "civil-engineering",
    "equipment",
    "marketing",
)
STATUSES = ("proposed", "accepted", "rejected", "implemented", "superseded", "withdrawn")
BENEFIT_TYPES = ("revenue", "cost-saving", "synergy", "margin", "strategic", "other")
# kind -> titles (the ones without a kind in the record exercise kind inference)
TITLES: dict[str, tuple[str, ...]] = {
    "do-nothing": ("Keep the current set-up (status quo)", "Do nothing", "Business as usual"),
    "do-minimum": ("Patch the existing system", "Minimum maintenance only"),
    "incremental": (
        "Add a premium tier to the existing range",
        "Extend the current product line",
        "Cut operating costs by 10%",
        "Acquire a regional competitor for its customer base",
    ),
    "adjacent": ("Enter the neighbouring market", "Sell the platform to partners"),
    "breakthrough": (
        "Build a subscription service instead of selling units",
        "Launch an entirely new business model",
    ),
    "replace-own-business": (
        "Replace our own product with a direct-to-consumer service",
        "Cannibalise the core business with a digital offer",
    ),
}
KINDS = tuple(TITLES)
KIND_WEIGHTS = (12, 8, 40, 15, 15, 10)
RATIONALES = (
    "Highest NPV of the options.",
    "Best ROI and shortest payback.",
    "Customers asked for it in every survey; it also has the best net benefit.",
    "Lowest risk option that keeps the existing customer base.",
)


def _money(rng: random.Random, low: int = 100_000, high: int = 20_000_000) -> int:
    return rng.randrange(low, high, 10_000)


def _benefit(rng: random.Random, j: int, past: bool) -> dict[str, Any]:
    projected = _money(rng)
    b: dict[str, Any] = {
        "id": f"b{j}",
        "type": rng.choice(BENEFIT_TYPES),
        "projected": projected,
        "description": "Projected benefit line",
    }
    if rng.random() < 0.5:
        b["low"] = int(projected * 0.7)
        b["high"] = int(projected * 1.3)
    if rng.random() < 0.6:
        b["basis"] = rng.choice(("2023 pilot", "Vendor quote", "Market study by an advisor"))
    if past and rng.random() < 0.6:
        b["realized"] = int(projected * rng.uniform(0.2, 1.2))
        b["measured_on"] = f"{rng.randint(2019, 2025)}-0{rng.randint(1, 9)}-15"
    return b


def _business_case(rng: random.Random, past: bool, acquisition: bool) -> dict[str, Any]:
    case: dict[str, Any] = {
        "horizon_years": rng.choice((3, 5, 7, 10)),
        "npv": _money(rng, -2_000_000, 15_000_000),
        "benefits": [_benefit(rng, j, past) for j in range(rng.randint(1, 3))],
        "costs": [
            {
                "id": "capex",
                "projected": _money(rng),
                **({"contingency": round(rng.uniform(0, 0.4), 2)} if rng.random() < 0.5 else {}),
                **({"realized": _money(rng)} if past and rng.random() < 0.5 else {}),
            }
        ],
        "scenarios": rng.choice((["base"], ["base", "downside"], ["base", "downside", "upside"])),
    }
    if rng.random() < 0.4:
        case["optimism_bias_uplift"] = rng.choice((0.24, 0.41, 0.51, 2.0))
    if rng.random() < 0.5:
        case["assumptions"] = [
            {
                "statement": "Costs come in on target",
                **({"evidence": "Fixed-price contract"} if rng.random() < 0.5 else {}),
                "challenged": rng.random() < 0.5,
            }
        ]
    if acquisition and rng.random() < 0.5:
        case["integration_plan"] = "Merge sales teams within 12 months."
    return case


def make_record(rng: random.Random, i: int) -> dict[str, Any]:
    year = rng.randint(2016, 2026)
    status = rng.choice(STATUSES)
    project_type = rng.choice(PROJECT_TYPES)
    past = status == "implemented" and year < 2025
    options: list[dict[str, Any]] = []
    n = rng.randint(1, 6)
    chosen = rng.randrange(n) if status in ("accepted", "implemented") or rng.random() < 0.5 else -1
    for k in range(n):
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        opt: dict[str, Any] = {"id": f"opt{k}", "title": rng.choice(TITLES[kind])}
        if rng.random() < 0.8:
            opt["kind"] = kind
        if k == chosen:
            opt["chosen"] = True
        elif rng.random() < 0.7:
            opt["rejected_reason"] = "Lower net benefit."
        if rng.random() < 0.7:
            opt["business_case"] = _business_case(rng, past, project_type == "acquisition")
        if rng.random() < 0.2:
            opt["cons"] = ["Slower to deliver"]
        options.append(opt)
    rec: dict[str, Any] = {
        "id": f"DEC-{year}-{i:06d}",
        "title": f"Synthetic decision {i} on the {project_type} portfolio",
        "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "status": status,
        "project_type": project_type,
        "origin": rng.choice(("bottom-up", "top-down")),
        "rationale": rng.choice(RATIONALES),
        "options": options,
    }
    if rng.random() < 0.85:
        rec["decision_makers"] = rng.choice((["CEO"], ["Board"], ["CFO", "COO"]))
    if rng.random() < 0.5:
        rec["proposed_by"] = ["Product management"]
    if rng.random() < 0.7:
        rec["challenge"] = {
            "questions": rng.choice(([], ["What is the customer value?"])),
            "alternatives_requested": rng.random() < 0.4,
        }
    if past and rng.random() < 0.4:
        rec["review"] = {"date": f"{year + 1}-06-30", "notes": "Benefits review."}
    if rng.random() < 0.05:
        rec["waivers"] = [
            {"rule": "ALT001", "reason": "Deferred to the strategy review", "expires": "2099-12-31"}
        ]
    return rec


def records(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for i in range(n):
        yield make_record(rng, i)


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in records(n, seed):
            fh.write(json.dumps(rec, separators=(",", ":")) + "\n")
    return path


def write_yaml_dir(path: Path, n: int, seed: int = 7) -> Path:
    """One YAML file per record, in sub-folders of 1000 files."""
    for i, rec in enumerate(records(n, seed)):
        sub = path / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{rec['id']}.yaml").write_text(
            yaml.safe_dump(rec, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    return path
