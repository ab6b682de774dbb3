"""Tag a gold JSONL corpus and score it (strict entity P/R/F1 per label, incident fields)."""

import json

from django.core.management.base import BaseCommand

from annotation.engine import get_engine
from annotation.nlp.corpus import format_score, predict, read_jsonl, score


class Command(BaseCommand):
    help = "Tag GOLD.jsonl and print the per-label table and incident scores (same rules as ../shared/eval/score.py)."

    def add_arguments(self, parser):
        parser.add_argument("gold")
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--no-kb", action="store_true", help="Ignore the Entity table.")

    def handle(self, *args, gold, json: bool = False, no_kb=False, **options):
        rows = list(read_jsonl(gold))
        preds = {p["id"]: p for p in predict(get_engine(with_knowledge_base=not no_kb), rows)}
        result = score({r["id"]: r for r in rows}, preds)
        self.stdout.write(_json.dumps(result, ensure_ascii=False) if json else format_score(result))


_json = json
