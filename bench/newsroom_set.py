"""A newsroom question set on articles written for it (2026-12-05), never used to tune a rule or a
weight: ten short reports from three made-up outlets, and questions asked the way a desk would,
each with what a right answer must say (`expect`: words that must be in the short answer or the
first quoted sentence) or None when the event is not in the articles (the answer must decline).
The kinds the reading issue names are all here: the fact in a sentence saying "he"/"the company",
a speaker who is not the subject, a why-question, a figure for the wrong verb, last year's figure
for this year's, and events that never happened.

    python -m bench.newsroom_set [--part a…y] [--reader model|rules] [--set reader_judge=false] [--json]
    python -m bench.newsroom_set --sentences [--part a|b|c|d|e] [--weights FOLDER] [--json]

`--part b` is a second set (six articles, 18 answerable questions and 6 absent events) written on
2026-12-06 after that day's answer changes, so none of them was chosen on it. `--part c` (eight
articles, 18 + 6) was written that evening and puts look-alikes beside the facts: a preview beside
the result, an older disaster's toll, a rejected bid, a speaker beside the one the news is about. `--part d` (seven articles, 18 + 6)
was written after that evening's changes, which sets b and c had been read for, and run once to
report them. `--part e` (six articles, 18 + 6) asks every question in other words than its article
uses, as someone who has not read it would ("quit" for "resigned", "behind bars" for "in prison").
Parts f–s followed, each written before the changes it was read for (docs/EVALUATION.md lists them);
`--part t` (seven reports, 24 + 6) asks as people type in a chat: what they know first, then the
question ("The Las Pinas fire has destroyed homes. How many?"); `--part u` (seven reports, 24 + 6),
plain and context-first questions, was written after t's changes and run once to report them;
`--part v` (seven reports, 24 + 6, some questions stating a figure) after u's; `--part w` (six
reports, 24 + 6: facts told of "she", "there", "the company") and `--part x` (six reports, 24 + 6: a
verdict, a rate decision, a quake, a takeover, an election, a theft) were each written at the start
of a stop, before anything ran on them; `--part y` (six reports, 24 + 6) at the end of stop 53,
after its changes, run once to report them.

`--sentences` asks the readers alone (the trained model, question-word overlap, the packaged
MiniLM's cosine): for each answerable question, which of the ~40 sentences of all ten articles
(each read with its article's title) states the fact; for each absent event, whether the best
sentence stays under the reader's threshold.
"""

from __future__ import annotations

from pathlib import Path

from bench.common import lead_text

ARTICLES = {
    "harbor-ferry.json": {
        "title": "Harbor ferry service cancelled for winter after engine failures",
        "source": "coastline-gazette.example", "published": "2024-11-12",
        "text": "The city's harbor ferry will not run this winter. Transit director Helen Okafor announced on "
                "Monday that the service was cancelled until April after two engine failures in October.\n"
                "She said the agency could not find replacement parts in time. The ferry carried about 1,800 "
                "riders a day last winter.\nThe evening bus link to the islands was delayed by 20 minutes on "
                "most days this month, the agency said. Riders' groups called the decision a blow to island "
                "workers.",
    },
    "bakery-chain.json": {
        "title": "Maple Crust bakery chain to close 14 stores",
        "source": "midland-business.example", "published": "2024-09-03",
        "text": "Maple Crust, the regional bakery chain, will close 14 of its 60 stores by the end of the "
                "year. Chief executive Tomas Reyes told investors on Tuesday that rising flour and energy "
                "costs had wiped out the chain's profit.\nThe company said about 210 jobs would go. It "
                "plans to open four smaller kiosks in train stations instead.\nLast year the chain closed "
                "six stores. Its founder, Edith Lang, opened the first shop in 1971.",
    },
    "council-vote.json": {
        "title": "Council approves new minimum wage for city contractors",
        "source": "coastline-gazette.example", "published": "2024-10-22",
        "text": "The city council voted 7-2 on Thursday to raise the minimum wage paid by city contractors. "
                "Adults must be paid at least $18.50 an hour from July 1, up from $15.25.\nCouncil member "
                "Rosa Demir, who proposed the measure, said contractors' workers could no longer afford rent "
                "in the city. Two members voted against it, warning that the cost of cleaning and "
                "security contracts would rise.\nMayor Glen Harper is expected to sign it next week.",
    },
    "marathon.json": {
        "title": "Kenyan runner wins Lakeside Marathon in record time",
        "source": "sportsline-daily.example", "published": "2024-04-15",
        "text": "Faith Chebet won the Lakeside Marathon on Sunday in 2 hours 19 minutes 40 seconds, a course "
                "record. She broke the mark set by Anna Kowal in 2019 by more than a minute.\nThe 27-year-old "
                "pulled away from the lead group at the 30-kilometre mark. Her coach said she had trained at "
                "altitude in Iten for three months.\nIn the men's race, Daniel Mutua finished first in 2:07:12. "
                "About 21,000 runners started the race, organisers said.",
    },
    "museum-theft.json": {
        "title": "Police recover paintings stolen from Grayson Museum",
        "source": "coastline-gazette.example", "published": "2024-06-08",
        "text": "Police have recovered three paintings stolen from the Grayson Museum in March. Detective "
                "Inspector Paul Brandt said the works were found in a storage unit outside the city on "
                "Friday.\nTwo men were arrested. They are charged with burglary and handling stolen goods. "
                "The museum said the paintings were undamaged and would go back on display in July.\nThe "
                "theft had been the museum's first since it opened in 1958.",
    },
    "heatwave.json": {
        "title": "Heat wave pushes power demand to record",
        "source": "midland-business.example", "published": "2024-07-19",
        "text": "Electricity demand in the region hit a record 31,400 megawatts on Thursday as temperatures "
                "passed 41 degrees. The grid operator said last year's peak had been 29,900 megawatts.\nIt "
                "asked households to avoid running washing machines between 4 p.m. and 9 p.m. No blackouts "
                "were reported.\nThe heat is expected to ease on Sunday, forecasters said.",
    },
    "airline-strike.json": {
        "title": "Pilots at Northwind Air vote to strike",
        "source": "sportsline-daily.example", "published": "2024-08-27",
        "text": "Pilots at Northwind Air have voted to strike over pay, their union said on Monday. Union "
                "president Carla Jensen said 94% of members who voted backed the action.\nThe airline said "
                "it was disappointed and would keep talking. It flies about 40,000 passengers a day.\nThe "
                "union has not yet set a date. Talks broke down in July after the airline offered a 4% raise; "
                "the pilots want 11%.",
    },
    "school-lunch.json": {
        "title": "State expands free school lunches",
        "source": "coastline-gazette.example", "published": "2024-05-14",
        "text": "Every public school pupil in the state will get free lunch from September under a law "
                "signed on Monday by Governor Ruth Abadi.\nThe program will cost about $210 million a year. "
                "Supporters said it would remove the stigma of means-tested meals.\nShe called it the most "
                "important thing the legislature had done for families in a decade. Until now only pupils "
                "from families earning under $40,000 qualified.",
    },
    "bridge-repair.json": {
        "title": "Old Mill Bridge to close for repairs",
        "source": "midland-business.example", "published": "2024-03-05",
        "text": "The Old Mill Bridge will close for eight months from May so engineers can replace its steel "
                "deck, the county said on Tuesday.\nInspectors found corrosion in the beams last autumn. "
                "County engineer Mark Ellison said the bridge was safe for now but could not wait longer.\n"
                "Drivers will be diverted through Fenton, adding about 15 minutes. The work will cost "
                "$12 million.",
    },
    "chess.json": {
        "title": "Teenager wins national chess title",
        "source": "sportsline-daily.example", "published": "2024-02-26",
        "text": "Sixteen-year-old Priya Nair won the national chess championship on Sunday, becoming the "
                "youngest champion in the event's history.\nShe drew her final game against the defending "
                "champion, Viktor Hale, to finish half a point ahead. Her prize is $25,000.\nNair learned "
                "the game from her grandfather at the age of six.",
    },
}

QUESTIONS = [
    ("Why was the harbor ferry cancelled?", ["engine failures"]),
    ("How long was the island bus delayed?", ["20 minutes"]),
    ("Until when is the ferry cancelled?", ["April"]),
    ("Who announced the ferry cancellation?", ["Helen Okafor"]),
    ("How many riders did the ferry carry a day?", ["1,800"]),
    ("How many stores will Maple Crust close?", ["14"]),
    ("How many jobs will go at Maple Crust?", ["210"]),
    ("Why is Maple Crust closing stores?", ["flour", "energy"]),
    ("When did Maple Crust's founder open the first shop?", ["1971"]),
    ("What will the minimum wage for city contractors be?", ["18.50"]),
    ("Who proposed the contractor minimum wage?", ["Rosa Demir"]),
    ("Why did two council members vote against the wage rise?", ["cost"]),
    ("Who won the Lakeside Marathon?", ["Faith Chebet"]),
    ("What was the winning time in the Lakeside Marathon?", ["2 hours 19 minutes"]),
    ("Who held the Lakeside Marathon record before?", ["Anna Kowal"]),
    ("Who won the men's race at the Lakeside Marathon?", ["Daniel Mutua"]),
    ("Where were the stolen Grayson Museum paintings found?", ["storage unit"]),
    ("How many men were arrested over the museum theft?", ["Two", "two"]),
    ("What was the record electricity demand during the heat wave?", ["31,400"]),
    ("What was last year's peak power demand?", ["29,900"]),
    ("What share of Northwind pilots backed the strike?", ["94%"]),
    ("What raise do the Northwind pilots want?", ["11%"]),
    ("How much will free school lunches cost?", ["210 million"]),
    ("Who signed the free school lunch law?", ["Ruth Abadi"]),
    ("Why will the Old Mill Bridge close?", ["deck", "corrosion"]),
    ("How long will the Old Mill Bridge be closed?", ["eight months"]),
    ("Who won the national chess championship?", ["Priya Nair"]),
    ("How much prize money did the chess champion win?", ["25,000"]),
    # events the articles do not hold: the answer must decline
    ("Who was fired as Maple Crust chief executive?", None),
    ("When did Northwind pilots start their strike?", None),
    ("How many people died in the heat wave?", None),
    ("Who won the Lakeside Marathon wheelchair race?", None),
    ("How much was the ransom for the Grayson Museum paintings?", None),
    ("Why did the mayor veto the minimum wage?", None),
    ("When will the harbor ferry's new terminal open?", None),
    ("How many stores did Maple Crust open this year?", None),
]


# A second set, written 2026-12-06 after that day's answer changes (the topic gate reading the sentence
# before, the reader judging the rules' answers), so that none of them was chosen on it: other topics
# (health, science, courts, transport, business, weather), the same kinds of question.
ARTICLES_B = {
    "clinic-closure.json": {
        "title": "Rural clinic in Ashford to shut its maternity ward",
        "source": "valley-health.example", "published": "2024-05-14",
        "text": "Ashford Community Hospital will close its maternity ward on June 30. The hospital's board "
                "said on Monday that it could not hire enough midwives to keep the unit safe.\nThe ward "
                "delivered 212 babies last year, down from 340 in 2019. Expectant mothers will be sent to "
                "Brennan General, 48 kilometres away.\nHealth minister Owen Pratt said the government "
                "would review the decision.",
    },
    "comet.json": {
        "title": "Amateur astronomer spots new comet",
        "source": "skyline-science.example", "published": "2024-03-02",
        "text": "A retired teacher in Tasmania has discovered a comet that will pass closest to the Sun in "
                "November. Lena Morrow found it on Feb. 24 with a 35-centimetre telescope in her garden.\n"
                "The comet, named C/2024 D1, is about 5 kilometres across, astronomers at the Minor Planet "
                "Center said. It should be visible with binoculars in late October.",
    },
    "fraud-trial.json": {
        "title": "Former Carver Freight finance chief jailed for fraud",
        "source": "courtroom-wire.example", "published": "2024-07-19",
        "text": "A judge in Leeds sentenced Martin Hale, the former finance chief of Carver Freight, to six "
                "years in prison on Thursday. He had admitted taking 3.2 million pounds from the company "
                "over nine years.\nJudge Amira Shah said he had betrayed colleagues who trusted him. The "
                "firm has recovered about 1.1 million pounds so far, its lawyers said.",
    },
    "rail-strike.json": {
        "title": "Commuter trains halted as signal staff walk out",
        "source": "metro-transport.example", "published": "2024-09-10",
        "text": "No commuter trains ran in the Dunmore region on Tuesday as signal workers began a 48-hour "
                "strike. The walkout was called by the Rail Signal Union after talks on night-shift pay "
                "failed.\nThe operator, Northline Rail, said it had offered a 3% rise. The union wants 7%.\n"
                "About 85,000 passengers use the network on a normal weekday.",
    },
    "merger.json": {
        "title": "Brightwell and Ostara agree supermarket merger",
        "source": "market-daily.example", "published": "2024-02-27",
        "text": "Supermarket chains Brightwell and Ostara will merge in a deal worth 4.6 billion euros, the "
                "companies said on Tuesday. The combined group will have 1,150 stores and be run by "
                "Ostara's chief executive, Nadia Kern.\nCompetition regulators must approve the deal. "
                "Brightwell's shares rose 12% after the announcement. Last year the two chains together "
                "had sales of 19 billion euros.",
    },
    "storm.json": {
        "title": "Storm leaves 40,000 homes without power",
        "source": "coastline-gazette.example", "published": "2024-12-03",
        "text": "Storm Corra brought winds of up to 130 km/h to the northern coast overnight. Around 40,000 "
                "homes lost power, the grid operator said on Tuesday morning.\nThe coastguard rescued "
                "two fishermen whose boat capsized near Port Lind. Schools in three districts stayed "
                "closed. Forecasters expect the wind to drop by Wednesday evening.",
    },
}

QUESTIONS_B = [
    ("When will Ashford's maternity ward close?", ["June 30"]),
    ("Why is the Ashford maternity ward closing?", ["midwives"]),
    ("How many babies were born in the Ashford ward last year?", ["212"]),
    ("Where will expectant mothers from Ashford go?", ["Brennan General"]),
    ("Who discovered the new comet?", ["Lena Morrow"]),
    ("How big is comet C/2024 D1?", ["5 kilometres"]),
    ("When will the comet be visible with binoculars?", ["late October"]),
    ("How long was Martin Hale sentenced to?", ["six years"]),
    ("How much did Martin Hale take from Carver Freight?", ["3.2 million"]),
    ("How much money has Carver Freight recovered?", ["1.1 million"]),
    ("Which union called the signal workers' strike?", ["Rail Signal Union"]),
    ("What pay rise does the signal union want?", ["7%"]),
    ("How many passengers use the Dunmore network on a weekday?", ["85,000"]),
    ("How much is the Brightwell and Ostara merger worth?", ["4.6 billion"]),
    ("Who will run the merged supermarket group?", ["Nadia Kern"]),
    ("How many stores will the merged group have?", ["1,150"]),
    ("How many homes lost power in Storm Corra?", ["40,000"]),
    ("Who was rescued near Port Lind?", ["two fishermen", "fishermen"]),
    # events the articles do not hold: the answer must decline
    ("How many patients were harmed at Ashford Community Hospital?", None),
    ("When will comet C/2024 D1 hit the Moon?", None),
    ("How much was Carver Freight's chief executive fined?", None),
    ("How long will the Northline Rail bus drivers' strike last?", None),
    ("Why did regulators block the Brightwell and Ostara merger?", None),
    ("How many people died in Storm Corra?", None),
]

# A third set, written 2026-12-06 (evening) before it was ever run, after that evening's changes (the
# sentence after the rules' best; figures with their units), so none of them was chosen on it. Unlike
# a and b it puts look-alikes beside the facts, the kinds the rules were written for: a preview beside
# the result, last year's figure beside this year's, a rejected bid beside the accepted one, a speaker
# beside the one the news is about, two outlets of one event.
ARTICLES_C = {
    "kelso-preview.json": {
        "title": "Kelso votes for a new mayor on Sunday",
        "source": "border-herald.example", "published": "2025-04-04",
        "text": "Voters in Kelso choose a new mayor on Sunday. Polls give councillor Ruth Abara a narrow lead "
                "over former police chief Dan Mercer.\nAbara has promised free bus travel for pensioners. "
                "Mercer wants more officers on the streets.",
    },
    "kelso-result.json": {
        "title": "Mercer elected Kelso mayor in upset",
        "source": "border-herald.example", "published": "2025-04-07",
        "text": "Dan Mercer won the Kelso mayoral election on Sunday with 52% of the vote, defeating the "
                "favourite, Ruth Abara. Turnout was 41%, the electoral office said.\nHe will take office on "
                "May 1. Abara congratulated him and said she would stay on the council.",
    },
    "denholm-fire.json": {
        "title": "Four workers killed in Denholm warehouse fire",
        "source": "industry-news.example", "published": "2025-06-12",
        "text": "A fire at a furniture warehouse in Denholm killed four workers on Wednesday night. Another "
                "nine were taken to hospital with burns and smoke injuries.\nFire chief Karen Lowe said the "
                "blaze started in a loading bay and spread through the roof. It was the town's worst "
                "industrial accident since a boiler explosion at the Denholm mill killed seven people in "
                "2011.",
    },
    "skyreach.json": {
        "title": "Skyreach cancels flights as cabin crew strike",
        "source": "travel-desk.example", "published": "2025-08-01",
        "text": "The cabin crew union Unify said on Friday that Skyreach Airways had cancelled 120 flights "
                "because of a two-day strike. The airline said most passengers had been rebooked.\nA further "
                "35 flights were delayed by more than three hours. The union is asking for a 9% pay rise; "
                "Skyreach has offered 4%.",
    },
    "museum-director.json": {
        "title": "Museum board removes its director",
        "source": "arts-column.example", "published": "2025-03-19",
        "text": "The chair of the Halden Museum board, Peter Voss, announced on Tuesday that director Ingrid "
                "Sol had been asked to leave. The board said she had overspent on a new wing by 2.4 million "
                "euros.\nDeputy director Tom Achebe will run the museum until a successor is found.",
    },
    "trial-drug.json": {
        "title": "Velora says its migraine pill worked in a large trial",
        "source": "pharma-report.example", "published": "2025-09-09",
        "text": "Drugmaker Velora said on Monday that its migraine pill had met its main goal in a trial of "
                "1,800 patients. The company said attacks fell by half in 62% of those who took it, against "
                "27% of those given a placebo.\nIt plans to ask regulators for approval early next year. "
                "Shares in Velora rose 18%.",
    },
    "transfer.json": {
        "title": "Northgate sign striker Okoye after rejecting first bid",
        "source": "matchday.example", "published": "2025-08-29",
        "text": "Northgate City have signed striker Samuel Okoye from Redwater for 52 million pounds. Redwater "
                "had rejected a first bid of 40 million pounds last week.\nOkoye, 24, scored 19 league goals "
                "last season. He has signed a five-year contract.",
    },
    "bridge.json": {
        "title": "Old Quay bridge shut to traffic",
        "source": "city-desk.example", "published": "2025-10-21",
        "text": "The Old Quay bridge has been closed to cars and lorries until further notice. Engineers "
                "found cracks in two of its steel supports during an inspection last week, the council "
                "said.\nPedestrians and cyclists can still cross. About 14,000 vehicles used the bridge "
                "each day.",
    },
}

