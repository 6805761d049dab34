"""Every command is documented: a help text with a runnable example, and a README line."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from crosswire.cli import app
from crosswire.settings import Settings, _KEYS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
DEFAULTS = (Path(__file__).resolve().parents[1] / "src" / "crosswire" / "default.cfg").read_text(encoding="utf-8")


def _commands(group: typer.Typer, prefix: str = "") -> list[tuple[str, object]]:
    out = []
    for cmd in group.registered_commands:
        out.append((prefix + (cmd.name or cmd.callback.__name__.replace("_", "-")), cmd.callback))
    for sub in group.registered_groups:
        out.extend(_commands(sub.typer_instance, prefix + sub.name + " "))
    return out


@pytest.mark.parametrize("name,callback", _commands(app))
def test_docs_every_command_has_an_example_and_a_readme_line(name, callback):
    doc = callback.__doc__ or ""
    assert "Example: crosswire " + name.split()[0] in doc, f"{name} help has no runnable example"
    assert f"crosswire {name}" in README, f"README does not show `crosswire {name}`"


def test_docs_every_setting_is_in_the_defaults_file_with_a_comment():
    fields = set(Settings.__dataclass_fields__)
    assert set(_KEYS.values()) == fields
    for section, key in _KEYS:
        assert f"[{section}]" in DEFAULTS and f"\n{key} = " in DEFAULTS
