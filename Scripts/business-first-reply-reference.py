#!/usr/bin/env python3
# First-reply time in business hours of Fixtures/real/support-analytics-tickets-2024.csv computed without
# contactstat, for BusinessFirstReplyRealExportTests: opening hours Mo-Fr OPEN:00-CLOSE:00 UTC (arguments, 8 16 by default), no holidays; the
# reply is created_date + first_response_minutes (rounded to the second, as contactstat reads times); business
# time = the overlap of [opened, reply] with the open hours of every day it touches. Prints the median and the
# 90th percentile (nearest rank), overall and per channel.
# Usage (from the package root): python3 Scripts/business-first-reply-reference.py [OPEN CLOSE]
import datetime, math, sys, polars as pl
OPEN, CLOSE = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (8, 16)

d = pl.read_csv("Fixtures/real/support-analytics-tickets-2024.csv", infer_schema_length=0)
def business(start, end):
    total, day = 0.0, start.date()
    while day <= end.date():
        if day.weekday() < 5:
            o = datetime.datetime.combine(day, datetime.time(OPEN)); c = datetime.datetime.combine(day, datetime.time(CLOSE))
            total += max(0.0, (min(end, c) - max(start, o)).total_seconds())
        day += datetime.timedelta(days=1)
    return total
def stats(values):
    a = sorted(values); n = len(a)
    med = a[n // 2] if n % 2 else (a[n // 2 - 1] + a[n // 2]) / 2
    return n, med, a[math.ceil(0.9 * n) - 1]
by = {}
for row in d.to_dicts():
    opened = datetime.datetime.fromisoformat(row["created_date"].split(".")[0])
    reply = opened + datetime.timedelta(seconds=round(float(row["first_response_minutes"]) * 60))
    by.setdefault(row["channel"], []).append(business(opened, reply))
print("all", stats([v for values in by.values() for v in values]))
for channel, values in sorted(by.items()): print(channel, stats(values))
