"""Cleaning stages: raw input -> Document."""
