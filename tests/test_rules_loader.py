"""Loading and validating rule files: every kind of error names file, path and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from decaudit.engine.errors import ConfigError, RuleFileError
from decaudit.engine.findings import make_finding
from decaudit.engine.rules.loader import collect, load_pack
from decaudit.engine.rules.model import All, Cmp, Match, Not

BASE = """\
id: TST001
name: few-options
title: Few options
family: alternatives
severity: medium
rationale: A short list needs three real options.
references: [{title: Green Book}]
remediation: Add options.
params:
  min_options: 3
target: decision
when:
  all:
    - {fact: real_option_count, op: lt, param: min_options}
    - {fact: status, op: eq, value: accepted}
message: "Only $real_option_count options (want ${param.min_options})."
examples:
  - name: flagged
    expect: flagged
    record: {id: A, title: A, status: accepted}
  - name: clean
    expect: clean
    record: {id: B, title: B}
"""


def write(folder: Path, text: str, name: str = "TST001.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(folder: Path) -> list[str]:
    _, errors = collect([folder], builtin=False)
    return [str(e) for e in errors]


def one_error(folder: Path, text: str, name: str = "TST001.yaml") -> str:
    write(folder, text, name)
    errors = errors_of(folder)
    assert len(errors) == 1, errors
    return errors[0]


def test_base_rule_loads(tmp_path: Path) -> None:
    write(tmp_path, BASE)
    pack = load_pack([tmp_path], builtin=False)
    (rule,) = pack.rules
    assert rule.id == "TST001"
    assert rule.on == "decision"
    assert rule.params == {"min_options": 3}
    assert rule.when == All(
        (Cmp("real_option_count", "lt", 3, param="min_options"), Cmp("status", "eq", "accepted"))
    )
    assert rule.file == f"{tmp_path}/TST001.yaml"
    assert len(pack.digest) == 64


def test_missing_field(tmp_path: Path) -> None:
    text = BASE.replace("remediation: Add options.\n", "")
    assert one_error(tmp_path, text) == (
        f"{tmp_path}/TST001.yaml:1: missing required field 'remediation'"
    )


def test_unknown_field(tmp_path: Path) -> None:
    text = BASE.replace("severity: medium\n", "severity: medium\nseverty: low\n")
    assert one_error(tmp_path, text) == (
        f"{tmp_path}/TST001.yaml:6: severty: unknown field 'severty' (did you mean 'severity'?)"
    )


def test_id_pattern_and_file_name(tmp_path: Path) -> None:
    assert one_error(tmp_path / "a", BASE.replace("id: TST001", "id: T1")) == (
        f'{tmp_path}/a/TST001.yaml:1: id: "T1" is not a rule id ([A-Z]{{2,5}}[0-9]{{3}})'
    )
    assert one_error(tmp_path / "b", BASE.replace("id: TST001", "id: TST002")) == (
        f"{tmp_path}/b/TST001.yaml:1: id: id 'TST002' does not match the file name 'TST001'"
    )


def test_family_severity_and_name(tmp_path: Path) -> None:
    text = BASE.replace("family: alternatives", "family: alternative")
    assert one_error(tmp_path / "a", text).endswith(
        'TST001.yaml:4: family: "alternative" is not one of incremental, alternatives, '
        "benefits, governance, hygiene (did you mean 'alternatives'?)"
    )
    text = BASE.replace("severity: medium", "severity: severe")
    assert one_error(tmp_path / "b", text).endswith(
        'TST001.yaml:5: severity: "severe" is not one of info, low, medium, high, critical'
    )
    text = BASE.replace("name: few-options", "name: Few Options")
    assert one_error(tmp_path / "c", text).endswith(
        'TST001.yaml:2: name: "Few Options" is not a slug (lowercase words and dashes)'
    )


def test_unknown_fact_type(tmp_path: Path) -> None:
    text = BASE.replace("target: decision", "target: decisions")
    assert one_error(tmp_path, text).endswith(
        "TST001.yaml:11: target: unknown fact type \"decisions\" (did you mean 'decision'?); "
        "expected one of decision, option, benefit, cost, member, link, portfolio"
    )


def test_unknown_fact(tmp_path: Path) -> None:
    text = BASE.replace("fact: status,", "fact: statuss,")
    assert one_error(tmp_path, text).endswith(
        "TST001.yaml:15: when.all[1].fact: unknown fact \"statuss\" for fact type 'decision' "
        "(did you mean 'status'?)"
    )


def test_unknown_operator(tmp_path: Path) -> None:
    text = BASE.replace("op: eq", "op: equals")
    assert one_error(tmp_path, text).endswith(
        'TST001.yaml:15: when.all[1].op: unknown operator "equals"; expected one of '
        "eq, ne, lt, lte, gt, gte, in, matches, exists"
    )


def test_number_fact_with_string_value(tmp_path: Path) -> None:
    text = BASE.replace("param: min_options}", 'value: "3"}')
    assert one_error(tmp_path, text).endswith(
        'TST001.yaml:14: when.all[0].value: value "3" is a str, '
        "but 'real_option_count' is a number fact"
    )


def test_bool_is_not_a_number(tmp_path: Path) -> None:
    text = BASE.replace("param: min_options}", "value: true}")
    assert one_error(tmp_path, text).endswith(
        "when.all[0].value: value true is a bool, but 'real_option_count' is a number fact"
    )


def test_ordering_needs_a_number_fact(tmp_path: Path) -> None:
    text = BASE.replace("op: eq, value: accepted", "op: lt, value: accepted")
    assert one_error(tmp_path, text).endswith(
        "TST001.yaml:15: when.all[1].op: operator 'lt' does not apply to str fact 'status'"
    )


def test_in_needs_a_list(tmp_path: Path) -> None:
    text = BASE.replace("op: eq, value: accepted", "op: in, value: accepted")
    assert one_error(tmp_path / "a", text).endswith(
        "TST001.yaml:15: when.all[1].value: 'in' needs a non-empty list, value is \"accepted\""
    )
    text = BASE.replace("op: eq, value: accepted", "op: in, value: [accepted, 3]")
    assert one_error(tmp_path / "b", text).endswith(
        "when.all[1].value: 3 in value is not a str, but 'status' is a str fact"
    )


def test_matches_needs_a_valid_short_regex(tmp_path: Path) -> None:
    text = BASE.replace("op: eq, value: accepted", 'op: matches, value: "acc(ept"')
    assert one_error(tmp_path / "a", text).endswith(
        "TST001.yaml:15: when.all[1].value: invalid regular expression: missing ): acc(ept"
    )
    text = BASE.replace("op: eq, value: accepted", f"op: matches, value: {'a' * 501}")
    assert one_error(tmp_path / "b", text).endswith(
        "when.all[1].value: regular expression longer than 500 characters"
    )


def test_exists_takes_a_bool(tmp_path: Path) -> None:
    text = BASE.replace("op: eq, value: accepted", "op: exists, value: yes please")
    assert one_error(tmp_path, text).endswith(
        "TST001.yaml:15: when.all[1].value: 'exists' takes true or false, not \"yes please\""
    )


def test_unknown_param(tmp_path: Path) -> None:
    text = BASE.replace("param: min_options}", "param: min_option}")
    err = one_error(tmp_path, text)
    assert err.endswith(
        'TST001.yaml:14: when.all[0].param: unknown parameter "min_option" '
        "(did you mean 'min_options'?)"
    )


def test_message_placeholders(tmp_path: Path) -> None:
    text = BASE.replace("(want ${param.min_options})", "(want ${param.max_options})")
    assert one_error(tmp_path / "a", text).endswith(
        "TST001.yaml:16: message: placeholder '${param.max_options}' names an unknown parameter"
    )
    text = BASE.replace("Only $real_option_count", "Only $real_options")
    assert one_error(tmp_path / "b", text).endswith(
        "message: placeholder '${real_options}' names an unknown fact of 'decision'"
    )
    text = BASE.replace("Only $real_option_count", "Only ${pct.status}")
    assert one_error(tmp_path / "c", text).endswith(
        "message: placeholder '${pct.status}' is a percentage of a fact that is not a number"
    )
    text = BASE.replace("Only $real_option_count", "Only ${money.status}")
    assert one_error(tmp_path / "e", text).endswith(
        "message: placeholder '${money.status}' is an amount of a fact that is not a number"
    )
    text = BASE.replace("(want ${param.min_options})", "(want ${money.param.min_options})")
    assert one_error(tmp_path / "f", text).endswith(
        "placeholder '${money.param.min_options}' is an amount of a parameter (parameters have "
        "no currency)"
    )
    text = BASE.replace("Only $real_option_count", "Only $ 5")
    assert one_error(tmp_path / "d", text).endswith(
        "message: invalid '$' at offset 5 (write '$$' for a dollar)"
    )


def test_examples_need_flagged_and_clean(tmp_path: Path) -> None:
    text = BASE.replace("expect: clean", "expect: flagged")
    assert one_error(tmp_path, text).endswith(
        "TST001.yaml:17: examples: needs at least one 'clean' example"
    )


def test_example_record_must_be_valid(tmp_path: Path) -> None:
    text = BASE.replace("record: {id: B, title: B}", "record: {id: B, title: B, status: done}")
    err = one_error(tmp_path, text)
    assert err.startswith(f"{tmp_path}/TST001.yaml:23: examples[1].record.status: invalid record:")


def test_example_params_must_be_declared(tmp_path: Path) -> None:
    text = BASE.replace("    expect: clean\n", "    expect: clean\n    params: {max: 2}\n")
    assert one_error(tmp_path, text).endswith(
        "TST001.yaml:23: examples[1].params.max: unknown parameter 'max' (declared: min_options)"
    )


JOIN = """\
id: TST002
name: join
title: Join
family: incremental
severity: high
rationale: R.
references: [R]
remediation: R.
match:
  chosen:
    target: option
    when: {fact: chosen, op: eq, value: true}
  rival:
    target: option
    when:
      all:
        - {fact: kind, op: eq, value: breakthrough}
        - {fact: npv, op: gte, ref: chosen.npv}
