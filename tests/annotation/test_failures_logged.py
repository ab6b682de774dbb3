"""Optional helpers that fail (trafilatura on odd markup, a broken Farasa) are logged, and the work goes on."""

import logging

import trafilatura

from annotation.intake.extract import extract_html
from annotation.nlp.farasa import FarasaNER


def test_trafilatura_failure_is_logged_and_the_page_still_read(monkeypatch, caplog):
    def explode(*args, **kwargs):
        raise ValueError("odd markup")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with caplog.at_level(logging.WARNING, logger="marsad.intake"):
        page = extract_html("<html><title>عنوان</title><body><p>سقطت قذيفة على السوق.</p></body></html>", url="https://news.test/1")
    assert page.text.strip() == "عنوانسقطت قذيفة على السوق."
    [record] = [r for r in caplog.records if r.name == "marsad.intake"]
    assert record.getMessage() == "trafilatura failed on https://news.test/1; falling back to tag stripping"
    assert record.exc_info[0] is ValueError


def test_farasa_failure_is_logged_and_costs_only_its_suggestions(caplog):
    class Broken:
        def recognize(self, text):
            raise RuntimeError("jar crashed")

    with caplog.at_level(logging.WARNING, logger="marsad.engine"):
        assert FarasaNER(Broken()).spans("نص قصير") == []
    [record] = [r for r in caplog.records if r.name == "marsad.engine"]
    assert record.getMessage() == "Farasa NER failed on a text of 7 characters"
    assert record.exc_info[0] is RuntimeError


def test_farasa_directory_without_a_jar_is_logged(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("FARASA_BIN", str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="marsad.engine"):
        assert FarasaNER.from_env() is None
    assert [r.getMessage() for r in caplog.records if r.name == "marsad.engine"] == [
        f"FARASA_BIN={tmp_path} has no NER jar; tagging without Farasa"
    ]
