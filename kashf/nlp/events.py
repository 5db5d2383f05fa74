"""Events: who met, recruited, tasked, paid or travelled — where, when, how — with the quote.

Rule-based and sentence-based on purpose: an analyst must be able to see why a
sentence became an event, and the phrases that decide it are data
(``kashf/nlp/lexicons/``), not weights. For each sentence:

* **type** — every event type whose trigger phrase occurs (longest phrase wins an
  overlap, so «مأموریت آزمایشی» is a recruitment test, not a tasking);
* **participants** — the PER mentions inside it (not a car: «نوع هيونداي سوناتا»), plus
  code-named sources («منبع ۱۲۳», «منبع با نام رمز "دانا"», "source HUNTER");
* **place** — a located venue as written, up to its verb («میدان زیونه [سوار شدم]»), or
  the LOC mention after a locative word (در, in, at, في…), else the first;
* **date** — the nearest absolute date in the sentence (any calendar, converted to
  Gregorian; a month as a month), a relative one resolved against the story's last date or
  the document's, else the last date of the same paragraph;
* **tradecraft**, **status** — from their lexicons, over the sentence and any
  trigger-less sentences just before it in the same paragraph (the approach: "after
  walking twenty minutes and taking two taxis…"); a Persian subjunctive verb («… در نظر
  گرفته شود») makes an instruction, so a plan.

Header lines (Subject:, موضوع:) restate the report's event and are not events themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from kashf.nlp import events_lexicon as lex
from kashf.nlp.event_classifier import guesser
from kashf.nlp.event_dates import (
    COUNT_BEFORE,
    HEADER_LINE,
    SUMMARY_LINE,
    YEARLESS_DATE,
    DateTracker,
)
from kashf.nlp.patterns import ascii_digits
from kashf.nlp.relative_days import bare_weekday, next_weekday
from kashf.stages import StageInput, stage

VERSION = 107

# Words before a place name that make it where the event happened ("from" does not: a trip
# from Baghdad to Najaf took place in Najaf), also with "one of" after them («در یکی از
# رستوران‌های کورنیش», "at one of the hotels").
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|inside|outside|to|into|around|opposite|for)(?:\s+(?:the|a|an))?|"
    # "in the courtyard of the Islamic Centre", "at the entrance to the souk": the part
    r"\b(?:in|at|inside|outside|near)\s+(?:the|an?)\s+(?:[a-z]+\s+)?(?:courtyard|lobby|foyer|garden|"
    r"gardens|grounds|car\s+park|parking\s+lot|forecourt|entrance|food\s+court|cafeteria|"
    r"basement|roof|café|cafe|restaurant|bar|tea\s+room|patio|terrace|hall|prayer\s+hall|"
    r"reception|square|gate|back|room|suite)\s+(?:of|to|at)(?:\s+the)?|"
    # «در سالون هوتل بلخ», «توی لابی هتل», «بمنطقة سيدي جابر»: the part of a place, or its area
    r"(?<!\w)(?:در|توی|تو)\s+(?:سالون|سالن|لابی|حیاط|محوطه)\s*$|"
    r"(?<!\w)(?:في\s+|ب)(?:منطقة|منطقه|حي)\s*$|"
    # «إلى ناحية ديرابون», «عبر منفذ باشماخ», «بقرية قدا»: a town's or a district's kind first
    r"(?<!\w)(?:(?:في|فی|إلى|الى|عبر|قرب|نحو|باتجاه|من)\s+|ب)(?:منفذ|ناحية|ناحيه|جزيرة|جزيره|"
    r"قاعدة|قاعده|بلدة|بلده|قرية|قريه|مديرية|مديريه|ولاية|ولايه|قضاء|وادي|نجع|ميناء|منطقة|منطقه|"
    r"محافظة|محافظه)\s*$|"
    # «في الطابق الثاني من مول النبراس», «ببهو فندق», «طبقه‌ی همکف پاساژ مروارید»: a floor or
    # hall of the building (its name may stand in quotes: «في الطابق الثاني من «فاميلي مول»»)
    r"(?<!\w)(?:في\s+|ب)(?:ال)?(?:طابق|ردهة|بهو|لوبي|صالة|باحة|مدخل|موقف|مواقف)(?:\s+\S+)?\s+(?:من\s+)?«?$|"
    r"(?<!\w)طبقه(?:\u200c?ی|ٔ)?\s+\S+\s*$|"
    r"(?<!\w)(?:در|به|توی|نزدیک|عازم|رهسپار|وارد|سمت|"
    r"نزدیکی|داخل|کنار|حوالی|اطراف|مقابل|جلوی|شهر|استان|في|فی|ب|الی|إلى|قرب|داخل|بالقرب\s+من|عند|"
    r"مدينة|امام|أمام))(?:\s+(?:یکی|يكي|يکي)\s+از|\s+one\s+of(?:\s+the)?|\s+(?:أحد|احد|إحدى|احدى))?\s*"
    # (a name may open on a quotation mark: 'at the "Sahil" tea house', «در «کافه نادری»»)
    r"[\"“«‘']?$",
    re.IGNORECASE,
)
# A time of its own that is not a day ("in April", "last year", «قبلاً»): the sentence does
# not inherit its paragraph's date. A bare month name is not one ("paid him for October").
_OTHER_TIME = re.compile(
    r"(?<!\w)(?:(?:in|during|since|until|through|early|late|mid|last|this|next)[\s-]+(?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december)(?!\s+\d)|"
    r"earlier|previously|last\s+(?:year|month)|years?\s+ago|months?\s+ago|in\s+20\d\d|"
    # a year alone: "at the end of 2023", «سال ۱۳۹۹», «سال ۹۹», «عام ٢٠١٩»
    r"(?:end|start|beginning|middle)\s+of\s+20\d\d|"
    # a month and a two-digit year: "in Dec 22", "since Jun 23"
    r"(?:in|since|until)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d\d(?!\d)|"
    # (with its calendar's mark: «عام ١٤٤٢هـ», «سنة ٢٠١٩م», «سال ۱۳۹۹ ه.ش»)
    r"(?:سال|عام|سنه|العام|السنه)\s+(?:[0-9۰-۹٠-٩]{4}|[۰-۹]{2})(?![0-9۰-۹٠-٩/])(?:\s?(?:هـ|ه|م)(?!\w))?|"
    # a lunar month told as a time: «خلال شهر رجب الماضي», «مطلع شهر آب»
    r"(?:خلال|مطلع|اواخر|منتصف|اوائل)\s+شهر|شهر\s+\S+(?:\s+(?:الاول|الثانی|الاخر))?\s+(?:الماضی|الفائت|المنصرم)|"
    # a span up to now: «از آن زمان تاکنون سه نوبت», "since then", «منذ ذلك الحين»
    r"از\s+(?:آن|ان)\s+(?:زمان|تاریخ)\s+(?:تا\s?کنون|به\s+بعد)|(?:ever\s+)?since\s+then|"
    r"منذ\s+(?:ذلک|ذاک)\s+(?:الحین|الوقت|التاریخ)|"
    r"قبلا|قبلاً|پیشتر|پیش تر|سابقا|سابقاً|در گذشته|ماه گذشته|سال گذشته|ماه پیش|سال پیش|"
    r"ماه اینده|سال اینده|next month|next year|الشهر المقبل|الشهر القادم|العام المقبل|"
    r"الشهر الماضی|العام الماضی|سابقا|في شهر|"
    # a Persian month or holiday with a two-digit year: «اسفند ۹۷», «اربعین ۹۸», «مهر سال ۹۹»
    r"(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|ابان|اذر|دی|بهمن|اسفند|اربعین|نوروز|محرم|"
    r"رمضان)(?:\s*ماه)?\s+(?:سال\s+)?[0-9۰-۹]{2}(?![0-9۰-۹/]|\s*[0-9۰-۹])|"
    # last year or month in speech: «پارسال», «السنة اللي فاتت», «الشهر اللي طاف»
    r"پارسال|سال قبل|ماه قبل|السنه الماضیه|(?:السنه|العام|الشهر)\s+(?:اللی\s+)?(?:فاتت|فات|طاف|"
    r"الفائت|الفائته|الفات)|"
    # a season: "in spring 2019", "last summer", «تابستان پارسال», «الصيف الماضي»
    r"(?:in|last|this|early|late)\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)|"
    r"(?:spring|summer|autumn|winter)\s+(?:of\s+)?20\d\d|"
    # (a season told as a time, not «خیابان بهار», a street)
    r"(?:(?:در|این|اون|ان|همان|همون)\s+)(?:بهار|تابستان|تابستون|پاییز|زمستان|زمستون)|"
    r"(?:بهار|تابستان|تابستون|پاییز|زمستان|زمستون)(?:\s+ی)?\s+(?:گذشته|امسال|پارسال|سال|[0-9۰-۹]+)|"
    r"الصیف|الشتاء|الخریف|اواخر|اوایل|اواسط|"
    # (and with its year, without the article: «في صيف ٢٠١٩م»)
    r"(?:صیف|شتاء|ربیع|خریف)\s+(?:عام\s+|العام\s+)?[0-9٠-٩]{4}(?:م|هـ|ه)?|"
    # an Arabic month right after «في»: «في أكتوبر», «في تموز ٢٠٢٢» (a day comes before it)
    r"(?<!\w)و?فی\s+(?:ینایر|فبرایر|مارس|ابریل|مایو|یونیو|یولیو|اغسطس|سبتمبر|اکتوبر|نوفمبر|"
    r"دیسمبر|کانون\s+(?:الثانی|الاول)|شباط|اذار|نیسان|ایار|حزیران|تموز|ایلول|تشرین\s+(?:الاول|الثانی))|"
    # a half or a third of a month: «در نیمه دوم شهریورماه», «دهه اول محرم»
    r"نیمه اول|نیمه دوم|نیمه نخست|دهه اول|دهه دوم|دهه سوم|النصف الاول|النصف الثانی|"
    r"the (?:first|second) half of|the (?:first|last) week of|"
    # a month named without a day: «در اسفند ماه», «در ماه حوت», «في فبراير», «خلال شهر آذار»
    r"(?:در|فی|خلال|طی)\s+(?:ماه\s+|شهر\s+)?(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|ابان|"
    r"اذر|دی|بهمن|اسفند|ثور|جوزا|سرطان|اسد|سنبله|عقرب|قوس|جدی|دلو|حوت|کانون الثانی|شباط|اذار|"
    r"نیسان|ایار|حزیران|تموز|ایلول|تشرین الاول|تشرین الثانی|کانون الاول|ینایر|فبرایر|مارس|ابریل|"
    r"مایو|یونیو|یولیو|اغسطس|سبتمبر|اکتوبر|نوفمبر|دیسمبر)(?:\s*ماه)?(?!\s*[0-9۰-۹٠-٩])"
    r")(?!\w)",
    re.IGNORECASE,
)
_TIMES = re.compile(
    r"(?<!\w)(?:(?:[0-9۰-۹٠-٩]+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a dozen|dozens of|several|many|a few|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|چند|"
    r"چندین)\s+(?:times|بار|مرتبه|دفعه)|twice|(?:مرتين|ثلاث مرات|اربع مرات|عده مرات|عدة مرات))(?!\w)",
    re.IGNORECASE,
)
# A trigger right after one of these names an event as a time or a topic ("since his
# recruitment", «پس از لغو دیدار», «درباره سفر», "عن اجتماع"): it is told elsewhere, or not
# at all.
_REFERENCE = re.compile(
    r"(?<!\w)(?:(?:since|after|before|until|following|about|regarding|concerning|on)\s+"
    r"(?:the|his|her|their|its|our|this|that|a|an)\s+(?:last\s+|first\s+|recent\s+)?|since\s+|"
    r"(?:with the aim of|aimed at|the possibility of|a possibility of|the prospect of|"
    r"at the end of the|at the start of the|در پایان|در ابتدای|در انتهای|فی نهایه|فی ختام|"
    r"از زمان|پس از|بعد از|قبل از|پیش از|درباره|درباره ی|در باره|در مورد|در خصوص|پیرامون|"
    r"با هدف|به هدف|احتمال|امکان|موضوع|منذ|بعد|قبل|عن|حول|بشان|بخصوص|بهدف|امکانیه|احتمال)\s+"
    r"(?:لغو\s+|الغاء\s+|اولین\s+|نخستین\s+)?)$",
    re.IGNORECASE,
)
# Company on a trip ("travelled … with a group of pilgrims") is not a meeting.
_COMPANY = re.compile(r"برفقه|in the company of|accompanied by|به همراه|همراه")
# English verbs in the simple present ("meets", "travels", "pays") tell a habit, unless a
# modal makes them a plan ("is to meet", "will meet") or a determiner a noun ("the meet").
_HABIT = re.compile(r"meets?|travels?|pays|recruits?", re.IGNORECASE)
_WILL = re.compile(
    r"(?:will|to|shall|would|could|may|might|can|the|a|next|this|that|our|his|her|first|"
    r"second)\s+$"
)
# "near the Clock Square", «نزدیک میدان ساعت», «قرب دوار …»: a landmark beside the place.
# Where the sentence names another, the landmark is not where the event was.
_NEAR = re.compile(
    r"(?:\b(?:near|close\s+to|next\s+to|opposite|behind|not\s+far\s+from)(?:\s+the)?|"
    r"(?<!\w)(?:نزدیک|نزدیکی|کنار|مقابل|روبروی|روبه روی|جنب|پشت|حوالی|قرب|بالقرب\s+من|"
    r"خلف|بجوار|أمام))\s*$",
    re.IGNORECASE,
)
# Between a venue's name and its city: "the Hotel Carrow in Washington", «حسینیه آل‌یاسین در
# کاظمین», «فندق الرشيد ببغداد», "Hotel Carrow, Washington".
_VENUE_IN_CITY = re.compile(r"\s*[,،]?\s*(?:in|at|در|تو|توی|في|فی|ب)?\s*", re.IGNORECASE)
# "paid to date", «تا امروز», «حتى الآن»: a running total, whatever day the sentence names.
_TO_DATE = re.compile(
    r"(?<!\w)(?:to date|so far|until now|up to now|تا امروز|تاکنون|تا کنون|تا به حال|"
    r"حتی الان|حتى الان|حتی الیوم|حتى اليوم|لحد الان)(?!\w)"
)
# A deadline: "by Monday", «تا هفته آینده», «حتى نهاية الشهر», «قبل الخميس».
_DEADLINE = re.compile(
    r"(?<!\w)(?:by|before|until|no later than|تا|قبل از|پیش از|حتی|حتى|قبل|لغایه|لغاية)\s+$",
    re.IGNORECASE,
)
# A venue named again by its kind: "at the same hotel", «باز همان هتل», «في الفندق نفسه», «بنفس
# المقهى», «في ذات المقهى» (folded text).
_SAME_KIND = re.compile(
    r"(?<!\w)(?:the\s+same|همان|همون|همین|(?:ب|في\s+)?(?:نفس|ذات))\s+(?:ال)?(?P<a>\w+(?:\s\w+)?)"
    r"|(?<!\w)(?:ب|في\s+)?ال(?P<b>\w+)\s+(?:نفسه|نفسها|ذاته|ذاتها)(?!\w)"
)
_THERE = re.compile(r"(?<!\w)(?:there|انجا|همانجا|همان جا|اونجا|هناک|هنالک)(?!\w)",
                    re.IGNORECASE)
# A call-off in the present tense: the appointment is still ahead ("is off", «منتفیه», «ألغيه»).
_CANCELLED_NOW = re.compile(
    r"(?<!\w)(?:is off|is (?:cancell?ed|called off|scrapped)|cxl'?d|منتفیه|منتفی است|کنسله|"
    r"کنسل است|الغیه|ملغی|ملغیه|ملغاه)(?!\w)"
)
_YEARLESS_DAY = re.compile(r"^(?!.*\d{4})\D*\d")
_AIRPORT = re.compile(r"(?<!\w)(?:فرودگاه|airport|مطار|المطار)(?!\w)", re.IGNORECASE)
_TEST = re.compile(r"ازمایش|test|اختبار", re.IGNORECASE)
# A meeting discussed is a topic ("discussed the upcoming OPEC meeting", «ناقش … الاجتماع»),
# unless it is where the talk happened ("discussed it during the meeting").
_DISCUSSED = re.compile(
    r"(?<!\w)(?:discuss\w*|talked about|spoke about|ناقش\w*|بحث|بحثوا|بررسی کرد\w*)\s+"
    r"(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_WHERE_TALKED = re.compile(r"(?<!\w)(?:during|at|in|خلال|في|اثناء|در|طی)\s+(?:the\s+|a\s+)?$")
# A meeting that is the purpose of a trip told in the same sentence («برای دیدار با … به
# کاظمین رفتم», "went to Najaf to meet"): the trip is the event.
_SETTING = re.compile(
    r"(?<!\w)(?:در|during|at|in|at the end of|خلال|فی|اثناء|طی|فی نهایه|في نهایه|انتهاء|"
    r"نهایه|ختام|پایان|در پایان|the end of)\s+"
    r"(?:(?:this|that|the|our|این|همین|همان|ان|تلک|ذلک|هذا|هذه)\s+)?$",
    re.IGNORECASE,
)
_THAT_MEETING = re.compile(r"(?<!\w)(?:ان|همان|that|ذلک|تلک)\s+$")  # folded: «آن» is «ان»
# A sentence that points back at the meeting just told: «در همان دیدار», «در همین نشست», «خلال
# الجلسة», «في اللقاء ذاته», "during the meeting", "at that same sitting" (folded text).
_SAME_MEETING = re.compile(
    r"(?<!\w)(?:در|طی|during|at|in|over|خلال|فی|اثناء|ب)\s*(?:(?:the|this|that|همان|همین|ان|این|"
    r"ذلک|تلک|هذا|هذه)\s+)?(?:same\s+)?(?:دیدار|جلسه|نشست|ملاقات|لقاء|اللقاء|الجلسه|الاجتماع|"
    r"المجلس|meeting|session|sitting|meet|lunch|dinner|interview|debrief)(?:\s+(?:ذاته|نفسه|ذاتها|نفسها|همان))?"
    r"(?!\s*(?:دوم|سوم|بعدی|اینده|next|second|following|القادم|المقبل|الثانی|التالی))(?!\w)"
    # spoken Persian leaves the «در» out: «همون جلسه گفت برو باکو»
    r"|(?<!\w)(?:همان|همین|همون)\s+(?:دیدار|جلسه|نشست|ملاقات)(?!\w)",
    re.IGNORECASE,
)
# …unless it is another one: «در دیدار دوم», «در دیدار بعدی», «في اللقاء القادم».
_ANOTHER = re.compile(
    r"\s*(?:دوم|سوم|چهارم|بعدی|آینده|اینده|نخست|اول|next|second|third|following|القادم|"
    r"المقبل|الثانی|الثالث|التالی|الاول)(?!\w)",
    re.IGNORECASE,
)
# A sentence that opens on a condition: «چنانچه …», «لو تأخرت …», "If he is paid…".
_CONDITIONAL = re.compile(
    r"\W*(?:[0-9۰-۹٠-٩]+\W+)?(?:if|should|in case|چنانچه|اگر|درصورتی که|در صورتی که|در صورت|"
    r"لو|إذا|اذا|فی حال|في حال)(?!\w)",
    re.IGNORECASE,
)
# An e-mail's own header, in a thread: "From: …" then "Sent: Tuesday, June 6, 2023 8:02 AM".


# A rule cited by its source: «طبق دستورالعمل», "as per the instructions", «بموجب التعليمات».
_CITED = re.compile(r"(?:طبق|بر\s+اساس|برابر|according\s+to(?:\s+the)?|as\s+per(?:\s+the)?|"
                    r"per(?:\s+the)?|وفق|حسب|بموجب)\s*$")
# A source named before the news word: "according to press reports", «بحسب تقارير إعلامية».
_ATTRIBUTED = re.compile(r"(?:according\s+to|citing|per|بحسب|حسب|وفقا\s+ل|وفق|به\s+گزارش|طبق)\s*$")
# A chat's line opens on its time too, in brackets ("[21:12] Abu Sanad: …"), or with the
# speaker's name after it ("09:15 Rabih: …"): a chat goes on with its story from line to line.
_CHAT_STAMP = re.compile(r"\s*\[|\W*[0-9۰-۹٠-٩]{1,2}[:.][0-9۰-۹٠-٩]{2}\W{0,3}[^\W\d][^:\n]{0,20}:")
# A surveillance log's line opens on its time: "13:05 T1 meets W1", "[14:20]".
_LOG_TIME = re.compile(
    # (a Persian or Arabic log names the hour: «ساعت ۱۷:۴۵ — سوژه …», «الساعة ١٧:٤٥»)
    # (after an item's number: «١- الساعة ١٤٣٥ دخل …»)
    r"\W*(?:(?:[0-9۰-۹٠-٩]{1,2}\s*[-.)–]\s*)?(?:ساعت|الساعة|الساعه)\s*)?"
    r"(?:[0-9۰-۹٠-٩]{1,2}[:.][0-9۰-۹٠-٩]{2}(?:\s*(?:hrs|h|am|pm))?\W"
    # a military time the word for "hour" names: «الساعة ١٤٣٥ دخل», «ساعت ۱۴۳۵»
    r"|(?<=[ةهت])\s*[0-2۰-۲٠-٢][0-9۰-۹٠-٩][0-5۰-۵٠-٥][0-9۰-۹٠-٩]\s"
    # military time: "0831  S1 sits down…", "1420hrs", "0900Z"
    r"|[0-2][0-9][0-5][0-9](?:\s*hrs\b|Z\b|\s{2,}|\s*[-–—:])"
    # "0830 S1 meets UM1": one space, then a log's code for the person watched
    r"|[0-2][0-9][0-5][0-9]\s(?=(?:S|T|UM|UF|W|TGT|SUBJ)\d|SUBJECT|Subject|TARGET|Target)"
    r"|[0-3][0-9][0-2][0-9][0-5][0-9]Z\b)",  # a date-time group: "121140Z - Subject took…"
    re.IGNORECASE,
)


_LIST_MARK = re.compile(r"[\s\-•*0-9۰-۹٠-٩.)]*")
_NOUN_ENDING = re.compile(r"(?:ment|ing|ion|ings|ions)$")


def _heading(text: str, start: int, end: int) -> bool:
    """A line of at most four words that is a sentence alone: a heading, not a report."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not _LIST_MARK.fullmatch(text, line_start, start) or text[end:line_end].strip():
        return False
    words = _TOKEN.findall(text, start, end)
    return len(words) <= 4 and not any(
        w.lower().strip(".,:;") in ("was", "were", "is", "are", "has", "had", "will", "did", "been")
        for w in words
    )


