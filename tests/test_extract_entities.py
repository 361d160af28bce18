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
    package_lexicons,
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


def test_package_lexicons_are_built_once_then_read_back_from_the_cache(tmp_path, monkeypatch):
    import pipeline.extract.entities as module

    built = package_lexicons(tmp_path)
    assert {"moscou", "lyon"} <= built["cities"] and "russie" in built["places"]
    assert "vladimir" in built["first_names"]
    assert len(list(tmp_path.glob("lexicons-*.pickle"))) == 1

    def fail():
        raise AssertionError("built again")

    monkeypatch.setattr(module, "city_names", fail)
    assert package_lexicons(tmp_path) == built


def test_package_lexicons_rebuild_an_unreadable_cache(tmp_path):
    built = package_lexicons(tmp_path)
    (cached,) = tmp_path.glob("lexicons-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert package_lexicons(tmp_path) == built
    assert cached.read_bytes() != b"not a pickle"


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
    # a Swiss canton's or a town's demonym as a speaker ("a expliqué le Valaisan")
    (["a", "expliqué", "le", "Valaisan"], ["AUX", "VERB", "DET", "PROPN"],
     ["O", "O", "O", "B-PER"]),
    (["Les", "Liégeois", "ont", "voté"], ["DET", "PROPN", "AUX", "VERB"],
     ["O", "B-LOC", "O", "O"]),
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
     [("Premier ministre indien Narendra Modi", "PER")],
     [("Narendra Modi", "PER"), ("Berlin", "LOC")]),
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
     [("Union européenne", "ORG"), ("Bruxelles", "LOC")]),
    # a truncated multi-word name is completed from the next proper noun
    ("Le Financial Times a publié une enquête.", [("Financial", "ORG")],
     [("Financial Times", "ORG")]),
    # a role complement is no name
    ("Le ministre de l'Intérieur Gérald Darmanin a parlé.",
     [("ministre de l'Intérieur", "ORG"), ("Gérald Darmanin", "PER")],
     [("Gérald Darmanin", "PER")]),
    # a known place after a locative preposition is its own name, demonym or not
    ("Les cas de grippe aviaire en Suisse augmentent.", [("grippe aviaire en Suisse", "MISC")],
     [("Suisse", "LOC")]),
    # the predicate of which the name is the subject is no part of it
    ("La grève a commencé alors que le ministère de la Fonction publique menace de licencier "
     "les grévistes.",
     [("Fonction publique menace", "MISC")], [("ministère de la Fonction publique", "ORG")]),
    # a programme and the broadcaster after its "de la"
    ("Il l'a dit mardi dans La Matinale de la RTS.", [("La Matinale de la RTS", "MISC")],
     [("La Matinale", "MISC"), ("RTS", "ORG")]),
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
    # "chez" a name that is no place or person: a company
    ("Une grève a éclaté chez Lunch Garden à Bruxelles.",
     [("Lunch Garden", "LOC"), ("Bruxelles", "LOC")],
     [("Lunch Garden", "ORG"), ("Bruxelles", "LOC")]),
    # a newspaper named without its article
    ("Il travaille au Journal de Montréal.", [("Journal de Montréal", "MISC")],
     [("Journal de Montréal", "ORG")]),
    # a weekday after a name is no part of it
    ("Après l'annonce de Renault jeudi, le ministre a réagi.", [("Renault jeudi", "MISC")],
     [("Renault", "MISC")]),
    # a name after a place noun is a place
    ("L'auteur est arrivé au restaurant Drouant vers midi.", [("Drouant", "PER")],
     [("Drouant", "LOC")]),
    # a capitalised assembly inside a sentence is the institution
    ("Le texte a été adopté par le Parlement, puis renvoyé devant le Sénat.",
     [("Parlement", "ORG"), ("Sénat", "ORG")], [("Parlement", "ORG"), ("Sénat", "ORG")]),
    # a weekday and a day number are a date, not an entity
    ("Programme : Vendredi 22 août, ouverture des fêtes.", [("Vendredi 22", "MISC")], []),
    # a name and a year: one edition of an event
    ("Le Sénégal affronte l'Algérie en finale de la CAN 2019 vendredi.",
     [("Sénégal", "LOC"), ("Algérie", "LOC"), ("CAN", "ORG")],
     [("Sénégal", "LOC"), ("Algérie", "LOC"), ("CAN 2019", "MISC")]),
    # a news agency known by its acronym, missed by the model in a dateline
    ("Paris, France | AFP | mardi 14/05/2024 - L'épidémie a touché 76 personnes.",
     [("Paris", "LOC"), ("France", "LOC")], [("Paris", "LOC"), ("France", "LOC"), ("AFP", "ORG")]),
    # a dateline: the place stays a place beside the agency in parentheses
    ("Mamoudzou (AFP) - Le ministre a annoncé un bilan.", [("Mamoudzou", "LOC"), ("AFP", "ORG")],
     [("Mamoudzou", "LOC"), ("AFP", "ORG")]),
    # holidays are dates, not entities; a person named Noël stays
    ("Le congé de Pâques approche, a dit Noël Mamère.",
     [("Pâques", "MISC"), ("Noël Mamère", "PER")], [("Noël Mamère", "PER")]),
    # the first words of a quotation are no work title; a title that fills its marks is
    ("« Nous sommes là pour dire adieu au glacier », a déclaré Marc Roux.",
     [("Nous sommes là", "MISC"), ("Marc Roux", "PER")], [("Marc Roux", "PER")]),
    ("Le film « On a marché sur la Lune » est sorti.", [("On a marché sur la Lune", "MISC")],
     [("On a marché sur la Lune", "MISC")]),
    # a company by its last word, or by the noun before it
    ("La grève s'enlise chez Ardel Solutions.", [("Ardel Solutions", "MISC")],
     [("Ardel Solutions", "ORG")]),
    ("L'usine Cartonex fermera en juin.", [("Cartonex", "LOC")], [("Cartonex", "ORG")]),
    # a demonym noun before a name is no part of it; a first name that is a demonym stays
    ("La course a été gagnée par l’Australien Rohan Dennis.",
     [("Australien Rohan Dennis", "PER")], [("Rohan Dennis", "PER")]),
    ("Romain Grosjean a abandonné.", [("Romain Grosjean", "PER")],
     [("Romain Grosjean", "PER")]),
    # a street, a building or a landform keeps its noun; a kind of place does not
    ("Les accès sont bloqués rue de la Découverte.", [("Découverte", "LOC")],
     [("rue de la Découverte", "LOC")]),
    ("Il a dormi à l'hôtel Intercontinental.", [("Intercontinental", "ORG")],
     [("hôtel Intercontinental", "LOC")]),
    ("Le village de Gstaad accueille le festival.", [("Gstaad", "LOC")], [("Gstaad", "LOC")]),
    # a known place name goes on after "du": "Amérique du Nord"
    ("Les tarifs menacent l’Amérique du Nord.", [("l’Amérique", "LOC")],
     [("Amérique du Nord", "LOC")]),
    # a name the tokenizer cut after its apostrophe is whole again
    ("Le coach, Michel Preud'homme, regrettait le scénario.", [("Michel Preud'", "PER")],
     [("Michel Preud'homme", "PER")]),
    # a first name the model left out before a person's name joins it
    ("Marine Le Pen a dénoncé la réforme.", [("Le Pen", "PER")], [("Marine Le Pen", "PER")]),
    # an acronym of letters the model calls MISC is an organisation; "COP22" stays
    ("Le député du SDF a parlé avant la COP22.", [("SDF", "MISC"), ("COP22", "MISC")],
     [("SDF", "ORG"), ("COP22", "MISC")]),
])
def test_entity_fixer_labels(parse, rules, text, force, expected):
    assert run(parse, rules, text, force) == expected


