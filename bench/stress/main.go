// Command stress writes a synthetic Go module for stress-testing noexit:
//
//	go run ./bench/stress -out DIR [-funcs 10000]
//
// The module has one library package, DIR/stress, with -funcs function
// declarations in all:
//
//   - a call chain Chain0000 -> Chain0001 -> ... of -chain functions whose
//     last one calls os.Exit; every link is exported, so each one is an
//     entry point and exports a may-exit fact with its whole witness path;
//   - a recursion ring ring0000 -> ring0001 -> ... -> ring0000 of -ring
//     functions that also calls into the chain, so the fixed point has to
//     settle a cycle that may exit;
//   - filler functions, each calling two lower-numbered fillers, a few
//     entering the ring, spread over many files;
//   - about -literals bytes of string literals in package variables.
//
// Defaults are the sizes: 10,000 functions, a 1,000-deep chain, a
// 500-function ring and 100 KB of literals. -funcs alone scales the other
// sizes in proportion (1,000 functions: a 100-deep chain, a 50-ring and
// 10 KB), so runs of two sizes compare growth.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("out", "", "directory to write the module into (required; replaced)")
	funcs := flag.Int("funcs", 10000, "number of function declarations")
	chain := flag.Int("chain", -1, "depth of the call chain ending in os.Exit (default funcs/10)")
	ring := flag.Int("ring", -1, "number of functions in the recursion ring (default funcs/20)")
	literals := flag.Int("literals", -1, "bytes of string literals (default funcs*10)")
	perFile := flag.Int("perfile", 250, "function declarations per file")
	flag.Parse()
	if *out == "" {
		log.Fatal("stress: -out is required")
	}
	if *chain < 0 {
		*chain = *funcs / 10
	}
	if *ring < 0 {
		*ring = *funcs / 20
	}
	if *literals < 0 {
		*literals = *funcs * 10
	}
	g := gen{dir: filepath.Join(*out, "stress"), funcs: *funcs, chain: *chain, ring: *ring, literals: *literals, perFile: *perFile}
	if err := g.write(*out); err != nil {
		log.Fatal(err)
	}
}

type gen struct {
	dir                          string
	funcs, chain, ring, literals int
	perFile, fillers             int
	file                         *bufio.Writer
	closeFile                    func() error
	fileIndex, inFile            int
}

func (g *gen) write(root string) error {
	if g.chain+g.ring > g.funcs {
		return fmt.Errorf("stress: chain (%d) + ring (%d) exceed funcs (%d)", g.chain, g.ring, g.funcs)
	}
	g.fillers = g.funcs - g.chain - g.ring
	if err := os.RemoveAll(root); err != nil {
		return err
	}
	if err := os.MkdirAll(g.dir, 0o755); err != nil {
		return err
	}
	mod := "module example.com/stress\n\ngo 1.26\n"
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	if err := g.writeLiterals(); err != nil {
		return err
	}
	for i := 0; i < g.chain; i++ {
		if err := g.next(); err != nil {
			return err
		}
		if i == g.chain-1 {
			fmt.Fprintf(g.file, "// Chain%04d ends the process.\nfunc Chain%04d(n int) int {\n\tif n < 0 {\n\t\tos.Exit(n)\n\t}\n\treturn n + len(lit0)\n}\n\n", i, i)
			continue
		}
		fmt.Fprintf(g.file, "// Chain%04d is link %d of the chain.\nfunc Chain%04d(n int) int {\n\tif n > %d {\n\t\treturn n\n\t}\n\treturn Chain%04d(n+1) + 1\n}\n\n", i, i, i, i, i+1)
	}
	for i := 0; i < g.ring; i++ {
		if err := g.next(); err != nil {
			return err
		}
		next := (i + 1) % g.ring
		exit := ""
		if i == g.ring/2 && g.chain > 0 {
			exit = fmt.Sprintf("\tif n == -1 {\n\t\treturn Chain%04d(n)\n\t}\n", g.chain/2)
		}
		fmt.Fprintf(g.file, "func ring%04d(n int) int {\n%s\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn ring%04d(n-1)\n}\n\n", i, exit, next)
	}
	for i := 0; i < g.fillers; i++ {
		if err := g.next(); err != nil {
			return err
		}
		name := fmt.Sprintf("filler%05d", i)
		if i%100 == 0 {
			name = fmt.Sprintf("Filler%05d", i) // some entry points
		}
		body := "\ts := 0\n\tfor i := 0; i < n; i++ {\n\t\ts += i * 3\n\t}\n"
		if i > 0 {
			body += fmt.Sprintf("\ts += %s(n / 2)\n", g.fillerName(i/2))
		}
		if i > 1 {
			body += fmt.Sprintf("\ts += %s(n - 1)\n", g.fillerName(i-1))
		}
		if g.ring > 0 && i%97 == 0 {
			body += fmt.Sprintf("\ts += ring%04d(n)\n", i%g.ring)
		}
		fmt.Fprintf(g.file, "func %s(n int) int {\n%s\treturn s\n}\n\n", name, body)
	}
	return g.finish()
}

func (g *gen) fillerName(i int) string {
	if i%100 == 0 {
		return fmt.Sprintf("Filler%05d", i)
	}
	return fmt.Sprintf("filler%05d", i)
}

// next starts a new file every perFile declarations.
func (g *gen) next() error {
	if g.file != nil && g.inFile < g.perFile {
		g.inFile++
		return nil
	}
	if err := g.finish(); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(g.dir, fmt.Sprintf("f%03d.go", g.fileIndex)))
	if err != nil {
		return err
	}
	g.fileIndex++
	g.inFile = 1
	g.file = bufio.NewWriter(f)
	g.closeFile = func() error {
		if err := g.file.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	fmt.Fprintf(g.file, "// Code for the noexit stress test.\n\npackage stress\n\nimport \"os\"\n\nvar _ = os.Args\n\n")
	return nil
}

func (g *gen) finish() error {
	if g.file == nil {
		return nil
	}
	err := g.closeFile()
	g.file = nil
	return err
}

// writeLiterals writes about g.literals bytes of string literals, in
// 1 KB variables.
func (g *gen) writeLiterals() error {
	f, err := os.Create(filepath.Join(g.dir, "literals.go"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "package stress\n\n// lit0 is referenced so the literals stay live.\nvar lit0 = lit%04d\n\n", 0)
	const chunk = 1000
	n := max(1, (g.literals+chunk-1)/chunk)
	for i := range n {
		fmt.Fprintf(w, "var lit%04d = \"", i)
		for j := range chunk {
			_ = w.WriteByte('a' + byte((i+j)%26)) // a bufio.Writer keeps its first error for Flush
		}
		_, _ = w.WriteString("\"\n")
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
