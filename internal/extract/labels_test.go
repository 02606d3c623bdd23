package extract

import (
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
)

// The lowest price of the last 30 days (EU Omnibus), an instalment ("4x 47,48 €") and a
// multi-buy total ("Buy 3 for $30") are not the price paid, even where they come first.
func TestAmountsNotPaid(t *testing.T) {
	for _, c := range []struct {
		name, block    string
		price, regular int64
	}{
		{"omnibus", `<div><span>Niedrigster Preis der letzten 30 Tage: 159,99 €</span></div><div><del>249,99 €</del> <strong>129,99 €</strong></div>`, 12999, 24999},
		{"omnibus in its own element", `<p>Najniższa cena z 30 dni: <span>199,99 zł</span></p><p><span>149,99 zł</span></p>`, 14999, 0},
		{"instalment", `<p>ou 4x 47,48 € sans frais</p><p><span>189,90 €</span></p>`, 18990, 0},
		{"instalment times sign", `<p>oder 3 × <b>33,33 €</b></p><p><span>99,99 €</span></p>`, 9999, 0},
		{"multi-buy", `<div>Buy 3 for $30</div><div><span>$12.00</span></div>`, 1200, 0},
	} {
		page := `<html><body><h1>Wollmantel</h1>` + c.block + `<p>In stock</p><button>Add to cart</button></body></html>`
		if o := shownOf(t, page); o.Price != c.price || o.RegularPrice != c.regular {
			t.Errorf("%s: offer %d (regular %d), want %d (regular %d)", c.name, o.Price, o.RegularPrice, c.price, c.regular)
		}
	}
	for before, want := range map[string]bool{
		"ou 4x ": true, "Buy 3 for ": true, "2 für ": false, "Prix le plus bas sur 30 jours : ": true,
		"Now ": false, "Size 4 ": false, "Box of 12 ": false,
	} {
		if got := notShopperPrice(before, ""); got != want {
			t.Errorf("notShopperPrice(%q) = %v, want %v", before, got, want)
		}
	}
}

// Regular price labels of Scandinavian, Italian and Spanish shops.
func TestMoreRegularLabels(t *testing.T) {
	for _, block := range []string{
		`<div><span>499 kr</span> <span class="small">Ord. pris 699 kr</span></div>`,
		`<div><span>499 kr.</span> <span class="muted">Førpris 699 kr.</span></div>`,
		`<div><div>Prezzo consigliato: <span>699,00 €</span></div><div><span class="big">499,00 €</span></div></div>`,
		`<div><p>PVP recomendado: <span>699,00 €</span></p><p><span>499,00 €</span></p></div>`,
	} {
		page := `<html><body><h1>Ullkofta</h1>` + block + `<button>Add to cart</button></body></html>`
		if o := shownOf(t, page); o.Price != 49900 || o.RegularPrice != 69900 {
			t.Errorf("%s: offer %d (regular %d), want 49900 (regular 69900)", block, o.Price, o.RegularPrice)
		}
	}
}

// precedingText is the line's text before an element, through inline wrappers, not past a block.
func TestPrecedingText(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{`<p>ou 4x <b><span id="x">47,48 €</span></b></p>`, "ou 4x"},
		{`<div><p>Was</p><span id="x">47,48 €</span></div>`, ""},
		{`<p>Only <i>today</i> <span id="x">1 €</span></p>`, "Only today"},
	} {
		root := firstElement(t, c.html)
		d := newDocument(root)
		n := root
		for _, e := range d.elems {
			if attr(e, "id") == "x" {
				n = e
			}
		}
		if got := precedingText(n); got != c.want {
			t.Errorf("precedingText(%s) = %q, want %q", c.html, got, c.want)
		}
	}
}

