#!/usr/bin/env python3
"""Independent figures for the real exports in Fixtures/real/ (no contactstat code involved).

    python3 Scripts/real-export-figures.py                 # writes Fixtures/real/expected.json
    python3 Scripts/real-export-figures.py --check BINARY  # runs BINARY on each export, compares
    python3 Scripts/real-export-figures.py --check BINARY --update-status
                                                           # ... and writes status ok/pending

Every export is read here with the standard library only: csv, json, datetime. The channel mapping a user
would expect is written out per export (CHANNELS_* below); contacts that staff or systems open themselves are
`internal` and are not counted as contacts. Figures:

- rows: data records in the file (header excluded)
- contacts: customer contacts (internal excluded; an event log or a call-detail record counts each incident or
  call once)
- channels: contacts per canonical channel
- internal: contacts staff or systems opened (not in `contacts`)
- first_opened / last_opened: wall-clock time in the export's own zone (`timezone` says which), to the second
- csat: mean on the export's own scale and the number of responses
- resolution: median of closed - opened in seconds over contacts that have both; rows whose close is before
  their open are excluded and counted in closed_before_opened
- statuses: contacts per raw status value (recorded, not compared: the JSON report has no status counts)

The check compares each figure with `contactstat report -f json` and prints ok / differs; `status` is "ok" when
every compared figure agrees, else "pending". The Swift test RealExportTests reads expected.json and is strict
for "ok" exports only.
"""
import csv
import io
import json
import statistics
import subprocess
import sys
from collections import Counter, OrderedDict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "Fixtures" / "real"
EXPECTED = REAL / "expected.json"


# ---------------------------------------------------------------------------------------------------------
# Readers: each returns a list of dicts with opened, closed (naive datetimes, export-local wall clock),
# channel (canonical or "internal"), status, csat (float or None), key (contact identity for event logs).

def read_csv(name, delimiter=",", encoding="utf-8", header=True):
    with open(REAL / name, encoding=encoding, newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    if not header:
        return rows
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:] if any(v != "" for v in r)]


def parse(value, *formats):
    value = (value or "").strip()
    if not value:
        return None
    for fmt in formats:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            pass
    raise ValueError(f"unreadable date {value!r}")


def csat(value):
    value = (value or "").strip()
    return float(value) if value else None


def record(opened, closed=None, channel="other", status=None, score=None, key=None):
    return {"opened": opened, "closed": closed, "channel": channel, "status": status, "csat": score, "key": key}


# Channel tables: the raw value -> the channel a user of that system would expect.
CHANNELS_COMCAST = {"Internet": "web", "Customer Care Call": "phone"}
CHANNELS_BOSTON = {
    "Constituent Call": "phone",
    "Citizens Connect App": "self_service",  # the residents' reporting app
    "Self Service": "self_service",          # the web self-service form
    "City Worker App": "internal",           # opened by city staff in the field
    "Employee Generated": "internal",
}
CHANNELS_NYC = {"PHONE": "phone", "ONLINE": "web", "MOBILE": "self_service", "UNKNOWN": "other"}
CHANNELS_BA147 = {
    "GCS Web": "web",
    "App BA 147": "self_service",
    "App Denuncia Vial": "self_service",
    "Boti": "messaging",           # the city's WhatsApp bot: messaging (the channel is where the customer wrote; README, channels)
    "Call Center": "phone",
    "Comuna": "in_person",         # walk-in at a Comuna office
    "Operador UGIS": "internal",   # opened by the city's own street-intervention operators
    "Email": "email",
}
CHANNELS_CFPB = {
    "Web": "web", "Phone": "phone", "Email": "email",
    "Postal mail": "letter", "Fax": "letter",
    "Referral": "other",           # referred by another agency: no customer channel
    "": "other",
}
CHANNELS_HELPDESK = {"Email": "email", "Chat": "chat", "Phone": "phone", "Social media": "social",
                     "Social Media": "social", "Self-Service": "self_service"}
CHANNELS_GLPI_REQUESTTYPE = {1: "web", 2: "email", 3: "phone", 4: "in_person", 5: "letter", 6: "other"}


def comcast():
    # "Date" mixes two orders row by row: 22-04-15 is day-first, but a date whose day is 12 or less was
    # written month-first (04-08-15 is 8 April: ticket numbers rise with time, and the export covers April to
    # June 2015). "Date_month_year" was derived from "Date" by a spreadsheet and carries the misreading
    # (04-Aug-15). The true date: day-first when the first number is above 12, else month-first.
    out = []
    for r in read_csv("comcast-fcc-complaints.csv"):
        first, second, year = r["Date"].split("-")
        day, month = (first, second) if int(first) > 12 else (second, first)
        opened = parse(f"{day}-{month}-{year} {r['Time']}", "%d-%m-%y %I:%M:%S %p")
        out.append(record(opened, channel=CHANNELS_COMCAST[r["Received Via"]], status=r["Status"]))
    return out


