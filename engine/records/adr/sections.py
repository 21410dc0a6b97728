"""Which section of a document plays which part of an ADR, by its reduced heading."""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Section
from ..document.model import heading_key

CONTEXT = ("context", "background", "problem", "issue", "motivation", "summary of the problem")
# The vocabulary of options sections, in one place: the words that name alternatives, the
# words that qualify them, and those that say the section holds the ones not chosen
# ("Rejected alternatives", "Options not chosen", "Reasons against other options").
_ALTERNATIVES = r"(?:options|alternatives|positions|approaches|choices|solutions|candidates)"
_ALTERNATIVE = r"(?:options?|alternatives?|positions|approaches|choices|solutions|candidates)"
_REJECTED = (
    r"(?:rejected|discarded|disregarded|discounted|dismissed|declined|not\s+(?:chosen|selected|"
    r"pursued)|ruled\s+out)"
)
# Other nouns for what was weighed, read as alternatives only after a word that turns them
# down ("Discounted patterns", "Rejected designs"): alone they name parts of a design.
_TURNED_DOWN_THINGS = (
    r"(?:patterns|designs|ideas|tools|libraries|frameworks|technologies|products|vendors|"
    r"proposals|strategies|architectures|methods|paths|languages|concepts|solutions|"
    r"approaches|databases|platforms|services|formats|protocols|models|options)"
)
_QUALIFIER = (
    r"(?:the|our|other|rejected|discarded|dismissed|declined|unchosen|possible|potential|"
    r"considered|evaluated|alternative|available|main|key|remaining)"
)
# "Options we looked at", "Alternatives that were weighed", "Approaches we tried"
_WEIGHED = (
    r"(?:looked\s+at|looked\s+into|considered|evaluated|explored|examined|weighed|"
    r"investigated|discussed|compared|assessed|reviewed|tried|rejected|analy[sz]ed)"
)
_AGAINST = (
    rf"(?:(?:reasons?|arguments?|rationale)\s+(?:against|for\s+rejecting)|why\s+not)"
    rf"(?:\s+(?:choosing|using|picking|taking))?(?:\s+{_QUALIFIER})*\s+{_ALTERNATIVE}"
)
# "Option graveyard", "The road not taken": the alternatives turned down
_NOT_TAKEN = (
    r"(?:the\s+)?(?:(?:options?|alternatives?|ideas?|designs?)\s+graveyard|"
    r"(?:roads?|paths?)\s+not\s+taken)"
)
_OPTIONS = re.compile(
    rf"^(?:{_QUALIFIER}\s+)*(?:[a-z][\w-]*\s+){{0,2}}?{_ALTERNATIVES}$|"
    r"^(?:[a-z][\w-]*\s+){1,3}(?:evaluated|considered|compared|assessed|reviewed)$|"
    rf"^(?:{_QUALIFIER}\s+)*{_ALTERNATIVE}(?:\s+(?:considered|evaluated|explored|examined|"
    rf"{_REJECTED}|discussed|analysed|analyzed))?"  # "... considered but disregarded":
    rf"(?:\s+(?:but|and)\s+(?:then\s+)?{_REJECTED})?(?:\s+(?:regarding|for|to|of)\b.*)?$|"
    # "Potential paths prospected", "Possible ways", "Candidate routes considered"
    r"^(?:potential|possible|candidate|alternative)\s+(?:paths|routes|ways|directions)"
    r"(?:\s+(?:considered|evaluated|explored|prospected|investigated|examined|studied))?$|"
    # "Design proposals" (each a way to build it), "Competing proposals"
    r"^(?:design|candidate|competing)\s+proposals$|"
    # "Alternative designs", "Alternate packaging designs"
    r"^(?:alternative|alternate)\s+(?:[a-z][\w-]*\s+){0,2}(?:designs?|proposals|"
    r"implementations|strategies|architectures)"
    # "Alternate Proposals and Considerations"
    r"(?:\s+and\s+(?:other\s+)?(?:considerations|concerns|discussion|notes))?$|"
    # "CI platform considered options", "Database options considered"
    rf"^(?:[a-z][\w-]*\s+){{1,3}}(?:considered|evaluated|possible|candidate)\s+{_ALTERNATIVES}$|"
    rf"^(?:[a-z][\w-]*\s+){{1,3}}{_ALTERNATIVES}\s+(?:considered|evaluated|compared|weighed)$|"
    rf"^{_AGAINST}$|"
    # "Rejected", "Superseded / rejected": a heading of turn-down words alone
    rf"^(?:superseded\s+(?:and\s+|or\s+)?)?{_REJECTED}(?:\s+(?:and\s+|or\s+)?superseded)?$|"
    rf"^(?:{_QUALIFIER}\s+)*{_ALTERNATIVE}\s+(?:that\s+|which\s+)?(?:we|were|have\s+been|"
    rf"had\s+been|was)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_WEIGHED}\b.*$|"
    rf"^(?:{_QUALIFIER}\s+)*{_ALTERNATIVE}\s+(?:available|on\s+the\s+table|"
    rf"considered\s+(?:and|but)\s+{_REJECTED})$|"
    r"^candidate\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?$|"
    rf"^{_NOT_TAKEN}$|"
    # "Comparison of existing storage backends", "Comparison of the hash functions"
    r"^comparison\s+of\s+(?:the\s+)?(?:(?:existing|available|current|possible|candidate|"
    r"different|various|other)\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s$|"
    # "Prior art and alternatives", "Investigation & Alternatives"
    rf"^(?:[a-z][\w-]*\s+){{1,3}}and\s+(?:other\s+)?{_ALTERNATIVES}$|"
    # "Alternatives and constraints", "Options and their trade-offs"
    rf"^(?:{_QUALIFIER}\s+)*{_ALTERNATIVES}\s+and\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*$|"
    rf"^{_REJECTED}\s+(?:[a-z][\w-]*\s+)?{_TURNED_DOWN_THINGS}$"
)
_REJECTED_SECTION = re.compile(
    rf"^(?:.*\b(?:{_REJECTED}|unchosen)\b.*|{_AGAINST}|other\s+{_ALTERNATIVE}(?:\s+\w+)?|"
    rf"{_NOT_TAKEN})$"
)
_ONE_OPTION = re.compile(r"^(?:option|alternative|approach|solution|choice)\s+\w{1,3}\b")
_LATER = re.compile(  # "Future design options"; "Key design choices": made, not weighed
    r"^(?:future|later|next)\b|\bfor\s+(?:the\s+)?future$|^(?:key|main|major)\s.*choices$"
)
# "Pros and cons", "Pro/Cons", "Pros & Cons", "Pro and contra"
_PRO_CON = re.compile(r"^pros?\s+(?:(?:and|&)\s+)?(?:cons?|contras?)\b")
PROS_CONS = ("advantages and disadvantages", "trade-offs", "tradeoffs")
_DECISION = re.compile(
    r"^(?:the\s+|our\s+|final\s+)?(?:(?:decision|descision|decison|desicion|decission)"
    r"(?:s|\s+outcome|\s+and\s+rationale|\s+and\s+consequences?|\s+made)?|"
    r"decision\s+(?:from|by|of|at|in|including)\s+.+|"  # "Decision from Working Group meeting"
    r"outcome|result|resolution|(?:resolution|decision)\s+details|proposals?|proposed\s+(?:solution|decision|design|changes?|approach)|"
    r"recommendations?|recommended\s+(?:option|solution|approach)|solution|"
    # "Overview of the suggested solution", "Solution overview" (design-record templates)
    r"(?:overview\s+of\s+the\s+)?(?:suggested|proposed)\s+(?:solution|approach)|"
    r"solution\s+overview|"
    # "Chosen option", "Chosen Implementation Option", "Preferred option"
    r"(?:chosen|selected|preferred)\s+(?:option|solution|decision)|decision\s+changes|"
    r"(?:accepted|agreed|adopted)\s+(?:option|solution|approach|alternative|design)|"
    r"(?:option|solution|approach|alternative)\s+(?:retained|chosen|selected|adopted)|"
    r"(?:chosen|selected|preferred)\s+[\w-]+\s+(?:option|solution|approach|alternative)|"
    r"conclusion|conclusions|verdict)$"
)
# The design a record adopts, where it has no decision section ("## How" in a What / Why /
# How / Alternatives record).
DESIGN = (
    "design",
    "solution",
    "context and proposed design",
    "proposed design",
    "detailed design",
    "design details",  # a KEP's or TEP's
    "approach",
    "how",
    # the Buildpacks RFC template's design parts, and "Detailed Explanation"
    "what it is",
    "how it works",
    "detailed explanation",
    # the Rust RFC template's ("Guide-level explanation") and its kin's ("Explanation")
    "explanation",
    "guide-level explanation",
    "reference-level explanation",
    # design documents' own words for the design they propose
    "high-level design",
    "high level design",
    "technical design",
    "proposing",
    "specification",  # a PEP's or a PPC's design ("## Specification")
)
STATUS = ("status", "state", "decision status")
CONSEQUENCES = ("consequences", "implications", "impact", "results")
DRIVERS = ("decision drivers", "drivers", "forces", "decision criteria", "criteria")
# What opens an RFC (Rust, React, Yarn and the like), and the other parts it may write as
# top-level headings before its design
RFC_OPENINGS = ("summary", "motivation", "abstract")
RFC_PARTS = (*RFC_OPENINGS, "overview", "introduction", "basic example", "meta")
RATIONALE = ("rationale", "argument", "arguments", "justification", "reasoning")
# Sections that argue the choice under another name: "Comparison to other options", "Why
# this approach", "Reasons for the decision".
_WHY = re.compile(
    rf"^(?:comparisons?\s+(?:to|with|against)\s+(?:the\s+)?(?:other\s+)?{_ALTERNATIVES}|"
    r"why\s+(?:this|these|we\s+(?:chose|picked|selected)\b.*)(?:\s+(?:option|alternative|approach|"
    r"solution|decision|choice))?|reasons?\s+for\s+(?:(?:the|this|our)\s+)?(?:decision|choice))$"
)
# Who took part in deciding, in other templates' words ("Involved: Ana, Bo", RACI's
# "Accountable", "Signed off by", GOV.UK's "## Contributors" ("Who made this decision"),
# a record's "Owner"):
# read as deciders from a heading, a line or front matter alike.
OTHER_DECIDERS: tuple[str, ...] = (
    "involved",
    "participants",
    "accountable",
    "agreed by",
    "signed off by",
    "decision made by",
    "decisions made by",
    "decision taken by",
    "responsible",
)
OTHER_DECIDERS += ("contributors", "owner", "owners", "decision owner", "decision owners")
OTHER_DECIDERS += ("governance",)
# an RFC process's shepherds, who accept or reject it (NixOS's "shepherd-team")
OTHER_DECIDERS += ("shepherd team", "shepherds")
# the review manager who announces an evolution proposal's decision; the teams an RFC
# names in its front matter, whose members accept or reject it in final comment
OTHER_DECIDERS += ("review manager", "review managers", "teams")
DECIDERS: tuple[str, ...] = ("deciders", "decider", "decision makers", "decided by", "approvers")
DECIDERS += ("approved by", "rfc approver", "rfc approvers", "need approval from")
DECIDERS += ("needs approval from", "approval from", *OTHER_DECIDERS)
# a template's question heading over the deciders ("List the deciders of the issue", "Who is
# making decisions on the proposal?")
_DECIDERS_ASKED = re.compile(
    r"^(?:list\s+(?:of\s+)?(?:the\s+|all\s+)?(?:deciders|decision\s+makers)\b.*|"
    r"who\s+(?:is\s+making|makes|made|will\s+make|are\s+the)\s+(?:the\s+)?"
    r"(?:decisions?|deciders|decision\s+makers)\b.*|who\s+decided?s?\b.*)$"
)


