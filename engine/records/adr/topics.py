"""Records with several sub-decisions, and options told apart.

Two or more options sections each with options of its own (``Considered options for X``,
``Considered options for Y``, ``Considered X options``) are one sub-decision each: a group
per section, named by its topic. A section named only as options ("Alternatives
considered") is no topic: its options stay with the others.


``## Considered Options`` may hold one subsection per topic rather than per option: a topic
with its own option subsections (``### Client or server`` > ``#### On the client``,
``#### On the server``), a topic that announces its alternatives in a list ("There are two
main approaches:") or asks a question over a list of answers (``### How to store
sessions``, ``### Which queue?``), and topics that only discuss something (deferred
features, notes). When at least one topic announces its alternatives and two or more topics hold
alternatives, each such topic is a group of its options; a topic that holds no
alternatives and argues nothing is not an option.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from ..document import Document, ListBlock, ListItem, Paragraph, Section
from .choice import CHOSEN_LINE, norm
from .content import Opt, prefixed
from .leadin import lead_in
from .prose import sentences
from .sections import is_rejected, pc_kind


def announced(sec: Section) -> ListBlock | None:
    """The list a section's own paragraph announces as its alternatives."""
    blocks = list(sec.blocks)
    for block, after in pairwise(blocks):
        if not isinstance(block, Paragraph) or not isinstance(after, ListBlock):
            continue
        said = (sentences(block.text) or [""])[-1]
        if len(after.items) >= 2 and lead_in(said):
            return after
    return None


# A topic asked as a question: "How to manage variant APIs", "Which queue?", "Where should
# sessions live?"
_QUESTION = re.compile(
    r"^(?:how|which|what|where|when|whether|who|should|do\s+we|can\s+we)\b|\?\s*$",
    re.IGNORECASE,
)


def asked(sec: Section) -> ListBlock | None:
    """A topic heading that asks a question over one list of two or more answers, and
    nothing else but prose: the list holds that question's alternatives."""
    if sec.children or not _QUESTION.search(sec.title.strip()):
        return None
    lists = [b for b in sec.blocks if isinstance(b, ListBlock)]
    if len(lists) != 1 or len(lists[0].items) < 2:
        return None
    return lists[0]


def from_topics(
    heads: list[Section],
    read_heading: Callable[[Section], list[Opt]],
    argued: Callable[[Section], bool],
) -> list[Opt] | None:
    """The options of topic subsections, a group per topic; None when the subsections are
    not topics (then each is an option as usual)."""
    from .options import from_items  # the options module reads topics through this one

    read: list[tuple[Section, str, list[Opt]]] = []
    for head in heads:
        opts = read_heading(head)
        if len(opts) >= 2 and all(o.group for o in opts):
            read.append((head, "group", opts))
        elif not head.children and (lst := announced(head) or asked(head)) is not None:
            found = from_items(lst.items)
            for opt in found:
                opt.group = opt.group or head.title
                opt.group_line = opt.group_line or head.line
                opt.aliases += [f"{head.title}, {opt.title}", f"{head.title} {opt.title}"]
            read.append((head, "announced", found))
        else:
            read.append((head, "plain", opts))
    kinds = [kind for _, kind, opts in read if kind != "plain" and len(opts) >= 2]
    if "announced" not in kinds or len(kinds) < 2:
        return None
    out: list[Opt] = []
    for head, kind, opts in read:
        if kind != "plain" or argued(head):
            out.extend(opts)
    return out