@pytest.mark.slow
def test_entity_fixer_tags_later_occurrences_of_a_surname(parse, rules):
    text = "Dmitri Kozak a parlé hier. Kozak a ensuite quitté la salle."
    assert run(parse, rules, text, [("Dmitri Kozak", "PER")]) == [
        ("Dmitri Kozak", "PER"), ("Kozak", "PER")]
    # a hyphenated surname the tokenizer cut in three
    text = "Martin St-Louis a parlé hier. St-Louis a ensuite quitté la salle."
    assert run(parse, rules, text, [("Martin St-Louis", "PER")]) == [
        ("Martin St-Louis", "PER"), ("St-Louis", "PER")]


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


# ---------------------------------------------------------------------------
# Error classes of the dev split, one regression test each (own sentences)
# ---------------------------------------------------------------------------

def run_blank(parse, rules, text):
    """Parse, drop every model entity, then fix: what the rules find on their own."""
    doc = parse(text)
    doc.set_ents([], default="outside")
    EntityFixer(rules=rules)(doc)
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a known country or city that the model skipped
    ("Londres et Madrid ont signé un accord sur l'eau.", [("Londres", "LOC"),
                                                         ("Madrid", "LOC")]),
    # capitalised proper nouns after a title, a first name and a surname
    ("Le général Mamadi Doumbouya a reçu les syndicats.", [("Mamadi Doumbouya", "PER")]),
    ("Hier, Vincent Lindon a reçu un prix.", [("Vincent Lindon", "PER")]),
    # a name after a noun that introduces organisations or works
    ("Les salariés de la société Eiffage Génie Civil sont en grève.",
     [("Eiffage Génie Civil", "ORG")]),
    ("Les députés du groupe Horizons ont voté contre.", [("Horizons", "ORG")]),
    ("Le public a découvert le film Bodega dimanche.", [("Bodega", "MISC")]),
    # an institution that French writes in lowercase
    ("Le parquet national financier a ouvert une enquête.", [("parquet national financier",
                                                              "ORG")]),
    ("Il a comparu devant le tribunal correctionnel de Bobigny.",
     [("tribunal correctionnel de Bobigny", "ORG")]),
])
def test_missed_names_are_found(parse, rules, text, expected):
    assert run_blank(parse, rules, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Le conseil d'administration a validé le plan.",
    "La cour de l'Élysée était pleine.",
    "Le groupe de travail rendra ses conclusions.",
    "La ville de Marseille est la deuxième de France.",
])
def test_missed_names_leave_common_phrases_alone(parse, rules, text):
    assert [e for e in run_blank(parse, rules, text) if e[1] != "LOC"] == []


