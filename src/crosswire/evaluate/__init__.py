"""Evaluation harnesses: crosswire's scores next to a baseline's on the shared datasets.

Import from the submodules (``evaluate.extraction``, ``evaluate.dates``): they load
trafilatura and htmldate, which a plain ``import crosswire.evaluate`` should not.
"""


def prf(right: int, predicted: int, gold: int, digits: int = 4) -> dict[str, float | int]:
    """Precision, recall and F1 of ``right`` hits among ``predicted`` items and ``gold`` items, with the counts.

    Example:
        >>> prf(3, 4, 6)
        {'precision': 0.75, 'recall': 0.5, 'f1': 0.6, 'right': 3, 'predicted': 4, 'gold': 6}
    """
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return {"precision": round(p, digits), "recall": round(r, digits),
            "f1": round(2 * p * r / (p + r), digits) if p + r else 0.0,
            "right": right, "predicted": predicted, "gold": gold}
