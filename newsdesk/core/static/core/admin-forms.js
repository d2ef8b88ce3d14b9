/* Every admin form, before it is sent:

   - Its size is checked against what the server accepts in one request
     (DATA_UPLOAD_MAX_MEMORY_SIZE and DATA_UPLOAD_MAX_NUMBER_FIELDS, given in
     <meta> tags by admin/base_site.html). A form over the limit is not sent:
     the server would refuse it unread, and the typed work would be lost with
     the page. The editor is told at the top of the form and at the largest
     field, which keeps everything typed.
   - Ctrl+S (Cmd+S on a Mac) presses "Save and continue editing", or "Save"
     where there is no such button, instead of saving the page as a file.

   The size is what the browser will send: for an ordinary form, the
   URL-encoded body (line breaks sent as CR LF, as browsers do); for a form
   with files, the text fields only, since Django counts uploads apart. */
(function () {
  "use strict";

  function limit(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? parseInt(meta.content, 10) || 0 : 0;
  }

  function mib(bytes) {
    if (bytes < 1048576) {
      return (bytes / 1024).toFixed(1) + " KiB";
    }
    return (bytes / 1048576).toFixed(2) + " MiB";
  }

  function fieldLabel(form, name) {
    var field = form.elements.namedItem(name);
    if (field && field.id) {
      var label = form.querySelector('label[for="' + field.id + '"]');
      if (label) {
        return label.textContent.replace(/:\s*$/, "").trim();
      }
    }
    return name;
  }

  function measure(form, submitter) {
    var data = new FormData(form, submitter || undefined);
    var multipart = (form.enctype || "").indexOf("multipart") === 0;
    var total = 0;
    var count = 0;
    var largest = { name: "", bytes: 0 };
    var encoder = new TextEncoder();
    data.forEach(function (value, name) {
      count += 1;
      if (typeof value !== "string") {
        return; // an uploaded file: not counted against the limit
      }
      var text = value.replace(/\r?\n/g, "\r\n");
      var bytes = multipart
        ? encoder.encode(text).length
        : new URLSearchParams([[name, text]]).toString().length + 1;
      total += bytes;
      if (bytes > largest.bytes) {
        largest = { name: name, bytes: bytes };
      }
    });
    return { bytes: total, fields: count, largest: largest };
  }

  function clearNotice(form) {
    form.querySelectorAll(".size-refusal").forEach(function (old) {
      old.remove();
    });
  }

  function notice(form, text) {
    var note = document.createElement("p");
    note.className = "errornote size-refusal";
    note.setAttribute("role", "alert");
    note.textContent = text;
    form.insertBefore(note, form.firstChild);
    note.scrollIntoView({ block: "center" });
    return note;
  }

  function refuse(form, size, bytesLimit, fieldsLimit) {
    clearNotice(form);
    if (fieldsLimit && size.fields > fieldsLimit) {
      notice(
        form,
        "Not sent: this form has " + size.fields.toLocaleString("en-GB") +
          " fields and one save may carry at most " +
          fieldsLimit.toLocaleString("en-GB") +
          ". Remove some rows, save, then add the rest. Everything you typed is still here."
      );
      return;
    }
    var name = size.largest.name;
    var label = fieldLabel(form, name);
    notice(
      form,
      "Not sent: this form is " + mib(size.bytes) + " and one save may carry at most " +
        mib(bytesLimit) + ". The largest part is “" + label + "” (" +
        mib(size.largest.bytes) + "): shorten it and save again. " +
        "Everything you typed is still here."
    );
    var field = form.elements.namedItem(name);
    if (field && field.insertAdjacentElement) {
      var marker = document.createElement("p");
      marker.className = "errornote size-refusal";
      marker.textContent = "“" + label + "” is " + mib(size.largest.bytes) +
        " of the " + mib(bytesLimit) + " one save may carry.";
      (field.closest(".flex-container") || field).insertAdjacentElement("afterend", marker);
      field.classList.add("count-over");
    }
  }

  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post") {
        return;
      }
      var bytesLimit = limit("newsdesk-request-limit");
      var fieldsLimit = limit("newsdesk-field-limit");
      var size = measure(form, event.submitter);
      if ((bytesLimit && size.bytes > bytesLimit) || (fieldsLimit && size.fields > fieldsLimit)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        refuse(form, size, bytesLimit, fieldsLimit);
      } else {
        clearNotice(form);
      }
    },
    true
  );

  document.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") {
      return;
    }
    var button =
      document.querySelector('#content form input[name="_continue"]') ||
      document.querySelector('#content form input[name="_save"]');
    if (!button) {
      return;
    }
    event.preventDefault();
    button.form.requestSubmit(button);
  });
})();

/* "Back to the form" on the page the server shows for a form too large to
   read (admin/request_refused.html): going back in history returns to the
   form as typed, where reloading it would not. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("[data-history-back]");
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
