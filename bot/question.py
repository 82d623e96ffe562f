"""What a question asks for (pure): the kind of phrase that answers it, whether it wants one value
or several, the newest figure, a prediction, and which names in it must be in the evidence.

"How many troops …" wants a number next to "troops"; "which state …" a place; "who …" a person
(or a body); "when …" a date; "where were …" several places. Questions that want no single phrase
("why …", "what did Erdogan say …", "describe …") are not factoid and get no short answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.numerals import is_roman_numeral
from index.nlp import NUMERIC, TEMPORAL
from index.lexical import fold, terms
from index.sentences import split_sentences

PLACE = frozenset({"GPE", "LOC", "FAC"})
ORGS = frozenset({"ORG"})
PEOPLE = frozenset({"PERSON"})
WORKS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "QUOTED"})
THING = frozenset({"THING"})  # a common thing ("caviar and butter-poached lobster"): no entity label fits

# the noun a which/what question is about → the entity labels that answer it (singular forms)
# numeric heads whose kind of number is known; another kind of number fits them less
_MEASURES = {word: frozenset({label}) for label, words in (("PERCENT", "percentage percent rate share stake rise increase hike raise growth"),
                                                           ("MONEY", "price cost salary budget fine sum worth valuation"))
             for word in words.split()}
_HEADS: dict[frozenset[str], frozenset[str]] = {
    PLACE: frozenset("""state country city nation region province town capital island county continent place
        location area village neighborhood neighbourhood site port sea river lake ocean border territory
        district suburb park airport mountain""".split()),
    ORGS: frozenset("""company team brand organization organisation network agency bank airline firm party group
        retailer club university college school body department union league channel newspaper outlet
        magazine publication chain restaurant automaker carrier platform app startup court committee
        government ministry institution agency business manufacturer maker studio label store federation
        council association lender exchange""".split()),
    PEOPLE: frozenset("""person man woman actor actress singer player president leader politician star artist
        rapper musician author writer director ceo executive official minister senator governor judge coach
        quarterback athlete pope king queen prince princess comedian host journalist lawmaker candidate
        celebrity founder chef designer driver golfer pitcher scientist astronaut billionaire mayor
        spokesperson spokesman spokeswoman officer suspect victim gunman shooter attacker killer assailant
        bomber hijacker kidnapper robber speaker chancellor chairman chairwoman commissioner
        secretary ambassador commander manager""".split()),
    TEMPORAL: frozenset("year month day date time decade century".split()),
    NUMERIC: frozenset("""number toll count total price cost amount percentage percent rate age score figure
        sum fine salary budget population magnitude temperature height length distance weight speed size
        margin value debt deficit revenue profit loss wage attendance turnout capacity""".split()),
    WORKS: frozenset("""book film movie song show album series title play novel documentary game memoir bill
        law act word phrase slogan nickname name plan program programme campaign policy treaty deal
        operation project product drug vaccine""".split()),
}
_STOP_HEAD = re.compile(
    r"^(?:is|was|are|were|has|have|had|did|does|do|will|would|can|could|should|that|who|which|to|in|on|"
    r"at|for|from|by|with|of|as|about|after|before|this|last|recently|currently|now|been|being|the|a|an)$"
)
# a past participle after "what was" ("found", "stolen", "seized"): lower-case only, so a name stays
_PARTICIPLE = re.compile(r"^[a-z]{2,}(?<!e)ed$|^(?:found|seen|made|said|sold|bought|brought|built|caught|done|hit|held|kept|"
                         r"left|lost|paid|put|sent|set|shot|spent|struck|told|won|taken|stolen|given|chosen|written|"
                         r"eaten|driven|broken|hidden|spoken|frozen|beaten|shown|known|thrown|drawn|grown|blown|"
                         r"flown|worn|torn|sworn)$")
# "what is vinyl chloride?", "what is a recession?": a term to explain, not a name ("what is the new
# variant?" and "what is the interest rate?" ask for one)
_DEFINITION = re.compile(r"^\s*[Ww]hat\s+(?:is|are)\s+(?:an?\s+)?((?!the\b)[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3})\s*\?\s*$")
_WHAT_WAS_DONE_AT = re.compile(r"\b(?:[Ww]hich|[Ww]hat)\s+(?:is|was|are|were)\s+([\w’'-]+)")
# … and "what was he accused of?", "what were the men charged with?": the participle after its subject,
# a preposition ending the question
_WHAT_WAS_IT_DONE = re.compile(r"^\s*(?:[Ww]hich|[Ww]hat)\s+(?:is|was|are|were)\s+(?:[\w’'.-]+\s+){1,4}?([a-z]+)\s+"
                               r"(?:of|with|for|by|about|from|to|in|on|at|as)\s*\?\s*$")
# "how …" asks for a figure after these ("how deep was the shaft?", "how fast were the winds?"), else
# for a manner ("how did the fire start?")
_FIGURE_WORDS = "many|much|old|long|far|big|tall|deep|high|wide|heavy|fast|large"
_NOT_FACTOID = re.compile(
    rf"^\s*(?:how(?!\s+(?:{_FIGURE_WORDS}|often)\b)|describe|explain|summari[sz]e|tell me|what happened|"
    r"what (?:did|does|do|has|have|will|would|is|was|are|were) \S+(?: \S+)? (?:say|said|think|thought|threaten|"
    r"claim|argue|tell|want|mean|do|doing|announce|plan|propose|warn|write)\b)",
    re.I,
)
# a question asking for a reason: "why …", and "what caused / led to / triggered …", "what was the
# reason for …" — the same question in other words, answered by a clause, not by a name ("What caused
# the Silicon Valley Bank collapse?" was answered with a bold "Santa Clara", the bank's home town)
_REASON = re.compile(r"^\s*(?:why\b|what (?:caused|causes|led to|leads to|triggered|prompted|sparked|started|set off|went wrong)\b|"
                     r"what (?:is|was|are|were) (?:the )?(?:main )?(?:reasons?|causes?) (?:for|of|behind)\b)", re.I)


# "how did the hackers get in?", "how was the vaccine made?": a manner, told by one sentence the reader
# can judge (SQuAD asks so), unlike "how did X describe …" (wording) or "how many …" (a figure)
_MANNER = re.compile(rf"^\s*how\s+(?!(?:{_FIGURE_WORDS})\b)(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\b"
                     r"(?!.*\b(?:describe|describes|described|characteri[sz]ed?|react(?:ed)?|respond(?:ed)?|feel|felt|view|see|saw)\b)",
                     re.I)


def asking_sentence(question: str) -> str:
    """The sentence of a question that asks: a quiz question's first sentences tell the background
    ("The Republican Party has been at odds this week … Which GOP leader …?"); the asking one is
    what the passages must tell and what a reader trained on one-sentence questions reads."""
    parts = [question[a:b].strip() for a, b in split_sentences(question)]  # (not after "U.K." or "Gov.")
    asking = [p for p in parts if p.endswith("?")]
    return asking[-1] if asking and len(parts) > 1 else question


# words of an asking sentence that ask about what the background said, not about a thing of its own
_ELLIPSIS = frozenset(terms("why who whom whose where true false"))


def _names_what_it_asks(asking: str) -> bool:
    """"Which color is it?" names what it asks (a colour); "Why?", "How many?" and "True or false?" do
    not: they ask about the sentence before them."""
    return any(not frame_word(t) and t not in _ELLIPSIS for t in terms(asking))


def reader_question(question: str, query: str) -> str:
    """What the trained reader reads of a question: its asking sentence, with what a follow-up's query
    carries after it (the names of the turn before). The reader was trained on SQuAD's one-sentence
    questions and keeps a question's first 32 word pieces: behind a background sentence the asking
    one reads as noise or is cut off ("… a rare comet is making an appearance in the night sky this
    week. Which color is it?": relevance 0.088 for "The comet's coma has a distinctive green color",
    0.289 for "Which color is it?" alone; the threshold is 0.145). An asking sentence saying "he" or
    "she" of a person the background names is read with the background: alone it loses who is asked
    about ("How old was she?"), and with the name put in the pronoun's place the sentence telling the
    answer, which often says "she" too, reads as unrelated ("Where did Faith Chebet train?": 0.021
    for "Her coach said she had trained at altitude in Iten"; the whole question 0.296). One that
    names nothing it asks about ("Why?", "How many?", "True or false?") asks about the background:
    read whole too."""
    asking = asking_sentence(question)
    if asking == question or personal_pronoun(asking) or not _names_what_it_asks(asking):
        return query
    return asking + query[len(question):] if query.startswith(question) else asking_sentence(query)


def asks_how(question: str) -> bool:
    """Whether a question asks for a manner or means ("how did the hackers get into the bank?"),
    not for wording, a reaction or a figure."""
    return bool(_MANNER.match(asking_sentence(question)))


# "who won the election and by how much?", "… and when?": a second ask after the first
_SECOND_ASK = re.compile(r"\band\s+(?:by\s+)?(?:how\s+(?:much|many|long|far|big|old)|when|where|why)\b", re.I)


_YES_NO = re.compile(r"^\s*(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b", re.I)


def asks_yes_no(question: str, kind: QuestionKind) -> bool:
    """Whether a question (of `kind`, as `analyse` read it) asks whether something is so ("Were any
    passwords stolen?", "Has Cendrix been approved?"): answered by the sentence that tells it, or
    says it did not happen."""
    return not kind.factoid and bool(_YES_NO.match(asking_sentence(question)))


def asks_two_things(question: str) -> bool:
    """Whether a question asks two things ("Who won the Brimfield election and by how much?"): its
    kind is read from one of them, so a short answer would answer half ("41%", the loser's share)."""
    return bool(_SECOND_ASK.search(question))


def asks_why(question: str) -> bool:
    """Whether a question asks for a reason (see _REASON)."""
    return bool(_REASON.match(asking_sentence(question)))


# "who is Ann Moss?" asks for a description (her post, what she did), not for another name
_WHO_IS_NAME = re.compile(r"^\s*[Ww]ho\s+(?:is|was|are|were)\s+(?:[A-Z][\w.’'-]*\s*)+\??\s*$")
_FUTURE = re.compile(r"\b(will|would|expected|expect|predict\w*|forecast\w*|projected|likely|plan(?:s|ned)? to)\b", re.I)
_LATEST = re.compile(r"\b(latest|most recent|newest|current|currently|now|so far|to date|updated)\b", re.I)
_PERSONAL = re.compile(r"\b(he|she|him|his|her|hers)\b", re.I)
# deaths and casualties: a figure that grows as reports come in (so the newest one answers "how many
# died"), and one a sentence about people affected or displaced does not answer
CASUALTY = re.compile(r"\b(?:die[sd]?|dead|deaths?|killed|kill(?:s|ing)?|toll|fatalit(?:y|ies)|perished|"
                      r"casualt(?:y|ies))\b", re.I)  # words, not stems: "deadly earthquake" is no toll
_MONEY_NOUN = re.compile(r"(?:money|cash)$", re.I)
# words that make "how much" ask for a sum of money
_MONEY = re.compile(r"\b(?:money|cash|costs?|costing|pa(?:y|id|ying)|spen[dt]|spending|worth|price[ds]?|fined?|charged?|"
                    r"earn(?:ed|s)?|bribes?|ransom|fees?|salary|wages?|compensation|budget|funding|sold for|bought for)\b",
                    re.I)
_GENERIC_NAMES = frozenset({"us", "u.s", "uk", "u.k", "un", "eu", "america", "american", "americans", "british"})
# a time is no name the evidence must hold: "in February" is written "Feb. 1", "Wednesday", "last month"
_TIME_WORDS = frozenset(terms("January February March April May June July August September October November "
                              "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))


@dataclass(frozen=True)
class QuestionKind:
    factoid: bool
    labels: frozenset[str] = frozenset()  # entity labels of the answer phrase (empty: any name)
    secondary: frozenset[str] = frozenset()  # labels that may answer too, less often ("who" → a body)
    counted: tuple[str, ...] = ()  # "how many troops" → ("troop",): the noun a number must sit next to
    plural: bool = False  # "where were …", "which countries …": gather the distinct values
    latest: bool = False  # the newest dated figure wins
    future: bool = False  # the question itself asks about a prediction: speculation is no fault
    wants_date: bool = False
    wants_number: bool = False
    deaths: bool = False  # "how many died/were killed": a death toll answers it
    place: str = ""  # "which country/nation …" → "country", "which (US) state …" → "state" (bot.places)
    head: str = ""  # the noun a which/what question asks for, singular ("which universities" → "university");
    # "age" for "how old"


def analyse(question: str) -> QuestionKind:
    """What kind of answer a question asks for, read from its asking sentence (`asking_sentence`: a
    quiz's or a chat's background sentence before it asks nothing)."""
    q = " ".join(asking_sentence(question).split())
    lowered = q.lower()
    latest = bool(_LATEST.search(q))
    future = bool(_FUTURE.search(q))
    if _WHO_IS_NAME.match(q) or _NOT_FACTOID.search(q) or asks_why(q) or " or " in lowered and "which" not in lowered or lowered.startswith(("true or false", "is ", "are ", "does ", "do ", "did ", "can ", "was ", "were ", "has ", "have ", "will ", "should ")):
        return QuestionKind(False, latest=latest, future=future)
    if re.search(r"\bhow often\b", lowered):  # "every six minutes", "once a year": a time, or a count of times
        return QuestionKind(True, TEMPORAL, NUMERIC, latest=latest, future=future, head="often")
    number = re.search(rf"\bhow ({_FIGURE_WORDS})\b\s*(.*)", lowered)
    if number:
        kind = number.group(1)
        following = []
        words = [w.strip("?,.") for w in number.group(2).split()[:3]]
        for n, word in enumerate(words):
            if _STOP_HEAD.match(word) or not following and CASUALTY.fullmatch(word) and (
                    n + 1 == len(words) or _STOP_HEAD.match(words[n + 1])):
                break  # "how many died in …": the dead, counted as a toll ("how many dead people": people)
            following.append(word)
        counted = tuple(terms(" ".join(following))) if kind == "many" else ()
        # "how many" counts things, "how much" measures money or amounts: money when it asks a price
        # ("how much did the telescope cost?", "how much money did he pocket?")
        labels = (frozenset({"CARDINAL", "QUANTITY"}) if kind == "many" else
                  frozenset({"MONEY"}) if kind == "much" and _MONEY.search(number.group(2)) else NUMERIC)
        secondary = (NUMERIC - labels) | (TEMPORAL if kind in {"old", "long"} else frozenset())
        deaths = kind == "many" and bool(CASUALTY.search(lowered))
        return QuestionKind(True, labels, secondary, counted=counted, latest=latest or deaths, future=future,
                            wants_number=True, deaths=deaths,
                            head={"old": "age", "long": "long", "far": "far"}.get(kind, ""))
    if re.search(r"\bwhen\b|\bwhat (?:year|date|day|month|time)\b|\bwhich (?:year|date|day|month)\b", lowered):
        return QuestionKind(True, TEMPORAL, frozenset(), latest=latest, future=future, wants_date=True)
    if re.search(r"\bwhere\b", lowered):
        plural = bool(re.search(r"\bwhere (?:were|are|have)\b", lowered))
        return QuestionKind(True, PLACE, ORGS, plural=plural, latest=latest, future=future)
    if re.search(r"\bwho(?:m|se)?\b", lowered):
        plural = bool(re.search(r"\bwho (?:were|are|have)\b", lowered))
        # "who was the gunman?" asks for a person: the studio he fired at is no answer ("who
        # blamed …" may be a government, "who won …" a team)
        secondary = frozenset() if _asks_for_a_person(lowered) else ORGS | frozenset({"NORP", "GPE"})
        return QuestionKind(True, PEOPLE, secondary, plural=plural, latest=latest, future=future)
    if (term := _DEFINITION.match(q)) and singular(term.group(1).split()[-1].lower()) not in _ALL_HEADS | set(_MEASURES):
        return QuestionKind(True, THING, latest=latest, future=future)  # "what is vinyl chloride?": what it
        # is, told by a sentence the reader judges; no name is its short answer ("World War I" was)
    if asks_what_was_done(q):
        # "what was served / found at …": a thing the names found do not give ("served" is no noun to
        # look for); the reader judges it as a fact, and no name is its short answer
        return QuestionKind(True, THING, latest=latest, future=future)
    head = _head_noun(q)
    if head is not None:
        word, plural = head
        plural = plural and not re.search(r"\bwhich (?:one )?of (?:these|the following|those)\b", lowered)
        if word in _MEASURES:  # "what is the interest rate" wants a percentage, "what is the fine" money
            labels = _MEASURES[word]
            return QuestionKind(True, labels, NUMERIC - labels, plural=plural, latest=latest, future=future,
                                wants_number=True, head=word)
        for labels, heads in _HEADS.items():
            if word in heads:
                return QuestionKind(True, labels, frozenset(), plural=plural, latest=latest, future=future,
                                    wants_date=labels is TEMPORAL, wants_number=labels is NUMERIC,
                                    place=_place_kind(word, lowered), head=word)
        return QuestionKind(True, frozenset(), plural=plural, latest=latest, future=future, head=word)
    if re.search(r"\b(?:named|called|titled|nicknamed|dubbed)\b", lowered):
        return QuestionKind(True, WORKS, PEOPLE | ORGS, latest=latest, future=future)
    return QuestionKind(False, latest=latest, future=future)


# words of a when-question that say no event: the question's frame, not what happened
_FRAME = frozenset(terms("when what which year month week day date time today happen happened take took place "
                         "did does do is was were will would this last first next exactly your you our their my how many much "
                         "has have had been being approximately about around roughly past weekend tonight yesterday "
                         "tomorrow recently ago he she it they him her them his its we us i according one two three four five "
                         "six seven eight nine ten hundred thousand million billion percent per cent "
                         # the auxiliaries with "n't" ("why didn't the alarm go off?": "didn" was read as
                         # an event word no passage tells; "won't" and "can't" stem to "won" and "can")
                         "didn't doesn't don't isn't aren't wasn't weren't hasn't haven't hadn't couldn't "
                         "wouldn't shouldn't mustn't"))
# an event named by another word than the question's ("when did she die?" → "her death"), and the
# irregular verbs the stemmer does not join ("did they win" → "won"). Not "passed" for "died": it
# stems to "pass" ("had passed a full inspection", "the bill passed"), and told every death asked of
# (set y, stop 53: "How many passengers died …?" answered as if told over a report of no deaths)
_EVENT_GROUPS = """die death dead; born birth bore; marry married marriage wedding wed;
    win won; lose lost; buy bought; sell sold; pay paid; hit; leave left; take took taken; give gave given;
    make made; hold held; meet met; fall fell fallen; rise rose risen; grow grew grown; begin began begun;
    bring brought; catch caught; drive drove driven; fight fought; find found; fly flew flown; build built;
    send sent; shoot shot; strike struck; steal stole stolen; throw threw thrown; tell told; write wrote
    written; come came; go went gone; see saw seen; know knew known; get got gotten; keep kept; lead led;
    run ran; sink sank sunk; speak spoke spoken; spend spent; swear swore sworn; choose chose chosen;
    break broke broken; freeze froze frozen; hide hid hidden; seek sought; sit sat; stand stood; teach
    taught; think thought; wear wore worn; beat beaten; bite bit bitten; blow blew blown; draw drew drawn;
    eat ate eaten; feel felt; flee fled; forbid forbade forbidden; hang hung; lay laid; lend lent;
    ride rode ridden; ring rang rung; shake shook shaken; shut; sing sang sung; slay slew slain; split;
    spread; sting stung; swim swam swum; tear tore torn; wake woke woken; withdraw withdrew withdrawn"""
_EVENT_FORMS: dict[str, frozenset[str]] = {}
for _group in _EVENT_GROUPS.split(";"):
    _group_terms = frozenset(terms(_group))
    for _term in _group_terms:
        _EVENT_FORMS[_term] = _EVENT_FORMS.get(_term, frozenset()) | _group_terms


def event_forms(word: str) -> frozenset[str]:
    """A stemmed word and its other forms ("win" → win, won)."""
    return frozenset({word}).union(_EVENT_FORMS.get(word, ()))


# endings that make a noun of a verb's stem ("leads" / "leader", "grow" / "growth", "sign" / "signature",
# "close" / "closure"), as the stemmer leaves them
_DERIVED = ("er", "ers", "or", "ors", "th", "ment", "ments", "ion", "ions", "ation", "al", "ship", "ist", "atur", "ur")


def told_in(term: str, words: set[str] | frozenset[str]) -> bool:
    """A question's stemmed word is among `words` (stems) in some form: itself, another form of the
    verb ("fought" for "fight"), or a noun made of it ("signatures" for "signed", "closure" for "close")."""
    if event_forms(term) & words:
        return True
    if len(term) < 4:
        return False
    stems = (term, term[:-1]) if term.endswith("e") else (term,)
    return any(stem + ending in words for stem in stems for ending in _DERIVED)


def frame_word(term: str) -> bool:
    """A stemmed word of a question's frame ("when", "did", "this", "year"), not of its event."""
    return term in _FRAME


# "where did the gunman die?" asks where something happened (not "where is the capital?")
# kinds of deadly event, each with the words that name it: a toll asked of one kind is not read from
# a sentence naming only another ("at least 40 died in a fire" does not count a shooting's dead)
_INCIDENTS = """shooting shootings shooter shot gunman gunmen gunfire; earthquake earthquakes quake quakes tremor
    temblor aftershock aftershocks; fire fires wildfire wildfires blaze blazes; flood floods flooding;
    storm storms hurricane hurricanes cyclone cyclones typhoon typhoons tornado tornadoes blizzard;
    crash crashes collision derailment derailed; explosion explosions blast bombing bombings bomb;
    avalanche avalanches; landslide landslides mudslide mudslides; stampede crush"""
_INCIDENT_OF = {w: i for i, group in enumerate(_INCIDENTS.split(";")) for w in group.split()}


def incidents(text: str) -> frozenset[int]:
    """The kinds of deadly event a text names (shooting, earthquake, fire, …), as group numbers."""
    return frozenset(_INCIDENT_OF[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _INCIDENT_OF)


_WHERE_DID = re.compile(r"\bwhere (?:did|does|do|was|were|is|are|has|have|had|will)\b", re.I)


def asked_event(question: str, kind: QuestionKind) -> frozenset[str]:
    """The words a short answer's sentence must hold (any one of them) to tell what was asked, empty
    when nothing is checked: a date answers "when did X die?" only from a sentence saying X died (or
    of X's death), a place "where did the gunman die?" only from one saying where he died, a number
    "how many people were displaced?" only from one saying who was displaced (a death toll has its
    own words: `short_answer.number_fit`)."""
    if kind.wants_date:
        return event_terms(question)
    if _WHERE_DID.search(question):
        return place_event(question)
    if kind.wants_number and not kind.deaths:
        return counted_event(question, kind.counted)
    done = _WHO_WAS_DONE.search(question)
    if done and _PARTICIPLE.match(done.group(1)):  # "who was arrested for …?": a name from a sentence of the arrest
        return frozenset().union(*(event_forms(w) for w in terms(done.group(1))))
    return frozenset()


_WHO_WAS_DONE = re.compile(r"^\s*[Ww]ho\s+(?:was|were|has been|have been|had been|is|are|will be)\s+([a-z]+)\b")


def event_terms(question: str) -> frozenset[str]:
    """The stemmed words naming what a when-question asks the date of ("when did Lisa Marie
    Presley die?" → die, death, dead, …): its lower-case content words, with their other forms.
    Names are left out (they say who, not what happened)."""
    words = set(terms(" ".join(re.findall(r"(?<![\w’'])[a-z][\w’'-]*", question)))) - _FRAME
    return frozenset().union(*(event_forms(w) for w in words))


def counted_event(question: str, counted: tuple[str, ...]) -> frozenset[str]:
    """What a how-many/much question counts happening: the first content word after the counted noun
    ("how many people were displaced by the earthquake?" → displaced; "how many troops has Turkey
    deployed?" → deployed), with its other forms. Empty when the question says nothing after it, or
    only "get" ("how many votes did she get?" is answered by "received 2,140 votes")."""
    match = re.search(r"\bhow (?:many|much)\b(.*)", question, re.I)
    if not match:
        return frozenset()
    left = list(counted)
    for word in re.findall(r"[\w’'-]+", match.group(1)):
        found = terms(word)
        if left and found and found[0] == left[0]:
            left.pop(0)
            continue
        if word[:1].isupper() or not found or found[0] in _FRAME or left and found[0] in left or _MONEY_NOUN.match(word):
            continue  # ("how much money …": the sum of money is the answer, not what the sentence must say)
        if not left:
            # "how many votes did she get?": a light verb tells nothing; the counted noun is the event
            return frozenset() if found[0] in _GET else event_forms(found[0])
    return frozenset()


_GET = frozenset(terms("get gets got gotten getting"))  # (the "not told" check skips them too: untold._ASKED_FOR)


def _place_kind(head: str, lowered: str) -> str:
    """"which country/nation" → "country"; "which state" or "which US state" → "state" (another
    country's states — "which Indian state" — are not checked)."""
    if head in {"country", "nation"}:
        return "country"
    if head == "state" and re.search(r"\b(?:which|what)\s+(?:(?:u\.?s\.?|us|american)\s+)?states?\b", lowered):
        return "state"
    return ""


_PARTICLES = frozenset(terms("down up out off over away back in on to from at into onto"))


def place_event(question: str) -> frozenset[str]:
    """What a where-question asks the place of: its last verb-like word ("where did the gunman
    die?" → die, death, dead; "where was the balloon shot down?" → shot, shoot), not its subject
    (the gunman is named wherever he fired). Empty when it has none."""
    match = re.search(r"\bwhere\b(.*)", question, re.I)
    if not match:
        return frozenset()
    for word in reversed(re.findall(r"[\w’'-]+", match.group(1))):
        found = terms(word)
        if word[:1].isupper() or not found or found[0] in _FRAME or found[0] in _PARTICLES:
            continue
        return event_forms(found[0])
    return frozenset()


def _asks_for_a_person(lowered: str) -> bool:
    """"who is the new speaker?", "who were the victims?": the noun after who + be is a person's role;
    "who was named MVP?", "who was elected speaker?": a post or honour given to someone."""
    if re.search(r"\bwho (?:is|was|has been|have been|will be) (?:named|elected|appointed|chosen|hired|"
                 r"nominated|sworn in)\b", lowered):
        return True
    match = re.search(r"\bwho (?:is|was|are|were) (?:the |a |an )?((?:[\w-]+ ){0,2}?[\w-]+)"
                      r"(?:\s*\??$| (?:in|of|at|for|behind|from|on)\b)", lowered)
    return match is not None and singular(match.group(1).split()[-1]) in _HEADS[PEOPLE]


PERSON_HEADS = _HEADS[PEOPLE]  # the nouns of a person's role or kind ("judge", "scientist", "executive")
_WHO_IS_ROLE = re.compile(r"\bwho (?:is|was|are|were) (?:the |a |an )?(?:[\w'’-]+ ){0,3}?([\w-]+)\s*\??$")


def asked_role(question: str, kind: QuestionKind) -> str:
    """The role whose holder a person question asks for ("Which judge ruled …" → judge, "Who is
    Alder City's manager?" → manager), or "" when it asks for none."""
    if kind.head in _HEADS[PEOPLE]:
        return kind.head
    match = _WHO_IS_ROLE.search(question.lower().strip())
    role = singular(match.group(1)) if match else ""
    return role if role in _HEADS[PEOPLE] else ""


def _head_noun(question: str) -> tuple[str, bool] | None:
    """"Which US state's governor …" → ("state", False); "which of these teams …" → ("team", True)."""
    found = _head_phrase(question)
    if found is None:
        return None
    head = found[-1].lower()
    one = singular(head)
    return one, one != head


def asked_type(question: str) -> frozenset[str]:
    """The stemmed words of the kind of answer a which/what question asks for ("Which Hollywood
    star was seen …" → hollywood, star): what the answer is, not what happened."""
    found = _head_phrase(question)
    if not found:
        return frozenset()
    names = [w for w in found if w[:1].isupper()]
    if names and found[-1] not in names and singular(found[-1].lower()) not in _ALL_HEADS:
        found = names  # "Which Republican lost …": the name is the kind
    return frozenset(terms(" ".join(found)))


def asks_what_was_done(question: str) -> bool:
    """"What was served / found at …": the question asks for a thing by what was done to it, a past
    participle after "what/which was", not by a noun naming its kind (read once, here, for the
    question's kind and for the kind of answer it asks for)."""
    return any(done is not None and bool(_PARTICIPLE.match(done.group(1)))
               for done in (_WHAT_WAS_DONE_AT.search(question), _WHAT_WAS_IT_DONE.search(question)))


def _head_phrase(question: str) -> list[str] | None:
    """The words of "which/what …" up to its head noun, as written (the head last, a possessive's
    "'s" cut); None when there is none."""
    match = re.search(r"\b(?:which|what)\s+(.*)", question, re.I)
    if not match:
        return None
    if asks_what_was_done(question):  # "what was found at …": a verb, the thing has no kind
        return None
    words = re.findall(r"[\w’'-]+", match.group(1))
    if words and words[0].lower() in {"is", "was", "are", "were"}:  # "what is the name of …"
        words = words[1:]
    head = None
    seen = []
    for word in words[:6]:
        bare = re.sub(r"(?:’s|'s)$", "", word)
        lowered = bare.lower()
        if lowered in {"of", "these", "those", "the", "a", "an", "following"} and head is None:
            continue
        if _STOP_HEAD.match(lowered):
            break
        seen.append(bare)
        if word[:1].isupper() and singular(lowered) not in _ALL_HEADS:  # a name qualifying the noun ("US state")
            continue
        head, upto = bare, len(seen)
        if singular(lowered) in _ALL_HEADS or bare != word:  # a known noun, or a possessive
            break
    return seen[:upto] if head is not None else None


def singular(word: str) -> str:
    """"universities" → "university", "matches" → "match", "teams" → "team" ("bus", "crisis" stay)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


_ALL_HEADS: frozenset[str] = frozenset().union(*_HEADS.values())


def personal_pronoun(question: str) -> str | None:
    """The first "he/she/him/his/her/hers" of a question, if any."""
    match = _PERSONAL.search(question)
    return match.group(1) if match else None


def dangling_pronoun(question: str, has_names: bool) -> str | None:
    """A personal pronoun with nobody to refer to ("what did he say?" with no name in it). One after
    a sentence of the question's own refers to whom that sentence tells of ("Cartwheel's founder
    apologised for the breach. What is his name?")."""
    match = None if has_names else _PERSONAL.search(question)
    if match is None:
        return None
    first = split_sentences(question)[:1]
    return None if first and match.start() >= first[0][1] else match.group(1)


_TOKEN = re.compile(r"[\w’'.&-]+|[.?!:;,“”\"()]")


def names_in(question: str) -> list[str]:
    """The names a question mentions: runs of capitalised words. A sentence's first word counts only
    when the next one is capitalised too ("Prince Harry published …", not "Temperatures in …").
    Regex, not the NER model: it runs on every question (~0.02 ms instead of ~5 ms)."""
    tokens = _TOKEN.findall(question)
    names, run = [], []
    initial = True
    for i, token in enumerate(tokens):
        capital = token[:1].isupper() or (token[:1].isdigit() and bool(run))
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if capital and (not initial or following[:1].isupper() or run) and token.lower() not in _QUESTION_OPENERS:
            run.append(token.strip(".’'"))
        else:
            if run:
                names.append(" ".join(run))
            run = []
        # a sentence ends at a stop, which the tokens keep on a word ("… last year. Some of …"), not
        # on an abbreviation ("Jan.", "U.S.")
        initial = token in {".", "?", "!", ":", ";", "“", "\""} or (initial and not token[:1].isalnum()) \
            or (token.endswith(".") and token[:1].islower())
    if run:
        names.append(" ".join(run))
    return [n for n in names if n]


_QUESTION_OPENERS = frozenset("who whom whose what which when where why how is are was were do does did can "
                              "will would should has have true false".split())


def question_name_terms(question: str) -> list[str]:
    """The distinctive terms of all the names a question mentions (`names_in`, `name_terms`)."""
    return [t for name in names_in(question) for t in name_terms(name)]


def name_terms(name: str) -> list[str]:
    """A name's distinctive lexical terms: its capitalised words ("Boris Johnson-era" → boris,
    johnson), without generic ones like "US", times ("February", "Monday") or numerals ("XII")."""
    if name.lower().strip(". ") in _GENERIC_NAMES:
        return []
    # an edition's numeral is left out like its digits are ("Super Bowl LVII" is written "Super Bowl 57" too)
    words = [w for w in re.findall(r"[\w’'.]+", name) if (w[:1].isupper() or w[:1].isdigit()) and not is_roman_numeral(w)]
    return [t for t in terms(" ".join(words)) if len(t) >= 3 and t not in _GENERIC_NAMES and t not in _TIME_WORDS]


def mentioned(term: str, evidence: set[str]) -> bool:
    """A name's term in the evidence, allowing the adjective form of a place ("Britain" → "british")
    and letters without their accents ("Brasilia" → "brasília")."""
    if term in evidence:
        return True
    stem = term[: max(4, len(term) - 3)]
    if len(term) >= 5 and any(t.startswith(stem) for t in evidence):
        return True
    folded = fold(term)
    return any(fold(t).startswith(folded if len(folded) < 5 else folded[: max(4, len(folded) - 3)])
               for t in evidence if not t.isascii())

