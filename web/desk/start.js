// Starts the story desk: the bundle's start function runs the page (src/desk/mod.rs).
import init from "./desk.js";

init({ module_or_path: new URL("desk_bg.wasm", import.meta.url) }).catch((error) => {
  const page = document.getElementById("desk");
  page.textContent = `The story desk could not start: ${error.message}`;
  page.setAttribute("role", "alert");
});