QUESTIONS_C = [
    ("Who won the Kelso mayoral election?", ["Dan Mercer won", "Mercer elected"]),  # the preview names him too
    ("What share of the vote did the new Kelso mayor get?", ["52%"]),
    ("When will Kelso's new mayor take office?", ["May 1"]),
    ("How many workers died in the Denholm warehouse fire?", ["four"]),
    ("Where did the Denholm warehouse fire start?", ["loading bay"]),
    ("Which airline cancelled flights because of the strike?", ["Skyreach"]),
    ("How many Skyreach flights were cancelled?", ["120"]),
    ("What pay rise is the Skyreach cabin crew union asking for?", ["9%"]),
    ("Who was asked to leave the Halden Museum?", ["Ingrid Sol"]),
    ("Why was the Halden Museum director removed?", ["overspent"]),
    ("Who will run the Halden Museum for now?", ["Tom Achebe"]),
    ("How many patients were in Velora's migraine trial?", ["1,800"]),
    ("When will Velora ask regulators to approve its migraine pill?", ["early next year"]),
    ("How much did Northgate City pay for Samuel Okoye?", ["52 million"]),
    ("How long is Okoye's contract with Northgate?", ["five-year", "five years"]),
    ("How many league goals did Okoye score last season?", ["19"]),
    ("Why was the Old Quay bridge closed?", ["cracks"]),
    ("How many vehicles used the Old Quay bridge each day?", ["14,000"]),
    # events the articles do not hold: the answer must decline
    ("How many people died in the Kelso mayoral election riots?", None),
    ("When did Ruth Abara resign from the council?", None),
    ("How many firefighters were injured at the Denholm mill explosion this year?", None),
    ("When will Skyreach pilots go on strike?", None),
    ("Who bought the Halden Museum's new wing?", None),
    ("How much did Redwater pay for Samuel Okoye?", None),
]

# A fourth set, written 2026-12-06 (evening) after every change of that evening and run once, for
# the report only: sets b and c had been read for failures by then. Other topics again (a data
# breach, a harvest, a coach, a festival, an outbreak, a budget, an airport), the same kinds.
ARTICLES_D = {
    "breach.json": {
        "title": "Lenford Bank says hackers stole customer records",
        "source": "tech-ledger.example", "published": "2025-02-11",
        "text": "Lenford Bank said on Monday that hackers had stolen the records of about 310,000 customers. "
                "The attackers got in through a supplier's software in January, the bank said.\nIt has "
                "offered affected customers two years of free credit monitoring. Chief executive Maria "
                "Dunne apologised and said no passwords were taken.",
    },
    "harvest.json": {
        "title": "Drought cuts Casterly wheat harvest",
        "source": "farm-weekly.example", "published": "2025-08-20",
        "text": "Farmers in Casterly expect this year's wheat harvest to be the smallest in two decades. "
                "The regional growers' association said yields were down 38% after the driest spring on "
                "record.\nLast year the region harvested 1.2 million tonnes. The association has asked the "
                "government for emergency loans.",
    },
    "coach.json": {
        "title": "Ravensport sack coach after nine straight defeats",
        "source": "matchday.example", "published": "2025-11-04",
        "text": "Ravensport have sacked head coach Luis Ferro after nine defeats in a row. The club's owner, "
                "Henrik Dahl, said on Monday the team needed a new direction.\nAssistant coach Mei Tanaka "
                "will lead the side against Portwell on Saturday. Ferro had been in charge since 2022.",
    },
    "festival.json": {
        "title": "Brookmere jazz festival called off",
        "source": "arts-column.example", "published": "2025-06-02",
        "text": "The Brookmere Jazz Festival will not take place this year, its organisers said on Sunday. "
                "Ticket sales had covered less than half of the costs of the event.\nThe festival drew "
                "about 25,000 visitors in 2024. Organisers hope to return in 2026 with a smaller site.",
    },
    "outbreak.json": {
        "title": "Measles cases rise in Dorrow",
        "source": "valley-health.example", "published": "2025-04-15",
        "text": "Health officials in Dorrow have confirmed 46 cases of measles since March. Most were in "
                "children who had not been vaccinated, the regional health agency said.\nIt has opened "
                "three walk-in vaccination clinics. A previous outbreak in 2019 infected 112 people.",
    },
    "budget.json": {
        "title": "Harlow council approves budget with tax rise",
        "source": "civic-wire.example", "published": "2025-03-05",
        "text": "Harlow council approved its budget on Tuesday by 31 votes to 18. It raises council tax by "
                "4.9% and cuts funding for two libraries.\nCouncil leader Priya Nandi said the rise was "
                "needed to protect care services for older residents. Opposition councillors had proposed "
                "a 2.5% rise.",
    },
    "airport.json": {
        "title": "Eastmoor airport to open second runway",
        "source": "travel-desk.example", "published": "2025-09-30",
        "text": "Eastmoor Airport will open its second runway on November 12, the airport operator said on "
                "Monday. The runway cost 640 million euros and took four years to build.\nIt will let the "
                "airport handle 60 flights an hour, up from 38. Residents near the new runway have "
                "complained about noise.",
    },
}

QUESTIONS_D = [
    ("How many Lenford Bank customers had their records stolen?", ["310,000"]),
    ("How did the hackers get into Lenford Bank?", ["supplier"]),
    ("What has Lenford Bank offered affected customers?", ["credit monitoring"]),
    ("How much did Casterly's wheat yields fall?", ["38%"]),
    ("Why did the Casterly wheat harvest shrink?", ["driest spring"]),
    ("How much wheat did Casterly harvest last year?", ["1.2 million tonnes"]),
    ("Who sacked Luis Ferro?", ["Ravensport", "Henrik Dahl"]),
    ("Who will lead Ravensport against Portwell?", ["Mei Tanaka"]),
    ("Why was the Brookmere Jazz Festival called off?", ["Ticket sales", "less than half"]),
    ("How many visitors did the Brookmere Jazz Festival draw in 2024?", ["25,000"]),
    ("How many measles cases has Dorrow confirmed?", ["46"]),
    ("How many vaccination clinics has the Dorrow health agency opened?", ["three"]),
    ("By how much does Harlow's budget raise council tax?", ["4.9%"]),
    ("What was the vote on Harlow's budget?", ["31 votes to 18"]),
    ("Why did Harlow raise council tax?", ["care services"]),
    ("When will Eastmoor Airport open its second runway?", ["November 12"]),
    ("How much did Eastmoor's second runway cost?", ["640 million"]),
    ("How many flights an hour will Eastmoor handle with the new runway?", ["60"]),
    # events the articles do not hold: the answer must decline
    ("How much did hackers demand from Lenford Bank?", None),
    ("When did Casterly farmers receive emergency loans?", None),
    ("Who replaced Mei Tanaka as Ravensport's assistant coach?", None),
    ("How many people died of measles in Dorrow?", None),
    ("When will the Brookmere Jazz Festival's new site open?", None),
    ("How many flights were cancelled at Eastmoor Airport?", None),
]

# A fifth set, written 2026-12-06 (late) after the "not told" notice, for the report only: each
# question asks in other words than its article uses (a user who has not read it: "quit" for
# "resigned", "paid" for "cost"), so it measures how often the word check falls on a question that
# is answered, and its absent events are worded the same way.
ARTICLES_E = {
    "rail.json": {
        "title": "Oakridge rail operator loses franchise after years of delays",
        "source": "transport-desk.example", "published": "2025-05-14",
        "text": "The government on Tuesday stripped Westline Rail of its Oakridge franchise after three years "
                "of late and cancelled trains. Transport secretary Helen Marsh said a public operator would "
                "take over the routes on July 1.\nOnly 61% of Westline's trains arrived on time last year, the "
                "worst record in the country. About 48,000 passengers use the Oakridge lines each weekday. "
                "Westline said it was disappointed and would consider an appeal.",
    },
    "court.json": {
        "title": "Former Brenmoor mayor jailed for taking bribes",
        "source": "court-reporter.example", "published": "2025-09-03",
        "text": "A court in Brenmoor on Wednesday sentenced former mayor Owen Pryce to four years in prison "
                "for accepting bribes from a construction firm. Judge Ellen Ward said Pryce had taken "
                "about 180,000 euros in cash between 2019 and 2022 in return for building permits.\nThe "
                "firm's owner, Victor Lang, received a suspended sentence after testifying against him. "
                "Pryce's lawyer said he would appeal.",
    },
    "telescope.json": {
        "title": "New telescope spots its first planet outside the solar system",
        "source": "science-now.example", "published": "2025-03-27",
        "text": "Astronomers using the Altamira Telescope in Chile have found a planet about twice the size "
                "of Earth orbiting a star 40 light years away. It is the first discovery by the telescope, "
                "which began observing in January.\nThe planet circles its star every nine days, too close "
                "for liquid water, lead researcher Dr Amara Osei said. The telescope cost 310 million "
                "dollars and was funded by a group of seven universities.",
    },
    "retail.json": {
        "title": "Halverson department store chain to shut 14 shops",
        "source": "business-wire.example", "published": "2025-01-22",
        "text": "Halverson will close 14 of its 52 department stores by the end of March, putting about "
                "1,100 jobs at risk, the retailer said on Wednesday. Sales fell 9% over Christmas as "
                "shoppers moved online.\nChief executive Rob Tilney, who joined the company last year, "
                "said the remaining stores would be refitted. Shares in Halverson dropped 12% after the "
                "announcement.",
    },
    "cycling.json": {
        "title": "Ines Duarte takes the Tour of Calvera",
        "source": "sport-daily.example", "published": "2025-06-30",
        "text": "Portuguese rider Ines Duarte won the Tour of Calvera on Sunday, finishing 48 seconds ahead "
                "of defending champion Lotte Brink. Duarte, 24, took the lead on the final mountain stage "
                "on Saturday.\nIt is her first win in a major stage race. Brink, who crashed on the fourth "
                "stage, said she was proud to have finished.",
    },
    "water.json": {
        "title": "Fernley residents told to boil tap water",
        "source": "local-news.example", "published": "2025-10-08",
        "text": "About 65,000 households in Fernley were told on Tuesday to boil their tap water after "
                "bacteria were found at a treatment plant. The Fernley Water Company said the problem "
                "was caused by a power cut that stopped the plant's filters for six hours.\nThe notice "
                "is expected to stay in place until at least Friday. The company is handing out bottled "
                "water at three sports centres.",
    },
}
QUESTIONS_E = [
    ("Why did Westline Rail lose the Oakridge contract?", ("late and cancelled trains",)),
    ("Who will run Oakridge trains after Westline?", ("a public operator",)),
    ("What share of Westline trains were punctual last year?", ("61%",)),
    ("How many people ride the Oakridge lines on a weekday?", ("48,000",)),
    ("How long will Brenmoor's ex-mayor spend behind bars?", ("four years",)),
    ("How much money did Owen Pryce pocket in bribes?", ("180,000 euros",)),
    ("Who paid off the Brenmoor mayor?", ("a construction firm", "Victor Lang")),
    ("How big is the planet the Altamira Telescope discovered?", ("twice the size",)),
    ("How far away is the new planet's star?", ("40 light years",)),
    ("How much did the Altamira Telescope cost to build?", ("310 million dollars",)),
    ("How many Halverson stores are shutting?", ("14",)),
    ("How many Halverson workers could be laid off?", ("1,100",)),
    ("How much did Halverson's Christmas sales drop?", ("9%",)),
    ("Who came first in the Tour of Calvera?", ("Ines Duarte",)),
    ("By how much did Duarte beat Lotte Brink?", ("48 seconds",)),
    ("How many Fernley homes must boil their water?", ("65,000",)),
    ("What contaminated Fernley's drinking water?", ("bacteria",)),
    ("Why did the Fernley treatment plant fail?", ("power cut",)),
    # events the articles do not hold: the answer must decline
    ("How much was Westline Rail fined for the delays?", None),
    ("When did Owen Pryce quit as mayor?", None),
    ("Which university built the Altamira Telescope?", None),
    ("Who replaced Halverson's chief executive?", None),
    ("How many riders crashed out of the Tour of Calvera?", None),
    ("How many people fell ill from Fernley's tap water?", None),
]

# A sixth set, written 2026-12-07 (stop 46) before that session's answer changes were measured on it,
# for the report only: figures with their units and parts of wholes, a company named in the
# possessive before the person asked for, the fact in a sentence saying "it" or "she", a speaker who
# is not the subject, an earlier figure beside this year's, and asked as a desk would.
ARTICLES_F = {
    "storm.json": {
        "title": "Storm Dara cuts power to thousands along the coast",
        "source": "coast-weather.example", "published": "2025-11-18",
        "text": "Storm Dara brought gusts of up to 95 miles per hour to the northern coast on Monday night, "
                "cutting power to about 42,000 homes. The regional grid operator said crews had restored "
                "supply to 30,000 of them by Tuesday afternoon.\nThe Met Office said it was the strongest "
                "storm to hit the region since 2014, when Storm Ilse brought gusts of 88 miles per hour. "
                "Two people were injured by falling trees in Harwick, police said.",
    },
    "airline.json": {
        "title": "Skyvale Airlines to cut 600 jobs after losing two routes",
        "source": "aviation-daily.example", "published": "2025-08-05",
        "text": "Skyvale Airlines will cut 600 of its 4,200 jobs and retire eight of its 31 aircraft, the "
                "carrier said on Tuesday. It lost its two busiest routes to a rival in June.\nFinance "
                "director Leon Okoro told analysts that the cuts would save about 75 million dollars a "
                "year. The airline's pilots' union said it would fight any compulsory layoffs.",
    },
    "mine.json": {
        "title": "Rescuers free miners trapped at Dolgarth",
        "source": "mining-news.example", "published": "2025-04-16",
        "text": "All nine miners trapped by a tunnel collapse at the Dolgarth copper mine were brought to "
                "the surface on Wednesday after 58 hours underground. Rescuers reached them through a "
                "shaft drilled 340 metres into the rock.\nMine owner Corvex Metals said the collapse was "
                "caused by a rockfall in a disused section. Its chief executive, Sofia Brandt, thanked the "
                "rescue teams. Two of the miners were taken to hospital with broken bones.",
    },
    "museum.json": {
        "title": "Arlen Museum names new director",
        "source": "arts-review.example", "published": "2025-02-11",
        "text": "The Arlen Museum of Modern Art has appointed Julia Fenwick as its director, the museum's "
                "board announced on Monday. She will take up the post in May, succeeding Martin Keane, who "
                "is retiring after 17 years.\nFenwick currently runs the Halden Gallery in Oslo, where she "
                "doubled visitor numbers to 400,000 a year. Board chair Priya Raman said Fenwick had been "
                "chosen from a shortlist of five candidates.",
    },
    "bridge.json": {
        "title": "Tolls on Estuary Bridge to rise in January",
        "source": "city-desk.example", "published": "2025-10-29",
        "text": "Drivers will pay 4.80 dollars to cross the Estuary Bridge from January 1, up from 3.50 dollars, "
                "the bridge authority said on Wednesday. The increase will pay for repairs to the bridge's "
                "cables, which engineers say are corroding.\nAbout 61,000 vehicles cross the 2.3-mile bridge "
                "each day. Mayor Dennis Cole called the rise unfair to commuters.",
    },
    "election.json": {
        "title": "Greens win Valmont council by-election",
        "source": "politics-today.example", "published": "2025-06-20",
        "text": "Green candidate Noor Haddad won the Valmont council by-election on Thursday with 3,412 "
                "votes, 28 more than Labour's Tom Ashby. Turnout was 31%.\nThe seat fell vacant when "
                "councillor Ruth Ingram resigned in April to take a job abroad. Haddad, a 29-year-old "
                "teacher, said she would campaign for safer cycle lanes.",
    },
}
QUESTIONS_F = [
    ("How strong were the winds of Storm Dara?", ("95 miles per hour",)),
    ("How many homes lost power in the storm?", ("42,000",)),
    ("How many homes had power back by Tuesday?", ("30,000",)),
    ("How many people were hurt in the storm?", ("Two",)),
    ("How many jobs is Skyvale cutting?", ("600",)),
    ("How many planes will Skyvale retire?", ("eight",)),
    ("How much will Skyvale save from the cuts?", ("75 million dollars",)),
    ("Why is Skyvale cutting jobs?", ("lost its two busiest routes",)),
    ("How long were the Dolgarth miners trapped?", ("58 hours",)),
    ("What caused the Dolgarth mine collapse?", ("rockfall",)),
    ("How deep was the rescue shaft at Dolgarth?", ("340 metres",)),
    ("Who is the new director of the Arlen Museum?", ("Julia Fenwick",)),
    ("Who is Julia Fenwick replacing?", ("Martin Keane",)),
    ("How many visitors does the Halden Gallery get?", ("400,000",)),
    ("How much will the Estuary Bridge toll be?", ("4.80 dollars",)),
    ("Why is the Estuary Bridge toll going up?", ("repairs",)),
    ("Who won the Valmont by-election?", ("Noor Haddad",)),
    ("What was the winning margin in Valmont?", ("28",)),
    # events the articles do not hold: the answer must decline
    ("How many people died in Storm Dara?", None),
    ("When did Skyvale's pilots go on strike?", None),
    ("Who was arrested over the Dolgarth collapse?", None),
    ("Why was Martin Keane fired?", None),
    ("How many drivers protested the bridge toll?", None),
    ("Who did Noor Haddad endorse for mayor?", None),
]

