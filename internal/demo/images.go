package demo

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:generate go run ./internal/writeimages ../web/static/demo/img

// The demo's illustrations are flat SVGs drawn from code: one per product type and colour
// family, and one for each collection bag. They are committed under
// internal/web/static/demo/img (run `go generate ./internal/demo` after changing this file) so
// the web layer serves them as ordinary static files and the demo works offline.

const gold = "#d4a72c"

// typeArt draws a product type; the replacer fills {F} (fill), {S} (shade), {L} (light) and
// {H} (hardware) with the colour family's drawing colours.
var typeArt = map[string]string{
	"micro-bag": `<path d="M112 160 Q150 40 188 160" fill="none" stroke="{H}" stroke-width="6" stroke-dasharray="8 5" stroke-linecap="round"/>
<rect x="100" y="155" width="100" height="82" rx="14" fill="{F}" stroke="{S}" stroke-width="2"/>
<path d="M100 170 Q100 155 114 155 H186 Q200 155 200 170 V190 Q150 215 100 190 Z" fill="{L}" stroke="{S}" stroke-width="2"/>
<circle cx="150" cy="200" r="6" fill="{H}"/>`,
	"shoulder-bag": `<path d="M82 150 C82 40 218 40 218 150" fill="none" stroke="{S}" stroke-width="8" stroke-linecap="round"/>
<path d="M60 150 H240 L228 240 Q226 250 216 250 H84 Q74 250 72 240 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M60 150 H240 V185 Q150 218 60 185 Z" fill="{L}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<rect x="138" y="192" width="24" height="13" rx="3" fill="{H}"/>`,
	"tote": `<path d="M95 130 C95 55 140 55 140 130" fill="none" stroke="{S}" stroke-width="9" stroke-linecap="round"/>
<path d="M160 130 C160 55 205 55 205 130" fill="none" stroke="{S}" stroke-width="9" stroke-linecap="round"/>
<path d="M58 125 H242 L226 252 H74 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M61 146 H239" stroke="{L}" stroke-width="8"/>
<path d="M95 125 V150 M205 125 V150" stroke="{S}" stroke-width="3"/>`,
	"crossbody": `<path d="M95 172 L150 30 L205 172" fill="none" stroke="{S}" stroke-width="5" stroke-linejoin="round"/>
<rect x="80" y="160" width="140" height="92" rx="22" fill="{F}" stroke="{S}" stroke-width="2"/>
<path d="M98 180 H202" stroke="{S}" stroke-width="3" stroke-dasharray="4 3"/>
<rect x="195" y="175" width="9" height="20" rx="2" fill="{H}"/>
<rect x="100" y="200" width="100" height="36" rx="9" fill="{L}" stroke="{S}" stroke-width="2"/>`,
	"sneakers": `<path d="M46 215 L52 150 Q54 135 72 138 L120 148 Q150 153 176 170 L240 195 Q262 202 262 215 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M80 204 Q130 172 182 204" stroke="{L}" stroke-width="8" fill="none" stroke-linecap="round"/>
<path d="M124 160 l12 -10 M139 168 l12 -10 M154 176 l12 -10" stroke="{L}" stroke-width="4" stroke-linecap="round"/>
<path d="M54 158 Q82 150 112 160" stroke="{S}" fill="none" stroke-width="3"/>
<path d="M40 215 H262 Q272 215 270 228 Q268 240 255 240 H48 Q38 240 38 228 Z" fill="#f7f5f1" stroke="#cfc8bd" stroke-width="2"/>`,
	"boots": `<path d="M82 66 H142 L146 165 Q152 188 200 198 L238 206 Q262 212 262 232 Q262 240 252 240 H108 L104 252 H76 L74 232 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M82 66 H142 V80 H82 Z" fill="{S}"/>
<path d="M136 92 Q124 130 140 162" stroke="{L}" stroke-width="10" fill="none" stroke-linecap="round"/>
<path d="M108 241 H252" stroke="{S}" stroke-width="5"/>
<rect x="74" y="232" width="32" height="20" fill="{S}"/>`,
	"sandals": `<path d="M64 214 Q70 150 100 160 Q122 168 112 214" fill="none" stroke="{F}" stroke-width="10" stroke-linecap="round"/>
<rect x="95" y="163" width="14" height="12" rx="2" fill="{H}"/>
<path d="M150 214 Q188 156 232 214" fill="none" stroke="{F}" stroke-width="16" stroke-linecap="round"/>
<path d="M120 214 Q138 182 160 214" fill="none" stroke="{F}" stroke-width="10" stroke-linecap="round"/>
<path d="M40 225 Q40 210 60 210 H250 Q270 210 268 225 Q266 240 250 240 H60 Q40 240 40 225 Z" fill="{S}"/>
<path d="M48 221 Q50 215 62 215 H248 Q260 215 261 221 Z" fill="#eadfcd"/>`,
	"heels": `<path d="M80 190 L94 196 L87 254 H80 Z" fill="{S}"/>
<path d="M70 140 Q112 150 150 185 Q186 207 244 205 Q266 206 266 222 Q266 234 248 234 H162 Q126 234 102 204 Q92 194 80 192 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M72 146 Q110 158 148 188 Q118 196 86 190 Z" fill="{S}" opacity=".45"/>
<path d="M162 232 H248" stroke="{S}" stroke-width="4"/>`,
	"dress": `<path d="M122 56 L127 92 M178 56 L173 92" stroke="{S}" stroke-width="4" stroke-linecap="round"/>
<path d="M124 88 Q150 102 176 88 L184 140 Q186 150 180 152 L236 254 Q150 272 64 254 L120 152 Q114 150 116 140 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M118 151 Q150 160 182 151" stroke="{S}" fill="none" stroke-width="3"/>
<path d="M132 166 L112 254 M150 166 V262 M168 166 L188 254" stroke="{L}" stroke-width="3"/>`,
	"top": `<path d="M110 62 Q150 82 190 62 L245 86 L228 136 L206 127 L206 246 H94 V127 L72 136 L55 86 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M110 62 Q150 98 190 62 Q150 80 110 62 Z" fill="{S}" opacity=".5"/>
<path d="M94 236 H206" stroke="{L}" stroke-width="3" opacity=".7"/>`,
	"knitwear": `<path d="M116 56 Q150 72 184 56 L240 80 L262 230 L236 236 L210 122 L210 246 H90 L90 122 L64 236 L38 230 L60 80 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M116 56 Q150 90 184 56" fill="none" stroke="{S}" stroke-width="6"/>
<path d="M92 234 H208 M40 222 L62 218 M260 222 L238 218" stroke="{S}" stroke-width="8"/>
<path d="M125 100 V225 M150 105 V225 M175 100 V225" stroke="{L}" stroke-width="5" stroke-dasharray="6 4"/>`,
	"jeans": `<path d="M85 50 H215 L229 256 H166 L150 122 L134 256 H71 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<rect x="85" y="50" width="130" height="16" fill="{S}"/>
<circle cx="150" cy="58" r="4" fill="{H}"/>
<path d="M95 70 Q110 96 128 70 M205 70 Q190 96 172 70 M150 66 V112" fill="none" stroke="{H}" stroke-width="2" stroke-dasharray="4 3"/>`,
	"coat": `<path d="M116 44 H184 L240 74 L258 250 H226 L215 130 L215 262 H85 L85 130 L74 250 H42 L60 74 Z" fill="{F}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M116 44 L150 132 L184 44 L198 52 L166 136 L150 132 L134 136 L102 52 Z" fill="{L}" stroke="{S}" stroke-width="2" stroke-linejoin="round"/>
<path d="M150 132 V262" stroke="{S}" stroke-width="2"/>
<rect x="85" y="164" width="130" height="12" fill="{S}"/>
<circle cx="138" cy="200" r="4" fill="{S}"/><circle cx="138" cy="230" r="4" fill="{S}"/>`,
}

