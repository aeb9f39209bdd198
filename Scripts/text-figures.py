#!/usr/bin/env python3
"""Text figures of an export, counted independently of contactstat (DuckDB, or Python's csv module).

Usage: python3 Scripts/text-figures.py FILE.csv

Prints one line for Scripts/benchmark.sh:

    text-figures: rows 1000000, distinct subjects 851234 (85.1 %), text bytes 123456789 (subject 98765432,
    description 24691357), descriptions 333333 (33.3 %, mean 412 bytes, min 201, max 1999)

Text bytes are the UTF-8 bytes of `subject` plus `description` (when the file has that column): the text the
built-in taxonomy classifies.
"""

import csv
import sys


def with_duckdb(path):
    import duckdb

    con = duckdb.connect()
    cols = [r[0] for r in con.execute(
        "SELECT column_name FROM (DESCRIBE SELECT * FROM read_csv(?, header = true, all_varchar = true))",
        [path]).fetchall()]
    body = "description" if "description" in cols else None
    q = f"""
        SELECT count(*), count(DISTINCT subject), coalesce(sum(strlen(subject)), 0),
               {f'coalesce(sum(strlen({body})), 0), count({body}), avg(strlen({body})), min(strlen({body})), max(strlen({body}))' if body else '0, 0, 0, 0, 0'}
        FROM read_csv(?, header = true, all_varchar = true)"""
    return con.execute(q, [path]).fetchone()


def with_csv(path):
    csv.field_size_limit(1 << 30)
    rows = 0
    subjects = set()
    sb = db = dn = 0
    dmin = dmax = None
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        si = header.index("subject")
        di = header.index("description") if "description" in header else None
        for row in reader:
            rows += 1
            subjects.add(row[si])
            sb += len(row[si].encode())
            if di is not None and row[di]:
                n = len(row[di].encode())
                db += n
                dn += 1
                dmin = n if dmin is None else min(dmin, n)
                dmax = n if dmax is None else max(dmax, n)
    return rows, len(subjects), sb, db, dn, (db / dn if dn else 0), dmin or 0, dmax or 0


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    try:
        figures = with_duckdb(sys.argv[1])
    except ImportError:
        figures = with_csv(sys.argv[1])
    rows, distinct, sb, db, dn, mean, dmin, dmax = figures
    rows = max(rows, 1)
    print(f"text-figures: rows {rows}, distinct subjects {distinct} ({100 * distinct / rows:.1f} %), "
          f"text bytes {sb + db} (subject {sb}, description {db}), descriptions {dn} "
          f"({100 * dn / rows:.1f} %, mean {mean or 0:.0f} bytes, min {dmin or 0}, max {dmax or 0})")


if __name__ == "__main__":
    main()
