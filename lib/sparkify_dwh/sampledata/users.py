"""The listeners: who they are, when they join, how much they listen, and who changes level mid-way."""

from __future__ import annotations

import dataclasses
import math
import random
from dataclasses import dataclass
from datetime import datetime, timezone

from sparkify_dwh.sampledata import names, vocabulary
from sparkify_dwh.sampledata.options import USERS_PER_SCALE, GeneratorOptions

DAY_SECONDS = 86_400
REGISTRATION_LEAD_SECONDS = 14 * DAY_SECONDS
INITIAL_PAID_SHARE = 0.2
UPGRADER_SHARE = 0.1
DOWNGRADER_SHARE = 0.05
ACTIVITY_SIGMA = 0.9
PAID_ACTIVITY_FACTOR = 8.0
LOCATION_POPULARITY_EXPONENT = 0.8
BROWSER_WEIGHTS = {"chrome": 50, "firefox": 20, "safari": 15, "iphone": 10, "internet explorer": 5}


@dataclass(frozen=True)
class User:
    """A registered listener; times are epoch seconds."""

    user_id: str
    first_name: str
    last_name: str
    gender: str
    location: str
    user_agent: str
    registration: int
    joined: int
    activity: float
    initial_level: str
    level_change: int | None = None
    """From this time on, the listener's next session submits an upgrade (free) or a downgrade (paid)."""


def epoch_seconds(options: GeneratorOptions) -> tuple[int, int]:
    """The start and the end of the generated period, in epoch seconds (UTC)."""
    start = int(datetime(options.start.year, options.start.month, options.start.day, tzinfo=timezone.utc).timestamp())
    return start, start + options.day_count * DAY_SECONDS


def invent_user_agent(rng: random.Random) -> str:
    """A browser's user agent. Those holding a comma come wrapped in double quotes, as in the real logs."""
    (browser,) = rng.choices(list(BROWSER_WEIGHTS), weights=list(BROWSER_WEIGHTS.values()))
    desktops = vocabulary.USER_AGENT_PLATFORMS
    macs = [platform for platform in desktops if platform.startswith("Macintosh")]
    if browser == "chrome":
        agent = (
            f"Mozilla/5.0 ({rng.choice(desktops)}) AppleWebKit/537.36 (KHTML, like Gecko) "
            f"Chrome/{rng.choice(vocabulary.CHROME_VERSIONS)} Safari/537.36"
        )
    elif browser == "firefox":
        version = rng.choice(vocabulary.FIREFOX_VERSIONS)
        platform = rng.choice(desktops).replace("_", ".")
        agent = f"Mozilla/5.0 ({platform}; rv:{version}) Gecko/20100101 Firefox/{version}"
    elif browser == "safari":
        version, webkit = rng.choice(vocabulary.SAFARI_VERSIONS)
        agent = (
            f"Mozilla/5.0 ({rng.choice(macs)}) AppleWebKit/{webkit} (KHTML, like Gecko) "
            f"Version/{version} Safari/{webkit}"
        )
    elif browser == "iphone":
        ios, build = rng.choice(vocabulary.IOS_VERSIONS)
        agent = (
            f"Mozilla/5.0 (iPhone; CPU iPhone OS {ios} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            f"Version/{ios.split('_')[0]}.0 Mobile/{build} Safari/604.1"
        )
    else:
        windows = rng.choice([platform for platform in desktops if platform.startswith("Windows")])
        agent = f"Mozilla/5.0 ({windows}; Trident/7.0; rv:11.0) like Gecko"
    return f'"{agent}"' if "," in agent else agent


def _weighted_sample(rng: random.Random, users: list[User], count: int) -> list[User]:
    """`count` users drawn without replacement, the more active ones more likely."""
    return sorted(users, key=lambda user: rng.random() ** (1.0 / user.activity), reverse=True)[:count]


def build_users(options: GeneratorOptions) -> tuple[User, ...]:
    """`options.user_count` listeners in joining order, with ids "1", "2", ...

    The first hundred are there from the first day, the others join evenly over the period. Activity is skewed
    (a few listeners make most of the events) and paid listeners listen more. A tenth of the free listeners
    upgrade and a twentieth of the paid ones downgrade, at some point in the middle of their time.
    """
    rng = options.random("users")
    start, end = epoch_seconds(options)
    locations = list(vocabulary.US_METRO_AREAS)
    rng.shuffle(locations)
    location_weights = [rank**-LOCATION_POPULARITY_EXPONENT for rank in range(1, len(locations) + 1)]
    joined_times = sorted(
        start if index < USERS_PER_SCALE else start + rng.randrange(end - start) for index in range(options.user_count)
    )
    users: list[User] = []
    for index, joined in enumerate(joined_times):
        first_name, last_name, gender = names.invent_listener(rng)
        paid = rng.random() < INITIAL_PAID_SHARE
        users.append(
            User(
                user_id=str(index + 1),
                first_name=first_name,
                last_name=last_name,
                gender=gender,
                location=rng.choices(locations, weights=location_weights)[0],
                user_agent=invent_user_agent(rng),
                registration=joined - rng.randrange(REGISTRATION_LEAD_SECONDS),
                joined=joined,
                activity=rng.lognormvariate(0.0, ACTIVITY_SIGMA) * (PAID_ACTIVITY_FACTOR if paid else 1.0),
                initial_level="paid" if paid else "free",
            )
        )
    changing: list[User] = []
    for level, share in (("free", UPGRADER_SHARE), ("paid", DOWNGRADER_SHARE)):
        candidates = [user for user in users if user.initial_level == level]
        changing += _weighted_sample(rng, candidates, math.ceil(share * len(candidates)))
    for user in changing:
        change = user.joined + round(rng.uniform(0.1, 0.7) * (end - user.joined))
        users[int(user.user_id) - 1] = dataclasses.replace(user, level_change=change)
    return tuple(users)
