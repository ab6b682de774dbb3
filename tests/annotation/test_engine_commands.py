"""The engine's management commands: tag_corpus, evaluate, train, bench."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from annotation import engine

ARTICLES = [
    {
        "id": "t1",
        "published": "2023-05-14",
        "text": "أصيب ثلاثة من عناصر الشرطة بانفجار عبوة ناسفة في قضاء المقدادية بمحافظة ديالى اليوم الأحد.",
        "entities": [
            {"text": "الشرطة", "label": "ORG"},
            {"text": "عبوة ناسفة", "label": "WEAPON"},
            {"text": "المقدادية", "label": "LOC"},
            {"text": "ديالى", "label": "LOC"},
            {"text": "اليوم الأحد", "label": "DATE"},
        ],
        "incidents": [
            {
                "date": "2023-05-14",
                "date_text": "اليوم الأحد",
                "country": "Iraq",
                "location_text": "المقدادية",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Remote explosive/landmine/IED",
                "killed": None,
                "injured": 3,
            }
        ],
    },
    {
        "id": "t2",
        "published": None,
        "text": "وقال العميد سامر الدليمي إن قوات الجيش قتلت خمسة مسلحين في اشتباكات قرب كركوك أمس.",
        "entities": [{"text": "سامر الدليمي", "label": "PER"}, {"text": "كركوك", "label": "LOC"}, {"text": "أمس", "label": "DATE"}],
        "incidents": [
            {
                "date": None,
                "date_text": "أمس",
                "country": "Iraq",
                "location_text": "كركوك",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "killed": 5,
                "injured": None,
            }
        ],
    },
]


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def fresh_engine(settings, tmp_path):
    settings.MARSAD_DATA_DIR = tmp_path / "data"
    engine.invalidate(model_changed=True)
    yield
    engine.invalidate(model_changed=True)


@pytest.mark.django_db
def test_tag_corpus_writes_format_lines(gold, tmp_path):
    out = tmp_path / "pred.jsonl"
    call_command("tag_corpus", str(gold), str(out), stdout=StringIO())
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["t1", "t2"]
    first = rows[0]
    text = ARTICLES[0]["text"]
    assert all(text[e["start"] : e["end"]] == e["text"] for e in first["entities"])
    assert {"text": "المقدادية", "label": "LOC", "start": text.index("المقدادية"), "end": text.index("المقدادية") + 9} in first["entities"]
    inc = first["incidents"][0]
    assert (inc["sub_event_type"], inc["injured"], inc["date"], inc["location_text"]) == (
        "Remote explosive/landmine/IED",
        3,
        "2023-05-14",
        "المقدادية",
    )
    assert rows[1]["incidents"][0]["killed"] == 5


@pytest.mark.django_db
def test_entities_from_the_knowledge_base_are_suggested(gold, tmp_path):
    from annotation.models import Entity

    Entity.objects.create(name_ar="حي الزهور", name_en="Al-Zuhur", type="LOC", aliases=["حي الزهور الجديد"])
    engine.invalidate()
    res = engine.suggest("سقطت قذيفة في حي الزهور الجديد مساء")
    assert ("LOC", "حي الزهور الجديد") in {(s.label, s.text) for s in res.spans}


@pytest.mark.django_db
def test_evaluate_prints_per_label_table(gold):
    out = StringIO()
    call_command("evaluate", str(gold), stdout=out)
    text = out.getvalue()
    assert text.splitlines()[0].split() == ["label", "P", "R", "F1", "gold", "pred"]
    assert "entity_f1 " in text.splitlines()[-1]


@pytest.mark.django_db
def test_train_from_jsonl_saves_versioned_model_and_reports_scores(gold, settings):
    out = StringIO()
    call_command("train", "--from-jsonl", str(gold), "--gold", str(gold), "--iterations", "20", stdout=out)
    models = settings.MARSAD_DATA_DIR / "models"
    pointer = (models / "current").read_text().strip()
    assert pointer.startswith("crf-") and (models / pointer).is_file()
    assert "before (rules + lexicon)" in out.getvalue() and "after (with CRF)" in out.getvalue()


@pytest.mark.django_db
def test_train_refuses_when_nothing_is_reviewed():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nothing to train on"):
        call_command("train", stdout=StringIO())


@pytest.mark.django_db
def test_bench_prints_named_figures():
    out = StringIO()
    call_command("bench", "--articles", "5", "--words", "100", stdout=out)
    names = {line.split()[0] for line in out.getvalue().splitlines()}
    assert {"tagger_ms_median", "tagger_ms_p95", "tagger_articles_per_s"} <= names
    for line in out.getvalue().splitlines():
        _name, value, unit = line.split()
        assert float(value) >= 0 and unit
