"""Numbers in digits and words, duals, vague figures, ranges and casualty phrases."""

import pytest

from annotation.nlp.casualties import find_casualties
from annotation.nlp.numbers import parse_number, parse_range
from annotation.nlp.tokenize import tokenize


def num(text):
    _, toks = tokenize(text)
    n = parse_range(toks, 0)
    return (n.min, n.max) if n else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 قتيلا", (17, 17)),
        ("١٢ شخصا", (12, 12)),
        ("ثلاثة جنود", (3, 3)),
        ("خمسة عشر", (15, 15)),
        ("خمسة وعشرين", (25, 25)),
        ("عدد من", (3, 3)),
        ("العشرات", (12, 12)),
        ("المئات", (100, 100)),
        ("بين 10 و20", (10, 20)),
        ("اثنان", (2, 2)),
    ],
)
def test_numbers(text, expected):
    assert num(text) == expected


def test_not_a_number():
    _, toks = tokenize("مسلحون")
    assert parse_number(toks, 0) is None


def cas(text):
    _, toks = tokenize(text)
    return [(c.category, c.victim_class, c.min, c.max) for c in find_casualties(text, toks, 0, len(toks) - 1, {})]


def test_killed_and_injured_with_victim_class():
    assert cas("أسفر الهجوم عن مقتل خمسة جنود وإصابة سبعة مدنيين") == [("killed", "security_forces", 5, 5), ("injured", "civilians", 7, 7)]


def test_dual_noun_gives_two():
    assert cas("قتل عنصرين من المسلحين") == [("killed", "militants", 2, 2)]


def test_number_before_plural_noun():
    assert cas("سقط 9 قتلى في القصف") == [("killed", "unknown", 9, 9)]


def test_several_and_dozens():
    assert cas("إصابة العشرات") == [("injured", "unknown", 12, 12)]
    assert cas("مقتل عدد من المدنيين") == [("killed", "civilians", 3, 3)]


def test_strength_range_is_not_a_casualty():
    assert cas("يراوح عدد المقاتلين بين 1500 و3000 مقاتل") == []


def test_age_and_years_are_not_figures():
    assert cas("مقتل شاب يبلغ 20 عاما") == [("killed", "civilians", 1, 1)]
    assert cas("مقتل 2014") == []


def test_conjoined_figures_add_up():
    assert cas("أسفر القصف عن مقتل امرأة وطفلين") == [("killed", "civilians", 3, 3)]
    assert cas("مقتل 3 جنود و2 مدنيين")[0][2] == 5


def test_next_category_is_not_added():
    assert cas("أسفر الانفجار عن سقوط 5 قتلى و10 جرحى") == [("killed", "unknown", 5, 5), ("injured", "unknown", 10, 10)]


def test_subject_between_verb_and_figure():
    assert cas("قتل الجيش 7 مسلحين بينهم قيادي") == [("killed", "militants", 7, 7)]


def test_dozens_before_the_dead():
    assert cas("سقط عشرات القتلى والجرحى") == [("killed", "unknown", 12, 12)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتلت غارة جوية ثلاثة مسلحين قرب الحدود", [("killed", "militants", 3, 3)]),
        ("قتل مسلحون مجهولون خمسة مدنيين في هجوم ليلي", [("killed", "civilians", 5, 5)]),
        ("قتل مسلحون خمسة مدنيين", [("killed", "civilians", 5, 5)]),
        ("أصابت قذيفة هاون ستة أطفال", [("injured", "civilians", 6, 6)]),
        ("قتل قناص شابا أعزل", [("killed", "civilians", 1, 1)]),
        ("قتلت غارات جوية عشرة مقاتلين من التنظيم", [("killed", "militants", 10, 10)]),
        ("قتلت الطائرات المسيرة نحو 20 مسلحا", [("killed", "militants", 20, 20)]),
        ("قتل مسلحون ملثمون 4 مزارعين", [("killed", "civilians", 4, 4)]),
        ("اعتقلت الشرطة المحلية 9 أشخاص", [("arrested", "unknown", 9, 9)]),
    ],
)
def test_verb_first_with_the_subject_before_the_figure(text, expected):
    assert cas(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أصيب أربعة جنود بجروح", [("injured", "security_forces", 4, 4)]),
        ("جُرح 7 أشخاص في الانفجار", [("injured", "unknown", 7, 7)]),
        ("أصيب جنديان بنيران قناص", [("injured", "security_forces", 2, 2)]),
        ("قتل طفلان بقذيفة", [("killed", "civilians", 2, 2)]),
    ],
)
def test_passive_verb_first_and_dual_victims(text, expected):
    assert cas(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "قتل مسلحون في الهجوم",  # no figure at all
        "قتلت القوات منذ 2015 عددا كبيرا",  # a year after منذ is no figure
        "قتل التنظيم الذي يضم بين 1500 و3000 مقاتل",  # a strength range
    ],
)
def test_verb_first_without_a_casualty_figure(text):
    assert [c for c in cas(text) if c[2] in (2015, 1500, 3000)] == []


