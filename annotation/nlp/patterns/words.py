"""Word lists the pattern rules use, written in plain spelling and stored in matching form (``normalize.norm``:
no hamza on alef, ى→ي, ة→ه), so that they compare with normalised tokens."""

from annotation.nlp.gazetteer import load_given_names, load_nationalities
from annotation.nlp.normalize import norm


def _words(words) -> frozenset[str]:
    """A frozen set of matching forms: ``words`` is whitespace-separated text or an iterable of words."""
    return frozenset(norm(w) for w in (words.split() if isinstance(words, str) else words))


ORG_HEADS = _words(
    """
وزاره قياده خليه قوات جيش شرطه مديريه حركه جماعه كتائب كتيبه مجلس لجنه هيئه وكاله حزب جبهه
مليشيا مليشيات ميليشيا ميليشيات فرقه فوج سرايا جهاز رئاسه مفوضيه منظمه تنسيقيه رابطه شبكه قناه
صحيفه جريده اذاعه مكتب محكمه مخابرات استخبارات دائره حكومه الويه لواء عصابات تحالف اتحاد
نقابه اداره قطب نيابه جمعيه بعثه برلمان فصائل راديو تلفزيون قوه حلف فيلق
"""
)
# Heads before a quoted name that is the organisation's ("حركة «X»", "قناة "X"").
QUOTED_ORG_HEADS = _words(
    """
حركه جماعه تنظيم كتيبه كتائب لواء الويه سرايا مليشيا ميليشيا فصيل مجموعه جبهه حزب تحالف ائتلاف تجمع قناه
صحيفه جريده اذاعه وكاله موقع شبكه منظمه جمعيه عمليه
"""
) - {"عمليه"}
# Definite heads that stand alone as an organisation ("الجيش", "الشرطة").
ORG_ALONE = _words({"الجيش", "الشرطه"})
# Heads that are a body only with a country's adjective: "قوة إسرائيلية" is a force, "قوة الانفجار" is not.
NATIONALITY_ONLY_HEADS = _words("قوه القوه")
DEFINITE_ORG_HEADS = _words(
    """
الجيش الشرطه القوات الحرس الامن الاستخبارات المخابرات الحكومه الفرقه اللجنه الهيئه المجلس المكتب
الوزاره المفوضيه الحزب التحالف الوكاله القياده الكتيبه الفوج القوي الجبهه
النقابه الاداره القطب النيابه المحكمه المديريه البحريه الرابطه الجمعيه المنظمه
البرلمان الرئاسه الفصائل التلفزيون القوه الفيلق
"""
)
# Ministries' portfolios are often two ("وزارة الصحة والسكان", "وزارة الخارجية والتعاون الدولي"): after these heads
# a definite word with "و" goes on with the name unless it names another body ("وزارة الدفاع [والجيش]").
COMPOUND_PORTFOLIO_HEADS = _words("وزاره الوزاره")
# Portfolios that come second in a ministry's name (matching form, with the article).
SECOND_PORTFOLIOS = _words(
    """
السكان التعاون المغتربين الجماعات التهيئه التنميه الاصلاح الشؤون التخطيط الاسكان الري التجاره الصناعه
الاعلام الثقافه الشباب الرياضه التعليم البحث الاوقاف العمل الماليه الاقتصاد الطاقه المعادن النقل المواصلات
الاتصالات الزراعه البيئه السياحه الاثار العدل الامن الحكم الاداره الوظيفه الخدمه الاستثمار التموين الصيد
الموارد المياه الاشغال البلديات الطرق الهجره الادماج المصالحه التضامن الاسره الطفوله المراه الصحه
"""
)
# Construct nouns that may follow a head inside an organisation name ("قيادة عمليات …", "لجنة شؤون الأسرى").
ORG_CONSTRUCT = _words(
    """
عمليات شرطه حرس امن جيش قوات مكافحه شؤون حقوق اركان الدفاع خليه قياده استخبارات مخابرات حمايه محافظه
رعايه اغاثه تنسيق دول
"""
)
# Words that end an organisation name even though they carry the article.
ORG_STOP = _words(
    """
الذي التي الذين اللذين اللتين الركن اليوم امس الاسبوع الشهر العام السنه الماضي الماضيه الجاري الحالي
المقبل القادم الارهابي الارهابيه الارهابيين المتطرف المتطرفه الاجرامي الاجراميه الاخري الاخير
الاخيره ايضا الان السابق السابقه انذاك نفسه نفسها ذاتها ذاته المنطقه المناطق المدينه البلاد
الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد الهجوم العمليه الحادث الانفجار
الجديد الجديده المعروف المعروفه التابع التابعه الموجود الموجوده المكلف المكلفه الانتشار المكثف القبض
الموالي الموالية الموالين المدعوم المدعومة المدعومين المرتبط المرتبطة المنتشر المنتشرة المعادي المعادية
المدربة المسؤول المسؤولة المتهم المتهمة المتورط المشتبه الانترنت السياره
النار الغاز الرصاص السيطره الحصار القنابل القذائف الصواريخ الطوق المسؤوليه الانسحاب الاعتقال
"""
)
# Adjectives of size or age that belong to a definite place's name ("منطقة الوادي الكبير").
PLACE_ADJECTIVES = _words("الكبير الكبري الصغير الصغري القديم القديمه العليا السفلي الفوقاني التحتاني")
# ACLED actor types of armed groups: a body named after one of them is another body ("لجنة … للحوثيين").
NON_STATE_ACTOR_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia"})
# Plural nouns of a group's fighters, after which a group's name without its generic head is the group ("مسلحي
# الشباب", "مقاتلو أنصار الدين"), although alone it may be a common noun ("الشباب" are the young).
FIGHTER_NOUNS = _words(
    """
مسلحي مسلحو مقاتلي مقاتلو عناصر متشددي متشددو متمردي متمردو مسلحين مقاتلين متمردين متشددين انتحاريي
"""
)
GROUP_GENERIC_HEADS = _words("حركه جماعه تنظيم")
# ACLED actor types of bodies each country has its own of: the country's adjective after one belongs to the name
# ("الدفاع المدني السوري", "الهلال الأحمر الفلسطيني").
NATIONAL_BODY_TYPES = frozenset({"State forces", "Civilians"})
# Heads of an office before a definite word and of a district before a name ("دائرة الأمن", "دائرة دوينتزا").
ORG_OR_PLACE_HEADS = _words("دائره")
# Heads of forces and groups named by a construct chain: "قوات درع السودان", "جبهة تحرير …".
CHAIN_HEADS = _words("قوات جيش حركه جبهه جماعه تنظيم كتائب لواء الويه سرايا مليشيا ميليشيا هيئه مجلس تحالف حزب جهاز حلف فيلق")
# Adjectives that may follow the nationality adjective of a force ("القوات الصومالية الخاصة").
FORCE_ADJECTIVES = _words("الخاصه الخاص المشتركه المشترك النظاميه الحكوميه البريه البحريه الجويه")
# Adjectives after a definite head that have none of the usual adjective endings ("الأمن العام").
ORG_ADJECTIVES = _words("العام الحر الخاص العليا الكبير الكبري الجديد الاول الثاني الثالث الرابع الخامس الاتحادي")
NUMBERED_HEADS = _words({"الفرقه", "فرقه", "اللواء", "لواء", "الفوج", "فوج", "الكتيبه", "كتيبه"})

