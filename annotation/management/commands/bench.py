"""Benchmark the tagger on generated 500-word Arabic articles; prints `name value unit` lines."""

import resource
import statistics
import sys
import time

from django.core.management.base import BaseCommand

from annotation.engine import get_engine
from annotation.nlp import model as crf_model
from annotation.nlp.bench import generated_articles


class Command(BaseCommand):
    help = "Time the suggestion engine per article (model and lexicons loaded once, before timing)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=200)
        parser.add_argument("--words", type=int, default=500)
        parser.add_argument("--no-kb", action="store_true")
        parser.add_argument("--model", help="Time with this CRF model file instead of the current one.")
        parser.add_argument("--no-model", action="store_true", help="Time the rules and lexicons alone (no CRF).")

    def handle(self, *args, articles=200, words=500, no_kb=False, model=None, no_model=False, **options):
        t0 = time.perf_counter()
        tagger = get_engine(with_knowledge_base=not no_kb)
        if model or no_model:
            tagger = tagger.with_model(crf_model.CrfModel(model) if model else None)
        load_ms = (time.perf_counter() - t0) * 1000
        texts = generated_articles(articles, words)
        tagger.tag(texts[0])  # warm-up
        times, cpu = [], []
        for text in texts:
            t, c = time.perf_counter(), time.process_time()
            tagger.tag(text)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        # wall-clock figures suffer when other processes share the cores; CPU time is this process's own work
        for name, value, unit in (
            ("tagger_load_ms", load_ms, "ms"),
            ("tagger_crf_model", 1 if tagger.crf else 0, "loaded"),
            ("tagger_ms_median", statistics.median(times), "ms"),
            ("tagger_ms_p95", p95, "ms"),
            ("tagger_cpu_ms_median", statistics.median(cpu), "ms"),
            ("tagger_articles_per_s", 1000 * len(times) / sum(times), "articles/s"),
            ("tagger_words_per_article", words, "words"),
            ("tagger_articles", len(times), "articles"),
            ("tagger_max_rss", _max_rss_mb(), "MB"),
        ):
            self.stdout.write(f"{name} {value:.2f} {unit}")


def _max_rss_mb() -> float:
    """Peak resident memory of this process (lexicons, model and tagging), in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KB on Linux