// collectionArt draws the six collection bags by hand.
var collectionArt = map[string]struct{ label, body string }{
	"collection-manu-atelier-micro-duffle": {"cream micro duffle bag on a thick gold double chain with a lobster-claw clasp", `<path d="M104 176 Q98 96 146 74" fill="none" stroke="` + gold + `" stroke-width="8" stroke-dasharray="10 4" stroke-linecap="round"/>
<path d="M116 176 Q112 104 150 82" fill="none" stroke="#e6c25a" stroke-width="6" stroke-dasharray="9 4" stroke-linecap="round"/>
<path d="M196 176 Q202 96 154 74" fill="none" stroke="` + gold + `" stroke-width="8" stroke-dasharray="10 4" stroke-linecap="round"/>
<path d="M184 176 Q188 104 150 82" fill="none" stroke="#e6c25a" stroke-width="6" stroke-dasharray="9 4" stroke-linecap="round"/>
<circle cx="150" cy="72" r="8" fill="none" stroke="` + gold + `" stroke-width="5"/>
<path d="M141 60 Q136 34 150 28 Q166 32 160 58 Z" fill="none" stroke="` + gold + `" stroke-width="6" stroke-linejoin="round"/>
<rect x="158" y="38" width="10" height="6" rx="2" fill="` + gold + `"/>
<rect x="80" y="166" width="140" height="80" rx="40" fill="#efe4cf" stroke="#cdb893" stroke-width="2"/>
<ellipse cx="96" cy="206" rx="12" ry="34" fill="#e3d4b6" stroke="#cdb893" stroke-width="2"/>
<ellipse cx="204" cy="206" rx="12" ry="34" fill="#e3d4b6" stroke="#cdb893" stroke-width="2"/>
<path d="M112 176 H188" stroke="#b9a37c" stroke-width="3" stroke-dasharray="4 3"/>
<path d="M126 200 Q150 186 174 200" fill="none" stroke="#d8c7a6" stroke-width="4"/>`},
	"collection-by-far-lime": {"lime green leather top-handle micro bag", `<path d="M114 154 C114 92 186 92 186 154" fill="none" stroke="#93b41e" stroke-width="11" stroke-linecap="round"/>
<path d="M95 150 H205 Q216 150 215 165 L210 224 Q205 246 150 246 Q95 246 90 224 L85 165 Q84 150 95 150 Z" fill="#b8d935" stroke="#93b41e" stroke-width="2"/>
<path d="M86 178 H214" stroke="#93b41e" stroke-width="2"/>
<path d="M100 196 Q102 184 114 182" stroke="#e8f7a4" stroke-width="6" stroke-linecap="round" fill="none"/>
<path d="M190 100 Q198 108 198 120" stroke="#e8f7a4" stroke-width="4" stroke-linecap="round" fill="none"/>`},
	"collection-jacquemus-le-micro": {"tiny tan structured top-handle bag with a gold logo plate", `<path d="M116 166 Q150 30 184 166" stroke="#8d5f38" stroke-width="2.5" fill="none"/>
<path d="M132 162 C132 138 168 138 168 162" stroke="#8d5f38" stroke-width="6" fill="none" stroke-linecap="round"/>
<rect x="112" y="160" width="76" height="58" rx="8" fill="#b98352" stroke="#8d5f38" stroke-width="2"/>
<path d="M112 168 Q112 160 120 160 H180 Q188 160 188 168 V192 H112 Z" fill="#cf9a68" stroke="#8d5f38" stroke-width="2"/>
<rect x="134" y="177" width="32" height="6" rx="2" fill="` + gold + `"/>
<text x="150" y="248" text-anchor="middle" font-family="Georgia, serif" font-size="13" fill="#8d5f38">actual size, almost</text>`},
	"collection-melie-bianco-croc":       {"emerald croc-embossed vegan micro bag on a colour-blocked chain", ""},
	"collection-see-by-chloe-faux-fur":   {"blush pink faux fur miniature bag with a leather handle", ""},
	"collection-see-by-chloe-tiny-purse": {"tiny caramel leather purse with a scalloped flap and wrist strap", ""},
}