def is_deciders(key: str) -> bool:
    """A part that names the deciders: ``## Deciders``, or a template's question."""
    return key in DECIDERS or bool(_DECIDERS_ASKED.match(key))


PRO_KEYS: tuple[str, ...] = (
    "pros",
    "pro",
    "advantages",
    "advantage",
    "benefits",
    "good",
    "positive",
    "positives",
    "strengths",
    "upsides",
    "upside",
    "positive consequences",
)
CON_KEYS: tuple[str, ...] = (
    "cons",
    "con",
    "contra",  # "Pro: ... Contra: ...", as German-speaking teams write it
    "contras",
    "disadvantages",
    "disadvantage",
    "drawbacks",
    "drawback",
    "bad",
    "negative",
    "negatives",
    "weaknesses",
    "downsides",
    "downside",
    "risks",
    "negative consequences",
    "why rejected",
    "why not",
    "reasons for rejection",
    "rejection reasons",
    # what a course costs, said as its trade-offs (beside its "Benefits")
    "trade-offs",
    "tradeoffs",
    "trade offs",
)
PRO_KEYS += ("メリット", "利点")  # as Japanese records write them
CON_KEYS += ("デメリット", "欠点")
NEUTRAL_KEYS = ("neutral", "neutral consequences")


MAX_KEY_CHARS = 200  # longer text is prose, never a heading or label of a part


