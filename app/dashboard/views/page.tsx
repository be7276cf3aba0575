/**
 * The frame of every dashboard page: head (local stylesheet and htmx only: the Content-Security-
 * Policy allows nothing else), the network's name, the navigation and sign-out.
 */
import type { Child } from 'hono/jsx';
import type { View } from './view.js';

export function Page(props: { v: View; title: string; children?: Child; signedIn?: boolean }) {
  const { v } = props;
  return (
    <html lang={v.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta
          name="htmx-config"
          content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"selfRequestsOnly":true}'
        />
        <title>{`${props.title} · ${v.network}`}</title>
        <link rel="stylesheet" href="/dashboard/static/dashboard.css" />
        <link rel="icon" href="/dashboard/static/favicon.svg" type="image/svg+xml" />
        <script src="/dashboard/static/htmx.min.js" defer></script>
      </head>
      <body>
        <header>
          <strong>{v.network}</strong>
          {props.signedIn !== false && v.csrf ? (
            <nav>
              <a href="/dashboard">{v.t('dashboard.nav.queue')}</a>
              <a href="/dashboard/map">{v.t('dashboard.nav.map')}</a>
              <a href="/dashboard/numbers">{v.t('dashboard.nav.numbers')}</a>
              <a href="/dashboard/export">{v.t('dashboard.nav.export')}</a>
              <form method="post" action="/dashboard/logout" class="inline">
                <input type="hidden" name="_csrf" value={v.csrf} />
                <button type="submit" class="link">
                  {v.t('dashboard.nav.logout')}
                </button>
              </form>
            </nav>
          ) : null}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** The page for anyone without a session: how to get a sign-in link. */
export function SignInHelp(props: { v: View; reason?: 'expired' | 'used' | 'unknown' | 'signed_out' }) {
  const { v } = props;
  return (
    <Page v={v} title={v.t('dashboard.signin.title')} signedIn={false}>
      {props.reason ? <p class="flash warn">{v.t(`dashboard.signin.${props.reason}`)}</p> : null}
      <p>{v.t('dashboard.signin.how')}</p>
      <p>{v.t('dashboard.signin.only_verifiers')}</p>
    </Page>
  );
}
