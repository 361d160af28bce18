"""Speakers to entities: pronouns, descriptions and names resolved within the document."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache

import gender_guesser.detector as gender_detector
from spacy.tokens import Doc, Span

from pipeline.extract.quotes.descriptions import (
    IGNORED_PRENOMINALS,
    ROLE_MODIFIERS,
    Description,
    compound_role,
    demonym_stems,
    parse_description,
    rank_candidates,
)
from pipeline.extract.quotes.frames import Extractor
from pipeline.extract.quotes.lexicon import QuoteLexicon, default_lexicon
from pipeline.extract.quotes.records import (
    EntityDescription,
    Mention,
    Quote,
    Report,
    report_extent,
)
from pipeline.extract.quotes.words import (
    CIVILITIES,
    DE_FORMS,
    NAMED_INSTITUTIONS,
    POSSESSIVE_NUMBER,
    fold,
    lower_form,
)


def entity_key(ent: Span) -> str:
    words = re.findall(r"\w+", fold(ent.text))
    if ent.label_ == "PER" and words:
        return words[-1]
    return " ".join(words)


def normalise_description(text: str) -> str:
    """Lowercase, one space, straight apostrophes, no leading determiner.

    Example:
        >>> normalise_description("Le porte-parole  de l'Élysée")
        "porte-parole de l'élysée"
    """
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()
    text = re.sub(r"^(?:(?:le|la|les|un|une|des|du|son|sa|ses|leur|leurs|ce|cet|cette|ces)\s+|l')",
                  "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return text.strip(" ,")


def entity_descriptions(doc: Doc, *, lexicon: QuoteLexicon | None = None
                        ) -> list[EntityDescription]:
    """Roles and titles written next to PER/ORG mentions.

    Three patterns, each with a speaker noun (``speaker_nouns.txt``) as head:
    "le président chilien [X]", "le porte-parole de la présidence française, [X],",
    "[X], porte-parole du gouvernement,".

    Args:
        doc: A parsed Doc.
        lexicon: Word lists; defaults to ``pipeline.quote_lexicon.v1``.

    Returns:
        One record per (mention, description) pair, in text order.
    """
    ex = Extractor(doc, lexicon or default_lexicon(), skip_headlines=False)
    return _descriptions(ex)


def _descriptions(ex: Extractor) -> list[EntityDescription]:
    if ex._descriptions is not None:
        return ex._descriptions
    doc = ex.doc
    out = []
    for ent in ex.ents:
        if ent.label_ not in ("PER", "ORG"):
            continue
        lo, hi = ex._seg(ent.start)
        spans = []
        k = ent.start - 1
        while k >= lo and doc[k].pos_ == "DET":
            k -= 1
        # "l'entraîneur du [X]": X is the complement of the noun, not described by it;
        # nor is "le délégué [CGT] Jean Martin": an organisation right before a person's
        # name tells that person's side
        qualifier = ent.label_ == "ORG" and ent.end < hi and ex.ent_of_tok[ent.end] >= 0 and (
            ex.ents[ex.ent_of_tok[ent.end]].label_ == "PER")
        if k >= lo and doc[k].pos_ != "ADP" and ex.lows[k] not in DE_FORMS and not qualifier:
            before = _walk_back(ex, ent.start - 1, lo, allow_a=False)
            if before is not None:
                spans.append(before)
        # ("…, Pr X": a civility between the comma and the name)
        pre = ent.start - 1
        while pre > lo and ex.lows[pre].rstrip(".") in CIVILITIES:
            pre -= 1
        if pre > lo and doc[pre].text == ",":
            back = _walk_back(ex, pre - 1, lo, allow_a=True)
            if back is not None and (ent.end >= hi or doc[ent.end].text in (",", ".", ")")
                                     or doc[ent.end].pos_ in ("AUX", "VERB")):
                spans.append(back)
        if ent.end + 1 < hi and doc[ent.end].text == ",":
            fwd = _walk_forward(ex, ent.end + 1, hi)
            if fwd is not None:
                spans.append(fwd)
        for a, b in spans:
            s, e = ex._chars(a, b)
            out.append(EntityDescription(ent.start_char, ent.end_char, ent.text, ent.label_,
                                         normalise_description(ex.text[s:e]), s, e))
    ex._descriptions = out
    return out


def _walk_back(ex: Extractor, k: int, lo: int, *, allow_a: bool) -> tuple[int, int] | None:
    """The description that ends at token ``k``: its leftmost speaker noun (with its
    determiner) to ``k``. "[le porte-parole de la présidence française], X" crosses "de"
    to reach "porte-parole"; "l'administration du [président argentin] X" does not, since
    "administration" is no speaker noun.
    """
    doc = ex.doc
    end = k + 1
    role = None
    start = None
    preps = DE_FORMS | ({"à", "au", "aux"} if allow_a else set())
    if k > lo and doc[k].text == ")":
        # "le porte-parole du Front de résistance citoyenne (FRC), X": the acronym in
        # brackets stays in the description
        opening = next((j for j in range(k - 1, max(lo, k - 6) - 1, -1) if doc[j].text == "("),
                       None)
        if opening is not None:
            k = opening - 1
    while k >= lo:
        t = doc[k]
        low = lower_form(t)
        ei = ex.ent_of_tok[k]
        if role is None and ei >= 0 and ex.ents[ei].label_ in ("ORG", "LOC", "MISC"):
            # a name in the complement is passed whole, whatever words it holds ("du [Front
            # de résistance citoyenne]": "citoyenne" is no office there)
            k = ex.ents[ei].start - 1
            continue
        if t.pos_ == "DET":
            if role is not None:
                start = k
        elif t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or low == "-":
            if t.pos_ in ("NOUN", "PROPN", "ADJ") and ex.is_role(t):
                role, start = k, k
            elif role is not None and t.pos_ != "ADJ":
                break
        elif low in preps or t.pos_ == "ADP" and low in DE_FORMS:
            if role is not None:
                # go on only if another speaker noun governs this one
                j = k - 1
                while j >= lo and doc[j].pos_ in ("DET", "ADJ"):
                    j -= 1
                if j < lo or not (doc[j].pos_ == "NOUN" and ex.is_role(doc[j])):
                    break
        else:
            break
        k -= 1
    return (start, end) if role is not None else None


def _walk_forward(ex: Extractor, k: int, hi: int) -> tuple[int, int] | None:
    doc = ex.doc
    start = k
    while k < hi and doc[k].pos_ in ("DET", "ADJ") and not ex.is_role(doc[k]):
        k += 1
    if k >= hi or not ex.is_role(doc[k]):
        return None
    k += 1
    while k < hi and (doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "DET", "NUM") or lower_form(doc[k]) in
                      DE_FORMS | {"à", "au", "aux", "-"}):
        k += 1
    # (a colon may end it: "X, député du parti : « … »")
    if k < hi and doc[k].text not in (",", ".", ")", ";", ":") and doc[k].pos_ not in (
            "AUX", "VERB"):
        return None
    return start, k


def _gender_votes(ex: Extractor) -> dict[str, str]:
    """Gender of each PER entity key, from titles (M., Mme), description heads and
    predicative agreement (" X est arrivée"). Unknown keys are left out.
    """
    if ex._genders is not None:
        return ex._genders
    doc = ex.doc
    votes: dict[str, Counter] = {}
    descs = _descriptions(ex)
    heads: dict[tuple[int, int], str] = {}
    for d in descs:
        toks = [doc[t] for t in ex._tok_range(d.start, d.end)]
        det = toks[0].morph.get("Gender") if toks and toks[0].pos_ == "DET" else []
        role = next((t for t in toks if t.pos_ == "NOUN" and ex.is_role(t)), None)
        genders = det or (role.morph.get("Gender") if role is not None else [])
        if genders:
            heads.setdefault((d.ent_start, d.ent_end), "m" if genders[0] == "Masc" else "f")
    for ent in ex.ents:
        if ent.label_ != "PER":
            continue
        c = votes.setdefault(entity_key(ent), Counter())
        if ent.start > 0:
            prev = doc[ent.start - 1].text
            if prev in ("M.", "M", "Monsieur", "MM."):
                c["m"] += 2
            elif prev in ("Mme", "Mme.", "Madame", "Mlle", "Mademoiselle"):
                c["f"] += 2
        first = ent[0].text
        if first in ("M.", "Monsieur"):
            c["m"] += 2
        elif first in ("Mme", "Madame"):
            c["f"] += 2
        elif len(ent) >= 2 and first[:1].isupper():
            # the first name ("Mélanie Joly", "Donald Trump"), when it has one gender
            given = _first_name_gender(first)
            if given:
                c[given] += 1
        described = heads.get((ent.start_char, ent.end_char))
        if described is not None:
            c[described] += 1
        root = ent.root
        if root.dep_ == "nsubj" and any(ch.lemma_ == "être" for ch in root.head.children) and (
                root.head.pos_ in ("ADJ", "VERB")):
            for g in root.head.morph.get("Gender"):
                c["m" if g == "Masc" else "f"] += 1
    genders = {}
    for key, c in votes.items():
        if c and c.most_common(1)[0][1] > sum(c.values()) / 2:
            genders[key] = c.most_common(1)[0][0]
    ex._genders = genders
    return genders


@lru_cache(maxsize=1)
def _first_name_genders() -> gender_detector.Detector:
    return gender_detector.Detector(case_sensitive=False)


#: gender-guesser's answers that name one gender.
_GUESSED_GENDERS = {"male": "m", "female": "f"}


@lru_cache(maxsize=4096)
def _first_name_gender(name: str) -> str:
    """"m" or "f" for a first name of one gender worldwide in gender-guesser's list, unless
    France gives it the other one; else "". (Measured on the dev set, the French answer
    alone loses more names than it fixes: "Ben", "Donald" are "andy" there.)
    """
    found = _GUESSED_GENDERS.get(_first_name_genders().get_gender(name), "")
    french = _GUESSED_GENDERS.get(_first_name_genders().get_gender(name, "france"), found)
    return found if french == found else ""


def _ent_gender(ex: Extractor, ent: Span) -> str:
    if ent.label_ == "PER":
        return _gender_votes(ex).get(entity_key(ent), "-")
    k = ent.start - 1 if ent.start > 0 else None
    det = ent[0] if ent[0].pos_ == "DET" else (ex.doc[k] if k is not None else None)
    if det is not None and det.pos_ in ("DET", "ADP"):
        g = det.morph.get("Gender")
        if g:
            return "m" if g[0] == "Masc" else "f"
        if lower_form(det) in ("du", "au"):
            return "m"
    return "-"


def _compatible(ex: Extractor, pron: Mention, ent: Span) -> bool:
    """Whether a pronoun can refer to an entity: a person of unknown or the same gender, or
    an organisation whose gender is known ("le Quai d'Orsay … a-t-il").
    """
    if ent.label_ not in ("PER", "ORG"):
        return False
    gender = _ent_gender(ex, ent)
    if ent.label_ == "ORG" and gender == "-":
        return False
    return gender == "-" or pron.gender == "-" or gender == pron.gender


def _segment_subjects(ex: Extractor, seg: int, before: int | None = None) -> list[Mention]:
    """Subject mentions of the verbs of a segment (outside quotation marks)."""
    doc = ex.doc
    lo, hi = ex.segs[seg]
    if ex.para_of_tok[lo] in ex.headlines:
        return []
    if before is not None:
        hi = min(hi, before)
    found = []
    for t in doc[lo:hi]:
        if t.dep_ in ("nsubj", "nsubj:pass") and not ex._in_quote(t.i):
            mention = ex.mention_at(t, lo, hi)[0]
            if mention is not None and mention.kind != "pronoun":
                found.append(mention)
    return found


def _description_agrees(ex: Extractor, mention: Mention, pron: Mention) -> bool:
    """A singular description headed by a speaker noun, of the pronoun's gender if known."""
    head = ex.doc[mention.head]
    if not ex.is_role(head) or "Plur" in head.morph.get("Number"):
        return False
    first = ex.doc[ex._first_tok_at(mention.start)]
    genders = first.morph.get("Gender") if first.pos_ == "DET" else head.morph.get("Gender")
    if not genders or pron.gender == "-":
        return True
    return ("m" if genders[0] == "Masc" else "f") == pron.gender


