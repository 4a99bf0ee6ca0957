"""The per-trigger event rule: which events one trigger makes (`trigger_drafts`).

A trigger's actors and recipients come from `extractors.roles` and its place, date, negation and hedging
from `extractors.event_attributes`; this module decides what they make: the type and mode, the pairs, and
the constructions that turn them round or set them aside, each a predicate below `trigger_drafts`: pledges
and plans, meetings to come and invitations (`_scheduled`, `_planned_meeting`, `_reported_plan`,
`_inviters`), goodwill messages and letters (`_goodwill`, `letter_contents`), praise and thanks for support,
orders carried out (`_executed`), clemency, questioned captives. The war and arms constructions it calls
are in `extractors.war_acts`. Pure.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from extractors import event_attributes, roles
from extractors.clauses import (
    OBJECTS,
    SUBJECTS,
    according_to,
    children,
    clause_mood,
    condition_clauses,
    counted,
    first_child,
    gerund_after_to,
    is_infinitive,
    object_of,
    prep_objects,
    subject_of,
)
from extractors.event_draft import Draft
from extractors.lexicon import Lexicon, noun_forms
from extractors.resolution import Actor, Resolver, is_group_noun
from extractors.triggers import Trigger, is_response, is_thing, is_war, parse_spec, prospect_topic, supposed_outcome
from extractors.war_acts import (
    armed_another_state,
    arms_pair,
    backed_war_owners,
    between_preps,
    comrades,
    destination,
    exercise_holders,
    exercise_partners,
    fight_purpose,
    foreign_owners,
    fought_as_partners,
    joined_exercise,
    military_aid,
    moved_forces,
    own_forces,
    own_side_harmed,
    share_in_freeing,
    troops_ready,
    war_foe,
    weapons_maker,
)


def trigger_drafts(trig: Trigger, res: Resolver, lex: Lexicon, reference: date | None) -> list[Draft]:
    tok = trig.token
    pledged = _pledged_support(trig, lex)
    if pledged:
        # "pledged that North Korea will stand by Russia": a pledge whose clause is support is that
        # support (as "pledged his full support" is), by the clause's own subject.
        return [d for inner in pledged for d in trigger_drafts(inner, res, lex, reference)]
    if _feared(trig, lex):
        return []  # "officials fear that Russia may give Pyongyang technology": feared, not done
    if _mentioned_again(trig):
        return []  # "During the visit, Kim reiterated ...": the visit the text told of, not a new one
    if _pact_provision(trig, lex):
        return []  # "Under the treaty, Lima and Quito pledge to help each other": what the pact provides
    actors, patient = roles.actors(trig, res, lex)
    goodwill = _goodwill(trig, lex)
    if goodwill is None and trig.type == "SUPPORT" and any(lex.in_class(n, "letters") for n in _carried(trig)):
        return []  # "sent a clear message to Quito", "delivered the letter": no letter sent (_letter_sent)
    senders = _goodwill_senders(goodwill, tok, res) if goodwill is not None else []
    if senders:
        # "the envoy passed on the greetings of Lula to Ruto", "he conveyed greetings from Modi": goodwill
        # carried by a messenger is its owner's (the news sets code the owner's SUPPORT, not the envoy's).
        actors = senders
    crowd = roles.protesting_crowd(trig, res, lex, actors) if trig.type == "PROTEST" else None
    if crowd is not None:
        # "Thousands of protesters marched through Lima", "a general strike paralysed the capital":
        # people's protests have no actor id (as the news coders code them), aimed at the state protested.
        actors = [crowd]
    if not actors:
        return []
    if trig.type == "ASSAULT" and own_side_harmed(trig, lex):
        return []  # "kill their own wounded", "told its soldiers to kill themselves": no foe is attacked
    if trig.type == "ASSAULT" and share_in_freeing(tok, lex) is not None:
        return []  # "their assistance in defeating the rebels": a share in an attack is aid (arms_traded), no attack
    kind, mode = trig.type, trig.mode
    if crowd is not None:
        recipients = roles.protest_targets(trig, res, lex, crowd, patient, mode)
    else:
        recipients = roles.recipients(trig, res, lex, patient, actors)
    if trig.type == "AID":
        # "supplying the Russian military with shells for its war on Ukraine": a war's foe is not helped.
        recipients = [r for r in recipients if r.token is None or not war_foe(res.tokens[r.token], lex)]
        supplied = first_child(trig.token, OBJECTS) if not recipients and not trig.is_noun else None
        if supplied is not None and any(p.lower_ == "with" for p in children(trig.token, ["prep"])):
            # "supplied Russia with shells": the object is who is supplied (not the actor's own forces)
            codes = {a.code for a in actors}
            recipients = [
                r for r in roles.not_own(res.resolve(supplied, context=False), actors, lex) if r.code not in codes
            ]
    if goodwill is not None and not recipients:
        # "greetings of Lula to Ruto", "greetings from Modi to Ruto": the addressee hangs on the greetings.
        recipients = roles.not_own(_goodwill_addressees(goodwill, res), actors, lex)
        if not recipients and not lex.in_class(goodwill, "greetings"):
            return []  # "delivered a message to the nation": a letter to no one else is none
    # The greetings themselves as the trigger (the model's evidence: "greetings" where the rules read "sent").
    greeted = goodwill if goodwill is not None else (tok if trig.is_noun and lex.in_class(tok, "greetings") else None)
    if greeted is not None and recipients and {r.code for r in recipients} <= {a.code for a in actors}:
        # "sent New Year greetings to the workers", "to the troops abroad": a leader's greetings to his
        # own people are no support given to another actor (CAMEO 05).
        return []
    if trig.type == "SUPPORT" and roles.supports_itself(trig, res, lex, actors):
        return []
    war_owners = backed_war_owners(trig, res, lex, actors) if trig.type == "SUPPORT" else []
    if war_owners:
        # "North Korea's backing for Russia's war", "supports Moscow's invasion": backing a state's war
        # is military help to it (README "Troops": military backing is AID, not also SUPPORT).
        kind, mode, recipients = "AID", "military", war_owners
    executed = _executed(trig, recipients, lex)
    if executed is not None:
        kind, mode = executed
    if kind == "DEMAND" and _asked_to_visit(trig, lex):
        # "Putin asked Kim to come to Russia again", "urged Lavrov to visit Beijing": asking someone to
        # visit is an invitation, AGREE from the host to the invited (as 'invite' codes it).
        kind, mode = "AGREE", None
    # A promise to attack is a threat (CAMEO 13x); its mode follows the act promised.
    conflict = [i for i in trig.inner if i.type in lex.threat_modes]
    if kind == "AGREE" and conflict and trig.entry.governs:
        kind = "THREATEN"
    if kind == "THREATEN" and mode is None and conflict:
        inner = conflict[0]
        mode = lex.threat_modes.get(f"{inner.type}/{inner.mode}") or lex.threat_modes.get(inner.type)
    if mode is None and trig.inner:
        mode = next((i.mode for i in trig.inner if i.mode and i.type in ("AID", "AGREE", kind)), None)
    untargeted = parse_spec(trig.entry.untargeted) if trig.entry.untargeted else None
    weapons = lex.in_class(counted(object_of(tok)), "weapons")
    if untargeted is not None and weapons and not recipients and not roles.targeted(trig, res):
        kind, mode = untargeted
        # A show of force is aimed where it is made: "sent warships around Taiwan".
        preps = lex.type_preps.get(kind, ())
        held = roles.subtree_prep_objects(tok, preps)  # the trigger's and the nouns' of its phrase
        recipients = roles.prep_recipients([], preps, res, lex, actors, trig, domestic=False, found_nouns=held)
    if trig.entry.igo_type and any(r.kind == "igo" for r in recipients):
        kind = trig.entry.igo_type
    if kind == "AID" and mode is None:
        mode = event_attributes.aid_mode(trig, lex)
    location = event_attributes.location(trig, res)
    foes: list[Actor] = []
    partners: list[Actor] = []
    if kind == "MOBILIZE" and mode in ("troops", "weapons"):
        helped, foes = military_aid(trig, res, lex, actors, recipients, location)
        if helped:
            kind, mode, recipients = "AID", "military", helped
        elif foes and not recipients:
            recipients, foes = foes, []
    elif kind == "AID" and mode == "military" and not trig.is_noun:
        # "sent warships around Taiwan to intimidate Taipei" is a show of force, not aid.
        helped, foes = military_aid(trig, res, lex, actors, [], None)
        if foes and not helped:
            kind, mode, recipients, foes = "MOBILIZE", "weapons", foes, []
    elif kind == "ASSAULT":
        # "fought alongside Russian troops (against Ukraine)": aid to the partner, not an attack on it.
        partners, recipients = comrades(trig, res, lex, actors, recipients)
    if kind == "RETREAT" and mode == "disarm" and armed_another_state(actors, recipients, res):
        # "Belarus handed over 60 tanks to Russia": a state's arms given to another state arm it
        # (military aid, bench/data/news README "Troops"); a group handing in its arms disarms.
        kind, mode = "AID", "military"
    if kind == "MOBILIZE" and mode == "troops" and not foes:
        # "Russia deployed North Korean troops to Kursk", "placed 8,000 North Korean soldiers in the
        # region", "Russia's deployment of North Korean troops": a state that moves another state's
        # forces is aided by that state (README "Troops").
        owners = foreign_owners(moved_forces(trig), res, lex, actors)
        if owners:
            kind, mode, actors, recipients = "AID", "military", owners, actors
    if kind == "MOBILIZE" and tok.lemma_.lower() in lex.transfer_verbs | lex.transfer_nouns:
        # "a force was deployed to Russia" by Russia: moving one's own forces at home aims at nobody
        # (soldiers surrounding their own palace do aim at it).
        recipients = [r for r in recipients if all(r.code != a.code for a in actors)]
    if kind == "MOBILIZE" and trig.is_noun and any(arms_pair(p, res, lex) for p in between_preps(tok)):
        return []  # "the transfer of drones between Minsk and Moscow": one way, as arms_traded reads it
    if kind == "MOBILIZE" and not recipients and len({a.code for a in actors}) > 1:
        # "Russia and China held naval drills": joint exercises are cooperation between the partners
        # (codebook MOBILIZE: "joint military operations are coded as COOPERATE"), not a show of force.
        kind, mode = "COOPERATE", "military"
    drilled_with = exercise_partners(trig, res, lex, actors) if kind == "MOBILIZE" else []
    if drilled_with:
        # "Russia launched military exercises with Belarus", "held naval drills with China": a drill
        # with a named partner is joint, cooperation each way (codebook MOBILIZE: joint operations
        # are COOPERATE), as "Russia and China held drills" is.
        kind, mode, recipients = "COOPERATE", "military", drilled_with
    joined = joined_exercise(trig, lex) if kind in ("MOBILIZE", "AID") else None
    if joined is not None:
        # "Russian forces will take part in the drill", "sent four warships to the exercise, where they
        # joined the Russian fleet": taking part in a drill is cooperation with its holder when one
        # is named, and no show of force of one's own when none is.
        holders = exercise_holders(joined, res, actors) or [
            r for r in recipients if all(r.code != a.code for a in actors)
        ]
        if not holders:
            return []
        kind, mode, recipients = "COOPERATE", "military", holders
    negated = event_attributes.negated(trig, lex) and not is_response(trig)
    # PLOVER: cooperative actions in the future tense are intentions (AGREE: "Japan said it would
    # provide aid"); a refusal in the future tense is a rejection ("will not withdraw").
    # So is a stated intention to cooperate ("wants to expand exchanges with", "their intention to
    # strengthen cooperation with").
    intended = kind == "COOPERATE" and _intended(trig, lex)
    # Aid or material cooperation still to come ("plans to send aid to", "is preparing to ship rifles to",
    # "is due to hold drills with") is a promise, AGREE (news README "Promised and planned aid and
    # cooperation"); going on with it ("will keep helping") stays the act.
    going_on = trig.token.dep_ == "xcomp" and trig.token.head.lemma_.lower() in lex.continuing_verbs
    # Nor are troops who "will help" or are "getting ready to help" an ally promising anything: they
    # were sent already, and their help is the aid under way (ibid.: troops already there "getting
    # ready to fight" stay AID); a sending still to come ("will be sent") is their state's promise.
    fielded = (
        kind == "AID"
        and not trig.is_noun
        and tok.lemma_.lower() not in lex.transfer_verbs
        and lex.in_class(counted(subject_of(tok)), "troops")
    )
    going_on = going_on or fielded
    promised = kind in ("AID", "COOPERATE") and not negated and not going_on
    # A decision to send not yet carried out ("has decided to send 800 engineers to") is aid to come too.
    intended = intended or (promised and (_intended(trig, lex) or _scheduled(trig, lex) or _decided(trig, lex)))
    # So is a wish to meet ("said he would like to meet Kim during his trip", "hopes to visit Moscow"):
    # PLOVER AGREE (CAMEO 036, intent to meet), as the news coders code it; a meeting on the schedule
    # ("is expected to meet") stays one, and a wish to meet nobody named is no event ("intends to meet
    # all the leaders attending").
    intended = intended or (
        kind == "CONSULT" and bool(recipients) and _intended(trig, lex) and not _scheduled(trig, lex)
    )
    # A verb of support in the future tense is itself a statement of support ("pledged that North
    # Korea will stand by Russia", "would keep backing China"), as the news coders code it: SUPPORT.
    stated = kind == "SUPPORT" and not trig.is_noun and not negated and _lasting_support(trig, lex)
    # A meeting still to come is an intention to meet, however firm its timetable ("is to hold talks with",
    # "is due to visit", "will pay a visit to", "ahead of his planned summit with"): PLOVER's CONSULT
    # section codes future meetings, summits and visits AGREE (CAMEO 036), and so do the news sets.
    scheduled = kind == "CONSULT" and not negated and (_scheduled(trig, lex) or _planned_meeting(trig, lex))
    # So is a meeting the sentence tells as to come in other ways: "could / may meet", "when he meets Lula next
    # week", "a meeting … is scheduled for 4 May", "will sign the pact during his visit to Lima" (_meeting_to_come).
    scheduled = scheduled or (kind == "CONSULT" and not negated and _meeting_to_come(trig, lex))
    # A plan a third party reports is no promise of the actor's: the news coders code the act; but aid
    # and cooperation to come are a promise however reported ("Seoul said North Korea would send troops":
    # AGREE, news README "Promised and planned aid and cooperation").
    reported = (
        kind not in ("CONSULT", "COOPERATE", "AID")
        and not negated
        and not intended
        and _reported_plan(trig, res, lex, actors)
    )
    if (
        kind in COOPERATIVE
        and not stated
        and not (going_on and kind in ("AID", "COOPERATE"))
        and (intended or scheduled or event_attributes.future(trig, lex) or _conditional_outcome(trig))
        and not reported
    ):
        if kind in ("AID", "COOPERATE"):
            mode = None  # a promise of aid or cooperation has no mode (news README "Promised and planned aid")
        kind, negated = ("REJECT", False) if negated else ("AGREE", negated)
        doers = roles.condition_actor(tok, res, actors) if kind == "AGREE" else []
        if doers and not {d.code for d in doers} & {r.code for r in recipients}:
            # "If North Korea sends troops, we will support Ukraine": help to another in answer to the
            # condition's doer is a threat to that doer (bench/data/news README "Conditional").
            kind, mode, recipients = "THREATEN", None, doers
    threatened = None  # the coercive act a future-tense threat announces
    if (
        (kind in lex.threat_modes or f"{kind}/{mode}" in lex.threat_modes)
        and not negated
        and event_attributes.threatened(trig, lex)
    ):
        # CAMEO 13 / PLOVER THREATEN: a coercive act announced for the future is a threat ("will impose
        # sanctions on", "would expel its diplomats", "will extend the curfew", "would boycott the
        # vote"), as a promise to attack is; its mode follows the act.
        mode = lex.threat_modes.get(f"{kind}/{mode}") or lex.threat_modes.get(kind)
        kind, threatened = "THREATEN", kind
        if not recipients:
            # "If Tokyo deploys missiles, Beijing will recall its ambassador": a response aimed at whoever
            # would fulfil the condition is a threat to it (bench/data/news README "Conditional").
            recipients = roles.condition_actor(tok, res, actors)
    if is_response(trig) and any(r.code == a.code for r in recipients for a in actors):
        # "we will respond with force if Seoul provokes us": the means is no target; the condition's doer is.
        own = {a.code for a in actors}
        recipients = [r for r in recipients if r.code not in own] or roles.condition_actor(tok, res, actors)
    # PLOVER REJECT: refusing or failing to agree ("will not accept", "failed to reach agreement"). A
    # signing that did not take place ("did not sign the treaty") stays a negated AGREE/pact.
    if (
        kind == "AGREE"
        and negated
        and (mode != "pact" or event_attributes.future(trig, lex) or event_attributes.failed(trig, lex))
    ):
        kind, mode, negated = "REJECT", None, False
    elif negated and trig.entry.negated_type and kind == trig.entry.type:
        # "Venezuela does not recognise the court's jurisdiction": not recognising is refusing (REJECT).
        kind, mode, negated = trig.entry.negated_type, None, False
    elif kind == "REJECT" and negated:
        return []  # "did not deny the deployment", "did not reject the offer": no rejection took place
    # Deploying at home is not against oneself; attacking at home has local victims.
    at_home = location is not None and kind == "MOBILIZE" and any(a.code == location[1].code for a in actors)
    # Fighting in a partner's territory is no attack on the partner; nor is "fighting in Kursk" an
    # attack on the place's state: a fight's opponent is named ("against", "with"), not located.
    at_home = at_home or (location is not None and any(p.code == location[1].code for p in partners))
    at_home = at_home or (kind == "ASSAULT" and trig.entry.reciprocal)
    # Massing "in the Kursk region" is no move against Russia: a show of force is aimed at a place
    # only from outside it ("near Ukraine", "on the border with Armenia").
    at_home = at_home or (kind == "MOBILIZE" and destination(trig, lex))
    placed = kind in lex.location_recipient or threatened in lex.location_recipient
    if not recipients and placed and location is not None and not at_home:
        recipients = [_placed_victim(trig, patient, location[1], res)]
    stay = trig.is_noun and trig.light is not None and trig.light.lemma_ == "be"
    if not recipients and kind == "CONSULT" and mode == "visit" and stay and location is not None:
        # "is in China on a two-day official visit": a visitor staying in another state visits it (not
        # "is in Vladivostok on a visit" at home; a welcome or visit with no host named stays none).
        recipients = [location[1]] if all(a.code != location[1].code for a in actors) else []
    if not recipients and kind == "CONSULT" and mode == "visit":
        # "is making the trip at the invitation of the Vietnamese government": whoever invited a visitor
        # with no host named is the host.
        recipients = [h for h in _inviters(trig, res) if all(h.code != a.code for a in actors)]
    if not recipients and kind == "AGREE" and location is not None and {a.code for a in actors} != {location[1].code}:
        # "accepted a truce in southern Lebanon", "agreed to hand in their arms in Syria": one
        # party's promise about another state's ground is made to that state (not between partners).
        recipients = [location[1]] if len({a.code for a in actors}) == 1 else []
    if not recipients and kind == "CONSULT" and mode == "visit" and trig.is_noun:
        # "Kim called Lavrov's visit very important": whoever speaks of a named guest's visit with no
        # destination is its host.
        recipients = _remarking_host(trig, res, lex, actors)
    if not recipients and kind == "CONSULT" and mode == "visit" and not trig.entry.host and location is not None:
        # "Leaders of Russia and North Korea attended the parade in Beijing": guests of an occasion in
        # another state visit that state (bench/data/news dev: "attended events in North Korea" is a
        # visit to it); those at home visit no one.
        visitors = [a for a in actors if a.code != location[1].code]
        if visitors:
            actors, recipients = visitors, [location[1]]
    hedged = event_attributes.hedged(trig, lex)
    quantity = event_attributes.quantity(trig, lex)
    when = event_attributes.event_date(trig, reference, res)
    pairs: list[tuple[Actor, Actor | None]] = []
    reciprocal = trig.entry.reciprocal or kind in lex.symmetric
    if kind == "CONSULT" and mode == "visit" and not trig.entry.reciprocal:
        # "Putin and Kim arrived in Beijing", "after attending the parade": fellow travellers or guests
        # of one occasion do not visit each other; a visit's other side is its host or destination.
        reciprocal = False
    if kind == "ASSAULT" and not trig.entry.reciprocal and first_child(trig.token, OBJECTS) is not None:
        # "A and B fought" is A against B; "A and B execute their wounded" has its own victims.
        reciprocal = False
    if kind == "ASSAULT" and reciprocal and len(actors) > 1 and fought_as_partners(tok, lex):
        # "Russian and North Korean troops fought side by side", "the two countries fought together":
        # comrades in arms, not foes; with no foe named there is no attack to code.
        if not recipients:
            return []
        reciprocal = False
    if kind == "SUPPORT" and not trig.is_noun and _praised_ties(first_child(tok, OBJECTS), lex):
        # "Xi and Putin praised the ties between their countries": each praises the other (not whom
        # "their countries" names).
        reciprocal = True
        recipients = [] if len({a.code for a in actors}) > 1 else recipients
    recipients = [r for r in recipients if not any(_own_mention(a, r, trig.token.doc) for a in actors)]
    freed_at_home: str | None = None  # the words of a state's own people it frees
    if _clemency(trig, kind, mode, lex) and len({a.code for a in actors}) == 1:
        # "Lima freed 30 political prisoners", "pardoned 500 inmates": a release at home is aimed at no
        # state (bench/data/news README, stop 43), the people freed kept as its target's words; another
        # state's nationals keep theirs ("freed two Chilean sailors").
        at_home = [r for r in recipients if r.code in {a.code for a in actors}]
        freed_at_home = at_home[0].text if at_home else None
        recipients = [r for r in recipients if r not in at_home]
    recipients = roles.struck_thing(trig, kind, res, lex, patient, actors, recipients)
    doer_codes = {a.code for a in actors}
    reason_of = _reason_judge(trig)
    if reason_of is not None and (
        (all(r.code in doer_codes for r in recipients) and not (reciprocal and len(doer_codes) > 1))
        or lex.verb_type(reason_of) in _CHARGING_TYPES
    ):
        # "arrested X for collaborating with a rebel group", "thanked Ankara for cooperating in the swap",
        # "criticised Minsk for letting migrants cross its border": a reason one is blamed or praised for,
        # done to no one else named, is what the charge or the thanks says, not an act stated
        # ("criticised Minsk for arming Russia" names whom it was done to).
        return []
    crowd = len({a.code for a in actors}) > _MAX_MEETING_PARTIES
    if kind in GATHERING_TYPES and not recipients and reciprocal and crowd:
        # "The foreign ministers of Japan, South Korea, Australia and New Zealand met": a multilateral
        # gathering, no dyad (the news coders code a three-way summit each way, never one of four or
        # more parties pair by pair; seven would be 42 meetings); so is a pact or cooperation among four
        # or more (bench/data/news README "Four or more parties"). A hub keeps its partners.
        return []
    if kind in GATHERING_TYPES and not recipients and actors and all(_unnamed_group(a, tok, lex) for a in actors):
        # "The leaders agreed to resume shuttle diplomacy", "they probably discussed the dispute": the sides
        # of an accord, meeting or cooperation the sentence does not name are not coded (bench/data/news
        # README: "the two leaders" with no name in the sentence), nor taken for the one state in context.
        return []
    if not recipients and reciprocal and len(actors) > 1:
        # One pair per two codes: the merge keeps a pair's first mention anyway, and a list naming the
        # same states again and again would otherwise make pairs by the square of its length.
        # The first two actors of each code make every such pair (two of one code: "Kim and Choe met").
        sides: list[Actor] = []
        kept: dict[str, int] = {}
        for a in actors:
            if kept.get(a.code, 0) < 2:
                kept[a.code] = kept.get(a.code, 0) + 1
                sides.append(a)
        by_codes: dict[tuple[str, str], tuple[Actor, Actor]] = {}
        for a in sides:
            for b in sides:
                if a.token != b.token:
                    by_codes.setdefault((a.code, b.code), (a, b))
        pairs = list(by_codes.values())
        if len(kept) > 1:
            # "a call between French President Macron and Turkish President Erdogan", its second name
            # parsed as two conjuncts ("Turkish President", "Erdogan"): with two states named, no side
            # meets itself.
            pairs = [(a, b) for a, b in pairs if a.code != b.code]
    elif recipients:
        pairs = [(a, r) for a in actors for r in recipients if not (a.token == r.token and a.code == r.code)]
        if len({r.code for r in recipients}) > 1:
            # "approve the treaty between North Korea and Russia" by Russia: the actor among the
            # parties named is not its own counterpart.
            pairs = [(a, r) for a, r in pairs if r is None or a.code != r.code]
        if len({a.code for a in actors}) > 1:
            # "Moscow and Pyongyang ... thanked North Korea": no coordinated party acts on itself.
            pairs = [(a, r) for a, r in pairs if r is None or a.code != r.code]
        if trig.entry.modal_required or trig.entry.recipient_required:
            pairs = [(a, r) for a, r in pairs if r is not None and a.code != r.code]  # nobody demands of itself
    elif not (trig.entry.recipient_required or trig.entry.modal_required) and (
        kind not in lex.needs_recipient or roles.names_other_side(trig, lex, kind)
    ):
        pairs = [(a, None) for a in actors]
    if not pairs and kind == "DEMAND" and trig.entry.recipient_required and roles.unnamed_addressees(trig, lex):
        pairs = [(a, None) for a in actors]  # "called on all parties to": an appeal to nobody named
    if not pairs and kind == "DEMAND" and trig.entry.modal_required and roles.obliged_unnamed(trig, lex):
        pairs = [(a, None) for a in actors]  # "said all parties should show restraint": the same appeal
    exchanged = kind == "CONSULT" and tok.lemma_.lower() in lex.exchange_verbs and not trig.is_noun and bool(recipients)
    if exchanged:
        # "Xi traded messages with Kim": an exchange goes both ways, as "Xi and Kim exchanged" does.
        pairs += [(r, a) for a, r in pairs if r is not None and (r, a) not in pairs]
    if drilled_with and kind in ("COOPERATE", "AGREE"):
        # a joint drill, held or to come ("will hold drills with": AGREE), is each way
        pairs += [(r, a) for a, r in pairs if r is not None and (r, a) not in pairs]
    if (
        kind == "AGREE"
        and mode == "pact"
        and not negated
        and trig.entry.reciprocal_with
        and _with_partner(trig, recipients)
    ):
        # "Chile signed an accord with Peru": a signing with a named partner is each way, as "Chile and
        # Peru signed" is (bench/data/news README "Signing with"; the lexicon's reciprocal_with).
        pairs += [(r, a) for a, r in pairs if r is not None and (r, a) not in pairs]
    transfer = tok.lemma_.lower() in lex.transfer_verbs | lex.transfer_nouns and not foes
    uncoded = roles.uncoded_target(trig, res, lex, patient, actors) if not recipients else None
    uncoded = uncoded or (freed_at_home if not recipients else None)
    # Since extractor 17 a thing, place or event acted on is kept too ("shelled the power plant").
    target = uncoded or (roles.thing_target(trig, kind, res, lex, patient, actors) if not recipients else None)
    # A sending still to come that names no destination ("intends to deploy another 6,000 soldiers", "is
    # preparing to send reinforcements", "is getting ready to send more troops"): aid promised once the text's
    # earlier destination is known (war_acts.with_known_destination), as a named one is (news README "Promised
    # and planned aid and cooperation").
    to_come = (
        transfer
        and kind == "MOBILIZE"
        and not negated
        and not going_on
        and (_intended(trig, lex) or _scheduled(trig, lex) or _decided(trig, lex) or event_attributes.future(trig, lex))
    )
    drafts = [
        Draft(
            kind,
            mode,
            a,
            r,
            location[0] if location else None,
            when,
            quantity,
            negated,
            hedged,
            transfer,
            target,
            to_come,
        )
        for a, r in pairs
    ]
    callers = roles.callers(trig, res, actors) if kind == "CONSULT" and not pairs else []
    if callers:
        # "received a telephone call from Blinken": the caller calls whoever takes the call.
        drafts = [Draft(kind, mode, c, a, None, when, None, negated, hedged) for c in callers for a in actors]
    if kind == "CONSULT" and tok.lemma_.lower() in lex.exchange_verbs and _congratulatory(first_child(tok, OBJECTS)):
        # "exchanged congratulatory messages": each side congratulates the other (SUPPORT) as well.
        drafts += [replace(d, type="SUPPORT", mode=None) for d in drafts if d.recipient is not None]
    if kind == "SUPPORT" and not trig.is_noun and _support_acknowledged(trig, lex):
        # "Putin thanked North Korea for supporting Moscow", "valued Pyongyang's support": whoever is
        # thanked for support supports the one who thanks. Support thanked for a war ("thanked Pyongyang
        # for its support for the special military operation") is military aid to the thanker, as
        # the support itself would be (news README "Support for a war").
        flip = {"type": "AID", "mode": "military"} if _war_backing_acknowledged(trig, lex) else {}
        drafts += [replace(d, actor=d.recipient, recipient=d.actor, **flip) for d in drafts if d.recipient is not None]
    if kind == "ASSAULT" and not trig.is_noun and not negated:
        # "Russia fired North Korean ballistic missiles at Kharkiv": another state's weapons in an attack
        # were handed over by that state, military aid to the attacker (README "Troops": shells or
        # missiles sent to help a state are AID), as "missiles supplied by North Korea" are.
        # (What is fired, not what is hit or shot down: "destroyed North Korean artillery" aids nobody.)
        target = object_of(tok)
        fired = tok.lemma_.lower() in lex.weapon_use_verbs and first_child(tok, ["prt"]) is None
        arms = [counted(target) if fired else None] + [  # "struck the depot with British missiles"
            first_child(p, ["pobj"])
            for h in (tok, target)
            if h is not None
            for p in children(h, ["prep"])
            if p.lower_ == "with"
        ]
        suppliers = [s for w in arms for s in foreign_owners(w, res, lex, actors + recipients, "weapons")]
        suppliers += weapons_maker(trig, res, lex, actors + recipients + suppliers) if fired else []
        drafts += [Draft("AID", "military", s, a, None, when, None, False, hedged) for s in suppliers for a in actors]
    # "sent troops to Russia to fight Ukraine" is aid to Russia only: the fight they are sent for is the
    # purpose of the sending (as fight_purpose reads it), no show of force of its own; the coders of
    # real coverage code the AID alone (bench/data/news/README "Troops").
    if kind == "SUPPORT":
        # "Kim honoured the heroic soldiers", "praised his troops": a leader praising his own forces
        # supports no one (CAMEO 05 is support given to another actor).
        doc = tok.doc
        drafts = [
            d
            for d in drafts
            if d.recipient is None
            or d.recipient.code != d.actor.code
            or d.recipient.token is None
            or not lex.in_class(doc[d.recipient.token], "troops")
        ]
        praised = counted(first_child(tok, OBJECTS)) if not trig.is_noun else None
        if praised is not None and lex.in_class(praised, "troops") and tok.lemma_.lower() not in lex.support_verbs:
            # "thanked the soldiers holding the line", "praised the troops he sent": soldiers no state
            # is named for are the speaker's own (a named other's, "the North Korean soldiers", stay);
            # forces backed or helped are another's ("Tehran has backed the militias").
            drafts = [d for d in drafts if d.recipient is not None]
    if kind == "CONSULT":
        # "a lawmaker met the two captured soldiers", "the captives had met a documentary maker": prisoners
        # meet on no state's behalf, so a talk with them is no consultation between their state and another
        # (nor does the learned model read it again).
        kept = [d for d in drafts if not any(_captive(tok.doc, a, lex) for a in (d.actor, d.recipient))]
        if drafts and not kept:
            trig.declined = True
        drafts = kept
    if kind == "SUPPORT" and _backing_attribute(trig):
        drafts = []  # "the Houthis, who are backed by Iran", "a mechanism backed by the US": an attribute
    if kind == "ASSAULT" and fight_purpose(trig, lex):
        drafts = []  # "sent troops to fight Ukraine", "ready to fight": what they are for, not a fight yet
    if threatened == "ASSAULT" and fight_purpose(trig, lex) and troops_ready(trig, lex):
        # "troops had arrived, trained and ready to fight Ukraine": the readiness of forces, no threat a
        # state makes ("Tehran says it is ready to fight" stays one).
        drafts = []
    if kind in ("ASSAULT", "MOBILIZE") and not recipients and _noun_attribute(trig):
        drafts = []  # "soldiers fighting in Kursk", "troops stationed abroad": who they are, not the news
    if kind == "ASSAULT" and tok.lemma_.lower() in lex.fight_words and not recipients and uncoded is None:
        # "troops have been fighting on the front lines", "losses during fighting near the villages":
        # a fight with no opponent named says where forces are, not whom they attack (PLOVER ASSAULT
        # has a target; fighting for or beside a state is AID, read above). Nor does the learned model
        # read the clause again ("Ukrainian troops are fighting in Russia's Kursk region" is no aid).
        trig.declined = True
        drafts = []
    if kind == "DISAPPROVE" and prospect_topic(tok, lex):
        # "voiced concern over the possibility of any transfer to North Korea": a worry over what may
        # come, not a verdict on anyone; nor does the learned model read it again.
        trig.declined = True
        return []
    if kind in COOPERATIVE | {"ASSAULT", "COERCE"} and not trig.is_noun and supposed_outcome(tok):
        # "a treaty with commitments by both to help each other if either is attacked": the help a
        # pact or plan supposes is no act (README conventions); nor does the learned model read it again.
        trig.declined = True
        drafts = []
    if (
        kind in _DONE_ONLY
        and not negated
        and clause_mood(trig.light if trig.is_noun and trig.light is not None else tok, lex).unrealised
    ):
        # "tried to seize the ship", "wants to punish Uganda", "could possibly reject the offer", "to possibly
        # take part in the war": force used or a stance taken only as possible, tried or wished for is not
        # done (PLOVER codes acts done; a threat or promise of it is read above, as THREATEN or AGREE).
        # Hearsay ("reportedly struck") and a modal alone ("could attack", README: a hedge) still tell the
        # act, hedged; a stance denied ("may not endorse") stays a negated one, as the own gold codes it.
        # Nor does the learned model read it again.
        trig.declined = True
        drafts = []
    if (not negated and event_attributes.capability(trig, lex)) or event_attributes.weighed(trig, lex):
        # "Pyongyang can gather data abroad", "is able to veto any resolution", "has the capacity to send more
        # troops": what a doer can do is no act (README: a capability is no event); nor is an act weighed for a
        # doer a "for" phrase names ("it was important for Laos to supply Vietnam with rice", "it would be a
        # mistake for Tokyo to send troops"). Nor does the learned model read either again.
        trig.declined = True
        drafts = []
    if kind in ("ASSAULT", "COERCE") and _patient_attribute(trig):
        drafts = []  # "any soldier captured in Ukraine", "citizens detained in Iran": who they are
    if partners:
        if not recipients:
            drafts = []  # fighting at a partner's side with no enemy named is no attack
        drafts += [
            Draft("AID", "military", a, p, location[0] if location else None, when, quantity, negated, hedged)
            for a in actors
            for p in partners
        ]
    if kind == "AID" and not negated and _in_exchange(trig, lex):
        # "supplied oil to North Korea in return for weapons", "gave Pyongyang missiles in exchange for
        # sending its troops": what is given back is aid the other way.
        drafts += [
            Draft("AID", None, d.recipient, d.actor, None, when, None, False, hedged)
            for d in drafts
            if d.type == "AID" and d.recipient is not None
        ]
    if kind in ("CONSULT", "AGREE"):
        # "visited Pyongyang at the invitation of Kim": the host who invited consults the guest too; a
        # visit still to come or an invitation accepted ("will visit at the invitation of", "accepted an
        # invitation from Putin") is the inviter's invitation, AGREE (as 'invite' codes it).
        drafts += [
            Draft(kind, None, h, a, None, when, None, negated, hedged)
            for h in _inviters(trig, res)
            for a in actors
            if a.code != h.code
        ]
    if kind == "DEMAND":
        # "Pyongyang orders its soldiers to", "urged its troops to hold the line": a command to one's own
        # forces is the chain of command, not a demand made of another side.
        doc = tok.doc
        drafts = [
            d
            for d in drafts
            if d.recipient is None or d.recipient.code != d.actor.code or not own_forces(doc[d.recipient.token], lex)
        ]
    return drafts


# Prepositions that set what is said in an occasion already told of ("during the visit", "after the talks").
_OCCASION_PREPS = frozenset(
    {"during", "at", "after", "before", "following", "in", "on", "since", "throughout", "ahead"}
)
# What in a meeting noun's own phrase names who took part ("the visit to China", "talks with Kim").
_OWN_PARTY_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos", "prep", "acl", "relcl", "nummod"})


# Acts an unrealised clause ("possibly strike", "tried to seize", "wants to punish") makes no event
# (clauses.clause_mood): force used on another and stances. Aid and cooperation to come are promises
# (AGREE, read above); forces that may move stay MOBILIZE (or AID) and verdicts stay too ("could be a
# violation"): the training files' rows code both so.
_DONE_ONLY = frozenset({"ASSAULT", "COERCE", "SUPPORT", "REJECT"})


# Judges whose reasons are charges, not acts told as done ("arrested X for spying on Y").
_CHARGING_TYPES = frozenset({"COERCE", "INVESTIGATE"})


def _reason_judge(trig: Trigger) -> Token | None:
    """The verb that praises, blames or punishes someone "for" the trigger (or its light verb, or what
    governs it): "praised Hanoi for helping Laos", "for making a false accusation", "for attempting to
    cancel the vote" (clauses.subject_of gives the trigger the one praised or blamed as its doer)."""
    verb = trig.light if trig.light is not None else trig.token
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and verb.head.dep_ == "prep":
        return verb.head.head
    return None