# A seventh set, written 2026-12-07 (stop 46) before that session's change to why-questions was run on
# it, for the report: causes and reasons told in several ways (a sentence naming the cause, one after
# the event, one in the event's own sentence, none at all), among figures, names and dates.
ARTICLES_G = {
    "factory.json": {
        "title": "Fire destroys Brackley paint factory",
        "source": "regional-desk.example", "published": "2025-03-12",
        "text": "A fire destroyed the Orwell Paints factory in Brackley on Tuesday night, and 120 residents "
                "were moved from nearby streets as a precaution. No one was hurt.\nFire chief Dana Whitfield "
                "said the blaze started in a storage room where solvents were kept. Investigators believe "
                "it was caused by an electrical fault. About 80 firefighters fought the flames for six hours.",
    },
    "school.json": {
        "title": "Lindale schools to close early on Fridays",
        "source": "education-news.example", "published": "2025-09-09",
        "text": "Schools in the Lindale district will close at noon on Fridays from October, the school board "
                "decided on Monday. The district has not been able to fill 45 teaching posts, and the shorter "
                "day will let it spread its staff across the week.\nParents' group chair Omar Siddiqui said "
                "families would struggle to find childcare. The board will review the change in March.",
    },
    "festival.json": {
        "title": "Tarnmoor music festival cancelled",
        "source": "arts-review.example", "published": "2025-07-02",
        "text": "The Tarnmoor music festival, due to take place on July 19, has been cancelled, its organisers "
                "said on Tuesday. Ticket sales covered less than half of the festival's costs because two "
                "headline acts pulled out in May.\nAbout 9,000 ticket holders will get full refunds within "
                "30 days. The festival drew 22,000 people last year.",
    },
    "zoo.json": {
        "title": "Calder Zoo welcomes rare snow leopard cubs",
        "source": "city-desk.example", "published": "2025-05-21",
        "text": "Two snow leopard cubs were born at Calder Zoo last month, the first born there in 12 years. "
                "Keeper Anya Morrow said both cubs were healthy and weighed about 3 kilograms.\nThe zoo kept "
                "the birth quiet until now so the mother would not be disturbed. The cubs will go on show "
                "to visitors in August.",
    },
    "ferry.json": {
        "title": "Northsound ferry fares to rise by 15%",
        "source": "coast-weather.example", "published": "2025-12-03",
        "text": "Fares on Northsound's island ferries will rise by 15% in January, operator Seaway Lines said "
                "on Wednesday, blaming higher fuel costs. A return ticket for a car will cost 64 pounds.\n"
                "Island councillor Fiona Marr said the rise would hit residents who depend on the ferry "
                "for work and hospital visits. Seaway carried 1.3 million passengers last year.",
    },
    "court.json": {
        "title": "Judge halts Redcliff housing project",
        "source": "court-reporter.example", "published": "2025-10-15",
        "text": "A judge on Tuesday halted construction of a 400-home estate in Redcliff, ruling that the "
                "council had not properly assessed the risk of flooding. Judge Marcus Tye ordered a new "
                "assessment before any work can resume.\nThe developer, Hartwell Homes, said it was "
                "disappointed and was considering an appeal. Residents had collected 3,200 signatures "
                "against the project.",
    },
}
QUESTIONS_G = [
    ("What caused the fire at the Brackley paint factory?", ("electrical fault",)),
    ("How many residents were moved because of the Brackley fire?", ("120",)),
    ("How long did firefighters fight the Brackley blaze?", ("six hours",)),
    ("Why are Lindale schools closing early on Fridays?", ("45 teaching posts",)),
    ("When will Lindale schools start closing early?", ("October",)),
    ("Who leads the Lindale parents' group?", ("Omar Siddiqui",)),
    ("Why was the Tarnmoor festival cancelled?", ("headline acts pulled out", "less than half")),
    ("How many ticket holders will get refunds?", ("9,000",)),
    ("How many people went to the Tarnmoor festival last year?", ("22,000",)),
    ("How many snow leopard cubs were born at Calder Zoo?", ("Two",)),
    ("Why did Calder Zoo keep the cubs' birth quiet?", ("mother would not be disturbed",)),
    ("When can visitors see the snow leopard cubs?", ("August",)),
    ("Why are Northsound ferry fares going up?", ("fuel costs",)),
    ("How much will a car return ticket on the Northsound ferry cost?", ("64 pounds",)),
    ("How many passengers did Seaway carry last year?", ("1.3 million",)),
    ("Why did the judge halt the Redcliff housing project?", ("flooding",)),
    ("How many homes were planned in Redcliff?", ("400",)),
    ("Who is building the Redcliff estate?", ("Hartwell Homes",)),
    # events the articles do not hold: the answer must decline
    ("How many firefighters were injured in the Brackley fire?", None),
    ("Why did the Lindale school board chair resign?", None),
    ("Which band headlined the Tarnmoor festival?", None),
    ("How much did Calder Zoo pay for the snow leopards?", None),
    ("When did Seaway Lines cut its ferry timetable?", None),
    ("Why was Hartwell Homes fined?", None),
]

# An eighth set, written 2026-12-07 (stop 46) after that session's changes, run once to report them:
# two outlets telling one flood with different tolls and a count of the missing, a result beside a
# preview, a resignation and its successor, quarterly figures beside last year's, a quote whose
# speaker is not its subject, and the fact in a sentence that says "he" or "the company".
ARTICLES_H = {
    "flood-wire.json": {
        "title": "Flash floods kill at least 23 in Merrow valley",
        "source": "wire-one.example", "published": "2025-09-15",
        "text": "Flash floods swept through villages in the Merrow valley on Sunday, killing at least 23 people, "
                "regional officials said. Another 40 people are missing.\nThe river rose nearly four metres in "
                "two hours after a night of heavy rain. Rescue teams used boats to reach stranded families.",
    },
    "flood-daily.json": {
        "title": "Merrow valley flood toll rises to 31",
        "source": "daily-two.example", "published": "2025-09-16",
        "text": "The death toll from Sunday's flash floods in the Merrow valley has risen to 31, the regional "
                "governor, Irina Voss, said on Monday. She declared three days of mourning.\nAbout 2,500 "
                "people have been moved to shelters. The army has sent 600 soldiers to help clear debris.",
    },
    "cup.json": {
        "title": "Eastport Rovers win the Harbour Cup",
        "source": "sport-daily.example", "published": "2025-05-11",
        "text": "Eastport Rovers beat Kingsley Athletic 2-1 in the Harbour Cup final on Saturday, their first "
                "title in 19 years. Striker Malik Osei scored both goals.\nBefore the match, bookmakers had "
                "made Kingsley the favourites. Kingsley's manager, Paul Dermot, said his side had been "
                "unlucky.",
    },
    "minister.json": {
        "title": "Transport minister resigns over rail contract",
        "source": "politics-today.example", "published": "2025-03-04",
        "text": "Transport minister Carla Benedetti resigned on Monday after a report found she had failed to "
                "declare her husband's stake in a rail supplier. She denied any wrongdoing.\nPrime Minister "
                "Anton Reyes named his deputy chief of staff, Hugo Lenz, as the new transport minister. "
                "Lenz, 44, is a former railway engineer.",
    },
    "earnings.json": {
        "title": "Brightline Foods profit jumps on price rises",
        "source": "business-wire.example", "published": "2025-07-24",
        "text": "Brightline Foods reported a profit of 212 million dollars for the second quarter, up from 150 "
                "million a year earlier. Its sales rose 8% to 2.1 billion dollars.\nThe company said higher "
                "prices for its frozen meals had offset weaker volumes. It expects full-year sales growth of "
                "about 6%. Its shares rose 5% in early trading.",
    },
    "arrest.json": {
        "title": "Man charged over Dunmore warehouse fire",
        "source": "court-reporter.example", "published": "2025-11-06",
        "text": "Police have charged a 37-year-old man with arson over a fire that destroyed a warehouse in "
                "Dunmore last month. Chief Inspector Ruth Kane said Daniel Marsh was arrested on Wednesday "
                "at his home.\nHe will appear in court on Friday. The fire caused damage estimated at 3 "
                "million pounds.",
    },
}
QUESTIONS_H = [
    ("How many people died in the Merrow valley floods?", ("31", "23")),
    ("How many people are missing after the Merrow floods?", ("40",)),
    ("How many soldiers were sent to the Merrow valley?", ("600",)),
    ("How much did the river rise in the Merrow valley?", ("four metres",)),
    ("Who won the Harbour Cup final?", ("Eastport Rovers",)),
    ("Who scored Eastport's goals in the final?", ("Malik Osei",)),
    ("What was the score in the Harbour Cup final?", ("2-1",)),
    ("Why did Carla Benedetti resign?", ("failed to declare",)),
    ("Who replaced Carla Benedetti as transport minister?", ("Hugo Lenz",)),
    ("How old is the new transport minister?", ("44",)),
    ("How much profit did Brightline Foods make in the second quarter?", ("212 million dollars",)),
    ("How much did Brightline's sales grow?", ("8%",)),
    ("What sales growth does Brightline expect this year?", ("6%",)),
    ("Why did Brightline's profit rise?", ("higher prices",)),
    ("Who was charged over the Dunmore warehouse fire?", ("Daniel Marsh",)),
    ("When was Daniel Marsh arrested?", ("Wednesday",)),
    ("How much damage did the Dunmore fire cause?", ("3 million pounds",)),
    ("What was Daniel Marsh charged with?", ("arson",)),
    # events the articles do not hold: the answer must decline
    ("How many people died in the Merrow valley landslide?", None),
    ("Who was sacked as Kingsley Athletic manager?", None),
    ("When did Hugo Lenz resign?", None),
    ("How many jobs is Brightline Foods cutting?", None),
    ("Who was convicted of the Dunmore warehouse fire?", None),
    ("How much did the Merrow valley flood defences cost?", None),
]

# A ninth set, written 2026-12-07 (stop 46) after that session's last answer change, run once to report:
# places asked with "where", dates to come ("when will"), who said what, which company, two outlets
# disagreeing on a count of jobs, and an event told only in a quote.
ARTICLES_I = {
    "plant-wire.json": {
        "title": "Norvik Motors to build battery plant in Tessaly",
        "source": "wire-one.example", "published": "2025-04-08",
        "text": "Norvik Motors will build a battery plant in Tessaly, a town of 30,000 near the northern port of "
                "Halden, the carmaker said on Tuesday. The plant will create about 1,200 jobs.\nConstruction is "
                "due to start in September, and the first batteries are expected in 2027. Tessaly beat two "
                "other towns, Orme and Castlebury, for the project.",
    },
    "plant-daily.json": {
        "title": "Tessaly lands Norvik battery factory",
        "source": "daily-two.example", "published": "2025-04-08",
        "text": "The Norvik Motors battery factory coming to Tessaly will employ some 1,800 people, regional "
                "economy minister Lars Brandt said on Tuesday. \"This is the biggest investment our region has "
                "seen in a generation,\" he said.\nThe government will contribute 90 million euros towards the "
                "plant's cost.",
    },
    "strike.json": {
        "title": "Dock workers in Halden end two-week strike",
        "source": "coast-weather.example", "published": "2025-06-19",
        "text": "Dock workers at the port of Halden returned to work on Thursday after a two-week strike, having "
                "accepted a 6% pay rise. Union leader Marta Quist said the deal was \"a fair result\".\nThe "
                "strike had left more than 40 ships waiting offshore. The port handles a fifth of the "
                "country's container traffic.",
    },
    "museum.json": {
        "title": "Castlebury to get new science museum",
        "source": "arts-review.example", "published": "2025-01-15",
        "text": "A new science museum will open in Castlebury's old railway station in October 2026, the city "
                "council said on Wednesday. The project will cost 24 million euros.\nCouncil leader Ben Adeyemi "
                "said the museum would bring 150,000 visitors a year to the city. Architect Sana Malik designed "
                "the building's glass roof.",
    },
    "recall.json": {
        "title": "Frostline recalls ice cream over plastic fragments",
        "source": "business-wire.example", "published": "2025-08-12",
        "text": "Frostline Dairies has recalled 2 million tubs of its vanilla ice cream after customers found "
                "pieces of plastic in the product, the food safety agency said on Monday. No injuries have been "
                "reported.\nThe company said the plastic came from a broken part on one of its production lines "
                "at its plant in Orme. Customers can return the tubs for a full refund.",
    },
    "award.json": {
        "title": "Novelist Ilse Marten wins the Halden Prize",
        "source": "arts-review.example", "published": "2025-11-20",
        "text": "Ilse Marten won the Halden Prize for fiction on Wednesday for her novel \"The Salt Road\", which "
                "follows three generations of a fishing family. The prize is worth 50,000 euros.\nJudges' chair "
                "Peter Lund called the book \"a quiet masterpiece\". Marten, 61, had been shortlisted twice before.",
    },
}
QUESTIONS_I = [
    ("Where will Norvik Motors build its battery plant?", ("Tessaly",)),
    ("When will construction of the Norvik plant start?", ("September",)),
    ("How many jobs will the Norvik battery plant create?", ("1,200", "1,800")),
    ("How much will the government put into the Norvik plant?", ("90 million euros",)),
    ("Which towns lost out to Tessaly?", ("Orme", "Castlebury")),
    ("How long did the Halden dock strike last?", ("two-week", "two weeks")),
    ("What pay rise did the Halden dock workers get?", ("6%",)),
    ("How many ships were left waiting by the dock strike?", ("40",)),
    ("Who leads the Halden dock workers' union?", ("Marta Quist",)),
    ("When will the Castlebury science museum open?", ("October 2026",)),
    ("Where will the new Castlebury museum be?", ("railway station",)),
    ("Who designed the Castlebury museum's roof?", ("Sana Malik",)),
    ("How many tubs of ice cream did Frostline recall?", ("2 million",)),
    ("Why did Frostline recall its ice cream?", ("plastic",)),
    ("Where is the Frostline plant with the faulty line?", ("Orme",)),
    ("Who won the Halden Prize for fiction?", ("Ilse Marten",)),
    ("What is the prize-winning novel called?", ("The Salt Road",)),
    ("Who called Ilse Marten's book a quiet masterpiece?", ("Peter Lund",)),
    # events the articles do not hold: the answer must decline
    ("Where will Norvik Motors build its second plant?", None),
    ("How many dock workers were fired after the Halden strike?", None),
    ("When will the Castlebury museum close?", None),
    ("How much was Frostline fined over the recall?", None),
    ("Who won the Halden Prize for poetry?", None),
    ("How much did Norvik Motors pay for the Orme site?", None),
]

ARTICLES_J = {
    "court.json": {
        "title": "Court blocks Varno's plan to close three rural schools",
        "source": "north-courier.example", "published": "2025-09-24",
        "text": "A regional court on Tuesday blocked a plan by Varno's education board to close three rural "
                "schools, ruling that parents had not been properly consulted. Judge Helena Obi said the board "
                "had given families only ten days to respond, far short of the six weeks the law requires.\n"
                "The board had argued that the schools in Kesk, Dunmore and Ilby were too small to run, with "
                "fewer than 40 pupils each. Its chair, Tomas Reyes, said after the ruling that the board would "
                "appeal. \"We respect the court, but the numbers have not changed,\" he said.\nParents had "
                "collected 4,300 signatures against the closures. The case was brought by a group led by Ana "
                "Voss, a mother of two from Kesk.",
    },
    "study.json": {
        "title": "Walking after meals lowers blood sugar, Brennholm study finds",
        "source": "health-desk.example", "published": "2025-05-06",
        "text": "People who walked for 15 minutes after each meal had markedly lower blood sugar than those who "
                "walked for 45 minutes once a day, according to a study published on Monday by researchers at "
                "Brennholm University.\nThe team followed 212 adults aged over 60 for twelve weeks. Those who "
                "walked after meals saw their average blood sugar fall by 11%, against 4% in the other group. "
                "The lead author, Dr. Farah Nasser, said the timing mattered more than the total. \"It is the "
                "hour after eating that counts,\" she said.\nThe study was funded by the national diabetes "
                "charity and will be followed by a larger trial next year.",
    },
    "transfer.json": {
        "title": "Alder City sign striker Kofi Mensah from Portvale",
        "source": "sports-wire.example", "published": "2025-08-29",
        "text": "Alder City have signed striker Kofi Mensah from Portvale for a club-record fee of 38 million "
                "pounds, the club announced on Friday. The 24-year-old has agreed a five-year contract.\n"
                "Mensah scored 19 goals in the league last season, second only to Rafael Costa. Alder City "
                "manager Jo Lindqvist said he had followed the player for two years. \"He gives us something "
                "we did not have,\" Lindqvist said.\nPortvale had rejected two earlier offers from the club "
                "this summer. The previous record was the 30 million pounds Alder City paid for defender Luc "
                "Morel in 2023.",
    },
    "council.json": {
        "title": "Ostrava Bay council votes to ban cars from harbour front",
        "source": "bay-times.example", "published": "2025-03-13",
        "text": "Ostrava Bay's council voted 21 to 14 on Wednesday to ban private cars from the harbour front "
                "from next summer. The ban will start on June 1 and cover about two kilometres of road.\n"
                "Mayor Ines Castell, who proposed it, said the change would make the waterfront safer for the "
                "200,000 visitors it draws each year. Shop owners opposed the plan, saying they would lose "
                "trade. The opposition leader, Gregor Hahn, called it \"a gift to the out-of-town malls\".\n"
                "Delivery vans will still be allowed before 10 a.m. The council will spend 3 million euros "
                "on new bus lanes to the area.",
    },
    "outage.json": {
        "title": "Payment outage hits Lumo Bank customers for six hours",
        "source": "tech-wire.example", "published": "2025-11-04",
        "text": "Customers of Lumo Bank were unable to pay by card or use its app for about six hours on "
                "Monday, after a faulty software update at one of its data centres. The bank said about "
                "1.2 million customers were affected.\nIts chief executive, Sofia Brandt, apologised on "
                "Tuesday and said it would refund any fees customers had been charged because of the "
                "failure. The financial regulator said it had asked the bank for a full report within 30 "
                "days.\nThe outage began at 9 a.m. and services were fully restored by 3 p.m., the bank said.",
    },
    "fire.json": {
        "title": "Wildfire near Serra forces 2,000 from their homes",
        "source": "south-news.example", "published": "2025-07-21",
        "text": "A wildfire in the hills above Serra forced about 2,000 people to leave their homes over the "
                "weekend, as strong winds drove the flames toward the town. Firefighters said on Sunday that "
                "the blaze had burned 3,500 hectares.\nNo deaths have been reported, but two firefighters "
                "were treated for smoke inhalation. Regional fire chief Pablo Ruiz said a discarded cigarette "
                "near a picnic area was the most likely cause. He said it could take days to bring the fire "
                "under control.\nResidents of the villages of Alto and Pinar were told they could return on "
                "Monday.",
    },
}
QUESTIONS_J = [
    ("Why did the court stop the Varno school closures?", ("consulted", "ten days")),
    ("Which judge ruled on the Varno schools case?", ("Helena Obi",)),
    ("Who will appeal the ruling on the Varno schools?", ("board", "Tomas Reyes")),
    ("How many people signed against the school closures?", ("4,300",)),
    ("Who led the parents' group that went to court in Varno?", ("Ana Voss",)),
    ("How long did the Brennholm study follow its participants?", ("twelve weeks",)),
    ("By how much did blood sugar fall for those who walked after meals?", ("11%",)),
    ("Who led the Brennholm walking study?", ("Farah Nasser",)),
    ("How much did Alder City pay for Kofi Mensah?", ("38 million pounds",)),
    ("How many goals did Mensah score last season?", ("19",)),
    ("Who is Alder City's manager?", ("Jo Lindqvist",)),
    ("When does the Ostrava Bay car ban begin?", ("June 1",)),
    ("Who proposed banning cars from the Ostrava Bay harbour front?", ("Ines Castell",)),
    ("What was the result of the Ostrava Bay council vote?", ("21 to 14",)),
    ("What caused the Lumo Bank outage?", ("software update",)),
    ("How many Lumo Bank customers were hit by the outage?", ("1.2 million",)),
    ("How large an area has the Serra wildfire burned?", ("3,500 hectares",)),
    ("What started the Serra fire?", ("cigarette",)),
    # events the articles do not hold: the answer must decline
    ("When will the Varno appeal be heard?", None),
    ("How much did the Brennholm study cost?", None),
    ("How many goals did Mensah score for Alder City?", None),
    ("How much was Lumo Bank fined for the outage?", None),
    ("How many homes did the Serra wildfire destroy?", None),
    ("Who replaced Tomas Reyes as board chair?", None),
]

