"""Convention findings: one finding for a folder whose template has no place for a field.

Some rules flag a field a record leaves empty (no decision maker, no options). When such a
rule fires on most records of one folder, the folder's template most likely has no place
for the field, and reporting it on every record buries the rest. A rule that declares
``convention: <field>`` in its file is then reported once for the folder, with the count,
instead of once per record. A folder qualifies when the rule fired on at least
``min_records`` of its records and on at least ``share`` of them (the ``convention_share``
and ``convention_min_records`` settings); otherwise every finding is reported as usual. A
subfolder with fewer records than that minimum is judged together with its parent folder.

Findings of convention rules are held back until the end of the run (only those: a few
small values per record), so the folder's share is known before anything is reported.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .types import Finding

FOLDER_PREFIX = "(folder) "
DEFAULT_SHARE = 0.8
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


def folder_of(file: str, roots: Sequence[str] = ()) -> str:
    """The folder of ``file`` as a stable label: relative to the checked path that holds it
    (prefixed by that path's own name), so it does not depend on where the run started."""
    folder = posixpath.dirname(file)
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


@dataclass
class _Folder:
    records: int = 0
    held: dict[str, list[Finding]] = field(default_factory=dict)  # rule id -> findings
    path: str = ""  # the folder as the files name it
    merged: list[str] = field(default_factory=list)  # small subfolders judged with it
    rooted: bool = False  # inside a checked folder (its label is relative to that folder)


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

    def add_record(self, file: str) -> str:
        label = folder_of(file, self.roots)
        folder = self._folders.setdefault(label, self._new(file))
        folder.records += 1
        return label

    def _new(self, file: str) -> _Folder:
        path = posixpath.dirname(file)
        rooted = any(
            path == (r.rstrip("/") or "/") or path.startswith(r.rstrip("/") + "/")
            for r in self.roots
        )
        return _Folder(path=path, rooted=rooted)

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
            folder = self._folders.pop(label)
            parent = posixpath.dirname(label)
            into = self._folders.setdefault(
                parent, _Folder(path=posixpath.dirname(folder.path), rooted=True)
            )
            into.records += folder.records
            for rule_id, held in folder.held.items():
                into.held.setdefault(rule_id, []).extend(held)
            into.merged.extend([label, *folder.merged])

    def release(self) -> Iterator[Finding]:
        """Per folder and rule: one folder finding when it qualifies, else each finding."""
        if self.policy.enabled:
            self._roll_up()
        for label in sorted(self._folders):
            folder = self._folders[label]
            for rule_id in sorted(folder.held):
                held = folder.held[rule_id]
                if self.qualifies(len(held), folder.records):
                    yield self._fold(label, folder, held)
                else:
                    yield from held

    def qualifies(self, fired: int, records: int) -> bool:
        p = self.policy
        return p.enabled and records > 0 and fired >= p.min_records and fired / records >= p.share

    def _fold(self, label: str, folder: _Folder, held: list[Finding]) -> Finding:
        first = held[0]
        records = folder.records
        what = self.fields[first.rule_id]
        ids = sorted(f.decision_id for f in held)
        share = len(held) / records
        where = f"folder '{label}'"
        if folder.merged:
            names = sorted(posixpath.relpath(m, label) for m in folder.merged)
            subs = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
            where += f" (with its small subfolders {subs})"
        message = (
            f"{len(held)} of the {records} records in {where} record no {what}"
            f" ({share:.0%}), which suggests the folder's template has no place for"
            f" {what}; reported once for the folder instead of on each record"
        )
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
                "records": records,
                "share": round(share, 6),
                "decisions": ids,
                "files": sorted({f.file for f in held}),
                "subfolders": sorted(folder.merged),
            },
        )
