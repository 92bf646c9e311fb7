/**
 * Served as /static/authoring-preview.js on the editor: as the author types, a debounced fetch
 * posts the markdown and the seed to POST /authoring/preview (JSON) and swaps in the errors and
 * the preview the server rendered. An error's "line N" link selects that line in the textarea.
 * Without it the Preview button posts the form and the page comes back with the same fragments.
 */
export const AUTHORING_PREVIEW_SCRIPT = `
(function () {
  var form = document.querySelector('form[data-authoring-form]');
  if (!form) return;
  var source = form.querySelector('#source');
  var seed = form.querySelector('#seed');
  var errors = document.getElementById('check-errors');
  var body = document.getElementById('preview-body');
  var status = document.querySelector('[data-preview-status]');
  var timer;
  var sequence = 0;
  function say(text) { if (status) status.textContent = text; }
  function refresh() {
    var mine = ++sequence;
    var editing = form.querySelector('input[name=editing]');
    form.setAttribute('aria-busy', 'true');
    fetch('/authoring/preview', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ source: source.value, seed: seed.value, editing: editing ? editing.value : '' })
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (reply) {
      // An answer to an older keystroke must not overwrite a newer one.
      if (mine !== sequence) return;
      form.removeAttribute('aria-busy');
      if (!reply.ok) { say(reply.data && reply.data.error ? reply.data.error.message : 'The preview failed.'); return; }
      errors.innerHTML = reply.data.html.errors;
      body.innerHTML = reply.data.html.preview;
      var file = document.querySelector('[data-preview-file]');
      if (file && reply.data.file) file.textContent = reply.data.file;
      say(reply.data.status);
    }).catch(function () {
      if (mine !== sequence) return;
      form.removeAttribute('aria-busy');
      say('The preview could not be updated; press Preview.');
    });
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(refresh, 400); }
  source.addEventListener('input', schedule);
  seed.addEventListener('input', schedule);
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('[data-goto-line]') : null;
    if (!link) return;
    event.preventDefault();
    var line = Number(link.getAttribute('data-goto-line'));
    var lines = source.value.split('\\n');
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    source.focus();
    source.setSelectionRange(start, start + (lines[line - 1] || '').length);
    var lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 18;
    source.scrollTop = Math.max(0, (line - 4) * lineHeight);
  });
})();
`;
