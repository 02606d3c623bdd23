package extract

import (
	"strings"
	"unicode"
)

// Shipping beside a price. Four shapes make an amount a shipping fee or a free-delivery
// threshold rather than the product's price; anything else about shipping beside a price
// ("inkl. MwSt. zzgl. Versand", "+ free shipping", "Lieferung morgen", "送料込", a "Fast
// delivery" or "Free delivery" badge) leaves it the price. The text before the amount is read
// from the last "·", "|" or "," on ("Darmowa dostawa, od 129 zł" is a badge and a from-price).
//   - shippingLabels in the text before it or in the label beside it, unless free words without
//     a threshold make them a badge: "Shipping: $5.99", "Versand mit DHL innerhalb Deutschlands
//     4,95 €", "Free shipping over $50";
//   - in the text before it, a shipping word with free words and a threshold word: a promise
//     of free delivery from an amount on ("Gratis verzending vanaf 25,-", "Darmowa dostawa od
//     99 zł", "Бесплатная доставка от 2 500 ₽", "Kargo bedava 150 TL ve üzeri"), or a shipping
//     word labelling it with a colon ("Frais de port : 4,90 €") unless the label names the price
//     ("Pris exkl. frakt:", "Preis (zzgl. Lieferung):") or says it includes it ("Inkl. frakt:");
//   - after it, nothing but fee words ("$5.99 shipping", "+ 4,95 € Versandkosten"), or a
//     free-delivery promise it is the threshold of ("$35+ qualifies for free shipping", "60 €
//     d'achat = livraison offerte"); "R$ 299,99 + frete" (shipping extra) leaves it the price;
//   - between a spend mark and a free-delivery word in Chinese: "滿 NT$1,500 免運" (chineseFreeDelivery).

// shippingLabels are the words a price's label is dropped for wherever they stand in it
// (unless it is a free-delivery badge: see above).
var shippingLabels = []string{"shipping", "delivery", "versand", "livraison", "envío", "배송비"}

// shippingWords name delivery and its cost, in the languages shops write. Nouns only, matched
// as whole words (inside a word in scripts written without spaces, before the price only): the
// prepositions beside them ("vanaf", "od", "от") also open a real price ("From $20").
var shippingWords = []string{"shipping", "delivery", "postage", "p&p", "versand", "versandkosten", "lieferung", "zustellung",
	"livraison", "frais de port", "envío", "envio", "envíos", "envios", "despacho", "spedizione", "spedizioni", "consegna",
	"verzending", "verzendkosten", "bezorging", "levering", "leverans", "frakt", "fragt", "porto",
	"frete", "entrega", "portes", "dostawa", "dostawy", "wysyłka", "przesyłka", "kargo", "teslimat", "доставка", "доставки",
	"doprava", "doručení", "toimitus", "toimituskulut", "szállítás", "livrare", "送料", "配送料", "배송", "배송비", "運費", "运费",
	"شحن", "الشحن", "التوصيل", "משלוח", "משלוחים"}

// feeWords may follow a shipping fee's amount besides shippingWords: "$5.99 shipping & handling".
var feeWords = []string{"&", "and", "+", "fee", "fees", "cost", "costs", "charge", "handling", "und", "et", "y", "e", "kosten", "frais", "gebühr"}

// freeWords say that shipping costs nothing or is already in the price: "livraison offerte",
// "envío gratis", "Versand kostenlos", "fraktfritt", "送料無料", "Pris inkl. frakt".
var freeWords = []string{"free", "included", "incl", "inkl", "gratis", "grátis", "gratuit", "gratuite", "gratuito", "gratuita", "offert", "offerte", "kostenlos", "inklusive",
	"fri", "fritt", "kostenfrei", "bezpłatna", "bezpłatny", "bezpłatnie", "inbegrepen", "incluido", "incluída", "incluso", "inclusa", "ingår", "inkluderet", "inkludert",
	"darmowa", "darmowy", "bedava", "ücretsiz", "бесплатно", "бесплатная", "zdarma", "ilmainen", "ingyenes", "gratuită", "fraktfritt", "fraktfri", "fragtfri",
	"versandkostenfrei", "portofrei", "portofri", "無料", "무료", "免运费", "包邮", "免運費", "مجاني", "مجانا", "חינם"}

// labelPriceWords name the price itself in a label that also speaks of shipping: "Pris exkl.
// frakt:", "Preis (zzgl. Lieferung):", "本体価格(送料別):", "판매가(배송비 별도):". Such a label is
// the price's, whatever it says of shipping.
var labelPriceWords = []string{"price", "prices", "preis", "prix", "precio", "prezzo", "prijs", "pris", "cena", "preço", "preco", "fiyat",
	"fiyatı", "ár", "hinta", "цена", "價格", "价格", "価格", "판매가", "가격", "السعر", "מחיר"}

// qualifyWords follow an amount that is a free-delivery threshold: "Orders $35+ qualify
// for free shipping", "$49 minimum for free shipping", "60 € d'achat = livraison offerte",
// "50 € Mindestbestellwert für kostenlose Lieferung".
var qualifyWords = []string{"qualify", "qualifies", "minimum", "min", "order", "orders", "spend", "achat", "d'achat", "d’achat",
	"bestellwert", "mindestbestellwert", "einkaufswert", "bestelling", "bestellingen", "compra", "compras", "acquisto", "zamówienia", "заказе"}