TITLES = _words(
    """
اللواء العميد العقيد المقدم الرائد النقيب الملازم الفريق العماد المشير الجنرال العريف الرقيب
الشيخ الدكتور د السيد السيده الرئيس رئيس وزير الوزير نائب النائب محافظ المحافظ قائد القائد
مدير المدير المتحدث الناطق متحدث ناطق الامين امين الملك الامير امير سفير السفير مستشار المستشار
الصحفي الناشط الكاتب الباحث المراسل مراسل زعيم الزعيم رئيسه وزيره المبعوث مبعوث
الاعلامي القيادي قيادي المسؤول النائب الشهيد الطفل الطفله الشاب الشابه المواطن المواطنه السيده الحاج
الحاجه المحامي القاضي الامام الداعيه رئيسه المتحدثه الناطقه الوزيره السفيره مديره المديره الجندي المجند
الاسير الاسيره المعتقل المعتقله الناشطه الصحفيه المصور الطبيب الدكتوره الاستاذ الجنرال الكولونيل الادميرال
المدعو المدعوه يدعي تدعي المطلوب الارهابي الملا المفتي المرشد
حاكم الحاكم الوالي عمده العمده العاهل الملكه المطران البطريرك الحاخام الكاردينال البابا
المهندس الطيار الضابط المقاتل المحلل الخبير المندوب مندوب المنسق منسق المفوض الوكيل وكيل مساعد عضو الفتي الفتاه
النائبه البرلماني السيناتور المرشح الرهينه السجين الاعلاميه القياديه الكاتبه المحاميه المدعي
بقياده برئاسه يقوده يقودها يتزعمه يتزعمها
"""
)
# Verbs of saying after which a name may come ("وقال أمادو ديالو إن …"), and what follows the speaker's name.
SPEECH_VERBS = _words("قال قالت اكد اكدت اوضح اوضحت اضاف اضافت صرح صرحت افاد افادت ذكر ذكرت اشار اشارت روي روت يقول تقول")
# Verbs of announcing and stating whose subject is often a person named without a title ("وأعلن X Y أن …").
STATEMENT_VERBS = _words(
    """
اعلن اعلنت اتهم اتهمت حذر حذرت دعا دعت طالب طالبت نفي نفت كشف كشفت ادان ادانت اعتبر اعتبرت شدد شددت
اكد اكدت وصف وصفت راي رات توعد توعدت تعهد تعهدت
"""
)
SPEECH_FOLLOWERS = _words("ان انه انها انهم لوكاله للصحفيين لقناه لصحيفه لموقع لاذاعه في خلال عبر")
# Sources that are no names ("قال مصدر أمني إن", "أفاد شهود عيان").
SOURCE_NOUNS = _words(
    """
مصدر مصادر شهود شاهد سكان مسؤول مسؤوله مسؤولون بيان تقرير متحدث ناطق مراسل ضابط ضباط مسعف طبيب اطباء
عنصر عناصر جندي جنود مواطن ناشط نشطاء مقاتل قائد قيادي زعيم خبير خبراء محلل مراقب صحفي اعلام وسائل موقع
حساب منشور مقطع فيديو تسجيل اقارب اهالي ذوو عائله اسره والد والده شقيق شقيقه زوج زوجه جار جيران امام شيخ
طرف اطراف جهات جهه اوساط دوائر مصدرا احد بعض عدد كثير مجموعه فريق وفد رجل امراه شاب طفل مدير رئيس نائب
عضو مساعد محام قاض سفير مبعوث ممثل مندوب منسق متطوع عامل موظف تاجر مزارع راع سائق عيان الامن
"""
)
# Titles that may follow a name set off by a comma ("ماهر الزيدي، الناطق باسم …").
APPOSITIVE_TITLES = _words(
    """
المتحدث الناطق رئيس وزير مدير قائد محافظ عضو مساعد نائب حاكم زعيم مسؤول مستشار سفير مبعوث امين المتحدثه
الناطقه رئيسه وزيره مديره قائده عمده احد ضابط منسق ممثل
"""
)
# Words that may sit between a title and the name ("المتحدث باسم …", "رئيس الوزراء العراقي").
TITLE_LINKS = _words(
    {"باسم", "باسمه", "باسمها", "باسمهم", "العام", "عام", "الركن", "الاسبق", "السابق", "الحالي", "اول", "الاول", "ركن", "المكلف"}
)
NAME_CONNECTORS = _words({"بن", "ابن", "عبد", "ابو", "ابي", "ال", "ولد", "بنت", "ام"})
NAME_STOP = _words(
    """
قال اكد اوضح اضاف اعلن ذكر اشار صرح اعتبر دعا التقي استقبل بحث وصل زار خلال في من علي الي عن ان
مع بعد قبل يوم امس اليوم حيث كما لدي لدى عند منذ حتي هو هي هذا هذه ذلك تلك الذي التي اثناء بان بانه
انه انها ايضا قد لقد لم لن ما لا او ثم بين عبر ضد حول نحو دون غير كل بعض جميع شخص اشخاص عناصر عنصر
جندي جنود مدني مدنيين قتيل قتلي جريح جرحي مسلح مسلحين مسلحون يقول تقول يؤكد يشير وقال واكد واضاف
وذكر واوضح واشار واعلن للصحفيين لوكاله لقناه لصحيفه بيان تصريح تصريحات مؤتمر صحفي الخميس الجمعه
امني كبير بارز يدعي يدعى المدعو سنوات عاما انتخابات عدد مجلس شؤون اعضاء
قالت اكدت اعلنت اضافت اوضحت ذكرت اشارت تلقي تلقت اجري اجرت ناقش ناقشت غادر غادرت اصدر اصدرت ترأس تراس
شارك شاركت طالب طالبت هدد هددت نفي نفت حذر حذرت امر امرت وجه وجهت قرر قررت اعرب اعربت ادان ادانت رحب رحبت
التقت استقبلت زارت وصلت دعت بحثت اعتبرت صرحت يقوم تقوم قام قامت اتهم اتهمت كشف كشفت نشر نشرت بعث بعثت
الذين اللذين الذي وهو وهي بينما فيما لكن لكنه لكنها
اصيب اصيبت قتل قتلت توفي توفيت نجا نجت اعتقل اعتقلت
بتهمه بتهم بسبب بجروح بجراح بشظايا بجانب
امام داخل خارج وراء تحت فوق عقب اثر جراء
فان فانه فانها احد قوله قولها حتفه حتفها حتفهم
كان كانت عاد عادت سقط سقطت فر فرت هرب هربت سلم سلمت نفذ نفذت لجا لجات ظهر ظهرت توجه توجهت تلقي تعرض تعرضت
قاد قادت يقود تقود بات باتت اصبح اصبحت ظل ظلت لقي لقيت حاول حاولت تمكن تمكنت رفض رفضت اقدم اقدمت اقتحم اقتحمت
اطلق اطلقت انضم انضمت خرج خرجت دخل دخلت انتقل انتقلت تولي تولت يتولي شغل شغلت يشغل سافر سافرت عاش يعيش
اختفي اختفت يعمل تعمل يستعد تستعد ينتمي تنتمي يقيم تقيم يعد تعد يعتبر تعتبر كشف يواجه تواجه واجه واجهت
لحين حين حينما عندما ريثما طالما كلما لان لانه لانها لكي كي
"""
)
COMMON_FIRST_NAMES = _words(load_given_names())

