"""Descriptions across the corpus: which entity does "le porte-parole de l'Élysée" designate?"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.quotes.lexicon import RULES_DIR, QuoteLexicon, default_lexicon
from pipeline.extract.quotes.words import fold

_DETERMINERS = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "son", "sa", "ses",
                          "leur", "leurs", "ce", "cet", "cette", "ces", "notre", "votre"})
_PREPOSITIONS = frozenset({"de", "du", "des", "d", "a", "au", "aux", "en", "pour", "chez", "sur",
                           "dans", "par", "aupres", "charge"})
# prenominal words that change the role ("premier ministre" ≠ "ministre", "ex-président")
ROLE_MODIFIERS = frozenset({"premier", "premiere", "vice", "ex", "ancien", "ancienne", "sous",
                             "co", "futur", "future"})
IGNORED_PRENOMINALS = frozenset({"nouveau", "nouvel", "nouvelle", "haut", "haute", "grand",
                                  "grande", "jeune", "actuel", "actuelle", "puissant",
                                  "puissante", "influent", "influente", "tres", "plus"})


def _stem(word: str) -> str:
    """Crude French stem for matching: plural and feminine endings, doubled consonant
    ("japonaises", "japonaise", "japonais" → "japonai"; "chilienne" → "chilien").
    """
    for ending in ("sx", "e", "s"):
        if len(word) > 3 and word[-1] in ending:
            word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] in "nltf":
        word = word[:-1]
    return word


@dataclass(frozen=True)
class Description:
    role: str
    generic: bool
    adjectives: frozenset[str]
    complements: frozenset[str]


@lru_cache(maxsize=8)
def _generic_stems(generic_nouns: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(fold(g)) for g in generic_nouns)


@lru_cache(maxsize=4)
def demonym_stems(demonyms: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(d) for d in demonyms)


@lru_cache(maxsize=4)
def _speaker_stems(speaker_nouns: frozenset[str]) -> frozenset[str]:
    """Stems of the speaker nouns' heads, and of each part of a hyphenated head."""
    return frozenset(_stem(part) for noun in speaker_nouns if fold(noun).split()
                     for part in fold(noun).split()[0].split("-") if part)


@lru_cache(maxsize=1)
def _role_synonyms() -> dict[str, str]:
    """Stem of a role noun -> stem of the noun it is matched as (``speaker_synonyms.txt``)."""
    pairs = {}
    for raw in (RULES_DIR / "speaker_synonyms.txt").read_text(encoding="utf-8").splitlines():
        words = raw.split("#", 1)[0].split()
        if len(words) == 2:
            pairs[_stem(fold(words[0]))] = _stem(fold(words[1]))
    return pairs


@lru_cache(maxsize=1 << 16)
def parse_description(text: str, generic_nouns: frozenset[str]) -> Description | None:
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(text.replace("’", "'")))
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    role: list[str] = []
    i = 0
    while i < len(words):
        parts = words[i].split("-")
        if all(p in ROLE_MODIFIERS for p in parts):
            role.extend(parts)
        elif words[i] not in IGNORED_PRENOMINALS:
            break
        i += 1
    if i >= len(words):
        return None
    head = words[i]
    parts = head.split("-")
    while len(parts) > 1 and parts[0] in ROLE_MODIFIERS | {"haut", "haute"}:
        if parts[0] in ROLE_MODIFIERS:
            role.append(parts[0])
        parts = parts[1:]
    synonyms = _role_synonyms()
    role_words = [_stem(w) for w in role] + ["-".join(
        synonyms.get(_stem(p), _stem(p)) for p in parts)]
    adjectives, complements = set(), set()
    in_complement = False
    for w in words[i + 1:]:
        if w in _PREPOSITIONS:
            in_complement = True
            continue
        if w in _DETERMINERS:
            continue
        (complements if in_complement else adjectives).add(_stem(w))
    return Description(" ".join(role_words), role_words[-1] in _generic_stems(generic_nouns),
                        frozenset(adjectives), frozenset(complements))


def compound_role(a: str, b: str) -> bool:
    """One role is a part of the other's compound ("directric" of "presidente-directric")."""
    parts_a, parts_b = set(a.split("-")), set(b.split("-"))
    return (len(parts_a) == 1 and a in parts_b) or (len(parts_b) == 1 and b in parts_a)


def _target(description: str, lexicon: QuoteLexicon) -> Description | None:
    """The parsed description, if it names someone (a speaker noun is its head)."""
    target = parse_description(description, lexicon.generic_nouns)
    # only a speaker noun designates someone: "ces propos", "la réunion" name nobody
    if target is None or not set(target.role.split()[-1].split("-")) & _speaker_stems(
            lexicon.speaker_nouns):
        return None
    return target


def _parsed_candidates(candidates: Mapping[str, Sequence[str]], lexicon: QuoteLexicon
                       ) -> Iterator[tuple[str, Description]]:
    for key, descriptions in candidates.items():
        for text in descriptions:
            cand = parse_description(text, lexicon.generic_nouns)
            if cand is not None:
                yield key, cand


