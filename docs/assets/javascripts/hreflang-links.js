/* Runs before the theme's bundle: Material fetches "<alternate>/sitemap.xml" for every
   <link rel="alternate">, a 404 per page with per-page hreflang links. The links stay in
   the HTML source for search engines; the theme no longer sees them.
   A file, not an inline script: the site's Content-Security-Policy runs scripts from files. */
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (l) {
  l.setAttribute("rel", "alternate-language");
});
