package fixunreach

import "testing"

// Every branch that exited now returns its error.
func TestUnreachable(t *testing.T) {
	if _, err := Mode(2); err == nil || err.Error() != "bad mode 2" {
		t.Errorf("Mode(2): %v", err)
	}
	if s, err := Mode(1); err != nil || s != "one" {
		t.Errorf("Mode(1) = %q, %v", s, err)
	}
	done := make(chan int)
	close(done)
	if err := Wait(make(chan int), done); err == nil {
		t.Error("Wait with done closed: nil error")
	}
	if _, err := Both(1); err == nil || err.Error() != "one: 1" {
		t.Errorf("Both(1): %v", err)
	}
	if _, err := Both(2); err == nil || err.Error() != "other: 2" {
		t.Errorf("Both(2): %v", err)
	}
	b := make(chan int)
	close(b)
	if _, err := Pick(make(chan int), b); err == nil {
		t.Error("Pick with b closed: nil error")
	}
}