def _key_words(key: str) -> str:
    if len(key) > MAX_KEY_CHARS:
        return ""
    return " ".join(re.sub(r"\([^()]*\)", " ", key).replace(" & ", " and ").split())


# Qualifiers that make "options" a list of settings, not of decision alternatives.
_SETTINGS = re.compile(
    r"\b(?:client|clients|configuration|config|customi[sz]ation|command|command-line|cli|api|"
    r"server|runtime|connection|build|compiler|flag|flags|environment|startup|stream|consumer|"
    r"subscription|publish|request|query|tls|auth|parameter|parameters|setting|settings|"
    r"advanced|optional|extra|additional|supported|default)\b"
)


def is_options(key: str) -> bool:
    key = _key_words(key)
    if not key or not _OPTIONS.match(key) or _ONE_OPTION.match(key) or _LATER.search(key):
        return False  # "Option B", "Future design options": not the options weighed now
    head = re.split(r"\b(?:option|alternative|position|approache|choice|solution)s?\b", key)[0]
    if key.endswith("candidates") and _PEOPLE_OR_BUILDS.search(head):
        return False  # "Airdrop candidates", "Release candidates": people or builds
    return not _SETTINGS.search(head)


# What "candidates" are when they are not alternatives: people picked for something, or builds
_PEOPLE_OR_BUILDS = re.compile(
    r"\b(?:release|airdrop|grant|job|election|council|committee|board|hiring|recipient|award|"
    r"bounty|funding|speaker|nominee|reviewer|maintainer|member|membership|mentor|intern|"
    r"ambassador|delegate|steward)s?\b"
)


