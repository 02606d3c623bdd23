//go:build unix

package bench

import (
	"syscall"
	"time"
)

// childrenCPU is the CPU time, user and system, of the child processes this process has waited
// for (smtp-sink and smtp-source in the e-mail benchmark).
func childrenCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
