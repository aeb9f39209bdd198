#!/usr/bin/env bash
# contactstat benchmark: release build, generated exports (repeating and realistic text), wall time, throughput,
# peak memory, stage times, the classification memo's hit rate and classification throughput.
#
# Usage: Scripts/benchmark.sh            (from any directory; see Bench/README.md)
#
# Environment:
#   RUNS=3               timed runs of `report` per size (the median is reported)
#   VALIDATE_RUNS=$RUNS  timed runs of `validate` per size
#   SIZES="1000000 5000000"  row counts to generate and measure
#   TEXTS="repeating realistic"  text styles (`generate --text`): repeating = Bench/data/contacts-N.csv,
#                        realistic = Bench/data/realistic-N.csv (mostly distinct subjects, bodies on a third)
#   REALISTIC_SIZES=1000000  row counts for the realistic-text file (it is about 2.2x larger per row)
#   DUCKDB=0             1 = also run the DuckDB baseline (Scripts/duckdb-baseline.py), installing duckdb
#                        with pip when it is missing; its runs alternate with the report's
#   DUCKDB_THREADS=      DuckDB worker threads (default: DuckDB's own, one per core)
#   PYTHON=python3       the Python that runs the baseline
#   JSONL=0              1 = also time `report` on a JSON Lines copy of each data set (made once with DuckDB,
#                        Bench/data/*.jsonl) and print its throughput against the CSV's (target: at least half)
#   SPLIT=0              1 = also time `report` on the first SPLIT_FILES x SPLIT_ROWS rows of the repeating
#                        data set as one file and as SPLIT_FILES files (target: the files within 1.5x the one file)
#   SPLIT_FILES=158 SPLIT_ROWS=1000
#   SKIP_BUILD=0         1 = use the existing .build/release/contactstat
#   TIMER=auto           auto | gnu (/usr/bin/time) | poll (VmHWM from /proc, needs nothing installed)
#
# Progress goes to stderr; the results (per-size summary and a Markdown table) go to stdout.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=${RUNS:-3}
VALIDATE_RUNS=${VALIDATE_RUNS:-$RUNS}
SIZES=${SIZES:-"1000000 5000000"}
TEXTS=${TEXTS:-"repeating realistic"}
REALISTIC_SIZES=${REALISTIC_SIZES:-1000000}
DUCKDB=${DUCKDB:-0}
PYTHON=${PYTHON:-python3}
SKIP_BUILD=${SKIP_BUILD:-0}
JSONL=${JSONL:-0}
SPLIT=${SPLIT:-0}
SPLIT_FILES=${SPLIT_FILES:-158}
SPLIT_ROWS=${SPLIT_ROWS:-1000}
TIMER=${TIMER:-auto}
SEED=1
DATA_DIR=Bench/data
BIN=.build/release/contactstat
BASELINE=Scripts/duckdb-baseline.py
VALIDATE_TARGET=2000000 # rows/s, the issue's target for `validate`

log() { printf 'benchmark: %s\n' "$*" >&2; }
die() { printf 'benchmark: error: %s\n' "$*" >&2; exit 1; }

is_count() { [[ $1 =~ ^[1-9][0-9]*$ ]]; }
is_count "$RUNS" || die "RUNS must be a whole number >= 1 (got '$RUNS')"
is_count "$VALIDATE_RUNS" || die "VALIDATE_RUNS must be a whole number >= 1 (got '$VALIDATE_RUNS')"
is_count "$SPLIT_FILES" || die "SPLIT_FILES must be a whole number >= 1 (got '$SPLIT_FILES')"
is_count "$SPLIT_ROWS" || die "SPLIT_ROWS must be a whole number >= 1 (got '$SPLIT_ROWS')"
for n in $SIZES $REALISTIC_SIZES; do is_count "$n" || die "SIZES and REALISTIC_SIZES must be whole numbers >= 1 (got '$n')"; done
[[ -n ${SIZES// /} ]] || die "SIZES is empty"
# The data sets, as STYLE:ROWS.
DATASETS=()
for t in $TEXTS; do
    case $t in
        repeating) for n in $SIZES; do DATASETS+=("repeating:$n"); done ;;
        realistic) for n in $REALISTIC_SIZES; do DATASETS+=("realistic:$n"); done ;;
        *) die "TEXTS must name repeating and/or realistic (got '$t')" ;;
    esac
