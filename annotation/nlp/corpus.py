"""JSON Lines corpora (the evaluation format): reading articles and writing the engine's predictions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotation.nlp.dates import parse_iso_date
from annotation.nlp.scoring import score


def read_jsonl(path: str | Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def predict(tagger, rows: Iterable[dict]) -> Iterator[dict]:
    """One prediction line per article: id, entities and incidents, exactly what an editor would be shown."""
    for row in rows:
        res = tagger.tag(row.get("text") or "", parse_iso_date(row.get("published")))
        yield {"id": row.get("id"), "entities": res.entities_for_format(), "incidents": [i.to_format_dict() for i in res.incidents]}


def score_rows(tagger, rows: list[dict]) -> dict:
    """Tag gold rows and score the predictions (see scoring.score)."""
    return score({r["id"]: r for r in rows}, {p["id"]: p for p in predict(tagger, rows)})
