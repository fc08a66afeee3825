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
import "./styles/theme.css";
import "./styles/preview.css";
import "./styles/monitor.css";
import { RunnerBanner, RunnerPill, RunnerStatusProvider } from "@/components/ui/runner-status";
import { ThemeToggle, THEME_BOOT_SCRIPT } from "@/components/ui/theme-toggle";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "StreamCanvas",
  description: "A visual pipeline builder for Apache Flink",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <Providers>
          <RunnerStatusProvider>
            <div className="sc-app">
              <header className="sc-header">
                <Link href="/" className="sc-logo" data-testid="home-link">
                  <span className="sc-logo__mark" aria-hidden>◆</span> StreamCanvas
                </Link>
                <ThemeToggle />
                <nav className="sc-nav">
                  <Link href="/jobs" data-testid="nav-jobs">Jobs</Link>
                  <Link href="/connections" data-testid="nav-connections">Connections</Link>
                  <Link href="/targets" data-testid="nav-targets">Targets</Link>
                  {/* a plain link: Next's <Link> would prefetch it, and a prefetch of /logout signs out */}
                  <a href="/logout" data-testid="sign-out" title="Sign this browser out (the printed …/?token= URL signs in again)">Sign out</a>
                </nav>
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
