package driver

import (
	"fmt"
	"io"
	"strings"
)

// Unified writes the unified diff of before and after for one file, with the
// a/ and b/ prefixes that git apply and patch -p1 expect, and three lines
// of context. Equal contents write nothing.
func Unified(w io.Writer, path string, before, after []byte) error {
	a, b := splitLines(string(before)), splitLines(string(after))
	ops := lineDiff(a, b)
	hunks := group(ops, 3)
	if len(hunks) == 0 {
		return nil
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- a/%s\n+++ b/%s\n", path, path)
	for _, h := range hunks {
		var oldN, newN int
		for _, o := range h.ops {
			if o.kind != '+' {
				oldN++
			}
			if o.kind != '-' {
				newN++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", span(h.oldStart, oldN), span(h.newStart, newN))
		for _, o := range h.ops {
			sb.WriteByte(o.kind)
			sb.WriteString(o.line)
			if !strings.HasSuffix(o.line, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// span renders a hunk range: start is the 0-based index of its first
// line; an empty range names the line before it.
func span(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s after each newline; a last line without one is kept.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// op is one line of an edit script: ' ' kept, '-' deleted, '+' inserted,
// with its 0-based index in the old and new lines.
type op struct {
	kind     byte
	line     string
	old, new int
}

// lineDiff returns a shortest edit script from a to b (Myers' algorithm),
// after trimming the common prefix and suffix. Past maxEdits differences
// it replaces the middle whole: still a correct patch, only longer.
func lineDiff(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for i := range pre {
		ops = append(ops, op{' ', a[i], i, i})
	}
	for _, o := range myers(a[pre:len(a)-suf], b[pre:len(b)-suf]) {
		o.old += pre
		o.new += pre
		ops = append(ops, o)
	}
	for i := suf; i > 0; i-- {
		ops = append(ops, op{' ', a[len(a)-i], len(a) - i, len(b) - i})
	}
	return ops
}

const maxEdits = 2000

func myers(a, b []string) []op {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return nil
	}
	off := n + m + 1
	v := make([]int, 2*off+1)
	var trace [][]int
	for d := 0; d <= n+m && d <= maxEdits; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(a, b, trace, off)
			}
		}
	}
	var ops []op
	for i := range a {
		ops = append(ops, op{'-', a[i], i, 0})
	}
	for j := range b {
		ops = append(ops, op{'+', b[j], n, j})
	}
	return ops
}

// backtrack walks the saved V arrays from (n, m) back to (0, 0).
func backtrack(a, b []string, trace [][]int, off int) []op {
	x, y := len(a), len(b)
	var rev []op
	for d := len(trace) - 1; d > 0; d-- {
		v := trace[d]
		k := x - y
		var pk int
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := v[off+pk]
		py := px - pk
		for x > px && y > py {
			x--
			y--
			rev = append(rev, op{' ', a[x], x, y})
		}
		if x == px {
			y--
			rev = append(rev, op{'+', b[y], x, y})
		} else {
			x--
			rev = append(rev, op{'-', a[x], x, y})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, op{' ', a[x], x, y})
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

// hunk is a run of ops with its start in the old and new lines.
type hunk struct {
	oldStart, newStart int
	ops                []op
}

// group cuts ops into hunks with ctx lines of context around changes,
// merging hunks whose context would touch.
func group(ops []op, ctx int) []hunk {
	var hunks []hunk
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-ctx, 0)
		// Extend while the next change is within 2*ctx kept lines.
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
				continue
			}
			if j-end > 2*ctx {
				break
			}
		}
		stop := min(end+ctx+1, len(ops))
		h := hunk{ops: ops[start:stop]}
		h.oldStart, h.newStart = ops[start].old, ops[start].new
		hunks = append(hunks, h)
		i = stop
	}
	return hunks
}