def test_verb_first_figure_reaches_the_draft():
    from annotation.nlp import get_tagger

    inc = get_tagger().tag("قتلت غارة جوية ثلاثة مسلحين قرب مدينة إدلب شمال سوريا.").incidents[0]
    assert (inc.sub_event_type, inc.killed) == ("Air/drone strike", 3)


def _drafts(text):
    from annotation.nlp import get_tagger

    return get_tagger().tag(text).incidents


def test_a_wars_toll_is_not_the_strikes_killed():
    (strike,) = _drafts("قتل خمسة أشخاص في غارة جوية على مدينة رفح، ليرتفع عدد ضحايا الحرب إلى 31 ألفا و200 قتيل.")
    assert (strike.sub_event_type, strike.killed) == ("Air/drone strike", 5)


def test_a_total_since_the_start_of_the_year_is_not_the_attacks_killed():
    text = "قتل ثلاثة جنود في هجوم على حاجز قرب مدينة تلعفر. وبذلك يرتفع عدد قتلى الجيش منذ بداية العام إلى 85 جنديا."
    assert [d.killed for d in _drafts(text)] == [3]


def test_a_total_over_several_attacks_is_no_incidents_figure():
    text = "قتل مدنيان بانفجار عبوة ناسفة في سوق بلدة الحويجة. وكان مسلحون قد قتلوا 40 مدنيا في سلسلة هجمات على قرى المنطقة."
    drafts = _drafts(text)
    assert drafts[0].killed == 2
    assert all(d.killed != 40 for d in drafts)


def test_a_total_over_two_attacks_is_left_for_the_figure_of_one():
    text = "قتل 30 شخصا في شمال البلاد في هجومين شنهما مسلحون على قريتين متجاورتين. وقال مسؤول محلي إن الهجوم الأول أوقع 12 قتيلا."
    assert _drafts(text)[0].killed == 12


def test_a_toll_so_far_is_the_events_own_figure():
    assert _drafts("قال مصدر عسكري إن الهجوم على المعسكر خلف عشرة قتلى في صفوف الجنود حتى الآن.")[0].killed == 10


def test_a_toll_over_this_week_is_not_the_shellings_killed():
    text = "قتل شخصان وأصيب خمسة في قصف مدفعي استهدف حي الأزهري جنوب الخرطوم، ليرتفع عدد ضحايا القصف على الحي هذا الأسبوع إلى 20 قتيلا."
    (shelling,) = _drafts(text)
    assert (shelling.killed, shelling.injured) == (2, 5)


def test_a_period_in_another_clause_leaves_the_figure_alone():
    (ambush,) = _drafts("في ثالث هجوم هذا الأسبوع، قتل 5 جنود في كمين قرب بلدة بوني.")
    assert ambush.killed == 5


def test_second_verb_after_a_figured_first_verb_keeps_its_own_figure():
    # "قتلوا" had its figure before it, so "وأصيب 8" is a figure of its own, not "مقتل وإصابة N"
    assert cas("قال الجيش إن 12 جنديا قتلوا وأصيب 8 آخرون في الكمين") == [
        ("killed", "security_forces", 12, 12),
        ("injured", "unknown", 8, 8),
    ]


def test_two_verbs_sharing_one_figure_give_no_figure():
    # "مقتل وإصابة 10": ACLED cannot split the figure between the dead and the wounded
    assert cas("أسفر القصف عن مقتل وإصابة 10 أشخاص") == []


def test_the_attacks_words_say_nothing_of_the_victims():
    assert cas("قتل 5 أشخاص في هجوم مسلح على السوق") == [("killed", "unknown", 5, 5)]


def test_losses_in_the_ranks_of_a_force_are_its_own():
    assert cas("قتل ثلاثة في صفوف الجيش في كمين") == [("killed", "security_forces", 3, 3)]


def test_a_pronoun_of_the_event_between_verb_and_figure():
    assert cas("أصيب خلالها ثلاثة جنود") == [("injured", "security_forces", 3, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("حصد القصف أرواح 10 مدنيين", [("killed", "civilians", 10, 10)]),
        ("راح ضحيته 4 أشخاص", [("killed", "unknown", 4, 4)]),
        ("قضى 6 جنود نحبهم في الاشتباكات", [("killed", "security_forces", 6, 6)]),
        ("قال إن 3 جنود فارقوا الحياة في الكمين", [("killed", "security_forces", 3, 3)]),
    ],
)
def test_idioms_of_death(text, expected):
    assert cas(text) == expected


def test_a_casualty_noun_without_a_number_counts_itself():
    assert cas("أسفر القصف عن سقوط قتيل وجريحين") == [("killed", "unknown", 1, 1), ("injured", "unknown", 2, 2)]
    assert cas("قتيلان وثلاثة جرحى في القصف") == [("killed", "unknown", 2, 2), ("injured", "unknown", 3, 3)]
    assert cas("قتيل وجريحان في انفجار لغم") == [("killed", "unknown", 1, 1), ("injured", "unknown", 2, 2)]