def _anchor(ex: Extractor, mention: Mention, report: Report | None) -> int:
    """The token from which a speaker's context is read: the mention, or the start of its
    report when the frame comes after it ("« A. B. C », a-t-il dit": the sentence before
    the quotation, not B).
    """
    anchor = mention.head
    if report is not None:
        anchor = min(anchor, ex._first_tok_at(report.start), len(ex.doc) - 1)
    return anchor


_LAST_MENTIONED = ("ce dernier", "cette derniere", "celui-ci", "celle-ci")

#: Cues of a reply: whoever replies is not the one replied to.
REPLY_CUES = frozenset({"répondre", "rétorquer", "répliquer", "riposter", "objecter"})


def _not_the_speaker(ex: Extractor, mention: Mention, previous: list[tuple[Report, Span | None]],
                     report: Report | None) -> set[str]:
    """Entities a pronoun or description speaker cannot be.

    The person spoken to right after the mention ("a confié l'ancien ministre [à X]"),
    and for a reply the speaker of the words just before it ("« … », lui a répondu X.
    « … », a rétorqué le prévenu": not X).
    """
    ruled_out = set()
    k = ex._first_tok_at(mention.end)
    while k < len(ex.doc) and ex.doc[k].is_space:
        k += 1
    if k + 1 < len(ex.doc) and ex.lows[k] in ("à", "au", "aux"):
        ent = next((e for e in ex.ents if e.start == k + 1), None)
        if ent is not None:
            ruled_out.add(entity_key(ent))
    if report is not None and report.cue in REPLY_CUES and previous:
        last, ent = previous[-1]
        last_seg = ex.seg_of_tok[min(ex._first_tok_at(last.start), len(ex.doc) - 1)]
        if ent is not None and last_seg >= ex.seg_of_tok[_anchor(ex, mention, report)] - 1:
            ruled_out.add(entity_key(ent))
    return ruled_out