done
((${#DATASETS[@]} > 0)) || [[ ${SPLIT:-0} == 1 ]] || die "no data sets (TEXTS is empty)"
file_of() { # file_of STYLE:ROWS -> the CSV path
    case ${1%%:*} in
        repeating) echo "$DATA_DIR/contacts-${1#*:}.csv" ;;
        realistic) echo "$DATA_DIR/realistic-${1#*:}.csv" ;;
    esac
}
jsonl_of() { local f; f=$(file_of "$1"); echo "${f%.csv}.jsonl"; }
[[ $DUCKDB == 0 || $DUCKDB == 1 ]] || die "DUCKDB must be 0 or 1 (got '$DUCKDB')"
[[ $JSONL == 0 || $JSONL == 1 ]] || die "JSONL must be 0 or 1 (got '$JSONL')"
[[ $SPLIT == 0 || $SPLIT == 1 ]] || die "SPLIT must be 0 or 1 (got '$SPLIT')"
[[ -f Package.swift ]] || die "no Package.swift in $ROOT"
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed (EPOCHREALTIME)"

case $TIMER in
    auto) if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then TIMER=gnu; else TIMER=poll; fi ;;
    gnu) [[ -x /usr/bin/time ]] || die "TIMER=gnu but /usr/bin/time is missing (apt-get install time, or TIMER=poll)" ;;
    poll) ;;
    *) die "TIMER must be auto, gnu or poll (got '$TIMER')" ;;
esac

if ! grep -qx '/Bench/data/' .gitignore 2>/dev/null; then
    log "warning: .gitignore has no '/Bench/data/' line; the generated exports (hundreds of MB) could be committed"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/contactstat-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RESULTS=$WORK/results.tsv # kind size run wall cpu rss_kib rows stages
: >"$RESULTS"

# ---------------------------------------------------------------------------------------------------------
# Measuring one command: wall time (EPOCHREALTIME around it), CPU time (user+system of the child) and peak
# resident memory (the child's maximum RSS). Sets M_WALL, M_CPU (seconds) and M_RSS_KIB.

# A file descriptor nobody writes to: `read -t` on it sleeps without starting a process.
exec {SLEEP_FD}<> <(:)

cpu_seconds() { # cpu_seconds BEFORE AFTER: user+system seconds of children reaped between two `times` snapshots
    awk 'FNR == 2 {
        n = split($0, f, " "); s = 0
        for (i = 1; i <= n; i++) { split(f[i], p, "m"); sub("s", "", p[2]); s += p[1] * 60 + p[2] }
        t[FILENAME == ARGV[1]] = s }
        END { printf "%.2f", t[0] - t[1] }' "$1" "$2"
}

# Reads FILES once so the timed runs find them in the page cache. This VM keeps only about 2.5 GB of files
# cached and drops what it has not read lately: without this, the first runs on a file larger than a
# gigabyte (5M JSON Lines rows: 1.5 GB) read partly from disk and time the disk.
warm() { cat "$@" >/dev/null; }

measure() { # measure OUT ERR command... ; fails (with the command's stderr) when the command fails
    local out=$1 err=$2 rc=0 start end
    shift 2
    if [[ $TIMER == gnu ]]; then
        start=$EPOCHREALTIME
        /usr/bin/time -f '%U %S %M' -o "$WORK/time" "$@" >"$out" 2>"$err" || rc=$?
        end=$EPOCHREALTIME
        if ((rc == 0)); then
            read -r user sys M_RSS_KIB < <(tail -n 1 "$WORK/time")
            M_CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        fi
    else
        local pid key value state hwm=0
        times >"$WORK/times.before" # in this shell: `times` in a $(...) subshell would see no children
        start=$EPOCHREALTIME
        "$@" >"$out" 2>"$err" &
        pid=$!
        while :; do
            state=Z
            if [[ -r /proc/$pid/status ]]; then
                while IFS=$':\t ' read -r key value _; do
                    case $key in
                        State) state=$value ;;
                        VmHWM) hwm=$value ;;
                    esac
                done <"/proc/$pid/status" 2>/dev/null || true
            fi
            [[ $state == Z || $state == X ]] && break
            read -r -t 0.01 -u "$SLEEP_FD" _ || true
        done
        wait "$pid" || rc=$?
        end=$EPOCHREALTIME
        times >"$WORK/times.after"
        M_RSS_KIB=$hwm
        M_CPU=$(cpu_seconds "$WORK/times.before" "$WORK/times.after")
    fi
    if ((rc != 0)); then
        log "command failed (exit $rc): $*"
        sed 's/^/  | /' "$err" | tail -n 20 >&2
        exit 1
    fi
    M_WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
}

