"""Days a report names relative to its own date: "last Tuesday", «الاثنين الماضي»,
«شنبه آینده», «في الثالث من الشهر الجاري» ("on the third of this month").

Fixed offsets ("yesterday", «روز بعد») are data in ``lexicons/relative_dates.tsv``; these
need a calendar: a weekday counted back or forward from the document's day, or a day of
the document's month. They run on the folded text (``events_lexicon.fold``: ی, ک, ا for
hamza seats, ه for ta marbuta, ZWNJ as a space, Latin lower case), so offsets are the
original text's.

"Last Monday" is the latest Monday before the document's day (a week back when the
document is dated a Monday); "next Saturday" the first Saturday after it. A bare weekday
("on Thursday", «الخميس», «پنجشنبه» with no date after it) points back, unless the
sentence tells a plan (``forward``): a report tells what happened, and plans say so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from kashf.nlp.events_lexicon import fold, present_indicative, verb_form, words_with_previous
from kashf.nlp.patterns import ascii_digits
from kashf.text.dates import day_in_words

# Monday = 0, as datetime counts. Folded spellings: «سه‌شنبه» folds to «سه شنبه».
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "دوشنبه": 0, "سه شنبه": 1, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "پنج شنبه": 3,
    "جمعه": 4, "شنبه": 5, "یکشنبه": 6, "یک شنبه": 6,
    "چارشنبه": 2, "چار شنبه": 2, "چهار شنبه": 2,  # (as Persian speech writes it)
    "الاثنین": 0, "الثلاثاء": 1, "الثلاثا": 1, "الاربعاء": 2, "الاربعا": 2, "الخمیس": 3,
    "الاتنین": 0, "التلات": 1, "التلاتا": 1,  # Egyptian and Levantine speech
    "الجمعه": 4,
    "السبت": 5, "الاحد": 6,
    # Persian shorthand with the day's number: «۳ شنبه» is سه‌شنبه, «۵ شنبه» پنجشنبه
    "۱ شنبه": 6, "۲ شنبه": 0, "۳ شنبه": 1, "۴ شنبه": 2, "۵ شنبه": 3,
    "1 شنبه": 6, "2 شنبه": 0, "3 شنبه": 1, "4 شنبه": 2, "5 شنبه": 3,
}
_DAY = "|".join(sorted((re.escape(name) for name in _WEEKDAYS), key=len, reverse=True))
_LAST_EN = r"last|this past|past"
_NEXT_EN = r"next|this coming|coming|همین"  # «همین شنبه میریم وان»: this coming Saturday
# «قبل»/«بعد» after a weekday are "last"/"next" only when nothing follows them: «شنبه بعد از
# ظهر» is Saturday afternoon, «الجمعة بعد الصلاة» Friday after prayers.
# (nor a span: «الثلاثاء بعد عشر ساعات في الطريق», «الجمعة بعد يومين»: after ten hours, not
# the Tuesday after; «سه‌شنبه بعد ساعت ۱۰» is still next Tuesday at ten)
_NOT_A_WORD_AFTER = (r"(?!\s*(?:از|ال\w|صلا|ظهر|عصر|\w+ی\s|[0-9۰-۹٠-٩]|ساعات|ساعتین|ساعه\b|"
                     r"دقیقه|دقائق|یومین|ایام|نص\s|نصف|ثلاث|اربع|خمس|ست\s|سبع|ثمان|تسع|عشر))")
# («الفات»: Sudanese speech's «الفائت», «يوم الاربعاء الفات»)
_LAST_AFTER = (rf"گذشته|قبل{_NOT_A_WORD_AFTER}|پیش|الماضیه|الماضی|المنصرمه|المنصرم|الفائته|الفائت|"
               r"الفات|السابقه|السابق|اللی فات|الی فات|اللی راح")
_NEXT_AFTER = (rf"آینده|اینده|بعد{_NOT_A_WORD_AFTER}|المقبله|المقبل|القادمه|القادم|الجایه|الجایی|"
               # («پنجشنبهٔ دیگر», «شنبه دیگه»: the coming one)
               r"الجای|الیایه|الیای|اللی جای|دیگر|دیگه")

# An English weekday's short form, as a log or a chronology writes it ("Fri 7th", "Sun 06/08").
_DAY_SHORT = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
# A bare weekday: "on Thursday", «يوم الخميس», «روز پنجشنبه», «پنجشنبه عصر» — not one that a
# date follows («پنجشنبه ۲۴ بهمن», "Thursday 16 April": the date parser's).
_BARE = re.compile(
    # (not Friday prayers: «پس از نماز جمعه», «بعد صلاة الجمعة» name the prayer, not a day)
    rf"(?<!\w)(?<!every\s)(?<!هر\s)(?<!کل\s)(?<!نماز\s)(?<!صلاه\s)(?:(?:on\s+|یوم\s+|روز\s+)?"
    # (a short form only after "on" or before a time of day: "off to Reyhanli on Fri", "met
    # him Fri evening")
    rf"(?P<day>{_DAY})|on\s+(?P<short>{_DAY_SHORT})|(?P<short2>{_DAY_SHORT})(?=\s+(?:morning|"
    r"afternoon|evening|night)(?!\w)))(?!\w)(?!\s+prayers?)"
    # (a day and month in brackets after it are its date: «پنجشنبه (۱۴ تیر)»)
    r"(?!\s*\(\s*[0-9۰-۹٠-٩]{1,2}\s+[^\W\d])"
    # (a time after it is no date: "Saturday 2pm", "Thursday 19:00", "Sunday 1400")
    r"(?!\s*,?\s*(?:the\s+)?(?![0-9]{1,2}(?:[:.][0-9]{2})?\s*[ap]\.?m(?!\w)|[0-9]{1,2}:[0-9]{2}"
    r"|[0-2][0-9][0-5][0-9](?![0-9/]))[0-9۰-۹٠-٩]"
    # (but an amount is: «پنجشنبه ۲۰ میلیون تومان واریز کرد», «يوم الاثنين ٥ مليار دينار»)
    r"(?![0-9۰-۹٠-٩,٬]*\s*(?:میلیون|ملیون|میلیارد|ملیارد|ملیار|ملایین|هزار|تومان|تومن|ریال|دلار|"
    r"الف|دولار|دینار|million|thousand|billion|dollars?)(?!\w)))(?!\s*ها(?!\w))"
    # (nor one whose date follows «الموافق» or «مورخ»: «يوم الأحد الموافق ١٢/٣/٢٠٢٣م», «روز
    # سه‌شنبه مورخ ۱۴۰۲/۰۳/۱۶»)
    r"(?!\s*(?:الموافق|الموافقه|المصادف|مورخ|بتاریخ|به تاریخ)\s*[0-9۰-۹٠-٩])"
)
# "last Tuesday", "next Saturday"; «الاثنين الماضي», «شنبه گذشته», «روز شنبه آینده».
# ("last Thurs (7/12)": a short form after "last" or "next" only: "walked past Sun Hotel")
# ("this Friday": that day of the document's own week, Monday to Sunday)
_BEFORE = re.compile(rf"(?<!\w)(?:(?P<mod>{_LAST_EN}|{_NEXT_EN}|this)\s+(?P<day>{_DAY})"
                     rf"|(?P<mod2>last|next)\s+(?P<short>{_DAY_SHORT}))(?!\w)"
                     rf"(?!\s+(?:{_LAST_AFTER})(?!\w))")  # not «همین شنبه گذشته»: that is the last
# («دوشنبه‌ی بعد» folds to «دوشنبه ی بعد»)
_AFTER = re.compile(rf"(?<!\w)(?P<day>{_DAY})(?:\s+ی|\u0654)?\s+(?P<mod>{_LAST_AFTER}|{_NEXT_AFTER})(?!\w)")
# «يوم الأحد قبل الماضي», "on Sunday before last": the one a week before the last.
_BEFORE_LAST = re.compile(
    rf"(?<!\w)(?P<day>{_DAY})\s+(?:قبل\s+(?:الماضی|الماضیه|الفائت|الفائته|اللی\s+فات)|before\s+last)"
    r"(?!\w)", re.IGNORECASE)
# «جمعه‌ی این هفته», «الجمعة من هذا الأسبوع»: that day of the document's own week, which in
# Iran and the Arab world runs from Saturday to Friday.
_THIS_WEEK = re.compile(
    rf"(?<!\w)(?P<day>{_DAY})(?:\s+ی|\u0654)?\s+(?:(?:این|همین)\s+هفته|(?:من\s+)?هذا\s+الاسبوع"
    # «پنجشنبه هفته آینده», «الخميس من الأسبوع المقبل», "Thursday next week": a week on
    r"|(?P<next>هفته\u0654?\s+(?:ی\s+)?(?:اینده|بعد)|(?:من\s+)?الاسبوع\s+(?:القادم|المقبل|الجای)|next\s+week)"
    # «شنبه هفته گذشته», «الخميس من الأسبوع الماضي», "Thursday last week": a week back
    r"|(?P<last>هفته\u0654?\s+(?:ی\s+)?(?:گذشته|قبل|پیش)|(?:من\s+)?الاسبوع\s+(?:الماضی|الفائت|الفات|المنصرم|اللی\s+فات)"
    r"|last\s+week))(?!\w)"
    # «هفته گذشته، روز دوشنبه», "last week, on Monday": the same, the other way round
    rf"|(?<!\w)(?:(?P<last2>هفته\u0654?\s+(?:ی\s+)?(?:گذشته|قبل|پیش)|الاسبوع\s+(?:الماضی|الفائت|الفات|المنصرم|اللی\s+فات)"
    rf"|last\s+week)|(?P<next2>هفته\u0654?\s+(?:ی\s+)?(?:اینده|بعد)|الاسبوع\s+(?:القادم|المقبل|الجای)"
    rf"|next\s+week))[\s،,]+(?:(?:روز|یوم|نهار|on)\s+)?(?P<day2>{_DAY})(?!\w)"
)

_ORDINALS = {
    "الاول": 1, "الثانی": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادی عشر": 11, "الثانی عشر": 12,
    "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, "العشرین": 20,
}
_ORDINAL = "|".join(sorted((re.escape(o) for o in _ORDINALS), key=len, reverse=True))
# «في الثالث من الشهر الجاري», «يوم ٣ من الشهر الحالي», «في ٢٥ الجاري», "on the 3rd of this month".
_THIS_MONTH = re.compile(
    rf"(?<!\w)(?:(?P<ord>{_ORDINAL})|(?P<num>[0-9۰-۹٠-٩]{{1,2}}))\s+(?:من\s+)?"
    # (spoken: «يوم ٢٨ الشهر ده», «١٥ هالشهر», «٣ الشهر هاذا»)
    r"(?:الشهر\s+(?:الجاری|الحالی|ده|دا|هذا|هاذا)|هذا\s+الشهر|هالشهر|الجاری)(?!\w)"
    r"|(?<!\w)the\s+(?P<en>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:this\s+month|instant|inst\b)"
    # (spoken, the month alone after «يوم»: «خرجت من الميناء يوم ١٥ الشهر», the 15th of it)
    r"|(?<=یوم\s)(?P<num2>[0-9۰-۹٠-٩]{1,2})\s+الشهر(?!\s*(?:الماضی|المنصرم|الفائت|السابق|"
    r"المقبل|القادم|الجای|اللی|الی|ذاته|نفسه|ذاک|ذلک|الفات))(?!\w)"
)

# «روز پنجم همین ماه», «۱۲ ماه جاری», «بیست و سوم این ماه»: a day of the document's Solar month.
_SOLAR_THIS_MONTH = re.compile(
    r"(?<!\w)(?:(?P<num>[0-9۰-۹]{1,2})(?:\s?ام|م)?|(?P<word>(?:[^\W\d_]+\s+و\s*)?[^\W\d_]+))"
    r"\s+(?:همین\s+ماه|ماه\s+جاری|این\s+ماه)(?!\w)"
)

# «في ١٥ من الشهر الماضي», «يوم الخامس من الشهر المنصرم», "on the 3rd of last month", «في ٥ من
# الشهر المقبل»: a day of the month before (or after) the document's.
_OTHER_MONTH = re.compile(
    rf"(?<!\w)(?:(?P<ord>{_ORDINAL})|(?P<num>[0-9۰-۹٠-٩]{{1,2}}))\s+(?:من\s+)?الشهر\s+"
    r"(?:(?P<last>الماضی|المنصرم|الفائت|السابق|اللی\s+فات)|(?P<next>المقبل|القادم|الجای))(?!\w)"
    r"|(?<!\w)the\s+(?P<en>\d{1,2})(?:st|nd|rd|th)?\s+of\s+(?:(?P<en_last>last|the\s+previous)|"
    r"(?P<en_next>next))\s+month(?!\w)"
)

# "on the 15th", "on the night of the 16th": a day of the document's month (of the month
# before, when that day is still to come: a report tells what has happened).
# A chronology's "Fri 7th", "Tue 4th": a short weekday, then the day without "the".
# With a weekday ("Mon 14th", "Thursday 24th", "Sunday the 3rd"), the month is the one
# near the document's whose day falls on that weekday.
_NTH = re.compile(
    rf"(?<!\w)(?:(?:on|(?P<weekday>{_DAY}|{_DAY_SHORT}),?)\s+the\s+|(?P<short>{_DAY_SHORT}|{_DAY}),?"
    r"\s+(?=\d{1,2}(?:st|nd|rd|th)))(?:(?:night|morning|evening|afternoon)\s+of\s+the\s+)?"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)(?!\w)(?!\s+(?:of\s+)?(?:this\s+month|jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec))"
)
# «يوم الاثنين ١٥», «پنجشنبه ۱۲ ساعت ده»: a weekday and a day of the month with no month; the
# month is the one that puts that day on that weekday (``_on_weekday``).
# (a Persian day that carries its ordinal's «ام» may go on with any word: «شنبه ۲۱ام با ماهان»,
# «سه‌شنبه ۲۸ام بیا مسقط»)
_WEEKDAY_AND_DAY = re.compile(
    rf"(?<!\w)(?P<weekday>{_DAY})\s+(?P<day>[0-9۰-۹٠-٩]{{1,2}})(?P<th>\s?ام|م)?"
    r"(?![0-9۰-۹٠-٩/:\-]|\.[0-9۰-۹٠-٩])"
    r"(?=\s*(?:[،,.؛;:)\]]|$|\n|\s(?:و|في|فی|في|در|ساعت|الساعه|صباحا|مساء|عصرا|ظهرا)(?!\w)"
    r"|(?<=ام)\s))"
)
# «يوم ٧/١١», «يوم الخميس ١٦/١١», «ظهر الاثنين ٢١/٩», «بتاريخ ١٨/٧», «در تاریخ ۲۸/۸»: day/month
# without a year, after «يوم», a weekday or a word for "dated".
# (also after an English weekday's short form, as a log writes it: "Sun 06/08: Met NIGHTJAR",
# and after "on": "flew in from Istanbul to Dubai on 06/06")
# A day/month a time of day names («مساء ١٥/٤», «صورة ٣ (١٦/٤ – ٠٩:٥٠)») is one too.
_DAY_MONTH = re.compile(
    rf"(?<!\w)(?:(?:یوم|روز)\s+(?:(?:{_DAY})\s+)?|(?:{_DAY}|{_DAY_SHORT})\s*[،,]?\s+|بتاریخ\s+|"
    rf"مورخ\s+|(?:در|به)\s+تاریخ\s+|(?:صباح|مساء|ظهر|عصر|لیله|فجر)\s+|(?:on|yesterday|today)\s+)"
    r"(?P<d>[0-9۰-۹٠-٩]{1,2})"
    # (a space may stand by the slash, as right-to-left typing leaves it: «يوم الأحد ٢٨ /١»)
    rf" ?/ ?(?P<m>[0-9۰-۹٠-٩]{{1,2}})"
    r"(?! ?/|[0-9۰-۹٠-٩])"  # (nor a full date spaced so: «بتاريخ ٣ / ٩ / ١٤٣٨هـ»)
    r"|(?<![\w/])(?P<d2>[0-9۰-۹٠-٩]{1,2})/(?P<m2>[0-9۰-۹٠-٩]{1,2})"
    r"(?=\s*[–\-—,،]?\s*[0-9۰-۹٠-٩]{1,2}:[0-9۰-۹٠-٩]{2})"
    # a line that opens on its day: "8/14: S1 flew Dulles-Istanbul", "12/01 - asked to copy"
    r"|(?<![^\n])[ \t]*(?P<d3>[0-9]{1,2})/(?P<m3>[0-9]{1,2})(?=[ \t]*(?:[:,]|[–\-—][ \t]))"
    # two and two digits inside a line, as British notes write a day: "flew to Istanbul 28/02",
    # "in the lobby, 01/03" (not "24/7", nor a score "3/10")
    r"|(?<=[\s,(])(?P<d4>[0-3][0-9])/(?P<m4>[01][0-9])(?=[\s.,;:)]|$)"
    # a European day.month after "on" or "for", without its year: "fly to Yerevan on 23.02",
    # "agreed for 25.01"; or opening a table's row: "16.01 | HOXHA | Amsterdam → Hilversum"
    r"|(?<!\w)(?:on|for)\s+(?P<d5>[0-3]?[0-9])\.(?P<m5>[01][0-9])(?![0-9]|\.[0-9])"
    r"|(?<![^\n])[ \t]*(?P<d6>[0-3]?[0-9])\.(?P<m6>[01][0-9])(?=[ \t]*\|)"
    # a diary's heading, the day and its weekday: "10/4 Mon", "12/4 Wed"
    rf"|(?<![^\n])[ \t]*(?P<d7>[0-9]{{1,2}})/(?P<m7>[0-9]{{1,2}})"
    rf"(?=[ \t]+(?P<w7>{_DAY}|{_DAY_SHORT})[ \t]*(?:\n|$))"
)

_PERSIAN_DIGIT = re.compile("[۰-۹]")
_WEEKDAY_WORD = re.compile(rf"(?<!\w)(?:{_DAY}|{_DAY_SHORT})(?!\w)")
# A military date with a two-digit year: "27 SEP 23", "11 OCT 23, 1930 hrs".
_MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MILITARY = re.compile(
    r"(?<![\w/])(?P<d>\d{1,2})(?:\s+(?P<m>" + "|".join(_MONTH_ABBR) + r")\s+|(?P<m2>"
    + "|".join(_MONTH_ABBR) + r"))(?P<y>\d{2})(?![\d:/])"  # "27 SEP 23", "03NOV22"
)
# A chat export's day: "[14/03/22, 09:02]", "14/03/2022, 09:02 -", «14/5/23، 10:02 ص -»: day first, unless the
# second number cannot be a month.
_CHAT_DAY = re.compile(
    r"(?<![\w/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4})[,،]?\s+\d{1,2}:\d{2}"
)

# A military date-time group: "120915Z MAR 19" (the 12th, 09:15 Zulu, March 2019), or
# "121140Z" alone, a day of the log's own month.
# Another zone's letter, with the month run on, is one too: "031830CNOV22" (local time C).
_DTG = re.compile(
    r"(?<![\w/])(?P<d>[0-3]\d)(?:[0-2]\d[0-5]\d)(?:z(?:\s+(?P<m>" + "|".join(_MONTH_ABBR)
    + r")\s+(?P<y>\d{2}))?|[a-ik-z]\s*(?P<m2>" + "|".join(_MONTH_ABBR) + r")\s*(?P<y2>\d{2})"
    # a local time zone's letter without the month, before a log line's dash or a stop:
    # "140710C - PSD dep RNC", "Arr BIA 140805C." (the log's month; not "150000l of diesel")
    r"|[a-ik-y](?=\s*[-–—|:.,;)]))(?!\w)"
)

# Words that make the ordinal a part of the month, not its day.
_PART_OF = re.compile(r"(?<!\w)(?:النصف|الاسبوع|العشر|العشره|الثلث|الربع|half|week)\s+$")


# Days a calendar names once a year (folded text): "on New Year's Day", «شب یلدا» (30 Azar,
# 21 December in the years kashf reads). Feasts of the lunar calendar move: not here.
_HOLIDAYS = {
    "new year's day": (1, 1), "new years day": (1, 1), "new year's eve": (12, 31),
    "new years eve": (12, 31), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "شب یلدا": (12, 21), "لیله راس السنه": (12, 31),
}
_HOLIDAY = re.compile(
    r"(?<!\w)(?P<name>" + "|".join(re.escape(name) for name in sorted(_HOLIDAYS, key=len, reverse=True))
    # ("Christmas Eve 2021": its year written after it)
    # (not a time: "Christmas Day 1930 hrs", "Christmas Eve 2015 S1 left")
    + r")(?:,?\s+(?P<year>(?:19|20)[0-9][0-9])(?![0-9])(?!\s*(?:hrs?|h|z|l)\b)"
    r"(?!\s+[a-z]{1,3}[0-9]))?(?!\w)"
)
# Feasts of the lunar Hijri calendar, (month, day), by Umm al-Qura: «يوم عرفة», «عید فطر»,
# «أول أيام عيد الأضحى» (written spellings, folded below). «العيد» counts only after «أيام»
# («ثاني أيام العيد»), as the Eid nearest the document.
_FEASTS = {
    "عيد الأضحى": (12, 10), "عيد الاضحى": (12, 10), "عید قربان": (12, 10), "عید اضحی": (12, 10),
    "يوم عرفة": (12, 9), "يوم عرفه": (12, 9), "روز عرفه": (12, 9), "عيد الغدير": (12, 18),
    "وقفة عرفات": (12, 9), "وقفة عرفة": (12, 9), "يوم الوقفة": (12, 9),
    "عید غدیر": (12, 18), "عيد الفطر": (10, 1), "عید فطر": (10, 1), "عید رمضان": (10, 1),
    "عاشوراء": (1, 10), "عاشورا": (1, 10), "تاسوعا": (1, 9), "تاسوعاء": (1, 9),
    "اربعین حسینی": (2, 20), "روز اربعین": (2, 20), "المولد النبوي": (3, 12),
}
_EIDS = ((10, 1), (12, 10))
_FEAST_ORDINALS = {"اول": 0, "ثانی": 1, "ثالث": 2, "رابع": 3}
_FEAST = re.compile(
    # (not a deadline or a bound: «تا عید فطر», «بعد از عید», "before Eid"; nor a name:
    # «پادگان عاشورا»; «شب عاشورا», «ليلة عيد الفطر» is the eve)
    r"(?<!\w)(?<!تا\s)(?<!از\s)(?<!حتی\s)(?<!قبل\s)(?<!بعد\s)(?<!پادگان\s)(?<!خیابان\s)"
    r"(?<!میدان\s)(?<!گردان\s)(?<!لشکر\s)(?<!هیئت\s)(?<!مسجد\s)(?<!شارع\s)"
    r"(?:(?P<eve>شب|لیله)\s+)?(?:(?P<ord>اول|ثانی|ثالث|رابع)\s+ایام\s+)?(?P<name>"
    + "|".join(sorted((re.escape(fold(name)) for name in _FEASTS), key=len, reverse=True))
    + r"|(?<=ایام\s)العید)(?:\s+(?P<last>الماضی|الفائت|المنصرم|گذشته|پارسال)"
    r"|\s+(?P<next>القادم|المقبل|اینده|آینده))?"
    # «أول أيام عيد الأضحى من العام الماضي», «عید فطر سال گذشته»: last year's
    r"(?:\s+(?:من\s+)?(?P<lastyear>(?:العام|السنه|عام|سنه)\s+(?:الماضی|الفائت|المنصرم)|"
    r"سال\s+(?:گذشته|قبل)|پارسال|last\s+year))?"
    # («وفي أول أيام عيد الفطر من عام ٢٠٢٣»: that year's)
    r"(?:\s+(?:من\s+)?(?:سنه|عام|سال|العام)\s+(?P<year>[0-9۰-۹٠-٩]{4}))?(?!\w)"
    # «في أول أيام شهر رمضان», «اول روز ماه رمضان», "the first day of Ramadan": a day of the
    # fast (Ramadan alone is a month, no day)
    r"|(?<!\w)(?:the\s+)?(?P<ord2>اول|ثانی|ثالث|first|second|third)\s+(?:ایام|یوم|روز|day)\s+"
    r"(?:من\s+|of\s+)?(?:شهر\s+|ماه\s+)?(?P<ramadan>رمضان|ramadan)(?:\s+المبارک)?"
    # («لعام ١٤٤٤هـ»: the fast of that Hijri year)
    r"(?:\s+(?:ل|من\s+)?(?:عام|سنه|العام)\s+(?P<hijri>1[34][0-9][0-9]|[۱١][۳۴٣٤][۰-۹٠-٩]{2})\s*(?:ه|هـ|ق)?)?"
    r"(?!\w)"
)
_FEAST_DAYS = {fold(name): day for name, day in _FEASTS.items()}
# (a cheap look first: most texts name no feast, and _FEAST's guards cost at every word)
_FEAST_HINT = re.compile(r"عید|عرفه|عرفات|وقفه|عاشورا|تاسوعا|اربعین|غدیر|مولد|رمضان|ramadan")


_WEEKDAY_AFTER = re.compile(rf"\s*[،,]?\s*(?P<day>{_DAY})(?!\w)")


def feast_at(folded: str, at: int) -> bool:
    """Whether a lunar feast's name («ثالث أيام العيد», «عید فطر») is written at ``at``."""
    return _FEAST.match(folded, at) is not None


