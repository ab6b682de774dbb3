"""The CRF's tagging attributes: the feature dicts training uses, as crfsuite reads them, less what the model lacks."""

import pycrfsuite
import pytest

from annotation.nlp import model as crf_model
from annotation.nlp.tokenize import tokenize

SENTENCE = "وأعلن الناطق العسكري أن ٣ مسلحين قتلوا قرب بلدة العوينات فجر الأحد"
HINTS = ["O", "O", "O", "O", "O", "O", "O", "O", "B-LOC", "I-LOC", "B-DATE", "I-DATE"]
EXAMPLES = [
    ("قال العقيد نزار الحمداني إن الطريق إلى العوينات مغلق", [(11, 24, "PER"), (39, 47, "LOC")]),
    ("وصل وفد من الهلال الأحمر إلى بلدة الصفصاف الخميس", [(11, 24, "ORG"), (34, 41, "LOC"), (42, 48, "DATE")]),
] * 3


def _as_crfsuite_reads(features: dict) -> list[str]:
    """python-crfsuite's reading of a feature dict: "name:value" for a string, the name for a true flag or 1.0,
    nothing that weighs (a false flag has value 0)."""
    return [f"{k}:{v}" if isinstance(v, str) else k for k, v in features.items() if v is not False]


@pytest.mark.parametrize("words", [1, 2, 3, 4, 5, 6, 12])
def test_tagging_attributes_are_the_training_features_in_order(words):
    _, tokens = tokenize(SENTENCE)
    tokens, hints = tokens[:words], HINTS[:words]
    expected = [_as_crfsuite_reads(f) for f in crf_model.token_features(tokens, hints)]
    assert [list(f) for f in crf_model.token_attributes(tokens, hints, crf_model.ModelAttributes())] == expected


def test_model_attribute_names_are_those_the_model_has_weights_for(tmp_path):
    path = crf_model.train(EXAMPLES, tmp_path, max_iterations=15)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    assert crf_model.model_attribute_names(path) == {attr for attr, _ in tagger.info().state_features}
    assert crf_model.model_attribute_names(path.with_name(path.name + crf_model.LEARNED_SUFFIX)) is None


def test_known_attributes_only_tag_exactly_as_the_feature_dicts(tmp_path):
    path = crf_model.train(EXAMPLES, tmp_path, max_iterations=15)
    names = crf_model.model_attribute_names(path)
    _, tokens = tokenize(SENTENCE)
    filtered = crf_model.token_attributes(tokens, HINTS, crf_model.ModelAttributes(names))
    assert sum(map(len, filtered)) < sum(len(_as_crfsuite_reads(f)) for f in crf_model.token_features(tokens, HINTS))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    labels = tagger.tag(crf_model.token_features(tokens, HINTS))
    marginals = [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
    assert tagger.tag(filtered) == labels
    assert [tagger.marginal(lab, i) for i, lab in enumerate(labels)] == marginals


def test_spans_left_out_beside_taken_ones_are_those_merge_drops(tmp_path):
    """predict_spans(taken=merge(hints)) returns exactly the model spans one merge of everything keeps, with the
    confidences predict_spans gives without taken."""
    from annotation.nlp.merge import merge
    from annotation.nlp.types import Span

    path = crf_model.train(EXAMPLES, tmp_path, max_iterations=15)
    crf = crf_model.CrfModel(path)
    text = "قال العقيد نزار الحمداني إن الطريق إلى العوينات مغلق منذ الخميس"
    _, tokens = tokenize(text)
    everything = crf.predict_spans(text, tokens, [])
    assert len(everything) >= 2
    # a rules span over the first model span, another inside the second one, and one over no model span
    first, second = everything[0], everything[1]
    hints = [
        Span(first.start, first.end, first.text, "ORG", "rules", 0.7),
        Span(second.start + 1, second.end, text[second.start + 1 : second.end], "LOC", "lexicon", 0.9),
        Span(0, 3, "قال", "ORG", "rules", 0.7),
    ]
    taken = merge(hints)
    kept = crf.predict_spans(text, tokens, hints, taken=taken)
    alone = crf.predict_spans(text, tokens, hints)
    assert kept and first not in kept and all(s.start != second.start for s in kept)
    assert merge(taken + kept) == merge(hints + alone)
    assert [s for s in merge(hints + alone) if s.origin == "model"] == kept


def test_encoded_attributes_are_the_same_names_and_tag_the_same(tmp_path):
    path = crf_model.train(EXAMPLES, tmp_path, max_iterations=15)
    names = crf_model.model_attribute_names(path)
    _, tokens = tokenize(SENTENCE)
    plain = crf_model.token_attributes(tokens, HINTS, crf_model.ModelAttributes(names))
    encoded = crf_model.token_attributes(tokens, HINTS, crf_model.ModelAttributes(names, encoded=True))
    assert encoded == [tuple(a.encode("utf-8") for a in item) for item in plain]
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    labels = tagger.tag(plain)
    marginals = [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
    assert tagger.tag(encoded) == labels
    assert [tagger.marginal(lab, i) for i, lab in enumerate(labels)] == marginals