def _last_mentioned(ex: Extractor, pron: Mention) -> Span | None:
    """The person "ce dernier" or "celle-ci" designates: the last one mentioned before.

    Searched in this sentence and the previous one; None when the last one mentioned is a
    role without a name ("le préfet. Ce dernier …").
    """
    doc = ex.doc
    seg = ex.seg_of_tok[min(pron.head, len(doc) - 1)]
    lo = ex.segs[max(seg - 1, 0)][0]
    k = ex._first_tok_at(pron.start) - 1
    while k >= lo:
        ei = ex.ent_of_tok[k]
        if ei >= 0 and ex.ents[ei].label_ == "PER":
            ent = ex.ents[ei]
            return ent if _compatible(ex, pron, ent) else None
        t = doc[k]
        if t.pos_ == "NOUN" and ex.is_role(t) and not ex._in_quote(k) and not any(
                ex.ent_of_tok[j] >= 0 and ex.ents[ex.ent_of_tok[j]].label_ == "PER"
                for j in range(k + 1, min(k + 4, len(doc)))):
            # ("X, le président du parti. Celui-ci …": the role in apposition to a name)
            j = k - 1
            while j > lo and doc[j].pos_ in ("DET", "ADJ"):
                j -= 1
            if j > lo and doc[j].text == "," and ex.ent_of_tok[j - 1] >= 0 and ex.ents[
                    ex.ent_of_tok[j - 1]].label_ == "PER":
                k = j - 1
                continue
            return None  # a role named by no one right after it
        k -= 1
    return None


