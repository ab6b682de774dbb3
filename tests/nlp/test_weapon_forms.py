"""Weapons in every number and case, and vehicles rigged as bombs (issue 9): sentences written for these tests."""

import pytest

from annotation.nlp import get_tagger
from annotation.nlp.patterns.words import dual_forms


def weapons(text):
    return {s.text for s in get_tagger().tag(text).spans if s.label == "WEAPON"}


def test_dual_of_a_noun_in_ta_marbuta_opens_the_ta():
    assert dual_forms("عبوه") == {"عبوتان", "عبوتين"}
    assert dual_forms("صاروخ") == {"صاروخان", "صاروخين"}


@pytest.mark.parametrize(
    ("sentence", "weapon"),
    [
        ("انفجرت عبوتان ناسفتان قرب السوق المركزي", "عبوتان ناسفتان"),
        ("سقط صاروخان على أطراف البلدة مساء", "صاروخان"),
        ("أصابت قذيفتان سطح المنزل", "قذيفتان"),
        ("حلقت طائرتان حربيتان فوق الوادي", "طائرتان حربيتان"),
        ("استهدفت مسيرتان انتحاريتان مخزن الوقود", "مسيرتان انتحاريتان"),
    ],
)
def test_nominative_duals_are_weapons(sentence, weapon):
    assert weapon in weapons(sentence)


def test_drone_without_a_pilot_written_with_doon_alone():
    assert "طائرة دون طيار" in weapons("رصد السكان طائرة دون طيار فوق الحي")


def test_masculine_modifier_of_a_weapon():
    assert weapons("أصيب الحارس بسلاح ناري ثم بصاروخ موجه") == {"سلاح ناري", "صاروخ موجه"}


def test_surface_to_surface_and_surface_to_air_missiles():
    assert weapons("أطلقت الفصائل صواريخ أرض-أرض وصاروخ أرض جو") == {"صواريخ أرض-أرض", "صاروخ أرض جو"}


def test_rifle_rounds_and_locally_made_devices():
    got = weapons("أطلق الحراس عيارات نارية بعد انفجار عبوة محلية الصنع")
    assert got == {"عيارات نارية", "عبوة محلية الصنع"}


@pytest.mark.parametrize(
    ("sentence", "weapon"),
    [
        ("انفجرت شاحنة مفخخة عند مدخل الفندق", "شاحنة مفخخة"),
        ("فجر المهاجم سترة ناسفة بين المصلين", "سترة ناسفة"),
        ("انفجرت دراجة نارية مفخخة قرب الموقف", "دراجة نارية مفخخة"),
        ("صدمت البوابة مركبتان ملغومتان", "مركبتان ملغومتان"),
    ],
)
def test_vehicles_and_vests_rigged_as_bombs(sentence, weapon):
    assert weapon in weapons(sentence)


def test_vehicles_without_a_bomb_are_no_weapons():
    assert weapons("وصل المسلحون على دراجات نارية وشاحنة عسكرية") == set()


def test_gunboats_are_weapons_but_a_boat_alone_is_not():
    assert weapons("طاردت الزوارق الحربية قاربا يقل صيادين") == {"الزوارق الحربية"}


@pytest.mark.parametrize(
    "sentence",
    ["هاجمت مسيّرة مخزنا للوقود", "سقطت مسيّرة في حقل زيتون", "وقال الشهود إن مسيّرة استهدفت شاحنة"],
)
def test_a_drone_that_strikes_or_falls_is_a_weapon(sentence):
    assert "مسيّرة" in weapons(sentence)


def test_a_march_that_sets_off_is_no_weapon():
    assert weapons("انطلقت مسيرة حاشدة من أمام الجامع الكبير") == set()


def test_indefinite_devices_alone_are_bombs_but_containers_and_back_references_are_not():
    assert weapons("قتل حارسان بانفجار عبوات زرعها مجهولون") == {"عبوات"}
    assert weapons("وزع المتطوعون عبوات زيت وعبوات الحليب") == set()
    assert weapons("انفجرت العبوة عند مرور الحافلة") == set()


