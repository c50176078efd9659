"""Reference due times for CronScheduleTests, from croniter (pip install croniter).

For each expression: every time it is due in (2026-12-07 09:00, 2027-01-07 09:00] UTC, as Unix
seconds; the test checks the count and the first and last.
"""
from datetime import datetime, timezone

from croniter import croniter

START = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)
END = datetime(2027, 1, 7, 9, 0, tzinfo=timezone.utc)

EXPRESSIONS = ["0 2 * * 0", "30 */6 * * *", "0 9 1,15 * *", "0 0 * * mon-fri", "15 3 1 * 0", "0 12 24 dec *",
               "*/20 8-9 * * 7"]

for expression in EXPRESSIONS:
    times = []
    it = croniter(expression, START)
    while True:
        t = it.get_next(datetime)
        if t > END:
            break
        times.append(int(t.timestamp()))
    print(f'("{expression}", {len(times)}, {times[0]}, {times[-1]}),')
