"""Scoring functions: matching rules, P/R/F1, B-cubed, speaker and value accuracy."""

from __future__ import annotations

import pytest

from pipeline import evaluation as ev


def span(doc_id, start, end, **extra):
    return {"doc_id": doc_id, "start": start, "end": end, **extra}


def test_prf_counts():
    assert ev.prf(2, 4, 2) == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "n_gold": 2,
                               "n_predicted": 4}
    assert ev.prf(0, 0, 3)["f1"] == 0.0


def test_entities_exact_and_overlap_need_the_same_label():
    gold = [span("a", 0, 14, label="PER"), span("a", 20, 26, label="LOC")]
    predicted = [span("a", 3, 14, label="PER"), span("a", 20, 26, label="ORG")]
    scores = ev.score_entities(gold, predicted)
    assert scores["exact"]["f1"] == 0.0
    assert scores["overlap"]["precision"] == 0.5
    assert scores["overlap"]["by_label"]["PER"]["f1"] == 1.0


def test_matching_is_one_to_one_and_by_document():
    gold = [span("a", 0, 10, label="PER")]
    predicted = [span("a", 0, 5, label="PER"), span("a", 5, 10, label="PER"),
                 span("b", 0, 10, label="PER")]
    scores, pairs = ev.score_spans(gold, predicted, ev.overlap_with_label)
    assert len(pairs) == 1 and scores["precision"] == pytest.approx(0.3333)


def test_quotes_need_half_of_the_union():
    gold = [span("a", 0, 100, kind="direct", speaker_name="Jeanne Martin")]
    assert ev.score_quotes(gold, [span("a", 0, 60, kind="direct")], {})[0]["all"]["f1"] == 1.0
    assert ev.score_quotes(gold, [span("a", 0, 40, kind="direct")], {})[0]["all"]["f1"] == 0.0


def test_speaker_accuracy_by_entity_identity_or_name():
    gold = [span("a", 0, 50, kind="direct", speaker_name="Nicolás Martín")]
    by_entity = [span("a", 0, 50, kind="direct", speaker_entity_id="PER:x")]
    by_name = [span("a", 0, 50, kind="direct", speaker_name="Nicolas Martin")]
    wrong = [span("a", 0, 50, kind="direct", speaker_name="Paul Martin")]
    identities = {"PER:x": "Nicolás Martín"}
    assert ev.score_quotes(gold, by_entity, identities)[0]["speaker_accuracy"] == 1.0
    assert ev.score_quotes(gold, by_name, {})[0]["speaker_accuracy"] == 1.0
    assert ev.score_quotes(gold, wrong, {})[0]["speaker_accuracy"] == 0.0


def test_speaker_accuracy_of_coordinated_speakers_needs_every_one_and_no_more():
    gold = [span("a", 0, 50, kind="indirect", speaker_name="Paul Roux|Marc Petit")]
    identities = {"PER:r": "Paul Roux", "PER:p": "Marc Petit", "PER:d": "Anne Dubois"}

    def said_by(*ids):
        return [span("a", 0, 50, kind="indirect", speaker_entity_ids="|".join(ids))]

    assert ev.score_quotes(gold, said_by("PER:p", "PER:r"), identities)[0][
        "speaker_accuracy"] == 1.0
    for wrong in (said_by("PER:r"), said_by("PER:r", "PER:d"),
                  said_by("PER:r", "PER:p", "PER:d")):
        assert ev.score_quotes(gold, wrong, identities)[0]["speaker_accuracy"] == 0.0
    by_names = [span("a", 0, 50, kind="indirect", speaker_names="Marc Petit|Paul Roux")]
    assert ev.score_quotes(gold, by_names, {})[0]["speaker_accuracy"] == 1.0


def test_b_cubed_perfect_split_and_merge():
    assert ev.b_cubed(["x", "x", "y"], ["1", "1", "2"])["f1"] == 1.0
    merged = ev.b_cubed(["x", "x", "y"], ["1", "1", "1"])
    assert merged["recall"] == 1.0 and merged["precision"] < 1.0
    split = ev.b_cubed(["x", "x", "y"], ["1", "2", "3"])
    assert split["precision"] == 1.0 and split["recall"] < 1.0


def test_timex_value_accuracy_over_matched_pairs():
    gold = [span("a", 0, 5, type="DATE", value="2025-11-03"),
            span("a", 10, 15, type="DATE", value="2025")]
    predicted = [span("a", 0, 5, type="DATE", value="2025-11-03"),
                 span("a", 11, 15, type="DATE", value="2024")]
    scores = ev.score_timexes(gold, predicted)
    assert scores["f1"] == 1.0 and scores["value_accuracy"] == 0.5 and scores["exact_f1"] == 0.5


def test_error_report_lists_misses_false_alarms_and_mismatches():
    texts = {"a": "Jeanne Martin est à Paris avec Paul."}
    gold = [span("a", 0, 13, label="PER"), span("a", 20, 25, label="LOC")]
    predicted = [span("a", 0, 13, label="PER"), span("a", 31, 35, label="PER"),
                 span("a", 20, 25, label="ORG")]
    _, pairs = ev.score_spans(gold, predicted, ev.overlaps)
    rows = ev.errors("ner", gold, predicted, pairs, texts, lambda r: r["label"])
    assert [(r["error"], r["text"]) for r in rows] == [("mismatch", "Paris"),
                                                       ("false_alarm", "Paul")]
    assert "[[Paris]]" in rows[0]["context"]


def test_summary_keeps_headline_figures_by_split_and_system():
    from pipeline.stages.evaluate import summary

    metrics = {"test": {"ner": {"pipeline": {"overlap": {"f1": 0.9}, "exact": {"f1": 0.8}},
                                "baseline": {"overlap": {"f1": 0.7}, "exact": {"f1": 0.6}}},
                        "n_documents": 7}}
    result = summary(metrics)
    assert result["test"]["pipeline"] == {"ner_overlap_f1": 0.9, "ner_exact_f1": 0.8}
    assert result["test"]["baseline"]["ner_overlap_f1"] == 0.7


def test_error_report_mismatch_follows_the_agreement_test():
    texts = {"a": "« Oui », a dit la SNCB belge."}
    gold = [span("a", 2, 5, kind="direct", speaker_name="SNCB")]
    predicted = [span("a", 2, 5, kind="direct", speaker_name="SNCB belge")]
    _, pairs = ev.score_spans(gold, predicted, ev.half_union)

    def describe(r):
        return f"{r['kind']} / {r['speaker_name']}"

    assert [r["error"] for r in ev.errors("quotes", gold, predicted, pairs, texts,
                                          describe)] == ["mismatch"]
    same_entity = ev.errors("quotes", gold, predicted, pairs, texts, describe,
                            agree=lambda g, p: g["kind"] == p["kind"])
    assert same_entity == []
