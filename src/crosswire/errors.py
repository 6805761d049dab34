"""Coded messages and the few exception classes crosswire raises for bugs and broken setups.

Bad *input* is never an exception: it becomes a ``Rejection`` record (see records.py).
Exceptions here are for a broken environment or a misuse of the library.
"""

from __future__ import annotations


class Errors:
    """Coded error messages (E1xx ingest/clean, E2xx nlp, E3xx store, E4xx cli/settings)."""

    E101 = "no such file or directory: {path}"
    E103 = "{what} has {size:,} characters, over the {limit:,} characters limit (max_chars)"
    E104 = "{what} is {size}, over the {limit} limit (max_bytes)"
    E105 = "{what} decompresses to over {limit}; stopped there, not read (a gzip bomb?)"
    E111 = "the HTML is too deeply nested for the HTML parser (over {depth} levels); no text could be read"
    E201 = "spaCy model {name} is not installed; run `pip install -e .` to install the pinned model"
    E202 = "text of document {doc} has {size} characters, above the nlp limit of {limit}"
    E204 = "crosswire could not read events and claims from this document ({error}); it is kept as a rejection"
    E203 = "alias table {path}, line {line}: expected 5 tab-separated columns (canonical, type, aliases, country, kind)"
    E301 = "the store at {path} has schema version {found}, newer than this crosswire ({known})"
    E401 = "unknown setting {key!r} in section [{section}]; valid keys: {valid}"
    E404 = "unknown section [{section}] in {path}; valid sections: {valid}"
    E402 = "setting {key!r} must be one of {valid}, not {value!r}"
    E403 = "export format must be one of {valid}, not {value!r}"


class CrosswireError(Exception):
    """Base class for crosswire's own exceptions."""


class ModelNotInstalled(CrosswireError):
    """The spaCy model named in the settings is not installed."""


class StoreSchemaError(CrosswireError):
    """The DuckDB file was written by an incompatible crosswire version."""


class SettingsError(CrosswireError):
    """A setting is unknown or has an invalid value."""
