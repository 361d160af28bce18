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


def _keyed(words: list[str], doc_id: str, key: str) -> Doc:
    doc = _parsed(words, doc_id)
    doc._.pipeline_key = key
    return doc


def _cached_ref(doc: Doc, loads: list[str]) -> docs.DocRef:
    """A document as tokenise hands it over from the cache: bytes, decoded on demand."""
    data, vocab = doc.to_bytes(), doc.vocab

    def load() -> Doc:
        loads.append(doc._.pipeline_doc_id)
        return Doc(vocab).from_bytes(data)

    return docs.DocRef(doc._.pipeline_doc_id, doc._.pipeline_key, load=load)


def test_a_shard_of_unchanged_cached_documents_is_linked_not_encoded_again(tmp_path):
    articles = [(["Le", "maire", "parle"], "a", "ka"), (["Oui"], "b", "kb"),
                (["Non"], "c", "kc")]
    first = docs.ShardWriter(tmp_path / "tok", shard_size=2)
    for words, doc_id, key in articles:
        first.add(_keyed(words, doc_id, key))
    first.commit()
    shard = tmp_path / "tok" / "shard-00000.spacy"
    # Second run: a and b come from the cache unchanged, c changed (new key, parsed again).
    loads: list[str] = []
    second = docs.ShardWriter(tmp_path / "tok", shard_size=2)
    second.add(_cached_ref(_keyed(*articles[0]), loads))
    second.add(_cached_ref(_keyed(*articles[1]), loads))
    second.add(_keyed(["Peut-être"], "c", "kc2"))
    second.commit()
    assert loads == [] and second.n_reused == 1
    assert shard.stat().st_ino == (tmp_path / "tok" / "shard-00000.spacy").stat().st_ino
    vocab = spacy.blank("fr").vocab
    read = list(docs.read_docs(tmp_path / "tok", vocab))
    assert [(d._.pipeline_doc_id, d.text.strip()) for d in read] == [
        ("a", "Le maire parle"), ("b", "Oui"), ("c", "Peut-être")]
    # Same documents in another order, or a changed key: the shard is encoded again.
    loads.clear()
    third = docs.ShardWriter(tmp_path / "tok", shard_size=2)
    third.add(_cached_ref(_keyed(*articles[1]), loads))
    third.add(_cached_ref(_keyed(*articles[0]), loads))
    third.commit()
    assert loads == ["b", "a"] and third.n_reused == 0
    assert [d._.pipeline_doc_id for d in docs.read_docs(tmp_path / "tok", vocab)] == ["b", "a"]


def test_documents_without_a_key_are_never_taken_for_a_previous_shard(tmp_path):
    for text in ("Oui", "Non"):
        writer = docs.ShardWriter(tmp_path / "tok", shard_size=5)
        writer.add(_keyed([text], "a", ""))  # a run without cache: no keys
        writer.commit()
        assert writer.n_reused == 0
    vocab = spacy.blank("fr").vocab
    assert [d.text.strip() for d in docs.read_docs(tmp_path / "tok", vocab)] == ["Non"]


def test_doc_refs_give_ids_and_keys_without_decoding_and_decode_one_doc_on_demand(
        tmp_path, monkeypatch):
    writer = docs.ShardWriter(tmp_path / "tok", shard_size=10)
    for i in range(4):
        writer.add(_keyed([f"mot{i}", "final"], f"d{i}", f"k{i}"))
    writer.commit()
    decoded = []
    real_doc = docs._LazyShard.doc
    monkeypatch.setattr(docs._LazyShard, "doc",
                        lambda self, i: decoded.append(i) or real_doc(self, i))
    vocab = spacy.blank("fr").vocab
    refs = list(docs.read_doc_refs(tmp_path / "tok", vocab))
    assert [(r.doc_id, r.key) for r in refs] == [(f"d{i}", f"k{i}") for i in range(4)]
    assert decoded == []
    assert refs[2].doc.text.strip() == "mot2 final" and refs[2].doc._.pipeline_doc_id == "d2"
    assert decoded == [2]


def test_a_shard_folder_without_indexes_is_still_read(tmp_path):
    # Shards written before the index existed (an older run's folder) are decoded whole.
    folder = tmp_path / "tok"
    folder.mkdir()
    DocBin(docs=[_keyed(["Oui"], "a", "ka"), _keyed(["Non"], "b", "kb")],
           store_user_data=True).to_disk(folder / "shard-00000.spacy")
    vocab = spacy.blank("fr").vocab
    assert [(r.doc_id, r.key, r.doc.text.strip()) for r in docs.read_doc_refs(folder, vocab)] == [
        ("a", "ka", "Oui"), ("b", "kb", "Non")]
    writer = docs.ShardWriter(folder, shard_size=5)  # and never taken for a match
    writer.add(_cached_ref(_keyed(["Oui"], "a", "ka"), []))
    writer.add(_cached_ref(_keyed(["Non"], "b", "kb"), []))
    writer.commit()
    assert writer.n_reused == 0
