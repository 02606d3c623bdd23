package extract

import "strings"

// shippingWords name delivery and its cost, in the languages shops write: a price after one of
// them is a shipping fee or a free-delivery threshold ("Gratis verzending vanaf 25,-",
// "Spedizione gratuita sopra 250 €", "Darmowa dostawa od 99 zł", "Fri frakt över 499 kr",
// "Бесплатная доставка от 2 500 ₽"), never the product's price. Nouns only: the prepositions
// beside them ("vanaf", "od", "от") also open a real price ("From $20").
var shippingWords = []string{"shipping", "delivery", "postage", "p&p", "versand", "versandkosten", "versandkostenfrei", "lieferung", "zustellung",
	"livraison", "frais de port", "envío", "envio", "envíos", "envios", "despacho", "spedizione", "spedizioni", "consegna",
	"verzending", "verzendkosten", "bezorging", "levering", "leverans", "frakt", "fraktfritt", "fragt", "fragtfri", "porto",
	"frete", "entrega", "portes", "dostawa", "dostawy", "wysyłka", "przesyłka", "kargo", "teslimat", "доставка", "доставки",
	"doprava", "doručení", "toimitus", "toimituskulut", "szállítás", "livrare", "送料", "配送料", "배송", "배송비", "運費", "运费",
	"شحن", "الشحن", "التوصيل", "משלוח"}

// shippingPrice reports a price that is a shipping fee or threshold: a shipping word in the
// text before it (lower case), or one right after it ("$5.99 shipping", "+ 4,95 € Versand")
// unless free words follow it ("59,95 € livraison offerte") or it labels what comes next
// ("Price $59.95 Delivery: Tuesday").
// A note after the price about its shipping ("59,95 € inkl. MwSt. zzgl. Versand", "$59.95 +
// free shipping") leaves it the product's price.
func shippingPrice(before, after string) bool {
	if containsPhrase(before, shippingWords) {
		return true
	}
	words := strings.Fields(strings.TrimLeft(strings.ToLower(collapse(after)), " +:-–·|,"))
	if len(words) == 0 || strings.HasSuffix(words[0], ":") || !containsPhrase(words[0], shippingWords) {
		return false
	}
	return !containsPhrase(strings.Join(words[1:min(len(words), 4)], " "), freeWords)
}

// freeWords say that shipping costs nothing or is already in the price: "livraison offerte",
// "envío gratis", "Versand kostenlos", "shipping included".
var freeWords = []string{"free", "included", "incl", "gratis", "grátis", "gratuit", "gratuite", "gratuito", "gratuita", "offert", "offerte", "kostenlos", "inklusive",
	"inbegrepen", "incluido", "incluída", "incluso", "inclusa", "ingår", "inkluderet", "inkludert", "darmowa", "darmowy", "gratisowa", "bedava", "ücretsiz", "бесплатно", "бесплатная", "zdarma", "ilmainen", "無料"}
