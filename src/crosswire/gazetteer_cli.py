"""``crosswire gazetteer ...``: a local gazetteer from GeoNames dumps, beside the shipped cities500."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli import ConfigOption, _fail, _settings, app, console
from .display import safe

gazetteer_app = typer.Typer(help="Add GeoNames villages and districts to the places crosswire can resolve.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def gazetteer_import(
    path: Annotated[Path, typer.Argument(help="A GeoNames dump: allCountries.txt or a country file "
                                              "(AF.txt), plain or zipped.")],
    countries: Annotated[Optional[str], typer.Option(help="Comma-separated ISO codes to keep "
                                                          "(e.g. AF,PK); all when omitted.")] = None,
    out: Annotated[Optional[Path], typer.Option(help="The local gazetteer file (default: the places "
                                                     "section's gazetteer setting, else the user data "
                                                     "directory).")] = None,
    config: ConfigOption = None,
) -> None:
    """Import GeoNames' populated places (class P) and admin units (ADM1-ADM3) into the local gazetteer.

    Rows with a GeoNames id already there are replaced, so country files imported one after another add up.
    Runs then resolve names against these rows as well as cities500. Nothing is downloaded.

    Example: crosswire gazetteer import AF.txt --countries AF
    """
    from crosswire.extract.places.gazetteer import load_gazetteer, use_local_gazetteer
    from crosswire.extract.places.gazetteer_local import NotAGeonamesDump, import_geonames, local_path

    if not path.is_file():
        raise _fail(f"{path}: no such file")
    configured = str(out) if out is not None else _settings(config).places_gazetteer
    dest = local_path(configured)
    wanted = frozenset(c.strip().upper() for c in countries.split(",") if c.strip()) if countries else None
    try:
        summary = import_geonames(path, dest, wanted)
    except NotAGeonamesDump as exc:
        raise _fail(str(exc)) from None
    except (OSError, UnicodeError) as exc:
        raise _fail(f"{path}: {exc}") from None
    console.print(safe(f"read {summary.lines:,} records ({summary.malformed:,} malformed), kept "
                       f"{summary.kept:,} places and admin units; {summary.total:,} in {summary.path}"))
    use_local_gazetteer(configured)
    console.print(f"place index rebuilt: {len(load_gazetteer()):,} rows")
