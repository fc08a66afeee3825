// What a refused request gets back: JSON for the API (tRPC clients read `error.message`), a short page otherwise.
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>StreamCanvas: ${esc(title)}</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">${body}</body></html>`;

export function deniedBody(pathname: string, status: number, reason: string): { type: string; text: string } {
  if (pathname.startsWith("/api/")) {
    return { type: "application/json", text: JSON.stringify({ error: { message: reason, code: status === 401 ? "UNAUTHORIZED" : "FORBIDDEN" } }) };
  }
  return { type: "text/html; charset=utf-8", text: page(`${status}`, `<h1>${status}: refused</h1><p data-testid="access-refused">${esc(reason)}</p>`) };
}

export const SIGNED_OUT_HTML = page(
  "signed out",
  `<h1>Signed out</h1><p data-testid="signed-out">This browser is signed out of StreamCanvas. To sign in again, open the URL
<code>npm start</code> printed (…/?token=…), or print it with <code>streamcanvas token</code>.</p>`,
);
