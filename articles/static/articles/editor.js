/* Live word and character counts on the article page, with the limits shown
   before they bite: a headline's maximum length (no silent cut, the server
   refuses a longer one with its own error) and, for the body, the share of
   what one save may carry (the request limit the admin's size check in
   newsdesk/core/static/core/admin-forms.js enforces). Characters are counted
   as the server counts them: one per Unicode code point. */
(function () {
  "use strict";

  var NEAR = 0.9;

  function requestLimit() {
    var meta = document.querySelector('meta[name="newsdesk-request-limit"]');
    return meta ? parseInt(meta.content, 10) : 0;
  }

  function number(n) {
    return n.toLocaleString("en-GB");
  }

  function words(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/u).length : 0;
  }

  function utf8Bytes(text) {
    return new TextEncoder().encode(text).length;
  }

  function attach(field) {
    var counter = document.createElement("div");
    counter.className = "field-count";
    counter.id = field.id + "_count";
    counter.setAttribute("aria-live", "polite");
    // Below the field (Django's admin lays label and field out in a row).
    (field.closest(".flex-container") || field).insertAdjacentElement("afterend", counter);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute(
      "aria-describedby",
      (described ? described + " " : "") + counter.id
    );
    var max = parseInt(field.dataset.maxLength || "0", 10);
    var isBody = field.dataset.count === "body";
    var limit = isBody ? requestLimit() : 0;

    function update() {
      var text = field.value;
      var characters = Array.from(text).length;
      var parts = [number(words(text)) + " words", number(characters) + " characters"];
      var state = "";
      if (max) {
        parts[1] = number(characters) + " of " + number(max) + " characters";
        if (characters > max) {
          state = "count-over";
          parts.push(number(characters - max) + " over the limit: shorten it to save");
        } else if (characters >= max * NEAR) {
          state = "count-near";
          parts.push(number(max - characters) + " left");
        }
      }
      if (limit) {
        var bytes = utf8Bytes(text);
        var share = bytes / limit;
        if (share >= 1) {
          state = "count-over";
          parts.push("too long to save: one save carries at most " +
            (limit / 1048576).toFixed(1) + " MiB, this body is " +
            (bytes / 1048576).toFixed(2) + " MiB");
        } else if (share >= 0.75) {
          state = "count-near";
          parts.push(Math.round(share * 100) + "% of what one save may carry");
        }
      }
      counter.textContent = parts.join(" · ");
      counter.className = "field-count" + (state ? " " + state : "");
      field.classList.toggle("count-over", state === "count-over");
    }

    field.addEventListener("input", update);
    update();
  }

  function start() {
    document.querySelectorAll("[data-count]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
