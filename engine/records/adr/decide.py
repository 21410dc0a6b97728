"""Which option an ADR chose, by the first recognition that applies (docs/formats.md).

A ``Chosen option: X`` line; a marker on the option; a reference in the decision ("we go with
option 1"); the one option set in bold or named in the decision's prose (uncertain); the other
of two when the decision rejects one; and, when only rejected alternatives are listed, the
decision itself as the chosen option."""

from __future__ import annotations

import re
from typing import Any

from ...types import Loc
from ..document import Document, Paragraph, Section
from . import sections as roles
from .choice import (
    CHOSEN_LINE,
    ONE_ABOVE,
    PLACEHOLDER,
    TEMPLATE_TITLE,
    WEIGHS,
    chosen_in_line,
    labelled_aside,
    named_by_label_line,
    named_in,
    names_an_example,
    points_above,
    referenced,
    rejected_in,
)
from .chosenline import CHOOSING as _CHOOSING
from .chosenline import are_options, listed_choices, next_line_reason, quoted, verdict_points
from .chosentitle import join_quoted, join_wrapped, parse_chosen
from .content import Opt
from .drawbacks import add_points
from .enumerated import adopted_course
from .groupanswers import group_answers
from .keepremove import undoes_keeping as undoes
from .labelled_outcome import as_chosen, labelled_decisions
from .naming import by_own_word, defined_names, restated_in, term_choice
from .objects import chosen_by_object
from .outcome import rest_of_outcome
from .preference import mark_preferred
from .reversal import turned_round
from .sectiontext import own_text, subheadings
from .sectiontext import texts as _texts
from .sectiontext import texts_with_follow as _texts_with_follow
from .titlechoice import TitledChoice

# A decision section that says the decision is still to come: no option is chosen.
_OPEN = re.compile(
    r"^\W*(?:wip|tbd|tbc|todo|pending|open|undecided|not\s+(?:yet\s+)?decided|"
    r"to\s+be\s+(?:decided|determined|confirmed)|work\s+in\s+progress)\W*$",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"(?:^|[,;:(]\s*)(?P<x>[^,;:()]{1,80}?)\s+(?:was|is|has\s+been)\s+$")
_TURN = re.compile(r",?\s+(?:although|though|but|while|whereas|even\s+though|however)\b", re.I)


