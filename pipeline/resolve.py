"""Corpus-wide entity resolution: which mentions name the same real-world entity.

Two levels, as in most news pipelines (cf. the within-document / cross-document split
of Bagga & Baldwin 1998, "Entity-based cross-document coreferencing using the vector
space model"):

1. Within one document (:func:`link_mentions`, called per document by the stage
   through :func:`pipeline.extract.entities.link_within_document`): a surname alone,
   "M. X" or "Mme X" links to the full name of that document; spelling variants of
   one full name link together; an acronym links to the expansion the text gives
   in parentheses ("Agence France-Presse (AFP)"). The result is a ``local_name``
   per mention.
2. Across documents (:func:`resolve_entities`): local names are grouped by keys on
   the compact table of distinct names, never over all pairs: accent and case
   folding, a transliteration key (Gorbatchev / Gorbachev), phonetic blocking
   (metaphone, NYSIIS) with a fuzzy check (rapidfuzz), surnames alone attached to
   the only full name that has them, and acronyms mapped to the expansion the
   corpus links them to.

Safeguards: two people with the same surname and different first names stay
apart ("Marine Le Pen" / "Jean-Marie Le Pen"); two different full names that
appear side by side in one document are never merged by fuzzy or phonetic
similarity, since the within-document step already decided they differ.

Pure functions over pandas tables and strings; no spaCy import.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import jellyfish
import pandas as pd
from rapidfuzz import fuzz
from unidecode import unidecode

RULES_DIR = Path(__file__).resolve().parent / "rules" / "fr"

#: Columns of the entities table returned by :func:`resolve_entities`.
ENTITY_COLUMNS = ["entity_id", "name", "label", "aliases", "n_mentions", "n_documents",
                  "descriptions"]

#: Minimum rapidfuzz ratio (0-100) between two transliteration keys of surnames.
SURNAME_SIMILARITY = 88
#: Minimum ratio between two first names (after transliteration folding).
GIVEN_NAME_SIMILARITY = 90
#: Phonetic blocks larger than this are too common a key to compare pairwise.
MAX_BLOCK = 60

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})
_ACRONYM = re.compile(r"^[A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ&.\-]{2,12}$")
_INITIAL = re.compile(r"^[A-Z]\.?$|^[A-Z]\.[A-Z]\.?$")
# Transliteration digraphs folded to one letter: French, English and German
# spellings of Slavic, Arabic and Spanish names ("tch"/"ch"/"sh" -> c, "ou" -> u).
_TRANSLIT = re.compile(r"tsch|dzh|tch|sch|tsh|ch|sh|kh|zh|dj|ou|ph|th|ck|qu|gu(?=[ei])|w|y")
_TRANSLIT_MAP = {"tsch": "c", "dzh": "j", "tch": "c", "sch": "c", "tsh": "c", "ch": "c",
                 "sh": "c", "kh": "h", "zh": "j", "dj": "j", "ou": "u", "ph": "f", "th": "t",
                 "ck": "k", "qu": "k", "gu": "g", "w": "v", "y": "i"}


def load_rule_list(filename: str, rules_dir: Path = RULES_DIR) -> list[str]:
    """Read a rules data file: one entry a line, ``#`` comments and blank lines skipped.

    Args:
        filename: File name inside ``rules_dir`` (e.g. ``"entities_civilities.txt"``).
        rules_dir: Folder of the rule files. Defaults to ``pipeline/rules/fr``.

    Returns:
        The entries, stripped, in file order.
    """
    path = Path(rules_dir) / filename
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for lookups.

    Args:
        text: Any surface form ("États-Unis", "José  Martí").

    Returns:
        Lowercase ASCII with typographic apostrophes and dashes unified and runs of
        whitespace collapsed ("etats-unis", "jose marti").
    """
    if text.isascii():  # nothing to normalise, translate or transliterate
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).translate(_DASHES)
    return " ".join(unidecode(text).lower().split())


def name_key(text: str) -> str:
    """Matching key of a name: :func:`fold` with hyphens and dots as spaces.

    "Nations unies" / "Nations Unies", "Etats-Unis" / "États Unis" share a key.
    """
    return " ".join(re.sub(r"[-.\u00b7]", " ", fold(text)).split())


