"""The fields of one draft incident: ACLED type from trigger words, date, place, country, actors, figures."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from annotation.nlp.actors import UNNAMED, pick_actors, protesters
from annotation.nlp.casualties import tally
from annotation.nlp.date_resolution import DateExpr, resolve_in
from annotation.nlp.dates import find_dates
from annotation.nlp.event_place import PLACE_RANK, event_place, event_site, incident_country, place_rank
from annotation.nlp.gazetteer import actor_index, place_index
from annotation.nlp.normalize import norm
from annotation.nlp.patterns import events as E
from annotation.nlp.sentences import Article, Sentence, first_dates
from annotation.nlp.tokenize import NORM, WORD, Token, readings, tokenize
from annotation.nlp.types import IncidentDraft, Span

FORCE_WORDS = tuple(sorted(E.words("force_word")))  # an unknown organisation with these is a state force
PRIORITY = [t[0] for t in E.EVENT_TRIGGERS]


STATE = {"State forces", "External/Other forces"}


ARMED = {"Rebel group", "Political militia", "Identity militia"}
_STATE_OR_ARMED = STATE | ARMED


def names_force(name: str) -> bool:
    """Whether an organisation's name has a force word ("قوات", "الشرطة" …): unknown to the gazetteer, it is a
    state force."""
    key = norm(name)
    return any(w in key for w in FORCE_WORDS)


def _event_of(sub: str) -> str:
    return E.EVENT_OF[sub]


def _state_actor_first(s: Sentence) -> bool:
    return bool(_first_force_side(s))


def _first_force_side(s: Sentence) -> bool | None:
    """Whether the sentence's first named force or armed group is a state's (True) or not (False); None when it
    names none."""
    actors = actor_index()
    for x in s.spans:
        if x.label == "ORG":
            a = actors.get(x.entity_key or "")
            if a is not None and a.actor_type:
                return a.actor_type in STATE
            if a is None and names_force(x.text):
                return True
    return None


# Types a group takes only when it tells of no violence (a burnt house in an attack is part of the attack).
QUIET = frozenset(
    {"Looting/property destruction", "Non-violent transfer of territory", "Change to group/activity", "Headquarters or base established"}
)


def _specific_triggers(group: list[Sentence]) -> tuple[Sentence | None, set[str]]:
    """The first sentence with a specific (not generic) trigger and its specific types; quiet types only when
    the group tells of no violence."""
    violent = any(sub == E.GENERIC_ATTACK for s in group for _, sub in s.triggers) or any(
        c.category in ("killed", "injured") for s in group for c in s.casualties
    )
    for skip in (E.GENERIC | QUIET, E.GENERIC):
        if skip is E.GENERIC and violent:
            break
        first_with = next((s for s in group if any(sub not in skip for _, sub in s.triggers)), None)
        if first_with is not None:
            return first_with, {sub for _, sub in first_with.triggers} - skip
    return None, set()


def classify(group: list[Sentence], text: str, tokens: list[Token]) -> str | None:
    """The group's ACLED sub-event type from its cues, victims and actors."""
    return _classify(group, text, tokens)


