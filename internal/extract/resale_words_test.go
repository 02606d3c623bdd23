package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Stock words and buy buttons found missing by a probe of 30 pages (resale listings, Hebrew,
// Arabic, Hungarian, Swedish, Norwegian, Italian, Polish): each read as a stock message or as
// the buy button of a page whose markup says nothing of stock.
func TestMoreStockWordsAndButtons(t *testing.T) {
	page := func(body string) string {
		return `<html><body><h1>Mini bag</h1><p class="price">€99,00</p>` + body + `</body></html>`
	}
	for _, c := range []struct {
		body string
		want catalog.Availability
	}{
		{`<p class="availability">Slut i lager</p>`, catalog.OutOfStock},
		{`<p class="availability">نفذت الكمية</p>`, catalog.OutOfStock},
		{`<p class="availability">אזל מהמלאי</p>`, catalog.OutOfStock},
		{`<p class="availability">במלאי</p>`, catalog.InStock},
		{`<p class="availability">אין במלאי</p>`, catalog.OutOfStock},
		{`<p class="availability">חסר במלאי</p>`, catalog.OutOfStock},
		{`<p class="availability">המוצר לא נמצא במלאי כרגע</p>`, catalog.OutOfStock},
		{`<p class="availability">במלאי בקרוב</p>`, catalog.Preorder},
		// Home delivery not available, in store in stock: it cannot be bought online.
		{`<div class="availability">Házhozszállítás: nem elérhető. Üzletben: raktáron</div>`, catalog.OutOfStock},
		// A size's message, a shop's count, an orderable item (a fourth review's cases).
		{`<div class="stock">Slut i lager i din storlek</div><button>Lägg i varukorg</button>`, catalog.InStock},
		{`<div class="availability">Solo 2 en tienda</div>`, catalog.Unknown},
		{`<div class="availability">Ancora 3 pezzi nel negozio di Milano</div>`, catalog.Unknown},
		{`<p class="stock">Jelenleg nincs készleten, de rendelhető</p>`, catalog.Preorder},
		{`<div class="sku-notify"><span>Preto - 38</span><button>Avise-me</button></div>`, catalog.OutOfStock},
		{`<div class="listing-meta"><span class="badge" role="status">Sold</span></div><button class="btn buy-now">Purchase</button>`, catalog.OutOfStock},
		{`<p class="availability">המוצר אינו במלאי כרגע</p>`, catalog.OutOfStock},
		{`<p class="availability">Tilgjengelig i butikk</p><button disabled>Utsolgt på nett</button>`, catalog.OutOfStock},
		{`<p class="availability">Ikke tilgjengelig</p>`, catalog.OutOfStock},
		{`<p class="availability">Solo 2 disponibili</p>`, catalog.InStock},
		{`<p class="availability">Ostatnie sztuki</p>`, catalog.InStock},
		{`<p class="stock">Sold by Mini Bags Ltd</p>`, catalog.Unknown},
		{`<div class="sold-count"><span>Sold</span> <span>1,284</span></div>`, catalog.Unknown},
		{`<p class="stock-info">Cet article est vendu par lot de 2</p><button>Ajouter au panier</button>`, catalog.InStock},
		{`<div class="availability-store">Személyes átvétel: nem elérhető</div><button>Kosárba</button>`, catalog.InStock},
		{`<div class="stock-pickup">איסוף עצמי: לא זמין</div><button>הוספה לסל</button>`, catalog.InStock},
		{`<div class="stock-msg">المقاس 42 نفدت</div><button>أضف إلى السلة</button>`, catalog.InStock},
		{`<button class="Button Button_primary">Purchase</button>`, catalog.InStock},
		{`<button type="submit" name="add" disabled>Sold out</button><button type="button" class="seel-wfp-button">Worry-Free Purchase</button>`, catalog.OutOfStock},
		{`<div class="deal-stock"><span class="stock-sold">Already Sold: <strong>18</strong></span><span class="stock-available">Available: <strong>72</strong></span></div><button>Add to cart</button>`, catalog.InStock},
		{`<div class="product-sold-count">Ce produit a été vendu 127 fois ces dernières 24 heures</div><button type="submit">Ajouter au panier</button>`, catalog.InStock},
		{`<button type="button" class="button product__add">Lägg i varukorg</button>`, catalog.InStock},
		{`<button class="add-to-cart_1H2s">הוספה לסל</button>`, catalog.InStock},
		{`<button>Kosárba</button>`, catalog.InStock},
		{`<button>Értesítést kérek</button>`, catalog.OutOfStock},
	} {
		r, err := Page(strings.NewReader(page(c.body)), "https://shop.example/p/1")
		if err != nil || len(r.Products) != 1 || len(r.Products[0].Offers) != 1 {
			t.Fatalf("%s: Page = %+v, %v", c.body, r, err)
		}
		if got := r.Products[0].Offers[0].Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.body, got, c.want)
		}
	}
}

