"""Sentence bounds shared by every stage, and the DocBin round trip's plumbing."""

from __future__ import annotations

import catalogue
import pytest
import spacy
import srsly.msgpack
from spacy.tokens import Doc, DocBin, Span

from pipeline import docs


def make_doc(words: list[str], spaces: list[bool], starts: list[bool]) -> Doc:
    return Doc(spacy.blank("fr").vocab, words=words, spaces=spaces, sent_starts=starts)


def test_sentence_bounds_mend_stray_punctuation_but_not_across_paragraphs():
    # « | Il part . | » | Elle reste . \n\n | » | Fin .
    words = ["«", "Il", "part", ".", "»", "Elle", "reste", ".", "\n\n", "»", "Fin", "."]
    spaces = [False, True, False, False, True, True, False, False, False, False, False, False]
    starts = [True, True, False, False, True, True, False, False, False, True, True, False]
    doc = make_doc(words, spaces, starts)
    got = [doc.text[a:b] for a, b in docs.sentence_bounds(doc)]
    # The lone "«" opens the next sentence and the lone "»" closes the previous one;
    # the "»" after the paragraph break stays alone rather than join across it.
    assert got == ["«Il part.»", "Elle reste.", "»", "Fin."]


def test_sentence_bounds_skip_whitespace_only_sentences_and_empty_docs():
    doc = make_doc(["Oui", ".", "\n\n", "Non", "."], [False, False, False, False, False],
                   [True, False, True, True, False])
    assert [doc.text[a:b] for a, b in docs.sentence_bounds(doc)] == ["Oui.", "Non."]
    assert docs.sentence_bounds(make_doc([], [], [])) == []
    assert docs.sentence_numbers(doc, [0, 6, 7]) == [0, 1, 1]


def test_sentence_bounds_stored_by_tokenise_survive_the_docbin_and_are_read_back():
    doc = make_doc(["Oui", ".", "Non", "."], [True, True, False, False],
                   [True, False, True, False])
    computed = docs.sentence_bounds(doc)
    doc._.pipeline_sentences = [list(bounds) for bounds in computed]
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    restored = next(DocBin().from_bytes(data).get_docs(doc.vocab))
    assert docs.sentence_bounds(restored) == computed == [(0, 5), (6, 10)]
    # Stored bounds win over the parse: later stages never recompute them.
    restored._.pipeline_sentences = [[0, 10]]
    assert docs.sentence_bounds(restored) == [(0, 10)]
    assert docs.sentence_numbers(restored, [7]) == [0]


def test_msgpack_plugin_lookup_is_kept_when_a_package_registers_one(monkeypatch):
    registry = srsly.msgpack.msgpack_encoders
    monkeypatch.setattr(registry, "entry_points", True)
    monkeypatch.setattr(registry, "get_entry_points", lambda: {"plugin": object()})
    docs._skip_empty_msgpack_plugin_lookup()
    assert registry.entry_points is True
    monkeypatch.setattr(registry, "get_entry_points", dict)
    docs._skip_empty_msgpack_plugin_lookup()
    assert registry.entry_points is False


def test_msgpack_registry_lookup_is_remembered_until_something_is_registered():
    calls = []

    def get_all():
        calls.append(1)
        return {"n": len(calls)}

    lookup = docs._RegistryLookup(get_all)
    assert lookup() == lookup() == {"n": 1}
    catalogue.REGISTRY[("pipeline-test", "probe")] = object()
    try:
        assert lookup() == {"n": 2}  # a registration is seen at once
    finally:
        del catalogue.REGISTRY[("pipeline-test", "probe")]
    assert len(calls) == 2


def _parsed(words: list[str], doc_id: str) -> Doc:
    doc = make_doc(words, [True] * len(words), [True] + [False] * (len(words) - 1))
    doc._.pipeline_doc_id = doc_id
    return doc


def test_entity_layer_round_trip_lays_corrected_entities_over_the_parsed_docs(tmp_path):
    vocab = spacy.blank("fr").vocab
    parsed = docs.ShardWriter(tmp_path / "tok", shard_size=1)
    layers = docs.EntityLayerWriter(tmp_path / "ent", shard_size=1)
    for doc_id, words in (("a", ["Emmanuel", "Macron", "à", "Paris"]), ("b", ["Le", "Kremlin"])):
        doc = _parsed(words, doc_id)
        parsed.add(doc)
        corrected = _parsed(words, doc_id)
        spans = [(0, 2, "PER"), (3, 4, "LOC")] if doc_id == "a" else [(1, 2, "ORG")]
        corrected.set_ents([Span(corrected, *span[:2], label=span[2]) for span in spans])
        corrected._.pipeline_descriptions = [[0, 15, "président", 20, 29]]
        corrected._.pipeline_key = f"key-{doc_id}"
        layers.add(docs.entity_layer(corrected))
    parsed.commit()
    layers.commit()
    read = list(docs.read_docs(tmp_path / "tok", vocab, tmp_path / "ent"))
    assert [[(e.text, e.label_) for e in doc.ents] for doc in read] == [
        [("Emmanuel Macron", "PER"), ("Paris", "LOC")], [("Kremlin", "ORG")]]
    assert [doc._.pipeline_key for doc in read] == ["key-a", "key-b"]
    assert read[0]._.pipeline_descriptions == [[0, 15, "président", 20, 29]]
    # Without the layer the Docs are read as parsed.
    assert [list(doc.ents) for doc in docs.read_docs(tmp_path / "tok", vocab)] == [[], []]


def test_entity_layer_of_other_documents_is_a_clear_error(tmp_path):
    vocab = spacy.blank("fr").vocab
    parsed = docs.ShardWriter(tmp_path / "tok", shard_size=5)
    parsed.add(_parsed(["Oui"], "a"))
    parsed.commit()
    layers = docs.EntityLayerWriter(tmp_path / "ent", shard_size=5)
    layers.add(docs.entity_layer(_parsed(["Oui"], "z")))
    layers.commit()
    with pytest.raises(ValueError, match="re-run the entities stage"):
        list(docs.read_docs(tmp_path / "tok", vocab, tmp_path / "ent"))


def test_entity_layer_writer_abort_keeps_the_previous_folder(tmp_path):
    first = docs.EntityLayerWriter(tmp_path / "ent", shard_size=5)
    first.add(docs.entity_layer(_parsed(["Oui"], "a")))
    first.commit()
    second = docs.EntityLayerWriter(tmp_path / "ent", shard_size=5)
    second.add(docs.entity_layer(_parsed(["Non"], "b")))
    second.abort()
    assert [r["doc_id"] for r in docs.read_entity_layers(tmp_path / "ent")] == ["a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ent"]
