"""A token trie over the knowledge base: longest match, clitic-aware, spelling-variant tolerant."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, repeat
from operator import is_

from annotation.nlp.normalize import norm
from annotation.nlp.tokenize import _TOKEN, NORM, Token, readings
from annotation.nlp.types import LexiconEntry

_END = object()
_MAX_CACHED = 200_000


def key_of(surface: str) -> tuple[str, ...]:
    """The token sequence a surface form is matched as."""
    return tuple(m.group() for m in _TOKEN.finditer(norm(surface)))


@dataclass(frozen=True, init=False)
class LexiconMatch:
    first: int  # token index
    last: int  # inclusive
    clitic: int  # normalised characters of clitic before the match on the first token
    entry: LexiconEntry

    def __init__(self, first: int, last: int, clitic: int, entry: LexiconEntry):
        self.__dict__.update(first=first, last=last, clitic=clitic, entry=entry)  # as Span: cheaper than frozen's


class Lexicon:
    def __init__(self, entries: Iterable[LexiconEntry] = ()):
        self._root: dict = {}
        self._starts: dict[str, tuple] = {}  # word -> its (clitic, trie node) readings that start some entry
        self._opens: dict[str, tuple] = {}  # the same for find(), where punctuation starts none
        self.size = 0
        self.add(entries)

    def add(self, entries: Iterable[LexiconEntry]) -> None:
        self._starts, self._opens = {}, {}
        for entry in entries:
            key = key_of(entry.surface)
            if not key:
                continue
            node = self._root
            for part in key:
                node = node.setdefault(part, {})
            if _END not in node:  # the first entry for a surface wins (more specific data is added first)
                node[_END] = entry
                self.size += 1

    def copy(self) -> Lexicon:
        """An independent copy (deepcopy would clone the end-of-entry sentinel and lose every entry)."""

        def clone(node: dict) -> dict:
            return {k: (v if k is _END else clone(v)) for k, v in node.items()}

        new = Lexicon()
        new._root = clone(self._root)
        new.size = self.size
        return new

    def _starts_of(self, word: str) -> tuple:
        found = self._starts.get(word)
        if found is None:
            if len(self._starts) > _MAX_CACHED:
                self._starts = {}
            root = self._root
            found = self._starts[word] = tuple((c, root[stem]) for c, stem in readings(word) if stem in root)
        return found

    def match_at(self, norms: list[str], i: int) -> LexiconMatch | None:
        """The longest entry starting at word i of the normalised words (under any clitic reading of that word)."""
        best = _longest(self._starts_of(norms[i]), norms, i)
        return LexiconMatch(i, *best) if best is not None else None

    def find(self, tokens: list[Token]) -> list[LexiconMatch]:
        """Non-overlapping longest matches, left to right."""
        norms = list(map(NORM, tokens))
        opens = self._opens
        found = list(map(opens.get, norms))  # read without a call per token
        if None in found:
            if len(opens) > _MAX_CACHED:
                opens = self._opens = {}
            # the new words, picked out by C-level maps (punctuation opens no entry)
            for w in set(compress(norms, map(is_, found, repeat(None)))):
                opens[w] = self._starts_of(w) if w[:1].isalpha() or w[:1].isdecimal() else ()
            found = list(map(opens.__getitem__, norms))
        out: list[LexiconMatch] = []
        after = 0  # the token after the last match
        n = len(norms)
        for i in compress(range(n), found):  # the tokens some entry may start at
            if i < after:
                continue
            best = _longest(found[i], norms, i)  # from the readings already looked up
            if best is not None:
                out.append(LexiconMatch(i, *best))
                after = best[0] + 1
        return out


def _longest(starts: tuple, norms: list[str], i: int) -> tuple | None:
    """(last word, clitic, entry) of the longest entry from word i, walking the trie from each reading's node."""
    best = None
    n = len(norms)
    for clitic, node in starts:
        j = i
        while node is not None:
            # the longest; of two as long, the one with less clitic ("وكردفان" is "و" + Kordofan, not "وك" + Radfan)
            if _END in node and (best is None or j > best[0] or (j == best[0] and clitic < best[1])):
                best = (j, clitic, node[_END])
            j += 1
            if j >= n:
                break
            node = node.get(norms[j])
    return best
