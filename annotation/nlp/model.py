"""A CRF over tokens (python-crfsuite): plain-dict features, BIO labels, versioned model files."""

from __future__ import annotations

import bisect
import datetime as dt
import os
import struct
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, filterfalse
from operator import attrgetter
from pathlib import Path

from annotation.nlp.normalize import norm, normalize
from annotation.nlp.tokenize import END, NORM, START, Token, readings, tokenize
from annotation.nlp.training import locate
from annotation.nlp.types import LexiconEntry, Span

MODEL_PREFIX = "crf-"
CURRENT = "current"


def default_model_dir() -> Path:
    """MARSAD_MODEL_DIR, else MARSAD_DATA_DIR/models, else <project>/var/models."""
    if os.environ.get("MARSAD_MODEL_DIR"):
        return Path(os.environ["MARSAD_MODEL_DIR"])
    if os.environ.get("MARSAD_DATA_DIR"):
        return Path(os.environ["MARSAD_DATA_DIR"]) / "models"
    return Path(__file__).resolve().parents[2] / "var" / "models"


# Bumped whenever features change: a model trained on other features is not loaded.
FEATURE_VERSION = 2


@lru_cache(maxsize=65536)
def _word_features(w: str) -> tuple[tuple[str, object], ...]:
    """Features of one normalised token, cached by word."""
    alpha = w[:1].isalpha()
    stem = min((r[1] for r in readings(w)), key=len) if alpha else w
    return (
        ("w", w),
        ("stem", stem),
        ("suf2", w[-2:]),
        ("suf3", w[-3:]),
        ("pre2", w[:2]),
        ("al", w.startswith("ال") or w[1:3] == "ال"),
        ("digit", w[:1].isdecimal()),
        ("latin", w[:1].isascii() and alpha),
        ("punct", not w[:1].isalnum()),
    )


def token_features(tokens: list[Token], hints: list[str]) -> list[dict]:
    """One feature dict per token: the word's own features, its neighbours' words and the rules/lexicon BIO hints
    around it (the CRF learns when to trust them)."""
    words = [t.norm for t in tokens]
    n = len(tokens)
    feats = []
    for i in range(n):
        f = dict(_word_features(words[i]))
        f["hint"] = hints[i]
        f["bias"] = 1.0
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f[_HINT_KEY[d]] = hints[j]
                if d in (-1, 1):
                    f[_WORD_KEY[d]] = words[j]
            else:
                f[_EDGE_KEY[d]] = True
        feats.append(f)
    return feats


_HINT_KEY = {d: f"{d}:hint" for d in (-2, -1, 1, 2)}
_WORD_KEY = {d: f"{d}:w" for d in (-1, 1)}
_EDGE_KEY = {d: f"{d}:edge" for d in (-2, -1, 1, 2)}


@lru_cache(maxsize=65536)
def _word_attributes(w: str) -> tuple[str, ...]:
    """A word's features as crfsuite reads a feature dict: ``name:value`` for a string, the bare name for a flag
    that holds (a false flag weighs nothing when tagging)."""
    return tuple(f"{k}:{v}" if isinstance(v, str) else k for k, v in _word_features(w) if v is not False)


