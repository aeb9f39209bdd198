#!/usr/bin/env python3
"""Runs the script of `contactstat sql` in an engine over a canonical export and compares every figure with
`contactstat report --format json` (see README, "SQL for other engines").

    sql_check.py --engine duckdb|postgres|spark --canonical contacts.csv --script report.sql --report report.json

Counts must be equal; rates, means and amounts equal to the JSON's rounding (4 decimals, money 2); medians and
90th percentiles, which the report takes from histograms past 65,536 values (slices: always), within the
documented precision (0.05 % for the summary, 0.4 % for a slice) and are counted apart when not exact.
Prints one line per section and the differences; exits 1 when a figure differs.
"""
import argparse, json, math, re, subprocess, sys, time, os, tempfile

COLUMNS = [
    ("input_order", "BIGINT"), ("contact_id", "VARCHAR"), ("opened_at", "BIGINT"), ("closed_at", "BIGINT"),
    ("customer", "VARCHAR"), ("channel", "VARCHAR"), ("raw_channel", "VARCHAR"), ("subject", "VARCHAR"),
    ("text", "VARCHAR"), ("category", "VARCHAR"), ("tags", "VARCHAR"), ("status", "VARCHAR"),
    ("handle_time_seconds", "DOUBLE"), ("csat_score", "DOUBLE"), ("csat_satisfied", "INTEGER"), ("cost", "DOUBLE"),
    ("agent", "VARCHAR"), ("queue", "VARCHAR"), ("language", "VARCHAR"), ("first_contact_resolved", "INTEGER"),
    ("agent_replies", "INTEGER"), ("first_reply_seconds", "DOUBLE"), ("priority", "VARCHAR"),
    ("raw_priority", "VARCHAR"), ("answered", "INTEGER"), ("wait_seconds", "DOUBLE"), ("reopens", "INTEGER"),
]

MONEY = {"avoidable_cost", "cost_total", "cost_per_contact", "avoidable.cost", "cost.total", "cost.per_contact"}
QUANTILES = {"resolution_time_median_seconds", "resolution_time_p90_seconds", "handle_time_median_seconds"}

SUMMARY = {  # SQL column -> JSON path under summary
    "contacts": "contacts", "customers_identified": "customers_identified",
    "fcr": "fcr.rate", "fcr_evaluable": "fcr.evaluable", "fcr_resolved": "fcr.resolved",
    "repeat_rate": "repeat.rate", "repeats": "repeat.count", "identified": "repeat.identified",
    "avoidable_rate": "avoidable.rate", "avoidable": "avoidable.count", "avoidable_by_cause": "avoidable.by_cause",
    "avoidable_repeat_only": "avoidable.repeat_only", "avoidable_cost": "avoidable.cost",
    "csat_responses": "csat.responses", "csat_response_rate": "csat.response_rate", "csat_satisfied": "csat.satisfied",
    "csat": "csat.rate", "csat_mean": "csat.mean", "csat_ci_low": "csat.ci_low", "csat_ci_high": "csat.ci_high",
    "cost_total": "cost.total", "cost_per_contact": "cost.per_contact",
    "handle_time_mean_seconds": "handle_time.mean_seconds", "handle_time_median_seconds": "handle_time.median_seconds",
    "resolution_time_median_seconds": "resolution_time.median_seconds",
    "resolution_time_p90_seconds": "resolution_time.p90_seconds",
    "coverage": "classification.coverage", "unclassified": "classification.unclassified",
    "top_customer_share": "top_customer_share", "export_fcr": "export_fcr",
}


def statements(script):
    """(section or None, statement) for each statement of the script (statements end with ';' and a newline)."""
    out = []
    for part in re.split(r";\n(?:\n|$)", script):
        if not part.strip():
            continue
        m = re.search(r"^-- section: (\w+)$", part, re.M)
        out.append((m.group(1) if m else None, part))
    return out


class DuckDB:
    name = "duckdb"

    def __init__(self, threads=None):
        import duckdb
        self.con = duckdb.connect()
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")

    def load(self, path):
        cols = ", ".join(f"'{n}': '{t}'" for n, t in COLUMNS)
        if path.endswith(".jsonl"):
            self.con.execute(f"CREATE TABLE contacts AS SELECT * FROM read_json('{path}', format='newline_delimited', columns={{{cols}}})")
        else:
            self.con.execute(f"CREATE TABLE contacts AS SELECT * FROM read_csv('{path}', header=true, columns={{{cols}}})")

    def run(self, sql, fetch):
        cur = self.con.execute(sql)
        if not fetch:
            return None
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