def is_rejected(key: str) -> bool:
    """A section of the alternatives not chosen ("Rejected alternatives", "Reasons against
    other options")."""
    return bool(_REJECTED_SECTION.match(_key_words(key)))


def is_pros_cons(key: str) -> bool:
    return key.startswith(PROS_CONS) or bool(_PRO_CON.match(key))


def pc_kind(key: str) -> str | None:
    """``pros``/``cons``/``neutral`` for a heading or label naming one of them."""
    key = _key_words(key)
    mixed = is_pros_cons(key.replace("&", "and"))  # "Advantages & Disadvantages": by signs
    if key in PRO_KEYS or (not mixed and key.startswith(("pros ", "advantages ", "benefits of"))):
        return "pros"
    if key in CON_KEYS or (not mixed and key.startswith(("cons ", "disadvantages ", "drawbacks "))):
        return "cons"
    if key in NEUTRAL_KEYS:
        return "neutral"
    return None


def is_rationale(key: str) -> bool:
    """A section that gives the reasons for the choice."""
    return key in RATIONALE or bool(_WHY.match(_key_words(key)))


def is_decision(key: str) -> bool:
    return bool(_DECISION.match(_key_words(key)))


# "Why is there need for such a decision?", "Why is this decision needed?": a template's
# question over the context
_WHY_NEEDED = re.compile(
    r"^why\s+(?:is|was|are)\s+(?:there\s+)?(?:a\s+)?(?:need|needed)\s+for\b.*|"
    r"^why\s+(?:is|was)\s+(?:this|such\s+a|a)\s+decision\s+(?:needed|necessary|required)\b.*|"
    r"^why\s+do\s+we\s+need\s+(?:this|such\s+a|a)\s+decision\b.*"
)


