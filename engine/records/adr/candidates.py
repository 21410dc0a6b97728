"""Candidates written as blocks outside any options section.

Read only when a record has no options from an options section, and always uncertain (the
reader lists ``options`` under ``x_uncertain``, so no finding above low rests on them):

* a list introduced by a lead-in line that speaks of weighing candidates, in any section
  but the consequences ("We have considered using:", "Some options which were considered:",
  "There are several leading cloud providers who ...:"). The words are data
  (``rules/lexicon/terms.yaml``: ``candidate_nouns``, ``weighing_verbs``, ``not_candidates``);
  a line about requirements, steps or risks never introduces candidates. Lists in two or
  more sections make one option group per section;
* a discussion section ("Design discussion", "Possibilities", "Solution space") whose
  subsections each list candidates (a group per need), or which lists them itself;
* a run of two or more paragraphs, list items or headings sharing one label word of
  ``candidate_labels`` with distinct numbers or letters ("Spike 1: Using Ruby",
  "Spike 2: Using .Net").

Every item of a list must read as a name (a short title before a dash, a colon or the end
of its first sentence): a list with one item that reads as prose is not a list of
candidates. What an item says after its name is the option's description (and a con when
it argues against it).
"""

from __future__ import annotations

import re
from functools import cache

from ...packdata import lexicon
from ..document import Block, Document, ListBlock, ListItem, Paragraph, Section
from .argued import is_pointer
from .choice import named_in, referenced
from .content import Opt, clean_title, fill, fill_item, split_title
from .labelled import numbered_run
from .leadin import lead_in
from .paragraphs import course_of
from .points import polarity
from .prose import _NUMBERS, sentences
from .sections import (
    is_consequences,
    is_decision,
    is_options,
    is_pros_cons,
    is_role,
    pc_kind,
)

MAX_NAME_WORDS = 12  # a longer item is a sentence of prose, not a candidate's name
MAX_SENTENCE_NAME_WORDS = 24  # ... unless a lead-in labels the items the options:
_OPTIONS_LABEL = re.compile(r"^(?i:the\s+)?(?i:options|alternatives)(?:\s+\w+ed)?\s*:?$")
MAX_DISCUSSED_NAME_WORDS = 8  # in a discussion section, where bullets are often remarks
MAX_ITEMS = 10
WHOLE_WORDS = 16  # a whole sentence taken as a candidate's name, this long at most
# -- one item, as a candidate's name --------------------------------------------------------
_SUBJECT = re.compile(
    r"^(?P<x>[^,;:()]{1,60}?)\s+(?:is|was|are|were|does|did|has|may|might|could|would|can|will|"
    r"seems|provides|offers|requires|needs|gives)\b"
)
# A bullet that starts like this is a clause of prose ("to reduce our overhead"), not a name.
_NOT_A_NAME = re.compile(
    r"^(?:to|and|or|but|because|so|if|when|since|as|we|i|it|this|that|there|they)\b", re.I
)
_RELATIVE = re.compile(r"\s+(?:which|that|who|where|whereby)\s.*$")


def name_of(text: str, label: str | None = None, rest: str = "", source: str = "", *,
            max_words: int = MAX_NAME_WORDS,
            whole: bool = False) -> tuple[str, str] | None:  # fmt: skip
    """(name, what follows it) for one written candidate, or None when it reads as prose.
    ``whole``: a sentence that says what is done is the name, its subject and all (items
    that share a subject: "The project name is part of the URL", "The project name is an
    attribute of the message")."""
    title, after = split_title(text, label, rest, source)
    if after is None:
        first = (sentences(text) or [text])[0]
        after = text[len(first) :].strip() if text.startswith(first) else ""
        title = first
    title = clean_title(title)[0]
    if whole:
        title = _RELATIVE.sub("", re.sub(r"\s*\([^()]*\)", "", title)).strip(" ,;:")
        return (title, after.strip(" -–—:")) if 0 < len(title.split()) <= WHOLE_WORDS else None
    if len(title.split()) > max_words // 2:
        said, title = title, _short(title)
        if said.startswith(title):  # "MLAP was designed for this": what it says of MLAP
            after = " ".join(x for x in (said[len(title) :].strip(" ,;"), after) if x)
    if not title or len(title.split()) > max_words or not re.search(r"\w", title):
        return None
    if _NOT_A_NAME.match(title):
        return None
    return title, (after or "").strip(" -–—:")


