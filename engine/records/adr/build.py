"""An ADR document (Markdown or Word, as the document model) mapped onto the record model."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePosixPath
from typing import Any

from ...types import InputError, Loc, SourceRecord
from ..document import Document, Link, ListBlock, Meta, Paragraph, Section
from ..document.keyvalue import packed
from ..titles import TITLE_NUMBER, number_of
from ..validate import to_record
from . import sections as roles
from .argued import ARGUED_KEY, PROSE_WORDS_KEY, argued_line, prose_of
from .changelog import changelog_date, changelog_latest, moved_on
from .content import Opt, fill
from .decide import Decide
from .decidedby import decided_by, voters, voting_body
from .drawbacks import decision_parts
from .freeform import FREE_FORM
from .headedpoints import pros_cons_sections
from .listedmeta import listed_alternatives
from .meta import (
    deciding_body,
    map_status,
    parse_date,
    people,
    people_of_part,
    replaced_note,
    stage_status,
    status_in_prose,
    ticked_status,
)
from .options import options_sections, read_options
from .prosepoints import add_prose_points
from .reference import linked_document, pointer_within, pros_cons_by_reference, reference_link
from .sectiontext import own_text
from .titling import ID_ONLY, KIND_PREFIX, heading_title, title_from_file_name
from .undecided import left_open
from .venue import decided_through
from .ystatement import CHOSEN_BY, decided, y_statement

DECIDER_KEYS: tuple[str, ...] = ("deciders", "decision makers", "decision maker", "decided by")
DECIDER_KEYS += ("approved by", "approvers", "approver", "decision-makers", "decider")
DECIDER_KEYS += ("rfc approver", "rfc approvers", "need approval from", "needs approval from")
DECIDER_KEYS += ("approval from", "signed off", "sign off", "sign-off", "signoff", "sign-offs")
DECIDER_KEYS += roles.OTHER_DECIDERS
_QUALIFIED_DECIDERS = re.compile(r"^\w+\s+(?:deciders|decision[- ]makers|approvers)$")
DATE_KEYS: tuple[str, ...] = ("date", "decision date", "last updated", "created", "date created")
DATE_KEYS += ("decided", "decided on", "date decided", "accepted on", "date accepted", "created on")
DATE_KEYS += ("creation-date", "creation date", "last-updated")  # a KEP's front matter
PROPOSER_KEYS: tuple[str, ...] = (
    "author",
    "authors",
    "proposed by",
    "proposer",
    "proposers",
    "sponsor",
)
PROPOSER_KEYS += ("submitter", "submitters")
_UPDATED_KEYS = frozenset({"last updated", "updated", "last modified", "modified", "last update"})


class Builder(Decide):
    def __init__(self, path: str, doc: Document, fmt: str, name: str | None) -> None:
        self.path, self.doc, self.fmt, self.name = path, doc, fmt, name
        self.data: dict[str, Any] = {}
        title = doc.title_section
        self.title_line = title.line if title is not None else 1
        self.lines: dict[Loc, int] = {(): self.title_line}
        self.uncertain: list[str] = []
        self.opts: list[Opt] = []
        self.listed_alternatives: tuple[str, int] | None = None

    def put(self, key: str, value: Any, line: int) -> None:
        if value is None or value == [] or value == "":
            return
        self.data[key] = value
        self.lines[(key,)] = line

    def unsure(self, name: str) -> None:
        if name not in self.uncertain:
            self.uncertain.append(name)

    # -- metadata ----------------------------------------------------------------------
    def metadata(self) -> None:
        for meta in self.doc.metadata:
            self._meta(meta)
        self._updated()
        meta_sec = roles.first(self.doc, roles.is_metadata)  # "## Metadata" over bullets:
        if meta_sec is not None:  # what the preamble or front matter said wins
            kept, lines = dict(self.data), dict(self.lines)
            for meta in _section_meta(meta_sec, status=True):
                self._meta(meta)
            self.data.update(kept)
            self.lines.update(lines)
        done = next((m for m in self.doc.metadata if m.name == "implementation status"), None)
        if done is not None and "status" not in self.data:  # "Implementation Status: Partially
            self._status(done.value, done.line, done)  # implemented", when no status says more
        status_sec = roles.first(self.doc, roles.is_status)
        if status_sec is not None:
            for meta in _section_meta(status_sec):
                self._meta(meta)
            if "status" not in self.data:
                self._status_section(status_sec)
        note = replaced_note(self.doc)  # "This decision has been superseded by decision: [0018
        bare = self.data.get("status") == "superseded" and not self.data.get("status_text")
        if note is not None and ("status" not in self.data or (bare and " by " in note[0])):
            self._status(*note)  # ...]", or what replaced a record a heading calls superseded
        date_sec = roles.first(self.doc, lambda k: k in DATE_KEYS)
        paras = date_sec.paragraphs() if date_sec is not None else []
        if date_sec is not None and "date" not in self.data and paras:  # "## Date" / "2024-03-02"
            first = paras[0].lines[0] if paras[0].lines else paras[0].text
            date, _ = parse_date(first)
            if date is not None:
                self.put("date", date.isoformat(), paras[0].line)
        logged = changelog_date(self.doc) if not {"date", "date_text"} & set(self.data) else None
        if logged is not None:  # "## Changelog" / "* 2023-03-01: Initial draft"
            self.put("date", logged[0].isoformat(), logged[1])
        self._venue()
        self._people_parts()

    def _updated(self) -> None:
        """The latest "Last Updated" (or "Updated", "Last modified") date the metadata gives,
        as ``x_updated``: how long a proposal has waited is counted from it (GOV003)."""
        found = [
            date
            for meta in self.doc.metadata
            if meta.name in _UPDATED_KEYS
            and (date := parse_date(meta.raw if meta.raw is not None else meta.value)[0])
        ]
        latest = changelog_latest(self.doc)  # "## Changelog" / "* 28.06.2022: Accepted."
        if latest is not None:
            found.append(latest[0])
            if moved := moved_on(latest[2], self.data.get("status")):
                self.put("status", moved, latest[1])
                self.unsure("status")
        if found:
            self.data["x_updated"] = max(found).isoformat()

    def _venue(self) -> None:
        status_text = self.data.get("status_text") or self.data.get("x_status_word")
        if venue := decided_through(self.doc.metadata, status_text):  # "(lazy consensus)"
            self.data["x_decided_through"] = venue

    def _people_parts(self) -> None:
        """Deciders and proposers from parts of their own, a committee's vote, or prose."""
        for pred, field in (
            (roles.is_deciders, "decision_makers"),
            (lambda k: k in PROPOSER_KEYS, "proposed_by"),
        ):
            sec = roles.first(self.doc, pred)
            if sec is not None and field not in self.data:
                names = people_of_part(sec.text(False), [it.text for it in sec.items()])
                self.put(field, names, sec.line)
        if "decision_makers" not in self.data and (voted := voters(self.doc)):
            self.put("decision_makers", *voted)  # "### Voting Results" / "Ana Lima: Accept"
        if "decision_makers" not in self.data and (body := voting_body(self.doc)):
            self.put("decision_makers", *body)  # "## Resolution" / "Among Steering Council
            self.unsure("decision_makers")  # members there are 10 "yes", 0 "no""
        if "decision_makers" not in self.data and (said := decided_by(self.doc)):
            self.put("decision_makers", *said)  # "it has been decided by Ana Lima and ..."
            self.unsure("decision_makers")

    def _meta(self, meta: Meta) -> None:
        name = meta.name
        if name == "type" and meta.value.strip():  # "RFC Type: informational" (a PEP's kind)
            self.data.setdefault("x_doc_type", " ".join(meta.value.split())[:80])
        if meta.origin == "front" and name not in ("status", "title", "id", *DATE_KEYS):
            self._front_meta(meta)
            return
        if name == "status" and "status" not in self.data:
            self._status(meta.value, meta.line, meta)
        elif name in ("state", "decision status") and "status" not in self.data:
            if map_status(meta.value)[0] is not None:  # "| State | **ACCEPTED** |"
                self._status(meta.value, meta.line, meta)
        elif name == "stage" and "status" not in self.data and (stage := stage_status(meta.value)):
            self.put("status", stage, meta.line)  # "Stage: 2 (candidate)"
            self.put("status_text", f"Stage {meta.value}", meta.line)
        elif name in DATE_KEYS and "date" not in self.data:
            date, text = parse_date(meta.raw if meta.raw is not None else meta.value)
            self.put("date", date.isoformat() if date else None, meta.line)
            self.put("date_text", text, meta.line)
        elif (field := self._people_field(name)) is not None:
            self._people(field, meta)
        elif name in _LISTED_ALTERNATIVES and meta.value.strip():
            self.listed_alternatives = (meta.value, meta.line)  # "Alternatives Considered: X, Y"
        elif name == "technical story":
            self.put("technical_story", meta.value, meta.line)
        elif name in _REPLACED_BY and _REFERENCE.search(meta.value):
            self.data.pop("status", None)  # "superseded by: [0010 Log Format](0010-...)"
            self._status(f"Superseded by {meta.value}", meta.line, meta)
        elif (
            meta.origin == "front"
            and name in ("id", "title")
            and isinstance(meta.raw, str | int)
            and str(meta.raw).strip()
        ):
            self.put(name, str(meta.raw).strip(), meta.line)

    def _front_meta(self, meta: Meta) -> None:
        """A front matter key but the status, title, id and dates."""
        name = meta.name
        if "decision_makers" in {self._people_field(k) for k in (name, name.replace("-", " "))}:
            self._people("decision_makers", meta)
        elif name in ("consulted", "informed"):
            self._people(name, meta)
        elif name in _REPLACED_BY and _REFERENCE.search(meta.value):
            self.data.pop("status", None)  # an EIP's "superseded-by: 0015"
            self._status(f"Superseded by {meta.value}", meta.line, meta)
        else:  # model fields (project_type, origin...) and extra keys pass through
            self.data.setdefault(meta.key, meta.raw)
            self._front_lines(meta.key)

    def _people_field(self, name: str) -> str | None:
        """The field a metadata key names people for (``Decided by``: deciders); co-authors
        ("Contributors" beside "Author") decide nothing; "reviewers:" alone sign it off."""
        if name == "contributors" and any(m.name in PROPOSER_KEYS for m in self.doc.metadata):
            return None
        if name == "reviewers" and not any(m.name in DECIDER_KEYS for m in self.doc.metadata):
            return "decision_makers"
        if name in DECIDER_KEYS or _QUALIFIED_DECIDERS.match(name):  # "Design deciders"
            return "decision_makers"
        if name in PROPOSER_KEYS:
            return "proposed_by"
        return name if name in ("consulted", "informed") else None

    def _front_lines(self, key: str) -> None:
        for loc, number in self.doc.front_lines.items():
            if loc and loc[0] == key:
                self.lines[loc] = number

    def _people(self, key: str, meta: Meta) -> None:
        if key not in self.data:
            raw = meta.raw if isinstance(meta.raw, list) else meta.value
            self.put(key, people(raw, meta.items), meta.line)

    def _status(self, value: Any, line: int, meta: Meta | None = None) -> None:
        status, text = map_status(value)
        if status is None and text and (guess := status_in_prose(text)):
            status = guess
            self.unsure("status")
        self.put("status", status, line)
        self.put("status_text", text, line)
        if status is not None and text is None:  # the status word as written ("Draft")
            self.data.setdefault("x_status_word", " ".join(str(value).split()).strip(" *_"))
        body = deciding_body(str(value))
        if body and "decision_makers" not in self.data:
            named = people(body) if body.startswith("@") else [body]  # "@ana and @bo"
            self.put("decision_makers", named, line)
            self.unsure("decision_makers")

    def _status_section(self, sec: Section) -> None:
        if (ticked := ticked_status(sec.items())) is not None:  # "- [ ] New" / "- [x] Proposed"
            self._status(ticked[0], ticked[1], None)
            for key, value in ticked[2]:  # "(dato: 2025-06-10)"
                self._meta(Meta(key, value, ticked[1], "line"))
            return
        for block in sec.blocks:
            if isinstance(block, Paragraph):
                self._packed_status(block.lines[0] if block.lines else block.text, block.line)
                return
            if isinstance(block, ListBlock) and block.items:
                item = block.items[0]
                self._packed_status(item.text, item.line)
                return

    def _packed_status(self, text: str, line: int) -> None:
        """A status line that may pack a date and more (``Accepted | 2023-04-01``)."""
        own, more = packed(text)
        self._status(own, line, None)
        for key, value in more:
            self._meta(Meta(key, value, line, "line"))

    # -- title and id ------------------------------------------------------------------
    def identity(self) -> None:
        sec = self.doc.title_section
        title = ""
        if sec is not None and (sec.level == 1 or not roles.is_role(sec.key)):
            title, self.title_line = heading_title(self.doc, sec, self.title_line)
        number: str | None = None
        title = KIND_PREFIX.sub("", title) or title  # "Design Decisions: App context"
        m = TITLE_NUMBER.match(title)
        if m and (rest := m.group("title").strip()):
            number = number_of(m)
            title = rest
            if number is not None and not rest[:1].isdigit():
                # the heading's own number ("# 12. Use X"; "# 3.2 Scope" is a section): COL005
                self.data["x_heading_number"] = int(number)
        stem = PurePosixPath(self.path.replace("\\", "/")).stem
        if not title and "title" in self.data:
            title = str(self.data["title"])
        for key in ("name", "feature name", "feature"):  # an RFC's "# Meta" / "- Name: X"
            if not title and (name := self.doc.meta(key)) is not None and name.value.strip():
                title = name.value.strip().strip("`")  # "- Feature Name: `policy_groups`"
        if not title:
            title = title_from_file_name(stem) if self.path != "-" else "Untitled decision"
        if sec is not None and self.data.get("title") == sec.title and title != sec.title:
            self.data["title"] = title  # front matter repeating "# ADR 0029: X": the title is X
        if title and ID_ONLY.match(str(self.data.get("title", ""))):
            self.data["title"] = title  # a site's "title: ADR-0006" over "# Replace X"
        self.data.setdefault("title", title)
        self.lines.setdefault(("title",), self.title_line)
        if "id" in self.data:
            return
        if self.path != "-":
            self.put("id", self.name or stem, self.title_line)
            self.data["x_implicit_id"] = True
        elif number is not None:
            self.put("id", f"ADR-{int(number):04d}", self.title_line)
        else:
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]
            self.put("id", slug or "adr", self.title_line)

    # -- prose sections ----------------------------------------------------------------
    def prose(self) -> None:
        title = self.doc.title_section  # "# Background Job System" is a title, no context
        parts = roles.ordered(self.doc, roles.is_context)
        sec = next(
            (c for c in parts if c is not title or c.level > 1 or c.key in roles.CONTEXT), None
        )
        if sec is not None:
            self.put("context", own_text(sec) or None, sec.line)
        if "context" not in self.data and (said := y_statement(self.doc)) and said.context:
            self.put("context", said.context, said.context_line)  # "In the context of X, facing Y"
        drivers = roles.first(self.doc, lambda k: k in roles.DRIVERS)
        if drivers is not None:
            found = [it.text for it in drivers.items(deep=True)]
            self.put("decision_drivers", found, drivers.line)
        argued = argued_line(self.doc)  # "Another approach would be ..." in any prose
        self.put(ARGUED_KEY, argued, argued or 0)
        words = sum(len(text.split()) for _, text in prose_of(self.doc))
        self.put(PROSE_WORDS_KEY, words, 1)  # how long the record argues
        cons = roles.ordered(self.doc, roles.is_consequences)
        outer = [c for c in cons if not any(c is not o and c in list(o.walk()) for o in cons)]
        if outer:
            text = "\n\n".join(s.text() for s in outer if s.text())
            self.put("consequences", text or None, outer[0].line)
            tmp = Opt("", 0)
            for s in outer:
                fill(tmp, s.blocks, s.children)
            self.put("consequences_good", [t for _, t in tmp.pros], outer[0].line)
            self.put("consequences_bad", [t for _, t in tmp.cons], outer[0].line)

    def _free_form(self) -> None:
        """A record in free prose: the title section's own words are its decision text."""
        title = self.doc.title_section
        if self.fmt != FREE_FORM or title is None or "rationale" in self.data:
            return
        said = own_text(title) or own_text(self.doc.root)
        if said:
            self.put("rationale", said, title.line)
            self.data["x_decision_stated"] = True

    # -- options and the choice ----------------------------------------------------------
    def options(self) -> None:
        link = reference_link(self.doc)
        if link is not None and self._options_of(link):
            return
        title = str(self.data.get("title", ""))
        self.opts, unsure = read_options(self.doc, title, self.title_line)
        if not self.opts and self.listed_alternatives is not None:
            self.opts = listed_alternatives(*self.listed_alternatives)
        if link is not None and not self.opts:  # "Same as in <a record we cannot read>"
            self.data["x_options_by_reference"] = link.href
            return
        if not self.opts and (pointer := pointer_within(self.doc)) is not None:
            self.data["x_options_by_reference"] = pointer  # "shown above in the motivation"
            return
        for name in unsure:
            self.unsure(name)
        if self.opts and "options" in unsure and not options_sections(self.doc):
            self.data["x_options_in_text"] = True  # no place for options: read from the text
        pros_cons_sections(self.doc, self.opts)
        shared = Counter(o.description for o in self.opts)
        for opt in self.opts:  # "It is simple, but not ergonomic": a pro and a con
            if opt.description is None or shared[opt.description] == 1:
                add_prose_points(opt)  # not a paragraph that names several options

    def _options_of(self, link: Link) -> bool:
        """The options (with pros and cons) of the record an options section refers to,
        placed on the line of the reference."""
        found = linked_document(self.path, self.name, link)
        if found is None:
            return False
        doc, href = found
        other = Builder(href, doc, self.fmt, None)
        other.options()
        line = next(s.line for s in options_sections(self.doc))
        for opt in other.opts:
            opt.line, opt.marked, opt.marked_line = line, False, 0
            for key in ("pros", "cons", "neutral"):
                setattr(opt, key, [(line, text) for _, text in getattr(opt, key)])
            opt.desc_line = line if opt.description else 0
            opt.reason_line = line if opt.reason else 0
        self.opts = other.opts
        self.data["x_options_from"] = href
        self.unsure("options")  # read from another record: the choice may not match them
        if not pros_cons_by_reference(self.doc):
            pros_cons_sections(self.doc, self.opts)
        return bool(self.opts)

    def choice(self) -> None:
        """The usual choice steps; when they choose none of the listed options, the option
        a Y-statement decides for ("we decided for X and neglected Y"), marked uncertain."""
        super().choice()
        if not self.opts or any(o.marked for o in self.opts):
            return
        found = y_statement(self.doc)
        index = decided(found, self.opts) if found is not None else None
        if found is not None and index is not None:
            self._choose([index], CHOSEN_BY, [found.chosen_line])
            self.unsure("chosen")

    def open_choice(self) -> None:
        """A decision that leaves the choice between its options open ("not yet clear
        whether X or Y"): none of them is chosen, and the record says the decision is open.
        A chosen-option line or a marker on an option still wins."""
        how = str(self.data.get("x_chosen_by", ""))
        if how.startswith(("chosen option line", "marker on the option", "the decision section")):
            return
        line = left_open(self.doc, self.opts)
        if line is None:
            return
        for i, opt in enumerate(self.opts):
            opt.marked = False
            self.lines.pop(("options", i, "chosen"), None)
        self.data.pop("x_chosen_by", None)
        if "chosen" in self.uncertain:
            self.uncertain.remove("chosen")
        self.put("x_decision_open", True, line)

    # -- output ------------------------------------------------------------------------
    def emit_options(self) -> None:
        out: list[dict[str, Any]] = []
        for i, opt in enumerate(self.opts):
            entry: dict[str, Any] = {"title": opt.title}
            self.lines[("options", i)] = opt.line
            self.lines[("options", i, "title")] = opt.line
            if opt.label:
                entry["label"] = opt.label
            if opt.group:
                entry["group"] = opt.group
                self.lines[("options", i, "group")] = opt.group_line
            if opt.description:
                entry["description"] = opt.description
                self.lines[("options", i, "description")] = opt.desc_line
            if opt.reason and (opt.rejected or not opt.marked):
                entry["rejected_reason"] = opt.reason
                line = opt.reason_line or opt.desc_line or opt.line
                self.lines[("options", i, "rejected_reason")] = line
            for key in ("pros", "cons", "neutral"):
                found = getattr(opt, key)
                if found:
                    entry[key] = [t for _, t in found]
                    self.lines[("options", i, key)] = found[0][0]
                    for j, (line, _) in enumerate(found):
                        self.lines[("options", i, key, j)] = line
            if opt.marked:
                entry["chosen"] = True
                self.lines.setdefault(("options", i, "chosen"), opt.marked_line or opt.line)
            if opt.uncertain and "options" not in self.uncertain:
                self.unsure(f"options[{i}]")
            out.append(entry)
        if out:
            self.data["options"] = out
            self.lines[("options",)] = self.lines[("options", 0)]

    def build(self) -> SourceRecord | InputError:
        self.metadata()
        self.identity()
        self.prose()
        self._free_form()
        self.options()
        self.choice()
        self.open_choice()
        decision_parts(self.doc, self.opts)
        self.emit_options()
        if self.uncertain:
            self.data["x_uncertain"] = list(self.uncertain)
        return to_record(self.data, self.lines, file=self.path, fmt=self.fmt, line=1)


_REPLACED_BY = frozenset({"superseded by", "superceded by", "replaced by"})
_REPLACED_BY |= {k.replace(" ", sep) for k in _REPLACED_BY for sep in "-_"}  # an EIP's key
_REFERENCE = re.compile(r"\w{2,}")  # not "-", "n/a" is caught by the status words

_LISTED_ALTERNATIVES = frozenset(  # "- Alternatives Considered: Preact, Svelte"
    {"alternatives considered", "considered alternatives", "options considered",
     "considered options", "alternatives", "rejected alternatives"}
)  # fmt: skip


def _section_meta(sec: Section, *, status: bool = False) -> tuple[Meta, ...]:
    from ..document import key_values

    return tuple(m for m in key_values(sec.blocks) if status or m.name != "status")
