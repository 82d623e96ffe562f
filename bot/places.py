"""Which places are countries and which are US states (pure): "which country …" is not answered
with a city, "which state …" not with a county or an agency. The small NER model calls all of
them GPE, so the answer's kind is checked against these names (as news writes them, with the
usual short forms)."""

from __future__ import annotations

import re

_COUNTRIES = """
Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia;
Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan;
Bolivia; Bosnia and Herzegovina; Bosnia; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi;
Cabo Verde; Cape Verde; Cambodia; Cameroon; Canada; Central African Republic; Chad; Chile; China;
Colombia; Comoros; Congo; Democratic Republic of the Congo; DRC; Republic of the Congo; Costa Rica;
Ivory Coast; Côte d'Ivoire; Croatia; Cuba; Cyprus; Czech Republic; Czechia; Denmark; Djibouti;
Dominica; Dominican Republic; East Timor; Timor-Leste; Ecuador; Egypt; El Salvador; Equatorial Guinea;
Eritrea; Estonia; Eswatini; Swaziland; Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia;
Germany; Ghana; Greece; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; Honduras; Hungary;
Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel; Italy; Jamaica; Japan; Jordan; Kazakhstan;
Kenya; Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia; Libya;
Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
Marshall Islands; Mauritania; Mauritius; Mexico; Micronesia; Moldova; Monaco; Mongolia; Montenegro;
Morocco; Mozambique; Myanmar; Burma; Namibia; Nauru; Nepal; Netherlands; Holland; New Zealand;
Nicaragua; Niger; Nigeria; North Korea; North Macedonia; Macedonia; Norway; Oman; Pakistan; Palau;
Palestine; Panama; Papua New Guinea; Paraguay; Peru; Philippines; Poland; Portugal; Qatar; Romania;
Russia; Russian Federation; Rwanda; Saint Kitts and Nevis; Saint Lucia; Saint Vincent and the
Grenadines; Samoa; San Marino; Sao Tome and Principe; Saudi Arabia; Senegal; Serbia; Seychelles;
Sierra Leone; Singapore; Slovakia; Slovenia; Solomon Islands; Somalia; South Africa; South Korea;
Korea; South Sudan; Spain; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan;
Tajikistan; Tanzania; Thailand; Togo; Tonga; Trinidad and Tobago; Tunisia; Turkey; Türkiye; Turkiye;
Turkmenistan; Tuvalu; Uganda; Ukraine; United Arab Emirates; UAE; United Kingdom; UK; U.K.; Britain;
Great Britain; England; Scotland; Wales; Northern Ireland; United States; United States of America;
US; U.S.; USA; U.S.A.; America; Uruguay; Uzbekistan; Vanuatu; Vatican; Vatican City; Venezuela;
Vietnam; Yemen; Zambia; Zimbabwe; Greenland
"""

_US_STATES = """
Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida; Georgia;
Hawaii; Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland; Massachusetts;
Michigan; Minnesota; Mississippi; Missouri; Montana; Nebraska; Nevada; New Hampshire; New Jersey;
New Mexico; New York; North Carolina; North Dakota; Ohio; Oklahoma; Oregon; Pennsylvania;
Rhode Island; South Carolina; South Dakota; Tennessee; Texas; Utah; Vermont; Virginia; Washington;
West Virginia; Wisconsin; Wyoming
"""


def _names(text: str) -> frozenset[str]:
    return frozenset(_key(n) for n in text.split(";") if n.strip())


def _key(name: str) -> str:
    name = " ".join(name.split()).lower().strip(" .,;:’'")
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"(?:’s|'s)$", "", name)


GAZETTEERS = {"country": _names(_COUNTRIES), "state": _names(_US_STATES)}


def is_a(kind: str, name: str) -> bool:
    """`name` is a `kind` ("country" or "state") as news writes it ("the U.S.", "Britain")."""
    return _key(name) in GAZETTEERS[kind]
