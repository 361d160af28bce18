"""The quotation lexicon: word lists in ``pipeline/rules/fr``, loaded once through the registry."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from spacy.util import registry

from pipeline.extract.entities import demonym_forms

RULES_DIR = Path(__file__).resolve().parents[2] / "rules" / "fr"



@dataclass(frozen=True)
class QuoteLexicon:
    """Every word list the quotation rules use.

    Attributes:
        speech_verbs: Reporting-verb lemmas ("déclarer").
        periphrastic: Verb lemma → the words that make it a cue, space-separated when
            there are several ("faire" → {"savoir"}, "mettre" → {"en garde"}).
        verb_forms: Inflected form → lemma for the reporting verbs, so that a cue is found
            where the tagger or lemmatizer fails ("estime-t-elle", "tranche-t-il").
        object_verbs: Verbs whose plain object is the reported content ("démentir").
        infinitive_verbs: Verbs whose infinitive complement is the content ("nier avoir …").
        de_verbs: Cues whose "de" complement is the content ("se féliciter de …").
        a_verbs: Cues whose "à" complement is the content ("appeler à la retenue").
        prep_verbs: Cue → other prepositions whose complement is the content ("insister"
            → {"sur"}: "X insiste sur [la nécessité d'agir]").
        plan_verbs: Verbs of planning or thought, no speech act in the impersonal passive
            ("il est prévu que …").
        reflexive: Bare lemma → pronominal cue ("féliciter" → "se féliciter").
        markers: Marker token sequences ("d'", "après") → (cue, clause-initial only).
        marker_index: The same markers, grouped by their first token for fast lookup.
        pronouns: Speaker pronoun → (gender, number), "m"/"f"/"-" and "s"/"p"/"-".
        speaker_nouns: Head nouns of speaker descriptions ("porte-parole", "agence").
        generic_nouns: Speaker nouns that can stand for any role ("responsable").
        org_nouns: Speaker nouns naming institutions ("ministère"): an organisation name
            that starts with one is a name even in lowercase ("ministère de la Santé").
        source_nouns: Documents that carry their author's words ("étude", "sondage"):
            "d'après une étude de l'OCDE" has the OCDE as speaker.
        title_nouns: Nouns and verbs that introduce a quoted title ("émission", "intituler").
        connectives: Clause-initial connectives kept out of indirect content ("cependant").
        non_sources: Words showing that "selon" does not introduce a source ("laquelle").
        demonyms: Folded demonyms and their forms ("russe", "belges"): "le Russe" is a
            description of someone, not a name.
    """

    speech_verbs: frozenset[str]
    periphrastic: Mapping[str, frozenset[str]]
    verb_forms: Mapping[str, str]
    object_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    de_verbs: frozenset[str]
    reflexive: Mapping[str, str]
    markers: Mapping[tuple[str, ...], tuple[str, bool]]
    marker_index: Mapping[str, tuple[tuple[tuple[str, ...], str, bool], ...]]
    pronouns: Mapping[str, tuple[str, str]]
    speaker_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    org_nouns: frozenset[str]
    source_nouns: frozenset[str]
    title_nouns: frozenset[str]
    connectives: frozenset[str]
    non_sources: frozenset[str]
    a_verbs: frozenset[str] = frozenset()
    prep_verbs: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    plan_verbs: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()


def read_word_list(path: Path) -> list[tuple[str, frozenset[str]]]:
    """Read a rules file: one entry a line, ``#`` comments, ``@flags`` after the entry.

    Args:
        path: The file.

    Returns:
        (entry, flags) pairs in file order; the entry is lowercased, inner spaces kept.
    """
    entries = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        flags = frozenset(w for w in words if w.startswith("@"))
        entry = " ".join(w for w in words if not w.startswith("@")).lower().replace("’", "'")
        entries.append((entry, flags))
    return entries


def reporting_forms(lemma: str) -> set[str]:
    """Third-person and participle forms of a reporting verb, for lemmatizer failures.

    Regular -er and -ir verbs, and -entir and -enir ones ("dément", "prévient"); spelling
    alternations are over-generated on purpose ("marteler" → "martèle", "martelle").

    Args:
        lemma: An infinitive ("estimer").

    Returns:
        Forms such as "estime", "estiment", "estimé", "estimait".

    Example:
        >>> sorted(reporting_forms("noter"))[:3]
        ['nota', 'notaient', 'notait']
    """
    forms: set[str] = set()
    if lemma.endswith("er") and len(lemma) > 3:
        stem = lemma[:-2]
        stems = {stem}
        # e/é of the last syllable becomes è, or the consonant doubles (marteler, rappeler)
        m = re.match(r"^(.*)[eé]([^aeiouyéèê]+)$", stem)
        if m:
            stems.add(f"{m.group(1)}è{m.group(2)}")
            stems.add(f"{stem}{stem[-1]}")
        for s in stems:
            forms.update({s + "e", s + "ent", s + "es"})
        soft = stem + ("e" if stem.endswith("g") else "")
        soft = soft[:-1] + "ç" if soft.endswith("c") else soft
        forms.update({stem + "é", stem + "ée", stem + "és", stem + "ées", soft + "ait",
                      soft + "aient", soft + "a", stem + "èrent", lemma + "a", lemma + "ont"})
    elif lemma.endswith("entir"):
        # third group, like "mentir": "dément", "démentent", "démentait"
        stem = lemma[:-2]
        forms.update({stem, stem + "ent", stem + "ait", stem + "aient", stem + "i",
                      stem + "ie", stem + "it", stem + "irent"})
    elif lemma.endswith("enir"):
        # third group, like "venir": "prévient", "préviennent", "prévenait", "prévenu"
        stem = lemma[:-4]
        forms.update({stem + "ient", stem + "iennent", stem + "enait", stem + "enaient",
                      stem + "enu", stem + "enue", stem + "int", stem + "inrent"})
    elif lemma.endswith("ir") and len(lemma) > 3:
        stem = lemma[:-2]
        forms.update({stem + "it", stem + "issent", stem + "i", stem + "ie", stem + "is",
                      stem + "issait", stem + "issaient", stem + "irent"})
    else:
        # third group in -re: "sourit", "répond", "admet", "écrit", "dit", "conclut",
        # "poursuit", "croit"
        for ending, present, plural, past, participles in _THIRD_GROUP:
            if lemma.endswith(ending):
                stem = lemma[:-len(ending)]
                forms.update(stem + f for f in (present, plural, past, past[:-1] + "ent",
                                                *participles))
                break
    return forms


#: Endings of third-group -re verbs: the ending, then what replaces it in the third person
#: singular and plural of the present, the imperfect singular, the participles.
_THIRD_GROUP = (
    ("crire", "crit", "crivent", "crivait", ("crit", "crite")),
    ("dire", "dit", "disent", "disait", ("dit", "dite")),
    ("mettre", "met", "mettent", "mettait", ("mis", "mise")),
    ("ivre", "it", "ivent", "ivait", ("ivi", "ivie")),
    ("clure", "clut", "cluent", "cluait", ("clu", "clue")),
    ("oire", "oit", "oient", "oyait", ("u", "ue")),
    ("ire", "it", "ient", "iait", ("i",)),
    ("dre", "d", "dent", "dait", ("du", "due")),
)


class SpeechVerbs(NamedTuple):
    """The entries of ``speech_verbs.txt``, by role."""

    lemmas: frozenset[str]
    periphrastic: dict[str, frozenset[str]]
    objects: frozenset[str]
    infinitives: frozenset[str]
    de_complements: frozenset[str]
    reflexive: dict[str, str]
    a_complements: frozenset[str] = frozenset()
    prepositions: dict[str, frozenset[str]] = {}
    plans: frozenset[str] = frozenset()


def load_speech_verbs(path: Path) -> SpeechVerbs:
    """Load ``speech_verbs.txt`` (format in the file header).

    Args:
        path: The file.

    Returns:
        Lemmas (pronominal verbs without their pronoun), periphrastic cues (verb → the
        words after it), the @obj, @inf, @de and @a entries, bare lemma → pronominal form,
        cue → the other prepositions of its content (@sur, @pour, @contre), and the @plan
        entries.
    """
    verbs, objects, infinitives, de, to, plans = set(), set(), set(), set(), set(), set()
    periphrastic: dict[str, set[str]] = {}
    reflexive: dict[str, str] = {}
    prepositions: dict[str, set[str]] = {}
    for entry, flags in read_word_list(path):
        bare = re.sub(r"^(?:s'|se )", "", entry)
        if bare != entry:
            reflexive[bare] = entry
        words = bare.split()
        if len(words) >= 2:
            periphrastic.setdefault(words[0], set()).add(" ".join(words[1:]))
        else:
            verbs.add(bare)
        for flag, bucket in (("@obj", objects), ("@inf", infinitives), ("@de", de),
                             ("@a", to), ("@plan", plans)):
            if flag in flags:
                bucket.add(bare)
        for flag in flags & {"@sur", "@pour", "@contre"}:
            prepositions.setdefault(bare, set()).add(flag[1:])
    return SpeechVerbs(frozenset(verbs), {k: frozenset(v) for k, v in periphrastic.items()},
                       frozenset(objects), frozenset(infinitives), frozenset(de), reflexive,
                       frozenset(to), {k: frozenset(v) for k, v in prepositions.items()},
                       frozenset(plans))


def marker_tokens(marker: str) -> tuple[str, ...]:
    """Split a marker into the tokens spaCy's French tokenizer gives ("d'après" → d', après)."""
    return tuple(re.findall(r"[^\s']+'?", marker))