ARTICLES_K = {
    "bridge.json": {
        "title": "Kell River bridge to stay shut until spring after inspection",
        "source": "valley-herald.example", "published": "2025-10-14",
        "text": "The Kell River bridge in Marton will stay closed to traffic until April, after engineers found "
                "cracks in two of its steel supports, the county said on Monday. The bridge, built in 1968, "
                "carries about 9,000 vehicles a day.\nCounty engineer Rosa Lindgren said the repairs would cost "
                "about 4.5 million dollars. Drivers are being sent on a 12-mile detour through Holt. \"Safety "
                "comes first,\" Lindgren said.\nLocal businesses said the closure had already cut their trade. "
                "The county will run a free shuttle bus across the river from next week.",
    },
    "vaccine.json": {
        "title": "Dalric Pharma's RSV vaccine approved for older adults",
        "source": "medical-wire.example", "published": "2025-06-03",
        "text": "Regulators on Tuesday approved Dalric Pharma's vaccine against RSV for adults aged 60 and over, "
                "after a trial in which it prevented 82% of severe cases. The company said the first doses would "
                "reach pharmacies in September.\nThe trial enrolled 24,000 people in nine countries. Dalric's "
                "head of research, Dr. Ikenna Obuya, said the company would now seek approval for younger "
                "adults with heart and lung conditions.\nA rival vaccine from Corvane Biotech was approved last "
                "year. Dalric shares rose 6% after the news.",
    },
    "election.json": {
        "title": "Mira Castellanos wins Port Ardent mayoral race",
        "source": "coast-daily.example", "published": "2025-11-05",
        "text": "Mira Castellanos, a former school principal, was elected mayor of Port Ardent on Tuesday, "
                "beating two-term incumbent Owen Farrow with 54% of the vote. Turnout was 41%, the city's "
                "election office said.\nCastellanos campaigned on building affordable housing near the old "
                "shipyard. She will take office on January 2. Farrow conceded late on Tuesday night and "
                "thanked his supporters.\nIt is the first time in 30 years that the city has elected a "
                "mayor who did not serve on the city council first.",
    },
    "heist.json": {
        "title": "Thieves take rare coins from Lindau museum in night raid",
        "source": "euro-news.example", "published": "2025-02-18",
        "text": "Thieves broke into the Lindau city museum early on Sunday and stole 43 gold coins from the "
                "17th century, police said. The coins are valued at about 1.2 million euros.\nThe burglars "
                "cut through a skylight and disabled part of the alarm system, according to museum director "
                "Clara Wendt. She said the museum would stay closed for a week. Police arrested two men on "
                "Monday near the Austrian border; the coins have not been found.",
    },
    "airline.json": {
        "title": "Skyward cancels 300 flights as pilots strike",
        "source": "travel-desk.example", "published": "2025-07-11",
        "text": "Skyward Airlines cancelled 300 flights on Friday as its pilots walked out in a dispute over "
                "pay and rest periods, stranding about 40,000 passengers at the start of the summer holidays.\n"
                "The pilots' union, led by captain Hugo Barros, said the strike would last 48 hours. Skyward "
                "said it had offered a 9% raise over two years. The airline's chief executive, Petra Lind, "
                "called the walkout \"deeply irresponsible\".\nPassengers on cancelled flights can rebook for "
                "free or claim a full refund, the airline said.",
    },
    "orchestra.json": {
        "title": "Halvard Symphony names Yuki Tanabe as music director",
        "source": "arts-review.example", "published": "2025-04-22",
        "text": "The Halvard Symphony Orchestra has named Japanese conductor Yuki Tanabe as its next music "
                "director, the orchestra said on Monday. Tanabe, 38, will succeed Anton Reiss, who is stepping "
                "down after 14 seasons.\nShe will start in September 2026 with a five-year contract. Tanabe has "
                "led the orchestra as a guest conductor four times since 2021. The orchestra's chair, Leonora "
                "Vance, said the players had voted overwhelmingly for her.",
    },
}
QUESTIONS_K = [
    ("Why is the Kell River bridge closed?", ("cracks",)),
    ("How much will the Kell River bridge repairs cost?", ("4.5 million dollars",)),
    ("How long is the detour around the Kell River bridge?", ("12-mile", "12 mile")),
    ("When will the Kell River bridge reopen?", ("April",)),
    ("Who approved Dalric Pharma's RSV vaccine?", ("Regulators", "regulators")),
    ("How effective was the Dalric vaccine in its trial?", ("82%",)),
    ("How many people took part in the Dalric vaccine trial?", ("24,000",)),
    ("Who heads research at Dalric Pharma?", ("Ikenna Obuya",)),
    ("Who won the Port Ardent mayoral election?", ("Mira Castellanos",)),
    ("What share of the vote did Castellanos get?", ("54%",)),
    ("When does the new Port Ardent mayor take office?", ("January 2",)),
    ("How many coins were stolen from the Lindau museum?", ("43",)),
    ("How did the thieves get into the Lindau museum?", ("skylight",)),
    ("Who directs the Lindau museum?", ("Clara Wendt",)),
    ("How many Skyward flights were cancelled?", ("300",)),
    ("Who leads the Skyward pilots' union?", ("Hugo Barros",)),
    ("Who will replace Anton Reiss at the Halvard Symphony?", ("Yuki Tanabe",)),
    ("How long was Anton Reiss music director?", ("14 seasons",)),
    # events the reports do not hold
    ("When was the Kell River bridge last repaired?", None),
    ("How much will a Dalric vaccine dose cost?", None),
    ("How many votes did Owen Farrow get?", None),
    ("Where were the Lindau coins found?", None),
    ("How much did the Skyward strike cost the airline?", None),
    ("Who conducted the Halvard Symphony's farewell concert for Reiss?", None),
]

# Set l (2026-12-07, stop 48), written before that session's changes: longer reports again, with
# a figure for a neighbouring verb (delayed / cancelled), last year's figure beside this year's,
# the fact in a sentence that says "he" or "the company", a speaker who is not the subject, and
# absent events that look like the ones told (a replacement not yet named, a resignation, a
# block, a cancellation, deaths in a storm).
ARTICLES_L = {
    "recall.json": {
        "title": "Brennick Motors recalls 120,000 Tarrow SUVs over brake fault",
        "source": "auto-wire.example", "published": "2025-09-18",
        "text": "Brennick Motors is recalling about 120,000 Tarrow SUVs built between 2021 and 2023 because a "
                "faulty valve can weaken the brakes, the carmaker said on Thursday. The company said it knew of "
                "14 crashes linked to the fault but no injuries.\nOwners will be notified by letter from next "
                "month, and dealers will replace the valve for free. The repair takes about an hour.\nIt is "
                "Brennick's second large recall this year. In March the company recalled 60,000 saloon cars "
                "over a fuel leak. Its shares fell 3% in Frankfurt trading.",
    },
    "football.json": {
        "title": "Carlow United sack manager Tomas Brandt",
        "source": "sports-daily.example", "published": "2025-11-10",
        "text": "Carlow United dismissed manager Tomas Brandt on Sunday after a run of eight league games "
                "without a win left the club second from bottom. The club said his assistant, Fiona Kerr, would "
                "take charge of the team until a permanent replacement is found.\nBrandt, 51, joined in June "
                "2023 and led the side to promotion in his first season. He had been given a new three-year "
                "contract in the summer.\n\"We thank Tomas for everything he has done,\" chairman Ray Odum said.",
    },
    "storm.json": {
        "title": "Storm Inga grounds flights and cuts power on the coast",
        "source": "north-news.example", "published": "2025-01-15",
        "text": "Storm Inga forced Velm airport to cancel 212 flights on Wednesday, and another 340 were delayed "
                "by more than an hour, the airport operator said. Winds reached 130 km/h on the coast.\nAbout "
                "18,000 homes in the region lost power. The national weather service said the storm would move "
                "north overnight and weaken by Thursday afternoon.\nRail operator NTR suspended services "
                "between Velm and Ostra after a tree fell on the line.",
    },
    "hospital.json": {
        "title": "Ashby General Hospital chief asked to step down after inspection",
        "source": "health-desk.example", "published": "2025-03-11",
        "text": "Health minister Amira Said said on Tuesday that the chief executive of Ashby General "
                "Hospital, Peter Marsh, had been asked to step down after an inspection found long waits in its "
                "emergency department. Marsh has run the hospital since 2019.\nThe inspection found that one in "
                "five patients waited more than 12 hours to be seen. Said said a temporary chief would be named "
                "within a week.\nThe hospital's board said it accepted the findings.",
    },
    "festival.json": {
        "title": "Fenmoor folk festival draws record crowd",
        "source": "arts-review.example", "published": "2025-07-21",
        "text": "The Fenmoor folk festival drew 62,000 visitors over three days this year, up from 48,000 last "
                "year, organisers said on Monday. Ticket sales raised 3.1 million pounds.\nThe festival, first "
                "held in 1994, added a fourth stage this year. Headliner Nora Quist closed the festival on "
                "Sunday night.\nOrganisers said next year's festival would run from 10 to 12 July.",
    },
    "deal.json": {
        "title": "Orlo to buy payroll firm Twinfield for $2.4 billion",
        "source": "markets-wire.example", "published": "2025-05-12",
        "text": "Software maker Orlo agreed on Monday to buy payroll firm Twinfield for $2.4 billion in cash. "
                "The deal is expected to close in the first quarter of next year, subject to approval by "
                "regulators.\nTwinfield, based in Leeds, has about 1,800 employees and serves 30,000 small "
                "businesses. The company was founded in 2009 by Sara Holm, who will join Orlo's board.\nOrlo's "
                "chief executive, Daniel Reyes, said the purchase would double its customers in Europe.",
    },
}

QUESTIONS_L = [
    ("Why is Brennick recalling the Tarrow?", ("faulty valve", "valve")),
    ("How many crashes are linked to the Tarrow brake fault?", ("14",)),
    ("How many Tarrow SUVs are being recalled?", ("120,000",)),
    ("Who will take charge of Carlow United for now?", ("Fiona Kerr",)),
    ("Why was Tomas Brandt sacked?", ("without a win",)),
    ("When did Tomas Brandt join Carlow United?", ("June 2023",)),
    ("How many flights were cancelled at Velm airport?", ("212",)),
    ("How many flights were delayed at Velm?", ("340",)),
    ("How many homes lost power in Storm Inga?", ("18,000",)),
    ("Why were trains between Velm and Ostra stopped?", ("tree fell", "a tree")),
    ("Who was asked to step down at Ashby General Hospital?", ("Peter Marsh",)),
    ("What did the inspection of Ashby General Hospital find?", ("long waits", "12 hours")),
    ("How many patients waited more than 12 hours at Ashby General?", ("one in five",)),
    ("How many people attended the Fenmoor festival this year?", ("62,000",)),
    ("How many visitors did the Fenmoor festival have last year?", ("48,000",)),
    ("Who closed the Fenmoor festival?", ("Nora Quist",)),
    ("When is next year's Fenmoor festival?", ("10 to 12 July",)),
    ("How much is Orlo paying for Twinfield?", ("$2.4 billion",)),
    ("Who founded Twinfield?", ("Sara Holm",)),
    ("How many people work at Twinfield?", ("1,800",)),
    ("When will the Orlo deal for Twinfield close?", ("first quarter",)),
    # events the reports do not hold
    ("When did Brennick's chief executive resign?", None),
    ("Who did Carlow United appoint as permanent manager?", None),
    ("How many people died in Storm Inga?", None),
    ("Who was named temporary chief of Ashby General Hospital?", None),
    ("Why was the Fenmoor festival cancelled?", None),
    ("Why did regulators block the Orlo deal?", None),
]

# Set m (2026-12-07, stop 48), written after that session's changes (figures told of another verb or
# year, a speaker, periods, proportions, events still to come) and before it was run, to report them.
ARTICLES_M = {
    "spill.json": {
        "title": "Judge fines Keldor Mining 3 million dollars over river spill",
        "source": "court-wire.example", "published": "2025-10-02",
        "text": "A federal judge on Thursday ordered Keldor Mining to pay a fine of 3 million dollars for a chemical "
                "spill that killed thousands of fish in the Arno River in 2023. The company had asked for a fine of "
                "500,000 dollars.\nJudge Marta Oyelaran said the firm had ignored warnings from its own engineers for "
                "two years. Keldor said it would appeal.\nThe spill released about 40,000 litres of acid into the "
                "river, according to state investigators.",
    },
    "windfarm.json": {
        "title": "Solwind offshore wind farm starts supplying power",
        "source": "energy-desk.example", "published": "2025-08-26",
        "text": "The Solwind offshore wind farm began sending power to the grid on Tuesday, two years after "
                "construction started off the coast of Brenholt. Its 64 turbines can power about 400,000 homes when "
                "running at full capacity.\nThe project cost 2.1 billion euros, 300 million more than planned, "
                "because of higher steel prices. Operator Nordvik Energy said a second phase with 40 more turbines "
                "would be approved next year.\nFishermen in Brenholt had opposed the project.",
    },
    "marathon.json": {
        "title": "Faith Reyna wins Halbrook marathon in course record",
        "source": "run-news.example", "published": "2025-04-14",
        "text": "Kenyan runner Faith Reyna won the Halbrook marathon on Sunday in 2 hours 19 minutes, breaking the "
                "course record set in 2019 by more than a minute. Defending champion Amy Strand finished second, 48 "
                "seconds behind.\nAbout 31,000 runners started the race, up from 27,500 last year. Organisers said "
                "temperatures of 24 degrees made the final miles hard.\nReyna, 27, said she would now prepare for "
                "the world championships in August.",
    },
    "parking.json": {
        "title": "Tarnby council raises town centre parking charges",
        "source": "local-news.example", "published": "2025-01-23",
        "text": "Tarnby council voted on Wednesday to raise parking charges in the town centre by 20% from March, to "
                "help close a budget gap of 4 million pounds. The measure passed by 23 votes to 17.\nCouncil leader "
                "Dev Anand said the money would keep two libraries open. Shop owners said the higher charges would "
                "drive customers to out-of-town malls.\nResidents with permits will not pay the new rates.",
    },
    "planet.json": {
        "title": "Water vapour found on distant planet TOI-882b",
        "source": "science-wire.example", "published": "2025-06-10",
        "text": "Astronomers using the Kessler telescope have detected water vapour in the atmosphere of a planet 120 "
                "light years from Earth, the team said in a paper published on Monday. The planet, named TOI-882b, "
                "is about twice the size of Earth and orbits its star every 11 days.\nLead author Priya Nandakumar "
                "said the finding did not mean the planet could support life, because its surface is probably "
                "hotter than 200 degrees.\nThe team plans to observe the planet again in October.",
    },
    "bakery.json": {
        "title": "Harlow Foods to cut 900 jobs and close Dunmore bakery",
        "source": "business-daily.example", "published": "2025-02-11",
        "text": "Harlow Foods will cut 900 jobs, about one in eight of its workforce, and close its bakery in Dunmore "
                "by June, the company said on Tuesday. Sales fell 6% last year as shoppers switched to cheaper "
                "brands.\nThe company's chief executive, Lucia Ferrante, said the cuts would save 45 million pounds "
                "a year. Unions said they would ballot members on strike action.\nHarlow employs about 7,200 people "
                "in Britain.",
    },
}

QUESTIONS_M = [
    ("How much was Keldor Mining fined?", ("3 million dollars",)),
    ("Who fined Keldor Mining?", ("Marta Oyelaran", "federal judge")),
    ("What fine had Keldor Mining asked for?", ("500,000 dollars",)),
    ("How much acid spilled into the Arno River?", ("40,000 litres",)),
    ("How many turbines does Solwind have?", ("64",)),
    ("How many homes can Solwind power?", ("400,000",)),
    ("Why did Solwind cost more than planned?", ("steel prices",)),
    ("How much did the Solwind wind farm cost?", ("2.1 billion euros",)),
    ("Who won the Halbrook marathon?", ("Faith Reyna",)),
    ("Who finished second in the Halbrook marathon?", ("Amy Strand",)),
    ("How many runners started the Halbrook marathon last year?", ("27,500",)),
    ("What was Faith Reyna's winning time at Halbrook?", ("2 hours 19 minutes",)),
    ("By how much will Tarnby raise parking charges?", ("20%",)),
    ("How many councillors voted against the Tarnby parking rise?", ("17",)),
    ("Why is Tarnby raising parking charges?", ("budget gap",)),
    ("When do Tarnby's new parking charges start?", ("March",)),
    ("How far is TOI-882b from Earth?", ("120 light years",)),
    ("Who led the TOI-882b study?", ("Priya Nandakumar",)),
    ("How often does TOI-882b orbit its star?", ("11 days",)),
    ("How many jobs will Harlow Foods cut?", ("900",)),
    ("When will Harlow close its Dunmore bakery?", ("June",)),
    ("How much will Harlow's job cuts save?", ("45 million pounds",)),
    ("How many people does Harlow Foods employ?", ("7,200",)),
    # events the reports do not hold
    ("When did Keldor Mining pay the fine?", None),
    ("When was the second phase of Solwind approved?", None),
    ("How many runners were injured in the Halbrook marathon?", None),
    ("When did the Tarnby library close?", None),
    ("When did astronomers find life on TOI-882b?", None),
    ("When did Harlow workers go on strike?", None),
]

# Set n (2026-12-07, stop 49), written at the start of the session before any change it could judge:
# six reports on new topics (a port strike, a drug approval, a wildfire, a mayoral election, a data
# breach, a bridge closure), the facts often in a sentence that says "he", "it" or "the company".
ARTICLES_N = {
    "port.json": {
        "title": "Dockworkers at Halden port end nine-day strike",
        "source": "trade-wire.example", "published": "2025-06-04",
        "text": "Dockworkers at the port of Halden returned to work on Tuesday, ending a nine-day strike that left "
                "more than 70 container ships waiting offshore. Their union, the Harbour Workers' Federation, "
                "accepted a pay rise of 7% this year and 4% next year.\nIt had asked for 12%. Port director Anton "
                "Vik said it would take about two weeks to clear the backlog.\nThe strike cost exporters an "
                "estimated 180 million euros, the chamber of commerce said.",
    },
    "drug.json": {
        "title": "Regulator approves Velora's migraine pill Cendrix",
        "source": "pharma-news.example", "published": "2025-03-20",
        "text": "The national medicines agency on Wednesday approved Cendrix, a daily pill from drugmaker Velora "
                "for preventing migraine in adults. In the main trial, patients taking it had 4.1 fewer migraine "
                "days a month, against 2.3 fewer for those on a placebo.\nThe most common side effect was "
                "nausea, reported by 9% of patients. Velora said the pill would go on sale in May at a price of "
                "about 600 euros a month.\nIts chief scientist, Helena Brandt, led the development of the drug.",
    },
    "wildfire.json": {
        "title": "Wildfire near Castelo forces thousands to flee",
        "source": "iberia-desk.example", "published": "2025-08-11",
        "text": "A wildfire in the hills above Castelo forced about 4,500 people to leave their homes over the "
                "weekend, civil protection officials said on Monday. The fire has burned 6,200 hectares and "
                "destroyed at least 35 houses.\nMore than 600 firefighters and eight water-bombing planes were "
                "fighting it on Monday. Police arrested a 62-year-old man on suspicion of starting it while "
                "burning farm waste.\nA fire in the same area in 2022 burned 9,000 hectares.",
    },
    "election.json": {
        "title": "Lena Ostrova elected mayor of Brimfield",
        "source": "city-herald.example", "published": "2025-11-05",
        "text": "Lena Ostrova won the Brimfield mayoral election on Tuesday with 54% of the vote, beating the "
                "sitting mayor, Gordon Pike, who took 41%. Turnout was 38%, up from 31% four years ago.\nOstrova, "
                "a former school principal, campaigned on cheaper bus fares and more housing. She will take "
                "office in January.\nPike conceded on Tuesday night and said he would not run again.",
    },
    "breach.json": {
        "title": "Fennick Bank says hackers stole data of 2 million customers",
        "source": "tech-daily.example", "published": "2025-10-14",
        "text": "Fennick Bank said on Monday that hackers had stolen the names, addresses and account numbers "
                "of about 2 million customers. The bank said no passwords or card numbers were taken.\nThe "
                "attackers got in through a supplier's software that had not been updated, according to the "
                "bank. It has told the data protection authority and the police.\nChief executive Morten Aas "
                "apologised and said customers would be offered free credit monitoring for two years.",
    },
    "bridge.json": {
        "title": "Orwin bridge closed after cracks found",
        "source": "regional-news.example", "published": "2025-02-26",
        "text": "The Orwin river bridge was closed to all traffic on Tuesday after engineers found cracks in two "
                "of its supports. About 22,000 vehicles use it every day.\nThe regional transport department "
                "said it would stay shut for at least three months while repairs are carried out. Drivers face a "
                "detour of about 15 kilometres.\nThe bridge was built in 1968 and last inspected in 2021.",
    },
}

