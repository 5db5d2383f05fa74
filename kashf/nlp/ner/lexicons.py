"""Small word lists the tagger uses as features and the rules use as triggers.

Kept in code because they are short and reviewed with the features that read
them. Every entry is stored *folded* (see :func:`kashf.nlp.ner.tokens.fold`),
so spelling variants (ي/ی, ك/ک, hamza, ZWNJ) all hit.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from kashf.nlp.ner.tokens import fold

#: Added to the extractor of a name its document gives as a code name («منبع «دانا»»);
#: resolution reads it to keep that name a person in the case's other documents.
CODE_NAME_MARK = "+code-name"


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Titles and honorifics that stand before a person's name.
PERSON_TITLES = _folded("""
سید سیده حاج حاجی حاجیه حجت‌الاسلام حجت‌الاسلام‌والمسلمین آیت‌الله آیت‌الله‌العظمی سردار سرتیپ سرلشکر
سرهنگ سرگرد سروان ستوان سرتیپ‌دوم آقای آقا خانم دکتر مهندس شهید شیخ استاد ملا مرحوم جناب حضرت
سرکار امیر دریادار
الشيخ شيخ السيد سيد السيدة الحاج حاج الحاجة الدكتور د المهندس الرئيس رئيس الملك الأمير أمير اللواء
العميد العقيد المقدم الرائد النقيب الفريق النائب الوزير وزير السفير آية الإمام الأستاذ الأستاذة
المرحوم الشهيد السيد الرئيس القائد الجنرال المستشار
Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sheikh Shaikh Sayyid Sayed Sayyed Seyed Seyyed Haj Hajj Hajji Haji
General Gen Gen. Colonel Col Col. Brigadier Ayatollah Ayatullah President Minister Ambassador
Senator Imam Mullah Maj Maj. Major Capt Capt. Captain Lt Lt. Lieutenant Sir Madam King Prince
Commander Cmdr Sgt Sergeant Judge Rev Professor Prof Prof. Mister Hojatoleslam
""")

# Particles inside Arab and Persian names: kunya (Abu X), nasab (ibn/bin X), family (Al X).
NAME_PARTICLES = _folded("""
ابو أبو ابي أبي ابن بن بنت ام أم آل عبد عبدال
Abu Abou Abo Ibn Bin Bint Umm Um Al Ul Ben
""")

# Words that head an organisation's name.
ORG_HEADS = _folded("""
وزارت سازمان سپاه شرکت بانک دانشگاه حزب مجلس ستاد قرارگاه نیروی نیروهای اداره دفتر شورای
کمیته بنیاد سفارت کنسولگری روزنامه خبرگزاری گروه جنبش ارتش اطلاعات دادگاه قوه مرکز انجمن
هیئت جبهه گردان لشکر تیپ کتائب عصائب باشگاه لیگ فدراسیون اتحادیه مجمع دیوان کنسرسیوم
پلیس کنفرانس آژانس
وزارة منظمة حزب شركة بنك جامعة مجلس هيئة الحشد حركة جيش قوات فيلق وكالة صحيفة مؤسسة مديرية
الأمم السفارة القنصلية كتائب عصائب سرايا جبهة اتحاد الاتحاد الجيش المجلس الحزب الهيئة تنظيم
جماعة لجنة اللجنة محكمة المحكمة مصرف المصرف مكتب
Ministry Corps Company Bank University Party Council Agency Army Forces Organization
Organisation Committee Embassy Consulate Movement Brigade Brigades Inc Inc. Ltd Ltd. Corp Corp.
Group Association Front Office Department Guard Guards Court Commission Institute Union League
Foundation Authority Service Services News Times Post Network Coalition Alliance Assembly
Club FC Federation Trust Conference Police Centre Center Institution Consortium
""")

# Words that head a place's name (or stand just before it).
LOC_HEADS = _folded("""
شهر استان روستا منطقه خیابان میدان بازار حرم فرودگاه پایگاه مرز شهرستان بندر کوه رود جزیره
ایالت ورزشگاه استادیوم خلیج اقیانوس دریای دریا قاره
مدينة محافظة قرية منطقة شارع ساحة سوق مطار قاعدة منفذ حي ناحية قضاء ميناء جبل نهر جزيرة مدينه
City Province Street Square Airport Base River Mountain Governorate District Village Port
Island Lake Valley Gulf Sea Bridge Camp Stadium Arena County State Park Ocean
""")

# Buildings and sites a meeting happens at: a name they head (Persian, Arabic) or end
# (English) is a place, even where the model calls it an organisation ("Mirage Palace
# Hotel", «فندق الشيراتون», «مستشفى الكاظمية»). Not embassies or offices: those are
# organisations as often as buildings.
FACILITY_HEADS = _folded("""
هتل مهمانسرا مسافرخانه رستوران کافه چایخانه چایخونه قهوه‌خانه قهوه‌خونه بیمارستان مسجد حسینیه حرم امامزاده
زیارتگاه مجتمع پاساژ بازار میدان پارک فرودگاه ورزشگاه نمایشگاه هتلی هوتل بازارچه بوستان
صرافی سرای کاروانسرا اسکله پاسگاه صحن ایستگاه پایانه ترمینال تالار سماوار گاراژ
فندق مطعم مقهى مستشفى مسجد حسينية مرقد ضريح مول سوق ساحة حديقة منتزه مطار ملعب معرض
جامع قهوة كوفي كافتيريا شاطئ كراج استراحة قاعة محطة معبر مجمع صالة مخيم
سيطرة مزار موكب مرآب موکب كافتريا كفتريا كافيتريا
""")
# Arabic words for a town's or a district's kind before its name: «منفذ باشماخ», «ناحية
# الخالدية», «جزيرة عوهة». The name after one is taken only when rare (tagger._area_name):
# «قاعدة بيانات» is a database.
AREA_HEADS = _folded("""
منفذ ناحية جزيرة قاعدة بلدة قرية مديرية ولاية قضاء وادي نجع ميناء ساحل منطقة
""")
# Persian ones: «روستای کلاته», «مرز دوغارون», «پایگاه هوایی تیفور» go through the rule for
# facility words (only an uncommon word after one names it).
AREA_HEADS_FA = _folded("""
روستای روستا جزیره شهرک مرز گذرگاه پایگاه دهستان شهرستان
""")
FACILITY_HEADS |= AREA_HEADS_FA
# Street words that open a name: «خیابان انقلاب», «بلوار پانزده خرداد», «شارع الرشيد», «دوار
# الداخلية», «حي المنصور» (not «طريق»: news writes «على طريق الاستقرار», the road to
# stability). A street's name is often everyday words, so the rule that reads them
# (tagger._named_facilities) takes common words after these too.
STREET_HEADS = _folded("""
خیابان بلوار کوچه جاده اتوبان بزرگراه میدان صحن
شارع دوار حي جسر كورنيش
""")
# English facility words that open a name: "Hotel Alsterblick", "Café Aurora", "Tavern X".
FACILITY_HEADS_EN = _folded("""
Hotel Hôtel Motel Hostel Cafe Café Restaurant Tavern Teahouse Mosque Church Shrine Mall Rue
Otel
""")
FACILITY_TAILS = _folded("""
Hotel Motel Inn Guesthouse Restaurant Cafe Café Hospital Clinic Mosque Shrine Mall Bazaar
Market Square Park Airport Stadium Bridge Plaza Tower Towers Palace Gardens Center Centre
Road Street Avenue Boulevard Highway Roundabout Harbour Harbor Port Terminal Library Station
Camp Galleria Lounge Grill Hall Dam AVM Gate Resort Souq Souk Cathedral Church Chapel Pier Wharf
Marina Arcade Expo
""")
# Lower-case words after a capitalised name that make it a place: "Piccadilly station",
# "Khanke camp", "the Sahara Rose café".
FACILITY_TAILS_LOWER = frozenset("""
café cafe restaurant hotel station camp mall market bazaar souk souq mosque shrine square
crossing checkpoint roundabout bridge harbour harbor teahouse gate pier resort port airport
""".split())
# Of those, the ones an organisation's name never takes (not "a Hezbollah camp"): "the Grand
# Hyatt hotel" read as an organisation is the hotel.
FACILITY_TAILS_OF_ORGS = frozenset("""
café cafe restaurant hotel mall market bazaar souk souq mosque shrine teahouse resort
""".split())
# Hotel chains, shopping-centre chains and fairgrounds whose name in a capitalised run makes it a
# building: "the Babylon Rotana", "Sheraton Deira", "Westfield Parramatta", "Messe Wien",
# "Storo Storsenter" (Norwegian: shopping centre).
VENUE_BRANDS = _folded("""
Rotana Hilton Marriott Sheraton Radisson Novotel Ibis Hyatt Kempinski Mövenpick Movenpick
InterContinental Swissôtel Swissotel Shangri-La Fairmont Scandic Westfield Messe Storsenter
Ritz-Carlton Wyndham Mercure Pullman Sofitel Accor Divan Anantara Rixos
""")
# Two lower-case words that end a place's name: "the Europark shopping centre", "the TÜYAP
# exhibition centre", "the Kapikoy border gate".
FACILITY_KIND_TAILS = frozenset(tuple(pair.split("+")) for pair in """
shopping+centre shopping+center shopping+mall exhibition+centre exhibition+center
border+crossing border+gate border+post bus+station bus+terminal coach+station
railway+station train+station tea+house trade+centre trade+center gas+station petrol+station
metro+station police+station tea+garden gold+souk gold+market
""".split())

# Tails that end a building's name and never a person's ("Ji-sung Park", "Tom Tower" can be
# people): a name the model read as a person's that ends in one is a place.
FACILITY_TAILS_OF_NAMES = _folded("""
Hotel Motel Inn Guesthouse Restaurant Cafe Café Hospital Clinic Mosque Shrine Mall Bazaar
Airport Stadium Museum Street St Road Rd Avenue Ave Blvd Boulevard Souq Souk Marina
Coffee Lane Arcade Arcaden Galleria Passage Church Cathedral Chapel Station Terminal Wharf
Pier Lounge Teahouse Evi Salonu Bahçesi Çarşısı AVM Camii Oteli Lokantası Grill
Centre Center Dock Dargah Arena Square Island Harbour Harbor Promenade Senter Centrum Expo
""")

# Words after which a capitalised or unknown word is likely a place.
LOC_CUES = _folded("""
در به از تا نزدیک سمت
في إلى الى من قرب نحو
in to from at near via
""")


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Folded given names and surnames (see ``scripts/ner/build_names.py``), loaded once."""
    path = Path(__file__).resolve().parents[1] / "data" / "person_names.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