def _feast(document: dt.date | None, m: re.Match[str], folded: str = "") -> str | None:
    """The day of a lunar feast as written: the one of the year it names, else the one nearest
    the document (the coming one after «القادم», the last before «الماضي»)."""
    from hijridate import Gregorian, Hijri

    if m.group("ramadan"):
        days = [(9, 1)]
        shift = dt.timedelta(days=_FEAST_ORDINALS.get(m.group("ord2"), 0)
                             + {"second": 1, "third": 2}.get(m.group("ord2"), 0))
    else:
        days = [_FEAST_DAYS[m.group("name")]] if m.group("name") in _FEAST_DAYS else list(_EIDS)
        shift = dt.timedelta(days=_FEAST_ORDINALS.get(m.group("ord") or "", 0)
                             - (1 if m.group("eve") else 0))
    if m.group("ramadan") and m.group("hijri"):
        try:
            return (Hijri(int(ascii_digits(m.group("hijri"))), 9, 1).to_gregorian() + shift).isoformat()
        except (ValueError, OverflowError):
            return None
    year = int(ascii_digits(m.group("year"))) if m.group("year") else None
    if year is not None and not 1925 <= year <= 2076:
        return None  # («عيد الفطر سنة ١٤٤٥»: a Hijri year, not the Gregorian one it is read as)
    anchor = document if year is None else dt.date(year, 7, 1)
    if anchor is None:
        return None
    if m.group("lastyear"):
        anchor -= dt.timedelta(days=365)
    try:  # (the Umm al-Qura tables cover 1924–2077)
        around = Gregorian.fromdate(anchor).to_hijri().year
    except (ValueError, OverflowError):
        return None
    found = []
    for hijri_year in (around - 1, around, around + 1):
        for month, day in days:
            try:
                found.append(Hijri(hijri_year, month, day).to_gregorian() + shift)
            except (ValueError, OverflowError):
                continue
    if year is not None:
        found = [d for d in found if d.year == year]
    elif m.group("last"):
        found = [d for d in found if d <= anchor]
    elif m.group("next"):
        found = [d for d in found if d > anchor][:1]
    else:
        found = [min(found, key=lambda d: abs((d - anchor).days))] if found else []
    if not found:
        return None
    day = max(found)
    # «روز اربعین، چهارشنبه ۱۵/۶», «عید فطر، شنبه»: the weekday the writer gives, where the
    # month began by the moon's sighting a day or two off the tables
    after = _WEEKDAY_AFTER.match(folded, m.end())
    return on_sighted_weekday(day, weekday_number(after.group("day")) if after else None).isoformat()


