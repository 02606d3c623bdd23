package feed

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// defaultColumns lists, per tagdrop field, the header names that usually hold it, most
// trusted first: Merchant Center's attribute names (which CJ's current exports use too), then
// Awin, CJ's older export, Rakuten and Impact. Names are compared after headerKey, so "Product
// Name", "product_name", "PRODUCTNAME" and "g:product name" are one name. A row takes the first
// of its field's columns that is not empty.
var defaultColumns = map[string][]string{
	// A variant's own id (PrestaShop's Combination ID) before its product's, which its sizes
	// share; a row without one (a simple product) falls back to the product's (see idFallback).
	"id": {"id", "offerid", "awproductid", "variantid", "combinationid", "variationid",
		// Amazon's flat file and listings reports (see amazon.go), whose product-id is the ASIN.
		"itemsku", "sellersku", "productid", "catalogitemid",
		// Impact's Unique Merchant SKU, where its export has no Catalog Item Id.
		"uniquemerchantsku", "uniqueidentifier", "uniqueid",
		"merchantproductid", "merchantsku", "itemid", "daisyconuniqueid", "sku", "skuid", "variantsku", "aid",
		// Shops' own exports in their language: German, Dutch, Swedish, French, Spanish, Italian, Danish, Norwegian.
		"artikelnummer", "artikelnr", "artnr", "référence", "referencia", "riferimento", "codice", "codicearticolo", "codiceprodotto", "varenummer", "varenr",
		// A shop's own code for the product, where no column above names it: English, Czech.
		"code", "productcode", "itemcode", "kód",
		// Awin XML's pId, the merchant's id, where Awin's own product id is missing.
		"pid"},
	// WooCommerce's exports name their columns in the shop's language: its German, French and
	// Spanish names follow the English ones below.
	"title": {"title", "productname", "name", "itemname", "nom", "nombre",
		"titel", "bezeichnung", "artikelname", "produktname", "titre", "nomduproduit", "nombredelproducto", "titolo", "nomeprodotto", "naam", "productnaam", "nazwa",
		"nome", "namn", "navn", "produktnamn", "produktnavn", "název"},
	// billiger.de names it desc, Shopify's admin export "Body (HTML)".
	"description": {"description", "productdescription", "longdescription", "descriptionlong", "shortdescription", "productshortdescription",
		"desc", "bodyhtml", "beschreibung", "kurzbeschreibung", "descriptioncourte", "descripción", "descripcióncorta"},
	// An affiliate feed's tracking link first: it is what click-outs must use to be credited.
	// eBay's Feed API gives its affiliate link (itemAffiliateWebUrl) beside the plain one.
	"link": {"link", "awdeeplink", "buyurl", "trackinglink", "itemaffiliateweburl", "url", "producturl", "merchantdeeplink", "deeplink",
		"productlink", "itemweburl", "awtrack", "mlink", "produkturl", "urlproduit", "urlproducto", "urlprodotto",
		"artikelurl", "länk",
		// Shoptet's export gives the product page as ORIG_URL.
		"origurl"},
	"image_link": {"imagelink", "imageurl", "bildurl", "urlimage", "urldelimage", "urlimagen", "largeimage", "bigimage", "imagedefault", "merchantimageurl", "awimageurl", "productimageurl",
		"mimage", "awimage", "mainimageurl", "image", "imagelinkurl", "imageurls", "images", "variantimage", "imagesrc", "bilder", "imágenes",
		// A shop's own export in its language (Bild, afbeelding, immagine, imagen, zdjęcie), or
		// its images numbered ("Image 1", "Image 2"…, Etsy's IMAGE1 to IMAGE10: the first the item's, the
		// rest additional).
		"bild", "afbeelding", "immagine", "imagen", "zdjęcie", "zdjecie", "image1", "imageurl1",
		// Heureka's and Zboží's IMGURL.
		"imgurl"},
	"additional_image_link": {"additionalimagelink", "alternateimage", "additionalimageurl",
		"imgurlalternative", "image2", "image3", "image4", "image5", "image6", "image7", "image8", "image9", "image10", "imageurl2", "imageurl3", "imageurl4", "imageurl5"},
	"brand": {"brand", "brandname", "productbrand", "manufacturer", "manufacturername", "brands", "marque", "marke", "marca", "merk", "hersteller"},
	"gtin":  {"gtin", "productgtin", "ean", "ean13", "upc", "universalproductcode", "barcode", "isbn", "upcorean", "eans", "variantbarcode"},
	// billiger.de's mpnr; Shopify's admin export writes Google attributes as "Google Shopping / MPN".
	// idealo's hans (Herstellerartikelnummer).
	"mpn": {"mpn", "manufacturerpart", "modelnumber", "productmodel", "mpnr", "googleshoppingmpn", "hans", "herstellerartikelnummer",
		"manufacturersku"},
	// price is the regular price in Merchant Center terms. Awin's search_price and Impact's
	// CurrentPrice are what the shopper pays; their rrp_price/OriginalPrice (regular_price below)
	// turn them into sale prices when higher.
	// eBay's Feed API writes priceValue beside priceCurrency; WooCommerce's export has "Regular
	// price" and "Sale price" only; PrestaShop calls a sale price a specific price.
	// Awin XML's <buynow> (inside its <price>) comes last: elsewhere a "Buy Now" column may be
	// an add-to-cart link beside the price.
	"price": {"price", "searchprice", "currentprice", "retailprice", "storeprice", "displayprice", "pricevalue",
		"regularprice", "variantprice", "regulärerpreis", "tarifrégulier", "prixrégulier", "precionormal", "precioregular",
		"prix", "preis", "precio", "prezzo", "prijs", "cena", "pris", "buynow"},
	// Magento's special_price is its sale price, dated by special_price_from_date and
	// special_price_to_date (Magento 1: special_from_date, special_to_date).
	"sale_price":                {"saleprice", "salesprice", "pricesale", "specificprice", "specialprice", "discountedprice", "angebotspreis", "tarifpromo", "prixpromo", "preciorebajado"},
	"sale_price_effective_date": {"salepriceeffectivedate"},
	// A sale's first and last day in two columns: Magento's, WooCommerce's "Date sale price
	// starts" and "Date sale price ends", PrestaShop's "Discount from (yyyy-mm-dd)".
	FieldSaleStart: {"specialpricefromdate", "specialfromdate", "datesalepricestarts", "salepricestartdate", "salestartdate", "salepricefrom", "salefromdate",
		"discountfromyyyymmdd", "discountfrom", "datumandemderangebotspreisbeginnt", "datededébutdepromo", "díaenqueempiezaelpreciorebajado"},
	FieldSaleEnd: {"specialpricetodate", "specialtodate", "datesalepriceends", "salepriceenddate", "saleenddate", "salepriceto",
		"discounttoyyyymmdd", "discountto", "datumandemderangebotspreisendet", "datedefindepromo", "díaenqueterminaelpreciorebajado"},
	// billiger.de gives a delivery time ("1-3 Werktage", "nicht lieferbar"), as do TradeTracker
	// (deliveryTime) and German and Dutch shops (Lieferzeit, levertijd), which the catalogue
	// reads as availability when the feed has no stock column (see deliveryTimes).
	// Shops' own exports name it in their language: Verfügbarkeit, disponibilité, disponibilidad,
	// disponibilità, beschikbaarheid, dostępność (which yield to a stock column as delivery
	// times do), lagerstatus.
	"availability": {"availability", "stockstatus", "stockavailability", "verfügbarkeit", "disponibilité", "disponibilidad", "disponibilità",
		"beschikbaarheid", "dostępność", "lagerstatus", "dlvtime", "deliverytime", "lieferzeit", "levertijd",
		// Yandex Market Language's (Admitad's) <offer available="true">; Heureka's and Zboží's
		// DELIVERY_DATE and Ceneo's avail codes (see availabilityCodes).
		"available", "deliverydate", "avail"},
	"google_product_category": {"googleproductcategory", "googlecategory", "googleshoppinggoogleproductcategory"},
	// Tradedoubler's merchantCategoryName, Magento's categories.
	"product_type": {"producttype", "merchantproductcategorypath", "merchantcategory", "merchantcategoryname", "categoryname",
		"primarycategory", "advertisercategory", "category", "categories", "shopcat", "kategorien", "catégories", "categorías",
		"categorypath", "kategorie", "catégorie", "categoría", "categoria", "categorie",
		// Heureka's CATEGORYTEXT ("Oblečení a móda | Dámská trička").
		"categorytext"},
	"color": {"color", "colour", "primarycolor", "primarycolour", "colorprimary", "fashionswatch",
		"farbe", "couleur", "colore", "kleur", "kolor", "färg", "farve", "farge", "colorname", "colourname"},
	"size":        {"size", "fashionsize", "sizes", "sizename", "größe", "grösse", "groesse", "taille", "talla", "taglia", "maat", "rozmiar", "storlek", "størrelse"},
	"size_type":   {"sizetype"},
	"size_system": {"sizesystem"},
	"gender":      {"gender", "fashionsuitablefor", "suitablefor", "googleshoppinggender"},
	"age_group":   {"agegroup", "googleshoppingagegroup"},
	"material":    {"material", "fashionmaterial"},
	"pattern":     {"pattern", "fashionpattern"},
	// A bare "parent" column is read only in a variant export (see parentGroup).
	// Shopify's admin export groups a product's variants by Handle; elsewhere a "handle" may be
	// anything (a seller's social media name), so it is read only there (see mapColumns).
	"item_group_id": {"itemgroupid", "parentproductid", "parentsku", "groupid"},
	"condition":     {"condition", "googleshoppingcondition"},
	FieldCurrency:   {"currency", "currencycode", "pricecurrency", "currencyid", "devise", "währung", "moneda", "valuta", "waluta"},
	// previousPrice is Tradedoubler's "was" price, normal_price Webgains', price_old Daisycon's,
	// formerPrice idealo's, price_retail Pepperjam's (beside its price_sale), price-no-rebate
	// Kelkoo's, originalPriceValue eBay's.
	FieldRegularPrice: {"rrpprice", "rrp", "originalprice", "msrp", "listprice", "wasprice", "retailprice", "baseprice",
		"previousprice", "normalprice", "priceold", "oldprice", "formerprice", "priceretail", "pricenorebate", "originalpricevalue", "regularprice",
		"variantcompareatprice", "compareatprice", "regulärerpreis", "tarifrégulier", "prixrégulier", "precionormal", "precioregular",
		"streichpreis", "prixbarré", "preciotachado", "prezzobarrato", "uvp", "preisalt", "alterpreis", "vanprijs",
		// Shoptet's STANDARD_PRICE beside its PRICE_VAT.
		"standardprice"},
	// Shops' own exports give a count under their language's name: Lagerbestand, Bestand,
	// voorraad, lagersaldo; Shopify's products.xml as inventory-quantity (see
	// shopifyInventory). A bare quantity may be a pack's: it is a stock only in PrestaShop's
	// export and Amazon's (see stockQuantity) and in a variant's element (see cutVariant).
	FieldInStock: {"instock", "isinstock", "stockquantity", "stocklevel", "vorrätig", "enstock", "existencias", "stock",
		"lagerbestand", "bestand", "voorraad", "lagersaldo", "inventoryquantity"},
	// A cell of name:value or name=value pairs: Tradedoubler's fields, Magento's
	// additional_attributes ("color=Blue,size=M,manufacturer=Nike").
	FieldAttributes: {"fields", "additionalattributes", "attributes", "productattributes", "extraattributes"},
}

