"""Tag a JSONL corpus and write predictions in the evaluation format (id, entities, incidents)."""

import json

from django.core.management.base import BaseCommand

from annotation.engine import get_engine
from annotation.nlp.corpus import predict, read_jsonl


class Command(BaseCommand):
    help = "Tag every article of IN.jsonl (id, text, published) and write OUT.jsonl (id, entities, incidents)."

    def add_arguments(self, parser):
        parser.add_argument("infile")
        parser.add_argument("outfile")
        parser.add_argument("--no-kb", action="store_true", help="Ignore the Entity table (built-in lexicons only).")

    def handle(self, *args, infile, outfile, no_kb=False, **options):
        n = 0
        with open(outfile, "w", encoding="utf-8") as out:
            for line in predict(get_engine(with_knowledge_base=not no_kb), read_jsonl(infile)):
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                n += 1
        self.stdout.write(f"tagged {n} articles -> {outfile}")
