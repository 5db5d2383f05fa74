"""Dates in three calendars, both digit directions: tables of text → expected reading."""

from __future__ import annotations

import pytest

from kashf.text.dates import ParsedDate, day_in_words, find_dates, parse_date

# text, hint, iso, calendar, precision, iso_end, flags
CASES = [
    # Gregorian: DTGs, names, numbers, ISO
    ("281848Z DEC 66", None, "1966-12-28T18:48Z", "gregorian", "minute", None, ()),
    ("010001Z JAN 10", None, "2010-01-01T00:01Z", "gregorian", "minute", None, ()),
    ("281848Z DEC 1966", None, "1966-12-28T18:48Z", "gregorian", "minute", None, ()),
    ("12 Oct 2014", None, "2014-10-12", "gregorian", "day", None, ()),
    ("12-Oct-2014", None, "2014-10-12", "gregorian", "day", None, ()),
    ("October 12, 2014", None, "2014-10-12", "gregorian", "day", None, ()),
    ("12th of October 2014", None, "2014-10-12", "gregorian", "day", None, ()),
    ("October 2014", None, "2014-10", "gregorian", "month", "2014-10-31", ()),
    ("2014", None, "2014", "gregorian", "year", "2014-12-31", ()),
    ("2014-10-12", None, "2014-10-12", "gregorian", "day", None, ()),
    ("2014-10-12T14:30Z", None, "2014-10-12T14:30Z", "gregorian", "minute", None, ()),
    ("2014/10/12", None, "2014-10-12", "gregorian", "day", None, ()),
    ("10/12/2014", None, "2014-10-12", "gregorian", "day", None, ("ambiguous_day_month",)),
    ("10/12/2014", "gregorian", "2014-10-12", "gregorian", "day", None, ("ambiguous_day_month",)),
    ("13/12/2014", None, "2014-12-13", "gregorian", "day", None, ()),
    ("12/13/2014", None, "2014-12-13", "gregorian", "day", None, ()),
    ("12/12/2014", None, "2014-12-12", "gregorian", "day", None, ()),
    ("12.10.2014", None, "2014-10-12", "gregorian", "day", None, ("ambiguous_day_month",)),
    ("29 February 2012", None, "2012-02-29", "gregorian", "day", None, ()),
    # the Levantine and the Egyptian name of one month, side by side
    ("١٤ آب/أغسطس ٢٠٢٢", None, "2022-08-14", "gregorian", "day", None, ()),
    # the Maghreb's month names
    ("20 نونبر 2021", None, "2021-11-20", "gregorian", "day", None, ()),
    ("2 دجنبر 2021", None, "2021-12-02", "gregorian", "day", None, ()),
    ("14 جويلية 2019", None, "2019-07-14", "gregorian", "day", None, ()),
    ("February 2000", None, "2000-02", "gregorian", "month", "2000-02-29", ()),
    # Gregorian in Arabic script: Egyptian and Levantine month names, day-first numbers
    ("١٢ تشرين الأول ٢٠١٤", None, "2014-10-12", "gregorian", "day", None, ()),
    ("١ كانون الثاني ٢٠١٥", None, "2015-01-01", "gregorian", "day", None, ()),
    # the Levant's short forms: ك١ كانون الأول, ك٢ كانون الثاني, ت١ تشرين الأول, ت٢ تشرين الثاني
    ("١٥ ك١ ٢٠٢٣", None, "2023-12-15", "gregorian", "day", None, ()),
    ("٣ ت٢ ٢٠٢٣", None, "2023-11-03", "gregorian", "day", None, ()),
    ("١٢ أكتوبر ٢٠١٤م", None, "2014-10-12", "gregorian", "day", None, ()),
    ("١٢/١٠/٢٠١٤", None, "2014-10-12", "gregorian", "day", None, ("ambiguous_day_month",)),
    ("۲۰۱۴/۱۰/۱۲", None, "2014-10-12", "gregorian", "day", None, ()),
    ("۱۲ اکتبر ۲۰۱۴", None, "2014-10-12", "gregorian", "day", None, ()),
    # Solar Hijri: Persian, Arabic-Indic and Latin digits; names; month and year precision
    ("۱۳۹۳/۰۷/۲۰", None, "2014-10-12", "solar_hijri", "day", None, ()),
    ("١٣٩٣/٠٧/٢٠", None, "2014-10-12", "solar_hijri", "day", None, ()),
    ("1393/7/20", None, "2014-10-12", "solar_hijri", "day", None, ()),
    ("20/7/1393", None, "2014-10-12", "solar_hijri", "day", None, ()),
    ("۲۰ مهر ۱۳۹۳", None, "2014-10-12", "solar_hijri", "day", None, ()),
    ("۲۰ مهرماه ۱۳۹۳", None, "2014-10-12", "solar_hijri", "day", None, ()),
    ("۲۰ مهر ماه ۱۳۹۳ ه.ش", None, "2014-10-12", "solar_hijri", "day", None, ()),
    ("مهر ۱۳۹۳", None, "2014-09-23", "solar_hijri", "month", "2014-10-22", ()),
    ("اسفند ۱۳۹۵", None, "2017-02-19", "solar_hijri", "month", "2017-03-20", ()),
    ("۱ فروردین ۱۳۹۴", None, "2015-03-21", "solar_hijri", "day", None, ()),
    ("۱۳۹۵/۱۲/۳۰", None, "2017-03-20", "solar_hijri", "day", None, ()),  # leap year
    ("۱۳۹۳ ه.ش", None, "2014-03-21", "solar_hijri", "year", "2015-03-20", ()),
    ("۹۳/۷/۲۰", None, "2014-10-12", "solar_hijri", "day", None, ()),
    ("93/7/20", "solar_hijri", "2014-10-12", "solar_hijri", "day", None, ()),
    ("۱ دي ۱۳۹۲", None, "2013-12-22", "solar_hijri", "day", None, ()),  # Arabic keyboard ي
    # Lunar Hijri: Umm al-Qura, Persian spellings, markers, tabular fallback
    ("١٥ ذو الحجة ١٤٣٥", None, "2014-10-09", "lunar_hijri", "day", None, ()),
    ("١٥ ذو الحجة ١٤٣٥ هـ", None, "2014-10-09", "lunar_hijri", "day", None, ()),
    ("۱۵ ذی‌الحجه ۱۴۳۵", None, "2014-10-09", "lunar_hijri", "day", None, ()),
    ("15 ذیالحجه 1435", None, "2014-10-09", "lunar_hijri", "day", None, ()),
    ("١ رمضان ١٤٣٥", None, "2014-06-28", "lunar_hijri", "day", None, ()),
    ("١٤٣٥/١٢/١٥", None, "2014-10-09", "lunar_hijri", "day", None, ()),
    ("1435/12/15", None, "2014-10-09", "lunar_hijri", "day", None, ()),
    ("1393/12/15", "lunar_hijri", "1974-01-08", "lunar_hijri", "day", None, ()),
    ("رمضان ١٤٣٥", None, "2014-06-28", "lunar_hijri", "month", "2014-07-27", ()),
    ("1 محرم 1300", None, "1882-11-12", "lunar_hijri", "day", None, ("tabular_fallback",)),
    ("1 محرم 1600", None, "2173-12-06", "lunar_hijri", "day", None, ("tabular_fallback",)),
    ("١٤٣٥ هـ", None, "2013-11-04", "lunar_hijri", "year", "2014-10-24", ()),
]


