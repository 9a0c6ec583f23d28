#!/usr/bin/env bash
# Whole-process figures: the example build, synthetic builds of 100, 1,000
# and 3,000 branches × 30 members (wall time, documents per second, peak
# memory, DOCX bytes written; medians of BIG_RUNS runs), and pandoc
# converting our own Markdown, one document per process, in the same run.
# Synthetic cycles leave rosters out of cycle.yaml (the 5 MiB input limit).
# The load average is printed before and after: on a shared machine, read
# the figures with it.
#
#   benches/scale.sh                      # all sizes
#   SIZES="100 1000" benches/scale.sh     # fewer
#   RUNS=20 benches/scale.sh              # repetitions of the short runs
#   ONLY=check benches/scale.sh           # just check against build (below)
#
# check against build: `vanban check` renders no DOCX, so on CHECK_SIZES
# (default 1000) branches × 30 members, with rosters, it should take at
# most a third of `build`; medians of CHECK_RUNS (default 5) runs of each.
#   BIG_RUNS=9 benches/scale.sh           # repetitions of the synthetic builds
#
# Installs GNU time and pandoc from Debian when missing (needs root).
# Prints a Markdown table; scratch files go to $WORK (a temp dir, removed).

set -euo pipefail

SIZES=${SIZES:-"100 1000 3000"}
MEMBERS=${MEMBERS:-30}
SEED=${SEED:-1}
RUNS=${RUNS:-10}
BIG_RUNS=${BIG_RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vanban-scale.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

install() {
    local cmd=$1 pkg=$2
    if ! command -v "$cmd" >/dev/null 2>&1; then
        echo "installing $pkg…" >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >&2
    fi
}
[ -x /usr/bin/time ] || install /usr/bin/time time
[ "${ONLY:-}" = check ] || install pandoc pandoc

cd "$ROOT"
cargo build --release --quiet --bin vanban --example gen_cycle
VANBAN="$ROOT/target/release/vanban"
GEN="$ROOT/target/release/examples/gen_cycle"

now_ns() { date +%s%N; }

# Median of the numbers on stdin.
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Runs "$@" RUNS times; prints the median wall time in ms.
median_ms() {
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(now_ns)
        "$@" >/dev/null 2>&1
        end=$(now_ns)
        echo $(((end - start) / 1000))
    done | median | awk '{ printf "%.1f", $1 / 1000 }'
}

# One run under GNU time: prints "wall_s peak_rss_kb".
timed() {
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
        cat "$WORK/stderr.txt" >&2
        return 1
    }
    cat "$WORK/time.txt"
}

# Precise wall time (ms) and peak RSS (MB) of one run.
measure() {
    local start end wall rss
    start=$(now_ns)
    timed "$@" >"$WORK/m.txt"
    end=$(now_ns)
    wall=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.0f", ns / 1e6 }')
    rss=$(awk '{ printf "%.1f", $2 / 1024 }' "$WORK/m.txt")
    echo "$wall $rss"
}