// US department-store labels ("Previous Price", "Orig.") and component names
// (data-component="PriceOriginal") mark the regular price.
func TestRegularPriceLabelsAndComponents(t *testing.T) {
	for _, block := range []string{
		`<div><span class="sr-only">Current Price</span> <span>$59.97</span> <span class="sr-only">Previous Price</span> <span class="muted">$99.50</span></div>`,
		`<div class="pricing"><div><span>Sale $59.97</span></div><div><span>Orig. $99.50</span></div></div>`,
		`<div class="box"><p data-component="PriceOriginal">$99.50</p><p data-component="PriceFinal">$59.97</p></div>`,
		`<div class="box"><span data-price-type="oldPrice">$99.50</span><span data-price-type="finalPrice">$59.97</span></div>`,
	} {
		page := `<html><body><h1>Pleated Skirt</h1>` + block + `<button>Add to bag</button></body></html>`
		if o := shownOf(t, page); o.Price != 5997 || o.RegularPrice != 9950 {
			t.Errorf("%s: offer %d (regular %d), want 5997 (regular 9950)", block, o.Price, o.RegularPrice)
		}
	}
}

// A rental or subscription price per month ("from $18/month", "29 € monatlich") comes before the
// price in some layouts; it is not the price paid.
func TestPerMonthIsNotThePrice(t *testing.T) {
	for _, block := range []string{
		`<div><p>Rent it from <span>$18.00</span>/month</p></div><div><span class="price">$240.00</span></div>`,
		`<div><p>Or subscribe: <b>$18.00 a month</b></p></div><div><span class="price">$240.00</span></div>`,
	} {
		page := `<html><body><h1>Evening Gown</h1>` + block + `<button>Add to cart</button></body></html>`
		if o := shownOf(t, page); o.Price != 24000 {
			t.Errorf("%s: price %d, want 24000", block, o.Price)
		}
	}
}

// A price block whose only price is labelled "Regular price" (Shopify's Dawn when no sale is on)
// shows the price paid; a struck price alone does not, and beside a markup price that differs the
// labelled one is not taken.
func TestLoneRegularPrice(t *testing.T) {
	dawn := `<html><body><h1>Everyday Tee</h1><div class="price"><div class="price__regular">
		<span class="visually-hidden">Regular price</span><span class="price-item price-item--regular">$20.00 USD</span></div></div>
		<button type="submit" class="product-form__submit">Add to cart</button></body></html>`
	if o := shownOf(t, dawn); o.Price != 2000 || o.Currency != "USD" {
		t.Errorf("dawn: offer %d %q, want 2000 USD", o.Price, o.Currency)
	}
	withMarkup := strings.Replace(dawn, "<html>", `<html><head><script type="application/ld+json">{"@context":"https://schema.org",
		"@type":"Product","name":"Everyday Tee","offers":{"@type":"Offer","price":"15.00","priceCurrency":"USD"}}</script></head>`, 1)
	if o := shownOf(t, withMarkup); o.Price != 1500 {
		t.Errorf("with markup: price %d, want the markup's 1500", o.Price)
	}
	for _, c := range []struct {
		cluster []priceCand
		want    string
	}{
		{[]priceCand{{amount: "20", role: strongRegular, named: true}, {amount: "20.00", role: strongRegular, named: true}}, "20"},
		{[]priceCand{{amount: "20", role: strongRegular, named: true, struck: true}}, ""},
		{[]priceCand{{amount: "20", role: strongRegular, named: true}, {amount: "25", role: strongRegular, named: true}}, ""},
		{[]priceCand{{amount: "20", role: strongRegular}}, ""},
	} {
		got := ""
		if p := loneRegular(c.cluster, nil); p != nil {
			got = p.amount
		}
		if got != c.want {
			t.Errorf("loneRegular(%+v) = %q, want %q", c.cluster, got, c.want)
		}
	}
}

