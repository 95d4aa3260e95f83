// dateline: small behaviours shared by the pages. Never writes article text as HTML.
"use strict";
document.addEventListener("click", (event) => {
  const mark = event.target.closest("mark.fact.entity");
  if (mark && mark.dataset.entity && !event.target.closest("a")) {
    window.location.href = "/entities/" + encodeURIComponent(mark.dataset.entity);
  }
});