@pytest.mark.parametrize("text,hint,iso,calendar,precision,iso_end,flags", CASES)
def test_parse_date(text, hint, iso, calendar, precision, iso_end, flags):
    parsed = parse_date(text, calendar_hint=hint)
    assert parsed is not None, text
    assert (parsed.iso, parsed.calendar, parsed.precision, parsed.iso_end, parsed.flags) == (
        iso, calendar, precision, iso_end, flags)
    assert parsed.text == text.strip()


INVALID = [
    "30/02/2014",  # no 30 February
    "29 February 2013",  # not a leap year
    "۳۱ مهر ۱۳۹۳",  # Mehr has 30 days
    "۱۳۹۳/۱۲/۳۰",  # 1393 is not a leap year
    "۱۳۹۳/۱۳/۰۱",  # no month 13
    "2014-13-01",
    "321848Z DEC 66",  # day 32
    "282548Z DEC 66",  # hour 25
    "31 ذو الحجة ١٤٣٥",  # no lunar month has 31 days
    "hello",
    "",
    "12345",
    "1200/01/01",  # a year no calendar here covers
    "12 Foo 2014",
    "12/10/14",  # two-digit Gregorian years are not guessed
]


@pytest.mark.parametrize("text", INVALID)
def test_invalid_dates_give_none(text):
    assert parse_date(text) is None


def test_day_first_can_be_forced():
    assert parse_date("10/12/2014", day_first=True).iso == "2014-12-10"
    assert parse_date("10/12/2014", day_first=False).iso == "2014-10-12"


def test_unknown_hint_is_an_error():
    with pytest.raises(ValueError):
        parse_date("2014", calendar_hint="julian")


