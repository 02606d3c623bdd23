package jobs

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
)

// dueList is a DigestRunner whose due shoppers are a fixed list.
type dueList []int64

func (d dueList) Run(context.Context, alerts.RunOptions) (alerts.RunCounts, error) {
	return alerts.RunCounts{}, errors.New("the planner must not make digests")
}

func (d dueList) DueShoppers(ctx context.Context, _ time.Time, emit func(int64) error) error {
	for _, id := range d {
		if err := emit(id); err != nil {
			return err
		}
	}
	return nil
}

func TestPlanShards(t *testing.T) {
	tests := []struct {
		name    string
		due     dueList
		covered []DigestShard
		size    int
		want    []DigestShard
	}{
		{"empty", nil, nil, 3, nil},
		{"cut by size", dueList{1, 2, 5, 9, 10, 11, 40}, nil, 3,
			[]DigestShard{{1, 5, 3}, {9, 11, 3}, {40, 40, 1}}},
		{"covered shoppers are left to their shard", dueList{1, 2, 3, 4, 5, 6, 7}, []DigestShard{{3, 4, 2}}, 10,
			[]DigestShard{{1, 2, 2}, {5, 7, 3}}},
		{"no shard spans a covered range, even one with nobody due in it", dueList{1, 2, 20, 21}, []DigestShard{{10, 12, 0}}, 10,
			[]DigestShard{{1, 2, 2}, {20, 21, 2}}},
		{"overlapping covered ranges", dueList{1, 5, 8, 15, 16}, []DigestShard{{6, 9, 0}, {4, 7, 0}, {14, 15, 0}}, 10,
			[]DigestShard{{1, 1, 1}, {16, 16, 1}}},
		{"all covered", dueList{3, 4}, []DigestShard{{1, 10, 0}}, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, due, err := PlanShards(context.Background(), tt.due, time.Now(), tt.covered, tt.size)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("shards = %v, want %v", got, tt.want)
			}
			if due != len(tt.due) {
				t.Errorf("due = %d, want %d", due, len(tt.due))
			}
			// Every due shopper outside the covered ranges is in exactly one shard.
			for _, id := range tt.due {
				in := 0
				for _, s := range got {
					if s.From <= id && id <= s.Through {
						in++
					}
				}
				isCovered := false
				for _, c := range tt.covered {
					isCovered = isCovered || (c.From <= id && id <= c.Through)
				}
				if !isCovered && in != 1 || isCovered && in != 0 {
					t.Errorf("shopper %d is in %d shards (covered: %t)", id, in, isCovered)
				}
			}
		})
	}
}

func TestPlanShardsDefaultSize(t *testing.T) {
	due := make(dueList, 2*DefaultShardSize+1)
	for i := range due {
		due[i] = int64(i + 1)
	}
	got, _, err := PlanShards(context.Background(), due, time.Now(), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Shoppers != DefaultShardSize || got[2] != (DigestShard{2*DefaultShardSize + 1, 2*DefaultShardSize + 1, 1}) {
		t.Errorf("shards = %v", got)
	}
}
