"""Weekdays and days of this month, counted from the report's own date."""

from __future__ import annotations

import datetime as dt

import pytest

from kashf.nlp.events import extract_events
from kashf.nlp.events_lexicon import fold
from kashf.nlp.relative_days import relative_days

THURSDAY = dt.date(2018, 7, 5)


@pytest.mark.parametrize("text, days", [
    ("We met last Tuesday and will meet next Thursday.", ["2018-07-03", "2018-07-12"]),
    ("التقى الرجل مساء الاثنين الماضي في مقهى", ["2018-07-02"]),
    ("يغادر يوم السبت المقبل", ["2018-07-07"]),
    ("روز شنبه گذشته", ["2018-06-30"]),
    ("سه‌شنبه آینده", ["2018-07-10"]),
    ("یکشنبه گذشته", ["2018-07-01"]),  # not «شنبه گذشته» inside it
    ("last Thursday", ["2018-06-28"]),  # the document's own weekday: a week back
    ("جرى في الثالث من الشهر الجاري تجنيد", ["2018-07-03"]),
    ("يوم ١٢ من الشهر الحالي", ["2018-07-12"]),
    ("on the 3rd of this month", ["2018-07-03"]),
    ("في النصف الثاني من الشهر الجاري", []),  # the second half, not the second day
    ("On the 3rd I met him", ["2018-07-03"]),
    ("on the night of the 28th", ["2018-06-28"]),
    ("Saturday, the 30th.", ["2018-06-30"]),  # a weekday before "the 30th"  # still to come this month: last month's
    ("on the 14th of March", []),  # a date with its month is the date parser's
    ("المذكور اجتمع يوم الثلاثاء ٣/٧ في بعقوبة", ["2018-07-03"]),
    ("يوم ٢٨/١٢", ["2017-12-28"]),  # months ahead: last year's
    ("رصدت مفرزتنا ظهر الاثنين ٢/٧ المذكور", ["2018-07-02"]),  # a weekday without «يوم»
    ("on Monday", ["2018-07-02"]),  # bare: back, in a report of what happened
    ("on Monday 14:30", ["2018-07-02"]),  # a time after it is no date
    ("Monday 2pm, same place", ["2018-07-02"]),
    ("Monday 1400 at the port", ["2018-07-02"]),
    ("every Monday", []),  # a habit, not a day
    ("جمعه‌ها اونجا شلوغه", []),
    ("he is off to Reyhanli on Fri", ["2018-06-29"]),  # a short weekday after "on"
    ("the sat nav was on", []),  # not without "on" before it
    ("SUBJ1 flew to Istanbul 28/06, met him in the lobby, 01/07.", ["2018-06-28", "2018-07-01"]),
    ("24/7 watch on the house, scored 3/10", []),  # two and two digits only
    ("يغادر في ٢٥ الجاري", ["2018-07-25"]),  # «الجاري» alone: this month
    ("بيسافر يوم الأحد الياي", ["2018-07-08"]),  # Gulf «الياي»: the coming one
    # a weekday of last week (weeks run Saturday to Friday), either way round
    ("شنبه هفته گذشته برادرش آمد", ["2018-06-23"]),
    ("هفته گذشته، روز دوشنبه، با قطار رفت", ["2018-06-25"]),
    ("on Thursday last week", ["2018-06-28"]),
    ("همین شنبه با هم میریم وان", ["2018-07-07"]),  # «همین»: this coming one
    ("همین شنبه گذشته", ["2018-06-30"]),  # …unless «گذشته» follows
    ("پیامک داد که سه‌شنبه ۲۰ میلیون تومان واریز کرده", ["2018-07-03"]),  # an amount, no date
    ("في أول أيام شهر رمضان المبارك اجتمع", ["2018-05-16"]),  # 1 Ramadan 1439
    ("اول روز ماه رمضان", ["2018-05-16"]),
    ("في رمضان التقى", []),  # the month, no day
    ("در تاریخ ۱۰/۴ به استانبول سفر کرد", ["2018-07-01"]),  # 10 Tir, a Solar day/month
    ("يوم وقفة عرفات سنة ٢٠١٧ سافرت", ["2017-08-31"]),  # the day of Arafat of that year
    ("شب جمعه دیدمش", ["2018-06-28"]),  # Friday's night is Thursday evening
    ("نیمه شب جمعه رسید", ["2018-06-29"]),  # (midnight stays the Friday)
    ("ليلة الجمعة التقينا", ["2018-06-29"]),  # (Arabic writers date it by the Friday)
    ("on the last Thursday of March", ["2018-03-29"]),  # of that month, the year's
    ("on the last Thursday of December", ["2017-12-28"]),  # (not one well after the document)
    ("يوم الاثنين ٥ مليار دينار", ["2018-07-02"]),  # an amount, no date
    ("On the first Friday of August", ["2018-08-03"]),
    ("the second Monday of June", ["2018-06-11"]),
    ("۵ شنبه ساعت ده", ["2018-07-05"]),  # «۵ شنبه» is پنجشنبه (bare, past: the
        # document's own Thursday)
])
def test_relative_days(text: str, days: list[str]) -> None:
    folded = fold(text)
    assert [day for _s, _e, day in relative_days(folded, 0, len(folded), THURSDAY)] == days


