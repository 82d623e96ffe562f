"""The verbs by which news reports speech (pure data): one list for finding who said something
(`bot.attribution`), for telling a speaker from the person a sentence is about (`bot.short_answer`)
and for telling "X said:" from a kicker line (`bot.sentence_checks`)."""

from __future__ import annotations

# past and present forms, as they follow or precede a speaker ("…,” said Joe Biden"; "Biden told …")
_FORMS = """said says say told tells added adds stated states claimed claims warned warns insisted insists
    argued argues noted notes wrote writes announced announces explained explains declared declares
    stressed stresses alleged alleges tweeted tweets asked asks confirmed confirms"""
REPORTING_VERBS = tuple(_FORMS.split())
REPORTING = "|".join(REPORTING_VERBS)  # for regular expressions

# a question about speech ("who said …", "who blamed …"): its speaker may be the answer
_ASKING = """say says said tell told warn warned warns claim claimed claims announce announced announces
    blame blamed blames accuse accused accuses call called calls tweet tweeted tweets write wrote writes
    argue argued argues describe described describes praise praised praises criticize criticized
    criticizes criticise criticised criticises deny denied denies confirm confirmed confirms predict
    predicted predicts urge urged urges vow vowed vows respond responded responds react reacted reacts
    add added adds insist insisted insists noted declare declared declares stressed allege alleged alleges
    explain explained explains stated ask asked asks"""  # ("state", "note", "stress": nouns in questions)
SPEECH_QUESTION = r"\b(?:" + "|".join(_ASKING.split()) + r")\b"
