"""Score predicted spans against the gold set: pure functions over lists of records.

Matching rules (also in docs/annotation.md):
    * entities: ``exact`` = same offsets and label; ``overlap`` = overlapping offsets
      and same label;
    * quotations: overlap of at least half of the union of the two content spans;
    * temporal expressions: overlapping offsets; value accuracy over matched pairs;
    * resolution: B-cubed over the gold mentions that a predicted mention matches.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pipeline.tables import split_cell

Record = dict[str, Any]


def prf(n_true_positive: int, n_predicted: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (0 where undefined), rounded for the metrics file."""
    precision = n_true_positive / n_predicted if n_predicted else 0.0
    recall = n_true_positive / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "n_gold": n_gold, "n_predicted": n_predicted}


def overlaps(a: Record, b: Record) -> bool:
    """The two spans share at least one character (same document assumed)."""
    return a["start"] < b["end"] and b["start"] < a["end"]


def union_overlap(a: Record, b: Record) -> float:
    """Shared characters over the characters of the union of the two spans."""
    shared = min(a["end"], b["end"]) - max(a["start"], b["start"])
    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
    return max(shared, 0) / union if union else 0.0


def match(
    gold: Sequence[Record], predicted: Sequence[Record], same: Callable[[Record, Record], bool]
) -> list[tuple[int, int]]:
    """One-to-one greedy matching by document, best overlap first.

    Returns:
        list[tuple[int, int]]: pairs (gold index, predicted index).
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(predicted):
        by_doc[p["doc_id"]].append(j)
    candidates = []
    for i, g in enumerate(gold):
        for j in by_doc.get(g["doc_id"], ()):
            p = predicted[j]
            if same(g, p):
                candidates.append((-union_overlap(g, p), i, j))
    pairs, used_gold, used_predicted = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_predicted:
            pairs.append((i, j))
            used_gold.add(i)
            used_predicted.add(j)
    return sorted(pairs)


def score_spans(
    gold: Sequence[Record], predicted: Sequence[Record], same: Callable[[Record, Record], bool]
) -> tuple[dict[str, float], list[tuple[int, int]]]:
    """P/R/F1 of a one-to-one matching, and the matched pairs."""
    pairs = match(gold, predicted, same)
    return prf(len(pairs), len(predicted), len(gold)), pairs


def exact_with_label(g: Record, p: Record) -> bool:
    """Same offsets and same label."""
    return g["start"] == p["start"] and g["end"] == p["end"] and g["label"] == p["label"]


def overlap_with_label(g: Record, p: Record) -> bool:
    """Overlapping offsets and same label."""
    return overlaps(g, p) and g["label"] == p["label"]


def half_union(g: Record, p: Record) -> bool:
    """Overlap of at least 50% of the union (quotations)."""
    return union_overlap(g, p) >= 0.5


def score_entities(gold: Sequence[Record], predicted: Sequence[Record]) -> dict[str, Any]:
    """NER scores: exact and overlap, overall and by label."""
    result: dict[str, Any] = {}
    for name, same in (("exact", exact_with_label), ("overlap", overlap_with_label)):
        result[name], _ = score_spans(gold, predicted, same)
        result[name]["by_label"] = {
            label: score_spans([g for g in gold if g["label"] == label],
                               [p for p in predicted if p["label"] == label], same)[0]
            for label in ("PER", "ORG", "LOC", "MISC")
        }
    return result


def b_cubed(gold_clusters: Sequence[str], predicted_clusters: Sequence[str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of two clusterings of the same items."""
    n = len(gold_clusters)
    if not n:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n_items": 0}
    gold_members: dict[str, set[int]] = defaultdict(set)
    predicted_members: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold_clusters, predicted_clusters, strict=False)):
        gold_members[g].add(i)
        predicted_members[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold_clusters, predicted_clusters, strict=True):
        shared = len(gold_members[g] & predicted_members[p])
        precision += shared / len(predicted_members[p])
        recall += shared / len(gold_members[g])
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "n_items": n}


def score_resolution(gold: Sequence[Record], predicted: Sequence[Record]) -> dict[str, float]:
    """B-cubed over gold mentions matched (overlap, same label) by a predicted mention.

    Gold clusters are the canonical ``entity`` names; predicted clusters the predicted
    ``entity_id``. Mentions the NER missed do not count here (NER recall does).
    """
    pairs = match(gold, predicted, overlap_with_label)
    return b_cubed([gold[i]["entity"] for i, _ in pairs],
                   [predicted[j]["entity_id"] for _, j in pairs])


def fold(text: str) -> str:
    """Lowercase, accents and punctuation folded: for comparing names."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def predicted_identities(gold: Sequence[Record], predicted: Sequence[Record]) -> dict[str, str]:
    """The gold entity each predicted entity_id stands for (majority of matched mentions)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for i, j in match(gold, predicted, overlap_with_label):
        votes[predicted[j]["entity_id"]][gold[i]["entity"]] += 1
    return {entity_id: counter.most_common(1)[0][0] for entity_id, counter in votes.items()}


