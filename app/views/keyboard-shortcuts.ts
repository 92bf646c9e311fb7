/**
 * Served as /static/keyboard-shortcuts.js on question and result pages: 1–9 pick an option,
 * S / U / G say sure, unsure or a guess, Enter submits, N goes to the next question. Every page
 * works without it.
 */
export const KEYBOARD_SHORTCUTS_SCRIPT = `
// The key hints stay hidden until the keys actually work.
document.querySelectorAll('[data-shortcuts-hint]').forEach(function (hint) { hint.hidden = false; });
document.addEventListener('keydown', function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  var target = event.target;
  var tag = target && target.tagName;
  var choosing = tag === 'INPUT' && (target.type === 'radio' || target.type === 'checkbox');
  if (tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && !choosing) || (target && target.isContentEditable)) return;
  var form = document.querySelector('form[data-answer-form]');
  if (form && /^[1-9]$/.test(event.key)) {
    // The confidence radios have their own letters; the digits count the answer's options only.
    var inputs = form.querySelectorAll('input[type=radio]:not([name=confidence]), input[type=checkbox]');
    var input = inputs[Number(event.key) - 1];
    if (!input) return;
    input.checked = input.type === 'radio' ? true : !input.checked;
    input.focus();
    event.preventDefault();
  } else if (form && /^[sugSUG]$/.test(event.key) && form.querySelector('input[name=confidence][data-key=' + event.key.toLowerCase() + ']')) {
    var confidence = form.querySelector('input[name=confidence][data-key=' + event.key.toLowerCase() + ']');
    confidence.checked = true;
    confidence.focus();
    event.preventDefault();
  } else if (form && event.key === 'Enter' && tag !== 'A' && tag !== 'BUTTON' && tag !== 'SUMMARY') {
    form.requestSubmit();
    event.preventDefault();
  } else if (event.key === 'n' || event.key === 'N') {
    var next = document.querySelector('a[data-next]');
    if (!next) return;
    window.location.href = next.href;
    event.preventDefault();
  }
});
`;
