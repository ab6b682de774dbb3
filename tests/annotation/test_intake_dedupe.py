import pytest
from django.core.exceptions import ValidationError

from annotation.intake import dedupe
from annotation.models import Article
from annotation.services.intake import article_ingest

BASE = (
    "أعلنت خلية الإعلام الأمني قتل عنصرين من عناصر تنظيم داعش في منطقة وادي زغيتون ضمن قاطع عمليات كركوك. "
    "وقالت الخلية في بيان إن العملية تمت بالتنسيق بين الاستخبارات العسكرية وخلية الاستهداف في قيادة العمليات المشتركة. "
    "وذكر البيان أن العملية نفذتها القوات الجوية العراقية بواسطة طائرات إف 16 التي وجهت ضربات جوية لهؤلاء الإرهابيين. "
    "وأكد البيان أن القوات العراقية ستستمر بملاحقة فلول تنظيم داعش الإرهابي لحين استئصال الإرهاب من البلاد."
)
OTHER = (
    "اندلعت اشتباكات عنيفة بين قوات الأمن ومسلحين مجهولين في الجانب الأيمن من مدينة الموصل مساء أمس. "
    "وأفاد شهود عيان بسماع دوي انفجارات متتالية قرب السوق القديم وانتشار كثيف للقوات في الشوارع المحيطة. "
    "وقالت مصادر طبية إن المستشفى الجمهوري استقبل عدداً من الجرحى بينهم مدنيون أصيبوا بشظايا. "
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن فيما فتحت السلطات تحقيقاً في الحادث."
)
EDITED = BASE.replace("وادي زغيتون", "وادي الزغيتون").replace("البلاد.", "البلاد بحسب البيان.")


def test_simhash_is_signed_64_bit_and_stable():
    value = dedupe.simhash(BASE)
    assert -(2**63) <= value < 2**63
    assert value == dedupe.simhash(BASE)


def test_near_duplicate_is_close_and_other_text_far():
    assert dedupe.distance(dedupe.simhash(BASE), dedupe.simhash(EDITED)) <= dedupe.MAX_BITS
    assert dedupe.distance(dedupe.simhash(BASE), dedupe.simhash(OTHER)) > dedupe.MAX_BITS


def test_normalisation_ignores_diacritics_and_alef_forms():
    assert dedupe.simhash("قُتِلَ أربعةُ جنودٍ في كمينٍ قربَ إربيل اليوم") == dedupe.simhash("قتل اربعة جنود في كمين قرب اربيل اليوم")


def test_index_finds_exact_then_near():
    index = dedupe.FingerprintIndex(
        [(1, dedupe.content_hash(BASE), dedupe.simhash(BASE)), (2, dedupe.content_hash(OTHER), dedupe.simhash(OTHER))]
    )
    assert [(m.key, m.kind) for m in index.find(dedupe.content_hash(BASE), dedupe.simhash(BASE))] == [(1, "exact")]
    assert [(m.key, m.kind) for m in index.find(dedupe.content_hash(EDITED), dedupe.simhash(EDITED))] == [(1, "near")]


def test_content_hash_matches_the_model():
    assert dedupe.content_hash(BASE + "  \n") == Article.hash_body(BASE)


def test_ingest_stores_fingerprints(editor):
    result = article_ingest(text=BASE, imported_by=editor)
    article = Article.objects.get()
    assert result.articles == [article]
    assert article.simhash == dedupe.simhash(BASE)
    assert article.content_hash == Article.hash_body(BASE)
    assert article.imported_by == editor


def test_exact_duplicate_is_shown_before_saving(editor):
    first = article_ingest(text=BASE, imported_by=editor).articles[0]
    result = article_ingest(text=BASE, imported_by=editor)
    assert result.needs_confirmation
    assert [(d.kind, d.article.pk, d.similarity) for d in result.duplicates] == [("exact", first.pk, 1.0)]
    assert Article.objects.count() == 1


def test_near_duplicate_is_shown_with_its_similarity(editor):
    first = article_ingest(text=BASE, imported_by=editor).articles[0]
    result = article_ingest(text=EDITED, imported_by=editor)
    assert [(d.kind, d.article.pk) for d in result.duplicates] == [("near", first.pk)]
    assert 0.7 < result.duplicates[0].similarity < 1.0
    assert Article.objects.count() == 1


