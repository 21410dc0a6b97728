"""The JSON Schema of rule files (``decaudit schema --rule``).

The loader checks everything here and more (facts against the catalogue, value types,
placeholders, examples); the schema is for editors and external tooling.
"""

from __future__ import annotations

from typing import Any

from ..facts import CATALOGUE
from ..vocab import FAMILIES, PRECISIONS, SEVERITIES
from .brief_text import BRIEF_SCHEMA
from .values import OPERATORS

# The top-level fields of a rule file (the loader checks the same lists).
REQUIRED = (
    "id",
    "name",
    "title",
    "family",
    "severity",
    "rationale",
    "references",
    "remediation",
    "message",
    "examples",
)
OPTIONAL = (
    "precision",
    "params",
    "target",
    "when",
    "match",
    "at",
    "brief",
    "related",
    "convention",
    "line",
)

_SCALAR: dict[str, Any] = {"type": ["string", "number", "boolean"]}
_LINE_FACTS = sorted(
    {n for specs in CATALOGUE.values() for n, spec in specs.items() if n.endswith("_line")}
)
_FACT_NAMES = sorted({name for specs in CATALOGUE.values() for name in specs})

RULE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://decaudit.dev/schema/rule-v1.json",
    "title": "decaudit rule file",
    "type": "object",
    "additionalProperties": False,
    "required": list(REQUIRED),
    "oneOf": [{"required": ["target", "when"]}, {"required": ["match"]}],
    "properties": {
        "id": {"type": "string", "pattern": "^[A-Z]{2,5}[0-9]{3}$"},
        "name": {"type": "string", "pattern": "^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"},
        "title": {"type": "string", "minLength": 1},
        "family": {"enum": list(FAMILIES)},
        "severity": {"enum": list(SEVERITIES)},
        "precision": {"enum": list(PRECISIONS)},
        "rationale": {"type": "string", "minLength": 1},
        "remediation": {"type": "string", "minLength": 1},
        "references": {
            "type": "array",
            "minItems": 1,
            "items": {
                "oneOf": [
                    {"type": "string", "minLength": 1},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["title"],
                        "properties": {
                            "title": {"type": "string", "minLength": 1},
                            "url": {"type": "string", "minLength": 1},
                        },
                    },
                ]
            },
        },
        "params": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
            "additionalProperties": {
                "oneOf": [_SCALAR, {"type": "array", "items": _SCALAR}],
            },
        },
        "target": {"enum": list(CATALOGUE)},
        "when": {"$ref": "#/$defs/condition"},
        "match": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["target", "when"],
                "properties": {
                    "target": {"enum": [t for t in CATALOGUE if t != "portfolio"]},
                    "when": {"$ref": "#/$defs/condition"},
                },
            },
        },
        "at": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
        "related": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"type": "string", "pattern": "^[A-Z]{2,5}[0-9]{3}$"},
        },
        "convention": {"type": "string", "minLength": 1},
        "line": {"enum": _LINE_FACTS},
        "message": {"type": "string", "minLength": 1},
        "brief": BRIEF_SCHEMA,
        "examples": {
            "type": "array",
            "minItems": 2,
            "items": {"$ref": "#/$defs/example"},
        },
    },
    "$defs": {
        "condition": {
            "oneOf": [
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["all"],
                    "properties": {
                        "all": {
                            "type": "array",
                            "minItems": 1,
                            "items": {"$ref": "#/$defs/condition"},
                        }
                    },
                },
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["any"],
                    "properties": {
                        "any": {
                            "type": "array",
                            "minItems": 1,
                            "items": {"$ref": "#/$defs/condition"},
                        }
                    },
                },
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["not"],
                    "properties": {"not": {"$ref": "#/$defs/condition"}},
                },
                {"$ref": "#/$defs/comparison"},
            ]
        },
        "comparison": {
            "type": "object",
            "additionalProperties": False,
            "required": ["fact"],
            "properties": {
                "fact": {"enum": _FACT_NAMES},
                "op": {"enum": list(OPERATORS)},
                "value": {"oneOf": [_SCALAR, {"type": "array", "minItems": 1, "items": _SCALAR}]},
                "param": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
                "ref": {"type": "string", "pattern": "^[a-z][a-z0-9_]*\\.[a-z_][a-z0-9_]*$"},
            },
            "not": {
                "anyOf": [
                    {"required": ["value", "param"]},
                    {"required": ["value", "ref"]},
                    {"required": ["param", "ref"]},
                ]
            },
        },
        "example": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name", "expect"],
            "oneOf": [{"required": ["record"]}, {"required": ["records"]}],
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "expect": {"enum": ["flagged", "clean"]},
                "count": {"type": "integer", "minimum": 0},
                "paths": {"type": "array", "items": {"type": "string"}},
                "record": {"type": "object"},
                "records": {"type": "array", "minItems": 1, "items": {"type": "object"}},
                "params": {"type": "object"},
                "history": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["ratio"],
                        "properties": {
                            "ratio": {"type": "number"},
                            "count": {"type": "integer", "minimum": 0},
                            "decisions": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}
