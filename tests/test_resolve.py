"""Tests of corpus-wide entity resolution on hand-made mention tables."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.resolve import (
    ENTITY_COLUMNS,
    entity_id,
    initials_links,
    link_mentions,
    resolve_entities,
    split_person_name,
    translit_key,
)

NO_DESCRIPTIONS = pd.DataFrame(columns=["doc_id", "mention_start", "mention_end", "text"])


def mentions_table(docs: dict[str, list[tuple]]) -> pd.DataFrame:
    """Mentions from ``{doc_id: [(text, label) or (text, label, local_name), ...]}``."""
    rows = []
    for doc_id, mentions in docs.items():
        offset = 0
        for mention in mentions:
            text, label = mention[:2]
            row = dict(doc_id=doc_id, mention_id=f"{doc_id}:{offset}-{offset + len(text)}",
                       start=offset, end=offset + len(text), text=text, label=label)
            if len(mention) == 3:
                row["local_name"] = mention[2]
            rows.append(row)
            offset += len(text) + 10
    return pd.DataFrame(rows)


def resolve(docs, descriptions=NO_DESCRIPTIONS):
    mentions = mentions_table(docs)
    ids, entities = resolve_entities(mentions, descriptions)
    return mentions.assign(entity_id=ids), entities


def same_entity(mentions, a, b):
    ids = mentions.set_index("text")["entity_id"]
    return ids[a] == ids[b] if isinstance(ids[a], str) and isinstance(ids[b], str) else False


@pytest.mark.parametrize("word, variant", [
    ("Gorbatchev", "Gorbachev"),
    ("Khrouchtchev", "Khrushchev"),
    ("Zelensky", "Zelenskyy"),
    ("Zelensky", "Zelenski"),
    ("Sergueï", "Sergey"),
])
def test_translit_key_folds_transliteration_variants(word, variant):
    assert translit_key(word) == translit_key(variant)


def test_split_person_name_keeps_particles_in_the_surname():
    name = split_person_name("Mme Marine Le Pen")
    assert (name.given, name.surname) == ("Marine", "Le Pen")
    assert split_person_name("Le Pen").given == ""
    assert split_person_name("George W. Bush").surname == "Bush"


def test_link_mentions_links_surname_and_civility_to_the_full_name_of_the_document():
    local = link_mentions([("Jacques Chirac", "PER"), ("M. Chirac", "PER"), ("Chirac", "PER"),
                           ("Paris", "LOC")])
    assert local == ["Jacques Chirac", "Jacques Chirac", "Jacques Chirac", "Paris"]


def test_link_mentions_links_an_acronym_the_text_expands():
    local = link_mentions([("Organisation mondiale de la santé", "ORG"), ("OMS", "ORG")],
                          {"OMS": "Organisation mondiale de la santé"})
    assert local == ["Organisation mondiale de la santé"] * 2


def test_link_mentions_links_a_one_word_name_to_the_longer_name_it_tells_apart():
    local = link_mentions([("musée d'Orsay", "ORG"), ("Orsay", "ORG"), ("Grasshopper Club", "ORG"),
                           ("Grasshopper", "ORG"), ("prix Femina", "MISC"), ("Femina", "MISC"),
                           ("gare de Lyon", "LOC"), ("Lyon", "LOC")])
    assert local == ["musée d'Orsay", "musée d'Orsay", "Grasshopper Club", "Grasshopper Club",
                     "prix Femina", "prix Femina", "gare de Lyon", "Lyon"]


def test_link_mentions_links_a_first_name_alone_to_the_only_full_name_with_it():
    local = link_mentions([("Kylian Mbappé", "PER"), ("Kylian", "PER"), ("Marie Curie", "PER"),
                           ("Marie Dupont", "PER"), ("Marie", "PER")])
    assert local == ["Kylian Mbappé", "Kylian Mbappé", "Marie Curie", "Marie Dupont", "Marie"]


def test_link_mentions_leaves_a_word_that_no_single_longer_name_tells_apart():
    # two longer names contain "Lens"; "Lazard" is one of several capitalised words
    local = link_mentions([("musée de Lens", "ORG"), ("université de Lens", "ORG"),
                           ("Lens", "ORG"), ("Banque Lazard Frères", "ORG"), ("Lazard", "ORG")])
    assert (local[2], local[4]) == ("Lens", "Lazard")


def test_resolve_links_full_name_surname_and_civility_within_a_document():
    mentions, entities = resolve({"d1": [("Jacques Chirac", "PER"), ("Chirac", "PER"),
                                         ("M. Chirac", "PER")]})
    assert mentions["entity_id"].nunique() == 1
    (row,) = entities.itertuples()
    assert (row.name, row.aliases, row.n_mentions) == ("Jacques Chirac",
                                                       "Chirac|Jacques Chirac|M. Chirac", 3)


def test_resolve_links_a_surname_alone_across_documents_via_the_full_name():
    mentions, _ = resolve({"d1": [("Angela Merkel", "PER")], "d2": [("Merkel", "PER")],
                           "d3": [("Mme Merkel", "PER")]})
    assert mentions["entity_id"].nunique() == 1


def test_resolve_joins_accent_and_case_variants_and_keeps_accents_in_the_name():
    mentions, entities = resolve({"d1": [("José Martí", "PER")], "d2": [("Jose Marti", "PER")],
                                  "d3": [("JOSÉ MARTÍ", "PER"), ("Jose Marti", "PER")]})
    assert mentions["entity_id"].nunique() == 1
    assert entities["name"].tolist() == ["José Martí"]


@pytest.mark.parametrize("variants", [
    ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenski"],
    ["Mikhaïl Gorbatchev", "Mikhail Gorbachev"],
    ["Nikita Khrouchtchev", "Nikita Khrushchev"],
    # no transliteration key catches this one: phonetic block + fuzzy check
    ["Mohammed ben Salmane", "Mohammed bin Salman"],
])
def test_resolve_joins_transliteration_variants_across_documents(variants):
    docs = {f"d{i}": [(name, "PER")] for i, name in enumerate(variants)}
    mentions, entities = resolve(docs)
    assert mentions["entity_id"].nunique() == 1
    assert len(entities) == 1


def test_resolve_keeps_apart_people_with_one_surname_and_different_first_names():
    mentions, entities = resolve({"d1": [("Marine Le Pen", "PER")],
                                  "d2": [("Jean-Marie Le Pen", "PER")],
                                  "d3": [("Le Pen", "PER")]})
    assert mentions["entity_id"].nunique() == 3
    assert sorted(entities["name"]) == ["Jean-Marie Le Pen", "Le Pen", "Marine Le Pen"]


def test_resolve_keeps_apart_similar_names_of_different_people_in_one_document():
    mentions, _ = resolve({"d1": [("Ivan Petrov", "PER"), ("Ivan Petrova", "PER")],
                           "d2": [("Ivan Petrov", "PER")], "d3": [("Ivan Petrova", "PER")]})
    assert mentions.groupby("text")["entity_id"].nunique().eq(1).all()
    assert mentions["entity_id"].nunique() == 2


def test_resolve_joins_an_acronym_and_the_expansion_the_text_links_it_to():
    mentions, entities = resolve({
        "d1": [("Organisation mondiale de la santé", "ORG", "Organisation mondiale de la santé"),
               ("OMS", "ORG", "Organisation mondiale de la santé")],
        "d2": [("OMS", "ORG", "OMS")],
    })
    assert mentions["entity_id"].nunique() == 1
    (row,) = entities.itertuples()
    assert (row.name, row.aliases, row.n_documents) == (
        "Organisation mondiale de la santé", "OMS|Organisation mondiale de la santé", 2)


def test_resolve_joins_non_person_names_by_folded_key_and_majority_label():
    mentions, entities = resolve({"d1": [("Nations unies", "ORG"), ("Nations unies", "ORG")],
                                  "d2": [("Nations Unies", "ORG")],
                                  "d3": [("États-Unis", "LOC"), ("Etats-Unis", "ORG")],
                                  "d4": [("États-Unis", "LOC")]})
    assert mentions["entity_id"].nunique() == 2
    assert sorted(zip(entities["name"], entities["label"], strict=True)) == [
        ("Nations unies", "ORG"), ("États-Unis", "LOC")]


def test_resolve_entity_ids_are_derived_from_the_entity_not_the_order():
    docs = {"d1": [("Jacques Chirac", "PER"), ("Paris", "LOC")], "d2": [("Chirac", "PER")]}
    reordered = {"d2": [("Chirac", "PER")], "d1": [("Paris", "LOC"), ("Jacques Chirac", "PER")]}
    _, first = resolve(docs)
    _, second = resolve(reordered)
    assert first["entity_id"].tolist() == second["entity_id"].tolist() == [
        "LOC:paris", "PER:jacques-chirac"]
    assert entity_id("PER", "Jacques Chirac") == "PER:jacques-chirac"


def test_resolve_collects_descriptions_and_returns_the_contract_columns():
    docs = {"d1": [("Jacques Chirac", "PER")], "d2": [("Jacques Chirac", "PER")]}
    descriptions = pd.DataFrame([
        dict(doc_id="d1", mention_start=0, mention_end=14, text="président de la République"),
        dict(doc_id="d2", mention_start=0, mention_end=14, text="ancien  maire de Paris"),
        dict(doc_id="d2", mention_start=0, mention_end=14, text="président de la République"),
    ])
    mentions, entities = resolve(docs, descriptions)
    assert list(entities.columns) == ENTITY_COLUMNS
    (row,) = entities.itertuples()
    assert row.descriptions == "ancien maire de Paris|président de la République"
    assert (row.n_mentions, row.n_documents) == (2, 2)


def test_resolve_returns_one_id_per_mention_on_the_input_index():
    mentions = mentions_table({"d1": [("Jacques Chirac", "PER"), ("Paris", "LOC")]})
    mentions.index = [10, 20]
    ids, _ = resolve_entities(mentions, NO_DESCRIPTIONS)
    assert ids.index.tolist() == [10, 20]
    assert ids.tolist() == ["PER:jacques-chirac", "LOC:paris"]


def test_resolve_handles_an_empty_table():
    empty = pd.DataFrame(columns=["doc_id", "mention_id", "start", "end", "text", "label"])
    ids, entities = resolve_entities(empty, NO_DESCRIPTIONS)
    assert ids.empty and entities.empty and list(entities.columns) == ENTITY_COLUMNS


def test_initials_links_an_acronym_to_the_one_name_it_abbreviates():
    mentions = [("Office fédéral de la santé publique", "ORG"), ("OFSP", "ORG"),
                ("Agence France-Presse", "ORG"), ("AFP", "ORG"), ("Suisse", "LOC")]
    assert initials_links(mentions) == [("OFSP", "Office fédéral de la santé publique"),
                                        ("AFP", "Agence France-Presse")]


def test_initials_links_leave_ambiguous_acronyms_and_people_alone():
    # Two names with the letters P and S: the acronym links to neither.
    assert initials_links([("Parti socialiste", "ORG"), ("Parc des Sports", "LOC"),
                           ("PS", "ORG")]) == []
    # A person's initials are no acronym of the person.
    assert initials_links([("Jean Dupont", "PER"), ("JD", "ORG")]) == []


def test_initials_links_read_long_acronyms_written_as_words():
    mentions = [("Institut national de la statistique et des études économiques", "ORG"),
                ("Insee", "ORG"), ("Paris", "LOC")]
    assert initials_links(mentions) == [
        ("Insee", "Institut national de la statistique et des études économiques")]
