"""Extractors from parsed Docs to typed records: mentions, entities."""
