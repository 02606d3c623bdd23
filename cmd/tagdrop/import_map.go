package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// readColumnMap reads `tagdrop import --map FILE`: a JSON object from tagdrop field names to a
// CSV feed's column headers, {"id": "aw_product_id", "price": "search_price"}. Errors name the
// file and, where one is at fault, the key.
func readColumnMap(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: --map %s: %v", errUsage, path, unwrapPath(err))
	}
	var obj map[string]any
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		if err == nil {
			err = fmt.Errorf("null is not an object")
		}
		return nil, fmt.Errorf("%w: --map %s: not a JSON object of field names to column headers: %v", errUsage, path, err)
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	m := make(map[string]string, len(obj))
	for _, k := range keys {
		s, ok := obj[k].(string)
		if !ok {
			return nil, fmt.Errorf("%w: --map %s: key %q: the column header must be a string, not %s", errUsage, path, k, jsonKind(obj[k]))
		}
		m[k] = s
	}
	if err := feed.CheckColumnMap(m); err != nil {
		return nil, fmt.Errorf("%w: --map %s: %v", errUsage, path, err)
	}
	return m, nil
}

// jsonKind names the kind of a decoded JSON value for a message.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// unwrapPath drops an *os.PathError's repetition of the path.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
