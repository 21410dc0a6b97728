"""Configuration: defaults, a config file, ``DECAUDIT_*`` environment variables and flags.

Precedence, highest first: command-line flags, environment variables, the config file,
the defaults.

**The file.** ``.decaudit.toml`` (top-level keys) or ``pyproject.toml`` (keys under
``[tool.decaudit]``), found by walking up from the working directory: the nearest folder
that has one wins; when one folder has both, ``.decaudit.toml`` wins; a ``pyproject.toml``
without a ``[tool.decaudit]`` table is passed over. ``--config FILE`` (or ``DECAUDIT_CONFIG``)
names the file explicitly and turns discovery off. Keys may be spelled with ``_`` or ``-``.
Relative paths in a file (``db``, ``baseline``, ``rules``, ``paths``) are relative to the
folder of that file; from the environment or flags, to the working directory.

**Keys** (see :data:`KEYS`): ``paths``, ``db``, ``fail_on``, ``min_severity``, ``select``,
``ignore``, ``rules``, ``format``, ``baseline``, ``max_file_size``, ``today``,
``extensions``, ``exclude``, ``severity`` (table: rule id -> severity), ``params`` (table:
rule id -> table of parameter -> value), ``history.min_decisions`` and ``log``. The secret
``DECAUDIT_LOG_KEY`` (the HMAC key of checkpoints) is read from the environment only and is
never displayed nor part of the digest.

An unknown key, a wrong type or a bad value is a :class:`ConfigError` naming the file, the
line when it can be found, and the key (with a "did you mean" suggestion for typos).

The package: ``values`` (value parsers), ``keys`` (the settings), ``model`` (:class:`Config`),
``files`` (discovery and reading), ``load`` (defaults, file, environment).
"""

from __future__ import annotations

from .files import CONFIG_FILE, PYPROJECT, find_config_file
from .keys import FILE_KEYS, KEY_BY_NAME, KEYS, SECRET_KEYS, Key
from .load import load_config
from .model import Config, excluded, selected
from .values import DEFAULT_EXTENSIONS, DEFAULT_MAX_FILE_SIZE, FAIL_ON_CHOICES, SIZE_UNITS

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_EXTENSIONS",
    "DEFAULT_MAX_FILE_SIZE",
    "FAIL_ON_CHOICES",
    "FILE_KEYS",
    "KEYS",
    "KEY_BY_NAME",
    "PYPROJECT",
    "SECRET_KEYS",
    "SIZE_UNITS",
    "Config",
    "Key",
    "excluded",
    "find_config_file",
    "load_config",
    "selected",
]
