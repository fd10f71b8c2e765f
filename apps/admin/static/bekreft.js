// Asks before a destructive or public action (apps/admin/src/lib/confirm.ts): a form with
// data-confirm opens a modal dialog with the question and what will happen; «Avbryt» or Escape
// closes it and nothing is sent. Confirming sends the form with bekreftet=ja, which the server
// requires; without JavaScript the server answers with a confirmation page instead.
// A plain file from the admin's own origin: the Content-Security-Policy allows no inline script.
(() => {
  const CONFIRMED = 'bekreftet';
  let dialog = null;
  let pending = null;

  const button = (label, variant) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'ds-button';
    element.dataset.variant = variant;
    element.textContent = label;
    return element;
  };

  const build = () => {
    const element = document.createElement('dialog');
    element.className = 'ds-dialog confirm-dialog';
    element.setAttribute('aria-labelledby', 'bekreft-tittel');
    element.setAttribute('aria-describedby', 'bekreft-tekst');
    const title = document.createElement('h2');
    title.id = 'bekreft-tittel';
    title.className = 'ds-heading';
    title.dataset.size = 'sm';
    const text = document.createElement('p');
    text.id = 'bekreft-tekst';
    text.className = 'ds-paragraph';
    const actions = document.createElement('div');
    actions.className = 'actions';
    const confirm = button('', 'primary');
    confirm.dataset.role = 'confirm';
    const cancel = button('Avbryt', 'secondary');
    // The safe choice has the focus when the dialog opens.
    cancel.autofocus = true;
    confirm.addEventListener('click', () => {
      const request = pending;
      pending = null;
      element.close();
      if (!request) return;
      if (request.unsaved) {
        // Going on without saving; the status form's own question (if any) comes next.
        request.form.dataset.unsavedAccepted = '';
        request.form.requestSubmit(request.submitter ?? undefined);
        return;
      }
      const marker = document.createElement('input');
      marker.type = 'hidden';
      marker.name = CONFIRMED;
      marker.value = 'ja';
      request.form.append(marker);
      request.form.requestSubmit(request.submitter ?? undefined);
    });
    cancel.addEventListener('click', () => element.close());
    // The close event comes after a task; by then the dialog may be open again with the next
    // question (going on without saving, then «Publisere …?»), whose request must stay.
    element.addEventListener('close', () => {
      if (!element.open) pending = null;
    });
    actions.append(confirm, cancel);
    element.append(title, text, actions);
    document.body.append(element);
    return element;
  };

  const ask = (form, submitter, title, text, label, danger, unsaved) => {
    dialog ??= build();
    pending = { form, submitter, unsaved };
    dialog.querySelector('#bekreft-tittel').textContent = title;
    dialog.querySelector('#bekreft-tekst').textContent = text;
    const confirm = dialog.querySelector('[data-role="confirm"]');
    confirm.textContent = label;
    if (danger) confirm.dataset.color = 'danger';
    else delete confirm.dataset.color;
    dialog.showModal();
  };

  // A record's form (`?/lagre`) with changes not saved yet: typed into here, or given back by a
  // round that saved nothing (data-unsaved, e.g. an attachment moved). The workflow's buttons
  // (`?/status`) change the record as saved, so they ask first instead of losing the changes.
  const EDIT_FORM = 'form[action="?/lagre"]';
  const changed = (event) => {
    const form = event.target instanceof Element ? event.target.closest(EDIT_FORM) : null;
    if (form) form.dataset.unsaved = '';
  };
  document.addEventListener('input', changed);
  document.addEventListener('change', changed);
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.getAttribute('action') !== '?/status') return;
    if (form.dataset.unsavedAccepted !== undefined) return;
    if (!document.querySelector(`${EDIT_FORM}[data-unsaved]`)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    ask(
      form,
      event.submitter,
      'Endringene er ikke lagret',
      'Du har endret skjemaet uten å lagre. Publiseringsstatusen endres for det som er lagret, og endringene dine går tapt. Avbryt og lagre først, eller fortsett uten å lagre.',
      'Fortsett uten å lagre',
      true,
      true,
    );
  });

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.confirm === undefined) return;
    if (form.querySelector(`input[name="${CONFIRMED}"]`)) return;
    event.preventDefault();
    ask(
      form,
      event.submitter,
      form.dataset.confirmTitle ?? 'Er du sikker?',
      form.dataset.confirm,
      form.dataset.confirmLabel ?? 'Ja, fortsett',
      form.dataset.confirmDanger !== undefined,
      false,
    );
  });
})();
