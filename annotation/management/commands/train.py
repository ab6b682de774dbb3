"""Train the CRF from reviewed mentions (or a gold JSONL) and save a new versioned model; print a learning curve.

A new model replaces the current one only if it scores at least as well as the engine as it tags now on the
articles held out of its training (every fifth one); ``--force`` promotes it whatever it scores."""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from annotation import engine
from annotation.nlp import model as crf_model
from annotation.nlp.corpus import read_jsonl, score_rows
from annotation.nlp.scoring import format_report
from annotation.nlp.training import HOLD_OUT_EVERY, examples_from_jsonl, gold_rows, held_out_split, learning_curve_split, rules_hints

CURVE_STEPS = (0, 10, 20)  # and then every older article


class Command(BaseCommand):
    help = (
        "Train the CRF on accepted/corrected/added mentions of reviewed articles, or on --from-jsonl GOLD, holding out every "
        f"{HOLD_OUT_EVERY}th article: the new model replaces the current engine's only if it scores at least as well on them "
        "(--force: always); --gold G scores the engine before and after; --curve G prints F1 on held-out articles by training size."
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
        parser.add_argument(
            "--force", action="store_true", help="Promote the new model even if it scores worse on the held-out articles (or none are)."
        )

    def handle(
        self, *args, from_jsonl=None, gold=None, curve=None, held_out="M,N", out=None, iterations=150, no_kb=False, force=False, **options
    ):
        # one engine for everything this command scores: the one tag_corpus and evaluate use
        tagger = engine.get_engine(with_knowledge_base=not no_kb)
        if curve:
            self._curve(tagger, list(read_jsonl(curve)), tuple(p for p in held_out.split(",") if p), iterations)
            return
        examples, rows = self._from_jsonl(from_jsonl) if from_jsonl else self._from_database()
        if not examples:
            raise CommandError("nothing to train on: no reviewed articles with accepted mentions")
        train_on, _ = held_out_split(examples)
        _, checked_on = held_out_split(rows)
        if not checked_on:
            train_on = examples  # too few to hold any out: nothing to check against, see _promotes
        before = score_rows(tagger, list(read_jsonl(gold))) if gold else None
        hints = rules_hints(tagger.base_lexicon)
        path = crf_model.train(train_on, out or engine.model_dir(), hint_fn=hints, max_iterations=iterations, make_current=False)
        self.stdout.write(f"trained on {len(train_on)} articles -> {path}")
        candidate = tagger.with_model(crf_model.CrfModel(path))
        if self._promotes(tagger, candidate, checked_on, len(examples), force):
            crf_model.promote(path)
            engine.invalidate(model_changed=True)
        if gold:
            after = score_rows(candidate, list(read_jsonl(gold)))
            self.stdout.write("before (engine as it tags now):\n" + format_report(before))
            self.stdout.write("after (with the new model):\n" + format_report(after))

    def _promotes(self, current, candidate, held_out, total, force):
        """Whether the new model replaces the current one: it must score (strict entity F1) at least as well as the
        engine as it tags now (its current model, or rules alone) on articles it was not trained on."""
        if not held_out:
            verdict = "promoted unchecked (--force)" if force else "the current engine is kept (--force promotes the new model unchecked)"
            self.stdout.write(f"held-out check: too few articles ({total}) to hold one in {HOLD_OUT_EVERY} out; {verdict}")
            return force
        now, new = (score_rows(tagger, held_out)["entities"]["micro_strict"]["f"] for tagger in (current, candidate))
        self.stdout.write(
            f"held-out check on {len(held_out)} articles (one in {HOLD_OUT_EVERY}, not trained on): "
            f"strict F1 current engine {now:.4f}, new model {new:.4f}"
        )
        if new >= now:
            self.stdout.write("the new model is promoted")
        elif force:
            self.stdout.write("the new model scores worse; promoted anyway (--force)")
        else:
            self.stdout.write("the new model scores worse: the current engine is kept (--force promotes it anyway)")
        return new >= now or force

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

    def _from_jsonl(self, path):
        """(training examples, the same articles as gold rows) from a gold JSONL."""
        rows = list(read_jsonl(path))
        return list(examples_from_jsonl(rows)), rows

    def _from_database(self):
        """(training examples, the same articles as gold rows) from the reviewed articles, oldest first (so that
        the held-out ones stay the same as articles are added)."""
        from annotation.models import Article

        keep = ["accepted", "corrected", "added"]
        out = []
        for art in Article.objects.filter(status="done").order_by("pk").prefetch_related("mentions"):
            spans = [(m.start, m.end, m.label) for m in art.mentions.all() if m.status in keep]
            if spans:
                out.append((art.body, spans))
        return out, gold_rows(out)
