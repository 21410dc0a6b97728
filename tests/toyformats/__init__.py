"""Toy formats registered by tests/test_registries.py: one module each, nothing else."""
