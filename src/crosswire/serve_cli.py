"""``crosswire serve``: the read API and web pages over a store, bound to loopback by default."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from .cli import DbOption, _open_store, app, err
from .display import safe


@app.command()
def serve(
    db: DbOption = Path("crosswire.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback serves the store to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Serve the store read-only: pages at /, JSON at /api/..., the API's docs at /docs.

    Example: crosswire serve --db seeds.duckdb --port 8000
    """
    import uvicorn

    from .web import create_app

    if not _is_loopback(host):
        err.print(safe(f"warning: serving {db} to the network on {host}:{port}; the API has no login"))
    with _open_store(db) as store:
        err.print(safe(f"crosswire serving {db} read-only on http://{host}:{port}/ (API docs at /docs); Ctrl+C stops"))
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning", server_header=False,
                    date_header=False, access_log=False)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
