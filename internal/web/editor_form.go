package web

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The collection form works without JavaScript: the whole collection travels in the form, and
// each button names an operation (op): save, save and preview, find products, add one, move one
// up or down, remove one. Every operation but the saves shows the form again with the change
// made and "not saved yet"; a save validates everything and names each field that is wrong.

// publishAtLayout is the datetime-local input's format.
const publishAtLayout = "2006-01-02T15:04"

// editorSearchResults is how many products a search in the form offers.
const editorSearchResults = 12

// editorForm is the collection form's state.
type editorForm struct {
	ID         int64
	Title      string
	Slug       string
	CoverImage string
	Intro      string
	Status     string
	PublishAt  string // publishAtLayout in Zone
	Items      []editorItem
	Query      string
	Results    []store.Listing
	Searched   bool
	// Zone is the time zone publish_at is read in: the editor's own (Settings), else UTC.
	Zone string
	// Errors name the fields that stop a save; Message is a note about the last operation.
	Errors      editorial.FieldErrors
	Message     string
	Unsaved     bool
	Saved       bool
	Visible     bool
	DeleteError string
}

// editorItem is one product of the form.
type editorItem struct {
	ProductID int64
	Blurb     string
	// Listing is the product as it is now, for the editor to recognise it (Title "" when the
	// product no longer exists).
	Listing store.Listing
	// First and Last disable the move buttons that would do nothing.
	First, Last bool
}

// Error returns the message for field, for the template.
func (f editorForm) Error(field string) string { return f.Errors.For(field) }

// Placeholder is the embed line for a product, shown beside each item.
func (f editorForm) Placeholder(id int64) string { return editorial.EmbedPlaceholder(id) }

// editorFormView is the form page.
type editorFormView struct {
	page
	Form editorForm
}

func formFromCollection(c store.CollectionView) editorForm {
	f := editorForm{ID: c.ID, Title: c.Title, Slug: c.Slug, CoverImage: c.CoverImage, Intro: c.IntroMD, Status: string(c.Status)}
	if !c.PublishAt.IsZero() {
		f.PublishAt = c.PublishAt.UTC().Format(publishAtLayout)
	}
	for _, e := range c.Entries {
		f.Items = append(f.Items, editorItem{ProductID: e.ProductID, Blurb: e.Blurb, Listing: e.Listing})
	}
	return f
}

func (s *Server) editorNewCollection(w http.ResponseWriter, r *http.Request) {
	if !s.isEditor(r) {
		s.notFound(w, r)
		return
	}
	s.renderEditorForm(w, r, http.StatusOK, editorForm{Status: string(editorial.Draft)})
}

func (s *Server) editorEditCollection(w http.ResponseWriter, r *http.Request) {
	c, ok := s.editorCollection(w, r)
	if !ok {
		return
	}
	f := formFromCollection(c)
	f.Saved = r.URL.Query().Get("saved") == "1"
	s.renderEditorForm(w, r, http.StatusOK, f)
}

// renderEditorForm shows the form; publish_at is shown in the editor's zone and the items'
// products are read live.
func (s *Server) renderEditorForm(w http.ResponseWriter, r *http.Request, status int, f editorForm) {
	ctx := r.Context()
	loc := s.editorZone(r)
	f.Zone = loc.String()
	if f.ID != 0 && f.PublishAt != "" && !f.Unsaved && len(f.Errors) == 0 {
		// Stored times are UTC; show them in the editor's zone.
		if t, err := time.ParseInLocation(publishAtLayout, f.PublishAt, time.UTC); err == nil {
			f.PublishAt = t.In(loc).Format(publishAtLayout)
		}
	}
	if err := s.fillItems(ctx, f.Items); err != nil {
		s.fail(w, r, err)
		return
	}
	if f.ID != 0 && !f.Unsaved {
		if c, err := s.db.CollectionByID(ctx, f.ID); err == nil {
			f.Visible = c.Visible(s.now())
		}
	}
	title := "New collection"
	if f.ID != 0 {
		title = "Edit " + f.Title
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "editor_collection", editorFormView{page: s.basePage(r, title), Form: f})
}