# "Considered options for provider discovery" -> "provider discovery"
_FOR_TOPIC = re.compile(
    r"^(?:(?:the\s+)?(?:considered|possible|available|candidate)\s+)?(?:options|alternatives|"
    r"approaches|choices|solutions)\s+(?:for|regarding|on|about|of|to)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)


_TOPIC_OPTIONS = re.compile(
    r"^(?:(?:considered|possible|available|candidate)\s+)?(?P<x>\S.*?)\s+(?:options|alternatives|"
    r"approaches|choices)(?:\s+considered)?$",
    re.IGNORECASE,
)


def _topic_name(title: str) -> str:
    """``Considered options for X`` and ``Considered X options`` -> ``X``."""
    name = _FOR_TOPIC.sub("", title.strip())
    m = _TOPIC_OPTIONS.match(name)
    return m.group("x") if m and not _GENERIC.match(m.group("x")) else name


# a name that says only "options" ("Other alternatives considered"): no topic of its own
_GENERIC = re.compile(
    r"^\W*(?:(?:the|other|more|further|some|possible|available|considered|rejected|discarded|"
    r"discussed|evaluated|candidate|alternative|main|our|we|looked|at|options?|alternatives?|"
    r"approaches|choices|solutions|candidates)\b\W*)+$",
    re.IGNORECASE,
)


def per_section(added: list[tuple[Section, list[Opt]]]) -> None:
    """Two or more options sections, each with options of its own (``Considered options
    for X``, ``Considered options for Y``): one sub-decision each, so a group each (an
    option group inside a section keeps its name after the section's)."""
    own = [(sec, opts) for sec, opts in added if opts and not is_rejected(sec.key)]
    if len(own) < 2 or any(len(opts) < 2 for _, opts in own):
        return
    names = [_topic_name(sec.title) for sec, _ in own]
    if len({n.lower() for n in names}) < len(names) or any(_GENERIC.match(n) for n in names):
        return  # "Implementation options" and "Alternatives considered": one decision
    for (sec, opts), name in zip(own, names, strict=True):
        for opt in opts:
            inner = opt.group
            opt.group = f"{name} > {inner}" if inner else name
            opt.group_line = sec.line if not inner else opt.group_line
            opt.aliases += [f"{name}, {opt.title}", f"{name} {opt.title}"]


def distinguished(opts: list[Opt]) -> list[Opt]:
    """Options whose titles collide once cut at a colon or dash ("Without name resolution:
    multicast", "Without name resolution: unicast") keep the words that tell them apart."""
    keys = [(o.group, _key(o.title)) for o in opts]
    for opt, key in zip(opts, keys, strict=True):
        if keys.count(key) > 1 and opt.description and opt.desc_line == opt.line:
            opt.aliases.append(opt.title)
            opt.title = f"{opt.title}: {opt.description}"
    return opts


def _key(title: str) -> str:
    return " ".join(title.lower().split()).rstrip(".")


# "Central registry with these sub-options": the parent's name without the announcement
_SUBS_SAID = re.compile(
    r"\s*,?\s+(?:with|in|having|using)\s+(?:these|the\s+following|two|three|several)\s+"
    r"(?:sub-?options|variants|flavou?rs|options|alternatives|variations)\s*$",
    re.IGNORECASE,
)


def group_name(title: str) -> str:
    """A group's name without its announcement ("X with these sub-options" -> "X")."""
    return _SUBS_SAID.sub("", title) or title


MIN_GROUP_ITEMS = 2
MIN_NAMED_CHARS = 4  # an item found inside a chosen-option line: a name, not a letter


def listed_groups(
    doc: Document, sec: Section, grouped: Callable[[ListBlock, str, int], list[Opt]]
) -> list[Opt] | None:
    """Subsections of an options part ``sec`` that each open on a list of two or more items
    and hold no subsections ("### Production Server" / "* Gunicorn" / "* Waitress", then
    "### Implementation" / "1. ..." / "2. ..."): one sub-decision each, its items the
    options (``grouped``), not the subsections, when the record names one of the items
    elsewhere, as a heading or in a "Chosen option:" line (so they are options, not an
    option's points: "### 1. RabbitMQ" / "- Mature broker"). None unless every subsection
    is so."""
    heads = sec.children
    if len(heads) < MIN_GROUP_ITEMS:
        return None
    out: list[Opt] = []
    for head in heads:
        first = head.blocks[0] if head.blocks else None
        if head.children or not isinstance(first, ListBlock):
            return None
        if len(first.items) < MIN_GROUP_ITEMS or any(_a_point(it) for it in first.items):
            return None  # "* Pros" / "* Cons" under one option, or nested points
        out.extend(grouped(first, head.title, head.line))
    inside = {id(s) for s in sec.walk()}
    named = {norm(s.title) for s in doc.sections() if id(s) not in inside}
    chosen = " ".join(
        norm(p.text) for s in doc.sections() for p in s.paragraphs() if CHOSEN_LINE.search(p.text)
    )
    said = [norm(o.title) for o in out]
    if not any(t in named or (len(t) >= MIN_NAMED_CHARS and t in chosen) for t in said):
        return None
    return out


def _a_point(item: ListItem) -> bool:
    """An item that is a point about one option, not an option: it has points under it, a
    bold label ("**利点**: ...") or a pros/cons word before a colon ("Pros: fast")."""
    head = item.text.split(":", 1)[0].strip().lower()
    return bool(item.children or item.label or pc_kind(head) or prefixed(item.text))
