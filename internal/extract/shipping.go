package extract

import (
	"strings"
	"unicode"
)

// shippingWords name delivery and its cost, in the languages shops write: a price after one of
// them is a shipping fee ("Shipping $5.99", "Versand: 4,95 €") or a free-delivery threshold
// ("Gratis verzending vanaf 25,-", "Darmowa dostawa od 99 zł", "Бесплатная доставка от 2 500 ₽"),
// never the product's price. Nouns only, matched as whole words (inside a word in scripts
// written without spaces): the prepositions beside them ("vanaf", "od", "от") also open a real
// price ("From $20"). Words that already say "free" ("fraktfritt", "送料無料") are freeWords.
var shippingWords = []string{"shipping", "delivery", "postage", "p&p", "versand", "versandkosten", "lieferung", "zustellung",
	"livraison", "frais de port", "envío", "envio", "envíos", "envios", "despacho", "spedizione", "spedizioni", "consegna",
	"verzending", "verzendkosten", "bezorging", "levering", "leverans", "frakt", "fragt", "porto",
	"frete", "entrega", "portes", "dostawa", "dostawy", "wysyłka", "przesyłka", "kargo", "teslimat", "доставка", "доставки",
	"doprava", "doručení", "toimitus", "toimituskulut", "szállítás", "livrare", "送料", "配送料", "배송", "배송비", "運費", "运费",
	"شحن", "الشحن", "التوصيل", "משלוח", "משלוחים"}

// ambiguousShipping are shippingWords that also name other things ("deux portes", "Mesa de
// despacho", "Kargo Pantolon", "شحن سريع" fast charging, "Vinho do Porto"): read only in the
// price's own element, never in a label beside it.
var ambiguousShipping = []string{"portes", "porto", "despacho", "kargo", "شحن", "entrega", "consegna", "levering", "toimitus", "teslimat", "livrare", "lieferung", "zustellung"}

// siblingShipping are the shippingWords a label beside a price is read for.
var siblingShipping = withoutWords(shippingWords, ambiguousShipping...)

// freeWords say that shipping costs nothing or is already in the price: "livraison offerte",
// "envío gratis", "Versand kostenlos", "fraktfritt", "送料無料".
var freeWords = []string{"free", "included", "incl", "gratis", "grátis", "gratuit", "gratuite", "gratuito", "gratuita", "offert", "offerte", "kostenlos", "inklusive",
	"fri", "fritt", "kostenfrei", "bezpłatna", "bezpłatny", "bezpłatnie", "inbegrepen", "incluido", "incluída", "incluso", "inclusa", "ingår", "inkluderet", "inkludert", "darmowa", "darmowy", "bedava", "ücretsiz", "бесплатно", "бесплатная",
	"zdarma", "ilmainen", "ingyenes", "gratuită", "fraktfritt", "fraktfri", "fragtfri", "versandkostenfrei", "portofrei", "portofri", "無料", "무료", "免运费", "包邮", "免運費",
	"مجاني", "مجانا", "חינם"}

// thresholdWords put a free-delivery promise's threshold before its amount ("Free shipping
// over $50", "Frete grátis acima de R$ 199"); thresholdAfter after it ("Kargo bedava 150 TL ve
// üzeri"). A free-shipping badge without them leaves the price beside it the product's.
var (
	thresholdWords = []string{"over", "above", "from", "orders", "order", "spend", "ab", "über", "bestellwert", "dès", "des", "à partir de", "a partir de", "desde",
		"sopra", "oltre", "da", "vanaf", "boven", "od", "powyżej", "от", "свыше", "över", "fra", "yli", "felett", "acima", "nad", "peste", "min", "commande",
		"pedidos", "ordini", "bestellingen", "zamówień", "заказ", "sipariş", "以上", "이상"}
	thresholdAfter = []string{"and above", "and over", "or more", "und mehr", "et plus", "e oltre", "o más", "i więcej", "и выше", "eller mer", "eller mere",
		"ou mais", "en meer", "ve üzeri", "ve üstü", "以上", "이상"}
)

// shippingPrice reports a price that is a shipping fee or threshold, read from its element's
// text before it (own), the short label before the element (sibling) and the element's text
// after it (after), all lower case:
//   - a shipping word in the last words of own, or an unambiguous one in a label of at most
//     three words, makes it a fee, unless free words say it is a badge ("Frete grátis R$ 399,99"); free words with a
//     threshold word still make it a threshold;
//   - a shipping word right after it ("$5.99 shipping", "+ 4,95 € Versand") makes it a fee,
//     unless free words follow ("59,95 € livraison offerte") or it labels what comes next
//     ("Price $59.95 Delivery: Tuesday").
//
// A product title is never read for it: "Buffet bas deux portes", "Erkek Kargo Pantolon".
func shippingPrice(own, sibling, after string) bool {
	ws := strings.Fields(own)
	ws = ws[max(0, len(ws)-6):]
	if shippingFee(ws, after) {
		return true
	}
	if sw := strings.Fields(sibling); len(sw) <= 3 && anyWordIn(sw, siblingShipping) && shippingFee(sw, after) {
		return true
	}
	aw := strings.Fields(strings.TrimLeft(after, " +:-–·|,"))
	if len(aw) == 0 || !wordIn(aw[0], shippingWords) || strings.HasSuffix(aw[0], ":") || len(aw) > 1 && strings.HasPrefix(aw[1], ":") {
		return false
	}
	return !anyWordIn(aw[:min(len(aw), 4)], freeWords)
}

// shippingFee reports the words before a price naming shipping as its cost or threshold (see
// shippingPrice).
func shippingFee(ws []string, after string) bool {
	if !anyWordIn(ws, shippingWords) {
		return false
	}
	if !anyWordIn(ws, freeWords) {
		return true
	}
	return anyWordIn(ws, thresholdWords) || containsPhrase(strings.Join(strings.Fields(after), " "), thresholdAfter)
}

// anyWordIn reports one of ws, or two or three of them in a row, in list (wordIn).
func anyWordIn(ws []string, list []string) bool {
	for i := range ws {
		if wordIn(ws[i], list) ||
			i+1 < len(ws) && containsPhrase(ws[i]+" "+ws[i+1], list) ||
			i+2 < len(ws) && containsPhrase(ws[i]+" "+ws[i+1]+" "+ws[i+2], list) {
			return true
		}
	}
	return false
}

// wordIn reports a word, its punctuation trimmed, in list; in scripts written without spaces
// (Chinese, Japanese, Korean) an entry inside it counts too: "送料" in "送料:500円".
func wordIn(w string, list []string) bool {
	w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) && r != '&' })
	if w == "" {
		return false
	}
	for _, e := range list {
		if w == e || unspaced(e) && strings.Contains(w, e) {
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
