/** The languages a lesson is written in (the `<locale>` of lessons/<chapter>/NN-slug.<locale>.md). */
export type Locale = 'zh' | 'en';

export const LOCALES: readonly Locale[] = ['zh', 'en'];
