// The review screen's "Accept all" / "Reject all" / "Decide all later":
// set every proposal's decision at once; the editor can still change rows.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("proposals-form");
  if (!form) {
    return;
  }
  for (const button of form.querySelectorAll("[data-decide-all]")) {
    button.addEventListener("click", () => {
      const value = button.dataset.decideAll;
      for (const radio of form.querySelectorAll("input[type=radio]")) {
        if (radio.name.endsWith("-decision") && radio.value === value) {
          radio.checked = true;
        }
      }
    });
  }
});
