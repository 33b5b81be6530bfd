"""Shutafut: local cross-sector partnerships."""
