"""An ADR document (Markdown or Word, as the document model) mapped onto the record model."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from ...types import InputError, Loc, SourceRecord
from ..document import Document, ListBlock, ListItem, Meta, Paragraph, Section
from ..validate import to_record
from . import sections as roles
from .choice import (
    CHOSEN_LINE,
    chosen_in_line,
    find,
    named_in,
    parse_chosen,
    referenced,
    rejected_in,
)
from .content import Opt, clean_title, fill
from .meta import deciding_body, map_status, parse_date, people, status_in_prose
from .options import read_options

_TITLE_NUMBER = re.compile(
    r"^(?:(?:architecture\s+decision\s+record|decision\s+record|ADR|RFC|DR|MADR)\b\s*"
    r"(?:\(ADR\)\s*)?(?:[-_ ]?#?(\d{1,9})\s*[:.)\-–—]?|[:\-–—]|(?=(?:for|on|about)\s))\s*"
    r"(?:(?:for|on|about)\s+)?|(\d{1,9})\s*(?:[.:)]|\s[-–—:])\s*)(.+)$",
    re.IGNORECASE,
)
DECIDER_KEYS: tuple[str, ...] = ("deciders", "decision makers", "decision maker", "decided by")
DECIDER_KEYS += ("approved by", "approvers", "approver", "decision-makers")
_CHOOSING = re.compile(
    r"\b(?:best|chosen|choose|chose|selected|select|recommend\w*|most suitable|stands out|"
    r"winner|decided|go with|adopt\w*|prefer\w*)\b",
    re.IGNORECASE,
)
DATE_KEYS = ("date", "decision date", "last updated", "created", "date created")
PROPOSER_KEYS: tuple[str, ...] = (
    "author",
    "authors",
    "proposed by",
    "proposer",
    "proposers",
    "sponsor",
    "owner",
)
PROPOSER_KEYS += ("submitter", "submitters")


class Builder:
    def __init__(self, path: str, doc: Document, fmt: str, name: str | None) -> None:
        self.path, self.doc, self.fmt, self.name = path, doc, fmt, name
        self.data: dict[str, Any] = {}
        title = doc.title_section
        self.title_line = title.line if title is not None else 1
        self.lines: dict[Loc, int] = {(): self.title_line}
        self.uncertain: list[str] = []
        self.opts: list[Opt] = []

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
        status_sec = roles.first(self.doc, roles.is_status)
        if status_sec is not None:
            for meta in _section_meta(status_sec):
                self._meta(meta)
            if "status" not in self.data:
                self._status_section(status_sec)
        for keys, field in ((roles.DECIDERS, "decision_makers"), (PROPOSER_KEYS, "proposed_by")):
            sec = roles.first(self.doc, lambda k, keys=keys: k in keys)
            if sec is not None and field not in self.data:
                names = [it.text for it in sec.items()] or people(sec.text(False))
                self.put(field, names, sec.line)

    def _meta(self, meta: Meta) -> None:
        name = meta.name
        if meta.origin == "front" and name not in ("status", "date", "title", "id"):
            if name in DECIDER_KEYS or name.replace("-", " ") in DECIDER_KEYS:
                self._people("decision_makers", meta)
            elif name in ("consulted", "informed"):
                self._people(name, meta)
            else:  # model fields (project_type, origin...) and extra keys pass through
                self.data.setdefault(meta.key, meta.raw)
                self._front_lines(meta.key)
            return
        if name == "status" and "status" not in self.data:
            self._status(meta.value, meta.line, meta)
        elif name in DATE_KEYS and "date" not in self.data:
            date, text = parse_date(meta.raw if meta.raw is not None else meta.value)
            self.put("date", date.isoformat() if date else None, meta.line)
            self.put("date_text", text, meta.line)
        elif name in DECIDER_KEYS:
            self._people("decision_makers", meta)
        elif name in PROPOSER_KEYS:
            self._people("proposed_by", meta)
        elif name in ("consulted", "informed"):
            self._people(name, meta)
        elif name == "technical story":
            self.put("technical_story", meta.value, meta.line)
        elif (
            meta.origin == "front"
            and name in ("id", "title")
            and isinstance(meta.raw, str | int)
            and str(meta.raw).strip()
        ):
            self.put(name, str(meta.raw).strip(), meta.line)

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
        body = deciding_body(str(value))
        if body and "decision_makers" not in self.data:
            self.put("decision_makers", [body], line)
            self.unsure("decision_makers")

    def _status_section(self, sec: Section) -> None:
        for block in sec.blocks:
            if isinstance(block, Paragraph):
                self._status(block.lines[0] if block.lines else block.text, block.line, None)
                return
            if isinstance(block, ListBlock) and block.items:
                item = block.items[0]
                self._status(item.text, item.line, None)
                return

    # -- title and id ------------------------------------------------------------------
    def identity(self) -> None:
        sec = self.doc.title_section
        title = ""
        if sec is not None and (sec.level == 1 or not roles.is_role(sec.key)):
            title = sec.title
        number: str | None = None
        m = _TITLE_NUMBER.match(title)
        if m and m.group(3).strip():
            number = m.group(1) or m.group(2)
            title = m.group(3).strip()
        stem = PurePosixPath(self.path.replace("\\", "/")).stem
        if not title and "title" in self.data:
            title = str(self.data["title"])
        if not title:
            title = _from_file_name(stem) if self.path != "-" else "Untitled decision"
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
        sec = roles.first(self.doc, roles.is_context)
        if sec is not None:
            self.put("context", _own_text(sec) or None, sec.line)
        drivers = roles.first(self.doc, lambda k: k in roles.DRIVERS)
        if drivers is not None:
            found = [it.text for it in drivers.items(deep=True)]
            self.put("decision_drivers", found, drivers.line)
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

    # -- options and the choice ----------------------------------------------------------
    def options(self) -> None:
        self.opts, unsure = read_options(self.doc)
        for name in unsure:
            self.unsure(name)
        self._pros_cons_sections()

    def _pros_cons_sections(self) -> None:
        """``### <option>`` subsections under "Pros and Cons of the Options" (or a section
        one level too high) enrich the options; matched by title, else by position."""
        for sec in self.doc.sections():
            if roles.is_role(sec.key) or sec is self.doc.title_section:
                continue
            index = find(clean_title(sec.title)[0], self.opts, fuzzy=False)
            if index is not None and index < len(self.opts) and self.opts[index].line != sec.line:
                fill(self.opts[index], sec.blocks, ())
        for sec in roles.ordered(self.doc, roles.is_pros_cons):
            heads = [c for c in sec.children if roles.pc_kind(c.key) is None]
            if not heads:
                continue
            matched = [find(h.title, self.opts) for h in heads]
            if not self.opts:
                for head in heads:
                    opt = Opt(head.title, head.line, None, [head.title])
                    fill(opt, head.blocks, head.children)
                    self.opts.append(opt)
                continue
            if len(heads) == len(self.opts) and (
                None in matched or len(set(matched)) < len(matched)
            ):
                matched = list(range(len(heads)))  # same order as the list: align them
            for head, index in zip(heads, matched, strict=True):
                if index is None:
                    continue
                opt = self.opts[index]
                if head.title not in opt.aliases:
                    opt.aliases.append(head.title)
                fill(opt, head.blocks, head.children)

    def choice(self) -> None:
        """The chosen option, by the first recognition that applies (docs/formats.md)."""
        outcome = roles.ordered(self.doc, roles.is_decision)
        for sec in outcome + [s for s in self.doc.sections() if s not in outcome]:
            if self._chosen_line(sec):
                return
        marked = [i for i, o in enumerate(self.opts) if o.marked]
        if marked:
            self._choose(marked, "marker on the option", [self.opts[i].marked_line for i in marked])
        text_secs = outcome or roles.ordered(self.doc, lambda k: k in roles.DESIGN)
        if text_secs:
            sec = text_secs[0]
            self.put("rationale", _own_text(sec) or None, sec.line)
            self.data["x_decision_stated"] = bool(_own_text(sec))
        if marked or not self.opts:
            return
        steps = (self._by_reference, self._by_bold, self._by_prose, self._by_rejecting_one)
        if any(step(outcome) for step in steps):
            return
        if outcome and self.data.get("x_decision_stated") and self._alternatives_only():
            self._decision_as_option(outcome[0])

    def _by_reference(self, outcome: list[Section]) -> bool:
        """ "We go with option 1", "(#2)", "option B was selected"."""
        for sec in outcome:
            for para_line, text in _texts(sec):
                found = referenced(text, self.opts)
                if found:
                    self._choose(found, "reference in the decision", [para_line] * len(found))
                    return True
        return False

    def _by_bold(self, outcome: list[Section]) -> bool:
        """The one option set in bold in the decision (or in its choosing sentence)."""
        for sec in outcome:
            for para in sec.paragraphs():
                bold = {i for mark in para.marks for i in named_in(mark, self.opts)}
                if len(bold) > 1:
                    bold = self._bold_in_choosing_sentence(para)
                if len(bold) == 1:
                    self._choose(list(bold), "named in bold in the decision", [para.line])
                    self.unsure("chosen")
                    return True
        return False

    def _bold_in_choosing_sentence(self, para: Paragraph) -> set[int]:
        for sentence in re.split(r"(?<=[.!?;])\s+", para.text):
            if _CHOOSING.search(sentence):
                return {
                    i for mark in para.marks if mark in sentence for i in named_in(mark, self.opts)
                }
        return set()

    def _by_prose(self, outcome: list[Section]) -> bool:
        """The decision's prose names exactly one option (several: stated, but not clear)."""
        for sec in outcome:
            for para_line, text in _texts(sec):
                found = named_in(text, self.opts)
                if len(found) == 1:
                    self._choose(found, "named in the decision prose", [para_line])
                    self.unsure("chosen")
                    return True
                if found:
                    return True
        return False

    def _by_rejecting_one(self, outcome: list[Section]) -> bool:
        """ "Decided against X" between two options: the other one."""
        if len(self.opts) != 2 or not outcome:
            return False
        text = " ".join(t for _, t in _texts(outcome[0]))
        against = [i for i in range(2) if rejected_in(text, self.opts[i])]
        if len(against) != 1:
            return False
        other = 1 - against[0]
        self._choose([other], "the other option (the decision rejects one)", [outcome[0].line])
        self.unsure("chosen")
        return True

    def _chosen_line(self, sec: Section) -> bool:
        for line, text, follow in _texts_with_follow(sec):
            m = CHOSEN_LINE.search(text)
            if m is None or not m.group(1).strip():
                continue
            title, because = parse_chosen(" ".join(m.group(1).split()))
            texts = [it.text for it in follow]
            if texts and (because is None or text.rstrip().endswith((":", "because"))):
                because = " ".join(x for x in (because, *texts) if x)
            self.put("rationale", because, line)
            self.data["x_decision_stated"] = True
            found = chosen_in_line(title, self.opts) if title else []
            listed = _listed_choices(follow, self.opts) if not found else []
            if found:
                self._choose(found, "chosen option line", [line] * len(found))
            elif listed:  # "Chosen option: a set of engines" and the list of them after it
                self._choose(
                    [i for i, _ in listed], "chosen option line (the list after it)",
                    [n for _, n in listed],
                )  # fmt: skip
            elif title:
                self.put("chosen_option", title, line)
                self.data["x_chosen_by"] = "chosen option line (not a listed option)"
            return True
        return False

    def _choose(self, indexes: list[int], how: str, lines: list[int]) -> None:
        for i, opt in enumerate(self.opts):
            opt.marked = i in indexes
        for i, line in zip(indexes, lines, strict=True):
            self.lines[("options", i, "chosen")] = line
        self.data["x_chosen_by"] = how

    def _alternatives_only(self) -> bool:
        secs = [s for s in roles.ordered(self.doc, roles.is_options)]
        return bool(secs) and all(
            any(w in s.key for w in ("alternative", "rejected", "positions")) for s in secs
        )

    def _decision_as_option(self, sec: Section) -> None:
        """Alternatives listed, the decision stated in prose: the decision is the chosen
        option and the alternatives are the rejected ones."""
        for opt in self.opts:
            if not opt.reason and opt.description:
                opt.reason = opt.description
            opt.rejected = True
        decided = Opt(str(self.data.get("title", "the decision")), sec.line, None, [])
        decided.describe(_own_text(sec)[:2000], sec.line)
        decided.marked = True
        self.opts.append(decided)
        index = len(self.opts) - 1
        self.lines[("options", index, "chosen")] = sec.line
        self.data["x_chosen_by"] = "the decision section (alternatives listed as rejected)"
        self.unsure("chosen")
        self.unsure(f"options[{index}]")

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
        self.options()
        self.choice()
        self.emit_options()
        if self.uncertain:
            self.data["x_uncertain"] = list(self.uncertain)
        return to_record(self.data, self.lines, file=self.path, fmt=self.fmt, line=1)


