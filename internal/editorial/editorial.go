// Package editorial holds curated collections: an editor's Markdown story tied to live products.
package editorial

import "time"

// Status is where a collection is in its life.
type Status string

// The collection states.
const (
	Draft     Status = "draft"
	Scheduled Status = "scheduled"
	Published Status = "published"
)

// Collection is an editor's list of products with a story.
type Collection struct {
	ID         int64
	Slug       string
	Title      string
	CoverImage string
	IntroMD    string // Markdown
	Status     Status
	PublishAt  time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
	Items      []Item
}

// Item is one product in a collection with the editor's blurb. When writing, ProductKey names
// the product (catalog.ProductKey); when reading, ProductID is filled too.
type Item struct {
	ProductID  int64
	ProductKey string
	Blurb      string
}

// Visible reports whether readers may see the collection at time now.
func (c Collection) Visible(now time.Time) bool {
	switch c.Status {
	case Published:
		return true
	case Scheduled:
		return !c.PublishAt.IsZero() && !now.Before(c.PublishAt)
	}
	return false
}
