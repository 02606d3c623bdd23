package web

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

// fieldError is bad input in one form field.
type fieldError struct{ Field, Message string }

func (e *fieldError) Error() string { return e.Field + ": " + e.Message }

// maxBrandEntries caps the names one form may submit (ticked and typed together, before any
// lookup): a 1 MiB "add brands" box holds some 200,000 comma-separated names, each one a query.
const maxBrandEntries = 400

// brandEntries trims the submitted names, skips blanks and folds repeats by brand key, refusing
// more than maxBrandEntries names and overlong ones: all before anything is looked up.
func brandEntries(names []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	n := 0
	for _, raw := range names {
		name := strings.TrimSpace(raw)
		if name == "" {
			continue
		}
		if n++; n > maxBrandEntries {
			return nil, &fieldError{"brands", fmt.Sprintf("Please enter at most %d brands at a time (you sent %d or more).", maxBrandEntries, n)}
		}
		if !utf8.ValidString(name) || utf8.RuneCountInString(name) > maxBrandNameLen {
			return nil, &fieldError{"brands", fmt.Sprintf("%q is not a brand name.", truncate(name, 40))}
		}
		if k := catalog.BrandKey(name); !seen[k] {
			seen[k] = true
			out = append(out, name)
		}
	}
	return out, nil
}

// resolveBrands turns what a shopper ticked and typed into canonical brand names: brands of
// the catalogue, or of tagdrop's brand directory. Blank entries are skipped and repeats folded
// before any lookup (brandEntries); the first name neither knows is a *fieldError.
func (s *Server) resolveBrands(ctx context.Context, names []string) ([]string, error) {
	names, err := brandEntries(names)
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, name := range names {
		canonical := ""
		b, err := s.db.FindBrand(ctx, name)
		switch {
		case err == nil:
			canonical = b.Name
		case errors.Is(err, store.ErrNotFound):
			if c, ok := catalog.DefaultBrands().LookupBrand(name); ok {
				canonical = c
			} else {
				return nil, &fieldError{"brands", fmt.Sprintf("%q is not a brand tagdrop knows. Check the spelling, or pick one from the suggestions.", name)}
			}
		default:
			return nil, err
		}
		if k := catalog.BrandKey(canonical); !seen[k] {
			seen[k] = true
			out = append(out, canonical)
		}
	}
	if len(out) > maxFollowedBrands {
		return nil, &fieldError{"brands", fmt.Sprintf("Follow at most %d brands.", maxFollowedBrands)}
	}
	return out, nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	if s[0] == '"' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
