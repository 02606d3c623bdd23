package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/trends"
)

// The sparkline's drawing box, in SVG user units (CSS scales it).
const (
	sparkWidth  = 120
	sparkHeight = 32
	sparkPad    = 3
)

// sparkline is a small server-rendered line chart of weekly counts: a polyline, a dot on the
// last week, and a label that says every number for screen readers.
type sparkline struct {
	Width, Height int
	Points        string // "x,y x,y …" for the polyline
	LastX, LastY  string
	Label         string
}

// newSparkline draws counts (one per week, oldest first) scaled to the largest.
func newSparkline(counts []int, weeks []time.Time, what string) sparkline {
	sp := sparkline{Width: sparkWidth, Height: sparkHeight}
	top := 1
	for _, c := range counts {
		top = max(top, c)
	}
	n := len(counts)
	var pts strings.Builder
	nums := make([]string, n)
	for i, c := range counts {
		x := float64(sparkPad)
		if n > 1 {
			x += float64(i) * float64(sparkWidth-2*sparkPad) / float64(n-1)
		}
		y := float64(sparkHeight-sparkPad) - float64(c)/float64(top)*float64(sparkHeight-2*sparkPad)
		xs, ys := strconv.FormatFloat(x, 'f', 1, 64), strconv.FormatFloat(y, 'f', 1, 64)
		if i > 0 {
			pts.WriteByte(' ')
		}
		pts.WriteString(xs + "," + ys)
		sp.LastX, sp.LastY = xs, ys
		nums[i] = strconv.Itoa(c)
	}
	sp.Points = pts.String()
	if n > 0 {
		sp.Label = "Weekly " + what + ", " + trends.WeekName(weeks[0]) + " to " + trends.WeekName(weeks[n-1]) + ": " +
			strings.Join(nums, ", ")
	}
	return sp
}
