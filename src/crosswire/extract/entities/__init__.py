"""Entities: mentions read from Docs, resolved to one canonical name across spellings.

``core`` resolves mentions into Entity records; ``names`` holds the name keys and similarity
tests, ``aliases`` the shipped alias table, ``linking`` the links between a document's mentions.
"""

from .core import mentions_from_doc, resolve_entities

__all__ = ["mentions_from_doc", "resolve_entities"]
