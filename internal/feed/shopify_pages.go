package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// Shopify paging: a storefront's /products.json gives at most 250 products a page; tagdrop asks
// for pages 1, 2, … until one comes back empty, and stops (with an error, since the catalogue
// was not seen whole) after MaxShopifyPages, i.e. 100,000 products.
const (
	ShopifyPageSize = 250
	MaxShopifyPages = 400
)

// ShopifyPageURL is the address of page n of a store's products.json. storeURL is the store's
// address, a collection's (…/collections/sale) or a products.json address itself.
func ShopifyPageURL(storeURL string, n int) (string, error) {
	u, err := url.Parse(strings.TrimSpace(storeURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("shopify: %q is not an http(s) store address", storeURL)
	}
	if !strings.HasSuffix(u.Path, "/products.json") {
		u.Path = strings.TrimRight(u.Path, "/") + "/products.json"
	}
	u.RawPath = ""
	q := u.Query()
	q.Set("limit", strconv.Itoa(ShopifyPageSize))
	q.Set("page", strconv.Itoa(n))
	u.RawQuery = q.Encode()
	u.Fragment = ""
	return u.String(), nil
}

// ShopifyPages reads every page of a Shopify store's products.json as one feed, one item per
// variant. get fetches one page (the caller's fetcher decides what is safe to fetch); each body
// is closed when its page is done. Product links point at storeURL's origin unless
// opts.BaseURL says otherwise; opts.Currency is required, as for a single page. A page that
// cannot be fetched or read ends the feed with an error naming it. The reader is an io.Closer:
// call Close when stopping before io.EOF.
func ShopifyPages(ctx context.Context, get func(ctx context.Context, pageURL string) (io.ReadCloser, error),
	storeURL string, opts Options) Reader {
	p := &shopifyPages{ctx: ctx, get: get, store: storeURL, opts: opts}
	if p.opts.BaseURL == "" {
		if u, err := url.Parse(storeURL); err == nil && u.Host != "" {
			p.opts.BaseURL = u.Scheme + "://" + u.Host
		}
	}
	return p
}

type shopifyPages struct {
	ctx   context.Context
	get   func(context.Context, string) (io.ReadCloser, error)
	store string
	opts  Options

	page    int
	pageURL string
	body    io.ReadCloser
	cur     *shopifyReader
	err     error // sticky
}

// Next returns the next variant of the store; see Reader.
func (p *shopifyPages) Next() (Item, error) {
	for {
		if p.err != nil {
			return Item{}, p.err
		}
		if p.cur == nil {
			if err := p.open(); err != nil {
				p.fail(err)
				continue
			}
		}
		it, err := p.cur.Next()
		var row *RowError
		switch {
		case err == nil:
			return it, nil
		case errors.As(err, &row):
			row.Reason = fmt.Sprintf("page %d: %s", p.page, row.Reason)
			return it, row
		case err == io.EOF:
			empty := p.cur.products == 0
			p.Close()
			if empty {
				p.err = io.EOF
			}
		default:
			p.fail(fmt.Errorf("%s: %w", p.pageURL, err))
		}
	}
}

// open fetches the next page.
func (p *shopifyPages) open() error {
	if err := p.ctx.Err(); err != nil {
		return err
	}
	if p.page >= MaxShopifyPages {
		return fmt.Errorf("shopify: %s has more than %d pages of products; stopped there", p.store, MaxShopifyPages)
	}
	p.page++
	u, err := ShopifyPageURL(p.store, p.page)
	if err != nil {
		return err
	}
	p.pageURL = u
	body, err := p.get(p.ctx, u)
	if err != nil {
		return fmt.Errorf("shopify: page %d (%s): %w", p.page, u, err)
	}
	p.body = body
	r, err := Decompress(body)
	if err != nil {
		return fmt.Errorf("shopify: page %d (%s): %w", p.page, u, err)
	}
	if p.cur, err = newShopifyReader(r, p.opts); err != nil {
		return err
	}
	return nil
}

// fail ends the feed with err and lets go of the current page.
func (p *shopifyPages) fail(err error) {
	p.Close()
	p.err = err
}

// Close lets go of the page being read, if any.
func (p *shopifyPages) Close() error {
	p.cur = nil
	if p.body == nil {
		return nil
	}
	err := p.body.Close()
	p.body = nil
	return err
}
