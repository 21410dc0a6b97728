"""The options of an ADR, wherever and however they are written.

Options sections (any heading named like options or alternatives, at any level) give their
options as subsections, list items, ``**Option 1:**`` paragraphs, table rows or, last,
``We considered X.`` sentences (then marked uncertain). Nested items or subsections that are
not pros and cons make option groups (``3`` -> ``3a``/``3b``), kept with their group.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Document, ListBlock, ListItem, Paragraph, Section
from .althead import alternative_headings
from .candidates import block_candidates
from .compared import compared
from .comparedheads import compared_headings
from .content import (
    Opt,
    clean_title,
    fill,
    fill_item,
    item_text,
    marked_by,
    prefixed,
    strip_marks,
    turned_down_mark,
)
from .contrast import beside_adopted, in_contrast
from .courses import in_options_section
from .decidedalts import decided_with_alternatives
from .donothing import beside_do_nothing
from .inline import in_sentences
from .introducedheads import announced_headings, introduced_headings
from .itemgroups import group_children, judged_children
from .judgedlist import judged_lists
from .labelled import (
    OPTION_PARA,
    bullet_run,
    compared_in_table,
    from_paragraphs,
    from_table,
    numbered_label,
    numbered_run,
    paren_numbered,
)
from .labelledlists import labelled_alternatives, labelled_in
from .leadin import announces_candidates
from .led import bold_titled, led_before_list, led_paragraphs, name_titled, one_described
from .ledafter import led_after
from .letters import coded, lettered
from .ofheadings import named_by_points
from .optionheads import (
    argued_heading,
    course_heads,
    document_part,
    is_option_heading,
    looks_like_option,
)
from .optionitems import (
    RULES_PART,
    item_is_option,
    labelled_items,
    option_labels,
    option_lists,
    parameter_list,
)
from .paragraphs import paragraph_alternatives
from .prompted import answers_to_prompt
from .putforward import put_forward_options
from .reasons import courses_with_reasons, introduced_lists, reasons_after
from .rejected import (
    add_why_nots,
    as_rejected,
    why_not_heading,
    why_not_headings,
    why_not_items,
)
from .sameoption import key, labelled_again, same_name
from .sameoption import same as same_option
from .sections import (
    DECISION_WORDS,
    in_consequences,
    is_decision,
    is_options,
    is_pros_cons,
    is_rejected,
    is_role,
    options_sections,
)
from .slips import mended
from .statusquo import superseded_course
from .topics import distinguished, from_topics, group_name, listed_groups, per_section
from .versuslist import versus_items
from .ystatement import in_y_statement


def _from_item(item: ListItem, group: str | None, group_line: int) -> Opt | None:
    title, desc, label, marked = item_text(item)
    if not title:
        return None
    opt = Opt(title, item.line, label, [item.text], group=group, group_line=group_line)
    if group:
        opt.aliases.append(f"{group}, {title}")
        opt.aliases.append(f"{group} {title}")
    opt.marked = marked or marked_by(item.marks) or item.checked is True
    opt.marked_line = item.line if opt.marked else 0
    if desc:
        opt.describe(desc, item.line)
    for more in item.more:
        if isinstance(more, Paragraph):
            fill(opt, (more,))
    signed = any(k.marker == "+" for k in item.children)
    judged = judged_children(item)  # "no support for device farms": a point, classed
    for child in item.children:
        fill_item(opt, child, None, signed and child.marker in "+-", points=judged)
    return opt


def from_items(items: tuple[ListItem, ...] | list[ListItem]) -> list[Opt]:
    out: list[Opt] = []
    for item in items:
        if group_children(item):
            parent = item.text.rstrip().rstrip(":").strip()
            parent_title = group_name(clean_title(parent)[0])
            for kid in item.children:
                opt = _from_item(kid, parent_title, item.line)
                if opt is not None:
                    out.append(opt)
            continue
        if prefixed(item.text) is not None and out:
            fill_item(out[-1], item, None, False)  # "* Good, because x" after an option
            continue
        opt = _from_item(item, None, 0)
        if opt is not None:
            out.append(opt)
    return distinguished(out)


def _grouped(lst: ListBlock, name: str, line: int) -> list[Opt]:
    out = from_items(lst.items)
    for opt in out:
        if opt.group is None:
            opt.group, opt.group_line = name, line
            opt.aliases += [f"{name}, {opt.title}", f"{name} {opt.title}"]
    return out


def from_heading(sec: Section, group: str | None = None, group_line: int = 0) -> list[Opt]:
    """An option written as a subsection; subsections that are options make a group."""
    if (why := why_not_heading(sec, group, group_line)) is not None:
        return [why]  # "Why not X?": X, and the reasons against it
    subs = [c for c in sec.children if is_option_heading(c) and looks_like_option(c)]
    if not subs and not argued_heading(sec):  # "Use a managed service" > "RDS", "Cloud SQL"
        heads = [c for c in sec.children if is_option_heading(c)]
        subs = heads if heads and all(argued_heading(c) for c in heads) else []
        subs = subs or course_heads(sec, heads)  # "### Location of X" > "#### Require Y"
    title, label, marked = clean_title(sec.title)
    # "## Storage" > "### Option A: ...", "### Option B: ...": a group whatever it says
    lettered = len(subs) >= 2 and all(OPTION_PARA.match(s.title) for s in subs)
    if (
        subs
        and (lettered or not sec.items())
        and (len(subs) >= 2 or not looks_like_option(subs[0]))
    ):
        out: list[Opt] = []
        for sub in subs:
            out.extend(from_heading(sub, title, sec.line))
        return out
    title, down = turned_down_mark(title)
    opt = Opt(title, sec.line, label, [sec.title], group=group, group_line=group_line)
    opt.rejected = opt.rejected or down
    if group:
        opt.aliases += [f"{group}, {title}", f"{group} {title}"]
    if marked_by(sec.marks):
        opt.marked = True
        opt.title = strip_marks(opt.title, sec.marks)
    opt.marked = opt.marked or marked
    opt.marked_line = sec.line if opt.marked else 0
    fill(opt, sec.blocks, sec.children, points=True)
    return [opt] if title else []


def _argued_or_decided(sec: Section, heads: list[Section]) -> tuple[list[Opt], bool] | None:
    if (argued := courses_with_reasons(sec, heads)) is not None:
        return argued, True
    if decided := decided_with_alternatives(sec):  # "**1. We will X.**" / "+ An alternative"
        return decided, False
    return None


def from_section(sec: Section) -> tuple[list[Opt], bool]:
    """The options of one options section, and whether they were read from prose."""
    heads = mended([c for c in sec.children if is_option_heading(c)])
    if (argued := _argued_or_decided(sec, heads)) is not None:
        return argued
    under_label = labelled_in(sec, every=True)  # "**Alternatives Considered:**" over a list of them
    if (
        under_label
        or any(
            isinstance(b, Paragraph) and b.label and OPTION_PARA.match(b.label) for b in sec.blocks
        )
        or sum(1 for b in sec.blocks if isinstance(b, Paragraph) and numbered_label(b)) >= 2
        or paren_numbered(sec.blocks)
    ):
        found = under_label or from_paragraphs(sec.blocks)
        if found:
            return found, False
    # "* Why not just a lexical pragma?" and its answer; "- What other designs ...?" / "  - X"
    if (answered := why_not_items(sec) or answers_to_prompt(sec)) is not None:
        return answered, False  # "- What other designs have been considered?" / "  - X"
    if found := bold_titled(sec) or name_titled(sec) or one_described(sec):
        return found, False  # "__All in the broker__" over "Pros:", "Buildkite" over "* Pro
        # — Good at artifacts", "Expose the tools under /_vfs." over "pros:" and "cons:"
    lists = option_lists(sec)  # the first is the options: a later list is links or notes
    first = lists[0] if lists else None
    if first is not None and first in sec.blocks:  # "1.", a code block, "2.": one list
        at = sec.blocks.index(first)  # "* X:", a code block, "* Y:": one list too
        lists[0] = numbered_run(sec.blocks, at) or bullet_run(sec.blocks, at) or first
    items = labelled_items(lists)
    labelled = bool(heads) and all(OPTION_PARA.match(h.title) for h in heads)
    if items and not DECISION_WORDS.search(sec.key) and parameter_list(items):
        return [], False  # "## Options" documenting an API's parameters
    if items and not labelled and any(item_is_option(it) for it in items):
        if groups := introduced_lists(sec.blocks, lists):  # "With respect to X:" and a list
            return [o for name, line, lst in groups for o in _grouped(lst, name, line)], False
        found = from_items(items)
        reasons_after(sec, first or lists[0], found)
        return led_before_list(sec, first or lists[0]) + found, False
    if heads:  # and the section's own list or paragraphs of options before them, if any
        own, prose = from_section(replace(sec, children=())) if sec.blocks else ([], False)
        return (own if len(own) >= 2 else []) + _from_headings(heads), prose and len(own) >= 2
    found = from_paragraphs(sec.blocks)
    if found:
        return found, False
    tables = sec.tables()
    if tables:
        return from_table(tables[0]), False
    if found := led_paragraphs(sec):  # "**Keep X as it is.** Defers the problem..."
        return found, False
    found = in_options_section(sec)
    if DECISION_WORDS.search(sec.key) or is_rejected(sec.key):  # "Other options"
        found = paragraph_alternatives(sec, found)
    return found, True


def _from_headings(heads: list[Section]) -> list[Opt]:
    if (topics := from_topics(heads, from_heading, argued_heading)) is not None:
        return topics
    found = []
    for head in heads:
        # "### Alternatives regarding X": a group of its own; not "### B. Use positions",
        # an option labelled like its siblings whose name ends in an options word
        if is_options(head.key) and not re.match(r"^\(?[A-Za-z0-9]{1,2}[.):]\s", head.title):
            inner, _ = from_section(head)
            for opt in inner:
                if is_rejected(head.key):  # "### Rejected alternatives": not a group
                    as_rejected(opt)
                    continue
                opt.group = opt.group or head.title
                opt.group_line = opt.group_line or head.line
            found.extend(inner)
        else:
            found.extend(from_heading(head))
    return found


# Headings that name a part of a design document, never an option.
_DOCUMENT_PART = re.compile(
    r"\b(?:security|privacy|considerations|risks?|stakeholders?|impacts?|references|reviews?|"
    r"appendix|notes|links|related|questions|goals|non-goals|trade-?offs|testing|migration|"
    r"timeline|glossary|acknowledge?ments|history|change\s*log|changelog|summary|faq|"
    r"conclusions?|next\s+steps|open\s+issues|assumptions|dependencies|rollout|metrics|"
    r"discussion|copyright|license|licence|footnotes|implementation|compatibility|"
    # a proposal template's closing parts ("## Upgrade Strategy", "### Test Plan")
    r"upgrades?|details|test\s+plan|graduation|version\s+skew|production\s+readiness|"
    r"drawbacks|infrastructure\s+needed|unresolved|prior\s+art|future\s+work|"
    r"deprecation|documentation|monitoring|observability|performance|scalability)\b"
)


MAX_LEAD_WORDS = 60  # an options heading's own words before the headings of its options


def _following(doc: Document, sec: Section) -> list[Opt]:
    """An options heading with no options of its own, followed by one heading per option at
    its own level (``### Implementation Options``, ``### RDF``, ``### Datomic``)."""
    parent = next((s for s in [doc.root, *doc.sections()] if sec in s.children), None)
    own = sec.text(deep=False)
    if parent is None or len(own.split()) > MAX_LEAD_WORDS or _NONE_SAID.match(own):
        return []  # prose of its own, or "N/A": what follows is not its options
    after = parent.children[parent.children.index(sec) + 1 :]
    heads: list[Section] = []
    for head in after:
        if is_role(head.key) or _DOCUMENT_PART.search(head.key):
            break
        heads.append(head)
    if len(heads) < 2:
        return []
    out: list[Opt] = []
    for head in heads:
        out.extend(from_heading(head))
    return out


_NONE_SAID = re.compile(r"^\W*(?:n/?a|none|nothing|not\s+applicable|no\s+alternatives?)\b", re.I)
# "#### Option: Raw data", "### Approach - code": a heading that says it is an option
_OPTION_HEAD = re.compile(
    r"^(?:option|approach|solution|choice|candidate)\s*[:\-–—]\s*\S", re.IGNORECASE
)


_COMPARING = re.compile(
    r"\b(?:options?|alternatives?|candidates?|choices|analysis|comparison|compared|evaluat\w*)\b"
)


def loose_options(doc: Document) -> list[Opt]:
    """Without an options section: ``## Option 1: X`` headings or ``**Option 1:**``
    paragraphs anywhere."""
    heads = doc.find(lambda s: bool(OPTION_PARA.match(s.title) or _OPTION_HEAD.match(s.title)))
    if len(heads) < 2:  # numbered sibling headings that are not parts of an ADR
        for parent in [doc.root, *doc.sections()]:
            if parent not in (doc.root, doc.title_section) and not _COMPARING.search(parent.key):
                continue  # "### Built-in codecs: 1. ..., 2. ...": parts of a design
            numbered = [  # "## 1. Why can we not ...?": questions an analysis answers
                c
                for c in parent.children
                if re.match(r"^\d{1,2}[.)]\s", c.title) and not c.title.rstrip().endswith("?")
            ]
            if len(numbered) >= 2 and not any(document_part(c.title) for c in numbered):
                heads = numbered
                break
    if len(heads) >= 2:
        parents = _parents_of(doc, heads)
        out: list[Opt] = []
        for head in heads:
            owner = parents.get(id(head)) if parents else None
            if owner is None:
                out.extend(from_heading(head))
            else:  # two sub-decisions, each with its own "Option 1..." headings
                out.extend(from_heading(head, owner.title, owner.line))
        return out
    # in a decision section, "**1. Quick tests**" paragraphs are the parts (or the reasons)
    # of the decision taken unless a line announces them as candidates ("The top three
    # libraries are:"); in the consequences they are never options
    deciding = {id(s) for d in doc.find(lambda s: is_decision(s.key)) for s in d.walk()}
    barred = in_consequences(doc)
    for sec in [doc.root, *doc.sections()]:
        if id(sec) in barred:
            continue
        if RULES_PART.match(sec.key) and not option_labels(sec):
            continue  # "## Principles" / "**1. Filters are named by ...**": rules adopted
        found = from_paragraphs(sec.blocks)
        if id(sec) in deciding and found and not announces_candidates(sec, found[0].line):
            found = [o for o in found if o.line in option_labels(sec)]
        if len(found) >= 2:
            return found
    return []


# A part that sets out rules, principles or aims adopted together, none of them an option
def _parents_of(doc: Document, heads: list[Section]) -> dict[int, Section]:
    """When option headings sit under two or more parent headings, each parent having two or
    more of them and their labels repeating across parents (``Option 1..3`` twice): the
    parent of each (a group per sub-decision). Otherwise none."""
    parent_of = {id(c): s for s in [doc.root, *doc.sections()] for c in s.children}
    by_parent: dict[int, list[Section]] = {}
    for head in heads:
        parent = parent_of.get(id(head))
        if parent is None or parent is doc.root:
            return {}
        by_parent.setdefault(id(parent), []).append(head)
    if len(by_parent) < 2 or any(len(hs) < 2 for hs in by_parent.values()):
        return {}
    labels = [clean_title(h.title)[1] for h in heads]
    if not any(lab is not None and labels.count(lab) > 1 for lab in labels):
        return {}
    return {id(h): parent_of[id(h)] for h in heads}


def read_options(
    doc: Document, title: str = "", title_line: int = 1
) -> tuple[list[Opt], list[str]]:
    """Every option, and the uncertain names (``options`` when read from prose, the
    context or the ``title``)."""
    out: list[Opt] = []
    uncertain: list[str] = []
    added: list[tuple[Section, list[Opt]]] = []
    for sec in options_sections(doc):
        found, prose = from_section(sec)
        if (groups := listed_groups(doc, sec, _grouped)) is not None:
            found = groups  # "### Production Server" / "* Gunicorn" / "* Waitress"
        if not found:
            found, prose = _following(doc, sec), False
        lettered(found)  # "A. Do nothing", "B. ...": the letters are labels
        coded(found)  # "A1: Keep the id", "A2: ...": the codes are labels
        earlier = len(out)  # an option listed again in a later section is the same option
        if is_rejected(sec.key):
            for opt in found:
                as_rejected(opt)
        if prose and found:
            uncertain.append("options")
        added.append((sec, []))
        for opt in found:
            same = next((o for o in out[:earlier] if same_option(o, opt)), None)
            same = same or (labelled_again(out[:earlier], opt) if is_rejected(sec.key) else None)
            if same is None and (named := same_name(out[:earlier], opt)) is not None:
                same = named  # "Celery/RQ" listed, "### Celery with Redis" argued later
                for kind in ("pros", "cons", "neutral"):
                    getattr(same, kind).extend(getattr(opt, kind))
            if same is None:
                out.append(opt)
                added[-1][1].append(opt)
                continue
            same.rejected = same.rejected or opt.rejected
            same.marked = same.marked or opt.marked  # "### A1 - X (CHOSEN)" under pros and cons
            same.reason = same.reason or opt.reason
            if opt.reason and not same.desc_line:
                same.desc_line = opt.line
    per_section(added)
    if out:
        out += sub_decisions(doc, out)
    if not out:
        out = _outside_sections(doc, title, title_line, uncertain)
    inside = {id(s) for sec in options_sections(doc) for s in sec.walk()}
    add_why_nots(out, why_not_headings(doc, inside), key)  # "## Why not X?" at the end
    return [o for o in out if re.search(r"\w", o.title)], uncertain  # not a template's "…"


def _outside_sections(
    doc: Document, title: str, title_line: int, uncertain: list[str]
) -> list[Opt]:
    """Without options from an options section: option headings or paragraphs anywhere,
    then candidates written as blocks (each option uncertain: the record does list
    alternatives), then options compared in prose (the whole field uncertain)."""
    out = loose_options(doc) or alternative_headings(doc) or named_by_points(doc)
    out = out or compared_in_table(doc)  # "| Library | Pros | Cons |" under "### Combos"
    out = out or labelled_alternatives(doc)  # "**Alternatives rejected:**" over a list
    out = out or judged_lists(doc)  # "Adopting X would have several disadvantages:" + list
    out = out or versus_items(doc)  # "- **vs. Wiki:** drifts from the code"
    if not out:  # "### Do Nothing" beside "### End All Issue Triage": sibling courses
        out = [o for sec in beside_do_nothing(doc) for o in from_heading(sec)]
    out = out or introduced_headings(doc, from_heading)  # "### X" / "One solution is to X"
    out = out or announced_headings(doc, from_heading)  # "Alternatives considered:" / "### X"
    if not out:  # lists after "We considered:", discussion sections: each option uncertain
        out = block_candidates(doc)
    if not out:
        out = in_y_statement(doc)  # "we decided for X and neglected Y": names both
        if not out:
            out = compared(doc, title, title_line) or in_sentences(doc, title, title_line)
            out = out or compared_headings(doc) or led_after(doc)
            out = out or superseded_course(doc, title)
            out = beside_adopted(out, doc) or in_contrast(doc)
            out = out or put_forward_options(doc)  # "An alternative would be to X"
        if out:
            uncertain.append("options")  # the whole field, only as inferred from prose
    return out


# A heading that is only an option's label ("Option A:", "Alternative 2")
_LABEL_ONLY = re.compile(
    r"^\W*(?:option|alternative|approach|proposal|solution)\s+[\w.]{1,3}\W*$", re.IGNORECASE
)


def sub_decisions(doc: Document, found: list[Opt]) -> list[Opt]:
    """``Option 1: X`` headings outside the options sections (a part of the design that
    weighs its own options), two or more under one heading: a group named by that heading."""
    parts = options_sections(doc) + doc.find(lambda s: is_pros_cons(s.key))
    inside = {id(s) for sec in parts for s in sec.walk()}
    taken = {o.line for o in found}
    known = {key(o.title) for o in found}
    labels = {o.label for o in found if o.label}
    out: list[Opt] = []
    for parent in doc.sections():
        if id(parent) in inside:
            continue
        heads = [
            c
            for c in parent.children
            if OPTION_PARA.match(c.title) and id(c) not in inside and c.line not in taken
        ]
        if len(heads) < 2:
            continue
        if any(key(clean_title(h.title)[0]) in known for h in heads):
            continue  # the listed options again, discussed one by one
        if all(_LABEL_ONLY.match(h.title) for h in heads) and labels & {
            clean_title(h.title)[1] for h in heads
        }:
            continue  # "# Drawbacks" > "## Option A:": the listed options by their labels
        for head in heads:
            out.extend(from_heading(head, parent.title, parent.line))
    return out
