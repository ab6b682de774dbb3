"""The cached tagger learns new knowledge-base entries without a restart."""

from annotation import engine
from annotation.models import Entity

TEXT = "وصل وفد من نادي القمر الأخضر إلى المدينة."


def labels_for(surface):
    return {s.label for s in engine.suggest(TEXT).spans if s.text == surface}


def test_new_entity_is_suggested_after_save(db):
    engine.invalidate()
    assert "ORG" not in labels_for("نادي القمر الأخضر")
    Entity.objects.create(name_ar="نادي القمر الأخضر", type="ORG")
    assert "ORG" in labels_for("نادي القمر الأخضر")


def test_change_in_another_process_is_seen_after_recheck(db, monkeypatch):
    engine.invalidate()
    engine.suggest(TEXT)
    monkeypatch.setattr(engine, "RECHECK_SECONDS", 0.0)
    engine.suggest(TEXT)  # records the fingerprint
    # bulk_create sends no signal, as when another process writes the entity
    Entity.objects.bulk_create([Entity(name_ar="نادي القمر الأخضر", type="ORG")])
    assert "ORG" in labels_for("نادي القمر الأخضر")