@lru_cache(maxsize=1 << 16)
def translit_key(word: str, *, surname: bool = True) -> str:
    """Fold transliteration variants of one name part to one key.

    Args:
        word: One or more name words, any case or accents.
        surname: Also drop a final mute "e" ("Lavrove" -> "lavrov"); not done for
            first names, where it marks a different name ("Danielle", "Françoise").

    Returns:
        A lowercase ASCII key: "Khrouchtchev" and "Khrushchev" give "hrucev";
        "Zelensky", "Zelenskyy", "Zelenski" give "zelenski"; "Sergueï", "Sergey"
        give "sergei".
    """
    key = name_key(word).replace("'", "")
    key = _TRANSLIT.sub(lambda m: _TRANSLIT_MAP[m.group(0)], key)
    key = re.sub(r"(.)\1+", r"\1", key)
    if surname:
        key = re.sub(r"(?<=\w\w)e\b", "", key)
    return key


@lru_cache(maxsize=1)
def _civilities() -> frozenset[str]:
    return frozenset(fold(c).rstrip(".") for c in load_rule_list("entities_civilities.txt"))


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(fold(p) for p in load_rule_list("entities_name_particles.txt"))


@lru_cache(maxsize=1)
def _club_words() -> frozenset[str]:
    return frozenset(load_rule_list("entities_club_words.txt"))


def strip_civility(text: str) -> str:
    """Drop leading civilities and honorifics: "M. Chirac" -> "Chirac", "Mme X" -> "X"."""
    words = " ".join(text.split()).split(" ")
    while len(words) > 1 and fold(words[0]).rstrip(".") in _civilities():
        words = words[1:]
    return " ".join(words)


class PersonName(NamedTuple):
    """A personal name split into first name(s) and surname, with matching keys.

    Attributes:
        given: First name as written ("Jean-Marie"), "" when the text is a surname
            alone ("Le Pen", "Chirac").
        surname: Surname as written ("Le Pen", "García Márquez").
        given_key: :func:`translit_key` of ``given`` (first-name rules).
        surname_key: :func:`translit_key` of ``surname``.
    """

    given: str
    surname: str
    given_key: str
    surname_key: str

    @property
    def full_key(self) -> str:
        """Key of the whole name: equal keys are spelling variants of one name."""
        return f"{self.given_key}|{self.surname_key}"

    @property
    def surname_keys(self) -> tuple[str, ...]:
        """Keys under which a surname alone may refer to this name.

        The whole surname, and for a compound surname its first and last word
        ("García Márquez": "garcia marquez", "garcia", "marquez").
        """
        words = self.surname_key.split()
        keys = [self.surname_key]
        if len(words) > 1 and fold(words[0]) not in _particles():
            keys += [words[0], words[-1]]
        return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=1 << 16)
def split_person_name(text: str) -> PersonName:
    """Split a PER mention into first name and surname.

    The first word is the first name unless it is a particle ("Le Pen", "de
    Gaulle", "Van Rompuy") or the name is one word; single-letter initials
    between them are dropped ("George W. Bush" -> "George" + "Bush").

    Args:
        text: The mention text; civilities are stripped first.

    Returns:
        The :class:`PersonName`.
    """
    words = strip_civility(text).split()
    if len(words) < 2 or fold(words[0]) in _particles():
        given, rest = "", words
    else:
        given, rest = words[0], words[1:]
    rest = [w for w in rest if not _INITIAL.match(w)] or rest
    surname = " ".join(rest)
    return PersonName(given, surname, translit_key(given, surname=False) if given else "",
                      translit_key(surname))


@lru_cache(maxsize=1 << 16)
def is_acronym(text: str) -> bool:
    """All-capital short token such as "AFP", "OTAN", "UE", "G7" (not "Chirac")."""
    letters = [c for c in text if c.isalpha()]
    return bool(_ACRONYM.match(text)) and len(letters) >= 2 and text.upper() == text


#: Words left out of an acronym's letters: "Office fédéral de la santé publique" -> OFSP.
_ACRONYM_SKIPPED = frozenset("de du des la le les l d et a au aux en pour sur".split())


