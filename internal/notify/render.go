package notify

import (
	"strconv"
	"strings"
	"sync"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// The digest's HTML is written straight into a pooled byte buffer from constant markup chunks
// and values escaped for their context: text and attribute values are HTML-escaped, URLs are
// restricted to http(s) (anything else becomes "#") and percent-normalised the way html/template
// normalises them. The markup chunks are shared with the html/template reference
// (render_template.go), and a test renders hostile digests both ways and compares the parsed
// documents, so the fast path cannot drift from what html/template would produce.

// digestView is a digest with every value cleaned, formatted and made absolute: the one input
// both renderers read.
type digestView struct {
	Subject        string
	Preheader      string
	BaseURL        string
	Loves          []itemView
	Items          []itemView
	More           int
	MoreAtLeast    bool
	MoreURL        string
	Collection     *collectionView
	SettingsURL    string
	UnsubscribeURL string
}

type itemView struct {
	Brand, Title, URL, ImageURL string
	Now, Was                    int64 // minor units of Currency; Was is 0 when not discounted
	Currency                    string
	Discount                    string
	Size, Retailer              string // Size as shown: "Size M", "One size" (sizeLabel)
	Lowest30d, Questionable     bool
	// Heading starts a section before the item ("Your loves", a saved search); Note is a line
	// under it (a love's news).
	Heading, Note string
}

// Section headings of a digest with loves or saved-search groups.
const (
	headingLoves  = "Your loves"
	headingBrands = "On sale in your size"
)

type collectionView struct {
	Title, URL, Intro string
}

func newDigestView(d *Digest) (*digestView, error) {
	if err := validateDigest(d); err != nil {
		return nil, err
	}
	base := strings.TrimRight(d.BaseURL, "/")
	v := &digestView{Subject: DigestSubject(d), BaseURL: safeURL(base, base+"/"), More: d.More, MoreAtLeast: d.MoreAtLeast}
	v.Loves = itemViews(base, d.Loves)
	if len(v.Loves) > 0 {
		v.Loves[0].Heading = headingLoves
	}
	v.Items = itemViews(base, d.Items)
	sections := len(v.Loves) > 0
	for i := range d.Items {
		sections = sections || cleanText(d.Items[i].Group) != ""
	}
	best := 0
	for i := range d.Items {
		g := cleanText(d.Items[i].Group)
		switch {
		case i > 0 && g == cleanText(d.Items[i-1].Group):
		case g != "":
			v.Items[i].Heading = g
		case sections:
			v.Items[i].Heading = headingBrands
		}
		best = max(best, d.Items[i].DiscountPct)
	}
	switch {
	case len(d.Items) == 0:
		v.Preheader = "News about the items you love."
	case best > 0:
		v.Preheader = "Up to " + strconv.Itoa(best) + "% off, picked for your sizes."
	default:
		v.Preheader = "New markdowns, picked for your sizes."
	}
	if d.More > 0 {
		v.MoreURL = safeURL(base, d.MoreURL)
	}
	if c := d.Collection; c != nil && cleanText(c.Title) != "" {
		v.Collection = &collectionView{Title: cleanText(c.Title), URL: safeURL(base, c.URL), Intro: cleanText(c.Intro)}
	}
	settings := d.SettingsURL
	if settings == "" {
		settings = "/settings"
	}
	v.SettingsURL = safeURL(base, settings)
	if d.UnsubscribeURL != "" {
		v.UnsubscribeURL = safeURL(base, d.UnsubscribeURL)
	}
	return v, nil
}

// itemViews cleans and formats items for both renderers.
func itemViews(base string, items []DigestItem) []itemView {
	out := make([]itemView, len(items))
	for i := range items {
		it := &items[i]
		iv := &out[i]
		iv.Brand, iv.Title = cleanText(it.Brand), cleanText(it.Title)
		iv.URL, iv.ImageURL = safeURL(base, it.URL), safeURL(base, it.ImageURL)
		iv.Now, iv.Currency = it.Price, it.Currency
		if it.RegularPrice > it.Price {
			iv.Was = it.RegularPrice
			if it.DiscountPct > 0 {
				iv.Discount = "-" + strconv.Itoa(it.DiscountPct) + "%"
			}
		}
		iv.Size, iv.Retailer = sizeLabel(cleanText(it.Size)), cleanText(it.Retailer)
		iv.Lowest30d, iv.Questionable = it.Lowest30d, it.Questionable
		iv.Note = cleanText(it.Note)
	}
	return out
}

// cleanText makes a value safe to show anywhere, a header included: valid UTF-8, control
// characters (CR and LF among them) turned into spaces, runs of spaces collapsed, trimmed.
func cleanText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0x80 || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == ' ' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// safeURL makes u absolute against base (a path starting with one "/") and returns it only if
// it is an http or https URL with a host and no user info or control characters; anything else,
// javascript: and data: included, gives "#". (A hand-written check: url.Parse was a third of the
// render time.)
func safeURL(base, u string) string {
	u = strings.TrimSpace(u)
	if len(u) > 0 && u[0] == '/' && (len(u) == 1 || u[1] != '/') && base != "" {
		u = base + u
	}
	var rest string
	switch {
	case len(u) > 8 && strings.EqualFold(u[:8], "https://"):
		rest = u[8:]
	case len(u) > 7 && strings.EqualFold(u[:7], "http://"):
		rest = u[7:]
	default:
		return "#"
	}
	end := 0
	for end < len(rest) && rest[end] != '/' && rest[end] != '?' && rest[end] != '#' {
		switch c := rest[end]; c {
		case '@', '\\', ' ', '%':
			return "#"
		}
		end++
	}
	if end == 0 || hasControl(u) {
		return "#"
	}
	return u
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

func getBuf() *[]byte { return bufPool.Get().(*[]byte) }

func putBuf(b *[]byte) {
	if cap(*b) <= 1<<20 {
		bufPool.Put(b)
	}
}

// htmlEscapes lists the bytes escaped in text and quoted attribute values.
var htmlEscapes = [256]string{'&': "&amp;", '<': "&lt;", '>': "&gt;", '"': "&#34;", '\'': "&#39;", 0: "\uFFFD"}

// appendMoney appends catalog.FormatMoney(minor, currency) without its allocations.
func appendMoney(b []byte, minor int64, currency string) []byte {
	if minor < 0 {
		return append(b, catalog.FormatMoney(minor, currency)...)
	}
	var sym string
	switch currency {
	case "EUR", "eur":
		sym = "€"
	case "USD", "usd":
		sym = "$"
	case "GBP", "gbp":
		sym = "£"
	case "JPY", "jpy":
		sym = "¥"
	case "":
	default:
		if strings.ToUpper(currency) != currency {
			return append(b, catalog.FormatMoney(minor, currency)...)
		}
	}
	digits := catalog.MinorDigits(currency)
	var num [24]byte
	s := strconv.AppendInt(num[:0], minor, 10)
	for len(s) <= digits {
		s = append([]byte{'0'}, s...)
	}
	whole, frac := s[:len(s)-digits], s[len(s)-digits:]
	b = append(b, sym...)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	if digits > 0 {
		b = append(b, '.')
		b = append(b, frac...)
	}
	if sym == "" {
		b = append(b, ' ')
		b = append(b, currency...)
	}
	return b
}

// appendHTML appends s escaped for HTML text or a double-quoted attribute value.
func appendHTML[S string | []byte](b []byte, s S) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		if e := htmlEscapes[s[i]]; e != "" {
			b = append(b, s[last:i]...)
			b = append(b, e...)
			last = i + 1
		}
	}
	return append(b, s[last:]...)
}

