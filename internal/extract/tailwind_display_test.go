package extract

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Tailwind's "hidden md:block" hides an element on small screens only: a buy button in it is
// shown on wider ones and says what it says ("Sold out").
func TestTailwindResponsiveButton(t *testing.T) {
	for _, c := range []struct {
		button string
		want   catalog.Availability
	}{
		{`<div class="hidden md:block"><button type="submit" disabled class="w-full bg-neutral-300 py-3">Sold out</button></div>`, catalog.OutOfStock},
		{`<button type="submit" disabled class="hidden lg:flex w-full py-3">Sold out</button>`, catalog.OutOfStock},
		{`<div class="hidden md:block"><button type="submit" class="w-full bg-black py-3 text-white">Add to bag</button></div>`, catalog.InStock},
	} {
		page := `<html><head><title>Ripstop Cargo Pant | Forma</title></head><body><main><h1 class="text-2xl font-semibold">Ripstop Cargo Pant</h1><div class="mt-2 text-lg"><span>$128.00</span></div>` + c.button + `</main></body></html>`
		if got := shownOf(t, page).Availability; got != c.want {
			t.Errorf("%s: availability %s, want %s", c.button, got, c.want)
		}
	}
}
