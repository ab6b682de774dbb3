"""Scoring predictions against a gold corpus, by the contract of the evaluation format.

Entities are compared per article as sets of (label, normalised surface), strictly and leniently (one
string inside the other); the main incident (the first listed) field by field; a gold incident counts
as found when some predicted incident has its sub-event type and its date or place. The figures and
the report are the same, to the last digit, as the reference scorer's; the project does not import
it (tests compare the two when it is present).
"""

from __future__ import annotations

import re
from collections import defaultdict

from annotation.nlp.types import LABELS

FIELDS = ["date", "date_text", "country", "location_text", "event_type", "sub_event_type", "killed", "injured"]

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CLITIC = re.compile("^(?:[وف]?[بلك]|[وف])(?=ال)")
_PUNCT = re.compile(r"[\"'«»“”()\[\]{}.,،؛:!?؟\-–—]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# a generic head before a group's name is a convention, not a finding: "تنظيم داعش" = "داعش"
_ORG_HEAD = re.compile("^[وف]?(?:تنظيم|حركه|جماعه|مليشيا|ميليشيا|مليشيات|ميليشيات) (?=.)")


def surface_key(text) -> str:
    """The scorer's matching form: no diacritics or tatweel, one alef, ya and ha, no punctuation."""
    if text is None:
        return ""
    t = _DIACRITICS.sub("", str(text)).translate(_DIGITS)
    t = re.sub("[أإآٱ]", "ا", t).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(_PUNCT.sub(" ", t).split())


def strip_article(text: str) -> str:
    """Drop the definite article and a clitic glued before it ("والبيشمركه" → "بيشمركه")."""
    if text.startswith("لل"):
        return text[2:]
    text = _CLITIC.sub("", text, count=1)
    return text[2:] if text.startswith("ال") and len(text) > 3 else text


def entity_key(label: str, text: str) -> tuple[str, str]:
    t = surface_key(text)
    if label == "ORG":
        t = _ORG_HEAD.sub("", t)
    return label, strip_article(t)


def _entity_set(row: dict) -> set[tuple[str, str]]:
    return {entity_key(e["label"], e["text"]) for e in row.get("entities") or [] if e.get("label") in LABELS}


def _lenient_hits(gold: set, pred: set) -> set:
    hits = set()
    for g in gold:
        if any(p[0] == g[0] and p[1] and g[1] and (p[1] in g[1] or g[1] in p[1]) for p in pred):
            hits.add(g)
    return hits


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _prf(p: float, r: float) -> dict:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4)}


def same_field(name: str, gold: dict, pred: dict) -> bool:
    """Whether a predicted incident field agrees with the gold one."""
    if name in ("killed", "injured"):
        return (gold.get(name) or 0) == (pred.get(name) or 0)
    gv, pv = surface_key(gold.get(name)), surface_key(pred.get(name))
    if name in ("location_text", "date_text"):
        gv, pv = strip_article(gv), strip_article(pv)
        return gv == pv if not gv or not pv else (gv in pv or pv in gv)
    if name == "country":
        return gv.lower() == pv.lower()
    return gv == pv


def incident_found(gold: dict, preds: list[dict]) -> bool:
    """Some prediction has the gold incident's sub-event type and its date or place."""
    for p in preds:
        if p.get("sub_event_type") != gold.get("sub_event_type"):
            continue
        if not gold.get("date") and not gold.get("location_text"):
            return True
        if (gold.get("date") and gold.get("date") == p.get("date")) or (gold.get("location_text") and same_field("location_text", gold, p)):
            return True
    return False


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    """Entity P/R/F1 (strict per label and micro, lenient micro), incident recall/precision, main-incident fields."""
    counts = defaultdict(lambda: [0, 0, 0, 0, 0])  # strict tp, n_pred, n_gold, lenient gold hits, lenient pred hits
    field_hits: dict[str, int] = defaultdict(int)
    n_main = inc_gold = inc_found = inc_pred = inc_right = 0
    for key, g in gold.items():
        p = pred.get(key, {})
        gs, ps = _entity_set(g), _entity_set(p)
        for label in LABELS:
            gl, pl = {x for x in gs if x[0] == label}, {x for x in ps if x[0] == label}
            c = counts[label]
            c[0] += len(gl & pl)
            c[1] += len(pl)
            c[2] += len(gl)
            c[3] += len(_lenient_hits(gl, pl))
            c[4] += len(_lenient_hits(pl, gl))
        gi, pi = g.get("incidents") or [], p.get("incidents") or []
        inc_gold += len(gi)
        inc_pred += len(pi)
        inc_found += sum(incident_found(x, pi) for x in gi)
        inc_right += sum(incident_found(x, gi) for x in pi)
        if gi:
            n_main += 1
            if pi:
                for f in FIELDS:
                    field_hits[f] += same_field(f, gi[0], pi[0])
    tp, npred, ngold, lgold, lpred = (sum(c[k] for c in counts.values()) for k in range(5))
    return {
        "articles": len(gold),
        "missing_predictions": sum(1 for k in gold if k not in pred),
        "entities": {
            "micro_strict": _prf(_ratio(tp, npred), _ratio(tp, ngold)),
            "micro_lenient": _prf(_ratio(lpred, npred), _ratio(lgold, ngold)),  # hits over each side
            "per_label": {
                label: _prf(_ratio(c[0], c[1]), _ratio(c[0], c[2])) | {"gold": c[2], "pred": c[1]}
                for label, c in ((lbl, counts[lbl]) for lbl in LABELS)
            },
        },
        "incidents": {
            "gold": inc_gold,
            "predicted": inc_pred,
            "recall": round(inc_found / inc_gold, 4) if inc_gold else 0.0,
            "precision": round(inc_right / inc_pred, 4) if inc_pred else 0.0,
            "main_incident_field_accuracy": {f: round(field_hits[f] / n_main, 4) if n_main else 0.0 for f in FIELDS},
        },
    }


def format_report(result: dict) -> str:
    """The text report, line for line as the reference scorer prints it."""
    e = result["entities"]
    lines = [
        f"articles {result['articles']}  missing predictions {result['missing_predictions']}",
        "label    P      R      F1    gold  pred",
    ]
    for label, v in e["per_label"].items():
        lines.append(f"{label:<7} {v['p']:.3f}  {v['r']:.3f}  {v['f']:.3f}  {v['gold']:>4}  {v['pred']:>4}")
    s, lenient = e["micro_strict"], e["micro_lenient"]
    lines.append(f"micro strict  P {s['p']:.3f} R {s['r']:.3f} F1 {s['f']:.3f}")
    lines.append(f"micro lenient P {lenient['p']:.3f} R {lenient['r']:.3f} F1 {lenient['f']:.3f}")
    i = result["incidents"]
    lines.append(f"incidents gold {i['gold']} predicted {i['predicted']} recall {i['recall']:.3f} precision {i['precision']:.3f}")
    lines.append("main incident: " + "  ".join(f"{k} {v:.2f}" for k, v in i["main_incident_field_accuracy"].items()))
    lines.append(f"entity_f1 {s['f']:.4f}")
    return "\n".join(lines)
