// POST {graph, options} → the Kubernetes export's build context as a zip (Dockerfile, manifests, lib/ and usrlib/
// jars, data/): what `streamcanvas k8s --out DIR` writes, for the editor's download. Behind the same access checks as
// every route (proxy.ts: token, same origin, JSON body).
import fs from "node:fs";
import { TRPCError } from "@trpc/server";
import { GraphCompileError } from "@/server/errors";
import { writeZip } from "@/server/k8s/jar";
import { getServices } from "@/server/services";
import { K8sExportInput, runExport } from "@/server/api/routers/k8s";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const input = K8sExportInput.safeParse(await req.json().catch(() => null));
  if (!input.success) return Response.json({ error: input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n") }, { status: 400 });
  try {
    const exp = runExport(input.data, getServices().dataRoot);
    const zip = writeZip(exp.files.map((f) => [`${exp.name}/${f.path}`, "text" in f ? Buffer.from(f.text) : "bytes" in f ? f.bytes : fs.readFileSync(f.from)]));
    return new Response(new Uint8Array(zip), {
      headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${exp.name}-k8s.zip"` },
    });
  } catch (e) {
    if (e instanceof TRPCError || e instanceof GraphCompileError) return Response.json({ error: e.message }, { status: 400 });
    throw e;
  }
}