# A pitch whose words hold the job: paid for ("in exchange for", «مقابل»), or a candidate's
# test («سيُختبر مرشح … بمهمة»): the job or the test is the recruitment's, not a tasking.
_FOR_PAY = re.compile(r"in exchange for|in return for|could earn|مقابل|لقاء|در ازای")
_CANDIDATE = re.compile(r"مرشح|نامزد|candidate")
_MEAL = re.compile(r"over (?:dinner|lunch|tea|coffee|breakfast)|سر ناهار|سر شام|على العشاء|علی العشاء|"
                   r"على الغداء|علی الغداء|خلال العشاء|خلال الغداء|dined with|had dinner with|had lunch with|"
                   r"invit\w* .*to (?:lunch|dinner|tea|coffee)")
_PURPOSE = re.compile(
    r"(?<!\w)(?:برای|جهت|به منظور|به قصد|to|in order to|for a|for an|for the|لغرض|من اجل|بهدف|"
    r"لاجل)\s+$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"\s*(?:[-•*]|[0-9۰-۹٠-٩]+\s*[.)\-–]|[a-zA-Zالف-ی]\))")
_ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "gen", "col", "lt", "capt", "st", "no", "u.s", "u.n",
                  "approx", "ca", "incl", "est", "appr", "jan", "feb", "mar", "apr", "jun", "jul",
                  "aug", "sep", "sept", "oct", "nov", "dec",
                  # a log's and a travel note's: "S/ arr. Erbil 19 Jan", "dep. 0700", "abt. 1900"
                  "arr", "dep", "abt", "vs", "fwd", "ref", "tel", "sgt", "maj", "cpl", "insp")


# --------------------------------------------------------------------------- sentences

# A line that opens on its time: "[08:27] sophie.w: …", "09:05 subject left", «٠٩:٠٥ دخل …»,
# «[۱۴۰۱/۱۱/۰۵ — ۱۳:۲۴] نیما: …».
_LOG_LINE = re.compile(
    # (a phone writes right-to-left marks into an Arabic stamp: «[١‏/٨‏/٢٠٢٣، ٩:٠٢ م]»)
    r"[ \t]*[\[(]?(?:[0-9۰-۹٠-٩]{1,4}\u200f?[/.\-][0-9۰-۹٠-٩]{1,2}\u200f?[/.\-][0-9۰-۹٠-٩]{1,4}"
    r"[ ,،T—–\-\u200e\u200f]+)?"
    r"[0-9۰-۹٠-٩]{1,2}:[0-9۰-۹٠-٩]{2}(?![0-9۰-۹٠-٩])"
    # «[دایرکت اینستاگرام — ۱۴۰۱/۱۱/۰۷ — ۲۳:۱۰] نیما: …»: a bracketed stamp that ends on its time
    # (or on the half of the day: «٩:٠٢ م]», "9:02 PM]")
    r"|[ \t]*\[[^\]\n]{0,40}[0-9۰-۹٠-٩]{1,2}:[0-9۰-۹٠-٩]{2}(?:\s*(?:[صم]|[ap]\.?m\.?))?\]"
    # «[ساعت ۲۱:۰۵، ۱۴۰۳/۰۲/۱۷] reza: …»: the time first, then the day
    r"|[ \t]*\[[^\]\n]{0,40}[0-9۰-۹٠-٩]{1,2}:[0-9۰-۹٠-٩]{2}[,،]?\s*[0-9۰-۹٠-٩/.\-]{6,10}\]"
)

# A short line with no stop at its end between two line breaks: a heading («جلسة الاثنين ١٥ مايو
# ٢٠٢٣») or a chat's message, not the text's last line nor an English line that goes on in lower
# case ("…at the Rixos hotel in Erbil / and was paid…").
_SHORT_LINE = re.compile(r"(?![a-z])[^\n]{1,44}(?<![.!?؟:;؛\s])[ \t]*\n(?=[^\n])")
_ARABIC_LINE_END = re.compile(r"[\u0621-\u064a\u0660-\u0669]\s*$")
_AND_OPENS_LINE = re.compile(r"[ \t]*و(?:قد|عند|حسب|یقول|يقول|ان|أن|إن|من|بعد|فی|في|لم|کان|كان|تم|بتاریخ|بتاريخ)\s")
# A row of a table written as text: a first cell, then a bar.
_TABLE_ROW = re.compile(r"[ \t]*\|?[^|\n]{1,60}\s\|\s")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``, trimmed of surrounding space.

    Ends at . ! ? ؟ followed by space (not after Mr., Dr., U.S. or a lone initial), at a
    blank line, at a line break after a short line (a header, a list item) and before a line
    that opens on its time (a chat export, a surveillance log).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cut = start
    i = start
    while i < end:
        ch = text[i]
        boundary = None
        if ch in ".!?؟;؛" and (i + 1 == end or text[i + 1].isspace() or text[i + 1] in "\"»”'"):
            word = re.search(r"([\w.]+)$", text[cut:i])
            last = word.group(1).lower() if word else ""
            initials = re.fullmatch(r"(?:[a-z]\.)+[a-z]", last) and re.match(r"\s+[a-z]", text[i + 1:i + 3])
            if ch != "." or not (last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
                                 or initials):  # "Washington, D.C. on 18 February"
                # a closing quote right after the stop ends the sentence with it
                boundary = i + 2 if i + 1 < end and text[i + 1] in "\"»”'" else i + 1
        elif ch == "\n":
            line_start = text.rfind("\n", 0, i) + 1  # (a paragraph's first line too)
            following = text[i + 1 : i + 3]
            if (
                following.startswith("\n")
                or i - line_start < 45
                or text[line_start:i].rstrip().endswith(":")  # "On Mon, 3 Oct …, X wrote:"
                or re.match(r"\s*(?:[-•*]|[0-9۰-۹٠-٩]+[.)-])", text[i + 1 : i + 6])
                or _LOG_LINE.match(text, i + 1)  # a chat's or a log's next line
                # a heading's next line that is a form's label or a line of its own
                # («ملخص حكم في الدعوى …» / «تاريخ الجلسة: الخميس 29/02/2024»)
                or HEADER_LINE.match(text[i + 1 : i + 60])
                or _SHORT_LINE.match(text, i + 1)
                or _TABLE_ROW.match(text, i + 1)  # "14 Jan 2023, c.1100 | REKANI meets …"
                # a handwritten-style Arabic report puts each sentence on its own line, with
                # no full stop, and the next one opens on «و»: «وقد سمعت بأذني …»
                or _ARABIC_LINE_END.search(text, max(line_start, i - 2), i)
                and _AND_OPENS_LINE.match(text, i + 1)
            ):
                boundary = i
        if boundary is not None:
            _add_span(text, cut, boundary, spans)
            cut = boundary
        i += 1
    _add_span(text, cut, end, spans)
    return spans


# A transcript's question and its answer: "Q: When is the next meeting? / A: Friday, at the
# mosque."; «س: متى التقيته؟ / ج: يوم الخميس…»; «پرسش: … / پاسخ: …».
_QUESTION = re.compile(r"(?:Q|Question|س|سؤال|سوال|پرسش)\s*[:/.]", re.IGNORECASE)
_ANSWER = re.compile(r"(?:A|Answer|ج|جواب|الجواب|پاسخ)\s*[:/.]\s*(?P<no>(?:No|لا|نه|خیر)(?!\w))?",
                     re.IGNORECASE)


#: Sentences after an answer's first from which the answer is told as sentences of its own.
_LONG_ANSWER = 2


def _question_and_answer(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, a question joined to its answer's line: the question names the event and
    the answer its day and place. A question answered "No" tells no event."""
    out: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        answer = index + 1
        while answer < len(spans) and not _ANSWER.match(text, spans[answer][0]) \
                and "\n" not in text[start : spans[answer][0]]:
            answer += 1  # the question's other sentences, on its line
        if not _QUESTION.match(text, start) or answer == len(spans) \
                or not _ANSWER.match(text, spans[answer][0]):
            out.append((start, end))
            index += 1
            continue
        line_end = text.find("\n", spans[answer][0])
        line_end = len(text) if line_end < 0 else line_end
        last = answer
        while last + 1 < len(spans) and spans[last + 1][0] < line_end:
            last += 1
        # A short answer joins the question whole; a long one (a statement's story told in
        # one answer) only with its first sentence: its other sentences tell events, and days,
        # of their own («سافرت دبي يوم الأربعاء … يوم الخميس لاقيت عثمان …»).
        joined = last if last - answer < _LONG_ANSWER else answer
        if not _ANSWER.match(text, spans[answer][0]).group("no"):
            out.append((start, spans[joined][1]))
        out.extend(spans[joined + 1 : last + 1])
        index = last + 1
    return out


# Words quoted inside a sentence: "he texted 'not safe today'", «گفت "فردا نمی‌آیم"».
# (an apostrophe inside a word is no quote's end: 'can't make it today')
_QUOTED = re.compile(r"(?<!\w)'(?:[^'\n]|(?<=\w)'(?=\w)){1,200}'(?!\w)|\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”")


_ASIDE = re.compile(r"\([^()\n]{1,120}\)")


def _other_time(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` names a time of its own, not in brackets: «با ابوعلی
    (همان که پارسال با زوار می‌آمد) نشستیم» says who he is, not when they sat."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(folded, start, end)]
    return any(not any(s < m.start() < e for s, e in asides)
               for m in _OTHER_TIME.finditer(folded, start, end))


def _quoted_at(text: str, at: int) -> bool:
    """Whether ``at`` is inside words its line quotes: «I heard HADDAD say, "Thursday, Beirut,
    same place"» — the speaker's Thursday, not the story's day (a line that is all quote, a
    voice note's transcript, is the narrative itself)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return any(m.start() < at < m.end() and text[start:m.start()].strip()
               for m in _QUOTED.finditer(text, start, end))


def _outside_quotes(text: str, written: list[tuple[int, str | None, str]], start: int, end: int
                    ) -> list[tuple[int, str | None, str]]:
    """A sentence's days without those of words it quotes, when it gives one of its own: in
    "Mon 11/12 lunch w/ Abu Firas - didn't happen, he texted 'not safe today'" the lunch
    was on Monday; "today" is the texter's."""
    if len(written) < 2:
        return written
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text, start, end)]
    if not quoted:
        return written
    outside = [w for w in written if not any(s < w[0] < e for s, e in quoted)]
    return outside if any(w[1] for w in outside) else written


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 3:
        spans.append((start, end))


def _paragraph_spans(text: str, paragraphs: Sequence[Any]) -> list[tuple[int, int, str | None]]:
    """Paragraphs from the language stage (dicts or pairs), else split on blank lines; each
    with its language when the language stage gave one."""
    spans: list[tuple[int, int, str | None]] = []
    for paragraph in paragraphs or ():
        if isinstance(paragraph, dict) and "start" in paragraph and "end" in paragraph:
            language = paragraph.get("language") or paragraph.get("lang")
            spans.append((int(paragraph["start"]), int(paragraph["end"]),
                          language if isinstance(language, str) else None))
        elif isinstance(paragraph, (list, tuple)) and len(paragraph) >= 2:
            spans.append((int(paragraph[0]), int(paragraph[1]), None))
    if spans:
        return sorted(spans)
    cut = 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        spans.append((cut, m.start(), None))
        cut = m.end()
    spans.append((cut, len(text), None))
    return [s for s in spans if s[1] > s[0]]


def _languages(
    text: str, start: int, end: int, language: str | None,
    document: frozenset[str] | None = None,
) -> frozenset[str] | None:
    if language in ("fa", "ar"):
        return frozenset({language, "en"})
    if language == "en":
        return frozenset({"en"})
    return lex.languages(text[start:end], document)


# --------------------------------------------------------------------------- dates

