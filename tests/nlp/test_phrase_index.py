"""PhraseIndex.matches: the phrase tables matching at a token, read through clitics, longest phrase per table."""

import pytest

from annotation.nlp.casualties import PhraseIndex
from annotation.nlp.tokenize import tokenize

INDEX = PhraseIndex({"fire": {("اطلاق", "نار"), ("اطلاق", "نار", "كثيف"), ("اطلاق",)}, "shell": {("قصف",)}, "raid": {("مداهمه", "ليليه")}})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقصف الجيش القرية", (("shell", 1),)),  # through the conjunction
        ("اطلاق نار كثيف على الحاجز", (("fire", 3),)),  # the longest phrase of the table only
        ("اطلاق نار متقطع", (("fire", 2),)),
        ("اطلاق سراح الرهائن", (("fire", 1),)),
        ("اطلاق", (("fire", 1),)),  # the longer phrases run past the text's end
        ("مداهمه ليليه", (("raid", 2),)),
        ("مداهمه نهاريه", ()),
        ("مداهمه", ()),
        ("زار الوزير", ()),
    ],
)
def test_matches_at_the_first_token(text, expected):
    _, tokens = tokenize(text)
    assert INDEX.matches(tokens, 0) == expected
    assert INDEX.matches(tokens, 0) == expected  # the second reading comes from the word cache
