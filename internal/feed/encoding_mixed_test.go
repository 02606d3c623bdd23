package feed

import "testing"

// TestCSVMixedEncodingKeepsUTF8Rows: a UTF-8 CSV with one row in windows-1252 keeps its UTF-8
// rows as they are ("Chloé", not "ChloÃ©") and reads the windows-1252 bytes as windows-1252.
func TestCSVMixedEncodingKeepsUTF8Rows(t *testing.T) {
	doc := "id,title,price,currency,brand\n" +
		"M1,Chloé Tee,100,EUR,Chloé\n" +
		"M2,Chlo\xe9 Tee \x96 \x80,100,EUR,Chlo\xe9\n" +
		"M3,Tee – 100 €,100,EUR,Ganni\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || len(items) != 3 {
		t.Fatalf("items %+v rows %+v", items, rows)
	}
	want := []struct{ title, brand string }{{"Chloé Tee", "Chloé"}, {"Chloé Tee – €", "Chloé"}, {"Tee – 100 €", "Ganni"}}
	for i, w := range want {
		if items[i].Title != w.title || items[i].Brand != w.brand {
			t.Errorf("%s: %q / %q, want %q / %q", items[i].ID, items[i].Title, items[i].Brand, w.title, w.brand)
		}
	}
}

// TestCSVWindows1252Throughout: a file in windows-1252 whose bytes happen to make a few valid
// UTF-8 pairs ("É" then a no-break space, "«" then one) is read as windows-1252 throughout.
func TestCSVWindows1252Throughout(t *testing.T) {
	doc := "id,title,price\n1,SOLDES D'\xc9T\xc9\xa0!,10.00 EUR\n2,Collection \xab\xa0CAF\xc9\xa0\xbb,20.00 EUR\n3,PULL \xc0\xc7\xb0,30.00 EUR\n"
	items, rows := readWith(t, doc, Options{})
	if len(rows) != 0 || titles(items) != "1=SOLDES D'ÉTÉ\u00a0!;2=Collection «\u00a0CAFÉ\u00a0»;3=PULL ÀÇ°;" {
		t.Fatalf("items %q rows %+v", titles(items), rows)
	}
}
