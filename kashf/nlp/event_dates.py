"""When an event happened: the dates a report gives, read in order and resolved.

Absolute dates in any calendar (``kashf.dates``), dates without a year (the document's
year in that calendar), relative phrases (``lexicons/relative_dates.tsv``: «روز بعد»,
"the next day", counted from the story's last day or the document's) and relative days
that need a calendar (``kashf.nlp.relative_days``: "last Tuesday", "on the 15th").
:class:`DateTracker` keeps a document's dates per paragraph and parses a paragraph only
when an event asks for it. The events module (``kashf.nlp.events``) decides which of a
sentence's dates is an event's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kashf.nlp import events_lexicon as lex
from kashf.nlp.patterns import ascii_digits
from kashf.nlp.relative_days import (
    FOLLOWING_WEEKDAY,
    WEEKDAY_HEADING,
    YEARLESS_AHEAD,
    bare_weekday_number,
    feast_at,
    following_weekday,
    on_sighted_weekday,
    relative_days,
    weekday_alone,
    weekday_before,
)
from kashf.text.dates import (
    DAY_WORDS,
    LUNAR_MONTH_NAMES,
    day_in_words,
    month_of,
    solar_year_of_two_digits,
)

# A report's header lines (Subject:, «تاریخ:», DECL:): their dates are the report's, not an event's.
DECL_LINE = re.compile(r"\bDECL\b|\bE\.\s?O\.|classified by|declassify", re.IGNORECASE)
HEADER_LINE = re.compile(
    r"^\s*(?:subject|subj|re|موضوع|الموضوع|عنوان|ref|from|to|date|تاریخ|التاريخ|از|به|پیرو|"
    r"المرجع|من|إلى|الى|met|contact"
    # a form's date of what it records: «تاريخ المقابلة:», «تاريخ الجلسة:», "Date of interview:"
    r"|(?:date|تاریخ|تاريخ)\s+(?:of\s+)?(?:the\s+)?\w+)\s*[:：]",
    re.IGNORECASE,
)


# A feast tied to the report's time by its own words: «العيد الماضي», «عید امسال», "next Eid".
_FEAST_TIED = re.compile(r"(?:الماضی|القادم|المقبل|الفائت|الجای|گذشته|اینده|امسال|پارسال|"
                         r"\b(?:last|next|this)\b|[0-9۰-۹٠-٩]{4})")


# A header line that refers to another paper by its date: "Ref: PM 2024-04-22", «پیرو …».
_REFERENCE_LINE = re.compile(r"\s*(?:ref|reference|our ref|your ref|پیرو|عطف|بازگشت|المرجع|إشارة|اشارة)"
                             r"\b\s*[.:：]", re.IGNORECASE)


# A number right before a trigger counts events ("five meetings", «پنج دیدار», "23 meetings"),
# and so does a count of times after it ("travelled to Tehran three times", «دو بار»): a
# total, not an event.
# «الليلة» is tonight, but not «تلك الليلة» or «الليلة ذاتها»: that night is the story's, which
# the clause's own date gives.
_THAT_NIGHT = re.compile(r"(?:تلک|ذات|نفس|تلك)\s+$|^\s+(?:ذاتها|نفسها)")
COUNT_BEFORE = re.compile(
    # (not an hour: «ساعت ۲۳ شب گذشته», «الساعة ١١ مساء أمس» is last night at eleven)
    r"(?<![\w:.])(?<!ساعت\s)(?<!ساعه\s)(?<!الساعه\s)(?:[0-9۰-۹٠-٩]+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|many|numerous|a dozen|dozens of|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|"
    r"بیست|چند|چندین|اثنین|ثلاث|اربع|خمس|ست|سبع|عشر|عده|عدة)\s+$",
    re.IGNORECASE,
)


def iso_day(value: str | None) -> dt.date | None:
    """``2014-10-12`` (or a longer ISO string) as a date; None when it is not one."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class DateTracker:
    """Dates of a document in reading order: absolute ones, relative ones resolved.

    Dates are parsed per paragraph and only when asked for: most paragraphs of a long
    cable hold no event, and date parsing is the costliest step of this stage.
    """

    def __init__(
        self, text: str, folded: str, document_date: str | None,
        paragraphs: list[tuple[int, int, str | None]],
    ) -> None:
        self.text, self.folded = text, folded
        self.paragraphs = paragraphs
        self._cache: dict[int, list[tuple[int, int, str, str]]] = {}
        self._season_list: list[tuple[int, dt.date, dt.date]] | None = None
        self._headings: list[tuple[int, int, str]] | None = None  # found when first asked for
        # Month-precise dates («در مرداد ۱۳۹۳», "in May 2014") per paragraph, and the
        # last day of each, by (ISO, text): they date an event but are never a story's day.
        self._months: dict[int, list[tuple[int, int, str, str]]] = {}
        self.month_end: dict[tuple[str, str], str] = {}
        self._said: list[tuple[int, dt.date]] = []  # every day a sentence gave, in order
        # where a day counted from the story's last one is written ("two days later",
        # «فردای آن روز»): it opens the next step of the story
        self.story_steps: set[int] = set()
        # where a step of the story that names no day is written («چند هفته بعد», "weeks later"):
        # the story goes on at a day no one can name
        self.vague_steps: set[int] = set()
        # where a step back from the story's day is written ("the previous evening", «شب قبل»)
        self.back_steps: set[int] = set()
        # where a day still to come from the writing is written ("tomorrow", «پس‌فردا», «بكرة»)
        self.ahead: set[int] = set()
        self._labelled: dict[int, list[tuple[int, dt.date | None]]] = {}  # calls' lines
        # how the document writes 3/4/2021, worked out when its first date is asked for
        self._day_first: bool | None = None
        self._order_known = False
        self.document = iso_day(document_date) or self._header_date()
        self._log_day: str | None = None  # worked out when first asked for
        self._mails: list[tuple[int, dt.date | None]] | None = None  # e-mails' Sent: days
        # an operation diary's D-Day and its key line, worked out when first asked for
        self._d_day: tuple[dt.date, int, int] | None | bool = False

    def _header_date(self) -> dt.date | None:
        """No cable date from the lead's stage: the report's own "تاریخ:" / "Date:" line."""
        for m in _DATE_LINE.finditer(self.text):
            found = _absolute_dates(self.text, m.start(), m.end(), None)
            if found:
                return iso_day(found[0][2])
        return None

    def mail_day(self, offset: int) -> dt.date | None:
        """The day the e-mail that ``offset`` is in was sent, in a mail or a thread of them:
        "this morning" in it is of that day, not of the last mail's."""
        if self._mails is None:
            from kashf.text.dates import find_dates

            self._mails = []
            for m in _MAIL_SENT.finditer(self.text):
                if not (_MAIL_FROM.search(self.text, max(0, m.start() - 300), m.start())
                        or _MAIL_BREAK.search(self.text, max(0, m.start() - 120), m.start())):
                    continue
                days = [d for d in find_dates(m.group("when")) if d.precision in ("day", "minute")]
                self._mails.append((m.start(), iso_day(days[0].iso[:10]) if days else None))
        return next((day for at, day in reversed(self._mails) if at < offset), None)

    def _mail_start(self, offset: int) -> int:
        """Where the header of the e-mail ``offset`` is in begins; -1 outside a thread."""
        self.mail_day(offset)
        return next((at for at, _day in reversed(self._mails or []) if at < offset), -1)

    def today(self, offset: int) -> dt.date | None:
        """The day "yesterday" and "tomorrow" at ``offset`` count from: its diary entry's,
        else its e-mail's, else the document's."""
        return self.entry_date(offset) or self.mail_day(offset) or self.document

    def log_day(self) -> str | None:
        """The day a log's header says was watched ("Surveillance date: Thu 2024-06-06 |
        Compiled: Fri 2024-06-07", «تاریخ مراقبت: …»), which its timed lines are of."""
        if self._log_day is None:
            self._log_day = ""
            for m in _LOG_DAY_LABEL.finditer(self.text, 0, min(len(self.text), _LOG_HEADER_REACH)):
                line_end = self.text.find("\n", m.end())
                found = _absolute_dates(self.text, m.end(),
                                        len(self.text) if line_end < 0 else line_end,
                                        self.document, [], None, self._day_order())
                if found and found[0][2] and len(found[0][2]) == 10:
                    self._log_day = found[0][2]
                    break
        return self._log_day or None

    def _day_order(self) -> bool | None:
        """Whether the document writes 3/4/2021 day first, worked out once when first asked."""
        if not self._order_known:
            self._day_first, self._order_known = day_first_order(self.text), True
        return self._day_first

    def _paragraph(self, offset: int) -> int:
        for index, (p_start, p_end, _) in enumerate(self.paragraphs):
            if p_start <= offset < p_end:
                return index
        return -1

    def dates_of(self, index: int) -> list[tuple[int, int, str, str]]:
        """The day-precise dates of a paragraph (its month-precise ones go to ``_months``)."""
        if index not in self._cache:
            p_start, p_end, _ = self.paragraphs[index]
            months: list[tuple[int, int, str, str, str]] = []
            # the story's last day in the paragraphs read before this one
            # (or a season with its year told before: «پاییز ۱۳۹۶ …» / «دوشنبه، هشتم آبان»)
            told = next((
                (at, iso_day(iso), None)
                for i in sorted((i for i in self._cache if i < index), reverse=True)
                for at, _e, iso, _t in reversed(self._cache[i])
                if not self._in_header(at) and not self._after(iso)
            ), None)
            if told is not None and _background_closed(self._heading_lines(), told[0],
                                                       self._line_end(p_start)):
                told = None
            if self._season_list is None:
                self._season_list = _seasons(self.text, ())
            # (and a month with its year told in a paragraph read before: "Tell me about
            # October 2019." / "On the 1st of October …")
            told_months = [
                (at, first, last) for i in self._months if i < index
                for at, _e, iso, text in self._months[i]
                if (first := _month_first(iso))
                and (last := iso_day(self.month_end.get((iso, text))))
            ]
            season = max(((at, first, last) for at, first, last in
                          [*self._season_list, *told_months] if at < p_start), default=None)
            _at, day, last = max((x for x in (told, season) if x is not None),
                                 default=(0, None, None), key=lambda x: x[0])
            story = None if day is None else (day, last or day + _STORY_GAP)
            self._cache[index] = [d for d in _one_day_two_calendars(self.text, sorted(
                _lunar_by_weekday(self.folded, _absolute_dates(
                    self.text, p_start, p_end, self.document, months, story, self._day_order()))
                + self._day_labels(p_start, p_end)))
                if not _BORN.search(self.folded, max(0, d[0] - 20), d[0])]
            self._months[index] = [(s, e, iso, text) for s, e, iso, text, _ in months]
            self.month_end.update({(iso, text): last for _, _, iso, text, last in months})
            heading = self._relative_heading(index) or self._weekday_heading(index)
            if heading is not None:
                self._cache[index] = [heading, *self._cache[index]]
        return self._cache[index]

    def _relative_heading(self, index: int) -> tuple[int, int, str, str] | None:
        """A diary entry headed by a step of the story alone on its first line («دو روز بعد»,
        "Two days later", «بعد يومين»): its day, counted from the entry before it."""
        p_start, p_end, _ = self.paragraphs[index]
        line_end = self.text.find("\n", p_start, p_end)
        line_end = p_end if line_end < 0 else line_end
        core = self.folded[p_start:line_end].strip(_HEADING_MARKS)
        if not core or len(core) > 30:
            return None
        phrases, meaning = lex.relative_dates()
        hits = phrases.find(self.folded, p_start, line_end)
        if len(hits) != 1 or self.folded[hits[0].start:hits[0].end] != core:
            return None
        anchor_kind, days = meaning[hits[0].tag]
        if anchor_kind != "story" or not days:
            return None
        before = self.entry_date(p_start)  # (this paragraph's own dates are not asked)
        if before is None:
            return None
        return (hits[0].start, hits[0].end, (before + dt.timedelta(days=days)).isoformat(),
                self.text[hits[0].start:hits[0].end])

    def _weekday_heading(self, index: int) -> tuple[int, int, str, str] | None:
        """A diary entry headed by a weekday alone on its first line ("MONDAY 12th" … "TUES",
        «الخميس»): the first such day after the entry before it, or with none before, the
        last one up to the document's day."""
        p_start, p_end, _ = self.paragraphs[index]
        line_end = self.text.find("\n", p_start, p_end)
        line_end = p_end if line_end < 0 else line_end
        core = self.folded[p_start:line_end].strip(_HEADING_MARKS)
        alone = weekday_alone(core) if core and len(core) <= 24 else None
        if alone is None:
            return None
        weekday, number = alone
        start = p_start + self.folded[p_start:line_end].index(core)
        before = self.entry_date(p_start)
        if number is not None:  # "SAT 17th": the last such day up to the document's
            if self.document is None:
                return None
            day = next((d for d in (self.document - dt.timedelta(days=back) for back in range(62))
                        if d.day == number and d.weekday() == weekday), None)
            if day is None:
                return None
        elif before is not None:
            day = before + dt.timedelta(days=(weekday - before.weekday() - 1) % 7 + 1)
        elif self.document is not None:
            day = self.document - dt.timedelta(days=(self.document.weekday() - weekday) % 7)
        else:
            return None
        if self.document is not None and day > self.document:
            return None
        return start, start + len(core), day.isoformat(), self.text[start:start + len(core)]

    def _day_labels(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """An operation diary's "D-2", "D-Day", "D+5" in ``text[start:end]``, as days, counted
        from the D-Day the document names ("Day labels: D-Day = Tuesday 12 March 2024"), else
        from its own day (a sitrep's "LO to travel to Baghdad D+1")."""
        if self._d_day is False:
            self._d_day = self._find_d_day()
        if self._d_day is None:
            return []
        d_day, key_start, key_end = self._d_day
        out = []
        for m in _DAY_LABEL.finditer(self.text, start, end):
            if key_start <= m.start() < key_end:
                continue  # the key itself ("D-1, D+1 etc. count from it")
            if key_start < 0 and not m.group("sign"):
                continue  # no key: "D+3" is a day after the report's, "D-Day" alone no day
            shift = int(m.group("n") or 0) * (-1 if m.group("sign") in ("-", "−") else 1)
            out.append((m.start(), m.end(), (d_day + dt.timedelta(days=shift)).isoformat(),
                        m.group(0)))
        return out

    def _find_d_day(self) -> tuple[dt.date, int, int] | None:
        """D-Day and the bounds of the line that says which day it is (-1, -1 when the
        document names none and D is its own day), or None."""
        key = _D_DAY_KEY.search(self.text)
        if key is None:
            # A sitrep's "move to Kuwait City D+3" with no D-Day named: D is its own day.
            return (self.document, -1, -1) if self.document else None
        line_start = self.text.rfind("\n", 0, key.start()) + 1
        line_end = self.text.find("\n", key.end())
        line_end = len(self.text) if line_end < 0 else line_end
        found = _absolute_dates(self.text, key.end(), line_end, self.document)
        if found:
            return iso_day(found[0][2]), line_start, line_end
        # a military day with its two-digit year: "D-DAY 14 JUN 24"
        military = [day for s, _e, day in relative_days(self.folded, key.end(), line_end,
                                                          self.document, forward=lambda _at: False)
                    if s == key.end() and day]
        return (iso_day(military[0]), line_start, line_end) if military else None

    def _heading_lines(self) -> list[tuple[int, int, str]]:
        """(start, end, words) of every line that reads as a heading, found once a document."""
        if self._headings is None:
            self._headings = [(m.start(), m.end(), m.group(1).strip())
                              for m in _HEADING_LINE.finditer(self.text) if m.start() != m.end()]
        return self._headings

    def _line_end(self, offset: int) -> int:
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end

    def _feast_of_story(self, found: tuple[int, int, str | None], today: dt.date | None,
                        plan) -> tuple[int, int, str | None]:
        """A lunar feast named without its year after a story told long before the report
        («في يوم الجمعة ٢٥ رمضان ١٤٤٢هـ … وفي أول أيام عيد الفطر», in a verdict of 2022): the
        feast of the story's year, not the one nearest the report."""
        s, e, day = found
        if not day or not feast_at(self.folded, s) or today is None \
                or _FEAST_TIED.search(self.folded, s, min(len(self.folded), e + 24)):
            return found
        story = self.story_anchor(s, references=False)
        if story is None or today - story <= _STORY_GAP:
            return found
        again = relative_days(self.folded, s, e, story, forward=plan)
        return (s, e, again[0][2]) if again and again[0][0] == s and again[0][2] else found

    def _in_story_week(self, offset: int, weekday: int, day: str | None,
                       today: dt.date | None) -> str | None:
        """A bare weekday read back from ``today`` (``day``), or the first such weekday after
        the story's last day when that comes sooner: a story told a week or more back goes on
        in its own week ("flew to Dubai on Wednesday last week. On Thursday I met Osman": that
        week's Thursday, not this one's)."""
        read = iso_day(day)
        story = self.story_anchor(offset, references=False)
        if read is None or story is None or today is None or not story < read <= today:
            return day
        then = story + dt.timedelta(days=(weekday - story.weekday() - 1) % 7 + 1)
        return then.isoformat() if then < read else day

    def last_before(self, offset: int, body: bool = False) -> tuple[str, str] | None:
        """The last absolute date written before ``offset``; with ``body``, not one of a
        header line (Date:, DECL:), nor one after the document's own day, and only one a
        summary paragraph gives ("SUMMARY: … told PolOff on October 19")."""
        found = self._last_absolute(offset, body)
        return (found[1], found[2]) if found else None

    def _last_absolute(self, offset: int, body: bool = False) -> tuple[int, str, str] | None:
        index = self._paragraph(offset)
        while index >= 0:
            before = [
                d for d in self.dates_of(index)
                if d[0] < offset and not (body and (self._in_header(d[0]) or self._after(d[2])
                                                    or not self._summary(index)))
            ]
            if before:
                return before[-1][0], before[-1][2], before[-1][3]
            index -= 1
        return None

    def story_anchor(self, offset: int, references: bool = True) -> dt.date | None:
        """The day "the same day", "the next day" count from: the last day the text gave
        before ``offset``, absolute or relative («مساء الأحد ٣/٩ … في اليوم التالي»); without
        ``references``, not the date of another paper a header line refers to ("Ref: PM
        2024-04-22", «پیرو نامه مورخ …»)."""
        absolute = self._last_absolute(offset)
        if absolute and not references and _REFERENCE_LINE.match(
                self.text, self.text.rfind("\n", 0, absolute[0]) + 1):
            absolute = None
        said = next(((at, day) for at, day in reversed(self._said) if at < offset), None)
        if said and (absolute is None or said[0] > absolute[0]):
            return said[1]
        return iso_day(absolute[1]) if absolute else None

    def entry_date(self, offset: int) -> dt.date | None:
        """The day of the diary entry, log day or intercepted call ``offset`` is in: the last
        date before it that stands nearly alone on its line («مکالمه — یکشنبه ۱۶ خرداد»,
        "Entry, 7 February:"), not a header's. "Yesterday" in it counts from that day."""
        index = self._paragraph(offset)
        # (in a thread, an entry of an earlier e-mail is not this one's)
        mail = self._mail_start(offset)
        for back in range(index, max(-1, index - _ENTRY_REACH), -1):
            if self.paragraphs[back][1] < mail:
                return None
            for s, e, iso, _written in reversed(self.dates_of(back)):
                if s < mail:
                    return None
                if s >= offset or self._in_header(s) or self._after(iso):
                    continue
                line_start = self.text.rfind("\n", 0, s) + 1
                if "\n" in self.text[s:e]:  # "Thu 11th May\n1430 Intercept …": the time below
                    e = self.text.find("\n", s)  # it is the log line's, not the date's year
                line_end = self.text.find("\n", e)
                line_end = len(self.text) if line_end < 0 else line_end
                alone = (line_end - line_start) - (e - s) <= _ENTRY_LINE_REST
                # a log line's own date ("19 Jun, 14:00 – … planned for tomorrow")
                before = self.text[line_start:s]
                opens = (not before.strip(" \t-•*[(")
                         # «الأربعاء ٣ نيسان: سمعت أن دبوق سافر أمس»: a weekday before the day
                         or bare_weekday_number(self.folded[line_start:s].strip(" \t-•*[(،,"))
                         is not None
                         # «[دایرکت اینستاگرام — ۱۴۰۱/۱۱/۰۷ — ۲۳:۱۰] نیما: …»: a chat's stamp
                         or before.lstrip().startswith("[") and "]" not in before) \
                    and "\n" not in self.text[s:offset]
                # «الاتصال (٢): الاثنين ٧/٦، الساعة ١٠:٠٢، من رقم عُماني إلى الهدف»: a call's line
                labelled = bool(_ENTRY_LABEL.match(self.folded, line_start))
                if (alone or opens or labelled) \
                        and not _CITED.search(self.folded, line_start, line_end) \
                        and not _TABLE_ROW.search(self.text, line_start, line_end):
                    return iso_day(iso)
            labelled_day = self._labelled_line_day(back, offset)
            if labelled_day is not None:
                return labelled_day
        return None

    def _labelled_line_day(self, index: int, offset: int) -> dt.date | None:
        """The day on the last call's or entry's line before ``offset`` in a paragraph, when
        it is one a weekday and a number give («الاتصال (١): الأحد ٦/٦، الساعة ٢١:١٤»)."""
        days = self._labelled.get(index)
        if days is None:  # once per paragraph: its labelled lines and their days
            days = []
            p_start, p_end, _ = self.paragraphs[index]
            for m in _LINE.finditer(self.text, p_start, p_end):
                if m.start() < m.end() and (_ENTRY_LABEL.match(self.folded, m.start())
                                            or _CHAT_LINE.match(self.folded, m.start())
                                            or WEEKDAY_HEADING.match(self.folded, m.start(),
                                                                     m.end())) \
                        and not self._in_header(m.start()):
                    found = [day for _s, _e, day in
                             relative_days(self.folded, m.start(), m.end(), self.document) if day]
                    if found and not self._after(found[0]):
                        days.append((m.start(), iso_day(found[0])))
            self._labelled[index] = days
        return next((day for at, day in reversed(days) if at < offset), None)

    def _in_story_month(self, offset: int, day: int) -> str | None:
        """"On the 14th" in a story told months before the report ("In August 2022 I flew
        to Erbil … On the 14th a man invited me for tea"): the 14th of the story's month,
        when the last date before it, of a month or a day, is that month and long past."""
        index = self._paragraph(offset)
        told = None
        for back in range(index, max(-1, index - _ENTRY_REACH), -1):
            dated = [(at, iso) for at, _e, iso, _t in self.dates_of(back) + self._months[back]
                     if at < offset and not self._in_header(at)]
            if dated:
                told = max(dated)[1]
                break
        if not told or not self.document:
            return None
        year, month = int(told[:4]), int(told[5:7])
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None
        start = dt.date(year, month, 1)
        if (self.document - start).days <= 45 or found < iso_day(told[:10] if len(told) >= 10
                                                                  else f"{told}-01"):
            return None  # the report's own month, or a day before the date just told
        return found.isoformat()

    def _of_told_month(self, offset: int, day: int) -> str | None:
        """The ``day`` of the month of the last day told before ``offset``: written in full,
        or given by a sentence since (« في ٤ من الشهر الماضي … في ٧ منه»)."""
        index = self._paragraph(offset)
        since = -1
        month = None
        for back in range(index, max(-1, index - _ENTRY_REACH), -1):
            # (a month with its year told counts too: «في شهر يوليو من العام ٢٠٢٢ … يوم ١٢ من
            # الشهر نفسه»)
            dated = [(at, iso) for at, _e, iso, _t in self.dates_of(back) + self._months[back]
                     if at < offset and not self._in_header(at)]
            if dated:
                since, told = max(dated)
                month = dt.date(int(told[:4]), int(told[5:7]), 1)
                break
        month = next((d for s, d in reversed(self._said) if since < s < offset), month)
        try:
            return month.replace(day=day).isoformat() if month else None
        except ValueError:
            return None

    def _summary(self, index: int) -> bool:
        p_start, p_end, _ = self.paragraphs[index]
        return bool(SUMMARY_LINE.match(self.folded, p_start, p_end))

    def _in_header(self, offset: int) -> bool:
        """A date on a header line (Date:, تاریخ:, DECL:, E.O.), not in the narrative."""
        line = self.text[self.text.rfind("\n", 0, offset) + 1 : offset]
        return bool(HEADER_LINE.match(line) or DECL_LINE.search(line))

    def _after(self, iso: str) -> bool:
        day = iso_day(iso)
        return bool(day and self.document and day > self.document)

    def in_span(
        self, start: int, end: int, langs: frozenset[str] | None = None
    ) -> list[tuple[int, str | None, str]]:
        """Every date a sentence gives, in order: (offset, ISO day or None, text as written).

        Absolute dates, and relative phrases resolved against the story or the document
        (None when there is nothing to count from).
        """
        found: list[tuple[int, str | None, str]] = []
        index = self._paragraph(start)
        for s, e, iso, text in self.dates_of(index) + self._months[index] if index >= 0 else ():
            if start <= s and e <= end:
                found.append((s, iso, text))
        month_spans = {(s, text) for s, _e, _iso, text in self._months.get(index, ())}
        phrases, meaning = lex.relative_dates()
        counted: list[tuple[int, int]] = []  # story phrases: where, and days on
        for hit in phrases.find(self.folded, start, end, langs):
            if any(s <= hit.start < s + len(t) for s, _, t in found) \
                    or COUNT_BEFORE.search(self.folded, max(start, hit.start - 12), hit.start):
                continue  # «در دو هفته آینده», "within two weeks": a span, not a day
            if _LUNCH.search(self.folded, max(start, hit.start - 8), hit.end):
                continue  # «عزمني على غدا»: to lunch (Levantine «غدا»), not tomorrow
            if _EARLY.search(self.folded, max(start, hit.start - 8), hit.end):
                continue  # «صباح باكر»: early in the morning, not tomorrow
            if _TITLE_END.match(self.folded, hit.end) \
                    and _TITLE_START.search(self.folded, max(start, hit.start - 30), hit.start) \
                    and not self.text[hit.start].islower():
                continue  # the weekly «امید فردا», "Voices of Tomorrow": a name, not a day
            following = _NEXT_WORD.match(self.folded, hit.end)
            if self.folded.endswith("یوم", hit.start, hit.end) and following \
                    and bare_weekday_number(following.group(1)) is not None:
                continue  # «نتلاقى تاني يوم السبت الجاي»: again on Saturday, not the next day
            if self.folded[hit.start:hit.end] == "اللیله" and (
                    _THAT_NIGHT.search(self.folded[max(start, hit.start - 6):hit.start])
                    or _THAT_NIGHT.match(self.folded[hit.end:hit.end + 8])):
                continue
            anchor_kind, days = meaning[hit.tag]
            anchor = self.today(hit.start)
            if anchor_kind == "document" and days is not None:
                # «سه‌شنبه ۱۷ اردیبهشت زنگ زد، گفت فردا برو کافه»: the tomorrow of words said
                # on a day the sentence gave, not the report's
                told = max((x for x in found if x[0] < hit.start and x[1] and len(x[1]) == 10),
                           default=None)
                if told is not None and _SAID.search(self.folded, told[0] + len(told[2]),
                                                     hit.start):
                    anchor = iso_day(told[1]) or anchor
            if anchor_kind == "document" and days and days > 0:
                self.ahead.add(hit.start)
            if days and _APPROX.search(self.folded, max(start, hit.start - 16), hit.start):
                # "approximately two weeks later": no day a reader could name
                found.append((hit.start, None, self.text[hit.start : hit.end]))
                continue
            vague = _VAGUE_TIME.search(self.folded, start, hit.start) \
                if anchor_kind == "story" and days else None
            if vague and not any(vague.end() <= x[0] < hit.start and x[1] for x in found):
                # «اواخر خرداد یک شب … رفته و صبح روز بعد برگشته»: the day after a time
                # no reader could name is no day either
                found.append((hit.start, None, self.text[hit.start : hit.end]))
                continue
            if anchor_kind == "story" and days is None \
                    and _WEEKS.search(self.folded, hit.start, hit.end):
                self.vague_steps.add(hit.start)  # (weeks or months on: "a few days later"
                # still reads as the story's time)
            if anchor_kind == "story" and days is not None and days < 0:
                self.back_steps.add(hit.start)
            if anchor_kind == "story":  # the last day written before the phrase itself
                anchor = self.story_anchor(hit.start) or self.document
                if days:  # «همان شب», "later that day": the same day as the clause before
                    self.story_steps.add(hit.start)
                if days is not None:
                    counted.append((hit.start, days))
            day = (anchor + dt.timedelta(days=days)).isoformat() if anchor and days is not None \
                else None  # "last week" is a time of its own, but no day
            found.append((hit.start, day, self.text[hit.start : hit.end]))
        for m in _DAYS_LATER.finditer(self.folded, start, end):
            if any(f <= m.start() < f + len(t) or m.start() <= f < m.end() for f, _, t in found):
                continue  # a phrase of the lexicon already
            count = _count(m.group("n") or m.group("n2") or m.group("n3") or m.group("n4"))
            sign = -1 if m.group("back") else 1
            anchor = self.story_anchor(m.start()) or self.document
            if _APPROX.search(self.folded, max(start, m.start() - 16), m.start()):
                continue  # "about three days later"
            if count and anchor:
                day = (anchor + dt.timedelta(days=sign * count)).isoformat()
                found.append((m.start(), day, self.text[m.start() : m.end()]))
                self.story_steps.add(m.start())
        for m in _AROUND_ITS_DATE.finditer(self.folded, start, end):
            # «قبل تاريخه بثلاثة أيام»: days counted from the report's own date
            count = _count(m.group("n"))
            if count and self.document:
                sign = -1 if m.group("dir") == "قبل" else 1
                found = [x for x in found if not (m.start() <= x[0] < m.end())]
                found.append((m.start(), (self.document + dt.timedelta(days=sign * count))
                              .isoformat(), self.text[m.start():m.end()]))

        def plan(at: int) -> bool:
            """A plan's word in the weekday's clause («عاد … يوم الأحد، وكنا قد اتفقنا على أن
            نلتقي»: the Sunday is the trip's, which happened)."""
            breaks = [m.start() for m in _CLAUSE_END.finditer(self.folded, start, end)]
            clause_start = max((b for b in breaks if b < at), default=start)
            clause_end = min((b for b in breaks if b > at), default=end)
            return any(c.tag == "planned"
                       for c in lex.status_cues().find(self.folded, clause_start, clause_end, langs)) \
                or _english_present(self.folded, clause_start, clause_end) \
                or bool(_FA_PRESENT.search(self.folded, clause_start, clause_end)) \
                or _fa_present_verb(self.folded, clause_start, clause_end)

        today = self.today(start)
        relative = relative_days(self.folded, start, end, today, forward=plan)
        relative = [self._feast_of_story(x, today, plan) for x in relative]
        feasts = [(at, day) for at, _e, day in relative if day and feast_at(self.folded, at)]
        for s, e, day in relative:
            weekday = bare_weekday_number(self.folded[s:e]) if day else None
            if weekday is not None and (any(
                    at >= e and iso and _BESIDE.fullmatch(self.folded, e, at)
                    and (YEARLESS_DATE.match(said) or any(ch.isdigit() for ch in said))
                    for at, iso, said in found)
                    or any(at >= e and other and _BESIDE.fullmatch(self.folded, e, at)
                           and _OF_THIS_MONTH.search(self.folded, at, end_at)
                           for at, end_at, other in relative)
                    or any(at >= e and _BESIDE.fullmatch(self.folded, e, at) for at, _d in feasts)):
                continue  # «یکشنبه پنجم آذر», «يوم الثلاثاء ثالث أيام العيد»: the day the
                # weekday stands before names it
            if weekday is not None:
                own_entry = self.entry_date(s)  # "OBSERVATION 2 — Friday 7 October … on Friday"
                if own_entry is not None and weekday == own_entry.weekday():
                    day = own_entry.isoformat()
                day = self._in_story_week(s, weekday, day, today)
                told = max((x for x in found if x[0] + len(x[2]) <= s), default=None)
                if told and told[1] and _APPOSITION.fullmatch(self.folded, told[0] + len(told[2]), s):
                    # «فردایش، یکشنبه»: the day just counted, named; when the count, made from
                    # the story's last day, lands a day or two off the weekday the writer names
                    # («دو روز بعد، شنبه» after a day heard of), the weekday is the surer word
                    reached = iso_day(told[1])
                    if reached is not None and len(told[1]) >= 10:
                        named = on_sighted_weekday(reached, weekday).isoformat()
                        found = [(a, named, t) if (a, d, t) == told else (a, d, t)
                                 for a, d, t in found]
                    continue
            if langs and "fa" not in langs and self.folded[s:e] == "جمعه":
                continue  # «جمعه في اليوم نفسه لقاء»: "brought him together", no Friday
            inside = [x for x in found if s <= x[0] and x[0] + len(x[2]) <= e and (
                x[1] is None
                # «أول أيام شهر رمضان المبارك لعام ١٤٤٤هـ»: the fast's first day, not its month
                or day and (x[0], x[2]) in month_spans and feast_at(self.folded, s))]
            if inside and day:  # «پنجشنبه هفته آینده»: the day, not "next week" alone
                found = [x for x in found if x not in inside]
            if not any(f <= s < f + len(t) or s <= f < e for f, _, t in found):
                nth = _NTH_DAY.search(self.folded, s, e)
                if nth:
                    day = self._in_story_month(s, int(nth.group(1))) or day
                found.append((s, day, self.text[s:e]))
        for m in _SAME_MONTH.finditer(self.folded, start, end):
            # «في الثامن عشر من الشهر ذاته», "on the 18th of the same month": the story's month
            written = m.group("n") or m.group("w") or m.group("n2") or m.group("w2")
            number = int(ascii_digits(written)) if written[:1].isdigit() else day_in_words(written)
            day = self._of_told_month(m.start(), number) if number else None
            if day is not None:
                found = [x for x in found if not (m.start() <= x[0] < m.end())]
                found.append((m.start(), day, self.text[m.start():m.end()]))
        for m in FOLLOWING_WEEKDAY.finditer(self.folded, start, end):
            # "the following Tuesday", «الثلاثاء التالي»: the first one after the story's day
            day = following_weekday(m, self.story_anchor(m.start()) or today)
            if day is None:
                continue
            # (and the weekday read alone, «يوم الجمعة» of «يوم الجمعة التالي»)
            found = [x for x in found if not (x[0] < m.end() and m.start() < x[0] + len(x[2]))]
            found.append((m.start(), day, self.text[m.start():m.end()]))
        found.sort()
        found = _counted_from_earlier(found, counted)
        found = _corrected(self.folded, found)
        found = _without_apposed_counts(self.folded, found)
        self._said.extend((at, iso_day(day)) for at, day, _t in found
                          if day and iso_day(day) and not self._in_header(at))
        return found


# What may stand between a weekday and the day it names: «یکشنبه پنجم آذر», "Sunday, 5 March",
# «يوم الأربعاء الموافق العاشر من الشهر الجاري».
_BESIDE = re.compile(r"[\s,،]*(?:(?:ال)?(?:موافق|مصادف)(?:\s+ل)?[\s,،]*)?")
# A day of this month in words: «العاشر من الشهر الجاري», "the tenth of this month".
_OF_THIS_MONTH = re.compile(r"(?:الشهر|this month|ماه)")


# An English clause in the present with no past form in it tells what is still to come: "he
# leaves for Istanbul Friday", "KAYA's return ticket is for Sunday", "Taking a shared taxi to
# Sulaymaniyah Sunday" (its weekday is the coming one).
_EN_PAST = re.compile(
    r"(?<![\w'])(?:was|were|had|did|met|flew|went|left|drove|took|gave|paid|came|saw|told|said|"
    r"sent|got|made|brought|bought|sat|rode|spoke|ran|found|held|kept|lost|sold|spent|stood|"
    r"wrote|ate|began|broke|chose|fell|felt|knew|led|rang|slept|taught|thought|threw|woke|"
    r"yesterday|ago|last|\w{2,}ed)(?!\w)"
)
_EN_PRESENT = re.compile(
    r"(?<![\w'])(?:is|are|am|leaves|flies|drives|goes|returns|heads|travels|meets|comes|"
    r"arrives|departs|lands|sails|crosses|boards|visits|sees|fly|drive|meet|leave|travel|arrive|"
    # (not a noun: "On Saturday evening", "during", "nothing")
    r"(?!(?:even|morn|dur|noth|someth|anyth|everyth|build|wedd|ceil|sibl|cloth)ing(?!\w))"
    r"\w{3,}ing)(?!\w)|\w're\s"
    # "he's", "it's"; a name's only before what a contraction goes on with ("Kemal's coming Tue",
    # "Ali's back Sunday"), not a possessive ("SHAFIEI's wife flew")
    r"|(?<!\w)(?:he|she|it|that|there|who|what|here|where)'s\s"
    r"|\w's\s+(?:(?!(?:even|morn|noth|someth|anyth|everyth|build|wedd|ceil|sibl|cloth|meet)ing(?!\w))"
    r"\w+ing|back|off|due|here|there|in|at|on|out|away|free)(?![\w-])"
)
_LATIN = re.compile(r"[a-z]")


# "Rostami said he would fly to Istanbul on Wednesday": a plan told in the past
_WOULD_GO = re.compile(r"(?<!\w)would\s+(?:fly|travel|go|leave|return|meet|drive|come|head|sail|"
                       r"arrive|be back|be in)(?!\w)")


# A Persian present of coming, going or seeing («کاوه شنبه می‌آید تهران», «ما شنبه برمیگردیم
# مشهد», «جمعه میبینیمش», «سه‌شنبه راه می‌افتیم», spoken «پنجشنبه راه میفتن»): what is still
# to come, not a past continuous («می‌آمد», «می‌رفت»).
_FA_PRESENT = re.compile(r"(?<!\w)(?:بر\s?)?می\s?(?:ای|ا|رو|ر|گرد|بین|رس|افت|فت)(?:د|م|ه|ن|یم|ید|ند)"
                         r"(?:ش|شان|شون)?(?!\w)")


def _fa_present_verb(folded: str, start: int, end: int) -> bool:
    """Whether a Persian clause's verb is a present with «می»: «پنجشنبه … طرف مشهد روان
    می‌شم» (I set off on Thursday: the coming one)."""
    return any(lex.present_indicative(word, previous)
               for word, previous in lex.words_with_previous(folded, start, end))


def _english_present(folded: str, start: int, end: int) -> bool:
    return bool(_LATIN.search(folded, start, end) and (
        _WOULD_GO.search(folded, start, end)
        or _EN_PRESENT.search(folded, start, end) and not _EN_PAST.search(folded, start, end)))


# What may stand around a diary heading on its line: «دو روز بعد», "*Two days later:*"
_HEADING_MARKS = " \t«»\"“”'*_#-—–:()[]."
_CLAUSE_END = re.compile(r"[،,;؛]")


# A word of saying between a day and a "tomorrow": the speaker's tomorrow, told that day.
_SAID = re.compile(r"(?<!\w)(?:گفت|گفته|میگفت|said|told|says|قال|قالت|قال\s+لی|ابلغه|ابلغنی|"
                   r"اخبره|اخبرنی)(?!\w)", re.IGNORECASE)


def _counted_from_earlier(found: list[tuple[int, str | None, str]],
                          counted: list[tuple[int, int]]) -> list[tuple[int, str | None, str]]:
    """A story phrase counted again from a day the same sentence gave before it, which the
    story did not know yet when the phrase was read («يوم الاربعاء الأسبوع الفات وصلت الدوحة،
    ونفس اليوم بالليل لاقاني …»: that Wednesday, not the report's day)."""
    shifts = dict(counted)
    out: list[tuple[int, str | None, str]] = []
    for at, day, written in found:
        if at in shifts and out:
            before = next((iso_day(d) for _a, d, _w in reversed(out) if d and iso_day(d)), None)
            if before is not None:
                day = (before + dt.timedelta(days=shifts[at])).isoformat()
        out.append((at, day, written))
    return out


_NEXT_WORD = re.compile(r"\s+(\S+)")
# A weekday set beside the day just told: «فردایش، یکشنبه،», "the next day, Sunday,", "The
# 6th of July, a Saturday".
_APPOSITION = re.compile(r"\s*[،,(]?\s*(?:(?:which was )?an? |the )?")  # («باكر الثلاثاء»: tomorrow, Tuesday)

# Levantine «غدا» is lunch after «على»/«ع»: «عزمني على غدا بمطعم هاشم».
_LUNCH = re.compile(r"(?<!\w)(?:علی|ع)\s+غدا(?!\w)")
# A relative word that ends a quoted name: the weekly «امید فردا», the NGO "Voices of Tomorrow"
# (a word or two after the opening mark, the closing one right after the day's word).
_TITLE_START = re.compile(r"[«\"“](?:[^\W\d_]+[\s\u200c]+){1,2}$")
_TITLE_END = re.compile(r"[»\"”]")
# «صباح باكر», «في وقت باكر»: early, not the Gulf's «باكر» (tomorrow); folded, so «ک»
_EARLY = re.compile(r"(?<!\w)(?:صباح|وقت|ساعه|ساعات|الصباح)\s+باکر(?!\w)")
# A speaker correcting a day: "I drove to Bratislava on 3 June — no, 2 June", «يوم الخميس،
# لا، الجمعة», «شنبه، نه ببخشید، یکشنبه».
_CORRECTION = re.compile(
    r"[\s—–\-,.…،]*(?:no|sorry|i mean|or rather|correction|نه|ببخشید|یعنی|لا|عفوا|اقصد)"
    r"[\s—–\-,.…،]*(?:ببخشید|sorry|i mean|اقصد)?[\s—–\-,.…،]*",
    re.IGNORECASE,
)


# "two days before his arrest," "three days before Eid al-Fitr,": a count from another event,
# closed by a comma or ending the sentence ("on 13 November, two days before the detentions.").
_APPOSED_COUNT = re.compile(
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+(?:before|after)\s+"
    r"(?:his|her|their|its|the)?\s*[^,.;\n]{1,40}(?:[,.;]|$)",
    re.IGNORECASE,
)


def _without_apposed_counts(folded: str, found: list[tuple[int, str | None, str]]
                            ) -> list[tuple[int, str | None, str]]:
    """A count of days set off by commas right after a written date describes that date ("On
    Sunday 12 May, two days before his arrest, he met …"): the date stands, the count goes."""
    out: list[tuple[int, str | None, str]] = []
    for at, day, text in found:
        before = out[-1] if out else None
        if before is not None and before[1] and len(before[1]) == 10 \
                and any(c.isdigit() for c in before[2]) \
                and re.fullmatch(r"\s*,\s*", folded[before[0] + len(before[2]) : at]) \
                and _APPOSED_COUNT.match(folded, at):
            continue
        out.append((at, day, text))
    return out


def _corrected(folded: str, found: list[tuple[int, str | None, str]]
               ) -> list[tuple[int, str | None, str]]:
    """The dates of a sentence without those its speaker took back for the next one."""
    return [
        date for date, after in zip(found, [*found[1:], None][: len(found)], strict=True)
        if after is None or not _CORRECTION.fullmatch(folded, date[0] + len(date[2]), after[0])
    ]
# A day of the month just told: «في الثامن عشر من الشهر ذاته», «١٨ من نفس الشهر», "on the 18th of
# the same month", «هجدهم همان ماه».
_SAME_MONTH = re.compile(
    rf"(?<!\w)(?:the\s+)?(?:(?P<n>[0-9۰-۹٠-٩]{{1,2}})(?:st|nd|rd|th)?|(?P<w>{DAY_WORDS}))\s+"
    r"(?:(?:من|of)\s+)?(?:(?:الشهر|الشهر)\s+(?:ذاته|نفسه)|نفس\s+الشهر|ذات\s+الشهر|the\s+same\s+month|"
    r"همان\s+ماه|همون\s+ماه)(?!\w)"
    # «في ٧ منه», «يوم ١١ منه»: "on the 7th of it", the month just told
    # (with the weekday between: «يوم الخميس ٢٥ منه»)
    rf"|(?<!\w)و?(?:فی|یوم)\s+(?:ال(?:سبت|احد|اثنین|ثلاثاء|اربعاء|خمیس|جمعه)\s+)?"
    rf"(?:(?P<n2>[0-9۰-۹٠-٩]{{1,2}})|(?P<w2>{DAY_WORDS}))\s+منه(?!\w)",
    re.IGNORECASE,
)
_NTH_DAY = re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b")
# "eight days later", «بعد ثلاثة أيام», «چهار روز بعد»: days counted from the story's day.
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یومین": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7,
    "ثمانیه": 8, "تسعه": 9, "عشره": 10,
}
_N = r"[0-9۰-۹٠-٩]{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# A count of days or weeks given roughly: "approximately two weeks later", «حوالي أسبوعين».
# Weeks or months as a step of the story («چند هفته بعد», "months later", «بعد أسابيع»).
_WEEKS = re.compile(r"هفته|ماه|week|month|اسابیع|اشهر|شهور", re.IGNORECASE)
# A part of a month or a season, which names no day: «اواخر خرداد», «أواخر الشهر», "in late May".
_VAGUE_TIME = re.compile(
    r"(?<!\w)(?:اواخر|اوایل|اواسط|اوائل|(?:in\s+)?(?:early|late|mid)[\s-]+(?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december)(?!\s*\d))(?!\w)",
    re.IGNORECASE,
)
_APPROX = re.compile(r"(?<!\w)(?:approximately|approx\.?|(?<!or\s)about|around|roughly|some|nearly|almost|"
                     r"حوالی|نحو|قرابه|تقریبا|حدود|حدودا)[\u064b-\u065f]*\s*$", re.IGNORECASE)
