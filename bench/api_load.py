"""Load on `crosswire serve`: requests/s, p50, p99 and errors, against the server's floor.

Usage: python bench/api_load.py [--db STORE] [--requests 2000] [--concurrency 16]

Without --db it first reads the sample corpus (examples/corpus) into a temporary store. The
server runs as a user starts it (`crosswire serve`, its own process, loopback), and the load
comes from this process: N requests spread over a mix of pages and API calls a reader would
make (lists, one story, its JSON twin, documents, filtered events, claims, entities), C at a
time, each on a kept-alive connection. The same run then sends as many requests for the
server's cheapest answer (an empty ``/favicon.ico``, through the same middleware) as the
baseline: the ratio is what reading the store adds over the server's own floor. The first
request of each URL is sent before timing (warm): a story's view is built once per server.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sample_store(folder: Path) -> Path:
    db = folder / "sample.duckdb"
    subprocess.run([sys.executable, "-m", "crosswire", "run", str(REPO / "examples" / "corpus"), "--db", str(db)],
                   check=True, capture_output=True)
    return db


def _urls(base: str) -> list[str]:
    """A reader's mix, from what the store holds."""
    stories = httpx.get(base + "/api/stories", params={"limit": 1000}).json()["items"]
    docs = httpx.get(base + "/api/documents", params={"limit": 1000}).json()["items"]
    entity = (httpx.get(base + "/api/entities", params={"limit": 1}).json()["items"] or [{"canonical": "x"}])[0]
    urls = ["/", "/api/stories", "/documents", "/api/events?status=happened", "/api/events?type=ASSAULT&mentions=true",
            f"/api/claims?speaker={entity['canonical'][:6]}", f"/api/entities?q={entity['canonical'][:4]}", "/docs"]
    for s in stories[:5]:
        urls += [f"/stories/{s['id']}", f"/api/stories/{s['id']}", f"/api/claims?story={s['id']}"]
    for d in docs[:8]:
        urls += [f"/documents/{d['id']}", f"/api/documents/{d['id']}"]
    return urls


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, url: str) -> int:
    """One GET on a kept-alive connection; the status. A client this small costs the machine
    far less than the server it loads (httpx's own work per request was the bottleneck)."""
    writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(v) for k, _, v in (ln.partition(":") for ln in lines[1:]) if k.lower() == "content-length"), 0)
    await reader.readexactly(length)
    return status


async def _load(base: str, urls: list[str], n: int, concurrency: int) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    errors = 0
    queue = iter(urls[i % len(urls)] for i in range(n))
    host, port = base.removeprefix("http://").split(":")

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        for url in queue:
            t0 = time.perf_counter()
            try:
                if not 200 <= await _get(reader, writer, f"{host}:{port}", url) < 300:
                    errors += 1
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
                writer.close()
                reader, writer = await asyncio.open_connection(host, int(port))
            latencies.append(time.perf_counter() - t0)
        writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - t0, latencies, errors


def _report(label: str, took: float, latencies: list[float], errors: int) -> tuple[float, float]:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    print(f"{label:<26} {len(ordered)} requests in {took:6.2f} s: {len(ordered) / took:7.1f} req/s, "
          f"p50 {p50:6.1f} ms, p99 {p99:6.1f} ms, errors {errors}")
    return p50, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _sample_store(Path(tmp))
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "crosswire", "serve", "--db", str(db), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                try:
                    httpx.get(base + "/api/stories", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            urls = _urls(base)
            first = []
            for url in urls:  # warm: each answer is built once per server, as for its first reader
                t0 = time.perf_counter()
                httpx.get(base + url, timeout=60)
                first.append((time.perf_counter() - t0) * 1000)
            print(f"first answer of each URL    median {statistics.median(first):6.1f} ms, slowest {max(first):6.1f} ms")
            print(f"store {db}, {len(urls)} distinct URLs, {args.concurrency} concurrent, one server process")
            p50, p99 = _report("reader mix", *asyncio.run(_load(base, urls, args.requests, args.concurrency)))
            b50, b99 = _report("baseline: empty answer", *asyncio.run(_load(base, ["/favicon.ico"], args.requests,
                                                                            args.concurrency)))
            print(f"ratio to baseline          p50 {p50 / b50:5.2f}x, p99 {p99 / b99:5.2f}x   (aim: p99 <= 100 ms, 0 errors)")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
