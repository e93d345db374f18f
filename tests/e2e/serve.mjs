// Serves the built site (dist/) on localhost for the end-to-end tests, with the right MIME
// types for wasm. Static files only; no directory listings; nothing outside dist/.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { STRICT_CSP } from "./policy.mjs";

// Usage: node serve.mjs ROOT PORT [--csp] [/prefix/=DIR ...]; each prefix serves another
// directory. With --csp every response carries the strict policy the README gives.
const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 8090);
const args = process.argv.slice(4);
const withCsp = args.includes("--csp");
// The publisher's page previews the explainer in an iframe, so it also needs frame-src.
const cspFor = (file) =>
  !withCsp ? {} : { "content-security-policy": file.endsWith("publisher.html") ? `${STRICT_CSP}; frame-src 'self'` : STRICT_CSP };
const mounts = args.filter((arg) => arg !== "--csp").map((arg) => {
  const [prefix, dir] = arg.split("=");
  return { prefix, dir: resolve(dir) };
});
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".toml": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
};

createServer(async (request, response) => {
  let path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  let base = root;
  const mount = mounts.find((m) => path.startsWith(m.prefix));
  if (mount) {
    base = mount.dir;
    path = `/${path.slice(mount.prefix.length)}`;
  }
  const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
  if (!file.startsWith(base)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    // Module scripts, wasm and stylesheets fetched by a direct mount on another origin need CORS.
    response.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "access-control-allow-origin": "*",
      ...cspFor(file),
    });
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
