"""Writes and checks for innovation records: validation, saving, revisions, import and export."""