_DAYS_LATER = re.compile(
    rf"(?:(?<!\w)(?P<n>{_N})\s+days?\s+(?:later|after(?:wards)?|(?P<back>earlier|before))"
    # «بعد يومين», «بعد ثلاثة أيام», «بعد سه روز»: days only («بعد هشت ماه» is months after,
    # and «بعد یک لفافه …» "then an envelope")
    rf"|(?<!\w)و?بعد\s+(?P<n2>یومین|(?:{_N})(?=\s+(?:ایام|روز|یوم)(?!\w)))(?:\s+(?:ایام|روز|یوم))?"
    rf"|(?<!\w)(?P<n3>{_N})\s+روز\s+(?:بعد|پس از ان)"
    # «بعد ذلك بثلاثة أيام», «بعدها بأربعة أيام»: that many days after the story's day
    rf"|(?<!\w)و?(?:بعد\s+ذلک|بعدها)\s+ب(?P<n4>{_N})(?:\s+(?:ایام|یوم))?)(?!\w)",
    re.IGNORECASE,
)

# «قبل تاريخه بثلاثة أيام», «بعد تاريخه بيومين»: before or after the report's date ("its date").
_AROUND_ITS_DATE = re.compile(
    rf"(?<!\w)(?P<dir>قبل|بعد)\s+تاریخه\s+ب(?P<n>{_N})(?:\s+(?:ایام|یوم|یوما))?(?!\w)"
)


