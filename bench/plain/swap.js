// The plain-DOM floor for a step change: the built page, no app, and Next swapping in the next
// step's markup exactly as the app renders it (captured from the app by bench/browser.mjs into
// steps.json). What is left of the latency here is the browser's own work (parsing, style,
// layout, paint) for a new step, with none of the app's.
const steps = await (await fetch("steps.json")).json();
let current = 0;
document.addEventListener("click", (event) => {
  if (!event.target.closest(".ia-button--next")) return;
  current = (current + 1) % steps.length;
  const template = document.createElement("template");
  template.innerHTML = steps[current];
  document.querySelector(".ia-interactive .ia-step").replaceWith(template.content);
});
document.documentElement.dataset.plainReady = "";
