"""The decision record, format version 1.

The model is the single source of truth for what a valid record is: the loaders map every
input format onto it, ``decaudit schema`` publishes its JSON Schema, and the facts are derived
from it. Unknown keys are kept and ignored by the rules.

The classes here are plain frozen objects with the part of pydantic's model API the project
uses (``model_validate``, ``model_fields``, ``model_extra``, ``model_dump``, ``model_copy``),
validated by a hand-written fast path that accepts only what the pydantic definition
(:mod:`.model_schema`) accepts, with the same values. Anything outside that path (an invalid
record, above all) is handed to the pydantic models, imported only then: their errors are
the ones reported, and a record they accept is converted. A short ``check`` of valid records
never imports pydantic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from .model_values import (
    _REQUIRED,
    FORMAT_VERSION,
    MAX_FRACTION,
    MAX_TEXT,
    Check,
    Unsupported,
    _bool,
    _date,
    _Defer,
    _format_version,
    _list_of,
    _number,
    _one_of,
    _optional,
    _string,
    dump_extra,
    kind_of,
)
from .model_values import MAX_FIGURE as MAX_FIGURE  # re-exported: the model's limits

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
ORIGINS: tuple[str, ...] = Origin.__args__  # type: ignore[attr-defined]


def _model(cls: type[Model]) -> Check:
    def check(v: Any) -> Any:
        if type(v) is dict:
            return cls._fast(v)
        raise _Defer

    return check


_TEXT = _string(high=MAX_TEXT)
_NUMBER = _number()
_NON_NEGATIVE = _number(0)
_FRACTION = _number(0, high=MAX_FRACTION)


class Model:
    """A frozen record part: its fields as attributes, unknown keys in ``model_extra``."""

    # (name, check, default: a value, a zero-argument factory (list) or _REQUIRED)
    _FIELDS: ClassVar[tuple[tuple[str, Check, Any], ...]] = ()
    # field -> (its model class, whether it is a list of them)
    _NESTED: ClassVar[dict[str, tuple[type[Model], bool]]] = {}
    model_fields: ClassVar[dict[str, Any]] = {}
    model_extra: dict[str, Any]

    # derived from _FIELDS: the check of each field (None allowed when optional), the
    # defaults of the fields that are absent, the list fields and the required ones
    _CHECKS: ClassVar[dict[str, Check]] = {}
    _OPTIONAL: ClassVar[frozenset[str]] = frozenset()
    _DEFAULTS: ClassVar[dict[str, Any]] = {}
    _LISTS: ClassVar[tuple[str, ...]] = ()
    _NEEDED: ClassVar[tuple[str, ...]] = ()
    # how each field is written: None (as it is), "list", "date", "model" or "models"
    _KINDS: ClassVar[tuple[tuple[str, str | None], ...]] = ()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls.model_fields = {name: default for name, _, default in cls._FIELDS}
        cls._CHECKS = {name: getattr(check, "inner", check) for name, check, _ in cls._FIELDS}
        cls._OPTIONAL = frozenset(n for n, check, _ in cls._FIELDS if hasattr(check, "inner"))
        cls._DEFAULTS = {n: d for n, _, d in cls._FIELDS if d is not list and d is not _REQUIRED}
        cls._LISTS = tuple(n for n, _, d in cls._FIELDS if d is list)
        cls._NEEDED = tuple(n for n, _, d in cls._FIELDS if d is _REQUIRED)
        nested = cls.__dict__.get("_NESTED", {})
        cls._KINDS = tuple((n, kind_of(check, nested.get(n))) for n, check, _ in cls._FIELDS)

    def __init__(self, **data: Any) -> None:
        self.__dict__.update(type(self).model_validate(data).__dict__)

    # -- validation ------------------------------------------------------------------------

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """The validated model of ``data``; pydantic's ``ValidationError`` when invalid."""
        if isinstance(data, cls):
            return data
        found = cls.fast_validate(data)
        if found is not None:
            return found
        return cls._from_reference(cls.reference().model_validate(data))

    @classmethod
    def fast_validate(cls, data: Any) -> Any:
        """The model of ``data`` when the fast path accepts it, else None (then
        :meth:`model_validate` gives the pydantic models' result or errors)."""
        if type(data) is not dict:
            return None
        try:
            return cls._fast(data)
        except _Defer:
            return None

    @classmethod
    def _fast(cls, data: dict[Any, Any]) -> Any:
        checks, optional = cls._CHECKS, cls._OPTIONAL
        values = dict(cls._DEFAULTS)
        extra: dict[str, Any] = {}
        for key, value in data.items():
            check = checks.get(key)
            if check is None:
                if type(key) is not str:
                    raise _Defer
                extra[key] = value
            elif value is None and key in optional:
                values[key] = None
            else:
                values[key] = check(value)
        for name in cls._LISTS:
            if name not in values:
                values[name] = []
        for name in cls._NEEDED:
            if name not in values:
                raise _Defer
        values["model_extra"] = extra
        obj = cls.__new__(cls)
        obj.__dict__.update(values)
        if not obj._consistent():
            raise _Defer
        return obj

    def _consistent(self) -> bool:
        """Checks across fields (a benefit's signs and range)."""
        return True

    @classmethod
    def reference(cls) -> Any:
        """The pydantic model of the same name (:mod:`.model_schema`)."""
        from . import model_schema

        return getattr(model_schema, cls.__name__)

    @classmethod
    def _from_reference(cls, ref: Any) -> Any:
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            value = getattr(ref, name)
            nested = cls._NESTED.get(name)
            if nested is not None and value is not None:
                sub, many = nested
                value = (
                    [sub._from_reference(x) for x in value] if many else sub._from_reference(value)
                )
            values[name] = value
        values["model_extra"] = dict(ref.model_extra or {})
        obj = cls.__new__(cls)
        obj.__dict__.update(values)
        return obj

    # -- the rest of the model API ---------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        # only called when ``name`` is neither a field nor a method: unknown keys read as
        # attributes, as pydantic's ``extra="allow"`` does
        extra = self.__dict__.get("model_extra")
        if extra is not None and not name.startswith("__") and name in extra:
            return extra[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: use model_copy(update=...)")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *(self.__dict__[n] for n in self.model_fields)))

    def __repr__(self) -> str:
        items = [f"{n}={self.__dict__[n]!r}" for n in self.model_fields]
        items += [f"{k}={v!r}" for k, v in self.model_extra.items()]
        return f"{type(self).__name__}({', '.join(items)})"

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with ``update`` applied (not validated, as in pydantic)."""
        if deep:
            import copy

            return copy.deepcopy(self).model_copy(update=update)
        obj = type(self).__new__(type(self))
        values = dict(self.__dict__)
        values["model_extra"] = extra = dict(self.model_extra)
        for key, value in (update or {}).items():
            if key in self.model_fields:
                values[key] = value
            else:
                extra[key] = value
        obj.__dict__.update(values)
        return obj

    def model_dump(self, *, mode: str = "python", exclude_none: bool = False) -> dict[str, Any]:
        """The record as plain data, as pydantic's ``model_dump`` gives it (fields in order,
        then the unknown keys; ``mode="json"``: dates as ISO text)."""
        try:
            return self._dump(mode == "json", exclude_none)
        except Unsupported:  # an unknown key holding a value only pydantic knows how to write
            ref = self.reference().model_validate(self._dump(False, False))
            out: dict[str, Any] = ref.model_dump(mode=mode, exclude_none=exclude_none)
            return out

    def _dump(self, json: bool, exclude_none: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        values = self.__dict__
        for name, kind in self._KINDS:
            value = values[name]
            if value is None:
                if not exclude_none:
                    out[name] = None
            elif kind is None:
                out[name] = value
            elif kind == "list":
                out[name] = list(value)
            elif kind == "date":
                out[name] = value.isoformat() if json and type(value) is dt.date else value
            elif kind == "models":
                out[name] = [x._dump(json, exclude_none) for x in value]
            else:
                out[name] = value._dump(json, exclude_none)
        extra = self.model_extra
        if extra:
            for key, value in extra.items():
                if value is None and exclude_none:
                    continue
                out[key] = dump_extra(value) if json else value
        return out

    def model_dump_json(self, *, indent: int | None = None) -> str:
        import json

        data = self.model_dump(mode="json")
        if indent is None:
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return json.dumps(data, ensure_ascii=False, indent=indent)


def _fields(*specs: tuple[str, Check, Any]) -> tuple[tuple[str, Check, Any], ...]:
    return specs


class Benefit(Model):
    id: str | None
    description: str | None
    type: str | None
    dis_benefit: bool
    projected: int | float | None
    low: int | float | None
    high: int | float | None
    basis: str | None
    realized: int | float | None
    measured_on: dt.date | None

    _FIELDS = _fields(
        ("id", _optional(_string()), None),
        ("description", _optional(_TEXT), None),
        ("type", _optional(_one_of(BENEFIT_TYPES)), None),
        ("dis_benefit", _bool, False),
        ("projected", _optional(_NUMBER), None),
        ("low", _optional(_NUMBER), None),
        ("high", _optional(_NUMBER), None),
        ("basis", _optional(_TEXT), None),
        ("realized", _optional(_NUMBER), None),
        ("measured_on", _optional(_date), None),
    )

    def _consistent(self) -> bool:
        # A benefit projects 0 or more (projected, high), a dis-benefit 0 or less (low,
        # projected); low <= projected <= high. The reference model words the errors.
        v = self.__dict__
        low, projected, high = v["low"], v["projected"], v["high"]
        if v["dis_benefit"]:
            if (low is not None and low > 0) or (projected is not None and projected > 0):
                return False
        elif (projected is not None and projected < 0) or (high is not None and high < 0):
            return False
        previous = None
        for x in (low, projected, high):
            if x is not None:
                if previous is not None and previous > x:
                    return False
                previous = x
        return True


class Cost(Model):
    id: str | None
    description: str | None
    projected: int | float | None
    contingency: int | float | None
    realized: int | float | None

    _FIELDS = _fields(
        ("id", _optional(_string()), None),
        ("description", _optional(_TEXT), None),
        ("projected", _optional(_NON_NEGATIVE), None),
        ("contingency", _optional(_FRACTION), None),
        ("realized", _optional(_NON_NEGATIVE), None),
    )


class Assumption(Model):
    statement: str
    evidence: str | None
    challenged: bool | None

    _FIELDS = _fields(
        ("statement", _TEXT, _REQUIRED),
        ("evidence", _optional(_TEXT), None),
        ("challenged", _optional(_bool), None),
    )


class BusinessCase(Model):
    horizon_years: int | float | None
    npv: int | float | None
    roi: int | float | None
    payback_years: int | float | None
    benefits: list[Benefit]
    costs: list[Cost]
    assumptions: list[Assumption]
    optimism_bias_uplift: int | float | None
    scenarios: list[str]
    integration_plan: str | None

    _FIELDS = _fields(
        ("horizon_years", _optional(_number(0, above=True)), None),
        ("npv", _optional(_NUMBER), None),
        ("roi", _optional(_NUMBER), None),
        ("payback_years", _optional(_NON_NEGATIVE), None),
        ("benefits", _list_of(_model(Benefit)), list),
        ("costs", _list_of(_model(Cost)), list),
        ("assumptions", _list_of(_model(Assumption)), list),
        ("optimism_bias_uplift", _optional(_FRACTION), None),
        ("scenarios", _list_of(_string()), list),
        ("integration_plan", _optional(_TEXT), None),
    )
    _NESTED: ClassVar[dict[str, tuple[type[Model], bool]]] = {
        "benefits": (Benefit, True),
        "costs": (Cost, True),
        "assumptions": (Assumption, True),
    }


class Option(Model):
    id: str | None
    title: str
    kind: str | None
    chosen: bool
    description: str | None
    rejected_reason: str | None
    pros: list[str]
    cons: list[str]
    business_case: BusinessCase | None

    _FIELDS = _fields(
        ("id", _optional(_string()), None),
        ("title", _TEXT, _REQUIRED),
        ("kind", _optional(_one_of(OPTION_KINDS)), None),
        ("chosen", _bool, False),
        ("description", _optional(_TEXT), None),
        ("rejected_reason", _optional(_TEXT), None),
        ("pros", _list_of(_TEXT), list),
        ("cons", _list_of(_TEXT), list),
        ("business_case", _optional(_model(BusinessCase)), None),
    )
    _NESTED: ClassVar[dict[str, tuple[type[Model], bool]]] = {
        "business_case": (BusinessCase, False)
    }


class Challenge(Model):
    questions: list[str]
    alternatives_requested: bool | None

    _FIELDS = _fields(
        ("questions", _list_of(_TEXT), list),
        ("alternatives_requested", _optional(_bool), None),
    )


class Review(Model):
    date: dt.date | None
    notes: str | None

    _FIELDS = _fields(("date", _optional(_date), None), ("notes", _optional(_TEXT), None))


class Waiver(Model):
    rule: str
    reason: str
    approver: str | None
    expires: dt.date

    _FIELDS = _fields(
        ("rule", _string(), _REQUIRED),
        ("reason", _string(1), _REQUIRED),
        ("approver", _optional(_string()), None),
        ("expires", _date, _REQUIRED),
    )


class Record(Model):
    """One decision. ``id`` and ``title`` are required; everything else is optional."""

    format_version: int
    id: str
    title: str
    date: dt.date | None
    status: str | None
    project_type: str | None
    origin: str | None
    decision_makers: list[str]
    proposed_by: list[str]
    context: str | None
    rationale: str | None
    options: list[Option]
    challenge: Challenge | None
    review: Review | None
    waivers: list[Waiver]
    chosen_option: str | None

    _FIELDS = _fields(
        ("format_version", _format_version, FORMAT_VERSION),
        ("id", _string(1, 200), _REQUIRED),
        ("title", _string(1, 1000), _REQUIRED),
        ("date", _optional(_date), None),
        ("status", _optional(_one_of(STATUSES)), None),
        ("project_type", _optional(_string()), None),
        ("origin", _optional(_one_of(ORIGINS)), None),
        ("decision_makers", _list_of(_string()), list),
        ("proposed_by", _list_of(_string()), list),
        ("context", _optional(_TEXT), None),
        ("rationale", _optional(_TEXT), None),
        ("options", _list_of(_model(Option)), list),
        ("challenge", _optional(_model(Challenge)), None),
        ("review", _optional(_model(Review)), None),
        ("waivers", _list_of(_model(Waiver)), list),
        ("chosen_option", _optional(_TEXT), None),
    )
    _NESTED: ClassVar[dict[str, tuple[type[Model], bool]]] = {
        "options": (Option, True),
        "challenge": (Challenge, False),
        "review": (Review, False),
        "waivers": (Waiver, True),
    }


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of format version 1."""
    from .model_schema import json_schema as reference_schema

    return reference_schema()
