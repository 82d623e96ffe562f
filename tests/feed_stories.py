"""Articles written for the feed tests: distinct topics, so "the right article is cited" can fail."""

from tests.news_site import Story

HARBOUR = Story(
    "harbour-strike", "Dock workers in Valmora end nine-day harbour strike",
    "Dock workers at the port of Valmora voted on Monday to end a nine-day strike that had left more than "
    "forty container ships waiting at anchor outside the harbour, the Valmora Port Workers Union said.\n\n"
    "Union leader Petra Ionescu said members had accepted a pay rise of 7 percent over two years and a "
    "promise that automated cranes would not replace crane operators before 2027. \"This agreement protects "
    "the people who keep this harbour running,\" Ionescu told reporters outside the union hall.\n\n"
    "The port authority said the first ships would berth on Tuesday morning and that the backlog of "
    "containers should be cleared within two weeks. Exporters of olive oil and marble, who rely on the port "
    "for most of their shipments, had warned that the strike was costing them millions of euros a day.\n\n"
    "Transport minister Andrei Costache welcomed the vote and said the government would review safety rules "
    "for night shifts at the port, one of the union's demands during the talks. Shipping companies said "
    "they expected freight rates on routes to Valmora to return to normal by the end of the month.",
    "Mon, 06 Feb 2023 09:00:00 GMT", "2023-02-06T09:00:00Z")

GLACIER = Story(
    "glacier-survey", "Survey finds Tarsk glacier lost a fifth of its ice since 2010",
    "The Tarsk glacier has lost about a fifth of its ice since 2010, according to a survey published on "
    "Tuesday by the Northern Institute of Glaciology, which measured the glacier with drones and ground radar "
    "over three summers.\n\nLead author Mikkel Aasen said the glacier's tongue had retreated by 1.4 kilometres "
    "and that meltwater lakes on its surface were growing every year. \"We expected losses, but not at this "
    "pace,\" Aasen said, adding that warm autumns now extend the melting season by several weeks.\n\n"
    "The glacier feeds the river that supplies drinking water to the town of Holmvik, whose council said it "
    "would build a second reservoir to cope with lower summer flows in the coming decades. Hydropower "
    "operators downstream said their plants were designed for the higher flows of the 1990s.\n\n"
    "The institute plans to repeat the survey every two years and to publish its measurements openly, so "
    "that councils and power companies can plan for the glacier's decline.",
    "Tue, 07 Feb 2023 08:00:00 GMT", "2023-02-07T08:00:00Z")

LIBRARY = Story(
    "library-reopens", "Oldest public library in Corvin reopens after fire restoration",
    "The oldest public library in Corvin reopened on Saturday, four years after a fire destroyed its roof and "
    "damaged thousands of books, the city council said.\n\nRestorers rebuilt the oak roof using the original "
    "carpentry methods and saved more than 12,000 water-damaged volumes by freeze-drying them, head librarian "
    "Ilse Vandermeer said. About 800 books could not be saved and will be replaced with copies bought from "
    "other libraries and collectors.\n\nThe restoration cost 18 million euros, two thirds of it paid by the "
    "national heritage fund. Visitors queued for hours on the opening day to see the restored reading room, "
    "whose painted ceiling had been hidden under plaster since the nineteenth century and was discovered "
    "during the works.\n\nThe library will offer free guided tours every weekend until the summer and plans "
    "an exhibition on the restoration in the autumn, Vandermeer said.",
    "Sat, 04 Feb 2023 12:00:00 GMT", "2023-02-04T12:00:00Z",
    summary="The oldest public library in Corvin reopened on Saturday after a fire.")

TRAIN = Story(
    "night-train", "New night train links Brenna and Lusk from April",
    "A new night train will link the capitals Brenna and Lusk from April, the two national railway companies "
    "announced on Wednesday, cutting the journey to eleven hours with sleeper cars.\n\nThe service will run "
    "three times a week at first and daily from June, railway spokesman Tomas Varga said. Tickets will go on "
    "sale next month, with a bed in a shared compartment costing 59 euros.\n\nEnvironmental groups welcomed "
    "the train as an alternative to short flights between the two cities, which carry about a million "
    "passengers a year. Airlines said they did not expect to cut flights in the first year.\n\nThe railways "
    "bought twenty refurbished sleeper cars from a company that retired its own night trains in 2019. Varga "
    "said the cars had new air conditioning, wider beds and charging sockets in every compartment, and that "
    "the service would carry bicycles in a dedicated car from the summer.",
    "Wed, 08 Feb 2023 07:30:00 GMT", "2023-02-08T07:30:00Z")

VACCINE = Story(
    "measles-campaign", "Measles vaccination campaign reaches 90 percent of children in Ostrava region",
    "A measles vaccination campaign has reached 90 percent of children under five in the Ostrava region, "
    "health officials said on Thursday, after an outbreak last year infected more than 300 people.\n\n"
    "Mobile clinics visited villages and schools across the region for three months, regional health director "
    "Hana Dvorakova said. She said the campaign had closed most of the gap left by missed appointments during "
    "the pandemic years.\n\nDoctors said the outbreak had spread fastest in districts where fewer than 70 "
    "percent of children were vaccinated. No new cases have been reported since December, Dvorakova said.\n\n"
    "The region will keep two mobile clinics running through the summer and will send reminders to parents "
    "whose children are due for the second dose, the health office said.",
    "Thu, 09 Feb 2023 10:00:00 GMT", "2023-02-09T10:00:00Z")


def syndicated(story: Story, slug: str) -> Story:
    """The same wire story as another outlet publishes it: own URL, a tagline added."""
    return Story(slug, story.title, story.text + "\n\nReporting by Local Wire staff; editing by the desk.",
                 story.published, story.iso)
