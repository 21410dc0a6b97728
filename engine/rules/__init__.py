"""decaudit.engine.rules."""
