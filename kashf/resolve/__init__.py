"""Entity resolution: one person or place across spellings, scripts and documents."""

from kashf.resolve.names import (
    best_matches,
    expand_query_term,
    match_score,
    name_key,
    name_variants,
    strip_titles,
)

__all__ = [
    "best_matches",
    "expand_query_term",
    "match_score",
    "name_key",
    "name_variants",
    "strip_titles",
]