LOC_HEADS_DROP = _words(
    """
قريه بلده ناحيه قضاء مدينه منطقه محافظه حي مخيم مديريه مركز ضاحيه ولايه
مقاطعه اقليم بلديه واحه حاره محله عزبه نجع دائره ريف
محليه معتمديه عماله مستوطنه
"""
) - {"مركز"}
# Place-type words that are everyday words too ("مصادر محلية" local sources, "عمالة الأطفال" child labour): a head
# only after a preposition ("في محلية X", "بعمالة X").
LOC_HEADS_AFTER_PREPOSITION = _words("محليه عماله")
# Definite heads of bodies that are masculine singular: an adjective after them is masculine too, so a
# feminine word right after one is no adjective of it ("أعلن الجيش [السيطرة] على …" is the object).
MASCULINE_ORG_HEADS = _words("الامن التحالف الجيش الحرس الحزب الفوج القطب المجلس المكتب البرلمان")
LOC_HEADS_KEEP = _words({"وادي", "جبل", "جبال", "نهر", "سهل", "جزيره", "ساحه", "ميدان", "هضبه", "سد", "مضيق", "خليج", "غابه"})
LOC_DUAL_HEADS = _words(
    """
قريتي بلدتي منطقتي مدينتي محافظتي ولايتي بلدات قري قرى محافظات ولايات مقاطعات اقاليم مديريات احياء مخيمات
محليات مستوطنات
"""
)
# Adjectives that belong to a known place's name when they follow it ("القدس الشرقية", "الموصل القديمة").
PLACE_PART_ADJECTIVES = PLACE_ADJECTIVES | _words("الشرقيه الغربيه الشماليه الجنوبيه الشرقي الغربي الشمالي الجنوبي الوسطي الجديده")
# Prepositions before a place whose adjective then describes the place itself, not a noun before it ("ريف حلب
# الشمالي" is the countryside's adjective).
PLACE_PREPOSITIONS = _words("في من الي علي عن نحو قرب داخل حول بين الى عبر باتجاه")
# Cardinal directions after which one unknown indefinite word is a place ("جنوب كيسمايو", "شمالي دوري").
CARDINAL_DIRECTIONS = _words("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي")
# Institution heads whose name may continue with a li- genitive ("المفوضية العليا للانتخابات").
LI_GENITIVE_HEADS = _words(
    """
مفوضيه المفوضيه هيئه الهيئه لجنه اللجنه مجلس المجلس منظمه اتحاد رابطه مكتب المكتب اداره الاداره قطب القطب
نقابه النقابه مديريه المديريه قياده القياده وكاله الوكاله فرقه الفرقه تحالف التحالف الرابطه جمعيه الجمعيه
حركه الحركه جبهه الجبهه
"""
)
# Media heads followed by a proper name without article ("شبكة دستورنا").
MEDIA_HEADS = _words({"شبكه", "قناه", "صحيفه", "جريده", "وكاله", "اذاعه", "موقع", "راديو", "تلفزيون"})
# Outlets named after a place: "إذاعة الخرطوم", "راديو كلمية" (not "قناة السويس", a canal, nor "موقع" of a place).
BROADCASTER_HEADS = _words({"اذاعه", "راديو", "تلفزيون", "صحيفه", "جريده"})
MEDIA_COMMON_NOUNS = _words({"انباء", "اخبار", "اعلام", "اعلاميه", "رسميه", "محليه", "تلفزيون", "تواصل"})
PLACE_NAME_PREFIXES = _words("ام ابو بني عين تل دير بئر راس كفر بيت خان سيدي جبل وادي ذات الشيخ حاسي برج عرب ود باب")
# Words that open a facility's name ("مستشفى ابن سينا", "كنيسة مار إلياس", "معبر كرم أبو سالم").
FAC_NAME_PREFIXES = PLACE_NAME_PREFIXES | _words("ابن بن مار عبد كرم")
# After these heads a media outlet's name is the place ("ولاية الجزيرة" is a Sudanese state, not the channel).
PLACE_OVER_MEDIA_HEADS = _words("ولايه محافظه مدينه منطقه بلده قريه")
DIRECTIONS = _words(
    """
شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط شمالا جنوبا شرقا غربا ضواحي اطراف قرب بالقرب محيط
"""
)
LOC_NAME_STOP = (
    NAME_STOP
    | DIRECTIONS
    | _words(
        """
التي الذي الواقعه الواقع المحاذيه المجاوره الحدوديه الحدودي الحدود المحرره المذكوره نفسها ذاتها
النازحين اللاجئين المهجرين نازحين لاجئين
الصناعيه السكنيه الزراعيه الخضراء العسكريه المحيطه القريبه النائيه الجبليه واسعه عده الاخري عمليات
نائيه وعره قريبه بعيده مجاوره محاذيه حدوديه صحراويه جبليه زراعيه سكنيه مفتوحه خاليه امنه متفرقه
سكني شعبي تجاري صناعي زراعي عسكري حكومي حدودي جبلي صحراوي ريفي نائي مجاور قريب بعيد واسع
اخري اخر ثانيه ثالثه جديده جديد واحده
"""
    )
)