def test_a_bare_weekday_in_a_plan_is_the_next_one() -> None:
    folded = fold("Plan is Thursday at 7 pm")
    assert relative_days(folded, 0, len(folded), THURSDAY, forward=True)[0][2] == "2018-07-12"


def test_without_a_document_date_the_day_is_unknown() -> None:
    folded = fold("last Tuesday")
    assert relative_days(folded, 0, len(folded), None) == [(0, 12, None)]


def test_an_event_takes_the_weekday_it_names() -> None:
    (event,) = extract_events("The source met the colonel last Monday.", [], [], "2018-07-05")
    assert event["date"] == "2018-07-02"


def test_before_and_after_a_weekday_with_a_word_after_them_are_not_last_and_next() -> None:
    import datetime as dt

    from kashf.nlp import events_lexicon as lex
    from kashf.nlp.relative_days import relative_days

    def days(text: str) -> list[str | None]:
        folded = lex.fold(text)
        return [day for _s, _e, day in relative_days(folded, 0, len(folded), dt.date(2019, 11, 20))]

    assert days("كنا نتلاقى يوم الجمعة بعد الصلاة.") == ["2019-11-15"]  # Friday, after prayers
    assert days("شنبه بعد با او دیدار می‌کنم") == ["2019-11-23"]  # next Saturday
    assert days("الجمعة القادمة") == ["2019-11-22"]
    assert days("الخميس اللي فات") == ["2019-11-14"]
    # a span after «بعد» is how long, not "the one after": after ten hours on the road
    assert days("وصلت صنعاء مساء الثلاثاء بعد عشر ساعات في الطريق") == ["2019-11-19"]
    assert days("سه‌شنبه بعد ساعت ۱۰ می‌بینمش") == ["2019-11-26"]  # next Tuesday at ten


def _days_of(text: str, document: dt.date) -> list[str | None]:
    """The days ``relative_days`` reads in ``text`` for a document of ``document``."""
    folded = fold(text)
    return [day for _s, _e, day in relative_days(folded, 0, len(folded), document)]


def test_a_day_of_the_month_said_with_the_month_alone() -> None:
    assert _days_of("خرجت القافلة من ميناء الحديدة يوم ١٥ الشهر ووصلت", dt.date(2024, 3, 24)) \
        == ["2024-03-15"]


def test_egyptian_and_levantine_weekdays() -> None:
    folded = fold("السفر يوم الاتنين الجاي لإسطنبول")
    assert [day for _s, _e, day in relative_days(folded, 0, len(folded), dt.date(2024, 2, 14))] \
        == ["2024-02-19"]


