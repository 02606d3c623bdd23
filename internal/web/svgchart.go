package web

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"
)

// The dashboard's charts are inline SVG written in Go (like card_html.go): a line chart of day
// series and a horizontal bar chart. Every text that reaches the markup goes through
// template.HTMLEscapeString, which also makes it valid XML. The drawing is decoration for
// sighted readers: each chart names itself in <title>, says its facts in <desc>, and the
// dashboard prints the same numbers in a table beside it. Colours and sizes live in style.css
// (the "Admin dashboard" block), so no style attribute is needed under the CSP.

// lineSeries is one line: a value per point of the chart's Days.
type lineSeries struct {
	Name   string
	Values []float64
}

// lineChart is one or more day series over the same days.
type lineChart struct {
	// ID prefixes the title and description ids; unique on the page.
	ID    string
	Title string
	// Desc says what the chart shows in words.
	Desc   string
	Days   []time.Time
	Series []lineSeries
	// Label formats a value for the y axis (counts when nil).
	Label func(float64) string
	// Max fixes the top of the y axis (percentages: 100); 0 fits it to the data.
	Max float64
}

// Geometry in viewBox units. The viewBox is narrow (420) so that its 11–12 unit text is about
// 10 px on a phone; style.css caps a chart's width on wide screens so the text stays modest.
const (
	lineW, lineH              = 420, 180
	lineLeft, lineRight       = 48.0, 408.0
	lineTop, lineBottom       = 12.0, 152.0
	barW, barRow, barTop      = 420, 40, 6
	barMaxLen, barLabelOffset = 340.0, 16.0
)

// HTML writes the chart as a <figure>: the SVG and a legend naming each series.
func (c lineChart) HTML() template.HTML {
	var b strings.Builder
	label := c.Label
	if label == nil {
		label = func(v float64) string { return groupDigits(int64(math.Round(v))) }
	}
	hi := c.Max
	for _, s := range c.Series {
		for _, v := range s.Values {
			hi = max(hi, v)
		}
	}
	top := float64(1)
	step := niceStep(int64(math.Ceil(hi)))
	if c.Max > 0 {
		top = c.Max
	} else if hi > 0 {
		top = float64(((int64(math.Ceil(hi)) + step - 1) / step) * step)
	} else {
		step = 1
	}
	y := func(v float64) float64 { return round1(lineBottom - (lineBottom-lineTop)*v/top) }
	var from, to time.Time
	if len(c.Days) > 0 {
		from, to = c.Days[0], c.Days[len(c.Days)-1]
	}
	x := func(t time.Time) float64 {
		if !to.After(from) {
			return round1((lineLeft + lineRight) / 2)
		}
		return round1(lineLeft + (lineRight-lineLeft)*float64(t.Sub(from))/float64(to.Sub(from)))
	}
	fmt.Fprintf(&b, `<figure class="svgc"><svg viewBox="0 0 %d %d" role="img" aria-labelledby="%s-t %s-d" preserveAspectRatio="xMidYMid meet">`,
		lineW, lineH, escapeText(c.ID), escapeText(c.ID))
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, escapeText(c.ID), escapeText(c.Title), escapeText(c.ID), escapeText(c.Desc))
	for v := int64(0); float64(v) <= top; v += max(step, 1) {
		yy := y(float64(v))
		fmt.Fprintf(&b, `<line class="svgc-grid" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, lineLeft, lineRight, yy, yy)
		fmt.Fprintf(&b, `<text class="svgc-label" x="%.1f" dx="-8" y="%.1f" dy="4" text-anchor="end">%s</text>`, lineLeft, yy, escapeText(label(float64(v))))
	}
	if len(c.Days) > 0 {
		ticks := []time.Time{from, from.Add(to.Sub(from) / 2), to}
		anchors := []string{"start", "middle", "end"}
		if !to.After(from) {
			ticks, anchors = ticks[:1], []string{"middle"}
		}
		for i, t := range ticks {
			fmt.Fprintf(&b, `<text class="svgc-label" x="%.1f" y="%.1f" dy="22" text-anchor="%s">%s</text>`, x(t), lineBottom, anchors[i], escapeText(t.UTC().Format("2 Jan")))
		}
	}
	for i, s := range c.Series {
		cls := "svgc-s" + strconv.Itoa(i%4)
		if len(s.Values) == 1 && len(c.Days) == 1 {
			fmt.Fprintf(&b, `<circle class="svgc-dot %s" cx="%.1f" cy="%.1f" r="4"/>`, cls, x(c.Days[0]), y(s.Values[0]))
			continue
		}
		var d strings.Builder
		for j, v := range s.Values {
			if j >= len(c.Days) {
				break
			}
			cmd := "L"
			if j == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%.1f %.1f", cmd, x(c.Days[j]), y(v))
		}
		if d.Len() > 0 {
			fmt.Fprintf(&b, `<path class="svgc-line %s" d="%s"/>`, cls, d.String())
		}
	}
	b.WriteString(`</svg>`)
	if len(c.Series) > 1 {
		b.WriteString(`<figcaption class="svgc-legend">`)
		for i, s := range c.Series {
			fmt.Fprintf(&b, `<span><span class="svgc-key svgc-s%d" aria-hidden="true"></span>%s</span>`, i%4, escapeText(s.Name))
		}
		b.WriteString(`</figcaption>`)
	}
	b.WriteString(`</figure>`)
	return template.HTML(b.String())
}

// bar is one labelled bar.
type bar struct {
	Label string
	Value int64
}

// barChart is labelled bars, longest first as given; each label sits above its bar so long
// names stay readable on a phone.
type barChart struct {
	ID    string
	Title string
	Desc  string
	Bars  []bar
}

// HTML writes the chart as a <figure>.
func (c barChart) HTML() template.HTML {
	var b strings.Builder
	hi := int64(1)
	for _, r := range c.Bars {
		hi = max(hi, r.Value)
	}
	h := barTop*2 + barRow*max(len(c.Bars), 1)
	fmt.Fprintf(&b, `<figure class="svgc svgc-bars"><svg viewBox="0 0 %d %d" role="img" aria-labelledby="%s-t %s-d" preserveAspectRatio="xMidYMid meet">`,
		barW, h, escapeText(c.ID), escapeText(c.ID))
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, escapeText(c.ID), escapeText(c.Title), escapeText(c.ID), escapeText(c.Desc))
	for i, r := range c.Bars {
		top := float64(barTop + i*barRow)
		length := max(round1(barMaxLen*float64(r.Value)/float64(hi)), 2)
		fmt.Fprintf(&b, `<text class="svgc-label svgc-bar-label" x="0" y="%.1f">%s</text>`, top+barLabelOffset-4, escapeText(clipRunes(r.Label, 60)))
		fmt.Fprintf(&b, `<rect class="svgc-bar" x="0" y="%.1f" width="%.1f" height="14" rx="3"/>`, top+barLabelOffset, length)
		fmt.Fprintf(&b, `<text class="svgc-label svgc-bar-value" x="%.1f" y="%.1f">%s</text>`, length+6, top+barLabelOffset+12, groupDigits(r.Value))
	}
	b.WriteString(`</svg></figure>`)
	return template.HTML(b.String())
}

// escapeText escapes text for HTML and XML alike (&, <, >, ", '), dropping the control characters
// XML 1.0 does not allow.
func escapeText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
	return template.HTMLEscapeString(s)
}

// groupDigits writes n with thousands separated by commas: 12,345.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
