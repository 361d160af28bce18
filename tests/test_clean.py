"""Cleaning: boilerplate out, glued words repaired, every offset maps back to raw text."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.clean import boilerplate_reason, clean_text, stated_publication_date


@pytest.mark.parametrize(
    "line, reason",
    [
        ("5f2b9c0e7a1d4e3f9a8b7c6d5e4f3a2b", "hash_id"),
        ("Comment (0)", "comment_widget"),
        ("Commentaires (12)", "comment_widget"),
        ("Discussion à propos du post", "comment_widget"),
        ("Source : https://exemple.fr/article-123", "source_url"),
        ("Par Jeanne Martin", "byline"),
        ("Par AFP", "byline"),
        ("(avec AFP)", "byline"),
        ("Lire aussi : La réforme des retraites adoptée", "teaser"),
        ("Publié le 12 mars 2024 à 10h05", "publication_stamp"),
        ("\u00a0\u00a0", ""),
    ],
)
def test_boilerplate_reason_recognises_lines(line, reason):
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Par ailleurs, le ministre a annoncé une hausse des salaires.",
        "Le commentaire du président a surpris.",
        "Source de tensions, la réforme divise la majorité.",
    ],
)
def test_boilerplate_reason_keeps_article_sentences(line):
    assert boilerplate_reason(line) == ""


def test_clean_text_leaves_boilerplate_out_and_maps_offsets():
    raw = ("Un titre sans point\n\nabc123def456abc123def456abc1\n\nLe maire a parlé.\n"
           "Par Jean Dupont\nComment (3)\n")
    clean = clean_text(raw)
    assert "abc123" not in clean.text and "Jean Dupont" not in clean.text
    assert "Comment" not in clean.text
    assert clean.title == "Un titre sans point"
    start = clean.text.index("maire")
    raw_start, raw_end = clean.offsets.raw_span(start, start + len("maire"))
    assert raw[raw_start:raw_end] == "maire"
    assert [line.reason for line in clean.boilerplate] == ["hash_id", "byline", "comment_widget"]


@pytest.mark.parametrize(
    "raw, repaired",
    [
        ("diffusée parTélévision nationale.", "diffusée par Télévision nationale."),
        ("la chaîne publique (RTS)a confirmé.", "la chaîne publique (RTS) a confirmé."),
        ("selon l'agence.Le ministre a ajouté.", "selon l'agence. Le ministre a ajouté."),
        ("Voir https://exemple.fr/parTest.Html ici.", "Voir https://exemple.fr/parTest.Html ici."),
        ("Le deuxième McDonald ouvre.", "Le deuxième McDonald ouvre."),
        ("Il a clarifié la hiérarchie:«Le tireur, c'est lui»", "Il a clarifié la hiérarchie: «Le "
         "tireur, c'est lui»"),
        ('un nouveau bilan:"76 malades"', 'un nouveau bilan: "76 malades"'),
        ("à 14:30 précises", "à 14:30 précises"),
    ],
)
def test_clean_text_repairs_glued_words(raw, repaired):
    clean = clean_text(raw)
    assert clean.text == repaired
    for i, char in enumerate(clean.text):
        if char != " ":
            assert raw[clean.offsets.raw_offset(i)] == char


def test_clean_text_folds_odd_whitespace_and_keeps_map():
    raw = "Il a dit\u00a0:\u202f«\u00a0oui\u00a0»,  puis\tpartit.\u200b"
    clean = clean_text(raw)
    assert clean.text == "Il a dit : « oui », puis partit."
    start = clean.text.index("oui")
    s, e = clean.offsets.raw_span(start, start + 3)
    assert raw[s:e] == "oui"


def test_clean_text_paragraphs_and_wrapped_lines():
    raw = "Première ligne d'un paragraphe\ncoupée en deux.\nDeuxième paragraphe.\n\nTroisième."
    clean = clean_text(raw)
    texts = [clean.text[s:e] for s, e in clean.paragraphs]
    assert texts == ["Première ligne d'un paragraphe coupée en deux.", "Deuxième paragraphe.",
                     "Troisième."]


def test_clean_text_marks_a_trailing_link_line_as_teaser():
    raw = "Le maire a parlé.\nIl a ajouté une phrase.\nLa suite viendra.\nNotre grand dossier : la ville"
    clean = clean_text(raw)
    assert "dossier" not in clean.text
    assert clean.boilerplate[0].reason == "teaser"


def test_clean_text_keeps_a_trailing_line_of_practical_dates():
    raw = ("Le festival revient.\nIl y aura des concerts.\nVenez nombreux.\n\n"
           "Date : 22 août au 25 août")
    assert clean_text(raw).text.endswith("Date : 22 août au 25 août")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Publié le 12 mars 2024 à 10h05\nLe maire a parlé le 3 janvier 2020.", date(2024, 3, 12)),
        ("Mardi 5 novembre 2024\n\nLe maire a parlé.", date(2024, 11, 5)),
        ("Mis à jour le 07/11/2024\nTexte.", date(2024, 11, 7)),
        ("Le maire a parlé le 3 janvier 2020 devant le conseil.", None),
    ],
)
def test_stated_publication_date_only_from_stamps_and_date_lines(raw, expected):
    clean = clean_text(raw)
    assert stated_publication_date(raw, clean.lines) == expected
