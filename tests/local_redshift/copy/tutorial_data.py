"""Small generated files in the layout and formats of AWS's two COPY tutorials (no third-party data).

- The Getting Started guide's TICKIT load ("Step 6: Load sample data from Amazon S3"): seven pipe-delimited files
  and one tab-delimited file under `tickit/`, in the columns of its CREATE TABLE statements.
- "Tutorial: Loading data from Amazon S3" (SSB): under `load/`, PART as CSV in eight files with the NUL
  characters of three rows' p_mfgr, CUSTOMER fixed-width in eight files plus the extraneous `customer-fw.tbl-000.bak`
  (a copy of the first file) and `customer-fw.tbl.log`, an invalid UTF-8 byte in customer 1's address, and the
  manifest `customer-fw-manifest`; DWDATE tab-delimited in eight files, its d_date in two layouts; under `ssb/`
  SUPPLIER pipe-delimited and gzipped; under `load/lo/` LINEORDER gzipped as one file and as eight.

Every value is derived from the row number, so the tests know the counts and the rows that fail.
"""

from __future__ import annotations

import gzip
from datetime import date, datetime, timedelta

import orjson

FILES_PER_TABLE = 8

# --- TICKIT ---

TICKIT_ROWS = {"users": 40, "venue": 20, "category": 11, "date": 365, "event": 60, "listing": 120, "sales": 200}
TICKIT_TABLES = """
create table users(
	userid integer not null distkey sortkey,
	username char(8),
	firstname varchar(30),
	lastname varchar(30),
	city varchar(30),
	state char(2),
	email varchar(100),
	phone char(14),
	likesports boolean,
	liketheatre boolean,
	likeconcerts boolean,
	likejazz boolean,
	likeclassical boolean,
	likeopera boolean,
	likerock boolean,
	likevegas boolean,
	likebroadway boolean,
	likemusicals boolean);
create table venue(
	venueid smallint not null distkey sortkey,
	venuename varchar(100),
	venuecity varchar(30),
	venuestate char(2),
	venueseats integer);
create table category(
	catid smallint not null distkey sortkey,
	catgroup varchar(10),
	catname varchar(10),
	catdesc varchar(50));
create table date(
	dateid smallint not null distkey sortkey,
	caldate date not null,
	day character(3) not null,
	week smallint not null,
	month character(5) not null,
	qtr character(5) not null,
	year smallint not null,
	holiday boolean default('N'));
create table event(
	eventid integer not null distkey,
	venueid smallint not null,
	catid smallint not null,
	dateid smallint not null sortkey,
	eventname varchar(200),
	starttime timestamp);
create table listing(
	listid integer not null distkey,
	sellerid integer not null,
	eventid integer not null,
	dateid smallint not null  sortkey,
	numtickets smallint not null,
	priceperticket decimal(8,2),
	totalprice decimal(8,2),
	listtime timestamp);
create table sales(
	salesid integer not null,
	listid integer not null distkey,
	sellerid integer not null,
	buyerid integer not null,
	eventid integer not null,
	dateid smallint not null sortkey,
	qtysold smallint not null,
	pricepaid decimal(8,2),
	commission decimal(8,2),
	saletime timestamp);
"""
"""The guide's CREATE TABLE statements, as printed."""

TICKIT_COPY = {
    "users": "copy users from 's3://<myBucket>/tickit/allusers_pipe.txt' \ncredentials 'aws_iam_role=<iam-role-arn>' \n"
    "delimiter '|' region '<aws-region>';",
    "venue": "copy venue from 's3://<myBucket>/tickit/venue_pipe.txt' \ncredentials 'aws_iam_role=<iam-role-arn>' \n"
    "delimiter '|' region '<aws-region>';",
    "category": "copy category from 's3://<myBucket>/tickit/category_pipe.txt' \n"
    "credentials 'aws_iam_role=<iam-role-arn>' \ndelimiter '|' region '<aws-region>';",
    "date": "copy date from 's3://<myBucket>/tickit/date2008_pipe.txt' \ncredentials 'aws_iam_role=<iam-role-arn>' \n"
    "delimiter '|' region '<aws-region>';",
    "event": "copy event from 's3://<myBucket>/tickit/allevents_pipe.txt' \n"
    "credentials 'aws_iam_role=<iam-role-arn>' \ndelimiter '|' timeformat 'YYYY-MM-DD HH:MI:SS' region '<aws-region>';",
    "listing": "copy listing from 's3://<myBucket>/tickit/listings_pipe.txt' \n"
    "credentials 'aws_iam_role=<iam-role-arn>' \ndelimiter '|' region '<aws-region>';",
    "sales": "copy sales from 's3://<myBucket>/tickit/sales_tab.txt'\ncredentials 'aws_iam_role=<iam-role-arn>'\n"
    "delimiter '\\t' timeformat 'MM/DD/YYYY HH:MI:SS' region '<aws-region>';",
}
"""The guide's COPY statements, as printed (placeholders <myBucket>, <iam-role-arn>, <aws-region>)."""

