"""Build kashf/nlp/data/person_names.txt: given names and surnames, folded, one a line.

    .venv/bin/python scripts/ner/build_names.py

Sources: the *train* half of ../shared/data/translit/google-ar2en/ (Apache-2.0;
Arabic-script name -> Latin spelling; the eval half is left alone for the
name-matching benchmark) and a short list of common Arabic and Persian given
names written here. Words that are also common place keys are dropped, so the
list says "this is a person's name" and not "this is Basra".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kashf.nlp.gazetteer import default_gazetteer  # noqa: E402
from kashf.nlp.ner.tokens import fold  # noqa: E402

SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))
OUT = ROOT / "kashf/nlp/data/person_names.txt"

COMMON = """
محمد علی علي حسن حسین حسين مهدی مهدي رضا جواد قاسم عباس جعفر کاظم كاظم موسی موسى هادی هادي
ابراهیم إبراهيم اسماعیل إسماعيل یوسف يوسف احمد أحمد محمود مصطفی مصطفى عمر عثمان خالد سعید سعيد
نوری نوري حیدر حيدر عمار عمّار مقتدی مقتدى هادي فالح باقر صادق مجتبی مجتبى سلیمانی سليماني
قاسم سردار فرج جلال طالب سلمان فیصل فيصل عبدالله عبدالعزيز عبدالرحمن عبدالمهدی عبدالمهدي
ایاد إياد اياد اسامه أسامة زینب زينب فاطمه فاطمة مریم مريم سارا سارة نرجس لیلا ليلى
مسعود نیچروان بارزانی بارزاني طالبانی طالباني مالکی المالكي علاوی علاوي صدر الصدر حکیم الحكيم
جعفری الجعفري عامری العامري خزعلی الخزعلي مهندس المهندس ظریف ظريف روحانی روحاني خامنه‌ای خامنئي
نصرالله نصر الله حریری الحريري عون بری بري اسد الأسد بشار حافظ
Mohammed Muhammad Mohammad Ali Hassan Hasan Hussein Husayn Hossein Mahdi Mehdi Reza Javad Qasem
Qassem Abbas Jafar Kazem Kadhim Musa Hadi Ibrahim Ismail Yusuf Ahmed Ahmad Mahmoud Mustafa Omar
Othman Khalid Saeed Said Nouri Nuri Haidar Haider Ammar Muqtada Falih Baqir Sadiq Mojtaba Soleimani
Suleimani Salman Faisal Abdullah Abdulaziz Abdul Iyad Ayad Osama Zainab Zeinab Fatima Maryam
Masoud Nechirvan Barzani Talabani Maliki Allawi Sadr Hakim Jaafari Ameri Khazali Muhandis Zarif
Rouhani Khamenei Nasrallah Hariri Aoun Berri Assad Bashar Hafez Qaani Ghaani Esmail
"""


def main() -> int:
    gazetteer = default_gazetteer()
    names = {fold(w) for w in COMMON.split()}
    with open(SHARED / "translit/google-ar2en/ar2en-train.txt", encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                names.add(fold(parts[0]))
                names.add(fold(parts[1]))
    keep = sorted(n for n in names
                  if len(n) >= 3 and " " not in n and not gazetteer.is_place(n))
    OUT.write_text("\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
