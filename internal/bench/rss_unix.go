//go:build unix

package bench

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSSMB is a finished child's peak resident memory in MiB, from getrusage's ru_maxrss:
// kibibytes on Linux and the BSDs, bytes on macOS.
func peakRSSMB(ps *os.ProcessState) float64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return float64(ru.Maxrss) / (1 << 20)
	}
	return float64(ru.Maxrss) / 1024
}
