package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
)

// schemaAvailability reads a schema.org availability ("https://schema.org/InStock", "InStock",
// "in stock"); "" when the markup gives none.
func schemaAvailability(s string) catalog.Availability {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	switch strings.ToLower(localName(s)) {
	case "madetoorder", "preorder", "presale":
		return catalog.Preorder
	case "reserved", "soldout", "discontinued", "outofstock":
		return catalog.OutOfStock
	}
	if a := catalog.ParseAvailability(s); a != catalog.Unknown {
		return a
	}
	if a := textAvailability(s); a != "" {
		return a
	}
	return catalog.Unknown
}

// Phrases shoppers read on product pages, lower case, by language: English, German, French,
// Spanish, Italian, Dutch, Swedish, Danish/Norwegian, Polish, Portuguese, Turkish, Czech, Slovak,
// Hungarian, Romanian, Finnish, Estonian, Lithuanian, Croatian, Greek, Indonesian, Vietnamese,
// Japanese, Chinese, Korean, Arabic. Out-of-stock phrases are checked before pre-order ones and
// those before in-stock ones, so "not in stock" never reads as "in stock".
var (
	outOfStockPhrases = []string{
		"out of stock", "out-of-stock", "sold out", "sold-out", "soldout", "not in stock", "no longer available",
		"currently unavailable", "temporarily unavailable", "listing has ended", "listing was ended", "listing ended", "not available", "unavailable", "notify me when available",
		"email me when available", "notify me when back", "notify me", "notify when available", "back in stock soon", "0 in stock",
		"rupture", "stok kosong",
		"ausverkauft", "nicht verfügbar", "nicht lieferbar", "nicht auf lager", "nicht vorrätig", "derzeit nicht", "vergriffen",
		"épuisé", "epuise", "épuisée", "épuisés", "épuisées", "rupture de stock", "victime de son succès", "bientôt de retour", "en rupture", "indisponible", "plus disponible", "non disponible",
		"agotado", "agotada", "agotados", "agotadas", "sin stock", "no disponible", "sin existencias", "fuera de stock", "sin unidades",
		"esaurito", "esaurita", "esauriti", "esaurite", "non disponibile", "non più disponibile",
		"uitverkocht", "niet op voorraad", "niet beschikbaar", "niet leverbaar",
		"slutsåld", "slutsåldt", "slutsålda", "ej i lager", "inte i lager", "tillfälligt slut", "slut i lager", "slut på lager",
		"udsolgt", "ikke på lager", "utsolgt", "ikke tilgjengelig",
		"niedostępny", "niedostępne", "brak w magazynie", "brak na stanie", "wyprzedane", "wyprzedany", "wyprzedana",
		"esgotado", "indisponível", "sem estoque", "fora de estoque",
		"tükendi", "stokta yok", "mevcut değil",
		"vyprodáno", "není skladem", "není k dispozici", "vypredané", "nie je skladom", "elfogyott", "nincs raktáron", "nem elérhető", "nincs készleten",
		"stoc epuizat", "indisponibil", "loppuunmyyty", "ei varastossa",
		"välja müüdud", "laost otsas", "išparduota", "nėra sandėlyje", "rasprodano", "nema na zalihi", "εξαντλήθηκε", "μη διαθέσιμο",
		"stok habis", "habis", "tidak tersedia", "tạm hết hàng", "hết hàng", "ngừng kinh doanh", "không còn hàng", "chưa còn hàng", "chưa có hàng",
		"在庫切れ", "品切れ", "売り切れ", "完売",
		"已售完", "售完", "已售罄", "缺货", "售罄", "無庫存", "缺貨",
		"품절", "일시품절", "재고 없음",
		"نفدت الكمية", "نفذت الكمية", "غير متوفر", "نفذ من المخزون", "نفد من المخزون",
		"אזל מהמלאי", "אזל במלאי", "אזל המלאי", "לא במלאי", "אין במלאי", "אינו במלאי", "אינה במלאי", "אינם במלאי", "לא זמין", "אינו זמין",
		"חסר במלאי", "לא נמצא במלאי", "נגמר במלאי", "נגמר המלאי", "חסר זמנית",
		"нет в наличии", "распродано", "товар закончился", "нет на складе",
	}
	preorderPhrases = []string{
		"pre-order", "preorder", "pre order", "backorder", "backordered", "back-order", "back order", "available for back order", "coming soon",
		"vorbestellen", "vorbestellung", "précommande", "précommander", "precommande", "reserva", "reservar ahora", "reservar ya", "preventa",
		"próximamente", "proximamente", "prossimamente",
		"preordina", "preordine", "pre-ordine", "voorbestellen", "förbeställ", "forudbestil", "forhåndsbestill", "przedsprzedaż",
		"pré-venda", "pré-encomenda", "ön sipariş", "pre-pesan", "予約", "预售", "預購", "예약", "במלאי בקרוב", "בקרוב במלאי",
		// "sur commande" alone is also "on orders" ("Livraison offerte sur commande de 60 €").
		"nabestelling", "in nabestelling", "bajo pedido", "su ordinazione", "disponible sur commande", "uniquement sur commande",
		"article sur commande", "produit sur commande", "fabriqué sur commande", "fabrication sur commande",
	}
	inStockPhrases = []string{
		"in stock", "in-stock", "instock", "available", "ostatnie sztuki", "במלאי", "זמין במלאי", "ships today", "ready to ship", "only a few left", "low stock",
		"limited stock", "usually ships", "ships within", "immediately available", "disponibilità immediata",
		"usually dispatched", "dispatched within", "versandfertig", "expédié sous", "spedito entro", "normalmente se envía",
		"auf lager", "lieferbar", "verfügbar", "sofort lieferbar", "wenige verfügbar",
		"últimas unidades", "ultimas unidades", "pocas unidades", "ultimi pezzi", "ultimi articoli", "pochi pezzi",
		"derniers articles", "dernières pièces", "残りわずか", "在庫わずか", "在庫僅少",
		"en stock", "disponible",
		"disponibile", "in magazzino",
		"op voorraad", "beschikbaar", "leverbaar",
		"i lager", "finns i lager", "på lager",
		"dostępny", "dostępne", "w magazynie",
		"em estoque", "disponível",
		"stokta", "mevcut",
		"skladem", "na skladě", "na sklade", "skladom", "raktáron", "în stoc", "in stoc", "varastossa", "διαθέσιμο",
		"tersedia", "stok tersedia", "còn hàng",
		"在庫あり", "有货", "現貨", "有現貨", "재고 있음", "구매 가능", "متوفر",
		"в наличии", "есть в наличии",
	}
	addToCartPhrases = []string{
		"add to cart", "add to bag", "add to basket", "add to trolley", "add to your basket", "add to your bag", "buy now", "buy it now",
		"ship it", "pick it up", "deliver it", "add for shipping", "add for delivery",
		"in den warenkorb", "in die tasche", "jetzt kaufen", "ajouter au panier", "ajouter au sac", "acheter",
		"añadir a la cesta", "añadir al carrito", "añadir a la bolsa", "agregar al carrito", "comprar", "aggiungi al carrello", "aggiungi alla borsa",
		"in winkelwagen", "in winkelmand", "toevoegen aan winkelwagen", "lägg i varukorgen", "köp", "læg i kurv", "legg i handlekurv", "legg i handlekurven",
		"in die einkaufstasche", "in die einkaufstüte", "zum warenkorb hinzufügen", "añadir al carro", "añadir a mi cesta",
		"dodaj do koszyka", "do koszyka", "kup teraz", "thêm vào giỏ", "mua ngay", "adicionar ao carrinho", "adicionar à sacola", "sepete ekle", "tambah ke keranjang", "beli",
		"カートに入れる", "カートに追加", "かごに追加", "かごに入れる", "加入购物车", "加入購物車", "장바구니", "구매하기", "أضف إلى السلة",
		"agregar al carro", "в корзину", "купить", "lägg i varukorg", "kosárba", "do košíku", "do košíka", "lisää ostoskoriin", "lisa ostukorvi", "į krepšelį", "dodaj u košaricu", "adaugă în coș",
		"adauga in cos", "προσθήκη στο καλάθι", "додати в кошик", "купити", "הוספה לסל", "הוסף לסל", "הוספה לעגלה", "קנה עכשיו",
		"أضف إلى الحقيبة", "أضف للسلة", "اشتر الآن", "أضف الى السلة", "إضافة للسلة", "اضافة للسلة", "إضافة إلى السلة", "اضافة الى السلة", "أضف إلى العربة",
	}
)