message: "$title beats ${chosen.title}."
examples:
  - {name: f, expect: flagged, record: {id: A, title: A}}
  - {name: c, expect: clean, record: {id: B, title: B}}
"""


def test_join_loads(tmp_path: Path) -> None:
    write(tmp_path, JOIN, "TST002.yaml")
    (rule,) = load_pack([tmp_path], builtin=False).rules
    assert rule.is_join and rule.at == "rival"
    assert [a.name for a in rule.aliases] == ["chosen", "rival"]
    assert rule.alias("rival").when == All(
        (Cmp("kind", "eq", "breakthrough"), Cmp("npv", "gte", ref=("chosen", "npv")))
    )


def test_ref_to_later_or_undeclared_alias(tmp_path: Path) -> None:
    text = JOIN.replace(
        "when: {fact: chosen, op: eq, value: true}",
        "when: {fact: npv, op: lt, ref: rival.npv}",
    )
    assert one_error(tmp_path / "a", text, "TST002.yaml").endswith(
        "TST002.yaml:12: match.chosen.when.ref: 'rival' is a later alias; "
        "'ref' names an alias declared earlier in 'match'"
    )
    text = JOIN.replace("ref: chosen.npv", "ref: best.npv")
    assert one_error(tmp_path / "b", text, "TST002.yaml").endswith(
        "TST002.yaml:18: match.rival.when.all[1].ref: 'best' is an undeclared alias; "
        "'ref' names an alias declared earlier in 'match'"
    )


def test_ref_cannot_be_negated(tmp_path: Path) -> None:
    text = JOIN.replace(
        "- {fact: npv, op: gte, ref: chosen.npv}", "- not: {fact: npv, op: gte, ref: chosen.npv}"
    )
    assert one_error(tmp_path, text, "TST002.yaml").endswith(
        "match.rival.when.all[1].not.ref: a 'ref' comparison cannot be under 'not' or 'any'; "
        "put it directly in the alias' condition or an 'all'"
    )


def test_ref_types_must_agree(tmp_path: Path) -> None:
    text = JOIN.replace("ref: chosen.npv", "ref: chosen.title")
    assert one_error(tmp_path, text, "TST002.yaml").endswith(
        "match.rival.when.all[1].ref: 'chosen.title' is a str fact, but 'npv' is a number fact"
    )


def test_join_placeholder_alias(tmp_path: Path) -> None:
    text = JOIN.replace("${chosen.title}", "${winner.title}")
    assert one_error(tmp_path, text, "TST002.yaml").endswith(
        "message: placeholder '${winner.title}' names an unknown alias, fact or parameter"
    )


def test_every_error_of_a_file_is_reported(tmp_path: Path) -> None:
    text = BASE.replace("fact: status,", "fact: statuss,").replace(
        "severity: medium", "severity: x"
    )
    write(tmp_path, text)
    assert len(errors_of(tmp_path)) == 2


def test_duplicate_ids_across_packs(tmp_path: Path) -> None:
    write(tmp_path / "one", BASE)
    write(tmp_path / "two" / "sub", BASE)
    _, errors = collect([tmp_path / "one", tmp_path / "two"], builtin=False)
    assert [str(e) for e in errors] == [
        f"{tmp_path}/two/sub/TST001.yaml:1: id: duplicate rule id TST001 "
        f"(also in {tmp_path}/one/TST001.yaml)"
    ]


def test_an_extra_pack_cannot_shadow_a_builtin_rule(tmp_path: Path) -> None:
    builtin = load_pack()
    rule_id = builtin.rules[0].id
    write(tmp_path, BASE.replace("TST001", rule_id), f"{rule_id}.yaml")
    with pytest.raises(RuleFileError, match=f"duplicate rule id {rule_id}"):
        load_pack([tmp_path])


def test_reference_and_lexicon_folders_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, BASE)
    write(tmp_path / "reference", "figures: []\n", "green.yaml")
    write(tmp_path / "lexicon", "kinds: {}\n", "kinds.yml")
    assert [r.id for r in load_pack([tmp_path], builtin=False).rules] == ["TST001"]


def test_pack_must_be_a_directory(tmp_path: Path) -> None:
    path = write(tmp_path, BASE)
    with pytest.raises(ConfigError, match="rule pack must be a directory"):
        load_pack([path], builtin=False)


def test_param_overrides(tmp_path: Path) -> None:
    write(tmp_path, BASE)
    base = load_pack([tmp_path], builtin=False)
    pack = load_pack([tmp_path], builtin=False, params={"TST001": {"min_options": 5}})
    rule = pack.rules[0]
    assert rule.params == {"min_options": 5}
    assert rule.when == All(
        (Cmp("real_option_count", "lt", 5, param="min_options"), Cmp("status", "eq", "accepted"))
    )
    assert pack.digest != base.digest
    assert pack.rules[0].info.digest != base.rules[0].info.digest
    assert load_pack([tmp_path], builtin=False).digest == base.digest
    with pytest.raises(ConfigError, match="params for unknown rule 'TST009'"):
        load_pack([tmp_path], builtin=False, params={"TST009": {"min_options": 5}})
    with pytest.raises(ConfigError, match="params for TST001: unknown parameter 'max'"):
        load_pack([tmp_path], builtin=False, params={"TST001": {"max": 5}})
    with pytest.raises(
        ConfigError, match="params for TST001: \"5\" is a str, but 'min_options' is a number"
    ):
        load_pack([tmp_path], builtin=False, params={"TST001": {"min_options": "5"}})


def test_severity_overrides(tmp_path: Path) -> None:
    write(tmp_path, BASE)
    pack = load_pack([tmp_path], builtin=False, severities={"TST001": "critical"})
    assert pack.rules[0].info.severity == "critical"
    with pytest.raises(ConfigError, match='severity for TST001: "urgent" is not one of'):
        load_pack([tmp_path], builtin=False, severities={"TST001": "urgent"})


def test_select_and_ignore(tmp_path: Path) -> None:
    write(tmp_path, BASE)
    write(tmp_path, JOIN, "TST002.yaml")
    ids = lambda **kw: [r.id for r in load_pack([tmp_path], builtin=False, **kw).rules]  # noqa: E731
    assert ids() == ["TST001", "TST002"]
    assert ids(select=["incremental"]) == ["TST002"]
    assert ids(select=["TST001"]) == ["TST001"]
    assert ids(ignore=["alternatives"]) == ["TST002"]
    assert ids(select=["incremental", "TST001"], ignore=["TST002"]) == ["TST001"]
    with pytest.raises(ConfigError, match="unknown rule id or family 'TST003'"):
        ids(select=["TST003"])


def test_yaml_cannot_execute_code(tmp_path: Path) -> None:
    text = BASE.replace("title: Few options", "title: !!python/object/apply:os.system [echo hi]")
    assert one_error(tmp_path, text).endswith(
        "TST001.yaml:3: unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system"
    )


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    err = one_error(tmp_path, "\n".join(lines) + "\n")
    assert "document too large after alias expansion" in err


def test_not_utf8_and_not_yaml(tmp_path: Path) -> None:
    (tmp_path / "TST001.yaml").write_bytes(b"id: \xff\xfe\n")
    (tmp_path / "TST002.yaml").write_text("id: [unclosed\n")
    assert errors_of(tmp_path) == [
        f"{tmp_path}/TST001.yaml: not UTF-8 text (byte 4)",
        f"{tmp_path}/TST002.yaml:2: invalid YAML: did not find expected ',' or ']'",
    ]


def test_messages_use_string_template_only(tmp_path: Path) -> None:
    text = BASE.replace(
        "Only $real_option_count options", "{0} {__class__} Only $real_option_count options"
    )
    write(tmp_path, text)
    rule = load_pack([tmp_path], builtin=False).rules[0]
    fact = {"_t": "decision", "did": "D", "path": "$", "line": 3, "real_option_count": 1200000}
    finding = make_finding(Match(rule, fact, {"it": fact}), None)
    assert finding.message == "{0} {__class__} Only 1,200,000 options (want 3)."
    assert finding.evidence == {
        "real_option_count": 1200000,
        "status": None,
        "param.min_options": 3,
    }


def test_not_keeps_structure(tmp_path: Path) -> None:
    text = BASE.replace(
        "- {fact: status, op: eq, value: accepted}",
        "- not: {fact: status, op: in, value: [rejected, withdrawn]}",
    )
    write(tmp_path, text)
    rule = load_pack([tmp_path], builtin=False).rules[0]
    assert rule.when.items[1] == Not(Cmp("status", "in", ("rejected", "withdrawn")))  # type: ignore[union-attr]


def test_builtin_pack_loads() -> None:
    pack = load_pack()
    assert len(pack.rules) >= 27
    assert len({r.id for r in pack.rules}) == len(pack.rules)
    assert all(r.file.startswith("rules/") for r in pack.rules)


def test_on_key_in_flow_mappings(tmp_path: Path) -> None:
    text = JOIN.replace(
        "  chosen:\n    target: option\n    when: {fact: chosen, op: eq, value: true}\n",
        "  chosen: {target: option, when: {fact: chosen, op: eq, value: true}}\n",
    )
    write(tmp_path, text, "TST002.yaml")
    (rule,) = load_pack([tmp_path], builtin=False).rules
    assert rule.alias("chosen").on == "option"
    assert rule.alias("chosen").when == Cmp("chosen", "eq", True)


def test_line_numbers_survive_the_on_key(tmp_path: Path) -> None:
    text = JOIN.replace(
        "target: option\n    when: {fact: chosen,", "target: options\n    when: {fact: chosen,"
    )
    assert one_error(tmp_path, text, "TST002.yaml").endswith(
        'TST002.yaml:11: match.chosen.target: unknown fact type "options" '
        "(did you mean 'option'?); "
        "expected one of decision, option, benefit, cost, member, link, portfolio"
    )


def test_joins_match_at_most_two_facts(tmp_path: Path) -> None:
    text = JOIN.replace(
        "at: rival\n" if "at: rival\n" in JOIN else "message:",
        "",
    )
    text = JOIN.replace(
        "message:",
        "  third:\n    target: benefit\n"
        "    when: {fact: has_basis, op: eq, value: false}\nmessage:",
    )
    assert one_error(tmp_path, text, "TST002.yaml").endswith(
        "TST002.yaml:9: match: a join matches at most 2 facts, not 3 "
        "(the rules engine is not reliable with more)"
    )


def test_old_on_key_names_file_line_and_new_key(tmp_path: Path) -> None:
    text = BASE.replace("target: decision", "on: decision")
    assert one_error(tmp_path, text) == (
        f"{tmp_path}/TST001.yaml:11: on: 'on' is no longer a rule-file key: rename it to "
        "'target' (YAML 1.1 parsers read the key 'on' as true)"
    )


def test_old_on_key_in_a_join_alias(tmp_path: Path) -> None:
    text = JOIN.replace("  rival:\n    target: option", "  rival:\n    on: option")
    assert "rival" in text and "on: option" in text
    error = one_error(tmp_path, text, "TST002.yaml")
    assert error.startswith(f"{tmp_path}/TST002.yaml:")
    assert "match.rival.on: 'on' is no longer a rule-file key: rename it to 'target'" in error
