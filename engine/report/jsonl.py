"""The ``jsonl`` format: one JSON object per finding, one per line, and nothing else.

Each object is the finding exactly as in the ``json`` format (keys sorted), waived findings
included with ``"waived": true``. There is no summary line and no error line, so the stream
can be piped straight into ``jq`` or a loader: the CLI prints input errors on stderr.
An empty run renders as an empty string.
"""

from __future__ import annotations

import json

from ..types import CheckResult, Finding
from . import ReportOptions
from .common import finding_dict, json_default
from .writer import FormatWriter, render_with

# Characters that some line splitters treat as line ends (str.splitlines, JavaScript):
# always escaped, so one finding is one line for every reader.
_LINE_ENDS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


class Writer(FormatWriter):
    def add(self, finding: Finding, first: bool = True) -> None:
        line = json.dumps(
            finding_dict(finding),
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
            default=json_default,
        )
        self.out.write(line.translate(_LINE_ENDS) + "\n")


def render(result: CheckResult, options: ReportOptions) -> str:
    return render_with(Writer, result, options)
