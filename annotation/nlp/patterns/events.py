"""Trigger words for ACLED event types and casualty phrases (plain spelling; normalised at import)."""

from annotation.nlp.normalize import norm

# (sub_event_type, event_type, words or two-word phrases); earlier rows win when a sentence has several.
EVENT_TRIGGERS = [
    ("Suicide bomb", "Explosions/Remote violence", "انتحاري انتحارية انتحاريا انتحاريون حزام_ناسف أحزمة_ناسفة"),
    (
        "Air/drone strike",
        "Explosions/Remote violence",
        "غارة غارات الغارة الغارات غارة_جوية طائرة_مسيرة طائرات_مسيرة الطائرات_المسيرة طيران_مسير الطيران_الحربي "
        "مقاتلات ضربة_جوية ضربات_جوية ضربة_جوية قصف_جوي القصف_الجوي بدون_طيار درون مسيرة_إسرائيلية طائرات_حربية "
        "الطائرات_الحربية مسيرة_مفخخة ضربات_جوية",
    ),
    (
        "Remote explosive/landmine/IED",
        "Explosions/Remote violence",
        "ناسفة ناسفتين عبوة_ناسفة عبوات_ناسفة عبوة_لاصقة عبوة_متفجرة لغم ألغام الألغام اللغم لغم_أرضي مفخخة مفخخات لاصقة",
    ),
    ("Grenade", "Explosions/Remote violence", "قنبلة_يدوية قنابل_يدوية رمانة_يدوية"),
    (
        "Shelling/artillery/missile attack",
        "Explosions/Remote violence",
        "قصف القصف قصفت قذيفة قذائف القذائف هاون مدفعي مدفعية المدفعية صاروخ صواريخ صاروخا صاروخين الصواريخ "
        "الصاروخ راجمات كاتيوشا باليستي صاروخي صاروخيا صاروخية الصاروخي",
    ),
    (
        "Abduction/forced disappearance",
        "Violence against civilians",
        "اختطاف خطف اختطف اختطفت اختطفوا خطفت مخطوفين المخطوفين المختطفين مختطفين",
    ),
    ("Government regains territory", "Battles", "استعادت_السيطرة استعاد_السيطرة استعادة_السيطرة حررت تحرير استرجاع استعادت استعاد"),
    ("Non-state actor overtakes territory", "Battles", "سيطرت_حركة سيطر_مسلحو سيطرت_جماعة استولت_حركة استولى_مسلحو"),
    # taking a place without saying who: decided by the first actor named
    ("Territory (unspecified)", "Battles", "سيطرت سيطر استولت استولى سيطرتها سيطرته"),
    ("Armed clash", "Battles", "اشتباك اشتباكات الاشتباكات اشتبكت معارك المعارك معركة مواجهات كمين الكمين هجوم_مسلح تبادل_إطلاق"),
    ("Arrests", "Strategic developments", "اعتقال اعتقل اعتقلت القبض توقيف أوقفت أوقف حجز"),
    ("Excessive force against protesters", "Protests", ""),
    (
        "Peaceful protest",
        "Protests",
        "تظاهرة مظاهرة مظاهرات تظاهرات احتجاج احتجاجات احتجاجية وقفة_احتجاجية اعتصام المتظاهرين المحتجين "
        "متظاهرين محتجين المعتصمين تظاهر تظاهروا احتج",
    ),
    # "هجوم" says little about the means: used only when nothing more specific is said
    (
        "Attack (unspecified)",
        "Battles",
        "هاجم هاجمت هاجموا هجوما هجوم الهجوم هجمات هجومين لهجوم إطلاق_نار إطلاق_النار النار_على أطلق_النار أطلقوا_النار",
    ),
    ("Agreement", "Strategic developments", "صفقة_تبادل تبادل_الأسرى تبادل_للأسرى تبادل_أسرى اتفاق_هدنة اتفاق_وقف وقف_إطلاق_النار"),
]
RIOT_WORDS = "شغب رشق أحرق إحراق حرق اقتحم اقتحام إضرام أضرم".split()  # stems: matched as prefixes
# stems, matched as prefixes ("لتفريقهم", "تتدخل")
INTERVENTION_WORDS = "تفريق فرقت المسيل الهراوات الغاز اعتقلت فض فضت تدخل تتدخل يتدخل قمع".split()
CIVILIAN_WORDS = (
    "مدنيين مدنيا مدني المدنيين مواطنين المواطنين مواطن أطفال طفل نساء امرأة سكان مزارع عمال راعي "
    "منازل المنازل السكان الأهالي أهالي شاب شابا شبان فتى طفلة طفلين طفلا امرأتين متظاهر متظاهرا "
    "متظاهرين المتظاهرين محتجين المحتجين طفلان امرأتان شابين شابان مدنيان مدنيين مزارعين صيادين"
).split()
MILITANT_WORDS = "مسلح مسلحا مقاتلا مسلحين مسلحون المسلحين الإرهابيين إرهابيين إرهابيا عناصر_داعش مقاتلين".split()
SECURITY_WORDS = (
    "جندي جنود جنديا عسكري عسكريين ضابط ضباط شرطي شرطيين الشرطة الجيش منتسب منتسبين عنصر_أمن جنديين جنديان شرطيان ضابطين ضابطان عسكريان"
).split()