// notifyPhrases say "tell me when it is back", as the buttons of sold-out pages say it; they
// count only as the whole of a short button's text (notifyMe). "Benachrichtigen, wenn" counts
// only with the stock word after it (notifyStock).
var notifyPhrases = []string{"houd me op de hoogte", "hou me op de hoogte", "houd mij op de hoogte", "hou mij op de hoogte",
	"benachrichtige mich", "benachrichtigen sie mich", "bei verfügbarkeit benachrichtigen", "me prévenir", "prévenez-moi",
	"m'alerter", "m’alerter", "m'avertir", "avísame", "avisadme", "avisarme", "notificarme", "avvisami", "avvisatemi",
	"avise-me", "me avise", "avisar-me", "powiadom mnie", "meddela mig", "giv mig besked", "gi meg beskjed", "varsle meg",
	"gelince haber ver", "hlídat dostupnost", "入荷お知らせ", "再入荷通知", "到货通知", "재입고 알림", "értesítést kérek", "értesítsen",
	"ilmoita minulle", "anunță-mă", "anunta-ma", "сообщить о поступлении", "уведомить о поступлении", "עדכנו אותי", "הודיעו לי", "أعلمني", "أبلغني عند التوفر"}

// notifyStock is German's open "notify me when" with what it waits for: "Benachrichtigen, wenn
// verfügbar", "… sobald der Artikel wieder da ist", not "… wenn der Preis sinkt".
var notifyStock = regexp.MustCompile(`benachrichtig(?:en|e mich),?\s+(?:wenn|sobald)\b.*(?:verfügbar|lieferbar|auf lager|wieder da)`)