def _count(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower()
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    digits = ascii_digits(word)
    return int(digits) if digits.isdigit() else None


# Between one day written in two calendars: «١١ رجب ١٤٤٥ هـ الموافق ٢٢ كانون الثاني ٢٠٢٤»,
# «۱۴ تیر ۱۴۰۳ برابر با ۴ ژوئیه ۲۰۲۴», «السبت ٢٤ جمادى الآخرة ١٤٤٥ هـ – ٦ كانون الثاني ٢٠٢٤».
_SAME_DAY_JOIN = re.compile(r"\s*(?:هـ|ه\.?)?\s*[(\[]?\s*(?:الموافق|الموافقة|الموافق\s+ل|برابر\s+با|مطابق\s+با|"
                            r"=|–|—|-|/)?\s*(?:لـ|ل)?\s*$")
# The lunar Hijri calendar's marks in a date as written.
_LUNAR = re.compile(r"هـ|(?<!\w)ه(?!\w)|محرم|صفر|ربيع|جمادى|جمادي|رجب|شعبان|رمضان|شوال|ذو\s|ذي\s")


# A date of birth ("DOB 04/02/1991", «متولد ۱۳۶۲», «مواليد ١٩٧٢») is no day of any event, nor
# the year of the days told after it (folded text).
_BORN = re.compile(r"(?<!\w)(?:dob|d\.o\.b\.?|born(?:\s+on)?|date\s+of\s+birth|تولد|متولد|موالید|"
                   r"مولود|المولود|تاریخ الولاده)\W{0,3}$", re.IGNORECASE)
# A section that tells the past ("Background", «سابقه», «خلفية») and a heading line of its own.
_BACKGROUND = re.compile(r"(?:background|history|سابقه|پیشینه|پیش‌زمینه|خلفیه|الخلفیه|خلفية|الخلفية)",
                         re.IGNORECASE)
_HEADING_LINE = re.compile(r"^[ \t]*(?:[0-9IVX]{1,3}[.)-]?[ \t]*)?([^\W\d_][^\n.!?؟:]{0,40}?)[ \t:]*$",
                           re.MULTILINE)


def _background_closed(headings: list[tuple[int, int, str]], told: int, until: int) -> bool:
    """Whether the day told at ``told`` is under a "Background" heading that another heading
    closes before ``until`` (the end of the line a paragraph opens on: it may be the heading,
    "Reporting"): a report's own time comes after it ("Background … 23 March 2019" /
    "Reporting" / "On 2 April …" is this year's April)."""
    above = next((words for start, end, words in reversed(headings) if end <= told), None)
    if above is None or not _BACKGROUND.fullmatch(above):
        return False
    return any(told < start and end <= until for start, end, _words in headings)


def _lunar_by_weekday(folded: str, dates: list[tuple[int, int, str, str]]
                      ) -> list[tuple[int, int, str, str]]:
    """A lunar Hijri day with its weekday written before it («سه‌شنبه ۱۵ ذی‌الحجه») on the day
    of that weekday a day or two from the Umm al-Qura reading: where the month began by the
    moon's sighting, as the writer counts it (Iran and Iraq often start it a day later)."""
    out = []
    for s, e, iso, written in dates:
        if len(iso) >= 10 and _HIJRI_MONTH.search(written):  # (not «ه.ش», the Solar mark)
            line_start = folded.rfind("\n", 0, s) + 1
            weekday = weekday_before(folded, max(line_start, s - 24), s)
            iso = on_sighted_weekday(dt.date.fromisoformat(iso[:10]), weekday).isoformat()
        out.append((s, e, iso, written))
    return out


def _one_day_two_calendars(text: str, dates: list[tuple[int, int, str, str]]
                           ) -> list[tuple[int, int, str, str]]:
    """One day written in two calendars side by side is one date: the Gregorian one (an
    author who gives both computes the Hijri day; Umm al-Qura may differ from it by a day)."""
    out: list[tuple[int, int, str, str]] = []
    for date in dates:
        if out:
            before = out[-1]
            joined = _SAME_DAY_JOIN.fullmatch(text, before[1], date[0]) is not None
            days = abs((dt.date.fromisoformat(before[2][:10]) - dt.date.fromisoformat(date[2][:10])).days)
            if joined and days <= 3 and before[0] < date[0]:
                if _LUNAR.search(before[3]) or not _LUNAR.search(date[3]):
                    out[-1] = date  # keep the second: the Gregorian day
                continue
        out.append(date)
    return out


# An operation diary's key to its day labels: "D-Day = Tuesday 12 March 2024", "D-Day: 7 June".
# ("OP MERIDIAN – D-DAY 14 JUN 24": the day may follow the words directly)
_D_DAY_KEY = re.compile(r"(?<![\w-])D-(?:Day|DAY|day)\s*(?:=|:|is\b|(?=[0-9]))\s*")
# Its day labels: "D-2", "D+1", "D-Day" (not "D-Day =" itself, which the key skips).
_DAY_LABEL = re.compile(r"(?<![\w-])D(?:-Day|\s?(?P<sign>[+\-−])\s?(?P<n>\d{1,2}))(?![\w+\-])")
_ENTRY_REACH = 20  # paragraphs looked back for an entry's date
# A line that cites another paper by its date («پیرو گزارش ۴۰۷ مورخ …», «إلحاقاً بمذكرتنا … في
# ١٠/٩/٢٠٢٣», "REF: … of 3 May") opens no entry.
_CITED = re.compile(
    r"(?<!\w)(?:پیرو|مورخ|عطف|الحاقا|بکتابنا|بمذکرتنا|کتابکم|ref|reference|reftel|further to|"
    r"our letter|your letter)(?!\w)",
    re.IGNORECASE,
)
# An e-mail's header lines: "Sent: Friday, March 10, 2023 3:47 PM" under "From: …", and the
# Arabic and Persian clients' «التاريخ: ٢٠٢٣-١٠-٢٠» under «من: …», «تاریخ: …» under «از: …».
_MAIL_SENT = re.compile(
    r"^(?:sent|date|التاريخ|تاريخ الإرسال|أرسل|ارسل|تاریخ|ارسال شده|ارسال)\s*:[ \t]*(?P<when>[^\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
_MAIL_FROM = re.compile(r"^(?:from|من|از|فرستنده)\s*:", re.IGNORECASE | re.MULTILINE)
# ... or under a thread's break between messages: "----- پیام دوم -----", "-----Original Message".
_MAIL_BREAK = re.compile(r"^[ \t]*-{3,}", re.MULTILINE)
# A log header's label for the day watched, as against the day it was written up.
_LOG_DAY_LABEL = re.compile(
    r"(?:surveillance|observation|obs\.?|watch|log|operation)[ \t]+(?:date|day)|"
    r"date[ \t]+of[ \t]+(?:surveillance|observation)|تاریخ[ \t]+(?:مراقبت|عملیات|دیدبانی)|"
    r"تاريخ[ \t]+(?:المراقبة|الرصد)|يوم[ \t]+(?:المراقبة|الرصد)",
    re.IGNORECASE,
)
_LOG_HEADER_REACH = 1500
_ENTRY_LINE_REST = 30  # characters besides the date on an entry's line
# A table's row, cells set apart by runs of spaces or tabs ("11-12-2023   Najaf-Lahore   IA-433"
# in a travel history): its date is the row's, not an entry's that the lines below belong to.
_TABLE_ROW = re.compile(r"\S(?: {3,}|\t+)\S")
_LINE = re.compile(r"[^\n]*")
# A chat export's line: "[20/03/22, 22:10] Faraz Bhai: Met Saleem … this evening", «[٢٦/٨ ٢٠:١٠]».
_CHAT_LINE = re.compile(r"[ \t]*\[?\d{1,2}/\d{1,2}(?:/\d{2,4})?[,،]?\s+\d{1,2}:\d{2}")
# A line that opens an intercepted call, a diary entry or a log day, whatever else it says.
_ENTRY_LABEL = re.compile(
    # (in brackets too: «[پیام صوتی ۱ – چهارشنبه ۸ قوس ۱۴۰۲، ساعت ۱۱ شب]»)
    r"[ \t\-•*\[(]*(?:call|intercept|entry|log|session|مکالمه|تماس|یادداشت|جلسه|"
    r"الاتصال|اتصال|المکالمه|الیومیه|الجلسه|محضر|"
    # a day with its number ("Day 3", «روز دوم», «اليوم الثاني»), not «روز جمعه اول دی …», a
    # narrative line that begins "on Friday"
    r"(?:day|روز|الیوم)(?=\s*[:\-–—]?\s*(?:[0-9۰-۹٠-٩]|اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|"
    r"first|second|third|fourth|fifth|one|two|three|four|five|الاول|الثانی|الثالث|الرابع))|"
    # a voice note's or a message's heading: «ویس ۲ — چارشنبه ۱۷ آبان», "Voice note 3 – Tue"
    r"voice|message|msg|ویس|پیام|رساله|تسجیل|بصمه)(?!\w)"
    # a numbered call: «١. في مكالمة يوم السبت ١١/٦ الساعة ٢١:٤٠ قال…», "2. In a call on…"
    r"|[ \t\-•*]*(?:[0-9۰-۹٠-٩]{1,3}[.)\-]\s*)?(?:(?:in\s+a|during\s+a|فی|در)\s+)?"
    r"(?:call|intercept|مکالمه|تماس|الاتصال|اتصال|المکالمه)(?!\w)"
    # an intercept's bracketed stamp: «[التاريخ: ٢٠٢٤/١/٤ — ١٩:٣٠] مبخوت مع «أبو هاشم»»
    r"|[ \t]*\[\s*(?:date|dated|التاریخ|تاریخ)\s*[:：]",
    re.IGNORECASE,
)


def _absolute_dates(
    text: str, start: int, end: int, document: dt.date | None,
    months: list[tuple[int, int, str, str, str]] | None = None,
    story: tuple[dt.date, dt.date] | None = None, day_first: bool | None = None,
) -> list[tuple[int, int, str, str]]:
    """(start, end, ISO day, text) of every day-precise date in ``text[start:end]``; the
    month-precise ones go to ``months`` as (start, end, ISO, text, ISO last day): a Solar
    or lunar Hijri month's ISO is its first day, a Gregorian month's is ``YYYY-MM``."""
    try:
        from kashf.text.dates import find_dates
    except ImportError:  # the dates module is optional for this stage
        return []
    chunk = text[start:end]
    out = []
    month_anchors: list[tuple[int, dt.date | None]] = []
    written = find_dates(chunk)
    if ("ذات" in chunk or "نفس" in chunk) and _MONTH_OF_SAME_YEAR.search(chunk):
        # (each date as the text writes it: «آب من العام ذاته», not the year put in for it)
        written = [replace(found, text=chunk[found.start:found.end]) for found in
                   find_dates(_same_year_written(text[:start], chunk, written,
                                                 story[0] if story else None))]
    for found in written:
        if _hour_as_year(found, document):
            # "Wednesday 23 October, 1900": the hour, not the year; the document's year
            _year, month, day = found.written
            try:
                iso = dt.date(document.year, month, day).isoformat()  # type: ignore[union-attr]
            except (ValueError, TypeError):
                continue
            out.append((start + found.start, start + found.end, iso, found.text))
            continue
        if found.precision in ("day", "minute"):
            iso = found.iso[:10]
            if day_first is not None and "ambiguous_day_month" in found.flags:
                iso = _in_order(found.text, iso, day_first)
            elif "ambiguous_day_month" in found.flags and document is not None \
                    and _STAMP_TIME.match(chunk, found.end):
                # "▶ 02/08/2023 11:20" in voice notes of 7 August: the reading nearer the
                # document, when the document's other dates do not tell the order
                iso = min((_in_order(found.text, iso, True), _in_order(found.text, iso, False)),
                          key=lambda r: abs((dt.date.fromisoformat(r) - document).days))
            out.append((start + found.start, start + found.end, iso, found.text))
        elif found.precision == "month" and found.iso_end:
            # "early January 2021 … on 12 January": a month with its year dates the days after
            month_anchors.append((found.start, iso_day(found.iso_end)))
            if months is not None:
                months.append((start + found.start, start + found.end, found.iso, found.text,
                               found.iso_end))
    taken = {(s - start, e - start) for s, e, _, _ in out}
    # (a date of birth sets no year for the days after it: "HASSAN, DOB 04/02/1991. On 5 March")
    anchors = [(s - start, iso_day(iso)) for s, _e, iso, _t in sorted(out)
               if not _BORN.search(lex.fold(text[max(0, s - 20):s]))]
    out.extend(
        (start + s, start + e, iso, written)
        for s, e, iso, written in _yearless_dates(chunk, document, taken, anchors, story,
                                                  month_anchors, _seasons(chunk, written),
                                                  text[:start])
    )
    return sorted(_range_starts(text, out))


# A month "of the same year": «وفي شهر آب من العام ذاته، وتحديداً يوم ١٢ منه». (A Persian
# «آذر همون سال» is left to ``_yearless_dates``, which reads a day before it.)
_MONTH_OF_SAME_YEAR = re.compile(
    r"(?P<month>[^\W\d_]+(?:[ \u200c][^\W\d_]+)?)\s+من\s+(?:العام|السنة|السنه)\s+"
    r"(?P<same>ذاته|نفسه|ذاتها|نفسها)(?!\w)"
)


def _same_year_written(before_chunk: str, chunk: str, written: list, story: dt.date | None
                       ) -> str:
    """``chunk`` with each month "of the same year" given the year of the date told before it
    (in the paragraph, else the story's day, else the last year written before: «في صيف عام
    ٢٠٢٢ … وفي شهر تشرين الأول من العام ذاته»), in the month's calendar, written over the
    words that say so (offsets kept)."""
    import jdatetime
    from hijridate import Gregorian

    out = chunk
    for m in _MONTH_OF_SAME_YEAR.finditer(chunk):
        words = m.group("month").split()
        name = " ".join(words[-2:]) if month_of(" ".join(words[-2:])) else words[-1]
        found = month_of(name)
        if found is None:
            continue
        before = [f for f in written if f.end <= m.start() and f.iso]
        told = dt.date.fromisoformat(f"{before[-1].iso[:7]}-01") if before else story
        calendar = found[0]
        if told is None:
            years = [int(y) for y in _A_YEAR.findall(ascii_digits(before_chunk + chunk[:m.start()]))
                     if _fits_calendar(int(y), name)]
            if years:
                out = _with_year(out, m, years[-1])
            continue
        year = jdatetime.date.fromgregorian(date=told).year if calendar == "solar_hijri" else \
            Gregorian.fromdate(told).to_hijri().year if calendar == "lunar_hijri" else told.year
        out = _with_year(out, m, year)
    return out


def _with_year(chunk: str, m: re.Match[str], year: int) -> str:
    """``chunk`` with ``year`` written over the word of ``m`` that says "the same" («من العام
    ٢٠٢٣»)."""
    return chunk[:m.start("same")] + str(year).ljust(m.end("same") - m.start("same")) \
        + chunk[m.end("same"):]


# A time right after a date: a message's or a log line's stamp ("02/08/2023 11:20").
_STAMP_TIME = re.compile(r"[ \t]*[,،]?[ \t]*\d{1,2}:\d{2}")
# The first day of a range written before its last: "24-27 Nov", "from 3 to 5 March 2022",
# «۲۴ تا ۲۷ آبان», «من ١٢ إلى ١٥ أيار».
_RANGE_START = re.compile(
    r"(?<![\d/.\-])(\d{1,2})\s*(?:-|–|—|to|until|till|and|تا|الی|الى|إلى|حتى|و)\s*$", re.IGNORECASE
)
#: The longest range whose first day dates its event (a week is a report's period).
_RANGE_DAYS = 4


def _range_starts(text: str, found: list[tuple[int, int, str, str]]
                  ) -> list[tuple[int, int, str, str]]:
    """Each date that ends a day range, moved to the range's first day (an event "24-27 Nov"
    began on the 24th), with the range as its text."""
    out = []
    for s, e, iso, written in found:
        m = _RANGE_START.search(ascii_digits(text[max(0, s - 14) : s]))
        last = re.match(r"\D*(\d{1,2})(?!\d)", ascii_digits(written))
        day = iso_day(iso)
        # (a short stay, not a report's period: «هفته ۱۴ تا ۲۰ اردیبهشت» anchors at its end)
        if m and last and day and len(iso) >= 10 \
                and 1 <= int(last.group(1)) - int(m.group(1)) <= _RANGE_DAYS:
            first = day - dt.timedelta(days=int(last.group(1)) - int(m.group(1)))
            begin = s - (min(s, 14) - m.start())
            out.append((begin, e, first.isoformat(), text[begin:e]))
        else:
            out.append((s, e, iso, written))
    return out


# 3/4/2021, 3.4.2021 and 03-04-2021 (a Pakistani or Indian case diary's "Dated 14-11-2023"),
# the same separator twice; a full stop after the year ends the sentence, not the date.
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.\-])(\d{1,2})(?P<sep>[/.\-])(\d{1,2})(?P=sep)(?:\d{4}|\d{2})(?!\d|[/.\-]\d)"
)
_ORDER_STATED = re.compile(r"\b(DD/MM/YYYY|DD\.MM\.YYYY|MM/DD/YYYY)\b", re.IGNORECASE)


