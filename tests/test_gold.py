"""The gold set is consistent: every span matches its text, splits and values are valid."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT

GOLD = ROOT / "data" / "gold"
ANNOTATIONS = sorted((GOLD / "annotations").glob("*.json"))


def test_gold_set_has_dev_and_test_parts():
    splits = [json.loads(p.read_text(encoding="utf-8"))["split"] for p in ANNOTATIONS]
    assert splits.count("test") >= 6
    assert splits.count("dev") >= 10


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_gold_spans_match_text(path):
    record = json.loads(path.read_text(encoding="utf-8"))
    text = (GOLD / "texts" / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
    assert record["published"] and len(record["published"]) == 10
    for entity in record["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
        assert entity["label"] in {"PER", "ORG", "LOC", "MISC"}
    for quote in record["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert quote["kind"] in {"direct", "indirect", "mixed"}
        if quote.get("speaker_start") is not None:
            assert text[quote["speaker_start"]:quote["speaker_end"]] == quote["speaker_text"]
    for timex in record["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