def _classify(group: list[Sentence], text: str, tokens: list[Token]) -> str | None:
    if _only_intended(group, tokens):
        return None
    first_with, subs = _specific_triggers(group)
    if subs == {"Abduction/forced disappearance"} and _abduction_only_named(group, tokens):
        # hostages named ("أفرجت عن المختطفين"): nobody was taken here
        if any(c.category in ("killed", "injured") for s in group for c in s.casualties):
            subs = set()
        else:
            return None
    territory = next((s for s in group if any(sub == E.GENERIC_TERRITORY for _, sub in s.triggers)), None)
    if (
        territory is not None
        and (not subs or territory is first_with)
        and not subs & {"Government regains territory"}
        and not _withdrawal_first(territory)
    ):
        # "سيطرت حركة الشباب على …" / "سيطر الجيش على …": who took it decides the type
        state = _taker_is_state(territory, tokens)
        if state is None:
            state = _state_actor_first(territory)
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    if first_with is not None and "Air/drone strike" not in subs and _aircraft_told(first_with, text, tokens):
        subs = subs | {"Air/drone strike"}  # "قتل 3 بضربة مسيرة": the drone or aircraft is the means
    elif not subs and any(s.casualties and _aircraft_told(s, text, tokens) for s in group if not s.context):
        subs = {"Air/drone strike"}
    generic = any(sub == E.GENERIC_ATTACK for s in group for _, sub in s.triggers)
    if not subs and _explosion_told(group, text):
        return "Remote explosive/landmine/IED"  # "قتل 3 في انفجار بسوق": a blast with no strike or shell named
    if not subs and generic:
        # "هجوم" alone: a fight when armed men or a force are among its victims or named in it, else an
        # attack on civilians
        hurt = {c.victim_class for s in group for c in s.casualties if c.category in ("killed", "injured", "abducted")}
        if hurt & {"security_forces", "militants"}:
            return "Armed clash"
        target = _target_kind(group, text, tokens)
        if target is not None:
            return "Armed clash" if target == "armed" else "Attack"
        stems = {w for s in group for w in stems_of(text[s.start : s.end])}
        if "civilians" in hurt or any(stem in _CIVILIAN for stem in stems):
            return "Attack"
        return "Armed clash" if _names_force(group, STATE, text) else "Attack"
    if not subs:
        classes = {c.victim_class for s in group for c in s.casualties}
        cats = {c.category for s in group for c in s.casualties}
        if cats <= {"arrested"}:
            return "Arrests"
        if cats <= {"abducted"}:
            return "Abduction/forced disappearance"
        if classes & {"security_forces", "militants"}:
            return "Armed clash"
        # people killed with no fight told and no force named ("قتل 4 أشخاص برصاص مسلحين"): violence against civilians
        return "Attack" if "civilians" in classes or not _names_force(group, STATE, text) else "Armed clash"
    if "Suicide bomb" in subs and _kamikaze_drone_only(first_with):
        subs = (subs - {"Suicide bomb"}) | {"Air/drone strike"}  # "مسيرة انتحارية": a loitering munition (ACLED)
    told = {sub for s in group if not s.context for _, sub in s.triggers}
    if subs <= {"Arrests"} and "Peaceful protest" in told:
        subs = {"Peaceful protest"}  # protesters arrested: the protest is the event, the arrests its intervention
    if subs & {"Peaceful protest", "Violent demonstration"}:
        subs = subs - {"Arrests"}  # arrests at a protest are the intervention in it
    if (
        "Arrests" in subs
        and len(subs - {"Arrests", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"}) == 0
        and not any(c.category == "killed" for s in group for c in s.casualties)
    ):
        # gunmen or a militia holding people is an abduction; arrests are made by a state's forces (ACLED)
        return "Abduction/forced disappearance" if _held_by_gunmen(first_with, tokens) else "Arrests"
    if subs == {"Arrests"}:
        # someone killed where only arrests are cued ("استشهد شاب برصاص القوات واعتقلت آخرين"): the killing is the
        # event; of armed men it is a fight, of anyone else an attack on civilians (ACLED)
        killed = {c.victim_class for s in group for c in s.casualties if c.category == "killed"}
        return "Armed clash" if killed & {"security_forces", "militants"} else "Attack"
    if subs & REMOTE and not any(c.category == "killed" for s in group for c in s.casualties):
        said = stems_of(" ".join(text[s.start : s.end] for s in group if not s.context))
        if said & E.INTERCEPT:
            return "Disrupted weapons use"  # a missile or drone shot down before it struck
    if subs & TERRITORY and subs - TERRITORY <= FIGHTING:
        subs = subs & TERRITORY  # ACLED codes a fight that changes who holds a place as the change of territory
    sub = min(subs, key=PRIORITY.index)
    if sub == "Shelling/artillery/missile attack" and "Air/drone strike" in told and _only_bombardment(first_with, text):
        sub = "Air/drone strike"  # "قصف" carried out by the aircraft another sentence names
    if sub == "Remote explosive/landmine/IED":
        said = " ".join(_NEGATED.sub(" ", norm(text[s.start : s.end])) for s in group if not s.context)
        stems = stems_of(said)
        hurt = any(p[0] in stems for cat in ("killed", "injured") for p in E.CASUALTY_WORDS[cat])
        if stems & E.DEFUSE and not hurt:
            return "Disrupted weapons use"  # a bomb found and defused: nobody hurt
    if sub == "Peaceful protest":
        # what the protest was against ("احتجاجا على اعتقال ناشط") says nothing of what happened to it
        stems = {w for s in group if not s.context for w in stems_of(_MOTIVE.sub(" ", norm(text[s.start : s.end])))}
        if any(stem.startswith(_RIOT) or stem[2:].startswith(_RIOT) for stem in stems):
            return "Violent demonstration"
        if any(c.category in ("killed", "injured") for s in group for c in s.casualties):
            return "Excessive force against protesters"
        # a force's intervention may be told in a sentence of its own ("وتدخلت قوات الأمن لفض الوقفة")
        stems |= {w for s in group if s.context for w in stems_of(_MOTIVE.sub(" ", norm(text[s.start : s.end])))}
        if any(stem in _INTERVENTION_WORDS or stem.startswith(_INTERVENTION_STEMS) for stem in stems):
            return "Protest with intervention"
        if any(_FIRED_ON_PROTESTERS.search(norm(text[s.start : s.end])) for s in group):
            return "Protest with intervention"  # "أطلقت الشرطة النار على المحتجين" with nobody hurt
    if sub in ("Armed clash",):
        classes = {c.victim_class for s in group for c in s.casualties if c.category in ("killed", "injured")}
        if _crowd_against_force(group, text, tokens):
            return "Violent demonstration"  # "مواجهات بين محتجين وقوات الأمن": a crowd, not an armed side (ACLED riots)
        if _two_sides(group, tokens):
            return sub  # civilians killed in a fight between two sides are the battle's victims (ACLED)
        target = None if classes & {"security_forces", "militants"} else _target_kind(group, text, tokens)
        if target == "armed":
            return sub  # an attack on a force's post or men is a battle, civilians hurt in it too (ACLED)
        if target == "civilian":
            return "Attack"  # "هجوم مسلح على قرية": armed men against villagers, nobody fighting back
        if "civilians" in classes and not classes & {"security_forces", "militants"}:
            return "Attack"
        if not classes & {"security_forces", "militants"} and not _names_force(group, text=text):
            # "هجوم مسلح على سوق … قتل 5 أشخاص": nobody armed on the other side, civilians named
            stems = {w for s in group if not s.context for w in stems_of(text[s.start : s.end])}
            if any(stem in _CIVILIAN or stem.removeprefix("ال") in _CIVILIAN for stem in stems):
                return "Attack"
    return sub


def _kamikaze_drone_only(s: Sentence | None) -> bool:
    """Whether every suicide cue of the sentence qualifies a drone cue right before it ("مسيرة انتحارية",
    "طائرات مسيرة انتحارية"): a drone that explodes on its target is an air/drone strike, no suicide bomber."""
    if s is None:
        return False
    drones = {i for i, sub in s.triggers if sub == "Air/drone strike"}
    suicide = [i for i, sub in s.triggers if sub == "Suicide bomb"]
    return bool(suicide) and all(i - 1 in drones or i - 2 in drones for i in suicide)


PARTICIPANTS = E.words("participant")


INTENT = E.words("intent")
FUTURE = E.words("future")
_INTENT_REACH = 8  # "دعا الاتحاد العام التونسي للشغل إلى إضراب": the caller named between


def _only_intended(group: list[Sentence], tokens: list[Token]) -> bool:
    """Whether every event sentence of the group calls for, plans or threatens its event ("دعا إلى إضراب عام",
    "تعتزم تنظيم مظاهرات", "هدد بتنظيم وقفات": a word of intent right before its first cue) or sets it in the future
    ("الخميس المقبل"), with nobody hurt: ACLED codes only what happened."""
    if any(s.casualties for s in group):
        return False
    told = [s for s in group if not s.context]
    if not told:
        return False
    for s in told:
        if any(x.label == "DATE" and set(norm(x.text).split()) & FUTURE for x in s.spans):
            continue  # "يوم الخميس المقبل", not "الانتخابات المقبلة"
        first = min(i for i, _sub in s.triggers)
        span = range(max(s.first, first - _INTENT_REACH), first)
        if not any(tokens[k].norm in INTENT or _stems(tokens[k].norm, clitics=1) & INTENT for k in span):
            return False
    return True


def _abduction_only_named(group: list[Sentence], tokens: list[Token]) -> bool:
    """Whether every abduction cue of the group is a noun of the people held ("المختطفين", "رهائن"): freed, sought
    or spoken of, they are not told taken here."""
    cues = [i for s in group if not s.context for i, x in s.triggers if x == "Abduction/forced disappearance"]
    return all(_stems(tokens[i].norm, clitics=1) & PARTICIPANTS for i in cues)


_CIVILIAN = {p[0] for p in E.VICTIM_WORDS["civilians"]}
_TWO_SIDES = tuple(E.words("two_sides"))
CROWD = tuple(E.words("crowd_stem"))
_MILITANT = {p[0] for p in E.VICTIM_WORDS["militants"] if len(p) == 1}


@lru_cache(maxsize=16384)
def _stems(word: str, clitics: int = 2) -> frozenset[str]:
    """A normalised word's stems without their article, read with up to ``clitics`` letters of clitics peeled
    ("والمحتجين" → محتجين, والمحتجين …)."""
    return frozenset(stem.removeprefix("ال") for c, stem in readings(word) if c <= clitics)


def _crowd_against_force(group: list[Sentence], text: str, tokens: list[Token]) -> bool:
    """Whether a clash cue tells of protesters or youths facing a force ("مواجهات بين شبان والشرطة"), with no armed
    group or armed men named and nobody armed hurt: ACLED codes it as a violent demonstration."""
    if any(c.victim_class in ("militants", "security_forces") for s in group for c in s.casualties):
        return False
    actors = actor_index()
    crowd = False
    for s in group:
        if s.context:
            continue
        for x in s.spans:
            a = actors.get(x.entity_key or "") if x.label == "ORG" else None
            if a is not None and a.actor_type in ARMED:
                return False
        for k in range(s.first, s.last + 1):
            stems = _stems(tokens[k].norm)
            if stems & _MILITANT:
                return False
            crowd = crowd or any(stem.startswith(CROWD) for stem in stems)
    return crowd


def _two_sides(group: list[Sentence], tokens: list[Token]) -> bool:
    """Whether a cue of the group says two sides fought ("اشتباكات", "تبادل إطلاق النار", "تصدت"), not merely that
    armed men attacked ("هجوم مسلح", "كمين")."""
    return any(
        stem.startswith(_TWO_SIDES)
        for s in group
        if not s.context
        for i, sub in s.triggers
        if sub == "Armed clash"
        for c, stem in readings(tokens[i].norm)
        if c <= 2
    )


# militants are named as attackers far more often than as targets: only a force's men and posts say "armed"
_ARMED_TARGET = E.words("armed_target") | {p[0] for p in E.VICTIM_WORDS["security_forces"] if len(p) == 1}
_CIVILIAN_TARGET = E.words("civilian_target") | _CIVILIAN
_ATTACKER_LEAD = E.words("attacker_lead") | {p[0] for cls in ("security_forces", "militants") for p in E.VICTIM_WORDS[cls] if len(p) == 1}
_AIM_STEMS = tuple(E.words("aim_verb"))  # "استهدف": what follows is the target
_CLAUSE_END = re.compile(r"[،,.؛:؟!\n]")


def _target_kind(group: list[Sentence], text: str, tokens: list[Token]) -> str | None:
    """Whom an attack was aimed at, from the words right after its cue ("هجوم على حاجز للجيش", "استهدفوا مواقع قسد",
    "هاجم مسلحون قرية"): "armed" for a force, its posts or an armed group, "civilian" for civilians or their places
    (villages, mosques, markets), None when the words say neither. ACLED codes an attack on armed forces as a battle
    and one on unarmed people as violence against civilians."""
    actors = actor_index()
    for s in group:
        if s.context:
            continue
        cues = [i for i, sub in s.triggers if sub in (E.GENERIC_ATTACK, "Armed clash")]
        cues += [
            k for k in range(s.first, s.last + 1) if tokens[k].norm.startswith(_AIM_STEMS) or tokens[k].norm[1:].startswith(_AIM_STEMS)
        ]
        for i in sorted(cues):
            lead = True  # the words right after the cue name the attacker ("هجوم مسلحين …", "هاجمت قوات …")
            for k in range(i + 1, min(s.last, i + 7) + 1):
                if _CLAUSE_END.search(text[tokens[k - 1].end : tokens[k].start]):
                    break
                at = tokens[k].start
                org = next((x for x in s.spans if x.label == "ORG" and x.start <= at < x.end), None)
                if lead and (org is not None or _stems(tokens[k].norm, clitics=1) & _ATTACKER_LEAD):
                    continue
                lead = False
                if org is not None:
                    a = actors.get(org.entity_key or "")
                    if (a is not None and a.actor_type in _STATE_OR_ARMED) or (a is None and names_force(org.text)):
                        return "armed"
                stems = _stems(tokens[k].norm)
                if stems & _ARMED_TARGET:
                    return "armed"
                if stems & _CIVILIAN_TARGET:
                    return "civilian"
    return None


# a protest's motive: its marker and the next three words of its clause ("احتجاجا على اعتقال ناشط", "للمطالبة بالإفراج
# عن معتقلين") (normalised text); riot police ("قوات مكافحة الشغب") are a force facing the crowd, no riot
_MOTIVE = re.compile(
    r"(?<!\w)(?:(?:احتجاجا|رفضا|تنديدا|للتنديد|للمطالبه|مطالبين|تضامنا|للاحتجاج|علي خلفيه)(?:\s+[^\s،,.؛]+){0,3}|مكافحه الشغب)"
)
# a force firing on the crowd: the verb, then the fire or bullets, then "على" the protesters, within one clause
# ("أطلقت قوات الأمن الرصاص الحي على المتظاهرين"); the word "النار" alone is no cue ("وقف إطلاق النار")
_FIRED_ON_PROTESTERS = re.compile(
    r"(?<!\w)[وف]?(?:اطلق|فتح)\w*(?:\s+[^\s،,.]+){0,4}?\s+(?:النار|الرصاص|الذخيره|الاعيره)"
    r"(?:\s+[^\s،,.]+){0,2}?\s+علي\s+(?:ال)?(?:محتج|متظاهر|معتصم)"
)
# str.startswith takes a tuple: one call per stem rather than one per stem and prefix
_RIOT = tuple(E.RIOT)
_INTERVENTION_STEMS = tuple(w for w in E.INTERVENTION if len(w) > 2)  # a prefix of the word
_INTERVENTION_WORDS = frozenset(w for w in E.INTERVENTION if len(w) <= 2)  # the whole word
CAPTORS = E.words("captor")


def _held_by_gunmen(s: Sentence | None, tokens: list[Token]) -> bool:
    """Whether unnamed gunmen, a gang or a militia (and no state force) hold the people taken: named as the subject,
    right after the verb ("احتجزت ميليشيا …") or before it ("مسلحون احتجزوا …"), not as the ones held."""
    if s is None or _state_actor_first(s):
        return False
    for i, sub in s.triggers:
        if sub != "Arrests":
            continue
        around = range(max(s.first, i - 3), min(s.last, i + 2) + 1)
        if any(stem.removeprefix("ال") in CAPTORS for k in around if k != i for c, stem in readings(tokens[k].norm) if c <= 1):
            return True
    return False


AIRCRAFT = E.words("aircraft")
STRIKE_VERB = tuple(E.words("strike_stem"))
PROTEST_TYPES = frozenset({"Peaceful protest", "Violent demonstration", "Excessive force against protesters", "Protest with intervention"})


def _aircraft_told(s: Sentence, text: str, tokens: list[Token]) -> bool:
    """Whether the sentence tells of a drone or aircraft striking: one of their words ("مسيرة", "الطيران") with a
    verb of striking or someone hurt, in a sentence with no protest ("مسيرة" is also a march)."""
    if any(sub in PROTEST_TYPES for _, sub in s.triggers):
        return False
    told = set(map(_aircraft_word, map(NORM, tokens[s.first : s.last + 1])))  # what each word says, by a C-level map
    craft = any(bits & 1 for bits in told)
    struck = any(bits & 2 for bits in told)
    return craft and (struck or any(c.category in ("killed", "injured") for c in s.casualties))


@lru_cache(maxsize=16384)
def _aircraft_word(word: str) -> int:
    """1 when a normalised word names a drone or aircraft, 2 when it is a verb of striking, 3 when both."""
    stems = _stems(word)
    return (1 if stems & AIRCRAFT else 0) | (2 if any(stem.startswith(STRIKE_VERB) for stem in stems) else 0)


# A place taken told with a noun or a phrase rather than a verb of taking (normalised, without clitics):
# "انتهت بسيطرة الحركة على البلدة", "باتت البلدة تحت سيطرة X", "سقطت البلدة في أيدي X"
_CONTROL = frozenset({"سيطره", "بسيطره", "وسيطره", "السيطره", "بالسيطره", "والسيطره"})
_UNDER = frozenset({"تحت"})
_BECAME = frozenset({"باتت", "بات", "اصبحت", "اصبح", "صارت", "صار", "اضحت", "وباتت", "واصبحت", "وصارت"})
_FELL = frozenset({"سقطت", "سقط", "سقوط", "وسقطت", "بسقوط"})
_HANDS = frozenset({"ايدي", "يد", "بيد", "بايدي", "قبضه"})
_ATTEMPT = frozenset({"منذ", "ومنذ", "محاوله", "لمحاوله", "سعي", "تسعي", "يسعي", "بهدف", "تحاول", "يحاول", "حاولت", "حاول", "منع", "لمنع"})
# "مناطق سيطرة X على …": the areas a side already holds
_HELD = frozenset({"مناطق", "منطقه", "اماكن", "مواقع", "خطوط", "خارطه", "خريطه", "نطاق", "ضمن", "داخل", "خارج"})
_ARMED_TAKER = ("مسلح", "مقاتل", "متمرد", "عناصر")
_TAKING_WORDS = _CONTROL | _FELL  # taking_told's first word ("سيطره" is in _CONTROL)
_REACH = 4


def taking_told(group: list[Sentence], tokens: list[Token]) -> bool | None:
    """Whether the group tells of a place taken ("بسيطرة الحركة على البلدة", "باتت تحت سيطرة الجيش", "سقطت في
    أيدي المسلحين"): True when a state force took it, False when an armed group did, None when it tells of none.
    An attempt ("محاولة السيطرة على") and areas held before ("مناطق سيطرة X") are no taking."""
    for s in group:
        if s.context:
            continue
        # only a word of control or of falling opens a taking: the others are passed over by a C-level map
        for k in compress(range(s.first, s.last + 1), map(_TAKING_WORDS.__contains__, map(NORM, tokens[s.first : s.last + 1]))):
            w = tokens[k].norm
            ahead = [tokens[j].norm for j in range(k + 1, min(s.last, k + _REACH) + 1)]
            behind = [tokens[j].norm for j in range(max(s.first, k - 4), k)]
            taker = None
            if w in _CONTROL and "علي" in ahead and not (behind and behind[-1] in _ATTEMPT | _UNDER | _HELD):
                taker = k + 1
            elif w == "سيطره" and behind and behind[-1] in _UNDER and any(b in _BECAME for b in behind):
                taker = k + 1
            elif w in _FELL:
                hands = next((j for j, a in enumerate(ahead) if a in _HANDS), None)
                if hands is not None:
                    taker = k + hands + 2
            if taker is None or taker > s.last:
                continue
            state = _taker_state(s, taker, tokens)
            if state is None and tokens[taker].norm == "علي":
                state = _first_force_side(s)  # "أعلن الجيش السيطرة على البلدة": the clause's force took it
            if state is not None:
                return state
    return None


def _taker_state(s: Sentence, k: int, tokens: list[Token]) -> bool | None:
    """Whether the taker named at token k (a name, or a word such as "الجيش", "المسلحين") is a state force; when
    the word says neither, the sentence's first named force decides."""
    at = tokens[k].start
    org = next((x for x in s.spans if x.label == "ORG" and x.start <= at < x.end), None)
    if org is not None:
        a = actor_index().get(org.entity_key or "")
        if a is not None and a.actor_type:
            return a.actor_type in STATE
        if a is None and names_force(org.text):
            return True
    word = tokens[k].norm
    if word in TAKER_STATE:
        return True
    if word in TAKER_ARMED or any(stem.startswith(_ARMED_TAKER) for stem in _stems(word)):
        return False
    return None


TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
FIGHTING = frozenset({"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"})
REMOTE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def _explosion_told(group: list[Sentence], text: str) -> bool:
    said = {w.removeprefix("ال") for s in group if not s.context for w in stems_of(text[s.start : s.end])}
    return bool(said & E.EXPLOSION) and any(c.category in ("killed", "injured") for s in group for c in s.casualties)


TAKER_ARMED = E.words("taker_armed")
TAKER_STATE = E.words("taker_state")


def _taker_is_state(s: Sentence, tokens: list[Token]) -> bool | None:
    """Who took the place, from the word right after the verb ("سيطرت الحركة على …", "استولى الجيش على …"): True for
    a state force, False for an armed group, None when that word says neither or begins a name."""
    for i, sub in s.triggers:
        if sub != E.GENERIC_TERRITORY or i + 1 > s.last:
            continue
        if any(x.label == "ORG" and x.start <= tokens[i + 1].start < x.end for x in s.spans):
            return None  # a name ("قوات الدعم السريع"): the gazetteer's actor type says
        word = tokens[i + 1].norm
        if word in TAKER_STATE:
            return True
        if word in TAKER_ARMED:
            return False
        return None
    return None


def _withdrawal_first(s: Sentence) -> bool:
    """ "انسحبت القوات من البلدة وسيطرت عليها …": a withdrawal told before the taking is a handover."""
    at = {sub: i for i, sub in reversed(s.triggers)}
    handover = at.get("Non-violent transfer of territory")
    return handover is not None and handover < at[E.GENERIC_TERRITORY]


_GUN_STEMS = ("صاروخ", "صواريخ", "قذيف", "قذايف", "هاون", "مدفع", "راجم", "كاتيوشا", "باليست")


def _only_bombardment(s: Sentence | None, text: str) -> bool:
    """Whether the sentence names no gun, shell or missile: its "قصف" may be the aircraft's."""
    return s is not None and not any(stem.removeprefix("ال").startswith(_GUN_STEMS) for stem in stems_of(text[s.start : s.end]))


# a force named as the source of the news ("بحسب الشرطة", "أعلن الجيش", "مصدر في الجيش") is not a side of the event
_SOURCE_BEFORE = re.compile(
    r"(?:بحسب|حسب|وفق|وفقا ل|نقلا عن|قال|قالت|اعلن|اعلنت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|اوضح|اوضحت|مصدر|مصادر|بيان|بيانا|"
    r"باسم|المتحدث)\s*(?:\S+\s*)?$"
)


def _names_force(group: list[Sentence], kinds: set[str] = _STATE_OR_ARMED, text: str | None = None) -> bool:
    """Whether the event's sentences name a force of these kinds (by default an armed group or a state force); with
    the text, a force named only as the news's source does not count."""
    actors = actor_index()
    for s in group:
        if s.context:
            continue
        for x in s.spans:
            if x.label != "ORG":
                continue
            if text is not None and _SOURCE_BEFORE.search(norm(text[max(s.start, x.start - 30) : x.start])):
                continue
            a = actors.get(x.entity_key or "")
            if (a is not None and a.actor_type in kinds) or (a is None and names_force(x.text)):
                return True
    return False


# "دون وقوع إصابات", "لم تسجل إصابات": casualty words that say nobody was hurt
_NEGATED = re.compile(r"(?:دون|بدون|لا|لم|عدم)(?: (?:وقوع|تسجيل|سقوط|تسجل|تقع|يسفر|تسفر|اي))* \S+")


def stems_of(text: str) -> set[str]:
    return {stem for m in WORD.finditer(norm(text)) for c, stem in readings(m.group()) if c <= 2}


EVENT_OF_SUB = {
    "Disrupted weapons use": "Strategic developments",
    "Violent demonstration": "Riots",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Attack": "Violence against civilians",
}


def draft_fields(group: list[Sentence], *, article: Article, main: bool, kind: tuple[str, str] | None = None) -> IncidentDraft | None:
    """The draft incident told by a group of sentences, or None when it says too little to be one.

    ``kind`` (event type, sub-event type) is inherited from the previous incident ("بانفجار مماثل").
    """
    sub = classify(group, article.text, article.tokens)
    if sub is None:
        return None
    ev, sub = kind or (EVENT_OF_SUB.get(sub) or _event_of(sub), sub)
    d = IncidentDraft(event_type=ev, sub_event_type=sub)
    d.evidence = [(s.start, s.end) for s in group if not s.context]
    d.killed, d.injured = _figure(group, "killed", article.text), _figure(group, "injured", article.text)
    d.casualties = [c for s in group for c in s.casualties]
    _set_date(d, group, article, main)
    place = event_place(group, article)
    if place:
        d.location_text, d.location_span = place.text, (place.start, place.end)
        d.place_span = d.location_span
    # a facility ("مطعم X", "سجن Y") is more precise than a city, not than a town or village
    site = event_site(group, place, article.text) if place is None or place_rank(place) < PLACE_RANK["town"] else None
    if site is not None:
        d.location_text, d.location_span = site.text, (site.start, site.end)
    d.country = incident_country(place, group, article)
    _set_actors(d, group, article)
    if not main and d.killed is None and d.injured is None and not d.location_text and not d.date_text:
        return None
    d.summary_en = summary(d, place)
    return d


def _figure(group: list[Sentence], category: str, text: str) -> int | None:
    """The incident's figure of a category (casualties.tally: groups add up, the conservative toll stands)."""
    return tally([s.casualties for s in group], category, text)


def _event_date(group: list[Sentence], article: Article, main: bool) -> tuple[Span, DateExpr] | None:
    """The most specific date expression of the first sentence that has one (event sentences first); for the
    main event, else the lead's first date."""
    best = None
    text = article.text
    dated = next(
        (s for s in sorted(group, key=lambda s: s.context) if any(x.label == "DATE" and not _since(text, x) for x in s.spans)), None
    )
    for x in dated.spans if dated else ():
        if x.label != "DATE" or _since(text, x):
            continue
        exprs = dates_in(x.text)
        if exprs and (best is None or exprs[0].specificity > best[1].specificity):
            best = (x, exprs[0])
    if best is None and main:
        lead = [x for x in first_dates(article) if not _since(text, x)]
        exprs = dates_in(lead[0].text) if lead else []
        if exprs:
            best = (lead[0], exprs[0])
    return best


def _since(text: str, date: Span) -> bool:
    """ "منذ مارس": the start of a span of time, not the day of the event; "السنوات الأخيرة" is none either."""
    if norm(text[max(0, date.start - 6) : date.start]).split()[-1:] in (["منذ"], ["ومنذ"]):
        return True
    exprs = dates_in(date.text)
    return bool(exprs) and exprs[0].vague


def _set_date(d: IncidentDraft, group: list[Sentence], article: Article, main: bool) -> None:
    found = _event_date(group, article, main)
    if found:
        span, e = found
        r = resolve_in(e, article.reference)
        d.date, d.date_end, d.date_precision = r.date, r.date_end, r.precision
        d.date_text, d.date_span = span.text, (span.start, span.end)
    elif main and article.reference.day:
        day = article.reference.day
        d.date, d.date_end, d.date_precision = day, day, "day"


def _set_actors(d: IncidentDraft, group: list[Sentence], article: Article) -> None:
    """Who acted and who was acted upon (announcers and media are no party to the event)."""
    a1, a2 = pick_actors(article.tokens, group, article.text)
    if d.event_type in ("Protests", "Riots"):
        crowd = protesters(article.text, article.tokens, group)
        if crowd is not None:  # the crowd acts; the force facing it, if any, is actor2
            a1, a2 = crowd, (a1 if a1 is not None and a1.entity_key != UNNAMED else a2)
    if a1 is not None:
        d.actor1_text, d.actor1_span = a1.text, (a1.start, a1.end)
    if a2 is not None:
        d.actor2_text, d.actor2_span = a2.text, (a2.start, a2.end)


@lru_cache(maxsize=4096)
def dates_in(span_text: str) -> list:
    return find_dates(tokenize(span_text)[1])


@lru_cache(maxsize=1)
def _actor_by_name() -> dict:
    """Arabic name or alias → the first actor of the table that has it."""
    out: dict = {}
    for a in actor_index().values():
        out.setdefault(a.name_ar, a)
        for alias in a.aliases:
            out.setdefault(alias, a)
    return out


def summary(d: IncidentDraft, place: Span | None) -> str:
    where = ""
    if place is not None and place.entity_key in place_index():
        where = f" in {place_index()[place.entity_key].name_en}"
    elif d.country:
        where = f" in {d.country}"
    figures = []
    if d.killed:
        figures.append(f"{d.killed} killed")
    if d.injured:
        figures.append(f"{d.injured} injured")
    who = ""
    if d.actor1_span:
        a = _actor_by_name().get(d.actor1_text)
        if a:
            who = f" involving {a.name_en}"
    tail = f": {', '.join(figures)}" if figures else ""
    return f"{d.sub_event_type}{where}{who}{tail}."
