"""Person-name shapes of the second round: sentences written for these tests (no text from the evaluation corpus)."""

from annotation.nlp import get_tagger


def spans(text):
    return {(s.label, s.text) for s in get_tagger().tag(text).spans}


def test_title_chain_runs_through_a_li_genitive():
    got = spans("وأوضح وكيل وزارة الداخلية للشؤون الأمنية جسار الدوسري أن التحقيق جار")
    assert ("PER", "جسار الدوسري") in got


def test_rank_after_the_comma_of_a_role():
    got = spans("وقال آمر اللواء الثالث، المقدم ونيس الزبيدي، إن الهجوم صُدّ")
    assert ("PER", "ونيس الزبيدي") in got


def test_definite_rank_word_closing_a_name_is_a_family_name():
    got = spans("وقال الناطق باسم البلدية كمال العميد، إن الطريق أغلق")
    assert ("PER", "كمال العميد") in got


def test_rank_word_before_a_name_stays_a_title():
    got = spans("والتقى سعيد النقيب رامز عودة في المقر")
    assert not any(label == "PER" and "النقيب" in text for label, text in got)


def test_name_after_known_as_with_a_clitic():
    got = spans("وقاد المجموعة القيادي المعروف بأبي قتيبة الليبي قبل مقتله")
    assert ("PER", "أبي قتيبة الليبي") in got


def test_and_after_an_indefinite_title_is_a_conjunction():
    got = spans("واجتمع رئيس وأعضاء اللجنة في المقر")
    assert not any(label == "PER" for label, _ in got)


def test_definite_facility_word_takes_no_persons_name():
    got = spans("وقال مدير الشؤون القنصلية نزار الخالدي، إن المخطوفين بخير")
    assert ("PER", "نزار الخالدي") in got
    assert not any(label == "FAC" for label, _ in got)


def test_facility_named_by_one_given_name():
    got = spans("ونقل المصابون إلى مستشفى الأمل ثم إلى مستشفى خليل.")
    assert ("FAC", "مستشفى خليل") in got


def test_rare_given_name_from_the_open_list_opens_a_name():
    got = spans("وأصيبت راغدة الكبيسي بشظايا في ساقها")
    assert ("PER", "راغدة الكبيسي") in got


def test_open_given_names_hold_no_place():
    from annotation.nlp.gazetteer import load_places
    from annotation.nlp.normalize import norm

    open_names = {norm(n) for n in get_given_names_open()}
    assert len(open_names) > 50
    assert not open_names & {norm(p.name_ar) for p in load_places()}


def get_given_names_open():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "annotation/nlp/data/given_names_open.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def test_family_name_with_al_recurs_whole():
    got = spans("واستقبل الوزير سعود بن فيصل آل مهنا في المطار. وأكد آل مهنا أن الزيارة ناجحة")
    assert ("PER", "آل مهنا") in got
    assert ("PER", "مهنا") not in got


def test_name_before_its_bearers_age():
    got = spans("وقتل زهير قنديل (34 عاما) برصاص قناص، كما أصيب نضال حمدونة، 19 عاما، بجروح")
    assert {("PER", "زهير قنديل"), ("PER", "نضال حمدونة")} <= got
