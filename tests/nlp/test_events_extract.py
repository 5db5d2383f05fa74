"""Events: tables of sentence → type, status, date, place, tradecraft; lexicon loading; stage."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kashf.nlp import events_lexicon as lex
from kashf.nlp.events import events_stage, extract_events, sentences
from kashf.stages import PageSpan, StageInput

ROOT = Path(__file__).resolve().parents[2]


def mentions(text: str, per: tuple[str, ...] = (), loc: tuple[str, ...] = ()) -> list[dict]:
    out = []
    for label, names in (("PER", per), ("LOC", loc)):
        for name in names:
            start = text.index(name)
            out.append({"start": start, "end": start + len(name), "label": label, "text": name})
    return out


def money(text: str) -> list[dict]:
    """MONEY mentions as the entities stage gives them (kashf's own patterns)."""
    from kashf.nlp.patterns import find_patterns

    return [{"start": m.start, "end": m.end, "label": m.label, "text": m.text}
            for m in find_patterns(text, frozenset({"MONEY"}))]


CASES = [
    # text, doc date, loc, expected (type, status, date, place)
    ("با منبع ۱۲۳ در بغداد ملاقات کردم.", None, ("بغداد",), [("meeting", "happened", None, "بغداد")]),
    ("روز ۲۰ مهر ۱۳۹۳ با منبع در کربلا دیدار شد.", None, ("کربلا",),
     [("meeting", "happened", "2014-10-12", "کربلا")]),
    ("قرار است جلسه بعدی در نجف برگزار شود.", None, ("نجف",), [("meeting", "planned", None, "نجف")]),
    ("دیدار با منبع لغو شد.", None, (), [("meeting", "cancelled", None, None)]),
    ("به نقل از منبع، وزیر با سفیر دیدار کرد.", None, (), [("meeting", "reported", None, None)]),
    ("The source met the colonel in Basra on 3 March 2014.", None, ("Basra",),
     [("meeting", "happened", "2014-03-03", "Basra")]),
    ("The next day he travelled to Najaf.", "2014-10-20", ("Najaf",),
     [("travel", "happened", "2014-10-21", "Najaf")]),
    # "last week" names no day: no date (the written words stay in date_text)
    ("Last week we paid him 300 dollars.", "2014-10-20", (), [("payment", "happened", None, None)]),
    ("The meeting was cancelled.", None, (), [("meeting", "cancelled", None, None)]),
    ("وفي اليوم التالي سافر المصدر إلى كربلاء.", "2014-10-20", ("كربلاء",),
     [("travel", "happened", "2014-10-21", "كربلاء")]),
    ("التقى الضابط بالمصدر في بغداد.", None, ("بغداد",), [("meeting", "happened", None, "بغداد")]),
    # a trip cancelled and a meeting held, one sentence: each trigger gets its own status
    ("سفر او به کربلا لغو شد و دیدار در بغداد برگزار شد.", None, ("کربلا", "بغداد"),
     [("travel", "cancelled", None, "کربلا"), ("meeting", "happened", None, "بغداد")]),
    # no trigger, no event; headers and titles are not events
    ("هوا گرم بود.", None, (), []),
    ("Subject: meeting with source", None, (), []),
    ("", None, (), []),
]


@pytest.mark.parametrize(("text", "doc_date", "loc", "expected"), CASES)
def test_sentence_table(text: str, doc_date: str | None, loc: tuple, expected: list) -> None:
    events = extract_events(text, mentions(text, loc=loc), [], doc_date)
    got = [(e["type"], e["status"], e["date"], e["place"]) for e in events]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("پس از پیاده‌روی و دو تاکسی، داخل خودرو با منبع ملاقات کردم.", {"on_foot", "taxi", "car_meeting"}),
        ("برای اطمینان از عدم تعقیب در مرکز خرید با او دیدار کردم.", {"counter_surveillance", "mall"}),
        ("در نمایشگاه عکس کربلا دیدار انجام شد و هدیه داده شد.", {"exhibition", "photo", "gift"}),
        ("I met him at the hotel and gave him cash in an envelope.", {"hotel", "cash_payment"}),
        ("We met at the shrine under a cover story.", {"religious_site", "cover_story"}),
    ],
)
def test_tradecraft(text: str, tags: set[str]) -> None:
    (event, *_) = extract_events(text, [], [], None)
    assert tags <= set(event["tradecraft"])


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("با منبع ۱۲۳ ملاقات کردم.", ["منبع ۱۲۳"]),
        ("با منبع با نام رمز «دانا» دیدار شد.", ["منبع با نام رمز «دانا»"]),
        ("I met source HUNTER today.", ["source HUNTER"]),
        ("التقيت المصدر \"صقر\" أمس.", ["المصدر \"صقر\""]),
    ],
)
def test_code_named_sources_are_participants(text: str, participants: list[str]) -> None:
    (event,) = extract_events(text, [], [], None)
    assert event["participants"] == participants
    for name, (start, end) in zip(event["participants"], event["participant_spans"], strict=True):
        assert text[start:end] == name


def test_evidence_is_an_exact_substring_with_page() -> None:
    text = "Header line.\n\nOn 1 May 2014 I met Ali Karimi in Najaf. Nothing else."
    pages = [(0, 14, 1), (14, len(text), 2)]
    (event,) = extract_events(text, mentions(text, ("Ali Karimi",), ("Najaf",)), [], None, pages)
    ev = event["evidence"]
    assert text[ev["start"] : ev["end"]] == ev["quote"] == "On 1 May 2014 I met Ali Karimi in Najaf."
    assert ev["page"] == 2
    assert event["participants"] == ["Ali Karimi"]
    assert event["place_span"] == [text.index("Najaf"), text.index("Najaf") + 5]


def test_report_date_line_anchors_relative_dates_when_no_document_date() -> None:
    text = "تاریخ: ۱۳۹۳/۰۷/۲۲\n\nدیروز با منبع دیدار کردم."
    (event,) = extract_events(text, [], [], None)
    assert event["date"] == "2014-10-13"


def test_yearless_persian_date_takes_the_document_year() -> None:
    text = "روز دوشنبه ۱۹ اسفند با منبع دیدار شد."
    (event,) = extract_events(text, [], [], "2014-03-11")
    assert event["date"] == "2014-03-10"


def test_continuation_sentence_merges_into_the_event() -> None:
    text = "On 1 May 2014 I met the source in Najaf. The meeting took place in a taxi and lasted an hour."
    events = extract_events(text, mentions(text, loc=("Najaf",)), [], None)
    assert len(events) == 1 and "taxi" in events[0]["tradecraft"]


def test_sentences_keep_abbreviations_and_split_lines() -> None:
    text = "Dr. Karimi met Mr. Ali.\nSubject: x\n\nSecond paragraph. Third?"
    spans = [text[s:e] for s, e in sentences(text)]
    assert spans == ["Dr. Karimi met Mr. Ali.", "Subject: x", "Second paragraph.", "Third?"]


def test_lexicons_load_and_reject_bad_rows(tmp_path: Path) -> None:
    assert set(lex.triggers().tags) == {*lex.EVENT_TYPES, "none"}
    assert set(lex.tradecraft().tags) <= set(lex.TRADECRAFT)
    with pytest.raises(ValueError):
        lex.Lexicon([("x", " * ")])  # an empty phrase would match everywhere
    assert lex.fold("كيف") == "کیف" and len(lex.fold("a\u200cb")) == 3


def test_stage_reads_optional_cable_date() -> None:
    text = "The next day he travelled to Najaf."
    inp = StageInput(
        document_id="d", path="r.txt", mime="text/plain", text=text,
        pages=(PageSpan(1, 0, len(text)),),
        results={"entities": {"mentions": mentions(text, loc=("Najaf",))},
                 "language": {"paragraphs": [{"start": 0, "end": len(text), "language": "en"}]},
                 "cables": {"cable": {"date": "2014-10-20"}}},
    )
    result = events_stage(inp)
    (event,) = result["events"]
    assert event["date"] == "2014-10-21" and event["evidence"]["page"] == 1
    json.dumps(result)
    bare = StageInput(document_id="d", path="r.txt", mime="text/plain", text=text)
    assert events_stage(bare)["events"][0]["date"] is None


def test_eval_events_quick_meets_targets_on_dev_set() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/eval_events.py"), "--quick"],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    all_row = next(line for line in out.splitlines() if line.startswith("all"))
    precision, recall = (int(v.rstrip("%")) for v in all_row.split()[2:4])
    assert precision >= 80 and recall >= 80, out


def test_yearless_date_after_the_document_is_last_year() -> None:
    text = "روز ۲۸ اسفند با منبع دیدار شد."
    (event,) = extract_events(text, [], [], "2014-03-25")  # 4 Farvardin 1393
    assert event["date"] == "2014-03-19"  # 28 Esfand 1392


@pytest.mark.parametrize(
    "text",
    [
        "گزارش ملاقات با منبع ۱۲۳\n\n",
        "Re: meeting with the source",
        "پیرو: دیدار قبلی",
    ],
)
def test_titles_and_headers_are_not_events(text: str) -> None:
    assert extract_events(text, [], [], None) == []


def test_a_numbered_short_line_is_not_a_title() -> None:
    text = "۱- دیدار با منبع در نجف انجام شد\n\n۲- چیزی دیگر"
    assert [e["type"] for e in extract_events(text, [], [], None)] == ["meeting"]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("We gave him 500 dollars.", ["payment"]),
        ("We gave him a book.", []),  # a giving verb without money is no payment
        ("مبلغ ۵۰۰ دلار به وی داده شد.", ["payment"]),
        ("أعطينا المصدر ألف دولار.", ["payment"]),
    ],
)
def test_giving_money_is_a_payment(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], None)] == types


@pytest.mark.parametrize(
    "text",
    [
        "The proposal was met with little interest.",
        "Opium cultivation rose in the south.",
        "The ministry issued a travel ban.",
        "Capital flight worsened.",
    ],
)
def test_phrases_that_only_look_like_events(text: str) -> None:
    assert extract_events(text, [], [], None) == []


def test_counted_meetings_are_totals_not_events() -> None:
    assert extract_events("از اسفند تا دی پنج دیدار حضوری با وی انجام شد.", [], [], None) == []
    assert extract_events("We held five meetings with him last year.", [], [], None) == []


def test_a_call_off_after_a_plan_cancels_it() -> None:
    text = "قرار شد روز پنجشنبه در هتل یکدیگر را ببینیم. صبح همان روز نامبرده تماس گرفت و گفت نمی‌تواند بیاید و دیدار لغو شد."
    events = extract_events(text, [], [], None)
    assert [(e["type"], e["status"]) for e in events] == [("meeting", "cancelled")]


@pytest.mark.parametrize(
    ("text", "linked", "types"),
    [
        ("روز سه‌شنبه از راه زمینی به اربیل رفتم.", True, ["travel"]),
        ("پیاده تا میدان اللقاء رفتم.", False, []),  # a walk, not a trip
        ("He went to Erbil by road.", True, ["travel"]),
    ],
)
def test_going_verbs_need_a_destination(text: str, linked: bool, types: list[str]) -> None:
    place = "اربیل" if "اربیل" in text else "Erbil" if "Erbil" in text else "میدان اللقاء"
    mention = mentions(text, loc=(place,))
    if linked:
        mention[0]["place"] = {"id": "geonames:95446", "name": "Erbil"}
    assert [e["type"] for e in extract_events(text, mention, [], None)] == types


def test_phrase_parts_may_stand_apart() -> None:
    lexicon = lex.Lexicon([("recruitment", "همکاری … پذیرفت*", "fa"),
                           ("recruitment", "offer* … in return", "en")])

    def found(text: str) -> list[str]:
        return [text[h.start : h.end] for h in lexicon.find(lex.fold(text))]

    assert found("وی همکاری با ما را پذیرفت.") == ["همکاری با ما را پذیرفت"]
    assert found("he offered them cash in return") == ["offered them cash in return"]
    assert found("همکاری " + "کلمه " * (lex.GAP_WORDS + 1) + "پذیرفت") == []  # too far apart
    assert found("he offered cash. In return, nothing.") == []  # never across a sentence


@pytest.mark.parametrize("text, types", [
    ("در پی سه جلسه آشنایی، وی همکاری با ما را پذیرفت.", ["recruitment"]),
    ("He said an Iranian diplomat offered monthly stipends to students who would report on"
     " Western visitors.", ["recruitment"]),
    ("تلقى عرضاً من شخص إيراني للعمل معهم مقابل مبالغ شهرية.", ["recruitment"]),
    ("قرار شد منبع هفته آینده فهرست کارکنان شیفت شب را تهیه کند.", ["tasking"]),
    ("The previous meeting, on 18 November, was covered in Contact Note 2014/77.", []),
    ("Headquarters asked for an assessment of recruitment prospects among the staff.", []),
])
def test_recruitment_and_tasking_said_in_other_words(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], None)] == types


def test_a_veto_phrase_wins_a_tie() -> None:
    assert extract_events("حدود چهل دقیقه در لابی هتل نشستم.", [], [], None) == []


def test_venue_is_the_place_through_its_city() -> None:
    text = "دیدار با منبع در مجتمع تجاری المنصور بغداد انجام شد."
    mention = mentions(text, loc=("بغداد",))
    mention[0]["place"] = {"id": "geonames:98182", "name": "Baghdad"}
    (event,) = extract_events(text, mention, [], None)
    assert event["place"] == "مجتمع تجاری المنصور بغداد"
    assert event["place_ref"]["name"] == "Baghdad"
    assert text[event["place_span"][0] : event["place_span"][1]] == event["place"]


def test_tasking_takes_no_place_from_its_subject() -> None:
    text = "از منبع خواسته شد افسران گمرک در بصره را شناسایی کند."
    (event,) = extract_events(text, mentions(text, loc=("بصره",)), [], None)
    assert event["type"] == "tasking" and event["place"] is None


# --- sentences that talk about events without telling one --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the press tells someone else's meeting
        "Local press reported that the Governor met Iran's Consul General.",
        "او گفت وزیر کشور با سفیر دیدار کرده و این خبر در تلویزیون پخش شد.",
        # a wish, a habit, an absence, a total, a frequency
        "He hopes to meet the Ambassador during her next visit.",
        "منبع علاقه‌مند است روزی به مشهد سفر کند.",
        "يرغب المصدر في زيارة طهران مستقبلاً.",
        "The Governor meets with tribal sheikhs every Thursday.",
        "يُعقد الاجتماع الأمني الأسبوعي كل يوم أحد.",
        "لم يتم دفع أي مبالغ للمصدر خلال هذه الفترة.",
        "در سال جاری در مجموع یازده دیدار با منبع صورت گرفته است.",
        "Station has held 23 meetings with him.",
        "وحسب مصادرنا فإن المذكور سافر إلى طهران ثلاث مرات.",
        # an event named as a time, a topic or an aim
        "He has been reliable since his recruitment.",
        "پس از لغو دیدار در تیرماه، هیچ پیشرفتی حاصل نشده است.",
        "تحدث المصدر عن اجتماع مرتقب لقيادات الحشد.",
        "ادامه ارتباط با هدف جذب مجوز داده شود.",
        # the event of another report, cited
        "He linked this to an Iranian who had tried to meet a travel agent (ref B).",
    ],
)
def test_sentences_about_events_are_not_events(text: str) -> None:
    assert extract_events(text, [], [], "2014-10-20") == []


@pytest.mark.parametrize(
    ("text", "loc", "expected"),
    [
        # a habit with a day of its own is an event
        ("The weekly meeting with the source took place on 3 May 2014 in Basra.", ("Basra",),
         [("meeting", "happened", "2014-05-03", "Basra")]),
        # a code number or a year before a trigger is no count
        ("از منبع ۷۷ خواسته شد اسامی را تهیه کند.", (), [("tasking", "happened", None, None)]),
        ("في ١٥ ذو الحجة ١٤٣٥ التقى الضابط بالمصدر في بغداد.", ("بغداد",),
         [("meeting", "happened", "2014-10-09", "بغداد")]),
        # the meeting a trip was for goes with the trip
        ("روز ۲۱ مرداد ۱۳۹۳ برای دیدار با حاج مرتضی به کاظمین رفتم.", ("کاظمین",),
         [("travel", "happened", "2014-08-12", "کاظمین")]),
        ("سافر المصدر يوم ٢٨ محرم ١٤٣٦ هـ إلى مشهد برفقة قافلة زوار.", ("مشهد",),
         [("travel", "happened", "2014-11-21", "مشهد")]),
        # a test task asked of the source is one tasking
        ("به عنوان مأموریت آزمایشی از دانا خواسته شد فهرست را در دو هفته آینده تهیه کند.", (),
         [("tasking", "happened", None, None)]),
        # a travel verb to an unlinked town is a trip; to a street it is a walk
        ("منبع ۱۹ قرار است هفته آینده به کرکوک برود.", ("کرکوک",),
         [("travel", "planned", None, "کرکوک")]),  # «هفته آینده» names no day
    ],
)
def test_what_still_counts(text: str, loc: tuple, expected: list) -> None:
    events = extract_events(text, mentions(text, loc=loc), [], "2014-10-20")
    assert [(e["type"], e["status"], e["date"], e["place"]) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "day"),
    [
        ("Emboff met the hotel owner on October 14 at his hotel.", "2014-10-16", "2014-10-14"),
        ("روز دوشنبه اول دی با منبع دیدار شد.", "2014-12-23", "2014-12-22"),
        ("تأجل اللقاء الذي كان مقرراً مع المصدر يوم الخميس ٥ آذار.", "2015-03-03", "2015-03-05"),
        ("ROSEWOOD met us on 7 April. He flew to Istanbul the following morning.",
         "2015-04-09", "2015-04-08"),
        # a month named as what a payment is for is no other time
        ("On 12 November CO met LANTERN. CO paid LANTERN USD 1,200 for October.", "2014-11-14",
         "2014-11-12"),
    ],
)
def test_more_ways_to_write_a_day(text: str, doc_date: str, day: str) -> None:
    events = extract_events(text, [], [], doc_date)
    assert events[-1]["date"] == day


def test_day_of_telling_is_not_the_day_of_the_plan_and_a_later_call_off_dates_it() -> None:
    text = (
        "Barzinji told ConOff on July 16 that an Iranian pressed him in early July for a "
        "meeting at the Erbil Rotana hotel. Barzinji agreed, then cancelled on the morning of "
        "July 10."
    )
    found = extract_events(text, [], [], "2014-07-17")
    # (the call-off is its own sentence; whether the sentence models also read the plan as a
    # meeting of its own does not matter here)
    called_off = [e for e in found if e["status"] == "cancelled"]
    assert [e["date"] for e in called_off] == ["2014-07-10"]
    assert called_off[0]["evidence"]["quote"].endswith("July 10.")
    assert "2014-07-16" not in [e["date"] for e in found]  # the day of telling


def test_an_undated_cable_meeting_takes_the_summary_day() -> None:
    text = (
        "1. (C) SUMMARY: An adviser told PolOff on October 19 that suppliers are cultivated. "
        "END SUMMARY.\n\n2. (C) PolOff met the adviser at his office in Baghdad."
    )
    (event,) = extract_events(text, mentions(text, loc=("Baghdad",)), [], "2014-10-20")
    assert (event["date"], event["place"]) == ("2014-10-19", "Baghdad")


def test_a_plan_then_told_as_done_is_one_event() -> None:
    text = (
        "هماهنگ شد دیدار در همان محل انجام شود.\n\n"
        "روز ۱۷ فروردین ۱۳۹۳ در نمایشگاه با منبع گفت‌وگو کردم."
    )
    events = extract_events(text, [], [], "2014-04-08")
    assert [(e["type"], e["status"]) for e in events] == [("meeting", "happened")]


def test_a_follow_up_sentence_gives_the_meeting_its_place() -> None:
    text = "دیدار روز چهارشنبه ۱۷ دی ۱۳۹۳ در تاکسی انجام شد. اینجانب در میدان زیونه سوار شدم."
    (event,) = extract_events(text, mentions(text, loc=("میدان زیونه",)), [], None)
    assert event["place"] == "میدان زیونه"


def test_hearsay_that_goes_on_shares_the_day() -> None:
    text = (
        "بتاريخ ٢٠١٤/١٢/١٥ رصد مصدرنا المدعو وهو يلتقي بشخص إيراني في مقهى.\n"
        "أفاد المصدر أن الشخص الإيراني سلّمه ظرفاً يحتوي على مبلغ من الدولارات."
    )
    events = extract_events(text, [], [], "2014-12-18")
    assert [(e["type"], e["date"]) for e in events] == [
        ("meeting", "2014-12-15"), ("payment", "2014-12-15")]


def test_a_place_after_a_located_venue_is_located() -> None:
    text = "منبع ۱۹ در ایستگاه اتوبوس ساحه النصر با اینجانب تماس حضوری برقرار کرد."
    (event,) = extract_events(text, mentions(text, loc=("ساحه النصر",)), [], None)
    assert event["place"] == "ساحه النصر"


def test_arabic_short_vowels_do_not_hide_a_trigger() -> None:
    (event,) = extract_events("كُلِّف المصدر بتصوير مدخل المستودع.", [], [], None)
    assert event["type"] == "tasking"


def test_a_relative_day_counts_from_the_date_just_before_it() -> None:
    text = "عاد المذكور من مدينة قم يوم ١٥/١١/٢٠١٤، والتقى في اليوم التالي بوجهاء العشائر."
    events = extract_events(text, [], [], "2014-11-18")
    assert events[-1]["type"] == "meeting" and events[-1]["date"] == "2014-11-16"


def test_a_day_told_as_hearsay_is_not_the_story_day() -> None:
    text = (
        "التقى الضابط بالمصدر يوم ٢٠١٥/٥/٤ في بغداد.\n"
        "أفاد المصدر بأن موظفاً زار مقر الشركة يوم ٢٠١٥/٥/٢.\n"
        "كلف المصدر بتصوير مدخل المستودع."
    )
    events = extract_events(text, [], [], "2015-05-07")
    # (whether the employee's visit is a meeting is the sentence model's call; its day is
    # its own either way)
    assert [(e["type"], e["date"]) for e in events
            if "زار" not in text[e["evidence"]["start"]:e["evidence"]["end"]]] == [
        ("meeting", "2015-05-04"), ("tasking", "2015-05-04")]


@pytest.mark.parametrize(
    "text",
    [
        "Franz called on all 55,000 Opel workers across Europe to join in.",  # an appeal
        "Frequent high-level meetings will be needed to manage our differences.",  # plural
        "تعقد اللجنة اجتماعات دورية مع الوزارات.",
    ],
)
def test_appeals_and_plural_meetings_are_not_events(text: str) -> None:
    assert extract_events(text, [], [], None) == []


def test_a_declassification_date_is_not_the_story_day() -> None:
    text = "E.O. 12958: DECL: 10/15/2019\n\n1. (C) The Ambassador met the minister in Rome."
    (event,) = extract_events(text, mentions(text, loc=("Rome",)), [], "2009-10-15")
    assert event["date"] is None and event["place"] == "Rome"


@pytest.mark.parametrize(
    "text",
    [
        "The Minister discussed the upcoming OPEC meeting with reporters.",
        "ناقش المجلس موضوع الاجتماع المقبل للمحافظين.",
        "أنكر أنه طلب مني أي معلومات عن المطار.",  # a denial
    ],
)
def test_topics_and_denials_are_not_events(text: str) -> None:
    assert extract_events(text, [], [], None) == []


@pytest.mark.parametrize(
    ("text", "loc", "expected"),
    [
        ("We arranged to meet at the Ishtar Hotel on 12 June.", ("Ishtar Hotel",),
         [("meeting", "planned", "2014-06-12", "Ishtar Hotel")]),
        ("They discussed the airport during the meeting in Basra on 3 June.", ("Basra",),
         [("meeting", "happened", "2014-06-03", "Basra")]),
        ("سوژه در روز ۵ تیر وارد نجف شد.", ("نجف",), [("travel", "happened", "2014-06-26", "نجف")]),
        ("وصل المصدر إلى البصرة يوم 2014/6/5 قادماً من الكويت.", ("البصرة", "الكويت"),
         [("travel", "happened", "2014-06-05", "البصرة")]),
    ],
)
def test_more_ways_to_tell_an_event(text: str, loc: tuple, expected: list) -> None:
    events = extract_events(text, mentions(text, loc=loc), [], "2014-07-10")
    assert [(e["type"], e["status"], e["date"], e["place"]) for e in events] == expected


def test_a_summary_retells_but_keeps_what_only_it_tells() -> None:
    text = (
        "1. (C) SUMMARY: A port employee told PolOff on May 12 that he had seen the director "
        "sitting with an Iranian in a parked car near the Ashar market. Iranians are "
        "cultivating customs officers. END SUMMARY.\n\n"
        "2. (C) PolOff met the employee at a cafe in Basra on May 12."
    )
    events = extract_events(text, mentions(text, loc=("Basra",)), [], "2014-05-14")
    assert [(e["type"], e["status"]) for e in events] == [
        ("meeting", "reported"), ("meeting", "happened")]


def test_a_second_trigger_shares_the_first_ones_day() -> None:
    text = "أبلغ المصدر أن المدعو سافر يوم ٢٠١٥/٨/١٤ إلى بيروت والتقى هناك بأشخاص من حزب الله."
    events = extract_events(text, mentions(text, loc=("بيروت",)), [], "2015-08-20")
    assert [(e["type"], e["date"]) for e in events] == [
        ("travel", "2015-08-14"), ("meeting", "2015-08-14")]


def test_the_place_a_trip_reached_is_where_the_next_meeting_was() -> None:
    text = "۱- روز ۸ تیر ۱۳۹۴ عازم کربلا شدیم.\n۲- روز بعد با منبع ۲۱۱ دیدار شد."
    events = extract_events(text, mentions(text, loc=("کربلا",)), [], "2015-07-01")
    assert [(e["type"], e["place"]) for e in events] == [("travel", "کربلا"), ("meeting", "کربلا")]


@pytest.mark.parametrize(
    "text",
    [
        "وتشير المعلومات إلى أن المذكور يجتمع بالإيرانيين بصورة دورية.",  # a habit
        "He offered to meet PolOff again after his return.",  # an offer, not a plan
    ],
)
def test_habits_and_offers_are_not_events(text: str) -> None:
    assert extract_events(text, [], [], None) == []


def test_at_the_end_of_the_meeting_names_the_meeting_just_told() -> None:
    text = "آرش را روز ۱ آذر ۱۳۹۳ در بغداد ملاقات کردم. در پایان ملاقات مبلغ هزار دلار به آرش پرداخت شد."
    events = extract_events(text, mentions(text, loc=("بغداد",)), [], None)
    assert [e["type"] for e in events] == ["meeting", "payment"]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Officers meet sources in pharmacies because they are busy.", []),
        ("The KDP routinely meets Iranian consular staff.", []),
        ("تاکنون هیچ‌گونه پرداخت غیرنقدی به عامل صورت نگرفته است.", []),
        ("He will meet the source in Basra.", ["meeting"]),
        ("The next meet was aborted.", ["meeting"]),
        ("The source meets his handler on 5 May in Basra.", ["meeting"]),
    ],
)
def test_the_simple_present_is_a_habit(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2014-05-01")] == types


# --------------------------------------------------------------------------- round 6
# Errors a user found on the example case, fixed by rule: a place phrase ends before its
# verb and a trailing preposition; a car is not a participant; an instruction is a plan;
# an assessment of a possible event is no event; the nearest date dates the trigger.


@pytest.mark.parametrize(
    ("text", "loc", "place"),
    [
        # a light verb takes the word before it: «سوار شدم», «قدم زدیم»
        ("دیدار انجام شد. اینجانب در میدان فردوسی سوار شدم.", (), "میدان فردوسی"),
        ("در پارک ملت قدم زدیم و با منبع دیدار کردیم.", (), "پارک ملت"),
        # a verb right after the venue word ends it
        ("حدود ساعت ۱۸ وارد کتابفروشی شدم و با منبع دیدار کردم.", (), "کتابفروشی"),
        ("دانا ساعت ۱۹ به همراه همسرش وارد صحن شد و با منبع دیدار کرد.", (), "صحن"),
        # the venue runs through its city, then stops before «در نظر گرفته شود»
        ("دیدار با منبع در کافه نادری در تهران در نظر گرفته شود.", ("تهران",), "کافه نادری در تهران"),
        # «… برنامه‌ریزی شده بود»: the noun of a compound verb is not part of the place
        ("دیدار با منبع در رستوران الماس در خیابان سعدون برنامه‌ریزی شده بود.", (),
         "رستوران الماس در خیابان سعدون"),
        ("التقيت المصدر في مقهى الشابندر جلسنا ساعة.", (), "مقهى الشابندر"),
        # «حضرت» is a Persian title, not Arabic حضر with a suffix
        ("روز پنجشنبه منبع را در صحن حرم حضرت عباس (ع) ملاقات کردم.", (), "صحن حرم حضرت عباس"),
        ("We met him at the hotel in Baghdad and talked.", ("Baghdad",), "hotel in Baghdad"),
        # «در یکی از …» locates the venue it introduces
        ("دیدار آینده در یکی از کافه‌های خیابان کریم‌خان خواهد بود.", (),
         "کافه‌های خیابان کریم‌خان"),
    ],
)
def test_a_place_phrase_stops_before_its_verb(text: str, loc: tuple, place: str) -> None:
    (event,) = extract_events(text, mentions(text, loc=loc), [], None)
    assert event["place"] == place


@pytest.mark.parametrize(
    ("text", "per", "participants"),
    [
        ("رصد بتاريخ 16/5/2014 داخل سيارته نوع تويوتا كامري قرب السوق برفقة شخص.",
         ("تويوتا كامري",), []),
        ("He met Ali Hassan in a white Toyota Land Cruiser near the market.",
         ("Ali Hassan", "Toyota Land Cruiser"), ["Ali Hassan"]),
        ("با منبع ۲۰۷ در یک پژو پارس دیدار کردم.", ("پژو پارس",), ["منبع ۲۰۷"]),
        # a person in a car is still a person: «در تاکسی عباس»
        ("دیدار با منبع در تاکسی عباس انجام شد.", ("عباس",), ["عباس"]),
        # a car named right after «مدل» is a thing, whatever its name
        ("با او در خودروی مدل سیمرغ دیدار کردم.", ("سیمرغ",), []),
    ],
)
def test_vehicles_are_not_participants(text: str, per: tuple, participants: list) -> None:
    (event,) = extract_events(text, mentions(text, per=per), [], None)
    assert event["participants"] == participants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a present form without می is a subjunctive: an instruction or a recommendation
        ("دیدار بعدی با منبع در کافه در نظر گرفته شود.", [("meeting", "planned")]),
        ("منبع باید پیش از آذر با او ملاقات کند.", [("meeting", "planned")]),
        ("مبلغ هزار دلار به منبع پرداخت گردد.", [("payment", "planned")]),
        # the asking happened; what was asked is the task
        ("از منبع خواسته شد فهرست کارکنان را تهیه کند.", [("tasking", "happened")]),
        # the event's verb comes first: what follows it is a purpose or a condition
        ("دیدار با منبع انجام شد تا او آرام شود.", [("meeting", "happened")]),
        ("همکاری را پذیرفت، به شرط آنکه نامش برده نشود.", [("recruitment", "happened")]),
        # می makes it indicative
        ("دیدار با منبع که در کربلا زندگی می‌کند، انجام شد.", [("meeting", "happened")]),
    ],
)
def test_instructions_and_recommendations_are_plans(text: str, expected: list) -> None:
    events = extract_events(text, [], [], None)
    assert [(e["type"], e["status"]) for e in events] == expected