@pytest.mark.slow
@pytest.mark.parametrize("text, force, expected", [
    # the model absorbed a name into a lowercase institution that it left out
    ("La cour d'appel de Douai a confirmé la peine.", [("Douai", "LOC")],
     [("cour d'appel de Douai", "ORG")]),
])
def test_lowercase_institution_absorbs_the_place_of_its_name(parse, rules, text, force,
                                                             expected):
    assert run(parse, rules, text, force) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, force, expected", [
    # organisation and work nouns before the name, adjectives allowed in between
    ("Le laboratoire américain Moderna a annoncé des essais.", [("Moderna", "PER")],
     [("Moderna", "ORG")]),
    ("L'association Les Petits Frères a lancé un appel.", [("Les Petits Frères", "MISC")],
     [("Les Petits Frères", "ORG")]),
    ("La mission spatiale Juice a quitté la Terre.", [("Juice", "PER")], [("Juice", "MISC")]),
    ("L'exposition Toutânkhamon attire les foules.", [("Toutânkhamon", "LOC")],
     [("Toutânkhamon", "MISC")]),
    # a media noun used as an adjective is skipped
    ("Son émission hebdomadaire « Les Grandes Gueules » est suivie.",
     [("Les Grandes Gueules", "ORG")], [("Les Grandes Gueules", "MISC")]),
    # a noun in apposition after the name
    ("Doctolib, la société française, a levé des fonds.", [("Doctolib", "MISC")],
     [("Doctolib", "ORG")]),
    # clubs and teams
    ("Le Grasshopper Club Zurich a gagné. Grasshopper remonte au classement.",
     [("Grasshopper Club Zurich", "LOC"), ("Grasshopper", "PER")],
     [("Grasshopper Club Zurich", "ORG"), ("Grasshopper", "ORG")]),
    ("Le XV de Galles a battu l'Écosse.", [("XV de Galles", "MISC"), ("Écosse", "LOC")],
     [("XV de Galles", "ORG"), ("Écosse", "LOC")]),
    ("Le Stade brestois a battu Lille.", [("Stade brestois", "LOC"), ("Lille", "LOC")],
     [("Stade brestois", "ORG"), ("Lille", "LOC")]),
    # a federation of territories is a place, a federation of clubs an organisation
    ("La Fédération Bosnie-Herzégovine et la Fédération française de judo ont signé.",
     [("Fédération Bosnie-Herzégovine", "ORG"), ("Fédération française de judo", "LOC")],
     [("Fédération Bosnie-Herzégovine", "LOC"), ("Fédération française de judo", "ORG")]),
    # a capitalised determiner, a country and an adjective: a party
    ("Les élus de La France insoumise ont quitté la salle.", [("La France", "LOC")],
     [("La France insoumise", "ORG")]),
    # a brand-shaped word, a company suffix, a lowercase nationality used as a noun
    ("Le message a été publié sur LinkedIn hier.", [("LinkedIn", "MISC")],
     [("LinkedIn", "ORG")]),
    ("Il a rejoint Anthropic AI en mai.", [("Anthropic AI", "MISC")],
     [("Anthropic AI", "ORG")]),
    ("Seule la suédoise Klarna a fait mieux.", [("Klarna", "LOC")], [("Klarna", "ORG")]),
    # a noun and its complement before the name, an apposition that goes on
    ("Il travaille pour l'éditeur américain de logiciels Oracle.", [("Oracle", "MISC")],
     [("Oracle", "ORG")]),
    ("Doctolib, la start-up française de santé créée en 2013, recrute.",
     [("Doctolib", "MISC")], [("Doctolib", "ORG")]),
    # the complement of a role that heads an organisation
    ("Le PDG d'Hydro-Ontario a démissionné.", [("Hydro-Ontario", "LOC")],
     [("Hydro-Ontario", "ORG")]),
    ("La porte-parole de Graphic Packaging a répondu.", [("Graphic Packaging", "MISC")],
     [("Graphic Packaging", "ORG")]),
    ("Il a rencontré la direction de Graphic Packaging.", [("Graphic Packaging", "MISC")],
     [("Graphic Packaging", "ORG")]),
    # a person after a spokesperson stays a person
    ("Le porte-parole de Vladimir Poutine a démenti.", [("Vladimir Poutine", "PER")],
     [("Vladimir Poutine", "PER")]),
    # a name and the name in parentheses share a label
    ("L'Assistance publique-Hôpitaux de Paris (AP-HP) recrute.",
     [("Assistance publique-Hôpitaux de Paris", "ORG"), ("AP-HP", "LOC")],
     [("Assistance publique-Hôpitaux de Paris", "ORG"), ("AP-HP", "ORG")]),
    # the distinctive word of an organisation of the document
    ("Le musée d'Orsay a rouvert. Orsay a accueilli 3 millions de visiteurs.",
     [("musée d'Orsay", "ORG"), ("Orsay", "LOC")], [("musée d'Orsay", "ORG"), ("Orsay", "ORG")]),
    # "Les Républicains" tagged ORG is a party, not a plural demonym
    ("Les Républicains, divisés, ont voté contre.", [("Républicains", "ORG")],
     [("Républicains", "ORG")]),
])
def test_entity_fixer_fixes_label_confusions(parse, rules, text, force, expected):
    assert run(parse, rules, text, force) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, force, expected", [
    # a title before a name: the name is its holder; the complement of a title is not
    ("Son directeur général, Tedros Adhanom Ghebreyesus, a parlé.",
     [("Tedros Adhanom Ghebreyesus", "ORG")], [("Tedros Adhanom Ghebreyesus", "PER")]),
    # (and so is the complement of the title between them)
    ("Le directeur général de l'OMS, Tedros Adhanom Ghebreyesus, a parlé.",
     [("OMS", "ORG"), ("Tedros Adhanom Ghebreyesus", "ORG")],
     [("OMS", "ORG"), ("Tedros Adhanom Ghebreyesus", "PER")]),
    ("La ministre de la Culture Rima Abdul Malak a visité le site.",
     [("ministre de la Culture Rima Abdul Malak", "ORG")], [("Rima Abdul Malak", "PER")]),
    ("Le président de Stellantis a répondu.", [("président de Stellantis", "PER")],
     [("Stellantis", "ORG")]),
    # a first name followed by a common noun, a determiner or a noun is no person
    ("France Travail compte cinq millions d'inscrits.", [("France Travail", "ORG")],
     [("France Travail", "ORG")]),
    ("Il a fondé The Shift Project en 2010.", [("The Shift Project", "MISC")],
     [("The Shift Project", "MISC")]),
    ("La Ville de Genève a voté le budget.", [("Ville de Genève", "LOC")],
     [("Ville de Genève", "LOC")]),
])
def test_entity_fixer_reads_people_from_titles_and_first_names(parse, rules, text, force,
                                                               expected):
    assert run(parse, rules, text, force) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, force, expected", [
    # complements of an institution name
    ("Le Haut Conseil pour le climat a publié son avis.", [("Haut Conseil", "ORG")],
     [("Haut Conseil pour le climat", "ORG")]),
    ("L'Union syndicale des magistrats proteste.", [("Union syndicale", "ORG")],
     [("Union syndicale des magistrats", "ORG")]),
    ("Le ministère de la Santé et de la Prévention a publié un décret.",
     [("ministère de la Santé", "ORG")],
     [("ministère de la Santé et de la Prévention", "ORG")]),
    # the model ended the span on the preposition that joins the rest of the name
    ("L'Agence régionale de santé d'Occitanie a fermé la plage.",
     [("Agence régionale de santé d'", "ORG"), ("Occitanie", "LOC")],
     [("Agence régionale de santé d'Occitanie", "ORG")]),
    # a hyphenated name cut by the tokenizer
    ("Les élus Yaël Braun-Pivet et Georges-Louis Bouchez étaient là.",
     [("Yaël Braun-", "PER"), ("Louis Bouchez", "PER")],
     [("Yaël Braun-Pivet", "PER"), ("Georges-Louis Bouchez", "PER")]),
    # a compound with a glued hyphen, a coordinated complement of an event
    ("Le Conseil coton-anacarde a fixé les prix.", [("Conseil coton", "ORG")],
     [("Conseil coton-anacarde", "ORG")]),
    ("Les Journées nationales du riz et du blé ont ouvert.",
     [("Journées nationales du riz", "MISC")],
     [("Journées nationales du riz et du blé", "MISC")]),
    # a plus sign that closes a name
    ("Elle regarde « Apple TV + » chaque soir.", [("Apple TV", "MISC")],
     [("Apple TV +", "MISC")]),
    # a title in parentheses cut at its preposition
    ("Le roman Ulysse (Chroniques des Mers) paraît.", [("Ulysse", "MISC"),
     ("Chroniques", "MISC"), ("Mers", "LOC")],
     [("Ulysse", "MISC"), ("Chroniques des Mers", "MISC")]),
])
def test_entity_fixer_completes_truncated_names(parse, rules, text, force, expected):
    assert run(parse, rules, text, force) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, force, expected", [
    ("Le prix est revenu à Gaël Faye pour Jacaranda.", [("Gaël Faye pour Jacaranda", "PER")],
     [("Gaël Faye", "PER"), ("Jacaranda", "MISC")]),
    ("Le Nouveau Front populaire pour Matignon a présenté sa candidate.",
     [("Nouveau Front populaire pour Matignon", "ORG")],
     [("Nouveau Front populaire", "ORG"), ("Matignon", "ORG")]),
])
def test_entity_fixer_splits_a_span_across_a_preposition(parse, rules, text, force, expected):
    assert run(parse, rules, text, force) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, force", [
    # diseases: a lexicon of common ones, and a cue for the others
    ("Le Covid-19 a fait de nombreuses victimes.", [("Covid-19", "MISC")]),
    ("Un deuxième cas positif de Zorba a été confirmé.", [("Zorba", "LOC")]),
    ("Les enfants sont vaccinés contre la Mokola.", [("Mokola", "LOC")]),
    # the end of a title
    ("Le garde des Sceaux a présenté le texte.", [("Sceaux", "LOC")]),
    # editorial notes, units and currencies
    ("Le parti (le PS, NDLR) a refusé.", [("NDLR", "ORG")]),
    ("Le prix du Kg atteint 1500 Fcfa.", [("Kg", "MISC"), ("Fcfa", "PER")]),
    # a lowercase head that is no institution of the State
    ("Ils ont répondu à l'appel du front commun syndical.", [("front commun syndical", "ORG")]),
    # a Roman ordinal, and a unit after a degree sign
    ("Les relevés existent depuis la fin du XIXe siècle.", [("XIXe", "MISC")]),
    ("Il a fait 30 °C dans la vallée.", [("C", "MISC")]),
    ("Un litre d'huile coûte désormais 700 F au marché.", [("F", "LOC")]),
    # the letter of a group of a competition; the holiday season
    ("Le match du groupe C aura lieu demain.", [("C", "ORG")]),
    ("Un virus de type A circule.", [("A", "MISC")]),
    ("Ça a souvent été l'inverse.", [("Ça", "MISC")]),
    ("Les pannes survenues pendant les Fêtes ont duré.", [("Fêtes", "MISC")]),
    # a quoted sentence that fills its marks before a reporting frame
    ("'On en a parlé, mais on a surtout parlé du reste', a indiqué vendredi le ministre.",
     [("On en a parlé, mais on a surtout parlé du reste", "MISC")]),
])
def test_entity_fixer_drops_false_alarms(parse, rules, text, force):
    assert run(parse, rules, text, force) == []


