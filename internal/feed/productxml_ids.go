package feed

// recordID is the id of a product for its row error when it cannot be read as a row: it broke
// the XML decoder (x is then the fields read before the break), or lacks a field every item
// needs. It is the first id column's, as mapColumns would choose it among x's fields, or ""
// when there is none. An id longer than a real one is not named.
func recordID(x xmlRecord) string {
	for _, name := range defaultColumns["id"] {
		for i, h := range x.header {
			if headerKey(h) == name && x.rec[i] != "" && len(x.rec[i]) <= 100 {
				return x.rec[i]
			}
		}
	}
	return ""
}
