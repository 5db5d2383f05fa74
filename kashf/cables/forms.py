"""Persian report forms and Arabic official letters.

Iranian service reports (like the 2019 MOIS leak) and Arab ministries' letters
open with a block of labelled fields — شماره، تاریخ، طبقه‌بندی، از، به، موضوع،
پیرو، پیوست, or الرقم، التاريخ، الموضوع، إلى، من — in any order, one or several
to a line, typed on Persian or Arabic keyboards (ی/ي, ک/ك), with or without
ZWNJ, with Persian, Arabic-Indic or Latin digits. A text is taken for such a
form only when at least three different labelled fields (with a colon) open
it and one of them is the subject, or both number and date are there.

Values are kept as written (a reference number stays ``۱۲۳/۴۵۶``, the
classification ``سری``), with letter variants of a Persian level folded to the
standard ones; the date is parsed in its own calendar. :func:`english_level`
gives the English level of a written one (سری → SECRET) for callers that
compare levels across languages.
"""

from __future__ import annotations

import re

from kashf.cables.model import Cable, Paragraph
from kashf.text.dates import SOLAR_HIJRI, ParsedDate, find_dates, parse_date

# One code point for one code point, so offsets into the folded text hold for the original.
_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
                       "آ": "ا", "ٱ": "ا", "\u200c": " ", "\u200f": " ", "\u200e": " ",
                       "\u0640": " ", "\u00a0": " "})

# Field → labels, written folded (ی, ک, ه, plain alif). Longest first within the regex.
_PERSIAN = {
    "number": ["شماره نامه", "شماره"],
    "date": ["تاریخ"],
    "classification": ["طبقه بندی", "طبقه بندی حفاظتی", "درجه حفاظتی", "درجه طبقه بندی"],
    "origin": ["از"],
    "to": ["به", "گیرنده"],
    "subject": ["موضوع"],
    "references": ["پیرو", "عطف"],
    "attachments": ["پیوست"],
    "precedence": ["فوریت", "درجه فوریت"],
    "copies": ["رونوشت"],
}
_ARABIC = {
    "number": ["الرقم", "العدد", "رقم الکتاب", "الرقم المرجعی"],
    "date": ["التاریخ"],
    "classification": ["درجه السریه", "السریه", "التصنیف"],
    "origin": ["من"],
    "to": ["الی"],
    "subject": ["الموضوع"],
    "references": ["الاشاره", "اشاره", "المرجع"],
    "attachments": ["المرفقات", "مرفقات"],
    "precedence": ["درجه الاهمیه"],
    "copies": ["نسخه منه الی", "نسخه الی", "صوره منه الی", "صوره الی"],
}
_LABELS = {**{label: ("fa", f) for f, labels in _PERSIAN.items() for label in labels},
           **{label: ("ar", f) for f, labels in _ARABIC.items() for label in labels}}
# Looked up without spaces: a label may be typed with, without or with a lost ZWNJ.
_BY_KEY = {label.replace(" ", ""): value for label, value in _LABELS.items()}
_LABEL_RE = re.compile(
    r"(?:^|(?<=[\s|،,؛*\-(]))(?P<label>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s*") for k in sorted(_LABELS, key=len, reverse=True))
    + r")\s*[:：/]\s*"
    + r"|^\s*(?P<mim>م)\s*/\s*",  # Iraqi letters: "م/ الموضوع"
    re.MULTILINE,
)
# Classification levels as written (folded) → English level. Longest first.
_LEVELS = [
    ("به کلی سری", "TOP SECRET"), ("بکلی سری", "TOP SECRET"), ("خیلی سری", "TOP SECRET"),
    ("سری للغایه", "TOP SECRET"), ("سری جدا", "TOP SECRET"), ("خیلی محرمانه", "CONFIDENTIAL"),
    ("سری و شخصی", "SECRET"), ("سری", "SECRET"), ("محرمانه", "CONFIDENTIAL"),
    ("مکتوم", "CONFIDENTIAL"), ("کتوم", "CONFIDENTIAL"), ("محدود", "RESTRICTED"),
    ("عادی", "UNCLASSIFIED"), ("غیر طبقه بندی", "UNCLASSIFIED"),
]
_PRECEDENCE = [("خیلی فوری", "FLASH"), ("انی", "FLASH"), ("فوری", "IMMEDIATE"),
               ("عاجل جدا", "FLASH"), ("عاجل", "IMMEDIATE"), ("عادی", "ROUTINE")]
_HEADER_LINES = 30
_NUMBER = re.compile(r"[0-9۰-۹٠-٩]+(?:\s*[/\-]\s*[0-9۰-۹٠-٩]+)*")
_PARA_NUMBER = re.compile(r"^[ \t]*(?P<num>[0-9۰-۹٠-٩]{1,3})[ \t]*[-.)–][ \t]*", re.MULTILINE)


def fold(text: str) -> str:
    """Persian/Arabic letter variants folded, length unchanged."""
    return text.translate(_FOLD)


