"""The query language, parsed by us so that Persian/Arabic normalization and filters stay exact.

Syntax (documented in docs/search.md)::

    words              every word must match (in the text, title or path)
    "a phrase"         the words in this order
    word*              a prefix
    a OR b             either side
    NOT word, -word    exclude
    ( ... )            grouping
    field:value        lang:fa  type:pdf  year:2014  path:baghdad  folder:leak  origin:tehran
                       tag:PREL  classification:secret  ref:14BAGHDAD1100  entity:"Abu Mahdi"
                       date:2014-01..2014-06  ocr:low  id:ab12
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tantivy

from kashf.exc import QueryError
from kashf.index.schema import day_number
from kashf.text.normalize import normalize_for_search, normalize_query_text

WORD = re.compile(r"[^\W_]+")

#: User-facing filter name → index field; values are matched exactly.
RAW_FILTERS = {
    "lang": "lang",
    "language": "lang",
    "type": "kind",
    "kind": "kind",
    "year": "year",
    "folder": "folder",
    "tag": "tag",
    "classification": "classification",
    "ref": "ref",
    "entity": "entity",
    "ocr": "ocr",
}
#: Filters matched word by word against a normalized text field.
TEXT_FILTERS = {"path": "path", "origin": "origin_text", "title": "title"}
TEXT_FIELDS = ("body", "title", "path")

_TOKEN = re.compile(
    r'\s*(?:(?P<open>\()|(?P<close>\))|(?P<sign>[+-])?(?:(?P<field>[A-Za-z_]+):)?'
    r'(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s()"]+)))'
)


@dataclass
class Terms:
    """What to highlight: normalized words, prefixes and phrases found in the query."""

    words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)


@dataclass
class ParsedQuery:
    query: tantivy.Query
    terms: Terms
    filters: list[str]


def tokens_of(text: str) -> list[str]:
    """Tokenize like Tantivy's default tokenizer, after our normalization."""
    return [t.lower() for t in WORD.findall(normalize_for_search(text))]