def is_context(key: str) -> bool:
    return (key.startswith(CONTEXT) and "proposed design" not in key) or bool(
        _WHY_NEEDED.match(key)
    )


_METADATA = frozenset(
    {
        "metadata", "meta", "meta data", "document metadata", "record metadata",
        "decision metadata", "adr metadata", "rfc metadata", "document information",
        "document control", "document details", "record details", "decision details",
        "preamble",
    }
)  # fmt: skip


def is_metadata(key: str) -> bool:
    """A part that holds the record's key/value metadata (``## Metadata`` over bullets)."""
    return key in _METADATA


def is_status(key: str) -> bool:
    return key in STATUS


def is_consequences(key: str) -> bool:
    words = key.split()
    return bool(words) and (
        key.startswith(CONSEQUENCES)
        or (len(words) == 2 and words[1] in CONSEQUENCES)
        or key in ("pros and cons of the decision",)
    )


def in_consequences(doc: Document) -> set[int]:
    """The ids of the consequences sections of ``doc`` and of every section under them."""
    return {id(s) for c in doc.find(lambda s: is_consequences(s.key)) for s in c.walk()}


def is_role(key: str) -> bool:
    """A heading that names a part of an ADR (so it is not the document's title)."""
    return (
        is_options(key)
        or is_pros_cons(key)
        or is_decision(key)
        or is_context(key)
        or is_status(key)
        or is_consequences(key)
        or key in DRIVERS
        or is_rationale(key)
        or key in DECIDERS
    )


def ordered(doc: Document, pred: object) -> list[Section]:
    """Sections whose key satisfies ``pred``: the shallowest first, then document order."""
    # "## Recommendation - Decision Outcome": the part named after the dash counts too
    found = doc.find(lambda s: bool(pred(s.key)) or _dashed_part(s, pred))  # type: ignore[operator]
    if pred is is_decision and len(found) > 1:
        weighed = {id(s) for s in proposals_weighed(doc)}
        title = doc.title_section  # "# Proposal: X" over "## Decision": the title
        inner = title is not None and any(f is not title and f in title.walk() for f in found)
        found = [s for s in found if id(s) not in weighed and not (inner and s is title)]
    return sorted(found, key=lambda s: (s.level, s.line))


# "## Proposals" (several), as against "## Proposal" (the one this record makes)
_PROPOSALS = re.compile(r"^(?:the\s+|our\s+)?proposals$")


def proposals_weighed(doc: Document) -> list[Section]:
    """A "## Proposals" section beside another decision part ("## Accepted solution",
    "## Decision") sets out the proposals weighed, and the other part takes one of them:
    the section plays options, not the decision."""
    keyed = [(s, s.key) for s in doc.sections()]
    many = [s for s, key in keyed if _PROPOSALS.match(key)]
    if not many:
        return []
    others = {id(s) for s, key in keyed if is_decision(key) and not _PROPOSALS.match(key)}
    return [s for s in many if others - {id(x) for x in s.walk()}]  # one outside it


def _dashed_part(sec: Section, pred: object) -> bool:
    if _dashed_key(sec.title) is None:
        return False
    key = part_key(sec)
    return key != sec.key and bool(pred(key))  # type: ignore[operator]


def first(doc: Document, pred: object) -> Section | None:
    found = ordered(doc, pred)
    return found[0] if found else None


# Words that make an options heading a list of decision alternatives whatever its items
# look like ("Considered Options" holding `` `NNNN-title.md` `` file-name patterns).
DECISION_WORDS = re.compile(
    r"\b(?:considered|evaluated|alternatives?|rejected|discounted|discarded|dismissed|possible|potential|candidates|positions|"
    r"explored|examined|discussed|analy[sz]ed|compared)\b"
)


