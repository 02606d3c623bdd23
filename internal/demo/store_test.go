package demo_test

// The store methods the demo added (settings, outbox, collection writes) are tested here, against
// both databases, because their files are the demo's; they may move beside the store later.

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestStoreAdditions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.Setting(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown setting: err = %v, want ErrNotFound", err)
		}
		for _, v := range []string{"one", "two"} {
			if err := db.SetSetting(ctx, "k", v); err != nil {
				t.Fatal(err)
			}
		}
		if v, err := db.Setting(ctx, "k"); err != nil || v != "two" {
			t.Errorf("setting k = %q, %v; want the last value written", v, err)
		}

		m := notify.Message{Kind: "welcome", MessageID: "<t1@tagdrop>", To: "a@b.test", Subject: "Hi", TextBody: "text", HTMLBody: "<p>html</p>"}
		id, err := db.QueueMessage(ctx, m)
		if err != nil || id == 0 {
			t.Fatalf("queue: %d, %v", id, err)
		}
		if _, err := db.QueueMessage(ctx, m); !errors.Is(err, store.ErrConflict) {
			t.Errorf("same Message-ID twice: err = %v, want ErrConflict", err)
		}
		box, err := db.Outbox(ctx, 10)
		if err != nil || len(box) != 1 || box[0].Status != notify.Queued || box[0].HTMLBody != m.HTMLBody || box[0].UserID != 0 {
			t.Errorf("outbox = %+v, %v", box, err)
		}
		if got, err := db.Message(ctx, id); err != nil || got.Subject != "Hi" {
			t.Errorf("message %d = %+v, %v", id, got, err)
		}
		if _, err := db.Message(ctx, id+100); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown message: err = %v, want ErrNotFound", err)
		}

		c := editorial.Collection{Slug: "c", Title: "C", Status: editorial.Published,
			Items: []editorial.Item{{ProductKey: "mpn:nobody:x:black", Blurb: "b"}}}
		_, err = db.CreateCollection(ctx, c)
		if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "mpn:nobody:x:black") {
			t.Errorf("missing product: err = %v, want ErrNotFound naming the key", err)
		}
		c.Items = nil
		if _, err := db.CreateCollection(ctx, c); err != nil {
			t.Fatalf("a failed collection must leave nothing behind: %v", err)
		}
		if _, err := db.CreateCollection(ctx, c); !errors.Is(err, store.ErrConflict) {
			t.Errorf("same slug twice: err = %v, want ErrConflict", err)
		}
	})
}