def speaker_is_right(gold: Record, predicted: Record, identities: dict[str, str]) -> bool:
    """The predicted speakers are the gold speaker entities, each by entity or by folded
    name; several speakers of one speech act (``|``-joined) must all be found, no more.
    """
    expected = [fold(n) for n in split_cell(gold.get("speaker_name"))]
    ids = split_cell(predicted.get("speaker_entity_ids") or predicted.get("speaker_entity_id"))
    names = split_cell(predicted.get("speaker_names") or predicted.get("speaker_name"))
    # each predicted speaker: what its entity stands for, and its own name
    speakers = [{fold(identities.get(i) or ""), fold(n)} - {""}
                for i, n in itertools.zip_longest(ids, names, fillvalue="")]
    if not expected or len(speakers) != len(expected):
        return False
    return any(all(g in s for g, s in zip(expected, order, strict=True))
               for order in itertools.permutations(speakers))


def score_quotes(
    gold: Sequence[Record], predicted: Sequence[Record], identities: dict[str, str]
) -> tuple[dict[str, Any], list[tuple[int, int]]]:
    """Quotation P/R/F1 (overall, by kind), kind accuracy and speaker accuracy."""
    overall, pairs = score_spans(gold, predicted, half_union)
    result: dict[str, Any] = {"all": overall, "by_kind": {}}
    for kind in ("direct", "indirect", "mixed"):
        result["by_kind"][kind] = score_spans([g for g in gold if g["kind"] == kind],
                                              [p for p in predicted if p["kind"] == kind],
                                              half_union)[0]
    with_speaker = [(i, j) for i, j in pairs if gold[i].get("speaker_name")]
    right = sum(speaker_is_right(gold[i], predicted[j], identities) for i, j in with_speaker)
    result["speaker_accuracy"] = round(right / len(with_speaker), 4) if with_speaker else 0.0
    result["n_speaker_scored"] = len(with_speaker)
    result["kind_accuracy"] = (round(sum(gold[i]["kind"] == predicted[j]["kind"]
                                         for i, j in pairs) / len(pairs), 4) if pairs else 0.0)
    return result, pairs


def score_timexes(gold: Sequence[Record], predicted: Sequence[Record]) -> dict[str, Any]:
    """Temporal expressions: overlap P/R/F1, TIMEX3 value and type accuracy."""
    result, pairs = score_spans(gold, predicted, overlaps)
    exact, _ = score_spans(gold, predicted, lambda g, p: g["start"] == p["start"]
                           and g["end"] == p["end"])
    right_value = sum(str(gold[i]["value"]) == str(predicted[j]["value"]) for i, j in pairs)
    right_type = sum(gold[i]["type"] == predicted[j]["type"] for i, j in pairs)
    result["exact_f1"] = exact["f1"]
    result["value_accuracy"] = round(right_value / len(pairs), 4) if pairs else 0.0
    result["type_accuracy"] = round(right_type / len(pairs), 4) if pairs else 0.0
    result["value_f1"] = prf(right_value, len(predicted), len(gold))["f1"]
    return result


def errors(
    task: str,
    gold: Sequence[Record],
    predicted: Sequence[Record],
    pairs: Iterable[tuple[int, int]],
    texts: dict[str, str],
    describe: Callable[[Record], str],
    context: int = 60,
    agree: Callable[[Record, Record], bool] | None = None,
) -> list[Record]:
    """Misses and false alarms (and matched pairs that disagree), with their context.

    ``agree`` tells whether a matched pair agrees (a speaker right by its entity though
    its name is spelt otherwise); by default, when both describe alike.
    """
    pairs = list(pairs)
    matched_gold = {i for i, _ in pairs}
    matched_predicted = {j for _, j in pairs}
    rows = []

    def row(kind: str, record: Record, detail: str) -> Record:
        text = texts.get(record["doc_id"], "")
        left = text[max(record["start"] - context, 0) : record["start"]]
        right = text[record["end"] : record["end"] + context]
        return {"task": task, "error": kind, "doc_id": record["doc_id"],
                "start": record["start"], "end": record["end"],
                "text": text[record["start"]:record["end"]], "detail": detail,
                "context": f"{left}[[{text[record['start']:record['end']]}]]{right}"
                .replace("\n", " ")}

    for i, g in enumerate(gold):
        if i not in matched_gold:
            rows.append(row("miss", g, describe(g)))
    for j, p in enumerate(predicted):
        if j not in matched_predicted:
            rows.append(row("false_alarm", p, describe(p)))
    agree = agree or (lambda g, p: describe(g) == describe(p))
    for i, j in pairs:
        if not agree(gold[i], predicted[j]):
            rows.append(row("mismatch", gold[i],
                            f"gold: {describe(gold[i])} | predicted: {describe(predicted[j])}"))
    return sorted(rows, key=lambda r: (r["doc_id"], r["start"], r["error"]))
