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

import pickle
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from .collection import Member, _exists, _norm, title_key
from .doclinks import WEB_URL
from .filenumbers import decision_number, name_slug
from .runstate import MemberRow, MemberStore
from .supersededby import REF_WORD

_NUMBER_REF = re.compile(rf"(?:{REF_WORD}[-_ #]*|#)0*(\d{{1,6}})\b", re.I)


# "Superseded by 028-react-context-api.md": a replacement named by its file name
_FILE_NAME = re.compile(r"^[\w.-]+\.(?:md|markdown|mdx)$", re.IGNORECASE)


def member_row(member: Member, digest: str | None = None) -> MemberRow:
    """``member`` ready for the run's member store, with the names and keys a reference may
    name it by and ``digest`` (its record's content hash in the log, None when the run is
    not logged): worked out where the record is evaluated (a worker, with ``--jobs``), so
    the main process only stores it."""
    base = posixpath.basename(member.file)
    names = {base.lower(), posixpath.splitext(base)[0].lower()}
    keys = {_norm(member.did), _norm(member.did.rsplit("/", 1)[-1]), _norm(member.title)}
    return (
        member.folder,
        member.file,
        member.did,
        member.number,
        member.id_number,
        tuple(sorted(names)),
        tuple(sorted(keys)),
        pickle.dumps(member, pickle.HIGHEST_PROTOCOL),
        digest,
        "" if member.template else title_key(member.title),
    )


class CollectionAccumulator:
    """The members of a run, by folder; ``facts()`` gives the member and link facts."""

    def __init__(self) -> None:
        self._store = MemberStore()

    def add(self, member: Member, digest: str | None = None) -> None:
        self._store.add_row(member_row(member, digest))

    def add_row(self, row: MemberRow) -> None:
        """A member encoded by :func:`member_row` (where its record was evaluated)."""
        self._store.add_row(row)

    def __len__(self) -> int:
        return self._store.count

    def close(self) -> None:
        self._store.close()

    def members(self) -> Iterable[Member]:
        for member, _, _ in self._each():
            yield member

    def _each(self) -> Iterator[tuple[Member, _Folder, str | None]]:
        for folder in self._store.folders():
            where = _Folder(self._store, folder)
            for seq, number, member, digest in self._store.rows(folder):
                if member.number != number:
                    member = replace(member, number=number)
                where.seq = seq
                yield member, where, digest

    def facts(self) -> Iterable[tuple[Member, list[dict[str, Any]]]]:
        """Per record (in folder order): its member fact and its link facts."""
        for m, where, _ in self._each():
            yield m, [_member_fact(m, where), *_link_facts(m, where)]

    def facts_digests(self) -> Iterable[tuple[Member, list[dict[str, Any]], str | None]]:
        """:meth:`facts`, each with its record's content hash (None when not logged)."""
        for m, where, digest in self._each():
            yield m, [_member_fact(m, where), *_link_facts(m, where)], digest


class _Folder:
    """The records of one folder, found by file name, id, number or title."""

    def __init__(self, store: MemberStore, folder: str) -> None:
        self.store = store
        self.folder = folder
        self.seq = 0  # the record being read
        self.count = store.size(folder)
        self._repeats: tuple[int, list[int], int] | None = None

    def repeats(self) -> tuple[int, list[int], int]:
        """The numbers more than one record of the folder carries: how many, the first
        ten, and the ``seq`` of the first record carrying one (read once per folder)."""
        if self._repeats is None:
            self._repeats = self.store.repeated_numbers(self.folder)
        return self._repeats

    def same_number(self, number: int) -> tuple[int, list[tuple[str, str]], bool]:
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

    def copied_from(self, m: Member) -> tuple[int, Member | None, int]:
        """The earlier records of the folder whose title ``m`` repeats, the first of them,
        and how many records carry that title, ``m`` included (counted up to 21): records of
        other files (or, in one file of several records, of other ids) whose names differ
        beyond their numbers (two files named alike re-decide one topic on purpose), neither
        saying it supersedes or amends the other. A record named alike an earlier one of the
        same title belongs to that series, and repeats no one's title."""
        key = "" if m.template else title_key(m.title)
        if not key:
            return 0, None, 1
        others = self.store.titled(self.folder, key, self.seq)
        before = [e for n, number, e in others if _before((n, number), (self.seq, m.number))]
        if any(_same_name(e, m) for e in before):
            return 0, None, 1 + len(others)  # a later record of a series named alike
            # ("088-roadmap-updates" after "086-roadmap-updates"): the series' first's call
        earlier = [e for e in before if not self._related(e, m)]
        return len(earlier), earlier[0] if earlier else None, 1 + len(others)

    def _related(self, a: Member, b: Member) -> bool:
        """``a`` or ``b`` says the other superseded, replaced or amended it."""
        for one, other in ((a, b), (b, a)):
            named = one.superseded_target or one.superseded_by
            if named and self.find(named) == other.did:
                return True
            if any(self.find(ref) == other.did for ref in one.supersedes):
                return True
        return False


