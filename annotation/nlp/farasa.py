"""Optional Farasa NER adapter (farasapy), used only when FARASA_BIN names a local jar directory.

It never downloads anything: without FARASA_BIN, or when the jar is missing, there is no adapter.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from annotation.nlp.types import Span

FARASA_LABELS = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}
log = logging.getLogger("marsad.engine")
_ITEM = re.compile(r"(\S+)/([BI])-([A-Z]+)|(\S+)/O")


def parse_farasa_output(output: str) -> list[tuple[str, str]]:
    """Farasa's ``word/B-PERS word/I-PERS word/O`` text → [(entity text, our label)] in order."""
    found: list[tuple[list[str], str]] = []
    current: list[str] | None = None
    for m in _ITEM.finditer(output):
        word, bio, tag = m.group(1), m.group(2), m.group(3)
        if word is None:
            current = None
            continue
        label = FARASA_LABELS.get(tag)
        if label is None:
            current = None
            continue
        if bio == "B" or current is None or found[-1][1] != label:
            current = [word]
            found.append((current, label))
        else:
            current.append(word)
    return [(" ".join(words), label) for words, label in found]


def align(text: str, entities: list[tuple[str, str]]) -> list[Span]:
    """Find each Farasa entity in the original text, in order, as a Span with origin 'farasa'."""
    spans, pos = [], 0
    for surface, label in entities:
        i = text.find(surface, pos)
        if i < 0:
            i = text.find(surface)
            if i < 0:
                continue
        else:
            pos = i + len(surface)
        spans.append(Span(i, i + len(surface), surface, label, "farasa", 0.5))
    return spans


class FarasaNER:
    def __init__(self, ner):
        self._ner = ner

    @classmethod
    def from_env(cls) -> FarasaNER | None:
        bin_dir = os.environ.get("FARASA_BIN")
        if not bin_dir or not Path(bin_dir).is_dir():
            return None
        jars = sorted(Path(bin_dir).rglob("*NER*.jar"))
        if not jars:
            log.warning("FARASA_BIN=%s has no NER jar; tagging without Farasa", bin_dir)
            return None
        try:
            from farasa.ner import FarasaNamedEntityRecognizer

            # an explicit binary_path makes farasapy skip its download check
            return cls(FarasaNamedEntityRecognizer(interactive=True, logging_level="error", binary_path=str(jars[0])))
        except Exception:  # a broken local install must not break tagging, but the operator must hear of it
            log.exception("Farasa NER could not start from %s; tagging without Farasa", jars[0])
            return None

    def spans(self, text: str) -> list[Span]:
        try:
            out = self._ner.recognize(text)
        except Exception:  # one failed call costs Farasa's suggestions for this text, not the whole tagging run
            log.exception("Farasa NER failed on a text of %d characters", len(text))
            return []
        return align(text, parse_farasa_output(out))
