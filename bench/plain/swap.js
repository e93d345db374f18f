// The plain-DOM floor for a step change: the built page, no app, and Next swapping in the next
// step's text, figure and sources as the built page's document holds them. What is left of
// the latency here is the browser's own work (style, layout, paint) for a new step.
const steps = [...document.querySelectorAll(".ia-document__step")];
const step = document.querySelector(".ia-interactive .ia-step");
let current = 0;
document.querySelector(".ia-button--next").addEventListener("click", () => {
  current = (current + 1) % steps.length;
  // The document's step starts with its "Step N of 10" line, which the stepper shows elsewhere.
  step.replaceChildren(...[...steps[current].children].slice(1).map((node) => node.cloneNode(true)));
});
document.documentElement.dataset.plainReady = "";
