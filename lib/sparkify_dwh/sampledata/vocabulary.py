"""Word lists the generator draws names, titles, places and browsers from; all invented for this project."""

from __future__ import annotations

# The lists stay packed, several words a line.
# fmt: off
TITLE_ADJECTIVES: tuple[str, ...] = (
    "Amber", "Restless", "Silver", "Hollow", "Electric", "Velvet", "Broken", "Golden", "Quiet", "Wild", "Crimson",
    "Lonely", "Midnight", "Paper", "Neon", "Frozen", "Burning", "Gentle", "Distant", "Hidden", "Sleepless", "Crooked",
    "Radiant", "Faded", "Tender", "Reckless", "Hazy", "Endless", "Savage", "Lucky", "Bitter", "Sweet", "Little",
    "Heavy", "Secret", "Rusty", "Salty", "Blue", "Scarlet", "Early",
)
TITLE_NOUNS: tuple[str, ...] = (
    "River", "Highway", "Heart", "Window", "Summer", "Engine", "Lantern", "Harbor", "Mirror", "Thunder", "Garden",
    "Ocean", "Station", "Shadow", "Canyon", "Letter", "Carousel", "Horizon", "Satellite", "Orchard", "Avenue", "Comet",
    "Feather", "Island", "Kingdom", "Lullaby", "Machine", "Meadow", "Parade", "Rain", "Rodeo", "Skyline", "Storm",
    "Telephone", "Tide", "Valley", "Wire", "Winter", "Wolf", "Ghost", "Fire", "Moon", "Road", "Dance", "Morning",
    "Stranger", "Diamond", "Sparrow", "Train", "Bridge",
)
TITLE_VERBS: tuple[str, ...] = (
    "Hold", "Chase", "Follow", "Leave", "Remember", "Carry", "Call", "Wake", "Break", "Find", "Keep", "Lose", "Save",
    "Touch", "Forget", "Burn", "Ride", "Dream", "Run", "Shine",
)
TITLE_CLOSERS: tuple[str, ...] = (
    "Tonight", "Again", "Forever", "Slowly", "Home", "Away", "Tomorrow", "Alone", "Together", "Down",
)
FOREIGN_TITLE_WORDS: tuple[str, ...] = (
    "Corazón", "Mañana", "Canção", "Rêverie", "Noël", "Sehnsucht", "Fröhlich", "Café", "Señorita", "Élan", "Día",
    "Ñandú", "Liberté", "Ilhéu", "Tschüss", "Ça Va", "Niño", "Sonrisa", "Crème", "Lågt",
)
TITLE_SUFFIXES: tuple[str, ...] = (
    " (Live)", " (Remastered)", " (Radio Edit)", " (Acoustic)", " (Demo)", " - Extended Mix", " (Album Version)",
)
BAND_ADJECTIVES: tuple[str, ...] = (
    "Velvet", "Electric", "Silent", "Wandering", "Atomic", "Northern", "Lazy", "Royal", "Cosmic", "Wooden", "Paper",
    "Crystal", "Desert", "Lunar", "Midnight", "Polar", "Rolling", "Savage", "Static", "Tropical",
)
BAND_NOUNS: tuple[str, ...] = (
    "Foxes", "Lanterns", "Pilots", "Sailors", "Comets", "Owls", "Engines", "Mirrors", "Rangers", "Ghosts", "Wolves",
    "Satellites", "Tigers", "Cowboys", "Prophets", "Saints", "Strangers", "Orchids", "Ravens", "Drifters",
)
STAGE_PREFIXES: tuple[str, ...] = ("DJ", "MC", "Lil", "Big", "Señor", "Madame", "Doctor", "Baby")
ENSEMBLE_WORDS: tuple[str, ...] = ("Orchestra", "Quartet", "Trio", "Ensemble", "Collective", "Choir", "Band")
FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Abigail", "Alicia", "Amara", "Beatriz", "Brianna", "Camille", "Chloé", "Daisy", "Delaney", "Eleanor", "Elif",
    "Emery", "Fiona", "Gabrielle", "Hazel", "Imani", "Iris", "Jocelyn", "Josefina", "Juniper", "Kendra", "Leah",
    "Lorena", "Mabel", "Maren", "Marisol", "Nadia", "Noelle", "Odette", "Paloma", "Penelope", "Priya", "Renée",
    "Rosalind", "Sabrina", "Selma", "Tamsin", "Tessa", "Valeria", "Willa", "Yara", "Zoë",
)
MALE_FIRST_NAMES: tuple[str, ...] = (
    "Adrian", "Alvaro", "Anders", "Barrett", "Caleb", "Cormac", "Dashiell", "Desmond", "Elias", "Emeric", "Felix",
    "Gideon", "Hector", "Idris", "Jasper", "Joaquín", "Kofi", "Lachlan", "Lorenzo", "Malcolm", "Matteo", "Nikolai",
    "Oren", "Osvaldo", "Percy", "Quentin", "Rafael", "Rohan", "Silas", "Soren", "Tobias", "Ulysses", "Vaughn",
    "Wendell", "Xavier", "Yusuf", "Zane", "René", "Thaddeus", "Beckett",
)
LAST_NAMES: tuple[str, ...] = (
    "Abernathy", "Acosta", "Bainbridge", "Barlowe", "Castellano", "Caldwell", "Dunmore", "Delgado", "Easterly",
    "Fairbanks", "Fontaine", "Gallagher", "Greer", "Halloran", "Hargrove", "Ibarra", "Jessup", "Kincaid", "Langley",
    "Lindqvist", "Mercado", "Mulligan", "Navarro", "Northcott", "Okafor", "Pemberton", "Quigley", "Rasmussen",
    "Redfern", "Sandoval", "Sutherland", "Thornbury", "Underhill", "Valderrama", "Vance", "Whitlock", "Winslow",
    "Yarborough", "Zamora", "Ashcroft", "Beaumont", "Blackwood", "Crane", "Ellsworth", "Holloway", "O'Rourke",
    "D'Amato", "O'Sullivan", "Peña", "Müller", "Ibáñez", "Søndergaard", "Côté", "Núñez",
)
# US metropolitan areas in the "City-City, ST" form the event logs use for listeners' locations.
US_METRO_AREAS: tuple[str, ...] = (
    "Boston-Cambridge-Newton, MA-NH", "Denver-Aurora-Lakewood, CO", "Austin-Round Rock, TX", "Columbus, OH",
    "Kansas City, MO-KS", "Charlotte-Concord-Gastonia, NC-SC", "Pittsburgh, PA", "Cincinnati, OH-KY-IN",
    "Cleveland-Elyria, OH", "Orlando-Kissimmee-Sanford, FL", "Las Vegas-Henderson-Paradise, NV",
    "Baltimore-Columbia-Towson, MD", "Albuquerque, NM", "Boise City, ID", "Des Moines-West Des Moines, IA",
    "Omaha-Council Bluffs, NE-IA", "Tucson, AZ", "Fresno, CA", "Spokane-Spokane Valley, WA", "Madison, WI",
    "Burlington-South Burlington, VT", "Anchorage, AK", "Urban Honolulu, HI", "Louisville/Jefferson County, KY-IN",
    "Providence-Warwick, RI-MA", "Buffalo-Cheektowaga-Niagara Falls, NY", "Rochester, NY", "Tulsa, OK",
    "Hartford-West Hartford-East Hartford, CT", "Oklahoma City, OK", "Memphis, TN-MS-AR", "Knoxville, TN",
    "Greenville-Anderson-Mauldin, SC", "Charleston-North Charleston, SC", "Savannah, GA", "Jacksonville, FL",
    "Billings, MT", "Fargo, ND-MN", "Sioux Falls, SD", "Reno, NV", "Provo-Orem, UT", "Bend-Redmond, OR",
    "Bellingham, WA", "Asheville, NC", "Ann Arbor, MI", "Durham-Chapel Hill, NC", "Santa Fe, NM", "Coeur d'Alene, ID",
    "Cheyenne, WY", "Duluth, MN-WI", "Wichita, KS", "Little Rock-North Little Rock-Conway, AR",
)
# Artists' home places as free text with coordinates, in the loose styles the song files show.
ARTIST_PLACES: tuple[tuple[str, float, float], ...] = (
    ("Austin, TX", 30.26715, -97.74306),
    ("Athens, GA", 33.96095, -83.37794),
    ("Minneapolis, MN", 44.97903, -93.26493),
    ("Brooklyn, NY", 40.65507, -73.94888),
    ("Detroit, MI", 42.33168, -83.04792),
    ("New Orleans, LA", 29.95369, -90.07771),
    ("Seattle, WA", 47.60357, -122.32945),
    ("Omaha, NE", 41.26069, -95.94040),
    ("Tennessee", 35.83062, -85.97852),
    ("Texas", 31.16919, -100.07715),
    ("Oregon", 43.93622, -120.60296),
    ("Glasgow, Scotland", 55.85780, -4.24251),
    ("Manchester, England", 53.47962, -2.24881),
    ("Dublin, Ireland", 53.34410, -6.26720),
    ("Reykjavík, Iceland", 64.14624, -21.94237),
    ("Göteborg, Sweden", 57.70887, 11.97456),
    ("Montréal, Québec, Canada", 45.51228, -73.55439),
    ("Vancouver, BC, Canada", 49.26038, -123.11336),
    ("São Paulo, Brazil", -23.56288, -46.65434),
    ("Kingston, Jamaica", 17.99702, -76.79358),
    ("Lagos, Nigeria", 6.45306, 3.39583),
    ("Melbourne, Australia", -37.81753, 144.96715),
    ("Berlin, Germany", 52.51704, 13.38886),
    ("Paris, France", 48.85717, 2.34140),
    ("Osaka, Japan", 34.69368, 135.50218),
    ("Havana, Cuba", 23.13302, -82.38304),
    ("Bamako, Mali", 12.65000, -8.00000),
    ("Buenos Aires, Argentina", -34.60852, -58.37354),
    ("Norway", 61.15247, 8.78782),
    ("Finland", 64.95012, 26.06712),
    ("Los Angeles, California", 34.05223, -118.24368),
    ("California - Bay Area", 37.77071, -122.44280),
    ("Chicago, IL [South Side]", 41.83999, -87.62999),
    ("Toronto, Canada", 43.65323, -79.38318),
    ("Memphis, Tennessee", 35.14953, -90.04898),
    ("Kansas City, MO", 39.10296, -94.58306),
    ("Richmond, VA", 37.54033, -77.43365),
    ("Halifax, Nova Scotia", 44.64533, -63.57239),
    ("UK", 54.31407, -2.23001),
    ("Mexico City, México", 19.43261, -99.13321),
)
# Browser user agents are assembled from a platform and an engine; versions are era-appropriate.
USER_AGENT_PLATFORMS: tuple[str, ...] = (
    "Windows NT 6.1; WOW64", "Windows NT 6.3; Win64; x64", "Windows NT 10.0; Win64; x64",
    "Macintosh; Intel Mac OS X 10_11_6", "Macintosh; Intel Mac OS X 10_12_6", "Macintosh; Intel Mac OS X 10_13_4",
    "X11; Linux x86_64", "X11; Ubuntu; Linux x86_64",
)
CHROME_VERSIONS: tuple[str, ...] = ("58.0.3029.110", "61.0.3163.100", "64.0.3282.186", "67.0.3396.99", "70.0.3538.77")
FIREFOX_VERSIONS: tuple[str, ...] = ("52.0", "57.0", "60.0", "62.0", "63.0")
SAFARI_VERSIONS: tuple[tuple[str, str], ...] = (("10.1.2", "603.3.8"), ("11.1", "605.1.15"), ("12.0", "605.1.15"))
IOS_VERSIONS: tuple[tuple[str, str], ...] = (("11_4", "15F79"), ("12_0", "16A366"), ("12_1", "16B92"))
# fmt: on
