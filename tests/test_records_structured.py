"""YAML, JSON and JSON Lines loaders: records, line numbers and validation messages."""

from __future__ import annotations

import textwrap

from decaudit.engine.records import load_file
from decaudit.engine.types import InputError, SourceRecord


def load(name: str, text: str) -> list[SourceRecord | InputError]:
    return load_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"))


def records(results: list[SourceRecord | InputError]) -> list[SourceRecord]:
    assert all(isinstance(r, SourceRecord) for r in results), results
    return [r for r in results if isinstance(r, SourceRecord)]


def errors(results: list[SourceRecord | InputError]) -> list[str]:
    return [str(r) for r in results if isinstance(r, InputError)]


YAML_RECORD = """
    id: DEC-1
    title: Premium tier
    options:
      - id: a
        title: Add a premium tier
        chosen: true
        business_case:
          benefits:
            - id: revenue
              projected: 100
            - id: services
              projected: 50
      - title: Status quo
"""


def test_yaml_record_keeps_line_of_every_item() -> None:
    (src,) = records(load("d.yaml", YAML_RECORD))
    assert src.format == "yaml"
    assert src.record.id == "DEC-1"
    assert src.line_of(()) == 1
    assert src.line_of(("options", 0)) == 4
    assert src.line_of(("options", 1)) == 13
    assert src.line_of(("options", 0, "business_case", "benefits", 1)) == 11
    assert src.line_of(("options", 0, "business_case", "benefits", 1, "projected")) == 12
    # an unknown location falls back to its nearest ancestor
    assert src.line_of(("options", 1, "business_case", "costs", 3)) == 13


def test_yaml_multi_document_bad_record_does_not_stop_the_others() -> None:
    text = """
        id: A
        title: First
        ---
        id: B
        title: Second
        date: someday
        ---
        id: C
        title: Third
    """
    results = load("many.yaml", text)
    assert [r.record.id for r in results if isinstance(r, SourceRecord)] == ["A", "C"]
    assert errors(results) == ["many.yaml:6: date: must be a date (YYYY-MM-DD)"]


def test_yaml_list_of_records() -> None:
    text = """
        - id: A
          title: First
        - id: B
          title: Second
          options:
            - title: One
    """
    srcs = records(load("list.yaml", text))
    assert [s.record.id for s in srcs] == ["A", "B"]
    assert srcs[1].line_of(()) == 3
    assert srcs[1].line_of(("options", 0)) == 6


def test_validation_message_names_line_and_path() -> None:
    text = YAML_RECORD.replace("projected: 50", 'projected: "50"')
    assert errors(load("d.yaml", text)) == [
        "d.yaml:12: options[0].business_case.benefits[1].projected: must be a number"
    ]


def test_validation_messages_per_error_type() -> None:
    text = """
        id: DEC-2
        status: done
        decision_makers: CEO
        options:
          - title: X
            chosen: "yes"
    """
    (err,) = errors(load("d.yaml", text))
    assert err == (
        "d.yaml:1: title: is required; "
        "status: must be one of: proposed, accepted, rejected, implemented, superseded, "
        "withdrawn; decision_makers: must be a list; and 1 more"
    )


def test_missing_field_reports_parent_line() -> None:
    text = """
        id: DEC-3
        title: T
        options:
          - id: a
            chosen: true
    """
    assert errors(load("d.yaml", text)) == ["d.yaml:4: options[0].title: is required"]


def test_more_messages() -> None:
    text = """
        id: DEC-4
        title: T
        options:
          - title: X
            kind: radical
            business_case:
              optimism_bias_uplift: -0.2
    """
    (err,) = errors(load("d.yaml", text))
    assert err == (
        "d.yaml:5: options[0].kind: must be one of: do-nothing, do-minimum, incremental, "
        "adjacent, breakthrough, replace-own-business; "
        "options[0].business_case.optimism_bias_uplift: must be at least 0"
    )


