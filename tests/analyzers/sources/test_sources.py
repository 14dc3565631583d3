"""Reading articles: files, stdin, URLs (a local server only), encodings and bad input."""

from __future__ import annotations

import os
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from analyzers.sources import files as sources
from analyzers.sources import ENGLISH_NOTE, Document, InputError, load_document

ENGLISH = (
    "The harbour board said on Monday that the new ferry would start in May. "
    "“We are ready,” the board’s chair told reporters\u00a0— adding that fares would rise "
    "by 3% — while residents asked why the old pier had been closed for so long.\n"
)

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ferry to start in May | Harbour News</title>
<link rel="stylesheet" href="http://example.invalid/style.css"></head>
<body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article>
<h1>Ferry to start in May</h1>
<p>The harbour board said on Monday that the new ferry would start in May, after two years
of delays and a long argument about who should pay for the new landing stage.</p>
<p>“We are ready,” the board’s chair told reporters. Fares will rise by 3% &amp; the old
pier will stay closed until the repairs are finished next spring.</p>
<p>Residents said they were glad the service was coming back but worried about the cost of
tickets for families who cross the water every day to work and school.</p>
<img src="http://example.invalid/ferry.jpg" alt="The ferry">
</article>
<footer>Copyright Harbour News. All rights reserved. Contact us. Privacy policy.</footer>
</body></html>
"""

NAV_ONLY = """<html><head><title>Shop</title></head><body><nav><ul><li><a href="/a">Products</a>
</li><li><a href="/b">Prices</a></li></ul></nav><footer>Copyright 2024 Example Ltd.</footer>
</body></html>"""


def load_bytes(tmp_path, data: bytes, name: str = "article.txt") -> Document:
    p = tmp_path / name
    p.write_bytes(data)
    return load_document(str(p))


def error_of(target, **kw) -> str:
    with pytest.raises(InputError) as info:
        load_document(str(target), **kw)
    msg = str(info.value)
    assert "\n" not in msg and msg.strip() == msg
    return msg


# -- plain text and encodings --------------------------------------------------------------
@pytest.mark.parametrize("encoding,data", [
    ("utf-8", ENGLISH.encode("utf-8")),
    ("utf-8", b"\xef\xbb\xbf" + ENGLISH.encode("utf-8")),
    ("utf-16", ENGLISH.encode("utf-16")),                      # with BOM, native order
    ("utf-16", b"\xfe\xff" + ENGLISH.encode("utf-16-be")),
    ("utf-16", b"\xff\xfe" + ENGLISH.encode("utf-16-le")),
    ("utf-16", ENGLISH.encode("utf-16-le")),                   # no BOM
    ("utf-32", ENGLISH.encode("utf-32")),
    ("cp1252", ENGLISH.encode("cp1252")),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-bom", "utf16le-nobom",
        "utf32-bom", "cp1252"])
def test_encodings_decode_to_the_exact_text(tmp_path, encoding, data):
    doc = load_bytes(tmp_path, data)
    assert doc.text == ENGLISH  # typographic quotes, dashes and the no-break space kept
    assert doc.encoding == encoding
    assert doc.notes == []
    assert doc.format == "text" and doc.path == str(tmp_path / "article.txt")


def test_latin1_text(tmp_path):
    text = ("Señor García said the café on the square would close, and the naïve plan for "
            "a new façade was dropped. The owner was not happy about it at all.")
    doc = load_bytes(tmp_path, text.encode("latin-1"))
    assert doc.text == text and doc.encoding == "cp1252"


def test_line_endings_unified(tmp_path):
    doc = load_bytes(tmp_path, b"Title line\r\n\r\nFirst para.\rSecond.\r\n")
    assert doc.text == "Title line\n\nFirst para.\nSecond.\n"
    assert doc.title == "Title line"


def test_stdin():
    doc = load_document("-", stdin_bytes=ENGLISH.encode("utf-16"))
    assert doc.text == ENGLISH and doc.path is None
    assert error_of("-", stdin_bytes=b"") == "stdin: empty file"
    assert load_document("-", stdin_bytes=PAGE.encode()).format == "html"


def test_ten_megabyte_single_line(tmp_path):
    line = ("The mayor said the plan would cost more than expected. " * 190_000)[:10_000_000]
    started = time.monotonic()
    doc = load_bytes(tmp_path, line.encode())
    assert len(doc.text) == 10_000_000 and doc.text == line
    assert time.monotonic() - started < 5


def test_too_large(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # sparse: no 50 MB actually written
        fh.truncate(sources.MAX_BYTES + 1)
    assert error_of(p) == f"{p}: too large (50 MB; the limit is 50 MB)"


# -- bad input -----------------------------------------------------------------------------
def test_missing_file(tmp_path):
    assert error_of(tmp_path / "nope.txt") == f"{tmp_path / 'nope.txt'}: no such file"


def test_directory(tmp_path):
    assert error_of(tmp_path) == f"{tmp_path}: is a directory, not an article"


def test_permission_denied(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text(ENGLISH)
    if os.geteuid() == 0:  # root reads anything: make open() fail as it would for a user
        def refuse(path, *a, **k):
            raise PermissionError(13, "Permission denied", str(path))
        monkeypatch.setattr(sources, "open", refuse, raising=False)
    else:
        p.chmod(0)
    assert error_of(p) == f"{p}: permission denied"


@pytest.mark.parametrize("data,message", [
    (b"", "empty file"),
    (b" \n\t\r\n\xc2\xa0 \n", "contains only whitespace, no article"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document, not a text article"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image, not a text article"),
    (b"PK\x03\x04\x14\x00\x06\x00", "this is a ZIP archive (Word and OpenDocument files are "
                                    "ZIP archives), not a text article"),
    (b"some text\x00\x00\x01\x02 and more\x00", "contains binary data (NUL bytes), not a text "
                                                 "article"),
    (b"text\x01\x02\x03\x04\x05\x06 with \x07\x08 controls \x0e\x0f\x10\x11",
     "looks like binary data, not a text article"),
    (b"\xef\xbb\xbfok\xff\xfe broken", "starts with a UTF-8 byte order mark but is not valid "
                                       "UTF-8"),
], ids=["empty", "whitespace", "pdf", "png", "zip", "nul", "controls", "bad-bom"])
def test_bad_files(tmp_path, data, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    assert error_of(p) == f"{p}: {message}"


def test_undecodable_bytes(tmp_path):
    rng = random.Random(3)
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    assert error_of(p) == (f"{p}: cannot tell the text encoding (not UTF-8 and no known code "
                           "page fits); save it as UTF-8")


def test_other_url_schemes():
    assert error_of("ftp://example.invalid/a.txt") == (
        "ftp://example.invalid/a.txt: only http:// and https:// addresses can be fetched")


# -- language ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Die Stadt hat am Dienstag beschlossen, dass die neue Brücke im nächsten Jahr gebaut wird. "
    "Der Bürgermeister sagte, es sei ein wichtiger Tag für alle Bürger und die Wirtschaft.",
    "Le conseil municipal a décidé mardi que le nouveau pont serait construit l'année "
    "prochaine. Le maire a dit que c'était une journée importante pour toute la ville.",
    "El ayuntamiento decidió el martes que el nuevo puente se construirá el próximo año. "
    "La alcaldesa dijo que era un día importante para todos los vecinos de la ciudad.",
    "Городской совет во вторник решил, что новый мост построят в следующем году. Мэр "
    "сказал, что это важный день для всех жителей города и для местной экономики.",
])
def test_non_english_gets_a_note(tmp_path, text):
    doc = load_bytes(tmp_path, text.encode())
    assert doc.text == text and doc.notes == [ENGLISH_NOTE]


def test_short_text_is_not_judged(tmp_path):
    assert load_bytes(tmp_path, "Brücke gebaut. Bürgermeister froh.".encode()).notes == []


# -- Markdown --------------------------------------------------------------------------------
def test_markdown_kept_raw_with_title(tmp_path):
    md = ("Some intro line\n\n# Ferry to *start* in May #\n\n"
          "The **harbour** board said on Monday that the ferry would run.\n")
    doc = load_bytes(tmp_path, md.encode(), "story.md")
    assert doc.text == md and doc.format == "markdown"
    assert doc.title == "Ferry to *start* in May"


@pytest.mark.parametrize("md,title", [
    ("---\ntitle: \"Front matter title\"\ndate: 2024-05-01\n---\n# Heading\n\nBody.\n",
     "Front matter title"),
    ("```\n# not a title\n```\n\nFerry plan\n==========\n\nBody text.\n", "Ferry plan"),
    ("## Only a second level heading\n\nBody text here.\n", "Only a second level heading"),
    ("No heading at all, just a sentence that ends.\nAnd another.\n", None),
])
def test_markdown_titles(tmp_path, md, title):
    assert load_bytes(tmp_path, md.encode(), "story.markdown").title == title


# -- HTML files ------------------------------------------------------------------------------
def no_network(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("network used without a URL")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_html_file_article_extracted_offline(tmp_path, monkeypatch):
    no_network(monkeypatch)
    doc = load_bytes(tmp_path, PAGE.encode(), "ferry.html")
    assert doc.format == "html"
    assert doc.title == "Ferry to start in May"
    paras = doc.text.split("\n\n")
    assert paras[1].startswith("The harbour board said on Monday")
    assert "“We are ready,” the board’s chair told reporters. Fares will rise by 3% & the old" \
        in doc.text
    for junk in ("Sport", "Weather", "Copyright", "Privacy"):
        assert junk not in doc.text
    assert doc.notes == []


def test_html_page_without_article(tmp_path):
    p = tmp_path / "shop.htm"
    p.write_text(NAV_ONLY)
    assert error_of(p).startswith(f"{p}: no article text found in this page")


def test_html_detected_without_suffix(tmp_path):
    assert load_bytes(tmp_path, PAGE.encode(), "saved_page").format == "html"


def test_html_in_windows_1252_with_meta(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    doc = load_bytes(tmp_path, page.encode("cp1252"), "ferry.html")
    assert "“We are ready,” the board’s chair" in doc.text


# -- URLs (a local server on 127.0.0.1 only) ------------------------------------------------
class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def send(self, code, ctype, body, length=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/article":
            self.send(200, "text/html; charset=utf-8", PAGE.encode())
        elif path == "/latin":
            self.send(200, "text/html; charset=iso-8859-1",
                      PAGE.replace('charset="utf-8"', "").encode("cp1252"))
        elif path == "/plain.txt":
            self.send(200, "text/plain; charset=utf-16", ENGLISH.encode("utf-16"))
        elif path == "/nav":
            self.send(200, "text/html", NAV_ONLY.encode())
        elif path == "/paper.pdf":
            self.send(200, "application/pdf", b"%PDF-1.7\n")
        elif path == "/big":
            self.send(200, "text/html", b"<p>" + b"x" * 5000)
        elif path == "/big-unlabelled":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"word " * 2000)
        elif path == "/broken":
            self.send(500, "text/html", b"<h1>oops</h1>")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, "text/html", PAGE.encode())
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(8):  # each piece in time, the whole too slow
                self.wfile.write(b"<p>The ferry. ")
                self.wfile.flush()
                time.sleep(0.2)
        else:
            self.send(404, "text/html", b"<h1>Not found</h1>")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hanging up early (timeouts, size caps) is what the tests do


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


def test_url_article(server):
    doc = load_document(f"{server}/article")
    assert doc.format == "html" and doc.path == f"{server}/article"
    assert doc.title == "Ferry to start in May"
    assert "the board’s chair told reporters" in doc.text and "Sport" not in doc.text


def test_url_charset_from_header(server):
    assert "“We are ready,” the board’s chair" in load_document(f"{server}/latin").text


def test_url_plain_text(server):
    doc = load_document(f"{server}/plain.txt")
    assert doc.text == ENGLISH and doc.format == "text"


def test_url_errors(server):
    assert error_of(f"{server}/missing") == f"{server}/missing: the server answered 404 Not Found"
    assert error_of(f"{server}/broken") == (
        f"{server}/broken: the server answered 500 Internal Server Error")
    assert error_of(f"{server}/paper.pdf") == (
        f"{server}/paper.pdf: not a web page or text (the server sent application/pdf)")
    assert error_of(f"{server}/nav").startswith(f"{server}/nav: no article text found")
    assert error_of(f"{server}/big", max_url_bytes=1000) == (
        f"{server}/big: page too large (5 KB; the limit is 1000 bytes)")
    assert error_of(f"{server}/big-unlabelled", max_url_bytes=1000) == (
        f"{server}/big-unlabelled: page too large (more than 1000 bytes)")


def test_url_timeouts(server):
    started = time.monotonic()
    assert error_of(f"{server}/slow", timeout=0.3) == f"{server}/slow: timed out after 0.3 s"
    assert error_of(f"{server}/trickle", timeout=0.5) == (
        f"{server}/trickle: timed out after 0.5 s")
    assert time.monotonic() - started < 3


def test_url_connection_refused():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert error_of(f"http://127.0.0.1:{port}/") == (
        f"http://127.0.0.1:{port}/: connection refused")
