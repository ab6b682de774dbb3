"""Training examples for the CRF: gold JSONL entities located in the text, and rules/lexicon hints."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotation.nlp.entities import find_entities
from annotation.nlp.lexicon import Lexicon
from annotation.nlp.merge import merge
from annotation.nlp.normalize import normalize
from annotation.nlp.tokenize import Token


def locate(text: str, surface: str) -> list[tuple[int, int]]:
    """Every occurrence of a gold surface string in the text (word-bounded on both sides)."""
    out, pos = [], 0
    while surface and (i := text.find(surface, pos)) >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(surface)] if i + len(surface) < len(text) else " "
        if not after.isalpha() and (not before.isalpha() or before in "وبلفك"):
            out.append((i, i + len(surface)))
        pos = i + 1
    return out


def examples_from_jsonl(rows: Iterable[dict]) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, label)]) for each gold article; longer gold strings claim their text first."""
    for row in rows:
        text = row.get("text") or ""
        spans: list[tuple[int, int, str]] = []
        for ent in sorted(row.get("entities") or [], key=lambda e: -len(e["text"])):
            for s, e in locate(text, ent["text"]):
                if all(e <= a or s >= b for a, b, _ in spans):
                    spans.append((s, e, ent["label"]))
        yield text, sorted(spans)


def learning_curve_split(rows: list[dict], held_out_prefixes: tuple[str, ...]) -> tuple[list[dict], list[dict]]:
    """(training pool in file order, held-out rows): held out are the rows whose id starts with a prefix."""
    held = [r for r in rows if str(r.get("id", "")).startswith(held_out_prefixes)]
    return [r for r in rows if not str(r.get("id", "")).startswith(held_out_prefixes)], held


HOLD_OUT_EVERY = 5  # every fifth article is kept out of training to check a new model against the current engine


def held_out_split(items: list, every: int = HOLD_OUT_EVERY) -> tuple[list, list]:
    """(to train on, held out): every ``every``-th item is held out. By position, so that articles added later
    (at the end) leave the earlier split as it was."""
    return [x for i, x in enumerate(items) if i % every != every - 1], [x for i, x in enumerate(items) if i % every == every - 1]


def gold_rows(examples: Iterable[tuple[str, list[tuple[int, int, str]]]]) -> list[dict]:
    """Training examples as gold rows of the evaluation format (id, text, entities), to score an engine on."""
    return [
        {"id": f"example-{i}", "text": text, "entities": [{"text": text[s:e], "label": label} for s, e, label in spans]}
        for i, (text, spans) in enumerate(examples)
    ]


def rules_hints(lexicon: Lexicon):
    """hint_fn for model.train: the spans rules and lexicon give, as at tagging time."""

    def hints(text: str, tokens: list[Token]):
        return merge(find_entities(text, normalize(text), tokens, lexicon))

    return hints
