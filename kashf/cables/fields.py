"""Header fields of a US cable body: TAGS, SUBJECT, summary, declassification date.

Each function takes cable text (a whole cable or the part holding the field) and
returns the cleaned value, or an empty value when the field is absent. They are
tolerant of the 2010 release's damage: lower-cased labels, missing colons,
labels glued to the previous word, page banners of multi-page cables in the
middle of a field, and lines broken with a trailing backslash.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

# ----------------------------------------------------------------------------- shared

# A page banner of a multi-page cable, e.g. "PRETORIA 00000954 001.2 OF 004" or
# "SECRET   PAGE 02   ROME  03067  211833Z".
PAGE_BANNER = re.compile(
    r"(?:\b[A-Z][A-Z .]*\s+\d{5,8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\b)|"
    r"(?:\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+PAGE\s+\d+\s+.*?\d{6}Z)"
)
SPACED_BANNER = re.compile(r"(?:\b[A-Za-z] ){4,}[A-Za-z]\b")


_WRITTEN_NEWLINE = re.compile(r"\\n(?=[A-Z\s¶(])")


def clean_text(text: str) -> str:
    """Undo the release's line-continuation backslashes and HTML entities."""
    if "\r" not in text and "\\" not in text and "\ufffd" not in text and "&" not in text:
        return text
    text = text.replace("\r\n", "\n").replace("\\\n", "\n")
    if "\\n" in text:  # a line break the release wrote out as backslash-n ("TAG2\\nSUBJECT:")
        text = _WRITTEN_NEWLINE.sub("\n", text)
    text = re.sub(r"\ufffd(?=\s*\d|[A-Z][.)])", "¶", text)  # a pilcrow lost to a wrong encoding
    return html.unescape(text) if "&" in text else text


@lru_cache(maxsize=16)
def _upper(text: str) -> str:
    return text.upper()