def _conditional_outcome(trig: Trigger) -> bool:
    """Whether a verb is what a speaker says will follow an "if" clause, itself or through the verb whose
    purpose it is ("If Moldova asks, Romania will send firefighters to help it"): help promised on a
    condition is a promise (AGREE), not help given (bench/data/news README "Conditional")."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if condition_clauses(current):
            return True
        purpose = current.dep_ == "advcl" and not any(c.dep_ == "mark" for c in current.children)
        if not (purpose or current.dep_ in ("xcomp", "conj")) or current.head.i == current.i:
            return False
        current = current.head
    return False


def _with_partner(trig: Trigger, recipients: list[Actor]) -> bool:
    """Whether a recipient stands in a "with" phrase under the trigger ("signed a pact with Peru",
    "Chile's signing of an accord with Peru")."""
    tok = trig.token
    doc = tok.doc
    for recipient in recipients:
        heads = list(doc[recipient.token].ancestors)
        if tok not in heads:
            continue
        if any(h.dep_ == "prep" and h.lower_ == "with" for h in heads[: heads.index(tok)]):
            return True
    return False


def _pact_provision(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a promise, or an act promised in its infinitive, is what a pact provides: a verb of agreeing under
    "under the treaty / under which" ("Under the treaty, Lima and Quito pledge to help each other", "a pact under
    which each side promises to defend the other if attacked"), told in the present (a pledge in the past is one
    made) with the act's own condition (`supposed_outcome`): no new event (bench/data/news README "Pacts": what a
    treaty provides is not a new event; the signing is)."""
    if trig.is_noun or not any(supposed_outcome(t) for t in (trig.token, *children(trig.token, ["xcomp"]))):
        return False  # the act promised carries its own condition ("to help each other if either is attacked")
    current, promised = trig.token, trig.type == "AGREE"
    for _ in range(3):
        for prep in children(current, ["prep"]) if promised else ():
            pobj = first_child(prep, ["pobj"]) if prep.lower_ == "under" else None
            if pobj is not None and pobj.lower_ == "which" and current.dep_ == "relcl":
                pobj = current.head  # "a pact under which each pledges": the noun the clause is of
            if lex.in_class(pobj, "pact"):
                return current.tag_ != "VBD"  # "Under the deal, Lima pledged to …": a pledge made, told in the past
        if current.dep_ not in ("conj", "xcomp") or current.head.i == current.i:
            return False
        # "pledge to help each other": the act promised is the promise's, under the pact as it is
        promised = promised or current.dep_ == "xcomp"
        current = current.head
    return False


