"""decaudit.engine.report."""