def day_first_order(text: str) -> bool | None:
    """How a document writes 3/4/2021: day first when it says so ("all dates DD/MM/YYYY")
    or when its unambiguous dates do (15/02/2021); month first likewise (02/15/2021); None
    when it cannot tell (each date then as the date parser reads it)."""
    digits = ascii_digits(text)
    stated = _ORDER_STATED.search(digits)
    if stated:
        return stated.group(1).upper().startswith("DD")
    day = month = 0
    for m in _NUMERIC_DATE.finditer(digits):
        first, second = int(m.group(1)), int(m.group(3))
        day += first > 12 >= second
        month += second > 12 >= first
    if day == month:
        return None
    return day > month


def _in_order(written: str, iso: str, day_first: bool) -> str:
    """``iso`` for an ambiguous numeric date read in the document's own order."""
    m = _NUMERIC_DATE.search(ascii_digits(written))
    if m is None:
        return iso
    first, second = int(m.group(1)), int(m.group(3))
    day, month = (first, second) if day_first else (second, first)
    try:
        return dt.date(int(iso[:4]), month, day).isoformat()
    except ValueError:
        return iso


def _hour_as_year(found, document: dt.date | None) -> bool:
    """A "year" that is a 24-hour time a lifetime before the document, or decades after it:
    "23 October, 1900" in a 2019 report is 23 October at 19:00, "01 FEB 2200" in a 2024 log
    the 1st of February at 22:00."""
    written = found.written[0] if found.written else None
    if document is None or not written or document.year - 60 < written < document.year + 20 \
            or found.calendar != "gregorian":
        return False  # «١٥ ذو الحجة ١٤٣٥», «۱۸ بهمن ۱۴۰۰» are years of their calendars
    digits = found.text.strip()[-4:]
    return digits.isdigit() and int(digits[:2]) <= 23 and int(digits[2:]) <= 59


