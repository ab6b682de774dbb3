#!/usr/bin/env python3
"""Build static/data/region.geojson: the countries of the Middle East and North Africa (and their
neighbours, for context) from Natural Earth 1:50m, as the npm package world-atlas ships them (TopoJSON),
with Arabic and English names and a label point. The map shows it when no tile server is set.

    .venv/bin/python scripts/build_region_map.py            # fetches world-atlas@2.0.2 with `npm pack`
    .venv/bin/python scripts/build_region_map.py FILE.json  # or reads countries-50m.json given

Runs offline once the package is fetched; the app never fetches anything at run time. Source and
licence: docs/DATA.md ("Maps").
"""

import json
import subprocess
import sys
import tarfile
import tempfile
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotation.nlp.gazetteer import _rows  # noqa: E402 — the engine's country files, no Django needed

WORLD_ATLAS = "world-atlas@2.0.2"
OUT = ROOT / "static" / "data" / "region.geojson"
PRECISION = 2  # decimal degrees: about 1 km, plenty for a regional overview

# ISO 3166-1 numeric → ISO3. "region": labelled, the Middle East and North Africa (the Arab League,
# Turkey, Iran, Israel); "context": neighbours drawn without labels so the coasts and borders read.
REGION = {
    "012": "DZA", "048": "BHR", "818": "EGY", "368": "IRQ", "400": "JOR", "414": "KWT", "422": "LBN",
    "434": "LBY", "478": "MRT", "504": "MAR", "512": "OMN", "275": "PSE", "634": "QAT", "682": "SAU",
    "706": "SOM", "729": "SDN", "760": "SYR", "788": "TUN", "784": "ARE", "887": "YEM", "262": "DJI",
    "174": "COM", "732": "ESH", "792": "TUR", "364": "IRN", "376": "ISR", "728": "SSD", "232": "ERI",
    "148": "TCD", "562": "NER", "466": "MLI", "231": "ETH",
}  # fmt: skip
CONTEXT = {
    "196": "CYP", "300": "GRC", "380": "ITA", "724": "ESP", "620": "PRT", "470": "MLT", "051": "ARM",
    "031": "AZE", "268": "GEO", "004": "AFG", "586": "PAK", "795": "TKM", "100": "BGR", "404": "KEN",
    "140": "CAF", "566": "NGA", "854": "BFA", "686": "SEN", "800": "UGA", "008": "ALB", "807": "MKD",
}  # fmt: skip
NAMES = {"ESH": ("الصحراء الغربية", "Western Sahara")}  # not in the engine's country files
UNNUMBERED = {"Somaliland": "SOM", "N. Cyprus": "CYP"}  # drawn as parts of the country they belong to


def fetch_world_atlas(tmp):
    subprocess.run(["npm", "pack", "--silent", WORLD_ATLAS], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(next(Path(tmp).glob("world-atlas-*.tgz"))) as tar:
        tar.extractall(tmp, filter="data")
    return Path(tmp) / "package" / "countries-50m.json"


def decode_arcs(topology):
    """TopoJSON's quantised, delta-encoded arcs → lists of [lon, lat]."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, PRECISION), round(y * sy + ty, PRECISION)])
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    deduped = [p for j, p in enumerate(points) if j == 0 or p != points[j - 1]]
    return deduped if len(deduped) >= 4 else None


def polygons(geometry, arcs):
    parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    out = []
    for part in parts:
        rings = [r for r in (ring(arcs, indexes) for indexes in part) if r]
        if rings:
            out.append(rings)
    return out


def area(points):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(points))) / 2


def centroid(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [round(sum(ys) / len(ys), 2), round(sum(xs) / len(xs), 2)]


def names():
    """ISO3 → (Arabic, English, [lat, lon] of the country's centre) from the engine's country files."""
    found = {r[2]: (r[0], r[1], None) for r in _rows("cldr_countries.tsv")}
    found.update({r[2]: (r[0], r[1], [float(r[3]), float(r[4])]) for r in _rows("countries.tsv")})
    found.update({iso3: (*pair, None) for iso3, pair in NAMES.items()})
    return found


def label_zoom(area_deg2):
    """The zoom from which a country's name is written: small countries only once there is room."""
    return 0 if area_deg2 >= 8 else 5 if area_deg2 >= 2 else 6


def governorates(countries):
    """Label points of the governorates (first-level divisions) of the region, from the gazetteer:
    Natural Earth's admin-1 boundaries are not in an npm package, so the map names them, from zoom 7."""
    out = []
    for r in _rows("places.tsv"):
        if len(r) > 6 and r[4] == "governorate" and r[2] in countries:
            point = {"type": "Point", "coordinates": [round(float(r[6]), 2), round(float(r[5]), 2)]}
            properties = {"kind": "governorate", "iso3": r[2], "name_ar": r[0], "name_en": r[1], "minzoom": 7}
            out.append({"type": "Feature", "properties": properties, "geometry": point})
    return out


def build(source):
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    by_iso3 = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        number, name = geometry.get("id"), geometry["properties"]["name"]
        iso3 = REGION.get(number) or CONTEXT.get(number) or UNNUMBERED.get(name)
        if iso3 and geometry.get("arcs"):
            by_iso3.setdefault(iso3, []).extend(polygons(geometry, arcs))
    known = names()
    features = []
    for iso3, parts in sorted(by_iso3.items()):
        labelled = iso3 in REGION.values()
        name_ar, name_en, centre = known.get(iso3, ("", iso3, None))
        largest = max(parts, key=lambda rings: area(rings[0]))[0]
        properties = {"kind": "country", "iso3": iso3, "region": labelled}
        if labelled:
            label = centre or centroid(largest)
            properties |= {"name_ar": name_ar, "name_en": name_en, "label": label, "minzoom": label_zoom(area(largest))}
        geometry = {"type": "MultiPolygon", "coordinates": parts}
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    features += governorates(set(REGION.values()))
    collection = {
        "type": "FeatureCollection",
        "source": f"Natural Earth 1:50m admin 0 countries (public domain), via the npm package {WORLD_ATLAS} (ISC)",
        "features": features,
    }
    OUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    kinds = [f["properties"]["kind"] for f in features]
    return kinds.count("country"), sum(f["properties"].get("region", False) for f in features), kinds.count("governorate")


def main():
    if len(sys.argv) > 1:
        total, labelled, named = build(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            total, labelled, named = build(fetch_world_atlas(tmp))
    size = OUT.stat().st_size
    print(f"{OUT.relative_to(ROOT)}: {total} countries ({labelled} of the region, labelled), {named} governorate names, {size:,} bytes")


if __name__ == "__main__":
    main()
