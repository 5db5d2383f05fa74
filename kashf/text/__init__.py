"""Text handling for Persian, Arabic and English: search normalization, language id, dates.

Submodules are imported where needed; nothing heavy happens at package import.
"""
