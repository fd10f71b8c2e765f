/**
 * Destructive or public actions ask first (publish, unpublish, archive, withdraw, deactivate,
 * revoke a token, remove a role). The same words serve both ways of asking: the dialog that
 * static/bekreft.js opens from a form's data-confirm-* attributes, and, without JavaScript, the
 * confirmation page the action answers with until the form comes back with `bekreftet=ja`.
 */
import type { Transition } from '@klimakommuner/domain';

export interface Confirmation {
  /** A question: «Publisere «Grønn mobilitet»?» */
  readonly title: string;
  /** What will happen, in plain Norwegian. */
  readonly message: string;
  /** «Ja, publiser». */
  readonly confirmLabel: string;
  /** Whether the action removes or stops something (a red button). */
  readonly danger: boolean;
}

/** What the layout renders instead of the page: the question, and the form to send again. */
export interface ConfirmRequest extends Confirmation {
  /** The action the form posted to, e.g. `/prosjekter/x?/status`. */
  readonly action: string;
  /** Every field the form sent, to send again with `bekreftet=ja`. */
  readonly fields: readonly (readonly [string, string])[];
  /** Back to the page the form was on. */
  readonly cancelHref: string;
}

/** The field a confirmed form carries; the dialog and the confirmation page add it. */
export const CONFIRMED_FIELD = 'bekreftet';

/** The form attributes static/bekreft.js reads to ask before the form is sent. */
export function confirmAttributes(confirmation: Confirmation | null): Record<string, string> {
  if (confirmation === null) return {};
  return {
    'data-confirm': confirmation.message,
    'data-confirm-title': confirmation.title,
    'data-confirm-label': confirmation.confirmLabel,
    ...(confirmation.danger ? { 'data-confirm-danger': '' } : {}),
  };
}

export interface WorkflowSubject {
  /** «Prosjektet», «Profilen». */
  readonly noun: string;
  /** What refers back to the noun: «det» (prosjektet), «den» (profilen). */
  readonly pronoun: 'det' | 'den';
  /** The record's name, e.g. the project's title. */
  readonly name: string;
  /** Whether the public can see it now (published, and its «Publiser fra» has passed). */
  readonly public: boolean;
}

/**
 * What publishing, unpublishing or archiving does to a record; null for the transitions that
 * change nothing the public sees (submit, restore). `when` is the chosen «Publiser fra», already
 * written out, when the page knows it.
 */
export function transitionConfirmation(
  transition: Transition,
  subject: WorkflowSubject,
  when: string | null = null,
): Confirmation | null {
  const { noun, name, pronoun } = subject;
  switch (transition) {
    case 'publish':
      return {
        title: `Publisere «${name}»?`,
        message: when
          ? `${noun} blir synlig for alle på det offentlige nettstedet Klimakommuner fra ${when}.`
          : `${noun} blir synlig for alle på det offentlige nettstedet Klimakommuner, med en gang eller fra tidspunktet du har valgt under «Publiser fra».`,
        confirmLabel: 'Ja, publiser',
        danger: false,
      };
    case 'unpublish':
      return {
        title: `Avpublisere «${name}»?`,
        message: `${noun} blir tatt bort fra det offentlige nettstedet med en gang og blir et utkast igjen. Lenker til siden virker ikke før ${pronoun} publiseres på nytt.`,
        confirmLabel: 'Ja, avpubliser',
        danger: true,
      };
    case 'archive':
      return {
        title: `Arkivere «${name}»?`,
        message: subject.public
          ? `${noun} blir arkivert og tatt bort fra det offentlige nettstedet med en gang. Du kan gjenopprette ${pronoun} som utkast senere.`
          : `${noun} blir arkivert og kan ikke publiseres før ${pronoun} er gjenopprettet som utkast. ${pronoun === 'den' ? 'Den' : 'Det'} var ikke synlig for publikum, så det offentlige nettstedet endres ikke.`,
        confirmLabel: 'Ja, arkiver',
        danger: true,
      };
    default:
      return null;
  }
}

/** Withdrawing a municipality from a project. `from` is the day, written out, when known. */
export function withdrawConfirmation(
  municipality: string,
  project: string,
  from: string | null = null,
): Confirmation {
  return {
    title: `Trekke ${municipality} ut av «${project}»?`,
    message: `${municipality} får deltakelsesstatusen «Trukket seg» i prosjektet ${from ? `fra ${from}` : 'fra datoen du har valgt'}, og regnes ikke lenger som med. Historikken blir tatt vare på, og kommunen kan legges til igjen senere.`,
    confirmLabel: `Ja, trekk ut ${municipality}`,
    danger: true,
  };
}

export function deactivateConfirmation(user: string): Confirmation {
  return {
    title: `Deaktivere ${user}?`,
    message: `${user} kan ikke lenger logge inn, og alle øktene til brukeren avsluttes med en gang. Du kan aktivere brukeren igjen senere.`,
    confirmLabel: 'Ja, deaktiver brukeren',
    danger: true,
  };
}

export function revokeConfirmation(token: string, organisation: string): Confirmation {
  return {
    title: `Trekke tilbake tokenet «${token}»?`,
    message: `Tokenet slutter å virke med en gang, og tjenester som bruker det, mister tilgangen til API-et for ${organisation}. Dette kan ikke angres: tjenesten trenger et nytt token.`,
    confirmLabel: 'Ja, trekk tilbake tokenet',
    danger: true,
  };
}

export function removeRoleConfirmation(user: string, role: string): Confirmation {
  return {
    title: `Fjerne rollen «${role}» fra ${user}?`,
    message: `${user} mister med en gang det rollen gir tilgang til. Du kan legge til rollen igjen senere.`,
    confirmLabel: 'Ja, fjern rollen',
    danger: true,
  };
}

/** Deleting a resource: it is gone for good, its files kept only for the audit window. */
export function deleteResourceConfirmation(title: string, days: number): Confirmation {
  return {
    title: `Slette «${title}»?`,
    message: `Ressursen blir slettet for godt og forsvinner fra det offentlige nettstedet med en gang. Filene blir tatt vare på i ${days} dager av hensyn til endringshistorikken, og slettes deretter. Dette kan ikke angres.`,
    confirmLabel: 'Ja, slett ressursen',
    danger: true,
  };
}
