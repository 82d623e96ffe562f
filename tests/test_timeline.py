"""Timeline steps that need no index: the article's reference day, the dating of an event by
consensus across outlets, the merging of one event told by several outlets, and the reader's
relevance keeping a timeline on its topic (the real shipped model)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.timeline import Candidate, consensus, merge, reference_day, relevant
from index.articles import make_article


def _candidate(source: str, published: str, sentence: str, day: str, how: str = "stated", title: str = "") -> Candidate:
    article = make_article(path=f"{source}.md", title=title or f"{source} report", source=source,
                           published=published, url=f"https://{source}.example/{published}", text=sentence)
    return Candidate(article, sentence, 0, len(sentence), date.fromisoformat(day), how)


def test_a_live_page_counts_its_weekdays_from_the_day_its_text_was_updated():
    text = "Updated 11:40 p.m. ET Jan. 2, 2023\n\nThe safety collapsed on the field on Monday night."
    assert reference_day(date(2022, 12, 29), text) == date(2023, 1, 2)
    dateline = "WASHINGTON, Feb. 6 (Reuters) - The House voted on Monday to pass the bill."
    assert reference_day(date(2023, 2, 3), dateline) == date(2023, 2, 6)
    # a stamp far from the publication date is a date the opening quotes, not the page's own
    assert reference_day(date(2023, 2, 3), "Updated 5:02 PM ET, Mon March 4, 2019. The report said.") == date(2023, 2, 3)
    assert reference_day(None, "No date anywhere in this text.") is None


def test_the_day_most_outlets_give_wins_and_stated_dates_outweigh_weekdays():
    monday = "“Monday” in an article of 2023-01-03"
    assert consensus([(date(2023, 1, 2), monday), (date(2023, 1, 2), monday), (date(2022, 12, 26), monday)])[0] == "2023-01-02"
    # one stated date against one weekday count-back: the stated one
    day, how = consensus([(date(2023, 2, 4), "stated"), (date(2023, 1, 28), "“Saturday” in an article of 2023-01-30")])
    assert day == "2023-02-04" and "1 of 2 reports agree" in how
    assert consensus([(date(2023, 3, 5), "published")]) == ("2023-03-05", "published")


def test_one_event_told_by_three_outlets_is_one_row_citing_all_three():
    told = [
        (_candidate("wire", "2023-02-05", "The military shot down the Chinese balloon off the Carolina coast on Saturday.",
                    "2023-02-04", "“Saturday” in an article of 2023-02-05"), 0.8),
        (_candidate("daily", "2023-02-05", "Fighter jets shot down the Chinese balloon off the Carolina coast Saturday afternoon.",
                    "2023-02-04", "“Saturday” in an article of 2023-02-05"), 0.7),
        (_candidate("live", "2023-01-30", "The Chinese balloon was shot down off the Carolina coast on Saturday, officials said.",
                    "2023-01-28", "“Saturday” in an article of 2023-01-30"), 0.6),
        (_candidate("wire", "2023-02-11", "A second object was shot down over Alaska on Friday, the Pentagon said.",
                    "2023-02-10", "“Friday” in an article of 2023-02-11"), 0.5),
    ]
    events = merge(told)
    assert [e.date for e in events] == ["2023-02-04", "2023-02-10"]
    balloon = events[0]
    assert {c.source for c in balloon.citations} == {"wire", "daily", "live"}
    assert balloon.to_dict()["outlets"] == 3 and balloon.dates_seen == ("2023-01-28", "2023-02-04")
    assert [c.n for c in balloon.citations] == [1, 2, 3] and events[1].citations[0].n == 4


def test_a_row_shows_a_report_from_after_its_day_not_the_preview_that_named_it():
    preview = _candidate("wire", "2023-03-10", "Harbour City and the Rovers face off in the cup final on Sunday.",
                         "2023-03-12", "“Sunday” in an article of 2023-03-10")
    result = _candidate("daily", "2023-03-13", "Harbour City beat the Rovers 2-1 in the cup final on Sunday.",
                        "2023-03-12", "“Sunday” in an article of 2023-03-13")
    events = merge([(preview, 0.8), (result, 0.6)])  # the reader found the preview more relevant
    assert len(events) == 1 and events[0].text == result.sentence, events
    assert {c.source for c in events[0].citations} == {"wire", "daily"} and events[0].citation.source == "daily"


def test_background_dated_long_before_the_topics_articles_is_left_out():
    told = [(_candidate("wire", "2023-03-12", "The bank failed on Friday, regulators said.", "2023-03-10",
                        "“Friday” in an article of 2023-03-12"), 0.9),
            (_candidate("wire", "2023-03-12", "The last bank this size failed on Sept. 25, 2008.", "2008-09-25"), 0.6)]
    assert [e.date for e in merge(told)] == ["2023-03-10"]


@pytest.mark.slow
def test_the_reader_keeps_sentences_about_the_topic_out_of_a_roundup():
    from bot.read.model import shipped_reader

    topic = "Brova floods"
    on_topic = _candidate("wire", "2023-03-06", "Floods in Brova killed at least 40 people on Sunday after the river burst its banks.",
                          "2023-03-05", title="Floods in Brova kill at least 40")
    roundup = "5 things to know today: Brova floods, a tax vote, a stadium"
    off_topic = [_candidate("daily", "2023-03-06", text, "2023-03-06", title=roundup) for text in (
        "The city council voted on Monday to raise the property tax by two percent.",
        "The new stadium opened on Monday with a concert by a local orchestra.")]
    kept = relevant(topic, [on_topic, *off_topic], shipped_reader())
    assert [c.sentence for c, _ in kept] == [on_topic.sentence]
    # without the model, topic words stand in: the roundup's title names Brova floods for every sentence,
    # so coverage alone would keep them all
    assert len(relevant(topic, [on_topic, *off_topic], None)) == 3


def test_a_page_dated_before_its_text_is_moved_to_the_days_the_other_outlets_give():
    from bot.dates import event_date
    from bot.timeline import agree_on_reference_days

    def told(source, published, sentence):
        day = event_date(sentence, date.fromisoformat(published))
        return _candidate(source, published, sentence, day.day.isoformat(), day.how)

    found = [told("wire", "2023-01-03", "The safety collapsed on the field on Monday night."),
             told("daily", "2023-01-03", "Medics gave him CPR on Monday night, the team said."),
             told("sports", "2023-01-04", "Players prayed on the field on Monday as he was taken away."),
             # a live page first published the Thursday before: its "Monday" counts back to Dec. 26
             told("live", "2022-12-29", "He went into cardiac arrest on Monday after a tackle."),
             told("live", "2022-12-29", "The league postponed the game on Monday night.")]
    assert {c.day for c in found if c.article.source == "live"} == {date(2022, 12, 26)}
    agreed = agree_on_reference_days(found)
    live = [c for c in agreed if c.article.source == "live"]
    assert {c.day for c in live} == {date(2023, 1, 2)} and all("runs later" in c.how for c in live)
    assert all("counted from 2023-01-0" in c.how and "in a page dated 2022-12-29" in c.how for c in live)
    # the outlets whose dates were right keep them
    assert {c.day for c in agreed if c.article.source != "live"} == {date(2023, 1, 2)}


def test_an_article_alone_keeps_its_own_dates():
    from bot.timeline import agree_on_reference_days

    alone = [_candidate("live", "2022-12-29", "He collapsed on Monday.", "2022-12-26", "“Monday” in an article of 2022-12-29")]
    assert agree_on_reference_days(alone) == alone


def test_what_will_happen_and_what_a_clause_recalls_do_not_date_the_event():
    from bot.dates import event_date

    friday = date(2022, 12, 30)
    # "will lie in state from Monday": the coming Monday (a caller drops it as not yet happened)
    assert event_date("The body will lie in state in the basilica from Monday.", friday).day == date(2023, 1, 2)
    # a schedule in the present tense is ahead too; a noun ("the vote on Sunday") is no schedule
    assert event_date("Voters in Kelso choose a new mayor on Sunday.", friday).day == date(2023, 1, 1)
    assert event_date("In the vote on Sunday, Mercer won 52%.", friday).day == date(2022, 12, 25)
    # a report of what someone said about the future is dated by the saying
    assert event_date("The president said Thursday he will veto the bill.", friday).day == date(2022, 12, 29)
    # a date in a clause recalling an earlier event is background
    recalled = "The teams will not replay the game that was suspended Jan. 2, the league announced Thursday."
    assert event_date(recalled, date(2023, 1, 6)).day == date(2023, 1, 5)


def test_a_feast_day_or_a_sentence_framed_in_an_earlier_year_is_not_this_weeks_weekday():
    from bot.dates import event_date

    saturday = date(2022, 12, 31)
    # photo captions of a pope's life: a feast day named with its year is not the article's Thursday
    caption = event_date("Benedict walks at the end of a Holy Thursday Mass in April 2012.", saturday)
    assert caption.precision != "day"
    assert event_date("Benedict kneels during a Good Friday service at the Colosseum.", saturday) is None
    # a sentence opening in a past month or year keeps its weekdays there
    framed = event_date("In March 2019, a gunman stormed two mosques during Friday prayers.", saturday)
    assert (framed.day, framed.precision) == (date(2019, 3, 1), "month")
    framed = event_date("In 2019, the council met on Tuesday to approve the plan.", saturday)
    assert (framed.day.year, framed.precision) == (2019, "year")
    # this year's frame, or a year later in the sentence, leaves the weekday the event's day
    assert event_date("In December, the council met on Tuesday to approve the plan.", saturday).day == date(2022, 12, 27)
    assert event_date("The firm said on Friday its 2021 profit was restated.", saturday).day == date(2022, 12, 30)
    # "last October" is the latest October before the article's month: a past month, not a day
    october = event_date("It had cancelled 120 flights during a one-day strike last October.", date(2026, 3, 12))
    assert (october.day, october.precision) == (date(2025, 10, 1), "month")
    assert event_date("Sales rose last March.", date(2026, 3, 12)).day == date(2025, 3, 1)
    assert event_date("She ran the last marathon of her career.", date(2026, 3, 12)) is None  # no month


def test_one_sentence_on_the_storys_busiest_day_does_not_move_a_page():
    from bot.dates import event_date
    from bot.timeline import agree_on_reference_days

    def told(source, published, sentence):
        day = event_date(sentence, date.fromisoformat(published))
        return _candidate(source, published, sentence, day.day.isoformat(), day.how)

    # Saturday's report recalls "Tuesday" (Jan. 31); the next Tuesday, Feb. 7, is the story's busiest day
    busy = [told(f"outlet{n}", "2023-02-07", f"Lawmakers were briefed on the balloon on Tuesday, outlet {n} said.")
            for n in range(5)]
    page = [told("wire", "2023-02-04", "The jet shot the balloon down on Saturday off the coast."),
            told("wire", "2023-02-04", "The president was first briefed on Tuesday about the balloon.")]
    other = [told("daily", "2023-02-05", "The Navy began recovering debris on Saturday.")]
    agreed = agree_on_reference_days(busy + page + other)
    assert {c.sentence: c.day for c in agreed if c.article.source == "wire"}[page[1].sentence] == date(2023, 1, 31)


def test_the_timeline_labels_parse_and_the_scorer_counts_what_a_desk_would():
    from bench.timelines import load_topics, score_topic, summary

    topics = load_topics()
    assert {t["split"] for t in topics} == {"dev", "heldout"} and len(topics) == 10
    assert all(t["main"] in {k["id"] for k in t["key"]} for t in topics)
    balloon = next(t for t in topics if t["name"] == "Chinese spy balloon")
    events = [
        {"date": "2023-02-04", "text": "Fighter jets shot down the Chinese balloon off the Carolina coast.", "outlets": 3},
        {"date": "2023-02-05", "text": "The balloon was shot down by an F-22, officials said.", "outlets": 1},
        {"date": "2023-02-04", "text": "The Grammys were handed out in Los Angeles.", "outlets": 1},
    ]
    row = score_topic(balloon, events)
    assert row["precision"] == round(2 / 3, 3) and row["main_present"]
    # one row on the true day, one a day late: ties count as dated right
    assert row["detail"]["shot-down"]["dated_right"] and row["detail"]["shot-down"]["rows"] == 2
    assert not row["detail"]["huron-object"]["found"]
    total = summary([row])
    assert total["events"] == 3 and total["main_present"] == 1 and total["keys_dated_right"] == 1.0


def test_the_writers_own_voice_is_narration_and_a_quoted_first_person_is_not():
    from bot.sentence_checks import narrated

    assert narrated("After a year of rave reviews, I waited until Saturday to watch the film that swept the awards.")
    assert narrated("Maybe that's why so many of us stopped caring about football on Monday night.")
    assert not narrated('"We are still searching house by house," Markovic told reporters on Sunday.')
    assert not narrated('We will rebuild every house," the governor said on Monday.')  # a quotation running on
    assert not narrated("The US shot down the balloon off the coast on Saturday.")  # "US" is no "us"
    assert not narrated("The last veteran of World War I died on Monday, the ministry announced.")  # a numeral
    assert narrated("Then I drove to the stadium on Sunday.") and narrated("I waited until Saturday.")

