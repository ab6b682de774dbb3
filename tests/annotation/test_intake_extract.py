import datetime

from annotation.intake.extract import Kind, classify, extract_html, looks_like_html, parse_dateline, sanitize_html, strip_stamp
from annotation.intake.split import split_articles


def test_stamp_prefix_is_removed_and_the_rest_kept():
    line = "آخر تحديث: 8 فبراير 2024 - 11:09 ص بغداد/ شبكة أخبار العراق- أكد المتحدث"
    assert strip_stamp(line) == "بغداد/ شبكة أخبار العراق- أكد المتحدث"


def test_stamp_alone_on_a_line_is_a_separator_without_text():
    line = classify("تاريخ النشر: 12/03/2025 10:30 م")
    assert line.kind is Kind.STAMP
    assert line.text == ""


def test_sentence_starting_like_a_stamp_word_without_a_date_is_text():
    assert classify("تحديث المناهج الدراسية في بغداد يثير الجدل").kind is Kind.TEXT


def test_dateline_is_removed_from_a_first_paragraph():
    assert parse_dateline("بغداد/ شبكة أخبار العراق- أكد المتحدث باسم قيادة العمليات").rest == "أكد المتحدث باسم قيادة العمليات"


def test_dateline_needs_text_after_it():
    assert parse_dateline("بغداد/ شبكة أخبار العراق-").rest == "بغداد/ شبكة أخبار العراق-"


def test_source_read_more_and_related_lines_are_classified():
    assert classify("المصدر: شبكة اخبار العراق").kind is Kind.SOURCE
    assert classify("إقرأ أيضاً:").kind is Kind.READ_MORE
    assert classify("اقرأ ايضا").kind is Kind.READ_MORE
    assert classify("اقرأ أيضاً: عنوان مقال آخر في الموقع").kind is Kind.CHROME
    assert classify("مقالات مشابهة").kind is Kind.RELATED
    assert classify("مواضيع ذات صلة:").kind is Kind.RELATED
    assert classify("  • ترجيحات بمقتل أبو مثنى.. آخر ما تبقى من قيادات ولاية كركوك").kind is Kind.BULLET


def test_share_and_comment_lines_are_chrome():
    assert classify("شارك على فيسبوك").kind is Kind.CHROME
    assert classify("أضف تعليقاً").kind is Kind.CHROME
    assert classify("Facebook Twitter WhatsApp").kind is Kind.CHROME


def test_tags_copyright_and_breadcrumb_lines_are_chrome():
    assert classify("الكلمات المفتاحية: العراق، كركوك، داعش").kind is Kind.CHROME
    assert classify("الوسوم: أمن").kind is Kind.CHROME
    assert classify("© 2024 جميع الحقوق محفوظة لشبكة أخبار العراق").kind is Kind.CHROME
    assert classify("الرئيسية » أخبار » أمن").kind is Kind.CHROME
    assert classify("حجم الخط").kind is Kind.CHROME


def test_long_sentence_mentioning_a_share_word_is_kept():
    line = "وقال المتحدث إن القوات شاركت في عملية واسعة لتطهير المنطقة من بقايا التنظيم الإرهابي"
    assert classify(line).kind is Kind.TEXT


def test_glued_sentences_get_a_space():
    assert classify("تطور كبير بين الجانبين.وقال الخفاجي إن التعاون مستمر").text == "تطور كبير بين الجانبين. وقال الخفاجي إن التعاون مستمر"


def test_chrome_lines_are_dropped_from_a_pasted_article():
    text = "آخر تحديث: 1 مارس 2025 - 10:00 ص\nانفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة صباح اليوم.\nشارك\n\nالمصدر: وكالة الأنباء"
    assert [(a.title, a.body) for a in split_articles(text)] == [("", "انفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة صباح اليوم.")]


HTML = """<html><head><title>انفجار في بعقوبة</title>
<meta property="article:published_time" content="2025-03-14T08:00:00Z"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article><h1>انفجار في بعقوبة</h1>
<p>انفجرت عبوة ناسفة في سوق شعبي وسط مدينة بعقوبة مركز محافظة ديالى صباح اليوم الجمعة ما أدى إلى مقتل ثلاثة مدنيين.</p>
<p>وقال مصدر أمني إن قوة من الشرطة طوقت المكان وفتحت تحقيقاً في الحادث بينما نقل الجرحى إلى المستشفى.</p>
</article><footer>جميع الحقوق محفوظة</footer><script>alert(1)</script></body></html>"""


def test_html_main_text_and_metadata():
    page = extract_html(HTML, url="https://news.test/a/1")
    assert page.title == "انفجار في بعقوبة"
    assert page.published == datetime.date(2025, 3, 14)
    assert page.url == "https://news.test/a/1"
    assert page.text.startswith("انفجرت عبوة ناسفة")
    assert "الرئيسية" not in page.text
    assert "جميع الحقوق" not in page.text


def test_looks_like_html():
    assert looks_like_html(HTML)
    assert not looks_like_html("نص عادي مع علامة < واحدة")


def test_sanitize_html_drops_scripts():
    assert "<script" not in sanitize_html(HTML)
    assert "انفجرت" in sanitize_html(HTML)
