// Package browsertest drives Debian's headless Chromium against a running tagdrop, for tests
// that need a real browser: layout at phone and desktop sizes, the CSP as the browser enforces
// it, console errors, keyboard reachability. Each UI feature adds its flows to the tests that use
// this package; the package itself only knows about browsers and accessibility, not about pages.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// ChromiumPath is where Debian's chromium package installs the browser.
const ChromiumPath = "/usr/bin/chromium"

// Viewport is a window size to test at.
type Viewport struct {
	Name          string
	Width, Height int64
	Mobile        bool
}

// The viewports every page is checked at: a common phone and a common laptop.
var (
	Phone   = Viewport{Name: "phone", Width: 390, Height: 844, Mobile: true}
	Desktop = Viewport{Name: "desktop", Width: 1366, Height: 900}
)

// Browser is one headless Chromium process with a fresh profile, shared by a test's pages.
type Browser struct {
	ctx context.Context
}

// Start launches Chromium for the test and stops it when the test ends. It skips the test, saying
// why, when Chromium is not installed; any other failure to start fails the test.
func Start(tb testing.TB) *Browser {
	tb.Helper()
	if _, err := os.Stat(ChromiumPath); err != nil {
		tb.Skipf("browser tests skipped: %s not found (apt-get install chromium)", ChromiumPath)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(ChromiumPath),
		chromedp.NoSandbox, // root in a container has no user namespace sandbox
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(tb.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	tb.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no deadline on its life
		tb.Fatalf("start %s: %v", ChromiumPath, err)
	}
	return &Browser{ctx: ctx}
}

// Page is one tab. It records every console error, uncaught exception and failed resource
// load from the moment it opens.
type Page struct {
	tb  testing.TB
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

// NewPage opens a tab sized to vp. The tab closes when the test ends.
func (b *Browser) NewPage(tb testing.TB, vp Viewport) *Page {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	tb.Cleanup(cancel)
	p := &Page{tb: tb, ctx: ctx}
	if err := chromedp.Listen(ctx, p.record); err != nil {
		tb.Fatalf("listen: %v", err)
	}
	var opts []chromedp.EmulateViewportOption
	if vp.Mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := p.do(chromedp.EmulateViewport(vp.Width, vp.Height, opts...)); err != nil {
		tb.Fatalf("viewport %s: %v", vp.Name, err)
	}
	return p
}

// record runs on the browser's message loop: it must only note the event and return.
func (p *Page) record(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if a.Description != "" {
					args = append(args, a.Description)
				} else {
					args = append(args, strings.Trim(string(a.Value), `"`))
				}
			}
			msg = "console." + string(ev.Type) + ": " + strings.Join(args, " ")
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg = "uncaught exception: " + d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
	case *log.EventEntryAdded:
		// The browser's own errors: CSP violations, resources that failed to load.
		if ev.Entry.Level == log.EntryLevelError {
			msg = fmt.Sprintf("browser %s error: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			msg = fmt.Sprintf("load failed (%s): %s %s", ev.Type, ev.ErrorText, ev.BlockedReason)
		}
	case *network.EventResponseReceived:
		if ev.Response != nil && ev.Response.Status >= 400 {
			msg = fmt.Sprintf("HTTP %d for %s %s", ev.Response.Status, ev.Type, ev.Response.URL)
		}
	}
	if msg != "" {
		p.mu.Lock()
		p.problems = append(p.problems, msg)
		p.mu.Unlock()
	}
}

func (p *Page) do(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// Eval evaluates a JavaScript expression in the page and decodes its value into T. A promise is
// awaited.
func Eval[T any](p *Page, expr string) T {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.tb.Fatalf("evaluate %.60q: %v", expr, err)
	}
	return v
}

// TryEval is Eval that returns the error instead of failing the test: for polling across a
// navigation, when an evaluation may land on a page being torn down ("Inspected target
// navigated or closed") and the next poll is the answer.
func TryEval[T any](p *Page, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// Open navigates to url, waits for the load event, then makes every lazy image load and waits
// for all images to finish, so checks and screenshots see the whole page.
func (p *Page) Open(url string) {
	p.tb.Helper()
	if err := p.do(chromedp.Navigate(url)); err != nil {
		p.tb.Fatalf("open %s: %v", url, err)
	}
	Eval[bool](p, `(async () => {
		for (const img of document.images) img.loading = "eager";
		await Promise.all([...document.images].map(img => img.complete ? null : new Promise(r => { img.onload = img.onerror = r; })));
		await document.fonts.ready;
		return true;
	})()`)
}

// Problems returns what went wrong in the page so far: console errors, exceptions, CSP
// violations and failed loads.
func (p *Page) Problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.problems...)
}

// Count is the number of elements matching a CSS selector.
func (p *Page) Count(selector string) int {
	p.tb.Helper()
	return Eval[int](p, fmt.Sprintf(`document.querySelectorAll(%q).length`, selector))
}

// Screenshot saves the whole page as PNG file name in the test's temporary folder and in the
// system's temporary folder, where a person can look at it after the run.
func (p *Page) Screenshot(name string) {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.tb.Fatalf("screenshot: %v", err)
	}
	for _, dir := range []string{p.tb.TempDir(), os.TempDir()} {
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			p.tb.Fatalf("screenshot: %v", err)
		}
	}
}

// Audit is what CheckAccessible found wrong in a page; every list empty means it passed.
type Audit struct {
	Images           int      `json:"images"`
	ImagesWithoutAlt []string `json:"imagesWithoutAlt"`
	BrokenImages     []string `json:"brokenImages"`
	UnlabelledFields []string `json:"unlabelledFields"`
	Unfocusable      []string `json:"unfocusable"` // interactive elements taken out of the tab order
	Overflowing      []string `json:"overflowing"` // elements wider than the viewport
}