def _is_title(text: str, start: int, end: int) -> bool:
    """The document's first line, short, unnumbered, with no closing punctuation: a title
    ("Report of meeting with source 123") restates an event, it is not one."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    closing = text[start:end].rstrip(")]»\"'”")[-1:]  # "[Note: … the mall.]" is a sentence
    if end - start >= 80 or closing in tuple(".!?؟:;؛") or _NUMBERED.match(text[start:end]):
        return False
    return not text[:line_start].strip() or _capitals_heading(text, start, end)


def _capitals_heading(text: str, start: int, end: int) -> bool:
    """A line in capitals, with no number, in a text that is not ("CONTACT REPORT — SOURCE
    DEBRIEF" under the agency's name): a heading (a cable is in capitals throughout)."""
    line = text[start:end]
    letters = [c for c in line if c.isalpha()]
    # (a line with a number is a log's time or a day: "091140ZNOV19", "13 JUNE 2023")
    return len(letters) >= 6 and all("A" <= c <= "Z" for c in letters) \
        and not any(c.isdigit() for c in line) and bool(_LOWER_LATIN.search(text, end, end + 400))


_LOWER_LATIN = re.compile(r"[a-z]{3}")


class _MentionIndex:
    """A document's mentions in the order of their starts, found by binary search: the
    extractor asks for a span's mentions many times per sentence."""

    def __init__(self, mentions: Sequence[dict]) -> None:
        self._mentions = sorted(mentions, key=lambda m: int(m.get("start", -1)))
        self._starts = [int(m.get("start", -1)) for m in self._mentions]

    def starting_in(self, start: int, end: int) -> list[dict]:
        """The mentions that start in ``[start, end)``, in order."""
        return self._mentions[bisect_left(self._starts, start):bisect_left(self._starts, end)]


def _mentions_in(mentions: _MentionIndex, start: int, end: int, labels: set[str]) -> list[dict]:
    """The mentions of ``labels`` inside ``[start, end)``, in text order."""
    return [m for m in mentions.starting_in(start, end)
            if m.get("label") in labels and int(m.get("end", 0)) <= end]


def _participants(text: str, fused: str, mentions: _MentionIndex, start: int, end: int):
    spans: list[tuple[int, int]] = []
    for m in lex.source_cues().finditer(fused, start, end):
        spans.append((m.start(), m.end()))
    for m in _mentions_in(mentions, start, end, {"PER"}):
        s, e = int(m["start"]), int(m["end"])
        if not any(s < pe and ps < e for ps, pe in spans) and not _a_thing(fused, s, e):
            spans.append((s, e))
    spans.sort()
    names, kept = [], []
    for s, e in spans:
        name = text[s:e].strip()
        if name and name not in names:
            names.append(name)
            kept.append([s, e])
    return names, kept


def _a_thing(cased: str, start: int, end: int) -> bool:
    """A PER mention that names a thing: only vehicle makes and models («هيونداي سوناتا»,
    "Toyota Land Cruiser"), or a name right after "model", «نوع», «مدل»."""
    makes, cues = lex.not_people()
    words = [w.lower() for w in lex._WORD.findall(cased[start:end])]
    if words and all(w in makes for w in words):
        return True
    before = lex._WORD.findall(cased[max(0, start - 24) : start])
    return bool(before) and before[-1].lower() in cues


_ORG_BEFORE = re.compile(
    r"(?:embassy|consulate|سفارت|کنسولگری|كنسولگري|سفارة|السفارة|القنصلية)\W*(?:of\W+)?$",
    re.IGNORECASE,
)
# Where the people someone works for are, not where anything happened: "friends in Tehran",
# «دوستانش در آنکارا», «لصالح جهة في طهران», «جماعته بطرابلس».
_PRINCIPAL_BEFORE = re.compile(
    r"(?:friends|contacts|bosses|associates|backers|masters)\W+(?:\w+\W+)?in\s+$"
    r"|دوستان\w*\s+(?:\w+\s+)?در\s+$"
    # (not «قعد مع الجماعة بفندق الشام»: the people at the meeting, where it was)
    r"|(?<!ال)(?:جهة|جهه|جهات|جماعة|جماعه)\s+في\s+$|(?:جماعته|جماعتهم)\s+(?:في\s+|ب)$",
    re.IGNORECASE,
)
_VENUE_STOP = frozenset(
    "با و انجام برگزار ملاقات دیدار که را به از شد شود کرد کردم بود است ساعت روز منتظر یکدیگر "
    "همدیگر خواهد می هم نیز برای پس قبل تا طی مع التقى التقیت حیث الذی التی من الی بعد یوم "
    "الساعه ثم برفقه بصحبه "
    # a duration or a time of day after the venue: «في بهو فندق هيلتون صلالة قرابة ساعة»
    "قرابه نحو حوالی لمده مده عند صباح مساء ظهر عصر لیلا صباحا مساءا ظهرا عصرا حدود مدت "
    # the occasion: «في قاعة أفراح في بلدة الخالدية خلال حفل زفاف», «در تالار … حین مراسم»
    "خلال اثناء حین هنگام "
    # the person met, after the venue: «في بهو فندق الشيراتون بالمدعو …», «… بشخص»
    "بالمدعو المدعو بشخص شخص شخصا برجل رجل رجلا "
    # what was said there: «سمعت بالسوق إنه سامر …» (I heard at the market that Samer…)
    "انه ان انو اللی الی لما لان لانه".split()
)
# A fair's stand: the fair is where the meeting was.
_BOOTHS = frozenset({"غرفه", "booth", "stand", "جناح", "الجناح"})
# (a cheap look first: a day and a month's name, or a day/month, near the paragraph's start)
_OPENING_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?[ \t]+[^\W\d_]{3,}|\d{1,2}[/.]\d{1,2}")
#: How far into a paragraph with no event a day may open it and still date what follows.
_OPENING = 12
#: How far back (characters) an unnamed venue looks for the named one of its kind.
_NAMED_REACH = 400
_VENUE_PUNCT = re.compile(r"[،,.;:!?؟()\[\]\n]")
_TOKEN = re.compile(r"[^\s\u200c]+")
_PUNCT = "«»\"“”()،,.:;؛!؟"


def _in_place(offset: int, places: list[dict]) -> bool:
    return any(int(m["start"]) <= offset < int(m["end"]) for m in places)


# A border crossing on the way: "via the Zurbatiyah crossing", «عبر منفذ المنذرية», «از مرز».
_VIA = re.compile(r"(?<!\w)(?:via|through|at|by way of|عبر|عن طریق|من|از|through the)"
                  r"(?:\s+the)?\s+(?:\S+\s+){0,2}$")
_CROSSING_WORD = re.compile(r"(?<!\w)(?:منفذ|معبر|مرز|گذرگاه|پایانه مرزی|crossing|border|"
                            r"checkpoint|gate|بوابه|سیطره)(?!\w)")
_CROSSING_AFTER = re.compile(r"\s*(?:border\s+)?(?:crossing|checkpoint|border post)(?!\w)")
_CROSS_VERB = re.compile(r"cross|عبر|اجتاز|از مرز")
_AT = re.compile(r"(?<!\w)at\s+(?:the\s+)?$")
# A trip's destination: "to", «إلى», «به», right before the place, near the trigger.
_TO = re.compile(r"(?:\b(?:to|into)(?:\s+the)?|(?<!\w)(?:به|عازم|إلى|الى|نحو|باتجاه|صوب|سمت|طرف|على|علی)"
                 # spoken Arabic writes the «to» on the city: «رايح لبغداد», «مسافر عالشام»
                 r"|(?<!\w)(?:ل|لل|ع))"
                 # (and the kind of place before its name: "to the Iranian city of Tabriz",
                 # «إلى مدينة مشهد», «به شهر وان»)
                 r"(?:\s+(?:[A-Z][a-z]+\s+)?(?:city|town|village|port)\s+of"
                 r"|\s+(?:مدينة|مدينه|بلدة|بلده|قرية|قريه|ميناء|منطقة|منطقه|ناحية|ناحيه|محافظة|"
                 r"محافظه|قضاء|شهر|روستای|بندر)"
                 # «إلى العاصمة العُمانية مسقط», "to the capital, Tehran", «به پایتخت، تهران»
                 r"|\s+(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)?capital|العاصمة(?:\s+\S+)?|پایتخت)\s*[,،]?)?\s*$",
                 re.IGNORECASE)
_TRIP_REACH = 40
# A verb of going right before "to" and a place (folded): «وعاد المتهم إلى الكويت», "flew back to".
_TRIP_BEFORE = re.compile(
    r"(?<!\w)[وف]?(?:عاد|رجع|سافر|توجه|وصل|انتقل|غادر|flew|drove|travell?ed|returned|went|"
    r"رفت|برگشت|سفر\s+کرد)\w*\s+(?:\S+\s+){0,2}\S*$",
    re.IGNORECASE,
)
_TO_REACH = 32  # how far back "to" may stand ("to the Iranian city of Tabriz")
# What a pitch asks someone to do, between its verb and a place ("to report on…", «يعمل»,
# «يشتغل», «کار کند»): a place after it is the work's.
_THE_WORK = re.compile(
    r"(?<!\w)(?:" + "|".join(
        "\u0651?".join(lex.fold(word)) for word in
        """لكي كي ليعمل يعمل تعمل أعمل يشتغل أشتغل اشتغل تشتغل نشتغل يشتغلون بشتغل کار
        وكيله وكيلا مصدره مصدرا أكون يكون يصبح تصبح مندوبا""".split()
    ) + r")(?!\w)")
# (in English, on the text as written: "to" and a verb, not "to Ahmed" nor "to the port")
_THE_WORK_EN = re.compile(r"\bto\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|me\b|him\b|us\b)"
                          r"[a-z]+|\b(?:job|position|role)\b")
# A payment's place after its verb: close by, and no transfer or clause (_CLAUSE_BREAK) between.
_PAID_REACH = 70
_TRANSFER = re.compile(
    r"\b(?:transfer\w*|wire[ds]?|wiring|remit\w*|sent|send|deposit\w*)\b|"
    # (on folded text, where Arabic keeps its shadda: «حوّل», not «حول», "about")
    r"(?<!\w)(?:حوّل|" + "|".join(
        "\u0651?".join(lex.fold(word)) for word in
        "طريق طریق حواله حوالة حوالات تحويل تحويلا أرسل ارسل فرستاد واريز".split()
    ) + r")(?!\w)",
    re.IGNORECASE)
# ...unless an exchange office pays it out there ("from a money changer in Laleli", «عن طريق
# مكتب صرافة في سوق الحافة», «از صرافی آتلس»; on folded text: «صيرفة» is «صیرفه»)
_EXCHANGE = re.compile(
    r"\b(?:exchange\s+(?:office|house|shop|bureau)|money[\s-]?changer|bureau\s+de\s+change|"
    r"remittance\s+(?:office|agent|shop)|hawala(?:dar)?)\b|(?<!\w)(?:صراف\w*|صیرف\w*|مکتب\s+حوالات)",
    re.IGNORECASE)
# ...and, between the verb and the place, where it came from or went through
_FROM_OR_VIA = re.compile(r"\b(?:from|via|through)\b|(?<!\w)(?:من|عبر|از)(?!\w)", re.IGNORECASE)
# Spoken Persian's «تو» (in) and «دم» (at): «تو هتل آک‌دنیز می‌بینیم», «دم باب‌الجواد دیدمش». Where
# an event happened, not what makes a going verb a trip («اومد تو قهوه‌خونه»).
_SPOKEN_AT = re.compile(r"(?<!\w)(?:تو|دم)\s+$")
# A table's head row: cells of words alone («التاريخ | المبلغ (درهم) | الطرف | البلد»).
_TABLE_HEAD = re.compile(r"\s*\|?[^|\d\n۰-۹٠-٩]+(?:\|[^|\d\n۰-۹٠-٩]+){2,}\|?\s*")
# A route an itinerary writes as two places joined by a dash ("Ganja–Tbilisi", "Ankara – Gaziantep",
# «تهران-مشهد»), and what makes it a trip, not a pipeline or a match: a way of travelling.
_ROUTE_JOIN = re.compile(r"\s?(?:->|=>|[–—\-→>])\s?")
_ROUTE_MEANS = re.compile(
    r"\b(?:by\s+(?:road|car|air|bus|coach|train|rail|sea|ferry|taxi)|own\s+car|road\s+move|"
    r"convoy|flights?|flew|fly|flying|drove|drive|driving|train|bus|ferry|dep\.?|arr\.?|"
    r"[A-Z][A-Z0-9]\s?\d{2,4})\b"
    r"|(?<!\w)(?:زمینی|هوایی|پرواز|با\s+(?:اتوبوس|قطار|ماشین|خودرو|تاکسی)|برا|جوا|رحله|بالباص|بالسیاره)(?!\w)",
    re.IGNORECASE)
_HEADING = re.compile(
    r"(?:\b(?:heading|headed|bound)\s+(?:for|to|towards?)(?:\s+the)?|"
    # "departed Sydney for Tehran", "left Erbil for Ankara"
    r"\b(?:departed|left|leaving|leaves|set\s+off|set\s+out|flew\s+out|sailed)\s+(?:from\s+)?"
    r"[\w'\- ]{1,24}?\s+for(?:\s+the)?|(?<!\w)(?:به\s+مقصد|"
    # (with or without its tanween: «متجهاً إلى النجف»)
    r"باتجاه|(?:متجه|متوجه)(?:اً?|ًا)\s+(?:إلى|الى)|قاصد(?:اً?|ًا)))\s*$",
    re.IGNORECASE,
)


def _opens_on_meeting(folded: str, start: int, end: int) -> bool:
    """Whether a sentence opens on the meeting just told: "During that meeting …", «در همان
    دیدار …», «وفي اللقاء نفسه …»."""
    found = _SAME_MEETING.search(folded, start, end)
    return found is not None and found.start() - start <= 12


def _located(text: str, start: int, at: int, reach: int = 40) -> bool:
    return bool(_LOCATIVE.search(text[max(start, at - reach) : at]))


def _venue_located(text: str, start: int, at: int) -> bool:
    """A venue word a locative word introduces: «در پارکینگ», "in the food court", or in
    English through the name before it ("at the Seabreeze Terrace restaurant")."""
    if _located(text, start, at, reach=24) or _preposition_on(text, at):
        return True
    names = list(_TOKEN.finditer(text, max(start, at - 40), at))[-3:]
    for token in reversed(names):
        if not token.group()[:1].isupper() or not token.group().isascii():
            return False
        if _located(text, start, token.start(), reach=24):
            return True
    return False


def _preposition_on(text: str, at: int) -> bool:
    """«بمول النخيل»: the Arabic preposition ب written on the venue word, which stays a venue
    word without it (not «بازار» or «بهو», whose ب is their own)."""
    if not text.startswith("ب", at):
        return False
    rest = _TOKEN.match(text, at + 1)
    return rest is not None and any(h.start == 0 for h in lex.venues().find(lex.fold(rest.group())))


def _country(mention: dict, text: str) -> bool:
    """A place that is a country (its gazetteer link's, else every namesake's feature)."""
    if _linked(mention):
        return mention["place"].get("feature") == "country"
    from kashf.nlp.gazetteer import default_gazetteer

    name = str(mention.get("text") or text[int(mention["start"]) : int(mention["end"])])
    found = default_gazetteer().candidates(name)
    return bool(found) and all(p.feature == "country" for p in found)


_CHAT_GOING = re.compile(r"(?:i\s+)?(?:go|goes|going|come|comes|coming|fly|flies)", re.IGNORECASE)


def _right_after(text: str, hit: lex.Hit, mention: dict) -> bool:
    """A Persian place right after a going verb, «به» dropped as speech does: «بره بیروت»."""
    gap = text[hit.end : int(mention["start"])]
    # (spoken Arabic writes its «to» on the city: «رايح لبغداد», «مسافر عالشام»)
    if text[hit.start].isascii():
        # chat English drops "to" too: "after eid i go basra", "he comes dubai tues night"
        return gap == " " and text[int(mention["start"])].isascii() \
            and _CHAT_GOING.fullmatch(text, hit.start, hit.end) is not None
    return bool(re.fullmatch(r"[ \u200c]{1,2}(?:ل|لل|ع)?", gap))


def _proper_venue(text: str, venue: dict) -> bool:
    """A venue written with its own name, which the name tagger missed: "the Seabreeze
    Terrace restaurant", «فندق السنديان», «هتل شاری‌جوان» — not "a restaurant" or «مطعم
    شعبي». A capitalised word in English; in Persian or Arabic, a word after the venue word
    that is rare in both languages (a name, not an adjective)."""
    from kashf.nlp.ner.lexicons import is_common_word

    words = _TOKEN.findall(text, venue["start"], venue["end"])
    if len(words) < 2:
        return False
    if words[0].isascii():
        return any(w[:1].isupper() for w in words) and not all(
            lex.fold(w) in _VENUE_WORDS_EN for w in words if w[:1].isupper())
    return any(not is_common_word(w.strip(_PUNCT), min_zipf=4) for w in words[1:])


_VENUE_WORDS_EN = frozenset("hotel restaurant cafe café mall mosque shrine the a an".split())


def _place_at(hit: lex.Hit, places: list[dict]) -> dict | None:
    """The place mention a venue word is part of, if any («میدان زیونه», «بمقهى بويرتو أزول»:
    the preposition written on the word is not)."""
    return next((m for m in places if int(m["start"]) < hit.end and hit.start < int(m["end"])),
                None)


def _named_place(text: str, mention: dict) -> dict:
    """A place mention as ``place()`` gives a venue it names."""
    start, end = int(mention["start"]), int(mention["end"])
    return {"text": text[start:end], "start": start, "end": end, "place": mention.get("place"),
            "named": True}


def _of_kind(name: str, word: str) -> bool:
    """Whether a (folded) place name has a venue word in it as a word of its own, and more: «هتل
    سپیدار» for «همان هتل»; not "Small Heath" for "mall"."""
    return name != word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", name) is not None


def _named_after(text: str, hit: lex.Hit, places: list[dict]) -> dict | None:
    """The place mention that names a venue word right after it, in quotes or not: «کافه‌ی
    «الرصیف»», «مقهى "النوفرة"»."""
    return next((m for m in places if hit.end <= int(m["start"]) <= hit.end + 4
                 and re.fullmatch(r"[\s\u200cی«\"“']*", text[hit.end:int(m["start"])])), None)


def _venue_name(folded: str, mention: dict) -> bool:
    """A place that is a venue («حسینیه باب‌العلم», «غرفه رایزنی», "the Corniche Mall"): going
    there is the way to a meeting, not a trip."""
    return bool(lex.venues().find(folded, int(mention["start"]), int(mention["end"])))


def _linked(mention: dict) -> bool:
    return isinstance(mention.get("place"), dict)


# A street, square or market is where one walks to, not where one travels to.
_STREETLIKE = re.compile(
    r"(?<!\w)(?:خیابان|خيابان|میدان|ميدان|بازار|کوچه|محله|پل|street|st\.?|square|market|road|"
    r"bridge|avenue|شارع|ساحة|ساحه|سوق|جسر|زقاق)(?!\w)",
    re.IGNORECASE,
)


def _destination(mention: dict, text: str) -> bool:
    """A place one travels to: a gazetteer place, or (unlinked) a name that is not a street."""
    if _linked(mention):
        return True
    name = str(mention.get("text") or text[int(mention["start"]) : int(mention["end"])])
    return not _STREETLIKE.search(name)


def _venue_span(
    text: str, cased: str, hit: lex.Hit, end: int, places: list[dict], arabic: bool = False
) -> tuple[int, int] | None:
    """A venue as written: «مجتمع تجاری المنصور بغداد», "the Babylon Hotel in Baghdad"."""
    start, stop = hit.start, hit.end
    if text[hit.start].isascii():
        # English names the venue before its kind: Babylon Hotel, Mansour Mall.
        before = list(_TOKEN.finditer(text, max(0, hit.start - 40), hit.start))
        for token in reversed(before[-3:]):
            if token.group()[:1].isupper() and token.group().lower() not in ("the", "a", "an"):
                start = token.start()
            else:
                break
        follow = re.match(r"\s+(?:in|at|of|near|on)\s+(?:the\s+)?", text[stop:end])
        if follow:
            after = stop + follow.end()
            place = next((m for m in places if int(m["start"]) == after), None)
            if place is not None:
                stop = int(place["end"])
        return start, stop
    # Up to five words after the venue word, to a comma, a stop word or a verb: «رستوران
    # هتل بابل در بغداد» of «… در بغداد در نظر گرفته شود». A light verb takes the word
    # before it as its own («میدان زیونه سوار شدم» → «میدان زیونه»), unless a place holds it.
    taken: list[tuple[int, int]] = []
    previous = ""
    for count, token in enumerate(_TOKEN.finditer(text, stop, end)):
        word = lex.fold(token.group()).strip(_PUNCT)
        gap = text[stop : token.start()]
        if _VENUE_PUNCT.search(gap):
            break
        kind = lex.verb_form(word, previous, arabic)
        if kind not in (None, "function") or (word in ("می", "نمی") and not arabic):
            following = _TOKEN.search(text, token.end(), end)
            light = lex.light_verb(word, previous, arabic) or (
                word in ("می", "نمی") and following is not None
                and lex.light_verb(lex.fold(following.group()), word, arabic))
            if light and taken and not _in_place(taken[-1][0], places):
                while len(taken) > 1 and text[taken[-2][1] : taken[-1][0]] == "\u200c":
                    taken.pop()  # «برنامه‌ریزی شده»: the verb's noun, in its ZWNJ parts
                taken.pop()
            break
        if count >= 5:  # a word the window cuts («برنامه‌|ریزی») is not taken either
            while taken and text[taken[-1][1] : token.start()] == "\u200c":
                taken.pop()
            break
        if word in _VENUE_STOP:
            break
        punct = _VENUE_PUNCT.search(token.group())
        stop = token.start() + punct.start() if punct else token.end()
        if stop > token.start():
            taken.append((token.start(), stop))
        previous = word
        if punct:
            break
    while taken and lex.verb_form(lex.fold(text[taken[-1][0] : taken[-1][1]]), "", arabic) \
            == "function":
        taken.pop()  # «… در بغداد در» ends before its preposition
    stop = taken[-1][1] if taken else hit.end
    for place in places:  # run on through a city named right after: «… المنصور بغداد»
        if stop <= int(place["start"]) <= stop + 2:
            stop = int(place["end"])
    return start, stop


# --------------------------------------------------------------------------- events

_STRENGTH = ("cancelled", "planned", "reported")
_THAT = re.compile(r"(?<!\w)(?:that|که|ان|انه|بان|بانه)(?!\w)")
_THAT_REACH = 40  # how far after a day said its "that" may stand ("told him on 16 July that")
# «مردی که …»: «که» after a noun with its «ی» opens a relative clause ("a man who"), not what
# was said.
_RELATIVE_KE = re.compile(r"\w{2,}ی\s+که$")
# «در دو هفته آینده», "within the next two weeks": a deadline, not a plan.
_SPAN = re.compile(
    r"(?<!\w)(?:[0-9۰-۹٠-٩]+|دو|سه|چهار|یک|two|three|four|a few|several)\s+(?:روز|هفته|ماه|"
    r"سال|days?|weeks?|months?)\s+$",
    re.IGNORECASE,
)
# «تا هفته آینده», "by next week": a deadline's future is the task's, not the asking's.
_BY_NEXT = re.compile(r"(?<!\w)(?:تا|by|until|حتی|حتى)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "by Thursday", «تا پنجشنبه», «حتى الخميس»: the day a job is due by (not "approached by Haddad
# on 14 February").
_DEADLINE = re.compile(r"(?<!\w)(?:تا|by|until|till|حتی|حتى)\s+(?:(?:next|this|the|coming)\s+)?$",
                       re.IGNORECASE)
# «گفت: «…» و همکاری را پذیرفت»: what follows the quote is told, not said.
_QUOTE_CLOSE = re.compile(r"[»”]")
_QUOTE_OPEN = {"»": "«", "”": "“"}


def _quote_closes(text: str, start: int, end: int) -> bool:
    """Whether a quotation of words said closes in ``text[start:end]`` («گفت: «…» و همکاری را
    پذیرفت»), not a name in quotes («حسین شه‌بخش معروف به «حسین‌کور»»: three words or fewer)."""
    for m in _QUOTE_CLOSE.finditer(text, start, end):
        opened = text.rfind(_QUOTE_OPEN[m.group()], 0, m.start())
        if opened < 0 or len(text[opened + 1 : m.start()].split()) > 3:
            return True
    return False


# "declined to discuss Kiani": a refusal to speak, not a meeting called off
_DECLINED_TO_SAY = re.compile(r"declined\s+to\s+(?:comment|discuss|say|answer|elaborate|respond|"
                              r"name|identify|confirm|deny|speak|talk|give|be\s+named)(?!\w)")
_SUMMARY_END = re.compile(
    r"(?<!\w)end (?:of )?summary|\n(?=[ \t]*[0-9۰-۹٠-٩]{1,2}\s*[.)\-]\s)", re.IGNORECASE
)
_SUMMARY_PROPER = re.compile(
    r"\W*(?:[0-9۰-۹٠-٩]+\W*)?(?:\([a-z/]+\)\s*)?(?:summary|خلاصه|الخلاصه|ملخص)\s*[:：]",
    re.IGNORECASE,
)


class _Extractor:
    """One document's events; holds the text in its three forms and the current language."""

    def __init__(self, text, mentions, paragraphs, document_date, pages) -> None:
        self.text = text
        self.folded = lex.fold(text)
        self.cased = lex.fold(text, lower=False)
        self.mentions = _MentionIndex(mentions)
        self.pages = pages
        self.spans = _paragraph_spans(text, paragraphs)
        self.dates = DateTracker(text, self.folded, document_date, self.spans)
        self.langs: frozenset[str] | None = None
        self.events: list[dict] = []
        self.story_date: tuple[str | None, str | None] = (None, None)
        self.story_vague = False  # the story went on "weeks later": its day is unknown
        self.story_at = 0  # where the story's day was said
        self.story_place: dict | None = None
        self.route_trips: set[int] = set()  # where the trips an itinerary's rows tell end
        self._guesses: dict[tuple, list[lex.Hit]] = {}
        self._found: dict[tuple, list[lex.Hit]] = {}

    def run(self) -> list[dict]:
        summarised: list[dict] = []
        document = lex.by_function_words(self.text)
        for p_start, p_end, language in self.spans:
            self.langs = _languages(self.text, p_start, p_end, language, document)
            if not self.triggers(p_start, p_end) and not self.any_guess(p_start, p_end):
                # no event here: skip its sentences, but not the day it tells ("On Tuesday
                # 14th March 2023 at about 1105hrs I was on duty in Edgware Road." / "At 1122hrs
                # HADDAD entered Cafe Byblos")
                opening = [w for w in self.dates.in_span(p_start, p_end, self.langs)
                           if w[0] - p_start <= _OPENING and any(c.isdigit() for c in w[2])
                           ] if _OPENING_DAY.search(self.text, p_start, p_start + 3 * _OPENING) else []
                if opening and not self.hearsay_or_plan(p_start, p_end):
                    self.remember(opening[:1])
                continue
            before = {id(e) for e in self.events}
            self.paragraph(p_start, p_end)
            if SUMMARY_LINE.match(self.folded, p_start, p_end):
                # A summary retells what happened or was reported; only a plan is new. It
                # ends at "END SUMMARY" or at the cable's next numbered paragraph, which no
                # blank line need part from it ("1. SUMMARY: … END SUMMARY.\n2. C/O met…").
                ends = [m.start() for m in _SUMMARY_END.finditer(self.folded, p_start, p_end)]
                summary_end = min(ends, default=p_end)
                new = [e for e in self.events if id(e) not in before
                       and e["evidence"]["start"] < summary_end]
                retold = [e for e in new if e["status"] not in ("planned", "cancelled")]
                self.events[:] = [e for e in self.events if e not in retold]
                if _SUMMARY_PROPER.match(self.folded, p_start, p_end):
                    summarised += retold
        # ...unless the body never tells it: a meeting, trip or payment that only a
        # summary tells (its hearsay the cable does not repeat). Patterns a summary states
        # ("are cultivating officials") and an assessment's verdicts are no events.
        for event in summarised:
            if event["type"] in ("meeting", "travel", "payment") and not any(
                e["type"] == event["type"] and e["status"] == event["status"]
                for e in self.events
            ):
                self.events.append(event)
        self.events.sort(key=lambda e: e["evidence"]["start"])
        for event in self.events:
            if event["date_end"]:
                # "in March 2014", «مهر ۱۳۹۳»: a month is no day. ``date`` stays an ISO day or
                # null, which scripts can parse; the month is the range start–end.
                start = event["date"]
                event["date_start"] = f"{start}-01" if len(start) == 7 else start
                event["date"] = None
            else:
                event["date_start"] = None
        return self.events

    def paragraph(self, p_start: int, p_end: int) -> None:
        approach: list[tuple[int, int]] = []  # trigger-less sentences before an event
        last: list[dict] = []  # the events of the last sentence that had any
        self.story_place = None  # places are told paragraph by paragraph
        for s_start, s_end in _question_and_answer(self.text, sentences(self.text, p_start, p_end)):
            if HEADER_LINE.match(self.text[s_start:s_end]) or _is_title(self.text, s_start, s_end) \
                    or _TABLE_HEAD.fullmatch(self.text, s_start, s_end):
                continue
            written = _outside_quotes(self.text, self.dates.in_span(s_start, s_end, self.langs),
                                      s_start, s_end)
            people = _mentions_in(self.mentions, s_start, s_end, {"PER"})
            written = [w for w in written if not any(
                int(p["start"]) <= w[0] < int(p["end"]) for p in people)  # «ملا جمعه»: a name
                and not _DEADLINE.search(self.folded, max(0, w[0] - 20), w[0])]  # «تا جمعه»: due
            found = self.triggers(s_start, s_end)
            guesses = self.guessed(s_start, s_end, found)
            found = sorted([*found, *guesses], key=lambda h: h.start)
            hits = _first_per_type(self.told(found, s_start, s_end, written), written,
                                   self.folded)
            if not hits:
                if not self.hearsay_or_plan(s_start, s_end):
                    # (a step back that tells no event is a flashback, not the story's next
                    # day: "On Tuesday he took her to lunch. The previous evening he had sent
                    # her a message. … then asked her to write papers" — on Tuesday)
                    self.remember([w for w in written if w[0] not in self.dates.back_steps])
                self.remember_place(s_start, s_end)
                if last:  # "...then I took two taxis." goes on about the event just told
                    self.add_tradecraft(last, s_start, s_end)
                    self.follow_up(last, s_start, s_end, written)
                else:  # the approach to an event still to come
                    approach.append((s_start, s_end))
                continue
            persian = _persian(self.text, s_start, s_end)
            statuses = self.statuses(hits, s_start, s_end, persian)
            owned = []
            for hit, own in zip(
                    hits, _dates_per_trigger(hits, written, self.folded, self.dates.month_end,
                                             persian, self.dates.story_steps),
                    strict=True):
                if own and self.task_time(own, hit):
                    # the task's day is not the tasking's: a day told before the verb is
                    # ("last night he told me to drive to Suli on Thursday")
                    own = next((w for w in reversed(written) if w[0] < hit.start and w[1]), None)
                if own and own[0] < hit.start and _line_stamp(self.text, own) \
                        and _other_time(self.folded, own[0] + len(own[2]), s_end):
                    # "Mon 06/03 09:00 | KOUMIS interview: pitched in January in Dubai": the
                    # log line's day is when it was told; the event has a time of its own
                    own = None
                owned.append(None if own and self.telling_date(own, hit.start, s_start) else own)
            stamp = _LOG_LINE.match(self.text, s_start)
            if stamp and last and len(written) == 1 and owned and written[0][0] < stamp.end():
                # A chat message's stamp is when it was written: a message that goes on about
                # the meeting just told («مبارح شفت أبو حسن … قعدنا» / «عرض عليي اشتغل معن»)
                # keeps that meeting's day.
                told = [e for e in last if e["type"] == "meeting" and e["date"]
                        and e["status"] in ("happened", "reported")]
                if told and written[0][1] and told[-1]["date"] < written[0][1]:
                    owned = [(written[0][0], told[-1]["date"], told[-1]["date_text"] or "")
                             if own == written[0] and hit.tag in ("payment", "recruitment",
                                                                   "tasking") else own
                             for hit, own in zip(hits, owned, strict=True)]
            # A month written in the sentence but not the event's is still a time of its own.
            own_time = _OTHER_TIME.search(self.folded, s_start, s_end) or any(
                (iso, text) in self.dates.month_end for _, iso, text in written
            )
            context_start = approach[0][0] if approach else s_start
            sentence_events = []
            # the day each trigger took from its own words or from the one before it
            told_days: list[tuple[str | None, str | None] | None] = []
            # the meeting the sentence points back at («در همان دیدار», "During that meeting"),
            # and whether the sentence opens on it: the same for every trigger in it
            pointed = self.meeting_referred(s_start, s_end)
            opens_on_meeting = pointed is not None and _opens_on_meeting(self.folded, s_start, s_end)
            for index, (hit, status, own) in enumerate(zip(hits, statuses, owned, strict=True)):
                date = (own[1], own[2]) if own else (None, None)
                chained = index and told_days[index - 1] and (
                    statuses[index - 1] == status
                    # «دوشنبه ۸ اسفند، تو پاساژ … یه پاکت داد دستم»: what was handed over at a
                    # meeting shares its day, whoever tells it
                    or hits[index - 1].tag == "meeting" and hit.tag in ("payment", "tasking")
                    and status != "planned")
                referred = pointed if hit.tag != "meeting" else None
                if own is not None and hit.tag == "tasking" and own[0] > hit.start \
                        and opens_on_meeting:
                    # "At that meeting he asked her to attend a talk on Thursday": the errand's
                    # day; the asking was at the meeting
                    date = pointed
                elif own is not None:
                    pass
                elif own_time and referred is not None and hit.tag != "travel" and opens_on_meeting:
                    # "During that meeting he … asked him to be ready for a delivery in June":
                    # a sentence that opens on the meeting is of its day; the month is the
                    # errand's
                    date = referred
                elif own_time:
                    pass
                elif chained:
                    # "travelled on 14 August to Beirut and met them there": one time (and
                    # "met him the next day, agreed to work for them and received $5,000")
                    date = told_days[index - 1]
                else:
                    # «در همان دیدار پیشنهاد داد», «وسلّمه في اللقاء ذاته»: the day of the meeting
                    # it points back at, before the story's day
                    date = referred or self.undated(status, s_start, last, hit.tag)
                if status == "happened" and own is not None and own[0] in self.dates.ahead:
                    status = "planned"  # «فردا میام باکو», "tmrw I drive to Kirkuk": still to come
                if status == "happened" and own is not None and self.dates._after(own[1] or "") \
                        and (_YEARLESS_DAY.search(ascii_digits(own[2]))
                             or bare_weekday(lex.fold(own[2]))):
                    # «جمعه ۲۲ دی … توی مصلی می‌بینم»: a day without its year that falls after
                    # the report is still to come (not "the next day", which may count from the
                    # report, nor a full date that may show the report's date is wrong)
                    status = "planned"
                if own is not None and own[1] and status in ("planned", "cancelled") \
                        and bare_weekday(lex.fold(own[2])):
                    date = (self.plan_weekday(own[1], status, s_start, s_end), own[2])
                told_days.append(date if own is not None or chained else None)
                event = self.event(hit, status, (s_start, s_end), context_start, date)
                event["found_by"] = "model" if hit in guesses else "lexicon"
                if status == "happened":
                    _drop_plans_of(event, self.events)
                definite = bool(_DEFINITE_AFTER.match(self.folded, hit.end)
                                or _DEFINITE_BEFORE.search(self.folded, max(s_start, hit.start - 12),
                                                           hit.start))
                if _continues(event, own, self.events, definite):
                    _merge_into(self.events[-1], event)
                elif _cancels(event, own, self.events) and not _NUMBERED.match(self.text, s_start):
                    # "...it was called off." (an item of its own is a matter of its own: «٧- كان
                    # من المقرر أن أجتمع … إلا أنه اعتذر»)
                    self.events[-1]["status"] = "cancelled"
                else:
                    sentence_events.append(event)
            if any(e["type"] in ("meeting", "travel") for e in sentence_events):
                # «… در پارکینگ مرکز خرید انجام شد و ۱۲۰۰ دلار … تحویل گردید»: the place is
                # the meeting's; a payment or tasking told with it has none of its own, nor
                # has a pitch made at the meeting told before it («التقى … في مقهى … فعرض عليه
                # العمل»; not «جنّده … خلال لقاء في فندق السنديان», recruited there)
                met_at = {tuple(e["place_span"]) for e in sentence_events
                          if e["type"] == "meeting" and e["place_span"]
                          and not _DURING.search(self.text, max(s_start, e["evidence"]["start"]),
                                                 self.text.find(e["trigger"], s_start))}
                for event in sentence_events:
                    if event["type"] in ("payment", "tasking") or event["type"] == "recruitment" \
                            and event["place_span"] and tuple(event["place_span"]) in met_at:
                        event["place"] = event["place_span"] = event["place_ref"] = None
            trips = [e for e in sentence_events if e["type"] == "travel" and e["place_span"]]
            if trips and _THERE.search(self.folded, s_start, s_end):
                # «هفته پیش رفته قم و آنجا با یک روحانی عراقی ناهار خورده»: there is the trip's
                for event in sentence_events:
                    if event["type"] == "meeting" and (
                            event["place_span"] is None
                            or event["place_span"][0] < s_start):  # the paragraph's place
                        _set_place(event, _place_of(trips[0]))
            self.events.extend(sentence_events)
            last = sentence_events or last
            for event in sentence_events:  # "I reached Karbala. …met the source…": there
                if event["type"] == "travel" and event["status"] in ("happened", "reported") \
                        and event["place_span"] and event["place_span"][0] not in self.route_trips:
                    self.story_place = {**_place_of(event), "status": event["status"]}
            # A plan's or a hearsay's day is not the story's day.
            self.remember([
                own for own, status in zip(owned, statuses, strict=True)
                if own is not None and status == "happened"
            ])
            approach = []

    def telling_date(self, own: tuple[int, str | None, str], at: int, start: int) -> bool:
        """The day something was said, not the day of what was said ("told ConOff on July
        16 that an Iranian … pressed him for a meeting"; «روز ۱۵ مهر گفت که …»): a date
        after a reporting verb and before the "that" which opens the trigger's clause."""
        said = [
            c for c in lex.status_cues().find(self.folded, start, own[0], self.langs)
            if c.tag == "reported"
        ]
        that = _THAT.search(self.folded, own[0] + len(own[2]), at)
        while that is not None and that.group() != "که" and _persian(self.text, start, at):
            # Persian says it with «که»: «بانه» is Baneh, «آن» (folded «ان») "that one"
            that = _THAT.search(self.folded, that.end(), at)
        # (the "that" right after the day: not «اظهار داشت برادرزاده‌اش چهارشنبه هفته گذشته … را
        # در سفره‌خانه دیده که …», what was seen that day, then how)
        return bool(said) and not _THAT.search(self.folded, said[-1].end, own[0]) \
            and that is not None and not _RELATIVE_KE.search(self.folded, own[0], that.end()) \
            and that.start() - (own[0] + len(own[2])) <= _THAT_REACH

    def task_time(self, own: tuple[int, str | None, str], hit: lex.Hit) -> bool:
        """When the task is to be done, not when it was set: a day after a tasking's verb
        that a deadline word opens («از او خواست تا هفته آینده … تهیه کند», "by Monday"), or
        that is still to come («ازش خواستم فردا شماره پلاک‌ها را بنویسد»), or a weekday alone
        ("told me to drive to Suli on Thursday": the task's day, whichever Thursday it is)."""
        if hit.tag != "tasking" or own[0] <= hit.start:
            return False
        if _DEADLINE.search(self.folded, max(0, own[0] - 12), own[0]):
            return True
        return bool(own[1]) and (self.dates._after(own[1]) or bare_weekday(lex.fold(own[2])))

    def meeting_referred(self, start: int, end: int) -> tuple[str, str | None] | None:
        """The day of the meeting a sentence points back at («در همان دیدار پیشنهاد داد», «سلّمه
        خلال الجلسة», "at that same sitting we handed him"): the last meeting told in this
        paragraph or the one before, when it happened or was reported with a day (a reported
        meeting's day is no story day, but it is its payment's)."""
        if not _SAME_MEETING.search(self.folded, start, end):
            return None
        # the meeting is told in this paragraph or the one before (an earlier one is another)
        starts = [p_start for p_start, _e, _l in self.spans if p_start <= start]
        since = starts[-2] if len(starts) > 1 else 0
        met = next((e for e in reversed(self.events) if e["type"] == "meeting"
                    and since <= e["evidence"]["start"] < start), None)
        if met is None or not met["date"] or met["status"] not in ("happened", "reported"):
            return None
        return met["date"], met["date_text"]

    def plan_weekday(self, day: str, status: str, start: int, end: int) -> str:
        """The day of a plan's or a call-off's bare weekday, read as ``day``.

        «همین شنبه میبرمت», "Friday's meet is off", «موعد الجمعة ألغيه»: a plan's weekday read
        back from the report's day is the coming one. A call-off in the past tense («قرار
        جمعه‌مان لغو شد», "called off their Wednesday lunch", "a follow-up set for Saturday was
        cancelled") names the nearer of the two: the day just gone or the one to come.
        """
        today = self.dates.entry_date(start) or self.dates.document
        read_ahead = self.dates._after(day)
        if status == "cancelled" and not _CANCELLED_NOW.search(self.folded, start, end):
            if today is None:
                return day
            if read_ahead:
                back = (dt.date.fromisoformat(day[:10]) - dt.timedelta(days=7)).isoformat()
                return _nearer(back, day, today)
            ahead = next_weekday(day, today)
            return _nearer(day, ahead, today) if ahead else day
        return day if read_ahead else next_weekday(day, today) or day

    def undated(self, status: str, start: int, last: list[dict], kind: str = ""
                ) -> tuple[str | None, str | None]:
        """The day of an event whose sentence gives none.

        A narrated event happened on the story's day (a report tells one meeting), else on
        its diary entry's day (one that is not the document's), else on
        the day a summary before it gave (a cable's: "told PolOff on October 19"). Hearsay that goes on from dated hearsay ("the Iranian then
        handed him an envelope") shares its day; a plan gets none. A pitch made right after a
        meeting told second-hand is of that meeting's day ("He says that the day before two
        men sat down with him … The older one offered him USD 300 a month"), not the day the
        report was written (not a payment or a tasking: "I paid him" and «كُلِّف المصدر» after
        a source's news are the handler's, of the story's day).
        """
        if status == "happened" and kind == "recruitment":
            told = [e for e in last if e["type"] == "meeting" and e["date"]
                    and e["status"] == "reported"]
            if told:
                return told[-1]["date"], told[-1]["date_text"]
        if status == "happened" and kind == "tasking" and self.dates.document \
                and any(d.group("board") == "مقرر"
                        for d in _DECIDED.finditer(self.folded, start, start + 24)):
            # minutes' decisions («تصمیمات: الف) مقرر شد آقای تنگستانی …»): of the session the
            # minutes are dated by, not of the last day its items told of
            return self.dates.document.isoformat(), None
        if status == "happened" and self.story_date[0] and _MORNING_OPEN.match(self.folded, start) \
                and _LAST_NIGHT.fullmatch(lex.fold(self.story_date[1] or "").strip()):
            # «دیشب با قطار به مشهد آمدم … صبح بعد از نماز او را دیدم»: the morning after
            morning = dt.date.fromisoformat(self.story_date[0][:10]) + dt.timedelta(days=1)
            self.story_date = (morning.isoformat(), None)
        if status == "happened":
            line_start = self.text.rfind("\n", 0, start) + 1
            if self.story_date[0] and self.story_at < line_start \
                    and _LOG_TIME.match(self.text, line_start) \
                    and not _CHAT_STAMP.match(self.text, line_start) \
                    and _LOG_TIME.match(self.text, self.text.rfind("\n", 0, self.story_at) + 1):
                # a log's timed line after another whose story told of its own day
                # («الساعة ٠٩:١٥ … مساء أمس … / الساعة ١٤:٠٠ التقى …»): the log's day
                entry = self.dates.entry_date(start)
                day = entry.isoformat() if entry else self.dates.log_day()
                if day is None and self.dates.document:
                    day = self.dates.document.isoformat()
                return day, None
            if self.story_vague:
                return None, None
            if self.story_date[0]:
                return self.story_date
            sent = self.dates.mail_day(start)
            if sent is not None:  # "I've just wired EUR 2,000", under "Sent: June 6, 2023"
                return sent.isoformat(), None
            entry = self.dates.entry_date(start)
            if entry is not None and entry != self.dates.document:
                # a diary entry's day, under its heading («الجمعة ١٥ ك١», "Two days later")
                return entry.isoformat(), None
            told = self.dates.last_before(start, body=True)
            if told is None and self.dates.document \
                    and _LOG_TIME.match(self.text, self.text.rfind("\n", 0, start) + 1):
                # a log's line whose day only the log's header gives ("Date: 14 NOV 23"; the
                # day watched, when the header tells it apart from the day written up)
                return self.dates.log_day() or self.dates.document.isoformat(), None
            return told or (None, None)
        if status == "reported":
            told = [e for e in last if e["date"] and e["status"] in ("reported", "happened")]
            if told:
                return told[-1]["date"], told[-1]["date_text"]
        if status in ("reported", "cancelled"):
            entry = self.dates.entry_date(start)
            if entry is not None and entry != self.dates.document:
                # under a diary heading («الخميس ٧ شوال (٢٧ أبريل)»), what is told or called
                # off is of that day
                return entry.isoformat(), None
        return None, None

    def follow_up(
        self, events: list[dict], start: int, end: int,
        written: list[tuple[int, str | None, str]],
    ) -> None:
        """A sentence without a trigger that goes on about the events just told: it calls off
        a plan ("Barzinji agreed, then cancelled on the morning of July 10"), or says where
        a meeting without a place was («اینجانب در میدان زیونه سوار شدم»)."""
        cues = {c.tag for c in lex.status_cues().find(self.folded, start, end, self.langs)}
        planned = [e for e in events if e["status"] == "planned"]
        if "cancelled" in cues and planned:
            event = planned[-1]
            event["status"] = "cancelled"
            event["evidence"]["end"] = end
            event["evidence"]["quote"] = self.text[event["evidence"]["start"] : end]
            day = next(((iso, text) for _, iso, text in written if iso), None)
            if event["date"] is None and day is not None:
                event["date"], event["date_text"] = day
            return
        for event in events:
            if event["place"] is None and event["status"] == "happened" \
                    and event["type"] in ("meeting", "travel"):
                places, located = self.places(start, end)
                venue = self.venue(start, end, start, places)
                place = venue or (located[0] if located else None)
                if place is not None:
                    _set_place(event, place)

    def hearsay_or_plan(self, start: int, end: int) -> bool:
        """A sentence that tells what someone said or what is planned: its day is not the
        story's ("the source said an embassy employee visited the firm on 2 May")."""
        return any(
            c.tag in ("reported", "planned")
            for c in lex.status_cues().find(self.folded, start, end, self.langs)
        )

    def remember(self, written: list[tuple[int, str | None, str]]) -> None:
        """The last day the narrative gave becomes the story's day (not a header line's,
        "DECL: 10/15/2019", nor one after the document's own day, nor a deadline's: "Bring
        the stamped copies by Thursday")."""
        days = [
            (at, iso, text) for at, iso, text in written
            if iso and not self.dates._in_header(at) and not self.dates._after(iso)
            and (iso, text) not in self.dates.month_end
            and not _DEADLINE.search(self.folded, max(0, at - 20), at)
            and not _quoted_at(self.text, at)
        ]
        if days:
            self.story_date = days[-1][1:]
            self.story_at = days[-1][0]
            self.story_vague = False
        last = max(written, default=None, key=lambda w: w[0])
        if last is not None and last[1] is None and last[0] in self.dates.vague_steps \
                and (not days or last[0] > days[-1][0]):
            self.story_vague = True  # «چند هفته بعد …»: what follows is of no day we know

    def guessed(self, start: int, end: int, found: list[lex.Hit] | None = None,
                raw: list[lex.Hit] | None = None) -> list[lex.Hit]:
        """What the sentence models add (kashf/nlp/event_classifier.py): a type the lexicons
        did not find there, at the word the model weighs most — not inside a phrase the
        lexicons call no event ("paid for the dinner", «نشستم» alone)."""
        models = guesser()
        if models is None:
            return []
        found = self.triggers(start, end) if found is None else found
        key = (start, end, frozenset(h.tag for h in found))
        if key not in self._guesses:
            # a type whose phrase the lexicons found and a rule then set aside («درخواست
            # دیدار», "five meetings") is not the models' to put back
            raw = self.lookup(lex.triggers(), start, end) if raw is None else raw
            known = {h.tag for h in found} | {h.tag for h in raw}
            inside = self.mentions.starting_in(start, end)
            guesses = [lex.Hit(event_type, w_start, w_end)
                       for event_type, w_start, w_end, _p in models.guess(
                           self.folded, start, end, inside, known,
                           [(h.start, h.end) for h in found])]
            self._guesses[key] = [] if guesses and self.said_none(start, end) else guesses
        return self._guesses[key]

    def any_guess(self, p_start: int, p_end: int) -> bool:
        """Whether the sentence models find an event in a paragraph the lexicons found none in."""
        raw = self.lookup(lex.triggers(), p_start, p_end)
        return any(self.guessed(s, e, [], [h for h in raw if s <= h.start < e])
                   for s, e in sentences(self.text, p_start, p_end))

    def said_none(self, start: int, end: int) -> bool:
        """Whether a lexicon row calls a phrase of the sentence no event («نخواهد آمد», "paid
        for the dinner", «نشستم» alone): the models are not asked to overrule it."""
        return any(
            h.tag == "none"
            for lexicon in (lex.triggers(), lex.travel_verbs(), lex.payment_verbs())
            for h in self.lookup(lexicon, start, end, keep_none=True)
        )

    def lookup(self, lexicon: lex.Lexicon, start: int, end: int,
               keep_none: bool = False) -> list[lex.Hit]:
        """``lexicon.find`` over a span, once per span (triggers and guesses both ask)."""
        key = (id(lexicon), start, end, self.langs)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = lexicon.find(self.folded, start, end, self.langs,
                                                    keep_none=True)
        return found if keep_none else [h for h in found if h.tag != "none"]

    def triggers(self, start: int, end: int) -> list[lex.Hit]:
        """Trigger phrases, plus a giving verb as a payment when the sentence names money
        and a going verb as travel when it names a destination; counted events ("five
        meetings were held") are totals, not events."""
        hits = self.lookup(lex.triggers(), start, end)
        paid = next((h for h in hits if h.tag == "payment"), None)
        # (the giving verbs are looked up only where they can add a payment)
        verbs = self.lookup(lex.payment_verbs(), start, end) \
            if paid is None or _PROMISE.search(self.folded, paid.end, end) else []
        if verbs and (
            _mentions_in(self.mentions, start, end, {"MONEY"})
            or any(h.tag == "cash_payment" for h in self.tradecraft_hits(start, end))
        ):
            if paid is None:
                hits = sorted([*hits, verbs[0]], key=lambda h: h.start)
                paid = verbs[0]
            # money paid, then more promised («تسلّم منه خمسة آلاف دينار، ووعده … بعشرين
            # ألفاً»): a second payment, still to come
            promise = next((v for v in verbs if v.start > paid.end
                            and _PROMISE.match(self.folded, v.start)), None)
            if promise is not None and not _PROMISE.match(self.folded, paid.start):
                hits = sorted([*hits, promise], key=lambda h: h.start)
        if not any(h.tag == "travel" for h in hits):
            route = self.route(start, end)
            if route is not None and _ROUTE_MEANS.search(self.folded, start, end):
                # "Day 3 | Wed 22/05 | Ganja–Tbilisi, own car": an itinerary's trip
                hits = sorted([*hits, lex.Hit("travel", int(route[0]["start"]),
                                              int(route[1]["end"]))], key=lambda h: h.start)
                # (a row of its own: the rows after it name their own venues)
                self.route_trips.add(int(route[1]["start"]))
        if not any(h.tag == "travel" for h in hits):
            verbs = self.lookup(lex.travel_verbs(), start, end)
            places = _mentions_in(self.mentions, start, end, {"LOC"})
            if verbs and any(
                _destination(m, self.text) and _located(self.text, start, int(m["start"]))
                and not _venue_name(self.folded, m)
                for m in places
            ):
                hits = sorted([*hits, verbs[0]], key=lambda h: h.start)
            else:
                # Spoken Persian drops «به»: «می‌رم تهران», «رفته باکو»
                spoken = next((v for v in verbs for m in places
                               if _destination(m, self.text) and _right_after(self.text, v, m)
                               and (not _venue_name(self.folded, m)  # «رفتم قهوه‌خانه آزادی»
                                    or _AIRPORT.search(self.folded, int(m["start"]),
                                                       int(m["end"])))),
                              None)
                if spoken is not None:
                    hits = sorted([*hits, spoken], key=lambda h: h.start)
        # A trigger inside a name is part of the name: «هتل زمرد بسفر» (the Bosphorus),
        # "the Meeting Point café".
        names = [(int(m["start"]), int(m["end"]))
                 for m in _mentions_in(self.mentions, start, end, {"PER", "LOC", "ORG"})]
        return [
            h for h in hits
            if not any(s <= h.start and h.end <= e for s, e in names)
            and not _counted(self.folded, start, h)
            and not _REFERENCE.search(self.folded, max(start, h.start - 30), h.start)
            and not (_DISCUSSED.search(self.folded, max(start, h.start - 50), h.start)
                     and not _WHERE_TALKED.search(self.folded, max(start, h.start - 12), h.start))
        ]

    def told(
        self, hits: list[lex.Hit], start: int, end: int,
        written: list[tuple[int, str | None, str]],
    ) -> list[lex.Hit]:
        """The triggers of a sentence that tell an event, not talk about one.

        None in a sentence that quotes the press, states a wish, an absence or what a
        possible event would be worth; none that
        states a habit unless it gives a day; none counted ("three times"); a meeting that is
        the purpose of the sentence's trip goes with the trip.
        """
        if not hits:
            return hits
        if self.text[start:end].rstrip(" \t\"»”'").endswith(("?", "؟")) \
                and not _QUESTION.match(self.text, start):
            return []  # "did you pitch the cousin?": a question (not a transcript's) tells nothing
        found = lex.non_events().find(self.folded, start, end, self.langs)
        # A negation that holds a trigger («هیچ دیداری», "no meeting", «أي لقاء») denies that
        # event only: «سفر کند و … هیچ دیداری برنامه‌ریزی نشده» still plans the trip.
        denied = [n for n in found if n.tag == "negated"
                  and any(h.start < n.end and n.start < h.end for h in hits)]
        if denied:
            # …and the same event told again right after it ("has never met them face to face")
            gone = [h for h in hits if any(h.start < n.end and n.start < h.end for n in denied)]
            hits = [h for h in hits if h not in gone and not any(
                g.tag == h.tag and 0 <= h.start - g.end <= 40 for g in gone)]
            found = [n for n in found if n not in denied]
            if not hits:
                return []
        # A denial that names a kind of event the sentence does not tell («غادر … متوجهاً إلى
        # إسطنبول دون الإفصاح عن أي مبالغ»: no money declared, but the trip happened) denies
        # nothing else.
        told_kinds = {h.tag for h in hits}
        found = [n for n in found if not (
            n.tag == "negated"
            and (kind := _NEGATED_KIND.get(self.folded[n.start:n.end])) is not None
            and kind not in told_kinds)]
        # "instructed him … to report weekly", «ازش خواست هر هفته گزارش بده»: the habit is the
        # task's, what he is to do, not a habit the sentence tells instead of an event
        # (not a rule the sentence cites: «طبق دستورالعمل، هرگونه دیدار …», "as per the
        # instructions, any meeting …" says what is always so)
        found = [n for n in found if not (n.tag == "generic" and any(
            h.tag == "tasking" and h.end <= n.start
            and not _CITED.search(self.folded, max(start, h.start - 16), h.start) for h in hits))
            # "According to press reports, Ardakani met …": the source of an event reported,
            # not a news item the sentence is about
            and not (n.tag == "news" and _ATTRIBUTED.search(self.folded, max(start, n.start - 24),
                                                            n.start))]
        kinds = {h.tag for h in found}
        money = _mentions_in(self.mentions, start, end, {"MONEY"})
        if "total" in kinds and any(iso and (iso, text) not in self.dates.month_end
                                    for _, iso, text in written) \
                and not _TO_DATE.search(self.folded, start, end) and all(
            any(0 <= int(m["start"]) - n.end <= 3 for m in money)
            for n in found if n.tag == "total"
        ):
            # «هزینه‌های مهرماه، جمعاً چهل و پنج میلیون ریال، همان عصر پرداخت شد»: the sum
            # of one payment on a day, not a running total
            kinds.discard("total")
        if kinds & {"news", "wish", "negated", "retold", "total", "assessment", "withdrawal"} \
                or _TIMES.search(self.folded, start, end) \
                or _CONDITIONAL.match(self.folded, start):
            return []
        undated = not any(iso for _, iso, _ in written)
        if undated and _heading(self.text, start, end) and (
            all(_NOUN_ENDING.search(self.folded, h.start, h.end) for h in hits)
            or self.text[end - 1] not in ".!?؟"
        ):
            return []  # "Funding and tasking.", "Recruitment of al-Jaziri.": a section's name
        # "every second Thursday", «يصلّي الجمعة عادةً»: the weekday is the habit's
        if "generic" in kinds and all(not iso or bare_weekday(lex.fold(said))
                                      for _, iso, said in written):
            return []
        if undated and not _LOG_TIME.match(self.text, self.text.rfind("\n", 0, start) + 1):
            # "Officers meet sources in pharmacies": the simple present is a habit (not in a
            # surveillance log's timed line: "13:05 T1 meets W1")
            hits = [h for h in hits if not _HABIT.fullmatch(self.folded, h.start, h.end)
                    or _WILL.search(self.folded, max(start, h.start - 16), h.start)]
        hits = [  # "called on all workers to join": an appeal, not a visit
            h for h in hits
            if not (self.folded.startswith("called on", h.start)
                    and re.search(r"\bto\s+\w+", self.folded[h.end : min(end, h.end + 80)]))
        ]
        if any(h.tag == "recruitment" for h in hits) and not (
                _mentions_in(self.mentions, start, end, {"MONEY"})
                or any(h.tag == "cash_payment" for h in self.tradecraft_hits(start, end))):
            # "made a soft pitch: paid 'regional market studies'": the pay offered, not paid
            hits = [h for h in hits if h.tag != "payment" or self.folded[h.start:h.end] != "paid"]
        if any(h.tag == "tasking" for h in hits):
            # "as a test task he was asked to…": one tasking (a test), not a recruitment too
            hits = [
                h for h in hits
                if h.tag != "recruitment" or not _TEST.search(self.folded, h.start, h.end)
            ]
        if any(h.tag != "meeting" for h in hits) and (
            any(e["type"] == "meeting" for e in self.events)
            or any(h.tag == "meeting" and _THAT_MEETING.search(
                self.folded, max(start, h.start - 12), h.start) for h in hits)
        ):
            # «در دیدار ۱۴ بهمن از او خواسته شد…», "handed him USD 5,000 during the meeting",
            # «خلال تلك الجلسة»: a meeting already told is the setting of this sentence's event
            hits = [h for h in hits if h.tag != "meeting"
                    or not _SETTING.search(self.folded, max(start, h.start - 24), h.start)
                    or _ANOTHER.match(self.folded, h.end)]
        if any(h.tag == "recruitment" for h in hits):
            # "recruited … over dinner", «سر ناهار … پیشنهاد همکاری»: the meal is the pitch's
            # setting, not a meeting of its own
            hits = [h for h in hits if h.tag != "meeting"
                    or not _MEAL.fullmatch(self.folded, h.start, h.end)]
            paid = [h for h in hits
                    if h.tag == "recruitment" and _FOR_PAY.search(self.folded, h.start, h.end)]
            if paid:
                # "asked him to keep an eye on … in exchange for USD 2,000 a month": the
                # request is the job offered, one recruitment, not a tasking too
                hits = [h for h in hits if h.tag != "tasking" or h.start > paid[0].start]
                # «… مقابل راتب شهري»: the salary offered is the pitch's price, not a payment
                hits = [h for h in hits if h.tag != "payment"
                        or not 0 <= h.start - paid[0].end <= 25]
            if any(h.tag == "recruitment" and _CANDIDATE.search(self.folded, h.start, h.end)
                   for h in hits):
                hits = [h for h in hits if h.tag != "tasking"]
        tasked = [h for h in hits if h.tag == "tasking"]
        if tasked:
            # "he told me to go to Istanbul and wait": the trip is what was asked, not made
            hits = [h for h in hits if h.tag != "travel"
                    or not any(t.start <= h.start and h.start - t.end <= 12 for t in tasked)]
        if any(h.tag == "travel" for h in hits):
            hits = [
                h for h in hits
                if h.tag != "meeting"
                or not (_PURPOSE.search(self.folded, max(start, h.start - 14), h.start)
                        or self.folded.startswith("لل", h.start)  # «للقاء»: to meet
                        or _COMPANY.fullmatch(self.folded, h.start, h.end))
            ]
        return hits

    def tradecraft_hits(self, start: int, end: int) -> list[lex.Hit]:
        return lex.tradecraft().find(self.folded, start, end, self.langs)

    def statuses(self, hits: list[lex.Hit], start: int, end: int, persian: bool) -> list[str]:
        """The status of each trigger in a sentence.

        A cue between one trigger and the next belongs to the first (Persian puts the verb
        after its noun: «سفر … لغو شد و دیدار … برگزار شد»); cues before the first trigger
        («قرار شد جلسه…», "will meet", «به نقل از») cover every trigger of the sentence
        except that a cancel cue stays with its own trigger.
        """
        cues = [
            c for c in lex.status_cues().find(self.folded, start, end, self.langs)
            if not (c.tag == "reported" and _quote_closes(self.text, c.end, hits[-1].start))
            and not _SPAN.search(self.folded, max(start, c.start - 24), c.start)
            and not (c.tag == "planned" and _BY_NEXT.search(self.folded, max(start, c.start - 20),
                                                           c.start))
            and not (c.tag == "cancelled" and _DECLINED_TO_SAY.match(self.folded, c.start))
            # «به مدرسه نرفتم ولی با علی ملاقات کردم»: not going calls off only a trip told before it
            and not (c.tag == "cancelled" and c.start < hits[0].start
                     and _DID_NOT_GO.match(self.folded, c.start))
            # «عبر باجل»: Bajil, a town, not «أجّل» (postponed) with «ب» before it
            and not any(int(m.get("end", 0)) >= c.end and m.get("label") in ("LOC", "PER", "ORG")
                        for m in self.mentions.starting_in(max(0, c.start - 40), c.start + 1))
        ]
        leading = {c.tag for c in cues if c.start < hits[0].start and c.tag != "cancelled"}
        if not persian:
            # English and Arabic put a plan's word right before its verb: "travelled to Basra
            # and will meet him", «عاد إلى بغداد … واتفقنا على أن نلتقي»: the plan is the
            # meeting's, not the trip's.
            ahead = {id(c): i for c in cues for i in range(1, len(hits))
                     if c.tag == "planned" and hits[i - 1].end <= c.start
                     and c.start < hits[i].start and hits[i].start - c.end <= 16}
        else:
            ahead = {}
        out = []
        for index, hit in enumerate(hits):
            scope_start = start if index == 0 else hit.start
            scope_end = hits[index + 1].start if index + 1 < len(hits) else end
            found = {c.tag for c in cues if scope_start <= c.start < scope_end
                     and ahead.get(id(c), index) == index}
            found |= {c.tag for c in cues if ahead.get(id(c)) == index} | leading
            found |= {c.tag for c in cues if c.tag == "reported" and c.start < hit.start}
            if persian and self.subjunctive(hit.start, scope_end):
                found.add("planned")  # «… در نظر گرفته شود»: an instruction, not a fact
            if hit.tag == "tasking" and not any(
                    c.tag == "planned" and c.start < hit.start for c in cues) \
                    and not (persian and _PASSIVE_ORDER.search(self.folded, hit.start, scope_end)):
                # "Lin asked LAPWING to get hold of the plans", «از او خواست … بگیرد»: the
                # plan after the asking is the job's; the asking itself was done
                found.discard("planned")
            if hit.tag == "tasking" and persian \
                    and (_DECIDED.search(self.folded, max(start, hit.start - 80), hit.end)
                         or _DECIDED.search(self.folded, start, min(hit.end, start + 24))):
                # minutes' «مقرر شد آقای تنگستانی … گزارش کند»: the board gave the task there
                # (an item that opens on the decision gives it, however long the task)
                found.discard("planned")
            out.append(next((s for s in _STRENGTH if s in found), "happened"))
        return out

    def subjunctive(self, start: int, end: int) -> bool:
        """The trigger's verb — the first finite verb from the trigger on, Persian putting it
        last — is a present form without می: «دیدار … در نظر گرفته شود», «… محل را ترک کند»
        instruct or recommend; «خواسته شد … تهیه کند» asked (شد comes first)."""
        words = [t.group().strip(_PUNCT) for t in _TOKEN.finditer(self.folded, start, end)]
        for index, word in enumerate(words):
            kind = lex.verb_form(word, words[index - 1] if index else "")
            following = lex.verb_form(words[index + 1], word) if index + 1 < len(words) else None
            if kind in ("light", "verb") and following not in (None, "function"):
                continue  # «پرداخت گردد», «پرداخت شد»: a noun before its light verb
            if kind in ("light", "verb", "copula", "subjunctive"):
                return kind == "subjunctive"
        return False

    def route(self, start: int, end: int) -> tuple[dict, dict] | None:
        """The first and last places of the first run in ``text[start:end]`` joined by dashes, as
        an itinerary writes a trip ("Ganja–Tbilisi", "Beirut–Doha–Manila", «بغداد – أربيل»)."""
        places = _mentions_in(self.mentions, start, end, {"LOC"})
        for i, first in enumerate(places):
            last = first
            for after in places[i + 1:]:  # "Beirut–Doha–Manila" ends in Manila
                if not _ROUTE_JOIN.fullmatch(self.text, int(last["end"]), int(after["start"])):
                    break
                last = after
            if last is not first:
                return first, last
        return None

    def place(self, hit: lex.Hit, start: int, end: int, status: str) -> dict | None:
        """Where the event took place (``where``), narrowed to the part of a city its name
        says right after it: "in Dubai's Deira district", "at a villa in Baghdad's Mansour
        district"."""
        chosen = self.where(hit, start, end, status)
        # (not a venue named in its own right: "the Galata Exchange office in Istanbul's Karaköy")
        if chosen is not None and self.text.startswith("'s ", int(chosen["end"])) and not any(
                int(m["end"]) < int(chosen["end"])
                for m in self.mentions.starting_in(int(chosen["start"]), int(chosen["end"]))):
            part = next((m for m in self.mentions.starting_in(int(chosen["end"]) + 3,
                                                            int(chosen["end"]) + 4)
                         if m.get("label") == "LOC"), None)
            if part is not None:
                return part
        return chosen

    def where(self, hit: lex.Hit, start: int, end: int, status: str) -> dict | None:
        """Where the event took place: ``{"text", "start", "end", "place"}`` or None.

        Travel: first the destination, a place right after "to" («إلى», «به») near the
        trigger. Meetings and travel: a venue introduced by a locative word, when it names a place
        or the sentence names no other («مجتمع تجاری المنصور بغداد»); else the LOC a locative word (or a located venue: «در
        ایستگاه اتوبوس ساحه النصر») introduces, nearest the trigger; else, for what happened,
        the place the paragraph last gave (the approach: «در میدان زیونه سوار تاکسی شدم»;
        the trip just told); else the first LOC, gazetteer-linked first. Taskings and payments name places as their subject ("identify officers at the
        Basra consulate"): they take only a LOC a locative word introduces before the
        trigger; recruitment, one a locative word introduces anywhere.
        """
        places, located = self.places(start, end)
        if hit.tag == "tasking":
            located = [m for m in located if int(m["start"]) < hit.start]
        elif hit.tag == "payment":
            located = [m for m in located if int(m["start"]) < hit.start
                       or self.paid_there(hit, m, start)]
        elif hit.tag == "recruitment":
            # "offered him $2,000 a month to report on journalists in London", «عرض عليّ
            # أشتغل وياهم لشركة نقل بالشلامچة», "a job in Basra", «وكيله في المنامة»: where the
            # work would be, not the pitch
            located = [m for m in located if int(m["start"]) < hit.start
                       or not (_THE_WORK.search(self.folded, hit.start, int(m["start"]))
                               or _THE_WORK_EN.search(self.text, hit.start, int(m["start"])))]
        if hit.tag == "meeting":
            # «وعاد إلى الكويت يوم ١٤ يوليو، ومساء الخميس … التقى … في مواقف مجمع الأفنيوز»:
            # where a trip told before the meeting went is not where the meeting was, when a
            # place after the meeting's verb is given
            after = [m for m in located if int(m["start"]) > hit.end]
            trips = [m for m in located if int(m["start"]) < hit.start
                     and _TO.search(self.text, max(start, int(m["start"]) - _TO_REACH), int(m["start"]))
                     and _TRIP_BEFORE.search(self.folded, max(start, int(m["start"]) - 40),
                                             int(m["start"]))]
            if after and trips:
                located = [m for m in located if m not in trips]
        landmark = [m for m in located if _NEAR.search(self.text, max(start, int(m["start"]) - 16),
                                                       int(m["start"]))]
        # …a landmark gives way to a venue («در کافه کتاب شمس، نزدیک میدان ساعت»), not to a
        # country ("his last trip to Iraq … at a truck stop near Rutba")
        venues = [m for m in located if m not in landmark and _venue_name(self.folded, m)]
        nearest = min(venues if landmark and venues else located,
                      key=lambda m: abs(int(m["start"]) - hit.start), default=None)
        if hit.tag == "travel":
            route = self.route(start, end)
            if route is not None and abs(int(route[1]["start"]) - hit.start) <= _TRIP_REACH:
                return route[1]  # "flew MAN–Erbil": where the route ends
            # "crossed at Faysh Khabur into Syria, heading for al-Malikiyah": the goal it names
            heading = next((m for m in places if _HEADING.search(
                self.text, max(start, int(m["start"]) - 30), int(m["start"]))), None)
            if heading is not None:
                return heading
            # Where the trip went («سافر إلى طهران», «به بصره سفر کند»), not where its
            # traveller works ("a money changer on al-Rashid Street, travelled to Tehran").
            # (from every place the sentence names: «على إسطنبول» is no locative, yet a goal)
            destination = min(
                (m for m in places
                 if hit.start - _TRIP_REACH <= int(m["start"]) <= hit.end + _TRIP_REACH
                 and _TO.search(self.text, max(start, int(m["start"]) - _TO_REACH), int(m["start"]))
                 and _destination(m, self.text)),
                key=lambda m: abs(int(m["start"]) - hit.start), default=None,
            ) or next((m for m in places if _right_after(self.text, hit, m)), None)
            crossing = self.crossing(hit, places, end)
            if crossing is not None and destination is None:
                # «سافر … عبر منفذ الوديعة إلى صنعاء»: the city beyond the crossing
                destination = next((
                    m for m in located
                    if int(crossing["end"]) <= int(m["start"]) <= int(crossing["end"]) + _TRIP_REACH
                    and _TO.search(self.text, max(start, int(m["start"]) - _TO_REACH), int(m["start"]))
                    and _destination(m, self.text)
                ), None)
            if crossing is not None and (destination is None or _country(destination, self.text)):
                # "crossed into Syria at al-Qaim": the crossing says more than the country;
                # "by road to Kuwait City via Safwan" goes to the city
                return crossing
            if destination is not None:
                return destination
            # "left his house in al-Joura in a pickup … heading to Albukamal": a destination
            # further on, before any venue the trip started from
            farther = next((
                m for m in located
                if int(m["start"]) > hit.end
                and _TO.search(self.text, max(start, int(m["start"]) - _TO_REACH), int(m["start"]))
                and _destination(m, self.text) and not _venue_name(self.folded, m)
            ), None)
            if farther is not None:
                return farther
        if hit.tag in ("meeting", "travel", "recruitment"):
            venue = self.venue(start, end, hit.start, places)
            if venue is not None and (
                hit.tag == "meeting" and nearest is None
                or hit.tag != "recruitment" and (venue["place"] or venue["named"])
                or _proper_venue(self.text, venue)
            ):  # (a trip's unnamed venue is where it started: «غادر منزله في حي الجورة»)
                return venue  # a pitch made at a named hotel was made there
        if nearest is None and hit.tag in ("meeting", "payment", "recruitment"):
            same = self.same_venue(start, end)
            if same is not None:
                return same
        if nearest is not None:
            if hit.tag in ("meeting", "recruitment"):
                return self.venue_of_city(nearest, places) or nearest
            return nearest
        if hit.tag in ("meeting", "travel"):
            if self.story_place is not None and (
                status == self.story_place.get("status", "happened") == "happened"
                and not any(_venue_name(self.folded, m) for m in places)
                # «به قم رفته … آنجا با یک روحانی عراقی ناهار خورده»: there, said outright
                or status in ("happened", "reported") and _THERE.search(self.folded, start, end)
            ):
                return self.story_place
            return next((m for m in places if _linked(m)), places[0] if places else None)
        return None

    def same_venue(self, start: int, end: int) -> dict | None:
        """The venue a sentence names again by its kind ("at the same hotel", «باز همان
        امامزاده», «في المقهى نفسه»): the last place told before it that has that word."""
        for m in _SAME_KIND.finditer(self.folded, start, end):
            at = m.start("a") if m.group("a") else m.start("b")
            # (the kind's article is the venue word's own: «ذات المقهى» finds «المقهى»)
            article = at - 2 if self.folded.startswith("ال", at - 2) else at
            kind = next((v for v in lex.venues().find(self.folded, article, m.end(), self.langs)
                         if v.start in (at, article)), None)
            if kind is None:
                continue
            word = self.folded[at:kind.end]
            told = [_place_of(e) for e in self.events if e.get("place_span")] + [
                dict(mention, text=self.text[int(mention["start"]):int(mention["end"])])
                for mention in _mentions_in(self.mentions, 0, start, {"LOC", "ORG"})
            ]
            # a place told before with that word in its name («هتل سپیدار» for «همان هتل»)
            told = [p for p in told if int(p["end"]) <= start
                    and _of_kind(self.folded[int(p["start"]):int(p["end"])], word)]
            if told:
                return max(told, key=lambda p: int(p["start"]))
        return None

    def paid_there(self, hit: lex.Hit, place: dict, start: int) -> bool:
        """Whether a place told after a payment's verb is where it was paid: "paid a
        checkpoint captain at Safwan", "handed him €2,000 at Café Shemroon" — close after it,
        in the same clause, with no transfer between (where money was wired from or to, or the
        exchange house it went through, is no place of paying)."""
        at = int(place["start"])
        if at - hit.end > _PAID_REACH or _TO.search(self.text, max(start, at - 12), at):
            return False
        if _EXCHANGE.search(self.folded, hit.start, at) and not _CLAUSE_BREAK.search(self.text, hit.end, at):
            # "collected €7,000 from a money changer in Laleli", "wired through an exchange
            # house in Deira": where it was paid in or out
            return True
        return not (_TRANSFER.search(self.folded, max(start, hit.start - 40), at)
                    or _FROM_OR_VIA.search(self.folded, hit.end, at)
                    or _CLAUSE_BREAK.search(self.text, hit.end, at))

    def venue_of_city(self, city: dict, places: list[dict]) -> dict | None:
        """The named venue a city is given for: "at a dinner in the Oak Room of the Hotel
        Carrow in Washington" was at the Hotel Carrow, «حسینیه آل‌یاسین در کاظمین» at the
        hosseiniyeh."""
        at = int(city["start"])
        return next((
            m for m in places
            if m is not city and int(m["end"]) < at
            and _VENUE_IN_CITY.fullmatch(self.text, int(m["end"]), at)
            and _venue_name(self.folded, m)
        ), None)

    def crossing(self, hit: lex.Hit, places: list[dict], end: int) -> dict | None:
        """The border crossing a trip went through, the most precise place it names: "via the
        Zurbatiyah crossing", «عبر منفذ المنذرية», «از مرز مهران»; after a crossing verb,
        the place it names with "at" ("crossed into Syria at al-Qaim")."""
        crosses = bool(_CROSS_VERB.match(self.folded, hit.start))
        for m in places:
            at = int(m["start"])
            if not hit.start <= at <= hit.end + _TRIP_REACH * 2:
                continue
            before = self.folded[max(hit.start, at - 20) : at]
            name = self.folded[at : int(m["end"])]
            after = self.folded[int(m["end"]) : min(end, int(m["end"]) + 20)]
            if _VIA.search(before) and (_CROSSING_WORD.search(name) or _CROSSING_WORD.search(before)
                                         or _CROSSING_AFTER.match(after)):
                return m
            if crosses and _AT.search(before):
                return m
        return None

    def places(self, start: int, end: int) -> tuple[list[dict], list[dict]]:
        """LOC mentions of a span (not the country of an embassy), and those a locative
        word introduces."""
        text = self.text
        places = [
            m for m in _mentions_in(self.mentions, start, end, {"LOC", "ORG"})
            # an organisation named as a venue is a place ("the Greyfriars Tea Rooms",
            # «مجمع اللؤلؤة التجاري»), and so is one right after "at" or «في» ("met him at
            # Keskin Oto", a garage the tagger took for a firm)
            if (m["label"] == "LOC" or _venue_name(self.folded, m)
                or m["label"] == "ORG" and _located(text, start, int(m["start"]), reach=14))
            and not _ORG_BEFORE.search(text[max(start, int(m["start"]) - 20) : int(m["start"])])
            and not _PRINCIPAL_BEFORE.search(text[max(start, int(m["start"]) - 30) : int(m["start"])])
        ]
        venues = [
            v for v in lex.venues().find(self.folded, start, end, self.langs)
            if _venue_located(text, start, v.start)
        ]
        return places, [
            m for m in places
            if _located(text, start, int(m["start"]))
            or _SPOKEN_AT.search(text, max(start, int(m["start"]) - 6), int(m["start"])) or any(
                v.end <= int(m["start"]) <= v.end + 16
                and not _VENUE_PUNCT.search(text, v.end, int(m["start"]))
                and not any(v.start <= int(o["start"]) < int(m["start"]) for o in places)
                for v in venues
            )
        ]

    def venue(self, start: int, end: int, anchor: int, places: list[dict]) -> dict | None:
        venues = [
            v for v in lex.venues().find(self.folded, start, end, self.langs)
            if _venue_located(self.text, start, v.start)
        ]
        if not venues:
            return None
        # A venue beside a landmark venue ("a café near Clock Square"): the café, when it
        # is named; "a guesthouse near the Imam Ali shrine" is told by the shrine.
        beside = [v for v in venues
                  if _NEAR.search(self.text, max(start, v.start - 16), v.start)]
        named_here = [v for v in venues if v not in beside and _place_at(v, places)]
        pool = named_here if beside and named_here else venues
        chosen = min(pool, key=lambda v: abs(v.start - anchor))
        # «در کافه گرانده در خیابان آبوویان»: the named café, not the street it is on
        named_rooms = [v for v in pool if not _STREETLIKE.search(self.folded, v.start, v.end)
                       and (_place_at(v, places) or _named_after(self.text, v, places))]
        if named_rooms and _STREETLIKE.search(self.folded, chosen.start, chosen.end):
            chosen = min(named_rooms, key=lambda v: abs(v.start - anchor))
        # «در نمایشگاه بین‌المللی اربیل … در غرفه شرکت‌های ایرانی»: a booth is told by its fair
        if self.folded[chosen.start:chosen.end] in _BOOTHS:
            fair = [v for v in pool if v is not chosen and _place_at(v, places)
                    and self.folded[v.start:v.end] not in _BOOTHS]
            chosen = max(fair, key=lambda v: v.start) if fair else chosen
        # the venue word is part of a place's name, or the name follows it («کافه‌ی «الرصیف»»)
        named = _place_at(chosen, places) or _named_after(self.text, chosen, places)
        if named is None:
            # «در کافه‌ی طبقه‌ی دوم مرکز خرید پالادیوم», «في شبستان مسجد الجواد»: an unnamed
            # room of a named venue is told by the venue
            named = next((m for m in places
                          if chosen.end <= int(m["start"]) <= chosen.end + 30
                          and _venue_name(self.folded, m)
                          and not _VENUE_PUNCT.search(self.text, chosen.end, int(m["start"]))),
                         None)
        if named is not None:
            return _named_place(self.text, named)
        arabic = (self.langs or lex.languages(self.text[start:end])) == frozenset({"ar", "en"})
        v_start, v_end = _venue_span(self.text, self.cased, chosen, end, places, arabic)
        inside = [m for m in places if v_start <= int(m["start"]) < v_end]
        # «غرفه یک ناشر در نمایشگاه بین‌المللی کتاب»: through the name the window cut
        v_end = max([v_end, *(int(m["end"]) for m in inside)])
        if not inside and (named := self.named_just_before(v_start, v_end, start)) is not None:
            return named
        ref = next((m.get("place") for m in inside if _linked(m)), None)
        return {"text": self.text[v_start:v_end], "start": v_start, "end": v_end, "place": ref,
                "named": bool(inside)}

    def named_just_before(self, v_start: int, v_end: int, start: int) -> dict | None:
        """The venue of its kind named in the lines just before an unnamed one: «به حرم حضرت
        عبدالعظیم در شهرری رفت … در صحن حرم با نجیب‌الله دیدار کرد» met in that shrine's
        courtyard."""
        words = {self.folded[v.start:v.end]
                 for v in lex.venues().find(self.folded, v_start, v_end, self.langs)}
        told = [m for m in _mentions_in(self.mentions, max(0, start - _NAMED_REACH), start,
                                        {"LOC", "ORG"})
                if any(_of_kind(self.folded[int(m["start"]):int(m["end"])], word)
                       for word in words)]
        if not told:
            return None
        named = max(told, key=lambda m: int(m["start"]))
        return _named_place(self.text, named)

    def remember_place(self, start: int, end: int) -> None:
        """A sentence without an event that says where ("I took a taxi at Zayouna Square")."""
        places, located = self.places(start, end)
        venue = self.venue(start, end, start, places)
        if venue is not None:
            self.story_place = venue
        elif located:
            self.story_place = located[-1]

    def add_tradecraft(self, events: list[dict], start: int, end: int) -> None:
        tags = {hit.tag for hit in self.tradecraft_hits(start, end)}
        for event in events:
            if event["status"] == "happened" and tags:
                event["tradecraft"] = sorted(
                    set(event["tradecraft"]) | tags, key=lex.TRADECRAFT.index
                )

    def event(
        self, hit: lex.Hit, status: str, span: tuple[int, int], context_start: int,
        date: tuple[str | None, str | None],
    ) -> dict:
        start, end = span
        names, name_spans = _participants(self.text, self.cased, self.mentions, start, end)
        tradecraft = sorted(
            {h.tag for h in self.tradecraft_hits(context_start, end)}, key=lex.TRADECRAFT.index
        )
        page = next((number for s, e, number in self.pages if s <= start < e), None)
        place = self.place(hit, start, end, status)
        return {
            "type": hit.tag,
            "participants": names,
            "participant_spans": name_spans,
            "place": place["text"] if place else None,
            "place_span": [int(place["start"]), int(place["end"])] if place else None,
            "place_ref": place.get("place") if place else None,
            "date": date[0],
            "date_end": self.dates.month_end.get(date) if date[0] else None,
            "date_text": date[1],
            "tradecraft": tradecraft,
            "status": status,
            "trigger": self.text[hit.start : hit.end],
            "evidence": {
                "start": start, "end": end, "quote": self.text[start:end], "page": page,
            },
        }


def extract_events(
    text: str,
    mentions: Sequence[dict],
    paragraphs: Sequence[Any] = (),
    document_date: str | None = None,
    pages: Sequence[tuple[int, int, int]] = (),
) -> list[dict]:
    """Events in ``text``, in reading order; see the module docstring for the rules.

    ``mentions`` are entity mentions with code-point ``start``/``end`` into ``text`` and a
    ``label`` (PER, LOC…; a LOC may carry its gazetteer ``place``). ``paragraphs`` are the
    language stage's (``start``, ``end``, ``language``). ``pages`` are ``(start, end,
    number)`` triples to fill ``evidence.page``. ``document_date`` (ISO) anchors relative
    dates; without it the report's own date line does.
    """
    if not text or not text.strip():
        return []
    return _Extractor(text, mentions, paragraphs, document_date, pages).run()


def _dates_per_trigger(
    hits: list[lex.Hit], written: list[tuple[int, str | None, str]], folded: str,
    months: dict[tuple[str, str], str], verb_last: bool = False,
    steps: set[int] | frozenset[int] = frozenset(),
) -> list[tuple[int, str | None, str] | None]:
    """Which written date belongs to which trigger of a sentence.

    A date before the first trigger dates them all ("On 12 May I met him and paid him"),
    the nearest one when there are several («در اسفند ۱۳۹۲ … معرفی و در مرداد ۱۳۹۳ … جذب
    شد»: the recruitment is of Mordad); a later one belongs to the nearest trigger («سفر …
    لغو شد و دیدار دوم روز جمعه ۲۶ اردیبهشت … برگزار شد»: the Friday is the meeting's, not
    the cancelled trip's); in English and Arabic (not ``verb_last``) the trigger before it in
    its clause ("travelled to Erbil on 2 October and met him there"). A month dates only a trigger of its own clause («تعرفت في آذار
    2014 …، والتقيته»: the month is the acquaintance's).
    """
    owned: list[tuple[int, str | None, str] | None] = [None] * len(hits)
    for date in written:
        month = (date[1], date[2]) in months
        if month and _BOUND.search(folded, max(0, date[0] - 10), date[0]):
            continue  # "until April 2005", "the April 2003 death": a bound or a name

        if date[0] < hits[0].start:
            if month and _CLAUSE_BREAK.search(folded, date[0] + len(date[2]), hits[0].start + 1):
                continue
            owned = [date if own is None or own[0] < hits[0].start else own for own in owned]
            continue
        nearest = min(range(len(hits)), key=lambda i: abs(hits[i].start - date[0]))
        if not verb_last:
            # English and Arabic put the day after the verb: "travelled to Erbil on 2 October,
            # and met him the next day": the day goes with the trigger before it, unless a
            # clause ends between them.
            before = max(i for i in range(len(hits)) if hits[i].start <= date[0])
            between = (hits[before].end, date[0] + 1)
            if not (_CLAUSE_BREAK.search(folded, *between) or _AND.search(folded, *between)):
                nearest = before
            elif owned[nearest] is not None and date[0] >= hits[nearest].end \
                    and _CLAUSE_BREAK.search(folded, hits[nearest].end, date[0] + 1):
                continue  # «بعد غد الجمعة سألتقي …، ثم أرجع جدة يوم السبت»: the next clause's
        if month and (date[0] - hits[nearest].end > 80
                      or _CLAUSE_BREAK.search(folded, hits[nearest].end, date[0] + 1)):
            continue
        if verb_last and date[0] >= hits[nearest].end and (
                _CLAUSE_BREAK.search(folded, hits[nearest].end, date[0] + 1)
                or _AND_WORD.search(folded, hits[nearest].end, date[0])
                or _SENTENCE_END.search(folded, hits[nearest].end, date[0])):
            # «۲۰۰۰ دلار در ۱۲ دی … واریز شده و ۲۲۰۰ دلار دیگر در ۲۰ بهمن … رسیده»: a verb-last
            # clause is dated before its verb; a day after «و» is the next clause's. A step of
            # the story after «و» or a full stop dates the trigger after it: «به ایروان سفر کرده
            # و دو روز بعد در لابی هتل … دیدار کرده» (an absolute day may answer a question's
            # trigger: «به خارج سفر کرده‌ای؟ جواب: بلی، یک بار. روز شنبه ۱ سنبله … رفتم»)
            later = next((i for i in range(len(hits)) if hits[i].start > date[0]), None)
            if later is not None and date[0] in steps:
                nearest = later
            elif owned[nearest] is not None:
                continue
        if owned[nearest] is None or owned[nearest][0] < hits[0].start:
            owned[nearest] = date
    # A later day that dated a meeting dates what follows it too, not the sentence's first
    # day: «صباح تاريخه اتصل … وأخبره أنه اجتمع يوم الأحد ٧/٥ … وأن أبو حمزة أعطاه ألفي دولار»
    # (the call was today; the meeting and the money were on Sunday).
    for index in range(1, len(hits)):
        own = owned[index]
        if own is None or own[0] >= hits[0].start:
            continue
        # («… والتقى المرهون في اليوم التالي في مطعم …، حيث سلّمه ١٥٠٠ دولار»: "where" goes on
        # from the meeting, on its day, even a day the story counted)
        later = [owned[j] for j in range(index) if owned[j] is not None and hits[j].tag == "meeting"
                 and hits[0].start <= owned[j][0] < hits[index].start and owned[j][1]
                 and (owned[j][1], owned[j][2]) not in months
                 and (owned[j][0] not in steps
                      or _WHERE_THERE.search(folded, owned[j][0], hits[index].start))
                 and "\n" not in folded[hits[j].start:hits[index].start]]
        if later:
            owned[index] = max(later)
    return owned


# A trigger that points back at the event just told: «دیدار را» (the definite object),
# «این دیدار», "this meeting", «هذا اللقاء».
_DEFINITE_AFTER = re.compile(r"\s+را(?!\w)")
_DEFINITE_BEFORE = re.compile(
    r"(?<!\w)(?:این|همین|همان|this|that|the same|هذا|هذه|ذلک|تلک|نفس)\s+$", re.IGNORECASE
)
# A comma and a conjunction or a relative word between a date and a trigger: another
# clause («…، والتقيته», "met Boko, who had served until…").
_CLAUSE_BREAK = re.compile(
    r"[،,;؛]\s*(?:(?:and|then|but|who|which|whom|whose|when|where|while|ثم|سپس|اما|لکن|که|"
    r"الذی|التی|حیث|کما)(?!\w)|و)"
)
# A meeting named as the occasion of what the sentence tells ("recruited him during a meeting at
# the Sindian hotel", «جنّده … خلال لقاء في فندق السنديان», «در دیدار بعدی … پیشنهاد همکاری
# مطرح شود»): the words right before its trigger.
_DURING = re.compile(r"(?<!\w)(?:during|over|at|in|خلال|أثناء|اثناء|طی|طي|ضمن|در|في|فی)\s+"
                     r"(?:an?\s+|the\s+)?$",
                     re.IGNORECASE)
# A clause that goes on where the meeting just told was: «، حيث سلّمه», ", where he paid him".
_WHERE_THERE = re.compile(r"[،,]\s*(?:حیث|where)(?!\w)")
_AND = re.compile(r"(?<!\w)(?:and|then|but|ثم|وفی|وبعد|وعند)(?!\w)")
_AND_WORD = re.compile(r"(?<!\w)و(?!\w)")
# A board's decision that gives someone a task («مقرر شد», «مقرر گردید», «قرار شد»; «مقرر» is the
# minutes' word, dated by the session).
_DECIDED = re.compile(r"(?<!\w)(?P<board>مقرر|قرار)\s+(?:شد|گردید)(?!\w)")
# The night before the writing, and a sentence that opens on the morning after it.
_LAST_NIGHT = re.compile("|".join(lex.fold(w) for w in (
    "دیشب", "last night", "البارحة بالليل", "ليلة أمس", "أمس بالليل", "مساء أمس", "ليلة البارحة")))
_MORNING_OPEN = re.compile(r"[\W\d]*(?:" + "|".join(lex.fold(w) for w in (
    "صبح", "صبحش", "in the morning", "الصبح", "صباحاً", "صباحا", "في الصباح")) + r")(?!\w)",
    re.IGNORECASE)
# Not going («نرفتم»), which calls off only a trip told before it.
_DID_NOT_GO = re.compile(r"نرفت(?:م|یم|ند)(?!\w)")
# A passive order has no one asking: «عکس دروازه گرفته شود» is the plan itself.
_PASSIVE_ORDER = re.compile(r"\w+ه\s+(?:شود|گردد)(?!\w)")
_SENTENCE_END = re.compile(r"[.!?؟]\s")
_BOUND = re.compile(
    r"(?<!\w)(?:until|till|since|from|by|the|its|his|her|their|تا|از|منذ|حتی|لغایه)\s+"
    r"(?:early\s+|late\s+)?$"
)


def _line_stamp(text: str, date: tuple[int, str | None, str]) -> bool:
    """Whether a date opens its line, as a log's or a chat's stamp does."""
    line_start = text.rfind("\n", 0, date[0]) + 1
    return not text[line_start:date[0]].strip(" \t-•*[(")


def _nearer(back: str, ahead: str, today: dt.date) -> str:
    """Of a weekday read back and the same weekday to come, the one nearer ``today`` (today
    itself when it is that weekday)."""
    behind, coming = dt.date.fromisoformat(back[:10]), dt.date.fromisoformat(ahead[:10])
    if coming - dt.timedelta(days=7) == today:
        return today.isoformat()
    return ahead if coming - today < today - behind else back


def _persian(text: str, start: int, end: int) -> bool:
    return "fa" in (lex.languages(text[start:end]) or ())


def _counted(folded: str, start: int, hit: lex.Hit) -> bool:
    """A count right before a trigger: «پنج دیدار», "23 meetings"; not a code number
    («منبع ۷۷ خواسته شد»), not a year or a day («١٤٣٥ التقى»), and not the people an English
    verb in the past tells of ("the two met again", "Defendant 1 met Defendant 2")."""
    at = hit.start
    m = COUNT_BEFORE.search(folded, max(start, at - 12), at)
    if m is None or _ENGLISH_VERB.fullmatch(folded, hit.start, hit.end):
        return False
    if not m.group().strip().isdigit():
        return True
    if len(m.group().strip()) > 3 or (m.start() > start and folded[m.start() - 1] in ",.٬٫"):
        return False  # a year, or an amount: "JOD 4,000 were transferred"
    before = folded[max(start, m.start() - 30) : m.start()].split()
    word = before[-1] if before else ""
    return not (word in _CODE_WORDS or YEARLESS_DATE.search(f"{m.group().strip()} {word}")
                or re.fullmatch(r"[0-9۰-۹٠-٩/:.-]+|no\.?|#|ساعت|الساعة|at|on", word))


# An English trigger that is a verb in the past (see _counted).
# ("the two had dinner with JABBAR": the two people, not two dinners)
_ENGLISH_VERB = re.compile(r"(?:met|paid|flew|went|drove|sailed|had|sat|\w+ed)(?:\s.*)?",
                           re.DOTALL)
_CODE_WORDS = frozenset(
    lex.fold(w) for w in "منبع عامل مأمور سوژه عنصر source asset agent informant "
    "المصدر مصدر العميل عميل المخبر شماره رقم number report گزارش".split()
)


# The kind of event a denial names: «أي مبالغ» (any money) denies a payment, nothing else.
_NEGATED_KIND = {lex.fold(words): kind for kind, phrases in (
    ("payment", ("no payment", "no payments", "no money", "هیچ مبلغی", "هیچ وجهی", "أي مبالغ",
                 "أي مبلغ")),
    ("meeting", ("no meeting", "no meetings", "هیچ دیداری", "هیچ ملاقاتی", "أي لقاء",
                 "أي اجتماع")),
    ("travel", ("هیچ سفری", "أي سفر", "أي زيارة")),
) for words in phrases}
_COMMA_BEFORE = re.compile(r"[,،]\s*$")
_PROMISE = re.compile(r"(?:و|ف)?وعد|promised\b", re.IGNORECASE)


def _first_per_type(
    hits: list[lex.Hit], written: list[tuple[int, str | None, str]] = (), folded: str = ""
) -> list[lex.Hit]:
    """One trigger per type in a sentence — and a second one when a conjunction and a day
    of its own set it apart: "flew into Larnaca on 8 March and is booked on a flight back to
    Beirut on 16 March" tells two trips."""
    days = [at for at, iso, _text in written if iso and len(iso) >= 10]
    seen: dict[str, lex.Hit] = {}
    out = []
    for hit in hits:
        first = seen.get(hit.tag)
        if first is None:
            seen[hit.tag] = hit
            out.append(hit)
        elif folded and hit.tag == "payment" and _PROMISE.match(folded, hit.start) \
                and not _PROMISE.match(folded, first.start):
            # money paid, then more promised: «تسلّم منه خمسة آلاف دينار، ووعده … بعشرين ألفاً»
            seen[hit.tag] = hit
            out.append(hit)
        elif folded and len(set(iso for _, iso, _ in written if iso)) >= 2 and ((
                _AND.search(folded, first.end, hit.start)
                or _AND_WORD.search(folded, first.end, hit.start))
                and any(first.end < at < hit.start for at in days)
                # ("flew to Istanbul the following Monday, returning to Linate on the 23rd")
                or _COMMA_BEFORE.search(folded, max(0, hit.start - 3), hit.start)
                and any(at < hit.start for at in days)) \
                and any(at > hit.end for at in days) \
                or folded and _day_opens_clause(folded, first.end, hit.start, days):
            # "crossed into Sweden at Svinesund the same evening, and on Saturday 27 January he
            # flew from Gothenburg to Tehran": the second clause opens on its own day
            seen[hit.tag] = hit
            out.append(hit)
    return out


def _day_opens_clause(folded: str, start: int, end: int, days: list[int]) -> bool:
    """Whether a conjunction between ``start`` and ``end`` is followed, before ``end``, by a
    day: ", and on Saturday 27 January he flew"."""
    conjunction = _AND.search(folded, start, end) or _AND_WORD.search(folded, start, end)
    return conjunction is not None and any(
        conjunction.end() <= at < end and at - conjunction.end() <= 20 for at in days)


def _continues(
    event: dict, own_date: tuple | None, events: list[dict], definite: bool = False
) -> bool:
    """A sentence that goes on describing the event just told ("the meeting took place in a
    tea house on the second floor") adds to it instead of making a second one: same type,
    both narrated, no date of its own, no other participants — unless the trigger points
    back at it («منبع ۲۰۷ دیدار را همراهی … کند», "this meeting": then others may join).
    (A second meeting with the same people is told with its own day: "the next week I met
    him again".)"""
    if not events or own_date is not None or event["type"] == "tasking":
        return False  # taskings are listed one after another: each one is its own
    if events[-1].get("found_by") == "model":
        return False  # a guess is no event to go on about: the words for it are told here
    if not definite and _LOG_TIME.match(event["evidence"]["quote"]):
        return False  # a log's line at its own hour: "13:05 — met a woman in the lobby"
    previous = events[-1]
    if previous["status"] == event["status"] == "planned":
        # «در دیدار نخست هیچ درخواستی مطرح نخواهد شد» goes on about the plan just told
        same = event["place"] is None or event["place"] == previous["place"]
    else:
        same = previous["status"] == event["status"] == "happened"
    return (
        same
        and previous["type"] == event["type"]
        and (definite or _same_people(previous, event))
        and previous["evidence"]["end"] < event["evidence"]["start"]
        # (a diary's next entry is another day: «سه‌شنبه ۱۸ آذر / برگشتم تبریز»)
        and not (event["date"] and previous["date"] and event["date"] != previous["date"])
    )


def _drop_plans_of(event: dict, events: list[dict]) -> None:
    """A plan the report then tells as done is that event ("it was arranged that the meeting
    take place at the exhibition … I met the source by the photographs"): drop the plan, if
    it gave no other day, nor another place (tonight's meeting at the mosque is not the one held
    at the tea house at noon). Not a tasking: taskings are listed one after another, and the
    job asked for is each one's own ("Lin asked LAPWING to get the plans … I instructed LAPWING
    to stall")."""
    if event["type"] == "tasking":
        return
    events[:] = [
        e for e in events
        if not (e["type"] == event["type"] and e["status"] == "planned"
                and e["date"] in (None, event["date"])
                and (not e["place"] or not event["place"]
                     or lex.fold(e["place"]) == lex.fold(event["place"])))
    ]


def _same_people(previous: dict, event: dict) -> bool:
    if not previous["participants"] or not event["participants"]:
        return True
    return bool(set(previous["participants"]) & set(event["participants"]))


def _cancels(event: dict, own_date: tuple | None, events: list[dict]) -> bool:
    """A sentence that calls off the plan just told ("…he phoned to say he could not come")."""
    if not events or event["status"] != "cancelled":
        return False
    previous = events[-1]
    same_day = own_date is None or own_date[1] is None or own_date[1] == previous["date"]
    # («… یکشنبه از وان میاد استانبول. سفری هم که قرار بود … بیای تهران کنسله»: another trip)
    elsewhere = event["place"] is not None and previous["place"] is not None \
        and event["place"] != previous["place"]
    return same_day and not elsewhere and previous["type"] == event["type"] \
        and previous["status"] == "planned"


def _set_place(event: dict, place: dict) -> None:
    event["place"] = place["text"]
    event["place_span"] = [int(place["start"]), int(place["end"])]
    event["place_ref"] = place.get("place")


def _place_of(event: dict) -> dict:
    """An event's place as ``place()`` gives one, to hand on to another event."""
    start, end = event["place_span"]
    return {"text": event["place"], "start": start, "end": end, "place": event["place_ref"]}


def _merge_into(previous: dict, event: dict) -> None:
    previous["tradecraft"] = sorted(
        set(previous["tradecraft"]) | set(event["tradecraft"]), key=lex.TRADECRAFT.index
    )
    for name, span in zip(event["participants"], event["participant_spans"], strict=True):
        if name not in previous["participants"]:
            previous["participants"].append(name)
            previous["participant_spans"].append(span)


# `cables` gives the document date (relative dates count from it): a new cables run must
# re-run events too.
@stage("events", version=VERSION, depends=("language", "cables", "entities"))
def events_stage(inp: StageInput) -> dict:
    """Meetings, recruitment, tasking, payments and travel, each with its quote."""
    mentions = (inp.results.get("entities") or {}).get("mentions") or []
    paragraphs = (inp.results.get("language") or {}).get("paragraphs") or []
    cable = (inp.results.get("cables") or {}).get("cable") or {}
    pages = [(p.start, p.end, p.number) for p in inp.pages]
    events = extract_events(inp.text, mentions, paragraphs, cable.get("date"), pages)
    return {"events": events, "extractor": "kashf.events", "version": VERSION}
