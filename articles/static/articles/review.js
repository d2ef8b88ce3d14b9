// The review screen's "Accept all" / "Reject all" / "Decide all later":
// set every proposal's decision at once; the editor can still change rows.
"use strict";
const hasSource = (card) =>
  [...card.querySelectorAll("input.proposal-speaker, input[name$='-source_description']")]
    .some((input) => input.value.trim() !== "");
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("proposals-form");
  if (!form) {
    return;
  }
  for (const button of form.querySelectorAll("[data-decide-all]")) {
    button.addEventListener("click", () => {
      const value = button.dataset.decideAll;
      for (const radio of form.querySelectorAll("input[type=radio]")) {
        if (!radio.name.endsWith("-decision") || radio.value !== value) {
          continue;
        }
        // A quote found with no speaker is accepted only once the editor
        // has named one (or described the source): "Accept all" leaves it.
        const card = radio.closest(".proposal-unattributed");
        if (value === "accept" && card && !hasSource(card)) {
          continue;
        }
        radio.checked = true;
      }
    });
  }
});

// One control for a quote's speaker: typing or picking a name updates the
// card's heading and its "Spoke for" (the organisation the story gives that
// person; none for someone else, whose role then decides it on saving).
document.addEventListener("DOMContentLoaded", () => {
  const list = document.getElementById("review-speakers");
  const spokeFor = new Map();
  if (list) {
    for (const option of list.options) {
      spokeFor.set(option.value.trim().toLowerCase(), option.dataset.organisation);
    }
  }
  for (const input of document.querySelectorAll("input.proposal-speaker")) {
    const card = input.closest(".proposal-quote");
    if (!card) {
      continue;
    }
    const heading = card.querySelector(".proposal-speaker-name");
    const organisation = card.querySelector("select[name$='-organisation']");
    const source = card.querySelector("input[name$='-source_description']");
    let last = input.value.trim().toLowerCase();
    const update = () => {
      const name = input.value.trim();
      if (heading) {
        if (name) {
          heading.textContent = name;
        } else if (source && source.value.trim()) {
          heading.textContent = `${source.value.trim()} (unnamed source)`;
        } else {
          heading.textContent = "found a quote, no speaker: pick one";
        }
      }
      if (organisation && name.toLowerCase() !== last) {
        const value = spokeFor.get(name.toLowerCase()) || "";
        const known = [...organisation.options].some((o) => o.value === value);
        organisation.value = known ? value : "";
      }
      last = name.toLowerCase();
    };
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    if (source) {
      source.addEventListener("input", update);
    }
  }
});
