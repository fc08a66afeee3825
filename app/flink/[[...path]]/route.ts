// /flink/…: the Flink web UI, read-only, through the server (server/monitor/flink-proxy.ts); the access check runs first.
import type { NextRequest } from "next/server";
import { proxyGet, refuseNonGet } from "@/server/monitor/flink-proxy";
import { getServices } from "@/server/services";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = (req: NextRequest) => proxyGet(getServices().supervisor.flinkTarget(), req.nextUrl);
export const HEAD = (req: NextRequest) => proxyGet(getServices().supervisor.flinkTarget(), req.nextUrl, "HEAD");
const refuse = (req: NextRequest) => refuseNonGet(req.method);
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as OPTIONS };