def test_the_rigged_vehicle_named_again_is_a_back_reference():
    assert weapons("وقالت الشرطة إن السيارة المفخخة كانت مسروقة") == set()


def test_loitering_hypersonic_and_phosphorus_munitions():
    got = weapons("هاجمت مسيرة انقضاضية الموقع، وأطلق صاروخ فرط صوتي، وألقيت قنابل فسفورية")
    assert got == {"مسيرة انقضاضية", "صاروخ فرط صوتي", "قنابل فسفورية"}


def test_blades_are_weapons_but_the_given_name_saif_is_not():
    assert weapons("اعتدى عليه بساطور وخنجر ثم استخدموا السيوف") == {"ساطور", "خنجر", "السيوف"}
    assert weapons("التقى سيف الإسلام أنصاره في المدينة") == set()


def test_a_model_in_latin_letters_after_the_head():
    assert weapons("أطلق المسلحون قذائف RPG ونفذت طائرات F-16 غارات") == {"قذائف RPG", "طائرات F-16"}


def test_a_launcher_in_the_masculine():
    assert "قاذف آر بي جي" in weapons("ضبطت الدورية قاذف آر بي جي في المخزن")


def test_weapons_and_their_ammunition_are_one_mention():
    got = weapons("ضبطت الدورية أسلحة وذخائر، وصادرت أسلحة نارية وذخائر حية")
    assert got == {"أسلحة وذخائر", "أسلحة نارية وذخائر حية"}


def test_an_explosives_expert_names_no_weapon():
    assert weapons("وصل خبراء المتفجرات من العاصمة لمسح الحقول") == set()


def test_marches_among_protests_are_no_drones():
    assert weapons("دعت النقابات إلى الاعتصامات والمسيرات يوم الأحد") == set()
    assert weapons("أطلق المسلحون صواريخ ومسيرات على السفن") == {"صواريخ", "مسيرات"}


def test_a_munition_of_a_launcher_is_one_weapon():
    got = weapons("أصيب المنزل بقذائف الدبابات، وأطلقت مدافع الهاوتزر نيرانها")
    assert got == {"قذائف الدبابات", "مدافع الهاوتزر"}


def test_kalashnikov_in_its_common_spellings():
    assert weapons("حجزت الدورية سلاحا من نوع كلاشنيكوف وآخر من نوع كلاشينكوف") == {"كلاشنيكوف", "كلاشينكوف"}


def test_two_modifiers_joined_by_and_stay_one_weapon():
    assert weapons("وتبادل الطرفان إطلاق النار بأسلحة خفيفة ومتوسطة قرب الجسر") == {"أسلحة خفيفة ومتوسطة"}


def test_a_second_weapon_after_and_is_a_weapon_of_its_own():
    got = weapons("وعثرت الدورية على العبوات الناسفة والمتفجرات داخل المخزن")
    assert got == {"العبوات الناسفة", "المتفجرات"}


def test_dual_mines_against_people_keep_their_target():
    assert weapons("وفكك المهندسون لغمين مضادين للأفراد عند الطريق") == {"لغمين مضادين للأفراد"}


@pytest.mark.parametrize(
    ("sentence", "weapon"),
    [
        ("أصابت رصاصة طائشة الطفل في كتفه", "رصاصة"),
        ("سقطت مقذوفات على أطراف المخيم", "مقذوفات"),
        ("رصد الحراس درونات فوق المطار", "درونات"),
        ("اقتربت البوارج الحربية من الميناء", "البوارج الحربية"),
        ("غنم المقاتلون مدفعا من الثكنة", "مدفعا"),
    ],
)
def test_bullet_projectiles_drones_warships_and_a_cannon(sentence, weapon):
    assert weapon in weapons(sentence)
