package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/publicsuffix"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/extract"
	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Product pages: a shopper pastes the address of any shop's product page; tagdrop fetches it
// through the guarded client, extracts its main product (internal/extract) and imports that
// product's offers like one small feed of the shop, so the page's product is an ordinary
// catalogue product with a price history from then on. Every check happens before anything is
// written: a page that is not a product page, cannot be fetched or is too big changes nothing.

// PageFormat names an imported product page in reports and feed runs.
const PageFormat = "html"

// DefaultRecheckEvery is how long after a check a tracked product page is fetched again.
const DefaultRecheckEvery = 6 * time.Hour

// MaxTrackedPageBytes caps a product page's body (after decompression).
const MaxTrackedPageBytes = extract.MaxPageBytes

// PageImporter fetches, extracts and imports product pages.
type PageImporter struct {
	im     *Importer
	db     *store.DB
	client *fetch.Client
}

// NewPageImporter returns an importer of product pages fetched through client (which should
// cap bodies at MaxTrackedPageBytes and bound the time of a request).
func NewPageImporter(im *Importer, db *store.DB, client *fetch.Client) *PageImporter {
	return &PageImporter{im: im, db: db, client: client}
}

// PageResult is what importing one product page did.
type PageResult struct {
	// URL is the page's address after redirects.
	URL string
	// ProductID is the catalogue product the page's main product became (or joined).
	ProductID int64
	Title     string
	Report    Report
}

// PageError is a product page that could not be imported, with a reason a shopper can act on.
type PageError struct {
	URL    string
	Reason string
	Err    error
}

func (e *PageError) Error() string { return e.URL + ": " + e.Reason }

func (e *PageError) Unwrap() error { return e.Err }

// ImportPage fetches the product page at rawURL and imports its main product under the shop
// named by the host of the page's final address, after redirects (without "www."): an unlisted
// retailer the first time that host is seen (see store.EnsureTrackedRetailer). Offer links not
// on that host become the page's address; an image not on the same registrable domain is
// dropped. It returns a *PageError for a bad address, a page
// that cannot be fetched, is too big or shows no product with a price; other errors are the
// database's.
func (p *PageImporter) ImportPage(ctx context.Context, rawURL string) (PageResult, error) {
	rawURL = strings.TrimSpace(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return PageResult{}, &PageError{URL: rawURL, Reason: "is not a web address: paste the whole address, starting with https://", Err: fetch.ErrBadURL}
	}
	body, final, contentType, err := p.fetchPage(ctx, rawURL)
	if err != nil {
		return PageResult{}, err
	}
	res, err := extract.Options{ContentType: contentType}.Page(bytes.NewReader(body), final)
	if err != nil {
		return PageResult{}, &PageError{URL: final, Reason: "could not be read as a web page", Err: err}
	}
	// The shop is the site the content came from: the final address, after redirects.
	fu, err := url.Parse(final)
	if err != nil || fu.Hostname() == "" {
		return PageResult{}, &PageError{URL: final, Reason: "is not a web address tagdrop can file under a shop", Err: fetch.ErrBadURL}
	}
	host := siteHost(fu.Hostname())
	items, err := PageItems(res, final)
	if err != nil {
		return PageResult{}, &PageError{URL: final, Reason: err.Error(), Err: err}
	}
	keepOnSite(items, fu)
	// A host first seen here is an unlisted retailer: its offers stay out of search, browse and
	// other shoppers' pages until an admin lists it (store.EnsureTrackedRetailer).
	retailer, err := p.db.EnsureTrackedRetailer(ctx, host)
	if err != nil {
		return PageResult{}, err
	}
	// Shoppers tracking pages of one shop at once take turns (one import per retailer).
	opts := Options{Retailer: retailer.Slug, ObservedAt: time.Now(), WaitBusy: pageWaitBusy}
	rep, err := p.im.importWith(ctx, final, opts, func(run *run, rep *Report) error {
		rep.Format = PageFormat
		return run.readItems(ctx, &sliceFeed{items: items}, rep)
	})
	if err != nil {
		if errors.Is(err, ErrStale) {
			return PageResult{Report: rep}, &PageError{URL: final, Reason: "was just imported: try again in a moment", Err: err}
		}
		return PageResult{Report: rep}, fmt.Errorf("import %s: %w", fetch.Redact(final), err)
	}
	o, err := p.db.OfferByItem(ctx, retailer.Slug, items[0].ID)
	if err != nil {
		return PageResult{Report: rep}, fmt.Errorf("import %s: %w", fetch.Redact(final), err)
	}
	return PageResult{URL: final, ProductID: o.ProductID, Title: items[0].Title, Report: rep}, nil
}

// pageWaitBusy is how long a tracked page's import waits for another import of its shop (a
// shopper waits on it, and the page checker checks pages one after another).
const pageWaitBusy = 5 * time.Second

// fetchPage reads the page whole, turning every fetch failure into a PageError.
func (p *PageImporter) fetchPage(ctx context.Context, rawURL string) (body []byte, final, contentType string, err error) {
	resp, err := p.client.Get(ctx, rawURL, fetch.Conditional{})
	if err != nil {
		return nil, "", "", &PageError{URL: rawURL, Reason: fetchReason(err), Err: err}
	}
	defer resp.Body.Close()
	if mt, _, perr := mime.ParseMediaType(resp.ContentType); resp.ContentType != "" && perr == nil &&
		mt != "text/html" && mt != "application/xhtml+xml" {
		return nil, "", "", &PageError{URL: resp.URL, Reason: "is not a web page (the shop sent " + mt + ")"}
	}
	body, err = io.ReadAll(resp.Body)
	if err != nil {
		return nil, "", "", &PageError{URL: resp.URL, Reason: fetchReason(err), Err: err}
	}
	return body, resp.URL, resp.ContentType, nil
}

