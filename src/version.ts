/** Replaced at build time from package.json (see the build script). */
declare const __UCINDER_VERSION__: string | undefined;

export const VERSION: string = typeof __UCINDER_VERSION__ === 'string' ? __UCINDER_VERSION__ : '0.0.0-dev';
