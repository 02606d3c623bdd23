package e2e_test

import (
	"os/exec"
	"syscall"
)

// dieWithTest makes the kernel kill cmd when the test process ends, however it ends: a test
// binary stopped by -timeout runs no cleanup, and its nodes must not live on.
func dieWithTest(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
