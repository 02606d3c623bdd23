// tagdrop search page: the facet sidebar is a <details> drawer on phones; on wider screens it
// starts open. Everything works without this script (the drawer just starts closed).
"use strict";
(() => {
  const filters = document.getElementById("filters");
  if (!filters || !window.matchMedia) return;
  const wide = window.matchMedia("(min-width: 960px)");
  if (wide.matches) filters.open = true;
})();
