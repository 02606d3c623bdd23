package web

import "github.com/tagdrop/tagdrop/internal/catalog"

// categoryTrail is the category of id and its ancestors, root first ("Apparel & Accessories",
// "Shoes", "Boots"), for the product page to link each to its category page; nil when id is not
// in cats. A broken tree (a parent missing, or a loop) ends the trail where it breaks.
func categoryTrail(cats []catalog.Category, id int64) []catalog.Category {
	byID := make(map[int64]catalog.Category, len(cats))
	for _, c := range cats {
		byID[c.ID] = c
	}
	var trail []catalog.Category
	for seen := map[int64]bool{}; id != 0 && !seen[id]; {
		c, ok := byID[id]
		if !ok {
			break
		}
		seen[id] = true
		trail = append(trail, c)
		id = c.ParentID
	}
	for i, j := 0, len(trail)-1; i < j; i, j = i+1, j-1 {
		trail[i], trail[j] = trail[j], trail[i]
	}
	return trail
}