def _resolve_pronoun(ex: Extractor, pron: Mention,
                     previous: list[tuple[Report, Span | None]],
                     report: Report | None = None) -> Span | None:
    """The entity a singular pronoun speaker refers to, or None (see extract_quotes).

    A possessive ("selon ses explications") has no gender: any person agrees with it.
    """
    if pron.number == "p" or pron.gender == "-" and ex.lows[pron.head] not in (
            POSSESSIVE_NUMBER):
        return None
    if fold(ex.text[pron.start:pron.end]) in _LAST_MENTIONED:
        return _last_mentioned(ex, pron)
    anchor = _anchor(ex, pron, report)
    seg = ex.seg_of_tok[anchor]
    # (not someone the reported words name: "« Ce sera dur contre Medvedev », a-t-il dit"
    # is not Medvedev speaking)
    # (the one who introduces themselves is: "« Je suis Salif Keïta … »")
    named = {entity_key(e) for e in ex.ents if report is not None
             and report.start <= e.start_char and e.end_char <= report.end
             and not re.search(r"(?:\bsuis|m'appelle|\bmoi,?)\s*$",
                               ex.text[max(report.start, e.start_char - 15):e.start_char]
                               .replace("’", "'"))} | _not_the_speaker(ex, pron, previous, report)

    def fits(ent: Span) -> bool:
        return entity_key(ent) not in named and _compatible(ex, pron, ent)

    # the subject of this sentence before the pronoun, then of the previous sentence; a
    # description there ("Le Premier ministre a démenti… il a affirmé") decides alone.
    # Subjects inside what was reported are the speaker's words, not the story's
    # ("…, a-t-il affirmé, reconnaissant que [le constructeur] n'avait pas…").
    reported = [(r.start, r.end) for r, _ in previous]
    # (the sentences before, not counting headlines: "Une saison délicate" between two
    # sentences about the minister is no sentence of the story)
    earlier = [s for s in range(seg - 1, max(seg - 6, -1), -1)
               if ex.para_of_tok[ex.segs[s][0]] not in ex.headlines][:2]
    for s in [seg] + earlier[:1]:
        for m in _segment_subjects(ex, s, anchor if s == seg else None):
            if m.start >= pron.start or m.coordination or any(
                    a <= m.start < b for a, b in reported):
                continue
            if m.kind == "name" and m.ent is not None and fits(m.ent):
                return m.ent
            if m.kind == "description" and _description_agrees(ex, m, pron):
                found = _resolve_description(ex, m) or _resolve_anaphor(ex, m, previous)
                if found is None or entity_key(found) not in named:
                    return found
    # the previous quotation's speaker, if it is recent; when that speaker is itself
    # unresolved ("un conseiller", then "ajoute-t-il"), so is this one
    if previous:
        last, ent = previous[-1]
        last_seg = ex.seg_of_tok[min(ex._first_tok_at(last.start), len(ex.doc) - 1)]
        if last.speaker is not None and last_seg >= seg - 4:
            if ent is not None:
                # (an organisation of unknown gender, when it spoke in this sentence or the
                # one before: "…, précise Brussels Airlines. […], assure-t-elle")
                if fits(ent) or ent.label_ == "ORG" and last_seg >= seg - 1 and (
                        _ent_gender(ex, ent) == "-"):
                    return ent
            elif last.speaker.kind == "description" and _description_agrees(
                    ex, last.speaker, pron):
                return None
        elif last.speaker is None and last.source is not None and ent is not None and (
                ex.seg_of_tok[min(ex._first_tok_at(last.start), len(ex.doc) - 1)] >= seg - 1
                and _compatible(ex, pron, ent)):
            # a report that inherited its speaker ("Et d'ajouter que …"), right before
            return ent
    # a named subject two sentences back
    if len(earlier) > 1:
        for m in _segment_subjects(ex, earlier[1]):
            if m.kind == "name" and m.ent is not None and not m.coordination and fits(m.ent):
                return m.ent
    # the nearest person of known, compatible gender in the last sentences
    lo = ex.segs[earlier[-1] if earlier else seg][0]
    persons = [e for e in ex.ents if e.label_ == "PER" and lo <= e.start < pron.head
               and ex.para_of_tok[e.start] not in ex.headlines and entity_key(e) not in named]
    known = [e for e in persons if _ent_gender(ex, e) == pron.gender]
    if known:
        return known[-1]
    if len({entity_key(e) for e in persons}) == 1 and _compatible(ex, pron, persons[-1]):
        return persons[-1]
    if not persons:
        # no one in the last sentences: the person the article is about ("Macron lance
        # sa campagne … «Marseille, ajoute-t-il, …»" paragraphs later)
        dominant = _dominant_entity(ex, "PER", pron.start)
        return dominant if dominant is not None and fits(dominant) else None
    return None


