// Root layout: global styles, providers and the app header with the runner status on every page.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "@xyflow/react/dist/style.css";
import "./styles/base.css";
import "./styles/editor.css";
import "./styles/inspector.css";
import "./styles/run.css";
import "./styles/craft.css";
import { RunnerBanner, RunnerPill, RunnerStatusProvider } from "@/components/ui/runner-status";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "StreamCanvas",
  description: "A visual pipeline builder for Apache Flink",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <RunnerStatusProvider>
            <div className="sc-app">
              <header className="sc-header">
                <Link href="/" className="sc-logo" data-testid="home-link">
                  <span className="sc-logo__mark" aria-hidden>◆</span> StreamCanvas
                </Link>
                <RunnerPill />
              </header>
              <RunnerBanner />
              <main className="sc-main">{children}</main>
            </div>
          </RunnerStatusProvider>
        </Providers>
      </body>
    </html>
  );
}