def servicenow():
    # An event log: one row per change of an incident. One contact per incident number; its figures come
    # from its last row in the file (the latest state).
    last = OrderedDict()
    for r in read_csv("servicenow-incident-event-log.csv"):
        last[r["number"]] = r
    out = []
    for number, r in last.items():
        fmt = "%d-%m-%Y %H:%M"
        resolved = None if r["resolved_at"] in ("", "?") else parse(r["resolved_at"], fmt)
        channel = {"Phone": "phone", "Email": "email", "Self service": "self_service",
                   "IVR": "phone", "Direct opening": "in_person"}[r["contact_type"]]
        out.append(record(parse(r["opened_at"], fmt), resolved, channel, r["incident_state"], key=number))
    return out


def boston(rows):
    out = []
    for r in rows:
        fmt = "%Y-%m-%d %H:%M:%S"
        out.append(record(parse(r["open_dt"], fmt), parse(r["closed_dt"] or "", fmt),
                          CHANNELS_BOSTON[r["source"]], r["case_status"]))
    return out


def boston_csv():
    return boston(read_csv("boston311-2022-01.csv"))


def boston_jsonl():
    rows = []
    for line in (REAL / "boston311-2022-01.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append({k: ("" if v is None else str(v)) for k, v in json.loads(line).items()})
    return boston(rows)


def nyc(rows):
    out = []
    for r in rows:
        fmts = ("%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S")
        out.append(record(parse(r.get("created_date", ""), *fmts), parse(r.get("closed_date", ""), *fmts),
                          CHANNELS_NYC[r["open_data_channel_type"]], r.get("status", "")))
    return out


def nyc_csv():
    return nyc(read_csv("nyc311-2024-05.csv"))


def nyc_json():
    return nyc(json.loads((REAL / "nyc311-2024-05-api.json").read_text(encoding="utf-8")))


def ba147():
    out = []
    for r in read_csv("buenos-aires-147-2021-01.csv", delimiter=";"):
        fmt = "%d/%m/%Y %H:%M:%S"
        closed = None
        if r["fecha_cierre_contacto"]:
            closed = parse(r["fecha_cierre_contacto"] + " " + r["hora_cierre_contacto"], fmt)
        out.append(record(parse(r["fecha_ingreso"] + " " + r["hora_ingreso"], fmt), closed,
                          CHANNELS_BA147[r["canal"]], r["estado_del_contacto"]))
    return out


def call_centre():
    out = []
    for r in read_csv("call-centre-trends-2021.csv"):
        opened = parse(r["date"] + " " + r["time"], "%m-%d-%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S")
        status = "resolved" if r["resolved"] == "Y" else ("answered" if r["answered (Y/N)"] == "Y" else "unanswered")
        out.append(record(opened, channel="phone", status=status, score=csat(r["satisfaction rating"])))
    return out


def cfpb(name, fmt):
    out = []
    for r in read_csv(name):
        out.append(record(parse(r["Date received"], fmt), channel=CHANNELS_CFPB[r["Submitted via"]],
                          status=r["Company response to consumer"]))
    return out


def helpdesk_kaggle():
    # No creation time in this export: "First Response Time" is the first time stamp a ticket has, and
    # "Time to Resolution" its close. Tickets without a first response have no time at all: not counted.
    out = []
    for r in read_csv("helpdesk-customer-support-tickets.csv"):
        fmt = "%Y-%m-%d %H:%M:%S"
        opened = parse(r["First Response Time"], fmt)
        if opened is None:
            continue
        out.append(record(opened, parse(r["Time to Resolution"], fmt), CHANNELS_HELPDESK[r["Ticket Channel"]],
                          r["Ticket Status"], csat(r["Customer Satisfaction Rating"])))
    return out


def support_analytics():
    out = []
    for r in read_csv("support-analytics-tickets-2024.csv"):
        opened = parse(r["created_date"], "%Y-%m-%d %H:%M:%S")
        closed = parse(r["resolved_date"], "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S")
        out.append(record(opened, closed, CHANNELS_HELPDESK[r["channel"]], r["status"], csat(r["csat_score"])))
    return out


def support_dmy():
    out = []
    for r in read_csv("support-tickets-dmy-2025.csv"):
        out.append(record(parse(r["Created_Date"], "%d-%m-%Y"), parse(r["Resolved_Date"], "%d-%m-%Y"),
                          "other", r["Status"], csat(r["Customer_Satisfaction"])))
    return out


def twcs():
    out = []
    for r in read_csv("twcs-sample.csv"):
        if r["inbound"] != "True":
            continue  # the brand's own replies are not customer contacts
        opened = datetime.strptime(r["created_at"], "%a %b %d %H:%M:%S %z %Y").replace(tzinfo=None)
        out.append(record(opened, channel="social", key=r["tweet_id"]))
    return out


def glpi():
    out = []
    for t in json.loads((REAL / "glpi-tickets-api.json").read_text(encoding="utf-8")):
        fmt = "%Y-%m-%d %H:%M:%S"
        status = {1: "new", 2: "assigned", 3: "planned", 4: "waiting", 5: "solved", 6: "closed"}[t["status"]]
        out.append(record(parse(t["date"], fmt), parse(t["solvedate"] or "", fmt),
                          CHANNELS_GLPI_REQUESTTYPE[t["requesttypes_id"]], status))
    return out


def asterisk_master():
    # Asterisk cdr_csv: no header. Fields: accountcode, src, dst, dcontext, clid, channel, dstchannel,
    # lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield,
    # peeraccount, linkedid, sequence. One call = one linkedid (a call rings several legs).
    calls = OrderedDict()
    for f in read_csv("asterisk-cdr-master.csv", encoding="latin-1", header=False):
        if not f:
            continue
        start = parse(f[9], "%Y-%m-%d %H:%M:%S")
        calls.setdefault(f[19], []).append((start, f[14]))
    out = []
    for linked, legs in calls.items():
        answered = any(d == "ANSWERED" for _, d in legs)
        out.append(record(min(s for s, _ in legs), channel="phone",
                          status="ANSWERED" if answered else "NO ANSWER", key=linked))
    return out


def asterisk_pjsip():
    # A lab PBX writing its own column order: clid, src, dst, dcontext, channel, dstchannel, lastapp,
    # lastdata, start, answer, end, duration, billsec, disposition, amaflags, accountcode, uniqueid,
    # userfield, sequence. No header; one row per call.
    out = []
    for f in read_csv("asterisk-cdr-pjsip-lab.csv", header=False):
        if f:
            out.append(record(parse(f[8], "%Y-%m-%d %H:%M:%S"), channel="phone", status=f[13], key=f[16]))
    return out


def freeswitch():
    # FreeSWITCH mod_cdr_csv default template, no header: caller_id_name, caller_id_number,
    # destination_number, context, start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause,
    # uuid, bleg_uuid, accountcode, read_codec, write_codec. The same uuid can appear more than once
    # (one call logged three times): one contact per uuid, its first row.
    seen = OrderedDict()
    for f in read_csv("freeswitch-cdr-master.csv", header=False):
        if f and f[10] not in seen:
            seen[f[10]] = f
    return [record(parse(f[4], "%Y/%m/%d %H:%M"), channel="phone", status=f[9], key=u) for u, f in seen.items()]


# ---------------------------------------------------------------------------------------------------------
# The exports: file, system, licence, the flags a user should need, holdout, and how to read it.

EXPORTS = [
    dict(id="comcast-fcc-complaints", file="comcast-fcc-complaints.csv", system="FCC complaints (Comcast)",
         flags=[], timezone="export local (US, zone not stated)", read=comcast),
    dict(id="servicenow-incident-event-log", file="servicenow-incident-event-log.csv",
         system="ServiceNow (incident event log)", flags=["--preset", "servicenow"],
         timezone="export local (zone not stated)", read=servicenow),
    dict(id="boston311-csv", file="boston311-2022-01.csv", system="Boston 311",
         flags=["--preset", "boston311"], timezone="America/New_York", read=boston_csv),
    dict(id="boston311-jsonl", file="boston311-2022-01.jsonl", system="Boston 311 (JSON Lines)",
         flags=["--preset", "boston311"], timezone="America/New_York", read=boston_jsonl, holdout=True),
    dict(id="nyc311-csv", file="nyc311-2024-05.csv", system="NYC 311 (Socrata CSV)",
         flags=["--preset", "nyc311"], timezone="America/New_York", read=nyc_csv),
    dict(id="nyc311-json", file="nyc311-2024-05-api.json", system="NYC 311 (Socrata JSON API)",
         flags=["--preset", "nyc311"], timezone="America/New_York", read=nyc_json),
    dict(id="buenos-aires-147", file="buenos-aires-147-2021-01.csv", system="Buenos Aires 147",
         flags=[], timezone="America/Argentina/Buenos_Aires", read=ba147),
    dict(id="call-centre-trends", file="call-centre-trends-2021.csv", system="Call-centre log (PwC training set)",
         flags=["--preset", "call-centre"], timezone="export local (zone not stated)", read=call_centre),
    dict(id="cfpb-complaints", file="cfpb-complaints-2019.csv", system="CFPB consumer complaints",
         flags=["--preset", "cfpb"], timezone="America/New_York (dates only)",
         read=lambda: cfpb("cfpb-complaints-2019.csv", "%d-%m-%Y")),
    dict(id="cfpb-complaints-iso", file="cfpb-complaints-iso-excerpt.csv", system="CFPB consumer complaints",
         flags=["--preset", "cfpb"], timezone="America/New_York (dates only)",
         read=lambda: cfpb("cfpb-complaints-iso-excerpt.csv", "%Y-%m-%d"), holdout=True),
    dict(id="helpdesk-customer-support-tickets", file="helpdesk-customer-support-tickets.csv",
         system="Help-desk ticket export (Kaggle customer support tickets)",
         # No creation-time column: a user names the two timestamp columns (the error message lists them).
         flags=["--map", "opened_at=First Response Time", "--map", "closed_at=Time to Resolution"],
         timezone="export local (zone not stated)", read=helpdesk_kaggle),
    dict(id="support-analytics-tickets", file="support-analytics-tickets-2024.csv",
         system="Help-desk analytics export", flags=[], timezone="export local (zone not stated)",
         read=support_analytics, holdout=True),
    dict(id="support-tickets-dmy", file="support-tickets-dmy-2025.csv", system="Help-desk ticket sheet (DD-MM-YYYY)",
         flags=[], timezone="export local (dates only)", read=support_dmy),
    dict(id="twcs-sample", file="twcs-sample.csv", system="Twitter customer support (twcs)",
         flags=["--preset", "twitter"], timezone="UTC (+0000 in the data)", read=twcs),
    dict(id="glpi-tickets-api", file="glpi-tickets-api.json", system="GLPI (REST API ticket dump, Portuguese)",
         flags=["--preset", "glpi"], timezone="export local (America/Sao_Paulo, not stated)", read=glpi),
    dict(id="asterisk-cdr-master", file="asterisk-cdr-master.csv", system="Asterisk CDR (Master.csv, Russian PBX)",
         flags=["--preset", "asterisk-cdr"], timezone="export local (zone not stated)", read=asterisk_master),
    dict(id="asterisk-cdr-pjsip-lab", file="asterisk-cdr-pjsip-lab.csv", system="Asterisk CDR (custom column order)",
         flags=["--preset", "asterisk-cdr"], timezone="export local (zone not stated)", read=asterisk_pjsip,
         holdout=True),
    dict(id="freeswitch-cdr-master", file="freeswitch-cdr-master.csv", system="FreeSWITCH CDR (mod_cdr_csv)",
         flags=["--preset", "freeswitch-cdr"], timezone="export local (zone not stated)", read=freeswitch),
]


def data_rows(export):
    path = REAL / export["file"]
    text = path.read_bytes().decode("latin-1" if "asterisk-cdr-master" in export["file"] else "utf-8")
    if path.suffix == ".json":
        return len(json.loads(text))
    if path.suffix == ".jsonl":
        return sum(1 for line in text.splitlines() if line.strip())
    delimiter = ";" if "buenos-aires" in export["file"] else ","
    records = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if any(r)]
    headerless = export["file"].startswith(("asterisk", "freeswitch"))
    return len(records) if headerless else len(records) - 1


