//go:build !linux

package e2e_test

import "os/exec"

// dieWithTest does nothing where the kernel has no parent-death signal: a test stopped by
// -timeout may leave its nodes running there.
func dieWithTest(*exec.Cmd) {}
