// kashf workbench: the little behaviour pages need. No inline handlers anywhere (the CSP
// forbids them); everything is wired here after the page has loaded.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Changing the sort order or a filter re-runs the search at once.
  for (const select of document.querySelectorAll("select.autosubmit")) {
    select.addEventListener("change", () => select.form && select.form.submit());
  }
});