_DATE_LINE = re.compile(
    r"^[ \t]*(?:date|dated|تاریخ|تاريخ|التاريخ|التأريخ)[ \t]*[:：][^\n]*$", re.IGNORECASE | re.MULTILINE
)
# Afghanistan names the same solar months by the zodiac: حمل (Farvardin) … حوت (Esfand).
_DARI_MONTHS = r"حمل|ثور|جوزا|جوزاء|سرطان|اسد|سنبله|سنبلة|میزان|عقرب|قوس|جدی|دلو|حوت"
# (a space or a ZWNJ inside a name may be written either way, or left out: «ذوالحجة»)
_LUNAR_MONTHS = "|".join(
    "[\\s\u200c]*".join(map(re.escape, re.split("[ \u200c]", name)))
    for name in sorted(LUNAR_MONTH_NAMES, key=len, reverse=True)
)
_MONTHS = (
    r"فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|" + _DARI_MONTHS + "|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    r"كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|"
    r"كانون الأول|ك١|ك٢|ت١|ت٢|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|"
    r"نوفمبر|ديسمبر|"
    # every written form of the lunar months («ذي الحجة», «ذی‌الحجه», «جمادى الآخرة»)
    + _LUNAR_MONTHS + "|"
    # the Maghreb's (kashf.text.dates reads them): «يوم 9 نونبر», «3 يوليوز»
    r"يوليوز|غشت|شتنبر|نونبر|دجنبر|جانفي|فيفري|أفريل|جويلية|ماي|جوان|"
    r"أوت|"  # (with its hamza: the Persian word «اوت» is no month)
    # and Persian names of the Gregorian months («روز ۲ آوریل»; not «مه», «می», «اوت»: words)
    r"ژانویه|فوریه|آوریل|ژوئن|ژوئیه|ژوییه|جولای|آگوست|سپتامبر|اکتبر|نوامبر|دسامبر"
)
# A day written as a word: «اول دی», «دوم اسفند», «العشرين من مايو» (kashf.text.dates).
# No year after it — a time is no year: "18 Jun, 08:40".
# (a military time after it is no year either: "Tue 05 Nov, 1930-2045 hrs", "Mon 18 Nov, 0800",
# "25 NOV, 2030L")
# (a number on the next line is no year: "Sun 11th Feb" / "2140 Call from ROWAN")
_NO_YEAR = (r"(?![^\S\n]*(?:ماه[^\S\n]*)?,?[^\S\n]*(?!0\d{3}(?!\d))(?![0-9]{4}\s*(?:[-–]\s*[0-9]{4}|hrs|hours))"
            # "11 NOV, 1900L", "23 APR, 1000C": a time with its zone's letter (local, Zulu,
            # Charlie for Iraq…)
            r"(?![0-2][0-9][0-5][0-9][a-z](?!\w))"
            r"[0-9۰-۹٠-٩]{2,4}(?![:٫.][0-9۰-۹٠-٩]))(?!\w)")
