package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The preference form is one set of fields in four sections; the first-run flow (welcome.go)
// asks for them a section per step, the settings page (settings.go) all at once. Both read a
// submitted form into the shopper's current preferences with readPrefsForm, which checks every
// field before anything is saved and reports each bad one at its field.

// prefsSection is a part of the preference form.
type prefsSection int

const (
	sectionBrands prefsSection = 1 << iota
	sectionSizes
	sectionLimits
	sectionDigest
	sectionsAll = sectionBrands | sectionSizes | sectionLimits | sectionDigest
)

// Form limits: a shopper follows tens of brands, not thousands.
const (
	maxFollowedBrands = 200
	maxBrandNameLen   = 100
	popularBrands     = 12
)

// prefsForm is the view of the preference fields, filled from saved preferences or from a
// submitted form that had errors (so the shopper's typing is kept).
type prefsForm struct {
	Brands     []brandChoice // followed brands first, then popular ones to tap
	BrandsText string        // the "add brands" box
	Sizes      []sizeRow
	Categories []categoryChoice
	Currency   string
	MaxPrice   string
	// MinDiscount is the minimum discount as typed.
	MinDiscount      string
	HideQuestionable bool
	Frequency        string
	DigestHour       int
	TimeZone         string
	// GuessZone asks prefs.js to put the browser's time zone in the field: the shopper has not
	// chosen one yet.
	GuessZone bool
	// Errors maps a field name to what is wrong with it.
	Errors map[string]string
}

type brandChoice struct {
	Name     string
	ID       string // the checkbox's element id
	Checked  bool
	Products int // in the catalogue now; 0 when not known
}

type sizeRow struct {
	Kind, Label, Example string
	Field, SystemField   string
	System               string
	Systems              []string
	Text                 string
}

// SystemOptions are the size systems of the row, the chosen one selected.
func (r sizeRow) SystemOptions() []option { // option: search.go
	out := make([]option, len(r.Systems))
	for i, sys := range r.Systems {
		label := sys
		switch sys {
		case catalog.SystemLetter:
			label = "Letters"
		case catalog.SystemWaist:
			label = "Waist"
		}
		out[i] = option{Value: sys, Label: label, Checked: sys == r.System}
	}
	return out
}

type categoryChoice struct {
	Path, Label, ID string
	Parent          string // the category it is listed under, below the root; empty for one at the top
	Depth           int
	Checked         bool
}

// Choices the templates list.
var (
	frequencyChoices = []struct{ Value, Label string }{
		{string(account.Daily), "Daily"}, {string(account.ThreeAWeek), "Three times a week (Mon, Wed, Fri)"},
		{string(account.Weekly), "Weekly (Mondays)"}, {string(account.NoDigest), "Off: I'll check My sales myself"},
	}
	// commonZones fill the time zone field's suggestions; any IANA name is accepted.
	commonZones = []string{"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin",
		"Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Brussels", "Europe/Copenhagen", "Europe/Stockholm",
		"Europe/Oslo", "Europe/Zurich", "Europe/Vienna", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
		"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto",
		"America/Sao_Paulo", "Asia/Dubai", "Asia/Singapore", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul",
		"Australia/Sydney", "Australia/Melbourne", "Pacific/Auckland"}
)

// prefsChoices are the lists every rendering of the form offers.
type prefsChoices struct {
	Currencies  []string
	Frequencies []struct{ Value, Label string }
	Hours       []int
	Zones       []string
}

func newPrefsChoices() prefsChoices {
	hours := make([]int, 24)
	for i := range hours {
		hours[i] = i
	}
	return prefsChoices{Currencies: account.Currencies, Frequencies: frequencyChoices, Hours: hours, Zones: commonZones}
}

// Error is the message for field, "" when it is fine.
func (f prefsForm) Error(field string) string { return f.Errors[field] }

// CategoriesAll reports whether no category is ticked: the shopper wants everything.
func (f prefsForm) CategoriesAll() bool {
	for _, c := range f.Categories {
		if c.Checked {
			return false
		}
	}
	return true
}