// notifyOtherWords say a notify-me button is about something other than stock coming back: a
// price drop, a newsletter, a new collection, an offer ("Benachrichtigen, wenn der Preis sinkt",
// "Powiadom mnie o obniżce ceny", "M'alerter d'une baisse de prix", "Nieuwe collectie? Houd me
// op de hoogte"). They are matched at the start of words (wordStart: "obniżce").
var notifyOtherWords = []string{"price", "preis", "prix", "precio", "prezzo", "preço", "prijs", "cena", "ceny", "cenie", "ceně",
	"baisse", "obniż", "sinkt", "senkung", "bajada", "rebaja", "baje", "ribasso", "queda", "korting", "newsletter", "nieuwsbrief",
	"collectie", "collection", "colección", "collezione", "coleção", "kollektion", "kolekc", "angebot", "offre", "oferta", "offerta",
	"aanbieding", "promo", "drop", "deal", "neuheit", "nouveaut", "novedad", "novità", "nieuw", "new",
	"hinta", "hinn", "árcsökk", "árváltoz", "preț", "preţ", "цен", "מחיר", "سعر", "السعر"}

// notifyMe reports a notify-me button: its whole text (low, lower case) is short and asks to be
// told when the product is back, and neither it nor its parent's short text is about a price,
// a newsletter or an offer.
func notifyMe(n *html.Node, low string) bool {
	if len(strings.Fields(low)) > 8 || !containsPhrase(low, notifyPhrases) && !notifyStock.MatchString(low) {
		return false
	}
	ctx := low
	if p := n.Parent; p != nil && p.Type == html.ElementNode {
		if t := strings.ToLower(collapse(text(p, 200))); len(t) <= 150 {
			ctx = t
		}
	}
	for _, w := range notifyOtherWords {
		if wordStart(ctx, w) {
			return false
		}
	}
	return true
}

