// "Was this helpful?" without a page reload. Without JavaScript the same forms post normally and the thank-you page
// asks for the reason instead.
(function () {
  "use strict";
  document.querySelectorAll("section.feedback").forEach(function (section) {
    var status = section.querySelector(".feedback-status");
    var panel = section.querySelector("[data-feedback-reason-panel]");
    var send = function (form, submitter) {
      var data = new FormData(form);
      if (submitter && submitter.name) {
        data.set(submitter.name, submitter.value);
      }
      return fetch(form.action, { method: "POST", body: new URLSearchParams(data), headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        });
    };
    var fail = function () {
      status.textContent = section.getAttribute("data-feedback-error");
    };

    var vote = section.querySelector("form[data-feedback]");
    vote.addEventListener("submit", function (event) {
      event.preventDefault();
      send(vote, event.submitter).then(function (result) {
        status.textContent = section.getAttribute("data-feedback-thanks");
        vote.hidden = true;
        if (result.askReason && panel) {
          panel.hidden = false;
          var first = panel.querySelector("input[type=radio]");
          if (first) {
            first.focus();
          }
        }
      }, fail);
    });

    var reason = panel && panel.querySelector("form[data-feedback-reason]");
    if (reason) {
      reason.addEventListener("submit", function (event) {
        event.preventDefault();
        send(reason, null).then(function () {
          panel.hidden = true;
          status.textContent = section.getAttribute("data-feedback-thanks");
        }, fail);
      });
    }
  });
})();
