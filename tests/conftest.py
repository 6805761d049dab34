"""The one conftest: shared fixtures (stores, paths to ../shared data, a loaded model)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture
def mem_store():
    """An in-memory Store, closed after the test."""
    from crosswire.store import Store

    store = Store(":memory:")
    yield store
    store.close()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repo (seeds, eval data); tests needing it skip when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    path = shared_dir / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not present")
    return path


@pytest.fixture(scope="session")
def nlp_sm():
    """The pinned spaCy model with crosswire's components (loaded once, only when asked for)."""
    from crosswire.nlp.pipeline import load_nlp

    return load_nlp()
