"""The decision record, format version 1, as pydantic models: the reference definition.

:mod:`decaudit.engine.model` validates records without pydantic (so a short ``check`` does
not import it) and turns here only when a record is outside its fast path: to render the
located error messages of an invalid record, and to accept the rarer inputs (lax
conversions) exactly as these models do. ``decaudit schema`` publishes the JSON Schema of
these models; a differential test keeps both definitions the same. Unknown keys are kept
(``extra="allow"``) and ignored by the rules.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StrictInt,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .model_values import MAX_FIGURE, MAX_FRACTION, MAX_TEXT

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
BenefitType = Literal["revenue", "cost-saving", "synergy", "margin", "strategic", "other"]


def _bounded(value: int | float) -> int | float:
    if abs(value) > MAX_FIGURE:
        raise PydanticCustomError(
            "figure_too_large", "is too large (more than 1e18 in magnitude)", {}
        )
    return value


def _fraction(value: int | float) -> int | float:
    if value > MAX_FRACTION:
        raise PydanticCustomError(
            "fraction_too_large",
            "must be a fraction (0.25 for 25%), at most {limit}",
            {"limit": MAX_FRACTION},
        )
    return value


# Money and ratios: any JSON number, never a string ("100" is an input error, not 100).
Number = Annotated[
    StrictInt | Annotated[float, Strict(), AllowInfNan(False)], AfterValidator(_bounded)
]
NonNegative = Annotated[Number, Field(ge=0)]
Fraction = Annotated[Number, Field(ge=0), AfterValidator(_fraction)]


def _figure_error(message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError("figure_order", message, ctx)


Text = Annotated[str, Field(max_length=MAX_TEXT)]


class _Base(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)


class Benefit(_Base):
    id: str | None = None
    description: Text | None = None
    type: BenefitType | None = None
    dis_benefit: StrictBool = Field(
        default=False,
        description="A dis-benefit (a negative outcome of the option): it projects 0 or less "
        "(projected and low). Every other benefit projects 0 or more (projected and high).",
    )
    projected: Number | None = None
    low: Number | None = None
    high: Number | None = None
    basis: Text | None = None
    realized: Number | None = None
    measured_on: dt.date | None = None

    @model_validator(mode="after")
    def _signs_and_order(self) -> Benefit:
        figures = [
            (name, value)
            for name in ("low", "projected", "high", "realized")
            if (value := getattr(self, name)) is not None
        ]
        # The projection's sign says what the item is. A benefit projects 0 or more (the
        # low end of its range, and what was realized, may fall below 0: a range that
        # includes a loss, an outcome that reversed); a dis-benefit projects 0 or less.
        signed = ("low", "projected") if self.dis_benefit else ("projected", "high")
        for name, value in figures:
            if name not in signed:
                continue
            if self.dis_benefit and value > 0:
                raise _figure_error(
                    "{field} is {value}, but a dis-benefit projects 0 or less",
                    field=name,
                    value=value,
                )
            if not self.dis_benefit and value < 0:
                raise _figure_error(
                    "{field} is negative ({value}); a benefit projects 0 or more "
                    "(mark a negative outcome with dis_benefit: true)",
                    field=name,
                    value=value,
                )
        ranged = [(n, v) for n, v in figures if n != "realized"]
        for (a, x), (b, y) in itertools.pairwise(ranged):
            if x > y:
                raise _figure_error(
                    "{a} ({x}) is above {b} ({y}); the range must be low <= projected <= high",
                    a=a,
                    x=x,
                    b=b,
                    y=y,
                )
        return self


class Cost(_Base):
    id: str | None = None
    description: Text | None = None
    projected: NonNegative | None = None
    contingency: Fraction | None = None
    realized: NonNegative | None = None


class Assumption(_Base):
    statement: Text
    evidence: Text | None = None
    challenged: StrictBool | None = None


class BusinessCase(_Base):
    horizon_years: Annotated[Number, Field(gt=0)] | None = None
    npv: Number | None = None
    roi: Number | None = None
    payback_years: NonNegative | None = None
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
