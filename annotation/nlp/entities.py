"""Entity candidates from the lexicon and the pattern rules."""

from __future__ import annotations

from annotation.nlp.lexicon import Lexicon
from annotation.nlp.normalize import Normalized
from annotation.nlp.tokenize import Token
from annotation.nlp.types import Span


def find_entities(text: str, normalized: Normalized, tokens: list[Token], lexicon: Lexicon) -> list[Span]:
    out = []
    for m in lexicon.find(tokens):
        first = tokens[m.first]
        start = normalized.to_original(first.nstart + m.clitic, first.nend)[0]
        end = tokens[m.last].end
        out.append(Span(start, end, text[start:end], m.entry.label, "lexicon", 0.9, m.entry.key))
    return out
