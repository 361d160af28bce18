"""Closed word classes used by the frame rules."""

from __future__ import annotations

import re

from spacy.tokens import Token
from unidecode import unidecode

DE_FORMS = frozenset({"de", "du", "des", "d'"})
#: An agency dateline: a place (and date) with the agency in parentheses or between bars,
#: then a dash ("PARIS (AFP) -", "Dakar, 16 fév (APS) –", "Paris, France | AFP | mardi -").
_AGENCY = r"(?:[A-Z]{2,10}(?:[/-][A-Z][\w-]*)?|Belga|Reuters|Xinhua|Ansa|Efe|dpa|Tass)"
DATELINE = re.compile(rf"[A-ZÀ-Ý][^.!?«»\"\n]{{0,80}}?(?:\(\s*{_AGENCY}\s*\)|\|\s*{_AGENCY}\s*\|)"
                       r"[^.!?«»\"\n]{0,40}?\s[-–—]\s+")
#: Verbs whose infinitive complement is speech that does not take place ("a refusé de
#: commenter") or has no speaker ("il faut rappeler que").
CANCELLING_HEADS = frozenset({"refuser", "éviter", "renoncer", "oublier", "hésiter", "falloir",
                               "cesser", "arrêter", "interdire", "empêcher", "sembler",
                               "paraître", "pouvoir"})
#: Cues whose infinitive of purpose is a speech act of the main subject ("ont manifesté pour
#: réclamer …", "a convoqué la presse pour annoncer …").
PURPOSE_CUES = frozenset({"réclamer", "dénoncer", "exiger", "annoncer", "revendiquer",
                           "protester", "demander", "dire", "déclarer", "affirmer", "critiquer",
                           "condamner", "fustiger", "saluer", "contester", "plaider", "appeler",
                           "alerter", "interpeller", "défendre", "présenter", "expliquer",
                           "justifier", "démentir", "nier", "réaffirmer", "rappeler",
                           "s'opposer", "soutenir", "exprimer", "marquer"})
#: Verbs of taking an occasion to speak: any cue in the infinitive of their purpose reports
#: the subject's words ("a profité de l'échange pour réitérer que …", "a saisi l'occasion
#: pour rappeler …", "a pris la parole pour dire …").
OCCASION_HEADS = frozenset({"profiter", "saisir", "prendre"})
#: Nouns after "en" that belong to an office: "le ministre en charge de la santé", "le
#: rédacteur en chef", "le président en exercice".
OFFICE_AFTER_EN = frozenset({"charge", "chef", "exercice", "fonction", "poste", "titre"})
#: Where or how the words were said, in an adjunct of a frame: "…, dit-il au micro de
#: France 2", "…, a-t-il lancé en conférence de presse", "…, à la sortie du match".
SETTING_NOUNS = frozenset({"micro", "antenne", "plateau", "ondes", "caméra", "conférence",
                           "sortie", "issue", "tribune", "presse", "réseaux", "compte",
                           "vidéo", "émission", "audience", "barre", "colonnes", "journal"})
#: Cues that, pronominal, tell no speech ("se rappeler": to remember).
NO_SPEECH_WHEN_PRONOMINAL = frozenset({"rappeler"})
#: Dashes that set a parenthetical apart.
DASHES = ("–", "—")
#: Possessive determiners and the number of their possessor ("selon ses dires").
POSSESSIVE_NUMBER = {"son": "s", "sa": "s", "ses": "s", "leur": "p", "leurs": "p"}
#: Nouns of what someone said: with a possessive after "selon", the possessor speaks.
SPEECH_NOUNS = frozenset({"explication", "dire", "propos", "déclaration", "terme", "mot",
                           "aveu", "version", "témoignage", "affirmation", "estimation",
                           "calcul"})
