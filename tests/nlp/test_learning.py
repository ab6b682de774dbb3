"""What a trained model learns besides the CRF: the names its training data labelled."""

from annotation.nlp.model import learned_names


def test_learned_names_keep_unambiguous_surfaces_and_leave_dates_and_lone_first_names():
    text = "قال سامي إن لواء الصمود وسرايا النور اشتبكا يوم الخميس قرب تل الورد، وإن سرايا النور انسحبت."
    spans = [
        (text.index("سامي"), text.index("سامي") + 4, "PER"),
        (text.index("لواء الصمود"), text.index("لواء الصمود") + 11, "ORG"),
        (text.index("سرايا النور"), text.index("سرايا النور") + 11, "ORG"),
        (text.index("يوم الخميس"), text.index("يوم الخميس") + 10, "DATE"),
        (text.index("تل الورد"), text.index("تل الورد") + 8, "LOC"),
        (text.rindex("سرايا النور"), text.rindex("سرايا النور") + 11, "LOC"),  # labelled two ways: left out
    ]
    learned = {(e.surface, e.label) for e in learned_names([(text, spans)])}
    assert learned == {("لواء الصمود", "ORG"), ("تل الورد", "LOC")}


def test_a_surface_left_untagged_as_often_as_tagged_is_not_learned():
    text = "قالت هيئة الرصد إن هيئة الرصد وثقت الهجوم، وطالبت هيئة الرصد بالتحقيق. ودعت كتيبة النصر أهالي الحي إلى الهدوء."
    first = text.index("هيئة الرصد")
    spans = [
        (first, first + 10, "ORG"),  # tagged once, left untagged twice: a phrase the editors don't read as a name
        (text.index("كتيبة النصر"), text.index("كتيبة النصر") + 11, "ORG"),
    ]
    learned = {(e.surface, e.label) for e in learned_names([(text, spans)])}
    assert learned == {("كتيبة النصر", "ORG")}


def test_one_word_surfaces_are_not_learned():
    text = "اشتبكت القوات مع مسلحي الشباب قرب بلدة الحمراء."
    spans = [(text.index("الشباب"), text.index("الشباب") + 6, "ORG"), (text.index("الحمراء"), text.index("الحمراء") + 7, "LOC")]
    assert learned_names([(text, spans)]) == []