@pytest.mark.parametrize(("text", "document", "plan", "day"), [
    ("We fix: Sat 12th, 4pm, food court", dt.date(2024, 10, 3), True, "2024-10-12"),
    ("Fly to Limassol Mon 14th, morning flight", dt.date(2021, 5, 28), True, "2021-06-14"),
    ("Next one: Thursday 24th, 7 pm", dt.date(2018, 5, 5), True, "2018-05-24"),
    ("Wed 29th: met him at the port", dt.date(2023, 12, 2), False, "2023-11-29"),
])
def test_a_weekday_and_a_day_without_a_month_take_the_month_that_agrees(
        text: str, document: dt.date, plan: bool, day: str) -> None:
    folded = fold(text)
    assert [found for _s, _e, found in relative_days(folded, 0, len(folded), document,
                                                     forward=plan)] == [day]


@pytest.mark.parametrize(("stamp", "document", "day"), [
    ("01/09/22 22:14 SAMI: Landed in Dubai.", dt.date(2022, 1, 20), "2022-01-09"),  # US order
    ("[09/05/22 08:02] KESTREL: morning.", dt.date(2022, 5, 13), "2022-05-09"),  # day first
    ("[14/03/23 07:52] Dan: morning.", dt.date(2023, 3, 16), "2023-03-14"),
])
def test_a_chat_stamp_reads_in_the_order_nearer_the_document(
        stamp: str, document: dt.date, day: str) -> None:
    folded = fold(stamp)
    assert [found for _s, _e, found in relative_days(folded, 0, len(folded), document)] == [day]


def test_a_date_time_group_in_another_zone_with_its_month_run_on() -> None:
    folded = fold("At 031830CNOV22 the DA and I met CORDITE")
    assert [day for _s, _e, day in relative_days(folded, 0, len(folded), dt.date(2022, 11, 6))] \
        == ["2022-11-03"]


@pytest.mark.parametrize(("text", "day"), [
    ("8/14: S1 flew Dulles-Istanbul on a personal trip", "2022-08-14"),  # month first: 14 > 12
    ("Staff met the FBI on Wed 9/28 in the SCIF", "2022-09-28"),
    ("12/01 - asked to copy the crew list", "2022-01-12"),
])
def test_a_day_and_month_that_opens_a_line_or_an_american_one(text: str, day: str) -> None:
    folded = fold(text)
    assert [found for _s, _e, found in relative_days(folded, 0, len(folded), dt.date(2022, 10, 20))] \
        == [day]


@pytest.mark.parametrize(("text", "document", "day"), [
    ("Tue 9/5 – met H. at Café Younes, Hamra, 4pm", "2023-09-16", "2023-09-05"),  # month first
    ("MON 11/4: met CEDAR at Lale Pastanesi", "2024-11-06", "2024-11-04"),
    ("يوم الخميس ١٦/١١", "2023-11-20", "2023-11-16"),  # a day past 12: no question
])
def test_a_weekday_tells_which_number_is_the_month(text: str, document: str, day: str) -> None:
    folded = fold(text)
    found = relative_days(folded, 0, len(folded), dt.date.fromisoformat(document))
    assert [iso for _s, _e, iso in found] == [day]


@pytest.mark.parametrize("text", ["الأسبوع الجاي، نهار التلاتا، في لقاء", "next week, on Tuesday"])
def test_next_week_then_its_weekday(text: str) -> None:
    folded = fold(text)
    found = relative_days(folded, 0, len(folded), dt.date(2024, 2, 12))
    assert [iso for _s, _e, iso in found] == ["2024-02-20"]


def test_a_weekday_and_week_written_with_the_ezafe_hamza() -> None:
    folded = fold("سه‌شنبهٔ هفتهٔ بعد از آستارا می‌رود باکو")
    found = relative_days(folded, 0, len(folded), dt.date(2024, 4, 12))
    assert [iso for _s, _e, iso in found] == ["2024-04-16"]


