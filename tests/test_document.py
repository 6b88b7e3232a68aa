"""Document keeps its text compactly; what it hands out must be the text it was given."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.document import _RECENT, Document, Span, Spans


@given(st.text())
def test_text_reads_back_exactly(text: str) -> None:
    doc = Document("d", "d.md", text)
    assert doc.text == text
    assert doc.chars == len(text)
    assert doc.encoded == text.encode("utf-8", "surrogatepass")


def test_curly_quotes_are_stored_at_utf8_size() -> None:
    text = "“Quoted,” she said. " * 500
    doc = Document("d", "d.md", text)
    assert sys.getsizeof(doc._stored) < sys.getsizeof(text) * 0.6


def test_ascii_and_cjk_stay_strings() -> None:
    # UTF-8 would not be smaller: ASCII is one byte either way, CJK three against two
    for text in ("plain words", "日本政府は遺憾の意を表明した。" * 50):
        assert isinstance(Document("d", "d.md", text)._stored, str)


def test_a_text_read_again_after_eviction_is_the_same() -> None:
    docs = [Document(f"d{i}", f"d{i}.md", f"“Number {i}” — said") for i in range(_RECENT.SIZE * 3)]
    first = docs[0].text
    for doc in docs[1:]:
        assert doc.text.startswith("“Number")
    assert docs[0]._decoded is None  # evicted: only the UTF-8 form is held
    assert docs[0].text == first


def test_spans_behave_like_a_list_of_span() -> None:
    spans = Spans([Span(0, 5), Span(7, 12), Span(14, 20)])
    assert len(spans) == 3
    assert list(spans) == [Span(0, 5), Span(7, 12), Span(14, 20)]
    assert spans[1] == Span(7, 12)
    assert spans[-1] == Span(14, 20)
    assert spans[1:] == [Span(7, 12), Span(14, 20)]
    assert list(spans.starts()) == [0, 7, 14]
    assert spans.bounds() == [(0, 5), (7, 12), (14, 20)]
    assert spans == [Span(0, 5), Span(7, 12), Span(14, 20)]
    assert not Spans()


def test_documents_compare_by_content() -> None:
    a = Document("d", "d.md", "“x”", {"title": "T"}, [Span(0, 3)])
    assert a == Document("d", "d.md", "“x”", {"title": "T"}, [Span(0, 3)])
    assert a != Document("d", "d.md", "“y”", {"title": "T"}, [Span(0, 3)])


def test_a_forked_child_can_read_texts_while_the_parent_holds_the_lock() -> None:
    import os
    import signal

    if not hasattr(os, "fork"):
        return
    doc = Document("d", "d.md", "“forked” text")
    with _RECENT._lock:  # as if another thread were reading a text at the moment of fork
        pid = os.fork()
        if pid == 0:
            signal.alarm(10)  # a deadlocked child dies instead of hanging the tests
            ok = doc.text == "“forked” text"
            os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
