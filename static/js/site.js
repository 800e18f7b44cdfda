/* NMPAA: progressive enhancement only. Every page reads, and every form submits, without it.
   Loaded in <head> so the "js" class is set before the first paint (no layout shift);
   the rest waits for the document. */
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;
  root.classList.add("js");

  function each(selector, callback) {
    Array.prototype.forEach.call(doc.querySelectorAll(selector), callback);
  }

  if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }

  function enhance() {
    /* Quick exit: blank the page and neutralise the title at once, drop anything typed,
       then replace this history entry with /exit/, which clears the session and moves on. */
    var exitLink = doc.querySelector("[data-quick-exit]");
    var exitStatus = doc.querySelector("[data-quick-exit-status]");
    var pageTitle = doc.title;
    var shiftPresses = 0;
    var shiftTimer = null;

    function clearForms() {
      each("input, textarea, select", function (field) {
        var type = (field.type || "").toLowerCase();
        if (type === "hidden" || type === "submit" || type === "button") { return; }
        if (type === "checkbox" || type === "radio") { field.checked = false; }
        else if (field.tagName === "SELECT") { field.selectedIndex = -1; }
        else { field.value = ""; }
      });
      try { window.sessionStorage.clear(); } catch (error) { /* storage may be blocked */ }
    }

    function quickExit(event) {
      if (event) { event.preventDefault(); }
      root.classList.add("is-exiting");
      doc.title = "New Tab";
      clearForms();
      window.location.replace(exitLink.href);
    }

    function announce(message) {
      if (exitStatus) { exitStatus.textContent = message; }
    }

    function resetShift() {
      shiftPresses = 0;
      window.clearTimeout(shiftTimer);
      announce("");
    }

    if (exitLink) {
      exitLink.addEventListener("click", quickExit);
      // Shift, not Escape: Escape can stop a page from loading.
      doc.addEventListener("keydown", function (event) {
        if (event.key !== "Shift") { resetShift(); return; }
        if (event.repeat) { return; }
        shiftPresses += 1;
        window.clearTimeout(shiftTimer);
        shiftTimer = window.setTimeout(resetShift, 2000);
        if (shiftPresses >= 3) {
          resetShift();
          quickExit();
        } else {
          announce("Shift, press " + (3 - shiftPresses) + " more time" +
            (shiftPresses === 2 ? "" : "s") + " to exit.");
        }
      });
      // A page brought back from the browser's cache must not stay blank.
      window.addEventListener("pageshow", function (event) {
        if (event.persisted) {
          root.classList.remove("is-exiting");
          doc.title = pageTitle;
          resetShift();
        }
      });
    }

    /* Main menu: a disclosure button on small screens; without JavaScript the links show. */
    var nav = doc.querySelector("[data-nav]");
    var toggle = doc.querySelector("[data-nav-toggle]");
    if (nav && toggle) {
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        nav.classList.toggle("is-open", open);
      });
      nav.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && nav.classList.contains("is-open")) {
          toggle.setAttribute("aria-expanded", "false");
          nav.classList.remove("is-open");
          toggle.focus();
        }
      });
    }

    /* Forms: focus the error summary, and make its links land on the field with its label. */
    var summary = doc.querySelector(".error-summary");
    if (summary) {
      summary.focus();
      summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var field = link && doc.getElementById(link.getAttribute("href").slice(1));
        if (!field) { return; }
        event.preventDefault();
        var wrapper = field.closest(".form-field") || field;
        wrapper.scrollIntoView();
        field.focus({ preventScroll: true });
      });
    }
  }
})();
