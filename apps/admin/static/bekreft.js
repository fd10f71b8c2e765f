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
      const marker = document.createElement('input');
      marker.type = 'hidden';
      marker.name = CONFIRMED;
      marker.value = 'ja';
      request.form.append(marker);
      request.form.requestSubmit(request.submitter ?? undefined);
    });
    cancel.addEventListener('click', () => element.close());
    element.addEventListener('close', () => {
      pending = null;
    });
    actions.append(confirm, cancel);
    element.append(title, text, actions);
    document.body.append(element);
    return element;
  };

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.confirm === undefined) return;
    if (form.querySelector(`input[name="${CONFIRMED}"]`)) return;
    event.preventDefault();
    dialog ??= build();
    pending = { form, submitter: event.submitter };
    dialog.querySelector('#bekreft-tittel').textContent =
      form.dataset.confirmTitle ?? 'Er du sikker?';
    dialog.querySelector('#bekreft-tekst').textContent = form.dataset.confirm;
    const confirm = dialog.querySelector('[data-role="confirm"]');
    confirm.textContent = form.dataset.confirmLabel ?? 'Ja, fortsett';
    if (form.dataset.confirmDanger === undefined) delete confirm.dataset.color;
    else confirm.dataset.color = 'danger';
    dialog.showModal();
  });
})();