class ModelAttributes:
    """The attributes a trained model has weights for; crfsuite skips every other one, so tagging need not send it.
    Caches, per word and per hint, what remains of its attributes."""

    def __init__(self, names: frozenset[str] | None = None, encoded: bool = False):
        self.names = names  # None: keep everything
        # encoded: the attributes as UTF-8 bytes, which python-crfsuite copies as they are (a str it encodes
        # into a new bytes object, attribute after attribute, at every call)
        self.encoded = encoded
        self._words: dict[str, tuple] = {}
        self._hints: dict[str, tuple] = {}
        self.bias = self._kept("bias")
        self.edges = tuple(self._kept(f"{d}:edge") for d in (-2, -1, 1, 2))

    def _kept(self, *attrs: str) -> tuple[str, ...] | tuple[bytes, ...]:
        kept = attrs if self.names is None else tuple(a for a in attrs if a in self.names)
        return tuple(a.encode("utf-8") for a in kept) if self.encoded else kept

    def words(self, norms: list[str]) -> list[tuple]:
        """(own attributes, as the left neighbour, as the right neighbour) of each normalised word."""
        cache = self._words
        new = list(filterfalse(cache.__contains__, set(norms)))
        if len(cache) + len(new) > 200_000:
            cache = self._words = {}
            new = list(set(norms))
        for w in new:
            cache[w] = (self._kept(*_word_attributes(w)), self._kept("-1:w:" + w), self._kept("1:w:" + w))
        return list(map(cache.__getitem__, norms))

    def hints(self, hints: list[str]) -> list[tuple]:
        """Each BIO hint's attributes on the token itself and on the tokens two and one before and after it."""
        cache = self._hints
        for h in set(hints) - cache.keys():
            cache[h] = tuple(self._kept(f"{k}:{h}") for k in ("hint", "-2:hint", "-1:hint", "1:hint", "2:hint"))
        return list(map(cache.__getitem__, hints))


def token_attributes(tokens: list[Token], hints: list[str], attrs: ModelAttributes) -> list[tuple[str, ...]]:
    """token_features as crfsuite reads them when tagging (same attributes, same order), less the ones the model
    does not know: the scores, labels and marginals are exactly those of the feature dicts."""
    words = attrs.words(list(map(NORM, tokens)))
    hs = attrs.hints(hints)
    n = len(tokens)
    e2, e1, e_1, e_2 = attrs.edges
    bias = attrs.bias

    def edge(i: int) -> tuple[str, ...]:  # a token with fewer than two neighbours on a side
        f = words[i][0] + hs[i][0] + bias + (hs[i - 2][1] if i >= 2 else e2)
        f += hs[i - 1][2] + words[i - 1][1] if i else e1
        f += hs[i + 1][3] + words[i + 1][2] if i + 1 < n else e_1
        return f + (hs[i + 2][4] if i + 2 < n else e_2)

    if n < 5:
        return [edge(i) for i in range(n)]
    own = [w[0] + h[0] + bias for w, h in zip(words, hs, strict=True)]
    inner = [
        o + h2[1] + h1[2] + w1[1] + h3[3] + w3[2] + h4[4]
        for o, h2, h1, w1, h3, w3, h4 in zip(
            own[2 : n - 2], hs[: n - 4], hs[1 : n - 3], words[1 : n - 3], hs[3 : n - 1], words[3 : n - 1], hs[4:], strict=True
        )
    ]  # token i: itself, then the hints and words at i-2, i-1, i+1 and i+2
    return [edge(0), edge(1), *inner, edge(n - 2), edge(n - 1)]


def bio_labels(tokens: list[Token], spans: Iterable[Span | tuple[int, int, str]]) -> list[str]:
    """BIO label per token for spans given as Span or (start, end, label)."""
    n = len(tokens)
    labels = ["O"] * n
    starts = list(map(START, tokens))
    ends = list(map(END, tokens))
    for s in spans:
        start, end, label = (s.start, s.end, s.label) if isinstance(s, Span) else s
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            i = 0
        while i < n and starts[i] < end:
            if ends[i] > start:  # the first token the span reaches; every later one before its end is inside it
                b, inside = _BIO.get(label) or _bio(label)
                labels[i] = b
                i += 1
                while i < n and starts[i] < end:
                    labels[i] = inside
                    i += 1
                break
            i += 1
    return labels


_BIO: dict[str, tuple[str, str]] = {}


def _bio(label: str) -> tuple[str, str]:
    found = _BIO[label] = ("B-" + label, "I-" + label)
    return found


