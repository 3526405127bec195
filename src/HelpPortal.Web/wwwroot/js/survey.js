// Live "characters left" / "characters too many" hint for the survey's free-text answer. Without JavaScript the static hint
// ("at most 1,000 characters") stays and the server enforces the limit.
(function () {
  "use strict";

  // Characters as a person counts them (an emoji, a letter with its accents, a line break: one each), the way the
  // server counts them (StringInfo text elements). Browsers without Intl.Segmenter count code points instead.
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  var characters = function (text) {
    return segmenter ? Array.from(segmenter.segment(text)).length : Array.from(text).length;
  };

  // The page's language decides the plural form (CLDR rules, as Plural.Category on the server: Latvian has "zero",
  // "one" and "other"); the hint carries the words of each form. Without Intl.PluralRules, "other" is always used.
  var plurals = typeof Intl !== "undefined" && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null;
  var words = function (hint, kind, n) {
    var category = plurals ? plurals.select(n) : "other";
    return (hint.getAttribute("data-" + kind + "-" + category) || hint.getAttribute("data-" + kind + "-other")).replace("{0}", String(n));
  };

  document.querySelectorAll("textarea[data-max-length]").forEach(function (textarea) {
    var max = parseInt(textarea.getAttribute("data-max-length"), 10);
    var hint = document.getElementById(textarea.id + "-hint");
    if (!hint || !max) {
      return;
    }
    var update = function () {
      var left = max - characters(textarea.value);
      hint.textContent = left >= 0 ? words(hint, "left", left) : words(hint, "over", -left);
      hint.classList.toggle("text-danger", left < 0);
    };
    textarea.addEventListener("input", update);
    update();
  });

  // After a refused submission, move focus to the list of problems so screen reader users hear it first.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