def _named(m: Member) -> str:
    """``'ADR-0009' (0009-x.md)``, or the file name alone when it is the id."""
    base = posixpath.basename(m.file)
    if not base or base == "-":
        return f"'{m.did}'"
    if posixpath.splitext(base)[0] == m.did.rsplit("/", 1)[-1]:
        return base
    return f"'{m.did}' ({base})"


def _before(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    """Whether record ``a`` (walk position, decision number) came before ``b``: by their
    numbers when both have one (908 before 1443, whatever order the names sort in), else
    by the order of the folder walk."""
    (seq_a, one), (seq_b, other) = a, b
    if one is not None and other is not None and one != other:
        return one < other
    return seq_a < seq_b


_PAGE_NAMES = frozenset({"readme.md", "index.md", "readme.markdown", "index.markdown"})


def _same_name(a: Member, b: Member) -> bool:
    if (
        posixpath.dirname(a.file) == posixpath.dirname(b.file)
        and {
            posixpath.basename(a.file).lower(),
            posixpath.basename(b.file).lower(),
        }
        <= _PAGE_NAMES
    ):
        return True  # a folder's README.md and index.md: one page, as docs sites serve it
    if a.file == b.file:
        slugs = name_slug(a.did.rsplit("/", 1)[-1]), name_slug(b.did.rsplit("/", 1)[-1])
        return a.did == b.did or (bool(slugs[0]) and slugs[0] == slugs[1])
    slugs = name_slug(a.file), name_slug(b.file)
    if bool(slugs[0]) and slugs[0] == slugs[1]:
        return True
    # "asts-volume-resize-zh.md" beside "asts-volume-resize.md": one proposal, translated
    bare = [_LANGUAGE.sub("", slug) for slug in slugs]
    return bare[0] == bare[1] != "" and bare != list(slugs)


# a language code ending a file name: its translation of a document named without it
_LANGUAGE = re.compile(
    r" (?:zh(?: (?:cn|tw|hans|hant))?|cn|en|ja|jp|ko|kr|fr|de|es|pt(?: br)?|ru|it|nl|nb|nn|no"
    r"|sv|da|fi|pl|tr|uk|vi|id)$"
)


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
        # "0000-my-proposal.md": the number RFC processes leave until a proposal is accepted
        count, same, is_first = where.same_number(m.number) if m.number else (0, [], True)
        fact["number_duplicate_count"] = count
        fact["number_first"] = is_first
        if same:
            fact["number_duplicates"] = ", ".join(
                f"'{did}' ({posixpath.basename(file) or did})" for did, file in same
            )
        repeated, numbers, first_seq = where.repeats()
        fact["folder_repeated_numbers"] = repeated
        fact["repeats_first"] = bool(repeated) and first_seq == where.seq
        fact["repeats_note"] = _repeats_note(repeated, numbers)
    if m.heading_number is not None and m.number is not None and not m.template:
        fact["heading_number"] = m.heading_number
        fact["number_mismatch"] = m.heading_number != m.number
        by_name = decision_number(posixpath.basename(m.file), "") == m.number
        fact["number_source"] = "file name" if by_name else "id"
    copies, first, sharers = where.copied_from(m)
    fact["title_copy_count"] = copies
    fact["title_share_count"] = sharers if copies else 1
    if first is not None:
        fact["title_copied_from"] = _named(first)
    if m.superseded_by is not None:
        fact["superseded_by"] = m.superseded_by[:200]
        fact["superseded_line"] = m.superseded_line
        target = m.superseded_target
        found = where.find(target or m.superseded_by)
        named = target or (m.superseded_by if _FILE_NAME.match(m.superseded_by) else None)
        found_file = found is None and named is not None and _exists(m.file, named, above=True)
        page = posixpath.basename((target or "").split("#")[0].split("?")[0])
        on_web = bool(target and WEB_URL.match(target) and not _FILE_NAME.match(page))  # a PR
        fact["replacement_found"] = found is not None or found_file or on_web
        if found is not None:
            fact["replacement_id"] = found
    return fact


def _repeats_note(repeated: int, numbers: list[int]) -> str:
    """``; 14 numbers of the folder are each carried by more than one record (12, 13, ...)``
    when the folder repeats more than one, else empty (for messages)."""
    if repeated < 2:
        return ""
    shown = ", ".join(str(n) for n in numbers) + (", ..." if repeated > len(numbers) else "")
    return f"; {repeated} numbers of the folder are each carried by more than one record ({shown})"


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
