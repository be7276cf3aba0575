/** The dashboard's stylesheet: one column on a phone (390 px), wider cards on a desktop. */
export const DASHBOARD_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f6f4}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.6rem 1rem;background:#20313f;color:#fff}
header a,header .link{color:#fff}
nav{display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center}
main{max-width:1100px;margin:0 auto;padding:.75rem 1rem 3rem}
h1{font-size:1.35rem;margin:.5rem 0 .75rem}
h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
a{color:#0b5cad}
.muted{color:#5b5b5b}
.flash{background:#e6f2e6;border-left:4px solid #2d7a2d;padding:.5rem .75rem;white-space:pre-line}
.flash.warn{background:#fff4e0;border-color:#b36b00}
.inline{display:inline;margin:0}
button{font:inherit;padding:.5rem .9rem;border:1px solid #20313f;border-radius:6px;background:#fff;color:#20313f;min-height:44px;cursor:pointer}
button.primary{background:#1f6f3a;border-color:#1f6f3a;color:#fff}
button.link{border:0;background:none;padding:0;min-height:0;text-decoration:underline}
input,select{font:inherit;padding:.45rem .5rem;border:1px solid #888;border-radius:6px;min-height:44px;max-width:100%}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin-bottom:.75rem}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.6rem;grid-template-columns:repeat(auto-fill,minmax(320px,1fr))}
.card{background:#fff;border:1px solid #d5d5d0;border-left:6px solid #8a8a8a;border-radius:8px;padding:.6rem .75rem}
.card.urgent{border-left-color:#c0262d}
.card .number{font-weight:700;font-size:1.15rem;margin-right:.4rem}
.line{margin-top:.25rem;overflow-wrap:anywhere}
.badge{display:inline-block;font-size:.8rem;padding:.1rem .45rem;border-radius:999px;background:#e9e9e6;margin:.1rem .3rem .1rem 0}
.badge.urgent{background:#c0262d;color:#fff}
.badge.st-confirmed{background:#1f6f3a;color:#fff}
.badge.st-claimed{background:#ffe9a8}
.badge.dup{background:#e3ecf8}
.badge.flag-flood,.badge.flag-stale{background:#ffd9c2}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem}
.action{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;background:#fff;border:1px solid #d5d5d0;border-radius:8px;padding:.4rem}
.action input[type=text]{flex:1 1 12rem}
.check{display:flex;gap:.3rem;align-items:center}
.quick{display:flex;gap:.5rem;margin-top:.45rem}
.quick form{margin:0}
dl{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.3rem .8rem;margin:0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
.timeline{padding-left:1.2rem}
.timeline time{color:#5b5b5b}
.photos{display:flex;flex-wrap:wrap;gap:.5rem}
.photos img{max-width:100%;width:240px;border-radius:6px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d5d5d0;padding:.35rem .5rem;text-align:left;font-size:.95rem}
.scroll{overflow-x:auto}
.delivery-sent{color:#1f6f3a}
.delivery-dead{color:#c0262d;font-weight:700}
.map{width:100%;height:auto;background:#eef1ea;border:1px solid #d5d5d0;border-radius:8px}
.map-bg{fill:#eef1ea}
.zone polygon,.zone circle{fill:#9cc3e6;fill-opacity:.25;stroke:#3b6e99;stroke-width:2}
.zone text{font-size:16px;fill:#20313f;text-anchor:middle}
.pin circle{fill:#e0a800;stroke:#fff;stroke-width:2}
.pin.urgent circle{fill:#c0262d}
.pin.status-confirmed circle{fill:#1f6f3a}
.pin text{font-size:15px;font-weight:700;fill:#1b1b1b}
@media (max-width:480px){
  main{padding:.5rem .6rem 2rem}
  .cards{grid-template-columns:1fr}
  dl{grid-template-columns:1fr}
  dt{margin-top:.4rem}
}
`;
