"""The engine's management commands: tag_corpus, evaluate, train, bench."""

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from annotation import engine
from annotation.nlp.scoring import format_report, score
from tests.conftest import shared_path

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
    lines = out.getvalue().splitlines()
    assert lines[0] == "articles 2  missing predictions 0"
    assert lines[1].split() == ["label", "P", "R", "F1", "gold", "pred"]
    assert lines[-1].startswith("entity_f1 ")


def _reference_scorer(gold_path, pred_path, *flags):
    scorer = shared_path("eval", "score.py")
    run = subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path), *flags], capture_output=True, text=True, check=True)
    return run.stdout


@pytest.mark.django_db
def test_evaluate_agrees_with_the_reference_scorer_to_the_last_digit(tmp_path):
    dev = shared_path("eval", "dev.jsonl")
    pred = tmp_path / "pred.jsonl"
    call_command("tag_corpus", str(dev), str(pred), stdout=StringIO())
    out = StringIO()
    call_command("evaluate", str(dev), stdout=out)
    assert out.getvalue().rstrip("\n") == _reference_scorer(dev, pred).rstrip("\n")
    as_json = StringIO()
    call_command("evaluate", str(dev), "--json", stdout=as_json)
    assert json.loads(as_json.getvalue()) == json.loads(_reference_scorer(dev, pred, "--json"))


def test_scoring_matches_the_reference_on_hand_made_disagreements(tmp_path, gold):
    pred_rows = [
        {
            "id": "t1",
            "entities": [{"text": "والمقدادية", "label": "LOC"}, {"text": "عبوة", "label": "WEAPON"}, {"text": "الشرطة", "label": "PER"}],
            "incidents": [dict(ARTICLES[0]["incidents"][0], injured=2, location_text="قضاء المقدادية")],
        },
        {"id": "t2", "entities": [{"text": "العميد سامر الدليمي", "label": "PER"}], "incidents": []},
    ]
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in pred_rows), encoding="utf-8")
    result = score({a["id"]: a for a in ARTICLES}, {r["id"]: r for r in pred_rows})
    assert result == json.loads(_reference_scorer(gold, pred, "--json"))
    assert format_report(result) == _reference_scorer(gold, pred).rstrip("\n")
    assert result["entities"]["micro_strict"] == {"p": 0.25, "r": 0.125, "f": 0.1667}


@pytest.mark.django_db
def test_train_scores_before_training_exactly_as_evaluate_does(gold):
    evaluated = StringIO()
    call_command("evaluate", str(gold), stdout=evaluated)
    out = StringIO()
    call_command("train", "--from-jsonl", str(gold), "--gold", str(gold), "--iterations", "5", stdout=out)
    before = out.getvalue().split("before (engine as it tags now):\n", 1)[1].split("after (with the new model):", 1)[0]
    assert before.rstrip("\n") == evaluated.getvalue().rstrip("\n")


