"""A conjunction of time or purpose after a title opens no name: "الإرهابي لحين عودة الأمن" names nobody."""

import pytest

from annotation.nlp.pipeline import Tagger


@pytest.fixture(scope="module")
def tagger():
    return Tagger(use_farasa=False)


@pytest.mark.parametrize(
    "sentence",
    [
        "ستلاحق القوات فلول التنظيم الإرهابي لحين عودة الأمن إلى القرى.",
        "تحدث القيادي عندما وصلت التعزيزات إلى البلدة.",
        "بقي المسؤول الإعلامي ريثما تنتهي العملية.",
    ],
)
def test_no_person_after_a_title_when_a_conjunction_follows(tagger, sentence):
    assert [s.text for s in tagger.tag(sentence).spans if s.label == "PER"] == []


def test_a_name_after_the_same_title_is_still_read(tagger):
    spans = tagger.tag("قال القيادي سالم الدوسري إن الهجوم فشل.").spans
    assert [(s.text, s.label) for s in spans if s.label == "PER"] == [("سالم الدوسري", "PER")]
