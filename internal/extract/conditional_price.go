package extract

import (
	"regexp"

	"golang.org/x/net/html"
)

// Amounts beside the price that only some shoppers pay, or that add something to it, told by
// the words right after them: a price for paying with the shop's card or wallet ("2 331 ₽ с
// Ozon Картой", "£2.50 Clubcard Price", "$44 with Club Card") and the price with delivery added
// ("1 318,99 zł z dostawą", "€54.90 with delivery"). Like a Pix price (methodPriceAfter) they
// are held: the page's price only when it shows no other.

// cardPriceAfter starts the text right after a price for paying with a card, a wallet or a
// club card: "с Ozon Картой", "c WB Кошельком", "with Target Circle Card", "mit Payback Karte",
// "Clubcard Price". "без Ozon Карты" (without the card) is the price everyone pays.
var cardPriceAfter = regexp.MustCompile(`(?i)^\s*(?:(?:с|c|with|avec|mit|con|com|z)\s+(?:[\p{L}\d&'’.-]+\s+){0,3}?(?:картой|кошельком|card|karte|carte|tarjeta|cartão|kartą|kaart|wallet)` +
	`|club\s?card\s+price)(?:$|[^\p{L}])`)

// withDeliveryAfter starts the text right after a price with delivery added: "z dostawą",
// "with delivery", "with shipping", "mit Versand", "avec livraison", "con envío", "com frete",
// "с доставкой", "s dopravou". "incl. shipping" is left alone: shops that include delivery in
// their price say so beside the one price they show.
var withDeliveryAfter = regexp.MustCompile(`(?i)^\s*(?:z|with|mit|avec|con|com|с|s)\s+(?:dostawą|delivery|shipping|postage|versand|lieferung|livraison|envío|envio|frete|entrega|доставкой|dopravou)(?:$|[^\p{L}])`)

// freeDeliveryAfter is the word that makes a with-delivery note say delivery is free: "con envío
// gratis", "com frete grátis", "avec livraison gratuite", "mit Versand kostenlos". The price
// beside it is the price, with nothing added.
var freeDeliveryAfter = regexp.MustCompile(`(?i)^\s*(?:gratis|grátis|gratuit|gratuite|gratuito|gratuita|free|kostenlos|kostenfrei|darmową|darmowa|бесплатно|бесплатной|zdarma|zadarmo)(?:$|[^\p{L}])`)

// withDelivery reports a note that starts with a with-delivery phrase (withDeliveryAfter) not
// followed by a word saying delivery is free (freeDeliveryAfter).
func withDelivery(after string) bool {
	m := withDeliveryAfter.FindStringIndex(after)
	return m != nil && !freeDeliveryAfter.MatchString(after[m[1]:])
}

// conditionalAfter reports a price whose following words (after, then the text of the next
// inline element when n's line goes on in one) make it a card, wallet or with-delivery price.
func conditionalAfter(n *html.Node, after string) bool {
	if cardPriceAfter.MatchString(after) || withDelivery(after) {
		return true
	}
	if n == nil {
		return false
	}
	next := nextInlineText(n)
	return next != "" && (cardPriceAfter.MatchString(next) || withDelivery(next))
}

// nextInlineText is the text of the inline element right after n (or after n's inline parent
// when n is the last thing in it), at most about 60 bytes: "<span>2 331 ₽</span><span>с Ozon
// Картой</span>". "" when a text node or a block comes first.
func nextInlineText(n *html.Node) string {
	for up := 0; up < 2 && n != nil; up++ {
		c := n.NextSibling
		for c != nil && c.Type == html.TextNode && collapse(c.Data) == "" {
			c = c.NextSibling
		}
		if c != nil {
			if c.Type != html.ElementNode || !inlineElement(c) || invisibleText(c) {
				return ""
			}
			return text(c, 60)
		}
		if n.Parent == nil || n.Parent.Type != html.ElementNode || !inlineElement(n.Parent) {
			return ""
		}
		n = n.Parent
	}
	return ""
}

// heldPrice is a held amount (a card price: priceCandidates holds it) inside the price block root, below
// price and in its currency, when the block does not mark price as the price paid and a discount
// badge there gives the percentage the held amount makes off price (discountBadge): "2 331 ₽ c
// Ozon Картой", "2 990 ₽", "−22%" shows the card price as the only price and the other as its
// regular price. "" when there is none.
func heldPrice(held, cluster []priceCand, root *html.Node, price, currency string) string {
	for _, c := range cluster {
		if c.role == current && cmpAmount(c.amount, price) == 0 {
			return ""
		}
	}
	for _, h := range held {
		if !within(h.node, root) || h.currency != "" && currency != "" && h.currency != currency || cmpAmount(h.amount, price) >= 0 {
			continue
		}
		if discountBadge(root, h.amount, price) {
			return h.amount
		}
	}
	return ""
}

// memberLabels name a price only members of the shop's club pay: "Member price", "Members
// pay", "Mitgliederpreis", "Prix adhérent". Such a price, and the fee of joining beside it ("Join
// for $30"), is not the shopper's: it is passed over, like another seller's.
var memberLabels = []string{"member price", "members price", "member's price", "members' price", "members pay", "member pays",
	"membership price", "club price", "member exclusive", "mitgliederpreis", "mitgliedspreis", "prix adhérent", "prix membre",
	"prix club", "precio socio", "precio para socios", "prezzo soci", "prezzo membri", "ledenprijs", "medlemspris", "jäsenhinta",
	"cena klubowa", "会員価格", "회원가"}

// memberWords are class words of a members' price: "price-value--member", "loyalty-price".
var memberWords = []string{"member", "members", "membership", "loyalty", "club"}

// memberPrice reports a price only members pay: its label says so (memberLabels), or its element
// or a wrapper up to its price block is classed so (memberWords).
func memberPrice(n *html.Node, label string, lens []int, d *document) bool {
	if containsPhrase(label, nonMemberLabels) {
		return false
	}
	if containsPhrase(label, memberLabels) {
		return true
	}
	for up, e := 0, n; up < 3 && e != nil && e.Type == html.ElementNode; up, e = up+1, e.Parent {
		if up > 0 && lens[d.pos[e]] > clusterText {
			break
		}
		ws := words(e)
		if hasWord(ws, "non", "nonmember", "nonmembers") {
			return false // "price--non-member"
		}
		if hasWord(ws, memberWords...) {
			return true
		}
	}
	return false
}

// nonMemberLabels name the price everyone else pays, beside a members' one: "Non-member price".
var nonMemberLabels = []string{"non-member", "non member", "nonmember", "non-members", "non members", "non-membre",
	"non adhérent", "non-adhérent", "nicht-mitglied", "nicht-mitglieder", "nichtmitglied", "nichtmitglieder", "no socio",
	"no socios", "non soci", "niet-leden", "ikke-medlem", "icke-medlem"}
