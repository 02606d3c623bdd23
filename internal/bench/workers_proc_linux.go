package bench

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// clockTicks is USER_HZ, the unit of /proc/PID/stat's times: 100 on every Linux architecture
// Go supports.
const clockTicks = 100

// dieWithParent makes the kernel kill cmd when the benchmark ends, however it ends, so no
// worker outlives it.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// procCPUSeconds reads a live process's user and system CPU time from /proc/PID/stat.
func procCPUSeconds(pid int) (float64, bool) {
	s, _, err := procStat(pid)
	return s, err == nil
}

// procStat returns a process's CPU seconds and command name (the comm field).
func procStat(pid int) (float64, string, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, "", err
	}
	// pid (comm) state ppid …: comm may hold spaces, so fields count from its closing bracket.
	s := string(b)
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end < open {
		return 0, "", fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	fields := strings.Fields(s[end+1:])
	if len(fields) < 13 { // utime and stime are fields 14 and 15 of the line, 12 and 13 here
		return 0, "", fmt.Errorf("/proc/%d/stat: %d fields", pid, len(fields))
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, "", fmt.Errorf("/proc/%d/stat: times %q %q", pid, fields[11], fields[12])
	}
	return float64(utime+stime) / clockTicks, s[open+1 : end], nil
}
