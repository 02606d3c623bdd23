package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/tagdrop/tagdrop/internal/store"
)

var (
	// errHelp means --help was printed; the command ends successfully.
	errHelp = errors.New("help requested")
	// errUsage prefixes errors in how a command was called.
	errUsage = errors.New("usage")
)

// flagSet builds a command's flag set with a usage text that names the environment variables.
func flagSet(env *environment, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := env.stdout
		fmt.Fprintf(w, "Usage: tagdrop %s\n\n%s\n\nFlags (each also read from TAGDROP_<FLAG>, e.g. --max-price from TAGDROP_MAX_PRICE):\n", synopsis, about)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// envName is the environment variable that mirrors a flag.
func envName(flagName string) string {
	return "TAGDROP_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// parse reads TAGDROP_<FLAG> variables first, then the command line, so flags win over the
// environment. A list flag takes a comma-separated environment value.
func parse(env *environment, fs *flag.FlagSet, args []string) error {
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		v := env.getenv(envName(f.Name))
		if v == "" || envErr != nil {
			return
		}
		if l, ok := f.Value.(*listFlag); ok {
			for _, item := range strings.Split(v, ",") {
				if item = strings.TrimSpace(item); item != "" {
					l.Set(item)
				}
			}
			l.fromEnv = true
			return
		}
		if err := fs.Set(f.Name, v); err != nil {
			envErr = fmt.Errorf("%w: %s=%q: %v", errUsage, envName(f.Name), v, err)
		}
	})
	if envErr != nil {
		return envErr
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) { // the flag package has printed fs.Usage
			return errHelp
		}
		return fmt.Errorf("%w: %v (see tagdrop %s --help)", errUsage, err, fs.Name())
	}
	return nil
}

// parseInterleaved parses flags that may stand before, between or after the positional
// arguments (tagdrop feed add feed.xml --retailer X) and returns the positionals.
func parseInterleaved(env *environment, fs *flag.FlagSet, args []string) ([]string, error) {
	if err := parse(env, fs, args); err != nil {
		return nil, err
	}
	var pos []string
	for rest := fs.Args(); len(rest) > 0; rest = fs.Args() {
		pos = append(pos, rest[0])
		if err := fs.Parse(rest[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) { // the flag package has printed fs.Usage
				return nil, errHelp
			}
			return nil, fmt.Errorf("%w: %v (see tagdrop %s --help)", errUsage, err, fs.Name())
		}
	}
	return pos, nil
}

// listFlag is a repeatable flag (--brand A --brand B).
type listFlag struct {
	values  []string
	fromEnv bool
}

func (l *listFlag) String() string { return strings.Join(l.values, ",") }

// Set adds one value; values from the environment are replaced by the first one on the command line.
func (l *listFlag) Set(v string) error {
	if l.fromEnv {
		l.values, l.fromEnv = nil, false
	}
	l.values = append(l.values, v)
	return nil
}

// noArgs refuses stray positional arguments.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q (see tagdrop %s --help)", errUsage, fs.Arg(0), fs.Name())
	}
	return nil
}

// parseAndOpen is the prologue of a command that takes no arguments and works on the database
// its --db flag names: it parses the flags (and their environment variables), refuses
// positional arguments and opens the database. The caller closes it.
func parseAndOpen(ctx context.Context, env *environment, fs *flag.FlagSet, args []string, db *string) (*store.DB, error) {
	if err := parse(env, fs, args); err != nil {
		return nil, err
	}
	if err := noArgs(fs); err != nil {
		return nil, err
	}
	return openDB(ctx, *db)
}
