// newsprism — small enhancements for the story page. The pages work without this script.
"use strict";

(function () {
  // Hovering or focusing a finding's quote outlines the same words in the source text, so a reader
  // sees where they sit before jumping there.
  function targetOf(link) {
    var anchor = document.getElementById(link.getAttribute("data-target"));
    return anchor ? anchor.nextElementSibling : null;
  }

  function setHot(link, on) {
    var mark = targetOf(link);
    if (mark) {
      mark.classList.toggle("hot", on);
    }
  }

  document.addEventListener("mouseover", function (event) {
    var link = event.target.closest && event.target.closest(".quote-source[data-target]");
    if (link) setHot(link, true);
  });
  document.addEventListener("mouseout", function (event) {
    var link = event.target.closest && event.target.closest(".quote-source[data-target]");
    if (link) setHot(link, false);
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".quote-source[data-target]")) setHot(event.target, true);
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.matches && event.target.matches(".quote-source[data-target]")) setHot(event.target, false);
  });

  // Jumping to a quote inside a scrolling source column: scroll the column, not the whole page sideways.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".quote-source[data-target]");
    if (!link) return;
    var mark = targetOf(link);
    if (!mark) return;
    event.preventDefault();
    history.replaceState(null, "", "#" + link.getAttribute("data-target"));
    mark.scrollIntoView({ behavior: "smooth", block: "center", inline: "nearest" });
    mark.classList.add("hot");
    window.setTimeout(function () { mark.classList.remove("hot"); }, 1600);
  });
})();
