"""Property tests: offsets always point back into the original text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotation.nlp import get_tagger
from annotation.nlp.normalize import normalize

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(ARABIC, st.characters(codec="utf-8"), st.sampled_from(list("ـًٌٍَُِّْ 😀🇮🇶\n.،٣٤ABCxyz")))
WORDS = st.sampled_from(
    [
        "قتل",
        "عنصرين",
        "كركوك",
        "وبغداد",
        "الجمعة",
        "22",
        "نوفمبر",
        "اللواء",
        "تحسين",
        "الخفاجي",
        "قوات",
        "الأمن",
        "عبوة",
        "ناسفة",
        "في",
        "مطلع",
        "أكتوبر",
        "قرية",
        "ـــ",
        "ً",
        "😀",
        "F-16",
        "(",
        ")",
    ]
)
TEXT = st.one_of(st.text(MIXED, max_size=200), st.lists(WORDS, max_size=40).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_every_span_is_a_slice_of_the_text(text):
    res = get_tagger().tag(text)
    for s in res.spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.text == text[s.start : s.end]
    for inc in res.incidents:
        for start, end in inc.evidence:
            assert 0 <= start <= end <= len(text)
        if inc.location_span:
            assert text[inc.location_span[0] : inc.location_span[1]] == inc.location_text
        if inc.date_span:
            assert text[inc.date_span[0] : inc.date_span[1]] == inc.date_text


@settings(max_examples=200, deadline=None)
@given(st.text(MIXED, max_size=300))
def test_offset_map_is_monotonic_and_in_bounds(text):
    n = normalize(text)
    assert len(n.offsets) == len(n.text) + 1
    assert all(a < b for a, b in zip(n.offsets, n.offsets[1:], strict=False))
    assert n.offsets[-1] == len(text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_every_entry_point_normalises_the_same_way(text):
    """One Arabic normalisation: the engine's tokens, intake's keys and search documents all fold through norm()."""
    import re

    from annotation.intake.dedupe import normalise as dedupe_words
    from annotation.intake.extract import key
    from annotation.nlp.normalize import norm
    from annotation.nlp.tokenize import tokenize
    from incidents.search import normalize_arabic

    folded = norm(text)
    assert normalize(text).text == folded
    assert "".join(t.norm for t in tokenize(text)[1]) == "".join(folded.split())
    assert key(text) == " ".join(folded.split())
    assert normalize_arabic(text) == " ".join(re.sub(r"[^\w\s]", " ", folded).lower().split())
    assert dedupe_words(text) == re.findall(r"[\w\u0600-\u06ff]+", folded.lower())
    assert norm(folded) == folded  # idempotent
