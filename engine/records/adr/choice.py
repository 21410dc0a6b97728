"""Which option was chosen, and how that was recognised.

In order of certainty: a ``Chosen option: X`` line; a marker on the option itself
(``(chosen)``, ``_Chosen_``, ``✔``, a ticked task item); a reference in the decision, outcome
or proposal ("we go with option 1", "(#2)", "option B was selected"); and last, prose there
that names exactly one option (uncertain).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from ...choice import APPOSITION
from ...vocab import FUNCTION_WORDS
from .chosentitle import parse_chosen
from .content import Opt
from .names import trim
from .naming import by_distinct, near_restated, opposed, restated
from .ordinal import by_ordinal

MAX_FUZZY_OPTIONS = 200  # beyond this, titles must match exactly (keeps matching linear)
_STOP = FUNCTION_WORDS  # the verbs of a title count (see vocab.STOP_WORDS)
# "Chosen option: X" starting a paragraph or item (MADR; "Chose option:", "Selected
# alternative:" too); prose such as "the recommended approach is to ..." is not one.
CHOSEN_LINE = re.compile(
    r"^\W{0,3}(?:the\s+)?(?:cho{1,2}s{1,2}e?n?|selected|preferred|recommended|gewählte)\s+"
    r"(?:option|alternative|solution|approach)s?\s*(?:is|was)?\s*\**\s*[:\-–—]\**\s*(.*)",
    re.IGNORECASE | re.DOTALL | re.MULTILINE,
)
# A shorter line that states the choice ("Decision: option 2", "**Outcome:** B", "Selected:
# Redis", "We chose B"): it counts only when what it names is one listed option
# (:func:`find_named`), since "Decision: we will ..." starts prose as often as a name.
LABEL_LINE = re.compile(
    r"^\W{0,3}(?:(?:(?:final|our|chosen|selected|preferred)\s+)?(?:decision|outcome|choice|verdict|selection|"
    r"recommendation)|selected|recommended|"
    r"chosen|cho{1,2}s{1,2}e)\s*\**\s*[:\-–—]\**\s*(.+)|"
    r"^\W{0,3}we(?:\s+have)?\s+(?:chose|chosen|selected|picked|went\s+with|decided\s+(?:on|for))"
    r"\s+(.+)",
    re.IGNORECASE | re.DOTALL,
)
# "[title of option 1]", "{title of option 1}": a template's placeholder, not a title
PLACEHOLDER = re.compile(
    r"^[\"“'`]?[\[{][^\[\]{}]*(?:\btitle\s+of\b|\bname\s+of\b|\be\.g\.|…|\.\.\.)[^\[\]{}]*[\]}]",
    re.IGNORECASE,
)
# "Chosen option: X, because Y" as guidance on how to write the line: a bare letter or word
# standing for a title, not one
TEMPLATE_TITLE = re.compile(
    r"^\W*(?:[a-z]|options?|alternatives?|title|name|tbd|\.{3}|…|\[[^\]]*\]|<[^>]*>|"
    r"\{[^}]*\})\W*$",
    re.IGNORECASE,
)
# "Long-term: consider moving X to Y", "We could revisit X": a line that only weighs
WEIGHS = re.compile(
    r"^\W*(?:[\w-]+(?:\s+[\w-]+)?\s*:\s*)?(?:we\s+)?(?:(?:should|could|might|may)\s+)?"
    r"(?:consider|investigate|evaluate|explore|look\s+into|revisit)\b",
    re.IGNORECASE,
)
_REF = (  # "option 2", "option #2", "proposal (2)"
    r"(?:option|alternative|approach|solution|variant|choice|proposal)\s*(?:no\.?\s*)?#?\s*"
    r"(?:\((\d{1,3}[a-z]?|[a-z])\)|(\d{1,3}[a-z]?|[a-z])\b)"
)
_REFERENCES = (
    re.compile(
        r"\b(?:go(?:ing)?\s+(?:ahead\s+)?with|went\s+with|chose|choose|chosen|select(?:ed)?|"
        r"leverage|proceed\s+with|move\s+forward\s+with|"
        r"pick(?:ed)?|adopt(?:ed)?|prefer(?:red)?|decided\s+(?:on|for|to\s+use)|"
        r"opt(?:ed)?\s+for|recommend(?:ed|s)?|propos(?:e|es|ed)|accept(?:ed)?|implement(?:ed)?|use|"
        r"agreed\s+on|settled?\s+on|landed\s+on|go(?:ing)?\s+for|went\s+for|"
        r"attempt|pursue|favou?r(?:ed)?|lean(?:ing)?\s+towards?|follow|in\s+line\s+with)"
        r"\s+(?:the\s+|is\s+|was\s+)?" + _REF,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b" + _REF + r"\s+(?:\([^)]*\)\s+)?(?:[-–—]\s+)?(?:is|was|has\s+been|will\s+be|got)\s+"
        r"(?:the\s+)?(?:chosen|selected|accepted|adopted|preferred|recommended|agreed|winner)",
        re.IGNORECASE,
    ),
    re.compile(r"\(\s*(?:option\s*)?#\s*(\d{1,3}[a-z]?)\s*\)", re.IGNORECASE),
    # "(1.b) Crossplane will be installed as ...": a decision opening on a sub-option's label
    # (a number alone, "(2) ...", is as often a row or a step of something else)
    re.compile(r"^\s*\(\s*(\d{1,3}\.?[a-z])\s*\)\s+\S", re.IGNORECASE),
    # "Choose 2) as it accomplishes much of 1)": an option numbered "2)" named by its number
    re.compile(
        r"\b(?:go(?:ing)?\s+with|went\s+with|chose|choose|select(?:ed)?|pick(?:ed)?|"
        r"prefer(?:red)?|opt(?:ed)?\s+for)\s+(?:#\s*)?\(?(\d{1,2}[a-z]?)\)",
        re.IGNORECASE,
    ),
    # "as per point 2 above", "following way 1 described earlier": an item listed before
    re.compile(
        r"\b(?:as\s+(?:per|in|described\s+in|outlined\s+in)|according\s+to|following|via|with)\s+"
        r"(?:the\s+)?(?:point|option|approach|way|item|alternative|solution)\s*(?:no\.?\s*)?#?\s*"
        r"(\d{1,2}[a-z]?)\s+(?:(?:described|outlined|listed|mentioned|given)\s+)?"
        r"(?:above|earlier|before|previously)\b",
        re.IGNORECASE,
    ),
)


def _ref(m: re.Match[str]) -> str:
    """The number or letter a reference matched (in whichever of its groups)."""
    return next(g for g in m.groups() if g)


_QUOTED = re.compile(r"[\"“”'‘’«»`]([^\"“”'‘’«»`]{2,200})[\"“”'‘’«»`]")


def norm(text: str) -> str:
    """A title reduced for matching: case, quotes, marks and end punctuation go."""
    text = re.sub(r"[\"'`“”‘’«»\[\]*_]", "", text.lower())
    text = text.strip().rstrip(".,;:!")
    return " ".join(text.split())


def _tokens(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def _plain(text: str) -> str:
    """``norm`` with hyphens as spaces: ``Datomic-style`` is named by ``Datomic style``."""
    return " ".join(norm(text).replace("-", " ").split())


def _whole(needle: str, hay: str) -> bool:
    return bool(needle) and re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay) is not None


def by_label(ref: str, opts: Sequence[Opt]) -> int | None:
    """The option a number or letter refers to: its label, else its position (among two
    options or more)."""
    ref = ref.lower()
    same = [i for i, opt in enumerate(opts) if opt.label == ref]
    if len(same) == 1:
        return same[0]
    if same:  # "Option 1" of two sets of options (two sub-decisions): which one is unclear
        return None
    if any(o.label for o in opts):
        return None
    if len(opts) < 2:  # "Option 1" of a single option refers to a list the record has
        return None  # elsewhere (the design's own numbered points), not to this one
    if ref.isdigit() and 1 <= int(ref) <= len(opts):
        return int(ref) - 1
    if len(ref) == 1 and ref.isalpha() and ord(ref) - 96 <= len(opts):
        return ord(ref) - 97
    return None


def find(ref: str, opts: Sequence[Opt], *, fuzzy: bool = True) -> int | None:
    """The option a title refers to: exact, by label ("option 2", "B"), then one
    unambiguous overlap (whole words), then near spellings."""
    want = norm(ref)
    if not want:
        return None
    for i, opt in enumerate(opts):
        if want in (norm(opt.title), *(norm(a) for a in opt.aliases)):
            return i
    m = re.fullmatch(r"(?:" + _REF + r"|#?\s*\(?(\d{1,3}[a-z]?|[a-z])\)?)", want, re.IGNORECASE)
    if m:
        return by_label(_ref(m), opts)
    if not fuzzy or len(opts) > MAX_FUZZY_OPTIONS:
        return None
    pool_opts = [i for i in range(len(opts)) if not opposed(want, norm(opts[i].title))]
    if len(pool_opts) < len(opts):  # "Out-of-Process COA" is not "In-Process COA"
        found = find(ref, [opts[i] for i in pool_opts], fuzzy=True) if pool_opts else None
        return pool_opts[found] if found is not None else None
    same = restated(ref, opts)
    if same is not None:
        return same
    hits = [
        i
        for i, o in enumerate(opts)
        if any(_whole(want, norm(t)) or _whole(norm(t), want) for t in (o.title, *o.aliases))
    ]
    if len(hits) == 1:
        return hits[0]
    short = by_distinct(ref, opts)
    if short is not None:  # "payment" for "Use payment endpoint" beside "Use customer endpoint"
        return short
    inside = [norm(opts[i].title) for i in hits if _whole(norm(opts[i].title), want)]
    if sum(1 for t in inside if not any(t != u and _whole(t, u) for u in inside)) >= 2:
        return None  # "A and B": several options named whole, none of them alone
    pool = hits or range(len(opts))
    index = _closest(want, opts, pool)
    index = index if index is not None else near_restated(ref, opts)
    head = APPOSITION.split(ref, maxsplit=1)[0]  # "MapLibre 1.15.0, a free library"
    if index is None and head.strip() and len(head) < len(ref):
        return find(head, opts, fuzzy=fuzzy)
    return index


def find_named(ref: str, opts: Sequence[Opt]) -> int | None:
    """The one option a decision line names as a whole (``Decision: option 2``, ``Selected:
    Redis``, ``We chose B``): exactly, by label, restated, or by a short distinctive name;
    never by a title found inside a sentence."""
    want = norm(ref)
    if not want or len(want.split()) > 12:
        return None
    index = find(ref, opts, fuzzy=False)
    if index is not None:
        return index
    m = re.match(_REF + r"(?:\s*[:\-–—(]|$)", want, re.IGNORECASE)
    if m:  # "Option 2 - managed Postgres"
        return by_label(_ref(m), opts)
    if len(opts) > MAX_FUZZY_OPTIONS:
        return None
    same = restated(ref, opts)
    return same if same is not None else by_distinct(ref, opts)


def _token_in(word: str, have: set[str]) -> bool:
    """A word of the reference found in a title: exactly, as a plural, or misspelt."""
    if word in have or word.rstrip("s") in have or word + "s" in have:
        return True
    return len(word) >= 5 and any(
        abs(len(word) - len(h)) <= 2 and difflib.SequenceMatcher(None, word, h).ratio() >= 0.8
        for h in have
    )


def _closest(want: str, opts: Sequence[Opt], pool: Sequence[int] | range) -> int | None:
    """The option whose title holds most of the reference's words (near spellings count),
    when it is clearly ahead of the next one."""
    words = _tokens(want)
    if not words:
        return None
    scored: list[tuple[float, int]] = []
    for i in pool:
        best = 0.0
        for text in (opts[i].title, *opts[i].aliases):
            have = _tokens(text)
            if have:
                found = sum(1 for w in words if _token_in(w, have))
                best = max(best, found / len(words))
        scored.append((best, i))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < 0.6:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.15:
        return None
    return scored[0][1]


# "All considered options", "Both options", "All of the above", "all three": every option
_ALL = re.compile(
    r"^(?:all|both)(?:\s+of)?(?:\s+(?:the|these|those|them|above|listed|considered|"
    r"two|three|four|five))*(?:\s+(?:options|alternatives|approaches|solutions))?$",
    re.IGNORECASE,
)


_COMBINED_NUMBERS = re.compile(
    r"^(?:a\s+)?(?:combined|combine|combining|combination\s+of|mix\s+of|both)\s+"
    r"(?:(?:the\s+)?options?\s+)?(\d{1,3}[a-z]?(?:\s*(?:,|and|&|\+)\s*\d{1,3}[a-z]?)+)\b",
    re.IGNORECASE,
)


def chosen_in_line(title: str, opts: Sequence[Opt]) -> list[int]:
    """The options a ``Chosen option:`` title names: one, or several ("mix of "A" and "B"",
    "All considered options")."""
    index = find(title, opts)
    if index is not None:
        return [index]
    if len(opts) >= 2 and _ALL.match(" ".join(title.strip(" .\"'*_").split())):
        return list(range(len(opts)))
    if m := _COMBINED_NUMBERS.match(title.strip()):  # "Combined 1 and 3"
        labels = re.findall(r"\d{1,3}[a-z]?", m.group(1))
        both = {i for ref in labels if (i := by_label(ref, opts)) is not None}
        if len(both) >= 2:
            return sorted(both)
    combined = re.sub(
        r"^(?:a\s+)?(?:mix|combination|blend|hybrid)\s+of\s+|^both\s+", "", title, flags=re.I
    )
    quoted = [m.group(1) for m in _QUOTED.finditer(combined)]
    parts = quoted if len(quoted) >= 2 else re.split(r"\s+(?:and|\+|&|with)\s+|,\s+", combined)
    found = [i for part in parts if (i := find(part, opts)) is not None] if len(parts) > 1 else []
    if len(found) >= 2:
        return sorted(set(found))
    refs = [_ref(m) for m in re.finditer(_REF, title, re.IGNORECASE)]
    found = [i for r in refs if (i := by_label(r, opts)) is not None]
    return sorted(set(found))


_LABEL = r"(?:#?\s*\d{1,3}[a-z]?|[a-z]\b)"
_COMBINED = re.compile(
    r"\b(?:blend|mix|combination|hybrid)\s+(?:of|between)\s+(?:the\s+)?(?:options|alternatives|"
    r"approaches)\s+(" + _LABEL + r"(?:\s*(?:,|and|&|\+|with)\s*" + _LABEL + r")+)",
    re.IGNORECASE,
)


# "Implement Option 1 and Option 2", "we adopt options 2 and 3": two or more chosen together
_BOTH = re.compile(
    r"\b(?:implement|use|adopt|choose|chose|go\s+with|select|pick|leverage|combine)\s+"
    r"(?:both\s+)?(?:the\s+)?(?:options?|alternatives?|approaches)\s+("
    + _LABEL
    + r"(?:\s*(?:,|and|&|\+)\s*(?:(?:options?|alternatives?|approach)\s+)?"
    + _LABEL
    + r")+)",
    re.IGNORECASE,
)


def referenced(text: str, opts: Sequence[Opt]) -> list[int]:
    """Options referred to by number or letter as chosen ("go with option 1", "(#2)", "a
    blend of options 2 and 3", "Implement Option 1 and Option 2")."""
    found: list[int] = []
    for m in [*_COMBINED.finditer(text), *_BOTH.finditer(text)]:
        said = re.sub(r"\b(?:and|options?|alternatives?|approach)\b", " ", m.group(1), flags=re.I)
        labels = re.findall(r"\d{1,3}[a-z]?|\b[a-z]\b", said, flags=re.I)
        found.extend(i for ref in labels if (i := by_label(ref, opts)) is not None)
    if len(set(found)) >= 2:
        return sorted(set(found))
    found = []
    for pattern in _REFERENCES:
        for m in pattern.finditer(text):
            index = by_label(_ref(m), opts)
            if index is not None and index not in found:
                found.append(index)
    found += [i for i in by_ordinal(text, opts) if i not in found]
    return found


_ASIDE = re.compile(
    r"\(\s*\[?(?:option|alternative)\s*#?\s*(\d{1,3}[a-z]?|[a-z])\b[^()]{0,80}\)", re.I
)


def labelled_aside(text: str, opts: Sequence[Opt]) -> set[int]:
    """Options a parenthesis gives by label beside a name ("a key value store (Option 1)",
    "([Option 1](#option-1))")."""
    return {i for m in _ASIDE.finditer(text) if (i := by_label(m.group(1), opts)) is not None}


_NEGATION = re.compile(
    r"(?:against|not|never|reject(?:ed|s)?|instead\s+of|rather\s+than|over|no\s+longer)"
    r"\s+(?:\w+\s+){0,2}$"
)


def _negated(name: str, said: str) -> bool:
    """Every mention of ``name`` is negated ("decided against X", "rather than X")."""
    starts = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", said)]
    return bool(starts) and all(_NEGATION.search(said[max(0, p - 40) : p]) for p in starts)


def rejected_in(text: str, opt: Opt) -> bool:
    """Whether the text names the option only to reject it ("decided against X")."""
    said = _plain(text)
    names = [n for n in (_plain(t) for t in (opt.title, *opt.aliases)) if len(n) >= 2]
    return any(_whole(n, said) and _negated(n, said) for n in names)


def named_in(text: str, opts: Sequence[Opt]) -> list[int]:
    """Options whose title (or an alias) the text names as whole words."""
    if len(opts) > MAX_FUZZY_OPTIONS:
        return []
    said = _plain(text)
    out = []
    for i, opt in enumerate(opts):
        texts = [opt.title, *opt.aliases]
        texts += [re.sub(r"\s*\([^()]*\)", "", t) for t in texts if "(" in t]
        texts += [t[:-1] for t in texts if re.search(r"[a-z]{3}[^s]s$", t)]  # "X databases"
        names = [n for n in (_plain(t) for t in texts) if len(n) >= 2]
        if any(_whole(n, said) and not _negated(n, said) for n in names):
            out.append(i)
    # a title inside another named title (``Yarn`` in ``Yarn and Lerna``) is not named twice
    titles = {i: _plain(opts[i].title) for i in out}
    return [i for i in out if not any(j != i and _whole(titles[i], titles[j]) for j in out)]


# "We adopt the example above", "as proposed above", "the approach described above": the
# decision points back at the proposal it follows. Words naming one proposal point at one
# option; words that may name the whole record ("this design as described above") point at
# an option only when there is one.
_ONE = r"(?:example|approach|option|solution|proposal|alternative|idea|variant|pattern)"
_WHOLE = r"(?:design|plan|model|implementation|capability|change|structure)"
_SAID = r"(?:described|outlined|presented|shown|given|detailed|discussed|sketched|drafted)"
_ABOVE = re.compile(
    rf"\b(?:the|this|that|our)\s+(?:[\w-]+\s+){{0,2}}?(?:(?P<one>{_ONE})|{_WHOLE})\s+"
    rf"(?:(?:{_SAID}|proposed|suggested)\s+)?above\b|"
    rf"\bas\s+(?:(?P<proposed>proposed|suggested|recommended)|{_SAID})\s+above\b|"
    rf"\bthe\s+(?:above|preceding)\s+(?:[\w-]+\s+)?(?:(?P<one2>{_ONE})|{_WHOLE})\b",
    re.IGNORECASE,
)
_NOT_ABOVE = re.compile(
    r"\b(?:not|never|no\s+longer|against|reject\w*|instead\s+of|rather\s+than|unlike|"
    r"discard\w*)\b|n't\b",
    re.IGNORECASE,
)
_ADOPTING = re.compile(
    r"\b(?:adopt\w*|go(?:ing)?\s+(?:ahead\s+)?with|went\s+with|chose|choose|chosen|select\w*|"
    r"decided?|decision|implement\w*|follow\w*|apply|applied|accept\w*|agreed?|prefer\w*|"
    r"recommend\w*|proceed\w*|will\s+(?:use|be\s+used|take|keep)|use[ds]?|take[ns]?|took)\b",
    re.IGNORECASE,
)
ONE_ABOVE, WHOLE_ABOVE = 2, 1


def points_above(text: str) -> int:
    """Whether a sentence of the decision adopts what is written above it, and does not turn
    it down: :data:`ONE_ABOVE` when it names one proposal ("We adopt the example above",
    "As proposed above, ..."), :data:`WHOLE_ABOVE` when its words may name the whole record
    ("Implement this design as outlined above"), else 0. A sentence that only points at an
    example ("In the example above, ...") adopts nothing."""
    best = 0
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        for m in _ABOVE.finditer(sentence):
            if _NOT_ABOVE.search(sentence[: m.start()]):
                continue
            if not (m.group("proposed") or _ADOPTING.search(sentence)):
                continue  # "as proposed above" adopts by itself
            one = m.group("one") or m.group("one2") or m.group("proposed")
            best = max(best, ONE_ABOVE if one else WHOLE_ABOVE)
    return best


def listed_examples(description: str) -> list[str]:
    """The names an option's description enumerates (``LastPass, 1Password, Bitwarden,
    etc.``): two or more short capitalised names making up most of it, else none."""
    parts = [p.strip(" .;:()") for p in re.split(r",|\s+or\s+|\s+and\s+", description)]
    parts = [p for p in parts if p and p.lower() not in ("etc", "and so on")]
    names = [
        p
        for p in parts
        if 1 <= len(p.split()) <= 4 and len(p) >= 3 and re.match(r"[A-Z0-9]", p) is not None
    ]
    return names if len(names) >= 2 and len(names) * 2 > len(parts) else []


def names_an_example(text: str, opt: Opt) -> bool:
    """Whether ``text`` names one of the examples ``opt`` lists (:func:`listed_examples`)."""
    said = _plain(text)
    return any(_whole(_plain(n), said) for n in listed_examples(opt.description or ""))


# "A) No prefixes", "(B) Cache it", "C. Do nothing": a capital letter that labels an option.
_LETTER_START = re.compile(r"^\W{0,3}\(?([A-Z])[).]\s+\S")
_OPTION_START = re.compile(
    r"^\W{0,3}(?:option|alternative)\s*#?\s*(\d{1,3}[a-z]?|[a-z])\s*(?:[-–—:,.)]|$)", re.I
)


MAX_TITLE_LINE_WORDS = 12
_SHORT_DECISION = re.compile(
    r"\W{0,3}(?:we\s+(?:will|want\s+to|would\s+like\s+to|are\s+going\s+to|decided\s+to|"
    r"intend\s+to|shall)\s+)?(?:use|adopt|choose|go\s+with|select|pick)\s+"
    r"([^.;:!?\n]{1,60}?)\s*[.!]?",
    re.IGNORECASE,
)


_PASSIVE_CHOSEN = re.compile(
    r"^\W{0,3}(?P<x>[^,;:.]{1,60}?)\s+(?:was|were|has\s+been|have\s+been|is|will\s+be)\s+"
    r"(?:finally\s+|ultimately\s+)?(?:selected|chosen|picked|adopted)\b",
    re.IGNORECASE,
)


def named_by_label_line(text: str, opts: list[Opt]) -> int | None:
    """The option a ``Decision: X`` / ``We chose X`` line names, or None. ``Decision: we
    chose B`` is read through its second label."""
    first = text.strip().split("\n", 1)[0]
    m = _OPTION_START.match(first) or _LETTER_START.match(first)
    if m:  # "Option 4, we will create ...", "B) prefix 1": the decision opens with a label
        return by_label(m.group(1), opts)
    m = _SHORT_DECISION.fullmatch(text.strip())
    if m:  # the whole decision is "Use WebGL1.", "We want to use Kafka as our broker."
        index = find_named(m.group(1), opts)
        short = trim(m.group(1))  # "Kafka as our messaging middleware" names "Kafka"
        if index is not None or short == m.group(1) or "," in m.group(1):
            return index  # (a clause after a comma goes on to more than the name)
        index = find_named(short, opts)  # "Kafka" names "Apache Kafka" by its words ...
        words = set(short.lower().split())
        named = index is not None and words <= set(opts[index].title.lower().split())
        return index if named else None  # ... but "PostgreSQL" is no near "MySQL"
    whole = text.strip().strip("*_ .")
    if whole and "\n" not in whole and len(whole.split()) <= MAX_TITLE_LINE_WORDS:
        index = find(whole, opts, fuzzy=False)  # the paragraph is an option's title alone
        if index is not None:
            return index
    m = _PASSIVE_CHOSEN.match(first)
    if m and (index := find_named(m.group("x"), opts)) is not None:
        return index  # "Renovate was selected.", "pnpm was selected as our default ..."
    for _ in range(2):
        m = LABEL_LINE.match(first)
        if m is None:
            return None
        said = (m.group(1) or m.group(2) or "").strip()
        title = parse_chosen(said)[0]
        if re.match(r"(?:not|never|against|no|none|neither)\b", title, re.I):
            return None  # "We chose not to continue with X"
        index = find_named(title, opts) if title else None
        if index is not None:
            return index
        first = said
    return None
