"""Parse articles on a Dask cluster: a drop-in ``parse`` for the tokenise stage.

Parsing is the one expensive step of the pipeline, and the only one worth spreading over
several machines; every later stage reads the parsed Docs back from shards. So only
parsing goes to the cluster: the tokenise stage keeps reading, cleaning, writing the
tables and the shards in this process, and gets back ``(Doc, doc_id)`` pairs in input
order exactly as from ``nlp.pipe``, so the tables are the same whichever engine parsed.

Workers need the same packages as this process (spaCy, the model, this project's
``pipeline`` package importable): tasks name :func:`parse_batch` by module, they do not
ship its code. Importing this module imports ``distributed`` (and sets up its loggers),
so import it only when this engine is chosen.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

from distributed import Client, Future
from spacy.tokens import Doc

from pipeline.nlp import load_model

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from pipeline.stages.tokenise import DocPipe

#: What Doc.to_bytes leaves out on the worker: the tok2vec tensor is 4 bytes per
#: dimension per token, several times the rest of a Doc, and no stage reads it (DocBin
#: shards drop it anyway), so shipping it would only load the network.
EXCLUDE = ("tensor",)


def parse_batch(texts: list[str], model: str = "fr_core_news_md",
                batch_size: int = 64) -> list[bytes]:
    """Parse a batch of cleaned texts on a worker; return each Doc as bytes, in order.

    Runs on the workers. The model comes from :func:`pipeline.nlp.load_model`, which is
    cached per process, so a worker loads it once for its first batch and reuses it for
    every later one; a Doc cannot cross processes by itself, hence the bytes.

    Args:
        texts (list[str]): cleaned article texts.
        model (str): spaCy model package, installed on the worker.
            Defaults to "fr_core_news_md".
        batch_size (int): ``nlp.pipe`` batch size inside the task. Defaults to 64.

    Returns:
        list[bytes]: ``doc.to_bytes()`` of each text (without the tensor), in order.

    Raises:
        Exception: whatever parsing raised (e.g. a text over ``nlp.max_length``); Dask
            raises it again in the client, where the tokenise stage retries the batch's
            documents one by one.
    """
    nlp = load_model(model)
    return [doc.to_bytes(exclude=EXCLUDE) for doc in nlp.pipe(texts, batch_size=batch_size)]


def connect(scheduler: str) -> Client:
    """A Dask client for ``--scheduler``: a local cluster or a running scheduler.

    ``"local:N"`` starts N worker processes of one thread each on this machine (processes,
    because spaCy parsing holds the GIL; one thread each, because each worker process
    holds its own copy of the model); ``"local"`` lets Dask pick the count. The local
    cluster is owned by the client: ``client.close()`` stops it too. Anything else is
    the address of a running scheduler, such as ``"tcp://host:8786"``. The local
    scheduler's HTTP server (health checks; the dashboard needs bokeh) listens on a free
    loopback port, so that two runs never compete for 8787 nor listen beyond this machine.

    Args:
        scheduler (str): ``"local"``, ``"local:N"`` or a scheduler address.

    Returns:
        distributed.Client: connected client; close it when done.

    Raises:
        ValueError: N in ``"local:N"`` is not a positive integer.
    """
    if scheduler == "local" or scheduler.startswith("local:"):
        _, _, count = scheduler.partition(":")
        n_workers = None
        if count:
            if not count.isdigit() or int(count) < 1:
                raise ValueError(f"--scheduler {scheduler}: expected local:N with N >= 1")
            n_workers = int(count)
        # No address: the client starts the LocalCluster itself and closes it on close().
        return Client(n_workers=n_workers, threads_per_worker=1, processes=True,
                      dashboard_address="127.0.0.1:0")
    return Client(scheduler)


def dask_pipe(
    scheduler: str | Client,
    *,
    model: str = "fr_core_news_md",
    batch_size: int = 64,
    max_in_flight: int | None = None,
    vocab: Vocab | None = None,
    check: bool = True,
) -> DocPipe:
    """A DocPipe that parses on a Dask cluster, for ``tokenise.run(parse=...)``.

    The returned function groups the incoming ``(text, doc_id)`` pairs into batches of
    ``batch_size``, submits one :func:`parse_batch` task per batch, and yields
    ``(Doc, doc_id)`` in input order. It reads its input lazily and keeps at most
    ``max_in_flight`` batches submitted but not yet yielded, so memory stays bounded on
    both sides however large the corpus, while every worker thread has a batch to parse
    and the next one waiting. Docs are rebuilt in this process with ``vocab`` so that
    they share the vocabulary that the tokenise stage's shards are read back with.

    A batch that fails on a worker raises here, from the pipe, after cancelling the
    other batches in flight: the tokenise stage then parses every document it had handed
    over and not got back (up to ``max_in_flight * batch_size``) one by one locally, and
    starts the pipe again on the rest.

    Args:
        scheduler (str | distributed.Client): a client, or what :func:`connect` takes
            (``"local:N"`` or ``"tcp://host:8786"``); a client made here lives as long
            as the process.
        model (str): spaCy model package, installed on every worker.
            Defaults to "fr_core_news_md".
        batch_size (int): documents per task. Defaults to 64.
        max_in_flight (int | None): batches submitted but not yet yielded; defaults to
            twice the cluster's worker threads when the pipe starts (at least 2).
        vocab (spacy.vocab.Vocab | None): vocabulary of the rebuilt Docs; defaults to
            ``load_model(model).vocab``, the one the tokenise stage uses.
        check (bool): run one empty batch on the cluster first. Defaults to True.
            A cluster that cannot run :func:`parse_batch` at all (``pipeline`` not
            importable on the scheduler or a worker, model not installed) would otherwise
            fail every batch, each retried one document at a time in this process: the
            run would succeed, but slowly and only with warnings to show why.

    Returns:
        DocPipe: ``(text, doc_id)`` pairs in, ``(Doc, doc_id)`` pairs out, same order.

    Raises:
        RuntimeError: ``check`` is on and the empty batch failed on the cluster.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if max_in_flight is not None and max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1, got {max_in_flight}")
    client = connect(scheduler) if isinstance(scheduler, str) else scheduler
    if check:
        try:
            client.submit(parse_batch, [], model, batch_size, pure=False).result()
        except Exception as err:
            raise RuntimeError(
                f"the Dask cluster cannot parse with {model!r}: install the same "
                "requirements and model on the scheduler and every worker, and make this "
                f"project's 'pipeline' package importable there (PYTHONPATH); {err}"
            ) from err

    def pipe(items: Iterator[tuple[str, str]]) -> Iterator[tuple[Doc, str]]:
        doc_vocab = vocab if vocab is not None else load_model(model).vocab
        limit = max_in_flight or max(2, 2 * sum(client.nthreads().values()))
        source = iter(items)
        in_flight: deque[tuple[Future, list[str]]] = deque()

        def submit_more() -> None:
            while len(in_flight) < limit:
                batch = list(islice(source, batch_size))
                if not batch:
                    return
                texts = [text for text, _ in batch]
                ids = [doc_id for _, doc_id in batch]
                # pure=False: two equal batches are still two tasks, and no time is spent
                # hashing the texts into a key.
                future = client.submit(parse_batch, texts, model, batch_size, pure=False)
                in_flight.append((future, ids))

        try:
            submit_more()
            while in_flight:
                future, ids = in_flight[0]
                blobs = future.result()  # raises the worker's exception
                in_flight.popleft()
                del future  # releases the result on the cluster
                submit_more()  # keep the workers busy while this batch is consumed
                for blob, doc_id in zip(blobs, ids, strict=True):
                    yield Doc(doc_vocab).from_bytes(blob), doc_id
        finally:
            # On an error, or when the consumer stops early: no orphan tasks left running.
            if in_flight:
                client.cancel([future for future, _ in in_flight])
                in_flight.clear()

    return pipe
