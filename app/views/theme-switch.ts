/**
 * Served as /static/theme-switch.js on every page: choosing a theme in the header's switch
 * applies it at once (data-theme on <html>) and saves it by posting the same form in the
 * background, so there is no reload. Without the script the form's Apply button posts it.
 */
export const THEME_SWITCH_SCRIPT = `
(function () {
  var form = document.querySelector('form[data-theme-switch]');
  if (!form || !window.fetch) return;
  var select = form.querySelector('select[name=theme]');
  var button = form.querySelector('button');
  if (button) button.hidden = true;
  select.addEventListener('change', function () {
    document.documentElement.setAttribute('data-theme', select.value);
    // 'manual': the 303 back to this page need not be fetched; its Set-Cookie still applies.
    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin', redirect: 'manual' })
      .catch(function () { if (button) button.hidden = false; });
  });
})();
`;
