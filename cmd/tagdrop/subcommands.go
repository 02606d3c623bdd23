package main

import (
	"context"
	"fmt"
	"strings"
)

// subcommand is one form of a command that has several (tagdrop user add, tagdrop feed run).
type subcommand struct {
	name string
	run  func(context.Context, *environment, []string) error
}

// runSubcommands runs the subcommand args[0] names with the arguments after it. With no
// arguments, -h or --help it prints the command's usage (synopsis, then help) instead: no
// arguments is a usage error, asking for help is not. An unknown name is a usage error that
// lists the known ones, in the order given.
func runSubcommands(ctx context.Context, env *environment, args []string, synopsis, help string, subs []subcommand) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(env.stdout, "Usage: tagdrop %s\n\n%s", synopsis, help)
		if len(args) == 0 {
			return fmt.Errorf("%w: a subcommand is needed", errUsage)
		}
		return errHelp
	}
	names := make([]string, len(subs))
	for i, s := range subs {
		if s.name == args[0] {
			return s.run(ctx, env, args[1:])
		}
		names[i] = s.name
	}
	use := names[len(names)-1]
	if len(names) > 1 {
		use = strings.Join(names[:len(names)-1], ", ") + " or " + use
	}
	return fmt.Errorf("%w: unknown subcommand %q: use %s", errUsage, args[0], use)
}