TIME_WORDS = _words("مساء صباح ظهر فجر ليل ليله يوم امس عصر غداه فجرا صباحا مساء ليلا ظهرا امس الاول")
GROUP_PARTS = _words("جناح فرع ذراع")  # "ولاية سيناء جناح تنظيم …": a group's part, not a place's name
# What may follow a place's name: a preposition, a direction ("بلدة X شمال …"), a verb of the report.
PLACE_BOUNDARY = (
    DIRECTIONS | TIME_WORDS | _words("في من علي الي قرب بالقرب التابعه التابع الواقعه الواقع حيث قال اكد اضاف حسب وفق بحسب عند")
)

FAC_HEADS = _words(
    """
مقر معسكر قاعده مطار سجن مستشفي مسجد كنيسه مدرسه حاجز سيطره جسر سفاره قنصليه مبني محطه ميناء معبر
طريق مجمع مصفاه حقل ثكنه مخفر مستودع مخزن منشاه مصنع فندق سوق ملعب شارع دوار نفق قلعه منفذ مستوصف
مرفا مدرج فرع جامع
كليه جامعه معهد مطعم مقهي مصرف بنك قصر ضريح مرقد مزار مقبره كنيس منتجع قاعه استاد ستاد
"""
)
FAC_DEFINITE = _words({"الطريق", "المسجد", "السفاره", "المطار", "القنصليه", "المعبر", "القصر"})
# Facility heads after which one unknown word is the facility's name ("سجن كوبر", "معبر أدري"): such places are
# named, not described, so the word is a name unless it is an adjective.
FAC_NAMED_HEADS = _words("سجن مطار معبر مستشفي ميناء مرفا جسر حقل قاعده مسجد جامع كنيسه فندق مصفاه ثكنه مخفر منفذ")
FAC_NAME_ADJECTIVES = _words(
    """
كبير صغير قديم جديد خاص عام فخم فاخر مؤقت ضخم واسع اخر اخير اول اكبر كامل اخري اخيره جوي بري بحري
"""
)
# Titles that open the name of the person a facility is named after ("مستشفى الملك …", "مسجد الشيخ …").
FAC_PERSON_TITLES = _words("الملك الامير الشيخ الامام السلطان الشهيد الرئيس السيده الحاج المجاهد الزعيم القديس القديسه مار")