#: How far a lunar month's first day may differ between the tables and a country's moon sighting.
SIGHTING_DAYS = 2


def on_sighted_weekday(day: dt.date, weekday: int | None) -> dt.date:
    """A lunar day read by Umm al-Qura, moved to the weekday the writer gives when that is a day
    or two off (the month began by the moon's sighting: Iran and Iraq often start it later)."""
    if weekday is None:
        return day
    shift = (weekday - day.weekday() + 3) % 7 - 3
    return day + dt.timedelta(days=shift) if abs(shift) <= SIGHTING_DAYS else day


#: How far after the document a day written without its year («۲۰ مهر», "New Year's Day") may
#: still be this year's (a plan); later, it is last year's (event_dates reads the same).
YEARLESS_AHEAD = dt.timedelta(days=60)


def _holiday(document: dt.date | None, name: str, year: str | None = None) -> str | None:
    month, day = _HOLIDAYS[name]
    if year is not None:
        return dt.date(int(year), month, day).isoformat()
    if document is None:
        return None
    found = dt.date(document.year, month, day)
    if found > document + YEARLESS_AHEAD:
        found = dt.date(document.year - 1, month, day)
    return found.isoformat()


# "the last Thursday of March", "the first Sunday of May": that weekday of that month (of the
# document's year, or of the year before when that would put it well after the document).
_NTH_OF_MONTH = re.compile(
    rf"(?<!\w)(?:the\s+)?(?P<nth>first|second|third|fourth|last)\s+(?P<day>{_DAY})\s+of\s+"
    rf"(?P<month>(?:{'|'.join(_MONTH_ABBR)})[a-z]*)(?!\w)", re.IGNORECASE)
