import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annotation.models import Article, ImportBatch
from tests.annotation._intake_server import closed_port_url
from tests.conftest import shared_path

A = "انفجرت عبوة ناسفة في سوق شعبي وسط مدينة بعقوبة مركز محافظة ديالى صباح اليوم ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين."
B = "اندلعت اشتباكات عنيفة بين قوات الأمن ومسلحين مجهولين في الجانب الأيمن من مدينة الموصل مساء أمس واستمرت حتى ساعات الفجر الأولى."


@pytest.fixture
def url():
    return reverse("annotation:intake")


@pytest.fixture
def client_editor(client, editor):
    client.force_login(editor)
    return client


def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_user_without_permission_is_refused(client, outsider, url):
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    assert client.post(url, {"text": A}).status_code == 403
    assert Article.objects.count() == 0


def test_form_page(client_editor, url):
    response = client_editor.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="text"' in html
    assert 'dir="auto"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "js/intake.js" in html


def test_single_paste_goes_to_the_review_screen(client_editor, url, editor):
    response = client_editor.post(url, {"text": A})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("annotation:review", kwargs={"pk": article.pk})
    assert article.imported_by == editor
    assert article.tagging_status == Article.TaggingStatus.DONE


def test_seed_page_lists_the_two_articles(client_editor, url):
    text = shared_path("seeds", "seed-article.txt").read_text(encoding="utf-8")
    response = client_editor.post(url, {"text": text}, follow=True)
    first, second = Article.objects.order_by("pk")
    assert response.redirect_chain[0][0] == reverse("annotation:intake_done") + f"?ids={first.pk},{second.pk}"
    html = response.content.decode()
    assert reverse("annotation:review", kwargs={"pk": first.pk}) in html
    assert reverse("annotation:review", kwargs={"pk": second.pk}) in html
    assert "القوات العراقية تقتل عنصرين من تنظيم داعش في كركوك" in html