def _mentioned_again(trig: Trigger) -> bool:
    """A meeting named again as the setting of what follows ("During the visit, Kim reiterated ...",
    "At the meeting, cooperation was on the agenda", "Opening the talks, Lavrov said", "after the
    talks"): the definite noun with no party of its own points back at a visit or talks the text has
    told of, and the real-news coders code it there, not again (bench/data/news: tdiplo23-3,
    tmeet21-2, tdiplo14-4). Not when the framed verb addresses someone ("During the call Putin told
    the Korean leader", read by roles._framed_meeting), nor a meeting with its own parties ("after talks
    with Wang Yi", "during Putin's visit", "at the Pyongyang summit")."""
    tok = trig.token
    if trig.type != "CONSULT" or not trig.is_noun:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    if any(c.dep_ in _OWN_PARTY_DEPS for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _OCCASION_PREPS:
        verb = head.head
        if verb.lower_ in ("of",) and verb.head.lower_ == "ahead":
            verb = verb.head.head
    elif tok.dep_ == "dobj" and head.tag_ == "VBG" and head.dep_ == "advcl" and head.lemma_.lower() == "open":
        verb = head.head  # "Opening the talks, Lavrov endorsed Choe's view"
    else:
        return False
    addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return not any(_names_someone(c) for c in addressed)


def _names_someone(head: Token) -> bool:
    """Whether an object names a person, body or state ("told the Korean leader", "briefed Kim"), not a
    thing said or done ("reiterated the lasting friendship")."""
    words = [head, *(w for c in head.children if c.dep_ in roles.NAME_DEPS for w in c.subtree)]
    return head.pos_ == "PRON" or any(
        w.pos_ == "PROPN" or w.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for w in words
    )


def _feared(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a trigger is in what a verb of fearing says may or will happen ("fear that Russia may
    reward North Korea by giving it technology", "worry Moscow could help Pyongyang"; README
    "Statements": what a fear says may happen is not taken as done)."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(4):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in lex.fear_verbs:
            return any(c.dep_ == "aux" and c.lower_ in lex.possibility_aux for c in current.children)
        if current.dep_ not in ("xcomp", "conj", "pcomp", "pobj", "prep", "advcl") or current.head.i == current.i:
            return False
        current = current.head
    return False


# Verbs by which a host remarks on a visit ("called Lavrov's visit very important", "hailed the
# visit"), besides the reporting verbs ("stressed that Zhao's visit was of great significance").


def _remarking_host(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> list[Actor]:
    """The subject of the verb of speech or praise a visit noun is said under ("Kim called Lavrov's
    visit a very important one", "Kim stressed that Zhao's visit was of great significance"), when
    it is another state's; nobody else (a critic of a visit is no host)."""
    if not any(c.dep_ == "poss" for c in trig.token.children):
        return []
    speaking = lex.reporting_verbs | lex.remark_verbs
    current = trig.token
    for _ in range(4):
        if current.head.i == current.i:
            return []
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            continue
        if current.lemma_.lower() not in speaking:
            if current.dep_ != "ccomp":
                return []
            continue
        subject = first_child(current, SUBJECTS)
        hosts = res.resolve(subject, context=False) if subject is not None else []
        hosts = [h for h in hosts if h.kind in ("state", "person") and all(h.code != a.code for a in actors)]
        return hosts[:1]
    return []


def _lasting_support(trig: Trigger, lex: Lexicon) -> bool:
    """Support that a future tense states rather than intends: standing by or with someone ("will
    stand by Russia", "would firmly stand with India") or going on with support already given ("would
    keep supporting China", "will continue to back Kyiv"), as the news coders code them (SUPPORT);
    "will support the bid" is an intention (PLOVER: AGREE)."""
    tok = trig.token
    if tok.lemma_.lower() not in lex.support_verbs:
        return False
    if tok.lemma_.lower() == "stand":
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.continuing_verbs


def _congratulatory(obj: Token | None) -> bool:
    """Whether what is exchanged is congratulations ("congratulatory messages", "congratulations")."""
    if obj is None:
        return False
    return any(t.lower_.startswith("congratulat") for t in (obj, *(c for c in obj.children if c.dep_ == "amod")))


def _praised_ties(obj: Token | None, lex: Lexicon) -> bool:
    """Whether what is praised is a relationship ("the ties between their countries", "their
    friendship"), which the praisers share."""
    return obj is not None and (obj.lemma_.lower() in lex.bond_nouns or lex.in_class(obj, "ties"))


def _pledged_support(trig: Trigger, lex: Lexicon) -> list[Trigger]:
    """The support verbs of a pledge's `that` clause with its own subject ("vowed that Beijing would
    always stand with Pakistan", "assured Xi that Pyongyang would keep backing China"); not an
    infinitive ("promised to back the bid" is an intention, AGREE)."""
    if trig.type != "AGREE" or trig.is_noun or trig.token.lemma_.lower() not in lex.quotes["pledging_verbs"]:
        return []
    return [
        i
        for i in trig.inner
        if i.type == "SUPPORT"
        and not i.is_noun
        and i.token.dep_ == "ccomp"
        and i.token.head.i == trig.token.i
        and first_child(i.token, SUBJECTS) is not None
    ]


def questioned_captives(trig: Trigger, found: list[Draft], res: Resolver) -> list[Draft]:
    """The questioning of captives by their captor: "the questioning of soldiers whom Ukrainian troops
    captured", "the interrogation of soldiers taken prisoner by Ukraine" - INVESTIGATE by whoever
    captured them, of the captives' side, besides the capture."""
    tok = trig.token
    captives = tok.head if tok.dep_ in ("relcl", "acl") else None
    if trig.is_noun or captives is None or captives.dep_ != "pobj" or captives.head.lower_ != "of":
        return []
    if captives.head.head.lower_ not in res.lex.questioning_nouns:
        return []
    side = next(iter(res.resolve(captives, context=False)), None)
    if side is not None:
        # The captives are the questioned and the captured (not the place: "captured in Kursk").
        found[:] = [
            replace(d, recipient=side) if d.type == "COERCE" and d.actor.code != side.code else d for d in found
        ]
    return [replace(d, type="INVESTIGATE", mode=None, quantity=None) for d in found if d.type == "COERCE"]


_INVITATION_PREPS = frozenset({"at", "on", "upon"})


def _inviters(trig: Trigger, res: Resolver) -> list[Actor]:
    """Who invited the doer of a visit or an acceptance: the possessor or `of`/`from` object of an
    invitation the verb takes ("at the invitation of Kim", "at Putin's invitation", "accepted an
    invitation from Xi")."""
    tok = trig.token
    # A visit noun takes the invitation on itself or on its light verb ("made the trip at the invitation of").
    holders = [tok, trig.light] if trig.is_noun else [tok]
    # "arrived on a three-day visit at the invitation of Modi": the invitation of the visit it is on.
    for prep in children(tok, ["prep"]):
        visit = first_child(prep, ["pobj"])
        if visit is not None and res.lex.in_class(visit, "talks"):
            holders.append(visit)
    nouns = [
        first_child(p, ["pobj"])
        for h in holders
        if h is not None
        for p in children(h, ["prep"])
        if p.lower_ in _INVITATION_PREPS
    ]
    if not trig.is_noun:
        nouns.append(first_child(tok, OBJECTS))
        # "arrived in Pyongyang, taking up an invitation from Choe": a participle that takes up the
        # invitation says whose it was.
        nouns += [
            first_child(c, OBJECTS)
            for c in children(tok, ["advcl"])
            if c.tag_ == "VBG" and c.lemma_.lower() in res.lex.invitation_takers
        ]
        # "said Li will visit Pyongyang, at the invitation of the party": the parser hangs the invitation
        # on the verb of saying whose clause holds the visit (a speaker is invited by nobody it names).
        said = tok.head if tok.dep_ in ("ccomp", "acl") else None
        said = said.head.head if said is not None and said.dep_ == "pobj" else said  # "said in a statement that"
        if said is not None and said.lemma_.lower() in res.lex.reporting_verbs:
            nouns += [first_child(p, ["pobj"]) for p in children(said, ["prep"]) if p.lower_ in _INVITATION_PREPS]
    for noun in nouns:
        if noun is None or noun.lemma_.lower() != "invitation":
            continue
        poss = first_child(noun, ["poss"])
        if poss is not None and poss.pos_ != "PRON":
            return res.resolve(poss, context=False)
        for prep in children(noun, ["prep"]):
            if prep.lower_ in ("of", "from"):
                return res.resolve(first_child(prep, ["pobj"]), context=False)
    return []


# Acts done to people, whose state is where they are when nobody else is named.
_DONE_TO_PEOPLE = frozenset({"COERCE", "ASSAULT", "INVESTIGATE"})


def _placed_victim(trig: Trigger, patient: Token | None, place: Actor, res: Resolver) -> Actor:
    """The recipient a location gives: the place's state, in the words of the people the act is done
    to when they are named ("two activists were detained in Minsk": the activists, as BLR; "an
    opposition leader was arrested in Rwanda": the leader, as RWA; "banned the Hamdan Workers' Union
    in Oman": the union, as OMN)."""
    victim = patient if patient is not None else (object_of(trig.token) if not trig.is_noun else None)
    victim = counted(victim)
    if trig.type not in _DONE_TO_PEOPLE or victim is None or victim.pos_ not in ("NOUN", "PROPN"):
        return place
    person = victim.ent_type_ in roles.STATELESS_LABELS and res.entity_at(victim) is None
    if not (
        person or any(res.lex.in_class(victim, c) for c in ("people", "prisoners")) or is_group_noun(victim, res.lex)
    ):
        return place
    return Actor(place.code, roles.phrase_words(victim), None, "context", victim.i)


def _goodwill(trig: Trigger, lex: Lexicon) -> Token | None:
    """The greetings, good wishes, congratulatory message or letter sent (_letter_sent) a verb of sending or
    conveying carries ([classes] greetings, letters)."""
    if trig.is_noun or trig.type != "SUPPORT":
        return None
    return next(
        (
            n
            for n in _carried(trig)
            if lex.in_class(n, "greetings") or (lex.in_class(n, "letters") and _letter_sent(n, lex))
        ),
        None,
    )


def _carried(trig: Trigger) -> list[Token]:
    """What a verb of sending or conveying carries: its objects ("sent Putin a message"), or the object of
    the particle the parser took for a preposition ("passed on the greetings of Lula")."""
    tok = trig.token
    particle = [first_child(p, ["pobj"]) for p in children(tok, ["prep"]) if p.lower_ == "on"]
    return [n for n in [*children(tok, OBJECTS), *particle] if n is not None]


# Determiners of a letter the text told of before ("the letter", "this message").
_TOLD_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _letter_sent(noun: Token, lex: Lexicon) -> bool:
    """Whether a letter or message carried is one sent (stop-44 ruling: the sender's SUPPORT): not a figure
    of speech ("sent a clear message to Quito") nor one told again ("the letter", "his letter"), unless it
    names its sender ("the message from the king", "the king's letter")."""
    if any(c.dep_ == "amod" and c.lower_ in lex.signal_adjectives for c in noun.children):
        return False
    named = any(c.dep_ == "prep" and c.lower_ in ("from", "of") for c in noun.children) or any(
        c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children
    )
    told = any(
        (c.dep_ == "det" and c.lower_ in _TOLD_DETERMINERS) or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in noun.children
    )
    return named or not told


def letter_contents(made: list[tuple[Trigger, list[Draft]]], lex: Lexicon) -> set[int]:
    """The letters sent whose content the sentence codes as another act of the sender ("Accra sent a letter to
    Lome urging talks": the DEMAND, no SUPPORT for the letter; "a letter to the council protesting Lome's
    raids": the DISAPPROVE of Lome): what a letter says decides."""
    letters = {
        trig.token.i
        for trig, found in made
        if found and (noun := _goodwill(trig, lex)) is not None and not lex.in_class(noun, "greetings")
    }
    if not letters:
        return set()
    other = {d.actor.code for trig, found in made if trig.token.i not in letters for d in found if d.type != "SUPPORT"}
    return {
        trig.token.i for trig, found in made if trig.token.i in letters and any(d.actor.code in other for d in found)
    }


def _goodwill_senders(noun: Token, verb: Token, res: Resolver) -> list[Actor]:
    """Whose greetings are carried: the possessor or `of`/`from` object of the greetings ("Lula's
    greetings", "the good wishes of Modi", "greetings from the Turkish president"), or the `from` object
    the parser hung on the verb."""
    poss = first_child(noun, ["poss"])
    if poss is not None and poss.pos_ != "PRON":
        return res.resolve(poss, context=False)
    preps = [p for p in children(noun, ["prep"]) if p.lower_ in ("of", "from")]
    preps += [p for p in children(verb, ["prep"]) if p.lower_ == "from"]
    return next((found for p in preps if (found := res.resolve(first_child(p, ["pobj"]), context=False))), [])


def _goodwill_addressees(noun: Token, res: Resolver) -> list[Actor]:
    """To whom greetings go when the `to` phrase hangs on the greetings or on their `from` phrase
    ("the greetings of Lula to Ruto", "conveyed greetings from Modi to Ruto")."""
    holders = [noun, *(p for p in children(noun.head, ["prep"]) if p.lower_ == "from"), *children(noun, ["prep"])]
    return next(
        (
            found
            for h in holders
            for p in children(h, ["prep"])
            if p.lower_ == "to" and (found := res.resolve(first_child(p, ["pobj"]), context=False))
        ),
        [],
    )


# What a verb of thanks can be for that the one thanked gave: support, or greetings sent.
_ACKNOWLEDGED = ("solidarity", "greetings")


def _support_acknowledged(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a verb of praise or thanks is about support its object gave: the object is someone's
    support ("valued North Korea's support"), or its `for` phrase is ("thanked Pyongyang for its
    support", "thanked North Korea for standing with Moscow", "thanked Ruto for his greetings")."""
    tok = trig.token
    if trig.entry.type != "SUPPORT":
        return False  # "pledged his full support" gives support; it acknowledges none
    obj = first_child(tok, OBJECTS)
    owner = first_child(obj, ["poss"]) if obj is not None else None
    if owner is not None and owner.pos_ != "PRON" and lex.in_class(obj, "solidarity"):
        return True
    for prep in children(tok, ["prep"]):
        if prep.lower_ != "for":
            continue
        for arg in children(prep, ["pobj", "pcomp"]):
            # "thanked Ruto for his congratulatory message": goodwill sent is support given too.
            if lex.in_any_class(arg, _ACKNOWLEDGED) or arg.lemma_.lower() in lex.support_verbs:
                return True
    return False


def _war_backing_acknowledged(trig: Trigger, lex: Lexicon) -> bool:
    """Whether the support a verb of praise or thanks acknowledges is support for a war: "valued
    North Korea's support for the military operation", "thanked Pyongyang for its support of Russia's
    war"."""
    tok = trig.token
    obj = first_child(tok, OBJECTS)
    nouns = [obj] if obj is not None else []
    nouns += [a for p in children(tok, ["prep"]) if p.lower_ == "for" for a in children(p, ["pobj"])]
    return any(
        lex.in_class(noun, "solidarity") and is_war(first_child(p, ["pobj"]), lex)
        for noun in nouns
        for p in children(noun, ["prep"])
        if p.lower_ in ("for", "of")
    )


def _executed(trig: Trigger, recipients: list[Actor], lex: Lexicon) -> tuple[str, str | None] | None:
    """The governed act an order carries out ("ordered the paper to suspend publication", "ordered
    them jailed"); none when the order is addressed to a state or organisation, which is a demand.
    Envoys read as their state are no such addressee when the order makes them leave: "ordered three
    Togolese diplomats to leave the country" expels them (SANCTION/expel, CAMEO 166), while "ordered
    Togo to cut ties" and "ordered the ambassador to explain" stay demands."""
    if not trig.entry.executes:
        return None
    envoys = first_child(trig.token, OBJECTS)
    goal = first_child(trig.token, ["xcomp"])
    leaving = lex.verb_type(goal) == "SANCTION" and "SANCTION" in trig.entry.executes
    if envoys is not None and leaving and lex.in_class(envoys, "diplomats"):
        return "SANCTION", "expel"  # the envoys' leaving is what the order does ([verbs.leave])
    if any(r.kind in ("state", "igo") for r in recipients):
        return None
    inner = next((i for i in trig.inner if i.type in trig.entry.executes), None)
    return (inner.type, inner.mode) if inner is not None else None


_DEFINITE = frozenset({"the", "this", "these", "that", "those", "such"})


def _in_exchange(trig: Trigger, lex: Lexicon) -> bool:
    """Whether aid is given "in exchange for" / "in return for" goods, arms, help or a sending ("in
    return for weapons", "in exchange for supplies of fuel", "in return for sending troops")."""
    verb = trig.light if trig.is_noun and trig.light is not None else trig.token
    # The parser may hang the phrase on what is given: "provided Moscow with military aid in exchange for".
    holders = [verb, *prep_objects(verb, ("with",))]
    holders += [o for o in (object_of(verb),) if o is not None]
    for prep in (p for h in holders if h is not None for p in children(h, ["prep"])):
        noun = first_child(prep, ["pobj"])
        if prep.lower_ not in ("in", "as") or noun is None or noun.lemma_.lower() not in lex.return_nouns:
            continue
        for inner in children(noun, ["prep"]):
            if inner.lower_ != "for":
                continue
            for paid in children(inner, ["pobj", "pcomp"]):
                paid = counted(paid)
                if paid is None or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in paid.children):
                    continue  # "in return for the ammunition": what the text told before, coded there
                lemma = paid.lemma_.lower()
                if is_thing(paid, lex) or lex.in_class(paid, "technology") or lemma in lex.transfer_verbs:
                    return True
                if lemma in lex.transfer_nouns or paid.lower_ in lex.transfer_nouns:
                    return True
    return False


def _backing_attribute(trig: Trigger) -> bool:
    """Backing in a passive clause that describes a noun ("groups believed to be backed by Iran", "the
    Houthis, who are backed by Iran", "a monitoring mechanism backed by the US"): who backs whom is
    an attribute of the noun, background to the news of the sentence."""
    tok = trig.token
    if trig.is_noun:
        return False
    passive = tok.tag_ == "VBN" and (tok.dep_ == "acl" or any(c.dep_ == "auxpass" for c in tok.children))
    current = tok
    for _ in range(3):
        if current.dep_ in ("acl", "relcl"):
            return passive
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


# Parties that meet one another are coded pair by pair up to a three-way summit; more is a multilateral
# gathering (README "Events, quotes and claims").
# One cap for the three GATHERING_TYPES: the coders' ruling is one (bench/data/news README "Four or more
# parties"): a meeting, pact or cooperation of four or more is one multilateral act, never a dyad each.
_MAX_MEETING_PARTIES = 3
GATHERING_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})


def _asked_to_visit(trig: Trigger, lex: Lexicon) -> bool:
    """A verb of asking whose infinitive is the addressee's visit ("asked Kim to come to Russia", "urged
    him to visit Moscow"): not what a demand that something be done ("demanded that Kim leave") is."""
    if trig.is_noun:
        return False
    for clause in children(trig.token, ["xcomp"]):
        entry = lex.verb_entry(clause)
        if entry is not None and entry.type == "CONSULT" and entry.mode == "visit" and not entry.host:
            return is_infinitive(clause)
    return False


def _intended(trig: Trigger, lex: Lexicon) -> bool:
    """An infinitive (or a gerund after "to") under a verb or noun of intention: "wants to expand
    exchanges with Moscow", "reaffirmed their intention to strengthen cooperation", "is committed to
    deepening ties with"."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        if gerund_after_to(current):
            # "is committed to developing relations with", "its commitment to deepening ties with": a
            # gerund after "to" is what the commitment is to, as an infinitive would be.
            return current.head.head.lemma_.lower() in lex.intent_words
        if current.dep_ in ("xcomp", "acl") and current.head.lemma_.lower() in lex.intent_words:
            # "drills intended to strengthen cooperation": a purpose of a thing, nobody's intention
            holder = current.head
            purpose = holder.dep_ in ("acl", "advcl") and first_child(holder, [*SUBJECTS, "aux", "auxpass"]) is None
            return is_infinitive(current) and not purpose
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _decided(trig: Trigger, lex: Lexicon) -> bool:
    """A verb's infinitive under a verb of deciding ("has decided to send troops to", "made up its mind to
    dispatch"), with no sending begun told beside the decision ("... and had already started moving the first
    batch"): a commitment to aid or cooperation to come (bench/data/news/README, stop-44 ruling). Only the news
    of it, "has decided": "decided" and "had decided" tell it back beside a deployment done (it cost a right AID
    each in the check half and new42, where "has decided" cost none), and so does the noun ("Kim's decision to
    send the soldiers")."""
    tok = trig.token
    if trig.is_noun or tok.dep_ not in ("xcomp", "acl", "advcl") or not is_infinitive(tok):
        return False
    deciding = tok.head.head if tok.head.pos_ == "NOUN" else tok.head
    if tok.head.pos_ == "NOUN":
        # "made up its mind to dispatch", the infinitive hung on the noun: the noun alone ("Kim's decision to
        # send") re-mentions a deployment and stays the act.
        decided = tok.head.lemma_.lower() in lex.decision_words and deciding.lemma_ == "make"
    elif deciding.lemma_ == "make":
        # ... or on the verb: "made up its mind" + "to dispatch"
        decided = any(c.dep_ == "dobj" and c.lemma_.lower() in lex.decision_words for c in deciding.children)
    else:
        decided = tok.dep_ == "xcomp" and deciding.lemma_.lower() in lex.decision_words
    if not decided:
        return False
    auxes = {c.lower_ for c in deciding.children if c.dep_ == "aux"}
    if auxes & lex.hedge_modals:
        return False  # "may have decided to transfer an ICBM": a guess at a deed done, not a commitment
    if deciding.lemma_ == "decide" and auxes.isdisjoint(lex.perfect_auxiliaries):
        return False  # "decided" / "had decided to send troops": told back, as the deployment's story often is
    # One level of conjuncts and their children: the sending begun is a coordinated verb or its adverb.
    beside = [c for c in (*deciding.children, *tok.children) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return not any(
        c.lemma_.lower() in lex.begun_words or any(g.lower_ in lex.begun_words for g in c.children) for c in beside
    )


def _noun_attribute(trig: Trigger) -> bool:
    """A verb trigger that only describes a noun, as a participle or relative clause with no doer of
    its own ("the soldiers fighting in Kursk", "forces who fought in the war", "troops stationed
    abroad"): with no opponent or target named it says who they are, not what happened
    (bench/data/news/README: background)."""
    tok = trig.token
    if trig.is_noun or tok.dep_ not in ("acl", "relcl") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    # A relative clause with a doer of its own is a deed ("a missile that North Korea launched").
    return not any(c.dep_ in ("nsubj", "nsubjpass", "agent") and c.tag_ not in ("WDT", "WP") for c in tok.children)


def _patient_attribute(trig: Trigger) -> bool:
    """A passive participle that describes the noun it undergoes, with no doer named ("captured North
    Korean soldiers are citizens", "the case of French citizens detained in Iran", "any soldier
    captured in Ukraine"): it says who they are, not what happened (bench/data/news/README:
    background); "soldiers captured by Ukraine" names the captor and stays an act."""
    tok = trig.token
    if trig.is_noun or tok.tag_ != "VBN" or tok.dep_ not in ("acl", "amod") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in tok.children)


_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})


def _clemency(trig: Trigger, kind: str, mode: str | None, lex: Lexicon) -> bool:
    """Whether an act frees or forgives people: a release (RETREAT/release) or a pardon or amnesty."""
    return (kind == "RETREAT" and mode == "release") or (kind == "CONCEDE" and lex.in_class(trig.token, "pardons"))


def _captive(doc: Doc, actor: Actor | None, lex: Lexicon) -> bool:
    """Whether an actor was read from a captive: "prisoners", "the two captives", "captured soldiers", or a
    pronoun standing for them (its antecedent's words: "talking with them")."""
    if actor is None or actor.token is None:
        return False
    if actor.pronoun:
        words = {w.strip(".,") for w in actor.text.lower().split()}
        return not words.isdisjoint(lex.captive_words | lex.held_participles)
    noun = doc[actor.token]
    for _ in range(3):  # "captured North Korean soldiers": the state read from the noun's modifier
        if noun.dep_ not in ("amod", "compound", "nmod") or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun.lemma_.lower() in lex.captive_words or any(
        c.dep_ == "amod" and c.lower_ in lex.held_participles for c in noun.children
    )


def _own_mention(actor: Actor, recipient: Actor, doc: Doc) -> bool:
    """Whether a recipient is only the actor named again: a place inside the actor's phrase or a pronoun
    back to it ("Nurses in Kenya called off their strike": Kenya and "their" are the nurses' own, so the
    strike has no recipient)."""
    if actor.code != recipient.code or actor.token == recipient.token:
        return False
    if recipient.pronoun:
        # Back to the actor only when the two agree in number ("Soldiers ... rammed its doors": "its" is
        # the palace's, a recipient of its own); a reflexive names the actor as its own target on purpose
        # ("to congratulate himself").
        if doc[recipient.token].lower_.endswith(("self", "selves")):
            return False
        head = doc[actor.token]  # the phrase's noun: "Nurses" of "Nurses in Kenya", "troops" of "Russia's troops"
        while head.dep_ in ("pobj", "prep", "compound", "poss") and head.head.i != head.i:
            head = head.head
        plural_actor = head.tag_ in ("NNS", "NNPS")
        return plural_actor == (doc[recipient.token].lower_ in _PLURAL_PRONOUNS)
    return doc[actor.token] in doc[recipient.token].ancestors


def _scheduled(trig: Trigger, lex: Lexicon) -> bool:
    """A meeting a timetable sets rather than one promised: "is to hold talks with", "is due / expected /
    scheduled to visit", or the "would" a report puts a dated plan in ("the ministry said Li would leave
    on Monday for a visit to"). The news coders code it as the meeting (bench/data/news/README); PLOVER
    codes future meetings AGREE, and its coders do for a bare "will meet" or an undated "would", which
    stay AGREE."""
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    for _ in range(3):
        # Auxiliaries stand left of their verb: reading only its left children keeps a verb with hundreds
        # of coordinated clauses on its right from being walked once per clause (bench/large_shapes.py).
        auxiliaries = [c for c in current.lefts if c.dep_ == "aux"]
        if (
            current.head.lemma_ == "be"
            and any(c.lower_ == "to" for c in auxiliaries)
            and event_attributes.copula_infinitive(current)
        ):
            return True  # "are to hold talks"
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lex.schedule_words:
            # "is due to meet", "is scheduled to travel", "is likely to send"; not "is likely to have sent", a
            # guess at a deed done
            return not any(c.lower_ in lex.perfect_auxiliaries for c in auxiliaries)
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lex.intent_words:
            return False  # "would like to meet him during his October trip": a wish, not a timetable
        if any(c.lower_ == "would" for c in auxiliaries):
            if not any(t.ent_type_ in ("DATE", "TIME") for t in current.subtree):
                return False
            up = current  # the backshifted "would" of a report: "said ... would", "added that ... would"
            while up.dep_ in ("ccomp", "conj", "xcomp", "advcl") and up.head.i != up.i:
                up = up.head
                if up.lemma_ in lex.reporting_verbs:
                    return True
            return False
        if any(c.lower_ in lex.future_aux for c in auxiliaries):
            return False
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _unnamed_group(actor: Actor, trigger: Token, lex: Lexicon) -> bool:
    """A plural subject of officials that names no side: "they" of an earlier sentence, "the leaders",
    "the officials" (not "Japanese officials", "the Gulf states' leaders", "the two militias", nor the "they"
    of insurgents who promise to free their captives)."""
    tok = trigger.doc[actor.token]
    if tok.lower_ in ("they", "them"):
        return actor.text not in trigger.sent.text
    if tok.tag_ != "NNS" or tok.ent_type_ or not noun_forms(tok, lex) & lex.officials:
        return False
    return not any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "nummod") for c in tok.children)


