"""The hand rules of the extractive answer path, by name, in one place: each can be switched off
(`answer.without = ["topic_gate", "quantity"]`, env NEWSBOT_ANSWER_WITHOUT, or
`python -m bench.tune_answers --without NAME`) to measure what it earns. Their measured effects on
RealTime QA's dev split, with the rules' reader and with the trained one, are in docs/EVALUATION.md
("What each rule earns").

Three kinds:
- gates (`bot/answer.py`): decline, filter or reorder the whole answer;
- sentence features (`bot/sentence_model.py`): terms of the weighted sum a sentence is ranked by;
- penalties and bonuses outside that sum (`AnswerSettings.w_*`, applied in bot/sentence_scoring.py
  and bot/answer.py): switching one off sets its weight to 0.
"""

from __future__ import annotations

from dataclasses import replace

from bot.sentence_model import WEIGHTS

GATES = {
    "evidence": "decline unless a sentence read covers min_coverage of the question's words, in passages "
                "close in meaning (min_cosine) or naming the question's names",
    "missing_names": "decline when a name the question asks about is in no passage (with 'did you mean')",
    "misspelled_names": "decline when a full name of the question is only ever found one letter apart",
    "topic_gate": "decline when the question's rare topic word is in no sentence read with another of its words",
    "outlet_filter": "'how did CNN and USA Today describe…': keep only what each named outlet wrote",
    "typed_rescore": "factoid questions: sentences holding a phrase of the expected kind rise; the rules' short answer",
    "one_per_source": "questions naming outlets: one sentence from each",
    "disagreements": "outlets of one story giving different figures: each stated and cited",
    "attribution_target": "who-blamed-whom questions: the attribution's target is the short answer",
}
# features of the weighted sum that carry a weight (the others are measured and unused)
FEATURES = {name: f"sentence feature '{name}' (weight {weight})" for name, weight in WEIGHTS.items()}
PENALTIES = {
    "unnamed": ("w_unnamed", "a passage not naming the question's names"),
    "negated": ("w_negated", "a sentence negating the question's verb"),
    "background": ("w_background", "another year's, month's or kind of event's figure"),
    "recent": ("w_recent", "'latest' questions: the newest article's sentences"),
    "focus": ("w_focus", "a follow-up's he/she: sentences naming that person"),
    "typed": ("w_typed", "factoid questions: the bonus for a phrase of the expected kind"),
}
NAMES = tuple(sorted({*GATES, *FEATURES, *PENALTIES}))


def describe(name: str) -> str:
    if name in GATES:
        return f"gate: {GATES[name]}"
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