// wordStart reports w at the start of a word of s: a stem of five letters or more may go on
// ("obniż" in "obniżce", "kolekc" in "kolekcja"), a shorter word must end there ("new" is not in
// "news" or "renew", "deal" not in "ideal").
func wordStart(s, w string) bool {
	whole := utf8.RuneCountInString(w) <= 4
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[j+len(w):])
		if (j == 0 || !unicode.IsLetter(before)) && (!whole || j+len(w) == len(s) || !unicode.IsLetter(after)) {
			return true
		}
		i = j + 1
	}
}

// addOnlyWords are buy buttons' words that mean "add" or "buy" only when they are the button's
// whole text: Mango's "Añadir", beside "Añadir a favoritos" that does not buy; Grailed's
// "Purchase", beside "Worry-Free Purchase" protection and "One-time purchase" options.
var addOnlyWords = []string{"purchase", "purchase now", "añadir", "agregar", "ajouter", "aggiungi", "hinzufügen", "toevoegen", "dodaj", "adicionar", "lägg till", "tilføj", "legg til"}

// textAvailability reads availability from words a shopper sees; "" when none is there.
func textAvailability(s string) catalog.Availability {
	s = strings.ToLower(collapse(s))
	if s == "" {
		return ""
	}
	// "Pickup not available", "Out of stock in store": one way of getting the item, not its
	// stock. Such clauses are dropped when they say no; the rest of the text is read.
	if containsPhrase(s, channelPhrases) {
		var kept []string
		for _, c := range clauses(s) {
			if containsPhrase(c, channelPhrases) && stockWording(c) == catalog.OutOfStock {
				continue
			}
			kept = append(kept, c)
		}
		s = strings.Join(kept, ". ")
	}
	return stockWording(s)
}

// clauses splits a lower-case stock text where a sentence or clause ends.
func clauses(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '.' || r == ';' || r == ',' || r == '|' || r == '!' || r == '–' || r == '—'
	})
}

// stockWording reads a lower-case text's stock words: out of stock before pre-order before in stock.
func stockWording(s string) catalog.Availability {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	switch {
	case containsPhrase(s, orderablePhrases):
		return catalog.Preorder
	case containsPhrase(s, almostGonePhrases):
		return catalog.InStock
	case containsPhrase(s, backorderAllowedPhrases) && containsPhrase(s, inStockPhrases) && !containsPhrase(s, outOfStockPhrases):
		return catalog.InStock // WooCommerce's "In stock (can be backordered)": in stock now
	case containsPhrase(s, outOfStockPhrases) || negatedInStock(s) || soldSentence(s):
		return catalog.OutOfStock
	case containsPhrase(s, preorderPhrases):
		return catalog.Preorder
	case containsPhrase(s, inStockPhrases) || (onlyLeft(s) && !containsPhrase(s, channelPhrases)): // a shop's count is not stock online
		return catalog.InStock
	}
	return ""
}

// almostGonePhrases say few items are left, holding a sold-out phrase that must not be read
// alone: "Almost sold out", Vietnamese "Sắp hết hàng" ("hết hàng" is sold out), Japanese
// "品切れ間近" ("品切れ" is sold out), Korean "품절임박", Chinese "即将售罄".
var almostGonePhrases = []string{"almost sold out", "nearly sold out", "almost gone", "fast ausverkauft", "bald ausverkauft", "bientôt épuisé", "presque épuisé",
	"casi agotado", "quasi esaurito", "bijna uitverkocht", "nästan slutsåld", "næsten udsolgt", "prawie wyprzedane", "prawie wyprzedany", "prawie wyprzedana",
	"quase esgotado", "quase esgotada", "skoro vyprodáno", "téměř vyprodáno", "takmer vypredané", "почти распродано", "почти распродан",
	"neredeyse tükendi", "sắp hết hàng", "hampir habis", "品切れ間近", "売り切れ間近", "完売間近", "품절임박", "품절 임박", "매진임박", "即将售罄", "即將售罄", "即将售完"}