_WEAPON_HEAD_WORDS = _words(
    """
صاروخ صاروخا صواريخ قذيفه قذائف قنبله قنابل عبوه عبوات لغم الغام الغاما
رصاص رصاصه مدفعيه هاون طائره طائرات مقاتلات طيران غاز غازات متفجرات مسيرات مسيره راجمات
راجمه اعيره دبابه دبابات مدرعه مدرعات مدفع مدافع رشاش رشاشات بندقيه بنادق
ذخيره ذخائر مروحيه مروحيات مقاتله سكين سكاكين زجاجات
قاذفه قاذفات حزام احزمه حزاما عربه عربات اسلحه سلاح برميل براميل مسدس مسدسات
قاذف سيوف خنجر خناجر ساطور سواطير مقذوف مقذوفات درون درونات مدفعا
"""
)
# Countable weapons in the singular: their duals ("صاروخان", "صاروخين", "عبوتان", "عبوتين") are heads too, and
# are weapons alone wherever the singular is.
WEAPON_SINGULARS = _words(
    """
صاروخ قذيفه قنبله عبوه لغم رصاصه طائره مسيره راجمه دبابه مدرعه مدفع رشاش بندقيه مروحيه مقاتله سكين
قاذفه حزام عربه سلاح برميل مسدس زورق قارب قاذف خنجر مقذوف بارجه
"""
)