def _resolve_description(ex: Extractor, mention: Mention) -> Span | None:
    desc = normalise_description(ex.text[mention.start:mention.end])
    records = [d for d in _descriptions(ex)
               if not (d.start >= mention.start and d.end <= mention.end)]
    # a person's office names no organisation ("le ministre MR"), nor the reverse; the
    # description's gender, if known, excludes people of the other one
    org = _org_description(ex.lex, desc)
    gender = _mention_gender(ex, mention)
    genders = _gender_votes(ex)
    if "Plur" in ex.doc[mention.head].morph.get("Number"):
        # "aux dires des joueurs", "les médecins": several people, not one of them
        records = [d for d in records if d.label != "PER"]
    records = [d for d in records if (d.label == "ORG") == org == _org_description(
        ex.lex, d.description) and (gender == "-" or d.label != "PER" or genders.get(
            _ent_key_from_record(ex, d), "-") in ("-", gender))]
    for pool in ([d for d in records if d.ent_start < mention.start], records):
        candidates: dict[str, list[str]] = {}
        for d in pool:
            candidates.setdefault(_ent_key_from_record(ex, d), []).append(d.description)
        if not candidates:
            continue
        ranked = rank_candidates(desc, candidates, ex.lex)
        if not ranked:
            continue
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        key = ranked[0][1]
        holders = [d for d in pool if _ent_key_from_record(ex, d) == key]
        before = [d for d in holders if d.ent_start < mention.start]
        chosen = before[-1] if before else holders[0]
        return next(e for e in ex.ents if e.start_char == chosen.ent_start
                    and e.end_char == chosen.ent_end)
    return None


#: Stems of the domains of government that "chef" names an office by ("chef du gouvernement",
#: "cheffe de la diplomatie"); "chef de chantier" names no office of state.
_GOVERNMENT_DOMAINS = frozenset({"gouvernement", "diplomati", "etat", "execut", "cabinet",
                                 "parquet", "arme", "polic", "opposition"})


def _domain_office(description: Description) -> bool:
    """"chef du gouvernement", "cheffe de la diplomatie": an office of state by its domain."""
    return description.role == "chef" and bool(description.complements & _GOVERNMENT_DOMAINS)
#: Determiners of a description that points back to someone already named.
_ANAPHORIC_DETERMINERS = frozenset({"le", "la", "l'", "ce", "cet", "cette"})
#: How many segments back a report's speaker stays salient.
SALIENT_SEGMENTS = 4


def _org_description(lex: QuoteLexicon, description: str) -> bool:
    """Whether a normalised description is headed by an institution noun ("ministère de
    la santé", "start-up française").
    """
    words = [w for w in re.split(r"\s+", description) if w]
    while words and words[0] in ROLE_MODIFIERS | IGNORED_PRENOMINALS:
        words = words[1:]
    return bool(words) and words[0] in lex.org_nouns


def _mention_gender(ex: Extractor, mention: Mention) -> str:
    """"m", "f" or "-" for a description, from its determiner, else its head noun."""
    first = ex.doc[ex._first_tok_at(mention.start)]
    genders = first.morph.get("Gender") if first.pos_ == "DET" else []
    genders = genders or ex.doc[mention.head].morph.get("Gender")
    if ex.lows[mention.head] in ("celui", "celle"):
        genders = ["Masc" if ex.lows[mention.head] == "celui" else "Fem"]
    return ("m" if genders[0] == "Masc" else "f") if genders else "-"


def _target(ex: Extractor, mention: Mention) -> Description | None:
    return parse_description(normalise_description(ex.text[mention.start:mention.end]),
                             ex.lex.generic_nouns)


def _known_descriptions(ex: Extractor, ent: Span) -> list[Description]:
    """The descriptions the article gives the entity; a bare noun phrase opening the
    sentence ("Beau joueur, X") is an attribute, not an office.
    """
    key = entity_key(ent)
    known = [parse_description(d.description, ex.lex.generic_nouns) for d in _descriptions(ex)
             if d.label == ent.label_ and _ent_key_from_record(ex, d) == key and not (
                 d.end < d.ent_start and ex.text[d.end:d.ent_start].strip() == ","
                 and ex.doc[ex._first_tok_at(d.start)].pos_ != "DET")]
    return [k for k in known if k is not None]


