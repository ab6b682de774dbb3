"""Event cues and the word lists of incident drafting, read once from data/event_triggers.tsv and
data/event_words.tsv (plain spelling there; normalised here)."""

from __future__ import annotations

from pathlib import Path

from annotation.nlp.normalize import norm

DATA = Path(__file__).resolve().parent.parent / "data"
GENERIC_ATTACK = "Attack (unspecified)"
GENERIC_TERRITORY = "Territory (unspecified)"
GENERIC = {GENERIC_ATTACK, GENERIC_TERRITORY}


def _rows(name: str) -> list[list[str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(norm(text).split())


def _triggers() -> list[tuple[str, str, set[tuple[str, ...]]]]:
    """(sub-event type, event type, cue phrases) in the file's order, which is the order of precedence."""
    table: dict[str, tuple[str, set]] = {}
    for sub, event, *cue in _rows("event_triggers.tsv"):
        phrases = table.setdefault(sub, (event, set()))[1]
        if cue and cue[0].strip():
            phrases.add(_phrase(cue[0]))
    return [(sub, event, phrases) for sub, (event, phrases) in table.items()]


def _word_lists() -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {}
    for name, text in _rows("event_words.tsv"):
        lists.setdefault(name, []).append(text)
    return lists


def phrases(name: str) -> set[tuple[str, ...]]:
    """A word list as normalised phrases (tuples of words)."""
    return {_phrase(w) for w in WORDS[name]}


def words(name: str) -> frozenset[str]:
    """A list of single words, normalised."""
    return frozenset(norm(w) for w in WORDS[name])


TRIGGERS = _triggers()
EVENT_TRIGGERS = TRIGGERS  # (sub_event_type, event_type, phrases); earlier rows win
EVENT_OF = {sub: event for sub, event, _ in TRIGGERS}
WORDS = _word_lists()
CASUALTY_WORDS = {cat: phrases(cat) for cat in ("killed", "injured", "abducted", "arrested")}
VICTIM_WORDS = {cls: phrases("victim_" + cls) for cls in ("civilians", "militants", "security_forces")}
RIOT = words("riot_stem")
INTERVENTION = words("intervention_stem")
DEFUSE = words("defuse")
INTERCEPT = words("intercept")
EXPLOSION = words("explosion")
STRENGTH = phrases("strength")
NEW_EVENT_MARKERS = [list(p) for p in phrases("new_event_marker")]
WEAK_EVENT_MARKERS = [list(p) for p in phrases("weak_event_marker")]
# First words of every trigger and casualty phrase: tokens without one are skipped quickly.
FIRST_WORDS = frozenset(p[0] for table in [t[2] for t in TRIGGERS] + list(CASUALTY_WORDS.values()) for p in table)
