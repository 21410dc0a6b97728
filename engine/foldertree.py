"""Folder trees for convention findings: ancestors and merging a folder finding into the
finding of a folder above it (see engine/conventions.py)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable


def inside(path: str, root: str) -> bool:
    """``path`` is the folder ``root`` or a folder under it."""
    stem = root.rstrip("/")
    return path == (stem or "/") or path.startswith(stem + "/")


def ancestors(label: str) -> list[str]:
    """The labels above ``label`` ("a/b/c": "a/b", "a")."""
    out = []
    while "/" in label:
        label = posixpath.dirname(label)
        out.append(label)
    return out


def ancestor_path(path: str, label: str, ancestor: str) -> str:
    """The file-system path of folder ``ancestor``, from that of its descendant ``label``."""
    depth = label.count("/") - ancestor.count("/")
    for _ in range(depth):
        path = posixpath.dirname(path)
    return path


def merge_into_ancestors(
    targets: dict[tuple[str, str], list[str]],
    rooted: Callable[[str], bool],
    tree_qualifies: Callable[[str, str], bool],
) -> None:
    """A folder finding under a folder that has one of its own for the same rule joins it,
    when the tree as a whole qualifies: one finding for the tree, not one per level (inside
    a checked folder only)."""
    for rule_id, label in sorted(targets, key=lambda k: -k[1].count("/")):
        if not rooted(label):
            continue
        at = label
        while True:
            parent = posixpath.dirname(at)
            if not parent or parent == at:
                break
            at = parent
            if (rule_id, at) in targets:
                if tree_qualifies(rule_id, at):
                    targets[(rule_id, at)].extend(targets.pop((rule_id, label)))
                break
