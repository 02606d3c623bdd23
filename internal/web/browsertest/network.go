package browsertest

import (
	"fmt"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// GrantPermission grants origin a permission (e.g. "notifications") as if the user had
// allowed it when asked.
func (p *Page) GrantPermission(origin, name string) {
	p.tb.Helper()
	c := chromedp.FromContext(p.ctx)
	if c == nil || c.Browser == nil {
		p.tb.Fatal("grant permission: no browser")
	}
	if _, err := cdp.Call(p.ctx, c.Browser, browser.SetPermission, browser.SetPermissionParams{
		Permission: &browser.PermissionDescriptor{Name: name, UserVisibleOnly: true},
		Setting:    browser.PermissionSettingGranted, Origin: origin}); err != nil {
		p.tb.Fatal(fmt.Errorf("grant %s to %s: %w", name, origin, err))
	}
}
