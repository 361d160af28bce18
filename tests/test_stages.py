"""The whole pipeline on the seeds: every table joins, every offset points at its text."""

from __future__ import annotations

import pytest

from pipeline.tables import read_rows

pytestmark = pytest.mark.slow


def rows(out, name):
    return list(read_rows(name, out))


def test_every_span_of_every_table_points_at_its_raw_text(seeds_run):
    raws, out = seeds_run
    for name in ("sentences", "tokens", "mentions", "quotes", "dates"):
        table = rows(out, name)
        assert table, name
        for row in table:
            raw = raws[row["doc_id"]]
            assert raw[int(row["start"]):int(row["end"])] == row["text"], (name, row)
    for quote in rows(out, "quotes"):
        if quote["speaker_start"]:
            raw = raws[quote["doc_id"]]
            assert raw[int(quote["speaker_start"]):int(quote["speaker_end"])] == \
                quote["speaker_text"]


def test_every_id_points_to_an_existing_row(seeds_run):
    _, out = seeds_run
    ids = {name: {r[key] for r in rows(out, name)} for name, key in (
        ("documents", "doc_id"), ("sentences", "sentence_id"), ("entities", "entity_id"),
        ("quotes", "quote_id"), ("dates", "date_id"), ("mentions", "mention_id"))}
    for name in ("sentences", "tokens", "mentions", "quotes", "dates", "relations"):
        for row in rows(out, name):
            assert row["doc_id"] in ids["documents"], (name, row)
            if name != "sentences":
                assert row["sentence_id"] in ids["sentences"], (name, row)
    for mention in rows(out, "mentions"):
        assert mention["entity_id"] in ids["entities"]
    for quote in rows(out, "quotes"):
        assert not quote["speaker_entity_id"] or quote["speaker_entity_id"] in ids["entities"]
        assert not quote["duplicate_of"] or quote["duplicate_of"] in ids["quotes"]
    for relation in rows(out, "relations"):
        kinds = {"entity": ids["entities"], "quote": ids["quotes"]}
        assert relation["subject_id"] in kinds[relation["subject_type"]], relation
        if relation["object_type"] != "text":
            assert relation["object_id"] in kinds[relation["object_type"]], relation
        assert not relation["date_id"] or relation["date_id"] in ids["dates"]


def test_ids_are_unique_within_their_table(seeds_run):
    _, out = seeds_run
    for name, key in (("mentions", "mention_id"), ("entities", "entity_id"),
                      ("quotes", "quote_id"), ("dates", "date_id"),
                      ("relations", "relation_id"), ("tokens", "token_id")):
        values = [r[key] for r in rows(out, name)]
        assert len(values) == len(set(values)), name


def test_rows_are_sorted_by_document_then_start(seeds_run):
    _, out = seeds_run
    for name in ("sentences", "tokens", "mentions", "quotes", "dates"):
        keys = [(r["doc_id"], int(r["start"])) for r in rows(out, name)]
        assert keys == sorted(keys), name


def test_seeds_relations_cover_every_predicate_kind(seeds_run):
    _, out = seeds_run
    predicates = {r["predicate"] for r in rows(out, "relations")}
    assert {"said", "mentions", "role"} <= predicates
    assert predicates - {"said", "mentions", "role"}, "no verb relation"


def test_coordinated_speakers_give_one_quotation_said_by_each(tmp_path):
    from pipeline.params import load_params
    from pipeline.runner import run_all
    from tests.conftest import ROOT

    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "usine.txt").write_text(
        "Fermeture de l'usine de Lorient\n\n"
        "Le maire Paul Martin et la préfète Claire Dubois ont nié mardi que l'usine allait "
        "fermer. Paul Martin a ensuite quitté la réunion.\n", encoding="utf-8")
    out = tmp_path / "out"
    run_all(articles, out, params=load_params(ROOT / "params.yaml"), progress=False)
    quotes = rows(out, "quotes")
    assert [(q["text"], q["speaker_kind"], q["speaker_entity_id"]) for q in quotes] == [
        ("l'usine allait fermer", "coordination", "")]
    ids = quotes[0]["speaker_entity_ids"].split("|")
    names = {e["entity_id"]: e["name"] for e in rows(out, "entities")}
    assert [names[i] for i in ids] == ["Paul Martin", "Claire Dubois"]
    assert quotes[0]["speaker_names"] == "Paul Martin|Claire Dubois"
    said = sorted(r["subject_id"] for r in rows(out, "relations") if r["predicate"] == "said")
    assert said == sorted(ids)
