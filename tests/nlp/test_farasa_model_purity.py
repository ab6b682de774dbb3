"""Farasa output parsing, the CRF round trip, lexicon extension and the no-Django rule."""

import subprocess
import sys

from annotation.nlp import LexiconEntry, Tagger, get_tagger
from annotation.nlp import model as crf_model
from annotation.nlp.farasa import align, parse_farasa_output
from annotation.nlp.gazetteer import load_actors, load_places


def test_parse_farasa_bio_output():
    out = "قال/O اللواء/O تحسين/B-PERS الخفاجي/I-PERS في/O بغداد/B-LOC إن/O وزارة/B-ORG الدفاع/I-ORG"
    assert parse_farasa_output(out) == [("تحسين الخفاجي", "PER"), ("بغداد", "LOC"), ("وزارة الدفاع", "ORG")]


def test_farasa_entities_are_aligned_to_offsets():
    text = "قال اللواء تحسين الخفاجي في بغداد"
    (span,) = align(text, [("بغداد", "LOC")])
    assert (span.start, span.end, span.origin) == (28, 33, "farasa")
    assert text[span.start : span.end] == "بغداد"


def test_crf_trains_saves_versioned_file_and_loads(tmp_path):
    examples = [("قال العميد سامر الدليمي إن الوضع هادئ في كركوك", [(11, 23, "PER"), (41, 46, "LOC")])] * 5
    path = crf_model.train(examples, tmp_path, max_iterations=20)
    assert path.name.startswith("crf-v2-") and path.suffix == ".crfsuite"
    assert (tmp_path / "current").read_text().strip() == path.name
    crf = crf_model.load_current(tmp_path)
    res = Tagger(crf=crf, use_farasa=False).tag("قال العميد سامر الدليمي إن الوضع هادئ في كركوك")
    assert all(s.text == res.text[s.start : s.end] for s in res.spans)
    assert crf_model.load_current(tmp_path / "missing") is None


def test_with_entries_adds_knowledge_base_without_touching_the_original():
    base = get_tagger()
    extended = base.with_entries([LexiconEntry("حي الزهور الجديد", "LOC", "entity:7")])
    text = "سقطت قذيفة في حي الزهور الجديد"
    assert ("LOC", "حي الزهور الجديد", "entity:7") in {(s.label, s.text, s.entity_key) for s in extended.tag(text).spans}
    assert "entity:7" not in {s.entity_key for s in base.tag(text).spans}


def test_gazetteer_has_coordinates_and_actor_types():
    kirkuk = next(p for p in load_places() if p.name_en == "Kirkuk")
    assert (kirkuk.country_en, kirkuk.kind, round(kirkuk.lat), round(kirkuk.lon)) == ("Iraq", "governorate", 35, 44)
    isis = next(a for a in load_actors() if a.name_ar == "داعش")
    assert (isis.label, isis.actor_type) == ("ORG", "Rebel group")


def test_engine_imports_nothing_from_django():
    code = "import sys, annotation.nlp; annotation.nlp.get_tagger().tag('قتل جندي'); print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_farasa_is_off_without_a_local_jar(monkeypatch, tmp_path):
    from annotation.nlp.farasa import FarasaNER

    monkeypatch.delenv("FARASA_BIN", raising=False)
    assert FarasaNER.from_env() is None
    monkeypatch.setenv("FARASA_BIN", str(tmp_path))  # a directory without the NER jar: nothing is downloaded
    assert FarasaNER.from_env() is None
    assert Tagger(use_farasa=None).farasa is None
