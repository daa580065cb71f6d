// Package cache builds on store; it does not exit itself, but store.New
// does.
package cache

import (
	"k8s.io/klog/v2"

	"example.com/realmod/store"
)

// Cache caches a store.
type Cache struct {
	s *store.Store
}

// Open opens the cache's store in dir.
func Open(dir string) *Cache {
	klog.Infof("opening cache in %s", dir)
	c := &Cache{s: store.New(dir)}
	c.s.Reset()
	return c
}

// Check verifies the underlying store.
func (c *Cache) Check() {
	c.s.Verify()
}

// Flush flushes the store through a method value.
func (c *Cache) Flush() {
	flush := c.s.Sync
	flush()
}