// backorderAllowedPhrases say that more can be ordered once the stock runs out, beside a stock
// count ("Only 2 left in stock (can be backordered)"): the item is in stock, not back-ordered.
var backorderAllowedPhrases = []string{"can be backordered", "can be back-ordered", "kann nachgeliefert werden",
	"kann nachbestellt werden", "kan nabesteld worden", "nabestelling mogelijk", "peut être commandé", "puede reservarse"}

// soldWords say an item is sold when they are the whole text of the page's live status
// (role="status"): a resale listing's "Sold" badge. Elsewhere they say something else ("Sold
// by", "Sold & shipped by", a "Sold 1,284" counter).
var soldWords = []string{"sold", "verkauft", "vendu", "vendue", "vendido", "vendida", "venduto", "venduta", "verkocht", "sprzedane", "sprzedany",
	"såld", "solgt", "myyty", "prodáno", "eladva", "satıldı", "продано", "売約済み", "已售出", "נמכר", "تم البيع"}

// orderablePhrases say an item is not in stock but can be ordered: a backorder, read as a
// pre-order ("Jelenleg nincs készleten, de rendelhető", "rendelésre 5-7 munkanap").
var orderablePhrases = []string{"de rendelhető", "rendelésre", "but available to order", "aber bestellbar", "mais disponible sur commande"}

// soldPhrases say a listing's one item has been sold: "This item has sold." A count after them
// ("… a été vendu 127 fois") is a shop's sales figure, not a sold-out listing (soldSentence).
var soldPhrases = []string{"this item has sold", "this item has been sold", "this listing has sold", "item has been sold",
	"dieser artikel wurde verkauft", "cet article a été vendu", "este artículo se ha vendido", "este artículo ha sido vendido",
	"questo articolo è stato venduto"}

// soldSentence reports a soldPhrases sentence that ends there: no count or other words after
// it in its clause ("… a été vendu 127 fois" is a sales figure).
func soldSentence(s string) bool {
	for _, p := range soldPhrases {
		if i := strings.Index(s, p); i >= 0 && boundary(s, i-1) && boundary(s, i+len(p)) {
			rest := s[i+len(p):]
			if end := strings.IndexAny(rest, ".!;|"); end >= 0 {
				rest = rest[:end]
			}
			if strings.TrimSpace(rest) == "" {
				return true
			}
		}
	}
	return false
}

// channelPhrases name a way of getting an item other than having it sent, lower case.
var channelPhrases = []string{"pickup", "pick-up", "pick up", "in store", "in-store", "in stores", "in-stores",
	"click & collect", "click and collect", "click-and-collect", "im markt", "en magasin", "en tienda", "in negozio", "in de winkel",
	"i butikk", "i butikken", "i butik", "i butiken", "im laden", "im geschäft", "en boutique", "in boutique", "na loja", "w sklepie",
	"személyes átvétel", "átvétel", "bolti átvétel", "üzletben", "nel negozio", "in tienda", "איסוף עצמי", "איסוף מהחנות", "استلام من المتجر", "الاستلام من المتجر"}

// stockTokens splits a lower-case stock text into words, dropping punctuation between them.
func stockTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '!' || r == ':' })
}

// onlyLeft reports a count of items left: "only 2 left", "hurry, only 1 left!", "nur noch 3
// Stück", "plus que 2 en stock", "solo quedan 2", "solo 2 disponibili": few left, so in stock. "Nur noch 3 Tage" and
// "plus que 48h" count days of an offer, not items, and say nothing.
func onlyLeft(s string) bool {
	ws := stockTokens(s)
	for i := 0; i+2 < len(ws); i++ {
		if !allDigits(ws[i+1]) || strings.Trim(ws[i+1], "0") == "" {
			continue
		}
		lead, unit := ws[i], ws[i+2]
		if i > 0 {
			lead = ws[i-1] + " " + ws[i]
		}
		switch {
		case ws[i] == "only" && unit == "left",
			lead == "nur noch" && slices.Contains(leftUnitsDE, unit),
			lead == "plus que" && slices.Contains(leftUnitsFR, unit),
			(lead == "solo quedan" || ws[i] == "quedan") && slices.Contains(leftUnitsES, unit),
			(ws[i] == "solo" || ws[i] == "ancora") && slices.Contains(leftUnitsIT, unit):
			return true
		}
	}
	return false
}

