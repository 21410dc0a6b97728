"""The members of a run's folders, on disk: what the folder rules read at the end of a run.

Each record's :class:`~decaudit.engine.collection.Member` is written to a private temporary
SQLite database as it streams by (engine/runstate.py), with the keys a reference may name
it by; at the end of the run :meth:`CollectionAccumulator.facts` reads them back folder by
folder and resolves references (a link target, a superseded-by text) and duplicate numbers
with indexed queries. Memory does not grow with the number of records: a folder of a
million records is read one record at a time.

A reference resolves as :class:`~decaudit.engine.collection` describes: by file name (with
or without its extension), else by id, the last part of a path-given id or the title
(compared loosely), else by number; the first record of the folder in input order wins.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from .collection import Member, _exists, _norm, decision_number
from .runstate import MemberStore

_NUMBER_REF = re.compile(r"(?:\b(?:adr|decision|record)[-_ #]*|#)0*(\d{1,6})\b", re.I)


class CollectionAccumulator:
    """The members of a run, by folder; ``facts()`` gives the member and link facts."""

    def __init__(self) -> None:
        self._store = MemberStore()

    def add(self, member: Member) -> None:
        base = posixpath.basename(member.file)
        self._store.add(
            member.folder,
            member.file,
            member.did,
            (member.number, member.id_number),
            (base.lower(), posixpath.splitext(base)[0].lower()),
            (_norm(member.did), _norm(member.did.rsplit("/", 1)[-1]), _norm(member.title)),
            member,
        )

    def __len__(self) -> int:
        return self._store.count

    def close(self) -> None:
        self._store.close()

    def members(self) -> Iterable[Member]:
        for member, _ in self._each():
            yield member

    def _each(self) -> Iterator[tuple[Member, _Folder]]:
        for folder in self._store.folders():
            where = _Folder(self._store, folder)
            for seq, number, member in self._store.rows(folder):
                if member.number != number:
                    member = replace(member, number=number)
                where.seq = seq
                yield member, where

    def facts(self) -> Iterable[tuple[Member, list[dict[str, Any]]]]:
        """Per record (in folder order): its member fact and its link facts."""
        for m, where in self._each():
            yield m, [_member_fact(m, where), *_link_facts(m, where)]


class _Folder:
    """The records of one folder, found by file name, id, number or title."""

    def __init__(self, store: MemberStore, folder: str) -> None:
        self.store = store
        self.folder = folder
        self.seq = 0  # the record being read
        self.count = store.size(folder)

    def same_number(self, number: int) -> tuple[int, list[tuple[str, str]]]:
        """How many other records of the folder have ``number``; the first ten (id, file)."""
        return self.store.same_number(self.folder, number, self.seq)

    def find(self, reference: str) -> str | None:
        """The id of the record ``reference`` names, else None."""
        ref = reference.strip()
        name = posixpath.basename(ref.split("#", 1)[0]).lower()
        found = self.store.named(self.folder, "name", name)
        if found is None:
            found = self.store.named(self.folder, "key", _norm(ref))
        if found is not None:
            return found
        number = decision_number(name, ref) if name else None
        if number is None:
            m = _NUMBER_REF.search(ref)
            number = int(m.group(1)) if m else None
        if number is not None:
            return self.store.numbered(self.folder, number, self.seq)
        return None


def _member_fact(m: Member, where: _Folder) -> dict[str, Any]:
    fact: dict[str, Any] = {
        "_t": "member",
        "did": m.did,
        "path": "$",
        # a superseded record is pointed at where it says so (its status line)
        "line": m.superseded_line if m.superseded_by or m.status == "superseded" else m.line,
        "folder": m.folder,
        "folder_record_count": where.count,
        "title": m.title,
        "superseded": m.replaced,
        "link_count": len(m.links),
    }
    if m.status is not None:
        fact["status"] = m.status
    if m.number is not None:
        fact["number"] = m.number
        count, same = where.same_number(m.number)
        fact["number_duplicate_count"] = count
        if same:
            fact["number_duplicates"] = ", ".join(
                f"'{did}' ({posixpath.basename(file) or did})" for did, file in same
            )
    if m.superseded_by is not None:
        fact["superseded_by"] = m.superseded_by[:200]
        fact["superseded_line"] = m.superseded_line
        target = m.superseded_target
        found = where.find(target or m.superseded_by)
        found_file = found is None and target is not None and _exists(m.file, target)
        fact["replacement_found"] = found is not None or found_file
        if found is not None:
            fact["replacement_id"] = found
    return fact


def _link_facts(m: Member, where: _Folder) -> list[dict[str, Any]]:
    out = []
    seen: set[str] = set()
    for i, link in enumerate(m.links):
        if link.target in seen:
            continue
        seen.add(link.target)
        found = where.find(link.target)
        out.append(
            {
                "_t": "link",
                "did": m.did,
                "path": f"$.links[{i}]",
                "line": link.line,
                "target": link.target[:300],
                "text": link.text[:200],
                "resolves": found is not None or _exists(m.file, link.target),
            }
        )
    return out
