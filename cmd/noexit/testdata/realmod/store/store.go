// Package store is a library whose constructor ends the process when the
// store cannot be opened: the case noexit exists for.
package store

import (
	"errors"
	"os"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

// Store is an opened store.
type Store struct {
	path string
	log  *zap.SugaredLogger
}

// New opens the store at path.
func New(path string) *Store {
	klog.Infof("opening store at %s", path)
	s := mustOpen(path)
	klog.V(2).Infof("opened store at %s", path)
	return s
}

func mustOpen(path string) *Store {
	if err := check(path); err != nil {
		klog.Errorf("cannot open store: %v", err)
		klog.Fatalf("cannot open store at %s: %v", path, err)
	}
	return &Store{path: path, log: zap.NewNop().Sugar()}
}

func check(path string) error {
	if path == "" {
		return errors.New("empty path")
	}
	return nil
}

// Verify refuses the root directory.
func (s *Store) Verify() {
	if s.path == "/" {
		s.refuse()
	}
	logrus.WithField("path", s.path).Info("verified")
}

// Sync flushes the store; the fatal logger is taken as a method value.
func (s *Store) Sync() {
	fatal := s.log.Fatalw
	if s.path == "" {
		fatal("store lost its path", "store", s.path)
	}
	s.log.Infow("synced", "store", s.path)
}

// Reset clears the store.
func (s *Store) Reset() {
	if s.path == "" {
		//noexit:allow a store without a path is a programming error the embedder cannot recover from
		os.Exit(2)
	}
	klog.Errorf("reset %s", s.path)
}

// legacyOpen is left over from an old API: nothing calls it.
func legacyOpen(path string) *Store {
	if path == "" {
		os.Exit(1)
	}
	return &Store{path: path}
}

// refuse ends the process; it sits below every exported declaration, on a
// line that export data does not mention.
func (s *Store) refuse() {
	logrus.WithField("path", s.path).Fatal("refusing to use the root directory")
}
