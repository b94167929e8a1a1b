// A static single-page app: every page renders in the browser, nothing on a server.
export const prerender = true;
export const ssr = false;
