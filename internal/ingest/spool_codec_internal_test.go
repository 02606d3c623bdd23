package ingest

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// fillEvery sets every field reachable in v (structs, strings, integers, string slices, times)
// to a value derived from a counter, so that no two fields hold the same thing.
func fillEvery(t *testing.T, v reflect.Value, n *int) {
	t.Helper()
	*n++
	switch {
	case v.Type() == reflect.TypeOf(time.Time{}):
		v.Set(reflect.ValueOf(time.Unix(int64(*n)*1000003, int64(*n)).UTC()))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if !f.CanSet() { // unexported: reach it through a settable copy of the struct
				f = reflect.NewAt(f.Type(), f.Addr().UnsafePointer()).Elem()
			}
			fillEvery(t, f, n)
		}
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d-é", *n))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n) * -7919)
	case reflect.Uint64:
		v.SetUint(uint64(*n) * 0x9E3779B97F4A7C15)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.String {
			t.Fatalf("spool codec: no rule to fill a %s", v.Type())
		}
		s := reflect.MakeSlice(v.Type(), 3, 3)
		for i := 0; i < 3; i++ {
			fillEvery(t, s.Index(i), n)
		}
		v.Set(s)
	default:
		t.Fatalf("spool codec: no rule to fill a %s (a new kind of field in listing?)", v.Type())
	}
}

// TestSpoolCodecRoundTrip fails when a field of listing (or of the catalog types it holds) is
// not carried through the spool's records.
func TestSpoolCodecRoundTrip(t *testing.T) {
	var l listing
	n := 0
	fillEvery(t, reflect.ValueOf(&l).Elem(), &n)
	for _, want := range []listing{l, {}, {line: 1, category: []string{"A"}}} {
		b := appendListing([]byte("junk before"), &want)[len("junk before"):]
		size, w := uvarint(b)
		if w <= 0 || int(size) != len(b)-w {
			t.Fatalf("record length %d (%d bytes) for a %d-byte record", size, w, len(b))
		}
		got, err := decodeListing(string(b[w:]))
		if err != nil {
			t.Fatal(err)
		}
		if len(want.category) == 0 {
			want.category = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, want)
		}
		for cut := 0; cut < len(b)-w; cut += 7 {
			if _, err := decodeListing(string(b[w : w+cut])); err == nil {
				t.Fatalf("a record cut to %d of %d bytes decoded without error", cut, len(b)-w)
			}
		}
	}
}

func uvarint(b []byte) (uint64, int) {
	d := recordDecoder{s: string(b)}
	v := d.uint()
	if d.err != nil {
		return 0, -1
	}
	return v, d.i
}
