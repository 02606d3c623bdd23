// tagdrop type-ahead: suggests brands and products under the header's search box as the
// shopper types, from GET /api/v1/suggest. Progressive enhancement only: without it the box is
// a plain search field. Follows the ARIA combobox pattern (arrow keys, Enter, Escape).
"use strict";
(() => {
  const input = document.getElementById("site-search");
  if (!input || !window.fetch) return;
  const form = input.form;
  const list = document.createElement("ul");
  list.id = "site-search-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  form.classList.add("has-suggestions");
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  let items = [];
  let active = -1;
  let timer = 0;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const highlight = (i) => {
    items.forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    active = i;
    if (i >= 0) input.setAttribute("aria-activedescendant", items[i].id);
    else input.removeAttribute("aria-activedescendant");
  };

  const show = (data) => {
    list.replaceChildren();
    items = [];
    const add = (label, kind, url) => {
      const li = document.createElement("li");
      li.id = "suggestion-" + items.length;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.url = url;
      const k = document.createElement("span");
      k.className = "suggestion-kind";
      k.textContent = kind;
      li.append(label, " ", k);
      li.addEventListener("mousedown", (e) => { e.preventDefault(); window.location.assign(url); });
      list.appendChild(li);
      items.push(li);
    };
    for (const b of data.brands || []) add(b.name, "brand", b.url);
    for (const p of data.products || []) add(p.brand ? p.brand + " " + p.title : p.title, "item", p.url);
    if (items.length === 0) { close(); return; }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(-1);
  };

  const suggest = async () => {
    const q = input.value.trim();
    if (q.length < 2 || q.length > 200) { close(); return; }
    const mine = ++seq;
    try {
      const r = await fetch("/api/v1/suggest?q=" + encodeURIComponent(q), {headers: {Accept: "application/json"}});
      if (!r.ok || mine !== seq) return;
      show(await r.json());
    } catch (_) {
      close(); // offline or aborted: the plain search still works
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.assign(items[active].dataset.url); }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
})();
