"""annotation knows nothing of the apps above it, also where import-linter cannot look: model lookups by
name, URL names in templates, module paths in strings. (Python imports are checked by `make lint`.)"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UPPER = re.compile(r"""get_model\(\s*["']incidents|["']incidents[.:]|{%\s*url\s+["'](?:workflow|incidents|data):""")


def _offenders(paths):
    return sorted(
        f"{p.relative_to(ROOT)}:{n}" for p in paths for n, line in enumerate(p.read_text("utf-8").splitlines(), 1) if UPPER.search(line)
    )


def test_annotation_code_names_nothing_of_incidents():
    assert _offenders(p for p in (ROOT / "annotation").rglob("*.py") if "migrations" not in p.parts) == []


def test_annotation_templates_link_only_to_annotation():
    assert _offenders((ROOT / "templates" / "annotation").rglob("*.html")) == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.html"
    sample.write_text("""<a href="{% url 'workflow:edit' 1 %}">x</a>\nmodel = apps.get_model("incidents", "Incident")\n""", "utf-8")
    assert len([line for line in sample.read_text("utf-8").splitlines() if UPPER.search(line)]) == 2
