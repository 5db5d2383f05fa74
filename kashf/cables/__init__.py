"""Cables and reports: structure of US cables, Persian report forms, memos, Arabic letters.

The public surface is :func:`parse_cable`, :func:`normalize_cable_id` and the
:class:`Cable` record; the ``cables`` stage lives in :mod:`kashf.cables.stage`
and is registered when :mod:`kashf.pipeline` imports it.
"""

from kashf.cables.model import Cable, Paragraph
from kashf.cables.parse import parse_cable
from kashf.cables.references import parse_references
from kashf.cables.stations import normalize_cable_id

__all__ = ["Cable", "Paragraph", "normalize_cable_id", "parse_cable", "parse_references"]
