#!/usr/bin/env bash
# Whole-process measurements of issue 18, in one command, on this machine:
#
#   scripts/peer-compare.sh [--peer-only] [SCALE]      (SCALE: the quota account times SCALE, default 1)
#
# 1. vpc-tui against aws-vpc-analyzer 0.5.1 (PyPI; installed into a venv under target/) on the
#    same `aws ec2 describe-*` JSON: the generated quota account (`examples/generate --aws`).
#    vpc-tui: `vpc-tui check --aws DIR --from i-00000 --to s3` (reads every file, builds and
#    validates the model, evaluates one path). The peer: its own fetcher, graph manager and path
#    analyzer (what its MCP tools `refresh_topology` and `analyze_path` run) on the same files,
#    through scripts/peer_driver.py, from instance i-00000's ENI to an S3 address (52.216.0.10),
#    TCP 443. Each is run RUNS times (default 5), alternating, under /usr/bin/time -v; the
#    medians of wall time and peak RSS are compared. Targets (issue 18): vpc-tui < 200 ms and
#    < 150 MiB, >= 10x faster than the peer.
# 2. Unless --peer-only: `check --matrix --format json` (compact) on the same account as RON
#    (< 1.5 s, < 150 MB), `check --matrix --format jsonl` on 100,000 instances (completes), and
#    `examples/peak_memory` (load + evaluate_all, < 200 MB).
#
# Reading it: a line per run (wall seconds, peak RSS MiB), then the medians and the ratio. The
# one-minute load average is printed before and after: on a shared machine a build running
# beside it doubles vpc-tui's figure, so compare runs made at a load below 1.
set -euo pipefail

peer_only=false
if [[ ${1:-} == --peer-only ]]; then
    peer_only=true
    shift
fi
scale=${1:-1}
runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${PEER_WORK:-$root/target/peer-compare}
venv=$work/venv
data=$work/aws-$scale
mkdir -p "$work"

load() { cut -d' ' -f1 /proc/loadavg; }

# The peer, pinned to the version the issue measured.
if ! "$venv/bin/python" -c 'import netgraph' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'aws-vpc-analyzer==0.5.1'
fi

# NO_BUILD=1: use the binaries already built (under CARGO_TARGET_DIR or target/).
if [[ ${NO_BUILD:-0} != 1 ]]; then
    (cd "$root" && cargo build --release --locked --bin vpc-tui --example generate --example peak_memory)
fi
release=${CARGO_TARGET_DIR:-$root/target}/release
bin=$release/vpc-tui
gen=$release/examples/generate
if [[ ! -f $data/vpcs.json ]]; then
    "$gen" --scale "$scale" --aws "$data" >/dev/null
fi
echo "account: $data ($(du -sh "$data" | cut -f1) of JSON, $(ls "$data" | wc -l) files)"

# One measured run: prints "wall_seconds rss_mib" on stdout, the command's last line on stderr
# (QUIET=1: its output goes to /dev/null, as a matrix's does).
measure() {
    local out
    out=$(mktemp)
    if [[ ${QUIET:-0} == 1 ]]; then
        /usr/bin/time -v "$@" >/dev/null 2>"$out" || true
        : >"$out.stdout"
    else
        /usr/bin/time -v "$@" >"$out.stdout" 2>"$out" || true
        tail -n 1 "$out.stdout" >&2
    fi
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$out" | awk '{print $NF}' |
        awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    rss=$(grep 'Maximum resident set size' "$out" | awk '{printf "%.1f", $NF / 1024}')
    rm -f "$out" "$out.stdout"
    echo "$wall $rss"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "load average before: $(load)"
ours=()
theirs=()
for i in $(seq "$runs"); do
    m=$(measure "$bin" check --aws "$data" --from i-00000 --to s3)
    echo "run $i vpc-tui: $m"
    ours+=("$m")
    m=$(measure "$venv/bin/python" "$root/scripts/peer_driver.py" "$data" i-00000 52.216.0.10 443)
    echo "run $i peer:    $m"
    theirs+=("$m")
done
ow=$(printf '%s\n' "${ours[@]}" | cut -d' ' -f1 | median)
om=$(printf '%s\n' "${ours[@]}" | cut -d' ' -f2 | median)
tw=$(printf '%s\n' "${theirs[@]}" | cut -d' ' -f1 | median)
tm=$(printf '%s\n' "${theirs[@]}" | cut -d' ' -f2 | median)
echo "median vpc-tui: ${ow} s, ${om} MiB (target < 0.2 s, < 150 MiB)"
echo "median peer:    ${tw} s, ${tm} MiB"
awk -v a="$ow" -v b="$tw" 'BEGIN { printf "vpc-tui is %.1fx faster (target >= 10x)\n", b / a }'
echo "load average after: $(load)"

if $peer_only; then
    exit 0
fi

ron=$work/quota-$scale.ron
[[ -f $ron ]] || "$gen" --scale "$scale" --ron "$ron" >/dev/null
m=$(QUIET=1 measure "$bin" check "$ron" --matrix --format json)
echo "check --matrix --format json (compact), scale $scale: $m (wall s, RSS MiB; target < 1.5 s, < 150 MB)"
big=$work/quota-100k.ron
[[ -f $big ]] || "$gen" --scale 4 --instances 100000 --ron "$big" >/dev/null
m=$(QUIET=1 measure "$bin" check "$big" --matrix --format jsonl)
echo "check --matrix --format jsonl, 100,000 instances: $m (wall s, RSS MiB; completes)"
echo "peak memory (load_file + evaluate_all, quota model):"
"$release/examples/peak_memory" | sed 's/^/  /'
echo "load average at the end: $(load)"
