// Suggestions while typing in the search boxes: the WAI-ARIA 1.2 combobox with a listbox popup. Without JavaScript
// (or without fetch) the boxes stay plain GET forms; nothing of this is in the page until this script adds it.
// The words come from the script element's data attributes (the CSP allows no inline script).
(function () {
  "use strict";

  var script = document.currentScript;
  var url = script && script.getAttribute("data-url");
  if (!url || !window.fetch || !window.AbortController) {
    return;
  }

  // The count is announced in the page's language and plural form (as survey.js does it: Latvian has "zero", "one",
  // "other"); without Intl.PluralRules, "other" is always used.
  var plurals = typeof Intl !== "undefined" && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null;
  var countText = function (n) {
    var category = plurals ? plurals.select(n) : "other";
    return (script.getAttribute("data-count-" + category) || script.getAttribute("data-count-other")).replace("{0}", String(n));
  };

  var element = function (tag, id, className) {
    var node = document.createElement(tag);
    node.id = id;
    node.className = className;
    return node;
  };

  document.querySelectorAll("form[role=search] input[name=q]").forEach(function (input, n) {
    var id = (input.id || "search-q-" + n) + "-suggestions";
    var listbox = element("ul", id, "search-suggestions");
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", script.getAttribute("data-label"));
    listbox.hidden = true;
    var hint = element("span", id + "-hint", "visually-hidden");
    hint.textContent = script.getAttribute("data-hint");
    var status = element("div", id + "-status", "visually-hidden");
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", listbox);
    input.form.appendChild(hint);
    input.form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + hint.id).trim());
    input.setAttribute("autocomplete", "off");

    var suggestions = [];
    var active = -1;
    var timer = 0;
    var request = null;

    var highlight = function (index) {
      active = index;
      Array.prototype.forEach.call(listbox.children, function (option, i) {
        option.setAttribute("aria-selected", String(i === index));
      });
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", listbox.children[index].id);
      }
    };

    var open = function (isOpen) {
      listbox.hidden = !isOpen;
      input.setAttribute("aria-expanded", String(isOpen));
      if (!isOpen) {
        highlight(-1);
      }
    };

    var go = function (index) {
      window.location.assign(suggestions[index].url);
    };

    var show = function (list) {
      suggestions = list.slice(0, 5);
      listbox.textContent = "";
      suggestions.forEach(function (suggestion, i) {
        var option = element("li", id + "-" + i, "");
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = suggestion.title;
        // Pressing the mouse must not take focus from the box (that would close the list before the click).
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          go(i);
        });
        listbox.appendChild(option);
      });
      highlight(-1);
      open(suggestions.length > 0);
      status.textContent = suggestions.length > 0 ? countText(suggestions.length) : "";
    };

    // One request after typing pauses; a newer one cancels the one still on its way, and an answer for text that has
    // changed since is dropped. A refusal (429) or a network error just shows nothing: the form still searches.
    var ask = function () {
      var text = input.value;
      if (request) {
        request.abort();
        request = null;
      }
      if (text.trim().length < 2) {
        show([]);
        return;
      }
      request = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(text), { signal: request.signal, headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (list) {
          if (input.value === text) {
            show(list);
          }
        })
        .catch(function () {});
    };

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });

    input.addEventListener("keydown", function (event) {
      var count = suggestions.length;
      if (event.isComposing) {
        return;
      }
      if ((event.key === "ArrowDown" || event.key === "ArrowUp") && count > 0) {
        event.preventDefault();
        var down = event.key === "ArrowDown";
        if (listbox.hidden) {
          open(true);
          highlight(down ? 0 : count - 1);
        } else {
          highlight(down ? (active + 1) % count : (active <= 0 ? count - 1 : active - 1));
        }
      } else if (event.key === "Enter" && !listbox.hidden && active >= 0) {
        // A highlighted suggestion opens its article; otherwise Enter submits the search as usual.
        event.preventDefault();
        go(active);
      } else if (event.key === "Escape" && !listbox.hidden) {
        // Closes the list only; a second Escape clears the box as browsers do for search fields.
        event.preventDefault();
        open(false);
      }
    });

    input.addEventListener("blur", function () {
      open(false);
    });

    // Back from an article restores the page as it was left: with the list open.
    window.addEventListener("pageshow", function () {
      open(false);
    });
  });
})();