def _short(title: str) -> str:
    """A long first sentence cut to the candidate it names: the subject before its verb
    ("MLAP was designed for this, but ..."), else the words before a relative clause, a
    parenthetical remark or a comma."""
    m = _SUBJECT.match(title)
    if m and not re.search(r"\b(?:which|that|who)\b", m.group("x")):
        return m.group("x").strip()
    title = re.sub(r"\s*\([^()]*\)", "", title)
    title = _RELATIVE.sub("", title)
    return re.split(r"[,;]\s", title, maxsplit=1)[0].strip(" ,;:")


def _from_item(item: ListItem, max_words: int = MAX_NAME_WORDS, whole: bool = False) -> Opt | None:
    label = item.label if item.label and item.source.lstrip("*-+ 0123456789.)").startswith(
        ("**", "__")
    ) else None  # fmt: skip
    named = name_of(item.text, label, item.rest, item.source, max_words=max_words, whole=whole)
    if named is None:
        return None
    title, rest = named
    marked = clean_title(item.text)[2]
    opt = Opt(title, item.line, None, [item.text], uncertain=True)
    opt.aside, opt.marked = True, marked
    opt.marked_line = item.line if marked else 0
    if rest:
        opt.describe(rest, item.line)
        if polarity(rest) == "cons":
            opt.add("cons", item.line, rest)
    for more in item.more:
        if isinstance(more, Paragraph):
            fill(opt, (more,))
    for child in item.children:
        fill_item(opt, child, None, False)
    return opt


def _from_list(
    lst: ListBlock, max_words: int = MAX_NAME_WORDS, *, counted: bool = False
) -> list[Opt]:
    """The candidates of a list: every item a name, or none of them. Items that are
    sentences about one subject ("The settings are kept in X", "The settings are ...") name
    none, unless the lead-in counts that many options (``counted``): then each whole
    sentence is one."""
    if not 1 <= len(lst.items) <= MAX_ITEMS:
        return []
    for whole in (False, True):
        out = []
        for item in lst.items:
            opt = _from_item(item, max_words, whole)
            if opt is None:
                return []
            out.append(opt)
        names = [" ".join(o.title.lower().split()) for o in out]
        if len(set(names)) == len(names):
            return out
        if not counted:
            return []
    return []


# -- 1. lists after a lead-in line ------------------------------------------------------------
def _places(doc: Document) -> list[Section]:
    """The sections whose lists may hold candidates: all but the consequences, the options
    and pros-and-cons sections and the links and references (and what is inside them)."""
    barred = {
        id(s)
        for sec in doc.sections()
        if is_consequences(sec.key)
        or is_options(sec.key)
        or is_pros_cons(sec.key)
        or is_pointer(sec.key)  # "## References": other documents, not candidates
        for s in sec.walk()
    }
    return [s for s in [doc.root, *doc.sections()] if id(s) not in barred]


def introduced(doc: Document) -> list[Opt]:
    """Lists introduced by a lead-in line (a group per section when in two or more)."""
    found: list[tuple[Section, list[Opt]]] = []
    deciding = {id(s) for d in doc.find(lambda s: is_decision(s.key)) for s in d.walk()}
    for sec in _places(doc):
        blocks = list(sec.blocks)
        for n, block in enumerate(blocks[:-1]):
            after = blocks[n + 1]
            lead = _lead_text(block)
            if lead is None or not isinstance(after, ListBlock):
                continue
            parts = sentences(lead) or [""]
            said = parts[-1]
            if len(parts) > 1 and _BARE_INTRO.match(said):  # "A number of alternatives were
                said = f"{parts[-2]} {said}"  # considered. These include:": both say it
            # a decision's "achieved in three ways:" lists the parts it adopts
            if lead_in(said, counting=id(sec) not in deciding):
                lst = numbered_run(blocks, n + 1) or after
                counted = _counts(said, len(lst.items))
                named = _OPTIONS_LABEL.match(said.strip())  # "Options discussed:"
                most = MAX_SENTENCE_NAME_WORDS if named else MAX_NAME_WORDS
                opts = _from_list(lst, most, counted=counted) or _courses(said, lst)
                for opt in opts if counted else ():
                    opt.aside = False  # "There are 2 possible options:": the decision takes one
                _chosen_after(blocks[n + 2 :], opts)  # "Hence, we choose the third option"
                if opts:
                    found.append((sec, opts))
    sections = {id(sec) for sec, _ in found}
    out: list[Opt] = []
    for sec, opts in found:
        if len(sections) >= 2 and sec is not doc.root and sec is not doc.title_section:
            opts.extend(_chosen_in(sec, opts))
            _group(opts, sec.title, sec.line)
        out.extend(opts)
    return out if len(out) >= 2 else []


