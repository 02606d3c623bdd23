package bench

import (
	"os"
	"path/filepath"
	"testing"
)

// TestProcStat reads this test process's /proc entry: its command name (the kernel keeps 15
// bytes) and a CPU time that cannot be negative; a process that does not exist is an error.
func TestProcStat(t *testing.T) {
	cpu, comm, err := procStat(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Base(os.Args[0])
	if len(want) > 15 {
		want = want[:15]
	}
	if comm != want || cpu < 0 {
		t.Errorf("procStat(self) = %v s, %q; want a command name of %q", cpu, comm, want)
	}
	if _, _, err := procStat(1 << 30); err == nil {
		t.Error("procStat of a process that does not exist: no error")
	}
}
