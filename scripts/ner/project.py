"""Project English entity spans onto the Persian and Arabic sides of NTREX-128.

    .venv/bin/python scripts/ner/project.py     # after scripts/ner/silver_en.py

For each English entity of a line, find the words of the translation that name
it: the same gazetteer place (any script), a known transliteration pair
(google-ar2en train, Apache-2.0), a small dictionary of organisations, or a
consonant skeleton close enough (Trump ~ ترامپ: t-r-m-p). A line becomes
training data only when every PER and LOC of it was found, so that an
unaligned name is never taught as "not a name". Lines of held-out documents
(scripts/ner/splits.py) are written separately as evaluation spans.

Writes build/ner/silver-{fa,prs,ar}.jsonl and build/ner/heldout-{fa,prs,ar,en}.jsonl.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "ner"))

from splits import heldout_lines  # noqa: E402

from kashf.nlp.gazetteer import default_gazetteer  # noqa: E402
from kashf.nlp.ner.tokens import fold, is_arabic_script, strip_clitics, tokenize  # noqa: E402

SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))
BUILD = ROOT / "build/ner"
# Dari (prs) is written Persian; its lines are more Persian training data.
SIDES = {"fa": "newstest2019-ref.fas.txt", "prs": "newstest2019-ref.prs.txt",
         "ar": "newstest2019-ref.arb.txt"}

_SKELETON = str.maketrans({
    "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ع": "", "ی": "", "ي": "", "ى": "", "ه": "",
    "ح": "", "ة": "", "و": "v", "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "c",
    "خ": "k", "د": "d", "ذ": "s", "ر": "r", "ز": "s", "ژ": "j", "س": "s", "ش": "s", "ص": "s",
    "ض": "s", "ط": "t", "ظ": "s", "غ": "g", "ف": "f", "ق": "k", "ک": "k", "ك": "k", "گ": "g",
    "ل": "l", "م": "m", "ن": "n", " ": "",
})
_LATIN_PAIRS = (("dge", "j"), ("dg", "j"), ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("ge", "je"),
                ("gi", "ji"), ("z", "s"), ("sh", "s"), ("ch", "c"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("ph", "f"),
                ("dh", "z"), ("zh", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"),
                ("w", "v"), ("e", ""), ("a", ""), ("i", ""), ("o", ""), ("u", ""), ("y", ""),
                ("h", ""), ("-", ""), (" ", ""), ("'", ""), (".", ""))

_TITLES = frozenset("mr mrs ms miss dr sir lord lady president senator judge eventually".split())

# Organisations whose names are translated, not transliterated.
ORG_WORDS = {
    "united nations": ["سازمان ملل", "ملل متحد", "الأمم المتحدة", "الامم المتحدة"],
    "un": ["سازمان ملل", "الأمم المتحدة"],
    "european union": ["اتحادیه اروپا", "الاتحاد الأوروبي", "الاتحاد الاوروبي"],
    "eu": ["اتحادیه اروپا", "الاتحاد الأوروبي"],
    "nato": ["ناتو", "الناتو", "حلف شمال الأطلسي"],
    "congress": ["کنگره", "الكونغرس", "الكونجرس"],
    "senate": ["سنا", "مجلس سنا", "مجلس الشيوخ"],
    "white house": ["کاخ سفید", "البيت الأبيض"],
    "pentagon": ["پنتاگون", "البنتاغون"],
    "supreme court": ["دیوان عالی", "المحكمة العليا"],
    "police": ["پلیس", "الشرطة"],
    "fbi": ["اف‌بی‌آی", "افبیآی", "مكتب التحقيقات الفيدرالي"],
    "cia": ["سیا", "وكالة المخابرات المركزية"],
    "bbc": ["بی‌بی‌سی", "بي بي سي"],
    "cnn": ["سی‌ان‌ان", "سي إن إن"],
    "reuters": ["رویترز", "رويترز"],
    "labour": ["حزب کارگر", "حزب العمال"],
    "conservatives": ["محافظه‌کاران", "المحافظين"],
    "republicans": ["جمهوری‌خواهان", "الجمهوريين"],
    "democrats": ["دموکرات‌ها", "الديمقراطيين"],
    "facebook": ["فیسبوک", "فیس‌بوک", "فيسبوك"],
    "google": ["گوگل", "جوجل", "غوغل"],
    "twitter": ["توییتر", "تويتر"],
    "apple": ["اپل", "آبل"],
    "navy": ["نیروی دریایی", "البحرية"],
    "labour party": ["حزب کارگر", "حزب العمال"],
    "judiciary committee": ["کمیته قضایی", "اللجنة القضائية"],
    "senate judiciary committee": ["کمیته قضایی سنا", "کمیته قضایی مجلس سنا", "اللجنة القضائية"],
    "kremlin": ["کرملین", "الكرملين"],
    "house of representatives": ["مجلس نمایندگان", "مجلس النواب"],
    "house": ["مجلس نمایندگان", "مجلس", "مجلس النواب"],
    "parliament": ["پارلمان", "مجلس", "البرلمان"],
    "isis": ["داعش", "دولت اسلامی"],
    "associated press": ["آسوشیتدپرس", "آسوشیتد پرس", "أسوشيتد برس"],
}
# Places whose names are translated or abbreviated, so neither the gazetteer nor
# the consonant skeleton finds them.
LOC_WORDS = {
    "us": ["آمریکا", "امریکا", "ایالات متحده", "الولايات المتحدة", "أمريكا"],
    "u.s.": ["آمریکا", "امریکا", "ایالات متحده", "الولايات المتحدة", "أمريكا"],
    "united states": ["آمریکا", "ایالات متحده", "الولايات المتحدة"],
    "america": ["آمریکا", "امریکا", "أمريكا"],
    "uk": ["انگلستان", "بریتانیا", "انگلیس", "المملكة المتحدة", "بريطانيا"],
    "britain": ["انگلستان", "بریتانیا", "انگلیس", "بريطانيا"],
    "united kingdom": ["انگلستان", "بریتانیا", "پادشاهی متحده", "المملكة المتحدة"],
    "england": ["انگلستان", "انگلیس", "إنجلترا"],
    "europe": ["اروپا", "أوروبا", "اوروبا"],
    "asia": ["آسیا", "آسيا"],
    "africa": ["آفریقا", "أفريقيا", "افريقيا"],
    "middle east": ["خاورمیانه", "الشرق الأوسط"],
    "pacific ocean": ["اقیانوس آرام", "المحيط الهادئ"],
    "pacific": ["اقیانوس آرام", "آرام", "المحيط الهادئ"],
    "atlantic": ["اقیانوس اطلس", "المحيط الأطلسي"],
    "north korea": ["کره شمالی", "كوريا الشمالية"],
    "south korea": ["کره جنوبی", "كوريا الجنوبية"],
    "new york": ["نیویورک", "نيويورك"],
    "new york city": ["نیویورک", "شهر نیویورک", "مدينة نيويورك"],
    "washington": ["واشنگتن", "واشنطن"],
}

# Words of organisation and place names that translators translate rather than
# transliterate: a span whose every word is one of these (or a transliteration) names
# "Supreme Court" («دادگاه عالی»), "Republican Party" («حزب جمهوری‌خواه»). Persian, then Arabic.
NAME_WORDS = {
    "party": "حزب الحزب", "court": "دادگاه دیوان محکمه المحكمة محكمة", "supreme": "عالی العليا عليا",
    "council": "شورای شورا مجلس المجلس", "security": "امنیت الأمن الامن", "league": "لیگ الدوري",
    "committee": "کمیته کمیسیون اللجنة لجنة", "republican": "جمهوری خواه جمهوریخواه الجمهوري",
    "republicans": "جمهوری خواهان جمهوریخواهان الجمهوريون", "democratic": "دموکرات الديمقراطي",
    "democrats": "دموکرات ها دموکراتها الديمقراطيون", "national": "ملی الوطني الوطنية",
    "assembly": "مجمع مجلس الجمعية", "general": "عمومی العامة", "ministry": "وزارت وزارة",
    "foreign": "خارجه الخارجية", "affairs": "امور", "army": "ارتش الجيش", "navy": "نیروی دریایی البحرية",
    "university": "دانشگاه جامعة", "bank": "بانک بنك البنك", "police": "پلیس الشرطة شرطة",
    "team": "تیم فريق", "club": "باشگاه نادي", "union": "اتحادیه الاتحاد اتحاد",
    "european": "اروپا اروپایی الأوروبي الاوروبي", "united": "متحد متحده المتحدة",
    "nations": "ملل الأمم الامم", "department": "وزارت اداره وزارة دائرة", "state": "ایالتی دولتی",
    "justice": "دادگستری العدل", "house": "مجلس خانه", "representatives": "نمایندگان النواب",
    "senate": "سنا الشيوخ", "commission": "کمیسیون المفوضية", "organization": "سازمان منظمة",
    "organisation": "سازمان منظمة", "agency": "آژانس سازمان وكالة", "intelligence": "اطلاعات المخابرات",
    "federal": "فدرال فدرالی الفيدرالي", "bureau": "دفتر مكتب", "investigation": "تحقیقات التحقيقات",
    "guard": "گارد سپاه الحرس", "guards": "گارد سپاه الحرس", "revolutionary": "انقلاب انقلابی الثوري",
    "islamic": "اسلامی الإسلامية الاسلامية", "republic": "جمهوری جمهورية", "news": "خبرگزاری اخبار",
    "air": "هوایی الجوية", "force": "نیروی القوة", "forces": "نیروهای القوات", "premier": "برتر الممتاز",
    "champions": "قهرمانان الأبطال الابطال", "world": "جهانی العالم", "cup": "جام كأس",
    "health": "بهداشت الصحة", "service": "خدمات خدمة", "board": "هیئت مجلس", "school": "مدرسه المدرسة",
    "college": "کالج كلية", "company": "شرکت شركة", "group": "گروه مجموعة", "institute": "موسسه معهد",
    "labour": "کارگر العمال", "conservative": "محافظه کار محافظه‌کار المحافظين", "liberal": "لیبرال الليبرالي",
    "green": "سبز الخضر", "red": "سرخ الأحمر", "cross": "صلیب الصليب", "white": "سفید الأبيض",
    "central": "مرکزی المركزي", "office": "دفتر مكتب", "home": "کشور الداخلية", "defence": "دفاع الدفاع",
    "defense": "دفاع الدفاع", "treasury": "خزانه داری الخزانة", "parliament": "پارلمان مجلس البرلمان",
    "north": "شمالی الشمالية", "south": "جنوبی الجنوبية", "west": "غربی الغربية", "east": "شرقی الشرقية",
    "new": "نیو جديد", "city": "شهر مدينة", "county": "شهرستان مقاطعة", "island": "جزیره جزيرة",
    "islands": "جزایر جزر", "river": "رود نهر", "sea": "دریای دریا بحر", "gulf": "خلیج الخليج",
    "kingdom": "پادشاهی المملكة", "states": "ایالات الولايات", "emirates": "امارات الإمارات",
    "arab": "عربی العربية", "saudi": "عربستان سعودی السعودية",
}
NAME_WORD_FORMS = {english: frozenset(fold(w) for w in persian.split())
                   for english, persian in NAME_WORDS.items()}
_ANY_NAME_WORD = frozenset().union(*NAME_WORD_FORMS.values())
# Words a translation adds or an English name leaves out: "the", «ی» of the ezafe is in the word.
_SKIPPABLE = frozenset({"the", "of", "and", "&", "for"})


def word_by_word(entity: str, span: list[str], pairs: dict[str, set[str]]) -> bool:
    """Whether every content word of ``entity`` is translated or transliterated in ``span``
    and every word of ``span`` answers one of them (order free: «حزب دموکرات», Democratic
    Party)."""
    english = [w for w in entity.lower().replace("-", " ").split() if w not in _SKIPPABLE]
    if not english or not any(w in NAME_WORD_FORMS for w in english):
        return False
    folded = [fold(w) for w in span]
    if folded[0] not in _ANY_NAME_WORD:
        folded[0] = strip_clitics(folded[0])
    used: set[int] = set()
    for word in english:
        forms = NAME_WORD_FORMS.get(word, frozenset()) | pairs.get(word, set())
        skeleton = latin_skeleton(word)
        hit = next((k for k, f in enumerate(folded) if k not in used and (
            f in forms or f.removesuffix("ی") in forms or (
                len(skeleton) >= 3 and max(fuzz.ratio(skeleton, s) for s in script_skeletons([f])) >= 80))),
            None)
        if hit is None:
            return False
        used.add(hit)
    # A span word that answers nothing (a verb, a preposition) means the span ran on.
    return len(used) >= len(folded) - 1 and len(folded) <= len(english) + 1


def latin_skeleton(text: str) -> str:
    out = text.lower()
    for old, new in _LATIN_PAIRS:
        out = out.replace(old, new)
    return "".join(ch for i, ch in enumerate(out) if i == 0 or ch != out[i - 1])


def script_skeletons(words: list[str]) -> set[str]:
    """Consonant skeletons of a name in Arabic script, each way it may be read.

    The first word with and without a clitic taken off (a Persian «کالیفرنیا» is not «ک» +
    «الیفرنیا»), and «و» as the consonant v and as the vowel u/o («روزنشتاین», Rosenstein).
    """
    out = set()
    for strip in (True, False):
        joined = "".join(strip_clitics(fold(w)) if n == 0 and strip else fold(w)
                         for n, w in enumerate(words))
        for vav in ("v", ""):
            skeleton = joined.translate(_SKELETON).replace("v", vav)
            out.add("".join(ch for i, ch in enumerate(skeleton) if i == 0 or ch != skeleton[i - 1]))
    return out


def translit_pairs() -> dict[str, set[str]]:
    pairs: dict[str, set[str]] = {}
    path = SHARED / "translit/google-ar2en/ar2en-train.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            pairs.setdefault(parts[1].lower(), set()).add(fold(parts[0]))
    return pairs


def align(entity: str, label: str, words: list[str], taken: set[int],
          pairs: dict[str, set[str]]) -> tuple[int, int] | None:
    """Token range (i, j) of ``words`` naming ``entity``, or None."""
    gazetteer = default_gazetteer()
    for suffix in ("'s", "’s"):
        if entity.endswith(suffix):
            entity = entity[: -len(suffix)]
    # "Ms Davis" is «خانم دیویس»: the title is translated, and kashf keeps it outside the name.
    first, _, rest = entity.partition(" ")
    if label == "PER" and rest and first.rstrip(".").lower() in _TITLES:
        entity = rest
    latin = entity.split()
    # Translators keep many foreign names in Latin letters: the same words are the name.
    for i in range(len(words) - len(latin) + 1):
        if words[i : i + len(latin)] == latin and not any(k in taken for k in range(i, i + len(latin))):
            return i, i + len(latin)
    places = {p.id for p in gazetteer.candidates(entity)} if label == "LOC" else set()
    dictionary = {fold(w) for w in {**ORG_WORDS, **LOC_WORDS}.get(entity.lower(), [])}
    target = latin_skeleton(entity)
    best: tuple[float, int, int] | None = None
    for i in range(len(words)):
        if not is_arabic_script(words[i]):
            continue
        for j in range(i + 1, min(len(words), i + 5) + 1):
            if any(k in taken for k in range(i, j)) or not is_arabic_script(words[j - 1]):
                continue
            span = words[i:j]
            folded = " ".join([strip_clitics(fold(span[0])), *map(fold, span[1:])])
            score = 0.0
            if places and places & {p.id for p in gazetteer.candidates(" ".join(span))}:
                score = 1.0
            elif dictionary and (folded in dictionary or " ".join(map(fold, span)) in dictionary):
                score = 1.0
            elif all(any(fold(w) in pairs.get(e.lower(), ()) or strip_clitics(fold(w)) in
                         pairs.get(e.lower(), ()) for w in span) for e in entity.split()) \
                    and len(span) == len(entity.split()):
                score = 0.95
            elif label in ("ORG", "LOC") and len(entity.split()) > 1 \
                    and word_by_word(entity, span, pairs):
                score = 0.9 + 0.01 * len(span)  # the whole name, not a piece of it
            else:
                if len(target) >= 3:
                    score = max((fuzz.ratio(target, skeleton) / 100 * 0.9
                                 for skeleton in script_skeletons(span) if len(skeleton) >= 3),
                                default=0.0)
            # A translation may add or drop a word, but the span should not swallow neighbours.
            score -= 0.1 * abs(len(span) - len(entity.split()))
            if score >= 0.72 and (best is None or score > best[0] + 1e-9):
                best = (score, i, j)
    return (best[1], best[2]) if best else None


def project(line: str, spans: list[list], english: str,
            pairs: dict[str, set[str]]) -> tuple[list[str], list[str]] | None:
    tokens = tokenize(line)
    words = [t.text for t in tokens]
    tags = ["O"] * len(words)
    taken: set[int] = set()
    for start, end, label in sorted(spans, key=lambda s: s[0] - s[1]):  # longest first
        found = align(english[start:end], label, words, taken, pairs)
        if found is None:
            return None
        i, j = found
        for k in range(i, j):
            tags[k] = ("B-" if k == i else "I-") + label
            taken.add(k)
    return words, tags


def main() -> int:
    english = (SHARED / "parallel/ntrex128/newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    en_spans = [json.loads(line)["spans"] for line in open(BUILD / "ntrex-en-spans.jsonl", encoding="utf-8")]
    held = heldout_lines()
    pairs = translit_pairs()
    with open(BUILD / "heldout-en.jsonl", "w", encoding="utf-8") as out:
        for n in sorted(held):
            out.write(json.dumps({"line": n, "spans": en_spans[n]}) + "\n")
    for lang, file in SIDES.items():
        side = (SHARED / "parallel/ntrex128" / file).read_text(encoding="utf-8").splitlines()
        kept = held_kept = 0
        with open(BUILD / f"silver-{lang}.jsonl", "w", encoding="utf-8") as train, \
             open(BUILD / f"heldout-{lang}.jsonl", "w", encoding="utf-8") as heldout:
            for n, line in enumerate(side):
                result = project(line, en_spans[n], english[n], pairs)
                if result is None:
                    continue
                words, tags = result
                if n in held:
                    tokens = tokenize(line)
                    spans = [(tokens[i].start, tokens[j - 1].end, label) for i, j, label in
                             sorted(_spans(tags))]
                    heldout.write(json.dumps({"line": n, "spans": spans}) + "\n")
                    held_kept += 1
                else:
                    train.write(json.dumps({"tokens": words, "tags": tags}, ensure_ascii=False) + "\n")
                    kept += 1
        print(f"{lang}: {kept} training lines, {held_kept} held-out lines of {len(side)}")
    return 0


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    from kashf.nlp.ner.corpus import spans_of

    return list(spans_of(tags))


if __name__ == "__main__":
    raise SystemExit(main())
