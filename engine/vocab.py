"""The words decaudit is built from: severities, families, exit codes, output and input formats.

Every other module (the CLI included) takes these names from here. This module imports
nothing beyond the standard library, so ``decaudit --help`` and the option choices cost
nothing at start-up.

**Registries.** :data:`OUTPUT_FORMATS` maps an output format name to its module under
``decaudit.engine.report`` (a module with ``render(result, options) -> str``);
:data:`RECORD_LOADERS` (and :data:`BINARY_RECORD_LOADERS`, for formats read from bytes) map a
file extension to the ``module:function`` under ``decaudit.engine.records`` that reads it.
Adding a format is adding its module and one line here: the CLI's choices, the config
file's accepted values, the folder walk and the docs all follow.
"""

from __future__ import annotations

from collections.abc import Mapping

# Severities, least severe first (their rank is their index).
SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")
SEVERITY_RANK: Mapping[str, int] = {name: i for i, name in enumerate(SEVERITIES)}
# Most severe first: how choices, summaries and tables list them.
SEVERITIES_DESC: tuple[str, ...] = tuple(reversed(SEVERITIES))
# ``--fail-on``: a severity, or never fail.
FAIL_ON_CHOICES: tuple[str, ...] = (*SEVERITIES, "never")

# How often a rule's findings are right (SARIF's ``precision``), most first.
PRECISIONS: tuple[str, ...] = ("very-high", "high", "medium", "low")

# Rule families.
FAMILIES: tuple[str, ...] = ("incremental", "alternatives", "benefits", "governance", "hygiene")

# Exit codes of every command.
EXIT_OK = 0  # nothing at or above --fail-on; the log is intact
EXIT_FINDINGS = 1  # findings at or above --fail-on; verify: the log is not intact
EXIT_ERROR = 2  # usage, config, rule, input or I/O error

# Output formats of ``check``: name -> module under decaudit.engine.report.
OUTPUT_FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "markdown": "markdown",
    "brief": "brief",
    "gitlab": "gitlab",
}

# Formats of the commands that query the log (runs, findings, history, diff, waive --list).
QUERY_FORMATS: tuple[str, ...] = ("table", "json", "csv")

# Input formats: file extension -> "module:function" under decaudit.engine.records.
# The function takes (path, text) and yields SourceRecord or InputError values.
RECORD_LOADERS: dict[str, str] = {
    ".yaml": "structured:load_yaml",
    ".yml": "structured:load_yaml",
    ".json": "structured:load_json",
    ".jsonl": "structured:load_jsonl",
    ".ndjson": "structured:load_jsonl",
    ".md": "formats:load_markdown",  # a business case, else an ADR (MADR, Nygard)
    ".markdown": "formats:load_markdown",
    ".mdx": "formats:load_mdx",  # Markdown with JSX: read as its Markdown
    ".rst": "formats:load_rst",  # reStructuredText (a PEP, a DEP): a business case, else an ADR
    ".csv": "csvregister:load_csv",
}
# Binary input formats: file extension -> "module:function" taking (path, bytes, options), the
# options a ReadOptions (decaudit.engine.records.formats: the worksheet of a workbook...).
BINARY_RECORD_LOADERS: dict[str, str] = {
    ".docx": "formats:load_docx",  # a Word business case, else an ADR
    ".xlsx": "xlsxregister:load_xlsx",  # an Excel decision register
}
# Document formats people write decisions in that decaudit does not read: a folder walk
# reports such a file as skipped, with this name, rather than pass it by in silence.
UNREAD_DOCUMENT_FORMATS: Mapping[str, str] = {
    ".adoc": "AsciiDoc",
    ".asciidoc": "AsciiDoc",
    ".org": "Org",
    ".odt": "OpenDocument text",
    ".doc": "Word 97-2003 (.doc)",
    ".rtf": "Rich Text",
    ".pdf": "PDF",
}
# The extensions a folder walk reads by default (``extensions`` in the config file);
# ``.ndjson`` is read when named, not picked up from folders.
RECORD_EXTENSIONS: tuple[str, ...] = (
    *(e for e in RECORD_LOADERS if e != ".ndjson"),
    *BINARY_RECORD_LOADERS,
)

# The default audit log file name (beside the config file when there is one).
DEFAULT_DB = "decaudit.db"

# Words that say nothing about which option a text means, left out wherever option titles
# and references are compared word by word: function words and the option words themselves
# (FUNCTION_WORDS), and the verbs people put before an option's name ("adopt X", "build Y").
# Which option an outcome names and whether a text names an option use STOP_WORDS; the ADR
# reader's near-title match keeps the verbs ("Add a new divider" for "Add a divider ...").
FUNCTION_WORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "for",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "as",
        "from",
        "with",
        "we",
        "our",
        "it",
        "is",
        "be",
        "will",
        "this",
        "that",
        "use",
        "using",
        "option",
        "options",
        "alternative",
        "approach",
        "solution",
    ]
)
ACTION_WORDS: frozenset[str] = frozenset(
    [
        "go",
        "adopt",
        "choose",
        "chosen",
        "keep",
        "stay",
        "switch",
        "migrate",
        "move",
        "introduce",
        "add",
        "build",
        "buy",
        "implement",
        "create",
        "make",
        "continue",
    ]
)
STOP_WORDS: frozenset[str] = FUNCTION_WORDS | ACTION_WORDS
