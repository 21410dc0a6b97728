"""The decision record, format version 1.

The model is the single source of truth for what a valid record is: the loaders map every
input format onto it, ``decaudit schema`` publishes its JSON Schema, and the facts are derived
from it. Unknown keys are kept (``extra="allow"``) and ignored by the rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AllowInfNan, BaseModel, ConfigDict, Field, Strict, StrictBool, StrictInt

FORMAT_VERSION = 1

Status = Literal["proposed", "accepted", "rejected", "implemented", "superseded", "withdrawn"]
Origin = Literal["bottom-up", "top-down"]
OptionKind = Literal[
    "do-nothing",
    "do-minimum",
    "incremental",
    "adjacent",
    "breakthrough",
    "replace-own-business",
]
OPTION_KINDS: tuple[str, ...] = OptionKind.__args__  # type: ignore[attr-defined]
BenefitType = Literal["revenue", "cost-saving", "synergy", "margin", "strategic", "other"]
BENEFIT_TYPES: tuple[str, ...] = BenefitType.__args__  # type: ignore[attr-defined]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]

# Money and ratios: any JSON number, never a string ("100" is an input error, not 100).
Number = StrictInt | Annotated[float, Strict(), AllowInfNan(False)]
Fraction = Annotated[Number, Field(ge=0)]
Text = Annotated[str, Field(max_length=100_000)]


class _Base(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)


class Benefit(_Base):
    id: str | None = None
    description: Text | None = None
    type: BenefitType | None = None
    projected: Number | None = None
    low: Number | None = None
    high: Number | None = None
    basis: Text | None = None
    realized: Number | None = None
    measured_on: dt.date | None = None


class Cost(_Base):
    id: str | None = None
    description: Text | None = None
    projected: Number | None = None
    contingency: Fraction | None = None
    realized: Number | None = None


class Assumption(_Base):
    statement: Text
    evidence: Text | None = None
    challenged: StrictBool | None = None


class BusinessCase(_Base):
    horizon_years: Number | None = None
    npv: Number | None = None
    roi: Number | None = None
    payback_years: Number | None = None
    benefits: list[Benefit] = Field(default_factory=list)
    costs: list[Cost] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)
    optimism_bias_uplift: Fraction | None = None
    scenarios: list[str] = Field(default_factory=list)
    integration_plan: Text | None = None


class Option(_Base):
    id: str | None = None
    title: Text
    kind: OptionKind | None = None
    chosen: StrictBool = False
    description: Text | None = None
    rejected_reason: Text | None = None
    pros: list[Text] = Field(default_factory=list)
    cons: list[Text] = Field(default_factory=list)
    business_case: BusinessCase | None = None


class Challenge(_Base):
    questions: list[Text] = Field(default_factory=list)
    alternatives_requested: StrictBool | None = None


class Review(_Base):
    date: dt.date | None = None
    notes: Text | None = None


class Waiver(_Base):
    rule: str
    reason: Annotated[str, Field(min_length=1)]
    approver: str | None = None
    expires: dt.date


class Record(_Base):
    """One decision. ``id`` and ``title`` are required; everything else is optional."""

    format_version: Literal[1] = 1
    id: Annotated[str, Field(min_length=1, max_length=200)]
    title: Annotated[str, Field(min_length=1, max_length=1000)]
    date: dt.date | None = None
    status: Status | None = None
    project_type: str | None = None
    origin: Origin | None = None
    decision_makers: list[str] = Field(default_factory=list)
    proposed_by: list[str] = Field(default_factory=list)
    context: Text | None = None
    rationale: Text | None = None
    options: list[Option] = Field(default_factory=list)
    challenge: Challenge | None = None
    review: Review | None = None
    waivers: list[Waiver] = Field(default_factory=list)
    chosen_option: Text | None = Field(
        default=None,
        description="The chosen option as the outcome names it (MADR 'Chosen option'), "
        "when the options themselves do not mark it.",
    )


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of format version 1."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://decaudit.dev/schema/record-v1.json"
    schema["title"] = "decaudit decision record, format version 1"
    return schema
