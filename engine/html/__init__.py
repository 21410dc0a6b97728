"""The HTML governance report."""