KILLED = (
    "مقتل قتل قتلت قتلوا قتلا قتلى قتيل قتيلا قتيلين مصرع استشهاد شهداء شهيد شهيدا استشهد استشهدوا "
    "يقتل تقتل أودى حتفه حتفهم وفاة القضاء_على تصفية اغتيال اغتيل أعدم أعدمت إعدام لقي لقوا مصرعهم "
    "القتلى الشهداء القتيل حصيلة_القتلى حياة بحياة"
).split()
INJURED = (
    "إصابة اصابة إصابات أصيب أصيبت أصيبوا أصابت جرح جرحت جرحوا جرحى جريح جريحا جريحين مصابين المصابين بجروح إصابته الجرحى الإصابات"
).split()
ABDUCTED = "اختطاف خطف اختطف".split()
ARRESTED = "اعتقال اعتقل اعتقلت القبض_على توقيف".split()
# Words showing a number counts strength, not losses ("بين 1500 و3000 مقاتل").
STRENGTH_WORDS = "يراوح يتراوح يبلغ قوامها عدد_عناصر عديد".split()
# Openers of a sentence about another event; the weak ones only when place or date differ too.
NEW_EVENT_MARKERS = [
    norm(m).split()
    for m in (
        "وفي سياق متصل",
        "في سياق متصل",
        "على صعيد متصل",
        "وعلى صعيد متصل",
        "من جهة أخرى",
        "من جهة ثانية",
        "إلى ذلك",
        "وفي حادث منفصل",
        "في حادث منفصل",
        "وفي حادث آخر",
        "وكان",
        "وكانت",
        "يذكر أن",
        "ويذكر أن",
        "وسبق",
        "وفي وقت سابق",
        "في وقت سابق",
    )
]
WEAK_EVENT_MARKERS = [norm(m).split() for m in ("وفي", "كما", "فيما", "بينما", "وقبل")]
GENERIC_ATTACK = "Attack (unspecified)"
GENERIC_TERRITORY = "Territory (unspecified)"
GENERIC = {GENERIC_ATTACK, GENERIC_TERRITORY}


def _words(spec: str) -> set[tuple[str, ...]]:
    return {tuple(norm(w).split("_")) for w in spec.split()}


TRIGGERS = [(sub, ev, _words(spec)) for sub, ev, spec in EVENT_TRIGGERS]
CASUALTY_WORDS = {
    cat: _words(" ".join(ws)) for cat, ws in (("killed", KILLED), ("injured", INJURED), ("abducted", ABDUCTED), ("arrested", ARRESTED))
}
VICTIM_WORDS = {
    cls: _words(" ".join(ws))
    for cls, ws in (("civilians", CIVILIAN_WORDS), ("militants", MILITANT_WORDS), ("security_forces", SECURITY_WORDS))
}
RIOT = {norm(w) for w in RIOT_WORDS}
DEFUSE = {norm(w) for w in "تفكيك فكك فككت إبطال أبطل أبطلت تفجيرها_تحت_السيطرة".split()}
INTERVENTION = {norm(w) for w in INTERVENTION_WORDS}
STRENGTH = _words(" ".join(STRENGTH_WORDS))
# First words of every trigger and casualty phrase: tokens without one are skipped quickly.
FIRST_WORDS = frozenset(p[0] for table in [t[2] for t in TRIGGERS] + list(CASUALTY_WORDS.values()) for p in table)