def _reported_plan(trig: Trigger, res: Resolver, lex: Lexicon, actors: list[Actor]) -> bool:
    """Whether a trigger's clause is what someone other than its actor reports: the object of a
    reporting verb whose subject names another state ("Seoul's spy agency said North Korea would send
    troops", "North Korea will send builders, Russian media reported", "quoted Shoigu as saying that
    Pyongyang will provide workers"), or "according to" another. A future act in it is a plan
    reported, not a promise, except aid and cooperation to come, which the caller keeps AGREE however
    reported (bench/data/news/README "Promised and planned aid and cooperation")."""
    speaking = lex.reporting_verbs
    own = {a.code for a in actors}
    current = trig.light if trig.is_noun and trig.light is not None else trig.token
    speaker: Token | None = None
    for _ in range(5):
        speaker = according_to(current)
        if speaker is not None:
            break
        aside = next((c for c in children(current, ["parataxis"]) if c.lemma_.lower() in speaking), None)
        if aside is not None:
            speaker = first_child(aside, SUBJECTS)  # "Pyongyang will send builders, Russian media reported"
            break
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in speaking:
            reporter = current.head
            speaker = first_child(reporter, SUBJECTS)
            if speaker is None and reporter.dep_ == "pcomp" and reporter.head.dep_ == "prep":
                speaker = first_child(reporter.head.head, ["dobj"])  # "quoted Shoigu as saying that"
            break
        # up through what the report is about: "said there was a high possibility that Pyongyang would"
        if current.dep_ not in ("xcomp", "conj", "ccomp", "attr", "acl", "relcl") or current.head.i == current.i:
            return False
        current = current.head
    if speaker is None:
        return False
    # By its own words ("the presidential palace said" of its government's plan names nobody else;
    # "Russian media reported" names Russia).
    codes = {a.code for a in res.resolve(speaker, context=speaker.pos_ == "PRON", strict=False)}
    return bool(codes) and not codes & own