class Postgres:
    """Through psql (PGHOST, PGUSER, PGDATABASE from the environment): the load and the whole script in one
    session, since the stages are temporary tables; each section's result goes to a CSV file (psql's \\o)."""
    name = "postgres"

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="contactstat-sql-check-")
        self.load_sql = ""

    def load(self, path):
        ddl = ", ".join(f"{n} {'DOUBLE PRECISION' if t == 'DOUBLE' else t}" for n, t in COLUMNS)
        self.load_sql = (f"DROP TABLE IF EXISTS contacts;\nCREATE TABLE contacts ({ddl});\n"
                         f"\\copy contacts FROM '{path}' WITH (FORMAT csv, HEADER true)\nANALYZE contacts;\n")

    def run_script(self, parts):
        import csv, io
        lines = [self.load_sql, "\\timing off"]
        for section, sql in parts:
            if section:
                lines.append(f"\\o {self.dir}/{section}.csv")
            lines.append(sql + ";")
            if section:
                lines.append("\\o")
        r = subprocess.run(["psql", "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1"], input="\n".join(lines),
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(r.stderr)
        results = {}
        for section, _ in parts:
            if section:
                with open(f"{self.dir}/{section}.csv", encoding="utf-8") as f:
                    results[section] = [{k: convert(v) for k, v in row.items()} for row in csv.DictReader(f)]
        return results


class Spark:
    name = "spark"

    def __init__(self):
        from pyspark.sql import SparkSession
        self.spark = (SparkSession.builder.master("local[2]").appName("contactstat-sql-check")
                      .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
                      .config("spark.sql.shuffle.partitions", "8").config("spark.ui.showConsoleProgress", "false")
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("ERROR")

    def load(self, path):
        types = {"VARCHAR": "STRING", "BIGINT": "BIGINT", "DOUBLE": "DOUBLE", "INTEGER": "INT"}
        schema = ", ".join(f"{n} {types[t]}" for n, t in COLUMNS)
        df = self.spark.read.csv(path, header=True, schema=schema, multiLine=True, escape='"')
        df.createOrReplaceTempView("contacts")

    def run(self, sql, fetch):
        df = self.spark.sql(sql)
        if not fetch:
            return None
        return [row.asDict() for row in df.collect()]


def convert(v):
    if v == "" or v is None:
        return None
    try:
        return int(v)
    except ValueError:
        try:
            return float(v)
        except ValueError:
            return v


def lookup(obj, path):
    for part in path.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return KeyError
        obj = obj[part]
    return obj


class Tally:
    def __init__(self):
        self.equal = 0
        self.within = 0
        self.differ = []
        self.quantile_notes = []

    def compare(self, where, key, sql, js, slice_quantile=False):
        if js is KeyError:
            return
        if isinstance(js, bool):
            js = 1 if js else 0
        if sql is None or js is None:
            if sql is None and js is None:
                self.equal += 1
            else:
                self.differ.append(f"{where} {key}: sql {sql} json {js}")
            return
        sql = float(sql)
        base = key.split(".")[-1] if "." in key else key
        if key in QUANTILES or base in ("median_seconds", "p90_seconds"):
            if sql == js:
                self.equal += 1
                return
            tolerance = 0.004 if slice_quantile else 0.0005
            if abs(sql - js) <= tolerance * abs(sql) + 1e-9:
                self.within += 1
                self.quantile_notes.append(f"{where} {key}: exact {sql:g}, report {js:g} ({(js - sql) / sql * 100:+.3f} %)")
            else:
                self.differ.append(f"{where} {key}: sql {sql} json {js} (beyond {tolerance * 100} %)")
            return
        if isinstance(js, int) and sql == int(sql) and not (key in MONEY or base in MONEY):
            if sql == js:
                self.equal += 1
            else:
                self.differ.append(f"{where} {key}: sql {sql:g} json {js}")
            return
        decimals = 2 if (key in MONEY or base in MONEY) else 4
        if abs(sql - js) <= 0.5 * 10 ** -decimals + 1e-9:
            self.equal += 1
        else:
            self.differ.append(f"{where} {key}: sql {sql!r} json {js!r}")


SLICES = [("channels", "channel"), ("causes", "cause"), ("processes", "process"), ("periods", "period")]
SKIP = {"share_of", "channels", "change", "start", "name"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", default="duckdb", choices=["duckdb", "postgres", "spark"])
    ap.add_argument("--canonical", required=True)
    ap.add_argument("--script", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--threads", type=int)
    ap.add_argument("--time-only", action="store_true", help="run and time the script, compare nothing")
    args = ap.parse_args()

    engine = {"duckdb": lambda: DuckDB(args.threads), "postgres": Postgres, "spark": Spark}[args.engine]()
    t0 = time.time(); c0 = time.process_time()
    engine.load(os.path.abspath(args.canonical))
    t1 = time.time(); c1 = time.process_time()
    parts = statements(open(args.script, encoding="utf-8").read())
    if hasattr(engine, "run_script"):
        t1 = t0  # psql loads and runs in one session: the time is the sum
        results = engine.run_script(parts)
    else:
        results = {}
        for section, sql in parts:
            rows = engine.run(sql, fetch=section is not None)
            if section:
                results[section] = rows
    t2 = time.time(); c2 = time.process_time()
    if args.engine == "duckdb":
        print(f"duckdb: load {t1 - t0:.2f} s wall, script {t2 - t1:.2f} s wall, {c2 - c1:.2f} s CPU")
    elif args.engine == "postgres":
        print(f"postgres: load and script {t2 - t0:.2f} s wall (one psql session)")
    else:
        print(f"{engine.name}: load {t1 - t0:.2f} s wall, script {t2 - t1:.2f} s wall")
    if args.time_only:
        return 0
    report = json.load(open(args.report, encoding="utf-8"))
    tally = Tally()
    summary = results["summary"][0]
    for column, path in SUMMARY.items():
        if column in summary:
            tally.compare("summary", path, summary[column], lookup(report["summary"], path))
    data_end = report["definitions"]["data_end"]
    sql_end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(summary["data_end"])))
    if sql_end == data_end:
        tally.equal += 1
    else:
        tally.differ.append(f"definitions data_end: sql {sql_end} json {data_end}")
    print(f"summary: {tally.equal} figures equal")
    for section, key in SLICES:
        before = (tally.equal, tally.within, len(tally.differ))
        sql_rows = {str(r[key]): r for r in results[section]}
        json_rows = {str(r[key]): r for r in report[section]}
        if set(sql_rows) != set(json_rows):
            tally.differ.append(f"{section}: rows differ: only SQL {sorted(set(sql_rows) - set(json_rows))}, "
                                f"only report {sorted(set(json_rows) - set(sql_rows))}")
        for name in sorted(set(sql_rows) & set(json_rows)):
            s, j = sql_rows[name], json_rows[name]
            for column, value in s.items():
                if column in (key, "period_start", "cause_name", "process" if section == "causes" else "",
                              "csat_satisfied", "unclassified", "fcr_resolved"):
                    continue
                target = column
                if section == "causes" and column == "avoidable":
                    target = "avoidable_contacts"
                elif section == "causes" and column == "avoidable_cause":
                    target = "avoidable"
                tally.compare(f"{section}[{name}]", target, value, j.get(target, KeyError), slice_quantile=True)
            if section == "causes":
                if s["process"] != j["process"]:
                    tally.differ.append(f"causes[{name}] process: sql {s['process']} json {j['process']}")
                else:
                    tally.equal += 1
        print(f"{section}: {len(sql_rows)} rows (report {len(json_rows)}), {tally.equal - before[0]} figures equal, "
              f"{tally.within - before[1]} medians within histogram precision, {len(tally.differ) - before[2]} different")
    sw_sql = {(r["from_channel"], r["to_channel"]): int(r["contacts"]) for r in results["channel_switches"]}
    sw_json = {(r["from"], r["to"]): r["count"] for r in report["channel_switches"]}
    if sw_sql == sw_json:
        tally.equal += len(sw_sql)
        print(f"channel_switches: {len(sw_sql)} pairs, all equal")
    else:
        tally.differ.append(f"channel_switches differ: {sorted(set(sw_sql.items()) ^ set(sw_json.items()))[:10]}")
        print("channel_switches: different")
    print(f"TOTAL: {tally.equal} figures equal, {tally.within} medians/p90 within the histogram precision "
          f"(exact in SQL), {len(tally.differ)} different")
    for note in tally.quantile_notes[:8]:
        print("  precision:", note)
    if len(tally.quantile_notes) > 8:
        print(f"  ... {len(tally.quantile_notes) - 8} more")
    for d in tally.differ[:40]:
        print("  DIFFERENT:", d)
    return 1 if tally.differ else 0


if __name__ == "__main__":
    sys.exit(main())
