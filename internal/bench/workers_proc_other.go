//go:build !linux

package bench

import (
	"errors"
	"os/exec"
)

func dieWithParent(*exec.Cmd) {}

func procCPUSeconds(int) (float64, bool) { return 0, false }

func procStat(int) (float64, string, error) { return 0, "", errors.New("no /proc on this system") }