def _nations(ex: Extractor, target: Description, known: list[Description]
             ) -> tuple[frozenset[str], list[frozenset[str]]]:
    """The nationalities a description names, and those of each description the article
    gives the entity ("le chef de la diplomatie [américaine]", "le secrétaire d'État
    [américain] X").
    """
    nations = demonym_stems(ex.lex.demonyms)
    return (target.adjectives | target.complements) & nations, [
        (k.adjectives | k.complements) & nations for k in known]


def _same_nation(ex: Extractor, mention: Mention, ent: Span) -> bool:
    target = _target(ex, mention)
    if target is None:
        return False
    nation, said = _nations(ex, target, _known_descriptions(ex, ent))
    return bool(nation) and any(n & nation for n in said)


def _role_conflict(ex: Extractor, mention: Mention, ent: Span) -> bool:
    """The description names an office ("le préfet") and the entity is described in the
    article with another one ("le maire X").
    """
    head = ex.doc[mention.head]
    if not ex.is_role(head):
        return False
    target = _target(ex, mention)
    if target is None or target.generic:
        return False
    known = _known_descriptions(ex, ent)
    # "le chef de la diplomatie russe" is not the one the article calls "le président
    # ukrainien": nationalities that differ conflict, whatever the office
    nation, said = _nations(ex, target, known)
    if nation and any(said) and not any(n & nation for n in said):
        return True
    role = target.role.split()[-1]
    if ent.label_ != "PER":
        # "l'entreprise", "le constructeur", "le groupe": kinds of organisation, one
        # organisation is all of them
        return False
    # "le chef du gouvernement" is the premier ministre, "la cheffe de la diplomatie" the
    # ministre: an office named by its domain conflicts with no title
    return bool(known) and not _domain_office(target) and not any(
        k.generic or k.role.split()[-1] == role or _domain_office(k)
        or compound_role(target.role, k.role) for k in known)


def _recent_speakers(ex: Extractor, seg: int,
                     previous: list[tuple[Report, Span | None]]) -> list[Span]:
    """Entities of the last reports, most recent first, within ``SALIENT_SEGMENTS``."""
    found = []
    for r, ent in reversed(previous):
        if ent is None:
            continue
        if ex.seg_of_tok[min(ex._first_tok_at(r.start), len(ex.doc) - 1)] < seg - SALIENT_SEGMENTS:
            break
        found.append(ent)
    return found


def _last_framed_speaker(ex: Extractor, seg: int,
                         previous: list[tuple[Report, Span | None]]) -> Span | None:
    """The speaker of the last frame before: "« A », a déclaré l'Élysée. « B », a ajouté la
    même source" is the Élysée, not the president whose words A reports inside its frame.
    """
    window = [(r, ent) for r, ent in previous if ent is not None and ex.seg_of_tok[min(
        ex._first_tok_at(r.start), len(ex.doc) - 1)] >= seg - SALIENT_SEGMENTS]
    return max(window, key=lambda pair: report_extent(ex.doc, pair[0]))[1] if window else None


