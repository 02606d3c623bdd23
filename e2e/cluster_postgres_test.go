package e2e_test

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
)

// pgInstance is a PostgreSQL server of the test's own: initdb into a temporary folder, started
// with pg_ctl on a free loopback port. The cluster test stops and starts it during a run, which
// it must never do to the machine's shared server.
type pgInstance struct {
	bin  string // folder of initdb, pg_ctl, postgres
	dir  string // the instance's folder: data/, the socket, the log
	port int
	// runAs is the account the server runs as: "postgres" when the test runs as root (initdb
	// refuses root), "" for the current user.
	runAs string
}

// postgresBinDirs is where Debian and Ubuntu install PostgreSQL's server programs.
const postgresBinDirs = "/usr/lib/postgresql/*/bin"

// findPostgresBin returns the newest folder holding initdb and pg_ctl, or "" when none does.
func findPostgresBin() string {
	dirs, _ := filepath.Glob(postgresBinDirs)
	for i := len(dirs) - 1; i >= 0; i-- {
		_, e1 := os.Stat(filepath.Join(dirs[i], "initdb"))
		_, e2 := os.Stat(filepath.Join(dirs[i], "pg_ctl"))
		if e1 == nil && e2 == nil {
			return dirs[i]
		}
	}
	return ""
}

// startPostgres makes and starts a fresh PostgreSQL instance, skipping the test with a message
// when the server programs are not installed. It is stopped and removed when the test ends.
func startPostgres(t *testing.T) *pgInstance {
	t.Helper()
	bin := findPostgresBin()
	if bin == "" {
		t.Skipf("no PostgreSQL server programs under %s (apt-get install postgresql): the cluster test needs an instance of its own to stop and start", postgresBinDirs)
	}
	pg := &pgInstance{bin: bin}
	if os.Geteuid() == 0 {
		if _, err := user.Lookup("postgres"); err != nil {
			t.Skipf("running as root and no postgres account to run initdb as: %v", err)
		}
		pg.runAs = "postgres"
	}
	// Not t.TempDir: its folders are private to root and the server runs as postgres.
	dir, err := os.MkdirTemp("", "tagdrop-cluster-pg-")
	if err != nil {
		t.Fatal(err)
	}
	pg.dir = dir
	t.Cleanup(func() {
		_ = pg.run("stop", "-m", "immediate")
		os.RemoveAll(dir)
	})
	if pg.runAs != "" {
		u, _ := user.Lookup(pg.runAs)
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatalf("chown %s to %s: %v", dir, pg.runAs, err)
		}
	}
	if pg.port, err = freePort(); err != nil {
		t.Fatal(err)
	}
	initdb := pg.command(filepath.Join(bin, "initdb"), "-D", pg.data(), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale", "C")
	if out, err := initdb.CombinedOutput(); err != nil {
		t.Fatalf("initdb %s: %v\n%s", pg.data(), err, out)
	}
	if err := pg.start(); err != nil {
		t.Fatal(err)
	}
	return pg
}

// url is the connection URL of database name on the instance.
func (pg *pgInstance) url(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", pg.port, name)
}

func (pg *pgInstance) data() string { return filepath.Join(pg.dir, "data") }

// command runs a server program as the server's account.
func (pg *pgInstance) command(prog string, args ...string) *exec.Cmd {
	if pg.runAs == "" {
		return exec.Command(prog, args...)
	}
	return exec.Command("runuser", append([]string{"-u", pg.runAs, "--", prog}, args...)...)
}

// run runs pg_ctl with args on the instance's data folder.
func (pg *pgInstance) run(args ...string) error {
	all := append([]string{"-D", pg.data(), "-w", "-t", "60"}, args...)
	out, err := pg.command(filepath.Join(pg.bin, "pg_ctl"), all...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %v: %v\n%s", args, err, out)
	}
	return nil
}

// start starts the server and waits until it accepts connections. Durability settings are
// relaxed (a test database, killed processes, never a killed machine): fsync and synchronous
// commit off.
func (pg *pgInstance) start() error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
		pg.port, pg.dir)
	return pg.run("start", "-l", filepath.Join(pg.dir, "server.log"), "-o", opts)
}

// stop shuts the server down the way an operator's restart does (pg_ctl stop -m fast): open
// connections are ended and every process loses its database until start.
func (pg *pgInstance) stop() error { return pg.run("stop", "-m", "fast") }

// freePort asks the kernel for a free loopback TCP port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