def dual_forms(singular: str) -> frozenset[str]:
    """The dual of a singular noun in both cases, in matching form: "صاروخ" → صاروخان, صاروخين; "عبوه" →
    عبوتان, عبوتين (a ta marbuta is written open before the ending)."""
    stem = singular[:-1] + "ت" if singular.endswith("ه") else singular
    return frozenset({stem + "ان", stem + "ين"})


WEAPON_DUALS = frozenset(d for s in WEAPON_SINGULARS for d in dual_forms(s))
# Boats are weapons only with a modifier ("زوارق مفخخة", "زورق حربي"); so are vehicles, vests and materials, which need one
# of a bomb's (VEHICLE_BOMB_MODIFIERS): "شاحنة مفخخة", "سترة ناسفة", "مواد متفجرة", "دراجة نارية مفخخة".
WEAPON_HEADS = _WEAPON_HEAD_WORDS | WEAPON_DUALS | _words("زورق زوارق قارب قوارب بارجه بوارج عيار عيارات طلقه طلقات")
VEHICLE_BOMB_HEADS = _words("سياره سيارات شاحنه شاحنات مركبه مركبات صهريج صهاريج دراجه دراجات حافله حافلات ستره سترات مواد") | frozenset(
    d for s in _words("سياره شاحنه مركبه دراجه حافله ستره") for d in dual_forms(s)
)
VEHICLE_BOMB_MODIFIERS = _words("مفخخ مفخخه ملغوم ملغومه ناسف ناسفه متفجر متفجره")
AIRCRAFT = _words({"طائره", "طائرات", "مقاتلات", "طيران", "مروحيه", "مروحيات", "مقاتله", "مسيره", "مسيرات"}) | frozenset(
    d for s in _words("طائره مروحيه مقاتله مسيره") for d in dual_forms(s)
)  # take a nationality: "الطائرات الإسرائيلية"
DRONES = _words({"مسيره", "مسيرات"}) | dual_forms(norm("مسيره"))  # alone a weapon only in a drone's context (rules._drone_context)
ARMS = _words("اسلحه سلاح")
MUNITIONS = _words("ذخائر ذخيره ذخيرة عتاد عتادا متفجرات")
# Experts and laboratories of a kind of weapon: "خبراء الألغام" names a field, not a weapon used.
EXPERT_WORDS = _words("خبير خبراء خبيرا خبيري مختبر")
# Words of protest near "مسيرات" alone, which then are marches: "دعا إلى الاعتصامات والمسيرات".
PROTEST_WORDS = _words(
    """
وقفات الوقفات مظاهرات المظاهرات تظاهرات التظاهرات احتجاجات الاحتجاجات اعتصامات الاعتصامات تنظيم نظم نظمت نظموا
سلميه احتجاجيه حاشده شعبيه المحتجين المتظاهرين محتجين متظاهرين
"""
)
# Explosive devices named by the head alone when indefinite ("عبوة", "عبوات") and what else such a word holds.
DEVICES = _words("عبوه عبوات") | dual_forms(norm("عبوه"))
CONTAINER_CONTENTS = _words("مياه ماء غاز عصير حليب زيت دواء طعام غذائيه بلاستيكيه فارغه")
# Verbs and nouns of shooting down, striking and blowing up before "مسيرة" (not "أطلق": marches are launched too).
DRONE_VERBS = _words("اسقط اسقطت اسقطوا اسقاط اعترض اعترضت اعتراض استهدفت استهدف قصفت هاجمت ضربت سقطت سقوط انفجرت انفجار")
# Verbs of striking whose subject "مسيرة" is a drone ("مسيرة استهدفت …"): marches gather, set off and protest.
DRONE_STRIKES = _words("استهدفت قصفت هاجمت ضربت اغارت")
WEAPON_ALONE = _words(
    """
صاروخ صاروخا صواريخ قذيفه قذائف قنبله قنابل رصاص مدفعيه هاون متفجرات مسيرات
لغم الغام الغاما دبابه دبابات مدرعات مدافع رشاشات بنادق
بندقيه سكين سكاكين مسدس مسدسات ذخائر سيوف خنجر خناجر ساطور سواطير رصاصه مقذوفات درونات مدفع مدفعا
"""
) | frozenset(d for s in _words("صاروخ قذيفه قنبله لغم دبابه بندقيه سكين مسدس خنجر رصاصه مقذوف") for d in dual_forms(s))
WEAPON_MODIFIERS = _words(
    """
ناسفه ناسفتين لاصقه متفجره ضوئيه صاروخيه مدفعيه هاون اضاءه حراريه موجهه باليستي باليستيه يدويه مسيره
مسير مسيرتين استطلاع حربيه حربي انتحاريه مفخخه حي مطاطي مورتر كاتيوشا غراد كورنيت صوتيه دخانيه
تقليديه الصنع مسيل مسيله للدموع نارية ناريه ثقيله خفيفه متوسطه عنقوديه فوسفوريه مضاده حارقه مولوتوف
رشاشه قتاليه هجوميه اباتشي ارضي ارضيه بحريه مدرعه مصفحه انتحاري ميركافا ابرامز ليوبارد صيد ابيض بيضاء حيه
محليه بدائيه ملغومه مفخخ صنع انقضاضيه فرط فسفوريه درون اعتراضيه مجنحه بالستيه كيميائيه كيماويه
"""
)
# Names of weapon models and families written right after the weapon's head ("صواريخ كروز", "طائرات إف-16").
WEAPON_MODELS = _words(
    """
كروز توماهوك هيمارس ستينغر ستنغر جافلين كونكورس تاو شاهد بيرقدار اكنجي سوخوي ميغ ميراج رافال باتريوت سكود
كلاشنيكوف كلاشينكوف كلاشنكوف اف سام هاوتزر دوشكا
"""
)
NATIONALITY_STEMS = _words(
    """
فلسطيني عراقي سوري مصري ليبي يمني لبناني اسرائيلي امريكي اميركي ايراني تركي روسي سعودي اردني
تونسي جزائري مغربي سوداني صومالي كردي افغاني باكستاني فرنسي بريطاني اماراتي قطري كويتي بحريني
عماني موريتاني مالي نيجيري تشادي اثيوبي كيني اريتري الماني ايطالي صيني هندي اوكراني يهودي مسيحي
شيعي سني درزي علوي ايزيدي تركماني اشوري
"""
) | frozenset(adj for nat in load_nationalities() for adj in nat.adjectives if " " not in adj)