def test_non_mapping_document_is_an_error() -> None:
    assert errors(load("d.yaml", "just a string\n")) == [
        "d.yaml:1: a decision record must be a mapping (got str)"
    ]


def test_yaml_syntax_error_names_line() -> None:
    text = "id: A\ntitle: [unclosed\nother: 1\n"
    (err,) = errors(load_file("bad.yaml", text.encode()))
    assert err.startswith("bad.yaml:")
    assert "invalid YAML" in err


def test_yaml_tags_are_refused() -> None:
    text = "id: A\ntitle: !!python/object:os.system echo\n"
    (err,) = errors(load_file("t.yaml", text.encode()))
    assert err.startswith("t.yaml:2: ")
    assert "unsupported YAML tag" in err


def test_json_record_lines() -> None:
    text = """
        {
          "$comment": "kept and ignored",
          "id": "J-1",
          "title": "JSON record",
          "options": [
            {"title": "One", "chosen": true},
            {
              "title": "Two",
              "business_case": {"benefits": [{"projected": 5}, {"projected": 6.5}]}
            }
          ]
        }
    """
    (src,) = records(load("r.json", text))
    assert src.format == "json"
    assert src.record.model_extra == {"$comment": "kept and ignored"}
    assert src.line_of(("options", 0)) == 6
    assert src.line_of(("options", 1)) == 7
    assert src.line_of(("options", 1, "business_case", "benefits", 1)) == 9


def test_json_list_each_record_validated_on_its_own() -> None:
    text = """
        [
          {"id": "A", "title": "First"},
          {"id": "B", "title": "Second", "date": "2024-02-30"},
          {"id": "C",
           "title": "Third"}
        ]
    """
    results = load("l.json", text)
    assert [r.record.id for r in results if isinstance(r, SourceRecord)] == ["A", "C"]
    assert [r.line_of(()) for r in results if isinstance(r, SourceRecord)] == [2, 4]
    assert errors(results) == ["l.json:3: date: must be a date (YYYY-MM-DD)"]


def test_json_strictness() -> None:
    assert errors(load("x.json", '{"id": "A", "title": NaN}')) == [
        "x.json:1: invalid JSON: NaN is not valid JSON (write a number, or null if unknown)"
    ]
    assert errors(load("x.json", '{"id": "A",\n "title": "T",\n}')) == [
        "x.json:3: invalid JSON: expected a quoted property name"
    ]
    assert errors(load("x.json", '{"id": "A", "title": "T"} {}')) == [
        "x.json:1: invalid JSON: extra data after the JSON value"
    ]


def test_json_number_as_string_is_not_coerced() -> None:
    text = (
        '{"id": "A", "title": "T", "options": [{"title": "X",\n "business_case": {"npv": "100"}}]}'
    )
    assert errors(load("x.json", text)) == [
        "x.json:2: options[0].business_case.npv: must be a number"
    ]


def test_jsonl_one_record_per_line() -> None:
    text = (
        '{"id": "A", "title": "First"}\n'
        "\n"
        '{"id": "B", "title": 7}\n'
        "not json\n"
        '[{"id": "D"}]\n'
        '{"id": "E", "title": "Fifth", "options": [{"title": "x"}]}\n'
    )
    results = load_file("b.jsonl", text.encode())
    srcs = [r for r in results if isinstance(r, SourceRecord)]
    assert [(s.record.id, s.line_of(("options", 0))) for s in srcs] == [("A", 1), ("E", 6)]
    assert errors(results) == [
        "b.jsonl:3: title: must be text",
        "b.jsonl:4: invalid JSON: expecting value",
        "b.jsonl:5: each JSON Lines line must be one record object",
    ]


def test_empty_files_are_errors() -> None:
    for name in ("e.yaml", "e.json", "e.jsonl", "e.csv", "e.md"):
        assert errors(load_file(name, b"  \n")) == [
            f"{name}:1: no decision record in the file (it is empty)"
        ]
    assert errors(load_file("c.yaml", b"# only a comment\n")) == [
        "c.yaml:1: no decision record in the file (it is empty)"
    ]
