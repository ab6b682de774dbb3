"""JSON Lines corpora (../shared/eval/FORMAT.md): reading articles, writing predictions, scoring them."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotation.nlp.types import LABELS

FIELDS = ["date", "date_text", "country", "location_text", "event_type", "sub_event_type", "killed", "injured"]


def read_jsonl(path: str | Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def parse_published(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def predict(tagger, rows: Iterable[dict]) -> Iterator[dict]:
    """One prediction line per article, in FORMAT.md's shape."""
    for row in rows:
        res = tagger.tag(row.get("text") or "", parse_published(row.get("published")))
        yield {"id": row.get("id"), "entities": res.entities_for_format(), "incidents": [i.to_format_dict() for i in res.incidents]}


# --- scoring: the same definitions as ../shared/eval/score.py ---------------------------------------
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CLITIC = re.compile("^(?:[وف]?[بلك]|[وف])(?=ال)")
_PUNCT = re.compile(r"[\"'«»“”()\[\]{}.,،؛:!?؟\-–—]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _norm(text) -> str:
    if text is None:
        return ""
    t = _DIACRITICS.sub("", str(text)).translate(_DIGITS)
    t = re.sub("[أإآٱ]", "ا", t).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(_PUNCT.sub(" ", t).split())


def _strip(text: str) -> str:
    if text.startswith("لل"):
        return text[2:]
    text = _CLITIC.sub("", text, count=1)
    return text[2:] if text.startswith("ال") and len(text) > 3 else text


def _entities(row) -> set:
    return {(e["label"], _strip(_norm(e["text"]))) for e in row.get("entities") or [] if e.get("label") in LABELS}


def _same(field, g, p) -> bool:
    if field in ("killed", "injured"):
        return (g.get(field) or 0) == (p.get(field) or 0)
    gv, pv = _norm(g.get(field)), _norm(p.get(field))
    if field in ("location_text", "date_text"):
        gv, pv = _strip(gv), _strip(pv)
        return gv == pv if not gv or not pv else (gv in pv or pv in gv)
    return gv.lower() == pv.lower() if field == "country" else gv == pv


def _found(g, preds) -> bool:
    for p in preds:
        if p.get("sub_event_type") != g.get("sub_event_type"):
            continue
        if not g.get("date") and not g.get("location_text"):
            return True
        if (g.get("date") and g.get("date") == p.get("date")) or (g.get("location_text") and _same("location_text", g, p)):
            return True
    return False


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    """Strict entity P/R/F1 per label and micro, incident recall and main-incident field accuracy."""
    counts = defaultdict(lambda: [0, 0, 0])
    hits = defaultdict(int)
    n_main = inc_gold = inc_found = 0
    for key, g in gold.items():
        p = pred.get(key, {})
        gs, ps = _entities(g), _entities(p)
        for label in LABELS:
            gl, pl = {x for x in gs if x[0] == label}, {x for x in ps if x[0] == label}
            c = counts[label]
            c[0] += len(gl & pl)
            c[1] += len(pl)
            c[2] += len(gl)
        gi, pi = g.get("incidents") or [], p.get("incidents") or []
        inc_gold += len(gi)
        inc_found += sum(_found(x, pi) for x in gi)
        if gi:
            n_main += 1
            if pi:
                for f in FIELDS:
                    hits[f] += _same(f, gi[0], pi[0])

    def prf(tp, npred, ngold):
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0}

    tp, npred, ngold = (sum(c[k] for c in counts.values()) for k in range(3))
    return {
        "per_label": {lbl: prf(*counts[lbl]) | {"gold": counts[lbl][2], "pred": counts[lbl][1]} for lbl in LABELS},
        "micro": prf(tp, npred, ngold),
        "incident_recall": round(inc_found / inc_gold, 4) if inc_gold else 0.0,
        "main_incident": {f: round(hits[f] / n_main, 4) if n_main else 0.0 for f in FIELDS},
    }


def format_score(result: dict) -> str:
    lines = ["label    P      R      F1    gold  pred"]
    for label, v in result["per_label"].items():
        lines.append(f"{label:<7} {v['p']:.3f}  {v['r']:.3f}  {v['f']:.3f}  {v['gold']:>4}  {v['pred']:>4}")
    m = result["micro"]
    lines.append(f"micro strict  P {m['p']:.3f} R {m['r']:.3f} F1 {m['f']:.3f}")
    lines.append(f"incident recall {result['incident_recall']:.3f}")
    lines.append("main incident: " + "  ".join(f"{k} {v:.2f}" for k, v in result["main_incident"].items()))
    lines.append(f"entity_f1 {m['f']:.4f}")
    return "\n".join(lines)
