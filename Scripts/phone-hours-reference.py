#!/usr/bin/env python3
# Phone-queue figures by hour of day of Fixtures/real/call-centre-trends-2021.csv computed without contactstat,
# for PhoneHoursRealExportTests: per UTC hour of the call, answered (Y) and abandoned (N) calls, the abandon
# rate, the mean speed of answer of answered calls, and the service level (answered within 20 s / (answered
# with a wait + abandoned - abandoned with a wait within 20 s)). Usage: python3 Scripts/phone-hours-reference.py
import polars as pl

d = pl.read_csv("Fixtures/real/call-centre-trends-2021.csv", infer_schema_length=0)
rows = {}
for r in d.to_dicts():
    hour = int(r["time"].split(":")[0])
    wait = r["speed of answer in seconds"]
    wait = float(wait) if wait not in (None, "") else None
    rows.setdefault(hour, []).append((r["answered (Y/N)"] == "Y", wait))
for hour in sorted(rows):
    calls = rows[hour]
    answered = [w for a, w in calls if a]; abandoned = [w for a, w in calls if not a]
    waits = [w for w in answered if w is not None]
    within = sum(1 for w in waits if w <= 20)
    short = sum(1 for w in abandoned if w is not None and w <= 20)
    denominator = len(waits) + len(abandoned) - short
    print(hour, len(answered), len(abandoned), round(len(abandoned) / len(calls), 4),
          round(sum(waits) / len(waits), 4) if waits else None, round(within / denominator, 4) if denominator else None)
