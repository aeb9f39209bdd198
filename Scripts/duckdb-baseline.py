#!/usr/bin/env python3
"""DuckDB baseline for Scripts/benchmark.sh.

Usage: python3 Scripts/duckdb-baseline.py FILE.csv [OUTPUT.json]

Computes, over a CSV written by `contactstat generate`, roughly what `contactstat report` computes, the way an
analyst would write it in SQL: channel mix, CSAT (share satisfied, mean), cost per contact with the built-in
cost model, same-cause repeats and FCR in a 7-day window, weekly volume, and the top causes. The cause is
crude on purpose: the first word of the subject, lower-cased (contactstat runs a keyword taxonomy instead).

The CSV is read once into an in-memory table (as contactstat reads its input once) holding only the columns
the queries use, with the subject replaced by its cause (a narrow table: about a third less memory and CPU
than keeping every column); every query then runs on that table. All result rows are fetched into Python and written as JSON (to OUTPUT, default /dev/null),
so nothing is left unevaluated. A profile line goes to stderr, in the shape of `contactstat --profile`:

    duckdb-baseline: profile: load 1.234 s, queries 0.567 s, render 0.001 s; 1000000 rows; 2 threads

DUCKDB_THREADS=N sets DuckDB's worker threads (default: DuckDB's own, one per core).
"""

import json
import os
import sys
import time

try:
    import duckdb
except ImportError:
    sys.stderr.write("duckdb-baseline: the duckdb module is missing (pip install duckdb)\n")
    sys.exit(2)

WINDOW_DAYS = 7
SATISFIED_AT = 4  # CSAT on 1-5: 4 and 5 are satisfied, as contactstat's default threshold

# contactstat's built-in cost model (Sources/ContactAnalytics/Metrics/CostModel.swift):
# channel -> (per contact, per minute, default handle minutes when handle_time is empty).
COSTS = {
    "phone": (1.00, 0.90, 6),
    "email": (0.80, 0.80, 8),
    "chat": (0.50, 0.60, 10),
    "social": (0.50, 0.80, 5),
    "messaging": (0.50, 0.60, 8),
    "web": (0.80, 0.80, 7),
    "self_service": (0.10, 0.00, 0),
    "sms": (0.30, 0.80, 3),
    "in_person": (2.00, 0.90, 10),
}
OTHER_COST = (0.80, 0.80, 6)

