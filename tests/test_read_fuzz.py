"""The readers under random input (hypothesis): never a traceback, one line per bad input.

Each case writes a generated file between two good ones and reads the three as a
batch: every item is a document or a one-line rejection naming the bad file, and the
good files around it are still read. The number of cases each property tries is
fixed (``CASES``) and the cases are the same on every run (``derandomize``), so the
suite stays fast and a failure repeats.
"""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import warc_record
from dateline.pipeline.run import outcomes_of
from dateline.read import iter_documents, read_stream
from dateline.records import Article, RawDocument, Rejected
from dateline.settings import Settings

#: Cases tried per property (each one reads three files).
CASES = 30

FUZZ = settings(max_examples=CASES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])

PAGE = ("<html><head><title>Dam repairs begin</title></head><body><article><h1>Dam "
        "repairs begin</h1><p>Engineers began repairing the river dam on Monday after "
        "floods cracked its northern wall, the water board said.</p><p>Repairs will "
        "take six weeks and cost about 2 million euros, officials said.</p></article>"
        "</body></html>")
GOOD = "Dam repairs begin\n\n" + "Engineers began repairing the river dam on Monday. " * 5


def _valid_inputs() -> list[bytes]:
    """Well-formed inputs of every format, for the strategies to break."""
    jsonl = "".join(json.dumps({"url": f"https://example.org/{n}", "html": PAGE}) + "\n"
                    for n in range(2)).encode()
    warc = b"".join(warc_record(f"https://example.org/{n}", PAGE.encode()) for n in range(2))
    return [PAGE.encode(), GOOD.encode(), jsonl, warc, gzip.compress(warc),
            gzip.compress(jsonl), gzip.compress(PAGE.encode()),
            json.dumps([{"text": GOOD}, {"html": PAGE}]).encode()]


VALID = _valid_inputs()


@st.composite
def broken(draw) -> bytes:
    """A valid input cut short, with bytes flipped, or with junk spliced in."""
    data = bytearray(draw(st.sampled_from(VALID)))
    how = draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        return bytes(data[:draw(st.integers(0, len(data)))])
    if how == "flip":
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    at = draw(st.integers(0, len(data)))
    return bytes(data[:at]) + draw(st.binary(max_size=200)) + bytes(data[at:])


@st.composite
def mixed_encodings(draw) -> bytes:
    """Text whose parts are encoded differently (a page pasted from several sources)."""
    parts = draw(st.lists(st.tuples(st.text(max_size=60),
                                    st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16",
                                                     "shift_jis", "koi8-r"])),
                          min_size=1, max_size=6))
    data = b"".join(text.encode(codec, "replace") for text, codec in parts)
    head = draw(st.sampled_from([b"", b"<html><body><p>", b'{"text": "', b"\xef\xbb\xbf"]))
    return head + data


@st.composite
def jsonl_lines(draw) -> bytes:
    """JSON Lines of any JSON values (objects with odd fields among them) and junk."""
    values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                          lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.sampled_from(["html", "text", "url", "title",
                                                             "published", "x"]), inner,
                                            max_size=4),
                          max_leaves=8)
    lines = draw(st.lists(values.map(json.dumps) | st.text(max_size=40), max_size=6))
    return ("{" + "\n".join(lines)).encode("utf-8", "surrogatepass")


def _read_batch(folder: Path, bad: bytes, name: str) -> list[RawDocument | Rejected]:
    (folder / "a-good.txt").write_text(GOOD)
    (folder / name).write_bytes(bad)
    (folder / "z-good.html").write_text(PAGE)
    return list(iter_documents([folder / "a-good.txt", folder / name, folder / "z-good.html"]))


def _check(items: list[RawDocument | Rejected], bad_name: str) -> None:
    """The good files are read; what came of the bad one names it on one line."""
    assert isinstance(items[0], RawDocument) and items[0].origin.endswith("a-good.txt")
    assert isinstance(items[-1], RawDocument) and items[-1].origin.endswith("z-good.html")
    for item in items[1:-1]:
        assert isinstance(item, RawDocument | Rejected)
        assert bad_name in item.origin
        if isinstance(item, Rejected):
            assert "\n" not in str(item) and item.reason.strip()


@pytest.mark.parametrize("strategy", [
    pytest.param(st.binary(max_size=3000), id="random-bytes"),
    pytest.param(broken(), id="truncated-flipped-spliced"),
    pytest.param(mixed_encodings(), id="mixed-encodings"),
    pytest.param(jsonl_lines(), id="json-lines"),
])
def test_readers_never_raise_and_the_batch_goes_on(strategy, tmp_path_factory):
    @FUZZ
    @given(data=strategy)
    def case(data: bytes) -> None:
        folder = tmp_path_factory.mktemp("fuzz")
        _check(_read_batch(folder, data, "m-fuzzed"), "m-fuzzed")

    case()


@FUZZ
@given(data=broken())
def test_standard_input_never_raises(data):
    import io

    for item in read_stream(io.BytesIO(data), "<stdin>", "-"):
        assert isinstance(item, RawDocument | Rejected) and "<stdin>" in item.origin


@FUZZ
@given(data=st.sampled_from(VALID), cut=st.integers(1, 60))
def test_broken_gzip_is_one_rejection(data, cut, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gzip")
    packed = gzip.compress(data)
    broken_gzip = packed[:-cut] if cut < len(packed) else packed[:10]
    items = _read_batch(folder, broken_gzip, "m-broken.gz")
    _check(items, "m-broken.gz")


@pytest.mark.parametrize("html", [
    pytest.param("<div>" * 20000 + "deep" + "</div>" * 20000, id="deep"),
    pytest.param("<html><body>" + "<p>Engineers repaired the dam on Monday.</p>" * 5000
                 + "</body></html>", id="huge"),
    pytest.param("<html><body><p>" + "&#0;&#xD800;&#x110000;\x00\x0b" * 500 + "</p>",
                 id="bad-characters"),
    pytest.param("<html>" + "<table><tr><td>" * 3000, id="unclosed"),
])
def test_deep_or_huge_html_is_an_article_or_one_line(html, tmp_path):
    """The article layer (trafilatura, lxml) over pathological pages: no traceback."""
    (tmp_path / "page.html").write_text(html, encoding="utf-8", errors="surrogatepass")
    items = list(iter_documents([tmp_path / "page.html"]))
    for outcome in outcomes_of(items, Settings()):
        assert isinstance(outcome.result, Article | Rejected)
        if isinstance(outcome.result, Rejected):
            assert "\n" not in str(outcome.result) and "page.html" in outcome.result.origin


def test_a_zlib_bomb_in_a_warc_record_is_refused(tmp_path):
    """A deflate payload that would inflate past the limit is one rejection."""
    bomb = zlib.compress(b"<p>" + b"a" * 5_000_000)
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n"
            b"Content-Length: " + str(len(bomb)).encode() + b"\r\n\r\n" + bomb)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/b\r\n"
            b"WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n")
    (tmp_path / "bomb.warc").write_bytes(head + http + b"\r\n\r\n")
    (item,) = iter_documents([tmp_path / "bomb.warc"], max_bytes=1_000_000)
    assert isinstance(item, Rejected) and "size limit" in item.reason
