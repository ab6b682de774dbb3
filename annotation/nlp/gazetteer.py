"""Built-in knowledge: places with coordinates, armed groups/forces/media, nationalities, weapons."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from annotation.nlp.normalize import norm
from annotation.nlp.tokenize import _TOKEN
from annotation.nlp.types import LexiconEntry

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Place:
    name_ar: str
    name_en: str
    country_iso3: str
    country_en: str
    admin1_en: str
    kind: str  # country | governorate | city | town | region
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    name_ar: str
    name_en: str
    country_iso3: str
    role: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Nationality:
    iso3: str
    adjectives: tuple[str, ...]  # matching forms of the masculine singular adjective ("سوداني")
    group_nouns: tuple[str, ...]  # broken plurals used as a group noun ("الروس"), matching forms
    weight: float  # how much one mention says an article is about this country
    ambiguous: bool  # also an everyday word ("المالي" = financial)


@dataclass(frozen=True)
class Actor:
    name_ar: str
    name_en: str
    label: str  # ORG | NORP
    actor_type: str  # ACLED actor type, '' when not an actor (media)
    country_iso3: str
    aliases: tuple[str, ...] = ()


def _rows(name: str):
    with (DATA / name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


def _aliases(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


@cache
def country_names() -> dict[str, str]:
    """ISO3 → English country name: the curated name, else the one of cldr_countries.tsv."""
    names = {r[2]: r[1] for r in _rows("cldr_countries.tsv")}
    names.update({r[2]: r[1] for r in _rows("countries.tsv")})
    return names


# Place names that are also everyday words in news text ("بيان" statement, "عنه" about him, "صور"
# pictures): never matched from the lexicon; "مدينة صور" is still found by the place-head rule.
AMBIGUOUS_PLACE_WORDS = frozenset(
    """
