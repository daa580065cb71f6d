package rewrite

// A Kind says what kind of refusal a Refusal is.
type Kind int

const (
	// NoFix means no rewrite is safe here (the text says why and, where it
	// can, what to do instead).
	NoFix Kind = iota
	// NoCompile means the rewrite was built but would not type-check.
	NoCompile
	// OtherFile means the fix also edits another file, and the driver
	// applies only the edits in the reported file (golangci-lint).
	OtherFile
)

// A Refusal is why a fixer offers no fix. Text is lower case and has no
// prefix: each front end words its own ("no automatic fix: …", "no
// module-wide fix: …").
type Refusal struct {
	Kind Kind
	Text string
}

// Refuse is a NoFix refusal with text, or nil when text is empty.
func Refuse(text string) *Refusal {
	if text == "" {
		return nil
	}
	return &Refusal{Kind: NoFix, Text: text}
}

// Say words r for a front end whose fixes are called kind fixes
// ("automatic", "module-wide"): "no automatic fix: the rewrite would not
// compile". A nil refusal says nothing.
func (r *Refusal) Say(kind string) string {
	switch {
	case r == nil:
		return ""
	case r.Kind == OtherFile:
		return "no " + kind + " fix under golangci-lint: " + r.Text
	}
	return "no " + kind + " fix: " + r.Text
}
