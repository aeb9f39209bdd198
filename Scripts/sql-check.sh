#!/usr/bin/env bash
# Runs the script of `contactstat sql` in real engines over generated contacts and compares every figure with
# `contactstat report --format json` (Scripts/sql_check.py; README, "SQL for other engines").
#
#   Scripts/sql-check.sh                      # 100,000 contacts (seed 5), repeating and realistic text
#   ROWS=20000 ENGINES=duckdb Scripts/sql-check.sh
#   OPTIONS="--scope any --window 3d --period month --timezone Europe/Helsinki" Scripts/sql-check.sh
#
# Settings (environment):
#   ROWS=100000  SEED=5  TEXTS="repeating realistic"   what `contactstat generate` writes
#   ENGINES="duckdb postgres spark"   engines to run; one whose software is missing is skipped, saying why
#   SPARK_TEXTS=repeating   text styles Spark runs on (a local Spark takes minutes per 100,000 realistic rows)
#   OPTIONS=""   options given to both `report` and `sql` (the configuration compiled into the SQL)
#   INSTALL=1    install what is missing: duckdb and pyspark with pip, PostgreSQL with apt-get
#   BIN=.build/debug/contactstat   the binary (built with `swift build` when missing)
#   WORK=<temporary directory>     where the files go (kept when given)
# Trino and BigQuery are not run here: their scripts are parsed with sqlglot when it is installed.
# Exit status 1 when any figure differs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
SEED=${SEED:-5}
TEXTS=${TEXTS:-"repeating realistic"}
ENGINES=${ENGINES:-"duckdb postgres spark"}
SPARK_TEXTS=${SPARK_TEXTS:-repeating}
OPTIONS=${OPTIONS:-}
BIN=${BIN:-.build/debug/contactstat}
KEEP=${WORK:+1}
WORK=${WORK:-$(mktemp -d -t contactstat-sql-check.XXXXXX)}
mkdir -p "$WORK"
chmod 755 "$WORK"  # the PostgreSQL server runs as its own user and must reach $WORK/pg
PG_PORT=${PG_PORT:-55432}
log() { printf '%s\n' "sql-check: $*" >&2; }

[[ -x "$BIN" ]] || swift build
read -r -a OPTS <<< "$OPTIONS"

has_engine() { [[ " $ENGINES " == *" $1 "* ]]; }

# DuckDB (Python package).
if has_engine duckdb && ! python3 -c 'import duckdb' 2>/dev/null; then
    if [[ "${INSTALL:-0}" == 1 ]]; then pip install duckdb; else log "duckdb: skipped (pip install duckdb, or INSTALL=1)"; ENGINES=${ENGINES//duckdb/}; fi
fi

# PostgreSQL: a throwaway server in $WORK/pg, on a socket there, stopped on exit.
PG_STARTED=0
if has_engine postgres; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [[ -z "$PGBIN" && "${INSTALL:-0}" == 1 ]]; then
        apt-get install -y postgresql >/dev/null
        PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    fi
    if [[ -z "$PGBIN" ]]; then
        log "postgres: skipped (no PostgreSQL server: apt-get install postgresql, or INSTALL=1)"
        ENGINES=${ENGINES//postgres/}
    else
        mkdir -p "$WORK/pg"
        as_pg=()
        if [[ $(id -u) == 0 ]]; then chown postgres "$WORK/pg"; as_pg=(su postgres -s /bin/sh -c); else as_pg=(sh -c); fi
        "${as_pg[@]}" "$PGBIN/initdb -D $WORK/pg/data -E UTF8 --locale=C.UTF-8 -A trust > $WORK/pg/initdb.log 2>&1"
        "${as_pg[@]}" "$PGBIN/pg_ctl -D $WORK/pg/data -o '-k $WORK/pg -p $PG_PORT -c listen_addresses=' -l $WORK/pg/server.log -w start > /dev/null"
        PG_STARTED=1
        export PGHOST=$WORK/pg PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=postgres
    fi
fi
cleanup() {
    if [[ $PG_STARTED == 1 ]]; then "${as_pg[@]}" "$PGBIN/pg_ctl -D $WORK/pg/data -m fast stop > /dev/null" || true; fi
    if [[ -z "$KEEP" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

# Spark: pyspark and a Java runtime.
if has_engine spark; then
    if ! python3 -c 'import pyspark' 2>/dev/null && [[ "${INSTALL:-0}" == 1 ]]; then pip install pyspark; fi
    if ! python3 -c 'import pyspark' 2>/dev/null; then
        log "spark: skipped (pip install pyspark, or INSTALL=1)"; ENGINES=${ENGINES//spark/}
    elif ! command -v java > /dev/null; then
        log "spark: skipped (no Java runtime)"; ENGINES=${ENGINES//spark/}
    fi
fi

status=0
for text in $TEXTS; do
    data="$WORK/contacts-$text.csv"
    "$BIN" generate -n "$ROWS" --seed "$SEED" --text "$text" -o "$data"
    "$BIN" report --format json -q "${OPTS[@]}" "$data" > "$WORK/report-$text.json"
    "$BIN" classify --canonical -q "${OPTS[@]}" -o "$WORK/canonical-$text.csv" "$data"
    for engine in $ENGINES; do
        if [[ $engine == spark && " $SPARK_TEXTS " != *" $text "* ]]; then
            log "spark: not run on $text text (SPARK_TEXTS=$SPARK_TEXTS)"; continue
        fi
        "$BIN" sql --dialect "$engine" "${OPTS[@]}" > "$WORK/$engine-$text.sql"
        echo "== $engine, $ROWS contacts, $text text ${OPTIONS:+($OPTIONS)}"
        python3 Scripts/sql_check.py --engine "$engine" --canonical "$WORK/canonical-$text.csv" \
            --script "$WORK/$engine-$text.sql" --report "$WORK/report-$text.json" || status=1
    done
done

# Trino and BigQuery: not run here; parsed when sqlglot is installed.
if python3 -c 'import sqlglot' 2>/dev/null; then
    for dialect in trino bigquery; do
        "$BIN" sql --dialect "$dialect" "${OPTS[@]}" > "$WORK/$dialect.sql"
        python3 - "$WORK/$dialect.sql" "$dialect" <<'PY' || status=1
import sys, sqlglot
path, dialect = sys.argv[1], sys.argv[2]
statements = [s for s in sqlglot.parse(open(path, encoding="utf-8").read(), read=dialect) if s is not None]
print(f"== {dialect}: {len(statements)} statements parsed by sqlglot {sqlglot.__version__} (not run)")
PY
    done
else
    log "trino, bigquery: not parsed (pip install sqlglot)"
fi
exit $status
