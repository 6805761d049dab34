"""Process memory housekeeping between the stages of a run (no heavy imports: re-runs use it too)."""

from __future__ import annotations


def release_memory() -> None:
    """Collect garbage and return freed heap pages to the system (glibc's ``malloc_trim``).

    A chunk's spaCy Docs are freed once it is written, but glibc keeps the freed pages, so the
    process's size would only ever grow with the largest chunk and the pieces between; trimmed,
    the next chunk and the story pass start from what is really in use.
    """
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc (macOS, musl): nothing to trim