// auditJS inspects the DOM: images, form labels, tab order exclusions and horizontal overflow.
const auditJS = `(() => {
	const short = el => el.outerHTML.replace(/\s+/g, " ").slice(0, 140);
	const imgs = [...document.images];
	const fields = [...document.querySelectorAll("input, select, textarea")].filter(f => f.type !== "hidden");
	const interactive = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, iframe, [tabindex]")];
	const vw = document.documentElement.clientWidth;
	return {
		images: imgs.length,
		imagesWithoutAlt: imgs.filter(i => !(i.getAttribute("alt") || "").trim()).map(short),
		brokenImages: imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.currentSrc.slice(0, 100) || short(i)),
		unlabelledFields: fields.filter(f => !(f.labels && f.labels.length) && !(f.getAttribute("aria-label") || "").trim()
			&& !f.getAttribute("aria-labelledby")).map(short),
		unfocusable: interactive.filter(el => el.tabIndex < 0 && !el.disabled).map(short),
		overflowing: [...document.body.querySelectorAll("*")].filter(el => {
			const r = el.getBoundingClientRect();
			// Only what is drawn: a closed <details>' content can still be laid out on demand.
			return r.width > 0 && (r.right > vw + 1 || r.left < -1) && !el.closest(".visually-hidden, .skip")
				&& getComputedStyle(el).position !== "fixed" && el.checkVisibility({visibilityProperty: true});
		}).slice(0, 5).map(short),
	};
})()`

// CheckAccessible fails the test for images without alt text or that did not load, form
// fields without a label, interactive elements removed from the tab order, and content wider
// than the viewport (sideways scrolling on a phone).
func (p *Page) CheckAccessible() Audit {
	p.tb.Helper()
	a := Eval[Audit](p, auditJS)
	report := func(what string, items []string) {
		for _, it := range items {
			p.tb.Errorf("%s: %s", what, it)
		}
	}
	report("image without alt text", a.ImagesWithoutAlt)
	report("image did not load", a.BrokenImages)
	report("form field without a label", a.UnlabelledFields)
	report("interactive element not reachable by keyboard (tabindex=-1)", a.Unfocusable)
	report("element wider than the viewport", a.Overflowing)
	return a
}

// CheckNoProblems fails the test for each console error, exception or failed load seen so far.
func (p *Page) CheckNoProblems() {
	p.tb.Helper()
	for _, pr := range p.Problems() {
		p.tb.Errorf("page problem: %s", pr)
	}
}

// tabTarget is one element focus landed on.
type tabTarget struct {
	Index        int    `json:"index"`
	FocusVisible bool   `json:"focusVisible"`
	HTML         string `json:"html"`
}

// markFocusableJS numbers every visible element a keyboard user must be able to reach and
// returns how many there are. Elements the browser does not show are skipped: those inside a
// closed <details> (nested summaries included; unless a style shows its content, as a wide
// screen's nav does), hidden or not displayed (checkVisibility).
// Frames are not listed: Tab enters a frame only when its document has something to focus.
const markFocusableJS = `(() => {
	const els = [...document.querySelectorAll("a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])")]
		.filter(el => el.checkVisibility({visibilityProperty: true}));
	els.forEach((el, i) => el.setAttribute("data-kb", String(i)));
	if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
	window.scrollTo(0, 0);
	return els.length;
})()`

// focusedJS describes the focused element and whether it shows a focus indicator.
const focusedJS = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body) return {index: -1, focusVisible: false, html: "body"};
	const s = getComputedStyle(el);
	const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
	return {index: el.hasAttribute("data-kb") ? Number(el.getAttribute("data-kb")) : -2, focusVisible: ring,
		html: el.outerHTML.replace(/\s+/g, " ").slice(0, 120)};
})()`

// CheckKeyboard presses Tab through the whole page, from the top, and fails the test for any
// visible link, button, field or frame that focus never reaches, and for any element that takes
// focus without showing a focus indicator. It returns how many elements focus visited.
func (p *Page) CheckKeyboard() int {
	p.tb.Helper()
	total := Eval[int](p, markFocusableJS)
	if total == 0 {
		p.tb.Error("keyboard: the page has nothing to focus")
		return 0
	}
	seen := map[int]bool{}
	var noRing []string
	last := -3
	for i := 0; i < total+5 && len(seen) < total; i++ {
		if err := p.do(chromedp.KeyEvent(kb.Tab)); err != nil {
			p.tb.Fatalf("press Tab: %v", err)
		}
		f := Eval[tabTarget](p, focusedJS)
		if f.Index == last {
			p.tb.Errorf("keyboard: focus stuck on %s", f.HTML)
			break
		}
		last = f.Index
		if f.Index >= 0 {
			seen[f.Index] = true
		}
		if f.Index != -1 && !f.FocusVisible {
			noRing = append(noRing, f.HTML)
		}
	}
	for _, h := range noRing {
		p.tb.Errorf("keyboard: focus indicator not visible on %s", h)
	}
	if len(seen) < total {
		missing := Eval[[]string](p, fmt.Sprintf(`[...document.querySelectorAll("[data-kb]")].filter(el => !%s.includes(Number(el.getAttribute("data-kb")))).map(el => el.outerHTML.slice(0, 120))`, jsInts(seen)))
		for _, m := range missing {
			p.tb.Errorf("keyboard: Tab never reaches %s", m)
		}
	}
	return len(seen)
}

func jsInts(set map[int]bool) string {
	var b strings.Builder
	b.WriteByte('[')
	for k := range set {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, k)
	}
	b.WriteByte(']')
	return b.String()
}
