package catalog

import "testing"

// TestColourFamilyCyrillic: Russian and Ukrainian colour words, in every gender and number and
// with ё or е, as option values and feed columns write them.
func TestColourFamilyCyrillic(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Черный", Black}, {"чёрный", Black}, {"Черная", Black}, {"черные", Black}, {"Белый", White},
		{"белая", White}, {"Серый меланж", Grey}, {"Бежевый", Beige}, {"Красное", Red},
		{"Синий", Blue}, {"синяя", Blue}, {"Голубая", Blue}, {"темно-синий", Blue}, {"Розовый", Pink},
		{"Зеленый", Green}, {"желтые", Yellow}, {"Фиолетовый", Purple}, {"Золотистый", Gold},
		{"Чорний", Black}, {"чорна", Black}, {"Білий", White}, {"біла", White}, {"Сірий", Grey},
		{"Синій", Blue}, {"синя", Blue}, {"Червоний", Red}, {"Рожева", Pink}, {"Зелені", Green},
		{"Черный/белый", Multi},
	} {
		if got := ColourFamily(tt.in); got != tt.want {
			t.Errorf("ColourFamily(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
