"""The hand rules of the extractive answer path, by name, in one place: each can be switched off
(`answer.without = ["topic_gate", "quantity"]`, env NEWSBOT_ANSWER_WITHOUT, or
`python -m bench.tune_answers --without NAME`) to measure what it earns. What each earned is
written beside it (`MEASURED_OFF`, below: RealTime QA's dev split with the rules reading and with
the trained reader, and the newsroom set); the table is in docs/EVALUATION_LOG.md ("What each rule
earns").

Four kinds:
- gates (`bot/answer.py`): decline, filter or reorder the whole answer;
- short-answer rules (`bot/short_answer.py`): which phrases of the best sentences may be the short
  answer, and how much each weighs;
- sentence features (`bot/sentence_model.py`): terms of the weighted sum a sentence is ranked by;
- penalties and bonuses outside that sum (`AnswerSettings.w_*`, applied in bot/sentence_scoring.py
  and bot/answer.py): switching one off sets its weight to 0.
"""

from __future__ import annotations

from dataclasses import replace

from bot.sentence_model import WEIGHTS

GATES = {
    "word_forms": "a question's word counts as found in a sentence in another form ('fight' in 'fought', 'pay' in "
                  "'paid', 'die' in 'death': question.event_forms; for the topic gate also a noun made of it, "
                  "'signatures' for 'signed': question.told_in), for coverage and the gates reading it",
    "evidence": "decline unless a sentence read covers min_coverage of the question's words, in passages "
                "close in meaning (min_cosine) or naming the question's names",
    "passage_names": "the evidence gate's names may be held by a sentence's passage and headline, its other asked "
                     "word by the sentence: a fact told of 'there', 'it' or 'the company' ('nothing could live there' "
                     "for 'Could anything live on TOI-2281b?', in passages the model reads as far in meaning)",
    "missing_names": "decline when a name the question asks about is in no passage (with 'did you mean')",
    "misspelled_names": "decline when a full name of the question is only ever found one letter apart",
    "topic_gate": "decline when the question's rare topic word is in no sentence read with another of its words",
    "untold_event": "a fact question a word of whose event no passage read holds: the closest sentences, said to "
                    "be so, no short answer",
    "denied_event": "the 'not told' check counts a word the passages use only after a negation as untold "
                    "('Where were the coins found?' over 'the coins have not been found'), or only of what there was "
                    "none of ('without a referendum', 'no injuries'); not for a yes/no question, which a denial answers",
    "pending_event": "for a question about what was done ('Who was named temporary chief?'), the 'not told' check "
                     "counts a word the passages use only of what is still to come ('a chief would be named') as untold",
    "dated_note": "an answer whose first article is half a year older than the newest passage found says so "
                  "beside it (not in its text)",
    "outlet_filter": "'how did CNN and USA Today describe…': keep only what each named outlet wrote",
    "typed_rescore": "factoid questions: sentences holding a phrase of the expected kind rise; the rules' short answer",
    "one_per_source": "questions naming outlets: one sentence from each",
    "disagreements": "outlets of one story giving different figures: each stated and cited",
    "attribution_target": "who-blamed-whom questions: the attribution's target is the short answer",
    "why_reason": "why-questions: the statement after the first sentence in its passage is quoted next (the reason)",
    "stated_cause": "why-questions: a sentence near the best saying a cause in so many words ('caused by', "
                    "'because') leads, the event after it, when the best says none",
    "manner_judged": "'how did the hackers get in?', 'why did …?': the judge reads and may reorder the sentences as "
                     "for a fact question (it never declines one); a reason it puts first is followed by the event",
    "yes_no_judged": "'were any passwords stolen?', 'did the bank pay a ransom?': the judge reads and may reorder the "
                     "sentences (never declining), and the 'not told' check reads the question's event words",
    "two_questions": "a question asking two things ('who won and by how much?') gets no short answer: the sentences "
                     "answer it",
    "passage_runner_up": "the judge reads, with the rules' best sentence and those after it, the rules' next two "
                         "best when they are of its passage; one the reader is surer answers leads as those after it do",
    "event_word_read": "the judge also reads the rules' best sentence of their best's passage holding a word of the "
                       "asked event that none of the sentences it reads holds ('cost' in 'She said the walkout would cost "
                       "the airline …'); one the reader is surer answers leads as those after the best do",
    "asking_read": "the reader reads a question's asking sentence, not the background sentences before it "
                   "(question.reader_question: 'Which color is it?', not 'For the first time in 50,000 years, a rare "
                   "comet … this week. Which color is it?'), unless it says he/she or names nothing it asks about ('Why?', "
                   "'How many?', 'True or false?')",
    "opening_names": "a word opening a question's sentence that the passages write capitalised inside a sentence "
                     "and never in lower case is one of its names, for which sentence of another article may lead "
                     "('Frostline is recalling freezers. How many people were injured?' is not answered from a "
                     "report of an earthquake)",
    "stated_figure": "a figure a fact question states ('its largest gift of 50,000 pounds') that no passage quoted "
                     "states in any form puts the answer under the 'not told' notice, whatever the share of words told",
    "judged_lead": "the sentence the judge left first, when it answers, stays first over one the typed re-ranking "
                   "put there that the judge read as not answering (whose phrases are then no short answer)",
    "read_in_context": "the judge reads a sentence of those it reads opening with 'it', 'its', 'he', 'she', 'they' … "
                       "again behind the first words of the sentence before it ('The rail line between Corwen and "
                       "Baymouth will open in 2031 … Its cost has risen to 21 billion euros'); that reading counts when "
                       "more relevant and its span lies in the sentence",
    "denied_head": "the rules' best sentence denies the asked event ('eight league games without a win' for 'how many "
                   "games did Kovac win?'): the sentence the judge read with it that tells the event and the reader "
                   "likes best leads",
    "earlier_time": "a sentence telling an earlier time than its article's news ('last year the council raised the tax "
                    "by 2.99%', 'it had cancelled 120 flights … last October') does not lead in place of the rules' best "
                    "when the question asks about no earlier time",
    "roundup_places": "the judge does not weigh, against the rules' best sentence, one after it naming places and "
                      "none the question's (a roundup's next story)",
}
# the rules' short answer (bot/short_answer.py `candidates`, bot/answer.py `typed_rescore`): which
# phrases of the best sentences may answer, and how much each weighs
SHORT = {
    "coordinated": "'who founded Lumo?' over 'by Ines Carvalho and Tariq Nadeem': a name joined to the chosen one by "
                   "'and' in its sentence is given with it",
    "score": "'what was the score / result?': a result written '2-1' is one figure, and a figure that is none weighs 0.3",
    "requested": "'how much was Keldor fined?': a figure someone asked for, proposed or offered ('had asked for a fine "
                 "of 500,000') weighs a third, unless the question asks about the request",
    "proportion": "'one in five patients': a proportion is one figure for a how-many question, not 'five'",
    "titled": "'which judge …', 'who is the club's manager?': a name the text gives that role as its title ('Judge Helena "
              "Obi', 'manager Jo Lindqvist') is a person, whatever the NER model tagged, and weighs double",
    "role_title": "a name right after a person's role as its title or in apposition ('Its chief scientist, Helena Brandt', "
                  "'chief executive Morten Aas') is a person, whatever the NER model tagged",
    "duration": "'how long …?' wants a stretch of time or a length: a bare count ('nine miners') weighs 0.3; 'how far "
                "…?' a length ('every 11 days' weighs 0.3)",
    "untagged_names": "a capitalised run the NER model did not tag ('The Chiefs won …') may answer a who/which "
                      "question, at half weight",
    "untagged_dates": "a period the NER model left untagged ('the first quarter of next year', 'early next year', "
                      "'next spring') may answer a when-question",
    "speaker": "the one who said it does not answer ('police said Tom Smith was charged'), unless the question asks who said "
               "('who was asked to step down?' asks about the one spoken to)",
    "modifier": "a name qualifying a noun ('US pilots', 'the Canadian prime minister') is not the place or person asked for",
    "dateline": "a story's dateline ('KYIV, Ukraine —', '(AP)') answers nothing",
    "address": "'Monterey Park, California': the state after a place the question names is its address",
    "listed_places": "a place listed with one the question sends something to ('Turkey and Syria') is another place it went",
    "reference_point": "'where … in PLACE?': a place measured from ('50 miles northwest of Pittsburgh') answers nothing, "
                       "and 'Town, PLACE' lies inside PLACE",
    "clause_elsewhere": "a phrase in a ';'-clause naming none of the question's names, while another clause does, weighs half",
    "before_subject": "'who did the Chiefs beat?': a name before the subject in its sentence weighs a fifth",
    "tally": "'X, who won best actress four times': the one a record is told of does not answer a one-time event",
    "outgoing": "'who is the new …?': a holder said to be leaving the post answers it in no sentence",
    "change_of_holder": "'who is the new …?': only a sentence telling of a change of holder answers",
    "event_told": "'when / how many / where did X …?': only a sentence holding a word of the asked event, and not "
                  "denying it, answers (with it off, event_date is off too)",
    "event_date": "'when did X …?': a date of the report ('said on Monday') or of another verb is not the event's",
    "incident_kind": "'how many died in the shooting?': a toll from a sentence naming only another kind of event is not its",
    "casualty_word": "a death toll comes from a sentence with a word of dying",
    "charge": "'who did he blame?': what someone is blamed for is not whom",
    "proximity": "a phrase close to the question's words in its sentence weighs more",
    "far_from_names": "a sentence naming none of the question's names, nor just after one that does, nor just before "
                      "one that opens by referring back to it ('… a planet 120 light years away. The planet, named X, …'), "
                      "answers nothing",
    "title_topic": "far_from_names: a sentence that refers back ('it', 'its', 'the' before a word of the headline) in an "
                   "article whose headline names the question's names is near them",
    "earlier_unnamed": "'when / how many': a sentence about an earlier year's event not naming the question's names "
                       "answers nothing",
    "figure_event": "'how many were delayed?' over 'cancel 212 flights, and another 340 were delayed': of a sentence's "
                    "figures the one nearest a word of the asked event weighs 3x, the others 1/3; a figure whose noun "
                    "is left out ('340 were') counts the noun named before it",
    "figure_time": "'62,000 this year, up from 48,000 last year': a question about last year wants the older figure, "
                   "any other the newer (3x / 1/3, only where the sentence gives both)",
}
# features of the weighted sum that carry a weight (the others are measured and unused)
FEATURES = {name: f"sentence feature '{name}' (weight {weight})" for name, weight in WEIGHTS.items()}
PENALTIES = {
    "negated": ("w_negated", "a sentence negating the question's verb"),
    "background": ("w_background", "another year's, month's, edition's or kind of event's figure"),
    "recent": ("w_recent", "'latest' questions: the newest article's sentences"),
    "focus": ("w_focus", "a follow-up's he/she: sentences naming that person"),
    "typed": ("w_typed", "factoid questions: the bonus for a phrase of the expected kind"),
}
NAMES = tuple(sorted({*GATES, *SHORT, *FEATURES, *PENALTIES}))


