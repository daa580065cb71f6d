package fixcause

import (
	"errors"
	"testing"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

// The fixed functions, on the failure path, return an error that wraps
// the cause and carries the log line's fields.
func TestCause(t *testing.T) {
	base := errors.New("disk gone")
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"LoadConfig", LoadConfig("p", base), "load config: disk gone"},
		{"Fields", Fields("p", 3, base), "read p path=p size=3: disk gone"},
		{"Logger", Logger(logrus.New(), "n1", base), "register node=n1: disk gone"},
		{"Zap", Zap(zap.NewNop(), "n1", base), "register node=n1 port=80: disk gone"},
		{"Sugar", Sugar(zap.NewNop().Sugar(), "n1", base), "register node=n1 error=disk gone"},
		{"Klog", Klog(8, base), "serve port=8 node=8: disk gone"},
	} {
		if tc.err == nil {
			t.Errorf("%s: nil error on the failure path", tc.name)
			continue
		}
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("%s: error %q, want %q", tc.name, got, tc.want)
		}
		if !errors.Is(tc.err, base) {
			t.Errorf("%s: %q does not wrap the cause", tc.name, tc.err)
		}
	}
	if err := LoadConfig("p", nil); err != nil {
		t.Errorf("LoadConfig on the success path: %v", err)
	}
}
