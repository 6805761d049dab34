"""Entities: mentions read from Docs, resolved to one canonical name across spellings.

``core`` resolves mentions into Entity records; ``names`` holds the name keys and similarity
tests, ``aliases`` the shipped alias table, ``linking`` the links between a document's mentions.
"""


__all__ = ["mentions_from_doc", "resolve_entities"]


def __getattr__(name: str) -> object:
    # Lazy: the alias table and name keys are read without loading spaCy with ``core``.
    if name in __all__:
        from . import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
