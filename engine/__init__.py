"""decaudit's library: records, facts, rules, evaluation, the audit log and reports."""

# Kept equal to ``[project] version`` in pyproject.toml (tests/test_startup.py checks it):
# a constant, because reading the installed metadata costs about 25 ms at every start.
__version__ = "0.1.0"