@pytest.mark.slow
def test_entity_fixer_keeps_a_person_after_le_cas_de(parse, rules):
    text = "Le cas de Gérard Depardieu divise."
    assert run(parse, rules, text, [("Gérard Depardieu", "PER")]) == [("Gérard Depardieu", "PER")]


@pytest.mark.slow
def test_entity_fixer_leaves_a_conjugated_verb_out_of_an_institution(parse, rules):
    text = "Le Grand Conseil doit se prononcer."
    assert run(parse, rules, text, [("Grand Conseil", "ORG")]) == [("Grand Conseil", "ORG")]


@pytest.mark.slow
def test_link_within_document_links_a_work_to_its_other_title(parse, rules):
    text = "L'exposition Ulysse (Le Retour du Roi) ouvre. Le Retour du Roi attire."
    doc = parse(text)
    doc.set_ents([doc.char_span(text.find("Ulysse"), text.find("Ulysse") + 6, label="MISC"),
                  doc.char_span(21, 38, label="MISC")], default="outside")
    doc = EntityFixer(rules=rules)(doc)
    links = {(link.text, link.local_name) for link in link_within_document(doc)}
    assert ("Le Retour du Roi", "Ulysse") in links


@pytest.mark.parametrize("words, pos, ents", [
    (["Vendredi", ",", "Statistique", "Canada", "a", "indiqué", "que", "les", "prix",
      "montent"],
     ["NOUN", "PUNCT", "NOUN", "PROPN", "AUX", "VERB", "SCONJ", "DET", "NOUN", "VERB"],
     ["O", "O", "B-LOC", "I-LOC", "O", "O", "O", "O", "O", "O"]),
    (["Selon", "Santé", "publique", "France", ",", "la", "grippe", "recule"],
     ["ADP", "NOUN", "ADJ", "PROPN", "PUNCT", "DET", "NOUN", "VERB"],
     ["O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "O", "O"]),
    (["Selon", "Environnement", "Canada", ",", "il", "pleuvra"],
     ["ADP", "PROPN", "PROPN", "PUNCT", "PRON", "VERB"],
     ["O", "B-MISC", "I-MISC", "O", "O", "O"]),
])
def test_correct_entities_statistics_and_health_agencies_named_after_a_country(
        vocab, rules, words, pos, ents):
    names = fixed(make_doc(vocab, words, pos, ents), rules)
    assert [label for _, label in names] == ["ORG"]


def test_correct_entities_splits_a_medium_from_the_person_after_it(vocab, rules):
    words = ["a", "confié", "à", "La", "Presse", "Abdelah", "Naimi", "hier"]
    pos = ["AUX", "VERB", "ADP", "DET", "PROPN", "PROPN", "PROPN", "ADV"]
    ents = ["O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"]
    assert fixed(make_doc(vocab, words, pos, ents), rules) == [
        ("La Presse", "ORG"), ("Abdelah Naimi", "PER")]
    # (a medium's own longer name stays whole)
    words = ["selon", "La", "Presse", "canadienne", "hier"]
    doc = make_doc(vocab, words, ["ADP", "DET", "PROPN", "ADJ", "ADV"],
                   ["O", "B-MISC", "I-MISC", "I-MISC", "O"])
    assert fixed(doc, rules) == [("La Presse canadienne", "ORG")]


@pytest.mark.parametrize("words, pos, ents, expected", [
    (["Le", "président", "nigérien", "Abdourahamane", "Tiani", "a", "parlé"],
     ["DET", "NOUN", "ADJ", "PROPN", "PROPN", "AUX", "VERB"],
     ["O", "O", "O", "O", "B-LOC", "O", "O"], [("Abdourahamane Tiani", "PER")]),
    (["Le", "général", "Tiani", "a", "accusé", "le", "Bénin"],
     ["DET", "NOUN", "PROPN", "AUX", "VERB", "DET", "PROPN"],
     ["O", "O", "B-LOC", "O", "O", "O", "B-LOC"], [("Tiani", "PER"), ("Bénin", "LOC")]),
    # (an acronym after a title is the organisation the title belongs to)
    (["a", "expliqué", "le", "secrétaire", "fédéral", "SETCa", "hier"],
     ["AUX", "VERB", "DET", "NOUN", "ADJ", "PROPN", "ADV"],
     ["O", "O", "O", "O", "O", "B-ORG", "O"], [("SETCa", "ORG")]),
])
def test_correct_entities_a_name_right_after_a_persons_title_is_a_person(
        vocab, rules, words, pos, ents, expected):
    assert fixed(make_doc(vocab, words, pos, ents), rules) == expected


def test_correct_entities_splits_a_medium_from_the_description_after_it(vocab, rules):
    words = ["a", "dit", "à", "La", "Presse", "le", "météorologue", "d'", "Environnement",
             "Canada", ",", "Alexandre", "Parent"]
    pos = ["AUX", "VERB", "ADP", "DET", "PROPN", "DET", "NOUN", "ADP", "PROPN", "PROPN",
           "PUNCT", "PROPN", "PROPN"]
    ents = ["O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "I-MISC", "I-MISC",
            "I-MISC", "O", "B-PER", "I-PER"]
    names = fixed(make_doc(vocab, words, pos, ents), rules)
    assert [text for text, _ in names] == ["La Presse", "Environnement Canada",
                                          "Alexandre Parent"]
    assert names[0][1] == "ORG"


@pytest.mark.parametrize("short, expected", [
    # the bracketed short form abbreviates the whole listed name
    ("Sames", [("Syndicat autonome des médecins, pharmaciens et chirurgiens-dentistes du "
                "Sénégal", "ORG"), ("Sames", "ORG")]),
    # (a place in brackets abbreviates nothing)
    ("Dakar", [("Syndicat autonome des médecins", "ORG"), ("Sénégal", "LOC"),
               ("Dakar", "LOC")]),
])
def test_an_institution_listing_nouns_runs_to_its_bracketed_short_form(vocab, rules, short,
                                                                       expected):
    words = ["Le", "Syndicat", "autonome", "des", "médecins", ",", "pharmaciens", "et",
             "chirurgiens", "-", "dentistes", "du", "Sénégal", "(", short, ")", "a", "décrété",
             "une", "grève", "."]
    pos = ["DET", "NOUN", "ADJ", "ADP", "NOUN", "PUNCT", "NOUN", "CCONJ", "NOUN", "PUNCT",
           "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "AUX", "VERB", "DET", "NOUN",
           "PUNCT"]
    spaces = [True] * 21
    spaces[4] = spaces[8] = spaces[9] = spaces[13] = spaces[14] = spaces[19] = False
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"] + ["O"] * 7 + ["B-LOC", "O", "B-LOC"] + [
        "O"] * 6
    doc = make_doc(vocab, words, pos, ents, spaces)
    assert fixed(doc, rules) == expected
