// A survey's conditional questions: each element with data-when-q shows only while the
// question it names (a radio or checkbox group) has the value data-when-v ticked, and
// that question is itself shown. Without this script every question shows, with a note.
(function () {
  "use strict";
  var form = document.querySelector("form.survey-sheet");
  if (!form) return;
  var dependents = form.querySelectorAll("[data-when-q]");
  function ticked(name, value) {
    var inputs = form.querySelectorAll("input[name='" + name + "']");
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (el.checked && el.value === value && !el.closest("[hidden]")) return true;
    }
    return false;
  }
  function update() {
    // in order: a question depends only on earlier ones
    for (var i = 0; i < dependents.length; i++) {
      var d = dependents[i];
      var show = ticked(d.getAttribute("data-when-q"), d.getAttribute("data-when-v"));
      d.hidden = !show;
      var note = d.querySelector("[id$='-when']");
      if (note) note.hidden = true;
    }
  }
  form.addEventListener("change", update);
  update();
})();
