#!/usr/bin/env python3
"""Contacts per 1,000 units on a real export, computed without contactstat's report (DuckDB over the export and
the hand-written volume file; causes from `contactstat classify`'s cause column, aggregated here).

    python3 Scripts/per-unit-reference.py .build/debug/contactstat

Export: Fixtures/real/call-centre-trends-2021.csv (--preset call-centre, --period day, UTC: dates month-first,
every call is phone). Volumes: Fixtures/real/call-centre-trends-2021-volumes.csv (1,250.0 and 1 310 grouped;
2021-01-03 customers 0; 2021-01-05 missing; 2021-01-06 customers empty; 2021-01-10 without contacts).
Prints per day: contacts, per 1,000 orders and customers; the all-complete rates; per cause per day for orders.
"""
import subprocess, sys, io, csv
import duckdb

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/contactstat"
export = "Fixtures/real/call-centre-trends-2021.csv"
classified = subprocess.run([binary, "classify", "-q", "--preset", "call-centre", export],
                            capture_output=True, text=True, check=True).stdout
rows = list(csv.DictReader(io.StringIO(classified)))
con = duckdb.connect()
con.execute("create table calls (day date, cause varchar)")
con.executemany("insert into calls values (strptime(?, '%m-%d-%Y')::date, ?)", [(r["date"], r["cause"]) for r in rows])
# The volume file by hand: its numbers written out here as the file means them.
con.execute("create table volumes (day date, orders double, customers double)")
con.executemany("insert into volumes values (?, ?, ?)", [
    ("2021-01-01", 1250, 800), ("2021-01-02", 1310, 820), ("2021-01-03", 1190, 0), ("2021-01-04", 1205, 790),
    ("2021-01-06", 1400, None), ("2021-01-07", 1350, 845), ("2021-01-08", 1100, 700), ("2021-01-09", 1275, 810),
    ("2021-01-10", 1300, 820)])
print("day, contacts, per 1,000 orders, per 1,000 customers")
for r in con.execute("""
    select c.day, count(*) n, round(count(*) / any_value(v.orders) * 1000, 4),
           case when any_value(v.customers) > 0 then round(count(*) / any_value(v.customers) * 1000, 4) end
    from calls c left join volumes v using (day) group by c.day order by c.day""").fetchall():
    print(*r)
print("all complete (orders):", con.execute("""
    select sum(n), sum(orders), round(sum(n) / sum(orders) * 1000, 4) from
      (select day, count(*) n from calls group by day) join volumes using (day) where orders > 0""").fetchone())
print("all complete (customers):", con.execute("""
    select sum(n), sum(customers), round(sum(n) / sum(customers) * 1000, 4) from
      (select day, count(*) n from calls group by day) join volumes using (day) where customers > 0""").fetchone())
print("per cause, 2021-01-02, per 1,000 orders:")
for r in con.execute("""
    select cause, count(*), round(count(*) / any_value(orders) * 1000, 4) from calls join volumes using (day)
    where day = date '2021-01-02' group by cause order by 2 desc, 1""").fetchall():
    print(" ", *r)
print("per cause, all complete, per 1,000 orders:")
for r in con.execute("""
    select cause, count(*), round(count(*) / (select sum(orders) from volumes
        where orders > 0 and day in (select day from calls)) * 1000, 4)
    from calls join volumes using (day) where orders > 0 group by cause order by 2 desc, 1""").fetchall():
    print(" ", *r)
