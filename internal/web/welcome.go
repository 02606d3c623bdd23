package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/tagdrop/tagdrop/internal/store"
)

// The first-run flow: sign-up sends a new shopper to /welcome, which asks for the preferences
// in three short steps (brands, sizes, limits and digest), each saved when its Next is pressed,
// and ends on My sales. Every step is a plain form; prefs.js only adds the brand type-ahead and
// the browser's time zone.

// welcomeSteps are the steps in order, with the form sections each asks for.
var welcomeSteps = []struct {
	Label    string
	Sections prefsSection
}{
	{"Brands", sectionBrands},
	{"Sizes", sectionSizes},
	{"Limits and digest", sectionLimits | sectionDigest},
}

// welcomeView is one step of the first-run flow.
type welcomeView struct {
	page
	Step    int // 1-based
	Steps   []welcomeStepView
	Form    prefsForm
	Choices prefsChoices
	Problem string
}

type welcomeStepView struct {
	N       int
	Label   string
	Current bool
	Done    bool
}

// Last reports whether this is the final step.
func (v welcomeView) Last() bool { return v.Step == len(welcomeSteps) }

// Next is the address of the next step (or My sales after the last), for "Skip".
func (v welcomeView) Next() string {
	if v.Last() {
		return "/my-sales?welcome=1"
	}
	return "/welcome?step=" + strconv.Itoa(v.Step+1)
}

// Prev is the address of the previous step, "" on the first.
func (v welcomeView) Prev() string {
	if v.Step == 1 {
		return ""
	}
	return "/welcome?step=" + strconv.Itoa(v.Step-1)
}

func welcomeStep(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > len(welcomeSteps) {
		return 1
	}
	return n
}

func (s *Server) welcomeView(r *http.Request, step int, form prefsForm) welcomeView {
	v := welcomeView{page: s.basePage(r, "Welcome: "+welcomeSteps[step-1].Label), Step: step, Form: form, Choices: newPrefsChoices()}
	for i, st := range welcomeSteps {
		v.Steps = append(v.Steps, welcomeStepView{N: i + 1, Label: st.Label, Current: i+1 == step, Done: i+1 < step})
	}
	return v
}

// welcomePage is GET /welcome?step=N.
func (s *Server) welcomePage(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	p, err := s.loadPrefs(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	form, err := s.newPrefsForm(r.Context(), p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// A zone still at the default is no choice yet: offer the browser's.
	form.GuessZone = p.TimeZone == "UTC"
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "welcome", s.welcomeView(r, welcomeStep(r.URL.Query().Get("step")), form))
}

// welcomeSave is POST /welcome: saves the step's fields (all or none of them) and moves on.
func (s *Server) welcomeSave(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil || !readForm(w, r) {
		return
	}
	step := welcomeStep(r.PostForm.Get("step"))
	p, err := s.loadPrefs(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next, form, ok, err := s.readPrefsForm(r, p, welcomeSteps[step-1].Sections)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ok && step == 1 && len(next.Brands) == 0 {
		form.Errors["brands"] = "Pick at least one brand to follow: tagdrop shows sales of the brands you follow. You can change them any time."
		ok = false
	}
	v := s.welcomeView(r, step, form)
	if !ok {
		v.Problem = "Please check the highlighted answer; nothing was saved."
		w.Header().Set("Cache-Control", "no-store")
		s.render(w, r, http.StatusBadRequest, "welcome", v)
		return
	}
	if err := s.db.SavePreferences(r.Context(), next); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			v.Problem = "A brand or category you chose has just left the catalogue; nothing was saved. Please try again."
			s.render(w, r, http.StatusConflict, "welcome", v)
			return
		}
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, v.Next(), http.StatusSeeOther)
}