// A sold-out status the markup contradicts wins when it is the product's own: a heading and a
// sentence without a colon between them, or a resale listing's "Sold" badge that is the page's
// live status; and only while no buy control follows.
func TestOwnSoldOutShapes(t *testing.T) {
	stale := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Mini bag",
"offers":{"@type":"Offer","price":"89.00","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script>`
	for _, c := range []struct {
		body string
		want catalog.Availability
	}{
		{`<div class="product-soldout"><p>Sold out</p><p>This product is currently not available.</p></div>`, catalog.OutOfStock},
		{`<div class="ProductCard__soldOut"><p>Elfogyott</p><p>A termék jelenleg nem elérhető.</p></div>`, catalog.OutOfStock},
		{`<div class="styles__SoldBadge" role="status">Sold</div><p>This item has sold.</p>`, catalog.OutOfStock},
		{`<div class="styles__SoldBadge">Sold</div>`, catalog.InStock}, // a badge kept in every page
		{`<div class="info-box d-none"><strong>Ausverkauft</strong><p>Dieser Artikel ist leider nicht mehr verfügbar.</p></div><button>In den Warenkorb</button>`, catalog.InStock},
		{`<div class="product-soldout"><p>Sold out</p><p>This product is currently not available.</p></div><button>Add to cart</button>`, catalog.InStock},
	} {
		page := `<html><head>` + stale + `</head><body><h1>Mini bag</h1><p class="price">$89.00</p>` + c.body + `</body></html>`
		if got := shownOf(t, page).Availability; got != c.want {
			t.Errorf("%s: availability %q, want %q", c.body, got, c.want)
		}
	}
}

// A regular price named plainly (struck, or a "preReduction" class) beats one only hinted at
// ("Est. Retail" on a reseller's page).
func TestStrongRegularBeatsWeak(t *testing.T) {
	o := shownOf(t, `<html><body><h1>Mini bag</h1><div class="pdp-price"><div class="pdp-price__estimated-retail">Est. Retail <span>$3,200.00</span></div>
<s class="pdp-price__original-price">$1,495.00</s> <span class="pdp-price__price--final">$1,195.00</span></div></body></html>`)
	if o.Price != 119500 || o.RegularPrice != 149500 {
		t.Errorf("price %d, regular %d; want 119500, 149500", o.Price, o.RegularPrice)
	}
	o = shownOf(t, `<html><body><h1>Mini bag</h1><div class="ProductPrice"><span class="ProductPrice_sellingPrice">SAR 251.30</span>
<span class="ProductPrice_preReductionPrice">SAR 359.00</span></div></body></html>`)
	if o.Price != 25130 || o.RegularPrice != 35900 {
		t.Errorf("price %d, regular %d; want 25130, 35900", o.Price, o.RegularPrice)
	}
}

// Words that make a notify-me button about something else match at the start of words: a stem
// goes on, a short word must end ("new" is not in "renew" or "news").
func TestNotifyOtherWordsAtWordStart(t *testing.T) {
	for _, c := range []struct {
		s, w string
		want bool
	}{
		{"powiadom mnie o obniżce ceny", "obniż", true},
		{"nouvelle collection", "collection", true},
		{"renew your wardrobe", "new", false},
		{"latest news", "new", false},
		{"new in", "new", true},
		{"an ideal gift", "deal", false},
		{"deal of the day", "deal", true},
	} {
		if got := wordStart(c.s, c.w); got != c.want {
			t.Errorf("wordStart(%q, %q) = %v, want %v", c.s, c.w, got, c.want)
		}
	}
}
