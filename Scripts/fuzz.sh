#!/usr/bin/env bash
# Builds and runs one libFuzzer target over the library's sources.
#
#   Scripts/fuzz.sh TARGET SECONDS [extra libFuzzer arguments...]
#
# TARGET is csv, json, timestamp, config, inflate or xlsx. The target is built with the toolchain's libFuzzer
# support (swiftc -sanitize=fuzzer,address) from Sources/ContactAnalytics plus Fuzz/<Target>.swift
# (TextDistance, which the library imports, is compiled first as its own module), into .build/fuzz/. The seed corpus Fixtures/fuzz/TARGET/ is copied
# into a scratch corpus .build/fuzz/corpus-TARGET/ (kept between runs, so coverage accumulates); crashing
# inputs land in .build/fuzz/artifacts-TARGET/. The last lines of libFuzzer's output carry the figures:
# executions (stat::number_of_executed_units), time, and coverage (cov: edges, ft: features).
#
# The target is rebuilt only when a source is newer than it. Environment: FUZZ_BUILD_ONLY=1 builds without
# running (0, empty or unset runs as usual; any other value is a usage error, exit 64).
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 TARGET SECONDS [libFuzzer arguments...]   (TARGET: csv, json, timestamp, config, inflate, xlsx)" >&2
    exit 64
fi
target=$1
seconds=$2
shift 2

case "$target" in
    csv) sources=(Fuzz/CSVReaderFuzz.swift Fuzz/FuzzRecordDrain.swift) ;;
    json) sources=(Fuzz/JSONReaderFuzz.swift Fuzz/FuzzRecordDrain.swift) ;;
    timestamp) sources=(Fuzz/TimestampParserFuzz.swift) ;;
    config) sources=(Fuzz/ConfigurationParserFuzz.swift) ;;
    inflate) sources=(Fuzz/InflaterFuzz.swift) ;;
    xlsx) sources=(Fuzz/XLSXReaderFuzz.swift Fuzz/FuzzRecordDrain.swift) ;;
    *) echo "unknown target '$target' (csv, json, timestamp, config, inflate, xlsx)" >&2; exit 64 ;;
esac
build_only=${FUZZ_BUILD_ONLY:-0}
if [[ "$build_only" != 0 && "$build_only" != 1 ]]; then
    echo "FUZZ_BUILD_ONLY must be 1 (build only) or 0, not '$build_only'" >&2
    exit 64
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=.build/fuzz
mkdir -p "$out/modules" "$out/corpus-$target" "$out/artifacts-$target"

swiftc=${SWIFTC:-swiftc}
common=(-swift-version 6 -parse-as-library -O -g -sanitize=address -use-ld=lld)

# TextDistance: its own module (ContactAnalytics imports it), address sanitizer only.
if [[ ! -f "$out/modules/libTextDistance.a" || -n "$(find Sources/TextDistance -newer "$out/modules/libTextDistance.a" -name '*.swift')" ]]; then
    "$swiftc" "${common[@]}" -module-name TextDistance -emit-module -emit-module-path "$out/modules/TextDistance.swiftmodule" \
        -emit-library -static -o "$out/modules/libTextDistance.a" -wmo Sources/TextDistance/*.swift
fi

# The library's C targets (CPrefetch, CByteMask: one header each, all inline) as clang modules: a module map per
# target pointing at its header, as SwiftPM makes for `swift build`.
cmodules=()
for header in Sources/C*/include/*.h; do
    name=$(basename "$header" .h)
    mkdir -p "$out/modules/$name"
    printf 'module %s {\n    header "%s"\n    export *\n}\n' "$name" "$root/$header" > "$out/modules/$name/module.modulemap"
    cmodules+=(-I "$out/modules/$name")
done

# The library and the target in one module, so the target can reach internal entry points too.
# Built again only when a source is newer than the target (a build takes minutes). The target takes the time
# the build started, so a source edited during a build makes the next run build again.
mapfile -t library < <(find Sources/ContactAnalytics -name '*.swift' | sort)
if [[ ! -x "$out/$target" || -n "$(find "${library[@]}" "${sources[@]}" Sources/C*/include "$out/modules/libTextDistance.a" -newer "$out/$target" | head -1)" ]]; then
    touch "$out/build-start-$target"
    "$swiftc" -swift-version 6 -parse-as-library -O -g -sanitize=fuzzer,address -wmo -use-ld=lld -emit-executable \
        -module-name ContactAnalytics -I "$out/modules" "${cmodules[@]}" -L "$out/modules" -lTextDistance \
        -emit-module-path "$out/modules/ContactAnalytics-$target.swiftmodule" \
        "${library[@]}" "${sources[@]}" -o "$out/$target"
    touch -r "$out/build-start-$target" "$out/$target"
fi

if [[ "$build_only" == 1 ]]; then
    echo "built $out/$target"
    exit 0
fi

if [[ -d "Fixtures/fuzz/$target" ]]; then
    cp -n Fixtures/fuzz/"$target"/* "$out/corpus-$target/" 2>/dev/null || true
fi

# LeakSanitizer cannot see pointers that Swift stores with enum tags in their spare bits: the boxes of the
# indirect `RuleCondition`s held for the whole process by `Taxonomy.builtIn` (a static let, built once) are
# reported as leaked at exit. They are not per-input leaks; suppress exactly those.
printf 'leak:BuiltInTaxonomy\n' > "$out/lsan.supp"
export LSAN_OPTIONS="suppressions=$root/$out/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

exec "$out/$target" "$out/corpus-$target" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$out/artifacts-$target/" -rss_limit_mb=2048 -timeout=10 "$@"