def parse_form(text: str, document_id: str | None = None) -> Cable | None:
    """A Persian report or Arabic letter, or None when the text does not open with such a header."""
    if not re.search(r"[\u0600-\u06ff]", text[:3000]):
        return None
    folded = fold(text)
    header_end = _header_end(folded)
    fields, languages, last_end = _fields(folded, text, header_end)
    kinds = set(fields)
    if len(kinds) < 3 or not ("subject" in kinds or {"number", "date"} <= kinds):
        return None
    arabic = languages.count("ar") > languages.count("fa")
    cable = Cable(format="arabic_letter" if arabic else "persian_report", id=document_id)
    number = _logical(_first(fields, "number"))
    cable.reference_id = _ascii_digits(number) if number else None
    cable.date = _date(_first(fields, "date"), arabic)
    cable.classification = _as_written(_first(fields, "classification"), arabic) or \
        _standalone(text, folded[:header_end], arabic)
    cable.precedence = _level(_first(fields, "precedence"), _PRECEDENCE)
    cable.origin = _first(fields, "origin") or (_letterhead(text, folded) if arabic else None)
    cable.to = [part for value in fields.get("to", []) for part in _split_list(value)]
    cable.info = [part for value in fields.get("copies", []) for part in _split_list(value)]
    cable.subject = _unmirrored(_first(fields, "subject"))
    references = [ref for value in fields.get("references", [])
                  for ref in _numbers(_logical(value))]
    if arabic:  # the letterhead may name the order that set the sender up, so from the top
        references += _cited_in_letter(folded, text, 0)
    cable.references = list(dict.fromkeys(_ascii_digits(r) for r in references))
    cable.paragraphs = _paragraphs(text, folded, last_end)
    cable.signers = _signers(text, arabic)
    return cable


def _header_end(folded: str) -> int:
    """Where the labelled header stops: the first line of running text, or line 30."""
    pos = 0
    for _ in range(_HEADER_LINES):
        nxt = folded.find("\n", pos)
        line = folded[pos:] if nxt < 0 else folded[pos:nxt]
        if len(line.split()) >= 10 and not _LABEL_RE.search(line):
            return pos
        if nxt < 0:
            return len(folded)
        pos = nxt + 1
    return pos


def _fields(folded: str, text: str, header_end: int
            ) -> tuple[dict[str, list[str]], list[str], int]:
    """Labelled values in the header: field → values as written, the label languages, header end."""
    matches = list(_LABEL_RE.finditer(folded, 0, header_end))
    fields: dict[str, list[str]] = {}
    languages: list[str] = []
    last_end = 0
    for i, m in enumerate(matches):
        if m["mim"]:
            language, field = "ar", "subject"
        else:
            language, field = _BY_KEY[re.sub(r"\s+", "", m["label"])]
        line_end = folded.find("\n", m.end())
        line_end = len(folded) if line_end < 0 else line_end
        stop = min(line_end, matches[i + 1].start() if i + 1 < len(matches) else line_end)
        value = text[m.end():stop].strip().strip(" \t|،,؛:*-").strip()
        if not value and line_end < len(folded):  # the value on the next line
            nxt = folded.find("\n", line_end + 1)
            nxt = len(folded) if nxt < 0 else nxt
            if not _LABEL_RE.search(folded, line_end + 1, nxt):
                value = text[line_end + 1:nxt].strip().strip(" \t|،,؛:*-").strip()
                stop = nxt
        if value:
            fields.setdefault(field, []).append(re.sub(r"\s+", " ", value))
            languages.append(language)
        last_end = max(last_end, stop)
    return fields, languages, last_end


# The text layer of a right-to-left PDF may come out in visual order: "۴۱/۲۶۱۰" reads
# "/ ۲۶۱۰ ۴۱", a list "۴۱/۲۵۳۳، ۴۱/۲۵۶۱" reads "/ ۲۵۳۳ ،۴۱ / ۲۵۶۱ ۴۱", quotes are mirrored
# (»دانا«). A number field never starts with its slash, so that start tells the order.
_VISUAL_NUMBER = re.compile(
    r"/\s*(?P<serial>[0-9۰-۹٠-٩]+)\s+(?P<sep>[،,]?)(?P<prefix>[0-9۰-۹٠-٩]+)")


def _logical(value: str | None) -> str | None:
    """A number field in logical order (``/ ۲۶۱۰ ۴۱`` → ``۴۱/۲۶۱۰``); others unchanged."""
    if not value or not value.startswith("/"):
        return value
    return _VISUAL_NUMBER.sub(lambda m: f"{m['prefix']}/{m['serial']}{m['sep']}", value)


def _unmirrored(value: str | None) -> str | None:
    """``»دانا«`` → ``«دانا»``: guillemets a visual-order text layer turned round."""
    if value and 0 <= value.find("»") < value.find("«"):
        return value.translate(str.maketrans("»«", "«»"))
    return value


