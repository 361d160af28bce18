"""The tokenise stage: one row per file, isolation of failures, offsets, determinism."""

from __future__ import annotations

import csv
import filecmp

import pytest
import spacy
from spacy.language import Language

from pipeline.stages import tokenise
from pipeline.tables import read_rows


@Language.component("test_fail_on_marker")
def fail_on_marker(doc):
    """Fail like a buggy component would, on one document only."""
    if "EXPLOSE" in doc.text:
        raise RuntimeError("component crashed")
    return doc


@pytest.fixture()
def blank_nlp():
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_fail_on_marker")
    return nlp


def write_corpus(folder, files):
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


def test_every_file_gets_one_row_and_failures_do_not_stop_the_run(tmp_path, blank_nlp):
    corpus = write_corpus(tmp_path / "in", {
        "a.txt": "Le maire a parlé. Il a souri.",
        "b.txt": "Ce texte EXPLOSE dans le pipeline.",
        "c.txt": "   \n\u00a0\n",
        "d.txt": b"\x00\x01binary\x00",
        "e.txt": "Un dernier article. Bien écrit.",
        "f.txt": "Seulement :\nComment (0)",
    })
    summary = tokenise.run(corpus, tmp_path / "docs", tmp_path / "out", nlp=blank_nlp,
                           batch_size=2, progress=False)
    rows = {row["doc_id"]: row for row in read_rows("documents", tmp_path / "out")}
    assert list(rows) == ["a", "b", "c", "d", "e", "f"]
    assert {k: rows[k]["status"] for k in rows} == {
        "a": "ok", "b": "error", "c": "empty", "d": "error", "e": "ok", "f": "ok"}
    assert "component crashed" in rows["b"]["error"]
    assert "binary" in rows["d"]["error"]
    assert summary.status == {"ok": 3, "empty": 1, "error": 2}
    sentences = list(read_rows("sentences", tmp_path / "out"))
    assert {row["doc_id"] for row in sentences} == {"a", "e", "f"}


def test_failed_run_leaves_previous_tables_whole(tmp_path, blank_nlp, monkeypatch):
    corpus = write_corpus(tmp_path / "in", {"a.txt": "Le maire a parlé.", "b.txt": "Encore."})
    out = tmp_path / "out"
    tokenise.run(corpus, tmp_path / "docs", out, nlp=blank_nlp, progress=False)
    before = (out / "documents.csv").read_bytes()

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(tokenise, "sentence_rows", crash)
    with pytest.raises(KeyboardInterrupt):
        tokenise.run(corpus, tmp_path / "docs", out, nlp=blank_nlp, progress=False)
    assert (out / "documents.csv").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "sentences.csv",
                                                     "tokens.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "in", "out"]


@pytest.mark.slow
def test_sentences_end_at_paragraph_breaks(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "in", {
        "a.txt": "Un titre sans point final\n\nLe ministre parle encore\nLa réunion commence à "
                 "midi. Elle finit tard.",
    })
    tokenise.run(corpus, tmp_path / "docs", tmp_path / "out", nlp=nlp, progress=False)
    texts = [row["text"] for row in read_rows("sentences", tmp_path / "out")]
    assert texts == ["Un titre sans point final", "Le ministre parle encore",
                     "La réunion commence à midi.", "Elle finit tard."]
    rows = list(read_rows("sentences", tmp_path / "out"))
    assert [row["paragraph"] for row in rows] == ["0", "1", "2", "2"]
    assert rows[0]["is_title"] == "true"


@pytest.mark.slow
def test_seeds_every_offset_points_at_its_text(seeds_run):
    raws, out = seeds_run
    for name in ("sentences", "tokens"):
        rows = list(read_rows(name, out))
        assert rows, name
        for row in rows:
            raw = raws[row["doc_id"]]
            assert raw[int(row["start"]):int(row["end"])] == row["text"], (name, row)


@pytest.mark.slow
def test_seeds_boilerplate_is_not_analysed(seeds_run):
    raws, out = seeds_run
    text = " ".join(row["text"] for row in read_rows("sentences", out))
    for boilerplate in ("Comment (0)", "Source : http", "Par RSA", "094643347aa0f5ae"):
        assert boilerplate not in text
    assert "parTélévision" in text  # the raw text stays raw in the tables...
    tokens = [row["text"] for row in read_rows("tokens", out)]
    assert "parTélévision" not in tokens  # ...but the analysis saw two words


@pytest.mark.slow
def test_run_twice_gives_byte_identical_tables(tmp_path, seeds_run):
    from pipeline.params import load_params
    from pipeline.runner import run_all
    from tests.conftest import ROOT, SEEDS

    _, first = seeds_run
    second = tmp_path / "again"
    run_all(SEEDS, second, params=load_params(ROOT / "params.yaml"), progress=False)
    for path in first.glob("*.csv"):
        assert filecmp.cmp(path, second / path.name, shallow=False), path.name


@pytest.mark.slow
def test_tables_are_utf8_bom_rfc4180(seeds_run):
    _, out = seeds_run
    data = (out / "documents.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    with (out / "sentences.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:6] == ["doc_id", "sentence_id", "paragraph", "start", "end", "text"]
    assert all(len(row) == len(rows[0]) for row in rows)