// editorZone is the signed-in editor's time zone (their digest settings), else UTC.
func (s *Server) editorZone(r *http.Request) *time.Location {
	u := currentUser(r)
	if u == nil {
		return time.UTC
	}
	p, err := s.db.Preferences(r.Context(), u.ID)
	if err != nil || p.TimeZone == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// fillItems reads the items' products live, for the form.
func (s *Server) fillItems(ctx context.Context, items []editorItem) error {
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ProductID
	}
	ls, err := s.db.ListingsByID(ctx, ids)
	if err != nil {
		return err
	}
	for i := range items {
		items[i].Listing = ls[items[i].ProductID]
		items[i].First, items[i].Last = i == 0, i == len(items)-1
	}
	return nil
}

// parseEditorForm reads the form's fields; items come as parallel "item" and "blurb" lists.
func parseEditorForm(r *http.Request, id int64) editorForm {
	pf := r.PostForm
	f := editorForm{ID: id, Title: strings.TrimSpace(pf.Get("title")), Slug: strings.TrimSpace(pf.Get("slug")),
		CoverImage: strings.TrimSpace(pf.Get("cover_image")), Intro: strings.ReplaceAll(pf.Get("intro"), "\r\n", "\n"),
		Status: pf.Get("status"), PublishAt: strings.TrimSpace(pf.Get("publish_at")), Query: strings.TrimSpace(pf.Get("q"))}
	blurbs := pf["blurb"]
	for i, raw := range pf["item"] {
		pid, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || pid <= 0 {
			continue
		}
		it := editorItem{ProductID: pid}
		if i < len(blurbs) {
			it.Blurb = strings.TrimSpace(blurbs[i])
		}
		f.Items = append(f.Items, it)
	}
	return f
}

// productRef finds a product number in what an editor typed to add one: "123", "#123" or a
// product page's address (".../products/123").
var productRef = regexp.MustCompile(`^(?:#|.*/products/)?([0-9]{1,18})/?$`)

// editorSubmitCollection handles every button of the form (see the top of this file).
func (s *Server) editorSubmitCollection(w http.ResponseWriter, r *http.Request) {
	if !s.isEditor(r) {
		s.notFound(w, r)
		return
	}
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = editorCollectionID(r); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read (too large?)", http.StatusBadRequest)
		return
	}
	f := parseEditorForm(r, id)
	op, arg, _ := strings.Cut(r.PostForm.Get("op"), ":")
	n, _ := strconv.Atoi(arg)
	ctx := r.Context()
	switch op {
	case "save", "preview", "":
		s.saveEditorForm(w, r, f, op == "preview")
		return
	case "search":
		if err := s.findProducts(ctx, &f); err != nil {
			s.fail(w, r, err)
			return
		}
	case "add":
		pid, _ := strconv.ParseInt(arg, 10, 64)
		f.Items = addItem(f.Items, pid)
		f.Message = "Product added."
	case "up":
		if n > 0 && n < len(f.Items) {
			f.Items[n-1], f.Items[n] = f.Items[n], f.Items[n-1]
		}
	case "down":
		if n >= 0 && n < len(f.Items)-1 {
			f.Items[n], f.Items[n+1] = f.Items[n+1], f.Items[n]
		}
	case "remove":
		if n >= 0 && n < len(f.Items) {
			f.Items = append(f.Items[:n], f.Items[n+1:]...)
		}
	default:
		http.Error(w, "unknown form action", http.StatusBadRequest)
		return
	}
	f.Unsaved = true
	s.renderEditorForm(w, r, http.StatusOK, f)
}

