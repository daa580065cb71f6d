#!/usr/bin/env bash
# build-golangci.sh [output-binary]
#
# Builds golangci-lint with the noexit module plugin compiled in, without
# git: the offline equivalent of "golangci-lint custom" with .custom-gcl.yml.
# golangci-lint's source comes from the Go module cache (fetched through
# the go command's module proxy when missing); this checkout is wired in
# with a replace directive.
#
# The binary's version is <golangci version>-custom-noexit-<hash>, where
# <hash> digests the plugin's non-test sources, go.mod and go.sum.
# golangci-lint salts its result cache with its version, so a changed
# plugin never replays results of the old one; and an output binary that
# already carries the current hash is reused, not rebuilt.
#
# Default output: bin/golangci-lint-noexit in this checkout. Works from
# any directory.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
out=${1:-"$root/bin/golangci-lint-noexit"}
case $out in /*) ;; *) out="$PWD/$out" ;; esac

plugin=github.com/noexit-lint/noexit
gcl=github.com/golangci/golangci-lint/v2
# One source of truth for the golangci-lint version: .custom-gcl.yml.
gcl_version=$(sed -n 's/^version:[[:space:]]*["'\'']\{0,1\}\([^"'\''[:space:]]*\).*/\1/p' "$root/.custom-gcl.yml")
gcl_version=${gcl_version:-v2.15.0}

# Hash the plugin as the custom binary will see it, names and contents in
# a fixed order: the non-test Go files under analyzer/, internal/ and the root
# package, those of any other package of this module the plugin imports
# (go list -deps), go.mod and go.sum.
hash=$(
	cd "$root"
	{
		find analyzer internal -name '*.go' ! -name '*_test.go' ! -path '*/testdata/*' -type f
		find . -maxdepth 1 -name '*.go' ! -name '*_test.go' -type f
		GOWORK=off go list -e -deps -f '{{if and .Module (eq .Module.Path "'"$plugin"'")}}
			{{- range .GoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}
			{{- range .CgoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}
			{{- range .EmbedFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}{{end}}' .
		echo go.mod
		echo go.sum
	} | sed -e "s|^$root/||" -e 's|^\./||' | LC_ALL=C sort -u | while IFS= read -r f; do
		if [ -f "$f" ]; then sha256sum -- "$f"; fi
	done | sha256sum | cut -c1-12
)
version="$gcl_version-custom-noexit-$hash"

# "golangci-lint has version <version> built with go1.x from <commit> on <date>"
if [ -x "$out" ]; then
	case $("$out" version 2>/dev/null || true) in
	*" version $version "*)
		echo "$out is up to date ($version)"
		exit 0
		;;
	esac
fi

start=$(date +%s.%N)
work=$(mktemp -d "${TMPDIR:-/tmp}/golangci-noexit.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work" "$out.tmp.$$"' EXIT
# Outside any module (and workspace), so that nothing touches our go.mod.
export GOWORK=off

src=$(cd "$work" && go mod download -json "$gcl@$gcl_version" |
	sed -n 's/^[[:space:]]*"Dir":[[:space:]]*"\(.*\)",\{0,1\}$/\1/p')
if [ -z "$src" ] || [ ! -d "$src" ]; then
	echo "build-golangci.sh: cannot find $gcl@$gcl_version in the module cache" >&2
	exit 1
fi

cp -R "$src" "$work/golangci-lint"
chmod -R u+w "$work/golangci-lint"
mkdir -p "$(dirname "$out")"
cd "$work/golangci-lint"
cat >cmd/golangci-lint/plugin_noexit.go <<GO
package main

// Registers the noexit module plugin (added by scripts/build-golangci.sh).
import _ "$plugin"
GO
go mod edit -require="$plugin@v0.0.0" -replace="$plugin=$root"
go mod tidy
go build -trimpath \
	-ldflags "-s -w -X main.version=$version -X main.commit=$hash -X main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
	-o "$out.tmp.$$" ./cmd/golangci-lint
# Renamed within one directory: a concurrent reader sees the old binary or
# the new one, never half of one.
mv -f "$out.tmp.$$" "$out"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v o="$out" -v v="$version" \
	'BEGIN { printf "built %s (%s) in %.1fs\n", o, v, e - s }'
