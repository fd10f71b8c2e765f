/** How every read model names a county and a municipality (see ../content/views.ts). */

export interface CountyRef {
  readonly number: string;
  readonly name: string;
}

export interface MunicipalityRef {
  readonly number: string;
  readonly name: string;
  readonly slug: string;
  readonly county: CountyRef;
}
