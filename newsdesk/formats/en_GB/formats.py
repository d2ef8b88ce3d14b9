"""Dates the newsroom cannot misread: "8 Dec 2010" and 2010-12-08, never
08/12/2010 (which a reader from elsewhere takes for 12 August). Django's
British formats with the slashed ones replaced; found through
FORMAT_MODULE_PATH (newsdesk/settings/base.py)."""

DATE_FORMAT = "j M Y"  # 8 Dec 2010
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j M Y, H:i"  # 8 Dec 2010, 14:30
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y-m-d"  # 2010-12-08
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# The first is what the admin's date fields and calendar write; the others
# are accepted as typed. Django adds the ISO formats in any case.
DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2010-12-08
    "%d %b %Y",  # 8 Dec 2010
    "%d %B %Y",  # 8 December 2010
]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d %b %Y %H:%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