# Function words that never start a name (rules check them before calling a word a name).
STOPWORDS = _folded("""
در از به با که را و این آن برای تا هم نیز یک بود است شد کرد گفت می ها های اما یا اگر چون پس
روز سال ماه ساعت شب صبح بعد قبل ضمن طی توسط نزد بین
في من إلى الى على عن مع أن إن ان الذي التي قد لا ما هو هي كان كانت ثم أو او بعد قبل عند حيث
يوم عام شهر ساعة هذا هذه ذلك تلك كل بين خلال منذ حتى
the of and in on at to for with by from a an is was he she it they this that his her their
""")


@lru_cache(maxsize=1)
def english_lowercase() -> frozenset[str]:
    """English words usually written in lower case (see ``scripts/ner/build_en_words.py``)."""
    path = Path(__file__).resolve().parents[1] / "models" / "en_lowercase.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def _read_tsv_gz(name: str) -> dict[str, str]:
    path = Path(__file__).resolve().parents[1] / "data" / name
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    return dict(line.split("\t") for line in text.splitlines())


@lru_cache(maxsize=1)
def latin_names() -> dict[str, str]:
    """Folded Latin given names and surnames -> "g", "s" or "gs" (US Census 1990 lists;
    ``scripts/ner/build_latin_lexicons.py``)."""
    return _read_tsv_gz("latin_names.tsv.gz")


