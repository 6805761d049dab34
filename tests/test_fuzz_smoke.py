"""The fuzz harness (bench/fuzz.py) on a couple of hundred inputs: nothing crashes, nothing is lost."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("crosswire_bench_fuzz", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def outcomes(fuzz):
    inputs, outcomes = fuzz.fuzz(200, seed=0, workers=1, timeout=20.0)
    assert len(inputs) == len(outcomes) == 200
    return list(zip(inputs, outcomes))


def test_fuzz_smoke_draws_every_kind_of_input(outcomes):
    kinds = {item.kind.split(":")[0] for item, _ in outcomes}
    assert kinds == {"mutate", "encoding", "markup", "jsonl", "feed", "warc", "edge", "random"}


def test_fuzz_smoke_nothing_crashes(outcomes):
    crashes = [f"{item.kind} {item.name}: {o.crash[1]} at {o.crash[2]}" for item, o in outcomes if o.crash]
    assert crashes == []


def test_fuzz_smoke_every_input_ends_as_documents_or_rejections(fuzz, outcomes):
    problems = [f"{item.kind} {item.name}: {p}" for item, o in outcomes for p in o.problems]
    assert problems == []
    assert fuzz.balanced([o for _, o in outcomes])
    assert sum(o.docs for _, o in outcomes) > 0 and sum(len(o.rejections) for _, o in outcomes) > 0


def test_fuzz_same_seed_draws_the_same_inputs(fuzz):
    first, again = fuzz.generate(30, seed=3), fuzz.generate(30, seed=3)
    assert [(i.kind, i.name, i.data) for i in first] == [(i.kind, i.name, i.data) for i in again]