#: Impersonal verbs: a purpose after them is nobody's ("il suffit de … pour dénoncer").
IMPERSONAL_HEADS = frozenset({"suffire", "agir", "rester", "valoir"})  # ("falloir" cancels)
#: Verbs that, negated, say the infinitive's speech did take place ("n'a pas hésité à dire",
#: "n'a cessé de répéter").
AFFIRMED_WHEN_NEGATED = frozenset({"hésiter", "oublier", "manquer", "cesser", "arrêter"})
#: Cues of denial that, negated, still report what the speaker concedes ("ne nie pas que").
REPORTED_WHEN_NEGATED = frozenset({"nier", "exclure"})
#: Openings of a comparison set between commas next to a subject ("X, tout comme Y, a dit").
COMPARISONS = ("comme ", "tout comme ", "ainsi que ", "à l'instar ", "au même titre que ",
                "contrairement à ", "contrairement au ", "contrairement aux ", "à l'exception",
                "à part ", "sauf ", "hormis ", "excepté ")
AUX_FORMS = frozenset({
    "a", "avait", "aurait", "aura", "ont", "avaient", "auraient", "eut", "est", "était",
    "sont", "étaient", "sera", "serait", "a-t", "avait-t",
})
#: Verbs whose infinitive is the cue of an inverted frame (", a tenu à préciser X", ", s'est
#: contenté d'ajouter X", ", a voulu rappeler X", ", vient de déclarer X").
FRAMING_HEADS = frozenset({"tenir", "contenter", "borner", "vouloir", "préférer", "empresser",
                            "choisir", "oser", "venir"})
#: Clitics of the person spoken to, before an inverted frame's verb (", nous dit X").
DATIVE_CLITICS = frozenset({"nous", "vous", "lui", "leur", "me", "m'", "te", "t'"})
CLITICS = frozenset({"l'", "le", "la", "les", "lui", "leur", "y", "en", "se", "s'", "ne", "n'",
                      "me", "m'", "nous", "vous", "te", "t'"})
TIME_WORDS = frozenset({
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
    "aujourd'hui", "matin", "soir", "midi", "après-midi", "dernier", "dernière", "soir-là",
    "veille", "lendemain", "encore", "aussi", "également", "ensuite", "alors", "déjà",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "semaine", "week-end", "mois", "prochain", "prochaine",
})
TIME_NOUNS = frozenset({"fois", "semaine", "jour", "année", "an", "mois", "matin", "soir",
                         "heure", "week-end", "lendemain", "veille", "nuit", "après-midi"})
COMPARATIVES = frozenset({
    "plus", "moins", "autant", "aussi", "tel", "tels", "telle", "telles", "même", "davantage",
    "mieux", "pire", "autre", "autres", "ainsi", "alors", "bien", "avant", "après", "dès",
    "pendant", "tandis", "lors", "sans", "parce", "pour", "afin", "si", "ce", "ne", "n'", "tant",
    # (conjunctive locutions: "est observé tous les ans, à condition que …", "de sorte que")
    "condition", "sorte",
})
#: Titles written before a name ("Me X, avocate de …").
#: Organisation nouns that name one institution, which only an organisation named so can be
#: ("le gouvernement" is no company, "le tribunal" no party).
NAMED_INSTITUTIONS = frozenset({
    "gouvernement", "ministère", "présidence", "parquet", "tribunal", "cour", "mairie",
    "préfecture", "ambassade", "consulat", "université", "hôpital", "rectorat",
    "chancellerie", "police", "gendarmerie", "armée"})
#: What "selon" means "depending on" before ("selon les cas", "selon une fourchette
#: basse"): no source.
CRITERION_NOUNS = frozenset({
    "cas", "fourchette", "hypothèse", "scénario", "région", "âge", "saison", "période",
    "circonstance", "besoin", "profil", "taille", "type", "modèle", "secteur", "niveau",
    "météo", "moment", "humeur", "goût"})
#: Nouns of a "par" phrase that says when or how, not by whom ("a précisé par la suite",
#: "a indiqué par communiqué").
ADVERBIAL_PAR = frozenset({
    "suite", "ailleurs", "exemple", "contre", "conséquent", "moments", "avance", "écrit",
    "téléphone", "communiqué", "courriel", "mail", "courrier", "message", "lettre", "voie",
    "visioconférence", "vidéo", "intermédiaire", "biais", "endroits", "principe"})
