/**
 * Served as /static/exam-timer.js on a running exam's pages. The server prints the time left
 * into the page, so it is right without this; the script only ticks it down, counting from the
 * page's own load (the learner's clock may be wrong), announces 5 and 1 minute left, and at
 * zero posts the open question's form so its answer is kept (the server then submits the exam).
 */
export const EXAM_TIMER_SCRIPT = `
(function () {
  var timer = document.querySelector('[data-exam-remaining]');
  if (!timer) return;
  var remaining = Number(timer.getAttribute('data-exam-remaining'));
  if (!isFinite(remaining)) return;
  var output = timer.querySelector('[data-exam-clock]');
  var announce = document.querySelector('[data-exam-announce]');
  var started = Date.now();
  var said = {};
  var sent = false;
  function format(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var mm = (h > 0 && m < 10 ? '0' : '') + m, ss = (s < 10 ? '0' : '') + s;
    return (h > 0 ? h + ':' : '') + mm + ':' + ss;
  }
  function tick() {
    var left = Math.max(0, remaining - Math.floor((Date.now() - started) / 1000));
    if (output) output.textContent = format(left);
    if (left <= 300) timer.classList.add('is-low');
    [300, 60].forEach(function (mark) {
      if (left <= mark && left > 0 && !said[mark] && remaining > mark && announce) {
        said[mark] = true;
        announce.textContent = (mark / 60) + (mark === 60 ? ' minute' : ' minutes') + ' left.';
      }
    });
    if (left === 0 && !sent) {
      sent = true;
      if (announce) announce.textContent = 'Time is up: submitting your exam.';
      var form = document.querySelector('form[data-exam-form]');
      if (form) {
        // Saves what is on screen without the browser's required-field check.
        form.noValidate = true;
        form.submit();
      } else {
        window.location.reload();
      }
      return;
    }
    window.setTimeout(tick, 1000 - ((Date.now() - started) % 1000));
  }
  tick();
})();
`;
