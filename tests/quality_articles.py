"""Articles written for the answer-quality tests: each holds one way a confident answer goes wrong
(a prediction beside the result, a team that "never won" beside the winner, a kicker line,
nominations beside wins, a teaser line, an older and a newer toll,
a pronoun after a named answer, one event reported in three places, a relative date, the one
reporting a charge beside those charged, a name that is also a yacht's with its launch date, a
gunman not yet named beside the hall he fired at, an earlier year's awards beside this year's, a
prime minister quitting whose successor is not yet known, a country's rescuers in a town,
a record holder before this year's awards, "U.S." qualifying the airlines, a news roundup whose
toll belongs to another story, a date that is when something was revealed, a university named
with the question's own words, another sport's most valuable player, the one whose death someone
is blamed for, a day still to come, a maker in another story of a briefing, a rate
beside its rise in basis points, a country hit beside the one helped, a state after its town, a
firm that avoided what others announced, a president impeached beside the one sworn in, one side's
dead beside the other's, a coach named with no word of a change, a leader's name typed one letter off
that another person's name matches exactly, a rare word in passing beside other prices,
another month's jobs figure, another bank's collapse years before, a record from 1856 beside this year's vote,
a fact told of "the service" in the sentence after the one naming it, a logbook identified in the
sentence after the one saying it was found, a reason told after the event it explains)."""

