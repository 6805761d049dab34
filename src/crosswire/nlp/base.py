"""The shared shape of crosswire's spaCy components: find, then annotate, under spaCy's error handler."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.util import raise_error


class Component:
    """Base for components whose ``__call__`` is ``set_annotations(doc, find(doc))``.

    Keeping the matching (``find``) apart from writing the Doc (``set_annotations``) lets
    the logic be tested without a model; the error handler follows spaCy's contract, so
    ``nlp.set_error_handler`` can choose to skip a bad document instead of failing a batch.
    """

    name: str

    def find(self, doc: Doc) -> Any:
        """What the component found in ``doc`` (subclasses implement it)."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:
        """Write what ``find`` returned onto the Doc (subclasses implement it)."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.find(doc))
        except Exception as e:  # noqa: BLE001 - spaCy's contract: the handler re-raises or records
            error_handler(self.name, self, [doc], e)
        return doc

    def get_error_handler(self):  # type: ignore[no-untyped-def]
        """The error handler spaCy installed for this component, or one that re-raises."""
        return getattr(self, "_error_handler", raise_error)

    def set_error_handler(self, error_handler) -> None:  # type: ignore[no-untyped-def]
        """Called by ``nlp.set_error_handler``."""
        self._error_handler = error_handler