// urlKeep marks the bytes html/template's URL normaliser leaves as they are.
var urlKeep = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range "!#$&*+,/:;=?@[]-._~%" {
		t[c] = true
	}
	return t
}()

// appendURL appends a URL (already checked by safeURL) for a double-quoted attribute:
// percent-encoded where html/template would encode it, then HTML-escaped.
func appendURL(b []byte, s string) []byte {
	const hex = "0123456789abcdef" // lower case, as html/template writes it
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			b = append(b, "&amp;"...)
		case urlKeep[c]:
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// appendItemHTML writes one item, after its section heading if it starts one.
func appendItemHTML(b []byte, it *itemView) []byte {
	var scratch [64]byte
	if it.Heading != "" {
		b = append(b, hSection...)
		b = appendHTML(b, it.Heading)
		b = append(b, hSectionEnd...)
	}
	b = append(b, iStart...)
	b = appendURL(b, it.URL)
	b = append(b, iImg...)
	b = appendURL(b, it.ImageURL)
	b = append(b, iAlt...)
	b = appendHTML(b, it.Brand)
	b = append(b, ' ')
	b = appendHTML(b, it.Title)
	b = append(b, iBrand...)
	b = appendHTML(b, it.Brand)
	b = append(b, iTitleLink...)
	b = appendURL(b, it.URL)
	b = append(b, iTitle...)
	b = appendHTML(b, it.Title)
	b = append(b, iNow...)
	b = appendHTML(b, appendMoney(scratch[:0], it.Now, it.Currency))
	if it.Was != 0 {
		b = append(b, iWas...)
		b = appendHTML(b, appendMoney(scratch[:0], it.Was, it.Currency))
		b = append(b, iWasEnd...)
		if it.Discount != "" {
			b = append(b, iDiscount...)
			b = appendHTML(b, it.Discount)
			b = append(b, iDiscountEnd...)
		}
	}
	b = append(b, iMeta...)
	if it.Size != "" {
		b = appendHTML(b, it.Size)
		b = append(b, iSizeEnd...)
	}
	if it.Retailer != "" {
		b = append(b, iAt...)
		b = appendHTML(b, it.Retailer)
	}
	b = append(b, iMetaEnd...)
	if it.Lowest30d {
		b = append(b, iLowest...)
	}
	if it.Questionable {
		b = append(b, iQuestionable...)
	}
	if it.Note != "" {
		b = append(b, iNote...)
		b = appendHTML(b, it.Note)
		b = append(b, iNoteEnd...)
	}
	b = append(b, iEnd...)
	return b
}

// appendDigestHTML writes the HTML part. Keep it in step with digestTemplateSource.
func appendDigestHTML(b []byte, v *digestView) []byte {
	b = append(b, hStart...)
	b = appendHTML(b, v.Subject)
	b = append(b, hPreheader...)
	b = appendHTML(b, v.Preheader)
	b = append(b, hTop...)
	b = appendURL(b, v.BaseURL)
	b = append(b, hLogo...)
	b = appendHTML(b, v.Subject)
	b = append(b, hHeadEnd...)
	for i := range v.Loves {
		b = appendItemHTML(b, &v.Loves[i])
	}
	for i := range v.Items {
		b = appendItemHTML(b, &v.Items[i])
	}
	if v.More > 0 {
		b = append(b, hMore...)
		b = appendURL(b, v.MoreURL)
		b = append(b, hMoreText...)
		b = strconv.AppendInt(b, int64(v.More), 10)
		if v.MoreAtLeast {
			b = append(b, '+')
		}
		b = append(b, hMoreEnd...)
	}
	if c := v.Collection; c != nil {
		b = append(b, hCollection...)
		b = appendURL(b, c.URL)
		b = append(b, hCollectionTitle...)
		b = appendHTML(b, c.Title)
		b = append(b, hCollectionTitleEnd...)
		if c.Intro != "" {
			b = append(b, hCollectionIntro...)
			b = appendHTML(b, c.Intro)
			b = append(b, hCollectionIntroEnd...)
		}
		b = append(b, hCollectionEnd...)
	}
	b = append(b, hFooter...)
	b = appendURL(b, v.SettingsURL)
	b = append(b, hSettingsEnd...)
	if v.UnsubscribeURL != "" {
		b = append(b, hUnsubscribe...)
		b = appendURL(b, v.UnsubscribeURL)
		b = append(b, hUnsubscribeEnd...)
	}
	return append(b, hEnd...)
}

// appendItemText writes one item of the plain-text part, after its section heading.
func appendItemText(b []byte, it *itemView) []byte {
	if it.Heading != "" {
		b = append(b, "== "...)
		b = append(b, it.Heading...)
		b = append(b, " ==\n\n"...)
	}
	b = append(b, it.Brand...)
	b = append(b, "\n"...)
	b = append(b, it.Title...)
	b = append(b, "\n"...)
	b = appendMoney(b, it.Now, it.Currency)
	if it.Was != 0 {
		b = append(b, ", was "...)
		b = appendMoney(b, it.Was, it.Currency)
		if it.Discount != "" {
			b = append(b, " ("...)
			b = append(b, it.Discount...)
			b = append(b, ')')
		}
	}
	b = append(b, '\n')
	if it.Size != "" {
		b = append(b, it.Size...)
		b = append(b, " · "...)
	}
	if it.Retailer != "" {
		b = append(b, "at "...)
		b = append(b, it.Retailer...)
	}
	b = append(b, '\n')
	if it.Lowest30d {
		b = append(b, textLowest+"\n"...)
	}
	if it.Questionable {
		b = append(b, textQuestionable+"\n"...)
	}
	if it.Note != "" {
		b = append(b, it.Note...)
		b = append(b, '\n')
	}
	b = append(b, it.URL...)
	b = append(b, "\n\n"...)
	return b
}

// appendDigestText writes the plain-text part.
func appendDigestText(b []byte, v *digestView) []byte {
	b = append(b, v.Subject...)
	b = append(b, "\n\n"...)
	for i := range v.Loves {
		b = appendItemText(b, &v.Loves[i])
	}
	for i := range v.Items {
		b = appendItemText(b, &v.Items[i])
	}
	if v.More > 0 {
		b = append(b, "And "...)
		b = strconv.AppendInt(b, int64(v.More), 10)
		if v.MoreAtLeast {
			b = append(b, '+')
		}
		b = append(b, " more on sale in your size: "...)
		b = append(b, v.MoreURL...)
		b = append(b, "\n\n"...)
	}
	if c := v.Collection; c != nil {
		b = append(b, "Featured collection: "...)
		b = append(b, c.Title...)
		b = append(b, '\n')
		if c.Intro != "" {
			b = append(b, c.Intro...)
			b = append(b, '\n')
		}
		b = append(b, c.URL...)
		b = append(b, "\n\n"...)
	}
	b = append(b, "-- \nYou get this digest because you follow these labels on tagdrop.\nChange what you get: "...)
	b = append(b, v.SettingsURL...)
	b = append(b, '\n')
	if v.UnsubscribeURL != "" {
		b = append(b, "Unsubscribe: "...)
		b = append(b, v.UnsubscribeURL...)
		b = append(b, '\n')
	}
	return b
}