def _planned_meeting(trig: Trigger, lex: Lexicon) -> bool:
    """A meeting or visit noun named as one to come: "his upcoming trip to China", "Kim's expected summit
    with Trump", "briefed Kim on his coming talks with", "preparations for Putin's visit to", "ahead of a
    summit between Kim and Trump", "it will be his first trip to Pyongyang"."""
    if not trig.is_noun:
        return False
    tok = trig.token
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.planned_meeting_words for c in tok.children):
        return True
    if (
        tok.dep_ == "attr"
        and tok.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in tok.head.children)
    ):
        return True  # "It will be her first visit to China since 2019"
    holder = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") else None
    if holder is not None and holder.lemma_ == "be":
        # "preparations were under way for a visit to": the preparations are the copula's subject, the visit
        # what they are for.
        holder = first_child(holder, ["nsubj"])
    return holder is not None and holder.lemma_.lower() in lex.meeting_to_come_heads


# Subordinators of a time clause whose present tense tells an act to come ("when he meets Lula next week",
# "before he visits Togo"): English puts a future act in such a clause in the present.
_TIME_MARKS = frozenset({"when", "before", "once", "until", "till"})
# Prepositions by which a meeting or visit noun sets when or why something else happens ("during his visit",
# "for talks with"): to come when that is.
_OCCASION_OF = frozenset({"during", "for", "on", "at"})


