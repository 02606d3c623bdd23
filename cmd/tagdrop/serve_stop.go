package main

import "context"

// runServe is `tagdrop serve`. A stop (SIGINT, SIGTERM) that arrives while serve is still
// starting cuts whatever start-up step was running; that is a shutdown, not a failure, so it
// exits 0 like a stop after start-up does.
func runServe(ctx context.Context, env *environment, args []string) error {
	err := serveUntilStopped(ctx, env, args)
	if err != nil && ctx.Err() != nil {
		return nil
	}
	return err
}