def test_umm_al_qura_29_day_month_read_forgivingly():
    # Umm al-Qura gives Safar 1435 29 days; a local 30 Safar is the next day, flagged.
    parsed = parse_date("٣٠ صفر ١٤٣٥")
    assert parsed.iso == "2014-01-02"
    assert parsed.flags == ("local_month_length",)


def test_to_json_shape():
    assert parse_date("مهر ۱۳۹۳").to_json() == {
        "date": "2014-09-23", "date_end": "2014-10-22", "date_text": "مهر ۱۳۹۳",
        "date_calendar": "solar_hijri", "date_precision": "month"}
    assert parse_date("281848Z DEC 66").to_json()["date"] == "1966-12-28T18:48Z"


def test_find_dates_offsets_in_mixed_text():
    text = ("R 281848Z DEC 66 FM AMEMBASSY TEHRAN. On 12 Oct 2014 and ۲۰ مهر ۱۳۹۳، "
            "تاریخ: ۱۳۹۳/۰۷/۲۰ و ١٥ ذو الحجة ١٤٣٥ هـ; in 2014 about 5 people, ref 1393.")
    found = find_dates(text)
    assert [(text[d.start:d.end], d.iso, d.calendar) for d in found] == [
        ("281848Z DEC 66", "1966-12-28T18:48Z", "gregorian"),
        ("12 Oct 2014", "2014-10-12", "gregorian"),
        ("۲۰ مهر ۱۳۹۳", "2014-10-12", "solar_hijri"),
        ("۱۳۹۳/۰۷/۲۰", "2014-10-12", "solar_hijri"),
        ("١٥ ذو الحجة ١٤٣٥ هـ", "2014-10-09", "lunar_hijri"),
    ]
    assert all(d.text == text[d.start:d.end] for d in found)


def test_find_dates_offsets_survive_dropped_marks():
    # Tatweel and harakat are ignored when matching but offsets still point into the original.
    text = "في ١٥ ذو الحـــجة ١٤٣٥ وصل"
    (found,) = find_dates(text)
    assert text[found.start:found.end] == "١٥ ذو الحـــجة ١٤٣٥"
    assert found.iso == "2014-10-09"


def test_find_dates_arabic_context_is_day_first():
    (found,) = find_dates("التاريخ: 10/12/2014")
    assert found.iso == "2014-12-10"
    (found,) = find_dates("Date: 10/12/2014")
    assert found.iso == "2014-10-12"


def test_find_dates_skips_invalid_and_non_dates():
    assert find_dates("Version 1.2.3, phone 555-1234, 31/31/2014, total 2014 items") == []


def test_parsed_date_is_a_value():
    assert isinstance(parse_date("2014"), ParsedDate)


@pytest.mark.parametrize(("text", "iso"), [
    ("سافر المتهم في العشرين من مايو ٢٠٢٢ إلى إسطنبول", "2022-05-20"),
    ("في الحادي والعشرين من مايو ٢٠٢٢", "2022-05-21"),
    ("التقى يوم الخميس ١٤ من أبريل ٢٠٢٢ بالمتهم", "2022-04-14"),
    ("الثالث عشر من يناير ٢٠٢٣", "2023-01-13"),
    ("جلسه روز بیست و سوم مهرماه ۱۴۰۱ برگزار شد", "2022-10-15"),
    ("بیست‌وپنجم اسفند ۱۴۰۱", "2023-03-16"),
    ("on the twenty-first of May 2022", "2022-05-21"),
])
def test_find_dates_days_in_words(text: str, iso: str) -> None:
    (found,) = find_dates(text)
    assert (found.iso, found.precision) == (iso, "day")


def test_a_hijri_month_is_not_a_day_word() -> None:
    (found,) = find_dates("في ربيع الأول ١٤٤٤ هـ")
    assert found.precision == "month"
    assert day_in_words("بیست و سوم") == 23 and day_in_words("سوم") == 3
    assert day_in_words("کتاب") is None


@pytest.mark.parametrize(("text", "iso"), [
    ("در تاریخ بیست و سوم مهرماه سال یکهزار و چهارصد و یک متهم", "2022-10-15"),
    ("روز پنجم دی ماه هزار و چهارصد", "2021-12-26"),
    ("دهم آبان یک هزار و سیصد و نود و هشت", "2019-11-01"),
    ("۱۲ مارس دو هزار و بیست و دو", "2022-03-12"),
])
def test_a_persian_year_in_words(text: str, iso: str) -> None:
    from kashf.text.dates import find_dates

    assert [d.iso for d in find_dates(text)] == [iso]


def test_a_thousand_and_one_nights_is_no_year() -> None:
    from kashf.text.dates import find_dates, year_in_words

    assert find_dates("قصه‌های هزار و یک شب") == []
    assert year_in_words("یک هزار و چهارصد و یک") == 1401
    assert year_in_words("دو هزار و بیست و دو") == 2022  # «و» inside «نود», «دو» is no joint