_WEEK_OF_MONTH = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _nth_weekday_of(m: re.Match[str], document: dt.date | None) -> str | None:
    weekday = weekday_number(m.group("day"))
    if document is None or weekday is None:
        return None
    month = _MONTH_ABBR.index(m.group("month").lower()[:3]) + 1

    def in_year(year: int) -> dt.date:
        if m.group("nth").lower() == "last":
            after = dt.date(year + (month == 12), month % 12 + 1, 1)  # the first day after it
            return after - dt.timedelta(days=(after.weekday() - weekday - 1) % 7 + 1)
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7
                                    + 7 * _WEEK_OF_MONTH[m.group("nth").lower()])

    day = in_year(document.year)
    if day > document + YEARLESS_AHEAD:
        day = in_year(document.year - 1)
    return day.isoformat()


def relative_days(
    folded: str, start: int, end: int, document: dt.date | None,
    forward: bool | Callable[[int], bool] = False,
) -> list[tuple[int, int, str | None]]:
    """(start, end, ISO day or None) of every such phrase in ``folded[start:end]``;
    ``forward``: the sentence tells a plan, so a bare weekday is the next one (a callable is
    asked, with the weekday's offset, only when the sentence has a bare weekday)."""
    found: list[tuple[int, int, str | None]] = []
    for m in _HOLIDAY.finditer(folded, start, end):
        found.append((m.start(), m.end(), _holiday(document, m.group("name"), m.group("year"))))
    if _FEAST_HINT.search(folded, start, end):
        for m in _FEAST.finditer(folded, start, end):
            found.append((m.start(), m.end(), _feast(document, m, folded)))
    for m in _NTH_OF_MONTH.finditer(folded, start, end):
        found.append((m.start(), m.end(), _nth_weekday_of(m, document)))
    before_last = folded.find("قبل", start, end) >= 0 or folded.find("before last", start, end) >= 0
    for m in _BEFORE_LAST.finditer(folded, start, end) if before_last else ():
        last = _weekday(document, weekday_number(m.group("day")), False)
        found.append((m.start(), m.end(), last and (
            dt.date.fromisoformat(last) - dt.timedelta(days=7)).isoformat()))
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(folded, start, end):
            if any(s <= m.start() < e for s, e, _ in found):
                continue  # "the last Thursday of March" above
            groups = m.groupdict()  # (_AFTER has no short form: "day" and "mod" only)
            weekday = weekday_number(groups["day"] or groups.get("short") or "")
            if weekday is None:
                continue
            mod = groups["mod"] or groups.get("mod2")
            if mod == "this":
                found.append((m.start(), m.end(), None if document is None else (
                    document + dt.timedelta(days=weekday - document.weekday())).isoformat()))
                continue
            ahead = bool(re.fullmatch(f"{_NEXT_EN}|{_NEXT_AFTER}", mod))
            if mod == "همین" and callable(forward):
                # «همین سه‌شنبه … اومده اربیل»: this very Tuesday, gone, when its sentence tells
                # it in the past and no plan («همین شنبه میریم وان», «همین جمعه ساعت ۶، جلوی
                # فودکورت» are plans)
                ahead = forward(m.start()) or not _past_told(folded, m.end(), end)
            found.append((m.start(), m.end(), _weekday(document, weekday, ahead)))
    for m in _THIS_WEEK.finditer(folded, start, end):
        if document is not None:
            saturday = document - dt.timedelta(days=(document.weekday() - 5) % 7)
            weeks = 1 if m.group("next") or m.group("next2") \
                else -1 if m.group("last") or m.group("last2") else 0
            day = saturday + dt.timedelta(days=(_WEEKDAYS[m.group("day") or m.group("day2")] - 5) % 7
                                          + 7 * weeks)
            found.append((m.start(), m.end(), day.isoformat()))
    for m in _BARE.finditer(folded, start, end):
        short = "short" if m.group("short") else "short2"
        if any(s <= m.start("day" if m.group("day") else short) < e for s, e, _ in found):
            continue  # part of "last Tuesday" above
        ahead = forward(m.start()) if callable(forward) else forward
        weekday = weekday_number(m.group("day") or m.group(short))
        if not ahead and document is not None and weekday == document.weekday():
            # minutes dated a Wednesday of a meeting held «روز چهارشنبه»: that very day (a
            # week back would be "last Wednesday")
            found.append((m.start(), m.end(), document.isoformat()))
            continue
        found.append((m.start(), m.end(), _weekday(document, weekday, ahead)))
    for m in _THIS_MONTH.finditer(folded, start, end):
        if _PART_OF.search(folded, max(start, m.start() - 12), m.start()):
            continue  # «النصف الثاني من الشهر الجاري»: the second half of the month, not a day
        if m.group("ord"):
            day = _ORDINALS[m.group("ord")]
        else:
            day = int(ascii_digits(m.group("num") or m.group("en") or m.group("num2")))
        found.append((m.start(), m.end(), _day_of_month(document, day)))
    solar_month = folded.find("ماه", start, end) >= 0  # (a cheap look before the pattern)
    for m in _SOLAR_THIS_MONTH.finditer(folded, start, end) if solar_month else ():
        if m.group("num"):
            day = int(ascii_digits(m.group("num")))
        else:  # «بیست و سوم», or the last word alone when the one before is no number's
            day = day_in_words(m.group("word")) or day_in_words(m.group("word").split()[-1])
        found_day = _solar_day_of_month(document, day) if day else None
        if found_day is not None:
            found.append((m.start(), m.end(), found_day))
    for m in _OTHER_MONTH.finditer(folded, start, end):
        if _PART_OF.search(folded, max(start, m.start() - 12), m.start()):
            continue  # «العشر الأواخر من الشهر الماضي»: a part of the month
        if m.group("ord"):
            day = _ORDINALS[m.group("ord")]
        else:
            day = int(ascii_digits(m.group("num") or m.group("en")))
        months = -1 if m.group("last") or m.group("en_last") else 1
        found.append((m.start(), m.end(), _day_of_other_month(document, day, months)))
    for m in _NTH.finditer(folded, start, end):
        # "due back in Beirut on the 12th" (a plan, on the 7th): the coming 12th
        ahead = forward(m.start()) if callable(forward) else forward
        day = int(m.group("day"))
        named = m.group("weekday") or m.group("short")
        on_weekday = _on_weekday(document, day, weekday_number(named), ahead) if named else None
        found.append((m.start(), m.end(), on_weekday or _day_of_month(
            document, day, past=not ahead, coming=ahead)))
    for m in _WEEKDAY_AND_DAY.finditer(folded, start, end):
        ahead = forward(m.start()) if callable(forward) else forward
        # (a Persian weekday or Persian digits: the day of a Solar month, «شنبه ۲۱ام» in Mehr)
        solar = bool(_PERSIAN_DIGIT.match(m.group("day"))) or not m.group("weekday").startswith("ال")
        day = _on_weekday(document, int(ascii_digits(m.group("day"))),
                          weekday_number(m.group("weekday")), ahead, solar)
        if day is not None:
            found.append((m.start(), m.end(), day))
    for m in _DAY_MONTH.finditer(folded, start, end):
        d, mo = next((f"d{k}", f"m{k}") for k in ("", "2", "3", "4", "5", "6", "7")
                      if m.group(f"d{k}"))
        day, month = (int(ascii_digits(m.group(g))) for g in (d, mo))
        if month > 12 >= day:  # "9/28": an American month first
            day, month = month, day
        solar = bool(_PERSIAN_DIGIT.match(m.group(d)))  # Persian digits: a Persian report's
        iso = _day_and_month(document, day, month, solar)
        named = _WEEKDAY_WORD.search(folded, m.start(), m.start(d)) or (
            _WEEKDAY_WORD.match(folded, m.start("w7")) if d == "d7" else None)
        if named and not solar and day <= 12 and document is not None:
            # "Tue 9/5" in an American notebook: the reading that falls on its weekday (the
            # nearer one to the document when both do)
            weekday = weekday_number(named.group())
            readings = [r for r in (iso, _day_and_month(document, month, day)) if r]
            agree = [r for r in readings if dt.date.fromisoformat(r).weekday() == weekday]
            if agree:
                iso = min(agree, key=lambda r: abs((dt.date.fromisoformat(r) - document).days))
        if named and not solar and iso and not named.group().isascii():
            # «الاثنين ١٧/٣» in a Saudi log dated «٢٠/٣/١٤٤٥هـ»: 17 Rabi' al-Awwal, a Monday,
            # not 17 March, a Friday (the lunar reading only when its weekday agrees, and when
            # both do, the one nearer the document: «الاثنين ١٠/٧» in a diary of Rajab 1445)
            lunar = _lunar_day_and_month(document, day, month)
            weekday = weekday_number(named.group())
            if lunar and dt.date.fromisoformat(lunar).weekday() == weekday and (
                    dt.date.fromisoformat(iso).weekday() != weekday
                    or abs((dt.date.fromisoformat(lunar) - document).days)
                    < abs((dt.date.fromisoformat(iso) - document).days)):
                iso = lunar
        found.append((m.start(), m.end(), iso))
    for m in _DTG.finditer(folded, start, end):
        if m.group("m") or m.group("m2"):
            try:
                day = dt.date(2000 + int(m.group("y") or m.group("y2")),
                              _MONTH_ABBR.index(m.group("m") or m.group("m2")) + 1,
                              int(m.group("d")))
            except ValueError:
                continue
            found.append((m.start(), m.end(), day.isoformat()))
        else:  # the log's month: a day well after ``document`` is of the month before
            day = int(m.group("d"))
            found.append((m.start(), m.end(), _day_of_month(
                document, day, past=document is not None and day > document.day + 7)))
    for m in _CHAT_DAY.finditer(folded, start, end):
        a, b = int(m.group("a")), int(m.group("b"))
        year = int(m.group("y")) + (2000 if len(m.group("y")) == 2 else 0)
        readings = []
        for month, day_of in ((b, a), (a, b)):  # day first, then an American month first
            try:
                readings.append(dt.date(year, month, day_of))
            except ValueError:
                continue
        if not readings:
            continue
        # Both readable ("01/09/22"): the one nearer the day it is read from (a US exhibit's
        # "01/09/22" of January 2022 is 9 January), day first when that does not tell.
        day = min(readings, key=lambda d: abs((d - document).days)) if document else readings[0]
        found.append((m.start(), m.end(), day.isoformat()))
    for m in _MILITARY.finditer(folded, start, end):
        year = 2000 + int(m.group("y"))
        try:
            day = dt.date(year, _MONTH_ABBR.index(m.group("m") or m.group("m2")) + 1,
                          int(m.group("d")))
        except ValueError:
            continue
        if document is None or day <= document + dt.timedelta(days=366):
            found.append((m.start(), m.end(), day.isoformat()))
    return sorted(_eve(folded, s, e, day) for s, e, day in found)


