package catalog

// notFashion is the path of a rule whose words name something outside fashion: a text whose
// best match is such a rule maps to nothing, rather than to a fashion word earlier in it
// ("Boots No7 … Serum", "Jeans Print Mug").
const notFashion = ""

// productTypeTitleRules are the words product titles add to a feed's category words: travel
// goods and things outside fashion that title a bag or a brand's name ("Trolley Bag", "Toiletry
// Bag", a "Boots" serum), and Korean. They are matched as productTypeRules are, after them.
var productTypeTitleRules = []productTypeRule{
	// Luggage: Google's branch when the taxonomy has it, else no category.
	{words: "suitcase", path: ptLuggage + " > Suitcases"},
	{words: "trolley", path: ptLuggage + " > Suitcases"},
	{words: "trolley bag", path: ptLuggage + " > Suitcases"},
	{words: "trolley case", path: ptLuggage + " > Suitcases"},
	{words: "luggage", path: ptLuggage},
	{words: "valise", path: ptLuggage + " > Suitcases"},
	{words: "koffer", path: ptLuggage + " > Suitcases", compound: true},
	{words: "steamer trunk", path: ptLuggage + " > Suitcases"},
	{words: "travel trunk", path: ptLuggage + " > Suitcases"},
	{words: "maleta", path: ptLuggage + " > Suitcases"},
	{words: "valigia", path: ptLuggage + " > Suitcases"},
	{words: "duffel", path: ptLuggage + " > Duffel Bags"},
	{words: "duffel bag", path: ptLuggage + " > Duffel Bags"},
	{words: "duffle bag", path: ptLuggage + " > Duffel Bags"},
	{words: "weekender bag", path: ptLuggage + " > Duffel Bags"},
	{words: "duffle", path: ptLuggage + " > Duffel Bags"},
	{words: "holdall", path: ptLuggage + " > Duffel Bags"},
	{words: "weekender", path: ptLuggage + " > Duffel Bags"},
	{words: "reisetasche", path: ptLuggage + " > Duffel Bags"},
	{words: "garment bag", path: ptLuggage + " > Garment Bags"},
	{words: "diaper bag", path: ptLuggage + " > Diaper Bags"},
	{words: "changing bag", path: ptLuggage + " > Diaper Bags"},
	{words: "toiletry", path: ptLuggage + " > Cosmetic & Toiletry Bags"},
	{words: "toiletry bag", path: ptLuggage + " > Cosmetic & Toiletry Bags"},
	{words: "wash bag", path: ptLuggage + " > Cosmetic & Toiletry Bags"},
	{words: "washbag", path: ptLuggage + " > Cosmetic & Toiletry Bags"},
	{words: "cosmetic bag", path: ptLuggage + " > Cosmetic & Toiletry Bags"},
	{words: "makeup bag", path: ptLuggage + " > Cosmetic & Toiletry Bags"},
	{words: "kulturbeutel", path: ptLuggage + " > Cosmetic & Toiletry Bags"},
	{words: "trousse de toilette", path: ptLuggage + " > Cosmetic & Toiletry Bags"},
	{words: "travel pouch", path: ptLuggage + " > Luggage Accessories > Travel Pouches"},
	{words: "shoe bag", path: ptLuggage + " > Luggage Accessories > Packing Organizers"},
	{words: "スーツケース", path: ptLuggage + " > Suitcases"},
	{words: "캐리어", path: ptLuggage + " > Suitcases"},

	// Bags for other things than carrying one's own.
	{words: "lunch bag", path: notFashion},
	{words: "laundry bag", path: notFashion},
	{words: "organizer", path: notFashion},
	{words: "organiser", path: notFashion},

	// Beauty and home.
	{words: "serum", path: notFashion},
	{words: "wipe", path: notFashion},
	{words: "lotion", path: notFashion},
	{words: "shampoo", path: notFashion},
	{words: "perfume", path: notFashion},
	{words: "eau de parfum", path: notFashion},
	{words: "eau de toilette", path: notFashion},
	{words: "deodorant", path: notFashion},
	{words: "lipstick", path: notFashion, colour: true},
	{words: "mascara", path: notFashion, colour: true},
	{words: "candle", path: notFashion, colour: true},
	{words: "mug", path: notFashion},
	{words: "cushion", path: notFashion, style: true}, // also a cut of stone, a sole
	{words: "cushion cover", path: notFashion},
	{words: "curtain", path: notFashion},
	{words: "placemat", path: notFashion},
	{words: "nail polish", path: notFashion},
	{words: "nail lacquer", path: notFashion},
	{words: "gift card", path: notFashion},
	{words: "gift voucher", path: notFashion},
	{words: "water bottle", path: notFashion},
	{words: "phone case", path: notFashion},
	{words: "iphone case", path: notFashion},

	// Garments a broader rule would misread.
	{words: "bademantel", path: ptSleep + " > Robes"},
	{words: "boiler suit", path: ptClothing + " > One-Pieces > Jumpsuits & Rompers"},

	// Japanese additions.
	{words: "リュック", path: ptLuggage + " > Backpacks"},
	{words: "リュック", path: ptBackpacks},
	{words: "バックパック", path: ptLuggage + " > Backpacks"},
	{words: "バックパック", path: ptBackpacks},
	{words: "カーディガン", path: ptTops + " > Knitwear"},
	{words: "ブラウス", path: ptTops},
	{words: "ローファー", path: ptShoes + " > Loafers"},

	// Korean (no plurals; compounds end in the category's word).
	{words: "원피스", path: ptDresses, compound: true},
	{words: "드레스", path: ptDresses},
	{words: "스커트", path: ptSkirts, compound: true},
	{words: "치마", path: ptSkirts},
	{words: "팬츠", path: ptPants, compound: true},
	{words: "바지", path: ptPants, compound: true},
	{words: "슬랙스", path: ptPants},
	{words: "청바지", path: ptPants + " > Jeans"},
	{words: "셔츠", path: ptTops, compound: true},
	{words: "블라우스", path: ptTops},
	{words: "니트", path: ptTops + " > Knitwear"},
	{words: "가디건", path: ptTops + " > Knitwear"},
	{words: "자켓", path: ptCoats, compound: true},
	{words: "재킷", path: ptCoats, compound: true},
	{words: "코트", path: ptCoats, compound: true},
	{words: "스니커즈", path: ptShoes + " > Sneakers"},
	{words: "부츠", path: ptShoes + " > Boots", compound: true},
	{words: "샌들", path: ptShoes + " > Sandals"},
	{words: "가방", path: ptHandbags, compound: true},
	{words: "숄더백", path: ptHandbags + " > Shoulder Bags"},
	{words: "토트백", path: ptHandbags + " > Tote Bags"},
	{words: "크로스백", path: ptHandbags + " > Cross-Body Bags"},
	{words: "백팩", path: ptLuggage + " > Backpacks"},
	{words: "백팩", path: ptBackpacks},
	{words: "지갑", path: ptApparel + " > Handbags, Wallets & Cases > Wallets & Money Clips"},
	{words: "목걸이", path: ptJewelry + " > Necklaces"},
	{words: "귀걸이", path: ptJewelry + " > Earrings"},
	{words: "반지", path: ptJewelry + " > Rings"},
}