بيان مدينة المدينة عنه وان اب جديد ثورة الثورة عبور سلط سلمية علم صور خبر الخبر مغرب معسكر يهود عيل
حلوان النصر الحرية السلام الوحدة الزهراء العين الأمل الرحمة الشيخ الجبل الوادي النهر البلد الحي
جنوب لبنان دولة سلام أمل عين نور عمر سعيد كريم حسن حياة الخير العمل الدور بلد القرى الصف السلط الصور العلم
جامعة سلطات جمال بحري سارة ساره عرعر بركان جيهان مساكن عشاق نايف كريمة سعيدة بحركة رشيد فردوس فرعون
رحيمة الحد الطرف الوقف الشفا القبة الفحص الفحم الوجه الخور التل الحزم السيب الجرف البيض المرج البدع
الجديد الجديدة العبور لعيون لقدس سلوى ساري سيان جوهر توما عالية عاليه حرير رماح مقلع جاسم خالص مصفح سلالة شهرك حديده
حوزة الشمال القمر الجميل الهندية الخمس ينقل انتبه محلات قصور ديانا الحراك داخله الكردي الشروق عتبة قارة سترة ستره
سحاب بحار الخارجة السويدية سويدية الصافي تربة المذنب العظماء دخيل باسكال العباسي الجمالية روسو الشامية سفيرة المالكية
سراب المنزلة البصيرة البستان القرين المالح البركات لافت فراغه رقاب مسحة ونهر نقده المديد الجديرة ميوله حسية طواحين
أواني بيتين الحصون الثغرة المدان القبو العبر القابل العقيق نقاب حزما جهرا رماه الشط الدبس رمانة بهار عجول بركه
الطواحين متون الخنزيرة صرفا العماره القرح خمار الفخاري العشة الخلجان مسجدين دواب العاقر مطرة المهبولة فرخة السوسة
""".split()
)


@cache
def load_given_names() -> list[str]:
    """Common given names (data/given_names.txt, curated) and rare ones from an open list (given_names_open.txt)."""
    return [r[0] for fname in ("given_names.txt", "given_names_open.txt") for r in _rows(fname)]


# "عبد الله": the fragment alone is no place.
NAME_FRAGMENTS = ("عبد", "ابو", "أبو", "بن", "ابن", "ولد", "آل")


@cache
def _ambiguous() -> frozenset[str]:
    """Words never matched as a place on their own: everyday words, given names, name fragments."""
    return frozenset(norm(w) for w in (*AMBIGUOUS_PLACE_WORDS, *load_given_names(), *NAME_FRAGMENTS))


# Place-type words stay out of a place's name ("ناحية القيارة" is the place "القيارة").
PLACE_TYPE_WORDS = ("ناحية", "قضاء", "محافظة", "مدينة", "قرية", "بلدة", "منطقة", "مديرية", "مخيم", "حي", "ولاية", "ريف")


def _without_place_type(name: str) -> str:
    head, _, rest = name.partition(" ")
    return rest if rest and head in PLACE_TYPE_WORDS else name


def _usable(name: str, generated: bool) -> bool:
    if norm(name) in _ambiguous():
        return False
    # generated names of one short word are too often ordinary words
    return not (generated and " " not in name and len(name) <= 3)


@cache
def load_places() -> list[Place]:
    """Countries, governorates, cities and towns: hand-curated first, then GeoNames' towns, then the open lists'."""
    names = country_names()
    out = [
        Place(r[0], r[1], r[2], r[1], "", "country", float(r[3]), float(r[4]), _aliases(r[5] if len(r) > 5 else ""))
        for r in _rows("countries.tsv")
    ]
    # every other country, and the CLDR spelling of the curated ones (same key, so the curated entry leads)
    out += [Place(r[0], names[r[2]], r[2], names[r[2]], "", "country", float(r[3]), float(r[4])) for r in _rows("cldr_countries.tsv")]
    for fname in ("places.tsv", "geonames_places.tsv", "csc_places.tsv", "wof_places.tsv"):
        generated = fname != "places.tsv"
        for r in _rows(fname):
            r += [""] * (8 - len(r))
            spellings = (r[0], *_aliases(r[7]))
            if generated:  # curated names keep a type word that belongs to the name ("مدينة الصدر")
                spellings = tuple(dict.fromkeys(_without_place_type(n) for n in spellings))
            usable = [n for n in spellings if _usable(n, generated)]
            if not usable:
                continue
            out.append(Place(usable[0], r[1], r[2], names.get(r[2], r[2]), r[3], r[4], float(r[5]), float(r[6]), tuple(usable[1:])))
    return out


@cache
def village_names() -> frozenset[str]:
    """Matching forms of one-word village names (data/wof_villages.tsv): evidence where a place is named, never
    matched on their own (thousands are everyday words or family names too)."""
    return frozenset(n for r in _rows("wof_villages.tsv") if (n := norm(r[0])) not in _ambiguous())


@cache
def load_actors() -> list[Actor]:
    """Armed groups, state forces, international bodies, media outlets and nationalities."""
    out = []
    for r in _rows("actors.tsv"):
        r += [""] * (6 - len(r))
        out.append(Actor(r[0], r[1], r[2], r[3], r[4], _aliases(r[5])))
    return out


@cache
def load_people() -> list[Person]:
    """Public figures of the region (data/people.tsv)."""
    out = []
    for r in _rows("people.tsv"):
        r += [""] * (5 - len(r))
        out.append(Person(r[0], r[1], r[2], r[3], _aliases(r[4])))
    return out


@cache
def agency_datelines() -> dict[str, str]:
    """The short names agencies sign their wires with (data/agency_datelines.tsv), in matching form → the agency."""
    return {norm(r[0]): r[1] for r in _rows("agency_datelines.tsv")}


@cache
def load_weapons() -> list[str]:
    return [r[0] for r in _rows("weapons.tsv")]


@cache
def load_nationalities() -> list[Nationality]:
    """Nationality adjectives per country (data/nationalities.tsv)."""
    out = []
    for r in _rows("nationalities.tsv"):
        r += [""] * (6 - len(r))
        out.append(
            Nationality(
                r[0],
                tuple(norm(a) for a in (r[1], *_aliases(r[2]))),
                tuple(norm(a) for a in _aliases(r[3])),
                float(r[4] or 1),
                r[5].strip() == "ambiguous",
            )
        )
    return out


@cache
def nationality_index() -> dict[str, Nationality]:
    """Matching form of a masculine singular adjective (or a broken-plural group noun) → its Nationality."""
    out: dict[str, Nationality] = {}
    for nat in load_nationalities():
        for form in (*nat.adjectives, *nat.group_nouns):
            out.setdefault(form, nat)
    return out


def match_form(surface: str) -> str:
    """A name as the lexicon matches it: normalised tokens joined by one space."""
    return " ".join(_TOKEN.findall(norm(surface)))


@cache
def namesakes() -> dict[str, tuple[str, ...]]:
    """Matching form of a place name → keys of every place called so, curated places first."""
    out: dict[str, list[str]] = {}
    for p in load_places():
        key = place_key(p)
        for name in (p.name_ar, *p.aliases):
            keys = out.setdefault(match_form(name), [])
            if key not in keys:
                keys.append(key)
    return {name: tuple(keys) for name, keys in out.items() if len(keys) > 1}


@cache
def place_index() -> dict[str, Place]:
    """Key (``place:<name_en>|<iso3>``) → Place."""
    out: dict[str, Place] = {}
    for p in load_places():
        out.setdefault(place_key(p), p)  # the curated entry (e.g. the governorate) over a generated namesake
    return out


def place_key(p: Place) -> str:
    return f"place:{p.name_en}|{p.country_iso3}"


def actor_key(a: Actor) -> str:
    return f"actor:{a.name_en}"


@cache
def actor_index() -> dict[str, Actor]:
    return {actor_key(a): a for a in load_actors()}


def _plural_forms(names: tuple[str, ...]) -> list[str]:
    """A people's one-word sound plural in the other case and without its article: "الإيزيديين" is also written
    "الإيزيديون", "إيزيديين" and "إيزيديون" (the first entry of a spelling wins, so listed ones keep theirs)."""
    out = []
    for name in names:
        if " " in name or not name.endswith(("ين", "ون")) or len(name) < 6:
            continue
        stem = name[:-2]
        for form in (stem + "ين", stem + "ون"):
            out.append(form)
            if form.startswith("ال"):
                out.append(form[2:])
    return out


def builtin_entries() -> list[LexiconEntry]:
    """Lexicon entries for everything built in; curated data before generated data."""
    entries = []
    for a in load_actors():
        for s in (a.name_ar, *a.aliases):
            entries.append(LexiconEntry(s, a.label, actor_key(a)))
        if a.label == "NORP":
            entries += [LexiconEntry(s, "NORP", actor_key(a)) for s in _plural_forms((a.name_ar, *a.aliases))]
    for person in load_people():
        for s in (person.name_ar, *person.aliases):
            entries.append(LexiconEntry(s, "PER", f"person:{person.name_en}"))
    for p in load_places():
        for s in (p.name_ar, *p.aliases):
            entries.append(LexiconEntry(s, "LOC", place_key(p)))
    for w in load_weapons():
        entries.append(LexiconEntry(w, "WEAPON", None))
    return entries
