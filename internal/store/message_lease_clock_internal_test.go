package store

import (
	"context"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

// On PostgreSQL mail leases go by the server's clock, as import holds do: a sender on a host
// whose clock runs three minutes ahead (more than the lease) does not take a message another
// node holds for one whose lease ran out, by sweep or by id.
func TestMessageLeasesUseTheServerClock(t *testing.T) {
	ctx := context.Background()
	here, ahead := hostsThreeMinutesApart(t)

	id, err := here.QueueMessage(ctx, notify.Message{Kind: "digest", MessageID: "<skew@tagdrop>", To: "ada@example.com",
		Subject: "s", TextBody: "t"})
	if err != nil {
		t.Fatal(err)
	}
	held, err := here.ClaimMessages(ctx, 1, time.Minute)
	if err != nil || len(held) != 1 {
		t.Fatalf("claim: %+v %v", held, err)
	}
	if got, err := ahead.ClaimMessages(ctx, 1, time.Minute); err != nil || len(got) != 0 {
		t.Errorf("a host three minutes ahead claimed a held message: %+v %v", got, err)
	}
	if got, err := ahead.ClaimMessagesByID(ctx, []int64{id}, time.Minute); err != nil || len(got) != 0 {
		t.Errorf("a host three minutes ahead claimed a held message by id: %+v %v", got, err)
	}
}