def _model_spans(text: str, tokens: list[Token], labels: list[str], marginal, taken: list[Span] | None) -> list[Span]:
    """A span for each run the BIO labels mark, with the least marginal of its tokens as confidence; with
    ``taken`` (spans sorted by start, never overlapping), only the runs that overlap none of them: merge() would
    drop the others in favour of the rules' and lexicon's spans, as it tests here, and their marginals are not
    computed."""
    out: list[Span] = []
    n, after = len(labels), 0
    taken = taken or []
    starts = list(map(_SPAN_START, taken))
    for i in compress(range(n), map("O".__ne__, labels)):
        if i < after:
            continue  # inside the span just read
        label = labels[i][2:]
        inside = "I-" + label
        j = i + 1
        while j < n and labels[j] == inside:
            j += 1
        after = j
        start, end = tokens[i].start + _clitic_length(tokens[i].norm), tokens[j - 1].end
        k = bisect.bisect_left(starts, start)
        if (k < len(taken) and taken[k].start < end) or (k > 0 and taken[k - 1].end > start):
            continue
        conf = round(min(marginal(labels[m], m) for m in range(i, j)), 3)
        out.append(Span(start, end, text[start:end], label, "model", conf))
    return out


_SPAN_START = attrgetter("start")


@lru_cache(maxsize=65536)
def _clitic_length(word: str) -> int:
    """Original-text characters of a conjunction/preposition glued before an article (و/ب/ف/ك + ال)."""
    for p in ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال"):
        if word.startswith(p):
            return len(p) - 2
    return 1 if word.startswith("ولل") else 0


LEARNED_SUFFIX = ".names.tsv"  # beside the model: names the training data labelled, one "surface<TAB>label" a line


def learned_names(examples: Iterable[tuple[str, list[tuple[int, int, str]]]]) -> list[LexiconEntry]:
    """Surfaces the training data labels, each always with one label and more often inside a labelled mention than
    outside one: the engine then finds them in any article, as an editor's accepted mention teaches it. A word the
    editors left untagged as often as they tagged it ("الأمن" of "قوات الأمن" and of "الأمن العام") is an everyday
    word, not a name. Dates are left to the date grammar."""
    labels: dict[str, set[str]] = {}
    surfaces: dict[str, str] = {}
    examples = list(examples)
    for text, spans in examples:
        for start, end, label in spans:
            surface = " ".join(text[start:end].split())
            key = norm(surface)
            if label == "DATE" or " " not in key:
                continue  # one word alone is too often an everyday word ("الشباب", "الأمن") or half a name
            labels.setdefault(key, set()).add(label)
            surfaces.setdefault(key, surface)
    named = _times_named(examples, {k for k, ls in labels.items() if len(ls) == 1})
    return [
        LexiconEntry(surfaces[k], next(iter(ls)), "learned")
        for k, ls in sorted(labels.items())
        if len(ls) == 1 and named[k][0] > named[k][1]
    ]


def _times_named(examples: list[tuple[str, list[tuple[int, int, str]]]], keys: set[str]) -> dict[str, list[int]]:
    """For each normalised surface: [occurrences inside a labelled mention, occurrences outside any], counting the
    word-bounded occurrences in the training texts (a conjunction or preposition may be glued before it)."""
    counts = {k: [0, 0] for k in keys}
    for text, spans in examples:
        folded = normalize(text)
        normed = folded.text
        covered = sorted((s, e) for s, e, _ in spans)
        starts = [s for s, _ in covered]
        for key in keys:
            for i, _end in locate(normed, key):
                at = folded.offsets[i]  # in the original text, as the spans are
                k = bisect.bisect_right(starts, at) - 1
                inside = k >= 0 and covered[k][0] <= at < covered[k][1]
                counts[key][0 if inside else 1] += 1
    return counts