def _meeting_to_come(trig: Trigger, lex: Lexicon) -> bool:
    """A meeting or visit the sentence tells as still to come, beyond a timetable (_scheduled) and a noun's
    own modifier (_planned_meeting): PLOVER codes meetings to come AGREE (news README "Planned meetings",
    stop 35, and "Speculated visits", stop 42: "could meet the king during his stay" is a hedged AGREE).

    - a modal of possibility on the meeting verb, not a perfect one: "could meet", "may visit" (not "may
      have met", a guess at a meeting done);
    - a present-tense meeting verb in a time clause: "must not strike a deal when he meets Biden next week",
      "remarks released before he attends the summit" (not "when he met", "after he has arrived");
    - a meeting noun that is scheduled, planned or set: "a meeting between Putin and Vulin is scheduled for
      4 September";
    - a visit or talks during or for which something is still to happen: "would hold consultations during her
      visit to Russia", "would like to meet Kim during his visit to the South"."""
    tok = trig.token
    verb = trig.light if trig.is_noun and trig.light is not None else (None if trig.is_noun else tok)
    if verb is not None:
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if auxes & lex.possibility_modals and not auxes & lex.perfect_auxiliaries:
            return True
        marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}  # "when" is an advmod
        # A time clause the parser left as the root ("in remarks before he attends the summit, Kishida
        # hinted …": "attends" ROOT) still has its subordinator as a mark.
        subordinate = verb.dep_ == "advcl" or any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children)
        if subordinate and marks & _TIME_MARKS and verb.tag_ in ("VBZ", "VBP") and not auxes:
            return True
        if _after_act_to_come(verb, lex):
            return True
    if not trig.is_noun:
        return False
    if tok.dep_ in ("nsubjpass", "nsubj") and tok.head.lemma_.lower() in lex.schedule_words:
        return True
    if (
        tok.dep_ == "nsubj"
        and tok.head.lemma_.lower() in lex.agenda_verbs
        and event_attributes.future_at(tok.head, lex)
        and not _told_done(tok, lex)
    ):
        return True  # "the talks between Kenyatta and Guelleh will focus on trade": talks still to come
    if tok.dep_ != "pobj" or tok.head.lower_ not in _OCCASION_OF or tok.head.dep_ != "prep":
        return False
    return _to_come(tok.head.head, lex)