// thresholdWords put a free-delivery promise's threshold before its amount ("Free shipping
// over $50", "Frete grátis acima de R$ 199"); thresholdTails after it ("… 150 TL ve üzeri").
var (
	thresholdWords = []string{"over", "above", "from", "orders", "order", "spend", "ab", "über", "bestellwert", "dès", "à partir de", "a partir de", "desde",
		"sopra", "oltre", "vanaf", "boven", "od", "powyżej", "от", "свыше", "över", "fra", "yli", "felett", "acima", "nad", "peste", "min", "commande",
		"pedidos", "ordini", "bestellingen", "zamówień", "заказ", "sipariş", "以上", "이상"}
	thresholdTails = []string{"and above", "and over", "or more", "und mehr", "et plus", "e oltre", "o más", "i więcej", "и выше", "eller mer", "eller mere",
		"ou mais", "en meer", "ve üzeri", "ve üstü", "以上", "이상"}
)

// shippingPrice reports an amount that is a shipping fee or threshold (see above), from its
// element's text before it (own), the short label beside the element (sibling) and the
// element's text after it (after), all lower case.
func shippingPrice(own, sibling, after string) bool {
	if chineseFreeDelivery(own, after) {
		return true // "滿 NT$1,500 免運"
	}
	// A "·", "|" or "," between a promise and the amount starts another statement: "Doprava
	// zdarma · od 1 190 Kč", "Darmowa dostawa, od 129 zł" are a badge and a from-price.
	if i := strings.LastIndexAny(own, "·|,"); i >= 0 {
		own = own[i+1:]
	}
	ws := strings.Fields(own)
	ws = ws[max(0, len(ws)-6):]
	tail := containsPhrase(strings.Join(strings.Fields(after), " "), thresholdTails) // "… 150 TL ve üzeri"
	threshold := func(ws []string) bool { return tail || anyWordIn(ws, thresholdWords, true) }
	// The old labels: a fee or threshold, unless free words without a threshold make them a
	// badge ("Free delivery" just before the price).
	for _, label := range []string{own, sibling} {
		if lw := strings.Fields(label); containsPhrase(label, shippingLabels) && (!anyWordIn(lw, freeWords, true) || threshold(lw)) {
			return true
		}
	}
	if anyWordIn(ws, shippingWords, true) {
		free := anyWordIn(ws, freeWords, true)
		if free && threshold(ws) {
			return true
		}
		if !free && strings.HasSuffix(strings.TrimSpace(own), ":") && !anyWordIn(ws, labelPriceWords, true) {
			return true
		}
	}
	aw := strings.Fields(strings.TrimLeft(after, " :-–·|,"))
	if tw := aw[:min(len(aw), 8)]; anyWordIn(tw, shippingWords, false) && anyWordIn(tw, freeWords, false) &&
		(strings.HasPrefix(after, "+") || anyWordIn(tw, qualifyWords, false)) {
		return true // "$35+ qualifies for free shipping"
	}
	if len(aw) == 0 || !wordIn(aw[0], shippingWords, false) {
		return false
	}
	for _, w := range aw[1:] {
		if !wordIn(w, shippingWords, false) && !wordIn(w, feeWords, false) {
			return false
		}
	}
	return true
}

// anyWordIn reports one of ws, or two or three of them in a row ("frais de port", "à partir
// de"), in list as whole words (wordIn): "от" is not found in "работаем".
func anyWordIn(ws []string, list []string, inside bool) bool {
	for i := range ws {
		if wordIn(ws[i], list, inside) ||
			i+1 < len(ws) && wordIn(ws[i]+" "+ws[i+1], list, false) ||
			i+2 < len(ws) && wordIn(ws[i]+" "+ws[i+1]+" "+ws[i+2], list, false) {
			return true
		}
	}
	return false
}

// wordIn reports a word, its punctuation trimmed, in list; with inside, in scripts written
// without spaces (Chinese, Japanese, Korean) an entry inside it counts too: "送料" in "送料:".
func wordIn(w string, list []string, inside bool) bool {
	if t := strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }); t != "" {
		w = t
	}
	for _, e := range list {
		if w == e || inside && unspaced(e) && strings.Contains(w, e) {
			return true
		}
	}
	return false
}

// unspaced reports a word of a script written without spaces between words.
func unspaced(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// freeThresholdAfterShipping reports an amount labelled as a free-delivery threshold ("free
// over", "gratis ab") in a sentence that named delivery before it, past a fee or a comma:
// "Standard delivery $9.95, free over $150" (label ", free over", before the whole sentence up
// to the amount).
func freeThresholdAfterShipping(label, before string) bool {
	// The free words must be in the amount's own statement: "Darmowa dostawa, od 129 zł" is a
	// badge and a from-price (shippingPrice).
	if i := strings.LastIndexAny(label, "·|,"); i >= 0 {
		label = label[i+1:]
	}
	ws := strings.Fields(strings.ToLower(label))
	return anyWordIn(ws, freeWords, true) && anyWordIn(ws, thresholdWords, true) && containsPhrase(strings.ToLower(before), shippingWords)
}
