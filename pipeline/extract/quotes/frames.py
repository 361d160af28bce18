"""Speech frames read from the dependency parse: one Extractor per Doc."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from pipeline.extract.quotes.lexicon import QuoteLexicon, marker_tokens
from pipeline.extract.quotes.marks import (
    CITATION_RE,
    CLOSER_OF,
    QuotedSpan,
    find_quoted_spans,
    paragraph_spans,
)
from pipeline.extract.quotes.records import EntityDescription, Frame, Mention, Report
from pipeline.extract.quotes.words import (
    ADJUNCT_OPENERS,
    ADVERBIAL_PAR,
    AFFIRMED_WHEN_NEGATED,
    AUX_FORMS,
    CANCELLING_HEADS,
    CIVILITIES,
    CLITICS,
    CLOSERS_AND_SPACES,
    COMPARATIVES,
    COMPARISONS,
    CONTENT_PREPOSITIONS,
    CRITERION_NOUNS,
    DASHES,
    DATELINE,
    DATIVE_CLITICS,
    DE_FORMS,
    FACT_OPENERS,
    FINAL_PUNCT,
    FRAMING_HEADS,
    IMPERSONAL_HEADS,
    MANNER_NOUNS,
    MODIFIER_PREPOSITIONS,
    NAME_LABELS,
    NEGATION_WORDS,
    NO_SPEECH_WHEN_PRONOMINAL,
    OCCASION_HEADS,
    OFFICE_AFTER_EN,
    POSSESSIVE_NUMBER,
    PURPOSE_CUES,
    QUESTION_WORDS,
    RELATIVES,
    REPORTED_WHEN_NEGATED,
    ROLE_PREFIXES,
    SENTENCE_END_CHARS,
    SIDE_LOCUTIONS,
    SPEECH_NOUNS,
    STOP_PUNCT,
    STRESSED_PRONOUNS,
    TIME_HEADS,
    TIME_NOUNS,
    TIME_WORDS,
    fold,
    lower_form,
    masculine_forms,
)


class Extractor:
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
            if last in "»”\")" and line[:-1].rstrip()[-1:] in SENTENCE_END_CHARS:
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
        if strict and token.pos_ != "VERB":
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
        return any(w in ("ne", "n'") for w in window) and any(
            w in ("pas", "jamais", "guère", "point", "nullement") for w in window)

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

    # ---- mentions ----------------------------------------------------------------

    def mention_at(self, head: Token, lo: int, hi: int) -> tuple[Mention | None, int]:
        """The speaker mention of the noun phrase headed by ``head``, within tokens [lo, hi).

        Returns the mention and the first token after the noun phrase (appositive name
        included). A name (entity) in the phrase or in apposition wins over the
        description; relative clauses and anything after a comma are left out.
        """
        doc = self.doc
        if self._in_quote(head.i) and self.quote_of_tok[head.i] != self.quote_of_tok[min(
                lo, len(doc) - 1)]:
            return None, head.i + 1
        if self.lows[head.i] in ("celui", "celle", "ceux", "celles") and (
                head.right_edge.i > head.i or self._headless_relative(head.i, hi)):
            # "affirme celui pour qui … n'est qu'un détail": a headless relative, to the end
            # of its clause (the parse often cuts it short)
            right = min(head.right_edge.i, hi - 1)
            if self._headless_relative(head.i, hi):
                stop = next((j for j in range(head.i + 1, hi) if doc[j].text in STOP_PUNCT
                             or doc[j].is_space), hi)
                right = max(right, stop - 1)
            while right > head.i and doc[right].is_punct:
                right -= 1
            s_, e_ = self._chars(head.i, right + 1)
            return Mention(s_, e_, "description", head.i), right + 1
        pron = self.pronoun(head)
        if pron is not None:
            return pron, head.i + 1
        # "l'un des manifestants, X,": a partitive pronoun heads a description
        partitive = self.lows[head.i] in ("un", "une") and head.i + 1 < len(doc) and (
            self.lows[head.i + 1] in ("des", "d'entre"))
        # (a civility the tagger took for a pronoun or an adverb heads its name: "Me/ADV
        # Courtoy a affirmé")
        civility = self.lows[head.i].rstrip(".") in CIVILITIES and head.i + 1 < len(doc) and (
            self.ent_of_tok[head.i + 1] >= 0)
        if head.pos_ not in ("NOUN", "PROPN", "X", "ADJ", "NUM") and self.ent_of_tok[
                head.i] < 0 and not partitive and not civility:
            return None, head.i + 1
        left = max(head.left_edge.i, lo)
        for k in range(head.i - 1, left - 1, -1):
            if doc[k].text in STOP_PUNCT or doc[k].is_space or lower_form(doc[k]) in RELATIVES:
                left = k + 1
                break
        # (and the "c'est" of a cleft: "C'est [le ministre] qui a annoncé …")
        while left < head.i and (doc[left].pos_ in ("ADP", "CCONJ", "PUNCT") or (
                doc[left].pos_ in ("PRON", "AUX") and self.lows[left] in (
                    "c'", "ce", "est", "sont", "était", "étaient"))):
            left += 1
        right = head.i
        in_clause = False
        for k in range(head.i + 1, min(head.right_edge.i + 1, hi)):
            t = doc[k]
            if t.text in STOP_PUNCT or t.is_space or (
                    t.pos_ == "PRON" and lower_form(t) in RELATIVES):
                break
            if self.lows[k] in TIME_WORDS and self.ent_of_tok[k] < 0 and not in_clause:
                break  # "a assuré le ministre [jeudi]"
            if t.pos_ in ("VERB", "AUX") and not (t.pos_ == "VERB" and self.is_role(t)):
                # (an office the tagger took for a verb stays: "le patron et [fondateur]")
                if not (t.dep_ == "acl" and t.i > head.i):
                    break
                in_clause = True
            # "le dirigeant [à la télévision]": an adjunct of the verb, not of the noun (but
            # "le ministre en charge de …", "le rédacteur en chef" name an office)
            if t.pos_ == "ADP" and lower_form(t) not in DE_FORMS and not in_clause and not (
                    lower_form(t) == "en" and k + 1 < hi and self.lows[k + 1] in OFFICE_AFTER_EN):
                break
            right = k
        while right > head.i and doc[right].pos_ == "ADP":
            right -= 1  # ("Et [le ministre] d'ajouter : …")
        # a word the tokenizer cut at its hyphen ("la start-up") is taken whole
        right = max(right, min(self.glued_word(head.i)[1], hi - 1))
        # an entity cut in the middle by the parse is taken whole
        if self.ent_of_tok[right] >= 0:
            right = max(right, min(self.ents[self.ent_of_tok[right]].end, hi) - 1)
        end = right + 1
        # (not a demonym the model took for a name: "le [Fribourgeois]")
        names = [ei for ei in dict.fromkeys(self.ent_of_tok[left:end]) if ei >= 0
                 and self.eligible_ent(ei, left) and not self._in_role_complement(head, ei)
                 and not self._demonym_entity(ei)]
        j = left - 1
        if j - 1 >= lo and self.lows[j] == "et" and self.ent_of_tok[j - 1] >= 0 and (
                self.eligible_ent(self.ent_of_tok[j - 1], lo) and names):
            ei = self.ent_of_tok[j - 1]
            left = self.ents[ei].start
            while left - 1 >= lo and doc[left - 1].pos_ == "DET":
                left -= 1
            names = [ei] + names
        coordinated = any(doc[k].pos_ == "CCONJ" for k in range(left, end))
        group = self._apposed_names(end, hi) if not names and "Plur" in head.morph.get(
            "Number") else []
        if group:
            # "les organisateurs, Jean Steffens et Charles Gardier": the people of a plural
            # description, named in apposition
            names, coordinated, end = group, True, self.ents[group[-1]].end
        apposed = self._apposed_name(end, hi) if not group else None
        # (a person in apposition to an office wins over the party or country that qualifies
        # it: "le vice-premier ministre MR, Didier Reynders,")
        # (or whose complement names someone else: "l'un des avocats de M. X, Me Y,")
        if apposed is not None and (coordinated or not names or (
                self.is_role(head) and self.ents[apposed].label_ == "PER"
                and all(self.ents[n].label_ != "PER" for n in names)) or (
                self.ents[apposed].label_ == "PER" and all(
                    self.ents[n].start > head.i and any(
                        self.lows[k] in DE_FORMS for k in range(head.i + 1, self.ents[n].start))
                    for n in names))):
            # "le porte-parole, X," names the speaker; "X et son adjoint, Y," adds one
            end = self.ents[apposed].end
            names = names + [apposed] if coordinated else [apposed]
        if len(names) > 1 and coordinated:
            a, b = self._chars(left, end)
            members = tuple(self.ents[ei] for ei in sorted(names, key=lambda e: self.ents[e].start))
            return Mention(a, b, "name", head.i, None, coordination=True, members=members), end
        if names:
            own = self.ent_of_tok[head.i]
            ei = own if own in names else min(names, key=lambda e: (
                NAME_LABELS.index(self.ents[e].label_), self.ents[e].start))
            ent = self.ents[ei]
            return Mention(ent.start_char, ent.end_char, "name", ent.root.i, ent), end
        if head.pos_ == "PROPN" and head.text[:1].isupper() and head.text.isalpha():
            a, b = head.i, head.i + 1
            while a > left and doc[a - 1].pos_ == "PROPN":
                a -= 1
            while b < end and doc[b].pos_ == "PROPN":
                b += 1
            # "le Russe", "le Biennois": a demonym after its determiner describes someone
            if not (b - a == 1 and a > left and doc[a - 1].pos_ == "DET" and self.demonym(a)):
                s, e = self._chars(a, b)
                return Mention(s, e, "name", head.i), end
        if not any(doc[k].pos_ in ("NOUN", "PROPN") for k in range(left, end)):
            return None, end
        s, e = self._chars(left, end)
        return Mention(s, e, "description", head.i), end

    def _demonym_entity(self, ei: int) -> bool:
        """A one-word entity that is a demonym after its determiner ("le Fribourgeois");
        a place keeps its name when it is also a demonym ("la Suisse").
        """
        ent = self.ents[ei]
        return len(ent) == 1 and ent.start > 0 and self.doc[ent.start - 1].pos_ == "DET" and (
            self.demonym(ent.start, known=ent.label_ not in ("LOC", "ORG")))

    def demonym(self, i: int, *, known: bool = True) -> bool:
        """Whether token ``i`` is a demonym: a known one (unless ``known`` is False), or a
        town's ("Biennois", "Genevoise"; not "-ais", which ends places: "le Valais").
        """
        word = self.lows[i]
        return known and fold(word) in self.lex.demonyms or re.fullmatch(
            r"[a-zà-ÿ]{3,}(?:ois|oise)s?", word) is not None

    def _in_role_complement(self, head: Token, ei: int) -> bool:
        """A name that only qualifies the complement of an office.

        "la présidente [du groupe des députés RN]" is a person, not the party. A person
        named after the complement is the holder ("le ministre de l'Intérieur Gérald
        Darmanin").
        """
        ent = self.ents[ei]
        if ent.label_ == "PER" or ent.start <= head.i or not self.is_role(head):
            return False
        # (a name coordinated with the office is a second speaker: "le Syndicat des
        # Métallos et [la Fédération …]")
        k = ent.start - 1
        while k > head.i and self.doc[k].pos_ == "DET":
            k -= 1
        if k > head.i and self.lows[k] in ("et", "ou"):
            return False
        return any(self.lows[k] in DE_FORMS or self.doc[k].pos_ == "ADP"
                   for k in range(head.i + 1, ent.start))

    def _headless_relative(self, i: int, hi: int) -> bool:
        """"celui qui …", "celle pour qui …": a demonstrative opening a relative clause."""
        if self.lows[i] not in ("celui", "celle", "ceux", "celles") or i + 1 >= hi:
            return False
        return self.lows[i + 1] in RELATIVES or (
            self.doc[i + 1].pos_ == "ADP" and i + 2 < hi and self.lows[i + 2] in RELATIVES)

    def _apposed_name(self, k: int, hi: int) -> int | None:
        """Entity index of ", Claire Martin," right after a noun phrase, if any.

        An acronym in brackets may stand between them ("le directeur de l'agence (ASE),
        Claire Martin,") or after the name ("le ministre, Pierre Dupont (PS),").
        """
        doc = self.doc
        k = self._past_brackets(k, hi)
        if k + 1 >= hi or doc[k].text != ",":
            return None
        # a civility before the name ("l'avocate, Me Claire Martin,", "le président, le Dr
        # Paul Martin,"), which the model may take into the name ("Docteur Paul Martin")
        first = k + 1
        if k + 3 < hi and self.lows[k + 1] in ("le", "la") and self.lows[k + 2].rstrip(
                ".") in CIVILITIES:
            k += 2
        elif k + 2 < hi and self.lows[k + 1].rstrip(".") in CIVILITIES:
            k += 1
        ei = self.ent_of_tok[k + 1]
        if ei < 0 or not first <= self.ents[ei].start <= k + 1 or self.ents[ei].label_ not in (
                "PER", "ORG"):
            return None
        after = self._past_brackets(self.ents[ei].end, hi)
        if after >= hi or doc[after].text in (",", ".", ")", ";"):
            return ei
        return None

    def _apposed_names(self, k: int, hi: int) -> list[int]:
        """Entity indexes of ", X et Y," (", X, Y et Z,") right after a noun phrase; [] if
        the apposition is not a coordination of people or organisations alone."""
        doc = self.doc
        if k + 1 >= hi or doc[k].text != ",":
            return []
        found: list[int] = []
        j, joined = k + 1, False
        while j < hi:
            first = j
            while j < hi and (self.lows[j].rstrip(".") in CIVILITIES or doc[j].pos_ == "DET"):
                j += 1
            ei = self.ent_of_tok[j] if j < hi else -1
            if ei < 0 or not first <= self.ents[ei].start <= j or self.ents[ei].label_ not in (
                    "PER", "ORG"):
                return []
            found.append(ei)
            j = self.ents[ei].end
            if j + 1 < hi and self.lows[j] == "et" and not joined:
                j, joined = j + 1, True
            elif j + 1 < hi and doc[j].text == "," and not joined and self.ent_of_tok[j + 1] >= 0:
                j += 1
            else:
                break
        if not joined or len(found) < 2 or j < hi and doc[j].text not in (",", ".", ")", ";"):
            return []
        return found

    def _past_brackets(self, k: int, hi: int, width: int = 6) -> int:
        """The token after a short bracketed aside opening at ``k`` ("(ASE)", "(PS)"), else k."""
        if k < hi and self.doc[k].text == "(":
            close = next((j for j in range(k + 1, min(k + width, hi))
                          if self.doc[j].text == ")"), None)
            return close + 1 if close is not None else k
        return k

    def np_after(self, k: int, hi: int, verb: Token | None = None) -> tuple[Mention | None, int]:
        """The noun phrase that starts at (or just after) token ``k``: inverted subjects,
        "selon X" sources.
        """
        doc = self.doc
        if verb is not None:
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubj:pass") and k <= child.i < hi:
                    if child.pos_ == "PRON" and self.pronoun(child) is None:
                        continue
                    if self.quote_of_tok[child.i] != self.quote_of_tok[k]:
                        continue  # a subject the parser found in the next quotation
                    nxt = child.i + 1
                    if self.lows[child.i].rstrip(".") in CIVILITIES and nxt < hi and (
                            self.ent_of_tok[nxt] >= 0):
                        # "explique Me X": the parse made the civility the subject
                        return self.mention_at(self.ents[self.ent_of_tok[nxt]].root, k, hi)
                    return self.mention_at(child, k, hi)
        j = k
        while j < hi:
            if doc[j].pos_ == "ADV" or self.lows[j] in TIME_WORDS:
                j += 1
            elif self.lows[j] in ("ce", "cet", "cette") and j + 1 < hi and self.lows[
                    j + 1] in TIME_WORDS | TIME_NOUNS or j > k and doc[j].like_num and (
                    self.lows[j - 1] in TIME_WORDS):
                # a date before the subject: "prévient [ce mercredi 24 août] le ministre"
                j += 1
            elif tuple(self.lows[j:j + 3]) in SIDE_LOCUTIONS:
                # "assure [de son côté] X": whose turn it is, before the subject
                j += 3
            elif verb is not None and self.lows[j] in DE_FORMS and j + 2 < hi and self.lows[
                    j + 1] in MANNER_NOUNS and doc[j + 2].pos_ in ("ADJ", "ADV"):
                # "a lancé [de manière colérique] X": how it was said, before the subject
                j += 3
                while j < hi and doc[j].pos_ == "ADV":
                    j += 1
            elif verb is not None and doc[j].pos_ == "ADP" and self.lows[j] not in DE_FORMS:
                # "a expliqué [à Reuters] X": skip the indirect object
                j += 1
                while True:
                    while j < hi and doc[j].pos_ == "DET":
                        j += 1
                    if j < hi and self.ent_of_tok[j] >= 0:
                        j = self.ents[self.ent_of_tok[j]].end
                    else:
                        while j < hi and doc[j].pos_ in ("NOUN", "ADJ", "NUM"):
                            j += 1
                    # (and its complements: "a réagi [après le vote du report de
                    # l'élection] X")
                    if j + 1 < hi and self.lows[j] in DE_FORMS and self.ent_of_tok[j + 1] < 0:
                        j += 1
                        continue
                    break
            else:
                break
        for m in range(j, min(j + 5, hi)):
            t = doc[m]
            if t.text[:1].isupper() and self.lows[m].rstrip(".") in CIVILITIES and (
                    m + 1 < hi and self.ent_of_tok[m + 1] >= 0
                    and self.ents[self.ent_of_tok[m + 1]].start == m + 1):
                continue  # "a déploré [Me] Claire Martin": the civility is no mention
            if self._headless_relative(m, hi):
                return self.mention_at(t, j, hi)
            if self.pronoun(t) is not None:
                return self.pronoun(t), m + 1
            if self.lows[m] in ("un", "une") and m + 1 < hi and self.lows[m + 1] in (
                    "des", "d'entre"):
                return self.mention_at(t, j, hi)  # "a dit l'un des manifestants, X,"
            if t.pos_ in ("NOUN", "PROPN") or self.ent_of_tok[m] >= 0:
                head = t
                ei = self.ent_of_tok[m]
                if ei >= 0 and self.ents[ei].root.i < hi:
                    head = self.ents[ei].root
                return self.mention_at(head, j, hi)
            if t.pos_ not in ("DET", "ADJ", "NUM") and not (m == j and self.lows[m] in (
                    "des", "du")):  # (the indefinite tagged as a preposition: "des élus")
                break
        return None, k

    def _verb_group_start(self, verb: Token) -> int:
        """First token of the verb group: auxiliaries, clitics and "ne" before the verb."""
        doc = self.doc
        first = min([c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
                    + [verb.i])
        while first > 0 and (lower_form(doc[first - 1]) in CLITICS or lower_form(doc[first - 1]) in
                             AUX_FORMS) and first - 1 >= self._seg(verb.i)[0]:
            first -= 1
        return first

    def is_inverted(self, verb: Token) -> bool:
        """Whether the verb group opens a postposed frame: right after a comma or a
        closing mark, with no subject before it ("…, a annoncé le président X").
        """
        doc = self.doc
        if "Pres" in verb.morph.get("Tense") and "Part" in verb.morph.get("VerbForm"):
            return False
        first = self._verb_group_start(verb)
        k = first - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or doc[k].text not in (",", "»", "”", '"', "—", "–"):
            return False
        # (a subject the parse found inside the quotation before is none of the frame's)
        if any(c.dep_ in ("nsubj", "expl:subj") and c.i < first and not self._in_quote(c.i)
               for c in verb.children):
            return False
        if doc[k].text == ",":
            # "M. X, rapporteur du texte, s'est félicité": no clause before, so no inversion;
            # nor after a relative pronoun ("ces attaques, que X, …, a condamnées")
            lo = self._seg(verb.i)[0]
            if self._name_before_apposition(lo, k - 1) is not None:
                return False
            if self._aside_before(k - 1, lo) is not None:
                return False  # "X, qui représente Y, a réagi": a relative clause about X
            for t in reversed(doc[lo:k]):
                if "Fin" in t.morph.get("VerbForm") and t.dep_ != "case" or self._in_quote(t.i):
                    return True
                if self.lows[t.i] in RELATIVES and t.pos_ in ("PRON", "SCONJ"):
                    return False
            return False
        return True

    def _aside_before(self, k: int, lo: int) -> int | None:
        """The comma that opens an aside ending at token ``k``, else None.

        A comparison, a relative clause, a participle or a prepositional phrase between
        commas: ", tout comme Y,", ", ainsi que Y,", ", à l'instar de Y,", ", qui représente
        Y,", ", interrogé mardi sur ces propos,", ", dans un communiqué,".
        """
        doc = self.doc
        comma = next((j for j in range(k, lo - 1, -1) if doc[j].text == ","), None)
        if comma is None or comma <= lo or comma + 1 > k:
            return None
        words = " ".join(self.lows[comma + 1:min(comma + 4, k + 1)]).replace("' ", "'")
        finite = any("Fin" in doc[j].morph.get("VerbForm") for j in range(comma + 2, k + 1))
        relative = self.lows[comma + 1] in ("qui", "dont") and finite
        opener = doc[comma + 1]
        adjunct = not finite and not self._in_quote(opener.i) and (
            opener.pos_ == "ADP" or opener.pos_ == "VERB" and "Part" in opener.morph.get(
                "VerbForm"))
        return comma if words.startswith(COMPARISONS) or relative or adjunct else None

    def np_before(self, end: int, lo: int) -> Mention | None:
        """A subject read linearly: the noun phrase that ends right before token ``end``,
        after any adjunct that opens the clause ("Malgré …, [X et Y] ont nié").
        """
        doc = self.doc
        k = end - 1
        while k >= lo and (doc[k].is_space or doc[k].text == ","):
            k -= 1
        aside = self._aside_before(k, lo) if k < end - 1 else None
        if aside is not None:
            # "X, tout comme Y, pense que": Y is compared with the subject, not the subject;
            # "X, qui représente Y, a réagi": nor is the relative clause about X
            return self.np_before(aside, lo)
        if k < end - 1:
            apposed = self._name_before_apposition(lo, k)
            if apposed is not None:
                return apposed
        start = k + 1
        while start - 1 >= lo:
            t = doc[start - 1]
            # (a name the tagger mistook for another part of speech is a noun: "Macron/ADV")
            if t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") or t.text in (",", "-") or (
                    t.pos_ == "CCONJ" and lower_form(t) == "et") or lower_form(t) in DE_FORMS or (
                    self.ent_of_tok[t.i] >= 0 and t.is_title):
                start -= 1
            else:
                break
        # a clause-initial adjunct ("Malgré la pression sur X, …", "Cette semaine, …",
        # "Interrogé par France Info, …") runs to its comma
        piece = lo
        for comma in [j for j in range(lo, k) if doc[j].text == ","]:
            words = doc[piece:comma]
            if not len(words) or not (words[0].pos_ in ("ADP", "SCONJ", "ADV") or any(
                    t.lemma_.lower() in TIME_NOUNS for t in words) or (
                    piece == lo and "Part" in words[0].morph.get("VerbForm"))):
                break
            start = max(start, comma + 1)
            piece = comma + 1
        if doc[lo].pos_ in ("ADP", "SCONJ", "ADV") and start <= lo:
            return None
        while start <= k and (doc[start].text == "," or doc[start].pos_ in ("CCONJ", "ADP")):
            start += 1
        if start > k:
            return None
        pron = self.pronoun(doc[k])
        if pron is not None and start == k:
            return pron
        heads = [t for t in doc[start:k + 1] if t.head.i < start or t.head.i > k or t.head == t]
        if not heads:
            return None
        mention = self.mention_at(heads[0], start, k + 1)[0]
        # ("[Toutes les sensibilités], …": "tout" before the determiner)
        determined = doc[start].pos_ == "DET" or self.lows[start] in (
            "tout", "toute", "tous", "toutes") and start + 1 <= k and doc[start + 1].pos_ == "DET"
        if mention is None or mention.kind == "description" and not determined:
            return None
        return mention

    def _name_before_apposition(self, lo: int, k: int) -> Mention | None:
        """"[X], directeur de …, a déploré": a name followed by an apposition that runs to
        token ``k`` (participles allowed, no finite verb), after the segment start or a
        comma.
        """
        doc = self.doc
        for ei in dict.fromkeys(self.ent_of_tok[lo:k]):
            if ei < 0:
                continue
            ent = self.ents[ei]
            if ent.end + 1 > k or doc[ent.end].text != "," or not (
                    ent.label_ in ("PER", "ORG") and self.eligible_ent(ei, lo)
                    # a name of any kind, when the apposition says what it is
                    or ent.label_ == "MISC" and self.is_role(
                        self._apposition_head(ent.end + 1, k))):
                continue
            b = ent.start - 1
            while b >= lo and (doc[b].pos_ == "DET" or self.lows[b].rstrip(".") in CIVILITIES):
                b -= 1
            if b >= lo and doc[b].text != ",":
                continue
            rest = doc[ent.end + 1:k + 1]
            # (a speaker noun the tagger took for a verb counts: "X, élève en 3e,")
            role = self.is_role(rest[0])
            if rest[0].pos_ not in ("DET", "NOUN", "ADJ") and not role or any(
                    ("Fin" in t.morph.get("VerbForm") and not (role and t.i == rest[0].i))
                    or self._in_quote(t.i) or self.lows[t.i] in RELATIVES for t in rest):
                continue
            return Mention(ent.start_char, ent.end_char, "name", ent.root.i, ent)
        return None

    def _apposition_head(self, a: int, k: int) -> Token:
        """The first noun of tokens [a, k] (the head of an apposition), else token a."""
        return next((t for t in self.doc[a:k + 1] if t.pos_ in ("NOUN", "PROPN")), self.doc[a])

    def _after_avant(self, verb: Token) -> bool:
        """"…, avant d'ajouter que …": an infinitive that continues the report before it."""
        return "Inf" in verb.morph.get("VerbForm") and verb.i >= 2 and self.lows[
            verb.i - 2] == "avant" and self.lows[verb.i - 1] in ("de", "d'")

    def _reporting_ancestor(self, verb: Token) -> Token | None:
        """"X a répété que A, tout en admettant …": a present participle after a comma or
        "en" (or an infinitive after "avant de") that the parse hung inside a reported
        clause goes with the verb reporting it.
        """
        avant = self._after_avant(verb)
        if not avant and (not ("Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get(
                "Tense")) or self.lows[self._verb_group_start(verb) - 1] not in (
                ",", "en", "tout")):
            return None
        found = next((a for a in verb.ancestors if a.i < verb.i and a.pos_ == "VERB"
                      and self.cue_lemma(a, strict=False) and (avant or any(
                          c.dep_ == "ccomp" and c.i < verb.i for c in a.children)
                          # (or the incise of a quotation: "« … », a souligné X, ajoutant …")
                          or self.is_inverted(a))), None)
        if found is None and (self.lows[verb.i - 1] == "en" or avant):
            # a gerund ("…, assure X, tout en précisant …"): the last cue before it
            lo = self._seg(verb.i)[0]
            found = next((t for t in reversed(self.doc[lo:verb.i - 1]) if t.pos_ == "VERB"
                          and not self._in_quote(t.i) and self.cue_lemma(t, strict=True)), None)
        return found

    def inverted_subject(self, verb: Token) -> Mention | None:
        """The subject of a postposed frame's verb: "-t-il", or the noun phrase after it."""
        hi = self._seg(verb.i)[1]
        for k in range(self._verb_group_start(verb), min(verb.i + 3, hi)):
            if self.doc[k].text.startswith("-"):
                pron = self.pronoun(self.doc[k])
                if pron is not None:
                    return pron
        return self.np_after(verb.i + 1, hi, verb)[0]

    def _relative_antecedent_noun(self, qui: Token, verb: Token) -> Token:
        """The noun "qui" stands for: the nearest noun before it that agrees in number with
        the verb ("les hypothèses du gouvernement, qui prévoit"), else the parser's head.
        """
        doc = self.doc
        number = set(verb.morph.get("Number"))
        for aux in verb.children:
            if aux.dep_.startswith("aux") and aux.morph.get("Number"):
                number = set(aux.morph.get("Number"))
        k = qui.i - 1
        while k >= 0 and doc[k].text == ",":
            k -= 1
        for j in range(k, max(k - 6, -1), -1):
            t = doc[j]
            if t.pos_ in ("NOUN", "PROPN"):
                if not number or not t.morph.get("Number") or set(t.morph.get("Number")) & number:
                    return t
            if t.pos_ in ("VERB", "AUX", "PUNCT"):
                break
        return verb.head

    def _in_adjunct(self, subj: Token, first: int, lo: int) -> int | None:
        """The comma that opens an adjunct ("…, sans mentionner X, a souligné") holding
        the parser's subject, or None.
        """
        doc = self.doc
        if not any(doc[j].text == "," for j in range(subj.i, first)):
            return None
        comma = next((j for j in range(subj.i - 1, lo - 1, -1) if doc[j].text == ","), None)
        if comma is None or comma + 1 >= subj.i + 1:
            return None
        if any(doc[j].dep_ == "mark" and doc[j].head == subj.head
               for j in range(comma + 1, subj.i)):
            return None  # "…, après que le ministre, X, a affirmé": the verb's own clause
        opener = doc[comma + 1]
        if self.lows[opener.i] in RELATIVES:
            return None
        if opener.pos_ in ("ADP", "SCONJ") or opener.pos_ == "VERB" and (
                {"Inf", "Part"} & set(opener.morph.get("VerbForm"))):
            return comma
        return None

    def subject(self, verb: Token) -> Mention | None:
        """The speaker mention of a preposed frame: the verb's subject, an inverted pronoun,
        the subject of the verb it is coordinated with ("X a évité …, mais a souligné que"),
        the antecedent of "qui", else the noun phrase right before the verb group.
        """
        doc = self.doc
        lo = self._seg(verb.i)[0]
        reporter = self._reporting_ancestor(verb)
        if reporter is not None:
            if self.is_inverted(reporter):
                return self.inverted_subject(reporter)
            return self.subject(reporter)
        purpose = self._purpose_head(verb) if "Inf" in verb.morph.get("VerbForm") else None
        if purpose is not None:
            return self.subject(purpose)  # "X a manifesté pour réclamer …"
        if verb.dep_ == "advcl" and verb.head.i > verb.i and verb.head.pos_ == "VERB" and (
                any(c.dep_ == "mark" and self.lows[c.i] == "après" for c in verb.children)
                or "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")):
            # "Après avoir réitéré ses excuses, il …", "(En) dénonçant …, la ministre a …":
            # the subject of the clause that follows
            return self.subject(verb.head)
        v = verb
        for _ in range(3):
            first = self._verb_group_start(v)
            for k in range(first, min(v.i + 3, len(doc))):
                if doc[k].text.startswith("-"):
                    pron = self.pronoun(doc[k])
                    if pron is not None:
                        return pron
            # (the subject of a pronominal verb the parse took for a passive: "X s'est
            # inquiétée")
            # (and one the parse hung on a locution before the participle: "X a [d']abord
            # rappelé")
            adverbs = [c for c in v.children if c.dep_ == "advmod" and c.i < v.i]
            subjects = [c for c in list(v.children) + [g for a in adverbs for g in a.children]
                        if (c.dep_ in ("nsubj", "expl:subj") or (
                            c.dep_ == "nsubj:pass" and (self._pronominal(v) or self._avoir_tense(
                                v)))) and c.i < v.i
                        and c.lemma_.lower() not in TIME_NOUNS]
            for subj in subjects:
                if lower_form(subj) == "qui" and v.dep_ == "acl:relcl":
                    return self.mention_at(self._relative_antecedent_noun(subj, v), lo, subj.i)[0]
                if lower_form(subj) == "qui" and subj.i > lo:
                    # a relative clause the parse did not attach to its noun ("…, a déploré
                    # sa directrice X, qui dénonçait …"): the noun phrase before "qui"
                    return self.np_before(subj.i, lo)
                comma = self._in_adjunct(subj, first, lo)
                if comma is not None:
                    return self.np_before(comma, lo)
                mention = self.mention_at(subj, lo, first if subj.head == v else min(
                    first, subj.right_edge.i + 1))[0]
                if mention is not None and mention.kind == "description" and self.lows[
                        self._first_tok_at(mention.start) - 1] == ",":
                    # "Me X, avocate de la victime, a réagi": the name the parse left out
                    mention = self._name_before_apposition(lo, first - 2) or mention
                if not self._speaker_like(mention):
                    # "Le 29 avril, le ministre, X, écrivait": the parse took a date
                    mention = self._name_after_description(lo, first) or mention
                if mention is not None:
                    return mention
            if subjects:
                return None
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i:
                if self.lows[self._verb_group_start(v) - 1] != ",":
                    return self.mention_at(v.head, lo, v.i)[0]
                # "X a rassuré la population, précisant que": the subject of the clause
                v = v.head.head if v.head.head.i < v.i else v
                if v.pos_ in ("VERB", "AUX"):
                    continue
                break
            if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i < v.i and v.head.pos_ in (
                    "VERB", "AUX", "ADJ", "NOUN"):
                head = v.head
                if v.dep_ == "conj" and head.dep_ == "ccomp" and any(
                        c.dep_ == "mark" and self.lows[c.i] in ("que", "qu'")
                        for c in head.children):
                    # "X a estimé que A et a appelé …": the parser put the second verb in the
                    # reported clause; its subject is the reporter's
                    head = head.head
                v = head
                continue
            break
        if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
            # "…, précisant que": a participle's subject is its clause's, never the noun
            # right before it
            head = verb.head
            while head.pos_ not in ("VERB", "AUX") and head.head != head and head.dep_ in (
                    "fixed", "dep", "advmod", "mark", "case") and head.head.i < verb.i:
                head = head.head  # "tout en précisant": the participle hangs on "tout"
            if head != verb and head.pos_ in ("VERB", "AUX") and head.i < verb.i:
                if self.cue_lemma(head, strict=False) is not None and self.is_inverted(head):
                    # "« … », assure le ministre, tout en précisant que": the inverted subject
                    return self.inverted_subject(head)
                return self.subject(head)
            if head.pos_ in ("NOUN", "PROPN") and head.i < verb.i and (
                    self.lows[self._verb_group_start(verb) - 1] == ","):
                # "sur lequel l'a rejoint [son confrère X], relevant que": the inverted
                # subject of a verb whose object is a clitic before it (the parse calls it
                # the object)
                v = head.head
                if head.dep_ == "nsubj" or head.dep_ == "obj" and v.i < head.i and any(
                        c.dep_ == "obj" and c.i < v.i and c.pos_ == "PRON" for c in v.children):
                    return self.mention_at(head, self._seg(head.i)[0], verb.i - 1)[0]
            return None
        first = self._verb_group_start(verb)
        if verb.dep_ == "conj" and first > lo and doc[first - 1].pos_ == "CCONJ":
            # "X estime avoir rempli ses obligations et considère que": the noun phrase
            # before "et" closes the first conjunct; the subject is the one of its head
            top = verb
            while top.dep_ in ("conj", "xcomp", "advcl") and lo <= top.head.i < top.i:
                top = top.head
            if top == verb:
                return None
            first = self._verb_group_start(top)
        return self._name_after_description(lo, first) or self.np_before(first, lo)

    def _name_after_description(self, lo: int, first: int) -> Mention | None:
        """The name in apposition to a role just before the verb group at ``first``.

        "Sur Twitter, le ministre de la Santé, [X], écrivait": the description (a
        determiner, then a speaker noun and its complements) stands between commas before
        the name.
        """
        doc = self.doc
        k = first - 1
        while k >= lo and doc[k].is_space:
            k -= 1
        ei = self.ent_of_tok[k - 1] if k - 1 >= lo and doc[k].text == "," else -1
        if ei < 0 or self.ents[ei].end != k or self.ents[ei].label_ not in ("PER", "ORG") or (
                not self.eligible_ent(ei, lo)):
            return None
        c = self.ents[ei].start - 1
        if c <= lo or doc[c].text != ",":
            return None
        j = c - 1
        while j > lo and (doc[j - 1].pos_ in ("DET", "NOUN", "PROPN", "ADJ")
                          or self.lows[j - 1] in DE_FORMS) and doc[j - 1].text != ",":
            j -= 1
        head = next((t for t in doc[j:c] if t.pos_ in ("NOUN", "PROPN")), None)
        # (not the second member of a coordination: "X et son ministre, Y, ont nié")
        if head is None or doc[j].pos_ != "DET" or not self.is_role(head) or (
                j > lo and doc[j - 1].text != ","):
            return None
        ent = self.ents[ei]
        return Mention(ent.start_char, ent.end_char, "name", ent.root.i, ent)

    # ---- titles ------------------------------------------------------------------

    def _is_title(self, q: QuotedSpan) -> bool:
        """Quoted titles and names: « Vivement dimanche » after "émission", "intitulé", or a
        capitalised multi-word label without a verb (all words capitalised, or the object of
        a preposition: "avec « Les aventures du baron »").
        """
        doc = self.doc
        inside = [doc[i] for i in self._tok_range(q.start, q.end)]
        words = [t for t in inside if t.is_alpha]
        if not words:
            return True
        capital = q.start < len(self.text) and self.text[q.start].isupper()
        k = self._first_tok_at(q.open) - 1
        steps = 0
        while k >= 0 and steps < 3 and doc[k].pos_ in ("ADJ", "DET") and not doc[k].is_space:
            k -= 1
            steps += 1
        if k >= 0 and capital:
            t = doc[k]
            if t.lemma_.lower() in self.lex.title_nouns or lower_form(t) in self.lex.title_nouns:
                return True
        if len(words) >= 2 and all(w.text[:1].isupper() for w in words) and not any(
                t.pos_ in ("VERB", "AUX") for t in inside) and self.text[q.end - 1] not in ".!?":
            return True
        # "découvrir l'opéra avec « Les aventures du baron »": a capitalised phrase without a
        # verb as the object of a preposition names a work, it reports nobody's words
        j = self._first_tok_at(q.open) - 1
        if capital and len(words) >= 2 and j >= 0 and doc[j].pos_ == "ADP" and not any(
                t.pos_ in ("VERB", "AUX") for t in inside) and self.text[q.end - 1] not in ".!?…":
            return True
        # « Boussole » (Actes Sud), « Dune » (2021): a work cited with its publisher or year
        if capital and q.close is not None and self.text[q.end - 1] not in ".!?…" and \
                CITATION_RE.match(self.text, q.close + 1):
            return True
        ents = [e for e in self.ents if e.start_char == q.start and e.end_char == q.end]
        return bool(ents) and ents[0].label_ == "MISC"

    # ---- clause boundaries ---------------------------------------------------------

    def _has_main_verb(self, a: int, k: int) -> bool:
        """Whether tokens [a, k) hold a finite verb outside a relative clause and quotation.

        "contrairement à Y, qui est « Z »," is an adjunct, not a clause: the clause that
        follows its comma is the reported one.
        """
        doc = self.doc

        def relative(x: Token) -> bool:
            return x.dep_ == "acl:relcl" or any(c.dep_ in ("nsubj", "obj", "obl") and (
                self.lows[c.i] in RELATIVES) for c in x.children)

        return any("Fin" in doc[i].morph.get("VerbForm") and not self._in_quote(i) and not any(
            a <= x.i < k and relative(x) for x in [doc[i], *doc[i].ancestors])
            for i in range(a, k))

    def clause_end(self, a: int, hi: int, quote: int = -1) -> int:
        """End (exclusive) of a reported clause that starts at ``a``: the segment end, or an
        earlier cut before a postposed frame (", a rapporté X"), a postposed source
        (", selon X"), a participial, "avant de" or ", alors que" continuation, a colon or
        semicolon, or a coordinated verb of the frame ("… et a appelé …").
        """
        doc = self.doc
        # (a clause inside dashes ends at the closing one: "– les syndicats dénoncent [une
        # tentative de déstabilisation] – X s'est dit …")
        in_dashes = sum(doc[j].text in DASHES for j in range(self._seg(a)[0], a)) % 2 == 1
        for k in range(a, hi):
            if self._in_quote(k) and (quote < 0 or self.quote_of_tok[k] != quote):
                continue
            t = doc[k]
            low = lower_form(t)
            if low in (";", ":") or t.is_space and "\n" in t.text or in_dashes and (
                    t.text in DASHES):
                return k
            if low == "," and k + 1 < hi:
                nxt = doc[k + 1]
                if self.postposed(k, hi, incise=True) is not None:
                    return k
                if self.marker_at(k + 1) is not None:
                    mention, end = self._marker_np(k + 1, hi)
                    if mention is not None and self._ends_source(end, hi):
                        return k
                if nxt.pos_ == "VERB" and "Part" in nxt.morph.get("VerbForm") and "Pres" in (
                        nxt.morph.get("Tense")) and not (
                        # (not a participle that qualifies a noun of the clause: "il s'agit
                        # de X et Y, [appartenant à l'escadron de …]")
                        nxt.dep_ == "acl" and a <= nxt.head.i < k and nxt.head.pos_ in (
                            "NOUN", "PROPN") and self.cue_lemma(nxt, strict=False) is None):
                    return k
                if lower_form(nxt) in ("avant", "tout", "ajoutant", "citant"):
                    return k
                if lower_form(nxt) == "alors" and k + 2 < hi and self.lows[k + 2] in ("que", "qu'"):
                    return k  # ", alors que …": the writer's contrast, not the source's
                # "… que A, X affirme B": a new clause with its own reporting verb (not when A
                # has no verb of its own: "que contrairement à Y, qui est …, X défend B")
                # (not a subordinate clause: "…, quand on l'a prévenu")
                for j in range(k + 2, min(k + 8, hi) if self._has_main_verb(a, k) and lower_form(
                        nxt) not in ("quand", "lorsque", "lorsqu'", "si", "s'", "comme",
                                     "parce", "puisque", "puisqu'") else k):
                    if "Fin" in doc[j].morph.get("VerbForm") or doc[j].text in STOP_PUNCT:
                        # (a compound tense: the participle after its auxiliary, "X a
                        # déclaré que B")
                        verb = doc[j].head if doc[j].dep_.startswith("aux") and (
                            doc[j].head.i > j) else doc[j]
                        if self.cue_lemma(verb, strict=True) and any(
                                c.dep_ == "nsubj" and k < c.i < j for c in verb.children):
                            return k
                        break
            if t.pos_ == "CCONJ" and low in ("et", "mais", "puis"):
                j = k + 1
                while j < hi and lower_form(doc[j]) in CLITICS:
                    j += 1

                if (j + 1 < hi and lower_form(doc[j]) in AUX_FORMS and doc[j + 1].pos_ == "VERB"
                        and "Part" in doc[j + 1].morph.get("VerbForm")):
                    return k
                # (Not "que M. X a des remords et [devrait] être condamné": a simple tense
                # the parse coordinates with a verb of the reported clause, unless it
                # reports speech too: "constate que A, mais ajoute que B".)
                if j < hi and doc[j].pos_ == "VERB" and "Fin" in doc[j].morph.get("VerbForm") and (
                        not any(c.dep_.startswith("nsubj") and c.i > k for c in doc[j].children)
                ) and not (doc[j].dep_ == "conj" and a <= doc[j].head.i < k
                           and not self.cue_lemma(doc[j], strict=True)):
                    return k
        return hi

    def _ends_clause(self, k: int, hi: int) -> bool:
        doc = self.doc
        if k < hi and doc[k].text == "(":
            close = next((j for j in range(k, min(k + 8, hi)) if doc[j].text == ")"), None)
            k = close + 1 if close is not None else k
        return k >= hi or doc[k].text in (".", "!", "?", "…", ";") or doc[k].is_space

    def _ends_source(self, k: int, hi: int) -> bool:
        """A postposed source ends its sentence, or a colon follows it.

        "[A], selon le ministère : le Centre, le Littoral …": what follows the colon
        details the clause before.
        """
        return self._ends_clause(k, hi) or k < hi and self.doc[k].text == ":" and (
            not self._in_quote(k))

    def content_start(self, a: int, hi: int) -> int:
        """Skip leading punctuation and connectives ("Cependant,") of a content span."""
        doc = self.doc
        while a < hi and (doc[a].is_space or doc[a].text in (",", "—", "–", "-")):
            a += 1
        if a < hi and self.para_of_tok[a] <= 1 and (a == 0 or doc[a - 1].is_space):
            # an agency dateline opening the article ("PARIS (AFP) -", "Paris, France |
            # AFP | mardi 14/05/2024 -", after the headline if any) is no part of what was
            # said
            m = DATELINE.match(self.text, doc[a].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
            if m is not None:
                a = max(a, self._first_tok_at(m.end()))
        for n in (3, 2, 1):
            if a + n < hi and doc[a + n].text == ",":
                words = " ".join(lower_form(doc[j]) for j in range(a, a + n)).replace("' ", "'")
                if words in self.lex.connectives:
                    return self.content_start(a + n + 1, hi)
        if a < hi and doc[a].pos_ == "CCONJ" and lower_form(doc[a]) in self.lex.connectives:
            a += 1
        return a

    def trim(self, a: int, b: int, quote: int = -1) -> tuple[int, int] | None:
        """Character span of tokens [a, b) without spaces and a final . , ; :

        A span never cuts a quotation in two, except ``quote``, the one it lies in.
        """
        doc = self.doc
        while b > a and (doc[b - 1].is_space or doc[b - 1].text in FINAL_PUNCT):
            b -= 1
        while a < b and (doc[a].is_space or doc[a].text in (",", ";", ":")):
            a += 1
        if b <= a:
            return None
        # a content span never cuts a quotation in two
        if quote >= 0 and self.quote_of_tok[a] == self.quote_of_tok[b - 1] == quote:
            return self._chars(a, b)
        if self._in_quote(a):
            a = min(a, self._first_tok_at(self.quotes[self.quote_of_tok[a]].open))
        if self._in_quote(b - 1):
            b = max(b, self._tok_range(self.quotes[self.quote_of_tok[b - 1]].open,
                                       self.quotes[self.quote_of_tok[b - 1]].outer_end).stop)
        return self._chars(a, b)

    # ---- frames --------------------------------------------------------------------

    def marker_at(self, k: int) -> tuple[str, bool, int] | None:
        """(cue, clause-initial only, first token after the marker) for "selon", "d'après"…"""
        lows = self.lows
        for tokens, cue, initial in self.lex.marker_index.get(lows[k], ()):
            n = len(tokens)
            if k + n <= len(lows) and all(lows[k + j] == tokens[j] for j in range(1, n)):
                return cue, initial, k + n
        return None

    def _marker_np(self, k: int, hi: int) -> tuple[Mention | None, int]:
        m = self.marker_at(k)
        if m is None:
            return None, k
        after = m[2]
        if after + 1 < hi and self.lows[after] == "ce" and self.lows[after + 1] in ("que", "qu'"):
            return self._what_source_said(after + 2, hi)
        if after < hi and (lower_form(self.doc[after]) in self.lex.non_sources
                           or self.doc[after].lemma_.lower() in self.lex.non_sources):
            return None, after
        mention, end = self.np_after(after, hi)
        if mention is not None and mention.kind == "pronoun" and (
                mention.start < self.doc[after].idx):
            return None, after
        # the noun's lemma may say it is no source ("selon les cas")
        if mention is not None and self.doc[mention.head].lemma_.lower() in self.lex.non_sources:
            return None, end
        possessor = self._possessor(mention) if mention is not None else None
        if possessor is not None:
            return possessor, end
        if mention is not None and mention.kind == "description":
            author = self._document_author(mention, end)
            if author is not None:
                return author, end
        return mention, end

    def _possessor(self, mention: Mention) -> Mention | None:
        """"selon ses explications", "selon leurs dires": the possessive stands for the
        speaker, a pronoun of unknown gender.
        """
        head = self.doc[mention.head]
        det = next((c for c in head.children if c.dep_ == "det" and c.i < head.i
                    and self.lows[c.i] in POSSESSIVE_NUMBER), None)
        if det is None or head.lemma_.lower() not in SPEECH_NOUNS:
            return None
        return Mention(det.idx, det.idx + len(det.text), "pronoun", det.i, None, "-",
                        POSSESSIVE_NUMBER[self.lows[det.i]])

    def _what_source_said(self, a: int, hi: int) -> tuple[Mention | None, int]:
        """"Selon ce que [des sources] ont indiqué à CNN, …", "d'après ce qu'a rapporté [le
        quotidien], …": the subject of the speech verb of the relative, up to its comma.
        """
        doc = self.doc
        comma = next((j for j in range(a, min(a + 25, hi)) if doc[j].text == ","
                      and not self._in_quote(j)), None)
        verb = next((t for t in doc[a:comma] if t.pos_ == "VERB" and self.cue_lemma(
            t, strict=False) is not None), None) if comma is not None else None
        if verb is None:
            return None, a
        subj = next((c for c in verb.children if c.dep_.startswith("nsubj")
                     and a <= c.i < comma), None)
        if subj is None or subj.i < verb.i and self.lows[subj.i] in CLITICS:
            # the inverted subject ("ce qu'a rapporté le quotidien", "ce que nous a confié
            # un proche": the parse may take the clitic for the subject)
            return self.np_after(verb.i + 1, comma)[0], comma
        return self.mention_at(subj, a if subj.i < verb.i else verb.i + 1, comma)[0], comma

    def _document_author(self, mention: Mention, end: int) -> Mention | None:
        """"une étude de [l'OCDE]", "un rapport de [l'ONU]": the author of a source document."""
        head = self.doc[mention.head]
        if head.lemma_.lower() not in self.lex.source_nouns:
            return None
        for k in range(head.i + 1, end):
            ei = self.ent_of_tok[k]
            if (ei >= 0 and self.ents[ei].label_ in ("PER", "ORG")
                    and self.lows[k - 1] in DE_FORMS | {"l'", "le", "la", "les"}
                    and self.ents[ei].start == k):
                ent = self.ents[ei]
                return Mention(ent.start_char, ent.end_char, "name", ent.root.i, ent)
        return None

    def _relative_selon(self, k: int, lo: int, hi: int) -> Report | None:
        """"la déclaration du président X selon laquelle [clause]": X is the speaker."""
        doc = self.doc
        if k + 2 < hi and self.lows[k + 1] == "qui":
            return self._selon_qui(k, lo, hi)
        if k + 1 >= hi or self.lows[k + 1] not in ("laquelle", "lequel", "lesquels", "lesquelles"):
            return None
        noun = doc[k - 1] if k - 1 >= lo else None
        if noun is None:
            return None
        while noun.head.i < k and noun.head.i >= lo and noun.head != noun and noun.dep_ in (
                "nmod", "flat:name", "appos", "amod", "fixed", "flat"):
            noun = noun.head
        speaker = None
        names = [ei for ei in dict.fromkeys(self.ent_of_tok[noun.left_edge.i:k]) if ei >= 0
                 and self.ents[ei].label_ in ("PER", "ORG")]
        if names:
            ent = self.ents[names[0]]
            speaker = Mention(ent.start_char, ent.end_char, "name", ent.root.i, ent)
        else:
            owner = next((c for c in noun.children if c.dep_ == "nmod" and c.i < k
                          and self.is_role(c)), None)
            if owner is not None:
                speaker = self.mention_at(owner, owner.i, k)[0]
        a = k + 2
        b = self.clause_end(a, hi)
        if noun.dep_.startswith("nsubj") and noun.head.i > k:
            # "la déclaration selon laquelle [tout va bien] a surpris"
            b = min(b, self._verb_group_start(noun.head))
        chars = self.trim(a, b)
        if chars is None:
            return None
        return Report(chars[0], chars[1], "indirect", "selon", k, speaker, "pre")

    def _selon_qui(self, k: int, lo: int, hi: int) -> Report | None:
        """"le ministre, X, selon qui [clause]": the one "qui" stands for is the speaker.

        Only a person or organisation name, or a speaker noun, right before the marker (its
        comma aside) is taken for the antecedent: "selon qui" then gives that one's view.
        """
        doc = self.doc
        j = k - 1
        while j >= lo and doc[j].text == ",":
            j -= 1
        if j < lo:
            return None
        ei = self.ent_of_tok[j]
        if ei >= 0 and self.ents[ei].label_ in ("PER", "ORG"):
            ent = self.ents[ei]
            speaker = Mention(ent.start_char, ent.end_char, "name", ent.root.i, ent)
        elif doc[j].pos_ == "NOUN" and self.is_role(doc[j]):
            speaker = self.mention_at(doc[j], lo, j + 1)[0]
        else:
            return None
        b = self.clause_end(k + 2, hi)
        chars = self.trim(k + 2, b)
        if speaker is None or chars is None:
            return None
        return Report(chars[0], chars[1], "indirect", "selon", k, speaker, "pre")

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
        # (not a simple past the tagger calls a participle: "rétorqua")
        participle = self.lows[j].endswith(("é", "ée", "és", "ées")) or (
            "Part" in verb.morph.get("VerbForm") and not self.lows[j].endswith(("e", "a")))
        # "dit", "écrit", "décrit": a present that reads as a participle; a frame only when
        # its subject follows (", dit le maire"), not in an apposition (", écrit en 2019,")
        present_like = j == k and self.lows[j].endswith("it") and (
            j + 1 < hi and self.lows[j + 1] not in ("par", ",", "en", "dans", "pour"))
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
        if between[-2:] in (["à", "ce"], ["de", "ce"]):
            between = between[:-2]  # "a appelé à ce que …"
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

    def _infinitive(self, v: Token, lemma: str, last: int, hi: int) -> tuple[int, int] | None:
        """"a nié [avoir reçu des fonds]", "a appelé les syndicats à [reprendre]"."""
        if lemma not in self.lex.infinitive_verbs:
            return None
        doc = self.doc
        # "accuse le gouvernement de [mentir]", "demande au ministre de [venir]": the parse
        # may hang the infinitive on the object, the agent or the person asked
        # (but the infinitive of a thing the @obj verb reports belongs to it: "a démenti
        # [toute intention de démissionner]")
        told = [c for c in v.children if c.dep_ in ("obj", "obl:agent", "obl:arg", "iobj")
                and not (c.dep_ == "obj" and lemma in self.lex.object_verbs
                         and not self._may_be_told(c))]
        # (or on a participle that qualifies the person asked: "au maire élu de [venir]")
        told += [p for c in told for p in c.children
                 if p.dep_ == "acl" and "Part" in p.morph.get("VerbForm")]
        # ("appelle les pays [à agir]": "à" for the verbs whose "à" complement is the content)
        hung = [g for c in told for g in c.children
                if (g.dep_ in ("acl", "xcomp") or g.dep_ == "nmod" and g.pos_ == "VERB")
                and (self.lows[g.left_edge.i] in DE_FORMS or self.lows[g.left_edge.i] == "à"
                     and lemma in self.lex.a_verbs)]
        for child in sorted(list(v.children) + hung, key=lambda c: c.i):
            # "nier [avoir reçu]": the infinitive may be the auxiliary of a participle
            infinitive = "Inf" in child.morph.get("VerbForm") or any(
                "Inf" in c.morph.get("VerbForm") for c in child.children
                if c.dep_.startswith("aux") and c.i < child.i)
            if child.i <= last or not infinitive or child.dep_ not in (
                    "xcomp", "ccomp", "obj", "advcl", "obl:arg", "acl", "nmod") or any(
                    c.dep_ == "mark" and self.lows[c.i] in ("pour", "afin")
                    for c in child.children):
                continue  # (a purpose is no content: "a proposé à des cadres [pour les inciter]")
            between = list(doc[last + 1: child.left_edge.i])
            # "a annoncé, le 3 février dernier, avoir annulé": an incise without a verb
            # between the cue and its infinitive
            if between and between[0].text == ",":
                close = next((j for j in range(1, len(between)) if between[j].text == ","), None)
                if close is not None and not any(t.pos_ in ("VERB", "AUX")
                                                 for t in between[1:close]):
                    between = between[close + 1:]
            # "a expliqué mercredi à l'issue du conseil, ne pas avoir …": an adjunct without
            # a verb, closed by a comma before the infinitive
            if between and between[-1].text == "," and len(between) <= 16 and not any(
                    t.pos_ in ("VERB", "AUX", "PUNCT") or self._in_quote(t.i)
                    for t in between[:-1]):
                between = []
            # "demande à X de « changer de cap »": the infinitive opens a quotation
            if between and self._opening_quote(between[-1].i) is not None and self._in_quote(
                    child.left_edge.i):
                between = between[:-1]
            # (a participle may qualify the person asked: "au premier ministre élu de …")
            if len(between) > 10 or any(self._in_quote(t.i) or t.pos_ == "PUNCT" or (
                    t.pos_ == "VERB" and "Part" not in t.morph.get("VerbForm")) for t in between):
                return None
            a = child.left_edge.i
            while a < child.i and (self.lows[a] in DE_FORMS or self.lows[a] == "à"):
                a += 1
            b = min(self.clause_end(a, hi), child.right_edge.i + 1)
            # the "que" clause of the infinitive goes to its own end, past an apposition
            # the parse left out ("ajoute attendre que [X, ministre de …, mette …]") or
            # hung on the cue ("disait espérer [que …]")
            que = next((j for j in range(a, min(b + 1, hi)) if self.lows[j] in ("que", "qu'")
                        and doc[j].pos_ == "SCONJ" and (j < b or self.cue_lemma(
                            child, strict=False) is not None)), None)
            if que is not None:
                b = max(b, self.clause_end(que + 1, hi))
            if b < hi and self.lows[b] in ("si", "s'"):
                # "a menacé d'[utiliser la « force » s'il n'était pas rétabli]": the
                # condition the parse hung on the cue
                b = max(self._closing_complement(v, a, b, hi),
                        self._closing_complement(child, a, b, hi))
            return a, b
        return self._adjacent_infinitive(last, hi)

    def _adjacent_infinitive(self, last: int, hi: int) -> tuple[int, int] | None:
        """An infinitive right after the cue that the parse hung elsewhere.

        "X, qui regrette [ne pas avoir été prévenu]": the negation, clitics and auxiliary of
        the infinitive may stand between. Also the infinitive object of an @obj verb
        ("X déplore [ne pas avoir été consulté]"), which the parse hangs anywhere.
        """
        doc = self.doc
        a = last + 1
        j = a
        while j < hi and j - a < 4 and (self.lows[j] in CLITICS
                                        or self.lows[j] in NEGATION_WORDS):
            j += 1
        if j >= hi or self._in_quote(j) or not (
                doc[j].pos_ in ("VERB", "AUX") and "Inf" in doc[j].morph.get("VerbForm")):
            return None
        if self.lows[a] in NEGATION_WORDS:
            return None  # the negation of the cue itself ("ne dit pas …")
        verb = doc[j].head if doc[j].dep_.startswith("aux") and doc[j].head.i > j else doc[j]
        return a, min(self.clause_end(a, hi), max(verb.right_edge.i, j) + 1)

    def _object(self, v: Token, lemma: str, last: int, hi: int) -> tuple[int, int] | None:
        """The object as content: @obj verbs, or any cue when the object holds a quoted
        fragment ("a qualifié la coopération de « sereine »"); the antecedent of a relative
        "que" ("ces attaques, que X a condamnées").
        """
        doc = self.doc
        if last + 1 < hi and doc[last + 1].pos_ == "ADJ":
            return None  # "a reconnu coupable", "a jugé nécessaire"
        # a periphrastic cue ("laisser planer") may hang its object on its second word
        # and the parse may hang it on a time adjunct ("a annoncé [jeudi] la fermeture")
        times = [c for c in v.children if c.i > last and self.lows[c.i] in TIME_WORDS]
        # ("a mis en avant [le recul …]": the object of a periphrastic cue ending with a
        # preposition is parsed as its complement)
        deps = ("obj", "obl:arg") if last > v.i and doc[last].pos_ in ("ADP", "ADV") else ("obj",)
        # (a cue the parse took for a modifier of its subject has its object there:
        # "Stellantis [dément] tout projet")
        mistagged = list(v.head.children) if v.pos_ not in ("VERB", "AUX") and (
            v.head.i < v.i) else []
        # ("a invoqué [des soupçons]": the article "des" the tagger read as a preposition)
        if lemma in self.lex.object_verbs:
            # (and the partitive "de" before an adjective the parser took for a determiner:
            # "réclament [de meilleures conditions]")
            deps += tuple(d for d in ("obl:arg",) if d not in deps and last + 1 < hi and (
                self.lows[last + 1] in ("des", "du") and doc[last + 1].dep_ == "case"
                or self.lows[last + 1] in ("de", "d'") and doc[last + 1].dep_ == "det"))
        obj = next((c for c in list(v.children) + list(doc[last].children)
                    + [g for t in times for g in t.children] + mistagged
                    if c.dep_ in deps and c.i > last and not (
                        self.lows[c.i] in TIME_WORDS and c.n_lefts + c.n_rights == 0)), None)
        if obj is None:
            rel = next((c for c in v.children if c.dep_ == "obj" and self.lows[c.i] in (
                "que", "qu'") and c.i < v.i), None)
            if rel is None:
                complement = self._quoted_complement(v, last, hi)
                if complement is not None:
                    self._complements[v.i] = complement
                return complement or (
                    self._relative_antecedent(v) if lemma in self.lex.object_verbs else None)
            # "qu'il a qualifiée de « … »": the quoted complement
            k = last + 1
            while k < hi and self.lows[k] in DE_FORMS | {"comme"}:
                k += 1
            if k < hi and self._opening_quote(k) is not None:
                return self._quote_tokens(self._opening_quote(k))
            if lemma in self.lex.object_verbs and v.dep_ == "acl:relcl" and v.head.i < rel.i:
                # "ces attaques, que X a condamnées": the antecedent
                head = v.head
                a = max(head.left_edge.i, self._seg(head.i)[0])
                b = rel.i
                while b > a and doc[b - 1].text in (",", "«"):
                    b -= 1
                return (a, b) if b > a else None
            return None
        # a quantity adverb heads its noun phrase: "a déploré [le peu d'intérêt …]"
        quantity = obj.pos_ == "ADV" and any(
            c.dep_ == "nmod" and self.lows[c.left_edge.i] in DE_FORMS for c in obj.children)
        # (a participle used as a noun: "a dénoncé [la remise en cause de …]")
        nominal = obj.pos_ == "VERB" and any(c.dep_ == "det" for c in obj.children)
        if self.lows[obj.i] in TIME_WORDS or obj.pos_ not in (
                "NOUN", "PROPN", "NUM", "X", "ADJ", "PUNCT", "PRON") and not (
                quantity or nominal) or (
                obj.pos_ == "PRON" and (self.lows[obj.i] in CLITICS | RELATIVES)):
            if not self._in_quote(obj.i):
                return None
        a = max(obj.left_edge.i, last + 1)
        # "a dénoncé, lundi, dans un communiqué, [une décision …]": an adjunct closed by a
        # comma that the parse hung on the object
        commas = [j for j in range(a, obj.i) if doc[j].text == "," and not self._in_quote(j)]
        if commas and doc[a].pos_ == "ADP" and self.lows[a] not in DE_FORMS:
            a = commas[-1] + 1
        if last > v.i and a < obj.i and self.lows[a] in ("de", "d'") and doc[a].pos_ == "ADP":
            a += 1  # "a fait part [de] sa « tristesse »": the "de" of the locution
        ends = [c.right_edge.i for c in v.children if c.i > last and c.dep_ in (
            "obj", "obl:arg", "obl", "obl:mod", "nmod", "xcomp", "iobj") and c.i >= a]
        b = min(max(ends) + 1, self.clause_end(a, hi)) if ends else obj.right_edge.i + 1
        quoted = [i for i in range(a, b) if self._in_quote(i)
                  and self.quote_of_tok[i] not in self.titles]
        if quoted and lemma not in self.lex.object_verbs and any(
                self.cue_lemma(doc[i], strict=True) for i in range(a, quoted[0])):
            return None  # the fragment belongs to a report inside the object
        first_word = next((i for i in quoted if not doc[i].is_punct), quoted[0]) if quoted else 0
        before_mark = self.lows[max(self._first_tok_at(
            self.quotes[self.quote_of_tok[quoted[0]]].open) - 1, 0)] if quoted else ""
        if quoted and lemma in self.lex.infinitive_verbs and quoted[0] > obj.i and not (
                before_mark in DE_FORMS and doc[quoted[0]].pos_ not in ("VERB", "AUX")) and (
                # (what the person is asked: "« à la sérénité »", "à « reprendre »", not
                # the object's own complement: "un mot pour « les soldats »")
                self.lows[first_word] in ("de", "d'", "à", "au", "aux") or before_mark in (
                    "à", "au", "aux") or "Inf" in doc[first_word].morph.get("VerbForm")) and (
                all(doc[j].pos_ in ("ADP", "ADV", "PUNCT") for j in range(
                    obj.right_edge.i + 1, quoted[0]))):
            # "appelle les citoyens « à la sérénité »": the quotation after the object (not
            # a name given with "de": "accuse X de « schizophrénie »" is a mixed report)
            return self._quote_tokens(self.quote_of_tok[quoted[0]])
        if lemma not in self.lex.object_verbs and not quoted:
            return None
        if not quoted and v.dep_ in ("xcomp", "acl", "amod") and "Part" in v.morph.get(
                "VerbForm") and "Pres" not in v.morph.get("Tense") and not any(
                c.dep_.startswith("aux") for c in v.children):
            # "les réunions prévues [début 2023]": a past participle without its auxiliary
            # is passive, so the word the parse gives it as object is an adjunct
            return None
        if quoted and b < hi and self._quote_tokens(self.quote_of_tok[quoted[-1]])[1] >= b:
            # "a dénoncé la décision « hostile » [et « inacceptable » des États-Unis …]":
            # the parse often ends the object at its quoted word; the phrase goes on to the
            # end of the clause
            b = max(b, self.clause_end(a, hi))
        if not quoted:
            # a plain object stops at the end of its phrase, with a "de + infinitive" after it
            b = min(b, obj.right_edge.i + 1, self.clause_end(a, hi))
            # and before an adjunct of the verb the parse hung on it ("a reconnu des
            # contacts [en réponse à des questions]")
            b = next((j for j in range(obj.i + 1, b) if any(
                tuple(self.lows[j:j + len(w)]) == w for w in ADJUNCT_OPENERS)), b)
            b = self._enumeration_end(a, b, hi)
            for c in v.children:
                if (c.left_edge.i == b and "Inf" in c.morph.get("VerbForm")
                        and self.lows[b] in DE_FORMS):
                    b = min(c.right_edge.i + 1, self.clause_end(a, hi))
                elif c.i == b and c.dep_ in ("xcomp", "advcl", "acl") and "Part" in c.morph.get(
                        "VerbForm") and "Pres" not in c.morph.get("Tense"):
                    # "[l'intérêt accordé aux producteurs]": a participle the parse hung on
                    # the verb modifies the object
                    b = min(c.right_edge.i + 1, self.clause_end(a, hi))
                elif (c.left_edge.i == b and b < hi and self.lows[b] in DE_FORMS
                      and c.dep_ in ("obl:arg", "obl") and "Inf" not in c.morph.get("VerbForm")):
                    # "a annoncé [le chiffre de plus de 2200 cas]": a complement of the
                    # object the parse hung on the verb
                    b = min(c.right_edge.i + 1, self.clause_end(a, hi))
            b = self._closing_complement(v, a, b, hi)
            # "réclame [une indexation des salaires et une prime]": a second object the
            # parse coordinated with the verb
            second = next((c for c in v.children if c.dep_ == "conj" and c.pos_ in (
                "NOUN", "PROPN") and b + 1 < hi and self.lows[b] in ("et", "ou") and (
                c.left_edge.i in (b, b + 1)) and doc[b + 1].pos_ == "DET"), None)
            if second is not None:
                b = min(second.right_edge.i + 1, self.clause_end(a, hi))
            b = self._trailing_modifier_end(v, a, b, hi)
        # ", qui …" after the object is the journalist's comment (not a verbless "dont"
        # that counts part of it: "a requis [six mois contre trois prévenus, dont deux
        # mineurs]"), and so is the gloss ", soit …" ("des « difficultés » avec la Vivaldi,
        # soit la coalition …")
        b = next((j for j in range(a, b - 1) if self.lows[j] == "," and not self._in_quote(j) and (
            doc[j + 1].pos_ == "PRON" and self.lows[j + 1] in RELATIVES and not (
                self.lows[j + 1] == "dont" and not any(
                    "Fin" in doc[m].morph.get("VerbForm") for m in range(j + 2, b)))
            or self.lows[j + 1] == "soit" and j + 2 < b and doc[j + 2].pos_ in ("DET", "NUM"))),
                 b)
        return a, b

    def _closing_complement(self, v: Token, a: int, b: int, hi: int) -> int:
        """End of a plain object that a closing condition or "pour" phrase completes.

        "annonce [des grèves si rien ne change]", "a souligné [le rôle des femmes pour
        l'avenir du pays]": the parse hangs the "si" clause or the "pour" phrase on the
        verb, but what was announced or stressed is the whole phrase. Only when it runs to
        the end of the sentence, and not a "pour" of a purpose (an infinitive), a time
        ("pour la première fois") or a stance ("pour sa part").
        """
        doc = self.doc
        end = self.clause_end(a, hi)
        if b >= end or self.lows[b] not in ("si", "s'", "pour") or self._in_quote(b):
            return b
        c = next((c for c in v.children if c.left_edge.i == b and c.i > b), None)
        if c is None or not self._ends_clause(c.right_edge.i + 1, hi) or (
                c.right_edge.i + 1 > end):
            return b
        if self.lows[b] == "pour":
            det = doc[b + 1]
            if c.pos_ not in ("NOUN", "PROPN") or det.pos_ != "DET" or "Yes" in det.morph.get(
                    "Poss") or c.lemma_.lower() in TIME_NOUNS or self.lows[c.i] in TIME_WORDS:
                return b
        elif not any("Fin" in t.morph.get("VerbForm") for t in (c, *(
                d for d in c.children if d.dep_.startswith("aux")))) or not any(
                d.dep_.startswith("nsubj") or d.dep_ == "expl:subj" for d in c.children):
            return b
        return c.right_edge.i + 1

    def _trailing_modifier_end(self, v: Token, a: int, b: int, hi: int) -> int:
        """End of a plain object that a prepositional phrase ending its sentence completes.

        "a demandé [des peines entre 6 et 12 mois de prison]", "a rappelé [la position
        belge dans le conflit]", "ont exprimé [un ras-le-bol face au comportement de X]":
        the parse hangs the phrase on the verb. Not a time, a place named by an entity, a
        medium or a document ("dans un communiqué", "sur France Info"), the person told
        ("au ministre") nor an adjunct locution ("lors de", "en marge de").
        """
        doc = self.doc
        end = self.clause_end(a, hi)
        if b >= end or not self._ends_clause(end, hi) or self._in_quote(b) or (
                self.lows[b] not in MODIFIER_PREPOSITIONS) or any(
                tuple(self.lows[b:b + len(w)]) == w for w in ADJUNCT_OPENERS):
            return b
        rest = doc[b:end]
        # (the preposition itself may be tagged a verb: "envers")
        if any(t.text in (",", "(", ":", ";") or "Fin" in t.morph.get("VerbForm") and t.i > b
               for t in rest):
            return b
        # the first noun of the phrase: no time, document, named place, medium or person
        noun = next((t for t in rest if t.pos_ in ("NOUN", "PROPN")), None)
        # (a range is no time: "entre 6 et 12 mois de prison")
        times = TIME_HEADS if self.lows[b] != "entre" else frozenset()
        # (but an attitude towards someone names them: "sa gratitude [envers les
        # joueuses]", "sa colère [contre le ministre X]")
        towards = self.lows[b] in ("envers", "contre", "vis-à-vis", "face")
        if noun is None or noun.lemma_.lower() in self.lex.source_nouns or (
                noun.lemma_.lower() in times or self.lows[noun.i] in times) or (
                self.ent_of_tok[noun.i] >= 0 or self.is_role(noun)) and not towards:
            return b
        return end

    def _enumeration_end(self, a: int, b: int, hi: int) -> int:
        """End of an object that goes on as a list of noun phrases to the end of its clause.

        "raconte [les coups portés à sa mère, sa tentative de la réveiller, sa course pour
        trouver du secours]": each item after a comma opens with a determiner and holds no
        finite verb, relative pronoun or time adjunct ("…, la semaine dernière", not "…,
        ses nuits sans sommeil"); otherwise the object ends at ``b``.
        """
        doc = self.doc
        end = self.clause_end(a, hi)
        while end > b and (doc[end - 1].is_space or doc[end - 1].text in SENTENCE_END_CHARS):
            end -= 1
        if b >= end or doc[b].text != ",":
            return b
        j = b
        while j < end and doc[j].text == ",":
            if j + 1 >= end or doc[j + 1].pos_ != "DET" or self._in_quote(j + 1):
                return b
            nxt = next((m for m in range(j + 1, end) if doc[m].text == ","), end)
            if any("Fin" in doc[m].morph.get("VerbForm") or self.lows[m] in RELATIVES
                   or self.lows[m] in TIME_WORDS or doc[m].text in STOP_PUNCT
                   and doc[m].text != "," for m in range(j + 1, nxt)) or (
                    j + 2 < end and doc[j + 2].lemma_.lower() in TIME_NOUNS
                    and "Yes" not in doc[j + 1].morph.get("Poss")):
                return b
            j = nxt
        return end if self._ends_clause(end, hi) else b

    def _relative_antecedent(self, v: Token) -> tuple[int, int] | None:
        """"[ces attaques], que X a condamnées": the noun phrase before ", que" when the
        verb has no object of its own.
        """
        doc = self.doc
        lo = self._seg(v.i)[0]
        start = self._verb_group_start(v)
        for k in range(start - 1, max(lo, start - 25) - 1, -1):
            if "Fin" in doc[k].morph.get("VerbForm") or self._in_quote(k):
                return None
            if self.lows[k] in ("que", "qu'") and k - 1 > lo and doc[k - 1].text == ",":
                head = doc[k - 2]
                while head.head.i < k - 1 and head.head.i >= lo and head.dep_ in (
                        "amod", "flat:name", "fixed") and head.head != head:
                    head = head.head
                a = max(head.left_edge.i, lo)
                while a < head.i and doc[a].pos_ == "ADP":
                    a += 1
                return (a, k - 1) if head.pos_ in ("NOUN", "PROPN") else None
        return None

    def _quoted_complement(self, v: Token, last: int, hi: int) -> tuple[int, int] | None:
        """A prepositional or predicative complement with a quoted fragment.

        "s'est félicité d'un « vote historique »", "s'est dit « très préoccupé »".
        """
        for child in v.children:
            if child.i <= last or not child.dep_.startswith(("obl", "iobj", "xcomp")):
                continue
            a, b = self._complement_span(child, hi)
            quoted = [i for i in range(a, b) if self._in_quote(i)
                      and self.quote_of_tok[i] not in self.titles]
            # (not a fragment that a speech verb of the complement reports: "a pris la
            # parole devant des députés [appelant à sa « démission »]")
            if quoted and not any(self.cue_lemma(self.doc[i], strict=True)
                                  for i in range(a, quoted[0])):
                # (what the parse hung on the verb right after it still qualifies it: "parle
                # d'une « crise » [pour le secteur et d'une transformation]")
                end = self.clause_end(a, hi)
                for sibling in sorted(v.children, key=lambda c: c.i):
                    first = sibling.left_edge.i
                    while first > b and self.doc[first - 1].text in CLOSERS_AND_SPACES:
                        first -= 1
                    if sibling.i > child.i and first <= b and sibling.dep_ == "obl:arg" and (
                            sibling.right_edge.i < end):
                        b = sibling.right_edge.i + 1
                return a, b
        return None

    def _complement_span(self, child: Token, hi: int) -> tuple[int, int]:
        """A prepositional complement without its preposition ("de", "d'", "à", "sur",
        "pour", "contre"); the contracted "du"/"des" stay, as they hold the article.
        """
        a = child.left_edge.i
        while a < child.i and self.doc[a].pos_ == "ADP" and self.lows[a] in CONTENT_PREPOSITIONS:
            a += 1
        return a, min(child.right_edge.i + 1, self.clause_end(a, hi))

    def _a_complement(self, v: Token, lemma: str, last: int, hi: int) -> tuple[int, int] | None:
        """"a appelé [à la retenue]", "invite [au calme]": the "à" complement of @a verbs."""
        if lemma not in self.lex.a_verbs:
            return None
        # (the parse may hang it on the person called: "invite [les habitants] au calme", or
        # on a time adjunct: "a appelé [il y a trois jours] à la grève")
        told = [g for c in v.children if c.dep_ == "obj" or c.dep_.startswith("obl") and (
            c.lemma_.lower() in TIME_NOUNS) for g in c.children if g.dep_ in ("nmod", "dep")]
        for child in sorted(list(v.children) + told, key=lambda c: c.i):
            if child.i > last and child.dep_.startswith(("obl", "iobj", "nmod", "dep")) and (
                    self.lows[child.left_edge.i] in ("à", "au", "aux")) and child.pos_ == "NOUN":
                a, b = self._complement_span(child, hi)
                # "a appelé à [la grève pour obtenir …]": the purpose belongs to the call
                purpose = next((c for c in v.children if c.left_edge.i == b and self.lows[b] in (
                    "pour", "afin") and "Inf" in c.morph.get("VerbForm")), None)
                if purpose is not None:
                    b = min(purpose.right_edge.i + 1, self.clause_end(a, hi))
                return a, b
        return None

    def _prep_complement(self, v: Token, lemma: str, last: int,
                         hi: int) -> tuple[int, int] | None:
        """The complement of the cue's own preposition ("sur", "pour", "contre").

        "insiste [sur la nécessité d'agir]", "plaide [pour un cessez-le-feu]", "met en
        garde [contre toute précipitation]".
        """
        prepositions = self.lex.prep_verbs.get(lemma)
        if not prepositions:
            return None
        for child in sorted(list(v.children) + list(self.doc[last].children), key=lambda c: c.i):
            if child.i > last and child.dep_.startswith(("obl", "iobj", "nmod")) and (
                    self.lows[child.left_edge.i] in prepositions) and child.pos_ in (
                    "NOUN", "PROPN", "PRON") and self.lows[child.i] not in CLITICS:
                return self._complement_span(child, hi)
        return None

    def _de_complement(self, v: Token, lemma: str, last: int, hi: int) -> tuple[int, int] | None:
        """"s'est félicité [des peines prononcées]", "faisant état [d'une demande]"."""
        if lemma not in self.lex.de_verbs:
            return None
        for head in (v, self.doc[last]):
            for child in sorted(head.children, key=lambda c: c.i):
                deps = ("obl", "nmod", "iobj", "obj", "xcomp")
                if child.i > last and child.dep_.startswith(deps) and (
                        self.lows[child.left_edge.i] in DE_FORMS):
                    return self._complement_span(child, hi)
        return None

    def markers(self) -> Iterator[Report]:
        """Reports governed by a source marker: "Selon X, [clause]", "[clause], selon X",
        "Pour X, [clause]" (only clause-initial, and X a person, organisation, pronoun or
        speaker noun phrase followed by a comma).
        """
        doc = self.doc
        k = 0
        while k < len(doc):
            m = self.marker_at(k) if not self._in_quote(k) else None
            if m is None or self.para_of_tok[k] in self.headlines:
                k += 1
                continue
            cue, initial, after = m
            lo, hi = self._seg(k)
            if cue == "selon":
                report = self._relative_selon(k, lo, hi)
                if report is not None:
                    yield report
                    k = after
                    continue
            mention, end = self._marker_np(k, hi)
            report = self._marker_report(k, cue, initial, mention, end, lo, hi)
            if report is not None:
                yield report
            k = after

    def _comment_after(self, k: int) -> bool:
        """Token ``k`` opens a comment on the clause before it: a relative ("ce qui",
        "qui", "dont") or a present participle ("…, selon X, propulsant …").
        """
        t = self.doc[k]
        if self.lows[k] in ("ce", "c'") and k + 1 < len(self.doc) and self.lows[k + 1] in (
                "qui", "que", "qu'", "dont"):
            return True
        return self.lows[k] in ("qui", "dont", "où") or t.pos_ == "VERB" and "Part" in (
            t.morph.get("VerbForm")) and "Pres" in t.morph.get("Tense")

    def _clause_start(self, lo: int, k: int) -> int:
        """Start of the clause that ends at token ``k``: after the last dash, colon or
        semicolon outside quotation marks ("… soit treize navires – [leur plus important
        déploiement], d'après une étude").
        """
        for j in range(k - 1, lo - 1, -1):
            if self.lows[j] in ("–", "—", ";", ":") and not self._in_quote(j):
                return j + 1
        return lo

    def _clause_initial(self, k: int, lo: int) -> bool:
        doc = self.doc
        j = k - 1
        while j >= lo and (doc[j].is_space or doc[j].text in (",", "—", "–")):
            j -= 1
        if j < lo:
            return True
        return doc[j].pos_ == "CCONJ" or lower_form(doc[j]) in self.lex.connectives and j == lo

    def _marker_report(self, k: int, cue: str, initial: bool, mention: Mention | None,
                       end: int, lo: int, hi: int) -> Report | None:
        doc = self.doc
        if mention is None:
            return None
        if mention.kind == "description" and {self.lows[mention.head], doc[
                mention.head].lemma_.lower()} & CRITERION_NOUNS:
            return None  # "selon une fourchette basse", "selon les cas": no one's words
        if initial:
            if not self._clause_initial(k, lo):
                return None
            head = doc[mention.head]
            good = mention.kind == "name" or (
                mention.kind == "pronoun"
                and lower_form(head).lstrip("-") in ("lui", "elle", "eux", "elles")
            ) or (mention.kind == "description" and self.is_role(head))
            if not good:
                return None
        end = self._past_brackets(end, hi, width=8)
        if end < hi and doc[end].text != "," and self._clause_initial(k, lo):
            # "Selon X spécialisés dans …, [clause]": the source runs to the comma
            comma = next((j for j in range(end, min(end + 15, hi)) if doc[j].text in ",.;:"), None)
            if comma is not None and doc[comma].text == "," and not any(
                    "Fin" in t.morph.get("VerbForm") for t in doc[end:comma]):
                if mention.kind == "description":
                    mention = Mention(mention.start, doc[comma - 1].idx + len(doc[comma - 1].text),
                                       "description", mention.head)
                end = comma
        if end + 1 < hi and doc[end].text == "," and self._clause_initial(k, lo) and self.lows[
                end + 1] in ("qui", "dont") and not self._in_quote(end + 1):
            # "Selon Le Monde, qui cite des sources, [clause]": the source's relative clause
            comma = next((j for j in range(end + 2, hi) if doc[j].text == ","
                          and not self._in_quote(j)), None)
            if comma is not None:
                end = comma
        if mention.kind == "name" and end + 1 < hi and doc[end].text == "," and (
                self._clause_initial(k, lo)) and (self.is_role(doc[end + 1]) or self.lows[
                    end + 1] in ("ancien", "ancienne", "ex") or (
                    # (any noun without a determiner: "Pour X, festivalière venue de …,")
                    doc[end + 1].is_lower and (doc[end + 1].pos_ == "NOUN" or doc[
                        end + 1].dep_ == "appos"))) and not (
                self._in_quote(end + 1)) and (
                "Plur" not in doc[end + 1].morph.get("Number") or mention.coordination):
            # "Selon X, porte-parole de la mairie, [clause]": the name's apposition
            comma = next((j for j in range(end + 2, min(end + 16, hi)) if doc[j].text == ","
                          and not self._in_quote(j)), None)
            if comma is not None and not any("Fin" in t.morph.get("VerbForm")
                                             for t in doc[end + 1:comma]):
                end = comma
        postposed = not initial and k > lo and doc[k - 1].text == "," and not (
            self._clause_initial(k, lo))
        if postposed and end + 1 < hi and not self._in_quote(end + 1) and (
                mention.kind == "name" and doc[end].text == "," and (
                    self.is_role(doc[end + 1]) or self.lows[end + 1] in (
                        "ancien", "ancienne", "ex")) or self.lows[end] == "qui"):
            # "[A], selon X, responsable du programme." or "[A], selon le directeur qui
            # s'entretenait avec la presse.": the source's apposition or relative clause
            # ends the sentence; the clause is the one before the marker
            stop = next((j for j in range(end + 1, hi) if doc[j].text in ",.!?;:"
                         or doc[j].is_space and "\n" in doc[j].text), hi)
            relative = self.lows[end] == "qui"
            if self._ends_source(stop, hi) and not any(
                    ("Fin" in t.morph.get("VerbForm") or self.lows[t.i] in RELATIVES) and not (
                        relative) for t in doc[end + 1:stop]):
                end = stop
        if end + 1 < hi and doc[end].text == "," and not self._ends_clause(end + 1, hi) and (
                not initial and k > lo and doc[k - 1].text == "," and self._comment_after(end + 1)):
            # "[A], selon X, ce qui …": the clause before; what follows comments on it
            a, b = self.content_start(self._clause_start(lo, k - 1), k - 1), k - 1
            position = "post"
        elif end + 1 < hi and doc[end].text == "," and not self._ends_clause(end + 1, hi):
            before = [t for t in doc[lo:k] if not t.is_punct and not t.is_space]
            rest_end = self.clause_end(end + 1, hi)
            # (or the words after it only complete the clause before it: "La grève
            # devient ainsi, selon lui, illicite")
            completes = not initial and any("Fin" in t.morph.get("VerbForm") for t in before) and (
                not any("Fin" in t.morph.get("VerbForm") or t.pos_ == "VERB"
                        for t in doc[end + 1:rest_end])) and not self._in_quote(end + 1)
            if before and not initial and (completes or not any(
                    t.pos_ in ("VERB", "AUX") for t in before)) and (
                    before[0].pos_ not in ("ADP", "ADV", "SCONJ", "CCONJ")):
                # "Le chômage, selon l'Insee, a baissé": the whole sentence, incise included
                a, b = self.content_start(lo, hi), rest_end
            else:
                a = self.content_start(end + 1, hi)
                b = self.clause_end(a, hi)
            position = "pre"
        elif not initial and self._ends_source(end, hi) and k > lo and doc[k - 1].text == ",":
            a, b = self.content_start(self._clause_start(lo, k - 1), k - 1), k - 1
            position = "post"
        elif not initial and cue in ("selon", "d'après") and self._ends_source(end, hi) and (
                k > lo and (not doc[k - 1].is_punct or doc[k - 1].text in "»”\"'’%")) and (
                mention.kind == "name" or (
                    mention.kind == "description" and (self.is_role(doc[mention.head]) or (
                        doc[mention.head].lemma_.lower() in self.lex.source_nouns)))) and (
                finite := [t for t in doc[self._clause_start(lo, k):k]
                           if "Fin" in t.morph.get("VerbForm") and not self._in_quote(t.i)]):
            # "[Les prix ont progressé de 6 %] selon l'Insee.": no comma before the source;
            # the clause of the last verb ("…, alors que [les prix ont progressé]")
            start = self._clause_start(lo, k)
            verb = finite[-1]
            if verb.dep_.startswith(("aux", "cop")) and start <= verb.head.i < k:
                verb = verb.head
            a = max(start, verb.left_edge.i)
            marks = [c for c in verb.children if c.dep_ == "mark" and c.i < verb.i]
            if marks:
                a = max(a, max(c.right_edge.i for c in marks) + 1)
            a, b = self.content_start(a, k), k
            position = "post"
        else:
            return None
        chars = self.trim(a, b)
        if chars is None:
            return None
        return Report(chars[0], chars[1], "indirect", cue, k, mention, position)

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
            a = self.content_start(self._clause_start(lo, k), k)
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
        frame = self._inner_incise(q)
        if frame is not None:
            return frame, "inside"
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

    def _inner_incise(self, q: QuotedSpan) -> Frame | None:
        found = self.inner_incise(q)
        return found[0] if found is not None else None

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
                while e < min(toks.stop, frame.end + 8) and doc[e].text not in (
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