@pytest.mark.parametrize(("text", "document", "iso"), [
    ("كانت يوم عرفة بعد صلاة العصر", "2025-06-16", "2025-06-05"),
    ("ذهبت إلى كبد ثاني أيام العيد", "2025-06-16", "2025-06-07"),
    ("في أول أيام عيد الأضحى الماضي، وصل إلى القاهرة", "2022-08-13", "2022-07-09"),
    ("في أول أيام عيد الأضحى سنة ٢٠١٢ أوقفني الحاجز", "2019-04-14", "2012-10-26"),
    ("دیشب، شب عاشورا، در حسینیه", "2024-07-16", "2024-07-15"),  # the eve
    ("قرار روز عید فطر، شنبه، در چایخانه", "2023-04-30", "2023-04-22"),  # by its weekday
])
def test_a_lunar_feast(text: str, document: str, iso: str) -> None:
    folded = fold(text)
    assert iso in [day for _s, _e, day in relative_days(folded, 0, len(folded),
                                                        dt.date.fromisoformat(document))]


@pytest.mark.parametrize("text", ["تا عید فطر فهرست را بده", "از ورودی پادگان عاشورا عکس بگیر"])
def test_a_feast_that_dates_nothing(text: str) -> None:
    folded = fold(text)
    assert relative_days(folded, 0, len(folded), dt.date(2024, 4, 4)) == []


def test_a_diary_heading_day_and_weekday() -> None:
    folded = fold("APRIL 2023 - p.3\n\n10/4 Mon\nDrove to Halabja\n\n12/4 Wed\nMet him at 11")
    assert [day for _s, _e, day in relative_days(folded, 0, len(folded), dt.date(2023, 4, 13))] \
        == ["2023-04-10", "2023-04-12"]


def test_a_date_time_group_with_a_local_zone_letter() -> None:
    folded = fold("b. 140915C - TL Community Liaison met Sheikh Jassim at his mudhif, Shuaiba.")
    assert [day for _s, _e, day in relative_days(folded, 0, len(folded), dt.date(2024, 3, 14))] \
        == ["2024-03-14"]


def test_a_persian_weekday_and_day_is_of_a_solar_month() -> None:
    # a chat of Friday 20 Mehr 1403 (11 October 2024): «شنبه ۲۱ام» is 21 Mehr, the next day
    chat = dt.date(2024, 10, 11)
    assert _days_of("من و سپیده شنبه ۲۱ام با ماهان از فرودگاه امام میریم", chat) == ["2024-10-12"]
    assert _days_of("پنجشنبه ۱۲ ساعت ده دیدمش", chat) == ["2024-10-03"]  # 12 Mehr, not 12 September


def test_wednesday_as_persian_speech_writes_it() -> None:
    assert _days_of("چارشنبه شب با بار راه افتادیم طرف بانه", dt.date(2023, 10, 5)) == ["2023-10-04"]


@pytest.mark.parametrize(("text", "document", "days"), [
    # a day of the document's Solar month, as a report writes it (14 Ordibehesht 1403)
    ("روز پنجم همین ماه دو تن از خدمه رفتند", dt.date(2024, 5, 4), ["2024-04-24"]),
    ("بیست و سوم ماه جاری", dt.date(2024, 5, 4), ["2024-05-12"]),
    # the Sunday before last, from a Tuesday
    ("يوم الأحد قبل الماضي حضر حسين", dt.date(2024, 1, 30), ["2024-01-21"]),
    # a feast of the year written after it with «من»
    ("وفي أول أيام عيد الفطر من عام ٢٠٢٣ استلم طرداً", dt.date(2024, 2, 20), ["2023-04-21"]),
    # a Persian weekday and day with its ordinal's «ام», whatever word follows
    ("پس سه‌شنبه ۲۸ام بیا مسقط", dt.date(2023, 12, 11), ["2023-12-19"]),
])
def test_days_a_report_counts_from_its_own_month_week_and_year(
        text: str, document: dt.date, days: list[str]) -> None:
    assert _days_of(text, document) == days
