/**
 * Defanging: every form of link a chat app would make clickable (or preview, or dial) is broken
 * in a way people still read. Tipster text shown to verifiers and responders goes through this,
 * so nobody can plant a link to tap in a card, a relayed answer or an alert.
 *
 * What counts as a link is what Signal, WhatsApp and Telegram linkify, not what a browser would
 * open: scheme URLs (`https://`, `tg://`, `sgnl://`), `www.`, bare domains (`evil.example/x`,
 * `bit.ly/abc`, `t.me/x`, `wa.me/1555`, `signal.me/#p`), e-mail addresses, dialling and
 * messaging schemes (`tel:`, `mailto:`, `sms:`), bare IPv4 addresses and Telegram @usernames.
 * Ordinary writing is left alone: "3.30", "St.", "a.m.", "EE.UU.", "$3.50".
 */

/** Two-letter country TLDs in use (ISO 3166 plus ac, eu, su, uk). */
const COUNTRY_TLDS =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ' +
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm ' +
  'fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it ' +
  'je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn ' +
  'mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps ' +
  'pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj ' +
  'tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';

/** Generic TLDs people and link shorteners use; any other TLD counts when a path follows it. */
const GENERIC_TLDS =
  'com net org edu gov mil int info biz name pro mobi app dev xyz online site top club shop store live link ' +
  'click page blog news email cloud tech space fun website icu vip work today world life zip mov lol wtf ' +
  'example test local onion group chat social media video help support network digital global';

const TLDS = new Set([...COUNTRY_TLDS.split(' '), ...GENERIC_TLDS.split(' ')]);

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}[\\p{L}\\p{N}])?';

/**
 * A dotted run `label.label.tld`, whole (so a long run is read once, not from every dot), then
 * the two characters after it (to tell a path or a port from the end of a sentence).
 */
const DOMAIN = new RegExp(`(?<![\\p{L}\\p{N}_-])${LABEL}(?:\\.${LABEL})+(?![\\p{L}\\p{N}_-])(?=(.?)(.?))`, 'giu');

/** `scheme://host`: the scheme is broken and the host's dots are bracketed. */
const SCHEME_URL = /(?<![\p{L}\p{N}_])([a-z][a-z0-9+.-]{0,30}):\/\/([^\s/?#<>"'`]*)/giu;

/** Schemes that dial, write or open an app without `//` (`tel:+1555…`, `mailto:a@b`). */
const OPAQUE_SCHEME =
  /(?<![\p{L}\p{N}_-])(tel|telprompt|mailto|sms|smsto|mms|mmsto|callto|facetime|facetime-audio|sgnl|signal|tg|whatsapp|geo|skype|viber):(?=[^\s])/giu;

const WWW = /(?<![\p{L}\p{N}_-])www\./giu;

const IPV4 = /(?<![\p{L}\p{N}_.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\p{N}])/gu;

/** Telegram links `@username` (five or more characters) to a profile. E-mail addresses are not mentions. */
const MENTION = /(?<![\p{L}\p{N}_@])@(?=[A-Za-z][A-Za-z0-9_]{4,})/gu;

function bracketDots(host: string): string {
  return host.replace(/\./g, '[.]');
}

function defangScheme(scheme: string): string {
  const s = scheme.toLowerCase();
  if (s === 'http' || s === 'https') return `hxxp${s.slice(4)}://`;
  if (s === 'ftp') return 'fxp://';
  return `${s}[:]//`;
}

/** True when what follows a TLD makes it an address: a path, a query, a fragment or a port. */
function followedByPath(next: string, after: string): boolean {
  if (next === '/' || next === '?' || next === '#') return after !== '' && !/\s/.test(after);
  return next === ':' && /\d/.test(after);
}

/**
 * Makes every link form unclickable and unpreviewable, keeping it readable:
 * `https://evil.example/x` -> `hxxps://evil[.]example/x`, `bit.ly/abc` -> `bit[.]ly/abc`,
 * `tel:+15550100` -> `tel[:]+15550100`, `@someone` -> `[@]someone`.
 */
export function defang(text: string): string {
  return text
    .replace(SCHEME_URL, (_m, scheme: string, host: string) => `${defangScheme(scheme)}${bracketDots(host)}`)
    .replace(OPAQUE_SCHEME, (_m, scheme: string) => `${scheme}[:]`)
    .replace(WWW, 'www[.]')
    .replace(IPV4, (m) => bracketDots(m))
    .replace(DOMAIN, (m, next: string, after: string) => {
      const dot = m.lastIndexOf('.');
      const tld = m.slice(dot + 1);
      if (!/^\p{L}{2,24}$/u.test(tld) || !/\p{L}/u.test(m.slice(0, dot))) return m; // "3.am", "10.30h": numbers, not names
      return TLDS.has(tld.toLowerCase()) || followedByPath(next, after) ? bracketDots(m) : m;
    })
    .replace(MENTION, '[@]');
}