def _chosen_after(after: list[Block], opts: list[Opt]) -> None:
    """The paragraph after a list of candidates that takes one of them by its number or
    place ("Hence, we choose the third option"): that one is marked."""
    for block in after[:MAX_AFTER]:
        if not isinstance(block, Paragraph):
            continue
        hits = set(referenced(block.text, opts))
        if len(hits) == 1:
            (i,) = hits
            opts[i].marked, opts[i].marked_line = True, block.line
            return


MAX_AFTER = 2  # paragraphs after the list that may take one of its candidates


def _lead_text(block: Block) -> str | None:
    """What may introduce the list after ``block``: a paragraph, or the last item of a list
    that ends on a colon ("- We have three choices for the framework:" over "1. ...")."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, ListBlock) and block.items and not block.items[-1].children:
        last = block.items[-1].text.rstrip()
        return last if last.endswith(":") else None
    return None


# "We considered the following alternatives:", over items that each argue one in sentences
_NAMES_ALTERNATIVES = re.compile(r"\b(?:alternatives|other\s+(?:options|approaches))\b", re.I)


def _courses(said: str, lst: ListBlock) -> list[Opt]:
    """Items that each put an alternative forward in a sentence ("We could have just
    waited for X. However, ..."), under a lead-in that names them alternatives; all or none."""
    if not _NAMES_ALTERNATIVES.search(said) or not 2 <= len(lst.items) <= MAX_ITEMS:
        return []
    found = [course_of(item.text, item.line) for item in lst.items]
    return [o for o in found if o is not None] if all(found) else []


# A lead-in that says only that a list follows; the sentence before it says what is listed
_BARE_INTRO = re.compile(
    r"^(?:(?:these|they|those|some|others)\s+(?:include|included|are|were|being)|namely|"
    r"as\s+follows|among\s+them|they\s+are\s+as\s+follows)\s*:\s*$",
    re.IGNORECASE,
)


def _counts(said: str, items: int) -> bool:
    """The lead-in counts exactly ``items`` options ("There are 2 possible options to ...:")."""
    for word in re.findall(r"\b(\d|two|three|four|five|six)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:options|alternatives|approaches|ways|choices|solutions)\b",
                           said.lower()):  # fmt: skip
        if (int(word) if word.isdigit() else _NUMBERS[word]) == items:
            return True
    return False


_CHOSEN_LABEL = re.compile(r"^(?:chosen|selected|decision|decided|choice|outcome)$", re.I)


def _chosen_in(sec: Section, opts: list[Opt]) -> list[Opt]:
    """A part of a record that states its own choice (``**Chosen:** Managed node groups``)
    beside its list of candidates: the candidate it names is marked; a choice that names
    none of them is one more candidate of the part, marked (returned)."""
    for block in sec.blocks:
        label = (block.label or "").strip(" :") if isinstance(block, Paragraph) else ""
        if not _CHOSEN_LABEL.match(label) or not isinstance(block, Paragraph):
            continue
        said = block.rest.strip(" :-–—")
        hits = named_in(said, opts) if said else []
        if len(hits) > 1:  # "Managed nodes, with serverless nodes later": the one it starts with
            hits = [i for i in hits if said.lower().startswith(opts[i].title.lower())]
        if len(hits) == 1:
            opts[hits[0]].marked, opts[hits[0]].marked_line = True, block.line
            _why_chosen(sec, block, opts)
            return []
        name = clean_title(re.split(r",\s|\s[-–—]\s|\.\s|\s\(", said)[0])[0] if said else ""
        if hits or not name or len(name.split()) > MAX_NAME_WORDS:
            return []
        chosen = Opt(name, block.line, None, [block.text], uncertain=True)
        chosen.aside, chosen.marked, chosen.marked_line = True, True, block.line
        chosen.describe(said, block.line)
        _why_chosen(sec, block, opts)
        return [chosen]
    return []


MIN_REASON_WORDS = 6


def _why_chosen(sec: Section, chosen: Paragraph, opts: list[Opt]) -> None:
    """The part's own prose (not its lead-in lines nor its labelled lines) is why its choice
    won: the reason against each other candidate that gives none of its own."""
    said = [
        b
        for b in sec.blocks
        if isinstance(b, Paragraph)
        and b is not chosen
        and not b.label
        and not b.text.rstrip().endswith(":")
    ]
    text = " ".join(b.text for b in said)
    if len(text.split()) < MIN_REASON_WORDS:
        return
    for opt in opts:
        if not opt.marked and not opt.description and not opt.cons and not opt.reason:
            opt.reason, opt.reason_line = text, said[0].line


def _group(opts: list[Opt], name: str, line: int) -> None:
    name = clean_title(name)[0]
    for opt in opts:
        opt.group, opt.group_line = name, line
        opt.aliases += [f"{name}, {opt.title}", f"{name} {opt.title}"]


# -- 2. discussion sections ------------------------------------------------------------------
_DISCUSSION = re.compile(
    r"^(?:(?:design|technical|architecture|architectural|solution|options?|alternatives?)\s+)?"
    r"discussion$|^(?:options?|alternatives?)\s+analysis$|^possibilities$|"
    r"^(?:solution|design)\s+space$|^(?:explored|considered|possible)\s+(?:solutions|"
    r"approaches|designs|possibilities)$|^(?:solutions|approaches|designs)\s+explored$"
)


def is_discussion(key: str) -> bool:
    return bool(_DISCUSSION.match(key))


def discussed(doc: Document) -> list[Opt]:
    """A discussion section's candidates: a group per subsection that lists them, else the
    list of the section itself."""
    for sec in doc.find(lambda s: is_discussion(s.key)):
        out: list[Opt] = _headed(sec) if _HEADS_NAMED.match(sec.key) else []
        for sub in sec.children if not out else ():
            opts = _listed(sub)
            if len(opts) >= 2:
                _group(opts, sub.title.rstrip("*_ "), sub.line)
                out.extend(opts)
        if not out:
            out = _listed(sec)
        if len(out) >= 2:
            return out
    return []


# Discussion sections whose subsections are the candidates themselves ("## Possibilities",
# "### Polling", "### Webhooks"); under "Design discussion" they are the needs discussed.
_HEADS_NAMED = re.compile(r"^possibilities$|^(?:solution|design)\s+space$")


def _headed(sec: Section) -> list[Opt]:
    """Each subsection a candidate, its content the candidate's points; none when one of
    them names a part of a record ("Decision", "Pros and cons") or reads as prose."""
    heads = list(sec.children)
    if len(heads) < 2 or any(is_role(h.key) or pc_kind(h.key) for h in heads):
        return []
    out = []
    for head in heads:
        named = name_of(head.title, max_words=MAX_DISCUSSED_NAME_WORDS)
        if named is None:
            return []
        opt = Opt(named[0], head.line, None, [head.title], uncertain=True)
        opt.aside = True
        fill(opt, head.blocks, head.children, points=True)
        out.append(opt)
    return out


def _listed(sec: Section) -> list[Opt]:
    """The candidates of a discussion's (sub)section: its first list, when nothing before it
    announces something else ("This is attractive because:")."""
    blocks = list(sec.blocks)
    first = next((n for n, b in enumerate(blocks) if isinstance(b, ListBlock)), None)
    if first is None:
        return []
    before = blocks[first - 1] if first else None
    said = before.text.rstrip() if isinstance(before, Paragraph) else ""
    if said.endswith(":") and not lead_in((sentences(said) or [""])[-1]):
        return []
    lst = blocks[first]
    assert isinstance(lst, ListBlock)
    found = _from_list(lst, MAX_DISCUSSED_NAME_WORDS)
    # each item a name and what is said of it ("Loki - seems a good fit", "MLAP was designed
    # for this"); a bare phrase ("Simple for partners") is a point about something else
    if any(not o.description or polarity(o.title) for o in found):
        return []
    return found


# -- 3. labelled runs ------------------------------------------------------------------------
@cache
def _label() -> re.Pattern[str]:
    words = lexicon().term_patterns["candidate_labels"].pattern
    return re.compile(
        r"^\W{0,3}(?P<word>" + words + r")\s*#?\s*(?P<n>\d{1,2}|[a-z])\b\W{0,3}"
        r"\s*(?:[:.)]|\s[-–—]|[-–—])\s*(?P<title>\S.*)$",
        re.IGNORECASE,
    )


def labelled(doc: Document) -> list[Opt]:
    """A run of two or more labelled candidates sharing one label word with distinct
    numbers or letters, written as paragraphs, list items or headings."""
    found: Found = []
    for sec in _places(doc):
        if sec is not doc.root and (m := _label().match(sec.title.strip())):
            opt = _labelled_opt(m, sec.line, sec.title)
            if opt is not None:
                fill(opt, sec.blocks, sec.children, points=True)
                found.append((m.group("word").lower(), m.group("n").lower(), opt))
        current: Opt | None = None
        for block in sec.blocks:
            current = _labelled_block(block, current, found)
    by_word: dict[str, list[tuple[str, Opt]]] = {}
    for word, n, opt in found:
        by_word.setdefault(word, []).append((n, opt))
    for run in by_word.values():
        numbers = [n for n, _ in run]
        if len(run) >= 2 and len(set(numbers)) == len(numbers):
            return [opt for _, opt in run]
    return []


Found = list[tuple[str, str, Opt]]  # (label word, number or letter, the candidate)


def _labelled_block(block: Block, current: Opt | None, found: Found) -> Opt | None:
    """One block of a section: a labelled paragraph or item starts a candidate, what follows
    a labelled paragraph describes it. Returns the candidate being read."""
    if isinstance(block, Paragraph):
        first = block.lines[0] if block.lines else block.text
        if m := _label().match(first.strip()):
            opt = _labelled_opt(m, block.line, block.text)
            if opt is not None:
                rest = " ".join(block.lines[1:]) if len(block.lines) > 1 else ""
                if rest.strip():
                    opt.describe(rest, block.line + 1)
                found.append((m.group("word").lower(), m.group("n").lower(), opt))
                return opt
        if current is not None:
            fill(current, (block,))
        return current
    if isinstance(block, ListBlock):
        for item in block.items:
            if m := _label().match(item.text.strip()):
                opt = _labelled_opt(m, item.line, item.text)
                if opt is not None:
                    found.append((m.group("word").lower(), m.group("n").lower(), opt))
        if current is not None:
            fill(current, (block,))
    return current


_USING = re.compile(r"^(?:using|use|with)\s+", re.IGNORECASE)


def _labelled_opt(m: re.Match[str], line: int, text: str) -> Opt | None:
    named = name_of(m.group("title"))
    if named is None:
        return None
    title, rest = named
    opt = Opt(title, line, m.group("n").lower(), [text], uncertain=True)
    opt.aside = True
    word = m.group("word")
    opt.aliases += [f"{word} {m.group('n')}", f"{word} {m.group('n')}: {title}"]
    if bare := _USING.sub("", title):  # "Spike 2: Using Go" is named as "Go"
        opt.aliases.append(bare)
    if rest:
        opt.describe(rest, line)
    return opt


def block_candidates(doc: Document) -> list[Opt]:
    """The candidates a record writes as blocks outside any options section, by the first
    layout that gives two or more: labelled runs, discussion sections, introduced lists."""
    for reader in (labelled, discussed, introduced):
        found = _distinct(reader(doc))
        if len(found) >= 2:
            return found
    return []


def _distinct(opts: list[Opt]) -> list[Opt]:
    seen: set[tuple[str | None, str]] = set()
    out = []
    for opt in opts:
        key = (opt.group, " ".join(opt.title.lower().split()))
        if key not in seen:
            seen.add(key)
            out.append(opt)
    return out
