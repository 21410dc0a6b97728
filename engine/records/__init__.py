"""decaudit.engine.records."""
