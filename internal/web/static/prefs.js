// tagdrop preference forms (/welcome, /settings): progressive enhancement only; every field
// works as a plain form without this file.
// - The "Add brands" box suggests the catalogue's brands (GET /api/v1/brands) as the shopper
//   types; choosing one ticks it as a chip and clears what was typed (ARIA combobox pattern).
// - A time zone field marked data-guess="browser" takes the browser's own zone.
"use strict";
(() => {
  const zone = document.querySelector("input[name=time_zone][data-guess=browser]");
  if (zone && window.Intl) {
    try {
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (tz && /^[A-Za-z_]+(\/[A-Za-z0-9_+\-]+)*$/.test(tz)) zone.value = tz;
    } catch (_) { /* keep UTC */ }
  }

  const input = document.getElementById("brands_text");
  const chips = document.getElementById("brand-chips");
  if (!input || !chips || !window.fetch) return;

  const wrap = input.parentElement;
  const list = document.createElement("ul");
  list.id = "brand-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Brand suggestions");
  list.hidden = true;
  wrap.classList.add("has-suggestions");
  wrap.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  let items = [];
  let active = -1;
  let timer = 0;
  let seq = 0;
  let added = 0;

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

  // The part after the last comma is what is being typed.
  const typed = () => {
    const parts = input.value.split(",");
    return parts[parts.length - 1].trim();
  };

  const follow = (name) => {
    const key = name.toLowerCase();
    let box = [...chips.querySelectorAll("input[name=brand]")].find((b) => b.value.toLowerCase() === key);
    if (!box) {
      const li = document.createElement("li");
      li.className = "chip-toggle";
      box = document.createElement("input");
      box.type = "checkbox";
      box.name = "brand";
      box.value = name;
      box.id = "brand-added-" + (added++);
      const label = document.createElement("label");
      label.htmlFor = box.id;
      label.textContent = name;
      li.append(box, label);
      chips.prepend(li);
    }
    box.checked = true;
    const parts = input.value.split(",");
    parts.pop();
    input.value = parts.map((p) => p.trim()).filter(Boolean).map((p) => p + ", ").join("");
    close();
    input.focus();
  };

  const show = (brands) => {
    list.replaceChildren();
    items = [];
    for (const b of brands) {
      const li = document.createElement("li");
      li.id = "brand-suggestion-" + items.length;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.name = b.name;
      const k = document.createElement("span");
      k.className = "suggestion-kind";
      k.textContent = b.products + (b.products === 1 ? " item" : " items");
      li.append(b.name, " ", k);
      li.addEventListener("mousedown", (e) => { e.preventDefault(); follow(b.name); });
      list.appendChild(li);
      items.push(li);
    }
    if (items.length === 0) { close(); return; }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(-1);
  };

  const suggest = async () => {
    const q = typed();
    if (q.length < 1 || q.length > 100) { close(); return; }
    const mine = ++seq;
    try {
      const r = await fetch("/api/v1/brands?limit=8&q=" + encodeURIComponent(q), {headers: {Accept: "application/json"}});
      if (!r.ok || mine !== seq) return;
      show((await r.json()).brands || []);
    } catch (_) {
      close(); // offline: typing names still works
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); follow(items[active].dataset.name); }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
})();
