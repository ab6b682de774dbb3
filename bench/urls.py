"""Write the rotating URL lists bench/load.sh drives: urls_{list,search,incident,api}.txt in DIR.

    python bench/urls.py DIR < codes.txt      (one published incident code a line)

At least 1,000 distinct addresses each, shuffled with a fixed seed: filter combinations × pages for
the list and the API, Arabic search terms (with and without diacritics, with clitics) × filters, and
incident pages by code.
"""

import itertools
import random
import sys
from pathlib import Path
from urllib.parse import urlencode

COUNTRIES = ["", "IRQ", "SYR", "YEM", "LBN"]
EVENT_TYPES = ["", "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Strategic developments"]
GOVERNORATES = ["", "Baghdad", "Ninewa", "Anbar", "Diyala", "Aleppo", "Idlib", "Taiz"]
MIN_KILLED = ["", "1", "5"]
SORTS = ["", "-fatalities", "date"]
YEARS = ["", "2020", "2022", "2024"]
TERMS = [
    "هجوم", "اشتباكات", "الشرطة", "قصف", "عبوة ناسفة", "الموصل", "بغداد", "كركوك", "الأنبار", "نينوى", "ديالى",
    "هُجُوم", "قَصْف", "وبغداد", "بالموصل", "للشرطة", "مستشفى", "القوات الأمنية", "زورق", "strike",
]  # fmt: skip


def _query(country, event_type, admin1, killed, sort, year, page=None, **extra):
    params = {"country": country, "event_type": event_type, "admin1": admin1, "min_killed": killed, "sort": sort, **extra}
    if year:
        params |= {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}
    if page and page > 1:
        params["page"] = page
    return urlencode({k: v for k, v in params.items() if v})


def main(out):
    rng = random.Random(12)
    combos = list(itertools.product(COUNTRIES, EVENT_TYPES, GOVERNORATES, MIN_KILLED, SORTS, YEARS))
    rng.shuffle(combos)
    lists = [f"/{rng.choice(['ar', 'en'])}/?{_query(*c, page=rng.choice([1, 1, 2, 3, 10, 40]))}" for c in combos[:1500]]
    searches = [f"/ar/?{_query(c, '', '', k, '', y, q=t)}" for t, c, k, y in itertools.product(TERMS, COUNTRIES, MIN_KILLED, YEARS)]
    codes = [line.strip() for line in sys.stdin if line.strip()]
    incidents = [f"/{rng.choice(['ar', 'en'])}/incidents/{code}/" for code in codes]
    apis = [f"/api/v1/incidents?{_query(*c, page=rng.choice([1, 2, 5]))}" for c in combos[1500:3000]]
    for name, urls in (("list", lists), ("search", searches), ("incident", incidents), ("api", apis)):
        urls = list(dict.fromkeys(urls))
        rng.shuffle(urls)
        (out / f"urls_{name}.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