def iter_at(pattern: re.Pattern[str], text: str, word: str, start: int = 0,
            end: int | None = None) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that begin where ``word`` (upper case) occurs, case-insensitively.

    Case-insensitive patterns with look-behinds make the regex engine try every
    position; jumping between occurrences of the label word found by ``str.find``
    is many times faster. Falls back to a plain scan when upper-casing changes
    the text's length (``ß`` → ``SS``), which would shift offsets.
    """
    end = len(text) if end is None else end
    upper = _upper(text)
    if len(upper) != len(text):
        yield from pattern.finditer(text, start, end)
        return
    i = upper.find(word, start, end)
    while i >= 0:
        m = pattern.match(text, i, end)
        if m:
            yield m
        i = upper.find(word, i + 1, end)


def search_at(pattern: re.Pattern[str], text: str, word: str) -> re.Match[str] | None:
    return next(iter_at(pattern, text, word), None)


# ----------------------------------------------------------------------------- DECL

_DECL = re.compile(r"\bDECL\s*:?\s*(?P<date>\d{1,4}/\d{1,2}/\d{1,4})", re.IGNORECASE)


def parse_declassify_on(text: str) -> str | None:
    """``E.O. 12958: DECL: 11/22/2012`` → ``2012-11-22``; None for N/A, X1 and the like."""
    m = search_at(_DECL, text, "DECL")
    if not m:
        return None
    parts = [int(p) for p in m["date"].split("/")]
    if len(m["date"].split("/")[0]) == 4:
        year, month, day = parts
    else:
        month, day, year = parts
        if year < 100:
            year += 2000 if year < 70 else 1900
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# ----------------------------------------------------------------------------- SUBJECT

_SUBJECT_STOP_INLINE = re.compile(
    r"REF(?:S|TELS?)?\s*:|Ref(?:s|tels?|\(s\))?\s*:|Classifi?ed\s+[Bb]y|CLASSIFIED\s+BY|"
    r"Sensitive [Bb]ut|SENSITIVE BUT|\bREFS?\s+[A-Z]\)"
)
# Lines that are not part of the subject.
_SUBJECT_STOP_LINE = re.compile(
    r"^\s*(?:REF|Ref|PROGRAM REF|Classif|CLASSIF|¶|\d+\s*\.|\(\w+(?:/+\w+)*\)\s|-{3,}|={3,}|"
    r"SUMMARY|Summary|E\.?O\.?\s*12958|TAGS|SIPDIS|NOFORN|SENSITIVE|Sensitive|This message|"
    r"This is an? (?i:action)|PAGE\s+\d{2,3}\b|"
    r"[A-Z][A-Z ]*\s\d{5,8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3})"
)
_LEADING_MARKING = re.compile(r"^\((?:U|C|S|SBU|TS|C/NF|S/NF|S//NF|C//NF|U//FOUO|SBU/NF)\)\s*",
                              re.IGNORECASE)


def parse_subject(text: str, strip_marking: bool = True, cleaned: bool = False) -> str:
    """The SUBJECT line(s), joined, without a leading ``(C)``-style marking."""
    text = text if cleaned else clean_text(text)
    m = _find_subject(text)
    if not m:
        return ""
    lines = text[m.end():].split("\n")
    first = lines[0].strip()
    rest = lines[1:]
    if not first:  # "SUBJECT:\n\nCooperation and ..." puts the subject on a later line
        while rest and not rest[0].strip():
            rest = rest[1:]
        if not rest:
            return ""
        first, rest = rest[0].strip(), rest[1:]
    parts = [first]
    stopped = _cut_inline(parts)
    for line in rest:
        if stopped or not line.strip() or _SUBJECT_STOP_LINE.match(line) or \
                SPACED_BANNER.match(line.strip()):
            break
        parts.append(line.strip())
        stopped = _cut_inline(parts)
    subject = _join_lines(parts)
    if strip_marking:
        subject = _LEADING_MARKING.sub("", subject)
    return subject


def _find_subject(text: str) -> re.Match[str] | None:
    for m in iter_at(_SUBJECT_LABEL, text, "SUBJ"):
        if m.group().rstrip().endswith(":"):
            if m.start() == 0 or not text[m.start() - 1].isalpha():
                return m
        else:
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not text[line_start:m.start()].strip():
                return m
    for m in iter_at(_LOST_S_LABEL, text, "UBJECT"):  # "UBJECT:" at a line start
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start:m.start()].strip():
            return m
    return None


_SUBJECT_LABEL = re.compile(r"SUBJ(?:ECT)?(?:\s*:|\s+(?=\S))", re.IGNORECASE)
_LOST_S_LABEL = re.compile(r"UBJECT\s*:", re.IGNORECASE)


def _cut_inline(parts: list[str]) -> bool:
    stop = _SUBJECT_STOP_INLINE.search(parts[-1])
    if stop:
        parts[-1] = parts[-1][:stop.start()]
        return True
    return False


def _join_lines(parts: list[str]) -> str:
    joined = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if joined.endswith("-") and len(joined) > 1 and joined[-2].isalnum():
            joined += part
        else:
            joined = f"{joined} {part}" if joined else part
    return re.sub(r"\s+", " ", joined).strip()


# ----------------------------------------------------------------------------- TAGS

# The label as typed: TAGS, TABS, TAGES, TAG, and AGS with its T lost (only before a colon).
_TAGS = re.compile(r"(?:^|(?<=[\s:]))(?:TA(?:GS|BS|GES|G)|AGS(?=\s*:))\b\s*:?", re.IGNORECASE)
_TAGS_STOP = re.compile(r"\bSUBJECT\b|\bSUBJ\b|\bE\.?O\.?\s*12958|\bREF\s*:|Classified By",
                        re.IGNORECASE)
_PROGRAM_TAG = re.compile(r"^[ABCEKMOPST][A-Z]{3}$")
# Subject and organisation TAGS (cablemap's BSD tables) plus common K- and other tags.
_KNOWN_TAGS = set(
    """AADP ABLD ABUD ACOA ACKM ADCO ADPM AEMR AFIN AFSI AFSN AGAO AINF AINR AINT ALOW AMED AMGT
    AMTC ANET AODE AOMS AORC APCS APER ASCH ASEC ASIG BBSR BEXP BMGT BTIO CASC CFED CJAN CLOK
    CMGT CPAS CVIS EAGR EAID EAIR ECON ECPS EFIN EFIS EIND EINT EINV ELAB ELTN EMIN ENRG EPET
    ETRD ETTC EWWT MARR MASS MCAP MNUC MOPS ODIP OEXC OFDP OIIP OPDC OPRC OREP OSCI OTRA OVIP
    PARM PBTS PGOV PHSA PHUM PINR PINS PNAT PREF PREL PROP PTER SCUL SENV SMIG SNAR SOCI TBIO
    TINT TNGD TPHY TRGY TSPA TSPL KMDR KPAO KDEM KJUS KCRM KWMN KFRD KIRF KOCI KFLU KFLO KSAF
    KNNP KPAL KWBG KTIA KSTC KSCA KIPR KDEV KTFN KISL KCOR KSUM KHLS KSEP KAWC KGHG KBIO KCIP
    KTIP KPKO KNEI KHIV KREC KMCA KPRV KPWR KGIC KIDE KSTH KCFE KTER KVPR KMPI KUNR KACT KOMC
    KGIT KNAR KMRS KCUL KPOW KFIN KTEX KRVC KBTR KSPR KLIG KRAD KSEO KTDB KPLS KHDP KCSY KVIR
    KPIR KNUC KAWK KIRC KCRS KDRG KSCI KMSG KRIM KTBT KBCT KWAC KNPP KPRP KESS KGCC KPAI KDDG
    KCGC KPFO MTCRE NATO EUN UNSC IAEA UNGA OSCE ASEAN OPEC WTO UNHRC ECIN""".split()
)
# Distribution markers typed on the TAGS line, not tags.
_NOT_TAGS = {"SIPDIS", "NOFORN"}
_FIRST_NAMES = set(
    """JOHN ROBERT JOSEPH GEORGE HILLARY WILLIAM JAMES DAVID RICHARD THOMAS CHARLES MICHAEL
    PAUL MARK DONALD CONDOLEEZZA CONDOLEEZA COLIN DICK NANCY BARACK JOE TONY GORDON NICOLAS
    ANGELA VLADIMIR DMITRY HAMID ASIF NAWAZ PERVEZ MAHMOUD ALI MOHAMMED MUHAMMAD AHMED AHMAD
    HASSAN HUSSEIN SADDAM NOURI JALAL MASOUD IYAD IBRAHIM ABDULLAH FAHD SULTAN BASHAR HOSNI
    HUGO EVO LUIZ LULA ALVARO FELIPE VICENTE ANDRES CARLOS JUAN JOSE LUIS PEDRO GUILLERMO
    GASPAR MANUEL FRANCISCO JORGE RAUL FIDEL DANIEL ERNESTO CRISTINA NESTOR MICHELLE ALBERTO
    ALAN EDUARDO RAFAEL ANTONIO MIGUEL ROBERTO SERGIO JOHANNES JAVIER SILVIO ROMANO SILVA
    SUSAN KAREN MARY ELIZABETH ANNE HENRY EDWARD ARNOLD ALEXANDER DENIS FRANK PETER KEVIN""".split()
)


def parse_tags(text: str, cleaned: bool = False) -> list[str]:
    """The TAGS of a cable, upper-cased, each once, in order."""
    text = text if cleaned else clean_text(text)
    m = _find_tags(text)
    if not m:
        return []
    field = _tags_field(text[m.end():])
    tags: list[str] = []
    for group in _tag_groups(field):
        for tag in _group_tags(group):
            if tag and tag not in tags:
                tags.append(tag)
    return [_full_person(tag, text) if ", " in tag else tag for tag in tags]


def _full_person(tag: str, text: str) -> str:
    """``BUSH, GEORGE`` → ``BUSH, GEORGE W.`` when the cable writes ``George W. Bush``."""
    surname, first = tag.split(", ", 1)
    if " " in first or not first.isalpha():
        return tag
    m = re.search(rf"\b{re.escape(first)}\s+([A-Z])\.\s+{re.escape(surname)}\b", text,
                  re.IGNORECASE)
    return f"{tag} {m.group(1).upper()}." if m else tag


def _find_tags(text: str) -> re.Match[str] | None:
    """The TAGS label: with a colon anywhere, or without one at the start of a line."""
    for word in ("TAGS", "TABS", "TAGES", "TAG", "AGS"):
        for m in iter_at(_TAGS, text, word):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if m.group().rstrip().endswith(":") or not text[line_start:m.start()].strip():
                return m
    return None


def _tags_field(rest: str) -> str:
    lines = rest.split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        if _TAGS_STOP.search(kept[-1]):
            break
        stripped = line.strip()
        stop = _TAGS_STOP.search(stripped)
        head = stripped[:stop.start()].strip() if stop else stripped
        # A wrapped TAGS line continues in capitals, or after a trailing comma.
        if not head:
            break
        if not kept[-1].rstrip().endswith(",") and not re.fullmatch(r"[A-Z0-9 ,()/&'.-]+", head):
            break
        kept.append(stripped)
    field = " \n".join(kept)
    if not kept[0].strip() and len(kept) == 1:
        return ""
    stop = _TAGS_STOP.search(field)
    if stop:
        field = field[:stop.start()]
    banner = PAGE_BANNER.search(field)
    if banner:
        field = field[:banner.start()]
    # "TAGS: something\nhere": a lower-case first line ends at its newline unless it ends in ",".
    return field


def _tag_groups(field: str) -> list[list[str]]:
    """Comma- and bracket-separated groups of upper-cased words."""
    groups: list[list[str]] = []
    for bracketed, plain in re.findall(r"\(([^)]*)\)|([^,()]+)", field):
        if bracketed:
            groups.append([bracketed.strip().upper()])
        elif plain.strip():
            groups.append(plain.upper().split())
    return groups


def _is_tag(word: str) -> bool:
    return (word in _KNOWN_TAGS or bool(_PROGRAM_TAG.match(word))
            or (len(word) == 2 and word.isalpha()))


# Nouns that end a subject phrase among the TAGS (``ISRAELI PALESTINIAN AFFAIRS``), and
# office tags of three letters that the release glues to others (``RIGHTSPOLMIL``).
_HEAD_NOUNS = {"AFFAIRS", "RIGHTS", "RELATIONS"}
_GLUE_PIECES = _KNOWN_TAGS | _HEAD_NOUNS | {"POL", "MIL"}
_MODIFIER = re.compile(r"(?:I|AN|IC|AL|AR|ESE|ISH|ARY|IVE)$")
_NATIONALITY = re.compile(r"^(?:[A-Z]+(?:IAN|ESE|ISH|ICAN)|[A-Z]{4,}I|HUMAN|AFGHAN|CUBAN|KOREAN|"
                          r"EUROPEAN)$")


def _split_glued(word: str) -> list[str] | None:
    """``KFRDKIRFCVIS...EG`` → known tags, with a two-letter country first or last, or None."""
    if len(word) < 6 or not word.isalpha():
        return None
    for head in (0, 2):
        for tail in (0, 2):
            if head and tail or len(word) - head - tail < 3:
                continue
            body = _segment(word[head:len(word) - tail])
            if body and len(body) + (head > 0) + (tail > 0) >= 2:
                return ([word[:head]] if head else []) + body + ([word[-tail:]] if tail else [])
    return None


def _segment(body: str) -> list[str] | None:
    """``body`` as a run of known pieces (tags, POL, MIL, RIGHTS …), or None."""
    if not body:
        return []
    for size in (4, 3, 6, 7, 8, 9):
        piece = body[:size]
        if len(piece) == size and piece in _GLUE_PIECES:
            rest = _segment(body[size:])
            if rest is not None:
                return [piece] + rest
    return None


def _group_tags(words: list[str]) -> list[str]:
    if len(words) == 1 and "," in words[0]:  # "(CLINTON, HILLARY)"
        return [re.sub(r"\s*,\s*", ", ", words[0])]
    words = _tidy_words(words)
    out: list[str] = []
    free: list[str] = []
    after_ovip = False

    def flush() -> None:
        nonlocal after_ovip
        out.extend(_free_text_tags(free, after_ovip))
        free.clear()

    for i, word in enumerate(words):
        word = word.strip(".:")
        if not word:
            continue
        following = words[i + 1].strip(".:") if i + 1 < len(words) else ""
        inside_phrase = free and following and not _is_tag(following)
        a_surname = following in _FIRST_NAMES and word not in _KNOWN_TAGS
        # A word only shaped like a tag (EAST, BANK) after a subject word is part of the phrase.
        a_word = bool(free) and word not in _KNOWN_TAGS and (len(word) == 4 or inside_phrase)
        if _is_tag(word) and not a_word and not a_surname:
            flush()
            after_ovip = word == "OVIP"
            out.append(word)
            continue
        glued = _split_glued(word)
        if glued:
            if glued[0] in _HEAD_NOUNS:  # "HUMAN RIGHTSPOLMIL": the noun ends the phrase
                free.append(glued.pop(0))
            flush()
            out.extend(glued)
            continue
        free.append(word)
    flush()
    return out


def _tidy_words(words: list[str]) -> list[str]:
    """Markers dropped, a known tag typed with a doubled letter (``MOPPS``) mended, and
    ``COUNTER`` joined to the word it prefixes (``COUNTER TERRORISM`` → ``COUNTERTERRORISM``)."""
    out: list[str] = []
    for word in words:
        bare = word.strip(".:")
        if bare in _NOT_TAGS:
            continue
        if len(bare) == 5 and bare not in _KNOWN_TAGS:
            single = re.sub(r"(.)\1", r"\1", bare, count=1)
            word = single if single in _KNOWN_TAGS else word
        if out and out[-1] == "COUNTER" and bare.isalpha() and not _is_tag(bare):
            out[-1] += bare
            continue
        out.append(word)
    return out


def _free_text_tags(words: list[str], after_ovip: bool) -> list[str]:
    """Person tags become ``SURNAME, FIRST``; other runs of words are subject phrases."""
    if not words:
        return []
    if after_ovip and len(words) % 2 == 0:
        return [f"{words[i]}, {words[i + 1]}" for i in range(0, len(words), 2)]
    out: list[str] = []
    phrase: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and words[i + 1] in _FIRST_NAMES and words[i] not in _FIRST_NAMES:
            if phrase:
                out.extend(_phrases(phrase))
                phrase = []
            out.append(f"{words[i]}, {words[i + 1]}")
            i += 2
            continue
        phrase.append(words[i])
        i += 1
    if phrase:
        out.extend(_phrases(phrase))
    return out


def _phrases(words: list[str]) -> list[str]:
    """A run of subject words split where a new subject phrase starts.

    A nationality adjective after a noun starts one (``ITALY NATIONAL ELECTIONS`` /
    ``ITALIAN POLITICS`` / ``IRAQI FREEDOM``), and so do the modifiers of a head noun
    (``GAZA DISENGAGEMENT`` / ``ISRAELI PALESTINIAN AFFAIRS``, ``LABOR`` / ``HUMAN
    RIGHTS``). A head noun with no modifier before it, or modifiers from the start of
    the run, keep the run whole (``MIDDLE EAST AFFAIRS``).
    """
    out: list[str] = []
    start = 0
    for j, word in enumerate(words):
        if j > start and _NATIONALITY.match(word) and not _MODIFIER.search(words[j - 1]):
            out.append(" ".join(words[start:j]))
            start = j
        if word not in _HEAD_NOUNS:
            continue
        k = j
        while k > start and _MODIFIER.search(words[k - 1]):
            k -= 1
        if start < k < j:
            out.append(" ".join(words[start:k]))
            start = k
        out.append(" ".join(words[start:j + 1]))
        start = j + 1
    if start < len(words):
        out.append(" ".join(words[start:]))
    return out


# ----------------------------------------------------------------------------- summary

_SUMMARY_AND = r"(?:\s*(?:AND|&|/)\s*(?:COMMENTS?|ACTION\s+REQUESTS?|INTRODUCTION|BACKGROUND|RECOMMENDATIONS?))?"
_DASHES = "\\-=\u2010\u2011\u2013\u2014"  # hyphen-minus, =, and the typographic dashes
_SUMMARY_HEAD = re.compile(
    rf"(?<![A-Za-z])SUMMARY{_SUMMARY_AND}(?:\s*[:.{_DASHES}]+)?",
    re.IGNORECASE,
)
_SUMMARY_END = re.compile(rf"END\s+(?:OF\s+)?SUMMARY{_SUMMARY_AND}\.?", re.IGNORECASE)
# A section heading underlined or framed with dashes ends a summary that has no END SUMMARY.
_SUMMARY_STOP = re.compile(rf"\n\s*\n|\s[{_DASHES}]{{3,}}")
_PARA_START = re.compile(r"(?:^|\n)\s*(?:¶\s*)?\d{1,2}\s*\.\s*(?:\([A-Z/ -]+\)\s*)?")
_MARKINGS = r"\((?:[A-Za-z]{1,4}(?:/+[A-Za-z]{1,6})*|[A-Z]+ - ENTIRE TEXT)\)"


def parse_summary(text: str, cleaned: bool = False) -> str:
    """The cable's own summary (``SUMMARY: … END SUMMARY``), paragraph numbers removed."""
    text = text if cleaned else clean_text(text)
    head = _summary_head(text)
    end = _SUMMARY_END.search(text, head.end() if head else 0)
    if head is None and end is None:
        return ""
    if head is not None:
        start = head.end()
    else:
        paragraphs = [p for p in _PARA_START.finditer(text, 0, end.start())]  # type: ignore[union-attr]
        start = paragraphs[-1].start() if paragraphs else 0
    if end is not None:
        body = text[start:end.start()]
    else:
        rest = text[start:].lstrip(" -=\n\u2010\u2011\u2013\u2014")
        stop = _SUMMARY_STOP.search(rest)
        offset = len(text[start:]) - len(rest)
        body = text[start:start + offset + (stop.start() if stop else len(text))]
    return _tidy_summary(body)


def _summary_head(text: str) -> re.Match[str] | None:
    for m in iter_at(_SUMMARY_HEAD, text, "SUMMARY"):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        if re.search(r"\bEND\s*$", text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
            continue
        if re.fullmatch(rf"[\s{_DASHES}¶]*(?:\d{{1,2}}\s*\.\s*)?(?:{_MARKINGS}\s*)?[\s{_DASHES}]*", before):
            return m
    return None


def _tidy_summary(body: str) -> str:
    body = body.strip(" \n-=:.") if not body.strip().endswith(".") else body.strip(" \n-=:")
    body = re.sub(rf"^\s*(?:¶\s*)?\d{{1,2}}\s*\.\s*(?:{_MARKINGS}\s*)?", "", body)
    body = re.sub(rf"^\s*{_MARKINGS}\s*", "", body)
    body = re.sub(rf"\n\s*\n\s*(?:¶\s*)?\d{{1,2}}\s*\.\s*(?:{_MARKINGS}\s*)?", "\n", body)
    return body.strip()
