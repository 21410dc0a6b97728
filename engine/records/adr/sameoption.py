"""Whether an option met again in a later section of a record is one already read: the
same title, the same code label (``A1``), or, for an option listed bare and argued later,
the same proper name at the head of both titles ("Celery/RQ", "### Celery with Redis")."""

from __future__ import annotations

import re

from .content import Opt


def same(one: Opt, other: Opt) -> bool:
    """Whether an option met again in a later section is one already read: the same title,
    or the same code label (``A1``) given by :func:`coded`."""
    if key(one.title) == key(other.title):
        return True
    coded = any(a.lower() == o.label for o in (one, other) for a in o.aliases)
    return coded and one.label is not None and one.label == other.label


def labelled_again(earlier: list[Opt], opt: Opt) -> Opt | None:
    """The earlier option a part of rejected ones names by its number ("Why not other
    options?" / "**Option 2** (Core Nodes): Limited capacity") or, else, by the one name its
    title starts with; given that text as its reason when it is not the chosen one. None
    when no earlier option is so named."""
    same = next((o for o in earlier if opt.label and o.label == opt.label), None)
    if same is None:  # "- **ConfigMap Routing**: Not self-service" for "ConfigMap-Based ..."
        hits = [o for o in earlier if _head(o.title) and _head(o.title) == _head(opt.title)]
        same = hits[0] if len(hits) == 1 else None
    if same is not None and not same.marked:
        same.reason = same.reason or opt.reason or opt.title
    return same


_NAME_WORD = re.compile(r"^[A-Z][\w.+#-]{3,}")


def _head(title: str) -> str:
    """The proper name a title starts with ("configmap" of "ConfigMap-Based Mapping"), not a
    word of the options' own form; empty without one."""
    m = _NAME_WORD.match(title.strip())
    word = re.split(r"[-\s/,(]", m.group(0).lower(), maxsplit=1)[0].rstrip(".") if m else ""
    return "" if len(word) < 4 or word in _FORM_WORDS else word


def same_name(earlier: list[Opt], opt: Opt) -> Opt | None:
    """The one earlier option, listed without points, whose title starts with the same
    proper name as ``opt``'s ("Celery/RQ" and "Celery with Redis"); None when several do,
    or when the name is a word of the options' own form ("Option", "Use")."""
    m = _NAME_WORD.match(opt.title.strip())
    word = m.group(0).lower().rstrip(".") if m else ""
    if not word or word in _FORM_WORDS:
        return None
    hits = [
        o
        for o in earlier
        if re.split(r"[\s/,(]", o.title.strip().lower(), maxsplit=1)[0].rstrip(".") == word
    ]
    if len(hits) != 1 or hits[0].pros or hits[0].cons:
        return None
    return hits[0]


_FORM_WORDS = frozenset(
    {"option", "alternative", "approach", "solution", "using", "keep", "move", "build", "adopt",
     "introduce", "create", "implement", "continue", "replace", "switch", "migrate", "allow"}
)  # fmt: skip


def key(title: str) -> str:
    return " ".join(title.lower().split()).rstrip(".")
