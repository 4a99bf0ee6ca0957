"""War and arms constructions of the event rules: fighting, troops, arms and military aid.

Called for each sentence by `extractors.events` (troops fighting beside an ally: `fought_beside`; troops
abroad: `troops_abroad`; arms traded, bought, routed or shared in a war: `arms_traded`; arms made with
another state's help: `made_with_help`; troops or arms sent with no destination named:
`with_known_destination`) and for each trigger by `extractors.event_rules` (military aid and its
destination: `military_aid`, `destination`; comrades in a fight: `comrades`; drills and their partners:
`exercise_partners`; a war's foe and owner: `war_foe`, `backed_war_owners`). Which states are at war is
the lexicon's (`are_at_war`, `_sole_foe`). Pure.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import islice

from spacy.tokens import Span, Token

from extractors import event_attributes, roles
from extractors.clauses import (
    ALL_SUBJECTS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    children,
    counted,
    first_child,
    is_infinitive,
    is_verb,
    object_of,
    parse_index,
    prep_object,
    prep_objects,
    subject_of,
)
from extractors.event_draft import Draft
from extractors.lexicon import Entry, Lexicon
from extractors.resolution import Actor, Resolver
from extractors.triggers import Trigger, asked_whether, is_war

BESIDE = frozenset({"alongside", "beside"})
# Words by which a side fought for hangs on the front a purpose clause names ("to fight at the front for Russia").
_FOR_SIDE = frozenset({"for", *BESIDE})


def fought_beside(sent: Span, drafts: list[Draft], res: Resolver, lex: Lexicon, reference: date | None) -> list[Draft]:
    """Combat as a noun at a named partner's side: "killed in three days of fighting alongside Russian
    troops", "wounded fighting alongside Russian forces" (the parser makes the gerund a noun), "took
    part in combat operations alongside Russian units": the fighters' state gives military aid to the
    partner (bench/data/news README: fighting alongside a state is AID to it). The fighters are the
    subject of the clause the noun is in."""
    found: list[Draft] = []
    # Read from the parse index: a Token object is made only for a combat noun.
    index = parse_index(sent.doc)
    pos, lemma, combat = index.pos, index.lemma, lex.combat_nouns
    for i in range(sent.start, sent.end):
        if pos[i] != "NOUN" or lemma[i].lower() not in combat:
            continue
        tok = index.tokens[i]
        partner = prep_object(tok, BESIDE)
        partners = res.resolve(partner, context=False, strict=False) if partner is not None else []
        if partner is None and tok.lower_ == "fighting":
            # "have died fighting for Russia" (the gerund parsed as a noun): for a state, not for a
            # place ("the fighting for Bakhmut" is a battle over it)
            fought_for = prep_object(tok, ("for",))
            partners = [a for a in res.resolve(fought_for, context=False) if a.kind == "state"]
        verbs = list(islice((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), 3))
        if not verbs or not partners:
            continue
        verb, actors = verbs[0], []
        for up in verbs:
            if up.lemma_.lower() in lex.reporting_verbs:
                break  # "Kyiv said 50 soldiers were killed in fighting alongside ...": not the speaker
            # "were killed or wounded fighting alongside": the coordinated passive's subject; "troops
            # fighting alongside": the noun the participle describes
            subject = first_child(up, SUBJECTS | PASSIVE_SUBJECTS)
            if subject is None and up.dep_ in ("acl", "relcl"):
                subject = up.head
            actors = res.resolve(counted(subject), context=False) if subject is not None else []
            if actors:
                verb = up
                break
        trig = Trigger(verb, Entry("AID"), "AID", "military")
        if event_attributes.negated(trig, lex):
            continue
        when, hedged = event_attributes.event_date(trig, reference, res), event_attributes.hedged(trig, lex)
        for a in actors:
            for p in partners:
                if a.code == p.code or any(d.type == "AID" and d.actor.code == a.code for d in drafts):
                    continue
                found.append(Draft("AID", "military", a, p, None, when, None, False, hedged))
    return found


_PARTNER_PREPS = BESIDE | {"with"}  # a partner's side ("alongside") or "with" a partner word


def troops_abroad(sent: Span, drafts: list[Draft], res: Resolver, lex: Lexicon, reference: date | None) -> list[Draft]:
    """Forces of one state fighting, serving, trained, stationed or moving in another state's ground,
    war or units ("North Korean soldiers fighting in the Kursk region", "are being trained in Russia",
    "has 3,000 soldiers stationed in Russia", "troops thought to be in Russia", "serving in Russian
    units", "taking part in Russia's offensive", "fought side by side with Russian forces", "have moved
    into the Kursk region"): the forces' state gives military aid to that state (bench/data/news README
    "Troops": troops fighting at a state's side are AID to it), hedged when the text hedges. Never to a
    state the forces' state is at war with ("Ukrainian troops fighting in Russia's Kursk region":
    lexicon belligerents), nor to one named as the foe ("against Russian forces"), nor to a front ("to
    the border"), nor to a war named only by its place ("in the Ukraine conflict")."""
    found: list[Draft] = []
    index = parse_index(sent.doc)
    pos, lemma, presence = index.pos, index.lemma, lex.presence_verbs
    for i in range(sent.start, sent.end):
        word = lemma[i].lower()
        if pos[i] not in ("VERB", "AUX") or not (
            word in presence or word in lex.movement_verbs or word in ("be", "take", "join")
        ):
            continue
        tok = index.tokens[i]
        read = _forces_place(tok, word, res, lex)
        if read is None:
            continue
        holder, owners, hedged_by_belief, units = read
        owners = list(owners)
        noun = _forces_noun(holder, lex)
        forces = counted(noun)
        if forces is None or not (units or lex.in_class(forces, "troops")):
            continue
        actors = [a for a in res.resolve(forces, context=False) if a.kind == "state"]
        if not actors and noun is not None and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "have":
            # "Pyongyang has 3,000 soldiers stationed in Russia": the forces are the haver's
            owner = first_child(noun.head, SUBJECTS)
            actors = [a for a in res.resolve(owner, context=False) if a.kind == "state"]
        foes = [
            a
            for p in children(tok, ["prep"])
            if p.lower_ == "against"
            for a in res.resolve(first_child(p, ["pobj"]), context=False, strict=False)
        ]
        trig = Trigger(tok, Entry("AID"), "AID", "military")
        if not actors or event_attributes.negated(trig, lex) or _denied_forces(tok, forces, lex):
            continue
        if asked_whether(tok):
            continue  # "could not confirm whether North Korean soldiers were fighting for Russia": a question
        if word == "train":
            # Trainees abroad aid the host only in its war ("trained in Russia" before the front);
            # "Ukrainian soldiers trained in Britain" are helped by Britain, not helping it.
            owners = [o for o in owners if any(o.code in pair.split() for pair in lex.belligerents)]
        when, hedged = (
            event_attributes.event_date(trig, reference, res),
            hedged_by_belief or event_attributes.hedged(trig, lex),
        )
        for a in actors:
            if any(d.type == "AID" and d.actor.code == a.code for d in drafts + found):
                continue
            for owner in roles.unique(owners):
                if (
                    owner.code == a.code
                    or are_at_war(a.code, owner.code, lex)
                    or any(f.code == owner.code for f in foes)
                ):
                    continue
                found.append(Draft("AID", "military", a, owner, None, when, None, False, hedged))
    return found


def arms_traded(sent: Span, drafts: list[Draft], res: Resolver, lex: Lexicon, reference: date | None) -> list[Draft]:
    """Arms that pass between two states with no direction said ("condemned the arms transfers between
    Belarus and Russia", "the transfer of drones between Minsk and Moscow", "carried military cargo
    between Russia and Belarus") go to the one of the pair at war (lexicon belligerents), AID/military
    from the other (README "Troops": weapons sent to help a state are AID to it); arms moved "from" one
    state "to" another with no doer named ("the shipment of arms from Minsk to Moscow") are the first
    state's AID to the second; a purchase of another state's arms ("Russia's purchase of Belarusian
    drones", "of drones from Belarus") is the seller's AID to the buyer, as the verb "buy" reads."""
    found: list[Draft] = []
    index = parse_index(sent.doc)
    lower, lemma = index.lower, index.lemma
    for i in range(sent.start, sent.end):
        word = lemma[i].lower()
        if lower[i] == "between":
            pair = arms_pair(index.tokens[i], res, lex)
            if pair is None:
                continue
            giver, taker, act = pair
        elif word in lex.purchase_nouns or lower[i] in lex.purchase_nouns:
            bought = _bought_arms(index.tokens[i], res, lex)
            if bought is None:
                continue
            giver, taker, act = bought
        elif word in lex.liberation_words or lower[i] in lex.liberation_words:
            share = _liberation_share(index.tokens[i], res, lex)
            if share is None:
                continue
            giver, taker, act = share
        elif word in lex.war_part_nouns:
            share = _war_share(index.tokens[i], res, lex)
            if share is None:
                continue
            giver, taker, act = share
        elif word in lex.transfer_nouns or word in lex.transfer_verbs or word in lex.carrying_verbs:
            route = _arms_route(index.tokens[i], res, lex)
            if route is None:
                continue
            giver, taker, act = route
        else:
            continue
        trig = Trigger(act, Entry("AID"), "AID", "military")
        if event_attributes.negated(trig, lex) or _conjectured(act, lex):
            continue
        if any(d.type == "AID" and d.actor.code == giver.code and d.recipient == taker for d in drafts + found):
            continue
        when, hedged = event_attributes.event_date(trig, reference, res), event_attributes.hedged(trig, lex)
        found.append(Draft("AID", "military", giver, taker, None, when, None, False, hedged))
    return found


def made_with_help(sent: Span, drafts: list[Draft], res: Resolver, lex: Lexicon, reference: date | None) -> list[Draft]:
    """A thing made with another state's help ("the missile was developed with technical cooperation
    from Russia", "built the reactor with help from Moscow", "makes drones with Russian assistance"):
    the helper's AID to the maker, military when the thing is a weapon, in the place of the cooperation
    each way its noun reads; made still to come ("would build it with Moscow's help"), AGREE (promised
    aid, news README "Promised aid")."""
    index = parse_index(sent.doc)
    out = drafts
    for i in range(sent.start, sent.end):
        if index.lower[i] != "with" or index.dep[i] != "prep":
            continue
        made_with = _help_made_with(index.tokens[i], res, lex)
        if made_with is None:
            continue
        helper, maker, verb = made_with
        trig = Trigger(verb, Entry("AID"), "AID", None)
        if event_attributes.negated(trig, lex):
            continue
        pair = {helper.code, maker.code}
        out = [
            d for d in out if not (d.type == "COOPERATE" and d.recipient and {d.actor.code, d.recipient.code} == pair)
        ]
        if event_attributes.future(trig, lex):
            kind, mode = "AGREE", None
        else:
            kind, mode = "AID", "military" if lex.in_class(counted(object_of(verb)), "weapons") else None
        if any(d.type == kind and d.actor.code == helper.code and d.recipient == maker for d in out):
            continue
        when, hedged = event_attributes.event_date(trig, reference, res), event_attributes.hedged(trig, lex)
        out = [*out, Draft(kind, mode, helper, maker, None, when, None, False, hedged)]
    return out


def _help_made_with(with_: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(the helper, the maker, the making verb) of "with" + a help noun on a verb of making: the helper
    the noun's own state ("Russia's help", "Russian assistance", "help from Moscow", "the help of
    Russian engineers"), the maker the verb's subject or agent, else the state of the thing made ("the
    North Korean missile was developed")."""
    verb, noun = with_.head, first_child(with_, ["pobj"])
    if verb.dep_ in OBJECTS:
        verb = verb.head  # "will build the plant with Russia's help": the parser hangs it on the thing made
    if noun is None or noun.lemma_.lower() not in lex.help_nouns or not is_verb(verb):
        return None
    if verb.lemma_.lower() not in lex.making_verbs:
        return None
    helpers = res.resolve(noun, context=False, strict=False)
    makers = roles.actors(Trigger(verb, Entry("AID"), "AID", None), res, lex)[0]
    if not makers:
        made = object_of(verb)
        makers = res.resolve(made, context=False, strict=False) if made is not None else []
    if len({a.code for a in helpers}) != 1 or len({a.code for a in makers}) != 1:
        return None
    helper, maker = helpers[0], makers[0]
    if helper.code == maker.code or helper.kind != "state" or maker.kind not in ("state", "place"):
        return None
    return helper, maker, verb


def _conjectured(act: Token, lex: Lexicon) -> bool:
    """ "possible arms transfers between", "a potential sale": an act only supposed."""
    return any(c.dep_ == "amod" and c.lower_ in lex.hypothetical for c in act.children)


def _arms_goods(noun: Token, lex: Lexicon) -> bool:
    """Whether a trade noun is one in arms: "arms transfers", "missile deliveries", "the transfer of
    ballistic missiles", "container shipments", "military cargo", "arms dealing" (the parser hangs the
    gerund on "arms")."""
    goods = [noun, *children(noun, ["compound", "amod"]), *(counted(o) for o in prep_objects(noun, ("of",)))]
    if noun.dep_ == "acl":
        goods.append(noun.head)
    if any(lex.in_any_class(g, ("weapons", "cargo")) for g in goods if g is not None):
        return True
    return any(c.dep_ == "amod" and c.lower_ == "military" for c in noun.children)


def arms_pair(between: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(giver, taker, the trade word) of an arms trade "between" two states, one of them at war."""
    if between.dep_ != "prep" or between.lower_ != "between":
        return None
    head = between.head
    trade = lex.transfer_nouns | lex.trade_nouns
    of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if of is not None and of.head.lower_ in trade:
        head = of.head  # "the transfer of drones between Minsk and Moscow": the parser hangs it on the goods
    if head.pos_ in ("NOUN", "VERB") and (head.lower_ in trade or head.lemma_.lower() in trade):
        act = head  # "arms transfers between", "arms dealing between"
        if not _arms_goods(head, lex):
            return None
    elif head.pos_ == "VERB" and head.lemma_.lower() in lex.transfer_verbs | lex.carrying_verbs:
        act = head  # "carried military cargo between Russia and Belarus"
        if not _arms_goods(counted(object_of(head)) or head, lex) or object_of(head) is None:
            return None
    else:
        return None
    sides = [a for a in res.resolve(first_child(between, ["pobj"]), context=False) if a.kind == "state"]
    codes = list(dict.fromkeys(a.code for a in sides))
    if len(codes) != 2:
        return None
    warring = [c for c in codes if any(c in pair.split() for pair in lex.belligerents)]
    if len(warring) != 1:
        return None  # no side at war, or both: the text says nothing of which way the arms went
    taker = next(a for a in sides if a.code == warring[0])
    giver = next(a for a in sides if a.code != warring[0])
    return giver, taker, act


def _arms_route(act: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(giver, taker, the act) of arms moved "from" one state "to" another with no doer named: a noun
    ("the shipment of arms from Minsk to Moscow", "the export of these weapons from Belarus to
    Russia") or a verb of moving whose subject is no state ("ships carried drones from Belarus to
    Russia", "containers going from Belarus to Russia"); the parser may hang either phrase on the goods."""
    if act.pos_ == "NOUN":
        goods: Token | None = act
    elif act.pos_ == "VERB":
        goods = counted(object_of(act)) or (act.head if act.dep_ == "acl" else None)  # "containers going from"
    else:
        return None
    if goods is None or not _arms_goods(goods, lex):
        return None
    holders = [act, goods, *prep_objects(goods, ("of",))]
    ends: dict[str, list[Actor]] = {"from": [], "to": []}
    for prep in (p for h in dict.fromkeys(h for h in holders if h is not None) for p in children(h, ["prep"])):
        pobj = first_child(prep, ["pobj"])
        end = "to" if prep.lower_ == "into" else prep.lower_
        if end in ends and pobj is not None and not _front(pobj, lex):
            ends[end] += [a for a in res.resolve(pobj, context=False) if a.kind == "state"]
    givers, takers = ({a.code for a in ends[k]} for k in ("from", "to"))
    if len(givers) != 1 or len(takers) != 1 or givers == takers:
        return None
    movers = res.resolve(first_child(act, SUBJECTS), context=False) if act.pos_ == "VERB" else []
    if any(a.kind == "state" and a.code not in givers | takers for a in movers):
        return None  # a third state that moves them is the verb's own reading
    return ends["from"][0], ends["to"][0], act


# Where a share in a war is a topic asked or talked about, not a fact stated ("questions about
# Pyongyang's role in the war", "how its calls square with North Korea's part in the war"); so is a
# verb's object ("to hide its involvement", "discussed its role").
_TOPIC_HOLDERS = frozenset({"about", "on", "with", "of"})


def _war_share(noun: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(the state, the helped state, the noun) of a state's own share in a war: "Belarus's involvement
    in the Ukraine war", "Minsk's role in Russia's war" (the war's owner is helped; a war named by
    the state it is against, the one foe of that state: lexicon belligerents)."""
    if noun.pos_ != "NOUN" or noun.dep_ in OBJECTS or (noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_HOLDERS):
        return None  # "to hide / denied / discussed North Korea's role": what is done with it, not the fact
    owner = first_child(noun, ["poss"])
    if owner is None or owner.pos_ == "PRON":
        return None
    doers = [a for a in res.resolve(owner, context=False) if a.kind == "state"]
    war = prep_object(noun, ("in",))
    if len({a.code for a in doers}) != 1 or war is None or not is_war(war, lex):
        return None
    doer = doers[0]
    waged_by = first_child(war, ["poss"])
    helped = [a for a in res.resolve(waged_by, context=False) if a.kind == "state"] if waged_by is not None else []
    if not helped:
        # "the Ukraine war", "the war against Ukraine": the one foe of the state it is named by
        named = [*children(war, ["compound"]), *prep_objects(war, ("against", "in"))]
        places = [a for t in named if t is not None for a in res.resolve(t, context=False) if a.kind == "state"]
        foes = [f for p in places[:1] if (f := _sole_foe(p, res, lex)) is not None]
        helped = foes
    if len(helped) != 1 or helped[0].code == doer.code or are_at_war(doer.code, helped[0].code, lex):
        return None
    return doer, helped[0], noun


def share_in_freeing(freeing: Token, lex: Lexicon) -> tuple[Token, Token | None] | None:
    """(the share noun, the verb that makes or plays it) of a freeing, or any attack, told as someone's
    share in it ("their contribution to retaking the region", "the part the troops played in freeing it",
    "provided assistance in defeating the rebels")."""
    holder = freeing.head if freeing.dep_ in ("pcomp", "pobj") else None
    holder = holder.head if holder is not None else freeing.head if freeing.dep_ == "advcl" else None
    if holder is None:
        return None
    if holder.pos_ == "NOUN":
        share, verb = holder, holder.head if holder.dep_ in OBJECTS else None
    else:
        verb = holder
        made = holder.head if holder.dep_ == "relcl" else object_of(holder)
        share = made if made is not None and made.pos_ == "NOUN" else None
    if share is None or share.lemma_.lower() not in lex.war_part_nouns | lex.contribution_nouns:
        return None
    return share, verb


def _liberation_share(freeing: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(the state, the ground's owner, the share noun) of a state's share in freeing another's ground:
    "Belarus's support in liberating the Belgorod region", "the part Belarusian troops played in
    freeing it", "made a contribution to retaking the region" (the doer the share's possessor or the
    subject of the verb that makes or plays it)."""
    told = share_in_freeing(freeing, lex)
    if told is None:
        return None
    share, verb = told
    owner = first_child(share, ["poss"])
    doer = owner if owner is not None and owner.pos_ != "PRON" else None
    if doer is None and verb is not None and is_verb(verb) and verb.lemma_.lower() in lex.share_verbs:
        doer = counted(first_child(verb, SUBJECTS))  # "the part Belarusian troops played", "had made"
    doers = [a for a in res.resolve(doer, context=False) if a.kind == "state"] if doer is not None else []
    ground = first_child(freeing, OBJECTS) or prep_object(freeing, ("of",))
    owners = [a for a in res.resolve(ground, context=False) if a.kind in ("state", "place")] if ground else []
    if len({a.code for a in doers}) != 1 or len({a.code for a in owners}) != 1:
        return None
    if doers[0].code == owners[0].code or are_at_war(doers[0].code, owners[0].code, lex):
        return None
    taker = owners[0]
    entity = res.gaz.entity(taker.code)
    taker = Actor(taker.code, entity.name if entity is not None else taker.code, None, "state", taker.token)
    return doers[0], taker, share


def between_preps(noun: Token) -> list[Token]:
    """The "between" phrases of a noun or of its "of" object ("the transfer of drones between")."""
    holders = [noun, *prep_objects(noun, ("of",))]
    return [p for h in holders if h is not None for p in children(h, ["prep"]) if p.lower_ == "between"]


def _bought_arms(purchase: Token, res: Resolver, lex: Lexicon) -> tuple[Actor, Actor, Token] | None:
    """(seller, buyer, the purchase noun) of "Russia's purchase of Belarusian drones" / "Moscow's
    acquisition of drones from Minsk": the buyer its possessor, the seller the arms' state or "from"."""
    if purchase.pos_ != "NOUN":
        return None
    buyers = [a for a in res.resolve(first_child(purchase, ["poss"]), context=False) if a.kind == "state"]
    arms = counted(prep_object(purchase, ("of",)))
    if len(buyers) != 1 or arms is None or not lex.in_class(arms, "weapons"):
        return None
    makers = [m for m in children(arms, ["amod", "compound"]) if res.entity_at(m) is not None]
    source = prep_object(purchase, ("from",)) or prep_object(arms, ("from",))
    sellers = [a for m in makers for a in res.resolve(m, context=False)]
    sellers += res.resolve(source, context=False) if source is not None else []
    sellers = [a for a in sellers if a.kind == "state" and a.code != buyers[0].code]
    if len({a.code for a in sellers}) != 1:
        return None
    return sellers[0], buyers[0], purchase


def _forces_place(tok: Token, word: str, res: Resolver, lex: Lexicon) -> tuple[Token, list[Actor], bool, bool] | None:
    """(the verb the forces are said of, the states whose ground, war or units they are in, whether a
    belief hedges it, whether the place is units) for a presence, movement or taking part; None when
    the verb names no such place."""
    holder, hedged = tok, False
    if word == "be":
        # only a belief about where forces are ("thought to be in Russia"); mere presence ("troops
        # are still in Kursk") is not coded (README "Troops")
        if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in lex.belief_verbs:
            return None
        holder, hedged = tok.head, True
    preps = children(tok, ["prep"])
    if word == "take":
        # "taking part in Russia's offensive", "battles ... in which North Korean troops take part"
        part = first_child(tok, ["dobj"])
        if part is None or part.lower_ != "part":
            return None
        preps = preps + children(part, ["prep"])
    joined = first_child(tok, ["dobj"]) if word == "join" else None
    if word == "join" and not is_war(joined, lex):
        return None  # "joined Russia's war": the war is the place; joining a drill or a bloc is no aid
    # "fought side by side with Russian forces": the partner hangs on the adverbial "side"; a bare
    # "with" is the foe ("fought with Ukrainian forces") unless a partner word makes it a partner.
    together = any(c.lower_ in lex.aid_partner_words for c in tok.children if c.dep_ in ("advmod", "npadvmod"))
    preps = [p for p in preps if p.lower_ != "with" or together] + [
        q
        for p in preps
        for o in children(p, ["pobj"])
        if o.lower_ in lex.aid_partner_words
        for q in children(o, ["prep"])
    ]
    allowed = lex.movement_preps if word in lex.movement_verbs else lex.presence_preps
    owners: list[Actor] = []
    units = False
    places = [(prep.lower_, first_child(prep, ["pobj"])) for prep in preps]
    for word_before, place in places + ([("in", joined)] if joined is not None else []):
        if place is None:
            continue
        if word_before in _PARTNER_PREPS:
            if lex.in_class(place, "troops"):  # "fought with Russian units" (a foe's are named "against")
                owners += [a for a in res.resolve(place, context=False, strict=False) if a.kind == "state"]
            continue
        if word_before in lex.fought_for_preps and word in lex.fight_words:
            # "soldiers fighting for Russia": the state they fight for, never a town fought over
            owners += [a for a in res.resolve(place, context=False) if a.kind == "state"]
            continue
        if word_before not in allowed:
            continue
        if place.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            place = tok.head  # "the battles in Kursk in which troops take part"
        if _front(place, lex) or place.lemma_.lower() in lex.exercise_nouns or place.lower_ in lex.exercise_nouns:
            continue  # "heading toward the border": a front, no ally; "take part in the drills": joint, not aid
        if lex.in_class(place, "troops"):
            # "serving in Russian units": the units' state
            units = True
            owners += [a for a in res.resolve(place, context=False, strict=False) if a.kind == "state"]
        elif is_war(place, lex) or place.lemma_.lower() in lex.combat_nouns:
            # "fighting in Russia's war", "part in Russia's offensive", "battles in the Kursk region": the
            # owner, else where it is fought (a war's name, "the Ukraine conflict", is nobody's)
            owner = first_child(place, ["poss"])
            partners = prep_objects(place, _PARTNER_PREPS)
            partners = [p for p in partners if p is not None and lex.in_class(p, "troops")]
            if partners and any(c.lower_ in ("joint", "combined") for c in place.children):
                # "joint operations with Russian troops": the partner's state
                owners += [
                    a for p in partners for a in res.resolve(p, context=False, strict=False) if a.kind == "state"
                ]
            elif owner is not None:
                owners += [a for a in res.resolve(owner, context=False) if a.kind == "state"]
            elif (foe := _war_foe_named(place, res)) is not None:
                # "took part in the war against Ukraine": the one state at war with the foe owns it
                owners += [ally] if (ally := _sole_foe(foe, res, lex)) is not None else []
            elif not is_war(place, lex):
                located = event_attributes.location_at(place, res)
                owners += [located[1]] if located is not None else []
        else:
            located = event_attributes.location_at(tok, res) if word_before in lex.presence_preps else None
            if located is None:
                found = [a for a in res.resolve(place, context=False, strict=False) if a.kind in ("state", "place")]
                owners += found[:1]
            else:
                owners.append(located[1])
    if word == "reach":
        place = first_child(tok, ["dobj"])  # "have reached Russia's Kursk region"
        if place is not None and not _front(place, lex):
            owners += [a for a in res.resolve(place, context=False, strict=False) if a.kind in ("state", "place")][:1]
    return (holder, owners, hedged, units) if owners else None


def _war_foe_named(war: Token, res: Resolver) -> Actor | None:
    """The one state a war is said to be "against" ("the war against Ukraine"), if any."""
    against = prep_object(war, ("against",))
    foes = [a for a in res.resolve(against, context=False, strict=False) if a.kind == "state"]
    return foes[0] if len(foes) == 1 else None


def _denied_forces(verb: Token, forces: Token, lex: Lexicon) -> bool:
    """Whether the forces are denied ("no North Korean soldiers are fighting") or the clause is what a
    refusal refutes ("Seoul denied that its troops were stationed in Ukraine")."""
    if any(c.dep_ == "det" and c.lower_ in lex.negation for c in forces.children):
        return True
    return any(up.lemma_.lower() in lex.refusal_verbs for up in islice(verb.ancestors, 3))


def _forces_noun(verb: Token, lex: Lexicon) -> Token | None:
    """The forces a presence verb is said of: the noun its participle or relative clause describes
    ("soldiers fighting in Kursk"), else its subject, the forces among several ("Kyiv suspected
    troops were fighting", parsed with two subjects)."""
    described = verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN")
    if described and verb.head.tag_ not in ("WDT", "WP") and not any(c.dep_ in ALL_SUBJECTS for c in verb.children):
        return verb.head
    if (
        described
        and verb.dep_ == "relcl"
        and verb.lemma_.lower() in lex.fight_words
        and any(c.dep_ in ALL_SUBJECTS and c.tag_ in ("WP", "WDT") for c in verb.children)
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    ):
        # "the soldiers who fought side by side with Russian troops": the relative's antecedent fought
        # (not "troops who would be deployed in Ukraine": a force supposed, nor one only stationed).
        return verb.head
    subjects = children(verb, ALL_SUBJECTS)
    if not subjects and verb.dep_ == "xcomp":
        subjects = children(verb.head, ALL_SUBJECTS)  # "the forces keep taking part in"
    return next((s for s in subjects if lex.in_class(counted(s), "troops")), subjects[0] if subjects else None)


def are_at_war(first: str, second: str, lex: Lexicon) -> bool:
    """Whether the lexicon lists two states as at war with each other (belligerents)."""
    return f"{first} {second}" in lex.belligerents or f"{second} {first}" in lex.belligerents


def with_known_destination(drafts: list[Draft], helped: dict[str, Actor], res: Resolver, lex: Lexicon) -> list[Draft]:
    """ "That would be three times the force it has already sent, after it dispatched 11,000 troops":
    troops or arms sent with no destination named go where the text said the sender's troops or arms
    went (AID/military to that state), not to a show of force aimed at nobody. Forces that pull back
    from an ally's war ("the North Korean troops pulled back from the front line in Kursk") withdraw
    from the ally's foe, whom they fought."""
    kept: list[Draft] = []
    for draft in drafts:
        partner = helped.get(draft.actor.code)
        if draft.transfer and draft.type == "MOBILIZE" and draft.recipient is None and partner is not None:
            # "is preparing to send reinforcements": a sending still to come is aid promised (news README)
            kind, mode = ("AGREE", None) if draft.to_come else ("AID", "military")
            draft = replace(draft, type=kind, mode=mode, recipient=partner)
        elif draft.type == "AID" and draft.recipient is None and partner is not None:
            # "North Korea had delivered 50 howitzers", "Russia reported supplying 15,279 barrels": aid
            # with no recipient named goes where the text said the giver's troops, arms or goods went.
            draft = replace(draft, recipient=partner)
        elif draft.type == "RETREAT" and partner is not None and _from_ally(draft, partner):
            foe = _sole_foe(partner, res, lex)
            draft = replace(draft, recipient=foe) if foe is not None else draft
        kept.append(draft)
    return kept


def armed_another_state(actors: list[Actor], recipients: list[Actor], res: Resolver) -> bool:
    """Whether arms handed over went from a state (or its officials) "to" another state, not from a
    non-state group to whoever disarms it ("the militia handed over its rifles to the army"), nor
    forces withdrawn "from" a state ("pulled its last soldiers out of Mali")."""
    givers = {a.code for a in actors}
    return (
        bool(recipients)
        and all(a.kind != "group" for a in actors)
        and all(
            r.kind == "state" and r.code not in givers and r.token is not None and _given_to(res.tokens[r.token])
            for r in recipients
        )
    )


def _given_to(name: Token) -> bool:
    """Whether a name is what something is given to: "to Russia" or the indirect object ("handed Russia")."""
    head = name.head if name.dep_ in ("compound", "amod") else name
    return head.dep_ == "dative" or (head.dep_ == "pobj" and head.head.lower_ == "to")


def _from_ally(draft: Draft, ally: Actor) -> bool:
    """Whether a withdrawal names no ground or names the ally's own ("left the front line in Kursk")."""
    return draft.recipient is None or draft.recipient.code == ally.code


def _sole_foe(ally: Actor, res: Resolver, lex: Lexicon) -> Actor | None:
    """The one state the lexicon lists as at war with an ally (belligerents), named by its name and read
    where the ally was (the text names no foe)."""
    states = [pair.split() for pair in lex.belligerents]
    foes = {other for pair in states if ally.code in pair for other in pair if other != ally.code}
    if len(foes) != 1:
        return None
    (foe,) = foes
    entity = res.gaz.entity(foe)
    return Actor(foe, entity.name if entity is not None else foe, None, "state", ally.token)


def joined_exercise(trig: Trigger, lex: Lexicon) -> Token | None:
    """The drill a trigger takes part in or sends forces to: "took part in the drill", "joined the
    exercise", "sent a destroyer to the exercise", "will send forces to join exercises"."""
    tok = trig.token
    if trig.is_noun:
        light = trig.light
        joining = light is not None and light.lemma_.lower() in lex.participation_verbs
        return tok if joining and tok.lower_ in lex.exercise_nouns else None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "for"):
            pobj = first_child(child, ["pobj"])
            if pobj is not None and pobj.lower_ in lex.exercise_nouns:
                return pobj
        if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in lex.participation_verbs:
            obj = first_child(child, OBJECTS)
            if obj is not None and obj.lower_ in lex.exercise_nouns:
                return obj
    return None


def weapons_maker(trig: Trigger, res: Resolver, lex: Lexicon, known: list[Actor]) -> list[Actor]:
    """The state that made the weapons a relative clause says were fired: "the missiles that Russia
    fired at Kharkiv were made in North Korea" (the antecedent, subject of a passive verb of making
    with `in` or `by` its maker)."""
    tok = trig.token
    goods = tok.head if tok.dep_ == "relcl" else None
    if goods is None or not lex.in_class(goods, "weapons"):
        return []
    if goods.dep_ == "pobj" and goods.head.lower_ == "of":
        goods = goods.head.head  # "two of the missiles that Russia fired ... were made in"
    if goods.dep_ not in PASSIVE_SUBJECTS:
        return []
    made = goods.head
    if made.lemma_.lower() not in lex.made_verbs:
        return []
    found: list[Actor] = []
    for prep in children(made, ["prep", "agent"]):
        if prep.lower_ not in ("in", "by"):
            continue
        for actor in res.resolve(first_child(prep, ["pobj"]), context=False):
            if actor.kind == "state" and all(actor.code != a.code for a in known + found):
                found.append(actor)
    return found


def exercise_partners(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """The states a drill is held "with", on the drill noun, on the verb that holds it or on a verb of
    drilling itself ("exercises with Belarus", "held drills with Chinese vessels", "a joint drill with the
    air forces of Germany", "drilled with Chinese vessels"), other than its doers."""
    tok = trig.token
    if not trig.is_noun and tok.lemma_.lower() in lex.exercise_nouns:
        holders = [tok]  # the verb of drilling or patrolling itself: "drilled with Chinese vessels"
    elif tok.lower_ not in lex.exercise_nouns:
        drill = None if trig.is_noun else first_child(tok, OBJECTS)  # "held drills with China"
        if drill is None or drill.lower_ not in lex.exercise_nouns:
            return []
        holders = [drill, tok]
    else:
        holders = [tok] if trig.light is None else [tok, trig.light]
    found: list[Actor] = []
    for holder in holders:
        for prep in children(holder, ["prep"]):
            if prep.lower_ != "with":
                continue
            partner = first_child(prep, ["pobj"])
            if partner is not None and first_child(partner, ["appos"]) is not None:
                partner = first_child(partner, ["appos"])  # "with its close ally Belarus"
            named = res.resolve(partner, context=False)
            for actor in named:
                if actor.code and all(actor.code != a.code for a in actors + found):
                    found.append(actor)
    return found


def exercise_holders(drill: Token, res: Resolver, actors: list[Actor]) -> list[Actor]:
    """The states a drill names besides the ones taking part ("the Russian-led exercise", "exercises
    that the Chinese military is organising")."""
    found: list[Actor] = []
    for child in drill.children:
        if child.dep_ == "prep" and child.lower_ not in ("with", "by", "of"):
            continue  # "in the Indian Ocean", "off Ukraine's coast": where it is held, not by whom
        for sub in child.subtree:
            info = res.entity_at(sub)
            if info is None or info.code is None or info.kind not in ("state", "igo"):
                continue
            if all(info.code != a.code for a in actors + found):
                found.append(Actor(info.code, info.span.text, info.entity_id, info.kind, sub.i))
    return found


def foreign_owners(
    obj: Token | None, res: Resolver, lex: Lexicon, actors: list[Actor], goods: str = "troops"
) -> list[Actor]:
    """The states named on troops a verb moves (or on weapons it fires: goods "weapons") that are not
    its doers ("North Korean troops", "Pyongyang's soldiers", "North Korean missiles"); none for the
    doer's own ("its troops", "Russian forces")."""
    if obj is None or not lex.in_class(obj, goods):
        return []
    owners: list[Actor] = []
    for child in obj.children:
        if child.dep_ not in ("amod", "compound", "poss", "nmod") or child.pos_ == "PRON":
            continue
        for actor in res.resolve(child, context=False):
            if actor.kind == "state" and all(actor.code != a.code for a in actors + owners):
                owners.append(actor)
    return owners


def moved_forces(trig: Trigger) -> Token | None:
    """What a movement moves: a verb's object ("deployed North Korean troops"), a noun's "of" phrase
    ("the deployment of North Korean troops")."""
    if not trig.is_noun:
        return object_of(trig.token)
    return prep_object(trig.token, ("of",))


def own_forces(tok: Token, lex: Lexicon) -> bool:
    """Whether an actor was read from troops or from the name on them ("its soldiers", "8,500 U.S.
    troops")."""
    return lex.in_class(tok, "troops") or (
        tok.dep_ in ("compound", "amod", "poss", "nmod") and lex.in_class(tok.head, "troops")
    )


def own_side_harmed(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a verb of violence falls on the doer's own side: a reflexive object ("ordered to kill
    themselves"), its "own" people ("kill their own wounded", "were killed by their own side") or
    comrades. Violence within a force aims at no foe; the news coders code none (nor PLOVER an
    ASSAULT of an actor on itself)."""
    if trig.is_noun:
        return False
    tok = trig.token
    victims = children(tok, OBJECTS)
    victims += [
        g for p in children(tok, ["agent", "prep"]) if p.lower_ == "by" for g in children(p, ["pobj"])
    ]  # the passive doer: "were killed by their own side"
    for victim in victims:
        if victim.tag_ == "PRP" and victim.lower_.endswith(("self", "selves")):
            return True
        own = any(c.lower_ == "own" for c in victim.children)
        possessed = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in victim.children)
        if own or (
            {victim.lemma_.lower(), victim.lower_} & lex.comrade_words and (possessed or victim.dep_ in OBJECTS)
        ):
            return True
    return False


def war_foe(tok: Token, lex: Lexicon) -> bool:
    """Whether a name is what a war is waged on ("its war on Ukraine", "the war against Kyiv")."""
    up = tok
    while up.dep_ in ("compound", "amod", "conj") and up.head.i != up.i:
        up = up.head
    prep = up.head
    return (
        up.dep_ == "pobj"
        and prep.lower_ in ("on", "against")
        and prep.head.i != prep.i
        and prep.head.lemma_.lower() in lex.war_nouns
    )


def fought_as_partners(tok: Token, lex: Lexicon) -> bool:
    """Whether a fight's subjects fought on one side: "together", "jointly", "side by side", "shoulder
    to shoulder" on the verb."""
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in lex.aid_partner_words for c in tok.children)


def backed_war_owners(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """The owner of the war a verb or noun of support backs ("backing for Russia's war of aggression",
    "supported Moscow's invasion"), when another state owns it."""
    tok = trig.token
    if trig.is_noun and trig.light is not None:
        return []  # "voiced his full support for Moscow's war": words of support (SUPPORT)
    backed = prep_objects(tok, ("for",))
    if not trig.is_noun:
        backed.append(first_child(tok, OBJECTS))
    own = {a.code for a in actors}
    for war in backed:
        if is_war(war, lex):
            owner = first_child(war, ["poss"])
            if owner is not None and owner.pos_ != "PRON":
                return [a for a in res.resolve(owner, context=False) if a.code not in own]
    return []


def comrades(
    trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor], recipients: list[Actor]
) -> tuple[list[Actor], list[Actor]]:
    """(partners, enemies) of a fight: "alongside"/"beside" X is a partner, and so is "with" X when
    an enemy is named ("fighting with Russian forces against Ukraine"); else "with" is the enemy."""
    preps = {p.lower_: first_child(p, ["pobj"]) for p in children(trig.token, ["prep"])}
    partner = preps.get("alongside") or preps.get("beside") or preps.get("with")
    if "against" not in preps and partner is not None:
        # The parser may hang "against Ukraine" on the partner: "with Russian forces against Ukraine".
        preps |= {p.lower_: first_child(p, ["pobj"]) for p in children(partner, ["prep"]) if p.lower_ == "against"}
    enemies = res.resolve(preps.get("against"), context=False, strict=False)
    partner_words = ["alongside", "beside", "for"] + (["with"] if enemies else [])  # "fighting for Russia"
    partners = [a for w in partner_words for a in res.resolve(preps.get(w), context=False, strict=False)]
    partners += [a for side in _partner_sides(trig.token, lex) for a in res.resolve(side, context=False, strict=False)]
    # "fighting in Russia's war against Ukraine": the war's owner is the partner; the war's foe is whom
    # the owner's own troops fight ("Russian troops fought in Russia's war against Ukraine").
    war = preps.get("in")
    owner = first_child(war, ["poss"]) if war is not None and war.lemma_.lower() in lex.war_nouns else None
    if owner is not None:
        partners += res.resolve(owner, context=False, strict=False)
    if is_war(war, lex):
        # "took part in the fighting on Russia's side", "died in fighting alongside Russian troops": the
        # side is named on the war (whose side it is when the verb's subject is who fought: "killed
        # soldiers in fighting alongside Russian troops" names the soldiers' partner, not the killers').
        sides = _partner_sides(war, lex)
        if first_child(trig.token, OBJECTS) is None:
            sides += prep_objects(war, BESIDE)
        partners += [a for side in sides for a in res.resolve(side, context=False, strict=False)]
    own = {a.code for a in actors}
    partners = [p for p in roles.unique(partners) if p.code not in own]
    if not partners:
        if owner is not None and not (recipients or enemies):
            foe = prep_object(war, ("against",))
            return [], res.resolve(foe, context=False, strict=False)
        return [], recipients
    codes = {p.code for p in partners}
    return partners, [r for r in (enemies or recipients) if r.code not in codes]


def _partner_sides(tok: Token, lex: Lexicon) -> list[Token]:
    """Whom a fight is fought beside, named with a partner word: "together with Russian forces",
    "shoulder to shoulder with Russian troops" (the parser may hang "with" under "shoulder"), "on
    Russia's side", "on the side of Russia"."""
    holders = [tok, *[c for c in tok.children if c.lower_ in lex.aid_partner_words]]
    found: list[Token] = []
    for prep in (p for h in holders for p in children(h, ["prep"])):
        pobj = first_child(prep, ["pobj"])
        if pobj is None:
            continue
        before = tok.doc[prep.i - 1].lower_ if prep.i > 0 else ""
        if prep.lower_ == "with" and before in lex.aid_partner_words:
            found.append(pobj)
        elif prep.lower_ == "on" and pobj.lower_ in lex.aid_partner_words:
            owner = first_child(pobj, ["poss"]) or prep_object(pobj, ("of",))
            if owner is not None:
                found.append(owner)
    return found


def military_aid(
    trig: Trigger,
    res: Resolver,
    lex: Lexicon,
    actors: list[Actor],
    recipients: list[Actor],
    location: tuple[str, Actor] | None,
) -> tuple[list[Actor], list[Actor]]:
    """(helped, foes) of a troop or weapons movement: who it helps (a purpose clause "to support
    Russian forces", "to fight alongside", or a destination state "sent troops to Russia") and whom
    it is aimed at ("to fight Ukraine"). No helped party: it stays a show of force (MOBILIZE)."""
    tok = trig.token
    own = {a.code for a in actors}
    helped: list[Actor] = []
    foes: list[Actor] = []
    clauses = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and is_infinitive(c)]
    obj = object_of(tok)
    if obj is not None:
        clauses += [c for c in obj.children if c.dep_ in ("acl", "relcl") and is_infinitive(c)]
    for clause in clauses:
        lemma = clause.lemma_.lower()
        target = first_child(clause, OBJECTS)
        if lemma in lex.aid_purposes:
            done = first_child(clause, ["ccomp", "xcomp"])
            if target is None and done is not None:
                target = first_child(done, SUBJECTS)  # "to help Russia fight Ukraine": a small clause
            if is_war(target, lex):
                target = first_child(target, ["poss"])  # "to back Russia's war against Ukraine": its owner
            helped += res.resolve(roles.small_clause_subject(target), context=False, strict=False)
        elif lemma in lex.hostile_purposes:
            # "to retake the part of the Kursk region held by Kyiv": ground is fought over, not the foe
            if not _ground(target, lex):
                foes += res.resolve(target, context=False, strict=False)
            for prep in children(clause, ["prep"]):
                pobj = first_child(prep, ["pobj"])
                if prep.lower_ in lex.aid_partner_preps:
                    helped += res.resolve(pobj, context=False, strict=False)
                elif prep.lower_ == "on" and pobj is not None and pobj.lower_ == "behalf":
                    # "to fight Ukraine on behalf of Russia", "on Moscow's behalf"
                    owner = first_child(pobj, ["poss"]) or prep_object(pobj, ("of",))
                    helped += res.resolve(owner, context=False, strict=False)
                elif prep.lower_ in ("against",):
                    foes += res.resolve(pobj, context=False, strict=False)
                elif (
                    prep.lower_ in lex.presence_preps
                    and lemma in lex.fight_words
                    and pobj is not None
                    and not _front(pobj, lex)
                    and not is_war(pobj, lex)
                ):
                    # "sent troops to fight in Russia", "soldiers sent to fight in the Kursk region": the
                    # ground fought on is the state helped, as "troops fighting in Kursk" (troops_abroad);
                    # the sender's foe there is no partner (are_at_war below).
                    helped += [a for a in res.resolve(pobj, context=False, strict=False) if a.kind != "person"]
                elif pobj is not None and _front(pobj, lex):
                    # "to fight at the front for Russia": the parser hangs the side fought for on the front
                    sides = [first_child(p, ["pobj"]) for p in children(pobj, ["prep"]) if p.lower_ in _FOR_SIDE]
                    helped += [a for side in sides for a in res.resolve(side, context=False, strict=False)]
            # "to fight on Russia's side", "to fight together with Russian forces" (README "Troops")
            helped += [
                a for side in _partner_sides(clause, lex) for a in res.resolve(side, context=False, strict=False)
            ]
    if lex.in_class(counted(obj), "troops"):
        # "dispatched troops to battle beside Moscow's forces": the parser may hang the partner on the sending
        beside = [first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ in BESIDE]
        helped += [a for side in beside for a in res.resolve(side, context=False, strict=False)]
    # "deployed troops for Russia's campaign against Ukraine": the war's owner is helped, its foe not.
    for prep in children(tok, ["prep"]):
        war = first_child(prep, ["pobj"]) if prep.lower_ == "for" else None
        if is_war(war, lex):
            owners = [
                a for a in res.resolve(first_child(war, ["poss"]), context=False, strict=False) if a.code not in own
            ]
            helped += owners
            for against in children(war, ["prep"]) if not owners else []:
                if against.lower_ == "against":  # "for its campaign against Ukraine": a show of force
                    foes += res.resolve(first_child(against, ["pobj"]), context=False, strict=False)
    foe_codes = {f.code for f in foes}
    # "to support its war": the possessive is the sender's own; the destination decides below.
    helped = [h for h in helped if h.code not in own]
    verb = trig.light if trig.is_noun and trig.light is not None else tok
    transfer = tok.lemma_.lower() in lex.transfer_verbs or verb.lemma_.lower() in lex.transfer_verbs
    if trig.is_noun and (tok.lemma_.lower() in lex.transfer_nouns or tok.lower_ in lex.transfer_nouns):
        transfer = True
    if not helped and transfer:
        if trig.entry.host:
            helped = list(recipients)  # "Belarus will host Russian weapons": the host is helped
        movers = [tok]
        if trig.is_noun:
            # "shipments of shells to Russia": the parser may hang the destination on what is moved.
            movers += prep_objects(tok, ("of", "from"))
            if trig.stands_alone and tok.dep_ in OBJECTS:
                movers.append(tok.head)  # "condemned the dispatch of troops to Russia", "to" on the verb
        for prep in [p for mover in movers if mover is not None for p in children(mover, ["prep", "dative"])]:
            if prep.dep_ == "dative" and prep.pos_ in ("PROPN", "NOUN"):
                # "had sent Moscow 3,000 more soldiers": the indirect object is where they went, as "to Moscow"
                helped += res.resolve(prep, context=False, strict=False)
                continue
            pobj = first_child(prep, ["pobj"])
            if prep.lower_ != "to" or pobj is None or _front(pobj, lex):
                continue
            helped += res.resolve(pobj, context=False, strict=False)
        # "arrived in Russia's Kursk province": in another state, at its side; "sent soldiers to
        # train in Russia": the purpose clause says where they went.
        if not helped and location is not None and destination(trig, lex):
            helped = [location[1]]
        for clause in clauses:
            if helped or clause.lemma_.lower() in lex.hostile_purposes:
                break
            for prep in children(clause, ["prep"]):
                pobj = first_child(prep, ["pobj"])
                if pobj is not None and lex.in_class(pobj, "wars"):
                    # "to help with the war in Ukraine": not Ukraine; "with Russia's war": its owner
                    pobj = first_child(pobj, ["poss"])
                place = prep.lower_ in ("in", "to", "inside") and not _front(pobj, lex) if pobj is not None else False
                if place or prep.lower_ in lex.aid_partner_preps:  # "to train with Russian units"
                    helped += [a for a in res.resolve(pobj, context=False, strict=False) if a.kind != "person"]
    helped = [h for h in roles.unique(helped) if h.code not in own and h.code not in foe_codes]
    # "Russian troops stationed in Ukraine", "sent troops into Ukraine": no aid to a state at war with
    # the sender (lexicon belligerents); the movement is aimed at it.
    at_war = [h for h in helped if any(are_at_war(code, h.code, lex) for code in own)]
    helped = [h for h in helped if h not in at_war]
    foes = [f for f in roles.unique(foes + at_war) if f.code not in own]
    return helped, foes


def _ground(tok: Token | None, lex: Lexicon) -> bool:
    """Territory as the object of a fight ("retake the part of the Kursk region", "recapture the
    town"): the land, not its state, is what is fought for."""
    if tok is None:
        return False
    if tok.lemma_.lower() in lex.portion_nouns:
        tok = prep_object(tok, ("of",)) or tok
    return lex.in_class(tok, "territory")


def fight_purpose(trig: Trigger, lex: Lexicon) -> bool:
    """A fight that is the purpose of a movement or a readiness ("troops sent to fight for Russia",
    "sent troops to Russia to train and to fight", "trained and ready to fight Ukraine"): the sending
    is the event (AID to the partner, MOBILIZE), the fight not yet one."""
    current = trig.token
    if trig.is_noun:
        return False
    while current.dep_ == "conj" and current.head.i != current.i and is_verb(current.head):
        current = current.head  # "to train and to fight"
    if current.dep_ not in ("advcl", "xcomp", "acl") or not is_infinitive(current):
        return False
    head = current.head
    return head.lemma_.lower() in lex.transfer_verbs or head.lower_ in lex.intent_adjectives


def troops_ready(trig: Trigger, lex: Lexicon) -> bool:
    """Whether what a fight is the purpose of is said of forces ("troops ... ready to fight", "soldiers
    sent to fight"): the subject of the clause the fight hangs from is troops."""
    current = trig.token
    while current.dep_ == "conj" and current.head.i != current.i and is_verb(current.head):
        current = current.head
    head = current.head
    if head.lemma_.lower() in lex.transfer_verbs:
        return True
    return lex.in_class(counted(subject_of(head)), "troops")


def _front(tok: Token, lex: Lexicon) -> bool:
    """A destination that is a front, not an ally: "to the Polish border", "to the front line"; not a
    state's own region named for its border ("to Russia's Kursk border region": Russian ground)."""
    if tok.lemma_.lower() in lex.front_nouns:
        return True
    return lex.in_class(tok, "border") and first_child(tok, ["poss"]) is None


def destination(trig: Trigger, lex: Lexicon) -> bool:
    """Whether the trigger's locative phrase is an arrival "in"/"at" a place rather than a front
    ("along the border", "near Ukraine")."""
    for prep in children(trig.token, ["prep"]):
        pobj = first_child(prep, ["pobj"])
        if prep.lower_ in ("in", "at", "inside") and pobj is not None and not _front(pobj, lex):
            return True
    return False
