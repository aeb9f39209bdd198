#!/usr/bin/env python3
# The staffing plan of Fixtures/real/call-centre-trends-2021.csv computed without contactstat, for
# StaffingRealExportTests: arrivals per ISO weekday and hour (UTC), the number of such weekday-hours in the
# covered days (first to last call date), the mean talk time (avgtalkduration, H:MM:SS or seconds) and the
# agents needed by Erlang C written from its textbook form with exact factorials (Σ A^k/k!), for 80 % in 20 s,
# then ⌈agents / (1 - 0.3)⌉ to schedule. Usage (from the package root): python3 Scripts/staffing-reference.py
import math, datetime, polars as pl

d = pl.read_csv("Fixtures/real/call-centre-trends-2021.csv", infer_schema_length=0)
def opened(row):
    # The file's dates are month-first (see CallCentrePreset).
    m, day, y = (int(x) for x in row["date"].split("-"))
    hh, mm, ss = (int(x) for x in row["time"].split(":"))
    return datetime.datetime(y, m, day, hh, mm, ss)
def seconds(text):
    if text is None or text == "": return None
    parts = [float(x) for x in text.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rows = d.to_dicts()
times = [opened(r) for r in rows]
talk = [seconds(r["avgtalkduration"]) for r in rows]
talk = [t for t in talk if t is not None]
aht = sum(talk) / len(talk)
first, last = min(times).date(), max(times).date()
weekdays = [0] * 7
day = first
while day <= last:
    weekdays[day.weekday()] += 1
    day += datetime.timedelta(days=1)
cells = {}
for t in times: cells[(t.weekday() + 1, t.hour)] = cells.get((t.weekday() + 1, t.hour), 0) + 1

def erlang_c(a, n):
    top = a ** n / math.factorial(n) * n / (n - a)
    return top / (sum(a ** k / math.factorial(k) for k in range(n)) + top)
def agents(rate, h, target=0.8, t=20):
    a = rate * h / 3600
    n = int(a) + 1
    while 1 - erlang_c(a, n) * math.exp(-(n - a) * t / h) < target: n += 1
    return n
print("aht", round(aht, 4), "covered", first, last, "weekday-hours", weekdays)
for (wd, hour), count in sorted(cells.items()):
    rate = count / weekdays[wd - 1]
    n = agents(rate, aht)
    print(wd, hour, weekdays[wd - 1], count, round(rate, 4), n, math.ceil(n / 0.7 - 1e-9))