# ---------------------------------------------------------------------------------------------------------
# Small formatting helpers.

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m }'; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
group() { # 1234567 -> 1,234,567 (integer part only)
    local n=$1 int frac='' out=''
    int=${n%%.*}
    [[ $n == *.* ]] && frac=.${n#*.}
    while ((${#int} > 3)); do out=,${int: -3}$out; int=${int:0:${#int}-3}; done
    printf '%s%s%s' "$int" "$out" "$frac"
}

# ---------------------------------------------------------------------------------------------------------
# Build and data.

if [[ $SKIP_BUILD == 1 ]]; then
    [[ -x $BIN ]] || die "SKIP_BUILD=1 but $BIN does not exist"
    log "using the existing $BIN"
else
    log "building contactstat in release mode (swift build -c release) ..."
    swift build -c release >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; die "release build failed"; }
    [[ -x $BIN ]] || die "the build did not produce $BIN"
fi

mkdir -p "$DATA_DIR"
for d in "${DATASETS[@]}"; do
    style=${d%%:*} n=${d#*:} file=$(file_of "$d")
    header=$("$BIN" generate --rows 0 --text "$style")
    if [[ -s $file && $(head -n 1 "$file") == "$header" ]]; then
        log "reusing $file ($(group "$(stat -L -c %s "$file")") bytes)"
        continue
    fi
    log "generating $file ($(group "$n") rows, seed $SEED, $style text) ..."
    measure "$WORK/gen.out" "$WORK/gen.err" "$BIN" generate --rows "$n" --seed "$SEED" --text "$style" -o "$file.partial"
    mv "$file.partial" "$file"
    log "  generated in $M_WALL s, $(group "$(stat -L -c %s "$file")") bytes"
done

if [[ $DUCKDB == 1 || $JSONL == 1 ]]; then
    command -v "$PYTHON" >/dev/null || die "DUCKDB=1 and JSONL=1 need $PYTHON"
    [[ -f $BASELINE ]] || die "missing $BASELINE"
    if ! "$PYTHON" -c 'import duckdb' 2>/dev/null; then
        log "installing duckdb ($PYTHON -m pip install duckdb) ..."
        "$PYTHON" -m pip install --quiet duckdb >&2 || die "pip install duckdb failed; install it or run without DUCKDB=1 and JSONL=1"
    fi
    DUCKDB_VERSION=$("$PYTHON" -c 'import duckdb; print(duckdb.__version__)')
fi

if [[ $SPLIT == 1 ]]; then command -v "$PYTHON" >/dev/null || die "SPLIT=1 needs $PYTHON"; fi

if [[ $JSONL == 1 ]]; then
    # The same rows as JSON Lines, every value a string as in the CSV (empty fields become null), written by
    # DuckDB so the copy does not depend on contactstat's own reading.
    for d in "${DATASETS[@]}"; do
        csv=$(file_of "$d") json=$(jsonl_of "$d")
        if [[ -s $json && $json -nt $csv ]]; then
            log "reusing $json"
            continue
        fi
        log "writing $json with DuckDB ..."
        "$PYTHON" - "$csv" "$json.partial" <<'PY' || die "could not write $json"
import sys, duckdb
src, dst = sys.argv[1], sys.argv[2]
duckdb.sql(f"COPY (SELECT * FROM read_csv('{src}', all_varchar = true, header = true)) TO '{dst}' (FORMAT json)")
PY
        mv "$json.partial" "$json"
    done
fi

# The text of each file, counted independently (Scripts/text-figures.py: DuckDB when installed, else Python's
# csv module): distinct subjects and the bytes of subject + description that classification reads.
declare -A T_BYTES T_DISTINCT T_BODIES
TEXT_RE='rows ([0-9]+), distinct subjects ([0-9]+) \(([0-9.]+) %\), text bytes ([0-9]+) .*descriptions ([0-9]+) \(([0-9.]+) %, mean ([0-9]+) bytes'
if command -v "$PYTHON" >/dev/null; then
    for d in "${DATASETS[@]}"; do
        line=$("$PYTHON" Scripts/text-figures.py "$(file_of "$d")") || die "Scripts/text-figures.py failed"
        [[ $line =~ $TEXT_RE ]] || die "cannot read the text figures: $line"
        T_BYTES[$d]=${BASH_REMATCH[4]}
        T_DISTINCT[$d]=${BASH_REMATCH[3]}
        T_BODIES[$d]="${BASH_REMATCH[6]} % (mean ${BASH_REMATCH[7]} bytes)"
        log "  ${line#text-figures: }"
    done
else
    log "no $PYTHON: text bytes and distinct subjects are not counted"
fi

# ---------------------------------------------------------------------------------------------------------
# Runs.

record() { # record KIND SIZE RUN ROWS STAGES
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$M_WALL" "$M_CPU" "$M_RSS_KIB" "$4" "$5" >>"$RESULTS"
    log "  $1 $2 run $3: $M_WALL s wall, $M_CPU s CPU, $(calc '%.0f' "$M_RSS_KIB / 1024") MiB peak"
}

PROFILE_RE='read\+map\+classify ([0-9.]+) s wall on [0-9]+ threads? \(classify ([0-9.]+) s CPU, ([0-9.]+) % from the memo\), metrics ([0-9.]+) s, render ([0-9.]+) s; ([0-9]+) rows'
DUCK_RE='load ([0-9.]+) s, queries ([0-9.]+) s, render ([0-9.]+) s; ([0-9]+) rows; ([0-9]+) threads'
DUCKDB_THREADS_USED=

duckdb_run() { # duckdb_run NAME RUN FILE: one timed run of the DuckDB baseline, recorded as kind `duckdb`
    local line
    measure "$WORK/out" "$WORK/err" "$PYTHON" "$BASELINE" "$3"
    line=$(grep -E -m 1 '^duckdb-baseline: profile:' "$WORK/err") || die "the baseline printed no profile line"
    [[ $line =~ $DUCK_RE ]] || die "cannot read the baseline's profile line: $line"
    local d=("${BASH_REMATCH[@]}")
    DUCKDB_THREADS_USED=${d[5]}
    record duckdb "$1" "$2" "${d[4]}" "${d[1]} ${d[2]} ${d[3]}"
}

log "timing with $([[ $TIMER == gnu ]] && echo '/usr/bin/time' || echo 'VmHWM polling of /proc (no /usr/bin/time)')"
for d in "${DATASETS[@]}"; do
    n=$d file=$(file_of "$d")
    # One run with --profile for the stage times (timing every classification costs a little), then the
    # timed runs of the plain command.
    warm "$file"
    measure "$WORK/out" "$WORK/err" "$BIN" report --format json --profile -o /dev/null "$file"
    line=$(grep -E -m 1 '^contactstat: profile:' "$WORK/err") || die "report printed no --profile line"
    [[ $line =~ $PROFILE_RE ]] || die "cannot read the profile line: $line"
    m=("${BASH_REMATCH[@]}")
    log "  report $d with --profile: ${line#contactstat: profile: }"
    # With the baseline, its runs alternate with the report's (report, DuckDB, report, ...), so the machine's drift
    # over the minute falls on both alike: their ratio is the figure that matters.
    for ((r = 1; r <= RUNS; r++)); do
        measure "$WORK/out" "$WORK/err" "$BIN" report --format json -o /dev/null "$file"
        record report "$n" "$r" "${m[6]}" "${m[1]} ${m[2]} ${m[4]} ${m[5]} ${m[3]}"
        if [[ $DUCKDB == 1 ]]; then duckdb_run "$n" "$r" "$file"; fi
    done
    warm "$file"
    for ((r = 1; r <= VALIDATE_RUNS; r++)); do
        measure "$WORK/out" "$WORK/err" "$BIN" validate "$file"
        rows=$(sed -n -E 's/^rows read ([0-9]+) .*/\1/p' "$WORK/out")
        [[ -n $rows ]] || die "validate printed no 'rows read' line"
        record validate "$n" "$r" "$rows" ""
    done
    if [[ $JSONL == 1 ]]; then
        warm "$(jsonl_of "$d")"
        for ((r = 1; r <= RUNS; r++)); do
            measure "$WORK/out" "$WORK/err" "$BIN" report --format json -o /dev/null "$(jsonl_of "$d")"
            record jsonl "$n" "$r" "${m[6]}" ""
        done
    fi
done

# Many small files against the same rows in one file (generated once: Bench/data/split-ROWS.csv and its
# pieces in Bench/data/split-FILESxROWS/, every piece with the header).
if [[ $SPLIT == 1 ]]; then
    total=$((SPLIT_FILES * SPLIT_ROWS))
    one=$DATA_DIR/split-$total.csv pieces=$DATA_DIR/split-${SPLIT_FILES}x$SPLIT_ROWS
    if [[ ! -s $one ]]; then
        log "generating $one ($(group "$total") rows, seed $SEED) ..."
        "$BIN" generate --rows "$total" --seed "$SEED" -o "$one.partial" || die "generate failed"
        mv "$one.partial" "$one"
    fi
    if [[ ! -d $pieces || $(find "$pieces" -name '*.csv' | wc -l) -ne $SPLIT_FILES ]]; then
        log "splitting $one into $SPLIT_FILES files of $SPLIT_ROWS rows ..."
        rm -rf "$pieces" && mkdir -p "$pieces"
        # By records, not lines: quoted fields hold line breaks.
        "$PYTHON" - "$one" "$pieces" "$SPLIT_ROWS" <<'PY' || die "could not split $one"
import csv, sys
src, folder, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    header = next(reader)
    out, writer, part = None, None, 0
    for i, record in enumerate(reader):
        if i % rows == 0:
            if out:
                out.close()
            part += 1
            out = open(f"{folder}/part-{part:04d}.csv", "w", newline="", encoding="utf-8")
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
        writer.writerow(record)
    if out:
        out.close()
PY
    fi
    mapfile -t PIECES < <(find "$pieces" -name '*.csv' | sort)
    warm "$one" "${PIECES[@]}"
    for ((r = 1; r <= RUNS; r++)); do
        measure "$WORK/out" "$WORK/err" "$BIN" report --format json -o "$WORK/one.json" "$one"
        record split-one "$total" "$r" "$total" ""
        measure "$WORK/out" "$WORK/err" "$BIN" report --format json -o "$WORK/pieces.json" "${PIECES[@]}"
        record split-files "$total" "$r" "$total" ""
    done
    # The same contacts, so the same figures: only the report's `input` (files, their count and bytes) differs.
    "$PYTHON" - "$WORK/one.json" "$WORK/pieces.json" <<'PY' || log "warning: the report of the $SPLIT_FILES files differs from the one file's beyond its input files"
import json, sys
one, pieces = (json.load(open(p)) for p in sys.argv[1:3])
one.pop("input", None)
pieces.pop("input", None)
sys.exit(0 if one == pieces else 1)
PY
fi

# ---------------------------------------------------------------------------------------------------------
# Summary.

column_of() { # column_of KIND SIZE FIELD -> the values, one per run
    awk -F '\t' -v k="$1" -v n="$2" -v f="$3" '$1 == k && $2 == n { print $f }' "$RESULTS"
}
stage_medians() { # stage_medians KIND SIZE COUNT -> the median of each stage, space-separated
    local i out=()
    for ((i = 1; i <= $3; i++)); do
        # shellcheck disable=SC2046
        out+=("$(median $(column_of "$1" "$2" 8 | awk -v i="$i" '{ print $i }'))")
    done
    echo "${out[*]}"
}

declare -A S_WALL S_CPU S_RSS S_ROWS S_RPS S_MBS S_STAGES S_CLASSIFY
summarise() { # summarise KIND SIZE
    local key=$1/$2 bytes a b c d e
    # shellcheck disable=SC2046
    S_WALL[$key]=$(median $(column_of "$1" "$2" 4))
    # shellcheck disable=SC2046
    S_CPU[$key]=$(median $(column_of "$1" "$2" 5))
    # shellcheck disable=SC2046
    S_RSS[$key]=$(calc '%.0f' "$(maximum $(column_of "$1" "$2" 6)) / 1024")
    S_ROWS[$key]=$(column_of "$1" "$2" 7 | head -n 1)
    if [[ $1 == jsonl ]]; then bytes=$(stat -L -c %s "$(jsonl_of "$2")"); else bytes=$(stat -L -c %s "$(file_of "$2")"); fi
    S_RPS[$key]=$(calc '%.0f' "${S_ROWS[$key]} / ${S_WALL[$key]}")
    S_MBS[$key]=$(calc '%.1f' "$bytes / 1000000 / ${S_WALL[$key]}")
    case $1 in
        report) read -r a b c d e <<<"$(stage_medians report "$2" 5)"
            S_STAGES[$key]="read+map+classify $a wall (classify $b CPU, memo $e %), metrics $c, render $d"
            # Classification throughput per core: the classify time is summed over the threads.
            if [[ -n ${T_BYTES[$2]:-} ]] && awk -v b="$b" 'BEGIN { exit !(b > 0) }'; then
                S_CLASSIFY[$key]="$(calc '%.1f' "${T_BYTES[$2]} / 1000000 / $b") MB/s of text, $(group "$(calc '%.0f' "${S_ROWS[$key]} / $b")") contacts/s per core (memo $e %; $(calc '%.1f' "${T_BYTES[$2]} / 1000000") MB of subject + description, ${T_DISTINCT[$2]} % distinct subjects, bodies on ${T_BODIES[$2]})"
            fi ;;
        duckdb) read -r a b c <<<"$(stage_medians duckdb "$2" 3)"
            S_STAGES[$key]="load $a, queries $b, render $c" ;;
        *) S_STAGES[$key]="" ;;
    esac
}

KINDS="report validate"
if [[ $JSONL == 1 ]]; then KINDS="$KINDS jsonl"; fi
if [[ $DUCKDB == 1 ]]; then KINDS="$KINDS duckdb"; fi
for d in "${DATASETS[@]}"; do for k in $KINDS; do summarise "$k" "$d"; done; done

label() {
    case $1 in
        report) echo "contactstat report" ;;
        validate) echo "contactstat validate" ;;
        jsonl) echo "contactstat report, JSON Lines" ;;
        duckdb) echo "DuckDB baseline (${DUCKDB_THREADS_USED} threads)" ;;
    esac
}
runs_of() { case $1 in validate) echo "$VALIDATE_RUNS" ;; *) echo "$RUNS" ;; esac; }