def test_paste_with_metadata(client_editor, url, make_article):
    source = make_article(body=B).source
    client_editor.post(url, {"text": A, "title": "انفجار", "url": "https://n.test/a", "source": source.pk, "published_at": "2025-03-14"})
    article = Article.objects.get(body=A)
    assert (article.title, article.url, article.source, str(article.published_at)) == ("انفجار", "https://n.test/a", source, "2025-03-14")


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_empty_paste_is_refused_and_the_form_kept(client_editor, url, text):
    response = client_editor.post(url, {"text": text, "title": "عنوان محفوظ"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no text to import" in html
    assert 'value="عنوان محفوظ"' in html
    assert Article.objects.count() == 0


def test_ten_megabyte_paste_is_refused_with_the_text_kept(client_editor, url):
    text = "كلمة " * (10 * 1024 * 1024 // len("كلمة ".encode()))  # 10 MB of UTF-8
    assert 10 * 1024 * 1024 - 9 <= len(text.encode()) <= 10 * 1024 * 1024
    response = client_editor.post(url, {"text": text})
    assert response.status_code == 200
    assert "the limit is 200,000 per article" in response.content.decode()
    assert response.context["form"]["text"].value() == text
    assert Article.objects.count() == 0


def test_request_over_the_upload_limit_gets_a_clear_page(client_editor, url, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client_editor.post(url, {"text": A * 20})
    assert response.status_code == 413
    assert "larger than the" in response.content.decode()


def test_binary_upload_is_refused(client_editor, url):
    upload = SimpleUploadedFile("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", content_type="text/plain")
    response = client_editor.post(url, {"file": upload, "title": "محفوظ"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "binary" in html
    assert 'value="محفوظ"' in html
    assert Article.objects.count() == 0


def test_windows_1256_upload_is_decoded(client_editor, url):
    upload = SimpleUploadedFile("old.txt", A.encode("cp1256"), content_type="text/plain")
    response = client_editor.post(url, {"file": upload})
    assert response.status_code == 302
    assert Article.objects.get().body == A


def test_unsupported_file_type(client_editor, url):
    upload = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    response = client_editor.post(url, {"file": upload})
    assert "are not supported" in response.content.decode()
    assert Article.objects.count() == 0


def test_jsonl_upload_reports_rows(client_editor, url):
    content = "\n".join([json.dumps({"text": A}, ensure_ascii=False), "{oops", json.dumps({"text": B}, ensure_ascii=False)])
    response = client_editor.post(url, {"file": SimpleUploadedFile("rows.jsonl", content.encode())})
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("annotation:batch_detail", kwargs={"pk": batch.pk})
    page = client_editor.get(response["Location"])
    html = page.content.decode()
    assert [e["status"] for e in batch.report] == ["imported", "refused", "imported"]
    assert "not valid JSON" in html
    assert "Tagging finished" in html
    assert Article.objects.count() == 2


def test_malformed_csv_row_is_reported_and_others_imported(client_editor, url):
    content = f'text,title\n"{A}",أ\nwrong,number,of,columns\n"{B}",ب\n'
    response = client_editor.post(url, {"file": SimpleUploadedFile("rows.csv", content.encode())}, follow=True)
    html = response.content.decode()
    assert "4 columns instead of 2" in html
    assert Article.objects.count() == 2


def test_batch_progress_fragment_for_htmx(client_editor, editor):
    batch = ImportBatch.objects.create(
        created_by=editor, filename="rows.jsonl", total=10, tagged=4, report=[{"row": 1, "status": "imported", "articles": []}]
    )
    url = reverse("annotation:batch_detail", kwargs={"pk": batch.pk})
    full = client_editor.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in full
    assert "Reload" in full
    assert "htmx.min.js" in full
    fragment = client_editor.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith("<section")
    assert 'value="4"' in fragment
    assert "<html" not in fragment


def test_finished_batch_stops_polling(client_editor, editor):
    batch = ImportBatch.objects.create(created_by=editor, total=3, tagged=3)
    html = client_editor.get(reverse("annotation:batch_detail", kwargs={"pk": batch.pk})).content.decode()
    assert "hx-trigger" not in html


def test_url_fetch_failing_offline_keeps_the_form(client_editor, url, settings):
    settings.MARSAD_FETCH_TIMEOUT = 2
    address = closed_port_url()
    response = client_editor.post(url, {"url": address, "title": "محفوظ"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "could not be reached" in html
    assert address in html
    assert Article.objects.count() == 0


def test_non_http_url_is_refused(client_editor, url):
    response = client_editor.post(url, {"url": "file:///etc/passwd"})
    assert "Only http:// and https://" in response.content.decode()


def test_duplicate_is_confirmed_before_saving(client_editor, url):
    client_editor.post(url, {"text": A})
    original = Article.objects.get()
    response = client_editor.post(url, {"text": A, "title": "نسخة"})
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("annotation:intake_confirm") in html
    assert reverse("annotation:review", kwargs={"pk": original.pk}) in html
    assert "Save anyway" in html
    assert Article.objects.count() == 1
    form = response.context["form"]
    assert (form["text"].value(), form["title"].value()) == (A, "نسخة")
    assert "Save only the" not in html  # nothing in the paste is new
    saved = client_editor.post(reverse("annotation:intake_confirm"), {"text": A, "title": "نسخة", "mode": "all"})
    assert saved.status_code == 302
    assert Article.objects.count() == 2
    assert Article.objects.latest("pk").title == "نسخة"


def test_uploaded_duplicate_carries_its_text_to_the_confirmation(client_editor, url):
    client_editor.post(url, {"text": A})
    response = client_editor.post(url, {"file": SimpleUploadedFile("a.txt", A.encode())})
    assert response.context["form"]["text"].value() == A


def test_confirm_requires_post(client_editor):
    assert client_editor.get(reverse("annotation:intake_confirm")).status_code == 405


def test_nav_links_to_intake(client_editor):
    html = client_editor.get(reverse("incidents:list")).content.decode()
    assert f'<a class="nav-link" href="{reverse("annotation:intake")}">' in html


def test_save_only_the_new_articles_of_a_page(client_editor, url):
    client_editor.post(url, {"text": A})
    page = f"{A}\n\nإقرأ أيضاً:\n\nاشتباكات في الموصل\n\n{B}"
    response = client_editor.post(url, {"text": page})
    html = response.content.decode()
    assert "Save only the new article" in html
    saved = client_editor.post(reverse("annotation:intake_confirm"), {"text": page, "mode": "new"})
    new = Article.objects.latest("pk")
    assert saved["Location"] == reverse("annotation:review", kwargs={"pk": new.pk})
    assert (new.title, new.body) == ("اشتباكات في الموصل", B)
    assert Article.objects.count() == 2


def test_confirm_without_a_choice_shows_the_duplicates_again(client_editor, url):
    client_editor.post(url, {"text": A})
    response = client_editor.post(reverse("annotation:intake_confirm"), {"text": A})
    assert "Save anyway" in response.content.decode()
    assert Article.objects.count() == 1


def test_tag_now_tags_a_waiting_batch(client_editor, editor):
    from annotation.intake.files import FileContent
    from annotation.services.intake import batch_import

    batch = batch_import(upload=FileContent("jsonl", json.dumps({"text": A}, ensure_ascii=False), "a.jsonl"), user=editor, enqueue=False)
    url = reverse("annotation:batch_detail", kwargs={"pk": batch.pk})
    assert reverse("annotation:batch_tag_now", kwargs={"pk": batch.pk}) in client_editor.get(url).content.decode()
    response = client_editor.post(reverse("annotation:batch_tag_now", kwargs={"pk": batch.pk}))
    assert response["Location"] == url
    batch.refresh_from_db()
    assert (batch.tagged, batch.total) == (1, 1)
    assert Article.objects.get().tagging_status == Article.TaggingStatus.DONE


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_intake_page_queries_do_not_grow_with_batches_and_sources(client_editor, editor, url):
    from annotation.models import Source

    ImportBatch.objects.create(created_by=editor, filename="a.jsonl")
    Source.objects.create(name="مصدر 1", feed_url="https://n.test/1.xml")
    few = _queries(client_editor, url)
    for i in range(8):
        ImportBatch.objects.create(created_by=editor, filename=f"b{i}.jsonl")
        Source.objects.create(name=f"مصدر {i + 2}", feed_url=f"https://n.test/{i + 2}.xml")
    assert _queries(client_editor, url) == few


def test_batch_page_queries_do_not_grow_with_rows(client_editor, editor):
    small = ImportBatch.objects.create(created_by=editor, total=1, tagged=1, report=[{"row": 1, "status": "imported", "articles": [1]}])
    big = ImportBatch.objects.create(
        created_by=editor, total=50, tagged=50, report=[{"row": n, "status": "imported", "articles": [n]} for n in range(1, 51)]
    )
    assert _queries(client_editor, reverse("annotation:batch_detail", kwargs={"pk": big.pk})) == _queries(
        client_editor, reverse("annotation:batch_detail", kwargs={"pk": small.pk})
    )


def test_done_page_queries_do_not_grow_with_articles(client_editor, make_article):
    ids = [make_article(body=f"{A} {i}").pk for i in range(6)]
    done = reverse("annotation:intake_done")
    assert _queries(client_editor, f"{done}?ids={ids[0]}") == _queries(client_editor, f"{done}?ids={','.join(map(str, ids))}")


def test_pasted_html_is_reduced_to_its_main_text(client_editor, url):
    html = (
        "<html><head><title>انفجار في بعقوبة</title><script>steal()</script></head><body><nav>الرئيسية | أخبار</nav>"
        f"<article><h1>انفجار في بعقوبة</h1><p>{A}</p><p>{B}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    response = client_editor.post(url, {"text": html})
    article = Article.objects.get()
    assert response.status_code == 302
    assert article.title == "انفجار في بعقوبة"
    assert article.body == f"{A}\n\n{B}"
    assert "<script" not in article.raw_html
    assert "<article>" in article.raw_html


def test_docx_upload(client_editor, url):
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(A)
    document.add_paragraph(B)
    out = io.BytesIO()
    document.save(out)
    client_editor.post(url, {"file": SimpleUploadedFile("report.docx", out.getvalue())})
    assert Article.objects.get().body == f"{A}\n\n{B}"


def test_published_date_is_kept_in_iso_form_for_the_date_picker(client_editor, url):
    response = client_editor.post(url, {"text": "", "published_at": "2025-03-14"})
    assert 'value="2025-03-14"' in response.content.decode()


def test_feed_poll_from_the_intake_page(client_editor, url, settings):
    from annotation.models import Source
    from tests.annotation._intake_server import LocalServer

    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>انفجار</title><link>https://n.test/1</link><description>{A}</description></item></channel></rss>"
    )
    server = LocalServer()
    try:
        source = Source.objects.create(name="وكالة", feed_url=server.add("/rss", rss, "application/rss+xml"))
        assert "Fetch new entries" in client_editor.get(url).content.decode()
        response = client_editor.post(reverse("annotation:feed_poll"), {"source": source.pk})
    finally:
        server.close()
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("annotation:batch_detail", kwargs={"pk": batch.pk})
    assert Article.objects.get().url == "https://n.test/1"


def test_feed_poll_offline_shows_a_message(client_editor, url, settings):
    from annotation.models import Source

    settings.MARSAD_FETCH_TIMEOUT = 2
    source = Source.objects.create(name="وكالة", feed_url=closed_port_url())
    response = client_editor.post(reverse("annotation:feed_poll"), {"source": source.pk}, follow=True)
    assert "could not be reached" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_feed_batch_without_new_entries_says_so(client_editor, editor):
    batch = ImportBatch.objects.create(created_by=editor, kind="feed", filename="https://n.test/rss")
    html = client_editor.get(reverse("annotation:batch_detail", kwargs={"pk": batch.pk})).content.decode()
    assert "No new entries in the feed since the last poll." in html