ARTICLES = {
    "final-preview.json": {
        "title": "Supercomputer backs Lakeside Rovers to lift the Continental Cup",
        "source": "Sports Desk", "published": "2023-03-10", "url": "https://example.org/sport/cup-preview",
        "text": (
            "Lakeside Rovers will win the Continental Cup final, according to a supercomputer simulation run by "
            "a betting analytics firm. The model gives Rovers a 61 percent chance of winning the final against "
            "Harbour City. Want to help us cover the final? Send us your photos.\n"
            "More: How the Continental Cup final could be decided on penalties"
        ),
    },
    "final-result.json": {
        "title": "Harbour City stun Rovers in Continental Cup final",
        "source": "Daily Courier", "published": "2023-03-13", "url": "https://example.org/sport/cup-final",
        "text": (
            "Harbour City won the Continental Cup final on Sunday, beating Lakeside Rovers 2-1 at the national "
            "stadium. Striker Tomas Brandt scored both goals for Harbour City in the second half. "
            "Rovers had been favourites going into the match."
        ),
    },
    "awards.json": {
        "title": "Quiet River sweeps the Meridian Film Awards",
        "source": "Screen Weekly", "published": "2023-03-13", "url": "https://example.org/film/meridian-awards",
        "text": (
            "The drama Quiet River, which led the field with 11 nominations, won seven Meridian awards on Sunday "
            "night, including best picture. Director Anna Kowalczyk accepted the top prize in Lisbon. She "
            "thanked her cast and said the film had taken her nine years to finish."
        ),
    },
    "shield-drought.json": {
        "title": "Northfield's long wait for the Valley Shield goes on",
        "source": "County Gazette", "published": "2023-03-14", "url": "https://example.org/sport/shield-drought",
        "text": (
            "Northfield Athletic have never won the Valley Shield, a drought that now stretches to 40 seasons.\n"
            "GRAPHICS:How the Valley Shield was won and lost since 1983\n"
            "Supporters gathered outside the ground on Sunday to thank the players for the season."
        ),
    },
    "shield-final.json": {
        "title": "Westport United beat Northfield in Valley Shield final",
        "source": "Daily Courier", "published": "2023-03-12", "url": "https://example.org/sport/shield-final",
        "text": (
            "Westport United won the Valley Shield on Saturday with a 3-0 victory over Northfield Athletic. "
            "Captain Lena Ortiz lifted the trophy in front of 20,000 fans."
        ),
    },
    "storms.json": {
        "title": "Atlantic storm batters southwest Europe",
        "source": "Weather Desk", "published": "2023-03-06", "url": "https://example.org/weather/storm-iberia",
        "text": (
            "Storm Odile hit France, Spain and Portugal on Sunday, forecasters said, bringing winds of up to "
            "150 kilometres an hour to the coast. Thousands of homes lost power overnight."
        ),
    },
    "quake-early.json": {
        "title": "Death toll from Valdoria earthquake climbs",
        "source": "World Wire", "published": "2023-02-07", "url": "https://example.org/world/valdoria-quake-1",
        "text": (
            "The death toll from the earthquake that struck southern Valdoria on Monday rose to 5,100 on Tuesday, "
            "officials said, as rescuers searched collapsed buildings through the night. The president called "
            "it the region's worst disaster since a 1987 earthquake killed some 30,000 people in Valdoria. "
            "Aid agencies said 874,000 people were affected by the deadly earthquake."
        ),
    },
    "quake-late.json": {
        "title": "Valdoria earthquake: rescuers end search as toll passes 35,000",
        "source": "Global Times Wire", "published": "2023-02-14", "url": "https://example.org/world/valdoria-quake-2",
        "text": (
            "The death toll from last week's earthquake in southern Valdoria has risen to 35,418, the interior "
            "ministry said on Tuesday, as rescue teams ended their search for survivors."
        ),
    },
    "super-bowl.json": {
        "title": "Mahomes named Championship Bowl MVP after comeback win",
        "source": "Gridiron Report", "published": "2023-02-13", "url": "https://example.org/sport/bowl-mvp",
        "text": (
            "Patrick Mahomes was named most valuable player of the Championship Bowl after leading Kansas City "
            "to a 38-35 comeback win over Philadelphia, scoring on every second-half possession after trailing "
            "24-14 at half-time. Mahomes threw for 182 yards and three touchdowns "
            "despite an injured ankle. Philadelphia quarterback Jalen Hurts threw for 304 yards and ran for "
            "three touchdowns in defeat. It is the second time Patrick Mahomes has been named MVP of the game."
        ),
    },
    "objects-alaska.json": {
        "title": "US jet shoots down object over Alaska",
        "source": "North Desk", "published": "2023-02-10", "url": "https://example.org/world/object-alaska",
        "text": (
            "A US fighter jet shot down an unidentified high-altitude object over Alaska on Friday, the Pentagon "
            "said, a week after a Chinese balloon crossed the country."
        ),
    },
    "objects-yukon.json": {
        "title": "Second unidentified object downed over Yukon",
        "source": "Maple Herald", "published": "2023-02-11", "url": "https://example.org/world/object-yukon",
        "text": (
            "A second unidentified object was shot down over Yukon on Saturday by a US warplane acting on "
            "orders from the Canadian prime minister, officials confirmed."
        ),
    },
    "objects-huron.json": {
        "title": "Third object shot down over Lake Huron",
        "source": "Lakes Gazette", "published": "2023-02-12", "url": "https://example.org/world/object-huron",
        "text": (
            "US pilots shot down a third unidentified object over Lake Huron on Sunday, the latest in a string "
            "of objects downed over North America in three days."
        ),
    },
    "bridge.json": {
        "title": "Pedestrian bridge collapses in Marlow Falls",
        "source": "Valley News", "published": "2023-02-10", "url": "https://example.org/local/marlow-bridge",
        "text": (
            "MARLOW FALLS – A pedestrian bridge over the Tessel river collapsed on Wednesday, injuring four "
            "people, city officials said. Engineers had flagged corrosion in the bridge's steel supports last year."
        ),
    },
    "bank.json": {
        "title": "Regulators close Cedar Valley Bank after deposit run",
        "source": "Finance Daily", "published": "2023-03-11", "url": "https://example.org/business/cedar-valley-bank",
        "text": (
            "Regulators closed Cedar Valley Bank on Friday after depositors withdrew $42 billion in a single day, "
            "the largest bank failure since 2008. The bank had about 37,000 depositors, most of them technology firms."
        ),
    },
    "deputies-charged.json": {
        "title": "Governor calls for calm as deputies face charges",
        "source": "State Wire", "published": "2023-01-27", "url": "https://example.org/news/webb-charges",
        "text": (
            "Governor Alan Pryce said the family of Marcus Webb deserves a full and fair investigation after "
            "three former Harlow County sheriff's deputies were charged on Thursday with manslaughter in his death. "
            "Webb, 31, died after a traffic stop in January."
        ),
    },
    "yacht.json": {
        "title": "Classic yachts return to Port Ellery for the summer regatta",
        "source": "Harbour Life", "published": "2023-02-20", "url": "https://example.org/local/ellery-regatta",
        "text": (
            "On June 4, 1998, the schooner Mira Castell, named after the sailor's grandmother, was launched at "
            "the Port Ellery yard. Owners Mira Castell and her brother still race the schooner each summer."
        ),
    },
    "dance-hall.json": {
        "title": "Four killed in shooting at Corvale dance hall",
        "source": "Metro Wire", "published": "2023-01-22", "url": "https://example.org/news/corvale-shooting",
        "text": (
            "A gunman opened fire at the Harbor Lights Dance Hall in Corvale on Saturday night, killing four "
            "people, police said. Detectives have not yet named the gunman, who fled in a white van."
        ),
    },
    "awards-2020.json": {
        "title": "Salt Road triumphs at the Meridian Film Awards",
        "source": "Film Wire", "published": "2020-03-09", "url": "https://example.org/film/meridian-awards-2020",
        "text": (
            "The road movie Salt Road, which had nine nominations, won five Meridian awards on Sunday night, "
            "including best picture. The ceremony in Lisbon was the festival's largest yet."
        ),
    },
    "ostmark-pm.json": {
        "title": "Ostmark prime minister Lena Varga to step down",
        "source": "Capital Post", "published": "2023-01-19", "url": "https://example.org/world/ostmark-varga",
        "text": (
            "Ostmark's prime minister Lena Varga is quitting after six years in office, she told reporters on "
            "Thursday. Prime Minister Lena Varga has led the coalition since 2017. Her party will choose a "
            "successor next month."
        ),
    },
    "veland-pm.json": {
        "title": "Veland swears in a new prime minister",
        "source": "Capital Post", "published": "2023-02-02", "url": "https://example.org/world/veland-pm",
        "text": (
            "Aron Lindqvist was sworn in as Veland's prime minister on Wednesday, replacing Marta Holm, who "
            "resigned last month after a budget defeat."
        ),
    },
    "flood-rescue.json": {
        "title": "Foreign rescuers reach flooded Porto Verde",
        "source": "World Wire", "published": "2023-03-02", "url": "https://example.org/world/porto-verde-flood",
        "text": (
            "Rescue teams from Chile landed in Santa Rosa, the town worst hit by the flooding in Porto Verde, "
            "on Tuesday. They brought boats and pumps to Santa Rosa's flooded districts."
        ),
    },
    "meridian-records.json": {
        "title": "Meridian Film Awards: the record holders",
        "source": "Screen Weekly", "published": "2023-03-10", "url": "https://example.org/film/meridian-records",
        "text": (
            "The actress with the most Meridian awards is Clara Voss, who won best actress four times. "
            "She retired from acting in 2019. This year's nominees will learn their fate on Sunday."
        ),
    },
    "holiday-flights.json": {
        "title": "Winter storm grounds holiday travellers",
        "source": "Travel Desk", "published": "2022-12-27", "url": "https://example.org/travel/holiday-storm",
        "text": (
            "U.S. airlines canceled thousands of flights over the holidays as a winter storm swept the "
            "country. Many travellers slept in terminals."
        ),
    },
    "roundup.json": {
        "title": "Brenford shooting, budget vote, Dalmora fire: Monday's news",
        "source": "Morning Brief", "published": "2023-04-10", "url": "https://example.org/brief/monday",
        "text": (
            "Police have released footage of the deadly shooting at a Brenford high school. Lawmakers passed "
            "the budget after a late-night vote. And at least 30 people have died in a fire at a warehouse "
            "in Dalmora.\n\nFootage shows officers entering the Brenford school\n\nOfficers entered the "
            "building within minutes of the first call, the footage shows."
        ),
    },
    "tanker.json": {
        "title": "Tanker Solenne entered Kaldera harbour without a permit",
        "source": "Port Gazette", "published": "2023-04-14", "url": "https://example.org/ports/solenne",
        "text": (
            "On Friday, port officials revealed that the tanker Solenne had entered Kaldera harbour without "
            "a permit. The Solenne entered Kaldera harbour on March 2, port records show, and left two days "
            "later."
        ),
    },
    "campus.json": {
        "title": "Three students killed in Kelton campus attack",
        "source": "Campus Wire", "published": "2023-04-18", "url": "https://example.org/news/kelton-campus",
        "text": (
            "Three Kelton victims were students at Kelton State University, police said. Kelton State "
            "University President Ann Moss cancelled classes for the week."
        ),
    },
    "hoops-mvp.json": {
        "title": "Dana Reyes named Winter Classic MVP",
        "source": "Court Side", "published": "2023-02-20", "url": "https://example.org/sport/winter-classic-mvp",
        "text": (
            "Dana Reyes was named MVP of the Winter Classic on Sunday after scoring 31 points."
        ),
    },
    "cyclist.json": {
        "title": "Mayor says transit agency failed cyclists",
        "source": "City Desk", "published": "2023-04-20", "url": "https://example.org/local/cyclist-crash",
        "text": (
            "In a letter to the council, Mayor Ivo Lund criticised the transit agency that he blames for the "
            "death of cyclist Ana Pires. The agency said it would review its bus routes."
        ),
    },
    "lantern-festival.json": {
        "title": "Arlow lantern festival returns this spring",
        "source": "City Desk", "published": "2023-01-30", "url": "https://example.org/local/arlow-lanterns",
        "text": (
            "Organisers plan to hold the Arlow lantern festival on May 11, they said on Monday. The festival "
            "was cancelled for the past two years."
        ),
    },
    "tech-briefing.json": {
        "title": "Tech briefing: Dustwing sells out, chip plant delayed, robot maker lists shares",
        "source": "Gadget Desk", "published": "2023-04-05", "url": "https://example.org/tech/briefing",
        "text": (
            "Reviewers praised the Dustwing robot vacuum for its quiet motor, and it sold out within a day "
            "of its launch.\n\nChip plant delayed\n\nThe planned chip plant outside Norrvik will open a year "
            "late, after builders found the site's soil too soft for the clean rooms. Officials said the "
            "delay would not change the number of jobs promised to the region, about 1,200 in all, and "
            "that training courses at the local college would start on time.\n\nRobot maker lists shares\n\n"
            "Kitchen robot company Pellam Robotics Inc. makes robot vacuums too, and listed its shares in July."
        ),
    },
    "ostmark-rates.json": {
        "title": "Ostmark central bank raises rates again",
        "source": "Market Wire", "published": "2023-04-12", "url": "https://example.org/markets/ostmark-rates",
        "text": (
            "The Ostmark central bank raised its benchmark interest rate by 50 basis points on Wednesday, its "
            "third increase this year. The benchmark interest rate now stands at 4.25%, the highest since 2008."
        ),
    },
    "iberia-wildfires.json": {
        "title": "Foreign firefighters arrive as wildfires burn in Portugal",
        "source": "World Wire", "published": "2023-04-24", "url": "https://example.org/world/iberia-wildfires",
        "text": (
            "Firefighters are battling wildfires in Portugal and Spain after a week of record heat. Firefighters "
            "from Norway reached Portugal on Tuesday with two water bombers."
        ),
    },
    "glenport-fire.json": {
        "title": "Fire at Glenport mill: arson suspected",
        "source": "Metro Wire", "published": "2023-04-25", "url": "https://example.org/news/glenport-fire",
        "text": (
            "Investigators said the fire that gutted the Glenport, Westland, textile mill was started on "
            "purpose. Police are looking for a man seen near the loading dock."
        ),
    },
    "layoffs.json": {
        "title": "Chip makers cut jobs as demand slows",
        "source": "Market Wire", "published": "2023-04-26", "url": "https://example.org/markets/chip-layoffs",
        "text": (
            "Intel, the largest of the chip makers, has avoided layoffs so far, it announced on Monday. "
            "Micron will cut 900 jobs."
        ),
    },
    "tarsia-president.json": {
        "title": "Tarsia swears in its first female president",
        "source": "Capital Post", "published": "2023-04-27", "url": "https://example.org/world/tarsia-president",
        "text": (
            "April 26 - Mira Solano becomes Tarsia’s first female president after lawmakers vote to impeach "
            "former leader Paulo Ventura. Ventura, who had been president since 2019, denied wrongdoing."
        ),
    },
    "border-clash.json": {
        "title": "Soldiers killed in Ostmark border clash",
        "source": "World Wire", "published": "2023-04-28", "url": "https://example.org/world/border-clash",
        "text": (
            "Four Ostmark soldiers were killed in a Veland attack on the northern border, the army said. Veland said "
            "it lost nine soldiers."
        ),
    },
    "rovers-coach.json": {
        "title": "Rovers coach praises the fans",
        "source": "Sports Desk", "published": "2023-01-05", "url": "https://example.org/sport/rovers-coach",
        "text": (
            "Lakeside Rovers head coach Tom Ferris praised the fans after Saturday's win over Port Alder."
        ),
    },
    "council-vote.json": {
        "title": "Dara Holloway wins Harwick council leadership vote",
        "source": "Civic Wire", "published": "2023-01-18", "url": "https://example.org/civic/harwick-vote",
        "text": (
            "Dara Holloway was elected leader of Harwick council on Tuesday after two rounds of voting. Holloway, "
            "a former teacher, promised to reopen the town's libraries."
        ),
    },
    "winter-market.json": {
        "title": "Stallholders count the cost at the Dunmere winter market",
        "source": "Dunmere Post", "published": "2023-01-20", "url": "https://example.org/local/winter-market",
        "text": (
            "The price of cooking oil rose by 40 percent this year, stallholders at the Dunmere winter market said. "
            "Candle makers paid more for wax too. One stall sold saffron buns to the last customers."
        ),
    },
    "jobs-autumn.json": {
        "title": "Hiring slows as the US adds jobs in September",
        "source": "Labor Wire", "published": "2022-10-07", "url": "https://example.org/economy/jobs-september",
        "text": (
            "How many jobs did the US add? The US added 263,000 jobs in September, fewer than in August, as "
            "employers slowed their hiring."
        ),
    },
    "jobs-winter.json": {
        "title": "Labor report surprises economists",
        "source": "Labor Wire", "published": "2023-02-03", "url": "https://example.org/economy/jobs-report",
        "text": (
            "Employers added 517,000 jobs in January, the Labor Department said on Friday, far more than "
            "economists had expected."
        ),
    },
    "bank-failure.json": {
        "title": "Regulators close Dunmere Savings Bank",
        "source": "Money Wire", "published": "2023-03-13", "url": "https://example.org/money/dunmere-savings",
        "text": (
            "Regulators closed Dunmere Savings Bank after depositors withdrew their money. Analysts said "
            "it was the biggest savings bank to collapse since Old Mill Savings Bank collapsed in 2008 amid the "
            "financial crisis."
        ),
    },
    "assembly-speaker.json": {
        "title": "Harwick assembly elects a speaker at last",
        "source": "Civic Wire", "published": "2023-01-27", "url": "https://example.org/civic/assembly-speaker",
        "text": (
            "Lena Ortiz was elected speaker of the Harwick assembly on Thursday after days of voting. The most "
            "ballots it took to elect a speaker was in 1856, when Amos Hale won after 133 ballots."
        ),
    },
    "bequest.json": {
        "title": "Library receives a bequest",
        "source": "Harwick Gazette", "published": "2022-06-02", "url": "https://example.org/civic/bequest",
        "text": (
            "The late Miriam Hollowey, a retired nurse, left her house to the Harwick library, which will sell it "
            "to buy new books."
        ),
    },
    "tram-closure.json": {
        "title": "Riverside line to close for track work",
        "source": "Civic Wire", "published": "2023-03-02", "url": "https://example.org/civic/tram-closure",
        "text": (
            "The Riverside tram will stop running at the end of the month. Operations chief Malik Osei said on "
            "Wednesday that the service would be suspended for six months while the rails are relaid.\n"
            "Replacement buses will run every ten minutes."
        ),
    },
    "lighthouse-log.json": {
        "title": "Keeper's logbook turns up in Brackley lighthouse",
        "source": "Coast Weekly", "published": "2023-02-22", "url": "https://example.org/local/lighthouse-log",
        "text": (
            "Restorers working on the Brackley lighthouse have found a keeper's logbook hidden behind a wall "
            "panel. Local historian Agnes Pell identified it as the 1893 log of the keeper, Samuel Wren. "
            "The lighthouse museum will show it from May."
        ),
    },
    "pool-closure.json": {
        "title": "Harwick pool to stay shut all summer",
        "source": "Harwick Gazette", "published": "2023-05-04", "url": "https://example.org/civic/pool-closure",
        "text": (
            "Harwick's public swimming pool will stay shut this summer, the council announced on Wednesday. "
            "Inspectors found asbestos in the ceiling of the changing rooms last month. Repairs are expected to "
            "take until October."
        ),
    },
    "dam-rebuild.json": {
        "title": "Council backs rebuilding of the Rowan Valley dam",
        "source": "Valley Courier", "published": "2023-05-09", "url": "https://example.org/valley/dam-rebuild",
        "text": (
            "The regional council on Tuesday approved a plan to rebuild the Rowan Valley dam, which gave way "
            "during the April floods. Built in 1962, it held back about 40 million cubic metres of water. "
            "Councillors argued for three hours before the vote. The work will cost 85 million euros and take "
            "four years, officials said."
        ),
    },
    "bank-collapse.json": {
        "title": "Regulators close Brightwater Savings Bank",
        "source": "Ledger Daily", "published": "2023-05-12", "url": "https://example.org/ledger/brightwater",
        "text": (
            "Regulators closed Brightwater Savings Bank on Friday, the largest bank failure in the region "
            "since 2009. The Marlow-based lender, which held most of its deposits in long-dated bonds, "
            "collapsed after customers withdrew 2 billion euros in two days when it disclosed heavy losses "
            "on those bonds."
        ),
    },
    "mayor-election.json": {
        "title": "Lena Ostrova elected mayor of Brimfield",
        "source": "Ledger Daily", "published": "2023-05-16", "url": "https://example.org/ledger/brimfield-mayor",
        "text": (
            "Lena Ostrova won the Brimfield mayoral election on Tuesday with 54% of the vote, beating the sitting "
            "mayor, Gordon Pike, who took 41%. Turnout was 38%."
        ),
    },
    "museum-theft.json": {
        "title": "Thieves take gold coins from Orsk city museum",
        "source": "Ledger Daily", "published": "2023-05-15", "url": "https://example.org/ledger/orsk-museum",
        "text": (
            "Thieves stole 40 gold coins from the Orsk city museum overnight on Saturday, police said. The "
            "coins, minted in the 14th century, were worth about 1.2 million euros.\n\nThe thieves climbed onto "
            "the roof and cut through a skylight above the coin room. No alarm sounded, and guards found the "
            "empty case on Sunday morning."
        ),
    },
}
