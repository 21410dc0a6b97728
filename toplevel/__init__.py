"""decaudit: audit decision records with declarative rules into a tamper-evident log.

The library is :mod:`decaudit.engine`, the command line :mod:`decaudit.cli`, the built-in
rule pack :mod:`decaudit.rules`. ``python -m decaudit`` runs the command line.
"""
