package pricing

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

func TestQuestionable(t *testing.T) {
	oos := catalog.OutOfStock
	tests := []struct {
		name    string
		history []Point
		want    bool
	}{
		{name: "no history", history: nil, want: false},
		{name: "full price", history: []Point{pt(90, 1000, 1000)}, want: false},
		{name: "new offer launched already on sale", history: []Point{pt(2, 700, 1000)}, want: true},
		{name: "launched on sale long ago, still on sale", history: []Point{pt(200, 700, 1000)}, want: true},
		{name: "launched on sale, cut deeper", history: []Point{pt(20, 700, 1000), pt(5, 500, 1000)}, want: true},
		{name: "regular price raised just before a markdown",
			history: []Point{pt(40, 1000, 1000), pt(12, 1250, 1250), pt(9, 1000, 1250)}, want: true},
		{name: "regular price raised a week before a markdown",
			history: []Point{pt(40, 1000, 1000), pt(16, 1250, 1250), pt(9, 1000, 1250)}, want: false},
		{name: "raised, marked down, still questionable a year on",
			history: []Point{pt(400, 1000, 1000), pt(397, 1250, 1250), pt(395, 1000, 1250)}, want: true},
		{name: "real markdown after a long full-price run", history: []Point{pt(80, 1000, 1000), pt(5, 700, 1000)}, want: false},
		{name: "long-standing real markdown", history: []Point{pt(100, 1000, 1000), pt(60, 700, 1000), pt(25, 500, 1000)}, want: false},
		{name: "full price exactly 7 days then markdown", history: []Point{pt(17, 1000, 1000), pt(10, 700, 1000)}, want: false},
		{name: "full price just under 7 days then markdown", history: []Point{pt(16.9, 1000, 1000), pt(10, 700, 1000)}, want: true},
		{name: "yo-yo: short full-price spells between markdowns",
			history: []Point{pt(100, 700, 1000), pt(33, 1000, 1000), pt(31, 700, 1000), pt(17, 1000, 1000), pt(15, 700, 1000),
				pt(3, 1000, 1000), pt(1, 700, 1000)}, want: true},
		{name: "full price only while sold out",
			history: []Point{pt(60, 700, 1000), pt(40, 1000, 1000, oos), pt(10, 700, 1000)}, want: true},
		{name: "sold-out spell inside the markdown does not restart it",
			history: []Point{pt(60, 1000, 1000), pt(20, 700, 1000), pt(10, 700, 1000, oos), pt(5, 700, 1000)}, want: false},
		{name: "away for a while: judged on its last 30 seen days",
			history: []Point{pt(200, 1000, 1000), pt(100, 1000, 1000, oos), pt(2, 700, 1000)}, want: false},
		{name: "only the last 30 seen days count",
			history: []Point{pt(200, 1000, 1000), pt(40, 800, 800), pt(4, 1000, 1000), pt(1, 700, 1000)}, want: true},
		{name: "claimed regular price raised during the markdown",
			history: []Point{pt(80, 1000, 1000), pt(10, 800, 1000), pt(3, 800, 1200)}, want: true},
		{name: "sale price above a charged regular price is not a discount",
			history: []Point{pt(80, 1000, 1000), pt(3, 1000, 1000)}, want: false},
		{name: "points after now ignored", history: []Point{pt(80, 1000, 1000), pt(-1, 100, 100)}, want: false},
		{name: "on sale only after now", history: []Point{pt(80, 1000, 1000), pt(-1, 100, 1000)}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Questionable(tt.history, t0); got != tt.want {
				t.Fatalf("Questionable = %t, want %t", got, tt.want)
			}
		})
	}
}