# Accusative adverbs that end a sentence like a last name in -a would ("وصل فورا.").
ADVERBS_IN_A = _words(
    "فورا مؤخرا اخيرا كثيرا مبكرا ايضا حاليا سابقا مجددا رسميا جدا تماما نهائيا دائما ابدا غدا قريبا لاحقا مساء صباحا ليلا ظهرا فجرا عصرا امنيا"
)
# Nationality adjectives of countries (not of faiths or peoples: "المجلس الإسلامي الشيعي الأعلى" goes on).
COUNTRY_NISBAS = frozenset(adj for nat in load_nationalities() for adj in nat.adjectives if " " not in adj)
# Nouns of what befell someone, after which a nationality alone names the person ("استشهاد فلسطيني").
VICTIM_NOUNS = _words(
    "مقتل استشهاد اصابه اعتقال اختطاف خطف اعدام حياه مصرع وفاه قتل اغتيال"
    " قتلت اعتقلت اعتقل اصابت اختطفت اختطف اعدمت اعدم طعن طعنت دهس دهست استشهد استشهدت قتلوا اعتقلوا اصيب اصيبت"
)

# Broken plurals of people that a plural nationality adjective after them describes ("جنود ماليين", "الأسرى
# الفلسطينيين"); sound plurals in -un/-in are told by their ending.
PEOPLE_PLURALS = _words(
    """
جنود ضباط عمال اطفال رجال نساء اسري شباب طلاب تجار رعايا سياح زوار قاده عناصر افراد حجاج صيادون مقاتلو
جرحي قتلي ركاب بحاره نشطاء زعماء وزراء سفراء خبراء علماء اطباء مسؤولو مواطنو مدنيو رهائن شهداء طواقم
"""
)