// drawCroc draws the Melie Bianco bag: croc scales and a chain whose links change colour.
func drawCroc() string {
	var b strings.Builder
	b.WriteString(`<defs><pattern id="croc" width="16" height="13" patternUnits="userSpaceOnUse"><rect x="1.5" y="1.5" width="13" height="10" rx="4" fill="#2c9a6b"/></pattern></defs>`)
	b.WriteString("\n")
	blocks := []string{"#e76f51", "#f4a261", "#e9c46a", "#2a9d8f", "#8ab17d", "#264653"}
	for i := 0; i <= 22; i++ {
		t := float64(i) / 22
		// A quadratic curve from (96,160) over (150,30) to (204,160).
		x := (1-t)*(1-t)*96 + 2*(1-t)*t*150 + t*t*204
		y := (1-t)*(1-t)*160 + 2*(1-t)*t*30 + t*t*160
		rot := math.Atan2(2*(1-t)*(30-160)+2*t*(160-30), 2*(1-t)*(150-96)+2*t*(204-150)) * 180 / math.Pi
		fmt.Fprintf(&b, `<ellipse cx="%.1f" cy="%.1f" rx="6.5" ry="4" fill="none" stroke="%s" stroke-width="3" transform="rotate(%.0f %.1f %.1f)"/>`+"\n",
			x, y, blocks[(i/4)%len(blocks)], rot, x, y)
	}
	b.WriteString(`<rect x="88" y="152" width="124" height="92" rx="16" fill="#1f7a55" stroke="#145238" stroke-width="2"/>
<rect x="88" y="152" width="124" height="92" rx="16" fill="url(#croc)" opacity=".85"/>
<path d="M88 168 Q88 152 104 152 H196 Q212 152 212 168 V186 Q150 206 88 186 Z" fill="#23885e" stroke="#145238" stroke-width="2"/>
<circle cx="150" cy="192" r="6" fill="` + gold + `"/>`)
	return b.String()
}