def _resolve_anaphor(ex: Extractor, mention: Mention,
                     previous: list[tuple[Report, Span | None]],
                     report: Report | None = None) -> Span | None:
    """The entity a definite description that no entity carries points back to.

    "Le ministère", "l'institut", "la start-up": the last organisation whose name starts
    with the same noun, else the salient organisation; "le technicien marocain", "celui
    pour qui …": the salient person. Salient = the subject of the same sentence before the
    description, of the previous sentence, the speaker of a recent report, the subject two
    sentences back, in this order; the first of the right kind, of a compatible gender and
    without another office in the article wins; else the one such person the two
    sentences before name. "Le communiqué", "le rapport" (source nouns): the speaker of
    the last report. Indefinite and plural descriptions stay
    unresolved ("un conseiller", "des sources").
    """
    doc = ex.doc
    head = doc[mention.head]
    first = ex._first_tok_at(mention.start)
    headless = ex.lows[mention.head] in ("celui", "celle")
    if not headless and ex.lows[first] not in _ANAPHORIC_DETERMINERS:
        return None
    if not headless and "Plur" in head.morph.get("Number"):
        return None
    if ex.demonym(mention.head):
        # "le Russe": the last person introduced with that demonym ("le Russe de 26 ans
        # Aleksandr Vlasov")
        word = fold(ex.lows[mention.head])
        named = [e for e in ex.ents if e.label_ == "PER" and e.end_char <= mention.start and any(
            fold(ex.lows[j]) == word for j in range(max(e.start - 5, 0), e.start))]
        if named:
            return named[-1]
    word = ex.glued_word(mention.head)[0]
    lemma = head.lemma_.lower()
    anchor = _anchor(ex, mention, report)
    seg = ex.seg_of_tok[anchor]
    recent = _recent_speakers(ex, seg, previous)
    if {word, lemma} & ex.lex.source_nouns:
        return _last_framed_speaker(ex, seg, previous)
    org = bool({word, lemma} & ex.lex.org_nouns)
    label = "ORG" if org else "PER"
    if org:
        for ent in reversed([e for e in ex.ents if e.end_char <= mention.start]):
            words = re.findall(r"\w+(?:-\w+)*", fold(ent.text))
            if ent.label_ == "ORG" and words and words[0] in (fold(word), fold(lemma)):
                return ent
        if {word, lemma} & NAMED_INSTITUTIONS:
            # "le gouvernement", "le tribunal": that institution, never the salient
            # organisation of another kind
            return None
    gender = _mention_gender(ex, mention)
    candidates: list[Span] = []
    for s in (seg, seg - 1):
        if s >= 0:
            candidates += [m.ent for m in _segment_subjects(ex, s, anchor if s == seg else None)
                           if m.ent is not None and not m.coordination]
    if seg >= 1 and not org:
        # then the people the previous sentence names elsewhere, the last one first ("sur
        # le visage de X. « … », a confié le capitaine"; not organisations: "des employés
        # de la CDC ont manifesté. Le collectif dénonce …" is none of them)
        lo, hi = ex.segs[seg - 1]
        candidates += [e for e in reversed(ex.ents) if lo <= e.start < hi
                       and not ex._in_quote(e.start) and ex.para_of_tok[e.start] not in
                       ex.headlines]
    candidates += recent
    if seg >= 2:
        candidates += [m.ent for m in _segment_subjects(ex, seg - 2)
                       if m.ent is not None and not m.coordination]
    ruled_out = _not_the_speaker(ex, mention, previous, report)

    def fits(ent: Span) -> bool:
        return ent.label_ == label and not _role_conflict(ex, mention, ent) and not (
            label == "PER" and gender != "-" and _ent_gender(ex, ent) not in ("-", gender)
        ) and entity_key(ent) not in ruled_out

    # (the one the article gives the description's nationality first: "le chef de la
    # diplomatie américaine" after "le secrétaire d'État américain X" and "son homologue Y")
    for ent in candidates:
        if fits(ent) and _same_nation(ex, mention, ent):
            return ent
    if label == "PER" and gender != "-":
        for ent in candidates:
            if fits(ent) and _ent_gender(ex, ent) == gender:
                return ent
    for ent in candidates:
        if fits(ent):
            return ent
    if label == "PER" and seg >= 2:
        # "Le prix a été décerné à X. Il a été élu au premier tour. « … », a déclaré
        # l'auteur": the one person of that kind the two sentences before name
        lo = ex.segs[seg - 2][0]
        named = {entity_key(e): e for e in ex.ents if lo <= e.start < ex.segs[seg][0]
                 and not ex._in_quote(e.start) and ex.para_of_tok[e.start] not in ex.headlines
                 and fits(e)}
        if len(named) == 1:
            return next(iter(named.values()))
    # "L'organisme précise", "l'astronaute a confirmé": the one the article is about
    dominant = _dominant_entity(ex, label, mention.start)
    return dominant if dominant is not None and fits(dominant) else None


#: How many more mentions than the next one of its kind the article's main entity has.
DOMINANCE_RATIO = 2


def _dominant_entity(ex: Extractor, label: str, before: int) -> Span | None:
    """The entity of ``label`` the article is about, by its mentions outside quotations: at
    least two, ``DOMINANCE_RATIO`` times as many as any other of its kind, one of them
    before ``before``; its last mention there.
    """
    counts: dict[str, int] = {}
    last: dict[str, Span] = {}
    for ent in ex.ents:
        if ent.label_ != label or ex._in_quote(ent.start):
            continue
        key = entity_key(ent)
        counts[key] = counts.get(key, 0) + 1
        if ent.end_char <= before:
            last[key] = ent
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or ranked[0][0] not in last or (
            len(ranked) > 1 and ranked[0][1] < DOMINANCE_RATIO * ranked[1][1]):
        return None
    return last[ranked[0][0]]


def _ent_key_from_record(ex: Extractor, d: EntityDescription) -> str:
    ent = next(e for e in ex.ents if e.start_char == d.ent_start and e.end_char == d.ent_end)
    return entity_key(ent)


