//go:build unix

package store

import (
	"errors"
	"os"
	"strings"
	"syscall"
)

// processAlive reports whether a process with id pid runs on this host (one we may not signal
// runs too).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// pidNamespace names this process's process-id namespace and the kernel's boot
// ("pid:[4026531836]@5f0c…"), or "" where the system does not say (no /proc): holds then lapse
// by time alone.
func pidNamespace() string {
	ns, err := os.Readlink("/proc/self/ns/pid")
	if err != nil {
		return ""
	}
	boot, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil || len(strings.TrimSpace(string(boot))) == 0 {
		return ""
	}
	return ns + "@" + strings.TrimSpace(string(boot))
}
