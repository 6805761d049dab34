"""Places: toponyms found in a Doc and resolved to GeoNames entries with coordinates.

``core`` resolves a document's mentions; ``mentions``, ``toponyms``, ``names`` and ``rules``
decide what is a place name; ``context``, ``focus``, ``units`` and ``subdivisions`` read the
country and region a text is about; ``gazetteer`` (with ``gazetteer_data`` and
``gazetteer_local``) is the name index, ``countries`` the country table.
"""

from .core import places_from_doc, resolve_places

__all__ = ["places_from_doc", "resolve_places"]
