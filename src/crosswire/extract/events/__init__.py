"""Events: who did what to whom, where, when and with how many dead, read from a parsed Doc.

``core`` finds them (one per trigger cluster per sentence); the other modules each read one
part: ``triggers`` and ``ontology`` (what kind of event, PLOVER and ACLED), ``actors``,
``arguments`` and ``parties`` (who did it to whom), ``places`` and ``dates`` (where and
when), ``fatalities``, ``victims`` and ``counts`` (how many died), ``modality`` (whether it
is told as having happened), ``context`` and ``merge`` (how sentences of one episode join),
``disasters`` (what is not a conflict event).
"""


__all__ = ["find_events"]


def __getattr__(name: str) -> object:
    # Lazy: importing a light module of this package (countries, ontology) must not load
    # spaCy with ``core``; read-only commands need the tables, not the parser.
    if name in __all__:
        from . import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
