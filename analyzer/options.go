package analyzer

// An Option adapts an analyzer to the driver that runs it. Options are
// for driver glue, such as the golangci-lint plugin; they are not user
// settings and have no flags.
type Option func(*options)

type options struct {
	singleFileFixes bool
	allowedCobra    bool
}

// SingleFileFixes offers only fixes whose edits all lie in the file of
// the diagnostic; a fix that also edits other files is withheld, with the
// reason in the message. golangci-lint applies only a fix's edits in the
// reported file, so a fix spanning files would be applied in part.
func SingleFileFixes() Option {
	return func(o *options) { o.singleFileFixes = true }
}

// AllowedCobraFixes also offers, in packages where exiting is allowed
// (main, cmd/), the fix that turns a cobra.Command's exiting Run into
// RunE, as a finding with that fix; findings without one stay silent
// there. It is for a driver that applies fixes on request (noexit -fix):
// a plain run reports nothing in allowed code.
func AllowedCobraFixes() Option {
	return func(o *options) { o.allowedCobra = true }
}