QUESTIONS_N = [
    ("How long did the Halden port strike last?", ("nine-day", "nine days")),
    ("What pay rise did the Halden dockworkers accept?", ("7%",)),
    ("What pay rise had the Halden dockworkers' union asked for?", ("12%",)),
    ("How much did the Halden strike cost exporters?", ("180 million euros",)),
    ("How many ships were left waiting by the Halden strike?", ("70",)),
    ("Who makes Cendrix?", ("Velora",)),
    ("What is the most common side effect of Cendrix?", ("nausea",)),
    ("How much will Cendrix cost?", ("600 euros",)),
    ("Who led the development of Cendrix?", ("Helena Brandt",)),
    ("How many people fled the Castelo wildfire?", ("4,500",)),
    ("How many houses has the Castelo fire destroyed?", ("35",)),
    ("How big is the Castelo wildfire?", ("6,200 hectares",)),
    ("Who was arrested over the Castelo wildfire?", ("62-year-old man",)),
    ("Who won the Brimfield mayoral election?", ("Lena Ostrova",)),
    ("What share of the vote did Gordon Pike get?", ("41%",)),
    ("What was the turnout in the Brimfield election?", ("38%",)),
    ("When will Lena Ostrova take office?", ("January",)),
    ("How many Fennick Bank customers were affected by the hack?", ("2 million",)),
    ("How did the hackers get into Fennick Bank?", ("supplier's software", "not been updated")),
    ("What is Fennick Bank offering its customers?", ("credit monitoring",)),
    ("Why was the Orwin bridge closed?", ("cracks",)),
    ("How long will the Orwin bridge be shut?", ("three months",)),
    ("How many vehicles use the Orwin bridge each day?", ("22,000",)),
    ("When was the Orwin bridge built?", ("1968",)),
    # events the reports do not hold
    ("When did the Halden port strike start again?", None),
    ("When was Cendrix withdrawn from sale?", None),
    ("How many people died in the Castelo wildfire?", None),
    ("When did Gordon Pike resign as mayor?", None),
    ("How much was Fennick Bank fined over the hack?", None),
    ("When did the Orwin bridge reopen?", None),
]

# Set o (2026-12-07, stop 49), written after that session's changes (sentences referring back, the rules'
# runner-up read, roles before names, manner questions judged) and before it was run, to report them.
ARTICLES_O = {
    "ferry.json": {
        "title": "Ferry Nordlys runs aground off Skarvik",
        "source": "coast-news.example", "published": "2025-04-08",
        "text": "The passenger ferry Nordlys ran aground in fog off Skarvik on Monday evening with 212 people on "
                "board. All of them were taken ashore by lifeboats within three hours, and four were treated for "
                "minor injuries.\nThe ship's operator, Fjordline, said it had cancelled the route until Friday. "
                "Investigators will examine why the crew left the marked channel.\nThe vessel was built in 1998 "
                "and carries up to 400 passengers.",
    },
    "museum.json": {
        "title": "Larkhill museum reopens after five-year rebuild",
        "source": "culture-desk.example", "published": "2025-09-15",
        "text": "The Larkhill Museum of Science reopened on Saturday after a five-year rebuild that cost 86 "
                "million pounds. About 9,000 people visited on the first day.\nIts new director, Samuel Okoye, "
                "said the museum hoped to draw 600,000 visitors a year, twice as many as before it closed. He "
                "joined from the Danish national museum in 2023.\nThe building now has a planetarium and a "
                "rooftop garden. Entry stays free for children.",
    },
    "airline.json": {
        "title": "Skylark Air posts first annual profit",
        "source": "markets-desk.example", "published": "2025-03-04",
        "text": "Budget carrier Skylark Air reported its first annual profit on Tuesday, earning 41 million euros "
                "in 2024 after a loss of 18 million the year before. Passenger numbers rose 22% to 14 million.\n"
                "The airline said lower fuel costs and fuller planes had made the difference. It plans to add "
                "12 routes from its Porto base this summer.\nShares rose 9% in Lisbon.",
    },
    "heatwave.json": {
        "title": "Heatwave brings record temperature to Valmont",
        "source": "weather-wire.example", "published": "2025-07-02",
        "text": "Valmont recorded a temperature of 44.1 degrees on Tuesday, the highest since records began in "
                "1880, the national weather office said. The previous record, 42.6 degrees, was set in 2019.\n"
                "Authorities closed schools in the region and opened 30 cooling centres. Doctors said hospitals "
                "had treated more than 300 people for heat exhaustion.\nThe heat is expected to ease on "
                "Thursday when a cold front arrives.",
    },
    "transfer.json": {
        "title": "Rovers sign striker Adebayo Mensah from Calder City",
        "source": "football-daily.example", "published": "2025-08-28",
        "text": "Hallam Rovers have signed striker Adebayo Mensah from Calder City for a club record fee of 32 "
                "million pounds. The 24-year-old has agreed a five-year contract.\nHe scored 19 league goals last "
                "season, the most of any player in the division. Rovers manager Ellen Price said he would make "
                "his debut against Norbury on Sunday.\nCalder City had rejected two earlier offers.",
    },
    "water.json": {
        "title": "Drenford told to boil tap water after contamination",
        "source": "regional-news.example", "published": "2025-05-20",
        "text": "About 65,000 homes in Drenford were told on Monday to boil their tap water after tests found E. "
                "coli bacteria at a treatment plant. The water company, Aquaren, said the notice would stay in "
                "place for at least a week.\nIt said heavy rain had washed animal waste into a reservoir. The "
                "company is handing out bottled water at four sites.\nNo illnesses have been reported.",
    },
}

QUESTIONS_O = [
    ("How many people were on board the Nordlys?", ("212",)),
    ("How many people were hurt when the Nordlys ran aground?", ("four",)),
    ("Who operates the Nordlys ferry?", ("Fjordline",)),
    ("When was the Nordlys built?", ("1998",)),
    ("How much did the Larkhill museum rebuild cost?", ("86 million pounds",)),
    ("Who is the director of the Larkhill museum?", ("Samuel Okoye",)),
    ("How many visitors a year does the Larkhill museum hope for?", ("600,000",)),
    ("How much did Skylark Air earn in 2024?", ("41 million euros",)),
    ("How much did Skylark Air lose the year before?", ("18 million",)),
    ("How many new routes will Skylark Air add?", ("12",)),
    ("Why did Skylark Air make a profit?", ("fuel costs", "fuller planes")),
    ("What temperature did Valmont record?", ("44.1 degrees",)),
    ("What was Valmont's previous temperature record?", ("42.6 degrees",)),
    ("How many people were treated for heat exhaustion in Valmont?", ("300",)),
    ("How much did Hallam Rovers pay for Adebayo Mensah?", ("32 million pounds",)),
    ("How many goals did Adebayo Mensah score last season?", ("19",)),
    ("When will Adebayo Mensah make his Rovers debut?", ("Sunday",)),
    ("How many homes in Drenford must boil their water?", ("65,000",)),
    ("How did the bacteria get into Drenford's water?", ("heavy rain", "animal waste")),
    ("Who supplies water in Drenford?", ("Aquaren",)),
    # events the reports do not hold
    ("How many people died when the Nordlys ran aground?", None),
    ("When did the Larkhill museum start charging children?", None),
    ("Who replaced the chief executive of Skylark Air?", None),
    ("How many people died in the Valmont heatwave?", None),
    ("Why did Adebayo Mensah leave Hallam Rovers?", None),
    ("How many people fell ill from the Drenford water?", None),
]

# Set p (2026-12-07, stop 49), written at the end of the stop after all its changes (why- and how-questions
# judged included) and before it was run, to report them.
ARTICLES_P = {
    "library.json": {
        "title": "Kelby central library to close for two years",
        "source": "town-crier.example", "published": "2025-10-06",
        "text": "Kelby's central library will close in January for two years so that its roof and heating can be "
                "replaced, the borough council said on Friday. The work will cost 14 million pounds.\nA temporary "
                "library will open in the old post office on Market Street. Its head librarian, Grace Mbeki, said "
                "about 1,500 people used the building each day.\nThe library opened in 1932.",
    },
    "chipplant.json": {
        "title": "Norvex delays Aldwick chip plant by a year",
        "source": "tech-wire.example", "published": "2025-06-18",
        "text": "Chipmaker Norvex said on Tuesday it would open its factory in Aldwick a year later than planned, "
                "in 2028, because demand for its chips had slowed. The plant will cost 6 billion dollars and employ "
                "about 2,000 people.\nThe company's finance chief, Rui Tavares, said the delay would save 400 "
                "million dollars this year. Norvex shares fell 4%.\nLocal officials said they were disappointed.",
    },
    "rescue.json": {
        "title": "Climbers rescued from Mount Brann after two nights",
        "source": "mountain-news.example", "published": "2025-02-17",
        "text": "Three climbers stranded on Mount Brann for two nights were rescued by helicopter on Sunday, "
                "mountain police said. They had been caught by a snowstorm near the summit on Friday.\nThey "
                "survived by digging a snow cave. One of them, a 29-year-old nurse, was treated for frostbite.\n"
                "Rescuers had been unable to fly on Saturday because of high winds.",
    },
    "election2.json": {
        "title": "Green party wins Tollen council by-election",
        "source": "politics-desk.example", "published": "2025-05-09",
        "text": "The Green party won the Tollen council by-election on Thursday, taking the seat from Labour for "
                "the first time. Its candidate, Maya Lindqvist, received 2,140 votes, 310 more than the Labour "
                "candidate.\nTurnout was 29%. The vote was held after the previous councillor moved abroad.\nThe "
                "result leaves Labour with a majority of two on the council.",
    },
    "recall2.json": {
        "title": "Pellham recalls 50,000 baby monitors over fire risk",
        "source": "consumer-news.example", "published": "2025-11-12",
        "text": "Electronics maker Pellham is recalling about 50,000 baby monitors sold since March because their "
                "batteries can overheat, the company said on Wednesday. It knows of 11 cases in which a monitor "
                "caught fire, none causing injury.\nCustomers can return the monitors to any shop for a full "
                "refund. The monitors were sold for about 90 pounds.",
    },
    "strike2.json": {
        "title": "Bus drivers in Merrow vote to strike",
        "source": "labour-news.example", "published": "2025-09-03",
        "text": "Bus drivers in Merrow voted on Tuesday to strike for three days later this month after rejecting "
                "a pay offer of 3%. The union said 84% of members who voted backed the action.\nThe operator, "
                "CityLink, said it was disappointed and would run a reduced timetable. About 900 drivers are "
                "covered by the dispute.",
    },
}

QUESTIONS_P = [
    ("Why is Kelby's central library closing?", ("roof", "heating")),
    ("How much will the Kelby library work cost?", ("14 million pounds",)),
    ("Who is Kelby's head librarian?", ("Grace Mbeki",)),
    ("How many people use the Kelby library each day?", ("1,500",)),
    ("When will the Aldwick chip plant open?", ("2028",)),
    ("Why did Norvex delay the Aldwick plant?", ("demand",)),
    ("How many people will the Aldwick plant employ?", ("2,000",)),
    ("How much will the delay save Norvex this year?", ("400 million dollars",)),
    ("How were the Mount Brann climbers rescued?", ("helicopter",)),
    ("How did the climbers survive on Mount Brann?", ("snow cave",)),
    ("Why could rescuers not fly on Saturday?", ("high winds",)),
    ("Who won the Tollen by-election?", ("Maya Lindqvist", "Green")),
    ("How many votes did Maya Lindqvist get?", ("2,140",)),
    ("Why was the Tollen by-election held?", ("moved abroad",)),
    ("How many baby monitors is Pellham recalling?", ("50,000",)),
    ("Why is Pellham recalling its baby monitors?", ("overheat",)),
    ("What pay offer did the Merrow bus drivers reject?", ("3%",)),
    ("How many drivers are covered by the Merrow dispute?", ("900",)),
    # events the reports do not hold
    ("When did the Kelby library reopen?", None),
    ("How many jobs did Norvex cut in Aldwick?", None),
    ("How many climbers died on Mount Brann?", None),
    ("Who won the Tollen mayoral election?", None),
    ("How many babies were injured by Pellham monitors?", None),
    ("When did the Merrow bus strike end?", None),
]

# Set q (2026-12-07, stop 49): yes/no questions, as a desk asks them, on the reports of sets n and o
# together (twelve articles); the first 10 + 4 written before any change for them, 8 + 2 after. Right: the first sentence quoted
# holds the evidence (the words below); for an event the reports do not hold, a decline or the notice.
ARTICLES_Q = {**ARTICLES_N, **ARTICLES_O}

QUESTIONS_Q = [
    ("Is the Orwin bridge open?", ("closed to all traffic", "stay shut")),
    ("Were any passwords stolen from Fennick Bank?", ("no passwords",)),
    ("Has Cendrix been approved?", ("approved Cendrix",)),
    ("Did Gordon Pike concede the Brimfield election?", ("conceded",)),
    ("Has anyone been arrested over the Castelo wildfire?", ("arrested a 62-year-old man",)),
    ("Did the Halden dockworkers get the pay rise they wanted?", ("asked for 12%", "7%")),
    ("Was anyone hurt when the Nordlys ran aground?", ("minor injuries",)),
    ("Is entry to the Larkhill museum free for children?", ("free for children",)),
    ("Did Skylark Air make a profit in 2024?", ("first annual profit", "41 million euros")),
    ("Has anyone fallen ill from the Drenford water?", ("No illnesses",)),
    # (these eight and the last two absent events added after the yes/no change, run once to report it)
    ("Did the Halden strike cost exporters money?", ("180 million euros",)),
    ("Will Cendrix go on sale in May?", ("go on sale in May",)),
    ("Is the Castelo fire still burning?", ("were fighting it",)),
    ("Did turnout rise in the Brimfield election?", ("up from 31%",)),
    ("Will Fennick Bank customers get credit monitoring?", ("credit monitoring",)),
    ("Will the Orwin bridge reopen soon?", ("at least three months",)),
    ("Was the Larkhill museum rebuild expensive?", ("86 million pounds",)),
    ("Has Adebayo Mensah signed a long contract with Hallam Rovers?", ("five-year contract",)),
    # events the reports do not hold
    ("Did Fennick Bank pay a ransom to the hackers?", None),
    ("Has the Nordlys captain been charged?", None),
    ("Did Hallam Rovers sell any players to Calder City?", None),
    ("Was the Valmont heatwave declared a national emergency?", None),
    ("Did the Castelo fire destroy a school?", None),
    ("Has the Drenford water company been fined?", None),
]

# Set r (2026-12-07, stop 50): written before that session's reading changes and run once before them.
# Seven longer reports (eight to twelve sentences, quotes, background figures, a second outlet on the
# same flood with other numbers), so the right sentence competes with neighbours naming the same people
# and with last year's figures; the kinds the reading issue names: the fact told of "he", "the club" or
# "the airline", a speaker beside the subject, a reason beside background, a figure of a neighbouring verb.
ARTICLES_R = {
    "pilots.json": {
        "title": "Aerolinea Sur pilots strike for 48 hours, 300 flights cancelled",
        "source": "air-wire.example", "published": "2026-03-12",
        "text": "Pilots at Aerolinea Sur walked out on Wednesday at the start of a 48-hour strike over pay and "
                "rest rules, forcing the carrier to cancel about 300 flights.\nThe airline said 41,000 passengers "
                "were affected and that it would offer refunds or free rebooking. It had cancelled 120 flights "
                "during a one-day strike last October.\nThe pilots' union, SEPLA-Sur, wants a 9% raise over two "
                "years. The company has offered 4.5%.\n\"We are not asking for luxury, we are asking for rest,\" "
                "said union spokesman Tomas Beltran. He said pilots were flying up to 900 hours a year.\nChief "
                "executive Clara Ibanez called the strike \"irresponsible\" and said talks would resume on Monday. "
                "She said the walkout would cost the airline about 25 million euros.\nAerolinea Sur carried 14 "
                "million passengers last year.",
    },
    "budget.json": {
        "title": "Harrowgate council approves 4.9% council tax rise",
        "source": "local-democracy.example", "published": "2026-02-27",
        "text": "Harrowgate council voted on Thursday to raise council tax by 4.9% from April, the largest "
                "increase allowed without a referendum.\nThe budget passed by 31 votes to 22 after a four-hour "
                "meeting. Last year the council raised the tax by 2.99%.\nCouncil leader Priya Nair said the "
                "money was needed to pay for adult social care, which now takes 46% of the council's spending. "
                "She said the authority faced a gap of 18 million pounds.\nOpposition leader Martin Cole said "
                "residents were \"being asked to pay more for less\". His group had proposed closing two "
                "council offices instead.\nA band D household will pay 2,104 pounds a year, 98 pounds more "
                "than now.",
    },
    "fine.json": {
        "title": "Regulator fines RideNow 32 million euros over driver data",
        "source": "tech-policy.example", "published": "2026-05-20",
        "text": "Ireland's data protection regulator has fined ride-hailing app RideNow 32 million euros for "
                "sending the personal data of European drivers to servers in the United States without proper "
                "safeguards.\nThe Data Protection Commission said on Tuesday that the transfers ran for more "
                "than two years and involved the records of about 170,000 drivers, including their licences "
                "and criminal record checks.\nThe company said it disagreed with the decision and would "
                "appeal. It said it had stopped the transfers in 2025.\nThe regulator ordered RideNow to "
                "delete the data held in the US within six months.\nThe complaint was brought by a Dutch "
                "drivers' association in 2023.",
    },
    "flood_a.json": {
        "title": "Floods kill at least nine in Ravelle valley",
        "source": "national-news.example", "published": "2026-10-14",
        "text": "At least nine people have died after the river Ravelle burst its banks on Monday night, "
                "flooding towns along the valley, the interior ministry said on Tuesday.\nAbout 4,000 residents "
                "were evacuated and 12 people are still missing. Most of the dead were in Saint-Ory, where the "
                "water rose two metres in an hour.\nThe region received three months of rain in 24 hours, "
                "the weather service said.\nPrime Minister Elise Varenne visited Saint-Ory on Tuesday and "
                "promised emergency aid. She said the government would declare a natural disaster, which "
                "allows insurers to pay out faster.\nThe valley was last flooded in 1999.",
    },
    "flood_b.json": {
        "title": "Ravelle flood toll rises to 11 as search continues",
        "source": "regional-daily.example", "published": "2026-10-15",
        "text": "The death toll from the Ravelle valley floods has risen to 11, the regional prefect said on "
                "Wednesday, after two bodies were found near Lurcy.\nRescuers are still searching for eight "
                "people. More than 300 soldiers have joined the search.\nThe prefect, Jean Mauger, said "
                "1,200 homes had been damaged and that the main road through the valley would stay closed "
                "until Friday.\nInsurers estimate the damage at 600 million euros.",
    },
    "coach.json": {
        "title": "Westbury United sack manager Kovac after eight games without a win",
        "source": "sport-desk.example", "published": "2026-11-09",
        "text": "Westbury United have sacked manager Dario Kovac after a run of eight league games without a "
                "win left the club 18th in the table.\nChairman Neil Hardy announced the decision on Sunday, "
                "a day after a 3-0 home defeat to Castlemere. \"Results have not been good enough,\" Hardy "
                "said.\nKovac, 47, joined in June 2025 from Slovan Trnava on a three-year contract. He won 11 "
                "of his 32 games in charge.\nAssistant coach Lewis Abbott will take charge of the team as "
                "interim manager for Saturday's match against Pennford.\nThe club said it hoped to appoint a "
                "permanent successor within two weeks.",
    },
    "trial.json": {
        "title": "Halvor heart drug cuts risk of second attack, trial finds",
        "source": "health-wire.example", "published": "2026-08-30",
        "text": "A daily pill developed by Danish drugmaker Halvor reduced the risk of a second heart attack by "
                "27% in a large trial, the company said on Saturday.\nThe study followed 14,200 patients in 31 "
                "countries for three years. Its results were presented at a cardiology congress in Madrid.\n"
                "The drug, called vantoril, lowers a blood fat that standard statins do not reach, said the "
                "trial's lead researcher, Dr Ana Ferreira of the University of Porto.\nHalvor plans to ask "
                "regulators in Europe and the United States to approve it early next year. Its shares rose "
                "11% in Copenhagen.\nAbout one in five patients stopped taking the pill because of side "
                "effects, mostly muscle pain.",
    },
}