# Derived lists.
ALL_ORG_HEADS = ORG_HEADS | DEFINITE_ORG_HEADS
ALL_FAC_HEADS = FAC_HEADS | FAC_DEFINITE | {"مركز"}
ALL_LOC_HEADS = LOC_HEADS_DROP | LOC_HEADS_KEEP | LOC_DUAL_HEADS
NOT_NAME_HEADS = ORG_HEADS | FAC_HEADS | LOC_HEADS_DROP

# Where a place is said to be (before an unknown name anchored to a known place: "في كاتشيا شمال غرب نيجيريا").
LOCATIVE_PREPOSITIONS = _words("في قرب عند علي داخل")
# Words that tie a place to the one it lies in ("X الواقعة في …", "X التابعة لـ …").
LOCATED_IN = _words("الواقعه الواقع التابعه التابع")
# Common nouns that stand where a place would before a direction or "الواقعة" ("في منزل شمال …", "على مواقع
# جنوب …"): never read as an unknown place's name.
PLACE_SLOT_NOUNS = _words(
    """
هجوم هجمات كمين غاره قصف انفجار اشتباك معارك مواجهات عمليه منزل منازل مناطق مواقع موقع مكان اماكن
محيط اطراف مدن بلدات قري اقصي اتجاه جانب جبهه جبهات خطوط خط محور محاور ارياف بلد دوله حدود سياره
دوريه قافله تجمع نقطه مبني مقر حاجز ثكنه معسكر مخيم سوق طريق جسر
"""
)
# Forces named by their kind alone: after a facility's head they say whose it is, not what it is called.
GENERIC_FORCES = _words("الجيش الشرطه الامن القوات الدرك الحرس")
