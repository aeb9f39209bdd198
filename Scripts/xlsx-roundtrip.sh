#!/usr/bin/env bash
# Round trip of `contactstat report --format xlsx` through LibreOffice: the workbook opens with no error and its
# numbers come back as numbers with the CSV report's values.
#
#   Scripts/xlsx-roundtrip.sh [FILE...]        (default: Fixtures/sample/contacts.csv)
#
# For each input: writes the report as xlsx and as CSV files (`--output-dir`), converts every sheet of the
# workbook back to CSV with LibreOffice headless (one file per sheet: filter option sheet -1; tab-separated,
# text cells quoted, numbers unquoted and as shown), and checks with python, cell by cell against contactstat's
# own CSV files: the same sheets, headers and rows; where the CSV has a number, LibreOffice has a number cell
# (unquoted) showing that value in its format (an integer, a percentage, money with the currency, [h]:mm:ss, a
# decimal); where it has an ISO 8601 instant, a date cell showing its time in the report's zone; where it has
# text, a text cell with that text (never a formula's result). Prints per sheet the cells checked by type and
# the headline figures as LibreOffice shows them; exits 1 on any difference.
#
# Needs soffice (LibreOffice 7.2 or later for sheet -1; earlier versions are asked sheet by sheet) and python3.
# Not part of `swift test`: LibreOffice is not on CI. CONTACTSTAT=path picks the binary (default: a debug
# build, built when missing).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
binary=${CONTACTSTAT:-.build/debug/contactstat}
[[ -x "$binary" ]] || swift build >/dev/null
command -v soffice >/dev/null || { echo "xlsx-roundtrip: soffice (LibreOffice) is not installed" >&2; exit 69; }
[[ $# -gt 0 ]] || set -- Fixtures/sample/contacts.csv

work=$(mktemp -d /tmp/contactstat-xlsx-roundtrip.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "$(soffice --version | head -1)"

status=0
for input in "$@"; do
    echo
    echo "== $input"
    out="$work/$(basename "$input" | tr -c 'A-Za-z0-9_.\n-' '_')"
    mkdir -p "$out/csv" "$out/lo"
    "$binary" report --quiet -f xlsx -o "$out/report.xlsx" "$input"
    "$binary" report --quiet -f csv --output-dir "$out/csv" "$input"
    # A profile of its own, so a running LibreOffice (or another run) does not take the conversion over.
    filter='csv:Text - txt - csv (StarCalc):9,34,76,1,,0,true,true,true,false,false'
    profile="-env:UserInstallation=file://$work/profile"
    if ! soffice "$profile" --headless --convert-to "$filter,-1" --outdir "$out/lo" "$out/report.xlsx" \
            >"$out/soffice.log" 2>&1; then
        echo "LibreOffice failed to convert the workbook:"; cat "$out/soffice.log"; status=1; continue
    fi
    if [[ ! -f "$out/lo/report-summary.csv" ]]; then
        # LibreOffice before 7.2 writes one sheet a conversion, chosen by number.
        sheets=$(ls "$out/csv" | wc -l)
        for ((n = 1; n <= sheets; n++)); do
            soffice "$profile" --headless --convert-to "$filter,$n" --outdir "$out/lo/$n" "$out/report.xlsx" >>"$out/soffice.log" 2>&1
        done
    fi
    if grep -qi 'error' "$out/soffice.log"; then
        echo "LibreOffice reported an error:"; cat "$out/soffice.log"; status=1
    fi
    python3 - "$out" <<'PYTHON' || status=1
import csv, datetime, glob, os, re, sys, zoneinfo

out = sys.argv[1]
order = ["summary", "channels", "causes", "processes", "periods", "channel_switches", "cause_groups", "queues",
         "agents", "emerging_causes"]
expected_files = {os.path.basename(p)[:-4] for p in glob.glob(os.path.join(out, "csv", "*.csv"))}
sheets = [name for name in order if name in expected_files] + sorted(expected_files - set(order))


def libreoffice_rows(path):
    """Tab-separated, text quoted: each field as (text, quoted)."""
    data = open(path, encoding="utf-8").read()
    rows, row, field, quoted, i = [], [], "", False, 0
    while i < len(data):
        ch = data[i]
        if ch == '"' and field == "" and not quoted:
            quoted, i = True, i + 1
            while True:
                end = data.index('"', i)
                field += data[i:end]
                if data[end + 1:end + 2] == '"':
                    field, i = field + '"', end + 2
                else:
                    i = end + 1
                    break
            continue
        if ch == "\t" or ch == "\n":
            row.append((field, quoted))
            field, quoted = "", False
            if ch == "\n":
                rows.append(row)
                row = []
        else:
            field += ch
        i += 1
    if field or row:
        row.append((field, quoted))
        rows.append(row)
    return rows


def lo_path(sheet, index):
    for candidate in (os.path.join(out, "lo", f"report-{sheet}.csv"), os.path.join(out, "lo", str(index + 1), "report.csv")):
        if os.path.exists(candidate):
            return candidate
    return None


def shown_number(text):
    """A number cell as LibreOffice shows it: (value, tolerance, kind)."""
    t = text.strip()
    if m := re.fullmatch(r"(-?)(\d+):(\d\d):(\d\d)", t):
        sign = -1 if m.group(1) else 1
        return sign * (int(m.group(2)) * 3600 + int(m.group(3)) * 60 + int(m.group(4))), 0.5 + 1e-6, "duration"
    if t.endswith("%"):
        return float(t[:-1].replace(",", "")) / 100, 0.0005 + 1e-9, "percent"
    if m := re.fullmatch(r"(-?[\d,]+\.\d\d) ([A-Z]{3})", t):
        return float(m.group(1).replace(",", "")), 0.005 + 1e-9, "money " + m.group(2)
    if re.fullmatch(r"-?[\d,]+\.\d\d", t):
        return float(t.replace(",", "")), 0.005 + 1e-9, "decimal"
    if re.fullmatch(r"-?\d+", t):
        return float(t), 0.0, "integer"
    return None


problems, totals = [], {}
zone = None
for index, sheet in enumerate(sheets):
    ours = list(csv.reader(open(os.path.join(out, "csv", sheet + ".csv"), encoding="utf-8", newline="")))
    path = lo_path(sheet, index)
    if path is None:
        problems.append(f"{sheet}: LibreOffice wrote no sheet")
        continue
    theirs = libreoffice_rows(path)
    if sheet == "summary":
        zone = next((r[2] for r in ours if r[:2] == ["definitions", "timezone"]), "UTC")
    counts = {}
    if [f for f, _ in theirs[0]] != ours[0]:
        problems.append(f"{sheet}: header {theirs[0]} vs {ours[0]}")
    if len(theirs) != len(ours):
        problems.append(f"{sheet}: {len(theirs) - 1} rows vs {len(ours) - 1}")
    for r, (lo_row, row) in enumerate(zip(theirs[1:], ours[1:]), start=2):
        lo_row = lo_row + [("", False)] * (len(row) - len(lo_row))
        for c, (value, (shown, quoted)) in enumerate(zip(row, lo_row)):
            where = f"{sheet}!{ours[0][c]} row {r}"
            if value == "":
                kind = "empty"
                if shown != "":
                    problems.append(f"{where}: empty in CSV, LibreOffice shows {shown!r}")
            elif re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)", value):
                kind = "date"
                instant = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
                local = instant.astimezone(zoneinfo.ZoneInfo(zone or "UTC")).strftime("%Y-%m-%d %H:%M")
                if quoted or shown != local:
                    problems.append(f"{where}: instant {value} shown {shown!r} ({'text' if quoted else 'number'}), expected date {local}")
            elif re.fullmatch(r"-?\d+(\.\d+)?", value):
                number = shown_number(shown)
                kind = number[2] if number else "?"
                if quoted or number is None:
                    problems.append(f"{where}: number {value} came back as {'text' if quoted else 'unreadable'} {shown!r}")
                elif abs(number[0] - float(value)) > number[1]:
                    problems.append(f"{where}: {value} shown {shown!r} = {number[0]}")
            else:
                kind = "text"
                text = value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r") else value
                if not quoted or shown != text:
                    problems.append(f"{where}: text {text!r} came back as {'text' if quoted else 'a number'} {shown!r}")
            counts[kind] = counts.get(kind, 0) + 1
    for kind, count in counts.items():
        totals[kind] = totals.get(kind, 0) + count
    detail = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
    print(f"  {sheet:17} {len(ours) - 1:4} rows  {detail}")

summary = {(f[0][0], f[1][0]): f[2][0] for f in libreoffice_rows(lo_path("summary", 0))[1:] if len(f) >= 3}
headline = ["contacts", "fcr", "repeat_rate", "avoidable_rate", "avoidable_cost", "csat", "cost_total",
            "cost_per_contact", "handle_time_mean_seconds"]
print("  LibreOffice shows: " + ", ".join(f"{key} {summary.get(('summary', key), '-')}" for key in headline))
checked = sum(count for kind, count in totals.items() if kind != "empty")
numbers = sum(count for kind, count in totals.items() if kind not in ("empty", "text", "date"))
print(f"  {checked} cells checked: {numbers} numbers came back as numbers, {totals.get('date', 0)} dates, "
      f"{totals.get('text', 0)} text; {len(problems)} differences")
for problem in problems[:30]:
    print("  DIFFERENCE " + problem)
sys.exit(1 if problems else 0)
PYTHON
done
echo
[[ $status -eq 0 ]] && echo "xlsx round trip: OK" || echo "xlsx round trip: FAILED"
exit $status