# Day month ("۲۰ مهر", "12 October", "٥ آذار"), month day ("October 14"), without a year.
YEARLESS_DATE = re.compile(
    # «بـ٢ آب»: the preposition written on the day (with or without a tatweel)
    # (not «نیمه دوم مهر», «دهه اول آبان», «هفته دوم دی»: a part of the month, not its day)
    r"(?<!نیمه\s)(?<!نیمهٔ\s)(?<!نیمه ی\s)(?<!دهه\s)(?<!دههٔ\s)(?<!هفته\s)(?<!هفتهٔ\s)(?<!النصف\s)"
    # ("8th May": a British day with its ordinal's letters)
    r"(?:(?<![\w/])|(?<=\bب)|(?<=\bبـ))(?:([0-9۰-۹٠-٩]{1,2}|" + DAY_WORDS + r")(?:st|nd|rd|th)?(?:\s+|-(?=[a-z]))"  # ("02-May", "16-Jan" too)
    r"(?:(?:من|of)\s+)?(?:شهر\s+)?("  # «في الخامس من شهر رمضان»
    + _MONTHS + r")(?:[\s\u200c]*ماه)?"  # «نهم مهرماه»
    + r"(?!-[0-9])"  # ("16-Jan-23" has its year)
    + _NO_YEAR + r"|(?<![0-9]\s)(?<![0-9][a-z]\s)"
    # (not "in Jun 23", "since Dec 22": a month and its year, as the US Army writes them)
    r"(?:(?<!\bin\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\bfrom\s)|(?![a-z]{3}\.?\s))("
    + _MONTHS[_MONTHS.index("january"):_MONTHS.index("|كانون")]
    # (not a date-time group's month and year: "011030C MAR 24" is 1 March 2024)
    # "Jan. 28", "Sept. 14": an abbreviation's full stop
    + r")\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?(?![\w/]|:\d)" + _NO_YEAR + ")",  # "March 2: met"
    re.IGNORECASE,
)
_SOLAR_MONTHS = frozenset(_MONTHS.split("|")[:12] + _DARI_MONTHS.split("|"))
_HIJRI_MONTH = re.compile(f"(?:{_LUNAR_MONTHS})")


