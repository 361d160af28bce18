"""Stage ``evaluate``: score every step, and off-the-shelf baselines, on the gold set.

Runs the whole pipeline on ``data/gold/texts`` and compares its tables with the
annotations, split by ``dev`` (looked at while writing rules) and ``test`` (never
tuned on). The baselines are what a new user would get without this project: the raw
``fr_core_news_md`` entities (resolution by identical text), a guillemet regex with
the nearest person as speaker, and ``dateparser``'s ``search_dates``. Writes one
metrics JSON (declared as DVC metrics) and an error report per task.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline import evaluation as ev
from pipeline.params import load_params
from pipeline.runner import run_all
from pipeline.stages import setup_logging
from pipeline.tables import read_rows

log = logging.getLogger(__name__)

_INT_FIELDS = ("start", "end", "speaker_start", "speaker_end")


def load_gold(gold_dir: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Annotation records and raw texts by doc_id."""
    records, texts = [], {}
    for path in sorted((gold_dir / "annotations").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        records.append(record)
        texts[record["doc_id"]] = (gold_dir / "texts" / f"{record['doc_id']}.txt").read_text(
            encoding="utf-8")
    return records, texts


def write_metadata(records: list[dict[str, Any]], path: Path) -> Path:
    """metadata.csv for the gold texts (publication dates, titles, URLs)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "published", "source_url", "title"])
        for r in records:
            writer.writerow([r["doc_id"], r.get("published", ""), r.get("source_url", ""),
                             r.get("title", "")])
    return path


def gold_items(records: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """All gold spans of one kind, with their doc_id."""
    return [{**item, "doc_id": r["doc_id"]} for r in records for item in r[key]]


def predicted_table(out_dir: Path, name: str) -> list[dict[str, Any]] | None:
    """A predicted table as records with integer offsets; None if the stage is absent."""
    if not (out_dir / f"{name}.csv").exists():
        return None
    rows = []
    for row in read_rows(name, out_dir):
        for field in _INT_FIELDS:
            if field in row:
                row[field] = int(row[field]) if row[field] else None
        rows.append(row)
    return rows


def baseline_entities(texts: dict[str, str], model: str) -> list[dict[str, Any]]:
    """Raw model entities on the raw text; resolution by identical folded text."""
    import spacy

    nlp = spacy.load(model)
    mentions = []
    for doc_id, doc in zip(texts, nlp.pipe(texts.values()), strict=False):
        for ent in doc.ents:
            mentions.append({"doc_id": doc_id, "start": ent.start_char, "end": ent.end_char,
                             "label": ent.label_, "text": ent.text,
                             "entity_id": f"{ent.label_}:{ev.fold(ent.text)}"})
    return mentions


_GUILLEMETS = re.compile(r"«\s*([^«»]{1,2000}?)\s*»|“\s*([^“”]{1,2000}?)\s*”")


def baseline_quotes(texts: dict[str, str], mentions: list[dict[str, Any]]) -> list[dict]:
    """Guillemet regex; speaker = nearest raw-model person mention in the paragraph."""
    people: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        if m["label"] == "PER":
            people.setdefault(m["doc_id"], []).append(m)
    quotes = []
    for doc_id, text in texts.items():
        for found in _GUILLEMETS.finditer(text):
            group = 1 if found.group(1) is not None else 2
            start, end = found.start(group), found.end(group)
            para_start = text.rfind("\n", 0, start) + 1
            para_end = text.find("\n", end) % (len(text) + 1)
            candidates = [p for p in people.get(doc_id, [])
                          if para_start <= p["start"] and p["end"] <= para_end
                          and not (start <= p["start"] < end)]
            speaker = min(candidates, key=lambda p: min(abs(p["start"] - end),
                                                        abs(start - p["end"])), default=None)
            quotes.append({"doc_id": doc_id, "start": start, "end": end, "kind": "direct",
                           "speaker_name": speaker["text"] if speaker else "",
                           "speaker_entity_id": speaker["entity_id"] if speaker else ""})
    return quotes


def baseline_dates(texts: dict[str, str], published: dict[str, str]) -> list[dict[str, Any]]:
    """``dateparser.search.search_dates`` in French, relative to the publication date."""
    from dateparser.search import search_dates

    found = []
    for doc_id, text in texts.items():
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
        if published.get(doc_id):
            settings["RELATIVE_BASE"] = datetime.fromisoformat(published[doc_id])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = search_dates(text, languages=["fr"], settings=settings) or []
        cursor = 0
        for substring, moment in results:
            start = text.find(substring, cursor)
            if start < 0:
                continue
            cursor = start + len(substring)
            found.append({"doc_id": doc_id, "start": start, "end": cursor, "type": "DATE",
                          "value": moment.date().isoformat(), "text": substring})
    return found


def split_of(records: list[dict[str, Any]]) -> dict[str, str]:
    """doc_id -> dev | test."""
    return {r["doc_id"]: r["split"] for r in records}


def only(items: list[dict[str, Any]] | None, docs: set[str]) -> list[dict[str, Any]] | None:
    """The items of some documents (None stays None)."""
    return None if items is None else [i for i in items if i["doc_id"] in docs]


def score_split(gold: dict[str, list], predicted: dict[str, list | None],
                baseline: dict[str, list]) -> dict[str, Any]:
    """All metrics of one split, pipeline beside baseline."""
    result: dict[str, Any] = {}
    systems = {"pipeline": predicted, "baseline": baseline}
    for system, tables in systems.items():
        mentions = tables.get("mentions")
        if mentions is not None:
            ner = ev.score_entities(gold["entities"], mentions)
            result.setdefault("ner", {})[system] = {
                "overlap": ner["overlap"], "exact": {k: ner["exact"][k] for k in
                                                     ("precision", "recall", "f1")}}
            result.setdefault("resolution", {})[system] = ev.score_resolution(
                gold["entities"], mentions)
        if tables.get("quotes") is not None:
            identities = ev.predicted_identities(gold["entities"], mentions or [])
            result.setdefault("quotes", {})[system] = ev.score_quotes(
                gold["quotes"], tables["quotes"], identities)[0]
        if tables.get("dates") is not None:
            result.setdefault("dates", {})[system] = ev.score_timexes(gold["timexes"],
                                                                      tables["dates"])
    return result


def error_reports(gold: dict[str, list], predicted: dict[str, list | None],
                  texts: dict[str, str], splits: dict[str, str]) -> dict[str, list[dict]]:
    """Misses, false alarms and disagreements of the pipeline, per task."""
    reports: dict[str, list[dict]] = {}
    if predicted.get("mentions") is not None:
        _, pairs = ev.score_spans(gold["entities"], predicted["mentions"], ev.overlaps)
        reports["ner"] = ev.errors("ner", gold["entities"], predicted["mentions"], pairs, texts,
                                   lambda r: f"{r['label']} {r['text']}")
    if predicted.get("quotes") is not None:
        _, pairs = ev.score_spans(gold["quotes"], predicted["quotes"], ev.half_union)
        identities = ev.predicted_identities(gold["entities"], predicted.get("mentions") or [])
        reports["quotes"] = ev.errors(
            "quotes", gold["quotes"], predicted["quotes"], pairs, texts,
            lambda r: f"{r['kind']} / {r.get('speaker_names') or r.get('speaker_name') or '-'}",
            agree=lambda g, p: g["kind"] == p["kind"] and (
                ev.speaker_is_right(g, p, identities) if g.get("speaker_name")
                else not (p.get("speaker_names") or p.get("speaker_name"))))
    if predicted.get("dates") is not None:
        _, pairs = ev.score_spans(gold["timexes"], predicted["dates"], ev.overlaps)
        reports["dates"] = ev.errors("dates", gold["timexes"], predicted["dates"], pairs, texts,
                                     lambda r: f"{r['type']} {r['value']}")
    for rows in reports.values():
        for row in rows:
            row["split"] = splits.get(row["doc_id"], "")
    return reports


#: Headline figures copied into the summary metrics file: (task, path inside the task).
HEADLINES = {
    "ner_overlap_f1": ("ner", ("overlap", "f1")),
    "ner_exact_f1": ("ner", ("exact", "f1")),
    "resolution_b3_f1": ("resolution", ("f1",)),
    "quotes_f1": ("quotes", ("all", "f1")),
    "quotes_direct_f1": ("quotes", ("by_kind", "direct", "f1")),
    "quotes_indirect_f1": ("quotes", ("by_kind", "indirect", "f1")),
    "quotes_mixed_f1": ("quotes", ("by_kind", "mixed", "f1")),
    "speaker_accuracy": ("quotes", ("speaker_accuracy",)),
    "dates_f1": ("dates", ("f1",)),
    "dates_value_accuracy": ("dates", ("value_accuracy",)),
}


def summary(metrics: dict[str, Any]) -> dict[str, Any]:
    """The headline figures by split and system, for ``dvc metrics show`` at a glance."""
    out: dict[str, Any] = {}
    for split, tasks in metrics.items():
        for name, (task, path) in HEADLINES.items():
            for system, scores in tasks.get(task, {}).items():
                value: Any = scores
                for key in path:
                    value = value[key]
                out.setdefault(split, {}).setdefault(system, {})[name] = value
    return out


def run(gold_dir: Path, work_dir: Path, metrics_path: Path, errors_dir: Path,
        params: dict[str, Any]) -> dict[str, Any]:
    """Run the pipeline on the gold texts and score it; return the metrics."""
    records, texts = load_gold(gold_dir)
    log.info("Found %d gold documents", len(records))
    metadata = write_metadata(records, work_dir / "metadata.csv")
    out_dir = work_dir / "out"
    run_all(gold_dir / "texts", out_dir, params=params, metadata_path=metadata,
            work_dir=work_dir / "docs", progress=False)
    gold = {key: gold_items(records, key) for key in ("entities", "quotes", "timexes")}
    predicted = {name: predicted_table(out_dir, name) for name in ("mentions", "quotes", "dates")}
    base_mentions = baseline_entities(texts, params.get("model", "fr_core_news_md"))
    baseline = {
        "mentions": base_mentions,
        "quotes": baseline_quotes(texts, base_mentions),
        "dates": baseline_dates(texts, {r["doc_id"]: r.get("published", "") for r in records}),
    }
    splits = split_of(records)
    metrics: dict[str, Any] = {}
    for split in ("dev", "test"):
        docs = {doc_id for doc_id, s in splits.items() if s == split}
        metrics[split] = score_split(
            {k: only(v, docs) for k, v in gold.items()},
            {k: only(v, docs) for k, v in predicted.items()},
            {k: only(v, docs) for k, v in baseline.items()},
        )
        metrics[split]["n_documents"] = len(docs)
    metrics_path.parent.mkdir(parents=True, exist_ok=True)
    metrics_path.write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n",
                            encoding="utf-8")
    metrics_path.with_name("summary.json").write_text(
        json.dumps(summary(metrics), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    errors_dir.mkdir(parents=True, exist_ok=True)
    for task, rows in error_reports(gold, predicted, texts, splits).items():
        with (errors_dir / f"errors_{task}.csv").open("w", encoding="utf-8-sig",
                                                      newline="") as handle:
            fields = ["split", "task", "error", "doc_id", "start", "end", "text", "detail",
                      "context"]
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)
    log.info("Saved metrics to %s and error reports to %s", metrics_path, errors_dir)
    return metrics


def main() -> None:
    """Command line: ``python -m pipeline.stages.evaluate GOLD WORK METRICS ERRORS``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", type=Path, help="Gold folder with texts/ and annotations/.")
    parser.add_argument("work_dir", type=Path, help="Folder for the pipeline run on the gold.")
    parser.add_argument("metrics", type=Path,
                        help="Metrics JSON to write (DVC metrics); the headline figures go "
                        "to summary.json beside it.")
    parser.add_argument("errors_dir", type=Path, help="Folder for the error reports (CSV).")
    parser.add_argument("--params", type=Path, default=Path("params.yaml"),
                        help="Parameters file of the pipeline.")
    args = parser.parse_args()
    setup_logging()
    run(args.gold_dir, args.work_dir, args.metrics, args.errors_dir, load_params(args.params))


if __name__ == "__main__":
    main()
