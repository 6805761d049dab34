"""``python -m crosswire`` runs the command-line interface."""

from .cli import main

main()