def figures(export):
    records = export["read"]()
    customer = [r for r in records if r["channel"] != "internal"]
    internal = len(records) - len(customer)
    opened = [r["opened"] for r in customer if r["opened"] is not None]
    durations, before = [], 0
    for r in customer:
        if r["opened"] is None or r["closed"] is None:
            continue
        seconds = (r["closed"] - r["opened"]).total_seconds()
        if seconds < 0:
            before += 1
        else:
            durations.append(seconds)
    scores = [r["csat"] for r in customer if r["csat"] is not None]
    channels = Counter(r["channel"] for r in customer)
    return OrderedDict(
        rows=data_rows(export),
        contacts=len(customer),
        channels=dict(sorted(channels.items())),
        internal=internal,
        first_opened=min(opened).isoformat() if opened else None,
        last_opened=max(opened).isoformat() if opened else None,
        csat=OrderedDict(mean=round(statistics.fmean(scores), 4), responses=len(scores)) if scores else None,
        resolution=OrderedDict(
            median_seconds=statistics.median(durations) if durations else None,
            resolved=len(durations),
            closed_before_opened=before,
        ),
        statuses=dict(sorted(Counter(r["status"] for r in customer).items())),
    )


# ---------------------------------------------------------------------------------------------------------
# The check: run the binary, compare.

