/** The page frame every HTML page shares: skip link, navigation, main landmark, footer. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { tryGetContext } from 'hono/context-storage';
import { AccountNavItems } from '../auth/account-nav.tsx';
import { ReviewNavItem } from '../routes/review/review-nav.tsx';
import { readTheme, type Theme } from '../routes/theme/theme.ts';
import { renderedOnce } from './rendered-once.ts';

export interface LayoutProps {
  readonly title: string;
  /** Which navigation entry is the current page. */
  readonly current?: 'home' | 'practice' | 'exams' | 'review' | 'drill' | 'progress' | 'reports' | 'cost' | 'playground' | 'account' | 'admin';
  /** Question and result pages opt in to the 1–9 / Enter / N keys. */
  readonly shortcuts?: boolean;
  /** Page scripts served from /static/ (the exam countdown), loaded deferred. */
  readonly scripts?: readonly string[];
  /** Stylesheets of one page, served from /static/ after the shared one. */
  readonly styles?: readonly string[];
  readonly children?: Child;
}

const NAV: ReadonlyArray<{ id: NonNullable<LayoutProps['current']>; href: string; label: string }> = [
  { id: 'home', href: '/', label: 'Home' },
  { id: 'practice', href: '/practice', label: 'Practice' },
  { id: 'exams', href: '/exams', label: 'Exams' },
  { id: 'progress', href: '/progress', label: 'Progress' },
  { id: 'cost', href: '/cost', label: 'Cost' },
  { id: 'playground', href: '/playground', label: 'Playground' },
];

/** The review entry (with its due count) follows Practice. */
const REVIEW_AFTER = NAV.findIndex((item) => item.id === 'practice') + 1;

function NavEntry({ item, current }: { item: (typeof NAV)[number]; current: LayoutProps['current'] }) {
  return (
    <li>
      <a href={item.href} aria-current={item.id === current ? 'page' : undefined}>
        {item.label}
      </a>
    </li>
  );
}

const FOOTER = raw(
  String(
    <footer class="site-footer">
      <p>
        Questions are generated and graded by computation. Facts follow the AWS documentation; the JSON API (<a href="/api/reference">reference</a>,{' '}
        <a href="/api/openapi.json">OpenAPI document</a>) does everything these pages do. Authors: <a href="/authoring/reports">reported problems</a>.
      </p>
    </footer>,
  ),
);

const THEME_LABELS: ReadonlyArray<{ value: Theme; label: string }> = [
  // Each option names the setting, so the visible control needs no label of its own beside it
  // (a visible "Theme" pushed the switch onto a second header row at 1280 px).
  { value: 'system', label: 'Theme: system' },
  { value: 'light', label: 'Theme: light' },
  { value: 'dark', label: 'Theme: dark' },
];

/**
 * The colour-scheme switch: a form posting to /theme, so it works without JavaScript; with it,
 * /static/theme-switch.js applies the choice at once and hides the button.
 */
function ThemeSwitch({ theme, returnTo }: { theme: Theme; returnTo: string }) {
  return (
    <form class="theme-switch" method="post" action="/theme" data-theme-switch>
      <input type="hidden" name="returnTo" value={returnTo} />
      <label for="theme-select" class="visually-hidden">
        Theme
      </label>
      <select id="theme-select" name="theme">
        {THEME_LABELS.map((t) => (
          <option value={t.value} selected={t.value === theme}>
            {t.label}
          </option>
        ))}
      </select>
      <button type="submit" class="button-small">
        Apply
      </button>
    </form>
  );
}

export function Layout({ title, current, shortcuts = false, scripts = [], styles = [], children }: LayoutProps) {
  // Pages render through c.html inside the request, so the layout reads the cookie itself.
  const c = tryGetContext();
  const theme = readTheme(c);
  const url = c ? new URL(c.req.url) : undefined;
  // Back to this page after a switch without JavaScript, but never relaying a redirect target
  // the page itself was given (the log-in page's returnTo): that one is the page's to check.
  url?.searchParams.delete('returnTo');
  const returnTo = url ? `${url.pathname}${url.search}` : '/';
  // Without the doctype browsers fall back to quirks mode.
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en" data-theme={theme}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · DynamoDB study`}</title>
          <link rel="stylesheet" href="/static/style.css" />
          {styles.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <a class="brand" href="/">
              DynamoDB study
            </a>
            {/* On a phone the entries fold behind "Menu" (a disclosure, so it works without
                JavaScript); from 700 px the summary hides and the entries stand in one row. */}
            <details class="site-menu">
              <summary>Menu</summary>
              <nav aria-label="Main">
                <ul>
                  {/* The fixed entries, rendered once per current page (rendered-once.ts); the
                      review entry carries its due count, which no fixed entry can. */}
                  {renderedOnce(NAV, `before-review:${current}`, () => (
                    <>
                      {NAV.slice(0, REVIEW_AFTER).map((item) => (
                        <NavEntry item={item} current={current} />
                      ))}
                    </>
                  ))}
                  <ReviewNavItem current={current} />
                  {renderedOnce(NAV, `after-review:${current}`, () => (
                    <>
                      {NAV.slice(REVIEW_AFTER).map((item) => (
                        <NavEntry item={item} current={current} />
                      ))}
                    </>
                  ))}
                  <AccountNavItems current={current} />
                </ul>
              </nav>
              <ThemeSwitch theme={theme} returnTo={returnTo} />
            </details>
          </header>
          <main id="main" tabindex={-1}>
            {children}
          </main>
          {FOOTER}
          <script src="/static/theme-switch.js" defer></script>
          {shortcuts ? <script src="/static/keyboard-shortcuts.js" defer></script> : null}
          {scripts.map((src) => (
            <script src={src} defer></script>
          ))}
        </body>
      </html>
    </>
  );
}
