package main

import (
	"strings"
	"testing"
)

// serve refuses queue settings that cannot work, naming the flag, from flags and environment.
func TestServeQueueSettingsErrors(t *testing.T) {
	tests := []struct {
		vars map[string]string
		args []string
		want string
	}{
		{nil, []string{"--job-rescue-after", "2s"}, "--job-rescue-after 2s"},
		{map[string]string{"TAGDROP_JOB_RESCUE_AFTER": "1s"}, nil, "--job-rescue-after 1s"},
		{map[string]string{"TAGDROP_JOB_RESCUE_AFTER": "soon"}, nil, "TAGDROP_JOB_RESCUE_AFTER"},
		{nil, []string{"--digest-workers", "0"}, "--digest-workers 0"},
		{map[string]string{"TAGDROP_DIGEST_SHARD_SIZE": "-5"}, nil, "--digest-shard-size -5"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.vars, append([]string{"serve", "--addr", "127.0.0.1:0"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v %v: exit %d, stderr %q: want 2 and a message naming %s", tt.vars, tt.args, code, stderr, tt.want)
		}
	}
}