@pytest.mark.parametrize(("text", "iso"), [
    ("في الخامس عشر من شهر آذار لعام ألفين وثلاثة وعشرين سافر", "2023-03-15"),
    ("في الثاني من شهر نيسان لعام ألفين وثلاثة وعشرين", "2023-04-02"),
    ("في العاشر من أيار سنة ألف وتسعمائة وتسعين", "1990-05-10"),
    ("في الخامس عشر من شهر آذار ٢٠٢٣", "2023-03-15"),  # «من شهر» between day and month
])
def test_an_arabic_year_in_words(text: str, iso: str) -> None:
    from kashf.text.dates import find_dates, year_in_arabic_words

    assert [d.iso for d in find_dates(text)] == [iso]
    assert year_in_arabic_words("ألفين واثنين وعشرين") == 2022
    assert find_dates("ألف ليلة وليلة") == []  # no year


@pytest.mark.parametrize(("text", "iso"), [
    ("التقى يوم 5 جوان 2023 بمحطة المترو", "2023-06-05"),  # Tunisia's and Algeria's June
    ("في غرة شهر جوان 2023 بمقهى الياسمينة", "2023-06-01"),  # «غرة»: the first
    ("سافر يوم غرة أكتوبر 2022 إلى بيروت", "2022-10-01"),
])
def test_the_maghrebs_june_and_the_first_of_a_month(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize(("text", "iso"), [
    ("سافر في شهر يوليو من العام ٢٠٢٢ براً إلى البصرة", "2022-07"),  # "of the year 2022"
    ("التقاه في ١٢ من يوليو من العام ٢٠٢٢", "2022-07-12"),
])
def test_a_month_of_the_year(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


def test_javan_is_a_young_man_without_a_day_and_a_year() -> None:
    assert find_dates("۲۰ جوان ۱۴۰۰ نفر") == []
    assert find_dates("جوان 2023") == []


def test_a_year_is_on_its_months_line() -> None:
    # «۸ عقرب» heads a notebook's day; «۱۲۰۰ دالر» on the next line is money, not the year 1200
    assert find_dates("یکشنبه ۸ عقرب\n- ۱۲۰۰ دالر حوالهٔ سمیع را دادم") == []
    assert [d.iso for d in find_dates("12 October, 2021")] == ["2021-10-12"]


def test_a_persian_day_and_month_with_two_digits_of_year() -> None:
    assert [d.iso for d in find_dates("سوژه ۱۷ دی ۹۸ با دو مسافر")] == ["2020-01-07"]
    assert [d.iso for d in find_dates("اولین بار ۲۰ اسد ۹۸ در مشهد")] == ["2019-08-11"]
    assert [d.iso for d in find_dates("۵ مهر ۰۲ رفتم")] == ["2023-09-27"]
    assert find_dates("۱۲ مهر ۹۸:۳۰") == []  # a time, not a year
    # the day in words, and a full stop that ends the sentence after the year
    assert [d.iso for d in find_dates("هجدهم اردیبهشت ۹۲ با پرواز رفتیم")] == ["2013-05-08"]
    assert [(d.iso, d.precision) for d in find_dates("ماجرا برمی‌گردد به آذر ۹۴. دوشنبه")] \
        == [("2015-11-22", "month")]
    assert find_dates("رشد ۹۸.۵ درصد") == []  # a decimal, no year


def test_a_persian_month_with_two_digits_of_year() -> None:
    assert [(d.iso, d.precision) for d in find_dates("من اسفند ۹۷ رفتم استانبول")] == [
        ("2019-02-20", "month")]
    assert [d.iso_end for d in find_dates("مهرماه سال ۹۹ بازداشت شد")] == ["2020-10-21"]
    # a count or a name, not a year: «تیر ۲۰» would be 1420, «اسد ۹۸» is also a man's name
    assert find_dates("تیر ۲۰ تا") == [] and find_dates("اسد ۹۸ نفر") == []


def test_the_years_word_before_it() -> None:
    assert [d.iso for d in find_dates("سافر في الـ ٢ من تشرين الأول عام ٢٠٢٢ بحجة")] == ["2022-10-02"]
    assert [d.iso for d in find_dates("في ١٢ آب لعام ٢٠١٩")] == ["2019-08-12"]


def test_a_span_of_hours_is_no_year() -> None:
    assert find_dates("I met MAGPIE on Wednesday 10 May, 2015–2100hrs, in my car") == []
    assert [d.iso for d in find_dates("10 May, 2015")] == ["2015-05-10"]