def _yearless_dates(
    text: str, document: dt.date | None, taken: set[tuple[int, int]],
    anchors: list[tuple[int, dt.date | None]] = (),
    story: tuple[dt.date, dt.date] | None = None,
    month_anchors: list[tuple[int, dt.date | None]] = (),
    seasons: list[tuple[int, dt.date, dt.date]] = (),
    before: str = "",
) -> list[tuple[int, int, str, str]]:
    """«۲۰ مهر», "12 October", "October 14", «٥ آذار» without a year (``before``: the text
    before ``text``, for a year written there): the year is that of
    the last full date written before it in the paragraph («۱۲ مرداد ۱۳۹۹ … جمعه ۱۴ شهریور
    همان سال»), else the document's, in that calendar (the year before when that would put
    it well after the document: a report of early Farvardin telling of «۲۸ اسفند»)."""
    if document is None:
        return []
    try:
        from kashf.text.dates import parse_date
    except ImportError:
        return []
    out = []
    folded = lex.fold(text)
    # whether the text just before this one brought the story it told up to now ("Since then
    # …"; the last few paragraphs only, so that a long document is not read again for each one)
    brought_up = bool(_SINCE_THEN.search(lex.fold(before[-_SINCE_REACH:]))) \
        if story is not None else None
    since = _SINCE_THEN.search(folded) if story is not None else None  # (once per text)
    for m in YEARLESS_DATE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if month in ("جوان", "ماي") and (not m.group(1) or re.search("[۰-۹]", day)):
            continue  # «۲۰ جوان»: twenty young men; the Maghreb's months come after a day
        day = day if day[:1].isdigit() else str(day_in_words(day) or day)
        # The last full date before it on its own line, or anywhere before it when the text
        # says so («همان سال», "that year"): a report dated 2021 telling a 2020 story.
        same_year = bool(_SAME_YEAR.match(text, m.end()))
        # (a month with its year counts too: "early January 2021 … on 12 January")
        reference = next((d for at, d in sorted([*anchors, *month_anchors], reverse=True)
                          if at < m.start() and d
                          and (same_year or "\n" not in text[at : m.start()])
                          and not _NOW_YEAR.search(text, at, m.start())), None)
        if reference is None or reference > document:
            reference = document
            # A story told months before the report goes on in its own year: "first
            # approached on 18 March 2022 … On 2 April he collected 1,500 euros" (a report of
            # 2023). So when the last full date anywhere before it is long before the
            # report, a day-month a few weeks after that date takes its year.
            # (a season or a year tells the story's time too: «پاییز ۱۳۹۶ … هشتم آبان»,
            # «في أول أيام عيد الأضحى سنة ٢٠١٢ … أُفرج عني في ٣ كانون الأول»)
            windows = [(at, d, d + _STORY_GAP) for at, d in anchors if d] + list(seasons)
            last_told = max((w for w in windows if w[0] < m.start()), default=None,
                            key=lambda w: w[0])
            told = last_told[1:] if last_told else story
            if told is not None and document - told[0] > _STORY_GAP \
                    and not _THIS_YEAR.match(text, m.end()) \
                    and not (last_told and (_NOW_YEAR.search(text, last_told[0], m.start())
                                            or _SINCE_THEN.search(folded, last_told[0], m.start()))) \
                    and not (last_told is None and brought_up is not None
                             and (brought_up or since is not None and since.end() <= m.start())) \
                    and not _close_ahead(parse_date, day, month, document) \
                    and not (document - told[0] > _YEAR and _writer_met(text, m.start())
                             and _close_behind(parse_date, day, month, document)):
                parsed = _parse_day(parse_date, day, month, _year_in(month, told[0]))
                found = iso_day(parsed)
                if found is not None and told[0] <= found <= told[1]:
                    parsed = _on_written_weekday(parse_date, folded, m.start(), day, month,
                                                 parsed, document, before)
                    out.append((m.start(), m.end(), parsed[:10], m.group(0)))
                    continue
        last_year = bool(_LAST_YEAR.match(text, m.end()))
        year = _year_in(month, reference) - last_year
        said_year = _YEAR_BEFORE.search(text, max(0, m.start() - 16), m.start())
        said = _full_year(ascii_digits(said_year.group(1) or said_year.group(2))) \
            if said_year else None
        if said is not None and _fits_calendar(said, month):
            # «سال ۹۷، ۲۳ دی», «سنة ٢٠١٩، ٣ آذار»: the year said first
            year = said
            last_year = True  # (no turn of the year: the year is said)
        parsed = _parse_day(parse_date, day, month, year)
        found = iso_day(parsed)
        if found is not None and not last_year:  # ("18 June last year" says its year)
            if found > document + YEARLESS_AHEAD:
                parsed = _parse_day(parse_date, day, month, year - 1)
            elif reference == document and found < document - _YEAR_TURN:
                # a report of late Esfand or December telling of «۱۵ فروردین», "3 January":
                # the coming one, when that is close ahead, rather than one almost a year back
                coming = _parse_day(parse_date, day, month, year + 1)
                if coming and iso_day(coming) and iso_day(coming) <= document + YEARLESS_AHEAD:
                    parsed = coming
            elif reference != document and found < reference - _STORY_BACK:
                # a story goes on forward: «في كانون الأول ٢٠٢٤ … وفي ١٨ كانون الثاني» is the
                # January after that December, when that is not after the document
                coming = _parse_day(parse_date, day, month, year + 1)
                if coming and iso_day(coming) and iso_day(coming) <= document:
                    parsed = coming
        if parsed is not None:
            parsed = _on_written_weekday(parse_date, folded, m.start(), day, month, parsed,
                                         document, before)
            out.append((m.start(), m.end(), parsed[:10], m.group(0)))
    return out