// loadPrefs reads a shopper's preferences; a shopper without a preferences row (accounts made
// before the row was created with the account) gets the schema's defaults.
func (s *Server) loadPrefs(ctx context.Context, userID int64) (account.Preferences, error) {
	p, err := s.db.Preferences(ctx, userID)
	if errors.Is(err, store.ErrNotFound) {
		p, err = account.Preferences{UserID: userID, DigestHour: 8, HideQuestionable: true}, nil
	}
	if err != nil {
		return p, err
	}
	if p.Currency == "" {
		p.Currency = "EUR"
	}
	if p.Frequency == "" {
		p.Frequency = account.Daily
	}
	if p.TimeZone == "" {
		p.TimeZone = "UTC"
	}
	return p, nil
}

// brandCounts lists the catalogue's brands with how many products each has in stock, most first, from
// the index's browse facets (cached by the index); nil on a node without an index.
func (s *Server) brandCounts() []index.FacetCount {
	if s.cfg.Index == nil {
		return nil
	}
	return s.cfg.Index.Search(index.Query{Facets: true, PerPage: 1}).Facets[index.FacetBrand]
}

// newPrefsForm fills the form from saved preferences.
func (s *Server) newPrefsForm(ctx context.Context, p account.Preferences) (prefsForm, error) {
	f := prefsForm{Currency: p.Currency, MinDiscount: strconv.Itoa(p.MinDiscountPct), HideQuestionable: p.HideQuestionable,
		Frequency: string(p.Frequency), DigestHour: p.DigestHour, TimeZone: p.TimeZone}
	if p.MaxPrice > 0 {
		f.MaxPrice = catalog.FormatDecimal(p.MaxPrice, p.Currency)
		if d := catalog.MinorDigits(p.Currency); d > 0 && p.MaxPrice%pow10(d) == 0 {
			f.MaxPrice = strconv.FormatInt(p.MaxPrice/pow10(d), 10)
		}
	}
	f.Brands = s.brandChoices(p.Brands)
	f.Sizes = sizeRows(p.Sizes, nil)
	cats, err := s.categoryChoices(ctx, p.Categories)
	if err != nil {
		return f, err
	}
	f.Categories = cats
	return f, nil
}

// brandChoices lists the followed brands, ticked, then the most stocked brands not followed.
func (s *Server) brandChoices(followed []string) []brandChoice {
	counts := map[string]int{}
	popular := s.brandCounts()
	for _, c := range popular {
		counts[catalog.BrandKey(c.Label)] = c.Count
	}
	var out []brandChoice
	seen := map[string]bool{}
	for _, b := range followed {
		k := catalog.BrandKey(b)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, brandChoice{Name: b, Checked: true, Products: counts[k]})
	}
	added := 0
	for _, c := range popular {
		if added == popularBrands {
			break
		}
		if k := catalog.BrandKey(c.Label); !seen[k] {
			seen[k] = true
			out = append(out, brandChoice{Name: c.Label, Products: c.Count})
			added++
		}
	}
	for i := range out {
		out[i].ID = "brand-" + strconv.Itoa(i)
	}
	return out
}

