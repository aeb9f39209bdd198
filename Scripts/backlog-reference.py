#!/usr/bin/env python3
# The backlog of Fixtures/real/servicenow-incident-event-log.csv computed without contactstat (DuckDB), for
# BacklogRealExportTests: each incident's last event (the preset keeps the last row of each number), open at
# PERIOD_END (UTC) when opened before it and resolved at or after it, or with no resolved_at and an open state
# (New, Active, Awaiting ...). Prints the count, the median and p90 (nearest rank) age in days, per group.
# Usage (from the package root): python3 Scripts/backlog-reference.py '2016-03-01 00:00:00'
import duckdb, math, sys
period_end = sys.argv[1]
con = duckdb.connect()
con.execute("""
create table raw as select row_number() over () as rn, * from read_csv('Fixtures/real/servicenow-incident-event-log.csv', all_varchar=true, header=true);
create table c as select * from raw qualify rn = max(rn) over (partition by number);
""")
rows = con.execute(f"""
select assignment_group,
  epoch(timestamp '{period_end}' - strptime(opened_at, '%d-%m-%Y %H:%M')) / 86400.0 as age,
  try_strptime(resolved_at, '%d-%m-%Y %H:%M') as closed, incident_state
from c
where strptime(opened_at, '%d-%m-%Y %H:%M') < timestamp '{period_end}'
  and (try_strptime(resolved_at, '%d-%m-%Y %H:%M') >= timestamp '{period_end}'
       or (try_strptime(resolved_at, '%d-%m-%Y %H:%M') is null and (incident_state in ('New','Active') or incident_state like 'Awaiting%')))
""").fetchall()
print("contacts", con.execute("select count(*) from c").fetchone()[0],
      "closed status without resolved_at", con.execute("select count(*) from c where try_strptime(resolved_at, '%d-%m-%Y %H:%M') is null and incident_state in ('Resolved','Closed')").fetchone()[0])
def stats(ages):
    a = sorted(ages); n = len(a)
    if n == 0: return (0, None, None)
    med = a[n//2] if n % 2 else (a[n//2-1] + a[n//2]) / 2
    return (n, round(med, 4), round(a[math.ceil(0.9*n)-1], 4))
print("total", stats([r[1] for r in rows]))
groups = {}
for g, age, _, _ in rows: groups.setdefault(g, []).append(age)
for g in sorted(groups, key=lambda g: -len(groups[g])): print(g, stats(groups[g]))