def describe(name: str) -> str:
    if name in GATES:
        return f"gate: {GATES[name]}"
    if name in SHORT:
        return f"short answer: {SHORT[name]}"
    if name in PENALTIES:
        return f"penalty {PENALTIES[name][0]}: {PENALTIES[name][1]}"
    return FEATURES[name]


def unknown(without: tuple[str, ...]) -> list[str]:
    return [name for name in without if name not in NAMES]


def on(settings, name: str) -> bool:
    """Whether the rule `name` runs under these AnswerSettings."""
    return name not in settings.without


def applied(settings):
    """The settings with the switched-off penalties' weights at 0."""
    zeroed = {PENALTIES[name][0]: 0.0 for name in settings.without if name in PENALTIES}
    return replace(settings, **zeroed) if zeroed else settings


def feature_weights(settings) -> dict[str, float]:
    """The sentence model's weights without the switched-off features."""
    return {name: w for name, w in WEIGHTS.items() if name not in settings.without} if settings.without else WEIGHTS
# What switching each rule off did (2026-12-05): RealTime QA dev, 120 questions, change in gold in the
# answer / short answers given / right / answerable answered / absent answered, with the rules reading
# and with the model reading (`python -m bench.tune_answers --without all [--reader model]`); and right
# answers of 28 on the newsroom set, rules reading (20 with every rule on; re-measured 2026-12-06 after the topic
# gate read a sentence with the one before it: 17 before). All with the rules alone (answer.reader_judge off:
# it became the default after). docs/EVALUATION_LOG.md has the table.
MEASURED_OFF = {
    "attributed": "rules: 0 | model: 0 | newsroom 20/28",
    "attribution_target": "rules: 0 | model: 0 | newsroom 20/28",
    "background": "rules: given +0.01, right -0.07 | model: given -0.02, right -0.03 | newsroom 20/28",
    "coverage": "rules: gold -0.08, given -0.08, right +0.01 | model: gold -0.07, right -0.22, answered -0.09, absent -0.09 | newsroom 16/28",
    "date": "rules: gold -0.01, given +0.01, right -0.03 | model: gold -0.01 | newsroom 20/28",
    "disagreements": "rules: 0 | model: 0 | newsroom 20/28",
    "entities": "rules: gold +0.01, given -0.03, right -0.06 | model: given -0.01, right -0.01 | newsroom 21/28",
    "evidence": "rules: answered +0.05, absent +0.19 | model: 0 | newsroom 20/28",
    "focus": "rules: 0 | model: 0 | newsroom 20/28",
    "missing_names": "rules: given +0.01, right -0.03, answered +0.04 | model: 0 | newsroom 20/28",
    "misspelled_names": "rules: 0 | model: 0 | newsroom 20/28",
    "negated": "rules: given -0.01, right +0.03 | model: given -0.01, right -0.01 | newsroom 20/28",
    "not_statement": "rules: given +0.03, right +0.00 | model: gold +0.01, given +0.01, right -0.04, answered +0.01 | newsroom 20/28",
    "one_per_source": "rules: 0 | model: 0 | newsroom 20/28",
    "outlet_filter": "rules: 0 | model: 0 | newsroom 20/28",
    "passage_dense": "rules: 0 | model: answered -0.02 | newsroom 20/28",
    "passage_rank": "rules: gold +0.01, right -0.09 | model: gold -0.01, answered -0.01 | newsroom 20/28",
    "person": "rules: 0 | model: 0 | newsroom 19/28",
    "quantity": "rules: gold -0.01, given +0.01, right -0.03 | model: given +0.02, right -0.08 | newsroom 19/28",
    "recent": "rules: given +0.01, right -0.03 | model: 0 | newsroom 20/28",
    "speculation": "rules: gold -0.01, given +0.01, right -0.03 | model: gold +0.01, given +0.03, right -0.02, answered -0.04 | newsroom 20/28",
    "topic_gate": "rules: 0 | model: 0 | newsroom 20/28",
    "typed": "rules: given -0.02, right -0.04 | model: given -0.01, right -0.01 | newsroom 18/28",
    "typed_rescore": "rules: gold -0.01, given -0.22, right -0.64 | model: given -0.18, right -0.78 | newsroom 17/28",
    # (2026-12-06, evening, with the judge on: RealTime QA has 4 why-questions, none answerable)
    "why_reason": "rules: 0 | model: 0 | newsroom why-questions with the reason in the answer: 3/7 off, 7/7 on",
    "score": "dev: 0 | held-out: 0 | sets a-g: 0 | set h: strict -1, short right -1 (its wrong '19 years' back) "
             "| answer tests failing off: 1",
    "dated_note": "said beside the answer, not in it: RealTime QA figures unchanged either way | on dev it marks 23 "
                  "of 87 answers, 3 of them holding the gold (31 of the other 64)",
    "word_forms": "dev: 0 (5 answers change past the lead or in the reason declined) | held-out: hedged -0.004 "
                  "| sets a-e, f: 0 | set g right -1 | answer tests failing off: 1 | (2026-12-07 evening: the topic "
                  "gate reads the forms too, with nouns made of the verb, 'signatures' for 'signed': set j +1, "
                  "RealTime QA all 390 and sets a-i the same; answer tests failing off: 2)",
    # (2026-12-07, stop 46: rules judged, six-layer reader; set g written before it ran)
    "stated_cause": "rules: 0 (RealTime QA: no answerable why-question) | newsroom right off: sets a-e -1, "
                    "set f -1, set g -3 | answer tests failing off: 1 | (2026-12-07 evening: 'what started …' "
                    "asks why and 'the most likely cause' states one — set j +1, RealTime QA and sets a-i the same)",
    "denied_event": "rules: 0 (RealTime QA all 390 identical) | sets a-j: 0 | set k (written before it; its coins "
                    "question read to write it): absent events under the notice -1 | answer tests failing off: 1 | "
                    "stop 50, what there was none of ('without a referendum') and a word told in another form ('won' "
                    "beside 'without a win') read as told: RealTime QA all 390 identical, sets a-q 0 (set q's yes/no "
                    "questions left out of the check: with it, 'Were any passwords stolen?' fell under the notice), set "
                    "r absent under the notice +1",
    "titled": "rules: 0 (RealTime QA all 390 identical) | sets a-i: 0 | set j (written before it): short given / "
              "right -1 ('Jo Lindqvist' for the club's manager); its judge question, read to write the rule, "
              "stays wrong (the titled sentence ranks second) | answer tests failing off: 1",
    # (2026-12-06, late: a hedge quotes the same sentences, so gold and answered do not move)
    # (2026-12-07, with the judge reading three sentences after the rules' best)
    "roundup_places": "rules: 0 | model: not used (the judge's) | newsroom a-e 82/100 either way; a roundup's "
                      "next story leads without it (test_a_toll_is_not_read_from_another_story_of_a_roundup)",
    "untold_event": "rules: short given / right 21 / 14 off, 18 / 12 on | model: 24 / 15 off, 16 / 11 on "
                    "| newsroom a-d absent events answered as if told: 19/26 off, 5/26 on; "
                    "answerable hedged 3/82, right unchanged | (2026-12-07 evening: 'how much did X cost?' reads "
                    "'cost' as the event: set j's absent cost under the notice, RealTime QA all 390 and sets a-i "
                    "the same) | (stop 50, 'last year' told only where a passage says it or names the year before its "
                    "article's: set s's 'Who won the cup final last year?' under the notice, RealTime QA all 390 and "
                    "sets a-r the same) | ('cause' a light verb: 'how much damage did the floods cause?' asks for the damage; "
                    "set r answerable under the notice -1, RealTime QA all 390 and every other set the same)",
    # short-answer rules (2026-12-07, morning, cores without AVX-512 VNNI; the default: rules judged by the
    # six-layer reader): RealTime QA dev and held-out (`python -m bench.tune_answers --without NAME [--split
    # heldout]`), newsroom sets a-e together (right / strict / short given / right, 80 / 76 / 44 / 37 with every
    # rule on), and the tests of tests/test_answer.py and tests/test_answer_quality.py that fail with it off.
    # Deleted after this measurement: `post_body`, `time_count` and `age` (docs/EVALUATION_LOG.md, "The short
    # answer's rules by name")
    # (2026-12-07, stop 46, added: the same measures, and set f, written before they were run on it)
    "duration": "dev: 0 | held-out: 0 | sets a-e: 0 | set f: strict -1, a wrong short answer given | answer tests failing off: 1 "
                "| (stop 48, 'how far' wants a length: set m right -1 and short right -1 off, RealTime QA all 390 the same; "
                "answer tests failing off: 2)",
    # (2026-12-07, later that morning, added: the same measures)
    "untagged_names": "dev: given +0.010, right -0.041 | held-out: given +0.004, right -0.053 | sets a-e: 0 "
                      "| answer tests failing off: 1",
    "speaker": "dev: 0 | held-out: given +0.005, right -0.019 | sets a-e: short given +1, short right +1 | answer tests failing off: 5",
    "modifier": "dev: gold -0.011, lead -0.011, right -0.053 | held-out: given -0.019, right -0.009 | sets a-e: 0 | answer tests failing off: 1",
    "dateline": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 1 | sets f-s (stop 50): 0",
    "address": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 1 | sets f-s (stop 50): 0",
    "listed_places": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 2 | sets f-s (stop 50): 0",
    "reference_point": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 2 | sets f-s (stop 50): 0",
    "clause_elsewhere": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 2 | sets f-s (stop 50): 0",
    "before_subject": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 2 | sets f-s (stop 50): 0",
    "tally": "dev: 0 | held-out: given -0.005, right -0.009 | sets a-e: 0 | answer tests failing off: 4",
    "outgoing": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 2 | sets f-s (stop 50): 0",
    "change_of_holder": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 1 | sets f-s (stop 50): 0",
    "event_told": "dev: 0 | held-out: given +0.014, right -0.027 | sets a-e: right -1, strict -2, short given +8, short right +6 | answer tests failing off: 5",
    "event_date": "dev: 0 | held-out: 0 | sets a-e: right -1, strict -1, short right -1 | answer tests failing off: 1",
    "incident_kind": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 1 | sets f-s (stop 50): 0",
    "casualty_word": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 1 | sets f-s (stop 50): 0",
    "charge": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 1 | sets f-s (stop 50): 0",
    "proximity": "dev: gold -0.022, lead -0.022, given -0.020, right -0.031 | held-out: given -0.019, right -0.009 | sets a-e: strict +1, short given -7, short right -5 | answer tests failing off: 8",
    "far_from_names": "dev: given +0.010, right -0.037 | held-out: 0 | sets a-e: 0 | answer tests failing off: 1",
    "earlier_unnamed": "dev: 0 | held-out: 0 | sets a-e: 0 | answer tests failing off: 2 | sets f-s (stop 50): 0",
    # (2026-12-07, stop 48, cores with AVX-512 VNNI, added from set l's first run: RealTime QA all 390 answers
    # diffed with the rule off; sets a-l with it off; set l was read to write them, so it is no unseen test of them)
    "figure_event": "dev: short given -1, right -1 ('71' points scored) | held-out: 0 | sets a-k: 0 | set l: strict -1, "
                    "short right -1 | answer tests failing off: 1 | stop 50, the figure in the verb's own clause before "
                    "the nearest: RealTime QA all 390 identical, sets a-q 0, set r strict +1 (no '12' missing for the "
                    "4,000 evacuated)",
    "figure_time": "dev: 0 | held-out: 0 | sets a-k: short given / right -1 / -1 on d and on h | set l: short -1 / -1 "
                   "| answer tests failing off: 1",
    "untagged_dates": "dev: 0 | held-out: 0 | sets a-k: set c short given / right -1 / -1 ('early next year') | set l: "
                      "right -1, strict -1 | answer tests failing off: 1",
    "proportion": "dev: 0 | held-out: 0 | sets a-k: 0 | set l: short right -1 ('five' for 'one in five') | answer tests "
                  "failing off: 1",
    # (stop 48, from set m's first run, read for them: m is no unseen test of these)
    "requested": "dev: 0 | held-out: 0 | sets a-l: set a short given / right -1 / -1 ('11%' the pilots want over the 4% "
                 "offered) | set m: right -1, short -1 / -1 (the fine asked for led) | answer tests failing off: 1",
    "pending_event": "dev: 0 | held-out: short given / right +1 / +1 (Garcetti 'confirmed': the passages say his "
                     "nomination is still in limbo; on, the answer quotes it under the notice) | sets a-k: 0 | set l: "
                     "absent events under the notice -1 | set m (its first run read for it: 'ordered … to pay' is owed, "
                     "not done): absent under the notice -2 | set r (stop 50, after 'hoped to' and what a plan asks of "
                     "others, 'plans to ask regulators … to approve it', were read as still to come): absent under the "
                     "notice -2 | answer tests failing off: 1",
    # (stop 49, a new checkout on faster Xeon cores with AVX-512 VNNI, added from set n's first run, written before
    # them: n is no unseen test of these; RealTime QA all 390 answers diffed with each off)
    "passage_runner_up": "dev: 0 in the summary (2 answers reordered, gold in neither) | held-out: gold -0.006 (the French "
                         "bulldog sentence leads) | sets a-m: set l right -1 (the festival's next dates) | set n: right "
                         "-2 | answer tests: the pure runner_ups test",
    "title_topic": "dev: 0 | held-out: 0 (all 390 identical) | sets a-m: set j short given / right -1 / -1 | set n: right "
                   "-1, short -1 / -2 | answer tests failing off: 1 (a briefing's 'its' after another firm's name is "
                   "no reference back: test_a_name_far_from_what_the_question_names_is_no_answer holds it)",
    "role_title": "dev: 0 | held-out: 0 (all 390 identical) | sets a-m: set b strict -1 (a wrong name in bold) | set n: "
                  "right -1, short right -1 ('Velora', tagged PERSON, for the chief scientist) | answer tests failing off: 1",
    "manner_judged": "dev: 0 | held-out: one answer (a why-question's: the reason sentence, 'being sued for allegedly "
                     "increasing the risk of incest', now leads; the question is marked absent, so no figure moves) "
                     "| sets a-m: b right -1, d -2 (the hackers' way in; a festival called off), g -1 (why-questions), "
                     "none higher | set n: right -1 | set o (its profit question read for the why part): -1 "
                     "| answer tests failing off: 1",
    "two_questions": "dev: 0 | held-out: 0 (no RealTime QA question asks two things) | sets a-p: 0 (none does) | asked on "
                     "sets n-p's articles, 'Who won the election in Brimfield and by how much?' was answered '41%', the "
                     "loser's share | answer tests failing off: 1",
    # (stop 50, from set r's first run, written before it: r is no unseen test of it)
    "asking_read": "dev (rules reading, the judge): gold 0.352 -> 0.341 off, absent answered 0.429 -> 0.476 off, short "
                   "unchanged (a comet's colour, the Chinese zodiac's animal found; 7 of 120 answers differ) | held-out: gold "
                   "0.351 -> 0.346 off (Mardi Gras' first city, Liz Cheney's university), answerable answered 0.748 -> "
                   "0.734 off (with the question split after 'Rep.', stop 51's first version: 0.346 either way) | model reading: dev gold "
                   "0.284 either way, short given / right 0.212 / 0.619 -> 0.202 / 0.650 off, absent 0.429 -> 0.476 off; "
                   "held-out 0.351 either way | sets a-s: 0 (no question of two sentences) | set t (context first, stop 51): right 18 "
                   "either way, strict 18 -> 17 off, one absent event under the notice instead of declined | a first version that also read "
                   "'How old was she?' alone lost its short answer twice on dev (gold +1 and held-out gold +2 all the same), "
                   "and one putting the background's name for the pronoun made 'Her coach said she had trained …' read as "
                   "unrelated (0.021): 'Reading the asking sentence', log | answer tests: the reader_question test",
    "coordinated": "dev: 0 | held-out: 0 (all 390 identical) | sets a-w: 0 | set x (written first, stop 53): 'Ines "
                   "Carvalho and Tariq Nadeem' for 'Who founded Lumo?' (off: 'Tariq Nadeem'), strict 14 -> 15 | answer "
                   "tests: the pair test",
    "passage_names": "dev: 0 | held-out: 0 (all 390 identical: passages there are close in meaning) | sets a-v: 0 "
                     "but u, one absent event declined -> under the notice ('Who did he endorse?') | set w (written "
                     "first, stop 52): right 19 -> 21 ('nothing could live there'; 'every nine days' for how long a "
                     "year is), strict 18 -> 20 | answer tests: the TOI-2281b test",
    "opening_names": "dev: 0 | held-out: 0 (all 390 identical) | sets a-t: 0 | set u (run once before it, stop 51): "
                     "absent events answered as if told 2 -> 1 (the earthquake's 'injuring about 140' for Frostline's "
                     "freezers) | answer tests: the opening-names test",
    "stated_figure": "dev: one answer under the notice off ('a $87 million settlement' over a report of a $119 "
                     "million one), figures unchanged | held-out: short given / right 0.150 / 0.750 -> 0.145 / 0.742 off "
                     "('French' for the breed ending a 31-year reign), one notice names '20' too | sets a-t: 0 | set u "
                     "(its question written before): absent events under the notice 3 -> 2 off | answer tests: the "
                     "stated-figure test",
    "judged_lead": "dev: 0 (all 120 identical) | held-out: one answer reordered, neither holding the gold | sets: t 19 "
                   "-> 18 off (who built the satellite: 'Andøya'), v 22 -> 21 off (how often the trams run), k 15 -> 16 "
                   "off by the set's measure ('Tanabe, 38, will succeed Anton Reiss' leads where the set asks for "
                   "'Yuki Tanabe' in the first sentence), the rest identical | answer tests: the pure _keep_judged_lead test",
    "read_in_context": "dev: 0 | held-out: 0 (all 390 identical) | sets a-r: 0 but set f, one absent event declined "
                       "instead of under the notice | set s (its first run read for it, after the rest of stop 50): right "
                       "-1 ('Its cost has risen to 21 billion euros') | latency: the stop's rules together p50 +1.6 / +2.0 ms "
                       "of 68-70, p95 +5 of 105 (all 390, interleaved), once read_in_context skipped the rules' best and "
                       "sentences the reader already liked best (before, +1 to +7 ms over four rounds; with 'the' + a "
                       "headline word too, +3 to +4 and p95 +11 to +13, nothing more right) | answer tests: the pure read_in_context test",
    "denied_head": "dev: 0 | held-out: 0 (all 390 identical) | sets a-q: 0 | set r: right -1 (Kovac's wins) | answer "
                   "tests: the pure promote_telling test",
    "event_word_read": "dev: 0 in the summary (one answer reordered: the Pell grant's maximum now leads, the $500 rise "
                       "second) | held-out: 0 | sets a-q: 0 | set r: right -1 (the strike's cost) | read for every kind "
                       "of question, not only how-many / how-much ones with a figure, it reordered 14 RealTime QA answers, "
                       "held-out gold 0.346 -> 0.335 | latency: p50 +0.6 to +2.5 ms of 64 (all 390, interleaved) | answer "
                       "tests: the pure _telling_the_unread test",
    "earlier_time": "dev: 0 | held-out: 0 (all 390 identical; a first version that also held for when-questions and "
                    "sentences of another event cost sets l -2, n -1, o -1, e -1) | sets a-q: d right -1 (last year's "
                    "harvest for why this year's shrank) | set r: right -2, short -2 / -2 (last year's tax rise and last "
                    "October's cancelled flights lead) | answer tests: the pure _told_of_earlier test",
    "yes_no_judged": "dev: 0 | held-out: 0 (RealTime QA asks no yes/no question: all 390 identical) | sets a-p: 0 | set q "
                     "(yes/no questions, written before it): right 3 -> 8 of 10, absent events declined or under the "
                     "notice 1 -> 4 of 4, answerable under the notice 0 -> 4 (paraphrases: 'open' for 'closed', "
                     "'wanted' for 'asked for') | answer tests failing off: 1",
}

