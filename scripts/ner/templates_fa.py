"""Persian training sentences in the style of field reports, from templates we wrote.

    .venv/bin/python scripts/ner/templates_fa.py     # -> build/ner/templates-fa.jsonl

News translations (the projected NTREX lines) rarely read like a case officer's
report; these templates add that register: titles before names, meetings,
travel, organisations of the region. Names and organisations below are common
name forms we listed; places come from the gazetteer (Persian-script aliases of
towns in Iran, Iraq, Syria and Lebanon, and our own sites). Deterministic (seeded).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kashf.nlp.ner.tokens import tokenize  # noqa: E402

OUT = ROOT / "build/ner/templates-fa.jsonl"
COUNT = 1500

FIRST = """علی محمد حسن حسین مهدی رضا جواد قاسم عباس جعفر کاظم موسی هادی ابراهیم اسماعیل یوسف احمد
محمود مصطفی عمر خالد سعید نوری حیدر عمار مقتدی فالح باقر صادق مجتبی سلمان فیصل عبدالله
ایاد اسامه مسعود جلال طالب حامد ناصر کریم مرتضی امیر بهروز فرهاد داوود سجاد""".split()
LAST = """سلیمانی مالکی علاوی صدر حکیم جعفری عامری خزعلی مهندس ظریف روحانی بارزانی طالبانی
نصرالله حریری موسوی حسینی رضایی کاظمی نوری فیاض زیدی ساعدی عبیدی جبوری دلیمی کعبی
شمری تمیمی عراقی بصری نجفی کربلایی قمی تهرانی اصفهانی شیرازی محمدی احمدی کریمی رحیمی
صالحی قاسمی عباسی""".split()
TITLES = "سردار حاج آقای سید دکتر حجت‌الاسلام سرتیپ سرهنگ شیخ".split()
ORGS = """سپاه پاسداران|نیروی قدس|وزارت اطلاعات|حشد الشعبی|کتائب حزب‌الله|سازمان بدر|عصائب اهل الحق
|حزب‌الله لبنان|سفارت آمریکا|سفارت ایران|وزارت امور خارجه|سازمان ملل|ارتش عراق|پلیس فدرال
|مجلس نمایندگان عراق|دفتر نخست‌وزیری|حزب دعوت|جریان صدر|مجلس اعلای اسلامی|اتحادیه میهنی کردستان
|حزب دموکرات کردستان|بانک مرکزی عراق|شرکت نفت بصره|دانشگاه بغداد|خبرگزاری فارس|وزارت دفاع عراق
|سازمان اطلاعات ترکیه|سیا|ناتو|اتحادیه اروپا""".replace("\n", "").split("|")
TEMPLATES = [
    "{T} {P} در {L} با {P2} دیدار کرد .",
    "{P} معاون {O} روز گذشته وارد {L} شد .",
    "به گزارش {O} ، {P} در سفر به {L} با مقامات {L2} گفتگو کرد .",
    "{P} گفت که نیروهای {O} در {L} حضور دارند .",
    "جلسه در منزل {T} {P} در {L} برگزار شد .",
    "{T} {P} از اعضای {O} است و در {L} زندگی می‌کند .",
    "نامبرده پس از خروج از {L} به {L2} رفت .",
    "{P} فرمانده {O} در {L} است .",
    "در این دیدار {P} و {P2} درباره وضعیت {L} صحبت کردند .",
    "{O} اعلام کرد که {P} در {L} بازداشت شده است .",
    "منبع اظهار داشت که {T} {P} با {O} ارتباط دارد .",
    "قرار ملاقات با {P} در {L} گذاشته شد و منبع با دو تاکسی به محل رفت .",
    "{T} {P} هفته آینده از {L} به {L2} سفر خواهد کرد .",
    "وی در {L} با نماینده {O} ملاقات کرد .",
    "{P} که سابقاً در {O} کار می‌کرد ، اکنون در {L} است .",
    "گزارش {P} درباره {O} به {L} ارسال شد .",
    "مقر {O} در {L} قرار دارد .",
    "{P} ، مسئول {O} در {L} ، با {T} {P2} دیدار کرد .",
    "سفیر {L} در {L2} با {P} ملاقات کرد .",
    "{P} و {P2} در {L} یکدیگر را دیدند .",
]


def places() -> list[str]:
    """Persian-script names of places in Iran, Iraq, Syria and Lebanon, and our sites."""
    out = []
    rows = gzip.open(ROOT / "kashf/nlp/data/places.tsv.gz", "rt", encoding="utf-8")
    big = {line.split("\t")[0] for line in rows
           if not line.startswith("#") and line.split("\t")[4] in ("IR", "IQ", "SY", "LB")
           and int(line.split("\t")[6] or 0) >= 30_000}
    source = (ROOT / "../shared/data/gazetteer/placename_pairs_latin_arabicscript.tsv")
    for line in source.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        name = parts[3]
        if f"geonames:{parts[0]}" in big and not any("\u064b" <= c <= "\u0652" for c in name):
            out.append(name)
    for line in (ROOT / "kashf/nlp/data/sites.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out += [a for a in line.split("\t")[7].split("|") if any(c in "پچژگکی" for c in a)]
    out += "ایران عراق سوریه لبنان ترکیه آمریکا عربستان کویت بحرین".split()
    return sorted(set(out))


def fill(template: str, rng: random.Random, locs: list[str]) -> tuple[list[str], list[str]]:
    tokens: list[str] = []
    tags: list[str] = []
    values = {
        "T": (rng.choice(TITLES), None), "P": (_person(rng), "PER"), "P2": (_person(rng), "PER"),
        "L": (rng.choice(locs), "LOC"), "L2": (rng.choice(locs), "LOC"), "O": (rng.choice(ORGS), "ORG"),
    }
    for part in template.split():
        key = part[1:-1] if part.startswith("{") else None
        text, label = values[key] if key else (part, None)
        words = [t.text for t in tokenize(text)]
        tokens += words
        tags += ["O"] * len(words) if not label else [("B-" if n == 0 else "I-") + label
                                                       for n in range(len(words))]
    return tokens, tags


def _person(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(["ابو", "ابو "]) + rng.choice(FIRST)
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.85 else rng.choice(LAST)


def main() -> int:
    rng = random.Random(7)
    locs = places()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as handle:
        for _ in range(COUNT):
            tokens, tags = fill(rng.choice(TEMPLATES), rng, locs)
            handle.write(json.dumps({"tokens": tokens, "tags": tags}, ensure_ascii=False) + "\n")
    print(f"{COUNT} sentences ({len(locs)} place names) -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