def _rank(target: Description, pairs: Iterable[tuple[str, Description]]
          ) -> list[tuple[tuple[int, int], str]]:
    best: dict[str, tuple[int, int]] = {}
    for key, cand in pairs:
        if cand.role == target.role:
            level = 2
        elif target.generic or compound_role(target.role, cand.role):
            # "le responsable japonais" may be the vice-minister; "l'avocat" is not
            # whoever the corpus calls "responsable de …"
            level = 1
        else:
            continue
        modifiers = cand.adjectives | cand.complements
        if target.adjectives and modifiers and not target.adjectives & modifiers:
            continue
        overlap = len((target.adjectives | target.complements)
                      & (cand.adjectives | cand.complements))
        score = (level, overlap)
        if key not in best or score > best[key]:
            best[key] = score
    ranked = [(score, key) for key, score in best.items()]
    ranked.sort(key=lambda x: x[0], reverse=True)
    return ranked


def rank_candidates(description: str, candidates: Mapping[str, Sequence[str]],
                     lexicon: QuoteLexicon) -> list[tuple[tuple[int, int], str]]:
    target = _target(description, lexicon)
    return [] if target is None else _rank(target, _parsed_candidates(candidates, lexicon))


def _unique_best(ranked: list[tuple[tuple[int, int], str]]) -> str | None:
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


class DescriptionMatcher:
    """:func:`match_description` against one corpus's candidates, parsed and indexed once.

    The corpus-wide step asks it for every unresolved description of every document:
    candidates are parsed once and indexed by role (and by each part of a compound role),
    so a description is compared only with the candidates whose role can match it (all
    of them for a generic noun), and each wording is answered once. With ``shared_word``
    (the corpus step: the person is named nowhere in the article) a description with
    modifiers needs a candidate that shares one of its words: the office alone ("patron",
    "entraîneur de Reims") does not say whose "patron du festival" or "entraîneur du
    Standard" it is; and an office alone, or with an adjective that is no nationality ("le
    patron", "le conseiller national"), is held by too many to be matched at all.
    """

    def __init__(self, candidates: Mapping[str, Sequence[str]], *,
                 lexicon: QuoteLexicon | None = None, shared_word: bool = False):
        self.lexicon = lexicon or default_lexicon()
        self.shared_word = shared_word
        self._all = list(_parsed_candidates(candidates, self.lexicon))
        self._by_role: dict[str, list[tuple[str, Description]]] = {}
        for pair in self._all:
            for role in {pair[1].role, *pair[1].role.split("-")}:
                self._by_role.setdefault(role, []).append(pair)
        self._answers: dict[str, str | None] = {}

    def match(self, description: str) -> str | None:
        """The entity that ``description`` designates, or None if absent or ambiguous."""
        if description not in self._answers:
            self._answers[description] = self._match(description)
        return self._answers[description]

    def _match(self, description: str) -> str | None:
        target = _target(description, self.lexicon)
        if target is None:
            return None
        if target.generic:
            pairs: Iterable[tuple[str, Description]] = self._all
        else:
            roles = {target.role, *target.role.split("-")}
            pairs = (pair for role in roles for pair in self._by_role.get(role, ()))
        ranked = _rank(target, pairs)
        if self.shared_word:
            # someone the article does not name: the corpus must say of them a word the
            # description says ("le patron du festival" is not the "patron" of a start-up
            # nor "l'entraîneur du Standard" the "entraîneur de Reims"), and a word that
            # tells whose office it is: a complement or a nationality ("le président
            # vénézuélien"); a bare office ("le conseiller national", "le ministre") is
            # held by many
            if not target.complements and not target.adjectives & demonym_stems(
                    self.lexicon.demonyms):
                return None
            ranked = [r for r in ranked if r[0][1] > 0]
        return _unique_best(ranked)


def match_description(description: str, candidates: Mapping[str, Sequence[str]], *,
                      lexicon: QuoteLexicon | None = None) -> str | None:
    """The entity that a speaker description designates, or None if absent or ambiguous.

    Args:
        description: The speaker's description ("le porte-parole de l'Élysée",
            "le responsable japonais", "le président chilien").
        candidates: entity key → descriptions seen for that entity in the corpus
            ("porte-parole de la présidence française", "président chilien").
        lexicon: Word lists (for the generic role nouns); defaults to
            ``pipeline.quote_lexicon.v1``.

    Returns:
        The key of the unique best candidate, or None.

    Notes:
        Both sides are folded (accents, case), stripped of determiners and split into a
        role (head noun plus role-changing prenominals: "premier ministre", "vice-ministre",
        "ancien président" are different roles), the adjectives right after the head
        ("chilien") and the complement words after a preposition ("de la présidence
        française" → présidence, français); words are compared by a crude stem (plural and
        feminine endings), so "présidente"/"président" and "chiliennes"/"chilien" match.

        A candidate description is compatible when its role is the same (level 2), or when
        the description's role is a generic noun marked ``@generic`` in
        ``speaker_nouns.txt`` ("le responsable", "le dirigeant") or a part of the other's
        compound role ("directrice" of "présidente-directrice": level 1); a generic
        candidate ("responsable de …") never stands for a specific role ("l'avocat"); and
        when the description's adjectives are found among the candidate's modifiers, if
        it has any ("président chilien" never matches "président argentin" nor
        "président du Pérou"). Complements of the
        description never contradict ("de l'Élysée" vs "de la présidence française" name the
        same institution differently), but shared modifier words raise the score. Each
        entity scores its best description by (level, shared words); the top entity wins
        only if no other entity has the same score.

    Example:
        >>> match_description("le président chilien",
        ...     {"ruiz": ["président chilien"], "lopez": ["président argentin"]})
        'ruiz'
    """
    return DescriptionMatcher(candidates, lexicon=lexicon).match(description)
