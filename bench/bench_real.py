"""crosswire on real news against the floor it stands on: the bare spaCy parse, in one run.

Usage: python bench/bench_real.py [--docs 200] [--large 2000] [--long 500000] [--no-dask]

Reads the first N articles of ../shared/eval/geoparsing-news/dev (real news, many outlets;
skips cleanly when absent) and prints, from this one run on this machine:

- pipeline vs bare spaCy: the same model's ``nlp.pipe`` over the same texts, against
  crosswire's whole ``run`` (clean, parse, events, claims, stories, relations, store), both in
  this process with their models already loaded; and each stage's share of the run;
- an unchanged re-run (``crosswire run`` again on the same input, a new process, start-up
  included) against the first run;
- read commands (``docs``, ``events``, ``claims``, ``stories``, ``story``) on the seeds' store;
- peak memory (RSS, GNU time) of ``crosswire run`` on N articles and on --large articles made
  at run time by mixing sentences of the dev articles (no text is committed);
- peak memory of ``crosswire run`` on one document of --long characters (the dev articles
  joined): a book-length report is read in sections;
- ``crosswire run --dask --workers 2`` against ``crosswire run`` (both new processes).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "eval" / "geoparsing-news" / "dev" / "records.jsonl"
CLI = [sys.executable, "-m", "crosswire"]


class StageClock:
    """A run.Reporter that adds up the seconds spent in each stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.current: str | None = None
        self.since = time.perf_counter()

    def stage(self, name: str, total: int | None) -> None:
        self._stop()
        self.current = name

    def advance(self, n: int = 1) -> None:
        pass

    def _stop(self) -> None:
        now = time.perf_counter()
        if self.current is not None:
            self.seconds[self.current] = self.seconds.get(self.current, 0.0) + now - self.since
        self.since = now

    def done(self) -> dict[str, float]:
        self._stop()
        self.current = None
        return self.seconds


def _articles(n: int) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"text": r["text"], "title": r.get("title") or "", "url": r.get("url") or ""} for r in rows[:n]]


def _mixed(n: int, pool: list[dict[str, str]], seed: int = 13) -> list[dict[str, str]]:
    """``n`` articles of 15-30 sentences drawn from the real ones (a corpus of realistic size)."""
    sentences = [s for a in pool for s in re.split(r"(?<=[.!?])\s+", a["text"]) if 4 <= len(s.split()) <= 60]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = " ".join(rng.sample(sentences, rng.randint(15, 30)))
        out.append({"text": body, "title": f"Mixed report {i}", "url": f"https://mixed.example/{i}"})
    return out