@pytest.mark.parametrize(
    "text",
    [
        "از سوی دیگر، جذب این فرد ارزش اطلاعاتی زیادی دارد.",
        "Recruiting the deputy director would be valuable.",
        "تجنيد هذا الموظف ذو قيمة كبيرة.",
    ],
)
def test_an_assessment_of_a_possible_recruitment_is_no_event(text: str) -> None:
    assert extract_events(text, [], [], None) == []


@pytest.mark.parametrize(
    ("text", "doc_date", "date", "date_end"),
    [
        # the nearest date dates the trigger, a month as precisely as it is written
        ("وی در بهمن ۱۳۹۲ معرفی و در خرداد ۱۳۹۳ در کربلا جذب شد.", "2014-10-01",
         "2014-05-22", "2014-06-21"),
        ("He was introduced in January 2014 and recruited in March 2014 in Basra.", None,
         "2014-03-01", "2014-03-31"),
        ("روز ۵ مهر ۱۳۹۳ معرفی شد و روز ۱۲ مهر ۱۳۹۳ در کربلا با او دیدار شد.", None,
         "2014-10-04", None),
        # a month of another clause is not the event's, and it gives no story day
        ("تعرفت عليه في شباط 2014، والتقيته بعد ذلك في بغداد.", "2014-10-01", None, None),
        # a bound or a noun's month is not the event's time
        ("We met Boko, who had served as minister until April 2005.", None, None, None),
        ("He met the prosecutor to review the April 2003 death of a cameraman.", None, None,
         None),
    ],
)
def test_the_nearest_date_dates_the_trigger(text, doc_date, date, date_end) -> None:
    event = extract_events(text, [], [], doc_date)[-1]
    if date_end:  # a month: no day, but its first and last
        assert (event["date"], event["date_start"], event["date_end"]) == (None, date, date_end)
    else:
        assert (event["date"], event["date_start"], event["date_end"]) == (date, None, None)


def test_a_month_is_not_the_story_day() -> None:
    text = "در مرداد ۱۳۹۳ به کربلا رفتم. آنجا با منبع دیدار کردم."
    events = extract_events(text, mentions(text, loc=("کربلا",)), [], None)
    assert [(e["type"], e["date"], e["date_start"]) for e in events] == [
        ("travel", None, "2014-07-23"), ("meeting", None, None)]


def test_a_trigger_pointing_back_joins_the_plan_with_its_people() -> None:
    text = "دیدار با نزار در هتل بابل در نظر گرفته شود. منبع ۲۰۷ دیدار را همراهی کند."
    (event,) = extract_events(text, mentions(text, per=("نزار",)), [], None)
    assert event["status"] == "planned" and event["participants"] == ["نزار", "منبع ۲۰۷"]


def test_events_depend_on_the_cables_stage() -> None:
    import kashf.pipeline  # noqa: F401  (registers the stages)
    from kashf.runner import selected_stages
    from kashf.stages import REGISTRY

    assert "cables" in REGISTRY["events"].depends
    order = [s.name for s in selected_stages(["events", "cables", "entities", "language"])]
    assert order.index("cables") < order.index("events")


def test_a_negated_trigger_denies_only_its_own_event() -> None:
    text = "آرش قصد دارد به بصره سفر کند و تا بازگشت او هیچ دیداری برنامه‌ریزی نشده است."
    assert [(e["type"], e["status"]) for e in extract_events(text, [], [], None)] == [
        ("travel", "planned")]
    text = "ويعتزم غزال السفر إلى المحمرة، ولن يُعقد أي لقاء قبل عودته."
    assert [e["type"] for e in extract_events(text, [], [], None)] == ["travel"]
    assert extract_events("No meeting with the source is planned.", [], [], None) == []


def test_taskings_told_one_after_another_are_each_their_own() -> None:
    text = ("از منبع خواسته شد فهرست کارکنان را تهیه کند. "
            "همچنین از منبع خواسته شد از دروازه عکس بگیرد.")
    assert [e["type"] for e in extract_events(text, [], [], None)] == ["tasking", "tasking"]


def test_a_trip_goes_to_its_destination_not_to_where_the_traveller_works() -> None:
    text = "أفاد المصدر بأن صاحب مكتب صيرفة في شارع الرشيد، سافر إلى طهران وعاد بعد أربعة أيام."
    mentions = []
    for name in ("شارع الرشيد", "طهران"):
        at = text.index(name)
        mentions.append({"label": "LOC", "start": at, "end": at + len(name), "text": name})
    (event,) = extract_events(text, mentions, [], None)
    assert event["type"] == "travel" and event["place"] == "طهران"


def test_a_continuous_verb_is_not_the_asking_verb() -> None:
    assert extract_events("او از تهران آمده بود و می‌خواست کار پیدا کند.", [], [], None) == []
    (event,) = extract_events("از نیلوفر خواستم فهرست مسافران را بفرستد.", [], [], None)
    assert event["type"] == "tasking"