def test_force_saves_the_duplicate(editor):
    article_ingest(text=BASE, imported_by=editor)
    result = article_ingest(text=BASE, imported_by=editor, force=True)
    assert len(result.articles) == 1
    assert Article.objects.count() == 2


def test_same_url_is_a_duplicate_and_the_forced_copy_drops_the_url(editor):
    first = article_ingest(text=BASE, url="https://news.test/1", imported_by=editor).articles[0]
    result = article_ingest(text=OTHER, url="https://news.test/1", imported_by=editor)
    assert [(d.kind, d.article.pk) for d in result.duplicates] == [("url", first.pk)]
    saved = article_ingest(text=OTHER, url="https://news.test/1", imported_by=editor, force=True).articles[0]
    assert saved.url == ""
    assert saved.body == OTHER


def test_unrelated_text_is_not_a_duplicate(editor):
    article_ingest(text=BASE, imported_by=editor)
    result = article_ingest(text=OTHER, imported_by=editor)
    assert result.duplicates == []
    assert len(result.articles) == 1


def test_duplicate_check_uses_a_fixed_number_of_queries(editor, django_assert_num_queries):
    from annotation.services.intake import Candidate, find_duplicates

    for i in range(5):
        article_ingest(text=f"{OTHER} رقم {i} " + " ".join(["كلمة"] * i), imported_by=editor, force=True, tag=False)
    candidates = [Candidate(body=BASE, url="https://news.test/x"), Candidate(body=OTHER)]
    for c in candidates:
        c.fingerprint()
    with django_assert_num_queries(3):  # fingerprints, URLs, the matched articles
        found = find_duplicates(candidates)
    assert [d.index for d in found] == [1]


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_input_is_refused(editor, text):
    with pytest.raises(ValidationError) as err:
        article_ingest(text=text, imported_by=editor)
    assert err.value.code == "empty"
    assert Article.objects.count() == 0


def test_over_long_input_is_refused(editor, settings):
    settings.MARSAD_MAX_ARTICLE_CHARS = 100
    with pytest.raises(ValidationError) as err:
        article_ingest(text=BASE, imported_by=editor)
    assert err.value.code == "too_long"
    assert Article.objects.count() == 0


def test_single_paste_is_tagged_at_once(editor):
    article = article_ingest(text=BASE, imported_by=editor).articles[0]
    article.refresh_from_db()
    assert article.tagging_status == Article.TaggingStatus.DONE
    assert article.mentions.filter(text="كركوك", label="LOC").exists()


def test_seed_page_is_saved_as_two_tagged_articles(editor):
    from tests.conftest import shared_path

    text = shared_path("seeds", "seed-article.txt").read_text(encoding="utf-8")
    articles = article_ingest(text=text, imported_by=editor).articles
    assert [a.title for a in articles] == ["", "القوات العراقية تقتل عنصرين من تنظيم داعش في كركوك"]
    assert [str(a.published_at) for a in articles] == ["2024-02-08", "None"]
    assert all(a.tagging_status == Article.TaggingStatus.DONE for a in articles)
    assert articles[1].mentions.count() > 0


def test_skip_duplicates_saves_only_new_articles(editor):
    article_ingest(text=BASE, imported_by=editor)
    page = f"{BASE}\n\nإقرأ أيضاً:\n\nاشتباكات في الموصل\n\n{OTHER}"
    result = article_ingest(text=page, imported_by=editor, skip_duplicates=True)
    assert [a.body for a in result.articles] == [OTHER]
    assert result.new_count == 1
    assert Article.objects.count() == 2


def test_the_seed_pages_outlet_is_detected_and_filed_once(editor):
    from annotation.models import Source
    from tests.conftest import shared_path

    text = shared_path("seeds", "seed-article.txt").read_text(encoding="utf-8")
    first, second = article_ingest(text=text, imported_by=editor).articles
    # "المصدر: شبكة اخبار العراق" closes the page's article; the article split off the same page is the same site's.
    assert (first.source.name, second.source_id, Source.objects.count()) == ("شبكة اخبار العراق", first.source_id, 1)
    Article.objects.all().delete()
    Source.objects.all().delete()
    outlet = Source.objects.create(name="شبكة أخبار العراق")  # spelled with hamza: the same outlet, no second source
    first, second = article_ingest(text=text, imported_by=editor).articles
    assert (first.source, second.source, Source.objects.count()) == (outlet, outlet, 1)
