"""Articles written for the newsroom tests: one flood reported by three outlets with different death
tolls, a syndicated copy of one of them, and a follow-up two days later that says "on Monday"."""

FLOOD = {
    "brova-wire.md": """---
title: Floods in Brova kill at least 40 as river bursts its banks
source: Wire One
published: 2023-03-06
url: https://wire-one.example/brova-floods
---
Floods in the river town of Brova killed at least 40 people on Sunday after the Selva river burst its banks during a night of heavy rain, regional officials said.
Governor Lena Markovic said rescue teams had reached most flooded districts by Sunday evening. "We are still searching house by house," Markovic told reporters in Brova.
About 3,000 residents spent the night in schools and sports halls, the regional emergency service said.
The Selva rose by more than four metres in six hours, the highest level since records began in 1952.
""",
    "brova-daily.md": """---
title: Brova flood death toll reaches 35, officials say
source: Daily Two
published: 2023-03-06
url: https://daily-two.example/news/brova-flood-toll
---
At least 35 people died in the floods that swept through Brova on Sunday, according to figures from the regional health office.
The Selva river burst its banks after a night of torrential rain, flooding the old town and the industrial district of Brova.
Governor Lena Markovic said the army had sent boats and helicopters to help evacuate residents. She warned that more rain was forecast for Tuesday.
Hospitals in Brova treated more than 200 people for injuries and hypothermia.
""",
    "brova-channel.md": """---
title: "Brova floods: 52 people dead, rescuers say, as waters recede"
source: Channel Three
published: 2023-03-07
url: https://channel-three.example/brova-floods-52-dead
---
Rescuers in Brova said 52 people died in the weekend floods, a higher toll than officials gave on Sunday, as the waters of the Selva began to recede.
Volunteers from neighbouring towns joined the search in the flooded districts of Brova on Tuesday.
Governor Lena Markovic said the regional government would pay for temporary housing for families who lost their homes.
Insurers estimated the damage in Brova at about 400 million euros.
WATCH: Rescue boats reach the flooded streets of Brova on Tuesday
""",
    "brova-regional-copy.md": """---
title: Floods in Brova kill at least 40 as river bursts its banks
source: Regional Post
published: 2023-03-06
url: https://regional-post.example/wire/brova-floods
---
Floods in the river town of Brova killed at least 40 people on Sunday after the Selva river burst its banks during a night of heavy rain, regional officials said.
Governor Lena Markovic said rescue teams had reached most flooded districts by Sunday evening. "We are still searching house by house," Markovic told reporters in Brova.
About 3,000 residents spent the night in schools and sports halls, the regional emergency service said.
The Selva rose by more than four metres in six hours, the highest level since records began in 1952.
Distributed by Wire One.
""",
    "brova-followup.md": """---
title: Two survivors pulled from Brova rubble as clean-up begins
source: Daily Two
published: 2023-03-08
url: https://daily-two.example/news/brova-survivors
---
Rescuers pulled two survivors from a collapsed house in Brova on Monday, more than a day after the Selva river flooded the town, the regional emergency service said on Wednesday.
The clean-up of the old town of Brova began on Wednesday as the Selva returned to its normal level.
Governor Lena Markovic said schools in Brova would reopen next week.
I stood on the old bridge in Brova on Tuesday evening and watched the last rescue boats come back.
""",
}

# One yearly race in two editions: this year's reported with Arabic numerals, last year's report
# naming this year's edition once ("will be held next February").
EDITIONS = {
    "regatta-12-result.md": """---
title: Harlow crew wins Korvan Regatta 12 by two lengths
source: Wire One
published: 2023-02-12
url: https://wire-one.example/korvan-regatta-12
---
The Harlow crew won the Korvan Regatta 12 on Sunday, finishing two lengths ahead of the Dunmere crew on the Korvan lake course.
Harlow's stroke, Mira Okafor, said the crew had trained through the winter for the Korvan Regatta 12.
About 20,000 spectators lined the shore, race organisers said.
""",
    "regatta-12-preview.md": """---
title: Crews arrive for the Korvan Regatta 12
source: Daily Two
published: 2023-02-09
url: https://daily-two.example/korvan-regatta-12-crews
---
Eight crews arrived in Korvan on Wednesday for the Korvan Regatta 12, the lake's yearly race.
The Dunmere crew, last year's winners, are favourites to win the Korvan Regatta 12 again, bookmakers said.
""",
    "regatta-11-result.md": """---
title: Dunmere crew wins the Korvan Regatta on the lake
source: Channel Three
published: 2022-02-13
url: https://channel-three.example/korvan-regatta-11
---
The Dunmere crew won the Korvan Regatta 11 on Sunday, a length ahead of the Harlow crew on the Korvan lake course.
It was the Dunmere crew's third win since the Korvan Regatta 8, its captain Tomas Reyes said.
The Korvan Regatta 11 drew 15,000 spectators; the Korvan Regatta 12 will be held next February.
""",
}