_FIRST_DATEID = 1827
_DAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_CATEGORIES = [
    ("Sports", "MLB", "Major League Baseball"),
    ("Sports", "NHL", "National Hockey League"),
    ("Sports", "NFL", "National Football League"),
    ("Sports", "NBA", "National Basketball Association"),
    ("Sports", "MLS", "Major League Soccer"),
    ("Shows", "Musicals", "Musical theatre"),
    ("Shows", "Plays", "All non-musical theatre"),
    ("Shows", "Opera", "All opera and light opera"),
    ("Concerts", "Pop", "All rock and pop music concerts"),
    ("Concerts", "Jazz", "All jazz singers and bands"),
    ("Concerts", "Classical", "All symphony, concerto, and choir concerts"),
]


def _lines(rows: list[list[object]], delimiter: str = "|") -> bytes:
    return "".join(delimiter.join(map(str, row)) + "\n" for row in rows).encode()


def _boolean(number: int) -> str:
    return ("TRUE", "FALSE", "")[number % 3]


def tickit_files() -> dict[str, bytes]:
    """The TICKIT files by key (under tickit/), with TICKIT_ROWS rows each."""
    users = [
        [n, f"USR{n:05d}", f"First{n}", f"Last{n}", f"City{n % 7}", "WA", f"user{n}@example.com",
         f"(664) 602-{n:04d}", *(_boolean(n + flag) for flag in range(10))]
        for n in range(1, TICKIT_ROWS["users"] + 1)
    ]  # fmt: skip
    venues = [
        [n, f"Venue {n}", f"Town{n % 5}", "IL", "" if n % 4 == 0 else 1000 * n]
        for n in range(1, TICKIT_ROWS["venue"] + 1)
    ]
    categories = [[n, *values] for n, values in enumerate(_CATEGORIES, start=1)]
    days = [date(2008, 1, 1) + timedelta(days=n) for n in range(TICKIT_ROWS["date"])]
    dates = [
        [_FIRST_DATEID + n, day.isoformat(), _DAYS[(day.weekday() + 1) % 7], day.isocalendar()[1],
         _MONTHS[day.month - 1], (day.month - 1) // 3 + 1, day.year, "true" if n % 50 == 0 else "false"]
        for n, day in enumerate(days)
    ]  # fmt: skip
    events = [
        [n, n % TICKIT_ROWS["venue"] + 1, n % 11 + 1, _FIRST_DATEID + n % 365, f"Event {n}", _moment(n)]
        for n in range(1, TICKIT_ROWS["event"] + 1)
    ]
    listings = [
        [n, 100 + n, n % TICKIT_ROWS["event"] + 1, _FIRST_DATEID + n % 365, n % 10 + 1, f"{n % 90 + 10}.00",
         f"{(n % 90 + 10) * (n % 10 + 1)}.00", _moment(n)]
        for n in range(1, TICKIT_ROWS["listing"] + 1)
    ]  # fmt: skip
    sales = [
        [n, n % TICKIT_ROWS["listing"] + 1, 100 + n, n % TICKIT_ROWS["users"] + 1, n % TICKIT_ROWS["event"] + 1,
         _FIRST_DATEID + n % 365, n % 4 + 1, f"{n % 500 + 20}.00", f"{(n % 500 + 20) * 15 // 100}.{n % 10}0",
         _sale_time(n)]
        for n in range(1, TICKIT_ROWS["sales"] + 1)
    ]  # fmt: skip
    return {
        "tickit/allusers_pipe.txt": _lines(users),
        "tickit/venue_pipe.txt": _lines(venues),
        "tickit/category_pipe.txt": _lines(categories),
        "tickit/date2008_pipe.txt": _lines(dates),
        "tickit/allevents_pipe.txt": _lines(events),
        "tickit/listings_pipe.txt": _lines(listings),
        "tickit/sales_tab.txt": _lines(sales, "\t"),
    }


def _moment(n: int) -> str:
    return (datetime(2008, 1, 1, 8) + timedelta(hours=7 * n, minutes=n % 60)).strftime("%Y-%m-%d %H:%M:%S")


def _sale_time(n: int) -> str:
    """MM/DD/YYYY HH:MI:SS as the SALES file writes it (month and day without leading zeros)."""
    moment = datetime(2008, 1, 1) + timedelta(hours=11 * n, seconds=n)
    return f"{moment.month}/{moment.day}/{moment.year} {moment:%H:%M:%S}"


# --- SSB ("Tutorial: Loading data from Amazon S3") ---

ROWS_PER_FILE = 20
SSB_ROWS = FILES_PER_TABLE * ROWS_PER_FILE
"""Rows of PART, SUPPLIER, CUSTOMER and DWDATE (each in 8 files of 20 rows); LINEORDER has LINEORDER_ROWS."""
LINEORDER_ROWS = 400
NUL_PARTS = (15, 81, 133)
"""The parts whose p_mfgr is a NUL character (the tutorial's p_partkey 15, 81 and 133), named 'NUL next'."""
INVALID_UTF8_CUSTOMER = 1
"""The customer whose address holds an invalid UTF-8 byte: line 1 of customer-fw.tbl-000 (and of its .bak copy)."""
CUSTOMER_WIDTHS = (10, 25, 25, 10, 15, 12, 15, 10)
CUSTOMER_LOG = ("#Load file", "customer-fw.tbl", "#Total rows", "#Status", "Complete")
"""The lines of customer-fw.tbl.log, each refused by c_custkey (1207)."""

SSB_TABLES = """
CREATE TABLE part
(
  p_partkey     INTEGER NOT NULL,
  p_name        VARCHAR(22) NOT NULL,
  p_mfgr        VARCHAR(6),
  p_category    VARCHAR(7) NOT NULL,
  p_brand1      VARCHAR(9) NOT NULL,
  p_color       VARCHAR(11) NOT NULL,
  p_type        VARCHAR(25) NOT NULL,
  p_size        INTEGER NOT NULL,
  p_container   VARCHAR(10) NOT NULL
);

CREATE TABLE supplier
(
  s_suppkey   INTEGER NOT NULL,
  s_name      VARCHAR(25) NOT NULL,
  s_address   VARCHAR(25) NOT NULL,
  s_city      VARCHAR(10) NOT NULL,
  s_nation    VARCHAR(15) NOT NULL,
  s_region    VARCHAR(12) NOT NULL,
  s_phone     VARCHAR(15) NOT NULL
);

CREATE TABLE customer
(
  c_custkey      INTEGER NOT NULL,
  c_name         VARCHAR(25) NOT NULL,
  c_address      VARCHAR(25) NOT NULL,
  c_city         VARCHAR(10) NOT NULL,
  c_nation       VARCHAR(15) NOT NULL,
  c_region       VARCHAR(12) NOT NULL,
  c_phone        VARCHAR(15) NOT NULL,
  c_mktsegment   VARCHAR(10) NOT NULL
);

CREATE TABLE dwdate
(
  d_datekey            INTEGER NOT NULL,
  d_date               VARCHAR(19) NOT NULL,
  d_dayofweek          VARCHAR(10) NOT NULL,
  d_month              VARCHAR(10) NOT NULL,
  d_year               INTEGER NOT NULL,
  d_yearmonthnum       INTEGER NOT NULL,
  d_yearmonth          VARCHAR(8) NOT NULL,
  d_daynuminweek       INTEGER NOT NULL,
  d_daynuminmonth      INTEGER NOT NULL,
  d_daynuminyear       INTEGER NOT NULL,
  d_monthnuminyear     INTEGER NOT NULL,
  d_weeknuminyear      INTEGER NOT NULL,
  d_sellingseason      VARCHAR(13) NOT NULL,
  d_lastdayinweekfl    VARCHAR(1) NOT NULL,
  d_lastdayinmonthfl   VARCHAR(1) NOT NULL,
  d_holidayfl          VARCHAR(1) NOT NULL,
  d_weekdayfl          VARCHAR(1) NOT NULL
);
CREATE TABLE lineorder
(
  lo_orderkey          INTEGER NOT NULL,
  lo_linenumber        INTEGER NOT NULL,
  lo_custkey           INTEGER NOT NULL,
  lo_partkey           INTEGER NOT NULL,
  lo_suppkey           INTEGER NOT NULL,
  lo_orderdate         INTEGER NOT NULL,
  lo_orderpriority     VARCHAR(15) NOT NULL,
  lo_shippriority      VARCHAR(1) NOT NULL,
  lo_quantity          INTEGER NOT NULL,
  lo_extendedprice     INTEGER NOT NULL,
  lo_ordertotalprice   INTEGER NOT NULL,
  lo_discount          INTEGER NOT NULL,
  lo_revenue           INTEGER NOT NULL,
  lo_supplycost        INTEGER NOT NULL,
  lo_tax               INTEGER NOT NULL,
  lo_commitdate        INTEGER NOT NULL,
  lo_shipmode          VARCHAR(10) NOT NULL
);
"""
"""The tutorial's CREATE TABLE statements (Step 4), as printed."""

_CREDENTIALS = "credentials 'aws_iam_role=arn:aws:iam::<aws-account-id>:role/<role-name>'"
_CUSTOMER_SPEC = (
    "fixedwidth 'c_custkey:10, c_name:25, c_address:25, c_city:10, c_nation:15, c_region :12, c_phone:15,"
    "c_mktsegment:10'"
)
SSB_COPY = {
    "part_without_null_as": f"copy part from 's3://<your-bucket-name>/load/part-csv.tbl'\n{_CREDENTIALS}\ncsv;",
    "part": f"copy part from 's3://<your-bucket-name>/load/part-csv.tbl'\n{_CREDENTIALS}\ncsv\nnull as '\\000';",
    "supplier": f"copy supplier from 's3://amzn-s3-demo-bucket/ssb/supplier.tbl'\n{_CREDENTIALS}\ndelimiter '|'\n"
    "gzip\nregion 'us-west-2';",
    "customer_without_maxerror": f"copy customer\nfrom 's3://<your-bucket-name>/load/customer-fw.tbl'\n{_CREDENTIALS}\n"
    f"{_CUSTOMER_SPEC};",
    "customer_with_maxerror": f"copy customer\nfrom 's3://<your-bucket-name>/load/customer-fw.tbl'\n{_CREDENTIALS}\n"
    f"{_CUSTOMER_SPEC}\nmaxerror 10;",
    "customer": f"copy customer from 's3://<your-bucket-name>/load/customer-fw-manifest'\n{_CREDENTIALS}\n"
    f"{_CUSTOMER_SPEC}\nmaxerror 10\nacceptinvchars as '^'\nmanifest;",
    "dwdate": f"copy dwdate from 's3://<your-bucket-name>/load/dwdate-tab.tbl'\n{_CREDENTIALS}\ndelimiter '\\t'\n"
    "dateformat 'auto';",
    "lineorder_single": f"copy lineorder from 's3://amzn-s3-demo-bucket/load/lo/lineorder-single.tbl'\n{_CREDENTIALS}\n"
    "gzip\ncompupdate off\nregion 'us-east-1';",
    "lineorder_multi": f"copy lineorder from 's3://amzn-s3-demo-bucket/load/lo/lineorder-multi.tbl'\n{_CREDENTIALS}\n"
    "gzip\ncompupdate off\nregion 'us-east-1';",
}
"""The tutorial's COPY statements (Step 5), as printed (placeholders <your-bucket-name>, <aws-account-id>,
<role-name>; the SUPPLIER and LINEORDER steps name the fictitious bucket amzn-s3-demo-bucket)."""

_NATIONS = (("MOROCCO", "AFRICA"), ("JORDAN", "MIDDLE EAST"), ("ARGENTINA", "AMERICA"), ("FRANCE", "EUROPE"))
_SEGMENTS = ("BUILDING", "AUTOMOBILE", "MACHINERY", "HOUSEHOLD", "FURNITURE")
_NAMES = ("dark sky", "floral beige", "bisque slate", "lemon chiffon", "misty rose")
_COLORS = ("indigo", "medium", "firebrick", "ivory", "khaki")
_TYPES = ("LARGE ANODIZED BRASS", "PROMO, POLISHED BRASS", 'MEDIUM "BURNISHED" TIN', "SMALL PLATED STEEL")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip


def _parts(first: int) -> bytes:
    lines = []
    for key in range(first, first + ROWS_PER_FILE):
        name, mfgr = ("NUL next", "\0") if key in NUL_PARTS else (_NAMES[key % 5], f"MFGR#{key % 5 + 1}")
        kind = _TYPES[key % len(_TYPES)]
        quoted = '"' + kind.replace('"', '""') + '"' if key % 2 or '"' in kind or "," in kind else kind
        lines.append(
            f"{key},{name},{mfgr},MFGR#{key % 5 + 1}{key % 4 + 1},MFGR#{key % 5 + 1}{key % 40 + 10},"
            f"{_COLORS[key % len(_COLORS)]},{quoted},{key % 50 + 1},LG CASE\n"
        )
    return "".join(lines).encode()


def _nation(key: int) -> tuple[str, str]:
    return _NATIONS[key % len(_NATIONS)]


def _suppliers(first: int) -> bytes:
    rows = []
    for key in range(first, first + ROWS_PER_FILE):
        nation, region = _nation(key)
        rows.append([key, f"Supplier#{key:09d}", f"Address {key}", f"{nation[:9]}{key % 10}", nation, region,
                     f"25-{key % 1000:03d}-555-0100"])  # fmt: skip
    return gzip.compress(_lines(rows))


def _customer_line(key: int) -> bytes:
    nation, region = _nation(key)
    address = b"Mayag\xe9ez" if key == INVALID_UTF8_CUSTOMER else f"Address {key}".encode()
    fields = [
        str(key).encode(), f"Customer#{key:09d}".encode(), address, f"{nation[:9]}{key % 10}".encode(),
        nation.encode(), region.encode(), f"25-{key % 1000:03d}-555-01".encode(), _SEGMENTS[key % 5].encode(),
    ]  # fmt: skip
    return b"".join(field.ljust(width) for field, width in zip(fields, CUSTOMER_WIDTHS, strict=True)) + b"\n"


def _customers(first: int) -> bytes:
    return b"".join(_customer_line(key) for key in range(first, first + ROWS_PER_FILE))


def dwdate_day(number: int) -> date:
    return date(1992, 1, 1) + timedelta(days=number)


def _dwdates(first: int) -> bytes:
    rows = []
    for number in range(first, first + ROWS_PER_FILE):
        day = dwdate_day(number)
        written = day.isoformat() if number % 2 == 0 else f"{_MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
        rows.append([
            f"{day:%Y%m%d}", written, f"{day:%A}", _MONTH_NAMES[day.month - 1], day.year, f"{day:%Y%m}",
            f"{day:%b%Y}", day.isoweekday() % 7 + 1, day.day, day.timetuple().tm_yday, day.month,
            day.isocalendar()[1], "Winter" if day.month in (12, 1, 2) else "Christmas", int(day.weekday() == 5),
            int((day + timedelta(days=1)).day == 1), 0, int(day.weekday() < 5),
        ])  # fmt: skip
    return _lines(rows, "\t")


def _lineorders(first: int, count: int) -> bytes:
    rows = [
        [key // 4 + 1, key % 4 + 1, key % SSB_ROWS + 1, key % SSB_ROWS + 1, key % SSB_ROWS + 1,
         f"{dwdate_day(key % SSB_ROWS):%Y%m%d}", "2-HIGH", 0, key % 50 + 1, 100 * key, 400 * key, key % 10,
         90 * key, 60 * key, key % 9, f"{dwdate_day(key % SSB_ROWS + 30):%Y%m%d}", ("TRUCK", "MAIL", "SHIP")[key % 3]]
        for key in range(first, first + count)
    ]  # fmt: skip
    return gzip.compress(_lines(rows))


def ssb_files() -> dict[str, bytes]:
    """The files of the tutorial's own bucket by key (under load/), the manifest aside (see customer_manifest)."""
    files: dict[str, bytes] = {}
    for part in range(FILES_PER_TABLE):
        first = part * ROWS_PER_FILE + 1
        files[f"load/part-csv.tbl-{part:03d}"] = _parts(first)
        files[f"load/customer-fw.tbl-{part:03d}"] = _customers(first)
        files[f"load/dwdate-tab.tbl-{part:03d}"] = _dwdates(first - 1)
    files["load/customer-fw.tbl-000.bak"] = files["load/customer-fw.tbl-000"]
    files["load/customer-fw.tbl.log"] = "".join(line + "\n" for line in CUSTOMER_LOG).encode()
    return files


def sample_bucket_files() -> dict[str, bytes]:
    """The files the SUPPLIER (ssb/, us-west-2) and LINEORDER (load/lo/, us-east-1) steps read from AWS's buckets."""
    files = {f"ssb/supplier.tbl-{part:03d}": _suppliers(part * ROWS_PER_FILE + 1) for part in range(FILES_PER_TABLE)}
    files["load/lo/lineorder-single.tbl"] = _lineorders(0, LINEORDER_ROWS)
    share = LINEORDER_ROWS // FILES_PER_TABLE
    for part in range(FILES_PER_TABLE):
        files[f"load/lo/lineorder-multi.tbl-{part:03d}"] = _lineorders(part * share, share)
    return files


def customer_manifest(bucket: str) -> bytes:
    """customer-fw-manifest as the tutorial prints it, with the bucket's name put in."""
    entries = [{"url": f"s3://{bucket}/load/customer-fw.tbl-{part:03d}"} for part in range(FILES_PER_TABLE)]
    return orjson.dumps({"entries": entries}, option=orjson.OPT_INDENT_2)
