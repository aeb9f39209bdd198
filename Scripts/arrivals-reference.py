#!/usr/bin/env python3
"""Arrivals and out-of-hours figures of the call-centre sample computed with DuckDB (no contactstat code): the
independent figures `ArrivalsRealExportTests` checks the report against. The export's `date` (month-first)
and `time` are wall-clock times, read as such (the test runs the report in Europe/Helsinki, where they are
local times). Opening hours Mo-Fr 09:00-17:00 with Finnish public holidays; the sample covers 1-9 January
2021, whose Finnish holidays are New Year's Day (Friday 1.1) and Epiphany (Wednesday 6.1).

    python3 Scripts/arrivals-reference.py > Fixtures/real/call-centre-trends-2021-arrivals.json
"""
import json
import sys

import duckdb

FILE = "Fixtures/real/call-centre-trends-2021.csv"
HOLIDAYS = "('2021-01-01', '2021-01-06')"


def main() -> None:
    con = duckdb.connect()
    con.execute(f"""create table t as select strptime("date" || ' ' || "time", '%m-%d-%Y %H:%M:%S') as ts
                    from read_csv('{FILE}', header = true, all_varchar = true)""")
    one = lambda sql: con.execute(sql).fetchone()[0]
    cells = con.execute("select isodow(ts), hour(ts), count(*) n from t group by 1, 2 order by n desc, 1, 2").fetchall()
    json.dump({
        "contacts": one("select count(*) from t"),
        "cells": [{"weekday": w, "hour": h, "contacts": n} for w, h, n in sorted(cells)],
        "busiest": [{"weekday": w, "hour": h, "contacts": n} for w, h, n in cells[:3]],
        "evening": one("select count(*) from t where hour(ts) >= 18"),
        "weekend": one("select count(*) from t where isodow(ts) >= 6"),
        "outside_hours": one(f"""select count(*) from t where cast(ts as date) in {HOLIDAYS}
                                 or isodow(ts) >= 6 or hour(ts) < 9 or hour(ts) >= 17"""),
        "outside_hours_holiday": one(f"select count(*) from t where cast(ts as date) in {HOLIDAYS}"),
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
