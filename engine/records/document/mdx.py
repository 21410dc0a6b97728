"""MDX (Markdown with JSX) as plain Markdown, line for line.

An ``.mdx`` decision record is Markdown with ES module lines (``import``/``export``), JSX
elements (``<AdrTable frontMatter={frontMatter} />``, ``<Tabs>`` ... ``</Tabs>``),
expression comments (``{/* note */}``) and Docusaurus admonition fences (``:::note``).
:func:`mdx_to_markdown` blanks those lines (keeping the line count, so every line a
finding cites is the line of the ``.mdx`` file) and keeps the Markdown between them: the text
inside ``<Tabs>`` or an admonition is read like any other. Code fences are left as written.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ESM = re.compile(
    r"^(?:import\s+(?:[\w*{].*\bfrom\s*['\"]|['\"])|"
    r"export\s+(?:default|const|let|var|function|class|async|\{|\*))"
)
# A line that is only a JSX tag (opening, closing or self-closing; a component or an HTML
# element written in JSX), possibly continued over the next lines until its ">".
_TAG_START = re.compile(r"^\s*</?[A-Za-z][\w.:-]*(?=[\s/>]|$)")
_ONLY_TAGS = re.compile(r"^\s*(?:</?[A-Za-z][\w.:-]*(?:\s+[^<>]*?)?\s*/?>\s*)+$")
_EXPRESSION = re.compile(r"^\s*\{.*\}\s*$")
_ADMONITION = re.compile(r"^\s*:::\s*\w*.*$")
_COMMENT = re.compile(r"\{\s*/\*.*?\*/\s*\}")  # {/* an MDX comment */} inside a line
MAX_TAG_LINES = 50  # a tag's attributes over more lines than this are not one tag


def mdx_to_markdown(text: str) -> str:
    """The Markdown of an MDX document, with as many lines: module lines, JSX-only lines,
    expression lines and admonition fences blank."""
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    n = 0
    in_front = bool(lines) and lines[0].strip() == "---"
    while n < len(lines):
        line = lines[n]
        if in_front:  # front matter is YAML: kept as written
            out.append(line)
            in_front = n == 0 or line.strip() not in ("---", "...")
            n += 1
            continue
        if fence is not None:
            out.append(line)
            m = _FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            n += 1
            continue
        if m := _FENCE.match(line):
            fence = m.group(1)
            out.append(line)
            n += 1
            continue
        taken = _mdx_lines(lines, n)
        if taken:
            out.extend([""] * taken)
            n += taken
            continue
        out.append(_COMMENT.sub("", line))
        n += 1
    return "\n".join(out)


def _mdx_lines(lines: list[str], n: int) -> int:
    """How many lines from ``n`` are MDX rather than Markdown (0: none)."""
    line = lines[n]
    if _ESM.match(line):
        return _statement(lines, n)
    if _EXPRESSION.match(line) or _ADMONITION.match(line):
        return 1
    if _ONLY_TAGS.match(line):
        return 1
    if _TAG_START.match(line) and ">" not in line:  # attributes over several lines
        for k in range(n + 1, min(len(lines), n + MAX_TAG_LINES)):
            if not lines[k].strip():
                return 0  # a blank line first: Markdown, not a tag
            if ">" in lines[k]:
                return k - n + 1 if lines[k].rstrip().endswith(">") else 0
    return 0


def _statement(lines: list[str], n: int) -> int:
    """The lines of an ``import``/``export`` statement from ``n``: up to a blank line or until
    its braces and brackets close."""
    depth = 0
    for k in range(n, len(lines)):
        if not lines[k].strip():
            return max(k - n, 1)
        depth += sum(lines[k].count(c) for c in "({[") - sum(lines[k].count(c) for c in ")}]")
        if depth <= 0:
            return k - n + 1
    return len(lines) - n
