"""Places: toponyms found in a Doc and resolved to GeoNames entries with coordinates.

``core`` resolves a document's mentions; ``mentions``, ``toponyms``, ``names`` and ``rules``
decide what is a place name; ``context``, ``focus``, ``units`` and ``subdivisions`` read the
country and region a text is about; ``gazetteer`` (with ``gazetteer_data`` and
``gazetteer_local``) is the name index, ``countries`` the country table.
"""


__all__ = ["places_from_doc", "resolve_places"]


def __getattr__(name: str) -> object:
    # Lazy: importing a light module of this package (countries, ontology) must not load
    # spaCy with ``core``; read-only commands need the tables, not the parser.
    if name in __all__:
        from . import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