COLUMNS = {
    "ticket_id": "VARCHAR", "created_at": "TIMESTAMP", "closed_at": "TIMESTAMP", "customer_id": "VARCHAR",
    "channel": "VARCHAR", "subject": "VARCHAR", "status": "VARCHAR", "handle_time": "INTEGER",
    "csat": "TINYINT", "agent": "VARCHAR", "queue": "VARCHAR", "language": "VARCHAR",
}


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def cost_case():
    def formula(c):
        per_contact, per_minute, default_minutes = c
        return f"{per_contact} + {per_minute} * coalesce(handle_time / 60.0, {default_minutes})"
    whens = " ".join(f"WHEN {sql_string(ch)} THEN {formula(c)}" for ch, c in COSTS.items())
    return f"CASE channel {whens} ELSE {formula(OTHER_COST)} END"


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write("usage: duckdb-baseline.py FILE.csv [OUTPUT.json]\n")
        return 64
    path = sys.argv[1]
    output = sys.argv[2] if len(sys.argv) == 3 else os.devnull
    if not os.path.isfile(path):
        sys.stderr.write(f"duckdb-baseline: no such file: {path}\n")
        return 66

    con = duckdb.connect()  # in memory
    if os.environ.get("DUCKDB_THREADS"):
        con.execute(f"SET threads = {int(os.environ['DUCKDB_THREADS'])}")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]

    # The file's own header, so a realistic-text export (`generate --text realistic`, with a `description`
    # column the queries do not read) loads too; columns not in COLUMNS are read as text.
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\r\n").split(",")
    columns = "{" + ", ".join(f"{sql_string(k)}: {sql_string(COLUMNS.get(k, 'VARCHAR'))}" for k in header) + "}"
    t0 = time.monotonic()
    con.execute(f"""
        CREATE TEMP TABLE c AS
        SELECT ticket_id, created_at, closed_at, customer_id, channel, handle_time, csat,
               lower(split_part(trim(coalesce(subject, '')), ' ', 1)) AS cause,
               {cost_case()} AS cost
        FROM read_csv({sql_string(path)}, header = true, columns = {columns})
    """)
    t1 = time.monotonic()

    queries = {
        # Contacts per channel and their share of all contacts.
        "channel_mix": """
            SELECT channel, count(*) AS contacts, count(*) / sum(count(*)) OVER () AS share,
                   sum(cost) / count(*) AS cost_per_contact
            FROM c GROUP BY channel ORDER BY contacts DESC
        """,
        # Response rate, CSAT (share satisfied among responses) and mean score; handle and resolution times.
        "summary": f"""
            SELECT count(*) AS contacts,
                   count(csat) AS responses,
                   count(csat) / count(*) AS response_rate,
                   count(*) FILTER (WHERE csat >= {SATISFIED_AT}) / count(csat) AS csat,
                   avg(csat) AS mean_score,
                   sum(cost) AS total_cost,
                   sum(cost) / count(*) AS cost_per_contact,
                   avg(handle_time) AS aht_seconds,
                   median(handle_time) AS median_handle_seconds,
                   quantile_disc(epoch(closed_at - created_at), 0.9)
                       FILTER (WHERE closed_at >= created_at) AS p90_resolution_seconds,
                   max(created_at) AS data_end
            FROM c
        """,
        # Same-cause repeats and FCR (repeat-window method), per cause and overall (GROUPING SETS).
        "fcr_by_cause": f"""
            WITH s AS (
                SELECT cause, cost, created_at,
                       lag(created_at) OVER w AS prev_at,
                       lead(created_at) OVER w AS next_at
                FROM c WHERE customer_id IS NOT NULL
                WINDOW w AS (PARTITION BY customer_id, cause ORDER BY created_at, ticket_id)
            ), e AS (SELECT max(created_at) - INTERVAL {WINDOW_DAYS} DAY AS evaluable_until FROM c)
            SELECT cause,
                   count(*) AS contacts,
                   sum(cost) AS cost,
                   count(*) FILTER (WHERE created_at - prev_at <= INTERVAL {WINDOW_DAYS} DAY) AS repeats,
                   count(*) FILTER (WHERE created_at <= evaluable_until) AS evaluable,
                   count(*) FILTER (WHERE created_at <= evaluable_until
                                    AND (next_at IS NULL OR next_at - created_at > INTERVAL {WINDOW_DAYS} DAY))
                       AS resolved_first_contact
            FROM s, e
            GROUP BY GROUPING SETS ((cause), ())
            ORDER BY contacts DESC
        """,
        # Contacts, CSAT and cost per ISO week (Monday start) and channel.
        "weekly": f"""
            SELECT date_trunc('week', created_at) AS week, channel, count(*) AS contacts,
                   count(*) FILTER (WHERE csat >= {SATISFIED_AT}) AS satisfied, count(csat) AS responses,
                   sum(cost) AS cost
            FROM c GROUP BY ALL ORDER BY week, channel
        """,
    }
    results = {}
    for name, sql in queries.items():
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        results[name] = [dict(zip(names, row)) for row in cursor.fetchall()]
    fcr = results["fcr_by_cause"]
    overall = next(r for r in fcr if r["cause"] is None)
    results["fcr"] = dict(overall, fcr=(overall["resolved_first_contact"] / overall["evaluable"])
                          if overall["evaluable"] else None)
    results["top_causes"] = [r for r in fcr if r["cause"] is not None][:10]
    t2 = time.monotonic()

    with open(output, "w", encoding="utf-8") as f:
        json.dump(results, f, default=str, indent=1)
    t3 = time.monotonic()

    rows = results["summary"][0]["contacts"]
    sys.stderr.write(f"duckdb-baseline: profile: load {t1 - t0:.3f} s, queries {t2 - t1:.3f} s, "
                     f"render {t3 - t2:.3f} s; {rows} rows; {threads} threads\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