// A lone price labelled "Was", "RRP", "UVP", "statt" or "before", with no markup, is not the price
// paid: the sale price beside it is missing, not absent. Only "Regular price" or a regular class
// says no sale is on.
func TestLoneWasPriceIsNotPaid(t *testing.T) {
	for _, block := range []string{
		`<p class="price">Was <span>$80.00</span></p>`,
		`<p class="price">RRP <span>$80.00</span></p>`,
		`<p class="price">UVP <span>$80.00</span></p>`,
		`<p class="price">statt <span>$80.00</span></p>`,
		`<p class="price">Before <span>$80.00</span></p>`,
	} {
		page := `<html><body><h1>Everyday Tee</h1>` + block + `<button type="submit">Add to cart</button></body></html>`
		r, err := Page(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Products {
			for _, o := range p.Offers {
				if o.Price == 8000 {
					t.Errorf("%s: price 8000 taken as the price paid", block)
				}
			}
		}
	}
	page := `<html><body><h1>Everyday Tee</h1><p class="price"><span class="price-item--regular">$20.00</span></p></body></html>`
	if o := shownOf(t, page); o.Price != 2000 {
		t.Errorf("regular class: price %d, want 2000", o.Price)
	}
}

// The time words of a 30-day lowest price may also stand right before its label ("30-day lowest
// price"), but not elsewhere in the text ("30-day returns" beside a "Lowest price" badge).
func TestLowestPriceTimeBeforeLabel(t *testing.T) {
	for _, c := range []struct {
		before string
		want   bool
	}{
		{"30-day lowest price: ", true},
		{"30-Tage-Tiefstpreis: ", true},
		{"Lowest price in the last 30 days: ", true},
		{"30 days lowest price ", true},
		{"30-day returns · Lowest price guaranteed ", false},
		{"Lowest price guaranteed ", false},
	} {
		if got := notShopperPrice(c.before, ""); got != c.want {
			t.Errorf("notShopperPrice(%q) = %v, want %v", c.before, got, c.want)
		}
	}
}

// Real prices that only look like a 30-day lowest price, an instalment or a multi-buy total.
func TestRealPricesAreNotDropped(t *testing.T) {
	for _, block := range []string{
		`<p>Lowest price guaranteed <span>$49.00</span></p>`,
		`<p><span class="badge">Lowest price ever</span> <span>$49.00</span></p>`,
		`<p>Size 2X <span>$49.00</span></p>`,
		`<p>1x <span>$49.00</span></p>`,
		`<p><span class="badge">Worth it</span> <span>$49.00</span></p>`,
		`<p><span class="badge">Lowest price guaranteed</span> <span class="note">30-day returns</span> <span>$49.00</span></p>`,
	} {
		page := `<html><body><h1>Linen Dress</h1>` + block + `<button>Add to cart</button></body></html>`
		if o := shownOf(t, page); o.Price != 4900 {
			t.Errorf("%s: price %d, want 4900", block, o.Price)
		}
	}
	for _, block := range []string{`<p>Pack 4 x <span>$9.99</span></p>`, `<p>Box of 10 for <span>$9.99</span></p>`} {
		page := `<html><body><h1>Tea Lights</h1>` + block + `<button>Add to cart</button></body></html>`
		if o := shownOf(t, page); o.Price != 999 {
			t.Errorf("%s: price %d, want 999", block, o.Price)
		}
	}
	for before, want := range map[string]bool{
		"Lowest price guaranteed ": false, "Lowest price ever ": false, "Size 2X ": false, "Pack 4 x ": false, "1x ": false,
		"Box of 10 for ": false, "Lowest price in the last 30 days: ": true, "Niedrigster Preis vor der Preissenkung: ": true,
		"or 4x ": true, "4x ": false, "Pay in 4x ": true, "Buy 3 for ": true, "Kaufe 2 für ": true,
		"Lowest price guaranteed 30-day returns ": false, "Lowest price guaranteed · Free 30-day returns ": false,
		"Niedrigster Preis der letzten 30 Tage: ": true, "Najniższa cena z 30 dni przed obniżką: ": true, "Lowest price (30 days): ": true,
	} {
		if got := notShopperPrice(before, ""); got != want {
			t.Errorf("notShopperPrice(%q) = %v, want %v", before, got, want)
		}
	}
}

// precedingText looks at a bounded number of siblings (precedingSteps): on a page of prices
// each after hundreds of empty inline elements it stops early instead of walking them all.
func TestPrecedingTextIsBounded(t *testing.T) {
	for _, c := range []struct {
		empty int
		want  string
	}{{3, "4x"}, {precedingSteps + 10, ""}} {
		root, err := html.Parse(strings.NewReader(`<p>4x ` + strings.Repeat(`<i></i>`, c.empty) + `<span id="x">$1</span></p>`))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range newDocument(root).elems {
			if attr(e, "id") == "x" {
				if got := precedingText(e); got != c.want {
					t.Errorf("%d empty elements: precedingText = %q, want %q", c.empty, got, c.want)
				}
			}
		}
	}
}

// A "Regular price" in a sale block whose sale price a script draws is not the price paid.
func TestRegularPriceBesideEmptySalePrice(t *testing.T) {
	page := `<html><head><meta property="og:title" content="Linen Dress"></head><body><h1>Linen Dress</h1><div class="price price--on-sale">` +
		`<span class="visually-hidden">Regular price</span><span class="price-item price-item--regular">$80.00</span>` +
		`<span class="visually-hidden">Sale price</span><span class="price-item price-item--sale" data-js-sale></span></div>` +
		`<button type="submit" name="add">Add to cart</button></body></html>`
	noPriceIn(t, page, "page")
}

// Instalments counted "3x de" (Portuguese, Spanish) or in words ("3 parcelas de", "12 cuotas
// de"), and a price for paying by Pix or boleto ("no Pix", "à vista no Pix"), are not the price
// shown: the card price is. "À vista" alone is how pages show their price and stays one, and a
// Pix price is the price of a page that shows no other.
func TestInstalmentsAndPixPrice(t *testing.T) {
	for _, c := range []struct {
		tail, want string
	}{
		{`<p>ou 3x de R$ 63,30 sem juros</p>`, "189.90"},
		{`<p>em até 3x de R$ 63,30</p>`, "189.90"},
		{`<p>3 parcelas de R$ 63,30</p>`, "189.90"},
		{`<p>12 cuotas de R$ 15,83</p>`, "189.90"},
		{`<p><strong>R$ 170,91</strong> no Pix (10% de desconto)</p>`, "189.90"},
		{`<p>R$ 170,91 via Pix</p>`, "189.90"},
		{`<p><strong>R$ 170,91</strong> à vista no Pix</p>`, "189.90"},
		{`<p>R$ 170,91 à vista no boleto</p>`, "189.90"},
	} {
		page := `<html lang="pt-BR"><body><h1>Vestido</h1><span class="price-item price-item--regular">R$ 189,90</span>` + c.tail +
			`<button type="submit" name="add">Adicionar ao carrinho</button></body></html>`
		o := shownOf(t, page)
		if got := catalog.FormatDecimal(o.Price, o.Currency); got != c.want || o.RegularPrice != 0 {
			t.Errorf("%s: price %s regular %d, want %s and none", c.tail, got, o.RegularPrice, c.want)
		}
	}
	page := `<html lang="pt-BR"><body><h1>Vestido</h1><span class="price">R$ 170,91 à vista</span><p>ou R$ 189,90 no cartão</p></body></html>`
	if o := shownOf(t, page); catalog.FormatDecimal(o.Price, o.Currency) != "170.91" {
		t.Errorf("à vista: price %d, want 170.91", o.Price)
	}
}

// A price with a buyer's fee in it ("126,70 zł zawiera Ochronę Kupujących", "incl. Buyer
// Protection") is neither the price nor a regular one.
func TestBuyerFeeIsNotAPrice(t *testing.T) {
	for _, note := range []string{"zawiera Ochronę Kupujących", "incl. Buyer Protection", "inkl. Käuferschutz"} {
		page := `<html lang="pl"><head><meta property="og:title" content="Płaszcz"></head><body><main><h1>Płaszcz</h1>` +
			`<div class="details-list__item"><p class="web_ui__Text__heading">120,00 zł</p></div>` +
			`<div class="details-list__item"><button class="web_ui__Cell__navigating"><span>126,70 zł</span> <span>` + note + `</span></button></div>` +
			`<button class="web_ui__Button__primary">Kup teraz</button></main></body></html>`
		o := shownOf(t, page)
		if o.Price != 12000 || o.RegularPrice != 0 {
			t.Errorf("%s: price %d regular %d, want 12000 and none", note, o.Price, o.RegularPrice)
		}
	}
	if feeNoted(nil, nil) {
		t.Error("feeNoted(nil, nil)")
	}
}

// A page whose only price is one for paying by Pix, or one with a buyer's fee in it, still has
// that price.
func TestOnlyPriceIsKept(t *testing.T) {
	for _, c := range []struct {
		body, want string
	}{
		{`<h1>Vestido</h1><p class="price-pix"><span class="price">R$ 170,91</span> no Pix</p><button class="btn-buy">Comprar</button>`, "170.91"},
		{`<h1>Płaszcz</h1><div class="details-list__item"><span class="price">126,70 zł</span> <span>zawiera Ochronę Kupujących</span></div>`, "126.70"},
	} {
		o := shownOf(t, `<html><body>`+c.body+`</body></html>`)
		if got := catalog.FormatDecimal(o.Price, o.Currency); got != c.want {
			t.Errorf("%s: price %s, want %s", c.body, got, c.want)
		}
	}
}

// Only inclusion wording right before a buyer's fee makes a price the price with the fee: "+
// Buyer Protection fee", "Buyer Protection fee applies", "excl. Buyer Protection" and "Sicher
// bezahlen mit Käuferschutz" beside the only price leave it the price.
func TestBuyerFeeNotIncluded(t *testing.T) {
	for _, c := range []struct {
		body, want string
	}{
		{`<h1 class="lot-title">Omega Seamaster 1965</h1><div class="bid-amount"><span class="amount">€ 1,250</span> <span class="fee-note">+ Buyer Protection fee</span></div><button class="btn btn-primary">Buy now</button>`, "1250.00"},
		{`<h1 class="title">Wool coat</h1><div class="details-list__item"><div class="details-list__item-value" itemprop="price">€45.00</div><div class="details-list__item-note">Buyer Protection fee applies</div></div>`, "45.00"},
		{`<h1 class="title">Wool coat</h1><div class="item"><span class="price">€45.00</span> <span>excl. Buyer Protection</span></div>`, "45.00"},
		{`<h1 id="viewad-title">Winterjacke Gr. M</h1><div><h2 id="viewad-price" class="boxedarticle--price">45 € VB</h2><p class="text-light">Sicher bezahlen mit Käuferschutz</p></div><button class="button-primary">Direkt kaufen</button>`, "45.00"},
	} {
		o := shownOf(t, `<html><body>`+c.body+`</body></html>`)
		if got := catalog.FormatDecimal(o.Price, o.Currency); got != c.want {
			t.Errorf("%s: price %s, want %s", c.body, got, c.want)
		}
	}
	for text, want := range map[string]bool{
		"126,70 zł zawiera Ochronę Kupujących": true, "€ 46.50 incl. Buyer Protection": true, "49,95 € inkl. Käuferschutz": true,
		"€ 46.50 includes the Buyer Protection fee": true, "€ 1,250 + Buyer Protection fee": false,
		"€45.00 Buyer Protection fee applies": false, "€45.00 excl. Buyer Protection": false,
	} {
		if got := feeIncluded.MatchString(strings.ToLower(text)); got != want {
			t.Errorf("feeIncluded(%q) = %v, want %v", text, got, want)
		}
	}
}
