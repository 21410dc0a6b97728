"""Convention findings: one finding for a folder whose template has no place for a field.

Some rules flag a field a record leaves empty (no decision maker, no options). When most
records of a folder leave that field empty, the folder's template most likely has no place
for it, and reporting the rule on every record buries the rest. A rule that declares
``convention: <field>`` in its file (the field as the record model names it, with spaces:
``decision makers``, ``options``) is then reported once for the folder, with the count,
instead of once per record.

The share is of the records that leave the field empty, whether or not the rule fired on
them (a proposal with no decision makers is not flagged by GOV002, but it is evidence of
the same template). A record that gives the field only as the reader inferred it from its
prose (the whole field listed under ``x_uncertain``: options read from "we chose X over
Y" in a record with no options section, deciders from "Approved by the board" in the
status), or that has none and argues or turns one down in a sentence (the facts'
``alternative_named``: options), is evidence of the same template too: it counts toward
the share, the rule does not fire on it, and the message says how many of the folder's
records name the field in their prose (at least: a reader may miss some). When half or more
of the records that leave the field empty name it in their prose, the folder does record
it, where its readers cannot list it: the message then claims no template gap, only how
many records give the field nowhere. A folder qualifies when
at least ``min_records`` of its records, and at least ``share`` of them, leave the field
empty, and the rule fired on one of them at least (settings ``convention_share`` and
``convention_min_records``: by default 0.65, so two records in three, and 3).

Folders are judged bottom-up. A subfolder with fewer records than the minimum is judged
together with its parent folder (it is too small to say anything about a template on its
own). A folder that does not qualify on its own is judged with its whole subtree, then
with its parent's subtree, and so on up to the checked folder: a repository whose template
has no deciders anywhere gets one finding for the repository even when one of its
subfolders, taken alone, falls under the share. Findings left over are reported per record.

Findings of convention rules are held back until the end of the run (only those: a few
small values per record), so the folder's share is known before anything is reported.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .filenumbers import names_its_folder
from .foldertree import ancestor_path, ancestors, inside, merge_into_ancestors
from .process import BY_PROCESS, folder_process
from .process import FIELD as PROCESS_FIELD
from .records.skips import names_a_template
from .types import Finding

FOLDER_PREFIX = "(folder) "
DEFAULT_SHARE = 0.65  # two records in three qualify (2/3 = 0.667)
DEFAULT_MIN_RECORDS = 3


def is_collection_id(decision_id: str) -> bool:
    """The decision id of a finding about a folder or the whole run, not one record."""
    return decision_id == "(portfolio)" or decision_id.startswith(FOLDER_PREFIX)


@dataclass(frozen=True)
class ConventionPolicy:
    share: float = DEFAULT_SHARE  # fraction of a folder's records the rule must fire on
    min_records: int = DEFAULT_MIN_RECORDS  # and at least this many; 0 turns folding off

    @property
    def enabled(self) -> bool:
        return self.min_records > 0


def record_dir(file: str, roots: Sequence[str] = ()) -> str:
    """The folder ``file`` is a record of: its own, or for a record in a folder of its own
    (:func:`~.filenumbers.names_its_folder`, inside a checked folder) the folder above."""
    folder = posixpath.dirname(file)
    if not names_its_folder(file) or "/" not in folder:
        return folder
    if roots and not any(folder.startswith(r.rstrip("/") + "/") for r in roots):
        return folder  # a checked folder's own README.md, or a file outside them
    return posixpath.dirname(folder)


def folder_of(file: str, roots: Sequence[str] = ()) -> str:
    """The folder of ``file`` as a stable label: relative to the checked path that holds it
    (prefixed by that path's own name), so it does not depend on where the run started."""
    folder = record_dir(file, roots)
    best = ""
    for root in roots:
        root = root.rstrip("/") or "/"
        if (folder == root or folder.startswith(root + "/")) and len(root) > len(best):
            best = root
    if not best:
        return folder or "."
    rest = folder[len(best) :].lstrip("/")
    name = posixpath.basename(best) or best
    return posixpath.join(name, rest) if rest else name


IN_PROSE = " (in prose)"  # an empty_fields() name: the field only as inferred from prose


@dataclass
class _Folder:
    records: int = 0
    missing: dict[str, int] = field(default_factory=dict)  # field -> records leaving it empty
    in_prose: dict[str, int] = field(default_factory=dict)  # of them, naming it in prose
    held: dict[str, list[Finding]] = field(default_factory=dict)  # rule id -> findings
    path: str = ""  # the folder as the files name it
    merged: list[str] = field(default_factory=list)  # small subfolders judged with it
    rooted: bool = False  # inside a checked folder (its label is relative to that folder)
    by_process: int = 0  # records naming the process that decided them (engine/process.py)

    def absorb(self, other: _Folder) -> None:
        self.records += other.records
        self.by_process += other.by_process
        for name, count in other.missing.items():
            self.missing[name] = self.missing.get(name, 0) + count
        for name, count in other.in_prose.items():
            self.in_prose[name] = self.in_prose.get(name, 0) + count
        for rule_id, held in other.held.items():
            self.held.setdefault(rule_id, []).extend(held)


def _attr(name: str) -> str:
    return name.strip().replace(" ", "_").replace("-", "_")


def _model_field(name: str) -> bool:
    from .model import Record

    return _attr(name) in Record.model_fields


def field_missing(record: Any, name: str) -> bool | None:
    """Whether ``record`` leaves the model field ``name`` ("decision makers") empty; None
    when the record model has no such field."""
    attr = _attr(name)
    if record is None or attr not in type(record).model_fields:
        return None
    value = getattr(record, attr)
    return value is None or value == [] or value == ""


def only_in_prose(record: Any, name: str) -> bool:
    """Whether ``record`` gives the field ``name`` only as a reader inferred it from its
    prose: the whole field listed under ``x_uncertain``; for options, read from the text of
    a record with no options section (``x_options_in_text``: an options section written as
    prose, or options borrowed from another record, show a template with a place for them)."""
    extra = getattr(record, "model_extra", None) or {}
    unsure = extra.get("x_uncertain")
    if not isinstance(unsure, list) or _attr(name) not in unsure:
        return False
    return _attr(name) != "options" or extra.get("x_options_in_text") is True


def empty_fields(record: Any, names: Iterable[str], in_prose: Iterable[str] = ()) -> frozenset[str]:
    """The convention fields among ``names`` that ``record`` leaves empty (a name that is no
    field of the record model counts as empty when the rule fires: not listed here); a field
    given only as inferred from prose is listed too, and again with :data:`IN_PROSE`, as is
    an empty field its facts say the record names in a sentence (``in_prose``: options,
    when it argues or turns down an alternative in prose)."""
    out: set[str] = set()
    prose = frozenset(in_prose)
    for name in names:
        missing = field_missing(record, name)
        if missing and name in prose:
            out.update((name, name + IN_PROSE))
        elif missing:
            out.add(name)
        elif missing is False and only_in_prose(record, name):
            out.update((name, name + IN_PROSE))
    return frozenset(out)


class ConventionFolder:
    """Holds the findings of convention rules per folder; releases them at the end."""

    def __init__(
        self,
        fields: Mapping[str, str],
        policy: ConventionPolicy,
        roots: Sequence[str] = (),
    ) -> None:
        self.fields = dict(fields)  # rule id -> the field it is about ("decision makers")
        self.policy = policy
        self.roots = tuple(roots)
        self._folders: dict[str, _Folder] = {}
        self._counted: set[str] = set()  # fields whose emptiness the records told us
        self._own: dict[str, _Folder] = {}  # each folder's own counts, never rolled up
        self._joined: set[str] = set()  # folders with no records that sibling findings join
        self._names: frozenset[str] | None = None  # the fields that are record model fields
        self._last: tuple[str, str, _Folder, _Folder] | None = None  # the last file's folder

    @property
    def _model_names(self) -> frozenset[str]:
        if self._names is None:
            self._names = frozenset(n for n in self.fields.values() if _model_field(n))
        return self._names

    def add_record(self, file: str, empty: Iterable[str] | None = None) -> str:
        """Count a record of ``file``'s folder, and which convention fields it leaves empty
        (:func:`empty_fields`; None: not known, the flagged records are counted instead).
        A file named as a template (``0000-template.md``) is no record of the folder."""
        if names_a_template(file):
            return folder_of(file, self.roots)
        last = self._last
        if last is not None and last[0] == file:  # the records of one file: one folder
            label, folder, own = last[1:]
        else:
            label = folder_of(file, self.roots)
            folder = self._folders.setdefault(label, self._new(file))
            own = self._own.setdefault(label, _Folder())
            self._last = (file, label, folder, own)
        for counts in (folder, own):
            counts.records += 1
            counts.by_process += BY_PROCESS in (empty or ())
        if empty is not None:
            names = self._model_names
            self._counted |= names
            for name in names.intersection(empty):
                for counts in (folder, own):
                    counts.missing[name] = counts.missing.get(name, 0) + 1
                    if name + IN_PROSE in empty:
                        counts.in_prose[name] = counts.in_prose.get(name, 0) + 1
        return label

    def _new(self, file: str) -> _Folder:
        path = record_dir(file, self.roots)
        return _Folder(path=path, rooted=any(inside(path, r) for r in self.roots))

    def hold(self, finding: Finding) -> bool:
        """Keep ``finding`` for the end of the run when its rule is a convention rule."""
        if not self.policy.enabled or finding.rule_id not in self.fields or not finding.file:
            return False
        if finding.file == "-":
            return False
        label = folder_of(finding.file, self.roots)
        folder = self._folders.setdefault(label, self._new(finding.file))
        folder.held.setdefault(finding.rule_id, []).append(finding)
        return True

    def _roll_up(self) -> None:
        """A folder with fewer records than ``min_records`` is judged with its parent
        folder: a subfolder of one or two decisions shares its parent's template, and is too
        small to say anything about a template on its own. Folders roll up level by level,
        up to the checked folder (the parent need not hold records of its own)."""
        while True:
            small = [
                label
                for label, folder in self._folders.items()
                if folder.records < self.policy.min_records and folder.rooted and "/" in label
            ]
            if not small:
                return
            label = max(small, key=lambda x: (x.count("/"), x))
            self._last = None
            folder = self._folders.pop(label)
            parent = posixpath.dirname(label)
            into = self._folders.setdefault(
                parent, _Folder(path=posixpath.dirname(folder.path), rooted=True)
            )
            into.absorb(folder)
            into.merged.extend([label, *folder.merged])

    def _subtree(self, label: str) -> _Folder:
        """The folder ``label`` with every folder under it, as one."""
        own = self._folders.get(label)
        tree = _Folder(path=own.path if own else "", rooted=True)
        for other, folder in self._folders.items():
            if other == label or other.startswith(label + "/"):
                tree.absorb(folder)
                if other != label:
                    tree.merged.extend([other, *folder.merged])
                else:
                    tree.merged.extend(folder.merged)
                if not tree.path:
                    tree.path = ancestor_path(folder.path, other, label)
        return tree

    def _judge(self, rule_id: str, folder: _Folder) -> bool:
        held = len(folder.held.get(rule_id, []))
        name = self.fields[rule_id]
        missing = folder.missing.get(name, 0) if name in self._counted else held
        return held > 0 and self.qualifies(missing, folder.records)

    def _target(self, label: str, rule_id: str) -> str | None:
        """Where the findings of ``rule_id`` in folder ``label`` are folded: the folder
        itself, or the nearest folder above whose subtree qualifies; None: not folded."""
        folder = self._folders[label]
        if self._judge(rule_id, folder):
            return label
        if not folder.rooted:
            return None
        at = label
        while True:
            if self._judge(rule_id, self._subtree(at)):
                return at
            parent = posixpath.dirname(at)
            if "/" not in at or not parent or parent == at:
                return None
            at = parent

    def release(self) -> Iterator[Finding]:
        """Per folder and rule: one folder finding when it qualifies, else each finding."""
        if self.policy.enabled:
            self._roll_up()
        self._excuse()
        targets: dict[tuple[str, str], list[str]] = {}  # (rule, target folder) -> folders
        loose: list[Finding] = []
        for label in sorted(self._folders):
            for rule_id in sorted(self._folders[label].held):
                to = self._target(label, rule_id) if self.policy.enabled else None
                if to is None:
                    loose.extend(self._folders[label].held[rule_id])
                else:
                    targets.setdefault((rule_id, to), []).append(label)
        while True:  # until neither merge changes anything
            before = {key: len(members) for key, members in targets.items()}
            merge_into_ancestors(
                targets,
                self._rooted,
                lambda rule_id, label: self._judge(rule_id, self._subtree(label)),
            )
            self._merge_siblings(targets)
            if before == {key: len(members) for key, members in targets.items()}:
                break
        for (rule_id, label), members in sorted(targets.items(), key=lambda x: (x[0][1], x[0][0])):
            held = [f for m in members for f in self._folders[m].held[rule_id]]
            if members == [label] and self._judge(rule_id, self._folders[label]):
                yield self._fold(label, self._folders[label], rule_id, held)
            else:  # judged with its subtree: the subtree's counts, these folders' findings
                yield self._fold(label, self._subtree(label), rule_id, held)
        yield from loose

    def _excuse(self) -> None:
        """Drop the findings about decision makers of a folder that says how its decisions
        are taken: most of its records name the process or review that decided them, or a
        process document of it or of a folder above it says how proposals are accepted."""
        seen: dict[str, Any] = {}
        for folder in self._folders.values():
            rules = [r for r in folder.held if self.fields[r] == PROCESS_FIELD]
            if not rules:
                continue
            top = max((r for r in self.roots if inside(folder.path, r)), key=len, default=None)
            if folder.by_process * 2 >= folder.records or folder_process(folder.path, top, seen):
                for rule_id in rules:
                    del folder.held[rule_id]

    def _merge_siblings(self, targets: dict[tuple[str, str], list[str]]) -> None:
        """Folder findings of one rule in sibling folders (two or more under one ancestor,
        inside a checked folder) join at their nearest common ancestor when every folder of
        records under it shows the same gap and its tree as a whole qualifies: sibling
        folders cut from one template get one finding, not one each."""
        for rule_id in sorted({r for r, _ in targets}):
            while True:
                labels = [label for r, label in targets if r == rule_id and self._rooted(label)]
                into = self._sibling_ancestor(rule_id, labels, targets)
                if into is None:
                    break
                under = [x for x in labels if x.startswith(into + "/")]
                targets[(rule_id, into)] = [m for x in under for m in targets.pop((rule_id, x))]
                self._joined.add(into)

    def _rooted(self, label: str) -> bool:
        """``label`` is inside a checked folder (its findings may join those above it)."""
        folder = self._folders.get(label)
        return label in self._joined if folder is None else folder.rooted

    def _sibling_ancestor(
        self, rule_id: str, labels: list[str], targets: Mapping[tuple[str, str], list[str]]
    ) -> str | None:
        """The deepest ancestor the folder findings ``labels`` of ``rule_id`` join at."""
        above = {a for label in labels for a in ancestors(label)}
        for at in sorted(above, key=lambda a: (-a.count("/"), a)):
            if (rule_id, at) in targets:
                continue  # an ancestor with its own finding: _merge_into_ancestors
            under = [x for x in labels if x.startswith(at + "/")]
            if len(under) < 2:
                continue
            holding = [x for x, f in self._folders.items() if x.startswith(at + "/") and f.records]
            covered = all(any(h == x or h.startswith(x + "/") for x in under) for h in holding)
            if covered and self._judge(rule_id, self._subtree(at)):
                return at
        return None

    def qualifies(self, fired: int, records: int) -> bool:
        """``fired`` of ``records`` records leave the field empty: enough to fold."""
        p = self.policy
        return p.enabled and records > 0 and fired >= p.min_records and fired / records >= p.share

    def _subfolders(self, label: str, folder: _Folder) -> str:
        """ " and its subfolders", or how many, when only its small ones were judged with it."""
        judged = set(folder.merged)  # the small ones were taken out of _folders
        others = {x for x, f in self._folders.items() if x.startswith(label + "/") and f.records}
        if not judged or others <= judged:
            return " and its subfolders" if judged else ""
        return f" and {len(judged)} of its {len(judged | others)} subfolders"

    def _fold(self, label: str, folder: _Folder, rule_id: str, held: list[Finding]) -> Finding:
        first = held[0]
        records = folder.records
        what = self.fields[rule_id]
        missing = folder.missing.get(what, 0) if what in self._counted else len(held)
        ids = sorted(f.decision_id for f in held)
        share = missing / records
        where = f"folder '{label}'" + self._subfolders(label, folder)
        prose = folder.in_prose.get(what, 0) if what in self._counted else 0
        said = f"record no {what}"
        if prose:  # "5 of the 5 records ... record no options, though at least 2 name them
            # in their prose": a reader may miss prose, so the count is a floor, not a split
            names, their = ("names", "its") if prose == 1 else ("name", "their")
            said = (
                f"record no {what}, though at least {prose} of them {names} {what} in {their} prose"
            )
        why = (
            f", which suggests the folder's template has no place for {what} or that its"
            " writers leave it empty"
        )
        if missing < records:  # some records give it: the template has a place for it
            others = records - missing
            gave = f"{'record' if others > 1 else 'records'} {what}"
            if folder.by_process and what == PROCESS_FIELD:  # "Accepted (lazy consensus)"
                named = "name the process or review that decided them"
                if others == 1:
                    named = "names the process or review that decided it"
                gave = named if folder.by_process >= others else f"{gave} or {named}"
            why = f"; the other {others} {gave}, so most of its writers leave {what} out"
        message = (
            f"{missing} of the {records} records in {where} {said} ({share:.0%}){why};"
            " reported once for the folder instead of on each record"
        )
        if len(held) != missing:
            message += f" ({len(held)} of them flagged by {rule_id})"
        if prose * 2 >= missing:  # most name it in prose: the folder records the field
            # where no reader can list it, so no template gap is claimed
            are = "record" if len(held) != 1 else "records"
            message = (
                f"{len(held)} of the {records} records in {where} {are} no {what}, nor"
                f" name any in a sentence decaudit reads (a reader may miss some); {prose}"
                f" more name {what} only in their prose, where no reader can list them;"
                " reported once for the folder instead of on each record"
            )
        own = {label} if label in self._folders else set()  # its records may have rolled up
        per_folder = self._per_folder(own | set(folder.merged), rule_id, held)
        if len(per_folder) > 1 and any(c["records"] > 1 for c in per_folder.values()):
            # (a folder per record, as RFC folders are, has no breakdown worth giving)
            counts = [
                f"{posixpath.relpath(name, label) if name != label else posixpath.basename(name)}"
                f" {c['missing']} of {c['records']}"
                for name, c in per_folder.items()
            ]
            more = f" and {len(counts) - 5} more" if len(counts) > 5 else ""
            message += "; per folder: " + ", ".join(counts[:5]) + more
        return Finding(
            rule_id=first.rule_id,
            rule_name=first.rule_name,
            severity=first.severity,
            family=first.family,
            decision_id=FOLDER_PREFIX + label,
            file=folder.path or posixpath.dirname(first.file),
            line=0,
            path="$",
            message=message,
            evidence={
                "convention": True,
                "field": what,
                "count": len(held),
                "missing": missing,
                "in_prose": prose,
                "records": records,
                "share": round(share, 6),
                "decisions": ids,
                "files": sorted({f.file for f in held}),
                "subfolders": sorted(folder.merged),
                "per_folder": per_folder,
            },
        )

    def _per_folder(
        self, names: set[str], rule_id: str, held: list[Finding]
    ) -> dict[str, dict[str, int]]:
        """Each folder's own records and how many leave the field empty, for the folders
        ``names`` that hold records (as the folder walk found them)."""
        what = self.fields[rule_id]
        flagged: dict[str, int] = {}
        for f in held:
            name = folder_of(f.file, self.roots)
            flagged[name] = flagged.get(name, 0) + 1
        out: dict[str, dict[str, int]] = {}
        for name in sorted(names):
            own = self._own.get(name)
            if own is None or not own.records:
                continue
            missing = own.missing.get(what, 0) if what in self._counted else flagged.get(name, 0)
            out[name] = {"records": own.records, "missing": missing}
        return out
