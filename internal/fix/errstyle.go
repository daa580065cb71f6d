package fix

import (
	"go/types"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// errorStyle restates the string literal that starts args, the format of
// fmt.Errorf or the text of errors.New, as an error string should read
// (staticcheck's ST1005): no final punctuation or newline, and a lower
// case first word unless that word looks like an identifier or acronym
// (another capital or a digit in it, a parenthesis, or the name of a type
// or function of the package):
//
//	"Marshal config error."  ->  "marshal config error"
//	"HTTP server failed: "   ->  unchanged but the colon
//	"Config is bad"          ->  unchanged when Config is a type here
//
// Only the text changes, never its meaning as a format: a final % that
// the cut would leave dangling keeps the punctuation.
func errorStyle(args string, pkg *types.Package) string {
	lit, err := strconv.QuotedPrefix(args)
	if err != nil {
		return args
	}
	s, err := strconv.Unquote(lit)
	if err != nil {
		return args
	}
	t := s
	for len(t) > 1 && strings.ContainsRune(".:!\n", rune(t[len(t)-1])) {
		cut := strings.TrimRight(t[:len(t)-1], " ")
		if cut == "" || dangling(cut) {
			break
		}
		t = cut
	}
	t = lowerFirstWord(t, pkg)
	if t == s {
		return args
	}
	var quoted string
	if lit[0] == '`' && !strings.ContainsRune(t, '`') {
		quoted = "`" + t + "`"
	} else {
		quoted = strconv.Quote(t)
	}
	return quoted + args[len(lit):]
}

// dangling reports whether s ends in a percent sign that starts a verb.
func dangling(s string) bool {
	n := len(s) - len(strings.TrimRight(s, "%"))
	return n%2 == 1
}

// lowerFirstWord lower-cases the first letter of s as ST1005 asks.
func lowerFirstWord(s string, pkg *types.Package) string {
	word, _, ok := strings.Cut(s, " ")
	if !ok {
		return s // one word: ST1005 leaves it alone
	}
	first, n := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(first) {
		return s
	}
	for _, c := range word[n:] {
		if unicode.IsUpper(c) || unicode.IsDigit(c) {
			return s // an acronym or a multi-word name: HTTP, ListenAndServe, P384
		}
	}
	if strings.ContainsRune(word, '(') || isPkgName(pkg, strings.TrimRightFunc(word, unicode.IsPunct)) {
		return s
	}
	return string(unicode.ToLower(first)) + s[n:]
}

// isPkgName reports whether name is a type, function or method declared
// in pkg.
func isPkgName(pkg *types.Package, name string) bool {
	if pkg == nil {
		return false
	}
	scope := pkg.Scope()
	switch scope.Lookup(name).(type) {
	case *types.TypeName, *types.Func:
		return true
	}
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if named, ok := tn.Type().(*types.Named); ok {
			for i := range named.NumMethods() {
				if named.Method(i).Name() == name {
					return true
				}
			}
		}
	}
	return false
}