class Decide(TitledChoice):
    """The choice steps of :class:`~.build.Builder` (which supplies these attributes)."""

    doc: Document
    data: dict[str, Any]
    lines: dict[Loc, int]
    opts: list[Opt]

    def put(self, key: str, value: Any, line: int) -> None:
        raise NotImplementedError

    def choice(self) -> None:
        """The chosen option, by the first recognition that applies (docs/formats.md)."""
        outcome = roles.ordered(self.doc, roles.is_decision) or labelled_decisions(self.doc)
        outcome = [as_chosen(s) for s in outcome]  # "## Decision outcome: X" names X
        for sec in outcome + [s for s in self.doc.sections() if s not in outcome]:
            if self._chosen_line(sec):
                return
        turned = turned_round(self.doc, self.opts, str(self.data.get("title", "")))
        if turned is not None:  # "Replace X with Y" over a decision that moves from Y to X
            self.opts[:] = turned
        mark_preferred(self.doc, self.opts)  # "#### Preference: X" under a group
        marked = [i for i, o in enumerate(self.opts) if o.marked]
        if marked:
            how = next((o.chosen_by for o in self.opts if o.marked and o.chosen_by), "")
            lines = [self.opts[i].marked_line for i in marked]
            self._choose(marked, how or "marker on the option", lines)
            if how:
                self.unsure("chosen")
        designs = roles.designs(self.doc)
        text_secs = outcome or designs
        if not any(map(own_text, text_secs)) and roles.options_sections(self.doc):
            # an RFC with no design part (or one of code only): its summary says what it
            # proposes, against its alternatives ("# Summary" ... "# Alternatives Considered")
            text_secs = roles.ordered(self.doc, lambda k: k in ("summary", "abstract")) or text_secs
        if not outcome:  # "## Rationale: we have chosen X because": where the choice is said
            outcome = text_secs or roles.ordered(self.doc, lambda k: k in roles.RATIONALE)
        if text_secs:  # the first written: not a template's "Proposal" left empty
            sec = next((t for t in [*text_secs, *designs] if own_text(t)), text_secs[0])
            said = own_text(sec)  # else the reasons a section of their own gives
            why = None if said else roles.first(self.doc, roles.is_rationale)
            self.put("rationale", said or (why and why.text()) or None, (why or sec).line)
            self.data["x_decision_stated"] = bool(own_text(sec))
        if marked or not self.opts:
            return
        steps = (
            self._by_label_line,
            self._by_group_decisions,
            self._by_group_sections,
            self._by_reference,
            self._by_above,
            self._by_object,
            self._by_bold,
            self._by_prose,
            self._by_rejecting_one,
            self._by_example,
            self._by_short_outcome,
            self._by_term,
            self._by_title,
        )
        rejected_all = all(o.rejected for o in self.opts)  # none of them can be the choice
        if not rejected_all and any(step(outcome) for step in steps):
            return
        if (
            text_secs
            and self.data.get("x_decision_stated")
            and self._alternatives_only()
            and not _OPEN.match(own_text(text_secs[0]))
        ):
            self._decision_as_option(text_secs[0])

    def _by_label_line(self, outcome: list[Section]) -> bool:
        """ "Decision: option 2", "**Outcome:** B", "Selected: Redis", "We chose B": a line of
        the decision that starts by naming one listed option as a whole."""
        own = {o.line for o in self.opts}  # an options list inside the decision names them all
        for sec in outcome:
            texts = [(ln, text) for ln, text in _texts(sec) or subheadings(sec) if ln not in own]
            named = [(named_by_label_line(text, self.opts), line) for line, text in texts]
            found = [(i, line) for i, line in named if i is not None]
            if len({i for i, _ in found}) > 1:
                return False  # "Option 1: ... Option 2: ...": the options again, no choice
            if found:
                self._choose([found[0][0]], "decision line naming the option", [found[0][1]])
                return True
        return False

    def _by_group_decisions(self, outcome: list[Section]) -> bool:
        """Two or more option groups, each followed by its own decision section: in each,
        the option that section refers to ("we propose Option 1")."""
        groups: dict[str, list[int]] = {}
        for i, opt in enumerate(self.opts):
            if opt.group is None:
                return False
            groups.setdefault(opt.group, []).append(i)
        if len(groups) < 2:
            return False
        decisions = [s for s in self.doc.sections() if roles.is_decision(s.key)]
        chosen: list[int] = []
        lines: list[int] = []
        for members in groups.values():
            last = max(self.opts[i].line for i in members)
            sec = next((s for s in decisions if s.line > last), None)
            if sec is None:
                continue
            for line, text in _texts(sec):
                found = referenced(text, [self.opts[i] for i in members])
                if found:
                    chosen.extend(members[j] for j in found)
                    lines.extend([line] * len(found))
                    break
        if not chosen:
            return False
        self._choose(chosen, "reference in each group's decision", lines)
        return True

    def _by_group_sections(self, outcome: list[Section]) -> bool:
        """Each group answered by its decision subsection or bullet (groupanswers.py)."""
        chosen, lines, how = group_answers(outcome, self.opts)
        if chosen:
            self._choose(chosen, how, lines)
            self.unsure("chosen")
        return bool(chosen)

    def _by_reference(self, outcome: list[Section]) -> bool:
        """ "We go with option 1", "(#2)", "option B was selected"."""
        for sec in outcome:
            for para_line, text in _texts(sec):
                found = referenced(text, self.opts)
                if found:
                    self._choose(found, "reference in the decision", [para_line] * len(found))
                    return True
        return False

    def _by_above(self, outcome: list[Section]) -> bool:
        """ "We adopt the approach above": the only option described before the sentence, or
        the last of several (then uncertain). Rejected alternatives are not candidates."""
        for sec in outcome:
            for line, text in _texts(sec):
                above = points_above(text)
                if not above:
                    continue
                before = [i for i, o in enumerate(self.opts) if o.line < line and not o.rejected]
                if not before or (len(before) > 1 and above != ONE_ABOVE):
                    return False  # "this design as described above": the whole record
                last = max(before, key=lambda i: self.opts[i].line)
                self._choose([last], "reference to the proposal above", [line])
                if len(before) > 1:
                    self.unsure("chosen")
                return True
        return False

    def _by_object(self, outcome: list[Section]) -> bool:
        """ "A decision was made to use X", "We decided on using X because ... Y": the one
        option the deciding verbs' objects name (:mod:`.objects`)."""
        if self._alternatives_only() or self.data.get("x_options_in_text"):
            return False  # the decision is its own option; or options cut from sentences
        own = {o.line for o in self.opts}
        for sec in outcome:
            texts = [(n, t) for n, t in _texts(sec) if n not in own and not WEIGHS.match(t)]
            found = chosen_by_object(texts, self.opts)
            if found is not None and not self.opts[found[0]].rejected:
                self._choose([found[0]], "named by the deciding verb in the decision", [found[1]])
                return True
        return False

    def _by_bold(self, outcome: list[Section]) -> bool:
        """The one option set in bold in the decision (or in its choosing sentence)."""
        for sec in outcome:
            for para in sec.paragraphs():
                bold = {i for mark in para.marks for i in named_in(mark, self.opts)}
                if len(bold) > 1:
                    bold = self._bold_in_choosing_sentence(para)
                if len(bold) == 1:
                    self._choose(list(bold), "named in bold in the decision", [para.line])
                    self.unsure("chosen")
                    return True
        return False

    def _bold_in_choosing_sentence(self, para: Paragraph) -> set[int]:
        for sentence in re.split(r"(?<=[.!?;])\s+", para.text):
            if _CHOOSING.search(sentence):
                return {
                    i for mark in para.marks if mark in sentence for i in named_in(mark, self.opts)
                }
        return set()

    def _by_prose(self, outcome: list[Section]) -> bool:
        """The decision's prose names exactly one option (several: stated, but not clear)."""
        listed = {o.line for o in self.opts if o.aside}  # a list of candidates names them all
        for sec in outcome:
            texts = [
                (line, text)
                for line, text in _texts(sec)
                if line not in listed and not WEIGHS.match(text)
            ]
            loose = not self._alternatives_only()  # else the decision is its own option
            named = [
                (line, named_in(text, self.opts) or (restated_in(text, self.opts) if loose else []))
                for line, text in texts
            ]
            found = sorted({i for _, hits in named for i in hits})
            if len(found) > 1:  # several named: the one the choosing sentence names
                joined = " ".join(t for _, t in texts)
                several = self._each_choosing_sentence(texts)
                found = self._in_choosing_sentence(joined) or found
                if several:  # "We choose X for the front end. We choose Y for the back end."
                    self._choose(several, "named in the decision prose", [sec.line] * len(several))
                    self.unsure("chosen")
                    return True
            if len(found) == 1:
                line = next(n for n, hits in named if found[0] in hits)
                self._choose(found, "named in the decision prose", [line])
                if found[0] not in labelled_aside(dict(texts)[line], self.opts):
                    self.unsure("chosen")  # unless its label follows it: "X (Option 1)"
                return True
            if found:
                return True
        return False

    def _each_choosing_sentence(self, texts: list[tuple[int, str]]) -> list[int]:
        """Two or more options, each named alone by a paragraph that chooses it."""
        out: list[int] = []
        for _, text in texts:
            found = named_in(text, self.opts)
            if not found:
                continue
            if len(found) != 1 or not _CHOOSING.search(text):
                return []
            out.append(found[0])
        groups = [self.opts[i].group for i in set(out) if self.opts[i].group]
        if len(groups) != len(set(groups)):  # two rivals of one group: no clear choice
            return []
        return sorted(set(out)) if len(set(out)) >= 2 else []

    def _in_choosing_sentence(self, text: str) -> list[int]:
        """The one option the first choosing sentence names ("we decided to use X"), or none."""
        for sentence in re.split(r"(?<=[.!?;])\s+", text):
            m = _CHOOSING.search(sentence)
            if m and (passive := _PASSIVE_BEFORE.search(sentence[: m.start()])):
                found = named_in(passive.group("x"), self.opts)  # "X was selected as ..."
                return found if len(found) == 1 else []
            if m:  # from the choosing verb to where the sentence turns ("although X")
                said = _TURN.split(sentence[m.start() :])[0]
                head = said.split(": ", 1)[0]  # "... on the following factors: X is ..."
                found = named_in(head, self.opts) if head != said else []
                found = found if len(found) == 1 else named_in(said, self.opts)
                return found if len(found) == 1 else []
        return []

    def _by_rejecting_one(self, outcome: list[Section]) -> bool:
        """ "Decided against X" (or "remove X" for "Keep X") of two options: the other one;
        or the one option its own verdict does not turn down ("**Rejected** due to ...")."""
        left = [i for i, o in enumerate(self.opts) if not o.rejected]
        stated = outcome and not _OPEN.match(own_text(outcome[0])) and not self._alternatives_only()
        if stated and len(left) == 1 < len(self.opts) and self.data.get("x_decision_stated"):
            self._choose(left, "the one option not turned down", [outcome[0].line])
            self.unsure("chosen")
            return True
        if len(self.opts) != 2 or not outcome:
            return False
        text = " ".join(t for _, t in _texts(outcome[0]))
        against = [i for i, o in enumerate(self.opts) if rejected_in(text, o) or undoes(text, o)]
        if len(against) != 1:
            return False
        other = 1 - against[0]
        self._choose([other], "the other option (the decision rejects one)", [outcome[0].line])
        self.unsure("chosen")
        return True

    def _by_example(self, outcome: list[Section]) -> bool:
        """The decision names none of the options but products that some of them list as
        examples ("Password managers: LastPass, Bitwarden, ..."; decision "Bitwarden for user
        secrets"): those options (uncertain)."""
        if not outcome:
            return False
        sec = outcome[0]
        text = " ".join(t for _, t in _texts(sec))
        hits = [i for i, opt in enumerate(self.opts) if names_an_example(text, opt)]
        if not hits or len(hits) == len(self.opts):
            return False
        how = "an example the option lists, named in the decision"
        self._choose(hits, how, [sec.line] * len(hits))
        self.unsure("chosen")
        return True

    def _by_short_outcome(self, outcome: list[Section]) -> bool:
        """An outcome that opens with a few words naming one option by a word only it has
        ("Deprecate and Remove" for "Deprecate ProduceDestination"): that one (uncertain)."""
        paras = outcome[0].paragraphs() if outcome else []
        said = paras[0].text.strip().rstrip(".") if paras else ""
        if not said or len(said.split()) > MAX_SHORT_OUTCOME or "\n" in said:
            return False
        if _SUBJECT.match(said):
            return False  # "We will keep things simple": a sentence, for the deciding verb's step
        found = by_own_word(said, self.opts)  # not among alternatives the record turned down
        if found is None or self.opts[found].rejected or self._alternatives_only():
            return False
        self._choose(
            [found], "a word only that option has, in the outcome's opening words", [paras[0].line]
        )
        self.unsure("chosen")
        return True

    def _by_term(self, outcome: list[Section]) -> bool:
        """The decision names no option, but a term only one option has in its title, its
        description, or the record's definitions ("We will add a Mediator" where "a Mediator
        is an orchestrator", over orchestration and choreography): that one (uncertain)."""
        if not outcome or self._alternatives_only():
            return False  # alternatives only: the decision is its own option
        sec = outcome[0]
        context = "\n\n".join(
            s.text(deep=False)
            for s in self.doc.sections()
            if not roles.is_decision(s.key) and not roles.is_consequences(s.key)
        )
        found = term_choice(own_text(sec), self.opts, defined_names(context, self.opts))
        if found is None:
            return False
        how = "a term only that option has, named in the decision"
        self._choose([found[0]], how, [sec.line])
        self.unsure("chosen")
        return True

    def _chosen_line(self, sec: Section) -> bool:
        for line, text, follow in _texts_with_follow(sec):
            m = CHOSEN_LINE.search(text)
            if m is None or not m.group(1).strip():
                continue
            if self._says_nothing(m.group(1).strip(), line):
                return True
            said, _, more = m.group(1).strip().partition("\n")  # its first line names it
            said, more = join_quoted(said, more)  # unless its quoted title wraps
            said, more = self._wrapped(said, more)
            title, because = parse_chosen(" ".join(said.split()))
            if TEMPLATE_TITLE.match(title) and not chosen_in_line(title, self.opts):
                return True  # "Chosen option: X, because Y" explains the line: no choice
            if because is not None:  # "because ..." may go on over the next lines
                because = parse_chosen(" ".join(m.group(1).split()))[1]
            elif more.strip():
                because = next_line_reason(said, more)
            texts = [it.text for it in follow] if not are_options(follow, self.opts) else []
            if texts and (because is None or text.rstrip().endswith((":", "because"))):
                because = " ".join(x for x in (because, *texts) if x)
            if because is None:  # the reasons in the paragraphs after a bare chosen line
                because = rest_of_outcome(sec, line, self.opts) or None
            self.put("rationale", because, line)
            self.data["x_decision_stated"] = True
            found = chosen_in_line(title, self.opts) if title else []
            listed = []
            if not found and not quoted(m.group(1)) and not are_options(follow, self.opts):
                listed = listed_choices(follow, self.opts)
            if found:
                self._choose(found, "chosen option line", [line] * len(found))
                verdict_points(follow, [self.opts[i] for i in found])  # "* Good for ..."
            elif listed:  # "Chosen option: a set of engines" and the list of them after it
                self._choose(
                    [i for i, _ in listed], "chosen option line (the list after it)",
                    [n for _, n in listed],
                )  # fmt: skip
            elif title and self.opts and self._alternatives_only():  # beside rejected ones
                self._decision_as_option(sec, title, line)
                self.data["x_chosen_by"] = "chosen option line (alternatives listed as rejected)"
            elif title and (own := by_own_word(title, self.opts)) is not None:
                self._choose([own], "chosen option line (a word only that option has)", [line])
                self.unsure("chosen")  # reworded: "emptyDir for X" for "Use emptyDir volumes"
            elif title:
                self.put("chosen_option", title, line)
                self.data["x_chosen_by"] = "chosen option line (not a listed option)"
            return True
        return False

    def _says_nothing(self, said: str, line: int) -> bool:
        """The template's "[title of option 1]", or "Chosen option: TBD." (the decision is
        still open): no choice is stated."""
        if _OPEN.match(said.partition("\n")[0]):
            self.put("x_decision_open", True, line)
            return True
        return bool(PLACEHOLDER.match(said))

    def _wrapped(self, said: str, more: str) -> tuple[str, str]:
        """The chosen-option sentence with its lower-case continuation lines, when that names
        more options than its first line does (``**A** and **B for`` / ``c**.``)."""
        whole, rest = join_wrapped(said, more)
        if whole == said:
            return said, more
        first = chosen_in_line(parse_chosen(" ".join(said.split()))[0], self.opts)
        joined = chosen_in_line(parse_chosen(" ".join(whole.split()))[0], self.opts)
        return (whole, rest) if len(joined) > len(first) else (said, more)

    def _choose(self, indexes: list[int], how: str, lines: list[int]) -> None:
        for i, opt in enumerate(self.opts):
            opt.marked = i in indexes
        for i, line in zip(indexes, lines, strict=True):
            self.lines[("options", i, "chosen")] = line
        self.data["x_chosen_by"] = how

    def _alternatives_only(self) -> bool:
        if self.opts and all(o.rejected for o in self.opts):
            return True  # "### Alternative: X" headings
        if self.opts and all(o.aside and not o.group for o in self.opts):
            return True  # candidates listed outside any options section ("We considered:")
        secs = roles.options_sections(self.doc)  # not "### Technology choices" in the decision
        named = all(
            any(w in s.key for w in ("alternative", "positions")) or roles.is_rejected(s.key)
            for s in secs
        )
        spans = [s.span() for s in secs] if named else []  # and the options read there
        return any(lo <= o.line <= hi for o in self.opts for lo, hi in spans)

    def _decision_as_option(self, sec: Section, title: str = "", line: int = 0) -> None:
        """Alternatives listed, the decision stated in prose (or named by a chosen-option
        line, ``title``): the decision is the chosen option and the alternatives are the
        rejected ones. A rejected record's decision turns its proposal down: nothing is
        chosen."""
        for opt in self.opts:
            if not opt.reason and opt.description:
                opt.reason = opt.description
            opt.rejected = True
        if not title and self.data.get("status") == "rejected":
            return
        line = line or sec.line
        # its first paragraph describes it (the whole section stays the rationale): words of
        # the design's details ("merge with upstream") say nothing of the option's kind
        first = next((p for p in own_text(sec).split("\n\n") if p.strip()), "")
        record = str(self.data.get("title", "the decision"))
        named = "" if title else adopted_course(re.split(r"(?<=[.!?])\s", first)[0])
        decided = Opt(title or named or record, line, None, [record] if named else [])
        decided.describe(first[:600], sec.line)
        add_points(self.doc, sec, decided)  # an RFC's "# Drawbacks" are the design's cons
        decided.marked = True
        self.opts.append(decided)
        index = len(self.opts) - 1
        self.lines[("options", index, "chosen")] = line
        self.data["x_chosen_by"] = "the decision section (alternatives listed as rejected)"
        self.unsure("chosen")
        self.unsure(f"options[{index}]")


MAX_SHORT_OUTCOME = 6  # "Deprecate and Remove": an outcome this short names, it does not argue
_SUBJECT = re.compile(r"^(?:we|i|they|it|this|that|the\s+team|our|everyone|nobody)\b", re.I)