// singleColumn fields take one column, the first candidate present: falling back from one price
// column to another would mix prices of different meanings, and from one id column to another
// ids of different schemes. Other fields, title and the stock flag among them, take the first
// candidate that is not empty in the row: CJ's legacy export has both NAME (the product's) and
// TITLE (a book's, empty for clothes), Awin's both in_stock and stock_quantity.
var singleColumn = map[string]bool{"id": true, "price": true, "sale_price": true,
	FieldRegularPrice: true, FieldCurrency: true}

// fieldOrder is the order in which fields claim columns: a column claimed by an earlier field
// (Rakuten's Retail Price as price) is not offered to a later one (regular_price).
var fieldOrder = []string{
	"id", "title", "description", "link", "image_link", "additional_image_link", "brand", "gtin", "mpn",
	"price", "sale_price", "sale_price_effective_date", FieldSaleStart, FieldSaleEnd, "availability", "google_product_category",
	"product_type", "color", "size", "size_type", "size_system", "gender", "age_group", "material",
	"pattern", "item_group_id", "condition", FieldCurrency, FieldRegularPrice, FieldInStock, FieldAttributes,
}

// headerKey is the form in which header names are compared: a "g:" prefix dropped, letters and
// digits only (any language's: "Regulärer Preis" is "regulärerpreis"; punctuation such as
// "¿" and a typographic apostrophe dropped like ASCII's), lower case.
func headerKey(h string) string {
	h = strings.TrimSpace(h)
	if len(h) > 2 && strings.EqualFold(h[:2], "g:") {
		h = h[2:]
	}
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r > 0x7f && !unicode.IsPunct(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// columns is which columns of a delimited feed hold which field.
type columns struct {
	header []string
	// byField holds, per field, the column indexes in order of preference.
	byField map[string][]int
	// attrPairs are pairs of columns that name an attribute and give its value: WooCommerce's
	// "Attribute 1 name" and "Attribute 1 value(s)", Shopify's "Option1 Name" and "Option1 Value".
	attrPairs [][2]int
	// kelkoo is set for a header of Kelkoo's column names (offer-id, product-url,
	// merchant-category), whose availability column holds Kelkoo's numeric codes.
	kelkoo bool
	// availCodes turn the cells of availability columns that give a site's codes (Heureka's
	// DELIVERY_DATE, Ceneo's avail) into words; see availabilityCodes.
	availCodes map[int]func(string) string
	// netVAT are the columns of a price without VAT and of the VAT in it, whose sum is the
	// price where the feed gives no price with VAT (see netvat.go); nil when there are none.
	netVAT []int
	// monthFirst is set for Magento 2's special_price_from_date and special_price_to_date,
	// whose slashed dates put the month first ("11/1/26").
	monthFirst bool
	// parentage is Amazon's parent_child column, or -1: a "parent" row is no offer (see amazon.go).
	parentage int
	// zeroIsNone marks the columns whose "0" means no value: a simple product's variation or
	// combination id in WooCommerce's and PrestaShop's exports, its Parent.
	zeroIsNone map[int]bool
	// vatTwin maps a price column named with a bare VAT ("price_vat") to the column its cells
	// are compared with, its plain or tax-excluded twin: see vatTwins.
	vatTwin map[int]int
	// variants says where a "parent" column is a variant's product; see parentGroup.
	variants variantColumns
	// shopify is set for Shopify's admin product export, whose variant rows take their
	// product's cells from its first row.
	shopify *shopifyExport
}

// mapColumns resolves the fields of a header: the column map's choices first, then the
// defaults among the columns nobody has claimed. It fails when the map names a column the header
// lacks, or when no column holds id, title or price.
func mapColumns(header []string, colMap map[string]string) (columns, error) {
	if err := CheckColumnMap(colMap); err != nil {
		return columns{}, err
	}
	c := columns{header: header, byField: map[string][]int{}}
	byKey := map[string][]int{}
	exact := map[string]int{}
	for i, h := range header {
		if k := headerKey(h); k != "" {
			byKey[k] = append(byKey[k], i)
		}
		if _, dup := exact[strings.TrimSpace(h)]; !dup {
			exact[strings.TrimSpace(h)] = i
		}
	}
	claimed := map[int]bool{}
	// header keys with a tax-included qualifier, by the key without it: "price_inc_vat" before
	// a bare "price_vat" (see bareVAT)
	taxIncl := map[string][]int{}
	for _, bare := range []bool{false, true} {
		for i, h := range header {
			if base, ok := taxIncludedBase(headerKey(h)); ok && bareVAT(headerKey(h)) == bare {
				taxIncl[base] = append(taxIncl[base], i)
			}
		}
	}
	mapped := make([]string, 0, len(colMap))
	for f := range colMap {
		mapped = append(mapped, f)
	}
	sort.Strings(mapped)
	for _, f := range mapped {
		h := colMap[f]
		if strings.TrimSpace(h) == "" {
			c.byField[f] = nil // explicitly not read
			continue
		}
		i, ok := exact[strings.TrimSpace(h)]
		if !ok {
			idx := byKey[headerKey(h)]
			if len(idx) == 0 {
				return columns{}, fmt.Errorf("column map: %s → %q: no such column in the header (columns: %s)",
					f, h, quoteList(header))
			}
			i = idx[0]
		}
		c.byField[f] = []int{i}
		claimed[i] = true
	}
	for _, f := range fieldOrder {
		if _, done := c.byField[f]; done {
			continue
		}
		var idx []int
		add := func(i int, fallback bool) {
			if !claimed[i] && (len(idx) == 0 || !singleColumn[f] || fallback) {
				idx = append(idx, i)
				claimed[i] = true
			}
		}
		for _, name := range defaultColumns[f] {
			if name == "baseprice" && unitPricedBase(byKey) {
				continue // a price per unit beside its unit: Germany's Grundpreis
			}
			if name == "aid" && !billigerHeader(byKey) {
				continue // elsewhere an aid may be the advertiser's id, the same on every row
			}
			if deliveryTimes[name] && stockFlagHeader(c.byField, byKey) {
				continue // a delivery time is a guess beside the shop's own in-stock flag, which decides
			}
			before := len(idx)
			for _, i := range taxIncludedColumns(f, name, taxIncl) { // "Price tax incl." before "Price"
				add(i, false)
			}
			// A tax-included price's cell may be empty where its plain twin's is not.
			twin := before == 0 && len(idx) == 1
			for _, i := range byKey[name] {
				add(i, twin)
				twin = false
			}
		}
		if f == "id" {
			idx = idFallback(idx, header, byKey, claimed)
		}
		if f == "price" && len(idx) == 0 && amazonHeader(byKey) {
			for _, i := range byKey["standardprice"] { // Amazon's price (see amazon.go)
				add(i, false)
			}
		}
		if len(idx) > 0 {
			c.byField[f] = idx
		}
	}
	if c.shopify = newShopifyExport(header, byKey); c.shopify != nil {
		// A bare ID beside a Variant ID (Matrixify's and other apps' re-exports) is the
		// product's, the same on all its variants' rows: the variant's own id is the item's.
		if ids := c.byField["id"]; len(ids) > 0 && headerKey(header[ids[0]]) == "id" && len(byKey["variantid"]) > 0 {
			if _, mapped := colMap["id"]; !mapped {
				c.byField["id"] = append([]int{byKey["variantid"][0]}, byKey["variantsku"]...)
			}
		}
		// Shopify's Type is the shop's own product type, its Product Category a path of
		// Shopify's standard taxonomy, which follows Google's.
		// Its Vendor is the brand (elsewhere a vendor may be the seller).
		// Its Handle is the product whose variants the rows are.
		for _, fc := range []struct{ f, key string }{{"product_type", "type"}, {"google_product_category", "productcategory"}, {"brand", "vendor"},
			{"item_group_id", "handle"}} {
			if _, mapped := colMap[fc.f]; !mapped {
				for _, i := range byKey[fc.key] {
					if !claimed[i] {
						claimed[i] = true
						c.byField[fc.f] = append(c.byField[fc.f], i)
					}
				}
			}
		}
	}
	if _, mapped := colMap[FieldInStock]; !mapped && len(c.byField[FieldInStock]) == 0 {
		if idx := stockQuantity(byKey, claimed); len(idx) > 0 {
			c.byField[FieldInStock] = idx
		}
	}
	c.vatTwin = vatTwins(c.byField, header)
	if _, mapped := colMap["price"]; !mapped && len(c.byField["price"]) == 0 {
		if net, vat := netVATColumns(header, byKey); net >= 0 {
			c.netVAT = []int{net, vat}
		}
	} else if net, vat, ok := netVATTwin(c); ok {
		c.netVAT = []int{net, vat}
	}
	c.attrPairs = attributePairs(header)
	c.kelkoo = kelkooHeader(header)
	c.parentage = amazonParentage(byKey)
	c.availCodes = availabilityCodes(header, c.byField["availability"])
	c.monthFirst = len(byKey["specialpricefromdate"]) > 0 || len(byKey["specialpricetodate"]) > 0
	c.variants, c.zeroIsNone = findVariantColumns(header, byKey)
	for _, f := range []string{"id", "title", "price"} {
		if len(c.byField[f]) == 0 && (f != "price" || c.netVAT == nil) {
			if dataLike(header) {
				return columns{}, fmt.Errorf("the first line is data, not column names (it holds %s): the file has no header row; "+
					"add a line naming the columns (e.g. id, title, price, link) at its top and import it again", quoteList(header))
			}
			return columns{}, fmt.Errorf("no column holds %s (looked for %s; name one with a column map, e.g. --map): columns are %s",
				f, strings.Join(defaultColumns[f], ", "), quoteList(header))
		}
	}
	return c, nil
}

// unitPricedBase reports a header that gives its base price a unit ("base_price_unit": "1 kg"),
// making it a price per unit rather than the regular price Awin's base_price is.
func unitPricedBase(byKey map[string][]int) bool {
	for _, k := range []string{"basepriceunit", "basepricemeasure", "basepricequantity", "unitpricingmeasure"} {
		if len(byKey[k]) > 0 {
			return true
		}
	}
	return false
}

// quoteList shows a header compactly for an error message.
func quoteList(header []string) string {
	const most = 30
	parts := make([]string, 0, most+1)
	for i, h := range header {
		if i == most {
			parts = append(parts, fmt.Sprintf("… %d more", len(header)-most))
			break
		}
		parts = append(parts, fmt.Sprintf("%q", h))
	}
	return strings.Join(parts, ", ")
}

// name is the header of column i, for messages.
func (c columns) name(i int) string {
	if i < len(c.header) {
		return c.header[i]
	}
	return fmt.Sprintf("#%d", i+1)
}

// dataLike reports a header line that is a row of data: ShareASale's downloads and some
// exports have no header, so their first product stands where the column names should. Column
// names are never web addresses or prices; two cells that are is data.
func dataLike(header []string) bool {
	n := 0
	for _, h := range header {
		h = strings.TrimSpace(h)
		if strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://") || dataNumber.MatchString(h) {
			n++
		}
	}
	return n >= 2
}

// dataNumber is a cell that is a number with decimals, as prices are: "58.00", "1299,95".
var dataNumber = regexp.MustCompile(`^\d+[.,]\d{2}$`)

// billigerHeader reports a header of billiger.de's column names, in which aid is the offer's
// id: it has one of billiger.de's own columns (dlv_time, dlv_cost, shop_cat) beside it.
func billigerHeader(byKey map[string][]int) bool {
	return len(byKey["dlvtime"]) > 0 || len(byKey["dlvcost"]) > 0 || len(byKey["shopcat"]) > 0
}

// deliveryTimes are the availability columns that give a delivery time: a guess beside a
// feed's own in-stock flag or count, which then decides. A shop's own export names its
// availability column in its language and writes there what its shop page shows, often a
// delivery time too ("Verfügbarkeit: 1-3 Werktage", "disponibilité : sous 5 jours"): beside a
// stock count those columns yield to it as well.
var deliveryTimes = map[string]bool{"dlvtime": true, "deliverytime": true, "lieferzeit": true, "levertijd": true,
	"verfügbarkeit": true, "disponibilité": true, "disponibilidad": true, "disponibilità": true, "beschikbaarheid": true, "dostępność": true,
	"deliverydate": true, "avail": true}

// stockFlagHeader reports a header with an in-stock column (one the column map names, or one of
// its default names, unless the map says not to read it): a row's flag or quantity says whether
// the item is in stock.
func stockFlagHeader(byField map[string][]int, byKey map[string][]int) bool {
	if idx, mapped := byField[FieldInStock]; mapped {
		return len(idx) > 0
	}
	for _, name := range defaultColumns[FieldInStock] {
		if len(byKey[name]) > 0 {
			return true
		}
	}
	return false
}

// stockQuantity is the Quantity column of PrestaShop's product export, which gives its prices
// as "Price (tax excl.)" and "Price (tax incl.)", of Amazon's inventory files (see
// amazon.go) and of Etsy's listings export (see etsyHeader): the stock. Elsewhere a bare quantity may be a pack's, and is not read.
func stockQuantity(byKey map[string][]int, claimed map[int]bool) []int {
	if len(byKey["pricetaxincl"]) == 0 && len(byKey["pricetaxexcl"]) == 0 && !amazonHeader(byKey) && !etsyHeader(byKey) {
		return nil
	}
	for _, i := range byKey["quantity"] {
		if !claimed[i] {
			claimed[i] = true
			return []int{i}
		}
	}
	return nil
}

// etsyHeader reports the header of Etsy's listings export (TITLE, PRICE, CURRENCY_CODE,
// QUANTITY, TAGS, MATERIALS, IMAGE1…), whose QUANTITY is the listing's stock.
func etsyHeader(byKey map[string][]int) bool {
	return len(byKey["currencycode"]) > 0 && len(byKey["tags"]) > 0 && len(byKey["materials"]) > 0 && len(byKey["quantity"]) > 0
}