# «شب جمعه»: in Persian the night that goes before that day, the evening of the day before
# (Arabic's «ليلة الجمعة» is read as the Friday by the sets' writers, and stays so).
_EVE_BEFORE = re.compile(r"(?<!\w)(?<!نیمه\s)(?<!نصف\s)شب\s+$")  # (not «نیمه شب جمعه», midnight)
_WEEKDAY_IN = re.compile(rf"(?:{_DAY})(?!\w)")


def _eve(folded: str, start: int, end: int, day: str | None) -> tuple[int, int, str | None]:
    if day and _EVE_BEFORE.search(folded, max(0, start - 6), start) \
            and _WEEKDAY_IN.match(folded, start):
        day = (dt.date.fromisoformat(day[:10]) - dt.timedelta(days=1)).isoformat()
    return start, end, day


# A diary's entry heading that is a weekday alone on its line ("TUES", "Thursday evening",
# «سه‌شنبه», «الخميس مساءً»): its day is the first such weekday after the entry before
# (event_dates).
_WEEKDAY_ALONE = re.compile(
    rf"(?P<day>{_DAY}|{_DAY_SHORT}|weds)[,،]?\s*"
    r"(?:(?P<n>[0-9۰-۹٠-٩]{1,2})(?:st|nd|rd|th)?\s*)?"  # "SAT 17th"
    r"(?:morning|afternoon|evening|night|صبح|ظهر|عصر|شب|"
    r"الصبح|صباحا|الظهر|ظهرا|العصر|عصرا|المساء|مساء|مساءا|بالليل|باللیل|لیلا)?"
)


