"""Per-document cache: incremental re-runs, resumable runs, invalidation by stage."""

from __future__ import annotations

import sqlite3

import pytest
import spacy
from spacy.language import Language

from pipeline import cache as cache_module
from pipeline.cache import DocumentCache, code_version, stage_key
from pipeline.stages import tokenise

PARSED: list[str] = []


@Language.component("test_count_parses")
def count_parses(doc):
    """Record every document the parser sees."""
    PARSED.append(doc.text)
    return doc


@pytest.fixture()
def counting_nlp():
    PARSED.clear()
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_count_parses")
    return nlp


def write(folder, files):
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_stage_key_depends_on_stage_code_and_inputs():
    assert stage_key("dates", "k1") == stage_key("dates", "k1")
    assert stage_key("dates", "k1") != stage_key("dates", "k2")
    assert stage_key("dates", "k1") != stage_key("quotes", "k1")
    assert len(code_version("tokenise")) == 32


def test_cache_entries_survive_a_run_killed_between_commits(tmp_path):
    path = tmp_path / "c.sqlite"
    store = DocumentCache(path, commit_every=2)
    for i in range(5):
        store.put("dates", f"k{i}", {"rows": [i]})
    store._db.close()  # killed: no final commit
    store._db = None
    reopened = DocumentCache(path)
    found = [reopened.get("dates", f"k{i}") for i in range(5)]
    assert found[:4] == [{"rows": [0]}, {"rows": [1]}, {"rows": [2]}, {"rows": [3]}]
    assert found[4] is None
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_rerun_parses_only_new_and_changed_documents(tmp_path, counting_nlp):
    corpus = tmp_path / "in"
    # (a.txt: what cleaning fills in its row, a stated date and a boilerplate line, comes
    # back from the cache on a hit)
    write(corpus, {"a.txt": "Publié le 12 mars 2024\nLe maire a parlé.\nLire aussi : la suite",
                   "b.txt": "La ministre a répondu.", "c.txt": "Le juge a tranché."})
    with DocumentCache(tmp_path / "cache.sqlite") as store:
        tokenise.run(corpus, tmp_path / "d1", tmp_path / "o1", nlp=counting_nlp,
                     progress=False, cache=store)
    assert len(PARSED) == 3
    write(corpus, {"b.txt": "La ministre a répondu autre chose.", "d.txt": "Un nouvel article."})
    PARSED.clear()
    with DocumentCache(tmp_path / "cache.sqlite") as store:
        tokenise.run(corpus, tmp_path / "d2", tmp_path / "o2", nlp=counting_nlp,
                     progress=False, cache=store)
        assert (store.hits, store.misses) == (2, 2)
    assert sorted(PARSED) == ["La ministre a répondu autre chose.", "Un nouvel article."]
    tokenise.run(corpus, tmp_path / "d3", tmp_path / "o3", nlp=counting_nlp, progress=False)
    for name in ("documents", "sentences", "tokens"):
        assert (tmp_path / "o2" / f"{name}.csv").read_bytes() == \
            (tmp_path / "o3" / f"{name}.csv").read_bytes()


@pytest.mark.slow
def test_changing_one_stage_recomputes_it_and_not_the_stages_before(tmp_path, monkeypatch):
    from pipeline.params import load_params
    from pipeline.runner import run_all
    from tests.conftest import ROOT, SEEDS

    params = load_params(ROOT / "params.yaml")
    first = run_all(SEEDS, tmp_path / "o1", params=params, cache_dir=tmp_path / "c",
                    progress=False)
    assert first.cache_hits == 0
    real = cache_module.code_version

    def changed(stage):
        return "edited" if stage == "dates" else real(stage)

    monkeypatch.setattr(cache_module, "code_version", changed)
    second = run_all(SEEDS, tmp_path / "o2", params=params, cache_dir=tmp_path / "c",
                     progress=False)
    n_docs = 5
    # tokenise, entities and quotes hit; dates and relations (anchored to dates) recompute,
    # and so do the relation rows as written.
    assert (second.cache_hits, second.cache_misses) == (3 * n_docs, 3 * n_docs)
    for path in (tmp_path / "o1").glob("*.csv"):
        assert path.read_bytes() == (tmp_path / "o2" / path.name).read_bytes(), path.name


