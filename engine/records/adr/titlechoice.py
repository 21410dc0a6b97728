"""The choice a record's title names: a record titled by its chosen option ("JSON", "Use
Swagger for the API documentation") over a list of options that holds it, and no choice
said anywhere else. The last step of :class:`~.decide.Decide`; uncertain, as a reading of
the title alone is."""

from __future__ import annotations

import re
from typing import Any

from ..document import Section
from .choice import norm
from .content import Opt

# "Use X", "Adopt X", "Choose X", "Decision: X", "X for Y": the course named by a title
_VERB = re.compile(
    r"^(?:(?:we\s+)?(?:use|using|adopt|adopting|choose|chose|select|selected|pick|go\s+with|"
    r"switch\s+to|move\s+to)\s+|decision\s*:\s*)",
    re.IGNORECASE,
)


class TitledChoice:
    """The step of :class:`~.decide.Decide` that reads the choice from the title."""

    data: dict[str, Any]
    opts: list[Opt]

    def _choose(self, indexes: list[int], how: str, lines: list[int]) -> None:
        raise NotImplementedError

    def unsure(self, name: str) -> None:
        raise NotImplementedError

    def _by_title(self, outcome: list[Section]) -> bool:
        """Exactly one option is what the title names: it is chosen."""
        title = str(self.data.get("title") or "")
        said = {norm(title), norm(_VERB.sub("", title))} - {""}
        hits = [i for i, o in enumerate(self.opts) if not o.rejected and norm(o.title) in said]
        if len(hits) != 1 or len(self.opts) < 2:
            return False
        self._choose(hits, "the record's title", [self.opts[hits[0]].line])
        self.unsure("chosen")
        return True
