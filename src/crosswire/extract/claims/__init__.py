"""Claims: quotes and reported statements with their speaker and attribution chain.

``core`` builds Claim records; ``attributions`` finds reporting cues and what they introduce
(with ``quotes``, ``colons``, ``content``, ``embedded``, ``other_cues`` and
``attribution_types``); ``speakers`` and ``source_phrases`` read who speaks and for whom.
"""

from .core import find_claims

__all__ = ["find_claims"]