@pytest.mark.django_db
def test_train_curve_prints_f1_by_training_size_without_replacing_the_model(tmp_path, settings):
    rows = [dict(ARTICLES[0], id=f"A{n}") for n in range(12)] + [dict(ARTICLES[1], id="M1")]
    path = tmp_path / "curve.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = StringIO()
    call_command("train", "--curve", str(path), "--iterations", "5", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "learning curve: scored on 1 held-out articles, trained on the first N of 12"
    assert [int(line.split()[0]) for line in lines[2:]] == [0, 10, 12]
    assert all(0.0 <= float(x) <= 1.0 for line in lines[2:] for x in line.split()[1:])
    assert not (settings.MARSAD_DATA_DIR / "models" / "current").exists()


@pytest.mark.django_db
def test_train_from_jsonl_saves_versioned_model_and_reports_scores(gold, settings):
    out = StringIO()
    call_command("train", "--from-jsonl", str(gold), "--gold", str(gold), "--iterations", "20", "--force", stdout=out)
    models = settings.MARSAD_DATA_DIR / "models"
    pointer = (models / "current").read_text().strip()
    assert pointer.startswith("crf-") and (models / pointer).is_file()
    assert "before (engine as it tags now)" in out.getvalue() and "after (with the new model)" in out.getvalue()


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
    assert {"tagger_ms_median", "tagger_ms_p95", "tagger_articles_per_s", "tagger_max_rss"} <= names
    for line in out.getvalue().splitlines():
        _name, value, unit = line.split()
        assert float(value) >= 0 and unit


@pytest.mark.django_db
def test_bench_times_a_given_model_or_none(tmp_path):
    from annotation.nlp import model as crf_model

    text = "قال العقيد نزار الحمداني إن الطريق إلى العوينات مغلق"
    path = crf_model.train([(text, [(11, 24, "PER"), (39, 47, "LOC")])] * 3, tmp_path, max_iterations=10)
    figures = {}
    for args in (["--model", str(path)], ["--no-model"]):
        out = StringIO()
        call_command("bench", "--articles", "3", "--words", "60", *args, stdout=out)
        figures[args[0]] = dict(line.split()[:2] for line in out.getvalue().splitlines())
    assert figures["--model"]["tagger_crf_model"] == "1.00"
    assert figures["--no-model"]["tagger_crf_model"] == "0.00"


@pytest.mark.django_db
def test_names_labelled_in_training_are_found_in_the_next_article(tmp_path):
    row = {
        "id": "g1",
        "text": "تبنت مجموعة الفجر الجديد هجوما على نقطة تفتيش قرب الحدود.",
        "entities": [{"text": "الفجر الجديد", "label": "ORG"}],
        "incidents": [],
    }
    path = tmp_path / "names.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    later = "أعلنت الفجر الجديد مسؤوليتها عن كمين في الصحراء."
    assert ("ORG", "الفجر الجديد") not in {(s.label, s.text) for s in engine.suggest(later).spans}
    call_command("train", "--from-jsonl", str(path), "--iterations", "5", "--force", stdout=StringIO())
    assert ("ORG", "الفجر الجديد") in {(s.label, s.text) for s in engine.suggest(later).spans}


def _training_file(tmp_path, rows):
    path = tmp_path / "train.jsonl"
    path.write_text("\n".join(json.dumps(dict(r, id=f"r{i}"), ensure_ascii=False) for i, r in enumerate(rows)), encoding="utf-8")
    return path


def _claim(group_label):
    text = "تبنت مجموعة الفجر الجديد هجوما على نقطة تفتيش قرب كركوك."
    entities = [{"text": "كركوك", "label": "LOC"}]
    if group_label:
        entities.append({"text": "الفجر الجديد", "label": group_label})
    return {"text": text, "entities": entities, "incidents": []}


def _held_out_figures(output):
    line = next(x for x in output.splitlines() if x.startswith("held-out check on "))
    return [float(x.rstrip(",")) for x in line.split() if x[0].isdigit() and "." in x]


@pytest.mark.django_db
def test_a_new_model_better_on_the_held_out_articles_is_promoted(tmp_path, settings):
    out = StringIO()
    call_command("train", "--from-jsonl", str(_training_file(tmp_path, [_claim("ORG")] * 5)), "--iterations", "5", stdout=out)
    now, new = _held_out_figures(out.getvalue())
    assert new > now
    assert "trained on 4 articles" in out.getvalue() and "the new model is promoted" in out.getvalue()
    assert (settings.MARSAD_DATA_DIR / "models" / "current").is_file()


@pytest.mark.django_db
def test_a_new_model_worse_on_the_held_out_articles_is_not_promoted_unless_forced(tmp_path, settings):
    # Trained on articles that call the group a person; held out, one where it is not tagged at all.
    path = _training_file(tmp_path, [_claim("PER")] * 4 + [_claim(None)])
    out = StringIO()
    call_command("train", "--from-jsonl", str(path), "--iterations", "5", stdout=out)
    now, new = _held_out_figures(out.getvalue())
    assert new < now
    assert "the current engine is kept" in out.getvalue()
    assert not (settings.MARSAD_DATA_DIR / "models" / "current").exists()
    later = "أعلنت الفجر الجديد مسؤوليتها عن كمين في الصحراء."
    assert ("PER", "الفجر الجديد") not in {(s.label, s.text) for s in engine.suggest(later).spans}
    out = StringIO()
    call_command("train", "--from-jsonl", str(path), "--iterations", "5", "--force", stdout=out)
    assert "promoted anyway (--force)" in out.getvalue()
    assert (settings.MARSAD_DATA_DIR / "models" / "current").is_file()


@pytest.mark.django_db
def test_too_few_articles_to_hold_out_keep_the_current_engine(tmp_path, settings):
    out = StringIO()
    call_command("train", "--from-jsonl", str(_training_file(tmp_path, [_claim("ORG")] * 3)), "--iterations", "5", stdout=out)
    assert "too few articles (3) to hold one in 5 out; the current engine is kept" in out.getvalue()
    assert not (settings.MARSAD_DATA_DIR / "models" / "current").exists()