def _from_file_name(stem: str) -> str:
    text = re.sub(r"^(?:adr[-_ ]?)?\d+[-_ .]*", "", stem, flags=re.IGNORECASE)
    text = text.replace("-", " ").replace("_", " ").strip()
    return (text[:1].upper() + text[1:]) if text else stem


def _section_meta(sec: Section) -> tuple[Meta, ...]:
    from ..document import key_values

    return tuple(m for m in key_values(sec.blocks) if m.name != "status")


def _own_text(sec: Section) -> str:
    """A decision section's text without its consequences subsections."""
    parts = [sec.text(deep=False)]
    for child in sec.children:
        if not roles.is_consequences(child.key) and not roles.is_options(child.key):
            parts.append(child.text())
    return "\n\n".join(p for p in parts if p)


def _texts(sec: Section) -> list[tuple[int, str]]:
    return [(line, text) for line, text, _ in _texts_with_follow(sec)]


def _listed_choices(follow: list[ListItem], opts: list[Opt]) -> list[tuple[int, int]]:
    """(option, line) for each item of a list that names a listed option by its bold label
    (or its whole text); all of them, or none."""
    out: list[tuple[int, int]] = []
    for item in follow:
        index = find(item.label or item.text, opts)
        if index is None:
            return []
        if index not in [i for i, _ in out]:
            out.append((index, item.line))
    return out


def _texts_with_follow(sec: Section) -> list[tuple[int, str, list[ListItem]]]:
    """(line, text, the items of the list right after it) for each paragraph and list item."""
    out: list[tuple[int, str, list[ListItem]]] = []
    blocks = sec.blocks
    for n, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            follow = list(nxt.items) if isinstance(nxt, ListBlock) else []
            out.append((block.line, "\n".join(block.lines) or block.text, follow))
        elif isinstance(block, ListBlock):
            for item in block.items:
                for it in item.walk():
                    out.append((it.line, it.text, []))
    return out
