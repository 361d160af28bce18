"""Verb relations and role descriptions between named entities in a parsed French Doc.

Two pure extractors read a Doc parsed by ``fr_core_news_md`` (lemmas, POS, morphology,
dependency parse, sentences and ``doc.ents``) and return frozen records with character
offsets into ``doc.text``:

- :func:`verb_relations`: who did what to whom ("la France a signé un accord avec le
  Canada" -> France, signer, avec, Canada);
- :func:`role_relations`: who holds which role ("le porte-parole de la présidence
  française, Jean Dupont," -> Jean Dupont, "porte-parole de la présidence française").

:func:`nearest_date` then anchors a verb relation to a date found by the dates module.

Notes:
    Method: hand-written rules over Universal Dependencies relations, in the spirit of
    the subject-verb-object triples of textacy (``textacy.extract.triples``) and of
    dependency-path relation extraction (Fundel et al., "RelEx", Bioinformatics 2007).
    The rules favour precision: both ends must be entity mentions of ``doc.ents``, the
    subject must be the nominal subject (or the passive agent) of the very verb, and a
    name is reached through a noun phrase only when it is the head or a flat/appos part
    of it. Does not resolve pronouns ("il a rencontré X" gives nothing), does not pass
    a subject down to an infinitive ("X veut rencontrer Y" gives nothing) and does not
    read quotations (speech verbs are left to the quotes module).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from spacy.tokens import Doc, Span, Token

#: Folder of the French rule files this module reads.
RULES_DIR = Path(__file__).resolve().parent.parent / "rules" / "fr"

#: Dependency labels of a verb's nominal subject (the agent of an active verb, the
#: patient of a passive one; the parser mixes the two labels up).
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
#: Children of a noun that make a name part of that noun phrase ("le président X").
_NAME_DEPS = frozenset({"flat:name", "flat", "appos", "nmod"})
#: Prepositions that introduce a participant through a noun object ("un accord avec X").
_NOUN_OBJECT_PREPS = frozenset({"avec", "à", "contre", "envers", "auprès", "vers"})
#: Prepositions that introduce a participant on the verb even when the parser calls
#: the phrase a modifier (obl:mod): "a signé un accord avec X", "a lutté contre X".
_OBL_MOD_PREPS = frozenset({"avec", "contre", "envers", "auprès"})
#: Prepositions that introduce a place or an occasion ("au Caire", "dans le Clasico"):
#: a place name (LOC) or an event (MISC) behind them is a circumstance, not a participant,
#: unless a head of ``relations_dative_heads.txt`` governs an "à" ("livrer … à l'Ukraine").
_PLACE_PREPS = frozenset({"à", "dans", "en", "sur", "sous", "chez"})
#: Entity labels that a place preposition turns into a circumstance.
_PLACE_LABELS = frozenset({"LOC", "MISC"})
#: Conjunctions of alternatives: "le Maroc ou l'Égypte" states neither.
_ALTERNATIVE_CC = frozenset({"ou", "soit"})
#: Subordinators of a clause that is not asserted: a condition or an indirect question
#: ("si la Russie livrait …", "sans dire si X a rencontré Y"); "même si" asserts.
_UNASSERTED_MARKS = frozenset({"si", "s'"})
#: Labels the parser gives a bare direct object it did not recognise as ``obj``.
_MISSED_OBJECT_DEPS = frozenset({"obl", "obl:mod", "obl:arg", "advmod", "dep"})
#: Contracted or elided prepositions and their base form.
_PREP_FORMS = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d": "de"}
#: Negation words that pair with "ne" ("n'a pas", "ne soutient plus", "n'a jamais").
_NEGATION_WORDS = frozenset(
    {"pas", "plus", "jamais", "guère", "nullement", "aucunement", "point", "rien"}
)
#: Clause-level dependency labels: a verb with one of these heads its own clause.
_CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "csubj", "csubj:pass",
     "parataxis", "conj"}
)
#: Dependents that make a speech verb a quotation frame (a reported clause).
_CLAUSAL_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})
#: Opening quotation marks.
_QUOTE_MARKS = frozenset({"«", "“", '"', "‹"})
#: Nominal dependents of a verb (a quotation mark inside one is a scare quote).
_NOMINAL_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod",
                           "obl:agent"})
#: Entity labels that can hold a role.
_ROLE_HOLDER_LABELS = frozenset({"PER", "ORG"})
#: Prefixes stripped from a role noun before lexicon lookup ("vice-président").
_ROLE_PREFIXES = ("vice-", "ex-", "co-", "sous-", "haut-", "haute-", "premier-", "grand-")
#: Tokens that end a role description ("X, ministre de l'Intérieur, a dit").
_ROLE_STOP_TEXT = frozenset({",", ";", ":", "(", ")", "«", "»", "“", "”", '"', ".", "!", "?"})
#: How far (in tokens) a role noun may stand before the name it describes.
_ROLE_WINDOW = 15
#: Tokens that really end a sentence; a parser sentence ending otherwise is a false cut.
_SENTENCE_END = frozenset({".", "!", "?", "…", ";", ":", "»", "”", '"', ")"})


@dataclass(frozen=True)
class VerbRelation:
    """A verb linking two entity mentions of one sentence.

    Attributes:
        subject_start: Char start of the subject entity mention (the agent).
        subject_end: Char end (exclusive) of the subject entity mention.
        object_start: Char start of the object entity mention.
        object_end: Char end (exclusive) of the object entity mention.
        predicate: Lemma of the verb ("rencontrer", "signer", "soutenir").
        preposition: Preposition introducing a prepositional object ("avec", "à",
            "contre"), or "" for a direct object or a joint event.
        negated: The verb is negated ("n'a pas signé", "ne soutient plus").
        passive: The relation was read from a passive ("reçu par X").
        symmetric: The two ends are coordinated subjects acting together
            ("X et Y ont signé un accord"); the direction then means nothing.
        verb_start: Char start of the verb token.
        verb_end: Char end (exclusive) of the verb token.
        evidence_start: Char start of the span covering subject, verb and object.
        evidence_end: Char end (exclusive) of that span.
        sentence_start: Char start of the sentence holding the relation.
    """

    subject_start: int
    subject_end: int
    object_start: int
    object_end: int
    predicate: str
    preposition: str
    negated: bool
    passive: bool
    symmetric: bool
    verb_start: int
    verb_end: int
    evidence_start: int
    evidence_end: int
    sentence_start: int


@dataclass(frozen=True)
class RoleRelation:
    """A description of the function an entity holds, read next to its name.

    Attributes:
        entity_start: Char start of the PER or ORG entity mention.
        entity_end: Char end (exclusive) of the entity mention.
        role: The description without its leading determiner ("président
            brésilien", "porte-parole de la présidence française").
        evidence_start: Char start of the span covering description and name.
        evidence_end: Char end (exclusive) of that span.
    """

    entity_start: int
    entity_end: int
    role: str
    evidence_start: int
    evidence_end: int


@dataclass(frozen=True)
class RelationLexicon:
    """The word lists the relation rules read.

    Attributes:
        blocked_verbs: Copulas, auxiliaries and modals: never a relation.
        speech_verbs: Speech verbs: no relation when they frame a quotation (reported
            clause, quoted words, incise), else read like any verb ("X a conclu un
            accord avec Y").
        joint_verbs: Verbs that report a joint event when the subject is coordinated
            ("X et Y ont signé un accord").
        role_nouns: Head nouns of role descriptions ("président", "porte-parole").
        speech_object_verbs: Speech verbs whose noun-phrase object is reported content
            ("X a démenti [ces informations]"): only a name as direct object makes a
            relation ("le Portugal a reconnu le Kosovo"). Defaults to none.
        reciprocal_verbs: Joint verbs whose direct object would be the partner: joint
            only when reflexive or without object ("se sont rencontrés", not "ont
            rencontré des journalistes"). Defaults to none.
        dative_heads: Verbs and nouns whose "à" complement is a participant even when
            it names a place ("livrer des armes à l'Ukraine", "une visite à Cuba");
            after other heads "à" + place name is a circumstance ("signé à Washington").
            Defaults to none.
        denial_verbs: Verbs that deny their reported clause ("X a nié que Y ait
            rencontré Z"): a relation read in that clause is flagged negated. Defaults
            to none.
    """

    blocked_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    joint_verbs: frozenset[str]
    role_nouns: frozenset[str]
    speech_object_verbs: frozenset[str] = frozenset()
    reciprocal_verbs: frozenset[str] = frozenset()
    dative_heads: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()


def _read_lines(path: Path) -> Iterator[str]:
    """Yield the non-empty, non-comment lines of a UTF-8 rule file, stripped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _speech_entry(line: str) -> tuple[str, frozenset[str]]:
    """Return (verb lemma, flags) of a ``speech_verbs.txt`` line; lemma "" to skip it.

    Flags are the ``@`` words after the lemma ("admettre  @obj @inf"); a reflexive
    "se "/"s'" is stripped ("s'exclamer" -> "exclamer"); periphrastic two-word cues
    ("faire savoir") are skipped: their first verb alone is no speech verb.
    """
    fields = line.replace("\t", " ").replace(",", " ").split()
    flags = frozenset(f for f in fields if f.startswith("@"))
    words = [f for f in fields if not f.startswith("@")]
    if words[:1] == ["se"]:
        words = words[1:]
    if len(words) != 1:
        return "", flags
    lemma = words[0].lower().replace("’", "'")
    return (lemma[2:] if lemma.startswith("s'") else lemma), flags


@lru_cache(maxsize=8)
def load_lexicon(rules_dir: Path = RULES_DIR) -> RelationLexicon:
    """Build the lexicon from the rule files of ``rules_dir``.

    Args:
        rules_dir (Path): Folder holding ``relations_excluded_verbs.txt``,
            ``relations_joint_verbs.txt``, ``relations_role_nouns.txt`` and, optionally,
            ``speech_verbs.txt``, ``relations_dative_heads.txt`` and
            ``relations_denial_verbs.txt`` (a missing optional list is empty). Defaults
            to the package's ``rules/fr``.

    Returns:
        RelationLexicon: The word lists. When ``speech_verbs.txt`` exists, its one-word
        lemmas are the speech verbs and those flagged ``@obj`` the object-reporting
        ones; otherwise the lemmas of kind ``speech`` in ``relations_excluded_verbs.txt``
        are both (the strict reading).

    Raises:
        ValueError: If a line of ``relations_excluded_verbs.txt`` or
            ``relations_joint_verbs.txt`` has an unknown kind.
    """
    blocked: set[str] = set()
    fallback_speech: set[str] = set()
    for line in _read_lines(rules_dir / "relations_excluded_verbs.txt"):
        lemma, _, kind = line.partition("\t")
        kind = kind.strip()
        if kind in ("copula", "modal"):
            blocked.add(lemma.strip().lower())
        elif kind == "speech":
            fallback_speech.add(lemma.strip().lower())
        else:
            raise ValueError(
                f"relations_excluded_verbs.txt: line {line!r} has kind {kind!r}; "
                "expected 'lemma<TAB>copula|modal|speech'"
            )
    speech_file = rules_dir / "speech_verbs.txt"
    if speech_file.exists():
        entries = [_speech_entry(line) for line in _read_lines(speech_file)]
        speech = {lemma for lemma, _ in entries if lemma}
        speech_object = {lemma for lemma, flags in entries if lemma and "@obj" in flags}
    else:
        speech = speech_object = fallback_speech
    joint: set[str] = set()
    reciprocal: set[str] = set()
    for line in _read_lines(rules_dir / "relations_joint_verbs.txt"):
        lemma, _, kind = line.partition("\t")
        kind = kind.strip()
        if kind not in ("artifact", "reciprocal"):
            raise ValueError(
                f"relations_joint_verbs.txt: line {line!r} has kind {kind!r}; "
                "expected 'lemma<TAB>artifact|reciprocal'"
            )
        joint.add(lemma.strip().lower())
        if kind == "reciprocal":
            reciprocal.add(lemma.strip().lower())
    roles = {line.lower() for line in _read_lines(rules_dir / "relations_role_nouns.txt")}
    return RelationLexicon(
        blocked_verbs=frozenset(blocked), speech_verbs=frozenset(speech),
        joint_verbs=frozenset(joint), role_nouns=frozenset(roles),
        speech_object_verbs=frozenset(speech_object),
        reciprocal_verbs=frozenset(reciprocal),
        dative_heads=_optional_words(rules_dir / "relations_dative_heads.txt"),
        denial_verbs=_optional_words(rules_dir / "relations_denial_verbs.txt"),
    )


def _optional_words(path: Path) -> frozenset[str]:
    """The lowercase lines of an optional one-word-a-line rule file (empty if absent)."""
    if not path.exists():
        return frozenset()
    return frozenset(line.lower() for line in _read_lines(path))


def _check_doc(doc: Doc) -> None:
    """Raise ValueError unless the Doc has what the rules read."""
    missing = [attr for attr in ("DEP", "POS", "LEMMA") if not doc.has_annotation(attr)]
    if missing:
        raise ValueError(
            f"relations need a parsed Doc (fr_core_news_md); missing annotation: "
            f"{', '.join(missing)}"
        )


def _is_bare_role(ent: Span, role_nouns: frozenset[str]) -> bool:
    """True for a mention that is a role phrase and no name ("Premier ministre indien").

    The statistical NER sometimes tags a title as ORG or MISC; such a mention has a
    role noun and no proper noun.
    """
    return not any(t.pos_ == "PROPN" for t in ent) and any(
        _is_role_noun(t, role_nouns) for t in ent
    )


def _entity_index(doc: Doc, role_nouns: frozenset[str]) -> dict[int, Span]:
    """Map each token index inside a (name-like) entity mention to that mention."""
    return {
        i: ent
        for ent in doc.ents
        if not _is_bare_role(ent, role_nouns)
        for i in range(ent.start, ent.end)
    }


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Map each token index to its sentence's (start, end) token bounds.

    Computed once per Doc: ``Token.sent`` rescans the whole Doc on every call.
    """
    bounds: list[tuple[int, int]] = [(0, len(doc))] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            bounds[i] = (sent.start, sent.end)
    return bounds


def _sentence_of(token: Token) -> Span:
    """Return the sentence of a token by scanning its sentence starts (O(sentence))."""
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = token.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def _preposition(token: Token) -> str:
    """Return the normalised preposition (case marker) of a nominal, or ""."""
    for child in token.children:
        if child.dep_ == "case" or child.dep_.startswith("case:"):
            form = child.lower_.replace("’", "'")
            return _PREP_FORMS.get(form, form)
    return ""


def _entity_of(token: Token, ents: dict[int, Span]) -> Span | None:
    """Return the entity a subject/object head designates, or None.

    The head itself may be part of the name, or it may be a noun whose flat name or
    apposition is the name ("le président brésilien [Luiz Inácio Lula]"). A name behind
    a preposition ("le soutien [de la France]") is another participant, not the head,
    even when the parser hung a later word of the name without it ("de Marine | Le Pen").
    """
    ent = ents.get(token.i)
    if ent is not None:
        # "la culpabilité [de Marine] Le Pen" with "Pen" parsed as the verb's object: the
        # preposition on the name's first word makes the whole name a complement.
        if not _preposition(token) and _has_preposition(ent):
            return None
        return ent
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in token.children:
        if child.dep_ not in _NAME_DEPS or child.i not in ents or _preposition(child):
            continue
        ent = ents[child.i]
        # "son soutien [à Marine] Le Pen": the parser hung the last word of a name on the
        # noun, but a preposition before the name makes it a complement.
        if _has_preposition(ent) or _names_another_noun(token, ent, ents):
            continue
        return ent
    return None


def _has_preposition(ent: Span) -> bool:
    """True if a word of the mention has a case marker standing before the mention."""
    return any(
        c.i < ent.start
        for t in ent for c in t.children
        if c.dep_ == "case" or c.dep_.startswith("case:")
    )


def _names_another_noun(head: Token, ent: Span, ents: dict[int, Span]) -> bool:
    """True if a name after ``head`` is the name of another common noun before it.

    "l'ancien directeur de la banque privée [Pictet]": the parser may hang the name on
    "directeur", but it names "banque". Person names are kept ("le ministre de
    l'économie [Bruno Le Maire]"), and so are names after a capitalised or named
    complement ("la présidente de la Commission européenne [Ursula von der Leyen]").
    """
    if ent.label_ == "PER" or ent.start <= head.i:
        return False
    doc = ent.doc
    k = ent.start - 1
    while k > head.i and doc[k].pos_ == "ADJ" and k not in ents:
        k -= 1
    tok = doc[k]
    return (k > head.i and tok.pos_ == "NOUN" and k not in ents
            and tok.text[:1].islower())


def _conjuncts(token: Token, ents: dict[int, Span]) -> list[Token]:
    """Return the token and the nominals coordinated with it ("X et Y").

    For a token inside a name, conjuncts hung on any word of the name count ("les
    Pays-Bas et la Belgique", with "Belgique" under "Bas"). A conjunct with another
    preposition than the head is a prepositional phrase the parser attached as
    ``conj`` ("l'aide de X, [de Y]" under the object "aide"); one after "mais" is a
    contrast ("pas X mais Y"). Alternatives ("X ou Y") give an empty list: the text
    states neither.
    """
    out = [token]
    ent = ents.get(token.i)
    stack = list(ent) if ent is not None else [token]
    prep = _preposition(token)
    while stack:
        for child in stack.pop().children:
            # "pas X mais Y": a contrast, not a coordination of participants.
            if any(c.dep_ == "cc" and c.lower_ == "mais" for c in child.children):
                continue
            if (child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON")
                    and _preposition(child) == prep):
                # "le Maroc ou l'Égypte": alternatives; the text states neither.
                if any(c.dep_ == "cc" and c.lower_ in _ALTERNATIVE_CC for c in child.children):
                    return []
                out.append(child)
                stack.append(child)
    return out


def _entities(tokens: Iterable[Token], ents: dict[int, Span]) -> list[Span]:
    """Resolve heads (and their conjuncts) to distinct entity mentions, in text order."""
    found: dict[int, Span] = {}
    for token in tokens:
        for conj in _conjuncts(token, ents):
            ent = _entity_of(conj, ents)
            if ent is not None:
                found.setdefault(ent.start, ent)
    return [found[k] for k in sorted(found)]


def _is_incise(verb: Token) -> bool:
    """True if a finite verb group opens after a comma or a quote (", a dit X").

    A bare participle after a comma is a participle clause ("X, soutenu par Y"), not an
    incise.
    """
    if verb.dep_ == "acl" or (
        "Part" in verb.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") for c in verb.children)
    ):
        return False
    group = [verb, *(c for c in verb.children
                     if c.dep_.startswith("aux") or c.dep_.startswith("expl")
                     or c.lower_ in ("ne", "n'", "n’"))]
    first = min(t.i for t in group)
    return first > 0 and verb.doc[first - 1].text in {",", "»", "”", '"', "«"}


def _frames_clause(verb: Token) -> bool:
    """True if a speech verb reports a clause or is an incise.

    "a déclaré que …", "a appelé X à …", ", a rapporté l'AFP".
    """
    return any(c.dep_ in _CLAUSAL_DEPS for c in verb.children) or _is_incise(verb)


def _quote_follows(verb: Token, sent_end: int) -> bool:
    """True if a quotation follows the verb in its sentence.

    A colon after the verb opens one ("a déclaré à Y : « … »"); so does an opening
    quotation mark, unless it sits inside a noun phrase of the verb (scare quotes: "a
    réaffirmé son soutien face aux menaces « actuelles »").
    """
    nominal = [c for c in verb.children if c.dep_ in _NOMINAL_DEPS]
    inside = {t.i for c in nominal for t in c.subtree}
    for tok in verb.doc[verb.i + 1: sent_end]:
        if tok.text == ":" or (tok.text in _QUOTE_MARKS and tok.i not in inside):
            return True
    return False


def _subject_entities(heads: list[Token], ents: dict[int, Span]) -> list[Span]:
    """Resolve subject heads to entity mentions, dropping appositions.

    The parser often gives "X, le ministre de Y," two ``nsubj`` arcs; a second subject is
    kept only when it is coordinated with the first (a ``conj`` arc or "et"/"ou"/"ni"
    between them), as in "la France et l'Allemagne soutiennent …".
    """
    found: dict[int, tuple[Span, bool]] = {}
    for head in heads:
        for n, conj in enumerate(_conjuncts(head, ents)):
            ent = _entity_of(conj, ents)
            if ent is not None and ent.start not in found:
                found[ent.start] = (ent, n > 0)
    kept: list[Span] = []
    for start in sorted(found):
        ent, via_conj = found[start]
        if kept and not via_conj:
            between = ent.doc[kept[-1].end: ent.start]
            if not any(t.pos_ == "CCONJ" for t in between):
                continue
        kept.append(ent)
    return kept


def _is_relative(token: Token, lemma: str) -> bool:
    """True if the token is the relative pronoun ``lemma`` ("qui", "que")."""
    return token.pos_ == "PRON" and token.lower_.replace("’", "'") in (lemma, lemma[:2] + "'")


def _is_passive(verb: Token) -> bool:
    """True if the verb is a passive: "a été reçu", "reçu par" (participle clause)."""
    # An nsubj:pass alone is not enough: the parser puts it on actives too ("X n'a
    # jamais racheté Y"); the passive auxiliary or the Voice feature is.
    if "Pass" in verb.morph.get("Voice"):
        return True
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    # A bare past participle with its own subject is a passive: an active compound tense
    # needs an auxiliary. Headline "X reçu à la Maison Blanche".
    if (
        "Part" in verb.morph.get("VerbForm")
        and "Past" in verb.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in verb.children)
        and any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    ):
        return True
    # A bare past participle with a "par" agent: "X, soutenu par Y" (acl), or a
    # headline "X soutenu par Y : …" that the parser hangs elsewhere.
    return (
        "Part" in verb.morph.get("VerbForm")
        and "Past" in verb.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in verb.children)
        and any(c.dep_ == "obl:agent" for c in verb.children)
    )


def _is_negated(verb: Token, sent_end: int) -> bool:
    """True if the verb or its auxiliaries carry a negation ("n'a pas", "ne … jamais").

    Written French negation always has "ne"; without it only "pas" counts, so that
    "de plus en plus" or "plus que jamais" negate nothing. "ne … que" is a restriction
    ("ne soutient que X"), not a negation.
    """
    words = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    forms = {c.lower_.replace("’", "'") for w in words for c in w.children
             if c.dep_ in ("advmod", "advmod:neg", "fixed", "mark", "case")}
    forms |= {c.lower_.replace("’", "'") for w in words for c in w.children
              if "Neg" in c.morph.get("Polarity")}
    if forms & {"ne", "n'"}:
        return bool(forms & _NEGATION_WORDS) or not _has_restrictive_que(verb, sent_end)
    return "pas" in forms


def _has_restrictive_que(verb: Token, sent_end: int) -> bool:
    """True if "que" follows the verb before any other verb ("ne soutient que X")."""
    for tok in verb.doc[verb.i + 1: sent_end]:
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.lower_.replace("’", "'") in ("que", "qu'"):
            return True
    return False


def _clause_chain(verb: Token) -> Iterator[Token]:
    """Yield the verb and the verbs it is coordinated to ("si X attaque Y et [bombarde]")."""
    yield verb
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
        yield verb


def _has_si(verb: Token) -> bool:
    """True if the verb is subordinated by "si" (not the concessive "même si")."""
    doc = verb.doc
    return any(
        c.dep_ == "mark" and c.lower_.replace("’", "'") in _UNASSERTED_MARKS
        and (c.i == 0 or doc[c.i - 1].lower_ != "même")
        for c in verb.children
    )


def _is_unasserted(verb: Token) -> bool:
    """True if the verb's clause is a condition, its consequence or an indirect question.

    "si la Russie livrait des armes à l'Iran, …", "… le Japon soutiendrait les
    États-Unis si …", "a refusé de dire si X avait rencontré Y": the text does not state
    the event. "même si" concedes it: asserted.
    """
    for tok in _clause_chain(verb):
        if _has_si(tok) or any(c.dep_ == "advcl" and _has_si(c) for c in tok.children):
            return True
    return False


def _is_denied(verb: Token, denial_verbs: frozenset[str], sent_end: int) -> bool:
    """True if the verb's clause is reported by a denial ("X a nié que Y ait signé …")."""
    clause = list(_clause_chain(verb))[-1]
    if clause.dep_ != "ccomp":
        return False
    head = clause.head
    return head.lemma_.lower() in denial_verbs and not _is_negated(head, sent_end)


def _is_reflexive(verb: Token) -> bool:
    """True if the verb has a reflexive clitic ("se sont rencontrés")."""
    return any(
        c.pos_ == "PRON" and "Yes" in c.morph.get("Reflex") and c.dep_ != "nsubj"
        for c in verb.children
    )


def _relative_antecedent(verb: Token, ents: dict[int, Span]) -> Token:
    """Return the noun a relative clause ("X, qui a signé …") is about.

    The parser's head of ``acl:relcl`` is taken when it designates an entity; otherwise
    a name that ends right before the pronoun (optionally before a comma) and lies
    inside the head's noun phrase: "le régime du socialiste [X], qui a dirigé …".
    """
    head = verb.head
    if _entity_of(head, ents) is not None:
        return head
    pronoun = min(verb.subtree, key=lambda t: t.i)
    k = pronoun.i - 1
    if k >= 0 and verb.doc[k].text == ",":
        k -= 1
    if k >= 0 and k in ents and k in {t.i for t in head.subtree}:
        return verb.doc[k]
    return head


def _passive_patient(verb: Token, ents: dict[int, Span]) -> list[Token]:
    """Return the patient of a participle clause without subject ("X, soutenu par Y").

    An ``acl`` participle modifies its patient; in headlines ("X soutenu par Y : …") the
    parser often attaches the participle elsewhere, so a name that ends right before it
    (optionally before a comma) is taken instead.
    """
    if verb.dep_ == "acl":
        return [verb.head]
    k = verb.i - 1
    if k >= 0 and verb.doc[k].text == ",":
        k -= 1
    if k >= 0 and k in ents and not any(c.dep_.startswith("aux") for c in verb.children):
        return [verb.doc[k]]
    return []


def _subjects(verb: Token, passive: bool, ents: dict[int, Span]
              ) -> tuple[list[Token], list[Token]]:
    """Return (agent heads, patient heads) of a verb, following relative pronouns.

    For an active verb the agents are its nominal subjects and there is no patient; for
    a passive verb the agents are the "par" phrases and the patients its subjects (or
    the noun a participle clause modifies: "X, soutenu par Y"). A subject the parser
    hung on the auxiliary ("la France [a] une nouvelle fois exprimé") counts too.
    """
    relative = verb.dep_ == "acl:relcl"
    heads = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    subjects = [c for h in heads for c in h.children
                if c.dep_ in _SUBJECT_DEPS]
    subjects = [_relative_antecedent(verb, ents) if relative and _is_relative(a, "qui")
                else a for a in subjects]
    if not passive:
        return subjects, []
    # The "par" phrase is sometimes labelled obl:mod ("racheté par Y en 2020").
    agents = [c for c in verb.children if c.dep_ == "obl:agent"
              or (c.dep_.startswith("obl") and _preposition(c) == "par")]
    patients = subjects or _passive_patient(verb, ents)
    return agents, patients


def _left_coordinated(subject: Span, verb: Token, ents: dict[int, Span]) -> Span | None:
    """Return a name coordinated to the left of a subject the parser cut off.

    "Berlin et Varsovie ont prolongé …" is often parsed with "Berlin" as a separate
    root and only "Varsovie" as the subject; a name right before "et" that hangs on the
    verb or on nothing is then taken as a second subject.
    """
    doc = subject.doc
    k = subject.start - 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    if k < 1 or doc[k].lower_ != "et" or (k - 1) not in ents:
        return None
    other = ents[k - 1]
    outside = [t.head for t in other if t.head.i < other.start or t.head.i >= other.end]
    if all(h.i == verb.i for h in outside) and not any(_preposition(t) for t in other):
        return other
    return None


def _is_place(ent: Span, prep: str, heads: Iterable[Token], dative_heads: frozenset[str]
              ) -> bool:
    """True if a prepositional name is a place or an occasion, not a participant.

    "a signé un accord [à Washington]", "accueillera Y [au Parc Saint-Jacques]", "s'impose
    [dans le Clasico]": a LOC or MISC mention after a place preposition. An "à" governed
    by a dative head (the verb or the noun the phrase hangs on) stays a participant:
    "a livré des armes à l'Ukraine", "une visite officielle à Cuba".
    """
    if ent.label_ not in _PLACE_LABELS or prep not in _PLACE_PREPS:
        return False
    return not (prep == "à" and any(h.lemma_.lower() in dative_heads for h in heads))


def _objects(verb: Token, ents: dict[int, Span],
             dative_heads: frozenset[str] = frozenset()) -> list[tuple[Span, str]]:
    """Return (entity, preposition) pairs for the objects of an active verb.

    Place names behind a place preposition are left out (see :func:`_is_place`).
    """
    out: list[tuple[Span, str]] = []
    objs = [c for c in verb.children if c.dep_ == "obj"]
    if verb.dep_ == "acl:relcl":
        objs = [verb.head if _is_relative(o, "que") else o for o in objs]
    direct = _entities(objs, ents)
    out.extend((ent, "") for ent in direct)
    # "a signé [un accord] avec X": the participant hangs on the object noun.
    for obj in objs:
        if _entity_of(obj, ents) is None:
            out.extend((ent, prep) for ent, prep, noun in _noun_participants(obj, ents)
                       if not _is_place(ent, prep, (verb, noun), dative_heads))
    for child in verb.children:
        prep = _preposition(child)
        if not prep and child.dep_ in _MISSED_OBJECT_DEPS:
            # A bare name after the verb is a direct object the parser missed
            # ("a rencontré le chancelier allemand X" parsed as obl:mod).
            if not objs and child.i > verb.i and child.i in ents:
                out.extend((ent, "") for ent in _entities([child], ents))
            continue
        if not child.dep_.startswith("obl") or child.dep_ == "obl:agent" or not prep:
            continue
        if child.dep_ == "obl:arg" or prep in _OBL_MOD_PREPS:
            out.extend((ent, prep) for ent in _entities([child], ents)
                       if not _is_place(ent, prep, (verb,), dative_heads))
    return out


def _noun_participants(noun: Token, ents: dict[int, Span]
                       ) -> Iterator[tuple[Span, str, Token]]:
    """Yield (name, preposition, noun it hangs on) for participants inside a noun object.

    Looks two ``nmod`` levels down: "un accord [de partenariat] avec le Canada".
    """
    frontier = [noun]
    for _ in range(2):
        nxt = []
        for head in frontier:
            for child in head.children:
                if child.dep_ != "nmod":
                    continue
                prep = _preposition(child)
                if prep in _NOUN_OBJECT_PREPS:
                    for ent in _entities([child], ents):
                        yield ent, prep, head
                nxt.append(child)
        frontier = nxt


def _make_relation(
    verb: Token, subj: Span, obj: Span, prep: str, *, negated: bool, passive: bool,
    symmetric: bool, sent: Span,
) -> VerbRelation | None:
    """Build one record, or None if its ends overlap, hold the verb or leave the sentence."""
    if subj.start < obj.end and obj.start < subj.end:
        return None
    # A mention that swallows the verb ("[la Confédération versera] …") is a wrong span.
    if subj.start <= verb.i < subj.end or obj.start <= verb.i < obj.end:
        return None
    start = min(subj.start_char, obj.start_char, verb.idx)
    end = max(subj.end_char, obj.end_char, verb.idx + len(verb.text))
    if start < sent.start_char or end > sent.end_char:
        return None
    # A line break inside the evidence means the parser ran a sentence across lines.
    first = min(subj.start, obj.start, verb.i)
    last = max(subj.end, obj.end, verb.i + 1) - 1
    if any("\n" in t.text_with_ws for t in verb.doc[first:last]) or "\n" in verb.doc[last].text:
        return None
    return VerbRelation(
        subject_start=subj.start_char, subject_end=subj.end_char,
        object_start=obj.start_char, object_end=obj.end_char,
        predicate=verb.lemma_.lower(), preposition=prep, negated=negated,
        passive=passive, symmetric=symmetric, verb_start=verb.idx,
        verb_end=verb.idx + len(verb.text), evidence_start=start, evidence_end=end,
        sentence_start=sent.start_char,
    )


def _verb_relations_of(
    verb: Token, ents: dict[int, Span], lexicon: RelationLexicon, sent: Span
) -> Iterator[VerbRelation]:
    """Yield the relations one verb token carries (see :func:`verb_relations`)."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.blocked_verbs or _is_unasserted(verb):
        return
    passive = _is_passive(verb)
    agent_heads, patient_heads = _subjects(verb, passive, ents)
    # "X a dénoncé Y et a appelé Z": a coordinated verb without a subject shares its
    # head verb's subject (same voice only).
    if not agent_heads and not passive and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        if not _is_passive(verb.head):
            agent_heads, _ = _subjects(verb.head, False, ents)
    subjects = _subject_entities(agent_heads, ents)
    if not subjects:
        return
    if not passive and len(subjects) == 1:
        other = _left_coordinated(subjects[0], verb, ents)
        if other is not None:
            subjects = [other, subjects[0]]
    if passive:
        patients = _entities(patient_heads, ents)
        if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            # A participle clause modifies the names before it: in "X, désigné par Y, et
            # Z", Z is coordinated with X but out of the participle's scope.
            patients = [ent for ent in patients if ent.start < verb.i]
        objects = [(ent, "") for ent in patients]
    else:
        objects = _objects(verb, ents, lexicon.dative_heads)
    joint = (not objects and not passive and len(subjects) > 1
             and lemma in lexicon.joint_verbs
             and (lemma not in lexicon.reciprocal_verbs or _is_reflexive(verb)
                  or not any(c.dep_ == "obj" for c in verb.children)))
    if lemma in lexicon.speech_verbs:
        # A speech verb framing a quotation is the quotes module's: a reported clause,
        # quoted words after it, or an incise (", a rapporté l'AFP", whose name is the
        # inverted subject).
        if _frames_clause(verb):
            return
        if lemma in lexicon.speech_object_verbs or _quote_follows(verb, sent.end):
            # "X a démenti [ces informations]", "X a déclaré à Y : « … »": the object or
            # what follows is reported content; only a name as direct object ("Y,
            # soutenu par X : …") or a joint event is kept.
            objects = [(obj, p) for obj, p in objects if p == ""]
            if not objects and not joint:
                return
    # "X a nié que Y ait rencontré Z": the denial negates the reported event.
    negated = _is_negated(verb, sent.end) != _is_denied(verb, lexicon.denial_verbs, sent.end)
    seen: set[tuple[int, int, str]] = set()
    for subj in subjects:
        for obj, prep in objects:
            key = (subj.start, obj.start, prep)
            if key in seen:
                continue
            seen.add(key)
            rel = _make_relation(verb, subj, obj, prep, negated=negated, passive=passive,
                                 symmetric=False, sent=sent)
            if rel is not None:
                yield rel
    # "X et Y ont signé un accord" / "X et Y se sont rencontrés": a joint event.
    if joint:
        for subj, obj in combinations(subjects, 2):
            rel = _make_relation(verb, subj, obj, "", negated=negated, passive=False,
                                 symmetric=True, sent=sent)
            if rel is not None:
                yield rel


def verb_relations(doc: Doc, *, lexicon: RelationLexicon | None = None) -> list[VerbRelation]:
    """Extract verb relations between two entity mentions of the same sentence.

    Constructions read (examples as the rules expect them):

    - active: "Emmanuel Macron a rencontré Olaf Scholz" -> (Macron, rencontrer, Scholz);
    - passive: "Joe Biden a été reçu par Emmanuel Macron", "Lula, soutenu par Emmanuel
      Macron" -> (Macron, recevoir|soutenir, Biden|Lula), ``passive=True``;
    - prepositional object, on the verb or through a noun object: "la France a signé
      un accord avec l'Allemagne" -> (France, signer, avec, Allemagne);
    - coordination: "l'Allemagne et la France soutiennent la Moldavie" -> two rows;
    - joint event: "la Pologne et la Lituanie ont signé un traité" -> one row between
      the two subjects, ``symmetric=True`` (verbs of ``relations_joint_verbs.txt``);
    - relative clauses: "X, qui a rencontré Y" -> (X, rencontrer, Y);
    - negation is flagged (``negated=True``), never dropped; so is a clause reported by
      a denial ("X a nié que Y ait livré des armes à Z", ``relations_denial_verbs.txt``).

    Left out: a place or an occasion after a place preposition ("signé un accord [à
    Washington]", "s'impose [dans le Clasico]"; "à" after a head of
    ``relations_dative_heads.txt`` stays a participant: "livré des armes à l'Ukraine"),
    alternatives ("le Maroc [ou] l'Égypte"), and clauses the text does not assert: a
    condition, its consequence or an indirect question ("si …"; "même si" asserts).

    Args:
        doc (Doc): A Doc parsed by ``fr_core_news_md`` (lemmas, POS, morphology,
            dependencies, sentences and ``doc.ents``).
        lexicon (RelationLexicon | None): Word lists; defaults to
            :func:`load_lexicon` on the package rules.

    Returns:
        list[VerbRelation]: The relations in text order of their verbs.

    Raises:
        ValueError: If the Doc has no dependency parse, POS tags or lemmas.

    Notes:
        Copulas, auxiliaries and modals never head a relation; speech verbs do only when
        they frame no quotation (see :class:`RelationLexicon`). Pronoun subjects are not
        resolved; a relation reported in the conditional or attributed ("selon …") is
        not marked as such.
    """
    _check_doc(doc)
    lexicon = lexicon or load_lexicon()
    ents = _entity_index(doc, lexicon.role_nouns)
    if len({ent.start for ent in ents.values()}) < 2:
        return []
    out: list[VerbRelation] = []
    for sent in doc.sents:
        for token in sent:
            if token.pos_ == "VERB":
                out.extend(_verb_relations_of(token, ents, lexicon, sent))
    return out


def _is_role_noun(token: Token, role_nouns: frozenset[str]) -> bool:
    """True if the token is a noun of the role lexicon ("vice-Premier ministre" too)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    for form in (token.lemma_.lower(), token.lower_):
        if form in role_nouns:
            return True
        for prefix in _ROLE_PREFIXES:
            if form.startswith(prefix) and form[len(prefix):] in role_nouns:
                return True
    return False


def _linked(role: Token, ent: Span, role_tokens: set[int]) -> bool:
    """True if the parse ties the role noun phrase to the name.

    Either the name hangs inside the role phrase (apposition, flat name), the role noun
    hangs on the name, or both are dependents of the same word with the same label (a
    frequent parse of "X, le ministre de …, a dit").
    """
    ent_tokens = set(range(ent.start, ent.end))
    if role.head.i in ent_tokens:
        return True
    for tok in ent:
        if tok.head.i not in ent_tokens and (
            tok.head.i in role_tokens
            or (tok.head.i == role.head.i and tok.dep_ == role.dep_ and tok.head != tok)
        ):
            return True
    return False


def _trim_role(tokens: list[Token]) -> list[Token]:
    """Drop leading determiners/prepositions and trailing function words of a role."""
    lead = {"DET", "ADP", "PUNCT", "CCONJ"}
    while tokens and (tokens[0].pos_ in lead or tokens[0].dep_ in ("det", "case", "cc")):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in lead:
        tokens = tokens[:-1]
    return tokens


def _clause_window(ent: Span, bounds: list[tuple[int, int]]) -> tuple[int, int]:
    """Return token bounds of the sentence around a mention, mending false cuts.

    The parser sometimes starts a sentence inside a long title ("le directeur de
    l'Organisation | mondiale de la santé, X,"); a cut that follows no final
    punctuation and no line break is ignored here.
    """
    doc = ent.doc
    start, end = bounds[ent.start]
    while start > 0:
        prev = doc[start - 1]
        if prev.text in _SENTENCE_END or "\n" in prev.text_with_ws or prev.is_space:
            break
        start = bounds[start - 1][0]
    while end < len(doc):
        last = doc[end - 1]
        if last.text in _SENTENCE_END or "\n" in last.text_with_ws or last.is_space:
            break
        end = bounds[end][1]
    return start, end


def _role_before(ent: Span, ents: dict[int, Span], role_nouns: frozenset[str],
                 window: tuple[int, int]) -> RoleRelation | None:
    """Read a role that precedes the name.

    "le président brésilien Luiz Inácio Lula" (title + name) and "le porte-parole du
    gouvernement français, Gabriel Attal," (apposition before the name).
    """
    doc = ent.doc
    sent_start, _ = window
    last = ent.start - 1
    comma = last >= sent_start and doc[last].text == ","
    if comma:
        last -= 1
    # "la présidente de [la Commission]": the name is a complement, not the holder.
    if last < sent_start or doc[last].pos_ in ("ADP", "DET"):
        return None
    tokens = _parsed_role_before(ent, last, ents, role_nouns, sent_start)
    if tokens is None:
        tokens = _surface_role_before(ent, last, role_nouns, window, comma=comma)
    tokens = _trim_role(tokens or [])
    if not tokens:
        return None
    return RoleRelation(
        entity_start=ent.start_char, entity_end=ent.end_char,
        role=doc[tokens[0].i: tokens[-1].i + 1].text,
        evidence_start=tokens[0].idx, evidence_end=ent.end_char,
    )


def _parsed_role_before(ent: Span, last: int, ents: dict[int, Span],
                        role_nouns: frozenset[str], sent_start: int) -> list[Token] | None:
    """Return the role phrase ending at token ``last`` if the parse ties it to the name.

    The leftmost role noun whose subtree covers everything up to the name wins:
    "le conseiller du président français, X" -> "conseiller du président français".
    """
    doc = ent.doc
    best: list[Token] | None = None
    best_noun: Token | None = None
    for k in range(last, max(sent_start, last - _ROLE_WINDOW) - 1, -1):
        cand = doc[k]
        if cand.i in ents and ents[cand.i].start == ent.start:
            break
        if (cand.text in _ROLE_STOP_TEXT or cand.pos_ in ("VERB", "AUX")) \
                and cand.dep_ != "amod":
            break
        if not _is_role_noun(cand, role_nouns):
            continue
        subtree = {t.i for t in cand.subtree}
        if all(i in subtree for i in range(k, last + 1)):
            left = k
            while left - 1 >= sent_start and left - 1 in subtree and \
                    doc[left - 1].text not in _ROLE_STOP_TEXT:
                left -= 1
            best = list(doc[left: last + 1])
            best_noun = cand
    if best is None or best_noun is None:
        return None
    if not _linked(best_noun, ent, {t.i for t in best_noun.subtree}):
        return None
    return best


def _surface_role_before(ent: Span, last: int, role_nouns: frozenset[str],
                         window: tuple[int, int], *, comma: bool) -> list[Token] | None:
    """Return "DET role-noun …" ending at ``last`` when the parse is broken.

    A fallback on word order alone, in two strict shapes:

    - title + name, only adjectives after the role noun: "le vice-Premier ministre
      italien X" (the parser sometimes hangs X on the main verb);
    - apposition between two commas, any phrase without verb, pronoun, conjunction or
      punctuation: "le directeur général de l'Organisation mondiale de la santé, X,".
    """
    doc = ent.doc
    sent_start, sent_end = window
    if comma and (ent.end >= sent_end or doc[ent.end].text not in (",", ")")):
        return None
    stop_pos = {"VERB", "AUX", "PRON", "SCONJ", "CCONJ"}
    found: int | None = None
    for k in range(last, max(sent_start, last - _ROLE_WINDOW) - 1, -1):
        tok = doc[k]
        if tok.text in _ROLE_STOP_TEXT or (tok.pos_ in stop_pos and tok.dep_ != "amod"):
            break
        if not comma and tok.pos_ not in ("ADJ", "DET") and not _is_role_noun(tok, role_nouns):
            break
        if tok.pos_ == "DET" and k + 1 <= last and _is_role_noun(doc[k + 1], role_nouns):
            found = k + 1
        elif tok.pos_ == "DET" and k + 2 <= last and doc[k + 1].pos_ == "ADJ" \
                and _is_role_noun(doc[k + 2], role_nouns):
            found = k + 1
    if found is None:
        return None
    return list(doc[found: last + 1])


def _role_after(ent: Span, ents: dict[int, Span], role_nouns: frozenset[str],
                window: tuple[int, int]) -> RoleRelation | None:
    """Read a role in apposition after the name.

    "Jens Stoltenberg, secrétaire général de l'OTAN," and
    "X, le ministre de l'Intérieur,".
    """
    doc = ent.doc
    _, sent_end = window
    k = ent.end
    if k >= sent_end or doc[k].text != ",":
        return None
    k += 1
    start = k
    # Skip one determiner and up to two adjectives: "la", "l'ancien", "vice-Premier".
    if k < sent_end and doc[k].pos_ == "DET":
        k += 1
    for _ in range(2):
        if k < sent_end and doc[k].pos_ == "ADJ":
            k += 1
    if k >= sent_end or not _is_role_noun(doc[k], role_nouns):
        return None
    noun = doc[k]
    subtree = {t.i for t in noun.subtree}
    if not all(i in subtree for i in range(start, k)):
        return None
    end = k
    while end + 1 < sent_end and end + 1 in subtree:
        nxt = doc[end + 1]
        if nxt.text in _ROLE_STOP_TEXT or nxt.dep_ in ("acl:relcl", "acl") or (
            nxt.pos_ == "PRON" and "Rel" in nxt.morph.get("PronType")
        ):
            break
        end += 1
    # "X, le président américain Y": the phrase is the title of the next name.
    if end + 1 < sent_end and end + 1 in ents and ents[end + 1].label_ in _ROLE_HOLDER_LABELS:
        return None
    # The parse must tie the phrase to the name, unless a closing comma makes the
    # apposition plain ("X, le PDG du groupe Y, a cédé …" parsed with X as a root).
    closed = end + 1 < sent_end and doc[end + 1].text == ","
    if not closed and not _linked(noun, ent, subtree):
        return None
    tokens = _trim_role(list(doc[start: end + 1]))
    if not tokens:
        return None
    return RoleRelation(
        entity_start=ent.start_char, entity_end=ent.end_char,
        role=doc[tokens[0].i: tokens[-1].i + 1].text,
        evidence_start=ent.start_char,
        evidence_end=tokens[-1].idx + len(tokens[-1].text),
    )


def role_relations(doc: Doc, *, lexicon: RelationLexicon | None = None) -> list[RoleRelation]:
    """Extract role descriptions attached to PER and ORG mentions.

    Patterns (the role noun must be in ``relations_role_nouns.txt``):

    - title + name: "le vice-Premier ministre italien Matteo Salvini" -> "vice-Premier
      ministre italien";
    - apposition before: "le porte-parole du gouvernement français, Gabriel Attal," ->
      "porte-parole du gouvernement français";
    - apposition after: "Thierry Breton, commissaire européen au Marché intérieur," ->
      "commissaire européen au Marché intérieur";
    - "X, le ministre de l'Intérieur," -> "ministre de l'Intérieur".

    Args:
        doc (Doc): A Doc parsed by ``fr_core_news_md``.
        lexicon (RelationLexicon | None): Word lists; defaults to
            :func:`load_lexicon` on the package rules.

    Returns:
        list[RoleRelation]: One record per (mention, role) pair, in text order.

    Raises:
        ValueError: If the Doc has no dependency parse, POS tags or lemmas.

    Notes:
        The description is the contiguous part of the role noun's subtree next to the
        name, without the leading determiner; relative clauses are left out.
    """
    _check_doc(doc)
    lexicon = lexicon or load_lexicon()
    ents = _entity_index(doc, lexicon.role_nouns)
    bounds = _sentence_bounds(doc)
    out: list[RoleRelation] = []
    holders = {ent.start: ent for ent in ents.values() if ent.label_ in _ROLE_HOLDER_LABELS}
    for _, ent in sorted(holders.items()):
        window = _clause_window(ent, bounds)
        for finder in (_role_before, _role_after):
            rel = finder(ent, ents, lexicon.role_nouns, window)
            if rel is not None:
                out.append(rel)
    return out


def _is_clause_head(token: Token) -> bool:
    """True if the token heads a clause.

    That is the sentence root, a verb in a clause-level relation (not an adjectival
    participle), or a nominal predicate with a copula or a subject.
    """
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    if token.pos_ == "VERB" and token.dep_ in _CLAUSE_DEPS:
        return True
    return any(c.dep_ in ("cop", "nsubj", "nsubj:pass") for c in token.children)


def clause_of(token: Token) -> Token:
    """Return the head of the smallest clause containing the token.

    Args:
        token (Token): Any token of a parsed Doc.

    Returns:
        Token: The nearest ancestor-or-self that heads a clause (a verb of a
        clause-level dependency, the sentence root, or a nominal predicate).
    """
    while not _is_clause_head(token):
        token = token.head
    return token


def nearest_date(
    relation: VerbRelation,
    timex_spans: Iterable[tuple[int, int, str]],
    doc: Doc,
) -> tuple[str, str]:
    """Anchor a verb relation to a date of its clause, else of its sentence.

    Args:
        relation (VerbRelation): A record of :func:`verb_relations` on ``doc``.
        timex_spans (Iterable[tuple[int, int, str]]): ``(start, end, value)`` char spans
            and TIMEX3 values of the temporal expressions of ``doc``.
        doc (Doc): The Doc the relation was read from.

    Returns:
        tuple[str, str]: ``(value, "clause")`` for the date nearest to the verb among
        those whose head lies in the verb's own clause ("ont signé un accord en mai"),
        else ``(value, "sentence")`` for the nearest date of the sentence, else
        ``("", "")``.

    Raises:
        ValueError: If the relation's verb span does not match a token of ``doc``.
    """
    verb_span = doc.char_span(relation.verb_start, relation.verb_end)
    if verb_span is None or len(verb_span) != 1:
        raise ValueError(
            f"relation verb span {relation.verb_start}-{relation.verb_end} is not one "
            "token of this Doc; pass the Doc the relation was extracted from"
        )
    verb = verb_span[0]
    clause = clause_of(verb)
    sent = _sentence_of(verb)
    best: dict[str, tuple[int, str]] = {}
    for start, end, value in timex_spans:
        if start < sent.start_char or end > sent.end_char:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        scope = "clause" if clause_of(span.root) == clause else "sentence"
        distance = min(abs(start - verb.idx), abs(end - verb.idx))
        if scope not in best or distance < best[scope][0]:
            best[scope] = (distance, value)
    for scope in ("clause", "sentence"):
        if scope in best:
            return best[scope][1], scope
    return "", ""