def initials_links(mentions: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Acronyms tied to the one longer name of the document whose initials they spell.

    Returns ``(acronym, name)`` pairs, for organisation, place and event names.
    "l'Office fédéral de la santé publique … l'OFSP", "la Confédération des syndicats
    chrétiens … la CSC", "l'Agence France-Presse … l'AFP": the article gives the
    expansion once and the acronym afterwards, without parentheses. Articles and
    prepositions give no letter; hyphenated words give one letter each part. Two
    names with the same initials link neither. Acronyms of four letters or more may be
    written as words ("Insee", "Unesco").
    """

    def initials(text: str) -> str:
        words = [w for w in re.split(r"[\s\-’']+", fold(text)) if w]
        return "".join(w[0] for w in words if w not in _ACRONYM_SKIPPED and w[0].isalpha())

    names: dict[str, set[str]] = defaultdict(set)
    for text, label in mentions:
        if label != "PER" and len(text.split()) >= 2:
            names[initials(text)].add(" ".join(text.split()))
    links = []
    for text, label in mentions:
        # "Insee", "Unesco": acronyms of four letters or more are often written as words
        word_acronym = len(text) >= 4 and text.isalpha() and text[0].isupper() and \
            text[1:].islower()
        if label == "PER" or not (is_acronym(text) or word_acronym):
            continue
        found = names.get(fold(text).replace(".", ""), set())
        if len(found) == 1 and len(text.replace(".", "")) >= 2:
            links.append((text, next(iter(found))))
    return links


def link_mentions(mentions: Sequence[tuple[str, str]],
                  acronyms: Mapping[str, str] | None = None) -> list[str]:
    """Link the mentions of ONE document to a local name per mention.

    Rules, in text order:

    - PER: civilities are dropped ("M. Chirac" -> "Chirac"); full names whose
      :func:`translit_key` is the same are one person ("Mikhaïl Gorbatchev" /
      "Mikhail Gorbachev" in one article); a surname alone links to the nearest
      preceding full name with that surname (else the nearest following one); a
      word that is no surname of the document but the first name of exactly one
      of its full names links to it ("Kylian" -> "Kylian Mbappé").
      Different full names stay apart, however similar.
    - ORG, LOC, MISC: an acronym that the text expands ("Agence France-Presse
      (AFP)") takes the expansion as local name; a one-word organisation name
      takes the longer organisation name of the document that it tells apart
      ("Orsay" -> "musée d'Orsay", "Grasshopper" -> "Grasshopper Club"); other
      names stay as they are.

    Args:
        mentions: ``(text, label)`` pairs in text order.
        acronyms: Acronym -> expansion links found in the document, e.g. by
            :func:`pipeline.extract.entities.find_acronym_links`.

    Returns:
        One local name per mention, in the same order: the fullest spelling of its
        within-document cluster as written in the document.
    """
    acronyms = {fold(k): v for k, v in (acronyms or {}).items()}
    names = [split_person_name(text) if label == "PER" else None for text, label in mentions]
    # Full names: one cluster per full key, named by its longest spelling.
    cluster_name: dict[str, str] = {}
    for (text, _), name in zip(mentions, names, strict=True):
        if name is not None and name.given:
            clean = strip_civility(text)
            best = cluster_name.get(name.full_key)
            if best is None or len(clean.split()) > len(best.split()):
                cluster_name[name.full_key] = clean
    by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_given: dict[str, set[str]] = defaultdict(set)
    for i, name in enumerate(names):
        if name is not None and name.given:
            for key in name.surname_keys:
                by_surname[key].append((i, name.full_key))
            by_given[name.given_key].add(name.full_key)
    containers = _organisation_containers(mentions)
    local: list[str] = []
    for i, ((text, _), name) in enumerate(zip(mentions, names, strict=True)):
        if name is None:
            local.append(acronyms.get(fold(text), containers.get(text, " ".join(text.split()))))
        elif name.given:
            local.append(cluster_name[name.full_key])
        else:
            candidates = by_surname.get(name.surname_key, [])
            before = [c for c in candidates if c[0] < i]
            pick = before[-1] if before else (candidates[0] if candidates else None)
            if pick is None and " " not in name.surname:
                # "Kylian" after "Kylian Mbappé": a first name alone, when exactly
                # one full name of the document has it.
                given = by_given.get(translit_key(name.surname, surname=False), set())
                pick = (0, next(iter(given))) if len(given) == 1 else None
            local.append(cluster_name[pick[1]] if pick else strip_civility(text))
    return local


class _UnionFind:
    """Union-find over hashable items; a merge may be vetoed by a callback."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b) -> tuple | None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        return keep, drop


def _given_compatible(a: str, b: str) -> bool:
    """First names that may be one person's: equal keys, an initial, or near-equal."""
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY


def _cluster_people(forms: pd.DataFrame) -> dict[str, str]:
    """Group distinct PER local names into people; returns local name -> cluster key.

    ``forms`` has one row per distinct local name with columns ``local`` and
    ``docs`` (frozenset of doc ids).
    """
    uf = _UnionFind()
    docs: dict[str, set] = {}
    names: dict[str, PersonName] = {}
    for local, doc_ids in zip(forms["local"], forms["docs"], strict=True):
        names[local] = split_person_name(local)
        docs[local] = set(doc_ids)
        uf.find(local)
    comp_docs: dict[str, set] = {}

    def merge(a: str, b: str, *, guarded: bool) -> None:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            return
        da, db = comp_docs.setdefault(ra, set(docs[ra])), comp_docs.setdefault(rb, set(docs[rb]))
        # Distinct names side by side in one document were judged different there.
        if guarded and da & db:
            return
        keep, drop = uf.union(ra, rb)
        comp_docs[keep] = da | db
        comp_docs.pop(drop, None)

    full = [local for local, n in names.items() if n.given]
    # 1. Spelling variants: same transliteration key (accents, case, tch/ch/sh, y/i).
    by_key: dict[str, list[str]] = defaultdict(list)
    for local in full:
        by_key[names[local].full_key].append(local)
    for group in by_key.values():
        for other in group[1:]:
            merge(group[0], other, guarded=False)
    # 2. Near-spellings: phonetic blocks of the surname, then a fuzzy check.
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for group in by_key.values():
        name = names[group[0]]
        surname = name.surname_key.replace(" ", "")
        if not surname:
            continue
        blocks[("m", jellyfish.metaphone(surname))].append(group[0])
        blocks[("n", jellyfish.nysiis(surname))].append(group[0])
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                na, nb = names[a], names[b]
                if (_given_compatible(na.given_key, nb.given_key)
                        and fuzz.ratio(na.surname_key, nb.surname_key) >= SURNAME_SIMILARITY):
                    merge(a, b, guarded=True)
    # 3. A surname alone joins the only person that has this surname.
    people_by_surname: dict[str, set[str]] = defaultdict(set)
    for local in full:
        for key in names[local].surname_keys:
            people_by_surname[key].add(uf.find(local))
    for local, name in names.items():
        if not name.given:
            people = {uf.find(p) for p in people_by_surname.get(name.surname_key, ())}
            if len(people) == 1:
                merge(next(iter(people)), local, guarded=False)
    return {local: uf.find(local) for local in names}


def _canonical(texts: Iterable[str]) -> str:
    """The fullest, most frequent surface form, keeping accents.

    Among the forms with the most words, the accent-insensitive spelling used most
    often wins (ties go to spellings without the English digraphs sh and zh, which
    French news rarely uses); within it, a form not in capitals, then the form with
    the most diacritics ("José" over "Jose" and "JOSÉ"), then the most frequent,
    then alphabetical order, so the choice is stable.
    """
    counts = Counter(strip_civility(t) for t in texts)
    most_words = max(len(t.split()) for t in counts)
    full = {t: n for t, n in counts.items() if len(t.split()) == most_words}
    groups: dict[str, int] = Counter()
    for t, n in full.items():
        groups[name_key(t)] += n

    def english_digraphs(t: str) -> int:
        return len(re.findall(r"sh|zh", t.lower()))

    best_group = min(groups, key=lambda g: (-groups[g],
                                            min(english_digraphs(t) for t in full
                                                if name_key(t) == g), g))
    in_group = [t for t in full if name_key(t) == best_group]

    def shouted(t: str) -> bool:
        return any(len(w) > 4 and w.isupper() for w in t.split())

    return min(in_group, key=lambda t: (shouted(t), -sum(c != unidecode(c) for c in t),
                                        -full[t], t))


_NAME_WORDS = re.compile(r"[^\s'’]+")
# Labels whose one-word names may stand for a longer name of the document; not LOC,
# where "Paris" is no short form of "gare de Paris".
_CONTAINED_LABELS = frozenset({"ORG", "MISC"})


def _organisation_containers(mentions: Sequence[tuple[str, str]]) -> dict[str, str]:
    """One-word ORG or MISC names of a document -> the longer name that contains them.

    "Orsay" -> "musée d'Orsay", "Grasshopper" -> "Grasshopper Club", "Femina" ->
    "prix Femina": the longer name has the same label, and its other words are
    lowercase (head and prepositions), acronyms or club words
    (``entities_club_words.txt``), so the one word is what tells the entity apart.
    Only when exactly one longer name of the document fits; acronyms keep their own
    links.
    """
    long_names = {(" ".join(text.split()), label) for text, label in mentions
                  if label in _CONTAINED_LABELS and len(text.split()) > 1}
    if not long_names:
        return {}
    out: dict[str, str] = {}
    for text, label in mentions:
        word = text.strip()
        if label not in _CONTAINED_LABELS or " " in word or is_acronym(word) or word in out:
            continue
        fits = [name for name, other in long_names
                if other == label and word in (words := _NAME_WORDS.findall(name))
                and all(w == word or w[:1].islower() or is_acronym(w) or w in _club_words()
                        for w in words)]
        if len(fits) == 1:
            out[word] = fits[0]
    return out


def entity_id(label: str, name: str) -> str:
    """Stable id of an entity from its label and canonical name.

    A readable slug of the folded name, with a short hash of the full key when the
    slug had to be cut: ``PER:jacques-chirac``, ``ORG:agence-france-presse``.
    """
    key = name_key(name)
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-") or "x"
    if len(slug) > 60 or slug == "x":
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4).hexdigest()
        slug = f"{slug[:60].rstrip('-')}-{digest}"
    return f"{label}:{slug}"


def _local_names(mentions: pd.DataFrame) -> pd.Series:
    """Within-document links when the stage did not provide ``local_name``."""
    ordered = mentions.sort_values(["doc_id", "start", "end"], kind="stable")
    out = pd.Series(index=ordered.index, dtype=object)
    for _, group in ordered.groupby("doc_id", sort=False):
        pairs = list(zip(group["text"].astype(str), group["label"].astype(str), strict=True))
        out.loc[group.index] = link_mentions(pairs)
    return out.reindex(mentions.index)


def _acronym_targets(table: pd.DataFrame) -> dict[str, str]:
    """Acronym key -> key of the expansion the corpus links it to most often."""
    linked = table[(table["text"].map(is_acronym)) & (table["key"] != table["text_key"])]
    pairs = Counter(zip(linked["text_key"], linked["key"], strict=True))
    best: dict[str, tuple[int, str]] = {}
    for (short, long), n in pairs.items():
        if short not in best or (n, long) > best[short]:
            best[short] = (n, long)
    return {short: long for short, (_, long) in best.items()}


def resolve_entities(mentions: pd.DataFrame,
                     descriptions: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Resolve mentions to corpus-wide entities.

    Args:
        mentions: One row per mention, columns ``doc_id``, ``mention_id``,
            ``start``, ``end``, ``text``, ``label`` (PER, ORG, LOC, MISC), and
            optionally ``local_name`` from
            :func:`pipeline.extract.entities.link_within_document` (strongly
            recommended: it carries the acronym links, which need the text). Without
            it, :func:`link_mentions` runs per document on the texts alone.
        descriptions: One row per description, columns ``doc_id``,
            ``mention_start``, ``mention_end``, ``text`` (offsets in the same space
            as ``mentions.start/end``). May be empty.

    Returns:
        ``(entity_ids, entities)``: the entity id of each mention (a Series on
        ``mentions.index``) and the entities table with columns
        :data:`ENTITY_COLUMNS`, sorted by ``entity_id``.

    Notes:
        Works on the table of distinct ``(label, local name)`` pairs; people are
        compared only inside phonetic blocks, so the cost grows with the number of
        distinct names, not with their square. Non-PER names are grouped by
        :func:`name_key` across ORG, LOC and MISC (the majority label wins), and
        acronyms join the expansion the corpus links them to. Does not resolve
        nicknames, translations ("Nations unies" / "United Nations") or pronouns.
    """
    if mentions.empty:
        return pd.Series(dtype=object, index=mentions.index), pd.DataFrame(columns=ENTITY_COLUMNS)
    m = mentions[["doc_id", "text", "label"]].copy()
    m["text"] = m["text"].astype(str)
    if "local_name" in mentions.columns:
        m["local"] = mentions["local_name"].fillna(mentions["text"]).astype(str)
    else:
        m["local"] = _local_names(mentions)
    m["local"] = [strip_civility(x) if lab == "PER" else " ".join(x.split())
                  for x, lab in zip(m["local"].tolist(), m["label"].tolist(), strict=True)]
    key_of = {x: name_key(x) for x in pd.unique(pd.concat([m["local"], m["text"]]))}
    m["key"] = m["local"].map(key_of)
    m["text_key"] = m["text"].map(key_of)
    is_per = m["label"] == "PER"

    # Clusters: PER by person rules, the rest by name key with acronyms folded in.
    cluster = pd.Series(index=m.index, dtype=object)
    if is_per.any():
        # (Plain dictionaries: pandas calls a Python function per group, far slower.)
        docs_of: dict[str, set[str]] = defaultdict(set)
        for local, doc_id in zip(m.loc[is_per, "local"].tolist(),
                                 m.loc[is_per, "doc_id"].tolist(), strict=True):
            docs_of[local].add(doc_id)
        forms = pd.DataFrame({"local": sorted(docs_of)})
        forms["docs"] = [frozenset(docs_of[local]) for local in forms["local"]]
        people = _cluster_people(forms)
        cluster[is_per] = "PER|" + m.loc[is_per, "local"].map(people)
    if (~is_per).any():
        other = m[~is_per]
        targets = _acronym_targets(other)
        cluster[~is_per] = "X|" + other["key"].map(lambda k: targets.get(k, k))

    m["cluster"] = cluster
    label = (m.groupby(["cluster", "label"]).size().rename("n").reset_index()
             .sort_values(["cluster", "n", "label"], ascending=[True, False, True])
             .drop_duplicates("cluster").set_index("cluster")["label"])
    texts_of: dict[str, list[str]] = defaultdict(list)
    for cluster_name, text in zip(m["cluster"].tolist(), m["text"].tolist(), strict=True):
        texts_of[cluster_name].append(text)
    names = pd.Series({c: _canonical(texts_of[c]) for c in sorted(texts_of)}, dtype=object)
    ids = pd.Series({c: entity_id(label[c], names[c]) for c in names.index})
    # Two clusters may fold to one slug only if their canonical names fold alike.
    dup = ids.duplicated(keep=False)
    if dup.any():
        ids[dup] = [f"{i}-{hashlib.blake2b(c.encode(), digest_size=3).hexdigest()}"
                    for c, i in ids[dup].items()]
    m["entity_id"] = m["cluster"].map(ids)

    aliases: dict[str, set[str]] = defaultdict(set)
    documents: dict[str, set[str]] = defaultdict(set)
    counts: Counter = Counter()
    cluster_of: dict[str, str] = {}
    # (Lists: iterating Arrow-backed string columns costs a Python object per cell.)
    for eid, text, doc_id, cluster_name in zip(m["entity_id"].tolist(), m["text"].tolist(),
                                              m["doc_id"].tolist(), m["cluster"].tolist(),
                                              strict=True):
        aliases[eid].add(" ".join(text.split()))
        documents[eid].add(doc_id)
        counts[eid] += 1
        cluster_of.setdefault(eid, cluster_name)
    order = sorted(aliases)
    entities = pd.DataFrame({"aliases": ["|".join(sorted(aliases[e])) for e in order],
                             "n_mentions": [counts[e] for e in order],
                             "n_documents": [len(documents[e]) for e in order],
                             "cluster": [cluster_of[e] for e in order]},
                            index=pd.Index(order, name="entity_id"))
    entities["name"] = entities["cluster"].map(names)
    entities["label"] = entities["cluster"].map(label)
    entities["descriptions"] = _entity_descriptions(mentions, m["entity_id"], descriptions
                                                    ).reindex(entities.index).fillna("")
    entities = entities.reset_index()[ENTITY_COLUMNS].sort_values("entity_id", kind="stable")
    return m["entity_id"].rename("entity_id"), entities.reset_index(drop=True)


def _entity_descriptions(mentions: pd.DataFrame, ids: pd.Series,
                         descriptions: pd.DataFrame) -> pd.Series:
    """entity_id -> sorted unique description texts, ``|``-joined."""
    if descriptions is None or descriptions.empty:
        return pd.Series(dtype=object)
    keys = mentions[["doc_id", "start", "end"]].assign(entity_id=ids.values)
    joined = descriptions.merge(keys, left_on=["doc_id", "mention_start", "mention_end"],
                                right_on=["doc_id", "start", "end"], how="inner")
    texts = joined["text"].astype(str).map(lambda t: " ".join(t.split()))
    return texts.groupby(joined["entity_id"]).agg(lambda s: "|".join(sorted(set(s))))


def acronym_map(links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Acronym -> expansion from ``(short, long)`` pairs; the first link of a short form wins."""
    out: dict[str, str] = {}
    for short, long in links:
        out.setdefault(short, long)
    return out
