"""Every limit of the language, declared once: checked while reading, before any arithmetic,
so that no text costs more than a bounded amount of work; the README's limits are written
from here."""

MAX_LENGTH = 200
MAX_DEPTH = 12
MAX_POWER = 4  # on a quantity with a unit: (2 KB)^4 is already B⁴
MAX_PLAIN_POWER = 64  # on a plain number: 2^41 IDs, 62^7 short URLs
MAX_MAGNITUDE = 30  # 1e±30
MAX_DIGITS = 30
MAX_RANGES = 10  # per expression: each is 2,000 samples to draw
MAX_RANGE_RATIO = 1e6  # a positive range wider than a factor of a million is not an estimate
MAX_NINES = 15  # more nines than a float can tell from 100%