def _write(rows: list[dict[str, str]], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _timed_cli(*args: str, rss: bool = False) -> tuple[float, int | None]:
    """Wall seconds of one crosswire command in a new process, and its peak RSS in KB."""
    prefix = ["/usr/bin/time", "-f", "%M"] if rss and Path("/usr/bin/time").exists() else []
    t0 = time.perf_counter()
    done = subprocess.run([*prefix, *CLI, *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"crosswire {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    peak = int(done.stderr.strip().splitlines()[-1]) if prefix else None
    return took, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--large", type=int, default=2000, help="articles for the memory check (0: skip)")
    parser.add_argument("--long", type=int, default=500_000, help="characters of one long document (0: skip)")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    if not DEV.exists():
        print(f"skipped: {DEV} is not present (../shared/eval)")
        return

    import warnings

    import spacy

    warnings.simplefilter("ignore")  # per-document notes (unbalanced quotes) are not the figures

    from crosswire.run import run
    from crosswire.settings import load_settings
    from crosswire.store import Store

    articles = _articles(args.docs)
    words = sum(len(a["text"].split()) for a in articles)
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = _write(articles, work / "real.jsonl")
        # Warm-up: every model crosswire loads (spaCy, MiniLM, gazetteer) is loaded before timing.
        with Store(work / "warm.duckdb") as store:
            run([_write(_articles(2), work / "warm.jsonl")], store, settings)
        bare = spacy.load(settings.model)
        texts = [a["text"] for a in articles]
        list(bare.pipe(texts[:2]))
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=settings.batch_size):
            pass
        bare_s = time.perf_counter() - t0

        clock = StageClock()
        db = work / "real.duckdb"
        with Store(db) as store:
            t0 = time.perf_counter()
            summary = run([corpus], store, settings, clock)
            first_s = time.perf_counter() - t0
        stages = clock.done()
        print(f"corpus: {len(articles)} real articles ({words} words) from {DEV.relative_to(SHARED.parent)}; "
              f"{summary.events} events, {summary.claims} claims, {summary.stories} stories, {summary.relations} relations")
        print(f"bare spaCy nlp.pipe ({settings.model})      {bare_s:7.1f} s")
        print(f"crosswire run, whole pipeline            {first_s:7.1f} s   ratio {bare_s / first_s:5.2f} (aim >= 0.6)")
        for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"    {name:<34} {secs:7.1f} s   {secs / first_s:5.1%}")

        rerun_s, _ = _timed_cli("run", str(corpus), "--db", str(db))
        print(f"unchanged re-run (new process)           {rerun_s:7.2f} s   {first_s / rerun_s:5.0f}x faster (aim >= 50x)")

        if (SHARED / "seeds").is_dir():
            seeds_db = work / "seeds.duckdb"
            _timed_cli("run", str(SHARED / "seeds"), "--db", str(seeds_db))
            with Store(seeds_db, read_only=True) as store:
                story = store.stories()[0].id[:12]
            reads = {}
            for command in (["docs"], ["events"], ["claims"], ["stories"], ["story", story]):
                reads[" ".join(command[:1])] = statistics.median(
                    _timed_cli(*command, "--db", str(seeds_db))[0] for _ in range(3))
            print("read commands on the seeds' store (median of 3, new process each): "
                  + ", ".join(f"{k} {v:.2f} s" for k, v in reads.items()) + "   (aim <= 0.3 s)")

        one_s, rss_n = _timed_cli("run", str(corpus), "--db", str(work / "mem-n.duckdb"), rss=True)
        print(f"crosswire run in a new process, {len(articles)} articles: {one_s:7.1f} s, peak RSS {rss_n / 1024:7.0f} MB")
        if args.large:
            big = _write(_mixed(args.large, articles), work / "large.jsonl")
            big_s, rss_big = _timed_cli("run", str(big), "--db", str(work / "mem-large.duckdb"), rss=True)
            print(f"crosswire run in a new process, {args.large} mixed articles: {big_s:7.1f} s, peak RSS "
                  f"{rss_big / 1024:7.0f} MB   ({rss_big / rss_n:4.2f}x the {len(articles)}-article peak; aim <= 1.10x)")
        if args.long:
            text = "\n\n".join(a["text"] for a in _articles(10_000))
            while len(text) < args.long:
                text += "\n\n" + text
            report = _write([{"text": text[: args.long], "title": "One long report", "url": "https://long.example/1"}],
                            work / "long.jsonl")
            long_s, rss_long = _timed_cli("run", str(report), "--db", str(work / "long.duckdb"), rss=True)
            print(f"crosswire run in a new process, one {args.long:,}-character document: {long_s:7.1f} s, peak RSS "
                  f"{rss_long / 1024:7.0f} MB   ({rss_long / rss_n:4.2f}x the {len(articles)}-article peak)")
        if not args.no_dask:
            dask_s, _ = _timed_cli("run", str(corpus), "--db", str(work / "dask.duckdb"), "--dask", "--workers", "2")
            print(f"crosswire run --dask --workers 2:        {dask_s:7.1f} s   {one_s / dask_s:4.2f}x the one-process run")


if __name__ == "__main__":
    main()
