/** The cost pages' own styles, served at /cost/style.css (a body-ok <link>, so the shared layout stays untouched). */
export const COST_STYLESHEET = `.cost-modes { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.cost-modes section { border: 1px solid var(--border); border-radius: 6px; padding: .25rem 1rem; }
.cost-modes .cheaper { border: 2px solid var(--correct); }
.cost-total { font-size: 1.4rem; font-weight: 700; }
.cost-form .field label { min-width: 15rem; }
.cost-form .field input, .cost-form .field select { width: 11rem; }
.field-error { color: var(--incorrect); font-weight: 600; flex-basis: 100%; margin: 0; }
.conf { display: inline-block; min-width: 1.4rem; text-align: center; border-radius: 3px; font-weight: 700; font-size: .8rem; }
.conf-H { background: var(--correct-bg); color: var(--correct); }
.conf-M { background: var(--partial-bg); color: var(--partial); }
.conf-L { background: var(--incorrect-bg); color: var(--incorrect); }
.price-table td { font-size: .9rem; }
/* A class, not a style attribute: the Content-Security-Policy refuses inline styles. */
.chart text.break-even { fill: var(--partial); }
.cost-modes tbody th, .price-table tbody th, .cost-lines tbody th { font-weight: 500; }
`;