def weekday_alone(folded: str) -> tuple[int, int | None] | None:
    """(Monday = 0, day of the month or None) when a (folded) heading is a weekday alone,
    perhaps with its day of the month ("SAT 17th") and its time of day."""
    m = _WEEKDAY_ALONE.fullmatch(folded.strip())
    if m is None:
        return None
    weekday = weekday_number("wed" if m.group("day") == "weds" else m.group("day"))
    if weekday is None:
        return None
    return weekday, int(ascii_digits(m.group("n"))) if m.group("n") else None


def bare_weekday(folded: str) -> bool:
    """Whether a date as written (folded) is a weekday alone: "on Thursday", «الجمعة»."""
    return bare_weekday_number(folded) is not None


def bare_weekday_number(folded: str) -> int | None:
    """Monday = 0 for a weekday alone as written (folded), None for anything else."""
    m = _BARE.fullmatch(folded.strip())
    return weekday_number(m.group("day") or m.group("short") or m.group("short2")) if m else None


def next_weekday(iso: str, anchor: dt.date | None) -> str | None:
    """The first day after ``anchor`` on the weekday of ``iso``: a bare weekday that was read
    back («قرار پنجشنبه کنسل شد») but belongs to a plan still to come."""
    try:
        weekday = dt.date.fromisoformat(iso[:10]).weekday()
    except ValueError:
        return None
    return _weekday(anchor, weekday, True)