// drawFur draws the See by Chloé faux fur bag: a fuzzy blob with tufts.
func drawFur() string {
	var b strings.Builder
	b.WriteString(`<path d="M118 156 C118 96 182 96 182 156" fill="none" stroke="#8a5a3c" stroke-width="9" stroke-linecap="round"/>` + "\n")
	fuzz := func(cx, cy, rx, ry float64, n int, fill string) {
		b.WriteString(`<path d="`)
		for i := 0; i <= n; i++ {
			a := 2 * math.Pi * float64(i) / float64(n)
			r := 1.0
			if i%2 == 1 {
				r = 1.09 + 0.04*math.Sin(float64(i)*1.7)
			}
			cmd := "L"
			if i == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&b, "%s%.1f %.1f ", cmd, cx+rx*r*math.Cos(a), cy+ry*r*math.Sin(a))
		}
		b.WriteString(`Z" fill="` + fill + `" stroke-linejoin="round"/>` + "\n")
	}
	fuzz(150, 198, 74, 54, 90, "#d98fa3")
	fuzz(150, 196, 68, 49, 80, "#eaa7b8")
	for i := 0; i < 14; i++ {
		x := 100 + float64(i%7)*16 + float64(i/7)*8
		y := 180 + float64(i/7)*28
		fmt.Fprintf(&b, `<path d="M%.0f %.0f q4 -8 9 -2" fill="none" stroke="#f7d3dc" stroke-width="2.5" stroke-linecap="round"/>`+"\n", x, y)
	}
	return b.String()
}