def run_binary(binary, export):
    args = [binary, "report", "-f", "json", "-q", *export["flags"], str(REAL / export["file"])]
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else ''}"
    return json.loads(proc.stdout), None


def compare(expected, report):
    """[(figure, expected, actual, ok)] for every figure the JSON report carries."""
    out = []
    inp, summary = report.get("input", {}), report.get("summary", {})
    out.append(("rows", expected["rows"], inp.get("rows_read"), inp.get("rows_read") == expected["rows"]))
    out.append(("contacts", expected["contacts"], summary.get("contacts"),
                summary.get("contacts") == expected["contacts"]))
    got = {c["channel"]: c["contacts"] for c in report.get("channels", []) if c.get("contacts")}
    # Internal contacts: a channel "internal" in channels[], else a count under a key naming them.
    got_internal = got.pop("internal", None)
    if got_internal is None:
        got_internal = next((v for section in (inp, summary) for k, v in section.items()
                             if "internal" in k and isinstance(v, int)), 0)
    out.append(("channels", expected["channels"], got, got == expected["channels"]))
    out.append(("internal", expected["internal"], got_internal, got_internal == expected["internal"]))
    rng = report.get("range") or {}
    for key, field in (("first_opened", "from"), ("last_opened", "to")):
        actual = (rng.get(field) or "")[:19] or None
        want = expected[key][:19] if expected[key] else None
        out.append((key, want, actual, actual == want))
    c = summary.get("csat", {})
    if expected["csat"]:
        mean = c.get("mean")
        out.append(("csat.mean", expected["csat"]["mean"], mean,
                    mean is not None and abs(mean - expected["csat"]["mean"]) < 0.0005))
        out.append(("csat.responses", expected["csat"]["responses"], c.get("responses"),
                    c.get("responses") == expected["csat"]["responses"]))
    else:
        out.append(("csat.responses", 0, c.get("responses"), not c.get("responses")))
    # contactstat reads timestamps to the whole second (README, "How values are read"): each duration it
    # computes is within 1 s of the one with fractions, and so is the median. Exports without fractions agree
    # exactly.
    median = (summary.get("resolution_time") or {}).get("median_seconds")
    want = expected["resolution"]["median_seconds"]
    out.append(("resolution.median_seconds", want, median,
                (median is None and want is None) or (median is not None and want is not None
                                                      and abs(median - want) < 1.0)))
    before = next((v for k, v in inp.items() if "closed_before" in k), None)
    want = expected["resolution"]["closed_before_opened"]
    out.append(("resolution.closed_before_opened", want, before, (before or 0) == want))
    return out