class QueryParser:
    def __init__(self, schema: tantivy.Schema, expand=None):
        self.schema = schema
        #: Optional ``term -> [other spellings]`` for name expansion across scripts.
        self.expand = expand

    def parse(self, text: str) -> ParsedQuery:
        terms = Terms()
        filters: list[str] = []
        # Normalize the whole query first: «می رود» must join before it is split into words.
        tokens = list(self._lex(normalize_query_text(text)))
        position, query = self._parse_group(tokens, 0, terms, filters)
        if position != len(tokens):
            raise QueryError("unbalanced ')' in query")
        return ParsedQuery(query=query, terms=terms, filters=filters)

    def _lex(self, text: str):
        position = 0
        text = text.strip()
        while position < len(text):
            match = _TOKEN.match(text, position)
            if not match or match.end() == position:
                raise QueryError(f"cannot read the query near {text[position:position + 20]!r}")
            position = match.end()
            yield match.groupdict()

    def _parse_group(self, tokens, position, terms, filters):
        alternatives: list[list[tuple[tantivy.Occur, tantivy.Query]]] = [[]]
        negate_next = False
        while position < len(tokens):
            token = tokens[position]
            if token["close"]:
                break
            position += 1
            if token["open"]:
                position, inner = self._parse_group(tokens, position, terms, filters)
                if position >= len(tokens) or not tokens[position]["close"]:
                    raise QueryError("missing ')' in query")
                position += 1
                clause = inner
            else:
                word = token["word"]
                if word in ("AND", "&&") and not token["field"] and not token["sign"]:
                    continue
                if word in ("OR", "||") and not token["field"] and not token["sign"]:
                    alternatives.append([])
                    continue
                if word == "NOT" and not token["field"] and not token["sign"]:
                    negate_next = True
                    continue
                clause = self._atom(token, terms, filters)
                if clause is None:
                    continue
                if token["sign"] == "-":
                    alternatives[-1].append((tantivy.Occur.MustNot, clause))
                    negate_next = False
                    continue
            occur = tantivy.Occur.MustNot if negate_next else tantivy.Occur.Must
            negate_next = False
            alternatives[-1].append((occur, clause))
        groups = [self._conjunction(a) for a in alternatives if a]
        if not groups:
            return position, tantivy.Query.all_query()
        if len(groups) == 1:
            return position, groups[0]
        return position, tantivy.Query.boolean_query([(tantivy.Occur.Should, g) for g in groups])

    @staticmethod
    def _conjunction(clauses):
        if all(occur == tantivy.Occur.MustNot for occur, _ in clauses):
            clauses = [(tantivy.Occur.Must, tantivy.Query.all_query()), *clauses]
        if len(clauses) == 1 and clauses[0][0] == tantivy.Occur.Must:
            return clauses[0][1]
        return tantivy.Query.boolean_query(clauses)

    def _atom(self, token, terms: Terms, filters: list[str]) -> tantivy.Query | None:
        name = (token["field"] or "").lower()
        value = token["phrase"] if token["phrase"] is not None else token["word"]
        if name == "date":
            filters.append(f"date:{value}")
            return self._date_range(value)
        if name == "id":
            filters.append(f"id:{value}")
            prefix = re.escape(value.lower())
            return tantivy.Query.regex_query(self.schema, "id", f"{prefix}.*")
        if name in RAW_FILTERS:
            filters.append(f"{name}:{value}")
            return self._raw_term(RAW_FILTERS[name], value)
        if name in TEXT_FILTERS:
            filters.append(f"{name}:{value}")
            return self._text(value, (TEXT_FILTERS[name],), Terms(), phrase=True)
        if token["field"]:  # not a filter we know: the user meant the words, e.g. "note: x"
            value = f"{token['field']} {value}"
        return self._text(value, TEXT_FIELDS, terms, phrase=token["phrase"] is not None)

    def _raw_term(self, field_name: str, value: str) -> tantivy.Query:
        if field_name in ("lang", "kind", "classification", "ocr"):
            value = value.lower()
        if field_name in ("tag", "ref"):
            value = value.upper()
        if field_name == "ref":
            from kashf.cables import normalize_cable_id  # the one place cable ids are canonical

            value = normalize_cable_id(value)
        if value.endswith("*"):
            return tantivy.Query.regex_query(self.schema, field_name, re.escape(value[:-1]) + ".*")
        return tantivy.Query.term_query(self.schema, field_name, value)

    def _date_range(self, value: str) -> tantivy.Query:
        low, _, high = value.partition("..")
        high = high or low
        low_day = day_number(low) if low else None
        high_day = day_number(high) if high else None
        if (low and low_day is None) or (high and high_day is None):
            raise QueryError(f"date filter needs YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
        if high_day is not None:
            # A month or year upper bound covers the whole month or year.
            if high_day % 10000 == 0:
                high_day += 1231
            elif high_day % 100 == 0:
                high_day += 31
        return tantivy.Query.range_query(
            self.schema, "day", tantivy.FieldType.Integer, low_day, high_day
        )

    def _text(self, value: str, fields, terms: Terms, phrase: bool) -> tantivy.Query | None:
        prefix = value.endswith("*") and not phrase
        words = tokens_of(value.rstrip("*"))
        if not words:
            return None
        per_field = []
        for field_name in fields:
            if prefix and len(words) == 1:
                pattern = re.escape(words[0]) + ".*"
                per_field.append(tantivy.Query.regex_query(self.schema, field_name, pattern))
            elif len(words) == 1:
                per_field.append(tantivy.Query.term_query(self.schema, field_name, words[0]))
            else:
                per_field.append(tantivy.Query.phrase_query(self.schema, field_name, words))
        if prefix:
            terms.prefixes.update(words[-1:])
            terms.words.update(words[:-1])
        else:
            terms.words.update(words)
        if self.expand and not prefix:
            for other in self.expand(value):
                other_words = tokens_of(other)
                if not other_words or other_words == words:
                    continue
                terms.words.update(other_words)
                for field_name in fields:
                    if len(other_words) == 1:
                        per_field.append(
                            tantivy.Query.term_query(self.schema, field_name, other_words[0])
                        )
                    else:
                        per_field.append(
                            tantivy.Query.phrase_query(self.schema, field_name, other_words)
                        )
        if len(per_field) == 1:
            return per_field[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in per_field])
