/**
 * Browser code for /playground, bundled into /static/playground.js. The builder's fields rebuild
 * the JSON request as you type (the server builds it, so there is one implementation); copy
 * buttons put a request's CLI, JavaScript or Python form on the clipboard. Without it the pages
 * work as plain forms.
 */
const builder = document.querySelector<HTMLFormElement>('form[data-builder]');
const area = document.querySelector<HTMLTextAreaElement>('#request-json');

if (builder && area) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let serial = 0;
  const rebuild = async () => {
    const mine = ++serial;
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(builder)) if (typeof value === 'string' && name !== 'json' && name !== 'intent') body.append(name, value);
    try {
      const response = await fetch('/playground/run/build', { method: 'POST', body, headers: { Accept: 'application/json' } });
      const reply = (await response.json()) as { json?: string };
      // A slower answer to an older keystroke must not overwrite a newer one.
      if (mine !== serial || reply.json === undefined) return;
      area.value = reply.json;
      area.dispatchEvent(new Event('code-editor:set'));
    } catch {
      // Offline or refused: the build button still works.
    }
  };
  builder.addEventListener('input', (event) => {
    if (event.target === area) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 250);
  });
  builder.addEventListener('change', (event) => {
    if (event.target === area || (event.target as HTMLElement).tagName !== 'SELECT') return;
    void rebuild();
  });
  for (const button of builder.querySelectorAll<HTMLElement>('[data-build]')) button.hidden = true;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy ?? '');
    if (!source) return;
    try {
      await navigator.clipboard.writeText(source.textContent ?? '');
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select the text to copy';
    }
    setTimeout(() => {
      button.textContent = button.dataset.label ?? 'Copy';
    }, 2000);
  });
}