QUESTIONS_R = [
    ("How many flights were cancelled because of the Aerolinea Sur strike?", ("300",)),
    ("What raise do the Aerolinea Sur pilots want?", ("9%",)),
    ("How much will the pilots' strike cost Aerolinea Sur?", ("25 million euros",)),
    ("Who is the chief executive of Aerolinea Sur?", ("Clara Ibanez",)),
    ("When will talks with the pilots resume?", ("Monday",)),
    ("How much is Harrowgate raising council tax?", ("4.9%",)),
    ("What was the vote on the Harrowgate budget?", ("31 votes to 22",)),
    ("Why does Harrowgate council need the money?", ("adult social care",)),
    ("How much more will a band D household pay in Harrowgate?", ("98 pounds",)),
    ("How much was RideNow fined?", ("32 million euros",)),
    ("Why was RideNow fined?", ("without proper safeguards", "sending the personal data")),
    ("How many drivers' records were involved in the RideNow case?", ("170,000",)),
    ("Will RideNow appeal the fine?", ("would appeal",)),
    ("How many people died in the Ravelle floods?", ("11", "nine")),
    ("How many people were evacuated in the Ravelle valley?", ("4,000",)),
    ("How much damage did the Ravelle floods cause?", ("600 million euros",)),
    ("When was the Ravelle valley last flooded?", ("1999",)),
    ("Who sacked Dario Kovac?", ("Westbury United",)),
    ("Who will manage Westbury United against Pennford?", ("Lewis Abbott",)),
    ("How many games did Kovac win at Westbury?", ("11 of his 32",)),
    ("Where did Kovac come from?", ("Slovan Trnava",)),
    ("By how much did vantoril cut the risk of a second heart attack?", ("27%",)),
    ("How many patients were in the Halvor trial?", ("14,200",)),
    ("Who led the vantoril trial?", ("Ana Ferreira",)),
    # events the reports do not hold
    ("How many Aerolinea Sur pilots were fired?", None),
    ("When did Harrowgate hold a council tax referendum?", None),
    ("How much was Uber fined by the Irish regulator?", None),
    ("How many people died in the Ravelle floods of 1999?", None),
    ("Who did Westbury United appoint as permanent manager?", None),
    ("When did regulators approve vantoril?", None),
]


# Set s (2026-12-07, stop 50): written after that session's changes and run once to report them. Seven
# longer reports (a hospital waiting list, a retailer's results, a corruption trial, a storm told by two
# outlets, a rail line's delay, a cup final, a new species), the same shapes as set r.
ARTICLES_S = {
    "waiting.json": {
        "title": "Hospital waiting list in Norland reaches record 412,000",
        "source": "health-desk.example", "published": "2026-04-09",
        "text": "The number of people waiting for planned hospital treatment in Norland rose to a record 412,000 in "
                "February, figures from the health authority showed on Thursday.\nA year earlier the list stood at "
                "365,000. About 38,000 patients have waited more than a year.\nHealth minister Jonas Berg said the "
                "rise was driven by a winter surge in flu admissions, which had forced hospitals to cancel about "
                "9,000 operations. He said an extra 120 million kroner would go to weekend surgery lists.\nThe "
                "nurses' union said the money would not help without more staff. It says 2,300 nursing posts are "
                "vacant.",
    },
    "retailer.json": {
        "title": "Maple & Finch profit falls 18% as shoppers cut back",
        "source": "business-wire.example", "published": "2026-06-04",
        "text": "Department store chain Maple & Finch reported an 18% fall in annual profit on Wednesday, to 142 "
                "million pounds, as shoppers spent less on clothing and homeware.\nSales fell 3% to 2.9 billion "
                "pounds. The company said it would close 14 of its 96 stores over the next two years, putting about "
                "1,100 jobs at risk.\nChief executive Hannah Okafor said online sales had grown 9% and now made up "
                "a third of the total. \"We are becoming a smaller but stronger business,\" she said.\nThe shares "
                "fell 7% in London. Last year the chain closed six stores.",
    },
    "trial.json": {
        "title": "Former port director jailed for six years over bribes",
        "source": "courts-report.example", "published": "2026-09-18",
        "text": "A former director of the port of Valmere was jailed for six years on Thursday for taking bribes "
                "from shipping companies in return for berth contracts.\nPetra Lund, 58, was found guilty last "
                "month of accepting about 2.4 million euros between 2018 and 2023. Two shipping executives were "
                "also convicted and received suspended sentences.\nJudge Marco Vitale said she had \"betrayed the "
                "trust of the city\". Prosecutors had asked for eight years.\nHer lawyer said she would appeal. "
                "The port authority said it had changed the way contracts are awarded.",
    },
    "storm_a.json": {
        "title": "Storm Idris leaves 80,000 homes without power",
        "source": "weather-news.example", "published": "2026-01-21",
        "text": "Storm Idris brought winds of up to 150 km/h to the west coast on Tuesday, leaving about 80,000 "
                "homes without power and closing the Kessel bridge.\nTwo people were killed when a tree fell on "
                "their car near Arden. Dozens of flights were cancelled at Port Ellis airport.\nThe grid operator "
                "said it hoped to restore power to most homes by Thursday.",
    },
    "storm_b.json": {
        "title": "Three dead as Storm Idris batters coast",
        "source": "coastal-times.example", "published": "2026-01-22",
        "text": "The death toll from Storm Idris rose to three on Wednesday after a fisherman was found dead near "
                "Harlow harbour, police said.\nPower had been restored to about half of the homes that lost it, "
                "the grid operator said. The Kessel bridge reopened on Wednesday morning.\nThe weather service "
                "said the storm was the strongest to hit the region since 2014.",
    },
    "rail.json": {
        "title": "Northern rail link delayed to 2031 as costs rise",
        "source": "transport-news.example", "published": "2026-07-15",
        "text": "The high-speed rail line between Corwen and Baymouth will open in 2031, three years later than "
                "planned, the transport ministry said on Tuesday.\nIts cost has risen to 21 billion euros from an "
                "estimate of 14 billion in 2022, mainly because of tunnelling problems under the Hessel hills.\n"
                "Transport minister Aiko Brandt blamed the previous government for \"unrealistic\" plans. The line "
                "will cut the journey time from three hours to 70 minutes.\nAbout 4,500 people work on the project.",
    },
    "final.json": {
        "title": "Kestrel Town win first cup in 40 years",
        "source": "football-desk.example", "published": "2026-05-17",
        "text": "Kestrel Town won the national cup for the first time in 40 years on Saturday, beating Oldport 2-1 "
                "in the final at Riverside Stadium.\nStriker Jamal Osei scored both goals, the winner coming in "
                "the 88th minute. Oldport had led at half-time through a penalty.\nThe crowd of 61,000 was the "
                "biggest for a final since the stadium opened.\nManager Ruth Daley, who took over in 2024, said the "
                "win was \"for the whole town\". The club was in the fourth tier eight years ago.",
    },
    "species.json": {
        "title": "New frog species found in Sierra Calima cloud forest",
        "source": "science-wire.example", "published": "2026-03-02",
        "text": "Researchers have described a new species of tree frog from the cloud forests of the Sierra Calima, "
                "a mountain range in western Colombia.\nThe frog, named Pristimantis calimensis, is about two "
                "centimetres long and has bright orange thighs. It was found by a team from the University of "
                "Cali led by biologist Lucia Restrepo.\nThe findings were published on Monday in the journal "
                "Zootaxa. The team says the species should be listed as endangered because its habitat is being "
                "cleared for cattle farming.",
    },
}

QUESTIONS_S = [
    ("How many people are waiting for hospital treatment in Norland?", ("412,000",)),
    ("Why did the Norland waiting list rise?", ("flu",)),
    ("How many operations were cancelled in Norland?", ("9,000",)),
    ("How much extra money is going to weekend surgery in Norland?", ("120 million kroner",)),
    ("How many nursing posts are vacant in Norland?", ("2,300",)),
    ("How much profit did Maple & Finch make?", ("142 million pounds",)),
    ("How many stores will Maple & Finch close?", ("14",)),
    ("How many jobs are at risk at Maple & Finch?", ("1,100",)),
    ("Who runs Maple & Finch?", ("Hannah Okafor",)),
    ("How long was Petra Lund jailed for?", ("six years",)),
    ("How much did Petra Lund take in bribes?", ("2.4 million euros",)),
    ("Who sentenced Petra Lund?", ("Marco Vitale",)),
    ("Will Petra Lund appeal?", ("would appeal",)),
    ("How many people died in Storm Idris?", ("three", "Two people")),
    ("How many homes lost power in Storm Idris?", ("80,000",)),
    ("When did the Kessel bridge reopen?", ("Wednesday",)),
    ("When will the Corwen-Baymouth rail line open?", ("2031",)),
    ("How much will the Corwen-Baymouth line cost?", ("21 billion euros",)),
    ("Why has the cost of the Corwen rail line risen?", ("tunnelling",)),
    ("Who won the national cup final?", ("Kestrel Town",)),
    ("Who scored for Kestrel Town in the final?", ("Jamal Osei",)),
    ("How many people watched the cup final?", ("61,000",)),
    ("Who found the new frog species in the Sierra Calima?", ("Lucia Restrepo", "University of Cali")),
    ("Where was the new frog published?", ("Zootaxa",)),
    # events the reports do not hold
    ("How many nurses went on strike in Norland?", None),
    ("When did Maple & Finch's chief executive resign?", None),
    ("How much was Petra Lund fined?", None),
    ("How many people were injured in Storm Idris?", None),
    ("Who won the cup final last year?", None),
    ("When was the Sierra Calima frog declared endangered?", None),
]


# set t (stop 51, written before it was run): questions as people type them in a chat, the context
# first and the question after ("The bank raised rates again. By how much?"), over seven reports
ARTICLES_T = {
    "rates.json": {
        "title": "Central bank of Ostrava lifts its main rate to 4.75%",
        "source": "markets-daily.example", "published": "2026-03-19",
        "text": "The central bank of Ostrava raised its main interest rate by a quarter of a percentage point to "
                "4.75% on Thursday, its fifth increase in a year.\nGovernor Elena Varga said inflation, at 6.1% in "
                "February, was still far above the bank's 2% target. Two of the seven board members voted to keep "
                "the rate unchanged.\nThe bank expects inflation to fall to 3% by the end of next year. Mortgage "
                "lenders said monthly payments on a typical loan would rise by about 40 euros.",
    },
    "wildfire.json": {
        "title": "Wildfire near Las Pinas forces 6,500 from their homes",
        "source": "west-coast-news.example", "published": "2026-08-11",
        "text": "About 6,500 people were ordered to leave their homes near Las Pinas on Monday as a wildfire spread "
                "across dry hills east of the town.\nThe fire has burned 12,000 hectares since it started on Saturday "
                "and was 15% contained by Monday evening, fire officials said. More than 900 firefighters and "
                "eleven aircraft are fighting it.\nInvestigators believe it was started by sparks from a power line. "
                "Twenty-three homes have been destroyed. No deaths have been reported, but two firefighters were "
                "treated for burns.",
    },
    "breach.json": {
        "title": "Retail app Cartwheel says hackers stole 2.1 million customer records",
        "source": "tech-ledger.example", "published": "2026-05-27",
        "text": "Shopping app Cartwheel said on Tuesday that hackers had stolen the names, email addresses and "
                "phone numbers of 2.1 million customers.\nThe company said the attackers got in through a "
                "contractor's account and were inside its systems for nine days before they were found. Card "
                "numbers were not taken, it said.\nCartwheel has told the data protection regulator and is "
                "emailing every customer affected. Its founder, Tomas Reyes, apologised in a video message. "
                "Customers were advised to watch for fake emails.",
    },
    "strike.json": {
        "title": "Teachers in Brenford to strike for three days next week",
        "source": "schools-report.example", "published": "2026-10-02",
        "text": "Teachers in Brenford will strike for three days next week after talks over pay and class sizes "
                "broke down, their union said on Friday.\nThe union, which represents 4,800 teachers in the "
                "district, wants a 7% raise; the district has offered 3.5%. Union leader Amira Haddad said classes "
                "of more than 32 pupils had become normal.\nAbout 61,000 pupils will be affected. The district said "
                "schools would stay open for children of key workers.",
    },
    "launch.json": {
        "title": "Nordstar rocket puts weather satellite into orbit on second try",
        "source": "space-wire.example", "published": "2026-07-15",
        "text": "A Nordstar-2 rocket lifted off from the Andøya spaceport on Tuesday and placed a weather satellite "
                "into orbit, two weeks after a first attempt was called off seconds before launch.\nThe 640-"
                "kilogram satellite, called Skade, will measure sea ice and wind over the Arctic for at least "
                "seven years. It was built by the Bergen firm Polaris Systems.\nThe June attempt was stopped "
                "when a sensor showed a pressure drop in the second stage. The launch company said a faulty "
                "valve had been replaced.",
    },
    "water.json": {
        "title": "Residents of Dunmore told to boil tap water after E. coli found",
        "source": "local-times.example", "published": "2026-09-03",
        "text": "About 18,000 homes in Dunmore were told on Wednesday to boil their tap water before drinking it "
                "after E. coli bacteria were found in routine tests.\nThe water company, Clearbrook Water, said the "
                "bacteria were found at the Hollins reservoir and it was flushing the pipes. Bottled water is being "
                "handed out at the leisure centre.\nThe notice is expected to last at least five days. Four people "
                "have been treated in hospital for stomach illness, but doctors said it was not yet known whether "
                "the water was the cause.",
    },
    "museum.json": {
        "title": "Harwick maritime museum reopens after four-year rebuild",
        "source": "arts-review.example", "published": "2026-05-02",
        "text": "The Harwick Maritime Museum reopened on Saturday after a four-year rebuild that cost 38 million "
                "pounds.\nThe museum was closed in 2022 after a storm flooded its basement stores. Its new galleries "
                "hold the restored hull of the Mary Ellen, a fishing boat built in 1894.\nDirector Owen Price said "
                "about 2,000 visitors came on the first day. Entry is free for children under 16, and tickets for "
                "adults cost 12 pounds.",
    },
}

QUESTIONS_T = [
    ("The central bank of Ostrava raised rates again this week. What is the main rate now?", ("4.75%",)),
    ("Ostrava's central bank put rates up on Thursday. Why?", ("inflation",)),
    ("Two Ostrava board members voted against the rise. How many members does the board have?", ("seven",)),
    ("Ostrava's bank governor spoke after the decision. When does the bank expect inflation to reach 3%?",
     ("end of next year",)),
    ("A wildfire is burning near Las Pinas. How many people had to leave their homes?", ("6,500",)),
    ("The Las Pinas fire started on Saturday. How big is it now?", ("12,000 hectares",)),
    ("There is a wildfire near Las Pinas. What started it?", ("power line",)),
    ("The Las Pinas fire has destroyed homes. How many?", ("Twenty-three",)),
    ("Cartwheel was hacked. How many customers were affected?", ("2.1 million",)),
    ("Hackers got into the Cartwheel shopping app. How did they get in?", ("contractor",)),
    ("Cartwheel's founder apologised for the breach. What is his name?", ("Tomas Reyes",)),
    ("Cartwheel lost customer data to hackers. How long were they inside its systems?", ("nine days",)),
    ("Brenford teachers are going on strike next week. How long will the strike last?", ("three days",)),
    ("The Brenford teachers' union wants more pay. What raise has the district offered?", ("3.5%",)),
    ("Teachers in Brenford are striking. How many pupils are affected?", ("61,000",)),
    ("A Nordstar rocket launched a weather satellite on Tuesday. Who built the satellite?", ("Polaris Systems",)),
    ("The Nordstar-2 launch was called off in June. What went wrong?", ("pressure drop", "valve")),
    ("Skade is a new weather satellite. How long will it work?", ("seven years",)),
    ("Dunmore residents have to boil their water. What was found in it?", ("E. coli",)),
    ("Dunmore has a boil-water notice. How long will it last?", ("five days",)),
    ("E. coli was found in Dunmore's water. Where was it found?", ("Hollins reservoir",)),
    ("The Harwick Maritime Museum has reopened. How much did the rebuild cost?", ("38 million pounds",)),
    ("The Harwick museum reopened on Saturday. Why was it closed?", ("storm",)),
    ("Harwick's maritime museum is open again. How much is an adult ticket?", ("12 pounds",)),
    # events the reports do not hold
    ("The Ostrava central bank raised rates. Who resigned from the board?", None),
    ("The Las Pinas wildfire is still burning. How many people died?", None),
    ("Cartwheel was hacked. How much ransom did the hackers demand?", None),
    ("Brenford's teachers are striking. When did the district sack the union leader?", None),
    ("The Nordstar-2 rocket reached orbit. How much did the launch cost?", None),
    ("The Harwick museum has reopened. Who opened it officially?", None),
]