def main(argv):
    binary = argv[argv.index("--check") + 1] if "--check" in argv else None
    previous = {}
    if EXPECTED.exists():
        previous = {e["id"]: e for e in json.loads(EXPECTED.read_text())["exports"]}
    exports = []
    for export in EXPORTS:
        entry = OrderedDict(
            id=export["id"], file=export["file"], system=export["system"], flags=export["flags"],
            holdout=export.get("holdout", False), timezone=export["timezone"],
            status=previous.get(export["id"], {}).get("status", "pending"),
            figures=figures(export),
        )
        exports.append(entry)
    if binary:
        failing = 0
        for entry in exports:
            report, error = run_binary(binary, next(e for e in EXPORTS if e["id"] == entry["id"]))
            print(f"== {entry['id']}  flags: {' '.join(entry['flags']) or '(none)'}")
            if report is None:
                print(f"   refused: {error}")
                entry_ok = False
            else:
                rows = compare(entry["figures"], report)
                for name, want, got, ok in rows:
                    print(f"   {'ok     ' if ok else 'differs'} {name}: expected {want!r}, got {got!r}")
                entry_ok = all(ok for *_, ok in rows)
            failing += not entry_ok
            if "--update-status" in argv:
                entry["status"] = "ok" if entry_ok else "pending"
        print(f"{len(exports) - failing} of {len(exports)} exports agree")
    document = OrderedDict(
        schema="contactstat.real-exports/1",
        note="Written by Scripts/real-export-figures.py from the files alone; see Fixtures/real/README.md.",
        exports=exports,
    )
    if binary is None or "--update-status" in argv:
        EXPECTED.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