// drawPurse draws the tiny See by Chloé purse with its scalloped flap.
func drawPurse() string {
	var b strings.Builder
	b.WriteString(`<path d="M182 172 Q246 152 220 108 Q196 78 172 118 Q164 142 176 168" stroke="#9a6330" stroke-width="5" fill="none" stroke-linecap="round"/>
<rect x="112" y="164" width="76" height="58" rx="10" fill="#c08040" stroke="#9a6330" stroke-width="2"/>
<path d="M112 174 Q112 164 122 164 H178 Q188 164 188 174 V188 `)
	for i := 0; i < 5; i++ {
		x := 188 - float64(i)*15.2
		fmt.Fprintf(&b, "A7.6 7.6 0 0 1 %.1f 188 ", x-15.2)
	}
	b.WriteString(`Z" fill="#d3965a" stroke="#9a6330" stroke-width="2"/>
<circle cx="150" cy="196" r="4.5" fill="` + gold + `"/>`)
	return b.String()
}

// bgFor is the backdrop behind a colour: darker behind light things so they stand out.
func bgFor(f family) string {
	switch f.Name {
	case "white", "cream", "beige", "yellow":
		return "#e3ddd4"
	}
	return "#f4efe9"
}

func wrapSVG(label, bg, body string) []byte {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300" width="300" height="300" role="img" aria-label="` + label + `">` + "\n")
	b.WriteString(`<title>` + label + `</title>` + "\n")
	b.WriteString(`<rect width="300" height="300" rx="24" fill="` + bg + `"/>` + "\n")
	b.WriteString(`<ellipse cx="150" cy="262" rx="100" ry="10" fill="#000" opacity=".07"/>` + "\n")
	b.WriteString(body)
	b.WriteString("\n</svg>\n")
	return []byte(b.String())
}

// typeLabel is how a product type reads in an image's description.
func typeLabel(t string) string {
	switch t {
	case "top", "dress", "coat", "tote", "crossbody":
		return map[string]string{"top": "top", "dress": "dress", "coat": "coat", "tote": "tote bag", "crossbody": "crossbody bag"}[t]
	case "knitwear":
		return "sweater"
	}
	return strings.ReplaceAll(t, "-", " ")
}

// Image returns the illustration called name ("shoulder-bag-black.svg" or
// "collection-by-far-lime.svg"), or false if there is none.
func Image(name string) ([]byte, bool) {
	base, ok := strings.CutSuffix(name, ".svg")
	if !ok {
		return nil, false
	}
	if a, ok := collectionArt[base]; ok {
		body := a.body
		switch base {
		case "collection-melie-bianco-croc":
			body = drawCroc()
		case "collection-see-by-chloe-faux-fur":
			body = drawFur()
		case "collection-see-by-chloe-tiny-purse":
			body = drawPurse()
		}
		if base == "collection-manu-atelier-micro-duffle" {
			// The clasp reaches the top edge; shrink the drawing so pages that crop covers keep it.
			body = `<g transform="translate(30 40) scale(.8)">` + "\n" + body + "\n</g>"
		}
		return wrapSVG(a.label, "#f4efe9", body), true
	}
	for _, f := range families {
		t, ok := strings.CutSuffix(base, "-"+f.Name)
		if !ok {
			continue
		}
		art, ok := typeArt[t]
		if !ok {
			return nil, false
		}
		body := strings.NewReplacer("{F}", f.Fill, "{S}", f.Shade, "{L}", f.Light, "{H}", gold).Replace(art)
		return wrapSVG(f.Name+" "+typeLabel(t), bgFor(f), body), true
	}
	return nil, false
}

// ImageNames lists every bundled illustration, sorted.
func ImageNames() []string {
	var out []string
	for t := range typeArt {
		for _, f := range families {
			out = append(out, t+"-"+f.Name+".svg")
		}
	}
	for name := range collectionArt {
		out = append(out, name+".svg")
	}
	sort.Strings(out)
	return out
}

// WriteImages writes every illustration into dir (go generate does this into the web
// package's static folder), removing stale .svg files there.
func WriteImages(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	want := map[string]bool{}
	for _, name := range ImageNames() {
		want[name] = true
		b, _ := Image(name)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if !want[filepath.Base(p)] {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	return nil
}
