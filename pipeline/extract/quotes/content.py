"""The extent of reported content: clause boundaries, objects, infinitives, complements."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.quotes.words import (
    ADJUNCT_OPENERS,
    AUX_FORMS,
    CLITICS,
    CLOSERS_AND_SPACES,
    CONTENT_PREPOSITIONS,
    DASHES,
    DATELINE,
    DE_FORMS,
    FINAL_PUNCT,
    MODIFIER_PREPOSITIONS,
    NEGATION_WORDS,
    RELATIVES,
    SENTENCE_END_CHARS,
    SPEECH_ACT_PREPOSITIONS,
    STOP_PUNCT,
    TIME_HEADS,
    TIME_NOUNS,
    TIME_WORDS,
    lower_form,
)


class ReportedContent:
    """Methods of :class:`~pipeline.extract.quotes.frames.Extractor` that delimit what was
    reported: where a reported clause ends, and the object, infinitive or prepositional
    complement of a cue."""

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
        if a + 2 < hi and doc[a].pos_ == "ADV" and doc[a + 1].text == "," and (
                self._opening_quote(a + 2) is not None):
            a += 2  # "Visiblement, « … », ajoute-t-il": the writer's adverb before the words
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
        # (the auxiliary or copula of its head: "a assuré [être le vainqueur]")
        verb = doc[j].head if (doc[j].dep_.startswith("aux") or doc[j].dep_ == "cop") and (
            doc[j].head.i > j) else doc[j]
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
            b = self._object_phrase_end(a, b, hi)
            if b + 1 < hi and doc[b].text == ":" and self._opening_quote(b + 1) is not None:
                return None  # "raconte [l'un de leurs échanges] : « … »": it announces them
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
        l'avenir du pays]", "réclament [un arbitre pour dénouer l'impasse]": the parse
        hangs the "si" clause or the "pour" phrase on the verb, but what was announced,
        stressed or asked is the whole phrase. Only when it runs to the end of the
        sentence, and not a "pour" of a time ("pour la première fois") or a stance ("pour
        sa part").
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
            if "Inf" not in c.morph.get("VerbForm") and (
                    c.pos_ not in ("NOUN", "PROPN") or det.pos_ != "DET" or "Yes" in (
                        det.morph.get("Poss")) or c.lemma_.lower() in TIME_NOUNS
                    or self.lows[c.i] in TIME_WORDS):
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
        times = TIME_HEADS if self.lows[b] not in ("entre", "jusqu'") else frozenset()
        # (but an attitude towards someone names them: "sa gratitude [envers les
        # joueuses]", "sa colère [contre le ministre X]")
        towards = self.lows[b] in ("envers", "contre", "vis-à-vis", "face", "avec")
        if noun is None or noun.lemma_.lower() in self.lex.source_nouns or (
                noun.lemma_.lower() in times or self.lows[noun.i] in times) or (
                self.ent_of_tok[noun.i] >= 0 or self.is_role(noun)) and not towards:
            return b
        return end

    def _object_phrase_end(self, a: int, b: int, hi: int) -> int:
        """End of a plain object that the rest of its phrase completes, up to a comma.

        "ont plaidé pour [la tenue du scrutin le 3 mars ou le 10]", "a annoncé [la
        reconduction de la grève jusqu'à vendredi prochain]": annotators count what
        follows the object in its phrase as what was said; not an adjunct of the speech
        act itself: a time ("lundi", "après la réunion", "lors de"), a medium or document
        ("dans un communiqué", "sur France Info"), the person told ("au ministre"), a
        manner ("en …") or the next act ("avant de …").
        """
        doc = self.doc
        end = self.clause_end(a, hi)
        # ("à" a place, not the person told: "le maintien des emplois [à St-Prex]")
        place = b + 1 < end and self.lows[b] == "à" and self.ent_of_tok[b + 1] >= 0 and (
            self.ents[self.ent_of_tok[b + 1]].label_ == "LOC")
        if b >= end or self._in_quote(b) or any(
                tuple(self.lows[b:b + len(w)]) == w for w in ADJUNCT_OPENERS) or self.lows[b] in (
                SPEECH_ACT_PREPOSITIONS) and not place or (
                self.lows[b] in TIME_HEADS):
            return b
        # (up to a comma, or a verb coordinated with the cue: "a dénoncé la réforme [et
        # fustigé] le gouvernement")
        stop = next((j for j in range(b, end) if not self._in_quote(j) and (
            doc[j].text in (",", "!", "?", "(") or doc[j].pos_ == "CCONJ" and j + 1 < end
            and doc[j + 1].pos_ in ("VERB", "AUX"))), end)
        noun = next((t for t in doc[b:stop] if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None and (noun.lemma_.lower() in self.lex.source_nouns or (
                noun.lemma_.lower() in TIME_HEADS or self.lows[noun.i] in TIME_HEADS) and (
                self.lows[b] != "jusqu'")):
            return b
        return stop

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
