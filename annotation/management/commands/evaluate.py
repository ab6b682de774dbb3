"""Tag a gold JSONL corpus and score it: the same tagging as tag_corpus, the same figures as the reference scorer."""

import json

from django.core.management.base import BaseCommand

from annotation.engine import get_engine
from annotation.nlp.corpus import read_jsonl, score_rows
from annotation.nlp.scoring import format_report


class Command(BaseCommand):
    help = "Tag GOLD.jsonl and print entity P/R/F1 per label, incident recall/precision and main-incident fields."

    def add_arguments(self, parser):
        parser.add_argument("gold")
        parser.add_argument("--json", action="store_true", dest="as_json")
        parser.add_argument("--no-kb", action="store_true", help="Ignore the Entity table.")

    def handle(self, *args, gold, as_json=False, no_kb=False, **options):
        result = score_rows(get_engine(with_knowledge_base=not no_kb), list(read_jsonl(gold)))
        self.stdout.write(json.dumps(result, ensure_ascii=False) if as_json else format_report(result))
