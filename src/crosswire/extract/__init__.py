"""Extractors from parsed Docs to typed records, one subpackage per record they produce:
``entities``, ``events``, ``places`` and ``claims``; ``dates`` resolves date expressions
for all of them."""
