"""Pros and cons argued under headings of their own: ``### <option>`` subsections of a
"Pros and Cons of the Options" part (matched by title, else by position), sections titled
like an option elsewhere in the record, and outcome subsections that argue an option in a
"Consequences" part or a rating table."""

from __future__ import annotations

from ..document import Document, ListBlock, Section, Table
from . import sections as roles
from .choice import find
from .content import Opt, clean_title, fill, prefixed, row_point, table_points
from .namedpoints import points_by_name
from .naming import by_own_word


def pros_cons_sections(doc: Document, opts: list[Opt]) -> None:
    """``### <option>`` subsections under "Pros and Cons of the Options" (or a section
    one level too high) enrich the options; matched by title, else by position."""
    _titled_sections(doc, opts)
    for sec in roles.ordered(doc, roles.is_pros_cons):
        heads = _within_groups([c for c in sec.children if roles.pc_kind(c.key) is None], opts)
        if not heads:  # "- `Jest` is easy to use": bullets that name their option
            points_by_name(sec, opts)
            continue
        matched = [_heading_option(h.title, opts) for h in heads]
        if not opts:
            for head in heads:
                opt = Opt(head.title, head.line, None, [head.title])
                fill(opt, head.blocks, head.children, points=True)
                opts.append(opt)
            continue
        if len(heads) == len(opts) and (None in matched or len(set(matched)) < len(matched)):
            matched = _aligned(matched)  # the rest in the list's order
        for head, index in zip(heads, matched, strict=True):
            if index is None:  # an option argued here but missing from the list
                extra = Opt(head.title, head.line, None, [head.title])
                fill(extra, head.blocks, head.children, points=True)
                if extra.pros or extra.cons:
                    opts.append(extra)
                continue
            opt = opts[index]
            if head.title not in opt.aliases:
                opt.aliases.append(head.title)
            opt.marked = opt.marked or clean_title(head.title)[2]  # "### A1 - X (CHOSEN)"
            fill(opt, head.blocks, head.children, points=True)


def _within_groups(heads: list[Section], opts: list[Opt]) -> list[Section]:
    """The headings, each one named like a group of the options ("### Production Server"
    over "#### Gunicorn" and "#### Waitress") replaced by its subsections."""
    groups = {" ".join(o.group.lower().split()) for o in opts if o.group}
    out: list[Section] = []
    for head in heads:
        if head.children and " ".join(head.title.lower().split()) in groups:
            out.extend(c for c in head.children if roles.pc_kind(c.key) is None)
        else:
            out.append(head)
    return out


def _titled_sections(doc: Document, opts: list[Opt]) -> None:
    """Sections titled like an option (outside the outcome) give it their points; a
    subsection of the outcome does only through a "Consequences" part of its own."""
    within = [s for d in roles.ordered(doc, roles.is_decision) for s in d.walk()]
    for sec in within:  # "### Status Quo" > "#### Consequences" > Good/Bad
        _outcome_option(sec, opts)
    outcome = {id(s) for s in within}
    for sec in doc.sections():
        if roles.is_role(sec.key) or sec is doc.title_section or id(sec) in outcome:
            continue  # a subsection of the outcome ("### Confirmation") is not an option's
        title = clean_title(sec.title)[0]
        index = find(title, opts, fuzzy=False)
        if index is None and _argued(sec):  # "## No framework" for "No analysis (status quo)"
            index = find(title, opts)
            if index is not None and (opts[index].pros or opts[index].cons):
                index = None
        if index is not None and index < len(opts) and opts[index].line != sec.line:
            fill(opts[index], sec.blocks, (), points=True)
            fill(opts[index], (), _own_parts(sec, opts))


def _own_parts(sec: Section, opts: list[Opt]) -> tuple[Section, ...]:
    """The subsections of an option's heading that are its own ("### Specification"
    over "**Pro**"): those before one titled like another option (a heading written a
    level too deep)."""
    parts: list[Section] = []
    for child in sec.children:
        if find(clean_title(child.title)[0], opts, fuzzy=False) is not None:
            break
        parts.append(child)
    return tuple(parts)


def _outcome_option(sec: Section, opts: list[Opt]) -> None:
    """A subsection of the outcome named like an option whose own "Consequences" part
    argues it with Good/Bad points: those points are the option's."""
    if roles.is_role(sec.key):
        return
    argued = [c for c in sec.children if roles.is_consequences(c.key) and _argued(c)]
    rated = [b for b in sec.blocks if isinstance(b, Table)] if _rated(sec) else []
    title = clean_title(sec.title)[0]
    index = find(title, opts) if argued or rated else None
    if (argued or rated) and index is None:
        index = by_own_word(title, opts)  # "Deprecate Destination"
    if index is None or opts[index].pros or opts[index].cons:
        return
    for table in rated:  # "### Helm Controller" over its own "| Driver | Rating | Reason |"
        table_points(opts[index], table)
    for part in argued:
        fill(opts[index], part.blocks, (), points=True)


def _heading_option(title: str, opts: list[Opt]) -> int | None:
    """The option a pros-and-cons heading names: as written ("Option 2", "B"), else by its
    title without its number ("### 1. Create a deposit API" for "Create an API")."""
    found = find(title, opts)
    cleaned = clean_title(title)[0]
    return found if found is not None or cleaned == title else find(cleaned, opts)


def _aligned(matched: list[int | None]) -> list[int | None]:
    """Headings matched to options by title keep their match ("### 1. Create a deposit API"
    for the list's second option); the others take the options left, in order. With two
    headings on one option, every heading goes by position."""
    found = [m for m in matched if m is not None]
    if len(set(found)) < len(found):
        return list(range(len(matched)))
    left = iter(i for i in range(len(matched)) if i not in found)
    return [m if m is not None else next(left) for m in matched]


def _rated(sec: Section) -> bool:
    """A section whose own table gives Good/Bad reasons, two rows or more."""
    rows = [r for b in sec.blocks if isinstance(b, Table) for r in b.rows]
    return sum(1 for r in rows if row_point(r) is not None) >= 2


def _argued(sec: Section) -> bool:
    """A section whose list gives Good/Bad points (the pros and cons of some option)."""
    items = [it for b in sec.blocks if isinstance(b, ListBlock) for it in b.items]
    return sum(1 for it in items if prefixed(it.text)) >= 2
