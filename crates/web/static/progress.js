// kozos – a job's progress bar: polls the address in `data-progress-url` and moves the
// bar; when the job is finished, the page is loaded again to show what it made. Without
// this script the page has a link to look again.
(function () {
  'use strict';
  const box = document.querySelector('[data-progress-url]');
  if (!box) return;
  const bar = box.querySelector('progress');
  const text = box.querySelector('[data-progress-text]');
  const url = box.getAttribute('data-progress-url');
  async function poll() {
    try {
      const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (res.ok) {
        const p = await res.json();
        bar.max = p.total;
        bar.value = p.done;
        bar.textContent = `${p.done} / ${p.total}`;
        if (text) text.textContent = p.text;
        if (p.state === 'done' || p.state === 'failed') {
          window.location.reload();
          return;
        }
      }
    } catch {
      // offline for a moment: try again
    }
    setTimeout(poll, 1000);
  }
  setTimeout(poll, 500);
})();
