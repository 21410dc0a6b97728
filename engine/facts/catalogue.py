"""The fact catalogue: every fact type, each fact's name, type and meaning.

The catalogue is the contract with the rule files: a rule naming a fact that is not here is
rejected when it loads, and ``decaudit schema``/``rules show`` document facts from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import OPTION_KINDS


@dataclass(frozen=True)
class FactSpec:
    name: str
    type: str  # str | number | bool
    doc: str


def _specs(*rows: tuple[str, str, str]) -> dict[str, FactSpec]:
    return {name: FactSpec(name, typ, doc) for name, typ, doc in rows}


_COMMON = (
    ("did", "str", "The decision id."),
    ("path", "str", "JSON path of the item in the record."),
    ("line", "number", "Source line of the item."),
)

_KIND_COUNTS = tuple(
    (f"{kind.replace('-', '_')}_count", "number", f"Options of kind {kind} (given or inferred).")
    for kind in OPTION_KINDS
)

CATALOGUE: dict[str, dict[str, FactSpec]] = {
    "decision": _specs(
        *_COMMON,
        ("title", "str", "The decision title."),
        ("status", "str", "proposed | accepted | rejected | implemented | superseded | withdrawn."),
        ("project_type", "str", "The project type (key into rules/reference/)."),
        ("origin", "str", "bottom-up | top-down."),
        (
            "format",
            "str",
            "Input format: yaml | json | jsonl | madr | nygard | csv | business-case.",
        ),
        (
            "business_context",
            "bool",
            "A business decision: a project type, a business case, money figures, an explicit "
            "option kind or business language (revenue, customers, market...).",
        ),
        (
            "business_context_reason",
            "str",
            'Why business_context holds ("project type \'acquisition\'", "business language: '
            "customers, revenue\"), or 'none'.",
        ),
        ("age_days", "number", "Days from the decision date to the audit date."),
        (
            "idle_days",
            "number",
            "Days from the later of the decision date and a 'Last Updated' date to the audit date.",
        ),
        (
            "idle_since",
            "str",
            "The later of the decision date and a 'Last Updated' date (ISO): where idle_days "
            "counts from.",
        ),
        ("date", "str", "The decision date as the record states it (ISO), when it states one."),
        ("date_line", "number", "Source line of the decision date."),
        (
            "status_as_written",
            "str",
            "The status as the record writes it ('Draft', 'In review', 'Pending review').",
        ),
        ("status_line", "number", "Source line of the status."),
        (
            "uncertain_fields",
            "str",
            "Fields the reader inferred heuristically, comma-separated dotted names "
            "(e.g. 'chosen, options[2]'); absent when every field was read as written.",
        ),
        ("uncertain_count", "number", "How many fields the reader inferred heuristically."),
        (
            "chosen_by",
            "str",
            "How a document reader recognised the choice: chosen option line, marker on the "
            "option, reference in the decision, named in the decision prose...",
        ),
        ("option_count", "number", "Options recorded."),
        ("currency", "str", "The currency of the record's figures (ISO code), when known."),
        (
            "options_by_reference",
            "bool",
            "The options are given by reference to another record that could not be read "
            "(a link outside the checked folder, or a missing file).",
        ),
        (
            "options_borrowed",
            "bool",
            'The options were read from another record this one refers to ("Same as in '
            "ADR-0036\"): their titles are that record's, not this one's.",
        ),
        ("real_option_count", "number", "Options other than do-nothing."),
        *_KIND_COUNTS,
        ("unknown_kind_count", "number", "Options whose kind is neither given nor inferable."),
        ("inferred_kind_count", "number", "Options whose kind was inferred from their text."),
        ("has_breakthrough", "bool", "A breakthrough or replace-own-business option exists."),
        ("breakthrough_analysed_count", "number", "Breakthrough-type options with a case."),
        ("breakthrough_unanalysed_count", "number", "Breakthrough-type options with no case."),
        ("business_case_count", "number", "Options with a business case."),
        (
            "rejected_without_reason_count",
            "number",
            "Rejected options that give no reason (no rejected_reason, no cons).",
        ),
        (
            "rejected_without_reason",
            "str",
            "Those options' titles, quoted and comma-separated.",
        ),
        ("rejected_without_reason_line", "number", "Source line of the first of them."),
        ("chosen_count", "number", "Options marked chosen."),
        (
            "chosen_option_unmatched",
            "bool",
            "The outcome names an option that matches no listed one by title, id, number, "
            "letter, abbreviation or near-spelling.",
        ),
        (
            "choice_stated",
            "bool",
            "A choice is stated: an option chosen, an outcome naming one, or a decision text.",
        ),
        (
            "decision_place",
            "bool",
            "The record has a known place for its decision: a structured record, or a "
            "document whose reader found a decision, outcome, proposal or design section.",
        ),
        (
            "decision_open",
            "bool",
            "The decision is still open: not taken by its status, and its decision text is a "
            "placeholder (WIP, TBD) or its status text says so (gathering information).",
        ),
        (
            "guideline",
            "bool",
            "The record sets guidelines, a policy or a standard (title or decision text) and "
            "does not say alternatives were weighed: not a choice between options.",
        ),
        (
            "alternative_named",
            "bool",
            'The title or decision text names the alternative it turns down ("instead of X", '
            '"we no longer use X", "X, not Y"), or the record argues one in a sentence: in '
            'its context or decision text ("A typical option is to ...", "We could have '
            '..."), or in any other prose section but its consequences, links and references '
            '("As an alternative, ...", "Another approach would be ...").',
        ),
        (
            "prose_words",
            "number",
            "Words of prose where a document argues (not its consequences, links, references, "
            "code or tables), as its reader counted them; 0 for a structured record.",
        ),
        (
            "record_keeping",
            "bool",
            "The record's subject is keeping decision records itself (\"Record architecture "
            'decisions"): by its title, or by both its context and its decision text.',
        ),
        (
            "informational",
            "bool",
            "The document informs and decides nothing: no decision status and a status text "
            'that says so ("Informational", "Documented existing implementation"), a type '
            'that says so ("RFC Type: informational"), or a title naming a roadmap, a threat '
            "model or a glossary.",
        ),
        (
            "decision_process_named",
            "bool",
            "The record names the process or the review that decided it, where no decision "
            'maker is named: a process in its status ("Accepted (lazy consensus)", "Approved '
            'by vote") or a link to the review or vote ("RFC PR: <link>", "Resolution: '
            '<link>").',
        ),
        ("chosen_option_named", "str", "The chosen option as the outcome names it (MADR)."),
        ("chosen_id", "str", "The chosen option's id."),
        ("chosen_line", "number", "Source line of the chosen option."),
        ("chosen_case_line", "number", "Source line of the chosen option's business case."),
        ("chosen_title", "str", "The chosen option's title."),
        ("chosen_kind", "str", "The chosen option's kind, or 'unknown'."),
        ("chosen_kind_inferred", "bool", "The chosen option's kind was inferred."),
        ("chosen_has_business_case", "bool", "The chosen option has a business case."),
        ("chosen_npv", "number", "NPV of the chosen option's case."),
        ("chosen_is_acquisition", "bool", "The chosen option is an acquisition or merger."),
        ("chosen_has_integration_plan", "bool", "The chosen case has an integration plan."),
        ("chosen_new_capability", "bool", "The chosen option brings a new capability."),
        (
            "chosen_bolt_on_benefits",
            "bool",
            "Every chosen benefit is revenue, synergy or acquired customers: no new capability.",
        ),
        ("chosen_uplift", "number", "Optimism-bias uplift applied in the chosen case."),
        ("chosen_uplift_applied", "number", "chosen_uplift, 0 when the chosen case has none."),
        ("chosen_scenario_count", "number", "Scenarios analysed in the chosen case."),
        ("chosen_scenarios", "str", "Their names, comma-separated ('none' when there are none)."),
        ("chosen_has_downside", "bool", "The chosen case has a downside scenario."),
        ("chosen_assumption_count", "number", "Assumptions stated in the chosen case."),
        ("chosen_unchallenged_assumption_count", "number", "...with no evidence, unchallenged."),
        ("chosen_unchallenged_assumptions", "str", "Those assumptions' statements, quoted."),
        ("benefit_count", "number", "Benefit lines of the chosen case."),
        ("cost_count", "number", "Cost lines of the chosen case."),
        ("projected_benefits", "number", "Sum of projected benefits of the chosen case."),
        ("realized_benefits", "number", "Sum of realized benefits of the chosen case."),
        ("realization_ratio", "number", "realized / projected benefits (measured lines only)."),
        ("benefits_measured", "bool", "Some chosen benefit has a realized figure."),
        ("projected_costs", "number", "Sum of projected costs of the chosen case."),
        ("realized_costs", "number", "Sum of realized costs of the chosen case."),
        ("cost_overrun_ratio", "number", "realized / projected costs (measured lines only)."),
        (
            "chosen_outcome",
            "str",
            "Realized against projected, in words, for the measured benefits and costs.",
        ),
        ("has_review", "bool", "A post-implementation review is recorded."),
        ("decision_maker_count", "number", "Decision makers named."),
        ("challenge_question_count", "number", "Questions the decision makers asked."),
        ("alternatives_requested", "bool", "The decision makers asked for alternatives."),
        ("rationale_financial", "bool", "The rationale cites a financial ranking (NPV, ROI...)."),
        ("rationale_customer", "bool", "The rationale speaks of customer value."),
        ("reference_uplift", "number", "Reference-class optimism-bias uplift for the type."),
        ("reference_uplift_source", "str", "Where reference_uplift comes from."),
        ("track_record_ratio", "number", "Median realization ratio of past decisions of the type."),
        ("track_record_count", "number", "Past decisions behind track_record_ratio."),
        (
            "track_record_decisions",
            "str",
            "Ids of those past decisions: the first five, then how many more.",
        ),
        ("track_record_discount_gap", "number", "(1 - track_record_ratio) - chosen_uplift."),
    ),
    "option": _specs(
        *_COMMON,
        ("oid", "str", "The option id (or its index)."),
        ("title", "str", "The option title."),
        ("kind", "str", "Kind, given or inferred; 'unknown' when neither."),
        ("kind_inferred", "bool", "The kind was inferred from the text."),
        ("chosen", "bool", "The option was chosen."),
        ("rejected", "bool", "Another option was chosen."),
        (
            "has_rejected_reason",
            "bool",
            "A reason against the option is given: a rejection reason, pros or cons, prose that "
            "argues, an outcome or decision text that names it or compares the choice, or a "
            "context that argues against it (against the status quo: what is wrong today).",
        ),
        (
            "rejected_reason_from",
            "str",
            "Where the reason against a rejected option is given: rejection reason, cons, "
            "pros, option text, decision text, context (names the option), context (against "
            "the status quo).",
        ),
        ("rejected_reason_line", "number", "Source line of that reason."),
        ("rejected_reason_text", "str", "That reason, quoted (clipped)."),
        ("cons_count", "number", "Cons listed for the option."),
        ("has_business_case", "bool", "The option has a business case."),
        ("other_business_case_count", "number", "Other options of the decision with a case."),
        ("npv", "number", "NPV of its case."),
        ("projected_benefits", "number", "Sum of its projected benefits."),
        ("projected_costs", "number", "Sum of its projected costs."),
        ("is_acquisition", "bool", "The option is an acquisition or merger."),
        (
            "uncertain",
            "bool",
            "The option (or its place in the record) was inferred heuristically.",
        ),
        ("status", "str", "The decision status."),
        ("project_type", "str", "The decision project type."),
        ("currency", "str", "The currency of the record's figures (ISO code), when known."),
    ),
    "benefit": _specs(
        *_COMMON,
        ("bid", "str", "The benefit id (or its index)."),
        ("oid", "str", "The option it belongs to."),
        ("option_title", "str", "The title of the option it belongs to."),
        ("description", "str", "The benefit description."),
        (
            "type",
            "str",
            "revenue | cost-saving | synergy | margin | strategic | other; an untyped benefit "
            "of an acquisition that speaks of combining the two businesses is a synergy.",
        ),
        ("type_inferred", "bool", "The type was inferred (a synergy of an acquisition)."),
        ("projected", "number", "Projected amount."),
        ("low", "number", "Low end of the range."),
        ("high", "number", "High end of the range."),
        ("has_range", "bool", "Both low and high are given."),
        ("has_basis", "bool", "An evidence basis is given."),
        ("realized", "number", "Realized amount."),
        ("realization_ratio", "number", "realized / projected."),
        ("option_chosen", "bool", "It belongs to the chosen option."),
        ("option_rejected", "bool", "It belongs to an option rejected for another."),
        ("option_kind", "str", "Kind of its option."),
        ("status", "str", "The decision status."),
        ("project_type", "str", "The decision project type."),
        ("currency", "str", "The currency of the record's figures (ISO code), when known."),
        ("uplift_applied", "number", "Optimism-bias uplift of its case (0 when none)."),
        ("reference_realization", "number", "What its reference class realizes (ratio)."),
        ("reference_source", "str", "Where reference_realization comes from."),
        ("reference_discount_gap", "number", "(1 - reference_realization) - uplift_applied."),
    ),
    "cost": _specs(
        *_COMMON,
        ("cid", "str", "The cost id (or its index)."),
        ("oid", "str", "The option it belongs to."),
        ("option_title", "str", "The title of the option it belongs to."),
        ("description", "str", "The cost description."),
        ("projected", "number", "Projected amount."),
        ("contingency", "number", "Fraction held for overrun."),
        ("contingency_held", "number", "contingency, 0 when none is given."),
        ("has_contingency", "bool", "A contingency above zero is held."),
        ("committed", "bool", "The cost is fixed by contract (a purchase or fixed price)."),
        ("uplift_applied", "number", "Optimism-bias uplift of its case (0 when none)."),
        ("realized", "number", "Realized amount."),
        ("overrun_ratio", "number", "realized / projected."),
        ("option_chosen", "bool", "It belongs to the chosen option."),
        ("option_rejected", "bool", "It belongs to an option rejected for another."),
        ("option_kind", "str", "Kind of its option."),
        ("status", "str", "The decision status."),
        ("currency", "str", "The currency of the record's figures (ISO code), when known."),
        (
            "case_assumes_on_target",
            "bool",
            "An assumption says costs come in on target (or on budget).",
        ),
        ("on_target_evidenced", "bool", "That assumption has evidence."),
        (
            "on_target_note",
            "str",
            "'; the case assumes costs come in on target, with no evidence' when it does, "
            "else empty (for messages).",
        ),
    ),
    "member": _specs(
        *_COMMON,
        ("title", "str", "The decision title."),
        ("status", "str", "The decision status."),
        ("folder", "str", "The folder of the record (relative to the checked path)."),
        ("folder_record_count", "number", "Records audited in that folder."),
        ("number", "number", "The decision's number, from its file name or id (0005-x.md: 5)."),
        ("number_duplicate_count", "number", "Other records of the folder with that number."),
        ("number_duplicates", "str", "Those records (ids and file names)."),
        (
            "number_first",
            "bool",
            "No earlier record of the folder (in the order of the walk) has that number.",
        ),
        (
            "folder_repeated_numbers",
            "number",
            "Numbers of the folder (other than 0) that more than one record carries.",
        ),
        (
            "repeats_first",
            "bool",
            "It is the first record of the folder (in the order of the walk) whose number "
            "another record carries too.",
        ),
        (
            "repeats_note",
            "str",
            "'; N numbers of the folder are each carried by more than one record (...)' when "
            "it repeats more than one, else empty (for messages).",
        ),
        (
            "superseded",
            "bool",
            "The status says superseded or replaced (deprecated or obsolete does not).",
        ),
        ("superseded_by", "str", "The replacement as the record names it."),
        ("superseded_line", "number", "Source line where it names the replacement."),
        ("replacement_found", "bool", "The named replacement is a record of the folder or a file."),
        ("replacement_id", "str", "The id of the replacement record."),
        ("link_count", "number", "Links to other decision files in the record."),
        (
            "heading_number",
            "number",
            "The number the record's heading or title starts with ('# 12. Use X': 12), when "
            "the record also has a number (not for a template file).",
        ),
        ("number_mismatch", "bool", "heading_number differs from number."),
        ("number_source", "str", "Where number comes from: 'file name' or 'id'."),
        (
            "title_copy_count",
            "number",
            "Earlier records of the folder with the same title (compared loosely), leaving out "
            "templates, records named alike and records that say one supersedes the other.",
        ),
        ("title_copied_from", "str", "The first of them (id and file name)."),
        (
            "title_share_count",
            "number",
            "Records of the folder with this title, this one included (counted up to 21; 1 "
            "when title_copy_count is 0).",
        ),
    ),
    "link": _specs(
        *_COMMON,
        ("target", "str", "The link target as written (without its #anchor)."),
        ("text", "str", "The link text."),
        ("resolves", "bool", "The target is a record of the folder or an existing file."),
    ),
    "portfolio": _specs(
        ("did", "str", "Always '(portfolio)'."),
        ("path", "str", "Always '$'."),
        ("line", "number", "Always 0."),
        ("decision_count", "number", "Records audited in the run."),
        ("decided_count", "number", "Records with exactly one chosen option of known kind."),
        ("breakthrough_chosen_count", "number", "...whose chosen option is breakthrough-type."),
        ("breakthrough_share", "number", "breakthrough_chosen_count / decided_count."),
        ("incremental_chosen_count", "number", "...whose chosen option is incremental-type."),
        ("incremental_share", "number", "incremental_chosen_count / decided_count."),
    ),
}

# When facts are asserted: per record, per folder of records at the end of a run
# (engine/collection.py), once per run.
RECORD_TYPES: frozenset[str] = frozenset({"decision", "option", "benefit", "cost"})
COLLECTION_TYPES: frozenset[str] = frozenset({"member", "link"})
RUN_TYPES: frozenset[str] = frozenset({"portfolio"})


def scope_of(fact_types: frozenset[str] | set[str]) -> str:
    """``record``, ``collection`` or ``run``: when a rule over these fact types runs."""
    if fact_types & RUN_TYPES:
        return "run"
    if fact_types & COLLECTION_TYPES:
        return "collection"
    return "record"
