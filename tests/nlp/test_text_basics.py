"""Normalisation, tokens and clitic readings."""

from annotation.nlp.normalize import norm, normalize
from annotation.nlp.tokenize import readings, tokenize


def test_normalise_unifies_letters_and_digits():
    assert norm("أإآى ة ٢٠٢٤") == "اااي ه 2024"


def test_normalise_drops_diacritics_and_tatweel_with_offsets():
    text = "قُتِلَ جنـــدي"
    n = normalize(text)
    assert n.text == "قتل جندي"
    start = n.text.index("جندي")
    s, e = n.to_original(start, start + 4)
    assert text[s:e] == "جنـــدي"


def test_normalize_folds_every_character_as_norm_does():
    """normalize() folds a whole text its own way (faster): every character must come out as norm() has it."""
    every = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000) + "\U0001f600 A\u064b"
    for text in (every, every.replace("\u064b", "")):
        assert normalize(text).text == norm(text)


def test_tokens_keep_original_offsets():
    text = "وبغداد، كركوك"
    _, toks = tokenize(text)
    assert [text[t.start : t.end] for t in toks] == ["وبغداد", "،", "كركوك"]


def test_tokens_are_the_token_pattern_matches_in_place_even_for_repeated_words():
    """Offsets of every token equal the regex match's, also when a word repeats, spaces vary and marks are dropped."""
    from annotation.nlp.tokenize import _TOKEN

    for text in ("قال قال\tقال\n\nقال (قال) 12,5 12", "سَقَطَ  سقط\u200fسقط ـــ x-1 x-1", "  ", ""):
        n, toks = tokenize(text)
        spans = [m.span() for m in _TOKEN.finditer(n.text)]
        assert [(t.nstart, t.nend) for t in toks] == spans
        assert [n.to_original(a, b) for a, b in spans] == [(t.start, t.end) for t in toks]


def test_readings_strip_conjunction_and_preposition():
    assert (1, "بغداد") in readings("وبغداد")
    assert (1, "البيشمركه") in readings("والبيشمركه")
    assert (0, "التحالف") in readings("للتحالف")


def test_readings_never_drop_the_article_alone():
    assert all(stem != "مالي" for _, stem in readings("المالي"))
