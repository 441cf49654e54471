/** Replaced by the build with package.json's version. */
declare const __KEEPER_PREP_VERSION__: string;
