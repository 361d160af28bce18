"""Source markers: "selon X, …", "d'après X", "pour X", and the reports they govern."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.extract.quotes.records import Mention, Report
from pipeline.extract.quotes.words import (
    CLITICS,
    CRITERION_NOUNS,
    DE_FORMS,
    POSSESSIVE_NUMBER,
    RELATIVES,
    SPEECH_NOUNS,
    lower_form,
)


class SourceMarkers:
    """Methods of :class:`~pipeline.extract.quotes.frames.Extractor` for source markers: the
    marker and its source noun phrase, and the clause it reports before or after it."""

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
        "qui", "dont"), a present participle ("…, selon X, propulsant …") or the writer's
        contrast ("…, selon l'Insee, alors qu'elle était de 4 %").
        """
        t = self.doc[k]
        if self.lows[k] in ("ce", "c'", "alors", "tandis") and k + 1 < len(self.doc) and (
                self.lows[k + 1] in ("qui", "que", "qu'", "dont") if self.lows[k] in ("ce", "c'")
                else self.lows[k + 1] in ("que", "qu'")):
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
