// Response headers on every page, asset and API answer: a CSP that fits Next.js and Monaco, no framing, no sniffing.
/**
 * Next.js's App Router bootstraps with inline scripts (self.__next_f) and React/Monaco set inline styles, hence
 * 'unsafe-inline' for those two; everything else loads only from this server: Monaco and its workers from /monaco/,
 * tRPC over HTTP and its WebSocket ('self' covers ws: on the same host). Development adds eval (React refresh).
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(dev: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}