echo
for n in "${DATASETS[@]}"; do
    bytes=$(stat -L -c %s "$(file_of "$n")")
    echo "== $(group "${n#*:}") rows, ${n%%:*} text, $(calc '%.1f' "$bytes / 1000000") MB ($(file_of "$n"))"
    for k in $KINDS; do
        key=$k/$n
        printf '  %-34s median %7s s wall (%s runs), %9s rows/s, %6s MB/s, CPU %6s s, peak RSS %5s MiB\n' \
            "$(label "$k")" "${S_WALL[$key]}" "$(runs_of "$k")" "$(group "${S_RPS[$key]}")" "${S_MBS[$key]}" \
            "${S_CPU[$key]}" "${S_RSS[$key]}"
        if [[ -n ${S_STAGES[$key]} ]]; then
            printf '  %-34s stages (s): %s\n' "" "${S_STAGES[$key]}"
        fi
        if [[ -n ${S_CLASSIFY[$key]:-} ]]; then
            printf '  %-34s classification: %s\n' "" "${S_CLASSIFY[$key]}"
        fi
    done
    verdict=$(awk -v r="${S_RPS[validate/$n]}" -v t="$VALIDATE_TARGET" 'BEGIN { print (r >= t) ? "met" : "NOT met" }')
    echo "  validate target >= $(group $VALIDATE_TARGET) rows/s: $verdict"
    if [[ $JSONL == 1 ]]; then
        ratio=$(calc '%.2f' "${S_RPS[jsonl/$n]} / ${S_RPS[report/$n]}")
        echo "  JSON Lines rows/s / CSV rows/s: $ratio (target >= 0.5: $(awk -v r="$ratio" 'BEGIN { print (r >= 0.5) ? "met" : "NOT met" }'))"
    fi
    if [[ $DUCKDB == 1 ]]; then
        echo "  contactstat report / DuckDB: wall $(calc '%.2f' "${S_WALL[report/$n]} / ${S_WALL[duckdb/$n]}")x," \
            "CPU $(calc '%.2f' "${S_CPU[report/$n]} / ${S_CPU[duckdb/$n]}")x," \
            "peak RSS $(calc '%.2f' "${S_RSS[report/$n]} / ${S_RSS[duckdb/$n]}")x (below 1 = contactstat better)"
    fi
    echo
done

if [[ $SPLIT == 1 ]]; then
    # shellcheck disable=SC2046
    one_wall=$(median $(column_of split-one "$total" 4)) one_cpu=$(median $(column_of split-one "$total" 5))
    # shellcheck disable=SC2046
    files_wall=$(median $(column_of split-files "$total" 4)) files_cpu=$(median $(column_of split-files "$total" 5))
    ratio=$(calc '%.2f' "$files_wall / $one_wall")
    echo "== $(group "$total") rows as one file and as $SPLIT_FILES files of $(group "$SPLIT_ROWS") rows (report, median of $RUNS runs)"
    echo "  one file: $one_wall s wall, $one_cpu s CPU; $SPLIT_FILES files: $files_wall s wall, $files_cpu s CPU"
    echo "  files / one file wall: ${ratio}x (target <= 1.5: $(awk -v r="$ratio" 'BEGIN { print (r <= 1.5) ? "met" : "NOT met" }'))"
    echo
fi

CPU_MODEL=$(awk -F ': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
[[ -n $CPU_MODEL ]] || CPU_MODEL=$(uname -m)
MEM_GIB=$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo '?')
SWIFT_VERSION=$(swift --version 2>/dev/null | grep -o -m 1 'Swift version [0-9.]*' || echo 'Swift ?')
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')

echo "### Benchmark $(date -u +%Y-%m-%d)"
echo
echo "Machine: $CPU_MODEL, $(nproc) cores (nproc), $MEM_GIB GiB RAM, $(uname -sr); $SWIFT_VERSION;" \
    "contactstat $COMMIT$([[ $DUCKDB == 1 ]] && echo "; DuckDB $DUCKDB_VERSION"). Seed $SEED; median of $RUNS runs" \
    "($VALIDATE_RUNS for validate); data in the page cache; peak RSS is the largest of the runs;" \
    "MB = 10^6 bytes of CSV."
echo
echo "| rows | text | command | median wall (s) | rows/s | MB/s | CPU (s) | peak RSS (MiB) | stages (s) |"
echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
for n in "${DATASETS[@]}"; do
    for k in $KINDS; do
        key=$k/$n
        echo "| $(group "${n#*:}") | ${n%%:*} | $(label "$k") | ${S_WALL[$key]} | $(group "${S_RPS[$key]}") | ${S_MBS[$key]} |" \
            "${S_CPU[$key]} | ${S_RSS[$key]} | ${S_STAGES[$key]:-} |"
    done
done
if [[ $DUCKDB == 1 ]]; then
    echo
    echo "| rows | text | report / DuckDB wall | report / DuckDB CPU | report / DuckDB peak RSS |"
    echo "| ---: | --- | ---: | ---: | ---: |"
    for n in "${DATASETS[@]}"; do
        echo "| $(group "${n#*:}") | ${n%%:*} | $(calc '%.2f' "${S_WALL[report/$n]} / ${S_WALL[duckdb/$n]}") |" \
            "$(calc '%.2f' "${S_CPU[report/$n]} / ${S_CPU[duckdb/$n]}") |" \
            "$(calc '%.2f' "${S_RSS[report/$n]} / ${S_RSS[duckdb/$n]}") |"
    done
fi