# set u (stop 51, written after set t's changes, run once to report them): plain questions and ones
# typed with their context first, over seven more reports
ARTICLES_U = {
    "airport.json": {
        "title": "Kelmore airport to add second runway after approval",
        "source": "regional-post.example", "published": "2026-02-24",
        "text": "Planners approved a second runway at Kelmore airport on Monday, ending a six-year dispute with "
                "residents of nearby villages.\nThe 2.8-kilometre runway will cost 410 million euros and should open "
                "in 2030, the airport said. It expects passenger numbers to grow from 9 million a year to 14 million."
                "\nThe residents' group Quiet Skies said it would challenge the decision in court. Its chair, Ruth "
                "Adeyemi, said night flights would wake thousands of families.",
    },
    "factory.json": {
        "title": "Brandt Motors to shut Lindau plant, cutting 1,300 jobs",
        "source": "industry-news.example", "published": "2026-06-17",
        "text": "Carmaker Brandt Motors will close its engine plant in Lindau by the end of next year, cutting "
                "about 1,300 jobs, the company said on Wednesday.\nBrandt said demand for petrol engines had fallen "
                "by a third since 2023 as buyers switched to electric cars. Production will move to its plant in "
                "Győr in Hungary.\nThe metalworkers' union called the closure a betrayal and said it would hold a "
                "protest outside the plant on Saturday. Lindau's mayor, Stefan Kurz, said the town would lose its "
                "largest employer.",
    },
    "election.json": {
        "title": "Marta Solberg wins Aldby mayoral race by 212 votes",
        "source": "city-herald.example", "published": "2026-11-04",
        "text": "Marta Solberg was elected mayor of Aldby on Tuesday, beating the sitting mayor, Leif Anders, by 212 "
                "votes after a recount.\nTurnout was 41%, down from 48% four years ago. Solberg, a former "
                "head teacher, campaigned on cheaper bus fares and more housing.\nAnders conceded on Wednesday "
                "morning and said he would not run again. Solberg will take office on January 1.",
    },
    "quake.json": {
        "title": "Magnitude 6.1 earthquake shakes southern Tarsos",
        "source": "world-desk.example", "published": "2026-04-08",
        "text": "A magnitude 6.1 earthquake struck southern Tarsos early on Tuesday, killing at least nine people and "
                "injuring about 140, officials said.\nThe quake was centred 20 kilometres north of the port city of "
                "Kalos at a depth of 10 kilometres. Several old buildings in Kalos collapsed, and schools across the "
                "region were closed for two days.\nRescuers were still searching for survivors on Tuesday night. "
                "The government has sent 600 soldiers to help.",
    },
    "library.json": {
        "title": "Greywater library to stay open after crowdfunding drive",
        "source": "community-news.example", "published": "2026-03-30",
        "text": "The Greywater community library will stay open after residents raised 86,000 pounds in six weeks, "
                "the library's trustees said on Sunday.\nThe council cut its funding last year, and the trustees had "
                "warned the library would close in April. More than 1,900 people gave money, the largest gift "
                "being 5,000 pounds from a local builder.\nThe library will now open four days a week instead of "
                "six. Head librarian Nadia Okoro said volunteers would run a new homework club.",
    },
    "recall.json": {
        "title": "Frostline recalls 240,000 freezers over fire risk",
        "source": "consumer-watch.example", "published": "2026-08-20",
        "text": "Appliance maker Frostline is recalling 240,000 chest freezers sold between 2022 and 2025 because a "
                "faulty wire can overheat and start a fire.\nThe company said it knew of 17 fires linked to the "
                "fault, none of which caused injuries. Owners should unplug the freezers and contact Frostline for "
                "a free repair or a refund.\nThe freezers were sold under the Frostline and Polar Home brands by "
                "several large retailers.",
    },
    "orchestra.json": {
        "title": "Vesna Orchestra names Ilse Marr as music director",
        "source": "arts-review.example", "published": "2026-09-09",
        "text": "The Vesna Orchestra has named the Austrian conductor Ilse Marr as its next music director, the first "
                "woman to hold the post in its 120-year history.\nMarr, 44, will succeed Pavel Rusu, who is retiring "
                "after 18 years, and will start in September 2027. She has signed a five-year contract.\nShe is "
                "currently principal conductor of the Linz Chamber Orchestra. The orchestra's chair said Marr had "
                "been chosen from 60 candidates.",
    },
}

QUESTIONS_U = [
    ("How much will Kelmore's second runway cost?", ("410 million euros",)),
    ("Kelmore airport got approval for a new runway. When will it open?", ("2030",)),
    ("Who is challenging the Kelmore runway decision?", ("Quiet Skies",)),
    ("How many passengers does Kelmore airport expect?", ("14 million",)),
    ("How many jobs will go at Brandt's Lindau plant?", ("1,300",)),
    ("Brandt Motors is closing its Lindau plant. Where will production move?", ("Győr",)),
    ("Why is Brandt closing the Lindau plant?", ("demand for petrol engines",)),
    ("What did Lindau's mayor say about the closure?", ("largest employer",)),
    ("Who won the Aldby mayoral election?", ("Marta Solberg",)),
    ("Marta Solberg won in Aldby. By how many votes?", ("212",)),
    ("What was the turnout in the Aldby election?", ("41%",)),
    ("Aldby has a new mayor. When does she take office?", ("January 1",)),
    ("How many people died in the Tarsos earthquake?", ("nine",)),
    ("An earthquake hit southern Tarsos on Tuesday. How strong was it?", ("6.1",)),
    ("How many soldiers were sent after the Tarsos quake?", ("600",)),
    ("How much did Greywater residents raise for their library?", ("86,000 pounds",)),
    ("The Greywater library has been saved. Why was it going to close?", ("cut its funding",)),
    ("How many days a week will the Greywater library open?", ("four",)),
    ("Frostline is recalling freezers. How many?", ("240,000",)),
    ("Why is Frostline recalling its freezers?", ("faulty wire", "fire")),
    ("How many fires were linked to the Frostline fault?", ("17",)),
    ("Who will be the Vesna Orchestra's next music director?", ("Ilse Marr",)),
    ("Ilse Marr is the Vesna Orchestra's new music director. Who is she replacing?", ("Pavel Rusu",)),
    ("Vesna named a new music director. How long is her contract?", ("five-year", "five years")),
    # events the reports do not hold
    ("How many flights a day will Kelmore's new runway handle?", None),
    ("How much compensation will Brandt pay the Lindau workers?", None),
    ("Leif Anders lost in Aldby. Who did he endorse?", None),
    ("The Tarsos earthquake damaged Kalos. How many aftershocks followed?", None),
    ("Who gave the Greywater library its largest gift of 50,000 pounds?", None),
    ("Frostline is recalling freezers. How many people were injured?", None),
]


# set v (stop 51, written after set u's changes, run once to report them): plain and context-first
# questions, some stating a figure, over seven more reports
ARTICLES_V = {
    "ferry-sale.json": {
        "title": "Nordhavn Lines sold to Baltic Shipping Group for 1.2 billion euros",
        "source": "shipping-times.example", "published": "2026-01-14",
        "text": "Ferry operator Nordhavn Lines has agreed to be bought by Baltic Shipping Group for 1.2 billion euros, "
                "the two companies said on Tuesday.\nNordhavn runs 23 ships on routes between Denmark, Germany and "
                "Sweden and carried 6.4 million passengers last year. Baltic said it would keep the Nordhavn name "
                "and its 3,100 staff.\nThe deal still needs approval from competition regulators in Brussels, which "
                "the companies expect by the summer. Nordhavn's chief executive, Jens Lauritsen, will step down once "
                "the sale is complete.",
    },
    "heat-record.json": {
        "title": "Sevrin records hottest night on record at 31.2C",
        "source": "weather-desk.example", "published": "2026-07-23",
        "text": "The city of Sevrin recorded its hottest night on Monday, with the temperature not falling below "
                "31.2C, the national weather service said.\nThe previous record, 29.8C, was set in 2019. Hospitals "
                "reported a rise in heat-related admissions, and the city opened 14 cooling centres in libraries and "
                "sports halls.\nForecasters expect the heat to break on Thursday, when storms are likely.",
    },
    "bridge-collapse.json": {
        "title": "Footbridge collapses in Varna park, injuring eight",
        "source": "city-desk.example", "published": "2026-05-11",
        "text": "A wooden footbridge in Varna's Central Park collapsed on Sunday afternoon, injuring eight people, two "
                "of them seriously.\nAbout 30 people were on the bridge, which crosses a shallow pond, when it gave "
                "way. Witnesses said a crowd had gathered to watch a rowing race.\nThe park's manager said the bridge "
                "had passed an inspection in March. Police have opened an investigation, and the city has closed two "
                "other bridges in the park as a precaution.",
    },
    "vaccine.json": {
        "title": "Regulator approves first vaccine against chikungunya for children",
        "source": "health-wire.example", "published": "2026-10-06",
        "text": "The Andean Medicines Agency has approved a chikungunya vaccine for children aged two to eleven, the "
                "first for that age group.\nThe vaccine, made by Vireo Bio, was given to 3,200 children in trials in "
                "Brazil and Colombia and prevented 92% of infections. It is given as a single dose.\nVireo said it "
                "could supply 10 million doses next year. Chikungunya, spread by mosquitoes, causes fever and severe "
                "joint pain.",
    },
    "trial-verdict.json": {
        "title": "Former minister Anton Kral cleared of fraud",
        "source": "courts-report.example", "published": "2026-06-26",
        "text": "A court in Brno cleared former transport minister Anton Kral of fraud on Thursday, ending a case "
                "that lasted three years.\nProsecutors had accused him of steering a 45 million euro road contract to "
                "a company run by his brother-in-law. Judge Eva Horakova said there was no evidence that Kral had "
                "influenced the tender.\nProsecutors said they would study the ruling before deciding whether to "
                "appeal. Kral said he would return to politics.",
    },
    "festival.json": {
        "title": "Lowmoor music festival cancelled after flooding",
        "source": "arts-review.example", "published": "2026-08-07",
        "text": "Organisers of the Lowmoor music festival cancelled this year's event on Thursday, a day before it was "
                "due to start, after heavy rain flooded the site.\nAbout 40,000 people had bought tickets. The "
                "organisers said every ticket holder would get a full refund within 14 days.\nIt is the first time "
                "the festival has been cancelled since it began in 1998. The headliners were to include the band "
                "Glass Harbour.",
    },
    "tram.json": {
        "title": "Easton tram extension opens, two years late",
        "source": "transport-news.example", "published": "2026-09-28",
        "text": "A 6-kilometre extension of Easton's tram network opened on Sunday, two years later than planned.\n"
                "The line adds seven stops and links the city centre with the university hospital. It cost 290 "
                "million pounds, 60 million more than budgeted, after the builder found old mine shafts under the "
                "route.\nTrams will run every six minutes at peak times. The city expects 18,000 journeys a day on "
                "the new section.",
    },
}

QUESTIONS_V = [
    ("Who is buying Nordhavn Lines?", ("Baltic Shipping Group",)),
    ("Nordhavn Lines is being sold. How much is the deal worth?", ("1.2 billion euros",)),
    ("How many ships does Nordhavn run?", ("23",)),
    ("Nordhavn is being sold for 1.2 billion euros. Who has to approve it?", ("competition regulators",)),
    ("What was the temperature on Sevrin's hottest night?", ("31.2C",)),
    ("Sevrin just had its hottest night. What was the old record?", ("29.8C",)),
    ("How many cooling centres did Sevrin open?", ("14",)),
    ("How many people were hurt when the Varna footbridge collapsed?", ("eight",)),
    ("A footbridge in Varna's park collapsed on Sunday. Why were people on it?", ("rowing race",)),
    ("When was the Varna footbridge last inspected?", ("March",)),
    ("Who makes the new chikungunya vaccine for children?", ("Vireo Bio",)),
    ("The chikungunya vaccine was tested on 3,200 children. How well did it work?", ("92%",)),
    ("How many doses can Vireo supply next year?", ("10 million",)),
    ("Anton Kral was cleared on Thursday. What was he accused of?", ("road contract", "steering")),
    ("Who cleared Anton Kral?", ("Eva Horakova", "court in Brno")),
    ("Will prosecutors appeal Kral's acquittal?", ("study the ruling",)),
    ("Why was the Lowmoor festival cancelled?", ("flooded", "heavy rain")),
    ("Lowmoor was cancelled. How many people had tickets?", ("40,000",)),
    ("When did the Lowmoor festival begin?", ("1998",)),
    ("How long is Easton's tram extension?", ("6-kilometre",)),
    ("Easton's tram extension opened on Sunday. How much did it cost?", ("290 million pounds",)),
    ("Why did the Easton tram extension cost more than planned?", ("mine shafts",)),
    ("How often will Easton trams run at peak times?", ("every six minutes",)),
    ("The Easton tram extension has seven new stops. How many journeys a day are expected?", ("18,000",)),
    # events the reports do not hold
    ("Nordhavn is being sold for 2.1 billion euros. Who is the buyer?", None),
    ("How many people died in Sevrin's heat?", None),
    ("Who was arrested over the Varna footbridge collapse?", None),
    ("How much will the chikungunya vaccine cost?", None),
    ("Anton Kral was convicted of fraud. How long was his sentence?", None),
    ("Who was headlining the Lowmoor festival's sold-out 60,000-ticket weekend?", None),
]


ARTICLES_W = {
    "port-strike.json": {
        "title": "Harlow dockworkers walk out over automated cranes",
        "source": "maritime-daily.example", "published": "2026-03-09",
        "text": "HARLOW — About 2,400 dockworkers at the port of Harlow began a 72-hour strike on Monday, halting "
                "most container traffic at Britain's fourth-busiest port.\nThe Dock and Harbour Workers Union called "
                "the walkout after Meridian Ports, which runs the terminal, confirmed plans to install automated "
                "cranes from next year. The equipment will cost 180 million pounds.\n\"They are asking us to train "
                "the machines that will replace us,\" said Carla Benning, the union's general secretary. She said "
                "as many as 600 jobs could go.\nMeridian disputed that figure. The company said about 40 roles "
                "would change and that nobody would be made redundant. It said talks could resume on Thursday.",
    },
    "wildfire.json": {
        "title": "Wildfire near Castell forces thousands from their homes",
        "source": "iberia-news.example", "published": "2026-07-16",
        "text": "A wildfire in the hills above Castell has burned 3,200 hectares since Tuesday and forced about "
                "5,000 people to leave their homes, officials said on Wednesday.\nMore than 400 firefighters and "
                "six water-dropping planes are fighting the blaze. One firefighter was treated in hospital for "
                "burns to his hands.\nInvestigators believe it was started by a power line that came down in "
                "strong winds. The regional governor, Marta Solis, declared a state of emergency on Wednesday "
                "morning and asked residents to stay away from the area.\nThe region's worst fire, in 2017, "
                "burned 9,000 hectares.",
    },
    "keller-ceo.json": {
        "title": "Keller Foods picks insider to lead it after profit warning",
        "source": "business-wire.example", "published": "2026-06-02",
        "text": "Keller Foods has named Priya Anand as its chief executive, three months after a profit warning sent "
                "its shares down 12%.\nAnand, 49, has run the company's frozen food division since 2021. She will "
                "take over on 1 September from interim chief Lars Moen, who has led the group since Tom Brandt "
                "left in April.\nThe company, which makes soups, sauces and ready meals, had revenue of 4.3 "
                "billion dollars last year. In March it warned that higher costs for packaging and energy would "
                "cut its profit by a fifth.\nAnalysts said the choice of an insider suggested the board wanted "
                "stability rather than a break-up of the group.",
    },
    "exoplanet.json": {
        "title": "Water vapour found on planet orbiting nearby star",
        "source": "science-today.example", "published": "2026-04-21",
        "text": "Astronomers have found water vapour in the atmosphere of a planet about 48 light-years from Earth, "
                "a team at the University of Lund reported on Tuesday.\nThe planet, TOI-2281b, is about twice the "
                "size of Earth and goes round its star every nine days. The team, led by Hana Okafor, used the "
                "James Webb Space Telescope to study starlight passing through its atmosphere.\n\"It is exciting, "
                "but nothing could live there,\" Okafor said. Its surface is thought to be about 400C.\nShe said "
                "the team would look next for carbon dioxide and methane.",
    },
    "manager-sacked.json": {
        "title": "Ridgeway United sack Paolo Venti after 5-0 defeat",
        "source": "football-desk.example", "published": "2026-11-02",
        "text": "Ridgeway United have sacked manager Paolo Venti, a day after a 5-0 home defeat by Carrow City left "
                "the club 18th of 20 in the league.\nVenti, who was appointed in the summer of 2024, had won only "
                "two of his last 14 matches. His contract was due to run until 2028.\nThe club said his assistant, "
                "Lewis Orme, would take charge of the team for the next two games while it looks for a permanent "
                "replacement.\n\"We thank Paolo for his hard work,\" chairman Derek Holm said.",
    },
    "scooter-recall.json": {
        "title": "Tolvik recalls e-scooters after battery fires",
        "source": "consumer-news.example", "published": "2026-02-12",
        "text": "Tolvik is recalling 26,000 electric scooters sold in Norway, Sweden and Finland after seven of them "
                "caught fire while charging.\nThe Nordic Consumer Safety Board said one person was treated for smoke "
                "inhalation. No one was seriously hurt.\nThe recall covers the T2 model sold since March 2024. The "
                "company said a fault in a battery cell could make it overheat. Owners should stop using the "
                "scooter and will get a full refund, it said.",
    },
}

QUESTIONS_W = [
    ("How long will the Harlow dockworkers' strike last?", ("72-hour", "72 hours")),
    ("Why are the Harlow dockworkers striking?", ("automated cranes",)),
    ("How many jobs does the union say are at risk at Harlow?", ("600",)),
    ("Who leads the dockworkers' union?", ("Carla Benning",)),
    ("How many people were evacuated because of the Castell fire?", ("5,000",)),
    ("What is thought to have started the Castell wildfire?", ("power line",)),
    ("How big is the area burned near Castell?", ("3,200 hectares",)),
    ("Who declared an emergency over the Castell fire?", ("Marta Solis",)),
    ("Who is Keller Foods' new chief executive?", ("Priya Anand",)),
    ("What did Priya Anand do before she got the top job?", ("frozen food division",)),
    ("When does Anand start at Keller?", ("1 September",)),
    ("Why did Keller Foods' shares fall?", ("profit warning", "packaging and energy")),
    ("How far away is the planet where water vapour was found?", ("48 light-years",)),
    ("Who led the team that found water on TOI-2281b?", ("Hana Okafor",)),
    ("Could anything live on TOI-2281b?", ("nothing could live there",)),
    ("How long is a year on TOI-2281b?", ("nine days",)),
    ("Why was Paolo Venti sacked?", ("5-0",)),
    ("Who will take charge of Ridgeway United now?", ("Lewis Orme",)),
    ("Where are Ridgeway in the league?", ("18th",)),
    ("When was Venti appointed?", ("2024",)),
    ("How many Tolvik scooters are being recalled?", ("26,000",)),
    ("Why are Tolvik scooters being recalled?", ("caught fire", "overheat")),
    ("What will owners of the recalled scooters get?", ("full refund",)),
    ("How many of the scooters caught fire?", ("seven",)),
    # events the reports do not hold
    ("How many dockworkers were arrested during the Harlow strike?", None),
    ("How many homes did the Castell fire destroy?", None),
    ("Why did Priya Anand resign from Keller Foods?", None),
    ("When did the team find oxygen on TOI-2281b?", None),
    ("Who did Carrow City appoint as their new manager?", None),
    ("How many people were killed by Tolvik scooter fires?", None),
]


