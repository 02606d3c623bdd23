package web_test

import (
	"fmt"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// placeholderCutJS lists the visible fields whose placeholder text is wider than the room inside
// them, measured in the field's own font: a phone shows such an example cut off mid-word.
const placeholderCutJS = `(() => {
	const ctx = document.createElement("canvas").getContext("2d");
	return [...document.querySelectorAll("input[placeholder], textarea[placeholder]")]
		.filter(el => el.checkVisibility({visibilityProperty: true}) && el.placeholder.trim())
		.filter(el => {
			const s = getComputedStyle(el);
			ctx.font = s.font;
			const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
			return ctx.measureText(el.placeholder).width > room + 1;
		})
		.map(el => el.id + ": " + JSON.stringify(el.placeholder) + " in " + el.clientWidth + " px");
})()`

// TestBrowserPlaceholdersFitPhone opens the pages with example text in their fields on a 390 px
// phone, signed out and signed in, and fails for every placeholder cut off by its field's edge.
func TestBrowserPlaceholdersFitPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	db := storetest.SQLite(t)
	f := seed(t, db)
	seedKinds(t, db)
	ts, _ := newPrefsSite(t, db)
	b := browsertest.Start(t)
	p := b.NewPage(t, browsertest.Phone)
	check := func(paths ...string) {
		for _, path := range paths {
			p.Open(ts.URL + path)
			if browsertest.Eval[int](p, `document.querySelectorAll("input[placeholder]").length`) == 0 {
				t.Errorf("%s: no field with a placeholder, so the check proves nothing", path)
			}
			for _, cut := range browsertest.Eval[[]string](p, placeholderCutJS) {
				t.Errorf("%s: placeholder cut off on a phone: %s", path, cut)
			}
		}
	}
	check("/", "/search?q=bag", fmt.Sprintf("/products/%d", f.SaleProducts[0]))
	signInBrowser(t, p, db, ts.URL, "sizes@example.com")
	check("/settings", "/welcome?step=2", "/track")
	p.CheckNoProblems()
}
