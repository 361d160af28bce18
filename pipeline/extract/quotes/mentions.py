"""The speaker mentions of a frame: names, pronouns and descriptions read from the parse."""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.extract.quotes.marks import (
    CITATION_RE,
    QuotedSpan,
)
from pipeline.extract.quotes.records import Mention
from pipeline.extract.quotes.words import (
    AUX_FORMS,
    CIVILITIES,
    CLITICS,
    COMPARISONS,
    DE_FORMS,
    MANNER_NOUNS,
    NAME_LABELS,
    OFFICE_AFTER_EN,
    RELATIVES,
    SIDE_LOCUTIONS,
    STOP_PUNCT,
    TIME_NOUNS,
    TIME_WORDS,
    fold,
    lower_form,
)


class SpeakerMentions:
    """Methods of :class:`~pipeline.extract.quotes.frames.Extractor` that find the mention
    designating a speaker: the subject of a cue, an inverted subject, the source of
    "selon", an apposed name, and the titles that are no speakers."""

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
        # ("X (Les Engagés) et Y (Vlaams Belang)": a bracketed party inside a coordination)
        skipped = self._bracketed_in_coordination(head.i + 1, min(head.right_edge.i + 1, hi))
        for k in range(head.i + 1, min(head.right_edge.i + 1, hi)):
            t = doc[k]
            if k in skipped:
                continue
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

    def _bracketed_in_coordination(self, a: int, b: int) -> set[int]:
        """Tokens of a short bracketed qualifier followed by "et" inside [a, b)."""
        doc = self.doc
        skipped: set[int] = set()
        for k in range(a, b):
            if doc[k].text != "(":
                continue
            close = next((j for j in range(k + 1, min(k + 8, b)) if doc[j].text == ")"), None)
            if close is not None and close + 1 < b and self.lows[close + 1] in ("et", "ou"):
                skipped.update(range(k, close + 1))
        return skipped

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

    def _opening_participle(self, subj: Token, first: int, lo: int) -> Mention | None:
        """The subject after a participial clause that opens the sentence and that the
        parse took the subject from: "Saluant [cette amélioration], le ministre, X, a
        déclaré que …" is the minister's report.
        """
        doc = self.doc
        verb = subj.head
        k = lo + (self.lows[lo] == "en")
        opener = doc[k] if k < len(doc) else None
        if opener is None or not (opener.i < subj.i < verb.i) or opener.pos_ not in (
                "VERB", "AUX") or "Part" not in opener.morph.get("VerbForm") or "Pres" not in (
                opener.morph.get("Tense")):
            return None
        closing = next((j for j in range(subj.i, verb.i) if doc[j].text == ","), None)
        if closing is None:
            return None
        # (the parse may make the participle an auxiliary of the verb: the group starts at
        # its auxiliaries after the clause)
        start = min([verb.i] + [c.i for c in verb.children
                                if c.dep_.startswith("aux") and c.i > closing])
        return self.np_before(start, closing + 1)

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
                opening = self._opening_participle(subj, first, lo)
                if opening is not None:
                    return opening
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
                if mention is None and subj.pos_ in ("VERB", "AUX"):
                    # "Comme il le dit, X précise que": the parse took the clause before
                    # for the subject; the noun phrase right before the verb is
                    mention = self.np_before(first, lo)
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
        return bool(ents) and ents[0].label_ == "MISC" and not self._framed_after(q)

    def _framed_after(self, q: QuotedSpan) -> bool:
        """A reporting verb right after the closing mark: "« Désolé », a dit X" is speech,
        whatever the tagger makes of the word."""
        if q.close is None:
            return False
        k = self._first_tok_at(q.close + 1)
        if k >= len(self.doc) or self.doc[k].text != ",":
            return False
        k += 1 + (k + 1 < len(self.doc) and self.lows[k + 1] in AUX_FORMS)
        return k < len(self.doc) and self.cue_lemma(self.doc[k], strict=False) is not None
