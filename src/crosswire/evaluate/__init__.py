"""Evaluation harnesses: crosswire's scores next to a baseline's on the shared datasets.

Import from the submodules (``evaluate.extraction``, ``evaluate.dates``): they load
trafilatura and htmldate, which a plain ``import crosswire.evaluate`` should not.
"""