def _past_told(folded: str, start: int, end: int) -> bool:
    """Whether the sentence from ``start`` has a Persian verb in a past form («اومده», «آمد»)."""
    stop = _SENTENCE_STOP.search(folded, start, end)
    return any(
        verb_form(word, previous) in ("verb", "light", "participle")
        and not present_indicative(word, previous) or _SPOKEN_PAST.fullmatch(word)
        for word, previous in words_with_previous(folded, start, stop.start() if stop else end))


_SENTENCE_STOP = re.compile(r"[.!?؟\n]")
# Spoken past forms the verb table does not hold: «اومده», «اومدم», «برگشته».
_SPOKEN_PAST = re.compile(r"(?:اومد|برگشت|رسید|رفت)(?:ه|م|ی|یم|ید|ن|ند)?")


def _weekday(document: dt.date | None, weekday: int, forward: bool) -> str | None:
    if document is None:
        return None
    if forward:
        return (document + dt.timedelta(days=(weekday - document.weekday() - 1) % 7 + 1)).isoformat()
    return (document - dt.timedelta(days=(document.weekday() - weekday - 1) % 7 + 1)).isoformat()


# "the following Tuesday", "the next Monday", «الثلاثاء التالي»: counted from the story's day
# (event_dates).
FOLLOWING_WEEKDAY = re.compile(
    rf"(?<!\w)the\s+(?:following|next)\s+(?P<day>{_DAY})(?!\w)|(?<!\w)(?P<day2>{_DAY})\s+التالی(?:ه)?(?!\w)"
    # "booked for the Tuesday of the following week": that weekday of the week after
    rf"|(?<!\w)(?:the\s+)?(?P<day3>{_DAY})\s+of\s+the\s+(?:following|next)\s+week(?!\w)"
)


