#!/bin/sh
# Reproduces BENCHMARKS.md's "Module-wide fixes" table (issue 15):
# noexit ./... against noexit -fix -fix-exported -diff ./... on examples/,
# examples/edgecore-bug, etcd server v3.7.3 and containerd v2.4.2 (copied
# from the module cache into the work directory), interleaved, medians.
#
#   bench/fixexported.sh                      # 3 reps, prints the table
#   REPS=1 CORPORA=examples,etcd bench/fixexported.sh
#   OUT=BENCHMARKS.md bench/fixexported.sh    # replace the section in BENCHMARKS.md
#   SAVE=/tmp/fixout bench/fixexported.sh     # also keep every corpus's outputs
#
# With SAVE, the outputs of the fix test corpora are saved too (untimed):
# cmd/noexit/testdata's modules (fixdiff, fixmod, modfix) with -fix -diff
# and -fix -fix-exported -diff, and testdata/src's analysistest packages
# (GOPATH mode) with -fix -diff. Compare two versions of noexit with
# diff -r on two SAVE directories.
#
# WORK=DIR keeps the corpora and binaries between runs (the copies are
# made once per work directory).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
set -- -fixexported -reps="${REPS:-3}" "$@"
[ -n "${CORPORA:-}" ] && set -- -corpora="$CORPORA" "$@"
[ -n "${WORK:-}" ] && set -- -work="$WORK" "$@"
[ -n "${SAVE:-}" ] && set -- -savediffs="$SAVE" "$@"
[ -n "${OUT:-}" ] && set -- -o="$OUT" "$@"
go run ./bench/cmd/bench "$@"

[ -n "${SAVE:-}" ] || exit 0
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/noexit" ./cmd/noexit
out="$SAVE/fixtests"
mkdir -p "$out"
# run NAME DIR ENV... -- ARGS...: stdout to NAME.diff, stderr (paths made
# relative to the repository) to NAME.stderr, exit code to NAME.exitcode.
run() {
	name=$1 dir=$2
	shift 2
	code=0
	(cd "$dir" && env "$@" >"$out/$name.diff" 2>"$out/$name.stderr.raw") || code=$?
	sed "s|$root/||g" "$out/$name.stderr.raw" >"$out/$name.stderr"
	rm "$out/$name.stderr.raw"
	echo "$code" >"$out/$name.exitcode"
}
for m in fixdiff fixmod modfix; do
	run "mod-$m.perpackage" "cmd/noexit/testdata/$m" GOFLAGS=-mod=mod "$bin/noexit" -fix -diff ./...
	run "mod-$m.fixexported" "cmd/noexit/testdata/$m" GOFLAGS=-mod=mod "$bin/noexit" -fix -fix-exported -diff ./...
done
for d in testdata/src/*/; do
	p=$(basename "$d")
	case $p in github.com | go.uber.org | golang.org | k8s.io) continue ;; esac
	run "src-$p.perpackage" "$d" GOPATH="$root/testdata" GO111MODULE=off GOFLAGS= "$bin/noexit" -fix -diff "$p/..."
done
echo "saved outputs in $SAVE"
