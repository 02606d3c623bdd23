// Command tagdrop is the fashion sale tracker: one binary with a subcommand per job. This package
// only parses flags and wires the internal packages together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// version is stamped at build time with -ldflags "-X main.version=…".
var version = "dev"

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, env *environment, args []string) error
}

// environment is what every command gets from the process: its output streams and variables.
type environment struct {
	stdout, stderr io.Writer
	getenv         func(string) string
}

func commands() map[string]command {
	return map[string]command{
		"serve":   {"run the web app, API and background work", runServe},
		"migrate": {"bring the database schema up to date and print its version", runMigrate},
		"check":   {"check the database's integrity and the catalogue's invariants", runCheck},
		"user":    {"manage accounts: add, list, passwd, role, prefs, verify, export, delete", runUser},
		"backup":  {"write a consistent copy of the SQLite database while tagdrop runs", runBackup},
		"brand":   {"list brands and merge one into another", runBrand},
		"product": {"merge duplicate products (dedupe)", runProduct},
		"import":  {"import product feeds (files or URLs) into the catalogue", runImport},
		"feed":    {"register feeds for scheduled refreshes: add, list, remove, run", runFeed},
		"extract": {"print the products and offers found in one product page", runExtract},
		"search":  {"search the catalogue from the command line", runSearch},
		"digest":  {"build (or preview with --dry-run) shoppers' sale digests", runDigest},
		"trends":  {"bring the trends page's counts and rankings up to date: update", runTrends},
		"gen":     {"write realistic synthetic feeds and shoppers at any scale", runGen},
		"bench":   {"measure ingest, search, match or email against a peer", runBench},
		"version": {"print the version", func(_ context.Context, env *environment, _ []string) error {
			fmt.Fprintln(env.stdout, "tagdrop", version)
			return nil
		}},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &environment{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes one command line and returns the process exit code: 0 success, 1 failure,
// 2 usage error.
func run(ctx context.Context, env *environment, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "tagdrop: unknown command %q (run tagdrop --help for the list)\n", args[0])
		return 2
	}
	err := cmd.run(ctx, env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(env.stderr, "tagdrop %s: %s\n", args[0], strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
		return 2
	default:
		fmt.Fprintf(env.stderr, "tagdrop %s: %s\n", args[0], oneLine(err.Error()))
		return 1
	}
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "tagdrop: follow designer brands, get their sales in your size.")
	fmt.Fprintln(w, "\nUsage: tagdrop COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun tagdrop COMMAND --help for a command's flags. Every flag can also be set with")
	fmt.Fprintln(w, "the environment variable TAGDROP_<FLAG> (e.g. TAGDROP_DB, TAGDROP_ADDR); flags win.")
}

// oneLine keeps error output to a single line, as users and scripts expect.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