ARTICLES_X = {
    "mayor-verdict.json": {
        "title": "Former Dunmore mayor jailed for four years over bribes",
        "source": "northern-courier.example", "published": "2026-05-14",
        "text": "DUNMORE — Gerald Pike, who was mayor of Dunmore for eleven years, was sentenced on Wednesday to "
                "four years in prison for taking bribes from building firms.\nA jury found him guilty in March of "
                "accepting about 310,000 pounds in cash and holidays in return for planning permission. Two "
                "developers who paid him were given suspended sentences.\nJudge Alison Grey told the court he had "
                "\"sold the trust of the people who elected him\". She also barred him from holding public office "
                "for ten years.\nPike, 61, denied the charges throughout the trial. His lawyer said he would "
                "appeal against the conviction.\nThe council said it had tightened its rules on gifts since the case "
                "came to light in 2023.",
    },
    "rate-rise.json": {
        "title": "Central bank lifts rates again as prices keep climbing",
        "source": "market-watch.example", "published": "2026-09-24",
        "text": "The Bank of Ostrava raised its main interest rate by a quarter of a point to 4.5% on Thursday, "
                "its third increase this year.\nInflation reached 6.1% in August, well above the bank's 2% target, "
                "driven by food and rents. Governor Miroslav Hajek said the bank was ready to act again if prices did "
                "not slow.\nSeven of the nine members of the rate committee voted for the rise; two wanted to keep "
                "rates on hold, warning that the economy was close to recession.\nThe decision pushed the koruna up "
                "0.8% against the euro. The next rate decision is due on 5 November.",
    },
    "quake.json": {
        "title": "Strong earthquake shakes coast of Valdora",
        "source": "world-desk.example", "published": "2026-10-03",
        "text": "A magnitude 6.4 earthquake struck off the coast of Valdora early on Saturday, killing at least 14 "
                "people and injuring more than 200, the civil protection agency said.\nThe quake hit at 4:12 a.m. "
                "about 30 kilometres west of the port city of Marisco, at a depth of 10 kilometres. Most of the "
                "dead were in two apartment blocks that collapsed in the old town.\nA tsunami warning was issued "
                "for the coast and lifted two hours later. Rescuers were still searching the rubble on Saturday "
                "evening.\nPresident Elena Ruiz flew to Marisco and promised money to rebuild. It was the strongest "
                "quake in the region since 1987.",
    },
    "takeover.json": {
        "title": "Brightwave buys Lumo for $1.2 billion",
        "source": "tech-ledger.example", "published": "2026-08-11",
        "text": "Brightwave, the maker of home security cameras, has agreed to buy the smart-lock start-up Lumo for "
                "1.2 billion dollars in cash, the companies said on Monday.\nLumo was founded in 2019 by Ines Carvalho "
                "and Tariq Nadeem and has sold about three million locks. It lost 45 million dollars last year.\n"
                "Brightwave's chief executive, Sam Whitlock, said the deal would let customers run cameras and locks "
                "from one app. Carvalho will stay on to run Lumo as a unit of the group.\nThe deal needs the approval "
                "of competition regulators and is expected to close early next year. Brightwave's shares fell 3% on "
                "the news.",
    },
    "election.json": {
        "title": "Greens top Halvard election but fall short of majority",
        "source": "nordic-politics.example", "published": "2026-09-14",
        "text": "The Green Alliance won the most seats in Halvard's regional election on Sunday but will need partners "
                "to govern, final results showed on Monday.\nThe party took 41 of the assembly's 95 seats, up from 29. "
                "The ruling Liberal Party fell to 27 seats, its worst result since 1990, and its leader, Anders Vik, "
                "said he would step down.\nTurnout was 68%, the highest in two decades.\nGreen leader Maja Lind said "
                "she would start talks with the Social Democrats, who won 15 seats, this week.",
    },
    "museum-theft.json": {
        "title": "Two arrested after paintings stolen from Kessel museum",
        "source": "culture-news.example", "published": "2026-04-07",
        "text": "Police in Kessel have arrested two men after three paintings were stolen from the city's fine arts "
                "museum at the weekend.\nThe thieves broke in through a skylight early on Sunday and took the works, "
                "including a landscape by the 19th-century painter Johan Brant, within about six minutes. The museum "
                "values the three at about 8 million euros.\nThe men, aged 34 and 41, were held at a flat in the "
                "city on Monday evening. Officers found one of the paintings there, undamaged.\nThe other two are "
                "still missing. The museum's director, Ruth Engel, said its alarm had been switched off for repairs.",
    },
}

QUESTIONS_X = [
    ("How long was Gerald Pike jailed for?", ("four years",)),
    ("How much did the former Dunmore mayor take in bribes?", ("310,000",)),
    ("Who sentenced Pike?", ("Alison Grey",)),
    ("Will Pike appeal?", ("appeal",)),
    ("What interest rate did the Bank of Ostrava set?", ("4.5%",)),
    ("What is inflation in Ostrava?", ("6.1%",)),
    ("How many members of the committee voted against the rate rise?", ("two",)),
    ("When is Ostrava's next rate decision?", ("5 November",)),
    ("How strong was the Valdora earthquake?", ("6.4",)),
    ("How many people died in the Valdora quake?", ("14",)),
    ("Where did most of the Valdora quake victims die?", ("apartment blocks", "old town")),
    ("Was there a tsunami after the Valdora earthquake?", ("tsunami warning",)),
    ("How much is Brightwave paying for Lumo?", ("1.2 billion",)),
    ("Who founded Lumo?", ("Ines Carvalho",)),
    ("Why is Brightwave buying Lumo?", ("one app",)),
    ("Is Lumo profitable?", ("lost 45 million",)),
    ("How many seats did the Greens win in Halvard?", ("41",)),
    ("Who is resigning after the Halvard election?", ("Anders Vik",)),
    ("What was the turnout in the Halvard election?", ("68%",)),
    ("Who will the Greens negotiate with?", ("Social Democrats",)),
    ("How many paintings were stolen in Kessel?", ("three",)),
    ("How did the thieves get into the Kessel museum?", ("skylight",)),
    ("What are the stolen paintings worth?", ("8 million",)),
    ("Why didn't the alarm go off at the Kessel museum?", ("switched off for repairs",)),
    # events the reports do not hold
    ("How much was Gerald Pike fined?", None),
    ("Who replaced Miroslav Hajek as governor?", None),
    ("How many buildings collapsed in the Valdora tsunami?", None),
    ("How much did Lumo pay for Brightwave's camera business?", None),
    ("When did Maja Lind become prime minister?", None),
    ("Who bought the stolen Brant landscape?", None),
]


ARTICLES_Y = {
    "emergency-landing.json": {
        "title": "Airliner makes emergency landing in Brenna after engine fire",
        "source": "air-desk.example", "published": "2026-06-18",
        "text": "A Skylane Airways jet with 184 people on board made an emergency landing in Brenna on Wednesday "
                "after one of its engines caught fire shortly after take-off.\nThe Airbus A321 was flying from "
                "Brenna to Lisbon when the crew reported the fire about ten minutes into the flight. It returned "
                "to the airport and landed safely at 11:40 a.m.\nPassengers left the plane on emergency slides. "
                "Four of them were treated for minor injuries, the airport said.\nThe national air accident "
                "agency has opened an investigation. Skylane said the aircraft was nine years old and had passed "
                "a full inspection in March.",
    },
    "school-mould.json": {
        "title": "Hollins school closed after mould found in classrooms",
        "source": "local-news.example", "published": "2026-01-22",
        "text": "St Brendan's primary school in Hollins will stay closed until at least February half-term after "
                "inspectors found mould in eleven classrooms.\nThe council said the problem was caused by a leaking "
                "roof that had not been repaired since last winter. About 320 pupils will be taught at the town's "
                "leisure centre in the meantime.\nHead teacher Fiona Carr said parents had been told on Monday. "
                "\"The children's health comes first,\" she said.\nThe council has set aside 450,000 pounds for "
                "the repairs.",
    },
    "transfer.json": {
        "title": "Marlow City sign striker Duarte in club-record deal",
        "source": "football-desk.example", "published": "2026-08-29",
        "text": "Marlow City have signed the Portuguese striker Rui Duarte from Estrela for a club-record fee of "
                "48 million euros.\nThe 23-year-old scored 27 goals in all competitions last season and has "
                "agreed a five-year contract. He will wear the number nine shirt.\nCity's previous record was "
                "the 35 million euros they paid for Leon Baptiste in 2024.\nManager Erik Solberg said Duarte "
                "would make his debut against Harwood on Saturday if his work permit came through in time.",
    },
    "heatwave.json": {
        "title": "Heatwave breaks national temperature record",
        "source": "weather-today.example", "published": "2026-07-24",
        "text": "A temperature of 43.1C was recorded in the town of Valmar on Thursday, the highest since national "
                "records began in 1880, the meteorological office said.\nThe previous record, 41.9C, was set in "
                "the same region in 2019. Forecasters expect the heat to last until Sunday.\nThe health ministry "
                "said hospitals had treated more than 900 people for heat-related illness this week. Two elderly "
                "people died in the capital.\nTrains on several lines ran at reduced speed because of fears that "
                "the rails could buckle.",
    },
    "breach.json": {
        "title": "Retailer Forde says hackers stole customer details",
        "source": "tech-ledger.example", "published": "2026-03-05",
        "text": "The clothing retailer Forde said on Tuesday that hackers had stolen the names, addresses and email "
                "addresses of about 1.4 million online customers.\nThe company said payment card details were not "
                "taken because they are stored by a separate provider. It discovered the attack on 24 February and "
                "has reported it to the data protection regulator.\nChief executive Hannah Lowe apologised to "
                "customers and said the firm had hired outside experts to investigate. Forde advised customers to "
                "watch out for emails pretending to come from the company.",
    },
    "drug-approval.json": {
        "title": "Regulator approves first pill for peanut allergy",
        "source": "health-wire.example", "published": "2026-10-08",
        "text": "The European Medicines Agency has recommended approval of Arvella, the first pill to treat peanut "
                "allergy in children, its maker Norland Pharma said on Wednesday.\nIn a trial of 610 children aged "
                "four to 14, two thirds of those who took the daily pill for a year could eat the equivalent of "
                "three peanuts without a serious reaction, against one in ten given a placebo.\nThe most common "
                "side effect was stomach pain. Norland said the drug would go on sale in Germany first, early next "
                "year. It has not said what it will cost.",
    },
}

QUESTIONS_Y = [
    ("How many people were on the Skylane plane?", ("184",)),
    ("Why did the Skylane jet make an emergency landing?", ("engine", "caught fire")),
    ("Was anyone hurt in the Brenna emergency landing?", ("Four of them", "minor injuries")),
    ("Where was the Skylane flight going?", ("Lisbon",)),
    ("Why is St Brendan's school closed?", ("mould",)),
    ("What caused the mould at the Hollins school?", ("leaking roof",)),
    ("Where will the St Brendan's pupils be taught?", ("leisure centre",)),
    ("How much will the repairs at St Brendan's cost?", ("450,000",)),
    ("How much did Marlow City pay for Duarte?", ("48 million",)),
    ("How many goals did Rui Duarte score last season?", ("27",)),
    ("How long is Duarte's contract?", ("five-year",)),
    ("When could Duarte make his debut?", ("Saturday",)),
    ("What was the new temperature record?", ("43.1",)),
    ("Where was the record temperature recorded?", ("Valmar",)),
    ("What was the old record?", ("41.9",)),
    ("How many people died in the heatwave?", ("Two elderly",)),
    ("How many Forde customers were affected by the hack?", ("1.4 million",)),
    ("Were card details stolen in the Forde breach?", ("not taken", "payment card")),
    ("When did Forde find out about the attack?", ("24 February",)),
    ("Who is Forde's chief executive?", ("Hannah Lowe",)),
    ("What is Arvella for?", ("peanut allergy",)),
    ("How many children took part in the Arvella trial?", ("610",)),
    ("What is the most common side effect of Arvella?", ("stomach pain",)),
    ("Where will Arvella go on sale first?", ("Germany",)),
    # events the reports do not hold
    ("How many passengers died in the Skylane emergency landing?", None),
    ("When will St Brendan's school be demolished?", None),
    ("How much did Estrela pay for Leon Baptiste?", None),
    ("How many people were arrested during the Valmar heatwave?", None),
    ("How much ransom did the Forde hackers demand?", None),
    ("How much will Arvella cost?", None),
]


SETS = {"a": (ARTICLES, QUESTIONS), "b": (ARTICLES_B, QUESTIONS_B), "c": (ARTICLES_C, QUESTIONS_C),
        "d": (ARTICLES_D, QUESTIONS_D), "e": (ARTICLES_E, QUESTIONS_E), "f": (ARTICLES_F, QUESTIONS_F),
        "g": (ARTICLES_G, QUESTIONS_G), "h": (ARTICLES_H, QUESTIONS_H),
        "i": (ARTICLES_I, QUESTIONS_I), "j": (ARTICLES_J, QUESTIONS_J),
        "k": (ARTICLES_K, QUESTIONS_K), "l": (ARTICLES_L, QUESTIONS_L),
        "m": (ARTICLES_M, QUESTIONS_M), "n": (ARTICLES_N, QUESTIONS_N),
        "o": (ARTICLES_O, QUESTIONS_O), "p": (ARTICLES_P, QUESTIONS_P),
        "q": (ARTICLES_Q, QUESTIONS_Q), "r": (ARTICLES_R, QUESTIONS_R),
        "s": (ARTICLES_S, QUESTIONS_S), "t": (ARTICLES_T, QUESTIONS_T),
        "u": (ARTICLES_U, QUESTIONS_U), "v": (ARTICLES_V, QUESTIONS_V),
        "w": (ARTICLES_W, QUESTIONS_W), "x": (ARTICLES_X, QUESTIONS_X),
        "y": (ARTICLES_Y, QUESTIONS_Y)}


def judge(answer, expect) -> str:
    """"right", "wrong", "declined" (right for an absent event), "hedged" (for one: the closest
    sentences, said not to tell it) or "answered" (wrong for one)."""
    if expect is None:
        return "declined" if not answer.found else "hedged" if answer.untold else "answered"
    if not answer.found:
        return "wrong"
    lead = lead_text(answer)
    return "right" if any(e in lead for e in expect) else "wrong"


def strict(answer, expect) -> bool:
    """Right by `judge`, and a short answer, when given, holds the fact (or is the name inside an
    expected phrase: "Dan Mercer" for "Dan Mercer won")."""
    if expect is None or judge(answer, expect) != "right":
        return False
    if not answer.short_answer:
        return True
    short = answer.short_answer.text
    return any(e in short or (len(short) >= 4 and short in e) for e in expect)


def sentences(articles: dict = ARTICLES) -> list[tuple[str, str]]:
    """(sentence, its article's title) of every article, in order."""
    from index.sentences import split_sentences

    out = []
    for article in articles.values():
        text = article["text"]
        out += [(text[a:b].strip(), article["title"]) for a, b in split_sentences(text)]
    return out


def sentence_choice(reader, part: str = "a") -> dict:
    """Top-1 over all the articles' sentences (a sentence stating an expected word is right), and
    absent events whose best sentence is under the reader's threshold."""
    articles, questions = SETS[part]
    candidates = sentences(articles)
    right = declined = wrongly_declined = 0
    answerable = [(q, e) for q, e in questions if e is not None]
    absent = [q for q, e in questions if e is None]
    for question, expect in answerable:
        readings = reader.read(question, candidates)
        top = max(range(len(readings)), key=lambda i: readings[i].relevance)
        right += any(e in candidates[top][0] for e in expect)
        wrongly_declined += not readings[top].answers
    for question in absent:
        readings = reader.read(question, candidates)
        declined += not any(r.answers for r in readings)
    return {"reader": reader.name, "candidates": len(candidates),
            "answerable": len(answerable), "top1_right": right, "answerable_declined": wrongly_declined, "absent": len(absent), "declined": declined}


def main(argv: list[str] | None = None) -> int:
    import argparse
    import atexit
    import json
    import shutil
    import tempfile

    from bot.service import make_answerer
    from bot.settings import load_settings
    from index.build import sync_index
    from index.embedder import SentenceTransformerEmbedder

    parser = argparse.ArgumentParser(prog="python -m bench.newsroom_set", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reader", choices=["model", "rules"], default=None)
    parser.add_argument("--set", action="append", default=[], help="name=value: an answer setting to use")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sentences", action="store_true", help="the readers alone: sentence choice (see above)")
    parser.add_argument("--weights", type=Path, default=None, help="a reader folder (default: the shipped one)")
    parser.add_argument("--part", choices=sorted(SETS), default="a",
                        help="a: the first set (2026-12-05); b: the second, written after the changes of "
                             "2026-12-06; c: the third, with look-alikes beside the facts (2026-12-06, evening); d: the fourth, "
                             "written after that evening's changes, for the report; e: the fifth, its questions in other words "
                             "than the articles', for the report; f: the sixth, figures with units and parts of "
                             "wholes among other kinds, written 2026-12-07 before that session's changes were run on it; g: the seventh, causes told in "
                             "several ways, written the same day before the why-question change ran on it; h: the eighth, two "
                             "outlets' tolls and other kinds, written after that day's changes, for the report; i: the ninth, "
                             "places, dates to come, quotes and two outlets' job counts, for the report; j: the tenth, longer reports "
                             "with several people each (a ruling, a study, a transfer, a vote, an outage, a fire), written "
                             "2026-12-07 evening before that evening's answer changes; k: the eleventh, written after them, for the "
                             "report; l: the twelfth, longer reports with figures of neighbouring verbs and years, a speaker "
                             "beside the subject and events still to come, written 2026-12-07 (stop 48) before that session's "
                             "changes; m: the thirteenth, written after them, for the report; n: the fourteenth, written "
                             "at the start of stop 49 before its changes (facts in sentences saying he, it or the company); o: the fifteenth, "
                             "written after them, for the report; p: the sixteenth, written at the end of stop 49, for the report; q: yes/no questions on sets n and "
                             "o's reports, written before any change for them; r: the seventeenth, longer reports and a second outlet on "
                             "one flood, written at the start of stop 50 before its reading changes; s: the eighteenth, written after "
                             "them, for the report; t: questions typed with their context first (stop 51, written before its "
                             "changes); u and v: written after t's and u's changes, run once first; w: facts told of 'she', "
                             "'there', 'the company', written at the start of stop 52 before its changes; x: a verdict, a rate "
                             "decision, a quake, a takeover, an election, a theft, written at the start of stop 53 before "
                             "anything ran on it; y: an emergency landing, a school closed by mould, a transfer, a "
                             "heat record, a data breach, a drug approval, written at the end of stop 53 after its "
                             "changes, run once to report them")
    args = parser.parse_args(argv)
    articles, questions = SETS[args.part]
    if args.sentences:
        from bot.evaluate_squad import CosineReader, OverlapReader
        from bot.read.model import WEIGHTS, ModelReader

        rows = [sentence_choice(r, args.part) for r in (ModelReader(args.weights or WEIGHTS), OverlapReader(),
                                                        CosineReader(SentenceTransformerEmbedder()))]
        print(json.dumps(rows) if args.json else "\n".join(
            f"{r['reader']:>8}: answer sentence first {r['top1_right']}/{r['answerable']} (of {r['candidates']} "
            f"sentences), declined {r['answerable_declined']}; absent events declined {r['declined']}/{r['absent']}"
            for r in rows))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="newsroom-set-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / "articles").mkdir()
    for name, article in articles.items():
        (folder / "articles" / name).write_text(json.dumps(article), encoding="utf-8")
    embedder = SentenceTransformerEmbedder()
    overrides = dict(item.split("=", 1) for item in args.set)
    if args.reader:
        overrides["reader"] = args.reader
    settings = load_settings({}, None, {"index": {"seeds_dir": folder / "articles", "index_dir": folder / "index"},
                                        "answer": overrides})
    sync_index(settings.index, embedder)
    answerer = make_answerer(settings, embedder)
    rows = []
    for question, expect in questions:
        answer = answerer.answer(question)
        short = answer.short_answer.text if answer.found and answer.short_answer else None
        rows.append({"question": question, "verdict": judge(answer, expect), "answer": answer.answer[:300],
                     "short": short, "short_right": bool(short and expect and any(e in short for e in expect)),
                     "strict": strict(answer, expect), "hedged": bool(answer.untold)})
    answerable = [r for r, (_, e) in zip(rows, questions) if e is not None]
    absent = [r for r, (_, e) in zip(rows, questions) if e is None]
    summary = {"part": args.part, "reader": settings.answer.reader, "judged": settings.answer.reader == "rules" and settings.answer.reader_judge,
               "answerable": len(answerable),
               "right": sum(r["verdict"] == "right" for r in answerable),
               "absent": len(absent), "declined": sum(r["verdict"] == "declined" for r in absent),
               "hedged": sum(r["verdict"] == "hedged" for r in absent),
               # answerable questions answered with the notice that a word of theirs is in no passage
               "answerable_hedged": sum(r["hedged"] for r in answerable),
               # the short answer alone: given for how many answerable questions, and holding the fact
               "short_given": sum(r["short"] is not None for r in answerable),
               "short_right": sum(r["short_right"] for r in answerable),
               # right, and a short answer given is right too (a wrong bold phrase over a right sentence
               # counts wrong)
               "right_strict": sum(r["strict"] for r in answerable)}
    if args.json:
        print(json.dumps({**summary, "rows": rows}))
    else:
        for r in rows:
            print(f"{r['verdict']:>8}  {r['question']}\n          {r['answer'][:200]}")
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
