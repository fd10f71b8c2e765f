import { Schema } from 'effect';

// Only error classes live here: the union of every aggregate's errors is DomainError (../errors.ts).

/** An article needs a lead and a text to be published. */
export class ArticleNotPublishable extends Schema.TaggedError<ArticleNotPublishable>()(
  'ArticleNotPublishable',
  { missingLead: Schema.Boolean, missingBody: Schema.Boolean },
) {
  /** What is missing, so that the editor knows what to write. */
  override get message(): string {
    const missing = [
      ...(this.missingLead ? ['en ingress'] : []),
      ...(this.missingBody ? ['en tekst'] : []),
    ];
    return `Artikkelen kan ikke publiseres ennå: skriv ${missing.join(' og ')}.`;
  }
}

/** An article's image without alt text. */
export class ArticleImageAltTextMissing extends Schema.TaggedError<ArticleImageAltTextMissing>()(
  'ArticleImageAltTextMissing',
  {},
) {
  override get message(): string {
    return 'Bildet må ha en alternativ tekst som beskriver det.';
  }
}

/** The file chosen as the article's image is not an image. */
export class ArticleImageNotAnImage extends Schema.TaggedError<ArticleImageNotAnImage>()(
  'ArticleImageNotAnImage',
  {},
) {
  override get message(): string {
    return 'Filen er ikke et bilde. Velg et bilde (JPEG, PNG eller WebP).';
  }
}

/** An article tied to a project must be published by the organisation that owns the project. */
export class ArticleProjectNotOfPublisher extends Schema.TaggedError<ArticleProjectNotOfPublisher>()(
  'ArticleProjectNotOfPublisher',
  { project: Schema.String, publisher: Schema.String },
) {
  override get message(): string {
    return 'En artikkel som hører til et prosjekt, må utgis av organisasjonen som eier prosjektet.';
  }
}
