"""Input discovery and loaders: every input format mapped onto the record model.

``iter_sources`` walks paths (files, folders, ``-`` for stdin) and yields a
:class:`~decaudit.engine.types.SourceRecord` per record or an
:class:`~decaudit.engine.types.InputError` per problem; ``load_file`` reads one file's bytes.
"""

from __future__ import annotations

from .guards import DEFAULT_MAX_BYTES
from .sources import iter_sources, load_file

__all__ = ["DEFAULT_MAX_BYTES", "iter_sources", "load_file"]