// addItem appends product pid unless it is already in the collection.
func addItem(items []editorItem, pid int64) []editorItem {
	if pid <= 0 {
		return items
	}
	for _, it := range items {
		if it.ProductID == pid {
			return items
		}
	}
	return append(items, editorItem{ProductID: pid})
}

// findProducts fills the form's search results: a product number or page address finds that
// product; words search the index (the search page's), or the database on a node without one.
func (s *Server) findProducts(ctx context.Context, f *editorForm) error {
	f.Searched = true
	q := f.Query
	if q == "" {
		return nil
	}
	if m := productRef.FindStringSubmatch(q); m != nil {
		pid, _ := strconv.ParseInt(m[1], 10, 64)
		ls, err := s.db.ListingsByID(ctx, []int64{pid})
		if err != nil {
			return err
		}
		if l, ok := ls[pid]; ok {
			f.Results = []store.Listing{l}
		}
		return nil
	}
	if s.cfg.Index != nil {
		for _, h := range search.Respond(s.cfg.Index.Search(index.Query{Text: q, PerPage: editorSearchResults})).Hits {
			f.Results = append(f.Results, h.Listing)
		}
		return nil
	}
	ls, err := s.db.SearchListings(ctx, q, editorSearchResults)
	f.Results = ls
	return err
}

// saveEditorForm validates and stores the form; errors show the form again, naming the
// fields. preview goes on to the preview after saving.
func (s *Server) saveEditorForm(w http.ResponseWriter, r *http.Request, f editorForm, preview bool) {
	ctx := r.Context()
	loc := s.editorZone(r)
	c := editorial.Collection{ID: f.ID, Title: f.Title, Slug: f.Slug, CoverImage: f.CoverImage, IntroMD: f.Intro,
		Status: editorial.Status(f.Status)}
	var errs editorial.FieldErrors
	if f.PublishAt != "" {
		t, err := time.ParseInLocation(publishAtLayout, f.PublishAt, loc)
		if err != nil {
			errs = append(errs, editorial.FieldError{Field: "publish_at", Message: "Give the date and time as YYYY-MM-DDTHH:MM, such as 2026-12-01T09:00."})
		} else {
			c.PublishAt = t.UTC()
		}
	}
	if c.Status == editorial.Published && c.PublishAt.IsZero() {
		c.PublishAt = s.now().UTC().Truncate(time.Minute)
	}
	for _, it := range f.Items {
		c.Items = append(c.Items, editorial.Item{ProductID: it.ProductID, Blurb: it.Blurb})
	}
	errs = append(errs, c.Validate()...)
	if embeds := editorial.EmbeddedProducts(c.IntroMD); len(embeds) > 0 && errs.For("intro") == "" {
		ls, err := s.db.ListingsByID(ctx, embeds)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, pid := range embeds {
			if _, ok := ls[pid]; !ok {
				errs = append(errs, editorial.FieldError{Field: "intro", Message: "The intro embeds product " + strconv.FormatInt(pid, 10) + ", which does not exist."})
				break
			}
		}
	}
	if len(errs) == 0 {
		id, err := s.db.SaveCollection(ctx, c, currentUser(r).ID)
		var missing *store.MissingProductError
		switch {
		case errors.Is(err, store.ErrConflict):
			errs = append(errs, editorial.FieldError{Field: "slug", Message: "Another collection already has this slug; choose another."})
		case errors.As(err, &missing):
			errs = append(errs, editorial.FieldError{Field: "items", Message: "Product " + strconv.Itoa(missing.Position) +
				" of the list no longer exists; remove it."})
		case err != nil:
			s.fail(w, r, err)
			return
		default:
			s.log.Info("collection saved", "collection_id", id, "status", c.Status, "user_id", currentUser(r).ID)
			to := "/editor/collections/" + strconv.FormatInt(id, 10)
			if preview {
				to += "/preview"
			} else {
				to += "?saved=1"
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
			return
		}
	}
	f.Errors, f.Unsaved = errs, true
	s.renderEditorForm(w, r, http.StatusBadRequest, f)
}