// sizeRows lays the sizes out per kind. typed, when set, holds what the shopper typed per kind
// (keyed by field name) and the systems chosen, and wins over saved sizes.
func sizeRows(sizes []account.SizePref, typed map[string]string) []sizeRow {
	rows := make([]sizeRow, 0, len(account.SizeKinds))
	for _, k := range account.SizeKinds {
		row := sizeRow{Kind: k.Kind, Label: k.Label, Example: k.Example, Field: "size_" + k.Kind,
			SystemField: "system_" + k.Kind, System: k.Systems[0], Systems: k.Systems}
		var labels []string
		for _, sp := range kindSizes(sizes, k.Kind) {
			labels = append(labels, sp.String())
			if len(labels) == 1 {
				row.System = sp.System
			}
		}
		row.Text = strings.Join(labels, ", ")
		if typed != nil {
			row.Text = typed[row.Field]
			if sys := typed[row.SystemField]; sys != "" {
				row.System = sys
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// kindSizes are the sizes of kind, each system's in the order a size picker shows them
// (store.SortSizes: "S, M", "UK 8, UK 10", as a shopper types a pair) and a ring's UK letters
// in the alphabet's, systems in the order they come.
func kindSizes(sizes []account.SizePref, kind string) []account.SizePref {
	var systems []string
	values := map[string][]string{}
	for _, sp := range sizes {
		if sp.Kind != kind {
			continue
		}
		if _, ok := values[sp.System]; !ok {
			systems = append(systems, sp.System)
		}
		values[sp.System] = append(values[sp.System], sp.Value)
	}
	var out []account.SizePref
	for _, sys := range systems {
		vs := store.SortSizes(values[sys])
		if kind == catalog.KindRings && sys == catalog.SystemUK {
			slices.Sort(vs) // ring letters run L, M, N: no clothing letters, where M comes before L
		}
		for _, v := range vs {
			out = append(out, account.SizePref{Kind: kind, System: sys, Value: v})
		}
	}
	return out
}

// categoryChoices lists the categories a shopper can limit to: the top three levels of the
// tree that hold products now, plus any they chose before.
func (s *Server) categoryChoices(ctx context.Context, chosen []string) ([]categoryChoice, error) {
	all, err := s.db.Categories(ctx)
	if err != nil {
		return nil, err
	}
	stocked := map[string]bool{}
	if s.cfg.Index != nil {
		for _, c := range s.cfg.Index.Search(index.Query{Facets: true, PerPage: 1}).Facets[index.FacetCategory] {
			stocked[c.Value] = true // store category id
		}
	}
	picked := map[string]bool{}
	for _, c := range chosen {
		picked[strings.ToLower(c)] = true
	}
	var out []categoryChoice
	for _, c := range all {
		depth := strings.Count(c.Path, ">")
		on := picked[strings.ToLower(c.Path)]
		if !on && (depth > 2 || !stocked[strconv.FormatInt(c.ID, 10)]) {
			continue
		}
		// Each row is named by its own last part: a nested row sits indented under its parent,
		// which a screen reader hears from Parent.
		parts := strings.Split(c.Path, ">")
		label, parent := strings.TrimSpace(parts[len(parts)-1]), ""
		if depth > 1 {
			parent = strings.TrimSpace(parts[len(parts)-2])
		}
		out = append(out, categoryChoice{Path: c.Path, Label: label, Parent: parent, Depth: depth, Checked: on,
			ID: "category-" + strconv.Itoa(len(out))})
	}
	return out, nil
}

// readPrefsForm parses the submitted sections into a copy of p. It returns the new
// preferences, the form to show again (what was typed, with a message per bad field), and
// whether every field was good. Nothing is saved here.
func (s *Server) readPrefsForm(r *http.Request, p account.Preferences, sections prefsSection) (account.Preferences, prefsForm, bool, error) {
	ctx := r.Context()
	form, err := s.newPrefsForm(ctx, p)
	if err != nil {
		return p, form, false, err
	}
	form.Errors = map[string]string{}
	v := r.PostForm
	bad := func(field, format string, args ...any) { form.Errors[field] = fmt.Sprintf(format, args...) }

	if sections&sectionBrands != 0 {
		names := append([]string(nil), v["brand"]...)
		form.BrandsText = v.Get("brands_text")
		names = append(names, strings.Split(form.BrandsText, ",")...)
		brands, err := s.resolveBrands(ctx, names)
		var fe *fieldError
		switch {
		case errors.As(err, &fe):
			bad("brands", "%s", fe.Message)
			// Keep what was ticked and typed.
			ticked := map[string]bool{}
			for _, b := range v["brand"] {
				ticked[catalog.BrandKey(b)] = true
			}
			form.Brands = s.brandChoices(v["brand"])
			for i := range form.Brands {
				form.Brands[i].Checked = ticked[catalog.BrandKey(form.Brands[i].Name)]
			}
		case err != nil:
			return p, form, false, err
		default:
			p.Brands = brands
			form.Brands = s.brandChoices(brands)
			form.BrandsText = ""
		}
	}

	if sections&sectionSizes != 0 {
		typed := map[string]string{}
		var sizes []account.SizePref
		for _, k := range account.SizeKinds {
			field, sysField := "size_"+k.Kind, "system_"+k.Kind
			typed[field], typed[sysField] = v.Get(field), v.Get(sysField)
			got, err := account.ParseSizes(k.Kind, v.Get(sysField), v.Get(field))
			if err != nil {
				bad(field, "%s.", capitalise(err.Error()))
				continue
			}
			sizes = append(sizes, got...)
		}
		p.Sizes = sizes
		form.Sizes = sizeRows(nil, typed)
	}

	if sections&sectionLimits != 0 {
		chosen := v["category"]
		known := map[string]string{}
		all, err := s.db.Categories(ctx)
		if err != nil {
			return p, form, false, err
		}
		for _, c := range all {
			known[strings.ToLower(c.Path)] = c.Path
		}
		var cats []string
		for _, c := range chosen {
			path, ok := known[strings.ToLower(strings.TrimSpace(c))]
			if !ok {
				bad("category", "%q is not a category tagdrop knows.", truncate(c, 80))
				break
			}
			cats = append(cats, path)
		}
		if len(form.Errors["category"]) == 0 {
			p.Categories = cats
		}
		if form.Categories, err = s.categoryChoices(ctx, cats); err != nil {
			return p, form, false, err
		}
		if form.Errors["category"] != "" {
			ticked := map[string]bool{}
			for _, c := range chosen {
				ticked[strings.ToLower(c)] = true
			}
			for i := range form.Categories {
				form.Categories[i].Checked = ticked[strings.ToLower(form.Categories[i].Path)]
			}
		}

		form.Currency, form.MaxPrice, form.MinDiscount = v.Get("currency"), v.Get("max_price"), v.Get("min_discount")
		form.HideQuestionable = v.Get("hide_questionable") != ""
		p.HideQuestionable = form.HideQuestionable
		if cur, err := account.ParseCurrency(form.Currency); err != nil {
			bad("currency", "%s.", capitalise(err.Error()))
		} else {
			p.Currency = cur
			if mp, err := account.ParseMaxPrice(form.MaxPrice, cur); err != nil {
				bad("max_price", "%s.", capitalise(err.Error()))
			} else {
				p.MaxPrice = mp
			}
		}
		if d, err := account.ParseMinDiscount(form.MinDiscount); err != nil {
			bad("min_discount", "%s.", capitalise(err.Error()))
		} else {
			p.MinDiscountPct = d
		}
	}

	if sections&sectionDigest != 0 {
		form.Frequency, form.TimeZone = v.Get("frequency"), v.Get("time_zone")
		if f, err := account.ParseFrequency(form.Frequency); err != nil {
			bad("frequency", "%s.", capitalise(err.Error()))
		} else {
			p.Frequency = f
		}
		if h, err := account.ParseDigestHour(v.Get("digest_hour")); err != nil {
			bad("digest_hour", "%s.", capitalise(err.Error()))
		} else {
			p.DigestHour, form.DigestHour = h, h
		}
		if tz, err := account.ParseTimeZone(form.TimeZone); err != nil {
			bad("time_zone", "%s.", capitalise(err.Error()))
		} else {
			p.TimeZone = tz
		}
	}
	return p, form, len(form.Errors) == 0, nil
}

// readForm parses a POSTed form, answering a body too large or unreadable itself; false means
// the answer is written.
func readForm(w http.ResponseWriter, r *http.Request) bool {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "the form is too large", http.StatusRequestEntityTooLarge)
		} else {
			http.Error(w, "the form could not be read", http.StatusBadRequest)
		}
		return false
	}
	return true
}
