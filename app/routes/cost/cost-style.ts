/** The cost pages' own styles, served at /cost/style.css (a body-ok <link>, so the shared layout stays untouched). */
export const COST_STYLESHEET = `.cost-modes { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.cost-modes section { border: 1px solid var(--border); border-radius: 6px; padding: .25rem 1rem; }
.cost-modes .cheaper { border: 2px solid var(--correct); }
.cost-total { font-size: 1.4rem; font-weight: 700; }
.cost-form .field label { min-width: 15rem; }
.cost-form .field input { width: 11rem; }
/* A checkbox sits at the start of its line with its label beside it, not in an 11rem box. */
.cost-form .field input[type=checkbox] { width: auto; margin: 0; flex: none; }
.cost-form .field:has(> input[type=checkbox]) { flex-wrap: nowrap; align-items: baseline; }
.cost-form .field input[type=checkbox] + label { min-width: 0; }
/* A select as wide as its longest option (the traffic shapes are sentences), never past the page. */
.cost-form .field select { width: auto; min-width: 11rem; max-width: 100%; }
.field-error { color: var(--incorrect); font-weight: 600; flex-basis: 100%; margin: 0; }
.conf { display: inline-block; min-width: 1.4rem; text-align: center; border-radius: 3px; font-weight: 700; font-size: .8rem; }
.conf-H { background: var(--correct-bg); color: var(--correct); }
.conf-M { background: var(--partial-bg); color: var(--partial); }
.conf-L { background: var(--incorrect-bg); color: var(--incorrect); }
.price-table td { font-size: .9rem; }
.footnote-ref { display: inline-block; min-width: 1.5rem; text-align: center; padding: .1rem 0; }
.price-sources { font-size: .9rem; padding-left: 1.75rem; overflow-wrap: anywhere; }
.price-sources li { margin: .35rem 0; }
/* On a phone each price is two lines, its name then figure, source number and confidence:
   four columns left the figure a few characters wide and the table 5,000 px tall. */
@media (max-width: 40rem) {
  .price-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .price-table tr { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 .75rem; padding: .4rem 0; border-bottom: 1px solid var(--border); }
  .price-table th, .price-table td { display: block; border: none; padding: 0; text-align: left; }
  .price-table th[scope=row] { flex-basis: 100%; }
  .price-table td.num { overflow-wrap: normal; }
  /* The figure takes the line and wraps inside it, so the source number and confidence stay beside it. */
  .price-table td:first-of-type { flex: 1 1 0; min-width: 0; }
}
/* Reached from a row's number: show which note it is. */
.price-sources li:target { background: var(--partial-bg); outline: 2px solid var(--partial); outline-offset: 2px; }
/* A class, not a style attribute: the Content-Security-Policy refuses inline styles. */
.chart text.break-even { fill: var(--partial); }
.cost-modes tbody th, .price-table tbody th, .cost-lines tbody th { font-weight: 500; }
`;