def load_markers(path: Path) -> dict[tuple[str, ...], tuple[str, bool]]:
    """Load ``speech_markers.txt``: token sequence → (cue, only at the start of a clause)."""
    return {
        marker_tokens(entry): (entry, "@initial" in flags) for entry, flags in read_word_list(path)
    }


def load_pronouns(path: Path) -> dict[str, tuple[str, str]]:
    """Load ``speaker_pronouns.txt``: pronoun → (gender, number)."""
    pronouns = {}
    for entry, _ in read_word_list(path):
        *words, gender, number = entry.split()
        pronouns[" ".join(words)] = (gender, number)
    return pronouns


def load_speaker_nouns(path: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Load ``speaker_nouns.txt``: (all speaker nouns, the ``@generic`` ones, the ``@org``
    ones).
    """
    entries = read_word_list(path)
    return (
        frozenset(entry for entry, _ in entries),
        frozenset(entry for entry, flags in entries if "@generic" in flags),
        frozenset(entry for entry, flags in entries if "@org" in flags),
    )


def load_words(path: Path) -> frozenset[str]:
    """Load a plain one-word-a-line list."""
    return frozenset(entry for entry, _ in read_word_list(path))


@registry.misc("pipeline.quote_lexicon.v1")
def quote_lexicon_v1(rules_dir: str = "") -> QuoteLexicon:
    """Build the French quotation lexicon from the rules files.

    Args:
        rules_dir: Folder holding the files; "" for ``pipeline/rules/fr``.

    Returns:
        The lexicon.
    """
    root = Path(rules_dir) if rules_dir else RULES_DIR
    verbs = load_speech_verbs(root / "speech_verbs.txt")
    forms: dict[str, str] = {}
    for lemma in sorted(verbs.lemmas):
        for form in reporting_forms(lemma):
            forms.setdefault(form, lemma)
    speaker_nouns, generic, org = load_speaker_nouns(root / "speaker_nouns.txt")
    markers = load_markers(root / "speech_markers.txt")
    index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for tokens, (cue, initial) in sorted(markers.items(), key=lambda kv: -len(kv[0])):
        index.setdefault(tokens[0], []).append((tokens, cue, initial))
    return QuoteLexicon(
        speech_verbs=verbs.lemmas,
        periphrastic=verbs.periphrastic,
        verb_forms=forms,
        object_verbs=verbs.objects,
        infinitive_verbs=verbs.infinitives,
        de_verbs=verbs.de_complements,
        reflexive=verbs.reflexive,
        markers=markers,
        marker_index={k: tuple(v) for k, v in index.items()},
        pronouns=load_pronouns(root / "speaker_pronouns.txt"),
        speaker_nouns=speaker_nouns,
        generic_nouns=generic,
        org_nouns=org,
        source_nouns=load_words(root / "source_nouns.txt"),
        title_nouns=load_words(root / "title_nouns.txt"),
        connectives=load_words(root / "quote_connectives.txt"),
        non_sources=load_words(root / "marker_non_sources.txt"),
        a_verbs=verbs.a_complements,
        prep_verbs=verbs.prepositions,
        plan_verbs=verbs.plans,
        demonyms=frozenset(demonym_forms(
            w for w, _ in read_word_list(root / "entities_demonyms.txt"))),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> QuoteLexicon:
    """The ``pipeline.quote_lexicon.v1`` lexicon, loaded once per process."""
    return quote_lexicon_v1()
