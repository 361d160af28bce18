"""Speech frames read from the dependency parse: one Extractor per Doc."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from pipeline.extract.quotes.content import ReportedContent
from pipeline.extract.quotes.lexicon import QuoteLexicon, marker_tokens
from pipeline.extract.quotes.marks import (
    CLOSER_OF,
    QuotedSpan,
    find_quoted_spans,
    paragraph_spans,
)
from pipeline.extract.quotes.mentions import SpeakerMentions
from pipeline.extract.quotes.records import EntityDescription, Frame, Mention, Report
from pipeline.extract.quotes.sources import SourceMarkers
from pipeline.extract.quotes.words import (
    ADVERBIAL_PAR,
    AFFIRMED_WHEN_NEGATED,
    AUX_FORMS,
    CANCELLING_HEADS,
    CLITICS,
    COMPARATIVES,
    DATIVE_CLITICS,
    DE_FORMS,
    FACT_OPENERS,
    FINAL_PUNCT,
    FRAMING_HEADS,
    IMPERSONAL_HEADS,
    NAME_LABELS,
    NEGATION_WORDS,
    NO_SPEECH_WHEN_PRONOMINAL,
    OCCASION_HEADS,
    PURPOSE_CUES,
    QUESTION_WORDS,
    RELATIVES,
    REPORTED_WHEN_NEGATED,
    ROLE_PREFIXES,
    SENTENCE_END_CHARS,
    SIDE_LOCUTIONS,
    STOP_PUNCT,
    STRESSED_PRONOUNS,
    TIME_NOUNS,
    TIME_WORDS,
    lower_form,
    masculine_forms,
)


class Extractor(SpeakerMentions, ReportedContent, SourceMarkers):
    """Per-document indexes and the frame rules; built and discarded by extract_quotes."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, skip_headlines: bool):
        self.doc, self.lex, self.text = doc, lex, doc.text
        self.tok_starts = [t.idx for t in doc]
        self.lows = [lower_form(t) for t in doc]
        self.paragraphs = paragraph_spans(self.text)
        para_starts = [s for s, _ in self.paragraphs]
        self.para_of_tok = [max(bisect.bisect_right(para_starts, i) - 1, 0)
                            for i in self.tok_starts]
        # segments: sentences cut at paragraphs, the unit of every clause rule; a parser
        # split that does not follow final punctuation is undone ("X, | sans …")
        starts = {0}
        previous = -1
        self.quotes = find_quoted_spans(self.text)
        # a closing mark ends the sentence it closes, even after its final full stop
        closers = {q.close for q in self.quotes if q.close is not None}
        for i, t in enumerate(doc):
            if t.is_space or t.idx in closers and self.para_of_tok[i] == self.para_of_tok[
                    max(previous, 0)]:
                if not t.is_space:
                    previous = i
                continue
            if previous >= 0 and self.para_of_tok[previous] != self.para_of_tok[i]:
                starts.add(i)
            elif previous >= 0 and t.is_sent_start and doc[previous].text[-1] in ".!?…;»”\")" and (
                    t.text not in (",", ")")):
                # (never before a comma: "« … », a assuré X" goes on after the closing mark)
                starts.add(i)
            elif previous >= 0 and doc[previous].text in (".", "!", "?", "…") and (
                    t.text[:1].isupper() or t.text[:1] in CLOSER_OF or t.text == '"'):
                # the parser often misses a sentence start before a quotation mark
                starts.add(i)
            previous = i
        self.seg_of_tok = []
        self.segs = []
        for i in range(len(doc)):
            if i in starts:
                if self.segs:
                    self.segs[-1] = (self.segs[-1][0], i)
                self.segs.append((i, len(doc)))
            self.seg_of_tok.append(len(self.segs) - 1)
        self.headlines = self._headline_paragraphs() if skip_headlines else set()
        self.quote_of_tok = [-1] * len(doc)
        for qi, q in enumerate(self.quotes):
            for i in self._tok_range(q.open, q.outer_end):
                self.quote_of_tok[i] = qi
        self.ents = [e for e in doc.ents]
        self.ent_of_tok = [-1] * len(doc)
        for ei, e in enumerate(self.ents):
            for i in range(e.start, e.end):
                self.ent_of_tok[i] = ei
        self.titles = {qi for qi, q in enumerate(self.quotes) if self._is_title(q)}
        self._descriptions: list[EntityDescription] | None = None
        # verb → the quoted prepositional complement taken for its content
        self._complements: dict[int, tuple[int, int]] = {}
        self._genders: dict[str, str] | None = None

    # ---- positions ---------------------------------------------------------------

    def _tok_range(self, start: int, end: int) -> range:
        """Tokens overlapping the characters [start, end)."""
        a = max(bisect.bisect_right(self.tok_starts, start) - 1, 0)
        if a < len(self.doc) and self.tok_starts[a] + len(self.doc[a].text) <= start:
            a += 1
        b = bisect.bisect_left(self.tok_starts, end)
        return range(a, b)

    def _first_tok_at(self, char: int) -> int:
        return bisect.bisect_left(self.tok_starts, char)

    def _seg(self, i: int) -> tuple[int, int]:
        return self.segs[self.seg_of_tok[i]]

    def _para_end_tok(self, i: int) -> int:
        p = self.para_of_tok[i]
        if p >= len(self.paragraphs):
            return len(self.doc)
        return self._first_tok_at(self.paragraphs[p][1])

    def _chars(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens [a, b)."""
        return self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1].text)

    def _in_quote(self, i: int) -> bool:
        return self.quote_of_tok[i] >= 0

    def _headline_paragraphs(self) -> set[int]:
        """Lines that end without sentence punctuation and are short: titles, captions."""
        heads = set()
        for p, (ps, pe) in enumerate(self.paragraphs):
            line = self.text[ps:pe].rstrip()
            if len(line) > 250:
                continue
            last = line[-1]
            if last in SENTENCE_END_CHARS + ":;":
                continue
            # (a closing mark after the full stop, single ones of Swiss agencies included)
            if last in "»”\")'’›" and line[:-1].rstrip()[-1:] in SENTENCE_END_CHARS:
                continue
            heads.add(p)
        return heads

    # ---- lexical tests -------------------------------------------------------------

    def cue_lemma(self, token: Token, *, strict: bool) -> tuple[str, int] | None:
        """The reporting-verb lemma of ``token`` and the index of the last token of the cue.

        With ``strict`` the token must be tagged VERB (preposed frames); otherwise any tag
        is accepted when the form is a known reporting-verb form (inverted frames, where the
        tagger often fails: "tranche-t-il" tagged NUM).
        """
        lex = self.lex
        # (the causative "faire" of a periphrastic cue is often tagged an auxiliary: "a
        # fait savoir que")
        if strict and token.pos_ != "VERB" and not (
                token.pos_ == "AUX" and token.lemma_.lower() == "faire"):
            return None
        lemma = token.lemma_.lower()
        for rest in sorted(lex.periphrastic.get(lemma, ()), key=lambda r: -len(r)):
            # "faire savoir", "mettre en garde", "attirer l'attention": each next word (an
            # elided one apart) by its lemma or its form
            words = marker_tokens(rest)
            nxt = self.doc[token.i + 1:token.i + 1 + len(words)]
            if len(nxt) == len(words) and all(w in (t.lemma_.lower(), lower_form(t))
                                              for w, t in zip(words, nxt, strict=True)):
                return f"{lemma} {rest}", token.i + len(words)
        if lemma in lex.speech_verbs:
            return lemma, token.i
        form = lower_form(token)
        if form in lex.verb_forms and (not strict or token.pos_ == "VERB"):
            return lex.verb_forms[form], token.i
        return None

    def cue_name(self, verb: Token, lemma: str) -> str:
        """The cue as written in the records: "se féliciter" when the verb is pronominal."""
        reflexive = self.lex.reflexive.get(lemma)
        if reflexive is None:
            return lemma
        group = range(max(self._verb_group_start(verb) - 1, 0), verb.i)
        if any(self.lows[k] in ("se", "s'") for k in group) or any(
                c.lemma_ == "se" for c in verb.children):
            return reflexive
        return lemma

    def negated(self, verb: Token) -> bool:
        """"n'a pas déclaré": a negated verb reports no speech act."""
        start = self._verb_group_start(verb)
        window = self.lows[max(start - 1, 0):verb.i + 2]
        # ("n'a annoncé aucun projet", "n'a rien dit": a negative object)
        return any(w in ("ne", "n'") for w in window) and any(
            w in ("pas", "jamais", "guère", "point", "nullement", "aucun", "aucune", "rien")
            for w in window)

    def pronoun(self, token: Token) -> Mention | None:
        """A speaker pronoun mention, including inverted "-t-il"/"-elle" and "ce dernier"."""
        text = lower_form(token)
        form = re.sub(r"^-(t-)?", "", text)
        if form in ("dernier", "dernière", "derniers", "dernières") and token.i > 0:
            prev = self.doc[token.i - 1]
            key = f"{lower_form(prev)} {form}"
            if key in self.lex.pronouns:
                g, n = self.lex.pronouns[key]
                end = token.idx + len(token.text)
                return Mention(prev.idx, end, "pronoun", token.i, None, g, n)
        if form not in self.lex.pronouns:
            return None
        if token.pos_ not in ("PRON", "DET", "NOUN", "PROPN", "X") and not text.startswith("-"):
            return None
        if form == "il" and self.lows[token.i + 1:token.i + 3] in (
                ["y", "a"], ["y", "avait"], ["y", "aura"]):
            return None  # "a appelé il y a quelques jours": a time, nobody
        g, n = self.lex.pronouns[form]
        offset = len(token.text) - len(form)
        end = token.idx + len(token.text)
        # "celle-ci" split by the tokenizer ("Celle", "-", "ci" or "celle", "-ci")
        glued = self.glued_word(token.i)
        if glued[1] > token.i and glued[0] in self.lex.pronouns:
            end = self.doc[glued[1]].idx + len(self.doc[glued[1]].text)
        elif token.i + 1 < len(self.doc) and lower_form(self.doc[token.i + 1]) in ("-ci", "-là"):
            end = self.doc[token.i + 1].idx + len(self.doc[token.i + 1].text)
        return Mention(token.idx + offset, end, "pronoun", token.i, None, g, n)

    def is_role(self, token: Token) -> bool:
        """Whether ``token`` is a speaker noun ("porte-parole", "vice-présidente",
        "sénatrice": prefixes are stripped and feminine forms tried as masculine).
        """
        nouns = self.lex.speaker_nouns
        glued = self.glued_word(token.i)[0]
        for form in (lower_form(token), token.lemma_.lower()) + ((glued,) if "-" in glued else ()):
            for prefix in ("",) + ROLE_PREFIXES:
                if prefix and not form.startswith(prefix):
                    continue
                bare = form[len(prefix):]
                if bare in nouns or any(m in nouns for m in masculine_forms(bare)):
                    return True
        return False

    def _may_be_told(self, token: Token) -> bool:
        """Whether a noun phrase may be someone spoken to or about (a name, a pronoun, a
        role, an organisation), not a thing."""
        return token.pos_ in ("PROPN", "PRON") or self.ent_of_tok[token.i] >= 0 or (
            self.is_role(token) or self.lows[token.i] in self.lex.org_nouns)

    def glued_word(self, i: int) -> tuple[str, int]:
        """The lowercase word a hyphen glues to token ``i`` when the tokenizer split it
        ("start", "-", "up" → "start-up"), and the index of its last token.
        """
        doc = self.doc
        j = i
        while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and (
                not doc[j + 1].whitespace_) and doc[j + 2].is_alpha:
            j += 2
        return (" ".join(self.lows[i:j + 1]).replace(" ", "") if j > i else self.lows[i]), j

    def eligible_ent(self, ei: int, lo: int = 0) -> bool:
        """A name that can designate a speaker: PER/ORG/LOC, capitalised, and not the object
        of a preposition inside the phrase that starts at ``lo`` ("le porte-parole de
        l'Élysée" is a description).
        """
        ent = self.ents[ei]
        if ent.label_ not in NAME_LABELS or any(c in ent.text for c in "()[]«»\""):
            return False
        first = ent.text[:1]
        head = self.lows[ent.start]
        # (a name may open with a lowercase letter before its capitals: "le cdH", "eBay")
        if not (first.isupper() or first.isdigit() or any(
                c.isupper() for c in ent[0].text[1:])) and not (
                ent.label_ == "ORG" and head in self.lex.org_nouns):
            return False
        if ent.label_ == "ORG" and head not in self.lex.org_nouns and self.is_role(ent[0]):
            return False  # "Porte-parole de l'Élysée" tagged ORG is a description
        k = ent.start - 1
        while k >= lo and self.doc[k].pos_ == "DET":
            k -= 1
        if k >= lo and ent.label_ == "PER" and k == ent.start - 1 and self.is_role(
                self.doc[k]) and self.lows[k] not in self.lex.org_nouns:
            # "le camp du [président X]", "la porte-parole de la [ministre X]": the office
            # and its holder are the complement of another noun, who speaks
            k -= 1
            while k >= lo and self.doc[k].pos_ == "DET":
                k -= 1
            return not (k > lo and lower_form(self.doc[k]) in DE_FORMS)
        return not (k >= lo and (self.doc[k].pos_ == "ADP" or lower_form(self.doc[k]) in DE_FORMS))

    # ---- frames --------------------------------------------------------------------

    def _inverted(self, j: int, hi: int) -> tuple[int, Mention | None]:
        doc = self.doc
        pron = None
        while j < hi and doc[j].text.startswith("-"):
            found = self.pronoun(doc[j])
            if found is not None:
                pron = found
            elif lower_form(doc[j]) not in ("-t", "-t-"):
                break
            j += 1
        return j, pron

    def postposed(self, k: int, hi: int, *, incise: bool = False) -> Frame | None:
        """A frame after a quotation or clause: ", a déclaré X", ", estime-t-elle",
        ", a-t-il ajouté", ", s'est exclamé X", ", selon X".

        Args:
            k: First token after the closing mark (or the comma of a clause).
            hi: Token bound (end of paragraph).
            incise: Only accept verb frames with an inverted subject (used to cut clauses).
        """
        doc = self.doc
        while k < hi and doc[k].is_space:
            k += 1
        if k < hi and doc[k].text in (",", "—", "–"):
            k += 1
        if k >= hi:
            return None
        if not incise:
            m = self.marker_at(k)
            if m is not None and not m[1]:
                mention, end = self._marker_np(k, hi)
                if mention is not None:
                    return Frame(m[0], k, mention, end)
                return None
        j = k
        if lower_form(doc[j]) in ("s'", "se") and j + 1 < hi:
            j += 1
        elif (lower_form(doc[j]) in DATIVE_CLITICS and j + 1 < hi
              and doc[j + 1].pos_ in ("VERB", "AUX")):
            j += 1  # ", nous dit le coach", ", lui a répondu X"
        pron = None
        compound = lower_form(doc[j]) in AUX_FORMS
        if compound:
            j, pron = self._inverted(j + 1, hi)
            steps = 0
            # adverbs between the auxiliary and the participle, multiword ones included
            # ("a d'abord déclaré", "a de nouveau affirmé")
            while j < hi and steps < 3 and (doc[j].pos_ == "ADV" or doc[j].dep_ in (
                    "advmod", "fixed") or self.lows[j] in TIME_WORDS or (
                    self.lows[j] in ("d'", "de") and j + 1 < hi and doc[j + 1].pos_ == "ADV")
            ) and self.cue_lemma(doc[j], strict=False) is None:
                j += 1
                steps += 1
        if j >= hi:
            return None
        verb = doc[j]
        if not compound and "Inf" in verb.morph.get("VerbForm") and verb.pos_ == "VERB" and (
                verb.lemma_.lower() not in FRAMING_HEADS):
            return None  # ", saluer leurs supporteurs": an infinitive has no inverted subject
        # (not a simple past the tagger calls a participle: "rétorqua")
        participle = self.lows[j].endswith(("é", "ée", "és", "ées")) or (
            "Part" in verb.morph.get("VerbForm") and not self.lows[j].endswith(("e", "a")))
        # "dit", "écrit", "décrit": a present that reads as a participle; a frame only when
        # its subject follows (", dit le maire"), not in an apposition (", écrit en 2019,")
        # (", décrit [pour sa part] X": a stance, not a purpose)
        stance = tuple(self.lows[j + 1:j + 4]) in SIDE_LOCUTIONS
        present_like = j == k and self.lows[j].endswith("it") and (
            j + 1 < hi and (self.lows[j + 1] not in ("par", ",", "en", "dans", "pour") or stance))
        # (a past participle after its auxiliary that the tagger read as a present: ", a
        # imagé X")
        present = "Pres" in verb.morph.get("Tense") and not (
            compound and self.lows[j].endswith(("é", "ée", "és", "ées")))
        if participle and (present or j == k or self.lows[j - 1] in (",", "s'")):
            # ", saluant la performance", ", reconnu coupable": participles, not frames
            if not (j + 1 < hi and doc[j + 1].text.startswith("-")) and not present_like:
                return None
        else:
            present_like = False
        own = self.cue_lemma(verb, strict=False)
        if (own is None or own[0] in self.lex.plan_verbs) and verb.pos_ in ("VERB", "AUX") and (
                verb.lemma_.lower() in FRAMING_HEADS):
            # ", a tenu à préciser X", ", s'est contenté d'ajouter X", ", a voulu rappeler X":
            # the infinitive is the cue
            n = j + 1 + (j + 1 < hi and self.lows[j + 1] in ("à", "de", "d'"))
            if n < hi and "Inf" in doc[n].morph.get("VerbForm") and self.cue_lemma(
                    doc[n], strict=False) is not None:
                verb = doc[n]
        cue = self.cue_lemma(verb, strict=False) or self._any_inverted_verb(verb, hi)
        if cue is None:
            return None
        lemma, last = cue
        lemma = self.cue_name(verb, lemma)
        j = last + 1
        if pron is None:
            j, pron = self._inverted(j, hi)
        if pron is not None:
            if j < hi and lower_form(doc[j]) in ("que", "qu'"):
                return None
            return Frame(lemma, verb.i, pron, j)
        if j < hi and doc[j].text == ",":
            # an adjunct between commas before the subject: ", a souligné, [à cet égard], le
            # professeur X", ", ont affirmé, [mardi soir à Paris], les chercheurs"
            close = next((c for c in range(j + 1, min(j + 9, hi)) if doc[c].text == ","), None)
            if close is not None and close > j + 1 and not any(
                    "Fin" in doc[c].morph.get("VerbForm") or self._in_quote(c)
                    for c in range(j + 1, close)):
                j = close + 1
        mention, end = self.np_after(j, hi, verb)
        if mention is None or present_like and mention.kind == "pronoun":
            if incise or present_like:
                return None
            return Frame(lemma, verb.i, None, j)
        if end < hi and lower_form(doc[end]) in ("que", "qu'"):
            return None
        if incise and mention.start < verb.idx:
            return None
        return Frame(lemma, verb.i, mention, end)

    def _any_inverted_verb(self, verb: Token, hi: int) -> tuple[str, int] | None:
        """Any verb followed by an inverted subject pronoun is a cue after a quotation
        ("« … », sourit-il", "a-t-elle philosophé").
        """
        j = verb.i + 1
        if not verb.is_alpha or verb.pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PRON", "PROPN"):
            return None
        if j < hi and self.doc[j].text.startswith("-") and self._inverted(j, hi)[1] is not None:
            pass
        elif not (verb.i > 0 and self.doc[verb.i - 1].text.startswith("-")
                  and self.pronoun(self.doc[verb.i - 1]) is not None):
            return None
        lemma = verb.lemma_.lower()
        if not re.search(r"(er|ir|re)$", lemma):
            lemma = re.sub(r"(é|ée|és|ées|e)$", "", self.lows[verb.i]) + "er"
        return lemma, verb.i

    def _scan_complement(self, v: int, hi: int) -> int:
        """First token after verb ``v`` that is not an adverb, a time word, an inverted
        pronoun, a clitic or a prepositional phrase ("a déclaré lundi à Reuters que").
        """
        doc = self.doc
        in_pp = False
        k = v + 1
        while k < hi and k < v + 25:
            t = doc[k]
            low = lower_form(t)
            if self._in_quote(k) or t.is_space or low in QUESTION_WORDS:
                return k
            if low == ",":
                in_pp = False
                # an incise (", citant des sources,") between the verb and its complement
                nxt = doc[k + 1] if k + 1 < hi else None
                if nxt is not None and (nxt.pos_ in ("ADP", "ADV") or nxt.pos_ == "VERB" and (
                        "Part" in nxt.morph.get("VerbForm"))):
                    close = next((j for j in range(k + 1, min(k + 20, hi))
                                  if doc[j].text == ","), None)
                    if close is not None:
                        k = close + 1
                        continue
            elif low == "quant" and k + 2 < hi and self.lows[k + 1] == "à" and self.lows[
                    k + 2] in STRESSED_PRONOUNS:
                k += 3  # "affirme quant à lui que …"
                continue
            elif (t.pos_ == "ADV" and low not in ("que", "qu'")  # ("qu'une" tagged an adverb)
                  or low in TIME_WORDS or low.startswith("-") or low[:1].isdigit()):
                pass
            elif t.pos_ == "DET" and k + 1 < hi and (self.lows[k + 1][:1].isdigit() or self.lows[
                    k + 1] in TIME_WORDS):
                pass
            elif low in ("à", "de") and k + 2 < hi and self.lows[k + 1] == "ce" and self.lows[
                    k + 2] in ("que", "qu'"):
                # "a appelé à ce que …"
                return k + 2
            elif any(tuple(self.lows[k:k + len(w)]) == w and k + len(w) < hi and self.lows[
                    k + len(w)] in ("que", "qu'") for w in FACT_OPENERS):
                # "insiste sur le fait que …", "se félicite du fait que …"
                return next(k + len(w) for w in FACT_OPENERS
                            if tuple(self.lows[k:k + len(w)]) == w)
            elif t.pos_ == "ADP" and low not in ("que", "qu'"):
                in_pp = True
            elif in_pp and t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") or (
                    in_pp and t.text in ("(", ")")) or in_pp and t.dep_ == "acl" and (
                    "Part" in t.morph.get("VerbForm") and "Pres" not in t.morph.get("Tense")):
                pass  # (and a participle: "a écrit dans une lettre [ouverte] que")
            elif t.pos_ == "PRON" and low in CLITICS and k == v + 1:
                pass
            else:
                return k
            k += 1
        return min(k, hi)

    def _opening_quote(self, k: int) -> int | None:
        """Index of the non-title quotation whose opening mark is token ``k``."""
        qi = self.quote_of_tok[k] if k < len(self.doc) else -1
        if qi < 0 or qi in self.titles:
            return None
        return qi if self._first_tok_at(self.quotes[qi].open) <= k <= self._first_tok_at(
            self.quotes[qi].start) else None

    def _quote_closes_clause(self, qi: int, hi: int) -> bool:
        """Nothing but punctuation follows the quotation in its clause ("a salué « le
        courage » des secouristes" goes on).
        """
        end = self._quote_tokens(qi)[1]
        return end >= hi or self.doc[end].text in STOP_PUNCT or self.doc[end].is_space

    def _quote_tokens(self, qi: int) -> tuple[int, int]:
        q = self.quotes[qi]
        span = self._tok_range(q.open, q.outer_end)
        return span.start, span.stop

    def _governed_infinitive(self, v: Token) -> bool:
        """A cue in the infinitive under a verb whose subject speaks through it.

        "X a tenu à préciser que …", "X continue de contester …", "X veut rappeler que
        …". Not under a verb that cancels the speech ("a refusé de commenter", "n'a pas voulu
        confirmer") or an impersonal one ("il faut rappeler que").
        """
        head = v.head
        lemma = head.lemma_.lower()
        # (a negated hesitation affirms: "n'a pas hésité à dire que …", "n'a pas manqué
        # de rappeler que …")
        # ("n'a cessé de clamer …": "cesser" is negated by "ne" alone)
        negated = self.negated(head) or lemma == "cesser" and any(
            w in ("ne", "n'") for w in self.lows[max(self._verb_group_start(head) - 1, 0):head.i])
        return (v.dep_ == "xcomp" and head.i < v.i and head.pos_ in ("VERB", "AUX")
                and (lemma not in CANCELLING_HEADS and not negated or (
                    lemma in AFFIRMED_WHEN_NEGATED and negated))
                and "Inf" not in head.morph.get("VerbForm"))

    def _writer_aside(self, v: Token) -> bool:
        """A cue in the imperative, or in the first person plural with no subject, that
        opens its sentence: "Rappelons que …", "Précisons que …" (the reports it introduces
        stand on their own)."""
        lo = self._seg(v.i)[0]
        while lo < v.i and (self.doc[lo].is_space or self.doc[lo].is_punct
                            or self.doc[lo].pos_ == "CCONJ"):
            lo += 1
        morph = v.morph
        # (the tagger often gets the person of "Notons" wrong: its ending tells it)
        return lo == v.i and ("Imp" in morph.get("Mood") or self.lows[v.i].endswith("ons")) and (
            not any(c.dep_.startswith("nsubj") for c in v.children))

    def _purpose_head(self, v: Token) -> Token | None:
        """The verb of which a cue in the infinitive is the purpose, or None.

        "X a manifesté pour réclamer …", "X a convoqué la presse afin d'annoncer …" report
        the main subject's words.

        Only for a cue of protest or announcement (``PURPOSE_CUES``) or after a document
        is issued ("a publié un communiqué pour confirmer …"), never when someone else is
        given the floor ("a donné la parole aux victimes pour raconter …"). Not under an
        impersonal, a negated or a cancelling verb ("il faut tout faire pour dénoncer",
        "n'a rien fait pour démentir"), nor after an adjective ("trop tôt pour dire"), nor
        inside a quotation.
        """
        if any(c.dep_ == "mark" and self.lows[c.i] == "pour" for c in v.children):
            head = v.head if v.dep_ == "advcl" else None
        elif v.i >= 2 and self.lows[v.i - 2] == "afin" and self.lows[v.i - 1] in ("de", "d'"):
            head = next((a for a in v.ancestors if a.pos_ == "VERB" and a.i < v.i), None)
        else:
            return None
        if head is None or head.pos_ != "VERB" or head.i > v.i or self.negated(head) or any(
                c.dep_ == "expl:subj" for c in head.children) or self._in_quote(v.i):
            # ("« Nous sommes là pour dire … »": the speaker's own aim, no report)
            return None
        # (or any cue after a document is issued: "a publié un communiqué pour confirmer …")
        issued = any(c.dep_ == "obj" and c.lemma_.lower() in self.lex.source_nouns
                     for c in head.children)
        occasion = head.lemma_.lower() in OCCASION_HEADS and (
            head.lemma_.lower() != "prendre" or any(
                c.dep_ == "obj" and c.lemma_.lower() in ("parole", "occasion")
                for c in head.children))
        if not occasion and (v.lemma_.lower() not in PURPOSE_CUES and not issued or any(
                c.dep_ in ("iobj", "obl:arg") and c.i < v.i for c in head.children)):
            # ("a donné la parole aux victimes pour raconter …": they speak, not the
            # subject; "a tout donné pour confirmer sa place": no speech)
            return None
        top = head
        while top.dep_ == "xcomp" and top.head.i < top.i:
            top = top.head  # "il faut tout faire pour …"
        return head if top.lemma_.lower() not in CANCELLING_HEADS | IMPERSONAL_HEADS else None

    def _narrative_infinitive(self, v: Token) -> bool:
        """An infinitive that opens its sentence after "et de" (the narrative infinitive).

        "Et d'ajouter que …", "Et de préciser : …" report the previous speaker's words.
        """
        lo = self._seg(v.i)[0]
        words = [self.lows[j] for j in range(lo, v.i) if not self.doc[j].is_space]
        return words in (["et", "de"], ["et", "d'"], ["et", "d’"]) or (
            self._narrative_subject(v) is not None)

    def _narrative_subject(self, v: Token) -> Mention | None:
        """The speaker named between "et" and "de" ("Et le ministre d'ajouter que …")."""
        lo = self._seg(v.i)[0]
        while lo < v.i and self.doc[lo].is_space:
            lo += 1
        de = v.i - 1
        if self.lows[lo] != "et" or de - lo < 2 or de - lo > 7 or self.lows[de] not in (
                "de", "d'", "d’") or any(self.doc[j].pos_ in ("VERB", "AUX") or self.doc[
                    j].is_punct for j in range(lo + 1, de)):
            return None
        head = next((self.doc[j] for j in range(lo + 1, de) if self.ent_of_tok[j] >= 0 or (
            self.doc[j].pos_ in ("NOUN", "PROPN"))), None)
        if head is None:
            return None
        mention = self.mention_at(head, lo + 1, de)[0]
        return mention if mention is not None and mention.kind != "pronoun" else None

    def preposed(self, v: Token) -> list[Report]:
        """Reports governed by a speech verb: "X a déclaré que [clause]", "X a démenti
        [ces informations]", "X a nié [avoir …]", "X a qualifié la coopération de « … »",
        "X a déclaré : [clause]", "X a lancé « … »".
        """
        doc = self.doc
        mark = self._comme_mark(v)
        if mark is not None:
            return self._comme_frame(v, mark)
        if self._cleft_back(v):
            return self._cleft_frame(v)
        cue = self.cue_lemma(v, strict=True) or self._mistagged_cue(v)
        narrative = "Inf" in v.morph.get("VerbForm") and self._narrative_infinitive(v)
        if cue is None or "Inf" in v.morph.get("VerbForm") and not (
                narrative or self._governed_infinitive(v) or self._after_avant(v)
                or self._purpose_head(v) is not None) or (
                self.is_inverted(v)):
            return []
        if "Part" in v.morph.get("VerbForm") and v.i > 0 and self.lows[v.i - 1] in (
                "que", "qu'", "comme") and not any(c.dep_.startswith("aux") for c in v.children):
            return []  # "plus tôt que prévu", "comme annoncé": a comparison, not a frame
        # ("ne nie pas que …", "n'exclut pas une hausse": a negated denial still reports)
        if self.negated(v) and cue[0] not in REPORTED_WHEN_NEGATED or (
                self._adjectival_participle(v)):
            # "n'a pas annoncé", "reconnu coupable" (a passive participle; not "X, …, ont
            # appelé", a compound tense the parse hung on its subject)
            return []
        lemma, last = cue
        if lemma in NO_SPEECH_WHEN_PRONOMINAL and self._pronominal(v):
            return []  # "on s'est rappelé le premier match": a memory, no speech
        if self._writer_aside(v):
            return []  # "Rappelons que …", "Notons que …": the writer's own aside
        if any(c.dep_.startswith("nsubj") and self.lows[c.i] in ("cela", "ça", "ceci") or (
                self.lows[c.i] == "qui" and c.i > 0 and self.lows[c.i - 1] == "ce")
               for c in v.children if c.i < v.i):
            return []  # "cela signifie que …", "ce qui montre que …": a thing, nobody speaks
        if lemma in self.lex.plan_verbs and self._impersonal_passive(v):
            return []  # "il est prévu que …": a plan, nobody's words
        conditional = any(c.dep_ == "mark" and self.lows[c.i] in ("si", "s'") and c.i < v.i
                          for c in v.children)
        comma = self._conditional_comma(v) if conditional else None
        if comma is not None and self._hypothesis(v, comma):
            return []  # "si le président annonce que …, la crise se dégonflera": no speech act
        lo, hi = self._seg(v.i)
        clause = v
        while clause.dep_ == "conj" and clause.head.i < clause.i:
            clause = clause.head
        if clause.dep_ == "acl:relcl":
            # a report inside a relative clause ends with it, and before the main verb
            # that resumes after its comma ("X, qui a déclaré que A, votera contre")
            resume = next((j for j in range(last + 1, hi - 1) if doc[j].text == "," and (
                "Fin" in doc[j + 1].morph.get("VerbForm")) and not self._in_quote(j)), None)
            # (an infinitive the parse hung outside the relative clause ends it: "X, qui
            # déplore [ne pas avoir été prévenu]")
            adjacent = self._adjacent_infinitive(last, hi) if lemma in (
                self.lex.infinitive_verbs | self.lex.object_verbs) else None
            # (a "que" right after the cue opens its clause, however the parse hung it: "…,
            # a indiqué X qui soutient [que …]")
            que = last + 1 < hi and self.lows[last + 1] in ("que", "qu'")
            hi = resume if resume is not None else hi if que else max(
                min(hi, clause.right_edge.i + 1), last + 1, adjacent[1] if adjacent else 0)
        k = self._scan_complement(last, hi)
        if k < hi and (doc[k].pos_ == "ADJ" or doc[k].dep_ == "xcomp" and "Inf" not in doc[
                k].morph.get("VerbForm")) and self._pronominal(v):
            # "s'est dit content que …", "se déclare convaincu que …": the attribute of a
            # pronominal cue stands before its clause
            j = k + 1
            while j < hi and (doc[j].pos_ in ("ADJ", "ADV") or doc[j].dep_ == "advmod"):
                j += 1
            if j < hi and self.lows[j] in ("que", "qu'"):
                k = j
        if k < hi and self.lows[k] not in ("que", "qu'", ":"):
            # "a averti Pékin que …", "a prévenu les élus qu'…": the person told, then the
            # clause ("que" a conjunction, not the relative of "les informations que …")
            told = next((c for c in v.children if c.dep_ in ("obj", "iobj") and c.left_edge.i == k
                         and not self._in_quote(c.i)), None)
            j = told.right_edge.i + 1 if told is not None else hi
            if j < hi and self.lows[j] in ("que", "qu'") and (
                    doc[j].pos_ == "SCONJ" or doc[j].dep_ == "mark") and (
                    doc[j].head.dep_ != "acl:relcl"):
                k = j
        content: tuple[int, int] | None = None
        # (a demonstrative of a time adjunct is no "ce que": "déclare [ce] mercredi qu'…")
        between = [w for j, w in enumerate(self.lows[last + 1:k], last + 1) if not (
            w in ("ce", "cet", "cette") and j + 1 < k
            and self.lows[j + 1] in TIME_WORDS | TIME_NOUNS)]
        # ("estime [pour sa part] que …": a stance, no "pour que")
        between = next((between[:j] + between[j + 3:] for j in range(len(between) - 2)
                        if tuple(between[j:j + 3]) in SIDE_LOCUTIONS), between)
        if between[-2:] in (["à", "ce"], ["de", "ce"]):
            between = between[:-2]  # "a appelé à ce que …"
        if between[-1:] == ["pour"] and "pour" in self.lex.prep_verbs.get(lemma, ()):
            between = between[:-1]  # "plaide pour que …": the clause the cue pleads for
        if between[-2:] in (["plus", "tôt"], ["plus", "tard"]) and k < hi and self._own_subject(k):
            between = between[:-2]  # "a indiqué plus tôt qu'[il …]": a time, no comparison
        inside = self.quote_of_tok[v.i]  # a third party's report quoted by the speaker
        # ("aussi" right before "que" adds a report, it compares nothing: "veut aussi que")
        if k < hi and self.lows[k] in ("que", "qu'") and not any(
                low in COMPARATIVES for low in (between[:-1] if between[-1:] == ["aussi"]
                                                 else between)) and not (
                # (the relative of the topic after the cue: "réagir sur la prime [que] la
                # direction aurait proposée"; not the audience: "a dit à ses employés
                # [qu']il fallait …", "a affirmé devant les députés [qu']aucune …")
                doc[k].head.dep_ == "acl:relcl" and last < doc[k].head.head.i < k
                and any(c.dep_ == "case" and self.lows[c.i] == "sur"
                        for c in doc[k].head.head.children)):
            content = (k + 1, self.clause_end(k + 1, hi, inside))
        elif k + 1 < hi and self.lows[k] in QUESTION_WORDS and not doc[k + 1].is_punct:
            # "a expliqué [comment le pays veut …]": an indirect question, its word included
            content = (k, self.clause_end(k + 1, hi, inside))
        elif k < hi and doc[k].text == ":":
            nxt = k + 1
            while nxt < hi and doc[nxt].is_space:
                nxt += 1
            if nxt < hi and not self._in_quote(nxt):
                content = (nxt, self.clause_end(nxt, hi))
        elif k < hi and self._opening_quote(k) is not None and all(
                doc[j].pos_ in ("ADV", "PUNCT") or self.lows[j] in TIME_WORDS | CLITICS
                or self.lows[j].startswith("-") for j in range(last + 1, k)) and (
                self._quote_closes_clause(self._opening_quote(k), hi)):
            # "a lancé « … »": the quotation is the complement
            content = self._quote_tokens(self._opening_quote(k))
        elif k < hi and self._quoted_opening(v, lemma, last, k):
            # "a demandé « de tout mettre en œuvre » pour …", "demande « que la clarté soit
            # faite » sur …": the quotation opens the complement that goes on after it
            content = (k, self.clause_end(k, hi))
        else:
            content = (self._infinitive(v, lemma, last, hi) or self._object(v, lemma, last, hi)
                       # ("déplore [ne pas avoir été prévenu]": an infinitive object)
                       or (self._adjacent_infinitive(last, hi) if lemma in self.lex.object_verbs
                           else None))
            de = self._de_complement(v, lemma, last, hi)
            if de is not None and content is not None and de[1] <= content[0]:
                # "s'est inquiétée [de l'afflux …], « aux limites »": the "de" complement
                # of an @de cue comes first, not a later quoted phrase
                content = de
            content = (content or de
                       or self._a_complement(v, lemma, last, hi)
                       or self._prep_complement(v, lemma, last, hi)
                       or self._pronominal_attribute(v, lemma, last, hi))
            if content is not None:
                content = (content[0], self._quoted_apposition_end(content[1], hi))
        if content is None:
            return []
        if comma is not None:
            # "Si X ne nie pas que [A], il écarte B": the concession ends at its comma
            content = (content[0], min(content[1], comma))
        if inside >= 0:
            # within its quotation, before the closing mark
            content = (content[0], min(content[1], self._tok_range(
                self.quotes[inside].start, self.quotes[inside].end).stop))
        chars = self.trim(*content, quote=inside)
        if chars is None:
            return []
        # "Et d'ajouter que …": the narrative infinitive has the last speaker's voice (see
        # _inherit_speakers)
        speaker = (self._narrative_subject(v) if narrative else self.agent(v) if self.passive(v)
                   else self.subject(v))
        if k < hi and self.lows[k] not in ("que", "qu'", ":", *QUESTION_WORDS) and (
                self._opening_quote(k) is None) \
                and not any(self._in_quote(i) for i in range(*content)) and not self._speaker_like(
                    speaker) and not self._documentary(v, speaker):
            # "le budget prévoit une hausse": an object report needs someone who speaks
            return []
        if k < hi and self.lows[k] not in ("que", "qu'", ":") and "Fut" in v.morph.get(
                "Tense") and not self._in_quote(v.i):
            # "le groupe détaillera son plan": an object announced for later is not said yet
            # (a historic future with its clause is: "en 1995, il déclarera que …")
            return []
        if self._complements.get(v.i) == content and speaker is not None and (
                speaker.kind == "description") and not self._speaker_like(speaker) and not (
                lemma in self.lex.object_verbs | self.lex.infinitive_verbs | self.lex.de_verbs
                | self.lex.a_verbs or lemma in self.lex.prep_verbs):
            # "le texte parle d'une « mascarade »": nor does the quoted complement of a cue
            # that has no content complement of its own ("X parle d'une « crise »" reports
            # X's words only if X is someone who speaks)
            return []
        return [Report(chars[0], chars[1], "indirect", self.cue_name(v, lemma), v.i,
                        speaker, "pre")]

    def _comme_mark(self, v: Token) -> Token | None:
        """The "comme" of "comme l'a rappelé X" / "comme le dit X": the clitic stands for a
        clause the incise vouches for (not "comme prévu", "comme il dit souvent").
        """
        mark = next((c for c in v.children if c.dep_ == "mark" and c.i < v.i
                     and self.lows[c.i] == "comme"), None)
        if mark is None or not any(self.lows[j] in ("l'", "le") and (
                self.doc[j].pos_ == "PRON" or self.doc[j + 1].pos_ in ("VERB", "AUX"))
                for j in range(mark.i + 1, v.i)):
            return None
        return mark

    def _comme_frame(self, v: Token, mark: Token) -> list[Report]:
        """"Comme l'a rappelé X, [clause]." and "[Clause], comme l'explique X.": the
        clause the incise opens or closes its sentence with is X's report.
        """
        doc = self.doc
        cue = self.cue_lemma(v, strict=True)
        if cue is None or self.negated(v) or self._in_quote(v.i):
            return []
        lo, hi = self._seg(v.i)
        end = next((j for j in range(v.i + 1, hi) if doc[j].text == ","
                    or doc[j].text in FINAL_PUNCT and not self._in_quote(j)), hi)
        first = mark.i - 1 if mark.i > lo and doc[mark.i - 1].text == "," else mark.i
        if end < hi and doc[end].text == "," and all(
                doc[j].pos_ in ("ADV", "CCONJ", "PUNCT", "SPACE") for j in range(lo, first)):
            content = (end + 1, hi)  # opens the sentence
        elif first < mark.i and all(doc[j].is_punct or doc[j].is_space
                                    for j in range(end, hi)):
            content = (lo, first)  # closes it
        else:
            return []  # in the middle: the clause is cut in two
        chars = self.trim(*content)
        if chars is None:
            return []
        # "comme l'a dit [X]", else "comme [il] l'a dit"
        speaker = self.np_after(v.i + 1, end, v)[0] if end > v.i + 1 else None
        if speaker is None and any(c.dep_.startswith("nsubj") and mark.i < c.i < v.i
                                   for c in v.children):
            speaker = self.subject(v)
        if speaker is None:
            return []
        return [Report(chars[0], chars[1], "indirect", self.cue_name(v, cue[0]), v.i,
                       speaker, "pre")]

    def _cleft_back(self, v: Token) -> bool:
        """"C'est ce qu'indique X.", "C'est en tout cas ce que pense X": a sentence that only
        says who said the sentence before it.
        """
        lo = self._seg(v.i)[0]
        while lo < v.i and self.doc[lo].is_space:
            lo += 1
        words = [w for w in self.lows[lo:v.i] if w.strip()]
        if words[:2] not in (["c'", "est"], ["ce", "fut"], ["c'", "était"]):
            return False
        try:
            ce = words.index("ce", 2)
        except ValueError:
            return False
        # (then an auxiliary, or the subject: "ce qu'a dit X", "ce que le ministre a dit")
        between = words[ce + 2:]
        return ce <= 6 and len(words) > ce + 1 and words[ce + 1] in ("que", "qu'") and len(
            between) <= 6 and not any(self.doc[j].pos_ in ("VERB", "PUNCT", "SCONJ")
                                      for j in range(v.i - len(between), v.i))

    def _cleft_frame(self, v: Token) -> list[Report]:
        doc = self.doc
        cue = self.cue_lemma(v, strict=True)
        seg = self.seg_of_tok[v.i]
        if cue is None or self.negated(v) or self._in_quote(v.i) or seg == 0:
            return []
        lo, hi = self._seg(v.i)
        if any(doc[j].text == ":" or self._in_quote(j) for j in range(v.i + 1, hi)):
            return []  # "C'est ce que pense X : « … »": the quotation is the report
        prev_lo, prev_hi = self.segs[seg - 1]
        if self.para_of_tok[prev_lo] != self.para_of_tok[v.i] or (
                self.para_of_tok[prev_lo] in self.headlines):
            return []
        speaker = self.np_after(v.i + 1, hi, v)[0] or self.subject(v)
        chars = self.trim(prev_lo, prev_hi)
        if speaker is None or chars is None:
            return []
        return [Report(chars[0], chars[1], "indirect", self.cue_name(v, cue[0]), v.i,
                       speaker, "post")]

    def _conditional_comma(self, verb: Token) -> int | None:
        """The comma that closes the "si" clause of ``verb`` (in its own quotation, if any)."""
        hi = self._seg(verb.i)[1]
        return next((j for j in range(verb.i + 1, hi) if self.doc[j].text == ","
                     and self.quote_of_tok[j] == self.quote_of_tok[verb.i]), None)

    def _hypothesis(self, verb: Token, comma: int) -> bool:
        """Whether a "si" clause is a condition: its main clause is in the future or the
        conditional, or says what must or can be ("…, ils doivent le faire"); not a
        concession ("Si X ne nie pas que A, il écarte B").
        """
        # the main clause starts after the clause's comma; its first finite verb tells
        # (the parse often takes the "si" clause for the main one)
        hi = self._seg(verb.i)[1]
        main = next((t for t in self.doc[comma + 1:hi] if t.pos_ in ("VERB", "AUX")
                     and "Fin" in t.morph.get("VerbForm")), None)
        return main is not None and (main.lemma_.lower() in ("devoir", "pouvoir", "falloir") or (
            "Fut" in main.morph.get("Tense") or "Cnd" in main.morph.get("Mood")))

    def _quoted_apposition_end(self, b: int, hi: int) -> int:
        """End of a complement that a quoted fragment after its comma goes on describing.

        "a condamné [le Hamas, « reconnu comme groupe terroriste »]", "s'est inquiétée de
        [l'afflux de malades, « aux limites de leurs capacités » en raison de …]": the parse
        ends the phrase at the comma, but the quoted words (lowercase, not a sentence of
        their own) are part of what was said; the report runs to the end of the clause.
        """
        doc = self.doc
        if b + 1 >= hi or doc[b].text != "," or self._in_quote(b):
            return b
        qi = self._opening_quote(b + 1)
        if qi is None or not self.text[self.quotes[qi].start:self.quotes[qi].start + 1].islower():
            return b
        after = self._quote_tokens(qi)[1]
        if after >= hi or self.text[self.quotes[qi].end - 1] in SENTENCE_END_CHARS:
            return after  # (its final stop ends the sentence)
        return max(after, self.clause_end(after, hi))

    def _quoted_opening(self, v: Token, lemma: str, last: int, k: int) -> bool:
        """The quotation at token ``k`` opens the cue's complement, which goes on after it.

        Its first word introduces a complement ("« que … »", "« de … »", "« à … »"), or the
        cue's own preposition stands before it ("appelant à « tout mettre en œuvre » pour
        …"). A whole quoted complement ("a lancé « Allez » aux supporters") is no opening.
        """
        qi = self._opening_quote(k)
        if qi is None or self._quote_closes_clause(qi, self._seg(k)[1]):
            return False
        first = self._first_tok_at(self.quotes[qi].start)
        preposition = self.lows[k - 1] if k > last + 1 else ""
        if any(not (self.lows[j] == preposition and j == k - 1) and (
                self.doc[j].pos_ not in ("ADV", "PUNCT") and self.lows[j] not in (
                    TIME_WORDS | CLITICS)) for j in range(last + 1, k)):
            return False
        q = self.quotes[qi]
        after = self._first_tok_at(q.outer_end)
        return self.lows[first] in ("que", "qu'", "de", "d'", "à") or (
            # "a qualifié de « propagande » les allégations …": the quoted name given, then
            # what is so named
            preposition in ("de", "d'") and after + 1 < len(self.doc) and self.doc[
                after].pos_ == "DET" and not self._in_quote(after) and self.lows[
                after + 1] not in TIME_WORDS | TIME_NOUNS) or (
            preposition == "à" and lemma in self.lex.a_verbs) or (
            preposition in DE_FORMS and lemma in self.lex.de_verbs) or (
            # "s'est dit « sans voix » face à …", "juge « irrespectueux » que …": the quoted
            # attribute of a pronominal cue, or one its clause follows, and what completes it
            not preposition and not any("Fin" in t.morph.get("VerbForm") for t in self.doc[
                first:self._first_tok_at(q.end)]) and self._attribute_clause(
                    self._first_tok_at(q.outer_end), pronominal=self._pronominal(v)))

    def _pronominal_attribute(self, v: Token, lemma: str, last: int,
                              hi: int) -> tuple[int, int] | None:
        """"s'est dit [très inquiet de la situation]", "se dit [prêt à négocier]": what the
        speaker says they are.
        """
        if lemma != "dire" or not self._pronominal(v):
            return None
        doc = self.doc
        j = last + 1
        while j < hi and doc[j].pos_ == "ADV" and self.lows[j] not in NEGATION_WORDS:
            j += 1
        if j >= hi or not (doc[j].pos_ == "ADJ" or doc[j].pos_ == "VERB" and "Part" in doc[
                j].morph.get("VerbForm")) or self._in_quote(j):
            return None
        end = min(max(doc[j].right_edge.i, j) + 1, hi)
        stop = next((k for k in range(j + 1, end) if doc[k].text in STOP_PUNCT
                     or self.lows[k] in ("que", "qu'")), end)
        return (last + 1, stop)

    def _attribute_clause(self, k: int, *, pronominal: bool = False) -> bool:
        """Token ``k`` opens what an attribute governs.

        "que …", "de …", "pour les commerces" (not "pour conclure", a purpose); after a
        pronominal cue also "à", "face à", "devant", "envers", "par", "sur" ("s'est dit
        « sans voix » face à …"; not "avant de partir").
        """
        openers = ("que", "qu'", "de", "d'", "pour") + (
            ("à", "face", "devant", "envers", "par", "sur") if pronominal else ())
        if k >= len(self.doc) or self.lows[k] not in openers:
            return False
        if self.lows[k] != "pour":
            return True
        j = k + 1
        while j < len(self.doc) and (self.lows[j] in CLITICS or self.lows[j] in (
                NEGATION_WORDS)):
            j += 1  # "pour ne pas décevoir", "pour le conclure"
        return j < len(self.doc) and "Inf" not in self.doc[j].morph.get("VerbForm")

    def _own_subject(self, k: int) -> bool:
        """The "que" at token ``k`` opens a clause with its own subject and finite verb.

        "plus tôt qu'[il n'était pas prêt]" reports; "plus tôt que prévu" compares.
        """
        doc = self.doc
        hi = self._seg(k)[1]
        for j in range(k + 1, min(k + 10, hi)):
            if doc[j].text in STOP_PUNCT:
                return False
            if "Fin" in doc[j].morph.get("VerbForm"):
                return any(c.dep_.startswith(("nsubj", "expl")) and k < c.i < j
                           for c in doc[j].children) or any(
                    c.dep_.startswith(("nsubj", "expl")) and k < c.i < j
                    for c in doc[j].head.children if doc[j].dep_.startswith(("aux", "cop")))
        return False

    def _impersonal_passive(self, verb: Token) -> bool:
        """The impersonal passive without an agent: "il est prévu que", "il a été souhaité de".

        The expletive "il" stands for nobody, so only a speech act proper reports words there
        ("il est précisé dans le communiqué que …" keeps its document).
        """
        first = self._verb_group_start(verb)
        group = self.lows[first:verb.i]
        return first > 0 and self.lows[first - 1] == "il" and any(
            w in ("est", "était", "sera", "serait", "fut", "été") for w in group) and (
            self.agent(verb) is None)

    def passive(self, verb: Token) -> bool:
        """"a été accusé", "accusée par X": the subject is the one spoken about.

        A "par X" the parse hangs on an active verb with its own subject belongs to a
        fronted participle ("Interrogé par France Info, le ministre a répondu que …").
        """
        deps = {c.dep_ for c in verb.children if not self._adverbial_par(c)}
        if "obl:agent" not in deps and "aux:pass" not in deps and self._pronominal(verb):
            return False  # "X s'est inquiétée de …": the parse takes "s'est" for a passive
        if "obl:agent" not in deps and self._avoir_tense(verb):
            return False
        return bool(deps & {"aux:pass", "nsubj:pass"}) or (
            "obl:agent" in deps and "nsubj" not in deps)

    def agent(self, verb: Token) -> Mention | None:
        """The "par X" of a passive verb: who speaks, or None."""
        lo, hi = self._seg(verb.i)
        for c in verb.children:
            if self._adverbial_par(c):
                continue
            if c.dep_ == "obl:agent" or c.dep_.startswith("obl") and self.lows[
                    c.left_edge.i] == "par":
                # "par X de [favoriser …]": the infinitive the parse hung on the agent stays out
                end = min([g.left_edge.i for g in c.children if g.dep_ == "acl"] + [hi])
                return self.mention_at(c, c.left_edge.i, end)[0]
        return None

    def _adverbial_par(self, c: Token) -> bool:
        """"par la suite", "par ailleurs", "par communiqué": a "par" phrase that is no agent."""
        return self.lows[c.left_edge.i] == "par" and (
            self.lows[c.i] in ADVERBIAL_PAR or c.lemma_.lower() in ADVERBIAL_PAR)

    def _mistagged_cue(self, token: Token) -> tuple[str, int] | None:
        """"La députée juge que …" with "juge" tagged as an adjective or a noun: a known
        present form of a reporting verb between a noun phrase and "que" (or "sur le fait
        que": "Le maire insiste sur le fait que …", or a quoted "« que »"); for an @obj
        verb, also between its subject and its object at the root of the sentence.
        """
        i = token.i
        after = i + 1 + next((len(w) for w in FACT_OPENERS
                              if tuple(self.lows[i + 1:i + 1 + len(w)]) == w), 0)
        if after < len(self.doc) and self._opening_quote(after) is not None:
            after += 1  # "La Belgique demande « que … »": the clause quoted from its "que"
        # (or, for @obj verbs, the root of its sentence between its subject and its object:
        # "Le syndicat revendique 200 grévistes")
        lemma = self.lex.verb_forms.get(self.lows[i])
        doc = self.doc
        # (the parse may also make it a modifier of the subject it follows: "Stellantis
        # [dément] tout projet", "X, [estime] avoir …")
        before = i - 1 if i > 0 and doc[i - 1].text != "," else i - 2
        rooted = before >= 0 and (token.dep_ == "ROOT" or token.head.i == before and (
            token.head.dep_ in ("ROOT", "conj"))) and lemma is not None and (
            lemma in self.lex.object_verbs and any(
                c.dep_ == "obj" and c.i > i for c in (*token.children, *token.head.children))
            or lemma in self.lex.infinitive_verbs and i + 1 < len(doc) and "Inf" in doc[
                i + 1].morph.get("VerbForm"))
        if token.pos_ not in ("ADJ", "NOUN", "ADV") or before < 0 or not rooted and (
                token.pos_ == "ADV" or after >= len(doc) or self.lows[after] not in (
                    "que", "qu'")) or doc[before].pos_ not in ("NOUN", "PROPN", "PRON") or (
                not self.lows[i].endswith(("e", "ent", "it"))):
            return None
        return (lemma, i) if lemma is not None else None

    def _documentary(self, verb: Token, speaker: Mention | None) -> bool:
        """"des informations faisant état de …": a participle whose noun is a document."""
        return speaker is not None and verb.dep_ == "acl" and speaker.kind == "description" \
            and self.doc[speaker.head].lemma_.lower() in self.lex.source_nouns

    def _pronominal(self, verb: Token) -> bool:
        """"s'est dit", "se déclare": the verb has its reflexive clitic."""
        group = range(max(self._verb_group_start(verb) - 1, 0), verb.i)
        return any(self.lows[k] in ("se", "s'") for k in group) or any(
            c.lemma_ == "se" and c.i < verb.i for c in verb.children)

    def _avoir_tense(self, verb: Token) -> bool:
        """"X a rappelé que …" with a passive subject: a compound past on "avoir" only.

        The parse sometimes labels the subject of an active compound past ``nsubj:pass``;
        a passive needs a form of "être" ("a été accusé"), so without one it is active.
        """
        children = list(verb.children)
        return any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in children) and not any(
            c.dep_ == "aux:pass" or c.lemma_ == "être" for c in children)

    def _speaker_like(self, mention: Mention | None) -> bool:
        """A name, a pronoun, or a description headed by a speaker noun."""
        if mention is None:
            return False
        return mention.kind != "description" or self.is_role(self.doc[mention.head])

    def incises(self) -> Iterator[Report]:
        """Unquoted clauses followed by an inverted frame: "[La France est prête], a indiqué
        le vice-ministre X, en réponse à …".
        """
        doc = self.doc
        for k, t in enumerate(doc):
            if t.text != "," or self._in_quote(k) or self.para_of_tok[k] in self.headlines:
                continue
            lo, hi = self._seg(k)
            frame = self.postposed(k, hi, incise=True)
            if frame is None or frame.speaker is None:
                continue
            a = self._quoted_clause_lead(self.content_start(self._clause_start(lo, k), k))
            if self._only_adverbial(a, k):
                # "Mais surtout, a-t-il ajouté, [Moen reste à gauche]": the clause follows
                a, b = self._after_incise(frame.end, hi)
            else:
                b = k
            # the clause must be one: "[X], a appelé les syndicats" has no verb before; a
            # clitic frame ("a-t-il précisé") vouches for a clause whose verb the tagger
            # missed ("Le quart des pannes [touche] …")
            if b - a < 3 or not any("Fin" in doc[j].morph.get("VerbForm") or self._in_quote(j)
                                    for j in range(a, b)) and not (
                    frame.speaker.kind == "pronoun" and b - a >= 5):
                continue
            chars = self.trim(a, b)
            if chars is not None:
                yield Report(chars[0], chars[1], "indirect", frame.cue, frame.cue_tok,
                              frame.speaker, "post")

    def _quoted_clause_lead(self, a: int) -> int:
        """Where a clause starting at ``a`` inside a quotation of several sentences really
        starts: before the opening mark when unquoted words without a verb lead into it
        ('X "doit partir. Le peuple l'exige", a-t-il dit' is X's clause, a mixed report).
        """
        qi = self.quote_of_tok[a]
        if qi < 0:
            return a
        open_tok = self._first_tok_at(self.quotes[qi].open)
        if open_tok >= a:
            return a
        lead = self.content_start(self._clause_start(self._seg(open_tok)[0], open_tok), open_tok)
        # (not an adjunct closed by a comma: 'Lors de la semaine, "dans l'Hexagone, …"')
        if lead < open_tok and self.doc[open_tok - 1].text != "," and not any(
                "Fin" in self.doc[j].morph.get("VerbForm") or self._in_quote(j)
                for j in range(lead, open_tok)):
            return lead
        return a

    def _only_adverbial(self, a: int, k: int) -> bool:
        """Tokens [a, k) are empty or a short adverbial without a verb.

        "D'une part", "Mais surtout", "Ensuite".
        """
        doc = self.doc
        if a >= k:
            return True
        return k - a <= 3 and all(doc[j].pos_ in ("ADV", "ADP", "DET", "CCONJ", "NOUN", "ADJ",
                                                  "PUNCT") and doc[j].pos_ != "VERB"
                                  for j in range(a, k)) and any(
            doc[j].pos_ == "ADV" or self.lows[j] in ("part", "ailleurs", "outre")
            for j in range(a, k))

    def _after_incise(self, j: int, hi: int) -> tuple[int, int]:
        """The clause after an incise frame that ends at token ``j``."""
        doc = self.doc
        while j < hi and (doc[j].is_space or doc[j].text in (",", "—", "–")):
            j += 1
        return j, self.clause_end(j, hi)

    # ---- direct quotations -----------------------------------------------------------

    def _prev_char(self, pos: int) -> str:
        j = pos - 1
        while j >= 0 and self.text[j] in " \t\u00a0\u202f\u2009":
            j -= 1
        return self.text[j] if j >= 0 else "\n"

    def _next_char(self, pos: int) -> str:
        j = pos
        while j < len(self.text) and self.text[j] in " \t\u00a0\u202f\u2009":
            j += 1
        return self.text[j] if j < len(self.text) else "\n"

    def direct_frame(self, qi: int) -> tuple[Frame | None, str]:
        """The frame of a stand-alone quotation and where it was found: ``after`` it
        (", a déclaré X", or "C'est ce qu'a déclaré X"), before its ``colon``, ``inside`` it
        ("« A, dit-il, B »"), in the ``previous`` sentence, as a frame without complement
        ("X a réagi sur France Info. « … »"), or in the ``next`` one; (None, "") if none.
        """
        doc = self.doc
        q = self.quotes[qi]
        if q.close is not None:
            k = self._first_tok_at(q.close + 1)
            if k < len(doc) and self.para_of_tok[k] == q.paragraph:
                frame = self.postposed(k, self._para_end_tok(k)) or self._cest_ce_que(k)
                if frame is not None:
                    return frame, "after"
        if self._prev_char(q.open) == ":" or self.text[:q.open].rstrip()[-1:] == ":":
            # "a réagi :" may end the previous paragraph
            frame = self._colon_frame(q)
            if frame is not None:
                return frame, "colon"
        inside = self.inner_incise(q)
        if inside is not None:
            return inside[0], "inside"
        frame = self._previous_sentence_frame(q)
        if frame is not None:
            return frame, "previous"
        frame = self._next_sentence_frame(q)
        return (frame, "next") if frame is not None else (None, "")

    def _cest_ce_que(self, k: int) -> Frame | None:
        doc = self.doc
        j = k
        while j < len(doc) and (doc[j].is_space or doc[j].text in ".!?"):
            j += 1
        words = [lower_form(t) for t in doc[j: j + 4]]
        if len(words) == 4 and words[0] in ("c'", "ce") and words[1] == "est" and words[2] == "ce" \
                and words[3] in ("qu'", "que"):
            return self.postposed(j + 4, self._para_end_tok(j))
        return None

    def _colon_frame(self, q: QuotedSpan) -> Frame | None:
        doc = self.doc
        colon = self.text.rfind(":", 0, q.open)
        c = self._first_tok_at(colon)
        if c >= len(doc) or doc[c].idx > colon:
            c -= 1
        lo = self._seg(c)[0]
        # (not a participle that qualifies a noun: "des absences répétées de ses professeurs")
        verbs = [t for t in doc[lo:c] if not self._in_quote(t.i) and self.cue_lemma(t, strict=True)
                 and not self._adjectival_participle(t)]
        # the word right before the colon may be a cue the tagger missed ("raconte :")
        # (not a noun after its determiner: "Le prévenu :", "Premier souvenir :")
        near = [t for t in doc[max(lo, c - 2):c] if not self._in_quote(t.i) and t.is_alpha
                and self.cue_lemma(t, strict=False) and not (
                    t.pos_ == "NOUN" and t.i > lo and doc[t.i - 1].pos_ in ("DET", "ADJ"))]
        # and so may be the verb of "C'est ce que pense X :"
        near += [doc[j] for j in range(lo + 2, c) if self.lows[j - 2] == "ce" and self.lows[
            j - 1] in ("que", "qu'") and not self._in_quote(j) and doc[j].is_alpha
                 and self.cue_lemma(doc[j], strict=False)]
        near.sort(key=lambda t: t.i)
        if near and (not verbs or near[-1].i > verbs[-1].i):
            verbs.append(near[-1])
        if verbs:
            v = verbs[-1]
            # (", ont annoncé les TPG : « … »": an inverted frame before the colon)
            speaker = self.inverted_subject(v) if self.is_inverted(v) else self.subject(v)
            start = self._verb_group_start(v)
            if speaker is None and start >= lo + 2 and self.lows[start - 1] in ("que", "qu'") and (
                    self.lows[start - 2] == "ce"):
                # "C'est ce que pense X, député : « … »": the subject after the verb
                speaker = self.inverted_subject(v)
            return Frame(self.cue_name(v, self.cue_lemma(v, strict=False)[0]), v.i,
                          speaker, c)
        # "Le ministre : « … »" — a bare noun phrase before the colon
        words = [t for t in doc[lo:c] if not t.is_space]
        if words and len(words) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in words):
            heads = [t for t in words if t.head.i < lo or t.head.i >= c or t.head == t]
            if heads:
                return Frame("", None, self.mention_at(heads[0], lo, c)[0], c)
        # "X a tenu à mettre les choses au clair : « … »": no cue, but the clause before
        # the colon has someone who speaks as its subject
        root = next((t for t in doc[lo:c] if t.dep_ == "ROOT" and not self._in_quote(t.i)
                     and t.pos_ in ("VERB", "AUX", "ADJ")), None)
        if root is not None and not self.negated(root):
            # "le maire a été catégorique :" (the parse may call the attribute's subject
            # passive)
            speaker = next((self.mention_at(s, lo, root.i)[0] for s in root.children
                            if s.dep_ in ("nsubj", "nsubj:pass") and s.i < root.i), None)
            if speaker is None and root.pos_ != "ADJ":
                speaker = self.subject(root)
            if speaker is not None and speaker.kind != "pronoun" and self._speaker_like(speaker):
                return Frame("", None, speaker, c)
        return None

    def _adjectival_participle(self, verb: Token) -> bool:
        """"des absences répétées", "reconnu coupable": a participle that qualifies a noun,
        without its tense auxiliary, reports no speech act (not "X, …, ont appelé": a
        compound tense the parse hung on its subject).
        """
        return verb.dep_ == "acl" and "Pres" not in verb.morph.get("Tense") and (
            "Inf" not in verb.morph.get("VerbForm")) and not any(
            c.dep_ == "aux:tense" and c.i < verb.i for c in verb.children)

    def inner_incise(self, q: QuotedSpan) -> tuple[Frame, int, int] | None:
        """The frame of an incise inside a quotation ("« A, dit-il, B »", "« A, dit-il.
        B »"), the comma that opens it and the punctuation token that closes it."""
        doc = self.doc
        toks = self._tok_range(q.start, q.end)
        for k in toks:
            if doc[k].text == "," and k + 1 < toks.stop:
                frame = self.postposed(k, toks.stop, incise=True)
                if frame is None or frame.end >= toks.stop:
                    continue
                # (an adjunct may follow the speaker: ", s'est réjoui X après sa victoire.")
                e = frame.end
                while e < min(toks.stop, frame.end + 12) and doc[e].text not in (
                        ",", ".", "!", "?", "…", "«", "»", '"', "“", "”") and (
                        "Fin" not in doc[e].morph.get("VerbForm")):
                    e += 1
                if e < toks.stop and doc[e].text in (",", ".", "!", "?", "…"):
                    return frame, k, e
        return None

    def bare_incise(self, q: QuotedSpan) -> tuple[Frame, int, int] | None:
        """A frame without its commas inside a quotation: '"A lance X, gérant. B"'.

        Some sites leave out the closing and reopening marks around a frame; a reporting
        verb right after a word of the quotation and right before a person's name is then
        the frame of what precedes it, and the quotation resumes after the frame's
        sentence. Returns the frame, its verb token and the token that ends its sentence
        (the end of the quotation if none does). Not "ce que dit X", "comme le dit X".
        """
        doc = self.doc
        toks = self._tok_range(q.start, q.end)
        for k in range(toks.start + 3, toks.stop - 1):
            ei = self.ent_of_tok[k + 1]
            if ei < 0 or self.ents[ei].start != k + 1 or self.ents[ei].label_ != "PER":
                continue
            if not doc[k - 1].is_alpha or self.lows[k - 1] in RELATIVES | CLITICS | {
                    "comme", "ce", "que", "qu'"} or not doc[k].is_lower:
                continue
            if self.cue_lemma(doc[k], strict=False) is None:
                continue
            frame = self.postposed(k, toks.stop)
            if frame is None or frame.speaker is None or frame.speaker.kind != "name":
                continue
            end = frame.end
            while end < toks.stop and doc[end].text not in (".", "!", "?", "…"):
                end += 1
            return frame, k, end
        return None

    def _previous_sentence_frame(self, q: QuotedSpan) -> Frame | None:
        doc = self.doc
        k = self._first_tok_at(q.open)
        if k >= len(doc):
            return None
        seg = self.seg_of_tok[k]
        if self.segs[seg][0] < k and not self._starts_clause(q):
            return None
        prev = seg - 1 if self.segs[seg][0] >= k - 1 or self._starts_clause(q) else seg
        if prev < 0:
            return None
        lo, hi = self.segs[prev]
        if self.para_of_tok[lo] in self.headlines:
            return None
        for t in reversed(doc[lo:min(hi, k)]):
            if self._in_quote(t.i):
                continue
            cue = self.cue_lemma(t, strict=True)
            if cue is None:
                continue
            if self.preposed(t) or self.is_inverted(t) or self.negated(t) or t.dep_ in (
                    "acl", "acl:relcl") or any(c.dep_ in ("obj", "xcomp", "ccomp") and self.lows[
                        c.i] not in TIME_WORDS and not self._in_quote(c.i) and c.i > cue[1]
                        # (not a manner the parse took for an object: "a réagi [avec
                        # satisfaction]")
                        and not any(g.dep_ == "case" and g.i < c.i for g in c.children)
                                               for c in t.children):
                # a reported clause, a verb with its own complement, or the postposed frame
                # of an earlier quotation
                return None
            return Frame(self.cue_name(t, cue[0]), t.i, self.subject(t), hi)
        return None

    def _next_sentence_frame(self, q: QuotedSpan) -> Frame | None:
        """"« … » Beau joueur, X reconnaissait la défaite.": a quotation that opens its
        paragraph, framed by the speech verb of the next sentence.
        """
        doc = self.doc
        if q.close is None or self._prev_char(q.open) != "\n":
            return None
        k = self._first_tok_at(q.close + 1)
        while k < len(doc) and (doc[k].is_space or doc[k].is_punct) and self.para_of_tok[
                k] == q.paragraph:
            k += 1
        if k >= len(doc) or self.para_of_tok[k] != q.paragraph:
            return None
        lo, hi = self.segs[self.seg_of_tok[k]]
        for t in doc[lo:hi]:
            if self._in_quote(t.i) or self.is_inverted(t) or self.negated(t):
                continue
            cue = self.cue_lemma(t, strict=True)
            if cue is not None:
                subject = self.subject(t)
                if subject is not None:
                    return Frame(self.cue_name(t, cue[0]), t.i, subject, hi)
        return None

    def _starts_clause(self, q: QuotedSpan) -> bool:
        """The quotation opens its sentence, perhaps after a connective.

        A connective before the mark ("Mais « … »", "Pour autant « … », assure X") links
        the sentence to the story and is no frame: the quotation still stands alone.
        """
        prev = self._prev_char(q.open)
        if prev in "\n.!?…:—–-" or q.continues:
            return True
        before = re.split(r"[.!?…:\n«»\"“”]", self.text[max(0, q.open - 40):q.open])[-1]
        words = before.strip(" \t\u00a0\u202f,").lower().replace("’", "'")
        return bool(words) and words in self.lex.connectives

    def _ends_clause_q(self, q: QuotedSpan) -> bool:
        if q.close is None:
            return True
        inner_end = self.text[q.end - 1] in SENTENCE_END_CHARS
        return inner_end or self._next_char(q.close + 1) in "\n.!?…"
