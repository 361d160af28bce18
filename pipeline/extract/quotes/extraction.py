"""The pure function: a parsed Doc in, Quote records out."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.extract.quotes.frames import Extractor
from pipeline.extract.quotes.lexicon import QuoteLexicon, default_lexicon
from pipeline.extract.quotes.marks import CLOSER_OF, MIN_ORPHAN_WORDS, QuotedSpan
from pipeline.extract.quotes.records import Frame, Mention, Quote, Report, report_extent
from pipeline.extract.quotes.speakers import entity_key, resolve_speakers
from pipeline.extract.quotes.words import (
    ADJUNCT_OPENERS,
    SENTENCE_END_CHARS,
    SETTING_NOUNS,
    TIME_NOUNS,
    TIME_WORDS,
)


def extract_quotes(doc: Doc, *, lexicon: QuoteLexicon | None = None,
                   skip_headlines: bool = True) -> list[Quote]:
    """Find the direct, indirect and mixed quotations of a parsed French article.

    Args:
        doc: A Doc parsed by fr_core_news_md (sentences, dependency parse, morphology,
            ``doc.ents``).
        lexicon: Word lists; defaults to ``pipeline.quote_lexicon.v1``.
        skip_headlines: Leave out short lines without final punctuation (titles,
            captions): the annotation guide does not count headlines as quotations.

    Returns:
        Quotations in text order, one per reported speech act (one per paragraph for a
        quotation continued over several paragraphs).

    Raises:
        ValueError: The Doc has no dependency parse (a blank or tokenizer-only pipeline).

    Notes:
        Rules, in order:

        1. Quotation marks are paired on the characters (:func:`find_quoted_spans`);
           quoted titles ("l'émission « … »") and capitalised labels are set aside. An
           unclosed mark ends with its paragraph (``MAX_UNCLOSED_CHARS`` at most).
        2. Preposed frames from the parse: a reporting verb (``speech_verbs.txt``) with a
           ``que`` clause, a colon, a quotation as its whole complement, an infinitive (@inf
           verbs), an object (@obj verbs, or any cue when the object holds a quoted
           fragment) or a "de" complement (@de verbs); markers "selon", "d'après", "pour"…
           (``speech_markers.txt``) and "selon laquelle". Negated verbs, infinitives and
           passive participles are no frames (a passive cue with "par X" has X as
           speaker); an object report needs a speaker-like subject (a name, a pronoun or a
           speaker noun). A report whose cue lies inside another preposed report's content
           is nested and dropped, unless it has a speaker and a "que" clause; cues inside
           quotation marks are the speaker's own words and ignored, unless they report a
           named third party's clause.
        3. A quotation inside a report's content makes it ``mixed``; a report whose content
           is exactly one quotation is ``direct`` (content without the marks).
        4. Stand-alone quotations (starting a sentence or after a colon, and ending a
           sentence or followed by a frame) are ``direct``; their frame is searched after
           them, before their colon, inside them ("« A, affirme X. B »"), in the previous
           sentence (a frame without complement: "X a réagi lundi.") and in the next one.
           A frame whose marks were left out ('"A lance X, gérant. B"') splits the
           quotation into two quotations of its speaker.
           A quotation continued over paragraphs shares one frame; a quotation after a
           colon that its clause continues is ``mixed`` ("X a tranché : « … » de …"); a
           report without a speaker (a frameless quotation, a fragment, a verb whose subject
           is lost) right after one with a speaker has no speaker mention but inherits its
           antecedent.
        5. Postposed frames of unquoted clauses (", a indiqué X", ", selon X") give a report
           of the whole clause before them, reports inside it included ("X a déclaré que
           …, a rapporté Reuters" gives two); a source attached to a quotation's frame
           ("« … », a déclaré X, selon Reuters") gives none.
        6. Other quoted passages of at least ``MIN_ORPHAN_WORDS`` words, or ending with
           final punctuation, are frameless ``direct`` quotations; shorter ones are scare
           quotes.
        7. Speakers: coordinated names give one record of kind ``coordination`` with
           each name's entity mention in ``members``. Names resolve to their
           ``doc.ents`` span; pronouns to the subject of their own or the previous
           sentence, else the previous quotation's speaker, else the nearest person of
           known compatible gender (a description subject there blocks the search: "Le
           Premier ministre a démenti… il a affirmé" stays unresolved); descriptions to
           the entity that carries a matching description in the article
           (:func:`entity_descriptions`, :func:`match_description`; the description's
           gender excludes the other one), else, for a definite description, the salient
           entity of the right kind (:func:`_resolve_anaphor`); a plural description
           ("aux dires des joueurs") designates nobody.
    """
    if not doc.has_annotation("DEP"):
        raise ValueError(
            "extract_quotes needs a dependency parse (sentences, heads, deps); got a Doc "
            "without one. Parse the text with fr_core_news_md (or a pipeline with a parser)."
        )
    ex = Extractor(doc, lexicon or default_lexicon(), skip_headlines)
    reports = _collect_reports(ex)
    return resolve_speakers(ex, reports)


def _collect_reports(ex: Extractor) -> list[Report]:
    doc = ex.doc
    # 2. preposed verb frames and markers; a report nested in another's clause is dropped
    pre: list[Report] = []
    for t in doc:
        if ex.para_of_tok[t.i] in ex.headlines:
            continue
        if not ex._in_quote(t.i):
            pre.extend(ex.preposed(t))
        else:
            # inside a quotation, the speaker's words; but a third party's speech act
            # reported there is one ("« Des sources avancent que [B] »")
            pre.extend(r for r in ex.preposed(t) if _quoted_third_party(ex, r, t))
    markers = list(ex.markers())
    pre.extend(r for r in markers if r.position == "pre")
    pre = _drop_nested(ex, pre)
    # 3. quotations inside a report make it mixed (or direct)
    used: set[int] = set()
    for r in pre:
        _set_kind(ex, r, used)
    # 4. stand-alone quotations; a verb that frames one gives no report of its own
    direct = _direct_reports(ex, used, pre)
    frame_cues = {r.cue_tok for r in direct if r.cue_tok is not None}
    pre = [r for r in pre if r.cue_tok not in frame_cues or r.kind == "direct"
           or _clause_before_colon(ex, r, direct)]
    # 5. postposed frames of unquoted clauses, unless they are the source of a quotation's
    # frame (", a déclaré X, selon l'agence")
    pre_cues = {r.cue_tok for r in pre}
    # (and of a quotation after an inverted incise: "Mieux, poursuit-il, « … », a révélé
    # X" is no clause reported by X)
    spans = [(ex.quotes[r.quote].open, ex.quotes[r.quote].outer_end) for r in direct + [
        f for f in pre if f.kind == "direct" and f.speaker is not None
        and f.cue_tok is not None and f.speaker.start > doc[f.cue_tok].idx]
             if r.quote is not None]
    post: list[Report] = []
    for r in list(ex.incises()) + [r for r in markers if r.position == "post"]:
        if r.cue_tok in frame_cues or r.cue_tok in pre_cues:
            continue
        if any(r.start <= doc[c].idx < r.end for c in frame_cues):
            continue
        if any(s < r.end and r.start < e for s, e in spans):
            continue
        if any(p.start < r.end and r.start < p.end and p.cue_tok == r.cue_tok for p in post):
            continue
        _set_kind(ex, r, used)
        post.append(r)
    # 6. long quoted fragments outside any report: quotations without a frame
    orphans = []
    for qi, q in enumerate(ex.quotes):
        if qi in used or qi in ex.titles:
            continue
        if q.paragraph in ex.headlines:
            signed = _pull_quote_name(ex, q)
            if signed is not None:
                # a pull quote: « … » Alain Berset
                orphans.append(Report(q.start, q.end, "direct", "", None, signed, "direct", qi))
            continue
        words = len(re.findall(r"\w+", ex.text[q.start:q.end]))
        lead = _lead_in(ex, q) if words >= MIN_ORPHAN_WORDS else None
        if lead is not None:
            # 'Le conseil de vendredi « aurait permis de … »': the sentence the quotation
            # completes, a mixed quotation without a frame
            orphans.append(Report(lead, q.outer_end, "mixed", "", None, None, "direct", qi))
        elif words >= MIN_ORPHAN_WORDS or ex.text[q.end - 1] in SENTENCE_END_CHARS:
            orphans.append(Report(q.start, q.end, "direct", "", None, None, "direct", qi))
    reports = sorted(pre + direct + post + orphans, key=lambda r: (r.start, r.end))
    # the same report found twice (a frame that is also an incise): keep the first
    unique: list[Report] = []
    seen = set()
    for r in reports:
        key = (r.start, r.end, r.cue_tok)
        if key not in seen:
            seen.add(key)
            unique.append(r)
    _inherit_speakers(ex, unique)
    return unique


def _pull_quote_name(ex: Extractor, q: QuotedSpan) -> Mention | None:
    """The person who signs a pull quote: a line with a quotation, then only a name and
    maybe the title, on the same line or the next ("« … » Georges-Louis Bouchez Président
    du MR").
    """
    if q.close is None:
        return None
    ps, pe = ex.paragraphs[q.paragraph]
    if ex.text[ps:q.open].strip():
        return None
    after = [t for t in ex.doc[ex._first_tok_at(q.outer_end):ex._first_tok_at(pe)]
             if not t.is_space]
    if not after and q.paragraph + 1 in ex.headlines:
        # (or the name on the next line)
        ns, ne = ex.paragraphs[q.paragraph + 1]
        after = [t for t in ex.doc[ex._first_tok_at(ns):ex._first_tok_at(ne)] if not t.is_space]
    if not after or after[0].is_punct:
        return None
    ei = ex.ent_of_tok[after[0].i]
    if ei < 0 or ex.ents[ei].label_ != "PER" or ex.ents[ei].start != after[0].i or any(
            t.pos_ in ("VERB", "AUX") or t.is_punct and t.text not in ",-–" for t in after):
        return None
    ent = ex.ents[ei]
    # (not a quoted title and its byline: the name has a title after it, or the article
    # names that person elsewhere)
    line = range(after[0].i, after[-1].i + 1)
    if q.paragraph == 0 or after[-1].i < ent.end and not any(
            entity_key(e) == entity_key(ent) and e.start not in line for e in ex.ents):
        return None
    return Mention(ent.start_char, ent.end_char, "name", ent.root.i, ent)


def _subheading_speaker(ex: Extractor, q: QuotedSpan) -> Mention | None:
    """The person a subheading names, for the quotations without a frame under it.

    Interviews and press conferences are laid out that way: a line with only a name, then
    paragraphs that are only quotations ("Juraj Slafkovsky ¶ « … » ¶ « … »").
    """
    p = q.paragraph
    while p > 0:
        p -= 1
        ps, pe = ex.paragraphs[p]
        line = [t for t in ex.doc[ex._first_tok_at(ps):ex._first_tok_at(pe)] if not t.is_space]
        if not line:
            continue
        if p in ex.headlines:
            ei = ex.ent_of_tok[line[0].i]
            ent = ex.ents[ei] if ei >= 0 else None
            if ent is None or ent.label_ != "PER" or ent.start != line[0].i or (
                    ent.end != line[-1].i + 1):
                return None
            return Mention(ent.start_char, ent.end_char, "name", ent.root.i, ent)
        # only a quotation in the paragraph: keep looking up
        if not all(ex._in_quote(t.i) or t.is_punct for t in line):
            return None
    return None


def _clause_before_colon(ex: Extractor, r: Report, direct: list[Report]) -> bool:
    """A "que" clause or an infinitive that ends at the colon of the quotation its verb
    also frames.

    "X explique qu'[il s'agit d'un premier essai] : « … »" and "X affirme [attendre les
    évolutions] : « … »" report twice: the clause, then the quotation.
    """
    a = ex._first_tok_at(r.start)
    if a < 1 or r.kind != "indirect" or not (
            ex.lows[a - 1] in ("que", "qu'") or "Inf" in ex.doc[a].morph.get("VerbForm")
            or ex.lows[a] in ("ne", "n'")):
        return False
    b = ex._first_tok_at(r.end)
    while b < len(ex.doc) and ex.doc[b].is_space:
        b += 1
    return b < len(ex.doc) and ex.doc[b].text == ":" and any(
        d.cue_tok == r.cue_tok and d.quote is not None and ex.quotes[d.quote].open > r.end
        for d in direct)


def _lead_in(ex: Extractor, q: QuotedSpan) -> int | None:
    """Start of the unquoted words that open the sentence a closed quotation ends.

    A subject or an adverbial ("Le conseil de vendredi « … »."); None when the quotation
    opens its sentence, does not end it, or follows a clause of its own.
    """
    if q.close is None or q.continues:
        return None
    doc = ex.doc
    first = ex._first_tok_at(q.open)
    lo, hi = ex._seg(first)
    last = ex._tok_range(q.open, q.outer_end).stop
    if any(not (t.is_punct or t.is_space) for t in doc[last:hi]):
        return None  # the sentence goes on after the quotation
    lead = [t for t in doc[lo:first] if not (t.is_punct or t.is_space)]
    if not lead or any(ex._in_quote(t.i) for t in lead) or lead[0].i != lo and doc[lo].text in (
            "«", "“", '"'):
        return None
    if any("Fin" in t.morph.get("VerbForm") for t in lead):
        return None  # a clause of its own before the quotation ("Il y a eu « … »")
    return lead[0].idx


def _inherit_speakers(ex: Extractor, reports: list[Report]) -> None:
    """A report that names no speaker right after one that does continues it: the
    quotation without a frame after "X a assuré que …", the quoted fragment of the next
    paragraph, the verb whose subject the text lost. It gets that report as its source
    (same segment or the one before, nothing in between).
    """
    doc = ex.doc

    def seg_at(char: int) -> int:
        return ex.seg_of_tok[min(ex._first_tok_at(char), len(doc) - 1)]

    for r in reports:
        if r.speaker is not None or r.source is not None:
            continue
        # one frame for two quotations ("« A », a-t-il répété. « B »"): the speaker found
        # for one of them is the speaker of both
        sharing = [o for o in reports if o is not r and r.cue_tok is not None
                   and o.cue_tok == r.cue_tok and o.speaker is not None]
        if sharing:
            r.source = sharing[0]
            continue
        begin = min(r.start, doc[r.cue_tok].idx if r.cue_tok is not None else r.start)
        seg = seg_at(begin)
        before = [o for o in reports if o is not r and report_extent(doc, o) <= begin]
        if not before:
            continue
        last = max(before, key=lambda o: report_extent(doc, o))
        if (last.speaker is not None or last.source is not None) and seg_at(
                report_extent(doc, last) - 1) >= seg - 1:
            r.source = last.source or last


def _drop_nested(ex: Extractor, reports: list[Report]) -> list[Report]:
    """Keep the outer report when a report's cue lies inside another report's content,
    unless the inner one is a speech act of its own: another speaker with a clause ("X a
    rappelé que [le texte stipule que B]", "Selon Y, [X aurait dit que B]" give both).
    """
    doc = ex.doc
    kept = []
    for r in reports:
        cue = doc[r.cue_tok].idx if r.cue_tok is not None else r.start
        outer = [o for o in reports if o is not r and o.start <= cue < o.end]
        # (not when the outer report has the same speaker mention: "X disait [espérer que
        # B]" is one speech act)
        if outer and not (_clause_report(ex, r) and not any(
                o.speaker is not None and (o.speaker.start, o.speaker.end) == (
                    r.speaker.start, r.speaker.end) for o in outer)):
            continue
        kept.append(r)
    return kept


def _quoted_third_party(ex: Extractor, r: Report, verb: Token) -> bool:
    """A report inside a quotation whose speaker is named there by a name or a speaker
    noun (not "je", "on", "il"), with a "que" clause, all in the same quotation.
    """
    qi = ex.quote_of_tok[verb.i]
    if not _clause_report(ex, r) or r.speaker.kind == "pronoun" or not ex._speaker_like(
            r.speaker):
        return False
    q = ex.quotes[qi]
    return q.start <= r.speaker.start and r.end <= q.end


def _clause_report(ex: Extractor, r: Report) -> bool:
    """A verb report with a speaker mention and a "que" clause or a colon."""
    if r.speaker is None or r.cue_tok is None or r.position != "pre" or ex.doc[
            r.cue_tok].pos_ not in ("VERB", "AUX"):
        return False
    between = ex.lows[r.cue_tok + 1:ex._first_tok_at(r.start)]
    return any(w in ("que", "qu'", ":") for w in between)


def _set_kind(ex: Extractor, r: Report, used: set[int]) -> None:
    """Mixed if the content holds a quoted fragment; direct if it is one quotation."""
    inside = [qi for qi, q in enumerate(ex.quotes)
              if qi not in ex.titles and r.start <= q.open and q.outer_end <= r.end + 1
              and q.start < r.end]
    if not inside:
        return
    used.update(inside)
    if len(inside) == 1:
        q = ex.quotes[inside[0]]
        # (the halves of a doubled single mark, "‘’ … ’’", stand outside the pair)
        start, end = r.start, r.end
        while start < q.open and ex.text[start] in "‘’'":
            start += 1
        while end > q.outer_end and ex.text[end - 1] in "‘’'":
            end -= 1
        if q.open <= start and q.outer_end >= end:
            r.start, r.end, r.kind, r.quote = q.start, q.end, "direct", inside[0]
            return
        if ex.text[r.start] in CLOSER_OF and q.open == r.start and q.outer_end >= r.end:
            r.start, r.end, r.kind, r.quote = q.start, q.end, "direct", inside[0]
            return
    r.kind = "mixed"


def _direct_reports(ex: Extractor, used: set[int], pre: list[Report]) -> list[Report]:
    doc = ex.doc
    reports: list[Report] = []
    covered = [(r.start, r.end) for r in pre]
    chains: list[list[int]] = []
    for qi, q in enumerate(ex.quotes):
        if qi in used or qi in ex.titles or q.paragraph in ex.headlines:
            continue
        if any(s <= q.start < e for s, e in covered):
            continue
        if q.continues and chains and ex.quotes[chains[-1][-1]].close is None:
            chains[-1].append(qi)
        else:
            chains.append([qi])
    last_by_seg: dict[int, Report] = {}
    for chain in chains:
        first, last = ex.quotes[chain[0]], ex.quotes[chain[-1]]
        bare = ex.bare_incise(first) if len(chain) == 1 and ex._starts_clause(first) else None
        frame, where = (None, "")
        if bare is None:
            frame, where = ex.direct_frame(chain[-1])
            if frame is None and len(chain) > 1:
                frame, where = ex.direct_frame(chain[0])
        # (an incise inside the marks wins over a colon without a reporting verb: "Des
        # proches attendent : « A, explique un homme. B »")
        incise = ex.inner_incise(first) if len(chain) == 1 and (
            where == "inside" or where == "colon" and frame is not None and not frame.cue) else None
        if incise is not None:
            resume = _resume_after_inner_incise(ex, first, *incise)
            incise = (incise[0], incise[1], resume - 1) if resume is not None else None
        # '"A lance X, gérant. B"' (a frame without its marks) and "« A, dit-il. B »",
        # "« Marseille, ajoute-t-il, est la ville de mon cœur »" (an incise inside the
        # marks): A and B, two quotations of the frame's speaker, without the frame
        if (cut := bare or incise) is not None:
            frame, k, end = cut
            toks = ex._tok_range(first.start, first.end)
            head, tail = (ex.trim(a, b, quote=chain[0]) if a < b else None
                          for a, b in ((toks.start, k), (end + 1, toks.stop)))
            # (the last piece ends where the quotation does, its final stop included)
            tail = (tail[0], first.end) if tail is not None else None
            pieces = [Report(a, b, "direct", frame.cue, frame.cue_tok, frame.speaker, "direct",
                             chain[0]) for a, b in filter(None, (head, tail))]
            reports.extend(pieces)
            used.add(chain[0])
            if pieces:
                last_by_seg[ex.seg_of_tok[min(toks.stop, len(doc) - 1)]] = pieces[-1]
            continue
        starts = ex._starts_clause(first)
        if where == "colon" and len(chain) == 1 and not ex._ends_clause_q(first):
            # "X a tranché : « pas question » de les augmenter": the quotation opens a
            # clause that goes on after it
            mixed = _colon_clause(ex, first, chain[0], frame)
            if mixed is not None:
                reports.append(mixed)
                used.add(chain[0])
                continue
        if not (starts and ex._ends_clause_q(last)) and not (
                where == "colon" or where == "after" and starts):
            # a fragment inside a sentence: part of a mixed report, or a scare quote
            continue
        source = None
        if frame is None:
            words = len(re.findall(r"\w+", ex.text[first.start:first.end]))
            if words < 3 and ex.text[first.end - 1] not in SENTENCE_END_CHARS:
                continue
            # right after a quotation with a speaker: the same speaker, named nowhere here
            k = ex._first_tok_at(first.open)
            seg = ex.seg_of_tok[min(k, len(doc) - 1)]
            previous = last_by_seg.get(seg - 1) or last_by_seg.get(seg)
            if previous is not None and (previous.speaker is not None or previous.source):
                source = previous.source or previous
        speaker = frame.speaker if frame else (
            _subheading_speaker(ex, first) if source is None else None)
        for qi in chain:
            q = ex.quotes[qi]
            r = Report(q.start, q.end, "direct", frame.cue if frame else "",
                        frame.cue_tok if frame else None, speaker, "direct", qi, source)
            reports.append(r)
            used.add(qi)
            k = ex._first_tok_at(q.end)
            last_by_seg[ex.seg_of_tok[min(k, len(doc) - 1)]] = r
            if frame is not None and frame.end < len(doc):
                last_by_seg[ex.seg_of_tok[min(frame.end, len(doc) - 1)]] = r
    return reports


def _resume_after_inner_incise(ex: Extractor, q: QuotedSpan, frame: Frame, k: int,
                               e: int) -> int | None:
    """Token where a quotation resumes after an incise inside its marks, or None.

    "« A, dit-il. B »" and "« A, dit-il, B »" (B a clause: "« Je veux, lance-t-il, que
    nous soyons … »") resume at B; an adjunct or an apposition of the incise (", dit-il,
    les larmes aux yeux, au micro de France 2. B", ", note X, le président de
    l'association. B") is still the frame, and the quotation resumes at the next sentence,
    or not at all.
    """
    doc = ex.doc
    if not ex._starts_clause(q):
        return None
    stop = ex._tok_range(q.start, q.end).stop
    if doc[e].text != ",":
        return e + 1
    rest = next((j for j in range(e + 1, stop) if doc[j].is_punct), stop)
    # (a clause, or a phrase that goes on with the words before the incise: "« Nous
    # sommes, a-t-il expliqué, dans une impasse »"; not an adjunct or an apposition of the
    # incise: "…, dit-il après le match, au micro de …", "…, note X, le président de …")
    if e + 1 < rest and (ex.lows[e + 1] in ("que", "qu'") or any(
            "Fin" in doc[j].morph.get("VerbForm") for j in range(e + 1, rest)) or not (
            _incise_adjunct(ex, e + 1, rest))):
        return e + 1
    end = next((j for j in range(e + 1, stop) if doc[j].text in (".", "!", "?", "…")), stop)
    if any("Fin" in doc[j].morph.get("VerbForm") for j in range(e + 1, end)):
        return None  # (the incise's own clause goes on: not a frame to cut out)
    return end + 1


def _incise_adjunct(ex: Extractor, a: int, b: int) -> bool:
    """Whether the phrase ``[a, b)`` after an incise belongs to it: a participle, a time,
    a circumstance ("lors de", "à l'issue de"), a medium or document ("au micro de France 2",
    "dans un communiqué"), or an apposition to the speaker ("le président du club")."""
    doc = ex.doc
    if "Part" in doc[a].morph.get("VerbForm") or any(
            tuple(ex.lows[a:a + len(w)]) == w for w in ADJUNCT_OPENERS):
        return True
    nouns = [doc[j] for j in range(a, b) if doc[j].pos_ in ("NOUN", "PROPN")]
    return any(noun.lemma_.lower() in ex.lex.source_nouns | SETTING_NOUNS
               or ex.lows[noun.i] in TIME_WORDS or noun.lemma_.lower() in TIME_NOUNS
               for noun in nouns) or bool(nouns) and (
        ex.is_role(nouns[0]) or ex.ent_of_tok[nouns[0].i] >= 0 and doc[a].pos_ == "ADP")


def _colon_clause(ex: Extractor, q: QuotedSpan, qi: int, frame: Frame) -> Report | None:
    """The mixed report of a quotation after a colon that its clause continues, or None
    when only punctuation or a cut (", avant de …") follows the closing mark.
    """
    doc = ex.doc
    a = ex._first_tok_at(q.open)
    after = ex._tok_range(q.open, q.outer_end).stop
    hi = ex._seg(a)[1]
    b = ex.clause_end(after, hi)
    if b <= after or not any(t.is_alpha for t in doc[after:b]) or doc[after].text in (
            ",", ";", ":", "(", "—", "–"):
        return None
    chars = ex.trim(a, b)
    if chars is None:
        return None
    return Report(chars[0], chars[1], "mixed", frame.cue, frame.cue_tok, frame.speaker, "pre")