// fetchReason says why a page could not be fetched, in a shopper's words.
func fetchReason(err error) string {
	var blocked *fetch.BlockedError
	var status *fetch.StatusError
	switch {
	case errors.As(err, &blocked):
		return "points to a private or local network address (" + blocked.Reason + "), which tagdrop never fetches"
	case errors.As(err, &status):
		return "could not be loaded: the shop answered " + strconv.Itoa(status.Status) + " " + statusText(status.Status)
	case errors.Is(err, fetch.ErrTooLarge):
		return fmt.Sprintf("is too big: product pages are read up to %d MiB", MaxTrackedPageBytes>>20)
	case errors.Is(err, fetch.ErrTimeout), errors.Is(err, fetch.ErrIdle):
		return "could not be loaded: the shop took too long to answer"
	case errors.Is(err, fetch.ErrTooManyRedirects):
		return "could not be loaded: it redirects too many times"
	case errors.Is(err, fetch.ErrBadURL):
		return "is not an address tagdrop can fetch (http or https, no user name or password)"
	case errors.Is(err, context.Canceled):
		return "was not loaded: the request was cancelled"
	}
	return "could not be reached: the shop's server did not answer"
}

func statusText(code int) string {
	switch code {
	case 404:
		return "Not Found"
	case 403:
		return "Forbidden"
	case 410:
		return "Gone"
	case 429:
		return "Too Many Requests"
	}
	if code >= 500 {
		return "(a server error)"
	}
	return ""
}

// PageItems turns a page's main product into feed items, one per offer with a price, so it
// imports like a feed: the offers share an item group (the product's SKU, else the page), so
// its sizes meet as one product. An error says why the page is not a product page.
func PageItems(res extract.Result, pageURL string) ([]feed.Item, error) {
	if len(res.Products) == 0 {
		return nil, errors.New("is not a product page: no product was found on it")
	}
	pr := res.Products[0]
	if strings.TrimSpace(pr.Title) == "" {
		return nil, errors.New("is not a product page: the product on it has no name")
	}
	group := pr.SKU
	if group == "" {
		group = pageURL
	}
	var items []feed.Item
	seen := map[string]int{}
	for _, o := range pr.Offers {
		if o.Price <= 0 || o.Currency == "" {
			continue
		}
		id := o.SKU
		if id == "" {
			id = group
			if o.Size != "" || o.Color != "" {
				id += "#" + o.Size + "/" + o.Color
			}
		}
		if n := seen[id]; n > 0 {
			seen[id] = n + 1
			id += "~" + strconv.Itoa(n+1)
		} else {
			seen[id] = 1
		}
		link := firstOf(o.URL, pr.URL, pageURL)
		regular := max(o.RegularPrice, o.Price)
		it := feed.Item{Line: len(items) + 1, ID: id, Title: pr.Title, Link: link, ImageLink: pr.Image, Brand: pr.Brand,
			GTIN: pr.GTIN, MPN: pr.MPN, ProductType: pr.Category, Color: o.Color, Size: o.Size, ItemGroupID: group,
			Availability: string(o.Availability), Currency: o.Currency, RegularPrice: regular,
			Price: catalog.FormatDecimal(regular, o.Currency) + " " + o.Currency}
		if o.Price < regular {
			it.SaleAmount = o.Price
			it.SalePrice = catalog.FormatDecimal(o.Price, o.Currency) + " " + o.Currency
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, errors.New("is not a product page: no price was found for " + pr.Title)
	}
	return items, nil
}

// siteHost is a host as a shop's name: lower case, without "www.".
func siteHost(h string) string {
	return strings.TrimPrefix(strings.TrimSuffix(strings.ToLower(h), "."), "www.")
}

// keepOnSite holds a page's items to the site that served it (page): an offer link on another
// host is replaced by the page's address, and an image outside the page's registrable domain
// (example.co.uk for shop.example.co.uk; a shop's own CDN subdomain is fine, a third party's
// is not) is dropped. A page can then never name another shop's links or pictures as its own.
func keepOnSite(items []feed.Item, page *url.URL) {
	host := siteHost(page.Hostname())
	site := registrable(host)
	for i := range items {
		if lu, err := url.Parse(items[i].Link); err != nil || (lu.Scheme != "http" && lu.Scheme != "https") ||
			siteHost(lu.Hostname()) != host || lu.User != nil {
			items[i].Link = page.String()
		}
		if items[i].ImageLink == "" {
			continue
		}
		iu, err := url.Parse(items[i].ImageLink)
		if err != nil || (iu.Scheme != "http" && iu.Scheme != "https") || iu.User != nil || registrable(siteHost(iu.Hostname())) != site {
			items[i].ImageLink = ""
		}
	}
}

// registrable is host's registrable domain (eTLD+1, from the public suffix list); a host that
// has none (an IP address, "localhost", a bare suffix) is its own.
func registrable(host string) string {
	if host == "" || net.ParseIP(host) != nil {
		return host
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return host
	}
	return d
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// sliceFeed reads items from memory.
type sliceFeed struct {
	items []feed.Item
	next  int
}

func (f *sliceFeed) Next() (feed.Item, error) {
	if f.next >= len(f.items) {
		return feed.Item{}, io.EOF
	}
	f.next++
	return f.items[f.next-1], nil
}
