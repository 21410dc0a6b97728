"""Loading durable_rules' C extension, with a message that says what to do when it fails.

durable_rules 2.0.28 (2020, the last release) ships as source only: pip compiles its C
extension, so a C compiler is needed. On Python 3.13 and newer the extension must be built
with ``CPPFLAGS="-DPyEval_CallObject=PyObject_CallObject"`` (the C API function it calls was
removed); a build without it installs cleanly and then fails to import. ``make install``
builds it that way.
"""

from __future__ import annotations

import sys
from types import ModuleType

from .errors import DecauditError

BUILD_DEFINE = "-DPyEval_CallObject=PyObject_CallObject"
REBUILD_COMMAND = (
    f'CPPFLAGS="{BUILD_DEFINE}" python -m pip install --force-reinstall --no-cache-dir '
    "--no-binary durable-rules durable-rules"
)


class EngineImportError(DecauditError):
    """durable_rules (or its C extension) cannot be imported."""


def engine_import_message(exc: BaseException) -> str:
    version = ".".join(map(str, sys.version_info[:2]))
    return (
        f"the rules engine cannot be loaded on Python {version}: durable_rules' C extension "
        f"failed to import ({exc}). Rebuild it in this environment (a C compiler is needed): "
        f"{REBUILD_COMMAND}"
    )


def load_engine() -> ModuleType:
    """The ``durable_rules_engine`` extension module; :class:`EngineImportError` (exit 2 in
    the CLI) when it, or durable_rules' Python side, cannot be imported."""
    try:
        import durable.engine  # noqa: F401  (the Python side, which imports the extension)
        import durable_rules_engine
    except ImportError as exc:
        raise EngineImportError(engine_import_message(exc)) from exc
    return durable_rules_engine