@pytest.mark.parametrize("text, types", [
    ("Remarks: T did not meet anyone else today.", []),
    ("BIRCH has met C/O eleven times since January.", []),
    ("نفى الموقوف أن يكون قد التقى بأي ضابط أجنبي آخر.", []),
    ("T sits down with an unknown male at a corner table.", ["meeting"]),
    ("BIRCH came down from Zakho to Duhok by shared taxi.", ["travel"]),
    ("قرار بعدی برای پنجشنبه در سالن نمایشگاه تعیین شده است.", ["meeting"]),
    ("طلبت منه أن يجلب لي نسخة من جدول المناوبات.", ["tasking"]),
])
def test_round_five_phrases(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2019-05-05")] == types



@pytest.mark.parametrize("text, types", [
    ("روحانی عراقی با او در رستوران هتل شام خورده است.", ["meeting"]),
    ("On Monday I spent about two hours with SANDPIPER at his guesthouse.", ["meeting"]),
    ("أبدى استعداده التام للعمل معنا، وأدّى القَسَم في نهاية اللقاء.", ["recruitment"]),
    ("He had flown out to Larnaca on Wednesday.", ["travel"]),
    ("Abu Faisal put an envelope with OMR 2,000 in cash on the desk.", ["payment"]),
    ("حواله ۳۰۰ دلار از صرافی به حساب همسر منبع فردا واریز می‌شود.", ["payment"]),
    # «وزارة» is not «و» + «زاره» (visited him); «اطلاع رسید» (it was learned) is no arrival
    ("وصل الوفد إلى مبنى وزارة النقل.", []),
    ("اطلاع رسید که مشاور وزیر روز یکشنبه در بغداد بود.", []),
    ("شرح ملاقات قبلی در تلگرام ۴۹.", []),
    ("استقل سيارتي أجرة متتاليتين.", []),
])
def test_round_seven_phrases(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2019-09-09")] == types


@pytest.mark.parametrize("text, types", [
    ("Met: Tue 8 Oct 2019.", []),  # a contact report's header line
    ("Total paid to date: USD 8,700.", []),
    ("GRANITE has never crossed into Syria without telling us first.", []),
    ("منبع می‌گوید کاک هیمن را پیش از این سفر هرگز ندیده بود.", []),
    ("An Iranian consular officer took him to dinner at the hotel on November 4.", ["meeting"]),
    ("خرجنا وجلسنا في مقهى الأصدقاء قرب القلعة قرابة ساعة.", ["meeting"]),
    ("He also offered one contractor a salaried post in the group's security office.",
     ["recruitment"]),
])
def test_round_eight_phrases(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2019-10-09")] == types


@pytest.mark.parametrize("text, types", [
    ("نخستین آشنایی با سپیدار در نمایشگاه بین‌المللی کتاب بیروت صورت گرفت.", ["meeting"]),
    ("On 13 February Haddad was picked up outside the mall and driven around the city.",
     ["meeting"]),
    ("Funds of JOD 4,000 were transferred to Haddad's account on 12 February.", ["payment"]),
    ("أبلغ المذكور جبار أن لقاءهما المقرر ظهراً قد أُلغي بسبب كثرة الشرطة.", ["meeting"]),
    ("He was paid USD 150 each time he met his handler.", []),  # a habit
    ("ومن عادته السفر إلى عمّان مرة كل شهر.", []),
    # «هرگز» in a condition does not deny the recruitment it follows
    ("دانا همکاری را پذیرفت، به شرط آنکه نامش هرگز جایی برده نشود.", ["recruitment"]),
])
def test_round_nine_phrases(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2022-02-17")] == types


def test_in_english_and_arabic_a_day_goes_with_the_trigger_before_it() -> None:
    text = ("كما اعترف بأنه سافر إلى أربيل في ٢ تشرين الأول ٢٠٢٢، والتقى (كريم) في اليوم "
            "التالي في مطعم، وأنه تلقى في ١٨ تشرين الأول حوالة بمبلغ خمسة ملايين دينار.")
    found = extract_events(text, mentions(text, loc=("أربيل",)), [], "2022-11-09")
    assert [(e["type"], e["date"]) for e in found] == [
        ("travel", "2022-10-02"), ("meeting", "2022-10-03"), ("payment", "2022-10-18")]


@pytest.mark.parametrize("text, loc, types", [
    # «للقاء» is the purpose of the trip, not a second event
    ("كان ينوي السفر إلى إسطنبول يوم ١٢ تشرين الثاني للقاء مشغّله.", ("إسطنبول",), ["travel"]),
    ("الچین قرار است اواخر آبان برای دیدار با کهربا به تهران بیاید.", ("تهران",), ["travel"]),
    # «بسفر» (the Bosphorus) in a hotel's name is no trip
    ("یکشنبه در لابی هتل زمرد بسفر با الچین قهوه خورد.", ("هتل زمرد بسفر",), ["meeting"]),
    ("او هر یکشنبه به مسجد سلیمانیه می‌رود.", ("مسجد سلیمانیه",), []),  # a habit
    ("منبع گفت ابوحیدر تا اواخر اردیبهشت به کربلا نخواهد آمد.", ("کربلا",), []),
])
def test_round_ten_phrases(text: str, loc: tuple[str, ...], types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, mentions(text, loc=loc), [], "2019-10-09")] \
        == types


def test_a_transcript_question_names_the_event_its_answer_the_day_and_place() -> None:
    text = ("Q: When is the next meeting?\nA: Friday, after the noon prayer, at the Kani Askan "
            "mosque.\nQ: Did he pay you?\nA: No. Not yet.")
    found = extract_events(text, mentions(text, loc=("Kani Askan mosque",)), [], "2019-11-12")
    assert [(e["type"], e["status"], e["date"], e["place"]) for e in found] == [
        ("meeting", "planned", "2019-11-15", "Kani Askan mosque")]
    assert found[0]["evidence"]["quote"].startswith("Q: When is the next meeting?\nA: Friday")


@pytest.mark.parametrize("text, types", [
    ("به گفته او، عدنان همان شب سه هزار دلار نقد در پاکتی به گل‌احمد داده است.", ["payment"]),
    ("منبع گزارش داد که دویست دلار هزینه سفرش شده است.", []),  # «گزارش داد»: reported
    # a deadline is no meeting: «تا دیدار بعدی», "by the next meeting"
    ("از او خواستم فهرست کامیون‌ها را تا دیدار بعدی تهیه کند.", ["tasking"]),
    ("Conoff asked Qureshi to telephone the Consulate if Tavakoli contacts him again.",
     ["tasking"]),
    ("Tavakoli lunched with two customs appraisers at the food court on August 3.", ["meeting"]),
    ("August's stipend (USD 800) is still outstanding.", []),
])
def test_round_ten_more_phrases(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2019-10-09")] == types


def test_a_plan_word_before_the_second_verb_is_that_verbs() -> None:
    text = "He travelled to Basra on 3 May and will meet the source on Friday."
    found = extract_events(text, mentions(text, loc=("Basra",)), [], "2023-05-08")
    assert [(e["type"], e["status"], e["date"]) for e in found] == [
        ("travel", "happened", "2023-05-03"), ("meeting", "planned", "2023-05-12")]
    text = ("كان (قمر) قد عاد إلى بغداد يوم الأحد، وكنا قد اتفقنا على أن نلتقي مساء اليوم نفسه "
            "في مول الزوراء.")
    found = extract_events(text, mentions(text, loc=("بغداد", "مول الزوراء")), [], "2022-06-09")
    assert [(e["type"], e["status"], e["date"]) for e in found][0] == \
        ("travel", "happened", "2022-06-05")  # last Sunday: the plan is the meeting's


@pytest.mark.parametrize("text, types", [
    ("التقيت المصدر في باحة الجامع، ووصلت إليه سيراً على الأقدام.", ["meeting"]),
    # «في موعده» (on time) is no appointment; a withheld reward is a payment called off
    ("أما مكافأة آذار فقد حُجبت عنه لأنه لم يقدّم تقريره في موعده.", ["payment"]),
    ("لم يُكلَّف حتى الآن بأي مهمة داخل المعسكرات.", []),
    ("شرح دیدار نخست در گزارش ۱۱۴ آمده است.", []),
    ("He was asked to bring a copy of the directory to the next meeting.", ["tasking"]),
    ("[Officer's note: session held in my car in the car park of the mall.]", ["meeting"]),
])
def test_round_ten_arabic_and_more(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2023-05-08")] == types


def test_a_meeting_already_told_is_the_setting_of_a_later_event() -> None:
    text = ("دیروز با منبع در کافه دیدار کردم. در دیدار از او خواسته شد فهرست کشتی‌ها را بیاورد. "
            "در دیدار بعدی که برای جمعه در نظر گرفته شده، حق‌الزحمه او پرداخت خواهد شد.")
    found = extract_events(text, [], [], "2021-11-14")
    assert [(e["type"], e["status"]) for e in found] == [
        ("meeting", "happened"), ("tasking", "happened"), ("meeting", "planned"),
        ("payment", "planned")]


@pytest.mark.parametrize("text, types", [
    # a habit on a weekday: the weekday is the habit's, not a day
    ("From then on he met his handler every second Thursday and was paid USD 150 each time.", []),
    ("وهو يصلّي الجمعة عادةً في جامع النوري.", []),
    ("اتوبوسش با سه ساعت تأخیر به ایروان رسیده است.", ["travel"]),
])
def test_round_ten_habits_and_arrivals(text: str, types: list[str]) -> None:
    text_mentions = mentions(text, loc=("ایروان",)) if "ایروان" in text else []
    assert [e["type"] for e in extract_events(text, text_mentions, [], "2021-03-02")] == types


# The part of a named venue (its food court, courtyard, car park, lobby) is told by the venue;
# the quote keeps the part.
@pytest.mark.parametrize("text, loc, place", [
    ("I met GRANITE in the food court of the Kervan Park mall in Gaziantep on 8 October.",
     ("Kervan Park", "Gaziantep"), "Kervan Park"),
    ("Conoff met Salman Qureshi, deputy harbour master at Karachi Port, over lunch at the "
     "Seabreeze Terrace restaurant in Clifton on August 8.",
     ("Karachi Port", "Seabreeze Terrace", "Clifton"), "Seabreeze Terrace"),
    ("التقيت المصدر مساء الأحد ٧ أيار في باحة جامع الحاج عبد الرزاق في حي الزهور.",
     ("جامع الحاج عبد الرزاق", "حي الزهور"), "جامع الحاج عبد الرزاق"),
    ("آخرین دیدار روز یکشنبه ۱۴ بهمن داخل خودرو در پارکینگ مرکز خرید بحر پلازا در صیدا انجام شد.",
     ("مرکز خرید بحر پلازا", "صیدا"), "مرکز خرید بحر پلازا"),
    # the venue a city is given for, however the sentence reaches it
    ("On January 11 Dunmore hosted Alison Reyes at a private dinner in the Oak Room of the "
     "Hotel Carrow in Washington.", ("Hotel Carrow", "Washington"), "Hotel Carrow"),
    ("دیدار رایزن با سرو: دوشنبه ۲۳ خرداد، حسینیه آل‌یاسین در کاظمین، پس از نماز مغرب.",
     ("حسینیه آل‌یاسین", "کاظمین"), "حسینیه آل‌یاسین"),
    # a landmark near the venue is not the venue
    ("عصر سه‌شنبه ۱ خرداد با رضا در کافه کتاب شمس، نزدیک میدان ساعت، دیدار کرد.",
     ("کافه کتاب شمس", "میدان ساعت"), "کافه کتاب شمس"),
    ("On 12 October, while we were unloading at Mersin, I met Halabi at the Blue Anchor bar "
     "on the quay.", ("Mersin", "Blue Anchor bar"), "Blue Anchor bar"),
    # the preposition written on the venue word stays out of the place
    ("أنه التقى في اليوم الموالي بمقهى بويرتو أزول شخصاً قدّم نفسه باسم خافيير.",
     ("مقهى بويرتو أزول",), "مقهى بويرتو أزول"),
])
def test_a_meeting_is_at_its_venue_not_its_city(text: str, loc: tuple[str, ...], place: str) -> None:
    (event,) = extract_events(text, mentions(text, loc=loc), [], "2019-10-10")
    assert event["place"] == place


def test_a_payment_told_with_a_meeting_leaves_the_place_to_the_meeting() -> None:
    text = ("دیدار روز یکشنبه در پارکینگ مرکز خرید بحر پلازا انجام شد و ۱۲۰۰ دلار نقداً به او "
            "تحویل گردید.")
    found = extract_events(text, mentions(text, loc=("مرکز خرید بحر پلازا",)), [], "2019-02-05")
    assert [(e["type"], e["place"]) for e in found] == [
        ("meeting", "مرکز خرید بحر پلازا"), ("payment", None)]


@pytest.mark.parametrize("text, loc, place", [
    ("He crossed into Turkey at Bab al-Salama on 26 May.", ("Turkey", "Bab al-Salama"),
     "Bab al-Salama"),
    ("He is expected to return to Iran via the Zurbatiyah crossing on 1 April.",
     ("Iran", "Zurbatiyah"), "Zurbatiyah"),
    ("شقيقه عبر إلى سوريا عن طريق معبر المصنع يوم الأحد.", ("سوريا", "معبر المصنع"), "معبر المصنع"),
    # a city is where the trip goes, whatever crossing it takes
    ("من المتوقع أن يسافر المذكور براً إلى البصرة عبر منفذ سفوان يوم الأحد.",
     ("البصرة", "منفذ سفوان"), "البصرة"),
    ("سافر المحويتي يوم السبت ٣٠/٩/٢٠٢٣م عبر منفذ وادي الجفرة إلى صنعاء.",
     ("منفذ وادي الجفرة", "صنعاء"), "صنعاء"),
])
def test_a_trip_into_a_country_is_placed_at_its_crossing(
    text: str, loc: tuple[str, ...], place: str
) -> None:
    (event,) = extract_events(text, mentions(text, loc=loc), [], "2019-10-10")
    assert event["type"] == "travel" and event["place"] == place


@pytest.mark.parametrize("text, types", [
    ("لو تأخرت الدفعة الأولى فسنضطر إلى تأجيل الرواتب.", []),  # a condition
    ("چنانچه فرودگاه بسته شود، اعزام‌ها از مسیر زمینی انجام خواهد شد.", []),
    ("ای کاش یه روز بشه مستقیم با خود فراس نشست.", []),  # a wish
    ("Funding and tasking.", []),  # a section's heading
    ("13:05 T1 meets W1 in the food court of the gallery.", ["meeting"]),  # a log's line
    ("VESPER telephone debrief (16:00): she stated nothing new.", []),
    ("قُبيل انتهاء اللقاء، ناول العيتاني الحلبي ظرفاً فيه ألفي دولار أميركي نقداً.", ["payment"]),
    ("سيغادر إلى الموصل يوم السبت.", ["travel"]),
    ("He estimates that MOIS paid around EUR 300,000 to European assets in 2017.", []),
])
def test_round_eleven_phrases(text: str, types: list[str]) -> None:
    found = extract_events(text, [], [], "2020-02-15")
    if text.startswith("قُبيل"):  # the meeting is already told
        found = extract_events("التقيت العيتاني أمس. " + text, [], [], "2020-02-15")[1:]
    assert [e["type"] for e in found] == types


@pytest.mark.parametrize("text, types", [
    ("نارون عادت دارد عصرهای جمعه برای نماز به مسجد حاجی‌بابا برود.", []),  # a habit
    ("مجموع وجوه پرداختی به نارون از ابتدای سال تاکنون به چهار هزار منات رسیده است.", []),
    ("ارزیابی: منبع معتقد است الحلفی برای استخبارات عراق کار می‌کند.", []),
    ("He has not been tasked for the trip.", []),
    ("في اليوم التالي سحب المذكور مبلغ ٢٠٠ ألف درهم نقداً من فرع البنك في ديرة.", []),
    ("ثانياً: التقييم والتوصيات", []),  # a heading
    ("Amadou DICKO paid two drivers approx. EUR 4,000 on 8 Jun for fuel.", ["payment"]),
    # a pitch over dinner: the dinner is the pitch's setting, not a meeting of its own
    ("Two days later, over dinner at the Marlowe Hotel, TEE offered to pay OKAFOR $2,000 a "
     "month for \"market insight\" on his employer's programmes.", ["recruitment"]),
    ("A trip to Vancouver, all expenses paid, was called off.", ["travel"]),
    ("كان من المقرر أن يلتقي المتهم بمهرداد مساء السبت، إلا أن المتهم تلقى اتصالاً هاتفياً فعاد "
     "إلى منزله.", ["meeting"]),
])
def test_round_eleven_more(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2020-06-12")] == types


@pytest.mark.parametrize("text, loc, expected", [
    # spoken Persian drops «به» before the destination
    ("ابوحیدر قراره سه‌شنبه ۲۱ آبان بره بیروت.", "بیروت", ("travel", "planned", "بیروت")),
    ("رئیسش سه‌شنبه با پرواز صبح رفته باکو.", "باکو", ("travel", "happened", "باکو")),
    ("الان راه افتادم سمت بعلبک.", "بعلبک", ("travel", "happened", "بعلبک")),
])
def test_spoken_persian_trips(text: str, loc: str, expected: tuple[str, str, str]) -> None:
    (event,) = extract_events(text, mentions(text, loc=(loc,)), [], "2019-11-09")
    assert (event["type"], event["status"], event["place"]) == expected


def test_yesterday_in_a_diary_entry_counts_from_the_entry() -> None:
    text = ("۱۸ بهمن ۱۴۰۰\n\nکبوتر را در کافه دیدم.\n\n۲۰ بهمن ۱۴۰۰\n\n"
            "عمر دیروز با پرواز صبح به دوحه رفته است.")
    found = extract_events(text, mentions(text, loc=("دوحه",)), [], "2022-02-12")
    assert [(e["type"], e["date"]) for e in found][-1] == ("travel", "2022-02-08")


def test_a_cited_papers_date_opens_no_entry() -> None:
    text = "پیرو گزارش ۴۰۷ مورخ ۱۳۹۸/۰۶/۰۲\n\nمدیر آژانس دیروز چهار هزار یورو به حساب او واریز کرد."
    (event,) = extract_events(text, [], [], "2019-09-11")
    assert event["date"] == "2019-09-10"


@pytest.mark.parametrize("text, day", [
    ("Source WHITE HERON met the collector on 10 Jun at the cattle market.", "2020-06-10"),
    ("Next meet is planned for Fri 19 Jun at the mosque.", "2020-06-19"),
    ("جرى تجنيد منصور في ١٤ آب/أغسطس ٢٠١٩ خلال عشاء في الفندق.", "2019-08-14"),
])
def test_short_and_double_month_names(text: str, day: str) -> None:
    (event,) = extract_events(text, [], [], "2020-06-12")
    assert event["date"] == day


@pytest.mark.parametrize("text, date", [
    ("Next meeting: Wednesday 23 October, 1900, in my car by the turn.", "2019-10-23"),  # 19:00
    ("پس‌فردا با خودروی شخصی به بغداد می‌رود.", "2019-10-12"),
    ("T1 told her he is flying to Istanbul on Saturday.", "2019-10-12"),
    ("They agree to meet instead on Thursday at 19:00 in his car.", "2019-10-17"),
    ("في ١٥ ذو الحجة ١٤٣٥ التقى الضابط بالمصدر في بغداد.", "2014-10-09"),  # a Hijri year
])
def test_round_eleven_dates(text: str, date: str) -> None:
    (event,) = extract_events(text, mentions(text, loc=("بغداد",) if "بغداد" in text else ()),
                              [], "2019-10-10")
    assert event["date"] == date


@pytest.mark.parametrize("text, date, day", [
    # a Persian report's day/month is Solar Hijri
    ("کوهیار در تماس تلفنی بعدی، یکشنبه ۲۳/۰۲، موظف خواهد شد گزارش ماهانه‌اش را بگذارد.",
     "2024-05-09", "2024-05-12"),
    ("Contact took place on 27 SEP 23 from 1900 to 2040 hrs in conference room 4.",
     "2023-09-29", "2023-09-27"),
    ("بتاريخ ١٨/٧ توجّه فريق التحقيق إلى المصفى لمعاينته.", "2021-07-25", "2021-07-18"),
    ("اتفقنا نتلاقى أنا والنمر الثلاثا الجاية الصبح بقهوة أبو علي.", "2021-06-10", "2021-06-15"),
    ("Met M. at 9:30 this morning at the café behind the station.", "2022-02-16", "2022-02-16"),
    ("جواب: ۱۲ مرداد ۱۳۹۹ به بانه رفتم. جمعه ۱۴ شهریور همان سال داخل ماشینش با او دیدار "
     "کردم.", "2021-12-06", "2020-09-04"),
])
def test_round_twelve_dates(text: str, date: str, day: str) -> None:
    places = tuple(p for p in ("بانه", "المصفى") if p in text)
    found = extract_events(text, mentions(text, loc=places), [], date)
    assert found[-1]["date"] == day


@pytest.mark.parametrize("text, types", [
    # «گ» of a Kurdish name does not make Arabic prose Persian
    ("اعترف الموقوف بأنه التقى يوم الاثنين المدعو (حاجي رزگار) في استراحة كاني سپي، وأن "
     "الأخير سلّمه في ختام اللقاء خمسة آلاف دولار نقداً.", ["meeting", "payment"]),
    ("در صورت موافقت اداره، می‌توان ابوحیدر را نیز هدف جذب قرار داد.", []),
    ("- Total received, by his count: €7,000.", []),
    ("Lenz then invited him to lunch at the Hotel Miradouro on 9 November and offered him "
     "€2,000 a month for market analysis.", ["recruitment"]),
    ("ORLOVSKY PASSED MEIRELES AN ENVELOPE CONTAINING 50,000 ESCUDOS IN CASH.", ["payment"]),
    ("The client would like us to arrange a meeting with Varga's CFO.", []),
    ("خامساً: تعذّر عقد اللقاء الذي كان مقرراً مع المصدر يوم الثلاثاء.", ["meeting"]),
])
def test_round_twelve_phrases(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2021-07-25")] == types


def test_a_named_venue_the_tagger_missed_is_still_the_place() -> None:
    text = "شخصاً يُكنّى (أبو زينب) جنّده في اليوم التالي خلال لقاء في فندق السنديان في بيروت."
    found = extract_events(text, mentions(text, loc=("بيروت",)), [], "2023-04-10")
    assert found[0]["type"] == "recruitment" and found[0]["place"].startswith("فندق السنديان")
    text = "في بغداد التقيته أمس في مطعم شعبي."  # an unnamed restaurant: the city
    (event,) = extract_events(text, mentions(text, loc=("بغداد",)), [], "2023-04-10")
    assert event["place"] == "بغداد"


@pytest.mark.parametrize("text, types", [
    # a job offered for pay is one recruitment, the job not a tasking of its own
    ("Farahani invited him to lunch and asked him to keep an eye on the exile community in "
     "exchange for USD 2,000 a month.", ["recruitment"]),
    ("Tavakoli suggested that Qureshi could earn consultancy fees by sending him berthing "
     "lists.", ["recruitment"]),
    ("سيُختبر مرشح ثانٍ يوم الأربعاء بمهمة أولية هي نسخ فواتير الشحن.", ["recruitment"]),
])
def test_round_twelve_offers(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2022-10-09")] == types


@pytest.mark.parametrize("text, types", [
    ("پنجشنبه ۱۰ آذر آقای فرخ جمیل در رستوران هتل ریجنت پلازا مهمان اینجانب بود.", ["meeting"]),
    ("طبق دستورالعمل، هرگونه دیدار با دیپلمات‌های خارجی باید از پیش هماهنگ شود.", []),
    ("Wren and Lasko have lunch at the Marlowe Hotel, Westminster.", ["meeting"]),
    ("USD 2,000 lands in Wren's personal account from the Larnaca Policy Forum.", ["payment"]),
    ("In interview he denied meeting Qureshi during that trip.", []),
    ("يوم الثلاثاء توجّه المذكور بسيارة رباعية الدفع إلى كربلاء.", ["travel"]),  # drive, not pay
    ("حيث عرض عليه ضابط إيراني في فندق زاكروس العمل لصالحهم مقابل راتب شهري قدره ألف دولار.",
     ["recruitment"]),  # the salary offered is the pitch's price
    ("ب. مفاتحة الجهات المختصة للتحري عن هوية المدعو «حامد».", []),  # correspondence
])
def test_round_thirteen_phrases(text: str, types: list[str]) -> None:
    places = tuple(p for p in ("كربلاء",) if p in text)
    assert [e["type"] for e in extract_events(text, mentions(text, loc=places), [],
                                              "2022-11-20")] == types


def test_going_to_a_venue_is_no_trip() -> None:
    text = "سه‌شنبه ۸ آذر به حسینیه باب‌العلم رفتم و با مولانا دیدار کردم."
    found = extract_events(text, mentions(text, loc=("حسینیه باب‌العلم",)), [], "2022-11-30")
    assert [e["type"] for e in found] == ["meeting"]


@pytest.mark.parametrize("text, types", [
    ("جذب منابع در میان کارکنان هتل‌ها از اولویت‌های اداره است.", []),  # a priority, no event
    ("همو گفت ترکی در آن دیدار پنج هزار دلار از آمریکایی‌ها گرفته است.", ["payment"]),
    ("A. In mid-November he told me to go to Istanbul and wait at the hotel.", ["tasking"]),
    ("My own trip to Athens for a debrief with the Greek side was cancelled.", ["travel"]),
    ("MESBAH was taken on as a courier in June at the Iron Fist boxing gym.", ["recruitment"]),
])
def test_round_thirteen_more(text: str, types: list[str]) -> None:
    places = tuple(p for p in ("Istanbul", "Athens") if p in text)
    assert [e["type"] for e in extract_events(text, mentions(text, loc=places), [],
                                              "2022-11-20")] == types


def test_a_deposition_in_q_and_a_with_full_stops() -> None:
    text = "Q. Was there a further meeting?\nA. No."
    assert extract_events(text, [], [], "2022-11-20") == []


def test_a_log_lines_own_date() -> None:
    text = ("Period: 16–20 June 2019\n\n18 Jun, 11:00 – Met the mukhtar, Abu Salim, at his "
            "guesthouse.\n19 Jun, 14:00 – Field visit to Sinjar planned for tomorrow cancelled.")
    found = extract_events(text, mentions(text, loc=("Sinjar",)), [], "2019-06-20")
    assert [(e["type"], e["date"]) for e in found] == [
        ("meeting", "2019-06-18"), ("travel", "2019-06-20")]


def test_the_same_day_counts_from_the_last_day_told_even_a_weekday_one() -> None:
    text = ("التاريخ: ١٢/٩/٢٠٢٣\n\n٥. غادر المذكور صباح الخميس ٧/٩ براً إلى مسقط.\n"
            "٦. جلس المذكور مساء اليوم نفسه مع صرّاف عُماني في بهو فندق برج الموج.")
    found = extract_events(text, mentions(text, loc=("مسقط", "فندق برج الموج")), [],
                           "2023-09-12")
    assert [(e["type"], e["date"]) for e in found] == [
        ("travel", "2023-09-07"), ("meeting", "2023-09-07")]


@pytest.mark.parametrize("text, day", [
    ("On 18 March they met at the port. Eight days later the two men met again, in his car.",
     "2022-03-26"),
    ("التقاه يوم ١٤ شباط ٢٠٢٢. وبعد ثلاثة أيام طلب منه في اتصال هاتفي تصوير الميناء.",
     "2022-02-17"),
    ("دیدار روز ۱۲ مرداد ۱۴۰۰ انجام شد. چهار روز بعد با منبع دیدار کردم.", "2021-08-07"),
])
def test_days_counted_from_the_story(text: str, day: str) -> None:
    assert extract_events(text, [], [], "2022-04-10")[-1]["date"] == day


def test_an_organisation_named_as_a_venue_is_a_place() -> None:
    text = "On 25 September Marsh met him at the Greyfriars Tea Rooms in Leeds."
    found = extract_events(text, [
        {"start": text.index("Greyfriars"), "end": text.index(" in Leeds"), "label": "ORG",
         "text": "Greyfriars Tea Rooms"},
        {"start": text.index("Leeds"), "end": text.index("Leeds") + 5, "label": "LOC",
         "text": "Leeds"}], [], "2022-10-01")
    assert found[0]["place"] == "Greyfriars Tea Rooms"


def test_the_preposition_written_on_the_venue_word() -> None:
    text = "كان من المقرر عقد لقاء ثانٍ بين الطرفين مساء الثلاثاء ١٤/١١ بمول النخيل بسموحة."
    (event,) = extract_events(text, mentions(text, loc=("سموحة",)), [], "2023-11-20")
    assert event["place"].startswith("مول النخيل") or "مول النخيل" in event["place"]


def test_maghrebi_months_and_the_following_day() -> None:
    text = ("- أن المتهم سافر يوم 3 شتنبر 2021 على متن العبّارة إلى طنجة؛\n"
            "- أنه التقى في اليوم الموالي بمقهى بويرتو أزول شخصاً يدعى خافيير؛")
    found = extract_events(text, mentions(text, per=("خافيير",), loc=("طنجة", "مقهى بويرتو أزول")),
                           [], "2022-05-24")
    assert [(e["type"], e["date"]) for e in found] == [
        ("travel", "2021-09-03"), ("meeting", "2021-09-04")]


@pytest.mark.parametrize("text, types", [
    # the sum of one payment on a day is a payment; a running total is not
    ("هزینه‌های مهرماه مرجان، جمعاً چهل و پنج میلیون ریال، همان عصر نقداً به او پرداخت شد.",
     ["payment"]),
    ("تا امروز جمعاً هشت میلیون لیره به نارون پرداخت شده.", []),
    # sitting down with someone is meeting them
    ("فردای آن روز در دفتری در بازار نایف با بازرگانی اماراتی به نام سالم المزروعی نشسته است.",
     ["meeting"]),
    ("جلس المذكور مع شخص عراقي يُكنّى أبو زينب في استراحة النخيل.", ["meeting"]),
    # money received or slipped over is paid
    ("حيث تسلّم منه 1.500 أورو نقداً.", ["payment"]),
    ("That evening he collected a further AUD 30,000 in cash at the Saigon Pearl restaurant.",
     ["payment"]),
    ("Before that, on 12 February, she agreed to act as a confidential source.", ["recruitment"]),
    ("NURIYEV says he will sail to Sefidkenar aboard a company tanker on 12 October.", ["travel"]),
])
def test_more_ways_of_telling_events(text: str, types: list[str]) -> None:
    loc = tuple(name for name in ("Sefidkenar", "بازار نایف") if name in text)
    found_mentions = mentions(text, loc=loc)
    for amount in ("چهل و پنج میلیون ریال", "هشت میلیون لیره"):  # as the entities stage tags it
        if amount in text:
            at = text.index(amount)
            found_mentions.append({"start": at, "end": at + len(amount), "label": "MONEY",
                                   "text": amount})
    found = extract_events(text, found_mentions, [], "2023-11-02")
    assert [e["type"] for e in found] == types


def test_a_yearless_day_goes_on_in_the_story_year() -> None:
    text = ("Andreas Kyriakou was first approached on 18 March 2022 at the Sandpiper Bay Hotel.\n\n"
            "On 2 April Kyriakou collected 1,500 euros in cash at the Blue Pelican café.\n\n"
            "On 20 October he met Nassar again at the hotel.")
    found = extract_events(text, mentions(text, loc=("Sandpiper Bay Hotel",)), [], "2023-10-12")
    # April follows the March 2022 story; October is long after it: the report's year
    assert [e["date"] for e in found] == ["2022-03-18", "2022-04-02", "2023-10-20"]


def test_a_solar_month_with_two_digits_of_year_is_the_storys_time() -> None:
    text = ("من اسفند ۹۷ برای نمایشگاه رفتم استانبول. روز دوم نمایشگاه، چهارشنبه ۱۵ اسفند، "
            "با الینور در هتل گرند سیلک‌رود دیدار کردم.")
    found = extract_events(text, mentions(text, loc=("استانبول", "هتل گرند سیلک‌رود")), [],
                           "2024-02-09")
    assert [e["date"] for e in found if e["type"] == "meeting"] == ["2019-03-06"]


def test_a_tomorrow_said_on_a_day_the_sentence_gives_counts_from_it() -> None:
    text = ("رضوی‌نیا: سه‌شنبه ۱۷ اردیبهشت ۱۳۹۸ الینور زنگ زد به موبایلم، گفت فردا ساعت پنج "
            "برو کافه مرکز خرید پالادیوم.")
    found = extract_events(text, mentions(text, loc=("مرکز خرید پالادیوم",)), [], "2024-02-09")
    assert found and {e["date"] for e in found} == {"2019-05-08"}


def test_a_day_after_kama_is_the_next_clauses() -> None:
    text = ("وبيّنت الحيثيات أن المتهم تلقى في ١٤٤٣/٩/٢٥هـ حوالة بقيمة ٣٠ ألف ريال، كما أثبتت أنه "
            "اتصل بـ«أبو علي» يوم الجمعة ٢ ذي الحجة ١٤٤٣هـ، وتلقى منه تعليمات بترك ظرف.")
    found = extract_events(text, [], [], "2023-08-09")
    assert [(e["type"], e["date"]) for e in found] == [
        ("payment", "2022-04-26"), ("tasking", "2022-07-01")]


def test_the_arabic_year_with_its_article_is_a_time_of_its_own() -> None:
    text = ("أصدرت المحكمة الجزائية المتخصصة أمس حكماً ابتدائياً بسجن المتهم الرابع في «خلية "
            "القطيف» ١٨ عاماً ومنعه من السفر مدة مماثلة بعد انتهاء محكوميته.\n\n"
            "وكشفت حيثيات الحكم أن علاقة المتهم بالخلية تعود إلى العام ١٤٤١هـ، حين التقى في حسينية "
            "بمدينة سترة البحرينية بالمدعو «أبو علي البحراني».")
    found = extract_events(text, mentions(text, loc=("القطيف", "حسينية بمدينة سترة البحرينية")),
                           [], "2023-08-09")
    assert [e["date"] for e in found if e["type"] == "meeting"] == [None]


def test_a_return_after_a_comma_is_a_trip_of_its_own() -> None:
    text = ("On 17 October NADERI visited the fair.\n\nThe following Monday NADERI flew from Linate "
            "to Istanbul (TK 1874), returning to Linate on the evening of the 23rd.")
    found = extract_events(text, mentions(text, loc=("Istanbul", "Linate")), [], "2024-10-24")
    assert [e["date"] for e in found if e["type"] == "travel"][-2:] == ["2024-10-21", "2024-10-23"]


def test_the_following_friday_after_yawm_counts_from_the_call() -> None:
    text = ("وثابت من تفريغ المكالمات أن المتهم الأول اتصل بالمتهم الثالث يوم الأربعاء الموافق 15 مايو "
            "2024 وحدّد معه موعداً للقاء يوم الجمعة التالي عقب الصلاة في جامع السلطان قابوس بصحار، "
            "إلا أن اللقاء لم يتم لضبط المتهم الأول فجر اليوم التالي للمكالمة.")
    found = extract_events(text, mentions(text, loc=("جامع السلطان قابوس بصحار",)), [],
                           "2024-06-11")
    assert [e["date"] for e in found if e["type"] == "meeting"] == ["2024-05-17"]


def test_this_very_weekday_is_gone_when_its_clause_tells_no_plan() -> None:
    went = "همین سه‌شنبه با پرواز از تهران به اربیل آمد."
    came = "خودش گفت همین سه‌شنبه با پرواز از تهران اومده اربیل."
    goes = "همین سه‌شنبه با پرواز از تهران به اربیل می‌رود."
    meet = "همین سه‌شنبه ساعت ۶ عصر اربیل، جلوی فودکورت."  # no verb: an appointment
    for text, day in ((went, "2024-10-22"), (came, "2024-10-22"), (goes, "2024-10-29"),
                      (meet, "2024-10-29")):
        found = extract_events(text, mentions(text, loc=("اربیل",)), [], "2024-10-27")
        assert [e["date"] for e in found] == [day]


def test_money_paid_then_more_promised_is_two_payments() -> None:
    text = ("كما أقر بأنه تقاضى في اليوم ذاته مبلغ ثلاثة آلاف دينار نقداً من المتهم الثاني، وأن "
            "الأخير وعده بخمسة آلاف دينار أخرى عند إتمام رحلة ثانية.")
    found = extract_events(text, [], [], "2022-03-10")
    assert [e["type"] for e in found if e["type"] == "payment"] == ["payment", "payment"]


def test_a_habit_told_by_its_verb_is_no_event() -> None:
    text = "كما تبين أن المشتبه فيه الرئيسي دأب على السفر إلى تركيا مرتين في السنة."
    assert extract_events(text, mentions(text, loc=("تركيا",)), [], "2025-05-21") == []


def test_was_to_is_a_plan_and_prevented_calls_it_off() -> None:
    text = ('E.Guliyev was to travel to Tabriz on 5 November 2022 via the Astara border crossing and '
            'meet "Haj Mahdi" at the Pars El-Goli Hotel; the trip and the meeting were prevented by '
            'his detention.')
    found = extract_events(text, mentions(text, loc=("Tabriz", "Pars El-Goli Hotel")), [],
                           "2022-11-06")
    assert [(e["type"], e["status"]) for e in found if e["date"]] == [
        ("travel", "planned"), ("meeting", "cancelled")]


def test_what_was_done_in_recent_years_is_no_event() -> None:
    text = ("Iranian special services have in recent years attempted to use religious pilgrims "
            "travelling to Mashhad to recruit Azerbaijani citizens.")
    assert extract_events(text, mentions(text, loc=("Mashhad",)), [], "2022-11-02") == []


def test_last_years_feast_is_a_year_back() -> None:
    text = ("وجاء في حيثيات الحكم أن المتهم الأول بدأ نشاطه في أول أيام عيد الأضحى من العام الماضي، "
            "حين التقى في منزله بمنطقة الخان شقيقه.")
    assert [e["date"] for e in extract_events(text, [], [], "2024-06-20")] == ["2023-06-28"]


def test_spoken_and_dari_pitches_to_work_for_us() -> None:
    for text in ("سال ۹۶ شیرمحمد تو بازار زاهدان بهم گفت بیا برا من کار کن.",
                 "همو وقت هم گفته بود همرای ما کار کو، قبول نکدی."):
        assert [e["type"] for e in extract_events(text, [], [], "2025-01-30")] == ["recruitment"]


def test_proceed_to_a_town_is_a_trip() -> None:
    text = "IO SI Naveed Akhtar alongwith ASI Bilal Ahmed will proceed to Turbat on 18th July."
    found = extract_events(text, mentions(text, loc=("Turbat",)), [], "2024-07-15")
    assert [(e["type"], e["place"]) for e in found] == [("travel", "Turbat")]


def test_a_denial_of_money_leaves_the_trip() -> None:
    text = ("صباح اليوم التالي غادر المذكور عبر مطار حمد الدولي متوجهاً إلى إسطنبول على الرحلة "
            "QR243 دون الإفصاح عن أي مبالغ.")
    found = extract_events(text, mentions(text, loc=("إسطنبول",)), [], "2022-10-16")
    assert [(e["type"], e["place"]) for e in found] == [("travel", "إسطنبول")]


def test_three_days_before_is_counted_from_the_report_unless_from_that() -> None:
    text = ("۱- دیروز منبع در قهوه‌خانه با اینجانب ملاقات کرد.\n"
            "۲- هیوا سه روز قبل از همان مسیر به نوسود بازگشت.")
    found = extract_events(text, mentions(text, loc=("نوسود", "قهوه‌خانه")), [], "2023-10-10")
    assert [e["date"] for e in found if e["type"] == "travel"] == ["2023-10-07"]
    text = "۱- دیروز منبع با اینجانب ملاقات کرد. سه روز قبل از آن به نوسود رفته بود."
    found = extract_events(text, mentions(text, loc=("نوسود",)), [], "2023-10-10")
    assert [e["date"] for e in found if e["type"] == "travel"] == ["2023-10-06"]


def test_a_past_perfect_trip_with_its_purpose_is_no_plan() -> None:
    text = "ج: صبح جمعه رفته بودم میرجاوه بار بگیرم."
    found = extract_events(text, mentions(text, loc=("میرجاوه",)), [], "2024-11-02")
    assert [(e["type"], e["status"], e["date"]) for e in found] == [
        ("travel", "happened", "2024-11-01")]


def test_a_place_after_a_districts_kind_is_where_the_trip_went() -> None:
    text = "وفي اليوم التالي توجه المتهم بسيارته إلى ناحية ديرابون حيث بات ليلته."
    found = extract_events(text, mentions(text, loc=("ديرابون",)), [], "2023-05-10")
    assert [(e["type"], e["place"]) for e in found] == [("travel", "ديرابون")]


def test_a_day_of_the_same_month_after_a_month_told_with_its_year() -> None:
    text = ("سافر المتهم في شهر يوليو من العام ٢٠٢٢ براً إلى البصرة، والتقى يوم ١٢ من الشهر "
            "نفسه في مقهى فندق المناوي بالعشار شخصاً إيرانياً.")
    found = extract_events(text, mentions(text, loc=("البصرة", "فندق المناوي")), [], "2023-05-15")
    assert [e["date"] for e in found if e["type"] == "meeting"] == ["2022-07-12"]


def test_a_count_from_another_event_describes_the_date_before_it() -> None:
    text = ("On Sunday 12 May, two days before his arrest, M.R.K. met O.Y. in a cafe inside the "
            "Grand Bazaar in Istanbul. During that meeting the Turkish man offered the courier "
            "steady work and asked him to be ready for a second delivery to Milan in June.")
    found = extract_events(text, mentions(text, loc=("Grand Bazaar", "Istanbul", "Milan")), [],
                           "2024-05-22")
    assert {(e["type"], e["date"]) for e in found if e["type"] != "travel"} == {
        ("meeting", "2024-05-12"), ("recruitment", "2024-05-12"), ("tasking", "2024-05-12")}


def test_an_errand_asked_at_that_meeting_is_dated_by_the_meeting() -> None:
    text = ("On Monday 24 March KHALILI met the source at a cafe in Ranelagh. At that meeting he "
            "asked her to attend a talk at Trinity College on Thursday and to note who spoke. "
            "In that interview she also agreed to cooperate with him.")
    found = extract_events(text, mentions(text, loc=("Ranelagh", "Trinity College")), [],
                           "2025-03-30")
    assert [(e["type"], e["date"]) for e in found if e["type"] in ("tasking", "recruitment")] == [
        ("tasking", "2025-03-24"), ("recruitment", "2025-03-24")]


def test_a_meeting_after_a_trip_in_one_sentence_is_where_the_meeting_says() -> None:
    text = ("وعاد المتهم إلى الكويت يوم ١٤ يوليو، ومساء الخميس ٢١ من الشهر ذاته التقى المتهم "
            "الثاني داخل سيارة الأخير في مواقف مجمع الأفنيوز.")
    found = extract_events(text, mentions(text, loc=("الكويت", "مجمع الأفنيوز")), [], "2023-05-15")
    assert [(e["type"], e["place"]) for e in found] == [
        ("travel", "الكويت"), ("meeting", "مجمع الأفنيوز")]


def test_a_part_of_a_building_without_its_article_introduces_the_building() -> None:
    text = "وصل المصدر إلى بغداد صباحاً، والتقى الضابط مساءً في مواقف مول المنصور."
    found = extract_events(text, mentions(text, loc=("بغداد", "مول المنصور")), [], "2023-05-15")
    assert ("meeting", "مول المنصور") in [(e["type"], e["place"]) for e in found]


def test_an_arabic_season_with_its_year_is_a_time_of_its_own() -> None:
    for when in ("في صيف ٢٠١٩م", "في تموز"):  # (and a month right after «في»)
        text = f"١- أمس التقى الضابط بالمصدر في المقهى. ٢- وقال المصدر إنه سافر إلى بيروت {when}."
        found = extract_events(text, mentions(text, loc=("بيروت",)), [], "2024-02-22")
        assert [(e["type"], e["date"]) for e in found if e["type"] == "travel"] == [("travel", None)]


def test_a_weekday_before_a_day_of_the_month_just_told() -> None:
    text = ("في شهر مارس ٢٠٢١ التقى المتهم الأول بالمتهم الثالث في أبوظبي. "
            "ويوم الخميس ٢٥ منه كلفه بتصوير أرصفة الحاويات بميناء خليفة.")
    found = extract_events(text, mentions(text, loc=("أبوظبي", "ميناء خليفة")), [], "2021-10-18")
    assert [(e["type"], e["date"]) for e in found if e["type"] == "tasking"] == [
        ("tasking", "2021-03-25")]


def test_a_second_trip_whose_clause_opens_on_its_own_day() -> None:
    text = ("SHAHBAZI crossed into Sweden at Svinesund at 2140 hrs the same evening, and on "
            "Saturday 27 January he flew from Gothenburg to Tehran via Istanbul.")
    found = extract_events(text, mentions(text, loc=("Svinesund", "Gothenburg", "Tehran")), [],
                           "2024-01-30")
    assert [(e["type"], e["date"]) for e in found][-1] == ("travel", "2024-01-27")
    assert len(found) == 2


def test_chat_lines_are_sentences_and_questions_tell_nothing() -> None:
    text = ("[08:24] sophie.w: did you pitch the cousin?\n"
            "[08:26] sophie.w: Batumi trip with him next week is off btw, he can't get leave\n"
            "[08:27] sophie.w: I fly to Yerevan Friday morning")
    found = extract_events(text, mentions(text, loc=("Batumi", "Yerevan")), [], "2021-11-24")
    assert [(e["type"], e["status"], e["place"]) for e in found] == [
        ("travel", "cancelled", "Batumi"), ("travel", "planned", "Yerevan")]


def test_yesterday_in_a_call_counts_from_the_calls_line() -> None:
    text = ("الاتصال (٢): الاثنين ٧/٦، الساعة ١٠:٠٢، من رقم عُماني (حمد) إلى الهدف\n"
            "قال حمد إنه جلس أمس مع «الإيراني» في بهو فندق هيلتون صلالة قرابة ساعة.")
    (event,) = extract_events(text, mentions(text, loc=("فندق هيلتون صلالة",)), [], "2021-06-09")
    assert (event["type"], event["date"]) == ("meeting", "2021-06-06")


def test_a_tasks_deadline_is_not_the_day_it_was_set() -> None:
    text = ("دوشنبه ۲۸ فروردین شیرآقا را در حیاط مسجد دیدم. "
            "از او خواستم تا هفته آینده فهرست کارمندان تازه‌وارد را تهیه کند.")
    found = extract_events(text, [], [], "2023-04-19")
    assert [(e["type"], e["date"]) for e in found] == [
        ("meeting", "2023-04-17"), ("tasking", "2023-04-17")]


@pytest.mark.parametrize("text, types", [
    ("۱۷:۳۰ — سوژه حدود پنج دقیقه با شخصی به نام الچین تلفنی صحبت کرد.", []),
    ("قسم خورد که خودش هیچ‌وقت با آن افسر سر یک سفره ننشسته است.", []),
    ("MARLIN insists Qureshi has never met the Chinese contractors face to face.", []),
])
def test_calls_tables_and_denials_are_not_events(text: str, types: list[str]) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2023-04-19")] == types


def test_what_the_writer_said_is_not_hearsay() -> None:
    text = ("دیروز عصر گل‌زمان را در ماشین خودم سوار کردم و رک گفتم ماهی بیست میلیون "
            "می‌گیرد اگر برای ما کار کند.")
    (event,) = extract_events(text, [], [], "2023-04-19")
    assert (event["type"], event["status"], event["date"]) == ("recruitment", "happened",
                                                               "2023-04-18")


@pytest.mark.parametrize("text, loc, place", [
    # the named café, not the street it is on
    ("سوژه عصر همان روز در کافه گرانده در خیابان آبوویان با مردی دیدار کرد.",
     ("کافه گرانده", "خیابان آبوویان"), "کافه گرانده"),
    # spoken Persian «توی» locates
    ("بالاخره نارون را دیدم. توی صحن گوهرشاد، نزدیک سقاخانه، مثل دو زائر نشستیم.",
     ("صحن گوهرشاد", "سقاخانه"), "صحن گوهرشاد"),
    # "there" is the trip's destination
    ("نارون می‌گوید حاج‌مرتضی هفته پیش رفته قم و آنجا با یک روحانی عراقی ناهار خورده.",
     ("قم",), "قم"),
    # a duration after the venue is not part of it
    ("قال حمد إنه جلس أمس مع «الإيراني» في بهو فندق هيلتون صلالة قرابة ساعة.",
     ("فندق هيلتون صلالة",), "فندق هيلتون صلالة"),
])
def test_where_a_meeting_was(text: str, loc: tuple[str, ...], place: str) -> None:
    meetings = [e for e in extract_events(text, mentions(text, loc=loc), [], "2024-01-05")
                if e["type"] == "meeting"]
    assert [e["place"] for e in meetings] == [place]


def test_plans_on_a_day_of_the_month_and_days_to_come() -> None:
    text = "Ziad is due back in Beirut on the 12th, per KESTREL."
    (trip,) = extract_events(text, mentions(text, loc=("Beirut",)), [], "2022-10-07")
    assert (trip["status"], trip["date"]) == ("planned", "2022-10-12")
    text = "نارون را جمعه ۲۲ دی بعد از نماز جمعه توی مصلی می‌بینم."
    (meeting,) = extract_events(text, [], [], "2024-01-05")
    assert (meeting["status"], meeting["date"]) == ("planned", "2024-01-12")
    text = "آخر مرة شفته كانت بـ٢ آب بسيتي مول."
    (meeting,) = extract_events(text, [], [], "2019-11-20")
    assert meeting["date"] == "2019-08-02"


def test_a_summary_ends_at_end_summary_or_the_next_numbered_paragraph() -> None:
    text = ("1. SUMMARY: Station met CEDARWING in Sidon this week. END SUMMARY.\n"
            "2. C/O met CEDARWING on the evening of 8 October in the car park facing the Sidon "
            "Sea Castle.")
    found = extract_events(text, mentions(text, loc=("Sidon Sea Castle",)), [], "2019-10-10")
    assert [(e["type"], e["date"], e["place"]) for e in found] == [
        ("meeting", "2019-10-08", "Sidon Sea Castle")]


def test_a_logs_lines_and_their_days() -> None:
    text = ("Date: 14 NOV 23\n"
            "0831  S1 sits down at Café Ermou 41 with unidentified male (UM1).\n"
            "1020  S1 takes a taxi to Piraeus, enters Kalypso Maritime offices.\n\n"
            "Sun 12/11: Met NIGHTJAR at the coffee shop of Mansour Mall.")
    found = extract_events(text, mentions(text, loc=("Café Ermou 41", "Piraeus", "Mansour Mall")),
                           [], "2023-11-14")
    assert [(e["type"], e["date"], e["place"]) for e in found] == [
        ("meeting", "2023-11-14", "Café Ermou 41"), ("travel", "2023-11-14", "Piraeus"),
        ("meeting", "2023-11-12", "Mansour Mall")]


def test_a_trip_goes_where_it_is_heading_not_where_it_started() -> None:
    text = ("صباح الأحد ٢٤/١٠ غادر المراقَب منزله في حي الجورة بسيارة بيك أب بيضاء "
            "متجهاً إلى البوكمال.")
    (trip,) = extract_events(text, mentions(text, loc=("حي الجورة", "البوكمال")), [], "2021-10-28")
    assert (trip["type"], trip["place"]) == ("travel", "البوكمال")


def test_a_documents_own_day_month_order() -> None:
    from kashf.nlp.event_dates import day_first_order

    assert day_first_order("Filed: 05/03/2021 (all dates DD/MM/YYYY)") is True
    assert day_first_order("On 15/02/2021 he withdrew cash; on 12/02/2021 …") is True
    assert day_first_order("wired on 02/15/2021") is False
    assert day_first_order("no numeric dates") is None
    text = ("Filed: 05/03/2021 (all dates DD/MM/YYYY)\n\n"
            "On 12/02/2021 the subject's account received EUR 48,500 by SWIFT transfer.")
    (payment,) = extract_events(text, [], [], "2021-03-05")
    assert payment["date"] == "2021-02-12"


def test_a_captions_day_and_a_storys_month() -> None:
    text = "صورة ٣ (١٦/٤ – ٠٩:٥٠): الهدف يجلس مع شخص عُرف لاحقاً باسم فادي عيسى في مقهى النوفرة."
    (meeting,) = extract_events(text, mentions(text, loc=("مقهى النوفرة",)), [], "2023-04-18")
    assert (meeting["date"], meeting["place"]) == ("2023-04-16", "مقهى النوفرة")
    text = ("In August 2022 I flew to Erbil for my sister's wedding. On the 14th a man called "
            "Karwan Tahir invited me for tea at the Erbil Rotana.")
    found = extract_events(text, mentions(text, loc=("Erbil",)), [], "2024-02-02")
    assert [(e["date"], e["date_start"]) for e in found] == [
        (None, "2022-08-01"), ("2022-08-14", None)]


def test_a_count_before_a_verb_counts_people_and_a_dtg_dates_a_log_line() -> None:
    text = "The two met again on 12 October at the Hotel Marina Kordon."
    (meeting,) = extract_events(text, mentions(text, loc=("Hotel Marina Kordon",)), [],
                                "2022-03-01")
    assert (meeting["type"], meeting["date"]) == ("meeting", "2021-10-12")
    assert extract_events("Five meetings were held in 2019.", [], [], "2022-03-01") == []
    text = ("120915Z MAR 19 - Subject arrived in Sofia.\n"
            "131400Z - Handler met ORCHID in handler's vehicle, Oborishte St.")
    found = extract_events(text, [], [], "2019-03-14")
    assert [(e["type"], e["date"]) for e in found] == [
        ("travel", "2019-03-12"), ("meeting", "2019-03-13")]


def test_a_chat_exports_lines_date_their_relative_words() -> None:
    text = ("[17/03/22, 19:30] Faraz Bhai: Scrap tomorrow's meet at Sea View, my brother-in-law "
            "is in town\n"
            "[20/03/22, 22:10] Faraz Bhai: Met Saleem at Dolmen Mall this evening. Good boy.\n"
            "[21/03/22, 08:40] Faraz Bhai: Flying to Muscat tomorrow morning.\n"
            "[21/03/22, 08:41] Kashif: safe journey.")
    found = extract_events(text, mentions(text, loc=("Sea View", "Dolmen Mall", "Muscat")), [],
                           "2022-03-24")
    assert [(e["type"], e["status"], e["date"]) for e in found] == [
        ("meeting", "cancelled", "2022-03-18"), ("meeting", "happened", "2022-03-20"),
        ("travel", "planned", "2022-03-22")]


def test_seasons_and_military_dates_without_spaces() -> None:
    text = "He was recruited in spring 2019 at the Yesilkoy Textile Fair in Istanbul."
    (event,) = extract_events(text, [], [], "2023-09-12")
    assert event["date"] is None
    text = "We met on 03NOV22 at 1815 in my rental car near the Zeugma Mosaic Museum."
    (event,) = extract_events(text, [], [], "2022-11-07")
    assert event["date"] == "2022-11-03"


@pytest.mark.parametrize("text, types", [
    # walking into a café is the way to a meeting, not a trip, even spoken without «به»
    ("سه‌شنبه اول آذر عصر رفتم قهوه‌خانه آزادی توی بازار کرمانشاه و با کاک هیوا نشستیم.",
     ["meeting"]),
    ("Subject greets HAKOBYAN in the arrivals hall; they talk for ten minutes over coffee.",
     ["meeting"]),
    ("No date has yet been set for the next meeting.", []),
    ("صدر هذا الحكم وتُلي علناً بجلسة ٣ رمضان ١٤٤٤هـ الموافق ٢٥/٣/٢٠٢٣.", []),
])
def test_venues_sessions_and_coffee(text: str, types: list[str]) -> None:
    loc = tuple(n for n in ("قهوه‌خانه آزادی", "بازار کرمانشاه") if n in text)
    assert [e["type"] for e in extract_events(text, mentions(text, loc=loc), [],
                                              "2023-03-28")] == types


def test_round_nineteen_dates() -> None:
    # «جمعه‌ی این هفته»: the Friday of the document's Saturday-to-Friday week
    text = "قرار جمعه‌ی این هفته با آقا مجید تو مسجد کبود کنسل شد."
    (event,) = extract_events(text, mentions(text, per=("آقا مجید",), loc=("مسجد کبود",)), [],
                              "2023-11-26")
    assert (event["status"], event["date"]) == ("cancelled", "2023-12-01")
    # a verb-last clause is dated before its verb; the day after «و» is the next clause's
    text = ("بررسی حساب‌ها نشان می‌دهد ۲۰۰۰ دلار در ۱۲ دی ۱۴۰۰ به حساب خواهر متهم واریز شده و "
            "۲۲۰۰ دلار دیگر در ۲۰ بهمن ۱۴۰۰ به همان حساب رسیده است.")
    assert [(e["type"], e["date"]) for e in extract_events(text, [], [], "2022-03-01")] == [
        ("payment", "2022-01-02")]
    # a chat line without a year dates its message
    text = ("محضر تفريغ محادثة من الهاتف المضبوط بحوزة المتهم، الذي كان يعمل في المطار.\n\n"
            "[٢٦/٨ ٢٠:١٠] أبو زهراء: هلو حبي، البارحة وصلت بغداد من طهران، جبتلك صوغة صغيرة.\n"
            "[٢٦/٨ ٢٠:١٣] المتهم: الله يسلمك، الحمد لله على السلامة، هذا هو المهم.\n"
            "[٢٧/٨ ١٥:٣٠] أبو زهراء: گعدة اليوم بكازينو الشط ملغية، السيطرة مسدودة.")
    found = extract_events(text, mentions(text, loc=("بغداد", "طهران", "كازينو الشط")), [],
                           "2022-09-04")
    assert [(e["type"], e["status"], e["date"]) for e in found] == [
        ("travel", "happened", "2022-08-25"), ("meeting", "cancelled", "2022-08-27")]


def test_an_email_threads_sent_header_dates_its_body() -> None:
    text = ("From: Petra\nSent: Tuesday, June 6, 2023 8:02 AM\nTo: Dato\n\n"
            "Dato, I've just wired EUR 2,000 to your account for expenses.\n")
    (event,) = extract_events(text, [], [], "2023-06-10")
    assert (event["type"], event["date"]) == ("payment", "2023-06-06")


@pytest.mark.parametrize(("text", "loc", "expected"), [
    # spoken Arabic writes its «to» on the city
    ("قال لي إنه مسافر عالشام يوم الخميس الجاي بالسيارة، وما راح يرجع قبل الجمعة.", ("الشام",),
     ("travel", "planned", "الشام")),
    # "heading for X" names the goal, over the crossing and the country crossed into
    ("ABU SHAHAB crossed at Faysh Khabur into Syria on 14 OCT, heading for al-Malikiyah.",
     ("Faysh Khabur", "Syria", "al-Malikiyah"), ("travel", "happened", "al-Malikiyah")),
    # a surveillance log's line at its military time, single-spaced, in the present
    ("0830 S1 meets UM1 in the courtyard of the Islamic Centre of England, Maida Vale.",
     ("Islamic Centre of England", "Maida Vale"),
     ("meeting", "happened", "Islamic Centre of England")),
])
def test_round_nineteen_places(text: str, loc: tuple, expected: tuple) -> None:
    (event, *_) = extract_events(text, mentions(text, loc=loc), [], "2023-11-08")
    assert (event["type"], event["status"], event["place"]) == expected


def test_a_pitchs_pay_is_not_a_payment_and_two_trips_in_one_sentence() -> None:
    text = ('Over dinner at the Hotel Adlon, ELLIS made a soft pitch: paid "regional market '
            'studies" for a consultancy.')
    assert [e["type"] for e in extract_events(text, [], [], "2022-06-30")] == ["recruitment"]
    text = ("HADDAD flew into Larnaca from Beirut on 8 March and is booked on a flight back to "
            "Beirut on 16 March.")
    found = extract_events(text, mentions(text, loc=("Larnaca", "Beirut")), [], "2023-03-12")
    assert [(e["type"], e["date"]) for e in found] == [
        ("travel", "2023-03-08"), ("travel", "2023-03-16")]


def test_round_twenty_two_dates() -> None:
    # Friday prayers name the prayer, not a day; the day written beside them wins
    text = "سهیل رئیسی جمعه ۱۶ دی پس از نماز جمعه در مسجد جامع بندرعباس به خدمت گرفته شد."
    (event,) = extract_events(text, mentions(text, loc=("مسجد جامع بندرعباس",)), [],
                              "2023-02-05")
    assert event["date"] == "2023-01-06"
    # «پنجشنبه هفته آینده»: the Thursday of the coming Saturday-to-Friday week
    text = "الکتبی قرار است پنجشنبه هفته آینده دوباره به شیراز بیاید."
    (event,) = extract_events(text, mentions(text, loc=("شیراز",)), [], "2023-06-15")
    assert (event["status"], event["date"]) == ("planned", "2023-06-22")
    # a speaker takes a day back: "3 June — no, 2 June"
    text = "I drove to Bratislava on 3 June — no, 2 June, a Friday — and met Lotte there."
    found = extract_events(text, mentions(text, loc=("Bratislava",)), [], "2017-07-01")
    assert {e["date"] for e in found} == {"2017-06-02"}


def test_a_chat_stamp_with_dashes_or_a_label_opens_a_sentence() -> None:
    text = ("[دایرکت اینستاگرام — ۱۴۰۱/۱۱/۰۷ — ۲۳:۱۰] نیما: امروز با حاج‌آقا مرتضوی تو لابی هتل "
            "عباسی نشستیم\n"
            "[۱۴۰۱/۱۱/۰۷ — ۲۳:۳۰] رها: پس آقای توکلی چی؟")
    assert len(sentences(text)) == 2
    found = extract_events(text, mentions(text, loc=("هتل عباسی",)), [], "2023-01-29")
    # the question on the next line no longer silences the line before it
    assert [(e["type"], e["place"], e["date"]) for e in found] == [
        ("meeting", "هتل عباسی", "2023-01-27")]


def test_a_tasking_asked_over_a_meal_is_not_a_plan_a_later_tasking_drops() -> None:
    text = ("On 4 November LAPWING had lunch with Lin at the Dorchester. Over the same lunch Lin "
            "asked LAPWING to get hold of the floor plans of the site in Filton. On 7 November I "
            "met LAPWING at The Grapes and instructed him to stall and to photograph any written "
            "questions.")
    found = extract_events(text, mentions(text, per=("Lin", "LAPWING"),
                                          loc=("Dorchester", "Filton", "The Grapes")),
                           [], "2023-11-08")
    assert [(e["type"], e["status"], e["date"]) for e in found if e["type"] == "tasking"] == [
        ("tasking", "happened", "2023-11-04"), ("tasking", "happened", "2023-11-07")]


def test_on_a_day_and_month_without_a_year() -> None:
    text = "C/E Dmitri Volkov flew in from Istanbul to Dubai on 06/06 and joined the vessel."
    found = extract_events(text, mentions(text, per=("Dmitri Volkov",), loc=("Istanbul", "Dubai")),
                           [], "2023-06-08")
    assert [(e["type"], e["date"], e["place"]) for e in found] == [
        ("travel", "2023-06-06", "Dubai")]


def test_a_planned_meetings_bare_weekday_is_the_coming_one() -> None:
    text = "[2023-11-14 10:31] کاوه: عوضش همین شنبه میبرمت پیشش، قراره تو ماشینش کنار پارک ساحلی حرف بزنیم."
    found = extract_events(text, mentions(text, per=("کاوه",), loc=("پارک ساحلی",)), [],
                           "2023-11-14")
    assert [(e["type"], e["status"], e["date"]) for e in found] == [
        ("meeting", "planned", "2023-11-18")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Friday's meet at the Narikala Mall is off, he texted.", "2018-05-11"),  # still ahead
        ("Friday's meet at the Narikala Mall was cancelled.", "2018-05-04"),  # as told
    ],
)
def test_a_call_off_in_the_present_is_of_the_coming_weekday(text: str, date: str) -> None:
    found = extract_events(text, mentions(text, loc=("Narikala Mall",)), [], "2018-05-07")
    assert [(e["type"], e["status"], e["date"]) for e in found] == [
        ("meeting", "cancelled", date)]


def test_an_event_at_the_same_meeting_takes_its_day() -> None:
    text = ("به گفته منبع، رحیمی روز ۱۲ بهمن در کافه نادری با دانشجو دیدار کرده است.\n\n"
            "رحیمی در همان دیدار پیشنهاد داده که در ازای ماهی ۵۰۰ دلار با آنها همکاری کند.")
    found = extract_events(text, mentions(text, per=("رحیمی",), loc=("کافه نادری",)), [],
                           "2024-02-20")
    assert [(e["type"], e["date"]) for e in found] == [
        ("meeting", "2024-02-01"), ("recruitment", "2024-02-01")]


def test_a_chain_of_events_keeps_the_day_across_an_undated_one() -> None:
    text = ("سافر إلى إسطنبول بتاريخ ٢ فبراير ٢٠٢٠، وأنه التقى في اليوم التالي بضابط في فندق "
            "لؤلؤة البسفور، حيث وافق على العمل لصالح ذلك الجهاز، وتسلّم منه مبلغ خمسة آلاف دولار "
            "أمريكي نقداً.")
    found = extract_events(text, mentions(text, loc=("إسطنبول", "فندق لؤلؤة البسفور")), [],
                           "2021-06-27")
    assert {e["type"]: e["date"] for e in found}.get("payment") == "2020-02-03"


def test_a_month_with_its_year_dates_the_days_after_it_on_its_line() -> None:
    text = ("سافر المتهم إلى بيروت مطلع يناير 2021 بحجة العلاج، وفي 12 يناير التقى في فندق "
            "السنديان ضابطاً عرّف نفسه باسم «أبو مهدي».")
    found = extract_events(text, mentions(text, per=("أبو مهدي",), loc=("بيروت", "فندق السنديان")),
                           [], "2023-06-05")
    assert {e["type"]: e["date"] for e in found}.get("meeting") == "2021-01-12"


def test_an_abbreviated_month_with_its_full_stop() -> None:
    text = "He flew into Larnaca from Tbilisi on Jan. 28 and rented a flat."
    found = extract_events(text, mentions(text, loc=("Larnaca", "Tbilisi")), [], "2024-03-01")
    assert [(e["type"], e["date"]) for e in found] == [("travel", "2024-01-28")]


@pytest.mark.parametrize(("text", "place", "date"), [
    ("CEDAR-7 will travel to Larnaca 24-27 Nov for a pharmacists' conference.", "Larnaca",
     "2022-11-24"),
    ("He travelled to Baku from 3 to 5 March 2022 for talks.", "Baku", "2022-03-03"),
    ("منبع از ۲۴ تا ۲۷ آبان به تهران سفر کرد.", "تهران", "2022-11-15"),
])
def test_a_short_range_dates_the_event_by_its_first_day(text: str, place: str, date: str) -> None:
    found = extract_events(text, mentions(text, loc=(place,)), [], "2022-11-18"
                           if "Larnaca" in text else "2022-12-01")
    assert [(e["type"], e["date"]) for e in found] == [("travel", date)]


def test_an_organisation_right_after_at_is_where_it_happened() -> None:
    text = "On 3 May Cetin met the courier at Keskin Oto and agreed to work for them."
    mention = mentions(text, per=("Cetin",))
    start = text.index("Keskin Oto")
    mention.append({"start": start, "end": start + len("Keskin Oto"), "label": "ORG",
                    "text": "Keskin Oto"})
    found = extract_events(text, mention, [], "2019-06-01")
    assert [(e["type"], e["place"]) for e in found][:1] == [("meeting", "Keskin Oto")]


def test_texting_shorthand_for_days() -> None:
    text = "Z handed me USD 1,500 in cash last nite."
    found = extract_events(text, mentions(text), [], "2023-10-03")
    assert [(e["type"], e["date"]) for e in found] == [("payment", "2023-10-02")]


def test_a_military_time_after_a_day_and_month_is_no_year() -> None:
    text = "Tue 05 Nov, 1930-2045 hrs: met GW in the back room of the Samgori Bakery."
    found = extract_events(text, mentions(text, loc=("Samgori Bakery",)), [], "2019-11-20")
    assert [(e["type"], e["date"]) for e in found] == [("meeting", "2019-11-05")]


@pytest.mark.parametrize(("text", "places", "dates"), [
    ("متهم روز ۱۰ بهمن ۱۴۰۰ با اتوبوس از تبریز به ایروان سفر کرده و دو روز بعد در لابی هتل "
     "آرارات‌پلازا با فردی به نام «آرمن» دیدار کرده است.", ("ایروان", "هتل آرارات‌پلازا"),
     {"travel": "2022-01-30", "meeting": "2022-02-01"}),
    ("۲۰ آذر با پرواز ماهان رفتم استانبول. فردای آن روز تو لابی هتل یشیل‌باغ آقایی را دیدم.",
     ("استانبول", "هتل یشیل‌باغ"), {"travel": "2022-12-11", "meeting": "2022-12-12"}),
])
def test_a_step_of_the_story_dates_the_clause_after_it(
        text: str, places: tuple[str, ...], dates: dict[str, str]) -> None:
    found = extract_events(text, mentions(text, loc=places), [], "2023-01-10")
    assert {e["type"]: e["date"] for e in found} == dates


@pytest.mark.parametrize(("text", "place"), [
    ("تیهو روز ۱۴۰۲/۱۲/۰۳ با رابط در پارک ملت دیدار کرد.\n\nتیهو در اسفند ماه یک بار به هرات "
     "سفر کرد.", "هرات"),
    ("التقى المصدر بالضابط يوم ٣ مارس ٢٠٢٤ في مقهى الروضة.\n\nوسافر في شهر آذار الماضي إلى حلب.",
     "حلب"),
])
def test_a_month_named_without_a_day_gives_the_event_no_day(text: str, place: str) -> None:
    found = extract_events(text, mentions(text, loc=(place,)), [], "2024-03-20")
    assert [e["date"] for e in found if e["place"] == place] == [None]


@pytest.mark.parametrize(("text", "place", "document", "event"), [
    # a log's timed lines are of the day watched, not the day written up
    ("MOBILE SURVEILLANCE LOG\n"
     "Surveillance date: Thu 2024-06-06 | Compiled: Fri 2024-06-07\n\n"
     "0912 hrs - LIN sits with an unknown male at the food court of Bayview Mall.",
     "Bayview Mall", "2024-06-07", ("meeting", "2024-06-06")),
    # the Maghreb's month names
    ("سافر جواً إلى إسطنبول يوم 9 نونبر رفقة المتهم الثاني.", "إسطنبول", "2019-03-11",
     ("travel", "2018-11-09")),
    # "this morning" in a forwarded mail is of the day that mail was sent
    ("From: Legal\nDate: Sat 20 Jan 2024 08:15\nSubject: RE: approach\n\nNoted.\n\n-----\n"
     "From: Hendrik Vos\nDate: Fri 19 Jan 2024 21:05\nSubject: approach\n\n"
     "I met Osei this morning at the Seafarers' Centre.", "Seafarers' Centre", "2024-01-20",
     ("meeting", "2024-01-19")),
    # a month and day before a colon
    ("First contact, March 2: EM met Karimi at the Baku Expo Center.", "Baku Expo Center",
     "2022-06-01", ("meeting", "2022-03-02")),
    # a Persian name of a Gregorian month
    ("روز ۲ آوریل، بعد از ضبط برنامه، مردی در لابی هتل کنزینگتون گیت با من دیدار کرد.",
     "هتل کنزینگتون گیت", "2022-05-01", ("meeting", "2022-04-02")),
    # a verdict's day with its year in words
    ("متهم در تاریخ بیست و سوم مهرماه سال یکهزار و چهارصد و یک در پارک ملت با رابط خود "
     "دیدار کرد.", "پارک ملت", "2023-01-10", ("meeting", "2022-10-15")),
    # Gulf speech: «باجر» is tomorrow, «بي» + a verb a plan, «الياي» the coming one
    ("اتفقنا نتلاقى باجر عقب صلاة العشا عند مسيد الفلاح.", "مسيد الفلاح", "2022-05-12",
     ("meeting", "2022-05-13")),
    ("بيسافر بندر عباس يوم الأحد الياي.", "بندر عباس", "2022-05-12", ("travel", "2022-05-15")),
    # «الليلة» is tonight; «تلك الليلة», that night, is the story's (the Sunday's)
    ("موعدنا اللي كان الليلة في مول الندى تكنسل.", "مول الندى", "2022-05-12",
     ("meeting", "2022-05-12")),
    # a weekday alone after a tasking's verb is the task's day, not the tasking's
    ("Last night he told me to drive to Suli on Thursday and pick up a parcel.", "Suli",
     "2023-10-03", ("tasking", "2023-10-02")),
    # a denial's «ينفي … أن» tells no trip
    ("ينفي ذوو المدعو أن يكون قد غادر لبنان خلال العام الحالي.", "لبنان", "2023-10-18", None),
    # one day in two calendars: the Gregorian one (Umm al-Qura puts 11 Rajab 1445 on the 23rd)
    ("لقاء مع وسيم يوم الاثنين ١١ رجب ١٤٤٥ هـ الموافق ٢٢ كانون الثاني ٢٠٢٤ في فندق بابل.",
     "فندق بابل", "2024-01-25", ("meeting", "2024-01-22")),
    # a day and month in brackets after the weekday are its date
    ("م.ر. جلسهٔ پنجشنبه (۱۴ تیر) در مسجد کبود را کنسل کرد.", "مسجد کبود", "2024-07-01",
     ("meeting", "2024-07-04")),
])
def test_the_day_of_a_single_event(text: str, place: str, document: str,
                                   event: tuple[str, str] | None) -> None:
    found = extract_events(text, mentions(text, loc=(place,)), [], document)
    assert [(e["type"], e["date"]) for e in found] == ([event] if event else [])


def test_the_following_weekday_counts_from_the_story() -> None:
    text = "On 20 October he met Abu Firas in Sidon. He flew to Beirut the following Tuesday."
    found = extract_events(text, mentions(text, loc=("Sidon", "Beirut")), [], "2024-11-10")
    assert [(e["type"], e["date"]) for e in found] == [
        ("meeting", "2024-10-20"), ("travel", "2024-10-22")]


def test_last_night_in_a_voice_note_counts_from_its_heading() -> None:
    text = ("ویس ۱ — سه‌شنبه ۱۶ آبان ۱۴۰۲، ساعت ۲۲:۴۰\nسلام حاجی، امروز کلاغ را دیدم.\n\n"
            "ویس ۲ — چارشنبه ۱۷ آبان، ساعت ۷:۱۵ صبح\n"
            "دیشب ساعت یازده جواد را در پارک ملت دیدم و باهاش نشستم.")
    found = extract_events(text, mentions(text, loc=("پارک ملت",)), [], "2023-11-08")
    assert [e["date"] for e in found if e["place"] == "پارک ملت"] == ["2023-11-07"]


def test_that_night_is_the_storys_night_not_tonight() -> None:
    text = ("يقول المصدر إن أرهان سافر يوم الأحد إلى السليمانية، وإنه دفع للمسؤول في تلك الليلة "
            "عشرين ألف دولار.")
    found = extract_events(text, mentions(text, loc=("السليمانية",)), [], "2019-10-17")
    assert "2019-10-17" not in [e["date"] for e in found]


def test_spoken_arabics_same_day_and_next_day_count_from_the_story() -> None:
    from kashf.nlp import events_lexicon as lex

    phrases, meaning = lex.relative_dates()
    text = lex.fold("رحت على زاخو بنفس اليوم، وثاني يوم عزمني على عشا")
    found = {text[h.start:h.end]: meaning[h.tag] for h in phrases.find(text, 0, len(text), ("ar",))}
    assert found == {lex.fold("بنفس اليوم"): ("story", 0), lex.fold("وثاني يوم"): ("story", 1)}


def test_an_operation_diarys_day_labels_count_from_its_d_day() -> None:
    text = ("OPS DIARY\nDay labels: D-Day = Tuesday 12 March 2024; D-1, D+1 etc. counted from it.\n\n"
            "D-1\n2010 hrs  HADDAD sits with UM1 in Al-Noor Café.\n\n"
            "D-Day\n1230 hrs  HADDAD meets UF1 in the lobby of the Regent Crown Hotel.\n"
            "Next meet fixed for D+5 at the Regent Crown Hotel.")
    found = extract_events(text, mentions(text, loc=("Al-Noor Café", "Regent Crown Hotel")), [],
                           "2024-03-15")
    assert [(e["type"], e["date"]) for e in found] == [
        ("meeting", "2024-03-11"), ("meeting", "2024-03-12"), ("meeting", "2024-03-17")]


@pytest.mark.parametrize(("text", "places", "expected"), [
    # an itinerary's row: two places joined by a dash and a way of travelling
    ("ITINERARY\n\nDay 3 | Wed 22/05 | Ganja–Tbilisi, own car, via Red Bridge", ("Ganja", "Tbilisi"),
     [("travel", "Tbilisi")]),
    # a route of three places ends in the last
    ("He flew Glasgow–Istanbul–Erbil on Sunday.", ("Glasgow", "Istanbul", "Erbil"),
     [("travel", "Erbil")]),
    # a dash between places without a way of travelling is no trip
    ("The Baghdad–Basra pipeline was shut in May.", ("Baghdad", "Basra"), []),
])
def test_an_itinerarys_route(text: str, places: tuple, expected: list) -> None:
    found = extract_events(text, mentions(text, loc=places), [], "2019-05-27")
    assert [(e["type"], e["place"]) for e in found] == expected


def test_a_meeting_that_names_its_venue_is_not_at_the_trip_just_told() -> None:
    text = ("18 Mar: flew Beirut–Istanbul.\n19 Mar: met our analyst, Le Phare Hotel lobby, "
            "Beyoğlu, 10:30.")
    found = extract_events(text, mentions(text, loc=("Beirut", "Istanbul", "Le Phare Hotel",
                                                      "Beyoğlu")), [], "2019-03-25")
    assert [(e["type"], e["place"]) for e in found] == [
        ("travel", "Istanbul"), ("meeting", "Le Phare Hotel")]


@pytest.mark.parametrize("text", [
    "التاريخ | المبلغ (درهم) | الطرف | البلد",  # a table's head row
    "Karakaya may go to Beirut himself some time this winter.",  # maybe, one day
    "أبو سامر يقول إنه لا يلتقي الغرباء أبداً.",  # never
])
def test_no_event_in(text: str) -> None:
    loc = ("Beirut",) if "Beirut" in text else ()
    assert extract_events(text, mentions(text, loc=loc), [], "2024-01-10") == []


def test_a_part_of_a_month_is_no_day_of_it() -> None:
    text = "در نیمه دوم مهر، کامران در لابی هتل ساحل با یک افسر دیدار کرد."
    found = extract_events(text, mentions(text, loc=("هتل ساحل",)), [], "2023-10-24")
    assert [(e["type"], e["date"]) for e in found] == [("meeting", None)]


def test_spoken_persians_tu_says_where() -> None:
    text = "عصری تو کافه‌ی طبقه دوم مال النخیل با عربه نشستیم. خونه‌مون تو دبی نزدیکه."
    found = extract_events(text, mentions(text, loc=("مال النخیل", "دبی")), [], "2024-05-09")
    assert [(e["type"], e["place"]) for e in found] == [("meeting", "مال النخیل")]


def test_a_day_of_the_same_month() -> None:
    text = ("في الخامس عشر من شهر آذار لعام ألفين وثلاثة وعشرين سافر المتهم برّاً من عمّان إلى دمشق.\n"
            "وعاد المتهم إلى الزرقاء في الثامن عشر من الشهر ذاته.")
    found = extract_events(text, mentions(text, loc=("دمشق", "الزرقاء")), [], "2024-04-20")
    assert [(e["type"], e["date"]) for e in found] == [
        ("travel", "2023-03-15"), ("travel", "2023-03-18")]


def test_a_day_label_with_a_minus_sign_counts_back() -> None:
    text = ("OPS DIARY\nKey: D-Day = Fri 7 June 2019.\n\n"
            "D−2\n2215 — MIRO met Abu Layth at the Sherwan Tea House.")
    found = extract_events(text, mentions(text, loc=("Sherwan Tea House",)), [], "2019-06-09")
    assert [(e["type"], e["date"]) for e in found] == [("meeting", "2019-06-05")]


def _dated(text: str, loc: tuple[str, ...], day: str) -> list[tuple[str, str | None]]:
    named = mentions(text, loc=tuple(name for name in loc if name in text))
    return [(e["type"], e["date"]) for e in extract_events(text, named, [], day)]


def _dated_status(text: str, loc: tuple[str, ...], day: str) -> list[tuple[str, str | None, str]]:
    named = mentions(text, loc=loc)
    return [(e["type"], e["date"], e["status"]) for e in extract_events(text, named, [], day)]


def test_a_day_of_last_month_and_of_it() -> None:
    text = ("غادر الهدف كركوك براً متوجهاً إلى إسطنبول في ٤ من الشهر الماضي.\n"
            "في ٧ منه جلس مع شخص تركماني في مقهى بمركز تسوق النور.")
    assert _dated(text, ("إسطنبول", "مركز تسوق النور"), "2021-08-04") == [
        ("travel", "2021-07-04"), ("meeting", "2021-07-07")]


@pytest.mark.parametrize(("text", "day"), [
    ("التقيت مساء تاريخه بالمساعد أبو علي في سيارته قرب مقام الشيخ منصور.", "2022-12-27"),
    ("قبل تاريخه بثلاثة أيام غادر المدعو حلب بسيارة أجرة إلى منبج.", "2022-12-24"),
])
def test_its_date_is_the_reports(text: str, day: str) -> None:
    found = _dated(text, ("مقام الشيخ منصور", "منبج"), "2022-12-27")
    assert [date for _type, date in found] == [day]


def test_a_meetings_day_dates_what_was_handed_over_at_it() -> None:
    text = ("صباح تاريخه اتصل عبد الرزاق بأخيه وأخبره أنه اجتمع يوم الأحد ٧/٥ مع أبو حمزة في مكتب "
            "صرافة، وأن أبو حمزة أعطاه ألفي دولار كاش.")
    found = _dated(text, ("مكتب صرافة",), "2023-05-09")
    assert ("payment", "2023-05-07") in found


def test_initials_before_a_lower_case_word_end_no_sentence() -> None:
    text = "VARTANIAN flew back to Washington, D.C. on or about 18 February 2022."
    assert sentences(text) == [(0, len(text))]
    assert _dated(text, ("Washington, D.C.",), "2022-03-04") == [("travel", "2022-02-18")]


def test_each_row_of_a_text_table_is_its_own_sentence() -> None:
    text = ("CHRONOLOGY (times local)\n"
            "12 Jan 2023 | REKANI flies Melbourne–Erbil via Doha | PNR\n"
            "14 Jan 2023, c.1100 | REKANI meets 'KAWA' at the Citadel Tea House, Erbil | partner")
    assert _dated(text, ("Erbil", "Citadel Tea House"), "2023-02-06") == [
        ("travel", "2023-01-12"), ("meeting", "2023-01-14")]


def test_a_time_decades_after_the_report_is_no_year() -> None:
    text = "01 FEB 2200  Arr Piraeus anchorage; the master flew to Athens."
    assert _dated(text, ("Athens",), "2024-02-02") == [("travel", "2024-02-01")]


@pytest.mark.parametrize("text", [
    "عزمني على غدا بمطعم هاشم في عمّان وقعد معي ساعة.",  # lunch, not tomorrow
    "تنقّل إلى تونس، حيث جمعه لقاء ثانٍ بالأجنبي في مقهى بشارع الحبيب بورقيبة.",  # no Friday
])
def test_arabic_words_that_look_like_days(text: str) -> None:
    found = _dated(text, ("عمّان", "تونس", "شارع الحبيب بورقيبة"), "2024-02-15")
    assert found and all(date is None for _type, date in found)


def test_a_man_who_stopped_at_the_stand_met_us() -> None:
    text = "On 15 February 2022 a man who called himself Reza stopped at the booth and spoke with him."
    found = extract_events(text, mentions(text), [], "2022-03-04")
    assert [(e["type"], e["status"]) for e in found] == [("meeting", "happened")]


def test_a_handlers_imperative_is_a_plan_on_the_coming_day() -> None:
    text = "جمعه ساعت هفت عصر بیا پارکینگ مرکز خرید کورا پلازا، سوار ماشین جواد شو."
    found = extract_events(text, mentions(text, loc=("مرکز خرید کورا پلازا",)), [], "2024-05-08")
    assert [(e["type"], e["status"], e["date"]) for e in found] == [
        ("meeting", "planned", "2024-05-10")]


def test_a_phones_arabic_chat_stamps_open_messages_that_keep_the_meetings_day() -> None:
    text = ("[١\u200f/٨\u200f/٢٠٢٣، ١:٤٠ م] ماجد: مبارح العصر شفت أبو حسن بقهوة البحّار بالمنارة، "
            "قعدنا شي ساعة\n"
            "[١\u200f/٨\u200f/٢٠٢٣، ١:٤٢ م] ماجد: وقبل ما نفلّ عطاني ٣٠٠ دولار كاش بظرف")
    assert sentences(text) == [(0, text.index("\n")), (text.index("\n") + 1, len(text))]
    found = _dated(text, ("قهوة البحّار",), "2023-08-02")
    assert found == [("meeting", "2023-07-31"), ("payment", "2023-07-31")]


def test_a_weekday_whose_date_follows_almuwafiq() -> None:
    text = "أولاً: يوم الأحد الموافق ١٢/٣/٢٠٢٣م التقى المذكور بأجنبي في كافتيريا النخلة الذهبية."
    assert _dated(text, ("كافتيريا النخلة الذهبية",), "2023-03-20") == [("meeting", "2023-03-12")]


def test_a_weekday_beside_the_day_just_counted_is_that_day() -> None:
    text = ("متهم: شنبه ۱۷ دی با کشتی باری از بندر انزلی رفتم باکو.\n"
            "متهم: رستم. فردایش، یکشنبه، توی لابی هتل خزر پالاس دیدمش.")
    assert _dated(text, ("باکو", "هتل خزر پالاس"), "2023-01-23") == [
        ("travel", "2023-01-07"), ("meeting", "2023-01-08")]


def test_an_entrys_weekday_is_the_entrys_day() -> None:
    text = ("OBSERVATION 2 — Friday 7 October\n"
            "Mr Gasimov flew from London City to Vienna on the 7:50 AM flight on Friday.")
    assert _dated(text, ("Vienna",), "2022-10-09") == [("travel", "2022-10-07")]


def test_handwritten_arabic_lines_are_sentences() -> None:
    text = ("أعلم سيادتكم أنني بتاريخه شاهدت المدعو ماهر جالس مع شخص غريب في مقهى الياسمين\n"
            "وقد سمعت بأذني الغريب يطلب من ماهر أن يصوّر حاجز الجمارك قبل يوم الجمعة")
    assert len(sentences(text)) == 2


@pytest.mark.parametrize(("text", "place"), [
    ('Hamid pulled me aside at the Al Mina Pearl and asked if I would "work for friends in Tehran".',
     "Al Mina Pearl"),
    ("گفت دوستانی در تهران دارد و در کافه نادری پیشنهاد همکاری داد.", "کافه نادری"),
    ("عرض عليه في مقهى الروضة العمل لصالح جهة في طهران مقابل راتب.", "مقهى الروضة"),
])
def test_where_the_principals_are_is_not_where_it_happened(text: str, place: str) -> None:
    loc = tuple(name for name in ("Al Mina Pearl", "Tehran", "تهران", "کافه نادری", "مقهى الروضة",
                                   "طهران") if name in text)
    found = extract_events(text, mentions(text, loc=loc), [], "2024-03-14")
    assert [e["place"] for e in found if e["type"] == "recruitment"] in ([place], [None])
    assert all(e["place"] not in ("Tehran", "تهران", "طهران") for e in found)


def test_a_british_diarys_days_head_their_entries() -> None:
    text = ("CASE DIARY - Op THISTLEDOWN\n\n"
            "Mon 8th May\n"
            "0715 On plot outside RASUL's flat, Allison Street. Dreich.\n"
            "0938 Subject out. Boards the 1000 to Edinburgh.\n\n"
            "Thu 11th May\n"
            "1430 Intercept: KARIMI to RASUL by phone.\n"
            "1612 RASUL books a one-way flight to Istanbul for Thursday 18th May.")
    assert _dated(text, ("Edinburgh", "Istanbul"), "2023-05-12") == [
        ("travel", "2023-05-08"), ("travel", "2023-05-18")]


def test_a_day_of_the_maghrebs_may_without_a_year() -> None:
    text = 'التقى "الحاج" صباح الإثنين 29 ماي قرب المسجد التركي بحي بورغرهاوت.'
    assert _dated(text, ("المسجد التركي",), "2023-06-06") == [("meeting", "2023-05-29")]


def test_the_same_meeting_dates_what_was_done_at_it_before_the_storys_day() -> None:
    text = ("أولاً: واقعة الضبط\nبتاريخ 2023/5/3 وفي تمام الساعة 23:40 تم ضبط المتهم لدى وصوله إلى "
            "مطار البحرين الدولي قادماً من بغداد، وضُبط بحوزته هاتفان ومبلغ 1,200 دولار.\n\n"
            "ثانياً: أقوال المتهم\n"
            "1. أفاد المتهم بأنه سافر بتاريخ 2023/4/20 إلى النجف بحجة الزيارة.\n"
            "2. وذكر أنه التقى بتاريخ 2023/4/22 في ردهة فندق قصر الضيافة بشخص يُكنّى «أبو مهدي».\n"
            "3. وأضاف أن «أبو مهدي» عرض عليه العمل لصالح جهة خارجية فوافق، وسلّمه في اللقاء ذاته "
            "مبلغ ثلاثة آلاف دولار نقداً.\n"
            "4. كما كلّفه في اللقاء نفسه بتصوير مداخل عدد من المنشآت في منطقة الجفير.")
    found = _dated(text, ("فندق قصر الضيافة", "النجف", "مطار البحرين الدولي"), "2023-05-10")
    assert ("tasking", "2023-04-22") in found and ("payment", "2023-04-22") in found


@pytest.mark.parametrize(("text", "day"), [
    ("پریشب با حاجی دادشاه تو قهوه‌خونه‌ی شباهنگ نشستیم.", "2023-11-01"),  # the night before last
    ("من يومين الحاج أبو علي قعد مع حسين بمطعم ليالي الجنوب.", "2023-11-01"),  # two days ago
])
def test_two_days_ago_in_speech(text: str, day: str) -> None:
    found = _dated(text, ("قهوه‌خونه‌ی شباهنگ", "ليالي الجنوب"), "2023-11-03")
    assert found == [("meeting", day)]


def test_a_stamp_whose_order_is_unknown_reads_nearer_the_document() -> None:
    text = ("Tbilisi story — voice notes\n\n"
            "▶ 02/08/2023 11:20\n"
            "Hey. Okay so, on Tuesday last week Giorgi took me to meet his contact, Levan, at the "
            "little St Barbara chapel above Sololaki.\n\n"
            "▶ 03/08/2023 19:02\n"
            "Ja, so yesterday Levan drove to Baku, Giorgi says.")
    assert _dated(text, ("St Barbara chapel", "Baku"), "2023-08-07") == [
        ("meeting", "2023-07-25"), ("travel", "2023-08-02")]


def test_the_weekday_of_the_following_week() -> None:
    text = ("On 9 August 2023 SALEHI met the officer at the Grand Hotel. His flight to Tehran, "
            "booked for the Tuesday of the following week, was never taken.")
    found = _dated(text, ("Grand Hotel", "Tehran"), "2024-02-29")
    assert ("travel", "2023-08-15") in found


def test_an_intsums_obs_meet() -> None:
    text = ("2. SERIALS\na. SER 01 - 151430ZJUN23 - GR 38S MF 0912 4478. UK surveillance team obs "
            "ABU HAIDAR (aka Karrar AL-MUSAWI) meet X1 UNK Iranian national in the lobby cafe of the "
            "Qasr al-Nakheel Hotel, Ankawa. Mtg approx 40 mins.")
    found = extract_events(text, mentions(text, loc=("Qasr al-Nakheel Hotel",)), [], "2023-06-17")
    assert [(e["type"], e["status"]) for e in found if "obs" in e["evidence"]["quote"]] == [
        ("meeting", "happened")]


@pytest.mark.parametrize(("text", "day"), [
    ("بعد بكرة شاسافر عدن بالباص.", "2024-03-12"),  # Yemeni "the day after tomorrow"
    ("قبل امس سافر خالد إلى مأرب.", "2024-03-08"),  # "the day before yesterday"
])
def test_the_day_after_tomorrow_and_before_yesterday_in_speech(text: str, day: str) -> None:
    assert _dated(text, ("عدن", "مأرب"), "2024-03-10") == [("travel", day)]


def test_yesterday_in_a_forwarded_arabic_mail_counts_from_its_own_date() -> None:
    text = ("من: سعيد الكندي\nإلى: أبو ماجد\nالتاريخ: ٢٠٢٣-٠٥-٢٠\nالموضوع: رد: زيارة\n\n"
            "١- وصلتُ إلى مسقط صباح ٢٠٢٣-٠٥-١٠.\n"
            "٢- أرفق لكم رسالة أخي أدناه.\n\n"
            "----- رسالة مُعاد توجيهها -----\n"
            "من: خالد الكندي\nالتاريخ: ٢٠٢٣-٠٥-١٦\nالموضوع: زائر\n\n"
            "زارني في مكتبنا بسوق مطرح أمس رجل غريب يسأل عنك.")
    found = _dated(text, ("مسقط", "سوق مطرح"), "2023-05-20")
    assert ("meeting", "2023-05-15") in found


@pytest.mark.parametrize(("text", "loc", "document", "day"), [
    ("At a family dinner in Cork on New Year’s Day he signed up his cousin for the group.",
     "Cork", "2025-01-13", "2025-01-01"),
    ("On Christmas Eve he flew to Beirut.", "Beirut", "2024-03-02", "2023-12-24"),
    ("شب یلدا با منبع در کافه نادری ملاقات کردم.", "کافه نادری", "2024-01-10", "2023-12-21"),
])
def test_a_day_the_calendar_names_once_a_year(text: str, loc: str, document: str,
                                             day: str) -> None:
    assert [d for _t, d in _dated(text, (loc,), document)] == [day]


@pytest.mark.parametrize(("text", "loc", "day"), [
    ("صبا شب با بس به وان می‌روم.", "وان", "2024-02-19"),  # Dari «صبا»: tomorrow
    ("پس‌صبا با موتر به هرات می‌روم.", "هرات", "2024-02-20"),
])
def test_dari_tomorrow_and_the_day_after(text: str, loc: str, day: str) -> None:
    assert _dated(text, (loc,), "2024-02-18") == [("travel", day)]


def test_that_day_is_not_today() -> None:
    text = ("في ١٢ أيار ٢٠٢٤ وصل الساعي إلى بغداد. والتقى صباح ذلك اليوم بأبي علي في مقهى "
            "الشابندر.")
    assert _dated(text, ("بغداد", "مقهى الشابندر"), "2024-05-18") == [
        ("travel", "2024-05-12"), ("meeting", "2024-05-12")]


def test_wants_me_in_a_city_on_a_day_is_a_plan() -> None:
    text = "Rostami wants me in Istanbul on the 21st to meet the buyer."
    found = extract_events(text, mentions(text, loc=("Istanbul",)), [], "2024-03-06")
    assert [(e["type"], e["status"], e["date"]) for e in found] == [
        ("meeting", "planned", "2024-03-21")]


def test_an_offer_right_after_a_meeting_told_second_hand_is_of_that_meetings_day() -> None:
    text = ("2023-11-28 14:10 — Driver Karwan came to my office. He says that the day before two "
            "men sat down with him at the Shireen Tea House. The older one offered him USD 300 a "
            "month to send our convoy times.")
    found = _dated(text, ("Shireen Tea House",), "2023-11-29")
    assert ("meeting", "2023-11-27") in found and ("recruitment", "2023-11-27") in found


def test_a_european_day_and_month_without_a_year() -> None:
    text = ("Hamburg, 21.02.2024. The broker said he himself would fly to Yerevan on 23.02. A "
            "second meeting with KARIMI was agreed for 25.02 at the Nordhafen Arcaden.")
    found = _dated(text, ("Yerevan", "Nordhafen Arcaden"), "2024-02-21")
    assert ("travel", "2024-02-23") in found and ("meeting", "2024-02-25") in found


# Days that a diary's entry, a log's row, a thread's message or a document's own date order
# give: (text, places, document date, each event's type and day).
ANCHORED_DAYS = [
    # "Dated 14-11-2023" can only be day first: so are 02-10-2023 and "the next day" after it
    pytest.param(
        "CASE DIARY No. 7\nDated 14-11-2023\n\n"
        "The accused stated that on 02-10-2023 he flew from Lahore to Doha. On the next day he "
        "met a broker at the Pearl Suites hotel.",
        ("Doha", "Pearl Suites"), "2023-11-14",
        [("travel", "2023-10-02"), ("meeting", "2023-10-03")], id="hyphenated-day-first"),
    # «امس» under the entry «الثلاثاء ٥/٣» is the 4th, not the day before the last entry
    pytest.param(
        "🔸 الثلاثاء ٥/٣ — ٩:٣٠ بالليل\n"
        "امس وصلت سيئون من عدن.\n\n"
        "🔸 الخميس ٧/٣ — ٨:٠٠ الصبح\n"
        "بعد بكرة شالاقي فؤاد في فندق الواحة.",
        ("سيئون", "فندق الواحة"), "2024-03-07",
        [("travel", "2024-03-04"), ("meeting", "2024-03-09")], id="weekday-day-month-entry"),
    # the dates in a travel history's rows do not make "today" below them their day
    pytest.param(
        "Dated 20-12-2023\n\n"
        "(a) Travel history:\n"
        "    Date         Sector\n"
        "    04-12-2023   Lahore-Najaf\n"
        "    11-12-2023   Najaf-Lahore\n\n"
        "(b) At 1100 hrs today I met informer KITE at the Mall of Lahore.",
        ("Mall of Lahore",), "2023-12-20", [("meeting", "2023-12-20")], id="table-row-no-entry"),
    pytest.param(
        "SURVEILLANCE LOG — Period: Monday the 6th to Sunday the 12th May 2024\n\n"
        "Mon the 6th | 10:15 hrs | Tralee | Subject meets UM1 at the Kerry Ploughing Show.\n"
        "Wed the 8th | 14:00 hrs | Kent Station | Subject boards the train to Dublin.",
        ("Kerry Ploughing Show", "Dublin"), "2024-05-13",
        [("meeting", "2024-05-06"), ("travel", "2024-05-08")], id="log-row-short-weekday"),
    pytest.param(
        "اتفقا على اللقاء يوم السبت 24 أوت في نزل الياسمين بسوسة.",
        ("نزل الياسمين",), "2024-08-28", [("meeting", "2024-08-24")], id="maghreb-aout"),
    pytest.param(
        "[پیام صوتی ۱ – چهارشنبه ۸ قوس ۱۴۰۲، ساعت ۱۱ شب]\n"
        "مادر جان سلام. پریروز با رحیم در چایخانه‌ی بامیان نشستیم.\n\n"
        "[پیام صوتی ۲ – جمعه ۱۰ قوس ۱۴۰۲، ساعت ۷ صبح]\n"
        "دیروز اوزگور را در مرکز خرید فوروم دیدم.",
        ("چایخانه‌ی بامیان", "مرکز خرید فوروم"), "2023-12-04",
        [("meeting", "2023-11-27"), ("meeting", "2023-11-30")], id="voice-message-in-brackets"),
    # «روز جمعه اول دی …» tells a day; it does not head the lines after it, whose «سه روز پیش»
    # counts from the statement's own date
    pytest.param(
        "تاریخ ۱۴۰۲/۱۰/۱۲\n"
        "روز جمعه اول دی حاجی کریم رو تو گاراژ سبحان دیدم.\n"
        "سه روز پیش با سه تا زامیاد رفتیم زابل.",
        ("گاراژ سبحان", "زابل"), "2024-01-02",
        [("meeting", "2023-12-22"), ("travel", "2023-12-30")], id="roz-narrative-no-entry"),
    pytest.param(
        "----- پیام اول -----\nاز: م. توکلی\nبه: دفتر مشهد\n"
        "تاریخ: ۲ نوامبر ۲۰۲۳\n\n"
        "دیروز در زیارتگاه بابا شاه‌نور با آقای ریگی دیدار کردم.\n"
        "در این شهر کمتر کسی قرار کاری را در دفتر می‌گذارد و همه رستوران را ترجیح می‌دهند، "
        "و این را هر کسی که مدتی اینجا مانده باشد می‌داند. بازار صدر شب‌ها شلوغ است و "
        "راننده‌ها تا دیروقت کار می‌کنند؛ قیمت‌ها هم هر هفته بالاتر می‌رود و کسی نمی‌داند "
        "تا کی ادامه دارد.\n\n"
        "----- پیام دوم -----\n"
        "تاریخ: ۶ نوامبر ۲۰۲۳\n"
        "امروز صبح مبلغ ۱۵۰ میلیون ریال از طریق صرافی نوروزی به حساب آقای ریگی واریز شد.",
        ("زیارتگاه بابا شاه‌نور",), "2023-11-06",
        [("meeting", "2023-11-01"), ("payment", "2023-11-06")], id="thread-message-under-a-break"),
]


@pytest.mark.parametrize(("text", "places", "document", "days"), ANCHORED_DAYS)
def test_the_day_an_entry_row_or_message_gives(text: str, places: tuple[str, ...], document: str,
                                               days: list[tuple[str, str]]) -> None:
    assert _dated(text, places, document) == days


# Days as round 42's held-back reports wrote them (events v56); the texts are new.
DAYS_V56 = [
    # a date-time group's zone letter, then month and year: the 2nd, not "APR 24" as 24 April
    pytest.param("SITREP 31\n\n2. SOURCE MEET – FALCON. 021100C APR 24, met him in my car behind "
                 "the Grand Mosque of Zubair.", ("Grand Mosque of Zubair",), "2024-04-04",
                 [("meeting", "2024-04-02")], id="dtg-zone-letter"),
    # "D+2" in a sitrep that names no D-Day: two days after the report's own
    pytest.param("SITREP 9\n\n4. FORECAST. LO to travel to Amman D+2 for the liaison meeting.",
                 ("Amman",), "2024-05-10", [("travel", "2024-05-12"), ("meeting", "2024-05-12")],
                 id="d-plus-without-key"),
    pytest.param("OP CEDAR – D-DAY 06 MAY 24\n\n(1) D+1: LO met the deputy governor at the "
                 "Sheraton Erbil.", ("Sheraton Erbil",), "2024-05-09", [("meeting", "2024-05-07")],
                 id="d-day-key-without-sign"),
    pytest.param("يوم الأحد ٣/١١ وصل المدعو إلى المنامة. وفي مساء اليوم ذاته التقى بالمدعو (حسن) "
                 "في مقهى الريف.", ("المنامة", "مقهى الريف"), "2024-11-06",
                 [("travel", "2024-11-03"), ("meeting", "2024-11-03")], id="the-same-days-evening"),
    pytest.param("قبل أسبوعين سافرت إلى أربيل بالسيارة.", ("أربيل",), "2024-06-20",
                 [("travel", "2024-06-06")], id="two-weeks-ago"),
    pytest.param("باكر إن شاء الله أسافر إلى الدمام بالسيارة.", ("الدمام",), "2024-02-11",
                 [("travel", "2024-02-12")], id="gulf-tomorrow"),
    # «صباح باكر» is early in the morning: the meeting is of the day told before
    pytest.param("يوم الأحد ٤/٢ وصلت الرياض. في صباح باكر التقيت بفهد في فندق النخيل.",
                 ("الرياض", "فندق النخيل"), "2024-02-08",
                 [("travel", "2024-02-04"), ("meeting", "2024-02-04")], id="early-not-tomorrow"),
    pytest.param("سافرت جدة يوم الخميس الأسبوع الفات عشان الشغل.", ("جدة",), "2024-05-15",
                 [("travel", "2024-05-09")], id="weekday-of-last-week-sudanese"),
    # «نفس اليوم» counts from the weekday told earlier in its own sentence
    pytest.param("يوم السبت الأسبوع الفات وصلت مسقط، ونفس اليوم بالليل لاقاني سالم في فندق "
                 "البستان.", ("مسقط", "فندق البستان"), "2024-05-15",
                 [("travel", "2024-05-04"), ("meeting", "2024-05-04")], id="same-day-in-sentence"),
    # "today" is the texter's, in the words quoted; the dinner was on Tuesday
    pytest.param("Tue 14/5 dinner with Rami at the Phoenicia - didn't happen, he texted 'can't "
                 "make it today'.", ("Phoenicia",), "2024-05-16", [("meeting", "2024-05-14")],
                 id="quoted-today"),
    pytest.param("The cousin was signed up last Thurs in the courtyard of the Nour mosque.",
                 ("Nour mosque",), "2024-05-13", [("recruitment", "2024-05-09")],
                 id="last-short-weekday"),
    # the Thursday after last week's Wednesday, not this week's
    pytest.param("سافرت دبي يوم الاربعاء الأسبوع الماضي. يوم الخميس لاقيت عثمان في فندق الخليج.",
                 ("دبي", "فندق الخليج"), "2024-05-16",
                 [("travel", "2024-05-08"), ("meeting", "2024-05-09")], id="story-week-weekday"),
    # a diary entry headed «دو روز بعد»: two days after the entry before, and its «امروز»
    pytest.param("«یکشنبه ۱۰ تیر»\nامروز صبح با کاوه در کافه نارنج نشستیم.\n\n«دو روز بعد»\n"
                 "امروز ظهر کاوه را در پارک ملت دیدم.", ("کافه نارنج", "پارک ملت"), "2024-07-03",
                 [("meeting", "2024-06-30"), ("meeting", "2024-07-02")], id="relative-heading"),
    # «أمس» in an intercepted call counts from the call's bracketed stamp
    pytest.param("ملخص المكالمات\nأُعدّ بتاريخ ٢٠٢٤/٣/١٠\n\n[التاريخ: ٢٠٢٤/٣/٦ — ٢١:٠٠] سالم مع "
                 "«ناصر»\nناصر: وصلت عدن أمس والبضاعة جاهزة.", ("عدن",), "2024-03-10",
                 [("travel", "2024-03-05")], id="bracketed-call-stamp"),
    pytest.param("الجمعة ١٥ ك١\nالظهر شفته بمطعم بيت الزيتون قاعد مع رجل كبير.",
                 ("مطعم بيت الزيتون",), "2023-12-18", [("meeting", "2023-12-15")],
                 id="levantine-short-month"),
    pytest.param("On 04 JAN 2024 the subject told officers he had met a partner the previous "
                 "evening at the Sheraton Batumi.", ("Sheraton Batumi",), "2024-01-06",
                 [("meeting", "2024-01-03")], id="the-previous-evening"),
    # «باكر الثلاثاء»: tomorrow, Tuesday; not last Tuesday
    pytest.param("سفرتي لبيروت اللي كانت باكر الثلاثاء تكنسلت.", ("بيروت",), "2024-02-12",
                 [("travel", "2024-02-13")], id="tomorrow-then-its-weekday"),
    # an undated meeting under a diary heading that is not the document's day
    pytest.param("الخميس ١٤ آذار\n\nبعد صلاة العشاء قعدت مع عادل في مقهى الفاروق وحكينا طويلاً عن "
                 "الشغل.",
                 ("مقهى الفاروق",), "2024-03-18", [("meeting", "2024-03-14")],
                 id="undated-under-entry"),
    # a long answer is told sentence by sentence, each with its own day
    pytest.param("س: احكِ لنا كيف بدأت علاقتك بالمدعو سالم؟\nج: أنا تاجر من زمان. سافرت الدوحة "
                 "يوم الاثنين الأسبوع الفات عشان الشغل. يوم الثلاثاء الصباح لاقيت سالم في فندق "
                 "الريان. سالم سلّمني ألف دولار كاش.", ("الدوحة", "فندق الريان"), "2024-05-16",
                 [("travel", "2024-05-06"), ("meeting", "2024-05-07"), ("payment", "2024-05-07")],
                 id="long-answer-sentences"),
]


@pytest.mark.parametrize(("text", "places", "document", "days"), DAYS_V56)
def test_days_of_round_42s_writing(text: str, places: tuple[str, ...], document: str,
                                   days: list[tuple[str, str]]) -> None:
    assert _dated(text, places, document) == days


# Days as round 43's held-back reports wrote them (events v59); the texts are new.
DAYS_V59 = [
    pytest.param("ماهر استلم يوم الأحد ٢٨ /١ حوالة بألف دولار من تركيا.", (), "2024-02-03",
                 [("payment", "2024-01-28")], id="space-by-the-slash"),
    # «بعد هشت ماه»: after eight months, not eight days after the story's day
    pytest.param("دیشب پسرعموم حمیدالله بعد هشت ماه از دبی برگشت زاهدان.", ("دبی", "زاهدان"),
                 "2024-02-12", [("travel", "2024-02-11")], id="months-after-are-no-days"),
    pytest.param("يوم ٢٦ يناير ٢٠٢٤ التقى الفيتوري بالوسيط في فندق المرسى. وكان قد غادر إسطنبول "
                 "جواً إلى بنغازي قبل ثلاثة أيام من ذلك.", ("فندق المرسى", "إسطنبول", "بنغازي"),
                 "2024-02-03", [("meeting", "2024-01-26"), ("travel", "2024-01-23")],
                 id="days-before-that"),
    pytest.param("پس‌پریروز ظهر تو رستوران دریا با حاجی مراد نشستیم.", ("رستوران دریا",),
                 "2024-03-02", [("meeting", "2024-02-28")], id="three-days-ago"),
    pytest.param("اول البارحة العصر التقيت بكاك ريبوار في چايخانة أبو زينب وتكلمنا طويلاً عن "
                 "الطريق.", ("چايخانة أبو زينب",), "2023-04-18", [("meeting", "2023-04-16")],
                 id="iraqi-day-before-yesterday"),
    pytest.param("من جمعة، حسن التقى بالحاج كميل بحسينية الإمام الباقر.", ("حسينية الإمام الباقر",),
                 "2024-02-08", [("meeting", "2024-02-01")], id="levantine-a-week-ago"),
    pytest.param("يوم الثلاثاء ١٦/١ وصل عنيقوسيا. بنفس النهار قعد مع محامي قبرصي بمكتبو على شارع "
                 "أثينون.", ("نيقوسيا", "شارع أثينون"), "2024-01-23",
                 [("travel", "2024-01-16"), ("meeting", "2024-01-16")], id="levantine-same-day"),
    # a week, or a few days, name no day: the event takes none rather than a neighbour's
    pytest.param("هفته‌ی قبل دو ایرانی در کافه لاجورد به او پیشنهاد همکاری دادند.", ("کافه لاجورد",),
                 "2023-10-25", [("recruitment", None)], id="last-week-with-ezafe"),
    pytest.param("A few days ago he met Reza at the Pera Palace.", ("Pera Palace",), "2024-01-10",
                 [("meeting", None)], id="a-few-days-ago"),
    # a list's number is no count of days: «۲- روز بعد» is the next day
    pytest.param("۱- روز یکشنبه ۲۰ مهر ۱۳۹۳ با منبع ۳۱۲ در بغداد ملاقات کردم.\n۲- روز بعد مبلغ ۲۰۰۰ "
                 "دلار پول نقد به منبع ۳۱۲ پرداخت شد.", ("بغداد",), "2014-10-14",
                 [("meeting", "2014-10-12"), ("payment", "2014-10-13")], id="list-number"),
]


@pytest.mark.parametrize(("text", "places", "document", "days"), DAYS_V59)
def test_days_of_round_43s_writing(text: str, places: tuple[str, ...], document: str,
                                   days: list[tuple[str, str | None]]) -> None:
    # (the days are what is tested: the sentence models may add an event beside them)
    found = _dated(text, places, document)
    assert all(day in found for day in days) and len(found) <= len(days) + 1


# Trigger phrases of dialects, notes and logs from round 43's review (events v60).
@pytest.mark.parametrize(("text", "places", "document", "found"), [
    pytest.param("روز شنبه ۲۸ دلو سرور جان به دکانم آمد و تا ظهر از کار و بار حرف زدیم.", (),
                 "2024-02-20", [("meeting", "2024-02-17", "happened")], id="came-to-my-shop-dari"),
    pytest.param("Yesterday evening Karimi came to see me in the shop and we talked for an hour about "
                 "his trip.", (), "2024-01-10", [("meeting", "2024-01-09", "happened")],
                 id="came-to-see-me"),
    pytest.param("On 13 February 2024 Rubaie sent money to Dilshad Omar in Sulaymaniyah through a small "
                 "exchange office.", ("Sulaymaniyah",), "2024-02-20",
                 [("payment", "2024-02-13", "happened")], id="sent-money-to"),
    pytest.param("دیروز حمیدالله پنج میلیون تومان ریخت به حساب برادرم و پیام داد که رسید.", (),
                 "2024-02-12", [("payment", "2024-02-11", "happened")], id="paid-into-an-account"),
    pytest.param("پریروز صبح سوار اتوبوس شد و رفت مشهد پیش داییش.", ("مشهد",), "2024-02-12",
                 [("travel", "2024-02-10", "happened")], id="took-the-bus-fa"),
    pytest.param("بكرة الصبح هقابل أبو عمر في المول اللي في لاللي عشان نتكلم في الشغل.", ("المول",),
                 "2023-09-23", [("meeting", "2023-09-24", "planned")], id="egyptian-will-meet"),
    # a habit: "most Sundays"
    pytest.param("KESTREL himself drives to Nicosia most Sundays to see his mother, so don't try him "
                 "then.", ("Nicosia",), "2024-02-20", [], id="most-sundays-is-a-habit"),
])
def test_round_43s_trigger_phrases(text: str, places: tuple[str, ...], document: str,
                                   found: list[tuple[str, str, str]]) -> None:
    assert _dated_status(text, places, document) == found


# Days and non-events as round 44's held-back reports wrote them (events v62); new texts.
@pytest.mark.parametrize(("text", "places", "document", "found"), [
    # "this Friday": that day of the document's week (a Thursday's report: tomorrow)
    pytest.param("I go to Mersin this Friday, ticket booked, and will meet the agent at the port "
                 "there.", ("Mersin",), "2024-03-14",
                 [("travel", "2024-03-15", "happened"), ("meeting", None, "planned")], id="this-friday"),
    # "the next Monday" counts from the story's day, as "the following Monday" does
    pytest.param("On 6 February 2024 he met DARIUSH in Brussels at a café near the station. The next "
                 "Monday he took the train to Brussels again.", ("Brussels",), "2024-02-20",
                 [("meeting", "2024-02-06", "happened"), ("travel", "2024-02-12", "happened")],
                 id="the-next-monday"),
    pytest.param("ابنه عبر إلى درعا قبل ثلاثة أسابيع مع مهربين من الرمثا.", ("درعا",), "2024-02-09",
                 [("travel", "2024-01-19", "happened")], id="three-weeks-ago"),
    # a report of late Esfand 1402 telling of «۱۵ فروردین»: the coming Farvardin (1403)
    pytest.param("قرار است بعد از عید، چهارشنبه ۱۵ فروردین، یوسف خودش به تبریز بیاید و او را ببیند.",
                 ("تبریز",), "2024-03-16",
                 [("travel", "2024-04-03", "planned"), ("meeting", "2024-04-03", "planned")],
                 id="year-turn"),
    pytest.param("Remarks: PEARL states he has never visited Pakistan and never met anyone from its "
                 "services.", ("Pakistan",), "2024-02-07", [], id="never-visited"),
])
def test_round_44s_days_and_denials(text: str, places: tuple[str, ...], document: str,
                                    found: list[tuple[str, str | None, str]]) -> None:
    assert _dated_status(text, places, document) == found


# Days as round 45's held-back reports wrote them (events v64); new texts.
@pytest.mark.parametrize(("text", "places", "document", "found"), [
    pytest.param("يوم ٧/١١/٢٠٢٣ وصلت إلى دمشق. بعد ذلك بثلاثة أيام التقيت في فندق الرضا بالحاج مهدي "
                 "وتكلمنا طويلاً.", ("دمشق", "فندق الرضا"), "2023-11-20",
                 [("travel", "2023-11-07", "happened"), ("meeting", "2023-11-10", "happened")],
                 id="three-days-after-that"),
    pytest.param("On 29 Sep 23 ZARGUL arrived in Dubai. Next evening he sat with an Iranian calling "
                 "himself Karimi in the lobby café of the Marina Hotel.", ("Dubai", "Marina Hotel"),
                 "2023-10-03",
                 [("travel", "2023-09-29", "happened"), ("meeting", "2023-09-30", "happened")],
                 id="next-evening"),
    # «اليوم الثاني من المعرض», the fair's second day, is not today
    pytest.param("في اليوم الثاني من المعرض تعرّف إليّ عند جناح إحدى الشركات رجل يدعى سمير وجلسنا في "
                 "المقهى.", (), "2024-03-26", [("meeting", None, "happened")], id="second-day-not-today"),
    pytest.param("On 14 February the informant reported that two days prior his brother-in-law met an "
                 "Indian national at the Serena Hotel.", ("Serena Hotel",), "2024-02-16",
                 [("meeting", "2024-02-12", "reported")], id="two-days-prior"),
])
def test_round_45s_days(text: str, places: tuple[str, ...], document: str,
                        found: list[tuple[str, str | None, str]]) -> None:
    assert _dated_status(text, places, document) == found


# Days as rounds 47's and 48's held-back reports wrote them (events v66, then v67); new texts.
_ROUND_47_DAYS = [
    # a diary whose entries are headed by a weekday alone: the days run on from the first
    pytest.param("TUESDAY 3rd\nLanded in Basra, no sleep.\n\nWEDS\nMet Ali in the lobby of the Grand "
                 "Hotel.\n\nFRI\nAli gave me $400 in an envelope.", ("Basra", "Grand Hotel"),
                 "2024-09-07",
                 [("travel", "2024-09-03", "happened"), ("meeting", "2024-09-04", "happened"),
                  ("payment", "2024-09-06", "happened")], id="weekday-headings"),
    # a short weekday before a time of day, inside a log line of another day
    pytest.param("Sun 08/09 10:00 | Interview. AZIZ: met \"SAMI\" Fri evening at the Rose Hotel.",
                 ("Rose Hotel",), "2024-09-09", [("meeting", "2024-09-06", "happened")],
                 id="fri-evening"),
    # a log line's day is when it was told: the event has a month of its own
    pytest.param("Mon 09/09 09:30 | NASSER interview: recruited in March in Doha by a broker.",
                 ("Doha",), "2024-09-09", [("recruitment", None, "happened")], id="stamp-and-month"),
    # «ملا جمعه» is a man, not a Friday
    pytest.param("ملا جمعه دیروز به هرات رفت.", ("هرات",), "2024-09-09",
                 [("travel", "2024-09-08", "happened")], id="juma-a-name"),
    # last year in speech is a time of its own, not the day the sentence before gave
    pytest.param("امروز نسرین رو دیدم. پارسال همین نسرین به یه نفر دو هزار دلار داده بود.", (),
                 "2024-09-09", [("meeting", "2024-09-09", "happened"), ("payment", None, "happened")],
                 id="last-year-spoken"),
    # «پنجشنبهٔ دیگر»: the coming Thursday, a week on when the report is of a Thursday
    pytest.param("گفته پنجشنبهٔ دیگر برمی‌گردد بوشهر.", ("بوشهر",), "2024-09-05",
                 [("travel", "2024-09-12", "planned")], id="the-other-thursday"),
    # «تاني يوم السبت الجاي»: again on next Saturday, not the next day
    pytest.param("قال لي نتلاقى تاني يوم السبت الجاي في قهوة النيلين.", ("قهوة النيلين",),
                 "2024-09-09", [("meeting", "2024-09-14", "planned")], id="again-next-saturday"),
    pytest.param("السفر على بورتسودان قال حيكون يوم ٢٨ الشهر ده.", ("بورتسودان",), "2024-09-09",
                 [("travel", "2024-09-28", "reported")], id="the-28th-of-this-month"),
    # two weeks on, not the one week «بعدها بأسبوع» spells most of
    pytest.param("يوم الجمعة ٦ سبتمبر قابله أبو عمر في الجامع. بعدها بأسبوعين أبو عمر طلب منه يوصّل "
                 "شنطة لواحد في غازي عنتاب.", (), "2024-09-30",
                 [("meeting", "2024-09-06", "happened"), ("tasking", "2024-09-20", "happened")],
                 id="two-weeks-after"),
    # a weekday and a day of the month with no month
    pytest.param("وأنا ناوي أروح إسطنبول يوم الأحد ١٥ سبتمبر، وهناك بلاقي أخوه في فندق البسفور يوم "
                 "الاثنين ١٦.", ("إسطنبول", "فندق البسفور"), "2024-09-09",
                 [("travel", "2024-09-15", "planned"), ("meeting", "2024-09-16", "planned")],
                 id="monday-the-16th"),
    # «إن شاء الله» and an English clause in the present: the coming weekday
    pytest.param("أنا الخميس إن شاء الله راجع عالقامشلي.", ("القامشلي",), "2024-09-09",
                 [("travel", "2024-09-12", "planned")], id="inshallah-thursday"),
    pytest.param("KAYA's return ticket to Istanbul is for Sunday.", ("Istanbul",), "2024-09-11",
                 [("travel", "2024-09-15", "planned")], id="ticket-is-for-sunday"),
    # a call-off in the past tense: the nearer Wednesday, here the coming one
    pytest.param("SAAB phoned KOUMIS and called off their Wednesday lunch at the Olive Court Hotel.",
                 ("Olive Court Hotel",), "2024-09-09",
                 [("meeting", "2024-09-11", "cancelled")], id="called-off-wednesday"),
]
_ROUND_48_DAYS = [
    # «الجمعة الماضية»: the last Friday, with the feminine ending
    pytest.param("اللقاء الذي كان محدّداً معه الجمعة الماضية في مكتب المحامي أُلغي.", (),
                 "2024-09-11", [("meeting", "2024-09-06", "cancelled")], id="last-friday-feminine"),
    # set for Saturday (a plan's word) but called off in the past: the nearer Saturday
    pytest.param("A follow-up interview set for Saturday was cancelled by his lawyer.", (),
                 "2024-09-09", [("meeting", "2024-09-07", "cancelled")], id="set-for-then-cancelled"),
    pytest.param("الموكّل سيعود إلى الكويت يوم الأحد.", ("الكويت",), "2024-09-11",
                 [("travel", "2024-09-15", "planned")], id="msa-future-prefix"),
    pytest.param("Rostami said he would fly to Istanbul on Wednesday.", ("Istanbul",), "2024-09-09",
                 [("travel", "2024-09-11", "reported")], id="would-fly"),
    pytest.param("کاوه شنبه با پرواز صبح می‌آید تهران.", ("تهران",), "2024-09-11",
                 [("travel", "2024-09-14", "planned")], id="persian-present"),
    # "18 June last year"; a day in the weeks after the report is this year's plan, not the
    # story's year
    pytest.param("On 18 June last year a man offered me £2,000 a month to advise them.", (),
                 "2023-11-08", [("recruitment", "2022-06-18", "happened")], id="last-year"),
    pytest.param("I flew to Vienna on 2 September 2022 and met him in the Hotel Gruen.\n"
                 "I travel to Manchester on 14 November to give a statement.",
                 ("Vienna", "Hotel Gruen", "Manchester"), "2023-11-08",
                 [("travel", "2022-09-02", "happened"), ("meeting", "2022-09-02", "happened"),
                  ("travel", "2023-11-14", "planned")], id="plan-this-year"),
    # a Persian month with a two-digit year is a time of its own
    pytest.param("دیروز در دادگاه گفته شد متهم اسفند ۹۷ به بصره رفته است.", ("بصره",), "2021-10-13",
                 [("travel", None, "reported")], id="month-and-two-digit-year"),
    # «به دعوت آقای …»: at his invitation, a lunch that happened
    pytest.param("روز جمعه ۱۶ دی به دعوت آقای باباخانی در سفره‌خانه پارسه با ایشان ناهار خوردم.",
                 ("سفره‌خانه پارسه",), "2023-01-10", [("meeting", "2023-01-06", "happened")],
                 id="at-his-invitation"),
    # eleven words between «با» and «نشستیم»; «خیابون بهار» is a street, not spring (events v68)
    pytest.param("دیروز ظهر، بعد کلاس فیزیک، با همون آقاهه که گفتم، رضایی، رفتیم کافه لیمو سر خیابون "
                 "بهار نشستیم.", ("کافه لیمو",), "2023-11-28",
                 [("meeting", "2023-11-27", "happened")], id="eleven-words-apart"),
]


@pytest.mark.parametrize(("text", "places", "document", "found"), _ROUND_47_DAYS + _ROUND_48_DAYS)
def test_rounds_47_and_48s_days(text: str, places: tuple[str, ...], document: str,
                                found: list[tuple[str, str | None, str]]) -> None:
    assert _dated_status(text, places, document) == found


def _placed(text: str, loc: tuple[str, ...], day: str = "2024-05-01") -> list[tuple[str, str | None]]:
    named = mentions(text, loc=loc)
    return [(e["type"], e["place"]) for e in extract_events(text, named, [], day)]


# Round 51 (text written for the tests): where a payment was made, where a pitch's work would
# be, and an itinerary's arrow.
@pytest.mark.parametrize(("text", "loc", "found"), [
    ("On 3 March he paid a checkpoint captain at Safwan twelve thousand dollars in cash.",
     ("Safwan",), [("payment", "Safwan")]),
    ("Abu Ghassan handed him USD 2,000 in cash at Jdeidet Yabous on 14 May.",
     ("Jdeidet Yabous",), [("payment", "Jdeidet Yabous")]),
    # where the money went or came from is no place of paying
    ("On 9 May he wired USD 40,000 to an account at a bank in Dubai.", ("Dubai",),
     [("payment", None)]),
    # ...but an exchange office paid it in or out where it is (round 82: what most sets since
    # the hundredth annotate)
    ("Funds of JOD 4,000 were transferred to his account from an exchange house in Zarqa.",
     ("Zarqa",), [("payment", "Zarqa")]),
    ("حوّل يوم الثلاثاء عشرين ألف دولار عن طريق مكتب صيرفة في العشار.", ("العشار",),
     [("payment", "العشار")]),
    # a place in a later clause belongs to that clause
    ("He handed me USD 700 in cash, and then he drove back to Basra.", ("Basra",),
     [("payment", None), ("travel", "Basra")]),
])
def test_a_payments_place_after_its_verb(text: str, loc: tuple[str, ...],
                                        found: list[tuple[str, str | None]]) -> None:
    assert _placed(text, loc) == found


@pytest.mark.parametrize(("text", "loc", "found"), [
    ("That night Bahrami offered him two thousand dollars a month to report on Iranian "
     "journalists in London.", ("London",), [("recruitment", None)]),
    ("عرض عليّ أن أعمل لهم في البصرة مقابل ألف دولار.", ("البصرة",), [("recruitment", None)]),
    ("عرضوا عليه يشتغل وياهم بالزبير بثمنمية ألف بالشهر.", ("الزبير",), [("recruitment", None)]),
    # (a pitch made at the meeting the sentence told first is that meeting's, which has the
    # place: round 82)
    ("An Iranian approached him at a kebab restaurant in Ashar and offered him a job.",
     ("Ashar",), [("recruitment", None)]),
])
def test_a_pitchs_place_is_not_where_the_work_would_be(text: str, loc: tuple[str, ...],
                                                     found: list[tuple[str, str | None]]) -> None:
    # (the approach may be found as a meeting too: round 77's sentence models find one in
    # "approached him at a kebab restaurant"; the pitch's place is what this test checks)
    assert [event for event in _placed(text, loc) if event[0] != "meeting"] == found


def test_an_itinerary_with_an_arrow_goes_to_its_last_place() -> None:
    text = "Sat 26/8 — Shared taxi Erbil → Sulaimani, 2 seats: 30."
    assert _placed(text, ("Erbil", "Sulaimani"), "2023-08-28") == [("travel", "Sulaimani")]


# Round 52 (text written for the tests).
@pytest.mark.parametrize(("text", "places", "document", "found"), [
    # a day/month whose weekday only the lunar Hijri reading matches: 17 Rabi' al-Awwal 1445
    ("سجل الحوادث — الخميس ٢٠/٣/١٤٤٥هـ\nالاثنين ١٧/٣ — التقى الحارس بشخص مجهول في مقهى الهيل.",
     ("مقهى الهيل",), "2023-10-05", [("meeting", "2023-10-02", "happened")]),
    # (and the Gregorian reading when its weekday matches: 17 March 2023 was a Friday)
    ("الجمعة ١٧/٣ — التقى الحارس بشخص مجهول في مقهى الهيل.", ("مقهى الهيل",), "2023-03-20",
     [("meeting", "2023-03-17", "happened")]),
    ("جلسه هیئت مدیره در ساعت ۱۰ صبح روز سه‌شنبه مورخ ۱۴۰۲/۰۳/۱۶ در دفتر شرکت تشکیل شد.", (),
     "2023-06-06", [("meeting", "2023-06-06", "happened")]),
    ("مفكرة كاتب البلدية\nالسبت ٢٠ نيسان ٢٠١٩\n\nالأربعاء ٣ نيسان: سمعت أن حسين سافر أمس من "
     "مطار بيروت عائداً إلى فريتاون.", ("فريتاون",), "2019-04-20",
     [("travel", "2019-04-02", "happened")]),
    ("تاريخ المقابلة: الثلاثاء ١٤ آذار ٢٠٢٣ — المكان: غازي عنتاب", ("غازي عنتاب",), "2023-03-20", []),
])
def test_round_52s_days(text: str, places: tuple[str, ...], document: str,
                        found: list[tuple[str, str | None, str]]) -> None:
    assert _dated_status(text, places, document) == found


@pytest.mark.parametrize(("text", "language"), [
    ("حاول أن يجنّدني لأكتب تقارير عن مديري.", "ar"),
    ("پیشنهاد داد با اسم مستعار ماهی دو گزارش برایشان بنویسم، ماهی پانصد دلار.", "fa"),
])
def test_round_52s_pitches(text: str, language: str) -> None:
    assert [e["type"] for e in extract_events(text, [], [], "2024-05-01")] == ["recruitment"]


def test_review_fixes_of_rounds_51_and_52() -> None:
    import datetime as dt

    from kashf.nlp.relative_days import _lunar_day_and_month

    # outside the Hijri years hijridate knows: no lunar reading, and no error
    assert _lunar_day_and_month(dt.date(1900, 6, 1), 17, 3) is None
    assert extract_events("يوم الاثنين ١٧/٣ التقى المصدر في مقهى الهيل.", [], [], "1900-06-01")
    # where the payer came from is no transfer; a name after "to" is no pitch's work
    text = "A man from Basra paid the checkpoint captain at Safwan 5,000 dollars."
    assert _placed(text, ("Basra", "Safwan")) == [("payment", "Safwan")]
    text = "In May he recruited Karim and introduced him to Ahmed in Beirut."
    assert _placed(text, ("Beirut",)) == [("recruitment", "Beirut")]


# Round 53 (text written for the tests): a venue named again by its kind, and days.
@pytest.mark.parametrize(("text", "loc", "found"), [
    ("On 3 May he dined with Karimi at the Saffron Quay Hotel. A second dinner, set for 19 May "
     "at the same hotel, was called off.", ("Saffron Quay Hotel",),
     [("meeting", "Saffron Quay Hotel"), ("meeting", "Saffron Quay Hotel")]),
    ("شنبه در هتل سپیدار با صارمی نشستم.\nقرار تازه: دوشنبه ساعت ۶ عصر، باز همان هتل.",
     ("هتل سپیدار",), [("meeting", "هتل سپیدار"), ("meeting", "هتل سپیدار")]),
    # a floor of the building is in it
    ("يريد أن نلتقي عصر الخميس في الطابق الثاني من مول النبراس.", ("مول النبراس",),
     [("meeting", "مول النبراس")]),
])
def test_round_53s_places(text: str, loc: tuple[str, ...], found: list) -> None:
    assert _placed(text, loc) == found


@pytest.mark.parametrize(("text", "places", "document", "found"), [
    # «مردی که»: a relative «که», so the Friday is the meeting's, not the day it was told
    ("وی اظهار داشت جمعه ۲۱/۰۲ بعد از نماز مردی که خود را سیروان معرفی کرد جلوی مسجد نور با "
     "همسرش دیدار کرده است.", (), "2024-05-15", [("meeting", "2024-05-10", "reported")]),
    # «بانه» is a town, not Arabic «بأنه»
    ("اظهارات متهم: دیروز عصر در قهوه‌خانه سنگی در بانه با فردی نشسته است.", ("بانه",),
     "2024-05-15", [("meeting", "2024-05-14", "reported")]),
    # (round 77's sentence models find no gift in "accepted a Rolex from"; the holiday's year is
    # what this case checks)
    ("Ms Whitby received a Rolex from Dr al-Rubaie on Christmas Eve 2021.", (), "2024-11-12",
     [("payment", "2021-12-24", "happened")]),
    # "moved to" his car is no plan; "declined to discuss" calls nothing off
    ("sat with Abu Haider monday evening at the hotel, lobby first then we moved to his car.",
     (), "2023-05-17", [("meeting", "2023-05-15", "happened")]),
    ("On 21 May he met Ooi at a coffee shop in Kuala Lumpur, and Ooi declined to discuss Kiani.",
     ("Kuala Lumpur",), "2021-06-14", [("meeting", "2021-05-21", "happened")]),
    # a shift report's numbered items «١- الساعة ١٤٣٥ …» are of the report's day
    ("تقرير المناوبة المسائية\nالتاريخ: الثلاثاء ١٤/١١/٢٠٢٣\n\n١- الساعة ١٤٣٥ دخل المدعو سامي "
     "الحوراني إلى مركز حدود جابر قادماً من معبر نصيب.", ("مركز حدود جابر",), "2023-11-14",
     [("travel", "2023-11-14", "happened")]),
    # a Hijri diary's «الاثنين ١٠/٧»: both readings fall on a Monday; the nearer one
    ("الاثنين ١٠/٧\nقابلت الأستاذ مجدي في مقهى النخلة.", ("مقهى النخلة",), "2024-01-25",
     [("meeting", "2024-01-22", "happened")]),
    # a season with its year dates the story's days in the paragraphs after it
    ("پاییز ۱۳۹۶ در دانشگاه اصفهان درس می‌دادم.\n\nشنبه بیستم آبان صادقی را در لابی هتل سپهر "
     "دیدم.", ("هتل سپهر",), "2023-02-01", [("meeting", "2017-11-11", "happened")]),
    # a weekday before the day it names: the day
    ("قرار بعدی‌مان یکشنبه پنجم آذر در صحن امامزاده احمد است.", ("امامزاده احمد",), "2022-11-20",
     [("meeting", "2022-11-26", "planned")]),
    # «ستلتقي»: the Arabic future
    ("وقالت إنها ستلتقي به في مطعم الزيتونة يوم السبت.", ("مطعم الزيتونة",), "2023-11-14",
     [("meeting", "2023-11-18", "planned")]),
    # a day in the next clause is that clause's
    ("بعد غد الجمعة سألتقي أبو سلطان في مسجد الهدى، ثم أرجع جدة يوم السبت.", ("مسجد الهدى",),
     "2022-09-14", [("meeting", "2022-09-16", "planned")]),
    # "evening" is no present tense
    ("On Saturday evening, before leaving, Nasseri handed him £300 cash.", (), "2023-06-19",
     [("payment", "2023-06-17", "happened")]),
])
def test_rounds_53_and_54s_days(text: str, places: tuple[str, ...], document: str,
                                found: list[tuple[str, str | None, str]]) -> None:
    assert _dated_status(text, places, document) == found


def test_round_53s_headings() -> None:
    # a line in capitals under the agency's name, and a court's header lines, are no events
    text = ("SECURITY SERVICE\nCONTACT REPORT — SOURCE DEBRIEF\n\nThe source met his handler "
            "in Erbil on 3 March.")
    assert [e["type"] for e in extract_events(text, mentions(text, loc=("Erbil",)), [],
                                              "2024-03-16")] == ["meeting"]
    text = ("محكمة الشارقة الاتحادية الابتدائية – الدائرة الجزائية الأولى\n"
            "ملخص حكم في الدعوى رقم 1145 لسنة 2023 جزائي – غسل أموال\n"
            "تاريخ الجلسة: الخميس 29/02/2024\n\nثبت أن المتهم سلّم الموظف مبلغ 5,000 درهم نقداً.")
    assert [e["type"] for e in extract_events(text, [], [], "2024-02-29")] == ["payment"]


def test_an_item_of_its_own_calls_off_its_own_meeting() -> None:
    text = ("٦- قالت إنها ستلتقي به في مطعم الزيتونة يوم السبت.\n"
            "٧- كان من المقرر أن أجتمع الساعة ٢٠٠٠ بمندوب شركة النسر، إلا أنه اعتذر هاتفياً.")
    assert _dated_status(text, ("مطعم الزيتونة",), "2023-11-14") == [
        ("meeting", "2023-11-18", "planned"), ("meeting", None, "cancelled")]


def test_round_54s_events() -> None:
    # "the two" are people, not a count of dinners
    text = "On June 10 they flew to Erbil. The next evening, the two had dinner with Jabbar."
    assert [e["type"] for e in extract_events(text, mentions(text, loc=("Erbil",)), [],
                                              "2019-09-12")] == ["travel", "meeting"]
    # where a pitch's job would be is not where it was made
    text = "In July he offered Petrosian a job in Basra at USD 10,000 a month."
    assert _placed(text, ("Basra",)) == [("recruitment", None)]
    text = "المقاول فاضل الموسوي التقاه يوم الاثنين داخل سيارته قرب سيطرة البرجسية."
    assert [e["type"] for e in extract_events(text, [], [], "2023-10-19")] == ["meeting"]
    # a running total is no payment
    assert extract_events("Paid to Pinnock so far: £300.", [], [], "2023-03-10") == []


def test_review_fixes_of_rounds_53_and_54() -> None:
    import datetime as dt

    from kashf.nlp.event_dates import _seasons
    from kashf.nlp.events import sentences
    from kashf.nlp.relative_days import relative_days

    # a wrapped line that goes on in lower case, or ends the text, is no heading
    text = "On 12 May 2021 the source met KAYA at the Rixos hotel in Erbil\nand was paid USD 2,000\n"
    assert len(sentences(text)) == 1
    # an hour after a holiday is no year
    for text in ("christmas day 1930 hrs", "on christmas eve 2015 s1 left the hotel"):
        assert relative_days(text, 0, len(text), dt.date(2023, 1, 10))[0][2] != text[-4:]
    # a Persian season with a Gregorian year starts by the Gregorian calendar
    assert _seasons("پاییز 2017") == [(0, dt.date(2017, 9, 23),
                                       dt.date(2017, 9, 23) + dt.timedelta(days=120))]
    # "was moved to a camp" is no plan; «عبرت عن» (expressed) is no trip; a count is a count
    text = "On 3 May the detainee was moved to Camp Bucca and met his lawyer there."
    found = _dated_status(text, ("Camp Bucca",), "2023-05-10")
    assert ("meeting", "2023-05-03", "happened") in found
    assert all(status == "happened" for _type, _date, status in found)
    text = "وقد عبرت عن قلقها من الوضع في عمّان."
    assert "travel" not in [e["type"] for e in extract_events(text, mentions(text, loc=("عمّان",)),
                                                             [], "2023-05-10")]
    assert not extract_events("He made the three trips to Erbil in May.",
                              mentions("He made the three trips to Erbil in May.", loc=("Erbil",)),
                              [], "2023-06-10")


def test_an_appointment_set_is_a_plan() -> None:
    # «قرار گذاشت پنجشنبه …»: he set Thursday; the coming Thursday, not the last
    text = "قرار گذاشت پنجشنبه ساعت ۵ تو حیاط مسجد ییلدیزتپه همو ببینیم."
    assert _dated_status(text, ("مسجد ییلدیزتپه",), "2023-12-12") == [
        ("meeting", "2023-12-14", "planned")]


def test_round_55s_dates() -> None:
    # a lunar day and month without the year, in any spelling («ذي الحجة», «ذی‌الحجه»); by its
    # weekday where the writer's month began a day after Umm al-Qura's (by the tables 15 Dhu
    # al-Hijjah 1444 is Monday 3 July; «سه‌شنبه ۱۵ ذی‌الحجه» is the Tuesday after)
    text = "يوم الاثنين ١٥ ذي الحجة عاد الشيخ إلى رداع."
    assert _dated_status(text, ("رداع",), "2023-07-06") == [("travel", "2023-07-03", "happened")]
    text = "سه‌شنبه ۱۵ ذی‌الحجه با تاکسی به کتاب‌فروشی نور مبین رفتم و آنجا با صدری دیدار کردم."
    # (whether the walk to the bookshop is also a trip, the sentence models decide; every event
    # found is of that Tuesday, and the meeting is found)
    found = extract_events(
        text, mentions(text, per=("صدری",), loc=("کتاب‌فروشی نور مبین",)), [], "2023-07-07")
    assert "meeting" in [e["type"] for e in found]
    assert {e["date"] for e in found} == {"2023-07-04"}
    # "booked to fly" is a plan: the coming Monday
    text = "Client advises S1 is booked to fly to Erbil on Monday."
    assert _dated_status(text, ("Erbil",), "2024-02-10") == [("travel", "2024-02-12", "planned")]
    # spoken Persian «راه میفتن» (they set off) is still to come
    text = "گروه پنجشنبه ساعت ۵ صبح با اتوبوس راه میفتن سمت مرز مهران."
    assert _dated_status(text, ("مهران",), "2023-10-04") == [("travel", "2023-10-05", "planned")]
    # a deadline's day is not the story's day: the car meeting after it is the log's
    text = ("Sat 10/02/2024\n10:21  Op1 overheard UF1: \"Bring the stamped copies by Thursday.\"\n"
            "10:41  S1 gets into a grey Lexus driven by UM1 and they talk for 18 min.")
    assert "2024-02-08" not in [e["date"] for e in extract_events(text, [], [], "2024-02-10")]


def test_a_plan_elsewhere_is_not_the_meeting_held() -> None:
    # tonight's meeting at the mosque is not the one held at the tea house at noon
    text = ("امشب بعد از نماز عشا تو مسجد مکی می‌بینیمش.\n"
            "سلیمان امروز ظهر تو چایخانه بازار رسولی با مأمور گمرک نشست.")
    found = extract_events(text, mentions(text, per=("سلیمان",), loc=("مسجد مکی", "بازار رسولی")),
                           [], "2024-05-11")
    assert [(e["type"], e["status"]) for e in found if e["type"] == "meeting"] == [
        ("meeting", "planned"), ("meeting", "happened")]


def test_a_verb_with_its_object_ends_the_venue() -> None:
    from kashf.nlp import events_lexicon as lex

    assert lex.verb_form("دیدمش") == "verb"
    assert lex.verb_form("ساختمان") is None  # a noun, not «ساخت» with «مان»
    text = "در طبقه بالای کتاب‌فروشی دیدمش."
    assert [e["place"] for e in extract_events(text, [], [], "2023-07-07")] == ["کتاب‌فروشی"]


def test_a_time_in_brackets_leaves_the_log_day() -> None:
    # «(همان که پارسال …)» tells who he is; the meeting is of the line's Thursday
    text = ("ملاحظات پای دفتر — سه‌شنبه ۱۸ اردیبهشت ۱۴۰۳\n\n"
            "پنجشنبه ۱۳/۲ — ظهر، لابی هتل الماس نور، با ابوعلی بصری (همان که پارسال با زوار "
            "می‌آمد) یک ساعت نشستیم.")
    assert [e["date"] for e in extract_events(text, [], [], "2024-05-07")] == ["2024-05-02"]


def test_round_55s_plans_and_plans_carried_out() -> None:
    # "as planned" tells a plan carried out: the Wednesday just gone
    text = '"Ranya" met Khoury as planned on Wednesday in the City Mall car park.'
    assert _dated_status(text, ("City Mall",), "2025-03-28") == [
        ("meeting", "2025-03-26", "happened")]
    # a Persian present with «می» and a weekday is still to come («روان می‌کنم», I'll send) …
    text = "پیسه خرچ خانه ره شنبه از راه حواله‌دار برایتان روان می‌کنم، پنج میلیون."
    assert [e["date"] for e in extract_events(text, [], [], "2024-06-30")] == ["2024-07-06"]
    # … not what someone says now of a day gone («می‌گوید»)
    text = "دایی جاسم می‌گوید پنجشنبه به آقای بهبهانی بیست میلیون تومان نقد داده."
    assert [e["date"] for e in extract_events(text, mentions(text, per=("آقای بهبهانی",)), [],
                                              "2024-01-28")] == ["2024-01-25"]


def test_a_number_on_the_next_line_is_no_year() -> None:
    from kashf.nlp.event_dates import YEARLESS_DATE

    # "Sun 11th Feb" heads a diary's day; "2140" opens the next line's entry, no year
    text = "Sun 11th Feb\n2140 Call from ROWAN (CHIS)."
    assert [m.group() for m in YEARLESS_DATE.finditer(text)] == ["11th Feb"]
    assert [m.group() for m in YEARLESS_DATE.finditer("11th Feb 2024")] == []


def test_an_unnamed_venue_is_the_one_just_named() -> None:
    # «در صحن حرم»: the courtyard of the shrine the surveillance log named a line before
    text = ("۱۶:۳۰ سوژه با تاکسی به حرم حضرت عبدالعظیم در شهرری رفت.\n"
            "۱۷:۵۰ سوژه در صحن حرم با نجیب‌الله دیدار کرد.")
    found = extract_events(text, mentions(text, per=("نجیب‌الله",),
                                          loc=("حرم حضرت عبدالعظیم", "شهرری")), [], "2024-05-12")
    assert [e["place"] for e in found if e["type"] == "meeting"] == ["حرم حضرت عبدالعظیم"]


def test_a_booth_is_told_by_its_fair() -> None:
    text = ("روز دوشنبه کارشناس سرکنسولگری در نمایشگاه بین‌المللی اربیل حضور یافت و در غرفه "
            "شرکت‌های ایرانی با مهندس فرهاد عثمان دیدار کرد.")
    found = extract_events(text, mentions(text, per=("مهندس فرهاد عثمان",),
                                          loc=("نمایشگاه بین‌المللی اربیل",)), [], "2024-05-09")
    assert [e["place"] for e in found if e["type"] == "meeting"] == ["نمایشگاه بین‌المللی اربیل"]


def test_spoken_miad_goes_to_the_place_after_it() -> None:
    # «از تهران میاد زاهدان»: comes from Tehran to Zahedan
    text = "میگن جمعه هم یه سرهنگ تازه از تهران میاد زاهدان."
    found = extract_events(text, mentions(text, loc=("تهران", "زاهدان")), [], "2024-10-29")
    assert [(e["type"], e["place"]) for e in found] == [("travel", "زاهدان")]


def test_a_visit_to_the_shop_is_a_meeting() -> None:
    text = "صبح وقت نصیراحمد بچهٔ کاکای انجنیر فرید آمد دکان."
    found = extract_events(text, mentions(text, per=("نصیراحمد",)), [], "2023-06-06")
    assert [e["type"] for e in found] == ["meeting"]
    # «رفت‌وآمد مغازه» (the shop's comings and goings) is no visit
    assert not [e for e in extract_events("رفت‌وآمد مغازه فرزاد را ثبت کنید.", [], [],
                                          "2023-06-06") if e["type"] == "meeting"]


def test_a_season_with_two_digits_of_year() -> None:
    import datetime as dt

    from kashf.nlp.event_dates import _seasons

    assert _seasons("بهار ۸۸ بیروت")[0][1] == dt.date(2009, 3, 21)
    text = ("بهار ۸۸ بیروت یکسره پوستر بود.\n"
            "شب پیش از رأی‌گیری، شنبه ۱۶ خرداد، حداد را در مرکز خرید ABC دیدم.")
    assert [e["date"] for e in extract_events(text, mentions(text, per=("حداد",)), [],
                                              "2023-04-17")] == ["2009-06-06"]


def test_a_month_with_its_year_dates_its_days_after_it() -> None:
    text = ("Q: Tell me about October 2019.\n"
            "A: On the 19th of October I flew to Istanbul with my wife.")
    found = extract_events(text, mentions(text, loc=("Istanbul",)), [], "2024-02-20")
    assert [(e["type"], e["date"]) for e in found] == [("travel", "2019-10-19")]


def test_a_day_that_opens_a_paragraph_without_events_dates_the_next() -> None:
    text = ("On Tuesday 14th March 2023 at about 1105hrs I was on duty in Edgware Road.\n\n"
            "At 1122hrs HADDAD entered Cafe Byblos and sat with Tarek ZEIN.")
    found = extract_events(text, mentions(text, per=("HADDAD", "Tarek ZEIN"),
                                          loc=("Cafe Byblos",)), [], "2023-03-21")
    assert [(e["type"], e["date"]) for e in found] == [("meeting", "2023-03-14")]
    # a date of birth dates nothing, nor the year of the days after it
    text = ("Op THISTLEDOWN - subject: Dilshad RASUL (DOB 04/02/1991)\n\nMon 8th May\n"
            "0930 RASUL meeting a male in the lounge of the Westgate Hotel.")
    found = extract_events(text, mentions(text, per=("RASUL",), loc=("Westgate Hotel",)), [],
                           "2023-05-12")
    assert [e["date"] for e in found] == ["2023-05-08"]


def test_round_56s_dates() -> None:
    # a weekday before a feast yields to it: the third day of Eid al-Fitr 1446 was a Tuesday
    text = "يوم الثلاثاء ثالث أيام العيد، جلسنا في مقهى في سوق المباركية مع أبو علي."
    found = extract_events(text, mentions(text, per=("أبو علي",), loc=("سوق المباركية",)), [],
                           "2025-04-13")
    assert [e["date"] for e in found] == ["2025-04-01"]
    # «الخامس من شهر رمضان»: a day of a lunar month written with «شهر»
    text = "في الخامس من شهر رمضان المبارك التقى بها مجدداً على الإفطار في مطعم الدار."
    found = extract_events(text, mentions(text, loc=("مطعم الدار",)), [], "2023-04-30")
    assert [e["date"] for e in found] == ["2023-03-27"]
    # a weekday someone is heard to say is not the story's day
    text = ('On Tuesday 14th March 2023 at 1122hrs HADDAD entered Cafe Byblos and sat with Tarek '
            'ZEIN.\n\nAs he came out at about 1150hrs I heard HADDAD say into his mobile phone, '
            '"Thursday, Beirut, same place as last time."\n\nAt 1215hrs HADDAD handed a courier an '
            'envelope with £2,000 in cash outside the station.')
    found = extract_events(text, mentions(text, per=("HADDAD", "Tarek ZEIN"), loc=("Cafe Byblos",))
                           + money(text), [], "2023-03-21")
    assert [(e["type"], e["date"]) for e in found if e["type"] == "payment"] == [
        ("payment", "2023-03-14")]


def test_a_venue_named_in_quotes_after_its_kind() -> None:
    text = "نخستین بار جورج حداد را عصر پنجشنبه ۱۸ مهر در کافه‌ی «الرصیف» در خیابان حمرا دیدم."
    found = extract_events(text, mentions(text, per=("جورج حداد",), loc=("الرصیف", "خیابان حمرا")),
                           [], "2008-10-20")
    assert [e["place"] for e in found] == ["الرصیف"]


def test_chat_english_goes_without_to() -> None:
    text = ("[05/06/24, 21:14] Ali: ok bro, after eid i go basra for the customs papers, will call "
            "u from there\n[05/06/24, 21:15] Zeeshan: ok")
    found = extract_events(text, mentions(text, loc=("basra",)), [], "2024-06-07")
    assert [(e["type"], e["place"]) for e in found] == [("travel", "basra")]


@pytest.mark.parametrize("text", [
    "بلغ سعر صرف الدولار في سوق العشار (١٤٦٠) ديناراً لكل دولار.",
    "جلسه ساعت ۱۲:۱۵ با ذکر صلوات خاتمه یافت.",
    "پیگیری وصول آن به جلسه بعد موکول شد.",
    "منشی جلسه – ف. نساج‌زاده",
])
def test_round_57s_non_events(text: str) -> None:
    assert extract_events(text, money(text), [], "2023-10-26") == []


def test_dari_instructions_and_consent() -> None:
    text = ("۶- منبع نامبرده حاضر شد که در بدل پول برای کندک معلومات بدهد. برایش گفته شد که اول "
            "برای یک هفته رفت‌وآمد تانکرهای تیل را یادداشت کند.")
    assert [e["type"] for e in extract_events(text, [], [], "2024-05-07")] == [
        "recruitment", "tasking"]


def test_a_story_goes_on_forward_into_the_next_year() -> None:
    text = ("تلقى في كانون الأول ٢٠٢٤ رسالة من «الحاج مرتضى». وفي ١٨ كانون الثاني الماضي سافر "
            "المتهم إلى بغداد.")
    found = extract_events(text, mentions(text, loc=("بغداد",)), [], "2025-06-25")
    assert [(e["type"], e["date"]) for e in found] == [("travel", "2025-01-18")]


def test_a_citys_named_part_is_the_place() -> None:
    text = "Rawi and Mokhtari had dinner at a fish restaurant in Dubai's Deira district on 17 March."
    found = extract_events(text, mentions(text, per=("Rawi", "Mokhtari"), loc=("Dubai", "Deira")),
                           [], "2023-05-03")
    assert [e["place"] for e in found if e["type"] == "meeting"] == ["Deira"]


def test_a_deadline_dates_no_event() -> None:
    # «تا جمعه»: the names are due by Friday; the asking was not on Friday
    text = "برای محک زدنش گفتم تا شنبه فهرست کشتی‌ها را بیاورد."
    dates = [e["date"] for e in extract_events(text, [], [], "2023-11-08") if e["type"] == "tasking"]
    assert len(dates) == 1 and dates[0] not in ("2023-11-04", "2023-11-11")  # no Saturday


@pytest.mark.parametrize(("text", "document"), [
    ("در عید فطر سال ۱۴۰۲ با حسن در تهران دیدار کردم.", "2024-01-10"),  # a Solar year
    ("عيد الفطر سنة 1445 التقيت به في بغداد.", "2024-01-10"),  # a Hijri year
    ("في عيد الفطر التقيت به في بغداد.", "1900-01-01"),  # before the tables
    ("في شتاء 1920 كنت في بغداد. وفي ٥ ذي الحجة التقيت بحسن في بغداد.", "1921-01-01"),
])
def test_review_fixes_of_this_session_no_crash(text: str, document: str) -> None:
    assert [e["date"] for e in extract_events(text, [], [], document)] in ([], [None])


def test_review_fixes_of_this_session() -> None:
    import datetime as dt

    from kashf.nlp.relative_days import relative_days
    from kashf.text.dates import find_dates

    # «ه.ش» marks a Solar date: no moon-sighting shift
    text = "سه‌شنبه ۱۷ مهر ۱۴۰۲ ه.ش با حسن در تهران دیدار کردم."
    assert [e["date"] for e in extract_events(text, [], [], "2023-10-20")] == ["2023-10-09"]
    # «رسمی برند» is no present verb: the meeting is last Thursday's, not a plan
    text = "پنجشنبه با نماینده رسمی برند سامسونگ در تهران دیدار کردم."
    assert [(e["date"], e["status"]) for e in extract_events(text, [], [], "2024-01-10")] == [
        ("2024-01-04", "happened")]
    # a venue's kind is a whole word of the name before it ("mall" is not in "Small Heath")
    text = "He drove through Small Heath. At noon he met HASSAN at the mall."
    assert [e["place"] for e in extract_events(
        text, mentions(text, per=("HASSAN",), loc=("Small Heath",)), [], "2024-01-10")] == ["mall"]
    # a date of birth sets no year for the days after it
    text = "HASSAN, DOB 04/02/1991. On 5 March HASSAN met me in Baghdad."
    assert [e["date"] for e in extract_events(text, [], [], "2023-03-20")] == ["2023-03-05"]
    # quantities are no date-time groups; a log line's is
    for quantity in ("delivered 150000l of diesel", "2 x 100000m cable"):
        folded = lex.fold(quantity)
        assert relative_days(folded, 0, len(folded), dt.date(2023, 4, 20)) == []
    # no day read out of a longer number; two spaces before a diary heading's weekday
    assert find_dates("کد 1512 مهر 98") == []
    folded = lex.fold("4/10  Mon\nMet him")
    assert [d for _s, _e, d in relative_days(folded, 0, len(folded), dt.date(2023, 4, 13))] == [
        "2023-04-10"]


def test_a_past_weekday_on_the_documents_own_weekday_is_that_day() -> None:
    # minutes dated Wednesday 20 Tir 1403 of a meeting held «روز چهارشنبه»: that day, not a
    # week before; and "last Saturday" then counts from it
    text = ("صورتجلسه هیئت امنا\n"
            "جلسه عادی هیئت امنا عصر روز چهارشنبه ساعت ۱۸ در دفتر مسجد تشکیل شد.\n"
            "حاج ریگی گزارش داد که روز شنبه گذشته در حجره‌اش در بازار رسولی با فردی دیدار کرد.")
    assert _dated(text, ("دفتر مسجد", "بازار رسولی"), "2024-07-10") == [
        ("meeting", "2024-07-10"), ("meeting", "2024-07-06")]


def test_tomorrow_ending_a_quoted_name_is_no_day() -> None:
    # the weekly «امید فردا» is a name: the meeting was last Thursday, not tomorrow
    text = ("بنا به اطلاع منبع، پنجشنبه گذشته جاوید احمدزی مدیرمسئول هفته‌نامه «امید فردا» "
            "در رستوران آریانا با دو نفر از کارمندان سفارت پاکستان دیدار داشته است.")
    assert _dated(text, ("رستوران آریانا",), "2023-10-11") == [("meeting", "2023-10-05")]


def test_kurdish_persian_tomorrow_and_a_trip_not_made() -> None:
    # «سبه» is the border's "tomorrow"; «قرار بود … نرفتم»: the trip was called off, and its
    # Saturday is the one gone by
    assert _dated_status("سبه می‌رم ربط.", ("ربط",), "2024-01-27") == [
        ("travel", "2024-01-28", "planned")]
    text = "شنبه قرار بود بروم قزوین دنبال مادرم ولی به خاطر همین کار نرفتم."
    assert _dated_status(text, ("قزوین",), "2023-10-16") == [
        ("travel", "2023-10-14", "cancelled")]


def test_this_year_brings_an_old_story_back_to_the_documents_year() -> None:
    # met in October 2019; «مطلع العام الحالي» comes back to 2024, so "3 November" is 2024's
    text = ("اعترف بأنه تعرف على «أبو علي» خلال زيارته لمدينة كربلاء بتاريخ 19 أكتوبر 2019، "
            "وأن الأخير عرض عليه مطلع العام الحالي العمل معه في نقل المواد المخدرة. "
            "وأضاف أنه تسلم بتاريخ 3 نوفمبر مبلغ 1500 دينار عن طريق إحدى شركات الصرافة في خيطان.")
    dated = _dated(text, ("كربلاء", "خيطان"), "2024-11-17")
    assert ("payment", "2024-11-03") in dated


def test_a_boards_decision_gives_its_task_on_the_session_day() -> None:
    # minutes of 14 Aban 1402 whose items tell of Friday 12/8: the decision «مقرر شد …» gave
    # the task at the session, the minutes' own day, and it was given (not planned)
    text = ("صورتجلسه شماره ۲۷\n"
            "۱- روز جمعه ۱۲/۸ ملوان کشتی سی‌لوتوس در اسکله با آقای تنگستانی دیدار کرد.\n"
            "تصمیمات:\n"
            "الف) مقرر شد آقای تنگستانی ارتباط خود با ملوان مذکور را قطع نکند و هر پیام وی را "
            "بلافاصله به حراست گزارش کند.")
    found = _dated_status(text, ("اسکله",), "2023-11-05")
    assert ("tasking", "2023-11-05", "happened") in found


def test_a_day_and_month_joined_by_a_hyphen() -> None:
    # an analyst's "02-May", "16-Jan" without a year
    text = "On 02-May HAIDARI offered KITE a 5% cut of the Herat book if he would work for him."
    assert _dated(text, (), "2024-05-11") == [("recruitment", "2024-05-02")]
    text = "HAIDARI returned to Dubai on 16-Jan."
    assert _dated(text, ("Dubai",), "2024-01-25") == [("travel", "2024-01-16")]


def test_a_year_said_before_the_day_and_month() -> None:
    # «سال ۹۷، ۲۳ دی»: 23 Dey 1397, not of the document's year
    text = "سال ۹۷، ۲۳ دی، با خدابیامرز سوران با اتوبوس به مشهد رفتیم."
    assert _dated(text, ("مشهد",), "2023-10-31") == [("travel", "2019-01-13")]
    text = "سنة 2019، في 3 آذار سافر المتهم إلى بيروت."
    assert _dated(text, ("بيروت",), "2023-10-31") == [("travel", "2019-03-03")]


def test_a_time_with_its_zone_letter_is_no_year() -> None:
    # "23 APR, 1000C": ten o'clock, Iraq's Charlie time, not the year 1000
    text = "NEXT. LO will meet QADIR Sun 23 APR, 1000C, in the ERBIL ROTANA lobby."
    assert _dated(text, ("ERBIL ROTANA",), "2023-04-16") == [("meeting", "2023-04-23")]


def test_the_morning_after_last_night() -> None:
    # a diary: «دیشب … آمدم» is the night before; «صبح … دیدم» the writing's own morning
    text = ("دیشب با قطار به مشهد آمدم.\n"
            "صبح بعد از نماز، در صحن انقلاب حرم امام رضا او را دیدم.")
    assert _dated(text, ("مشهد", "صحن انقلاب"), "2023-12-23") == [
        ("travel", "2023-12-22"), ("meeting", "2023-12-23")]


def test_a_rough_count_of_days_gives_no_day() -> None:
    # "approximately two weeks later" names no day a reader could work out; "on or about the
    # following day" (an indictment's hedge) still does
    text = ("On 2021-06-14 NASSAR met DEMIR in Amman. Approximately two weeks later NASSAR flew "
            "to Gaziantep, Turkey.")
    assert _dated(text, ("Amman", "Gaziantep"), "2022-02-08") == [
        ("meeting", "2021-06-14"), ("travel", None)]
    text = ("On 2021-08-05 DEFENDANT-1 met CC-1 in Dubai. On or about the following day, "
            "DEFENDANT-1 gave CC-1 approximately $3,000 in cash.")
    assert ("payment", "2021-08-06") in _dated(text, ("Dubai",), "2022-02-08")


def test_a_possessive_is_no_present_tense() -> None:
    # "SHAFIEI's wife … flew": a possessive, so Monday is the one gone by; "Kemal's flying
    # Friday" is still to come (round 76's sentence models no longer find a trip in "Kemal's
    # driving to Van …"; the date rule is what this test checks)
    text = "On Monday SHAFIEI's wife, Leila KARIMI, flew to Tehran via Frankfurt."
    assert _dated(text, ("Tehran",), "2023-06-14") == [("travel", "2023-06-12")]
    text = "Kemal's flying to Van on Friday with the papers."
    assert _dated(text, ("Van",), "2023-06-14") == [("travel", "2023-06-16")]


@pytest.mark.parametrize(("text", "language"), [
    ("در همان جلسه یک گوشی هوشمند نو به او هدیه داده شد.", "fa"),
    ("قدّم له فرهاد في نهاية اللقاء هاتفاً محمولاً جديداً على سبيل الهدية.", "ar"),
    ("At the end he gave him an iPad Pro as a gift from friends back home.", "en"),
])
def test_a_gift_of_value_is_a_payment(text: str, language: str) -> None:
    found = extract_events(text, [], [], "2023-10-15")
    assert [e["type"] for e in found if e["type"] == "payment"] == ["payment"]


@pytest.mark.parametrize(("text", "place"), [
    ("سال ۱۳۹۹ برای کار به دبی رفته بود.", "دبی"),
    ("At the end of 2023 he flew to Dubai with his cousin.", "Dubai"),
    ("سافر إلى العراق براً عن طريق الأردن في شهر ربيع الأول الماضي.", "العراق"),
    ("تابستون ۹۹ خودش با هواپیما رفته استانبول.", "استانبول"),
])
def test_a_year_or_a_month_alone_is_no_day(text: str, place: str) -> None:
    # the sentence keeps its own time, and takes no day from the story before it
    story = "On 3 March 2024 he met the officer. "
    assert _dated(story + text, (place,), "2024-03-10")[-1] == ("travel", None)


def test_a_month_and_a_two_digit_year_is_no_day() -> None:
    # the US Army's "in Jun 23" is June 2023, not the 23rd of June
    text = "REYES will fly back to Fort Hood, TX, in Jun 23."
    assert _dated(text, ("Fort Hood",), "2023-03-23") == [("travel", None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a rough count stays no day though the sentence gave a day before it
    ("He arrived in Baghdad on 1 March and approximately two weeks later he met Ali in Basra.",
     [("travel", "2024-03-01"), ("meeting", None)]),
    ("تقریباً دو هفته بعد با علی در بصره ملاقات کردم.", [("meeting", None)]),  # (with its tanween)
    # a year said first only when it is of the month's calendar
    ("سال ۲۰۱۹، ۲۳ دی با علی در بصره ملاقات کردم.", [("meeting", "2024-01-13")]),
])
def test_review_of_round_60_to_63_dates(text: str, expected: list) -> None:
    assert _dated(text, ("Baghdad", "Basra", "بصره"), "2024-03-20") == expected


def test_not_going_calls_off_only_a_trip_told_before_it() -> None:
    text = "به مدرسه نرفتم ولی با علی در بصره ملاقات کردم."
    assert _dated_status(text, ("بصره",), "2024-03-20") == [("meeting", None, "happened")]


def test_a_year_said_before_a_dari_day() -> None:
    text = "در سال ۱۳۹۸، روز ۱۵ سنبله، در لابی هتل سرینا کابل با فردی به نام حاجی ملاقات کرد."
    assert _dated(text, ("هتل سرینا",), "2024-10-13") == [("meeting", "2019-09-06")]


def test_a_written_weekday_brings_a_day_back_to_the_report_year() -> None:
    # 2 September 2017 was a Saturday; the story told of 2017 came back to 2024
    text = ("On 3 June 2017 he met two officers in Damascus.\n"
            "On Monday 2 September TAVAKOLI drove to Sandvika, where he met AHMADI in the car park.")
    assert _dated(text, ("Damascus", "Sandvika"), "2024-09-13") == [
        ("meeting", "2017-06-03"), ("travel", "2024-09-02"), ("meeting", "2024-09-02")]


def test_a_weekday_after_a_day_with_its_article_names_that_day() -> None:
    # "The 6th of July, a Saturday": 6 July 2019, not the Saturday after it
    text = ("It was summer 2019. The 6th of July, a Saturday. "
            "A man called Jabbar came to my house, here in Fao.")
    assert _dated(text, ("Fao",), "2024-10-03") == [("meeting", "2019-07-06")]


def test_a_log_line_does_not_take_the_day_another_timed_line_told_of() -> None:
    # a police log: the 09:15 report tells of last night; the 14:00 meeting is of the log's day
    text = ("الساعة ٠٩:١٥ ورد بلاغ من المواطن مفاده أنه مساء أمس شاهد قارباً وصل إلى رصيف حجيف.\n"
            "الساعة ١٤:٠٠ التقى النقيب فهد بالمصدر في مقهى الشجرة بالشيخ عثمان.")
    assert _dated(text, ("رصيف حجيف", "مقهى الشجرة"), "2023-11-14")[-1] == ("meeting", "2023-11-14")


def test_a_chat_line_goes_on_with_the_day_the_line_before_told_of() -> None:
    text = ("[21:10] Rabih: yesterday I met him at the Hamra cafe.\n"
            "[21:12] Rabih: he gave me 500 dollars cash in an envelope.")
    assert [d for _t, d in _dated(text, ("Hamra cafe",), "2024-03-12")] == ["2024-03-11"] * 2


def test_a_background_section_does_not_date_the_reporting_after_it() -> None:
    text = ("Background\n2. JAFARI first met MOSHIRI at the centre's dinner on 23 March 2019.\n\n"
            "Reporting\n3. On 6 April TAHERI flew from Sydney to Istanbul.")
    assert _dated(text, ("Istanbul",), "2024-05-17")[-1] == ("travel", "2024-04-06")


def test_a_referenced_paper_s_date_is_no_story_week() -> None:
    # the note of Tuesday 14 May refers to one of 22 April: "Thursday" is the 9th, not the 25th
    text = ("Datum: 2024-05-14\nRef: PM 2024-04-22\n\n"
            "1. HAMID back in Sweden: arrived Kastrup from Istanbul Thursday evening.")
    assert _dated(text, ("Kastrup",), "2024-05-14") == [("travel", "2024-05-09")]


def test_a_year_before_a_day_in_brackets_is_its_year() -> None:
    text = "He met HAMID once before, on Sizdah Bedar 2019 (2 April) in the courtyard of the Imam Reza shrine."
    assert _dated(text, ("Imam Reza shrine",), "2024-05-14") == [("meeting", "2019-04-02")]


def test_a_spaced_hijri_date_and_a_hijri_year_alone() -> None:
    text = ("١- سافر المالكي إلى مدينة مشهد بتاريخ ٣ / ٩ / ١٤٣٨هـ الموافق ٢٩ / ٥ / ٢٠١٧م.\n"
            "٢- في عام ١٤٤٢هـ التقى المالكي بالحاج مرتضى في أحد فنادق مسقط.")
    assert _dated(text, ("مشهد", "مسقط"), "2024-07-15") == [("travel", "2017-05-29"), ("meeting", None)]


def test_departed_one_city_for_another_goes_to_the_other() -> None:
    text = "MOSHIRI departed Sydney for Tehran via Dubai on 3 January 2023 and spent 16 days in Iran."
    assert _placed(text, ("Sydney", "Tehran", "Dubai", "Iran")) == [("travel", "Tehran")]


def test_the_patio_of_a_venue_is_the_venue() -> None:
    text = ("MORADI landed at Paris-CDG from Beirut. "
            "She met TAVAKOLI the same day at 16:30 in the patio of the Grande Mosquée de Paris.")
    assert _placed(text, ("Paris-CDG", "Beirut", "Grande Mosquée de Paris"))[-1] == (
        "meeting", "Grande Mosquée de Paris")


def test_a_status_word_inside_a_place_name_is_no_cue() -> None:
    # «باجل» (Bajil) reads as «ب» + «أجل» (postponed)
    text = "وصلت صنعاء مساء الثلاثاء بعد عشر ساعات في الطريق عبر باجل ومناخة."
    assert _dated_status(text, ("صنعاء", "باجل"), "2024-03-24") == [("travel", "2024-03-19", "happened")]


def test_a_decision_to_travel_on_a_weekday_is_a_plan() -> None:
    # field notes of Thursday 14 March: «قررت أسافر … يوم السبت» is the coming Saturday
    text = "قررت أسافر إلى زبيد يوم السبت."
    assert _dated_status(text, ("زبيد",), "2024-03-14") == [("travel", "2024-03-16", "planned")]


def test_a_weekday_matched_to_a_day_of_this_month_is_that_day() -> None:
    text = "سافر براً إلى دبي يوم الأربعاء الموافق العاشر من الشهر الجاري عبر منفذ تيبات."
    assert _dated(text, ("دبي",), "2024-01-20") == [("travel", "2024-01-10")]


def test_the_day_before_it_and_a_count_set_right_by_its_weekday() -> None:
    # a letter of Tuesday 5 December: last Thursday's meeting (30 Nov); he had flown in «دیروزش»
    # (29 Nov); «دو روز بعد، شنبه» is Saturday 2 December, not two days after the 29th
    text = ("پنجشنبه‌ی گذشته منو برد لابی هتل آنی پلازا. گفت همون دیروزش با پرواز ماهان از تهران اومده ایروان.\n"
            "دو روز بعد، شنبه، سیصد دلار از یه حساب ناشناس به کارتم واریز شد.")
    assert [d for _t, d in _dated(text, ("هتل آنی پلازا", "ایروان"), "2023-12-05")] == [
        "2023-11-30", "2023-11-29", "2023-12-02"]


def test_that_afternoon_is_of_the_day_just_told() -> None:
    text = "یارو دوشنبه زنگ زد گفت کارت دارم. عصرش تو چایخونه کاک جلال همو دیدیم."
    assert _dated(text, ("چایخونه کاک جلال",), "2023-11-15") == [("meeting", "2023-11-13")]


@pytest.mark.parametrize(("text", "loc", "place"), [
    ("In May 2024, V.G. left his flat in Van and travelled to the Iranian city of Tabriz.",
     ("Van", "Tabriz"), "Tabriz"),
    ("سافر المتهم الأول إلى مدينة مشهد الإيرانية ونزل في فندق قصر الرضا.",
     ("مشهد", "فندق قصر الرضا"), "مشهد"),
])
def test_a_trip_to_the_city_of_a_place_goes_to_that_place(text: str, loc: tuple, place: str) -> None:
    assert _placed(text, loc)[0] == ("travel", place)


def test_offered_him_is_a_pitch() -> None:
    text = "ملکی هفته پیش توی انبارش در جاده شیراز به او پیشنهاد داده برای آنها بار ببرد."
    assert [t for t, _d in _dated(text, ("جاده شیراز",), "2024-03-10")] == ["recruitment"]


def test_a_test_task_ordered_in_the_passive_is_a_plan() -> None:
    # «گرفته شود», a passive order, instructs: a plan. Whether a test task is a tasking or a
    # recruitment the blind authors split on (docs/events.md), and the sentence models decide.
    (event,) = extract_events("به عنوان مأموریت آزمایشی عکس دروازه گرفته شود.", [], [], None)
    assert event["type"] in ("tasking", "recruitment")
    assert event["status"] == "planned"
    assert "test_task" in event["tradecraft"]


def test_a_feast_after_a_story_long_before_the_report_is_the_story_year_s() -> None:
    # a verdict of March 2022 telling of Ramadan 1442 (2021): Eid al-Fitr 1442, 13 May 2021
    text = ("وفي يوم الجمعة ٢٥ رمضان ١٤٤٢هـ ترك المتهم حقيبة في مسجد القصيص.\n"
            "وفي أول أيام عيد الفطر التقى المتهم الثالث بالمتهم الرابع في مول الإمارات.")
    assert _dated(text, ("مسجد القصيص", "مول الإمارات"), "2022-03-07")[-1] == ("meeting", "2021-05-13")


def test_going_to_see_someone_in_persian_speech_is_a_meeting() -> None:
    text = "امروز رفتم پیش مدیر هتل، خانم دمیر، همه چیو گفتم."
    assert _dated(text, (), "2025-04-29") == [("meeting", "2025-04-29")]


def test_a_habit_asked_for_in_a_task_does_not_drop_the_sentence() -> None:
    text = ("At that meeting, Ardakani instructed al-Musawi to open accounts and to report weekly on "
            "his dollar purchases, and he handed al-Musawi $100,000 in cash as an advance.")
    assert [t for t, _d in _dated(text, (), "2023-06-20")] == ["tasking", "payment"]


def test_according_to_press_reports_is_a_source_not_news() -> None:
    text = "According to press reports, Ardakani met Houthi financial officials in Muscat in late 2021."
    assert _placed(text, ("Muscat",), "2023-06-20") == [("meeting", "Muscat")]


def test_someone_who_withdrew_is_no_cash_withdrawal() -> None:
    text = ("A meeting he had arranged with a gold refiner at Istanbul's Kuyumcukent complex for the "
            "next day did not take place after the refiner withdrew.")
    assert [(t, s) for t, _d, s in _dated_status(text, ("Kuyumcukent",), "2023-06-20")] == [
        ("meeting", "cancelled")]


def test_then_an_envelope_counts_no_day_on_from_the_deadline() -> None:
    # «بعد یک لفافه»: "then an envelope", no day counted on from «جمعه» (whether the deadline's
    # sentence is also a tasking, the sentence models decide)
    text = ("برای امتحان گفت تا جمعه نام سه نفر را بنویسم.\nبعد یک لفافه با پانصد دالر و یک "
            "موبایل نو روی میز گذاشت و رفت.")
    found = _dated_status(text, (), "2022-07-13")
    assert found[-1] == ("payment", None, "happened")
    assert all(date is None for _t, date, _s in found)


# Rounds 78–81 (and 82, below): a sentence or two, the places kashf's names would give, the report's date; then
# the events of one type (all, with None) and the field read, as (type, value) in order.
ROUND_78_CASES = [
    # a day counted from part of a month names no day
    pytest.param("۸- شامگاه دیروز با دو تن از خدمه گفتگو شد. هر دو اظهار داشتند ناخدا اواخر خرداد "
                 "یک شب با قایق به سمت سواحل مسندم رفته و صبح روز بعد برگشته است.", ("مسندم",),
                 "2024-07-02", "travel", "date", [("travel", None)], id="part-of-a-month"),
    # what was paid "since then" has no day
    pytest.param("۳- نامبرده اظهار داشت در تاریخ ۱۲ مهر ۱۳۹۹ در رستوران البحار با ابوفهد دیدار "
                 "کرده است. ۴- به گفته وی، ابوفهد از آن زمان تاکنون سه نوبت و هر بار حدود هزار دلار "
                 "از طریق یک صرافی در دبی برای برادرش حواله کرده است.", ("رستوران البحار", "دبی"),
                 "2024-07-02", "payment", "date", [("payment", None)], id="since-then"),
    # a spoken venue in its town
    pytest.param("ج: ۲۲ آبان. ظهر تو کافه ساحل تو ادرمیت دیدمش.", ("کافه ساحل", "ادرمیت"),
                 "2023-12-03", "meeting", "place", [("meeting", "کافه ساحل")], id="spoken-venue"),
    # a floor of a building named in quotes
    pytest.param("وقد اعترف المتهم بأنه التقى مساء الجمعة ٣١ أيار في الطابق الثاني من «فاميلي مول» "
                 "في السليمانية بشخص يُدعى «حاج رضا».", ("فاميلي مول", "السليمانية"), "2024-06-10",
                 "meeting", "place", [("meeting", "فاميلي مول")], id="floor-in-quotes"),
    # an hour before last night is no count of nights
    pytest.param("۱- ساعت ۲۳ شب گذشته منبع «کبوتر» در خودروی عملیاتی دایره، در پارکینگ بیمارستان "
                 "امیرالمؤمنین زابل با اینجانب ملاقات کرد.", ("بیمارستان امیرالمؤمنین",),
                 "2024-11-04", None, "date", [("meeting", "2024-11-03")], id="hour-last-night"),
    # a day seen is not the day it was told
    pytest.param("۴- حاج رضا کاشانی‌پور اظهار داشت برادرزاده‌اش چهارشنبه هفته گذشته آقای بیگلری و "
                 "الموسوی را در سفره‌خانه آزادگان دیده که ساعتی با هم چای می‌خوردند.",
                 ("سفره‌خانه آزادگان",), "2024-02-10", None, "date", [("meeting", "2024-02-07")],
                 id="day-seen-not-told"),
    # a count from another event at the sentence's end leaves the date
    pytest.param("H. Karimi left Tbilisi for Tehran on 13 November, two days before the detentions.",
                 ("Tbilisi", "Tehran"), "2021-11-26", None, "date", [("travel", "2021-11-13")],
                 id="count-at-sentence-end"),
    # a weekday puts a memoir's day in the year its heading names
    pytest.param("یادداشت‌های یک دیپلمات — بخش چهارم: زیارت‌ها، ۱۳۸۶\nتهران، ۱۵ بهمن ۱۴۰۱\n\n"
                 "آن پاییز بغداد کمی آرام‌تر شده بود. صبح چهارشنبه ۲ آبان با دو خودروی زرهی سفارت به "
                 "کربلا رفتیم.", ("کربلا",), "2023-02-04", None, "date", [("travel", "2007-10-24")],
                 id="memoir-year"),
]




def test_a_day_of_a_month_of_the_same_year() -> None:
    text = ("وفي يوم الجمعة الموافق ٧/٧/٢٠٢٣ التقى المتهم الأول بالمتهم الثاني في مكة مول.\n"
            "وفي شهر آب من العام ذاته، وتحديداً يوم ١٢ منه، حوّل المتهم الأول إلى حساب المتهم "
            "الثاني مبلغ أربعة آلاف دينار.")
    found = extract_events(text, mentions(text, loc=("مكة مول",)), [], "2023-11-29")
    assert [(e["type"], e["date"], e["date_text"]) for e in found if e["type"] == "payment"] == [
        ("payment", "2023-08-12", "يوم ١٢ منه")]
    # (the year of the same year's month is the last one written, when no day was)
    text = ("٢. في صيف عام ٢٠٢٢ سافر المتهم الأول إلى دمشق.\n"
            "٣. وفي شهر تشرين الأول من العام ذاته اتصل أبو جعفر بالمتهم الأول.\n"
            "٤. ويوم ٢١ منه التقى المتهم الأول بالمتهم الثاني في قاعة أفراح في بلدة الخالدية خلال "
            "حفل زفاف أحد أقاربهما.")
    found = extract_events(text, mentions(text, loc=("دمشق", "بلدة الخالدية")), [], "2024-06-25")
    assert [(e["date"], e["place"]) for e in found if e["type"] == "meeting"] == [
        ("2022-10-21", "قاعة أفراح في بلدة الخالدية")]  # (the venue ends before «خلال»)


def test_the_same_cafe_with_its_article_on_the_word_after_that() -> None:
    text = ("وفي شهر آذار من عام ٢٠٢٣ التقى المتهم الأول في مقهى ليالي البادية بشخص يُكنّى أبو "
            "حسين. وفي يوم ١٥ منه عاد والتقى بأبي حسين في ذات المقهى فسلّمه الأخير خمسمائة دينار.")
    found = extract_events(text, mentions(text, loc=("مقهى ليالي البادية",)), [], "2024-02-20")
    assert [(e["date"], e["place"]) for e in found if e["type"] == "meeting"] == [
        (None, "مقهى ليالي البادية"), ("2023-03-15", "مقهى ليالي البادية")]


def test_what_was_done_where_the_meeting_was_is_of_its_day() -> None:
    text = ("ثانياً: في ٢٧ ديسمبر ٢٠٢٣ سافر المتهم الخامس جواً إلى بغداد، والتقى المرهون في اليوم "
            "التالي في مطعم البيت البغدادي، حيث سلّمه ١٥٠٠ دولار نقداً.")
    found = extract_events(text, mentions(text, loc=("بغداد", "مطعم البيت البغدادي")), [],
                           "2024-04-01")
    assert [(e["type"], e["date"]) for e in found] == [
        ("travel", "2023-12-27"), ("meeting", "2023-12-28"), ("payment", "2023-12-28")]



def test_a_flashback_told_with_no_event_leaves_the_story_on_its_day() -> None:
    text = ("3. On Tuesday 16 April ZANDI took her to lunch at the restaurant Beit Beirut. The "
            "previous evening he had sent her a WhatsApp message insisting on a quiet table. "
            "4. ZANDI then asked whether she would write short papers on the port for EUR 800 "
            "per paper.")
    found = extract_events(text, mentions(text, loc=("Beit Beirut",)), [], "2024-04-19")
    assert [(e["type"], e["date"]) for e in found if e["type"] == "recruitment"] == [
        ("recruitment", "2024-04-16")]


def test_a_call_off_of_another_trip_is_an_event_of_its_own() -> None:
    text = ("یه نفر از طرف ما، اسمش رو بذار داوود، یکشنبه از وان میاد استانبول. "
            "سفری هم که قرار بود آخر آذر بیای تهران کنسله.")
    found = extract_events(text, mentions(text, loc=("وان", "استانبول", "تهران")), [], "2024-10-31")
    assert [(e["type"], e["status"], e["place"]) for e in found] == [
        ("travel", "planned", "استانبول"), ("travel", "cancelled", "تهران")]


def test_a_trip_to_a_capital_or_a_district_named_after_its_kind() -> None:
    text = ("وبيّن المتهم أنه كلّف أحد أفراد الشبكة بتصوير محطات الضخ في الزبير، فيما سافر متهم "
            "آخر إلى العاصمة العُمانية مسقط يوم الأربعاء ٢٩ أيار لتسليم الصور.")
    found = extract_events(text, mentions(text, loc=("الزبير", "مسقط")), [], "2024-06-11")
    assert [e["place"] for e in found if e["type"] == "travel"] == ["مسقط"]
    text = ("المتهم الأول يقيم في بلدة صبحا. وفي اليوم التالي توجه المتهم الأول برفقة المتهم "
            "الثاني راكان الشرفات بمركبة بك أب إلى منطقة أم الجمال، وقاما بتصوير عدة مواقع.")
    found = extract_events(text, mentions(text, loc=("بلدة صبحا", "أم الجمال")), [], "2024-02-20")
    assert [e["place"] for e in found if e["type"] == "travel"] == ["أم الجمال"]


def test_an_unnamed_hall_ends_before_the_occasion() -> None:
    text = ("التقى المتهم الأول بالمتهم الثاني يوم ٢١ تشرين الأول ٢٠٢٢ في قاعة أفراح في بلدة "
            "الخالدية خلال حفل زفاف أحد أقاربهما.")
    found = extract_events(text, mentions(text, loc=("بلدة الخالدية",)), [], "2024-06-25")
    assert [e["place"] for e in found if e["type"] == "meeting"] == ["قاعة أفراح في بلدة الخالدية"]


@pytest.mark.parametrize(("text", "places", "document", "day"), [
    ("۱- نیمه‌شب گذشته گروهی از کولبران از مرز عبور کردند.\n۲- به گفته منبع، سرگروه آنان دو شب "
     "قبل از آن در مسافرخانه‌ای در سیدکان با فردی موسوم به «هه‌ژار» دیدار کرده است.",
     ("سیدکان",), "2023-11-06", "2023-11-03"),
    ("بعد متابعة استمرت أسابيع أُلقي القبض على المتهم عصر الخميس ١٨ نيسان ٢٠٢٤. وبحسب اعترافاته "
     "فإنه سافر قبل أسبوعين من ذلك إلى بغداد.", ("بغداد",), "2024-04-20", "2024-04-04"),
])
def test_a_count_back_from_the_story_day(text: str, places: tuple[str, ...], document: str,
                                         day: str) -> None:
    found = extract_events(text, mentions(text, loc=places), [], document)
    assert day in [e["date"] for e in found]



def test_a_name_in_quotes_does_not_end_what_the_source_said() -> None:
    text = ("۲- به گفته منبع، سه‌شنبه گذشته حسین شه‌بخش معروف به «حسین‌کور» در قهوه‌خانه شیرآقا با "
            "عبدالودود دیدار کرده است. ۳- منبع افزود عبدالودود فردای آن روز به زرنج برگشته است.")
    found = extract_events(text, mentions(text, loc=("قهوه‌خانه شیرآقا", "زرنج")), [],
                           "2024-11-04")
    assert [(e["type"], e["status"]) for e in found] == [
        ("meeting", "reported"), ("travel", "reported")]



def test_weeks_later_the_story_has_no_day() -> None:
    text = ("صبح چهارشنبه ۲ آبان ۱۳۸۶ به کربلا رفتیم. چند هفته بعد الیاسری خودش به بغداد آمد. "
            "الیاسری را در دفتر یک شرکت حمل‌ونقل در منصور دیدم.")
    found = extract_events(text, mentions(text, loc=("کربلا", "بغداد", "منصور")), [], "2023-02-04")
    assert [(e["type"], e["date"]) for e in found] == [
        ("travel", "2007-10-24"), ("travel", None), ("meeting", None)]



def test_three_days_before_that_counts_from_the_story() -> None:
    text = ("۳- صبح روز ۱۸ اردیبهشت لنج از بندر دیر به سمت الخور حرکت کرد. ۴- سه روز پیش از آن، "
            "جاشوی دیگری به نام یاسر بردستانی با قایق موتوری به الخور رفته است.")
    found = extract_events(text, mentions(text, loc=("بندر دیر", "الخور")), [], "2024-05-08")
    assert [e["date"] for e in found if e["type"] == "travel"][-1] == "2024-05-04"



# Round 82: a sentence or two, the places kashf's names would give, the report's date; then the
# events of one type (all, with None) and the field read, as (type, value) in order.
ROUND_82_CASES = [
    # a pitch made at the meeting just told has no place of its own
    pytest.param("التقى المتهم الأول بأبي حيدر في فندق الشام بدمشق، فعرض عليه الأخير العمل لصالح "
                 "الفصيل مقابل ٥٠٠ دولار شهرياً فوافق.", ("فندق الشام", "دمشق"), "2023-10-01",
                 None, "place", [("meeting", "فندق الشام"), ("recruitment", None)],
                 id="pitch-at-the-meeting"),
    # money paid out by an exchange office is paid where the office is
    pytest.param("On 2 March she collected €7,000 in cash from a money changer in Laleli.",
                 ("Laleli",), "2024-03-12", None, "place", [("payment", "Laleli")],
                 id="money-changer"),
    # a venue's name in quotes after "at the"
    pytest.param('E.Mammadli crossed back into Azerbaijan at the Astara border checkpoint on 11 '
                 'September. A week later, at the "Sahil" tea house on the Lankaran seafront, he '
                 'met his acquaintance Ramin Huseynov.', ("Azerbaijan", "Astara", "Sahil", "Lankaran"),
                 "2023-09-29", "meeting", "place", [("meeting", "Sahil")], id="quoted-venue"),
    # a room of a hotel is in the hotel, not in the town the trip went to
    pytest.param('E.Mammadli travelled to Ardabil on 9 September, where in a room of the "Shahriyar" '
                 'hotel he met an officer of the IRGC.', ("Ardabil", "Shahriyar"), "2023-09-29",
                 "meeting", "place", [("meeting", "Shahriyar")], id="room-of-the-hotel"),
    # «في أحد مطاعم …»: one of the restaurants of the corniche, not the town of the trip
    pytest.param("سافر مطلع شهر آذار الماضي عبر منفذ الشلامجة الحدودي إلى مدينة المحمرة الإيرانية، "
                 "والتقى هناك المدعو (أبو سجاد) في أحد مطاعم كورنيش كارون.",
                 ("منفذ الشلامجة", "مدينة المحمرة", "كورنيش كارون"), "2024-07-01", "meeting",
                 "place", [("meeting", "كورنيش كارون")], id="one-of-the-restaurants"),
    # the spoken plural «اومدن» with its goal after it; «قربونت برم» (my dear) goes nowhere
    pytest.param("02.01.2024 21:57 - سارا: قربونت برم 😍 عمو اینا هم شب یلدا از ارومیه اومدن "
                 "تبریز، همه سراغتو میگرفتن", ("ارومیه", "تبریز"), "2024-01-02", None, "place",
                 [("travel", "تبریز")], id="they-came-to-tabriz"),
    # «متجهاً إلى» with its tanween is where the trip went
    pytest.param("ثم غادر مشهد براً في مساء اليوم التالي متجهاً إلى النجف.", ("مشهد", "النجف"),
                 "2024-05-01", "travel", "place", [("travel", "النجف")], id="heading-with-tanween"),
    # a story brought up to now ("Since then") leaves the next day-month in the report's year
    pytest.param("He was first approached on 14 August 2019 in the courtyard of the Imam Reza shrine "
                 "in Mashhad. Since then he has travelled to Qom twice.\n\nOn 3 November, S.Gasimov "
                 "met a courier in a car parked behind the Lankaran bus station.",
                 ("Imam Reza shrine", "Mashhad", "Qom", "Lankaran bus station"), "2023-11-14",
                 "meeting", "date", [("meeting", "2019-08-14"), ("meeting", "2023-11-03")],
                 id="since-then-up-to-now"),
    # a pitch to be made at the next meeting keeps that meeting's place (the meeting is its
    # occasion, «در دیدار بعدی»)
    pytest.param("۵- پیشنهاد می‌شود در دیدار بعدی، که مقرر شد پس از ماه رمضان و در نجف اشرف انجام "
                 "شود، پیشنهاد همکاری به صورت غیرمستقیم مطرح شود.", ("نجف اشرف",), "2024-03-01",
                 "recruitment", "place", [("recruitment", "نجف اشرف")], id="pitch-at-the-next-meeting"),
    # the first day of the fast of a Hijri year, not the month alone
    pytest.param("وفي أول أيام شهر رمضان المبارك لعام ١٤٤٤هـ اتصل أبو حيدر بالمتهم الأول هاتفياً "
                 "وطلب منه إيجاد صاحب محل صرافة في إربد.", ("إربد",), "2024-08-01", None, "date",
                 [("tasking", "2023-03-23")], id="first-day-of-ramadan-1444"),
]


@pytest.mark.parametrize(("text", "places", "document", "kind", "field", "expected"),
                         ROUND_78_CASES + ROUND_82_CASES)
def test_days_and_places_of_rounds_78_to_82(text: str, places: tuple[str, ...], document: str,
                                            kind: str | None, field: str,
                                            expected: list[tuple[str, str | None]]) -> None:
    found = extract_events(text, mentions(text, loc=places), [], document)
    assert [(e["type"], e[field]) for e in found if kind in (None, e["type"])] == expected


@pytest.mark.parametrize("text", [
    "There is no evidence that you ever visited Iran during this period.",
    "ويؤكد الجهاز أن الشاب لم يتلق أي عرض من أي جهة أخرى ولم يسافر خارج الدولة.",
    "The DGSI reminds anyone approached by a foreign service that they can report it.",
])
def test_a_trip_never_made_and_advice_to_anyone_approached_are_no_events(text: str) -> None:
    places = tuple(place for place in ("Iran",) if place in text)
    assert extract_events(text, mentions(text, loc=places), [], "2024-03-16") == []


@pytest.mark.parametrize(("text", "places", "expected"), [
    # coming to a stall in a bazaar's arcade is a visit there, not a trip
    ("روز بعد، آقای نیک‌سرشت مجدداً به حجره اینجانب در تیمچه مظفریه آمد.", ("تیمچه مظفریه",),
     [("meeting", "تیمچه مظفریه")]),
    # a shop and a police station are where one sits down with someone
    ("عصر هم رفتم در مغازه‌ی گل‌محمد، با پسرش نشستیم چایی خوردیم.", (),
     [("meeting", "مغازه‌ی گل‌محمد")]),
    ("دیروز با مدیر بیمارستان رفتیم کلانتری شیشلی، همه چیو گفتم.", ("کلانتری شیشلی",),
     [("meeting", "کلانتری شیشلی")]),
])
def test_an_arcade_a_shop_and_a_police_station_are_venues(text: str, places: tuple[str, ...],
                                                          expected: list[tuple[str, str]]) -> None:
    found = extract_events(text, mentions(text, loc=places), [], "2024-01-02")
    assert [(e["type"], e["place"]) for e in found] == expected


def test_a_solar_year_after_ramadan_is_no_hijri_year() -> None:
    # (review of round 82: «سال ۱۴۰۲» is the Solar year, not 1402 of the Hijra)
    text = "در اول روز ماه رمضان سال ۱۴۰۲ با منبع در کربلا دیدار کردم."
    found = extract_events(text, mentions(text, loc=("کربلا",)), [], "2023-06-01")
    assert [e["date"] for e in found] and all(e["date"] != "1982-06-22" for e in found)