def _told_done(noun: Token, lex: Lexicon) -> bool:
    """A meeting noun its own modifiers tell as done: a past participle or past-tense clause on it ("the talks,
    held on Monday, will help trade", "the summit that took place in June will be remembered") or a word of
    the past ("last week's talks", "the recent summit")."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.tag_ in ("VBN", "VBD"):
            return True
        if child.dep_ in ("amod", "poss", "compound") and child.lower_ in lex.past_words:
            return True
        if child.dep_ == "poss" and any(g.lower_ in lex.past_words for g in child.children):
            return True  # "last week's talks"
    return False


def _to_come(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb tells its act as still to come: future, "is to", or the object of a timetable or a
    plan ("would like to meet", "plans to sign", "is due to sign"), or a gerund after "before" a verb that is
    ("is due to stay until Sunday before travelling to China for a meeting")."""
    return event_attributes.future_at(verb, lex, plan_heads=lex.schedule_words | lex.intent_words) or (
        _after_act_to_come(verb, lex)
    )


def _after_act_to_come(verb: Token, lex: Lexicon) -> bool:
    """A gerund after "before" / "until" whose verb is to come: "is due to stay in Pyongyang until Sunday
    before travelling to China" (the travel comes later still); "stayed two days before flying on" stays
    done."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("before", "until", "till") or prep.dep_ != "prep":
        return False
    return prep.head.pos_ in ("VERB", "AUX") and event_attributes.future_at(
        prep.head, lex, plan_heads=lex.schedule_words | lex.intent_words
    )
