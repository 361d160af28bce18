"""The same quotation reprinted across articles."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
from rapidfuzz import fuzz

from pipeline.extract.quotes.words import fold

SHINGLE_WORDS = 6
MAX_POSTINGS = 200
MAX_CANDIDATES = 20
NEAR_RATIO = 85.0
FRAGMENT_RATIO = 90.0


def normalise_quote(text: str) -> list[str]:
    """Words of a quotation for comparison: accents, case, marks and punctuation removed.

    Example:
        >>> normalise_quote("« Nous  sommes prêts ! »")
        ['nous', 'sommes', 'prets']
    """
    return re.findall(r"[a-z0-9]+", fold(text))


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE_WORDS:
        return {tuple(words)}
    return {tuple(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _same_quote(a: str, b: str, na: int, nb: int) -> bool:
    if min(na, nb) < SHINGLE_WORDS:
        return a == b
    if fuzz.ratio(a, b) >= NEAR_RATIO:
        return True
    short, long_ = (a, b) if na <= nb else (b, a)
    return fuzz.partial_ratio(short, long_) >= FRAGMENT_RATIO


def find_duplicates(quotes: pd.DataFrame) -> pd.Series:
    """For each quotation, the ``quote_id`` of its first occurrence in the corpus.

    Args:
        quotes: Columns ``quote_id``, ``doc_id``, ``published`` (ISO date or empty),
            ``text``; ``start`` is used for ordering when present, and ``normalised`` (the
            words of :func:`normalise_quote` joined by spaces, kept with each document's
            quotations so that a re-run does not fold every text again) when present.

    Returns:
        ``duplicate_of`` aligned on ``quotes.index``: the first occurrence's quote_id, or
        "" for a first occurrence and for a quotation seen once.

    Notes:
        First = earliest ``published`` (empty dates last), then ``doc_id``, then ``start``.
        Texts are compared as word lists (:func:`normalise_quote`), so marks, spaces,
        accents, punctuation and case do not count. Candidates come from an inverted index
        of word 6-grams (shingles; a quotation shorter than 6 words is its own key and only
        matches exactly), so the work is linear in the corpus size: a shingle shared by more
        than ``MAX_POSTINGS`` quotations is boilerplate and ignored, and only the
        ``MAX_CANDIDATES`` earlier quotations that share most shingles are compared.
        A candidate is confirmed by rapidfuzz: ``ratio`` ≥ 85 (a few words changed) or
        ``partial_ratio`` ≥ 90 of the shorter in the longer (one is a fragment of the
        other, sharing at least 6 contiguous words). Matches are chained to the first
        occurrence, as in single-link clustering. Two rows of one document whose spans
        overlap (``start`` + length of ``text``) are one passage, not a reprint: the same
        content reported for two speakers, or a report inside another.
    """
    missing = {"quote_id", "doc_id", "published", "text"} - set(quotes.columns)
    if missing:
        raise ValueError(
            f"find_duplicates needs columns {sorted(missing)}; got {list(quotes.columns)}")
    order = pd.DataFrame({
        "published": pd.to_datetime(quotes["published"].fillna("").astype(str).replace("", None),
                                    errors="coerce", utc=True, format="ISO8601"),
        "doc_id": quotes["doc_id"].astype(str),
        "start": pd.to_numeric(quotes["start"], errors="coerce") if "start" in quotes
        else float("nan"),
        "pos": range(len(quotes)),
    }).sort_values(["published", "doc_id", "start", "pos"], na_position="last", kind="stable")
    ids = quotes["quote_id"].astype(str).tolist()
    texts = quotes["text"].fillna("").astype(str).tolist()
    given = quotes["normalised"].tolist() if "normalised" in quotes else None
    docs = order.sort_values("pos")["doc_id"].tolist()
    starts = order.sort_values("pos")["start"].tolist()

    def same_occurrence(a: int, b: int) -> bool:
        # one passage reported twice (two speakers, a report inside another): not a reprint
        if docs[a] != docs[b] or pd.isna(starts[a]) or pd.isna(starts[b]):
            return False
        return starts[a] < starts[b] + len(texts[b]) and starts[b] < starts[a] + len(texts[a])

    result = [""] * len(quotes)
    root: list[int] = list(range(len(quotes)))
    postings: dict[tuple[str, ...], list[int]] = {}
    exact: dict[str, list[int]] = {}
    normalised: dict[int, tuple[str, int]] = {}
    for pos in order["pos"].tolist():
        words = given[pos].split() if given is not None else normalise_quote(texts[pos])
        if not words:
            continue
        joined = " ".join(words)
        normalised[pos] = (joined, len(words))
        keys = _shingles(words)
        match = next((o for o in exact.get(joined, ()) if not same_occurrence(o, pos)), None)
        if match is None:
            shared: Counter = Counter()
            for key in keys:
                for other in postings.get(key, ()):
                    shared[other] += 1
            for other, _ in shared.most_common(MAX_CANDIDATES):
                text, n = normalised[other]
                if not same_occurrence(other, pos) and _same_quote(joined, text, len(words), n):
                    match = other
                    break
        if match is not None and not same_occurrence(root[match], pos):
            root[pos] = root[match]
            result[pos] = ids[root[pos]]
        bucket = exact.setdefault(joined, [])
        if len(bucket) < MAX_CANDIDATES:
            bucket.append(pos)
        for key in keys:
            bucket = postings.setdefault(key, [])
            if len(bucket) < MAX_POSTINGS:
                bucket.append(pos)
    return pd.Series(result, index=quotes.index, name="duplicate_of", dtype=object)
