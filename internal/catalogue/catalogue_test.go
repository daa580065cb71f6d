package catalogue_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/noexit-lint/noexit/internal/catalogue"
)

func TestLogOwners(t *testing.T) {
	want := []string{
		"(*github.com/sirupsen/logrus.Entry)", "(*github.com/sirupsen/logrus.Logger)",
		"(*go.uber.org/zap.Logger)", "(*go.uber.org/zap.SugaredLogger)", "(*log.Logger)",
		"fmt", "github.com/golang/glog", "github.com/sirupsen/logrus", "k8s.io/klog", "k8s.io/klog/v2", "log",
	}
	if got := slices.Sorted(maps.Keys(catalogue.LogOwners())); !slices.Equal(got, want) {
		t.Errorf("LogOwners = %q\nwant %q", got, want)
	}
}

func TestTerminators(t *testing.T) {
	m := catalogue.Terminators()
	for name, cat := range map[string]string{
		"os.Exit":                     catalogue.Exit,
		"k8s.io/klog/v2.FlushAndExit": catalogue.FatalLog,
		"(*github.com/sirupsen/logrus.Entry).Fatalf": catalogue.FatalLog,
		"(*go.uber.org/zap.SugaredLogger).DPanicw":   catalogue.PanicLog,
		"github.com/spf13/pflag.ParseAll":            catalogue.FlagExit,
		"runtime.Goexit":                             catalogue.Goexit,
		"log.Panicln":                                catalogue.PanicLog,
	} {
		if m[name] != cat {
			t.Errorf("Terminators()[%q] = %q, want %q", name, m[name], cat)
		}
	}
	for _, notExit := range []string{"fmt.Println", "k8s.io/klog/v2.Errorf", "go.uber.org/zap.Error"} {
		if _, ok := m[notExit]; ok {
			t.Errorf("%s is catalogued as a terminator", notExit)
		}
	}
	for path, want := range map[string]bool{"log": true, "k8s.io/klog/v2": true, "go.uber.org/zap": false, "fmt": false, "example.com/x": false} {
		if got := catalogue.ExitMover(path); got != want {
			t.Errorf("ExitMover(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestInvoked(t *testing.T) {
	for _, c := range []struct {
		fn    string
		param int
		want  catalogue.Runs
	}{
		{"(*sync.Once).Do", 0, catalogue.RunsOnce},
		{"sort.Slice", 1, catalogue.RunsBefore},
		{"sort.Slice", 0, catalogue.RunsNot},
		{"(*sync.WaitGroup).Go", 0, catalogue.RunsInGoroutine},
		{"fmt.Println", 0, catalogue.RunsNot},
	} {
		if got := catalogue.Invoked(c.fn, c.param); got != c.want {
			t.Errorf("Invoked(%s, %d) = %d, want %d", c.fn, c.param, got, c.want)
		}
	}
	if params, before, ok := catalogue.InvokedParams("(*sync.WaitGroup).Go"); !ok || params != 1 || before != 0 {
		t.Errorf("InvokedParams(WaitGroup.Go) = %b, %b, %v; want 1, 0, true", params, before, ok)
	}
	if params, before, ok := catalogue.InvokedParams("slices.EqualFunc"); !ok || params != 4 || before != 4 {
		t.Errorf("InvokedParams(slices.EqualFunc) = %b, %b, %v; want 100, 100, true", params, before, ok)
	}
	if _, _, ok := catalogue.InvokedParams("fmt.Println"); ok {
		t.Errorf("fmt.Println is catalogued as an invoker")
	}
}