# Nouns that name alternatives whatever qualifies them; "choices", "solutions" and
# "approaches" inside a decision section are often the parts of the decision taken.
_WEIGHED_NOUN = re.compile(r"\b(?:options?|alternatives?|candidates?|positions)\b")


def _part_of_decision(doc: Document, sec: Section) -> bool:
    """An options-like heading inside a decision section that names the parts of the
    decision taken ("### Technology choices", "### Key design choices", "### Approach
    chosen"), not alternatives weighed: no weighing word, no noun of alternatives."""
    if DECISION_WORDS.search(sec.key) or _WEIGHED_NOUN.search(sec.key):
        return False
    return any(s is sec for d in ordered(doc, is_decision) for s in d.find(lambda _: True))


def _record_title(doc: Document, sec: Section) -> bool:
    """The record's own title heading that happens to name options ("# 13. Hosting options")
    over the record's parts (a status, context, decision or consequences section)."""
    parts = (is_status, is_context, is_decision, is_consequences)
    return sec is doc.title_section and any(p(c.key) for c in sec.children for p in parts)


def part_key(sec: Section) -> str:
    """The key of the part a heading names after its parent's name and a colon, as some
    templates write their parts ("### Proposed Solution: Notable Alternatives" is "notable
    alternatives"), or after a word or two and a dash ("## Assessment - Considered
    Options"); else the heading's own key."""
    head, colon, tail = sec.title.partition(":")
    if colon and head.strip() and tail.strip():
        return heading_key(tail)
    dashed = _dashed_key(sec.title)
    return sec.key if dashed is None else dashed


_DASHED = re.compile(r"^\s*(?:[\w-]+\s+){0,2}[\w-]+\s+[-–—]\s+(?P<tail>\S.*)$")


@lru_cache(maxsize=4096)
def _dashed_key(title: str) -> str | None:
    """The key of the part a title names after a word or two and a dash, or None."""
    m = _DASHED.match(title)
    return heading_key(m.group("tail")) if m else None


def _options_heading(sec: Section) -> bool:
    """An options heading, also after its parent's name and a colon."""
    return is_options(sec.key) or is_options(part_key(sec))


# "Other algorithms", "Other hashing schemes": a heading over two or more headings, each one
# of the others weighed ("### Consistent hashing", "### Maglev")
_OTHERS = re.compile(r"^other\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*s$")
_NOT_OTHERS = re.compile(
    r"\b(?:changes|notes|considerations|concerns|links|references|resources|documents|"
    r"details|items|topics|things|questions|issues|comments|thoughts|remarks|sections|"
    r"requirements|goals|features|improvements|tasks|steps|projects|works?|ideas\s+for)$"
)


def _others_headed(sec: Section) -> bool:
    if not _OTHERS.match(sec.key) or _NOT_OTHERS.search(sec.key) or len(sec.children) < 2:
        return False
    return not any(is_role(c.key) for c in sec.children)


def options_sections(doc: Document) -> list[Section]:
    """Options sections, outermost first: a section nested in another options section is
    read as part of it; one that names the parts of a decision is not one."""
    named = doc.find(lambda s: _options_heading(s) or _others_headed(s)) + proposals_weighed(doc)
    found = [
        s
        for s in sorted(named, key=lambda s: (s.level, s.line))
        if not _part_of_decision(doc, s) and not _record_title(doc, s)
    ]
    out: list[Section] = []
    for sec in sorted(found, key=lambda s: s.line):
        if any(sec in list(o.walk()) for o in out):
            continue
        out.append(sec)
    return out


def designs(doc: Document) -> list[Section]:
    """Design sections (``DESIGN``), but those inside an options section: an alternative's
    own "Design Details" describe that alternative, not the record's design."""
    inside = {id(s) for o in options_sections(doc) for s in o.walk()}
    return [s for s in ordered(doc, lambda k: k in DESIGN) if id(s) not in inside]
