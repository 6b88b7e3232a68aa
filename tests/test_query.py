from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.nlp.text import normalise
from tui.search.query import EXACT, FUZZY, MAX_CLAUSES, PREFIX, Clause, parse_query


class TestQueryParser:
    def test_syntax(self) -> None:
        q = parse_query("kono \"extremely regrettable\" 'exact !japan ^semi last", typing=True)
        assert q.clauses == (
            Clause(("kono",), FUZZY),
            Clause(("extremely", "regrettable"), EXACT),
            Clause(("exact",), EXACT),
            Clause(("japan",), FUZZY, negate=True),
            Clause(("semi",), PREFIX),
            Clause(("last",), FUZZY, typing=True),
        )

    def test_trailing_space_ends_typing(self) -> None:
        assert not parse_query("kono ").clauses[-1].typing
        assert parse_query("kono").clauses[-1].typing
        assert not parse_query("kono", typing=False).clauses[-1].typing

    def test_hyphenated_word_is_a_run_of_parts(self) -> None:
        assert parse_query("Jae-in", typing=False).clauses == (Clause(("jae", "in"), FUZZY),)

    def test_unclosed_quote_is_a_phrase_being_typed(self) -> None:
        (clause,) = parse_query('"South Ko').clauses
        assert clause == Clause(("south", "ko"), EXACT, typing=True)

    @pytest.mark.parametrize("query", ["", "   ", '"', '""', "!", "!!", "^", "'", "!\"", "🙂"])
    def test_nothing_to_search_for(self, query: str) -> None:
        assert parse_query(query).positive == ()

    @settings(max_examples=300, deadline=None)
    @given(st.text())
    def test_any_text_parses_into_clean_clauses(self, query: str) -> None:
        parsed = parse_query(query)
        assert len(parsed.clauses) <= MAX_CLAUSES
        for clause in parsed.clauses:
            assert clause.terms and all(clause.terms)
            assert all(normalise(t) == t for t in clause.terms)
            assert clause.mode in (FUZZY, EXACT, PREFIX)
