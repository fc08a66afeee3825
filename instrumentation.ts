// Next.js start-up hook: boots the server (server/boot.ts) in the Node.js runtime only; importing it lazily keeps its
// Node APIs out of the Edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("./server/boot");
  boot();
}
