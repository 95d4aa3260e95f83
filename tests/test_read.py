"""Reading inputs: formats recognised by content, and bad input as one clear rejection."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from dateline.read import iter_documents, read_stream
from dateline.read.sniff import decode, sniff_format
from dateline.records import RawDocument, Rejected

HTML = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>"
DUMP = b"A headline about a town\n\nThe town council met on Monday and agreed a budget.\n"


def read_all(*paths, **kwargs):
    return list(iter_documents([str(p) for p in paths], **kwargs))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (HTML, "html"),
        (b"<div><p>one</p><p>two</p><a href=x>three</a></div>", "html"),
        (DUMP, "text"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'{\n  "text": "spread over lines"\n}\n', "json"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (gzip.compress(b"anything"), "gzip"),
    ],
)
def test_format_is_recognised_from_content(head, expected):
    assert sniff_format(head) == expected


def test_html_file_with_wrong_extension_is_read_as_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(HTML)
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument) and doc.kind == "html"


def test_folder_is_read_recursively_and_hidden_files_are_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.html").write_bytes(HTML)
    (tmp_path / "two.txt").write_bytes(DUMP)
    (tmp_path / ".hidden.txt").write_bytes(DUMP)
    docs = read_all(tmp_path)
    assert sorted(d.kind for d in docs) == ["html", "text"]


def test_glob_pattern_expands_to_matching_files(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_bytes(DUMP)
    assert len(read_all(tmp_path / "x*.txt")) == 2


def test_missing_path_is_one_rejection_naming_it(tmp_path):
    [item] = read_all(tmp_path / "nope.html")
    assert isinstance(item, Rejected) and "nope.html" in item.origin


def test_jsonl_gives_one_document_per_line_with_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [{"html": HTML.decode(), "url": "https://a.example/1"},
             {"text": DUMP.decode(), "title": "Given title", "published": "2024-01-02"}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    first, second = read_all(path)
    assert first.kind == "html" and first.url == "https://a.example/1"
    assert second.kind == "text" and second.meta == {"title": "Given title",
                                                     "published": "2024-01-02"}


def test_bad_jsonl_line_is_rejected_and_the_rest_is_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "first ok line of text"}\nnot json\n{"nothing": 1}\n'
                    '{"text": "last ok line"}\n')
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "Rejected",
                                                 "RawDocument"]
    assert "line 2" in items[1].origin and "line 3" in items[2].origin


def test_jsonl_line_over_the_limit_is_rejected_without_stopping(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "ok"}) + "\n")
    big, small = read_all(path, max_bytes=200)
    assert isinstance(big, Rejected) and "size limit" in big.reason
    assert isinstance(small, RawDocument)


def test_warc_response_records_become_documents_with_url_and_date(tmp_path, make_warc):
    path = tmp_path / "crawl.warc"
    path.write_bytes(make_warc([("https://a.example/1", HTML), ("https://a.example/2", HTML)]))
    docs = read_all(path)
    assert [d.url for d in docs] == ["https://a.example/1", "https://a.example/2"]
    assert docs[0].fetched.startswith("2024-05-01T10:00:00")
    assert "record 2" in docs[1].origin


def test_gzipped_warc_is_streamed(tmp_path, make_warc):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(make_warc([("https://a.example/1", HTML)])))
    [doc] = read_all(path)
    assert doc.url == "https://a.example/1"


def test_non_html_warc_record_is_rejected_and_the_next_is_read(tmp_path, make_warc):
    path = tmp_path / "crawl.warc"
    data = make_warc([("https://a.example/img", b"\x89PNG\x00\x01")], content_type="image/png")
    path.write_bytes(data + make_warc([("https://a.example/1", HTML)]))
    rejected, doc = read_all(path)
    assert isinstance(rejected, Rejected) and "not an HTML response" in rejected.reason
    assert doc.url == "https://a.example/1"


def test_warc_record_over_the_limit_is_rejected_per_record(tmp_path, make_warc):
    path = tmp_path / "crawl.warc"
    big = b"<html><body><p>" + b"x" * 5000 + b"</p></body></html>"
    path.write_bytes(make_warc([("https://a.example/big", big), ("https://a.example/1", HTML)]))
    rejected, doc = read_all(path, max_bytes=1000)
    assert isinstance(rejected, Rejected) and "size limit" in rejected.reason
    assert isinstance(doc, RawDocument)


def test_truncated_warc_is_rejected_naming_the_record(tmp_path, make_warc):
    path = tmp_path / "broken.warc"
    path.write_bytes(make_warc([("https://a.example/1", HTML * 5)])[:300])
    items = read_all(path)
    assert items and all(isinstance(i, Rejected) for i in items)
    assert "broken.warc" in items[0].origin


def test_gzipped_html_is_read(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(HTML))
    [doc] = read_all(path)
    assert doc.kind == "html" and "Hello there" in doc.content


def test_gzip_that_expands_past_the_limit_is_refused(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"A line of text that repeats.\n" * 100_000))
    [item] = read_all(path, max_bytes=10_000)
    assert isinstance(item, Rejected) and "expands past the size limit" in item.reason


def test_corrupt_gzip_is_rejected(tmp_path):
    path = tmp_path / "bad.gz"
    path.write_bytes(gzip.compress(DUMP)[:20] + b"\x00garbage")
    [item] = read_all(path)
    assert isinstance(item, Rejected) and "gzip" in item.reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 20, "binary"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    [item] = read_all(path)
    assert isinstance(item, Rejected) and reason in item.reason and "bad.bin" in item.origin


def test_file_over_the_size_limit_is_rejected_unread(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(DUMP * 1000)
    [item] = read_all(path, max_bytes=1000)
    assert isinstance(item, Rejected) and "size limit" in item.reason


def test_latin1_page_with_declared_charset_decodes():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café à Zürich</p></body></html>'
    assert "Café à Zürich" in decode(page.encode("latin-1"))


def test_undecodable_bytes_are_rejected(tmp_path):
    path = tmp_path / "noise.txt"
    # Invalid UTF-8 with no declared charset, arranged so no encoding reads it cleanly.
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    [item] = read_all(path)
    assert isinstance(item, Rejected)


def test_standard_input_is_read_like_a_file():
    stream = io.BytesIO(gzip.compress(HTML))
    [doc] = list(read_stream(stream, "<stdin>", "-"))
    assert doc.kind == "html" and doc.origin == "<stdin>"