def _first(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values else None


def _date(value: str | None, arabic: bool) -> ParsedDate | None:
    if not value:
        return None
    if arabic:  # Arab letters write numeric dates day first
        whole = parse_date(value, day_first=True)
        if whole is not None:
            return whole
    found = find_dates(value)
    if found:
        return found[0]
    return parse_date(value, calendar_hint=None if arabic else SOLAR_HIJRI)


def _level(value: str | None, table: list[tuple[str, str]]) -> str | None:
    if not value:
        return None
    folded = re.sub(r"\s+", " ", fold(value)).strip()
    for word, level in table:
        if word in folded:
            return level
    return value


def _as_written(value: str | None, arabic: bool) -> str | None:
    """The level as written; a Persian one in standard letters (سري → سری); spaces tidied."""
    if not value:
        return None
    if not arabic:
        value = value.translate(str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u200c": " "}))
    return re.sub(r"\s+", " ", value).strip() or None


def _standalone(text: str, folded_header: str, arabic: bool) -> str | None:
    """A classification stamped on a line of its own (``سری``, ``سري وشخصي``) in the header."""
    offset = 0
    for line in folded_header.split("\n"):
        stripped = re.sub(r"\s+", " ", line).strip(" *-|")
        words = stripped.split()
        if 0 < len(words) <= 4 and any(stripped.startswith(word) for word, _ in _LEVELS) \
                and not _LABEL_RE.search(line):
            return _as_written(text[offset:offset + len(line)].strip(" *-|"), arabic)
        offset += len(line) + 1
    return None


def english_level(written: str | None) -> str | None:
    """The English level of a Persian or Arabic classification (``به کلی سری`` → TOP SECRET)."""
    level = _level(written, _LEVELS) if written else None
    return level if level in _ENGLISH_LEVELS else None


_ENGLISH_LEVELS = {level for _, level in _LEVELS}


def _split_list(value: str) -> list[str]:
    parts = [p.strip(" ()-") for p in re.split(r"[،;؛]", value)]
    return [p for p in parts if p]


_BASMALA = re.compile(r"بسم|بسمه|تعالی|الرحمن")


def _letterhead(text: str, folded: str) -> str | None:
    """An Arabic letter's sender is the last line of its letterhead, above the numbered fields."""
    first_label = _LABEL_RE.search(folded)
    if not first_label:
        return None
    lines = [line.strip() for line in text[:first_label.start()].split("\n") if line.strip()]
    lines = [line for line in lines if not _BASMALA.search(fold(line))]
    return lines[-1] if lines and len(lines[-1]) <= 120 else None


# "الأمر الوزاري المرقم (ق/219)", "كتابكم المرقم 123 في …": earlier papers a letter cites.
_CITED = re.compile(r"(?:کتاب\w*|الامر|امر|البرقیه|برقیه|الاشاره)[^\n()]{0,25}?المرقم\s*\(?\s*"
                    r"(?P<ref>[^\s()]+(?:\s?/\s?[^\s()]+)?)")


def _cited_in_letter(folded: str, text: str, start: int) -> list[str]:
    return [text[m.start("ref"):m.end("ref")] for m in _CITED.finditer(folded, start)]


_CLOSING = re.compile(r"^(?:نسخه منه|نسخه الی|صوره منه|صوره الی|رونوشت)")


def _signers(text: str, arabic: bool) -> list[str]:
    """The signature block: the name line above the signer's title (Arabic), the last line (Persian)."""
    lines = [line.strip() for line in text.rstrip().split("\n")]
    for i, line in enumerate(lines):  # the copies list comes after the signature
        if i > len(lines) // 2 and _CLOSING.match(fold(line)):
            lines = lines[:i]
            break
    block: list[str] = []
    for line in reversed(lines):
        if not line:
            if block:
                break
            continue
        if len(line.split()) > 6 or re.search(r"[.:؛!؟]$", line) or "    " in line:
            break  # running text, or a row of signature titles in columns
        block.insert(0, line)
    if not block:
        return []
    if arabic and len(block) >= 3:
        return [block[-2]]
    if arabic and len(block) == 2:
        return [block[0]]
    return [block[-1]]


def _numbers(value: str) -> list[str]:
    """Reference numbers in a پیرو/الإشارة value, as written; dates are not references."""
    out = []
    for m in _NUMBER.finditer(value):
        token = m.group()
        if parse_date(token) is not None or len(re.sub(r"\D", "", fold(token))) < 2:
            continue
        out.append(token)
    return out


def _paragraphs(text: str, folded: str, start: int) -> list[Paragraph]:
    numbered = list(_PARA_NUMBER.finditer(folded, start))
    if numbered:
        spans = [(m, m.start() + len(m.group()) - len(m.group().lstrip(" \t"))) for m in numbered]
        return [Paragraph(_ascii_digits(m["num"]), None, begin,
                          spans[i + 1][0].start() if i + 1 < len(spans) else len(text.rstrip()))
                for i, (m, begin) in enumerate(spans)]
    paragraphs = []
    for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text[start:]):
        paragraphs.append(Paragraph(None, None, start + m.start(), start + m.end()))
    return paragraphs


def _ascii_digits(number: str) -> str:
    return number.translate({**{ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")},
                             **{ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}})