CIVILITIES = frozenset({"m", "mm", "mme", "mmes", "mlle", "me", "dr", "pr", "mgr", "docteur",
                        "docteure", "professeur", "professeure", "maître", "monsieur", "madame",
                        "mademoiselle", "monseigneur"})
#: Circumstantial locutions that open an adjunct of the verb, never a noun complement.
ADJUNCT_OPENERS = (("lors", "de"), ("lors", "d'"), ("en", "réponse"), ("en", "marge"),
                    ("à", "l'", "issue"), ("au", "cours", "de"), ("à", "l'", "occasion"),
                    ("à", "la", "suite"), ("en", "raison"))
#: Words between a cue and "que" that announce its clause ("insiste sur le fait que").
CLOSERS_AND_SPACES = frozenset({"»", "”", '"', "›", "’", "'", " "})
SIDE_LOCUTIONS = frozenset({("de", "son", "côté"), ("de", "leur", "côté"),
                             ("de", "notre", "côté"), ("à", "son", "tour"),
                             ("à", "leur", "tour"), ("pour", "sa", "part"),
                             ("pour", "leur", "part")})
#: Nouns of a manner adverbial ("a lancé [de manière colérique] le procureur").
MANNER_NOUNS = frozenset({"manière", "façon"})
#: Head words of a time phrase after an object ("dans la matinée", "depuis des mois").
TIME_HEADS = TIME_NOUNS | TIME_WORDS | {"matinée", "soirée", "journée"}
#: Prepositions of a phrase that completes an object the parse ended early ("des peines
#: [entre] 6 et 12 mois", "un ras-le-bol [face] au comportement").
MODIFIER_PREPOSITIONS = frozenset({"entre", "face", "dans", "envers", "contre", "vis-à-vis",
                                    "concernant", "quant", "avec", "jusqu'"})
#: Prepositions of an adjunct of the speech act rather than of its object: a time, the
#: person told or the medium ("a annoncé la fermeture [au] personnel", "[sur] France Info").
SPEECH_ACT_PREPOSITIONS = frozenset({
    "après", "lors", "en", "avant", "depuis", "pendant", "dès", "à", "au", "aux", "auprès",
    "devant", "selon", "d'après", "par", "sur"})
FACT_OPENERS = (("sur", "le", "fait"), ("du", "fait"), ("sur", "ce"))
#: Words that open an indirect question reported by a speech verb ("a expliqué comment …").
QUESTION_WORDS = ("comment", "pourquoi")
#: Prepositions left out of a complement reported as content ("a appelé [à] la retenue").
CONTENT_PREPOSITIONS = frozenset({"de", "d'", "à", "sur", "pour", "contre"})
#: Second words of a negation ("ne … pas", "n'… jamais").
NEGATION_WORDS = frozenset({"pas", "jamais", "plus", "point", "guère", "rien"})
STRESSED_PRONOUNS = frozenset({"moi", "toi", "lui", "elle", "nous", "vous", "eux", "elles"})
RELATIVES = frozenset({"qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels",
                        "lesquelles", "auquel", "auxquels", "duquel"})
STOP_PUNCT = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "…", "—", "–", "«", "»", "“",
                         "”", '"', "‹", "›"})
FINAL_PUNCT = frozenset({".", ",", ";", ":"})
SENTENCE_END_CHARS = ".!?…"
NAME_LABELS = ("PER", "ORG", "LOC")
ROLE_PREFIXES = ("vice-", "ex-", "co-", "sous-", "haut-", "haute-", "vice -", "ex ")


def masculine_forms(word: str) -> tuple[str, ...]:
    """Masculine forms a feminine noun may come from (sénatrice → sénateur)."""
    for fem, masc in (("trice", "teur"), ("euse", "eur"), ("ière", "ier"), ("ienne", "ien"),
                      ("esse", "e"), ("e", "")):
        if word.endswith(fem) and len(word) > len(fem) + 2:
            return (word[: -len(fem)] + masc,)
    return ()


def lower_form(token: Token) -> str:
    return token.lower_.replace("’", "'")


def fold(text: str) -> str:
    return unidecode(text).lower()
