"""Sentence bounds shared by every stage, and the DocBin round trip's plumbing."""

from __future__ import annotations

import spacy
import srsly.msgpack
from spacy.tokens import Doc

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


def test_msgpack_plugin_lookup_is_kept_when_a_package_registers_one(monkeypatch):
    registry = srsly.msgpack.msgpack_encoders
    monkeypatch.setattr(registry, "entry_points", True)
    monkeypatch.setattr(registry, "get_entry_points", lambda: {"plugin": object()})
    docs._skip_empty_msgpack_plugin_lookup()
    assert registry.entry_points is True
    monkeypatch.setattr(registry, "get_entry_points", dict)
    docs._skip_empty_msgpack_plugin_lookup()
    assert registry.entry_points is False
