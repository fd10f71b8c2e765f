// Uploads an attachment with a progress bar (apps/admin/src/lib/components/ResourceForm.svelte).
// Without JavaScript the file goes with the form and the server uploads it; with this file, a
// form with data-upload sends a chosen file first, on its own, to that address on this site
// (which passes it on to the API), shows how far it has come, and then sends the form as the
// editor asked, with the stored file's id in hidden fields instead of the file itself.
// A plain file from the admin's own origin: the Content-Security-Policy allows no inline script.
(() => {
  const field = (form, name) => form.querySelector(`input[name="${name}"]`);

  const say = (form, message, failed) => {
    const status = form.querySelector('.upload-status');
    if (status) {
      status.textContent = message;
      status.classList.toggle('ds-validation-message', Boolean(failed));
    }
    const input = field(form, 'newFile');
    if (input) {
      if (failed) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };

  const upload = (form, file) =>
    new Promise((resolve) => {
      const body = new FormData();
      const alt = field(form, 'newAltText')?.value.trim() ?? '';
      if (alt !== '') body.set('alt', alt);
      body.set('file', file, file.name);
      const bar = form.querySelector('.upload-progress');
      const progress = bar?.querySelector('progress');
      if (bar) bar.hidden = false;
      if (progress) progress.value = 0;
      say(form, `Laster opp «${file.name}» …`, false);
      const request = new XMLHttpRequest();
      request.open('POST', form.dataset.upload);
      request.responseType = 'json';
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && progress) {
          progress.value = Math.round((event.loaded / event.total) * 100);
        }
      });
      const done = (answer) => {
        if (bar) bar.hidden = true;
        resolve(answer);
      };
      request.addEventListener('load', () =>
        done({ status: request.status, body: request.response }),
      );
      request.addEventListener('error', () => done({ status: 0, body: null }));
      request.send(body);
    });

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.upload === undefined) return;
    const input = field(form, 'newFile');
    const file = input?.files?.[0];
    if (!file) return;
    event.preventDefault();
    const submitter = event.submitter ?? undefined;
    const answer = await upload(form, file);
    const stored = answer.body?.file;
    if (answer.status !== 201 || !stored?.id) {
      // What the last round did no longer stands beside a refusal.
      for (const notice of form.querySelectorAll('[data-notice]')) notice.remove();
      say(
        form,
        answer.body?.error?.message ?? 'Opplastingen feilet. Sjekk nettforbindelsen og prøv igjen.',
        true,
      );
      input.focus();
      return;
    }
    field(form, 'uploadedFile').value = stored.id;
    field(form, 'uploadedKind').value = stored.kindLabel ?? '';
    field(form, 'uploadedSize').value = String(stored.size ?? 0);
    field(form, 'uploadedImage').value = stored.image ? '1' : '';
    field(form, 'uploadedName').value = file.name;
    input.value = '';
    say(form, `«${file.name}» er lastet opp.`, false);
    form.requestSubmit(submitter);
  });
})();