def test_two_articles_with_the_same_text_keep_their_own_ids(tmp_path, counting_nlp):
    corpus = tmp_path / "in"
    write(corpus, {"a.txt": "Le même texte.", "b.txt": "Le même texte."})
    for run in ("o1", "o2"):
        with DocumentCache(tmp_path / "cache.sqlite") as store:
            tokenise.run(corpus, tmp_path / f"d{run}", tmp_path / run, nlp=counting_nlp,
                         progress=False, cache=store)
    sentences = (tmp_path / "o2" / "sentences.csv").read_text(encoding="utf-8-sig")
    assert "a:s0" in sentences and "b:s0" in sentences


def test_relation_rows_follow_new_entity_ids_and_reuse_unchanged_documents(tmp_path, seeds_run):
    import csv
    import shutil

    from pipeline.stages import relations

    def relation_rows():
        with (out / "relations.csv").open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    _, seeds_out = seeds_run
    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    docs = (out / "_docs" / "tokenise", out / "_docs" / "entities")
    with DocumentCache(tmp_path / "c.sqlite") as store:
        relations.run(docs[0], out, entities_dir=docs[1], cache=store)
    first = relation_rows()
    in_docs: dict[str, set[str]] = {}
    for row in first:
        for entity in (row["subject_id"], row["object_id"]):
            in_docs.setdefault(entity, set()).add(row["doc_id"])
    speaker = min((row["subject_id"] for row in first if row["predicate"] == "said"),
                  key=lambda entity: (len(in_docs[entity]), entity))
    with (out / "mentions.csv").open(encoding="utf-8-sig", newline="") as handle:
        touched = {row["doc_id"] for row in csv.DictReader(handle) if row["entity_id"] == speaker}
    n_docs = len({row["doc_id"] for row in first})
    assert 0 < len(touched) < n_docs
    # A corpus-wide step renames one entity (as resolution may after new articles).
    for name in ("mentions", "quotes"):
        path = out / f"{name}.csv"
        path.write_text(path.read_text(encoding="utf-8-sig").replace(speaker, "PER:renamed"),
                        encoding="utf-8-sig")
    with DocumentCache(tmp_path / "c.sqlite") as store:
        relations.run(docs[0], out, entities_dir=docs[1], cache=store)
        hits, misses = store.hits, store.misses
    second = relation_rows()
    renamed = [{k: v.replace(speaker, "PER:renamed") for k, v in row.items()
                if k != "relation_id"} for row in first]
    assert [{k: v for k, v in row.items() if k != "relation_id"} for row in second] == renamed
    # Documents whose joined rows did not change reuse their rows as written; the others
    # miss them and join their cached relation spans again (their Docs are not read).
    assert misses == len(touched)
    assert hits == (n_docs - len(touched)) + len(touched)


def test_cached_rows_without_their_parse_are_a_clear_error(tmp_path, counting_nlp):
    corpus = tmp_path / "in"
    write(corpus, {"a.txt": "Le maire a parlé."})
    with DocumentCache(tmp_path / "cache.sqlite") as store:
        tokenise.run(corpus, tmp_path / "d1", tmp_path / "o1", nlp=counting_nlp,
                     progress=False, cache=store)
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        assert db.execute("DELETE FROM results WHERE stage = ?",
                          (tokenise.DOC_BYTES,)).rowcount == 1
    # A new shard folder needs the Doc itself, which the damaged cache no longer has.
    with DocumentCache(tmp_path / "cache.sqlite") as store, \
            pytest.raises(LookupError, match="no parse"):
        tokenise.run(corpus, tmp_path / "d2", tmp_path / "o2", nlp=counting_nlp,
                     progress=False, cache=store)
    assert not (tmp_path / "o2" / "documents.csv").exists()
