"""Train the CRF from reviewed mentions (or a gold JSONL) and save a new versioned model."""

from django.core.management.base import BaseCommand, CommandError

from annotation import engine
from annotation.nlp import model as crf_model
from annotation.nlp.corpus import format_score, predict, read_jsonl, score
from annotation.nlp.pipeline import Tagger
from annotation.nlp.training import examples_from_jsonl, rules_hints


class Command(BaseCommand):
    help = "Train the CRF on accepted/corrected/added mentions of reviewed articles, or on --from-jsonl GOLD."

    def add_arguments(self, parser):
        parser.add_argument("--from-jsonl", dest="from_jsonl", help="Gold JSONL (FORMAT.md) to train from.")
        parser.add_argument("--gold", help="Gold JSONL to score before and after training.")
        parser.add_argument("--out", help="Model directory (default: MARSAD_DATA_DIR/models).")
        parser.add_argument("--iterations", type=int, default=150)

    def handle(self, *args, from_jsonl=None, gold=None, out=None, iterations=150, **options):
        examples = list(examples_from_jsonl(read_jsonl(from_jsonl))) if from_jsonl else self._from_database()
        if not examples:
            raise CommandError("nothing to train on: no reviewed articles with accepted mentions")
        out_dir = out or engine.model_dir()
        before = self._score(Tagger(crf=None), gold) if gold else None
        hints = rules_hints(Tagger(crf=None))
        path = crf_model.train(examples, out_dir, hint_fn=hints, max_iterations=iterations)
        engine.invalidate(model_changed=True)
        self.stdout.write(f"trained on {len(examples)} articles -> {path}")
        if gold:
            after = self._score(Tagger(crf=crf_model.CrfModel(path)), gold)
            self.stdout.write("before (rules + lexicon):\n" + format_score(before))
            self.stdout.write("after (with CRF):\n" + format_score(after))

    def _score(self, tagger, gold):
        rows = list(read_jsonl(gold))
        return score({r["id"]: r for r in rows}, {p["id"]: p for p in predict(tagger, rows)})

    def _from_database(self):
        from annotation.models import Article

        keep = ["accepted", "corrected", "added"]
        out = []
        for art in Article.objects.filter(status="done").prefetch_related("mentions"):
            spans = [(m.start, m.end, m.label) for m in art.mentions.all() if m.status in keep]
            if spans:
                out.append((art.body, spans))
        return out
