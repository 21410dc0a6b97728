"""Files without an extension met in a folder walk (an ADR saved as ``0006-use-foo``).

A walk meets every such file: it is read as Markdown when it is UTF-8 text that looks like
a decision document (a heading, and a status, decision or context section, or status
metadata), and reported as skipped with its reason otherwise. Usual non-documents
(``LICENSE``, ``Makefile``...) are excluded by their exact name (:data:`NOT_DOCUMENTS`);
hidden files (``.gitignore``) are left out as hidden, like every hidden file.
"""

from __future__ import annotations

from .guards import GuardError, decode

# Files without an extension that are never decision documents (exact names, any case).
NOT_DOCUMENTS = frozenset(
    {
        "license",
        "licence",
        "copying",
        "copyright",
        "notice",
        "patents",
        "authors",
        "contributors",
        "maintainers",
        "owners",
        "codeowners",
        "changelog",
        "changes",
        "news",
        "history",
        "readme",
        "install",
        "todo",
        "version",
        "makefile",
        "gnumakefile",
        "dockerfile",
        "containerfile",
        "jenkinsfile",
        "vagrantfile",
        "gemfile",
        "rakefile",
        "procfile",
        "brewfile",
        "justfile",
        "pipfile",
        "podfile",
        "cname",
    }
)
NOT_TEXT = "no extension, and not UTF-8 text: not a document decaudit reads"
NOT_A_DECISION = (
    "no extension, and not a decision document (no heading with a status, decision or "
    "context section); name it .md to audit it as Markdown"
)


def excluded_by_name(name: str) -> str | None:
    """Why a file without an extension is left out by its exact name, or None."""
    if name.lower() in NOT_DOCUMENTS:
        return f"excluded by name ({name}: not a decision document)"
    return None


def as_markdown(data: bytes) -> str | None:
    """The text of a file without an extension when it is to be read as Markdown, else None
    (:func:`reason` says why)."""
    text = decode(data)
    if isinstance(text, GuardError) or not looks_like_decision(text):
        return None
    return text


def reason(data: bytes) -> str:
    """Why a file without an extension is not read."""
    return NOT_TEXT if isinstance(decode(data), GuardError) else NOT_A_DECISION


def looks_like_decision(text: str) -> bool:
    """A heading, and a status, decision or context section (or status metadata)."""
    from .adr import sections as roles
    from .document import DocumentError, parse_markdown

    try:
        doc = parse_markdown(text)
    except DocumentError:
        return False
    if not doc.sections():
        return False
    if doc.meta("status") is not None:
        return True
    return any(
        roles.is_status(s.key) or roles.is_decision(s.key) or roles.is_context(s.key)
        for s in doc.sections()
    )
