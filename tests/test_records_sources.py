"""Input discovery: folders, skip rules, stdin sniffing, duplicate ids, missing files."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from decaudit.engine.records import iter_sources
from decaudit.engine.types import InputError, SourceRecord

INDEX = "the index of a folder of records"
ADR = "---\nstatus: accepted\n---\n# Pick\n\n## Considered Options\n\n* A\n* B\n"


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def summary(items: list[SourceRecord | InputError]) -> list[str]:
    out = []
    for i in items:
        if isinstance(i, SourceRecord):
            out.append(f"{i.file} {i.record.id}")
        elif i.kind == "skipped":
            out.append(f"SKIP {i}")
        else:
            out.append(f"ERR {i}")
    return out


def test_folder_walk_sorted_filtered_and_skipping(tmp_path: Path) -> None:
    write(tmp_path, "b.yaml", "id: B\ntitle: b\n")
    write(tmp_path, "a.json", '{"id": "A", "title": "a"}')
    write(tmp_path, "sub/c.jsonl", '{"id": "C", "title": "c"}\n')
    write(tmp_path, "sub/0001-pick.md", ADR)
    write(tmp_path, "sub/README.md", "# ADRs\n\nIndex of decisions.\n")
    write(tmp_path, "sub/0005-use-templates.md", ADR)
    write(tmp_path, "sub/Template.md", ADR)
    write(tmp_path, "sub/notes.md", "# Notes\n\nNothing decided here.\n")
    write(tmp_path, "sub/notes.txt", "id: T\ntitle: t\n")
    write(tmp_path, ".hidden/h.yaml", "id: H\ntitle: h\n")
    write(tmp_path, "node_modules/n.yaml", "id: N\ntitle: n\n")
    write(tmp_path, ".venv/v.yaml", "id: V\ntitle: v\n")
    write(tmp_path, "d.csv", "decision_id,decision_title,option_title\nD,d,x\n")
    root = str(tmp_path)
    got = summary(list(iter_sources([root])))
    assert got[:6] == [
        f"{root}/a.json A",
        f"{root}/b.yaml B",
        f"{root}/d.csv D",
        f"{root}/sub/0001-pick.md sub/0001-pick",
        # a word inside a name never excludes a file
        f"{root}/sub/0005-use-templates.md sub/0005-use-templates",
        f"SKIP {root}/sub/README.md: excluded by name (README.md: {INDEX})",
    ]
    assert got[6] == f"SKIP {root}/sub/Template.md: excluded by name (Template.md)"
    assert got[7] == f"{root}/sub/c.jsonl C"
    assert got[8].startswith(f"SKIP {root}/sub/notes.md: not a decision record")
    assert len(got) == 9


def test_ids_are_namespaced_by_path_in_the_folder(tmp_path: Path) -> None:
    write(tmp_path, "one/0001-record-decisions.md", ADR)
    write(tmp_path, "two/0001-record-decisions.md", ADR)
    write(tmp_path, "0002-explicit.md", "---\nid: X-1\nstatus: accepted\n---\n# A\n")
    write(tmp_path, "nested/0003-explicit.md", "---\nid: X-1\nstatus: accepted\n---\n# B\n")
    got = summary(list(iter_sources([str(tmp_path)])))
    assert got[0] == f"{tmp_path}/0002-explicit.md X-1"
    assert got[1].startswith(f"ERR {tmp_path}/nested/0003-explicit.md:5: duplicate decision id")
    assert got[2:] == [
        f"{tmp_path}/one/0001-record-decisions.md one/0001-record-decisions",
        f"{tmp_path}/two/0001-record-decisions.md two/0001-record-decisions",
    ]


def test_index_alone_in_its_folder_is_the_decision(tmp_path: Path) -> None:
    write(tmp_path, "queue/index.md", ADR)
    write(tmp_path, "queue/LICENSE.md", "# License\n\nMIT\n")
    got = summary(list(iter_sources([str(tmp_path)])))
    assert got[0].startswith(f"SKIP {tmp_path}/queue/LICENSE.md: not a decision record")
    assert got[1] == f"{tmp_path}/queue/index.md queue/index"


def test_same_file_twice_through_a_link_is_read_once(tmp_path: Path) -> None:
    target = write(tmp_path, "x/decision.md", ADR)
    (tmp_path / "x" / "also.md").symlink_to(target)
    got = summary(list(iter_sources([str(tmp_path)])))
    # read once, by its own name; the link is listed as skipped with the name it is read by
    assert got == [
        f"SKIP {tmp_path}/x/also.md: same file as {tmp_path}/x/decision.md (a link to it; "
        "read by that name)",
        f"{tmp_path}/x/decision.md x/decision",
    ]


def test_a_hard_link_met_again_is_listed_as_the_same_file(tmp_path: Path) -> None:
    first = write(tmp_path, "a/decision.md", ADR)
    (tmp_path / "b").mkdir()
    os.link(first, tmp_path / "b" / "copy.md")
    got = summary(list(iter_sources([str(tmp_path)])))
    assert got == [
        f"{tmp_path}/a/decision.md a/decision",
        f"SKIP {tmp_path}/b/copy.md: same file as {tmp_path}/a/decision.md (read once, by "
        "that name)",
    ]


def test_a_link_to_a_file_the_walk_does_not_reach_is_read(tmp_path: Path) -> None:
    target = write(tmp_path, ".drafts/decision.md", ADR)
    (tmp_path / "decision.md").symlink_to(target)
    got = summary(list(iter_sources([str(tmp_path)])))
    assert got == [f"{tmp_path}/decision.md decision"]


def test_a_json_schema_in_a_walked_folder_is_skipped_not_an_error(tmp_path: Path) -> None:
    write(tmp_path, "0001-a.md", ADR)
    write(
        tmp_path,
        "example.schema.json",
        '{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "ADR", '
        '"type": "object", "properties": {"id": {"type": "string"}}}',
    )
    write(tmp_path, "mkdocs.yml", "site_name: Decisions\nnav:\n  - index.md\n")
    got = summary(list(iter_sources([str(tmp_path)])))
    assert got == [
        f"{tmp_path}/0001-a.md 0001-a",
        f"SKIP {tmp_path}/example.schema.json: not a decision record: a JSON Schema "
        "($schema, properties...)",
        f"SKIP {tmp_path}/mkdocs.yml: not a decision record: none of its keys (nav, "
        "site_name) is a record's",
    ]
    # named on the command line, it is an error naming the file and line
    (err,) = iter_sources([str(tmp_path / "example.schema.json")])
    assert isinstance(err, InputError) and err.kind != "skipped" and err.line == 1


def test_a_site_config_with_a_title_is_skipped_not_an_error(tmp_path: Path) -> None:
    write(tmp_path, "0001-a.md", ADR)
    write(
        tmp_path,
        "_config.yml",
        "theme: minima\nbaseurl: ''\ntitle: Our decisions\nmarkdown: kramdown\n",
    )
    got = summary(list(iter_sources([str(tmp_path)])))
    assert got == [
        f"{tmp_path}/0001-a.md 0001-a",
        f"SKIP {tmp_path}/_config.yml: not a decision record: a title among other keys "
        "(baseurl, markdown, theme): a site's or a tool's settings",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a decision written by hand without its id stays an error to fix
        "title: Use Kafka\ndecision: We use Kafka\nconsequences: more ops\nnotes: x\n",
        # a title and fewer than three other keys
        "title: Use Kafka\ntheme: x\nlayout: y\n",
    ],
)
def test_a_titled_mapping_that_may_be_a_decision_stays_an_error(tmp_path: Path, text: str) -> None:
    write(tmp_path, "d.yaml", text)
    (err,) = iter_sources([str(tmp_path)])
    assert isinstance(err, InputError) and err.kind != "skipped", err


def test_a_tools_metadata_whose_status_is_a_mapping_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "0001-a.md", ADR)
    write(tmp_path, "metadata.yaml", "type: rfcs\nstatus:\n  class: docs\n  codeowners: [a]\n")
    got = summary(list(iter_sources([str(tmp_path)])))
    assert got[1] == (
        f"SKIP {tmp_path}/metadata.yaml: not a decision record: none of its keys (status, "
        "type) is a record's"
    )
    write(tmp_path, "metadata.yaml", "status: accepted\n")  # a status as a record gives it
    (_, err) = iter_sources([str(tmp_path)])
    assert isinstance(err, InputError) and err.kind != "skipped", err


def test_documents_in_a_templates_folder_are_skipped_as_templates(tmp_path: Path) -> None:
    write(tmp_path, "decisions/0001-a.md", ADR)
    write(tmp_path, "templates/decision-record-for-a-business-case/index.md", ADR)
    got = summary(list(iter_sources([str(tmp_path)])))
    assert got == [
        f"{tmp_path}/decisions/0001-a.md decisions/0001-a",
        f"SKIP {tmp_path}/templates/decision-record-for-a-business-case/index.md: a template, "
        "not a decision record (in the 'templates' folder)",
    ]


def test_walked_word_document_is_read(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_heading("Use a queue", level=1)
    word.add_paragraph("Status: Accepted")
    word.add_heading("Considered Options", level=2)
    word.add_paragraph("RabbitMQ", style="List Bullet")
    word.add_paragraph("Kafka (chosen)", style="List Bullet")
    word.save(str(tmp_path / "0001-queue.docx"))
    (src,) = list(iter_sources([str(tmp_path)]))
    assert isinstance(src, SourceRecord), src
    assert src.record.status == "accepted"
    assert [(o.title, o.chosen) for o in src.record.options] == [
        ("RabbitMQ", False),
        ("Kafka", True),
    ]
    assert src.line_of(("options", 1)) == 5  # the 5th paragraph of the body


def test_named_files_are_read_whatever_the_name(tmp_path: Path) -> None:
    readme = write(tmp_path, "README.md", "# ADRs\n\nIndex.\n")
    template = write(tmp_path, "template.md", ADR)
    txt = write(tmp_path, "notes.txt", "id: T\ntitle: t\n")
    items = list(iter_sources([str(readme), str(template), str(txt)]))
    assert isinstance(items[0], InputError)
    assert str(items[0]).startswith(f"{readme}: not a decision record")
    assert isinstance(items[1], SourceRecord) and items[1].record.id == "template"
    assert isinstance(items[2], SourceRecord) and items[2].format == "yaml"


def test_missing_file_is_an_io_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    (err,) = list(iter_sources([missing]))
    assert isinstance(err, InputError)
    assert err.kind == "io"
    assert str(err) == f"{missing}: no such file or directory"


def test_duplicate_ids_reported_at_second_occurrence(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "id: DEC-7\ntitle: first\n")
    b = write(tmp_path, "b.yaml", "# second copy\n\nid: DEC-7\ntitle: second\n")
    items = list(iter_sources([str(a), str(b)]))
    assert isinstance(items[0], SourceRecord)
    assert [str(i) for i in items[1:]] == [
        f"{b}:3: duplicate decision id 'DEC-7' (first defined at {a}:1)"
    ]


def test_other_files_still_read_after_a_bad_one(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", "id: [\n")
    good = write(tmp_path, "good.yaml", "id: G\ntitle: g\n")
    items = list(iter_sources([str(bad), str(good)]))
    assert isinstance(items[0], InputError)
    assert isinstance(items[1], SourceRecord)


@pytest.mark.parametrize(
    ("text", "fmt", "ids"),
    [
        ('{"id": "S1", "title": "t"}', "json", ["S1"]),
        ('[{"id": "S1", "title": "t"}, {"id": "S2", "title": "u"}]', "json", ["S1", "S2"]),
        ('{"id": "S1", "title": "t"}\n{"id": "S2", "title": "u"}\n', "jsonl", ["S1", "S2"]),
        ("# a comment\nid: S1\ntitle: t\n", "yaml", ["S1"]),
        ("---\nid: S1\ntitle: t\n---\nid: S2\ntitle: u\n", "yaml", ["S1", "S2"]),
        (ADR, "madr", ["pick"]),
        ("# 3. Pick\n\n## Status\n\nAccepted\n\n## Decision\n\nWe will.\n", "nygard", ["ADR-0003"]),
        ("decision_id,decision_title,option_title\nS1,t,a\n", "csv", ["S1"]),
    ],
)
def test_stdin_is_sniffed(text: str, fmt: str, ids: list[str]) -> None:
    items = list(iter_sources(["-"], stdin=io.BytesIO(text.encode())))
    assert all(isinstance(i, SourceRecord) for i in items), items
    assert [i.record.id for i in items if isinstance(i, SourceRecord)] == ids
    assert {i.format for i in items if isinstance(i, SourceRecord)} == {fmt}
    assert {i.file for i in items} == {"-"}


def test_stdin_errors_name_dash() -> None:
    (err,) = list(iter_sources(["-"], stdin=io.BytesIO(b'{"id": 3, "title": "t"}')))
    assert str(err) == "-:1: id: must be text"


def test_stdin_over_limit() -> None:
    (err,) = list(iter_sources(["-"], max_bytes=10, stdin=io.BytesIO(b"x" * 11)))
    assert str(err) == "-: input is larger than the 10 bytes limit; split it or raise the limit"


def test_unreadable_file_is_an_io_error(tmp_path: Path) -> None:
    folder_named_yaml = tmp_path / "dir.yaml"
    folder_named_yaml.mkdir()
    write(tmp_path, "dir.yaml/inner.yaml", "id: I\ntitle: i\n")
    # a folder whose name looks like a file is walked, not read
    assert summary(list(iter_sources([str(folder_named_yaml)]))) == [
        f"{folder_named_yaml}/inner.yaml I"
    ]


def test_a_site_generators_unpublished_template_is_excluded_by_name(tmp_path: Path) -> None:
    write(tmp_path, "rfc/_template.md", ADR)
    write(tmp_path, "rfc/0001-pick.md", ADR)
    root = str(tmp_path)
    got = summary(list(iter_sources([root])))
    assert got == [
        f"{root}/rfc/0001-pick.md rfc/0001-pick",
        f"SKIP {root}/rfc/_template.md: excluded by name (_template.md)",
    ]