// Words after "nur noch N", "plus que N", "quedan N" that count items, not days.
var (
	leftUnitsDE = []string{"stück", "stk", "artikel", "verfügbar", "vorrätig", "auf", "am", "im", "paar", "exemplare"}
	leftUnitsFR = []string{"en", "article", "articles", "pièce", "pièces", "exemplaire", "exemplaires", "disponible", "disponibles"}
	leftUnitsES = []string{"unidad", "unidades", "en", "disponible", "disponibles", "artículos"}
	leftUnitsIT = []string{"disponibili", "disponibile", "rimasti", "rimasto", "pezzi", "pezzo", "articoli"}
)

// containsPhrase matches a phrase on word boundaries where the script has them, so "habis"
// does not match inside another word and "available" not inside "unavailable".
func containsPhrase(s string, phrases []string) bool {
	for _, p := range phrases {
		for i := 0; ; {
			j := strings.Index(s[i:], p)
			if j < 0 {
				break
			}
			j += i
			if boundary(s, j-1) && boundary(s, j+len(p)) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// boundary reports whether the byte at i is outside the text or not an ASCII letter or digit.
func boundary(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	c := s[i]
	return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
}

// Negations and "soon" words that turn an in-stock phrase a few words later into its opposite:
// "isn't in stock right now", "nicht mehr lieferbar", "dostępne wkrótce", "não disponível".
var (
	negations = []string{"not", "isn't", "isnt", "isn’t", "no", "nicht", "kein", "keine", "niet", "non", "não", "nao", "nie",
		"ej", "inte", "ikke", "pas", "plus", "longer", "mehr"}
	soonWords = []string{"soon", "bald", "kürze", "demnächst", "binnenkort", "wkrótce", "prochainement", "bientôt", "bientot",
		"pronto", "presto", "snart", "yakında", "скоро"}
)

// clauseBreaks end the words a "soon" after an in-stock phrase may be read with.
var clauseBreaks = []string{"-", "–", "—", "order", "buy", "ships", "and", "but", "bestellen", "commandez", "ordina"}

// negatedInStock reports an in-stock phrase with a negation or a "soon" word up to three words
// before it, or a "soon" word up to three words after it, in the same clause.
func negatedInStock(s string) bool {
	ws := stockTokens(s)
	for i := range ws {
		for _, n := range []int{1, 2} {
			if i+n > len(ws) {
				continue
			}
			phrase := strings.Join(ws[i:i+n], " ")
			if !containsWord(inStockWords, phrase) {
				continue
			}
			for j := i - 1; j >= max(0, i-3); j-- {
				if containsWord(negations, ws[j]) || containsWord(soonWords, ws[j]) {
					return true
				}
				if containsWord(clauseBreaks, ws[j]) {
					break
				}
			}
			// "available soon", "in stock soon", but not "only 3 left in stock - order soon".
			for j := i + n; j < min(len(ws), i+n+3); j++ {
				if containsWord(soonWords, ws[j]) {
					return true
				}
				if containsWord(clauseBreaks, ws[j]) {
					break
				}
			}
		}
	}
	return false
}

// inStockWords are the one- and two-word in-stock phrases negations apply to.
var inStockWords = []string{"available", "in stock", "stock", "lieferbar", "verfügbar", "vorrätig", "lagernd", "lager",
	"verfügung", "disponible", "disponível", "disponibile", "beschikbaar", "leverbaar", "voorraad", "dostępne", "dostępny",
	"tillgänglig", "lager", "tersedia", "наличии", "в наличии"}

func containsWord(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}
