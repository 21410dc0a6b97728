"""Alternatives put forward in a sentence of the record's prose, anywhere it argues.

Design documents and RFCs often weigh an alternative where they describe the design, in a
sentence of its own: "An alternative could have been to specify the trie for each key.
However this would ...", "Another option would be to embed these values in the client",
"Alternatively, we could merge the schema files". Read only when no other reader found
options, and only in a record that states a decision or a design (the course taken, which
the choice steps then make the chosen option):

* the sentence must set the course against another: "an alternative", "another option /
  approach / possibility / solution", or "alternatively" or "as an alternative" with the
  record's writers as the subject ("we could", "one might"; not "the user may", a feature's
  mode, nor "you can", an instruction). "One solution is to X" and
  "A simple approach is X" are not read: they mostly describe the course taken;
* the alternative's name is the clause after the verb, up to where the sentence moves on
  (", but", "because", ";"), cut before a relative clause when longer than a name;
* the sentence and the sentences after it that argue about it ("However this would ...",
  "But this ...", "This would ...", "Unfortunately ...") are its description and reason:
  their judging words give its pros and cons (:mod:`.prosepoints`);
* each is an alternative not taken: "another" and "alternatively" set it beside the course
  the record takes (a design restates the same terms, so no test of adoption is made).

Consequences, links and references are not read (:func:`.argued.prose_of`). Every option
read here is uncertain.
"""

from __future__ import annotations

import re

from ..document import Document
from . import sections as roles
from .argued import prose_of
from .content import Opt
from .prose import _RELATIVE, MAX_TITLE_WORDS, _clause, _clean, sentences

MAX_FOUND = 4
MAX_ARGUING = 3  # sentences after the one that puts the alternative forward

_WHICH = (
    r"(?:(?:possible|obvious|simpler|simple|viable|potential|different|alternative|other|"
    r"further|natural|third|second|main|only|primary|most)\s+){0,2}"
)
_VERB = (
    r"(?:would|could|might|may)\s+(?:have\s+been|be)|is|was|will\s+be|would\s+involve|"
    r"(?:would|could)\s+consist\s+(?:of|in)"
)
_ANOTHER = re.compile(
    r"^(?:(?:but|and|or|also|still|of\s+course),?\s+)?"
    rf"(?:(?:an?|the)\s+{_WHICH}alternative(?:\s+(?:approach|solution|option|design|way))?|"
    rf"another\s+{_WHICH}(?:option|alternative|approach|possibility|solution|idea|way|"
    r"design|strategy))"
    r"(?:\s+(?:here|to\s+(?:this|that|it|these)(?:\s+(?:decision|design|proposal|approach|"
    r"choice))?|(?:(?:we|I)\s+)?(?:considered|looked\s+at|explored|evaluated|discussed)))?,?\s+"
    rf"(?:{_VERB})\s+(?:to\s+|that\s+)?(?P<x>.+)$",
    re.IGNORECASE,
)
_ALTERNATIVELY = re.compile(
    r"^(?:alternatively|as\s+an\s+alternative),?\s+"
    r"(?P<who>we|one|I)\s+(?:could|can|might|may)\s+"
    r"(?:also\s+)?(?:consider\s+(?:to\s+)?|choose\s+to\s+)?(?P<x>.+)$",
    re.IGNORECASE,
)
# A sentence after it that argues about it: "However this would ...", "This is ...", "But"
_ARGUING = re.compile(
    r"^(?:however|but|unfortunately|sadly|although|though|on\s+the\s+other\s+hand|"
    r"(?:this|that|it|such\s+an?\s+\w+)\s+(?:would|will|could|might|is|was|has|had|adds|"
    r"requires|needs|makes|means|leads|does|did|can)|the\s+(?:downside|drawback|problem|"
    r"issue|advantage|benefit|cost|risk)s?|"
    r"the\s+(?:solution|approach|option|alternative|idea)\s+(?:would|will|could|is|was|has|"
    r"lacks|requires|needs|adds|makes|means))\b",
    re.IGNORECASE,
)
_NOT_A_COURSE = re.compile(
    r"^(?:it|this|that|there|here|not|no|none|nothing|possible|needed|required|available|"
    r"used|the\s+same|similar|as\s+follows|below|above|be|been|being|"
    # passive: "An alternative approach is suggested by X in #3639", described elsewhere
    r"suggested|described|proposed|outlined|discussed|mentioned|shown|given|presented|"
    r"listed|covered|explained|documented|considered|imagine|think)\b",
    re.IGNORECASE,
)
_FOLLOWS = re.compile(r"\s+(?:as\s+follows|like\s+(?:this|so)|as\s+shown\s+below|below)$", re.I)


def put_forward(sentence: str) -> str:
    """The name of the alternative ``sentence`` puts forward, or ""."""
    text = " ".join(sentence.split())
    m = _ANOTHER.match(text) or _ALTERNATIVELY.match(text)
    if m is None:
        return ""
    said = re.sub(r"\s*:\s*$", "", m.group("x"))
    name = _FOLLOWS.sub("", _clean(_clause(said)).replace("`", ""))
    if len(name.split()) > MAX_TITLE_WORDS:
        name = _RELATIVE.split(name, maxsplit=1)[0]
    if len(name.split()) > MAX_TITLE_WORDS:  # "X should only Y, and Z should ...": the first
        name = re.split(r",\s", name, maxsplit=1)[0]
    if not name or len(name.split()) > MAX_TITLE_WORDS or len(name.split()) < 2:
        return ""
    return "" if _NOT_A_COURSE.match(name) else name


_BUT = re.compile(r"(?:,\s*|\s)(?:but|however|although|though)\b,?\s*(?P<why>.+)$", re.I)


def _but(sentence: str) -> str:
    """The part of the sentence that turns against the alternative (", but this is ...")."""
    m = _BUT.search(sentence)
    return m.group("why").strip() if m else ""


def put_forward_options(doc: Document) -> list[Opt]:
    """The alternatives put forward in sentences of ``doc``'s prose, each not taken.
    Uncertain. Only in a record that states a decision or a design."""
    keys = [s.key for s in doc.sections()]
    if not any(roles.is_decision(k) or k in roles.DESIGN for k in keys):
        return []
    if any(roles.is_pros_cons(k) for k in keys):
        return []  # its pros and cons sections name the options it weighs
    out: list[Opt] = []
    seen: set[str] = set()
    for line, text in prose_of(doc):
        said = sentences(text)
        for n, sentence in enumerate(said):
            name = put_forward(sentence)
            if not name or name.lower() in seen:
                continue
            seen.add(name.lower())
            arguing = [sentence]
            for after in said[n + 1 : n + 1 + MAX_ARGUING]:
                if not _ARGUING.match(after) or put_forward(after):
                    break
                arguing.append(after)
            opt = Opt(name, line, None, [name], uncertain=True)
            opt.describe(" ".join(arguing), line)
            opt.rejected = True
            why = " ".join(arguing[1:]) or _but(sentence)
            if why:  # what the record says against it
                opt.reason, opt.reason_line = why, line
            out.append(opt)
            if len(out) >= MAX_FOUND:
                return out
    return out
