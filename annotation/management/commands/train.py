"""Train the CRF from reviewed mentions (or a gold JSONL) and save a new versioned model; print a learning curve."""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from annotation import engine
from annotation.nlp import model as crf_model
from annotation.nlp.corpus import read_jsonl, score_rows
from annotation.nlp.scoring import format_report
from annotation.nlp.training import examples_from_jsonl, learning_curve_split, rules_hints

CURVE_STEPS = (0, 10, 20)  # and then every older article


class Command(BaseCommand):
    help = (
        "Train the CRF on accepted/corrected/added mentions of reviewed articles, or on --from-jsonl GOLD; "
        "--gold G scores the engine before and after; --curve G prints F1 on held-out articles by training size."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from-jsonl", dest="from_jsonl", help="Gold JSONL (the evaluation format) to train from.")
        parser.add_argument("--gold", help="Gold JSONL to score before and after training (as `evaluate` does).")
        parser.add_argument("--curve", help="Gold JSONL: train on 0, 10, 20 and all older articles, score on the held-out ones.")
        parser.add_argument(
            "--held-out", default="M,N", help="With --curve: id prefixes of the held-out articles (default M,N); the rest train."
        )
        parser.add_argument("--out", help="Model directory (default: MARSAD_DATA_DIR/models).")
        parser.add_argument("--iterations", type=int, default=150)
        parser.add_argument("--no-kb", action="store_true", help="Ignore the Entity table while tagging and scoring.")

    def handle(self, *args, from_jsonl=None, gold=None, curve=None, held_out="M,N", out=None, iterations=150, no_kb=False, **options):
        # one engine for everything this command scores: the one tag_corpus and evaluate use
        tagger = engine.get_engine(with_knowledge_base=not no_kb)
        if curve:
            self._curve(tagger, list(read_jsonl(curve)), tuple(p for p in held_out.split(",") if p), iterations)
            return
        examples = list(examples_from_jsonl(read_jsonl(from_jsonl))) if from_jsonl else self._from_database()
        if not examples:
            raise CommandError("nothing to train on: no reviewed articles with accepted mentions")
        before = score_rows(tagger, list(read_jsonl(gold))) if gold else None
        path = crf_model.train(examples, out or engine.model_dir(), hint_fn=rules_hints(tagger.base_lexicon), max_iterations=iterations)
        engine.invalidate(model_changed=True)
        self.stdout.write(f"trained on {len(examples)} articles -> {path}")
        if gold:
            after = score_rows(tagger.with_model(crf_model.CrfModel(path)), list(read_jsonl(gold)))
            self.stdout.write("before (engine as it tags now):\n" + format_report(before))
            self.stdout.write("after (with the new model):\n" + format_report(after))

    def _curve(self, tagger, rows, held_out_prefixes, iterations):
        pool, held_out = learning_curve_split(rows, held_out_prefixes)
        if not pool or not held_out:
            raise CommandError(f"--curve needs both training and held-out articles (held-out id prefixes: {', '.join(held_out_prefixes)})")
        sizes = sorted({n for n in CURVE_STEPS if n < len(pool)} | {len(pool)})
        hints = rules_hints(tagger.base_lexicon)
        self.stdout.write(f"learning curve: scored on {len(held_out)} held-out articles, trained on the first N of {len(pool)}")
        self.stdout.write("train_articles  strict_f1  lenient_f1  incident_recall")
        with tempfile.TemporaryDirectory() as tmp:
            for n in sizes:
                crf = None
                if n:
                    path = crf_model.train(examples_from_jsonl(pool[:n]), Path(tmp) / str(n), hint_fn=hints, max_iterations=iterations)
                    crf = crf_model.CrfModel(path)
                result = score_rows(tagger.with_model(crf), held_out)
                e = result["entities"]
                self.stdout.write(
                    f"{n:>14}  {e['micro_strict']['f']:.4f}     {e['micro_lenient']['f']:.4f}      {result['incidents']['recall']:.4f}"
                )

    def _from_database(self):
        from annotation.models import Article

        keep = ["accepted", "corrected", "added"]
        out = []
        for art in Article.objects.filter(status="done").prefetch_related("mentions"):
            spans = [(m.start, m.end, m.label) for m in art.mentions.all() if m.status in keep]
            if spans:
                out.append((art.body, spans))
        return out