@lru_cache(maxsize=1)
def world_places() -> dict[str, str]:
    """Folded place names of the whole world, Latin and Arabic script (words joined by a
    space) -> kind: c country or region, a US state or UK nation, k US county, T city of
    100,000 or more, t smaller city. GeoNames (``scripts/ner/build_lexicons.py``) and our
    own ``world_regions.tsv``."""
    places = _read_tsv_gz("world_places.tsv.gz")
    path = Path(__file__).resolve().parents[1] / "data" / "world_regions.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, names = line.split("\t")
            for name in names.split("|"):
                places[" ".join(fold(word) for word in name.split())] = kind
    return places


@lru_cache(maxsize=1)
def world_place_first_words() -> dict[str, int]:
    """The first word of each of :func:`world_places`' names -> the most words a name that
    starts with it has (a cheap test before trying a span)."""
    longest: dict[str, int] = {}
    for name in world_places():
        words = name.split(" ")
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


@lru_cache(maxsize=4)
def word_frequency(language: str) -> dict[str, int]:
    """Folded word -> whole Zipf frequency (1..7) in ``language`` (``scripts/ner/build_wordfreq.py``).

    Empty for a language without a list. Data: wordfreq (CC BY-SA 4.0).
    """
    path = Path(__file__).resolve().parents[1] / "models" / f"wordfreq-{language}.tsv.gz"
    if not path.exists():
        return {}
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    return {word: int(zipf) for word, zipf in (line.split("\t") for line in text.splitlines())}


def is_common_word(word: str, min_zipf: int = 5) -> bool:
    """Whether ``word`` is an everyday word (Zipf ≥ ``min_zipf``: once in 100,000 words or more)
    in the languages of its script: «دیدار», "meeting". Query expansion leaves such words alone,
    so a common word never gains the spellings of a name that happens to sound like it."""
    from kashf.nlp.ner.tokens import fold, is_arabic_script

    folded = fold(word)
    languages = ("fa", "ar") if is_arabic_script(word) else ("en",)
    return any(word_frequency(language).get(folded, 0) >= min_zipf for language in languages)