def _on_written_weekday(parse_date, folded: str, at: int, day: str, month: str, parsed: str,
                        document: dt.date, before: str = "") -> str:
    """A day-month with its weekday written before it ("On Monday 2 September") that the
    year read for it puts on another weekday: the document's year, or the one before it,
    when that puts it on its weekday (a 2024 report that told of 2017 and came back to its
    own time: 2 September 2017 was a Saturday)."""
    line_start = folded.rfind("\n", 0, at) + 1
    weekday = weekday_before(folded, max(line_start, at - 24), at)
    found = iso_day(parsed)
    if weekday is None or found is None or found.weekday() == weekday:
        return parsed
    own = _year_in(month, document)
    # (else a year written alone before it, nearest first: a memoir's «کربلا و نجف، ۱۳۸۶» over
    # «صبح چهارشنبه ۲ آبان», a Wednesday in 1386)
    def years():
        yield own
        yield own - 1
        written = (int(y) for y in reversed(_A_YEAR.findall(ascii_digits(before + folded[:at]))))
        yield from dict.fromkeys(y for y in written if _fits_calendar(y, month))

    for year in years():
        other = _parse_day(parse_date, day, month, year)
        other_day = iso_day(other)
        if other_day is not None and other_day.weekday() == weekday \
                and other_day <= document + YEARLESS_AHEAD:
            return other
    return parsed


# A year written alone («عام ٢٠٢٢», «…، ۱۳۸۶»), in ASCII digits, of any of the three calendars.
_A_YEAR = re.compile(r"(?<![\d/.\-])(1[2-5]\d\d|19\d\d|20\d\d)(?![\d/.\-])")


# A season and its year: «پاییز ۱۳۹۶», «خريف ٢٠١٧», "autumn 2017", "the summer of 2019".
_SEASON = re.compile(
    r"(?<!\w)(?:(?P<fa>بهار|تابستان|پاییز|پائیز|زمستان)(?:\s+(?:سال|ی))?"
    r"|(?P<ar>ربيع|صيف|خريف|شتاء)(?!\s+(?:الأول|الاول|الثاني|الآخر))(?:\s+(?:عام|سنة))?"
    r"|(?P<en>spring|summer|autumn|fall|winter)(?:\s+of)?)\s+(?P<year>[0-9۰-۹٠-٩]{4}|[۰-۹]{2})"
    r"(?![0-9۰-۹٠-٩])",
    re.IGNORECASE,
)
# Where each season starts: Solar Hijri (month, day) for Persian, Gregorian otherwise.
_SEASON_STARTS = {"بهار": (1, 1), "تابستان": (4, 1), "پاییز": (7, 1), "پائیز": (7, 1),
                  "زمستان": (10, 1), "ربيع": (3, 1), "صيف": (6, 1), "خريف": (9, 1), "شتاء": (1, 1),
                  "spring": (3, 1), "summer": (6, 1), "autumn": (9, 1), "fall": (9, 1),
                  "winter": (1, 1)}


def _month_first(iso: str) -> dt.date | None:
    """A month-precise date's first day (a Gregorian month's ISO is "2019-10"; a Hijri month's,
    its first day)."""
    return iso_day(iso) or iso_day(f"{iso[:7]}-01")


def _seasons(text: str, dates: list | None = None) -> list[tuple[int, dt.date, dt.date]]:
    """(offset, first day, last day the story may reach) of every season written with its
    year, and of every month with its year among ``dates`` (``find_dates(text)``)."""
    import jdatetime

    out = []
    for m in _SEASON.finditer(text):
        name = (m.group("fa") or m.group("ar") or m.group("en")).lower()
        year = int(ascii_digits(m.group("year")))
        if year < 100:  # «بهار ۸۸»: a Persian year's last two digits (1388; «۰۲» is 1402)
            if not m.group("fa"):
                continue
            year = solar_year_of_two_digits(year)
        month, day = _SEASON_STARTS[name]
        try:
            if m.group("fa") and 1300 <= year <= 1500:
                first = jdatetime.date(year, month, day).togregorian()
            elif m.group("fa") and 1900 <= year <= 2100:
                # «پاییز 2017»: the season by the Gregorian calendar (it starts near the 22nd)
                first = dt.date(year, month + 2, 22 if month != 7 else 23)
            elif 1900 <= year <= 2100:
                first = dt.date(year, month, day)
            else:
                continue
        except ValueError:
            continue
        out.append((m.start(), first, first + _STORY_GAP))
    # a month with its year tells the year of that month's days after it: "Tell me about
    # October 2019." / "On the 1st of October … summoned me"
    for found in dates or ():
        if found.precision != "month" or not found.iso_end:
            continue
        first = _month_first(found.iso)
        last = iso_day(found.iso_end)
        if first is not None and last is not None:
            out.append((found.start, first, last))
    return sorted(out)


def _after_document(parse_date, day: str, month: str, document: dt.date) -> dt.timedelta | None:
    """How long after the document the day-month falls in the document's year (negative:
    before it), or None when it is no day."""
    this_year = iso_day(_parse_day(parse_date, day, month, _year_in(month, document)))
    return None if this_year is None else this_year - document


def _close_ahead(parse_date, day: str, month: str, document: dt.date) -> bool:
    """Whether the day-month, in the document's year, falls in the weeks after the report: a
    plan ("I travel to Manchester on 14 November"), not a day of a story told before it."""
    after = _after_document(parse_date, day, month, document)
    return after is not None and dt.timedelta(0) < after <= _CLOSE_AHEAD


# The writer's own interview in a reconstruction: "spoke to this reporter", "When the Ledger met
# Ooi" (raw text: the paper's name is capitalised).
_WRITER_MET = re.compile(
    r"\b(?:this|our) (?:reporter|correspondent|newspaper|paper|writer|author)\b"
    r"|\b[Tt]he [A-Z][a-z]+ (?:met|interviewed|reached|visited|spoke (?:to|with))\b"
)


def _writer_met(text: str, at: int) -> bool:
    """Whether the sentence around ``at`` tells of the writer's own interview."""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    end = min((i for i in (text.find(".", at), text.find("\n", at)) if i >= 0), default=len(text))
    return bool(_WRITER_MET.search(text, start, end))


def _close_behind(parse_date, day: str, month: str, document: dt.date) -> bool:
    """Whether the day-month, in the document's year, falls in the weeks before the report:
    after a story more than a year old, the writer's own recent interview ("When the Ledger
    met Ooi … on 21 May", in a piece of 14 June 2021 telling of 2020)."""
    after = _after_document(parse_date, day, month, document)
    return after is not None and -_CLOSE_AHEAD <= after <= dt.timedelta(0)


_YEAR = dt.timedelta(days=365)
_STORY_GAP = dt.timedelta(days=120)
_YEAR_TURN = dt.timedelta(days=300)
_STORY_BACK = dt.timedelta(days=150)
_CLOSE_AHEAD = dt.timedelta(days=30)
# "On 18 June last year", «۱۲ مهر پارسال», «في ٣ آذار من العام الماضي»
_LAST_YEAR = re.compile(r"\W{0,3}(?:of\s+)?(?:last year|the previous year|پارسال|سال گذشته|سال قبل|"
                        r"(?:من\s+)?(?:العام|السنة)\s+(?:الماضي|الماضية|الفائت|الفائتة|اللي فاتت|"
                        r"اللي فات|السابق|السابقة))", re.IGNORECASE)
_THIS_YEAR = re.compile(r"\W{0,3}(?:امسال|this year|هذا العام|العام الجاري|السنة الحالية|هذه السنة)",
                        re.IGNORECASE)


# A year said just before a day and month: «سال ۹۷، ۲۳ دی», «عام ٢٠١٩، في ٣ آذار».
# (or a feast's year with the day in brackets after it: "on Sizdah Bedar 2019 (2 April)")
_YEAR_BEFORE = re.compile(r"(?<!\w)(?:سال|سنة|عام|in)\s+([0-9۰-۹٠-٩]{4}|[۰-۹]{2})\s*[،,]\s*"
                          r"(?:في\s+|on\s+|روز\s+|يوم\s+)?$"
                          r"|(?<![\w/.\-])([0-9۰-۹٠-٩]{4})\s*\(\s*$",
                          re.IGNORECASE)


def _full_year(digits: str) -> int:
    """A year as written, its century filled in for a Solar «۹۷» (1397) or «۰۲» (1402)."""
    return solar_year_of_two_digits(int(digits)) if len(digits) == 2 else int(digits)


def _fits_calendar(year: int, month: str) -> bool:
    """Whether a year can be of the calendar ``month`` belongs to (not «سال ۲۰۱۹، ۲۳ دی»)."""
    if month in _SOLAR_MONTHS:
        return 1200 <= year <= 1500
    if _HIJRI_MONTH.fullmatch(month):
        return 1300 <= year <= 1500
    return 1900 <= year <= 2100


def _year_in(month: str, reference: dt.date) -> int:
    """The year ``reference`` falls in, in the calendar ``month`` belongs to."""
    if _HIJRI_MONTH.fullmatch(month):
        from hijridate import Gregorian

        try:  # (the Umm al-Qura tables cover 1924–2077)
            return Gregorian.fromdate(reference).to_hijri().year
        except (ValueError, OverflowError):
            return 0  # no lunar year: the day-month is no date
    if month in _SOLAR_MONTHS:
        import jdatetime

        return jdatetime.date.fromgregorian(date=reference).year
    return reference.year


# The story come back to the document's year between an old date and a day-month: «عرض عليه
# مطلع العام الحالي … تسلم بتاريخ 3 نوفمبر», "earlier this year", «اوایل امسال».
_NOW_YEAR = re.compile(r"(?<!\w)(?:امسال|this year|هذا العام|العام الحالي|العام الجاري|السنة الحالية|"
                       r"هذه السنة|السنة الجارية|سال جاری|سال جاري)(?!\w)", re.IGNORECASE)
# The story brought up to now: "first approached on 14 August 2019 … Since then he has travelled
# to Qom twice. On 3 November …" (of the report's year)
_SINCE_REACH = 2000
_SINCE_THEN = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(lex.fold(phrase)) for phrase in (
    "since then", "ever since", "از آن زمان", "از آن پس", "منذ ذلك الحين", "منذ ذلك الوقت",
)) + r")(?!\w)")
_SAME_YEAR = re.compile(r"\W{0,3}(?:همان سال|همان‌سال|that year|the same year|نفس العام|العام نفسه|"
                        r"ذلك العام|من العام نفسه)", re.IGNORECASE)


def _parse_day(parse_date, day: str, month: str, year: int) -> str | None:
    parsed = parse_date(f"{day} {month} {year}")
    return parsed.iso if parsed is not None and len(parsed.iso) >= 10 else None


# --------------------------------------------------------------------------- participants, place


# A paragraph that sums up or assesses ("SUMMARY:", «ارزیابی:», «جمع‌بندی:») restates the
# events told elsewhere; counting it again would double them.
SUMMARY_LINE = re.compile(
    r"\W*(?:[0-9۰-۹٠-٩]+\W*)?(?:\([a-z/]+\)\s*)?(?:summary|comment|assessment|evaluation|"
    r"analysis|recommendations?|ارزیابی|جمع بندی|جمعبندی|نتیجه گیری|نتیجهگیری|تحلیل|خلاصه|"
    r"درس اموخته ها|درساموختهها|پیشنهادها|پیشنهادات|توصیه ها|التقییم|الخلاصه|ملخص|تعلیق|"
    r"التوصیات)\s*[:：]",
    re.IGNORECASE,
)