def test_a_number_before_the_casualty_noun_is_the_figure():
    assert cas("سقط 100 قتيل في الهجوم") == [("killed", "unknown", 100, 100)]


def test_an_updated_toll_replaces_the_first_figure():
    (strike,) = _drafts("قتل 5 مدنيين في غارة جوية على مدينة إدلب. وارتفعت حصيلة القتلى لاحقا إلى 8.")
    assert strike.killed == 8


def test_a_rising_toll_over_a_span_of_time_is_not_the_incidents():
    (attack,) = _drafts("قتل 7 أشخاص في هجوم على قرية، ليرتفع عدد القتلى في الولاية منذ مطلع الشهر إلى 45.")
    assert attack.killed == 7


def test_a_later_sentences_figure_is_not_added_to_the_lead():
    text = "قتل 3 متظاهرين برصاص قوات الأمن وأصيب 8 آخرون خلال احتجاجات في الخرطوم. وأصيب أيضا خمسة من عناصر الشرطة."
    (drafted,) = _drafts(text)
    assert (drafted.killed, drafted.injured) == (3, 8)


def test_groups_in_one_sentence_add_up():
    (drafted,) = _drafts("قتل 4 جنود وثلاثة مسلحين في اشتباك قرب بلدة في شمال مالي.")
    assert drafted.killed == 7


def test_a_toll_told_again_is_not_added():
    (drafted,) = _drafts("قتل 12 شخصا في هجوم استهدف قرية. وقال مصدر أمني إن بين القتلى 4 أطفال.")
    assert drafted.killed == 12


def test_a_second_group_after_the_first_groups_name_adds_up():
    assert [c[2] for c in cas("قتل 4 من عناصر التنظيم و2 جنود في الاشتباك")] == [6]


def test_a_group_name_going_on_after_wa_adds_nothing():
    assert [c[2] for c in cas("قتل 4 من عناصر الحركة وحلفائها في الاشتباك")] == [4]


def test_an_ordinal_victim_is_one_more():
    assert cas("قتل ثلاثة جنود وجرح رابع في الكمين") == [("killed", "security_forces", 3, 3), ("injured", "unknown", 1, 1)]


def test_arda_is_a_killing_verb():
    assert cas("أردى مسلحون مجهولون حارسا قتيلا") == [("killed", "unknown", 1, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الوزارة ارتقاء 4 شهداء في قصف إسرائيلي على البلدة", 4),
        ("أسفر الهجوم عن سقوط 7 ضحايا", 7),
        ("أسفر إطلاق النار عن 3 وفيات", 3),
        ("فقد 8 جنود حياتهم في انفجار لغم", 8),
        ("قتل فردان من الأمن في الانفجار", 2),
        ("أسفرت الغارة عن استشهاد مواطنين اثنين", 2),
        ("قال مسؤول إن عدد القتلى في الهجوم على القرية بلغ 8", 8),
        ("أسفر الهجوم عن مقتل ما يزيد عن 40 شخصا", 40),
        ("أسفر الهجوم عن مقتل أزيد من 15 شخصا", 15),
        ("قتل ما يربو على 50 مدنيا في القصف", 50),
        ("قتل على الأقل 5 أشخاص في الهجوم", 5),
        ("قتل (6) أشخاص في الهجوم", 6),
        ("سقط 8 جنود قتلى في الهجوم", 8),
        ("هلك 4 إرهابيين في الاشتباك", 4),
        ("تمكنت الوحدات من تحييد 10 إرهابيين", 10),
        ("أعلنت الحركة مقتل قيادي بارز فيها بغارة على سيارته", 1),
        ("قتل صياد برصاص البحرية", 1),
        ("قتل حارسين في الهجوم على المنجم", 2),
        ("أعلنت الشرطة مقتل دركي في هجوم على حاجز", 1),
        ("اغتال مسلحون مجهولون الناشط الحقوقي أمام منزله", 1),
        ("أعلنت الشرطة اغتيال أحمد سالم أمام منزله", 1),
        ("خلف الهجوم على السوق 15 ضحية", 15),
        ("سجلت المستشفى 4 حالات وفاة جراء القصف", 4),
        ("قالت الشرطة إن حصيلة القتلى في انفجار السوق هي 8 أشخاص", 8),
    ],
)
def test_more_shapes_of_a_killed_figure(text, expected):
    assert [c[2] for c in cas(text) if c[0] == "killed"] == [expected]


def test_lives_threatened_are_not_lives_lost():
    assert [c[0] for c in cas("أصيب 3 أشخاص بجروح تهدد حياتهم")] == ["injured"]


def test_an_attempted_assassination_kills_no_one():
    assert cas("أحبطت الأجهزة الأمنية محاولة اغتيال محافظ المدينة") == []
