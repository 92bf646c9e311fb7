/** The account pages' own styles, served at /account/style.css so the shared stylesheet stays untouched. */
export const ACCOUNT_STYLESHEET = `.account-form { max-width: 28rem; margin-top: 1rem; }
.account-form .form-field { margin: 0 0 1rem; }
.account-form label { display: block; margin-bottom: .25rem; }
.account-form input[type="text"], .account-form input[type="password"] { width: 100%; font: inherit; padding: .45rem .5rem; border: 1px solid var(--input-border); border-radius: 4px; background: var(--surface); color: var(--text); }
.account-form input[aria-invalid="true"] { border: 2px solid var(--incorrect); }
.account-form .hint { margin: .25rem 0 0; }
.field-error { color: var(--incorrect); font-weight: 600; margin: .25rem 0 0; }
.error-box h2 { margin: 0 0 .25rem; font-size: 1.15rem; }
.error-box ul { margin: .25rem 0 0; padding-left: 1.25rem; }
.account-facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.account-facts dt { font-weight: 600; }
.account-facts dd { margin: 0; }
.new-token { display: block; padding: .5rem; background: var(--surface); border: 1px solid var(--border); border-radius: 4px; overflow-wrap: anywhere; font-size: 1rem; }
.inline-form { display: inline; margin: 0; }
.button-danger { background: var(--incorrect); border-color: var(--incorrect); }
.link-button { background: none; border: none; padding: .25rem 0; color: var(--accent); text-decoration: underline; font-weight: 500; cursor: pointer; overflow-wrap: normal; white-space: nowrap; }
/* Short words and the token's prefix: on a phone they wrap between words, never inside one. */
main .token-table td { overflow-wrap: normal; }
.token-prefix { white-space: nowrap; }
.role-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0; }
.role-form select { font: inherit; padding: .3rem .4rem; }
.role-form button { padding: .3rem .8rem; }
.danger-zone { border: 1px solid var(--incorrect); border-radius: 6px; padding: .25rem 1rem 1rem; margin-top: 2rem; }
`;
