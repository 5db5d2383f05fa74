"""People named by a cable's anatomy: who classified it and who signed it.

``Classified By:`` lines put a title before the name and a reason after it, with
the release's typing errors (``Ambassaor``, ``COUNSEL0R``), words broken across
lines (``Richa / rd Hoagland``) and nested labels (``Classified By: Classified
by …``). The name is the run of name-like words just before the reason, after
dropping title words (matched with one or two typing errors allowed). The signer
is the surname line at the foot of the cable, above classification banners and
archive notes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from kashf.cables.fields import iter_at

CLASSIFIED_BY_LABEL = re.compile(r"(?<!\w)cla\w*?f\w*\s+by\b\s*:?", re.IGNORECASE)
# What follows the name: the reason, the order, the paragraph.
_REASON = re.compile(
    r"\bf\s*[o0]?\s*r\b\s*(?:re|reas|\d|e\.|12958)|\bper\b|\bbased\b|\bdue\b|\bunder\b|"
    r"\brea[s0]\w*|\breaons\b|\br(?:e|a)s[o0]ns?\b|\be\.\s?o\b|\beo\s+12958|\b1\s*[.,]\s*[45]\b|\bsection\s+1|"
    r"\n\s*\n|;|\(\s*[a-d]\s*\)|\n\s*(?:CONFIDENTIAL|SECRET|UNCLASSIFIED)\b|"
    r"\n\s*(?:¶|\d{1,2}\s*\.\s*\()",  # the first paragraph, when no reason is given
    re.IGNORECASE,
)
_TITLES = set(
    """AMBASSADOR AMB CHARGE DAFFAIRES AFFAIRES AFFAIRS AFFAIR AI DCM CDA ACTING DEPUTY CHIEF OF
    MISSION POLITICAL ECONOMIC ECON POL MIL POLMIL MILITARY COUNSELOR COUNSELLOR COUNCILOR
    COUNSEL MINISTER MIN COUN MC SECTION OFFICER POLOFF ECONOFF CONOFF POLECONOFF DIRECTOR DIR
    SECRETARY ASSISTANT UNDER SPECIAL REPRESENTATIVE ENVOY CONSUL GENERAL PRINCIPAL OFFICE
    ATTACHE DEFENSE LTC COL LTCOL CAPT MAJ GEN ADVISOR ADVISER LEGAL MEMBER CHAIRMAN PERMANENT
    ECOPOL AND FOR THE TO IN AT LARGE DAS PDAS AS ISN IO AF EUR NEA WHA EAP SCA INR EB DRL PRM
    USEU USUN AIT TDY RSO ARSO DPO IPO CT EST CONGEN DELEGATION USDEL HEAD MCOUNSELOR ECONCOUNS
    POLCOUNS SECURITY DIPLOMATIC ECONOMICAL DEPT STATE EMBASSY CONSULATE AMCONSUL AMEMBASSY
    INTERIM DE AMBASSADORATLARGE COORDINATOR ATTORNEY JUSTICE TREASURY COMMERCIAL
    PUBLIC PAO CONSULAR CHIEFOFMISSION COM REGIONAL EXECUTIVE MANAGEMENT CHARGEDAFFAIRES
    DEPARTMENT BUREAU DIVISION LINE ADDED""".split()
)
_SUFFIXES = {"JR", "SR", "II", "III", "IV"}
_FIRST_NAMES = set(
    """JOHN ROBERT JOSEPH GEORGE WILLIAM JAMES DAVID RICHARD THOMAS CHARLES MICHAEL PAUL MARK
    DONALD TIMOTHY DANIEL STEPHEN STEVEN ANNE ANNA MARY SUSAN PATRICIA NANCY KAREN ELIZABETH
    CHRISTOPHER BRIAN KEVIN JEFFREY GREGORY LARRY FRANK PETER HENRY EDWARD ARNOLD ALAN ALEXANDER
    ERIC GLYN MOLLY RICH BOB TOM JON BEN IKE JANET HEATHER SANDRA LISA CAROLYN REBECCA MARGARET""".split()
)


def parse_classified_by(text: str, normalize: bool = False) -> list[str]:
    """Names in the first ``Classified By:`` line that names anyone; [] when none does.

    Names are kept as typed; ``normalize`` gives names typed in capitals in the case a
    reader expects (``THOMAS W. SIMONS, JR.`` → ``Thomas W. Simons, Jr.``).
    """
    names = _classified_by(text)
    return [name_case(name) for name in names] if normalize else names


def name_case(name: str) -> str:
    """A name typed in capitals in name case; a name with lower-case letters as it is."""
    if re.search(r"[a-z]", name):
        return name
    name = re.sub(r"(?<=[A-Z])0|\b0(?=[A-Z.])", "O", name)  # a zero typed for an O
    return re.sub(r"[A-Z]+", _name_word, name)


def _name_word(m: re.Match[str]) -> str:
    word = m.group()
    if word in ("II", "III", "IV"):
        return word
    if word.startswith("MC") and len(word) > 3:  # MCCARTHY → McCarthy
        return "Mc" + word[2:].capitalize()
    return _untransposed(word).capitalize()


def _untransposed(word: str) -> str:
    """A common first name typed with two letters swapped (``RICAHRD``) → ``RICHARD``."""
    if len(word) < 5 or word in _FIRST_NAMES:
        return word
    for name in _FIRST_NAMES:
        if len(name) == len(word) and sorted(name) == sorted(word) and OSA.distance(word, name) == 1:
            return name
    return word


def _classified_by(text: str) -> list[str]:
    matches = list(iter_at(CLASSIFIED_BY_LABEL, text, "CLA"))
    for i, m in enumerate(matches):
        if i + 1 < len(matches) and re.fullmatch(
                r"[\s\d.()A-Za-z/:]{0,30}?(?:this message)?\s*", text[m.end():matches[i + 1].start()],
                re.IGNORECASE) and not re.search(r"[A-Z][a-z]+\s+[A-Z]", text[m.end():matches[i + 1].start()]):
            continue  # "Classified By: Classified by …" and "Classified By: (C) CLASSIFIED BY …"
        names = _names_in(text[m.end():m.end() + 400])
        if names:
            return names
    return []


def _names_in(segment: str) -> list[str]:
    segment = _join_broken_words(segment)
    cut = _REASON.search(segment)
    segment = segment[:cut.start()] if cut else segment
    mixed_case = bool(re.search(r"[a-z]{3}", segment))
    pieces = re.split(r"\bAND\b", segment) if not mixed_case else [segment]
    names = [name for piece in pieces if (name := _name_in(piece, mixed_case))]
    return names


def _join_broken_words(segment: str) -> str:
    """``Richa \\nrd Hoagland`` → ``Richard Hoagland``: a word cut by the 70-column wrap."""
    segment = re.sub(r"(?<=[A-Za-z]) *\n *(?!(?:for|per|and|the|of|to|in|on|by)\b)([a-z]{1,3})(?=[\s,.;)])",
                     r"\1", segment)
    # "Hoyt Y ee": a capital standing alone (no initial's period) and a lower-case piece
    return re.sub(r"(?<=\b[A-Z]) (?!(?:for|per|and|the|of|to|in|on|by|at|as|is|an|a)\b)([a-z]{1,3})"
                  r"(?=[\s,.;)])", r"\1", segment)


_REDACTED = re.compile(r"X{5,}")
# A comma between the name and its title, not the one before a suffix ("SIMONS, JR.").
_COMMA = re.compile(r",(?!\s*(?:JR|SR|II|III|IV|Jr|Sr)\b)")


def _name_in(piece: str, mixed_case: bool) -> str | None:
    """The name in one classifier's words: in the last part (after ``:``) that has one, the
    name-like run that ends its first comma-separated piece to hold one. The name comes
    before its title and office (``Chris Stevens, DCM, Embassy Tripoli, Department of
    State``) or after a title (``Charge d'Affaires, a.i., Arnold A. Chacon``)."""
    parts = [p for p in re.split(r"[:?]", piece) if p.strip()]
    for part in reversed(parts):
        for chunk in _COMMA.split(part):
            if _REDACTED.search(chunk):
                return None  # the name was withheld ("XXXXXXXXXXXX, Ambassador")
            name = _tail_name(chunk, mixed_case)
            if name:
                return name
    return None


def _tail_name(tail: str, mixed_case: bool) -> str | None:
    tokens = list(re.finditer(r"\S+", tail))
    # Titles after the name ("SIMONS, JR., AMBASSADOR.") come off first.
    while tokens and _is_title(tokens[-1].group(), mixed_case) and not _is_suffix(tokens[-1].group()):
        tokens.pop()
    run: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group()
        if _is_suffix(word) or (_name_like(word, mixed_case) and not _is_title(word, mixed_case)):
            # A comma inside the run ends the name ("ROBERT, AMBASSADOR"), except before a suffix.
            if run and word.endswith(",") and not _is_suffix(run[0].group()):
                break
            run.insert(0, token)
            continue
        break
    while run and (_is_suffix(run[0].group()) or len(run[0].group().strip(",.")) == 1
                   and "." not in run[0].group()):
        run.pop(0)
    if len(run) >= 3:
        for k in range(1, len(run) - 1):
            if _bare(run[k].group()) in _FIRST_NAMES and _bare(run[0].group()) not in _FIRST_NAMES:
                run = run[k:]
                break
    if not run:
        return None
    name = tail[run[0].start():run[-1].end()].strip()
    name = re.sub(r"\s+", " ", name).rstrip(",;:-")
    if name.endswith(".") and not re.search(r"(?:\b[A-Z]\.|\b(?:Jr|JR|Sr|SR)\.)$", name):
        name = name[:-1]
    if not re.search(r"[A-Za-z]{2}", name):
        return None  # initials alone, or a line cut short ("Classified By: A...")
    return name


_NOT_ALNUM = re.compile(r"[^A-Z0-9]")
_DIGIT = re.compile(r"[0-9]")
_CAPS_DIGITS = re.compile(r"[A-Z0-9]+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+,?")
_AD_INTERIM = re.compile(r"[a-z]\.[a-z]\.?,?")
_GARBLED = re.compile(r"[A-Z][a-z]{2,}[A-Z]")
_NAME_PREFIXES = ("Mac", "Van", "Von", "Del", "Des", "Dos", "Das")
_LONG_TITLES = tuple(title for title in _TITLES if len(title) >= 6)
_FIVE_TITLES = tuple(title for title in _TITLES if len(title) == 5)


@lru_cache(maxsize=8192)
def _bare(word: str) -> str:
    return _NOT_ALNUM.sub("", word.upper())


def _is_suffix(word: str) -> bool:
    return _bare(word) in _SUFFIXES


def _name_like(word: str, mixed_case: bool) -> bool:
    if word.rstrip(",") == "0.":
        return True  # an initial O typed as a zero ("LEE 0. COLDREN")
    core = word.strip(",.;")
    if _GARBLED.match(core) and not core.startswith(_NAME_PREFIXES):
        return False  # a capital inside a word ("CooQnator"): damage, not a name
    if not core or "/" in core or "(" in core or ")" in core or not core[0].isupper():
        return False
    if _DIGIT.search(core) and not _CAPS_DIGITS.fullmatch(core):
        return False
    if core.isdigit():
        return False
    if mixed_case and len(core) >= 2 and core.isupper() and "." not in core and \
            not _is_suffix(core):
        return False  # an office acronym (IO, DPO, ISN) in mixed-case text
    return True


def _is_title(word: str, mixed_case: bool) -> bool:
    return _title_word(word)


@lru_cache(maxsize=8192)
def _title_word(word: str) -> bool:
    """A title or office word, allowing the release's typing errors (``Ambassaor``)."""
    if _INITIALS.fullmatch(word):
        return False  # initials ("A.F.")
    if _AD_INTERIM.fullmatch(word):
        return True  # "a.i." (ad interim) and its typos ("a.y.")
    bare = _bare(word).replace("0", "O")
    if not bare:
        return True
    if bare in _TITLES:
        return True
    if "-" in word and any(_bare(p).replace("0", "O") in _TITLES for p in word.split("-")):
        return True
    if len(bare) >= 5:
        limit = 1 if len(bare) < 9 else 2
        return any(OSA.distance(bare, title, score_cutoff=limit) <= limit
                   for title in _LONG_TITLES if abs(len(title) - len(bare)) <= limit)
    if len(bare) == 4:  # a letter dropped from a five-letter title ("CIEF")
        return any(OSA.distance(bare, title, score_cutoff=1) <= 1 for title in _FIVE_TITLES)
    return False


# ----------------------------------------------------------------------------- signers

_FOOT_NOISE = re.compile(
    r"^(?:(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|NOFORN|SIPDIS|LIMITED OFFICIAL USE|"
    r"BT|NNNN|END OF TEXT\.?|END TEXT\.?|GP-\d+|#+\d*)\s*)+$|^Declassified/Released|^Review \d|"
    r"^NOTE\b|^[.*=#\-]+$|^\d{4}[A-Z]+\d+\s+-\s+\w+$|^[A-Z][A-Z ]*\s\d{5,8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}$|"
    r"^PAGE\s+\d{2,3}\s.*\d{6}Z$"
)
_NOT_SIGNERS = {"END", "TEXT", "BT", "NNNN", "CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "NOFORN",
                "SIPDIS", "STATE", "MINIMIZE", "CONSIDERED", "COMMENT", "SUMMARY"}


def parse_signers(text: str) -> list[str]:
    """The surname(s) signing the cable at its foot; [] when the foot has none."""
    lines = text.rstrip().split("\n")
    for line in reversed(lines[-25:]):
        stripped = line.strip()
        if not stripped or _FOOT_NOISE.match(stripped):
            continue
        candidate = stripped.rstrip("#.").strip()
        words = candidate.split()
        if 1 <= len(words) <= 2 and all(_signer_word(w) for w in words):
            return [" ".join(words)]
        # "… CONSIDERED.  EAGLETON" — the name closes the last sentence's line.
        m = re.search(r"[.!?]\s+([A-Z][A-Z'\-]+)$", candidate)
        if m and _signer_word(m.group(1)):
            return [m.group(1)]
        return []
    return []


def _signer_word(word: str) -> bool:
    return (bool(re.fullmatch(r"[A-Z][A-Za-z'\-]{1,29}", word)) and word.upper() not in _NOT_SIGNERS
            and (word.isupper() or word[1:].islower()))
