"""decaudit.engine.log."""
