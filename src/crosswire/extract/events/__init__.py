"""Events: who did what to whom, where, when and with how many dead, read from a parsed Doc.

``core`` finds them (one per trigger cluster per sentence); the other modules each read one
part: ``triggers`` and ``ontology`` (what kind of event, PLOVER and ACLED), ``actors``,
``arguments`` and ``parties`` (who did it to whom), ``places`` and ``dates`` (where and
when), ``fatalities``, ``victims`` and ``counts`` (how many died), ``modality`` (whether it
is told as having happened), ``context`` and ``merge`` (how sentences of one episode join),
``disasters`` (what is not a conflict event).
"""

from .core import find_events

__all__ = ["find_events"]
