#!/usr/bin/env python3
"""Contacts per value of one export column, counted with the standard library only (no contactstat code):
the independent figures for `--cause-from` (each value is a cause, so the causes' contact counts must equal
these). Values are trimmed; empty values are counted under "".

    python3 Scripts/column-value-counts.py Fixtures/real/nyc311-2024-05.csv complaint_type \
        > Fixtures/real/nyc311-2024-05-complaint-types.json
"""
import csv
import json
import sys
from collections import Counter


def main() -> None:
    path, column = sys.argv[1], sys.argv[2]
    with open(path, newline="", encoding="utf-8") as handle:
        counts = Counter(row[column].strip() for row in csv.DictReader(handle))
    json.dump(dict(sorted(counts.items())), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
