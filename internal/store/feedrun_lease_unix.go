//go:build unix

package store

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with id pid runs on this host (one we may not signal
// runs too).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