class CrfModel:
    def __init__(self, path: Path):
        import pycrfsuite

        self.path = Path(path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self._attributes = ModelAttributes(model_attribute_names(self.path), encoded=True)
        names = self.path.with_name(self.path.name + LEARNED_SUFFIX)
        self.learned: list[LexiconEntry] = []
        if names.is_file():
            rows = (line.rstrip("\n").split("\t") for line in names.read_text(encoding="utf-8").splitlines() if line.strip())
            self.learned = [LexiconEntry(surface, label, "learned") for surface, label in rows]

    def predict_spans(self, text: str, tokens: list[Token], hint_spans: list[Span], taken: list[Span] | None = None) -> list[Span]:
        """The model's spans, each with the least marginal of its tokens as confidence. ``taken``: merge(hint_spans),
        when the caller has it: the spans that overlap one of them are left out (merge would drop them), and their
        marginals are not computed."""
        if not tokens:
            return []
        labels = self._tagger.tag(token_attributes(tokens, bio_labels(tokens, hint_spans), self._attributes))
        return _model_spans(text, tokens, labels, self._tagger.marginal, taken)


def train(
    examples: Iterable[tuple[str, list[tuple[int, int, str]]]],
    out_dir: Path | None = None,
    hint_fn=None,
    c1: float = 0.05,
    c2: float = 0.05,
    max_iterations: int = 150,
    make_current: bool = True,
) -> Path:
    """Train on (text, gold spans) pairs, save ``crf-YYYYmmddHHMMSS.crfsuite`` and (unless ``make_current`` is
    False: a candidate to check first) point ``current`` at it.

    ``hint_fn(text, tokens)`` gives the rules/lexicon spans used as features (same as at tagging time).
    """
    import pycrfsuite

    out_dir = Path(out_dir or default_model_dir())
    out_dir.mkdir(parents=True, exist_ok=True)
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    seen = []
    for text, gold in examples:
        seen.append((text, gold))
        _, tokens = tokenize(text)
        if not tokens:
            continue
        hints = hint_fn(text, tokens) if hint_fn else []
        trainer.append(token_features(tokens, bio_labels(tokens, hints)), bio_labels(tokens, gold))
        n += 1
    if not n:
        raise ValueError("no training examples")
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True})
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S%f")[:-3]
    path = out_dir / f"{MODEL_PREFIX}v{FEATURE_VERSION}-{stamp}.crfsuite"
    trainer.train(str(path))
    learned = learned_names(seen)
    path.with_name(path.name + LEARNED_SUFFIX).write_text("".join(f"{e.surface}\t{e.label}\n" for e in learned), encoding="utf-8")
    if make_current:
        promote(path)
    return path


def promote(path: Path) -> None:
    """Point ``current`` (in the model's own directory) at a trained model: taggers load it from then on."""
    (path.parent / CURRENT).write_text(path.name + "\n", encoding="utf-8")


def model_attribute_names(path: Path) -> frozenset[str] | None:
    """Every attribute name in a crfsuite model file (its attribute dictionary, a CQDB chunk: the attributes of the
    features training kept), or None when the file is not laid out so."""
    data = Path(path).read_bytes()
    try:
        if data[:4] != b"lCRF":
            return None
        chunk = struct.unpack_from("<I", data, 36)[0]  # header: magic, size, type, version, 3 counts, off_features,
        # off_labels, off_attrs
        tag, _size, _flag, _order, count, backward = struct.unpack_from("<4s5I", data, chunk)
        if tag != b"CQDB":
            return None
        names = []
        for i, offset in enumerate(struct.unpack_from(f"<{count}I", data, chunk + backward)):
            ident, length = struct.unpack_from("<2I", data, chunk + offset)
            if ident != i:
                return None
            start = chunk + offset + 8
            names.append(data[start : start + length - 1].decode("utf-8"))
    except (struct.error, UnicodeDecodeError):
        return None
    return frozenset(names)


def current_path(model_dir: Path | None = None) -> Path | None:
    d = Path(model_dir or default_model_dir())
    pointer = d / CURRENT
    if not pointer.is_file():
        return None
    path = d / pointer.read_text(encoding="utf-8").strip()
    if not path.name.startswith(f"{MODEL_PREFIX}v{FEATURE_VERSION}-"):
        return None  # trained on other features: retrain (manage.py train)
    return path if path.is_file() else None


def load_current(model_dir: Path | None = None) -> CrfModel | None:
    """The model the ``current`` pointer names, or None (the engine then runs on rules and lexicon)."""
    path = current_path(model_dir)
    return CrfModel(path) if path else None
