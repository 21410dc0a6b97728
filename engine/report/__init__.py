"""Output formats of ``check``: one module per format, each a pure ``render`` function.

Every format module exposes::

    def render(result: CheckResult, options: ReportOptions) -> str

``render`` depends only on its arguments: the clock and the run id come from the
:class:`~decaudit.engine.types.CheckResult`, never from the environment. (The one exception
is SARIF, which reads a flagged line from the source file, when readable, to give the
region its ``endColumn``.)

Adding a format is adding one module and one line in
:data:`decaudit.engine.vocab.OUTPUT_FORMATS` (:data:`FORMATS` here). Modules are imported
lazily by :func:`get_renderer`, so ``decaudit --help`` never pays for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..vocab import OUTPUT_FORMATS

if TYPE_CHECKING:
    from ..types import CheckResult

# format name -> module under decaudit.engine.report (or a full module path): the registry
# lives in the dependency-free vocabulary, so the CLI lists formats without importing this.
FORMATS: dict[str, str] = OUTPUT_FORMATS


def needs_records(name: str) -> bool:
    """Whether format ``name`` renders the audited records themselves, not only the findings
    (its module sets ``NEEDS_RECORDS = True``): ``check`` then keeps them."""
    module_name = FORMATS.get(name)
    if module_name is None:
        return False
    path = module_name if "." in module_name else f"{__name__}.{module_name}"
    return bool(getattr(importlib.import_module(path), "NEEDS_RECORDS", False))


# GitHub shows at most 10 annotations of each level per step.
GITHUB_ANNOTATIONS_PER_LEVEL = 10
# GitHub refuses a job summary ($GITHUB_STEP_SUMMARY) over 1 MiB; keep a margin.
MARKDOWN_MAX_BYTES = 1_000_000
# GitHub code scanning accepts at most 25,000 results per SARIF run.
SARIF_MAX_RESULTS = 25_000


@dataclass(frozen=True)
class ReportOptions:
    """How to render. The defaults suit a file written in CI.

    - ``color``: colour the text format by severity (ANSI, via click.style); the CLI turns
      it on for a TTY.
    - ``sarif_include_waived``: emit waived findings in SARIF as results with an external
      ``suppressions`` entry (GitHub then shows them as dismissed) instead of leaving them out.
    - ``base_dir``: the folder SARIF artifact URIs are relative to (``%SRCROOT%``, normally the
      repository root). Relative file names are used as given; absolute ones under
      ``base_dir`` are made relative to it, others become ``file://`` URIs.
    - ``max_annotations``: GitHub annotations emitted per level (error, warning, notice); the
      rest are counted in a final notice. 0 or less means no cap.
    - ``markdown_max_bytes``: the markdown report is truncated, with a note, to stay under
      this size (GitHub's step summary limit is 1 MiB).
    - ``show_waived``: list waived findings in the text and markdown formats.
    - ``quiet``: the text format prints only its summary line (other formats are complete
      documents and ignore it).
    - ``sarif_category``: SARIF ``automationDetails.id`` (GitHub keeps the alerts of each
      category apart); ``None``: ``decaudit/check/``.
    - ``sarif_max_results``: results per SARIF run (GitHub takes at most 25,000); the most
      severe are kept and a run-level notification counts the rest. 0 or less: no cap.
    """

    color: bool = False
    sarif_include_waived: bool = False
    base_dir: str = "."
    max_annotations: int = GITHUB_ANNOTATIONS_PER_LEVEL
    markdown_max_bytes: int = MARKDOWN_MAX_BYTES
    show_waived: bool = True
    quiet: bool = False
    sarif_category: str | None = None
    sarif_max_results: int = SARIF_MAX_RESULTS


Renderer = Callable[["CheckResult", ReportOptions], str]


def get_renderer(name: str) -> Renderer:
    """The ``render`` function of format ``name``; :class:`ConfigError` for an unknown name."""
    module_name = FORMATS.get(name)
    if module_name is None:
        known = ", ".join(FORMATS)
        raise ConfigError(f"unknown output format {name!r} (known: {known})")
    path = module_name if "." in module_name else f"{__name__}.{module_name}"
    module = importlib.import_module(path)
    render: Renderer = module.render
    return render


def render(name: str, result: CheckResult, options: ReportOptions | None = None) -> str:
    """Render ``result`` in format ``name`` (a convenience over :func:`get_renderer`)."""
    return get_renderer(name)(result, options or ReportOptions())


__all__ = [
    "FORMATS",
    "GITHUB_ANNOTATIONS_PER_LEVEL",
    "MARKDOWN_MAX_BYTES",
    "Renderer",
    "ReportOptions",
    "get_renderer",
    "needs_records",
    "render",
]