# check against build on a cycle of $1 branches: one table row.
check_vs_build() {
    local n=$1 dir="$WORK/k$1" check_ms build_ms
    "$GEN" --branches "$n" --members "$MEMBERS" --seed "$SEED" -o "$dir" 2>/dev/null
    check_ms=$(RUNS=$CHECK_RUNS median_ms "$VANBAN" check "$dir")
    build_ms=$(RUNS=$CHECK_RUNS median_ms "$VANBAN" build "$dir" -o "$WORK/kout$n")
    printf "| %s × %s | %s ms | %s ms | %.1f |\n" "$n" "$MEMBERS" "$check_ms" "$build_ms" \
        "$(awk -v c="$check_ms" -v b="$build_ms" 'BEGIN { print b / c }')"
    rm -rf "$dir" "$WORK/kout$n"
}
CHECK_SIZES=${CHECK_SIZES:-1000}
CHECK_RUNS=${CHECK_RUNS:-5}
check_table() {
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "| cycle | check (median of $CHECK_RUNS) | build (median of $CHECK_RUNS) | build ÷ check |"
    echo "| --- | ---: | ---: | ---: |"
    for n in $CHECK_SIZES; do check_vs_build "$n"; done
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
if [ "${ONLY:-}" = check ]; then
    check_table
    exit 0
fi
# Medians of BIG_RUNS runs of a build, each into a new folder
# $OUT_DIR.1, $OUT_DIR.2 … (the last one is left as $OUT_DIR): "wall_ms
# peak_rss_mb". Nothing is deleted before a run: on an ext4 without a
# journal (this machine's /tmp), inodes freed in the last 60 s are skipped
# one by one when files are made, so a build right after `rm -rf` of an
# earlier one spends seconds in the kernel. Outputs are removed with $WORK
# at the end; the rebuild row (below) measures a build into an OUT that
# holds the previous build, old files removed, as a clerk's second build.
measure_median() {
    local walls=() rsss=() wall rss i
    for i in $(seq "$BIG_RUNS"); do
        read -r wall rss < <(measure "$@" -o "$OUT_DIR.$i")
        walls+=("$wall")
        rsss+=("$rss")
    done
    mv "$OUT_DIR.$BIG_RUNS" "$OUT_DIR"
    echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${rsss[@]}" | median)"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "vanban: $("$VANBAN" --version 2>/dev/null || echo '?'); pandoc: $(pandoc --version | head -1)"
echo "load average (1, 5, 15 min) before: $(load)"
echo

# The example (embedded; 15 documents).
rm -rf "$WORK/example"
read -r ex_wall ex_rss < <(measure "$VANBAN" build -o "$WORK/example")
ex_docs=$(find "$WORK/example" -name '*.docx' | wc -l)
ex_median=$(median_ms "$VANBAN" build -o "$WORK/example")

# pandoc on our own Markdown, one process per document.
pandoc_ms=$(median_ms pandoc "$WORK/example/cong-van.md" -o "$WORK/x.docx")

echo "| build | branches | documents | wall (median) | documents/s | ms/document | peak RSS (median) | DOCX written |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf "| example (median of %s) | 6 | %s | %s ms | %.0f | %.2f | %s MB | |\n" \
    "$RUNS" "$ex_docs" "$ex_median" "$(awk -v d="$ex_docs" -v w="$ex_median" 'BEGIN { print d / w * 1000 }')" \
    "$(awk -v d="$ex_docs" -v w="$ex_median" 'BEGIN { print w / d }')" "$ex_rss"

prev_wall=""
prev_n=""
growth=()
per_doc_1000=""
for n in $SIZES; do
    dir="$WORK/c$n"
    "$GEN" --branches "$n" --members "$MEMBERS" --seed "$SEED" --no-roster -o "$dir" 2>/dev/null
    OUT_DIR="$WORK/out$n"
    read -r wall rss < <(measure_median "$VANBAN" build "$dir")
    docs=$(find "$OUT_DIR" -name '*.docx' | wc -l)
    bytes=$(find "$OUT_DIR" -name '*.docx' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
    per_doc=$(awk -v d="$docs" -v w="$wall" 'BEGIN { printf "%.3f", w / d }')
    [ "$n" = 1000 ] && per_doc_1000=$per_doc
    printf "| %s × %s (median of %s) | %s | %s | %.2f s | %.0f | %s | %s MB | %s MB |\n" \
        "$n" "$MEMBERS" "$BIG_RUNS" "$n" "$docs" "$(awk -v w="$wall" 'BEGIN { print w / 1000 }')" \
        "$(awk -v d="$docs" -v w="$wall" 'BEGIN { print d / w * 1000 }')" \
        "$per_doc" "$rss" "$bytes"
    if [ -n "$prev_wall" ]; then
        growth+=("$prev_n → $n branches: wall × $(awk -v a="$prev_wall" -v b="$wall" 'BEGIN { printf "%.1f", b / a }') for × $(awk -v a="$prev_n" -v b="$n" 'BEGIN { printf "%g", b / a }') the branches")
    fi
    if [ "$n" = 1000 ] && [ -z "${NO_LEVELS:-}" ]; then
        echo >&2 "deflate levels on the 1,000-branch parts…"
        DOCX_DIR="$OUT_DIR" cargo bench --quiet --bench deflate_levels >"$WORK/levels.txt" 2>/dev/null || true
    fi
    if [ "$n" = 1000 ]; then
        rebuilds=()
        for _ in $(seq "$BIG_RUNS"); do
            read -r rewall _ < <(measure "$VANBAN" build "$dir" -o "$OUT_DIR")
            rebuilds+=("$rewall")
        done
        rebuild_1000=$(printf '%s\n' "${rebuilds[@]}" | median)
    fi
    prev_wall=$wall
    prev_n=$n
    rm -rf "$dir"
done
echo
printf "pandoc cong-van.md -o x.docx: %s ms per document (median of %s)\n" "$pandoc_ms" "$RUNS"
if [ -n "$per_doc_1000" ]; then
    printf "per document at 1,000 branches: %s ms, %.0f× faster than pandoc on one document\n" \
        "$per_doc_1000" "$(awk -v p="$pandoc_ms" -v v="$per_doc_1000" 'BEGIN { print p / v }')"
fi
printf "example build, whole process: %s ms for %s documents\n" "$ex_median" "$ex_docs"
if [ -n "${rebuild_1000:-}" ]; then
    printf "1,000 branches built again into the same OUT (old files swapped out and removed): %.2f s (median of %s)\n" \
        "$(awk -v w="$rebuild_1000" 'BEGIN { print w / 1000 }')" "$BIG_RUNS"
fi
for g in "${growth[@]}"; do echo "growth: $g"; done
echo
check_table
if [ -s "$WORK/levels.txt" ]; then
    echo
    echo "deflate levels, every part of the 1,000-branch build zipped again:"
    cat "$WORK/levels.txt"
fi
echo "load average (1, 5, 15 min) after: $(load)"
