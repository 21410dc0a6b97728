"""The ``jsonl`` format: one JSON object per finding, one per line, and nothing else.

Each object is the finding exactly as in the ``json`` format (keys sorted), waived findings
included with ``"waived": true``. There is no summary line and no error line, so the stream
can be piped straight into ``jq`` or a loader: the CLI prints input errors on stderr.
An empty run renders as an empty string.
"""

from __future__ import annotations

import json

from ..types import CheckResult
from . import ReportOptions
from .common import finding_dict, json_default, sort_findings

# Characters that some line splitters treat as line ends (str.splitlines, JavaScript):
# always escaped, so one finding is one line for every reader.
_LINE_ENDS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def render(result: CheckResult, options: ReportOptions) -> str:
    return "".join(
        json.dumps(
            finding_dict(f),
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
            default=json_default,
        ).translate(_LINE_ENDS)
        + "\n"
        for f in sort_findings(result.findings)
    )