# A diary's or a channel's entry heading, a weekday and a day/month nearly alone on a line:
# «🔹 الثلاثاء ٢١/١١ — ١٠:٤٠ بالليل», «الخميس ١٥/٢ — ٩:٠٥ الصبح», "Wed 15/11 (today)"
# (event_dates).
WEEKDAY_HEADING = re.compile(
    rf"[^\w\n]{{0,6}}(?:{_DAY}|{_DAY_SHORT})\s*[,،]?\s*[0-9۰-۹٠-٩]{{1,2}}/[0-9۰-۹٠-٩]{{1,2}}"
    # (then a time, or a few words: "— ١٠:٤٠ بالليل", "(today)")
    r"(?![0-9۰-۹٠-٩/])[^\n]{0,24}$",
    re.IGNORECASE | re.MULTILINE,
)


def following_weekday(match: re.Match[str], anchor: dt.date | None) -> str | None:
    """The day a FOLLOWING_WEEKDAY match names: the first such weekday after ``anchor``."""
    if match.group("day3"):
        weekday = weekday_number(match.group("day3"))
        if weekday is None or anchor is None:
            return None
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7)
        return (monday + dt.timedelta(days=weekday)).isoformat()
    weekday = weekday_number(match.group("day") or match.group("day2"))
    return None if weekday is None else _weekday(anchor, weekday, True)


# A weekday's name ending the text before a date, with what may stand between them: «فجر
# الثلاثاء ٢ ذي الحجة», «يوم الاثنين ١٥ ذي الحجة», «سه‌شنبه، ۱۵ ذی‌الحجه».
_WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?P<day>{_DAY})\s*[،,]?\s*$")


def weekday_before(folded: str, start: int, end: int) -> int | None:
    """Monday = 0 when ``folded[start:end]`` ends on a weekday's name, else None."""
    m = _WEEKDAY_BEFORE.search(folded, start, end)
    return None if m is None else weekday_number(m.group("day"))


def weekday_number(name: str) -> int | None:
    """Monday = 0 for a weekday's name or its short form, folded ("thurs", "sat.", «الخمیس»)."""
    name = name.rstrip(".")
    if name in _WEEKDAYS:
        return _WEEKDAYS[name]
    return next((number for full, number in _WEEKDAYS.items() if full.startswith(name)), None)


def _on_weekday(document: dt.date | None, day: int, weekday: int | None, ahead: bool,
                solar: bool = False) -> str | None:
    """``day`` of the document's month, or of the month after or before it, whichever puts it
    on ``weekday`` ("Sat 12th" in a chat of 3 October is 12 October, not 12 September); the
    month after is tried first for a plan, the month before for a report. With ``solar``, the
    Solar Hijri months are tried first («شنبه ۲۱ام» in a chat of 20 Mehr is 21 Mehr)."""
    if document is None or weekday is None:
        return None
    if solar:
        found = _on_solar_weekday(document, day, weekday, ahead)
        if found is not None:
            return found
    first = document.replace(day=1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    before = (first - dt.timedelta(days=1)).replace(day=1)
    for month in (first, after, before) if ahead else (first, before, after):
        try:
            found = month.replace(day=day)
        except ValueError:
            continue
        if found.weekday() == weekday:
            return found.isoformat()
    return None


def _on_solar_weekday(document: dt.date, day: int, weekday: int, ahead: bool) -> str | None:
    """``day`` of the document's Solar month, or of the month after or before it, on
    ``weekday``."""
    import jdatetime

    today = jdatetime.date.fromgregorian(date=document)
    months = [(today.year, today.month)]
    later = (today.year + (today.month == 12), today.month % 12 + 1)
    earlier = (today.year - (today.month == 1), (today.month - 2) % 12 + 1)
    months += [later, earlier] if ahead else [earlier, later]
    for year, month in months:
        try:
            found = jdatetime.date(year, month, day).togregorian()
        except ValueError:
            continue
        if found.weekday() == weekday:
            return found.isoformat()
    return None


def _solar_day_of_month(document: dt.date | None, day: int) -> str | None:
    """``day`` of the document's Solar Hijri month (None when it has no such day)."""
    if document is None:
        return None
    import jdatetime

    today = jdatetime.date.fromgregorian(date=document)
    try:
        return jdatetime.date(today.year, today.month, day).togregorian().isoformat()
    except ValueError:
        return None


def _day_of_month(
    document: dt.date | None, day: int, past: bool = False, coming: bool = False
) -> str | None:
    """``day`` of the document's month; ``past``: of the month before when that day is
    still to come; ``coming``: of the month after when it has gone."""
    if document is None:
        return None
    months = -1 if past and day > document.day else 1 if coming and day < document.day else 0
    return _day_of_other_month(document, day, months)


def _day_of_other_month(document: dt.date | None, day: int, months: int) -> str | None:
    """``day`` of the document's month (``months`` 0), the month before (-1) or after (+1)."""
    if document is None:
        return None
    first = document.replace(day=1)
    month = first - dt.timedelta(days=1) if months < 0 else \
        first + dt.timedelta(days=32) if months > 0 else first
    try:
        return month.replace(day=day).isoformat()
    except ValueError:  # "the 31st of this month" in a 30-day month: no such day
        return None


def _lunar_day_and_month(document: dt.date, day: int, month: int) -> str | None:
    """Day/month of a lunar Hijri year near the document: the reading of the document's Hijri
    year or the one either side that falls nearest it, no more than 90 days ahead (None outside
    the years hijridate knows)."""
    from hijridate import Gregorian, Hijri

    readings = []
    try:
        year = Gregorian.fromdate(document).to_hijri().year
        for candidate in (year - 1, year, year + 1):
            found = Hijri(candidate, month, day).to_gregorian()
            readings.append(dt.date(found.year, found.month, found.day))
    except (ValueError, OverflowError):
        return None
    readings = [r for r in readings if r <= document + dt.timedelta(days=90)]
    return min(readings, key=lambda r: abs((r - document).days)).isoformat() if readings else None


def _day_and_month(document: dt.date | None, day: int, month: int, solar: bool = False
                   ) -> str | None:
    """Day/month of the document's year; ``solar``: of its Solar Hijri year («۲۳/۰۲» in a
    Persian report is 23 Ordibehesht)."""
    if document is None:
        return None
    try:
        if solar:
            import jdatetime

            year = jdatetime.date.fromgregorian(date=document).year
            found = jdatetime.date(year, month, day).togregorian()
            if found > document + dt.timedelta(days=90):
                found = jdatetime.date(year - 1, month, day).togregorian()
            return found.isoformat()
        found = dt.date(document.year, month, day)
    except ValueError:
        return None
    if found > document + dt.timedelta(days=90):  # December's 28/12 in a January report
        found = found.replace(year=document.year - 1)
    return found.isoformat()
