"""No text of the evaluation corpus in the project: fixtures, tests and comments are written for it."""

import json
import re
import subprocess
from pathlib import Path

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parent.parent
RUN = 6  # words in a row that count as copied
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_WORD = re.compile(r"[\w\u0600-\u06ff]+")


def _words(text: str) -> list[str]:
    text = _DIACRITICS.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return _WORD.findall(text)


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    runs = set()
    for i in range(len(words) - RUN + 1):
        run = tuple(words[i : i + RUN])
        if any(_ARABIC.search(w) for w in run):  # code and numbers alone are no quotation
            runs.add(run)
    return runs


def _tracked_texts():
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, names):
        path = ROOT / name.decode()
        try:
            yield path, path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue  # binary files (images, compiled catalogs) and files deleted in the work tree


def test_no_six_word_run_of_the_evaluation_corpus_in_tracked_files():
    corpus = set()
    with open(shared_path("eval", "dev.jsonl"), encoding="utf-8") as fh:
        for line in filter(str.strip, fh):
            row = json.loads(line)
            corpus |= _runs(_words((row.get("title") or "") + "\n" + (row.get("text") or "")))
    copied = {}
    for path, text in _tracked_texts():
        hits = _runs(_words(text)) & corpus
        if hits:
            copied[str(path.relative_to(ROOT))] = len(hits)
    assert copied == {}


def test_the_check_finds_a_copied_run():
    sample = "قال شاهد إن الحافلة توقفت عند الجسر القديم قبل الظهر"
    assert _runs(_words(sample)) & _runs(_words("وأضاف: الحافلة توقفت عند الجسر القديم قبل الظهر بقليل"))