def resolve_speakers(ex: Extractor, reports: list[Report]) -> list[Quote]:
    quotes = []
    previous: list[tuple[Report, Span | None]] = []
    resolved: dict[int, Span | None] = {}
    groups: dict[int, tuple[tuple[int, int], ...]] = {}  # report -> its speakers' mentions
    for r in reports:
        m = r.speaker
        if m is not None and m.coordination and m.members:
            # "X et Y ont nié que …": one speech act of several speakers
            groups[id(r)] = tuple((e.start_char, e.end_char) for e in m.members)
            quotes.append(dataclasses.replace(
                _quote(ex, r, m, None), speaker_kind="coordination", members=groups[id(r)]))
            previous.append((r, None))
            continue
        if m is not None and (m.kind == "pronoun" and m.number == "p" or m.kind == "description"):
            group = (_plural_antecedent(ex, m, previous, groups, r) if m.kind == "pronoun"
                     else _named_group(ex, m, reports, groups))
            if group:
                # "« … », ont-ils remarqué": the speakers of the last coordination
                groups[id(r)] = group
                quotes.append(dataclasses.replace(_quote(ex, r, m, None), members=group))
                previous.append((r, None))
                continue
        ent: Span | None = None
        if m is None and r.source is not None:
            ent = resolved.get(id(r.source))
        elif m is not None and m.kind == "name":
            ent = m.ent
        elif m is not None and m.kind == "pronoun":
            ent = _resolve_pronoun(ex, m, previous, r)
        elif m is not None:
            ent = _resolve_description(ex, m) or _resolve_anaphor(ex, m, previous, r)
        resolved[id(r)] = ent
        previous.append((r, ent))
        quotes.append(_quote(ex, r, m, ent))
    return _same_description_same_entity(ex, quotes)


def _plural_antecedent(ex: Extractor, pron: Mention, previous: list[tuple[Report, Span | None]],
                       groups: dict[int, tuple[tuple[int, int], ...]],
                       report: Report) -> tuple[tuple[int, int], ...]:
    """The speakers of the last coordinated speaker ("X et Y") in the four sentences before
    a plural pronoun, unless another plural speaker came after them; () if none."""
    seg = ex.seg_of_tok[_anchor(ex, pron, report)]
    for last, _ in reversed(previous):
        last_seg = ex.seg_of_tok[min(ex._first_tok_at(last.start), len(ex.doc) - 1)]
        if last_seg < seg - 4:
            break
        if id(last) in groups:
            return groups[id(last)]
        m = last.speaker
        if m is not None and (m.number == "p" or m.kind == "description" and "Plur" in (
                ex.doc[m.head].morph.get("Number"))):
            break
    return ()


def _named_group(ex: Extractor, mention: Mention, reports: list[Report],
                 groups: dict[int, tuple[tuple[int, int], ...]]) -> tuple[tuple[int, int], ...]:
    """The people an earlier plural description named ("les organisateurs, X et Y, …"), for
    the same plural description ("les organisateurs se disent satisfaits"); () if none."""
    if "Plur" not in ex.doc[mention.head].morph.get("Number"):
        return ()
    description = normalise_description(ex.text[mention.start:mention.end])
    for r in reports:
        m = r.speaker
        if m is None or m.start >= mention.start or id(r) not in groups or not m.coordination:
            continue
        head = ex.text[m.start:m.end].split(",")[0]
        if head != ex.text[m.start:m.end] and normalise_description(head) == description:
            return groups[id(r)]
    return ()


def _same_description_same_entity(ex: Extractor, quotes: list[Quote]) -> list[Quote]:
    """One article's identical descriptions name one person: "le gouverneur de la BCEAO
    annonce …" before the text names him takes the entity that a later "a indiqué le
    gouverneur de la BCEAO" resolved to (only when every resolved one agrees).
    """
    found: dict[str, set[tuple[int, int]]] = {}
    for q in quotes:
        if q.speaker_kind == "description" and q.speaker_description and (
                q.antecedent_start is not None):
            found.setdefault(q.speaker_description, set()).add(
                (q.antecedent_start, q.antecedent_end))
    if not found:
        return quotes
    out = []
    for q in quotes:
        spans = found.get(q.speaker_description or "") if q.antecedent_start is None and (
            q.speaker_kind == "description") else None
        if spans and len(spans) == 1:
            (a, b), = spans
            q = dataclasses.replace(q, antecedent_start=a, antecedent_end=b,
                                    antecedent_text=ex.text[a:b])
        out.append(q)
    return out


def _quote(ex: Extractor, r: Report, m: Mention | None, ent: Span | None) -> Quote:
    description = None
    if m is not None and m.kind == "description" and not (
            "Plur" in ex.doc[m.head].morph.get("Number")
            and not _org_description(ex.lex, normalise_description(ex.text[m.start:m.end]))):
        # (several people, "aux dires des joueurs", are nobody to look up in the corpus)
        description = normalise_description(ex.text[m.start:m.end])
    return Quote(
        start=r.start, end=r.end, text=ex.text[r.start:r.end], kind=r.kind, cue=r.cue,
        speaker_start=m.start if m else None, speaker_end=m.end if m else None,
        speaker_text=ex.text[m.start:m.end] if m else None,
        speaker_kind=m.kind if m else None, speaker_description=description,
        antecedent_start=ent.start_char if ent is not None else None,
        antecedent_end=ent.end_char if ent is not None else None,
        antecedent_text=ent.text if ent is not None else None,
    )
