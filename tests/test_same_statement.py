"""One speaker's statement reported in several sources is one cluster, however short."""

from __future__ import annotations

from tui.corpus.loader import make_document
from tui.quotes.clusters import assign_clusters, wording
from tui.quotes.extract import extract_quotes
from tui.quotes.model import Quote


def _quotes(*rows: tuple[str, str, str | None]) -> list[Quote]:
    """(source, text, speaker) rows as quotations."""
    return [
        Quote(f"q{i}", source, 0, len(text), text, speaker, "full", None, "body")
        for i, (source, text, speaker) in enumerate(rows)
    ]


def _clusters(quotes: list[Quote]) -> list[set[str]]:
    assign_clusters(quotes)
    by: dict[str, set[str]] = {}
    for q in quotes:
        if q.cluster is not None:
            by.setdefault(q.cluster, set()).add(q.id)
    return sorted(by.values(), key=sorted)


def test_wording_sets_aside_case_punctuation_and_contractions():
    assert wording("We've waited long enough!") == ("we", "have", "waited", "long", "enough")
    assert wording("It’s over, isn't it?") == ("it", "is", "over", "is", "not", "it")
    assert wording("They won't.") == ("they", "will", "not")


def test_a_short_statement_in_three_sources_is_one_cluster():
    quotes = _quotes(
        ("a", "We have waited long enough", "Ana Ruiz"),
        ("b", "We've waited long enough.", "Ana Ruiz"),
        ("c", "we have waited long enough!", "Ana Ruiz"),
        ("c", "The talks begin on Monday", "Tom Baker"),
    )
    assert _clusters(quotes) == [{"q0", "q1", "q2"}]


def test_one_word_apart_is_the_same_statement():
    quotes = _quotes(
        ("a", "This is a good day for the city", "Mara Quist"),
        ("b", "This is a good day for our city", "Mara Quist"),  # a word changed
        ("c", "This is a good day for our city too", "Mara Quist"),  # ... and one added
        ("d", "This is a good day", "Mara Quist"),  # three words fewer: another statement
    )
    assert _clusters(quotes) == [{"q0", "q1", "q2"}]


def test_a_word_or_two_said_by_one_speaker_in_two_sources():
    quotes = _quotes(
        ("a", "unhinged", "Lena Ortiz"),
        ("b", "Unhinged.", "Lena Ortiz"),
        ("c", "reckless", "Lena Ortiz"),
    )
    assert _clusters(quotes) == [{"q0", "q1"}]


def test_short_statements_stay_apart_across_speakers_sources_and_negation():
    quotes = _quotes(
        # two speakers saying the same few words are two statements
        ("a", "We have waited long enough", "Ana Ruiz"),
        ("b", "We have waited long enough", "Tom Baker"),
        # one source repeating its quotation is not a report elsewhere
        ("c", "The plan is dead on arrival", "Joe Lund"),
        ("c", "The plan is dead on arrival", "Joe Lund"),
        # a statement and its negation
        ("d", "We will sign the deal", "Mara Quist"),
        ("e", "We will not sign the deal", "Mara Quist"),
        # two words, one of them changed, share too little
        ("f", "rigged economy", "Dan Moss"),
        ("g", "rigged system", "Dan Moss"),
        # no speaker: a short phrase is anyone's
        ("h", "a new beginning", None),
        ("i", "a new beginning", None),
    )
    assert _clusters(quotes) == []


def test_identical_long_statements_cluster_however_common_their_words():
    # every word is shared by all the other quotations, so no word picks this pair out
    filler = [("x", f"we said that we will do what we said {n} times", None) for n in range(300)]
    text = "we said that we will do what we said we will do"
    quotes = _quotes(*filler, ("a", text, "Ana Ruiz"), ("b", text + ".", "Ana Ruiz"))
    assert {"q300", "q301"} in _clusters(quotes)


def test_many_reports_of_one_short_statement_are_one_cluster():
    rows = [(f"s{i}", "Thank you all very much", "Ana Ruiz") for i in range(2_000)]
    clusters = _clusters(_quotes(*rows))
    assert len(clusters) == 1 and len(clusters[0]) == 2_000


def test_articles_quoting_one_short_statement_share_its_cluster():
    texts = [
        '"We have waited long enough," said Ana Ruiz, the union leader, on Monday.',
        "The strike began at dawn. \u201cWe\u2019ve waited long enough,\u201d Ana Ruiz told "
        "reporters.",
        "Ana Ruiz said: \"We have waited long enough.\" Talks are set for Friday.",
    ]
    docs = [make_document(f"d{i}", f"d{i}.md", t, {}) for i, t in enumerate(texts)]
    quotes = [q for q in extract_quotes(docs) if "waited" in q.text]
    assert len(quotes) == 3 and {q.speaker for q in quotes} == {"Ana Ruiz"}
    assert quotes[0].cluster is not None and len({q.cluster for q in quotes}) == 1
