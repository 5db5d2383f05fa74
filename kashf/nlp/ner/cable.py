"""Parts of US cables that look like names to a tagger but are routing and markings.

A cable's header (``VZCZC…``, ``DE RUEHGB #1890 2821120``, ``ZNY CCCCC ZZH``,
``P 091120Z OCT 14``, ``TO RUEHC/SECSTATE WASHDC``, ``INFO RUEHKUK/AMCONSUL ERBIL``)
is written in capitals, and so are its routing indicators (RUEHBC, RUCNIRA,
RHEHAAA) and classification markings (``(S/NF)``, ``(SBU)``, ``S E C R E T``).
:func:`mask` blanks them with spaces (line breaks and offsets kept) before the name
tagger reads the text, so none of them becomes a person or an organisation.
"""

from __future__ import annotations

import re

from kashf.nlp.ner.lexicons import word_frequency

_LINE = r"^[ \t]*(?:{})[^\n]*$"
# Whole header lines: the VZCZC start, precedence + indicators, the DE (from) line,
# ZNY/ZNR security lines, the date-time group, and TO/INFO lines that route by indicator.
_HEADER_LINES = re.compile("|".join(_LINE.format(p) for p in (
    r"VZCZC[A-Z0-9]*(?=[ \t]*$)",
    r"[ZOPRM]{1,2}[ \t]+R[UH][A-Z]{3,5}(?:[ \t]+R[UH][A-Z]{3,5})*(?=[ \t]*$)",
    r"R[UH][A-Z]{3,5}(?:[ \t]+R[UH][A-Z]{3,5})+(?=[ \t]*$)",
    r"DE[ \t]+R[A-Z]{3,6}[ \t]+#",
    r"ZN[YR][ \t]+[A-Z]{5}\b",
    r"[ZOPRM][ \t]+\d{6}Z[ \t]+[A-Z]{3}[ \t]+\d{2}(?=[ \t]*$)",
    r"(?:(?:TO|INFO|XMT|BT)[ \t]+)?R[UH][A-Z]{3,5}/",
    r"(?:[A-Z] ){4,}[A-Z]\b",  # the banner: S E C R E T STATE 128877
)), re.MULTILINE)
# A routing indicator anywhere: 5-7 capitals starting RU/RH before a slash, or starting
# with a common indicator prefix (RUE, RUC, RHE, RHM, RUL, RUF) when not an English word.
_INDICATOR = re.compile(r"\bR[UH][A-Z]{3,5}(?=/)|\bR(?:UE|UC|HE|HM|UL|UF|HH)[A-Z]{2,4}\b")
# Classification markings: "(S/NF)", "(C)", "(SBU)", "(U//FOUO)", bare "S/NF", and the
# spaced banner "S E C R E T", "C O N F I D E N T I A L".
_MARKINGS = re.compile(
    r"\((?:U|C|S|TS|SBU|FOUO|NF|S//?NF|C//?NF|TS//?NF|U//?FOUO|SBU//?NF|S//?REL[A-Z ,]*)\)"
    r"|\b(?:TS|S|C|U|SBU)//?(?:NF|NOFORN|FOUO|ORCON|REL)\b"
    r"|\b(?:[A-Z] ){4,}[A-Z]\b"
    r"|\b(?:NOFORN|SIPDIS|NODIS|EXDIS|LIMDIS|ORCON)\b"
)


def mask(text: str) -> str:
    """``text`` with cable routing lines, routing indicators and markings blanked out."""
    if not any(cue in text for cue in ("VZCZC", "/", "(", "DE R", "ZNY", "ZNR", "NOFORN", "SIPDIS", " E ")):
        return text
    spans = [m.span() for m in _HEADER_LINES.finditer(text)]
    spans += [m.span() for m in _MARKINGS.finditer(text)]
    english = word_frequency("en")
    spans += [m.span() for m in _INDICATOR.finditer(text) if m.group().lower() not in english]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            if chars[k] not in "\n\r":
                chars[k] = " "
    return "".join(chars)
